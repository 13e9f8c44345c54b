"""Topics beside context (fc36-fc39, i8-topics18): a department named "物理系" adds no topic
beside the narrower one asked; an ordinal inside an institution's name ("第一医科大学") ranks
nothing; directions sought on a topic after sentences that name partners are every direction on
the topic, the partner set aside left out (not a comparison or ranking of the names); "other
direction than X" sets X aside; a smiley closes the sentence of context that names a place
outside the call. Each on messages other than the set's own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

SPACE = "intl-2.2"  # the direction whose fields name radio astronomy
RUSSIA = "intl-2.5"  # the one direction naming vaccines
ISRAEL = "intl-1.9"
FINLAND = "intl-1.6"


@pytest.mark.parametrize(
    "text",
    [
        "我们物理系有个老师做射电天文，有没有合适的方向？",
        "物理系幾位教授做射電天文，有冇啱嘅方向？",
    ],
)
def test_department_word_adds_no_topic(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "topic", [SPACE])


@pytest.mark.parametrize(
    "text",
    [
        "广州第一医院科研处：除了以色列，还有哪个方向涉及疫苗？",
        "第一附屬醫院嘅研究組想問：除咗以色列，仲有邊個方向做疫苗？",
    ],
)
def test_ordinal_in_an_institution_name_ranks_nothing(engine: Engine, text: str) -> None:
    reply = expect(ask(engine, text), "topic", [RUSSIA])
    assert ISRAEL not in reply["programs"]


@pytest.mark.parametrize(
    "text",
    [
        "我们和南非、以色列、俄罗斯的高校都有合作。以色列今年不考虑，除了以色列，还有哪个方向提到疫苗？",
        "我哋同南非、以色列、俄羅斯都有合作。以色列今年唔方便，除咗以色列，仲有邊個方向提到疫苗？",
        "We work with groups in South Africa, Israel and Russia. Israel is hard this year, so "
        "apart from Israel, is there a direction that mentions vaccines?",
    ],
)
def test_topic_sought_after_names_of_context(engine: Engine, text: str) -> None:
    reply = expect(ask(engine, text), "topic")
    assert RUSSIA in reply["programs"] and ISRAEL not in reply["programs"], reply


@pytest.mark.parametrize(
    "text",
    [
        "Is there any other programme than Finland with sustainable transport?",
        "Is there other direction than Finland about mobility?",
    ],
)
def test_other_direction_than_named(engine: Engine, text: str) -> None:
    reply = expect(ask(engine, text), "topic")
    assert reply["programs"] and FINLAND not in reply["programs"], reply


@pytest.mark.parametrize(
    "text",
    [
        "Hi! peruvian here :) Is there some direction about desalination?",
        "Hello, team from Mexico :-) which directions have marine science?",
    ],
)
def test_smiley_closes_context_with_outside_place(engine: Engine, text: str) -> None:
    reply = expect(ask(engine, text), "topic")
    assert reply["programs"], reply


@pytest.mark.parametrize(
    "text",
    [
        "中芬方向平均每个项目能拿到多少经费？",
        "中芬方向每個項目平均得幾多錢？好似唔多",
        "What is the amount of per project in the Finland direction?",
    ],
)
def test_average_in_other_words(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "average", [FINLAND])


@pytest.mark.parametrize(
    "text",
    [
        "我们做畜产品，哪个方向明确写了奶酪、肉类这些食物的加工？",
        "Which direction explicitly mentions cheese or meat processing?",
    ],
)
def test_explicit_words_of_the_narrowest_topic(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "topic", ["intl-2.4"])


@pytest.mark.parametrize(
    "text",
    [
        "I do nano-encapsulation in food. Which direction is matching for my work?",
        "我们做纳米微胶囊在食品里的应用，哪个方向最合适？",
    ],
)
def test_one_field_fits_several_topics(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "topic", ["intl-2.4"])


@pytest.mark.parametrize(
    "text",
    [
        "Hello, could you give me a general overview of the call? first time here",
        "In general, what does this call fund and how big is it overall?",
    ],
)
def test_general_in_plain_speech_names_no_direction(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert "intl-1.5" not in reply["programs"] or len(reply["programs"]) > 1, reply


@pytest.mark.parametrize(
    "text",
    [
        "中芬方向整体介绍一下，我们组做储能",
        "中芬方向整體介紹下，我哋組做儲能",
    ],
)
def test_direction_introduced_as_a_whole_is_its_card(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "detail", [FINLAND])


@pytest.mark.parametrize(
    "text",
    [
        "我们同时在和芬兰、德国两边的合作方准备材料：这批政府间项目的实施周期是几年？",
        "我哋同芬蘭、德國兩邊都有合作：政府間項目嘅實施週期係幾年？",
    ],
)
def test_period_after_context_naming_two_partners(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "period", has=["2"])
