"""Rules for filters on a measure: thresholds, ranges, a value relative to another direction's,
the mean, and directions picked by their figures."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot.entities import CALL, DIRECTION, PARTNER
from bot.query_rules.common import (
    _AND_ASKS,
    _ASKED,
    _ASKS_WHICH,
    _HOW_MANY_THAT,
    _RAW_CLAUSE,
    _WHICH,
    _WHICH_DIRECTIONS,
    _WHICH_PARTNER,
    _asking_clause,
    _asks_which_or_how_many,
    _call_scope,
    _ends,
    _figures,
    _last_metric,
    _mentioned_groups,
    _pool,
)
from bot.querymodel import COMPARE_OPS, METRIC_INTENT, Context, Query
from bot.resolve import topic_directions
from knowledge.model import Knowledge
from textnorm.normalize import chinese_to_int, normalize

_IN_TOTAL = re.compile(r"\bin\s+total\b")
_VALUE_EACH = re.compile(
    r"(?:\d\s*(?:million|m|万元?|亿元?|projects?)|万元?|亿元?)\s*each\b|\beach\s+(?=has|have|with)"
    r"|各(?:有|是|为|系)?\s*(?=\d)"
)


def filter_at_the_mean(q: Query, c: Context) -> bool:
    """A threshold at the mean over the directions: "总经费超过各方向平均值（约3307万元）的方向有
    哪些", "项目数低于平均水平的方向", "which directions are above the average budget" — the mean
    of the measure over the pool, computed, then the filter on it (a figure the user adds in
    brackets is their estimate: it only picks the call whose mean it is)."""
    found = O.above_mean(c.text)
    every = "measure_of_every_direction" in c.u.rules  # "各方向平均值" names no direction
    if found is None or (c.named and not every) or c.u.topics:
        return False
    op, at, end = found
    # the measure is the one written before the comparator ("总经费超过…"), or after the mean
    # ("above the average budget")
    before = [m for m in O.measures(c.text[:at]) if m in ("total", "count", "average")]
    after = [m for m in O.measures(c.text[end:]) if m in ("total", "count", "average")]
    metric = (before[-1:] or after[:1] or ["total"])[0]
    pool = _pool(c, q)
    if _call_scope(c) is None:
        # "约3307万元" is the mean of one call's directions: that call is the pool
        stated = O.find_range(c.text, implicit_equal=True)
        for call in c.k.calls:
            ids = [i for i in pool if c.k.direction_by_id[i].call == call.id]
            mean = _mean_of(c.k, ids, metric)
            if stated and mean and abs(stated.bounds[0].value - mean) <= 0.01 * mean:
                pool = ids
    mean = _mean_of(c.k, pool, metric)
    if mean is None:
        return False
    q.intent, q.op, q.metric, q.groups, q.source = L.RANK, "filter", metric, [], "all"
    q.bounds, q.also, q.restrict = [(op, round(mean, 1))], [], pool
    q.asks = [*q.asks, "at_mean"]
    if O.share_of_directions(c.text):
        q.asks.append("share_of_pool")
    return True


def _mean_of(k: Knowledge, ids: list[str], metric: str) -> float | None:
    """The mean of a measure over directions (a direction with one average per track counts
    each track's average)."""
    values: list[float] = []
    for i in ids:
        d = k.direction_by_id[i]
        if metric == "total":
            values.append(d.total)
        elif metric == "count":
            values.append(float(d.projects.count))
        else:
            values.extend(f.average for f in d.funding if f.average is not None)
    return sum(values) / len(values) if values else None


# one direction said to exist with some figures: "看到有一个经费300万、只补助1件的…计画",
# "There is one program with CNY 10 million and about 4 projects"
_ONE_WITH_FIGURES = re.compile(
    r"有(?:一)?个|\bthere\s+(?:is|was)\s+(?:one|a|an)\b"
    r"|\bone\s+(?:direction|programm?e|program)\s+(?:with|that\s+has)\b"
)
_FIGURE_COUNT = re.compile(
    r"(?<![\d.])(\d+)\s*(?:个|项|件)(?![万亿\d])(?!方向)|\b(\d+)\s+projects?\b"
)


def one_by_its_figures(q: Query, c: Context) -> bool:
    """One direction pointed at by its figures, no name given, something else asked of it:
    "看到有一个经费300万、只补助1件的氢能计画，是跟哪个国家合作？", "There is one program with
    CNY 10 million and about 4 projects. What is the average?" — the one direction whose own
    figures (and topic, if one is said) they are, not a filter over every direction."""
    if c.named or any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions) or c.u.from_context:
        return False
    one = _ONE_WITH_FIGURES.search(c.text)
    if one is None or _WHICH_DIRECTIONS.search(c.text) or c.ops & set(COMPARE_OPS):
        return False
    spans = [m.span() for m in _STATED_MONEY.finditer(c.text)]
    spans += [m.span() for m in _FIGURE_COUNT.finditer(c.text)]
    spans = [sp for sp in spans if sp[0] >= one.start()]
    if len(spans) < 2:
        return False  # one figure alone ("有一个300万的") is a filter's value
    stated = c.text[one.start() : max(e for _, e in spans)]
    money = [
        float(v) * {"万": 1, "亿": 10000}.get(u, 100) for v, u in _STATED_MONEY.findall(stated)
    ]
    counts = [int(a or b) for a, b in _FIGURE_COUNT.findall(stated)]
    pool = [d.id for d in c.k.directions]
    if c.u.topics:
        pool = list(topic_directions(c.k, c.u.topics, c.u.topic_mode))
    found = []
    for ident in pool:
        d = c.k.direction_by_id[ident]
        # the figures of one unit: the direction whole, or one of its tracks
        units = [({d.total}, d.projects.count)]
        units += [({v for v in (f.total, f.average) if v}, f.projects.count) for f in d.funding]
        for own_money, own_count in units:
            own = {round(v, 2) for v in own_money}
            if all(round(v, 2) in own for v in money) and all(n == own_count for n in counts):
                found.append(ident)
                break
    if not found or len(found) > 3:
        return False
    asking = c.text[max(e for _, e in spans) :]
    asked = [m for m in O.measures(normalize(asking)) if m in (*METRIC_INTENT, "fields")]
    partner = bool(_WHICH_PARTNER.search(asking))
    # figures two directions share ("3000万、15个项目"): each of them, side by side
    groups = [[ident] for ident in found]
    q.groups, q.source, q.restrict, q.bounds, q.order = groups, "named", None, [], None
    q.op, q.topics, c.u.topics = "show", [], []
    c.narrowed = groups
    if partner or len(asked) != 1:
        q.intent, q.measures = L.DETAIL, (["partners"] if partner else []) + asked
    elif asked == ["fields"]:
        q.intent, q.measures = L.FIELDS, asked
    else:
        q.intent, q.metric, q.measures = METRIC_INTENT[asked[0]], asked[0], asked
    return True


