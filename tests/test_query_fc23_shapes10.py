"""Shapes of question (fc23/fc24, i8-shapes10): a filter whose measure stands between the
comparison word and "than" ("a smaller total budget than CNY 10 million"); a count of projects
in Taiwan's word (資助計畫數) or in English within Cantonese (project數目), so that several
measures asked at once give the direction's card. Each on messages other than the sets' own,
in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check, expect

CASES = [
    # the measure between the comparison word and "than": a filter, not an exact figure
    (
        ("List the programmes with a lower total budget than CNY 10 million please.",),
        "rank",
        ["intl-2.0", "intl-2.3", "intl-2.4"],
        [],
    ),
    (
        ("Our office needs the directions with fewer funded projects than 5.",),
        "rank",
        ["intl-1.7", "intl-2.1", "intl-2.3", "intl-2.4"],
        [],
    ),
    # a count in Taiwan's word beside the budget: the direction's card
    (("中芬計畫的補助總額與核定計畫數量分別為何？",), "detail", ["intl-1.6"], ["6000"]),
    (("中芬计划的资助总额和资助计画数各是多少？",), "detail", ["intl-1.6"], ["6000"]),
    # English "project" in Cantonese with another measure: the card
    (("西班牙嗰個project數目同平均每個幾多錢？",), "detail", ["intl-1.3"], ["6000"]),
    (("How many projects and what average does the Spain one fund?",), "detail", ["intl-1.3"], []),
    # a sentence about the asker that asks nothing does not add the measure it names
    (
        ("Hello, what does one China-Austria project get on average? We plan our budget now.",),
        "average",
        ["intl-1.7"],
        ["2.5 million"],
    ),
    (("中奥平均每项多少？我们正在编预算。",), "average", ["intl-1.7"], ["250万"]),
    (("中奧平均每項多少？我們正在編預算。",), "average", ["intl-1.7"], ["250萬"]),
    # asked in the same message, both measures are answered
    (
        ("We plan our budget. What are the total and the average of China-Austria?",),
        "detail",
        ["intl-1.7"],
        [],
    ),
    # a relayed person's given name is no place (Marco is not Macao)
    (
        ("Forwarded from Marco: how many projects does the Italy direction fund?",),
        "count",
        ["intl-1.2"],
        ["10"],
    ),
    (("Marco想问：中意方向总经费多少？",), "budget", ["intl-1.2"], []),
    (("Marco想問：中意方向總經費多少？",), "budget", ["intl-1.2"], []),
    # "EU" written before the joint labs' own word: the joint labs, not the EU's directions
    (("欧盟联合实验室那个方向资助几个项目？",), "count", ["intl-1.1"], ["10"]),
    (("歐盟聯合實驗室嗰個方向總經費幾多？",), "budget", ["intl-1.1"], ["3000"]),
    # the place counted from the bottom: the direction's place in the ranking
    (("中以平均每項經費係倒數第幾？",), "rank", None, ["倒數第3"]),
    (("阿根廷的项目数在所有方向里是倒数第几",), "rank", None, ["倒数第3"]),
    (("Counting from the bottom, which place is Austria by total budget?",), "rank", None, []),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_shapes_of_question(
    engine: Engine,
    turns: tuple[str, ...],
    intent: str,
    programs: list[str] | None,
    has: list[str],
) -> None:
    check(engine, turns, intent, programs, has)


@pytest.mark.parametrize(
    "text",
    [
        "芬蘭嗰個project數目係幾多？",
        "中芬計畫的核定計畫數是多少？",
    ],
)
def test_count_alone_stays_a_count(engine: Engine, text: str) -> None:
    """One measure alone is still that measure, not the card."""
    expect(ask(engine, text), "count", ["intl-1.6"])
