"""Rules that pick the asking clause's directions: numbered questions, a self-correction, a
question before or after context, a partner named by its city or kind."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot.cities import partners_by_city
from bot.entities import DIRECTION, PARTNER
from bot.listing import enumerated_items, names_enumerated
from bot.query_rules.common import (
    _ASKED,
    _COMPARE_WORD,
    _RAW_CLAUSE,
    _WHO_MORE,
    _call_scope,
    _clause_directions,
    _mentioned_groups,
)
from bot.querymodel import COMPARE_OPS, INTENT_METRIC, METRIC_INTENT, Context, Query
from textnorm.normalize import normalize

# "按序号1.1到2.5排列", "directions 1.1 to 1.9": every direction numbered from one to the other
_NUMBER_SPAN = re.compile(
    r"(?<![\d.])(\d{1,2}\.\d{1,2})\s*(?:到|至|~|～|-|–|—|\bto\b|\bthrough\b|\bthru\b)\s*"
    r"(\d{1,2}\.\d{1,2})(?![\d.])"
)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split(".") if p.isdigit())


def numbered_span(q: Query, c: Context) -> bool:
    """A span of direction numbers is every direction between them, in number order: "每个方向
    的资助领域，按序号1.1到2.5排列", "fields of directions 1.1 to 1.9", not the two ends alone."""
    m = _NUMBER_SPAN.search(c.text)
    if m is None or q.op != "show":
        return False
    ends = [set(g) for g in c.named]
    lo, hi = sorted((_number_key(m.group(1)), _number_key(m.group(2))))
    scope = _call_scope(c)
    span = [
        d.id
        for d in c.k.directions
        if lo <= _number_key(d.number) <= hi and (scope is None or d.call == scope)
    ]
    # both ends must be directions the message names: "1.5到3" is no span of directions
    if len(span) < 3 or len(ends) != 2 or not all(len(e) == 1 and e <= set(span) for e in ends):
        return False
    calls = {c.k.direction_by_id[i].call for e in ends for i in e}
    span = [i for i in span if c.k.direction_by_id[i].call in calls]
    q.groups = c.narrowed = [[i] for i in span]
    c.u.groups = [list(g) for g in q.groups]
    return True


def numbered_parts_named(q: Query, c: Context) -> bool:
    """Numbered questions after a sentence of context ("我校环境学院与欧洲伙伴在筹划中国-欧盟研究
    创新旗舰合作计划项目，请问：1. 旗舰计划设了哪两个领域？2. …"): the directions the questions
    name are asked; a partner said only in the lead-in (the asker's "欧洲伙伴") is not."""
    items = enumerated_items(c.u.text)
    named = c.named
    if len(items) < 2 or len(named) < 2 or q.op != "show":
        return False
    asked = set().union(*(_item_directions(c, it) for it in items))
    keep = [g for g in named if set(g) & asked]
    if not keep or len(keep) == len(named):
        return False
    q.groups = c.narrowed = [[d for d in g if d in asked] for g in keep]
    c.u.groups = [list(g) for g in q.groups]
    return True


def _item_directions(c: Context, item: str) -> set[str]:
    """The directions a question names, by a name or by a marker word ("旗舰计划")."""
    found = c.index.find(normalize(item), item)
    return _clause_directions(c, item) | {span[2] for span in found.marker_spans}


def partner_and_measure_per_direction(q: Query, c: Context) -> bool:
    """Every direction with its partner and a measure, as a list or table: "请把政府间专项15个
    方向的合作国别和总经费列个表", "each direction with its partner country and budget" — one
    line per direction in number order, not the partner list alone."""
    # every direction already chosen as such (decision measure_of_every_direction) is no name
    every = "measure_of_every_direction" in c.u.rules
    if (c.named and not every) or not O.per_direction(c.text):
        return False
    if q.intent != L.PARTNERS and not (q.intent in INTENT_METRIC and O.partner_column(c.text)):
        return False
    metric = next((m for m in c.measures if m in METRIC_INTENT), None)
    if metric is None or c.ops & {"sum", "ratio", "difference", "same", "more"}:
        return False
    scope = _call_scope(c)
    pool = [d.id for d in c.k.directions if scope is None or d.call == scope]
    q.op, q.intent, q.metric, q.source = "list", METRIC_INTENT[metric], metric, "all"
    q.groups = [[i] for i in pool if i not in c.u.excluded]
    return True


