"""Comparisons and averages (fc45/fc46), each kind on messages other than the set's own: two
sums then "哪边多" (the sums compared, the side with more), a measure of one direction then
"和X比谁高" (compared in that measure, not "not sure"), and "平均每个项目能拿到多少国拨经费"
(the average: the state's money is the average's, no total asked beside it)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check

GREETING = "老师您好！"
THANKS = " 谢谢！"
CONTEXT = "我们课题组做材料研究好几年了。"


def _wrapped(message: str) -> tuple[str, ...]:
    return (message, GREETING + message + THANKS, CONTEXT + message)


@pytest.mark.parametrize(
    ("message", "programs"),
    [
        (
            "南非两个方向合计经费多少？韩国两个方向合计又是多少？哪一边多？",
            ["intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3"],
        ),
        (
            "韓國兩個方向加起來項目數多少？南非兩個方向加起來又是多少？哪邊更多？",
            ["intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3"],
        ),
        (
            "Both Korea directions together, how much? And both South Africa directions together? "
            "Which side is more?",
            ["intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3"],
        ),
    ],
)
def test_two_sums_then_which_side_is_more(
    engine: Engine, message: str, programs: list[str]
) -> None:
    for wrapped in _wrapped(message):
        check(engine, (wrapped,), "compare", programs)


@pytest.mark.parametrize(
    "message",
    [
        "以色列项目平均每个项目资助多少？和中意项目比谁高？",
        "中以項目總經費多少？同中意項目比誰多？",
    ],
)
def test_a_measure_of_one_then_who_is_higher(engine: Engine, message: str) -> None:
    for wrapped in _wrapped(message):
        check(engine, (wrapped,), "compare", ["intl-1.9", "intl-1.2"])


@pytest.mark.parametrize(
    "message",
    [
        "中以政府间科技合作项目平均每个项目能拿到多少国拨经费？",
        "中以項目平均每個項目可以拿到多少國撥經費？",
        "中以项目平均每项国拨经费多少？",
        "How much national funding does each China-Israel project get on average?",
    ],
)
def test_the_state_money_of_one_project_is_the_average(engine: Engine, message: str) -> None:
    for wrapped in _wrapped(message):
        check(engine, (wrapped,), "average", ["intl-1.9"])


def test_the_total_and_the_average_asked_together_stay_the_card(engine: Engine) -> None:
    check(engine, ("中以项目国拨经费多少，平均每项多少？",), "detail", ["intl-1.9"])


@pytest.mark.parametrize(
    "message",
    [
        "哪些方向明确支持交通相关研究？",
        "哪些方向明確資助交通有關的研究？",
        "Which directions explicitly fund transport-related research?",
    ],
)
def test_explicit_support_of_related_research_is_the_subject(engine: Engine, message: str) -> None:
    # the research on the subject, however the fields word it: every direction on transport
    every = ask(engine, "哪些方向支持交通研究？")["programs"]
    for wrapped in _wrapped(message):
        check(engine, (wrapped,), "topic", every)


def test_the_words_written_explicitly_stay_literal(engine: Engine) -> None:
    every = set(ask(engine, "哪些方向支持交通研究？")["programs"])
    literal = set(ask(engine, "哪些方向明确写了交通？")["programs"])
    assert literal and literal < every


@pytest.mark.parametrize(
    "message",
    [
        "以色列和意大利两个方向加起来总经费多少？西班牙和芬兰两个方向加起来又是多少？哪边多？",
        "以色列和意大利加起來幾個項目？西班牙和芬蘭一共又是幾個？哪個多？",
        "Israel and Italy together, how much? Spain and Finland together? Which side is more?",
    ],
)
def test_two_sums_asked_in_two_sentences_are_the_two_sides(engine: Engine, message: str) -> None:
    for wrapped in _wrapped(message):
        reply = check(
            engine, (wrapped,), "compare", ["intl-1.9", "intl-1.2", "intl-1.3", "intl-1.6"]
        )
        assert reply["query"]["groups"] == [["intl-1.9", "intl-1.2"], ["intl-1.3", "intl-1.6"]]
