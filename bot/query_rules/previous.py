"""Rules for follow-ups that work on the previous answer: running sums, the rest of a list, the
n-th of the last answer, its measure, track or topic."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot.decisions import points_at_one
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC
from bot.query_rules.common import (
    _ANY_DIRECTION,
    _ASKS_WHICH,
    _BARE_WHICH,
    _MONEY_EXTREME,
    _QUESTION,
    _RAW_CLAUSE,
    _apply_operation,
    _asking_clause,
    _averages_put_together,
    _clause_kinds,
    _field_part_not_given,
    _last_metric,
    _pool,
    _previous_selection,
    _split,
    _top_of_last_ranking,
    _unsplit_with_fields,
)
from bot.querymodel import COMPARE_OPS, INTENT_METRIC, METRIC_INTENT, Context, Query
from bot.resolve import SENTENCE_ASKS, topic_directions

# the rest of every direction, not of the list just given: "除了欧盟旗舰，其他政府间方向加起来"
_ALL_DIRECTIONS = re.compile(
    r"方向|专项|政府间|所有|全部|整个|\b(?:directions?|programmes?|programs?|calls?|all|every)\b"
)


# the others of a list ("其他几个", "其余的", "the other ones", "the remaining two")
_THE_OTHERS = re.compile(
    r"其他|其它|其余|其馀|剩下|剩余|仲有嘅|另外|另(?:两|三|几)|\b(?:the\s+)?(?:others?|rest|remaining)\b"
)


def rest_of_an_earlier_list(q: Query, c: Context) -> bool:
    """The others of the list answered before a turn about one of its directions: "哪些方向
    支持氢能 → 德国那个多少钱 → 除了德国以外，其他几个合计多少钱", "which directions cover
    batteries? → Germany's budget? → and the other ones together, without Germany?" — the sum
    over the list without what is set aside, not over every direction."""
    last = c.last
    if last is None or not last.listed or last.answered or c.named:
        return False
    if c.ops & {"ratio", "difference", "same"} or "each" in c.ops or c.u.scope:
        return False
    if (
        "sum" not in c.ops
        or not _THE_OTHERS.search(c.text)
        or _ALL_DIRECTIONS_EVERY.search(c.text)
    ):
        return False
    # "→ Germany budget? → what about the other two combined?": the others of the one just asked
    out = set(c.u.excluded) or {d for g in last.groups for d in g}
    rest = [d for d in last.listed if d not in out]
    if not out <= set(last.listed) or not rest:
        return False
    metric = c.metric(_last_metric(last)) or _last_metric(last) or "total"
    if metric not in ("total", "count"):
        return False
    q.groups, q.source, q.metric = [[d] for d in rest], "previous", metric
    q.op, q.intent = "sum", METRIC_INTENT[metric]
    q.excluded = []
    return True


# every direction, not those of a list ("其他所有方向", "all the other directions")
_ALL_DIRECTIONS_EVERY = re.compile(r"所有|全部|整个|专项|政府间|\b(?:all|every)\b")


# a few directions, or the one pointed at ("剩下的几个方向", "中德那个方向"): those of the list,
# not every direction
_FEW_DIRECTIONS = re.compile(r"(?:几|两|三|四)个方向|(?:这|那|嗰|呢)个方向")


def sum_of_the_rest(q: Query, c: Context) -> bool:
    """A sum over every direction but those set aside: "除了欧盟旗舰，其他政府间方向加起来一共
    多少钱", "apart from Russia, how many projects do the other directions fund in total?"."""
    if not c.u.excluded or c.named or c.u.topics or q.bounds:
        return False
    if c.ops & {"ratio", "difference", "same"} or O.superlative(c.text):
        return False
    if _ASKS_WHICH.search(c.text) and O.find_range(c.text, implicit_equal=True):
        return False  # "总经费是3000万的方向有哪些（港澳台那个不算）": a filter, the rest its pool
    if O.refers_previous(c.text) and (c.answered or c.chain):
        return False  # "去掉欧盟旗舰之后这些加起来多少": the rest of what was just listed
    listed = set(c.u.excluded) & set(c.answered)
    if listed and not c.u.scope and not _ALL_DIRECTIONS.search(_FEW_DIRECTIONS.sub(" ", c.text)):
        return False  # "哪些方向支持氢能 → 去掉韩国能源，其余的加起来多少钱": the rest of the list
    metric = c.metric("total") or "total"
    if metric not in ("total", "count"):
        return False
    scope = c.u.scope or next((m.id for m in c.u.mentions if m.kind == CALL), None)
    # "Total budget of the intergovernmental call without the EU lines": a call's total with
    # some set aside is the sum of the rest, with or without a sum word
    if "sum" not in c.ops and not (scope and (c.measures or q.intent in (L.BUDGET, L.COUNT))):
        return False
    pool = _pool(c, q)
    in_scope = [d for d in c.u.excluded if d in c.k.direction_by_id]
    if scope:
        in_scope = [d for d in in_scope if c.k.direction_by_id[d].call == scope]
    if len(pool) < 2 or not in_scope:
        return False  # "除了澳门那个，政府间专项一共多少钱": the other call set aside is the call
    q.groups, q.source, q.metric = [[d] for d in pool], "all", metric
    q.op, q.intent = "sum", METRIC_INTENT[metric]
    return True


