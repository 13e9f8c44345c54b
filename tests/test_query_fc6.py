"""Kinds of message fc6 (tests/firstcontact/SCORES.md) found: office jargon for several
measures, the overhead rate and other aspects the notice does not give, "跟刚才那个比呢" after
two turns, and chat abbreviations. Each is asserted on messages other than fc6's own."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect
from textnorm.normalize import normalize


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("间接费用能占多少？", "间接费用"),
        ("绩效支出比例有规定吗", "绩效支出"),
        ("what overhead rate is allowed?", "overhead"),
        ("Germany budget known; indirect cost rate?", "overhead"),
    ],
)
def test_the_overhead_rate_is_named_as_missing(engine, text, has):
    expect(ask(engine, text), "unknown", has=[has])


@pytest.mark.parametrize(
    ("text", "program", "has"),
    [
        ("请问中芬科技合作的指南方向有哪些、立项数多少？", "intl-1.6", "老龄"),
        ("中德方向的指南方向和国拨经费", "intl-1.8", "2000万元"),
        ("意大利那个只支持10个吗？研究方向是啥？", "intl-1.2", "10个"),
    ],
)
def test_jargon_for_fields_and_a_figure_gives_the_card(engine, text, program, has):
    reply = ask(engine, text)
    assert reply["intent"] == "detail" and reply["programs"] == [program]
    assert has in reply["text"]


def test_a_guideline_direction_in_a_name_is_not_its_fields(engine):
    reply = ask(engine, "中德指南方向国拨经费总概算")
    assert reply["intent"] == "budget" and reply["programs"] == ["intl-1.8"]


def test_how_much_after_which_is_not_a_comparison(engine):
    reply = ask(engine, "想了解中德的研究方向有哪些、平均资助是多少？")
    assert reply["intent"] == "detail" and reply["query"]["op"] == "show"


@pytest.mark.parametrize(
    ("turns", "programs", "metric"),
    [
        (("芬兰立项数多少", "德国呢", "跟刚才那个比呢"), ["intl-1.6", "intl-1.8"], "count"),
        (("Italy average?", "and Spain?", "compare with the previous one"), None, "average"),
    ],
)
def test_compared_with_the_one_just_before(engine, turns, programs, metric):
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and len(reply["programs"]) == 2
    assert "compare_with_earlier_turn" in reply["rules"]
    assert programs is None or sorted(reply["programs"]) == programs
    assert reply["query"]["metric"] == metric


def test_a_ratio_after_a_measure_follow_up_keeps_its_measure(engine):
    reply = ask(engine, "中德有几个项目", "那平均呢", "跟中以比是几倍")
    assert reply["intent"] == "compare" and reply["query"]["metric"] == "average"
    assert "2倍" in reply["text"]


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("Is there a co-funding requirement for the Austrian side?", "matching_funds"),
        ("中德那个能不能和法国一起申报，做三边合作？", "eligibility"),
        ("Can we do a trilateral project with Israel and Japan?", "eligibility"),
    ],
)
def test_partner_side_money_and_third_countries_are_missing_aspects(engine, text, aspect):
    reply = ask(engine, text)
    assert reply["intent"] == "unknown" and aspect in reply["query"].get("missing", [])


def test_which_countries_to_apply_with_still_asks_the_partners(engine):
    assert ask(engine, "可以跟哪些国家一起申报")["intent"] == "partners"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hey! what kind of things can u answer?", "help"),
        ("what r the fields of Macao?", "fields"),
    ],
)
def test_chat_english(engine, text, intent):
    assert ask(engine, text)["intent"] == intent


def test_w_slash_is_with():
    assert normalize("compare w/ Spain") == "compare with spain"
    assert normalize("all w/o the EU ones") == "all without the eu ones"
    assert normalize("and/w/or") != "and with or"


def test_the_third_one_of_a_list_just_answered(engine):
    reply = ask(engine, "totals for Spain, Finland and Germany?", "and the third one, avg?")
    assert reply["intent"] == "average" and reply["programs"] == ["intl-1.8"]
    assert "one_of_previous" in reply["rules"]


def test_a_compound_in_a_list_of_topics_is_its_narrowest_topic(engine):
    reply = ask(engine, "哪些方向支持健康老龄化、养老科技？")
    assert reply["intent"] == "topic" and reply["programs"] == ["intl-1.6"]
    listed = ask(engine, "健康、养老科技相关的方向有哪些")
    assert "intl-1.1" in listed["programs"]  # a plain list is still any of them


def test_the_two_areas_and_how_much_each_give_the_card(engine):
    reply = ask(engine, "EU flagship: what are the two areas and how much each?")
    assert reply["intent"] == "detail" and reply["programs"] == ["intl-1.4"]


@pytest.mark.parametrize(
    "text",
    [
        "Is there a direction for dairy / cheese processing? I am food engineer",
        "奶酪、乳制品加工有没有方向支持？",
        "any cheese ripening research funded?",
    ],
)
def test_dairy_is_argentinas_field_not_spains_food_processing(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "topic" and reply["programs"] == ["intl-2.4"]


def test_food_processing_still_covers_spain_and_argentina(engine):
    assert sorted(ask(engine, "哪些方向支持食品加工")["programs"]) == ["intl-1.3", "intl-2.4"]
