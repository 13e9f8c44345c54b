"""Shares of a total (issue 8, fc11): a part's figure, the whole's figure and the percentage.
The whole is the call named, both calls when asked, else the part's own call; the part is what
is named, else what was just talked about. Asserted on messages other than fc11's own, in
zh-Hans, zh-Hant and English; every percentage is computed from the knowledge's figures."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect


def _pct(part: float, whole: float) -> str:
    # a whole percentage without its zero ("4%", not "4.0%")
    return f"{100 * part / whole:.1f}".removesuffix(".0") + "%"


def _totals(engine: Engine) -> tuple[dict[str, float], dict[str, float]]:
    k = engine.knowledge
    return {d.id: d.total for d in k.directions}, {c.id: c.total for c in k.calls}


@pytest.mark.parametrize(
    ("turns", "part", "whole"),
    [
        # the intergovernmental call named
        (["中芬方向的经费占政府间专项总经费的比例是多少？"], ["intl-1.6"], ["intl"]),
        (["芬蘭方向佔政府間專項總經費幾多個百分比？"], ["intl-1.6"], ["intl"]),
        (["Finland's share of the intergovernmental budget?"], ["intl-1.6"], ["intl"]),
        # no call named: the part's own call
        (["德国方向占总经费的百分之几"], ["intl-1.8"], ["intl"]),
        (["What percentage of the total budget does Germany get?"], ["intl-1.8"], ["intl"]),
        (["西班牙同芬蘭加埋佔總經費嘅比例係幾多"], ["intl-1.3", "intl-1.6"], ["intl"]),
        # both calls asked
        (
            ["以色列和意大利加起来占两个专项总经费的百分比"],
            ["intl-1.9", "intl-1.2"],
            ["intl", "hmt"],
        ),
        (["內地與澳門方向佔兩個專項總經費嘅百分比係幾多？"], ["hmt-1.1"], ["intl", "hmt"]),
        (["What fraction of both calls' money goes to Macao?"], ["hmt-1.1"], ["intl", "hmt"]),
        # the part from the turns before
        (["德国多少钱？", "占政府间专项的比例呢？"], ["intl-1.8"], ["intl"]),
        (["俄羅斯幾多錢？", "佔政府間專項總經費幾多百分比？"], ["intl-2.5"], ["intl"]),
        (
            [
                "Israel budget?",
                "and Italy?",
                "what share of the intergovernmental total are the two?",
            ],
            ["intl-1.9", "intl-1.2"],
            ["intl"],
        ),
    ],
)
def test_a_share_gives_the_part_the_whole_and_the_percentage(engine, turns, part, whole):
    directions, calls = _totals(engine)
    reply = expect(ask(engine, *turns), "compare", part)
    assert reply["query"]["op"] == "share" and sorted(reply["query"]["calls"]) == sorted(whole)
    pct = _pct(sum(directions[d] for d in part), sum(calls[c] for c in whole))
    assert pct in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "老师好！中芬方向的经费占政府间专项总经费的比例是多少？谢谢",
        "您好，我係澳門一間大學嘅老師。芬蘭方向佔政府間專項總經費幾多個百分比？唔該",
        "Hi, I work at a university in Shanghai. What share of the intergovernmental budget "
        "goes to Finland? Thanks!",
    ],
)
def test_a_share_wrapped_in_courtesy_is_the_same_share(engine, text):
    directions, calls = _totals(engine)
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["programs"] == ["intl-1.6"]
    assert _pct(directions["intl-1.6"], calls["intl"]) in reply["text"]


def test_a_direction_of_the_other_call_is_set_against_the_call_with_a_note(engine):
    reply = ask(engine, "Macao direction as a percentage of the intergovernmental budget?")
    assert reply["intent"] == "compare" and reply["programs"] == ["hmt-1.1"]
    assert "not part of this call" in reply["text"]
    reply = ask(engine, "澳门方向占政府间专项总经费的百分之多少")
    assert "不属于该专项" in reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "欧盟旗舰两个领域的经费各占多少比例",
        "歐盟旗艦兩個領域嘅經費各佔幾多百分比？",
        "EU flagship: what share of its money does each track get?",
    ],
)
def test_the_tracks_shares_of_one_direction(engine, text):
    d = engine.knowledge.direction_by_id["intl-1.4"]
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["programs"] == ["intl-1.4"]
    for f in d.funding:
        assert _pct(f.total, d.total) in reply["text"]


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("中俄项目数占政府间专项项目总数的比例", "intl-2.5"),
        ("以色列方向嘅項目數佔政府間專項項目總數幾多百分比？", "intl-1.9"),
        ("What proportion of all projects are funded by the Israel direction?", "intl-1.9"),
    ],
)
def test_a_share_of_projects_uses_the_counts_as_stated(engine, ident, text):
    k = engine.knowledge
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["programs"] == [ident]
    part = k.direction_by_id[ident].projects.count
    whole = k.call_by_id["intl"].projects.count
    assert _pct(part, whole) in reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "每个方向每个项目的间接费用占比是多少",  # an aspect the notice does not give
        "各领域经费占比是多少",
        "How is the budget split between research fields?",
    ],
)
def test_a_share_the_notice_does_not_give_stays_unknown(engine, text):
    assert ask(engine, text)["intent"] == "unknown"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("哪个方向占总经费的比例最高", "intl-1.4"),
        ("邊個方向佔總經費比例最低？", "intl-2.4"),
        ("Which direction has the smallest share of the total budget?", "intl-2.4"),
    ],
)
def test_the_largest_share_is_a_ranking(engine, text, first):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and reply["programs"][0] == first


@pytest.mark.parametrize(
    "text",
    [
        "芬兰和德国经费的比例是多少",
        "芬蘭同德國經費嘅比例係幾多？",
        "ratio of Finland to Germany budget?",
    ],
)
def test_a_ratio_of_two_is_no_share(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["query"]["op"] == "compare"
    assert "%" not in reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "外方经费占项目总经费的比例有没有规定？",
        "自籌經費佔比有冇要求？",
        "What percentage of the budget must the Finnish side match?",
    ],
)
def test_a_share_inside_one_project_is_no_share_of_a_call(engine, text):
    reply = ask(engine, text)
    assert reply["query"]["op"] != "share" and "%" not in reply["text"]


@pytest.mark.parametrize(
    ("turns", "ident", "whole"),
    [
        (["芬兰占政府间专项总经费的百分比", "德国呢？"], "intl-1.8", ["intl"]),
        (["芬蘭佔兩個專項總經費嘅比例係幾多？", "咁俄羅斯呢？"], "intl-2.5", ["intl", "hmt"]),
        (
            ["What share of the intergovernmental budget goes to Finland?", "and Germany?"],
            "intl-1.8",
            ["intl"],
        ),
    ],
)
def test_a_name_after_a_share_asks_its_share_of_the_same_whole(engine, turns, ident, whole):
    directions, calls = _totals(engine)
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare" and reply["programs"] == [ident]
    assert _pct(directions[ident], sum(calls[c] for c in whole)) in reply["text"]


def test_another_measure_after_a_share_is_that_measure(engine):
    reply = ask(engine, "芬兰占政府间专项总经费的百分比", "德国的平均呢？")
    assert reply["intent"] == "average" and "%" not in reply["text"]


@pytest.mark.parametrize(
    "text",
    ["以色列占政府间专项总经费的多少？", "以色列佔政府間專項總經費嘅幾多？"],
)
def test_what_part_of_a_total_is_a_share(engine, text):
    directions, calls = _totals(engine)
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["programs"] == ["intl-1.9"]
    assert _pct(directions["intl-1.9"], calls["intl"]) in reply["text"]


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "韩国能源技术联合研究占韩国两个方向合计经费的比例是多少",
            "intl-2.1",
            ["intl-2.0", "intl-2.1"],
        ),
        ("南非旗艦佔南非兩個方向總經費嘅幾多百分比？", "intl-2.3", ["intl-2.2", "intl-2.3"]),
        ("中欧旗舰占欧盟两个方向经费的百分之多少", "intl-1.4", ["intl-1.4", "intl-1.5"]),
    ],
)
def test_a_whole_of_directions_named_after_zhan(engine, text, part, whole):
    directions, _ = _totals(engine)
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["programs"][0] == part
    assert _pct(directions[part], sum(directions[d] for d in whole)) in reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "芬兰和德国各占政府间专项经费的百分之几",
        "芬蘭同德國分別佔政府間專項總經費幾多百分比？",
        "What percentage of the intergovernmental total do Finland and Germany each get?",
    ],
)
def test_several_parts_without_a_sum_word_get_each_share_and_theirs_together(engine, text):
    directions, calls = _totals(engine)
    reply = expect(ask(engine, text), "compare", ["intl-1.6", "intl-1.8"])
    for ident in ("intl-1.6", "intl-1.8"):
        assert _pct(directions[ident], calls["intl"]) in reply["text"]
    together = directions["intl-1.6"] + directions["intl-1.8"]
    assert _pct(together, calls["intl"]) in reply["text"]


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "What share of Korea's money goes to the energy technology direction?",
            "intl-2.1",
            "korea",
        ),
        (
            "What percentage of the South Africa budget is the flagship?",
            "intl-2.3",
            "south-africa",
        ),
        ("韩国的钱里，能源技术方向占多少比例？", "intl-2.1", "korea"),
        ("南非兩個方向當中，旗艦佔幾多百分比？", "intl-2.3", "south-africa"),
    ],
)
def test_a_whole_of_a_partners_directions_in_other_word_orders(engine, text, part, whole):
    k = engine.knowledge
    directions, _ = _totals(engine)
    reply = ask(engine, text)
    assert reply["intent"] == "compare" and reply["programs"][0] == part
    total = sum(d.total for d in k.directions_by_partner[whole])
    assert _pct(directions[part], total) in reply["text"]
