"""Rules for shares: one direction or a group as a part of a whole, and gaps in percent."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot.entities import CALL, DIRECTION, PARTNER, Mention
from bot.query_rules.common import (
    _call_scope,
    _figures,
    _last_metric,
    _mention_ids,
    _mentioned_groups,
    _pool,
    _previous_selection,
    _split,
    _top_of_last_ranking,
    _tracked,
)
from bot.query_rules.filters import range_filter
from bot.querymodel import METRIC_INTENT, Context, Query
from textnorm.normalize import normalize


def share_of_whole(q: Query, c: Context) -> bool:
    """A part's share of a whole: "中欧旗舰占政府间专项总概算的百分之多少", "韩国两个方向合计占…
    的比例", "意大利 → 以色列呢 → 两者合计占…比例", "Macao is what percentage of the
    intergovernmental total?", "Spain total? → what share of the intergovernmental budget is
    that?". The part is what is named (else what was just talked about); the whole is the call
    named, both calls when asked, else the part's own call (both calls when the part is all of
    its call)."""
    if "percent_more" in c.ops:
        return False  # "比以色列多出百分之几": the gap between two, not a part of a whole
    if not O.asks_share(c.text):
        return _share_follow_up(q, c)
    if not c.named and O.find_range(c.text) is not None and not _ranking_asked(c.text):
        return False  # "总经费超过5000万的方向占…的比例": the filter's share (share_of_filtered)
    top: list[str] = []
    if O.superlative(c.text) and not c.named:
        counted = "count" in c.measures or _PROJECTS.search(c.text)
        metric = "count" if counted and "total" not in c.measures else "total"
        low = re.search(r"最(?:少|低|小)|\b(?:least|lowest|smallest|fewest)\b", c.text)
        if _share_is_superlative(c.u.norm):
            # "哪个方向占总经费的比例最高": a ranking by the measure the share is of
            q.intent, q.op, q.metric, q.groups = L.RANK, "show", metric, []
            q.order = "min" if low else "max"
            return True
        # "经费最多的方向占政府间专项预算的百分之几": the top's share (ties: each one's), the top
        # by the measure said before the share ("平均最高的方向占…总经费": by the average)
        asked = O.VOCAB.share.search(c.u.norm)
        said = O.measures(c.u.norm[: asked.start()]) if asked else []
        by = next((m for m in ("average", "count", "total") if m in said), metric)
        top = _ends_of_pool(c, q, by, "min" if low else "max")
        if not top:
            return False
    sides = _share_sides(c) or _share_of_both_named(c) or _share_of_another(c)
    if sides is not None:
        # "韩国能源占韩国两个方向合计经费的比例": the whole is directions named after "占"
        part, whole = sides
        if "average" in c.measures and not {"total", "count"} & set(c.measures):
            # "以色列的平均是芬兰平均的百分之几": averages are no parts of a whole; the two set
            # side by side with their ratio, never a share of the totals
            q.intent, q.op, q.metric, q.source = L.COMPARE, "compare", "average", "named"
            q.groups, q.calls, q.asks = [part, whole], [], ["ratio", "percent_of"]
            return True
        metric = "count" if "count" in c.measures and "total" not in c.measures else "total"
        if not c.measures and _last_metric(c.last) == "count":
            metric = "count"  # "中德几个项目 → 中芬呢 → 中德占两者合计的百分之几": the count
        q.intent, q.op, q.metric, q.source = L.COMPARE, "share", metric, "named"
        q.groups, q.calls, q.asks = [part, whole], [], ["of_directions", "share"]
        return True
    out = set(c.u.excluded)
    part = top or [d for g in c.named for d in g if d not in out]
    source = "named"
    if not part and c.last is not None:
        groups = _top_of_last_ranking(c) or _previous_selection(c)
        groups = groups or [list(g) for g in c.last.groups] or c.chain[-1:]
        part = [d for g in groups for d in g if d not in out]
        source = "previous"
    part = list(dict.fromkeys(d for d in part if d in c.k.direction_by_id))
    if not part:
        return False
    all_calls = [call.id for call in c.k.calls]
    calls = list(dict.fromkeys(m.id for m in c.u.mentions if m.kind == CALL))
    if O.whole_notice(c.text) or len(calls) >= 2:
        calls = all_calls
    elif calls and _whole_adds_part(c.text):
        # "1. 澳门项目总经费多少？2. 政府间专项总经费多少？3. 澳门项目占两者合计的百分之几？":
        # the whole is the call named and the part's own call added up
        own = [c.k.direction_by_id[d].call for d in part]
        calls = [x for x in all_calls if x in calls or x in own]
    elif not calls:
        calls = list(dict.fromkeys(c.k.direction_by_id[d].call for d in part))
        members = {d.id for d in c.k.directions if d.call in calls}
        if members <= set(part):  # "澳门方向占总经费的比例": its call is all of it, so both
            calls = all_calls
    # "占总概算的几多个百分比" says "几多个" of the percentage, not of projects: a count share
    # is asked only without a word for money
    counted = "count" in c.measures or _PROJECTS.search(c.text)
    metric = "count" if counted and "total" not in c.measures else "total"
    if not c.measures and _last_metric(c.last) == "count":
        # "澳门支持几多个项目 → 政府间专项呢 → 澳门占两者合计嘅百分之几": no measure said, the
        # one talked about is kept
        metric = "count"
    q.intent, q.op, q.metric, q.source = L.COMPARE, "share", metric, source
    q.groups, q.calls, q.asks = [part], calls, ["share"]
    checked = O.fraction_checked(c.text)
    if checked and len(part) == 1:  # "more than a quarter of the call's total?": yes or no
        q.asks = ["share", f"than {checked[0]} {checked[1]}"]
    named_calls = any(m.kind == CALL for m in c.u.mentions) or O.whole_notice(c.text)
    if len(part) == 1 and _tracked(part[0], c) and not named_calls:
        # "欧盟旗舰两个领域各占多少比例": the tracks' shares of their direction
        if "each" in c.ops or _TRACK_WORD.search(c.text):
            q.asks = ["share", "tracks"]
    elif len(top) > 1:
        q.asks = ["each", "share"]  # a tie at the top: each one's share
    elif len(part) > 1 and ("each" in c.ops or ("sum" not in c.ops and len(c.named) > 1)):
        # "Spain and Finland: what percentage is each?", "芬兰占总经费的比例，德国呢": each
        # one's share (and theirs together); "combined", "合计" ask the one share of the sum
        q.asks = ["each", "share"]
    return True


# the share itself is what is largest: "占比最高", "占…比例最大", "the biggest share"
_SUPERLATIVE_SHARE = re.compile(
    r"(?:占比|比例|比重|份额|百分比)(?:是|为)?最(?:多|少|高|低|大|小)|"
    r"\b(?:highe?st|lowe?st|larg?est|smal{1,2}est|big{1,2}est)\s+(?:share|percentage|proportion|"
    r"fraction|part|portion)\b|\b(?:share|percentage|proportion)\s+is\s+the\s+"
    r"(?:highe?st|lowe?st|larg?est|smal{1,2}est|big{1,2}est)\b"
)


def _share_is_superlative(norm: str) -> bool:
    """A ranking by share ("哪个方向占总经费的比例最高", "which takes the largest share"), not the
    share of the top one ("经费最多的方向占…的百分之几"): the superlative is said of the share,
    or after "占"."""
    if _SUPERLATIVE_SHARE.search(norm):
        return True
    at = norm.find("占")
    sup = O.VOCAB.superlative.search(norm)
    return at >= 0 and sup is not None and sup.start() > at


def _ends_of_pool(c: Context, q: Query, metric: str, end: str) -> list[str]:
    """The directions at one end of the pool by a measure (ties all kept)."""
    pool = [c.k.direction_by_id[i] for i in _pool(c, q)]
    values = {d.id: _figures(d, metric) for d in pool}
    values = {i: v for i, v in values.items() if v}
    if not values:
        return []
    pick = max if end == "max" else min
    best = pick(pick(v) for v in values.values())
    return [i for i, v in values.items() if pick(v) == best]


def _share_of_both_named(c: Context) -> tuple[list[str], list[str]] | None:
    """A share of the directions asked before, added up: "1. 中芬多少钱？2. 中德多少钱？3. 中芬
    占两者合计的百分之几？" — the part is named in the share's own sentence, the whole is every
    direction named. None when a call is named (it is the whole) or nothing sums the whole."""
    if any(m.kind == CALL for m in c.u.mentions) or not _whole_adds_part(c.text):
        return None
    norm = c.u.norm
    asked = O.VOCAB.share.search(norm)
    if asked is None:
        return None
    names = [m for m in c.u.mentions if m.kind in (DIRECTION, PARTNER)]
    if not names and len(c.named) == 1 and c.last is not None:
        # "South Africa joint research? → and the flagship one? → what percent of the two
        # together is the flagship?": a marker picks the part among the ones talked about
        talked = _split(c.chain)[-(O.how_many_previous(c.text) or 2) :]
        whole = list(dict.fromkeys(d for g in talked for d in g))
        part = list(c.named[0])
        return (part, whole) if set(part) < set(whole) else None
    # the part is the name right before the share asked ("中芬占…", "Finland as a percentage
    # of…"), else the first one after it ("what percentage of the two combined is Finland?")
    before = [m for m in names if m.end <= asked.start()]
    after = [m for m in names if m.start >= asked.end()]
    if not before and not after:
        return None
    one = before[-1] if before else after[0]

    def ids(m: Mention) -> list[str]:
        if m.kind == DIRECTION:
            return [m.id]
        return [d.id for d in c.k.directions_by_partner.get(m.id, ())]

    part = ids(one)
    whole = list(dict.fromkeys(d for m in names for d in ids(m)))
    if part and set(whole) <= set(part) and c.last is not None:
        # "Finland budget? → and Austria? → what percentage of these two combined goes to
        # Finland?": the whole is the directions just talked about, the part one of them
        previous = _previous_selection(c) or [list(g) for g in c.last.groups]
        whole = list(dict.fromkeys([*part, *(d for g in previous for d in g)]))
    if not part or not set(part) < set(whole):
        return None
    return part, whole


# "中德经费是中芬的百分之几", "前者是后者的几成": one direction as a part of another's figure
_PART_OF_ANOTHER = re.compile(
    r"(?:是|系|係|为|為|相当于|相当於)(?P<whole>[^，,。？?；;]{1,24}?)(?:的|嘅)\s*"
    r"(?:百分之(?:几|多少|几多)|(?:多少|几多|几)个?百分(?:比|点)?|百分比|几成|多少成)"
)
# the two just talked about, by order: "前者是后者的…", "第一个是第二个的…"
_FIRST_WORDS = re.compile(r"前者|前一个|第一个|头一个")
_SECOND_WORDS = re.compile(r"后者|后一个|第二个")


def _share_of_another(c: Context) -> tuple[list[str], list[str]] | None:
    """One direction's figure as a percentage of another's: "中德经费是中芬的百分之几" (the
    part named before "是", the whole inside it), "德国多少钱 → 芬兰呢 → 前者是后者的百分之几"
    (the two just talked about, by their order) — not a share of the call."""
    m = _PART_OF_ANOTHER.search(c.u.norm)
    if m is None:
        return None
    names = [x for x in c.u.mentions if x.kind in (DIRECTION, PARTNER)]
    before = [i for x in names if x.end <= m.start() for i in _resolved_ids(x, c)]
    inside = [x for x in names if m.start("whole") <= x.start < m.end("whole")]
    whole = _whole_ids(inside, before, c)
    if not before and not whole and c.last is not None:
        two = [g for g in _split(c.chain) if g][-2:]
        head, span = c.u.norm[: m.start()], m.group("whole")
        if len(two) == 2 and _FIRST_WORDS.search(head) and _SECOND_WORDS.search(span):
            return list(two[0]), list(two[1])
        if len(two) == 2 and _SECOND_WORDS.search(head) and _FIRST_WORDS.search(span):
            return list(two[1]), list(two[0])
        return None
    if not before or not whole or set(before) & set(whole):
        return None
    return before, whole


# a sum that holds the part, said before it: "这两个加起来里…", "两者合计当中…"
_SUM_HOLDS = re.compile(
    r"(?:加起来|合计|总共|一共|加埋|合共|合起来)(?:的钱|的经费)?(?:里面|里头|当中|之中|入面|中|里)"
)


# the whole said after a percentage asked apart: "as a percentage, Germany is how much of the two
# together?"
_OF_THOSE = re.compile(
    r"\bof\s+(?:the\s+|these\s+|those\s+|all\s+)?(?:two|three|four|both|them|these|those)\b"
)


def _whole_adds_part(text: str) -> bool:
    """The whole of a share is the part and the call named added up: "占两者合计的百分之几",
    "what percentage of the two combined" — a sum word after the share's own "占" / "of"."""
    at = text.rfind("占")
    of = _SHARE_OF.search(text) or _OF_THOSE.search(text)
    start = at if at >= 0 else of.start() if of else -1
    if start < 0:
        return False
    before = re.split(r"[，,。?？!！;；\n]", text[:start])[-1]
    if at >= 0 and _SUM_HOLDS.search(before) and (O.how_many_previous(before) or 0) >= 2:
        return True  # "这两个加起来里西班牙占百分之几": the sum holds the part
    clause = re.split(r"[。?？!！;；\n]", text[start:], maxsplit=1)[0]
    # "占这三个合计的百分之几", "of the three together": as many as were talked about
    return "sum" in O.operations(clause) and (O.how_many_previous(clause) or 0) >= 2


