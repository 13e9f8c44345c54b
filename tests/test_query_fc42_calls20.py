"""The calls as wholes, arithmetic and terse partner abbreviations, asked after fc41/fc42 were
scored, each on messages other than the sets' own: "+ X" added to the total just given; both
calls "put together"; a call's overview asked after a sentence on what the asker followed so far;
the top or bottom of a new ranking set against "it" (the direction just answered); "by what
factor"; one Chinese character alone naming a partner ("俄 西"); lower-case codes in a terse
English message ("de total?")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

WRAPS = ["{}", "您好！{}", "{}谢谢！", "Hi there, we are a team from Shanghai. {}"]


# -- "+ X" after a total: X added to it ----------------------------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("intergovernmental call total budget?", "+ the Macao call?"),
        ("政府间专项总经费多少？", "+港澳台专项"),
        ("政府間專項總經費幾多？", "＋ 澳門嗰個？"),
    ],
)
def test_plus_sign_adds_the_other_call(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = expect(ask(engine, *turns), "budget", [])
    assert any(x in reply["text"] for x in ("526 million", "52600")), reply["text"]


@pytest.mark.parametrize(
    "turns, programs, has",
    [
        (("China-Finland total?", "+ Germany?"), ["intl-1.6", "intl-1.8"], "80 million"),
        (("中芬总经费？", "+中以"), ["intl-1.6", "intl-1.9"], "8000万元"),
    ],
)
def test_plus_sign_adds_a_direction(
    engine: Engine, turns: tuple[str, ...], programs: list[str], has: str
) -> None:
    expect(ask(engine, *turns), "budget", programs, [has])


# -- both calls "put together" -------------------------------------------------------------------


@pytest.mark.parametrize("wrap", WRAPS)
@pytest.mark.parametrize(
    "message, has",
    [
        ("两个专项（政府间和港澳台）的总经费合在一起有多少？", "52600万元"),
        ("政府間專項同港澳台項目嘅總經費合埋一齊係幾多？", "52600萬元"),
        ("政府間專項和港澳台項目的經費放在一起是多少？", "52600萬元"),
        ("What is the budget of the intergovernmental call and the Macao call combined?", "526"),
    ],
)
def test_both_calls_put_together(engine: Engine, wrap: str, message: str, has: str) -> None:
    expect(ask(engine, wrap.format(message)), "budget", [], [has])


# -- a call's overview after a sentence on what the asker followed so far ----------------------


@pytest.mark.parametrize(
    "message, has",
    [
        ("我一直只关注澳门方向。想问一下政府间专项总共多少个方向、多少钱？", "49600万元"),
        ("我之前淨係睇咗澳門方向。政府間專項總共有幾多個方向、幾多錢？", "49600萬元"),
        (
            "I previously only looked at the Macao direction. For the intergovernmental call, "
            "how many directions are there and how much money in total?",
            "496 million",
        ),
    ],
)
def test_call_overview_after_what_was_followed(engine: Engine, message: str, has: str) -> None:
    reply = expect(ask(engine, message), "overview", [], [has])
    assert "15" in reply["text"], reply["text"]
    assert "52600" not in reply["text"] and "526 million" not in reply["text"], reply["text"]


@pytest.mark.parametrize("wrap", ["{}", "{}谢谢！"])
@pytest.mark.parametrize(
    "message, has",
    [
        ("我对以色列方向比较熟。政府间专项一共几个方向，多少钱？", "49600万元"),
        ("我們做過中德項目。政府間專項總共幾多個方向、幾多錢？", "49600萬元"),
        (
            "We know the Israel direction well. How many directions and how much money does "
            "the intergovernmental call have?",
            "496 million",
        ),
    ],
)
def test_call_asked_beside_a_direction_in_context(
    engine: Engine, wrap: str, message: str, has: str
) -> None:
    reply = expect(ask(engine, wrap.format(message)), "overview", [], [has])
    assert "15" in reply["text"], reply["text"]


def test_a_name_pointed_back_at_stays_asked(engine: Engine) -> None:
    reply = ask(engine, "我们做过中德项目。它属于政府间专项吗？平均多少钱？")
    assert "intl-1.8" in reply["programs"], reply


# -- the top or bottom of a ranking against "it", the direction just answered ------------------


@pytest.mark.parametrize(
    "turns, programs, has",
    [
        (
            ("意大利方向总经费多少？", "总经费最高的方向是它的几倍？"),
            ["intl-1.4", "intl-1.2"],
            "6.5倍",
        ),
        (
            ("中德項目總經費幾多？", "總經費最多嘅方向係佢幾多倍？"),
            ["intl-1.4", "intl-1.8"],
            "6.5倍",
        ),
        (
            (
                "How many projects does the Israel direction fund?",
                "The direction with the fewest projects - how many times fewer than it?",
            ),
            ["intl-2.3", "intl-1.9"],
            "10 times",
        ),
        (
            (
                "How much does the China-Israel direction get in total?",
                "How many times bigger is the largest direction than it?",
            ),
            ["intl-1.4", "intl-1.9"],
            "6.5 times",
        ),
    ],
)
def test_extreme_against_the_previous_one(
    engine: Engine, turns: tuple[str, ...], programs: list[str] | None, has: str
) -> None:
    expect(ask(engine, *turns), "compare", programs, [has])


# -- "by what factor" ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Budgets of the Spain and Austria directions: by what factor is the first bigger?",
        "Spain and Austria total budgets, and what factor lies between them?",
    ],
)
def test_by_what_factor_is_a_ratio(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "compare", ["intl-1.3", "intl-1.7"], ["6 times"])


def test_former_and_latter_are_no_letter(engine: Engine) -> None:
    message = "Total of Spain and of Austria, and how far the former exceeds the latter?"
    reply = ask(engine, message)
    expect(reply, "compare", ["intl-1.3", "intl-1.7"])
    assert "submit or sign" not in reply["text"], reply["text"]


# -- one character alone names a partner in a short message --------------------------------------


@pytest.mark.parametrize(
    "message, programs",
    [
        ("德 芬 平均哪个高", ["intl-1.8", "intl-1.6"]),
        ("以、阿 总经费哪个多", ["intl-1.9", "intl-2.4"]),
        ("韓 奧 項目數邊個多", ["intl-2.0", "intl-2.1", "intl-1.7"]),
        ("意 澳 经费比较", ["intl-1.2", "hmt-1.1"]),
    ],
)
def test_single_characters_name_partners(
    engine: Engine, message: str, programs: list[str]
) -> None:
    expect(ask(engine, message), "compare", programs)


@pytest.mark.parametrize(
    "message",
    ["西部地区有没有方向", "东 西 南 北", "总经费1000万以上的方向", "可以问阿拉伯国家吗"],
)
def test_characters_inside_words_name_no_partner(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert (
        not {"intl-1.3", "intl-1.9", "intl-2.4"} & set(reply["programs"])
        or len(reply["programs"]) > 3
    ), reply


# -- lower-case codes in a terse English message -------------------------------------------------


@pytest.mark.parametrize("wrap", ["{}", "hi {}", "{} thx"])
@pytest.mark.parametrize(
    "message, intent, programs",
    [
        ("es avg?", "average", ["intl-1.3"]),
        ("fi projects?", "count", ["intl-1.6"]),
        ("il vs ar total", "compare", ["intl-1.9", "intl-2.4"]),
        ("at budget?", "budget", ["intl-1.7"]),
    ],
)
def test_terse_codes_name_partners(
    engine: Engine, wrap: str, message: str, intent: str, programs: list[str]
) -> None:
    expect(ask(engine, wrap.format(message)), intent, programs)


def test_it_after_a_turn_is_the_pronoun(engine: Engine) -> None:
    expect(ask(engine, "Germany total?", "it avg?"), "average", ["intl-1.8"])


@pytest.mark.parametrize("message", ["at least 3 projects?", "is it ok", "what is it"])
def test_english_words_are_no_codes(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert "intl-1.2" not in reply["programs"] or len(reply["programs"]) > 3, reply
    assert "intl-1.7" not in reply["programs"] or len(reply["programs"]) > 3, reply


@pytest.mark.parametrize("message", ["fenlan de pj", "yidali de jingfei", "zui duo de"])
def test_de_in_pinyin_is_no_germany(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert "intl-1.8" not in reply["programs"] or len(reply["programs"]) > 3, reply
