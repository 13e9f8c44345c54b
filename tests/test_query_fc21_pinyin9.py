"""Whole messages typed in toneless pinyin with the input method off (fc21, i8-pinyin9): read as
the Chinese they spell from one pinyin index over the names, topics, cue words and aspects the
bot already has, and answered in Chinese; Traditional characters beside the pinyin keep zh-Hant;
English whose words happen to be pinyin ("can you", "long term", "Taiwan") stays English. Each on
messages other than the set's own."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.pinyin_text import spelled_chinese
from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "figure", "lang"),
    [
        (("yidali pingjun duoshao qian",), "average", ["intl-1.2"], "200", "zh-Hans"),
        (("eluosi you ji ge xiangmu",), "count", ["intl-2.5"], "20", "zh-Hans"),
        (("hanguo nengyuan jingfei",), "budget", ["intl-2.1"], "1500", "zh-Hans"),
        (("aodili lingyu",), "fields", ["intl-1.7"], "绿色建筑", "zh-Hans"),
        (("xiangmu zhouqi duojiu",), "period", [], "2~3", "zh-Hans"),
        (("zhong ou qijian jingfei",), "budget", ["intl-1.4"], "13000", "zh-Hans"),
        (("Deguo jingfei duoshao?",), "budget", ["intl-1.8"], "2000", "zh-Hans"),
        (("以色列 ping jun duo shao",), "average", ["intl-1.9"], "200", "zh-Hans"),
        (
            ("yiselie jingfei", "fenlan ne", "yigong duoshao"),
            "budget",
            ["intl-1.6", "intl-1.9"],
            "8000",
            "zh-Hans",
        ),
        # a wrapper of greetings or thanks, in pinyin or in English, changes nothing
        (("nihao, deguo jingfei duoshao, xiexie",), "budget", ["intl-1.8"], "2000", "zh-Hans"),
        (("Hi, deguo pingjun duoshao?",), "average", ["intl-1.8"], "400", "zh-Hans"),
        # zh-Hant: Traditional characters beside the pinyin
        (("俄羅斯 pingjun duoshao",), "average", ["intl-2.5"], "300", "zh-Hant"),
        (("中奧經費多少", "yidali ne"), "budget", ["intl-1.2"], "2000", "zh-Hant"),
        # English with words that happen to be pinyin stays English
        (("can you tell me the budget of Germany",), "budget", ["intl-1.8"], "20", "en"),
        (("Long term budget of Finland?",), "budget", ["intl-1.6"], "60", "en"),
    ],
)
def test_pinyin_messages(engine: Engine, turns, intent, programs, figure, lang):
    reply = expect(ask(engine, *turns), intent, programs)
    assert figure in reply["text"].replace(",", ""), reply
    assert reply["lang"] == lang, reply


@pytest.mark.parametrize(
    "text",
    ["Hong Kong/Macao/Taiwan call", "taiwan", "sum?", "young-1.1", "he is in Israel", "due date?"],
)
def test_english_and_codes_stay_as_typed(knowledge, text):
    assert spelled_chinese(text, knowledge) == text


def test_topics_and_aspects_in_pinyin(engine: Engine):
    reply = ask(engine, "haiyang you naxie fangxiang")
    assert reply["intent"] == "topic" and "intl-2.2" in reply["programs"], reply
    reply = ask(engine, "shenbao tiaojian")
    assert reply["intent"] == "unknown" and reply["lang"] == "zh-Hans", reply
