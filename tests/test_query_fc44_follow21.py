"""Follow-ups of round 14 (fc43/fc44), beside the grid of tests/test_query_fc42_follow20.py:
a comparison asked the other way round, an order asked of a list just given, the end of the
directions just given then another measure of it, a filter with more counted in, "the total
number" of counts, measures joined by "+" and a count "in each of its fields". Own messages in
zh-Hans, zh-Hant and English; wrapped in courtesy or context they get the same answer."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect


@pytest.mark.parametrize(
    "turns, has",
    [
        (("意大利总经费是西班牙的几倍？", "反过来呢？"), ["3"]),
        (("西班牙總經費係意大利嘅幾多倍？", "反過來呢？"), ["0.333", "33.3%"]),
        (("Spain's budget is how many times Italy's?", "vice versa?"), ["0.333"]),
        (("Spain's budget is how many times Italy's?", "Thanks! And the other way round?"), []),
    ],
)
def test_ratio_the_other_way_round(engine: Engine, turns: tuple[str, ...], has: list[str]) -> None:
    reply = expect(ask(engine, *turns), "compare", ["intl-1.2", "intl-1.3"], has)
    # the first side now is the one named second before
    assert reply["text"].rfind("1.2") < reply["text"].rfind("1.3") or has == ["3"]


def test_reverse_without_a_comparison_is_not_a_comparison(engine: Engine) -> None:
    reply = ask(engine, "德国总经费多少？", "反过来呢？")
    assert reply["intent"] != "compare"


@pytest.mark.parametrize(
    "turns",
    [
        ("哪些方向涉及氢能？", "按平均排一下"),
        ("有邊啲方向做氫能？", "唔該，按平均每項排個序"),
        ("Which directions fund hydrogen?", "We are preparing a bid. Rank them by average."),
    ],
)
def test_order_of_a_topic_list(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "rank", ["intl-1.8", "intl-2.1", "intl-2.3"])


@pytest.mark.parametrize(
    "turns, intent, programs",
    [
        (("韩国两个方向的经费", "其中最少的那个平均每项多少"), "average", ["intl-2.0"]),
        (("韓國兩個方向嘅經費", "入面最少嗰個平均每項幾多？"), "average", ["intl-2.0"]),
        (("西班牙、以色列和奥地利的项目数", "其中最多的那个总经费多少"), "budget", ["intl-1.3"]),
        (("德国 奥地利 阿根廷 经费", "其中最少的"), "rank", ["intl-1.8", "intl-1.7", "intl-2.4"]),
    ],
)
def test_end_of_those_given(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str]
) -> None:
    expect(ask(engine, *turns), intent, programs)


@pytest.mark.parametrize(
    "turns",
    [
        ("政府间专项里平均正好200万的方向有哪些", "澳门那个也算上"),
        ("政府間專項入面平均啱啱200萬嘅方向有邊啲？", "澳門嗰個都計埋"),
        ("Which intergovernmental directions average exactly CNY 2 million?", "include Macao too"),
    ],
)
def test_filter_with_more_counted_in(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "rank", ["intl-1.2", "intl-1.9", "intl-2.2", "hmt-1.1"])


def test_total_number_of_counts(engine: Engine) -> None:
    reply = ask(
        engine,
        "How many projects does the Germany direction fund?",
        "Thank you. May I also ask about the Italy one?",
        "Sorry to bother you again - the total number for both?",
    )
    expect(reply, "count", ["intl-1.8", "intl-1.2"], ["15"])


@pytest.mark.parametrize(
    "turns",
    [
        ("德国经费多少？", "项目数+平均每项？"),
        ("德國經費幾多？", "項目數 + 平均呢？"),
        ("germany budgt?", "how many projs + avg?"),
    ],
)
def test_measures_joined_by_plus(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "detail", ["intl-1.8"])


@pytest.mark.parametrize(
    "turns",
    [
        ("What is the EU flagship's budget?", "how many projects does it fund in each field?"),
        ("How many projects does the EU flagship support in each of its fields?",),
    ],
)
def test_count_per_field(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "count", ["intl-1.4"], ["2", "4"])
