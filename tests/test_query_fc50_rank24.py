"""Rankings, filters, shares and both calls (fc49/fc50), each kind on messages other than the
sets' own: both calls added up when said beside a measure ("how many projects, both calls?"),
a filter with the other call counted in ("港澳台那个专项也请一起算进去", "please also count the
HMT call"), an exact count with the notice's qualified figures left out ("not 'about 10'",
"约10个的不算"), a share whose whole's figure is said in brackets ("占项目总数（约138个）的多少"),
a share of the call held by the directions a filter keeps (a ratio: compare), a superlative asked
with the figure the asker read ("I read 7.5 million for Korea energy, is it the biggest?") and a
group word whose members are listed in brackets ("european countries (Italy, Spain, …)")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import check

EXACT_30M = ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"]
EXACT_10 = ["intl-1.1", "intl-1.2", "intl-1.9"]  # 1.5 is "about 10"
SIXTY = ["intl-1.3", "intl-1.6", "intl-2.5"]
FIVE_EU = ["intl-1.2", "intl-1.3", "intl-1.6", "intl-1.7", "intl-1.8"]
ALL = [f"intl-{n}" for n in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9")]
ALL += [f"intl-{n}" for n in ("2.0", "2.1", "2.2", "2.3", "2.4", "2.5")] + ["hmt-1.1"]

CELLS = [
    # both calls beside a measure: the two added up
    ("how many projects total, all both calls?", "count", [], ["153"]),
    ("projects in total across both calls?", "count", [], ["153"]),
    ("Both calls: how many projects altogether?", "count", [], ["153"]),
    ("hi, how many projects, both calls? thanks", "count", [], ["153"]),
    ("how many projets total for the two calls", "count", [], ["153"]),
    ("total budget, both calls?", "budget", [], ["526"]),
    ("两个专项总共多少个项目？", "count", [], ["153"]),
    ("项目总数，两个专项？", "count", [], ["153"]),
    ("两个专项合计经费？", "budget", [], ["52600"]),
    ("兩個專項總共幾多個項目？", "count", [], ["153"]),
    ("兩個專項各有多少個項目？", "count", [], ["153"]),
    ("兩個專項總經費係幾多？", "budget", [], ["52600"]),
    ("请问两个专项一共支持多少个项目？谢谢", "count", [], ["153"]),
    (
        "Hello! I am writing a report. Total number of projects in both calls?",
        "count",
        [],
        ["153"],
    ),
    ("两个专项加起来总经费多少", "budget", [], ["52600"]),
    ("兩個專項一共幾多錢？", "budget", [], ["52600"]),
    ("both calls, average per project?", "average", [], ["3.44"]),
    ("how much money in total, both calls together?", "budget", [], ["526"]),
    ("政府间专项一共多少个？", "count", [], ["138"]),
    ("政府間專項一共幾多個？", "count", [], ["138"]),
    ("中欧旗舰一共几个领域", "fields", ["intl-1.4"], []),
    # a filter with the other call counted in
    ("總經費剛好3000萬的方向有哪些？港澳台專項的方向也請算進去。", "rank", EXACT_30M, []),
    ("总经费正好3000万元的方向？港澳台专项那个也请一起算进去", "rank", EXACT_30M, []),
    ("总经费等于3000万的方向有哪些，港澳台的方向也要算上", "rank", EXACT_30M, []),
    (
        "Which directions have exactly CNY 30 million? Please also count the HMT call.",
        "rank",
        EXACT_30M,
        [],
    ),
    (
        "directions with exactly 30 million, add the Hong Kong, Macao and Taiwan call too",
        "rank",
        EXACT_30M,
        [],
    ),
    ("Directions with exactly CNY 30 million, including the Macao call?", "rank", EXACT_30M, []),
    (
        "项目数为15个的方向有哪些？港澳台专项也算进去",
        "rank",
        ["intl-1.6", "intl-2.2", "hmt-1.1"],
        [],
    ),
    (
        "平均每项200万的方向有哪些？港澳台的也一起算",
        "rank",
        ["intl-1.2", "intl-1.9", "intl-2.2", "hmt-1.1"],
        [],
    ),
    (
        "Which directions have an average of CNY 2 million? Also count the Macao call.",
        "rank",
        ["intl-1.2", "intl-1.9", "intl-2.2", "hmt-1.1"],
        [],
    ),
    (
        "Which directions get exactly CNY 30 million, counting the Macao one?",
        "rank",
        EXACT_30M,
        [],
    ),
    # the partners with the other call counted in: every direction's partner
    ("合作方名单给我一份，港澳台的也一起列上", "partners", ALL, []),
    ("List the partner countries please, and also include the HMT call.", "partners", ALL, []),
    ("合作國家有邊啲？港澳台嗰個都計埋", "partners", ALL, []),
    ("合作國家有哪些？港澳台專項的也請算進去", "partners", ALL, []),
    # an exact count with qualified figures left out
    ('Which directions fund exactly 10 projects, not "about 10"?', "rank", EXACT_10, []),
    ("directions with exactly 10 projects (not about 10)", "rank", EXACT_10, []),
    (
        "Which programmes have 10 projects exactly? Excluding the 'about 10' ones.",
        "rank",
        EXACT_10,
        [],
    ),
    ("项目数刚好10个的方向有哪些？约10个的不算", "rank", EXACT_10, []),
    ("项目数正好10个的方向（不算约10个）", "rank", EXACT_10, []),
    ("項目數剛好10個嘅方向有邊啲？「約10個」唔計", "rank", EXACT_10, []),
    ("項目數正好10個的方向有哪些？不包括約10個的", "rank", EXACT_10, []),
    ("项目数正好20个的方向有哪些？不算「不超过20个」", "rank", [], []),
    (
        "exactly 10 projects: which directions? (about 10 counts too)",
        "rank",
        [*EXACT_10, "intl-1.5"],
        [],
    ),
    ('Directions with 15 projects, not counting "up to 15"', "rank", ["intl-2.2", "hmt-1.1"], []),
    ("项目数为15个的方向（不含不超过15个的）", "rank", ["intl-2.2", "hmt-1.1"], []),
    ("項目數15個嘅方向，唔計「不超過15個」嗰啲", "rank", ["intl-2.2", "hmt-1.1"], []),
    ("exactly 4 projects, which directions? not the approximate ones", "rank", ["intl-2.4"], []),
    ("项目数正好4个的方向，大约4个的不要", "rank", ["intl-2.4"], []),
    ("項目數剛好係4個嘅方向有邊啲？約數唔計", "rank", ["intl-2.4"], []),
    ("项目数为20个的方向（包括不超过20个）", "rank", ["intl-1.3", "intl-2.5"], []),
    # a share of counts with the whole's figure in brackets
    (
        "中西、中俄的项目数合计占政府间专项项目总数（约138个）的多少？",
        "compare",
        ["intl-1.3", "intl-2.5"],
        ["29"],
    ),
    (
        "中芬和中德项目数加起来占政府间专项项目总数的多少",
        "compare",
        ["intl-1.6", "intl-1.8"],
        ["14"],
    ),
    (
        "中西、中俄項目數合計佔政府間專項項目總數（約138個）的多少？",
        "compare",
        ["intl-1.3", "intl-2.5"],
        ["29"],
    ),
    (
        "中意和中以的项目数合计占政府间专项项目总数的多少",
        "compare",
        ["intl-1.2", "intl-1.9"],
        ["14.5"],
    ),
    # the share of the call held by the directions a filter keeps
    (
        "What share of the intergovernmental budget goes to the directions with CNY 60 million "
        "each?",
        "compare",
        SIXTY,
        ["36.3"],
    ),
    (
        "what percentage of the intergovernmental call's money do the CNY 60 million directions "
        "get?",
        "compare",
        SIXTY,
        ["36.3"],
    ),
    ("总经费为6000万元的几个方向合计占政府间专项总经费的百分之几？", "compare", SIXTY, ["36.3"]),
    ("總經費係6000萬嘅方向加埋佔政府間專項總經費幾多百分比？", "compare", SIXTY, ["36.3"]),
    (
        "项目数超过10个的方向，经费加起来占政府间专项总经费的百分之几",
        "compare",
        ["intl-1.3", "intl-2.5", "intl-1.6", "intl-2.2"],
        ["42.3"],
    ),
    # a superlative with the figure the asker read
    (
        "Which program has the biggest average per project? I read 7.5 million for Korea energy, "
        "is it the biggest?",
        "rank",
        None,
        ["35 million"],
    ),
    (
        "Highest average per project? I saw CNY 7.5 million for Korea energy.",
        "rank",
        None,
        ["35 million"],
    ),
    (
        "which direction has the largest average grant, is it korea energy with 7.5 million?",
        "rank",
        None,
        ["35 million"],
    ),
    ("平均每项最高的是哪个方向？我看到韩国能源是750万，是最高的吗", "rank", None, ["3500万"]),
    ("平均資助最高嘅係邊個方向？我睇到韓國能源係750萬，係咪最高？", "rank", None, ["3500萬"]),
    ("哪個方向總經費最多？聽說歐盟旗艦有1.3億", "rank", None, ["13000萬"]),
    ("总经费最多的方向是哪个？听说是西班牙6000万", "rank", None, ["13000万"]),
    (
        "Which direction has the most projects? I heard Russia has 20.",
        "rank",
        None,
        ["China–Spain"],
    ),
    ("项目最多的是哪个方向？我听说俄罗斯有20个", "rank", None, ["中西"]),
    ("最多項目嘅方向？我記得係俄羅斯", "rank", None, ["中西"]),
    (
        "Which direction has the lowest total? I think Argentina with 2 million.",
        "rank",
        None,
        ["lowest total budget: 2.4"],
    ),
    ("總經費最少係邊個？我記得阿根廷得200萬", "rank", None, ["總金額最低：2.4"]),
    (
        "What is the smallest average per project? Argentina is 0.5 million, right?",
        "rank",
        None,
        ["lowest average per project: 2.4"],
    ),
    # a group word whose members are listed in brackets
    (
        "How much total money for all the european countries together (Italy, Spain, Finland, "
        "Austria, Germany)?",
        "budget",
        FIVE_EU,
        ["170 million"],
    ),
    (
        "european countries (Italy, Spain, Finland, Austria and Germany): total budget together?",
        "budget",
        FIVE_EU,
        ["170 million"],
    ),
    ("欧洲国家（意大利、西班牙、芬兰、奥地利、德国）一共多少钱？", "budget", FIVE_EU, ["17000"]),
    ("歐洲國家（意大利、西班牙、芬蘭、奧地利、德國）加埋幾多錢？", "budget", FIVE_EU, ["17000"]),
    (
        "Europe (Italy and Germany): how many projects in total?",
        "count",
        ["intl-1.2", "intl-1.8"],
        ["15"],
    ),
]


@pytest.mark.parametrize(("message", "intent", "programs", "has"), CELLS)
def test_rankings_filters_shares_and_both_calls(
    engine: Engine, message: str, intent: str, programs: list[str] | None, has: list[str]
) -> None:
    check(engine, (message,), intent, programs, has)


@pytest.mark.parametrize(
    "turns",
    [
        ("内地与澳门联合资助研发项目支持几个项目？", "那政府间专项一共多少个？", "两个加起来呢？"),
        ("澳門嗰個方向資助幾多個項目？", "政府間專項一共幾多個？", "兩個加埋呢？"),
        ("How many projects for the Macao direction?", "and the intergovernmental call?", "sum?"),
    ],
)
def test_both_calls_added_after_each_was_counted(engine: Engine, turns: tuple[str, ...]) -> None:
    check(engine, turns, "count", [], ["153"])
