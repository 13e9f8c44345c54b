"""Kinds from fc48, each on messages other than the set's own: a yes/no about a direction's
fields, the direction named or the one just talked about ("is X included?", "X is inside?",
"only X?", "除了X还有Y吗", "有冇包埋Y"), with a field the notice does not name (its fields, saying
so) or with "only" (not only, when it funds others too); a topic search with a field of the
notice named whole ("智能绿色出行", "new transport systems": that field's direction, not every
direction on the broader topic); two topics listed with "or" beside a remark that the asker works
on "both" (any of them, not the two together)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

GERMANY, ITALY, RUSSIA, FINLAND = "intl-1.8", "intl-1.2", "intl-2.5", "intl-1.6"
SPAIN, ISRAEL, MACAO = "intl-1.3", "intl-1.9", "hmt-1.1"

DE_CARD = {
    "zh-Hans": "介绍一下中德合作项目",
    "zh-Hant": "介紹一下中德合作項目",
    "en": "Tell me about the China-Germany direction",
}
IT_FIELDS = {
    "zh-Hans": "中意合作资助哪些领域？",
    "zh-Hant": "中意合作資助哪些領域？",
    "en": "Which fields does the China-Italy programme fund?",
}
RU_BUDGET = {
    "zh-Hans": "中俄方向总经费多少？",
    "zh-Hant": "中俄方向總經費多少？",
    "en": "What is the total for the China-Russia direction?",
}

# (turns, intent, programs, words the reply says)
CELLS: list[tuple[tuple[str, ...], str, list[str], list[str]]] = [
    # a known topic checked of the direction just talked about
    ((DE_CARD["en"], "the research area is only hydrogen?"), "fields", [GERMANY], ["hydrogen"]),
    ((DE_CARD["en"], "only hydrogen?"), "fields", [GERMANY], ["hydrogen"]),
    ((DE_CARD["en"], "hydrogen is included?"), "fields", [GERMANY], ["hydrogen"]),
    ((DE_CARD["en"], "Is hydrogen included?"), "fields", [GERMANY], ["hydrogen"]),
    ((DE_CARD["en"], "Does it cover fuel cells?"), "fields", [GERMANY], ["fuel cell"]),
    ((DE_CARD["zh-Hans"], "只有氢能吗？"), "fields", [GERMANY], ["氢能"]),
    ((DE_CARD["zh-Hans"], "包括燃料电池吗"), "fields", [GERMANY], ["燃料电池"]),
    ((DE_CARD["zh-Hant"], "只有氫能嗎？"), "fields", [GERMANY], ["氫能"]),
    ((DE_CARD["zh-Hant"], "有冇包埋燃料電池？"), "fields", [GERMANY], ["燃料電池"]),
    (
        (IT_FIELDS["en"], "Astrophysics is inside? I have colleague in Bologna."),
        "fields",
        [ITALY],
        ["astrophysics"],
    ),
    ((IT_FIELDS["en"], "astrophysics is inside?"), "fields", [ITALY], ["astrophysics"]),
    (
        (IT_FIELDS["en"], "Is astrophysics included? My partner is in Padova."),
        "fields",
        [ITALY],
        ["astrophysics"],
    ),
    ((IT_FIELDS["en"], "biomedicine also included?"), "fields", [ITALY], ["biomedicine"]),
    ((IT_FIELDS["en"], "only astrophysics?"), "fields", [ITALY], ["Not only"]),
    (
        (IT_FIELDS["zh-Hans"], "有天体物理吗？我在博洛尼亚有合作者。"),
        "fields",
        [ITALY],
        ["天体物理"],
    ),
    ((IT_FIELDS["zh-Hans"], "包不包括生物医学？"), "fields", [ITALY], ["生物医学"]),
    ((IT_FIELDS["zh-Hans"], "只有天体物理吗"), "fields", [ITALY], ["不只"]),
    ((IT_FIELDS["zh-Hant"], "有冇包天體物理？"), "fields", [ITALY], ["天體物理"]),
    ((IT_FIELDS["zh-Hant"], "淨係做天體物理？"), "fields", [ITALY], ["不只"]),
    ((RU_BUDGET["en"], "is IoT included?"), "fields", [RUSSIA], ["internet of things"]),
    ((RU_BUDGET["zh-Hans"], "它包括物联网吗？"), "fields", [RUSSIA], ["物联网"]),
    ((RU_BUDGET["zh-Hant"], "佢有冇包物聯網？"), "fields", [RUSSIA], ["物聯網"]),
    (
        (IT_FIELDS["en"], "And astrophysics, it is included or not?"),
        "fields",
        [ITALY],
        ["astrophysics"],
    ),
    ((IT_FIELDS["en"], "biomedicine is covered too?"), "fields", [ITALY], ["biomedicine"]),
    ((DE_CARD["en"], "the reserch area is only hydrogen?"), "fields", [GERMANY], ["hydrogen"]),
    (("中芬方向介绍下", "有冇包埋健康？"), "fields", [FINLAND], ["健康"]),
    (("中芬方向介绍下", "除了出行，仲有乜领域？"), "fields", [FINLAND], ["智能绿色出行"]),
    (
        ("What does the Finland direction fund?", "Are batteries inside too?"),
        "fields",
        [FINLAND],
        ["batteries"],
    ),
    # a known topic checked of a direction named
    (("中德项目只有氢能吗？",), "fields", [GERMANY], ["氢能"]),
    (("中德合作除了氢能还有别的领域吗？",), "fields", [GERMANY], ["氢能"]),
    (("中意合作只支持天体物理吗？",), "fields", [ITALY], ["不只"]),
    (("中意項目有冇包天體物理？",), "fields", [ITALY], ["天體物理"]),
    (("中意項目淨係做天體物理？",), "fields", [ITALY], ["不只"]),
    (("Is the China-Italy direction only astrophysics?",), "fields", [ITALY], ["Not only"]),
    (
        ("Is astrophysics included in the China-Italy direction?",),
        "fields",
        [ITALY],
        ["astrophysics"],
    ),
    (("In Russia direction is included the IoT?",), "fields", [RUSSIA], ["internet of things"]),
    (("老师好，请问中俄科技合作包括物联网吗？",), "fields", [RUSSIA], ["物联网"]),
    (("中俄科技合作是否包括新材料？谢谢",), "fields", [RUSSIA], ["新材料"]),
    (("中俄項目有冇包新材料？",), "fields", [RUSSIA], ["新材料"]),
    (("Russia programme - new materials included?",), "fields", [RUSSIA], ["new materials"]),
    (
        ("Hello, does the China–Finland direction include smart green mobility?",),
        "fields",
        [FINLAND],
        ["smart green mobility"],
    ),
    (("中芬方向包括智能绿色出行吗？",), "fields", [FINLAND], ["智能绿色出行"]),
    (("中芬方向除了智能绿色出行还有别的领域吗？",), "fields", [FINLAND], ["智能绿色出行"]),
    (("中芬方向只有智能绿色出行吗？",), "fields", [FINLAND], ["不只"]),
    (("中以合作除了水技术还有什么领域？",), "fields", [ISRAEL], ["水技术"]),
    (
        ("Israel direction: only water technology? We do vaccines.",),
        "fields",
        [ISRAEL],
        ["water technology", "vaccines"],
    ),
    (("Israel direction: only water technology?",), "fields", [ISRAEL], ["Not only"]),
    (("中以方向是不是只做水技术？",), "fields", [ISRAEL], ["不只"]),
    # a field the notice does not name, checked of a direction named or just talked about
    (
        ("跟德國合作的計畫，除了氫能以外，有沒有包括鋰電池儲能？",),
        "fields",
        [GERMANY],
        ["鋰電池儲能", "氫能"],
    ),
    (
        ("跟德国合作的计划，除了氢能以外，有没有包括锂电池储能？",),
        "fields",
        [GERMANY],
        ["锂电池储能", "氢能"],
    ),
    (("跟德国合作的计划有没有包括锂电池？",), "fields", [GERMANY], ["锂电池", "氢能"]),
    (("中德项目除了氢能，有没有储能？",), "fields", [GERMANY], ["储能", "氢能"]),
    (("中德项目除了氢能还包括储能吗",), "fields", [GERMANY], ["储能", "氢能"]),
    (("中德項目除咗氫能，仲有冇儲能？",), "fields", [GERMANY], ["儲能", "氫能"]),
    (
        ("China-Germany direction: besides hydrogen, is battery storage included?",),
        "fields",
        [GERMANY],
        ["battery storage", "hydrogen"],
    ),
    (
        ("Besides hydrogen, does the Germany direction include battery storage?",),
        "fields",
        [GERMANY],
        ["battery storage", "hydrogen"],
    ),
    ((DE_CARD["zh-Hans"], "有冇包埋储能？"), "fields", [GERMANY], ["储能"]),
    ((DE_CARD["zh-Hans"], "除了氢能，还有储能吗？"), "fields", [GERMANY], ["储能"]),
    ((DE_CARD["zh-Hant"], "除了氫能，有沒有包括儲能？"), "fields", [GERMANY], ["儲能"]),
    ((DE_CARD["en"], "is battery storage inside?"), "fields", [GERMANY], ["battery storage"]),
    (
        (DE_CARD["en"], "besides hydrogen, is battery storage included?"),
        "fields",
        [GERMANY],
        ["battery storage"],
    ),
    (
        (IT_FIELDS["en"], "quantum computing is included?"),
        "fields",
        [ITALY],
        ["quantum computing"],
    ),
    ((IT_FIELDS["zh-Hans"], "有没有包括量子计算？"), "fields", [ITALY], ["量子计算"]),
    # a field of the notice named whole: its direction, not the broader topic's
    (("有没有支持智能绿色出行的方向？",), "topic", [FINLAND], ["智能绿色出行"]),
    (("哪些方向支持智能绿色出行？",), "topic", [FINLAND], ["智能绿色出行"]),
    (("我们做智能绿色出行，有对口的方向吗？",), "topic", [FINLAND], ["智能绿色出行"]),
    (("有冇方向做智能綠色出行？",), "topic", [FINLAND], ["智能綠色出行"]),
    (("邊啲方向支持智能綠色出行？",), "topic", [FINLAND], ["智能綠色出行"]),
    (("哪些方向做新型交通系统？",), "topic", [RUSSIA], ["新型交通系统"]),
    (("有沒有方向支持新型交通系統？",), "topic", [RUSSIA], ["新型交通系統"]),
    (
        ("Is there any direction supporting smart green mobility?",),
        "topic",
        [FINLAND],
        ["smart green mobility"],
    ),
    (
        ("Which directions fund smart green mobility? We are at VTT.",),
        "topic",
        [FINLAND],
        ["smart green mobility"],
    ),
    (("which directions do new transport systems",), "topic", [RUSSIA], ["new transport systems"]),
    (("哪些方向支持智能绿色能源？",), "topic", [FINLAND], ["智能绿色能源"]),
    (("請問有沒有支持「新型交通系統」的方向？",), "topic", [RUSSIA], ["新型交通系統"]),
    (
        ("我们团队做智能绿色出行（电动车充电网络），哪些方向可以申请？",),
        "topic",
        [FINLAND],
        ["智能绿色出行"],
    ),
    (
        ("Any programme on smart green mobility? our partner is at Aalto",),
        "topic",
        [FINLAND],
        ["smart green mobility"],
    ),
    (
        ("Is there a direction for new transport systems?",),
        "topic",
        [RUSSIA],
        ["new transport systems"],
    ),
    # the broader topic, or a discipline named whole, keeps every direction on it
    (("哪些方向涉及交通？",), "topic", [FINLAND, "intl-1.7", GERMANY, RUSSIA], []),
    (("Which directions cover transport?",), "topic", [FINLAND, "intl-1.7", GERMANY, RUSSIA], []),
    (("哪些方向涉及新材料科学？",), "topic", ["intl-1.1", SPAIN, RUSSIA, MACAO], []),
    # two topics with "or", "both" said of the asker's work in a sentence of its own
    (
        (
            "Which directions are including water treatment or desalination? We have group in "
            "Alicante working in both.",
        ),
        "topic",
        [SPAIN, ISRAEL],
        [],
    ),
    (
        ("Which directions cover water treatment or desalination? Our lab does both.",),
        "topic",
        [SPAIN, ISRAEL],
        [],
    ),
    (("哪些方向涉及水处理或者海水淡化？我们课题组两个都做。",), "topic", [SPAIN, ISRAEL], []),
    (("邊啲方向涉及水處理或者海水淡化？我哋兩樣都做。",), "topic", [SPAIN, ISRAEL], []),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CELLS)
def test_fields_checked_and_specific_topics(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str], has: list[str]
) -> None:
    expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(
    "turns",
    [
        ("Which directions cover both water treatment and desalination?",),
        ("哪些方向同时涉及水处理和海水淡化？",),
    ],
)
def test_both_asked_is_still_the_two_together(engine: Engine, turns: tuple[str, ...]) -> None:
    expect(ask(engine, *turns), "topic", [ISRAEL])
