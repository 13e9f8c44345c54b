"""Sums over the directions named in one message and "the other direction" of a partner with
two: a grid of the kind (two or three directions named by partner, short name or English name,
or a partner's two directions) x sum words x measure (budget / projects) x form (plain, with a
sentence about the asker, a follow-up), and "the other one" described (另一个方向, 不是能源那个,
the non-flagship one) on a first turn and as a follow-up, in zh-Hans, zh-Hant and English."""

from __future__ import annotations

import pytest

from tests.asking import ask

FIN, GER, ITA, ISR, AUT = "intl-1.6", "intl-1.8", "intl-1.2", "intl-1.9", "intl-1.7"
KO, KOE, SA, SAF, MAC = "intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3", "hmt-1.1"
S_FG = [FIN, GER]
S_IG = [ITA, GER, ISR]
GRID = [
    # --- sums of budgets, zh-Hans
    (("中芬和中德两个方向的经费一起算是多少？",), "budget", S_FG, "8000万元"),
    (("中芬跟中德经费合计是多少",), "budget", S_FG, "8000万元"),
    (("芬兰和德国的经费加起来有多少钱？",), "budget", S_FG, "8000万元"),
    (("中芬、中德总共有多少经费",), "budget", S_FG, "8000万元"),
    (("中芬和中德的经费共计多少",), "budget", S_FG, "8000万元"),
    (("意大利、德国和以色列三个方向经费一起算多少？",), "budget", S_IG, "6000万元"),
    (("意大利、德国、以色列三个方向合计多少经费",), "budget", S_IG, "6000万元"),
    (("南非两个方向的经费一起算是多少",), "budget", [SA, SAF], "3300万元"),
    (("韩国两个方向经费总共多少？",), "budget", [KO, KOE], "2100万元"),
    (
        ("老师您好，我们课题组想同时关注芬兰和德国，请问中芬和中德两个方向经费一起算是多少？",),
        "budget",
        S_FG,
        "8000万元",
    ),
    (
        ("您好，我是做能源的，韩国两个方向的经费一起算一共多少？谢谢",),
        "budget",
        [KO, KOE],
        "2100万元",
    ),
    (("中芬方向的经费是多少？", "那和中德一起算是多少？"), "budget", S_FG, "8000万元"),
    (("中芬方向的经费是多少？", "加上中德的呢，合计多少"), "budget", S_FG, "8000万元"),
    (("中芬多少钱", "中德呢", "两个一起算多少"), "budget", S_FG, "8000万元"),
    # --- sums of projects, zh-Hans
    (("意大利和以色列一共多少个项目",), "count", [ITA, ISR], "20个项目"),
    (("中意和中以的项目数一起算是多少？",), "count", [ITA, ISR], "20个项目"),
    (("南非两个方向项目数加起来是多少",), "count", [SA, SAF], "16个项目"),
    (("韩国两个方向的项目数合计多少",), "count", [KO, KOE], "8个项目"),
    (("德国、意大利、以色列三个方向的项目数总共多少",), "count", S_IG, "25个项目"),
    (
        ("中意项目数多少", "中以的呢？", "两个方向项目数一起算多少"),
        "count",
        [ITA, ISR],
        "20个项目",
    ),
    # --- zh-Hant HK / TW
    (("中芬同中德兩個方向嘅經費加埋係幾多？",), "budget", S_FG, "8000萬元"),
    (("中芬和中德兩個方向的經費合起來是多少？",), "budget", S_FG, "8000萬元"),
    (("芬蘭同德國經費一齊計幾多錢",), "budget", S_FG, "8000萬元"),
    (("請問中芬與中德的經費共計多少？",), "budget", S_FG, "8000萬元"),
    (("南非兩個方向嘅經費加埋幾多",), "budget", [SA, SAF], "3300萬元"),
    (("韓國兩個方向的經費總共多少",), "budget", [KO, KOE], "2100萬元"),
    (("意大利、德國同以色列三個方向經費加埋幾多",), "budget", S_IG, "6000萬元"),
    (("意大利同以色列加埋有幾多個項目",), "count", [ITA, ISR], "20個項目"),
    (("南非兩個方向的項目數合起來是多少？",), "count", [SA, SAF], "16個項目"),
    (("韓國兩個方向項目數一共幾多個",), "count", [KO, KOE], "8個項目"),
    (("中芬經費幾多？", "同中德加埋呢？"), "budget", S_FG, "8000萬元"),
    (
        ("你好，我係港大嘅研究員，想問中芬同中德兩個方向經費加埋係幾多？",),
        "budget",
        S_FG,
        "8000萬元",
    ),
    (
        ("您好，我在台大任教，想請問中芬與中德兩個方向的經費合計是多少？",),
        "budget",
        S_FG,
        "8000萬元",
    ),
    # --- English
    (("What is the Finland and Germany budget combined?",), "budget", S_FG, "CNY 80 million"),
    (("China-Finland and China-Germany budgets in total?",), "budget", S_FG, "CNY 80 million"),
    (("How much do Finland and Germany get together?",), "budget", S_FG, "CNY 80 million"),
    (("Finland plus Germany, budget altogether?",), "budget", S_FG, "CNY 80 million"),
    (("Budget of Finland and Germany put together?",), "budget", S_FG, "CNY 80 million"),
    (("Italy, Germany and Israel: total budget of the three?",), "budget", S_IG, "CNY 60 million"),
    (("Korea both programmes total budget",), "budget", [KO, KOE], "CNY 21 million"),
    (
        ("What is the budget of both South Africa directions combined?",),
        "budget",
        [SA, SAF],
        "CNY 33 million",
    ),
    (
        ("How many projects do Italy and Israel fund in total?",),
        "count",
        [ITA, ISR],
        "20 projects",
    ),
    (
        ("Number of projects of both Korean directions together?",),
        "count",
        [KO, KOE],
        "8 projects",
    ),
    (
        ("Projects of the two South Africa directions altogether?",),
        "count",
        [SA, SAF],
        "16 projects",
    ),
    (
        (
            "Hi, I am a professor in Helsinki working with a German partner. What is the "
            "budget of the Finland and Germany directions combined?",
        ),
        "budget",
        S_FG,
        "CNY 80 million",
    ),
    (("Finland budget?", "and together with Germany?"), "budget", S_FG, "CNY 80 million"),
    (("Italy projects?", "and Israel?", "both together?"), "count", [ITA, ISR], "20 projects"),
    # --- the other direction, first turn
    (("韩国有两个方向，一个是能源，另一个方向的经费是多少？",), "budget", [KO], "600万元"),
    (("韩国不是能源那个方向经费多少",), "budget", [KO], "600万元"),
    (("南非非旗舰那个方向多少钱",), "budget", [SA], "3000万元"),
    (("南非两个方向，除了旗舰，另一个的项目数是多少",), "count", [SA], "15个项目"),
    (("韓國有兩個方向，一個係能源，另一個嘅經費係幾多？",), "budget", [KO], "600萬元"),
    (("韓國不是能源的那個方向經費多少？",), "budget", [KO], "600萬元"),
    (("南非唔係旗艦嗰個方向有幾多錢",), "budget", [SA], "3000萬元"),
    (
        ("Korea has two directions; one is energy. What is the other one budget?",),
        "budget",
        [KO],
        "CNY 6 million",
    ),
    (
        ("What is the budget of the other Korean programme, not the energy one?",),
        "budget",
        [KO],
        "CNY 6 million",
    ),
    (("South Africa: the non-flagship one, how many projects?",), "count", [SA], "15 projects"),
    (
        ("South Africa has two directions. What is the budget of the non-flagship one?",),
        "budget",
        [SA],
        "CNY 30 million",
    ),
    # --- the other direction, follow-up
    (("韩国能源方向经费多少", "另一个方向呢？"), "budget", [KO], "600万元"),
    (("韩国能源方向经费多少", "那韩国另一个方向呢"), "budget", [KO], "600万元"),
    (("南非旗舰多少钱", "南非另一个方向呢"), "budget", [SA], "3000万元"),
    (("南非旗舰项目数多少", "另一个呢"), "count", [SA], "15个项目"),
    (("韓國能源方向經費幾多", "另一個方向呢？"), "budget", [KO], "600萬元"),
    (("南非旗艦有幾多錢", "南非另一個方向呢"), "budget", [SA], "3000萬元"),
    (("Korea energy budget?", "and the other Korean programme?"), "budget", [KO], "CNY 6 million"),
    (
        ("South Africa flagship budget?", "what about the other one?"),
        "budget",
        [SA],
        "CNY 30 million",
    ),
    (
        ("South Africa flagship budget?", "and the non-flagship one?"),
        "budget",
        [SA],
        "CNY 30 million",
    ),
    (
        ("China-Korea joint research budget?", "and the other Korean one?"),
        "budget",
        [KOE],
        "CNY 15 million",
    ),
]
GRID += [
    # --- more sums: mixed naming, terse, typos
    (("中芬加上德国一共多少钱",), "budget", S_FG, "8000万元"),
    (("芬兰+德国 经费 合计",), "budget", S_FG, "8000万元"),
    (("中芬 中德 经费加起来",), "budget", S_FG, "8000万元"),
    (("中芬和中德总共几个项目",), "count", S_FG, "20个项目"),
    (("中德和中以项目数一起算几个",), "count", [GER, ISR], "15个项目"),
    (("中德、中意、中以三个方向总共资助多少个项目？",), "count", S_IG, "25个项目"),
    (("韩国两个方向一共资助几个项目",), "count", [KO, KOE], "8个项目"),
    (("南非两个方向加起来多少钱？谢谢",), "budget", [SA, SAF], "3300万元"),
    (("你好，我是南非留学生，南非两个方向的经费合计多少？",), "budget", [SA, SAF], "3300万元"),
    (("以色列同意大利加埋幾多錢？",), "budget", [ITA, ISR], "4000萬元"),
    (("中德同中以項目數加埋幾多個",), "count", [GER, ISR], "15個項目"),
    (("南韓兩個計畫經費合計多少？",), "budget", [KO, KOE], "2100萬元"),
    (("請問中德、中意與中以三個方向的項目數共計多少？",), "count", S_IG, "25個項目"),
    (("中芬經費多少？", "中德呢？", "兩個合起來是多少？"), "budget", S_FG, "8000萬元"),
    (("中意有幾多個項目", "中以呢", "兩個加埋幾多個"), "count", [ITA, ISR], "20個項目"),
    (("Finland and Germany, total number of projects combined?",), "count", S_FG, "20 projects"),
    (("Germany and Israel projects put together?",), "count", [GER, ISR], "15 projects"),
    (("Italy, Germany and Israel: how many projects altogether?",), "count", S_IG, "25 projects"),
    (("Total budget of Italy + Israel?",), "budget", [ITA, ISR], "CNY 40 million"),
    (("Korea both programmes: how many projects in total?",), "count", [KO, KOE], "8 projects"),
    (("budget of the two Korean programmes together",), "budget", [KO, KOE], "CNY 21 million"),
    (("South Africa both directions budget altogether",), "budget", [SA, SAF], "CNY 33 million"),
    (
        (
            "Hello, I'm at Stellenbosch. What is the combined budget of the two South African "
            "directions?",
        ),
        "budget",
        [SA, SAF],
        "CNY 33 million",
    ),
    (("Finlnd and Germany budget combined?",), "budget", S_FG, "CNY 80 million"),
    (("Germany budget?", "and with Finland together?"), "budget", S_FG, "CNY 80 million"),
    (("Italy budget", "Israel?", "sum of the two"), "budget", [ITA, ISR], "CNY 40 million"),
    # --- more "the other"
    (("韩国两个方向，除了能源那个，另一个多少钱",), "budget", [KO], "600万元"),
    (("南非有两个方向，一个是旗舰，另一个资助几个项目？",), "count", [SA], "15个项目"),
    (("韩国能源以外的那个方向有多少经费",), "budget", [KO], "600万元"),
    (("韩国除了能源那个还有一个方向，经费多少",), "budget", [KO], "600万元"),
    (("南非嗰兩個方向，一個係旗艦，另外嗰個有幾多個項目？",), "count", [SA], "15個項目"),
    (("南非旗艦以外嗰個方向經費幾多",), "budget", [SA], "3000萬元"),
    (("韓國非能源的那個計畫經費多少？",), "budget", [KO], "600萬元"),
    (
        (
            "South Africa has two directions, one is the flagship. How many projects does "
            "the other one fund?",
        ),
        "count",
        [SA],
        "15 projects",
    ),
    (("the other Korean programme (not energy): budget?",), "budget", [KO], "CNY 6 million"),
    (("Korea, the non-energy direction: how many projects?",), "count", [KO], "6 projects"),
    (("South Africa, not the flagship, budget?",), "budget", [SA], "CNY 30 million"),
    (("韩国能源方向有几个项目", "另外一个呢"), "count", [KO], "6个项目"),
    (("韩国能源方向有几个项目", "不是能源那个呢"), "count", [KO], "6个项目"),
    (("南非旗舰经费多少？", "非旗舰那个呢？"), "budget", [SA], "3000万元"),
    (("南非旗艦幾多錢？", "另外嗰個呢？"), "budget", [SA], "3000萬元"),
    (("韓國能源方向有幾個項目", "另一個韓國方向呢"), "count", [KO], "6個項目"),
    (("Korea energy: how many projects?", "and the other one?"), "count", [KO], "6 projects"),
    (("Korea energy budget?", "not the energy one, the other?"), "budget", [KO], "CNY 6 million"),
    (
        ("South Africa flagship projects?", "the other South African one?"),
        "count",
        [SA],
        "15 projects",
    ),
    # --- the other + sum follow-ups
    (("韩国能源方向经费多少", "另一个呢", "两个加起来多少"), "budget", [KO, KOE], "2100万元"),
    (
        ("Korea energy budget?", "and the other one?", "both together?"),
        "budget",
        [KO, KOE],
        "CNY 21 million",
    ),
]
GRID += [
    (("中芬和中德哪个经费多？",), "compare", S_FG, "中芬"),
    (("中芬和中德的经费一起算，比中俄多还是少？",), "compare", None, "中俄"),
    (("中芬和中德一并计算经费是多少",), "budget", S_FG, "8000万元"),
    (("中芬跟中德的钱一块算是多少",), "budget", S_FG, "8000万元"),
    (("中芬、中德、中奥三个方向经费合起来多少",), "budget", [FIN, GER, AUT], "9000万元"),
    (("中芬、中德、中奥三個方向經費合起來多少",), "budget", [FIN, GER, AUT], "9000萬元"),
    (
        ("Finland, Germany and Austria budgets added up?",),
        "budget",
        [FIN, GER, AUT],
        "CNY 90 million",
    ),
    (("韓國兩個方向經費總計是多少？",), "budget", [KO, KOE], "2100萬元"),
    (("韓國兩個計劃的項目合計有幾個？",), "count", [KO, KOE], "8個項目"),
    (("南非兩個方向一共資助多少個項目？",), "count", [SA, SAF], "16個項目"),
    (
        ("我們系跟韓國合作很多，想問韓國兩個方向的經費一起算是多少？",),
        "budget",
        [KO, KOE],
        "2100萬元",
    ),
    (("澳门和中芬加起来多少钱",), "budget", [MAC, FIN], "9000万元"),
    (("Macao and Finland budget combined",), "budget", [MAC, FIN], "CNY 90 million"),
    (("韩国有两个项目，一个做能源，另一个项目数多少？",), "count", [KO], "6个项目"),
    (("Korea: one is energy, the other one how many projects?",), "count", [KO], "6 projects"),
    (
        ("South Africa has two; one of them is the flagship. Budget of the other?",),
        "budget",
        [SA],
        "CNY 30 million",
    ),
]

