"""Split a Telegram HTML reply into messages of at most ``limit`` characters.

Cuts fall on line boundaries when possible, then on spaces, and only then anywhere between two
characters. A cut never falls inside a tag or an entity (``&amp;``), and tags open at a cut are
closed at the end of one part and reopened at the start of the next, so every part is valid HTML
on its own. Lengths are counted in UTF-16 code units over the raw HTML (tags included), which is
never less than what Telegram counts after parsing, so every part is accepted.
"""

from __future__ import annotations

import re

TELEGRAM_LIMIT = 4096

_ATOM = re.compile(
    r"<[^<>]*>|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});|.", re.DOTALL
)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _tag(atom: str) -> tuple[str, bool] | None:
    """(name, is_closing) for a tag atom, None for text."""
    if len(atom) < 3 or atom[0] != "<":
        return None
    m = _TAG_NAME.match(atom)
    if not m:
        return None
    return m.group(1).lower(), atom.startswith("</")


def _closers(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _openers(stack: list[tuple[str, str]]) -> str:
    return "".join(opening for _, opening in stack)


def _apply(stack: list[tuple[str, str]], atom: str) -> None:
    tag = _tag(atom)
    if tag is None:
        return
    name, closing = tag
    if not closing:
        stack.append((name, atom))
        return
    for i in range(len(stack) - 1, -1, -1):
        if stack[i][0] == name:
            del stack[i:]
            return


def _is_visible(part: str) -> bool:
    return any(_tag(a) is None and not a.isspace() for a in _ATOM.findall(part))


def _find_cut(atoms: list[str], limit: int) -> tuple[int, int, list[tuple[str, str]]]:
    """Where to cut ``atoms`` so the head fits: (cut index, atoms to skip, stack at the cut).

    The last line break wins when it keeps at least half a message, then the last space, then
    whichever break comes last, then a cut between two atoms.
    """
    stack: list[tuple[str, str]] = []
    closing = 0  # length of the closing tags the stack needs
    length = 0
    line = space = None
    for i, atom in enumerate(atoms):
        if atom in ("\n", " ") and i > 0:
            mark = (length, (i, 1, list(stack)))
            if atom == "\n":
                line = mark
            else:
                space = mark
        length += utf16_len(atom)
        tag = _tag(atom)
        after = stack
        if tag is not None:
            after = list(stack)
            _apply(after, atom)
            closing = utf16_len(_closers(after))
        if length + closing > limit:
            for mark in (line, space):
                if mark is not None and mark[0] >= limit // 2:
                    return mark[1]
            marks = [m for m in (line, space) if m is not None]
            if marks:
                return max(marks, key=lambda m: m[0])[1]
            return max(i, 1), 0, stack
        stack = after
    return len(atoms), 0, stack


def split_message(html: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The reply as one or more valid HTML messages, each at most ``limit`` UTF-16 units."""
    if limit < 64:
        raise ValueError("limit too small to hold a message and its tags")
    parts: list[str] = []
    rest = html.strip()
    while utf16_len(rest) > limit:
        atoms = _ATOM.findall(rest)
        cut, skip, stack = _find_cut(atoms, limit)
        head = "".join(atoms[:cut]).rstrip() + _closers(stack)
        tail = "".join(atoms[cut + skip :]).lstrip()
        if _is_visible(head):
            parts.append(head)
        new_rest = _openers(stack) + tail
        if new_rest == rest:  # cannot make progress (a single tag longer than the limit)
            break
        rest = new_rest
    if not parts or _is_visible(rest):
        parts.append(rest)
    return parts
