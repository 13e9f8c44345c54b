"""A direction named by what it funds instead of its partner (fc19/fc20, round 3): the ONE
direction whose fields match the description best, among a partner's, a marker's ("旗舰") or
those of a count that describes it ("只有一件"), or all; then the measure asked of it, and
follow-ups on it. Messages of our own in zh-Hans, zh-Hant and English."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "figure"),
    [
        # a partner's directions, the one whose fields are described
        (
            ("韩国那个做航空航天和气候变化适应的方向，平均每项多少？",),
            "average",
            ["intl-2.0"],
            "100",
        ),
        (("南非那個寫了海洋科學的計畫，總經費多少？",), "budget", ["intl-2.2"], "3000"),
        (
            (
                "The Korean program that covers fine dust control and clean thermal power - "
                "how many projects?",
            ),
            "count",
            ["intl-2.1"],
            "2",
        ),
        (("韓國兩個方向，寫咗航空航天嗰個平均每個項目幾多錢？",), "average", ["intl-2.0"], "100"),
        (
            ("Which of the Korean directions does aerospace? what is its total budget?",),
            "budget",
            ["intl-2.0"],
            "6 million",
        ),
        (
            ("the Korean one on climate adaptation and aerospace, how much money?",),
            "budget",
            ["intl-2.0"],
            "6 million",
        ),
        (
            ("In Korea, which program does fine dust and thermal power? average per project?",),
            "average",
            ["intl-2.1"],
            "7.5 million",
        ),
        (("嗰個做生物科技嘅韓國計劃幾多錢？",), "budget", ["intl-2.0"], "600"),
        # which one is it, asked beside a figure
        (("南非两个方向里，做射电天文的是哪一个？平均多少？",), "average", ["intl-2.2"], "200"),
        # which one fits: the topic answered for that one direction
        (
            ("We work on hydrogen. Which of the two South Africa programs fits us?",),
            "topic",
            ["intl-2.3"],
            None,
        ),
        # a count that describes the direction narrows it and is not the measure asked
        (("只有一个项目、做氢能的那个旗舰，总经费多少？",), "budget", ["intl-2.3"], "300"),
        (("只有一個項目、做氫能嗰個旗艦，總經費幾多？",), "budget", ["intl-2.3"], "300"),
        (
            ("the flagship with only one project, the hydrogen one: what is its budget?",),
            "budget",
            ["intl-2.3"],
            "3 million",
        ),
        (("那个只有两个项目的韩国方向多少钱",), "budget", ["intl-2.1"], "1500"),
        (
            ("Korea has two programs; the one with aerospace, how much per project?",),
            "average",
            ["intl-2.0"],
            "1 million",
        ),
        # no partner: the fields that repeat the description's own words decide a tie
        (("那个做医疗和水技术的方向资助几个项目",), "count", ["intl-1.9"], "10"),
        (("那個做智慧綠色出行嘅方向有幾多個項目？",), "count", ["intl-1.6"], "15"),
        (("the one doing smart green mobility, how many projects?",), "count", ["intl-1.6"], "15"),
        # a country forgotten is not asked
        (
            ("那个做智慧城市、生产制造和水处理技术的方向最多几个项目？我不记得是哪个国家了",),
            "count",
            ["intl-1.3"],
            "20",
        ),
        # the fields asked of the described one
        (("那个写了导航卫星、射电天文的方向，资助领域有哪些？",), "fields", ["intl-2.2"], None),
    ],
)
def test_one_direction_described(engine: Engine, turns, intent, programs, figure):
    reply = expect(ask(engine, *turns), intent, programs)
    if figure:
        assert figure in reply["text"].replace(",", ""), reply


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "figure"),
    [
        # the measure of the last turn carried to the described one, then summed
        (
            ("那个做医疗研究和水技术的方向多少钱？", "那做植物蛋白那个呢？", "两个加起来"),
            "budget",
            ["intl-1.9", "intl-2.4"],
            "2200",
        ),
        (
            ("那個做海洋科學的南非方向經費多少？", "那個只有一件的氫能旗艦呢？"),
            "budget",
            ["intl-2.3"],
            "300",
        ),
        (
            ("How much does Israel fund?", "and the one doing smart green mobility?"),
            "budget",
            ["intl-1.6"],
            "60 million",
        ),
    ],
)
def test_follow_ups_on_the_described(engine: Engine, turns, intent, programs, figure):
    reply = expect(ask(engine, *turns), intent, programs)
    assert figure in reply["text"].replace(",", ""), reply


@pytest.mark.parametrize(
    ("text", "intent", "programs"),
    [
        # a topic asked over every direction is no description of one
        ("做水处理的可以报哪个方向", "topic", ["intl-1.3", "intl-1.9"]),
        ("有冇做水處理嘅方向？", "topic", ["intl-1.3", "intl-1.9"]),
        ("which direction covers water treatment?", "topic", ["intl-1.3", "intl-1.9"]),
        # a topic in a sentence about the asker does not pick one of the partner's directions
        ("我们做氢能，南非的方向一共多少钱", "budget", ["intl-2.2", "intl-2.3"]),
        ("我們做碳捕集，韓國嗰個方向幾多錢？", "budget", ["intl-2.0", "intl-2.1"]),
        ("We do carbon capture. How much does Korea fund?", "budget", ["intl-2.0", "intl-2.1"]),
        # a ranking asked beside what the asker does ranks every direction
        ("我們是做能源的，想先問：哪個方向平均每項經費最高？", "rank", None),
        ("We work on energy. Which direction has the highest average per project?", "rank", None),
        # a count checked is asked, not a description
        ("South Africa flagship, is it really only one project?", "count", ["intl-2.3"]),
        # one direction of the partner: nothing to choose, the yes/no on its fields stays
        ("澳門嗰個方向有冇包括海洋科學？", "fields", ["hmt-1.1"]),
    ],
)
def test_not_a_description(engine: Engine, text, intent, programs):
    reply = ask(engine, text)
    assert reply["intent"] == intent, reply
    if programs is None:  # a ranking lists the directions ranked, not one described
        assert len(reply["programs"]) > 2, reply
    else:
        assert sorted(reply["programs"]) == sorted(programs), reply


def test_a_track_of_the_last_direction_is_not_another_direction(engine: Engine):
    """ "气候变化和生物多样性那个领域呢" after the EU flagship is its track, not the other EU
    direction that also covers climate."""
    reply = ask(engine, "欧盟旗舰项目一共支持几个？", "气候变化和生物多样性那个领域呢？")
    assert reply["programs"] == ["intl-1.4"], reply


@pytest.mark.parametrize(
    ("turns", "intent", "programs"),
    [
        # a partner's kind of direction cut short: the one direction whose word it starts
        (("KR 联合 经费",), "budget", ["intl-2.0"]),
        (("韓國聯合幾多個項目",), "count", ["intl-2.0"]),
        (("Korea joint, how much money?",), "budget", ["intl-2.0"]),
        (("韩国联合 多少钱", "项目几个"), "count", ["intl-2.0"]),
        # a word both of its directions start with picks none; a measure word is no kind
        (("南非 联合 多少钱",), "budget", ["intl-2.2", "intl-2.3"]),
        (("EU count",), "count", ["intl-1.4", "intl-1.5"]),
        # "联合起来" is together, not the joint research
        (("韩国联合起来一共多少钱",), "budget", ["intl-2.0", "intl-2.1"]),
    ],
)
def test_partner_kind_cut_short(engine: Engine, turns, intent, programs):
    expect(ask(engine, *turns), intent, programs)
