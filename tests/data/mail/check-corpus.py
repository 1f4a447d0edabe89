#!/usr/bin/env python3
"""Check the mail corpus in tests/data/mail/ independently of the daemon.

For every NN-name.eml / NN-name.expect pair:

  * the message parses with Python's email package (policy=default);
  * the expectation is well formed (known keys and states, units from
    conf/bulletind.conf.example, a title where the state needs one);
  * the sender matches the state (a unit address for filed, replaced, held
    and duplicate; the editor for command; no registered From address for
    quarantined);
  * a small reference reader written from the rules in README (charset
    labels, flowed text, hard wraps, HTML, quotes, forwards, signatures,
    fields, generic subjects, .docx) gives the expected title, fields and
    attachment names, contains every contains: text and none of the
    absent: texts, while every absent: text IS somewhere in the decoded
    message (otherwise the line would prove nothing);
  * fixtures built to defeat a naive decoder do defeat one (gb2312 or gbk
    codecs raise, a per-word header decoder mangles split characters, a
    C-string reader stops at the NUL, …);
  * across the corpus, a replaced fixture has an earlier filed article of
    the same unit to replace, a duplicate has an earlier same Message-ID or
    same text, and no other fixture accidentally repeats an earlier title or
    text of its unit;
  * make-corpus.py reproduces every file byte for byte, each .eml is under
    300 KB and the whole corpus under 3 MB.

    python3 tests/data/mail/check-corpus.py

Exit status 0 when everything holds; every problem is printed.
"""

import base64
import email
import email.header
import email.policy
import glob
import html.parser
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONF = os.path.join(HERE, "..", "..", "..", "conf", "bulletind.conf.example")

STATES = {"filed", "replaced", "duplicate", "held", "quarantined", "ignored",
          "refused",
          "command"}
KEYS = {"state", "unit", "title", "contains", "absent", "field",
        "attachment", "diagnostic", "reason"}
FIELD_KEYS = {"审签", "执笔", "电话"}

problems = []


def problem(name, text):
    problems.append("%s: %s" % (name, text))


# --------------------------------------------------------------------------
# Configuration: the units and editors of the example config

def read_config():
    with open(CONF, encoding="utf-8") as f:
        conf = f.read()
    units = {}
    for code, addrs in re.findall(r'code = "(\w+)";.*?addresses = \[([^\]]*)\]',
                                  conf):
        for a in re.findall(r'"([^"]+)"', addrs):
            units[a.lower()] = code
    editors = {a.lower() for a in re.findall(r'address = "([^"]+)"; roles',
                                             conf)}
    return units, editors


UNITS, EDITORS = read_config()


# --------------------------------------------------------------------------
# Charsets

GB = {"gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "gb_2312-80", "x-gb2312",
      "csgb2312", "ms936", "windows-936", "gb18030"}


def decode_bytes(data, label):
    """(text, diagnostic) by the README rules: GB labels read as GB18030,
    no label or a wrong one detected (UTF-8, then GB18030, then Big5)."""
    data = data.replace(b"\x00", b"")
    label = (label or "").strip().lower()
    if label in GB:
        return data.decode("gb18030"), None
    if label and label not in ("us-ascii", "ascii"):
        try:
            return data.decode(label), None
        except (LookupError, UnicodeDecodeError):
            pass
    for guess in ("utf-8", "gb18030", "big5"):
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            continue
        if guess == "utf-8" and label in ("", "us-ascii", "ascii"):
            return text, None       # undeclared UTF-8 needs no note
        return text, "decoded as %s" % guess.upper()
    return data.decode("utf-8", "replace"), "undecodable"


def raw_header(msg, name):
    for k, v in msg.raw_items():
        if k.lower() == name.lower():
            return v
    return None


def decode_header_value(value):
    """RFC 2047 the way the README asks: adjacent words of one charset are
    joined before decoding (email.header.decode_header does that), labels
    mapped as above, raw 8-bit bytes read as UTF-8 or GB18030, CR/LF as
    spaces."""
    if value is None:
        return None
    raw = value.encode("ascii", "surrogateescape")
    if re.search(rb"[\x80-\xff]", raw) and b"=?" not in raw:
        text, _ = decode_bytes(raw, None)
        return re.sub(r"\s+", " ", text).strip()
    out = []
    for data, cs in email.header.decode_header(value):
        if isinstance(data, str):
            out.append(data)
        elif cs is None:
            out.append(data.decode("ascii", "surrogateescape"))
        else:
            out.append(decode_bytes(data, cs)[0])
    return re.sub(r"\s+", " ", "".join(out)).strip()