def two_filters_compared(q: Query, c: Context) -> bool:
    """Two filters whose counts are set side by side: "Are there as many directions with CNY 60
    million as with CNY 20 million?", "项目数10个的方向和20个的方向一样多吗" — each filter is
    answered, and the two counts compared."""
    if c.named or c.u.topics:
        return False
    pair = O.two_filters(c.text)
    if pair is None:
        return False
    a, b = pair
    money = "average" if "average" in c.measures else "total"
    metric = "count" if a.unit == "count" else money
    q.metric, q.groups, q.source = metric, [], "all"
    q.bounds = [(a.bounds[0].op, a.bounds[0].value)]
    q.also = [(metric, b.bounds[0].op, b.bounds[0].value)]
    q.restrict = _pool(c, q)
    q.op, q.intent, q.asks = "filters_compared", L.COMPARE, ["same"]
    return True


# the figure of a threshold, to find what is asked after it ("…below CNY 20 million, which …")
_FIGURE = re.compile(
    r"(?:cny|rmb)?\s*\d+(?:[.,]\d+)*\s*(?:万元|万|亿元|亿|千万|百万|mill?ions?|mln|mio\b\.?|m\b|"
    r"个项目|个|项|件|projects?)?"
)


def extreme_within_filter(q: Query, c: Context) -> bool:
    """A ranking inside a filter's pool: "Among the directions with a total budget below CNY 20
    million, which one has the highest average?", "总经费低于2000万的方向中，哪个平均资助最高" —
    the directions meeting the threshold, ranked on the measure of the superlative after it."""
    if c.named or c.u.topics:
        return False
    r = O.find_range(c.text)
    if r is None or len(r.bounds) != 1 or r.kinds or len(r.starts) != 1 or r.unit is None:
        return False
    figure = _FIGURE.search(c.text, r.starts[0])
    if figure is None:
        return False
    rest = c.text[figure.end() :]
    ends = _ends(rest)
    if len(ends) != 1 or O.ordinal(rest) or O.find_range(rest):
        return False
    if r.unit == "count":
        on = "count"
    else:
        on = O.measure_before(c.text, r.starts[0], ("average", "total")) or "total"
    ranked = [m for m in O.measures(rest) if m in METRIC_INTENT]
    if len(set(ranked)) > 1:
        return False
    metric = ranked[0] if ranked else on
    bound = r.bounds[0]
    test = {">": float.__gt__, ">=": float.__ge__, "<": float.__lt__, "<=": float.__le__}
    test["=="] = float.__eq__
    pool = [
        i
        for i in _pool(c, q)
        if all(
            test[bound.op](float(v), float(bound.value))
            for v in _figures(c.k.direction_by_id[i], on)
        )
        and _figures(c.k.direction_by_id[i], on)
    ]
    if len(pool) < 2:
        return False  # one or none meets it: the filter's own answer says so
    q.intent, q.op, q.metric, q.order = L.RANK, "show", metric, ends.pop()
    q.restrict, q.groups, q.source, q.bounds = pool, [], "all", []
    c.u.threshold = None  # the threshold chose the pool; the answer is the ranking in it
    q.measures = [metric]
    return True


# directions sought, not the one in talk: "any direction above 50 million?", "其他方向超过吗"
_DIRECTIONS_SOUGHT = re.compile(
    r"方向|计划|专项|其他|其它|别的|\b(?:directions?|programm?es?|programs?|any|others?|calls?)\b"
)
_DIGIT = re.compile(r"\d")
# a check said by a tag at the end: "超过5000万了吧", "more than 50 million, right?"
_CHECK_TAG = re.compile(
    r"(?:吧|吗|咩|呀|未)\s*[?？]?\s*$|\b(?:right|yes|correct|true|no)\s*\?*\s*$"
)


