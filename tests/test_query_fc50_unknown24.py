"""What the notice does not give, asked beside a named direction or partner (round 17, fc49 and
fc50): the partner side's own money in every wording (X方, X那边/嗰边, the partner's ministry or
agency, "from their side", first turn and follow-up), a cap on one project and whether every
project gets the average, which members of a group partner may take part ("欧洲具体哪些国家"),
what the money may pay for ("use it for travel", visiting researchers, the Chinese team only).
Each is answered "the notice does not give ...", never with a figure as if it were the answer;
a total asked as "for all the projects or for each one" gets the average, which explains both."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import FIGURES, WRAPS, ask, expect, expect_related

PARTNER = ("partner_funding", "matching_funds", "partner_terms")
CAP = ("project_cap", "grant_distribution")
GROUP = ("partner_requirements", "participants")
COSTS = ("allowed_costs", "funds_abroad", "partner_funding")

CELLS = [
    (("芬兰方每个项目会资助多少？",), PARTNER),
    (("中以项目里，以色列那边会不会另外出资？",), PARTNER),
    (("请问德方（BMBF）那边的资助额度是多少？",), PARTNER),
    (("中意项目意方出资金额大概多少？",), PARTNER),
    (("韩国那边是否也会出资？每个项目给多少？",), PARTNER),
    (("阿根廷方面每个项目大概出多少钱",), PARTNER),
    (("南非那边会同时出资吗",), PARTNER),
    (("奥地利方的配套额度是多少？",), PARTNER),
    (("澳门方面会唔会另外出资？",), PARTNER),
    (("芬蘭方每個項目資助幾多？",), PARTNER),
    (("以方嗰邊會唔會同時出錢？",), PARTNER),
    (("中德項目德國那邊嘅資助額度係幾多？",), PARTNER),
    (("西班牙方面每個項目會出資多少？",), PARTNER),
    (("澳門FDCT嗰邊每個項目資助幾多？",), PARTNER),
    (("How much will the Finnish side put in for each project?",), PARTNER),
    (("How much money does Business Finland contribute per project?",), PARTNER),
    (("Will the Israeli ministry fund its own team, and how much?",), PARTNER),
    (("how much will the german ministry put from their side per project",), PARTNER),
    (("What amount will the Spanish agency contribute for each project?",), PARTNER),
    (("Does the Italian side also put money? how much per project?",), PARTNER),
    (
        (
            "Hello, I work at Wits. How much will NRF give from their side for each project "
            "in the South Africa call?",
        ),
        PARTNER,
    ),
    (("How much the Korean government will give on their side?",), PARTNER),
    (("What is the contribution of the Austrian side per project?",), PARTNER),
    (("Will FDCT put money from their side for the Macao projects?",), PARTNER),
    (("中芬项目支持几个项目？", "芬方那边的资助额度是多少？"), PARTNER),
    (("中德项目总经费多少？", "德方每个项目会出资多少？"), PARTNER),
    (("中以項目總經費幾多？", "以色列嗰邊會唔會另外出資？"), PARTNER),
    (
        (
            "How much is the China-Finland budget?",
            "and how much will Business Finland put from their side?",
        ),
        PARTNER,
    ),
    (
        (
            "What is the budget of China-Spain?",
            "How much does the Spanish ministry contribute per project?",
        ),
        PARTNER,
    ),
    (("內地與澳門項目平均每個幾多？", "澳門方每個項目又資助幾多？"), PARTNER),
    (("中德项目单个项目资助上限是多少？",), CAP),
    (("中以项目每项最多可以申请多少？",), CAP),
    (("平均200万是否意味着每个项目都是200万？中意项目单项上限多少？",), CAP),
    (("中俄項目單個項目經費上限係幾多？",), CAP),
    (("中西計畫每項最高可以申請多少？",), CAP),
    (("What is the maximum funding per project for China-Finland?",), CAP),
    (("Is there a cap per project in the China-Israel call?",), CAP),
    (("China-Italy: is 2 million the maximum per project or only the average?",), CAP),
    (("How much can one project get at most in China-Spain?",), CAP),
    (("中芬项目一共多少钱？", "单个项目上限呢？"), CAP),
    (("How much for the China-Russia direction?", "and the maximum per project?"), CAP),
    (("中德項目平均多少？", "那每個項目最多可以拿多少？"), CAP),
    (("中欧联合实验室方向，欧洲具体哪些国家可以参加？",), GROUP),
    (("中欧联合实验室的欧洲国家包括哪些？",), GROUP),
    (("中国和欧洲国家联合实验室，哪些欧洲国家可以参与？",), GROUP),
    (("中歐聯合實驗室，歐洲具體邊啲國家可以參加？",), GROUP),
    (("歐洲國家聯合實驗室項目，瑞士嘅大學可唔可以參加？",), GROUP),
    (("Which European countries can join the China-Europe joint lab direction?",), GROUP),
    (
        (
            "For the joint laboratories with European countries, what countries of Europe "
            "are eligible?",
        ),
        GROUP,
    ),
    (("joint lab europe - which eu countries can participate?",), GROUP),
    (("Is a UK university eligible for the China-Europe joint labs?",), GROUP),
    (("中欧联合实验室的总经费多少？", "欧洲具体哪些国家能参加？"), GROUP),
    (("中意项目的经费可以用于去意大利的差旅吗？",), COSTS),
    (("中芬经费能不能用来请访问学者？",), COSTS),
    (("中德项目的钱可以支付博士后工资吗？",), COSTS),
    (("中以項目經費可唔可以用嚟買設備？",), COSTS),
    (("中西計畫經費可否支付國際差旅費？",), COSTS),
    (("In the Italy call, can we use it for travel to Rome?",), COSTS),
    (("China-Finland: can we use the money for visiting researchers?",), COSTS),
    (("Can the Germany funding pay salaries of postdocs?",), COSTS),
    (
        (
            "Is the China-Spain money only for the Chinese team? Can we spend it on trips "
            "to Madrid?",
        ),
        COSTS,
    ),
    (("in the Austria call the money is for the chinese team only?",), COSTS),
    (("中意项目的经费是只给中方团队的吗？",), COSTS),
    (
        ("中芬项目经费可以支付博士后人事费吗？管理费比例上限是多少？",),
        ("allowed_costs", "indirect_costs"),
    ),
    (("中俄項目經費可以支付博士後人事費嗎？",), COSTS),
    (("How much is the China-Italy budget?", "can we use it for travel to Italy?"), COSTS),
    # a second round of the sweep: terse, typo-free chat, brackets, follow-ups
    (("芬方出多少",), PARTNER),
    (("以色列方面会另外出钱吗？",), PARTNER),
    (("中奥项目，奥方那边的出资额度大概多少？",), PARTNER),
    (("请问韩方每个项目投入多少？",), PARTNER),
    (("俄方會唔會另外資助？",), PARTNER),
    (("意大利嗰邊每個項目出幾多錢？",), PARTNER),
    (("西班牙方的资助金额是多少呀",), PARTNER),
    (("您好，我们和葡萄牙合作。葡方会同时出资吗？",), PARTNER),
    (("中南非项目里南非方每项资助多少？",), PARTNER),
    (("中德項目，德方（DFG）那邊每個項目資助幾多？",), PARTNER),
    (("how much the finnish side give per project?",), PARTNER),
    (("What does the German side contribute for each project?",), PARTNER),
    (("Will the Spanish government co-fund, and how much per project?",), PARTNER),
    (("How much money Israel Innovation Authority put for each project?",), PARTNER),
    (("Is FDCT also giving money from their side?",), PARTNER),
    (("how much money will the italian ministry put from its side",), PARTNER),
    (("中德项目支持几个？", "德方每项出资多少"), PARTNER),
    (("How many projects for Israel?", "and what will the israeli side contribute?"), PARTNER),
    (("中意平均多少？", "意方嗰邊又出幾多？"), PARTNER),
    (("中德项目单项最高多少钱",), CAP),
    (("中俄项目每个项目上限多少？",), CAP),
    (("What is the upper limit per project for China-Austria?",), CAP),
    (("china finland max funding per project?",), CAP),
    (("Is there a ceiling for one project in China-Korea?",), CAP),
    (("中國同歐洲國家聯合實驗室，歐洲包括邊啲國家？",), GROUP),
    (("中欧联合实验室，具体是哪些欧洲国家？",), GROUP),
    (("EU joint labs: which European countries are eligible?",), GROUP),
    (("What EU countries can participate in the China-Europe joint laboratories?",), GROUP),
    (("中意项目经费能报销去罗马的机票吗？",), COSTS),
    (("中德经费可以用来邀请德方学者来访吗？",), COSTS),
    (("Can we use the China-Israel money for travel to Tel Aviv?",), COSTS),
    (("China-Germany: can we use it to pay visiting scholars?",), COSTS),
    (("Can the money of Finland direction pay for the Finnish team too?",), COSTS),
    (("中芬經費可唔可以用嚟俾芬蘭訪問學者？",), COSTS),
    (("Italy call money only for chinese side?",), COSTS),
    # a third round: a side's own budget, 'put money too', the most one project can receive,
    # the money handed to the partner
    (
        ("China–Austria budget?", "how much does the Austrian ministry contribute on their side?"),
        PARTNER,
    ),
    (("Does the Korean side has its own budget for each project? How much?",), PARTNER),
    (("How big is Argentina's own contribution per project?",), PARTNER),
    (("does MINCyT put money too? how much for each project?",), PARTNER),
    (("中阿项目阿方会不会出钱",), PARTNER),
    (("中以项目以方那边出资多少？",), PARTNER),
    (("葡萄牙方面每个项目资助几多？",), PARTNER),
    (("請問芬方（Business Finland）每項會出幾多？",), PARTNER),
    (("中奧項目奧地利嗰邊會唔會同時出資？出幾多？",), PARTNER),
    (("What is the maximum a single project can receive under China-Italy?",), CAP),
    (("欧盟成员国都可以参加中欧联合实验室吗？具体哪些国家？",), GROUP),
    (("Which countries in Europe can be the partner in the joint lab direction?",), GROUP),
    (("中欧联合实验室项目里，欧洲国家具体指哪些？",), GROUP),
    (("中芬项目的经费可以给芬兰合作方用吗？",), COSTS),
    (("Can the China-Italy money pay the Italian partner's travel?",), COSTS),
    (
        (
            "We want to use it for travel to Finland and hosting visiting researchers, ok? "
            "(China-Finland)",
        ),
        COSTS,
    ),
    (("中德經費能唔能用嚟出差去德國？",), COSTS),
    (("中意项目钱能用来接待意大利来访学者吗？",), COSTS),
]


def _missing_one_of(reply: dict, kinds: tuple[str, ...]) -> None:
    assert reply["intent"] == "unknown", reply["text"]
    assert set(kinds) & set(reply["query"].get("missing", [])), reply["query"]
    assert not any(f in reply["text"] for f in FIGURES), reply["text"]


@pytest.mark.parametrize(("turns", "kinds"), CELLS)
def test_aspect_beside_a_name_is_not_given(
    engine: Engine, turns: tuple[str, ...], kinds: tuple[str, ...]
) -> None:
    _missing_one_of(ask(engine, *turns), kinds)


@pytest.mark.parametrize(
    "message",
    [
        "芬兰方每个项目会资助多少？",
        "中芬项目单个项目资助上限是多少？",
        "中意项目的经费是只给中方团队的吗？",
    ],
)
@pytest.mark.parametrize("wrap", WRAPS)
def test_wrapped_the_same(engine: Engine, message: str, wrap: str) -> None:
    plain, wrapped = ask(engine, message), ask(engine, wrap.format(message))
    assert plain["query"].get("missing") == wrapped["query"].get("missing"), wrapped["text"]


@pytest.mark.parametrize(
    ("message", "figure"),
    [
        ("中芬平均400万，是不是每个项目都拿400万？", "400"),
        ("中芬平均400萬，係咪每個項目都係400萬？", "400"),
        ("Average is 4 million for Germany, does that mean every project gets 4 million?", "4"),
        ("中意項目平均200萬，係咪代表每個項目都係200萬？", "200"),
        ("中芬平均400万，那是不是所有项目都是400万？", "400"),
        ("中德平均400萬，即係每個項目都係400萬？上限幾多？", "400"),
        ("China-Spain: 3 million average, so all projects get 3 million each?", "3"),
    ],
)
def test_average_read_as_every_project_keeps_the_average(
    engine: Engine, message: str, figure: str
) -> None:
    reply = expect_related(ask(engine, message), figure)
    assert "project_cap" in reply["query"]["missing"], reply["query"]


@pytest.mark.parametrize(
    ("message", "program", "figure"),
    [
        ("the 60 million of Finland is for all the projects or for each one?", "intl-1.6", "60"),
        (
            "the 20 million of Germany, is it per project or for all of them together?",
            "intl-1.8",
            "20",
        ),
        ("中芬的6000万是所有项目一共的，还是每个项目的？", "intl-1.6", "6000"),
        ("中德2000萬係總數定係每個項目？", "intl-1.8", "2000"),
    ],
)
def test_total_or_each_gets_the_average(
    engine: Engine, message: str, program: str, figure: str
) -> None:
    expect(ask(engine, message), "average", [program], [figure])


@pytest.mark.parametrize(
    "message",
    [
        "請問中芬計畫的經費可以支付博士後人事費嗎？管理費的比例上限是多少？",
        "中德项目的经费能不能用来请访问学者？间接费用比例最高多少？",
    ],
)
def test_costs_and_rates_give_no_figure(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "unknown" and not reply["query"].get("related"), reply["text"]
    assert not any(f in reply["text"] for f in FIGURES), reply["text"]


def test_company_leading_names_its_criteria(engine: Engine) -> None:
    reply = ask(
        engine,
        "What is the China–Italy budget, and what are the eligibility criteria for a "
        "foreign-invested enterprise to lead a project?",
    )
    assert "eligibility criteria" in reply["text"] and "20 million" in reply["text"], reply["text"]
