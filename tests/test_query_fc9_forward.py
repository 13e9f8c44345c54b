"""Kinds of message of the i8-forward round (first-contact sets fc9 and fc10), each with messages
of our own (not the sets' sentences) in Simplified Chinese, Traditional Chinese and English:
several people's questions in one message and "separately", self-corrections, several aspects,
pinyin and sound-alikes, a topic yes/no on a short word, a track or a topic of the direction
talked about, and a comparison asked in a sentence of its own."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect


class TestEachAsked:
    """Several people's questions forwarded in one message, or figures asked "separately": each
    asked thing is answered, none is dropped, and nothing is compared."""

    @pytest.mark.parametrize(
        ("text", "intent", "programs", "figures"),
        [
            (
                "帮科研处转两位老师的问题：张老师想问中意项目总经费多少，赵老师想问中西项目总经费多少",
                "budget",
                ["intl-1.2", "intl-1.3"],
                ["2000", "6000"],
            ),
            (
                "替系上同事問一下：林教授想問中芬計畫總經費多少，陳教授想問中奧計畫總經費多少",
                "budget",
                ["intl-1.6", "intl-1.7"],
                ["6000", "1000"],
            ),
            (
                "Please give me the budgets of China–Italy and China–Spain separately",
                "budget",
                ["intl-1.2", "intl-1.3"],
                ["20 million", "60 million"],
            ),
            (
                "Forwarding two questions: Prof. Zhou wants to know the budget of China–Italy, "
                "and Dr. Ma wants to know the budget of China–Spain.",
                "budget",
                ["intl-1.2", "intl-1.3"],
                ["20 million", "60 million"],
            ),
            (
                "幫同事問：陳生想問中意總經費幾多，李小姐想問中西總經費幾多",
                "budget",
                ["intl-1.2", "intl-1.3"],
                ["2000", "6000"],
            ),
            (
                "Number of projects for Israel and for Argentina separately, please",
                "count",
                ["intl-1.9", "intl-2.4"],
                ["10", "4"],
            ),
            (
                "帮两位老师问：刘老师想问中以平均每项多少钱，吴老师想问中阿那个平均每项多少钱",
                "average",
                ["intl-1.9", "intl-2.4"],
                ["200", "50"],
            ),
        ],
    )
    def test_each_question_is_answered(self, engine, text, intent, programs, figures):
        expect(ask(engine, text), intent, programs, figures)

    @pytest.mark.parametrize(
        "text",
        [
            "钱老师在准备中意，孙老师在准备中西，两位都想知道平均每项多少钱和支持几个项目",
            "錢老師在準備中意，孫老師在準備中西，兩位都想知道平均每件多少錢和支持幾個項目",
        ],
    )
    def test_two_askers_two_aspects_get_both_cards(self, engine, text):
        expect(ask(engine, text), "detail", ["intl-1.2", "intl-1.3"])

    @pytest.mark.parametrize(
        "text",
        [
            "中芬和中德有什么区别，经费各多少",
            "中芬同中德有咩分別？",
            "芬蘭同德國有乜分別？",
            "What is the difference between Finland and Germany, and how much does each get?",
        ],
    )
    def test_a_contrast_asked_with_each_still_compares(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "compare"


class TestSelfCorrection:
    """The asker corrects a name just written: the names before the correction are withdrawn."""

    @pytest.mark.parametrize(
        ("text", "intent", "program", "figure"),
        [
            ("中德那个…不对，是中以那个，平均每项多少钱", "average", "intl-1.9", "200"),
            ("想問中芬…說錯了，係中奧，總經費幾多？", "budget", "intl-1.7", "1000"),
            ("中芬嗰個，唔係唔係，係中奧嗰個，支持幾多個項目？", "count", "intl-1.7", "4"),
            ("Average for Finland – oops, I meant Austria", "average", "intl-1.7", "2.5 million"),
            (
                "What is the budget of China–Germany, sorry I mean China–Israel?",
                "budget",
                "intl-1.9",
                "20 million",
            ),
        ],
    )
    def test_the_corrected_name_is_answered(self, engine, text, intent, program, figure):
        reply = expect(ask(engine, text), intent, [program], [figure])
        assert "self_correction" in reply["rules"]

    def test_two_aspects_after_a_correction_get_the_card(self, engine):
        expect(
            ask(engine, "帮同事问：中德那个…不对，是中以那个，支持几个项目，平均每项多少钱"),
            "detail",
            ["intl-1.9"],
        )


class TestSeveralAspects:
    """Several aspects of one direction, also with context that compares nothing."""

    @pytest.mark.parametrize(
        "text",
        [
            "Please tell me the average grant of China–Italy and also the total projects",
            "我院与芬兰高校合作较多，关于中芬项目请确认：1. 资助哪些领域；2. 最多支持多少个项目；"
            "3. 平均每个项目多少经费",
            "本校與芬蘭大學合作較多，想確認中芬計畫：1. 補助哪些領域；2. 最多補助幾件；"
            "3. 平均每件多少",
        ],
    )
    def test_the_card_answers_them(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "detail"
        assert len(reply["programs"]) == 1

    @pytest.mark.parametrize(
        ("text", "program"),
        [
            (
                "关于中国和韩国联合研究项目（非能源），请问：1）资助哪些领域；2）其中航空航天具体指什么？",
                "intl-2.0",
            ),
            (
                "關於中南聯合研究計畫（非旗艦），請問：1）涵蓋哪些領域；2）其中海洋科學包括哪些？",
                "intl-2.2",
            ),
            (
                "About the China–South Africa joint research projects (not the flagship): "
                "1) which fields; 2) what does its space technology field include?",
                "intl-2.2",
            ),
        ],
    )
    def test_numbered_items_about_one_direction_stay_with_it(self, engine, text, program):
        expect(ask(engine, text), "fields", [program])

    def test_money_for_each_project_is_the_average(self, engine):
        reply = ask(
            engine,
            "I work with a team in Rome, so for the China–Italy project, "
            "how much money is for each project?",
        )
        assert reply["intent"] == "average"
        assert reply["programs"] == ["intl-1.2"]
        assert "2 million" in reply["text"]


class TestPinyinAndSounds:
    """Chinese names and the budget word typed in pinyin, and sound-alikes by the usual reading."""

    @pytest.mark.parametrize(
        ("text", "intent", "programs"),
        [
            ("中芬的jingfei是多少", "budget", ["intl-1.6"]),
            ("中芬 pingjun 多少", "average", ["intl-1.6"]),
            ("以色列的jingfei和项目数", "detail", ["intl-1.9"]),
            ("我们做qingneng的，哪些方向可以申请", "topic", ["intl-1.8", "intl-2.1", "intl-2.3"]),
            ("我哋做qingneng，有邊啲計劃啱？", "topic", ["intl-1.8", "intl-2.1", "intl-2.3"]),
            ("中饿合作支持哪些领域", "fields", ["intl-2.5"]),
            ("中餓計畫補助幾件？", "count", ["intl-2.5"]),
        ],
    )
    def test_read_by_sound(self, engine, text, intent, programs):
        expect(ask(engine, text), intent, programs)

    def test_pinyin_in_an_english_name_is_a_name(self, engine):
        reply = ask(engine, "I am from Xian Jiaotong University. How long does each project last?")
        assert reply["intent"] == "period"


class TestTopicOfDirection:
    """A topic yes/no on a short word, a yes/no after one direction, "the only one", and a track
    of the direction talked about."""

    @pytest.mark.parametrize(
        ("text", "program", "answer"),
        [
            ("中以方向和水有关吗", "intl-1.9", "是的"),
            ("中以計畫同水有冇關係？", "intl-1.9", "是的"),
            ("中德方向跟水有关吗", "intl-1.8", "没有明确提到"),
        ],
    )
    def test_short_topic_word(self, engine, text, program, answer):
        expect(ask(engine, text), "fields", [program], [answer])

    @pytest.mark.parametrize(
        "turns",
        [
            ("中俄资助哪些领域？", "那有没有包海洋？"),
            ("俄羅斯嗰個計劃資助咩領域？", "咁有冇包海洋？"),
            ("What does the Russia programme fund?", "does it include ocean research?"),
        ],
    )
    def test_yes_no_after_one_direction_is_about_it(self, engine, turns):
        expect(ask(engine, *turns), "fields", ["intl-2.5"])

    @pytest.mark.parametrize(
        "turns",
        [
            ("介绍一下中德", "它是唯一做氢能的吗？"),
            ("介紹一下中德", "佢係唯一做氫能嘅嗎？"),
            ("Tell me about the Germany programme", "Is it the only one with hydrogen?"),
        ],
    )
    def test_the_only_one_asks_every_direction(self, engine, turns):
        expect(ask(engine, *turns), "topic", ["intl-1.8", "intl-2.1", "intl-2.3"])

    @pytest.mark.parametrize(
        ("turns", "figure"),
        [
            (("介绍一下欧盟旗舰", "只看食品那个领域，多少钱？"), "7000"),
            (("介紹一下歐盟旗艦", "淨係氣候變化嗰個領域，幾多錢？"), "6000"),
            (
                ("Tell me about the EU flagship", "just the climate & biodiversity area, budget?"),
                "60 million",
            ),
        ],
    )
    def test_track_of_the_direction_in_talk(self, engine, turns, figure):
        expect(ask(engine, *turns), "budget", ["intl-1.4"], [figure])

    @pytest.mark.parametrize(
        "turns",
        [
            ("韩国有几个方向？", "联合研究那个（不是能源那个）资助哪些领域？"),
            ("韓國有幾多個計劃？", "聯合研究嗰個（唔係能源嗰個）有咩領域？"),
        ],
    )
    def test_one_track_named_against_the_other_asks_its_fields(self, engine, turns):
        expect(ask(engine, *turns), "fields", ["intl-2.0"])


class TestComparedInItsOwnSentence:
    @pytest.mark.parametrize(
        "text",
        [
            "中以每项平均多少？跟中意比起来哪个高？",
            "中以每件平均補助多少？同中意比起來邊個高？",
            "What is the average for Israel? Compared with Italy, which is higher?",
        ],
    )
    def test_both_are_compared(self, engine, text):
        expect(ask(engine, text), "compare", ["intl-1.2", "intl-1.9"])
