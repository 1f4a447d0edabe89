#!/usr/bin/env python3
"""Generate the demo article submissions in contrib/demo/articles/*.eml.

Each article's text lives in articles/src/NN-CODE.txt (UTF-8; first line is
the headline, then a blank line, then paragraphs separated by blank lines).
This script wraps every article in a raw RFC 5322 message shaped like what a
particular real mail client sends (Foxmail, 163/Coremail, QQ Mail, Roundcube,
Word/WPS HTML, Outlook, Apple Mail, Thunderbird), so the daemon's decoding
path is exercised on realistic input.

Python 3 standard library only.  Output is deterministic: dates, Message-IDs
and MIME boundaries are fixed, so rerunning reproduces byte-identical files.

    python3 contrib/demo/make-articles.py
"""

import base64
import binascii
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC_DIR = os.path.join(HERE, "articles", "src")
OUT_DIR = os.path.join(HERE, "articles")
OFFICE = "office@example.test"


# --------------------------------------------------------------------------
# Source text

class Article:
    def __init__(self, name):
        self.name = name
        path = os.path.join(SRC_DIR, name + ".txt")
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        if "\r" in text:
            sys.exit("%s: source must use LF line endings" % path)
        if not text.endswith("\n") or text.endswith("\n\n"):
            sys.exit("%s: source must end with exactly one newline" % path)
        blocks = text[:-1].split("\n\n")
        if len(blocks) < 3 or any(not b or "\n" in b for b in blocks):
            sys.exit("%s: expected headline, blank line, paragraphs "
                     "separated by single blank lines" % path)
        self.text = text            # exact body text (LF, final newline)
        self.headline = blocks[0]
        self.paragraphs = blocks[1:]


def is_subheading(p):
    """Short block that does not end a sentence: styled as a sub-heading."""
    return len(p) <= 40 and p[-1] not in "。！？；"


# --------------------------------------------------------------------------
# Transfer encodings

def crlf(text):
    return text.replace("\n", "\r\n")


def b64_body(data):
    enc = base64.b64encode(data).decode("ascii")
    return "".join(enc[i:i + 76] + "\n" for i in range(0, len(enc), 76))


def qp_body(data):
    out = binascii.b2a_qp(data, quotetabs=False, istext=True, header=False)
    out = out.decode("ascii")
    if not out.endswith("\n"):
        out += "\n"
    return out


# --------------------------------------------------------------------------
# RFC 2047 encoded-words (split on character boundaries only)

def _q_char(ch, charset):
    out = []
    for b in ch.encode(charset):
        if b == 0x20:
            out.append("_")
        elif (0x30 <= b <= 0x39) or (0x41 <= b <= 0x5A) or (0x61 <= b <= 0x7A):
            out.append(chr(b))
        else:
            out.append("=%02X" % b)
    return "".join(out)


def encoded_words(text, charset, enc="B", first_budget=75, budget=75):
    """Greedy split of `text` into encoded-words of at most `budget` chars
    (`first_budget` for the first one).  For B encoding every word except
    the last is cut where its byte length is a multiple of 3 when possible,
    so no '=' padding appears in the middle of the header (only
    qq_split_subject() produces that on purpose)."""
    overhead = len("=?%s?%s??=" % (charset, enc))

    def size(chars):
        if enc == "B":
            n = len("".join(chars).encode(charset))
            return overhead + 4 * ((n + 2) // 3)
        return overhead + sum(len(_q_char(c, charset)) for c in chars)

    def render(chars):
        if enc == "B":
            payload = base64.b64encode("".join(chars).encode(charset))
            payload = payload.decode("ascii")
        else:
            payload = "".join(_q_char(c, charset) for c in chars)
        return "=?%s?%s?%s?=" % (charset, enc, payload)

    words = []
    rest = list(text)
    limit = first_budget
    while rest:
        n = 1
        while n < len(rest) and size(rest[:n + 1]) <= limit:
            n += 1
        if enc == "B" and n < len(rest):
            m = n
            while m > 1 and len("".join(rest[:m]).encode(charset)) % 3:
                m -= 1
            if len("".join(rest[:m]).encode(charset)) % 3 == 0:
                n = m
        words.append(render(rest[:n]))
        rest = rest[n:]
        limit = budget
    return words


def fold(words, lead=""):
    """Join encoded-words with folding whitespace, one word per line."""
    return lead + "\n ".join(words)


def qq_split_subject(text, split_at, charset="utf-8"):
    """QQ Mail style: exactly two adjacent B words, the first one ending in
    '=' padding (its byte length is not a multiple of 3)."""
    a, b = text[:split_at], text[split_at:]
    ab = a.encode(charset)
    if len(ab) % 3 == 0:
        raise ValueError("first encoded-word would not be padded")
    w1 = "=?%s?B?%s?=" % (charset, base64.b64encode(ab).decode("ascii"))
    w2 = "=?%s?B?%s?=" % (charset,
                          base64.b64encode(b.encode(charset)).decode("ascii"))
    if len(w1) > 75 or len(w2) > 75:
        raise ValueError("QQ subject words too long: %d %d" % (len(w1), len(w2)))
    return w1 + "\n " + w2


def addr(display, charset, address, enc="B", lead=len("From: ")):
    # Clients emit a short display name as one encoded-word.  (Python's
    # email package inserts a space between adjacent encoded-words inside
    # an address display-name, so keep it to one word.)
    words = encoded_words(display, charset, enc, 75 - lead)
    if len(words) != 1:
        raise ValueError("display name needs one encoded-word: %r" % display)
    value = "\n ".join(words)
    last = value.split("\n")[-1]
    sep = " " if lead + len(last) + len(address) + 3 <= 76 else "\n "
    return "%s%s<%s>" % (value, sep, address)


# --------------------------------------------------------------------------
# HTML bodies

def _runs(text):
    """Split text into ASCII / non-ASCII runs, as Word does with lang spans."""
    return re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text)


