"""Kinds of message fc7 and fc8 found, asserted on messages other than the sets' own. Each
helper's tests sit in a class named after its branch, to keep merges easy."""

from __future__ import annotations

import pytest

from bot import intents as L
from bot.engine import Engine


class TestPaths:
    """One answer path: a button (``ask_about``) runs a Query through execute like a message."""

    @pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
    @pytest.mark.parametrize("intent", [L.BUDGET, L.COUNT, L.AVERAGE, L.DETAIL, L.FIELDS])
    def test_a_button_runs_a_query(self, knowledge, intent, lang):
        d = knowledge.directions[0]
        reply = Engine(knowledge).ask_about(intent, [d.id], "b", lang)
        assert reply.query is not None and reply.query["op"] == "show"
        assert reply.query["intent"] == intent and reply.query["groups"] == [[d.id]]
        assert "asked_about" in reply.rules

    @pytest.mark.parametrize(
        ("follow_up", "lang"),
        [("它的经费呢", "zh-Hans"), ("佢有幾多個項目", "zh-Hant"), ("and its budget?", "en")],
    )
    def test_a_message_after_a_button_reads_its_direction(self, knowledge, follow_up, lang):
        d = knowledge.directions[1]
        engine = Engine(knowledge)
        engine.ask_about(L.DETAIL, [d.id], "b", lang)
        assert engine.ask(follow_up, "b").programs == [d.id]

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("中德方向的经费是多少", "zh-Hans"),
            ("中德方向嘅經費係幾多", "zh-Hant"),
            ("budget of Germany?", "en"),
        ],
    )
    def test_a_button_answers_as_the_same_question_typed(self, knowledge, text, lang):
        """Same Query, same execute: the budget button and the typed question agree."""
        typed = Engine(knowledge).ask(text, "t")
        assert typed.intent == L.BUDGET and typed.programs == ["intl-1.8"]
        pressed = Engine(knowledge).ask_about(L.BUDGET, ["intl-1.8"], "b", typed.lang)
        assert pressed.html == typed.html and typed.lang == lang
