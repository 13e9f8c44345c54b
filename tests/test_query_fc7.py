"""Kinds of message found failing in the first-contact sets fc7 and fc8, each with messages of
our own (not the sets' sentences) in Simplified Chinese, Traditional Chinese and English. Each
helper's kinds live in a class of their own, to keep merges easy."""

from __future__ import annotations

import pytest

from bot import intents as L
from bot.engine import Engine
from tests.asking import ask, expect

ALL_INTL = [f"intl-1.{i}" for i in range(1, 10)] + [f"intl-2.{i}" for i in range(6)]


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
        reply = expect(ask(engine, text), "budget", ["intl-1.6", "intl-1.7", "intl-1.8"])
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
        expect(ask(engine, text), "fields", ["intl-1.8", "intl-1.9"])

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
        expect(ask(engine, "所有方向加起来一共多少钱"), "budget", has=["49600"])

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
        expect(ask(engine, text), "rank", ALL_INTL)

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
        expect(ask(engine, text), "average", ["intl-1.9"], ["200"])

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
            expect(ask(engine, *turns), "fields", ["intl-1.4"])

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
        expect(ask(engine, text), "compare", ["intl-2.2", "intl-2.3"])

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
        expect(ask(engine, text), "count", ["intl-1.9"])

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


class TestArith:
    """Multi-turn arithmetic and references to earlier results: running sums, a call added to a
    call's total, rankings with exclusions, sums of the rest, "they" after a ranking with a
    tie, the first two of a ranking added up, "bigger by how much"."""

    @pytest.mark.parametrize(
        ("turns", "intent", "programs", "has"),
        [
            (
                ("芬兰和西班牙一共多少钱", "再加上俄罗斯的"),
                "budget",
                ["intl-1.3", "intl-1.6", "intl-2.5"],
                "18000万元",
            ),
            (
                ("奧地利支持幾個項目？", "再加埋德國嘅呢？"),
                "count",
                ["intl-1.7", "intl-1.8"],
                "約9個項目",
            ),
            (
                ("What's the budget for Spain?", "plus Finland?", "and add Israel on top"),
                "budget",
                ["intl-1.3", "intl-1.6", "intl-1.9"],
                "CNY 140 million",
            ),
        ],
    )
    def test_running_sum(self, engine, turns, intent, programs, has):
        reply = expect(ask(engine, *turns), intent, programs, [has])
        assert reply["query"]["op"] == "sum"

    @pytest.mark.parametrize(
        ("turns", "has"),
        [
            (("政府间专项总概算是多少", "再算上澳门那个呢"), "52600万元"),
            (("政府間專項總經費幾多？", "加埋澳門嗰個呢？"), "52600萬元"),
            (
                (
                    "What is the whole intergovernmental call's budget?",
                    "and with the Macao direction included?",
                ),
                "CNY 526 million",
            ),
        ],
    )
    def test_the_other_call_added_to_a_calls_total(self, engine, turns, has):
        reply = ask(engine, *turns)
        assert reply["intent"] == "budget"
        assert reply["query"]["op"] == "sum_calls"
        assert has in reply["text"]

    @pytest.mark.parametrize(
        ("text", "winners"),
        [
            ("去掉欧盟旗舰和韩国能源，平均最高的是哪个", ["intl-1.6", "intl-1.8"]),
            ("扣除歐盟旗艦，哪個方向總經費最高？", ["intl-1.3", "intl-1.6", "intl-2.5"]),
            ("撇开欧盟旗舰不谈，平均资助最高的是哪个", ["intl-2.1"]),
            ("撇除歐盟旗艦，邊個平均最高", ["intl-2.1"]),
            (
                "Leaving out the EU flagship, which direction has the largest total?",
                ["intl-1.3", "intl-1.6", "intl-2.5"],
            ),
            (
                "Which direction pays the most per project if we leave out the EU flagship?",
                ["intl-2.1"],
            ),
        ],
    )
    def test_ranking_with_an_exclusion(self, engine, text, winners):
        reply = ask(engine, text)
        assert reply["intent"] == "rank"
        assert "intl-1.4" not in reply["programs"]
        assert sorted(reply["programs"][: len(winners)]) == winners

    def test_it_after_a_ranking_with_an_exclusion(self, engine):
        reply = ask(engine, "除掉欧盟旗舰，哪个方向平均资助最高", "它的总经费呢")
        assert reply["programs"] == ["intl-2.1"] and "1500万元" in reply["text"]

    @pytest.mark.parametrize(
        ("turns", "programs", "has"),
        [
            (
                ("哪些方向总经费不少于3000万？", "去掉中欧联合实验室，这些一共多少钱"),
                [
                    "hmt-1.1",
                    "intl-1.3",
                    "intl-1.4",
                    "intl-1.5",
                    "intl-1.6",
                    "intl-2.2",
                    "intl-2.5",
                ],
                "40000万元",
            ),
            (
                ("總經費高過2500萬嘅方向有邊啲？", "除咗歐盟旗艦，呢啲加埋幾多錢？"),
                [
                    "hmt-1.1",
                    "intl-1.1",
                    "intl-1.3",
                    "intl-1.5",
                    "intl-1.6",
                    "intl-2.2",
                    "intl-2.5",
                ],
                "30000萬元",
            ),
            (
                (
                    "Which directions have a total budget above CNY 25 million?",
                    "leaving out the EU flagship, what do these add up to?",
                ),
                [
                    "hmt-1.1",
                    "intl-1.1",
                    "intl-1.3",
                    "intl-1.5",
                    "intl-1.6",
                    "intl-2.2",
                    "intl-2.5",
                ],
                "CNY 300 million",
            ),
        ],
    )
    def test_the_rest_of_a_listed_answer_added_up(self, engine, turns, programs, has):
        reply = ask(engine, *turns)
        assert reply["intent"] == "budget" and reply["query"]["op"] == "sum"
        assert sorted(reply["programs"]) == programs
        assert has in reply["text"]

    @pytest.mark.parametrize(
        ("text", "has"),
        [
            (
                "Total budget of the intergovernmental call without the two Korean lines?",
                "CNY 475 million",
            ),
            ("政府间专项的总经费，扣掉韩国的两个方向，是多少？", "47500万元"),
            ("政府間專項總經費（除掉韓國兩個方向）係幾多？", "47500萬元"),
        ],
    )
    def test_a_calls_total_without_some_directions(self, engine, text, has):
        reply = ask(engine, text)
        assert reply["intent"] == "budget" and reply["query"]["op"] == "sum"
        assert "intl-2.0" not in reply["programs"] and "intl-2.1" not in reply["programs"]
        assert has in reply["text"]

    def test_a_list_glossed_in_brackets_is_set_aside_too(self, engine):
        reply = ask(
            engine, "Intergovernmental call total without the EU lines (joint labs and flagship)?"
        )
        assert set(reply["query"]["excluded"]) >= {"intl-1.1", "intl-1.4", "intl-1.5"}

    @pytest.mark.parametrize(
        ("turns", "programs", "has"),
        [
            (
                ("资助项目最多的方向是哪些？", "那它们的经费加起来是多少？"),
                ["intl-1.3", "intl-2.5"],
                "12000万元",
            ),
            (
                ("資助項目最多嘅係邊幾個方向？", "佢哋總經費加埋幾多？"),
                ["intl-1.3", "intl-2.5"],
                "12000萬元",
            ),
            (
                ("Which directions fund the most projects?", "what's their combined budget?"),
                ["intl-1.3", "intl-2.5"],
                "CNY 120 million",
            ),
        ],
    )
    def test_they_after_a_ranking_with_a_tie_is_the_tie(self, engine, turns, programs, has):
        expect(ask(engine, *turns), "budget", programs, [has])

    @pytest.mark.parametrize(
        ("turns", "intent", "has"),
        [
            (
                ("项目数最少的是哪个", "第二少的呢", "最少和第二少加起来几个项目"),
                "count",
                "3个项目",
            ),
            (
                ("哪個方向總經費最低？", "第二低嘅呢？", "最低同第二低加埋幾多錢？"),
                "budget",
                "500萬元",
            ),
            (
                (
                    "Which direction has the smallest budget?",
                    "and the second smallest?",
                    "the smallest and the second smallest combined?",
                ),
                "budget",
                "CNY 5 million",
            ),
        ],
    )
    def test_the_first_two_of_a_ranking_added_up(self, engine, turns, intent, has):
        reply = ask(engine, *turns)
        assert reply["intent"] == intent and reply["query"]["op"] == "top_sum"
        assert has in reply["text"]

    @pytest.mark.parametrize(
        ("turns", "has"),
        [
            (
                (
                    "How much is the Finland budget?",
                    "and Germany?",
                    "so Finland is bigger by how much?",
                ),
                "CNY 40 million",
            ),
            (
                (
                    "What does the Spain direction get in total?",
                    "And Austria?",
                    "Spain is ahead by how much then?",
                ),
                "CNY 50 million",
            ),
        ],
    )
    def test_bigger_by_how_much_is_a_difference(self, engine, turns, has):
        reply = ask(engine, *turns)
        assert reply["intent"] == "compare" and "difference" in reply["query"]["asks"]
        assert has in reply["text"]

    @pytest.mark.parametrize(
        ("text", "first"),
        [
            ("補助件數最多的是哪個計畫？", "intl-1.3"),
            ("资助件数最少的是哪个方向？", "intl-2.3"),
            ("Which direction funds the fewest projects?", "intl-2.3"),
        ],
    )
    def test_a_ranking_on_the_measure_named(self, engine, text, first):
        reply = ask(engine, text)
        assert reply["intent"] == "rank" and reply["query"]["metric"] == "count"
        assert reply["programs"][0] == first

    @pytest.mark.parametrize(
        "wrapped",
        [
            ("你好！芬兰和西班牙一共多少钱", "谢谢！再加上俄罗斯的"),
            ("芬兰和西班牙一共多少钱", "我们在做预算，再加上俄罗斯的"),
        ],
    )
    def test_a_wrapped_running_sum_is_the_same(self, engine, wrapped):
        reply = ask(engine, *wrapped)
        assert sorted(reply["programs"]) == ["intl-1.3", "intl-1.6", "intl-2.5"]
        assert "18000万元" in reply["text"]

    @pytest.mark.parametrize(
        ("turns", "intent"),
        [
            (("意大利和西班牙的经费？", "平均呢？"), "average"),
            (("Germany and Finland budget?", "and the number of projects?"), "count"),
            (("德國同芬蘭嘅經費？", "咁平均呢？"), "average"),
            # asked as a comparison, the next measure is compared too
            (("芬兰和德国哪个经费多", "平均呢"), "compare"),
        ],
    )
    def test_a_measure_after_two_shown_side_by_side(self, engine, turns, intent):
        reply = ask(engine, *turns)
        assert reply["intent"] == intent
        assert len(reply["programs"]) == 2

    @pytest.mark.parametrize(
        ("turns", "programs", "has"),
        [
            (
                ("总经费低于1000万的方向加起来多少", "再加上德国的"),
                ["intl-1.8", "intl-2.0", "intl-2.3", "intl-2.4"],
                "3100万元",
            ),
            (
                ("經費最少嘅三個方向總共幾多錢？", "再加埋意大利呢？"),
                ["intl-1.2", "intl-2.0", "intl-2.3", "intl-2.4"],
                "3100萬元",
            ),
            (
                ("the three smallest directions by budget, added up?", "and with Italy on top?"),
                ["intl-1.2", "intl-2.0", "intl-2.3", "intl-2.4"],
                "CNY 31 million",
            ),
        ],
    )
    def test_a_running_sum_after_a_filtered_or_ranked_sum(self, engine, turns, programs, has):
        reply = ask(engine, *turns)
        assert reply["intent"] == "budget" and reply["query"]["op"] == "sum"
        assert sorted(reply["programs"]) == programs
        assert has in reply["text"]

    def test_a_calls_total_minus_a_direction(self, engine):
        reply = ask(engine, "intergovernmental total minus the EU flagship?")
        assert reply["query"]["op"] == "sum" and "intl-1.4" not in reply["programs"]
        assert "CNY 366 million" in reply["text"]

    @pytest.mark.parametrize(
        ("text", "has"),
        [
            ("政府間專項總經費（不含歐盟旗艦）係幾多？", "36600萬元"),
            ("不计欧盟旗舰，政府间专项总经费是多少？", "36600万元"),
        ],
    )
    def test_a_calls_total_not_counting_a_direction(self, engine, text, has):
        reply = ask(engine, text)
        assert reply["query"]["op"] == "sum" and "intl-1.4" not in reply["programs"]
        assert has in reply["text"]

    def test_a_range_marked_exclusive_is_still_a_range(self, engine):
        reply = ask(engine, "总经费在1000万到3000万之间（不含）的方向")
        assert reply["intent"] == "rank" and reply["query"]["op"] == "filter"

    @pytest.mark.parametrize(
        ("turns", "intent", "has"),
        [
            (("德国和韩国加起来多少钱", "再减去韩国能源那个"), "budget", "2600万元"),
            (("德國同韓國加埋幾多個項目？", "唔計韓國能源嗰個呢？"), "count", "11個項目"),
            (
                ("Germany and Korea combined budget?", "minus the Korea energy one?"),
                "budget",
                "CNY 26 million",
            ),
            (("德国多少钱", "韩国呢", "去掉韩国能源的话一共多少"), "budget", "2600万元"),
        ],
    )
    def test_something_taken_away_from_the_sum_just_given(self, engine, turns, intent, has):
        reply = ask(engine, *turns)
        assert reply["intent"] == intent and reply["query"]["op"] == "sum"
        assert sorted(reply["programs"]) == ["intl-1.8", "intl-2.0"]
        assert has in reply["text"]

    @pytest.mark.parametrize(
        ("turns", "programs", "has"),
        [
            (("项目数最少的是哪个", "前两名加起来几个项目"), ["intl-2.1", "intl-2.3"], "3个项目"),
            (
                ("項目數最多嘅係邊個？", "頭兩個加埋幾多個項目？"),
                ["intl-1.3", "intl-2.5"],
                "40個項目",
            ),
            (
                ("Which direction funds the most projects?", "first and second combined?"),
                ["intl-1.3", "intl-2.5"],
                "40 projects",
            ),
            (("哪个方向经费最少", "第一和第二加起来多少"), ["intl-2.3", "intl-2.4"], "500万元"),
        ],
    )
    def test_the_first_places_of_the_ranking_just_given(self, engine, turns, programs, has):
        reply = ask(engine, *turns)
        assert reply["query"]["op"] == "top_sum"
        assert sorted(reply["programs"]) == programs
        assert has in reply["text"]

    @pytest.mark.parametrize(
        "turns",
        [
            ("哪些方向支持氢能", "去掉韩国能源，其余的加起来多少钱"),
            ("哪些方向涉及氫能？", "唔計韓國能源，剩低嘅加埋幾多錢？"),
            (
                "Which programmes fund hydrogen?",
                "Apart from the Korea energy one, the rest together?",
            ),
        ],
    )
    def test_the_rest_of_a_topic_list_added_up(self, engine, turns):
        reply = ask(engine, *turns)
        assert reply["query"]["op"] == "sum"
        assert sorted(reply["programs"]) == ["intl-1.8", "intl-2.3"]

    def test_every_other_direction_is_still_the_rest_of_all(self, engine):
        reply = ask(engine, "芬兰多少钱", "除了芬兰，其他的加起来多少")
        assert reply["query"]["op"] == "sum" and len(reply["programs"]) == 15