def running_sum(q: Query, c: Context) -> bool:
    """More added to the figure just given: "意大利和以色列加起来多少钱 → 再加上韩国的",
    "德国总经费 → 再加上韩国的", "How many projects for Israel? → plus Italy? → and add the
    joint labs too" — the sum over what was added up so far and the names added now."""
    last = c.last
    if last is None or not c.named or not O.adds_to_previous(c.text):
        return False
    if c.ops & {"ratio", "difference", "same"} or "each" in c.ops:
        return False
    # "summarise the China-Israel direction → the combined budget if we added China-Italy?": a
    # figure asked in words is added to the one direction just talked about, whatever was shown
    asked = c.metric() or (INTENT_METRIC[q.intent] if q.intent in (L.BUDGET, L.COUNT) else None)
    metric = c.metric(_last_metric(last)) or _last_metric(last) or asked
    if metric not in ("total", "count"):
        return False
    asked_of_one = asked == metric and len(last.groups) == 1
    if last.intent not in (L.BUDGET, L.COUNT) and not asked_of_one:
        return False
    before = _split([list(g) for g in last.groups])
    if not before:
        return False
    n = O.how_many_previous(c.text)
    talked = {d for g in c.chain for d in g}
    if n and len(_split(c.chain)) >= n and {d for g in c.named for d in g} <= talked:
        return False  # "… → 三個歐洲方向加埋幾多": the three talked about, not one more added
    if _together_of_named(c, n):
        return False  # "中俄多少 → 南非兩個方向加埋呢": the partner's two added up, not to Russia
    seen = {d for g in before for d in g}
    added = [[d for d in g if d not in seen] for g in c.named]
    added = [g for g in added if g]
    if not added:
        return False
    # "中德多少钱 → 中以的呢 → 再加上中意，三个方向合计": the count said covers every direction
    # named turn after turn, not only the last one answered
    chain = [g for g in _split(c.chain) if not set(g) & {d for a in added for d in a}]
    if n and len(chain) > len(before) and len(chain) + len(_split(added)) == n:
        before = chain
    elif n and len(before) < n == len(chain):
        # "中俄多少钱 → 中西呢 → 这两个再加上中芬，一共多少": the count says how many were
        # talked about before the one added now
        before = chain
    elif not n and len(before) == 1 and len(chain) > 1:
        # "芬兰多少钱 → 奥地利呢 → 再加上阿根廷，一共多少": nothing was added up yet; what is
        # added to is every direction asked turn after turn under the measure
        before = chain
    q.groups, q.source, q.metric = [*before, *_split(added)], "previous", metric
    q.op, q.intent = "sum", METRIC_INTENT[metric]
    return True


def _together_of_named(c: Context, n: int | None) -> bool:
    """The number said counts the named directions themselves and the word that adds comes after
    them, a word of a sum ("南非兩個方向加埋呢", "韩国两个方向合埋呢"): they are added up among
    themselves ("加埋德國呢" adds Germany to what was just given)."""
    if not n or sum(len(g) for g in c.named) != n:
        return False
    add = O.VOCAB.add_previous.search(c.u.norm)
    names = [m.end for m in c.u.mentions if m.kind in (PARTNER, DIRECTION)]
    if add is None or not names or add.start() < max(names):
        return False
    return "sum" in O.operations(add.group())


# arithmetic taken away, not a set-aside ("去掉", "without"): "minus Germany?", "减去德国的"
_MINUS = re.compile(r"\bminus\b|\bsubtract|减去|减掉|(?<!加)(?<!删)减(?!少|半)")


def _minus_a_named(q: Query, c: Context, before: list[str]) -> bool:
    """ "Finland budget? → minus Germany?", "芬兰总经费多少 → 减去德国的是多少": the figure just
    given less the one named now, their difference (the named one was never in it)."""
    if c.ops & {"sum", "ratio", "each"}:
        return False
    metric = c.metric(_last_metric(c.last)) or _last_metric(c.last)
    if metric not in ("total", "count"):
        return False
    q.groups, q.source, q.metric = [before, list(c.u.excluded)], "previous", metric
    q.op, q.intent, q.asks, q.excluded = "compare", L.COMPARE, ["difference"], []
    c.u.excluded = []
    return True


