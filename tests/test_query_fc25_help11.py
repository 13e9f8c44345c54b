"""What a message is about when context surrounds it (fc25/fc26, i8-help11): "what can you do"
asked as the kind of questions one may ask, after a greeting or a sentence about the asker that
names a place (inside or outside the call) is help; the partner list asked beside a sentence of
purpose that names a partner ("I want to share the list with my Spanish colleagues") is the
list; "该方向" after a clause that chose one direction among partners of context is that one
direction, even with 合计 over its own tracks; the asker's own co-funding named in a statement
beside a period question leaves the period asked; a place outside the call in the clause of a
loose marker word ("香港嘅聯合資助") is that place, not the marker's direction. Each on messages
other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask

HELP = [
    "Hello from Chile! Which kind of questions can you answer?",
    "Good evening, I am a postdoc in Germany. What sort of questions can I ask?",
    "what type of question can we ask you",
    "您好，我在以色列做博士后，你能干啥？",
    "嗨 你可以帮我解答哪些问题",
    "你好，我喺芬蘭讀緊博士，你識解答啲咩問題？",
    "哈囉，我是從奧地利來的研究員，請問你可以解答什麼問題？",
    "Hello, I'm from Italy. What can I ask you?",
    "Hi! What information can you give me?",
    "Greetings from Japan! What do you know?",
    "您好，我在意大利，请问可以问你哪些问题？",
    "我係南非嚟嘅，你識答啲乜嘢問題？",
    "你有咩用？",
]


@pytest.mark.parametrize("text", HELP)
def test_what_can_you_do_beside_context_is_help(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "help", reply
    assert reply["programs"] == [], reply


@pytest.mark.parametrize(
    "text",
    [
        "以色列的项目你能提供哪些信息",
        "What kind of questions can you answer about Germany?",
        "What can I ask you about Spain?",
        "可以问你哪些关于德国的问题",
    ],
)
def test_name_in_the_help_clause_is_asked(engine: Engine, text: str) -> None:
    """A name in the very clause that asks is asked about: not the help text."""
    reply = ask(engine, text)
    assert reply["intent"] != "help", reply
    assert reply["programs"], reply


ALL_INTL = {f"intl-{n}" for n in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9")}


@pytest.mark.parametrize(
    "text",
    [
        "Which partner countries are in the call? I will forward the list to my Israeli team.",
        "Please list the partner countries. I want to send the full list to our Finnish partners.",
    ],
)
def test_partner_list_beside_a_sentence_of_purpose(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "partners", reply
    assert set(reply["programs"]) >= ALL_INTL, reply


def test_partner_list_checked_still_asked_of_the_name(engine: Engine) -> None:
    """A sentence that asks about the named partner is not context (the list noun guard only
    drops "the list")."""
    reply = ask(engine, "Which partners does the Korea direction have?")
    assert "intl-1.1" not in reply["programs"], reply


CASES = [
    (
        "我们学校和德国、南非都有联系，最后决定申报中南旗舰。请问该方向一共资助几个项目？",
        "count",
        ["intl-2.3"],
    ),
    (
        "我校同德國同歐盟都有合作，經研究擬申報中歐旗艦合作計劃。請問該方向兩個領域合計最多資助幾個項目？",
        "count",
        ["intl-1.4"],
    ),
    (
        "We talked with Germany and the EU, and decided to apply to the China-EU flagship. "
        "How many projects can this direction fund in total across its two areas?",
        "count",
        ["intl-1.4"],
    ),
]


@pytest.mark.parametrize(("text", "intent", "programs"), CASES)
def test_this_direction_is_the_one_chosen(
    engine: Engine, text: str, intent: str, programs: list[str]
) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == intent, reply
    assert sorted(reply["programs"]) == sorted(programs), reply


def test_sum_over_partners_without_pointer_unchanged(engine: Engine) -> None:
    reply = ask(engine, "西班牙多少钱，芬兰呢，一共多少")
    assert len(reply["programs"]) == 2, reply


PERIOD = [
    "How many years do the projects last? Our own matching funds from the province cover "
    "two years only, so I need to plan.",
    "How long does a project run? I have to fit it to our own co-funding commitment of three "
    "years.",
    "项目实施周期是几年？我们学校自己的配套经费最多只能给三年。",
    "項目執行期多長？我們學校自己的配套經費最多三年。",
]


@pytest.mark.parametrize("text", PERIOD)
def test_period_beside_the_askers_own_co_funding(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "period", reply


@pytest.mark.parametrize(
    "text",
    [
        "Does the call require co-funding commitments from the partner side?",
        "外方需要配套经费吗？",
    ],
)
def test_co_funding_asked_is_still_unknown(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "unknown", reply


@pytest.mark.parametrize(
    "text",
    [
        "有没有内地和台湾的联合资助方向？",
        "今年有冇內地同新加坡嘅聯合研究方向？",
        "Is there a joint funding direction with Singapore this year?",
    ],
)
def test_place_outside_beside_a_marker_word(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "unknown", reply
    assert reply["programs"] == [], reply


def test_marker_in_its_own_clause_keeps_its_direction(engine: Engine) -> None:
    reply = ask(engine, "我在巴西工作。能源技术那个联合研究总共多少钱？")
    assert reply["programs"] == ["intl-2.1"], reply


@pytest.mark.parametrize(
    "text",
    [
        "Please tell me which directions support ocean research, we are at Kenya Marine and "
        "Fisheries Research Institute.",
        "Which directions cover food safety? I work at the Brazil Agricultural Research Centre.",
        "哪些方向支持海洋？我们在肯尼亚海洋与渔业研究所。",
        "哪些方向有支援海洋研究？我哋喺肯亞海洋漁業研究所。",
    ],
)
def test_place_inside_a_long_institution_name_is_context(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "topic", reply
    assert reply["programs"], reply


def test_place_beside_our_university_is_still_asked(engine: Engine) -> None:
    reply = ask(engine, "can India join with our university")
    assert reply["intent"] == "unknown", reply
