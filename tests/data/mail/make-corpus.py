#!/usr/bin/env python3
"""Generate the mail test corpus in tests/data/mail/.

Every fixture is a raw RFC 5322 message NN-short-name.eml shaped like what a
real client sends (QQ Mail, Tencent Exmail, Foxmail 7.2, Coremail/163/126,
Outlook 16/Exchange, WPS, Apple Mail, Thunderbird, iPhone/Huawei/Xiaomi mail
apps, an office OA system), and an expectation NN-short-name.expect saying
what bulletind must make of it.  The fixtures are fed to the daemon in name
order into ONE store, so later ones are revisions or duplicates of earlier
ones.  The expectation format is described in README.

Messages are written byte by byte (never through Python's email generator,
which would "fix" them): raw 8-bit GBK headers, a gb2312 label over GBK
bytes, a UTF-8 label over GBK bytes, encoded-words split inside a character
or with '=' padding in the middle of a header, a NUL in a body, CRLF and LF
mixed in one part, hostile attachment names.

Python 3 standard library only.  Output is deterministic: dates,
Message-IDs, boundaries, zip timestamps are fixed and nothing is compressed
with zlib's deflate (zip entries and PNG data are stored), so rerunning
reproduces byte-identical files.  Check the output with check-corpus.py.

    python3 tests/data/mail/make-corpus.py [OUTDIR]
"""

import base64
import binascii
import datetime
import html
import os
import re
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OFFICE = "office@example.test"

UNITS = {
    "fgj": "区发改局", "xinhua": "新华街道办事处", "changqing": "常青街道办事处",
    "wansong": "万松街道办事处", "fayuan": "区法院", "rsj": "区人社局",
    "ghfj": "区规划分局", "spj": "区行政审批局", "scjgj": "区市场监管局",
    "jgw": "金管委", "sbc": "江汉社保处",
}


def unit_addr(code):
    return "%s@example.test" % code


# --------------------------------------------------------------------------
# Dates

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec")


def date(day, hh, mm, ss, month=11, zone="+0800", suffix=""):
    """An RFC 5322 date in November 2026 (names from fixed tables, not the
    locale)."""
    d = datetime.date(2026, month, day)
    return "%s, %d %s 2026 %02d:%02d:%02d %s%s" % (
        DAYS[d.weekday()], day, MONTHS[month - 1], hh, mm, ss, zone, suffix)


# --------------------------------------------------------------------------
# Transfer encodings.  Text is written with LF and converted to the
# message's line ending (EOL) at the end.

def eolize(text, eol):
    return text.replace("\n", eol)


def b64(data, eol="\n", width=76):
    enc = base64.b64encode(data).decode("ascii")
    return "".join(enc[i:i + width] + eol
                   for i in range(0, len(enc), width)).encode("ascii")


def qp(data, eol="\n"):
    """Quoted-printable of LF-separated DATA; soft and hard breaks use EOL."""
    out = binascii.b2a_qp(data, quotetabs=False, istext=True, header=False)
    out = out.decode("ascii")
    if not out.endswith("\n"):
        out += "\n"
    return out.replace("\n", eol).encode("ascii")


# --------------------------------------------------------------------------
# RFC 2047 encoded-words

def q_bytes(data):
    out = []
    for b in data:
        if b == 0x20:
            out.append("_")
        elif (0x30 <= b <= 0x39) or (0x41 <= b <= 0x5A) or (0x61 <= b <= 0x7A):
            out.append(chr(b))
        else:
            out.append("=%02X" % b)
    return "".join(out)


def bword(data, label):
    return "=?%s?B?%s?=" % (label, base64.b64encode(data).decode("ascii"))


def qword(data, label):
    return "=?%s?Q?%s?=" % (label, q_bytes(data))


