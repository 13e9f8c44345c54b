"""Follow-ups over the previous answer (issue 8, fc17/fc18): a filter relative to the figure
just given, a pick among the names asked turn after turn, each of the directions a topic answer
listed, the one direction a topic answer singled out, a direction's fields with a topic checked,
a difference against a sum just given, "最多" as a limit of what was just given, a short word of
the topic in talk, and a topic kept to the call named. Asserted on messages other than the sets'
own, in zh-Hans, zh-Hant and English; every expected figure and direction is computed from the
knowledge."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.resolve import topic_directions
from tests.asking import ask, expect

GREET = {"zh-Hans": "您好！", "zh-Hant": "你好！", "en": "Hello! "}
THANKS = {"zh-Hans": "谢谢！", "zh-Hant": "唔該！", "en": " Thanks!"}


def _figure(engine: Engine, ident: str, metric: str) -> float:
    d = engine.knowledge.direction_by_id[ident]
    if metric == "total":
        return d.total
    if metric == "count":
        return d.projects.count
    return max(f.average for f in d.funding if f.average is not None)


def _meeting(engine: Engine, ident: str, metric: str, op: str) -> set[str]:
    """The directions whose figure meets ``op`` against the given direction's."""
    base = _figure(engine, ident, metric)
    test = {
        ">": lambda v: v > base,
        "<": lambda v: v < base,
        ">=": lambda v: v >= base,
        "<=": lambda v: v <= base,
    }[op]
    out = set()
    for d in engine.knowledge.directions:
        values = (
            [_figure(engine, d.id, metric)]
            if metric != "average"
            else [f.average for f in d.funding if f.average is not None]
        )
        if any(test(v) for v in values):
            out.add(d.id)
    return out


# -- a filter relative to the figure just given -------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "ident", "metric", "op"),
    [
        (
            [
                "What is the total budget of the Germany direction?",
                "which directions have more than that?",
            ],
            "intl-1.8",
            "total",
            ">",
        ),
        (["中德方向总经费多少？", "总经费不低于这个数的方向有哪些？"], "intl-1.8", "total", ">="),
        (["德國計畫平均每項多少？", "平均比這個高嘅計畫有邊啲？"], "intl-1.8", "average", ">"),
        (
            ["韩国联合研究资助几个项目", "项目数不超过这个数的方向有哪些"],
            "intl-2.0",
            "count",
            "<=",
        ),
        (
            ["Spain: how many projects?", "which directions fund at least that many projects?"],
            "intl-1.3",
            "count",
            ">=",
        ),
    ],
)
def test_a_filter_relative_to_the_figure_just_given(engine, turns, ident, metric, op):
    reply = ask(engine, *turns)
    assert reply["intent"] == "rank"
    want = _meeting(engine, ident, metric, op)
    if op in (">", "<"):
        want.discard(ident)
    assert set(reply["programs"]) == want
    assert "figure_just_given" in reply["rules"]


@pytest.mark.parametrize(
    "turns",
    [
        ["以色列平均多少", "平均跟这个一样的方向有哪些"],
        ["What is the average for Israel?", "which directions have the same average as that?"],
    ],
)
def test_the_same_figure_as_the_one_just_given(engine, turns):
    reply = ask(engine, *turns)
    base = _figure(engine, "intl-1.9", "average")
    want = {
        d.id
        for d in engine.knowledge.directions
        if d.id != "intl-1.9" and any(f.average == base for f in d.funding)
    }
    assert reply["intent"] == "rank"
    assert set(reply["programs"]) == want


def test_the_filter_on_the_figure_just_given_survives_courtesy(engine):
    plain = ask(engine, "中芬方向总经费是多少？", "总经费不低于这个数的方向有哪些？")
    wrapped = ask(engine, "您好！中芬方向总经费是多少？", "谢谢！总经费不低于这个数的方向有哪些？")
    assert wrapped["intent"] == plain["intent"] == "rank"
    assert wrapped["programs"] == plain["programs"]
    assert "intl-1.6" in plain["programs"]  # the direction itself meets "不低于"


def test_a_figure_in_the_question_is_still_its_own_threshold(engine):
    reply = ask(engine, "中芬方向总经费是多少？", "总经费不低于3000万的方向有哪些？")
    assert reply["intent"] == "rank"
    assert set(reply["programs"]) == {d.id for d in engine.knowledge.directions if d.total >= 3000}


# -- "which one" among the names asked turn after turn ------------------------------------------


