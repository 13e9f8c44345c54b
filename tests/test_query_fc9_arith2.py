"""Multi-turn arithmetic and comparisons on what was said (fc9/fc10, helper i8-arith2): a gap
asked as "高多少 / 大幾多 / A minus B", a ratio checked ("is A double B?"), "跟X比起来呢",
totals and extremes over the directions named turn by turn, sums set against each other, the two
tracks of one direction, and the two calls talked about. Each kind is asserted on messages other
than the sets' own, in Simplified and Traditional Chinese and English."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (("以色列平均每项多少", "德国呢", "高多少？"), ["intl-1.8", "intl-1.9"], "200万元"),
        (("中德平均每項幾多", "中以呢？", "高幾多？"), ["intl-1.8", "intl-1.9"], "200萬元"),
        (("俄罗斯总经费", "奥地利呢", "大多少"), ["intl-1.7", "intl-2.5"], "5000万元"),
        (("Germany total?", "and Spain?", "Spain minus Germany?"), ["intl-1.3", "intl-1.8"], "40"),
        (("芬兰总经费", "以色列呢", "两者之差"), ["intl-1.6", "intl-1.9"], "4000万元"),
        (("芬蘭總經費", "以色列呢", "芬蘭減以色列係幾多"), ["intl-1.6", "intl-1.9"], "4000萬元"),
    ],
)
def test_a_gap_asked_after_two_turns(engine, turns, programs, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and sorted(reply["programs"]) == programs
    assert "difference" in reply["query"]["asks"] and has in reply["text"]


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("Russia budget", "Austria?", "so Russia is six times Austria?"), "6 times"),
        (("Austria total?", "Italy?", "is Italy twice Austria then?"), "2 times"),
    ],
)
def test_a_ratio_checked_after_two_turns(engine, turns, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and reply["query"]["asks"] == ["ratio"]
    assert has in reply["text"]


@pytest.mark.parametrize(
    ("turns", "programs", "metric"),
    [
        (("西班牙项目数多少", "那跟芬兰比起来呢？"), ["intl-1.3", "intl-1.6"], "count"),
        (("德國平均每件多少？", "跟以色列相比呢？"), ["intl-1.8", "intl-1.9"], "average"),
        (("Israel projects?", "compared with Italy?"), ["intl-1.2", "intl-1.9"], "count"),
        (("意大利平均", "德國呢", "咁同以色列比呢？"), ["intl-1.8", "intl-1.9"], "average"),
        (("芬兰项目数", "跟德国比一下"), ["intl-1.6", "intl-1.8"], "count"),
    ],
)
def test_compared_with_a_new_name_keeps_the_measure(engine, turns, programs, metric):
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and sorted(reply["programs"]) == programs
    assert reply["query"]["metric"] == metric


@pytest.mark.parametrize(
    "text",
    [
        "the Israel direction - is it a larger budget than the Germany one?",
        "芬兰经费比德国多吗？",
        "芬蘭經費比德國多嗎？",
    ],
)
def test_a_yes_no_comparison_of_two_names(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and len(reply["programs"]) == 2


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (
            (
                "how many projects Israel?",
                "and Argentina?",
                "and Austria?",
                "total projects of these three?",
            ),
            "18",
        ),
        (("奥地利项目数", "阿根廷呢", "以色列呢", "三个合计几个项目"), "18"),
    ],
)
def test_a_total_over_three_turns(engine, turns, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == "count" and len(reply["programs"]) == 3 and has in reply["text"]


@pytest.mark.parametrize(
    ("turns", "has", "lowest"),
    [
        (
            ("德國平均每項幾多", "以色列呢", "中韓能源呢", "三個入面邊個最高，比最低嗰個高幾多？"),
            "550萬元",
            False,
        ),
        (
            ("西班牙平均多少", "奥地利呢", "德国呢", "这三个里面最高的比最低的多多少"),
            "150万元",
            False,
        ),
        (
            (
                "Spain average?",
                "Austria?",
                "Germany?",
                "among the three, which is lowest, and how far below the highest?",
            ),
            "CNY 1.5 million",
            True,
        ),
    ],
)
def test_extremes_among_the_directions_talked_about(engine, turns, has, lowest):
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and len(reply["programs"]) == 3
    assert has in reply["text"]
    assert ("lowest average" in reply["text"]) == lowest


@pytest.mark.parametrize(
    "turns",
    [
        ("Italy average?", "and Germany?", "and Israel?", "which of these three is highest?"),
        ("意大利平均多少", "德国呢", "以色列呢", "这三个哪个最高？"),
        ("意大利平均多少", "德國呢", "以色列呢", "呢三個邊個最高？"),
    ],
)
def test_a_superlative_over_names_asked_turn_by_turn_compares_them(engine, turns):
    reply = expect(ask(engine, *turns), "compare", ["intl-1.2", "intl-1.8", "intl-1.9"])
    assert "intl-1.8" in reply["text"] or "1.8" in reply["text"]


def test_a_superlative_over_a_listed_answer_still_ranks(engine):
    reply = ask(
        engine, "Which directions cover hydrogen?", "which of them has the biggest budget?"
    )
    assert reply["intent"] == "rank"


@pytest.mark.parametrize(
    ("turns", "first", "second"),
    [
        (("南非旗舰多少钱", "不是旗舰的那个呢"), "intl-2.3", "intl-2.2"),
        (("南非旗艦幾多錢", "非旗艦嗰個呢"), "intl-2.3", "intl-2.2"),
    ],
)
def test_a_set_aside_of_the_last_direction_is_the_other_one(engine, turns, first, second):
    reply = ask(engine, *turns)
    assert reply["programs"] == [second] and reply["intent"] == "budget"
    gap = ask(engine, *turns, "差多少")
    assert gap["intent"] == "compare" and sorted(gap["programs"]) == sorted([first, second])
    assert "2700" in gap["text"]


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("which is larger: Spain, or the two South Africa directions together?", "CNY 33 million"),
        ("芬兰的经费，和韩国两个方向加起来比，哪个多？", "2100万元"),
        ("韓國兩個方向合計，同南非兩個方向合計比較，邊個多？多幾多？", "1200萬元"),
    ],
)
def test_a_sum_set_against_a_name_or_another_sum(engine, text, has):
    reply = expect(ask(engine, text), "compare", has=[has])
    assert len(reply["query"]["groups"]) == 2


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("中歐旗艦兩個領域各有幾多錢？", "差幾多？"), "1000萬元"),
        (("欧盟旗舰两个领域平均每项多少钱", "相差多少"), "2000万元"),
        (
            ("EU flagship averages for the two tracks?", "how many times is the first one?"),
            "2.33 times",
        ),
        (("欧盟旗舰的气候领域经费比食品农业领域多吗？",), "1000万元"),
        (
            ("EU flagship: is the food area bigger in money than the climate area?",),
            "CNY 10 million",
        ),
    ],
)
def test_the_tracks_of_one_direction_compared(engine, turns, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and reply["programs"] == ["intl-1.4"]
    assert reply["query"]["op"] == "compare_tracks" and has in reply["text"]


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("港澳台项目一共多少钱", "政府间专项总经费呢", "政府间是港澳台的几倍"), "16.53倍"),
        (
            ("Macao call budget?", "and the intergovernmental call?", "difference?"),
            "CNY 466 million",
        ),
    ],
)
def test_the_two_calls_talked_about_compared(engine, turns, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and reply["query"]["op"] == "compare_calls"
    assert has in reply["text"]


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("what is the total money of the two calls?", "526 million"),
        ("兩個call加埋總共幾多錢？", "52600萬元"),
    ],
)
def test_the_two_calls_together(engine, text, has):
    expect(ask(engine, text), "budget", has=[has])


@pytest.mark.parametrize(
    ("turns", "programs"),
    [
        (("Finland total?", "and Austria, also in Europe?"), ["intl-1.7"]),
        (("芬兰总经费", "奥地利呢，也在欧洲吧？"), ["intl-1.7"]),
    ],
)
def test_a_place_said_of_a_partner_is_not_asked_about(engine, turns, programs):
    reply = ask(engine, *turns)
    assert reply["programs"] == programs


@pytest.mark.parametrize(
    ("wrap", "turns"),
    [
        ("您好，{}谢谢！", ("以色列平均每项多少", "德国呢", "高多少？")),
        ("Hi there, {} thanks!", ("Germany total?", "and Spain?", "Spain minus Germany?")),
    ],
)
def test_wrapped_follow_ups_get_the_same_answer(engine, wrap, turns):
    plain = ask(engine, *turns)
    wrapped = ask(engine, *turns[:-1], wrap.format(turns[-1]))
    assert (wrapped["intent"], wrapped["programs"]) == (plain["intent"], plain["programs"])


@pytest.mark.parametrize(
    "text",
    [
        "Finland budget minus Israel budget?",
        "芬兰总经费减去以色列总经费是多少",
        "芬蘭總經費減去以色列總經費係幾多？",
    ],
)
def test_a_minus_between_two_names_is_their_difference(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["query"]["asks"] == ["difference"]
    assert sorted(reply["programs"]) == ["intl-1.6", "intl-1.9"]


def test_minus_after_a_sum_still_sets_aside(engine):
    reply = ask(engine, "Germany and Korea combined?", "minus the Korea energy one?")
    assert reply["intent"] == "budget" and reply["query"]["op"] == "sum"
    assert "intl-2.1" not in reply["programs"]