WORD_HEAD = """\
<html xmlns:v="urn:schemas-microsoft-com:vml" \
xmlns:o="urn:schemas-microsoft-com:office:office" \
xmlns:w="urn:schemas-microsoft-com:office:word" \
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" \
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=%(charset)s">
<meta name=Generator content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{font-family:宋体;
\tpanose-1:2 1 6 0 3 1 1 1 1 1;}
@font-face
\t{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
\t{font-family:等线;
\tpanose-1:2 1 6 0 3 1 1 1 1 1;}
@font-face
\t{font-family:仿宋_GB2312;
\tpanose-1:2 1 6 9 3 1 1 1 1 1;}
@font-face
\t{font-family:黑体;
\tpanose-1:2 1 6 9 6 1 1 1 1 1;}
@font-face
\t{font-family:方正小标宋简体;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{margin:0cm;
\ttext-align:justify;
\ttext-justify:inter-ideograph;
\tfont-size:10.5pt;
\tfont-family:等线;}
span.EmailStyle17
\t{mso-style-type:personal-compose;
\tfont-family:等线;
\tcolor:windowtext;}
.MsoChpDefault
\t{mso-style-type:export-only;
\tfont-family:等线;}
/* Page Definitions */
@page WordSection1
\t{size:595.3pt 841.9pt;
\tmargin:72.0pt 90.0pt 72.0pt 90.0pt;
\tlayout-grid:15.6pt;}
div.WordSection1
\t{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang=ZH-CN link="#0563C1" vlink="#954F72" \
style='text-justify-trim:punctuation'>
<div class=WordSection1>
"""

WORD_TAIL = """\
</div>
</body>
</html>
"""


def _word_spans(text, size, cjk_font, bold=False):
    out = []
    runs = _runs(text)
    for i, run in enumerate(runs):
        tail = "<o:p></o:p>" if i == len(runs) - 1 else ""
        # Word breaks its source lines inside the first tag of a paragraph
        sep = "\n" if i == 0 else " "
        if run[0] < "\x80":
            style = ("font-size:%s;font-family:\"Times New Roman\",serif"
                     % size)
            out.append("<span%slang=EN-US style='%s'>%s%s</span>"
                       % (sep, style, html.escape(run, quote=False), tail))
        else:
            style = "font-size:%s;font-family:%s" % (size, cjk_font)
            out.append("<span%sstyle='%s'>%s%s</span>"
                       % (sep, style, html.escape(run, quote=False), tail))
    s = "".join(out)
    return "<b>%s</b>" % s if bold else s


