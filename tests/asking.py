"""What the query tests share: asking a conversation of turns, and the checks many of them make
of its last reply."""

from __future__ import annotations

from collections.abc import Hashable

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
