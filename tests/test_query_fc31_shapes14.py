"""Several measures asked by their bare question words, one after another ("how much, how many,
and average?"): each is a measure of its own (the money, the projects), so the direction's
figures are all given, not only the last word's. The Chinese lists ("多少钱、几个、平均") read
so already and are kept here as guards."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("message", "program"),
    [
        (
            "We are in Lagos. For the China-Finland direction: how much, how many, and average?",
            "intl-1.6",
        ),
        ("Russia direction how many, how much?", "intl-2.5"),
        ("Austria: how much and how many please", "intl-1.7"),
        ("中芬方向：多少钱，几个，平均呢？", "intl-1.6"),
        ("奧地利方向幾多錢、幾多個、平均幾多？", "intl-1.7"),
    ],
)
def test_listed_question_words_ask_each_figure(engine: Engine, message: str, program: str) -> None:
    reply = expect(ask(engine, message), "detail", [program])
    assert {"total", "count"} <= set(reply["query"]["measures"]), reply["query"]


def test_how_much_on_average_is_one_average(engine: Engine) -> None:
    expect(ask(engine, "Austria, how much, on average?"), "average", ["intl-1.7"])


def test_listed_question_words_over_two_directions_add_both(engine: Engine) -> None:
    reply = ask(engine, "How much and how many for the two Korea directions together?")
    assert sorted(reply["programs"]) == ["intl-2.0", "intl-2.1"], reply
    assert set(reply["query"]["measures"]) >= {"total", "count"}, reply["query"]


# A direction's marker inside a partner institution's name ("韩国能源研究院") names the partner,
# where the colleagues are, not the direction the marker would pick.
@pytest.mark.parametrize(
    "message",
    [
        "我们和首尔大学、韩国能源技术研究院都有联系，韩国两个方向经费加起来多少？",
        "我們同韓國KAIST、韓國能源研究院都有合作，韓國兩個方向總經費加埋幾多？",
        "We work with KAIST and the Korea Energy Research Institute. Korea's two directions, "
        "total together?",
    ],
)
def test_marker_inside_an_institution_names_the_partner(engine: Engine, message: str) -> None:
    reply = expect(ask(engine, message), "budget", ["intl-2.0", "intl-2.1"])
    assert reply["query"]["op"] == "sum", reply["query"]


@pytest.mark.parametrize(
    "message", ["韩国能源方向多少钱？", "韓國能源嗰個方向幾多錢？", "Korea energy: how much?"]
)
def test_marker_with_its_partner_still_names_the_direction(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "budget", ["intl-2.1"])


# Two figures of one direction stated one after another, one check after them all: that
# direction's figures, not a filter over every direction. (English "…, at most 20 projects,
# right?" is still read as a filter: left.)
@pytest.mark.parametrize(
    "message",
    [
        ("俄罗斯方向平均每个项目300万，支持项目不超过20个，对不对？", "intl-2.5"),
        ("中芬方向每項平均400萬，項目不超過15個，啱唔啱？", "intl-1.6"),
        ("中西项目总经费6000万，项目数不超过20个，对吗？", "intl-1.3"),
    ],
)
def test_figures_checked_of_one_direction(engine: Engine, message: tuple[str, str]) -> None:
    expect(ask(engine, message[0]), "detail", [message[1]])


def test_bound_asked_with_which_stays_a_filter(engine: Engine) -> None:
    assert ask(engine, "项目数不超过20个的方向有哪些？")["intent"] == "rank"


# "第一次" is the asker's first time, not a ranking: an overview of the call asked after it
@pytest.mark.parametrize(
    "message",
    [
        "我们单位第一次申报政府间专项，请问一共几个方向、总经费多少？",
        "我們第一次申報政府間專項，總共有幾多個方向、總經費幾多？",
    ],
)
def test_first_time_ranks_nothing(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "overview")


def test_first_place_still_ranks(engine: Engine) -> None:
    assert ask(engine, "经费第一的方向是哪个？")["intent"] == "rank"