def minus_from_previous(q: Query, c: Context) -> bool:
    """Something taken away from the sum just given: "德国和韩国加起来多少钱 → 去掉韩国能源的呢",
    "Germany and Korea combined? → minus the Korea energy one?" — the sum over the rest."""
    last = c.last
    if last is None or c.named or not c.u.excluded or last.intent not in (L.BUDGET, L.COUNT):
        return False
    one = [d for g in last.groups for d in g] if len(last.groups) == 1 else []
    if one and not set(c.u.excluded) & set(one) and _MINUS.search(c.text):
        return _minus_a_named(q, c, one)
    if c.ops & {"ratio", "difference", "same", "each"}:
        return False
    if c.measures and not set(c.measures) & {"total", "count"}:
        return False  # "韓國有幾多個call？ → 聯合研究嗰個（唔係能源嗰個）資助咩領域？" asks fields
    # the sum just given, else the directions named turn after turn ("德国多少钱 → 韩国呢 →
    # 去掉韩国能源的话一共多少" is Germany and Korea's joint research)
    groups = last.groups if len(last.groups) >= 2 or len(last.chain) < 2 else last.chain
    before = list(dict.fromkeys(d for g in groups for d in g))
    out = set(c.u.excluded)
    rest = [d for d in before if d not in out]
    if len(before) < 2 or not out & set(before) or not rest:
        return False
    metric = c.metric(_last_metric(last)) or _last_metric(last)
    if metric not in ("total", "count"):
        return False
    q.groups, q.source, q.metric = [[d] for d in rest], "previous", metric
    q.op, q.intent = "sum", METRIC_INTENT[metric]
    return True


# a figure asked ("俄罗斯最多几个项目", "what is the most Russia can get"): not an end checked
_FIGURE_ASKED = re.compile(r"多少|几|\bhow\s+(?:much|many)\b|\bwhat\b")


def extreme_of_talked_checked(q: Query, c: Context) -> bool:
    """One of the directions talked about turn after turn said to be the end of them: "Spain
    budget? → Russia? → Italy? → Italy is the lowest, yes?", "芬兰平均多少 → 德国呢 → 奥地利呢
    → 奥地利最低，对吧" — those talked about compared (the end named among them), not the
    figure of the one named again."""
    if c.last is None or len(c.named) != 1 or not O.superlative(c.text):
        return False
    if c.ops & {"sum", "ratio", "difference", "each"} or _FIGURE_ASKED.search(c.text):
        return False
    if _ALL_DIRECTIONS.search(c.text):
        return False  # "…奥地利是所有方向里最低的吗": among every direction
    chain = _split(c.chain)
    talked = {d for g in chain for d in g}
    if len(chain) < 2 or not set(c.named[0]) <= talked:
        return False
    metric = c.metric(_last_metric(c.last)) or _last_metric(c.last)
    if metric not in METRIC_INTENT:
        return False
    _apply_operation(q, c, chain, metric)
    q.op, q.intent, q.source = "compare", L.COMPARE, "previous"
    return True