def threshold_checked_of_previous(q: Query, c: Context) -> bool:
    """A threshold checked of the one direction just talked about: "Finland budget? → is it more
    than 50 million?", "芬兰总经费多少 → 超过5000万了吧", "芬蘭幾多個項目 → 係咪多過10個？" — its
    figure (as when the direction is named in the check), not a filter over every direction."""
    last = c.last
    if last is None or c.named or len(last.programs) != 1 or not _DIGIT.search(c.text):
        return False
    if _DIRECTIONS_SOUGHT.search(c.text) or c.ops & {"sum", "each"}:
        return False
    if not (_figure_checked(c) or _CHECK_TAG.search(c.text)):
        return False
    r = O.find_range(c.text)
    if r is None:
        return False
    before = _last_metric(last)
    if r.unit == "count":
        metric = "count"
    elif r.unit == "money":  # money of the measure asked, else of the one just given
        metric = next((m for m in ("average", "total") if m in c.measures), None)
        metric = metric or (before if before in ("total", "average") else "total")
    else:  # "more than 10?" after a count: the measure just given
        metric = c.metric(before) or "total"
    q.groups, q.source, q.bounds, q.restrict = [list(last.programs)], "previous", [], None
    q.intent, q.metric, q.op = METRIC_INTENT[metric], metric, "show"
    c.u.restrict, c.u.order, c.u.threshold = None, None, None
    return True


def range_filter(q: Query, c: Context) -> bool:
    """A threshold or range on a measure: "總經費少過1000萬嘅方向", "which directions fund
    between 10 and 20 projects", "平均刚好300万的有哪些", "高于300万但低于1000万"; with a sum
    word the qualifying directions are added up ("總經費少過1000萬嘅方向加埋幾多錢")."""
    if c.named and _names_in_filter_clause(c):
        return False
    if c.named and _figure_checked_of_named(c):
        return False
    if "partners_with_several_directions" in c.u.rules:
        return False  # "多过一个方向" counts a partner's directions, it filters no measure
    # "总经费都是6000万的三个方向一共多少个项目": a bare figure picking directions is "equal to"
    implicit = _ASKS_WHICH.search(c.text) or O.VOCAB.selected_by_value.search(c.text)
    again = _filter_again(c)
    r = O.find_range(c.text, implicit_equal=bool(implicit or again))
    if r is None and again:
        r = _bare_value(c.text, again)
    if r is None:
        return False
    if again and not r.starts and len(r.bounds) == 1:
        # "总经费超过5000万的有哪些 → 那3000万的呢": the comparator of the filter just answered
        r = O.Range((O.Bound(again[0][0], r.bounds[0].value),), r.unit)
    last_metric = c.last.metric if again and c.last else None
    if r.unit == "count":
        metric = "count"
    elif r.unit == "money":
        metric = "average" if "average" in c.measures else "total"
        if last_metric == "average" and not c.measures:
            metric = "average"  # "平均300万以上的方向 → 那400万的呢"
        if _average_ranked_before(c):
            metric = "average"  # "lowest average grant? → and which ones are below 2 million?"
    elif not c.measures and not c.named and _last_metric(c.last) in ("count", "average"):
        # "How many projects for Germany? → which directions have more than 10?": a bare number
        # after a figure is of that figure's measure
        metric = _last_metric(c.last) or "total"
    else:
        metric = c.metric(q.metric or last_metric or "total") or "total"
    if metric not in ("total", "count", "average"):
        return False
    said = {m for m in c.measures if m in METRIC_INTENT}
    if implicit and not again and said <= {metric} and _figure_beside_superlative(c):
        return False
    q.metric, q.bounds, q.groups, q.source = metric, [(b.op, b.value) for b in r.bounds], [], "all"
    if r.kinds:  # "more than 12 projects and an average of at least CNY 3 million"
        money = "average" if "average" in c.measures else "total"
        by_kind = {"count": "count", "money": money}
        pairs = list(zip(r.kinds, r.bounds, strict=True))
        # "between 5 and 15 projects but …": the range's two ends stay one condition
        same = [b for kind, b in pairs if kind == pairs[0][0]]
        q.metric, q.bounds = by_kind[pairs[0][0]], [(b.op, b.value) for b in same]
        q.also = [(by_kind[kind], b.op, b.value) for kind, b in pairs if kind != pairs[0][0]]
    if r.unit == "money" and len(r.bounds) == 2 and len(r.starts) == 2 and not r.kinds:
        # "总经费低于1500万、而且平均资助不低于250万": each bound on the measure written before it
        on = [O.measure_before(c.text, at, ("average", "total")) for at in r.starts]
        if None not in on and on[0] != on[1]:
            (b1, b2), (m1, m2) = r.bounds, on
            q.metric, q.bounds, q.also = m1, [(b1.op, b1.value)], [(m2, b2.op, b2.value)]
    disjoint = _disjoint_filters(r) if not q.also else None
    if disjoint:
        # "1. 平均400万及以上的方向有哪些？2. 低于150万的又有哪些？": each filter answered
        q.bounds, q.also = [disjoint[0]], [(q.metric, *disjoint[1])]
    q.restrict = _pool(c, q)
    if not c.u.topics and len(c.answered) >= 2 and O.among_previous(c.text):
        # "哪些方向跟氢能有关 → 其中总经费超过1000万的是哪几个": only the directions just listed
        q.restrict = [i for i in q.restrict if i in c.answered]
        q.source = "previous"
    if c.u.topics:
        from bot.resolve import topic_directions

        q.restrict = [
            i for i in topic_directions(c.k, c.u.topics, c.u.topic_mode) if i in q.restrict
        ]
    left_out = O.qualifiers_excluded(c.u.norm) if q.metric == "count" else set()
    if left_out:
        # "exactly 10 projects, not 'about 10'": the directions whose count carries a qualifier
        # the note leaves out are not counted at that value
        known = c.k.direction_by_id
        q.restrict = [i for i in q.restrict if known[i].projects.qualifier not in left_out]
    # "exactly CNY 30 million in total" names the measure; "…加埋幾多錢" asks a sum
    # "the directions that have CNY 60 million each": "each" qualifies the value, not the ask
    # "（欧盟旗舰计划按两个领域合计算）" says how the flagship is counted, it asks no sum
    asked = O.without_pool_notes(O.without_counting_notes(c.text))
    ops = O.operations(_VALUE_EACH.sub(" ", _IN_TOTAL.sub(" ", asked)))
    if "sum" in ops and "each" not in ops:
        added = c.metric("total")
        added = "total" if added not in ("total", "count") else added
        q.op, q.intent, q.measures = "filter_sum", METRIC_INTENT[added], [added]
    elif disjoint:
        q.op, q.intent = "filters", L.RANK
    else:
        q.op, q.intent = "filter", L.RANK
    return True


