"""Shapes of question (fc17/fc18, i8-shapes7): a yes/no comparison of two directions ("is X
bigger in total than Y?", "…and is it bigger than the flagship one?"), the partner list checked
for some partners, partners with more than one direction, the call's own figures with a
qualifier, the average of the whole call or of two directions taken together, and fields asked
in words the cue sums miss. Each on messages other than the sets' own."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, check, expect


# a yes/no comparison of two named directions is a comparison, not a sum ("in total") or a
# filter of every direction ("bigger than")
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            ("Is the Finland direction larger in total than the Germany one?",),
            "compare",
            ["intl-1.6", "intl-1.8"],
            ["60 million", "20 million"],
        ),
        (
            (
                "How many projects in the South Africa joint research, and is it more than the "
                "flagship one?",
            ),
            "compare",
            ["intl-2.2", "intl-2.3"],
            ["15", "1 project"],
        ),
        (
            ("南非联合研究平均每项多少，是不是比旗舰那个高？",),
            "compare",
            ["intl-2.2", "intl-2.3"],
            ["200万元", "300万元"],
        ),
        (
            ("南非聯合研究總經費多少，是否比旗艦那個多？",),
            "compare",
            ["intl-2.2", "intl-2.3"],
            ["3000萬元", "300萬元"],
        ),
    ],
)
def test_yes_no_comparison(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# the partner list asked, some partners checked against it: the whole list; the partners with
# more than one direction: the list kept to them
@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (("有哪些合作国家和组织？包不包括阿根廷和以色列？",), None, ["阿根廷", "以色列", "德国"]),
        (("合作國家有哪些？有冇奧地利？",), None, ["奧地利", "芬蘭"]),
        (
            ("Which partner countries are in the call? Is Argentina included?",),
            None,
            ["Argentina"],
        ),
        (("What partner countries does the call have? Is Russia one of them?",), None, ["Russia"]),
        (("合作方都有哪些？俄罗斯在不在里面？",), None, ["俄罗斯"]),
        (
            ("哪些合作方对应两个方向？",),
            ["intl-1.4", "intl-1.5", "intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3"],
            ["欧盟"],
        ),
        (
            ("Which partners have two directions?",),
            ["intl-1.4", "intl-1.5", "intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3"],
            ["European Union"],
        ),
        (
            ("哪些合作方有两个或以上的指南方向？",),
            ["intl-1.4", "intl-1.5", "intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3"],
            ["欧盟", "韩国", "南非"],
        ),
        (
            ("邊啲國家有多過一個方向？",),
            ["intl-1.4", "intl-1.5", "intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3"],
            ["韓國"],
        ),
        (
            ("Do any partner countries have more than one direction?",),
            ["intl-1.4", "intl-1.5", "intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3"],
            ["South Africa"],
        ),
    ],
)
def test_partner_lists(engine: Engine, turns, programs, has) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == "partners", reply
    if programs is None:
        assert len(reply["programs"]) >= 15, reply
    else:
        assert sorted(reply["programs"]) == programs, reply
    for h in has:
        assert h in reply["text"], (h, reply["text"])


# fields asked plainly beside a context that reads a figure; several measures of each track;
# several figures of one direction checked at once: the card
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (("中德lingyu",), "fields", ["intl-1.8"], []),
        (
            (
                "We run a project with a Helsinki group on batteries. Which research fields "
                "does the China-Finland direction cover?",
            ),
            "fields",
            ["intl-1.6"],
            [],
        ),
        (
            ("我们和特拉维夫大学有一个项目在做。以色列方向具体资助什么领域？",),
            "fields",
            ["intl-1.9"],
            ["水"],
        ),
        (
            ("以色列方向资助什么领域？只有十个项目吗？",),
            "detail",
            ["intl-1.9"],
            ["10"],
        ),
        (
            ("中歐旗艦：食品農業那個領域同氣候那個領域，各自的經費、項目數同平均係幾多？",),
            "detail",
            ["intl-1.4"],
            ["7000", "6000", "3500", "1500"],
        ),
        (
            ("For the EU flagship, the budget and number of projects of each track?",),
            "detail",
            ["intl-1.4"],
            ["70 million", "60 million"],
        ),
        (("以色列那个每项才200万？总共就2000万？",), "detail", ["intl-1.9"], ["200", "2000"]),
        (("想確認：中芬計畫是不是每項400萬、最多15項？",), "detail", ["intl-1.6"], ["400", "15"]),
        (
            ("So the Spain direction is 60 million and up to 20 projects, correct?",),
            "detail",
            ["intl-1.3"],
            ["60 million", "20"],
        ),
    ],
)
def test_card_shapes(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# the call's own figures with a qualifier; the call's average computed; several directions'
# pooled average
@pytest.mark.parametrize(
    ("turns", "intent", "has", "lacks"),
    [
        (("除了港澳台专项，政府间专项总经费和任务数各多少？",), "overview", ["49600", "138"], []),
        (
            ("Leaving out the Macao call: intergovernmental call budget and project count?",),
            "overview",
            ["496 million", "138"],
            [],
        ),
        (
            ("通知里说的合作国家、地区和组织一共几个？项目大概多少个？",),
            "overview",
            ["14", "138"],
            [],
        ),
        (
            ("政府間專項總經費同項目數係幾多？", "咁平均每個項目大概幾多？"),
            "average",
            ["359.4"],
            [],
        ),
        (
            ("以色列和芬兰两个方向合起来算，平均每个项目多少？",),
            "average",
            ["8000", "25", "320"],
            [],
        ),
        (
            ("Taking the Italy and Spain directions together, what is the average per project?",),
            "average",
            ["80 million", "30 projects"],
            [],
        ),
    ],
)
def test_call_figures_and_pooled(engine: Engine, turns, intent, has, lacks) -> None:
    reply = expect(ask(engine, *turns), intent, has=has)
    for h in lacks:
        assert h not in reply["text"], (h, reply["text"])


# the last n of a ranking ("倒数两位"), a filter "reaching" a figure, an ordinal asked beside a
# note naming a direction, a ranking over every direction beside a topic of the asker's own
@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (
            ("项目数排名倒数两位的是哪两个方向？",),
            ["intl-2.1", "intl-2.3"],
            ["1个项目", "2个项目"],
        ),
        (("總經費排名倒數三位係邊三個？",), ["intl-2.0", "intl-2.3", "intl-2.4"], ["200萬元"]),
        (("不算西班牙，哪个方向的项目数能达到20个？",), ["intl-2.5"], ["20"]),
        (("Which directions reach 20 projects?",), ["intl-1.3", "intl-2.5"], ["20"]),
        (
            ("总经费第二多的是哪个方向？（中欧旗舰按一个方向算）",),
            ["intl-1.3", "intl-1.6", "intl-2.5"],
            ["6000"],
        ),
        (
            ("我们做氢能的。先问个总的：所有方向里总经费最少的是哪个？",),
            None,
            ["2.4"],
        ),
        (
            (
                "Our lab works on water. But first, of all the directions, which has the most "
                "projects?",
            ),
            None,
            ["1.3", "2.5"],
        ),
    ],
)
def test_rank_shapes(engine: Engine, turns, programs, has) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == "rank", reply
    if programs is not None:
        assert sorted(reply["programs"]) == programs, reply
    else:
        assert len(reply["programs"]) == 16, reply
    for h in has:
        assert h in reply["text"], (h, reply["text"])


# who forwards the question is no topic of it: "材料学院纳米团队问：…"
@pytest.mark.parametrize(
    "text",
    [
        "化学学院材料团队问：哪些方向涉及纳米技术？",
        "食品學院老師問：邊啲方向有納米？",
        "Question from our materials group: which directions fund nanotechnology?",
    ],
)
def test_lead_in_topic(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "topic", ["intl-2.4", "intl-2.5"])


def test_a_partner_said_to_have_two_directions_is_no_list(engine: Engine) -> None:
    """ "韩国有两个方向，各多少钱" states it of one partner: its directions' figures."""
    reply = ask(engine, "韩国有两个方向，各多少钱？")
    assert reply["intent"] == "budget" and sorted(reply["programs"]) == ["intl-2.0", "intl-2.1"]