def encoded_words(text, label, codec=None, enc="B", first_budget=75,
                  budget=75):
    """Split TEXT into encoded-words of at most BUDGET characters, only on
    character boundaries.  For B encoding every word but the last is cut
    where its byte length is a multiple of 3 when possible, so no '='
    padding appears in the middle of the header (the deliberate GMime
    trigger cases build their words by hand)."""
    codec = codec or label
    overhead = len("=?%s?%s??=" % (label, enc))

    def size(chars):
        data = "".join(chars).encode(codec)
        if enc == "B":
            return overhead + 4 * ((len(data) + 2) // 3)
        return overhead + len(q_bytes(data))

    def render(chars):
        data = "".join(chars).encode(codec)
        return bword(data, label) if enc == "B" else qword(data, label)

    words = []
    rest = list(text)
    limit = first_budget
    while rest:
        n = 1
        while n < len(rest) and size(rest[:n + 1]) <= limit:
            n += 1
        if enc == "B" and n < len(rest):
            m = n
            while m > 1 and len("".join(rest[:m]).encode(codec)) % 3:
                m -= 1
            if len("".join(rest[:m]).encode(codec)) % 3 == 0:
                n = m
        words.append(render(rest[:n]))
        rest = rest[n:]
        limit = budget
    return words


def subject(text, label="UTF-8", codec=None, enc="B", lead=""):
    """A Subject value: LEAD (plain ASCII such as "Re: ") then folded
    encoded-words, one per line."""
    first = 75 - len("Subject: ") - len(lead)
    return lead + "\n ".join(encoded_words(text, label, codec, enc, first))


def addr(display, label, address, codec=None, enc="B", quoted=False):
    """Display name as one encoded-word (clients do that for short names).
    QUOTED: Foxmail and QQ Mail put the encoded-word inside quotes, which
    RFC 2047 forbids but every reader accepts."""
    words = encoded_words(display, label, codec, enc, 200, 200)
    assert len(words) == 1
    w = '"%s"' % words[0] if quoted else words[0]
    return "%s <%s>" % (w, address)


# --------------------------------------------------------------------------
# Message assembly

def headers_bytes(hdrs, eol):
    out = []
    for name, value in hdrs:
        if isinstance(value, str):
            value = value.encode("ascii")
        value = value.replace(b"\n", eol.encode("ascii"))
        out.append(name.encode("ascii") + b": " + value + eol.encode("ascii"))
    return b"".join(out)


def message(hdrs, body, eol="\n"):
    """HDRS: (name, value) pairs, value str (ASCII) or bytes (raw 8-bit);
    '\\n' in a value is a fold.  BODY: bytes, already in EOL form."""
    return headers_bytes(hdrs, eol) + eol.encode("ascii") + body


part = message


def multipart(boundary, parts, eol="\n", preamble="", epilogue=""):
    e = eol
    out = eolize(preamble, eol).encode("ascii")
    for p in parts:
        out += (e + "--" + boundary + e).encode("ascii") + p
    out += (e + "--" + boundary + "--" + e).encode("ascii")
    out += eolize(epilogue, eol).encode("ascii")
    return out


def text_bytes(text, codec, eol="\n"):
    return eolize(text, eol).encode(codec)


def article_text(paras, sep="\n\n"):
    return sep.join(paras) + "\n"


# --------------------------------------------------------------------------
# HTML bodies

WORD_HEAD = """\
<html xmlns:v="urn:schemas-microsoft-com:vml" \
xmlns:o="urn:schemas-microsoft-com:office:office" \
xmlns:w="urn:schemas-microsoft-com:office:word" \
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" \
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=%(charset)s">
<meta name=Generator content="Microsoft Word 15 (filtered medium)">
<!--[if !mso]><style>v\\:* {behavior:url(#default#VML);}
o\\:* {behavior:url(#default#VML);}
w\\:* {behavior:url(#default#VML);}
.shape {behavior:url(#default#VML);}
</style><![endif]--><style><!--
/* Font Definitions */
@font-face
\t{font-family:宋体;
\tpanose-1:2 1 6 0 3 1 1 1 1 1;}
@font-face
\t{font-family:等线;
\tpanose-1:2 1 6 0 3 1 1 1 1 1;}
@font-face
\t{font-family:仿宋_GB2312;
\tpanose-1:2 1 6 9 3 1 1 1 1 1;}
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


def _runs(text):
    return re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text)


def word_spans(text, size="16.0pt", cjk_font="仿宋_GB2312", entities=False):
    """Word's markup for one paragraph: a span per script run, the last
    with <o:p></o:p>.  ENTITIES: write quotes as &ldquo;/&rdquo; the way
    Word does in some code pages."""
    out = []
    runs = _runs(text)
    for i, run in enumerate(runs):
        tail = "<o:p></o:p>" if i == len(runs) - 1 else ""
        esc = html.escape(run, quote=False)
        if entities:
            esc = esc.replace("“", "&ldquo;").replace("”", "&rdquo;")
            esc = esc.replace("—", "&mdash;")
        sep = "\n" if i == 0 else " "
        if run[0] < "\x80":
            out.append("<span%slang=EN-US style='font-size:%s;font-family:"
                       "\"Times New Roman\",serif'>%s%s</span>"
                       % (sep, size, esc, tail))
        else:
            out.append("<span%sstyle='font-size:%s;font-family:%s'>%s%s"
                       "</span>" % (sep, size, cjk_font, esc, tail))
    return "".join(out)


def word_para(text, entities=False):
    return ("<p class=MsoNormal style='text-indent:32.0pt;line-height:"
            "28.0pt;mso-line-height-rule:exactly'>%s</p>\n"
            % word_spans(text, entities=entities))


def word_headline(text):
    return ("<p class=MsoNormal align=center style='text-align:center;"
            "line-height:28.0pt'><b>%s</b></p>\n"
            "<p class=MsoNormal style='line-height:28.0pt'><span lang=EN-US "
            "style='font-size:16.0pt'><o:p>&nbsp;</o:p></span></p>\n"
            % word_spans(text, "22.0pt", "方正小标宋简体"))


def simple_html(paras, charset, style="font-family: 'Microsoft YaHei UI';"
                " font-size: 14px;"):
    """Foxmail/QQ/Coremail style: one <div> per line, <br> for blanks."""
    body = []
    for p in paras:
        body.append("<div>%s</div>" % html.escape(p, quote=False))
        body.append("<div><br></div>")
    return ('<html><head><meta http-equiv="content-type" content="text/html;'
            ' charset=%s"><style>body { line-height: 1.5; }</style></head>'
            '<body style="%s">\n%s\n</body></html>\n'
            % (charset, style, "\n".join(body[:-1])))


# --------------------------------------------------------------------------
# Attachments built from scratch

ZIP_TIME = (2026, 11, 2, 9, 30, 0)

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"')


def _xml(text):
    return html.escape(text, quote=False)


def docx(headline, paras, split_runs=True):
    """A small .docx as Word writes it: a centred bold headline, an empty
    paragraph, then first-line-indented body paragraphs.  Each body
    paragraph is cut into several runs (Word does that at every edit and
    proofing mark), so the text must be read across <w:r> boundaries."""
    ps = []
    ps.append(
        '<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>'
        '<w:jc w:val="center"/><w:rPr><w:rFonts w:ascii="方正小标宋简体" '
        'w:eastAsia="方正小标宋简体"/><w:b/><w:sz w:val="44"/></w:rPr></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体"'
        '/><w:b/><w:sz w:val="44"/></w:rPr><w:t>%s</w:t></w:r></w:p>'
        % _xml(headline))
    ps.append('<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>'
              '</w:pPr></w:p>')
    rpr = ('<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/>'
           '<w:sz w:val="32"/></w:rPr>')
    for n, p in enumerate(paras):
        pieces = [p]
        if split_runs and len(p) > 12:
            a, b = len(p) // 3, 2 * len(p) // 3
            pieces = [p[:a], p[a:b], p[b:]]
        runs = []
        for i, piece in enumerate(pieces):
            if i == 1:
                runs.append('<w:proofErr w:type="gramStart"/>')
            if i == 2:
                runs.append('<w:proofErr w:type="gramEnd"/>')
                if n == len(paras) - 1:
                    runs.append('<w:bookmarkStart w:id="0" w:name="_GoBack"/>'
                                '<w:bookmarkEnd w:id="0"/>')
            runs.append('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>'
                        % (rpr, _xml(piece)))
        ps.append('<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>'
                  '<w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>'
                  '%s</w:p>' % "".join(runs))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<w:document %s><w:body>%s<w:sectPr><w:pgSz w:w="11906" '
        'w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
        'w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>'
        '</w:sectPr></w:body></w:document>' % (W_NS, "".join(ps)))
    files = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
         'content-types"><Default Extension="rels" ContentType="application/'
         'vnd.openxmlformats-package.relationships+xml"/><Default Extension='
         '"xml" ContentType="application/xml"/><Override PartName="/word/'
         'document.xml" ContentType="application/vnd.openxmlformats-'
         'officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
         'openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/_rels/document.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"></Relationships>'),
        ("word/document.xml", document),
    ]
    return stored_zip([(n, c.encode("utf-8")) for n, c in files])


def stored_zip(files):
    """A ZIP archive of stored (uncompressed) entries written field by
    field, so its bytes do not depend on the Python or zlib version."""
    y, mo, d, h, mi, sec = ZIP_TIME
    dos_time = (h << 11) | (mi << 5) | (sec // 2)
    dos_date = ((y - 1980) << 9) | (mo << 5) | d
    local = bytearray()
    central = bytearray()
    for name, data in files:
        fname = name.encode("ascii")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, dos_time,
                             dos_date, crc, len(data), len(data), len(fname),
                             0) + fname + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0,
                               0, dos_time, dos_date, crc, len(data),
                               len(data), len(fname), 0, 0, 0, 0, 0,
                               offset) + fname
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files),
                      len(central), len(local), 0)
    return bytes(local + central + end)


def _zlib_stored(data):
    """A zlib stream of stored (uncompressed) deflate blocks: the same bytes
    whatever zlib version runs this script."""
    out = bytearray(b"\x78\x01")
    for i in range(0, max(len(data), 1), 65535):
        chunk = data[i:i + 65535]
        final = 1 if i + 65535 >= len(data) else 0
        out += bytes([final]) + struct.pack("<HH", len(chunk),
                                            len(chunk) ^ 0xFFFF) + chunk
    out += struct.pack(">I", zlib.adler32(data) & 0xFFFFFFFF)
    return bytes(out)


def png(w, h, seed):
    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", crc)
    rows = []
    for y in range(h):
        row = bytearray(b"\x00")
        for x in range(w):
            row += bytes(((x * 16 + seed) % 256, (y * 16 + seed * 3) % 256,
                          ((x + y) * 8 + seed * 7) % 256))
        rows.append(bytes(row))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", _zlib_stored(b"".join(rows))) + chunk(b"IEND", b""))


def ole_file(stream_name, filler):
    """Just enough of a Compound File Binary (old .doc, .wps) to look like
    one: the D0 CF 11 E0 A1 B1 1A E1 signature, a header sector, a
    directory entry naming the main stream, and some filler text."""
    hdr = bytearray(512)
    hdr[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", hdr, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", hdr, 44, 1, 1, 0, 4096)
    struct.pack_into("<III", hdr, 60, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    for i in range(109):
        struct.pack_into("<I", hdr, 76 + 4 * i, 0xFFFFFFFF)
    struct.pack_into("<I", hdr, 76, 0)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)
    dirent = bytearray(512)
    name = "Root Entry".encode("utf-16-le") + b"\0\0"
    dirent[0:len(name)] = name
    struct.pack_into("<HBB", dirent, 64, len(name), 5, 1)
    name2 = stream_name.encode("utf-16-le") + b"\0\0"
    dirent[128:128 + len(name2)] = name2
    struct.pack_into("<HBB", dirent, 192, len(name2), 2, 1)
    body = filler.encode("utf-16-le")
    body += b"\0" * (-len(body) % 512)
    return bytes(hdr + fat + dirent) + body


def pdf(lines):
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = "BT /F1 12 Tf 72 770 Td " + " ".join(
        "(%s) Tj 0 -16 Td" % l for l in lines) + " ET"
    objs[3] = "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out.encode("latin-1")))
        out += "%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    xref = len(out.encode("latin-1"))
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += "".join("%010d 00000 n \n" % off for off in offsets)
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref))
    return out.encode("latin-1")


def tnef(note):
    """winmail.dat: the TNEF signature 0x223E9F78, a key, and a few
    attributes; the message body is RTF inside, unreadable without a
    TNEF decoder."""
    def attr(level, tag, data):
        return (bytes([level]) + struct.pack("<I", tag) +
                struct.pack("<I", len(data)) + data +
                struct.pack("<H", sum(data) & 0xFFFF))
    out = struct.pack("<IH", 0x223E9F78, 0x1A2B)
    out += attr(1, 0x00089006, struct.pack("<I", 0x00010000))
    out += attr(1, 0x00078008, b"IPM.Microsoft Mail.Note\0")
    out += attr(1, 0x00018004, b"\x00\x00\x00\x00")
    rtf = ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil "
           "\\'cb\\'ce\\'cc\\'e5;}}\\uc1\\pard\\f0 %s\\par}" % note)
    out += attr(3, 0x00069003, rtf.encode("latin-1"))
    return out


# --------------------------------------------------------------------------
# Fixtures.  Each builder returns (raw bytes, expectation dict).  They are
# numbered in the order they are registered here.

FIXTURES = []          # (short name, client, proves, builder)
NAMES = {}             # short name -> "NN-short-name"
PADDED_SPLIT_OK = set()  # short names allowed a padded B-word mid-header


def fixture(short, client, proves, padded_split=False):
    def register(fn):
        FIXTURES.append((short, client, proves, fn))
        NAMES[short] = "%03d-%s" % (len(FIXTURES), short)
        if padded_split:
            PADDED_SPLIT_OK.add(short)
        return fn
    return register


def name_of(short):
    return NAMES[short]


def exp(state, unit, title=None, contains=(), absent=(), fields=(),
        attachments=(), diagnostics=(), reason=None, notes=()):
    return dict(state=state, unit=unit, title=title, contains=contains,
                absent=absent, fields=fields, attachments=attachments,
                diagnostics=diagnostics, reason=reason, notes=notes)


def render_expect(short, client, proves, e):
    out = ["# %s" % proves, "# client: %s" % client]
    out += ["# %s" % n for n in e["notes"]]
    out.append("state: %s" % e["state"])
    out.append("unit: %s" % e["unit"])
    if e["title"] is not None:
        out.append("title: %s" % e["title"])
    for key, field in (("contains", "contains"), ("absent", "absent")):
        out += ["%s: %s" % (key, v) for v in e[field]]
    out += ["field: %s=%s" % kv for kv in e["fields"]]
    out += ["attachment: %s" % a for a in e["attachments"]]
    out += ["diagnostic: %s" % d for d in e["diagnostics"]]
    if e["reason"] is not None:
        out.append("reason: %s" % e["reason"])
    for line in out:
        assert "\n" not in line and "\r" not in line, (short, line)
    return ("\n".join(out) + "\n").encode("utf-8")


def check_article(paras, lo=80, hi=400):
    n = sum(len(p) for p in paras)
    assert lo <= n <= hi, (n, paras[0][:20])


# ---- 1. Charsets ---------------------------------------------------------

A_FGJ1_TITLE = "区发改局召开四季度重点项目调度会"
A_FGJ1 = [
    "11月2日，区发改局召开四季度重点项目调度会，副局长王堃主持会议。会议逐一"
    "梳理全区42个在建重点项目的形象进度、资金拨付和要素保障情况，对进度滞后的"
    "6个项目现场交办问题清单，明确责任人和完成时限。",
    "会上，湖北镕达建设公司负责人陈喆反映施工用电报装周期较长，区发改局当场"
    "协调供电部门开辟绿色通道，承诺5个工作日内完成接电。下一步，区发改局将实行"
    "“周调度、月通报”，确保全年投资目标顺利完成。",
]
FIELDS_FGJ1 = "审签：王堃  执笔：陈喆  电话：027-8577 3321"
MID_FGJ1 = "<202611020942183018841@example.test>"


@fixture("foxmail-gbk-in-gb2312", "Foxmail 7.2 (multipart/alternative, "
         "plain base64, html QP)",
         "charset=gb2312 label over GBK bytes (镕 堃 喆) read as GB18030; "
         "one-line 审签/执笔/电话 fields with full-width colons at the end")
def f_foxmail_gbk_in_gb2312():
    check_article(A_FGJ1)
    text = article_text(A_FGJ1 + [FIELDS_FGJ1])
    b = "----=_001_NextPart018446735212_=----"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "gbk", "\r\n")))
    htm = simple_html(A_FGJ1 + [FIELDS_FGJ1], "gb2312")
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("gbk")))
    body = multipart(b, [plain, hpart],
                     preamble="This is a multi-part message in MIME format.\n")
    raw = message([
        ("Date", date(2, 9, 42, 18)),
        ("From", addr("区发改局", "gb2312", unit_addr("fgj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("投稿：" + A_FGJ1_TITLE, "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", MID_FGJ1),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
    ], body)
    return raw, exp(
        "filed", "fgj", A_FGJ1_TITLE,
        contains=["副局长王堃主持会议", "湖北镕达建设公司负责人陈喆",
                  "确保全年投资目标顺利完成。"],
        absent=["审签", "027-8577 3321"],
        fields=[("审签", "王堃"), ("执笔", "陈喆"), ("电话", "027-8577 3321")],
        notes=["a gb2312 decoder fails on 堃 (88 D2), 喆 (86 B4), 镕 (E9 46)"])


A_XINHUA1_TITLE = "新华街道“街区吹哨”化解商户诉求"
A_XINHUA1 = [
    "今年以来，新华街道推行“街区吹哨、部门报到”机制，商户反映的问题由网格员"
    "第一时间上报，街道统筹城管、市场监管等部门限时办结。截至10月底，累计受理"
    "商户诉求137件，办结率98.5%。",
    "一家德资咖啡馆申请外摆经营，网格员刘䶮全程代办，3天内办结，企业首期投入"
    "约12万€已全部到位。辖区老字号“𠀀记”糕点铺也通过这一机制解决了招牌改造"
    "难题。",
]


@fixture("outlook-gb18030-in-gbk", "Outlook 16 (alternative, CRLF, plain "
         "and html quoted-printable, Content-Language: zh-CN)",
         "charset=gbk label over GB18030 bytes: 䶮 (FE 9F), € (A2 E3) and "
         "the 4-byte 𠀀 (95 32 82 36) come out right only as GB18030")
def f_outlook_gb18030_in_gbk():
    check_article(A_XINHUA1)
    text = article_text(A_XINHUA1)
    b = "----=_NextPart_000_0003_01DC4E6B.2A9C1F40"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gbk"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(text.encode("gb18030"), "\r\n"), "\r\n")
    htm = WORD_HEAD % {"charset": "gbk"} + word_headline(A_XINHUA1_TITLE) + \
        "".join(word_para(p) for p in A_XINHUA1) + WORD_TAIL
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gbk"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("gb18030"), "\r\n"), "\r\n")
    body = multipart(b, [plain, hpart], "\r\n",
                     preamble="This is a multipart message in MIME format.\n")
    raw = message([
        ("From", addr("新华街道", "gbk", unit_addr("xinhua"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject("【简报投稿】" + A_XINHUA1_TITLE, "gbk",
                            "gb18030")),
        ("Date", date(2, 10, 15, 3)),
        ("Message-ID", "<000301dc4e6b$2a9c1f40$7fd55dc0$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdxOaypMpm3TBVq1Q0uN8X0f2c7Wkg=="),
        ("Content-Language", "zh-CN"),
    ], body, "\r\n")
    return raw, exp(
        "filed", "xinhua", A_XINHUA1_TITLE,
        contains=["网格员刘䶮全程代办", "约12万€已全部到位",
                  "老字号“𠀀记”糕点铺", "办结率98.5%。"],
        notes=["Python's gbk codec and glibc iconv GBK both reject these "
               "bytes; GMime with the gbk label gives silent garbage"])


A_CQ1_TITLE = "常青街道开展安全生产“回头看”检查"
A_CQ1 = [
    "11月3日至5日，常青街道组织安监、消防力量对辖区38家重点企业开展安全生产"
    "“回头看”检查，重点复查前期隐患整改落实情况。检查组由街道副主任吕喆带队，"
    "逐项核对整改台账，对2家整改不到位的企业下达限期整改通知书。",
    "检查组同步为企业送去安全生产政策汇编，讲解动火作业、有限空间作业等风险"
    "防控要点，帮助企业从“被动整改”转向“主动防范”。",
]


@fixture("javamail-x-gbk", "office OA system on JavaMail (text/plain; "
         "charset=x-gbk; base64, x-gbk encoded-words)",
         "the Java charset name x-gbk (unknown to iconv and Python) is read "
         "as GB18030, in the body and in the Subject")
def f_javamail_x_gbk():
    check_article(A_CQ1)
    text = article_text(A_CQ1, "\n")
    raw = message([
        ("Date", date(5, 17, 20, 44, suffix=" (CST)")),
        ("From", addr("常青街道", "x-gbk", unit_addr("changqing"), "gbk")),
        ("To", OFFICE),
        ("Message-ID", "<1193825461.1204.1793870444123.JavaMail.oa@"
                       "oa.changqing.example.test>"),
        ("Subject", subject(A_CQ1_TITLE, "x-gbk", "gbk")),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=x-gbk"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "CQOA-Mail 4.2 (JavaMail 1.4.7)"),
    ], b64(text_bytes(text, "gbk", "\r\n")))
    return raw, exp(
        "filed", "changqing", A_CQ1_TITLE,
        contains=["检查组由街道副主任吕喆带队", "转向“主动防范”。"])


A_WS1_TITLE = "万松街道为外资企业配备“一对一”服务专员"
A_WS1 = [
    "为稳住外资企业发展信心，万松街道为辖区21家外资企业逐一配备服务专员，建立"
    "“一企一档”，专员每月上门走访，协助企业办理外籍人员居留许可、跨境结算等"
    "事项。",
    "一家法资设计公司今年追加投资，在服务专员张䶮的协助下，仅用5个工作日便完成"
    "增资变更登记。街道将持续做优涉外服务，擦亮“国际范”营商名片。",
]


@fixture("dotnet-cp936", "Windows desktop tool on System.Net.Mail "
         "(charset=cp936, base64, CRLF)",
         "charset=cp936 label read as GB18030: 䶮 is FE 9F, which a "
         "cp936/GBK decoder rejects or maps to a private-use character")
def f_dotnet_cp936():
    check_article(A_WS1)
    text = article_text(A_WS1)
    raw = message([
        ("MIME-Version", "1.0"),
        ("From", addr("万松街道办事处", "cp936", unit_addr("wansong"),
                      "gbk")),
        ("To", OFFICE),
        ("Date", date(5, 16, 2, 9)),
        ("Subject", subject(A_WS1_TITLE, "cp936", "gb18030")),
        ("Message-ID", "<a1c4e9f2-5b07-4d3a-8e61-2f9b7c0d4e15@"
                       "pc-ws-017.example.test>"),
        ("Content-Type", "text/plain; charset=cp936"),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(text, "gb18030", "\r\n")), "\r\n")
    return raw, exp(
        "filed", "wansong", A_WS1_TITLE,
        contains=["在服务专员张䶮的协助下", "擦亮“国际范”营商名片。"])


A_FY1_TITLE = "區法院召開涉企審判工作座談會"
A_FY1 = [
    "11月4日，區法院召開涉企審判工作座談會，邀請轄區12家企業代表參加。會上，"
    "法院通報了今年以來審結涉企案件的情況，並就合同糾紛、勞動爭議中的常見風險"
    "作了提示。",
    "企業代表圍繞訴訟費用緩交、執行款發放等問題提出意見建議，法院逐一回應，並"
    "承諾建立涉企案件「綠色通道」，做到快立、快審、快執。",
]


@fixture("outlook-big5", "Outlook 16, Traditional Chinese UI "
         "(alternative, big5, plain base64, html QP, zh-TW)",
         "Big5 body and Big5 encoded-word Subject decoded as Big5 (a GBK "
         "decoder gives garbage)")
def f_outlook_big5():
    check_article(A_FY1)
    text = article_text(A_FY1)
    b = "----=_NextPart_000_0011_01DC4F2A.5B3E8D10"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="big5"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "big5", "\r\n"), "\r\n"), "\r\n")
    htm = WORD_HEAD % {"charset": "big5"} + \
        "".join(word_para(p) for p in A_FY1) + WORD_TAIL
    htm = htm.replace("仿宋_GB2312", "標楷體").replace("等线", "新細明體")
    htm = htm.replace("宋体", "細明體").replace("方正小标宋简体", "標楷體")
    hpart = part([("Content-Type", 'text/html;\n\tcharset="big5"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("big5"), "\r\n"), "\r\n")
    body = multipart(b, [plain, hpart], "\r\n",
                     preamble="This is a multipart message in MIME format.\n")
    raw = message([
        ("From", addr("區法院", "big5", unit_addr("fayuan"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(A_FY1_TITLE, "big5")),
        ("Date", date(5, 11, 8, 51)),
        ("Message-ID", "<001101dc4f2a$5b3e8d10$11bba930$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdxPKls+jRC7qTB4RUqf5x0JY1mXhA=="),
        ("Content-Language", "zh-tw"),
    ], body, "\r\n")
    return raw, exp(
        "filed", "fayuan", A_FY1_TITLE,
        contains=["邀請轄區12家企業代表參加", "建立涉企案件「綠色通道」"])


A_SPJ1_TITLE = "区行政审批局推行企业开办“一日办结”"
A_SPJ1 = [
    "区行政审批局整合营业执照、公章刻制、税务登记、社保登记等环节，推行企业"
    "开办“一日办结”。申请人在政务服务中心“企业开办专区”一次提交材料，各环节"
    "并联审批，当日即可领取营业执照和公章。",
    "10月份，全区新设企业1126户，其中94%在一个工作日内完成开办。区行政审批局"
    "还为新办企业免费寄递证照，实现“零跑腿”。",
]


@fixture("oa-raw-gbk-no-charset", "office OA system (raw 8-bit GBK "
         "Subject, From name and X-Mailer; bare Content-Type: text/plain)",
         "raw 8-bit GBK headers decoded as GB18030; a body without charset "
         "detected as GB18030 and a diagnostic recorded")
def f_oa_raw_gbk_no_charset():
    check_article(A_SPJ1)
    text = article_text(A_SPJ1)
    raw = message([
        ("Return-Path", "<spj@example.test>"),
        ("Date", date(4, 15, 2, 11)),
        ("From", "区行政审批局 <spj@example.test>".encode("gbk")),
        ("To", OFFICE),
        ("Subject", A_SPJ1_TITLE.encode("gbk")),
        ("Message-ID", "<OA.20261104150211.3391@oa.spj.example.test>"),
        ("X-Mailer", "江汉区协同办公平台 V3.2".encode("gbk")),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain"),
        ("Content-Transfer-Encoding", "8bit"),
    ], text_bytes(text, "gbk", "\r\n"), "\r\n")
    return raw, exp(
        "filed", "spj", A_SPJ1_TITLE,
        contains=["一次提交材料，各环节并联审批", "实现“零跑腿”。"],
        diagnostics=["decoded as GB18030"])


A_RSJ1_TITLE = "区人社局举办高校毕业生秋季专场招聘会"
A_RSJ1 = [
    "11月6日，区人社局在江汉人力资源市场举办高校毕业生秋季专场招聘会，86家"
    "企业提供岗位1900余个，涵盖金融、软件开发、商贸物流等行业。现场设立政策"
    "咨询台，为求职者讲解就业补贴、创业担保贷款等政策。",
    "当天共有2300余名求职者入场，初步达成就业意向412人。区人社局将为未达成"
    "意向的毕业生建立台账，持续推送岗位信息。",
]
MID_RSJ1 = "<5f0c2e7a9b4d13e6c8a1f2b3d4e5f6a7@oa.rsj.example.test>"


@fixture("phpmailer-gbk-labelled-utf8", "web OA on PHPMailer 5.2 (declares "
         "utf-8, writes GBK from a GBK database; 8bit)",
         "a wrong charset label (utf-8 over GBK bytes) is detected, the text "
         "is correct and a diagnostic says it was decoded as GB18030")
def f_phpmailer_gbk_labelled_utf8():
    check_article(A_RSJ1)
    text = article_text(A_RSJ1, "\n")
    raw = message([
        ("Date", date(6, 16, 30, 5)),
        ("To", OFFICE),
        ("From", addr("区人社局", "UTF-8", unit_addr("rsj"))),
        ("Subject", subject(A_RSJ1_TITLE)),
        ("Message-ID", MID_RSJ1),
        ("X-Mailer", "PHPMailer 5.2.9 (https://github.com/PHPMailer/"
                     "PHPMailer/)"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "8bit"),
    ], text_bytes(text, "gbk", "\n"))
    return raw, exp(
        "filed", "rsj", A_RSJ1_TITLE,
        contains=["86家企业提供岗位1900余个", "初步达成就业意向412人。"],
        diagnostics=["decoded as GB18030"])


A_SCJ1_TITLE = "区市场监管局开展电梯安全专项检查"
A_SCJ1 = [
    "近日，区市场监管局对辖区住宅小区、商场超市的在用电梯开展安全专项检查，"
    "共检查电梯326台，发现隐患21处，已全部督促使用单位和维保单位完成整改。",
    "检查中，执法人员重点查看电梯维护保养记录、应急救援电话是否畅通等内容。"
    "区市场监管局提醒市民文明乘梯，发现电梯异常及时拨打应急救援电话。",
]
MID_SCJ1 = "<20261106091512.4f8a2c@oa.scjgj.example.test>"


@fixture("script-utf8-no-charset", "a Python report script on the unit's "
         "server (MIME-Version but bare text/plain, 8bit UTF-8)",
         "a body without charset that is valid UTF-8 is read as UTF-8 "
         "(the RFC 2045 default us-ascii would fail)")
def f_script_utf8_no_charset():
    check_article(A_SCJ1)
    text = article_text(A_SCJ1)
    raw = message([
        ("Content-Type", "text/plain"),
        ("MIME-Version", "1.0"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Subject", subject(A_SCJ1_TITLE)),
        ("From", unit_addr("scjgj")),
        ("To", OFFICE),
        ("Date", date(6, 9, 15, 12)),
        ("Message-ID", MID_SCJ1),
    ], text_bytes(text, "utf-8"))
    return raw, exp(
        "filed", "scjgj", A_SCJ1_TITLE,
        contains=["共检查电梯326台，发现隐患21处", "及时拨打应急救援电话。"])


# ---- 2. Subjects -----------------------------------------------------------

A_JGW1_TITLE = "金管委组织银行走进商务区开展金融服务"
A_JGW1 = [
    "11月5日，金管委组织辖区8家银行走进中央商务区，为楼宇企业开展“一站式”"
    "金融服务。银行工作人员现场讲解普惠贷款、供应链融资等产品，为企业量身定制"
    "融资方案。",
    "活动当天共有43家企业参加对接，现场达成融资意向1.6亿元。金管委将推动银企"
    "对接常态化，帮助中小微企业缓解融资难题。",
]


@fixture("subject-mixed-charsets", "Thunderbird 128 (UTF-8 flowed body; "
         "Subject kept from a GB2312 original, so three charsets/encodings)",
         "a Subject folded over three lines mixing GB2312 B, UTF-8 B and "
         "GB2312 Q encoded-words after an ASCII Fwd: prefix")
def f_subject_mixed_charsets():
    check_article(A_JGW1)
    s = ("Fwd: " + bword("金管委组织银".encode("gb2312"), "GB2312") +
         "\n " + bword("行走进商务区".encode("utf-8"), "UTF-8") +
         "\n " + qword("开展金融服务".encode("gb2312"), "GB2312"))
    raw = message([
        ("Message-ID", "<3c9e1f70-2a4b-4d86-b1e3-7f5a0c2d9e48@example.test>"),
        ("Date", date(6, 14, 21, 37)),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("From", addr("金管委", "UTF-8", unit_addr("jgw"))),
        ("Subject", s),
        ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
        ("Content-Transfer-Encoding", "8bit"),
    ], text_bytes(article_text(A_JGW1), "utf-8"))
    return raw, exp(
        "filed", "jgw", A_JGW1_TITLE,
        contains=["为楼宇企业开展“一站式”金融服务", "现场达成融资意向1.6亿元。"])


A_SBC1_TITLE = "江汉社保处上线养老保险待遇资格“静默认证”"
A_SBC1 = [
    "为减少参保人员往返奔波，江汉社保处依托大数据比对，上线养老保险待遇资格"
    "“静默认证”服务，系统通过就医、出行等数据自动完成资格确认，无需老人本人"
    "办理。",
    "目前，辖区已有1.8万名退休人员通过静默方式完成认证，占应认证人数的87%。"
    "对未能通过静默认证的人员，社保处安排工作人员上门服务。",
]


@fixture("subject-gbk-split-char", "OA mail gateway that cuts B-words every "
         "15 bytes (Coremail-style headers)",
         "GBK characters split across adjacent unpadded B-words: the bytes "
         "of adjacent words are joined before decoding")
def f_subject_gbk_split_char():
    check_article(A_SBC1)
    data = ("【投稿】" + A_SBC1_TITLE).encode("gbk")
    words = [bword(data[i:i + 15], "GBK") for i in range(0, len(data), 15)]
    for w in words[:-1]:
        assert "=?=" not in w
    raw = message([
        ("Date", date(7, 10, 2, 33, suffix=" (CST)")),
        ("From", addr("江汉社保处", "GBK", unit_addr("sbc"))),
        ("To", OFFICE),
        ("Message-ID", "<62a1f0b3.1c7e.19a91d0e4f2.Coremail.sbc@"
                       "example.test>"),
        ("Subject", "\n ".join(words)),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], b64(text_bytes(article_text(A_SBC1), "gbk", "\r\n")))
    return raw, exp(
        "filed", "sbc", A_SBC1_TITLE,
        contains=["上线养老保险待遇资格“静默认证”服务", "占应认证人数的87%。"],
        notes=["decoding each word on its own (Python's policy=default "
               "header parser) yields replacement characters"])


A_GH1_TITLE = "区规划分局优化工业项目“多测合一”服务"
A_GH1 = [
    "区规划分局推行工业项目“多测合一”，将规划核实、土地核验、房产测绘等多项"
    "测绘事项整合为一次委托、一次测绘、成果共享，测绘时间平均缩短15个工作日。",
    "今年以来，已有9个工业项目享受此项服务，为企业节约测绘费用约60万元。",
]


@fixture("subject-utf8-q-split", "Exchange 2010 relay re-encoding the "
         "Subject as Q-words cut every 10 bytes",
         "UTF-8 characters split across adjacent Q encoded-words (no "
         "padding involved) and an FW: prefix")
def f_subject_utf8_q_split():
    check_article(A_GH1)
    data = A_GH1_TITLE.encode("utf-8")
    words = [qword(data[i:i + 10], "utf-8") for i in range(0, len(data), 10)]
    raw = message([
        ("From", addr("区规划分局", "utf-8", unit_addr("ghfj"))),
        ("To", OFFICE),
        ("Subject", "FW: " + "\n ".join(words)),
        ("Date", date(7, 15, 44, 2)),
        ("Message-ID", "<7D2F04C1B9A34E58A0C1F2E3D4B5A697@"
                       "exch01.ghfj.example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="utf-8"'),
        ("Content-Transfer-Encoding", "base64"),
        ("Thread-Topic", "FW: " + words[0]),
        ("Thread-Index", "AdxQ8Z1kYt3o6n8aTRqG0yVnJ4Uw2A=="),
        ("Content-Language", "zh-CN"),
        ("X-MS-Has-Attach", ""),
        ("X-MS-TNEF-Correlator", ""),
    ], b64(text_bytes(article_text(A_GH1), "utf-8", "\r\n"), "\r\n"),
        "\r\n")
    return raw, exp(
        "filed", "ghfj", A_GH1_TITLE,
        contains=["测绘时间平均缩短15个工作日。", "节约测绘费用约60万元。"])


A_CQ2_TITLE = "常青街道“小微企业服务站”挂牌运行"
A_CQ2 = [
    "11月9日，常青街道“小微企业服务站”正式挂牌运行。服务站设在街道党群服务"
    "中心一楼，集成政策咨询、证照代办、融资对接、法律援助等12项服务，由街道"
    "选派6名专职人员坐班。",
    "挂牌首周，服务站接待企业咨询64人次，代办证照变更11件。街道将定期邀请区直"
    "部门进站“坐诊”，让小微企业在家门口办成事。",
]
MID_CQ2 = "<tencent_4A7C2E9B1D3F5A60B8C7D9E1F2A3B4C5D609@example.test>"


@fixture("qq-padded-subject", "QQ Mail (alternative, UTF-8 base64 parts, "
         "X-QQ-MIME)",
         "two adjacent B-words, the first ending in '=' padding: GMime "
         "3.2.13 drops everything after it; the title must be whole",
         padded_split=True)
def f_qq_padded_subject():
    check_article(A_CQ2)
    first = "[供稿]常青街道".encode("utf-8")
    assert len(first) % 3
    s = (bword(first, "utf-8") + "\n " +
         bword(A_CQ2_TITLE[4:].encode("utf-8"), "utf-8"))
    b = "----=_NextPart_6729A1B3_0F4C3A70_1D2E3F40"
    text = article_text(A_CQ2)
    plain = part([("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "utf-8", "\r\n")))
    hpart = part([("Content-Type", 'text/html;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(simple_html(A_CQ2, "utf-8").encode("utf-8")))
    body = multipart(b, [plain, hpart],
                     preamble="This is a multi-part message in MIME format.\n")
    raw = message([
        ("From", addr("常青街道", "utf-8", unit_addr("changqing"),
                      quoted=True)),
        ("To", '"%s" <%s>' % (bword("简报编辑部".encode("utf-8"), "utf-8"),
                              OFFICE)),
        ("Subject", s),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", date(9, 15, 20, 7)),
        ("X-Priority", "3"),
        ("Message-ID", MID_CQ2),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-Mailer", "QQMail 2.x"),
    ], body)
    return raw, exp(
        "filed", "changqing", A_CQ2_TITLE,
        contains=["集成政策咨询、证照代办、融资对接、法律援助等12项服务",
                  "代办证照变更11件。"],
        notes=["GMime 3.2.13 alone decodes this Subject to \"[供稿]常青街道\""])


A_WS2_TITLE = "万松街道举办楼宇经济发展沙龙"
A_WS2 = [
    "11月10日，万松街道举办楼宇经济发展沙龙，辖区15栋重点商务楼宇的物业负责人"
    "和入驻企业代表参加，围绕提升楼宇入驻率、培育特色产业楼宇等话题深入交流。",
    "街道介绍了今年出台的楼宇招商奖励办法，对新引进的优质企业给予一次性奖励。"
    "下一步，街道将建立楼宇运营月度分析制度，推动楼宇经济提质增效。",
]


@fixture("foxmail-padded-gb2312-gbk", "Foxmail 7.2 (text/plain gb2312 "
         "base64; Subject in three B-words, two of them padded)",
         "padded GB2312 B-word followed by padded and unpadded GBK "
         "B-words, with a 投稿： prefix: the whole title survives",
         padded_split=True)
def f_foxmail_padded_gb2312_gbk():
    check_article(A_WS2)
    w1 = "投稿：万松街道".encode("gb2312")
    w2 = "举办楼宇".encode("gbk")
    w3 = "经济发展沙龙".encode("gbk")
    assert len(w1) % 3 and len(w2) % 3
    s = bword(w1, "GB2312") + "\n " + bword(w2, "GBK") + "\n " + \
        bword(w3, "GBK")
    raw = message([
        ("Date", date(10, 16, 5, 40)),
        ("From", addr("万松街道", "gb2312", unit_addr("wansong"),
                      quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", s),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611101605401447720@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(article_text(A_WS2), "gb2312", "\r\n")))
    return raw, exp(
        "filed", "wansong", A_WS2_TITLE,
        contains=["辖区15栋重点商务楼宇", "推动楼宇经济提质增效。"],
        notes=["GMime 3.2.13 alone decodes this Subject to \"投稿：万松街道\""])


A_RSJ2_TITLE = "区人社局开展根治欠薪冬季专项行动 确保农民工工资按时足额支付"
A_RSJ2 = [
    "11月起，区人社局联合住建、交通等部门开展根治欠薪冬季专项行动，对在建工程"
    "项目开展全覆盖检查，重点检查农民工实名制管理、工资专用账户和工资保证金"
    "制度落实情况。",
    "专项行动开展以来，已检查在建项目57个，督促7家企业补发工资186万元，涉及"
    "农民工312人。",
]


@fixture("oa-subject-encoded-crlf", "office OA system pasting a two-line "
         "Word headline into the Subject (GBK Q-words, =0D=0A inside)",
         "an encoded CR LF inside a Q encoded-word becomes one space in "
         "the title")
def f_oa_subject_encoded_crlf():
    check_article(A_RSJ2)
    head, tail = A_RSJ2_TITLE.split(" ")
    s = subject(head + "\r\n" + tail, "GBK", enc="Q")
    assert "=0D=0A" in s
    raw = message([
        ("Date", date(10, 9, 31, 0)),
        ("From", addr("区人社局", "GBK", unit_addr("rsj"))),
        ("To", OFFICE),
        ("Subject", s),
        ("Message-ID", "<OA.20261110093100.0117@oa.rsj.example.test>"),
        ("X-Mailer", "JHOA Mail Sender 2.1"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK"),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(article_text(A_RSJ2), "gbk", "\r\n"), "\r\n"), "\r\n")
    return raw, exp(
        "filed", "rsj", A_RSJ2_TITLE,
        contains=["开展根治欠薪冬季专项行动，对在建工程项目开展全覆盖检查",
                  "涉及农民工312人。"])


# ---- 3. Attachment names ---------------------------------------------------

def rfc2231_continuations(param, name, chunk=20):
    """param*0*=UTF-8''…; param*1*=…, cut every CHUNK bytes (so a
    character may straddle two continuations: the bytes are joined before
    the charset is applied)."""
    data = name.encode("utf-8")
    pieces = [data[i:i + chunk] for i in range(0, len(data), chunk)]
    out = []
    for i, p in enumerate(pieces):
        enc = "".join("%%%02X" % c if not (chr(c).isalnum() and c < 128)
                      and c not in b"-." else chr(c) for c in p)
        out.append("%s*%d*=%s%s" % (param, i, "UTF-8''" if i == 0 else "",
                                     enc))
    return ";\n ".join(out)


def rfc2231(param, name):
    enc = "".join("%%%02X" % c if not (chr(c).isalnum() and c < 128)
                  and c not in b"-." else chr(c) for c in name.encode("utf-8"))
    return "%s*=UTF-8''%s" % (param, enc)


A_GH2_TITLE = "区规划分局公示一批老旧小区改造规划方案"
A_GH2 = [
    "区规划分局近日对辖区6个老旧小区改造规划方案进行批前公示，内容包括加装"
    "电梯、增设停车位、完善消防通道等，居民可通过现场公示栏和区政府门户网站"
    "查看方案并提出意见。",
    "公示期为10个工作日。公示结束后，区规划分局将汇总居民意见，进一步修改完善"
    "方案，力争年内完成审批。",
]
PDF_GH2 = "老旧小区改造规划方案批前公示材料（第二批）.pdf"


@fixture("thunderbird-rfc2231-pdf", "Thunderbird 128 (multipart/mixed, "
         "flowed text, PDF named with RFC 2231 continuations)",
         "RFC 2231 filename*0*/filename*1*… continuations (cut inside a "
         "UTF-8 character) decode to the full name; a PDF next to a real "
         "text body is kept and the article is filed")
def f_thunderbird_rfc2231_pdf():
    check_article(A_GH2)
    b = "------------0FzY8bX3kQ1rJtV9sLw2HcPd"
    text = part([("Content-Type", "text/plain; charset=UTF-8; "
                  "format=flowed"),
                 ("Content-Transfer-Encoding", "8bit")],
                text_bytes(article_text(A_GH2), "utf-8"))
    att = part([("Content-Type", "application/pdf;\n " +
                 rfc2231_continuations("name", PDF_GH2)),
                ("Content-Disposition", "attachment;\n " +
                 rfc2231_continuations("filename", PDF_GH2)),
                ("Content-Transfer-Encoding", "base64")],
               b64(pdf(["Jianghan District planning notice",
                        "Batch 2: six residential compounds"])))
    body = multipart(b, [text, att],
                     preamble="This is a multi-part message in MIME format.")
    raw = message([
        ("Message-ID", "<b7e2d4a1-96c3-4f08-8d15-0a3e6c9f2b71@example.test>"),
        ("Date", date(11, 10, 12, 55)),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("From", addr("区规划分局", "UTF-8", unit_addr("ghfj"))),
        ("Subject", subject(A_GH2_TITLE)),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
    ], body)
    return raw, exp(
        "filed", "ghfj", A_GH2_TITLE,
        contains=["对辖区6个老旧小区改造规划方案进行批前公示",
                  "力争年内完成审批。"],
        attachments=[PDF_GH2])


A_SCJ2_TITLE = "区市场监管局开展“守护消费”食品安全抽检"
A_SCJ2 = [
    "为保障冬季消费安全，区市场监管局开展“守护消费”食品安全抽检行动，重点对"
    "农贸市场、大型商超销售的肉类、蔬菜、乳制品等进行抽样检验，共抽检食品420"
    "批次，合格率99.3%。",
    "对抽检不合格的3批次食品，已依法下架封存并立案调查，抽检结果已在区政府"
    "网站公开。",
]
DOC_SCJ2 = "食品安全抽检结果汇总表.doc"
MID_SCJ2 = "<000c01dc52f0$8a41b2e0$9ec518a0$@example.test>"


def outlook_mixed_scj2(extra_headers=()):
    b_mixed = "----=_NextPart_000_000D_01DC52F0.8A41B2E0"
    b_alt = "----=_NextPart_001_000E_01DC52F0.8A41B2E0"
    text = article_text(A_SCJ2)
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(text.encode("gb2312"), "\r\n"), "\r\n")
    htm = WORD_HEAD % {"charset": "gb2312"} + \
        "".join(word_para(p) for p in A_SCJ2) + WORD_TAIL
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("gb2312"), "\r\n"), "\r\n")
    alt = part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"'
                 % b_alt)], multipart(b_alt, [plain, hpart], "\r\n"), "\r\n")
    stem, ext = DOC_SCJ2.rsplit(".", 1)
    enc_name = (bword(stem[:6].encode("gb2312"), "gb2312") + " " +
                bword((stem[6:] + "." + ext).encode("gb2312"), "gb2312"))
    att = part([("Content-Type", 'application/msword;\n\tname="%s"'
                 % enc_name),
                ("Content-Transfer-Encoding", "base64"),
                ("Content-Disposition", 'attachment;\n\tfilename="%s"'
                 % enc_name)],
               b64(ole_file("WordDocument", "食品安全抽检结果汇总表 第四季度"),
                   "\r\n"), "\r\n")
    body = multipart(b_mixed, [alt, att], "\r\n",
                     preamble="This is a multipart message in MIME format.\n")
    return message(list(extra_headers) + [
        ("From", addr("区市场监管局", "gb2312", unit_addr("scjgj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(A_SCJ2_TITLE, "gb2312")),
        ("Date", date(11, 14, 40, 26)),
        ("Message-ID", MID_SCJ2),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b_mixed),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdxS8IpBmuB4pDxWSDaXh0tCqM3T1Q=="),
        ("Content-Language", "zh-cn"),
    ], body, "\r\n")


@fixture("outlook-rfc2047-doc-name", "Outlook 16 (mixed > alternative "
         "plain/html QP + application/msword)",
         "RFC 2047 encoded-words inside a quoted filename (two words, as "
         "Outlook and Foxmail write them); a .doc next to a real text body "
         "is kept and the article is filed")
def f_outlook_rfc2047_doc_name():
    check_article(A_SCJ2)
    return outlook_mixed_scj2(), exp(
        "filed", "scjgj", A_SCJ2_TITLE,
        contains=["共抽检食品420批次，合格率99.3%。",
                  "抽检结果已在区政府网站公开。"],
        attachments=[DOC_SCJ2])


A_SBC2_TITLE = "江汉社保处开展社保政策进园区活动"
A_SBC2 = [
    "11月11日，江汉社保处走进江汉经济开发区，开展社保政策进园区活动。工作人员"
    "现场讲解灵活就业人员参保、工伤保险待遇申领等政策，并为企业办理参保登记、"
    "信息变更等业务。",
    "当天共接待企业和职工咨询150余人次，现场办理业务36件。",
]
PNG_SBC2 = "活动现场照片.png"


@fixture("oa-raw-gbk-filename", "office OA system (multipart/mixed, GBK "
         "text, PNG with a raw 8-bit GBK filename)",
         "a raw 8-bit GBK attachment name (no RFC 2047/2231) is read as "
         "GB18030, not as Latin-1 mojibake")
def f_oa_raw_gbk_filename():
    check_article(A_SBC2)
    b = "=_OA_Part_20261111_153012_0004"
    text = part([("Content-Type", "text/plain; charset=GBK"),
                 ("Content-Transfer-Encoding", "base64")],
                b64(text_bytes(article_text(A_SBC2), "gbk", "\r\n"),
                    "\r\n"), "\r\n")
    att = part([("Content-Type", b'image/png; name="' +
                 PNG_SBC2.encode("gbk") + b'"'),
                ("Content-Disposition", b'attachment; filename="' +
                 PNG_SBC2.encode("gbk") + b'"'),
                ("Content-Transfer-Encoding", "base64")],
               b64(png(24, 16, 5), "\r\n"), "\r\n")
    body = multipart(b, [text, att], "\r\n")
    raw = message([
        ("Date", date(11, 15, 30, 12)),
        ("From", "江汉社保处 <sbc@example.test>".encode("gbk")),
        ("To", OFFICE),
        ("Subject", subject(A_SBC2_TITLE, "GBK")),
        ("Message-ID", "<OA.20261111153012.0004@oa.sbc.example.test>"),
        ("X-Mailer", "JHOA Mail Sender 2.1"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
    ], body, "\r\n")
    return raw, exp(
        "filed", "sbc", A_SBC2_TITLE,
        contains=["开展社保政策进园区活动", "现场办理业务36件。"],
        attachments=[PNG_SBC2])


A_CQ3_TITLE = "常青街道开展冬季消防安全宣传"
A_CQ3 = [
    "入冬以来，常青街道组织社区网格员、志愿者开展冬季消防安全宣传，走进居民"
    "楼栋、沿街门店发放宣传资料3000余份，排查电动自行车违规充电等隐患47处。",
    "街道还在8个社区开展消防应急演练，提升居民和商户的火灾自救互救能力。",
]


def qq_mixed(paras, atts, b_mixed, b_alt, charset="utf-8"):
    text = article_text(paras) if paras else "\n"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="%s"' % charset),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, charset, "\r\n")))
    htm = simple_html(paras, charset) if paras else \
        '<meta http-equiv="Content-Type" content="text/html; charset=%s">' \
        '<div><br></div>\n' % charset
    hpart = part([("Content-Type", 'text/html;\n\tcharset="%s"' % charset),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode(charset)))
    alt = part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"'
                 % b_alt)], multipart(b_alt, [plain, hpart]))
    return multipart(b_mixed, [alt] + atts,
                     preamble="This is a multi-part message in MIME format.\n")


@fixture("qq-hostile-names", "QQ Mail (mixed > alternative + three "
         "attachments)",
         "hostile names come out as safe base names: ../../etc/passwd -> "
         "passwd, a/b\\c.docx (RFC 2231, so the backslash is literal) -> "
         "c.docx, ../.. -> attachment")
def f_qq_hostile_names():
    check_article(A_CQ3)
    atts = [
        part([("Content-Type", 'text/plain;\n\tcharset="us-ascii";\n\t'
               'name="passwd"'),
              ("Content-Disposition", 'attachment; filename="../../etc/'
               'passwd"'),
              ("Content-Transfer-Encoding", "base64")],
             b64(b"root:x:0:0:root:/root:/bin/bash\n")),
        part([("Content-Type", "application/vnd.openxmlformats-officedocument"
               ".wordprocessingml.document;\n\t" + rfc2231("name",
                                                          "a/b\\c.docx")),
              ("Content-Disposition", "attachment; " +
               rfc2231("filename", "a/b\\c.docx")),
              ("Content-Transfer-Encoding", "base64")],
             b64(docx("消防安全宣传资料清单", ["宣传折页3000份，海报120张。"]))),
        part([("Content-Type", 'application/octet-stream;\n\tname="../.."'),
              ("Content-Disposition", 'attachment; filename="../.."'),
              ("Content-Transfer-Encoding", "base64")],
             b64(b"\x00\x01\x02\x03")),
    ]
    body = qq_mixed(A_CQ3, atts, "----=_NextPart_672C4E10_0A1B2C3D_4E5F6071",
                    "----=_NextPart_672C4E10_0A1B2C3D_4E5F6072")
    raw = message([
        ("From", addr("常青街道", "utf-8", unit_addr("changqing"),
                      quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(A_CQ3_TITLE, "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="----=_NextPart_'
         '672C4E10_0A1B2C3D_4E5F6071"'),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", date(12, 8, 47, 31)),
        ("X-Priority", "3"),
        ("Message-ID", "<tencent_1F3E5D7C9B0A2E4C6D8F0A1B3C5D7E9F0A08@"
                       "example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-Mailer", "QQMail 2.x"),
    ], body)
    return raw, exp(
        "filed", "changqing", A_CQ3_TITLE,
        contains=["排查电动自行车违规充电等隐患47处。",
                  "在8个社区开展消防应急演练"],
        absent=["root:x:0:0"],
        attachments=["passwd", "c.docx", "attachment"],
        notes=["the daemon keeps only the last component after / and \\ "
               "and turns an empty or dot-only name into \"attachment\""])


A_JGW2_TITLE = "金管委召开地方金融风险排查工作会"
A_JGW2 = [
    "11月12日，金管委召开地方金融风险排查工作会，部署新一轮风险排查。会议要求"
    "各街道对辖区内投资咨询、融资担保等企业开展全面摸排，做到底数清、情况明。",
    "会议强调，要加强部门协同和信息共享，对发现的风险线索及时核查处置，坚决"
    "守住不发生区域性金融风险的底线。",
]


@fixture("exmail-control-char-names", "Tencent Exmail (mixed > "
         "alternative, attachments named with control characters)",
         "control characters are stripped from attachment names "
         "(CR LF BEL inside an RFC 2231 name -> 会议纪要.txt); a name made "
         "only of controls becomes \"attachment\"")
def f_exmail_control_char_names():
    check_article(A_JGW2)
    atts = [
        part([("Content-Type", 'text/plain;\n\tcharset="utf-8";\n\t' +
               rfc2231("name", "会议\r\n纪要\x07.txt")),
              ("Content-Disposition", "attachment; " +
               rfc2231("filename", "会议\r\n纪要\x07.txt")),
              ("Content-Transfer-Encoding", "base64")],
             b64("参会单位：各街道、区直相关部门。\r\n".encode("utf-8"))),
        part([("Content-Type", 'image/png;\n\tname="%s"'
               % bword(b"\x01\x02\x1b\x7f", "utf-8")),
              ("Content-Disposition", 'attachment; filename="%s"'
               % bword(b"\x01\x02\x1b\x7f", "utf-8")),
              ("Content-Transfer-Encoding", "base64")],
             b64(png(8, 8, 11))),
    ]
    body = qq_mixed(A_JGW2, atts, "----=_NextPart_672D1A20_1B2C3D4E_5F607182",
                    "----=_NextPart_672D1A20_1B2C3D4E_5F607183")
    raw = message([
        ("From", addr("金管委", "utf-8", unit_addr("jgw"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(A_JGW2_TITLE, "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="----=_NextPart_'
         '672D1A20_1B2C3D4E_5F607182"'),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", date(12, 17, 3, 8)),
        ("X-Priority", "3"),
        ("Message-ID", "<tencent_5B3C1A9E7D2F4061A8B3C5D7E9F1A2B4C608@"
                       "example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "Tencent Exmail"),
        ("X-QQ-mid", "bizesmtpsz12t1794475388tabc1d2e"),
        ("X-QQ-SENDSIZE", "520"),
        ("Feedback-ID", "bizesmtpsz:example.test:qybglogicsvrgz:"
                        "qybglogicsvrgz5a-0"),
    ], body)
    return raw, exp(
        "filed", "jgw", A_JGW2_TITLE,
        contains=["部署新一轮风险排查", "不发生区域性金融风险的底线。"],
        attachments=["会议纪要.txt", "attachment"])


# ---- 4. Bodies -------------------------------------------------------------

A_XH2_TITLE = "新华街道召开辖区重点企业联席会议"
A_XH2_P1 = ("11月12日，新华街道召开辖区重点企业联席会议，街道主要负责同志与18家"
            "重点企业负责人面对面交流，听取企业在用工、用地、融资等方面的诉求。")
A_XH2_P2 = ("会上梳理形成问题清单9项，街道按照“一企一策”明确责任科室和办结时限，"
            "部分诉求办理情况如下：")
A_XH2_P3 = "下一步，街道将每季度召开一次联席会议，推动政企沟通常态化。"
A_XH2_TABLE = [("企业名称", "诉求事项", "办理进度"),
               ("湖北某电子商务公司", "员工子女入学", "已协调解决"),
               ("武汉某物流公司", "货车夜间通行", "正在办理")]
MID_XH2 = "<000f01dc5388$1d2e3f40$57899ac0$@example.test>"


def word_table(rows):
    out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 "
           "style='border-collapse:collapse;border:none;mso-border-alt:solid "
           "windowtext .5pt;mso-yfti-tbllook:1184'>\n"]
    for i, row in enumerate(rows):
        out.append("<tr style='mso-yfti-irow:%d'>\n" % i)
        for cell in row:
            out.append("<td width=184 valign=top style='width:138.25pt;border:"
                       "solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n"
                       "<p class=MsoNormal align=center style='text-align:"
                       "center'>%s</p>\n</td>\n"
                       % word_spans(cell, "12.0pt", "仿宋_GB2312"))
        out.append("</tr>\n")
    out.append("</table>\n")
    return "".join(out)


@fixture("word-html-only", "Word 2016 \"send to mail recipient\" through "
         "Outlook 16 (text/html only, gb2312, QP, CRLF)",
         "HTML-only Word markup (mso styles, <o:p>, &nbsp;, &ldquo; "
         "entities, <br>, a table, conditional comments) becomes clean "
         "text; the headline paragraph repeating the title is dropped")
def f_word_html_only():
    check_article([A_XH2_P1, A_XH2_P2, A_XH2_P3])
    p2 = word_para(A_XH2_P2, entities=True).replace(
        "明确责任科室", "明确责任科室<br>\n")
    htm = (WORD_HEAD % {"charset": "gb2312"} + word_headline(A_XH2_TITLE) +
           word_para(A_XH2_P1, entities=True) + p2 +
           word_table(A_XH2_TABLE) +
           "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span>"
           "</p>\n" + word_para(A_XH2_P3, entities=True) + WORD_TAIL)
    raw = message([
        ("From", addr("新华街道", "gb2312", unit_addr("xinhua"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject("供稿：" + A_XH2_TITLE, "gb2312")),
        ("Date", date(12, 18, 20, 45)),
        ("Message-ID", MID_XH2),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/html;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdxTiB0uP0BXiZrAQ/2c1lR3mZ0J8g=="),
        ("Content-Language", "zh-cn"),
    ], qp(htm.encode("gb2312"), "\r\n"), "\r\n")
    return raw, exp(
        "filed", "xinhua", A_XH2_TITLE,
        contains=["与18家重点企业负责人面对面交流", "按照“一企一策”明确责任科室",
                  "员工子女入学", "货车夜间通行", "推动政企沟通常态化。"],
        absent=["<", "&nbsp;", "&ldquo;", "mso-", "font-family", "MsoNormal",
                "panose", "WordSection1"])


A_WS3_TITLE = "万松街道“企业服务日”活动走深走实"
A_WS3 = [
    "万松街道将每月第二个星期三定为“企业服务日”，街道班子成员带队深入企业，"
    "现场收集问题、现场协调解决。今年以来，已开展“企业服务日”活动10次，走访"
    "企业236家次，帮助解决问题58个。",
    "活动中，街道还邀请税务、人社等部门同步参与，为企业提供“面对面”政策辅导，"
    "企业获得感明显增强。",
]


def wps_html(title, paras, head_extra=""):
    sp = ("<span style=\"mso-spacerun:'yes';font-family:仿宋_GB2312;"
          "font-size:16.0000pt;\" ><font face=\"仿宋_GB2312\" >%s</font>"
          "</span>")
    out = ['<html xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:w="urn:schemas-microsoft-com:office:word" '
           'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
           '<meta http-equiv="Content-Type" content="text/html; '
           'charset=utf-8">\n<meta name="ProgId" content="Word.Document">\n'
           '<meta name="Generator" content="Microsoft Word 14">\n'
           '<title>万松街道信息报送模板</title>\n%s'
           '<style>\n@font-face{font-family:"仿宋_GB2312";}\n'
           'p.MsoNormal{mso-style-name:正文;mso-style-parent:"";margin:0pt;'
           'mso-pagination:none;text-align:justify;font-family:Calibri;'
           'mso-fareast-font-family:宋体;font-size:10.5000pt;}\n'
           'span.msoIns{mso-style-type:export-only;mso-style-name:"";'
           'text-decoration:underline;color:blue;}\n</style>\n'
           '<script type="text/javascript">var wpsTrack = {doc: "ws-2026-11",'
           ' uid: "wansong"}; if (window.wpsTrack) {document.title = '
           '"跟踪脚本";}</script>\n</head>\n'
           '<body style="tab-interval:21pt;text-justify-trim:punctuation;" >'
           '\n<!--StartFragment-->\n<!-- 草稿：请勿外传 -->\n'
           '<div class="Section0"  style="layout-grid:15.6000pt;" >\n'
           % head_extra]
    out.append('<p class=MsoNormal  align=center  style="text-align:center;" >'
               '<b>%s</b></p>\n' % (sp % html.escape(title, quote=False)))
    out.append('<p class=MsoNormal ><span style="font-family:仿宋_GB2312;" >'
               '<o:p>&nbsp;</o:p></span></p>\n')
    for p in paras:
        out.append('<p class=MsoNormal  style="text-indent:32.0000pt;'
                   'mso-char-indent-count:2.0000;" >%s<span style="mso-'
                   'spacerun:\'yes\';" ><o:p></o:p></span></p>\n'
                   % (sp % html.escape(p, quote=False)))
    out.append('</div>\n<!--EndFragment-->\n</body>\n</html>\n')
    return "".join(out)


@fixture("wps-html-only", "WPS Office HTML pasted into Coremail webmail "
         "(text/html only, UTF-8 base64)",
         "<head>, <title>, <style>, <script> and comments are dropped from "
         "HTML; WPS span/font markup becomes plain text")
def f_wps_html_only():
    check_article(A_WS3)
    htm = wps_html(A_WS3_TITLE, A_WS3)
    raw = message([
        ("Date", date(13, 9, 12, 3, suffix=" (CST)")),
        ("From", addr("万松街道办事处", "UTF-8", unit_addr("wansong"))),
        ("To", OFFICE),
        ("Message-ID", "<7b12c9e4.3a05.19a9c2f1d07.Coremail.wansong@"
                       "example.test>"),
        ("Subject", subject("供稿：" + A_WS3_TITLE)),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/html; charset=UTF-8"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], b64(htm.encode("utf-8")))
    return raw, exp(
        "filed", "wansong", A_WS3_TITLE,
        contains=["定为“企业服务日”", "走访企业236家次，帮助解决问题58个。",
                  "企业获得感明显增强。"],
        absent=["<", "&nbsp;", "mso-", "wpsTrack", "跟踪脚本", "草稿：请勿外传",
                "信息报送模板", "font-family", "StartFragment"])


A_FY2_TITLE = "区法院设立“商事纠纷诉前调解室”"
A_FY2 = [
    "为推动商事纠纷源头化解，区法院在诉讼服务中心设立“商事纠纷诉前调解室”，"
    "邀请商会、行业协会的6名特邀调解员入驻，对买卖合同、租赁合同等纠纷开展"
    "诉前调解。",
    "调解室运行两个月来，共受理纠纷73件，调解成功41件，平均用时18天，为企业"
    "节约了大量诉讼成本。",
]
STUB = "此邮件为HTML格式，请使用支持HTML的客户端查看。"


@fixture("alt-stub-plain", "provincial e-government webmail on Coremail "
         "(alternative whose text/plain part is only a stub line)",
         "multipart/alternative whose plain part is the stub \"此邮件为HTML"
         "格式…\": the HTML part is used instead")
def f_alt_stub_plain():
    check_article(A_FY2)
    b = "----=_Part_448120_1587214097.1794712345678"
    plain = part([("Content-Type", "text/plain; charset=UTF-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64((STUB + "\r\n").encode("utf-8")))
    htm = "<html><body>%s</body></html>\n" % "".join(
        '<p style="margin:0;line-height:1.8">%s</p>' % html.escape(p)
        for p in A_FY2)
    hpart = part([("Content-Type", "text/html; charset=UTF-8"),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("utf-8")))
    raw = message([
        ("Date", date(13, 10, 45, 19, suffix=" (CST)")),
        ("From", addr("区法院", "UTF-8", unit_addr("fayuan"))),
        ("To", OFFICE),
        ("Message-ID", "<1d8e7f20.5b11.19a9c7a3e5c.Coremail.fayuan@"
                       "example.test>"),
        ("Subject", subject(A_FY2_TITLE)),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative; \n\tboundary="%s"' % b),
        ("X-Priority", "3"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "fayuan", A_FY2_TITLE,
        contains=["邀请商会、行业协会的6名特邀调解员入驻",
                  "共受理纠纷73件，调解成功41件"],
        absent=["此邮件为HTML格式", "<p"])


A_RSJ3_TITLE = "区人社局推行工伤认定“容缺受理”"
A_RSJ3 = [
    "区人社局在工伤认定中推行“容缺受理”，对主要材料齐全、次要材料暂缺的申请"
    "先行受理，申请人在规定时限内补齐材料即可，避免企业和职工因材料问题来回"
    "奔波。",
    "措施实施以来，已容缺受理工伤认定申请28件，平均办理时限缩短至15个工作日。",
]


@fixture("alt-blank-plain", "Tencent Exmail mobile app (alternative with "
         "an empty text/plain part)",
         "multipart/alternative whose plain part is blank: the HTML part is "
         "used (with <br> and &nbsp; turned into text)")
def f_alt_blank_plain():
    check_article(A_RSJ3)
    b = "----=_NextPart_672E0B11_2C3D4E5F_60718293"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(b"\r\n"))
    htm = ('<meta http-equiv="Content-Type" content="text/html; charset=utf-8"'
           '><div style="font-family:-apple-system;font-size:15px">%s<br>'
           '<br>%s<br>&nbsp;</div>\n' % (html.escape(A_RSJ3[0]),
                                        html.escape(A_RSJ3[1])))
    hpart = part([("Content-Type", 'text/html;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("utf-8")))
    raw = message([
        ("From", addr("区人社局", "utf-8", unit_addr("rsj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(A_RSJ3_TITLE, "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", date(13, 11, 30, 52)),
        ("Message-ID", "<tencent_2E4D6F8A0C1B3D5F7E9A1C3E5D7F9B0A1C07@"
                       "example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "Tencent Exmail iOS 6.2.1"),
        ("X-QQ-mid", "bizesmtpiph4t1794547852tq3r4s5t"),
    ], multipart(b, [plain, hpart],
                 preamble="This is a multi-part message in MIME format.\n"))
    return raw, exp(
        "filed", "rsj", A_RSJ3_TITLE,
        contains=["对主要材料齐全、次要材料暂缺的申请先行受理",
                  "平均办理时限缩短至15个工作日。"],
        absent=["<br", "&nbsp;"])


A_SPJ2_TITLE = "区行政审批局推出“证照联办”套餐服务"
A_SPJ2 = [
    "区行政审批局梳理餐饮、便利店、药店等高频开店场景，推出“证照联办”套餐"
    "服务，将营业执照与食品经营许可、药品经营许可等证照合并办理，申请人只需"
    "填写一张表单、提交一套材料。",
    "套餐服务推出以来，已办理联办业务316件，平均办理时间由12个工作日压缩至3个"
    "工作日。",
]
GATEWAY = "本邮件已经江汉区政务邮件安全网关检测，未发现病毒。"


@fixture("alt-prefers-plain", "Foxmail 7.2 through a mail security "
         "gateway that stamps only the HTML alternative",
         "multipart/alternative with a real plain part: the plain part is "
         "used (the footer that exists only in the HTML part is absent)")
def f_alt_prefers_plain():
    check_article(A_SPJ2)
    b = "----=_001_NextPart316420788137_=----"
    text = article_text(A_SPJ2)
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "gb2312", "\r\n")))
    htm = simple_html(A_SPJ2, "gb2312").replace(
        "</body>", '<div style="color:#999;font-size:12px">%s</div></body>'
        % GATEWAY)
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("gb2312")))
    raw = message([
        ("Date", date(13, 14, 8, 26)),
        ("From", addr("区行政审批局", "gb2312", unit_addr("spj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(A_SPJ2_TITLE, "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611131408266421035@example.test>"),
        ("X-Gateway-Scan", "clean; engine=jh-sec 5.1"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
    ], multipart(b, [plain, hpart],
                 preamble="This is a multi-part message in MIME format.\n"))
    return raw, exp(
        "filed", "spj", A_SPJ2_TITLE,
        contains=["推出“证照联办”套餐服务", "已办理联办业务316件"],
        absent=["安全网关"])


A_FGJ2_TITLE = "区发改局组织重点项目“云观摩”"
A_FGJ2 = [
    "11月13日，区发改局组织四季度重点项目“云观摩”活动，通过视频连线展示汉口"
    "滨江国际商务区、江汉经济开发区等区域8个重点项目建设现场，各项目负责人"
    "介绍了建设进展和下一步计划。",
    "活动采取“线上观摩+现场点评”方式，既节约了时间成本，又扩大了观摩覆盖面。",
]
CID_FGJ2 = "image001.png@01DC5401.3B7A9E20"


@fixture("outlook-related-image", "Outlook 16 (related > alternative + "
         "inline PNG referenced by cid:)",
         "an inline image of multipart/related (cid: in the HTML) is kept "
         "as an attachment; the plain part is the text")
def f_outlook_related_image():
    check_article(A_FGJ2)
    b_rel = "----=_NextPart_000_0015_01DC5401.3B7A9E20"
    b_alt = "----=_NextPart_001_0016_01DC5401.3B7A9E20"
    text = article_text(A_FGJ2)
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "gb2312", "\r\n"), "\r\n"), "\r\n")
    img = ("<p class=MsoNormal><span lang=EN-US><img width=480 height=320 "
           "style='width:5.0in;height:3.3333in' id=\"图片_x0020_1\" "
           "src=\"cid:%s\"></span><o:p></o:p></p>\n" % CID_FGJ2)
    htm = (WORD_HEAD % {"charset": "gb2312"} + word_para(A_FGJ2[0]) + img +
           word_para(A_FGJ2[1]) + WORD_TAIL)
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("gb2312"), "\r\n"), "\r\n")
    alt = part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"'
                 % b_alt)], multipart(b_alt, [plain, hpart], "\r\n"), "\r\n")
    image = part([("Content-Type", 'image/png;\n\tname="image001.png"'),
                  ("Content-Transfer-Encoding", "base64"),
                  ("Content-ID", "<%s>" % CID_FGJ2)],
                 b64(png(48, 32, 1), "\r\n"), "\r\n")
    body = multipart(b_rel, [alt, image], "\r\n",
                     preamble="This is a multipart message in MIME format.\n")
    raw = message([
        ("From", addr("区发改局", "gb2312", unit_addr("fgj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(A_FGJ2_TITLE, "gb2312")),
        ("Date", date(13, 16, 22, 9)),
        ("Message-ID", "<001501dc5401$3b7a9e20$b26fda60$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/related;\n\tboundary="%s"' % b_rel),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdxUATt6niAwv7yGRJ2XiV3sZ4c8Ig=="),
        ("Content-Language", "zh-cn"),
    ], body, "\r\n")
    return raw, exp(
        "filed", "fgj", A_FGJ2_TITLE,
        contains=["展示汉口滨江国际商务区、江汉经济开发区等区域8个重点项目",
                  "又扩大了观摩覆盖面。"],
        absent=["cid:"],
        attachments=["image001.png"])


def flowed_delsp(text, width=30):
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = width
            while cut > 1 and (line[cut - 1] == " " or line[cut] == " "):
                cut -= 1
            out.append(line[:cut] + " ")
            line = line[cut:]
        out.append(line)
    for l in out:
        assert not l.startswith((" ", ">", "From ")), l
    return "\n".join(out)


def spanning(wrapped, soft_marker, n=5):
    """Substrings of N characters each side of the first two line breaks
    that a reader must join (soft_marker: the text that ends such a line,
    ' \\n' for flowed, '\\n' for hard wraps)."""
    out = []
    pos = 0
    while len(out) < 2:
        i = wrapped.index(soft_marker, pos)
        before = wrapped[:i].split("\n")[-1][-n:]
        after = wrapped[i + len(soft_marker):].split("\n")[0][:n]
        out.append(before + after)
        pos = i + len(soft_marker)
    return out


A_SCJ3_TITLE = "区市场监管局开展计量器具免费检定服务"
A_SCJ3 = [
    "为维护公平交易秩序，区市场监管局联合区计量检定机构，在辖区农贸市场开展"
    "计量器具免费检定服务，现场检定电子秤、台秤等计量器具512台，对不合格的23台"
    "当场调修或更换。",
    "执法人员还向商户讲解计量法律法规，提醒商户诚信经营、足秤足量，共同营造"
    "放心消费环境。",
]


@fixture("apple-flowed-delsp", "Apple Mail 16 (alternative, plain "
         "format=flowed; delsp=yes, QP)",
         "format=flowed with delsp=yes: soft breaks between CJK characters "
         "are rejoined with no space")
def f_apple_flowed_delsp():
    check_article(A_SCJ3)
    b = "Apple-Mail=_8E2A4C61-0B3D-4F75-A9C8-1D2E3F4A5B6C"
    flowed = flowed_delsp(article_text(A_SCJ3))
    joins = spanning(flowed, " \n")
    plain = part([("Content-Transfer-Encoding", "quoted-printable"),
                  ("Content-Type", "text/plain;\n\tcharset=utf-8;\n\t"
                   "delsp=yes;\n\tformat=flowed")],
                 qp(flowed.encode("utf-8")))
    htm = ('<html aria-label="message body"><head><meta http-equiv="content-'
           'type" content="text/html; charset=utf-8"></head><body style="'
           'overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: '
           'after-white-space;">' + "<div><br></div>".join(
               "<div>%s</div>" % html.escape(p) for p in A_SCJ3) +
           "</body></html>")
    hpart = part([("Content-Transfer-Encoding", "quoted-printable"),
                  ("Content-Type", "text/html;\n\tcharset=utf-8")],
                 qp(htm.encode("utf-8")))
    raw = message([
        ("From", addr("区市场监管局", "utf-8", unit_addr("scjgj"))),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))"),
        ("Subject", subject(A_SCJ3_TITLE, "utf-8")),
        ("Message-Id", "<8E2A4C61-0B3D-4F75-A9C8-1D2E3F4A5B6C@example.test>"),
        ("Date", date(14, 10, 3, 48)),
        ("To", OFFICE),
        ("X-Mailer", "Apple Mail (2.3826.400.131.1.6)"),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "scjgj", A_SCJ3_TITLE,
        contains=joins + ["对不合格的23台当场调修或更换。"],
        notes=["the first two contains: lines straddle a flowed soft break"])


HARD_END = "。！？：；”」』）:"


def hard_wrap(paragraph, width=38, minimum=30):
    """Wrap like a client that breaks CJK text at a fixed width without
    format=flowed, never leaving a wrapped line ending in a character that
    would mark a paragraph end, so the joining rule is unambiguous."""
    lines = []
    while len(paragraph) > width:
        cut = width
        while paragraph[cut - 1] in HARD_END:
            cut -= 1
        assert cut >= minimum
        lines.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    assert paragraph[-1] in "。！？", paragraph
    lines.append(paragraph)
    return lines


A_FY3_TITLE = "区法院推行执行案件“一案一码”"
A_FY3 = [
    "为提升执行工作透明度，区法院推行执行案件“一案一码”，为每一件执行案件生成"
    "专属二维码，当事人扫码即可查询案件执行进度、财产查控情况和执行款发放信息，"
    "不必再往返法院或反复致电询问。",
    "今年以来，区法院已为1860件执行案件赋码，当事人扫码查询超过9000次，涉企"
    "执行案件的平均办理周期缩短了21天。下一步，区法院将把“一案一码”延伸至诉前"
    "调解案件。",
]


@fixture("outlook-express-hard-wrap", "Outlook Express 6 (text/plain "
         "gb2312 base64, lines hard-wrapped at 76 bytes = 38 characters, no "
         "format=flowed, paragraphs not separated by blank lines)",
         "hard-wrapped CJK lines are rejoined into paragraphs without "
         "spaces; a line ending in 。 ends a paragraph")
def f_outlook_express_hard_wrap():
    check_article(A_FY3)
    lines = []
    for p in A_FY3:
        lines += hard_wrap(p)
    wrapped = "\n".join(lines) + "\n"
    joins = spanning(wrapped, "\n")
    raw = message([
        ("From", addr("区法院", "gb2312", unit_addr("fayuan"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(A_FY3_TITLE, "gb2312")),
        ("Date", date(14, 11, 17, 40)),
        ("Message-ID", "<002a01dc54b2$6c1d8e40$0a01a8c0@fy-pc07>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Priority", "3"),
        ("X-MSMail-Priority", "Normal"),
        ("X-Mailer", "Microsoft Outlook Express 6.00.2900.5931"),
        ("X-MimeOLE", "Produced By Microsoft MimeOLE V6.00.2900.6157"),
    ], b64(text_bytes(wrapped, "gb2312", "\r\n"), "\r\n"), "\r\n")
    return raw, exp(
        "filed", "fayuan", A_FY3_TITLE,
        contains=joins + [A_FY3[0], A_FY3[1][:40]],
        notes=["every wrapped line is 36-38 characters and ends in no "
               "paragraph-end mark; each paragraph's last line ends in 。",
               "the third contains: line is the whole first paragraph"])


A_GH3_TITLE = "区规划分局推行规划许可“告知承诺制”"
A_GH3 = [
    "区规划分局对社会投资小型工程项目推行建设工程规划许可“告知承诺制”，企业"
    "签署承诺书、提交必要材料后即可当场取得规划许可，后续由分局开展事中事后"
    "核查。",
    "制度实施一个月来，已有5个项目通过承诺制取得规划许可，审批时间由20个工作日"
    "缩短为1个工作日。",
    "分局同步公布了承诺事项清单和失信惩戒措施，确保“放得开、管得住”。",
]


@fixture("oa-crlf-lf-mixed", "office OA system: CRLF headers, body "
         "assembled from a CRLF textarea and LF template lines (8bit UTF-8)",
         "CRLF and bare LF line ends mixed in one text part give the same "
         "paragraphs")
def f_oa_crlf_lf_mixed():
    check_article(A_GH3)
    body = (A_GH3[0] + "\r\n\r\n" + A_GH3[1] + "\n\n" + A_GH3[2] +
            "\r\n").encode("utf-8")
    raw = message([
        ("Date", date(14, 15, 55, 1)),
        ("From", addr("区规划分局", "UTF-8", unit_addr("ghfj"))),
        ("To", OFFICE),
        ("Subject", subject(A_GH3_TITLE)),
        ("Message-ID", "<OA.20261114155501.0231@oa.ghfj.example.test>"),
        ("X-Mailer", "JHOA Mail Sender 2.1"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
    ], body, "\r\n")
    return raw, exp(
        "filed", "ghfj", A_GH3_TITLE,
        contains=["即可当场取得规划许可", "审批时间由20个工作日缩短为1个工作日。",
                  "确保“放得开、管得住”。"])


A_JGW3_TITLE = "金管委推动“信易贷”平台扩面增效"
MID_JGW3 = "<20261114170230.GA2231@docsys.jgw.example.test>"
A_JGW3_A = ("金管委依托“信易贷”平台，归集企业纳税、社保、水电气等信用信息，帮助"
            "银行精准画像。")
A_JGW3_B = ("截至10月底，平台已入驻企业3270家，累计促成信用贷款412笔，金额"
            "9.8亿元，其中首贷户占比达37%。")
A_JGW3_C = "下一步，金管委将推动更多银行上线专属信贷产品，扩大平台服务覆盖面。"


@fixture("nul-in-body", "a unit's document system exporting text from a C "
         "buffer (text/plain gb2312 8bit with a NUL byte)",
         "a NUL byte inside the body does not cut off the text after it")
def f_nul_in_body():
    check_article([A_JGW3_A, A_JGW3_B, A_JGW3_C])
    body = (A_JGW3_A.encode("gb2312") + b"\x00" +
            A_JGW3_B.encode("gb2312") + b"\r\n\r\n" +
            A_JGW3_C.encode("gb2312") + b"\r\n")
    raw = message([
        ("Date", date(14, 17, 2, 30)),
        ("From", addr("金管委", "gb2312", unit_addr("jgw"))),
        ("To", OFFICE),
        ("Subject", subject(A_JGW3_TITLE, "gb2312")),
        ("Message-ID", MID_JGW3),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=gb2312"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Mailer", "JGW DocSys mailer 1.3"),
    ], body, "\r\n")
    return raw, exp(
        "filed", "jgw", A_JGW3_TITLE,
        contains=["帮助银行精准画像。", "累计促成信用贷款412笔",
                  "其中首贷户占比达37%。", "扩大平台服务覆盖面。"],
        notes=["a C-string reader stops at the NUL after 精准画像。"])


A_SBC3_TITLE = "江汉社保处推出失业保险待遇“免申即享”"
A_SBC3 = [
    "江汉社保处通过数据比对，主动识别符合条件的失业人员，推出失业保险待遇"
    "“免申即享”服务，待遇直接发放到个人社保卡，无需本人申请。",
    "服务推出以来，已为326名失业人员主动发放失业保险金112万元，平均到账时间"
    "由7天缩短至2天。",
    "社保处同步开通咨询专线，为有疑问的群众提供一对一解答。",
]


@fixture("foxmail-fullwidth-indent", "Foxmail 7.2 in plain-text mode "
         "(text pasted from a WPS document, gb2312 base64)",
         "full-width indentation (　　) at paragraph starts is removed")
def f_foxmail_fullwidth_indent():
    check_article(A_SBC3)
    text = "".join("　　%s\n" % p for p in A_SBC3)
    raw = message([
        ("Date", date(15, 9, 26, 14)),
        ("From", addr("江汉社保处", "gb2312", unit_addr("sbc"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(A_SBC3_TITLE, "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611150926144182207@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(text, "gb2312", "\r\n")))
    return raw, exp(
        "filed", "sbc", A_SBC3_TITLE,
        contains=["推出失业保险待遇“免申即享”服务", "平均到账时间由7天缩短至2天。"],
        absent=["　　"],
        notes=["the absent: value is two U+3000 IDEOGRAPHIC SPACE characters "
               "(values are verbatim, never trimmed)"])


# ---- 5. Quoted replies, inline forwards, attached forwards ----------------

NOTICE = ["各单位：", "请于11月20日前报送第13期简报稿件，每篇800字以内，并注明审签人。",
          "简报编辑部"]

A_RSJ4_TITLE = "区人社局开展职业技能提升培训进社区活动"
A_RSJ4 = [
    "11月14日，区人社局联合常青街道开展职业技能提升培训进社区活动，邀请专业"
    "讲师为辖区待业青年和灵活就业人员开设育婴、电工、直播电商3个培训班。",
    "活动现场共有210人报名参训，培训合格后可申领职业技能提升补贴。区人社局"
    "将根据居民需求，持续扩大培训工种范围。",
]


@fixture("foxmail-original-quote", "Foxmail 7.2 reply (gb2312 base64) "
         "quoting an approval mail below -----原始邮件-----",
         "everything from -----原始邮件----- on (header lines and the "
         "quoted approval) is not part of the article; nested 回复：回复： "
         "prefixes are stripped")
def f_foxmail_original_quote():
    check_article(A_RSJ4)
    text = article_text(A_RSJ4) + (
        "\n\n-----原始邮件-----\n"
        "发件人：李军 <lijun@example.test>\n"
        "发送时间：2026年11月15日 16:20\n"
        "收件人：区人社局综合科 <rsj@example.test>\n"
        "主题：回复：区人社局开展职业技能提升培训进社区活动\n\n"
        "同意报送。请核实参训人数后发简报编辑部。\n\n"
        "李军\n")
    raw = message([
        ("Date", date(16, 8, 55, 2)),
        ("From", addr("区人社局", "gb2312", unit_addr("rsj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("回复：回复：" + A_RSJ4_TITLE, "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611160855023317420@example.test>"),
        ("In-Reply-To", "<202611151620114471203@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(text, "gb2312", "\r\n")))
    return raw, exp(
        "filed", "rsj", A_RSJ4_TITLE,
        contains=["开设育婴、电工、直播电商3个培训班。", "持续扩大培训工种范围。"],
        absent=["原始邮件", "发件人", "同意报送", "李军"])


A_XH3_TITLE = "新华街道打造“15分钟政务服务圈”"
A_XH3 = [
    "新华街道在辖区11个社区党群服务中心设立政务服务站，将社保卡申领、居住证"
    "办理、老年优待证等68项高频事项下沉到社区，居民步行15分钟即可办事。",
    "服务站运行以来，累计办理业务1.2万件，其中80%的事项实现当场办结。",
]


@fixture("163-xiedao-quote", "163 webmail (Coremail, alternative GBK) "
         "reply with an Apple/163 style 写道： attribution",
         "the 在…写道： attribution and the > quoted lines below it are "
         "not part of the article")
def f_163_xiedao_quote():
    check_article(A_XH3)
    quote = ("在 2026年11月3日 上午9:00，王编辑 <editor@example.test> 写道：\n" +
             "".join("> %s\n" % l for l in NOTICE))
    text = article_text(A_XH3) + "\n" + quote
    b = "----=_Part_93125_1187651402.1794820331045"
    plain = part([("Content-Type", "text/plain; charset=GBK"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "gbk", "\r\n")))
    htm = ('<div style="line-height:1.7;color:#000000;font-size:14px;'
           'font-family:Arial">%s<br><br><div style="position:relative;zoom:'
           '1">在 2026年11月3日 上午9:00，王编辑 &lt;editor@example.test&gt; 写道：'
           '<br><blockquote id="isReplyContent" style="PADDING-LEFT: 1ex; '
           'MARGIN: 0px 0px 0px 0.8ex; BORDER-LEFT: #ccc 1px solid">%s'
           '</blockquote></div></div>\n'
           % ("".join("<div>%s</div>" % html.escape(p) for p in A_XH3),
              "<br>".join(html.escape(l) for l in NOTICE)))
    hpart = part([("Content-Type", "text/html; charset=GBK"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("gbk")))
    raw = message([
        ("Date", date(16, 9, 10, 44, suffix=" (CST)")),
        ("From", addr("新华街道办事处", "GBK", unit_addr("xinhua"))),
        ("To", OFFICE),
        ("Message-ID", "<5a0d2e7f.6c21.19aa4f0b8e1.Coremail.xinhua@"
                       "example.test>"),
        ("In-Reply-To", "<bulletind.notice.13.1@example.test>"),
        ("Subject", subject(A_XH3_TITLE, "GBK", lead="Re:")),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative; \n\tboundary="%s"' % b),
        ("X-Originating-IP", "[10.12.3.44]"),
        ("X-Priority", "3"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b) Copyright (c) 2002-2026 "
                     "www.mailtech.cn 163com"),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "xinhua", A_XH3_TITLE,
        contains=["将社保卡申领、居住证办理、老年优待证等68项高频事项下沉到社区",
                  "其中80%的事项实现当场办结。"],
        absent=["写道", "> 请于11月20日前报送", "简报编辑部"])


A_SPJ3_TITLE = "区行政审批局开设“跨省通办”专窗"
A_SPJ3 = [
    "区行政审批局在政务服务中心开设“跨省通办”专窗，与湖南、江西等地12个城市"
    "签订合作协议，通过“异地收件、属地审批、证照寄递”方式，为企业和群众办理"
    "营业执照、社保转移等86项业务。",
    "专窗开设以来，已受理跨省业务640件，群众办事不再“两头跑”。",
]


@fixture("outlook-underscore-quote", "Outlook 16, English UI (alternative, "
         "CRLF, QP) reply with the ____ / From: / Sent: header block",
         "the Outlook reply block (underscore rule, From:, Sent:, To:, "
         "Subject:, quoted text) is not part of the article")
def f_outlook_underscore_quote():
    check_article(A_SPJ3)
    quote = ("________________________________\n"
             "From: 王编辑 <editor@example.test>\n"
             "Sent: Tuesday, November 3, 2026 9:00 AM\n"
             "To: 区行政审批局 <spj@example.test>\n"
             "Subject: 关于报送第13期简报稿件的通知\n\n" +
             "\n".join(NOTICE) + "\n")
    text = article_text(A_SPJ3) + "\n" + quote
    b = "----=_NextPart_000_0021_01DC5577.0E4F3A20"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(text.encode("gb2312"), "\r\n"), "\r\n")
    htm = (WORD_HEAD % {"charset": "gb2312"} +
           "".join(word_para(p) for p in A_SPJ3) +
           "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:"
           "3.0pt 0cm 0cm 0cm'>\n<p class=MsoNormal><b>From:</b> 王编辑 "
           "&lt;editor@example.test&gt;<br><b>Sent:</b> Tuesday, November 3, "
           "2026 9:00 AM<br><b>To:</b> 区行政审批局 &lt;spj@example.test&gt;<br>"
           "<b>Subject:</b> 关于报送第13期简报稿件的通知</p></div>\n" +
           "".join(word_para(l) for l in NOTICE) + WORD_TAIL)
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("gb2312"), "\r\n"), "\r\n")
    raw = message([
        ("From", addr("区行政审批局", "gb2312", unit_addr("spj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(A_SPJ3_TITLE, "gb2312", lead="RE: ")),
        ("Date", date(16, 10, 2, 37)),
        ("Message-ID", "<002101dc5577$0e4f3a20$2aedae60$@example.test>"),
        ("In-Reply-To", "<bulletind.notice.13.7@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AQHcVXcOTzogKu2uYPSo0cE1ZqQjqQ=="),
        ("Content-Language", "en-us"),
    ], multipart(b, [plain, hpart], "\r\n",
                 preamble="This is a multipart message in MIME format.\n"),
        "\r\n")
    return raw, exp(
        "filed", "spj", A_SPJ3_TITLE,
        contains=["与湖南、江西等地12个城市签订合作协议",
                  "群众办事不再“两头跑”。"],
        absent=["Sent:", "________", "请于11月20日前报送", "From:"])


A_WS4_TITLE = "万松街道建立商圈“店小二”服务队"
A_WS4 = [
    "万松街道从街道干部、社区工作者和志愿者中选派32人，组建商圈“店小二”服务队，"
    "分片包干辖区沿街商户，每周上门收集经营难题。",
    "服务队成立以来，已走访商户1100余户，协调解决店招审批、停车难等问题67个。",
]


@fixture("thunderbird-bottom-quote-sig", "Thunderbird 128 (flowed UTF-8) "
         "bottom-posted reply with a '-- ' signature",
         "> quoted lines are dropped even above the article, and the "
         "signature after the '-- ' line is not part of the article")
def f_thunderbird_bottom_quote_sig():
    check_article(A_WS4)
    text = ("".join("> %s\n" % l for l in NOTICE) + "\n" +
            article_text(A_WS4) + "\n-- \n万松街道党政办 赵敏\n电话 027-8577 6601\n")
    raw = message([
        ("Message-ID", "<e41f8b2c-7d3a-4c59-9e06-1b2c3d4e5f60@example.test>"),
        ("Date", date(16, 11, 40, 3)),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Subject", subject(A_WS4_TITLE, lead="Re: ")),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("References", "<bulletind.notice.13.4@example.test>"),
        ("From", addr("万松街道办事处", "UTF-8", unit_addr("wansong"))),
        ("In-Reply-To", "<bulletind.notice.13.4@example.test>"),
        ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
        ("Content-Transfer-Encoding", "8bit"),
    ], text_bytes(text, "utf-8"))
    return raw, exp(
        "filed", "wansong", A_WS4_TITLE,
        contains=["组建商圈“店小二”服务队", "协调解决店招审批、停车难等问题67个。"],
        absent=["> 各单位", "请于11月20日前报送", "赵敏", "027-8577 6601"])


A_CQ4_TITLE = "常青街道开展“敲门行动”走访辖区个体工商户"
A_CQ4 = [
    "11月以来，常青街道组织社区干部开展“敲门行动”，逐户走访辖区个体工商户，"
    "宣传惠企政策，了解经营困难，建立问题台账。",
    "截至目前，已走访个体工商户860户，收集意见建议42条，协调解决门前停车、"
    "油烟净化等问题19个。",
]


@fixture("126-inline-forward", "126 webmail (Coremail, GBK base64) inline "
         "forward with nothing written above -----转发的邮件-----",
         "an inline forward with empty text above the marker: the article "
         "is the forwarded text, its 发件人/日期/收件人/主题 lines skipped; "
         "转发： stripped from the title")
def f_126_inline_forward():
    check_article(A_CQ4)
    text = ("\n\n-----转发的邮件-----\n"
            "发件人：周丽 <zhouli@example.test>\n"
            "日期：2026年11月16日 10:21\n"
            "收件人：changqing@example.test\n"
            "主题：" + A_CQ4_TITLE + "\n\n" + article_text(A_CQ4))
    raw = message([
        ("Date", date(16, 14, 5, 58, suffix=" (CST)")),
        ("From", addr("常青街道", "GBK", unit_addr("changqing"))),
        ("To", OFFICE),
        ("Message-ID", "<2f6b8d1e.7a34.19aa5c2e9f3.Coremail.changqing@"
                       "example.test>"),
        ("Subject", subject("转发：" + A_CQ4_TITLE, "GBK")),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b) Copyright (c) 2002-2026 "
                     "www.mailtech.cn 126com"),
    ], b64(text_bytes(text, "gbk", "\r\n")))
    return raw, exp(
        "filed", "changqing", A_CQ4_TITLE,
        contains=["逐户走访辖区个体工商户", "协调解决门前停车、油烟净化等问题19个。"],
        absent=["转发的邮件", "发件人", "周丽", "收件人", "主题", "日期"])


A_FGJ3_TITLE = "区发改局“项目管家”服务获企业点赞"
A_FGJ3 = [
    "区发改局为全区重点项目配备“项目管家”，从立项、审批到开工投产提供全程"
    "跟踪服务。今年以来，“项目管家”累计帮助企业协调解决问题126个，推动18个"
    "项目提前开工。",
    "近日，一家科技企业专门致信区发改局，感谢“项目管家”帮助其新建研发中心"
    "项目在3个月内完成全部审批手续。",
]


@fixture("gmail-forward-text-above", "Android Gmail app on the unit's "
         "account (alternative, UTF-8) forwarding a letter below the "
         "article",
         "with text above ---------- Forwarded message ---------, the "
         "article is the text above; the forwarded letter is not part of it")
def f_gmail_forward_text_above():
    check_article(A_FGJ3)
    fwd = ("---------- Forwarded message ---------\n"
           "发件人： 武汉某科技公司 <contact@corp.example.com>\n"
           "Date: 2026年11月16日周一 15:05\n"
           "Subject: 感谢信\n"
           "To: <fgj@example.test>\n\n\n"
           "尊敬的区发改局：\n"
           "我公司新建研发中心项目得到贵局“项目管家”的全程帮助，特致谢意！\n")
    text = article_text(A_FGJ3) + "\n" + fwd
    b = "000000000000a3c2b1060f4e1d2c"
    plain = part([("Content-Type", 'text/plain; charset="UTF-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "utf-8", "\r\n")))
    htm = ('<div dir="ltr">%s<br><div class="gmail_quote"><div dir="ltr" '
           'class="gmail_attr">---------- Forwarded message ---------<br>'
           '发件人： <strong class="gmail_sendername" dir="auto">武汉某科技公司'
           '</strong> <span dir="auto">&lt;contact@corp.example.com&gt;</span>'
           '<br>Date: 2026年11月16日周一 15:05<br>Subject: 感谢信<br>To: &lt;'
           'fgj@example.test&gt;<br></div><br><br><div>尊敬的区发改局：<br>'
           '我公司新建研发中心项目得到贵局“项目管家”的全程帮助，特致谢意！</div>'
           '</div></div>\n' % "".join("<div>%s</div>" % html.escape(p)
                                       for p in A_FGJ3))
    hpart = part([("Content-Type", 'text/html; charset="UTF-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("utf-8")))
    raw = message([
        ("MIME-Version", "1.0"),
        ("From", addr("区发改局", "UTF-8", unit_addr("fgj"))),
        ("Date", date(16, 15, 40, 11)),
        ("Message-ID", "<CAJf3kQ1x9v2Lr+0aBcDeFgHiJkLmNoPqRsTuVwXyZ12345"
                       "@example.test>"),
        ("Subject", subject(A_FGJ3_TITLE)),
        ("To", OFFICE),
        ("Content-Type", 'multipart/alternative; boundary="%s"' % b),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "fgj", A_FGJ3_TITLE,
        contains=["为全区重点项目配备“项目管家”",
                  "在3个月内完成全部审批手续。"],
        absent=["Forwarded message", "尊敬的区发改局", "感谢信", "特致谢意"])


A_GH4_TITLE = "区规划分局上线“规划云”辅助选址服务"
A_GH4 = [
    "区规划分局上线“规划云”辅助选址服务，整合控制性详细规划、用地现状、地下"
    "管线等数据，企业在线输入项目类型和用地需求，系统即可推荐匹配地块并生成"
    "选址分析报告。",
    "服务上线两周，已为14家企业提供选址分析，平均用时由1周缩短为半天。",
]


@fixture("gmail-forward-empty-above", "Gmail web, English UI (text/plain "
         "UTF-8 QP) forwarding a colleague's draft with nothing above",
         "an inline forward with empty text above ---------- Forwarded "
         "message ---------: the article is below, From:/Date:/Subject:/To: "
         "lines skipped; Fwd: stripped")
def f_gmail_forward_empty_above():
    check_article(A_GH4)
    text = ("\n\n---------- Forwarded message ---------\n"
            "From: 陈晨 <chenchen@example.test>\n"
            "Date: Mon, Nov 16, 2026 at 9:40 AM\n"
            "Subject: " + A_GH4_TITLE + "\n"
            "To: <ghfj@example.test>\n\n\n" + article_text(A_GH4))
    raw = message([
        ("MIME-Version", "1.0"),
        ("From", addr("区规划分局", "UTF-8", unit_addr("ghfj"))),
        ("Date", date(16, 16, 12, 50)),
        ("Message-ID", "<CAH7pQm2Zr8s1Kt+9wXyVuTsRqPoNmLkJiHgFeDcBa98765"
                       "@example.test>"),
        ("Subject", subject(A_GH4_TITLE, lead="Fwd: ")),
        ("To", OFFICE),
        ("Content-Type", 'text/plain; charset="UTF-8"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
    ], qp(text.encode("utf-8")))
    return raw, exp(
        "filed", "ghfj", A_GH4_TITLE,
        contains=["系统即可推荐匹配地块并生成选址分析报告。",
                  "平均用时由1周缩短为半天。"],
        absent=["Forwarded message", "陈晨", "From:", "Date:", "Subject:",
                "To:"])


A_JGW4_TITLE = "金管委推动首贷续贷服务中心扩容升级"
A_JGW4 = [
    "金管委推动区首贷续贷服务中心扩容升级，入驻银行由5家增加到11家，新增"
    "知识产权质押融资、应收账款融资等专窗，为首次贷款和续贷企业提供“一站式”"
    "服务。",
    "扩容以来，中心已受理企业融资申请265笔，发放贷款7.3亿元，其中首贷企业"
    "98家。",
]


@fixture("thunderbird-attached-forward", "Thunderbird 128 \"forward as "
         "attachment\" (mixed: empty text part + message/rfc822)",
         "a forward attached as message/rfc822 files the INNER article for "
         "the forwarding unit: inner Subject as title (the outer Fwd: "
         "我委本周信息 is generic), inner text")
def f_thunderbird_attached_forward():
    check_article(A_JGW4)
    inner = message([
        ("Message-ID", "<9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d@example.test>"),
        ("Date", date(16, 9, 5, 33)),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("From", addr("金管委综合处", "UTF-8", "zonghe@example.test")),
        ("To", addr("金管委", "UTF-8", unit_addr("jgw"))),
        ("Subject", subject(A_JGW4_TITLE)),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(article_text(A_JGW4), "utf-8")))
    b = "------------Xq4Rt7Yu1Io3Pa5Sd8Fg0Hj2"
    outer_text = part([("Content-Type", "text/plain; charset=UTF-8; "
                        "format=flowed"),
                       ("Content-Transfer-Encoding", "7bit")], b"\n")
    fname = A_JGW4_TITLE + ".eml"
    att = part([("Content-Type", 'message/rfc822; name="%s"'
                 % bword(fname.encode("utf-8"), "UTF-8")),
                ("Content-Disposition", "attachment; " +
                 rfc2231("filename", fname))], inner)
    raw = message([
        ("Message-ID", "<0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f@example.test>"),
        ("Date", date(16, 17, 20, 6)),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("From", addr("金管委", "UTF-8", unit_addr("jgw"))),
        ("Subject", subject("我委本周信息", lead="Fwd: ")),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
    ], multipart(b, [outer_text, att],
                 preamble="This is a multi-part message in MIME format."))
    return raw, exp(
        "filed", "jgw", A_JGW4_TITLE,
        contains=["入驻银行由5家增加到11家", "其中首贷企业98家。"])


# ---- 6. Signatures of mobile clients --------------------------------------

A_FY4_TITLE = "区法院开展“法官进企业”普法活动"
A_FY4 = [
    "11月17日，区法院组织6名法官走进汉口滨江国际商务区，开展“法官进企业”普法"
    "活动，围绕合同签订、劳动用工、知识产权保护等企业关心的问题现场答疑。",
    "活动共覆盖企业40余家，发放《企业常见法律风险提示》300册。",
]


@fixture("iphone-sig", "iPhone Mail, iOS 18 (text/plain UTF-8 base64, "
         "Mime-Version: 1.0 (1.0))",
         "the 发自我的iPhone signature is not part of the article")
def f_iphone_sig():
    check_article(A_FY4)
    text = article_text(A_FY4) + "\n发自我的iPhone\n"
    raw = message([
        ("Content-Type", "text/plain;\n\tcharset=utf-8"),
        ("Content-Transfer-Encoding", "base64"),
        ("From", addr("区法院", "utf-8", unit_addr("fayuan"))),
        ("Mime-Version", "1.0 (1.0)"),
        ("Date", date(17, 12, 31, 8)),
        ("Subject", subject(A_FY4_TITLE, "utf-8")),
        ("Message-Id", "<8E1B6A52-3F07-4C1D-9A2E-55C0F7D3B4A9@example.test>"),
        ("To", OFFICE),
        ("X-Mailer", "iPhone Mail (22B91)"),
    ], b64(text_bytes(text, "utf-8")))
    return raw, exp(
        "filed", "fayuan", A_FY4_TITLE,
        contains=["开展“法官进企业”普法活动，围绕合同签订",
                  "发放《企业常见法律风险提示》300册。"],
        absent=["发自我的iPhone", "iPhone"])


A_SCJ4_TITLE = "区市场监管局开展“双随机”联合抽查"
A_SCJ4 = [
    "区市场监管局牵头税务、消防等6个部门，对辖区商贸企业开展“双随机、一公开”"
    "跨部门联合抽查，做到“进一次门、查多项事”，减少对企业正常经营的干扰。",
    "本轮共抽查企业85家，发现问题9个，均已责令限期整改，抽查结果通过国家企业"
    "信用信息公示系统公开。",
]


@fixture("huawei-sig", "Huawei Email app, HarmonyOS (alternative, UTF-8 "
         "base64)",
         "the 发自我的华为手机 signature is not part of the article")
def f_huawei_sig():
    check_article(A_SCJ4)
    b = "--_com.huawei.email_20261117A1B2C3D4"
    text = article_text(A_SCJ4) + "\n\n发自我的华为手机\n"
    plain = part([("Content-Type", "text/plain; charset=utf-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "utf-8", "\r\n")))
    htm = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html;"
           " charset=UTF-8\"></head><body>%s<br><br><div id=\"signature\">"
           "发自我的华为手机</div></body></html>\n"
           % "".join("<div>%s</div>" % html.escape(p) for p in A_SCJ4))
    hpart = part([("Content-Type", "text/html; charset=utf-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("utf-8")))
    raw = message([
        ("MIME-Version", "1.0"),
        ("Date", date(17, 14, 2, 45)),
        ("Subject", subject(A_SCJ4_TITLE)),
        ("From", addr("区市场监管局", "UTF-8", unit_addr("scjgj"))),
        ("To", OFFICE),
        ("Message-ID", "<d9c1e2f3a4b5.20261117140245@example.test>"),
        ("X-Mailer", "HuaweiEmail/14.1.0.310"),
        ("Content-Type", 'multipart/alternative; boundary="%s"' % b),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "scjgj", A_SCJ4_TITLE,
        contains=["做到“进一次门、查多项事”", "本轮共抽查企业85家"],
        absent=["发自我的华为手机"])


A_SBC4_TITLE = "江汉社保处开展社保待遇领取资格专项核查"
A_SBC4 = [
    "江汉社保处联合公安、民政等部门开展社保待遇领取资格专项核查，通过数据比对"
    "筛查疑似违规领取线索，逐条入户核实。",
    "核查中，社保处依法追回违规领取的养老保险待遇23万元，并对相关人员开展政策"
    "宣讲，切实守护群众的“养老钱”。",
]


@fixture("mailmaster-sig", "NetEase Mail Master app (alternative, UTF-8 "
         "base64)",
         "the 来自网易邮箱大师 signature is not part of the article")
def f_mailmaster_sig():
    check_article(A_SBC4)
    b = "----=_Part_MailMaster_20261117_4471"
    text = article_text(A_SBC4) + "\n\n来自网易邮箱大师\n"
    plain = part([("Content-Type", "text/plain; charset=UTF-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "utf-8", "\r\n")))
    htm = ('<div>%s</div><div><br></div><div id="ntes-ios-signature">'
           '来自<a href="https://mail.163.com/dashi/">网易邮箱大师</a></div>\n'
           % "".join("<div>%s</div>" % html.escape(p) for p in A_SBC4))
    hpart = part([("Content-Type", "text/html; charset=UTF-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("utf-8")))
    raw = message([
        ("Date", date(17, 15, 18, 0)),
        ("From", addr("江汉社保处", "UTF-8", unit_addr("sbc"))),
        ("To", OFFICE),
        ("Message-ID", "<AG4ArQBuJUCJ1z0P2xkRkKqA.1.1794909480001.Hmail."
                       "sbc@example.test>"),
        ("Subject", subject(A_SBC4_TITLE)),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative; \n\tboundary="%s"' % b),
        ("X-Mailer", "MailMaster_iOS/7.19.6"),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "sbc", A_SBC4_TITLE,
        contains=["逐条入户核实。", "切实守护群众的“养老钱”。"],
        absent=["来自网易邮箱大师", "网易邮箱大师"])


A_SPJ4_TITLE = "区行政审批局推行工程建设项目“拿地即开工”"
A_SPJ4 = [
    "区行政审批局对社会投资工业项目推行“拿地即开工”，在土地出让前提前介入，"
    "指导企业同步开展方案设计、施工图审查等工作，实现取得土地后即可领取施工"
    "许可证。",
    "今年以来，已有4个工业项目实现“拿地即开工”，项目开工时间平均提前3个月。",
]


@fixture("xiaomi-sig", "Xiaomi (MIUI) Email app (text/plain UTF-8 QP)",
         "the 发自我的小米手机 signature is not part of the article")
def f_xiaomi_sig():
    check_article(A_SPJ4)
    text = article_text(A_SPJ4) + "\n\n发自我的小米手机\n"
    raw = message([
        ("Date", date(17, 16, 44, 21)),
        ("Subject", subject(A_SPJ4_TITLE)),
        ("From", addr("区行政审批局", "UTF-8", unit_addr("spj"))),
        ("To", OFFICE),
        ("Message-ID", "<mwk7h2a1b3c4d5e6.1794911061@example.test>"),
        ("X-Mailer", "MIUI Email 14.1.3"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
    ], qp(text.encode("utf-8")))
    return raw, exp(
        "filed", "spj", A_SPJ4_TITLE,
        contains=["在土地出让前提前介入", "项目开工时间平均提前3个月。"],
        absent=["发自我的小米手机"])


A_WS6_TITLE = "万松街道为新入驻企业送上“开业服务包”"
A_WS6 = [
    "万松街道为今年新入驻辖区的企业送上“开业服务包”，内含惠企政策汇编、办事"
    "指南和街道、社区联系卡，并由网格员上门讲解。",
    "截至目前，已为89家新入驻企业送上服务包，帮助企业办理各类事项140余件。",
]


@fixture("iphone-english-sig", "iPhone Mail, English iOS (text/plain "
         "UTF-8 base64)",
         "the Sent from my iPhone signature is not part of the article")
def f_iphone_english_sig():
    check_article(A_WS6)
    text = article_text(A_WS6) + "\nSent from my iPhone\n"
    raw = message([
        ("Content-Type", "text/plain;\n\tcharset=utf-8"),
        ("Content-Transfer-Encoding", "base64"),
        ("From", addr("万松街道", "utf-8", unit_addr("wansong"))),
        ("Mime-Version", "1.0 (1.0)"),
        ("Date", date(17, 17, 5, 36)),
        ("Subject", subject(A_WS6_TITLE, "utf-8")),
        ("Message-Id", "<2B7E4F19-A3C6-4D58-8E01-7F9C2D3B4A56@example.test>"),
        ("To", OFFICE),
        ("X-Mailer", "iPhone Mail (22B91)"),
    ], b64(text_bytes(text, "utf-8")))
    return raw, exp(
        "filed", "wansong", A_WS6_TITLE,
        contains=["内含惠企政策汇编、办事指南和街道、社区联系卡",
                  "帮助企业办理各类事项140余件。"],
        absent=["Sent from my iPhone", "iPhone"])


# ---- 7. Articles only in attachments --------------------------------------

D_RSJ5_TITLE = "区人社局“家门口就业服务站”实现社区全覆盖"
D_RSJ5 = [
    "近日，随着最后3个社区服务站挂牌，区人社局在全区108个社区建成“家门口就业"
    "服务站”，实现社区全覆盖。",
    "服务站提供岗位推荐、职业指导、技能培训报名等服务，居民在家门口就能找工作。"
    "今年以来，各服务站累计发布岗位8600个，帮助1420名居民实现就业。",
]
DOCX_RSJ5 = "区人社局稿件-家门口就业服务站.docx"


@fixture("thunderbird-docx-rfc2231", "Thunderbird 128 (mixed: \"详见附件\" "
         "+ .docx named with RFC 2231)",
         "the article only in a .docx (subject 投稿, body 详见附件): the "
         "document text is extracted, the title is its centred bold first "
         "paragraph, not the body line 详见附件")
def f_thunderbird_docx_rfc2231():
    check_article(D_RSJ5)
    b = "------------8KfLq2Wm4Nz6Rb1Tc3Vd5Xe7"
    text = part([("Content-Type", "text/plain; charset=UTF-8; "
                  "format=flowed"),
                 ("Content-Transfer-Encoding", "8bit")],
                "详见附件\n".encode("utf-8"))
    att = part([("Content-Type", "application/vnd.openxmlformats-"
                 "officedocument.wordprocessingml.document;\n " +
                 rfc2231_continuations("name", DOCX_RSJ5)),
                ("Content-Disposition", "attachment;\n " +
                 rfc2231_continuations("filename", DOCX_RSJ5)),
                ("Content-Transfer-Encoding", "base64")],
               b64(docx(D_RSJ5_TITLE, D_RSJ5)))
    raw = message([
        ("Message-ID", "<5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a@example.test>"),
        ("Date", date(18, 9, 3, 15)),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("From", addr("区人社局", "UTF-8", unit_addr("rsj"))),
        ("Subject", subject("投稿")),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
    ], multipart(b, [text, att],
                 preamble="This is a multi-part message in MIME format."))
    return raw, exp(
        "filed", "rsj", D_RSJ5_TITLE,
        contains=["在全区108个社区建成“家门口就业服务站”",
                  "帮助1420名居民实现就业。"],
        absent=["详见附件"],
        attachments=[DOCX_RSJ5],
        notes=["each body paragraph of the .docx is split over three <w:r> "
               "runs with proofErr/bookmark elements between them"])


D_WS5_TITLE = "万松街道“楼长制”激活商务楼宇服务末梢"
D_WS5 = [
    "万松街道在辖区21栋商务楼宇推行“楼长制”，由街道干部担任楼长，物业负责人"
    "担任副楼长，每周到楼宇收集企业诉求。",
    "“楼长制”推行以来，楼长们已收集企业诉求153件，办结146件，楼宇入驻率较年初"
    "提高了6个百分点。",
]
DOCX_WS5 = "万松街道楼长制稿件.docx"


@fixture("qq-docx-rfc2047-empty-body", "QQ Mail (mixed > alternative with "
         "empty parts + .docx named with an RFC 2047 word in quotes)",
         "the article only in a .docx with an empty body and the generic "
         "subject 稿件: title and text come from the document")
def f_qq_docx_rfc2047_empty_body():
    check_article(D_WS5)
    enc = bword(DOCX_WS5.encode("utf-8"), "utf-8")
    att = part([("Content-Type", 'application/octet-stream;\n\tcharset='
                 '"utf-8";\n\tname="%s"' % enc),
                ("Content-Disposition", 'attachment; filename="%s"' % enc),
                ("Content-Transfer-Encoding", "base64")],
               b64(docx(D_WS5_TITLE, D_WS5)))
    b_mixed = "----=_NextPart_672F3C44_3D4E5F60_718293A4"
    body = qq_mixed([], [att], b_mixed,
                    "----=_NextPart_672F3C44_3D4E5F60_718293A5")
    raw = message([
        ("From", addr("万松街道", "utf-8", unit_addr("wansong"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("稿件", "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b_mixed),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", date(18, 10, 26, 40)),
        ("X-Priority", "3"),
        ("Message-ID", "<tencent_7E9F1A3B5C7D9E0F2A4B6C8D0E1F3A5B7C06@"
                       "example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-Mailer", "QQMail 2.x"),
    ], body)
    return raw, exp(
        "filed", "wansong", D_WS5_TITLE,
        contains=["由街道干部担任楼长，物业负责人担任副楼长",
                  "楼宇入驻率较年初提高了6个百分点。"],
        attachments=[DOCX_WS5])


def outlook_attachment_only(code, display, title, fname, ctype, data,
                            day, hh, mm, ss, msgid, boundary, note="详见附件"):
    b_mixed = boundary
    b_alt = boundary.replace("_000_", "_001_")
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(note + "\n", "gb2312", "\r\n"), "\r\n"),
                 "\r\n")
    htm = (WORD_HEAD % {"charset": "gb2312"} + word_para(note) + WORD_TAIL)
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("gb2312"), "\r\n"), "\r\n")
    alt = part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"'
                 % b_alt)], multipart(b_alt, [plain, hpart], "\r\n"), "\r\n")
    enc = bword(fname.encode("gb18030"), "gb2312")
    att = part([("Content-Type", '%s;\n\tname="%s"' % (ctype, enc)),
                ("Content-Transfer-Encoding", "base64"),
                ("Content-Disposition", 'attachment;\n\tfilename="%s"' % enc)],
               b64(data, "\r\n"), "\r\n")
    return message([
        ("From", addr(display, "gb2312", unit_addr(code))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(title, "gb2312")),
        ("Date", date(day, hh, mm, ss)),
        ("Message-ID", msgid),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b_mixed),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "zh-cn"),
    ], multipart(b_mixed, [alt, att], "\r\n",
                 preamble="This is a multipart message in MIME format.\n"),
        "\r\n")


T_XH4 = "新华街道推进老旧厂房改造招商"
DOC_XH4 = "新华街道老旧厂房改造招商稿.doc"


@fixture("outlook-doc-only", "Outlook 16 (mixed > alternative \"详见附件\" "
         "+ old binary .doc, RFC 2047 name)",
         "an old binary Word .doc as the only source of the article: held, "
         "needs conversion, the .doc kept")
def f_outlook_doc_only():
    raw = outlook_attachment_only(
        "xinhua", "新华街道", "【投稿】" + T_XH4, DOC_XH4, "application/msword",
        ole_file("WordDocument", T_XH4 + "：盘活闲置厂房12处，引进文创企业27家。"),
        18, 11, 15, 2, "<002b01dc5709$4e6f7a80$eb4e6f80$@example.test>",
        "----=_NextPart_000_002C_01DC5709.4E6F7A80")
    return raw, exp(
        "held", "xinhua", T_XH4, attachments=[DOC_XH4],
        reason="needs conversion")


T_CQ5 = "常青街道开展个体工商户“信用修复”帮扶"
WPS_CQ5 = "信用修复帮扶稿.wps"


@fixture("coremail-wps-only", "Coremail webmail (mixed: \"详见附件。\" + "
         "WPS .wps document, GBK RFC 2047 name)",
         "a WPS .wps document as the only source of the article: held, "
         "needs conversion, the .wps kept")
def f_coremail_wps_only():
    b = "----=_Part_120458_907152366.1794976512345"
    text = part([("Content-Type", "text/plain; charset=GBK"),
                 ("Content-Transfer-Encoding", "base64")],
                b64(text_bytes("详见附件。\n", "gbk", "\r\n")))
    enc = bword(WPS_CQ5.encode("gbk"), "GBK")
    att = part([("Content-Type", 'application/octet-stream; name="%s"' % enc),
                ("Content-Transfer-Encoding", "base64"),
                ("Content-Disposition", 'attachment; filename="%s"' % enc)],
               b64(ole_file("WpsDocument", T_CQ5)))
    raw = message([
        ("Date", date(18, 14, 35, 12, suffix=" (CST)")),
        ("From", addr("常青街道", "GBK", unit_addr("changqing"))),
        ("To", OFFICE),
        ("Message-ID", "<3e9c0a7b.8f12.19aaf3b1c6d.Coremail.changqing@"
                       "example.test>"),
        ("Subject", subject(T_CQ5, "GBK")),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed; \n\tboundary="%s"' % b),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], multipart(b, [text, att]))
    return raw, exp(
        "held", "changqing", T_CQ5, attachments=[WPS_CQ5],
        reason="needs conversion")


T_FY5 = "区法院发布涉企破产审判白皮书"
PDF_FY5 = "涉企破产审判白皮书（摘要）.pdf"


@fixture("exmail-pdf-only", "Tencent Exmail (mixed > alternative "
         "\"详见附件\" + PDF, RFC 2047 name)",
         "a PDF as the only source of the article: held, needs conversion, "
         "the PDF kept")
def f_exmail_pdf_only():
    enc = bword(PDF_FY5.encode("utf-8"), "utf-8")
    att = part([("Content-Type", 'application/pdf;\n\tcharset="utf-8";\n\t'
                 'name="%s"' % enc),
                ("Content-Disposition", 'attachment; filename="%s"' % enc),
                ("Content-Transfer-Encoding", "base64")],
               b64(pdf(["Jianghan District People's Court",
                        "Bankruptcy trials white paper, summary"])))
    b_mixed = "----=_NextPart_67303D55_4E5F6071_8293A4B5"
    body = qq_mixed(["详见附件"], [att], b_mixed,
                    "----=_NextPart_67303D55_4E5F6071_8293A4B6")
    raw = message([
        ("From", addr("区法院", "utf-8", unit_addr("fayuan"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(T_FY5, "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b_mixed),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", date(18, 15, 50, 27)),
        ("Message-ID", "<tencent_0B2D4F6A8C0E1B3D5F7A9C1E3B5D7F9A0C05@"
                       "example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "Tencent Exmail"),
        ("X-QQ-mid", "bizesmtpsz9t1794991827tu6v7w8x"),
    ], body)
    return raw, exp(
        "held", "fayuan", T_FY5, attachments=[PDF_FY5],
        reason="needs conversion")


T_SPJ5 = "区行政审批局开展“帮办代办”服务提质行动"


@fixture("outlook-winmail-dat", "Outlook 16 in Rich Text mode (text/plain "
         "\"详见附件\" + application/ms-tnef winmail.dat)",
         "a winmail.dat (TNEF) as the only source of the article: held, "
         "needs conversion, winmail.dat kept")
def f_outlook_winmail_dat():
    b = "----=_NextPart_000_0031_01DC57A4.1B2C3D40"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes("详见附件\n", "gb2312", "\r\n"), "\r\n"),
                 "\r\n")
    att = part([("Content-Type", 'application/ms-tnef;\n\tname="winmail.dat"'),
                ("Content-Transfer-Encoding", "base64"),
                ("Content-Disposition", 'attachment;\n\tfilename="winmail.dat"')],
               b64(tnef("\\'b0\\'ef\\'b0\\'ec\\'b4\\'fa\\'b0\\'ec"), "\r\n"),
               "\r\n")
    raw = message([
        ("From", addr("区行政审批局", "gb2312", unit_addr("spj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(T_SPJ5, "gb2312")),
        ("Date", date(18, 16, 21, 9)),
        ("Message-ID", "<003101dc57a4$1b2c3d40$51848fc0$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdxXpBssPUBRhI/AQq7Zs1Jm8b0eGw=="),
        ("Content-Language", "zh-cn"),
        ("X-MS-TNEF-Correlator", "00000000A1B2C3D4E5F60718293A4B5C6D7E8F90"),
    ], multipart(b, [plain, att], "\r\n",
                 preamble="This is a multipart message in MIME format.\n"),
        "\r\n")
    return raw, exp(
        "held", "spj", T_SPJ5, attachments=["winmail.dat"],
        reason="needs conversion")


# ---- 8. Titles and fields --------------------------------------------------

A_SCJ5_TITLE = "区市场监管局推动个体工商户“个转企”"
A_SCJ5 = [
    "区市场监管局对有意愿、有条件的个体工商户开展“个转企”一对一辅导，转型企业"
    "可保留原字号和行业特点，相关许可证件实行变更登记，税务、社保同步衔接。",
    "今年以来，全区已有47户个体工商户转型升级为企业，新增就业岗位210个。",
]


@fixture("163-nested-prefixes", "163 webmail (Coremail, GBK base64) at "
         "the end of a thread that went through several clients",
         "nested and mixed prefixes Re: 回复：Fw: 【投稿】 are all stripped "
         "from the title")
def f_163_nested_prefixes():
    check_article(A_SCJ5)
    raw = message([
        ("Date", date(19, 9, 20, 31, suffix=" (CST)")),
        ("From", addr("区市场监管局", "GBK", unit_addr("scjgj"))),
        ("To", OFFICE),
        ("Message-ID", "<6c2e9a1f.1b47.19ab4e2d7a0.Coremail.scjgj@"
                       "example.test>"),
        ("Subject", subject("回复：Fw: 【投稿】" + A_SCJ5_TITLE, "GBK",
                            lead="Re: ")),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK;"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b) Copyright (c) 2002-2026 "
                     "www.mailtech.cn 163com"),
    ], b64(text_bytes(article_text(A_SCJ5), "gbk", "\r\n")))
    return raw, exp(
        "filed", "scjgj", A_SCJ5_TITLE,
        contains=["开展“个转企”一对一辅导", "新增就业岗位210个。"],
        notes=["Content-Type ends in a stray ';' as Coremail writes it"])


A_JGW5_TITLE = "金管委开展“防非宣传月” 进商圈活动"
A_JGW5 = [
    "金管委联合公安、市场监管等部门开展“防范非法集资宣传月”活动，走进江汉路"
    "步行街等重点商圈，通过案例展板、有奖问答等方式，提醒商户和群众警惕高息"
    "诱惑。",
    "活动期间共发放宣传资料5000余份，现场解答群众咨询320人次。",
]


@fixture("exmail-bracket-prefix-whitespace", "Tencent Exmail (text/plain "
         "UTF-8 base64) with a [供稿] prefix and messy spacing",
         "a [供稿] prefix is stripped and runs of spaces/tabs inside the "
         "title collapse to one space (trailing space trimmed)")
def f_exmail_bracket_prefix_whitespace():
    check_article(A_JGW5)
    raw = message([
        ("From", addr("金管委", "utf-8", unit_addr("jgw"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("[供稿]  金管委开展“防非宣传月”\t   进商圈活动  ",
                            "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
        ("Content-Transfer-Encoding", "base64"),
        ("Date", date(19, 10, 5, 17)),
        ("Message-ID", "<tencent_3C5E7A9B1D3F5E7A9C1B3D5F7E9A1C3E5B04@"
                       "example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "Tencent Exmail"),
        ("X-QQ-mid", "bizesmtpsz3t1795053917tq1w2e3r"),
    ], b64(text_bytes(article_text(A_JGW5), "utf-8", "\r\n")))
    return raw, exp(
        "filed", "jgw", A_JGW5_TITLE,
        contains=["提醒商户和群众警惕高息诱惑。", "现场解答群众咨询320人次。"])


A_FGJ4_HEAD = "区发改局开展重大项目谋划储备专题培训"
A_FGJ4 = [
    "11月18日，区发改局组织各街道、区直部门项目工作人员开展专题培训，邀请市"
    "发改委专家解读中央预算内投资、超长期特别国债等资金申报政策。",
    "培训结合近年来成功申报的项目案例，讲解项目前期工作要点和常见问题。参训"
    "人员纷纷表示，对下一步谋划储备项目心中更有底了。",
]


@fixture("126-generic-subject", "126 webmail (Coremail, alternative, "
         "UTF-8 base64) with the bare subject 投稿",
         "a generic subject (投稿) with text in the body: the title is the "
         "first short body line (a headline, no final 。) and that line is "
         "not repeated in the text")
def f_126_generic_subject():
    check_article(A_FGJ4)
    paras = [A_FGJ4_HEAD] + A_FGJ4
    b = "----=_Part_205817_1722604153.1795060412208"
    plain = part([("Content-Type", "text/plain; charset=UTF-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(article_text(paras, "\n"), "utf-8", "\r\n")))
    htm = ('<div style="line-height:1.7;color:#000000;font-size:14px;'
           'font-family:Arial">%s</div>\n'
           % "".join("<p style=\"margin:0;\">%s</p>" % html.escape(p)
                     for p in paras))
    hpart = part([("Content-Type", "text/html; charset=UTF-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("utf-8")))
    raw = message([
        ("Date", date(19, 11, 13, 32, suffix=" (CST)")),
        ("From", addr("区发改局", "UTF-8", unit_addr("fgj"))),
        ("To", OFFICE),
        ("Message-ID", "<4b7d0e2a.2c58.19ab56f1e3b.Coremail.fgj@"
                       "example.test>"),
        ("Subject", subject("投稿")),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative; \n\tboundary="%s"' % b),
        ("X-Priority", "3"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b) Copyright (c) 2002-2026 "
                     "www.mailtech.cn 126com"),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "fgj", A_FGJ4_HEAD,
        contains=["邀请市发改委专家解读中央预算内投资", "心中更有底了。"],
        absent=[A_FGJ4_HEAD])


A_SBC5_HEAD = "江汉社保处开通社保业务“周末不打烊”服务"
A_SBC5 = [
    "为方便上班族办事，江汉社保处自11月起在政务服务中心开通社保业务“周末"
    "不打烊”服务，每周六上午安排工作人员值班，办理参保登记、社保卡补换等"
    "高频业务。",
    "服务开通以来，已在周末办理业务430件，受到群众欢迎。",
]


@fixture("oa-generic-subject-xinxi", "office OA system (text/plain GBK "
         "base64) with the bare subject 信息",
         "the generic subject 信息: the first short body line becomes the "
         "title and is not repeated in the text")
def f_oa_generic_subject_xinxi():
    check_article(A_SBC5)
    paras = [A_SBC5_HEAD] + A_SBC5
    raw = message([
        ("Date", date(19, 14, 40, 3)),
        ("From", addr("江汉社保处", "GBK", unit_addr("sbc"))),
        ("To", OFFICE),
        ("Subject", subject("信息", "GBK")),
        ("Message-ID", "<OA.20261119144003.0388@oa.sbc.example.test>"),
        ("X-Mailer", "JHOA Mail Sender 2.1"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "TEXT/PLAIN; CHARSET=GBK"),
        ("Content-Transfer-Encoding", "BASE64"),
    ], b64(text_bytes(article_text(paras), "gbk", "\r\n"), "\r\n"), "\r\n")
    return raw, exp(
        "filed", "sbc", A_SBC5_HEAD,
        contains=["每周六上午安排工作人员值班", "已在周末办理业务430件"],
        absent=[A_SBC5_HEAD],
        notes=["upper-case TEXT/PLAIN; CHARSET=GBK and BASE64, as this OA "
               "writes them"])


A_CQ6_TITLE = "常青街道推行“一业一证”改革便利市场主体准入"
A_CQ6 = [
    "常青街道配合区行政审批局推行“一业一证”改革，将开办便利店、药店、餐饮店"
    "涉及的多张许可证整合为一张行业综合许可证，街道政务服务站提供帮办服务。",
    "改革推行以来，辖区已有52家市场主体领取行业综合许可证，平均审批时间压缩"
    "七成。",
]


@fixture("coremail-fields-at-start", "Coremail webmail (text/plain UTF-8 "
         "base64) with fields written above the article",
         "审签/执笔/联系电话 on separate lines with ASCII colons at the start "
         "of the body are fields (联系电话 -> 电话); 审核： is not a field and "
         "stays in the text")
def f_coremail_fields_at_start():
    check_article(A_CQ6)
    text = ("审签:刘建国\n执笔:周晓燕\n联系电话:027-8576 1202\n\n" +
            article_text(A_CQ6) + "\n审核：常青街道党政办\n")
    raw = message([
        ("Date", date(19, 15, 58, 40, suffix=" (CST)")),
        ("From", addr("常青街道办事处", "UTF-8", unit_addr("changqing"))),
        ("To", OFFICE),
        ("Message-ID", "<0d3f5b7e.3e69.19ab60a2c1d.Coremail.changqing@"
                       "example.test>"),
        ("Subject", subject(A_CQ6_TITLE)),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], b64(text_bytes(text, "utf-8", "\r\n")))
    return raw, exp(
        "filed", "changqing", A_CQ6_TITLE,
        contains=["整合为一张行业综合许可证", "平均审批时间压缩七成。",
                  "审核：常青街道党政办"],
        absent=["审签", "执笔", "联系电话", "刘建国", "027-8576 1202"],
        fields=[("审签", "刘建国"), ("执笔", "周晓燕"),
                ("电话", "027-8576 1202")])


# ---- 9. Classified mail -------------------------------------------------------

@fixture("classified-subject-mimi", "Foxmail 7.2 (text/plain gb2312 "
         "base64) with 【秘密】 in front of the subject",
         "a subject marked 【秘密】 is held as classified, not filed")
def f_classified_subject_mimi():
    paras = ["截至11月15日，辖区纳入监测的风险企业共7家，其中2家已完成清退，其余"
             "企业正按“一企一策”推进处置。", "具体企业名单及涉及金额见附表。"]
    raw = message([
        ("Date", date(20, 9, 2, 55)),
        ("From", addr("金管委", "gb2312", unit_addr("jgw"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("【秘密】金管委关于辖区风险企业处置进展的报告",
                            "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611200902553391846@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(article_text(paras), "gb2312", "\r\n")))
    return raw, exp(
        "held", "jgw", reason="classified",
        notes=["no title: whether the 【秘密】 marking stays in a held "
               "article's title is not specified"])


@fixture("classified-subject-jimi-star", "Outlook 16 (text/plain gb2312 "
         "QP) with 机密★1年 in front of the subject",
         "a subject starting with 机密★ is held as classified")
def f_classified_subject_jimi_star():
    paras = ["根据全区国土空间规划实施安排，现将2027年度重点地块储备情况报告如下，"
             "涉及地块的位置和面积见附图，请注意保管。"]
    raw = message([
        ("From", addr("区规划分局", "gb2312", unit_addr("ghfj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject("机密★1年 区规划分局重点地块储备情况", "gb2312")),
        ("Date", date(20, 9, 48, 14)),
        ("Message-ID", "<003c01dc59a1$5e6f7080$1b4e5180$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "zh-cn"),
    ], qp(article_text(paras).encode("gb2312"), "\r\n"), "\r\n")
    return raw, exp(
        "held", "ghfj", reason="classified",
        notes=["no title: whether the 机密★1年 marking stays in a held "
               "article's title is not specified"])


@fixture("classified-subject-juemi-inside", "Foxmail 7.2 (text/plain "
         "gb2312 base64) forwarding a marked notice by mistake",
         "a marking inside the subject (转发：绝密★长期 …), not at its start, "
         "also holds the mail as classified")
def f_classified_subject_juemi_inside():
    paras = ["各有关单位：请按要求做好重大活动期间劳动保障领域风险排查工作，"
             "排查情况按规定渠道报送，不得通过互联网邮箱传输。"]
    raw = message([
        ("Date", date(20, 10, 5, 48)),
        ("From", addr("区人社局", "gb2312", unit_addr("rsj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("转发：绝密★长期 关于做好重大活动期间劳动保障"
                            "工作的通知", "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611201005487720914@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(article_text(paras), "gb2312", "\r\n")))
    return raw, exp(
        "held", "rsj", reason="classified",
        notes=["no title: whether the marking stays in a held article's "
               "title is not specified"])


T_FY6 = "区法院关于一起涉企案件执行情况的报告"


@fixture("classified-first-line", "Outlook 16 (alternative, gb2312 "
         "base64) whose body starts with the marking line 机密★1年",
         "a body whose first line is a classification marking (机密★1年) "
         "is held as classified although the subject is ordinary")
def f_classified_first_line():
    paras = ["机密★1年",
             "某建设公司与某商贸公司买卖合同纠纷一案，经区法院执行局依法查控，"
             "已冻结被执行人银行存款860万元，下一步将依法处置查封的房产。"]
    b = "----=_NextPart_000_0041_01DC59B3.7C8D9EA0"
    text = article_text(paras)
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "gb2312", "\r\n"), "\r\n"), "\r\n")
    htm = WORD_HEAD % {"charset": "gb2312"} + "".join(
        word_para(p) for p in paras) + WORD_TAIL
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("gb2312"), "\r\n"), "\r\n")
    raw = message([
        ("From", addr("区法院", "gb2312", unit_addr("fayuan"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(T_FY6, "gb2312")),
        ("Date", date(20, 10, 31, 5)),
        ("Message-ID", "<004101dc59b3$7c8d9ea0$75a8dbe0$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "zh-cn"),
    ], multipart(b, [plain, hpart], "\r\n",
                 preamble="This is a multipart message in MIME format.\n"),
        "\r\n")
    return raw, exp("held", "fayuan", T_FY6, reason="classified")


A_XH5_TITLE = "揭开老城区焕新的秘密"
A_XH5 = [
    "走进新华街道的老街巷，斑驳的外墙换上了新颜，闲置的旧厂房变成了创意工作室。"
    "老城区焕新的秘密，在于街道坚持“居民点单、街道派单、部门接单”。",
    "今年以来，街道完成12条背街小巷改造，引进小店经济业态96家，老城区人气和"
    "商气同步回升。",
]


@fixture("secret-in-prose", "Apple Mail 16 (text/plain UTF-8 QP, not "
         "flowed)",
         "the word 秘密 in an ordinary title and in prose is no "
         "classification marking: the article is filed")
def f_secret_in_prose():
    check_article(A_XH5)
    raw = message([
        ("From", addr("新华街道", "utf-8", unit_addr("xinhua"))),
        ("Content-Type", "text/plain;\n\tcharset=utf-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))"),
        ("Subject", subject(A_XH5_TITLE, "utf-8")),
        ("Message-Id", "<3F6A1C2E-9B8D-4E7F-A0B1-C2D3E4F5A6B7@example.test>"),
        ("Date", date(20, 11, 6, 33)),
        ("To", OFFICE),
        ("X-Mailer", "Apple Mail (2.3826.400.131.1.6)"),
    ], qp(article_text(A_XH5).encode("utf-8")))
    return raw, exp(
        "filed", "xinhua", A_XH5_TITLE,
        contains=["老城区焕新的秘密，在于街道坚持", "引进小店经济业态96家"])


# ---- 10. Revisions and duplicates ------------------------------------------

A_FGJ1R = [
    "11月2日，区发改局召开四季度重点项目调度会，副局长王堃主持会议。会议逐一"
    "梳理全区42个在建重点项目的形象进度、资金拨付和要素保障情况，对进度滞后的"
    "6个项目现场交办问题清单。",
    "会后一周内，6个滞后项目中已有4个完成问题整改，湖北镕达建设公司的施工用电"
    "已于11月6日接通。区发改局将实行“周调度、月通报”，确保全年投资目标完成。",
]


@fixture("revision-xiugaigao", "Foxmail 7.2 (text/plain gb2312 label, GBK "
         "bytes) resending with （修改稿） after the title",
         "a later mail from the same unit whose title minus （修改稿） equals "
         "an earlier filed title replaces that article; fields on several "
         "lines at the end")
def f_revision_xiugaigao():
    check_article(A_FGJ1R)
    text = article_text(A_FGJ1R) + "\n审签：王堃\n执笔：陈喆\n联系电话：027-8577 3321\n"
    raw = message([
        ("Date", date(20, 14, 12, 7)),
        ("From", addr("区发改局", "gb2312", unit_addr("fgj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(A_FGJ1_TITLE + "（修改稿）", "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611201412077730152@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(text, "gbk", "\r\n")))
    return raw, exp(
        "replaced", "fgj", A_FGJ1_TITLE,
        contains=["6个滞后项目中已有4个完成问题整改", "已于11月6日接通"],
        absent=["审签", "027-8577 3321"],
        fields=[("审签", "王堃"), ("执笔", "陈喆"), ("电话", "027-8577 3321")],
        notes=["replaces " + name_of("foxmail-gbk-in-gb2312")])


A_XH2R = [
    "11月12日，新华街道召开辖区重点企业联席会议，街道主要负责同志与18家重点"
    "企业负责人面对面交流，听取企业在用工、用地、融资等方面的诉求。",
    "会上梳理形成问题清单9项，目前已办结6项，其余3项明确责任科室限时办理。"
    "下一步，街道将每季度召开一次联席会议，推动政企沟通常态化。",
]


@fixture("revision-bracket-xiugaigao", "Outlook 16 (text/plain gb2312 "
         "base64) with 【修改稿】 in front of the title",
         "【修改稿】 before an earlier filed title of the same unit: the "
         "article is replaced (the earlier one was HTML-only)")
def f_revision_bracket_xiugaigao():
    check_article(A_XH2R)
    raw = message([
        ("From", addr("新华街道", "gb2312", unit_addr("xinhua"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject("【修改稿】" + A_XH2_TITLE, "gb2312")),
        ("Date", date(20, 15, 30, 41)),
        ("Message-ID", "<004a01dc59dd$2b3c4d50$81b4e7f0$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "zh-cn"),
    ], b64(text_bytes(article_text(A_XH2R), "gb2312", "\r\n"), "\r\n"),
        "\r\n")
    return raw, exp(
        "replaced", "xinhua", A_XH2_TITLE,
        contains=["目前已办结6项，其余3项明确责任科室限时办理。"],
        notes=["replaces " + name_of("word-html-only")])


A_RSJ1R = [
    "11月6日，区人社局在江汉人力资源市场举办高校毕业生秋季专场招聘会，86家"
    "企业提供岗位1900余个，涵盖金融、软件开发、商贸物流等行业。",
    "当天共有2300余名求职者入场，初步达成就业意向436人（此前报送的412人为"
    "现场初步统计数）。区人社局将为未达成意向的毕业生建立台账，持续推送岗位"
    "信息。",
]


@fixture("revision-gengzheng", "Foxmail 7.2 (text/plain gb2312 base64) "
         "sending a correction with （更正） after the title",
         "（更正） after an earlier filed title of the same unit: replaced "
         "(the earlier one came from a mislabelled OA mail)")
def f_revision_gengzheng():
    check_article(A_RSJ1R)
    raw = message([
        ("Date", date(20, 16, 45, 19)),
        ("From", addr("区人社局", "gb2312", unit_addr("rsj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(A_RSJ1_TITLE + "（更正）", "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611201645191104728@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(article_text(A_RSJ1R), "gb2312", "\r\n")))
    return raw, exp(
        "replaced", "rsj", A_RSJ1_TITLE,
        contains=["初步达成就业意向436人"],
        notes=["replaces " + name_of("phpmailer-gbk-labelled-utf8")])


A_CQ2R = [
    "11月9日，常青街道“小微企业服务站”正式挂牌运行。服务站设在街道党群服务"
    "中心一楼，集成政策咨询、证照代办、融资对接、法律援助等12项服务。",
    "挂牌两周来，服务站接待企业咨询158人次，代办证照变更27件，协调银行为3家"
    "小微企业发放贷款200万元。",
]


@fixture("revision-dierg", "QQ Mail (alternative, UTF-8 base64) with "
         "第二稿 after the title",
         "第二稿 after an earlier filed title of the same unit: replaced")
def f_revision_dierg():
    check_article(A_CQ2R)
    b = "----=_NextPart_6731A2C3_5F607182_93A4B5C6"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(article_text(A_CQ2R), "utf-8", "\r\n")))
    hpart = part([("Content-Type", 'text/html;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(simple_html(A_CQ2R, "utf-8").encode("utf-8")))
    raw = message([
        ("From", addr("常青街道", "utf-8", unit_addr("changqing"),
                      quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject(A_CQ2_TITLE + " 第二稿", "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", date(23, 9, 14, 50)),
        ("X-Priority", "3"),
        ("Message-ID", "<tencent_6D8F0A2C4E6B8D0F2A4C6E8B0D2F4A6C8E03@"
                       "example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-Mailer", "QQMail 2.x"),
    ], multipart(b, [plain, hpart],
                 preamble="This is a multi-part message in MIME format.\n"))
    return raw, exp(
        "replaced", "changqing", A_CQ2_TITLE,
        contains=["协调银行为3家小微企业发放贷款200万元。"],
        notes=["replaces " + name_of("qq-padded-subject")])


A_SCJ1R_TITLE = "区市场监管局完成全区在用电梯安全专项检查"
A_SCJ1R = [
    "区市场监管局近日完成全区在用电梯安全专项检查，共检查电梯1180台，覆盖住宅"
    "小区、商场超市、医院学校等场所，发现的57处隐患已全部整改到位。",
    "区市场监管局将把检查中发现的共性问题纳入维保单位信用评价，推动电梯安全"
    "责任落实。",
]


@fixture("revision-by-references", "Outlook 16 (text/plain UTF-8 base64) "
         "answering our receipt with a new headline",
         "In-Reply-To names our receipt and References the unit's earlier "
         "filed message: the new mail replaces that article under its new "
         "title (答复： stripped)")
def f_revision_by_references():
    check_article(A_SCJ1R)
    raw = message([
        ("From", addr("区市场监管局", "utf-8", unit_addr("scjgj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject("答复：" + A_SCJ1R_TITLE, "utf-8")),
        ("Date", date(23, 10, 2, 26)),
        ("Message-ID", "<005201dc5b6e$0f1a2b30$2d4e5f60$@example.test>"),
        ("References", MID_SCJ1 + "\n <bulletind.receipt.7f3a9c@example.test>"),
        ("In-Reply-To", "<bulletind.receipt.7f3a9c@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AQHcW24PGisw8U5Xt0CG2r4XJ3yF1g=="),
        ("Content-Language", "zh-cn"),
    ], b64(text_bytes(article_text(A_SCJ1R), "utf-8", "\r\n"), "\r\n"),
        "\r\n")
    return raw, exp(
        "replaced", "scjgj", A_SCJ1R_TITLE,
        contains=["共检查电梯1180台", "纳入维保单位信用评价"],
        notes=["replaces " + name_of("script-utf8-no-charset")])


A_JGW3R_TITLE = "金管委“信易贷”平台入驻企业突破3500家"
A_JGW3R = [
    "截至11月20日，金管委“信易贷”平台入驻企业突破3500家，累计促成信用贷款"
    "450笔，金额10.6亿元，其中首贷户占比达38%。",
    "下一步，金管委将推动更多银行上线专属信贷产品，扩大平台服务覆盖面。",
]


@fixture("revision-by-in-reply-to", "Coremail webmail reply to the unit's "
         "own sent mail (In-Reply-To only, no References), subject rewritten",
         "In-Reply-To naming the unit's earlier filed message is enough: "
         "replaced, under the new title")
def f_revision_by_in_reply_to():
    check_article(A_JGW3R)
    raw = message([
        ("Date", date(23, 10, 40, 2, suffix=" (CST)")),
        ("From", addr("金管委", "UTF-8", unit_addr("jgw"))),
        ("To", OFFICE),
        ("Message-ID", "<3c5e7a9b.5d71.19ac0e4f1a2.Coremail.jgw@"
                       "example.test>"),
        ("In-Reply-To", MID_JGW3),
        ("Subject", subject(A_JGW3R_TITLE)),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], b64(text_bytes(article_text(A_JGW3R), "utf-8", "\r\n")))
    return raw, exp(
        "replaced", "jgw", A_JGW3R_TITLE,
        contains=["平台入驻企业突破3500家", "金额10.6亿元"],
        notes=["replaces " + name_of("nul-in-body")])


@fixture("duplicate-same-message-id", "Outlook 16 resending after a "
         "timeout: the same message (same Message-ID) with another Received "
         "line",
         "the same Message-ID again is a duplicate, nothing is filed twice")
def f_duplicate_same_message_id():
    raw = outlook_mixed_scj2([
        ("Received", "from pc-scjgj-03 (unknown [10.20.3.17])\n\tby "
                     "mail.example.test (Postfix) with ESMTPSA id 4Ck2s"
                     "71QzTz1xk\n\tfor <office@example.test>; " +
                     date(11, 14, 58, 3)),
    ])
    return raw, exp(
        "duplicate", "scjgj",
        notes=["same Message-ID " + MID_SCJ2 + " as " +
               name_of("outlook-rfc2047-doc-name")])


@fixture("duplicate-same-text", "iPhone Mail, English iOS (text/plain "
         "UTF-8 QP) of a second colleague sending the same article",
         "a different Message-ID and a different subject but the same "
         "article text (after the signature is removed) from the same unit "
         "is a duplicate")
def f_duplicate_same_text():
    text = article_text(A_FY4) + "\nSent from my iPhone\n"
    raw = message([
        ("Content-Type", "text/plain;\n\tcharset=utf-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("From", addr("区法院", "utf-8", unit_addr("fayuan"))),
        ("Mime-Version", "1.0 (1.0)"),
        ("Date", date(23, 11, 20, 2)),
        ("Subject", subject("法官进企业普法活动稿件", "utf-8")),
        ("Message-Id", "<C41D7E09-6A2B-4F83-9D15-0E7F3A2B6C58@example.test>"),
        ("To", OFFICE),
        ("X-Mailer", "iPhone Mail (22B91)"),
    ], qp(text.encode("utf-8")))
    return raw, exp(
        "duplicate", "fayuan",
        notes=["same text as " + name_of("iphone-sig"),
               "the signature differs: Sent from my iPhone vs 发自我的iPhone"])


# ---- 11. Mail that is not an article: ignored ------------------------------

NOTICE14 = "关于报送第14期简报稿件的通知"


def plain_utf8(hdrs, text, eol="\n", cte="base64"):
    body = b64(text_bytes(text, "utf-8", eol), eol) if cte == "base64" \
        else text_bytes(text, "utf-8", eol)
    return message(hdrs + [
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", cte),
    ], body, eol)


@fixture("autoreply-auto-submitted", "Dovecot Pigeonhole vacation reply "
         "from the unit's own server (sieve_vacation_send_from_recipient, so "
         "the envelope sender is the unit, not <>)",
         "Auto-Submitted: auto-replied marks an auto-reply: ignored")
def f_autoreply_auto_submitted():
    raw = plain_utf8([
        ("Return-Path", "<xinhua@example.test>"),
        ("X-Sieve", "Pigeonhole Sieve 0.5.19 (a6e4d2c1)"),
        ("Message-ID", "<dovecot-sieve-1795139021-512031-0@mail.example.test>"),
        ("Date", date(23, 9, 3, 41)),
        ("From", addr("新华街道办事处", "utf-8", unit_addr("xinhua"))),
        ("To", OFFICE),
        ("Subject", subject(NOTICE14, lead="Auto: ")),
        ("In-Reply-To", "<bulletind.notice.14.2@example.test>"),
        ("References", "<bulletind.notice.14.2@example.test>"),
        ("Auto-Submitted", "auto-replied (vacation)"),
    ], "本人11月23日至27日外出学习，期间邮件处理可能延迟，紧急事项请致电"
       "027-8577 0000。\n", cte="8bit")
    return raw, exp("ignored", "-",
                    notes=["Pigeonhole also adds Precedence: bulk; left "
                           "out so only Auto-Submitted applies"])


@fixture("autoreply-x-autoreply", "Coremail auto-reply (X-Autoreply: yes)",
         "X-Autoreply: yes marks an auto-reply even with an ordinary "
         "回复： subject: ignored")
def f_autoreply_x_autoreply():
    raw = message([
        ("Date", date(23, 9, 10, 2, suffix=" (CST)")),
        ("From", addr("常青街道办事处", "GBK", unit_addr("changqing"))),
        ("To", OFFICE),
        ("Message-ID", "<1e4a7c9f.4f8a.19abf0a1b2c.Coremail.changqing@"
                       "example.test>"),
        ("Subject", subject("回复：" + NOTICE14, "GBK")),
        ("In-Reply-To", "<bulletind.notice.14.3@example.test>"),
        ("X-Autoreply", "yes"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], b64(text_bytes("您好！您的邮件已收到，我们将尽快处理。\n常青街道办事处\n",
                      "gbk", "\r\n")))
    return raw, exp("ignored", "-")


@fixture("autoreply-precedence-auto-reply", "an old Lotus-style mail "
         "server's acknowledgement (Precedence: auto_reply)",
         "Precedence: auto_reply: ignored")
def f_autoreply_precedence_auto_reply():
    raw = plain_utf8([
        ("Date", date(23, 9, 15, 30)),
        ("From", addr("万松街道办事处", "utf-8", unit_addr("wansong"))),
        ("To", OFFICE),
        ("Subject", subject("已收到：" + NOTICE14)),
        ("Message-ID", "<OF3A7B9C1D.2E4F6A80-ON48258C1F.0011A2B3@"
                       "example.test>"),
        ("Precedence", "auto_reply"),
        ("X-Mailer", "Lotus Domino Release 9.0.1FP10"),
    ], "您发送的邮件已送达万松街道办事处，工作人员将及时处理。\n")
    return raw, exp("ignored", "-")


A_JGW6 = [
    "本期要目：金管委组织银行走进商务区开展金融服务；全区普惠小微贷款余额"
    "突破300亿元；防范非法集资宣传月活动启动。",
    "11月以来，金管委持续推动银企对接，全区普惠小微贷款余额较年初增长18%。",
]


@fixture("precedence-bulk-newsletter", "the unit's OA newsletter sender "
         "(Precedence: bulk, HTML, UTF-8 QP)",
         "Precedence: bulk marks mass mail: ignored although it reads like "
         "an article and comes from a unit address")
def f_precedence_bulk_newsletter():
    htm = "<html><body><h2>金管委金融工作动态（第45期）</h2>%s</body></html>\n" % \
        "".join("<p>%s</p>" % html.escape(p) for p in A_JGW6)
    raw = message([
        ("Date", date(23, 10, 0, 0)),
        ("From", addr("金管委", "UTF-8", unit_addr("jgw"))),
        ("To", bword("金融工作动态订阅".encode("utf-8"), "UTF-8") + ": ;"),
        ("Subject", subject("金管委金融工作动态（第45期）")),
        ("Message-ID", "<newsletter.45.20261123100000@oa.jgw.example.test>"),
        ("Precedence", "bulk"),
        ("X-Mailer", "JGW OA Newsletter 2.0"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/html; charset=UTF-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
    ], qp(htm.encode("utf-8")))
    return raw, exp("ignored", "-",
                    notes=["To: is an empty group, as bulk senders write it"])


@fixture("precedence-junk-reminder", "the unit's OA task reminder "
         "(Precedence: junk, GBK 8bit)",
         "Precedence: junk: ignored")
def f_precedence_junk_reminder():
    raw = message([
        ("Date", date(23, 10, 30, 5)),
        ("From", addr("区发改局", "GBK", unit_addr("fgj"))),
        ("To", OFFICE),
        ("Subject", subject("待办提醒：您有1条新的公文待处理", "GBK")),
        ("Message-ID", "<OA.todo.20261123103005.8812@oa.fgj.example.test>"),
        ("Precedence", "junk"),
        ("X-Mailer", "JHOA Mail Sender 2.1"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK"),
        ("Content-Transfer-Encoding", "8bit"),
    ], text_bytes("您有1条新的公文待处理，请登录协同办公平台查看。\n", "gbk",
                  "\r\n"), "\r\n")
    return raw, exp("ignored", "-")


A_SBC6 = [
    "江汉社保处工作动态第21期：社保政策进园区活动走进江汉经济开发区，现场办理"
    "业务36件；养老保险待遇资格静默认证覆盖1.8万人。",
]


@fixture("precedence-list", "an old list expander that adds only "
         "Precedence: list (no List-Id)",
         "Precedence: list: ignored")
def f_precedence_list():
    raw = plain_utf8([
        ("Date", date(23, 11, 0, 12)),
        ("From", addr("江汉社保处", "utf-8", unit_addr("sbc"))),
        ("To", "sbc-all@lists.example.test"),
        ("Subject", subject("江汉社保处工作动态第21期")),
        ("Message-ID", "<list.sbc.21.20261123110012@lists.example.test>"),
        ("Precedence", "list"),
        ("Sender", "owner-sbc-all@lists.example.test"),
    ], article_text(A_SBC6))
    return raw, exp("ignored", "-")


@fixture("autoreply-subject-zidonghuifu", "Outlook 16 out-of-office "
         "reply, Chinese UI (no Auto-Submitted)",
         "a subject starting with 自动回复 marks an auto-reply: ignored")
def f_autoreply_subject_zidonghuifu():
    raw = message([
        ("From", addr("区法院", "gb2312", unit_addr("fayuan"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject("自动回复: " + NOTICE14, "gb2312")),
        ("Date", date(23, 11, 20, 44)),
        ("Message-ID", "<005d01dc5b79$3a4b5c60$aee11520$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "zh-cn"),
    ], b64(text_bytes("我将于11月27日返回办公室，其间邮件可能无法及时回复。\n",
                      "gb2312", "\r\n"), "\r\n"), "\r\n")
    return raw, exp("ignored", "-")


@fixture("autoreply-exchange-automatic-reply", "Exchange 2016 "
         "out-of-office (English UI, Auto-Submitted left out)",
         "a subject starting with Automatic reply: marks an auto-reply: "
         "ignored")
def f_autoreply_exchange_automatic_reply():
    raw = message([
        ("From", addr("区行政审批局", "utf-8", unit_addr("spj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(NOTICE14, lead="Automatic reply: ")),
        ("Thread-Topic", subject(NOTICE14)),
        ("Date", date(23, 11, 25, 9)),
        ("Message-ID", "<7b1e2f3a4c5d4e6f8a9b0c1d2e3f4a5b@"
                       "EXCH02.spj.example.test>"),
        ("In-Reply-To", "<bulletind.notice.14.8@example.test>"),
        ("X-MS-Has-Attach", ""),
        ("X-MS-Exchange-Organization-SCL", "-1"),
        ("X-Auto-Response-Suppress", "All"),
        ("Content-Language", "en-US"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="utf-8"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes("I am out of the office until 27 November. "
                      "本人11月27日前不在办公室。\n", "utf-8", "\r\n"), "\r\n"),
        "\r\n")
    return raw, exp("ignored", "-")


@fixture("autoreply-out-of-office", "Lotus Notes / Domino out-of-office "
         "agent (no Auto-Submitted)",
         "a subject starting with Out of Office marks an auto-reply: ignored")
def f_autoreply_out_of_office():
    raw = plain_utf8([
        ("Date", date(23, 11, 31, 50)),
        ("From", addr("区规划分局", "utf-8", unit_addr("ghfj"))),
        ("To", OFFICE),
        ("Subject", subject(NOTICE14, lead="Out of Office: ")),
        ("Message-ID", "<OF5C7D9E1F.3A5B7C90-ON48258C1F.0023B4C5@"
                       "example.test>"),
        ("X-Mailer", "Lotus Domino Release 9.0.1FP10"),
    ], "我将于11月27日返回，期间请联系规划科027-8577 1188。\n")
    return raw, exp("ignored", "-")


@fixture("autoreply-qq", "QQ Mail holiday auto-reply",
         "QQ Mail's 这是一封自动回复邮件 (in the subject and the first body "
         "line) marks an auto-reply: ignored")
def f_autoreply_qq():
    b = "----=_NextPart_6732B3D4_60718293_A4B5C6D7"
    text = ("这是一封自动回复邮件。\n您好，我最近正在休假中，无法亲自回复您的"
            "邮件。我将在假期结束后，尽快给您回复。\n")
    plain = part([("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "utf-8", "\r\n")))
    hpart = part([("Content-Type", 'text/html;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(simple_html(text.strip().split("\n"), "utf-8")
                     .encode("utf-8")))
    raw = message([
        ("From", addr("区市场监管局", "utf-8", unit_addr("scjgj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("这是一封自动回复邮件", "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", date(23, 11, 40, 17)),
        ("Message-ID", "<tencent_8F0A2C4E6D8B0F2A4C6E8D0B2F4A6C8E0D02@"
                       "example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-Mailer", "QQMail 2.x"),
    ], multipart(b, [plain, hpart],
                 preamble="This is a multi-part message in MIME format.\n"))
    return raw, exp("ignored", "-")


def postfix_dsn(day, hh, mm, ss, queue_id, recipient, status, diag,
                orig_headers):
    b = "%s.%d/mail.example.test" % (queue_id, 1795000000 + day * 100 + mm)
    human = ("This is the mail system at host mail.example.test.\n\n"
             "I'm sorry to have to inform you that your message could not\n"
             "be delivered to one or more recipients. It's attached below.\n\n"
             "For further assistance, please send mail to postmaster.\n\n"
             "If you do so, please include this problem report. You can\n"
             "delete your own text from the attached returned message.\n\n"
             "                   The mail system\n\n"
             "<%s>: host mx.example.test[192.0.2.25] said: %s\n"
             "    (in reply to RCPT TO command)\n" % (recipient, diag))
    report = ("Reporting-MTA: dns; mail.example.test\n"
              "X-Postfix-Queue-ID: %s\n"
              "X-Postfix-Sender: rfc822; office@example.test\n"
              "Arrival-Date: %s\n\n"
              "Final-Recipient: rfc822; %s\n"
              "Original-Recipient: rfc822;%s\n"
              "Action: failed\n"
              "Status: %s\n"
              "Remote-MTA: dns; mx.example.test\n"
              "Diagnostic-Code: smtp; %s\n"
              % (queue_id, date(day, hh, mm, ss - 4, suffix=" (CST)"),
                 recipient, recipient, status, diag))
    parts = [
        part([("Content-Description", "Notification"),
              ("Content-Type", "text/plain; charset=us-ascii")],
             human.encode("ascii")),
        part([("Content-Description", "Delivery report"),
              ("Content-Type", "message/delivery-status")],
             report.encode("ascii")),
        part([("Content-Description", "Undelivered Message Headers"),
              ("Content-Type", "text/rfc822-headers"),
              ("Content-Transfer-Encoding", "8bit")],
             orig_headers.encode("ascii")),
    ]
    return message([
        ("Return-Path", "<>"),
        ("Received", "by mail.example.test (Postfix)\n\tid %s; %s"
         % (queue_id, date(day, hh, mm, ss, suffix=" (CST)"))),
        ("Date", date(day, hh, mm, ss, suffix=" (CST)")),
        ("From", "MAILER-DAEMON@mail.example.test (Mail Delivery System)"),
        ("Subject", "Undelivered Mail Returned to Sender"),
        ("To", OFFICE),
        ("Auto-Submitted", "auto-replied"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/report; report-type=delivery-status;\n'
         '\tboundary="%s"' % b),
        ("Content-Transfer-Encoding", "8bit"),
        ("Message-Id", "<20261123%02d%02d%02d.%s@mail.example.test>"
         % (hh - 8, mm, ss, queue_id)),
    ], multipart(b, parts, preamble="This is a MIME-encapsulated message.\n"))


@fixture("dsn-postfix-unit", "Postfix bounce (multipart/report, "
         "message/delivery-status) of our receipt to a unit",
         "a delivery report from MAILER-DAEMON is ignored, not quarantined "
         "and not filed")
def f_dsn_postfix_unit():
    orig = ("Return-Path: <office@example.test>\n"
            "From: =?utf-8?b?5rGf5rGJ5Yy65LyY5YyW6JCl5ZWG546v5aKD5bel5L2c6aKG"
            "5a+85bCP57uE5Yqe5YWs5a6k?=\n <office@example.test>\n"
            "Subject: =?utf-8?b?5bey5pS256i/77ya5LiH5p2+6KGX6YGT5Li+5Yqe5qW8"
            "5a6H57uP5rWO5Y+R5bGV5rKZ6b6Z?=\n"
            "Message-Id: <receipt.1794307240.8a1c2e3f4b5d6e7f@example.test>\n"
            "Auto-Submitted: auto-replied\n"
            "X-Bulletind: receipt\n"
            "To: wansong@example.test\n")
    return postfix_dsn(23, 14, 0, 6, "4Cm1bY2kLz1xkq", "wansong@example.test",
                       "5.2.2", "552 5.2.2 Mailbox full", orig), \
        exp("ignored", "-")


@fixture("dsn-postfix-leader1", "Postfix bounce (multipart/report) of an "
         "issue sent to leader1@example.test",
         "a DSN whose Final-Recipient is an issue recipient "
         "(leader1@example.test) is still ignored (the daemon marks that "
         "delivery bounced)")
def f_dsn_postfix_leader1():
    orig = ("Return-Path: <office@example.test>\n"
            "From: =?utf-8?b?5rGf5rGJ5Yy65LyY5YyW6JCl5ZWG546v5aKD5bel5L2c6aKG"
            "5a+85bCP57uE5Yqe5YWs5a6k?=\n <office@example.test>\n"
            "Subject: =?utf-8?b?5rGf5rGJ5Yy65LyY5YyW6JCl5ZWG546v5aKD5bel5L2c"
            "566A5oqlIDIwMjblubTnrKwxMuacnw==?=\n"
            "Message-Id: <issue.1794912000.0f1e2d3c4b5a6978@example.test>\n"
            "Auto-Submitted: auto-generated\n"
            "X-Bulletind: issue\n"
            "To: =?utf-8?b?5Yy66aKG5a+877yM5biC6JCl5ZWG5Yqe?=: ;\n")
    return postfix_dsn(23, 14, 21, 37, "4Cm2Dq5nRt3yWp", "leader1@example.test",
                       "5.1.1", "550 5.1.1 <leader1@example.test>: Recipient "
                       "address rejected: User unknown in local recipient "
                       "table", orig), exp("ignored", "-")


@fixture("coremail-bounce-xitongtuixin", "Coremail system bounce "
         "(postmaster, subject 系统退信, text/html GBK, no DSN part)",
         "a non-standard Chinese bounce (subject 系统退信 from postmaster@, "
         "no message/delivery-status) is ignored, not quarantined")
def f_coremail_bounce_xitongtuixin():
    htm = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
           'charset=GBK"></head><body><div style="font-size:14px">'
           '<p><b>抱歉，您的邮件被退回来了……</b></p>'
           '<p>原邮件信息：</p><table><tr><td>时　间：</td><td>2026-11-23 '
           '14:30:12</td></tr><tr><td>主　题：</td><td>江汉区优化营商环境工作'
           '简报 2026年第12期</td></tr><tr><td>收件人：</td><td>fa03@example.'
           'test</td></tr></table><p>退信原因：收件人邮箱不存在，请核实地址。'
           '</p><p>Coremail 邮件系统</p></div></body></html>\n')
    raw = message([
        ("Date", date(23, 14, 30, 15, suffix=" (CST)")),
        ("From", addr("系统管理员", "GBK", "postmaster@example.test")),
        ("To", OFFICE),
        ("Message-ID", "<6a1c3e5f.0.19ac1d2e3f4.Coremail.postmaster@"
                       "example.test>"),
        ("Subject", subject("系统退信", "GBK")),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/html; charset=GBK"),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Coremail-Antispam", "1Uf129KBjvJXoW7Zw1rJr4kJF4UJF17ZFy3Jwb_yoW8"
                                "Aw1UGo"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b)"),
    ], b64(htm.encode("gbk")))
    return raw, exp("ignored", "-")


@fixture("exmail-bounce-tuixin", "Tencent Exmail bounce (PostMaster, "
         "subject 退信, text/plain UTF-8, no DSN part)",
         "a Chinese bounce with subject 退信 from postmaster@ and no DSN "
         "part is ignored")
def f_exmail_bounce_tuixin():
    raw = plain_utf8([
        ("From", '"PostMaster" <PostMaster@exmail.example.test>'),
        ("To", OFFICE),
        ("Subject", subject("退信")),
        ("Date", date(23, 14, 45, 3)),
        ("Message-ID", "<bounce.1795142703.5c7e9a1b@exmail.example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
    ], "很抱歉您发送的邮件被退回，以下是该邮件的相关信息：\n"
       "被退回的邮件：江汉区优化营商环境工作简报 2026年第12期\n"
       "无法发送到：fa05@example.test\n"
       "退信原因：收件人邮箱容量已满。\n")
    return raw, exp("ignored", "-")


A_FGJ5 = [
    "11月20日，区发改局召开民营经济发展座谈会，12家民营企业负责人参加，围绕"
    "市场准入、要素保障等问题提出意见建议。",
]


@fixture("list-id-from-unit", "Mailman 3 list of the unit's system "
         "(List-Id, List-Post; Precedence left out)",
         "mail carrying List-Id is list mail: ignored although it comes "
         "from a unit address and reads like an article")
def f_list_id_from_unit():
    raw = plain_utf8([
        ("Date", date(23, 15, 2, 48)),
        ("From", addr("区发改局", "utf-8", unit_addr("fgj"))),
        ("To", "fgj-info@lists.example.test"),
        ("Cc", OFFICE),
        ("Subject", subject("区发改局召开民营经济发展座谈会")),
        ("Message-ID", "<list.fgj.20261123150248.3317@example.test>"),
        ("List-Id", "=?utf-8?b?5Yy65Y+R5pS557O757uf5L+h5oGv?= "
                    "<fgj-info.lists.example.test>"),
        ("List-Post", "<mailto:fgj-info@lists.example.test>"),
        ("List-Unsubscribe", "<mailto:fgj-info-leave@lists.example.test>"),
        ("Sender", "fgj-info-bounces@lists.example.test"),
    ], article_text(A_FGJ5))
    return raw, exp("ignored", "-")


OFFICE_NAME = "江汉区优化营商环境工作领导小组办公室"


@fixture("own-receipt", "bulletind's own receipt (GMime output: "
         "Auto-Submitted, X-Bulletind: receipt, UTF-8 base64, CRLF) come back "
         "in the office mailbox",
         "our own mail (From office@example.test with X-Bulletind) is "
         "ignored")
def f_own_receipt():
    text = ("区发改局：\n\n来稿《%s》已收到，已编入第12期简报草稿。\n\n%s\n"
            % (A_FGJ1_TITLE, OFFICE_NAME))
    raw = message([
        ("From", addr(OFFICE_NAME, "utf-8", OFFICE)),
        ("Date", date(2, 9, 43, 5)),
        ("Subject", subject("已收稿：" + A_FGJ1_TITLE, "utf-8")),
        ("Message-Id", "<receipt.1793497385.4d2c1b0a9f8e7d6c@example.test>"),
        ("Auto-Submitted", "auto-replied"),
        ("X-Bulletind", "receipt"),
        ("To", addr("区发改局", "utf-8", unit_addr("fgj"))),
        ("In-Reply-To", MID_FGJ1),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(text, "utf-8", "\r\n"), "\r\n"), "\r\n")
    return raw, exp("ignored", "-")


@fixture("own-issue-no-auto-submitted", "bulletind's issue as relayed by "
         "a gateway that strips Auto-Submitted (X-Bulletind: issue kept)",
         "our own issue (From office@example.test, X-Bulletind: issue) is "
         "ignored even without Auto-Submitted")
def f_own_issue_no_auto_submitted():
    b = "=-3Kq8ZbWm1Xc5Vn7Ld9Pf2Rh4"
    text = ("江汉区优化营商环境工作简报\n第12期\n%s        2026年11月24日\n\n"
            "%s\n\n%s\n" % (OFFICE_NAME, A_FGJ1_TITLE, "\n".join(A_FGJ1)))
    plain = part([("Content-Type", "text/plain; charset=utf-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "utf-8", "\r\n"), "\r\n"), "\r\n")
    htm = "<html><body><h1>江汉区优化营商环境工作简报</h1>%s</body></html>" % \
        "".join("<p>%s</p>" % html.escape(p) for p in A_FGJ1)
    hpart = part([("Content-Type", "text/html; charset=utf-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("utf-8"), "\r\n"), "\r\n")
    raw = message([
        ("From", addr(OFFICE_NAME, "utf-8", OFFICE)),
        ("Date", date(24, 16, 0, 12)),
        ("Subject", subject("江汉区优化营商环境工作简报 2026年第12期", "utf-8")),
        ("Message-Id", "<issue.1795161612.0f1e2d3c4b5a6978@example.test>"),
        ("X-Bulletind", "issue"),
        ("To", "=?utf-8?b?5Yy66aKG5a+877yM5biC6JCl5ZWG5Yqe?=: ;"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative; boundary="%s"' % b),
    ], multipart(b, [plain, hpart], "\r\n"), "\r\n")
    return raw, exp("ignored", "-",
                    notes=["Auto-Submitted removed so that only the "
                           "own-mail rule applies"])


# ---- 12. Senders that are not (really) units: quarantined -----------------

A_QUAR = [
    "近日，新华街道组织辖区商户开展经营环境座谈，收集意见建议20余条，相关问题"
    "正在逐一办理。",
]


def quarantine_mail(hdrs, day, hh, mm, ss, msgid, text=None):
    return plain_utf8([("Date", date(day, hh, mm, ss))] + hdrs + [
        ("To", OFFICE), ("Message-ID", msgid)],
        text or article_text(A_QUAR))


@fixture("unregistered-sender", "QQ Mail personal account of a staff "
         "member (not a registered unit address)",
         "a sender address that is not registered is quarantined")
def f_unregistered_sender():
    raw = quarantine_mail([
        ("From", addr("张明", "utf-8", "zhangming1990@example.org",
                      quoted=True)),
        ("Subject", subject("投稿：新华街道开展经营环境座谈")),
        ("X-Mailer", "QQMail 2.x"),
    ], 24, 9, 1, 15, "<tencent_0A2C4E6F8B0D2F4A6C8E0B2D4F6A8C0E1F01@"
                     "example.org>")
    return raw, exp("quarantined", "-", reason="not registered")


@fixture("lookalike-tld", "look-alike address fgj@example.test.cn",
         "a look-alike domain (registered address plus .cn) is not the "
         "unit: quarantined")
def f_lookalike_tld():
    raw = quarantine_mail([
        ("From", addr("区发改局", "utf-8", "fgj@example.test.cn")),
        ("Subject", subject("区发改局关于项目资金拨付的紧急通知")),
    ], 24, 9, 5, 40, "<20261124090540.1a2b@example.test.cn>",
        "请各单位于今日下班前将项目资金拨付账户信息回复至本邮箱。\n")
    return raw, exp("quarantined", "-", reason="not registered")


@fixture("lookalike-digit", "look-alike address fgj@examp1e.test "
         "(digit one for l)",
         "a look-alike domain with 1 for l is not the unit: quarantined")
def f_lookalike_digit():
    raw = quarantine_mail([
        ("From", addr("区发改局", "utf-8", "fgj@examp1e.test")),
        ("Subject", subject("区发改局召开四季度重点项目调度会")),
    ], 24, 9, 10, 2, "<20261124091002.3c4d@examp1e.test>",
        article_text(A_FGJ1))
    return raw, exp("quarantined", "-", reason="not registered",
                    notes=["same text and title as " +
                           name_of("foxmail-gbk-in-gb2312") +
                           ": must not replace or duplicate it"])


@fixture("lookalike-subdomain", "look-alike address fgj@mail.example.test "
         "(a subdomain)",
         "a subdomain of the registered domain is not the unit: "
         "quarantined")
def f_lookalike_subdomain():
    raw = quarantine_mail([
        ("From", addr("区发改局", "utf-8", "fgj@mail.example.test")),
        ("Subject", subject("区发改局组织重点项目“云观摩”")),
    ], 24, 9, 12, 30, "<20261124091230.5e6f@mail.example.test>")
    return raw, exp("quarantined", "-", reason="not registered")


@fixture("display-name-spoof", "a display name showing a registered "
         "address: \"fgj@example.test\" <attacker@evil.test>",
         "only the address counts, not a display name that looks like a "
         "registered address: quarantined")
def f_display_name_spoof():
    raw = quarantine_mail([
        ("From", '"fgj@example.test" <attacker@evil.test>'),
        ("Subject", subject("区发改局稿件")),
    ], 24, 9, 20, 11, "<spoof.20261124092011@evil.test>")
    return raw, exp("quarantined", "-", reason="not registered")


@fixture("reply-to-only", "registered address only in Reply-To "
         "(From is someone else)",
         "a registered address in Reply-To does not make the sender a "
         "unit: quarantined")
def f_reply_to_only():
    raw = quarantine_mail([
        ("From", addr("李华", "utf-8", "lihua@example.net")),
        ("Reply-To", addr("区人社局", "utf-8", unit_addr("rsj"))),
        ("Subject", subject("区人社局稿件")),
    ], 24, 9, 25, 48, "<20261124092548.7a8b@example.net>")
    return raw, exp("quarantined", "-", reason="not registered")


@fixture("sender-only", "registered address only in Sender (a web form "
         "relaying mail for someone else)",
         "a registered address in Sender does not make the From a unit: "
         "quarantined")
def f_sender_only():
    raw = quarantine_mail([
        ("From", addr("王芳", "utf-8", "wangfang@example.net")),
        ("Sender", unit_addr("xinhua")),
        ("Subject", subject("新华街道开展经营环境座谈")),
    ], 24, 9, 31, 7, "<20261124093107.9c0d@example.test>")
    return raw, exp("quarantined", "-", reason="not registered")


@fixture("mime-depth-bomb", "a forwarding loop that wrapped the message "
         "12 times (multipart/mixed inside multipart/mixed …)",
         "more than 10 nested multiparts: quarantined for MIME depth, even "
         "from a unit address")
def f_mime_depth_bomb():
    inner = part([("Content-Type", "text/plain; charset=utf-8"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(article_text(A_JGW1), "utf-8")))
    for level in range(12, 0, -1):
        b = "depth-%02d-7Hq2Lm9x" % level
        if level == 1:
            break
        inner = part([("Content-Type", 'multipart/mixed; boundary="%s"' % b)],
                     multipart(b, [inner]))
    b = "depth-01-7Hq2Lm9x"
    raw = message([
        ("Date", date(24, 10, 0, 30)),
        ("From", addr("金管委", "utf-8", unit_addr("jgw"))),
        ("To", OFFICE),
        ("Subject", subject("金管委组织银行走进商务区开展金融服务", lead="Fw: ")),
        ("Message-ID", "<loop.20261124100030.12@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
    ], multipart(b, [inner]))
    assert raw.count(b"multipart/mixed") == 12
    return raw, exp("quarantined", "-", reason="MIME depth",
                    notes=["12 nested multipart/mixed levels; unit - because "
                           "nothing is filed for the unit"])


@fixture("mime-parts-bomb", "a phone gallery \"share all\" of 120 photos "
         "(multipart/mixed with 121 leaf parts)",
         "more than 100 MIME parts: quarantined for MIME parts, even from "
         "a unit address")
def f_mime_parts_bomb():
    b = "----=_Part_Gallery_20261124_120"
    parts = [part([("Content-Type", "text/plain; charset=utf-8"),
                   ("Content-Transfer-Encoding", "base64")],
                  b64(text_bytes(article_text(A_SBC2), "utf-8")))]
    img = b64(png(4, 4, 9))
    for i in range(1, 121):
        name = "现场照片%03d.png" % i
        parts.append(part([("Content-Type", 'image/png; name="%s"'
                            % bword(name.encode("utf-8"), "UTF-8")),
                           ("Content-Disposition", 'attachment; filename="%s"'
                            % bword(name.encode("utf-8"), "UTF-8")),
                           ("Content-Transfer-Encoding", "base64")], img))
    raw = message([
        ("Date", date(24, 10, 12, 55)),
        ("From", addr("江汉社保处", "utf-8", unit_addr("sbc"))),
        ("To", OFFICE),
        ("Subject", subject("社保政策进园区活动照片")),
        ("Message-ID", "<gallery.20261124101255.120@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
    ], multipart(b, parts))
    return raw, exp("quarantined", "-", reason="MIME parts",
                    notes=["122 parts counting the multipart itself"])


# ---- 13. Editors' commands -------------------------------------------------

@fixture("command-zhuangtai", "Foxmail 7.2 of the editor, subject 状态",
         "a mail from the editor with subject 状态 is a command, not an "
         "article")
def f_command_zhuangtai():
    raw = message(arrived("editor@example.test", "24 Nov 2026 11:00:05",
                          "B1C2D3E4F5", submitted=True) + [
        ("Date", date(24, 11, 0, 4)),
        ("From", addr("王编辑", "gb2312", "editor@example.test", quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("状态", "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611241100042217730@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes("\n\n王编辑\n", "gb2312", "\r\n")))
    return raw, exp("command", "-")


@fixture("command-status", "Thunderbird 128 of the editor, subject STATUS",
         "the English command STATUS from the editor is a command too")
def f_command_status():
    raw = plain_utf8(arrived("editor@example.test", "24 Nov 2026 05:30:01",
                             "C2D3E4F5A6", submitted=True) + [
        ("Message-ID", "<4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8@example.test>"),
        ("Date", date(24, 11, 5, 30)),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("From", addr("王编辑", "UTF-8", "editor@example.test")),
        ("Subject", "STATUS"),
    ], "\n", cte="7bit")
    return raw, exp("command", "-")


# ---- 14. Who sent it: our server's evidence --------------------------------
#
# Every mail here is as it lands in office@example.test: Dovecot's LMTP hop
# on top, then the Received line our Postfix (mail.example.test) wrote,
# then whatever Authentication-Results our server's verifiers added, then
# the sender's own headers.  The headers are spelled as Postfix 3.7,
# Dovecot 2.3, OpenDMARC 1.4 and OpenDKIM 2.11 write them.

def arrived(sender, when, queue_id, submitted=False, verdicts=()):
    """Our server's headers for a mail from SENDER (envelope), received
    WHEN ("24 Nov 2026 11:00:05"): over submission with SMTP AUTH as
    SENDER (Postfix smtpd_sasl_authenticated_header = yes) or over port 25
    without; VERDICTS are Authentication-Results values."""
    auth = "\n\t(Authenticated sender: %s)" % sender if submitted else ""
    return [
        ("Return-Path", "<%s>" % sender),
        ("Delivered-To", OFFICE),
        ("Received", "from mail.example.test ([127.0.0.1])\n\tby vm with "
         "LMTP\n\tid yDU4Af41D2ujOQAAg+zDdQ\n\t(envelope-from <%s>)\n\t"
         "for <%s>; Tue, %s +0000" % (sender, OFFICE, when)),
    ] + [("Authentication-Results", v) for v in verdicts] + [
        ("Received", "from client.example.test (unknown [127.0.0.1])%s\n"
         "\tby mail.example.test (Postfix) with %s id %s\n\tfor <%s>; "
         "Tue, %s +0000 (UTC)" % (auth, "ESMTPSA" if submitted else
                                  "ESMTP", queue_id, OFFICE, when)),
    ]


def outside_article(unit, verdicts, msgid, title, text):
    return plain_utf8(arrived(unit + "@example.test", "25 Nov 2026 09:10:11",
                              "D3E4F5A6B7", verdicts=verdicts) + [
        ("Message-ID", "<%s@mail.forger.test>" % msgid),
        ("Date", date(25, 17, 10, 9)),
        ("From", addr(UNITS[unit], "UTF-8", unit + "@example.test")),
        ("To", OFFICE),
        ("Subject", subject(title)),
        ("X-Mailer", "swaks v20201014.0"),
    ], text)


@fixture("auth-forged-command-port25", "a forger on port 25 (swaks), From "
         "the editor, no AUTH",
         "a command in an editor's name that our server did not "
         "authenticate is refused, not run")
def f_auth_forged_command():
    raw = plain_utf8(arrived("editor@example.test", "25 Nov 2026 01:02:03",
                             "E4F5A6B7C8") + [
        ("Message-ID", "<forged.1@mail.forger.test>"),
        ("Date", date(25, 9, 2, 3)),
        ("From", addr("王编辑", "UTF-8", "editor@example.test")),
        ("To", OFFICE),
        ("Subject", subject("撤稿 1")),
    ], "撤稿\n")
    return raw, exp("refused", "-", reason="not authenticated")


@fixture("auth-forged-received-below", "a forger on port 25 who writes a "
         "Postfix-style Received with 'Authenticated sender' himself",
         "an 'Authenticated sender' below the Received our server wrote "
         "was written by the sender: the command is refused")
def f_auth_forged_received():
    raw = plain_utf8(arrived("qianfa@example.test", "25 Nov 2026 01:03:04",
                             "F5A6B7C8D9") + [
        ("Received", "from vm (unknown [127.0.0.1])\n\t(Authenticated "
         "sender: qianfa@example.test)\n\tby mail.example.test (Postfix) "
         "with ESMTPSA id 0123456789\n\tfor <office@example.test>; Tue, 25 "
         "Nov 2026 01:00:00 +0000 (UTC)"),
        ("Message-ID", "<forged.2@mail.forger.test>"),
        ("Date", date(25, 9, 3, 4)),
        ("From", addr("李主任", "UTF-8", "qianfa@example.test")),
        ("To", OFFICE),
        ("Subject", subject("确认 ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")),
    ], "同意\n")
    return raw, exp("refused", "-", reason="not authenticated")


@fixture("auth-forged-ar-dmarc-pass", "a forger on port 25 who adds "
         "'Authentication-Results: mail.example.test; dmarc=pass' himself, "
         "below our Received (our server strips such headers; here one "
         "slipped through below our own verdict)",
         "our server's own verdict (dmarc=fail) outweighs a pass someone "
         "else wrote under our name")
def f_auth_forged_ar():
    raw = plain_utf8(arrived("editor@example.test", "25 Nov 2026 01:04:05",
                             "A6B7C8D9E0", verdicts=[
        "mail.example.test; dmarc=fail (p=reject dis=none) "
        "header.from=example.test"]) + [
        ("Authentication-Results", "mail.example.test; dmarc=pass "
         "header.from=example.test"),
        ("Message-ID", "<forged.3@mail.forger.test>"),
        ("Date", date(25, 9, 4, 5)),
        ("From", addr("王编辑", "UTF-8", "editor@example.test")),
        ("To", OFFICE),
        ("Subject", "STATUS"),
    ], "\n", cte="7bit")
    return raw, exp("refused", "-", reason="dmarc=fail")


@fixture("auth-command-dkim-aligned", "Coremail of the editor relayed by a "
         "provincial gateway; OpenDKIM on our server verified the "
         "signature",
         "a DKIM pass aligned with the From domain, from our authserv-id, "
         "authenticates a command")
def f_auth_command_dkim():
    raw = plain_utf8(arrived("editor@example.test", "25 Nov 2026 01:05:06",
                             "B7C8D9E0F1", verdicts=[
        "mail.example.test;\n\tdkim=pass (2048-bit key; unprotected) "
        "header.d=example.test header.i=@example.test header.a=rsa-sha256 "
        "header.s=mail header.b=Qm9ndXM1;\n\tdkim-atps=neutral"]) + [
        ("DKIM-Signature", "v=1; a=rsa-sha256; c=relaxed/relaxed; "
         "d=example.test; s=mail;\n\tt=1795669506; bh=abc=; h=From:To:"
         "Subject:Date;\n\tb=Qm9ndXM1"),
        ("Message-ID", "<coremail.20261125.1@example.test>"),
        ("Date", date(25, 9, 5, 6)),
        ("From", addr("王编辑", "UTF-8", "editor@example.test")),
        ("To", OFFICE),
        ("Subject", subject("状态")),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.13"),
    ], "\n", cte="7bit")
    return raw, exp("command", "-")


@fixture("auth-forged-article-dmarc-fail", "a forger on port 25, From the "
         "unit; OpenDMARC on our server: dmarc=fail",
         "an article our server proves forged is quarantined with the "
         "reason, never filed under the unit's name")
def f_auth_forged_article():
    raw = outside_article("fgj", [
        "mail.example.test; dmarc=fail (p=reject dis=none) "
        "header.from=example.test"], "forged.4", "关于暂停全部项目审批的通知",
        "接上级通知，即日起暂停全部项目审批，恢复时间另行通知。各单位"
        "务必遵照执行，不得对外解释。\n")
    return raw, exp("quarantined", "fgj", reason="sender not authentic")


@fixture("auth-forged-article-spf-fail", "a forger on port 25, From the "
         "unit; our SPF check: fail, no DKIM signature",
         "SPF fail for the From domain with no aligned DKIM pass is proof "
         "of forgery too")
def f_auth_spf_fail():
    raw = outside_article("rsj", [
        "mail.example.test; spf=fail (mailfrom) smtp.mailfrom="
        "rsj@example.test (client-ip=198.51.100.7; helo=forger.test)"],
        "forged.5", "我区社保基金出现重大亏损",
        "据内部消息，我区社保基金出现重大亏损，详情请见附件链接。"
        "请各单位尽快转发扩散。\n")
    return raw, exp("quarantined", "rsj", reason="not authentic: spf=fail")


@fixture("auth-article-dmarc-none", "a unit on an outside provider; "
         "OpenDMARC: dmarc=none (the domain publishes no policy)",
         "no evidence either way: the article is filed (and shown as "
         "unverified in STATUS)")
def f_auth_dmarc_none():
    raw = outside_article("sbc", [
        "mail.example.test; dmarc=none (p=none dis=none) "
        "header.from=example.test",
        "mail.example.test; spf=softfail smtp.mailfrom=sbc@example.test"],
        "sbc.20261125", "社保处开展养老保险待遇资格认证进社区活动",
        "11月以来，江汉社保处组织工作人员走进12个社区，为行动不便的"
        "退休人员上门办理养老保险待遇资格认证，累计服务老人860余人次。\n")
    return raw, exp("filed", "sbc", title="社保处开展养老保险待遇资格认证进社区"
                    "活动", contains=["累计服务老人860余人次"])


def reply_to_our(kind, unit, msgid, text):
    return plain_utf8(arrived(unit + "@example.test", "26 Nov 2026 02:03:04",
                              "C8D9E0F1A2", submitted=True) + [
        ("Message-ID", "<%s@example.test>" % msgid),
        ("In-Reply-To", "<%s.1795669506.0a1b2c3d4e5f6071@example.test>" %
         kind),
        ("References", "<%s.1795669506.0a1b2c3d4e5f6071@example.test>" %
         kind),
        ("Date", date(26, 10, 3, 4)),
        ("From", addr(UNITS[unit], "UTF-8", unit + "@example.test")),
        ("To", OFFICE),
        ("Subject", subject("回复：来稿已收到")),
    ], text)


@fixture("reply-to-receipt-thanks", "a unit's Outlook 16 reply '收到，谢谢' to "
         "our receipt",
         "a unit's answer to our receipt without an article is not filed "
         "as one")
def f_reply_receipt():
    raw = reply_to_our("receipt", "wansong", "qq.reply.1",
                       "收到，谢谢！\n\n-----原始邮件-----\n发件人: "
                       "office@example.test\n发送时间: 2026年11月26日 9:58\n"
                       "收件人: wansong@example.test\n主题: 来稿已收到\n\n"
                       "万松街道办事处：\n\n您单位的来稿已收到，已编入下一期简报"
                       "草稿。\n")
    return raw, exp("ignored", "wansong", reason="without an article")


@fixture("reply-to-signoff-by-unit", "a unit replying to a sign-off "
         "request it was forwarded",
         "an answer to a sign-off request from someone who does not sign "
         "is neither a command nor an article")
def f_reply_signoff():
    raw = reply_to_our("signoff.5f6a7b8c9d0e1f20", "xinhua", "qq.reply.2",
                       "同意。\n")
    return raw, exp("ignored", "xinhua", reason="sign-off request")


# --------------------------------------------------------------------------

# ---- 15. Forwards: what was forwarded is the article ----------------------

COVER = "请编辑部审阅，谢谢！"


def fake_jpeg(seed):
    """A few bytes shaped like a baseline JPEG (SOI, JFIF APP0, EOI)."""
    filler = bytes((seed * 31 + i * 7) & 0xFF for i in range(600))
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01"
            b"\x00\x00" + filler + b"\xff\xd9")


def inner_gbk_alternative(hdrs, paras, codec, boundary, eol="\r\n"):
    """A subordinate's mail as Foxmail/Outlook write it: alternative, plain
    and HTML both base64 in CODEC."""
    text = article_text(paras)
    plain = part([("Content-Type", 'text/plain;\n\tcharset="%s"' % codec),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, codec, eol), eol), eol)
    htm = simple_html(paras, codec)
    hpart = part([("Content-Type", 'text/html;\n\tcharset="%s"' % codec),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(eolize(htm, eol).encode(codec), eol), eol)
    return message(hdrs + [
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"'
         % boundary),
    ], multipart(boundary, [plain, hpart], eol), eol)


F_SPJ_TITLE = "区行政审批局推行“一业一证”改革"
F_SPJ = [
    "区行政审批局在便利店、药店、健身房等15个行业推行“一业一证”改革，将一个"
    "行业涉及的多张许可证整合为一张行业综合许可证，申请材料由平均32份压减至"
    "10份。",
    "改革实施以来，已发放行业综合许可证286张，企业开办准营时间平均缩短70%。",
]


@fixture("outlook-attached-forward-gbk", "Outlook 16 \"forward as "
         "attachment\" (mixed: alternative cover note UTF-8 QP with a '-- ' "
         "signature + message/rfc822 from Foxmail, inner alternative GBK "
         "base64, CRLF)",
         "a forward attached as message/rfc822 under a cover note and a "
         "signature files the INNER article: the cover note and the "
         "signature are not the article; FW: stripped")
def f_outlook_attached_forward_gbk():
    check_article(F_SPJ)
    inner = inner_gbk_alternative([
        ("Date", date(17, 9, 12, 40)),
        ("From", addr("审批局政务服务科", "gbk", "zwfw@example.test",
                      quoted=True)),
        ("To", addr("区行政审批局", "gbk", unit_addr("spj"), quoted=True)),
        ("Subject", subject(F_SPJ_TITLE, "gbk")),
        ("X-Priority", "3"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Message-ID", "<202611170912401128873@example.test>"),
    ], F_SPJ, "gbk", "----=_001_NextPart512663817305_=----")
    cover = COVER + "\n\n-- \n刘洋\n区行政审批局办公室  027-8577 4410\n"
    b_mixed = "----=_NextPart_000_0031_01DC5640.7B2C9E10"
    b_alt = "----=_NextPart_001_0032_01DC5640.7B2C9E10"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(cover.encode("utf-8"), "\r\n"), "\r\n")
    htm = (WORD_HEAD % {"charset": "utf-8"} + word_para(COVER) +
           word_para("-- ") + word_para("刘洋") + WORD_TAIL)
    hpart = part([("Content-Type", 'text/html;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("utf-8"), "\r\n"), "\r\n")
    alt = part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"'
                 % b_alt)], multipart(b_alt, [plain, hpart], "\r\n"), "\r\n")
    att = part([("Content-Type", "message/rfc822"),
                ("Content-Disposition", "attachment")], inner, "\r\n")
    raw = message([
        ("From", addr("区行政审批局", "utf-8", unit_addr("spj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(F_SPJ_TITLE, "utf-8", lead="FW: ")),
        ("Date", date(17, 10, 3, 15)),
        ("Message-ID", "<003101dc5640$7b2c9e10$7185da30$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b_mixed),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AQJ3ZbyTn0dKq8c5Rk2xLw1ZyV0aVw=="),
        ("Content-Language", "zh-cn"),
    ], multipart(b_mixed, [alt, att], "\r\n",
                 preamble="This is a multipart message in MIME format.\n"),
        "\r\n")
    return raw, exp(
        "filed", "spj", F_SPJ_TITLE,
        contains=["推行“一业一证”改革", "企业开办准营时间平均缩短70%。"],
        absent=["请编辑部审阅", "刘洋", "8577 4410"])


F_SCJ_TITLE = "区市场监管局开展电梯安全“回头看”专项检查"
F_SCJ = [
    "区市场监管局组织对辖区住宅小区、商场超市的2300余台电梯开展安全“回头看”"
    "专项检查，重点检查维保记录、应急救援装置和安全管理人员到岗情况。",
    "检查发现的41处隐患已全部督促整改到位，对3家维保不到位的单位依法立案查处。",
]


@fixture("thunderbird-attached-forward-gb2312", "Thunderbird 128 "
         "\"forward as attachment\" (mixed: flowed UTF-8 cover note with a "
         "'-- ' signature + message/rfc822 from Outlook, inner alternative "
         "GB2312 base64)",
         "the attached message is the article when the cover note above it "
         "is shorter; the Fwd: subject's title is the inner one")
def f_thunderbird_attached_forward_gb2312():
    check_article(F_SCJ)
    inner = inner_gbk_alternative([
        ("From", addr("特设科", "gb2312", "tesheke@example.test")),
        ("To", addr("区市场监管局", "gb2312", unit_addr("scjgj"))),
        ("Subject", subject(F_SCJ_TITLE, "gb2312")),
        ("Date", date(17, 8, 30, 2)),
        ("Message-ID", "<000a01dc5633$c4e1b0a0$4ea511e0$@example.test>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "zh-cn"),
    ], F_SCJ, "gb2312", "----=_NextPart_000_000B_01DC5633.C4E1B0A0")
    cover = COVER + "\n\n-- \n李华\n区市场监管局办公室\n"
    b = "------------aB3dE5fG7hJ9kL1mN3pQ5rS7"
    outer_text = part([("Content-Type", "text/plain; charset=UTF-8; "
                        "format=flowed"),
                       ("Content-Transfer-Encoding", "8bit")],
                      text_bytes(cover, "utf-8"))
    fname = F_SCJ_TITLE + ".eml"
    att = part([("Content-Type", 'message/rfc822; name="%s"'
                 % bword(fname.encode("utf-8"), "UTF-8")),
                ("Content-Disposition", "attachment; " +
                 rfc2231("filename", fname))], inner)
    raw = message([
        ("Message-ID", "<7d1e2f3a-4b5c-4d6e-8f70-a1b2c3d4e5f6@example.test>"),
        ("Date", date(17, 11, 20, 44)),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("From", addr("区市场监管局", "UTF-8", unit_addr("scjgj"))),
        ("Subject", subject(F_SCJ_TITLE, lead="Fwd: ")),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
    ], multipart(b, [outer_text, att],
                 preamble="This is a multi-part message in MIME format."))
    return raw, exp(
        "filed", "scjgj", F_SCJ_TITLE,
        contains=["2300余台电梯开展安全“回头看”", "依法立案查处。"],
        absent=["请编辑部审阅", "李华", "区市场监管局办公室"])


F_RSJ_TITLE = "区人社局举办重点群体专场招聘会"
F_RSJ = [
    "11月18日，区人社局在市民之家举办高校毕业生、退役军人等重点群体专场招聘会，"
    "组织86家企业提供岗位2100余个，涵盖智能制造、现代物流、金融服务等行业。",
    "招聘会现场接待求职者1600余人次，初步达成就业意向430人。",
]


@fixture("outlook-inline-fw-english", "Outlook 16, English UI (alternative, "
         "CRLF, QP) inline forward: FW:, a cover note, -----Original "
         "Message----- and From:/Sent:/To:/Cc:/Subject:",
         "with an FW: subject, Outlook's -----Original Message----- rule "
         "starts a forward: the article is below it, without the header "
         "block and without the cover note and its signature")
def f_outlook_inline_fw_english():
    check_article(F_RSJ)
    text = (COVER + "\n\n王强\n区人社局办公室\n\n"
            "-----Original Message-----\n"
            "From: 就业科 <jiuyeke@example.test>\n"
            "Sent: Wednesday, November 18, 2026 4:12 PM\n"
            "To: 区人社局 <rsj@example.test>\n"
            "Cc: 王强 <wangqiang@example.test>\n"
            "Subject: " + F_RSJ_TITLE + "\n\n" + article_text(F_RSJ))
    b = "----=_NextPart_000_0044_01DC5701.2A3B4C50"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(text.encode("utf-8"), "\r\n"), "\r\n")
    htm = (WORD_HEAD % {"charset": "utf-8"} + word_para(COVER) +
           word_para("王强") + "<div><div style='border:none;border-top:"
           "solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>\n<p class="
           "MsoNormal><b>From:</b> 就业科 &lt;jiuyeke@example.test&gt; <br>"
           "<b>Sent:</b> Wednesday, November 18, 2026 4:12 PM<br><b>To:</b> "
           "区人社局 &lt;rsj@example.test&gt;<br><b>Subject:</b> " +
           F_RSJ_TITLE + "</p></div></div>\n" +
           "".join(word_para(p) for p in F_RSJ) + WORD_TAIL)
    hpart = part([("Content-Type", 'text/html;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "quoted-printable")],
                 qp(htm.encode("utf-8"), "\r\n"), "\r\n")
    raw = message([
        ("From", addr("区人社局", "utf-8", unit_addr("rsj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject(F_RSJ_TITLE, "utf-8", lead="FW: ")),
        ("Date", date(19, 9, 1, 27)),
        ("Message-ID", "<004401dc5701$2a3b4c50$7eb1e4f0$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AQHcVwEqO0xQfrHk8N2kD2ZxGq5d7w=="),
        ("Content-Language", "en-us"),
    ], multipart(b, [plain, hpart], "\r\n",
                 preamble="This is a multipart message in MIME format.\n"),
        "\r\n")
    return raw, exp(
        "filed", "rsj", F_RSJ_TITLE,
        contains=["组织86家企业提供岗位2100余个", "初步达成就业意向430人。"],
        absent=["Original Message", "From:", "Sent:", "Cc:", "请编辑部审阅",
                "王强"])


F_XH_TITLE = "新华街道“红色物业”破解老旧小区治理难题"
F_XH = [
    "新华街道推行“红色物业”模式，由社区党组织牵头，引导物业企业、业委会和居民"
    "代表共同议事，为辖区23个老旧小区解决加装电梯、停车管理等难题。",
    "今年以来，街道共召开议事会96场，推动完成加装电梯18部，新增停车位340个。",
]


@fixture("outlook-inline-fw-chinese", "Outlook 16, Chinese UI (text/plain "
         "gb2312 base64, CRLF) inline forward: 转发:, -----原始邮件----- and "
         "发件人:/发送时间:/收件人:/主题:",
         "with a 转发: subject, -----原始邮件----- starts a forward, not a "
         "quote: the article is below the header block")
def f_outlook_inline_fw_chinese():
    check_article(F_XH)
    text = ("请审阅。\n\n赵静\n新华街道党政办\n\n"
            "-----原始邮件-----\n"
            "发件人: 新华社区 <xhsq@example.test>\n"
            "发送时间: 2026年11月18日 17:05\n"
            "收件人: 新华街道办事处 <xinhua@example.test>\n"
            "主题: " + F_XH_TITLE + "\n\n" + article_text(F_XH))
    raw = message([
        ("From", addr("新华街道办事处", "gb2312", unit_addr("xinhua"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject("转发: " + F_XH_TITLE, "gb2312")),
        ("Date", date(19, 9, 40, 12)),
        ("Message-ID", "<000f01dc5706$9ac3d2e0$d04b78a0$@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdxXBprDfLkDz6bvRdK0W0l9a1sPyg=="),
        ("Content-Language", "zh-cn"),
    ], b64(text_bytes(text, "gb2312", "\r\n"), "\r\n"), "\r\n")
    return raw, exp(
        "filed", "xinhua", F_XH_TITLE,
        contains=["推行“红色物业”模式", "新增停车位340个。"],
        absent=["原始邮件", "发件人", "发送时间", "新华社区", "请审阅", "赵静"])


F_WS_TITLE = "万松街道开展冬季消防安全大排查"
F_WS = [
    "入冬以来，万松街道组织社区网格员、物业和消防志愿者开展冬季消防安全大排查，"
    "重点检查高层住宅、群租房、“九小场所”的消防通道和电动车充电情况。",
    "截至目前，共排查场所1280处，清理楼道堆积物460处，整改各类隐患215处。",
]


@fixture("foxmail-inline-forward", "Foxmail 7.2 (alternative, gb2312 "
         "base64) inline forward below ------------------ 原始邮件 "
         "------------------ with &quot; in the 发件人 line",
         "Foxmail's original rule under a 转发： subject starts a forward; "
         "its 发件人/发送时间/收件人/主题 lines (the name written with "
         "&quot;) are not the article")
def f_foxmail_inline_forward():
    check_article(F_WS)
    text = ("请审核后刊用。\n\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"&quot;万松街道应急办&quot;\"<wsyjb@example.test>;\n"
            "发送时间: 2026年11月18日(星期三) 下午3:26\n"
            "收件人: \"万松街道办事处\"<wansong@example.test>;\n"
            "主题: " + F_WS_TITLE + "\n\n" + article_text(F_WS))
    b = "----=_001_NextPart837164024210_=----"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "gb2312", "\r\n"), "\r\n"), "\r\n")
    htm = simple_html(["请审核后刊用。", "------------------ 原始邮件 "
                       "------------------"] + F_WS, "gb2312")
    hpart = part([("Content-Type", 'text/html;\n\tcharset="gb2312"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(eolize(htm, "\r\n").encode("gb2312"), "\r\n"), "\r\n")
    raw = message([
        ("Date", date(19, 10, 15, 8)),
        ("From", addr("万松街道办事处", "gb2312", unit_addr("wansong"),
                      quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("转发：" + F_WS_TITLE, "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611191015083320184@example.test>"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
    ], multipart(b, [plain, hpart], "\r\n",
                 preamble="This is a multi-part message in MIME format.\n"),
        "\r\n")
    return raw, exp(
        "filed", "wansong", F_WS_TITLE,
        contains=["开展冬季消防安全大排查", "整改各类隐患215处。"],
        absent=["原始邮件", "&quot;", "发送时间", "请审核后刊用"])


F_FY_TITLE = "区法院设立“共享法庭”服务基层治理"
F_FY = [
    "区法院在辖区12个街道、36个社区设立“共享法庭”，依托视频设备提供在线调解、"
    "网上立案、远程庭审和普法宣传服务，让群众在家门口就能解决矛盾纠纷。",
    "“共享法庭”运行以来，已在线调解纠纷270件，指导基层调解组织化解矛盾"
    "500余起。",
]


@fixture("qq-inline-forward", "QQ Mail (alternative, UTF-8 base64; the "
         "HTML rule written with &nbsp;, a blank line before 主题 in the "
         "plain text)",
         "QQ Mail's forward (original rule under 转发：, 发件人:/发送时间:/"
         "收件人:, a blank line, 主题:) gives the forwarded article without "
         "any header line")
def f_qq_inline_forward():
    check_article(F_FY)
    hdr_plain = ("------------------ 原始邮件 ------------------\n"
                 "发件人: \"区法院研究室\"<yjs@example.test>;\n"
                 "发送时间: 2026年11月18日(星期三) 上午9:30\n"
                 "收件人: \"区法院\"<fayuan@example.test>;\n\n"
                 "主题: " + F_FY_TITLE + "\n\n\n")
    text = "请审阅\n\n\n\n" + hdr_plain + article_text(F_FY)
    htm = ('<meta http-equiv="Content-Type" content="text/html; charset=UTF-'
           '8"><div>请审阅</div><div><br></div><div><br></div><div style="'
           'font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;">'
           '------------------&nbsp;原始邮件&nbsp;------------------</div>'
           '<div style="font-size: 12px;background:#efefef;padding:8px;">'
           '<div><b>发件人:</b>&nbsp;"区法院研究室"&lt;yjs@example.test&gt;;'
           '</div><div><b>发送时间:</b>&nbsp;2026年11月18日(星期三) 上午9:30'
           '</div><div><b>收件人:</b>&nbsp;"区法院"&lt;fayuan@example.test'
           '&gt;;<wbr></div><div></div><div><b>主题:</b>&nbsp;%s</div></div>'
           '<div><br></div>%s' % (F_FY_TITLE, "".join(
               "<div>%s</div>" % html.escape(p) for p in F_FY)))
    b = "----=_NextPart_6735A1B2_0C3D4E5F_2A6B7C8D"
    plain = part([("Content-Type", 'text/plain;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "utf-8", "\r\n"), "\r\n"), "\r\n")
    hpart = part([("Content-Type", 'text/html;\n\tcharset="utf-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("utf-8"), "\r\n"), "\r\n")
    raw = message([
        ("X-QQ-FEAT", "3Mx7n0dU1B4wT5kCQm8bLw=="),
        ("X-QQ-SSF", "00000000000000F0"),
        ("X-QQ-XMAILINFO", "NhQ0dHxRz3fW2mP8vK5bY1aC9eL7sT4gU6jX0oI3nB"),
        ("X-QQ-mid", "xmsezb45-0t1794974212tq3f8a2c1"),
        ("X-QQ-XMRINFO", "MpsEs4WkP9aTnQ2ZcV1bL7o="),
        ("From", addr("区法院", "utf-8", unit_addr("fayuan"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("转发：" + F_FY_TITLE, "utf-8")),
        ("Mime-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % b),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", "Thu, 19 Nov 2026 10:36:52 +0800"),
        ("X-Priority", "3"),
        ("Message-ID", "<tencent_3C8F1A2B4D5E6F708192A3B4C5D6E7F80905@"
                       "qq.example.test>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-Mailer", "QQMail 2.x"),
    ], multipart(b, [plain, hpart], "\r\n",
                 preamble="This is a multi-part message in MIME format.\n"),
        "\r\n")
    return raw, exp(
        "filed", "fayuan", F_FY_TITLE,
        contains=["设立“共享法庭”", "指导基层调解组织化解矛盾500余起。"],
        absent=["原始邮件", "发件人", "主题", "研究室", "请审阅"])


F_CQ_TITLE = "常青街道“银发课堂”助老人跨越数字鸿沟"
F_CQ = [
    "常青街道联合辖区通信企业开设“银发课堂”，组织志愿者手把手教老年人使用"
    "智能手机挂号就医、缴纳水电费、视频通话和识别电信诈骗。",
    "课堂开办两个月来，已举办培训32场，惠及辖区老年人1100余人次。",
]


@fixture("163-inline-forward", "163 webmail (Coremail, alternative GBK "
         "base64) inline forward below -------- 转发邮件信息 -------- with "
         "发件人：\"x\" <a@b>, 发送日期：, 收件人：, 主题：",
         "Coremail's forward block (full-width colons, 发送日期) is removed "
         "and the forwarded article filed; the cover note is not part of it")
def f_163_inline_forward():
    check_article(F_CQ)
    text = ("转发给编辑部，请审阅。\n\n\n\n\n"
            "-------- 转发邮件信息 --------\n"
            "发件人：\"常青街道社会事务科\" <cqshsw@example.test>\n"
            "发送日期：2026-11-18 16:47:09\n"
            "收件人：\"changqing\" <changqing@example.test>\n"
            "主题：" + F_CQ_TITLE + "\n\n" + article_text(F_CQ))
    b = "----=_Part_241877_1726403357.1795056213117"
    plain = part([("Content-Type", "text/plain; charset=GBK"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "gbk", "\r\n")))
    htm = ('<div style="line-height:1.7;color:#000000;font-size:14px;'
           'font-family:Arial"><div>转发给编辑部，请审阅。</div><br><br>'
           '<div style="zoom:1"><div>-------- 转发邮件信息 --------<br>发件人：'
           '"常青街道社会事务科" &lt;cqshsw@example.test&gt;<br>发送日期：'
           '2026-11-18 16:47:09<br>收件人："changqing" &lt;changqing@example'
           '.test&gt;<br>主题：%s<br><br>%s</div></div></div>\n'
           % (F_CQ_TITLE, "".join("<div>%s</div>" % html.escape(p)
                                    for p in F_CQ)))
    hpart = part([("Content-Type", "text/html; charset=GBK"),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("gbk")))
    raw = message([
        ("Date", date(19, 11, 3, 41, suffix=" (CST)")),
        ("From", addr("常青街道", "GBK", unit_addr("changqing"))),
        ("To", OFFICE),
        ("Message-ID", "<6c2e91f3.8b47.19ab1e3d0a4.Coremail.changqing@"
                       "example.test>"),
        ("Subject", subject("转发：" + F_CQ_TITLE, "GBK")),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative; \n\tboundary="%s"' % b),
        ("X-Originating-IP", "[10.12.5.17]"),
        ("X-Priority", "3"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build "
                     "20240801(9da12a7b) Copyright (c) 2002-2026 "
                     "www.mailtech.cn 163com"),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "changqing", F_CQ_TITLE,
        contains=["开设“银发课堂”", "惠及辖区老年人1100余人次。"],
        absent=["转发邮件信息", "发送日期", "社会事务科", "转发给编辑部"])


F_GH_TITLE = "区规划分局试行“多规合一”协同审查"
F_GH = [
    "区规划分局试行“多规合一”协同审查，将建设项目涉及的规划、国土、交通、"
    "园林等审查意见集中在一个平台上同步提出，设计单位一次修改到位。",
    "试行三个月来，已有27个项目通过协同审查，方案审查时间由平均45天缩短至"
    "20天。",
]


@fixture("apple-inline-forward-chinese", "Apple Mail 16, Chinese UI "
         "(text/plain UTF-8 QP) inline forward: 以下是转发的邮件： and "
         "发件人:/主题:/日期:/收件人:",
         "Apple Mail's 以下是转发的邮件： line starts a forward; its header "
         "lines are not the article, the one-line cover note neither")
def f_apple_inline_forward_chinese():
    check_article(F_GH)
    text = ("请审阅\n\n\n以下是转发的邮件：\n\n"
            "发件人: 孙悦 <sunyue@example.test>\n"
            "主题: " + F_GH_TITLE + "\n"
            "日期: 2026年11月18日 GMT+8 下午2:10:33\n"
            "收件人: 区规划分局 <ghfj@example.test>\n\n" +
            article_text(F_GH) + "\n")
    raw = message([
        ("From", addr("区规划分局", "utf-8", unit_addr("ghfj"))),
        ("Content-Type", "text/plain;\n\tcharset=utf-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))"),
        ("Subject", subject(F_GH_TITLE, lead="Fwd: ")),
        ("Message-Id", "<5E2A9C71-3B8D-4F06-A1E4-7C9D2B6F8A30@example.test>"),
        ("Date", date(19, 14, 25, 9)),
        ("To", OFFICE),
        ("X-Mailer", "Apple Mail (2.3826.200.121)"),
    ], qp(text.encode("utf-8")))
    return raw, exp(
        "filed", "ghfj", F_GH_TITLE,
        contains=["试行“多规合一”协同审查", "缩短至20天。"],
        absent=["以下是转发的邮件", "孙悦", "发件人:", "日期:", "请审阅"])


F_JGW_TITLE = "金管委推动“科创贷”产品扩面增量"
F_JGW = [
    "金管委联合6家银行推出“科创贷”升级版，对科技型中小企业实行“见贷即保、"
    "随借随还”，单户授信额度最高提高到1000万元。",
    "截至11月中旬，“科创贷”累计为216家科技企业发放贷款14.5亿元，平均利率"
    "较上年下降0.6个百分点。",
]


@fixture("thunderbird-inline-forward", "Thunderbird 128, Chinese UI "
         "(flowed UTF-8) inline forward: -------- 转发的消息 -------- and "
         "the 主题/日期/发件人/收件人 table with tabs",
         "Thunderbird's forward rule and header table (a tab after each "
         "colon) are removed; the article is the forwarded text")
def f_thunderbird_inline_forward():
    check_article(F_JGW)
    text = ("请审阅。\n\n\n-------- 转发的消息 --------\n"
            "主题: \t" + F_JGW_TITLE + "\n"
            "日期: \tWed, 18 Nov 2026 15:02:44 +0800\n"
            "发件人: \t金管委融资服务处 <rzfw@example.test>\n"
            "收件人: \t金管委 <jgw@example.test>\n\n\n\n" +
            article_text(F_JGW))
    raw = message([
        ("Message-ID", "<b2c4d6e8-0a1b-4c3d-9e5f-6a7b8c9d0e1f@example.test>"),
        ("Date", date(19, 15, 3, 50)),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Subject", subject(F_JGW_TITLE, lead="Fwd: ")),
        ("Content-Language", "zh-CN"),
        ("To", OFFICE),
        ("From", addr("金管委", "UTF-8", unit_addr("jgw"))),
        ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
        ("Content-Transfer-Encoding", "8bit"),
    ], text_bytes(text, "utf-8"))
    return raw, exp(
        "filed", "jgw", F_JGW_TITLE,
        contains=["推出“科创贷”升级版", "较上年下降0.6个百分点。"],
        absent=["转发的消息", "融资服务处", "日期:", "请审阅"])


F_SBC_TITLE = "江汉社保处推行养老保险待遇“静默认证”"
F_SBC = [
    "江汉社保处依托大数据比对推行养老保险待遇资格“静默认证”，通过就医、出行、"
    "社保卡使用等数据自动完成认证，退休人员无需再到现场或手机刷脸。",
    "“静默认证”上线以来，已为辖区4.2万名退休人员自动完成认证，占应认证人数的"
    "91%。",
]


@fixture("gmail-forward-cover-sig", "Gmail web (alternative, UTF-8 base64) "
         "inline forward with a cover note and a '-- ' signature above "
         "---------- Forwarded message ---------",
         "the cover note and its signature above a Gmail forward are not "
         "the article: the forwarded text is, without From:/Date:/Subject:"
         "/To:")
def f_gmail_forward_cover_sig():
    check_article(F_SBC)
    text = (COVER + "\n\n-- \n周敏\n江汉社保处综合科\n\n"
            "---------- Forwarded message ---------\n"
            "From: 待遇科 <daiyu@example.test>\n"
            "Date: Wed, Nov 18, 2026 at 11:20 AM\n"
            "Subject: " + F_SBC_TITLE + "\n"
            "To: <sbc@example.test>\n\n\n" + article_text(F_SBC))
    b = "000000000000f1e2d3c4b5a60610"
    plain = part([("Content-Type", 'text/plain; charset="UTF-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(text_bytes(text, "utf-8", "\r\n")))
    htm = ('<div dir="ltr"><div>%s</div><br><span class="gmail_signature_'
           'prefix">-- </span><br><div dir="ltr" class="gmail_signature">'
           '周敏<br>江汉社保处综合科</div><br><div class="gmail_quote"><div '
           'dir="ltr" class="gmail_attr">---------- Forwarded message '
           '---------<br>From: <strong class="gmail_sendername" dir="auto">'
           '待遇科</strong> <span dir="auto">&lt;daiyu@example.test&gt;</span>'
           '<br>Date: Wed, Nov 18, 2026 at 11:20 AM<br>Subject: %s<br>To: '
           '&lt;sbc@example.test&gt;<br></div><br><br>%s</div></div>\n'
           % (COVER, F_SBC_TITLE, "".join("<div>%s</div>" % html.escape(p)
                                           for p in F_SBC)))
    hpart = part([("Content-Type", 'text/html; charset="UTF-8"'),
                  ("Content-Transfer-Encoding", "base64")],
                 b64(htm.encode("utf-8")))
    raw = message([
        ("MIME-Version", "1.0"),
        ("From", addr("江汉社保处", "UTF-8", unit_addr("sbc"))),
        ("Date", date(19, 16, 8, 31)),
        ("Message-ID", "<CAK2wQp7Yr4t9Lm+3xZaBcVuTsQpOnMlKjIhGfEdCb24680"
                       "@example.test>"),
        ("Subject", subject(F_SBC_TITLE, lead="Fwd: ")),
        ("To", OFFICE),
        ("Content-Type", 'multipart/alternative; boundary="%s"' % b),
    ], multipart(b, [plain, hpart]))
    return raw, exp(
        "filed", "sbc", F_SBC_TITLE,
        contains=["推行养老保险待遇资格“静默认证”", "占应认证人数的91%。"],
        absent=["Forwarded message", "周敏", "待遇科", "请编辑部审阅"])


F_FGJ_TITLE = "区发改局开展重点项目“冬季攻势”"
F_FGJ = [
    "区发改局启动重点项目“冬季攻势”，对全区58个在建项目实行“一项目一专班”，"
    "倒排工期、挂图作战，协调解决冬季施工用工、用料和资金问题。",
    "“冬季攻势”开展以来，已有11个项目提前完成年度投资计划，另有6个项目"
    "实现竣工投产。",
]


@fixture("apple-split-text-attachment", "Apple Mail 16 (multipart/mixed: "
         "text/plain, image/jpeg inline, text/plain again; QP, Apple-Mail "
         "boundary)",
         "all inline text parts of a multipart/mixed belong to the article, "
         "in order: the paragraph after the picture is not lost; the "
         "picture is kept")
def f_apple_split_text_attachment():
    check_article(F_FGJ)
    b = "Apple-Mail=_4C7E2B91-0D3F-4A6B-9E18-5F2C7A3D6B40"
    first = part([("Content-Transfer-Encoding", "quoted-printable"),
                  ("Content-Type", "text/plain;\n\tcharset=utf-8")],
                 qp((F_FGJ[0] + "\n\n").encode("utf-8")))
    img = part([("Content-Disposition", "inline;\n\tfilename=IMG_2041.jpeg"),
                ("Content-Type", "image/jpeg;\n\tx-unix-mode=0644;\n\t"
                 "name=\"IMG_2041.jpeg\""),
                ("Content-Transfer-Encoding", "base64")],
               b64(fake_jpeg(5)))
    second = part([("Content-Transfer-Encoding", "quoted-printable"),
                   ("Content-Type", "text/plain;\n\tcharset=utf-8")],
                  qp(("\n\n" + F_FGJ[1] + "\n").encode("utf-8")))
    raw = message([
        ("From", addr("区发改局", "utf-8", unit_addr("fgj"))),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))"),
        ("Subject", subject(F_FGJ_TITLE)),
        ("Message-Id", "<9B3D5F71-2C4E-4A86-B0D2-E4F6A8C0B2D4@example.test>"),
        ("Date", date(19, 16, 45, 2)),
        ("To", OFFICE),
        ("X-Mailer", "Apple Mail (2.3826.200.121)"),
    ], multipart(b, [first, img, second]))
    return raw, exp(
        "filed", "fgj", F_FGJ_TITLE,
        contains=["“一项目一专班”", "另有6个项目实现竣工投产。"],
        attachments=["IMG_2041.jpeg"])


F_SPJ2_TITLE = "区行政审批局实现企业变更登记“全程网办”"
F_SPJ2 = [
    "区行政审批局上线企业变更登记“全程网办”系统，企业名称、住所、经营范围等"
    "变更事项实现网上申请、电子签名、自助打照。",
]
F_NOTICE14 = [
    "各单位：",
    "第14期简报拟于11月27日编发，请于11月25日前报送稿件。稿件应主题鲜明、"
    "数据准确，每篇800字以内，注明审签人、执笔人和联系电话。",
    "逾期报送的稿件顺延至下一期编发。请各单位高度重视，安排专人负责。",
    "简报编辑部",
]


@fixture("outlook-reply-original-quote", "Outlook 16, Chinese UI "
         "(text/plain gb2312 base64, CRLF) reply: 答复:, a short article "
         "above -----原始邮件----- quoting a longer notice",
         "in a reply the quote is never the article, even when it is longer "
         "than the text above the same -----原始邮件----- rule a forward uses")
def f_outlook_reply_original_quote():
    check_article(F_SPJ2, lo=50)
    text = (article_text(F_SPJ2) + "\n"
            "-----原始邮件-----\n"
            "发件人: 王编辑 <editor@example.test>\n"
            "发送时间: 2026年11月19日 9:00\n"
            "收件人: 区行政审批局 <spj@example.test>\n"
            "主题: 关于报送第14期简报稿件的通知\n\n" + "\n".join(F_NOTICE14) + "\n")
    raw = message([
        ("From", addr("区行政审批局", "gb2312", unit_addr("spj"))),
        ("To", "<%s>" % OFFICE),
        ("Subject", subject("答复: " + F_SPJ2_TITLE, "gb2312")),
        ("Date", date(19, 17, 12, 5)),
        ("Message-ID", "<001201dc5745$0b1c2d30$21546e90$@example.test>"),
        ("In-Reply-To", "<bulletind.notice.14.7@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AQHcV0ULHC0wIVRukP2pR9K3b1c4Fw=="),
        ("Content-Language", "zh-cn"),
    ], b64(text_bytes(text, "gb2312", "\r\n"), "\r\n"), "\r\n")
    return raw, exp(
        "filed", "spj", F_SPJ2_TITLE,
        contains=["变更事项实现网上申请、电子签名、自助打照。"],
        absent=["原始邮件", "王编辑", "第14期简报拟于", "逾期报送", "简报编辑部"])


F_RSJ2_TITLE = "区人社局为农民工追回欠薪1200万元"
F_RSJ2 = [
    "区人社局开展根治欠薪冬季专项行动，对在建工程项目和劳动密集型企业开展拉网式"
    "排查，畅通12345热线、线上投诉等维权渠道。",
    "专项行动开展以来，共办结欠薪案件138件，为2300余名农民工追回工资1200万元。",
]


@fixture("foxmail-forward-subject-prefix-only", "Foxmail 7.2 (text/plain "
         "gb2312 base64) inline forward whose subject is only 转发：",
         "when the outer subject is only a forward prefix, the title is the "
         "forwarded mail's subject (its 主题 line)")
def f_foxmail_forward_subject_prefix_only():
    check_article(F_RSJ2)
    text = ("\n\n------------------ 原始邮件 ------------------\n"
            "发件人: \"劳动监察大队\"<ldjc@example.test>;\n"
            "发送时间: 2026年11月19日(星期四) 上午11:02\n"
            "收件人: \"区人社局\"<rsj@example.test>;\n"
            "主题: " + F_RSJ2_TITLE + "\n\n" + article_text(F_RSJ2))
    raw = message([
        ("Date", date(19, 17, 30, 18)),
        ("From", addr("区人社局", "gb2312", unit_addr("rsj"), quoted=True)),
        ("To", '"office" <%s>' % OFFICE),
        ("Subject", subject("转发：", "gb2312")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202611191730184417205@example.test>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64"),
    ], b64(text_bytes(text, "gb2312", "\r\n")))
    return raw, exp(
        "filed", "rsj", F_RSJ2_TITLE,
        contains=["开展根治欠薪冬季专项行动", "为2300余名农民工追回工资1200万元。"],
        absent=["原始邮件", "劳动监察大队", "主题"])


def check_padding(short, data):
    """Only fixtures marked padded_split may carry a '='-padded B-word that
    is followed by another encoded-word (the GMime 3.2.13 trigger)."""
    head = data.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    head = head.decode("ascii", "replace")
    unfolded = re.sub(r"\r?\n[ \t]+", " ", head)
    padded = re.search(r"=\?[^?]+\?[Bb]\?[A-Za-z0-9+/]*=+\?=\s*=\?", unfolded)
    if bool(padded) != (short in PADDED_SPLIT_OK):
        sys.exit("%s: unexpected padded-split state" % short)


README_HEAD = """\
Mail test corpus for bulletind
==============================

NN-short-name.eml     A raw message as it arrives in office@example.test.
NN-short-name.expect  What bulletind must make of it (UTF-8, key: value).

All files are generated by make-corpus.py (Python 3 standard library,
deterministic: rerunning reproduces byte-identical files) and checked by
check-corpus.py, which parses every message with Python's email package
(policy=default), verifies that each expected text, title, field and
attachment name is really in the message, and that the cases built to
defeat a naive decoder do defeat one.

    python3 tests/data/mail/make-corpus.py && python3 tests/data/mail/check-corpus.py

The messages are fed to the daemon in name order into ONE store: later
fixtures revise (state replaced) or repeat (state duplicate) earlier ones.
Article texts are original, written for this corpus; companies are
fictional, figures are made up.  Dates are in November 2026.  Senders are
the unit and editor addresses of conf/bulletind.conf.example unless the case
needs another one.

Expectation files: one "key: value" per line, keys may repeat, lines
starting with # are comments (what the fixture proves, the client it
imitates, notes).  The value is the rest of the line after the first ": ",
verbatim, never trimmed (%(fullwidth)s has "absent: " followed by
two U+3000 IDEOGRAPHIC SPACE characters).

  state:       filed replaced duplicate held quarantined ignored command
  unit:        unit code, or - when the mail is filed under no unit
  title:       exact article title (only for filed, replaced, held; left
               out for mail held as classified when the marking is in the
               subject, since whether it stays in the title is open)
  contains:    text that must appear in the extracted article text
  absent:      text that must not appear in the article text
  field:       KEY=VALUE taken out of the body (审签, 执笔, 电话)
  attachment:  decoded, sanitised base name of an attachment kept with the
               article (the list is complete for each fixture)
  diagnostic:  substring of a diagnostic the daemon must record
  reason:      substring of the recorded reason (English)