# a bound written with a superlative word: "at least CNY 30 million", "最多20个"
_BOUND_WORDS = re.compile(r"\bat\s+(?:least|most)\b|最(?:多|少|高|低)(?=\s*[0-9])")


def _figure_beside_superlative(c: Context) -> bool:
    """A bare figure next to a superlative by the same measure ("Which has the biggest average?
    I read 7.5 million for Korea energy, is it the biggest?", "平均最高的是哪个？我看到韩国能源是
    750万"): the figure is what the asker read, the question a ranking — an "equal to" filter
    would rank ties. A comparator written ("above 5 million") is a filter still, and a figure
    of another measure is the pool ("总经费6000万的方向里哪个项目最多")."""
    if O.find_range(c.text) is not None:
        return False
    return O.superlative(_BOUND_WORDS.sub(" ", c.text))


def _average_ranked_before(c: Context) -> bool:
    """A money threshold with no measure named, right after a ranking by the average, in a
    follow-up's words: "Which direction has the lowest average grant? → and which ones are below
    CNY 2 million?" filters on the average just ranked."""
    if c.last is None or c.last.intent != L.RANK or c.last.metric != "average":
        return False
    if {"total", "average"} & set(c.measures):
        return False
    return bool(O.follow_up(c.text))


def _disjoint_filters(r: O.Range) -> list[tuple[str, float]] | None:
    """Two bounds on one measure that no figure meets together ("400万及以上…低于150万", "above
    CNY 4 million … below CNY 1.5 million") are two filters asked side by side, not one empty
    range: each bound, in the order written."""
    if len(r.bounds) != 2 or r.kinds:
        return None
    low = [b for b in r.bounds if b.op in _LOWER]
    high = [b for b in r.bounds if b.op in _UPPER]
    if len(low) != 1 or len(high) != 1 or low[0].value < high[0].value:
        return None
    if low[0].value == high[0].value and low[0].op == ">=" and high[0].op == "<=":
        return None  # "不低于300万也不高于300万" is exactly 300万
    order = list(r.bounds)
    if len(r.starts) == 2 and r.starts[1] < r.starts[0]:
        order.reverse()
    return [(b.op, b.value) for b in order]


# a follow-up that is only a value: "那20个的呢", "那3000万的呢", "and 20?", "what about 10"
_VALUE_FOLLOW_UP = re.compile(
    r"^\W*(?:那|咁|噉|and|what\s+about|how\s+about)?\W*(?:(?:项目数|项目|总经费|经费|平均)"
    r"(?:是|为|系)?)?\s*(?:超过|高于|低于|少于|不少于|不超过|等于|刚好|正好|above|below|over|under|"
    r"exactly|with)?\s*(?:cny|rmb)?\s*\d+(?:\.\d+)?\s*(?:万元|万|亿元|亿|million|m|个项目|个|项|件|"
    r"projects?|ones?)?\s*(?:以上|以下)?\s*(?:的|嘅)?\s*(?:方向|ones?|directions?)?\s*(?:呢|呀|啊|咧|嘞|[?？])*\W*$"
)


def _filter_again(c: Context) -> tuple[tuple[str, float], ...]:
    """The bounds of the filter answered last turn, when this message is only another value for
    it ("项目数15个的方向有哪些 → 那20个的呢")."""
    if c.last is None or not c.last.bounds or c.named:
        return ()
    return c.last.bounds if _VALUE_FOLLOW_UP.match(c.text) else ()