GRID += [
    # --- a sum set against another direction
    (("中芬和中德的经费一起算，比中俄多还是少？",), "compare", [FIN, GER, "intl-2.5"], "8000万元"),
    (("中意和中以加起来跟中俄比谁多",), "compare", [ITA, ISR, "intl-2.5"], "4000万元"),
    (("中意同中以加埋，同中俄比邊個多？",), "compare", [ITA, ISR, "intl-2.5"], "4000萬元"),
    (("中芬和中德的經費合計，比中俄多還是少？",), "compare", [FIN, GER, "intl-2.5"], "8000萬元"),
    (
        ("Finland and Germany combined, more than Russia?",),
        "compare",
        [FIN, GER, "intl-2.5"],
        "CNY 80 million",
    ),
    (
        ("Korea both programmes combined, less than Germany?",),
        "compare",
        [KO, KOE, GER],
        "CNY 21 million",
    ),
    (("Finland and Germany together more than 50 million?",), "budget", S_FG, "CNY 80 million"),
]

GRID += [
    # --- more sum words and "the other" forms
    (("韩国俩方向加起来多少钱",), "budget", [KO, KOE], "2100万元"),
    (("中芬和中德jf一起算多少",), "budget", S_FG, "8000万元"),
    (("韓國兩個方向合共有幾多個項目",), "count", [KO, KOE], "8個項目"),
    (("中芬+中德=？",), "budget", S_FG, "8000万元"),
    (("Germany and Israel budgets summed?",), "budget", [GER, ISR], "CNY 40 million"),
    (("what's the sum of the Finland and Germany budgets",), "budget", S_FG, "CNY 80 million"),
    (("中芬與中德的經費總和是多少",), "budget", S_FG, "8000萬元"),
    (("中芬和中德的经费之和是多少",), "budget", S_FG, "8000万元"),
    (("中德和中以两个方向加在一起有几个项目",), "count", [GER, ISR], "15个项目"),
    (
        ("Korea has two programmes, one of them is on energy. How much does the other get?",),
        "budget",
        [KO],
        "CNY 6 million",
    ),
    (("韩国两个方向里非能源的那个方向项目数多少",), "count", [KO], "6个项目"),
    (
        ("Of the two South African directions, the one that is not the flagship: budget?",),
        "budget",
        [SA],
        "CNY 30 million",
    ),
    (("南非兩個方向之中唔係旗艦嗰個有幾多錢",), "budget", [SA], "3000萬元"),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "figure"), GRID)
def test_sums_and_the_other_direction(
    engine, turns: tuple[str, ...], intent: str, programs: list[str] | None, figure: str
) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == intent, (turns, reply["text"])
    if programs is not None:
        assert sorted(reply["programs"]) == sorted(programs), (turns, reply["programs"])
    assert figure in reply["text"], (turns, figure, reply["text"])
