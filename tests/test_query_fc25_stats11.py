"""Statistics, filters and comparisons (fc25/fc26, i8-stats11): a call set aside by words written
after it ("港澳台项目不用算在内", "the Macao call not included", "do not count the HMT call")
leaves a filter over the other call; "how much times" asks a ratio; a call's average per project
with its division written out ("total budget divided by the number of projects") is the call's
average computed, not its overview; a filter's directions as a share of a call's money (or
projects); a simple mean of named averages ("取个简单平均", "simple average of"); "the same
budget than X" is the equal-figure filter; "which one support(s) more projects" compares. Each
on messages other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check

INTL_30M = ["intl-1.1", "intl-1.5", "intl-2.2"]


CASES = [
    # the other call set aside by words after its name: the filter keeps to the intergovernmental
    (("项目数等于15个的方向有哪些？港澳台那个不用算在内",), "rank", ["intl-1.6", "intl-2.2"], []),
    (("總經費剛好3000萬元嘅方向有邊啲？港澳台項目唔使計在內",), "rank", INTL_30M, ["3000"]),
    (
        ("您好！平均资助额是200万元的方向有哪几个？（港澳台项目无需计入）谢谢",),
        "rank",
        ["intl-1.2", "intl-1.9", "intl-2.2"],
        ["200"],
    ),
    (("總經費正好3000萬的方向有哪些？港澳台項目不算在內",), "rank", INTL_30M, []),
    (("总经费正好3000万的方向有哪些？不把港澳台算进去",), "rank", INTL_30M, []),
    (("总经费正好3000万的方向有哪些（港澳台的不计算在内）",), "rank", INTL_30M, []),
    (("總經費正好3000萬的方向有哪些？港澳台嘅唔好計",), "rank", INTL_30M, []),
    (("Which directions have exactly 30 million total? HMT not included.",), "rank", INTL_30M, []),
    # "分别考虑" sets nothing aside (别 of 分别 is no "别把")
    (
        ("两位老师分别考虑中德和中芬两个方向，这两个方向的总经费一共多少？",),
        "budget",
        ["intl-1.6", "intl-1.8"],
        ["8000"],
    ),
    (
        ("Which directions have exactly CNY 30 million in total? (the Macao call not included)",),
        "rank",
        INTL_30M,
        ["30 million"],
    ),
    (
        (
            "Which directions have a total of exactly CNY 30 million? Do not count the Hong "
            "Kong/Macao/Taiwan projects.",
        ),
        "rank",
        INTL_30M,
        [],
    ),
    (
        (
            "Which directions have exactly CNY 30 million in total, not counting the Hong Kong, "
            "Macao and Taiwan call?",
        ),
        "rank",
        INTL_30M,
        [],
    ),
    # "how much times": a ratio, the other name in an earlier sentence of the message
    (
        ("How much times bigger is the Finland total than the Germany total?",),
        "compare",
        ["intl-1.6", "intl-1.8"],
        ["3 times"],
    ),
    (
        (
            "Germany budget looks small next to Finland. How much times is the Finland budget "
            "bigger?",
        ),
        "compare",
        ["intl-1.6", "intl-1.8"],
        ["3 times"],
    ),
    (("中芬總經費係中德嘅幾多倍？",), "compare", ["intl-1.6", "intl-1.8"], ["3倍"]),
    (("以色列的平均资助额是韩国联合研究的几倍？",), "compare", ["intl-1.9", "intl-2.0"], ["2倍"]),
    # the call's average per project with its division written out: computed and labelled
    (
        (
            "Hello! For the entire intergovernmental call, what is the average money per project "
            "(budget divided by projects)? Thanks",
        ),
        "average",
        None,
        ["3.594 million"],
    ),
    (
        ("整个政府间专项平均每个项目多少经费？（总经费除以项目数）",),
        "average",
        None,
        ["359.4万元"],
    ),
    (("政府間專項整體平均每個項目幾多錢？總經費除以項目數計",), "average", None, ["359.4萬元"]),
    (("政府間專項經費總概算除以項目總數係幾多",), "average", None, ["359.4萬元"]),
    (
        (
            "If I divide the total intergovernmental budget by the number of projects, what "
            "do I get?",
        ),
        "average",
        None,
        ["3.594 million"],
    ),
    (("两个专项合起来，总经费除以总项目数是多少？",), "average", None, ["52600", "344万元"]),
    (("Both calls together: total money divided by total projects?",), "average", None, ["526"]),
    # one direction's division stays that direction's average
    (("芬兰方向总经费除以项目数是多少？",), "average", ["intl-1.6"], ["400"]),
    # a filter's directions as a share of a call's money (or projects): a ratio, so `compare`
    # (ASK_CONTRACT: "a difference, a ratio" → compare)
    (
        ("總經費低於2000萬的方向，合計佔政府間專項總經費的百分比是多少？",),
        "compare",
        ["intl-1.7", "intl-2.0", "intl-2.1", "intl-2.3", "intl-2.4"],
        ["3600", "7.3%"],
    ),
    (
        ("平均资助额不低于400万元的方向占政府间专项总经费的比例是多少？",),
        "compare",
        ["intl-1.4", "intl-1.6", "intl-1.8", "intl-2.1"],
        ["49600", "%"],
    ),
    (
        (
            "What share of the intergovernmental budget goes to directions with a total of at "
            "least CNY 30 million?",
        ),
        "compare",
        INTL_30M + ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"],
        ["CNY 400 million", "80.6%"],
    ),
    (
        ("What percent of the total funding do directions under CNY 20 million get?",),
        "compare",
        ["intl-1.7", "intl-2.0", "intl-2.1", "intl-2.3", "intl-2.4"],
        ["CNY 36 million", "6.8%"],
    ),
    (
        ("项目数超过10个的那几个方向，经费加起来占政府间专项的几成？",),
        "compare",
        ["intl-1.3", "intl-1.6", "intl-2.2", "intl-2.5"],
        ["合计：21000万元", "42.3%"],
    ),
    (
        ("項目數不少於15個的方向，合計佔政府間專項項目總數的百分之幾？",),
        "compare",
        ["intl-1.3", "intl-1.6", "intl-2.2", "intl-2.5"],
        ["50.7%"],
    ),
    # a simple mean of the named directions' averages
    (
        ("中芬、中意两个方向的平均资助额，做个简单平均是多少",),
        "average",
        ["intl-1.6", "intl-1.2"],
        ["300万元"],
    ),
    (
        ("中芬同中意兩個方向嘅平均資助額，簡單平均係幾多？",),
        "average",
        ["intl-1.6", "intl-1.2"],
        ["300萬元"],
    ),
    (
        ("simple average of the Finland and Italy averages?",),
        "average",
        ["intl-1.6", "intl-1.2"],
        ["CNY 3 million"],
    ),
    (("韓國兩個方向平均資助額嘅平均值係幾多",), "average", ["intl-2.0", "intl-2.1"], ["425萬元"]),
    (
        ("what is the mean of the Korea joint research and Korea energy averages?",),
        "average",
        ["intl-2.0", "intl-2.1"],
        ["CNY 4.25 million"],
    ),
    # every direction's average, then their mean (not the call's total over its directions)
    (("政府间专项所有方向的平均资助额再平均一下",), "average", None, ["÷ 14", "289.3万元"]),
    # "the same … than / like": the equal-figure filter
    (
        ("Which direction has the same average than Finland?",),
        "rank",
        ["intl-1.8"],
        ["4 million"],
    ),
    (
        ("Which programme have same average like Finland?",),
        "rank",
        ["intl-1.8"],
        [],
    ),
    (
        ("Spain average is what times of Argentina?",),
        "compare",
        ["intl-1.3", "intl-2.4"],
        ["6 times"],
    ),
    (
        ("Is there other direction with the same number of projects like Israel?",),
        "rank",
        ["intl-1.1", "intl-1.2", "intl-1.5"],
        [],
    ),
    # "which one support more / funds fewer": a comparison, not a sum
    (
        ("Italy and Israel, which one funds fewer projects?",),
        "compare",
        ["intl-1.2", "intl-1.9"],
        ["same"],
    ),
    (
        ("Korea joint research and Korea energy, which one have more projects?",),
        "compare",
        ["intl-2.0", "intl-2.1"],
        ["6 projects", "2 projects"],
    ),
    # the projects are what is compared, a money word beside them notwithstanding
    (
        ("中奥和中德，哪一个资助的项目多一些？",),
        "compare",
        ["intl-1.7", "intl-1.8"],
        ["资助项目数对比"],
    ),
    (
        ("奧地利同德國邊個計畫資助多啲項目？",),
        "compare",
        ["intl-1.7", "intl-1.8"],
        ["資助項目數對比"],
    ),
    (
        ("中奥和中德，哪个平均每个项目多？",),
        "compare",
        ["intl-1.7", "intl-1.8"],
        ["平均资助金额对比"],
    ),
    (
        ("Spain and Russia: which one funding more projects?",),
        "compare",
        ["intl-1.3", "intl-2.5"],
        ["Projects funded compared"],
    ),
    (
        (
            "South Africa joint research and the South Africa flagship - which one support "
            "more projects?",
        ),
        "compare",
        ["intl-2.2", "intl-2.3"],
        ["15"],
    ),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_statistics_filters_and_comparisons(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str] | None, has: list[str]
) -> None:
    check(engine, turns, intent, programs, has)


@pytest.mark.parametrize(
    "text",
    [
        "你好，总经费超过5000万元的那些方向，合计占政府间专项总经费的多大比例？谢谢",
        "总经费超过5000万元的方向，合计占政府间专项总经费的百分之几？",
    ],
)
def test_filter_share_of_call_after_the_sum(engine: Engine, text: str) -> None:
    """The sum of the directions kept, then its share of the call's 总概算 (computed, labelled)."""
    reply = ask(engine, text)
    assert sorted(reply["programs"]) == ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"], reply
    body = reply["text"]
    assert "62.5%" in body and "按通知的数字计算" in body, reply
    assert body.index("合计：") < body.index("62.5%"), reply