def measure_of_previous(q: Query, c: Context) -> bool:
    """A measure or an order asked of the directions just talked about, named by none:
    "西班牙 → 俄罗斯呢 → 这两个方向总经费分别多少", "那兩個計畫的補助件數各是多少",
    "And how many projects does each fund?", "这三个按项目数排个序", "rank them please",
    "which of these has the fewest?" — each shown side by side, or ranked among themselves."""
    if not c.last or c.named or c.ops & {"sum", "ratio", "difference", "same"}:
        return False
    if O.money_over_projects(c.u.norm) and not O.ranking(c.text):
        return False  # "这三个的总经费除以总项目数": their money over their projects, pooled
    if c.u.from_context and len(c.u.groups) == 1 and points_at_one(c.text):
        return False  # "那这个方向的总经费、项目数分别是多少": one direction's measures
    if _top_of_last_ranking(c):
        return False  # "总经费最多的是哪个？ → 它两个领域分别几个项目": the top's own figures
    plural = O.refers_previous(c.text) or O.how_many_previous(c.text) or "each" in c.ops
    # "德国平均多少 → 奥地利呢 → 芬兰呢 → 哪个最少": a bare "which one" picks among the names
    # asked turn after turn, not among every direction
    plural = plural or bool(len(c.chain) >= 2 and _BARE_WHICH.search(c.text))
    explicit = O.ranking(c.text)
    if not plural and not explicit:
        return False
    if q.intent in (L.TOPIC, L.PARTNERS, L.OVERVIEW) and not explicit:
        return False
    groups = _previous_selection(c)
    if not groups or len(groups) < 2:
        return False
    # "which of the two is higher" is a comparison (the arithmetic rule's); an order of
    # three or more, or one asked in words ("排个序"), is a ranking among them
    # the names asked turn after turn ("Italy avg → Spain? → Finland? → which of these three
    # is highest?") are compared; a listed answer ("which of them has the most") is ranked
    listed = groups == [[d] for d in c.answered]
    # "中欧联合实验室经费多少 → 旗舰呢 → 一般类呢 → 这三个里面哪个平均最高": a measure the turns
    # did not give orders them anew (a ranking among them), the figures said are not compared
    asked = c.metric()
    anew = asked is not None and asked != _last_metric(c.last)
    sup = O.superlative(c.text) or (plural and _MONEY_EXTREME.search(c.text))
    ranking = explicit or (sup and len(groups) > 2 and (listed or anew))
    # "三者里项目数最多的是哪个"; two as well when the pick is bare after their figures ("疫苗的两
    # 个方向平均多少 → 边个最平"): the one of them, not a ranking of every direction (a listed
    # answer, "which of them has the largest budget?", is ranked among them: rank_of_previous)
    bare_pair = len(groups) == 2 and len(c.answered) < 2 and bool(_BARE_WHICH.search(c.text))
    picks = len(groups) > 2 or bare_pair
    if not ranking and O.superlative(c.text) and picks:
        _apply_operation(q, c, groups, _last_metric(c.last))
        q.op, q.intent, q.source = "compare", L.COMPARE, "previous"
        return True
    if not ranking and "more" in c.ops:
        return False
    if ranking and len(c.answered) >= 2:
        return False  # a ranking among a listed answer: rank_of_previous
    metric = c.metric(_last_metric(c.last)) or "total"
    if metric not in METRIC_INTENT:
        metric = "total"
    q.metric, q.source = metric, "previous"
    if ranking:
        low = O.ascending(c.text) or re.search(r"最(?:少|低|小)|least|lowest|fewest", c.text)
        low = low or "smallest" in c.text
        q.intent, q.op, q.groups, q.order = L.RANK, "show", [], "min" if low else "max"
        q.restrict = list(dict.fromkeys(d for g in groups for d in g))
        c.u.restrict = q.restrict
        return True
    if not c.measures and "each" not in c.ops:
        return False
    if q.intent == L.FIELDS and not set(c.measures) & set(METRIC_INTENT):
        # "哪些方向涉及氢能 → 它们分别资助哪些领域": the fields of each, not a figure
        q.op, q.groups = "show", groups
        return True
    q.intent, q.op, q.groups = METRIC_INTENT[metric], "show", groups
    return True


def _tracks_talked_about(c: Context) -> bool:
    """The last turns asked a figure of one direction of several tracks, by a field of it or
    of each track ("欧盟旗舰两个领域各多少钱"): its total answer lists the tracks' figures."""
    last = c.last
    if last is None or len(last.groups) != 1 or len(last.groups[0]) != 1:
        return False
    d = c.k.direction_by_id.get(last.groups[0][0])
    return bool(d and len(d.funding) >= 2 and _last_metric(last) in ("total", "count"))


# projects named with no measure word: "projects in both areas together?" counts them
_PROJECTS_WORD = re.compile(r"\bprojects\b|项目(?!经费|的经费|的钱)")


