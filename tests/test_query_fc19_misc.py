"""Small kinds of fc19/fc20 (first contact 77.6% / 84.4%), each with messages of our own in
zh-Hans, zh-Hant and English: a homophone typed for 钱, an English word that only looks like a
partner, a region said as the kind of place of the partner after it, two partners asked one
question each, a terse Latin follow-up in a Chinese chat, terse measure words one after another,
and a surname with a title as the greeting."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect
from textnorm.chinese import is_pinyin


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "figure"),
    [
        (("以色列多少前",), "budget", ["intl-1.9"], "2000"),
        (("以色列多少前？",), "budget", ["intl-1.9"], "2000"),
        (("南飛多少前，唔係旗艦嗰個",), "budget", ["intl-2.2"], "3000"),
        (
            ("How many projects can be financed with Austria, and the average?",),
            "detail",
            ["intl-1.7"],
            "2.5 million",
        ),
        (("德国项目几个？", "那另一个欧洲国家意大利呢？"), "count", ["intl-1.2"], "10"),
        (("德國項目幾個？", "另一個歐洲國家奧地利呢？"), "count", ["intl-1.7"], "4"),
        (
            ("Germany, how many projects?", "and the other European country Italy?"),
            "count",
            ["intl-1.2"],
            "10",
        ),
        (
            ("Which fields does Israel fund and which ones does Germany?",),
            "fields",
            ["intl-1.8", "intl-1.9"],
            None,
        ),
        (("以色列 几个 多少钱",), "detail", ["intl-1.9"], "2000"),
        (("李老师您好，中以多少钱？",), "budget", ["intl-1.9"], "2000"),
        # what the asker has "较多" of compares nothing: the measures asked make the card
        (
            (
                "我们在水处理方面积累较多，请提供中以方向的：1）资助领域；2）项目数；3）平均资助额。",
            ),
            "detail",
            ["intl-1.9"],
            "200",
        ),
        (
            ("本所在醫學研究方面經驗比較多，麻煩提供中以方向的資助領域、項目數和平均資助額。",),
            "detail",
            ["intl-1.9"],
            "200",
        ),
        (("張教授，您好。中以幾多錢？",), "budget", ["intl-1.9"], "2000"),
    ],
)
def test_small_kinds(engine: Engine, turns, intent, programs, figure):
    reply = expect(ask(engine, *turns), intent, programs)
    if figure:
        assert figure in reply["text"].replace(",", "")


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (("以色列多少钱", "avg"), "zh-Hans"),
        (("以色列多少钱", "deguo ne"), "zh-Hans"),
        (("以色列幾多錢", "avg"), "zh-Hant"),
        (("以色列多少钱", "and Germany?"), "en"),
        (("Israel budget?", "avg"), "en"),
    ],
)
def test_a_terse_latin_follow_up_keeps_the_chat_language(engine: Engine, turns, lang):
    assert ask(engine, *turns)["lang"] == lang


def test_pinyin_words():
    assert is_pinyin("deguo") and is_pinyin("ne") and is_pinyin("jingfei")
    assert not is_pinyin("israel") and not is_pinyin("avg") and not is_pinyin("budget")


@pytest.mark.parametrize(
    "text",
    [
        "请问中南非联合研究项目和中南非旗舰项目的经费各是多少？",
        "請問中南非聯合研究計畫與中南非旗艦計畫的補助經費各是多少？",
        "South Africa flagship and South Africa joint research: budgets?",
    ],
)
def test_a_partner_named_twice_each_with_its_marker(engine: Engine, text: str):
    assert sorted(ask(engine, text)["programs"]) == ["intl-2.2", "intl-2.3"]


def test_a_partner_named_twice_the_marker_after_the_second(engine: Engine):
    text = "我们和南非的伙伴合作多年，想问一下南非那个联合研究旗舰项目的经费总额是多少？"
    assert ask(engine, text)["programs"] == ["intl-2.3"]


@pytest.mark.parametrize(
    "text",
    [
        "中芬、中德这两个先排除，剩下的方向里平均资助最高的是哪个？",
        "中芬同中德呢兩個唔計，其餘方向邊個平均最高？",
    ],
)
def test_names_set_aside_by_a_word_closing_their_clause(engine: Engine, text: str):
    reply = ask(engine, text)
    assert reply["intent"] == "rank"
    assert not {"intl-1.6", "intl-1.8"} & set(reply["programs"])
    assert reply["programs"], reply["text"]


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("korea enrgy avg", ["intl-2.1"]),
        ("South Africa flagsip total?", ["intl-2.3"]),
        ("EU flagshp budget", ["intl-1.4"]),
    ],
)
def test_an_english_marker_with_one_letter_wrong(engine: Engine, text: str, programs):
    assert ask(engine, text)["programs"] == programs


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("请说明中国和南非政府间联合研究项目和联合研究旗舰项目的总经费", ["intl-2.2", "intl-2.3"]),
        ("中國和南非政府間聯合研究項目同聯合研究旗艦項目各有幾多錢？", ["intl-2.2", "intl-2.3"]),
        ("中国和韩国政府间联合研究项目和能源技术联合研究项目分别多少钱", ["intl-2.0", "intl-2.1"]),
    ],
)
def test_a_sibling_named_by_its_marker_after_a_full_name(engine: Engine, text: str, programs):
    assert sorted(ask(engine, text)["programs"]) == programs


@pytest.mark.parametrize(
    "text",
    [
        "请问和南非合作的项目中，旗舰项目与一般联合研究项目的经费分别是多少？",
        "南非嘅項目入面，旗艦項目同一般聯合研究項目各有幾多錢？",
    ],
)
def test_markers_listed_after_a_partner_weigh_as_the_strongest(engine: Engine, text: str):
    assert sorted(ask(engine, text)["programs"]) == ["intl-2.2", "intl-2.3"]


@pytest.mark.parametrize(
    "text",
    ["以色列的平均是芬兰平均的百分之几", "以色列嘅平均係芬蘭平均嘅百分之幾？"],
)
def test_one_average_as_a_part_of_another_is_never_a_share_of_totals(engine: Engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "compare"
    assert "33.3%" not in reply["text"]
    assert "2倍" in reply["text"]