def one_of_listed(q: Query, c: Context) -> bool:
    """A partner named to pick out its directions among those just listed: "Which directions
    include renewable energy? → Only the South African one please – its average?" is the South
    African direction the list gave (2.2), not both of South Africa's."""
    if not c.last or not c.answered or not O.one_of_listed(c.text):
        return False
    listed = set(c.answered)
    groups = c.named
    picked = [[d for d in g if d in listed] for g in groups]
    if not groups or not all(picked) or picked == groups:
        return False
    c.narrowed = picked
    q.groups = c.u.groups = picked
    return True


def partner_by_city(q: Query, c: Context) -> bool:
    """A topic's directions narrowed to the partner a city or institution names: "我们学院做
    智能制造，和马德里理工有合作，请问能报的方向一共多少钱" is Spain's 1.3 alone, "我们课题组
    做疫苗研发，合作方在特拉维夫，…总共多少钱" Israel's 1.9: the topic in the context narrows
    among that partner's directions, it never adds other partners'."""
    if c.named and any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions):
        return False
    if not c.u.topics or not q.groups or q.source != "named" or c.u.from_context:
        return False
    partners = partners_by_city(c.u.norm, c.k)
    if len(partners) != 1:
        return False
    own = [d.id for d in c.k.directions_by_partner.get(partners[0], ())]
    own = [d for d in own if d not in c.u.excluded]
    if not own:
        return False
    groups = [[d for d in g if d in own] for g in q.groups]
    groups = [g for g in groups if g] or [[d] for d in own]
    q.groups = c.narrowed = groups
    c.u.groups = [list(g) for g in groups]
    return True


_WORD_AFTER = re.compile(r"\s*([\u4e00-\u9fff]{2,}|[a-z]{4,})")


def partner_kind_cut_short(q: Query, c: Context) -> bool:
    """A partner of several directions followed by the start of a word of exactly one of them,
    cut short: "KR 联合 多少钱" (联合 of 联合研究, not the energy one), "Korea joint, budget?".
    A whole marker word is the markers' own business; a word several of them start with
    ("南非 联合": 联合研究 and 联合研究旗舰) picks none."""
    partners = [m for m in c.u.mentions if m.kind == PARTNER]
    if len(partners) != 1 or any(m.kind == DIRECTION for m in c.u.mentions) or c.u.markers:
        return False
    own = [d for d in c.k.directions_by_partner.get(partners[0].id, ())]
    if len(own) < 2 or q.programs != [d.id for d in own]:
        return False
    word = _WORD_AFTER.match(c.u.norm, partners[0].end)
    if word is None:
        return False
    w = word.group(1)
    # the longest start of the word that starts a marker of one direction only
    # a Chinese run has no spaces between words ("联合多少钱"); an English word is whole
    for n in range(len(w), 1 if w[0] >= "\u4e00" else len(w) - 1, -1):
        start = w[:n]
        if O.measures(start) or O.operations(start) or w[n:].startswith("起来"):
            continue  # "EU count": the measure asked; "联合起来": together, no kind
        hits = [
            d.id
            for d in own
            if any(mk.lower().startswith(start) and mk.lower() != start for mk in d.markers)
        ]
        if hits:
            if len(hits) != 1:
                return False
            q.groups, q.source = [hits], "named"
            c.u.groups = c.narrowed = [hits]
            return True
    return False


def _last_named_directions(c: Context, clause: str) -> set[str]:
    """The directions of the clause's last partner or direction name."""
    names = [
        m
        for m in c.index.find(normalize(clause), clause).mentions
        if m.kind in (PARTNER, DIRECTION)
    ]
    if not names:
        return set()
    last = max(names, key=lambda m: m.start)
    if last.kind == DIRECTION:
        return {last.id}
    return {d.id for d in c.k.directions_by_partner.get(last.id, ())}


