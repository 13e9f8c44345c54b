"""Filters on a measure asked with list words, qualifier notes and the calls taken together
(fc47/fc48), and two aspects of one direction where one is a yes/no, each on messages other than
the sets' own: "平均资助额低于200万元的一共有哪些" (the list, not a sum),
"项目数为15个（包括「不超过15个」）" (the note counts qualified figures as their value),
"Counting both calls together, which directions …" (the pool, not a sum),
"南非旗艦做咩領域？係咪得一個項目咋？" (the card: fields and the count checked),
"are these one-year grants or multi-year?" (the period)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

T3000 = ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"]
TLT1000 = ["intl-2.0", "intl-2.3", "intl-2.4"]
TGE6000 = ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"]
T1020 = ["intl-1.2", "intl-1.7", "intl-1.8", "intl-1.9", "intl-2.1"]
C10 = ["intl-1.1", "intl-1.2", "intl-1.5", "intl-1.9"]
C15 = ["intl-1.6", "intl-2.2", "hmt-1.1"]
C20 = ["intl-1.3", "intl-2.5"]
CLT5 = ["intl-1.7", "intl-2.1", "intl-2.3", "intl-2.4"]
ALT200 = ["intl-2.0", "intl-2.4"]
A300 = ["intl-1.1", "intl-1.3", "intl-1.5", "intl-2.3", "intl-2.5"]
A200 = ["intl-1.2", "intl-1.9", "intl-2.2", "hmt-1.1"]
FILTERS = [
    # exact total, list words
    ("总经费为3000万元的方向一共有哪些？", T3000),
    ("總經費係3000萬嘅方向一共有邊啲？", T3000),
    ("Which directions have a total budget of exactly CNY 30 million? List them all.", T3000),
    ("经费刚好3000万的都有哪些", T3000),
    ("總經費剛好3000萬的方向總共有哪幾個？", T3000),
    ("which ones have exactly 30 million in total budget altogether?", T3000),
    ("两个专项合起来看，总经费3000万的方向有哪些？", T3000),
    ("兩個專項合起來看，總經費3000萬的方向有哪些？", T3000),
    (
        "Counting both calls together, which directions have a total budget of CNY 30 million?",
        T3000,
    ),
    ("Taking both calls together, which directions get exactly 30 million?", T3000),
    # below / above total
    ("总经费低于1000万的一共有哪些？", TLT1000),
    ("總經費少過1000萬嘅一共有邊啲？", TLT1000),
    ("Which directions have a total budget below CNY 10 million altogether?", TLT1000),
    ("总经费不低于6000万的方向都有哪些？", TGE6000),
    ("總經費不低於6000萬的方向都有哪些？", TGE6000),
    ("Which directions have at least CNY 60 million in total? list them all please", TGE6000),
    ("总经费在1000万到2000万之间的一共有哪些", T1020),
    ("總經費喺1000萬到2000萬之間嘅一共有邊幾個？", T1020),
    ("Which directions have a total budget between 10 and 20 million, all of them?", T1020),
    # count, exact, with qualifier notes
    ("项目数为10个（包括“约10个”）的方向有哪些？", C10),
    ("項目數為10個（包括「約10個」）的方向有哪些？", C10),
    ("Which directions have exactly 10 projects (including 'about 10')?", C10),
    ("项目数为15个（“不超过15个”也算）的方向有哪些", C15),
    ("項目數係15個（「不超過15個」都算）嘅方向有邊啲", C15),
    ("which directions have 15 projects (up to 15 counts too)?", C15),
    ("项目数是20个（含不超过20个）的方向一共有哪些？", C20),
    ("項目數係20個（包埋「不超過20個」）嘅方向一共有邊啲？", C20),
    ("Which directions fund 20 projects (including up to 20)? list them", C20),
    ("项目数少于5个的方向一共有哪些？", CLT5),
    ("項目數少過5個嘅方向一共有邊啲？", CLT5),
    ("Which directions have fewer than 5 projects altogether?", CLT5),
    ("两个专项中，项目数为15个的方向有哪些？", C15),
    ("兩個專項入面，項目數係15個嘅方向有邊啲？", C15),
    ("Across both calls, which directions have exactly 15 projects?", C15),
    # average
    ("平均资助额低于200万元的一共有哪些？", ALT200),
    ("平均資助額低於200萬元的一共有哪些？", ALT200),
    ("Which directions have an average grant below CNY 2 million? List them all.", ALT200),
    ("平均每项300万的方向都有哪些？", A300),
    ("平均每項300萬嘅方向都有邊啲？", A300),
    ("Which directions average exactly CNY 3 million per project altogether?", A300),
    ("平均资助额为200万的方向总共有哪几个？", A200),
    ("平均資助額係200萬嘅方向總共有邊幾個？", A200),
    ("which directions give CNY 2 million per project on average? list all", A200),
]
FOLLOWS = [
    (("平均资助额最低的是哪个方向？", "那平均资助额低于200万元的一共有哪些？"), ALT200),
    (("平均資助額最低係邊個方向？", "咁平均資助額少過200萬嘅一共有邊啲？"), ALT200),
    (
        (
            "Which direction has the lowest average grant?",
            "and which ones are below CNY 2 million altogether?",
        ),
        ALT200,
    ),
    (("总经费最少的是哪个方向？", "那总经费低于1000万的一共有哪些？"), TLT1000),
    (("總經費最少係邊個？", "咁總經費少過1000萬嘅都有邊啲？"), TLT1000),
    (
        (
            "Which direction has the smallest total budget?",
            "and which have less than CNY 10 million? list them all",
        ),
        TLT1000,
    ),
]
# two aspects of one direction, one a yes/no
ASPECTS = [
    ("南非旗舰做什么领域？是不是就一个项目？", "detail", ["intl-2.3"], ["300", "氢能"]),
    ("南非旗舰资助什么领域，只有一个项目吗", "detail", ["intl-2.3"], ["300", "氢能"]),
    ("南非旗艦做咩領域？係咪得一個項目咋？", "detail", ["intl-2.3"], ["300", "氫能"]),
    ("南非旗艦項目資助什麼領域？是不是只有一個項目？", "detail", ["intl-2.3"], ["300", "氫能"]),
    (
        "What fields does the South Africa flagship fund? Only one project?",
        "detail",
        ["intl-2.3"],
        ["hydrogen", "3 million"],
    ),
    (
        "What does the SA flagship fund, and is it just one project?",
        "detail",
        ["intl-2.3"],
        ["hydrogen", "3 million"],
    ),
    ("阿根廷方向研究什么？是不是只有4个项目？", "detail", ["intl-2.4"], ["200", "4"]),
    ("阿根廷方向研究咩？係咪得4個項目啫？", "detail", ["intl-2.4"], ["200", "4"]),
    ("What does the Argentina direction fund? only 4 projects?", "detail", ["intl-2.4"], ["4"]),
    ("韩国能源那个做什么领域？是不是就两个项目？", "detail", ["intl-2.1"], ["1500"]),
    ("韓國能源嗰個做咩領域？係咪得兩個項目？", "detail", ["intl-2.1"], ["1500"]),
    (
        "What fields does the Korea energy direction cover? Just two projects?",
        "detail",
        ["intl-2.1"],
        ["15 million"],
    ),
    (
        "中欧旗舰有两个领域，分别是什么，各有几个项目？",
        "detail",
        ["intl-1.4"],
        ["FAB", "CCB", "2", "4"],
    ),
    (
        "中歐旗艦有兩個領域，分別是什麼？各有幾個項目？",
        "detail",
        ["intl-1.4"],
        ["FAB", "CCB", "2", "4"],
    ),
    (
        "The EU flagship has two areas. What are they and how many projects in each?",
        "detail",
        ["intl-1.4"],
        ["FAB", "CCB", "2", "4"],
    ),
    (
        "I heard the EU flagship has two tracks - what are they, and how many projects each?",
        "detail",
        ["intl-1.4"],
        ["FAB", "CCB"],
    ),
    (
        "中欧旗舰两个领域分别是什么？每个领域几个项目？",
        "detail",
        ["intl-1.4"],
        ["FAB", "CCB", "2", "4"],
    ),
    (
        "中歐旗艦兩個領域係咩嚟？每個領域幾多個項目？",
        "detail",
        ["intl-1.4"],
        ["FAB", "CCB", "2", "4"],
    ),
    # period
    ("项目是一年期的还是多年期的？", "period", [], ["2~3"]),
    ("項目係一年期定係多年期？", "period", [], ["2~3"]),
    ("Are these one-year grants or multi-year?", "period", [], ["2~3"]),
    ("For my planning: one-year projects or multi-year ones?", "period", [], ["2~3"]),
    ("项目执行期是不是三年？", "period", [], ["2~3"]),
    ("項目係咪做三年？", "period", [], ["2~3"]),
    ("Is the project period three years?", "period", [], ["2~3"]),
    ("芬蘭方向做咩㗎？係咪三年？", "detail", ["intl-1.6"], ["2~3"]),
    (
        "What does the Finland direction fund, and is it a three-year grant?",
        "detail",
        ["intl-1.6"],
        ["2~3"],
    ),
]

FILTERS2 = [
    ("总经费3000万的方向一共几个？都是哪些？", T3000),
    ("總經費3000萬嘅方向一共幾個？係邊啲？", T3000),
    ("How many directions have CNY 30 million in total, and which are they?", T3000),
    ("哪些方向项目数正好10个？约10个的也算", C10),
    ("邊啲方向項目數啱啱10個？約10個都計", C10),
    ("which directions have exactly 10 projects? 'about 10' counts as 10", C10),
    ("平均资助额低于200万元的一共有几个方向？", ALT200),
    ("平均資助額低過200萬嘅一共有幾多個方向？", ALT200),
    ("how many directions have an average below 2 million altogether, and which?", ALT200),
    ("总经费<1000万的方向一共哪些", TLT1000),
    ("總經費<1000萬的方向一共邊啲", TLT1000),
    ("directions with total < 10 million, all of them pls", TLT1000),
    ("请列出所有总经费不低于6000万的方向", TGE6000),
    ("請列出所有總經費不低於6000萬的方向", TGE6000),
    ("Please list every direction with a total of at least 60 million", TGE6000),
    ("项目数为20个（不超过20个也算在内）的方向", C20),
    ("項目數為20個（不超過20個也算在內）的方向", C20),
    ("directions with 20 projects (incl. 'up to 20')", C20),
    ("项目数在10到15个之间（含不超过15个）的方向一共有哪些？", C10 + C15),
    ("項目數喺10到15個之間（包括「不超過15個」）嘅方向一共有邊啲？", C10 + C15),
    (
        "Which directions have between 10 and 15 projects (including 'up to 15')? list them all",
        C10 + C15,
    ),
    ("政府间和港澳台两个专项合起来看，平均资助200万的方向有哪些？", A200),
    ("政府間同港澳台兩個專項合埋睇，平均資助200萬嘅方向有邊啲？", A200),
    ("Counting both calls together, which directions average CNY 2 million per project?", A200),
    ("总经费少于1000万元的方向一共有哪些？一共多少钱？", None),
]
ASPECTS2 = [
    ("南非旗舰领域是什么？就一个项目？", "detail", ["intl-2.3"], ["300"]),
    ("南非旗艦領域係乜？淨係得一個項目？", "detail", ["intl-2.3"], ["300"]),
    (
        "SA flagship: what field? and just one project, right?",
        "detail",
        ["intl-2.3"],
        ["3 million"],
    ),
    ("中德方向研究什么领域？是不是只资助5个项目？", "detail", ["intl-1.8"], ["5"]),
    ("中德方向研究咩領域？係咪只資助5個項目？", "detail", ["intl-1.8"], ["5"]),
    (
        "Which fields does China-Germany fund? Is it only 5 projects?",
        "detail",
        ["intl-1.8"],
        ["5"],
    ),
    ("以色列方向多少钱？是不是只有10个项目？", "detail", ["intl-1.9"], ["2000", "10"]),
    ("以色列方向幾多錢？係咪得10個項目？", "detail", ["intl-1.9"], ["2000", "10"]),
    (
        "Israel direction budget? and only 10 projects?",
        "detail",
        ["intl-1.9"],
        ["20 million", "10"],
    ),
    ("项目执行期是不是2到3年？", "period", [], ["2~3"]),
    ("項目周期係咪兩至三年？", "period", [], ["2~3"]),
    ("are the grants multi-year?", "period", [], ["2~3"]),
    ("is it a one year project or longer?", "period", [], ["2~3"]),
]

# the same figure as the direction just answered
SAME_AS_JUST_GIVEN = [
    (("Average for Finland?", "which other directions have the same average?"), ["intl-1.8"]),
    (
        ("What is Spain's total budget?", "which other directions have the same budget?"),
        ["intl-1.6", "intl-2.5"],
    ),
    (
        ("How many projects does Israel fund?", "which others have the same number?"),
        ["intl-1.1", "intl-1.2", "intl-1.5"],
    ),
    (("以色列支持几个项目？", "还有哪些方向也是这个数？"), ["intl-1.1", "intl-1.2", "intl-1.5"]),
    (("芬兰平均多少", "还有哪些方向平均也是这么多？"), ["intl-1.8"]),
    (("西班牙總經費幾多？", "仲有邊啲方向都係咁多？"), ["intl-1.6", "intl-2.5"]),
    (("芬蘭平均每項幾多錢？", "仲有邊啲方向都係咁多？"), ["intl-1.8"]),
    (("西班牙總經費多少？", "還有哪些方向也一樣？"), ["intl-1.6", "intl-2.5"]),
]

A200_300 = sorted(set(A200 + A300 + ["intl-1.7"]))
FILTERS3 = [
    ("项目数不少于15个（不超过15个的也算）的方向有哪些？", C15 + C20),
    ("項目數唔少過15個（「不超過15個」都計）嘅方向有邊啲？", C15 + C20),
    ("Which directions have at least 15 projects (including 'up to 15')?", C15 + C20),
    ("有哪些方向的总经费是3000万？列一下", T3000),
    ("總經費係3000萬嘅有邊幾個方向，全部列出嚟", T3000),
    ("which directions get CNY 30 million in total - full list please", T3000),
    ("平均资助额在200万到300万之间的方向都有哪些", A200_300),
    ("平均資助額喺200萬到300萬之間嘅方向都有邊啲", A200_300),
    (
        "Which directions have an average between CNY 2 and 3 million per project? all of them",
        A200_300,
    ),
    ("平局资助额低于200万的一共有哪些", ALT200),
    ("total budget exacly 30 million, which ones?", T3000),
    ("项目数15个的一共有几个方向？", C15),
    ("項目數15個嘅一共有幾多個方向？", C15),
]
ASPECTS3 = [
    ("俄罗斯方向做什么？是不是20个项目？", "detail", ["intl-2.5"], ["6000"]),
    ("俄羅斯方向做咩？係咪20個項目？", "detail", ["intl-2.5"], ["6000"]),
    (
        "What does the Russia direction fund? Is it 20 projects?",
        "detail",
        ["intl-2.5"],
        ["60 million"],
    ),
    ("中韩联合研究领域是啥，只有6个项目吗", "detail", ["intl-2.0"], ["600"]),
    ("韓國聯合研究做咩領域？淨係6個項目？", "detail", ["intl-2.0"], ["600"]),
    (
        "Korea joint research: which fields? only 6 projects?",
        "detail",
        ["intl-2.0"],
        ["6 million"],
    ),
    ("奥地利那个研究哪些领域？大概4个项目对吧？", "detail", ["intl-1.7"], ["1000"]),
    ("奧地利嗰個研究邊啲領域？大約4個項目啱唔啱？", "detail", ["intl-1.7"], ["1000"]),
    ("Austria: what topics, and about 4 projects, right?", "detail", ["intl-1.7"], ["10 million"]),
]

# what a direction does, said without a fields word, beside its period or count
WHAT_IT_DOES = [
    ("芬兰方向做什么的？执行期是不是三年？", "detail", ["intl-1.6"], ["2~3"]),
    ("西班牙方向做什么的？执行期多长？", "detail", ["intl-1.3"], ["2~3"]),
    ("西班牙方向做咩嘅？做幾耐？", "detail", ["intl-1.3"], ["2~3"]),
    ("阿根廷那个做什么的？只有4个项目吗？", "detail", ["intl-2.4"], ["200"]),
    ("阿根廷嗰個做咩㗎？係咪得4個項目？", "detail", ["intl-2.4"], ["200"]),
    ("西班牙方向做什么的", "fields", ["intl-1.3"], []),
]


def _wrapped(turns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The turns as written, and with the last one wrapped in a greeting and thanks."""
    last = turns[-1]
    hello, thanks = ("Hello! ", " Thanks!") if last.isascii() else ("老师您好！", " 谢谢！")
    return [turns, (*turns[:-1], hello + last + thanks)]


