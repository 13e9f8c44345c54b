"""Rules for arithmetic over the directions named in the message: pooled averages, divisions,
sums against a named one, tracks compared."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot import tracks as T
from bot.entities import CALL, DIRECTION, PARTNER
from bot.query_rules.common import (
    _ASKED,
    _RAW_CLAUSE,
    _THAN,
    _apply_operation,
    _asking_clause,
    _averages_put_together,
    _clause_directions,
    _last_metric,
    _mentioned_groups,
    _previous_selection,
    _split,
    _tracked,
    _tracks_named,
)
from bot.querymodel import COMPARE_OPS, INTENT_METRIC, METRIC_INTENT, Context, Query
from knowledge.model import Knowledge


def _both_tracks_named(c: Context) -> str | None:
    """The one direction named whose tracks the message names two or more of ("领域一与领域二",
    "FAB or CCB")."""
    for g in c.named:
        for ident in g:
            d = c.k.direction_by_id.get(ident)
            if T.tracked(d) and len(_tracks_named(c, d)) >= 2:
                return ident
    return None


def tracks_compared(q: Query, c: Context) -> bool:
    """The tracks of one direction set against each other: "歐盟旗艦兩個領域每個項目平均幾多錢 →
    相差幾多？", "For the EU flagship: is the climate area bigger in money than the food area?"
    — a direction of several funding lines is the only thing there is to compare."""
    asks = c.ops & {"ratio", "difference", "same", "more"}
    both = _both_tracks_named(c)
    # "each" said of the asker ("两个团队分别准备领域一和领域二，…相差多少") divides nothing asked
    each = "each" in c.ops and "each" in O.operations(O.folded(_asking_clause(c.u.text)))
    if not asks or ("sum" in c.ops and not both) or each:
        return False  # ("FAB or CCB, which has more in total": "in total" is the measure)
    named = [d for g in c.named for d in g]
    if both and all(both in g for g in c.named) and not O.superlative(c.text):
        # "中欧旗舰的领域一与领域二相差多少": its partner read as a name too is still it
        named = [both]
    if named:
        # one direction named alone, and no other talked about before to set it against
        # (named by its tracks' marker words alone, "领域一比领域二", it has no mention)
        if len(named) != 1 or not _tracked(named[0], c):
            return False
        if len(_mentioned_groups(c)) > 1 and named[0] != both:
            return False
        if named[0] in c.u.excluded or O.superlative(c.text):
            return False  # "which has the largest average if we put aside the EU flagship?"
        others = {d for g in c.chain for d in g} - set(named)
        if others:
            return False
        ident = named[0]
    else:
        last = c.last
        if last is None or len(last.groups) != 1 or len(last.groups[0]) != 1:
            return False
        if len(c.chain) >= 2 or not _tracked(last.groups[0][0], c):
            return False
        if last.groups[0][0] in c.u.excluded:
            return False  # "平均最高的是哪个 → 除了它以外哪个最高": it is set aside
        ident = last.groups[0][0]
        q.source = "previous"
    # the direction just talked about keeps its measure ("欧盟旗舰平均每项多少 → 领域二是领域一的
    # 几分之几" compares the averages)
    again = bool(c.last) and [list(g) for g in c.last.groups] == [[ident]]
    metric = c.metric(_last_metric(c.last) if not named or again else "total") or "total"
    if metric not in METRIC_INTENT:
        metric = "total"
    # "总经费多多少？平均资助额又相差多少？": each measure the message asks of its tracks
    # (in the order asked, clause by clause)
    said = [m for cl in _RAW_CLAUSE.split(c.text) for m in O.measures(cl)]
    several = [m for m in dict.fromkeys(said) if m in c.measures and m in METRIC_INTENT]
    several = several if named else []
    q.measures = several if len(several) >= 2 else [metric]
    q.intent, q.op, q.metric, q.groups = L.COMPARE, "compare_tracks", metric, [[ident]]
    q.asks = sorted(asks - {"more"})
    return True


def _prefer_chain(named: list[list[str]], chain: list[list[str]]) -> list[list[str]]:
    """A partner named again stands for its direction talked about: "韩国联合研究 → 芬兰呢 →
    芬兰是韩国的几倍" compares Finland with 2.0, not with both Korean directions."""
    out = []
    for g in named:
        match = next((h for h in reversed(chain) if set(h) < set(g)), None)
        out.append(list(match) if match else g)
    return out