def arithmetic_on_previous(q: Query, c: Context) -> bool:
    """Arithmetic on what was just said: "意大利多少钱 → 以色列呢 → 一共多少" (the sum),
    "Spain → and Finland? → and Russia? → total for the three?", "哪个多 / 相差多少 / 几倍 /
    一样吗", "它们加起来多少" after a filter; the previous measure is kept unless one is named."""
    if not c.last or c.named or not (c.ops & {"sum", *COMPARE_OPS}):
        return False
    if "each" in c.ops:
        return False
    if c.ops == {"sum"} and [m for m in c.measures if m in METRIC_INTENT] == ["average"]:
        return False  # averages "taken together" are pooled (pooled_average), not added
    if _averages_put_together(c):
        return False  # "韩国两个方向平均 → 合在一起呢": pooled too
    if O.money_over_projects(c.u.norm):
        return False  # "total money divided by total projects for those three": pooled
    if c.u.intent == L.RANK and not (c.ops & {"sum", "ratio", "difference", "same"}):
        return False  # "哪些方向支持氢能 → 哪个钱最少": a ranking of them
    if c.ops == {"sum"} and O.VOCAB.pronoun.search(c.text) and not O.points_back_many(c.text):
        # "奥地利 → 俄罗斯呢 → 佢总共有几多经费": "it" is the last one, its total in all
        last = [list(g) for g in c.last.groups] or c.chain[-1:]
        if len(last) != 1:
            return False
        metric = c.metric(_last_metric(c.last)) or "total"
        if metric not in METRIC_INTENT:
            metric = "total"
        q.groups, q.source, q.metric, q.op = last, "previous", metric, "show"
        q.intent = METRIC_INTENT[metric]
        asked = [m for m in c.measures if m in METRIC_INTENT]
        if len(asked) > 1:
            # "那它一共支持几个项目、平均每项多少经费": its figures side by side, its card
            q.intent, q.measures = L.DETAIL, asked
        return True
    groups = _previous_selection(c)
    if not groups and c.ops == {"sum"} and _tracks_talked_about(c):
        # "the EU flagship climate strand? → and the food/agri one? → together?": its tracks
        # added up are the direction's total (its count, when projects were counted); a measure
        # asked now is the one added up ("EU flagship total? → how many projects in total across
        # its two fields?": its count)
        asked = c.metric() or ("count" if _PROJECTS_WORD.search(c.text) else None)
        metric = asked if asked in ("total", "count") else _last_metric(c.last) or "total"
        q.groups, q.source, q.metric = [list(c.last.groups[0])], "previous", metric
        q.op, q.intent = "show", METRIC_INTENT[metric]
        return True
    if not groups:
        return False
    listed = [[d] for d in c.answered]
    if groups == listed and O.superlative(c.text) and not (c.ops - {"more"}):
        return False  # "which of them funds the most projects?": a ranking of the list
    _apply_operation(q, c, groups, _last_metric(c.last))
    q.source = "previous"
    return True


def reverse_of_previous(q: Query, c: Context) -> bool:
    """The comparison just answered asked the other way round: "中芬平均是中奥的几倍 → 反过来呢"
    (Austria's as a multiple of Finland's), "Korea energy is how many times Korea joint research?
    → and the other way round?": the same measure and asks, the two sides swapped."""
    last = c.last
    if last is None or last.intent != L.COMPARE or len(last.groups) != 2 or c.named:
        return False
    if not O.reverse_asked(c.text):
        return False
    metric = c.metric(_last_metric(last)) or "total"
    q.groups = [list(last.groups[1]), list(last.groups[0])]
    q.metric = metric if metric in METRIC_INTENT else "total"
    q.op, q.intent, q.source = "compare", L.COMPARE, "previous"
    q.asks = [*(a for a in last.asks if a != "reversed"), "reversed"]
    return True


_WHICH_ONE = re.compile(
    r"第(?P<n>[一二两三四1-4])个(?!方向|领域|国家)|(?P<former>前者|the former|the first one)|"
    r"(?P<latter>后者|the latter|the second one|the last one)|"
    r"\b(?:the\s+)?(?P<en>third|fourth|3rd|4th)\s+one\b"  # "and the 3rd one, per project?"
)
_EN_NTH = {"third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def one_of_previous(q: Query, c: Context) -> bool:
    """One of the directions just listed: "以色列和阿根廷分别支持几个项目？ →
    第二个平均每项多少钱", "the latter?"."""
    m = _WHICH_ONE.search(c.text)
    chain = _split([list(g) for g in c.last.groups]) if c.last else []
    if len(chain) < 2:
        # "德国那个给多少钱 → 以色列呢 → 第一个平均每项多少": the ones named turn after turn
        chain = _split(c.chain)
    if not m or c.named or len(chain) < 2 or c.ops & {"sum", *COMPARE_OPS}:
        return False
    if m.group("former"):
        n = 1
    elif m.group("latter"):
        n = len(chain) if "last" in m.group("latter") or "后" in m.group("latter") else 2
    elif m.group("en"):
        n = _EN_NTH[m.group("en")]
    else:
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}[raw]
    if n > len(chain):
        return False
    metric = c.metric(None)
    q.groups, q.source = [chain[n - 1]], "previous"
    if metric:
        q.intent, q.metric = METRIC_INTENT[metric], metric
    elif "fields" in c.measures:
        q.intent = L.FIELDS
    elif q.intent in (L.UNKNOWN, L.COMPARE, L.RANK, L.OVERVIEW):
        q.intent = c.last.intent if c.last and c.last.intent in INTENT_METRIC else L.DETAIL
    return True


