"""Comparison shapes, relayed questions, terse codes and topic specificity (fc43/fc44), each
kind on messages other than the set's own: "X一共几个项目，跟Y比谁多" (a comparison after a
measure with a sum word), the other kind of the same partner pointed at ("韩国能源那个经费比联合
研究那个多几倍"), relayed questions that ask one measure of each direction ("两位老师分别在问…",
"整理对比表…分别多少": each figure, not a comparison), three-letter lower-case codes in a terse
message ("fin vs ger tot?") and the narrower topic named as an example ("乳酪或者肉類加工")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check, expect

GREETING = "老师您好！"
THANKS = " 谢谢！"


@pytest.mark.parametrize(
    "message",
    [
        "以色列一共几个项目，跟意大利比谁多？",
        "以色列總共幾個項目，同意大利比誰多？",
        "Israel how many projects in total, compared with Italy which is more?",
    ],
)
def test_a_comparison_after_a_measure_with_a_sum_word(engine: Engine, message: str) -> None:
    for wrapped in (message, GREETING + message + THANKS):
        check(engine, (wrapped,), "compare", ["intl-1.9", "intl-1.2"])


def test_a_sum_with_no_comparison_stays_a_sum(engine: Engine) -> None:
    check(engine, ("俄罗斯和西班牙一共多少钱",), "budget", ["intl-2.5", "intl-1.3"], ["12000"])


@pytest.mark.parametrize(
    ("message", "programs", "has"),
    [
        ("韩国能源那个经费是联合研究那个的几倍", ["intl-2.1", "intl-2.0"], ["2.5"]),
        ("韓國能源嗰個經費比聯合研究嗰個多幾倍", ["intl-2.1", "intl-2.0"], ["2.5"]),
        ("Korea energy budget is how many times the joint research one?", None, ["2.5"]),
        ("Korea energy budget vs the joint research one?", ["intl-2.1", "intl-2.0"], []),
        ("南非旗舰那个平均比联合研究那个高多少", ["intl-2.3", "intl-2.2"], ["100"]),
    ],
)
def test_the_other_kind_of_the_same_partner_pointed_at(
    engine: Engine, message: str, programs: list[str] | None, has: list[str]
) -> None:
    programs = programs or ["intl-2.1", "intl-2.0"]
    for wrapped in (message, GREETING + message + THANKS):
        check(engine, (wrapped,), "compare", programs, has)


@pytest.mark.parametrize(
    "message",
    [
        "您好，国际处转两位老师的问题：一位和马德里的大学合作，想知道中国和西班牙的项目最多支持"
        "多少个；另一位想知道中国和以色列联合研究支持多少个。两位老师分别在问项目数。",
        "您好，國際處轉兩位老師的問題：兩位老師分別在問項目數，一位問中西合作最多支持多少個，"
        "另一位問中以聯合研究支持多少個。",
        "Two colleagues are asking separately: one works with Madrid and wants the max number "
        "of projects for China-Spain; the other wants the number of projects of the Israel one.",
        "Hi! One of my colleagues wants the maximum number of projects of the Spain direction, "
        "the other one needs the number of projects for Israel.",
    ],
)
def test_two_relayed_questions_ask_each_count(engine: Engine, message: str) -> None:
    check(engine, (message,), "count", ["intl-1.3", "intl-1.9"], ["20", "10"])


@pytest.mark.parametrize(
    "message",
    [
        "我们在做一个资助强度对比表，三位老师各问一个方向：中芬、中意和中韩能源。请问这三个方向"
        "平均每个项目分别资助多少？",
        "我們在整理資助強度對比表，三位老師各問一個方向：中芬、中意和中韓能源。請問這三個方向"
        "平均每個項目分別資助多少？",
    ],
)
def test_a_comparison_table_compiled_asks_each_average(engine: Engine, message: str) -> None:
    check(engine, (message,), "average", ["intl-1.6", "intl-1.2", "intl-2.1"], ["400", "750"])


def test_a_contrast_asked_still_compares(engine: Engine) -> None:
    reply = ask(engine, "中芬和中意有什么区别，经费分别多少？")
    expect(reply, "compare", ["intl-1.6", "intl-1.2"])


@pytest.mark.parametrize(
    ("message", "programs"),
    [
        ("fin vs ger tot?", ["intl-1.6", "intl-1.8"]),
        ("ita avg", ["intl-1.2"]),
        ("isr vs rus avg?", ["intl-1.9", "intl-2.5"]),
        ("esp total", ["intl-1.3"]),
        ("aut budget?", ["intl-1.7"]),
        ("arg projs?", ["intl-2.4"]),
    ],
)
def test_three_letter_codes_in_a_terse_message(
    engine: Engine, message: str, programs: list[str]
) -> None:
    reply = ask(engine, message)
    assert sorted(reply["programs"]) == sorted(programs), reply


@pytest.mark.parametrize(
    "message",
    [
        "有冇方向做芝士或者肉類加工？我哋系有老師想知。",
        "有没有方向做奶酪或者肉类加工的？我们食品学院有老师在问。",
        "I teach food science. Which directions fund cheese or meat processing?",
    ],
)
def test_the_narrower_examples_of_a_field_decide(engine: Engine, message: str) -> None:
    check(engine, (message,), "topic", ["intl-2.4"])


def test_food_processing_alone_still_finds_both(engine: Engine) -> None:
    check(engine, ("哪些方向做食品加工？",), "topic", ["intl-1.3", "intl-2.4"])