# --------------------------------------------------------------------------
# HTML and .docx

class HTMLText(html.parser.HTMLParser):
    SKIP = {"head", "title", "style", "script", "xml"}
    BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5",
             "h6", "table", "blockquote", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")
        elif tag == "td":
            self.out.append("\t")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data.replace("\n", " ").replace("\r", " "))


def html_to_text(markup):
    p = HTMLText()
    p.feed(markup)
    p.close()
    lines = [l.replace("\xa0", " ").strip(" \t") for l in
             "".join(p.out).split("\n")]
    return "\n".join(re.sub(r"[ \t]+", lambda m: "\t" if "\t" in m.group()
                            else " ", l) for l in lines)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_paragraphs(data):
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    paras = []
    for p in root.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        centred = any(j.get(W + "val") == "center" for j in p.iter(W + "jc"))
        bold = any(True for _ in p.iter(W + "b"))
        paras.append((text, centred and bold))
    return [p for p in paras if p[0]]


# --------------------------------------------------------------------------
# Parts

def is_attachment(part):
    return (part.get_content_disposition() or "") == "attachment"


def part_text(part):
    data = part.get_payload(decode=True) or b""
    text, diag = decode_bytes(data, part.get_param("charset"))
    if (part.get_param("format") or "").lower() == "flowed":
        text = unflow(text, (part.get_param("delsp") or "").lower() == "yes")
    return text, diag


def unflow(text, delsp):
    out = []
    cur = None
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" "):
            line = line[1:]
        soft = line.endswith(" ") and line != "-- "
        if soft and delsp:
            line = line[:-1]
        cur = line if cur is None else cur + line
        if not soft:
            out.append(cur)
            cur = None
    if cur is not None:
        out.append(cur)
    return "\n".join(out)


def raw_filename(part):
    """The attachment name as the README wants it decoded: RFC 2231 (with
    continuations), RFC 2047 inside quotes, raw 8-bit GBK."""
    for hname, pname in (("content-disposition", "filename"),
                         ("content-type", "name")):
        raw = raw_header(part, hname)
        if raw is None:
            continue
        rawb = raw.encode("ascii", "surrogateescape")
        cont = re.findall(rb"%s\*(\d+)\*?=([^;]*)" % pname.encode(), rawb)
        if cont:
            pieces = sorted(cont, key=lambda c: int(c[0]))
            joined = b"".join(p[1].strip() for p in pieces)
            cs, _, enc = joined.partition(b"''")
            return bytes_unquote(enc).decode(cs.decode() or "utf-8")
        single = re.search(rb"%s\*=([^;]*)" % pname.encode(), rawb)
        if single:
            cs, _, enc = single.group(1).strip().partition(b"''")
            return bytes_unquote(enc).decode(cs.decode())
        quoted = re.search(rb'%s="([^"]*)"' % pname.encode(), rawb)
        if quoted:
            val = quoted.group(1)
            if b"=?" in val:
                return decode_header_value(val.decode("ascii"))
            if re.search(rb"[\x80-\xff]", val):
                return decode_bytes(val, None)[0]
            return val.decode("ascii")
    return None


