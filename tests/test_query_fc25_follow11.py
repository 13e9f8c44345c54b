"""Follow-ups that build on earlier turns (fc25/fc26), each on messages other than the sets' own:
a running sum whose count reaches back over every direction named turn after turn; a direction
narrowed by a marker word and added to the one before; a measure written in English inside a
Chinese sentence; the tracks of one direction counted one by one and then "total"; the others of
an earlier list, one of them set aside; money over projects for the directions just talked
about (pooled); the figure just given checked of another direction; both calls added after
their figures were given one by one."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        # a running sum: "these three" covers every direction named turn after turn
        (
            ("芬兰方向多少钱", "奥地利的呢", "再加上阿根廷，这三个一共多少"),
            "budget",
            ["intl-1.6", "intl-1.7", "intl-2.4"],
            ["7200"],
        ),
        (
            ("芬蘭方向幾多錢", "奧地利呢？", "再加埋阿根廷，三個方向合共幾多？"),
            "budget",
            ["intl-1.6", "intl-1.7", "intl-2.4"],
            ["7200"],
        ),
        (
            ("How much for Finland?", "and Austria?", "plus Argentina, the three together?"),
            "budget",
            ["intl-1.6", "intl-1.7", "intl-2.4"],
            ["72 million"],
        ),
        # …and with no count said, when nothing was added up yet
        (
            ("芬兰多少钱", "奥地利呢", "再加上阿根廷，一共多少"),
            "budget",
            ["intl-1.6", "intl-1.7", "intl-2.4"],
            ["7200"],
        ),
        (
            ("Finland budget?", "and Austria?", "plus Argentina, how much in total?"),
            "budget",
            ["intl-1.6", "intl-1.7", "intl-2.4"],
            ["72 million"],
        ),
        # a direction narrowed by a marker word, then both together
        (
            ("Korea joint research budget?", "and the energy one? both together please"),
            "budget",
            ["intl-2.0", "intl-2.1"],
            ["21 million"],
        ),
        (
            ("南非联合研究多少钱", "旗舰的呢？两个一共多少"),
            "budget",
            ["intl-2.2", "intl-2.3"],
            ["3300"],
        ),
        (
            ("韓國聯合研究幾多錢？", "能源嗰個呢？兩個加埋幾多？"),
            "budget",
            ["intl-2.0", "intl-2.1"],
            ["2100"],
        ),
        # the money of both, asked with English measure words run into Chinese
        (
            ("韩国有几个direction？", "两个加起来total budget多少？"),
            "budget",
            ["intl-2.0", "intl-2.1"],
            ["2100"],
        ),
        (
            ("Korea有幾多個direction？", "兩個加埋total budget幾多？"),
            "budget",
            ["intl-2.0", "intl-2.1"],
            ["2100"],
        ),
        (
            ("How many directions does South Africa have?", "total budget of both?"),
            "budget",
            ["intl-2.2", "intl-2.3"],
            ["33 million"],
        ),
        # one direction's tracks counted one by one, then the total: its projects in all
        (
            ("EU flagship CCB how many projects?", "and FAB?", "so total then?"),
            "count",
            ["intl-1.4"],
            ["6 projects"],
        ),
        (("欧盟旗舰CCB领域几个项目", "FAB呢", "一共呢"), "count", ["intl-1.4"], ["6个项目"]),
        (
            ("歐盟旗艦CCB領域幾個項目？", "FAB呢？", "總共呢？"),
            "count",
            ["intl-1.4"],
            ["6個項目"],
        ),
        # the others of an earlier list, one of them set aside
        (
            ("哪些方向支持氢能", "韩国能源那个多少钱", "除了韩国能源以外，其余几个合计多少"),
            "budget",
            ["intl-1.8", "intl-2.3"],
            ["2300"],
        ),
        (
            (
                "Which directions fund hydrogen?",
                "How much is the Germany one?",
                "And the others together, without Germany?",
            ),
            "budget",
            ["intl-2.1", "intl-2.3"],
            ["18 million"],
        ),
        (
            ("哪些方向支持氫能", "南非旗艦嗰個幾多錢", "除咗南非旗艦，其餘嘅加埋幾多錢"),
            "budget",
            ["intl-1.8", "intl-2.1"],
            ["3500"],
        ),
        # …or the others of the one just asked, with no name set aside
        (
            (
                "Which directions fund hydrogen?",
                "Germany budget?",
                "what about the other two combined?",
            ),
            "budget",
            ["intl-2.1", "intl-2.3"],
            ["18 million"],
        ),
        (
            ("哪些方向支持氫能", "德國嗰個幾多個項目", "其餘嗰兩個加埋幾多個"),
            "count",
            ["intl-2.1", "intl-2.3"],
            ["3個項目"],
        ),
        (
            ("哪些方向支持氢能", "德国那个多少钱", "除了德国，另外两个加起来多少"),
            "budget",
            ["intl-2.1", "intl-2.3"],
            ["1800"],
        ),
        # money over projects for the directions just talked about: pooled
        (
            (
                "Which directions fund hydrogen?",
                "How many projects do they fund in total?",
                "total budget divided by total projects for them?",
            ),
            "average",
            ["intl-1.8", "intl-2.1", "intl-2.3"],
            ["4.75 million"],
        ),
        (
            (
                "总经费低于1000万的方向有哪些",
                "它们一共支持多少个项目",
                "那这三个的总经费除以总项目数是多少",
            ),
            "average",
            ["intl-2.0", "intl-2.3", "intl-2.4"],
            ["100万元"],
        ),
        (
            ("哪些方向支持氫能", "佢哋加埋資助幾多個項目", "咁佢哋嘅總經費除以總項目數係幾多"),
            "average",
            ["intl-1.8", "intl-2.1", "intl-2.3"],
            ["475萬元"],
        ),
        (
            ("Germany budget?", "Israel?", "their total money divided by their total projects?"),
            "average",
            ["intl-1.8", "intl-1.9"],
            ["40 million ÷ 15 projects"],
        ),
        # …and of the one direction just talked about: its average
        (("德国多少钱", "总经费除以项目数呢"), "average", ["intl-1.8"], ["400万元"]),
        (("德國幾多錢", "總經費除以項目數係幾多"), "average", ["intl-1.8"], ["400萬元"]),
        (
            ("Germany budget?", "and the budget divided by the number of projects?"),
            "average",
            ["intl-1.8"],
            ["4 million"],
        ),
        # the figure just given checked of another direction
        (
            ("芬兰平均每项多少", "西班牙是不是也这个数"),
            "compare",
            ["intl-1.6", "intl-1.3"],
            ["不相同"],
        ),
        (
            ("以色列平均每個項目幾多？", "意大利係咪都係呢個數？"),
            "compare",
            ["intl-1.9", "intl-1.2"],
            ["相同"],
        ),
        (
            (
                "What is the average per project for Spain?",
                "Is the EU joint labs also this figure?",
            ),
            "compare",
            ["intl-1.3", "intl-1.1"],
            ["the same"],
        ),
        # …or with the figure said again: the measure talked about is carried
        (
            ("以色列平均每个项目多少？", "意大利是不是也200万"),
            "average",
            ["intl-1.2"],
            ["平均每个项目200万元"],
        ),
        (
            ("以色列平均每個項目幾多？", "意大利係咪都係200萬？"),
            "average",
            ["intl-1.2"],
            ["平均每個項目200萬元"],
        ),
        (
            ("Israel average per project?", "Italy also 2 million?"),
            "average",
            ["intl-1.2"],
            ["2 million per project"],
        ),
        # both calls added after their figures were given one by one
        (("这个专项的经费总概算是多少", "把港澳台那个也加上呢"), "budget", [], ["52600"]),
        (("這個專項國撥經費總共幾多？", "連埋港澳台嗰個呢"), "budget", [], ["52600"]),
        (("What is the total budget?", "and with the Macao one added?"), "budget", [], ["526"]),
        (
            (
                "What is the total budget of this call?",
                "and adding the Hong Kong, Macao and Taiwan one?",
            ),
            "budget",
            [],
            ["526 million"],
        ),
    ],
)
def test_kinds(engine: Engine, turns, intent, programs, has) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == intent, reply
    assert sorted(reply["programs"]) == sorted(programs), reply
    text = reply["text"].replace(",", "")
    for h in has:
        assert h in text, (h, reply["text"])


def test_how_much_is_no_comparison(engine: Engine) -> None:
    """ "德国那个多少钱" after a list: 那个多 by sound is no "哪个多" when 少 follows."""
    reply = ask(engine, "哪些方向支持氢能", "德国那个多少钱")
    assert reply["intent"] == "budget", reply
    assert reply["programs"] == ["intl-1.8"], reply


def test_others_of_every_direction_stay_every_direction(engine: Engine) -> None:
    """ "all the other directions" after a list and one of it is every other direction."""
    reply = ask(
        engine, "哪些方向支持氢能", "德国那个多少钱", "除了德国以外，其他所有方向合计多少钱"
    )
    assert reply["intent"] == "budget", reply
    assert len(reply["programs"]) > 3, reply
