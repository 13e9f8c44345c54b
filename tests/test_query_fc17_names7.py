"""Which directions a long message means (fc17/fc18, i8-names7): names in a sentence or a
bracketed aside that asks nothing are context when the asking sentence names something; a
Chinese set-aside word closing its clause reaches back, not forward; places said in parallel
(合作方在意大利…；合作方在西班牙) are each asked; "our country" beside a city is that partner; a
partner's tracks listed after it ("joint research and flagship") each count; "not only X" beside
a whole call asks the call; a call set aside leaves the other one; a topic within a call lists
that call's directions; "but which directions fund X" is the topic across directions; names
taken up as "these three" are compared among themselves; "不是问德国" withdraws a name without
setting it aside. Each on messages other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

CASES = [
    # a context sentence names other partners
    (
        ("请问中意科技合作项目平均每项多少钱？我们和西班牙的学校也有合作，以色列那边也感兴趣。",),
        "average",
        ["intl-1.2"],
        ["200"],
    ),
    (("請問中芬計畫支持幾多個項目？我哋同德國嘅大學都有合作。",), "count", ["intl-1.6"], ["15"]),
    (
        (
            "How many projects does the Austria direction fund? Our dean also talked with people "
            "from Israel and Spain.",
        ),
        "count",
        ["intl-1.7"],
        ["4"],
    ),
    # a bracketed aside names another partner, set aside at its end
    (
        ("我们和阿根廷合作做奶制品（意大利那边也有兴趣，但暂不考虑），请问中阿项目一共多少钱？",),
        "budget",
        ["intl-2.4"],
        ["200"],
    ),
    (
        ("我們與阿根廷合作做乳製品（意大利那邊也有興趣，但暫不考慮），請問中阿項目總經費多少？",),
        "budget",
        ["intl-2.4"],
        ["200"],
    ),
    (
        (
            "We work with Helsinki (a German group was also interested, maybe later), what is the "
            "average of the Finland direction?",
        ),
        "average",
        ["intl-1.6"],
        ["4 million"],
    ),
    # two people's partners relayed in parallel, each asked
    (
        (
            "帮两位老师问一下：王老师合作方在意大利；李老师合作方在西班牙。两位分别想知道各自方向的总经费。",
        ),
        "budget",
        ["intl-1.2", "intl-1.3"],
        ["2000", "6000"],
    ),
    (
        (
            "幫兩位老師問：王老師合作方在意大利；李老師合作方在西班牙。兩位分別想知道各自方向的總經費。",
        ),
        "budget",
        ["intl-1.2", "intl-1.3"],
        ["2000", "6000"],
    ),
    (
        (
            "For two colleagues: Dr. Wang has a partner in Italy; Dr. Li has a partner in Spain. "
            "Each wants the total budget of their direction.",
        ),
        "budget",
        ["intl-1.2", "intl-1.3"],
        ["20 million", "60 million"],
    ),
    # "our country" beside a city or institution
    (
        (
            "Hello, I teach at Seoul National University. Our country has two directions here, "
            "right? What is the average of each one?",
        ),
        "average",
        ["intl-2.0", "intl-2.1"],
        ["1 million", "7.5 million"],
    ),
    # a long sentence about where someone works is kept when its city names the partner asked
    # as "our / their country" ("他们国家", "佢哋國家")
    (
        (
            "我的合作伙伴在比勒陀利亚大学工作，研究植物病害很多年了。他们国家的两个方向各有多少"
            "经费？",
        ),
        "budget",
        ["intl-2.2", "intl-2.3"],
        ["3000", "300"],
    ),
    (
        (
            "我嘅合作夥伴喺比勒陀利亞大學工作，研究植物病害好多年喇。佢哋國家兩個方向各有幾多經費？",
        ),
        "budget",
        ["intl-2.2", "intl-2.3"],
        ["3000", "300"],
    ),
    (
        (
            "I work at University of Pretoria in the plant science department now. Our country "
            "has two directions, yes? How many projects in each?",
        ),
        "count",
        ["intl-2.2", "intl-2.3"],
        ["15 projects", "1 project"],
    ),
    (
        (
            "Hello, I teach at Seoul National University. Our country has two directions here, "
            "right? What is the total of each?",
        ),
        "budget",
        ["intl-2.0", "intl-2.1"],
        ["6 million", "15 million"],
    ),
    # a partner's tracks listed after it
    (
        ("南非的项目，联合研究和旗舰一起，总共多少钱？",),
        "budget",
        ["intl-2.2", "intl-2.3"],
        ["3300"],
    ),
    (
        ("南非嘅項目，聯合研究同旗艦一齊，總共幾多錢？",),
        "budget",
        ["intl-2.2", "intl-2.3"],
        ["3300"],
    ),
    # the whole call, "not only" a partner
    (("整个政府间专项总经费多少？不只是芬兰。",), "budget", [], ["49600"]),
    (("成個政府間專項總經費係幾多？唔止芬蘭。",), "budget", [], ["49600"]),
    (
        ("What is the total of the whole intergovernmental call, not only Germany?",),
        "budget",
        [],
        ["496 million"],
    ),
    # a name withdrawn from the question
    (("我不是问德国，是想问整个政府间专项总经费多少",), "budget", [], ["49600"]),
    (
        (
            "Not asking about Germany this time: how much money does the whole "
            "intergovernmental call have?",
        ),
        "budget",
        [],
        ["496 million"],
    ),
    # the topic across directions, after a guess about one
    (
        ("我觉得德国方向有氢能，但是哪些方向都支持氢能？",),
        "topic",
        ["intl-1.8", "intl-2.1", "intl-2.3"],
        [],
    ),
    (
        ("我覺得德國方向有氫能，不過總共有哪些方向支持氫能？",),
        "topic",
        ["intl-1.8", "intl-2.1", "intl-2.3"],
        [],
    ),
    (
        ("Germany funds hydrogen I believe, but which directions fund hydrogen overall?",),
        "topic",
        ["intl-1.8", "intl-2.1", "intl-2.3"],
        [],
    ),
    # names taken up as "these three"
    (
        ("意大利、西班牙、芬兰这三个方向，哪个平均资助最高？",),
        "compare",
        ["intl-1.2", "intl-1.3", "intl-1.6"],
        ["400"],
    ),
    (
        ("意大利、西班牙、芬蘭呢三個方向，邊個項目數最多？",),
        "compare",
        ["intl-1.2", "intl-1.3", "intl-1.6"],
        ["20"],
    ),
    (
        ("Italy, Spain and Finland: of these three, which has the most projects?",),
        "compare",
        ["intl-1.2", "intl-1.3", "intl-1.6"],
        ["20"],
    ),
    # wrapped in a greeting and thanks: the same answer
    (
        ("您好！请问中意科技合作项目平均每项多少钱？我们和西班牙的学校也有合作。谢谢！",),
        "average",
        ["intl-1.2"],
        ["200"],
    ),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_directions_of_a_long_message(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str], has: list[str]
) -> None:
    expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(
    "text",
    [
        "港澳台的那个专项先不看，政府间专项里哪些方向有海洋？",
        "政府間專項有冇方向做海洋？",
        "Within the intergovernmental call, which directions cover marine science?",
    ],
)
def test_topic_within_one_call(engine: Engine, text: str) -> None:
    """A topic asked within the intergovernmental call (or with the other call set aside) lists
    only that call's directions."""
    reply = ask(engine, text)
    assert reply["intent"] == "topic", reply
    assert reply["programs"], reply
    assert all(p.startswith("intl-") for p in reply["programs"]), reply