class TestUnknown:
    """Aspects the notice does not give: the reply says so and names the aspect (intent
    unknown), while plain figure questions about the same directions keep their answer."""

    @pytest.mark.parametrize(
        "text, aspect",
        [
            # the partner side's money (its own agency, co-funding), not the notice's figure
            ("中以合作里以方会出多少钱？", "partner_funding"),
            ("韓方政府會唔會出錢支持項目？", "partner_funding"),
            ("Will the Finnish side fund its researchers, or does the Chinese side pay?", None),
            ("Are the European partners paid by their own national agencies?", "partner_funding"),
            ("Is the Italian partner funded by Horizon Europe?", "partner_funding"),
            ("德國那邊出幾多錢？", "partner_funding"),
            ("中芬项目里芬方的经费由谁提供？", "partner_funding"),
            ("Does the Israeli agency co-fund these projects?", "partner_funding"),
            ("Does the Austrian partner get money from its national agency?", "partner_funding"),
            # allowed cost categories: personnel, equipment
            ("中意项目经费能不能发博士后工资？", "allowed_costs"),
            ("計畫經費能否編列設備費和人事費？", "allowed_costs"),
            ("Can we use the Spain grant to purchase new lab equipment?", "allowed_costs"),
            ("Are personnel costs eligible in the Israel projects?", "allowed_costs"),
            ("经费能用来开国际会议吗？", "allowed_costs"),
            ("項目經費可唔可以用嚟請研究助理？", "allowed_costs"),
            ("Can the Korea money be used to hire a postdoc?", "allowed_costs"),
            # extending the period
            ("项目做不完可以申请延期吗？", "extension"),
            ("執行期可以延長一年嗎？", "extension"),
            ("計畫執行期滿可以展延嗎？", "extension"),
            ("项目可以提前结题吗？", "extension"),
            ("Is a no-cost extension of the project possible?", "extension"),
            # moving money between directions or lines
            ("两个韩国方向的经费可以互相调剂吗？", "transfers"),
            ("預算可以在不同科目之間調劑嗎？", "transfers"),
            ("Can unused money be shifted from one direction to another?", "transfers"),
            ("可唔可以將經費由一個方向轉去另一個方向？", "transfers"),
            ("計畫經費可否流用？", "transfers"),
            # how the money is paid out, which documents to prepare
            ("經費係咪分期撥付？", "payment"),
            ("国拨经费什么时候到账？", "payment"),
            ("Is the grant disbursed in tranches?", "payment"),
            ("申請材料要準備啲咩？", "documents"),
            ("What supporting documents does the Israel call need?", "documents"),
            # the chance of success and the competition
            ("中以项目好中吗？", "success_rate"),
            ("中標機會大唔大？", "success_rate"),
            ("韩国能源那个一般几个人申请？", "success_rate"),
            ("What are our odds with the Austria programme?", "success_rate"),
            ("How many teams usually apply for the Russia direction?", "success_rate"),
            # another round, every year
            ("中芬项目还会有第二批吗？", "other_year"),
            ("中以項目每年都有嗎？", "other_year"),
            ("Is the Israel call held every year?", "other_year"),
            # where a proposal is submitted
            ("中俄项目在哪个系统填报？", "system"),
            ("計畫要在哪裡線上申報？", "system"),
            ("Where do we submit the Argentina proposal?", "system"),
            # other currencies and visas
            ("中芬项目经费按什么汇率折合成欧元？", "exchange_rate"),
            ("西班牙方向有幾多歐元？", "exchange_rate"),
            ("What is the Spain budget in euros?", "exchange_rate"),
            ("去俄罗斯合作要不要办签证？", "visas"),
            # prerequisites for applying
            ("中西项目是不是必须先有合作协议才能申报？", None),
            ("申請聯合實驗室計畫，是否需要已經成立聯合實驗室才可以申請？", "eligibility"),
            ("申报中俄项目有什么门槛？", "eligibility"),
            ("Must we already have a joint lab before applying for the Europe labs?", None),
        ],
    )
    def test_missing_aspect_is_named(self, engine: Engine, text: str, aspect: str | None) -> None:
        reply = ask(engine, text)
        assert reply["intent"] == "unknown", reply["text"]
        if aspect:
            assert aspect in reply["query"]["missing"]

    @pytest.mark.parametrize(
        "text, intent, programs, figure",
        [
            ("德国方向多少钱？", "budget", ["intl-1.8"], "2000"),
            ("德國方向有幾多經費？", "budget", ["intl-1.8"], "2000"),
            ("How much does the Germany direction get?", "budget", ["intl-1.8"], "20 million"),
            (
                "How much does the Chinese side give to the Germany direction?",
                "budget",
                ["intl-1.8"],
                "20 million",
            ),
            ("哪些方向支持医疗设备？", "topic", None, "1.3"),
            ("How long is the project period?", "period", None, "2"),
            ("中德計畫編列多少經費？", "budget", ["intl-1.8"], "2000"),
            ("Where can I apply for vaccine research?", "topic", None, "1.9"),
        ],
    )
    def test_plain_figure_questions_keep_their_answer(
        self, engine: Engine, text: str, intent: str, programs: list[str] | None, figure: str
    ) -> None:
        reply = ask(engine, text)
        assert reply["intent"] == intent, reply["text"]
        if programs is not None:
            assert reply["programs"] == programs
        assert figure in reply["text"]

    @pytest.mark.parametrize(
        "text, figure, missing",
        [
            ("意大利方向多少钱？另外中标率大概多少？", "2000", "中标率"),
            ("意大利方向有幾多錢？通過率又係幾多？", "2000", "中標率"),
            ("What is Italy's budget, and how high is the success rate?", "20 million", "success"),
            ("Italy budget please, and can the project be extended?", "20 million", "extended"),
            ("意大利方向的经费？另外能不能延期？", "2000", "延期"),
        ],
    )
    def test_missing_aspect_next_to_a_figure(
        self, engine: Engine, text: str, figure: str, missing: str
    ) -> None:
        """Say what is missing first, then the figure the notice gives, labelled."""
        reply = ask(engine, text)
        assert reply["intent"] == "unknown"
        assert reply["text"].index(missing) < reply["text"].index(figure)

    @pytest.mark.parametrize(
        "text",
        ["中德项目德方出多少钱？", "How much will the German side government pay?"],
    )
    def test_partner_money_gives_no_figure(self, engine: Engine, text: str) -> None:
        """The notice's figure is the Chinese side's: it never answers the partner's money."""
        reply = ask(engine, text)
        assert reply["intent"] == "unknown" and "2000" not in reply["text"]
        assert "20 million" not in reply["text"]

    @pytest.mark.parametrize("wrap", ["老师好！{}谢谢", "Hi, {} Thanks a lot!", "{} 🙏"])
    def test_wrapped_the_same(self, engine: Engine, wrap: str) -> None:
        for text in ("项目做不完可以申请延期吗？", "Can unused money be shifted elsewhere?"):
            wrapped = ask(engine, wrap.format(text))
            assert wrapped["query"]["missing"] == ask(engine, text)["query"]["missing"]

    @pytest.mark.parametrize(
        "text",
        [
            "中以平均每项多少钱？跟中意比哪个多？",
            "中以嗰個平均幾多錢？同中意比邊個多啲？",
            "Israel average per project? and which is more, Israel or Italy?",
        ],
    )
    def test_comparison_answered_for_one_is_not_sure(self, engine: Engine, text: str) -> None:
        """A comparison asked between two named directions is never answered with the figure
        of one of them: either the comparison, or "not sure" offering it."""
        reply = ask(engine, text)
        if reply["intent"] != "compare":
            assert reply["intent"] == "unknown" and reply["query"]["op"] == "unsure"
            assert "intl-1.2" in reply["query"]["readings"][0][1]

    @pytest.mark.parametrize(
        "text, named",
        [
            (
                "Which direction offers the largest average if we put aside the EU flagship?",
                "intl-1.4",
            ),
            ("欧盟旗舰放一边，哪个方向平均资助最高？", "intl-1.4"),
            ("歐盟旗艦放一邊，邊個方向平均資助最高？", "intl-1.4"),
        ],
    )
    def test_which_with_a_superlative_is_not_the_named_figure(
        self, engine: Engine, text: str, named: str
    ) -> None:
        """ "Which … the highest" asks a ranking: the figure of the one direction named beside
        it (to leave out) would be a confident answer to another question."""
        reply = ask(engine, text)
        assert reply["intent"] in ("rank", "unknown"), reply["text"]
        if reply["intent"] == "unknown":
            assert reply["query"]["readings"][0][0] == "rank"

    @pytest.mark.parametrize(
        "text, programs",
        [
            ("请问中德项目的资助领域是什么？我们研究中心很感兴趣。", ["intl-1.8"]),
            ("中芬項目有幾多錢？我哋係研究中心。", ["intl-1.6"]),
            ("How much for Austria? Our colleague is in Itly.", ["intl-1.7"]),
        ],
    )
    def test_a_name_written_out_wins_over_a_sound_alike(
        self, engine: Engine, text: str, programs: list[str]
    ) -> None:
        """中心 sounds like 中西 and Itly is spelt like Italy: the partner written out is the
        one asked about."""
        assert ask(engine, text)["programs"] == programs

    @pytest.mark.parametrize(
        "text",
        [
            "政府间方向里总经费超过5000万的有哪些？",
            "政府間方向裡總經費超過5000萬的有哪些？",
            "Which intergovernmental directions have a total above CNY 50 million?",
        ],
    )
    def test_the_call_named_restricts_a_filter(self, engine: Engine, text: str) -> None:
        """政府间方向 names the intergovernmental call: the Macao direction is not among them."""
        reply = ask(engine, text)
        assert reply["programs"] and all(p.startswith("intl-") for p in reply["programs"])

    @pytest.mark.parametrize(
        "text",
        [
            "政府间专项里项目数最少的方向是哪个？",
            "政府間專項裡面邊個方向經費最少？",
            "Which intergovernmental direction has the fewest projects?",
        ],
    )
    def test_a_ranking_within_the_call_named(self, engine: Engine, text: str) -> None:
        reply = ask(engine, text)
        assert reply["intent"] == "rank"
        assert reply["programs"] and all(p.startswith("intl-") for p in reply["programs"])

    @pytest.mark.parametrize(
        "text", ["港澳台项目里哪个方向经费最多？", "Which HMT direction has the largest budget?"]
    )
    def test_which_in_a_call_of_one_direction_is_answered(self, engine: Engine, text: str) -> None:
        """A call of one direction answers "which … the most" by itself: not "not sure"."""
        assert ask(engine, text)["intent"] != "unknown"

    @pytest.mark.parametrize(
        "text, intent",
        [
            (
                "Our partner is funded by Horizon Europe; what fields does the EU flagship cover?",
                "fields",
            ),
            ("我们实验室设备很齐全，想问中德方向总经费多少？", "budget"),
            ("我們的上一個計畫延期過，想問意大利方向支持幾個項目？", "count"),
        ],
    )
    def test_an_aspect_in_a_sentence_of_context_is_not_asked(
        self, engine: Engine, text: str, intent: str
    ) -> None:
        assert ask(engine, text)["intent"] == intent

    @pytest.mark.parametrize(
        "text, programs",
        [
            ("We extended our last project twice. What is the Finland budget?", ["intl-1.6"]),
            ("我们上个项目延期了两倍时间。芬兰方向经费多少？", ["intl-1.6"]),
            ("我哋上個項目做咗兩倍時間。芬蘭方向經費幾多？", ["intl-1.6"]),
        ],
    )
    def test_a_factor_in_context_is_no_threshold(
        self, engine: Engine, text: str, programs: list[str]
    ) -> None:
        reply = ask(engine, text)
        assert reply["intent"] == "budget" and reply["programs"] == programs


