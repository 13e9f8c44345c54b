"""Kinds of fc46 answered after it was scored, each on messages other than the set's own: a
short "total of two?" after two turns that each asked one direction adds them up; a share of a
partner's directions, then a comparison of another measure in a clause of its own, each
answered; a call's total stated in a sentence of context, then that call with the other call's
one direction added: both calls' money and projects added up (the stated figure is no filter)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("Finland budget?", "and Israel one?", "total of two?"), "CNY 80 million"),
        (("Finland budget?", "and Israel one?", "Thanks! total of the two?"), "CNY 80 million"),
        (("Finland budget?", "and Israel one?", "total of both of them?"), "CNY 80 million"),
        (("中芬总经费多少？", "中以的呢？", "两个加起来呢？"), "8000万元"),
        (("中芬總經費多少？", "中以的呢？", "兩個合計呢？"), "8000萬元"),
    ],
)
def test_total_of_two_after_two_turns(engine: Engine, turns: tuple[str, ...], has: str) -> None:
    expect(ask(engine, *turns), "budget", ["intl-1.6", "intl-1.9"], [has])


@pytest.mark.parametrize(
    ("message", "has"),
    [
        (
            "What share of the total South Africa funding goes to the flagship, and how does "
            "its average compare with the joint research one?",
            ["9.1%", "CNY 3 million", "CNY 2 million", "Average per project compared"],
        ),
        (
            "Hello! What percentage of South Africa's budget is the flagship programme, and how "
            "does its average grant compare with that of the joint research programme?",
            ["9.1%", "Average per project compared"],
        ),
        (
            "中韩能源技术联合研究占韩国两个方向合计经费的百分之几？它的平均资助额和中韩联合研究相比"
            "如何？",
            ["71.4%", "750万元", "100万元"],
        ),
        (
            "中韓能源技術聯合研究佔韓國兩個方向合計經費的百分之幾？它的平均資助額與中韓聯合研究相比"
            "如何？",
            ["71.4%", "750萬元", "100萬元"],
        ),
    ],
)
def test_share_then_a_comparison(engine: Engine, message: str, has: list[str]) -> None:
    reply = ask(engine, message)
    assert reply["query"]["op"] == "parts", reply["query"]
    expect(reply, "compare", None, has)


@pytest.mark.parametrize(
    ("message", "has"),
    [
        (
            "I understand the intergovernmental call totals CNY 496 million. What is the grand "
            "total with the Macao direction added, and how many projects altogether?",
            ["CNY 526 million", "153 projects"],
        ),
        (
            "Hi, we read that the intergovernmental call has CNY 496 million. What would the "
            "overall total be with the mainland-Macao direction added, and how many projects?",
            ["CNY 526 million", "153 projects"],
        ),
        (
            "我了解到政府间专项总经费是4.96亿元。如果加上内地与澳门方向，合计总经费是多少？一共覆盖"
            "多少个项目？",
            ["52600万元", "153个项目"],
        ),
        (
            "我了解到政府間專項總經費是4.96億元。如果加上內地與澳門方向，合計總經費是多少？一共涵蓋"
            "多少個項目？",
            ["52600萬元", "153個項目"],
        ),
    ],
)
def test_call_stated_then_the_other_added(engine: Engine, message: str, has: list[str]) -> None:
    reply = ask(engine, message)
    assert reply["query"]["op"] == "sum_calls", reply["query"]
    assert sorted(reply["query"]["calls"]) == ["hmt", "intl"], reply["query"]
    for h in has:
        assert h in reply["text"], (h, reply["text"])
