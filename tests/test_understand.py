"""Intent and entity decisions, one behaviour per test (the question sets cover breadth)."""

import pytest


def ask(engine, *turns):
    reply = None
    for t in turns:
        reply = engine.ask(t, "t")
    return reply


@pytest.mark.parametrize(
    ("text", "intent", "programs"),
    [
        ("有哪些合作国家？", "partners", None),
        ("芬兰的经费是多少？", "budget", ["intl-1.6"]),
        ("以色列平均每个项目多少钱？", "average", ["intl-1.9"]),
        ("德国支持几个项目？", "count", ["intl-1.8"]),
        ("以色列资助哪些领域？", "fields", ["intl-1.9"]),
        ("哪些国家支持氢能？", "topic", ["intl-1.8", "intl-2.1", "intl-2.3"]),
        ("介绍一下中芬项目", "detail", ["intl-1.6"]),
        ("芬兰和德国哪个经费多？", "compare", ["intl-1.6", "intl-1.8"]),
        ("这个专项总体什么情况？", "overview", []),
        ("项目实施周期多长？", "period", []),
        ("你好", "help", []),
        ("今天天气如何？", "unknown", []),
        ("申报截止日期？", "unknown", []),
        ("What areas does Spain cover?", "fields", ["intl-1.3"]),
        ("Which programmes fund AI?", "topic", None),
        ("What is the total budget?", "budget", []),
    ],
)
def test_contract_examples(engine, text, intent, programs):
    reply = engine.ask(text, ("one", text))
    assert reply.intent == intent
    if programs is not None:
        assert sorted(reply.programs) == sorted(programs)


def test_partner_with_two_directions_means_both(engine):
    assert sorted(engine.ask("韩国经费").programs) == ["intl-2.0", "intl-2.1"]


def test_markers_narrow_a_partner(engine):
    assert engine.ask("韩国能源技术项目平均多少", "a").programs == ["intl-2.1"]
    assert engine.ask("南非旗舰项目支持几个", "b").programs == ["intl-2.3"]
    assert engine.ask("Everything about the EU flagship", "c").programs == ["intl-1.4"]


def test_entity_swap_follow_up(engine):
    reply = ask(engine, "德国多少钱？", "那芬兰呢？")
    assert (reply.intent, reply.programs) == ("budget", ["intl-1.6"])


def test_intent_swap_follow_up(engine):
    reply = ask(engine, "What fields does Israel fund?", "and how much?")
    assert (reply.intent, reply.programs) == ("budget", ["intl-1.9"])


def test_pronoun_follow_up(engine):
    reply = ask(
        engine, "Which directions fund smart cities?", "what's the average for each of them?"
    )
    assert reply.intent == "average"
    assert sorted(reply.programs) == ["intl-1.1", "intl-1.3"]


def test_rank_follow_up_flips_order(engine):
    reply = ask(engine, "經費最少嘅係邊個？", "咁最多嗰個又點？")
    assert reply.intent == "rank"
    assert reply.text.splitlines()[0].count("1.4") == 1


def test_compare_follow_up_changes_metric(engine):
    reply = ask(engine, "芬兰和德国比经费", "那项目数呢")
    assert reply.intent == "compare"
    assert "15" in reply.text


def test_context_expires(knowledge):
    from bot.context import ContextStore
    from bot.engine import Engine

    engine = Engine(knowledge, ContextStore(ttl=0.0))
    engine.ask("德国多少钱？", "x")
    assert engine.ask("那芬兰呢？", "x").intent in ("detail", "budget")
    assert engine.contexts.get("x", now=10**12) is None


def test_contexts_are_per_session(engine):
    engine.ask("德国多少钱？", "alice")
    assert engine.ask("项目数呢", "bob").programs == []


def test_superlative_with_a_partner_is_not_a_ranking(engine):
    reply = engine.ask("芬蘭最多資助幾個項目")
    assert (reply.intent, reply.programs) == ("count", ["intl-1.6"])


def test_ranking_within_a_partner(engine):
    reply = engine.ask("Which joint programme with the European Union gets the most money?")
    assert reply.intent == "rank"
    assert reply.programs[0] == "intl-1.4"


def test_partner_and_topic_is_a_fields_question(engine):
    reply = engine.ask("德国支持氢能吗")
    assert (reply.intent, reply.programs) == ("fields", ["intl-1.8"])
    assert "是的" in reply.text


def test_out_of_call_place(engine):
    reply = engine.ask("Any info about Japan?")
    assert reply.intent == "unknown"
    assert "Japan" in reply.text and "million" not in reply.text


def test_unsure_offers_closest_match(engine):
    reply = engine.ask("Fxnlqnd budget")
    assert reply.intent == "unknown"
    assert "Finland" in reply.text
    assert reply.suggestions and reply.suggestions[0].query == "Finland"
