"""The terminal chat: the same answers as on Telegram, for a machine without a bot token."""

from __future__ import annotations

import sys

from bot.engine import Engine

BANNER = (
    "callbot — 2023 政府间国际科技创新合作重点专项 / 港澳台项目\n"
    "Ask in 中文 or English, e.g. 芬兰的经费是多少？ · Which programmes fund hydrogen?\n"
    "Follow-ups work (那德国呢？). Ctrl-D to quit.\n"
)


def run_chat(engine: Engine, stdin=None, stdout=None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and stdout.isatty()
    stdout.write(BANNER + "\n")
    while True:
        if interactive:
            try:
                line = input("› ")
            except EOFError:
                stdout.write("\n")
                return 0
            except KeyboardInterrupt:
                stdout.write("\n")
                return 0
        else:
            line = stdin.readline()
            if not line:
                return 0
            stdout.write(f"› {line.rstrip()}\n")
        if not line.strip():
            continue
        if line.strip().lower() in ("/quit", "/exit", "quit", "exit"):
            return 0
        reply = engine.ask(line.rstrip("\n"), "terminal")
        stdout.write(reply.text + "\n\n")
        stdout.flush()
