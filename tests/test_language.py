import pytest

from bot.language import detect_lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("芬兰的经费是多少？", "zh-Hans"),
        ("芬蘭的經費是多少？", "zh-Hant"),
        ("你可以幫我做啲咩？", "zh-Hant"),
        ("意大利嘅經費係幾多", "zh-Hant"),
        ("What is Finland's budget?", "en"),
        ("What is the budget of 中芬?", "en"),
        ("KR 经费", "zh-Hans"),
        ("以色列", "zh-Hans"),
    ],
)
def test_detect(text, lang):
    assert detect_lang(text) == lang


def test_ambiguous_chinese_follows_the_conversation():
    assert detect_lang("以色列", fallback="zh-Hant") == "zh-Hant"
    assert detect_lang("以色列", fallback="en") == "zh-Hans"


def test_commands_alone_keep_the_chat_language():
    assert detect_lang("/start", fallback="en") == "en"
    assert detect_lang("/help") == "en"


def test_names_do_not_decide_the_language(engine):
    assert engine.ask("EU flagship 平均", "a").lang == "zh-Hans"
    assert engine.ask("what is 中芬 funding", "b").lang == "en"
    assert engine.ask("中芬 budget please", "c").lang == "en"