def places_set_aside(q: Query, c: Context) -> bool:
    """The rest of the list just given once some of its places are set aside: "经费最少的三个
    方向 → 它们平均多少 → 除咗头两个，剩低嗰个有几多个项目", "apart from the first two, how many
    projects has the remaining one?" — the directions left, in the list's order; added up when
    a sum is asked."""
    found = O.places_set_aside(c.text)
    last = c.last
    if found is None or last is None or c.named or c.ops & set(COMPARE_OPS):
        return False
    if O.superlative(c.text):
        return False  # "除了前两名，哪个最多": a ranking of the rest (the ranking rules)
    chain = _split([list(g) for g in last.groups])
    if len(chain) < 2:
        chain = [[d] for d in last.answered]
    end, n = found
    rest = chain[n:] if end == "first" else chain[:-n]
    if len(chain) < 2 or not rest or n >= len(chain):
        return False
    metric = c.metric(None)
    if metric is None and "fields" not in c.measures:
        metric = _last_metric(last)
    q.groups, q.source, q.excluded, q.restrict, q.order, q.nth = (
        rest,
        "previous",
        [],
        None,
        None,
        None,
    )
    c.u.excluded, c.narrowed = [], rest
    if metric in METRIC_INTENT:
        q.intent, q.metric = METRIC_INTENT[metric], metric
        if "sum" in c.ops and len(rest) > 1 and metric != "average":
            q.op = "sum"
            return True
    elif "fields" in c.measures:
        q.intent = L.FIELDS
    else:
        q.intent = L.DETAIL
    q.op = "show"
    return True


def measure_carried_over(q: Query, c: Context) -> bool:
    """A follow-up that asks no measure keeps the one talked about: "Average per project for
    Spain? → and for the EU co-funding mechanism general projects?" (the "projects" of a name
    is not a count asked)."""
    if not c.last or c.measures or q.op != "show" or q.intent not in INTENT_METRIC:
        return False
    if not c.named:
        return False  # "钱呢", "总共呢": the understanding's own cue words ask the measure
    last = _last_metric(c.last)
    if last is None or last not in METRIC_INTENT or INTENT_METRIC[q.intent] == last:
        return False
    if not (O.follow_up(c.text) or _ALSO.search(c.text)):
        return False
    q.intent, q.metric = METRIC_INTENT[last], last
    return True


# the same said of another: "以色列平均多少 → 意大利是不是也200万", "Italy also 2 million?"
_ALSO = re.compile(
    r"(?:也|都)\s*(?:是|系|有|才|就)?\s*[0-9一二两三四五六七八九十]|\b(?:also|too)\b"
)


def topic_stated_of_previous(q: Query, c: Context) -> bool:
    """A field named in a statement beside a question on the direction just talked about:
    "中意资助哪些领域？ → 好的，文化遗产在里面。那平均每个项目多少钱？", "中芬总经费多少？ →
    那它补助哪些领域？我们做智慧电网跟绿能。" — the figure (or fields) of that direction; the
    field is what the asker found or works on, not a part of the direction whose figure is
    asked."""
    if not c.u.topics or not c.last or len(c.last.groups) != 1:
        return False
    if any(m.kind in (PARTNER, DIRECTION, CALL) for m in c.u.mentions):
        return False
    clauses = [cl for cl in _RAW_CLAUSE.split(c.u.text) if cl.strip()]
    # (an English auxiliary asks only at the start: "aerospace is there" tells)
    asking = [cl for cl in clauses if SENTENCE_ASKS.search(O.folded(cl).strip())]
    if not asking or len(asking) == len(clauses):
        return False
    if any(TOPIC in _clause_kinds(c, cl) for cl in asking):
        return False  # "健康那个领域呢？": the field is asked
    asked_text = O.folded(" ".join(asking))
    if _OVER_OTHERS.search(asked_text):
        return False  # "我们做氢能。还有哪些方向支持？": asked over every direction
    if _WHOLE_CALL.search(asked_text) or O.whole_notice(asked_text):
        return False  # "我们做氢能。整个专项一共多少钱？": the call's figure
    asked = [m for m in O.measures(asked_text) if m in METRIC_INTENT or m == "fields"]
    if not asked:
        return False
    last = list(c.last.groups[0])
    q.groups, q.source = [last], "previous"
    if "fields" in asked:  # its fields, with the yes/no on the field the asker works on
        q.intent, q.metric = L.FIELDS, None
        return True
    q.topics = []
    if len(asked) > 1:
        q.intent, q.measures, q.metric = L.DETAIL, asked, asked[0]
    else:
        q.intent, q.metric = METRIC_INTENT[asked[0]], asked[0]
    return True


