"""Rules for questions about a whole call or both calls: totals, counts, averages over a call,
partners with the call's figures."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot.context import Turn
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC
from bot.query_rules.common import (
    _ASKS_WHICH,
    _ASPECT_ASKED,
    _RAW_CLAUSE,
    _asking_clause,
    _asks_which_or_how_many,
    _call_scope,
    _clause_directions,
    _last_metric,
    _pool,
)
from bot.querymodel import COMPARE_OPS, INTENT_METRIC, METRIC_INTENT, Context, Query
from knowledge.model import Knowledge
from textnorm.normalize import normalize


def both_calls(q: Query, c: Context) -> bool:
    """Both calls at once: "政府间专项和港澳台项目合计多少经费" (4.96亿 + 3000万),
    "整个申报须知里所有方向合计多少个项目", "政府间专项总经费比港澳台项目多多少"."""
    calls = list(dict.fromkeys(m.id for m in c.u.mentions if m.kind == CALL))
    last = c.last
    # "whole intergovernmental call total? → and with the Macao one included?": a call's total
    # just given, and the one direction of the other call added to it, is both calls added
    # (or the calls' figures given one by one, none named: "这个专项国拨经费总共多少")
    # (a turn answering every call with none named keeps them all as its calls)
    all_calls = {call.id for call in c.k.calls}
    every_call = bool(
        last
        and not (last.groups or last.scope or last.topics)
        and (not last.calls or set(last.calls) == all_calls)
        and last.intent in (L.BUDGET, L.COUNT)
    )
    onto_call = bool(
        last and not last.groups and (last.scope or every_call) and O.adds_to_previous(c.text)
    )
    # "港澳台专项（内地与澳门联合资助）": the one direction of a call named is that call
    names = []
    for m in _mentions_of_calls_asked(c):
        if m.kind not in (PARTNER, DIRECTION):
            continue
        whole = whole_call(m.kind, m.id, c.k)
        if whole and {d.id for d in c.k.directions if d.call == whole} <= set(c.u.withdrawn):
            continue  # "之前淨係留意澳門方向。…政府間專項…": not asked now
        excluded = set(c.u.excluded)
        if (
            whole
            and (calls or O.whole_notice(c.text) or (onto_call and last and whole != last.scope))
            and not excluded & {d.id for d in c.k.directions if d.call == whole}
        ):  # "政府间专项和内地与澳门方向合计", "两个通知（政府间+港澳台）": that one is its call
            calls = list(dict.fromkeys([*calls, whole]))
        else:
            names.append(m)
    wants = c.ops & {"sum", *COMPARE_OPS}
    if (
        len(calls) == 1
        and not names
        and last is not None
        and not last.groups
        and last.scope not in (None, calls[0])
        and O.adds_to_previous(c.text)
    ):
        calls, wants = [last.scope, calls[0]], {"sum"}  # "…总概算是多少 → 那加上港澳台专项呢"
    onto_whole = _whole_calls_answered(last, c.k) if last is not None else []
    if (
        len(calls) == 1
        and not names
        and onto_whole
        and calls[0] not in onto_whole
        and (O.adds_to_previous(c.text) or O.joins_previous(c.text))
    ):
        # "澳门那个总经费多少 → 同政府间专项加埋总共几多": the direction just given is all of
        # its call, so the call named now is added to that call
        calls, wants = [*onto_whole, calls[0]], {"sum"}
    if len(calls) == 1 and not names and every_call and O.adds_to_previous(c.text):
        # "这个专项国拨经费总共多少 → 港澳台那个也加上呢": the calls' figures were given one by
        # one (no call was named); the one added is on top of the other, both added up
        others = [call.id for call in c.k.calls if call.id != calls[0]]
        calls, wants = [*others, calls[0]], {"sum"}
    if len(calls) < 2 and not names and wants and last is not None and not c.u.excluded:
        talked = _calls_talked_about(last, c.k)
        # "Macao call total? → and the intergovernmental call? → add them" (or "how many times
        # bigger is the intergovernmental one?": one of the two set against the other)
        if len(talked) >= 2 and set(calls) <= set(talked) and (not calls or wants != {"sum"}):
            calls = talked
    if (
        len(calls) == 1
        and not names
        and not wants
        and last is not None
        and last.intent in INTENT_METRIC
        and O.follow_up(c.text)
    ):  # "Macao call total? → and the whole intergovernmental call?": that call's figure
        if O.money_over_projects(c.text):
            return False  # "→ 政府间专项总经费除以项目数呢": the call's average (call_average)
        metric = INTENT_METRIC[last.intent]
        if metric not in ("total", "count"):
            return False
        q.calls, q.groups, q.source, q.metric = calls, [], "all", metric
        q.op, q.intent = "sum_calls", METRIC_INTENT[metric]
        return True
    if not wants and not names and _both_calls_totalled(c):
        wants = {"sum"}  # "how many projects total, both calls?": the two calls added up
    # "projects in total across both calls?": "total" is the sum, the projects the measure
    projects_only = bool(_PROJECTS_WORD.search(c.u.norm)) and not _MONEY_WORD.search(c.u.norm)
    if names or not wants:
        return False
    # "Directions with exactly CNY 30 million (counting both calls)": a filter. A bare figure
    # is read as one only in the asking clause ("I understand the intergovernmental call totals
    # CNY 496 million. What would the combined total be once Macao is added?" states it)
    equal = bool(_ASKS_WHICH.search(c.text))
    if O.find_range(c.text) is not None or (
        equal and O.find_range(_asking_clause(c.text), implicit_equal=True) is not None
    ):
        return False
    if _asks_which_or_how_many(c.text) and O.relative(O.folded(_asking_clause(c.text))):
        return False  # "政府间专项里平均同澳门方向一样的有哪些": a filter within one call
    if len(calls) < 2 and not (O.whole_notice(c.text) and "sum" in wants):
        return False
    # "政府间专项一共多少个项目 → 港澳台的呢 → 一共多少": the measure carried over
    metric = "count" if c.metric(_last_metric(last)) == "count" else "total"
    if projects_only and O.whole_notice(c.text) and metric == "total":
        metric = "count"
    averaged = [m for m in c.measures if m in METRIC_INTENT] == ["average"]
    if (averaged or O.money_over_projects(c.text)) and "sum" in wants:
        # "both calls together, average per project?": the budgets ÷ the projects, computed
        # (and "总经费除以总项目数" written out says the same)
        metric = "average"
    q.calls = calls if len(calls) >= 2 else [call.id for call in c.k.calls]
    q.groups, q.source, q.metric = [], "all", metric
    if "sum" in wants and O.asks_directions_count(c.text):
        q.op, q.intent, q.metric = "sum_calls", L.OVERVIEW, "directions"  # "一共多少个方向"
    elif "sum" in wants and not (wants & {"ratio", "difference"}):
        q.op, q.intent = "sum_calls", METRIC_INTENT[metric]
    else:
        q.op, q.intent = "compare_calls", L.COMPARE
        q.asks = sorted(wants & {"ratio", "difference", "same"})
    return True


_PROJECTS_WORD = re.compile(r"项目|\bprojects?\b|\bprojets?\b")
_MONEY_WORD = re.compile(r"经费|钱|预算|概算|金额|\b(?:budget|money|funding|cny|rmb)\b")
# "all directions" is one of the whole-notice phrases but names no call: left to the others
_EVERY_DIRECTION = re.compile(r"所有方向|全部方向|\ball\s+(?:the\s+)?directions\b")


def _both_calls_totalled(c: Context) -> bool:
    """Both calls said with a total, a count or an average and nothing else asked ("how many
    projects total, both calls?", "总项目数，两个专项？", "both calls, average per project?"): the
    two calls added up (the average over both computed), not a follow-up on "both"."""
    if not O.whole_notice(c.text) or _EVERY_DIRECTION.search(c.text) or c.ops - {"each"}:
        return False
    asked = [m for m in c.measures if m in METRIC_INTENT]
    # each call's figure is in the sum's reply too, so "how many projects, both calls?" and
    # "两个专项各有几个项目" lose nothing read as the sum
    return bool(asked) and set(asked) <= {"total", "count", "average"}


def _mentions_of_calls_asked(c: Context) -> list:
    """The mentions both_calls weighs: those of the asking clause alone when it names two calls
    and no partner or direction ("我们和澳门城市大学、俄罗斯喀山联邦大学都有交流。想问一下，政府间
    专项和港澳台专项合计支持多少个项目": the places are the asker's context, not what is added)."""
    # the clause can name two calls only if the message does, and only places are weighed
    mentions = c.u.mentions
    if len({m.id for m in mentions if m.kind == CALL}) < 2 or not any(
        m.kind in (PARTNER, DIRECTION) for m in mentions
    ):
        return list(mentions)
    clause = _asking_clause(c.text)
    if clause.strip() == c.text.strip():
        return list(c.u.mentions)
    asked = c.index.find(normalize(clause), clause).mentions
    kinds = {m.kind for m in asked}
    if len({m.id for m in asked if m.kind == CALL}) >= 2 and not kinds & {PARTNER, DIRECTION}:
        return list(asked)
    return list(c.u.mentions)


def _calls_talked_about(last: Turn, k: Knowledge) -> list[str]:
    """The calls the last turns were about, as wholes: the last turn's call when it named no
    direction, and the call of a direction named before that is all of its call."""
    out = list(last.calls)
    for g in last.history:
        whole = whole_call(DIRECTION, g[0], k) if len(g) == 1 else None
        if whole:
            out.append(whole)
    in_scope = last.scope and not any(
        k.direction_by_id[d].call == last.scope for g in last.groups for d in g
    )
    if in_scope:
        out.append(last.scope)
    return list(dict.fromkeys(out))


def _whole_calls_answered(last: Turn, k: Knowledge) -> list[str]:
    """The calls the last answer's directions are all of (each a call of one direction), or
    none when any of them is only a part of its call."""
    if last.intent not in (L.BUDGET, L.COUNT) or not last.groups:
        return []
    out = []
    for g in last.groups:
        whole = whole_call(DIRECTION, g[0], k) if len(g) == 1 else None
        if whole is None:
            return []
        out.append(whole)
    return list(dict.fromkeys(out))


def whole_call(kind: str, ident: str, k: Knowledge) -> str | None:
    """The call a partner or direction is all of (a call of one direction), if any."""
    partner = [d.id for d in k.directions_by_partner.get(ident, ())]
    ids = [ident] if kind == DIRECTION else partner
    for call in k.calls:
        members = [d.id for d in k.directions if d.call == call.id]
        if ids and members and set(ids) == set(members):
            return call.id
    return None


# words of an average per project, and a division by the directions written out
_PER_PROJECT = re.compile(
    r"每(?:个|一)?项目|每项|单个项目|资助(?:额|强度|金额)|\bper\s+(?:project|grant)\b|\bgrant\s+size"
)
# a division written out: "总概算除以方向数", "÷", "divided by"
_DIVIDED = re.compile(r"除以|÷|\bdivided\s+by\b|\bdivide\b")


# the figures just given pointed at: "these numbers", "这几个数"
_THESE = re.compile(r"\b(?:these|those|them)\b|(?:这|那)(?:些|几|两|三)|呢(?:啲|几|两|三)")


def average_over_directions(q: Query, c: Context) -> bool:
    """A mean taken over directions, computed: "政府间专项平均每个方向的经费是多少（总概算除以方向
    数）", "平均每个方向支持多少个项目" (the call's total or projects over its directions);
    "中韩两个方向的总经费，平均每个方向多少" (the named directions' totals over their number);
    "中芬、中德、中奥三个方向的平均资助额，三者再平均一下" (the mean of their averages)."""
    per_direction = O.per_direction_average(c.text)
    if per_direction and _PER_PROJECT.search(c.text) and not _DIVIDED.search(c.text):
        per_direction = False  # "平均每个方向的资助强度": each direction's average per project
    if not (per_direction or O.mean_of_values(c.text)) or c.u.topics:
        return False
    if c.ops & {"ratio", "difference", "same", "more"} or O.ordinal(c.text):
        return False
    if O.find_range(c.text) or O.top_n(c.text) or O.VOCAB.superlative.search(c.text):
        return False
    every = "measure_of_every_direction" in c.u.rules  # "每个方向" read as every direction
    ids = [] if every else list(dict.fromkeys(d for g in c.named for d in g))
    n = O.how_many_previous(c.text)
    if not ids and not per_direction and n and len(c.chain) >= n:
        # "中芬平均多少 → 中德呢 → 中奥呢 → 这三个再平均一下": the last n talked about
        ids = list(dict.fromkeys(d for g in c.chain[-n:] for d in g))
    elif not ids and not per_direction and len(c.answered) >= 2:
        ids = c.answered  # "这几个再平均一下": the directions just answered
    elif not ids and not per_direction and len(c.chain) >= 2 and _THESE.search(c.text):
        # "德国平均多少 → 以色列呢 → the mean of these numbers?": those talked about turn by turn
        ids = list(dict.fromkeys(d for g in c.chain for d in g))
    if len(ids) == 1:
        return False
    if per_direction:
        metrics = [m for m in ("total", "count") if m in c.measures] or ["total"]
    else:
        # "三个方向的总经费再平均" averages totals; "平均资助额…再平均" the averages
        rest = O.VOCAB.mean_of_values.sub(" ", c.text)
        asked = [m for m in O.measures(rest) if m in ("average", "total", "count")]
        # "Spain total → Korea energy? → average of these two numbers?": the figures just
        # given are the conversation's measure, not the word "average" of the operation
        given = _last_metric(c.last) if ids and not c.named else None
        metrics = asked[:1] or ([given] if given in ("average", "total", "count") else ["average"])
        if not ids and metrics == ["average"]:
            # "各方向平均资助额的平均值": the mean of every direction's average (a call has
            # no average of its own to divide by its directions)
            ids = _pool(c, q)
    q.intent, q.op, q.metric, q.measures = L.AVERAGE, "mean", metrics[0], metrics
    q.groups, q.source, q.restrict = ([ids] if ids else []), ("named" if ids else "all"), None
    if not ids:
        scope = _call_scope(c)
        q.calls = [scope] if scope else []
        c.u.scope = scope
    return True


_CALL_MEASURES = ("total", "count", "period")


def measures_of_a_call(q: Query, c: Context) -> bool:
    """Several measures of one call as a whole: "total budget and the project duration for the
    intergovernmental call", "政府间专项的总体情况（方向数、项目数、总经费、实施周期）" — the
    call's overview gives them all, not a ranking of its directions or its total alone."""
    if c.named or q.op not in ("show", "sum") or c.u.topics or O.per_direction(c.text):
        return False
    scope = _call_scope(c)
    if scope is None or c.ops & {"sum", "ratio", "difference", "same", "more"}:
        return False
    if O.money_over_projects(c.text):
        return False  # "average per project (total budget divided by projects)": one measure
    in_scope = {d.id for d in c.k.directions_by_call.get(scope, ())}
    if set(c.u.excluded) & in_scope:
        return False  # "除了欧盟旗舰，政府间专项…" sets aside a direction of the call itself
    asked = [m for m in c.measures if m in _CALL_MEASURES]
    if O.asks_directions_count(c.text):
        asked.append("directions")
    if len(asked) < 2 or O.ordinal(c.text) or O.top_n(c.text) or O.find_range(c.text):
        return False
    if O.VOCAB.superlative.search(c.text):
        return False  # "政府间专项经费最多的方向，项目数和周期": a ranking first
    q.intent, q.calls, q.groups, q.source, q.restrict = L.OVERVIEW, [scope], [], "all", None
    c.u.scope = scope  # the reply keeps to it (the other call may have been set aside)
    return True


# "几所大学", "几家单位": "several" institutions in a statement, no question
_SEVERAL = re.compile(r"几(?=\s*(?:所|家|位|名|间|个(?:大学|高校|单位|团队|实验室|课题组)))")
# a sentence's end: "。", "！", "？", or a full stop before a space
_SENTENCE = re.compile(r"(?<=[。！？!?；;])|(?<=\.)\s+")


def _names_only_in_context(c: Context) -> bool:
    """Partners (or fields) named only in sentences that ask nothing, and a sentence without
    them that asks the call as a whole: "…目前与俄罗斯、德国、意大利等国的多所高校有合作基础。…
    请概括介绍该专项2023年度的总体情况：共设多少个指南方向、国拨经费总概算…" asks the call's
    figures."""
    sentences = [t for t in _SENTENCE.split(c.text) if t and t.strip()]
    if len(sentences) < 2:
        return False
    whole_asked = False
    for sentence in sentences:
        asks = bool(_ASPECT_ASKED.search(_SEVERAL.sub("", sentence)))
        kinds = {m.kind for m in c.index.find(normalize(sentence), sentence).mentions}
        if _clause_directions(c, sentence) or TOPIC in kinds:
            if asks:
                return False  # "…该专项的概况，以及中德方向多少钱？" asks of Germany too
        elif asks and O.call_as_a_whole(sentence):
            whole_asked = True
    return whole_asked


def call_overview_in_parts(q: Query, c: Context) -> bool:
    """The call's overview asked in parts with the call named as a whole but not by name: "该专项
    2023年度的整体情况：①几个指南方向；②多少个合作国家；③项目总数；④总概算；⑤实施周期", "a
    general summary of the call: total money, number of projects and the duration"; or by name
    with "each project" said of the period: "整个政府间专项的总概算是多少？每个计画执行期几年"."""
    if q.op not in ("show", "sum") or c.u.excluded:
        return False
    if c.u.topics and not _names_only_in_context(c):
        return False  # a field only in a sentence about the asker ("我校（航空航天特色高校）")
    # "一共设立几个指南方向" is the call's own count: a sum word alone is no arithmetic here
    if c.ops & {"ratio", "difference", "same", "more"} or O.per_direction(c.text):
        return False
    if O.ordinal(c.text) or O.top_n(c.text) or O.find_range(c.text):
        return False
    if O.VOCAB.superlative.search(c.text):
        return False
    names = [m for m in c.u.mentions if m.kind in (PARTNER, DIRECTION)]
    # a direction read from a marker word alone ("general" of "general projects") is no name
    # beside the call named as a whole; "每个计画" read as every direction is no name either
    by_marker = "marker_names_direction" in c.u.rules and not names
    every = "measure_of_every_direction" in c.u.rules and not names
    if c.named and not (by_marker or every or _names_only_in_context(c)):
        return False
    scope = _call_scope(c)
    if not (O.call_as_a_whole(c.text) or (scope and every)):
        return False
    asked = [m for m in c.measures if m in _CALL_MEASURES]
    if O.asks_directions_count(c.text):
        asked.append("directions")
    if len(asked) < 2 or not ("period" in asked or len(asked) >= 3):
        return False
    q.intent, q.calls, q.groups, q.source, q.restrict = L.OVERVIEW, [], [], "all", None
    if scope:
        q.calls, c.u.scope = [scope], scope
    return True


# a clause about the call's projects or money, not its partners
_CALL_FIGURE_WORD = re.compile(
    r"项目|任务|课题|经费|概算|预算|\b(?:projects?|budget|money|funding)\b"
)
_PARTNER_WORDS = re.compile(r"国家|地区|组织|机制|合作方|伙伴|\b(?:partners?|countr(?:y|ies))\b")


def partners_and_call_figures(q: Query, c: Context) -> bool:
    """How many partners the call has, and its projects or money in another clause: "通知说支持
    与若干个国家、地区、国际组织和多边机制开展合作，具体是多少个？项目任务数大约多少个？",
    "how many partner countries, and how many projects in total?" — the call's overview gives
    both, not the partner list alone."""
    if q.intent != L.PARTNERS or c.named or q.op != "show" or c.u.topics or c.u.excluded:
        return False
    asked = False
    for clause in (cl for cl in _RAW_CLAUSE.split(c.text) if cl.strip()):
        if _PARTNER_WORDS.search(clause) or not _CALL_FIGURE_WORD.search(clause):
            continue
        asked = asked or any(m in ("total", "count") for m in O.measures(clause))
    if not asked:
        return False
    scope = _call_scope(c)
    q.intent, q.calls, q.groups, q.source, q.restrict = (
        L.OVERVIEW,
        [scope] if scope else [],
        [],
        "all",
        None,
    )
    if scope:
        c.u.scope = scope
    return True


def call_average(q: Query, c: Context) -> bool:
    """A call's average asked as arithmetic on its figures: "政府间专项国拨经费总概算和项目数分别
    是多少？ → 那平均每个项目大概多少？", "总经费除以项目数是多少" — its budget ÷ its projects,
    computed and labelled so. "平均每个项目多少钱" alone keeps to the notice: no such average.
    The division written out is the average asked whatever the figures named: "政府间专项经费
    总概算除以项目总数等于多少", "divide the intergovernmental budget by the projects"."""
    divided = O.money_over_projects(c.text) and q.intent in (L.BUDGET, L.COUNT, L.OVERVIEW)
    if q.intent != L.AVERAGE and not divided:
        return False
    if q.op != "show" or c.named or q.groups or c.u.topics:
        return False
    if divided:
        q.intent, q.metric = L.AVERAGE, "average"
    last = c.last
    after_call = bool(
        last
        and not last.groups
        and last.intent in (L.OVERVIEW, L.BUDGET, L.COUNT)
        and (last.scope or last.calls)
        and O.follow_up(c.text)
    )
    # "整个政府间专项平均每个项目多少经费": the call named as a whole asks the call's own average
    whole = O.call_as_a_whole(c.text) and _call_scope(c) is not None
    if not (after_call or whole or _DIVIDED.search(c.text)):
        return False
    scope = _call_scope(c) or (last.scope if last else None)
    if scope is None and last and len(last.calls) == 1:
        scope = last.calls[0]
    if scope:
        q.calls, c.u.scope = [scope], scope
    q.op = "call_average"
    return True