def _bare_value(text: str, bounds: tuple[tuple[str, float], ...]) -> O.Range | None:
    """A number alone after a filter ("那20个的呢", "and 20?"): the same measure's value."""
    hit = re.search(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])", text)
    if hit is None or len(bounds) != 1:
        return None
    return O.Range((O.Bound(bounds[0][0], float(hit.group(1))),), None)


# clauses, and a comma between Chinese words ("我哋同芬兰有合作,总经费超过5000万…") ends one too
_FILTER_CLAUSE = re.compile(
    r"[，。?？!！;；\n]|\.(?:\s|$)|\s[-–—]\s|(?<=[\u4e00-\u9fff]),|,(?=[\u4e00-\u9fff])"
)


def _names_in_filter_clause(c: Context) -> bool:
    """A partner or direction written out in the clause that sets the threshold ("德国项目少于
    10个吗" asks about Germany). Names elsewhere do not make the filter about them: a call
    ("政府间专项和港澳台项目…正好200万的方向") is its scope, a figure read as a direction number
    ("between CNY 2.5 and 4 million") or a guess by sound ("中等规模" as 中德) is no name, and a
    sentence of context ("We compare with Israel.") is not the question."""
    # "Including the Macao one, which directions…": a name only added to the pool is a clause
    # of its own (its comma does not end a clause in English otherwise)
    text = O.VOCAB.included_aside.sub(";", c.text)
    clauses = [
        cl
        for cl in _FILTER_CLAUSE.split(text)
        if O.find_range(cl, implicit_equal=bool(_ASKS_WHICH.search(cl)))
    ]
    if not clauses:
        return True  # "what is the flagship about? only one project??" is about the flagship
    for clause in clauses:
        if _IT_CHECKED.search(clause):
            return True  # "…in Russia direction? It is exactly 20?": the named one's figure
        for m in c.index.find(normalize(clause), clause).mentions:
            if m.kind in (PARTNER, DIRECTION) and m.how == "exact":
                return True
    return False


# A figure checked of the direction just named, its subject a pronoun or (in Chinese) dropped:
# "It is exactly 20?", "Is that really CNY 3 million?", "是不是正好20个？", "係咪啱啱好20個？"
# (a filter asks which directions: "those with exactly 20", "正好20个的有哪些")
_IT_CHECKED = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:(?:is|was|are)\s+(?:it|that|this|they)|(?:it|that|this|they)"
    r"\s*(?:is|was|are|'s))\s+(?:really\s+|just\s+|only\s+|precisely\s+)?"
    r"(?:exactly|only|just|really|precisely|about|around|approximately|[0-9])"
    r"|^\W*(?:那|那么|所以)?(?:是不是|是否|系咪|系唔系|真的是|真系|是)\s*(?:正好|刚好|刚刚好|恰好"
    r"|啱啱好|啱好|只有|只|就|真的|确实)?\s*[0-9一二两三四五六七八九十]+(?!.*(?:哪|边))",
    re.IGNORECASE,
)


# a figure checked of the direction just named: "It is exactly 20?", "是不是正好20个？"
_IT_IS = re.compile(r"^\W*(?:it|this|that|they)\s*(?:is|are|'s|'re)\b")


# a clause that only asks whether what was said is right ("对吗", "啱唔啱", "right?")
_CHECK_ONLY = re.compile(
    r"\s*(?:是|系)?(?:对吗|对不对|对唔对|啱唔啱|啱吗|是吗|是不是|系咪|没错吧|准确吗|正确吗|"
    r"(?:is\s+(?:that|it|this)\s+)?(?:right|correct|true|accurate))\s*$"
)


def _figure_checked_of_named(c: Context) -> bool:
    """The figure in a yes/no of its own after one direction named ("How much projects is
    planned in Russia direction? It is exactly 20?", "俄罗斯方向支持多少项目？正好20个吗？"): a
    check of that direction's figure, not a filter over every direction."""
    return len(c.named) == 1 and _figure_checked(c)


def _figure_checked(c: Context) -> bool:
    """A yes/no of its own on a figure (see _figure_checked_of_named)."""
    if _asks_which_or_how_many(c.text):
        return False
    parts = [cl for cl in _FILTER_CLAUSE.split(c.text) if cl.strip()]
    clauses = [cl for cl in parts if O.find_range(cl, implicit_equal=True)]
    if not clauses:
        return False
    # "中俄平均每项300万，项目数不超过20个，对吗？", "Russia: 3 million each, at most 20 projects,
    # right?": the figures stated one after another, one check after them all
    if _CHECK_ONLY.match(re.split(r"[,，、;；。]", c.text.rstrip(" ?？!！.。"))[-1]):
        return True
    return all(O.yes_no(cl) or _IT_IS.match(cl) for cl in clauses)


_STATED_MONEY = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿|million\b|m\b)")
_STATED_COUNT = re.compile(r"(\d+)\s*(?:个|项|件)\s*(?:项目|课题)|\b(\d+)\s+projects?\b")


def _stated_figures(text: str) -> tuple[list[float], list[int]]:
    money = [
        float(v) * {"万": 1, "亿": 10000}.get(unit, 100) for v, unit in _STATED_MONEY.findall(text)
    ]
    counts = [int(a or b) for a, b in _STATED_COUNT.findall(text)]
    return money, counts


