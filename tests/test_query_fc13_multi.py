"""Several things asked at once (fc13/fc14, i8-multi): two measures of one direction in the words
of a non-native writer ("how many progetti and how much per progetto", "which is the total"), a
direction's research field and its funding, a topic's directions and their figure added up, a
filter made among the directions just listed ("其中…"), "the three together" reaching back past
the last turn, and a sum typed in a hurry ("togeter"). Each on messages other than the sets'."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("text", "program", "has"),
    [
        ("For Israel: how many proyectos and the average per each?", "intl-1.9", "10"),
        ("Germany call, how many progetti and how much per progetto?", "intl-1.8", "2"),
        ("How many projects will the Austria call fund, and which is the total?", "intl-1.7", "5"),
        ("What is the research field of the Israel direction and its budget?", "intl-1.9", "20"),
        ("What does the China–Germany direction fund, and what is its budget?", "intl-1.8", "20"),
        ("以色列方向支持多少个项目，平均每个项目多少钱？", "intl-1.9", "10"),
        ("以色列方向嘅研究領域同總經費係乜？", "intl-1.9", "2000"),
    ],
)
def test_several_measures_of_one_direction(engine, text, program, has):
    expect(ask(engine, text), "detail", [program], [has])


@pytest.mark.parametrize(
    ("text", "intent", "has"),
    [
        (
            "Which directions are about hydrogen, and what is their combined budget?",
            "budget",
            "38",
        ),
        ("哪些方向涉及氢能？它们的经费加起来一共多少？", "budget", "3800"),
        ("涉及氫能的方向加起來總共資助幾多個項目？", "count", ""),
    ],
)
def test_a_topic_and_its_sum(engine, text, intent, has):
    expect(ask(engine, text), intent, ["intl-1.8", "intl-2.1", "intl-2.3"], [has])


@pytest.mark.parametrize(
    "turns",
    [
        ("哪些方向跟氢能有关？", "其中总经费超过1000万的是哪几个？"),
        ("有邊啲方向同氫能有關？", "當中總經費超過1000萬嘅係邊幾個？"),
        (
            "Which directions cover hydrogen?",
            "Among them, which have more than 10 million in total?",
        ),
    ],
)
def test_a_filter_among_the_listed(engine, turns):
    expect(ask(engine, *turns), "rank", ["intl-1.8", "intl-2.1"])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("Budget of Israel?", "and of Germany and Italy?", "the three together?"), "60 million"),
        (("以色列多少钱？", "德国和意大利呢？", "这三个加起来呢？"), "6000"),
        (("以色列幾多錢？", "德國同意大利呢？", "三個加埋幾多？"), "6000"),
    ],
)
def test_three_together_reaches_back(engine, turns, has):
    expect(ask(engine, *turns), "budget", ["intl-1.2", "intl-1.8", "intl-1.9"], [has])


@pytest.mark.parametrize(
    "text",
    [
        "Budget of Israel and Italy togeter?",
        "Israel and Italy budget togther",
        "以色列和意大利合计多少钱",
    ],
)
def test_a_sum_typed_in_a_hurry(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "budget" and sorted(reply["programs"]) == ["intl-1.2", "intl-1.9"]


@pytest.mark.parametrize(
    "turns",
    [
        (
            "Which directions include renewable energy?",
            "Just the South Africa one – how much per project on average?",
        ),
        ("哪些方向包括可再生能源？", "只要南非那个，平均每个项目多少？"),
        ("邊啲方向包括可再生能源？", "淨係睇南非嗰個，平均每個項目幾多？"),
    ],
)
def test_one_of_the_listed_picked_out(engine, turns):
    reply = ask(engine, *turns)
    assert reply["intent"] == "average" and reply["programs"] == ["intl-2.2"]


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        (
            "Apart from Israel and the Italy one, how many projects do the intergovernmental"
            " directions fund in total?",
            ["intl-1.2", "intl-1.9"],
        ),
        ("除了以色列和意大利，政府间其他方向一共支持多少个项目？", ["intl-1.2", "intl-1.9"]),
        (
            "政府間專項除咗以色列同意大利之外，其他方向加埋資助幾多個項目？",
            ["intl-1.2", "intl-1.9"],
        ),
    ],
)
def test_two_names_set_aside_from_a_sum(engine, text, excluded):
    reply = ask(engine, text)
    assert reply["intent"] == "count"
    assert not set(excluded) & set(reply["programs"]) and len(reply["programs"]) == 13


_SEVEN = ["intl-1.2", "intl-1.3", "intl-1.6", "intl-1.7", "intl-1.8", "intl-1.9", "intl-2.5"]


@pytest.mark.parametrize(
    "turns",
    [
        (
            "How many projects do Israel, Italy, Spain, Finland, Austria, Germany and Russia"
            " fund together?",
            "And their budgets all together?",
        ),
        (
            "以色列、意大利、西班牙、芬兰、奥地利、德国、俄罗斯一共支持多少个项目？",
            "它们的经费加起来呢？",
        ),
        (
            "以色列、意大利、西班牙、芬蘭、奧地利、德國同俄羅斯加埋資助幾多個項目？",
            "佢哋嘅經費加埋呢？",
        ),
    ],
)
def test_a_long_list_summed_again(engine, turns):
    first = ask(engine, turns[0])
    assert first["intent"] == "count" and sorted(first["programs"]) == _SEVEN
    reply = ask(engine, *turns)
    assert reply["intent"] == "budget" and sorted(reply["programs"]) == _SEVEN


@pytest.mark.parametrize(
    "text",
    [
        "Which directions fund between 5 and 15 projects, with a total below 30 million?",
        "项目数在5到15个之间、但总经费低于3000万的方向有哪些？",
        "項目數介乎5至15個之間，而總經費少過3000萬嘅方向有邊啲？",
    ],
)
def test_a_range_and_a_second_condition(engine, text):
    expect(ask(engine, text), "rank", ["intl-1.2", "intl-1.8", "intl-1.9", "intl-2.0"])


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("Which directions have exactly 60 million in total, and how many projects each?", "20"),
        ("总经费正好6000万的方向有哪些？各支持多少个项目？", "20"),
        ("總經費啱啱好6000萬嘅方向有邊啲？各資助幾多個項目？", "20"),
    ],
)
def test_a_filter_and_a_measure_of_each(engine, text, has):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and has in reply["text"] and "15" in reply["text"]
    assert sorted(reply["programs"]) == ["intl-1.3", "intl-1.6", "intl-2.5"]


@pytest.mark.parametrize(
    "text",
    [
        "Of the directions averaging 2 million per project, which has the biggest total?",
        "平均每个项目200万的方向里，总经费最多的是哪个？",
        "平均每個項目200萬嘅方向入面，總經費最多係邊個？",
    ],
)
def test_a_filter_ranked_by_another_measure(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and "intl-2.2" in reply["programs"]
    assert reply["programs"][0] in ("intl-2.2", "hmt-1.1")