Fixtures (file, client imitated, what it proves):

"""


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else HERE
    total = 0
    readme = [README_HEAD % {"fullwidth": name_of("foxmail-fullwidth-indent")}]
    for i, (short, client, proves, build) in enumerate(FIXTURES):
        name = "%03d-%s" % (i + 1, short)
        raw, e = build()
        check_padding(short, raw)
        assert len(raw) < 300 * 1024, name
        total += len(raw)
        with open(os.path.join(out_dir, name + ".eml"), "wb") as f:
            f.write(raw)
        with open(os.path.join(out_dir, name + ".expect"), "wb") as f:
            f.write(render_expect(short, client, proves, e))
        readme.append("%s.eml  [%s]  %s  --  %s\n" % (name, e["state"],
                                                      client, proves))
    assert total < 3 * 1024 * 1024, total
    written = {"%03d-%s.%s" % (i + 1, f[0], ext)
               for i, f in enumerate(FIXTURES) for ext in ("eml", "expect")}
    for old in os.listdir(out_dir):
        if re.match(r"\d+-.*\.(eml|expect)$", old) and old not in written:
            os.remove(os.path.join(out_dir, old))   # renumbered fixture
    with open(os.path.join(out_dir, "README"), "wb") as f:
        f.write("".join(readme).encode("utf-8"))
    print("wrote %d fixtures, %d bytes of mail" % (len(FIXTURES), total))


if __name__ == "__main__":
    main()