_COMMA_CLAUSE = re.compile(r"[，,。？?！!；;\n]")


def figures_stated_of_named(q: Query, c: Context) -> bool:
    """The named direction's own figures said as context, another measure asked: "西班牙方向
    经费6000万、最多20个项目，那平均每个项目是多少？" — "最多20个项目" is what the notice says of
    Spain, not a ranking or a filter; the average of Spain is asked."""
    named = c.named or _mentioned_groups(c)  # a ranking read from "最多" kept no name
    if len(named) != 1 or len(named[0]) != 1 or c.u.from_context:
        return False
    d = c.k.direction_by_id.get(named[0][0])
    if d is None:
        return False
    money, counts = _stated_figures(c.text)
    if not money:
        return False
    own_money = {round(v, 2) for f in d.funding for v in (f.total, f.average) if v is not None}
    own_money.add(round(d.total, 2))
    own_counts = {f.projects.count for f in d.funding} | {d.projects.count}
    if any(round(v, 2) not in own_money for v in money) or any(
        n not in own_counts for n in counts
    ):
        return False  # a figure not its own: a threshold, a guess to check, or another name's
    parts = [p for p in _COMMA_CLAUSE.split(c.u.text) if p.strip()]
    clause = O.folded(next((p for p in reversed(parts) if _ASKED.search(p)), parts[-1]))
    if any(_stated_figures(clause)):
        return False  # "单个项目750万是真的吗": the figure is checked, not said as context
    if re.search(r"哪|边啲|边个|\bwhich\b", clause) or c.ops & set(COMPARE_OPS):
        return False  # "西班牙经费6000万，哪些方向经费比它多？" asks over the others
    asked = [m for m in O.measures(clause) if m in METRIC_INTENT]
    if len(asked) != 1:
        return False
    q.intent, q.op, q.metric, q.measures = METRIC_INTENT[asked[0]], "show", asked[0], asked
    q.groups, q.source, q.restrict, q.order, q.nth, q.bounds = (
        [list(named[0])],
        "named",
        None,
        None,
        None,
        [],
    )
    c.u.restrict, c.u.order, c.u.threshold = None, None, None
    return True


# the one direction just answered, pointed at: "跟这个方向平均一样的还有哪些", "the same as it"
_THIS_ONE = re.compile(
    r"这个方向|这一方向|该方向|这个项目|这个计划|呢个方向|嗰个方向|它|佢(?!哋)|"
    r"\b(?:this|that)\s+(?:one|direction|programme|program)\b|\bits?\b"
)
# "the same" said of the figure just given: "which other directions have the same?"
_SAME_BARE = re.compile(
    r"(?:谁|边个|哪个|哪些|边啲|其他|其它|别的)\s*(?:方向)?\s*(?:也|都)?\s*(?:是|系)?\s*一样|"
    r"\bthe\s+same\b|(?:也|都)\s*(?:是|系)?\s*(?:这个|那个|呢个|嗰个)\s*(?:数|数字|数目|金额)|"
    r"也是这个数|也是这么多|也(?:是)?一样|同样多|一样多的|有一样的|(?:都|亦)(?:系|是)(?:咁多|这么多)"
)


def _relative_to(c: Context) -> list[list[str]]:
    """The direction a relative filter is relative to: the one named, else the one direction
    the last answer was about when the message points at it ("政府间专项里跟这个方向平均资助额
    一样的还有哪些")."""
    if c.named:
        return c.named
    just_given = _figure_just_given(c)
    if just_given:
        return just_given
    last = c.last
    if last is None or len(last.programs) != 1:
        return []
    if not (_THIS_ONE.search(c.text) or _SAME_BARE.search(c.text)):
        return []
    return [list(last.programs)]


def _equal_measures(c: Context, metric: str) -> list[str]:
    """Every measure "the same as" is asked on: the measures named and those the figures stated
    beside it stand for ("都係3000萬同埋15個項目": the total and the count)."""
    asked = [m for m in c.measures if m in METRIC_INTENT]
    if _STATED_MONEY.search(c.text) and "average" not in asked:
        asked.append("total")
    if _STATED_COUNT.search(c.text):
        asked.append("count")
    return list(dict.fromkeys([metric, *asked]))