def bytes_unquote(b):
    return re.sub(rb"%([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                  b)


def safe_name(name):
    name = name or ""
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(c for c in name if ord(c) >= 0x20 and ord(c) != 0x7f)
    if name.startswith(".") or not name.strip():
        name = "attachment" if not name.strip(". ") else name.lstrip(". ")
    return name


def walk(msg, depth=1, acc=None):
    """(leaf parts, deepest multipart nesting, part count), not descending
    into message/rfc822."""
    if acc is None:
        acc = {"leaves": [], "depth": 0, "parts": 0}
    acc["parts"] += 1
    if msg.is_multipart() and msg.get_content_maintype() == "multipart":
        acc["depth"] = max(acc["depth"], depth)
        for sub in msg.get_payload():
            walk(sub, depth + 1, acc)
    else:
        acc["leaves"].append(msg)
    return acc


# --------------------------------------------------------------------------
# Reference article reader

GENERIC = {"投稿", "稿件", "信息", "供稿"}
GENERIC_AFFIX = re.compile(r"^(?:我委|我局|我办|我院|我单位|我街道|本单位|本周|"
                           r"本期|本月|近期)+")
PREFIX = re.compile(r"^\s*(?:(?:re|fw|fwd|回复|答复|转发|投稿|供稿)\s*[:：]\s*"
                    r"|【(?:投稿|供稿|简报投稿)】\s*|\[(?:投稿|供稿)\]\s*)",
                    re.I)
REVISION = re.compile(r"（修改稿）|【修改稿】|修改稿|（更正）|更正|修订|第二稿")
STUBS = ("此邮件为HTML格式",)
SIGNATURES = {"发自我的iPhone", "发自我的华为手机", "来自网易邮箱大师",
              "发自我的小米手机", "Sent from my iPhone"}
HARD_END = "。！？：；”」』）:"
FIELD_RE = re.compile(r"(审签|执笔|联系电话|电话)\s*[:：]\s*(.+?)(?=\s{2,}|\s*"
                      r"(?:审签|执笔|联系电话|电话)\s*[:：]|$)")


def strip_title(subject):
    t = subject or ""
    prev = None
    while prev != t:
        prev = t
        t = PREFIX.sub("", t)
    return re.sub(r"\s+", " ", t).strip()


def base_title(title):
    return re.sub(r"\s+", " ", REVISION.sub("", title)).strip()


def is_generic(title):
    return not title or GENERIC_AFFIX.sub("", title) in GENERIC


def telling(near, far):
    """The subject whose title says something: NEAR's, else FAR's."""
    if near is None or far is None:
        return near if near is not None else far
    return far if is_generic(strip_title(near)) else near


def is_forward_subject(subject):
    m = re.match(r"^\s*(?:(?:投稿|供稿)\s*[:：]\s*|【[^】]*】\s*)*(re|fw|fwd|回复|"
                 r"答复|转发)\s*[:：]", subject or "", re.I)
    return bool(m) and m.group(1).lower() in ("fw", "fwd", "转发")


# Separators: a reply's attribution, the rules Outlook, Foxmail and QQ Mail
# put above a quote and a forward alike, and the forward-only ones.
REPLY_SEP = re.compile(r"^(?:在.*写道[:：]|On .*wrote:)$")
EITHER_SEP = re.compile(r"^(?:-{2,}\s*(?:原始邮件|原邮件|Original Message)\s*"
                        r"-{2,}|_{10,})$", re.I)
FORWARD_SEP = re.compile(r"^(?:-{2,}\s*(?:转发的邮件|转发邮件信息|转发邮件|"
                         r"转发的消息|转发消息|Forwarded message)\s*-{2,}|"
                         r"Begin forwarded message:|以下是转发的邮件[:：])$",
                         re.I)
HEADER = re.compile(r"^(发件人|From|发送日期|发送时间|日期|时间|Date|Sent|收件人|"
                    r"To|抄送人|抄送|Cc|主题|Subject|Reply-To) ?[:：](.*)$", re.I)
HEADER_KIND = {"发件人": "from", "from": "from", "发送日期": "date",
               "发送时间": "date", "日期": "date", "时间": "date",
               "date": "date", "sent": "date", "收件人": "to", "to": "to",
               "抄送人": "cc", "抄送": "cc", "cc": "cc", "主题": "subject",
               "subject": "subject", "reply-to": "reply-to"}


def sep_line(line):
    return line.replace("&nbsp;", " ").replace("\xa0", " ").strip()


def is_separator(line):
    s = sep_line(line)
    return bool(REPLY_SEP.match(s) or EITHER_SEP.match(s) or
                FORWARD_SEP.match(s))


def header_block(lines, i):
    """(index after the forwarded header block at I, its subject, header
    count); a blank line inside only before a kind not seen yet."""
    seen, subject, n = set(), None, 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while True:
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        m = HEADER.match(lines[j].strip()) if j < len(lines) else None
        kind = HEADER_KIND[m.group(1).lower()] if m else None
        if not m or (j > i and kind in seen):
            return i, subject, n
        seen.add(kind)
        n += 1
        if kind == "subject" and subject is None:
            subject = m.group(2).strip()
        i = j + 1
        while i < len(lines) and lines[i][:1] in (" ", "\t") and \
                lines[i].strip():
            i += 1


def split_forward(lines, forward):
    """(own lines, forwarded subject, forwarded lines) or None."""
    for i, line in enumerate(lines):
        s = sep_line(line)
        if REPLY_SEP.match(s):
            return None
        either, fwd = EITHER_SEP.match(s), FORWARD_SEP.match(s)
        if not (either or fwd):
            continue
        if either and not forward:
            return None
        j, subject, n = header_block(lines, i + 1)
        if fwd or n:
            return lines[:i], subject, lines[j:]
    return None


def body_length(lines):
    return len(clean_text("\n".join(lines), None)[0].replace("\n", ""))


def resolve(lines, forward, depth=0):
    """Follow an inline forward whose own text is only a cover note (empty
    or shorter than what it forwards): (lines, forwarded subject)."""
    sp = split_forward(lines, forward) if depth < 8 else None
    if sp is None:
        return lines, None
    own, subject, rest = sp
    inner, inner_subject = resolve(rest, is_forward_subject(subject), depth + 1)
    if body_length(own) and body_length(own) >= body_length(inner):
        return lines, None
    return inner, telling(subject, inner_subject)


def cut_quotes(lines):
    """The writer's own lines: up to the first quote or forward separator."""
    for i, line in enumerate(lines):
        if is_separator(line):
            return lines[:i]
    return lines


def clean_text(text, title):
    """The article text as the README rules make it; (text, fields)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = cut_quotes(lines)
    lines = [l for l in lines if not l.startswith(">")]
    if "-- " in lines:
        lines = lines[:lines.index("-- ")]
    lines = [l for l in lines if l.strip() not in SIGNATURES]
    fields = []
    kept = []
    for l in lines:
        s = l.strip()
        found = FIELD_RE.findall(s)
        if found and re.match(r"^(审签|执笔|联系电话|电话)\s*[:：]", s):
            for k, v in found:
                fields.append(("电话" if k == "联系电话" else k, v.strip()))
            continue
        kept.append(l.strip(" \t\u3000"))
    joined = []
    for l in kept:
        if (joined and joined[-1] and l and len(joined[-1]) >= 30 and
                joined[-1][-1] not in HARD_END):
            joined[-1] += l
        else:
            joined.append(l)
    paras = [p for p in joined if p]
    if paras and title and paras[0] == title:
        paras = paras[1:]
    return "\n".join(paras), fields


def body_text(part, ctype, diags):
    """The CTYPE body: one alternative of an alternative, every inline text
    part of another multipart joined in order (Apple Mail's text around an
    attachment); attached messages are not part of it."""
    if part.get_content_maintype() == "multipart":
        texts = [t for t in (body_text(p, ctype, diags)
                             for p in part.get_payload()) if t is not None]
        if not texts:
            return None
        if part.get_content_subtype() == "alternative":
            return texts[0]
        return "\n".join(texts)
    if (part.get_content_maintype() == "message" or is_attachment(part) or
            part.get_filename() is not None or
            part.get_content_type() != ctype):
        return None
    text, d = part_text(part)
    diags += [d] if d else []
    return text


def body_source(msg):
    """(text, title source, diagnostics, attachments) for a message."""
    info = walk(msg)
    plain = html = None
    diags = []
    atts = []
    inner = None
    docx = None
    for leaf in info["leaves"]:
        ctype = leaf.get_content_type()
        if ctype == "message/rfc822":
            inner = leaf.get_payload()[0]
            continue
        if is_attachment(leaf) or leaf.get("Content-ID") or \
                leaf.get_filename() is not None:
            name = safe_name(raw_filename(leaf))
            atts.append(name)
            if name.endswith(".docx"):
                docx = leaf.get_payload(decode=True)
            continue
    plain = body_text(msg, "text/plain", diags)
    html = body_text(msg, "text/html", diags)
    if html is not None:
        html = html_to_text(html)
    text = plain
    if text is None or not text.strip() or text.strip().startswith(STUBS):
        text = html if html is not None else (text or "")
    return dict(text=text, inner=inner, docx=docx, atts=atts, diags=diags,
                depth=info["depth"], parts=info["parts"])


def resolved_text(msg, src):
    """(text, forwarded subject) of a message, its inline forward resolved."""
    subject = decode_header_value(raw_header(msg, "Subject"))
    lines = src["text"].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines, fsubject = resolve(lines, is_forward_subject(subject))
    return "\n".join(lines), fsubject


def reference(msg):
    """What the README rules make of a contribution: title, text, fields,
    attachments, diagnostics."""
    src = body_source(msg)
    subject = decode_header_value(raw_header(msg, "Subject"))
    text, fsubject = resolved_text(msg, src)
    if src["inner"] is not None:
        inner = body_source(src["inner"])
        inner_text, inner_fsubject = resolved_text(src["inner"], inner)
        own = body_length(text.split("\n"))
        if not own or own < body_length(inner_text.split("\n")):
            fsubject = telling(decode_header_value(raw_header(
                src["inner"], "Subject")), inner_fsubject)
            text = inner_text
            src = dict(inner, diags=src["diags"] + inner["diags"])
    title = strip_title(telling(subject, fsubject))
    if src["docx"] is not None and text.strip() in ("", "详见附件", "详见附件。"):
        paras = docx_paragraphs(src["docx"])
        if paras and paras[0][1] and is_generic(title):
            title = paras[0][0]
        text = "\n".join(p[0] for p in paras)
    elif is_generic(title):
        first = next((l.strip() for l in text.split("\n") if l.strip()), "")
        if len(first) <= 40 and not first.endswith("。"):
            title = first
    body, fields = clean_text(text, title)
    return dict(title=title, text=body, fields=fields,
                attachments=src["atts"], diagnostics=src["diags"],
                depth=src["depth"], parts=src["parts"], subject=subject)


def all_text(msg):
    """Every text part, decoded but not cleaned (HTML markup kept), plus
    docx text and inner messages: where absent: strings must occur."""
    out = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if part.is_multipart():
            continue
        if ctype.startswith("text/"):
            out.append(part_text(part)[0])
        elif ctype.endswith("wordprocessingml.document"):
            out += [p[0] for p in docx_paragraphs(part.get_payload(
                decode=True))]
    return "\n".join(out)


# --------------------------------------------------------------------------
# Expectations

def read_expect(name, path):
    exp = {"contains": [], "absent": [], "field": [], "attachment": [],
           "diagnostic": []}
    with open(path, "rb") as f:
        data = f.read()
    if b"\r" in data:
        problem(name, "CR in .expect")
    for n, line in enumerate(data.decode("utf-8").split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(": ")
        if not sep or key not in KEYS or not value:
            problem(name, "expect line %d malformed: %r" % (n, line))
            continue
        if isinstance(exp.get(key), list):
            exp[key].append(value)
        elif key in exp:
            problem(name, "key %s repeated" % key)
        else:
            exp[key] = value
    state = exp.get("state")
    if state not in STATES:
        problem(name, "bad state %r" % state)
    unit = exp.get("unit")
    if unit != "-" and unit not in set(UNITS.values()):
        problem(name, "bad unit %r" % unit)
    if state in ("filed", "replaced") and "title" not in exp:
        problem(name, "no title for %s" % state)
    if state not in ("filed", "replaced", "held") and "title" in exp:
        problem(name, "title given for %s" % state)
    if state in ("filed", "replaced") and not exp["contains"]:
        problem(name, "no contains: for %s" % state)
    # a classified message keeps its sender's unit even when not filed
    if state in ("command", "refused") and unit != "-":
        problem(name, "unit must be - for %s" % state)
    if state in ("filed", "replaced", "held", "duplicate") and unit == "-":
        problem(name, "a unit is needed for %s" % state)
    for f in exp["field"]:
        if f.partition("=")[0] not in FIELD_KEYS:
            problem(name, "bad field %r" % f)
    return exp


def from_address(msg):
    value = decode_header_value(raw_header(msg, "From")) or ""
    m = re.findall(r"<([^<>]+)>", value)
    return (m[-1] if m else value.strip()).lower()


# --------------------------------------------------------------------------
# Naive decoders that must fail

def payload_of(msg, ctype="text/plain"):
    for part in msg.walk():
        if part.get_content_type() == ctype and not is_attachment(part):
            return part.get_payload(decode=True)
    return None


def raises(fn):
    try:
        fn()
    except (UnicodeDecodeError, LookupError):
        return True
    return False


def per_word_fails(msg):
    """True when decoding each encoded-word of the Subject on its own (as
    a naive RFC 2047 decoder does) raises: a character is split between
    two words."""
    subj = raw_header(msg, "Subject")
    for cs, enc, payload in re.findall(r"=\?([^?]+)\?([BbQq])\?([^?]*)\?=",
                                       subj):
        if enc in "Bb":
            data = base64.b64decode(payload)
        else:
            data = re.sub(rb"=([0-9A-Fa-f]{2})",
                          lambda m: bytes([int(m.group(1), 16)]),
                          payload.replace("_", " ").encode("ascii"))
        if raises(lambda: data.decode(cs)):
            return True
    return False


def naive_checks():
    """short name -> (description, predicate(msg, raw) true when the naive
    reading fails)."""
    gmime = re.compile(r"=\?[^?]+\?[Bb]\?[A-Za-z0-9+/]*=+\?=")

    def gmime_truncates(msg, raw):
        subj = raw_header(msg, "Subject")
        words = re.findall(r"=\?[^?]+\?[^?]+\?[^?]*\?=", subj)
        first_padded = next(i for i, w in enumerate(words)
                            if gmime.fullmatch(w))
        kept = email.header.decode_header(
            " ".join(words[:first_padded + 1]))
        short = "".join(decode_bytes(d, c)[0] for d, c in kept)
        return short != decode_header_value(subj) and first_padded < \
            len(words) - 1

    return {
        "foxmail-gbk-in-gb2312": (
            "gb2312 codec raises on the body",
            lambda m, r: raises(lambda: payload_of(m).decode("gb2312"))),
        "outlook-gb18030-in-gbk": (
            "gbk and gb2312 codecs raise on the body",
            lambda m, r: raises(lambda: payload_of(m).decode("gbk")) and
            raises(lambda: payload_of(m).decode("gb2312"))),
        "javamail-x-gbk": (
            "x-gbk is unknown to Python; gb2312 raises on 喆",
            lambda m, r: raises(lambda: payload_of(m).decode("x-gbk")) and
            raises(lambda: payload_of(m).decode("gb2312"))),
        "dotnet-cp936": (
            "cp936 codec raises on 䶮 (FE 9F)",
            lambda m, r: raises(lambda: payload_of(m).decode("cp936"))),
        "outlook-big5": (
            "the Big5 body is not UTF-8 and not the same text as GB18030",
            lambda m, r: raises(lambda: payload_of(m).decode("utf-8")) and
            "轄區" not in payload_of(m).decode("gb18030", "replace")),
        "oa-raw-gbk-no-charset": (
            "us-ascii (the RFC 2045 default) and UTF-8 raise on the body; the "
            "raw Subject read as Latin-1 is mojibake",
            lambda m, r: raises(lambda: payload_of(m).decode("ascii")) and
            raises(lambda: payload_of(m).decode("utf-8")) and
            "审批" not in raw_header(m, "Subject").encode(
                "ascii", "surrogateescape").decode("latin-1")),
        "phpmailer-gbk-labelled-utf8": (
            "the declared utf-8 raises on the body",
            lambda m, r: raises(lambda: payload_of(m).decode("utf-8"))),
        "script-utf8-no-charset": (
            "us-ascii (the RFC 2045 default) raises on the body",
            lambda m, r: raises(lambda: payload_of(m).decode("ascii"))),
        "subject-gbk-split-char": (
            "a per-word decoder raises (and policy=default's header parser "
            "gives garbage)",
            lambda m, r: per_word_fails(m) and
            "静默认证" not in str(m["Subject"])),
        "subject-utf8-q-split": (
            "a per-word decoder raises",
            lambda m, r: per_word_fails(m)),
        "qq-padded-subject": (
            "GMime 3.2.13's rule (stop after a padded B-word) truncates",
            gmime_truncates),
        "foxmail-padded-gb2312-gbk": (
            "GMime 3.2.13's rule (stop after a padded B-word) truncates",
            gmime_truncates),
        "oa-subject-encoded-crlf": (
            "the decoded Subject holds a CR LF",
            lambda m, r: "\r\n" in "".join(
                decode_bytes(d, c)[0] for d, c in email.header.decode_header(
                    raw_header(m, "Subject")))),
        "oa-raw-gbk-filename": (
            "the raw filename read as Latin-1 is mojibake",
            lambda m, r: "照片" not in r.split(b"filename=")[1][:40].decode(
                "latin-1")),
        "apple-flowed-delsp": (
            "without unflowing, the contains: texts straddle line breaks",
            lambda m, r: "，在辖区农贸市场开展" not in payload_of(m).decode(
                "utf-8")),
        "outlook-express-hard-wrap": (
            "without joining, the first paragraph is not one line",
            lambda m, r: "生成专属二维码" not in payload_of(m).decode(
                "gb2312").replace("\r\n", "|")),
        "nul-in-body": (
            "a C-string reader stops at the NUL",
            lambda m, r: "累计促成信用贷款412笔" not in payload_of(m).split(
                b"\x00")[0].decode("gb2312")),
        "word-html-only": (
            "the raw HTML holds markup, &nbsp; and mso- CSS",
            lambda m, r: all(x in payload_of(m, "text/html").decode("gb2312")
                             for x in ("&nbsp;", "mso-", "<o:p>"))),
        "alt-stub-plain": (
            "a plain-first reader gets only the stub",
            lambda m, r: payload_of(m).decode("utf-8").startswith(
                "此邮件为HTML格式")),
        "alt-blank-plain": (
            "a plain-first reader gets nothing",
            lambda m, r: not payload_of(m).strip()),
        "foxmail-fullwidth-indent": (
            "the raw paragraphs start with 　　",
            lambda m, r: payload_of(m).decode("gb2312").startswith("　　")),
    }


# --------------------------------------------------------------------------

def check_fixture(name, short, raw, exp, seen):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    state = exp.get("state")
    unit = exp.get("unit")
    sender = from_address(msg)
    if state in ("filed", "replaced", "held", "duplicate"):
        if UNITS.get(sender) != unit:
            problem(name, "From %s is not unit %s" % (sender, unit))
    if state in ("command", "refused") and sender not in EDITORS:
        problem(name, "command not from an editor")
    if state == "quarantined" and sender in UNITS and \
            "MIME" not in exp.get("reason", "") and \
            "not authentic" not in exp.get("reason", ""):
        problem(name, "quarantined although From is registered")
    if sender == "office@example.test" and state != "ignored":
        problem(name, "our own mail must be ignored")

    everything = all_text(msg)
    ref = reference(msg)
    if "reason" in exp and exp["reason"] == "MIME depth" and ref["depth"] <= 10:
        problem(name, "MIME depth only %d" % ref["depth"])
    if exp.get("reason") == "MIME parts" and ref["parts"] <= 100:
        problem(name, "only %d MIME parts" % ref["parts"])

    if state in ("filed", "replaced", "held"):
        want = exp.get("title")
        got = ref["title"]
        if state == "replaced":
            got = base_title(got)
        if want is not None and want != got:
            problem(name, "title %r, reference reader gives %r" % (want, got))
        names = sorted(ref["attachments"])
        if sorted(exp["attachment"]) != names:
            problem(name, "attachments %r, message has %r"
                    % (exp["attachment"], names))
    if state in ("filed", "replaced"):
        for c in exp["contains"]:
            if c not in ref["text"]:
                problem(name, "contains %r not in the reference text" % c)
        for a in exp["absent"]:
            if a in ref["text"]:
                problem(name, "absent %r left in the reference text" % a)
            if a not in everything:
                problem(name, "absent %r is nowhere in the message" % a)
        want = sorted(tuple(f.split("=", 1)) for f in exp["field"])
        if want != sorted(ref["fields"]):
            problem(name, "fields %r, reference reader gives %r"
                    % (want, ref["fields"]))
        for d in exp["diagnostic"]:
            if not any(d.lower() in x.lower() for x in ref["diagnostics"]):
                problem(name, "diagnostic %r not expected by the reference "
                        "reader (%r)" % (d, ref["diagnostics"]))
        if not exp["diagnostic"] and ref["diagnostics"]:
            problem(name, "reference reader has diagnostics %r"
                    % ref["diagnostics"])

    # cross-fixture rules
    mid = (raw_header(msg, "Message-ID") or "").strip()
    refs = re.findall(r"<[^>]+>", (raw_header(msg, "In-Reply-To") or "") +
                      (raw_header(msg, "References") or ""))
    if state == "duplicate":
        same_id = mid in seen["ids"]
        same_text = any(u == unit and t == ref["text"]
                        for u, t in seen["texts"])
        if not (same_id or same_text):
            problem(name, "duplicate of nothing earlier")
    elif mid in seen["ids"] and state not in ("ignored", "quarantined"):
        problem(name, "Message-ID repeats an earlier fixture")
    if state == "replaced":
        by_title = (unit, base_title(ref["title"])) in seen["titles"]
        by_ref = any(seen["filed_ids"].get(r) == unit for r in refs)
        if not (by_title or by_ref):
            problem(name, "replaces nothing earlier")
    if state == "filed":
        if (unit, base_title(ref["title"])) in seen["titles"]:
            problem(name, "repeats an earlier title of its unit")
        if any(u == unit and t == ref["text"] for u, t in seen["texts"]):
            problem(name, "repeats an earlier text of its unit")
        if any(seen["filed_ids"].get(r) == unit for r in refs):
            problem(name, "References an earlier article of its unit")
    seen["ids"].add(mid)
    if state in ("filed", "replaced"):
        seen["titles"].add((unit, base_title(ref["title"])))
        seen["texts"].append((unit, ref["text"]))
        seen["filed_ids"][mid] = unit
    return msg


def main():
    emls = sorted([p for p in glob.glob(os.path.join(HERE, "[0-9]*-*.eml"))
                   if re.match(r"\d+-", os.path.basename(p))])
    expects = sorted([p for p in glob.glob(os.path.join(HERE, "[0-9]*-*.expect"))
                      if re.match(r"\d+-", os.path.basename(p))])
    if [e[:-4] for e in emls] != [x[:-7] for x in expects]:
        problem("corpus", ".eml and .expect files do not pair up")
    naive = naive_checks()
    seen = {"ids": set(), "titles": set(), "texts": [], "filed_ids": {}}
    total = 0
    states = {}
    defects = 0
    for path in emls:
        name = os.path.basename(path)[:-4]
        short = name.split("-", 1)[1]
        with open(path, "rb") as f:
            raw = f.read()
        total += len(raw)
        if len(raw) >= 300 * 1024:
            problem(name, "%d bytes" % len(raw))
        exp = read_expect(name, path[:-4] + ".expect")
        states[exp.get("state")] = states.get(exp.get("state"), 0) + 1
        try:
            msg = check_fixture(name, short, raw, exp, seen)
        except Exception as e:          # a checker bug or unparsable mail
            problem(name, "%s: %s" % (type(e).__name__, e))
            continue
        defects += sum(len(p.defects) for p in msg.walk())
        if short in naive:
            what, pred = naive[short]
            try:
                ok = pred(msg, raw)
            except Exception as e:
                ok = False
                what += " (%s: %s)" % (type(e).__name__, e)
            if not ok:
                problem(name, "naive decoder does not fail: " + what)
    if total >= 3 * 1024 * 1024:
        problem("corpus", "%d bytes in all" % total)
    for short in naive:
        if not any(os.path.basename(p)[:-4].split("-", 1)[1] == short for p in emls):
            problem("corpus", "naive check for missing fixture " + short)

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(HERE, "make-corpus.py"),
                        tmp], check=True, stdout=subprocess.DEVNULL)
        made = sorted(os.listdir(tmp))
        ours = sorted(f for f in os.listdir(HERE)
                      if re.match(r"\d+-", f) or f == "README")
        if made != ours:
            problem("corpus", "make-corpus.py makes a different file set")
        for f in made:
            with open(os.path.join(tmp, f), "rb") as a, \
                    open(os.path.join(HERE, f), "rb") as b:
                if a.read() != b.read():
                    problem(f, "not reproduced byte for byte")

    for p in problems:
        print(p)
    print("%d fixtures (%s), %d bytes, %d parser defects noted, "
          "%d problems" % (len(emls), ", ".join(
              "%d %s" % (n, s) for s, n in sorted(states.items())), total,
              defects, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
