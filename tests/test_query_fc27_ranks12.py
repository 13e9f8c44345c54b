"""Rankings with exclusions, shares and places of a previous list (fc27/fc28, i8-ranks12): a
ranking with the directions that would have answered set aside asks the next one (its answer
only, as an ordinal does), a whole call set aside still ranks every direction of the other; the
top's share of a call ("经费最多的方向占…的百分之几"), not a ranking by share; a share of "the two
together" in English; a share with no measure said keeps the count talked about; whole
percentages without ".0"; the call's average per project in Cantonese (成个专项); the rest of
the list just given once its first or last places are set aside ("除咗头两个，剩低嗰个"). Each on
messages other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

CASES = [
    # the one after those set aside: its answer only
    (("除了中俄，哪个方向资助的项目最多？",), "rank", ["intl-1.3"], ["20"]),
    (("唔計西班牙同俄羅斯，邊個方向項目最多？",), "rank", ["intl-1.6", "intl-2.2", "hmt-1.1"], []),
    (
        ("Leaving out the EU flagship, which programme has the biggest total?",),
        "rank",
        ["intl-1.3", "intl-1.6", "intl-2.5"],
        ["60 million"],
    ),
    (
        ("除了阿根廷和中韩联合研究，平均资助最低的是哪个？",),
        "rank",
        ["intl-1.2", "intl-1.9", "intl-2.2", "hmt-1.1"],
        ["200"],
    ),
    # the top's share of a call
    (("总经费最多的方向占政府间专项总经费的百分之几？",), "compare", ["intl-1.4"], ["26.2%"]),
    (("總經費最少嘅方向佔政府間專項預算幾多%？",), "compare", ["intl-2.4"], ["0.4%"]),
    (
        ("What percentage of the intergovernmental budget does the biggest direction get?",),
        "compare",
        ["intl-1.4"],
        ["26.2%"],
    ),
    # "of the two together" in English
    (
        (
            "Russia budget?",
            "and Italy?",
            "as a percentage, Italy is how much of the two together?",
        ),
        "compare",
        ["intl-1.2", "intl-2.5"],
        ["25%"],
    ),
    # the top by the measure said before the share, its share of the money
    (
        ("項目數最多嘅方向佔政府間專項總經費幾多%？",),
        "compare",
        ["intl-1.3", "intl-2.5"],
        ["24.2%"],
    ),
    # the count talked about kept for the share
    (
        ("中德支持几个项目？", "那中西呢？", "中德占两者合计的百分之几？"),
        "compare",
        ["intl-1.8", "intl-1.3"],
        ["20%"],
    ),
    (
        ("澳门项目资助几个项目？", "政府间专项呢？", "澳门占两者合计的百分之几？"),
        "compare",
        ["hmt-1.1"],
        ["9.8%"],
    ),
    # whole percentages without ".0"
    (("中德的总经费是中芬的百分之几？",), "compare", ["intl-1.8", "intl-1.6"], ["33.3%"]),
    (("中阿總經費係中意嘅百分之幾？",), "compare", ["intl-2.4", "intl-1.2"], ["10%"]),
    # the call's average per project, computed, in Cantonese
    (("成個政府間專項平均每個項目有幾多錢？",), "average", None, ["359.4"]),
    # the rest of the list just given
    (
        ("总经费最少的三个方向是哪几个？", "除了前两个，剩下那个平均每项多少钱？"),
        "average",
        ["intl-2.0"],
        ["100"],
    ),
    (
        ("經費最多嘅三個方向係邊啲？", "唔計第一個，其餘嘅加埋幾多錢？"),
        "budget",
        ["intl-1.3", "intl-1.6", "intl-2.5"],
        ["18000"],
    ),
    (
        (
            "Which three directions have the smallest budget?",
            "except the last one, how many projects do the other two fund?",
        ),
        "count",
        ["intl-2.4", "intl-2.3"],
        ["5 projects"],
    ),
]


# the cheapest or the maximum among the directions whose figures were just given
AMONG_PREVIOUS = [
    (("哪些方向涉及氢能？", "它们平均每个项目多少钱？", "哪个最便宜？"), "2.3"),
    (("邊啲方向有提到疫苗？", "佢哋平均每個項目幾多錢？", "邊個最平？"), "1.9"),
    (
        (
            "Which directions mention hydrogen?",
            "and of these, which one gives the maximum money per project?",
        ),
        "2.1",
    ),
]


@pytest.mark.parametrize(("turns", "answer"), AMONG_PREVIOUS)
def test_an_end_among_the_directions_just_given(
    engine: Engine, turns: tuple[str, ...], answer: str
) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] in ("rank", "compare"), reply
    assert len(reply["programs"]) < 5, reply["programs"]
    # the answer is said first (a ranking's head) or in the conclusion of the comparison
    lines = reply["text"].splitlines()
    said = [lines[0], lines[-1], *(x for x in lines if x.startswith(("结论", "結論", "So ")))]
    assert any(answer in x for x in said), reply["text"]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_ranks_shares_and_places(
    engine: Engine,
    turns: tuple[str, ...],
    intent: str,
    programs: list[str] | None,
    has: list[str],
) -> None:
    expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(
    "text",
    [
        "不算港澳台，哪个方向经费最多？",
        "Not counting the Macao call, which direction has the most money?",
    ],
)
def test_a_call_set_aside_ranks_every_direction_of_the_other(engine: Engine, text: str) -> None:
    reply = expect(ask(engine, text), "rank")
    assert len(reply["programs"]) == 15, reply["programs"]


def test_a_ranking_by_share_stays_a_ranking(engine: Engine) -> None:
    reply = expect(ask(engine, "哪个方向占总经费的比例最高？"), "rank")
    assert len(reply["programs"]) > 1


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("除了中俄，哪个方向资助的项目最多？", "已除去：2.5 中俄科技合作"),
        ("唔計歐盟旗艦，邊個方向平均最高？", "已除去：1.4 中歐旗艦合作計劃"),
        ("Apart from Argentina, which direction has the lowest average?", "set aside: 2.4"),
    ],
)
def test_the_ranking_says_what_it_set_aside(engine: Engine, text: str, said: str) -> None:
    reply = expect(ask(engine, text), "rank")
    assert said in reply["text"].splitlines()[0], reply["text"]
