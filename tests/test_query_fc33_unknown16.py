"""What the notice does not give, asked after fc32/fc33 were scored, each on messages other than
the sets' own: a third country's researchers or a company as the partner, a second application
at the partner's own fund and the split of the money between the two sides, another year said
with two digits ("24年"), a cost the money may cover with "also"; the period asked beside a
sentence of context that names money; "what information you can provide" (help)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import FIGURES, ask, expect, expect_missing


@pytest.mark.parametrize(
    "message",
    [
        "Can scientists from Kenya be the foreign partner in the China–Israel projects?",
        "Could researchers from India be the third partner in the Finland direction?",
        "Good afternoon. Can researchers from Brazil be the external partner in the China-Russia"
        " cooperation? We have an agreement with Moscow State University.",
        "尼日利亚的研究人员能作为中南联合研究的外方合作伙伴吗？",
        "肯尼亞的科學家可以作為中以項目的外方合作夥伴嗎？",
    ],
)
def test_third_country_researchers_as_partner(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "participants")


@pytest.mark.parametrize(
    "message",
    [
        "Is it possible that Austrian company (not institute) become partner in the Austria"
        " direction?",
        "Is it possible that an Israeli firm becomes partner in the China–Israel research?",
        "Thanks. Is it allowed that a German company (a start-up) can be partner in the Germany"
        " programme? I did not see a rule.",
        "韩国企业（不是大学）能否成为中韩能源项目的合作方？",
        "韓國企業（唔係大學）可唔可以做中韓能源項目嘅合作方？",
    ],
)
def test_a_company_as_partner(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "participants")


@pytest.mark.parametrize(
    "message",
    [
        "澳门那边的合作者是否要另外向澳门科学技术发展基金递交申请？",
        "中芬項目芬方是否要另行向芬蘭科學院提出申請？",
    ],
)
def test_a_second_application_at_the_partner_fund(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "partner_funding", "partner_funding.approval")


@pytest.mark.parametrize(
    "message",
    [
        "中德项目双方经费如何分摊？",
        "內地與澳門項目兩邊經費點樣分配？",
        "中方和以方的经费怎么分配？",
        "In the Finland direction, how is the budget divided between the two sides?",
        "How is the money split between the Chinese and the Israeli side?",
    ],
)
def test_the_split_between_the_two_sides(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "partner_funding", "partner_funding.split")


def test_both_asked_in_one_message(engine: Engine) -> None:
    reply = ask(engine, "中意项目意方是否要另外向意大利外交部递交申请？两边经费怎么分配？")
    expect_missing(reply, "partner_funding")


@pytest.mark.parametrize(
    "message",
    ["24年中芬还有吗 经费多少", "25年度中德項目仲有冇？預算幾多？", "26年西班牙那个还开不开"],
)
def test_another_year_in_two_digits(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "unknown", reply["text"]
    assert not any(f in reply["text"] for f in FIGURES), reply["text"]
    assert "年度" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "上一期中芬资助了多少",
        "往届中德项目多少钱",
        "中德項目下一屆仲有冇？",
        "历届中俄项目经费是多少",
    ],
)
def test_another_round_of_the_call(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "other_year")


@pytest.mark.parametrize(
    "message",
    [
        "23年中俄预算多少",
        "中俄项目实施周期2~3年，总经费多少",
        "近10年来中德合作很多，中德经费多少",
        "我们和德国合作15年，中德经费多少",
        "中俄项目有20年合作历史，经费多少",
    ],
)
def test_a_span_of_years_or_the_call_year_is_no_other_year(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] != "unknown", reply["text"]
    assert "other_year" not in reply["query"].get("missing", []), reply["query"]


@pytest.mark.parametrize(
    "message",
    [
        "Can we use the grant also for the trips of our Finnish colleagues to Beijing?",
        "中以项目的经费也能用来支付以方专家来华的差旅吗？",
        "中奧項目經費可唔可以都用嚟俾奧方夥伴嘅機票？",
        "Is the budget also usable for conference fees?",
        "Can the Israel grant cover registration fees of conferences?",
    ],
)
def test_a_cost_the_money_may_also_cover(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "allowed_costs")


@pytest.mark.parametrize(
    "message",
    [
        "How long does one project run? We need to plan the salary of our postdoc.",
        "Hello, how many years is a project? Our budget office needs it for the funding plan.",
        "学校财务处在做经费预算安排，请问每个项目执行几年？",
        "我們財務處正在編製經費預算，請問每個項目實施週期幾年？",
        "一个项目周期多久呀，我们要排博士生的经费",
        "How long is one project? We are planning our postdoc salaries.",
    ],
)
def test_the_period_beside_a_sentence_about_money(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "period", has=["2~3"])


@pytest.mark.parametrize(
    "message",
    [
        "Hello! I am new here, what info you can give?",
        "Hi, I just joined. What kind of information this bot can provide?",
        "你好，我是新来的，你能提供哪些信息？",
        "哈囉，我剛來，你可以提供甚麼資訊？",
        "what info you have?",
    ],
)
def test_what_information_you_can_provide_is_help(engine: Engine, message: str) -> None:
    assert ask(engine, message)["intent"] == "help"


@pytest.mark.parametrize(
    ("message", "has", "not_has"),
    [
        ("港澳台项目里有没有跟香港合作的方向？", ["香港", "澳门"], ["意大利"]),
        ("請問港澳台專項有冇同台灣合作嘅方向？", ["澳門"], ["意大利"]),
        ("Does the HK/Macao/Taiwan call include a direction with Taiwan?", ["Macao"], ["Italy"]),
        ("政府间专项有没有跟日本合作的方向？", ["日本", "俄罗斯"], ["澳门"]),
    ],
)
def test_a_place_asked_as_a_direction_of_one_call(
    engine: Engine, message: str, has: list[str], not_has: list[str]
) -> None:
    """No direction with the place; the partners listed are the named call's own."""
    reply = expect(ask(engine, message), "unknown", has=has)
    assert not any(n in reply["text"] for n in not_has), reply["text"]


def test_a_place_asked_of_the_whole_notice_lists_every_partner(engine: Engine) -> None:
    expect(ask(engine, "有没有跟日本合作的方向？"), "unknown", has=["意大利", "澳门"])