# the call as a whole asked, not the direction in talk
_WHOLE_CALL = re.compile(
    r"专项|所有|全部|整个|各个|每个方向|\b(?:all|every|whole|entire|overall|calls?)\b"
)
# which directions, or others than the one in talk ("还有哪些方向", "有没有别的", "any other
# programme"): asked over every direction
_OVER_OTHERS = re.compile(
    r"(?:哪|边)(?:些|啲|几个|个|一个)?\s*(?:方向|计划|计画|项目|专项|call)|其他|其它|别的|另外|"
    r"(?:有没有|有冇|有无)\s*(?:方向|计划|项目)|\b(?:which|any|other)\s+(?:other\s+)?"
    r"(?:directions?|programmes?|programs?|calls?|ones?)\b"
)


# directions sought beyond the one in talk: "and which other directions also cover …",
# "还有哪些方向也做…" (a follow-up that asks no field of the direction just talked about)
_OTHER_DIRECTIONS_SOUGHT = re.compile(
    r"(?:哪|边)(?:些|啲|几个)\s*(?:方向|计划|项目)|(?:其他|其它|别的)(?:的)?(?:方向|计划)|"
    r"\b(?:which|any)\s+(?:other\s+)?(?:directions?|programm?es?|programs?)\b|"
    r"\bother\s+(?:directions?|programm?es?|programs?)\b"
)


def track_of_previous(q: Query, c: Context) -> bool:
    """A follow-up naming a field of the direction just talked about: "欧盟旗舰项目一共支持
    几个？ → 气候变化和生物多样性那个领域呢？" asks that direction's figure for the field."""
    names = any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions)
    if not c.u.topics or names or not c.last or len(c.last.groups) != 1:
        return False
    if q.intent != L.TOPIC and (q.intent not in INTENT_METRIC or q.source != "named"):
        return False
    if _OWN_FIELDS.search(c.text) and not set(c.measures) & set(METRIC_INTENT):
        return False  # "咁佢資助咩領域？有冇包海洋？": its fields (topic_of_previous), no figure
    # the figure asked in this message ("Tell me about the EU flagship → only the food &
    # agriculture field, what is its budget?"), else the one just asked ("…那个领域呢？")
    metric = c.metric() or ("total" if "total" in c.measures else None)
    if metric is None:
        # "…总经费係幾多？ → 咁佢資助咩領域㗎？有冇包海洋科學？" asks its fields, not a
        # field's figure
        if "fields" in c.measures:
            return False
        if not O.follow_up(c.text) or c.last.intent not in INTENT_METRIC:
            return False
        if _OTHER_DIRECTIONS_SOUGHT.search(c.text):
            return False  # "ok, and which other directions also cover X?": over every direction
        metric = INTENT_METRIC[c.last.intent]
    elif _WHICH_OF_ALL.search(_WHAT_FIGURE.sub(" ", _asking_clause(c.text))) and not O.points_back(
        c.text
    ):
        return False  # "which programmes fund food, and how much?" asks over every direction

    last = list(c.last.groups[0])
    if not set(last) <= set(topic_directions(c.k, c.u.topics, c.u.topic_mode)):
        return False
    if _unsplit_with_fields(c, last):
        # "中芬多少钱 → 健康那个领域呢？": one line of money over all its fields has no part
        # per field (only a direction split by track answers a field's figure)
        _field_part_not_given(q, c, last)
        return True
    q.intent, q.groups, q.source = METRIC_INTENT[metric], [last], "previous"
    q.metric, q.topics = metric, []
    asked = [m for m in c.measures if m in METRIC_INTENT]
    if len(asked) > 1:  # "…area: what is budget and how many project?": the track's figures
        q.intent, q.measures = L.DETAIL, asked
    return True


# "which ones" over every direction; "有冇/有没有" alone is the yes/no of the direction in talk
# ("中俄個call資助咩領域？ → 咁有冇包海洋研究？"), unless it asks for directions ("有冇边个方向")
_WHICH_OF_ALL = re.compile(
    r"哪|边|which|what|list|(?:有冇|有没有)\s*(?:其他|别的|边|哪|啲|些|方向|call|项目|计划)|"
    r"仲有|还有|有啲|有些"
)


# "what is (the) budget", "what's the average": the figure asked, no choice among directions
_WHAT_FIGURE = re.compile(
    r"\bwhat(?:\s+is|\s+are|'s|s)?\s+(?:the\s+|its\s+)?(?=budget|funding|average|total|money|amount|number)"
)


