"""Statistics of a whole call computed from the knowledge (fc19/fc20, i8-callstats8): the mean
per direction (a call's budget or projects over its directions, named directions' totals over
their number), the mean of several averages, the call's average per project when the call is
named as a whole, a filter at the mean over the directions, the share of the directions a
filter keeps, the spread of single grants (the notice gives none) and the call's overview asked
in parts. Each on messages other than the sets' own, in zh-Hans, zh-Hant and English; every
computed figure is labelled as computed."""

from __future__ import annotations

import pytest

from tests.asking import ask, check

INTL = [
    "intl-1.1",
    "intl-1.2",
    "intl-1.3",
    "intl-1.4",
    "intl-1.5",
    "intl-1.6",
    "intl-1.7",
    "intl-1.8",
    "intl-1.9",
    "intl-2.0",
    "intl-2.1",
    "intl-2.2",
    "intl-2.3",
    "intl-2.4",
    "intl-2.5",
]


# the mean per direction: a call's total (or its projects) over its number of directions, or
# the named directions' totals over their number; the mean of named averages
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (("政府间专项的经费，平均一个方向能分到多少？",), "average", [], ["3306.7万元", "计算"]),
        (("政府間專項平均每個方向有幾多個項目？",), "average", [], ["9.2個項目", "計算"]),
        (
            ("What is the mean budget per direction of the intergovernmental call?",),
            "average",
            [],
            ["CNY 33.07 million", "omputed"],
        ),
        (
            (
                "On average, how many projects does each direction of the intergovernmental call "
                "fund? Divide the projects by the number of directions.",
            ),
            "average",
            [],
            ["9.2 projects"],
        ),
        (
            ("南非两个方向的总经费加在一起，平均每个方向多少？",),
            "average",
            ["intl-2.2", "intl-2.3"],
            ["1650万元", "计算"],
        ),
        (
            ("芬蘭、德國兩個方向的總經費，平均每個方向多少？",),
            "average",
            ["intl-1.6", "intl-1.8"],
            ["4000萬元"],
        ),
        (
            ("意大利、以色列和阿根廷的平均资助额，取个平均是多少？",),
            "average",
            ["intl-1.2", "intl-1.9", "intl-2.4"],
            ["150万元", "计算"],
        ),
        (
            (
                "Take the averages per project of Finland and Korea energy and give me the mean "
                "of these two averages.",
            ),
            "average",
            ["intl-1.6", "intl-2.1"],
            ["CNY 5.75 million"],
        ),
    ],
)
def test_means_over_directions(engine, turns, intent, programs, has):
    check(engine, turns, intent, programs, has)


# the call named as a whole asks the call's own average per project: its budget over its
# projects, computed; "平均每个项目多少钱" alone keeps to the notice (no such figure)
@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("整个政府间专项平均下来每个项目多少钱？",), ["359.4万元", "计算"]),
        (("整個政府間專項，平均一個項目有幾多錢？",), ["359.4萬元"]),
        (
            ("For the intergovernmental call as a whole, what is the average per project?",),
            ["CNY 3.594 million"],
        ),
    ],
)
def test_call_average_when_named_whole(engine, turns, has):
    check(engine, turns, "average", None, has)


def test_plain_average_keeps_to_the_notice(engine):
    reply = ask(engine, "平均每个项目多少钱？")
    assert "359" not in reply["text"]


# a filter at the mean over the directions: the mean computed, then the filter on it
@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (
            ("经费高于各方向平均水平的方向有哪几个？",),
            ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"],
            ["计算", "6000万元"],
        ),
        (
            ("總經費超過各方向平均值的方向有邊啲？",),
            ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"],
            ["6000萬元"],
        ),
        (
            ("Which directions have a total budget above the average?",),
            ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"],
            ["omputed", "CNY 60 million"],
        ),
    ],
)
def test_filter_at_the_mean(engine, turns, programs, has):
    check(engine, turns, "rank", programs, has)


# the share of the directions a filter keeps
@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (
            ("政府间专项里总经费为6000万元的方向有哪些，占15个方向的比例是多少？",),
            ["intl-1.3", "intl-1.6", "intl-2.5"],
            ["3 ÷ 15 = 20%"],
        ),
        (
            ("政府間專項平均資助額等於300萬元的方向有哪些？佔全部方向的百分比是多少？",),
            ["intl-1.1", "intl-1.3", "intl-1.5", "intl-2.3", "intl-2.5"],
            ["5 ÷ 15", "33.3%"],
        ),
        (
            (
                "In the intergovernmental call, which directions have exactly 10 projects, and "
                "what share of the directions is that?",
            ),
            ["intl-1.1", "intl-1.2", "intl-1.5", "intl-1.9"],
            ["4 ÷ 15 = 26.7%"],
        ),
    ],
)
def test_share_of_directions_in_a_filter(engine, turns, programs, has):
    check(engine, turns, "rank", programs, has)


# the spread of single grants: the notice gives none
@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("中德方向每个项目资助额的众数是多少？",), ["众数"]),
        (("各方向單個項目資助額的標準差是多少？",), ["標準差"]),
        (("What is the median grant size in the Finland direction?",), ["median"]),
    ],
)
def test_spread_of_grants_is_unknown(engine, turns, has):
    check(engine, turns, "unknown", None, has)


# the call's overview asked in parts, the call named as a whole
@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (
            (
                "老师好，我们要写一份简报，请提供本专项的基本情况：1.设了多少个指南方向；2.项目总数；"
                "3.经费总概算；4.实施周期。谢谢！",
            ),
            ["15", "138", "49600", "2~3"],
        ),
        (("整個政府間專項的總經費是多少？每個項目做幾年？",), ["49600萬元", "2~3"]),
        (
            (
                "Please give me an overview of the whole call: the budget, the projects and how "
                "long they run.",
            ),
            ["496 million", "138", "2 to 3"],
        ),
    ],
)
def test_overview_in_parts(engine, turns, has):
    check(engine, turns, "overview", None, has)


# the mean of the figures talked about over several turns, or of a list just answered
@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (
            ("中芬平均每项多少", "中德呢", "中奥呢", "这三个再平均一下是多少？"),
            ["intl-1.6", "intl-1.8", "intl-1.7"],
            ["350万元"],
        ),
        (
            ("以色列平均每項多少？", "意大利呢？", "兩者再平均一下？"),
            ["intl-1.9", "intl-1.2"],
            ["200萬元"],
        ),
        (
            ("Which directions fund hydrogen?", "Average the averages per project of those."),
            ["intl-1.8", "intl-2.1", "intl-2.3"],
            ["CNY 4.83 million"],
        ),
    ],
)
def test_mean_of_previous(engine, turns, programs, has):
    check(engine, turns, "average", programs, has)


# "平均每个方向的资助强度" is each direction's average per project, not a mean per direction
def test_average_per_project_of_each_direction_is_not_a_mean(engine):
    reply = ask(engine, "平均每个方向的资助强度是多少？")
    assert "3306" not in reply["text"]


# the asker's own record ("在氢能方面积累较多") compares nothing: the numbered measures of the
# direction named are its card
def test_asker_record_is_no_comparison(engine):
    check(
        engine,
        ("我们课题组在储能方面积累较多，请提供中德方向的：1.资助领域；2.项目数；3.平均资助额。",),
        "detail",
        ["intl-1.8"],
        ["5个项目", "400万元"],
    )


# "平均下來，一個方向…": the mean per direction said with the averaging word first
def test_mean_per_direction_said_first(engine):
    check(
        engine, ("政府間專項平均下來，一個方向大概有幾多個項目？",), "average", [], ["9.2個項目"]
    )
