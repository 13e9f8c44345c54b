"""One message asking several numbered or joined questions, each answered: two filters on one
measure that no direction meets together are each answered (not one empty range)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

WRAPPERS = ("{}", "您好！{}谢谢。", "Hi there. {} Thanks!")


@pytest.mark.parametrize(
    "message",
    [
        "1、总经费不少于6000万元的方向有哪些？2、总经费低于2000万元的方向有哪些？",
        "一、總經費6000萬元及以上的方向有哪些？二、總經費少於2000萬元的又有哪些？",
        "(1) Which directions have a total of at least CNY 60 million? (2) And which have less"
        " than CNY 20 million?",
        "总经费低于2000万的方向和总经费不少于6000万的方向分别有哪些？",
    ],
)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_two_disjoint_filters_each_answered(engine: Engine, message: str, wrapper: str) -> None:
    reply = expect(ask(engine, wrapper.format(message)), "rank")
    assert reply["query"]["op"] == "filters", reply["query"]
    programs = set(reply["programs"])
    # the largest (6000万 and more) and the smallest (below 2000万) both listed
    assert {"intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"} <= programs, reply
    assert {"intl-2.4", "intl-1.7"} <= programs, reply
    assert "intl-1.1" not in programs, reply  # 3000万: neither


def test_range_between_is_one_filter(engine: Engine) -> None:
    reply = ask(engine, "总经费高于2000万且低于6000万的方向有哪些？")
    assert reply["query"]["op"] == "filter", reply["query"]


@pytest.mark.parametrize(
    "message",
    [
        "1、中南非联合研究项目（不是旗舰）平均每项多少？2、南非旗舰项目平均每项多少？",
        "一、中南非聯合研究項目（非旗艦）平均每項多少？二、南非旗艦項目平均每項多少？",
        "中南非联合研究项目（非旗舰）平均每项多少？另外南非旗舰平均每项多少？",
        "1) South Africa joint research (not the flagship): average per project? 2) South Africa"
        " flagship: average per project?",
    ],
)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_set_aside_in_one_part_only(engine: Engine, message: str, wrapper: str) -> None:
    """A qualifier in brackets ("（非旗舰）") tells part 1's name apart; part 2 names the other."""
    expect(ask(engine, wrapper.format(message)), "average", ["intl-2.2", "intl-2.3"])


def test_set_aside_alone_still_sets_aside(engine: Engine) -> None:
    expect(ask(engine, "中南非联合研究项目（非旗舰）平均资助多少？"), "average", ["intl-2.2"])


@pytest.mark.parametrize(
    "message",
    [
        "韩国联合研究项目（非能源）有几个项目？另外中韩能源那个几个项目？",
        "韓國聯合研究項目（非能源）有幾個項目？另外中韓能源那個幾個項目？",
        "How many projects has the Korea joint research (not the energy one)? Also, how many"
        " projects has the Korea energy one?",
    ],
)
def test_joined_questions_each_asked(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "count", ["intl-2.0", "intl-2.1"])


@pytest.mark.parametrize(
    ("message", "has"),
    [
        ("1. 中芬和中西平均每项相差多少？2. 哪个方向能支持的项目更多？", ["100", "西班牙"]),
        ("一、中芬與中西每項平均資助相差多少？二、哪個方向能支持的項目更多？", ["100", "西班牙"]),
        ("中芬和中西哪个平均资助更高？哪个方向的项目更多？", ["芬兰", "西班牙"]),
        (
            "(1) How big is the gap in average per project between Finland and Spain? (2) Which"
            " of the two funds more projects?",
            ["CNY 1 million", "Spain"],
        ),
    ],
)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_each_part_of_a_comparison(
    engine: Engine, message: str, has: list[str], wrapper: str
) -> None:
    """The gap of the averages and which has more projects: both measures compared, the answer
    to "which" named with its partner."""
    reply = expect(ask(engine, wrapper.format(message)), "compare", ["intl-1.6", "intl-1.3"], has)
    assert any(w in reply["text"] for w in ("资助项目", "資助項目", "projects")), reply["text"]
    assert reply["text"].count("\n\n") >= 1, reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "项目数第二少的是哪个方向？它平均每项资助多少？",
        "項目數第二少嘅係邊個方向？佢平均每項資助幾多？",
        "Which direction has the second smallest number of projects? What is its average per"
        " project?",
        "项目数第二少的方向平均每项多少",
    ],
)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_ordinal_on_one_measure_then_another_of_it(
    engine: Engine, message: str, wrapper: str
) -> None:
    """Ranked by the measure written with the ordinal (the count), the average of the answer
    asked after it."""
    reply = expect(ask(engine, wrapper.format(message)), "rank", ["intl-2.1"])
    assert reply["query"]["metric"] == "count", reply["query"]
    assert "750" in reply["text"] or "7.5 million" in reply["text"], reply["text"]


def test_ordinal_on_its_only_measure(engine: Engine) -> None:
    reply = expect(ask(engine, "平均资助第二高的是哪个方向？"), "rank", ["intl-2.1"])
    assert reply["query"]["metric"] == "average", reply["query"]


