"""Shapes of message (fc29, i8-shapes13): several aspects of one direction listed after a
context that names other partners (each aspect of the list is asked, not only the last
clause's); a run-on "经费多少支持几个项目" asks no difference; "each" of a sentence about the
asker ("三个团队分别对接…") leaves a sameness check a comparison; one direction pointed at by
its figures ("有一个经费300万、只补助1件的…") is that direction, not a filter. Each on messages
other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

CASES = [
    # several aspects after a context naming other partners: the direction's detail
    (
        "我们和西班牙、意大利都有合作，这次先看西班牙这个方向：1. 最多支持几个项目？"
        "2. 平均每项多少？3. 实施周期几年？",
        "detail",
        ["intl-1.3"],
        ["20", "300"],
    ),
    (
        "我們跟以色列有合作，原本也想找德國，但德國那個只做氫能。想了解中以聯合研究：總經費、"
        "支持幾個項目、平均每項多少，以及資助哪些領域？",
        "detail",
        ["intl-1.9"],
        ["2000", "10", "200"],
    ),
    (
        "We know people in Germany and Finland, but Finland fits us better. For the Finland "
        "direction: 1. how many projects at most? 2. average per project? 3. how many years?",
        "detail",
        ["intl-1.6"],
        ["15", "4 million"],
    ),
    # a run-on list of figures of each track of a flagship: the detail, no difference
    (
        "中欧旗舰计划食品农业生物技术领域经费多少支持几个项目平均多少另外气候变化领域又分别是多少",
        "detail",
        ["intl-1.4"],
        ["7000", "3500", "6000", "1500"],
    ),
    # "each" of the asker's own sentence: the sameness is still compared
    (
        "我们有两个团队分别对接芬兰和西班牙。这两个方向的总经费是不是一样多？",
        "compare",
        ["intl-1.6", "intl-1.3"],
        [],
    ),
    (
        "我們有兩個團隊分別跟芬蘭和西班牙合作，這兩個方向的總經費一樣嗎？",
        "compare",
        ["intl-1.6", "intl-1.3"],
        [],
    ),
    (
        "Our two groups work respectively with Finland and Spain. Is the total budget of these "
        "two the same?",
        "compare",
        ["intl-1.6", "intl-1.3"],
        [],
    ),
    (
        "我們同俄羅斯、阿根廷都有聯繫，想問阿根廷嗰個：總經費、項目數同平均每項幾多？",
        "detail",
        ["intl-2.4"],
        [],
    ),
    (
        "我校两个团队分别对接芬兰和德国，这两个方向平均每项是不是一样？",
        "compare",
        ["intl-1.6", "intl-1.8"],
        [],
    ),
    # one direction pointed at by its own figures (two that share them: both)
    ("有一个方向3000万、15个项目，平均每项多少？", "average", ["intl-2.2", "hmt-1.1"], ["200"]),
    ("有個方向600萬6個項目，資助咩領域？", "fields", ["intl-2.0"], []),
    (
        "Hello! There is one program with CNY 10 million and about 4 projects. Which country "
        "is it with? Thanks",
        "detail",
        ["intl-1.7"],
        ["Austria"],
    ),
    ("有个方向总经费1000万、支持4个项目，平均每项多少？", "average", ["intl-1.7"], ["250"]),
    ("有一個方向600萬、6個項目，是跟哪個國家的？", "detail", ["intl-2.0"], ["韓國"]),
    (
        "There is one direction with CNY 15 million and 2 projects. What is the average?",
        "average",
        ["intl-2.1"],
        ["7.5 million"],
    ),
]


@pytest.mark.parametrize(("text", "intent", "programs", "has"), CASES)
def test_shapes_of_one_direction(
    engine: Engine, text: str, intent: str, programs: list[str], has: list[str]
) -> None:
    expect(ask(engine, text), intent, programs, has)


@pytest.mark.parametrize(
    "text",
    [
        "总经费600万的方向有哪些",
        "哪些方向只有1个项目",
        "Which directions have CNY 60 million?",
    ],
)
def test_a_filter_stays_a_filter(engine: Engine, text: str) -> None:
    assert ask(engine, text)["intent"] == "rank"
