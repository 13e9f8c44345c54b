"""Comparisons, sums and the EU flagship's tracks (fc51/fc52), each kind on messages other than
the set's own: the average of each flagship track asked with a verb after 各 ("各补助多少");
a partner's directions counted and then spelt out in brackets ("中韩两个方向（…和…）相差几倍");
directions listed after "i.e." (the abbreviation's dot ends no clause)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import check

EU_ALL = ["intl-1.1", "intl-1.4", "intl-1.5"]
KOREA = ["intl-2.0", "intl-2.1"]


@pytest.mark.parametrize(
    "message",
    [
        "中欧旗舰两个领域平均每个项目各资助多少经费？",
        "请问中欧旗舰合作计划，两个领域平均每个项目分别补助多少钱？",
        "想請教中歐旗艦計畫兩個領域平均每項各補助多少經費？",
        "中歐旗艦兩個領域平均每件計畫各資助多少？謝謝",
        "EU flagship: how much per project on average in each of the two areas?",
        "For the EU flagship initiative, what is the average grant per project in each area?",
    ],
)
def test_average_of_each_flagship_track(engine: Engine, message: str) -> None:
    check(engine, (message,), "average", ["intl-1.4"], has=["35", "15"])


@pytest.mark.parametrize(
    "message",
    [
        "中韩两个方向（联合研究和能源技术联合研究）的平均资助强度相差几倍？",
        "中韩两个方向（联合研究、能源技术）平均资助差几倍？",
        "中韓兩個方向（聯合研究和能源技術聯合研究）的平均資助強度相差幾倍？",
        "老师让我问：中韩两个方向（联合研究和能源技术联合研究）的平均资助相差几倍？",
        "The two Korea directions (joint research and energy technology): how many times larger"
        " is one average than the other?",
    ],
)
def test_ratio_of_a_partners_directions_spelt_out(engine: Engine, message: str) -> None:
    check(engine, (message,), "compare", KOREA, has=["7.5"])


@pytest.mark.parametrize(
    "message",
    [
        "What is the combined budget of all EU directions, i.e. the joint labs, the EU flagship"
        " and the co-funding mechanism?",
        "Combined budget of the European directions, i.e. joint labs, EU flagship and co-funding"
        " mechanism?",
        "Hi, what do the EU-related directions add up to, i.e. the joint laboratories, the"
        " flagship initiative and the co-funding mechanism? Thanks",
        "欧盟相关的所有方向，即联合实验室、旗舰和联合资助机制，总经费合计多少？",
        "歐盟相關的所有方向，即聯合實驗室、旗艦和聯合資助機制，總經費合計多少？",
    ],
)
def test_sum_of_directions_listed_after_ie(engine: Engine, message: str) -> None:
    reply = check(engine, (message,), "budget", EU_ALL)
    assert "190" in reply["text"] or "1.9" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "turns",
    [
        (
            "What is budget for China-Germany hydrogen project?",
            "and for South Africa flagship in hydrogen?",
            "together how much?",
        ),
        (
            "How much for the Germany hydrogen project?",
            "and South Africa hydrogen flagship?",
            "sum?",
        ),
        ("中德氢能项目经费多少？", "那南非氢能旗舰呢？", "加起来多少？"),
        ("中德氫能計畫經費多少？", "那南非旗艦氫能呢？", "合計多少？"),
    ],
)
def test_topic_of_the_last_question_kept_in_a_follow_up(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    reply = check(engine, turns, "budget", ["intl-1.8", "intl-2.3"])
    assert "23" in reply["text"], reply["text"]


def test_a_follow_up_asking_whether_it_covers_the_topic(engine: Engine) -> None:
    check(
        engine, ("中德氢能项目经费多少？", "那南非旗舰呢，也支持氢能吗？"), "fields", ["intl-2.3"]
    )


@pytest.mark.parametrize(
    "turns",
    [
        (
            "Good morning, for my supervisor: what is the average funding for the joint labs?",
            "She also wants the same figure for the EU co-funding mechanism general projects.",
            "Are they equal?",
        ),
        (
            "what's the average per project for the China–Europe joint laboratories?",
            "the same figure for the EU co-funding mechanism general projects please",
            "are the two the same?",
        ),
    ],
)
def test_the_same_figure_for_another_then_equal(engine: Engine, turns: tuple[str, ...]) -> None:
    check(engine, turns, "compare", ["intl-1.1", "intl-1.5"], has=["3 million"])


def test_the_same_number_for_another_is_the_last_measure(engine: Engine) -> None:
    turns = ("how many projects does Germany fund?", "I also need the same number for Finland.")
    check(engine, turns, "count", ["intl-1.6"])
