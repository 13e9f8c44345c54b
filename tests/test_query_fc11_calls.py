"""Arithmetic on calls and rankings across turns (fc11/fc12, i8-calls): the calls talked about
turn after turn added or compared with the measure carried over, the two ends of a ranking set
against each other (by superlative, by place, or over two turns), a named direction against an
extreme, a filter's directions added up, a kind of direction counted back over the last turns,
and both calls' sums of every measure asked. Each on messages other than the sets' own."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("turns", "intent", "has"),
    [
        (("港澳台专项拟支持多少个项目", "政府间的呢", "合计多少个"), "count", "153"),
        (
            (
                "How many projects in the intergovernmental call?",
                "and in the Hong Kong, Macao and Taiwan call?",
                "in total?",
            ),
            "count",
            "153",
        ),
        (("政府間專項總經費係幾多？", "港澳台專項呢？", "兩個加埋幾多？"), "budget", "52600"),
        (("港澳台专项总经费多少", "政府间专项呢", "相差多少"), "compare", "46600"),
        (
            ("Macao call total budget?", "and the intergovernmental call?", "how much bigger?"),
            "compare",
            "466 million",
        ),
        (("港澳台專項經費幾多", "政府間專項呢", "邊個多？差幾多？"), "compare", "46600"),
    ],
)
def test_calls_talked_about_turn_after_turn(engine, turns, intent, has):
    expect(ask(engine, *turns), intent, [], [has])


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("排名第一的方向总经费是排名最后一名的几倍", "65"),
        ("How much more does the first-placed direction get than the last-placed one?", "128"),
        ("總經費排第一嘅方向比排最後一名多幾多？", "12800"),
    ],
)
def test_ends_of_a_ranking_by_place(engine, text, has):
    expect(ask(engine, text), "compare", ["intl-1.4", "intl-2.4"], [has])


@pytest.mark.parametrize(
    ("text", "programs", "has"),
    [
        ("芬兰比经费最少的方向多多少钱", ["intl-1.6", "intl-2.4"], "5800"),
        (
            "How much more does Finland get than the smallest direction?",
            ["intl-1.6", "intl-2.4"],
            "58",
        ),
        ("德國比總經費最大嘅方向少幾多？", ["intl-1.4", "intl-1.8"], "11000"),
    ],
)
def test_a_named_direction_against_an_extreme(engine, text, programs, has):
    expect(ask(engine, text), "compare", programs, [has])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("哪个方向经费最多", "最少的呢", "相差多少"), "12800"),
        (
            ("Which direction gets the most money?", "And the least?", "difference between them?"),
            "128",
        ),
        (("邊個方向經費最多", "最少嘅呢", "差幾多倍？"), "65"),
    ],
)
def test_the_two_ends_asked_over_two_turns(engine, turns, has):
    expect(ask(engine, *turns), "compare", ["intl-1.4", "intl-2.4"], [has])


@pytest.mark.parametrize("typo", ["diference?", "diffrence?", "differnce between them?"])
def test_a_misspelt_difference(engine, typo):
    expect(ask(engine, "Finland budget?", "and Germany?", typo), "compare", has=["40 million"])


def test_each_after_a_value_qualifies_it(engine):
    reply = ask(
        engine, "Which directions have CNY 60 million each, and how many projects altogether?"
    )
    assert reply["intent"] == "count" and "55" in reply["text"]
    assert sorted(reply["programs"]) == ["intl-1.3", "intl-1.6", "intl-2.5"]


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (
            ("中欧联合实验室多少钱", "中欧旗舰呢", "欧盟联合资助机制呢", "这三个欧洲方向合计多少"),
            "19000",
        ),
        (
            (
                "Europe joint labs budget?",
                "EU flagship?",
                "EU co-funding?",
                "total of the three European directions?",
            ),
            "190 million",
        ),
        (
            ("中歐聯合實驗室幾多錢", "中歐旗艦呢", "歐盟聯合資助機制呢", "三個歐洲方向加埋幾多？"),
            "19000",
        ),
    ],
)
def test_the_three_talked_about_named_by_kind(engine, turns, has):
    expect(ask(engine, *turns), "budget", ["intl-1.1", "intl-1.4", "intl-1.5"], [has])


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("两个专项合计有多少经费和多少个项目", ("52600", "153")),
        ("Both calls together: how much money and how many projects?", ("526 million", "153")),
        ("兩個專項合共幾多經費同幾多個項目？", ("52600", "153")),
    ],
)
def test_both_calls_sum_every_measure_asked(engine, text, has):
    reply = ask(engine, text)
    assert all(h in reply["text"] for h in has)


@pytest.mark.parametrize(
    "wrap",
    ["您好！{}", "{}谢谢！", "Hi there, {} Thanks!"],
)
def test_wrapped_the_same(engine, wrap):
    plain = ask(engine, "排名第一的方向总经费是排名最后一名的几倍")
    wrapped = ask(engine, wrap.format("排名第一的方向总经费是排名最后一名的几倍"))
    assert (wrapped["intent"], wrapped["programs"]) == (plain["intent"], plain["programs"])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("哪个方向给钱最少的项目？", "每项才几十万？"), "50万元"),
        (("邊個計劃畀錢最少？", "每個項目先得幾十萬？"), "50萬元"),
        (
            ("Which programme gives the least money?", "only a few hundred thousand per project?"),
            "0.5 million",
        ),
    ],
)
def test_the_least_money_then_its_average_in_round_figures(engine, turns, has):
    first = ask(engine, turns[0])
    assert first["intent"] == "rank" and first["programs"][0] == "intl-2.4"
    reply = ask(engine, *turns)
    assert reply["intent"] == "average" and reply["programs"] == ["intl-2.4"]
    assert has in reply["text"]


@pytest.mark.parametrize(
    "text", ["每个项目才几十万吗？", "每個項目得十幾萬？", "中芬每项几百万？"]
)
def test_a_round_numeral_is_not_a_date(engine, text):
    assert ask(engine, text)["intent"] == "average"


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("Korea has two directions right? which one gets more money per project?", "6.5 million"),
        ("韩国有两个方向，哪个平均资助更高？", "650万元"),
        ("韓國兩個方向邊個平均多啲？", "650萬元"),
    ],
)
def test_one_partners_directions_compared(engine, text, has):
    expect(ask(engine, text), "compare", ["intl-2.0", "intl-2.1"], [has])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("项目最多的方向是哪个", "最少的呢", "两者差几个"), "19个项目"),
        (
            ("Which direction funds the most projects?", "and the fewest?", "how many more?"),
            "19 projects",
        ),
        (("邊個方向資助項目最多？", "最少嘅呢？", "相差幾多個？"), "19個項目"),
    ],
)
def test_a_tie_at_one_end_is_each_not_their_sum(engine, turns, has):
    expect(ask(engine, *turns), "compare", ["intl-1.3", "intl-2.3", "intl-2.5"], [has])


@pytest.mark.parametrize(
    ("text", "intent", "programs", "has"),
    [
        (
            "总经费都是6000万的三个方向一共支持多少个项目",
            "count",
            ["intl-1.3", "intl-1.6", "intl-2.5"],
            "55",
        ),
        (
            "總經費各有6000萬嘅方向加埋資助幾多個項目？",
            "count",
            ["intl-1.3", "intl-1.6", "intl-2.5"],
            "55",
        ),
        (
            "How many projects altogether for the directions with CNY 30 million each?",
            "count",
            ["hmt-1.1", "intl-1.1", "intl-1.5", "intl-2.2"],
            "50",
        ),
    ],
)
def test_a_bare_figure_picks_the_directions_added_up(engine, text, intent, programs, has):
    expect(ask(engine, text), intent, programs, [has])
