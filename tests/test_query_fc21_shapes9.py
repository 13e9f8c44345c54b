"""Shapes of question (fc21/fc22, i8-shapes9): the average asked in code-mixed Cantonese or
Mandarin with an English money word ("平均每个 project 有几多 funding"), and the average asked
after a count over "these projects" or "by this number" (the count just given is the divisor,
not a count asked again). Each on messages other than the sets' own."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import check


# the average, worded with an English noun in a Chinese sentence
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (("西班牙那个方向平均每个 project 有多少 money？",), "average", ["intl-1.3"], []),
        (("芬蘭嗰個方向平均每個有幾多 budget？",), "average", ["intl-1.6"], []),
        (("Germany 嗰個 call 平均每個 project 有幾多錢呀？",), "average", ["intl-1.8"], []),
    ],
)
def test_average_code_mixed(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# after a count, "these projects … each" and "by this number" ask the average
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (("中芬合作支持几个项目？", "那这几个项目平均每个多少钱？"), "average", ["intl-1.6"], []),
        (
            ("中德經費幾多", "項目數呢", "按這個項目數平均，每個幾多？"),
            "average",
            ["intl-1.8"],
            [],
        ),
        (
            ("How many projects does the Spain direction fund?", "按这个数平均，每个多少"),
            "average",
            ["intl-1.3"],
            [],
        ),
    ],
)
def test_average_after_count(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# a count checked of a direction whose name holds a topic word ("南非氢能旗舰") is the count,
# not whether it covers the topic
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (("南非氢能旗舰就只支持一个项目吗",), "count", ["intl-2.3"], ["1"]),
        (("南非氫能旗艦係咪只資助一個？",), "count", ["intl-2.3"], ["1"]),
        (
            ("The South Africa hydrogen flagship funds only one project?",),
            "count",
            ["intl-2.3"],
            [],
        ),
    ],
)
def test_count_checked_topic_in_name(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# "a summary of the X project" asks the card: "a" belongs to "summary", not to "project"
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (("Could you give a summary of the Finland project?",), "detail", ["intl-1.6"], []),
        (("I want an overview of the Israel project.",), "detail", ["intl-1.9"], []),
        (("给我一个中以项目的概要",), "detail", ["intl-1.9"], []),
        (("畀個芬蘭項目嘅簡介我",), "detail", ["intl-1.6"], []),
    ],
)
def test_summary_is_card(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# the fields asked "in detail" are the fields; the card asked in detail stays the card
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            ("Please list all the fields of the Spain direction in detail.",),
            "fields",
            ["intl-1.3"],
            [],
        ),
        (("芬兰那个方向的领域详细列一下",), "fields", ["intl-1.6"], []),
        (("德國嗰個方向嘅領域詳細講下",), "fields", ["intl-1.8"], []),
        (("详细介绍一下中芬项目",), "detail", ["intl-1.6"], []),
        (("Tell me about the Israel call in detail",), "detail", ["intl-1.9"], []),
    ],
)
def test_fields_in_detail(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# after counts, a bare "total" of the directions in talk sums the counts, not the budgets
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            (
                "How many projects does Korea joint research fund?",
                "and the Korea energy one?",
                "ok so Korea total?",
            ),
            "count",
            ["intl-2.0", "intl-2.1"],
            ["8"],
        ),
        (
            ("中韩联合研究支持几个项目", "能源那个呢", "那韩国总共呢"),
            "count",
            ["intl-2.0", "intl-2.1"],
            ["8"],
        ),
        (
            ("中韓聯合研究有幾多個項目", "能源嗰個呢", "咁韓國合共呢"),
            "count",
            ["intl-2.0", "intl-2.1"],
            ["8"],
        ),
        (
            (
                "How many projects does Korea joint research fund?",
                "and the Korea energy one?",
                "and the total budget of Korea?",
            ),
            "budget",
            ["intl-2.0", "intl-2.1"],
            [],
        ),
    ],
)
def test_total_after_counts(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# the topic of the asker's own work, in the sentence before the question, is not a topic checked:
# the figure asked of each direction is the answer
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            (
                "Hi, I am a postdoc in Seoul, our lab works on hydrogen storage and fuel cells. "
                "Korea has two directions, correct? How much money does each one get?",
            ),
            "budget",
            ["intl-2.0", "intl-2.1"],
            [],
        ),
        (
            ("我们课题组做氢能和燃料电池，韩国有两个方向对吧？每个方向经费多少？",),
            "budget",
            ["intl-2.0", "intl-2.1"],
            [],
        ),
        (
            ("我哋實驗室做氫能同燃料電池，韓國有兩個方向啱唔啱？每個方向經費幾多？",),
            "budget",
            ["intl-2.0", "intl-2.1"],
            [],
        ),
    ],
)
def test_asker_topic_not_checked(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# both calls taken together, the average per project: budgets ÷ projects, computed and said so
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            ("Both calls combined, what is the average money per project?",),
            "average",
            [],
            ["3.44"],
        ),
        (("两个专项放在一起算，平均每个项目多少钱？",), "average", [], ["344", "计算"]),
        (("政府間專項同港澳台專項放埋一齊計，平均每個項目幾多錢？",), "average", [], ["344"]),
    ],
)
def test_both_calls_average(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# "平均每个项目分别多少" is the average, each track's (not the card)
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            ("欧盟旗舰两个领域平均每个项目分别能拿多少钱？",),
            "average",
            ["intl-1.4"],
            ["3500", "1500"],
        ),
        (("歐盟旗艦兩個領域平均每個項目各自幾多錢？",), "average", ["intl-1.4"], ["3500", "1500"]),
        (("中俄和中芬平均每个项目分别多少？",), "average", ["intl-2.5", "intl-1.6"], []),
    ],
)
def test_average_each(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# the directions of a topic as the subject, then a sum: the sum over them ("最多" is the limit)
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            ("涉及氢能的几个方向，一共最多支持多少个项目？",),
            "count",
            ["intl-1.8", "intl-2.1", "intl-2.3"],
            ["8"],
        ),
        (
            ("做氫能嘅幾個方向，加埋最多資助幾多個項目？",),
            "count",
            ["intl-1.8", "intl-2.1", "intl-2.3"],
            ["8"],
        ),
        (
            ("The directions that fund hydrogen: at most how many projects in total?",),
            "count",
            ["intl-1.8", "intl-2.1", "intl-2.3"],
            ["8"],
        ),
        (("涉及氢能的方向里哪个项目最多？",), "rank", None, []),
    ],
)
def test_topic_directions_summed(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


# the directions just talked about, their average "taken together": pooled, not compared
@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            (
                "Korea joint research budget?",
                "and the Korea energy one?",
                "both together, average per project?",
            ),
            "average",
            ["intl-2.0", "intl-2.1"],
            ["2.625"],
        ),
        (
            ("中德和中韩能源两个方向一共多少钱？", "两个方向合在一起算，平均每个项目多少？"),
            "average",
            ["intl-1.8", "intl-2.1"],
            ["500"],
        ),
        (
            ("中德同中韓能源兩個方向總共幾多錢？", "兩個方向合埋計，平均每個項目幾多錢？"),
            "average",
            ["intl-1.8", "intl-2.1"],
            ["500"],
        ),
    ],
)
def test_pooled_average_of_previous(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)