def self_correction(q: Query, c: Context) -> bool:
    """The asker corrects a name they just wrote: "中澳那个…不对，是内地和澳门那个，支持多少个
    项目", "Austria — sorry, I mean Argentina: average?" — the names before the correction are
    withdrawn, the ones after it are asked about."""
    end = O.correction_end(c.text)
    if end is None:
        return False
    ids = _clause_directions(c, c.text[end:])
    if not ids or not _clause_directions(c, c.text[:end]) - ids:
        return False
    keep = [[d for d in g if d in ids] for g in c.named if set(g) & ids] or [sorted(ids)]
    q.groups = c.narrowed = keep
    c.u.groups = [list(g) for g in keep]
    if q.intent == L.COMPARE and len(keep) == 1:
        q.intent = METRIC_INTENT.get(c.metric(q.metric or "total") or "total", L.BUDGET)
    if q.intent in INTENT_METRIC:
        q.metric = INTENT_METRIC[q.intent]
    return True


# "阿根廷那个", "那个以色列方向", "the Argentina one": the asking clause picks one of the names,
# so its "总共" is that direction's total, not a sum over every partner named
_SELECTS = re.compile(r"那个|嗰个|这个|呢个|\bone\b")
# "请问该方向两个领域合计最多支持几个项目", "this direction": one direction pointed at, the one the
# clause before chose ("拟申报中欧旗舰"), not every partner of the context; 应该 is no pointer
_THIS_DIRECTION = re.compile(
    r"(?<!应)(?:该|此|这个|呢个|嗰个|那个)\s*(?:方向|计划|项目方向|合作计划)|"
    r"\b(?:this|that)\s+(?:direction|programme|program|track)\b"
)


# a sentence after the question, ending the message: "Which areas? We are Italian but …"
_SENTENCE_SPLIT = re.compile(r"(?<=[?？。!！])\s*|(?<=\.)\s+")
_ABOUT_ASKER = re.compile(rf"(?:{O.VOCAB.courtesy['about_asker']})")


def _named_before_context(c: Context) -> tuple[list[list[str]], set[str] | None]:
    """The names these rules choose among, and what the understanding already chose: when it
    dropped the names of sentences that ask nothing ("…资助哪些领域？我们是意大利的团队，中方伙伴
    也有俄罗斯合作方。"), every name of the message, so the rule still reads the asking clause
    (its measures, its operations: the "也有" of the context compares nothing)."""
    named = c.named
    if len(named) >= 2 or c.narrowed is not None or not named:
        return named, None
    every = _mentioned_groups(c)
    chosen = {d for g in named for d in g}
    if len(every) < 2 or not chosen <= {d for g in every for d in g}:
        return named, None
    return every, chosen


def question_before_context(q: Query, c: Context) -> bool:
    """One question, then sentences about the asker naming other partners: "For Russia program,
    which areas? We are Italian but our Chinese partner has also a Russian partner." asks of
    Russia only; the partners of the sentences after it are who the asker is."""
    named, chosen = _named_before_context(c)
    if len(named) < 2:
        return False
    sentences = [s.strip() for s in _SENTENCE_SPLIT.split(c.u.text) if s.strip()]
    asked = [i for i, s in enumerate(sentences) if "?" in s or "？" in s]
    if len(asked) != 1 or asked[0] == len(sentences) - 1:
        return False
    after = sentences[asked[0] + 1 :]
    if not all(_ABOUT_ASKER.match(O.folded(s)) for s in after):
        return False
    ids = _clause_directions(c, sentences[asked[0]]) & {d for g in named for d in g}
    keep = [g for g in named if set(g) & ids]
    if not keep or len(keep) == len(named):
        return False
    if chosen is not None and {d for g in keep for d in g} != chosen:
        return False  # the understanding read the message otherwise: keep its reading
    q.groups = c.narrowed = keep
    # "…也有俄罗斯合作方" says who the asker is: its "also" compares nothing
    c.ops = c.ops & set(O.operations(O.folded(sentences[asked[0]])))
    return True


def _several_asking_clauses(c: Context, clauses: list[str], everything: set[str]) -> bool:
    """Questions relayed side by side, each with its own direction and measure ("王老师想问中以
    …总经费多少；李老师想问中国与阿根廷…总经费多少"): every one of them is asked."""
    asked = {
        frozenset(ids)
        for cl in clauses
        if _ASKED.search(O.folded(cl))
        and O.measures(cl)
        and (ids := _clause_directions(c, cl) & everything)
    }
    return len(asked) >= 2


_QUESTION_END = re.compile(r"(?<=[。？?！!；;\n])")


