"""Follow-ups over the previous answer, on messages other than the sets' own: the two calls
added up after each call's figure was given (the first answer gave both), "两个 call" as both
calls, a sum of both calls asked after a sentence naming places (the asker's context), "fund
几多个 project" counting projects, and "combine both" adding the two directions talked about."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

WRAPPERS = ("{}", "您好！{}谢谢。", "Hi there. {} Thanks!")


def _wrapped_last(turns: tuple[str, ...], wrapper: str) -> tuple[str, ...]:
    return (*turns[:-1], wrapper.format(turns[-1]))


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("turns", "intent", "has"),
    [
        (("专项的经费总概算是多少", "那港澳台的呢", "两个合在一起算呢"), "budget", "52600"),
        (("專項總經費幾多", "港澳臺嗰個呢", "兩個加埋"), "budget", "52600"),
        (
            ("total budget of the call?", "and the Hong Kong/Macao/Taiwan one?", "add both"),
            "budget",
            "526 million",
        ),
        (("专项拟支持多少个项目", "港澳台那个呢", "两个加一起"), "count", "153"),
    ],
)
def test_calls_given_one_by_one_added(
    engine: Engine, turns: tuple[str, ...], intent: str, has: str, wrapper: str
) -> None:
    reply = ask(engine, *_wrapped_last(turns, wrapper))
    expect(reply, intent, [], [has])
    assert reply["query"]["op"] == "sum_calls", reply["query"]


@pytest.mark.parametrize(
    ("text", "intent", "has"),
    [
        ("两个 call 的经费加在一起是多少", "budget", "52600"),
        ("兩個call總共支持幾多個項目？", "count", "153"),
        (
            "我们和澳门大学、南非开普敦大学都有合作。请问政府间专项和港澳台专项合计多少经费？",
            "budget",
            "52600",
        ),
        (
            "We work with the University of Macau and a lab in Moscow. How many projects do the "
            "intergovernmental call and the Hong Kong/Macao/Taiwan call fund together?",
            "count",
            "153",
        ),
    ],
)
def test_both_calls_added(engine: Engine, text: str, intent: str, has: str) -> None:
    reply = ask(engine, text)
    expect(reply, intent, [], [has])


@pytest.mark.parametrize(
    "turns",
    [
        ("芬兰方向平均每个项目多少钱？", "咁总共fund几多个project？"),
        ("芬蘭方向平均每個項目幾多錢？", "咁一共fund幾多個project？"),
    ],
)
def test_fund_how_many_projects_counts(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "count", ["intl-1.6"], ["15"])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (
            ("Total budget of China–Austria?", "thanks! and Israel?", "combine both how much?"),
            "30 million",
        ),
        (("中奥总经费多少？", "谢谢。以色列呢？", "兩個加埋幾多？"), "3000"),
    ],
)
def test_combine_both(engine: Engine, turns: tuple[str, ...], has: str) -> None:
    expect(ask(engine, *turns), "budget", ["intl-1.7", "intl-1.9"], [has])


@pytest.mark.parametrize(
    ("turns", "intent", "has"),
    [
        (
            ("中韩联合研究资助哪些领域？", "好的，航空航天在里面。那平均每个项目多少钱？"),
            "average",
            "100",
        ),
        (("中韓聯合研究資助咩領域？", "航空航天喺入面，好。咁總共支持幾多個項目？"), "count", "6"),
        (
            (
                "What fields does China–Korea joint research fund?",
                "Great, aerospace is there. What is the average per project?",
            ),
            "average",
            "1 million",
        ),
    ],
)
def test_field_stated_then_measure_of_direction(
    engine: Engine, turns: tuple[str, ...], intent: str, has: str
) -> None:
    expect(ask(engine, *turns), intent, ["intl-2.0"], [has])


@pytest.mark.parametrize(
    "turns",
    [
        ("中以项目总经费多少？", "那它资助哪些领域？我们做海水淡化。"),
        ("中以項目總經費幾多？", "咁佢資助邊啲領域？我哋做海水淡化。"),
    ],
)
def test_fields_of_direction_beside_own_work(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "fields", ["intl-1.9"])


@pytest.mark.parametrize(
    ("turns", "program", "has"),
    [
        (
            (
                "我们和以色列、意大利都有合作。中意项目和中以项目各支持几个项目？",
                "第二个平均每项多少",
            ),
            "intl-1.9",
            "200",
        ),
        (
            (
                "我哋同德國同奧地利都有合作。中奧項目同中德項目各支持幾多個項目？",
                "第一個平均每項幾多",
            ),
            "intl-1.7",
            "250",
        ),
    ],
)
def test_nth_of_the_asking_sentence(
    engine: Engine, turns: tuple[str, ...], program: str, has: str
) -> None:
    expect(ask(engine, *turns), "average", [program], [has])


@pytest.mark.parametrize(
    "turns",
    [
        ("总经费最多的是哪个方向？", "它两个领域各多少钱？"),
        ("總經費最多係邊個方向？", "佢兩個領域各自支持幾多個項目？"),
        ("Which direction has the largest total budget?", "how many projects in its two areas?"),
    ],
)
def test_tracks_of_the_top_one(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = ask(engine, *turns)
    assert reply["programs"] == ["intl-1.4"], reply


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("哪些方向支持氢能？", "除去韩国能源那个方向，剩下的几个方向经费加起来是多少？"), "2300"),
        (("邊啲方向支持氫能？", "除咗韓國能源嗰個方向，剩低嗰幾個方向經費加埋幾多？"), "2300"),
    ],
)
def test_rest_of_the_list_just_given(engine: Engine, turns: tuple[str, ...], has: str) -> None:
    reply = ask(engine, *turns)
    expect(reply, "budget", ["intl-1.8", "intl-2.3"], [has])


@pytest.mark.parametrize(
    "turns",
    [
        (
            "中国和南非政府间联合研究项目（一般类，不是旗舰）经费多少？",
            "旗舰那个呢？",
            "两个合计多少？",
        ),
        (
            "中國和南非政府間聯合研究項目（一般類，唔係旗艦）經費幾多？",
            "旗艦嗰個呢？",
            "兩個加埋幾多？",
        ),
        (
            "What is the budget of China–South Africa joint research (general, not flagship)?",
            "and the flagship one?",
            "both together?",
        ),
    ],
)
def test_qualifier_in_brackets_after_a_partner(engine: Engine, turns: tuple[str, ...]) -> None:
    first = ask(engine, turns[0])
    expect(first, "budget", ["intl-2.2"])
    expect(ask(engine, *turns[:2]), "budget", ["intl-2.3"])
    total = "33 million" if turns[0].startswith("What") else "3300"
    expect(ask(engine, *turns), "budget", ["intl-2.2", "intl-2.3"], [total])


@pytest.mark.parametrize(
    "turns",
    [
        ("芬兰方向总经费多少？", "它资助哪些领域？有交通相关的吗？"),
        ("芬蘭方向總經費幾多？", "佢資助邊啲領域？有冇交通相關嘅？"),
    ],
)
def test_its_fields_with_a_yes_no(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "fields", ["intl-1.6"])


@pytest.mark.parametrize(
    "turns",
    [
        ("Which directions fund hydrogen?", "which one of them gets more money in total?"),
        ("Which programmes cover food?", "and which of these has the most money in total?"),
    ],
)
def test_which_has_more_in_total_compares(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = ask(engine, *turns)
    assert reply["query"]["op"] != "sum", reply["query"]


@pytest.mark.parametrize(
    ("turns", "program"),
    [
        (("项目数最少的是哪个方向？", "它占政府间专项项目总数的百分之几？"), "intl-2.3"),
        (("項目數最少係邊個方向？", "佢佔政府間專項項目總數百分之幾？"), "intl-2.3"),
        (
            (
                "Which direction has the largest total budget?",
                "what share of the intergovernmental call's budget is that one?",
            ),
            "intl-1.4",
        ),
    ],
)
def test_share_of_the_top_pointed_at(engine: Engine, turns: tuple[str, ...], program: str) -> None:
    reply = ask(engine, *turns)
    assert reply["query"]["op"] == "share", reply["query"]
    assert reply["query"]["groups"] == [[program]], reply["query"]
