"""Which measures a message asks, on messages other than the sets' own: a list of aspects after
"想了解多啲/更多" (more to know, no comparison) is the direction's card; "the total allocation" in
formal English is the budget, beside a maximum number of projects; "both fields together"
qualifies a total, it asks no fields; a plan stated before "it is this direction, right?" and
one measure asks that measure; "subjects" and "what it is funding" are the fields, with a
sentence about the asker's partner after the question; "which areas it is? only hydrogen?" and
"佢資助咩領域？有冇包…" after one direction are its fields; "whether X projects are covering …"
checks a field, it counts nothing."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

WRAPPERS = ("{}", "您好！{}谢谢。", "Hi there. {} Thanks!")


def _wrapped_last(turns: tuple[str, ...], wrapper: str) -> tuple[str, ...]:
    return (*turns[:-1], wrapper.format(turns[-1]))


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("message", "program"),
    [
        (
            "想了解更多中芬合作项目的情况：总经费、项目数、平均每项多少，以及资助哪些领域？",
            "intl-1.6",
        ),
        ("想知多啲中德項目：總經費、資助幾多個，同埋做咩領域？", "intl-1.8"),
        (
            "I'd like to know more about the China–Israel direction: total budget, number of "
            "projects, average per project and also the fields?",
            "intl-1.9",
        ),
    ],
)
def test_aspects_listed_after_wanting_to_know_more(
    engine: Engine, message: str, program: str, wrapper: str
) -> None:
    reply = ask(engine, wrapper.format(message))
    expect(reply, "detail", [program])
    assert {"total", "count", "fields"} <= set(reply["query"]["measures"]), reply["query"]


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("message", "program"),
    [
        (
            "Could you kindly confirm the total allocation for the China–Finland direction and "
            "also the maximum number of projects it will support? Our Dean needs this by Monday.",
            "intl-1.6",
        ),
        ("烦请确认中以方向的总经费，以及最多资助多少个项目？院长周五前要。", "intl-1.9"),
        ("煩請確認中意方向嘅總經費，同埋最多資助幾多個項目？", "intl-1.2"),
    ],
)
def test_total_allocation_and_maximum_number(
    engine: Engine, message: str, program: str, wrapper: str
) -> None:
    reply = ask(engine, wrapper.format(message))
    expect(reply, "detail", [program])
    assert {"total", "count"} <= set(reply["query"]["measures"]), reply["query"]


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("message", "has"),
    [
        (
            "What is the total budget of the China-EU flagship, both fields together?",
            "130 million",
        ),
        ("中欧旗舰两个领域加在一起的总经费是多少？", "13000万"),
        ("中歐旗艦兩個領域合共總經費係幾多？", "13000萬"),
    ],
)
def test_both_fields_together_qualifies_the_total(
    engine: Engine, message: str, has: str, wrapper: str
) -> None:
    expect(ask(engine, wrapper.format(message)), "budget", ["intl-1.4"], [has])


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("message", "intent", "program", "has"),
    [
        (
            "材料学院和芬兰阿尔托大学想共建一个电池材料联合实验室，应该是对应中欧联合实验室吧？"
            "这个方向一共多少钱？",
            "budget",
            "intl-1.1",
            "3000万",
        ),
        (
            "物理系同意大利嘅大學打算合建一個人工智能實驗室，應該係對應中意科技合作吧？"
            "呢個方向有幾多個項目？",
            "count",
            "intl-1.2",
            "10",
        ),
        (
            "Our chemistry department and a Spanish university plan to build a smart-city "
            "testbed together, this would be the China–Spain direction, right? What is its "
            "total budget?",
            "budget",
            "intl-1.3",
            "60 million",
        ),
    ],
)
def test_direction_confirmed_after_a_plan_then_one_measure(
    engine: Engine, message: str, intent: str, program: str, has: str, wrapper: str
) -> None:
    expect(ask(engine, wrapper.format(message)), intent, [program], [has])


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    "turns",
    [
        (
            "What is the budget for the China–Israel direction?",
            "what subjects is it funding? our partner is at a university there",
        ),
        ("What is the budget for the China–Israel direction?", "what subjects is it funding?"),
        ("中以方向经费多少？", "那它资助哪些学科？我们的合作方在当地一所大学"),
        # the partner's institution names Israel by its city: still the asker's partner
        (
            "What is the budget for the China–Israel direction?",
            "what subjects is it funding? our partner is at the Weizmann Institute",
        ),
        ("中以方向经费多少？", "那它资助哪些学科？我们的合作方在魏茨曼研究所"),
        ("中以方向經費幾多？", "咁佢資助咩學科？我哋嘅合作方喺魏茨曼研究所"),
        ("中以方向經費幾多？", "咁佢資助咩學科？我哋嘅合作方喺當地一間大學"),
    ],
)
def test_subjects_funded_with_the_partner_said_after(
    engine: Engine, turns: tuple[str, ...], wrapper: str
) -> None:
    expect(ask(engine, *_wrapped_last(turns, wrapper)), "fields", ["intl-1.9"])


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("turns", "program"),
    [
        (
            (
                "What is the average for China-Korea energy?",
                "ok and which fields does it cover? Only hydrogen?",
            ),
            "intl-2.1",
        ),
        (("中韩能源技术平均每项多少？", "那它是哪些领域的？只有氢能吗？"), "intl-2.1"),
        (("中韓能源技術平均每個項目幾多錢？", "咁佢係咩領域㗎？淨係氫能？"), "intl-2.1"),
        (("中意方向总经费多少？", "那它资助什么领域？有没有文化遗产？"), "intl-1.2"),
        (("中芬方向總經費幾多？", "咁佢資助咩領域㗎？有冇包健康？"), "intl-1.6"),
        (
            (
                "What is the total for China–Finland?",
                "so what fields does it fund? does it include health?",
            ),
            "intl-1.6",
        ),
    ],
)
def test_its_fields_with_a_topic_checked(
    engine: Engine, turns: tuple[str, ...], program: str, wrapper: str
) -> None:
    expect(ask(engine, *_wrapped_last(turns, wrapper)), "fields", [program])


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("message", "has"),
    [
        (
            "Kindly advise whether China-Germany projects are covering fuel cells. Our group "
            "works on membranes.",
            "fuel cell",
        ),
        ("请告知中德项目是否涵盖燃料电池。我们课题组做膜材料。", "燃料电池"),
        ("請告知中德計畫是否涵蓋燃料電池，我們團隊做膜材料。", "燃料電池"),
    ],
)
def test_projects_covering_a_field_is_no_count(
    engine: Engine, message: str, has: str, wrapper: str
) -> None:
    expect(ask(engine, wrapper.format(message)), "fields", ["intl-1.8"], [has])
