"""Statistics over several directions or a whole call, computed from the notice's figures, on
messages other than the sets' own: their budgets added over their projects added (a pooled
average, with "combined"/"approximate" number of projects), the mean of their totals ("the mean
total budget of the two …", "平均总经费"), and a call's budget over its projects, which answers
the question by itself (the directions' averages are only its background)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

KOREA = ["intl-2.0", "intl-2.1"]
SOUTH_AFRICA = ["intl-2.2", "intl-2.3"]


@pytest.mark.parametrize(
    "message",
    [
        "For the Korea joint research and Korea energy directions, combined budget divided by "
        "their combined number of projects?",
        "Both Korean directions: their budget divided by the overall number of projects?",
        "中韩两个方向合起来，总经费除以总项目数是多少？",
        "中韓兩個方向合起來，總經費除以總項目數是多少？",
    ],
)
def test_pooled_average_of_named_directions(engine: Engine, message: str) -> None:
    reply = expect(ask(engine, message), "average", KOREA)
    assert "2.625" in reply["text"] or "262.5" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("message", "has"),
    [
        ("Mean total budget of the two South Africa directions, please.", "16.5"),
        ("What's the average budget across the two Korean directions?", "10.5"),
        ("中南两个方向的平均总经费是多少？", "1650"),
        ("中韓兩個方向平均總經費是多少？", "1050"),
    ],
)
def test_mean_of_named_totals(engine: Engine, message: str, has: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "average", reply
    assert has in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "Intergovernmental call overall: total budget divided by the approximate number of "
        "projects?",
        "政府间专项总经费除以项目数，平均每个项目多少？",
        "政府間專項總經費除以項目數，平均每個項目多少？",
    ],
)
def test_call_quotient_answers_by_itself(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "average", reply
    assert reply["programs"] == [], reply
    assert "359.4" in reply["text"] or "3.594" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "Both China-EU directions, i.e. the flagship and the co-funding mechanism: what share of "
        "the intergovernmental budget together?",
        "两个中欧方向，旗舰和联合资助机制，合计占政府间专项总经费的百分之几？",
        "中歐兩個方向（旗艦和聯合資助機制）合計佔政府間專項總經費百分之幾？",
    ],
)
def test_the_two_directions_counted_then_listed(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert sorted(reply["programs"]) == ["intl-1.4", "intl-1.5"], reply
    assert "32.3" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("turns", "program"),
    [
        (("Which direction gets the least money?", "and the second one?"), "intl-2.3"),
        (("lowest budget direction pls", "what about the third one?"), "intl-2.0"),
        (("哪个方向经费最少？", "第二个呢？"), "intl-2.3"),
        (("邊個方向經費最少？", "第二個呢？"), "intl-2.3"),
    ],
)
def test_nth_one_after_a_ranking(engine: Engine, turns: tuple[str, str], program: str) -> None:
    expect(ask(engine, *turns), "rank", [program])


@pytest.mark.parametrize(
    "message",
    [
        "We work with the Korean energy institute. Total budget of the two Korean directions?",
        "我们和韩国能源研究院有合作，请问韩国两个方向总经费一共多少？",
        "我們與韓國能源研究院有合作，請問韓國的兩個方向總經費合共幾多？",
    ],
)
def test_two_directions_counted_after_a_marker_in_context(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "budget", KOREA, has=())