def _sums_by_partner(groups: list[list[str]], k: Knowledge) -> list[list[str]]:
    """Sums set against each other, one per partner: "南非两个方向合计，与韩国两个方向（联合研究
    和能源技术）合计相比" — Korea's two directions named one by one are one side."""
    out: dict[str, list[str]] = {}
    for g in groups:
        partners = {k.direction_by_id[d].partner for d in g if d in k.direction_by_id}
        if len(partners) != 1:
            return groups
        out.setdefault(partners.pop(), []).extend(g)
    merged = [list(dict.fromkeys(g)) for g in out.values()]
    return merged if len(merged) == 2 else groups


# "than" or "比" set one side against the other (not "比较", "比例": a comparison or a share)
_THAN_AT = re.compile(r"\bthan\b|比(?!较|例|率|值)")
# "跟中俄比谁多": the name between 跟 and 比 is the side set against the rest
_AGAINST_AT = re.compile(r"(?:跟|同|与)(?=[^，,。？?；;和]{1,12}?比(?!较|例|率|值))")


def _sides_of_than(groups: list[list[str]], c: Context) -> list[list[str]] | None:
    """A sum set against a name: "is it more than Austria and Germany together?", "比奥地利和
    德国加起来还多吗" — the names after "than" are one side added up, the rest the other."""
    # the 跟 nearest its 比: "中意同中以加埋同中俄比" sets Russia against the other two
    against = list(_AGAINST_AT.finditer(c.u.norm)) if "比" in c.u.norm else []
    than = against[-1] if against else _THAN_AT.search(c.u.norm)
    if not than:
        return None
    after: set[str] = set()
    for mention in c.u.mentions:
        if mention.start < than.end():
            continue
        if mention.kind == DIRECTION:
            after.add(mention.id)
        elif mention.kind == PARTNER:
            after |= {d.id for d in c.k.directions_by_partner.get(mention.id, ())}
    later = [d for g in groups for d in g if set(g) & after]
    earlier = [d for g in groups for d in g if not set(g) & after]
    return [earlier, later] if earlier and later else None


_SENTENCE_END = re.compile(r"[?？。!！;；]")


def _sides_by_sentence(groups: list[list[str]], c: Context) -> list[list[str]] | None:
    """Two sums asked in two sentences, then compared: "以色列和意大利加起来多少？西班牙和芬兰
    加起来又是多少？哪边多？" — each sentence's directions added up are one side."""
    sides: list[list[str]] = []
    for sentence in _SENTENCE_END.split(c.u.text):
        if not sentence.strip() or "sum" not in O.operations(O.folded(sentence)):
            continue
        inside = _clause_directions(c, sentence)
        side = [d for g in groups for d in g if set(g) & inside]
        if side:
            sides.append(side)
    every = [d for g in groups for d in g]
    if len(sides) != 2 or sorted(d for g in sides for d in g) != sorted(every):
        return None
    return sides


_AND_CLAUSE = re.compile(r",\s*(?=(?:and|but)\b)")  # "…the same, and how many each?"
# the tracks of one direction counted ("两个领域", "both tracks"): not two directions
_TRACKS_COUNTED = re.compile(
    r"(?:两|二|2|兩)\s*个?\s*(?:领域|領域)|(?:各|每个|所有)领域|"
    r"\b(?:two|both|2|all|the)\s+(?:tracks?|strands?|areas|fields|funding\s+lines)\b"
)


