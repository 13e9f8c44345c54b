"""Which measure(s) a message asks (fc25/fc26, i8-measures11): the money word of an average asked
in learners' English or code-mixed Cantonese is the average's ("each project receive how much
money in average?", "每個 project 平均 budget 係幾多"), not a total beside it; an English word
written right against Chinese is still a measure ("total budget同project數"); "how much projects"
counts; a figure checked of the direction just named ("It is exactly 20?", "是不是正好20个？") is
no filter; a colleague's figures to confirm are each checked; a Big5-only homophone slip names
its partner (芬籣); Taiwan's 件 for a project answers in Traditional when the script is silent.
Each on messages other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.language import detect_lang
from tests.asking import ask, check

CASES = [
    # the money word of an average is the average's
    (
        ("China-Spain programme, each project get how much money on average?",),
        "average",
        ["intl-1.3"],
        ["3 million"],
    ),
    (
        ("Spain direction: how much funding is given to one project on average?",),
        "average",
        ["intl-1.3"],
        ["3 million"],
    ),
    (
        ("The Italy one, how much budget per each project?",),
        "average",
        ["intl-1.2"],
        ["2 million"],
    ),
    (("中德嗰個 direction 平均 funding 有幾多？",), "average", ["intl-1.8"], ["400"]),
    (("西班牙方向每个 project 平均 budget 是多少？",), "average", ["intl-1.3"], ["300"]),
    (
        ("以色列 programme 每個 project 平均 budget 係幾多？我哋要 plan 下 budget。",),
        "average",
        ["intl-1.9"],
        ["200"],
    ),
    # both measures still asked when the total is named
    (
        ("How much money in total, and how much per project, for Finland?",),
        "detail",
        ["intl-1.6"],
        ["60 million", "4 million"],
    ),
    # an English measure word against Chinese characters
    (("中以嗰個program嘅total budget同埋project數量？",), "detail", ["intl-1.9"], ["2000", "10"]),
    (("想问total budget同项目数，芬兰那个",), "detail", ["intl-1.6"], ["6000", "15"]),
    (
        ("Germany 嗰個 direction 嘅 total budget同project數目係幾多？",),
        "detail",
        ["intl-1.8"],
        ["2000", "5"],
    ),
    # a count checked of the direction just named
    (("How much projects Finland have? It is only 15?",), "count", ["intl-1.6"], ["15"]),
    (("Germany, how many projects? Is that really 5?",), "count", ["intl-1.8"], ["5"]),
    (("西班牙方向支持多少个项目？是不是正好20个？",), "count", ["intl-1.3"], ["20"]),
    (("西班牙嗰個資助幾多個項目？係咪啱啱好20個？",), "count", ["intl-1.3"], ["20"]),
    # a colleague's figures to confirm: each one checked
    (
        (
            "My colleague said the China–Italy direction funds 10 projects at around "
            "CNY 2 million each. Could you confirm?",
        ),
        "detail",
        ["intl-1.2"],
        ["10 projects", "2 million"],
    ),
    (
        ("听说中意方向资助10个项目，每个项目200万左右，麻烦确认一下",),
        "detail",
        ["intl-1.2"],
        ["10个", "200"],
    ),
    (
        ("聽說中意方向資助10個項目，每項大約200萬，請幫忙確認",),
        "detail",
        ["intl-1.2"],
        ["10個", "200"],
    ),
    # a homophone slip outside the reading table
    (("芬籣的總經費多少",), "budget", ["intl-1.6"], ["6000"]),
    (("芬籣方向平均每件多少？",), "average", ["intl-1.6"], ["400"]),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_measures_asked(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str], has: list[str]
) -> None:
    check(engine, turns, intent, programs, has)


@pytest.mark.parametrize(
    "text",
    [
        "Which directions fund exactly 20 projects?",
        "资助项目数正好20个的方向有哪些？",
        "資助項目數剛好20個嘅方向有邊啲？",
    ],
)
def test_filter_on_a_count_stays_a_filter(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["intent"] == "rank", reply
    assert sorted(reply["programs"]) == ["intl-1.3", "intl-2.5"], reply


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("以色列平均每件多少", "zh-Hant"),
        ("俄羅斯總共幾件", "zh-Hant"),
        ("德国每件平均多少", "zh-Hans"),
        ("以色列平均每个项目多少", "zh-Hans"),
        ("想确认两件事：中以几个项目", "zh-Hans"),
        ("Israel average per project?", "en"),
    ],
)
def test_taiwan_project_word_marks_traditional(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


def test_chat_language_wins_over_the_project_word() -> None:
    assert detect_lang("平均每件呢？", "zh-Hans") == "zh-Hans"
    assert detect_lang("平均每件呢？") == "zh-Hant"