# each kind above in the language its own list lacks
@pytest.mark.parametrize(
    ("text", "intent", "programs", "has"),
    [
        ("我哋同赫爾辛基大學有個項目。中芬方向資助咩領域？", "fields", ["intl-1.6"], ["老齡"]),
        (
            "中欧旗舰两个领域各自的经费、项目数和平均分别是多少？",
            "detail",
            ["intl-1.4"],
            ["7000", "6000"],
        ),
        ("不計港澳台，政府間專項嘅總經費同項目任務數各係幾多？", "overview", [], ["138"]),
        (
            "以色列同芬蘭兩個方向合埋計，平均每個項目幾多？",
            "average",
            ["intl-1.6", "intl-1.9"],
            ["320"],
        ),
        (
            "Which direction has the second highest total budget? (count the EU flagship as one "
            "direction)",
            "rank",
            ["intl-1.3", "intl-1.6", "intl-2.5"],
            ["60 million"],
        ),
        ("總經費第二少嘅係邊個方向？（歐盟旗艦當一個方向計）", "rank", ["intl-2.3"], ["300萬"]),
        (
            "邊啲方向嘅項目數可以達到15個？",
            "rank",
            ["hmt-1.1", "intl-1.3", "intl-1.6", "intl-2.2", "intl-2.5"],
            ["15"],
        ),
    ],
)
def test_other_languages(engine: Engine, text, intent, programs, has) -> None:
    check(engine, (text,), intent, programs, has)


# the named direction's own figures said as context, another measure asked: that measure of it
# ("最多20个项目" is no top-20 and no filter)
@pytest.mark.parametrize(
    ("text", "programs", "has"),
    [
        (
            "我们倾向俄罗斯，俄罗斯方向经费6000万、最多20个项目，平均每个项目多少？",
            ["intl-2.5"],
            ["300"],
        ),
        ("中芬總經費6000萬、最多15個項目，咁平均每個項目幾多？", ["intl-1.6"], ["400"]),
        (
            "The Germany direction has 20 million for 5 projects, so what is the average per "
            "project?",
            ["intl-1.8"],
            ["4 million"],
        ),
    ],
)
def test_figures_stated_of_named(engine: Engine, text, programs, has) -> None:
    check(engine, (text,), "average", programs, has)


def test_a_stated_figure_beside_which_directions_stays_a_filter(engine: Engine) -> None:
    reply = ask(engine, "西班牙经费6000万，哪些方向经费比它多？")
    assert reply["intent"] == "rank" and reply["programs"] == ["intl-1.4"], reply
