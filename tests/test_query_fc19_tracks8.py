"""The tracks of a direction (funding lines with their own total, count and average) as units
of their own (fc19/fc20, kind i8-tracks8), with messages of our own in zh-Hans, zh-Hant and
English: one track's figure; the other track next; a track against another direction (ratio,
difference), kept by the conversation; a track inside a list compared or ranked; both tracks
compared or added up; a set-aside in brackets glossing the name before it."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.tracks import named_tracks
from tests.asking import ask, expect
from textnorm.normalize import normalize


def plain(text: str) -> str:
    return text.replace(",", "")


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has", "lacks"),
    [
        # one track's own figure
        (("中欧旗舰的领域二平均每项多少钱？",), "average", ["intl-1.4"], ["1500"], ["3500"]),
        (("歐盟旗艦計劃CCB領域總經費是多少？",), "budget", ["intl-1.4"], ["6000"], ["7000"]),
        (
            ("How many projects can the FAB track of the EU flagship fund?",),
            "count",
            ["intl-1.4"],
            ["up to 2"],
            ["up to 4"],
        ),
        # the other track next
        (("欧盟旗舰领域一有几个项目？", "另一个领域呢？"), "count", ["intl-1.4"], ["4"], []),
        (
            ("歐盟旗艦FAB領域平均每項幾多錢？", "咁另一個領域呢？"),
            "average",
            ["intl-1.4"],
            ["1500"],
            ["3500"],
        ),
        (
            ("What is the budget of the EU flagship climate track?", "and the other track?"),
            "budget",
            ["intl-1.4"],
            ["70 million"],
            ["60 million"],
        ),
        (("歐盟旗艦FAB領域幾多錢？", "另外嗰個領域呢？"), "budget", ["intl-1.4"], ["6000"], []),
        (("欧盟旗舰FAB领域多少钱", "另外一个呢"), "budget", ["intl-1.4"], ["6000"], ["7000"]),
        (
            ("EU flagship FAB track average?", "and the other one?"),
            "average",
            ["intl-1.4"],
            ["15 million"],
            [],
        ),
        # "the other one" after another direction is that partner's other direction
        (
            ("欧盟旗舰FAB领域平均多少", "韩国能源呢", "另一个呢"),
            "average",
            ["intl-2.0"],
            ["100"],
            [],
        ),
        # a track against another direction
        (
            ("欧盟旗舰领域二的平均资助额是中芬的几倍？",),
            "compare",
            ["intl-1.4", "intl-1.6"],
            ["3.75倍"],
            [],
        ),
        (
            (
                "Is the CCB track of the EU flagship higher in average than China-Finland, and by "
                "how much?",
            ),
            "compare",
            ["intl-1.4", "intl-1.6"],
            ["11 million"],
            [],
        ),
        (
            ("中南联合研究（不是旗舰那个）和欧盟旗舰FAB领域，平均资助额相差多少？",),
            "compare",
            ["intl-1.4", "intl-2.2"],
            ["3300"],
            [],
        ),
        # the track kept by the conversation
        (
            ("欧盟旗舰领域二平均多少", "芬兰呢", "前者是后者的几倍"),
            "compare",
            ["intl-1.4", "intl-1.6"],
            ["3.75"],
            [],
        ),
        (
            ("歐盟旗艦FAB領域平均每項幾多？", "以色列呢？", "差幾多？"),
            "compare",
            ["intl-1.4", "intl-1.9"],
            ["3300"],
            [],
        ),
        # a track inside a list
        (
            ("請把中芬、歐盟旗艦的CCB領域、中以按總經費從高到低排列",),
            None,
            ["intl-1.4", "intl-1.6", "intl-1.9"],
            ["6000"],
            ["13000"],
        ),
        (
            ("Rank by average per project: Israel, the EU flagship FAB track, Germany",),
            None,
            ["intl-1.4", "intl-1.8", "intl-1.9"],
            ["35 million"],
            ["15 million"],
        ),
        # both tracks compared
        (
            ("EU flagship: track 1 or track 2, which gets more money in total and by how much?",),
            "compare",
            ["intl-1.4"],
            ["10 million"],
            [],
        ),
        (("中欧旗舰的领域一和领域二项目数相差几个？",), "compare", ["intl-1.4"], ["2"], []),
        # a track by its ordinal, and each of two tracks named
        (("歐盟旗艦第二個領域資助幾多個項目",), "count", ["intl-1.4"], ["4"], ["不超過2"]),
        (("欧盟旗舰FAB领域和CCB领域分别多少钱",), "budget", ["intl-1.4"], ["7000", "6000"], []),
        (("中欧旗舰平均多少", "领域二是领域一的几分之几"), "compare", ["intl-1.4"], ["0.43"], []),
        # both tracks added up: the direction's own figure, not a ranking
        (
            ("歐盟旗艦FAB領域幾多個項目？", "CCB呢？", "兩個領域加埋一共最多幾多個？"),
            "count",
            ["intl-1.4"],
            ["6"],
            [],
        ),
        (
            ("EU flagship FAB track, number of projects?", "and CCB?", "both tracks together?"),
            "count",
            ["intl-1.4"],
            ["up to 6"],
            [],
        ),
        (
            ("欧盟旗舰CCB领域多少钱", "两个领域加起来一共多少"),
            "budget",
            ["intl-1.4"],
            ["13000"],
            [],
        ),
    ],
)
def test_tracks_as_units(engine: Engine, turns, intent, programs, has, lacks):
    reply = ask(engine, *turns)
    if intent:
        assert reply["intent"] == intent, reply
    else:
        assert reply["intent"] in ("rank", "compare"), reply
    assert sorted(reply["programs"]) == sorted(programs), reply
    for figure in has:
        assert figure in plain(reply["text"]), reply
    for figure in lacks:
        assert figure not in plain(reply["text"]), reply


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("欧盟旗舰平均最高的领域是哪个？", "2000"),
        ("歐盟旗艦邊個領域錢最多？", "1000"),
        ("Which track of the EU flagship funds more projects?", "by 2 projects"),
    ],
)
def test_which_track_has_more(engine: Engine, text: str, figure: str):
    """The most of one direction's tracks: its tracks side by side, not a ranking of all."""
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["programs"] == ["intl-1.4"], reply
    assert figure in plain(reply["text"]), reply