class TestPaths:
    """One answer path: a button (``ask_about``) runs a Query through execute like a message."""

    @pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
    @pytest.mark.parametrize("intent", [L.BUDGET, L.COUNT, L.AVERAGE, L.DETAIL, L.FIELDS])
    def test_a_button_runs_a_query(self, knowledge, intent, lang):
        d = knowledge.directions[0]
        reply = Engine(knowledge).ask_about(intent, [d.id], "b", lang)
        assert reply.query is not None and reply.query["op"] == "show"
        assert reply.query["intent"] == intent and reply.query["groups"] == [[d.id]]
        assert "asked_about" in reply.rules

    @pytest.mark.parametrize(
        ("follow_up", "lang"),
        [("它的经费呢", "zh-Hans"), ("佢有幾多個項目", "zh-Hant"), ("and its budget?", "en")],
    )
    def test_a_message_after_a_button_reads_its_direction(self, knowledge, follow_up, lang):
        d = knowledge.directions[1]
        engine = Engine(knowledge)
        engine.ask_about(L.DETAIL, [d.id], "b", lang)
        assert engine.ask(follow_up, "b").programs == [d.id]

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("中德方向的经费是多少", "zh-Hans"),
            ("中德方向嘅經費係幾多", "zh-Hant"),
            ("budget of Germany?", "en"),
        ],
    )
    def test_a_button_answers_as_the_same_question_typed(self, knowledge, text, lang):
        """Same Query, same execute: the budget button and the typed question agree."""
        typed = Engine(knowledge).ask(text, "t")
        assert typed.intent == L.BUDGET and typed.programs == ["intl-1.8"]
        pressed = Engine(knowledge).ask_about(L.BUDGET, ["intl-1.8"], "b", typed.lang)
        assert pressed.html == typed.html and typed.lang == lang


class TestEveryAfterOne:
    """Found by the Telegram audit: "every direction" words lost to the last turn's direction."""

    @pytest.mark.parametrize(
        ("first", "then"),
        [
            ("德国多少钱", "每个方向的领域"),
            ("德國經費多少？", "各計畫的資助領域呢？"),
            ("Germany budget?", "and the fields of every direction?"),
        ],
    )
    def test_every_direction_after_one(self, engine, first, then):
        reply = ask(engine, first, then)
        assert reply["intent"] == "fields" and len(reply["programs"]) >= 15

    def test_a_pronoun_still_follows_the_last_direction(self, engine):
        assert ask(engine, "德国多少钱", "它的领域呢")["programs"] == ["intl-1.8"]
