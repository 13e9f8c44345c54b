"""Filters, ordinals and rankings with exclusions that fc9 and fc10 (tests/firstcontact/SCORES.md)
found: ranges with inclusive bounds, "exactly" and "only N", more or less than a named
direction, "由细到大…第四个", "which three … the smallest", "除X外…最高", and the call a filter
names as its scope. Each kind is asserted on messages other than the sets' own, in Simplified and
Traditional Chinese and English, and wrapped in a greeting or thanks."""

from __future__ import annotations

import pytest

from tests.asking import ask

# -- a range with inclusive bounds, "exactly", "only N" ------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # bounds written with （含）: both ends kept
        (
            "总经费在2000万元（含）到6000万元（含）之间的方向有哪些？",
            {"intl-1.2", "intl-1.3", "intl-1.6", "intl-1.8", "intl-1.9", "intl-2.5"},
        ),
        (
            "平均每件補助介於200萬（含）至300萬（含）之間的計畫有哪些？",
            {"intl-1.1", "intl-1.2", "intl-1.7", "intl-1.9", "intl-2.2"},
        ),
        # "2.5" is a figure here, not direction 2.5
        (
            "Which directions have an average per project between CNY 1.5 and 2.5 million, "
            "inclusive?",
            {"intl-1.2", "intl-1.7", "intl-1.9", "intl-2.2"},
        ),
    ],
)
def test_an_inclusive_range_keeps_both_ends(engine, text, want):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and reply["query"]["op"] == "filter"
    assert want <= set(reply["programs"])


@pytest.mark.parametrize(
    "text",
    [
        "Which directions fund 10 to 15 projects (both included)?",
        "项目数10-15个的方向有哪些",
        "支持項目數10至15個嘅方向有邊啲？",
    ],
)
def test_a_range_without_a_lead_word(engine, text):
    reply = ask(engine, text)
    assert reply["query"]["bounds"] == [[">=", 10.0], ["<=", 15.0]]
    assert {"intl-1.6", "intl-1.9", "intl-2.2"} <= set(reply["programs"])


def test_a_span_of_years_is_no_range(engine):
    assert ask(engine, "Projects last 2 to 3 years?")["intent"] == "period"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Are there directions whose total budget is exactly CNY 20 million?",
            ["1.2", "1.8", "1.9"],
        ),
        ("總經費啱啱好係3000萬嘅方向有邊啲？", ["1.1", "1.5", "2.2", "hmt"]),
        ("有没有哪个方向只支持两个项目？", ["2.1"]),
        ("有冇方向得四個項目？", ["1.7", "2.4"]),
        ("Is there a direction with only one project?", ["2.3"]),
    ],
)
def test_exactly_or_only_a_figure_lists_those_directions(engine, text, want):
    reply = ask(engine, text)
    ids = {"hmt-1.1" if w == "hmt" else f"intl-{w}" for w in want}
    assert reply["intent"] == "rank" and set(reply["programs"]) == ids


@pytest.mark.parametrize(
    "text",
    [
        "Can a team apply for only one project?",
        "hey what is the Korea energy one about? only two?",
    ],
)
def test_only_without_asking_which_is_no_filter(engine, text):
    assert ask(engine, text)["query"]["op"] != "filter"


# -- more or less than a named direction --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Which directions get more projects than Italy?", ["1.3", "1.6", "2.2", "2.5", "hmt"]),
        ("Are there any directions bigger than Germany in total budget?", None),
        ("平均资助比中芬还高的方向有哪些？", ["1.4", "2.1"]),
        ("總經費少過中以嘅方向有邊啲？", ["1.7", "2.0", "2.1", "2.3", "2.4"]),
    ],
)
def test_more_or_less_than_a_named_direction_is_a_strict_filter(engine, text, want):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and reply["rules"][-1] == "relative_filter"
    if want:
        ids = {"hmt-1.1" if w == "hmt" else f"intl-{w}" for w in want}
        assert set(reply["programs"]) == ids


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("哪些方向的项目数跟中意一样多？", {"intl-1.1", "intl-1.5", "intl-1.9"}),
        ("邊啲計劃嘅平均補助同中以一樣？", {"intl-1.2", "intl-2.2", "hmt-1.1"}),
        ("Which programmes have the same budget as Israel?", {"intl-1.2", "intl-1.8"}),
    ],
)
def test_the_same_as_a_named_direction_lists_the_others(engine, text, want):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and set(reply["programs"]) == want


def test_two_named_and_the_same_is_a_comparison(engine):
    assert ask(engine, "中芬和中德的经费一样吗？")["intent"] == "compare"


def test_which_one_is_more_is_still_a_comparison(engine):
    reply = ask(engine, "中芬项目多少钱？", "跟德国比哪个多？")
    assert reply["intent"] == "compare"


