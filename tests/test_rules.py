"""The understanding's decisions (bot/decisions.py), each with the messages that motivate it.

Every rule of the table has examples here: a conversation (the last turn is decided, the earlier
ones give it context), the intent it must end with, and the rule that must apply on the way.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot import decisions as D
from bot.entities import EntityIndex
from bot.understand import Understanding, read, understand

# rule -> [(turns, the understanding's intent)]
EXAMPLES: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "blank_message": [(("",), "help"), (("🙂",), "unknown"), (("???",), "unknown")],
    "help_command": [(("/start",), "help"), (("/help",), "help"), (("帮助",), "help")],
    "markers_narrow_last_turn": [
        (("韩国经费多少", "只看能源技术那个呢"), "budget"),
        (("南非项目数", "旗舰的呢"), "count"),
    ],
    "marker_names_direction": [(("能源技术那个联合研究总共给多少经费",), "budget")],
    "the_other_track": [
        (("欧盟旗舰领域一平均多少", "另一个领域呢"), "average"),
        (("EU flagship FAB track budget?", "and the other track?"), "budget"),
    ],
    "tracks_added_up": [
        (("欧盟旗舰CCB几个项目", "两个领域加起来最多几个"), "count"),
        (("EU flagship FAB track budget?", "both tracks together?"), "budget"),
    ],
    "measure_of_named_tracks": [
        (("欧盟旗舰FAB领域和CCB领域分别多少钱",), "budget"),
        (("歐盟旗艦FAB領域同CCB領域各有幾多錢",), "budget"),
    ],
    "named_and_its_partners_other": [
        (("南非旗舰和另一个南非方向一共多少钱？",), "budget"),
        (("韓國能源技術同另一個韓國方向加埋幾多錢？",), "budget"),
        (("Korea energy and the other Korean one, total budget?",), "budget"),
    ],
    "the_other_one": [
        (("韩国能源项目介绍一下", "另一个韩国项目呢"), "detail"),
        (("Korea energy programme average?", "what about the other Korean one?"), "average"),
        (("欧盟有几个方向", "不是旗舰那个，另一个多少钱"), "budget"),
        (("歐盟有幾個方向", "不是旗艦那個，另一個多少錢"), "budget"),
    ],
    "the_other_of_one_described": [
        (("韩国有两个方向，一个是能源，另一个方向的经费是多少？",), "budget"),
        (("South Africa has two; one of them is the flagship. Projects of the other?",), "count"),
    ],
    "partners_one_left": [
        (("韩国能源以外的那个方向有多少经费",), "budget"),
        (("南非旗艦以外嗰個方向有幾多個項目",), "count"),
    ],
    "place_said_of_a_partner": [
        (("Finland total?", "and Austria, also in Europe?"), "budget"),
        (("芬兰总经费", "奥地利呢，也在欧洲吧？"), "budget"),
    ],
    "partner_of_an_institution": [
        (("我们和德国的几所大学合作，准备申报中欧旗舰合作计划。请问它的总经费多少？",), "budget"),
        (
            ("We work with universities in Germany and apply to the China–EU flagship. Budget?",),
            "budget",
        ),
    ],
    "region_before_partner": [
        (("德国项目几个？", "那另一个欧洲国家意大利呢？"), "count"),
        (("Germany, how many projects?", "and the other European country Italy?"), "count"),
    ],
    "own_country_by_city": [
        (("I teach in Cape Town. Our country has how many projects in this call?",), "count"),
        (("My lab is at KAIST. What is the total budget for my country?",), "budget"),
    ],
    "ranking_without_the_top": [
        (("平均资助最高的是哪个方向", "除了它以外哪个最高"), "rank"),
        (("Which direction has the most projects?", "apart from that one?"), "rank"),
    ],
    "ranking_without_one": [
        (("哪个方向平均最高", "除了欧盟旗舰呢"), "rank"),
        (("Which direction has the most projects?", "and apart from Spain?"), "rank"),
    ],
    "filter_list_without_some": [
        (("哪些方向总经费低于1200万", "去掉阿根廷"), "budget"),
        (("Which directions average at least 4 million?", "apart from Finland?"), "average"),
    ],
    "topic_list_without_some": [
        (("哪些方向提到疫苗", "以色列的不算"), "topic"),
        (("Which directions cover hydrogen?", "apart from Germany?"), "topic"),
    ],
    "not_the_last_one": [
        (("南非旗舰多少钱", "非旗舰的那个呢"), "budget"),
        (("南非旗艦幾多錢", "唔係旗艦嗰個呢"), "budget"),
        (("南非平均多少", "非旗舰那个呢"), "average"),
    ],
    "which_of_them_more": [
        (("德国和芬兰那个平均多",), "compare"),
        (("芬兰和奥地利谁的项目多",), "compare"),
    ],
    "another_year": [
        (("How many projects were funded in 2022?",), "unknown"),
        (("2024年度指南什么时候发布",), "unknown"),
    ],
    "out_of_scope_beside_question": [
        (("韩国能源技术那个方向一共多少钱？顺便问下什么时候截止",), "budget"),
        (("俄羅斯方向有幾多錢？申請人有冇年齡限制㗎？",), "budget"),
    ],
    "out_of_scope": [
        (("申报截止日期？",), "unknown"),
        (("今天天气如何？",), "unknown"),
        (("讲个笑话",), "unknown"),
    ],
    "names_in_context_beside_place_asked": [
        (("我们和芬兰有合作。印度是合作国家吗？",), "unknown"),
        (("We work with a group in Finland. Is India one of the partners?",), "unknown"),
    ],
    "partners_beside_place_outside": [
        (("印度是合作国家吗？不是的话有哪些国家？",), "partners"),
        (("Is Canada one of the partners? Which countries are there?",), "partners"),
    ],
    "place_in_context": [
        (("我是印度来的博士后。哪些方向支持食品安全？",), "topic"),
        (("I am from Canada. Which directions cover hydrogen?",), "topic"),
    ],
    "partner_list_checked_for_a_region": [
        (("有哪些合作国家？想看看有没有非洲的。",), "partners"),
        (
            ("Which partner countries are there? I want to see if any are in Latin America.",),
            "partners",
        ),
    ],
    "place_beside_named": [
        (("德国和日本的经费分别是多少？",), "budget"),
        (("Budget of Germany and India?",), "budget"),
    ],
    "place_as_direction_of_call": [
        (("港澳台项目里，内地与台湾联合资助方向有几个项目？",), "unknown"),
        (("How much is the Hong Kong direction of the HMT call?",), "unknown"),
    ],
    "period_beside_context": [
        (("一个项目周期多久呀，我们要排博士生的经费",), "period"),
        (
            ("Please, how many years does a project last? We plan our PhD students' funding.",),
            "period",
        ),
    ],
    "place_as_direction_of_one_call": [
        (("港澳台项目有没有跟台湾合作的方向？",), "unknown"),
        (("Is there a direction with Hong Kong in the HMT call?",), "unknown"),
    ],
    "place_outside_call": [(("日本有合作项目吗",), "unknown"), (("法国的经费是多少",), "unknown")],
    "help_beside_context": [
        (("我们主要和德国、芬兰的高校合作。请问这个机器人能帮我们查些什么？",), "help"),
        (("We work with Israel on water. What can this bot tell me?",), "help"),
    ],
    "greeting": [
        (("你好",), "help"),
        (("Hello",), "help"),
        (("你识做啲乜",), "help"),
        (("多謝晒！你有咩可以幫到我？",), "help"),
    ],
    "follow_up_of_last_turn": [(("意大利经费", "平均呢"), "average")],
    "projects_word_alone": [
        (("德国经费多少", "那项目呢"), "count"),
        (("德國經費", "那項目呢"), "count"),
    ],
    "compare_with_previous": [
        (("西班牙经费", "跟芬兰比呢"), "compare"),
        (("Finland budget", "how does that compare with Germany?"), "compare"),
    ],
    "superlative_of_time": [
        (("Max project length in years?",), "period"),
        (("项目是不是最多三年",), "period"),
    ],
    "partners_directions_said_compared": [
        (("韩国有两个方向，一个是能源技术，一个是一般联合研究，哪个平均更高？",), "compare")
    ],
    "compare_one_partners_directions": [(("韩国两个项目对比一下",), "compare")],
    "these_two_from_history": [
        (("德国", "以色列呢", "这两个哪个平均高"), "compare"),
        (
            (
                "Spain average per project?",
                "And Finland?",
                "And Germany?",
                "Which of them is lowest?",
            ),
            "compare",
        ),
    ],
    "compare_with_earlier_turn": [
        (("俄罗斯立项数多少", "西班牙呢", "跟刚才那个比呢"), "compare"),
        (("Italy average?", "and Spain?", "compare with the previous one"), "compare"),
    ],
    "superlative_names_nothing": [
        (("支持项目最多的方向是哪个 我看好像是西班牙？",), "rank"),
        (("Top-funded direction by total - is it the EU flagship?",), "rank"),
    ],
    "place_in_asker_institution": [
        (("國立臺灣海洋大學：平均資助最高的是哪個方向？",), "rank"),
        (("Indian Institute of Technology here, which directions fund AI?",), "topic"),
    ],
    "topic_in_asker_institution": [
        (("天津工业大学科研院：总经费不低于3000万元的方向有哪些？",), "rank"),
        (("China Agricultural University: which direction has the largest budget?",), "rank"),
    ],
    "topics_of_the_asking_sentence": [
        (("We work on ageing and digital health. Is there a direction on ageing?",), "topic"),
        (("我们做老龄化和数字健康。哪些方向支持老龄化？",), "topic"),
    ],
    "most_projects_counts": [
        (("Which programme funds the most projects? thank you!",), "rank"),
        (("Which direction funds the fewest projects?",), "rank"),
    ],
    "threshold_filter": [
        (("经费超过5000万的方向",), "rank"),
        (("平均资助低于200万的方向",), "rank"),
    ],
    "at_most_about_context": [(("俄罗斯资助什么领域", "最多资助几个"), "count")],
    "ranking": [
        (("哪个钱最多",), "rank"),
        (("Which programme funds the most projects? thank you!",), "rank"),
        (("你好，最多的是哪个",), "rank"),
    ],
    "ranking_follow_up": [(("项目数最多的是哪个", "排个序，最多几个项目"), "rank")],
    "fields_compared": [
        (("俄罗斯做哪些领域", "跟西班牙比呢"), "fields"),
        (("Compare the research areas of Russia and Spain",), "fields"),
    ],
    "tracks_after_a_measure": [
        (("芬兰平均多少", "那欧盟旗舰两个领域呢"), "average"),
        (("Finland budget?", "and the EU flagship's two areas?"), "budget"),
    ],
    # (listed with 和 / or, the sibling's marker is read with the partner's name already:
    # resolve._markers_near_listed; the rule takes the kinds set against each other by vs)
    "partner_kind_beside_direction": [
        (("南非旗舰 vs 联合研究 哪个平均高",), "compare"),
        (("South Africa flagship versus joint research, which has more money?",), "compare"),
    ],
    "comparison": [(("芬兰和德国哪个经费多？",), "compare"), (("德国vs芬兰",), "compare")],
    "comparison_follow_up": [(("芬兰和德国比经费", "那项目数呢"), "compare")],
    "topic_word_of_last_turn": [
        (("中俄方向支持新材料吗？", "还有哪些方向做材料？"), "topic"),
        (("澳門方向有冇包新材料？", "仲有邊啲方向做材料？"), "topic"),
    ],
    "topic_typed_with_a_slip": [
        (("哪些方向有疫描",), "topic"),
        (("有冇方向支持海样？",), "topic"),
    ],
    "unknown_topic_term": [
        (("哪些方向支持区块链",), "topic"),
        (("who funds quantum computing",), "topic"),
        (("Hi! Is there any direction on quantum computing? thanks",), "topic"),
    ],
    "unknown_topic_of_named": [
        (("中德那个方向的领域里有没有写量子计算？",), "fields"),
        (("Does the Finland direction cover robotics?",), "fields"),
    ],
    "same_question_narrowed": [(("韩国联合研究几个项目", "能源那个呢"), "count")],
    # counted and listed: the partners; counted alone: the overview states the count
    "count_of_partners": [(("How many partner countries are there, which ones?",), "partners")],
    "all_partners_beside_a_region": [
        (("有没有非洲国家可以合作？所有合作方都列一下",), "partners"),
        (("Any Asian partner? And please list all the partners.",), "partners"),
    ],
    "partners_of_a_region": [
        (("有冇亞洲國家可以合作？",), "partners"),
        (("Any African partner country?",), "partners"),
    ],
    "partners_counted_is_overview": [
        (("how many countries and organisations can be partner in this call?",), "overview"),
        (("这次一共能和多少个国家、地区合作？",), "overview"),
        (("總共有幾多個合作國家同地區？",), "overview"),
    ],
    "partners_of_a_call": [(("港澳台项目合作方",), "partners")],
    "count_after_partners": [(("合作国家有哪些", "一共几个"), "partners")],
    "partner_word_beside_names": [
        (("i want apply with austria, what area is ok?",), "fields"),
        (("俄罗斯是合作国家吗",), "detail"),
    ],
    "two_partners_side_by_side": [(("芬兰和奥地利平均",), "compare")],
    "measure_of_every_direction": [
        (("列一下每个方向的平均资助额",), "average"),
        (("各個計劃的補助件數",), "count"),
        (("list the budget of every direction",), "budget"),
    ],
    "several_call_measures": [(("总共有几个指南方向，总经费是多少",), "overview")],
    "enumerated_names_ask_measure": [
        (("查一下这几个方向的总经费：1. 中芬 2. 中德",), "budget"),
        (("請提供這幾個方向的總經費：(1) 芬蘭 (2) 德國",), "budget"),
    ],
    "overview_of_names_is_card": [(("中德方向基本情况",), "detail")],
    "fields_and_measure": [(("macao fields and budget",), "detail")],
    "card_beside_context_measure": [
        (("我们在氢能领域做了很多工作，请介绍一下中德项目",), "detail"),
        (("我們在能源領域做了很多年，請介紹一下中芬項目的基本情況",), "detail"),
    ],
    "topic_describes_named": [(("以色列几个项目", "and the Germany hydrogen call?"), "count")],
    "topic_kept_in_follow_up": [
        (
            (
                "What is the budget for the Germany hydrogen call?",
                "and for SA flagship in hydrogen?",
            ),
            "budget",
        )
    ],
    "topic_of_named_partner": [(("德国支持氢能吗",), "fields")],
    "same_measure_for_new_names": [(("德国多少钱？", "那芬兰呢？"), "budget")],
    "topic_asked_of_new_name": [
        (("哪些方向涉及氢能？", "那芬兰呢？"), "fields"),
        (("Which directions fund hydrogen?", "what about Italy?"), "fields"),
    ],
    "names_alone_ask_card": [(("中意",), "detail"), (("韩国",), "detail")],
    "topic_alone": [(("氢能",), "topic")],
    "repeat_last_question": [(("總經費最多嘅係邊個？", "第二呢？"), "rank")],
    "nothing_asked": [(("哈哈哈",), "unknown"), (("晚饭吃啥",), "unknown")],
    "topic_question": [(("哪些国家支持氢能？",), "topic"), (("氢能方向一共多少钱",), "budget")],
    "topic_within_names": [(("德国氢能资料",), "fields"), (("德國氫能資料",), "fields")],
    "measure_of_listed_directions": [
        (("哪些方向涉及人工智能？", "这几个方向各自多少钱？"), "budget"),
        (("哪些方向涉及氢能？", "那几个方向一共有多少个项目？"), "count"),
    ],
    "measure_of_last_directions": [(("意大利经费", "平均呢"), "average")],
    "card_of_nothing_is_overview": [(("介绍一下这个专项",), "overview")],
    "count_of_directions": [
        (("number of guideline directions in the intergovernmental call?",), "overview")
    ],
    "unreadable_name": [(("Isrl budget",), "unknown"), (("Gremny budget",), "unknown")],
    "asked_intent": [(("芬兰的经费是多少？",), "budget"), (("德国支持几个项目？",), "count")],
    "weak_cues_unsure": [(("德国支持氢能吗",), "fields")],
    "partner_list_checked_for_names": [
        (("合作国家有哪些？是否包括德国？",), "partners"),
        (("Which partner countries are there? Is Spain included?",), "partners"),
    ],
    "partners_with_several_directions": [
        (("哪些国家有不止一个方向？",), "partners"),
        (("Which partners have more than one direction?",), "partners"),
    ],
    "partner_list_beside_a_topic": [
        (("我们是做新材料的，请问这个专项有哪些合作国家？",), "partners"),
        (("我哋做海洋科學，想問今年可以同邊啲國家合作？",), "partners"),
        (("I am a hydrogen researcher. Which partner countries are in the call?",), "partners"),
    ],
    "fields_in_detail": [
        (("all fields of the Finland call in detail please",), "fields"),
        (("西班牙那个方向的领域详细讲一下",), "fields"),
    ],
    "total_of_last_count": [
        (
            (
                "How many projects in Korea joint research?",
                "and the energy one?",
                "so Korea total?",
            ),
            "count",
        ),
    ],
    "at_most_in_total": [
        (("涉及氢能的几个方向，一共最多支持多少个项目？",), "topic"),
    ],
    "partners_listed_after_count": [
        (("一共有多少个合作国家？", "分别是哪些？"), "partners"),
        (("這個專項同幾多個國家合作？", "係邊啲？"), "partners"),
        (
            ("How many countries and organisations does the call cooperate with?", "list them"),
            "partners",
        ),
    ],
    "list_of_last_answer": [
        (("总经费超过3000万的方向有几个？", "都列出来"), "rank"),
        (("哪些方向涉及疫苗？", "list them"), "topic"),
    ],
    "topic_across_call_before_remark": [
        (
            ("這次通知裡哪些方向涉及碳捕集？我們在韓國和俄羅斯都有合作夥伴，兩個都可以嗎？",),
            "topic",
        ),
        (
            (
                "Which directions in this call include carbon capture? We have contacts in Korea "
                "and in Russia, so maybe both are possible?",
            ),
            "topic",
        ),
    ],
}

# Rules the bundled vocabulary cannot reach from a message (they guard data that gives "compare"
# cue words of its own); tested on a state below.
ON_A_STATE = {"comparative_alone", "one_measure_beats_card"}


@pytest.fixture(scope="module")
def index(knowledge) -> EntityIndex:
    return EntityIndex(knowledge)


def decided(engine, index: EntityIndex, turns: tuple[str, ...]) -> Understanding:
    session = ("rules", turns)
    for t in turns[:-1]:
        engine.ask(t, session)
    return understand(turns[-1], index, engine.contexts.get(session))


CASES = [(rule, turns, intent) for rule, cases in EXAMPLES.items() for turns, intent in cases]


@pytest.mark.parametrize(("rule", "turns", "intent"), CASES, ids=[c[0] for c in CASES])
def test_rule_applies_to_its_examples(engine, index, rule, turns, intent):
    u = decided(engine, index, turns)
    assert rule in u.rules, u.rules
    assert u.intent == intent


def test_every_rule_has_examples_and_one_table_lists_them():
    names = [rule.__name__ for rule, _ in D.RULES]
    assert len(names) == len(set(names))
    assert set(names) == set(EXAMPLES) | ON_A_STATE
    assert all(callable(rule) and rule.__doc__ for rule, _ in D.RULES)


def test_rules_are_reported_in_the_table_order(engine, index):
    order = {rule.__name__: n for n, (rule, _) in enumerate(D.RULES)}
    for _, turns, _ in CASES:
        fired = decided(engine, index, turns).rules
        assert [order[r] for r in fired] == sorted(order[r] for r in fired)


def test_a_final_rule_ends_the_decision(engine, index):
    final = {rule.__name__ for rule, ends in D.RULES if ends}
    for _, turns, _ in CASES:
        fired = decided(engine, index, turns).rules
        assert not any(r in final for r in fired[:-1]), fired


def test_the_shared_state_is_a_dataclass(index):
    s = read("芬兰的经费是多少？", index, None)
    fields = {f.name for f in dataclasses.fields(s)}
    assert {"u", "found", "cues", "intent", "ctx_groups", "fired"} <= fields
    assert s.intent == "budget" and s.u.groups == [["intl-1.6"]]


def test_them_after_a_chain_means_all_of_it(engine, index):
    turns = (
        "Spain average per project?",
        "And Finland?",
        "And Germany?",
        "Which of them is lowest?",
    )
    u = decided(engine, index, turns)
    assert u.programs == ["intl-1.3", "intl-1.6", "intl-1.8"] and u.metric == "average"
    u = decided(engine, index, ("德国", "以色列呢", "芬兰呢", "这两个哪个平均高"))
    assert u.programs == ["intl-1.9", "intl-1.6"]


def test_comparative_alone_asks_nothing(index):
    s = read("芬兰", index, None)
    s.intent = "compare"  # a vocabulary may give "compare" cue words of its own
    assert D.comparative_alone(s) and s.intent is None


def test_one_measure_beats_card(index):
    s = read("芬兰经费", index, None)
    s.intent = None  # what comparative_alone leaves: the measure named is not the question yet
    assert not D.one_measure_beats_card(s)
    s = read("芬兰经费和项目数", index, None)
    s.intent = D.L.OVERVIEW
    assert D.one_measure_beats_card(s) and s.intent == D.L.DETAIL


def test_rules_travel_with_the_reply(engine):
    reply = engine.ask("Which programme funds the most projects? thank you!").to_json()
    rules = reply["rules"]
    assert rules[: rules.index("understood")] == ["most_projects_counts", "ranking"]
    assert reply["intent"] == "rank" and reply["query"]["metric"] == "count"
    assert reply["text"].startswith("The most projects: 1.3 China–Spain")


# -- a polite word, a greeting or a sentence of context never outranks the question ----------

QUESTIONS = [
    "芬兰的经费是多少？",
    "Which programme funds the most projects?",
    "以色列资助哪些领域？",
    "经费最少的是哪个方向",
    "芬兰和德国哪个经费多？",
    "总共有几个指南方向",
    "What is the total budget?",
    "邊個方向資助項目最少？",
    "How many projects does Germany fund?",
]
WRAPPERS = [
    "你好，{}",
    "{} 谢谢！",
    "老师好！{}谢谢",
    "Hi! {} thanks",
    "Hello there, {} :)",
    "{} 🙏",
    "{}?? thx",
    "嗨 {}",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_politeness_never_outranks_the_question(index, question):
    plain = understand(question, index)
    for wrapper in WRAPPERS:
        u = understand(wrapper.format(question), index)
        assert "greeting" not in u.rules, wrapper
        assert (u.intent, u.programs, u.metric) == (plain.intent, plain.programs, plain.metric)