def word_html(art, charset):
    parts = [WORD_HEAD % {"charset": charset}]
    parts.append("<p class=MsoNormal align=center style='text-align:center;"
                 "line-height:28.0pt'>%s</p>\n"
                 % _word_spans(art.headline, "22.0pt", "方正小标宋简体"))
    parts.append("<p class=MsoNormal style='line-height:28.0pt'><span "
                 "lang=EN-US style='font-size:16.0pt'><o:p>&nbsp;</o:p>"
                 "</span></p>\n")
    for p in art.paragraphs:
        if is_subheading(p):
            spans = _word_spans(p, "16.0pt", "黑体")
        else:
            spans = _word_spans(p, "16.0pt", "仿宋_GB2312")
        parts.append("<p class=MsoNormal style='text-indent:32.0pt;"
                     "line-height:28.0pt'>%s</p>\n" % spans)
    parts.append(WORD_TAIL)
    return "".join(parts)


WPS_HEAD = """\
<html xmlns:o="urn:schemas-microsoft-com:office:office" \
xmlns:w="urn:schemas-microsoft-com:office:word" \
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=%(charset)s">
<meta name="ProgId" content="Word.Document">
<meta name="Generator" content="Microsoft Word 14">
<meta name="Originator" content="Microsoft Word 14">
<title></title>
<style>
@font-face{font-family:"Times New Roman";}
@font-face{font-family:"宋体";}
@font-face{font-family:"仿宋_GB2312";}
@font-face{font-family:"黑体";}
@font-face{font-family:"方正小标宋简体";}
p.MsoNormal{mso-style-name:正文;mso-style-parent:"";margin:0pt;\
margin-bottom:.0001pt;mso-pagination:none;text-align:justify;\
text-justify:inter-ideograph;font-family:Calibri;mso-fareast-font-family:宋体;\
mso-bidi-font-family:'Times New Roman';font-size:10.5000pt;\
mso-font-kerning:1.0000pt;}
span.msoIns{mso-style-type:export-only;mso-style-name:"";\
text-decoration:underline;text-underline:single;color:blue;}
span.msoDel{mso-style-type:export-only;mso-style-name:"";\
text-decoration:line-through;color:red;}
@page{mso-page-border-surround-header:no;mso-page-border-surround-footer:no;}\
@page Section0{margin-top:72.0000pt;margin-bottom:72.0000pt;\
margin-left:90.0000pt;margin-right:90.0000pt;size:595.3000pt 841.9000pt;\
layout-grid:15.6000pt;}
div.Section0{page:Section0;}
</style>
</head>
<body style="tab-interval:21pt;text-justify-trim:punctuation;" >
<!--StartFragment-->
<div class="Section0"  style="layout-grid:15.6000pt;" >
"""

WPS_TAIL = """\
</div>
<!--EndFragment-->
</body>
</html>
"""


def _wps_spans(text, size, font, bold=False):
    out = []
    for run in _runs(text):
        extra = ("mso-hansi-font-family:'Times New Roman';"
                 if run[0] < "\x80" else "")
        s = ("<span style=\"mso-spacerun:'yes';font-family:%s;%s"
             "font-size:%s;\" ><font face=\"%s\" >%s</font></span>"
             % (font, extra, size, font, html.escape(run, quote=False)))
        out.append("<b>%s</b>" % s if bold else s)
    endp = ("<span style=\"mso-spacerun:'yes';font-family:%s;font-size:%s;\" >"
            "<o:p></o:p></span>" % (font, size))
    out.append("<b>%s</b>" % endp if bold else endp)
    return "".join(out)


def wps_html(art, charset):
    parts = [WPS_HEAD % {"charset": charset}]
    parts.append("<p class=MsoNormal  align=center  style=\"text-align:center;"
                 "line-height:28.0000pt;mso-line-height-rule:exactly;\" >%s</p>"
                 % _wps_spans(art.headline, "22.0000pt", "方正小标宋简体",
                              bold=True))
    parts.append("<p class=MsoNormal  style=\"line-height:28.0000pt;"
                 "mso-line-height-rule:exactly;\" ><span style=\"mso-spacerun:"
                 "'yes';font-family:仿宋_GB2312;font-size:16.0000pt;\" >"
                 "<o:p>&nbsp;</o:p></span></p>")
    for p in art.paragraphs:
        if is_subheading(p):
            spans = _wps_spans(p, "16.0000pt", "黑体")
        else:
            spans = _wps_spans(p, "16.0000pt", "仿宋_GB2312")
        parts.append("<p class=MsoNormal  style=\"text-indent:32.0000pt;"
                     "mso-char-indent-count:2.0000;line-height:28.0000pt;"
                     "mso-line-height-rule:exactly;\" >%s</p>" % spans)
    parts.append("\n" + WPS_TAIL)
    return "".join(parts)


