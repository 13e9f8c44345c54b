"""Arithmetic over what was named or just said, on messages other than the sets' own: the mean
of the figures just given (the conversation's measure, not "average" the word), a comparison of
several directions' averages that is not their mean, and a sum asked beside a sentence about the
asker's teams ("分别" there asks nothing)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

WRAPPERS = ("{}", "您好！{}谢谢。", "Hi there. {} Thanks!")


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("芬兰方向总经费多少？", "以色列的呢？", "这两个方向总经费的平均值是多少？"), "4000"),
        (("芬蘭方向總經費多少？", "以色列的呢？", "這兩個方向總經費的平均值是多少？"), "4000"),
        (("Total budget of the Russia direction?", "and Austria?", "average of those two?"), "35"),
        (("Total budget of the Russia direction?", "and Austria?", "mean of both figures?"), "35"),
        (("芬兰方向总经费多少？", "以色列的呢？", "这两个总经费平均下来是多少？"), "4000"),
        (("芬蘭方向總經費多少？", "以色列嘅呢？", "呢兩個數嘅平均數係幾多？"), "4000"),
        (
            ("What is the budget for Russia?", "and for Austria?", "mean of these two numbers?"),
            "35 million",
        ),
    ],
)
def test_mean_of_totals_just_given(engine: Engine, turns: tuple[str, ...], has: str) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == "average", reply
    assert len(reply["programs"]) == 2, reply
    assert has in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "turns",
    [
        ("中德平均每项资助多少？", "以色列呢？", "这两个数字的平均值是多少？"),
        ("中德平均每項資助多少？", "以色列呢？", "這兩個數字的平均值是多少？"),
        ("Average per project for Germany?", "and Israel?", "what is the mean of these numbers?"),
    ],
)
def test_mean_of_averages_just_given(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = expect(ask(engine, *turns), "average", ["intl-1.8", "intl-1.9"])
    assert "300" in reply["text"] or "3 million" in reply["text"], reply["text"]


@pytest.mark.parametrize("wrap", WRAPPERS)
@pytest.mark.parametrize(
    "message",
    [
        "请比较一下中芬、中德和中奥三者的平均资助强度。",
        "請比較一下中芬、中德和中奧三者的平均資助強度。",
    ],
)
def test_comparison_of_three_averages_is_no_mean(engine: Engine, message: str, wrap: str) -> None:
    reply = expect(
        ask(engine, wrap.format(message)), "compare", ["intl-1.6", "intl-1.7", "intl-1.8"]
    )
    assert "250" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "我们有两个课题组分别和芬兰、德国的高校合作。请问中芬、中德两个方向总经费加起来是多少？"
        "一共能支持多少个项目？",
        "我們有兩個課題組分別和芬蘭、德國的高校合作。請問中芬、中德兩個方向總經費加起來是多少？"
        "一共能支持多少個項目？",
        "Our two groups work with Finland and Germany respectively. What is the combined budget "
        "of the two directions, and how many projects in total?",
    ],
)
def test_sum_beside_teams_each(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] in ("budget", "count"), reply
    assert sorted(reply["programs"]) == ["intl-1.6", "intl-1.8"], reply
    text = reply["text"]
    assert "8000" in text or "80 million" in text, text
    assert "20" in text, text


@pytest.mark.parametrize(
    "turns",
    [
        ("Budget of China–Finland please", "and China–Germany?", "and Israel? sum of the three"),
        ("中芬经费多少", "中德呢", "还有中以，三个的总和是多少"),
        ("中芬經費多少", "中德呢", "還有中以，三個的總和是多少"),
    ],
)
def test_sum_of_three_over_turns(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = expect(ask(engine, *turns), "budget", ["intl-1.6", "intl-1.8", "intl-1.9"])
    text = reply["text"]
    assert "10000" in text or "100 million" in text, text


@pytest.mark.parametrize("wrap", WRAPPERS)
@pytest.mark.parametrize(
    ("message", "has"),
    [
        ("欧盟旗舰计划的领域一比领域二总经费多多少？平均每项又差多少？", ("1000", "2000")),
        ("歐盟旗艦計劃的領域一比領域二總經費多多少？平均每項又差多少？", ("1000", "2000")),
        ("欧盟旗舰领域一的平均资助额是领域二的几倍？", ("2.33",)),
    ],
)
def test_tracks_of_flagship_as_operands(
    engine: Engine, message: str, has: tuple[str, ...], wrap: str
) -> None:
    expect(ask(engine, wrap.format(message)), "compare", ["intl-1.4"], has)


def test_tracks_gap_in_two_measures_in_english(engine: Engine) -> None:
    reply = expect(
        ask(
            engine,
            "For the EU flagship, how much more money does the FAB track get than the CCB "
            "track? And the difference in average per project?",
        ),
        "compare",
        ["intl-1.4"],
    )
    assert "10 million" in reply["text"] and "20 million" in reply["text"], reply["text"]


@pytest.mark.parametrize("wrap", WRAPPERS)
@pytest.mark.parametrize(
    ("message", "programs"),
    [
        (
            "政府间专项里总经费比中德多又比中芬少的方向有哪些？",
            ["intl-1.1", "intl-1.5", "intl-2.2"],
        ),
        (
            "政府間專項裡總經費高於中德、低於中芬的方向有哪些？",
            ["intl-1.1", "intl-1.5", "intl-2.2"],
        ),
        (
            "Which directions have a bigger budget than Germany but a smaller one than Finland?",
            ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"],
        ),
    ],
)
def test_range_between_two_named(
    engine: Engine, message: str, programs: list[str], wrap: str
) -> None:
    expect(ask(engine, wrap.format(message)), "rank", programs)


def test_range_between_two_named_on_average(engine: Engine) -> None:
    reply = expect(
        ask(engine, "哪些方向的平均资助额比中以高、比中德低？"),
        "rank",
        ["intl-1.1", "intl-1.3", "intl-1.5", "intl-2.3", "intl-2.5", "intl-1.7"],
    )
    assert "300" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("turns", "first"),
    [
        (
            ("How many projects for Israel?", "and the Germany hydrogen one?", "total together?"),
            "15",
        ),
        (("以色列资助几个项目？", "中德氢能那个呢？", "一共多少个？"), "15"),
        (("以色列資助幾個項目？", "中德氫能那個呢？", "一共多少個？"), "15"),
    ],
)
def test_count_kept_over_a_direction_named_by_its_topic(
    engine: Engine, turns: tuple[str, ...], first: str
) -> None:
    second = expect(ask(engine, *turns[:2]), "count", ["intl-1.8"])
    assert "5" in second["text"], second["text"]
    expect(ask(engine, *turns), "count", ["intl-1.8", "intl-1.9"], (first,))


def test_topic_asked_of_a_partner_stays_a_topic(engine: Engine) -> None:
    expect(ask(engine, "德国多少钱", "中德有氢能项目吗"), "fields", ["intl-1.8"])


BETWEEN_GERMANY_AND_FINLAND = ["intl-1.1", "intl-1.2", "intl-1.3", "intl-1.5", "intl-1.9"]


@pytest.mark.parametrize(
    "message",
    [
        "总经费介于中德和中芬之间的方向有哪些？",
        "總經費介於中德和中芬之間的方向有哪些？",
        "Which directions have a total budget between Germany and Finland?",
    ],
)
def test_range_between_two_named_ends_included(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "rank", reply
    assert set(BETWEEN_GERMANY_AND_FINLAND) <= set(reply["programs"]), reply
    assert not {"intl-1.6", "intl-1.8"} & set(reply["programs"]), reply


@pytest.mark.parametrize(
    "message",
    ["中德和中芬之间哪个经费多？", "Between Germany and Finland, which has the larger budget?"],
)
def test_which_of_two_between_them_is_a_comparison(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "compare", ["intl-1.6", "intl-1.8"])


@pytest.mark.parametrize(
    "turns",
    [
        ("中芬资助几个项目？", "中德呢？", "两个方向项目数的平均值是多少？"),
        ("中芬資助幾個項目？", "中德呢？", "兩個方向項目數的平均值是多少？"),
        ("How many projects for Finland?", "and Germany?", "average of those two?"),
    ],
)
def test_mean_of_counts_just_given(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = expect(ask(engine, *turns), "average", ["intl-1.6", "intl-1.8"])
    assert "10" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("Total budget for Finland?", "and Austria?", "add these two numbers"), "70 million"),
        (("中芬总经费多少", "中奥呢", "把这两个数相加是多少"), "7000"),
        (("中芬總經費多少", "中奧呢", "把這兩個數相加是多少"), "7000"),
    ],
)
def test_sum_of_the_two_figures_just_given(
    engine: Engine, turns: tuple[str, ...], has: str
) -> None:
    expect(ask(engine, *turns), "budget", ["intl-1.6", "intl-1.7"], (has,))
