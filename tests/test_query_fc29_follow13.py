"""Follow-ups over what was just answered (fc29), each on messages other than the set's own: the
first of the directions named turn after turn; the two directions of a yes/no question the
notice does not answer, asked of next; both sums (money and projects) of directions added up in
one message; a filter's list with some set aside, then the rest added up."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        # the first of the two named turn after turn, not the first of a ranking
        (("西班牙那个多少钱", "意大利呢", "第一个平均每项多少"), "average", ["intl-1.3"], ["300"]),
        (("西班牙那個多少錢", "意大利呢", "第一個平均每項多少"), "average", ["intl-1.3"], ["300"]),
        (
            ("Budget of Spain?", "and Italy?", "the first one, per project?"),
            "average",
            ["intl-1.3"],
            ["3 million"],
        ),
        # the two directions of a question the notice does not answer are what "those two" means
        (
            ("中奥方向和中德方向是一回事吗", "那两个平均各多少"),
            "average",
            ["intl-1.7", "intl-1.8"],
            ["250", "400"],
        ),
        (
            ("中奧方向和中德方向是一回事嗎", "那兩個平均各多少"),
            "average",
            ["intl-1.7", "intl-1.8"],
            ["250", "400"],
        ),
        (
            (
                "Is the Austria direction the same as the Germany one?",
                "and the two, average each?",
            ),
            "average",
            ["intl-1.7", "intl-1.8"],
            ["2.5 million", "4 million"],
        ),
        # a marker picks the part among the two talked about, the whole is both added up
        (
            (
                "Korea joint research budget?",
                "and the energy one?",
                "what share of the two combined is the energy one?",
            ),
            "compare",
            ["intl-2.0", "intl-2.1"],
            ["71.4%"],
        ),
        (
            ("韩国联合研究多少钱", "能源那个呢", "能源占两者合计的百分之几"),
            "compare",
            ["intl-2.0", "intl-2.1"],
            ["71.4%"],
        ),
        (
            ("韓國聯合研究多少錢", "能源那個呢", "能源佔兩者合計的百分之幾"),
            "compare",
            ["intl-2.0", "intl-2.1"],
            ["71.4%"],
        ),
        # the two talked about, added up, against one named after "than"
        (
            ("How much does Spain get?", "and Italy?", "together, is that more than Finland's?"),
            "compare",
            ["intl-1.3", "intl-1.2", "intl-1.6"],
            ["80 million", "60 million"],
        ),
        (
            ("奥地利总经费多少", "以色列呢", "两个加起来比芬兰多吗"),
            "compare",
            ["intl-1.7", "intl-1.9", "intl-1.6"],
            ["3000", "6000"],
        ),
        (
            ("奧地利總經費多少", "以色列呢", "兩個加起來比芬蘭多嗎"),
            "compare",
            ["intl-1.7", "intl-1.9", "intl-1.6"],
            ["3000", "6000"],
        ),
        # a topic's list, its figures, then one set aside and "the other two" each
        (
            (
                "Which directions cover hydrogen?",
                "their budgets?",
                "apart from Germany, the other two, average each?",
            ),
            "average",
            ["intl-2.1", "intl-2.3"],
            ["7.5 million", "3 million"],
        ),
        (
            ("哪些方向支持氢能", "它们各多少钱", "除了德国，另外两个平均每项多少"),
            "average",
            ["intl-2.1", "intl-2.3"],
            ["750", "300"],
        ),
        (
            ("哪些方向支持氫能", "它們各多少錢", "除了德國，另外兩個平均每項多少"),
            "average",
            ["intl-2.1", "intl-2.3"],
            ["750", "300"],
        ),
        # a filter's list, some of it set aside, then the rest added up
        (
            ("哪些方向总经费低于1200万", "不算阿根廷", "剩下的一共多少个项目"),
            "count",
            ["intl-1.7", "intl-2.0", "intl-2.3"],
            ["11"],
        ),
        (
            ("平均資助不低於400萬的方向有哪些", "不算歐盟旗艦", "剩下的總經費合計多少"),
            "budget",
            ["intl-2.1", "intl-1.6", "intl-1.8"],
            ["9500"],
        ),
        (
            (
                "Which directions have a total budget under 12 million?",
                "leave out Argentina",
                "how many projects do the rest have together?",
            ),
            "count",
            ["intl-1.7", "intl-2.0", "intl-2.3"],
            ["11"],
        ),
    ],
)
def test_follow_ups(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str], has: list[str]
) -> None:
    expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("How much Spain and Italy combined, and projects combined?", ["80 million", "30"]),
        ("南非两个方向经费加起来多少，项目一共几个", ["3300", "16"]),
        ("南非兩個方向經費加起來多少，項目總共幾個", ["3300", "16"]),
        # directions called projects, money asked: one sum
        ("韩国两个项目加起来多少钱", ["2100"]),
        ("韓國兩個項目加起來多少錢", ["2100"]),
    ],
)
def test_both_sums(engine: Engine, text: str, has: list[str]) -> None:
    reply = ask(engine, text)
    assert reply["intent"] in ("budget", "count"), reply
    for h in has:
        assert h in reply["text"], (h, reply["text"])
