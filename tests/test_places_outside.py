"""Places outside the call named the way people abbreviate a bilateral programme (中匈, 中荷,
中印尼) or by their adjective (Hungarian, Portuguese): the reply says the notice has no direction
with that place, instead of the call's overview or a partner that sounds alike. The short forms
live in bot/data/places.yaml; ones that are also ordinary word pieces (中智 in 其中智能, 中越 in
越来越, 中新 in 新能源) are left out on purpose, and these tests hold that line too."""

from __future__ import annotations

import pytest

from bot.engine import Engine


def ask(engine: Engine, text: str) -> dict:
    return engine.ask(text, ("outside", text)).to_json()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("中匈项目多少钱", "匈牙利"),
        ("请问有中荷合作的方向吗？", "荷兰"),
        ("有冇中葡合作嘅方向？", "葡萄牙"),
        ("Is there a Hungarian direction in this call?", "Hungary"),
        ("any Portuguese partner programme?", "Portugal"),
        ("中印尼合作能申请吗", "印尼"),
    ],
)
def test_a_place_outside_the_call_is_said_to_be_outside(engine: Engine, text: str, place: str):
    reply = ask(engine, text)
    assert place in reply["text"].split("\n")[0], reply["text"]


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("其中智能制造的方向有哪些", ["intl-1.1", "intl-1.3"]),
        ("申请人越来越多，中芬项目支持几个？", ["intl-1.6"]),
        (
            "其中新能源的方向有哪些",
            ["intl-1.2", "intl-1.3", "intl-1.6", "intl-2.0", "intl-2.1", "intl-2.2"],
        ),
    ],
)
def test_word_pieces_are_not_places(engine: Engine, text: str, programs: list[str]):
    reply = ask(engine, text)
    assert reply["programs"] == programs, reply


@pytest.mark.parametrize(
    ("turns", "place"),
    [
        (("Is there a China–Hungery direction?",), "Hungary"),
        (("What is the Austria budget?", "and Hungery?"), "Hungary"),
        (("any programme with Brasil?",), "Brazil"),
        (("Frence partners possible?",), "France"),
    ],
)
def test_a_place_outside_the_call_typed_with_a_typo(engine: Engine, turns, place: str):
    reply: dict = {}
    for t in turns:
        reply = engine.ask(t, ("outside-typo", turns)).to_json()
    assert place in reply["text"].split("\n")[0] and "10 million" not in reply["text"], reply


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("Austrlia budget?", ["intl-1.7"]),  # a partner's own typo pass comes first
        ("our child health project, which direction fits?", ["intl-1.1", "intl-1.6", "intl-2.2"]),
        ("I need finance info for Finland", ["intl-1.6"]),
    ],
)
def test_words_near_a_place_name_are_not_that_place(engine: Engine, text: str, programs):
    assert ask(engine, text)["programs"] == programs


@pytest.mark.parametrize(
    ("text", "intent", "programs"),
    [
        ("國立臺灣海洋大學：平均資助最高的是哪個方向？", "rank", None),
        (
            "I am at the National University of Singapore; how much is the Finland direction?",
            "budget",
            ["intl-1.6"],
        ),
        ("香港中文大學研究處想問：中芬項目總經費幾多？", "budget", ["intl-1.6"]),
        ("Indian Institute of Technology here, which directions fund AI?", "topic", None),
    ],
)
def test_a_place_inside_the_askers_institution_is_where_they_work(engine, text, intent, programs):
    reply = ask(engine, text)
    assert reply["intent"] == intent, reply
    if programs is not None:
        assert reply["programs"] == programs, reply
    first = reply["text"].split("\n")[0]
    assert not any(w in first for w in ("没有与", "沒有與", "no direction with")), first


@pytest.mark.parametrize(
    ("text", "place"),
    [("香港大学有没有方向", "香港"), ("我们和新加坡国立大学合作，有没有新加坡的方向", "新加坡")],
)
def test_a_place_asked_about_is_still_outside_the_call(engine, text, place):
    reply = ask(engine, text)
    assert reply["intent"] == "unknown" and place in reply["text"], reply
