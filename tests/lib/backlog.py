#!/usr/bin/env python3
"""backlog.py [--first K] N MAILDIR ARTICLES SEEN_EVERY UNIT...: N article
mails (numbers K.. , default 1) from UNIT... (in turn) written straight
into MAILDIR, shaped as our server
delivers them: the LMTP and the ESMTPSA Received lines that vouch for the
unit.  Every SEEN_EVERY-th mail (0: none) is already read by the office
(cur/, flag S); the rest are new.  Titles and bodies come from the demo
articles under ARTICLES, numbered so that none is a duplicate: a second
backlog into the same mailbox starts where the first ended."""
import base64
import os
import sys
import time


def b64(s):
    return "=?UTF-8?B?" + base64.b64encode(s.encode()).decode() + "?="


def main():
    args = sys.argv[1:]
    first = 1
    if args[:1] == ["--first"]:
        first, args = int(args[1]), args[2:]
    n, box, src, seen_every = int(args[0]), args[1], args[2], int(args[3])
    units = args[4:]
    texts = [open(os.path.join(src, f), encoding="utf-8").read().split("\n\n")
             for f in sorted(os.listdir(src)) if f.endswith(".txt")]
    for d in ("new", "cur", "tmp"):
        os.makedirs(os.path.join(box, d), exist_ok=True)
    stamp = int(time.time())
    for i in range(first - 1, first - 1 + n):
        unit = units[i % len(units)]
        blocks = texts[i % len(texts)]
        title = "%s（第%d号）" % (blocks[0], i + 1)
        body = "\n\n".join(blocks[1:]) + "\n\n编号%d：%s报送。\n" % (i + 1, unit)
        mail = ("Return-Path: <{u}@example.test>\n"
                "Delivered-To: office@example.test\n"
                "Received: from mail.example.test ([127.0.0.1])\n"
                "\tby vm with LMTP\n\tfor <office@example.test>; "
                "Wed, 02 Dec 2026 01:07:15 +0000\n"
                "Received: from client.example.test (unknown [127.0.0.1])\n"
                "\t(Authenticated sender: {u}@example.test)\n"
                "\tby mail.example.test (Postfix) with ESMTPSA id B{i:09X}\n"
                "\tfor <office@example.test>; "
                "Wed,  2 Dec 2026 01:07:15 +0000 (UTC)\n"
                "Date: Mon, 16 Nov 2026 09:42:18 +0800\n"
                "From: {u} <{u}@example.test>\n"
                "To: office@example.test\n"
                "Subject: {s}\n"
                "Message-ID: <backlog{i}.{t}@example.test>\n"
                "MIME-Version: 1.0\n"
                "Content-Type: text/plain; charset=UTF-8\n"
                "Content-Transfer-Encoding: 8bit\n\n{b}").format(
                    u=unit, i=i, t=stamp, s=b64(title), b=body)
        data = mail.replace("\n", "\r\n").encode()
        name = "%d.M%dP%d.backlog,S=%d" % (stamp, i, os.getpid(), len(data))
        seen = seen_every > 0 and i % seen_every == 0
        path = os.path.join(box, "cur", name + ":2,S") if seen else \
            os.path.join(box, "new", name)
        with open(path, "wb") as f:
            f.write(data)


main()
