"""Wording and figures of each answer kind, in the three languages."""

import re

from bot.render import count, to_plain, wan
from knowledge.model import Count

SIMPLIFIED_ONLY = set("国资项领额个经费这们么说时发动区门长见关总数东车书")


def test_amount_formats():
    assert wan(6000, "zh-Hans") == "6000万元"
    assert wan(13000, "zh-Hans") == "13000万元（1.3亿元）"
    assert wan(49600, "zh-Hant") == "49600萬元（4.96億元）"
    assert wan(6000, "en") == "CNY 60 million"
    assert wan(750, "en") == "CNY 7.5 million"
    assert wan(50, "en") == "CNY 0.5 million"
    assert wan(49600, "en") == "CNY 496 million"


def test_count_formats():
    assert count(Count(20, "up_to"), "zh-Hans") == "不超过20个项目"
    assert count(Count(10, "about"), "zh-Hans", noun=False) == "约10个"
    assert count(Count(20, "up_to"), "en") == "up to 20 projects"
    assert count(Count(10, "about"), "en") == "about 10 projects"
    assert count(Count(1, "exact"), "en") == "1 project"


def test_budget_sums_a_partner(engine):
    text = engine.ask("韩国经费").text
    assert "2100万元" in text and "600万元" in text and "1500万元" in text


def test_budget_of_whole_call(engine):
    text = engine.ask("专项总经费是多少").text
    assert "4.96亿元" in text and "138" in text


def test_flagship_tracks_are_kept_apart(engine):
    text = engine.ask("Everything about the EU flagship programme").text
    assert "CNY 70 million" in text and "CNY 60 million" in text and "CNY 35 million" in text
    assert "CNY 15 million" in text and "CNY 130 million" in text


def test_no_invented_overall_average(engine):
    text = engine.ask("平均每个项目多少钱").text
    assert "没有给出整个专项的平均" in text
    assert "359" not in text  # 49600/138 would be an invention


def test_hmt_period_is_not_invented(engine):
    text = engine.ask("澳门项目周期多长").text
    assert "没有给出" in text
    assert "2~3" not in text


def test_traditional_replies_have_no_simplified_characters(engine):
    for q in [
        "介紹一下南非項目",
        "芬蘭同奧地利比較經費",
        "經費最少嘅係邊個？",
        "合作國別有邊啲",
        "整體概況",
        "項目執行期限幾年",
        "申請書格式有咩要求？",
        "邊啲方向支持碳捕集？",
    ]:
        reply = engine.ask(q, q)
        assert reply.lang == "zh-Hant"
        assert not set(reply.text) & SIMPLIFIED_ONLY, (q, reply.text)


def test_english_replies_have_no_chinese_template_text(engine):
    for q in [
        "Finland budget",
        "Compare Spain and Russia",
        "Which direction has the most money?",
        "overview please",
        "hydrogen programmes?",
        "How long is each project?",
    ]:
        text = engine.ask(q, q).text
        assert not re.search(r"[万亿元个项]", text), (q, text)


def test_compare_states_the_winner(engine):
    text = engine.ask("芬兰和奥地利哪个经费多").text
    assert "6000万元" in text and "1000万元" in text and "结论" in text


def test_rank_lists_every_direction_with_ties(engine):
    reply = engine.ask("Which programme supports the most projects?")
    assert set(reply.programs) >= {"intl-1.3", "intl-2.5"}
    assert reply.text.splitlines()[0].count("up to 20") == 2


def test_detail_card(engine):
    text = engine.ask("以色列").text
    for piece in ["2000万元", "10个项目", "200万元", "海水淡化", "2~3年"]:
        assert piece in text


def test_html_is_escaped_and_plain_text_matches(engine):
    reply = engine.ask("<b>芬兰</b> & 经费")
    assert "<b>芬兰</b>" not in reply.text
    assert to_plain(reply.html) == reply.text


def test_oos_says_what_is_missing(engine):
    reply = engine.ask("What's the deadline?")
    assert reply.intent == "unknown" and "deadline" in reply.text.lower()


def test_threshold_filters(engine):
    reply = engine.ask("哪些方向经费超过5000万")
    assert reply.intent == "rank"
    assert set(reply.programs) == {"intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"}
    reply = engine.ask("directions with at least 15 projects")
    assert set(reply.programs) == {"intl-1.3", "intl-2.5", "intl-1.6", "intl-2.2", "hmt-1.1"}
    assert "at least 15 projects" in reply.text
    assert engine.ask("平均资助额超过5000万的方向").text.startswith("没有")


def test_fields_question_about_a_direction_number(engine):
    reply = engine.ask("What does 2.3 fund?")
    assert (reply.intent, reply.programs) == ("fields", ["intl-2.3"])
