"""Topics, places and help beside context (fc29, i8-topics13): a topic word in the asker's school
or department ("物理学院", "physics department") adds no topic beside the topic asked; a question
that names some of the topics of the asker's work said in a sentence of its own asks those; a
place outside the call asked as a direction of a named call, beside a topic of context, has no
direction (not the call's one direction and its fields); a place only checked against the
partners ("Is Singapore one of the partners?") is unknown, the list asked beside it is the list;
"what kind of information can you give" is help; a measure word that only frames the clause of a
missing aspect ("…的经费里，间接费用比例是多少") asks no figure of its own. Each on messages other
than the set's own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

SPACE = "intl-2.2"  # the direction whose fields name radio astronomy and remote sensing


@pytest.mark.parametrize(
    "text",
    [
        "我们物理学院有老师做射电天文，哪些方向支持？",
        "我們物理學院有團隊做射電天文，請問哪個方向支持這類研究？",
        "Our physics department has a radio astronomy group. Which direction supports it?",
        "I am in the School of Physics, we work on radio astronomy. Which directions fit?",
    ],
)
def test_department_topic_adds_nothing(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "topic", [SPACE])


def test_department_alone_keeps_its_topic(engine: Engine) -> None:
    # nothing else asked: the asker's field is the topic ("我是农业大学的，哪些方向适合")
    reply = ask(engine, "我是农业大学的，哪些方向适合")
    assert reply["intent"] == "topic" and len(reply["programs"]) > 1, reply


@pytest.mark.parametrize(
    "text",
    [
        "I do ageing research and digital health in Melbourne. Is there a direction on ageing?",
        "我们团队做老龄化和数字健康。有没有专门支持老龄化的方向？",
        "我們團隊做老齡化和數字健康。有沒有專門支持老齡化的方向？",
    ],
)
def test_question_names_one_of_the_askers_topics(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "topic", ["intl-1.6"])


def test_question_naming_no_topic_keeps_every_one(engine: Engine) -> None:
    reply = ask(engine, "我们做海洋科学和人工智能。哪些方向适合我们？")
    assert reply["intent"] == "topic" and len(reply["programs"]) > 2, reply


@pytest.mark.parametrize(
    "text",
    [
        "港澳台专项里有没有跟台湾合作的方向？我们做海洋科学。",
        "港澳臺專項有沒有跟台灣合作的方向？我們醫院做醫學研究。",
        "Does the HMT call have a direction with Taiwan? Our hospital works on medicine.",
    ],
)
def test_place_as_direction_beside_a_topic(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] in ("unknown", "partners"), reply
    assert "hmt-1.1" not in reply["programs"], reply


@pytest.mark.parametrize(
    "text",
    [
        "Is Japan one of the partners in this call? Just curious.",
        "新加坡是这次的合作国家吗？",
        "印度是不是合作國家之一？",
    ],
)
def test_place_checked_against_partners(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "unknown", [])


@pytest.mark.parametrize(
    "text",
    [
        "Is Brazil one of the partners? If not, which countries are there?",
        "合作國家有哪些？有日本嗎？",
    ],
)
def test_partner_list_asked_beside_a_place(engine: Engine, text: str) -> None:
    assert ask(engine, text)["intent"] == "partners"


@pytest.mark.parametrize(
    "text",
    [
        "Good morning from Lima! First, what kind of information can you give me?",
        "你好，想先问问你能提供哪些信息？",
        "您好，請問你可以提供什麼信息？",
    ],
)
def test_what_information_is_help(engine: Engine, text: str) -> None:
    assert ask(engine, text)["intent"] == "help"


@pytest.mark.parametrize(
    "text",
    [
        "中以项目的经费里，间接费用比例是多少？",
        "中以項目的經費裡面，間接費用比例是多少？",
        "In the Israel direction's budget, what is the overhead rate?",
    ],
)
def test_measure_word_framing_a_missing_aspect(engine: Engine, text: str) -> None:
    reply = expect(ask(engine, text), "unknown")
    assert "2000" not in reply["text"] and "20 million" not in reply["text"], reply


def test_figure_asked_in_a_clause_of_its_own_is_still_given(engine: Engine) -> None:
    reply = expect(ask(engine, "中以项目经费多少，间接费用比例是多少？"), "unknown")
    assert "2000" in reply["text"], reply
