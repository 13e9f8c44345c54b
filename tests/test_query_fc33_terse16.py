"""Terse mobile queries (fc32/fc33), each kind on messages other than the sets' own: measure words
typed as pinyin initials (pj 平均, jf 经费, xm 项目, xms 项目数) or as an input-method slip (平局
for 平均), and carbon capture named in other words (碳捕捉, CO2 capture)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.pinyin_text import shorthand_chinese
from tests.asking import check


@pytest.mark.parametrize(
    ("message", "intent", "programs", "has"),
    [
        ("德国pj是多少", "average", ["intl-1.8"], ["400"]),
        ("德國 pj 多少", "average", ["intl-1.8"], ["400"]),
        ("阿根廷jf多少", "budget", ["intl-2.4"], []),
        ("俄罗斯 xms", "count", ["intl-2.5"], ["20"]),
        ("俄罗斯 zjf 多少", "budget", ["intl-2.5"], ["6000"]),
        ("奥地利 jf xms pj", "detail", ["intl-1.7"], ["1000", "250"]),
        ("您好，芬兰 pj 多少？谢谢", "average", ["intl-1.6"], ["400"]),
        ("意大利平局每项多少", "average", ["intl-1.2"], ["200"]),
        ("中德ly", "fields", ["intl-1.8"], ["氢能"]),
        ("阿根廷 ly 係咩", "fields", ["intl-2.4"], []),
    ],
)
def test_measure_initials(
    engine: Engine, message: str, intent: str, programs: list[str], has: list[str]
) -> None:
    check(engine, (message,), intent, programs, has)


def test_initials_only_as_a_token_in_chinese_text() -> None:
    assert shorthand_chinese("芬兰pj多少") == "芬兰平均多少"
    assert shorthand_chinese("澳門 jf 多少") == "澳門 經費 多少"
    # English text and words that only contain the letters stay as typed
    assert shorthand_chinese("Is PJ from Finland?") == "Is PJ from Finland?"
    assert shorthand_chinese("芬兰 pjs ajf") == "芬兰 pjs ajf"


@pytest.mark.parametrize(
    "message",
    [
        "哪些方向资助二氧化碳捕集？",
        "請問哪些方向有碳捕捉的研究",
        "Which directions support CO2 capture?",
        "Hi, I work on carbon dioxide capture. Which directions fit?",
    ],
)
def test_carbon_capture_in_other_words(engine: Engine, message: str) -> None:
    check(engine, (message,), "topic", ["intl-2.1", "intl-2.5"])


@pytest.mark.parametrize(
    ("turns", "programs"),
    [
        (("欧盟的几个方向里，哪些涉及气候变化？",), ["intl-1.4", "intl-1.5"]),
        (("我们做海水淡化。以色列和西班牙的方向中哪个跟水有关？",), ["intl-1.3", "intl-1.9"]),
        (("在以色列、西班牙這兩個方向中，哪個與水有關？",), ["intl-1.3", "intl-1.9"]),
        (("Of the Korea and Italy directions, which one covers aerospace?",), ["intl-2.0"]),
        (
            ("Hello. Which of the Russia or Italy directions is about artificial intelligence?",),
            ["intl-1.2", "intl-2.5"],
        ),
        (("南非两个方向分别做什么？", "其中哪个涉及农业？"), ["intl-2.2"]),
        (("韓國兩個方向各資助哪些領域？", "其中哪個涉及航空航天？"), ["intl-2.0"]),
    ],
)
def test_topic_among_named_directions(
    engine: Engine, turns: tuple[str, ...], programs: list[str]
) -> None:
    check(engine, turns, "topic", programs)


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (
            ("以色列方向做什么？", "好的，那它一共支持几个项目、平均每项多少钱？"),
            ["intl-1.9"],
            ["10", "200"],
        ),
        (
            ("奧地利方向資助哪些領域？", "好，那它總共支持幾個項目、平均每項多少？"),
            ["intl-1.7"],
            ["4", "250"],
        ),
        (
            (
                "What does the Germany direction fund?",
                "ok, how many projects does it support in total and what is the average?",
            ),
            ["intl-1.8"],
            ["5 projects", "4 million"],
        ),
    ],
)
def test_two_measures_of_the_direction_in_talk(
    engine: Engine, turns: tuple[str, ...], programs: list[str], has: list[str]
) -> None:
    check(engine, turns, "detail", programs, has)


@pytest.mark.parametrize(
    ("turns", "intent", "has"),
    [
        (
            ("中欧旗舰有哪些领域？", "气候变化与生物多样性那个领域：经费多少，几个项目？"),
            "detail",
            ["6000", "4"],
        ),
        (
            (
                "EU flagship: what areas?",
                "climate and biodiversity area: what is the budget and how many projects?",
            ),
            "detail",
            ["60 million", "4"],
        ),
        (
            ("歐盟旗艦計畫有哪些領域？", "食品、農業和生物技術那個領域：經費多少，幾個項目？"),
            "detail",
            ["7000", "2"],
        ),
    ],
)
def test_two_measures_of_a_track_after_its_fields(
    engine: Engine, turns: tuple[str, ...], intent: str, has: list[str]
) -> None:
    check(engine, turns, intent, ["intl-1.4"], has)


@pytest.mark.parametrize(
    ("message", "programs"),
    [
        ("we dropped the Israel idea, going with Finland instead - what fields?", ["intl-1.6"]),
        ("We gave up on Spain; the Italy one now. Which fields does it fund?", ["intl-1.2"]),
        ("我们放弃了德国那个，改做南非旗舰，它资助什么领域？", ["intl-2.3"]),
        ("我們放棄了以色列那個，改做芬蘭，它資助哪些領域？", ["intl-1.6"]),
    ],
)
def test_a_partner_given_up_is_not_asked(
    engine: Engine, message: str, programs: list[str]
) -> None:
    check(engine, (message,), "fields", programs)


@pytest.mark.parametrize(
    ("message", "not_mentioned"),
    [
        ("欧盟的几个方向中，哪些涉及氢能？", "没有明确提到氢能"),
        ("在以色列、西班牙兩個方向中，哪個涉及航空航天？", "沒有明確提到"),
        ("Which direction with Israel or Spain is about hydrogen?", "do not mention hydrogen"),
    ],
)
def test_topic_none_of_the_named_covers(engine: Engine, message: str, not_mentioned: str) -> None:
    reply = check(engine, (message,), "topic")
    assert not_mentioned in reply["text"], reply["text"]