def _counted_with_markers(c: Context, named: list[list[str]], n: int) -> list[list[str]]:
    """The directions counted ("the three EU-related directions together (joint labs,
    flagship and co-funding mechanism)"): a partner's direction named only by a marker word
    ("flagship", which alone is two partners' word) joins those named when the partner is named
    and the count then adds up."""
    partners = {m.id for m in c.u.mentions if m.kind == PARTNER}
    ids = [d for g in named for d in g]
    extra = [
        d
        for d in c.u.markers
        if d not in ids and d in c.k.direction_by_id and c.k.direction_by_id[d].partner in partners
    ]
    if len(ids) + len(extra) != n:
        return named
    return named + [[d] for d in extra]


def pooled_average(q: Query, c: Context) -> bool:
    """The average of several directions taken together: "中韩两个方向合起来算，总经费除以总
    项目数，平均每个项目是多少", "Korea's two directions combined, what is the average per
    project?" — their totals added over their projects added, not the two averages compared."""
    # "so total money divided by total projects for those three?": the money over the projects
    # is the average asked, whatever measure words it is written with
    divided = O.money_over_projects(c.u.norm)
    together = divided or _averages_put_together(c)
    if not together and ("average" not in c.measures or "sum" not in c.ops):
        return False
    if c.ops & {"ratio", "difference", "same", "more", "each"}:
        return False
    ids = [d for g in c.named for d in g]
    if not ids and c.last and not c.u.topics:
        # "中德和中韩能源…一共多少？ → 两个方向合在一起算，平均每个项目多少钱？": those in talk
        ids = [d for g in _previous_selection(c) or [] for d in g]
        if len(set(ids)) < 2 and c.u.from_context:
            # "哪些方向支持氢能 → 它们一共几个项目 → 它们的总经费除以总项目数": those the last
            # answer added up
            ids = [d for g in c.u.groups for d in g]
    if len(set(ids)) < 2:
        return False
    q.intent, q.op, q.groups, q.metric = L.AVERAGE, "pooled", [list(dict.fromkeys(ids))], "average"
    return True


def pooled_by_division(q: Query, c: Context) -> bool:
    """Several directions' money divided by their projects written out: "这几个方向总经费除以
    总项目数是多少", "So total money divided by total projects for those three?" — the directions
    named, or else those just talked about, pooled (their totals over their projects), before
    the previous turn's measure is shown again. A call named is the call's (call_average)."""
    if not O.money_over_projects(c.u.norm) or c.u.topics:
        return False
    if c.ops & {"ratio", "difference", "same", "more"}:
        return False
    ids = [d for g in c.named for d in g]
    source = "named"
    if not ids:
        if c.last is None or any(m.kind == CALL for m in c.u.mentions):
            return False
        if O.call_as_a_whole(c.text) or O.whole_notice(c.text):
            return False
        ids, source = [d for g in _previous_selection(c) or [] for d in g], "previous"
    ids = list(dict.fromkeys(ids))
    if len(ids) < 2:
        return False
    q.intent, q.op, q.groups, q.metric, q.source = L.AVERAGE, "pooled", [ids], "average", source
    return True


def average_by_division(q: Query, c: Context) -> bool:
    """One direction's money divided by its projects: "芬兰方向总经费除以项目数是多少？",
    "Finland: budget divided by the number of projects?" — its average per project (the notice
    states it), not the two figures on a card."""
    # "德国多少钱 → 总经费除以项目数呢": the one direction just talked about
    named = c.named or ([list(g) for g in c.u.groups] if c.u.from_context else [])
    if len({d for g in named for d in g}) != 1 or q.op != "show":
        return False
    if not O.money_over_projects(c.u.norm):
        return False
    source = "named" if c.named else "previous"
    q.intent, q.metric, q.groups, q.source = L.AVERAGE, "average", [list(named[0])], source
    return True