@pytest.mark.parametrize(("message", "programs"), FILTERS)
def test_a_filter_with_list_words_or_notes(
    engine: Engine, message: str, programs: list[str]
) -> None:
    for turns in _wrapped((message,)):
        expect(ask(engine, *turns), "rank", programs)


@pytest.mark.parametrize(("turns", "programs"), FOLLOWS)
def test_a_filter_after_a_ranking(
    engine: Engine, turns: tuple[str, ...], programs: list[str]
) -> None:
    for asked in _wrapped(turns):
        expect(ask(engine, *asked), "rank", programs)


@pytest.mark.parametrize(("message", "intent", "programs", "has"), ASPECTS)
def test_two_aspects_one_a_yes_no(
    engine: Engine, message: str, intent: str, programs: list[str], has: list[str]
) -> None:
    for turns in _wrapped((message,)):
        expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(("message", "programs"), FILTERS2)
def test_more_filter_wordings(engine: Engine, message: str, programs: list[str] | None) -> None:
    # None: the qualifying directions added up ("一共多少钱" asks a sum beside the list)
    for turns in _wrapped((message,)):
        expect(ask(engine, *turns), "rank" if programs else "budget", programs)


@pytest.mark.parametrize(("message", "intent", "programs", "has"), ASPECTS2)
def test_more_yes_no_aspects(
    engine: Engine, message: str, intent: str, programs: list[str], has: list[str]
) -> None:
    for turns in _wrapped((message,)):
        expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(("turns", "programs"), SAME_AS_JUST_GIVEN)
def test_the_same_figure_as_just_given(
    engine: Engine, turns: tuple[str, ...], programs: list[str]
) -> None:
    for asked in _wrapped(turns):
        expect(ask(engine, *asked), "rank", programs)


@pytest.mark.parametrize(("message", "programs"), FILTERS3)
def test_filters_with_notes_lists_and_slips(
    engine: Engine, message: str, programs: list[str]
) -> None:
    for turns in _wrapped((message,)):
        expect(ask(engine, *turns), "rank", programs)


@pytest.mark.parametrize(("message", "intent", "programs", "has"), ASPECTS3)
def test_what_it_does_and_a_count_checked(
    engine: Engine, message: str, intent: str, programs: list[str], has: list[str]
) -> None:
    for turns in _wrapped((message,)):
        expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(("message", "intent", "programs", "has"), WHAT_IT_DOES)
def test_what_a_direction_does_beside_a_check(
    engine: Engine, message: str, intent: str, programs: list[str], has: list[str]
) -> None:
    for turns in _wrapped((message,)):
        expect(ask(engine, *turns), intent, programs, has)