def _share_sides(c: Context) -> tuple[list[str], list[str]] | None:
    """The part and a whole of directions when both are named around "占" (the part before,
    the whole after): "韩国能源占韩国两个方向合计经费的比例", "中欧旗舰佔歐盟兩個方向嘅幾多
    百分比". None when no direction is named after it (the whole is then a call)."""
    at = c.u.norm.find("占")
    asked = O.VOCAB.share.search(c.u.norm, at) if at >= 0 else None
    if asked is not None:
        end = asked.end()  # "芬兰占总经费的比例，德国呢": a name after the share asked is no whole
    else:
        return _share_sides_en(c)
    before: list[str] = []
    after: list[str] = []
    for m in c.u.mentions:
        if m.kind == CALL and m.start > at:
            return None  # "占政府间专项…": a call is the whole
        if m.kind == DIRECTION:
            ids = [m.id]
        elif m.kind == PARTNER:
            ids = [d.id for d in c.k.directions_by_partner.get(m.id, ())]
        else:
            continue
        if m.start < end:
            # "韩国的钱里，能源技术方向占多少": a name before a container word is the whole
            inside = m.start < at and _CONTAINER.match(c.u.norm, m.end)
            (after if m.start > at or inside else before).extend(ids)
    return _sides(c, before, after)


