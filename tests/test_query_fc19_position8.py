"""Where a direction stands and relative shapes (fc19/fc20, i8-position8): the place of the
direction just answered ("排第几" after a figure), a learner's comparatives and superlatives
("the less money of all", "who is more big?", "the fifth direction with less budget"), "how much
each" after a count (the average), "as a multiple of" (a ratio), a share of the two just talked
about, and a filter equal to a direction's value on one or several measures. Each on messages
other than the sets' own, in zh-Hans, zh-Hant (and Cantonese) and English."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (("西班牙方向有几个项目", "那它在政府间专项里排第几"), ["intl-1.3"], "排第1"),
        (("中奧項目平均每項多少錢？", "排第幾？"), ["intl-1.7"], "排第10"),
        (("中南旗艦平均幾多", "喺政府間方向入面排第幾"), ["intl-2.3"], "排第5"),
        (
            (
                "How much money does the Israel direction get?",
                "Where does it stand among the intergovernmental directions?",
            ),
            ["intl-1.9"],
            "8th of 15",
        ),
        (("How many projects for Spain?", "what place is that?"), ["intl-1.3"], "1st of 15"),
        (("中芬经费多少", "在所有方向里算第几"), ["intl-1.6"], "排第2"),
        (("中芬經費幾多", "排喺邊個位置"), ["intl-1.6"], "排第2"),
        (("奥地利平均每项多少", "算高吗"), ["intl-1.7"], "排第10"),
        (("Finland budget?", "is that high compared to the others?"), ["intl-1.6"], "2nd of 15"),
    ],
)
def test_place_of_the_direction_just_answered(engine, turns, programs, has):
    expect(ask(engine, *turns), "rank", programs, [has], in_order=True)


def test_ranking_them_is_no_place_of_one(engine):
    """ "rank them" after three directions orders the three, it asks no place of the last."""
    reply = ask(engine, "Israel average?", "and Austria?", "and Italy?", "rank them please")
    assert sorted(reply["programs"]) == ["intl-1.2", "intl-1.7", "intl-1.9"]


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (("which programme gets the less funding of all?",), "rank", None, "2 million"),
        (("what is the third direction with more projects?",), "rank", None, "15 projects"),
        (("which direction has the most little money?",), "rank", None, "2 million"),
        (("what direction is the more rich of all?",), "rank", None, "130 million"),
        (("Argentina budget?", "is it the most small?"), "rank", ["intl-2.4"], "Yes"),
        (
            ("Please, the second direction with less money, counting from the smallest?",),
            "rank",
            ["intl-2.3"],
            "3 million",
        ),
        (("Germany average is more big than Italy?",), "compare", ["intl-1.2", "intl-1.8"], "4"),
        (
            ("Average of Israel?", "and Austria?", "who is more small?"),
            "compare",
            ["intl-1.7", "intl-1.9"],
            "2.5 million",
        ),
    ],
)
def test_learners_comparatives(engine, turns, intent, programs, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == intent
    if programs is not None:
        assert sorted(reply["programs"]) == programs
    assert has in reply["text"]


@pytest.mark.parametrize(
    "turns",
    [
        (
            "What is the total for the Germany direction?",
            "how many projects?",
            "how much for each then?",
        ),
        ("中德经费多少", "几个项目", "那每个多少钱"),
        ("Germany budget?", "how many projects?", "so each one how much?"),
        ("Germany budget?", "how many projects?", "so for each one?"),
        ("中德經費多少", "幾個項目", "咁每個幾多錢"),
    ],
)
def test_each_after_a_count_is_the_average(engine, turns):
    reply = expect(ask(engine, *turns), "average", ["intl-1.8"])
    assert any(s in reply["text"] for s in ("400", "4 million"))


def test_each_of_several_directions_stays_each(engine):
    """ "how much each" after two directions asks each one's figure, not an average."""
    reply = ask(engine, "How many projects for Finland and Germany?", "how much each?")
    assert reply["intent"] != "average"


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("Finland total as a multiple of Germany?",), "3 times"),
        (("Spain budget?", "and Italy?", "what multiple of Italy is Spain?"), "3 times"),
        (("芬兰多少钱", "德国呢", "前者是后者的几倍"), "3倍"),
        (("Spain is how many times more big than Italy?",), "CNY 60 million"),
        (("Finland budget?", "Germany?", "how many times?"), "3 times"),
    ],
)
def test_a_multiple_is_a_ratio(engine, turns, has):
    expect(ask(engine, *turns), "compare", has=[has])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("Spain budget?", "and Russia?", "what share of the two combined is Spain?"), "50%"),
        (("西班牙經費多少", "意大利呢", "西班牙佔兩者合計的百分之幾"), "75%"),
        (("西班牙多少钱", "意大利呢", "西班牙占这两个加起来的百分之几"), "75%"),
        (("芬兰多少钱", "德国呢", "奥地利呢", "芬兰占这三个合计的百分之几"), "66.7%"),
        (("西班牙多少钱", "意大利呢", "这两个加起来里西班牙占百分之几"), "75%"),
        (("西班牙經費幾多", "意大利呢", "兩個加埋入面西班牙佔幾多個百分比"), "75%"),
        (
            (
                "Finland budget?",
                "Germany?",
                "Austria?",
                "what share of the three together is Finland?",
            ),
            "66.7%",
        ),
    ],
)
def test_share_of_the_two_just_asked(engine, turns, has):
    expect(ask(engine, *turns), "compare", has=[has])


