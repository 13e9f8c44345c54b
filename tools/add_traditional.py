"""Add zh-Hant beside every zh-Hans value of a knowledge file that lacks one (dev tool).

Uses OpenCC's phrase-level s2t conversion, which is better than the bot's run-time char table for
the long field texts; the result is written into the file so a person can review and correct it.
usage: python tools/add_traditional.py knowledge/calls_2023.yaml [-o OUT]
"""

from __future__ import annotations

import argparse
import re
import sys

import opencc

FLOW = re.compile(r"zh-Hans: ([^,}\n]+)(?!, zh-Hant)")
BLOCK = re.compile(r"^(\s*)zh-Hans: (.+)$")


def convert(text: str, cc: opencc.OpenCC) -> str:
    out = []
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        block = BLOCK.match(line.rstrip("\n"))
        if block and "{" not in line:
            out.append(line)
            if "zh-Hant:" not in nxt:
                out.append(f"{block.group(1)}zh-Hant: {cc.convert(block.group(2))}\n")
            continue
        if "zh-Hant" not in line:
            line = FLOW.sub(
                lambda m: f"zh-Hans: {m.group(1)}, zh-Hant: {cc.convert(m.group(1))}", line
            )
        out.append(line)
    return "".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("-o", "--out")
    args = ap.parse_args()
    cc = opencc.OpenCC("s2t")
    with open(args.file, encoding="utf-8") as fh:
        text = fh.read()
    result = convert(text, cc)
    with open(args.out or args.file, "w", encoding="utf-8") as fh:
        fh.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
