"""Rankings and filters added after fc36-fc39 were scored, each on messages other than the sets'
own: a price word as the end of an ordinal ("第三便宜", "the third cheaper"), a learner's "less of"
as "less than"."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import check


@pytest.mark.parametrize(
    "message",
    [
        "Which is the third cheaper direction in total budget?",
        "总经费第三便宜的是哪个方向？",
        "邊個方向總經費第三平？",
        "Hello! Which is the third cheapest direction by total? Thanks",
    ],
)
def test_third_cheapest_is_third_lowest(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-2.0"])


def test_second_most_expensive_is_second_highest(engine: Engine) -> None:
    check(
        engine,
        ("the second more expensive direction?",),
        "rank",
        ["intl-1.3", "intl-1.6", "intl-2.5"],
    )


@pytest.mark.parametrize(
    "message",
    [
        "Which directions have less of CNY 5 millions in total?",
        "Hi, I am from Peru. Which directions give less of 5 million in total? Thank you",
    ],
)
def test_less_of_is_less_than(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-2.3", "intl-2.4"])


@pytest.mark.parametrize(
    "message", ["总经费少于500万的方向有哪些？", "總經費少過500萬嘅方向有邊啲？"]
)
def test_below_five_million_in_chinese(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-2.3", "intl-2.4"])
