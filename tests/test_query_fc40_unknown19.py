"""Kinds of fc40 answered after it was scored, each on messages other than the set's own: a place
outside the call checked as a partner and then the partner list asked; a region of Africa beside
a place outside the call (never South Africa's directions); which kind of institution may apply or
lead; travel and a stipend as costs the money may cover; a two-character topic word typed with a
homophone slipped in (and 那些 for 哪些 with no turn before); work done "together" in a sentence of
context, which asks no sum."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect, expect_missing

ALL_INTL = [f"intl-1.{i}" for i in range(1, 10)] + [f"intl-2.{i}" for i in range(6)]


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("Can a Vietnam partner join this call? If not, which countries can?", "Vietnam"),
        (
            "Hello! Could an Indonesian partner take part or not? If no, which partner countries"
            " are there? Thanks",
            "Indonesia",
        ),
        ("泰国的合作伙伴可以参加这个专项吗？如果不行，哪些国家可以？", "泰国"),
        ("菲律賓嘅夥伴可唔可以參加？唔得嘅話，邊啲國家得？", "菲律賓"),
    ],
)
def test_place_checked_then_partner_list(engine: Engine, message: str, place: str) -> None:
    reply = ask(engine, message)
    expect(reply, "partners", has=[place])
    assert set(ALL_INTL) <= set(reply["programs"]), reply["programs"]


@pytest.mark.parametrize(
    "message",
    [
        "Please is there any direction for Kenya or another East African country?",
        "Hi, any programme with Nigeria or other West African countries in this call?",
        "有没有跟尼日利亚或者其他西非国家合作的方向？",
        "有冇同肯尼亞或者其他東非國家合作嘅方向？",
    ],
)
def test_part_of_africa_beside_a_place_outside(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] in ("unknown", "partners"), reply
    assert reply["programs"] not in (["intl-2.2", "intl-2.3"], ["intl-2.3", "intl-2.2"])
    assert "2.2 " not in reply["text"].split("\n")[0]


def test_africa_alone_is_still_south_africa(engine: Engine) -> None:
    expect(ask(engine, "Which directions are with African countries?"), "partners")
    assert ask(engine, "非洲有哪些方向")["programs"] == ["intl-2.2", "intl-2.3"]


@pytest.mark.parametrize(
    "message",
    [
        "For the Germany direction, is it only for universities or can companies also apply as"
        " lead?",
        "In the Korea energy direction, institutes too can apply or only companies?",
        "中德项目只限高校申报，还是企业也可以牵头？",
        "中韓項目係咪淨係大學先可以申請？公司可唔可以做牽頭？",
        "您好！请问中奥产学研项目，科研院所能否作为牵头单位申报？谢谢",
    ],
)
def test_kind_of_institution_as_applicant(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "eligibility", notion="eligibility.applicant_kind")


@pytest.mark.parametrize(
    "message",
    [
        "Can the grant pay for my flight tickets to Finland and a living allowance?",
        "Is a stipend for a visiting researcher from Israel allowed in the budget?",
        "中芬项目的经费能不能报机票和津贴？",
        "中以項目嘅經費可唔可以出機票同生活費？",
        "Hi, I will visit Russia for two months. Can the project money cover my airfare?",
    ],
)
def test_travel_and_stipend_are_costs(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "allowed_costs")


@pytest.mark.parametrize(
    ("message", "programs"),
    [
        ("那些方向有疫描", ["intl-1.9", "intl-2.5"]),
        ("你好，请问哪些方向有疫描？谢谢", ["intl-1.9", "intl-2.5"]),
        ("邊啲方向有遙敢？", ["intl-2.2"]),
        ("嗰啲方向有遙敢？", ["intl-2.2"]),
        ("请问那个方向有海样", ["intl-2.2", "intl-2.5", "hmt-1.1"]),
        ("有没有方向支持海样？", ["intl-2.2", "intl-2.5", "hmt-1.1"]),
    ],
)
def test_topic_typed_with_a_homophone(engine: Engine, message: str, programs: list[str]) -> None:
    expect(ask(engine, message), "topic", programs)


@pytest.mark.parametrize(
    "message",
    [
        "哪些方向有区块链",  # no slip of a topic: still a field no direction names
        "有没有做循环经济的方向？",
    ],
)
def test_no_slip_read_into_other_words(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert "typed_with_a_slip" not in " ".join(reply.get("rules", [])), reply["rules"]


@pytest.mark.parametrize(
    "message",
    [
        "Which direction funds remote sensing? My group in Lagos and Peking University work on"
        " earth observation together.",
        "Any programme on satellites? Our team and a lab in Nigeria do remote sensing together.",
        "有没有方向资助卫星遥感？我们在尼日利亚的实验室和武汉大学一起做对地观测。",
        "有冇方向資助衛星遙感？我哋喺拉各斯嘅實驗室同武漢大學一齊做對地觀測。",
    ],
)
def test_work_together_in_context_asks_no_sum(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "topic", ["intl-2.2"])


def test_together_still_sums_names(engine: Engine) -> None:
    reply = ask(engine, "Finland and Germany together, how much?")
    expect(reply, "budget", ["intl-1.6", "intl-1.8"], has=["80 million"])
    # a sentence that asks: its "together" is the sum, whatever verb is before it
    expect(ask(engine, "How much money do the two calls have together?"), "budget")


@pytest.mark.parametrize(
    ("message", "place", "programs"),
    [
        ("伊朗或者其他中东国家有没有方向？", "伊朗", ["intl-1.9"]),
        ("Any direction for Iran or other Middle East countries?", "Iran", ["intl-1.9"]),
        ("有冇同印度或者其他亞洲國家合作嘅方向？", "印度", ["intl-1.9", "intl-2.0", "intl-2.1"]),
    ],
)
def test_place_beside_its_region_said_first(
    engine: Engine, message: str, place: str, programs: list[str]
) -> None:
    reply = expect(ask(engine, message), "partners", programs)
    assert place in reply["text"].split("\n")[0], reply["text"]