@pytest.mark.parametrize(
    "message",
    [
        "我们和德国伙伴在准备中芬科技合作项目，请问：1. 中芬方向资助哪些领域？2. 中芬最多支持几个"
        "项目？",
        "我們實驗室和德國夥伴在準備中芬科技合作項目，請問：1. 中芬方向資助哪些領域？"
        "2. 中芬最多支持幾個項目？",
        "Our lab works with German partners on a China-Finland proposal. Questions: 1) Which"
        " fields does the Finland direction fund? 2) How many projects can Finland fund?",
    ],
)
def test_partner_of_the_lead_in_is_not_asked(engine: Engine, message: str) -> None:
    """Numbered questions after a lead-in: the directions the questions name are asked, not the
    partner the asker works with."""
    expect(ask(engine, message), "detail", ["intl-1.6"])


def test_flagship_parts_named_by_marker(engine: Engine) -> None:
    reply = ask(
        engine,
        "我院和欧洲伙伴在筹备中欧研究创新旗舰合作计划，请问：1. 旗舰计划有哪两个领域？2. 每个领域"
        "经费和项目数各多少？",
    )
    expect(reply, "detail", ["intl-1.4"], ["7000", "6000"])


def test_both_named_in_the_parts_stay(engine: Engine) -> None:
    reply = ask(
        engine, "我们和俄罗斯伙伴在准备中芬项目，请问：1. 中芬总经费多少？2. 中俄总经费多少？"
    )
    assert sorted(reply["programs"]) == ["intl-1.6", "intl-2.5"], reply


@pytest.mark.parametrize(
    ("message", "has"),
    [
        (
            "政府间专项一共设了几个方向、总经费多少、周期几年？我校的合作伙伴主要在芬兰和以色列。",
            ["15", "49600"],
        ),
        (
            "政府間專項一共有幾個方向、總經費多少？我們的合作夥伴主要在芬蘭和以色列。",
            ["15", "49600"],
        ),
        (
            "How many directions does the intergovernmental call have, and its total budget? Our"
            " partners are mostly in Finland and Israel.",
            ["15", "496"],
        ),
    ],
)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_call_asked_before_the_askers_partners(
    engine: Engine, message: str, has: list[str], wrapper: str
) -> None:
    """The call's own figures asked, then whom the asker works with: the call as a whole."""
    expect(ask(engine, wrapper.format(message)), "overview", [], has)


def test_partner_after_a_bare_question_is_still_asked(engine: Engine) -> None:
    """No call named in the question: the partner said after it is what it asks about."""
    reply = ask(engine, "总经费多少？我们的合作伙伴在德国。")
    assert reply["programs"] == ["intl-1.8"], reply


@pytest.mark.parametrize(
    ("message", "has"),
    [
        ("1. 哪个方向总经费最多？2. 哪个方向项目数最少？", ["13000", "1个项目"]),
        ("一、哪個方向總經費最多？二、哪個方向項目數最少？", ["13000", "1個項目"]),
        (
            "1) Which direction has the largest total budget? 2) Which funds the fewest projects?",
            ["130 million", "1 project"],
        ),
    ],
)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_two_rankings_each_answered(
    engine: Engine, message: str, has: list[str], wrapper: str
) -> None:
    reply = expect(ask(engine, wrapper.format(message)), "rank", has=has)
    assert reply["query"]["op"] == "parts", reply["query"]


@pytest.mark.parametrize(
    "message",
    [
        "1. 总经费超过5000万的方向有哪些？2. 项目数少于5个的方向有哪些？",
        "1. 總經費超過5000萬的方向有哪些？2. 項目數少於5個的方向有哪些？",
        "1) Which directions have a total above CNY 50 million? 2) Which fund fewer than 5"
        " projects?",
    ],
)
def test_filters_on_two_measures_each_answered(engine: Engine, message: str) -> None:
    reply = expect(ask(engine, message), "rank")
    programs = set(reply["programs"])
    assert {"intl-1.4", "intl-2.5"} <= programs and {"intl-2.3", "intl-2.4"} <= programs, reply


def test_filters_on_two_measures_in_one_question_stay_joined(engine: Engine) -> None:
    reply = expect(ask(engine, "总经费超过5000万、项目数少于5个的方向有哪些？"), "rank", [])
    assert reply["query"]["op"] == "filter", reply["query"]


@pytest.mark.parametrize(
    ("message", "has"),
    [
        ("1. 以色列支持几个项目？2. 哪个方向平均资助最高？", ["10个项目", "3500"]),
        ("一、以色列支持幾個項目？二、哪個方向平均資助最高？", ["10個項目", "3500"]),
        (
            "(1) How many projects does Israel fund? (2) Which direction has the highest average?",
            ["10 projects", "35 million"],
        ),
    ],
)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_named_measure_and_ranking_each_answered(
    engine: Engine, message: str, has: list[str], wrapper: str
) -> None:
    reply = expect(ask(engine, wrapper.format(message)), "rank", has=has)
    assert "intl-1.9" in reply["programs"] and "intl-1.4" in reply["programs"], reply
