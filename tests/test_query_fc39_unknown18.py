"""What the notice does not give, asked after fc36-fc39 were scored, each on messages other than
the sets' own: the partner side's money in more shapes (funding "from the X side", "他们那边的经费
由…出", a statement about the partner's funder then "how much they give"); which countries'
institutions may be a direction's partner; the papers to hand in; each field's share of a
direction whose money the notice gives as one line."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect, expect_missing

WRAPS = ["您好！{}", "{}谢谢！", "Hi there, we are a team from Shanghai. {}"]


@pytest.mark.parametrize(
    "message",
    [
        "Is there any money from the Korean side as well?",
        "For the Israel direction, is there funding from the Israeli side too?",
        "奥地利那边由FFG资助。他们每个项目给多少？",
        "韓方那邊由NRF資助。佢哋每個項目俾幾多？",
        "The Austrian ministry is funding the Austrian side. How much do they give?",
        "德国那边的研究经费是由DFG出吗？",
        "他们那边的经费有没有写？",
        "意方团队能拿到多少钱？",
        "以方能拿到幾多錢？",
    ],
)
def test_partner_side_money_is_not_given(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "partner_funding")


@pytest.mark.parametrize(
    "message",
    [
        "Is Norway a possible partner for the China–Europe joint labs?",
        "Can a Norwegian university join the EU joint lab projects?",
        "Is it possible for a Belgian lab to join the China–Italy projects?",
        "Is a UK university eligible for the joint laboratory direction?",
        "For the EU flagship, who is eligible there?",
        "中欧联合实验室方向，欧洲哪些国家的大学可以参加？",
        "中歐聯合實驗室嗰個方向，歐洲邊啲國家有份？",
        "荷兰的合作伙伴可以加入中西项目吗？",
        "瑞士嘅實驗室可唔可以參加中歐聯合實驗室？",
    ],
)
def test_which_partner_countries_are_eligible_is_not_given(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "partner_requirements")


@pytest.mark.parametrize(
    "message",
    ["申报中德项目要提交哪些文件？", "澳門合作方要交咩證明文件？", "合作方需要提供什么证明文件？"],
)
def test_papers_to_hand_in_are_not_given(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "documents")


@pytest.mark.parametrize(
    "message",
    [
        "中欧联合实验室各个领域分别资助多少个项目？",
        "中歐聯合資助機制一般類兩個領域各分幾個項目？",
        "中芬项目两个领域各分多少钱？",
    ],
)
def test_each_fields_share_of_one_line_is_not_given(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "unknown", reply["text"]
    assert "field_shares" in reply["query"]["missing"], reply["query"]


def test_split_direction_still_answers_each_field(engine: Engine) -> None:
    # the EU flagship's money and projects are given per track
    expect(ask(engine, "中欧旗舰两个领域各分几个项目？"), "count", ["intl-1.4"])


@pytest.mark.parametrize(
    "message",
    [
        "奥地利那边由FFG资助。他们每个项目给多少？",
        "Is Norway a possible partner for the China–Europe joint labs?",
        "澳門合作方要交咩證明文件？",
    ],
)
def test_wrapped_the_same(engine: Engine, message: str) -> None:
    plain = ask(engine, message)
    for wrap in WRAPS:
        wrapped = ask(engine, wrap.format(message))
        assert wrapped["intent"] == plain["intent"] == "unknown", wrapped["text"]
        assert wrapped["query"].get("missing") == plain["query"].get("missing")


@pytest.mark.parametrize(
    "message",
    [
        "We collaborate with a lab in Finland. Is Canada one of the partner countries in the "
        "call?",
        "我们和芬兰阿尔托大学有合作。加拿大是这个专项的合作国家吗？",
        "我哋同芬蘭阿爾托大學有合作。加拿大係唔係合作國家之一？",
    ],
)
def test_place_asked_beside_a_partner_of_context(engine: Engine, message: str) -> None:
    reply = expect(ask(engine, message), "unknown", [])
    assert "Canada" in reply["text"] or "加拿大" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "Is Germany the only German-speaking partner? Which countries are partners at all?",
        "芬兰是唯一的北欧合作国家吗？一共有哪些合作国家？",
        "德國係咪唯一嘅歐洲國家？合作國家有邊啲？",
        "我是太空科学研究所的老师，想了解这个专项可以跟哪些国家或国际组织合作？",
        "您好，我係海洋研究所嘅研究員，想問呢個專項可以同邊啲國家或者國際組織合作？",
        "We do space science at NCU. Which countries or organisations can we partner with in "
        "this call?",
    ],
)
def test_partner_list_beside_a_name_or_a_field(engine: Engine, message: str) -> None:
    reply = expect(ask(engine, message), "partners")
    assert len(reply["programs"]) >= 15, reply["programs"]


@pytest.mark.parametrize(
    "message",
    [
        "I work with a group in Mexico in food science. Is there any direction with some Latin "
        "America country?",
        "我们和墨西哥的团队做食品科学。有没有跟拉美国家合作的方向？",
    ],
)
def test_region_asked_beside_a_field_of_context(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "partners", ["intl-2.4"])


@pytest.mark.parametrize(
    ("turns", "intent", "program"),
    [
        (("中芬项目资助哪些领域？", "健康在里面。那平均每个项目多少钱？"), "average", "intl-1.6"),
        (
            ("中以項目資助邊啲領域？", "水技術喺入面，好。咁平均每個項目幾多錢？"),
            "average",
            "intl-1.9",
        ),
        (
            (
                "What fields does the Italy direction fund?",
                "Good, AI is included. How many projects?",
            ),
            "count",
            "intl-1.2",
        ),
        (
            ("中芬计划的总经费是多少？", "那它资助哪些领域？我们做智慧电网和绿色能源。"),
            "fields",
            "intl-1.6",
        ),
    ],
)
def test_field_stated_then_the_directions_figure(
    engine: Engine, turns: tuple[str, ...], intent: str, program: str
) -> None:
    expect(ask(engine, *turns), intent, [program])


def test_field_asked_of_one_line_still_not_given(engine: Engine) -> None:
    reply = ask(engine, "中芬多少钱？", "健康那个领域呢？")
    assert reply["intent"] == "unknown", reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "Hello, Indian researcher here :) which directions fund hydrogen?",
        "我係智利嚟嘅研究員 :) 有冇做氫能嘅方向？",
        "我是印度来的博士后 :-) 哪些方向支持氢能？",
    ],
)
def test_place_before_a_smiley_is_context(engine: Engine, message: str) -> None:
    reply = expect(ask(engine, message), "topic")
    assert "intl-1.8" in reply["programs"], reply["programs"]
