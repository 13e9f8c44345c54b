"""Topics, fields and the card (fc51, fc52), each kind on messages other than the set's own: a
learner's "the less number of" for the fewest, "what is funded" beside a figure (the card), a
clause about the asker's past ("合作了十几年") that asks no period, the card asked ("介绍一下…基本
情况") after a clause about the asker that says a field word, one field of the direction in talk
asked into ("the water part"), and topics heard of ("听说有个…") before "which one is it"."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import check

GRID: list[tuple[tuple[str, ...], str, list[str] | None]] = [
    # the fewest / the most, said with a learner's comparative before "number of"
    (("Which program support the less number of projects?",), "rank", None),
    (("Sorry my english bad. Which direction fund the less number of projects?",), "rank", None),
    (("which direction have the more number of projects",), "rank", None),
    (("Hello! which one has the fewer number of projects?",), "rank", None),
    # what is funded beside a figure: the card
    (
        ("What exactly is funded under the China-Germany one, and the average per project?",),
        "detail",
        ["intl-1.8"],
    ),
    (
        ("what gets funded in the Finland direction and how many projects?",),
        "detail",
        ["intl-1.6"],
    ),
    (
        ("What kind of research is supported by the Macao call, and its total budget?",),
        "detail",
        ["hmt-1.1"],
    ),
    (("中德方向具體資助甚麼？每項多少錢？",), "detail", ["intl-1.8"]),
    (("中德方向具体资助什么？每项多少钱？",), "detail", ["intl-1.8"]),
    (("What is funded under the China-Germany direction?",), "fields", ["intl-1.8"]),
    # the asker's years of work ask no period
    (("我们和俄方合作了十几年，中俄项目资助哪些领域？有没有材料方向？",), "fields", ["intl-2.5"]),
    (("我們和芬蘭合作十幾年了，中芬項目資助哪些領域？有冇能源？",), "fields", ["intl-1.6"]),
    (("中芬项目做几年？",), "period", None),
    # the card asked after a clause about the asker that says a field word
    (
        ("我校在新材料领域已有合作基础，请介绍一下内地与澳门联合资助研发项目的基本情况。",),
        "detail",
        ["hmt-1.1"],
    ),
    (("我們實驗室在能源領域做了很多年，請介紹一下中芬項目的基本情況",), "detail", ["intl-1.6"]),
    (("我们在氢能领域做了很多工作，请介绍一下中德项目",), "detail", ["intl-1.8"]),
    (("请介绍一下中德项目的领域",), "fields", ["intl-1.8"]),
    # one field of the direction in talk asked into
    (
        (
            "Which research areas does the China-Israel direction cover?",
            "What exactly does the water part include?",
        ),
        "fields",
        ["intl-1.9"],
    ),
    (("Israel fields?", "the medical area covers what exactly?"), "fields", ["intl-1.9"]),
    (
        ("What does the China-Spain direction fund?", "which other directions fund water?"),
        "topic",
        None,
    ),
    # topics heard of before "which one is it"
    (
        ("我們中心在做衛星遙測，聽說有個計畫補助導航衛星、射電天文和遙感，請問是哪一個方向？",),
        "topic",
        ["intl-2.2"],
    ),
    (
        ("我们实验室做空间科学，听说有个方向资助导航卫星、射电天文和遥感，是哪个？",),
        "topic",
        ["intl-2.2"],
    ),
    (
        (
            "We work on space science, I heard one direction funds navigation satellites, radio "
            "astronomy and remote sensing, which one is it?",
        ),
        "topic",
        ["intl-2.2"],
    ),
    (("哪个方向同时支持导航卫星、射电天文和遥感？",), "topic", ["intl-2.2"]),
    # the sweep: an apology for one's English is courtesy; "whats funded"; the card after the
    # asker's field; one field asked into; a fields answer with the asker's past
    (("Sorry for my bad english, which direction give the less money?",), "rank", None),
    (("Excuse my English. Which one has the smallest number of project?",), "rank", None),
    (("My english is not good. Which direction have the most money?",), "rank", None),
    (("Sorry for my english, what is the total of Germany?",), "budget", ["intl-1.8"]),
    (("哪个方向支持的项目最少？不好意思我中文不好",), "rank", None),
    (("Whats funded in the austria one, and per project amount?",), "detail", ["intl-1.7"]),
    (("阿根廷方向資助甚麼領域？總經費多少？",), "detail", ["intl-2.4"]),
    (("奥地利方向具体支持哪些领域，每项平均多少？",), "detail", ["intl-1.7"]),
    (
        ("我们和奥地利合作了十几年，中奥项目资助哪些领域？有没有人工智能？",),
        "fields",
        ["intl-1.7"],
    ),
    (("我院在海洋领域有基础，请介绍一下中欧联合实验室的基本情况",), "detail", ["intl-1.1"]),
    (("本校在醫學領域有積累，請介紹一下中以項目",), "detail", ["intl-1.9"]),
    (
        ("We are strong in the medical field. Please describe the China-Israel direction.",),
        "detail",
        ["intl-1.9"],
    ),
    (("中以方向资助哪些领域？", "医疗那部分具体包括什么？"), "fields", ["intl-1.9"]),
    (("西班牙方向資助哪些領域？", "清潔技術那部分具體包括甚麼？"), "fields", ["intl-1.3"]),
    (("EU flagship fields?", "what does the food part cover?"), "fields", ["intl-1.4"]),
    (("听说有个方向资助氢能和燃料电池汽车，是哪个？",), "topic", ["intl-1.8"]),
    (
        ("I heard some direction funds hydrogen and fuel cell vehicles. Which one?",),
        "topic",
        ["intl-1.8"],
    ),
    (("聽說有個方向資助疫苗和海水淡化，係邊個？",), "topic", ["intl-1.9"]),
]


@pytest.mark.parametrize(("turns", "intent", "programs"), GRID)
def test_topics_fields_and_card(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str] | None
) -> None:
    check(engine, turns, intent, programs)