@pytest.mark.parametrize(
    "text",
    [
        "What is the simple average per project in the intergovernmental call?",
        "政府间专项简单平均每个项目多少钱",
    ],
)
def test_simple_average_per_project_is_no_mean_of_directions(engine: Engine, text: str) -> None:
    """ "simple average per project" asks an average per project, not a mean over directions."""
    reply = ask(engine, text)
    assert reply["intent"] == "average", reply
    assert "mean" not in reply["query"].get("op", ""), reply


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (
            ("总经费低于1000万的方向有哪些？", "这几个方向总经费除以总项目数是多少？"),
            ["intl-2.0", "intl-2.3", "intl-2.4"],
            ["1100万元 ÷ 11个项目", "100万元"],
        ),
        (
            ("中芬和中德的總經費分別是多少", "兩個方向總經費除以總項目數係幾多？"),
            ["intl-1.6", "intl-1.8"],
            ["8000萬元", "400萬元"],
        ),
        (
            (
                "Which directions fund fewer than 5 projects?",
                "total money divided by total projects for them?",
            ),
            ["intl-1.7", "intl-2.1", "intl-2.3", "intl-2.4"],
            ["CNY 30 million ÷ about 11 projects"],
        ),
    ],
)
def test_division_over_directions_talked_about_is_pooled(
    engine: Engine, turns: tuple[str, ...], programs: list[str], has: list[str]
) -> None:
    """The money of the directions just listed (or named) over their projects, pooled."""
    reply = ask(engine, *turns)
    assert reply["intent"] == "average", reply
    assert sorted(reply["programs"]) == sorted(programs), reply
    for figure in has:
        assert figure in reply["text"], reply


