"""Topics in long messages and follow-ups over a topic answer (fc27/fc28, i8-topics12): the
directions sought on a topic with a figure asked in a sentence of its own, after context that
names the asker's partners (the partners say whom the asker works with, a call named where the
directions are sought is their scope), each direction with the figure; an aspect the notice
lacks named before a colon ("我在整理申报材料：…") is what the asker is doing, not the question.
Follow-ups over a topic answer: a set-aside alone is the list without them; a pick among the
directions listed, or among the two whose figures were just given ("边个最平": Cantonese 平 is
cheap), is among them; the measures asked after a topic answer of one direction are its own.
Each on messages other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

AI = ["intl-1.1", "intl-1.2", "intl-2.2", "intl-2.5"]
MARINE = ["intl-2.2", "intl-2.5", "hmt-1.1"]

CASES = [
    # the topic's directions, each with the figure asked, partners named before as context
    (
        (
            "我们课题组做膜分离，和西班牙、以色列的大学都有合作。请问政府间专项里哪些方向涉及水处理？"
            "这些方向平均每项资助多少？",
        ),
        "topic",
        ["intl-1.3", "intl-1.9"],
        ["300", "200"],
    ),
    (
        (
            "我們實驗室做人工智能，跟俄羅斯、南非的高校都有聯繫。資助領域裡寫了人工智能的是哪幾個方向？"
            "每個方向平均每項資助多少？",
        ),
        "topic",
        AI,
        ["300", "200"],
    ),
    (
        (
            "Our lab works on fuel cells and we collaborate with RWTH Aachen and a Korean "
            "institute. Which directions include fuel cells? What is the total budget of each?",
        ),
        "budget",
        ["intl-1.8", "intl-2.1"],
        ["20 million", "15 million"],
    ),
    (
        ("學校海洋團隊想找合作方向。哪些方向（包括港澳台那個）資助海洋研究？各自支持幾個項目？",),
        "count",
        MARINE,
        ["15", "20"],
    ),
    (
        (
            "老师们好，我们和意大利、欧洲的高校都有合作。请问哪些方向提到人工智能？"
            "这些方向各自支持几个项目？",
        ),
        "count",
        AI,
        ["10", "15", "20"],
    ),
    # the topic of the sentence that seeks the directions, not one inside the asker's school
    (
        (
            "我们学校医学院和以色列、俄罗斯的大学都有合作。请问哪些方向涉及疫苗？每个方向总经费多少？",
        ),
        "topic",
        ["intl-1.9", "intl-2.5"],
        ["2000", "6000"],
    ),
    (
        (
            "Our medical school works with a university in Israel and one in Moscow. Which "
            "directions cover vaccines? What is the average per project of each?",
        ),
        "average",
        ["intl-1.9", "intl-2.5"],
        ["2 million", "3 million"],
    ),
    # two figures asked in sentences of their own: both, for each direction
    (
        (
            "老師好，學校海洋學院和俄羅斯、南非的高校都有合作。哪些方向資助海洋研究？"
            "這些方向平均每項多少？項目數多少？",
        ),
        "topic",
        MARINE,
        ["15", "20", "200", "300"],
    ),
    # an aspect the notice lacks said as context, without a colon
    (
        ("为了准备申报书，请问哪些方向涉及氢能？",),
        "topic",
        ["intl-1.8", "intl-2.1", "intl-2.3"],
        [],
    ),
    (("For our application documents, which directions mention AI?",), "topic", AI, []),
    # "的方向有哪些" seeks directions too
    (
        (
            "我院材料團隊與芬蘭、德國的大學都有合作。想問資助領域裡有先進材料的方向有哪些？各支持幾個項目？",
        ),
        "count",
        ["intl-1.1", "intl-1.3", "intl-2.5", "hmt-1.1"],
        ["10", "15"],
    ),
    # a field name said whole keeps the directions whose longer field says it too
    (
        ("哪些方向涉及可再生能源？每个方向平均每项资助多少？",),
        "topic",
        ["intl-1.3", "intl-2.0", "intl-2.1", "intl-2.2"],
        ["750"],
    ),
    (("我们做智能绿色出行，哪些方向适合？每个方向多少钱？",), "topic", ["intl-1.6"], ["6000"]),
    # a call named where the directions are sought keeps them to that call
    (("政府间专项里哪些方向涉及海洋？各自支持几个项目？",), "count", ["intl-2.2", "intl-2.5"], []),
    # an aspect the notice lacks named before a colon: the topic is asked
    (("我在准备申报材料：哪些方向提到了疫苗？",), "topic", ["intl-1.9", "intl-2.5"], []),
    (
        ("我在準備申報材料：哪些方向的資助領域裡提到了氫能？",),
        "topic",
        ["intl-1.8", "intl-2.1", "intl-2.3"],
        [],
    ),
    (
        ("I am preparing the application documents: which directions mention marine science?",),
        "topic",
        MARINE,
        [],
    ),
    # the aspect asked alone stays unknown
    (("申报材料需要哪些？",), "unknown", [], []),
    # a set-aside alone after a topic's list: the list without them
    (("哪些方向涉及海洋", "俄罗斯的不算"), "topic", ["intl-2.2", "hmt-1.1"], []),
    (("哪些方向涉及氫能", "去掉南非那個"), "topic", ["intl-1.8", "intl-2.1"], []),
    (
        ("Which directions cover hydrogen?", "not the South African one"),
        "topic",
        ["intl-1.8", "intl-2.1"],
        [],
    ),
    (
        ("Which directions mention marine science?", "leave out Macao"),
        "topic",
        ["intl-2.2", "intl-2.5"],
        [],
    ),
    (
        ("Which directions mention renewable energy?", "drop the two Korean ones"),
        "topic",
        ["intl-1.3", "intl-2.2"],
        [],
    ),
    (("邊啲方向有提到疫苗？", "唔計以色列"), "topic", ["intl-2.5"], []),
    # a partner not on the list set aside: the list as it was
    (("哪些方向涉及人工智能", "以色列的不算"), "topic", AI, []),
    # a set-aside with a figure asked is that figure of the rest
    (
        ("哪些方向涉及可再生能源", "去掉韩国的两个，剩下的平均多少"),
        "average",
        ["intl-1.3", "intl-2.2"],
        [],
    ),
    # a pick among the directions just listed
    (
        (
            "Which directions mention AI?",
            "Out of these which one gives maximum money per project?",
        ),
        "rank",
        AI,
        ["3 million"],
    ),
    (("哪些方向提到人工智能", "这几个里面平均哪个最便宜"), "rank", AI, ["200"]),
    # a pick among the two whose figures were just given: the lower of them
    (
        ("Which directions cover vaccines?", "their average per project?", "which is cheapest?"),
        "compare",
        ["intl-1.9", "intl-2.5"],
        ["1.9 China–Israel has the lower average"],
    ),
    (
        ("哪些方向提到疫苗？", "它们每个项目平均多少钱？", "哪个最便宜？"),
        "compare",
        ["intl-1.9", "intl-2.5"],
        ["中以联合研究平均资助更低"],
    ),
    # the measures asked after a topic answer of one direction: its own
    (
        (
            "which direction is about hydrogen-powered vehicles",
            "how many projects and how much in total?",
        ),
        "detail",
        ["intl-1.8"],
        ["20 million"],
    ),
    (("哪個方向資助文化遺產", "支持幾多個項目，總共幾多錢？"), "detail", ["intl-1.2"], ["2000"]),
    (("邊個方向有天體物理？", "佢有幾多錢同幾多個項目？"), "detail", ["intl-1.2"], ["2000"]),
    # …unless the whole call is named, or its directions counted
    (("哪个方向涉及天体物理", "一共有多少个方向，总经费多少？"), "overview", [], ["15"]),
    (("哪个方向资助文化遗产", "整个专项一共多少钱，几个项目？"), "overview", [], []),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_topics_in_long_messages(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str], has: list[str]
) -> None:
    expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(
    "turns",
    [
        ("Which directions cover carbon capture?", "which of them has the largest budget?"),
        ("邊啲方向有提到海洋？", "邊個最多錢？"),
        ("Which directions cover marine science?", "which is the largest?"),
    ],
)
def test_pick_among_a_listed_answer_is_a_ranking(engine: Engine, turns: tuple[str, ...]) -> None:
    """A pick right after a listed answer stays a ranking among the listed directions."""
    reply = ask(engine, *turns)
    assert reply["intent"] == "rank", reply
    assert len(reply["programs"]) <= 3, reply


@pytest.mark.parametrize("text", ["哪个方向最平均", "哪個方向最平均？"])
def test_most_even_is_no_cheapest(engine: Engine, text: str) -> None:
    """最平均 is no 最平 (cheapest): no ranking from the low end is read from it."""
    reply = ask(engine, text)
    assert reply["intent"] != "rank", reply