# what holds the part: "韩国两个方向里面", "欧盟的经费当中", "南非嘅钱入面"
_CONTAINER = re.compile(
    r"[^占]{0,10}?(?:里面|里头|当中|之中|入面|(?<![0-9a-z])里)(?=[^占]{0,16}占)"
)


# English: the whole follows "share of" up to the verb ("what share of Korea's money goes to the
# energy one", "the flagship is what percentage of the two EU directions combined?")
_SHARE_OF = re.compile(r"\b(?:share|percentage|proportion|fraction|percent)\s+of\b")
_SHARE_OF_END = re.compile(
    r"\b(?:goes|go|going|is|are|was|were|does|do|did|get|gets|got|for|that|which|combined)\b"
)


def _share_sides_en(c: Context) -> tuple[list[str], list[str]] | None:
    """The part and a whole of directions in English: names between "share of" and the verb
    are the whole, names elsewhere the part. None when a call is named (it is the whole)."""
    norm = c.u.norm
    of = _SHARE_OF.search(norm)
    if of is None or any(m.kind == CALL for m in c.u.mentions):
        return None
    stop = _SHARE_OF_END.search(norm, of.end())
    end = stop.start() if stop else len(norm)
    part: list[str] = []
    whole: list[str] = []
    inside = []
    for m in c.u.mentions:
        if m.kind not in (DIRECTION, PARTNER):
            continue
        if of.end() <= m.start < end:
            inside.append(m)
        else:
            part.extend(_resolved_ids(m, c))
    whole = _whole_ids(inside, part, c)
    return _sides(c, part, whole)