# -- ordinals and the first n -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("按總經費由細到大排，第二個係邊個？", "intl-2.3"),
        ("By total budget from smallest to largest, which direction is the third?", "intl-2.0"),
        ("各个方向里总经费第二少的是哪个", "intl-2.3"),
        ("請問各計劃中項目數第二少嘅係邊個？", "intl-2.1"),
    ],
)
def test_an_ordinal_asked_over_every_direction(engine, text, want):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and reply["programs"] == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Which two programmes have the lowest average grant?",
        "哪两个方向平均资助最低？",
        "邊兩個方向平均資助最低？",
    ],
)
def test_which_n_directions_are_the_first_n(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and set(reply["programs"]) == {"intl-2.4", "intl-2.0"}


# -- rankings with exclusions, within the call named -------------------------------------------


@pytest.mark.parametrize(
    ("text", "top", "gone"),
    [
        ("除中欧旗舰合作计划外，总经费最多的是哪个方向？", "intl-1.3", {"intl-1.4"}),
        (
            "In the intergovernmental call, which direction has the most projects if we exclude "
            "Spain and Russia?",
            "intl-1.6",
            {"intl-1.3", "intl-2.5", "hmt-1.1"},
        ),
        (
            "除咗中西同中俄之外，政府間計畫入面邊個項目數最多？",
            "intl-2.2",
            {"intl-1.3", "intl-2.5", "hmt-1.1"},
        ),
        # the flagship named in full: only it is set aside, not the EU's other direction
        (
            "请问除中欧研究创新旗舰合作计划外，平均资助强度最高的是哪个方向？",
            "intl-2.1",
            {"intl-1.4"},
        ),
    ],
)
def test_a_ranking_with_an_exclusion_is_answered(engine, text, top, gone):
    reply = ask(engine, text)
    assert reply["intent"] == "rank", reply["text"]
    assert top in reply["programs"] and not gone & set(reply["programs"])


def test_the_flagship_named_in_full_sets_aside_that_direction_only(engine):
    reply = ask(engine, "请问除中欧研究创新旗舰合作计划外，平均资助强度最高的是哪个方向？")
    assert reply["query"]["excluded"] == ["intl-1.4"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "政府间计划中项目数不少于15个的方向有哪些",
            {"intl-1.3", "intl-1.6", "intl-2.2", "intl-2.5"},
        ),
        ("政府間計畫裡總經費等於3000萬的有哪些？", {"intl-1.1", "intl-1.5", "intl-2.2"}),
        (
            "In the intergovernmental call, which directions fund at least 15 projects?",
            {"intl-1.3", "intl-1.6", "intl-2.2", "intl-2.5"},
        ),
    ],
)
def test_the_call_named_is_the_filters_scope(engine, text, want):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and set(reply["programs"]) == want


def test_a_sum_of_the_rest_of_the_call_named(engine):
    reply = ask(engine, "政府间专项里，除了韩国两个方向，其他方向的项目一共多少个？")
    assert "hmt-1.1" not in reply["programs"]
    assert not {"intl-2.0", "intl-2.1"} & set(reply["programs"])


# -- names beside a filter ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "We work with Germany. Which directions have an average of exactly CNY 4 million?",
            {"intl-1.6", "intl-1.8"},
        ),
        (
            "我们和以色列有合作。平均资助正好200万的方向有哪些？",
            {"intl-1.2", "intl-1.9", "intl-2.2", "hmt-1.1"},
        ),
        (
            "我哋同芬蘭有合作，總經費超過5000萬嘅方向有邊啲？",
            {"intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"},
        ),
        # both calls named are the scope, not a direction asked about
        (
            "政府间专项和港澳台项目一起看，总经费正好3000万的方向有哪些？",
            {"intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"},
        ),
    ],
)
def test_a_name_outside_the_filters_clause_does_not_stop_it(engine, text, want):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and set(reply["programs"]) == want


@pytest.mark.parametrize(
    "text", ["德国项目少于10个吗？", "Does Finland fund more than 10 projects?"]
)
def test_a_named_direction_in_the_filters_clause_is_asked_about(engine, text):
    reply = ask(engine, text)
    assert reply["query"]["op"] != "filter"


# -- wrapped in courtesy, the same answer -------------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "wrapped"),
    [
        ("總經費少過中以嘅方向有邊啲？", "你好！總經費少過中以嘅方向有邊啲？唔該晒"),
        (
            "Is there a direction with only one project?",
            "Hi there, is there a direction with only one project? Thanks a lot!",
        ),
        (
            "除中欧旗舰合作计划外，总经费最多的是哪个方向？",
            "老师好，除中欧旗舰合作计划外，总经费最多的是哪个方向？谢谢",
        ),
        ("哪两个方向平均资助最低？", "您好！请问哪两个方向平均资助最低？感谢"),
    ],
)
def test_courtesy_leaves_the_filter_unchanged(engine, plain, wrapped):
    a, b = ask(engine, plain), ask(engine, wrapped)
    assert (a["intent"], a["programs"]) == (b["intent"], b["programs"])