def sum_of_talked_against_named(q: Query, c: Context) -> bool:
    """The directions just talked about, added up, set against one named after "than": "Austria
    total? → and Korea joint research? → combined, is that more than Germany's budget?",
    "奥地利多少钱 → 韩国联合研究呢 → 两个加起来比德国多吗" — the sum on one side, the named one
    on the other (not a sum of the last one and the named one)."""
    if not c.named or not {"sum", "more"} <= c.ops or c.ops & {"ratio", "difference"}:
        return False
    # the last one talked about may be among the names (compare_with_previous): the one
    # named against the sum is the one not talked about
    last = _split(c.chain)[-1:]
    targets = [g for g in c.named if g not in last]
    if len(targets) != 1:
        return False
    target = targets[0]
    than = _THAN.search(c.text)
    names = [m for m in c.u.mentions if m.kind in (DIRECTION, PARTNER)]
    if than is None or not names or any(m.start < than.start() for m in names):
        return False  # a name before "than" is a side of its own (arithmetic_on_named)
    chain = [g for g in _split(c.chain) if not set(g) & set(target)]
    n = O.how_many_previous(c.text) or len(chain)
    if not 2 <= n <= min(len(chain), 3):
        return False
    summed = list(dict.fromkeys(d for g in chain[-n:] for d in g))
    metric = c.metric(_last_metric(c.last)) or "total"
    if metric not in ("total", "count"):
        return False
    q.intent, q.op, q.groups, q.metric, q.asks = (
        L.COMPARE,
        "compare",
        [summed, target],
        metric,
        [],
    )
    q.source = "previous"
    return True


def _directions_of_counted(named: list[list[str]], n: int) -> list[list[str]] | None:
    """The directions of a partner counted and then spelt out: "中韩两个方向（联合研究和能源技术
    联合研究）相差几倍" names Korea's two directions as a group and one of them again; each of the
    group's directions is compared, not the group against its own part."""
    whole = next((g for g in named if len(g) == n), None)
    if whole is None or any(not set(g) < set(whole) for g in named if g is not whole):
        return None
    return [[d] for d in whole]


