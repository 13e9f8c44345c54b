"""Rankings and filters added after fc36-fc39 were scored, each on messages other than the sets'
own: a price word as the end of an ordinal ("第三便宜", "the third cheaper"), a learner's "less of"
as "less than"."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check


@pytest.mark.parametrize(
    "message",
    [
        "Which is the third cheaper direction in total budget?",
        "总经费第三便宜的是哪个方向？",
        "邊個方向總經費第三平？",
        "Hello! Which is the third cheapest direction by total? Thanks",
    ],
)
def test_third_cheapest_is_third_lowest(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-2.0"])


def test_second_most_expensive_is_second_highest(engine: Engine) -> None:
    check(
        engine,
        ("the second more expensive direction?",),
        "rank",
        ["intl-1.3", "intl-1.6", "intl-2.5"],
    )


@pytest.mark.parametrize(
    "message",
    [
        "Which directions have less of CNY 5 millions in total?",
        "Hi, I am from Peru. Which directions give less of 5 million in total? Thank you",
    ],
)
def test_less_of_is_less_than(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-2.3", "intl-2.4"])


@pytest.mark.parametrize(
    "message", ["总经费少于500万的方向有哪些？", "總經費少過500萬嘅方向有邊啲？"]
)
def test_below_five_million_in_chinese(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-2.3", "intl-2.4"])


@pytest.mark.parametrize(
    "message",
    [
        "which directions have 10 as their number of projects?",
        "Which directions whose number of projects is 10?",
        "项目数为10的方向有哪些？",
        "項目數係10個嘅方向有邊啲？",
    ],
)
def test_a_count_written_as_the_value(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-1.1", "intl-1.2", "intl-1.5", "intl-1.9"])


@pytest.mark.parametrize(
    "message",
    [
        "Total of projects of the directions above 50 million?",
        "Hello, total of projects of all directions with more than CNY 50 million, please.",
        "总经费超过5000万的方向一共有多少个项目？",
        "總經費超過5000萬嘅方向一共有幾多個項目？",
    ],
)
def test_the_projects_of_a_filter_added_up(engine: Engine, message: str) -> None:
    check(engine, (message,), "count", ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"], ["61"])


@pytest.mark.parametrize(
    "message",
    [
        "政府间专项总体来看，平均每项多少钱？",
        "政府間專項整體嚟講，平均每個項目大約幾多錢？",
        "您好，政府间专项整体算下来平均一个项目多少经费？谢谢",
    ],
)
def test_a_call_taken_whole_has_its_average_computed(engine: Engine, message: str) -> None:
    check(engine, (message,), "average", [], ["359"])


@pytest.mark.parametrize(
    "message",
    [
        "Among the directions with a total under CNY 20 million, which has the largest average?",
        "总经费低于2000万的方向中，哪个平均资助最高？",
        "總經費少過2000萬嘅方向入面，邊個平均最高？",
        "您好！总经费低于2000万的方向里，平均资助最高的是哪个？谢谢",
    ],
)
def test_the_extreme_within_a_filter(engine: Engine, message: str) -> None:
    reply = check(
        engine,
        (message,),
        "rank",
        ["intl-1.7", "intl-2.0", "intl-2.1", "intl-2.3", "intl-2.4"],
    )
    assert "7.5" in reply["text"] or "750" in reply["text"], reply["text"]


EXACTLY_30M = ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"]


@pytest.mark.parametrize(
    "message",
    [
        "连同港澳台那个一起算，总经费等于3000万的方向有哪些？",
        "連埋澳門嗰個一齊計，總經費啱啱3000萬嘅方向有邊啲？",
        "Including the Macao one together, which directions have exactly CNY 30 million?",
    ],
)
def test_a_direction_counted_in_the_pool_asks_no_sum(engine: Engine, message: str) -> None:
    reply = check(engine, (message,), "rank", EXACTLY_30M)
    assert "12000" not in reply["text"] and "120 million" not in reply["text"], reply["text"]


def test_a_filter_added_up_is_still_a_sum(engine: Engine) -> None:
    check(engine, ("总经费等于3000万的方向加起来多少钱？",), "budget", EXACTLY_30M, ["12000"])


@pytest.mark.parametrize(
    "message",
    [
        "总经费不少于3000万的方向有哪些？中西科技合作项目和中俄科技合作项目请不要算进去。",
        "總經費唔少過3000萬嘅方向有邊啲？中西合作項目同中俄合作項目唔好計。",
        "Which directions have at least CNY 30 million? Please do not count Spain and Russia.",
    ],
)
def test_names_set_aside_by_a_later_sentence(engine: Engine, message: str) -> None:
    check(
        engine,
        (message,),
        "rank",
        ["intl-1.1", "intl-1.4", "intl-1.5", "intl-1.6", "intl-2.2", "hmt-1.1"],
    )


def test_a_name_with_its_number_set_aside(engine: Engine) -> None:
    check(
        engine,
        (
            "政府间专项中总经费不低于3000万的方向有哪些？其中中欧联合实验室（1.1）和中南联合研究（2.2）请不要计入。",
        ),
        "rank",
        ["intl-1.3", "intl-1.4", "intl-1.5", "intl-1.6", "intl-2.5"],
    )


@pytest.mark.parametrize(
    "message",
    [
        "A colleague says the China-Finland direction is best for us (green energy). What is the "
        "total budget and the maximum number of projects there?",
        "Hi! Finland direction is the best for us, my partner says. What's the total budget and "
        "the max number of projects? Thanks",
        "合作方说中芬方向最适合我们。总经费多少、最多支持几个项目？",
        "合作方話中芬方向最啱我哋。總經費幾多，同埋最多支持幾多個項目？",
    ],
)
def test_a_limit_beside_a_measure_is_no_ranking(engine: Engine, message: str) -> None:
    check(engine, (message,), "detail", ["intl-1.6"], [])


@pytest.mark.parametrize(
    "message",
    [
        "山东第一医科大学：除了以色列，还有哪个方向涉及疫苗？",
        "山東第一醫科大學：除咗以色列，仲有邊個方向做疫苗？",
        "我们是第一附属医院的。除了以色列，还有哪个方向涉及疫苗？",
    ],
)
def test_first_in_an_institution_name_ranks_nothing(engine: Engine, message: str) -> None:
    check(engine, (message,), "topic", ["intl-2.5"])


def test_first_place_still_ranks(engine: Engine) -> None:
    check(engine, ("总经费排第一的方向是哪个？",), "rank")


@pytest.mark.parametrize(
    "second",
    [
        "and which one of them have more money in total?",
        "Thanks! Which of them has more money in total?",
        "其中哪个总经费更多？",
        "當中邊個總經費多啲？",
    ],
)
def test_which_of_two_has_more_in_total_is_no_sum(engine: Engine, second: str) -> None:
    reply = ask(engine, "Which programmes are about smart cities?", second)
    assert reply["intent"] in ("compare", "rank"), reply
    assert sorted(reply["programs"]) == ["intl-1.1", "intl-1.3"], reply
    assert "90" not in reply["text"] and "9000" not in reply["text"], reply["text"]
