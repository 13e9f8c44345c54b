"""A direction described by what it funds (fc23/fc24, i8-desc10): "the direction that funds X
and Y", "one direction funding …", "资助X、Y的那个…方向" is the one direction funding all of
them, even beside a loose marker word ("联合资助", "energy") of another; a marker of two
directions ("flagship") beside a topic is the one of them on that topic; two figures asked of
the described one are its detail. Each on messages other than the sets' own."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check


@pytest.mark.parametrize(
    ("turns", "intent", "programs"),
    [
        # "the direction that funds …": the one direction on all the topics
        (
            ("The direction that funds dairy and food authenticity - how many projects?",),
            "count",
            ["intl-2.4"],
        ),
        (
            (
                "We build CCUS plants. One direction funding thermal power and carbon capture: "
                "its average per project?",
            ),
            "average",
            ["intl-2.1"],
        ),
        # a loose marker word of another direction does not win over what it funds
        (("支持“电子信息、节能环保”的那个联合资助方向，总经费多少？",), "budget", ["hmt-1.1"]),
        (("資助「電子信息、生物醫藥」的那個聯合資助方向，支持幾個項目？",), "count", ["hmt-1.1"]),
        (
            (
                "The direction with green buildings, building energy efficiency and circular "
                "economy - total budget?",
            ),
            "budget",
            ["intl-1.7"],
        ),
        # a marker of two directions beside a topic: the one on that topic
        (("氢能的那个旗舰项目，经费多少？",), "budget", ["intl-2.3"]),
        (("氫能的那個旗艦項目，經費多少？",), "budget", ["intl-2.3"]),
        (("How much money does the hydrogen flagship get?",), "budget", ["intl-2.3"]),
        # two figures asked of the described one: its detail
        (
            ("专门资助“氢能及燃料电池汽车”的那个方向，经费和项目数各是多少？",),
            "detail",
            ["intl-1.8"],
        ),
        (
            ("專門資助「植物蛋白、納米微膠囊」的那個方向，總經費同項目數係幾多？",),
            "detail",
            ["intl-2.4"],
        ),
    ],
)
def test_direction_described(engine: Engine, turns, intent, programs) -> None:
    check(engine, turns, intent, programs)


# "which directions … ? Is it only X?" / "X for sure, others?": the topic over every direction
@pytest.mark.parametrize(
    ("turns", "programs"),
    [
        (("Which programmes fund vaccines? Only Russia?",), ["intl-1.9", "intl-2.5"]),
        (("哪些方向资助碳捕集？俄罗斯肯定有，还有其他的吗？",), ["intl-2.1", "intl-2.5"]),
        (("哪些方向資助疫苗？只有以色列嗎？",), ["intl-1.9", "intl-2.5"]),
    ],
)
def test_topic_beyond_a_guess(engine: Engine, turns, programs) -> None:
    check(engine, turns, "topic", programs)


# an institute's name holding a superlative word is no ranking asked
@pytest.mark.parametrize(
    "text",
    [
        "Greetings from a Max Planck institute. Which directions support vaccine research?",
        "我在Max Planck研究所工作。哪些方向支持疫苗研究？",
        "我喺Max Planck研究所做嘢，邊啲方向資助疫苗？",
    ],
)
def test_institute_name_no_ranking(engine: Engine, text: str) -> None:
    check(engine, (text,), "topic", ["intl-1.9", "intl-2.5"])


# "several programmes fund X … which ones?" beside the asker's own partner: every direction on X
@pytest.mark.parametrize(
    "text",
    [
        "I am at a German institute. Several programmes fund hydrogen, I heard - which ones?",
        "我在德国的研究所。听说好几个方向资助氢能，是哪些方向？",
        "我在德國的研究所。聽說好幾個方向資助氫能，是哪些方向？",
    ],
)
def test_several_directions_on_a_topic(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "topic", reply
    assert "intl-1.8" in reply["programs"] and len(reply["programs"]) > 1, reply
