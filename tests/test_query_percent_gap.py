"""The gap between two directions asked in percent ("X比Y多出百分之几", "what percent more than
…"): the operation `percent_more` (bot/data/operations.yaml) makes the comparison state the gap
relative to the smaller side (and the other way round). Before, the percent word read as a share
of the call's total: "俄罗斯那个比以色列多出百分之几" answered each one's share of 4.96亿."""

from __future__ import annotations

import pytest

from tests.asking import ask


@pytest.mark.parametrize(
    ("turns", "programs", "figures"),
    [
        (
            ("中芬平均每项多少？", "中奥呢？", "芬兰比奥地利多出百分之几？"),
            {"intl-1.6", "intl-1.7"},
            ["60%"],
        ),
        (("西班牙的总经费比意大利多百分之多少？",), {"intl-1.3", "intl-1.2"}, ["200%", "66.7%"]),
        (("中俄項目平均資助比中以高幾多個百分點？",), {"intl-2.5", "intl-1.9"}, ["50%"]),
        (
            ("Korea energy total budget?", "and Austria?", "what percent more is Korea?"),
            {"intl-2.1", "intl-1.7"},
            ["50%"],
        ),
        (
            ("How much bigger is Finland than Israel in percent?",),
            {"intl-1.6", "intl-1.9"},
            ["200%"],
        ),
    ],
)
def test_the_gap_is_given_relative_to_the_smaller(engine, turns, programs, figures):
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and set(reply["programs"]) == programs, reply
    assert "percent" in reply["query"]["asks"], reply["query"]
    for figure in figures:
        assert figure in reply["text"], reply["text"]
    assert "4.96" not in reply["text"] and "496" not in reply["text"]  # not a share of the call


def test_percentage_points_are_not_a_count_of_projects(engine):
    reply = ask(engine, "德國計畫的經費比以色列的多幾多個百分比？")
    assert reply["query"]["measures"] == ["total"], reply["query"]


@pytest.mark.parametrize(
    "text",
    [
        "中芬占政府间专项总经费的百分之几？",
        "What percentage of the intergovernmental budget is Finland?",
    ],
)
def test_a_share_of_the_whole_is_still_a_share(engine, text):
    reply = ask(engine, text)
    assert reply["query"]["op"] == "share" and "12.1%" in reply["text"], reply
