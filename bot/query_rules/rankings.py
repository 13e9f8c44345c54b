"""Rules for rankings: the top, the n-th, both ends, a ranking among the directions named, and
"最多" as a limit rather than a ranking."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC
from bot.query_rules.common import (
    _AT_MOST_ASKED,
    _BARE_WHICH,
    _COMPARE_WORD,
    _MONEY_EXTREME,
    _RAW_CLAUSE,
    _WHICH,
    _asking_clause,
    _clause_kinds,
    _ends,
    _figures,
    _last_metric,
    _mentioned_groups,
    _pool,
    _previous_selection,
    _split,
    _tracked,
    _tracks_named,
)
from bot.querymodel import METRIC_INTENT, Context, Query
from bot.resolve import examples_told
from knowledge.model import Direction
from textnorm.normalize import normalize


def call_of_a_ranking(q: Query, c: Context) -> bool:
    """A ranking within the one call the message names: "政府间专项里经费最少的方向是哪个",
    "Which intergovernmental direction has the fewest projects?" ranks that call's directions
    only (the Macao direction is not one of them)."""
    if q.intent != L.RANK or q.op != "show" or c.named:
        return False
    calls = {m.id for m in c.u.mentions if m.kind == CALL}
    if not (c.u.scope or len(calls) == 1) or len(c.k.calls) < 2:
        return False
    pool = _pool(c, q)
    if q.restrict is not None:  # "除X外，政府间专项中…最高": the exclusions, within the call
        pool = [i for i in q.restrict if i in pool]
    if len(pool) == len(c.k.directions) or len(pool) < 2:
        return False
    q.restrict = c.u.restrict = pool
    return True


def _named_for_ranking(c: Context) -> list[list[str]]:
    """The directions named, less a name only guessed by sound or spelling in a sentence of
    context ("学院科技政策研究中心…" where 中心 sounds like 中西): an ordinal or a ranking
    asked after it is about every direction."""
    named = c.named
    if not named:
        return named
    clause = O.folded(_asking_clause(c.u.text))
    names = [m for m in c.u.mentions if m.kind in (PARTNER, DIRECTION)]
    if names and all(m.how in ("sound", "fuzzy") and m.text not in clause for m in names):
        return []
    # "我院与阿根廷、南非、俄罗斯都有合作。…平均资助额最低的两个方向是哪两个？": names only in
    # a clause about the asker, the ranking asked in another
    if _names_only_about_asker(c):
        return []
    clauses = [cl for cl in _RAW_CLAUSE.split(O.folded(c.u.text)) if cl.strip()]
    if names and clause.strip() and len(clauses) >= 2:
        homes = [[cl for cl in clauses if normalize(m.text) in normalize(cl)] for m in names]
        # "Argentina is the smallest of all? and which is second smallest?": the name is checked
        # against the top of the ranking that the next clause asks about
        if all(h and all(cl != clause and O.superlative(cl) for cl in h) for h in homes):
            return []
    return named


def _names_only_about_asker(c: Context) -> bool:
    """Every partner or direction named stands only in clauses about the asker, not in the
    clause that asks ("我院与阿根廷、南非、俄罗斯都有合作。…最低的两个方向是哪两个？")."""
    names = [m for m in c.u.mentions if m.kind in (PARTNER, DIRECTION)]
    clause = O.folded(_asking_clause(c.u.text))
    # split before folding: folding turns "，" into ","
    clauses = [O.folded(cl) for cl in _RAW_CLAUSE.split(c.u.text) if cl.strip()]
    if not names or not clause.strip() or len(clauses) < 2:
        return False
    homes = [[cl for cl in clauses if normalize(m.text) in normalize(cl)] for m in names]
    about = _about_asker_clauses(clauses)
    return all(h and all(cl != clause and cl in about for cl in h) for h in homes)


# a clause going on with the one before ("我所与欧洲多国都有合作，也和俄罗斯有项目"): same speaker
_GOES_ON = re.compile(r"^\W*(?:也|还|并且|并|而且|同时|另外也|另外还)")


def _about_asker_clauses(clauses: list[str]) -> set[str]:
    """The clauses about the asker, with those that go on with one ("…，也和俄罗斯有项目。")."""
    about: set[str] = set()
    before = False
    for cl in clauses:
        before = O.about_asker(cl) or (before and bool(_GOES_ON.search(cl)))
        if before:
            about.add(cl)
    return about


# "the second one" (an ordinal the ranking vocabulary leaves to a list's places, one_of_previous)
_NTH_ONE = re.compile(r"\b(?P<n>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+one\b")


# the place after the one just given along a ranking: "下一个呢", "再下一個", "and the next one?"
_NEXT_PLACE = re.compile(
    r"^\W*(?:那|咁|那么)?\s*(?:再)?(?:下一个|下一位|下一名|下个|后面一个|后一个|跟住(?:嗰个|落嚟)?)"
    r"|^\W*(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:then\s+)?(?:the\s+)?next(?:\s+one)?\W*$"
    r"|^\W*(?:and\s+)?(?:the\s+)?(?:one\s+)?after\s+(?:it|that)(?:\s+one)?\W*$"
)


# the second place of the ranking just given, whatever place was last asked
_RUNNER_UP = re.compile(r"\brunners?[\s-]*up\b|亚军|亞軍")


def next_place_of_ranking(q: Query, c: Context) -> bool:
    """The next place along the ranking just given: "哪个方向总经费最少 → 下一个呢" is the
    second lowest, "倒数第二呢 → 下一个呢" the third lowest (the ranking's own order); "and the
    runner-up?" its second place."""
    last = c.last
    if last is None or last.intent != L.RANK or c.named:
        return False
    runner_up = bool(_RUNNER_UP.search(c.text))
    if not runner_up and not _NEXT_PLACE.search(c.text):
        return False
    ranking = list(last.listed) or list(last.answered)
    # the place just given, or the last of the places a tie shared ("并列第2–4名 → 下一个")
    focus = last.groups[0] if len(last.groups) == 1 else ()
    if len(ranking) < 2 or not focus or not set(focus) < set(ranking):
        return False  # a tie answered is the list kept: its place in the ranking is gone
    q.metric = last.metric if last.metric in ("total", "count", "average") else "total"
    q.order = last.order or "max"
    q.intent, q.op, q.groups, q.source = L.RANK, "nth", [], "all"
    q.nth = 2 if runner_up else max(ranking.index(d) for d in focus) + 2
    q.restrict = _pool(c, q)
    return True


def ordinal_position(q: Query, c: Context) -> bool:
    """An ordinal on a measure: "经费第三多的方向", "项目数排第四的是哪个", "倒数第五",
    "the second smallest average", and after a ranking "第二呢" / "and the fourth smallest?"."""
    o = O.ordinal(c.text)
    last_rank = bool(c.last and c.last.intent == L.RANK)
    if o is None and last_rank:
        # "smallest budget direction? → second one?": the place in the ranking just given
        o = O.ordinal(_NTH_ONE.sub(r"\g<n>", c.text))
    if o and o.n == 2 and _FIRST_AND_SECOND.search(c.text):
        return False  # "第一和第二加起来": the first two places (top_of_ranking)
    if not o or not (O.ordinal_in_context(c.text) or last_rank or c.measures):
        return False
    if _named_for_ranking(c):
        return False
    q.metric = c.metric((c.last.metric if last_rank and c.last else None) or "total")
    if q.metric not in ("total", "count", "average"):
        q.metric = "total"
    ranked_on, of_answer = _measure_of_the_ordinal(c)
    if ranked_on:
        # "项目数第二少的是哪个方向？它平均每项资助多少？": ranked by the count, the average of
        # the answer asked after it
        q.metric, q.measures, q.asks = ranked_on, [ranked_on, *of_answer], ["of_answer"]
    q.order = o.order or (c.last.order if last_rank and c.last else None) or "max"
    q.intent, q.op, q.nth, q.groups, q.source = L.RANK, "nth", o.n, [], "all"
    q.restrict = _pool(c, q)
    several = _several_positions(c, q.order)
    if several:
        # "倒数第二和倒数第三分别是哪个", "the 2nd and 3rd largest": each place of one ranking
        q.order = several[0].order or q.order
        q.nths = sorted(o.n for o in several)
        q.nth = q.nths[0]
        return True
    # "counting from the smallest" says where the count starts, it asks no smallest of its own
    rest = O.VOCAB.ascending.sub(" ", O.without_ordinals(c.text))
    if o.n == 2 and O.superlative(rest):
        q.op = "top"  # "the fewest, and the second fewest": the first two of the ranking
        if "sum" in c.ops and "each" not in c.ops and q.metric != "average":
            # "what do the lowest and second lowest add up to?": the two added
            q.op, q.intent = "top_sum", METRIC_INTENT[q.metric]
    return True


def _several_positions(c: Context, order: str | None) -> list[O.Ordinal]:
    """The places asked together in one ranking ("第二和第三多", "2nd and 3rd largest",
    "倒數第二同第三"), when two or more are asked from the same end; [] for one."""
    found = O.ordinals(c.text)
    if len(found) < 2 or len({o.order or order for o in found}) != 1:
        return []
    return found


def _measure_of_the_ordinal(c: Context) -> tuple[str | None, list[str]]:
    """The one measure written in the clause of the ordinal, and the other measures asked in
    clauses of their own after it (of the direction that answers it), when both are said."""
    clauses = [cl for cl in _RAW_CLAUSE.split(c.u.text) if cl.strip()]
    at = next((i for i, cl in enumerate(clauses) if O.ordinal(O.folded(cl))), None)
    if at is None:
        return None, []
    clause = normalize(clauses[at])
    own = [m for m in O.measures(clause) if m in METRIC_INTENT]
    rest = clauses[at + 1 :]
    if len(own) == 2:
        # "项目数第二少的方向平均每项多少": the measure right before the ordinal ranks, the one
        # after it is asked of the answer
        start = min(
            (m.start() for p in O.VOCAB.ordinals for m in p.finditer(clause)), default=None
        )
        before = O.measure_before(clause, start, tuple(own)) if start is not None else None
        if before is None or before not in O.measures(clause[:start]):
            return None, []
        own, rest = [before], [clause[start:], *rest]
    if len(own) != 1:
        return None, []
    after = [
        m for cl in rest for m in O.measures(normalize(cl)) if m in METRIC_INTENT and m != own[0]
    ]
    return (own[0], list(dict.fromkeys(after))) if after else (None, [])


_QUESTION_END = re.compile(r"(?<=[？?])")
_RANKING_OPS = ("show", "top", "nth", "filter")


def rankings_asked_apart(q: Query, c: Context) -> bool:
    """Rankings or filters on different measures asked as questions of their own ("1. 哪个方向
    经费最多？2. 哪个方向项目最少？", "1. 总经费超过5000万的方向有哪些？2. 项目数少于5个的方向
    有哪些？"): each question answered as if asked alone, not one ranking or one conjunction."""
    from bot.courtesy import question
    from bot.listing import enumerated_items
    from bot.query import build_query
    from bot.understand import understand

    if _named_and_ranking_apart(q, c):
        return True
    if c.named or q.intent != L.RANK:
        return False
    parts = enumerated_items(c.u.text)
    if len(parts) < 2:
        parts = [p for p in _QUESTION_END.split(c.u.text) if O.measures(normalize(p))]
    if not 2 <= len(parts) <= 4:
        return False
    built = []
    for part in parts:
        one = build_query(understand(question(part, c.index), c.index, c.last), c.index, c.last)
        if one.intent != L.RANK or one.op not in _RANKING_OPS or one.groups:
            return False
        built.append(one)
    shapes = {(p.metric, p.order, tuple(p.bounds), p.nth) for p in built}
    if len(shapes) < len(built) or len({p.metric for p in built}) < 2:
        return False  # one measure: the other rules read it ("最多和最少", a range)
    q.op, q.parts, q.groups, q.source = "parts", built, [], "all"
    return True


def _named_and_ranking_apart(q: Query, c: Context) -> bool:
    """Numbered questions, each with its own question mark, one a measure of named directions
    and one a ranking over every direction ("1. 以色列支持几个项目？2. 哪个方向平均最高？"): each
    answered as if asked alone."""
    from bot.courtesy import question
    from bot.listing import enumerated_items
    from bot.query import build_query
    from bot.understand import understand

    parts = enumerated_items(c.u.text)
    if len(parts) != 2 or not all(re.search(r"[?？]", p) for p in _raw_items(c.u.text)):
        return False
    built = [
        build_query(understand(question(p, c.index), c.index, c.last), c.index, c.last)
        for p in parts
    ]
    ranking = [p for p in built if p.intent == L.RANK and p.op in ("show", "top") and not p.groups]
    named = [
        p
        for p in built
        if p.intent in METRIC_INTENT.values() and p.op == "show" and p.groups and not p.topics
    ]
    if len(ranking) != 1 or len(named) != 1 or any(p.readings for p in built):
        return False
    q.op, q.parts, q.groups, q.source, q.intent = "parts", built, [], "all", L.RANK
    return True


def _raw_items(text: str) -> list[str]:
    """The numbered items as written, up to the next marker (their question marks kept)."""
    from bot.listing import _MARKER

    starts = list(_MARKER.finditer(text))
    return [
        text[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(text)]
        for i, m in enumerate(starts)
    ]


def _extremes_of_previous(c: Context) -> list[list[str]] | None:
    """The directions of the last turns when the extremes are asked among them ("三个里面",
    "of these three"), not among every direction."""
    if c.last is None or not (O.refers_previous(c.text) or O.how_many_previous(c.text)):
        return None
    groups = _previous_selection(c)
    return groups if groups and len(groups) >= 2 else None


def _extreme(c: Context, q: Query, metric: str, end: str, skip: set[str]) -> Direction | None:
    pool = [c.k.direction_by_id[i] for i in _pool(c, q) if i not in skip]
    if not pool:
        return None
    if end == "max":
        return max(pool, key=lambda d: max(_figures(d, metric) or [0.0]))
    return min(pool, key=lambda d: min(_figures(d, metric) or [0.0]))


def named_against_an_extreme(q: Query, c: Context) -> bool:
    """One direction set against the top or bottom of a ranking: "澳门方向比政府间专项里总经费
    最小的方向多多少钱", "how many times the smallest direction is Finland?" — the named one
    and the extreme (within the call named, if any), compared."""
    if len(c.named) != 1 or not (c.ops & {"ratio", "difference"}) or "each" in c.ops:
        return False
    ends = _ends(c.text)
    if len(ends) != 1 or O.ordinal(c.text):
        return False
    metric = c.metric("total") or "total"
    if metric not in METRIC_INTENT:
        metric = "total"
    named = c.named[0]
    other = _extreme(c, q, metric, ends.pop(), set(named))
    if other is None:
        return False
    q.intent, q.op, q.metric, q.source = L.COMPARE, "compare", metric, "named"
    q.groups, q.asks = [list(named), [other.id]], sorted(c.ops & {"ratio", "difference"})
    return True


# the place just below the top, said as a word: "the runner-up", "亚军", "第二名" is an ordinal
# "和第二名比呢", "同倒数第二比一比": set against, with no figure asked
_BARE_THAN = re.compile(
    r"比(?:呢|一下|一比|起来|起嚟|较|較)|(?:和|跟|同|与)[^，,。？?]{1,12}比\W*$"
)


def _at_place(c: Context, q: Query, metric: str, order: str, n: int) -> list[str]:
    """The directions at the n-th place of a ranking (ties share a place, as _nth shows them;
    when the top itself is tied, the n-th figure down)."""
    pool = [c.k.direction_by_id[i] for i in _pool(c, q)]
    if not pool:
        return []
    low = order == "min"

    def value(d: Direction) -> float:
        figures = _figures(d, metric) or [0.0]
        return min(figures) if low else max(figures)

    values = sorted({value(d) for d in pool}, reverse=not low)
    places = {
        d.id: 1 + sum(1 for e in pool if (value(e) < value(d) if low else value(e) > value(d)))
        for d in pool
    }
    if n > len(pool):
        return []
    first = max(p for p in places.values() if p <= n)
    hits = [i for i, p in places.items() if p == first]
    if first == 1 and len(hits) > 1 and n <= len(values):
        hits = [d.id for d in pool if value(d) == values[n - 1]]
    return hits


def top_against_a_place(q: Query, c: Context) -> bool:
    """The end a ranking just picked set against another place of the same ranking: "Which
    direction has the largest total budget? → How much bigger is it than the second largest?",
    "经费最多的是哪个 → 比第二名多多少", "→ 和最少的差几倍" — the two compared (a tie at either
    place is each of the tied)."""
    last = c.last
    if last is None or last.intent != L.RANK or last.order not in ("max", "min") or c.named:
        return False
    asks = c.ops & {"ratio", "difference"}
    # "how does it compare to the runner-up?", "和第二名比呢": set side by side, nothing computed
    compared = "more" in c.ops and bool(_COMPARE_WORD.search(c.text) or _BARE_THAN.search(c.text))
    if not (asks or compared) or "each" in c.ops or c.u.topics:
        return False
    if not 1 <= len(last.programs) <= 3:
        return False
    o = O.ordinal(c.text) or O.ordinal(_NTH_ONE.sub(r"\g<n>", c.text))  # "the 2nd one"
    if o is not None:
        n, order = o.n, o.order or last.order
    elif _RUNNER_UP.search(c.text):
        n, order = 2, last.order
    else:
        ends = _ends(c.text) - {last.order}
        if len(ends) != 1:
            return False  # "比它多多少" with no other place: not this shape
        n, order = 1, ends.pop()
    metric = c.metric(_last_metric(last)) or _last_metric(last) or "total"
    if metric not in METRIC_INTENT:
        metric = "total"
    top = list(last.programs)
    other = [d for d in _at_place(c, q, metric, order, n) if d not in top]
    if not other:
        return False
    q.intent, q.op, q.metric, q.source = L.COMPARE, "compare", metric, "previous"
    q.groups = [[d] for d in top] + [[d] for d in other]
    q.asks, q.order = sorted(asks), last.order  # the conclusion is about the end just picked
    return True


def previous_against_an_extreme(q: Query, c: Context) -> bool:
    """The top or bottom of a ranking set against the one direction just answered, pointed back
    at: "意大利多少钱？ → 总经费最多的方向是它的几倍？", "Israel's budget? → how much more does
    the largest direction get than it?" — the extreme and "it", compared (after a ranking, the
    end it picked against the other end is another rule's)."""
    if c.last is None or c.named or not (c.ops & {"ratio", "difference"}) or "each" in c.ops:
        return False
    if not (O.VOCAB.pronoun.search(c.text) or _IT.search(c.text)):
        return False
    if O.refers_previous(c.text) or O.how_many_previous(c.text):
        return False  # "它们", "these two": every direction of the last answer
    ends = _ends(c.text)
    if len(ends) != 1 or O.ordinal(c.text):
        return False
    last = c.last
    if last.intent == L.RANK and last.order:
        return False  # the end a ranking just picked against another end: top_against_a_place
    groups = [list(g) for g in last.groups]
    if len(groups) != 1 or len(groups[0]) != 1:
        return False  # "it" is one direction the last answer gave
    previous = groups[0][0]
    metric = c.metric(_last_metric(last)) or "total"
    if metric not in METRIC_INTENT:
        metric = "total"
    other = _extreme(c, q, metric, ends.pop(), set())
    if other is None or other.id == previous:
        return False  # "it" is that end itself: the runner-up is another kind of question
    q.intent, q.op, q.metric, q.source = L.COMPARE, "compare", metric, "previous"
    q.groups, q.asks = [[other.id], [previous]], sorted(c.ops & {"ratio", "difference"})
    return True


# "it" / "that" pointing back at the one direction just answered (too common a word for the
# shared pronoun vocabulary)
_IT = re.compile(r"\b(?:it|that\s+one|this\s+one)\b")


def ends_of_two_rankings(q: Query, c: Context) -> bool:
    """Arithmetic on the two ends just asked: "largest total? → and the smallest? → ratio
    between them?", "项目最多的是哪个 → 最少的呢 → 差多少" — the two winners, compared."""
    last = c.last
    if last is None or last.intent != L.RANK or c.named:
        return False
    if not (c.ops & {"ratio", "difference", "same"}) or "each" in c.ops:
        return False
    chain = c.chain
    if len(chain) < 2 or _ends(c.text):
        return False
    metric = c.metric(_last_metric(last)) or "total"
    if metric not in METRIC_INTENT:
        metric = "total"
    q.intent, q.op, q.metric, q.source = L.COMPARE, "compare", metric, "previous"
    # a tie at one end is each of the tied, not their sum ("最多的是西班牙和俄罗斯 → 最少的呢")
    q.groups = [[d] for g in chain[-2:] for d in g]
    q.asks = sorted(c.ops & {"ratio", "difference", "same"})
    return True


def extremes_compared(q: Query, c: Context) -> bool:
    """The largest against the smallest: "总经费最大的方向是最小方向的多少倍？", "how much
    more does the biggest direction get than the smallest?" — a comparison of the two."""
    if c.named or not (c.ops & {"ratio", "difference"}):
        return False
    ends = _ends(c.text)
    if ends != {"max", "min"}:
        return False
    previous = _extremes_of_previous(c)
    metric = c.metric(_last_metric(c.last) if previous else "total") or "total"
    if metric not in METRIC_INTENT:
        metric = "total"
    if previous:
        # "芬兰平均 → 德国呢 → 韩国能源的呢 → 三个里面最高的是哪个，比最低的高多少": the
        # directions talked about, compared side by side (the gap is top against bottom)
        q.intent, q.op, q.metric, q.source = L.COMPARE, "compare", metric, "previous"
        q.groups, q.asks = previous, sorted(c.ops & {"ratio", "difference"})
        # the end asked first is the one asked for ("which is lowest, how far below the top?")
        first = next(O.VOCAB.superlative.finditer(c.text))
        q.order = "min" if O.VOCAB.bottom_words.search(first.group()) else "max"
        return True
    pool = [c.k.direction_by_id[i] for i in _pool(c, q)]
    if not pool:
        return False

    def figures(d: Direction) -> list[float]:
        return _figures(d, metric) or [0.0]

    high = max(max(figures(d)) for d in pool)
    low = min(min(figures(d)) for d in pool)
    # a tie at an end is every direction there ("项目数最多的方向" when two have 20), each compared
    tops = [d.id for d in pool if max(figures(d)) == high]
    bottoms = [d.id for d in pool if min(figures(d)) == low and d.id not in tops]
    if not bottoms:
        return False
    q.intent, q.op, q.metric, q.source = L.COMPARE, "compare", metric, "all"
    q.groups = [[i] for i in tops] + [[i] for i in bottoms]
    q.asks = sorted(c.ops & {"ratio", "difference"})
    return True


# "前两名", "头两个", "top 2", "第一和第二": the first places of whatever ranking was just given
_NEUTRAL_TOP = re.compile(
    r"(?:前|头|頭)\s*[0-9两二三四五六七八九十]+\s*(?:个|名)|\btop\s*(?:\d+|two|three|four|five)\b"
)
_FIRST_AND_SECOND = re.compile(
    r"第一(?:名|位)?\s*(?:和|同|与|跟|加|\+)\s*第二|\b(?:the\s+)?(?:first|1st)\s+(?:and|\+|plus)\s+"
    r"(?:the\s+)?(?:second|2nd)\b"
)


def _last_ranking(c: Context) -> tuple[str | None, str | None]:
    """The order and measure of the ranking just given, if the last turn was one."""
    if c.last is None or c.last.intent != L.RANK or not c.last.order:
        return None, None
    return c.last.order, _last_metric(c.last)


# a count's wording checked, two qualifiers of it set side by side: "是最多10个还是大约10个",
# "is it up to 10 or about 10 projects"
_WORDING_CHECKED = re.compile(
    r"(?:最多|不超过|至多|约|大约|大概)\s*\d+\s*个?(?:项目)?\s*(?:还是|或者|定系)|"
    r"\b(?:up\s+to|about|around|at\s+most)\s+\d+\W*\s+or\s+"
)


def top_of_ranking(q: Query, c: Context) -> bool:
    """The first n of a ranking, listed or added up: "经费最少的三个方向总共多少钱",
    "top 3 directions by number of projects"; after a ranking, "前两名加起来多少" / "第一和第二
    加起来" are the first places of that ranking, in its order and on its measure."""
    t = O.top_n(c.text)
    order, metric = _last_ranking(c)
    if not t and order and _FIRST_AND_SECOND.search(c.text):
        t = O.Ordinal(2, order)
    if not t or _named_for_ranking(c):
        return False
    if c.named and _WORDING_CHECKED.search(c.text):
        return False  # "中欧一般类是最多10个还是大约10个": the named direction's count checked
    neutral = bool(_NEUTRAL_TOP.search(c.text) or _FIRST_AND_SECOND.search(c.text))
    q.metric = c.metric(metric if neutral else None) or c.metric("total")
    if q.metric not in ("total", "count", "average"):
        q.metric = "total"
    if neutral and order:
        t = O.Ordinal(t.n, order)
    q.order, q.nth, q.groups, q.source = t.order, t.n, [], "all"
    q.restrict = _pool(c, q)
    if "sum" in c.ops and "each" not in c.ops and q.metric != "average":
        q.op, q.intent = "top_sum", METRIC_INTENT[q.metric]
    else:
        q.op, q.intent = "top", L.RANK
    return True


_WHICH_TRACK = re.compile(
    r"(?:哪|边)\s*(?:一|1)?\s*个?\s*(?:领域|板块|部分|赛道)|(?:领域|板块|赛道)\s*(?:是|系)?\s*(?:哪|边)|"
    r"\bwhich\s+(?:one\s+of\s+the\s+)?(?:tracks?|areas?|strands?)\b"
)
# the more or the most of the two: "哪个领域钱多", "which track funds more projects"
_MORE_OR_MOST = re.compile(
    r"最|更|较|(?<!几)(?<!好)多(?!少)|(?<!多)少|高|低|\b(?:more|most|less|fewer|fewest|higher|highest|"
    r"lower|lowest|"
    r"bigger|biggest|larger|largest|smaller|smallest)\b"
)


def extreme_track(q: Query, c: Context) -> bool:
    """Which track of one direction has the most: "欧盟旗舰平均最高的领域是哪个", "Which track of
    the EU flagship funds more projects?" — its tracks side by side, not a ranking of all."""
    if not (_WHICH_TRACK.search(c.text) and _MORE_OR_MOST.search(c.text)):
        return False
    named = list(dict.fromkeys(d for g in c.named for d in g))
    if len(named) != 1 or not _tracked(named[0], c):
        return False
    metric = c.metric(c.u.metric if c.u.metric in METRIC_INTENT else "total") or "total"
    q.intent, q.op, q.metric, q.groups = L.COMPARE, "compare_tracks", metric, [named]
    q.asks, q.order = [], None
    return True


def limit_not_ranking(q: Query, c: Context) -> bool:
    """ "西班牙嗰個方向最多資助幾多個項目": 最多 is the limit of one named direction, not a
    ranking of all of them."""
    pool = c.u.restrict or []
    if q.intent != L.RANK or not pool or _WHICH.search(c.text) or q.bounds:
        return False
    partners = {c.k.direction_by_id[d].partner for d in pool if d in c.k.direction_by_id}
    named = {m.id for m in c.u.mentions if m.kind == PARTNER} | {
        c.k.direction_by_id[m.id].partner
        for m in c.u.mentions
        if m.kind == DIRECTION and m.id in c.k.direction_by_id
    }
    if len(partners) != 1 or not partners <= named:
        return False
    metric = c.metric(q.metric or "count") or "count"
    if metric not in METRIC_INTENT:
        return False
    q.intent, q.metric, q.groups, q.restrict, q.order = (
        METRIC_INTENT[metric],
        metric,
        [pool],
        None,
        None,
    )
    c.u.restrict = None
    return True


def limit_of_previous(q: Query, c: Context) -> bool:
    """ "最多" after a figure of named directions, asking no "which": "中欧旗舰两个领域分别资助
    几个项目 → 一共最多几个？" is that direction's count (the notice's "不超过"), and of several
    directions their sum — not a ranking of every direction."""
    if q.intent != L.RANK or c.named or q.bounds or not c.last:
        return False
    if _WHICH.search(c.text) or not _AT_MOST_ASKED.search(c.text) or not c.last.groups:
        return False
    track = _one_track_of_last(c) if c.u.topics else None
    if c.u.topics and track is None:
        return False
    metric = c.metric(_last_metric(c.last) or "count") or "count"
    if metric not in ("total", "count"):
        return False
    groups = _split([list(g) for g in c.last.groups])
    q.groups, q.source, q.metric, q.order, q.restrict = groups, "previous", metric, None, None
    c.u.restrict = None
    q.op = "sum" if len(groups) > 1 else "show"
    q.intent = METRIC_INTENT[metric]
    if track is not None:
        q.tracks, q.topics = {groups[0][0]: track}, []
    return True


def _one_track_of_last(c: Context) -> int | None:
    """The one track of the one direction just talked about that the topic words name: "中欧
    旗舰有哪些领域 → 食品、农业和生物技术那个领域最多支持几个项目" asks that track's limit."""
    assert c.last is not None
    if len(c.last.groups) != 1 or len(c.last.groups[0]) != 1:
        return None
    d = c.k.direction_by_id.get(c.last.groups[0][0])
    hits = _tracks_named(c, d, True) if d is not None and _tracked(d.id, c) else []
    return hits[0] if len(hits) == 1 else None


# the low end of a ranking asked: "最少", "the fewest", "边个最平" (cheapest), "minimum"
_LOW_END = re.compile(
    r"最(?:少|低|小|平(?!均)|便宜)|\b(?:least|lowest|smallest|fewest|cheapest|minimum|min)\b"
)


def rank_of_previous(q: Query, c: Context) -> bool:
    """A ranking among the directions just listed: "directions with total above CNY 50
    million? → which of them funds the most projects?", "这些方向里平均资助哪个最高"."""
    among = O.refers_previous(c.text) or O.among_previous(c.text) or O.list_back(c.text)
    # "德国、奥地利和阿根廷的总经费 → 最少的那个平均每项多少": "the one" is one of those given
    among = among or bool(
        _THE_ONE_PICKED.search(c.text)
        and c.last is not None
        and c.last.intent in (L.BUDGET, L.COUNT, L.AVERAGE, L.COMPARE)
        and len(c.last.programs) >= 2
    )
    # a bare pick right after the figures of a few directions, or after a topic's list
    # ("邊啲方向有提到海洋？ → 邊個總經費最多？")
    bare = _bare_which(c) or bool(
        c.last is not None and c.last.intent == L.TOPIC and _BARE_WHICH.search(c.text)
    )
    # "哪些方向支持碳捕集 → 按平均排一下": an order asked right after a topic's list or a
    # filter's is an order of the directions it gave
    listed = c.last is not None and (c.last.intent == L.TOPIC or bool(c.last.bounds))
    ordered = listed and O.ranking(c.text)
    bare = bare or ordered
    extreme = _MONEY_EXTREME.search(c.text) if among or bare else None
    ranking = q.intent == L.RANK or O.superlative(c.text) or extreme or ordered
    # "其中项目数最多的呢", "among them, which has the most projects?"; after the figures of a
    # few directions, a bare "邊個最平？" (not after a ranking of them all)
    pool = list(c.answered)
    if (bare or among) and len(pool) < 2 and c.last is not None:
        # "德国 奥地利 阿根廷 经费 → 其中最少的": among the directions whose figures were given
        pool = c.last.programs
    # "哪个项目最多 → 除了它们以外呢": the word points at the top just set aside, not the list
    pool = [d for d in pool if d not in c.u.excluded]
    if not ranking or c.named or not c.last or len(pool) < 2 or not (among or bare):
        return False
    q.intent, q.op, q.groups = L.RANK, "show", []
    q.order = "min" if _LOW_END.search(c.text) else "max" if extreme else q.order
    q.order = q.order or ("min" if _LOW_END.search(c.text) else "max")
    q.restrict, q.source = pool, "previous"
    q.metric = c.metric(None) or (_last_metric(c.last) if extreme or bare else None) or q.metric
    q.metric = q.metric if q.metric in METRIC_INTENT else c.metric("total")
    _then_its_measure(q, c, pool)
    return True


# "其中最少的那个平均每项多少", "the smallest one, what is its average?": the end picked by the
# measure just given, then another measure asked of it
_THE_ONE_PICKED = re.compile(
    r"最(?:多|少|高|低|大|小|平(?!均)|便宜|贵)\s*(?:(?:的|嘅)\s*(?:那|这|嗰|呢)?|那|这|嗰|呢)\s*(?:一)?\s*"
    r"(?:个|位)"
    r"|\bthe\s+(?:most|least|highe?st|lowe?st|larg(?:e|est)|smal{1,2}(?:est)?|bigg(?:est)?|"
    r"fewest)\s+one\b"
)


def _then_its_measure(q: Query, c: Context, pool: list[str]) -> None:
    """The end of the previous answer's directions picked by the measure they were given in,
    then another measure asked of that one: its figure, not a ranking by the new measure."""
    m = _THE_ONE_PICKED.search(c.text)
    if not m or c.last is None:
        return
    before = O.measures(c.text[: m.start()])
    after = [x for x in O.measures(c.text[m.end() :]) if x in METRIC_INTENT]
    picked_by = next((x for x in before if x in METRIC_INTENT), None) or _last_metric(c.last)
    if len(after) != 1 or picked_by not in METRIC_INTENT or after[0] == picked_by:
        return
    value = {d: _figures(c.k.direction_by_id[d], picked_by) for d in pool}
    if not all(value.values()):
        return
    key = {d: (sum(v) if picked_by != "average" else max(v)) for d, v in value.items()}
    end = min(key.values()) if q.order == "min" else max(key.values())
    ends = [d for d in pool if key[d] == end]
    if len(ends) != 1:
        return  # a tie: the ranking shows both
    q.intent, q.op, q.metric, q.groups = METRIC_INTENT[after[0]], "show", after[0], [ends]
    q.restrict, q.order = None, None


def _bare_which(c: Context) -> bool:
    """A bare "which is the most" right after the figures of a few directions (not a ranking of
    all): among those ("边啲方向有提到疫苗 → 佢哋平均几多钱 → 边个最平")."""
    last = c.last
    if last is None or last.intent not in (L.AVERAGE, L.BUDGET, L.COUNT, L.COMPARE):
        return False
    return bool(_BARE_WHICH.search(c.text))


def rank_among_named(q: Query, c: Context) -> bool:
    """A superlative among directions named: "Between Finland, Germany and Austria, which one
    has the highest average per project?" compares those three, not all directions."""
    named = c.named if len(c.named) >= 2 else _mentioned_groups(c)
    if q.intent != L.RANK or len(named) < 2 or c.u.excluded or q.bounds:
        return False
    if not c.named and examples_told(c.u.norm, c.u.mentions):
        return False  # "我校合作院校中有俄罗斯、西班牙等…哪个方向…最多": examples, no pool
    if _names_only_about_asker(c):
        # "我们和西班牙、意大利有合作，哪个方向项目数最多？": whom the asker works with, no pool
        return False
    if not O.superlative(c.text):
        return False
    metric = c.metric(q.metric or "total") or "total"
    if metric not in METRIC_INTENT:
        return False
    q.intent, q.op, q.groups, q.metric, q.asks = L.COMPARE, "compare", named, metric, []
    q.restrict, q.order = None, None
    c.u.restrict = None
    return True


def ranking_measure(q: Query, c: Context) -> bool:
    """A ranking on the one measure the message names plainly, when the cue sums read
    another: "請問補助件數最少的是哪一個計畫" ranks by the number of projects (件數), not by the
    budget its 補助 suggests."""
    if q.intent != L.RANK or q.op != "show" or q.bounds or q.nth:
        return False
    asked = [m for m in c.measures if m in METRIC_INTENT]
    if len(asked) != 1 or asked[0] == q.metric:
        return False
    q.metric = asked[0]
    return True


# every direction, said in the question itself: "所有方向里…最多的是哪个", "among all directions"
_EVERY_DIRECTION = re.compile(
    r"所有(?:的)?(?:指南)?方向|全部(?:的)?(?:指南)?方向|全体方向|各个方向|整个专项|"
    r"\b(?:all|every|of\s+all\s+the|among\s+all(?:\s+the)?)\s+(?:directions?|programm?es|programs)\b"
)


def ranking_over_every_direction(q: Query, c: Context) -> bool:
    """A ranking asked over every direction in so many words, a topic only in a sentence about
    the asker: "我们是做能源的，不过先问个大的：所有方向里平均每个项目给钱最多的是哪个？" ranks
    all directions, not the energy ones."""
    if q.intent != L.RANK or c.named or not c.u.topics:
        return False
    clause = _asking_clause(c.u.text)
    if not _EVERY_DIRECTION.search(O.folded(clause)) or TOPIC in _clause_kinds(c, clause):
        return False
    q.topics, c.u.topics = [], []
    q.restrict = c.u.restrict = None
    q.source = "all"
    return True
