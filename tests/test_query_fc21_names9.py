"""Which directions a message means (fc21/fc22, i8-names9): an input method's homophone slip is
the place it sounds like (俄螺丝); a call set aside by a set-aside word that ends the message
("（港澳台那个不算）") leaves a filter over the other call; a bracketed gloss ("（非旗舰）") tells
its own name apart and sets nothing aside that the message names again; questions relayed side
by side, each with its own direction and measure, are all answered; "does it only fund X, any
other fields?" after one direction is its fields; a narrow topic written beside the broad one it
belongs to (农产品 + 真实性鉴别) or applied to it ("… for food") is the narrow one. Each on
messages other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

CASES = [
    # a homophone slip of the input method names the place it sounds like
    (("俄螺丝那个方向资助哪些领域？",), "fields", ["intl-2.5"], []),
    (("俄螺絲嗰個方向總經費幾多？",), "budget", ["intl-2.5"], ["6000"]),
    (("以色利那个方向支持几个项目",), "count", ["intl-1.9"], ["10"]),
    # a call set aside at the end of the message: the filter keeps to the other call
    (
        ("平均每项200万的方向有哪些（港澳台那个不算）",),
        "rank",
        ["intl-1.2", "intl-1.9", "intl-2.2"],
        [],
    ),
    (
        ("總經費係3000萬嘅方向有邊啲？港澳台嗰個不算",),
        "rank",
        ["intl-1.1", "intl-1.5", "intl-2.2"],
        [],
    ),
    # a bracketed gloss tells its name apart; the other direction named again is still asked
    (
        ("南非联合研究（非旗舰）、南非旗舰和中德三个方向一共多少个项目？",),
        "count",
        ["intl-2.2", "intl-2.3", "intl-1.8"],
        ["21"],
    ),
    (
        ("中南非聯合研究（非旗艦）同中南非旗艦，兩個方向一共幾多個項目？",),
        "count",
        ["intl-2.2", "intl-2.3"],
        ["16"],
    ),
    # questions relayed side by side, each about its own direction
    (
        (
            "我替两位老师问一下：张老师做海水淡化，想问中以联合研究总经费多少；刘老师做燃料电池，"
            "想问中德项目总经费多少。",
        ),
        "budget",
        ["intl-1.9", "intl-1.8"],
        ["2000"],
    ),
    (
        ("陳教授做水處理，想了解中以平均每項幾多錢；林博士做氫能，想了解中德平均每項多少。",),
        "average",
        ["intl-1.9", "intl-1.8"],
        ["200", "400"],
    ),
    (
        (
            "Professor Wang works on water and wants to know the total of China-Israel; "
            "Professor Li works on grassland and wants to know the total of China-Argentina.",
        ),
        "budget",
        ["intl-1.9", "intl-2.4"],
        ["20 million", "2 million"],
    ),
    # "does it only fund X, any other fields?" after one direction: its fields
    (("中以项目介绍一下", "它只做水技术吗？还有别的领域没有"), "fields", ["intl-1.9"], []),
    (("中德計畫介紹一下", "佢只資助氫能嗎？有冇其他領域？"), "fields", ["intl-1.8"], []),
    (
        ("Tell me about the China-Germany direction", "Does it only fund hydrogen? Other fields?"),
        "fields",
        ["intl-1.8"],
        [],
    ),
    # a narrow topic beside the broad one it belongs to, or applied to it
    (("我们团队做农产品掺假检测，有对口的方向吗？",), "topic", ["intl-2.4"], []),
    (("我哋做農產品真實性鑑別，有冇合適嘅方向？",), "topic", ["intl-2.4"], []),
    (
        ("We work on authenticity testing of agricultural products, which direction fits?",),
        "topic",
        ["intl-2.4"],
        [],
    ),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_which_directions_a_message_means(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str], has: list[str]
) -> None:
    expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(
    "text",
    [
        "除了欧盟旗舰，其他政府间方向加起来一共多少钱",
        "除咗歐盟旗艦，其他政府間方向加埋一共幾多錢",
    ],
)
def test_sum_of_the_rest_still_a_sum(engine: Engine, text: str) -> None:
    """A set-aside without a filter is still the sum of the rest (the filter guard is narrow)."""
    reply = ask(engine, text)
    assert "sum_of_the_rest" in reply["rules"], reply
    assert "intl-1.4" not in reply["programs"], reply


@pytest.mark.parametrize(
    "turns",
    [
        ("中德多少钱", "它支持氢能吗"),
        ("Tell me about the China-Israel direction", "does it cover vaccines?"),
    ],
)
def test_yes_no_of_one_direction_unchanged(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == "fields", reply
    assert len(reply["programs"]) == 1, reply


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("我们课题组做海洋科学，和澳门的大学有合作基础，有没有对口的方向？", ["hmt-1.1"]),
        ("我哋做水處理，同以色列嘅大學有合作，有冇合適嘅方向？", ["intl-1.9"]),
        (
            "We work on hydrogen and collaborate with German partners. Which direction fits?",
            ["intl-1.8"],
        ),
    ],
)
def test_topic_of_partner_worked_with(engine: Engine, text: str, programs: list[str]) -> None:
    """A topic and a partner the asker works with, then a question seeking directions: the
    topic's answer over that partner's directions."""
    expect(ask(engine, text), "topic", programs, in_order=True)


@pytest.mark.parametrize(
    "text",
    [
        "我哋喺澳門做海洋研究，邊個方向支持海洋科學？",
        "We are in Macao. Which directions fund marine science?",
    ],
)
def test_place_of_the_asker_narrows_no_topic(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "topic", reply
    assert len(reply["programs"]) > 1, reply
