"""What the query tests share: asking a conversation of turns, and the checks many of them make
of its last reply."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from bot.engine import Engine


def ask_on(engine: Engine, session: Hashable, *turns: str) -> dict:
    """The reply to the last of ``turns``, asked in order in ``session``, which keeps their
    context for whatever is asked in it next."""
    reply = {}
    for t in turns:
        reply = engine.ask(t, session).to_json()
    return reply


def ask(engine: Engine, *turns: str) -> dict:
    """The reply to the last of ``turns``, asked in order in a session of their own (forgotten
    after, so asking the same turns again starts afresh)."""
    session = ("ask", turns)
    reply = ask_on(engine, session, *turns)
    engine.contexts.forget(session)
    return reply


def expect(
    reply: dict,
    intent: str,
    programs: list[str] | None = None,
    has: Iterable[str] = (),
    in_order: bool = False,
) -> dict:
    """Check that ``reply`` is of ``intent``, names just the directions ``programs`` (in any
    order, or in this one with ``in_order``; not checked when None) and says each of ``has``; it
    is returned for further checks."""
    assert reply["intent"] == intent, reply
    if programs is not None and in_order:
        assert reply["programs"] == programs, reply
    elif programs is not None:
        assert sorted(reply["programs"]) == sorted(programs), reply
    for h in has:
        assert h in reply["text"], (h, reply["text"])
    return reply


def check(
    engine: Engine,
    turns: tuple[str, ...],
    intent: str,
    programs: list[str] | None = None,
    has: Iterable[str] = (),
) -> dict:
    """``expect`` of the reply to ``turns``."""
    return expect(ask(engine, *turns), intent, programs, has)


# figures of the notice that must not be given as the answer to an aspect it does not give
FIGURES = ("万元", "萬元", "CNY")


def expect_missing(
    reply: dict, missing: str, notion: str | None = None, programs: list[str] | None = None
) -> dict:
    """Check that ``reply`` says the notice does not give the aspect ``missing`` (and names
    ``notion``, when given) without any of its figures, for just the directions ``programs``
    (not checked when None); it is returned for further checks."""
    assert reply["intent"] == "unknown", reply["text"]
    assert missing in reply["query"].get("missing", []), reply["query"]
    if notion:
        assert notion in reply["query"].get("notions", []), reply["query"]
    assert not any(f in reply["text"] for f in FIGURES), reply["text"]
    if programs is not None:
        assert sorted(reply["programs"]) == sorted(programs), reply["programs"]
    return reply


def expect_related(reply: dict, figure: str) -> dict:
    """Check that ``reply`` says an aspect is not given and still gives ``figure``, asked in a
    clause of its own, as related."""
    assert reply["intent"] == "unknown", reply["text"]
    assert reply["query"].get("related"), reply["query"]
    assert figure in reply["text"], reply["text"]
    return reply


def expect_same_missing(plain: dict, wrapped: dict) -> None:
    """Check that a question wrapped in courtesy or context misses what it misses alone."""
    assert plain["intent"] == wrapped["intent"] == "unknown", (plain["text"], wrapped["text"])
    assert plain["query"].get("missing") == wrapped["query"].get("missing")


# a question wrapped in a greeting, thanks or a sentence about the asker: the same question
WRAPS = ["您好！{}", "{}谢谢！", "Hi there, we are a team from Shanghai. {}"]