def relative_filter(q: Query, c: Context) -> bool:
    """A threshold relative to one named direction: "总经费是中德项目两倍以上的方向有哪些",
    "which directions have at least twice Germany's budget?" — the factor times its figure;
    "the same as" on one measure or on every measure asked ("同澳門方向一樣，都係3000萬同埋15個
    項目"), or relative to the direction just answered ("跟这个方向平均一样的还有哪些")."""
    named = _relative_to(c)
    # "倍" also reads as a ratio; a sum ("加起来") is another question
    if len(named) != 1 or not _asks_which_or_how_many(c.text) or "sum" in c.ops:
        return False
    # the factor belongs to the asking clause: "We extended our project twice. What is the
    # Finland budget?" has no threshold
    rel = O.relative(O.folded(_asking_clause(c.text)))
    if rel is None or _compared_yes_no(c.text):
        return False
    factor, op = rel
    previous = not c.named
    metric = c.metric((_last_metric(c.last) if previous else None) or q.metric or "total")
    metric = metric or "total"
    if _HOW_MANY_THAT.search(c.text):  # "…嘅有几多个" counts directions, it asks no count
        asked = O.measures(_HOW_MANY_THAT.sub(" ", c.text))
        metric = next((m for m in ("average", "count", "total") if m in asked), "total")
    if metric not in METRIC_INTENT:
        metric = "total"
    known = [c.k.direction_by_id[d] for d in named[0] if d in c.k.direction_by_id]
    figures = [v for d in known for v in _figures(d, metric)]
    if not figures:
        return False
    also: list[tuple[str, str, float]] = []
    if op == "==" and len(known) == 1:
        for other in _equal_measures(c, metric)[1:]:
            values = _figures(known[0], other)
            if len(values) == 1:
                also.append((other, "==", values[0]))
    q.metric, q.bounds, q.groups, q.source = metric, [(op, factor * max(figures))], [], "all"
    q.also = also
    # the direction whose figure was just given meets "不低于这个数" itself; one named in the
    # question ("不低于中芬的方向") is the yardstick, not an answer
    kept = [] if not c.named and op in (">=", "<=") else named[0]
    q.restrict = [i for i in _pool(c, q) if i not in kept]
    q.op, q.intent = "filter", L.RANK
    if not c.named:
        q.rules.append("figure_just_given")
    return True


# what joins the two sides of a range between named directions: "比中德多又比中芬少",
# "高于中德、低于中芬", "more than Germany but less than Finland"
# (normalising makes "、" a space)
_RANGE_JOIN = re.compile(r"又|但|而且|而|且|并且|同时|[,，、;；\s]|\b(?:but|and|yet|while)\b")
_LOWER, _UPPER = (">", ">="), ("<", "<=")
# between two named: "介于中德和中芬之间", "在中德与中芬之间", "between Germany and Finland"
_BETWEEN = re.compile(r"介于|之间|\bbetween\b")


def relative_range(q: Query, c: Context) -> bool:
    """A range between two named directions' figures: "政府间的方向里经费比中德多又比中芬少的有
    哪些", "which directions have more budget than Germany but less than Finland?" — above one
    and below the other, each side its own comparator (not the two compared)."""
    if len(c.named) != 2 or not _asks_which_or_how_many(c.text) or "sum" in c.ops:
        return False
    names = [m for m in c.u.mentions if m.kind in (DIRECTION, PARTNER)]
    if len(names) != 2:
        return False
    first, second = sorted(names, key=lambda m: m.start)
    norm = c.u.norm
    # ("中德和中芬之间哪个经费多", "between Germany and Finland, which is larger?" compare two)
    between = _BETWEEN.search(norm) and not c.ops & set(COMPARE_OPS)
    between = between and not O.superlative(c.text)
    join = _RANGE_JOIN.search(norm, first.end, second.start)
    if between:
        ops = [">=", "<="]  # as a range of figures is read: its ends included
    elif join is None:
        return False
    else:
        sides = (
            O.relative(O.folded(norm[: join.start()])),
            O.relative(O.folded(norm[join.end() :])),
        )
        if any(side is None or side[0] != 1.0 for side in sides):
            return False
        ops = [side[1] for side in sides if side]
        if not ({ops[0], ops[1]} & set(_LOWER) and {ops[0], ops[1]} & set(_UPPER)):
            return False
    metric = c.metric(q.metric) or "total"
    metric = metric if metric in METRIC_INTENT else "total"
    groups = sorted(c.named, key=lambda g: 0 if set(g) & _ids_of(c, first) else 1)
    values = []
    for group in groups:
        figures = [
            v
            for d in group
            if d in c.k.direction_by_id
            for v in _figures(c.k.direction_by_id[d], metric)
        ]
        if len(figures) != 1:
            return False
        values.append(figures[0])
    if between:
        values = sorted(values)
    bounds = list(zip(ops, values, strict=True))
    named = {d for g in c.named for d in g}
    q.metric, q.bounds, q.groups, q.source, q.also = metric, bounds, [], "all", []
    q.restrict = [i for i in _pool(c, q) if i not in named]
    q.op, q.intent = "filter", L.RANK
    return True


def _ids_of(c: Context, mention: object) -> set[str]:
    """The directions a name in the message stands for."""
    kind, ident = getattr(mention, "kind", None), getattr(mention, "id", "")
    if kind == DIRECTION:
        return {ident}
    return {d.id for d in c.k.directions_by_partner.get(ident, ())}


def _compared_yes_no(text: str) -> bool:
    """The part of the message with the comparative is a yes/no about the one named ("…and is it
    bigger than the flagship one?", "它比中德多吗"): a comparison of two, not a filter."""
    parts = [p for cl in _RAW_CLAUSE.split(text) for p in _AND_ASKS.split(cl) if p.strip()]
    for part in parts:
        if O.relative(O.folded(part)) is None:
            continue
        return O.yes_no(part) and not _ASKS_WHICH.search(part) and not _WHICH.search(part)
    return False


# the figure of the last answer pointed at: "less than that", "不低于这个数", "比它多的方向"
_THAT_FIGURE = re.compile(
    r"\bthan\s+(?:that|this|it)\b|\bthat\s+(?:much|many|amount|figure|number|sum|level)\b"
    r"|\bas\s+(?:much|many|high|large|big)\s+as\s+(?:that|this|it)\b"
    r"|\bsame\s+(?:[a-z-]+\s+){0,3}?as\s+(?:that|this|it)\b"
    r"|(?:这|那|呢|嗰|此|该)(?:个)?(?:数字?|金额|数目|数值|值|水平|额度)"
    r"|(?:比|跟|和|同|与)(?:这个|那个|它|佢|呢个|嗰个)"
)


