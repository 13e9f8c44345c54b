"""Filters, rankings and exclusions over the whole call, added after fc32/fc33 were scored, each on
messages other than the sets' own: money units in a threshold ("Mio.", "超1亿"), a name only
added to a filter's pool ("Including the Macao one, which…"), the last n of a ranking ("排在最后
两位"), a note on how to count ("中欧旗舰算作一个方向") and the sum of every direction but a list
of names set aside ("除去A（两个领域）和B以外", "except China–Finland and China–Spain")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import check

ABOVE_50M = ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"]
EXACTLY_30M = ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"]
# every intergovernmental direction
INTL = [f"intl-1.{i}" for i in range(1, 10)] + [f"intl-2.{i}" for i in range(6)]


@pytest.mark.parametrize(
    "message",
    [
        "Which directions have more than 50 Mio. CNY in total?",
        "总经费超5000万的方向有哪些？",
        "經費超過0.5億的方向",
        "你好！总经费超5000万的方向有哪些？谢谢",
    ],
)
def test_money_units_of_a_threshold(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ABOVE_50M)


@pytest.mark.parametrize("message", ["總經費超1億的方向有哪些？", "directions above 100 Mio.?"])
def test_a_hundred_million(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-1.4"])


def test_an_average_in_mio(engine: Engine) -> None:
    check(
        engine,
        ("directions with an average above 3.5 Mio. per project?",),
        "rank",
        ["intl-1.4", "intl-1.6", "intl-1.8", "intl-2.1"],
    )


@pytest.mark.parametrize(
    "message",
    [
        "Including the Macao direction, which directions have a total of exactly 30 million?",
        "Which directions get exactly CNY 30 million in total, the Macao one included?",
        "連同澳門那個，總經費剛好3000萬的方向有哪些？",
        "Hi there. Including the Macao direction, which directions have a total of exactly 30 "
        "million? Thanks!",
        "Which directions, Macao included, have exactly 30 million?",
        "总经费正好3000万的方向有哪些（澳门那个也算）",
        "算上澳门那个，总经费刚好3000万的方向有哪些",
    ],
)
def test_a_name_added_to_the_pool_is_not_asked(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", EXACTLY_30M)


def test_a_name_in_the_filter_clause_is_still_asked(engine: Engine) -> None:
    check(engine, ("For Germany, which has more than 10 projects?",), "count", ["intl-1.8"])


@pytest.mark.parametrize(
    ("message", "programs", "has"),
    [
        ("总经费排在最后三位的是哪几个方向？", ["intl-2.4", "intl-2.3", "intl-2.0"], "600"),
        ("項目數排最後兩名的是哪兩個方向？", ["intl-2.3", "intl-2.1"], "2個項目"),
        ("Which directions are in the last two places by budget?", ["intl-2.4", "intl-2.3"], "3"),
        ("排名最后的两个方向是哪两个？总经费各多少", ["intl-2.4", "intl-2.3"], "300"),
        ("Which two directions come last in total budget?", ["intl-2.4", "intl-2.3"], "2 million"),
        (
            "Which are the last three directions when ranked by budget?",
            ["intl-2.4", "intl-2.3", "intl-2.0"],
            "6 million",
        ),
    ],
)
def test_the_last_n_of_a_ranking(engine: Engine, message: str, programs: list, has: str) -> None:
    check(engine, (message,), "rank", programs, [has])


@pytest.mark.parametrize(
    "message",
    [
        "把中欧旗舰算作一个方向，平均资助额第二高的是哪个方向？",
        "按方向計（中歐旗艦算作一個方向），平均資助強度第二高的是哪個方向？",
        "Counting the EU flagship as one direction, which has the second highest average per "
        "project?",
        "Good morning! With the EU flagship counted as one direction, which direction has the "
        "second highest average per project?",
    ],
)
def test_a_counting_note_names_nothing(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-2.1"])


@pytest.mark.parametrize(
    ("message", "left_out", "has"),
    [
        (
            "除了中欧旗舰（两个领域）和中俄以外，政府间专项其他方向的总经费合计是多少？",
            ["intl-1.4", "intl-2.5"],
            "30600",
        ),
        (
            "除去中歐研究創新旗艦合作計劃（兩個領域）和中西以外，政府間專項其餘方向經費合計多少？",
            ["intl-1.4", "intl-1.3"],
            "30600",
        ),
        (
            "What is the total budget of the intergovernmental directions except China–Finland "
            "and China–Spain?",
            ["intl-1.6", "intl-1.3"],
            "376 million",
        ),
        ("除中西、中俄外，政府间专项其余方向经费共计多少？", ["intl-1.3", "intl-2.5"], "37600"),
        (
            "中歐旗艦（兩個領域）和中俄不算，政府間專項其他方向合計多少錢？",
            ["intl-1.4", "intl-2.5"],
            "30600",
        ),
        (
            "Total budget of the intergovernmental directions apart from China-Spain, "
            "China-Russia and China-Finland?",
            ["intl-1.3", "intl-2.5", "intl-1.6"],
            "316 million",
        ),
    ],
)
def test_the_sum_of_the_rest_sets_aside_every_name_listed(
    engine: Engine, message: str, left_out: list, has: str
) -> None:
    programs = [d for d in INTL if d not in left_out]
    check(engine, (message,), "budget", programs, [has])


@pytest.mark.parametrize(
    ("message", "programs"),
    [
        ("经费超过一亿的方向有哪些？", ["intl-1.4"]),
        ("總經費超過五千萬的方向有哪些？", ABOVE_50M),
        ("总经费超过5千万的方向", ABOVE_50M),
        ("平均資助超過三百萬的方向有哪些？", ["intl-1.4", "intl-1.6", "intl-1.8", "intl-2.1"]),
        ("平均每项超过3百万的是哪些方向", ["intl-1.4", "intl-1.6", "intl-1.8", "intl-2.1"]),
    ],
)
def test_amounts_in_chinese_units(engine: Engine, message: str, programs: list) -> None:
    check(engine, (message,), "rank", programs)


@pytest.mark.parametrize(
    ("message", "first"),
    [("平局最高的是哪个方向？", "3500"), ("平局資助額最低的方向是哪個？", "50萬")],
)
def test_the_average_mistyped_by_its_sound(engine: Engine, message: str, first: str) -> None:
    reply = check(engine, (message,), "rank")
    assert reply["query"]["metric"] == "average" and first in reply["text"], reply


def test_a_name_after_a_clause_set_aside_is_asked(engine: Engine) -> None:
    check(engine, ("除了中西，俄罗斯那个多少钱？",), "budget", ["intl-2.5"])


@pytest.mark.parametrize(
    "message",
    [
        "Which directions have more than 50,000,000 CNY in total?",
        "总经费超过50000000元的方向有哪些？",
        "Which directions have a budget over 50 mil?",
        "Which directions have more than 50 CNY million in total?",
    ],
)
def test_money_written_in_yuan_or_short_units(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ABOVE_50M)


def test_a_billion(engine: Engine) -> None:
    reply = check(engine, ("directions with less than 0.1 billion yuan in total?",), "rank")
    assert "intl-1.4" not in reply["programs"] and len(reply["programs"]) == 15, reply
