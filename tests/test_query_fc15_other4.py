"""Follow-ups of fc15/fc16 (i8-other4): the partner's other direction asked as "另外嗰个…" or
"the total for the other … one", and a short "total both?" adding the directions just asked.
Each on messages other than the sets' own, in zh-Hans, zh-Hant (Cantonese) and English."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (("中韩能源技术联合研究多少钱", "另外嗰个韩国项目呢"), "budget", ["intl-2.0"], "600"),
        (("中南聯合研究平均每項幾多錢", "另外嗰個南非方向呢"), "average", ["intl-2.3"], "300"),
        (
            ("South Africa flagship budget?", "and the total for the other South African one?"),
            "budget",
            ["intl-2.2"],
            "30 million",
        ),
    ],
)
def test_the_partners_other_direction(engine, turns, intent, programs, has):
    expect(ask(engine, *turns), intent, programs, [has])


@pytest.mark.parametrize(
    ("turns", "intent", "has"),
    [
        (("Finland budget?", "and Israel?", "total both?"), "budget", "80 million"),
        (
            ("How many projects for Italy?", "and for Finland?", "and the total of the two?"),
            "count",
            "25",
        ),
        (("中芬項目幾多錢", "中德呢", "加埋幾多"), "budget", "8000"),
    ],
)
def test_total_of_the_directions_just_asked(engine, turns, intent, has):
    expect(ask(engine, *turns), intent, has=[has])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (
            ("Finland total budget?", "is that more than Austria and Germany combined?"),
            "30 million",
        ),
        (("芬兰总经费多少", "比奥地利和德国加起来还多吗"), "奥地利、德国合计：3000万元"),
        (("芬蘭總經費幾多", "比奧地利和德國加起來還多嗎"), "3000萬元"),
    ],
)
def test_one_against_a_sum_of_others(engine, turns, has):
    expect(ask(engine, *turns), "compare", ["intl-1.6", "intl-1.7", "intl-1.8"], [has])


@pytest.mark.parametrize(
    ("text", "program", "has"),
    [
        ("How much is the Israel call and what fields does it fund?", "intl-1.9", "20 million"),
        ("中以项目多少钱，资助哪些领域？", "intl-1.9", "2000万元"),
        ("中德項目幾多錢，資助咩領域？", "intl-1.8", "2000萬元"),
    ],
)
def test_money_and_fields_in_one_question(engine, text, program, has):
    expect(ask(engine, text), "detail", [program], [has])