@pytest.mark.parametrize(
    ("turns", "ids", "end"),
    [
        (
            ["意大利平均每个项目多少？", "以色列呢？", "德国呢？", "哪个最高？"],
            ["intl-1.2", "intl-1.9", "intl-1.8"],
            "max",
        ),
        (
            [
                "Average per project for Austria?",
                "and Finland?",
                "and Argentina?",
                "which one is the lowest?",
            ],
            ["intl-1.7", "intl-1.6", "intl-2.4"],
            "min",
        ),
        (
            ["奧地利平均每項多少？", "阿根廷呢？", "芬蘭呢？", "邊個最少？"],
            ["intl-1.7", "intl-2.4", "intl-1.6"],
            "min",
        ),
    ],
)
def test_a_bare_which_one_picks_among_the_names_asked(engine, turns, ids, end):
    reply = ask(engine, *turns)
    assert reply["intent"] in ("compare", "rank")
    assert set(reply["programs"]) == set(ids)
    values = {i: _figure(engine, i, "average") for i in ids}
    best = (max if end == "max" else min)(values.values())
    winners = [i for i, v in values.items() if v == best]
    label = engine.knowledge.direction_by_id[winners[0]].short.get(reply["lang"])
    assert label in reply["text"]


def test_which_direction_after_names_still_ranks_every_direction(engine):
    reply = ask(engine, "德国多少钱", "以色列呢", "哪个方向经费最多？")
    assert reply["intent"] == "rank"
    assert len(reply["programs"]) == len(engine.knowledge.directions)


# -- each of the directions a topic answer listed -----------------------------------------------


@pytest.mark.parametrize(
    ("turns", "topic", "intent"),
    [
        (["哪些方向涉及氢能？", "每个方向分别多少钱？"], "hydrogen", "budget"),
        (["邊啲方向有海洋研究？", "每個方向各有幾多個項目？"], "marine", "count"),
        (
            ["Which directions fund vaccines?", "what is the budget of each direction?"],
            "vaccines",
            "budget",
        ),
        (["哪些方向涉及人工智能？", "这几个方向平均一个项目多少钱？"], "ai", "average"),
        (["哪些方向涉及人工智能？", "那这几个方向各自多少钱？谢谢"], "ai", "budget"),
        (["哪些方向涉及氫能？", "呢幾個方向平均每個項目幾多錢？"], "hydrogen", "average"),
    ],
)
def test_each_direction_of_a_listed_answer(engine, turns, topic, intent):
    reply = ask(engine, *turns)
    assert reply["intent"] == intent
    assert set(reply["programs"]) == set(topic_directions(engine.knowledge, [topic]))


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (["总经费超过5000万的方向有哪些", "每个方向分别几个项目？"], "count"),
        (
            [
                "Which directions have more than 50 million?",
                "what fields does each direction fund?",
            ],
            "fields",
        ),
        (["總經費多過5000萬嘅方向有邊啲？", "各個方向平均每項幾多？"], "average"),
    ],
)
def test_each_direction_of_a_filter_answer(engine, turns, intent):
    reply = ask(engine, *turns)
    assert reply["intent"] == intent
    assert set(reply["programs"]) == {d.id for d in engine.knowledge.directions if d.total > 5000}


@pytest.mark.parametrize(
    "turns",
    [
        ["德国多少钱", "每个方向的领域"],
        ["哪个方向经费最多？", "每个方向分别几个项目？"],
        ["哪些方向涉及氢能？", "所有方向的平均资助额"],
    ],
)
def test_every_direction_stays_every_direction(engine, turns):
    reply = ask(engine, *turns)
    assert len(reply["programs"]) == len(engine.knowledge.directions)


# -- the one direction a topic answer singled out -----------------------------------------------


def _both(engine: Engine, a: str, b: str) -> list[str]:
    k = engine.knowledge
    return sorted(
        {d.id for d in k.directions_for_topic(a)} & {d.id for d in k.directions_for_topic(b)}
    )


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (["哪些方向做健康或者老龄化？", "那这个方向平均每项多少？"], "average"),
        (["Which programmes cover health or ageing?", "how many projects there?"], "count"),
        (["有冇方向做健康同老齡化？", "咁呢個方向總經費幾多？"], "budget"),
        (
            ["有没有资助健康和老龄化的方向？", "好的，那这个方向的总经费和项目数分别是多少？"],
            "detail",
        ),
    ],
)
def test_the_direction_a_topic_answer_singled_out(engine, turns, intent):
    one = _both(engine, "health", "ageing")
    assert len(one) == 1
    expect(ask(engine, *turns), intent, one, in_order=True)


def test_these_directions_after_two_topics_are_all_of_them(engine):
    reply = ask(engine, "哪些方向做健康或者老龄化？", "这几个方向平均每项多少？")
    listed = topic_directions(engine.knowledge, ["health", "ageing"])
    assert set(reply["programs"]) == set(listed)


# -- what the direction in talk does, a topic checked -------------------------------------------