def apple_html(art):
    parts = ['<html aria-label="message body"><head><meta http-equiv='
             '"content-type" content="text/html; charset=utf-8"></head>'
             '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: '
             'space; line-break: after-white-space;">']
    blocks = [art.headline] + art.paragraphs
    for i, b in enumerate(blocks):
        if i:
            parts.append("<div><br></div>")
        parts.append("<div>%s</div>" % html.escape(b, quote=False))
    parts.append("</body></html>")
    return "".join(parts)


# --------------------------------------------------------------------------
# format=flowed (RFC 3676, DelSp=yes: CJK text has no spaces to break at)

def flowed_delsp(text, width=30):
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = width
            # never break next to a real space (it would be eaten / stuffed)
            while cut > 1 and (line[cut - 1] == " " or line[cut] == " "):
                cut -= 1
            out.append(line[:cut] + " ")
            line = line[cut:]
        out.append(line)
    for l in out:
        if l.startswith((" ", ">", "From ")):
            raise ValueError("line would need space-stuffing: %r" % l)
    return "\n".join(out)


# --------------------------------------------------------------------------
# Message assembly

def headers(pairs):
    out = []
    for name, value in pairs:
        out.append("%s: %s\n" % (name, value))
    return "".join(out)


def message(hdrs, body):
    """hdrs: list of (name, value); body: str (ASCII) or bytes (8bit)."""
    head = headers(hdrs).encode("ascii")
    if isinstance(body, str):
        body = body.encode("ascii")
    return head + b"\n" + body


def check_charset(art, charset, must_fail=None):
    art.text.encode(charset)  # raises if not representable
    if must_fail:
        try:
            art.text.encode(must_fail)
        except UnicodeEncodeError:
            return
        sys.exit("%s: expected a character outside %s" % (art.name, must_fail))


# 01 Foxmail: text/plain; charset=GB2312; 8bit
def m01(art):
    cs = "GB2312"
    check_charset(art, "gb2312")
    body = art.text.encode("gb2312")
    assert max(len(l) for l in body.split(b"\n")) <= 998
    subj = encoded_words("投稿：" + art.headline, cs, "B", 75 - 9)
    return message([
        ("Date", "Mon, 16 Nov 2026 09:42:18 +0800"),
        ("From", addr("区发改局", cs, "fgj@example.test")),
        ("To", OFFICE),
        ("Subject", fold(subj)),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611160942182318841@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="GB2312"'),
        ("Content-Transfer-Encoding", "8bit"),
    ], body)


# 02 163.com / Coremail webmail: text/plain; charset=GBK; base64
def m02(art):
    cs = "GBK"
    body = b64_body(crlf(art.text).encode("gbk"))
    subj = encoded_words("【投稿】" + art.headline, cs, "B", 75 - 9)
    return message([
        ("Date", "Tue, 17 Nov 2026 10:05:33 +0800 (CST)"),
        ("From", addr("新华街道办事处", cs, "xinhua@example.test")),
        ("To", OFFICE),
        ("Message-ID",
         "<5e3b9c1a.2f41.19a7c3d2e8b.Coremail.xinhua@example.test>"),
        ("Subject", fold(subj)),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
        ("X-NTES-SC", "AL_Qu2cAfydvUgo5CSaZekfmUsVgu4/XMq4uPkm1IRRN"),
    ], body)


# 03 QQ Mail: text/plain; charset=utf-8; base64; padded split subject
def m03(art):
    subject = "供稿-" + art.headline
    return message([
        ("From", addr("常青街道办事处", "utf-8", "changqing@example.test")),
        ("To", OFFICE),
        ("Subject", qq_split_subject(subject, 3 + 8)),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
        ("Content-Transfer-Encoding", "base64"),
        ("Date", "Wed, 18 Nov 2026 15:20:07 +0800"),
        ("X-Priority", "3"),
        ("Message-ID",
         "<tencent_8D3F0A6B2C41E97F5A1B3C7D9E2F4A6B8C09@example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-Mailer", "QQMail 2.x"),
    ], b64_body(crlf(art.text).encode("utf-8")))