def _sides(c: Context, part: list[str], whole: list[str]) -> tuple[list[str], list[str]] | None:
    """The part and the whole of a share, when both are directions. A part no name gives is
    the directions understood, narrowed within the whole ("What percentage of the South Africa
    budget is the flagship?", "what share of Korea's money goes to the energy one")."""
    known = c.k.direction_by_id
    part = list(dict.fromkeys(d for d in part if d in known))
    whole = list(dict.fromkeys(d for d in whole if d in known))
    if whole and not part:
        understood = [d for g in c.named for d in g]
        if set(understood) < set(whole):
            part = understood
    if not part or not whole or set(whole) <= set(part):
        return None
    return part, list(dict.fromkeys([*whole, *part])) if set(part) <= set(whole) else whole


def _share_follow_up(q: Query, c: Context) -> bool:
    """A name asked after a share, with nothing else asked: "芬兰占政府间专项总经费的百分比 →
    德国呢？", "what share goes to Finland? → and Germany?" — that one's share of the same
    whole (a measure, an operation or a topic asked is a question of its own)."""
    last = c.last
    if last is None or not last.share_of or not c.named or not O.follow_up(c.text):
        return False
    if c.measures or c.ops or c.u.topics or O.superlative(c.text):
        return False
    # the names of this message only: the understanding adds the last one for a comparison
    part = [d for g in _mentioned_groups(c) for d in g if d in c.k.direction_by_id]
    if not part:
        return False
    q.intent, q.op, q.source = L.COMPARE, "share", "named"
    q.metric = last.metric if last.metric == "count" else "total"
    q.groups, q.calls, q.asks = [part], list(last.share_of), ["share"]
    return True


