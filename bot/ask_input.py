"""Bounded reading of the turns given to ``callbot ask``: TURN arguments and ``--jsonl`` lines.

Every input is refused with one line saying why (``AskInputError``, a usage error: exit 2)
before the engine sees it, and nothing here holds more than one bounded line in memory, so a
hostile stdin (a 10 MB line, invalid UTF-8, 100,000 nested brackets) costs no more than a
normal one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO, TextIO

MAX_LINE_BYTES = 1_000_000  # one conversation per line; 1,000 turns of Telegram size fit
MAX_TURNS = 1_000  # a conversation longer than this is not a conversation
MAX_TURN_CHARS = 4_096  # Telegram's own limit for one message: the bot never sees more

LIMITS_HELP = (
    f"limits: at most {MAX_TURNS:,} turns per conversation, {MAX_TURN_CHARS:,} characters per "
    f"turn, {MAX_LINE_BYTES:,} bytes per --jsonl line; input beyond them, or that is not "
    "UTF-8 text, is refused (exit 2)"
)

_SURROGATE = re.compile("[\ud800-\udfff]")
_BOM = b"\xef\xbb\xbf"


class AskInputError(ValueError):
    """Input that ``callbot ask`` refuses; the message is one line, ready for stderr."""


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def check_turns(turns: list[object], label: str = "turn") -> list[str]:
    """``turns`` if it is a conversation the engine may be given, else AskInputError.

    ``label`` names a turn in messages ("turn 3", "TURN 3"). A lone surrogate is what invalid
    UTF-8 in argv (or a ``"\\ud800"`` escape in JSON) becomes; it cannot be written back out.
    """
    if len(turns) > MAX_TURNS:
        raise AskInputError(f"{len(turns):,} turns; at most {MAX_TURNS:,} per conversation")
    for n, turn in enumerate(turns, 1):
        if not isinstance(turn, str):
            raise AskInputError(f"{label} {n} is {_kind(turn)}, not a string")
        if len(turn) > MAX_TURN_CHARS:
            raise AskInputError(
                f"{label} {n} has {len(turn):,} characters; at most {MAX_TURN_CHARS:,}"
            )
        if _SURROGATE.search(turn):
            raise AskInputError(f"{label} {n} is not valid UTF-8 / Unicode text")
    return turns  # type: ignore[return-value]  # every item was checked to be a str


def parse_line(raw: bytes) -> list[str] | None:
    """One ``--jsonl`` line (without its newline): the conversation, None for a blank line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AskInputError(f"not valid UTF-8 (bad byte at offset {exc.start})") from None
    if not text.strip():
        return None
    try:
        value = json.loads(text)
    except RecursionError:
        raise AskInputError("nested too deeply; expected a flat JSON array of strings") from None
    except ValueError as exc:  # JSONDecodeError, and ints past Python's digit limit
        raise AskInputError(f"not JSON ({exc})") from None
    if isinstance(value, str):  # one bare turn is a one-turn conversation
        value = [value]
    if not isinstance(value, list):
        raise AskInputError(f"expected a JSON array of turns (strings), got {_kind(value)}")
    return check_turns(value)


def read_conversations(stream: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    """(line number, turns) for each non-blank line of ``stream``.

    Reads at most MAX_LINE_BYTES + 1 bytes at a time, so an endless line is refused after 1 MB
    instead of being read into memory. Errors carry "stdin line N:".
    """
    n = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 2)  # room for the content, "\r" and "\n"
        if not raw:
            return
        n += 1
        body = raw[:-1] if raw.endswith(b"\n") else raw
        body = body[:-1] if body.endswith(b"\r") else body
        if len(body) > MAX_LINE_BYTES:
            raise AskInputError(
                f"stdin line {n}: longer than {MAX_LINE_BYTES:,} bytes (the limit for one "
                "conversation)"
            )
        if n == 1 and body.startswith(_BOM):
            body = body[len(_BOM) :]
        try:
            turns = parse_line(body)
        except AskInputError as exc:
            raise AskInputError(f"stdin line {n}: {exc}") from None
        if turns is not None:
            yield n, turns


class _TextAsBinary:
    """A text stream (a test's StringIO) read through the binary interface."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def readline(self, limit: int = -1) -> bytes:
        return self._stream.readline(limit).encode("utf-8", "surrogateescape")


def binary_stdin(stdin: TextIO | None) -> BinaryIO:
    """The bytes behind ``sys.stdin``; AskInputError when there is no standard input."""
    if stdin is None:
        raise AskInputError("--jsonl reads standard input, and there is none")
    buffer = getattr(stdin, "buffer", None)
    return buffer if buffer is not None else _TextAsBinary(stdin)  # type: ignore[return-value]