@pytest.mark.parametrize(
    ("turns", "programs"),
    [
        (
            ("Which directions have the same total budget as the Italy one?",),
            ["intl-1.8", "intl-1.9"],
        ),
        (("中意项目资助哪些领域", "跟它总经费一样的方向还有哪些"), ["intl-1.8", "intl-1.9"]),
        (
            ("以色列方向平均每項多少", "同呢個方向平均一樣嘅仲有邊啲"),
            ["hmt-1.1", "intl-1.2", "intl-2.2"],
        ),
        (("有没有方向跟中南联合研究一样，也是3000万、15个项目",), ["hmt-1.1"]),
        (("有冇邊個方向同中南聯合研究一樣，都係3000萬同15個項目",), ["hmt-1.1"]),
        (
            (
                "which directions have exactly the same number of projects and budget as the "
                "South Africa joint research?",
            ),
            ["hmt-1.1"],
        ),
    ],
)
def test_equal_to_a_direction(engine, turns, programs):
    expect(ask(engine, *turns), "rank", programs)


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (("中芬经费多少", "是最多的吗"), ["intl-1.4", "intl-1.6"], "不是"),
        (("阿根廷平均多少", "是不是最低的"), ["intl-2.4"], "是的"),
        (("中以平均每項幾多", "係咪最低㗎"), ["intl-1.9", "intl-2.4"], "不是"),
        (("Finland budget?", "is that the biggest one?"), ["intl-1.4", "intl-1.6"], "No"),
    ],
)
def test_is_the_direction_just_answered_at_an_end(engine, turns, programs, has):
    """A yes/no on an end after one direction's figure: its place on that figure's measure."""
    reply = expect(ask(engine, *turns), "rank", programs)
    assert reply["text"].startswith(has)


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (("中德经费是中芬的百分之几",), ["intl-1.6", "intl-1.8"], "33.3%"),
        (("德国多少钱", "芬兰呢", "前者是后者的百分之几"), ["intl-1.6", "intl-1.8"], "33.3%"),
        (("中德經費幾多", "中芬呢", "後者係前者嘅幾多個百分比"), ["intl-1.6", "intl-1.8"], "300"),
        (
            ("Germany budget is what percentage of Finland budget?",),
            ["intl-1.6", "intl-1.8"],
            "33.3%",
        ),
    ],
)
def test_one_direction_as_a_percentage_of_another(engine, turns, programs, has):
    """A direction's figure as a percentage of another's, not of the call."""
    reply = expect(ask(engine, *turns), "compare", programs, [has])
    assert "49600" not in reply["text"] and "496 million" not in reply["text"]


