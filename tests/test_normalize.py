from textnorm.normalize import arabic_numerals, chinese_to_int, fold, normalize


def test_full_width_and_case_are_folded():
    assert normalize("ＥＵ　ｂｕｄｇｅｔ１０") == "eu budget10"


def test_traditional_becomes_simplified():
    assert normalize("經費是多少？") == "经费是多少"


def test_punctuation_becomes_space_but_direction_numbers_survive():
    assert normalize("方向1.4，经费？") == "方向1.4 经费"
    assert normalize("Finland's budget!!!") == "finland budget"


def test_invisible_and_control_characters_are_dropped():
    assert normalize("芬\u200b兰\u202e经费\x00") == "芬兰经费"


def test_variant_characters_map_to_simplified():
    assert fold("徳国") == "德国"


def test_chinese_numerals():
    assert chinese_to_int("二十") == 20
    assert chinese_to_int("两千") == 2000
    assert chinese_to_int("一百五十") == 150
    assert chinese_to_int("三万") == 30000
    assert chinese_to_int("十") == 10


def test_numerals_only_before_a_classifier():
    assert arabic_numerals("能资助到二十个吗") == "能资助到20个吗"
    assert arabic_numerals("两千万") == "2000万"
    assert arabic_numerals("一般类项目") == "一般类项目"
    assert arabic_numerals("一个项目多少钱") == "一个项目多少钱"
    assert arabic_numerals("项目能做五年吗") == "项目能做5年吗"


def test_long_input_is_bounded():
    assert len(normalize("芬兰" * 100_000)) <= 2000
