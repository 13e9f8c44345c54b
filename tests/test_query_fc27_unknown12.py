"""Kinds of message of fc27/fc28 about what the notice does not give, asked beside a named partner
or direction and answered before with that direction's figure (helper i8-unknown12), each with
messages of our own in Simplified Chinese, Traditional Chinese and English: the success rate in
other words (核定率, 核准率, "acceptance ratio", "what percentage of proposals get funded"); who
may lead by nationality ("Can a foreign PI lead…", "负责人必须是中国国籍吗"); the online
application system and its login ("線上申請系統是哪一個", "where do I log in"); and a direction
that does not exist in a call that is named ("港澳台项目里内地与台湾联合资助方向", the Hong Kong
one the same). Both sides are tested: the plain figure questions keep their answer."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect, expect_missing


@pytest.mark.parametrize(
    ("text", "missing", "notion"),
    [
        # the success rate in other words, beside a named direction and a topic
        ("中德氢能方向的核定率大概是多少？我们想评估值不值得投入。", "success_rate", None),
        ("中德氫能方向的核定率大概是多少？我們想評估值不值得投入。", "success_rate", None),
        ("中芬项目的核准率高吗？", "success_rate", None),
        ("中以項目的入選率有多少？", "success_rate", None),
        ("中俄项目一般几个里面能中一个？", "success_rate", None),
        ("中奥项目申请的通过比例是多少？", "success_rate", None),
        (
            "What is the acceptance ratio of the Israel direction? Our partner says it is tough.",
            "success_rate",
            None,
        ),
        (
            "What percentage of the proposals get funded in the China-Austria direction?",
            "success_rate",
            None,
        ),
        ("Korea energy projects, what is the success ratio more or less?", "success_rate", None),
        ("What is the selection rate of the China-Spain direction?", "success_rate", None),
        ("How many proposals get accepted for the Argentina direction?", "success_rate", None),
        (
            "How many applications do they usually receive for the Finland direction?",
            "success_rate",
            None,
        ),
        ("how much percent of application is funded in Italy direction?", "success_rate", None),
        ("中南非旗舰项目中选概率大不大？", "success_rate", None),
        ("中意项目一般十个申请能中几个？", "success_rate", None),
        ("中奧項目通過嘅機會大唔大？", "success_rate", None),
        ("How much chance we have to get the Spain project?", "success_rate", None),
        ("What is possibility of success for the Russia direction?", "success_rate", None),
        ("Acceptance percent for the Italy call?", "success_rate", None),
        ("It is difficult to be selected in the Finland programme?", "success_rate", None),
        ("中意項目的錄取比例高嗎？", "success_rate", None),
        ("How big is the competition for the China-Italy direction?", "success_rate", None),
        ("How many teams compete for the Finland projects?", "success_rate", None),
        ("中南非旗艦項目獲選比例大概多少？", "success_rate", None),
        # who may lead, by nationality
        (
            "I am a German citizen working at Zhejiang University. Can a foreign PI lead a "
            "project in the China-Germany direction?",
            "eligibility",
            "eligibility.nationality",
        ),
        (
            "Must the project leader of the Finland direction have Chinese nationality?",
            "eligibility",
            "eligibility.nationality",
        ),
        (
            "Is possible for a foreigner professor to lead the Spain project?",
            "eligibility",
            "eligibility.nationality",
        ),
        ("中欧旗舰项目的负责人必须是中国国籍吗？", "eligibility", "eligibility.nationality"),
        ("外籍教授可以当中芬项目的负责人吗？", "eligibility", "eligibility.nationality"),
        ("外籍教授可以當中芬項目的負責人嗎？", "eligibility", "eligibility.nationality"),
        ("外国人可以申请中韩项目吗？", "eligibility", "eligibility.nationality"),
        (
            "Is it allowed that a foreign professor is PI in the Austria project?",
            "eligibility",
            "eligibility.nationality",
        ),
        ("中以项目的负责人可以是外国人吗？", "eligibility", "eligibility.nationality"),
        ("中以項目的負責人可以是外國人嗎？", "eligibility", "eligibility.nationality"),
        (
            "Does the project leader of the Argentina direction need to be Chinese?",
            "eligibility",
            "eligibility.nationality",
        ),
        (
            "I hold an Indian passport. Can I apply for the China-Finland direction as PI?",
            "eligibility",
            None,
        ),
        (
            "Can foreigners apply for the China-Argentina direction?",
            "eligibility",
            "eligibility.nationality",
        ),
        # a foreign institution is not a person's nationality
        (
            "Can a foreign company lead a project in the Austria direction?",
            "eligibility",
            "eligibility.company",
        ),
        # the application system and its login
        ("中奥计划的在线申报系统是哪个？", "system", None),
        ("請問中奧計畫的線上申請系統是哪一個？要從哪裡登入？", "system", None),
        ("中以项目要从哪里登录申报？", "system", None),
        ("Which website should we use to submit the China-Israel proposal?", "system", None),
        ("Where do I log in to apply for the Russia direction?", "system", None),
        ("中德项目在哪个网站申请？", "system", None),
        ("中德項目要喺邊個平台提交申請？", "system", None),
        ("中芬項目喺邊度遞交申請？", "system", None),
        ("Where is the portal for the China-Finland application?", "system", None),
        ("Which system we use for submit proposal of the Spain cooperation?", "system", None),
        (
            "Is there an online application for the South Africa flagship, what is the link?",
            "system",
            None,
        ),
    ],
)
def test_aspect_beside_a_direction_without_its_figure(
    engine: Engine, text: str, missing: str, notion: str | None
) -> None:
    # the direction's own figure would read as the answer to the aspect
    expect_missing(ask(engine, text), missing, notion)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("港澳台项目里面，内地与台湾联合资助方向的经费是多少？", "台湾"),
        ("港澳台項目裡面，內地與台灣聯合資助方向有幾個項目？", "台灣"),
        ("港澳台专项中内地与香港合作的方向，平均每项多少钱？", "香港"),
        (
            "In the Hong Kong, Macao and Taiwan call, how much is the Mainland–Taiwan direction?",
            "Taiwan",
        ),
        ("How many projects does the HMT call fund for the Hong Kong direction?", "Hong Kong"),
        ("港澳台项目给台湾的经费是多少？", "台湾"),
        ("港澳台項目中嘅香港部分有幾多錢？", "香港"),
        ("HMT call: how much is for the Taiwan part?", "Taiwan"),
        ("港澳台项目包括香港吗？", "香港"),
        ("港澳台項目包唔包括台灣？", "台灣"),
        ("Does the Hong Kong, Macao and Taiwan call include Taiwan?", "Taiwan"),
    ],
)
def test_a_direction_the_call_does_not_have(engine: Engine, text: str, place: str) -> None:
    # the call's one direction (Macao) is not the answer: the place named has none
    reply = expect(ask(engine, text), "unknown", programs=[], has=[place])
    assert "3000" not in reply["text"] and "30 million" not in reply["text"]


@pytest.mark.parametrize(
    ("text", "intent", "figure"),
    [
        # the asker's place, not a direction: the call is answered
        ("我在台湾大学工作，港澳台项目经费多少？", "budget", "3000"),
        ("I am from Hong Kong. How much money does the HMT call have?", "budget", "30 million"),
        ("港澳台项目平均每项多少？我们是台湾的团队。", "average", "200"),
        ("港澳台項目的經費是多少？我在香港。", "budget", "3000"),
        ("港澳台项目经费多少？我们有香港的合作伙伴。", "budget", "3000"),
        # the count is no success rate
        ("How many projects get funded in the Korea energy direction?", "count", "5"),
        ("港澳台项目里内地与澳门联合资助的经费是多少？", "budget", "3000"),
        # the plain figures stay answered
        ("中德项目平均每项多少钱？", "average", "400"),
        ("What is the budget of the China-Finland direction?", "budget", "60 million"),
        ("中芬計畫總經費多少？", "budget", "6000"),
    ],
)
def test_plain_figures_still_answered(engine: Engine, text: str, intent: str, figure: str) -> None:
    expect(ask(engine, text), intent, has=[figure])


@pytest.mark.parametrize(
    "turns",
    [
        ("内地与澳门联合资助研发项目总经费多少？", "那项目周期是几年？"),
        ("內地與澳門聯合資助研發項目總經費多少？", "咁項目週期係幾耐？"),
        ("How much is the mainland–Macao direction?", "And how long do the projects run?"),
    ],
)
def test_period_of_the_last_direction_not_given(engine: Engine, turns: tuple[str, ...]) -> None:
    # the other call's 2~3 years would read as the Macao direction's period
    reply = expect(ask(engine, *turns), "unknown", programs=["hmt-1.1"])
    assert "2~3" not in reply["text"]


def test_period_of_the_last_direction_given(engine: Engine) -> None:
    expect(ask(engine, "中芬多少钱", "那项目周期是几年？"), "period", ["intl-1.6"], has=["2~3"])


@pytest.mark.parametrize(
    ("text", "note", "figure"),
    [
        # a place outside the calls beside a named partner: the named one is answered, and the
        # reply says the place has none (its silence would read as the whole answer)
        ("德国和日本的经费分别是多少？", "没有与日本合作的方向", "2000"),
        ("德國和日本的經費分別是多少？", "沒有與日本合作的方向", "2000"),
        ("港澳台项目里，内地与澳门、内地与香港的经费分别是多少？", "没有与香港合作的方向", "3000"),
        ("澳門同台灣方向嘅經費各係幾多？", "沒有與台灣合作的方向", "3000"),
        ("Budget of Finland and India?", "no direction with India", "60 million"),
    ],
)
def test_a_place_outside_beside_a_named_one(
    engine: Engine, text: str, note: str, figure: str
) -> None:
    reply = ask(engine, text)
    assert reply["intent"] != "unknown", reply
    assert note in reply["text"] and figure in reply["text"], reply["text"]


def test_a_place_of_context_adds_no_note(engine: Engine) -> None:
    reply = expect(
        ask(engine, "My student is from India. What is the budget of Germany?"), "budget"
    )
    assert "India" not in reply["text"]