def _questions_joined(c: Context) -> bool:
    """Questions joined in one message, each after the first opened by a word of a further
    question (operations.yaml question_joined: "另外", "also") and each naming its direction."""
    sentences = [s for s in _QUESTION_END.split(c.u.text) if s.strip()]
    naming = [s for s in sentences if _clause_directions(c, s)]
    if len(naming) < 2 or not all(_ASKED.search(O.folded(s)) for s in naming):
        return False
    return all(O.VOCAB.question_joined.search(O.folded(s)) for s in naming[1:])


def question_clause(q: Query, c: Context) -> bool:
    """Several partners named, one asked about: "意大利的我们已经看过了，现在想问问以色列那个
    方向支持几个项目", "我们想找俄罗斯或者阿根廷合作，阿根廷那个总共多少钱",
    "We have partners in both Spain and Italy but decided to go with the
    Italian side. What's the average for Italy?", "…今次諗住申請西班牙嗰個方向，佢資助邊啲領域？"
    — the directions of the asking clause (or, if it names none, of the clause before it)."""
    named, chosen = _named_before_context(c)
    if len(named) < 2 or "each" in c.ops or _COMPARE_WORD.search(c.text):
        return False
    if names_enumerated(c.u.text, c.index):
        return False  # "请问以下方向的资助领域：1）中奥产学研；2）中国与阿根廷": every item asked
    if _questions_joined(c):
        return False  # "…有几个项目？另外中韩能源那个几个项目？": every question asked
    clauses = [cl for cl in _RAW_CLAUSE.split(c.u.text) if cl.strip()]
    if len(clauses) < 2:
        return False
    # "…平均每个项目资助多少？和中意项目比谁高？": "谁高" asks too, the comparison is the question
    asking = max(
        (
            i
            for i, cl in enumerate(clauses)
            if _ASKED.search(O.folded(cl))
            or O.measures(cl)
            or _WHO_MORE.search(O.folded(cl))
            # "…一起算，比中俄多还是少？": the comparison asks
            or (c.ops & {"sum"} and "more" in O.operations(O.folded(cl)))
        ),
        default=len(clauses) - 1,
    )
    everything = {d for g in named for d in g}
    if _several_asking_clauses(c, clauses, everything):
        return False
    pointer = bool(_THIS_DIRECTION.search(O.folded(clauses[asking])))
    for i in range(asking, -1, -1):
        ids = _clause_directions(c, clauses[i]) & everything
        if ids and pointer and i < asking:
            # "We talked with Germany and the EU, and decided to apply to the China-EU flagship.
            # How many projects can this direction fund?": the name nearest the pointer
            ids = _last_named_directions(c, clauses[i]) & everything or ids
        if ids:
            break
        if c.ops & {"sum", *COMPARE_OPS} and not pointer:
            return False  # "西班牙多少钱，芬兰呢，一共多少": the sum is over both
    else:
        return False
    keep = [g for g in named if set(g) & ids]
    if not keep or len(keep) == len(named):
        return False
    if c.ops & {"sum", *COMPARE_OPS} and len(keep) < 2:
        ops_clause = O.operations(O.folded(clauses[asking]))
        asking_folded = O.folded(clauses[asking])
        selected = (
            _SELECTS.search(asking_folded) or _THIS_DIRECTION.search(asking_folded)
        ) and not ops_clause & set(COMPARE_OPS)
        if ops_clause & {"sum", *COMPARE_OPS} and not selected:
            return False
    groups = [[d for d in g if d in ids] or g for g in keep]
    if chosen is not None and {d for g in groups for d in g} != chosen:
        return False  # the understanding read the message otherwise: keep its reading
    q.groups = c.narrowed = groups
    # the aspects listed from the clause naming the direction to the asking one ("芬兰这个方向：
    # 1. 最多支持几个项目？2. 平均每项多少？3. 周期几年？") are all asked
    span = "，".join(clauses[min(i, asking) : asking + 1])
    c.measures = O.measures(normalize(span)) or c.measures
    if q.intent == L.COMPARE:
        q.intent = METRIC_INTENT.get(c.metric(q.metric or "total") or "total", L.BUDGET)
    q.metric = c.metric(q.metric)
    if q.intent in INTENT_METRIC:
        q.metric = INTENT_METRIC[q.intent]
    return True
