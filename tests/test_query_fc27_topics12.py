"""Topics in long messages and follow-ups over a topic answer (fc27/fc28, i8-topics12): the
directions sought on a topic with a figure asked in a sentence of its own, after context that
names the asker's partners (the partners say whom the asker works with, a call named where the
directions are sought is their scope), each direction with the figure; an aspect the notice
lacks named before a colon ("我在整理申报材料：…") is what the asker is doing, not the question.
Each on messages other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

AI = ["intl-1.1", "intl-1.2", "intl-2.2", "intl-2.5"]
MARINE = ["intl-2.2", "intl-2.5", "hmt-1.1"]

CASES = [
    # the topic's directions, each with the figure asked, partners named before as context
    (
        (
            "我们课题组做膜分离，和西班牙、以色列的大学都有合作。请问政府间专项里哪些方向涉及水处理？"
            "这些方向平均每项资助多少？",
        ),
        "topic",
        ["intl-1.3", "intl-1.9"],
        ["300", "200"],
    ),
    (
        (
            "我們實驗室做人工智能，跟俄羅斯、南非的高校都有聯繫。資助領域裡寫了人工智能的是哪幾個方向？"
            "每個方向平均每項資助多少？",
        ),
        "topic",
        AI,
        ["300", "200"],
    ),
    (
        (
            "Our lab works on fuel cells and we collaborate with RWTH Aachen and a Korean "
            "institute. Which directions include fuel cells? What is the total budget of each?",
        ),
        "budget",
        ["intl-1.8", "intl-2.1"],
        ["20 million", "15 million"],
    ),
    (
        ("學校海洋團隊想找合作方向。哪些方向（包括港澳台那個）資助海洋研究？各自支持幾個項目？",),
        "count",
        MARINE,
        ["15", "20"],
    ),
    (
        (
            "老师们好，我们和意大利、欧洲的高校都有合作。请问哪些方向提到人工智能？"
            "这些方向各自支持几个项目？",
        ),
        "count",
        AI,
        ["10", "15", "20"],
    ),
    # a call named where the directions are sought keeps them to that call
    (("政府间专项里哪些方向涉及海洋？各自支持几个项目？",), "count", ["intl-2.2", "intl-2.5"], []),
    # an aspect the notice lacks named before a colon: the topic is asked
    (("我在准备申报材料：哪些方向提到了疫苗？",), "topic", ["intl-1.9", "intl-2.5"], []),
    (
        ("我在準備申報材料：哪些方向的資助領域裡提到了氫能？",),
        "topic",
        ["intl-1.8", "intl-2.1", "intl-2.3"],
        [],
    ),
    (
        ("I am preparing the application documents: which directions mention marine science?",),
        "topic",
        MARINE,
        [],
    ),
    # the aspect asked alone stays unknown
    (("申报材料需要哪些？",), "unknown", [], []),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_topics_in_long_messages(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str], has: list[str]
) -> None:
    expect(ask(engine, *turns), intent, programs, has)