@pytest.mark.parametrize(
    "turns",
    [
        ("中芬和中德的总经费分别是多少", "政府间专项总经费除以项目数呢？"),
        ("港澳台项目总经费多少", "And the intergovernmental call, budget divided by projects?"),
    ],
)
def test_division_of_a_call_after_other_figures(engine: Engine, turns: tuple[str, ...]) -> None:
    """A call named with the division after other figures: that call's average, computed."""
    reply = ask(engine, *turns)
    assert reply["intent"] == "average", reply
    assert reply["query"]["calls"] == ["intl"], reply
    assert "359.4" in reply["text"] or "3.594" in reply["text"], reply


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("How many projects in the Russia direction? Is it exactly 20?", "up to 20"),
        ("how much projects Finland have? it is 15?", "up to 15"),
        ("俄罗斯方向支持多少项目？正好20个吗？", "不超过20个"),
        ("俄羅斯方向資助幾多個項目？係咪啱啱20個？", "不超過20個"),
    ],
)
def test_figure_checked_of_the_named_direction(engine: Engine, text: str, has: str) -> None:
    """A figure checked in a yes/no after one direction named is that direction's count, not a
    filter of every direction (nor money: "exactly 20" after projects)."""
    reply = ask(engine, text)
    assert reply["intent"] == "count", reply
    assert len(reply["programs"]) == 1, reply
    assert has in reply["text"], reply


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (("中芬平均每个项目多少？", "中德是不是也这个数"), ["intl-1.6", "intl-1.8"], "两者相同"),
        (("中意平均每個項目多少？", "中以係咪都係呢個數？"), ["intl-1.2", "intl-1.9"], "兩者相同"),
        (
            ("What is the Spain total budget?", "Russia also the same?"),
            ["intl-1.3", "intl-2.5"],
            "same",
        ),
    ],
)
def test_figure_just_given_asked_of_a_new_name(
    engine: Engine, turns: tuple[str, ...], programs: list[str], has: str
) -> None:
    """ "X是不是也这个数" after one direction's figure: the two side by side on that measure."""
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare", reply
    assert sorted(reply["programs"]) == sorted(programs), reply
    assert has in reply["text"], reply
