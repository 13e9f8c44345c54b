"""What the notice does not give, asked after fc34/fc35 were scored, each on messages other than
the sets' own: the partner side's funder named as who gives money (whatever its name), another
year asked with "the same budget" in a clause of its own; the call's period asked beside a
sentence about the asker that names a place outside the call or a plan for matching funds."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import FIGURES, ask, expect, expect_missing, expect_related


@pytest.mark.parametrize(
    "message",
    [
        "中德项目，德方合作伙伴DFG会出多少钱？",
        "中德項目德方合作夥伴DFG會出幾多錢？",
        "意大利的MAECI会出多少钱？",
        "中以项目以色列创新署会出几多钱？",
        "中芬项目芬兰科学院大概会出多少？",
        "中德项目DFG会出多少钱？",
        "How much does the Spanish agency (AEI) give for every project?",
        "How much will the Korean foundation (NRF) contribute to each project?",
        "Will Business Finland contribute on their side too?",
        "How much do they fund on the Israeli side?",
        "How much money comes from the Austrian side?",
        "How much is the Spanish contribution per project?",
        "What is the contribution of the German funder?",
        "西班牙方面每个项目出资多少？",
        "以方每項會投入幾多？",
        "NRF會俾幾多錢韓方團隊？",
        "How much does the Korean side get from its national foundation?",
        "What will the Austrian agency (FFG) put in for each project?",
        "Will the Israeli ministry co-fund the projects, and how much?",
        "请问西班牙创新署每个项目资助多少？",
        "奥地利联邦部会给中奥项目多少钱？",
        "中韓項目韓國研究財團出幾多錢？",
    ],
)
def test_the_partner_funder_as_who_gives_money(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "partner_funding")


@pytest.mark.parametrize(
    "message",
    [
        "您好！中德项目，德方合作伙伴DFG会出多少钱？",
        "How much does the Spanish agency (AEI) give for every project? Thanks!",
        "We are a team from Valencia. How much does the Spanish agency (AEI) give per project?",
    ],
)
def test_the_partner_funder_wrapped(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "partner_funding")


@pytest.mark.parametrize(
    ("message", "has"),
    [
        ("中芬call会给多少钱？", "6000"),
        ("中芬项目科技部会出多少钱？", "6000"),
        ("How much will the China–Finland programme give per project?", "4 million"),
        ("以色列单个项目能给多少？", "200"),
        ("finland会给多少钱", "6000"),
        ("韩国 energy会给多少钱", "1500"),
        ("What is the total government funding of the intergovernmental call?", "496"),
    ],
)
def test_the_call_or_the_chinese_side_giving_is_the_notice_figure(
    engine: Engine, message: str, has: str
) -> None:
    reply = ask(engine, message)
    assert reply["intent"] != "unknown", reply["text"]
    assert has in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "Will the Spain direction open again next year, with the same budget?",
        "Is the Germany call repeated next year? And with a bigger budget?",
        "明年还会有中芬项目吗？经费会不会增加？",
        "中奧項目明年還會再開嗎？預算一樣嗎？",
        "Is the Israel call going to be repeated in the future? Same amount?",
        "Will Austria be offered again next year, and is the budget going to change?",
        "往后还会继续设立中芬方向吗，经费规模会不会调整？",
        "今後仲會唔會有中德項目？",
    ],
)
def test_next_year_with_the_same_budget(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "other_year")


def test_a_figure_asked_in_its_own_clause_beside_next_year_stays_related(engine: Engine) -> None:
    expect_related(ask(engine, "中芬经费多少？明年还有吗？"), "6000")


@pytest.mark.parametrize(
    "message",
    [
        "Kindly, how many years does one project last? Our PhD students do field work in Ghana.",
        "How long is a project? We have a field station in Nepal for our students.",
        "请问一个项目做几年？我们在肯尼亚有野外站，要安排学生。",
        "請問一個項目做幾耐？我哋喺尼泊爾有野外站。",
        "请问项目周期多长？我们的学生要去加纳做野外调查。",
    ],
)
def test_the_period_beside_a_place_about_the_asker(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "period", has=["2~3"])


@pytest.mark.parametrize(
    "message",
    [
        "肯尼亚的项目周期多长？我们在那边有学生。",
        "How long is a project with Kenya? Our students are there.",
    ],
)
def test_the_period_of_a_place_outside_the_call_is_asked_of_it(
    engine: Engine, message: str
) -> None:
    assert ask(engine, message)["intent"] == "unknown"


@pytest.mark.parametrize(
    "message",
    [
        "请问政府间专项的项目周期是几年？我们需要据此安排学校配套经费的预算。",
        "請問政府間專項嘅項目週期係幾年？我哋要據此安排學校配套經費。",
        "How many years does a project of the intergovernmental call run? We need to plan our"
        " matching funds.",
    ],
)
def test_the_period_beside_a_plan_for_matching_funds(engine: Engine, message: str) -> None:
    reply = expect(ask(engine, message), "period", has=["2~3"])
    assert not reply["query"].get("missing"), reply["query"]


@pytest.mark.parametrize(
    "message",
    [
        "中德项目要求配套经费吗？我们需要据此安排预算。",
        "Is there a matching funds requirement for Germany? We need to plan the budget.",
    ],
)
def test_matching_funds_asked_beside_a_plan_stay_missing(engine: Engine, message: str) -> None:
    reply = expect_missing(ask(engine, message), "matching_funds")
    assert not any(f in reply["text"] for f in FIGURES), reply["text"]
