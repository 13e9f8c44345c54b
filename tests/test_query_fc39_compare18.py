"""Comparisons between named directions and between the ends of a ranking, on messages other
than the sets' own: how two directions differ asked over several measures (a comparison, not
two cards), a partner said to have two directions before they are compared (both, whatever
marker describes one), and the gap between the best- and the worst-funded direction."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect


@pytest.mark.parametrize(
    "message",
    [
        "芬兰和德国这两个方向，在总经费和项目数上有何区别？",
        "中芬同中德兩個方向，經費同項目數有乜分別？",
        "芬兰和德国两个方向，我想compare下总经费同项目数",
        "How do the Finland and Germany directions differ in total budget and number of projects?",
        "您好！芬兰和德国这两个方向，在总经费和项目数上有何区别？谢谢",
    ],
)
def test_difference_over_several_measures_is_a_comparison(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "compare", ["intl-1.6", "intl-1.8"], ["15"])


def test_two_cards_asked_stay_cards(engine: Engine) -> None:
    # no difference asked: each direction's figures
    reply = ask(engine, "芬兰和德国的总经费和项目数分别是多少？")
    assert reply["intent"] != "compare", reply


@pytest.mark.parametrize(
    ("message", "has"),
    [
        ("韩国有两个方向，一个是能源技术，一个是一般联合研究，哪个平均资助更高？", "750"),
        ("韓國有兩個方向，一個是能源技術，一個是一般聯合研究，邊個平均資助高啲？", "750"),
        (
            "Korea has two directions, one on energy technology and one general joint research."
            " Which one gives more per project?",
            "7.5 million",
        ),
    ],
)
def test_partner_said_to_have_two_directions_compares_both(
    engine: Engine, message: str, has: str
) -> None:
    expect(ask(engine, message), "compare", ["intl-2.0", "intl-2.1"], [has])


def test_one_marked_direction_alone_is_not_compared(engine: Engine) -> None:
    expect(ask(engine, "韩国能源技术那个方向平均多少？"), "average", ["intl-2.1"])


@pytest.mark.parametrize(
    "message",
    [
        "How big is the gap between the best-funded and the worst-funded direction in total?",
        "Hi! What's the difference in total money between the richest and the poorest direction?",
    ],
)
def test_gap_between_best_and_worst_funded(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "compare", ["intl-1.4", "intl-2.4"], ["128 million"])


@pytest.mark.parametrize(
    "turns",
    [
        ("哪些方向涉及智慧城市？", "它们哪个总共经费更多？"),
        ("哪些方向涉及智慧城市？", "佢哋邊個總共經費多啲？"),
        (
            "Which directions are about smart cities?",
            "which one of them gets more money overall in total?",
        ),
    ],
)
def test_which_of_them_more_in_total_is_a_comparison(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    expect(ask(engine, *turns), "compare", ["intl-1.1", "intl-1.3"])


def test_them_together_in_total_is_still_a_sum(engine: Engine) -> None:
    reply = ask(engine, "哪些方向涉及智慧城市？", "它们加起来总共多少钱？")
    assert reply["query"]["op"] == "sum", reply


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("平均资助最高的是哪个方向？", "它的总经费占政府间专项的百分之几？"), "26.2%"),
        (("總經費最少嘅係邊個方向？", "佢佔政府間專項總經費幾多個百分比？"), "0.4%"),
        (
            (
                "Which direction has the smallest total budget?",
                "what share of the intergovernmental budget is that?",
            ),
            "0.4%",
        ),
    ],
)
def test_share_of_the_end_a_ranking_picked(
    engine: Engine, turns: tuple[str, ...], has: str
) -> None:
    reply = expect(ask(engine, *turns), "compare", has=[has])
    assert len(reply["programs"]) == 1, reply


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("中德总经费多少？", "中芬呢？", "中德是中芬的几分之几？"), "1/3"),
        (("中德總經費幾多？", "中芬呢？", "中德係中芬嘅幾分之幾？"), "1/3"),
        (
            ("Germany total budget?", "and Finland?", "so Germany is which fraction of Finland?"),
            "1/3",
        ),
    ],
)
def test_fraction_of_the_larger(engine: Engine, turns: tuple[str, ...], has: str) -> None:
    expect(ask(engine, *turns), "compare", ["intl-1.6", "intl-1.8"], [has])


@pytest.mark.parametrize(
    "turns",
    [
        ("总经费多少？", "港澳台那个呢？", "两个加在一起呢？"),
        ("總經費幾多？", "港澳台嗰個呢？", "兩個加埋幾多？"),
        (
            "What is the total budget?",
            "and the Hong Kong/Macao/Taiwan one?",
            "add the two together?",
        ),
        ("你好，两个 call 合计多少经费？",),
    ],
)
def test_both_calls_added_up(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = expect(ask(engine, *turns), "budget")
    assert reply["query"]["op"] == "sum_calls", reply
    assert "52600" in reply["text"] or "526 million" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("Total budget of Spain?", "and of Russia?", "combine both, how much?"), "120 million"),
        (("Israel budget?", "and Italy?", "combining them?"), "40 million"),
    ],
)
def test_combine_them_is_a_sum(engine: Engine, turns: tuple[str, ...], has: str) -> None:
    reply = ask(engine, *turns)
    assert reply["query"]["op"] == "sum", reply
    assert has in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "turns",
    [
        ("总经费最高的是哪个方向？", "它两个领域各自资助几个项目？"),
        ("總經費最高嘅係邊個方向？", "佢兩個領域分別資助幾多個項目？"),
        ("Which direction gets the most money?", "and how many projects in each of its tracks?"),
    ],
)
def test_it_after_a_ranking_is_its_top(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "count", ["intl-1.4"])


@pytest.mark.parametrize(
    "message",
    [
        "阿根廷的总经费是中德的几分之几？",
        "您好，想问下阿根廷的總經費係中德嘅幾分之幾？唔該",
    ],
)
def test_fraction_of_two_named(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "compare", ["intl-1.8", "intl-2.4"], ["1/10"])