def arithmetic_on_named(q: Query, c: Context) -> bool:
    """Arithmetic on named directions: "total budget finland + germany + austria",
    "以色列同意大利加埋資助幾多個項目", "芬兰平均每项是阿根廷的几倍", and with one name after
    a question about another: "咁同南非聯合研究比邊個多啲", "旗舰比芬兰多多少"."""
    named = c.named
    if not named or not (c.ops & {"sum", "ratio", "difference", "same", "more"}):
        return False
    if "each" in c.ops and _each_of_asker(c.text):
        c.ops = c.ops - {"each"}  # what the asker's teams do each asks nothing
    compared = c.ops & {"ratio", "difference", "same"}
    # "each" of a sentence about the asker ("三个团队分别对接意大利、以色列和德国。请问…是不是一样
    # 多？") asks nothing: only the asking sentence's "each" shows every figure instead
    each = "each" in c.ops and ("each" in O.operations(_asking_part(c.text)) or not compared)
    if each and not (compared and len(c.measures) >= 2 and len(named) >= 2):
        return False  # "…the same, and how many projects each?": the comparison shows both
    if compared and len(c.measures) >= 2:
        parts = [p for cl in _RAW_CLAUSE.split(c.text) for p in _AND_CLAUSE.split(cl)]
        clause = next((cl for cl in parts if O.operations(cl) & compared), "")
        c.measures = O.measures(clause) or c.measures  # the measure compared is its clause's
    mentioned = _mentioned_groups(c)
    if len(named) == 1 and len(mentioned) >= 2 and c.ops & {"ratio", "difference", "same"}:
        named = mentioned  # "中芬方向的经费是多少？顺便问下跟德国那个比差多少"
    n = O.how_many_previous(c.text)
    one = len(named) == 1 and len(named[0]) == 1
    if one and _tracked(named[0][0], c) and _TRACKS_COUNTED.search(c.text):
        return False  # "旗舰两个领域合计多少钱": its tracks added up, the direction's total
    if n and len(named) < n and all(len(g) == 1 for g in named):
        named = _counted_with_markers(c, named, n)
    whole = [g for g in mentioned if n and len(g) == n and set(named[0]) <= set(g)]
    if len(named) == 1 and len(named[0]) < (n or 0) and whole:
        named = [whole[0]]  # "the two EU directions combined (the flagship … and the …)"
    if n and len(named) >= 2 and (parts := _directions_of_counted(named, n)):
        named = parts
    chain = _split(c.chain)
    ids_named = {d for g in named for d in g}
    if n and len(chain) >= n and len(named) < n and ids_named <= {d for g in chain for d in g}:
        # "… → joint labs? → sum of the three European directions?": the three just talked
        # about, which the words name only as a kind
        named = chain[-n:]
        q.source = "previous"
    elif (
        "sum" in c.ops
        and ids_named
        and not ids_named & _talked(chain)
        and (pointed := _pointed_back(c.text, n, chain))
    ):
        # "中俄 → 中西呢 → 它们和中芬加起来多少", "Russia → and Spain? → these two and Finland
        # together?": the word pointing back (and its number) is those talked about, the one
        # named now is added to them
        named = [*pointed, *named]
        q.source = "previous"
    elif (
        "sum" in c.ops
        and n
        and len(ids_named) < n <= len(chain) + len(ids_named)
        and not ids_named & _talked(chain)
    ):
        # "Spain budget → and Italy? → and the joint labs? the sum of the three": the one named
        # now and those talked about before it make the number said ("both South Africa
        # directions" counts the two named)
        named = [*chain[len(chain) + len(ids_named) - n :], *named]
        q.source = "previous"
    named = _prefer_chain(named, chain)
    # "芬兰多少钱 → 韩国两个方向加起来呢 → 芬兰比它们多多少": the sum just given is a side
    again = len(named) >= 3 and c.last and [tuple(g) for g in named[:-1]] == list(c.last.groups)
    if again and (summed := _sum_just_given(c, named[-1])):
        named = [summed, named[-1]]
    only_more = not (c.ops & {"sum", "ratio", "difference", "same"})
    # "and both South Africa directions together?" after Russia: the number counts the partner's
    # own directions, whatever was talked about before
    own = bool(n and whole and len(named) == 1 and named[0] == whole[0])
    one_partner = len(named) == 1 and len(named[0]) > 1 and (not chain or own)
    if one_partner:
        named = _split(named)  # "南非两个项目经费相差多少"
    if len(named) == 1:
        others = [g for g in chain if g != named[0] and not set(g) & set(named[0])]
        if not others and (summed := _sum_just_given(c, named[0])):
            # "Russia total → both South Africa directions together? → how much more has
            # Russia?": the sum just given is the other side
            others = [summed]
        clause = next((cl for cl in _RAW_CLAUSE.split(c.text) if O.operations(cl)), c.text)
        if not others or len(clause.strip()) > 60:
            return False  # a long sentence naming one partner is not a follow-up
        if _same_as_all_before(c, clause, others):
            # "西班牙多少 → 俄罗斯呢 → 芬兰的和它们一样吗": the one named now against every
            # direction talked about, not only the last
            named = [*others, named[0]]
        else:
            named = [others[-1], named[0]]
        q.source = "previous"
    elif only_more and not one_partner:
        # "芬兰和德国哪个多": the understanding's comparison already ("Korea has two programmes,
        # which one gives more per project?" is one partner's directions, compared here)
        return False
    if len(named) < 2:
        return False
    if "sum" in c.ops and c.ops & set(COMPARE_OPS) and len(named) > 2:
        named = (
            _sides_of_than(named, c)
            or _sides_by_sentence(named, c)
            or _sums_by_partner(named, c.k)
        )
    talked = {d for g in chain for d in g}
    ids = {d for g in named for d in g}
    previous = q.source == "previous" or ids <= talked
    # "咁平均呢？" → "同中韓聯合研究比係幾多倍？": no measure of its own, the last one's
    previous = previous or (not c.measures and bool(ids & talked))
    _apply_operation(q, c, named, _last_metric(c.last) if previous else q.metric)
    return True