@pytest.mark.parametrize(
    ("turns", "ident"),
    [
        (["阿根廷那个多少钱", "做啥的 食品？"], "intl-2.4"),
        (["中俄多少錢", "做咩㗎？海洋？"], "intl-2.5"),
        (["Israel budget?", "what does it fund? vaccines?"], "intl-1.9"),
    ],
)
def test_what_the_direction_in_talk_does(engine, turns, ident):
    expect(ask(engine, *turns), "fields", [ident])


def test_which_directions_on_a_topic_still_asks_every_direction(engine):
    reply = ask(engine, "阿根廷那个多少钱", "哪些方向做食品？")
    assert reply["intent"] == "topic"
    assert set(reply["programs"]) == set(topic_directions(engine.knowledge, ["food"]))


# -- a difference against a sum just given ------------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "one", "partner", "unit"),
    [
        (
            [
                "What is the total for the Finland direction?",
                "and both Korea directions together?",
                "how much more has Finland?",
            ],
            "intl-1.6",
            "korea",
            "en",
        ),
        (["芬兰多少钱", "韩国两个方向加起来呢", "芬兰比它们多多少"], "intl-1.6", "korea", "zh"),
        (
            ["芬蘭計畫經費多少", "南非兩個方向合計呢", "芬蘭比南非多多少"],
            "intl-1.6",
            "south-africa",
            "zh",
        ),
    ],
)
def test_a_difference_against_the_sum_just_given(engine, turns, one, partner, unit):
    k = engine.knowledge
    theirs = [d for d in k.directions_by_partner[partner]]
    summed = ask(engine, *turns[:2])
    assert summed["intent"] == "budget"
    assert set(summed["programs"]) == {d.id for d in theirs}  # the partner's own, not one more
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare"
    assert set(reply["programs"]) == {one, *(d.id for d in theirs)}
    gap = k.direction_by_id[one].total - sum(d.total for d in theirs)
    figure = f"{gap / 100:g} million" if unit == "en" else f"{gap:g}万"
    assert figure in reply["text"].replace("萬", "万")


# -- 最多 as the limit of what was just given -------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "ids"),
    [
        (["中欧旗舰项目两个领域分别资助几个项目？", "一共最多几个？"], ["intl-1.4"]),
        (["歐盟旗艦兩個領域各資助幾多個項目？", "總共最多幾多個？"], ["intl-1.4"]),
        (
            [
                "How many projects in each area of the EU flagship?",
                "so at most how many in total?",
            ],
            ["intl-1.4"],
        ),
        (["以色列支持几个项目", "意大利呢", "加起来最多几个？"], ["intl-1.9", "intl-1.2"]),
    ],
)
def test_at_most_is_the_limit_of_what_was_just_given(engine, turns, ids):
    reply = ask(engine, *turns)
    assert reply["intent"] == "count"
    assert set(reply["programs"]) == set(ids)
    total = sum(engine.knowledge.direction_by_id[i].projects.count for i in ids)
    assert str(total) in reply["text"]


def test_most_projects_after_a_figure_still_ranks(engine):
    reply = ask(engine, "德国多少钱", "哪个方向项目最多？")
    assert reply["intent"] == "rank"


# -- a short word of the topic in talk; a topic kept to the call named ---------------------------


@pytest.mark.parametrize(
    ("turns", "call"),
    [
        (["中俄方向支持新材料吗？", "还有哪些方向做材料？"], None),
        (["澳門方向有冇包新材料？", "政府間專項入面仲有邊啲方向做材料？"], "intl"),
        (
            [
                "Does the Russia direction cover new materials?",
                "which other directions do materials?",
            ],
            None,
        ),
    ],
)
def test_a_short_word_of_the_topic_in_talk(engine, turns, call):
    reply = ask(engine, *turns)
    k = engine.knowledge
    want = {
        i
        for i in topic_directions(k, ["materials"])
        if call is None or k.direction_by_id[i].call == call
    }
    assert reply["intent"] == "topic"
    assert set(reply["programs"]) == want


@pytest.mark.parametrize(
    "text", ["政府间专项里哪些方向涉及海洋？", "政府間專項入面有邊啲方向做新材料？"]
)
def test_a_topic_keeps_to_the_call_named(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "topic"
    assert reply["programs"]
    assert all(p.startswith("intl-") for p in reply["programs"])


@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
def test_follow_ups_survive_a_greeting_and_thanks(engine, lang):
    turns = {
        "zh-Hans": ["哪些方向涉及氢能？", "每个方向分别多少钱？"],
        "en": ["Which directions fund vaccines?", "what is the budget of each direction?"],
    }[lang]
    plain = ask(engine, *turns)
    wrapped = ask(engine, GREET[lang] + turns[0], turns[1] + THANKS[lang])
    assert (wrapped["intent"], wrapped["programs"]) == (plain["intent"], plain["programs"])