@pytest.mark.parametrize(
    "text",
    [
        "我们做海洋观测（俄方也有意加入，但先不考虑），中南非联合研究平均每项多少？",
        "我們做海洋觀測（俄方也有意加入，但先不考慮），中南非聯合研究平均每項多少？",
    ],
)
def test_set_aside_closing_its_clause(engine: Engine, text: str) -> None:
    """ "但先不考虑，" sets aside what came before it, not South Africa after the comma."""
    reply = ask(engine, text)
    assert reply["programs"] == ["intl-2.2"], reply
    assert "200" in reply["text"], reply


@pytest.mark.parametrize(
    "text",
    [
        "阿根廷方向资助哪些领域？我们是西班牙的团队，中方伙伴也有阿根廷合作方。",
        "阿根廷方向資助哪些領域？我們是西班牙團隊，中方夥伴也有阿根廷合作方。",
        "For the Argentina direction, which fields? We are a Spanish team and our Chinese partner "
        "also has an Argentine partner.",
    ],
)
def test_context_after_the_question_compares_nothing(engine: Engine, text: str) -> None:
    """The names of a sentence about the asker after the question are dropped when the message
    is read, and its "也有" / "also" still compares nothing: the fields of the one asked."""
    expect(ask(engine, text), "fields", ["intl-2.4"])