def _pointed_back(text: str, n: int | None, chain: list[list[str]]) -> list[list[str]]:
    """The directions talked about that a plural word pointing back means ("它们", "these two",
    "这两个"): the last ``n`` of them (all with no number), when there are that many."""
    if len(chain) < 2 or not O.refers_previous(text):
        return []
    if n is not None and n > len(chain):
        return []  # "…加上中芬三个一共多少": the number counts the one added too
    return chain[-(n or len(chain)) :]


# "芬兰的也一样吗", "is Finland the same too?": the same as those before, all of them
_ALSO_SAME = re.compile(
    r"(?:也|都|亦)\s*(?:是)?\s*(?:一样|相同|一致|同样)|\b(?:also|too)\b[^?.!]{0,20}\bsame\b"
    r"|\bsame\b[^?.!]{0,20}\b(?:too|as\s+well)\b"
)


def _same_as_all_before(c: Context, clause: str, others: list[list[str]]) -> bool:
    """A sameness asked against the directions talked about by a plural word ("它们", "them",
    "这两个" when two were talked about): each of them is a side."""
    if "same" not in c.ops or len(others) < 2:
        return False
    if not (O.refers_previous(clause) or _ALSO_SAME.search(clause)):
        return False
    n = O.how_many_previous(clause)
    return not n or n == len(others)


def _talked(chain: list[list[str]]) -> set[str]:
    return {d for g in chain for d in g}


def _sum_just_given(c: Context, named: list[str]) -> list[str]:
    """The directions whose total or count the last answer gave together (several, none of
    them the one named now), as one side of a difference or a ratio."""
    last = c.last
    if last is None or last.intent not in (L.BUDGET, L.COUNT) or len(last.groups) < 2:
        return []
    ids = last.programs
    return ids if not set(ids) & set(named) else []


_SENTENCE = re.compile(r"(?<=[。！!？?；;])|(?<=\.)\s")


def _each_of_asker(text: str) -> bool:
    """Every "each" of the message is in a sentence about the asker that asks nothing: "我校有两个
    团队分别和以色列、意大利的高校合作。请问两个方向总经费加起来是多少？" — the teams work with
    one partner each, the question asks a sum."""
    sentences = [x for x in _SENTENCE.split(text) if x and x.strip()]
    with_each = [x for x in sentences if "each" in O.operations(x)]
    return bool(with_each) and all(
        not _ASKED.search(x) and O.VOCAB.asker_context.search(x) for x in with_each
    )


def _asking_part(text: str) -> str:
    """The asking clause cut at its commas too (folding makes "，" a ","): "我们有两个团队分别跟
    芬兰和西班牙合作, 这两个方向的总经费一样吗" asks in its last part."""
    parts = [p for p in re.split(r"[,，]", _asking_clause(text)) if p.strip()]
    asking = [p for p in parts if _ASKED.search(O.folded(p))]
    return (asking or parts or [text])[-1]


def order_of_named(q: Query, c: Context) -> bool:
    """Several directions (or tracks) named and put in order ("阿根廷、…、欧盟旗舰的FAB领域、俄罗斯
    按平均排序", "rank Israel, the EU flagship FAB track and Germany by average"): the comparison
    lists them in that order too."""
    if q.intent not in (L.COMPARE, *INTENT_METRIC) or q.op not in ("show", "compare"):
        return False
    if len(q.groups) < 3 or not O.ranking(c.text) or q.asks:
        return False
    if q.intent in INTENT_METRIC:  # "…按平均每项资助额由低到高排列": each one's figure, ordered
        q.metric = INTENT_METRIC[q.intent]
    q.intent, q.op, q.asks = L.COMPARE, "compare", ["order"]
    return True
