"""Checks on the query built: a reading the message does not support becomes "not sure"."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot.entities import DIRECTION, PARTNER
from bot.query_rules.common import (
    _WHICH_DIRECTION,
    _asking_clause,
    _mention_ids,
    _mentioned_groups,
    _tracked,
)
from bot.querymodel import INTENT_METRIC, Context, Query


def _not_sure(q: Query, readings: list[tuple[str, list[str]]], why: str = "aspect") -> None:
    """``why``: "aspect" (the notice may not cover what is asked), "previous" (the message
    points back at a conversation there is none of) or "reading" (the message asks more than
    the query reads: which of the readings is meant)."""
    q.intent, q.op, q.readings, q.unsure = L.UNKNOWN, "unsure", readings, why
    if q.understanding is not None:  # the reply says so in its confidence too
        q.understanding.confidence = min(q.understanding.confidence, 0.4)


# a clause opening with "whether" asks yes or no ("Whether the EU flagship accepts applications
# from Hong Kong?")
_WHETHER = re.compile(r"^\W*(?:(?:kindly|please)\s+(?:\w+\s+)?)?whether\b|^\W*would\b")
# a party added to a project ("可以加埋肯尼亞夥伴嗎"), not figures added up
_PARTY_ADDED = re.compile(
    r"(?:加埋|加上|加入|拉上|再加|多加)[^，,。？?]{0,8}(?:伙伴|合作方|大学|高校|机构|企业|公司|单位|"
    r"团队|医院)"
)
# a partner or institution the asker brings, said with an indefinite or own article
_ASKERS_PARTY = re.compile(
    r"\b(?:with|include|includes|including|add|invite|involve|has|have|is|as|accept|accepts)\s+"
    r"(?:a|an|my|our|one|another)\s+(?:[\w-]+\s+){0,2}?(?:partners?|universit(?:y|ies)|"
    r"compan(?:y|ies)|institut\w*|hospitals?|labs?)\b|\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?partners?\b"
)


def yes_no_beside_a_card(q: Query, c: Context) -> bool:
    """A yes/no question about a named direction that asks nothing the notice gives (no
    measure, no topic, no request for its card): "請問臺灣的大學可以參與中國與西班牙政府間科技
    合作計畫嗎", "Can researchers from Taiwan join a China–Finland consortium?", "联合实验室方向
    要求已经有挂牌的联合实验室吗" — its card would be a confident answer to another question."""
    if q.op != "show" or q.intent not in (L.DETAIL, L.FIELDS) or "figures_checked" in q.rules:
        return False
    if c.u.topics or c.u.unknown_topic or c.u.from_context:
        return False  # a field asked of it is answered by its fields ("有冇包區塊鏈")
    if [m for m in c.measures if m != "fields"] or (q.intent == L.FIELDS and c.measures):
        return False
    clause = _asking_clause(c.text)
    # "可唔可以揾企業一齊申請": applying together with someone adds nothing up
    together = O.VOCAB.worked_together.search(clause) or _PARTY_ADDED.search(clause)
    if c.ops and not (c.ops == {"sum"} and together):
        return False
    if not (O.yes_no(clause) or _WHETHER.search(clause)):
        return False
    # the asker's own party ("with a partner from Aalto", "include a Kenyan partner", "if my
    # partner is a company") is not the direction's partner list its card gives
    if O.requests_card(O.VOCAB.worked_together.sub(" ", _ASKERS_PARTY.sub(" ", clause))):
        return False
    ids = q.programs
    # the directions named are what a next "那两个平均各多少" is about
    q.about = [list(g) for g in q.groups]
    _not_sure(q, [(L.DETAIL, ids)] if ids else [(L.OVERVIEW, [])])
    return True


def follow_up_without_previous(q: Query, c: Context) -> bool:
    """A follow-up with no usable previous turn ("它的经费呢", "两个加起来多少", "rank them
    please" as a first message): it points at nothing, so an answer about everything would be a
    confident answer to another question."""
    if c.last is not None or c.named or c.u.topics or q.op not in ("show", "sum", "compare"):
        return False
    if q.intent not in (*INTENT_METRIC, L.RANK, L.COMPARE, L.DETAIL, L.FIELDS):
        return False
    if not O.points_back(c.text) or c.u.excluded or O.superlative(c.text):
        return False  # "经费最多嘅方向係邊個？佢有幾多錢？": the message names its own referent
    if O.top_n(c.text):
        return False  # "最多的是哪两个"
    _not_sure(q, [(L.OVERVIEW, []), (L.RANK, [])], "previous")
    return True


def comparison_answered_for_fewer(q: Query, c: Context) -> bool:
    """A comparison asked between directions named, answered about fewer of them: "中以嗰個
    average 幾多錢？同中意比邊個多啲？", "Stellenbosch… flagship同joint research邊個平均高啲？" —
    a name the query leaves out is a part of the question left unread, so the figure of one
    would be a confident answer to another question."""
    if q.op != "show" or q.intent not in (*INTENT_METRIC, L.DETAIL, L.FIELDS):
        return False
    if not c.ops & {"difference", "ratio", "same", "more"}:
        return False
    named = _mentioned_groups(c)
    if len(named) < 2:
        return False
    answered = set(q.programs)
    if all(set(g) & answered for g in named):
        return False
    ids = list(dict.fromkeys(d for g in named for d in g))
    _not_sure(q, [(L.COMPARE, ids), (q.intent, q.programs)], "reading")
    return True


