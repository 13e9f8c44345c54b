"""One query per question: the Query built for each compound kind, and its execution, in
Simplified Chinese, Traditional Chinese (Hong Kong and Taiwan wording) and English."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot import operations as O
from bot import vocab as V
from bot.engine import Engine
from tests.asking import ask_on, expect


def ask(engine: Engine, *turns: str) -> dict:
    """Every question of a test goes on with one conversation."""
    return ask_on(engine, "t", *turns)


def rule(reply: dict) -> str:
    return reply["rules"][-1]


# -- the query travels with every reply ---------------------------------------------------------


def test_every_reply_carries_its_query_and_rules(engine):
    for text in ("芬兰的经费是多少？", "你好", "今天天气如何？", "Which programmes fund AI?"):
        reply = engine.ask(text).to_json()
        # the understanding's rules (bot/decisions.py), then "understood", then the query's
        assert "understood" in reply["rules"] and reply["rules"][0] != "understood"
        assert reply["query"]["intent"] == reply["intent"]
        json.dumps(reply, ensure_ascii=False)  # serialisable as it is


def test_a_plain_question_is_the_understanding_unchanged(engine):
    reply = ask(engine, "芬兰的经费是多少？")
    assert reply["rules"] == ["asked_intent", "understood"]
    assert reply["query"]["op"] == "show"
    assert reply["query"]["groups"] == [["intl-1.6"]]


# -- several measures of the same direction(s) ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "programs", "has"),
    [
        ("Spain: total, number of projects and fields please", "en", ["intl-1.3"], "60 million"),
        ("中国和以色列政府间联合研究项目的经费、项目数量和研究领域分别是什么？", "zh-Hans",
         ["intl-1.9"], "海水淡化"),
        ("我哋係浸大科研處，想問中國同意大利政府間科技合作項目總經費、資助幾多個項目同埋平均每個"
         "幾多錢？", "zh-Hant", ["intl-1.2"], "2000萬元"),
        ("麻烦告知中西项目：1）国拨总经费；2）最多支持的项目数；3）平均每个项目资助额度；"
         "4）资助的领域方向。", "zh-Hans", ["intl-1.3"], "不超过20个"),
        ("德国和芬兰两个方向的总经费和项目数分别是多少？", "zh-Hans", ["intl-1.6", "intl-1.8"],
         "6000万元"),
    ],
)  # fmt: skip
def test_several_measures_give_the_card(engine, text, lang, programs, has):
    reply = ask(engine, text)
    assert (reply["intent"], reply["lang"]) == ("detail", lang)
    assert sorted(reply["programs"]) == programs
    assert has in reply["text"]
    assert rule(reply) == "several_measures"
    assert len(reply["query"]["measures"]) >= 2


def test_one_measure_stays_one_measure(engine):
    assert ask(engine, "阿根廷项目每个平均多少钱？")["intent"] == "average"
    assert ask(engine, "How many projects will the EU-China general joint funding mechanism "
               "support?")["intent"] == "count"  # fmt: skip


# -- arithmetic on the previous answer ------------------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (["意大利多少钱", "以色列呢", "一共多少"], "budget", ["intl-1.2", "intl-1.9"], "4000万元"),
        (["奧地利產學研合作項目有幾多錢？", "德國呢？", "加埋一齊幾多？"], "budget",
         ["intl-1.7", "intl-1.8"], "3000萬元"),
        (["How much is the Spain budget?", "and Finland?", "and Russia?",
          "total for the three?"], "budget", ["intl-1.3", "intl-1.6", "intl-2.5"],
         "CNY 180 million"),
        (["中俄项目最多支持多少个项目？", "中西项目呢？", "两者合计呢？"], "count",
         ["intl-1.3", "intl-2.5"], "不超过40个"),
        (["How many projects for Germany?", "And Austria?", "And Argentina?",
          "How many in total?"], "count", ["intl-1.7", "intl-1.8", "intl-2.4"], "13"),
    ],
)  # fmt: skip
def test_sum_over_the_previous_turns(engine, turns, intent, programs, has):
    reply = expect(ask(engine, *turns), intent, programs, [has])
    assert rule(reply) == "arithmetic_on_previous"
    assert reply["query"]["op"] == "sum" and reply["query"]["source"] == "previous"


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (["德国项目数是多少", "芬兰呢", "芬兰是德国的几倍"], ["intl-1.6", "intl-1.8"], "3倍"),
        (["Average grant per project for Finland?", "and for Austria?",
          "how many times is Finlands average compared to Austrias?"], ["intl-1.6", "intl-1.7"],
         "1.6 times"),
        (["中德项目总经费是多少", "中以呢", "哪个多"], ["intl-1.8", "intl-1.9"], "2000万元"),
        (["中國和芬蘭政府間科技合作計畫總經費？", "中國和西班牙呢？", "兩者是否相同？"],
         ["intl-1.3", "intl-1.6"], "相同"),
        (["Budget for the Mainland–Macao joint funding?", "and the China–Europe joint "
          "laboratory direction?", "are they equal?"], ["hmt-1.1", "intl-1.1"], "same"),
        (["韩国能源技术联合研究项目平均资助强度是多少？", "那奥地利产学研呢？", "相差多少万？"],
         ["intl-1.7", "intl-2.1"], "500万元"),
        (["How many projects does Spain fund at most?", "and Italy?",
          "how many more for Spain?"], ["intl-1.2", "intl-1.3"], "10 projects"),
    ],
)  # fmt: skip
def test_compare_the_previous_turns(engine, turns, programs, has):
    reply = expect(ask(engine, *turns), "compare", programs, [has])
    assert reply["query"]["op"] == "compare"


def test_arithmetic_on_named_directions(engine):
    reply = ask(engine, "total budget finland + germany + austria?")
    assert (reply["intent"], reply["query"]["op"]) == ("budget", "sum")
    assert "CNY 90 million" in reply["text"]
    reply = expect(ask(engine, "芬兰平均每项是阿根廷的几倍？"), "compare", has=["8倍"])
    expect(ask(engine, "以色列同意大利加埋資助幾多個項目？"), "count", has=["20個"])


def test_sum_of_the_directions_just_listed(engine):
    reply = expect(
        ask(engine, "总经费低于2000万的方向有哪些", "它们加起来多少"), "budget", has=["3600万元"]
    )
    assert len(reply["programs"]) == 5
    reply = ask(engine, "平均资助第三高的是哪个？", "它们的项目数加起来是多少")
    assert reply["intent"] == "count" and sorted(reply["programs"]) == ["intl-1.6", "intl-1.8"]


# -- ordinals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "programs", "has"),
    [
        (["总经费第四少的方向是哪个？"], ["intl-1.7"], "1000万元"),
        (["總經費倒數第五嘅方向係邊個？"], ["intl-2.1"], "1500萬元"),
        (["項目數第三少嘅係邊個方向？"], ["intl-1.7", "intl-2.4"], "4個"),  # ties share a place
        (["Which direction has the third highest average funding per project?"],
         ["intl-1.6", "intl-1.8"], "CNY 4 million"),
        (["Which direction has the smallest budget?", "and the fourth smallest?"], ["intl-1.7"],
         "CNY 10 million"),
        (["總經費最多嘅係邊個？", "第二呢？"], ["intl-1.3", "intl-1.6", "intl-2.5"], "6000萬元"),
    ],
)  # fmt: skip
def test_ordinals(engine, turns, programs, has):
    reply = expect(ask(engine, *turns), "rank", programs, [has])
    assert reply["query"]["op"] == "nth" and rule(reply) == "ordinal_position"


def test_an_ordinal_of_a_thing_is_not_a_rank(engine):
    assert O.ordinal(O.folded("欧盟旗舰第二个领域")) is None
    assert O.ordinal(O.folded("how many projects in the second field?")) is None


# -- filters and ranges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "programs", "has"),
    [
        ("總經費少過1000萬嘅方向有邊啲？", ["intl-2.0", "intl-2.3", "intl-2.4"], "600萬元"),
        ("which programmes fund between 10 and 20 projects (inclusive)? not counting the Macao "
         "one", ["intl-1.1", "intl-1.2", "intl-1.3", "intl-1.5", "intl-1.6", "intl-1.9",
                 "intl-2.2", "intl-2.5"], "up to 20"),
        ("邊幾個方向嘅平均資助啱啱好係300萬？", ["intl-1.1", "intl-1.3", "intl-1.5", "intl-2.3",
                                              "intl-2.5"], "300萬元"),
        ("平均资助高于300万但低于1000万的方向", ["intl-1.6", "intl-1.8", "intl-2.1"], "750万元"),
        ("资助项目数在10个以上（不含10个）的方向有哪些？", ["hmt-1.1", "intl-1.3", "intl-1.6",
                                                   "intl-2.2", "intl-2.5"], "20"),
        ("政府间专项里，总经费不低于3000万的方向有哪些？", ["intl-1.1", "intl-1.3", "intl-1.4",
                                                     "intl-1.5", "intl-1.6", "intl-2.2",
                                                     "intl-2.5"], "6000万元"),
        ("除咗西班牙同俄羅斯，總經費6000萬嘅仲有邊個？", ["intl-1.6"], "6000萬元"),
    ],
)  # fmt: skip
def test_filters_and_ranges(engine, text, programs, has):
    reply = expect(ask(engine, text), "rank", programs, [has])
    assert reply["query"]["op"] == "filter" and reply["query"]["bounds"]


def test_a_filter_with_a_sum_adds_the_qualifying_directions(engine):
    expect(
        ask(engine, "總經費少過1000萬嘅方向加埋幾多錢？"),
        "budget",
        ["intl-2.0", "intl-2.3", "intl-2.4"],
        ["1100萬元"],
    )


def test_ranges_are_read_with_their_units():
    r = O.find_range(
        O.folded("Which directions have a total budget between CNY 10 and 20 million")
    )
    assert r is not None and [(b.op, b.value) for b in r.bounds] == [(">=", 1000), ("<=", 2000)]
    r = O.find_range(O.folded("平均资助在200万到400万之间（不含200和400）"))
    assert r is not None and [b.op for b in r.bounds] == [">", "<"]
    assert O.find_range(O.folded("以上三个方向")) is None


# -- both calls ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "has"),
    [
        ("政府间专项和港澳台项目的国拨经费一共是多少？", "budget", "5.26亿元"),
        ("請問政府間專項和港澳台專項合計共支持多少個項目？", "count", "153"),
        ("整个申报须知里所有方向合计多少经费", "budget", "52600万元"),
        ("政府间专项总经费比港澳台项目多多少？", "compare", "46600万元"),
    ],
)
def test_both_calls_together(engine, text, intent, has):
    reply = expect(ask(engine, text), intent, [], [has])
    assert rule(reply) == "both_calls"


def test_both_calls_in_english(engine):
    expect(
        ask(engine, "What is the whole notice total, both calls combined?"),
        "budget",
        has=["CNY 526 million"],
    )


# -- aspects the notice does not give -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "has"),
    [
        ("中奥项目的中标率高吗", "zh-Hans", "中标率"),
        ("我哋同首爾大學有合作，想問中韓聯合研究嘅中標率大概幾多？", "zh-Hant", "中標率"),
        ("Austria budget for 2024?", "en", "2024"),
        ("What was the Argentina budget in 2022?", "en", "2022"),
        ("中俄项目国拨经费可以用于支付俄方人员劳务费吗？", "zh-Hans", "列支"),
        (
            "hi, germany program - need german partner co-funding or matching fund? thx",
            "en",
            "matching",
        ),
    ],
)
def test_missing_aspect_next_to_a_partner(engine, text, lang, has):
    reply = ask(engine, text)
    assert (reply["intent"], reply["lang"]) == ("unknown", lang)
    assert has in reply["text"]
    assert rule(reply) == "missing_aspect"
    assert "2000万" not in reply["text"] and "CNY 10 million" not in reply["text"]


def test_context_with_a_year_is_not_the_question(engine):
    reply = ask(
        engine, "我们课题组去年报了德国的没中，今年想换以色列试试。以色列平均一个项目给多少？"
    )
    assert reply["intent"] == "average" and reply["programs"] == ["intl-1.9"]


def test_a_missing_aspect_is_said_first_and_the_answerable_part_labelled(engine):
    # issue 8 step 4: the reply says what is missing first (intent unknown), then the related
    # figure the notice does give, labelled as such
    reply = ask(engine, "韩国能源技术那个方向一共多少钱？顺便问下什么时候截止")
    assert reply["intent"] == "unknown" and reply["programs"] == ["intl-2.1"]
    missing, related = reply["text"].split("通知给出的相关数字：")
    assert "截止" in missing and "1500万元" in related and "截止" not in related


# -- several partners, one asked about ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "programs"),
    [
        ("意大利的我们已经看过了，现在想问问以色列那个方向支持几个项目", "count", ["intl-1.9"]),
        ("We have partners in both Spain and Italy but decided to go with the Italian side. "
         "What's the average funding per project for Italy?", "average", ["intl-1.2"]),
        ("我哋同以色列同西班牙都有合作，今次諗住申請西班牙嗰個方向，佢資助邊啲領域？", "fields",
         ["intl-1.3"]),
    ],
)  # fmt: skip
def test_the_asking_clause_picks_the_partner(engine, text, intent, programs):
    reply = ask(engine, text)
    assert (reply["intent"], reply["programs"]) == (intent, programs)
    assert rule(reply) == "question_clause"


# -- the vocabulary file --------------------------------------------------------------------------


def test_vocabulary_errors_name_file_and_line(tmp_path: Path):
    """operations.yaml is checked by the one vocabulary loader (bot/vocab.py)."""
    folder = tmp_path / "data"
    shutil.copytree(Path(V.__file__).parent / "data", folder)
    path = folder / "operations.yaml"
    text = path.read_text(encoding="utf-8")
    bad = text.replace("    - '周期|期限", "    - '周期(|期限", 1)
    path.write_text(bad, encoding="utf-8")
    line = bad.splitlines().index(next(s for s in bad.splitlines() if "周期(|期限" in s)) + 1
    with pytest.raises(V.VocabError, match=rf"operations.yaml:{line}: measures.period"):
        V.load_vocabulary(folder, cache=False)
    path.write_text("measures: {}\n", encoding="utf-8")
    with pytest.raises(V.VocabError, match=r"operations\.yaml:1"):
        V.load_vocabulary(folder, cache=False)
    # an entry of the old place of missing aspects says where they live now
    path.write_text(text + "missing_aspects: []\n", encoding="utf-8")
    with pytest.raises(
        V.VocabError, match=r"operations\.yaml:\d+: missing_aspects: .*out_of_scope"
    ):
        V.load_vocabulary(folder, cache=False)


def test_vocabulary_ships_in_the_package():
    import tomllib

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "data/*.yaml" in config["tool"]["setuptools"]["package-data"]["bot"]


# -- smaller decisions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "您好，初次使用，請問這個機器人可以提供哪些服務？",
        "你好呀，我係港大土木系博士後，第一次用，想問下呢個bot可以幫我查啲咩？",
        "Hello! What can you do?",
    ],
)
def test_what_can_you_do_is_help(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "help" and rule(reply) == "what_can_you_do"


@pytest.mark.parametrize(
    ("text", "intent", "programs", "has"),
    [
        ("经费最少的三个方向总共多少钱？", "budget", ["intl-2.0", "intl-2.3", "intl-2.4"],
         "1100万元"),
        ("經費最多嘅兩個方向係邊啲？", "rank", ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"],
         "13000萬元"),
        ("top 3 directions by number of projects?", "rank", ["intl-1.3", "intl-1.6", "intl-2.2",
                                                             "intl-2.5", "hmt-1.1"], "20"),
    ],
)  # fmt: skip
def test_the_first_n_of_a_ranking(engine, text, intent, programs, has):
    reply = expect(ask(engine, text), intent, programs, [has])
    assert rule(reply) == "top_of_ranking"


def test_a_ranking_among_the_directions_just_listed(engine):
    reply = ask(
        engine,
        "directions with total above CNY 50 million?",
        "which of them funds the most projects?",
    )
    assert reply["intent"] == "rank" and rule(reply) == "rank_of_previous"
    assert reply["query"]["restrict"] == ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"]
    assert "20" in reply["text"]


def test_the_limit_of_one_named_direction_is_not_a_ranking(engine):
    reply = ask(
        engine,
        "我哋係理大智慧城市研究中心，合作夥伴喺巴塞隆拿。想問西班牙嗰個方向最多資助幾多個項目？",
    )
    assert (reply["intent"], reply["programs"]) == ("count", ["intl-1.3"])
    # the research centre's name holds the topic word: left aside before the query is built
    assert rule(reply) == "limit_not_ranking" or "topic_in_asker_institution" in reply["rules"]


def test_one_of_the_directions_just_listed(engine):
    reply = ask(engine, "以色列和阿根廷分别支持几个项目？", "第二个平均每项多少钱")
    assert (reply["intent"], reply["programs"]) == ("average", ["intl-2.4"])
    assert rule(reply) == "one_of_previous"


def test_a_measure_asked_plainly_beats_a_topic_in_a_name(engine):
    reply = ask(
        engine,
        "您好，我是吉林大学的，学校和首尔国立大学在生物技术方面有合作。请问中国和韩国政府间联合研究"
        "项目（非能源技术类）总经费是多少？",
    )
    assert (reply["intent"], reply["programs"]) == ("budget", ["intl-2.0"])
    expect(ask(engine, "請問中芬計畫補助件數上限是多少？"), "count", has=["15"])


def test_the_chain_of_a_conversation_resets_when_the_measure_changes(engine):
    # Finland's budget, then Germany's count: "how many in total" adds nothing it cannot
    reply = ask(engine, "芬兰经费多少", "德国支持几个项目", "一共几个")
    assert reply["programs"] == ["intl-1.8"]


def test_greetings_and_thanks_do_not_change_a_compound_answer(engine):
    plain = ask(engine, "中德项目总经费是多少", "中以呢", "哪个多")
    engine.contexts.forget("t")
    wrapped = ask(engine, "中德项目总经费是多少", "中以呢", "老师您好！哪个多？谢谢！")
    assert (plain["intent"], plain["programs"]) == (wrapped["intent"], wrapped["programs"])
    engine.contexts.forget("t")
    wrapped = ask(
        engine,
        "What is the average funding per project for the China–Israel call?",
        "And for Germany?",
        "Hi there! How much more per project does Germany give? Thanks a lot!",
    )
    assert wrapped["intent"] == "compare" and "CNY 2 million" in wrapped["text"]


# -- issue 8, realistic messages: the rules added for fc3/fc4 ---------------------------------


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        (
            ("西班牙方向支持多少项目？", "俄罗斯呢？", "改问经费，这两个方向总经费分别多少？"),
            "budget",
            ["intl-1.3", "intl-2.5"],
            ["6000万元"],
        ),
        (
            (
                "How many projects does Italy fund?",
                "What about Israel?",
                "And the budget of each?",
            ),
            "budget",
            ["intl-1.2", "intl-1.9"],
            ["CNY 20 million"],
        ),
        (("意大利项目数", "奥地利呢", "德国呢", "这三个按项目数排个序"), "rank", None, ["10个"]),
        (("israel avg?", "argentina avg?", "korea energy avg?", "rank these 3"), "rank", None, []),
    ],
)
def test_a_measure_or_an_order_of_the_directions_just_talked_about(
    engine, turns, intent, programs, has
):
    reply = ask(engine, *turns)
    assert reply["intent"] == intent and rule(reply) == "measure_of_previous"
    if programs:
        assert sorted(reply["programs"]) == programs
    else:
        assert len(reply["programs"]) == 3  # a ranking of those three only
    assert all(h in reply["text"] for h in has)


def test_the_sum_after_each_is_over_both(engine):
    reply = ask(
        engine,
        "請問中西計畫的總經費？",
        "中俄計畫呢？",
        "那兩個計畫的補助件數各是多少？",
        "加起來最多幾件？",
    )
    assert reply["intent"] == "count" and "40" in reply["text"]


def test_the_largest_against_the_smallest(engine):
    reply = ask(engine, "总经费最大的方向是最小方向的多少倍？")
    assert rule(reply) == "extremes_compared"
    assert sorted(reply["programs"]) == ["intl-1.4", "intl-2.4"] and "65" in reply["text"]


def test_a_filter_on_two_measures(engine):
    reply = ask(
        engine,
        "Our client wants more than 12 projects funded and an average of at least CNY 3 million."
        " Which directions meet both conditions?",
    )
    assert sorted(reply["programs"]) == ["intl-1.3", "intl-1.6", "intl-2.5"]
    assert reply["query"]["also"] == [["average", ">=", 300.0]]


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("请问政府间专项和港澳台专项（内地与澳门联合资助）两部分合计拟支持多少个项目？",), "153"),
        (("这次政府间专项国拨经费总概算是多少？", "那加上港澳台专项呢？"), "5.26亿元"),
    ],
)
def test_both_calls_named_through_a_call_of_one_direction(engine, turns, has):
    reply = ask(engine, *turns)
    assert reply["query"]["op"] == "sum_calls" and has in reply["text"]


def test_a_superlative_among_named_directions_compares_them(engine):
    reply = ask(
        engine,
        "Between Finland, Germany and Austria, which one has the highest average per project?",
    )
    assert reply["intent"] == "compare" and rule(reply) == "rank_among_named"
    assert sorted(reply["programs"]) == ["intl-1.6", "intl-1.7", "intl-1.8"]


@pytest.mark.parametrize(
    "text",
    [
        # who may join ("臺灣的大學可以參與…嗎", "Can researchers from Taiwan join…") is now named
        # as missing (participants, tests/test_query_fc11_unknown3.py)
        "請問中西計畫適合我們大學申請嗎？",
        "Is the China–Finland call a good fit for our lab?",
    ],
)
def test_a_yes_no_question_the_card_does_not_answer_is_not_sure(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "unknown" and rule(reply) == "yes_no_beside_a_card"
    assert reply["text"].startswith(("我不太", "I am not sure"))
    assert reply["query"]["readings"]  # the likely readings are offered


def test_a_prerequisite_asked_is_named_as_missing(engine):
    """A prerequisite for applying is an eligibility condition the notice does not give: said
    so by name rather than "not sure"."""
    reply = ask(engine, "联合实验室方向要求已经有挂牌的联合实验室吗？")
    assert reply["intent"] == "unknown" and rule(reply) == "missing_aspect"
    assert reply["query"]["missing"] == ["eligibility"]


@pytest.mark.parametrize(
    "text", ["介绍一下芬兰方向", "Tell me about the Finland programme", "中德合作聚焦什么"]
)
def test_asking_for_a_card_is_answered(engine, text):
    assert ask(engine, text)["intent"] in ("detail", "fields")


def test_context_does_not_outrank_the_question(engine):
    reply = ask(
        engine,
        "Hello! I'm a science journalist with Caixin Global, working on a feature about China's "
        "intergovernmental research cooperation. Could you give me the big picture of the 2023 "
        "call – how many directions, how much money in total and roughly how many projects?",
    )
    assert reply["intent"] == "overview" and "496" in reply["text"]
    reply = ask(
        engine,
        "Hello, I am professor of oceanography in University of Macau. Which programs is "
        "support ocean research?",
    )
    assert reply["intent"] == "topic"
    assert sorted(reply["programs"]) == ["hmt-1.1", "intl-2.2", "intl-2.5"]


def test_a_field_of_the_direction_just_talked_about(engine):
    reply = ask(engine, "欧盟旗舰项目一共支持几个？", "气候变化和生物多样性那个领域呢？")
    assert reply["intent"] == "count" and reply["programs"] == ["intl-1.4"]
    assert "不超过4个" in reply["text"]


def test_the_period_asked_alone(engine):
    assert ask(engine, "how many yrs per project")["intent"] == "period"


def test_a_follow_up_naming_a_direction_keeps_the_measure(engine):
    reply = ask(
        engine,
        "Average per project for Spain?",
        "and for the EU co-funding mechanism general projects?",
        "same or different?",
    )
    assert reply["intent"] == "compare"
    assert sorted(reply["programs"]) == ["intl-1.3", "intl-1.5"]


@pytest.mark.parametrize(
    "text",
    [
        "总经费是中德项目两倍以上的方向有哪些？",
        "Which directions have at least twice the budget of Germany?",
    ],
)
def test_a_threshold_relative_to_a_named_direction(engine, text):
    reply = ask(engine, text)
    assert rule(reply) == "relative_filter" and reply["query"]["bounds"] == [[">=", 4000.0]]
    assert sorted(reply["programs"]) == ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"]


def test_the_readings_of_a_not_sure_reply_are_buttons(engine):
    reply = engine.ask("Is the China–Finland call a good fit for our lab?", "btn")
    assert reply.intent == "unknown" and reply.programs == [] and reply.confidence < 0.5
    assert [(s.intent, s.programs) for s in reply.suggestions] == [("detail", ("intl-1.6",))]
    assert all(0 < len(s.label) <= 64 for s in reply.suggestions)


@pytest.mark.parametrize(
    "text", ["两个加起来多少", "rank them please", "它的经费呢", "its budget?"]
)
def test_a_follow_up_with_no_previous_turn_is_not_sure(engine, text):
    reply = engine.ask(text, "fresh").to_json()
    assert reply["intent"] == "unknown" and rule(reply) == "follow_up_without_previous"
    assert reply["text"].startswith(("我不太确定您指的是", "I am not sure which direction"))


def test_a_message_naming_its_own_referent_is_answered(engine):
    reply = engine.ask("經費最多嘅方向係邊個？佢有幾多錢？", "fresh2").to_json()
    assert reply["intent"] == "rank" and "intl-1.4" in reply["programs"]


def test_the_number_of_directions_of_both_calls(engine):
    expect(
        ask(engine, "政府间专项和港澳台专项，两个加起来一共设了多少个指南方向？"),
        "overview",
        has=["合计：16个指南方向"],
    )


def test_a_topic_checked_beside_a_figure_gives_the_card(engine):
    reply = ask(
        engine,
        "Dear colleagues, I am professor at University of Cape Town. The South Africa flagship "
        "is about hydrogen only? And how much money it has?",
    )
    assert reply["intent"] == "detail" and reply["programs"] == ["intl-2.3"]
    assert "hydrogen" in reply["text"].lower() and "3 million" in reply["text"]


def test_the_two_directions_of_a_partner_added_up(engine):
    reply = ask(
        engine,
        "What is the total budget of the two EU directions combined (the flagship programme and "
        "the co-funding mechanism general projects)?",
    )
    assert sorted(reply["programs"]) == ["intl-1.4", "intl-1.5"]
    assert "160 million" in reply["text"]


# -- fc5 kinds (i8-tune2) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "aspect"),
    [
        (("what is the maximum age of the PI for the Macao joint funding?",), "eligibility"),
        (("Does the Argentina call require co-financing from CONICET?",), "matching_funds"),
        (
            ("Our partner wants to know if the Argentina call require co-financing",),
            "matching_funds",
        ),
    ],
)
def test_an_aspect_the_notice_lacks_beside_a_partner_is_named(engine, turns, aspect):
    reply = ask(engine, *turns)
    assert reply["intent"] == "unknown" and aspect in reply["query"]["missing"]


@pytest.mark.parametrize(
    "turns",
    [("俄罗斯", "那白俄罗斯呢"), ("白俄羅斯有冇方向？",), ("Russia budget?", "and Belarus?")],
)
def test_a_longer_place_name_is_not_the_partner_inside_it(engine, turns):
    reply = ask(engine, *turns)
    assert reply["intent"] == "unknown" and reply["programs"] == []
    assert "6000" not in reply["text"] and "60 million" not in reply["text"]


@pytest.mark.parametrize(
    ("text", "programs", "has"),
    [
        (
            "Not interested in the Spain one. Which other directions include smart cities?",
            ["intl-1.1"],
            "smart cities",
        ),
        ("不考虑西班牙，还有哪些方向支持智慧城市？", ["intl-1.1"], "智慧城市"),
    ],
)
def test_not_interested_in_excludes(engine, text, programs, has):
    reply = ask(engine, text)
    assert reply["intent"] == "topic" and reply["programs"] == programs and has in reply["text"]


@pytest.mark.parametrize(
    ("text", "intent", "left_out", "has"),
    [
        ("除了欧盟旗舰，政府间专项其他方向加起来一共多少钱？", "budget", "intl-1.4", "36600万元"),
        ("除了俄罗斯，其他方向一共支持多少个项目", "count", "intl-2.5", "合计"),
        (
            "Apart from Russia, how much do all the other directions fund in total?",
            "budget",
            "intl-2.5",
            "CNY 466 million",
        ),
    ],
)
def test_a_sum_over_all_but_the_excluded(engine, text, intent, left_out, has):
    reply = ask(engine, text)
    assert reply["intent"] == intent and rule(reply) == "sum_of_the_rest"
    assert left_out not in reply["programs"] and len(reply["programs"]) >= 13
    assert has in reply["text"]


def test_an_excluded_other_call_leaves_the_named_call_whole(engine):
    reply = ask(engine, "除了澳门那个，政府间专项一共多少个项目、多少钱")
    assert "sum_of_the_rest" not in reply["rules"] and "49600" in reply["text"]


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        (
            "Which direction funds the fewest projects, and which the second fewest?",
            ["intl-2.1", "intl-2.3"],
        ),
        ("项目数最少的是哪个？第二少的呢？", ["intl-2.1", "intl-2.3"]),
    ],
)
def test_the_first_and_the_second_are_the_first_two(engine, text, programs):
    reply = ask(engine, text)
    assert reply["intent"] == "rank" and sorted(reply["programs"]) == programs


@pytest.mark.parametrize(
    ("text", "has"),
    [
        (
            'Fwd from Prof. Zhang: "Could you find out how much the China-Spain direction '
            'provides in total, the maximum number of projects, and the average per project?"',
            ["60 million", "20", "3 million"],
        ),
        ("本校教師想申請中國與俄羅斯合作計畫，請問經費總額與執行期間各為何？", ["6000", "2~3"]),
        (
            "Our institute asks: is water technology funded in the Israel call and what is the "
            "avrage amount?",
            ["2 million", "water"],
        ),
    ],
)
def test_several_measures_behind_a_preamble_give_the_card(engine, text, has):
    reply = ask(engine, text)
    assert reply["intent"] == "detail"
    assert all(h in reply["text"] for h in has), reply["text"]


def test_a_comparison_compares_the_measure_of_its_own_clause(engine):
    for text in (
        'FW: Question from Dr. Okafor — "Are the Israel and Italy budgets the same, and how many '
        'projects each?"',
        "以色列和意大利的经费一样吗？各支持几个项目？",
    ):
        reply = ask(engine, text)
        assert reply["intent"] == "compare" and reply["query"]["metric"] == "total"


def test_a_ratio_asked_after_a_difference(engine):
    reply = ask(engine, "德国多少钱", "芬兰呢", "差多少", "比例呢")
    assert reply["intent"] == "compare" and "ratio" in reply["query"]["asks"]
    assert "3倍" in reply["text"]


def test_more_projects_funded_asks_the_difference(engine):
    expect(ask(engine, "南非联合研究比阿根廷多支持几个项目"), "compare", has=["相差11个项目"])


@pytest.mark.parametrize(
    ("turns", "program", "has"),
    [
        (("奧地利嗰個做咩㗎？", "俄羅斯個方向呢？", "佢總共有幾多經費？"), "intl-2.5", "6000"),
        (("意大利支持什么领域", "以色列呢", "它一共多少钱"), "intl-1.9", "2000"),
    ],
)
def test_it_in_total_after_two_directions_is_the_last_one(engine, turns, program, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == "budget" and reply["programs"] == [program]
    assert has in reply["text"] and "合计" not in reply["text"]


def test_two_sums_asked_together_are_both_given(engine):
    reply = ask(engine, "中芬和中德两个方向一共能支持多少项目、总经费多少？")
    assert sorted(reply["programs"]) == ["intl-1.6", "intl-1.8"]
    assert "合计：不超过20个项目" in reply["text"] and "合计：8000万元" in reply["text"]


def test_the_number_of_directions_of_both_notices(engine):
    expect(
        ask(engine, "这两个通知（政府间+港澳台）合起来一共设了多少个指南方向？"),
        "overview",
        has=["16个指南方向"],
    )


def test_several_measures_asked_of_the_direction_in_talk(engine):
    reply = ask(
        engine,
        "敝處想了解，中國和德國政府間科技合作項目的補助領域是否限定氫能？",
        "了解，那核定件數與平均補助額度呢？",
    )
    assert reply["intent"] == "detail" and reply["programs"] == ["intl-1.8"]
    assert "5個項目" in reply["text"] and "400萬元" in reply["text"]


@pytest.mark.parametrize(
    ("turns", "program", "has"),
    [
        (
            ("Korea energy programme — budget?", "does it include hydrogen? and CCS?"),
            "intl-2.1",
            "hydrogen",
        ),
        (("中德多少钱", "支持氢能吗？"), "intl-1.8", "是的"),
    ],
)
def test_a_yes_no_about_a_field_after_one_direction_is_about_it(engine, turns, program, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == "fields" and reply["programs"] == [program]
    assert rule(reply) == "topic_of_previous" and has in reply["text"]


def test_which_directions_on_a_field_after_one_direction_lists_them_all(engine):
    reply = ask(engine, "中德多少钱", "哪些方向支持氢能？")
    assert reply["intent"] == "topic" and len(reply["programs"]) >= 3


def test_a_topic_of_the_asker_gives_way_to_the_topic_asked(engine):
    reply = ask(engine, "我们是做海洋生态的，想问下哪些方向涉及海洋？")
    assert reply["intent"] == "topic" and rule(reply) == "topic_of_asking_clause"
    assert sorted(reply["programs"]) == ["hmt-1.1", "intl-2.2", "intl-2.5"]


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (
            ("Macao call total?", "and the whole intergovernmental call?", "add them"),
            "526 million",
        ),
        (("澳门那个多少钱", "整个政府间专项呢", "加起来"), "52600万元"),
    ],
)
def test_a_call_after_a_call_then_added_up(engine, turns, has):
    reply = ask(engine, *turns[:2])
    assert reply["intent"] in ("budget", "overview") and "496" in reply["text"].replace(
        "4.96", "496"
    )
    reply = ask(engine, turns[2])
    assert reply["intent"] == "budget" and reply["query"]["op"] == "sum_calls"
    assert has in reply["text"]


def test_another_year_is_named_as_such(engine):
    expect(ask(engine, "中韩能源技术那个去年批了几个？"), "unknown", has=["往年"])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (
            (
                "How much is the EU flagship climate & biodiversity strand?",
                "and the food/agri one?",
                "together?",
            ),
            "130 million",
        ),
        (("欧盟旗舰的气候变化领域多少钱", "食品农业那个呢", "加起来"), "13000万元"),
    ],
)
def test_the_tracks_of_one_direction_added_up_are_its_total(engine, turns, has):
    reply = ask(engine, *turns)
    assert reply["intent"] == "budget" and reply["programs"] == ["intl-1.4"]
    assert rule(reply) == "arithmetic_on_previous" and has in reply["text"]