# a share of projects rather than of money: "占项目总数的比例", "what share of all projects"
_PROJECTS = re.compile(r"项目(?:总)?数|总项目|立项数|\bprojects\b")
# the tracks of a direction named beside a share: "两个领域各占", "each track's share"
_TRACK_WORD = re.compile(r"领域|\b(?:tracks?|strands?|areas?|fields?)\b")


# a bound written with a superlative word: "at least CNY 30 million", "最多20个"
_BOUND_WORDS = re.compile(r"\bat\s+(?:least|most)\b|最(?:多|少|高|低)(?=\s*[0-9])")


def _ranking_asked(text: str) -> bool:
    """A superlative asked, not a bound written with one ("at least CNY 30 million")."""
    return O.superlative(_BOUND_WORDS.sub(" ", text))


def share_of_filtered(q: Query, c: Context) -> bool:
    """A filter with the share of the directions it keeps: "平均资助额为200万元的方向有哪些？占15个
    方向的比例是多少？" (3 of 15 = 20%), "what percentage of the directions fund more than 10
    projects?" — the filter, then its count over the pool's, computed. Or with the share of a
    call's money they hold: "总经费超过5000万元的那些方向，合计占政府间专项总经费的多大比例？" —
    the directions it keeps added up over the call's 总概算 (both calls when none is named)."""
    of_directions = O.share_of_directions(c.text)
    of_call = (
        not of_directions
        and not c.named
        and O.asks_share(c.text)
        and not _ranking_asked(c.text)  # "…占比最高的是哪个": a ranking (share_of_whole)
    )
    if not (of_directions or of_call) or not range_filter(q, c):
        return False
    if of_directions:
        q.asks = [*q.asks, "share_of_pool"]
        return True
    scope = _call_scope(c)
    q.calls = [scope] if scope else [call.id for call in c.k.calls]
    # a share of the projects only when projects are counted and no money word is said
    counted = q.metric == "count" and "total" not in c.measures
    q.asks = [*q.asks, "share_of_call_count" if counted else "share_of_call"]
    if q.op == "filter_sum":
        # "项目数超过10个的方向，经费加起来占…": the sum is of what the share is of
        q.measures = ["count" if counted else "total"]
    # "what share of the call's budget goes to the directions with CNY 60 million each?": the
    # filter (and its sum) only picks the part; what is asked is a ratio (the contract's compare)
    q.intent = L.COMPARE
    return True


