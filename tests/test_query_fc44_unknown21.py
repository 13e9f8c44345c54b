"""Kinds of fc44 answered after it was scored, each on messages other than the set's own: what the
bot can do asked with no subject ("能问啥", "what can I find out here") or with "帮我们查询";
the partner list asked, then a partner checked after a spaced dash; a learner's "It is possible
to …?" adding a third country's institution; whether a kind of person is eligible to become the
project leader; the call's overview asked in parts while partners and fields stand only in
sentences about the asker."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect, expect_missing

ALL_INTL = [f"intl-1.{i}" for i in range(1, 10)] + [f"intl-2.{i}" for i in range(6)]


@pytest.mark.parametrize(
    "message",
    [
        "能问啥",
        "可以查啥？",
        "能問些什麼？",
        "可以查啲咩？",
        "想问下可以查询哪些内容",
        "老师好，我们第一次用，请问你能帮我们查询哪些内容？",
        "你好，第一次用這個機器人，請問您能幫我們查詢哪些資料？",
        "what can I find out here?",
        "Hi, what can we look up with this bot?",
        "Good morning, first time here. What could I check?",
    ],
)
def test_what_may_be_asked(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "help")


@pytest.mark.parametrize(
    "message",
    [
        "可以问什么方向的经费？",
        "what can I check about Germany",
    ],
)
def test_a_question_with_its_object_is_no_help(engine: Engine, message: str) -> None:
    assert ask(engine, message)["intent"] != "help"


@pytest.mark.parametrize(
    "message",
    [
        "short list of every partner country pls – is Finland in there?",
        "full list of partner countries — Israel among them?",
        "Hello, list of all partner countries / orgs please - is Spain in there? thanks",
    ],
)
def test_partner_list_then_a_partner_checked_after_a_dash(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    expect(reply, "partners")
    assert set(ALL_INTL) <= set(reply["programs"]), reply["programs"]


@pytest.mark.parametrize(
    "message",
    [
        "It is possible to include one Chilean university as a third partner in a China-Spain"
        " project, together with the Spanish university? We have many contacts in Chile.",
        "It's possible to add a Japanese institute as third partner in the China-Germany"
        " project, with our German partner?",
        "Hello. It is also possible to invite a Swiss lab as a third partner in a China-Finland"
        " project, together with VTT?",
    ],
)
def test_learner_order_third_partner_is_unknown(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "participants")


@pytest.mark.parametrize(
    ("message", "notion"),
    [
        (
            "Dear Sir, I am an Egyptian national working as a postdoc in Wuhan. Please advise"
            " whether foreign nationals are eligible to become project leader in this call?",
            "eligibility.nationality",
        ),
        (
            "Are foreigners allowed to be the PI of a China-Israel project?",
            "eligibility.nationality",
        ),
        ("Kindly tell if postdocs are eligible to act as principal investigator.", None),
    ],
)
def test_eligible_to_lead_is_unknown(engine: Engine, message: str, notion: str | None) -> None:
    reply = expect_missing(ask(engine, message), "eligibility", notion)
    assert reply["programs"] == [], reply["programs"]


@pytest.mark.parametrize(
    ("message", "has"),
    [
        (
            "老师们好！我院（新能源特色学院）准备组织申报政府间专项，目前与芬兰、西班牙的几所大学有合作"
            "基础。为向院领导汇报，请介绍该专项的总体情况：共设几个指南方向、国拨经费总概算、项目总数"
            "和实施周期。谢谢！",
            ["49600", "138"],
        ),
        (
            "各位好！本校與以色列、奧地利的大學合作多年。請概括介紹該專項的整體情況：共設幾個指南方向、"
            "總概算、擬支持的項目總數以及實施週期。",
            ["49600", "138"],
        ),
        (
            "We are a marine science institute with partners in Spain and Italy. Please give a"
            " general summary of the call: total money, number of projects and the duration?",
            ["496", "138"],
        ),
    ],
)
def test_call_overview_beside_partners_in_context(
    engine: Engine, message: str, has: list[str]
) -> None:
    expect(ask(engine, message), "overview", has=has)


@pytest.mark.parametrize(
    ("message", "direction"),
    [
        ("Can I apply to the China-Spain direction with a partner from Barcelona?", "intl-1.3"),
        ("Can the Russia project include a Kazakh partner?", "intl-2.5"),
        ("Can we apply for China-Austria if our partner is a hospital?", "intl-1.7"),
        ("Whether the Finland direction accepts applicants from Macao?", "intl-1.6"),
        ("中德方向可以找企业一起申报吗？", "intl-1.8"),
        ("中以項目可唔可以加埋塞浦路斯嘅大學？", "intl-1.9"),
        ("中奥项目能不能再加上一个匈牙利的合作方？", "intl-1.7"),
        ("Is it fine if our Finnish partner is a company?", "intl-1.6"),
        ("Would the Italy direction accept a partner from Malta?", "intl-1.2"),
        ("中芬項目是否可以和挪威團隊一起做？", "intl-1.6"),
    ],
)
def test_yes_no_beside_a_direction_is_no_card(
    engine: Engine, message: str, direction: str
) -> None:
    # a yes/no about taking part asks nothing the card gives: not a confident card
    reply = ask(engine, message)
    assert reply["intent"] == "unknown", reply
    assert not any(f in reply["text"] for f in ("万元", "萬元", "CNY")), reply["text"]


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("Can you list the partners of the EU flagship?", ("partners", "detail")),
        ("Does the Finland direction include a hydrogen topic?", ("fields", "topic")),
        ("Can I see the details of the Korea energy direction?", ("detail",)),
    ],
)
def test_yes_no_that_asks_the_card_keeps_it(
    engine: Engine, message: str, intents: tuple[str, ...]
) -> None:
    assert ask(engine, message)["intent"] in intents


@pytest.mark.parametrize(
    "message",
    [
        "申报中芬方向需要芬兰方先立项吗？",
        "中奥项目奥地利方要不要同步立项？",
        "中俄項目俄羅斯方是否需要另外立項？",
    ],
)
def test_partner_side_approval_named_in_full_is_unknown(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "partner_funding", "partner_funding.approval")
