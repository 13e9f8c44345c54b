"""Rankings, filters and follow-ups on a ranking (fc40), each kind on messages other than the
set's own: inclusive bounds written after the figure ("5 projects or fewer", "5个或更少"),
several places of one ranking at once ("倒数第二和第三"), the end just picked against another
place ("比第二名多多少"), terse joins of two measures ("total n no of projects") and a count
asked with "get funding" (no total)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check

# directions with 5 projects or fewer in the knowledge: Germany (5), Austria (about 4),
# Argentina (4), Korea energy (2), South Africa flagship (1)
FIVE_OR_FEWER = ["intl-1.7", "intl-1.8", "intl-2.1", "intl-2.3", "intl-2.4"]


@pytest.mark.parametrize(
    "message",
    [
        "Which directions fund 5 projects or under?",
        "list the directions with 5 projects and fewer please",
        "哪些方向资助5个或更少的项目？",
        "邊啲方向資助5項或者以下？",
        "您好，我想了解一下。哪些方向支持的项目数是5个或更少？谢谢",
    ],
)
def test_an_inclusive_upper_bound_after_the_figure(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", FIVE_OR_FEWER)


@pytest.mark.parametrize(
    "message",
    [
        "Which directions have 20 projects or higher?",
        "哪些方向的项目数是20个或更多？",
        "邊啲方向項目數20個或者以上？",
    ],
)
def test_an_inclusive_lower_bound_after_the_figure(engine: Engine, message: str) -> None:
    check(engine, (message,), "rank", ["intl-1.3", "intl-2.5"])


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        # 2nd and 3rd from the bottom by total: South Africa flagship (300), Korea (600)
        (("哪个方向总经费最少？", "倒数第二和第三是哪两个？"), ["intl-2.3", "intl-2.0"], ["600"]),
        (("總經費最少係邊個方向？", "倒數第二同倒數第三呢？"), ["intl-2.3", "intl-2.0"], ["600"]),
        (("the 2nd and 3rd smallest total budget?",), ["intl-2.3", "intl-2.0"], ["6 million"]),
        # a tie covers both places: Spain, Finland and Russia share places 2-4 by total
        (
            ("Which are the second and third largest directions by total budget?",),
            ["intl-1.3", "intl-1.6", "intl-2.5"],
            ["60 million"],
        ),
    ],
)
def test_several_places_of_one_ranking(
    engine: Engine, turns: tuple[str, ...], programs: list[str], has: list[str]
) -> None:
    check(engine, turns, "rank", programs, has)


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (
            (
                "What is the direction with the biggest budget?",
                "and how much more than the runner-up?",
            ),
            ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"],
            ["70 million"],
        ),
        (
            ("总经费最高的是哪个方向？", "它比第二名多多少钱？"),
            ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"],
            ["7000万"],
        ),
        (
            ("總經費最多係邊個方向？", "同最少嗰個差幾多倍？"),
            ["intl-1.4", "intl-2.4"],
            ["65"],
        ),
        (
            (
                "Which direction has the smallest average per project?",
                "how far below the 2nd smallest?",
            ),
            ["intl-2.4", "intl-2.0"],
            ["0.5 million"],
        ),
    ],
)
def test_the_end_just_picked_against_another_place(
    engine: Engine, turns: tuple[str, ...], programs: list[str], has: list[str]
) -> None:
    check(engine, turns, "compare", programs, has)


@pytest.mark.parametrize(
    "message",
    [
        "finland total n no of projects",
        "Finland total & number of projects pls",
        "finland no of projects + total?",
        "芬兰总经费跟项目数",
        "芬蘭總經費和項目數",
    ],
)
def test_two_measures_joined_tersely(engine: Engine, message: str) -> None:
    check(engine, (message,), "detail", ["intl-1.6"])


@pytest.mark.parametrize(
    "message",
    [
        "For the Israel direction, how many projects can receive funding?",
        "Israel direction: how many projects will be awarded funding?",
        "How many projects can win funding in the Israel direction?",
        "Hello, my group does water treatment. Israel direction: how many project get funding?",
        "以色列方向有多少个项目能获得资助？",
        "以色列方向有幾多個項目可以攞到資助？",
    ],
)
def test_a_count_of_projects_getting_funding(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "count", reply["text"]
    assert reply["programs"] == ["intl-1.9"], reply


@pytest.mark.parametrize(
    "follow_up",
    [
        "How does it compare with the 2nd one?",
        "vs the runner-up?",
        "同第二名比一比呢？",
        "和第二名相比呢？",
    ],
)
def test_the_top_set_beside_the_runner_up(engine: Engine, follow_up: str) -> None:
    turns = ("Which direction has the largest total budget?", follow_up)
    check(engine, turns, "compare", ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"])


@pytest.mark.parametrize("follow_up", ["第二名呢？", "and the second one?", "第二同第三呢？"])
def test_a_place_alone_stays_a_place(engine: Engine, follow_up: str) -> None:
    check(engine, ("哪个方向总经费最多？", follow_up), "rank")