# what the direction in talk does: "做啥的", "搞咩㗎", "研究什么的", "what does it do/fund"
_OWN_FIELDS = re.compile(
    r"^\W*(?:那|咁|噉)?\s*(?:它|佢)?\s*(?:是|系|係)?\s*(?:做|干|搞|研究|资助|支持)\s*(?:啥|什么|甚么|咩|乜嘢?|乜)"
    # "它资助哪些领域？有医疗相关的吗？": its fields, asked by a which of fields
    r"|^\W*(?:那|咁|噉)?\s*(?:它|佢)\s*(?:主要)?\s*(?:资助|支持|补助|覆盖|包括|涵盖)\s*(?:哪些|边啲|哪几个)"
    r"\s*(?:研究)?(?:领域|范畴|方面)"
    r"|\bwhat\s+(?:does|do)\s+(?:it|they|that\s+one|this\s+one)\s+(?:do|fund|cover|support)\b"
    # "which research areas it is? Is only hydrogen?", "what fields does it cover?", "它是哪些
    # 领域的？只有氢能吗": the fields of "it", the direction in talk
    r"|\b(?:which|what)\s+(?:research\s+)?(?:areas?|fields?|topics?|subjects?|themes?)\s+"
    r"(?:is\s+it|it\s+is|(?:does|do|will)\s+(?:it|they)|(?:it|they)\s+(?:funds?|covers?|supports?)"
    r"|(?:is|are)\s+(?:it|they)\s+(?:funding|covering|supporting)|(?:it|they)\s+(?:is|are)\s+"
    r"(?:funding|covering|supporting))\b"
    r"|(?:它|佢)\s*(?:主要)?\s*(?:是|系|有|做|涉及|包括|覆盖|资助|支持)?\s*(?:哪些|什么|咩|边啲|乜嘢?|哪几个)"
    r"\s*(?:研究)?(?:领域|范畴|方面|学科)"
    # one of its fields asked into: "What exactly does the water part include?", "水那部分具体包括
    # 什么？", "水嗰部分包咩"
    r"|\bthe\s+[\w\s-]{2,30}?\s(?:part|area|field|side|bit|track|strand)\s+(?:exactly\s+)?"
    r"(?:includes?|covers?|contains?|means?|involves?)\b"
    r"|(?:那|嗰|这|的)\s*(?:部分|块|一块|方面|领域)\s*(?:具体|到底|主要)?\s*(?:包括|包含|包|涉及|指|是)"
    r"\s*(?:什么|啥|甚么|咩|乜嘢?|乜|哪些|边啲)"
)


# its other fields asked beside the topic: "它只支持氢能吗？还有别的领域没", "does it only fund
# hydrogen, any other fields?" — the fields of the direction in talk, not the topic's directions
_ITS_OTHER_FIELDS = re.compile(
    r"(?:别的|其他|其它|其余|另外的?|第二啲|其他嘅)\s*(?:研究)?(?:领域|范畴|方面)|"
    r"\bother\s+(?:research\s+)?(?:fields?|areas?|topics?)\b"
)


# a field checked in a learner's statement with a question mark: "Astrophysics is inside?",
# "the research area is only hydrogen?", "only hydrogen?", "hydrogen included?"
_FIELD_CHECKED = re.compile(
    r"\b(?:is|are)?\s*(?:inside|included|covered|in\s+it|in\s+there|part\s+of\s+it)"
    r"(?:\s+(?:or\s+not|too|also|as\s+well))?\s*\?"
    r"|\b(?:is|are)\s+only\s+[\w\s-]{2,40}\?|^\W*only\s+[\w\s-]{2,40}\?"
    # "淨係做天體物理？", "只有氢能？" (no 吗): whether it is all the direction funds
    r"|^\W*(?:那|咁)?\s*(?:净系|淨係|只系|只係|只有|只是|就只|仅|僅)\s*(?:做|资助|支持|有|系)?[^?？]{1,20}[?？]"
)


def topic_of_previous(q: Query, c: Context) -> bool:
    """A yes/no about a field right after one direction was talked about: "Korea energy
    programme — budget? → does it include hydrogen? and CCS?", "中德多少钱 → 支持氢能吗" — that
    direction's fields, not every direction on the topic."""
    if q.intent != L.TOPIC or c.named or not c.last or len(c.last.groups) != 1:
        return False
    # "阿根廷那个多少钱 → 做啥的 食品？": what it does, food checked — its own fields
    own = bool(_OWN_FIELDS.search(c.text)) and not _ANY_DIRECTION.search(c.text)
    own = own or bool(_ITS_OTHER_FIELDS.search(c.text))
    if not own and (_WHICH_OF_ALL.search(c.text) or _ANY_DIRECTION.search(c.text)):
        return False
    if c.u.excluded or (O.only_one(c.text) and not own):
        return False
    checked = any(O.yes_no(cl) for cl in _QUESTION.split(c.text))
    if not own and not checked and not _FIELD_CHECKED.search(c.text):
        return False
    q.intent, q.groups, q.source = L.FIELDS, [list(c.last.groups[0])], "previous"
    return True