# 04 Roundcube-like: text/plain; charset=UTF-8; quoted-printable; Q subject
def m04(art):
    cs = "UTF-8"
    subj = encoded_words(art.headline, cs, "Q", 75 - 13)
    return message([
        ("MIME-Version", "1.0"),
        ("Date", "Thu, 19 Nov 2026 08:51:40 +0800"),
        ("From", addr("万松街道办事处", cs, "wansong@example.test")),
        ("To", OFFICE),
        ("Subject", fold(subj, "Fw: ")),
        ("Message-ID", "<4b8f2d61c0a9e3f7d15b2a8c6e904f13@example.test>"),
        ("X-Sender", "wansong@example.test"),
        ("User-Agent", "Roundcube Webmail/1.6.9"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
    ], qp_body(art.text.encode("utf-8")))


# 05 Word HTML only: text/html; charset=utf-8; base64; Q-encoded subject
def m05(art):
    cs = "UTF-8"
    # B words would need '=' padding mid-header here ("+" and " " are
    # single bytes), so this sender's client uses Q encoding.
    subj = encoded_words("【简报投稿】" + art.headline, cs, "Q", 75 - 9)
    return message([
        ("Date", "Fri, 20 Nov 2026 16:33:05 +0800"),
        ("From", addr("区法院", cs, "fayuan@example.test")),
        ("To", OFFICE),
        ("Subject", fold(subj)),
        ("Message-ID", "<20261120163305.0A1B2C3D4E@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/html; charset="utf-8"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64_body(word_html(art, "utf-8").encode("utf-8")))


def outlook(art, cs_label, codec, display, sender, date, msgid, boundary,
            mailer, thread_index, prefix, html_cte):
    subj = encoded_words(prefix + art.headline, cs_label, "B", 75 - 9)
    plain = b64_body(crlf(art.text).encode(codec))
    html_bytes = crlf(word_html(art, cs_label)).encode(codec)
    if html_cte == "base64":
        html_body = b64_body(html_bytes)
    else:
        html_body = qp_body(word_html(art, cs_label).encode(codec))
    body = ("This is a multipart message in MIME format.\n\n"
            "--%(b)s\n"
            "Content-Type: text/plain;\n\tcharset=\"%(cs)s\"\n"
            "Content-Transfer-Encoding: base64\n\n"
            "%(plain)s\n"
            "--%(b)s\n"
            "Content-Type: text/html;\n\tcharset=\"%(cs)s\"\n"
            "Content-Transfer-Encoding: %(hcte)s\n\n"
            "%(html)s\n"
            "--%(b)s--\n\n"
            % {"b": boundary, "cs": cs_label, "plain": plain,
               "html": html_body, "hcte": html_cte})
    return message([
        ("From", addr(display, cs_label, sender)),
        ("To", OFFICE),
        ("Subject", fold(subj)),
        ("Date", date),
        ("Message-ID", msgid),
        ("MIME-Version", "1.0"),
        ("Content-Type",
         'multipart/alternative;\n\tboundary="%s"' % boundary),
        ("X-Mailer", mailer),
        ("Thread-Index", thread_index),
        ("Content-Language", "zh-CN"),
    ], body)


# 06 Outlook 2016: multipart/alternative, GB18030, plain b64 + html QP
def m06(art):
    return outlook(art, "gb18030", "gb18030", "区人社局", "rsj@example.test",
                   "Mon, 23 Nov 2026 11:18:42 +0800",
                   "<000001dc5b2a$7e3f91c0$7abeb540$@example.test>",
                   "----=_NextPart_000_0001_01DC5B2A.7E3F91C0",
                   "Microsoft Outlook 16.0",
                   "AdxbKn4/kcB6vrVAQ5mJ2a7H4K1e3Q==", "FW: ",
                   "quoted-printable")


# 07 Apple Mail: multipart/alternative UTF-8, plain format=flowed; delsp=yes
def m07(art):
    cs = "utf-8"
    boundary = "Apple-Mail=_5C1E9A2B-3D47-4F60-9B8E-2A71C4D0F3E6"
    plain = qp_body(flowed_delsp(art.text).encode("utf-8"))
    htmlb = qp_body(apple_html(art).encode("utf-8"))
    body = ("\n--%(b)s\n"
            "Content-Transfer-Encoding: quoted-printable\n"
            "Content-Type: text/plain;\n\tcharset=utf-8;\n\tdelsp=yes;\n"
            "\tformat=flowed\n\n"
            "%(plain)s\n"
            "--%(b)s\n"
            "Content-Transfer-Encoding: quoted-printable\n"
            "Content-Type: text/html;\n\tcharset=utf-8\n\n"
            "%(html)s\n"
            "--%(b)s--\n"
            % {"b": boundary, "plain": plain, "html": htmlb})
    subj = encoded_words(art.headline, cs, "B", 75 - 9)
    return message([
        ("From", addr("区规划分局", cs, "ghfj@example.test")),
        ("Content-Type",
         'multipart/alternative;\n\tboundary="%s"' % boundary),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))"),
        ("Subject", fold(subj)),
        ("Message-Id", "<5C1E9A2B-3D47-4F60-9B8E-2A71C4D0F3E6@example.test>"),
        ("Date", "Tue, 24 Nov 2026 14:07:29 +0800"),
        ("To", OFFICE),
        ("X-Mailer", "Apple Mail (2.3826.200.121)"),
    ], body)


# 08 old Foxmail: charset=gb2312 label, GBK bytes (name with 堃), base64
def m08(art):
    check_charset(art, "gbk", must_fail="gb2312")
    cs = "gb2312"
    subj = encoded_words("报送：" + art.headline, cs, "B", 75 - 9)
    return message([
        ("Date", "Mon, 16 Nov 2026 17:26:51 +0800"),
        ("From", addr("区行政审批局", cs, "spj@example.test")),
        ("To", OFFICE),
        ("Subject", fold(subj)),
        ("X-mailer", "Foxmail 6, 15, 201, 26 [cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611161726510937452@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64_body(crlf(art.text).encode("gbk")))


# 09 WPS HTML only: text/html; charset=UTF-8; quoted-printable
def m09(art):
    cs = "UTF-8"
    subj = encoded_words("【供稿】" + art.headline, cs, "B", 75 - 9)
    return message([
        ("Date", "Wed, 25 Nov 2026 09:03:12 +0800"),
        ("From", addr("区市场监管局", cs, "scjgj@example.test")),
        ("To", OFFICE),
        ("Subject", fold(subj)),
        ("Message-ID", "<1a2b3c4d.7e1.19a8f0c3b21.Coremail.scjgj@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/html; charset=UTF-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], qp_body(wps_html(art, "UTF-8").encode("utf-8")))


# 10 Outlook 2013 (Chinese UI): multipart/alternative, GBK, both base64
def m10(art):
    return outlook(art, "gbk", "gbk", "金管委", "jgw@example.test",
                   "Thu, 19 Nov 2026 16:45:20 +0800",
                   "<000601dc5821$0b7c2e90$22748bb0$@example.test>",
                   "----=_NextPart_000_0007_01DC5821.0B7C2E90",
                   "Microsoft Outlook 15.0",
                   "AdxYIQsC7pAidIuwR4WcK2m1D9f0aQ==", "转发: ",
                   "base64")


# 11 Thunderbird: text/plain; charset=UTF-8; format=flowed; 8bit
def m11(art):
    cs = "UTF-8"
    body = art.text.encode("utf-8")
    assert max(len(l) for l in body.split(b"\n")) <= 998
    subj = encoded_words(art.headline, cs, "B", 75 - 14)
    return message([
        ("Message-ID", "<8e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a6b@example.test>"),
        ("Date", "Thu, 26 Nov 2026 10:12:55 +0800"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("From", addr("江汉社保处", cs, "sbc@example.test")),
        ("Subject", fold(subj, "Fwd: ")),
        ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
        ("Content-Transfer-Encoding", "8bit"),
    ], body)


MESSAGES = [
    ("01-fgj", m01),
    ("02-xinhua", m02),
    ("03-changqing", m03),
    ("04-wansong", m04),
    ("05-fayuan", m05),
    ("06-rsj", m06),
    ("07-ghfj", m07),
    ("08-spj", m08),
    ("09-scjgj", m09),
    ("10-jgw", m10),
    ("11-sbc", m11),
]


PADDED_SPLIT_OK = {"03-changqing"}   # the deliberate QQ Mail case


def check_padding(name, data):
    """Only the QQ Mail message may have a '='-padded B encoded-word that is
    followed by another encoded-word (the GMime trigger)."""
    head = data.split(b"\n\n", 1)[0].decode("ascii")
    unfolded = re.sub(r"\n[ \t]+", " ", head)
    padded = re.search(r"=\?[^?]+\?[Bb]\?[A-Za-z0-9+/]*=+\?=\s+=\?", unfolded)
    if bool(padded) != (name in PADDED_SPLIT_OK):
        sys.exit("%s: unexpected padded-split state" % name)


def main():
    for name, build in MESSAGES:
        data = build(Article(name))
        check_padding(name, data)
        path = os.path.join(OUT_DIR, name + ".eml")
        with open(path, "wb") as f:
            f.write(data)
        print("wrote %s (%d bytes)" % (os.path.relpath(path, HERE), len(data)))


if __name__ == "__main__":
    main()
