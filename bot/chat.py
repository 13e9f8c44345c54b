"""The terminal chat: the same answers as on Telegram, for a machine without a bot token."""

from __future__ import annotations

import sys

from bot.engine import Engine
from bot.selfdesc import banner


def run_chat(engine: Engine, stdin=None, stdout=None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and stdout.isatty()
    stdout.write(banner(engine.knowledge) + "\n")
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