def test_the_whole_direction_named_again_drops_the_track(engine: Engine):
    """A track narrowed a turn ago; the direction asked again by name is the whole of it."""
    reply = ask(engine, "欧盟旗舰FAB领域多少钱", "欧盟旗舰总经费多少")
    assert "13000" in plain(reply["text"]), reply


@pytest.mark.parametrize(
    "text",
    [
        "我们做气候研究，欧盟旗舰平均每项多少？",
        "我們做氣候變化領域嘅研究，歐盟旗艦平均每項幾多錢？",
        "We work in the climate area. EU flagship average?",
    ],
)
def test_a_topic_of_the_asker_does_not_narrow(engine: Engine, text: str):
    """A field the asker works in, said of the asker, is not a track asked: both averages."""
    reply = ask(engine, text)
    flat = plain(reply["text"])
    assert ("3500" in flat and "1500" in flat) or ("35 million" in flat and "15 million" in flat)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("欧盟旗舰气候变化领域平均多少？", "1500"),
        ("我们想知道歐盟旗艦氣候變化領域平均每項幾多錢", "1500"),
        ("What is the average of the climate track of the EU flagship?", "15 million"),
    ],
)
def test_a_topic_beside_a_track_word_names_the_track(engine: Engine, text: str, figure: str):
    reply = ask(engine, text)
    flat = plain(reply["text"])
    assert figure in flat and "3500" not in flat and "35 million" not in flat, reply


def test_track_names_come_from_the_knowledge(knowledge):
    d = knowledge.direction_by_id["intl-1.4"]
    assert named_tracks(normalize("领域二"), d) == [1]
    assert named_tracks(normalize("the first track"), d) == [0]
    assert named_tracks(normalize("食品农业与生物技术"), d) == [0]
    assert named_tracks(normalize("FAB和CCB"), d) == [0, 1]
    assert named_tracks(normalize("中芬"), knowledge.direction_by_id["intl-1.6"]) == []


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("把中以、欧盟旗舰的CCB领域、中德按平均资助额从高到低排个序", "1. 1.4", "3. 1.9"),
        ("請將中以、歐盟旗艦FAB領域、中德按平均每項資助額由低到高排列", "1. 1.9", "3. 1.4"),
        (
            "Rank by average per project: Israel, the EU flagship FAB track, Germany",
            "1. 1.4",
            "3. 1.9",
        ),
    ],
)
def test_named_list_put_in_order(engine: Engine, text: str, first: str, last: str):
    """Directions and a track named and put in order: listed in that order, the track as one."""
    reply = expect(ask(engine, text), "compare", ["intl-1.4", "intl-1.8", "intl-1.9"])
    lines = reply["text"].split("\n")
    ranked = [ln for ln in lines if ln[:1].isdigit()]
    assert ranked[0].startswith(first) and ranked[-1].startswith(last), reply


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("欧盟旗舰FAB领域占政府间专项总经费的百分之几", "14.1%"),
        ("歐盟旗艦CCB領域佔整個政府間專項經費幾多個百分比？", "12.1%"),
        ("What percentage of the intergovernmental budget is the EU flagship FAB track?", "14.1%"),
    ],
)
def test_a_track_share_of_the_call(engine: Engine, text: str, figure: str):
    """A track's share of a whole is the track's money over the whole, not its direction's."""
    reply = ask(engine, text)
    assert reply["programs"] == ["intl-1.4"], reply
    assert figure in reply["text"], reply


def test_each_track_share_of_its_direction_keeps_both(engine: Engine):
    reply = ask(engine, "What share of the EU flagship budget goes to the CCB track?")
    assert "46.2%" in reply["text"], reply


def test_a_ranking_of_every_direction_after_a_track_ranks_directions(engine: Engine):
    """The track kept by the conversation narrows a direction in talk, not a ranking of all."""
    reply = ask(engine, "歐盟旗艦CCB領域平均每項幾多？", "咁平均最低嘅係邊個方向？")
    assert "1.4" not in reply["text"].split("\n")[0], reply


@pytest.mark.parametrize(
    ("text", "program", "figures"),
    [
        (
            "我们实验室在海洋观测方面基础较好，想了解中西项目的：1.资助领域；2.项目数；3.平均资助额。",
            "intl-1.3",
            ["20", "300"],
        ),
        (
            "本校團隊喺氫能方面經驗比較多，想問中德項目嘅資助領域、項目數同平均資助額。",
            "intl-1.8",
            ["5", "400"],
        ),
        (
            "Our lab is stronger than most in hydrogen. For China-Germany: fields, number of "
            "projects and average per project?",
            "intl-1.8",
            ["5", "4 million"],
        ),
    ],
)
def test_comparison_word_about_the_asker_compares_nothing(
    engine: Engine, text: str, program: str, figures: list[str]
):
    """Several measures of one direction after a sentence about the asker with a comparative
    in it ("积累较多"): the direction's card, not one measure."""
    reply = ask(engine, text)
    assert reply["intent"] == "detail" and reply["programs"] == [program], reply
    for figure in figures:
        assert figure in plain(reply["text"]), reply
