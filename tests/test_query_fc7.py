"""Kinds of message from the fc7/fc8 round, with messages of our own (not the sets'), in
Simplified Chinese, Traditional Chinese (Taiwan and Hong Kong wording) and English. Each helper's
tests sit in a class named after its branch, to keep merges easy."""

from __future__ import annotations

import pytest

from bot.engine import Engine

ALL_INTL = [f"intl-1.{i}" for i in range(1, 10)] + [f"intl-2.{i}" for i in range(6)]


def ask(engine: Engine, *turns: str) -> dict:
    reply = {}
    session = f"s{hash(turns)}"
    for t in turns:
        reply = engine.ask(t, session).to_json()
    return reply


class TestLists:
    """List and table requests: enumerated names with a measure, a measure of every direction,
    a topic's directions each with its figure, and the words for fields, brief, count and
    average."""

    @pytest.mark.parametrize(
        "text",
        [
            "请帮我查一下这几个方向的总经费：1. 中芬 2. 中德 3. 中奥，谢谢",
            "下列方向各多少钱：①芬兰 ②德国 ③奥地利",
            "請提供下列計畫的總經費：(1) 芬蘭 (2) 德國 (3) 奧地利",
            "Please send me the budget for: a) Finland b) Germany c) Austria",
            "Budget for the following programmes:\n- Finland\n- Germany\n- Austria",
        ],
    )
    def test_enumerated_names_each_get_the_measure(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "budget"
        assert sorted(reply["programs"]) == ["intl-1.6", "intl-1.7", "intl-1.8"]
        for figure in ("6000", "2000", "1000") if reply["lang"] != "en" else ("60", "20", "10"):
            assert figure in reply["text"]

    @pytest.mark.parametrize(
        "text",
        [
            "想问以下方向支持哪些领域：1）中德；2）中以。要发给学院",
            "麻煩查下列計劃的補助領域：1、德國 2、以色列。謝謝",
            "What fields do these cover? 1) Germany 2) Israel. We will forward it to faculty.",
        ],
    )
    def test_enumerated_names_are_not_narrowed_to_one_clause(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "fields"
        assert sorted(reply["programs"]) == ["intl-1.8", "intl-1.9"]

    @pytest.mark.parametrize(
        ("text", "intent", "figure"),
        [
            ("帮忙列出每个方向支持几个项目", "count", "20"),
            ("各個計劃的補助件數是多少", "count", "20"),
            ("逐个方向给我总经费", "budget", "13000"),
            ("list the budget of every direction please", "budget", "130 million"),
            ("what is the average grant in each direction?", "average", "7.5 million"),
            ("我想睇下所有方向嘅平均資助額", "average", "750"),
        ],
    )
    def test_a_measure_of_every_direction_is_listed_for_each(self, engine, text, intent, figure):
        reply = ask(engine, text)
        assert reply["intent"] == intent
        assert set(ALL_INTL) <= set(reply["programs"])
        assert figure in reply["text"]

    def test_a_sum_over_every_direction_stays_a_sum(self, engine):
        reply = ask(engine, "所有方向加起来一共多少钱")
        assert reply["intent"] == "budget"
        assert "49600" in reply["text"]

    @pytest.mark.parametrize(
        "text",
        [
            "氢能相关的有哪些方向？各给多少经费？",
            "哪些計畫和氫能有關，分別補助多少錢？",
            "Which programmes involve hydrogen, and how much does each get?",
        ],
    )
    def test_a_topic_with_each_figure(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] in ("budget", "detail")
        assert sorted(reply["programs"]) == ["intl-1.8", "intl-2.1", "intl-2.3"]

    @pytest.mark.parametrize(
        "text",
        [
            "请把政府间专项各方向按经费从多到少排个序，我要做表格",
            "幫我把政府間專項的方向依經費由高到低排序，我要放進表格",
            "rank the intergovernmental directions by budget for my spreadsheet",
        ],
    )
    def test_a_table_is_not_an_application_form(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "rank"
        assert sorted(reply["programs"]) == ALL_INTL

    def test_a_table_beside_a_missing_aspect_is_still_missing(self, engine):
        assert ask(engine, "表格里要填管理费比例，是多少？")["intent"] == "unknown"

    @pytest.mark.parametrize(
        "text",
        [
            "请问中以项目的资助重点是什么",
            "請問中德計畫的補助重點為何？",
            "中德嗰個支持重點係咩？",
        ],
    )
    def test_key_points_are_the_fields(self, engine, text):
        assert ask(engine, text)["intent"] == "fields"

    @pytest.mark.parametrize(
        "text",
        [
            "so what's the Argentina programme about?",
            "what is the Macao joint funding about",
            "可唔可以brief下阿根廷嗰個？",
            "Could you brief me on the Argentina line?",
        ],
    )
    def test_about_and_brief_ask_the_card(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "detail"
        assert len(reply["programs"]) == 1

    def test_only_one_project_is_not_an_average(self, engine):
        reply = ask(engine, "what is the Argentina programme about? only four projects?")
        assert reply["intent"] in ("detail", "count")

    @pytest.mark.parametrize(
        "text",
        [
            "请问以色列方向平均每件计划经费多少？",
            "請問以色列方向平均每件計畫經費多少？",
            "以色列嗰個平均每件計劃有幾多錢？",
        ],
    )
    def test_average_per_plan(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "average"
        assert reply["programs"] == ["intl-1.9"]
        assert "200" in reply["text"]

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            ("欧盟旗舰的领域二是什么？", "领域一呢"),
            ("歐盟旗艦的領域二是什麼？", "領域一呢"),
            ("EU flagship: what is track 2?", "and track 1?"),
        ],
    )
    def test_a_track_asked_is_the_fields(self, engine, first, second):
        for turns in ((first,), (first, second)):
            reply = ask(engine, *turns)
            assert reply["intent"] == "fields"
            assert reply["programs"] == ["intl-1.4"]

    def test_a_track_follow_up_keeps_the_measure(self, engine):
        reply = ask(engine, "欧盟旗舰领域二支持几个项目", "领域一呢")
        assert reply["intent"] == "count"

    @pytest.mark.parametrize(
        "text",
        [
            "南非旗舰和联合研究哪个项目多",
            "南非旗艦同聯合研究邊個總經費高啲？",
            "South Africa flagship or joint research, which one has more money?",
        ],
    )
    def test_two_kinds_of_one_partner_compared(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "compare"
        assert sorted(reply["programs"]) == ["intl-2.2", "intl-2.3"]

    @pytest.mark.parametrize(
        "text",
        [
            "列一下所有方向的平均资助额",
            "請問中德計畫的補助重點為何？",
            "Please send me the budget for: a) Finland b) Germany c) Austria",
        ],
    )
    @pytest.mark.parametrize(
        "wrap",
        ["老师好！{}", "{} 谢谢！", "我在学校科研处工作。{}", "Hi! {} Thanks a lot."],
    )
    def test_wrapped_the_same(self, engine, text, wrap):
        plain, wrapped = ask(engine, text), ask(engine, wrap.format(text))
        assert (wrapped["intent"], wrapped["programs"]) == (plain["intent"], plain["programs"])

    @pytest.mark.parametrize(
        "text",
        [
            "中以計畫核定件數為何？",
            "以色列方向核定项目数是多少",
            "Israel: approved number of projects?",
        ],
    )
    def test_approved_number_is_the_count(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "count"
        assert reply["programs"] == ["intl-1.9"]

    @pytest.mark.parametrize(
        "text",
        [
            "把每个方向的经费和项目数整理成表格",
            "請列出各計畫的經費與件數",
            "Could you list budget and number of projects for each direction?",
        ],
    )
    def test_two_measures_of_every_direction_are_its_lines(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "budget"
        assert set(ALL_INTL) <= set(reply["programs"])

    @pytest.mark.parametrize(
        "text", ["所有方向的经费是多少", "how much money for all programmes?"]
    )
    def test_all_directions_money_is_the_call_total(self, engine, text):
        reply = ask(engine, text)
        assert reply["programs"] == []
        assert "49600" in reply["text"] or "496 million" in reply["text"]

    @pytest.mark.parametrize(
        ("text", "intent"),
        [
            ("中芬、中德、中奥的总经费", "budget"),
            ("芬蘭、德國、奧地利的補助件數", "count"),
            ("芬兰、德国、奥地利三个经费对比", "compare"),
            ("芬兰、德国经费", "compare"),
        ],
    )
    def test_a_series_of_three_names_is_a_list(self, engine, text, intent):
        reply = ask(engine, text)
        assert reply["intent"] == intent

    @pytest.mark.parametrize(
        "text",
        ["請問補助件數最多的是哪個計畫？", "资助件数最多的方向是哪个", "補助件數最多係邊個？"],
    )
    def test_number_of_grants_ranks_by_count(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "rank"
        assert reply["query"]["metric"] == "count"

    @pytest.mark.parametrize(
        "text", ["budget per direction please", "按方向列出平均资助额", "各計畫平均每件補助多少"]
    )
    def test_per_direction_is_every_direction(self, engine, text):
        reply = ask(engine, text)
        assert set(ALL_INTL) <= set(reply["programs"])
