"""Which directions and topics a message asks about when its context names others (after fc34
and fc35), each on messages other than the sets' own: "what can you do" after sentences that
name partners (help), a partner the asker says they asked about before (not asked now), names
given as examples ("俄罗斯、西班牙等") before a ranking over every direction, the topic of the
asking clause over the asker's own work, "X or Y for Z" narrowed to the most specific topic, and
"有边几个" (which ones: a topic list, not a count)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check, expect

FINLAND, GERMANY, ISRAEL, SPAIN, ITALY = "intl-1.6", "intl-1.8", "intl-1.9", "intl-1.3", "intl-1.2"
ARGENTINA, AUSTRIA = "intl-2.4", "intl-1.7"


@pytest.mark.parametrize(
    "message",
    [
        "老师好，我是科研处新来的。我们学校主要和德国、以色列的高校合作。请问这个机器人能帮我们查些什么？",
        "我係港大研究處嘅同事。我哋同芬蘭同西班牙都有合作。請問呢個機器人可以查啲乜？",
        "We work with Finland and Germany on hydrogen. What can this bot tell me?",
        "Our office mostly deals with Israel and Italy. What can you do?",
    ],
)
def test_help_after_sentences_naming_partners(engine: Engine, message: str) -> None:
    reply = check(engine, (message,), "help")
    assert reply["programs"] == [], reply


def test_a_name_in_the_help_question_keeps_its_answer(engine: Engine) -> None:
    reply = ask(engine, "我们和德国有合作。请问德国方向能查到哪些信息？")
    assert reply["intent"] != "help", reply
    assert GERMANY in reply["programs"], reply


@pytest.mark.parametrize(
    ("message", "program"),
    [
        ("我上次问过以色列的，这次想问一下西班牙：总经费和项目数是多少？", SPAIN),
        ("我之前問過德國的，這次想請問意大利：平均每件補助多少？", ITALY),
        (
            "I already asked about Austria, now Finland: total budget and number of projects?",
            FINLAND,
        ),
    ],
)
def test_a_partner_asked_before_is_not_asked_now(
    engine: Engine, message: str, program: str
) -> None:
    reply = ask(engine, message)
    assert reply["programs"] == [program], reply


@pytest.mark.parametrize(
    "message",
    [
        "我们学院和德国、以色列、意大利等国家的大学都有合作。请问哪个方向平均资助最高？",
        "我們系的合作夥伴有芬蘭、奧地利等國的大學。請問哪個方向總經費最多？",
        "We have partners in Spain, Italy etc. Which direction has the largest budget?",
    ],
)
def test_names_given_as_examples_rank_every_direction(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "rank", reply
    assert len(reply["programs"]) > 3, reply


@pytest.mark.parametrize(
    "message",
    [
        "我们实验室做人工智能和数字化，有没有涉及文化遗产的方向？",
        "我哋團隊做數字化同人工智能，有冇涉及文化遺產嘅方向？",
    ],
)
def test_the_topic_asked_outranks_the_asker_work(engine: Engine, message: str) -> None:
    check(engine, (message,), "topic", [ITALY])


def test_the_topic_asked_stays_after_a_narrower_one_of_the_asker(engine: Engine) -> None:
    reply = ask(
        engine,
        "Any direction on food safety? My group works on adulteration of cheese, with a partner "
        "in Buenos Aires.",
    )
    expect(reply, "topic", [SPAIN, ARGENTINA])
    reply = ask(engine, "有没有做食品安全的方向？我们课题组做奶酪掺假检测。")
    expect(reply, "topic", [SPAIN, ARGENTINA])


def test_the_asked_topic_is_the_singled_out_direction_of_a_follow_up(engine: Engine) -> None:
    reply = ask(
        engine,
        "我們團隊做數字化和文物保護，想找合適的方向，有沒有涉及文化遺產的？",
        "這個方向總經費和項目數呢？",
    )
    assert reply["programs"] == [ITALY], reply


@pytest.mark.parametrize(
    "message",
    [
        "any direction on ageing or medical devices for older people?",
        "Is there funding for ageing, or health technology for the elderly?",
    ],
)
def test_a_topic_for_another_is_the_narrower(engine: Engine, message: str) -> None:
    check(engine, (message,), "topic", [FINLAND])


@pytest.mark.parametrize(
    "message",
    [
        "我哋做水處理，想搵相關嘅方向，有邊幾個？",
        "想搵做交通嘅方向，有邊幾個？",
    ],
)
def test_which_ones_is_a_topic_list(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "topic", reply
    assert "合計" not in reply["text"] and "合计" not in reply["text"], reply["text"]


def test_how_many_projects_is_still_a_count(engine: Engine) -> None:
    assert ask(engine, "德國方向資助幾個？")["intent"] == "count"


def test_austria_with_transport_word(engine: Engine) -> None:
    reply = ask(engine, "想搵做交通嘅方向，有邊幾個？")
    assert AUSTRIA in reply["programs"], reply


@pytest.mark.parametrize(
    "message",
    [
        "我们和西班牙、意大利有合作，哪个方向项目数最多？",
        "我們跟西班牙、義大利都有合作，請問哪個方向補助件數最多？",
        "Our partners are in Finland and Germany; which direction has the highest average?",
    ],
)
def test_partners_of_the_asker_before_a_ranking_rank_every_direction(
    engine: Engine, message: str
) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "rank", reply
    assert len(reply["programs"]) > 3, reply


def test_the_two_named_in_the_asking_clause_are_compared(engine: Engine) -> None:
    reply = ask(engine, "我们和西班牙、意大利有合作，这两个方向哪个项目数多？")
    expect(reply, "compare", [SPAIN, ITALY])


@pytest.mark.parametrize(
    "message",
    [
        "We work on hydrogen. What can you tell me about funding for it?",
        "我们实验室做人工智能。这个机器人能告诉我哪些方向适合我们吗？",
    ],
)
def test_a_question_back_to_the_context_is_no_help(engine: Engine, message: str) -> None:
    assert ask(engine, message)["intent"] != "help"


def test_a_partner_asked_last_time_in_english(engine: Engine) -> None:
    reply = ask(engine, "Last time I asked about Israel; now Italy, what is the average?")
    expect(reply, "average", [ITALY])


def test_a_question_relayed_with_asked_about_keeps_both(engine: Engine) -> None:
    reply = ask(engine, "I asked about Finland and Germany: which has more money?")
    expect(reply, "compare", [FINLAND, GERMANY])
