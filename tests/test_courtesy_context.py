"""A sentence of context before the question that asks nothing and names nothing of the notice
is dropped like a sentence about the asker, whatever measure or time words it holds; a short
sentence, a sentence that asks, or one that states a condition on a figure is kept."""

from __future__ import annotations

import pytest

from bot.engine import Engine


def ask(engine: Engine, *turns: str) -> dict:
    chat = ("context", turns[0])
    reply = None
    for text in turns:
        reply = engine.ask(text, chat).to_json()
    return reply


@pytest.mark.parametrize(
    ("wrapped", "plain"),
    [
        ("我们上一个项目的周期拖成了原来的三倍。中意方向经费多少？", "中意方向经费多少？"),
        (
            "我們上一個項目的經費管理非常複雜，報銷拖了很久。中芬方向支持幾個項目？",
            "中芬方向支持幾個項目？",
        ),
        (
            "Last year our budget was tight and the whole project took far too long. "
            "How many projects does Spain fund?",
            "How many projects does Spain fund?",
        ),
    ],
)
def test_a_silent_sentence_before_the_question_changes_nothing(
    engine: Engine, wrapped: str, plain: str
):
    got, want = ask(engine, wrapped), ask(engine, plain)
    assert (got["intent"], got["programs"]) == (want["intent"], want["programs"])
    assert got["text"] == want["text"]


def test_a_short_sentence_before_a_follow_up_is_kept(engine: Engine):
    reply = ask(engine, "总经费。中芬呢？")
    assert reply["intent"] == "budget"
    assert reply["programs"] == ["intl-1.6"]


def test_a_condition_on_a_figure_is_kept(engine: Engine):
    reply = ask(
        engine,
        "Our client wants more than 12 projects in one direction for his consortium plans. "
        "Which directions qualify?",
    )
    plain = ask(engine, "Which directions fund more than 12 projects?")
    assert reply["programs"] == plain["programs"] != []
    assert reply["intent"] == plain["intent"] != "overview"