@pytest.mark.parametrize(
    ("turns", "programs"),
    [
        (("Any direction with an equal budget to Italy?",), ["intl-1.8", "intl-1.9"]),
        (("Finland average?", "which other directions have the same?"), ["intl-1.8"]),
        (("中意多少个项目", "哪些方向也一样"), ["intl-1.1", "intl-1.5", "intl-1.9"]),
        (("中芬平均每項幾多", "仲有邊啲方向也是這個數"), ["intl-1.8"]),
    ],
)
def test_the_same_as_the_figure_just_given(engine, turns, programs):
    expect(ask(engine, *turns), "rank", programs)


def test_two_named_the_same_stays_a_comparison(engine):
    reply = ask(engine, "芬兰和德国平均一样吗")
    assert reply["intent"] == "compare"


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (("芬兰和德国的经费各排第几",), ["intl-1.6", "intl-1.8"], "排第8"),
        (("芬蘭多少錢", "德國呢", "它們分別排第幾"), ["intl-1.6", "intl-1.8"], "排第8"),
        (("Where do Finland and Germany rank by budget?",), ["intl-1.6", "intl-1.8"], "8th of 15"),
    ],
)
def test_places_of_several(engine, turns, programs, has):
    reply = expect(ask(engine, *turns), "rank", programs, [has])
    assert "2nd" in reply["text"] or "排第2" in reply["text"]  # Finland's place too


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("中芬经费多少", "排第几"), "与1.3 中西科技合作、2.5 中俄科技合作并列"),
        (("中芬經費幾多", "排第幾"), "與1.3 中西科技合作、2.5 中俄科技合作並列"),
        (("How many projects for Finland?", "what place is that?"), "tied with 2.2"),
        (("which direction has the fewest projects?", "and where is it by budget?"), "14th of 15"),
    ],
)
def test_a_tie_says_with_whom(engine, turns, has):
    expect(ask(engine, *turns), "rank", has=[has])


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        # a measure the turns did not give: the three ranked on it
        (("中芬经费多少", "中德呢", "中以呢", "这三个里面哪个平均最高"), "rank"),
        (("中芬經費幾多", "中德呢", "中以呢", "呢三個入面邊個項目最多"), "rank"),
        (
            ("Italy budget?", "Spain?", "Finland?", "which of these three has the most projects?"),
            "rank",
        ),
        # the measure the turns gave: those figures compared
        (
            ("Italy average?", "and Spain?", "and Finland?", "which of these three is highest?"),
            "compare",
        ),
    ],
)
def test_extreme_among_the_three_talked_about(engine, turns, intent):
    reply = ask(engine, *turns)
    assert reply["intent"] == intent
    assert len(reply["programs"]) == 3


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("中芬的经费在所有16个方向里排第几",), "在16个方向中"),
        (("澳門方向平均每項幾多", "排第幾"), "在16個方向中"),
        (("Where does the Macao direction rank by budget?",), "of 16 directions"),
        (("Italy: which position by projects?",), "5th of 15"),
    ],
)
def test_the_pool_a_place_is_counted_in(engine, turns, has):
    """Every direction when the message counts them all or the call has no other."""
    expect(ask(engine, *turns), "rank", has=[has])


@pytest.mark.parametrize(
    ("turns", "programs"),
    [
        (("按经费从最少的开始数，第五个是哪个方向",), ["intl-2.1"]),
        (("經費由最細嗰個數起，第五個係邊個",), ["intl-2.1"]),
        (("which is the fifth one, counting from the smallest budget?",), ["intl-2.1"]),
        (("counting from the bottom, the third one by projects?",), ["intl-1.7", "intl-2.4"]),
    ],
)
def test_an_ordinal_counted_from_an_end(engine, turns, programs):
    expect(ask(engine, *turns), "rank", programs)
