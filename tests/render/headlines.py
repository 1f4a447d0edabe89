#!/usr/bin/env python3
"""headlines.py PDF BREAKS: each headline as the PDF sets it, checked.

BREAKS has one headline a line, without spaces, with a '|' wherever a line
may end without breaking a word (tests/tools/title-breaks).  Each headline
is found among the PDF's lines (pdftotext -bbox-layout) as the run of lines
that spells it; each of its line ends must be at a '|', and no line may be
shorter than a third of the longest.  Prints a '#' line per headline and
exits 1 on the first that fails (or is not found)."""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def pdf_lines(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         check=True, capture_output=True, text=True).stdout
    root = ET.fromstring(xml)
    lines = []
    for line in root.iter(NS + "line"):
        text = "".join(w.text or "" for w in line.iter(NS + "word"))
        text = re.sub(r"\s", "", text)
        if text:
            lines.append((text, float(line.get("xMax")) - float(line.get("xMin"))))
    return lines


def find(lines, title):
    for i, (text, _) in enumerate(lines):
        if not title.startswith(text):
            continue
        got, j = "", i
        while j < len(lines) and len(got) < len(title):
            got += lines[j][0]
            j += 1
        if got == title:
            return lines[i:j]
    return None


def check(lines, marked):
    title = marked.replace("|", "")
    allowed, n = set(), 0
    for c in marked:
        if c == "|":
            allowed.add(n)
        else:
            n += 1
    run = find(lines, title)
    if run is None:
        print(f"# {title}: not found as lines of the PDF")
        return False
    ends, n = [], 0
    for text, _ in run[:-1]:
        n += len(text)
        ends.append(n)
    widths = [w for _, w in run]
    shown = " / ".join(t for t, _ in run)
    print(f"# {shown} ({', '.join(f'{w:.0f}' for w in widths)} pt)")
    bad = [e for e in ends if e not in allowed]
    if bad:
        print(f"#   breaks inside a word after {title[:bad[0]]}")
        return False
    if min(widths) < max(widths) / 3:
        print("#   a line is shorter than a third of the longest")
        return False
    return True


def main():
    lines = pdf_lines(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        marked = [m.strip() for m in f if m.strip()]
    ok = all([check(lines, m) for m in marked])
    wrapped = sum(1 for m in marked
                  if len(find(lines, m.replace("|", "")) or []) > 1)
    print(f"# {len(marked)} headlines, {wrapped} on more than one line")
    sys.exit(0 if ok and wrapped > 0 else 1)


main()