def _figure_just_given(c: Context) -> list[list[str]]:
    """The one direction whose figure the last answer gave, when the message points at that
    figure and names none: "What is Austria's total? → which directions have less than that?",
    "中芬总经费多少 → 总经费不低于这个数的方向有哪些"."""
    if c.last is None or len(c.last.programs) != 1 or not _THAT_FIGURE.search(c.text):
        return []
    if any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions) or O.find_range(c.text):
        return []
    return [list(c.last.programs)]


def filter_again_without_some(q: Query, c: Context) -> bool:
    """The filter just answered, again without what is set aside (filter_list_without_some):
    "总经费超过3000万的有哪些 → 除了欧盟旗舰呢" lists the qualifying rest, what a next "剩下的
    合计多少" adds up."""
    if "filter_list_without_some" not in c.u.rules or c.last is None or not c.last.bounds:
        return False
    rest = [d for g in c.u.groups for d in g]
    q.op, q.intent, q.metric, q.groups = "filter", L.RANK, c.last.metric or "total", []
    q.bounds, q.restrict, q.source = list(c.last.bounds), rest, "previous"
    return True


# a share as a figure: "1%", "10 percent", "百分之五"
_PERCENT = (
    r"(?:(?P<v>\d+(?:\.\d+)?)\s*(?:%|％|\s*percent\b|\s*per\s+cent\b)"
    r"|百分之\s*(?P<w>[\d.]+|[一二两三四五六七八九十]+))"
)
_PERCENT_AFTER = re.compile(
    _PERCENT
    + r"\s*(?:的)?\s*(?P<c>或以上|及以上|以上|或以下|及以下|以下|以内|or\s+more|or\s+less)"
)


def _percent_bound(text: str) -> tuple[str, float] | None:
    """A comparator on a percentage: "less than 1% of the budget", "不到总经费1%", "占比超过
    10%", "百分之五以上"; the comparator may stand a few words before the figure."""
    _, _, words = O._comparator_regexes()
    alternation = "|".join(sorted(words, key=len, reverse=True))
    before = re.search(
        rf"(?<![a-z])(?P<c>{alternation})[^，,。?？!！;；\d]{{0,24}}?{_PERCENT}", text
    )
    hit = before or _PERCENT_AFTER.search(text)
    if hit is None:
        return None
    raw = hit.group("v") or hit.group("w")
    value = float(raw) if raw[:1].isdigit() else float(chinese_to_int(raw) or 0)
    return O._op_for(hit.group("c").strip(), words), value


def share_threshold(q: Query, c: Context) -> bool:
    """A threshold given as a share of the call's total ("不到政府间专项总经费1%的方向", "which
    directions get less than 5% of the budget", "占比超过10%的方向"): the bound is that share of
    the total of the call kept to (of both calls when none is), on each direction's total."""
    if c.named or not (O.asks_share(c.text) or _SHARE_OF_WHOLE.search(c.text)):
        return False
    found = _percent_bound(c.text)
    if found is None or not 0 < found[1] < 100:
        return False
    op, percent = found
    scope = _call_scope(c)
    whole = sum(call.total for call in c.k.calls if scope in (None, call.id))
    q.metric, q.bounds, q.groups, q.source, q.also = (
        "total",
        [(op, round(whole * percent / 100, 2))],
        [],
        "all",
        [],
    )
    q.restrict, q.share_basis = _pool(c, q), (percent, whole)
    q.op, q.intent, q.measures = "filter", L.RANK, ["total"]
    return True


# a part of a whole said without a share word: "account for less than 1% of the budget",
# "不到总经费的1%"
_SHARE_OF_WHOLE = re.compile(
    r"\baccount(?:s|ing)?\s+for\b|\bof\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:budget|total|funding|money)\b"
    r"|(?:总经费|总概算|总预算|预算|总金额|总额|专项|经费)(?:的)?\s*(?:\d|百分之)"
)


def filter_again_with_more(q: Query, c: Context) -> bool:
    """The filter just answered, again with more counted in: "平均正好200万的方向有哪些 → 港澳台的
    也算上", "which directions have exactly 3 million? → include the Macao one too": the same
    bounds over the last pool widened by the call or directions named now."""
    last = c.last
    if last is None or not last.bounds or not O.counted_in_too(c.text):
        return False
    calls = {m.id for m in c.u.mentions if m.kind == CALL}
    added = {d.id for d in c.k.directions if d.call in calls}
    added |= {d for g in c.u.groups for d in g}
    if not added:
        return False
    pool = [d.id for d in c.k.directions if not last.scope or d.call == last.scope]
    pool += [d.id for d in c.k.directions if d.id in added and d.id not in pool]
    q.op, q.intent, q.metric, q.groups = "filter", L.RANK, last.metric or "total", []
    q.bounds, q.source = list(last.bounds), "previous"
    q.restrict = pool if len(pool) < len(c.k.directions) else None
    return True