def _whole_ids(names: list[Mention], part: list[str], c: Context) -> list[str]:
    """The directions of a share's whole: narrowed as resolved ("…是中韩联合研究平均的百分之
    几") unless the part is unnamed or inside it ("What share of Korea's money goes to the
    energy one?": Korea's money is both directions)."""
    narrowed = [i for x in names for i in _resolved_ids(x, c)]
    if not part or set(narrowed) & set(part):
        return [i for x in names for i in _mention_ids(x, c)]
    return narrowed


def _resolved_ids(m: Mention, c: Context) -> list[str]:
    """A name's directions as the understanding resolved them: "中韩联合研究" is the partner
    name 中韩 narrowed by its marker to one of Korea's two directions."""
    ids = _mention_ids(m, c)
    if m.kind != PARTNER:
        return ids
    narrowed = [d for g in c.named if set(g) < set(ids) for d in g]
    return list(dict.fromkeys(narrowed)) or ids


def gap_in_percent(q: Query, c: Context) -> bool:
    """The gap of a comparison asked in percent ("俄罗斯那个比以色列多出百分之几", "what percent
    more than Austria?"): whichever rule chose the two sides, the reply states the gap relative
    to the smaller one as well."""
    if "percent_more" not in c.ops or q.intent != L.COMPARE or q.op == "share":
        return False
    if "percent" not in q.asks:
        q.asks = [*q.asks, "percent"]
    return True


# "…, and how does its average grant compare with that of the joint research one?": a
# comparison asked in a clause of its own after the share
_COMPARED_AFTER = re.compile(
    r"[,，;；?？]\s*(?=(?:and\s+|but\s+|also\s+)?[^,，;；?？]*?(?:\bcompare[sd]?\b|\bversus\b|\bvs\b"
    r"|相比|比较|比較|对比|對比))",
    re.IGNORECASE,
)


def share_then_compared(q: Query, c: Context) -> bool:
    """A share, then a comparison of another measure in a clause of its own: "What proportion
    of the total Korea funding goes to the energy programme, and how does its average compare
    with that of the joint research programme?". Each answered as if asked alone: the share
    (its whole read from its own clause), then the part set beside the other directions the
    second clause names (within the share's whole, when that has them)."""
    from dataclasses import replace

    from bot.courtesy import question
    from bot.query import build_query
    from bot.understand import understand

    if not O.asks_share(c.text):
        return False
    cut = _COMPARED_AFTER.search(c.u.text)
    if cut is None:
        return False
    first, second = c.u.text[: cut.start() + 1], c.u.text[cut.end() :]
    share = build_query(understand(question(first, c.index), c.index, c.last), c.index, c.last)
    if share.op != "share" or not share.groups or share.parts:
        return False
    part = share.groups[0]
    metric = next(
        (m for m in O.measures(normalize(second)) if m in METRIC_INTENT and m != share.metric),
        None,
    )
    if metric is None:
        return False
    asked = build_query(understand(question(second, c.index), c.index, c.last), c.index, c.last)
    whole = share.groups[1] if len(share.groups) > 1 else []
    named = [d for d in asked.programs if d not in part]
    others = [d for d in named if d in whole] or named
    if not others:
        return False
    compared = replace(
        asked, intent=L.COMPARE, op="show", groups=[part, others], metric=metric, parts=[]
    )
    compared.measures, compared.source = [metric], "named"
    q.op, q.parts, q.groups, q.source = "parts", [share, compared], [], "named"
    q.intent = L.COMPARE
    return True
