"""The README's example questions are real answers: each shown line of a reply is what the bot
says today (a "…" line stands for lines left out)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def _examples() -> list[tuple[list[str], list[str]]]:
    """(turns, shown reply lines) of each "› question" of the example block; "a → b" is one
    conversation of several turns."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Example questions.*?```text\n(.*?)```", text, re.S)
    assert block, "README has no example block"
    out: list[tuple[list[str], list[str]]] = []
    for chunk in block.group(1).strip().split("\n\n"):
        first, *shown = chunk.splitlines()
        assert first.startswith("› "), chunk
        out.append(([t.strip() for t in first[2:].split(" → ")], shown))
    return out


EXAMPLES = _examples()


def test_the_readme_shows_examples():
    assert len(EXAMPLES) >= 8


_FOLLOW_UP = ("那", "and ", "And ")


def _conversation(n: int) -> list[str]:
    """The turns asked before example ``n`` in its chat: an example that opens with a follow-up
    ("那德国呢？") continues the one shown before it; every other example starts a new chat."""
    before: list[str] = []
    while n > 0 and EXAMPLES[n][0][0].startswith(_FOLLOW_UP):
        n -= 1
        before = [*EXAMPLES[n][0], *before]
    return before


@pytest.mark.parametrize("n", range(len(EXAMPLES)))
def test_readme_example_is_the_answer_given(engine, n):
    session = ("readme", n)
    for t in _conversation(n):
        engine.ask(t, session)
    turns, shown = EXAMPLES[n]
    said = [engine.ask(t, session).text for t in turns]
    engine.contexts.forget(session)
    reply = "\n".join(said)
    for line in shown:
        if line.strip() not in ("…", ""):
            assert line in reply, f"README shows {line!r} for {turns}; the bot says:\n{reply}"
