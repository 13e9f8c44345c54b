"""The ``callbot`` command: ask (the contract), chat in the terminal, run on Telegram, and the
knowledge tools. Telegram is imported only by ``run``, so ``ask`` starts fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from bot.ask_input import LIMITS_HELP, AskInputError, binary_stdin, check_turns, read_conversations

if TYPE_CHECKING:
    from bot.engine import Engine

EXIT_OK, EXIT_INVALID_KNOWLEDGE, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, as the contract says
        self.print_usage(sys.stderr)
        print(f"callbot: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="callbot", description="Answers questions about research-funding calls.")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    ask = sub.add_parser(
        "ask",
        help="answer one conversation (or JSONL conversations on stdin)",
        epilog=LIMITS_HELP,
    )
    ask.add_argument("--knowledge", metavar="FILE", help="knowledge YAML (default: bundled)")
    ask.add_argument("--json", action="store_true", help="one JSON object per turn")
    ask.add_argument(
        "--jsonl",
        action="store_true",
        help="read conversations from stdin, one JSON array of turns per line; each line's "
        "replies are written as they are produced",
    )
    ask.add_argument("turns", nargs="*", metavar="TURN")

    chat = sub.add_parser("chat", help="chat in the terminal (no Telegram)")
    chat.add_argument("--knowledge", metavar="FILE")

    run = sub.add_parser("run", help="run on Telegram (needs TELEGRAM_BOT_TOKEN)")
    run.add_argument("--knowledge", metavar="FILE")

    check = sub.add_parser("check", help="validate a knowledge file and list every problem")
    check.add_argument("file")

    imp = sub.add_parser("import", help="turn a notice text into a knowledge file")
    imp.add_argument("notice")
    imp.add_argument("-o", "--output", required=True)

    rep = sub.add_parser("report", help="most frequent unanswered questions")
    rep.add_argument("--log", metavar="FILE")
    rep.add_argument("--top", type=int, default=20)
    return p


def _knowledge_path(arg: str | None) -> str | None:
    """--knowledge, else CALLBOT_KNOWLEDGE (environment or .env), else None: the bundled file."""
    from bot.config import Config

    return arg or Config.from_env().knowledge


def _load(path: str | None):
    from knowledge import KnowledgeError, load_bundled, load_knowledge

    try:
        return load_knowledge(path) if path else load_bundled()
    except KnowledgeError as exc:
        print(f"callbot: invalid knowledge file: {exc.problems[0]}", file=sys.stderr)
        for problem in exc.problems[1:10]:
            print(f"  {problem}", file=sys.stderr)
        if len(exc.problems) > 10:
            print(f"  … and {len(exc.problems) - 10} more", file=sys.stderr)
        raise SystemExit(EXIT_INVALID_KNOWLEDGE) from None


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.engine import Engine

    if args.jsonl and args.turns:
        print("callbot: give TURNs or --jsonl, not both", file=sys.stderr)
        return EXIT_USAGE
    if not args.jsonl and not args.turns:
        print("callbot: ask needs at least one TURN (or --jsonl)", file=sys.stderr)
        return EXIT_USAGE
    try:  # refuse bad TURNs before loading anything
        turns = check_turns(args.turns, "TURN")
        stdin = binary_stdin(sys.stdin) if args.jsonl else None
    except AskInputError as exc:
        print(f"callbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    knowledge = _load(_knowledge_path(args.knowledge))
    engine = Engine(knowledge)
    out = sys.stdout
    if stdin is not None:
        try:
            for n, conversation in read_conversations(stdin):
                _write_conversation(engine, conversation, ("jsonl", n), out)
        except AskInputError as exc:
            print(f"callbot: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return EXIT_OK
    replies = [engine.ask(t, "cli") for t in turns]
    if args.json:
        for r in replies:
            out.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    else:
        out.write("\n\n".join(r.text for r in replies) + "\n")
    return EXIT_OK


def _write_conversation(engine: Engine, turns: list[str], session: tuple, out: TextIO) -> None:
    """One --jsonl output line, each reply written as soon as it exists: the same text as
    ``json.dumps(replies)``, without holding all the replies of a long conversation at once."""
    out.write("[")
    try:
        for i, turn in enumerate(turns):
            if i:
                out.write(", ")
            out.write(json.dumps(engine.ask(turn, session).to_json(), ensure_ascii=False))
    finally:
        engine.contexts.forget(session)
    out.write("]\n")
    out.flush()


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.chat import run_chat
    from bot.engine import Engine

    knowledge = _load(_knowledge_path(args.knowledge))
    engine = Engine(knowledge)
    engine.prepare()
    return run_chat(engine)


def cmd_run(args: argparse.Namespace) -> int:
    from bot.config import Config

    config = Config.from_env()
    if not config.token:
        print(
            "callbot: TELEGRAM_BOT_TOKEN is not set; starting the terminal chat instead.",
            file=sys.stderr,
        )
        return cmd_chat(args)
    knowledge_path = args.knowledge or config.knowledge
    _load(knowledge_path)  # fail early, with the file's own message
    from handlers.app import run_telegram

    return run_telegram(config, knowledge_path)


def cmd_check(args: argparse.Namespace) -> int:
    from knowledge import KnowledgeError
    from knowledge.loader import parse_knowledge_bytes, read_knowledge_bytes

    try:
        # Read once, with the loader's limits (regular file, size cap); the TODO scan below
        # looks at these same bytes instead of opening the path a second time.
        raw = read_knowledge_bytes(args.file)
        k = parse_knowledge_bytes(raw, args.file)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{len(exc.problems)} problem(s) in {args.file}")
        return EXIT_INVALID_KNOWLEDGE
    todo = _todo_lines(raw)
    if todo:
        shown = ", ".join(str(n) for n in todo[:12]) + (" …" if len(todo) > 12 else "")
        print(
            f"{args.file}: {len(todo)} line(s) still marked TODO (lines {shown}); the bot "
            "answers, but those names and aliases are placeholders"
        )
    print(
        f"{args.file}: OK — {len(k.calls)} calls, {len(k.directions)} directions, "
        f"{len(k.partners)} partners, {len(k.topics)} topics"
    )
    return EXIT_OK


def _todo_lines(raw: bytes) -> list[int]:
    """Lines of an already validated (so UTF-8, size-capped) file that still say TODO."""
    return [n for n, line in enumerate(raw.split(b"\n"), 1) if b"TODO" in line]


def cmd_import(args: argparse.Namespace) -> int:
    try:
        from noticeimport.importer import main as import_main
    except ImportError:
        print("callbot: import is not available in this build", file=sys.stderr)
        return EXIT_USAGE
    return import_main(args.notice, args.output)


def cmd_report(args: argparse.Namespace) -> int:
    try:
        from bot.unanswered import main as report_main
    except ImportError:
        print("callbot: report is not available in this build", file=sys.stderr)
        return EXIT_USAGE
    return report_main(args.log, args.top)


def main(argv: Sequence[str] | None = None) -> int:
    from bot.config import Config, ConfigError, load_env_file

    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # .env first, for every command: settings read outside Config (CALLBOT_CACHE_DIR, read
        # when the vocabulary is imported, before any command looks at its settings) see it too
        load_env_file()
        if not argv:  # the token may be in .env: read it before choosing
            argv = ["run"] if Config.from_env().token else ["chat"]
    except ConfigError as exc:
        print(f"callbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    args = _parser().parse_args(argv)
    commands = {
        "ask": cmd_ask,
        "chat": cmd_chat,
        "run": cmd_run,
        "check": cmd_check,
        "import": cmd_import,
        "report": cmd_report,
    }
    if args.command not in commands:
        _parser().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return commands[args.command](args)
    except ConfigError as exc:  # a setting that cannot be used: one line naming it
        print(f"callbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
