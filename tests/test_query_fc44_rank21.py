"""Filters, exclusions and rankings (fc43, fc44), each kind on messages other than the set's own:
a note that leaves the boundary figure out ("（恰好300万的不算）", "strictly between", "not exactly
2 or 3"), a direction set aside in a sentence after the filter ("欧盟旗舰那个先不算", "the EU
flagship one doesn't count", "leave Spain out"), a question relayed after context about the
office ("…，院领导想知道：…"), a threshold given as a share of the call's total ("不到总经费1%",
"less than 5% of the budget") and a partner named in a context sentence, then asked with both
its directions counted ("中南非（联合研究和旗舰都算）")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import check

ABOVE_3M_AVERAGE = ["intl-1.4", "intl-1.6", "intl-1.8", "intl-2.1"]
AT_LEAST_3M_AVERAGE = [
    "intl-1.1",
    "intl-1.3",
    "intl-1.4",
    "intl-1.5",
    "intl-1.6",
    "intl-1.8",
    "intl-2.1",
    "intl-2.3",
    "intl-2.5",
]


@pytest.mark.parametrize(
    "message",
    [
        "平均资助额在300万以上的方向有哪些？（正好300万的不要）",
        "平均每項300萬以上的方向有哪些（300萬本身不計）",
        "Which directions average at least CNY 3 million per project? Exactly 3m does not count.",
        "你好！请问平均资助300万元以上的方向，刚好等于300万的不算，有哪些？谢谢",
    ],
)
def test_a_note_leaving_the_boundary_out_keeps_the_bound_strict(
    engine: Engine, message: str
) -> None:
    check(engine, (message,), "rank", ABOVE_3M_AVERAGE)


@pytest.mark.parametrize(
    "message",
    [
        "Which directions have an average strictly between 2 and 3 million?",
        "avg per project between CNY 2m and 3m, not exactly 2 or 3 - which directions?",
        "平均资助在200万到300万之间的方向（恰好200万的不算，恰好300万的也不算）",
    ],
)
def test_a_strict_range(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-1.7"])


@pytest.mark.parametrize(
    "message",
    [
        "平均每项不少于300万的方向有哪些？中欧旗舰合作计划那个先不算。",
        "平均每項300萬以上的方向有哪些？歐盟旗艦那個先不計，我們另外看。",
        "Which directions average CNY 3 million or more? The EU flagship one doesn't count.",
        "which directions average at least CNY 3 million per project? leave the EU flagship out",
    ],
)
def test_a_direction_set_aside_after_the_filter(engine: Engine, message: str) -> None:
    rest = [d for d in AT_LEAST_3M_AVERAGE if d != "intl-1.4"]
    check(engine, (message,), "rank", rest)


@pytest.mark.parametrize(
    "message",
    [
        "我们处里在整理申报材料，有位副院长想知道：除了中欧旗舰，政府间专项总经费最多的是哪个方向？",
        "我們辦公室正在準備申報動員材料，處長想了解：不算歐盟旗艦，政府間專項哪個方向總經費最高？",
        "We are preparing the application documents, and the dean would like to know: leaving out "
        "the EU flagship, which intergovernmental direction has the largest total budget?",
    ],
)
def test_a_question_relayed_after_context_about_documents(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-1.3", "intl-1.6", "intl-2.5"])


@pytest.mark.parametrize(
    ("message", "programs"),
    [
        ("哪些方向的总经费不到政府间专项总经费的1%？", ["intl-2.3", "intl-2.4"]),
        ("政府間專項裡經費佔比不到百分之一的方向有哪些", ["intl-2.3", "intl-2.4"]),
        (
            "Which intergovernmental directions get 10% or more of the call budget?",
            ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"],
        ),
        (
            "Hello! Which directions each take less than 1 percent of the intergovernmental "
            "budget? Thanks",
            ["intl-2.3", "intl-2.4"],
        ),
    ],
)
def test_a_threshold_as_a_share_of_the_call_total(
    engine: Engine, message: str, programs: list[str]
) -> None:
    check(engine, (message,), "rank", programs)


@pytest.mark.parametrize(
    "message",
    [
        "我们和南非、以色列都有合作。中以、中南非（联合研究和旗舰都算）一共多少经费？",
        "我們同南非有合作基礎。中以同中南非（聯合研究和旗艦兩個方向都計）總經費加埋幾多？",
    ],
)
def test_a_partner_named_in_context_then_both_its_directions_counted(
    engine: Engine, message: str
) -> None:
    check(engine, (message,), "budget", ["intl-1.9", "intl-2.2", "intl-2.3"], ["5300"])


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("总经费不到政府间专项1%的方向", ["496万元", "49600万元的1%"]),
        ("Which directions take under 1% of the intergovernmental budget?", ["1% of"]),
    ],
)
def test_the_share_threshold_says_the_figure_it_became(
    engine: Engine, message: str, said: list[str]
) -> None:
    check(engine, (message,), "rank", ["intl-2.3", "intl-2.4"], said)


@pytest.mark.parametrize(
    ("message", "bounds"),
    [
        ("平均超过300万的方向（恰好300万的那几个不算）", [[">", 300.0]]),
        ("avg above 3m, not counting those at exactly 3m", [[">", 300.0]]),
        ("平均300萬以上，但唔係啱啱300萬嘅方向", [[">", 300.0]]),
        ("平均不超过300万的方向，恰好300万的也算", [["<=", 300.0]]),
        (
            "directions with an average above 3 million, exactly 3 million counts too",
            [[">=", 300.0]],
        ),
    ],
)
def test_exactly_the_bound_beside_the_bound_is_its_boundary(
    engine: Engine, message: str, bounds: list[list]
) -> None:
    reply = check(engine, (message,), "rank")
    assert reply["query"]["bounds"] == bounds, reply["query"]