_LIMIT = re.compile(r"最(?:多|少)(?:能|可以|可|会)")  # "最多能支持几个": a limit, not a ranking


def ranking_answered_by_a_name(q: Query, c: Context) -> bool:
    """ "Which direction …the highest…" answered with the figure of a direction the message
    names (to leave out, or as context): "Which direction offers the highest average grant if
    we leave out the EU flagship?" asks a ranking; the named one's average is a confident
    answer to another question."""
    if q.op != "show" or q.intent not in (*INTENT_METRIC, L.DETAIL, L.FIELDS):
        return False
    clause = _asking_clause(c.text)
    if not _WHICH_DIRECTION.search(clause) or not O.superlative(clause) or _LIMIT.search(clause):
        return False
    if not _mentioned_groups(c):
        return False  # "港澳台项目里哪个方向经费最多": a call of one direction answers it
    _not_sure(q, [(L.RANK, []), (q.intent, q.programs)], "reading")
    return True


def guessed_name_over_a_named_one(q: Query, c: Context) -> bool:
    """The answer's directions come only from a name guessed by sound or spelling while the
    message names another partner or direction exactly: "請問中德計畫的補助領域是什麼？本校車輛
    研究中心有興趣" (中心 sounds like 中西) is about Germany, not Spain's fields."""
    if q.op != "show" or not q.programs or q.source != "named":
        return False
    answered = set(q.programs)
    exact, guessed = [], []
    for m in c.u.mentions:
        if m.kind not in (PARTNER, DIRECTION):
            continue
        ids = _mention_ids(m, c)
        (exact if m.how == "exact" else guessed).append(ids)
    if not exact or not guessed or any(set(g) & answered for g in exact):
        return False
    if not all(set(g) & answered for g in guessed):
        return False
    # the name written out is the likelier reading: answer it (the guess was a sound-alike)
    q.groups = [list(g) for g in dict.fromkeys(tuple(g) for g in exact)]
    return True


# A single figure of some directions: the answers the trust checks below weigh against the message.
_PLAIN = (L.BUDGET, L.COUNT, L.AVERAGE, L.PERIOD, L.FIELDS, L.DETAIL)


def difference_answered_as_a_figure(q: Query, c: Context) -> bool:
    """A difference or ratio asked ("领域一的平均资助比领域二多多少", "Finland minus Israel?",
    "so Italy is double of Austria?") answered with one plain figure or a ranking: the user
    would read the figure as the difference. Measured on the first contact of fc9-fc14 (9
    confident wrong answers of this shape, no right one) and held out on fc15/fc16 (1, none)."""
    if q.op not in ("show", "top", "nth") or q.intent not in (*_PLAIN, L.RANK, L.OVERVIEW):
        return False
    # read in the asking clause: "我们上个项目延期了两倍时间。芬兰方向经费多少？" asks no ratio
    ops = O.operations(_asking_clause(c.text)) & c.ops
    if not ops & {"difference", "ratio"} or q.asks:
        return False
    if q.intent == L.RANK and "difference" not in ops:
        return False  # "哪个方向占总经费的比例最高": the ranking by share is the ranking by total
    _not_sure(q, _readings_of_a_comparison(q), "reading")
    return True


def _readings_of_a_comparison(q: Query) -> list[tuple[str, list[str]]]:
    """The directions compared and their figure; with no direction read, the ranking, where
    every figure stands side by side."""
    if not q.programs:
        return [(L.RANK, []), (L.OVERVIEW, [])]
    return [(L.COMPARE, q.programs), (q.intent, q.programs)]


def comparison_checked_as_a_figure(q: Query, c: Context) -> bool:
    """A yes/no comparison ("is it more than Austria and Germany together?", "is the Finland
    direction bigger than the Spain one?") answered with a plain figure, not a comparison."""
    if q.intent not in _PLAIN or "more" not in c.ops:
        return False
    if "threshold_checked_of_previous" in q.rules:
        return False  # "Finland budget? → is it more than 50 million?": its figure answers it
    if not O.yes_no(_asking_clause(c.text)):
        return False
    _not_sure(q, _readings_of_a_comparison(q), "reading")
    return True


# two things put together: "两个加起来呢", "兩個加埋", "both together?"
_TWO_TOGETHER = re.compile(r"(?<![0-9])(?:两|兩|二|2)\s*(?:个|個|者|类|類)|\bboth\b|\bthe\s+two\b")


def sum_answered_as_one_figure(q: Query, c: Context) -> bool:
    """Two things added up ("德国经费 → 平均呢 → 两个加起来呢") when one direction alone was
    talked about, none of its tracks: its figures added mean nothing, and one figure of it would
    be read as the sum asked."""
    if q.op != "show" or q.intent not in _PLAIN or q.source != "previous" or c.named:
        return False
    if len(q.programs) != 1 or _tracked(q.programs[0], c) or c.u.topics:
        return False
    if "sum" not in c.ops or not _TWO_TOGETHER.search(c.u.norm):
        return False
    if c.last is None or c.last.tracks:
        return False
    _not_sure(q, [(L.BUDGET, q.programs), (L.COUNT, q.programs)], "reading")
    return True
