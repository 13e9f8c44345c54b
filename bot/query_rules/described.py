"""Rules for a direction described by its fields or figures rather than named."""

from __future__ import annotations

import re
from functools import lru_cache

from bot import intents as L
from bot import operations as O
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC
from bot.query_rules.common import (
    _OTHER_FIELDS,
    _WHICH_PARTNER,
    _asking_clause,
    _figures,
    _last_metric,
)
from bot.querymodel import INTENT_METRIC, METRIC_INTENT, Context, Query
from bot.resolve import topic_directions
from knowledge.model import Direction
from textnorm.normalize import normalize

# one direction pointed at by what it does: "那个做奶酪、水果加工的项目", "the heritage and AI one"
_ONE_DESCRIBED = re.compile(
    r"(?:那|嗰|这|呢)(?:一)?个|\bthe\s+(?:[\w+&-]+\s+){0,5}one\b"
    # "the direction that funds …", "one direction funding …": one direction, by what it funds
    r"|\b(?:the|one)\s+(?:direction|programm?e|program)\s+(?:that|which|funding|covering|"
    r"supporting|with)\b"
)


def _asked_metrics(text: str) -> list[str]:
    """The figures asked after the words pointing at the one direction ("那个方向，总经费和
    项目数是多少"), not the words before ("the direction funding …" is no budget asked)."""
    ends = [m.end() for m in _ONE_DESCRIBED.finditer(text)]
    rest = text[ends[-1] :] if ends else text
    return [m for m in O.measures(normalize(_asking_clause(rest))) if m in METRIC_INTENT]


_SEVERAL_ASKED = re.compile(
    r"哪些|边啲|哪几|或者|或是|\bwhich\s+(?:directions|programmes|programs|ones)\b|\bor\b"
)


def one_described(q: Query, c: Context) -> bool:
    """One direction described by several of its fields, no name given: "那个做奶酪、水果加工
    的项目，平均每个多少钱", "那个“文物+人工智能”的是跟哪个国家的" — the one direction that
    covers them all, not every direction on any of them. Its partner asked beside a figure:
    the card."""
    if len(c.u.topics) < 2 or any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions):
        return False
    if q.op != "show" or not _ONE_DESCRIBED.search(c.text):
        return False
    if _SEVERAL_ASKED.search(c.text):
        return False  # "这个专项里哪些方向做文物或者人工智能" asks a list, not one direction
    from bot.resolve import topic_directions

    sets = [set(topic_directions(c.k, [t])) for t in c.u.topics]
    common = set.intersection(*sets)
    if len(common) != 1 or len(set.union(*sets)) < 2:
        return False
    (ident,) = common
    q.groups, q.source, q.restrict = [[ident]], "named", None
    q.topics, c.u.topics = [], []
    c.u.groups = [[ident]]
    c.narrowed = [[ident]]
    if _WHICH_PARTNER.search(c.text) and c.measures:
        q.intent, q.measures = L.DETAIL, ["partners", *c.measures]
    elif c.measures == ["fields"]:
        q.intent = L.FIELDS  # "补助的领域可以完整列一下吗": its fields, not the whole card
    elif len(_asked_metrics(c.text)) >= 2:
        q.intent = L.DETAIL  # "总经费和项目数是多少": both figures, the direction's detail
    elif q.intent in (L.TOPIC, L.RANK, L.OVERVIEW) or q.intent not in (*INTENT_METRIC, L.DETAIL):
        q.intent = METRIC_INTENT[c.metric()] if c.metric() else L.DETAIL
    return True


# a direction described by what it funds: "做智慧城市、水处理技术的方向", "写了生物技术…的那个",
# "做清洁热电同碳捕集嘅系边个", "which of the two Korea programs fits us", "the one doing …"
_DESCRIBES = re.compile(
    r"(?:做|搞|写了|写咗|写着|写的是|提到|提到了|涉及|包括|研究)[^，,。；;？?！!]{1,40}?"
    r"(?:的|嘅|那个|嗰个|那一个)"
    r"|(?:那|嗰)(?:一)?个|哪一个|是哪个|系边个|边一个|"
    r"\bwhich\s+(?:of\s+the\s+(?:two|2|both)|one)\b"
    r"|\bwhich\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}(?:directions|programm?es|programs|ones)\b"
    # an English relative clause, to the end of its clause: "the program that covers …"
    r"|(?:\bthe\s+(?:\w+\s+)?one\s+(?:that|which|with|for|doing|on|about)|\b(?:programm?e|program|direction"
    r"|one)\s+(?:that|which)\s+(?:covers?|funds?|does|do|includes?|mentions?|supports?|has)"
    r"|\bwhich\s+(?:programm?e|program|direction|one)\s+(?:covers?|funds?|does|do|includes?"
    r"|mentions?|supports?|has|is\s+(?:about|on|for)))"
    r"\b(?:(?!\s[-–—]\s)[^,.;:?!–—])*"
)
# which one is it, asked: the reply names the one direction
_WHICH_DESCRIBED = re.compile(
    r"哪一个|是哪个|哪个(?:方向|计划|计画|项目)|系边个|边一个|边个(?:方向|计划)|"
    r"\bwhich\s+(?:of\s+the\s+(?:two|2|both)|one|direction|programm?e|program)\b"
    r"|\bwhich\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}(?:directions|programm?es|programs|ones)\b"
)
# a count that describes the direction, not one asked: "那个只有一件计划的旗舰", "the one with
# only one project"
_DESCRIBED_COUNT = re.compile(
    r"(?:只有|只|仅有|仅|就)\s*(一|两|二|三|四|五|六|\d+)\s*(?:件|个|项)(?:计划|计画|项目|课题)?"
    r"(?=\s*(?:的|嘅|、|那个|嗰个))"
    r"|\b(?:with|having|that\s+has|which\s+has)\s+(?:only|just)\s+(one|two|three|four|five|\d+)"
    r"\s+projects?\b|\bwith\s+a\s+single\s+project\b"
)
_FIELDS_LISTED = re.compile(
    r"(?:领域|内容)(?:有|是|包括)?(?:哪些|边啲)|(?:哪些|边啲)(?:领域|内容)"
)
# a question for the directions on a topic: "可以投哪个", "有没有做水处理的方向", "any program …"
_ASKS_DIRECTIONS = re.compile(
    r"哪|边个|边啲|有没有|有冇|有无|\bwhich\b|\b(?:is|are)\s+there\b|"
    r"\bany\s+(?:directions?|programm?es?|programs?)\b"
)
_SMALL_NUMBERS = {
    "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
}  # fmt: skip


def _described_count(text: str) -> tuple[int, tuple[int, int]] | None:
    m = _DESCRIBED_COUNT.search(text)
    if not m:
        return None
    word = m.group(1) or m.group(2) or "one"
    n = int(word) if word.isdigit() else _SMALL_NUMBERS.get(word)
    return (n, m.span()) if n else None


def _bigrams(text: str) -> set[str]:
    """Two-character pieces of the Chinese, and the words of the English: what a description
    shares literally with the fields it repeats ("智慧绿色出行" ~ "智能绿色出行")."""
    cjk = re.findall(r"[\u4e00-\u9fff]+", text)
    grams = {run[i : i + 2] for run in cjk for i in range(len(run) - 1)}
    return grams | {w for w in re.findall(r"[a-z]{4,}", text.lower())}


# words of the question around a description, not of it
_NOT_DESCRIPTION = {
    "方向", "项目", "计划", "计画", "那个", "这个", "多少", "经费", "资助", "领域",
    "program", "programme", "programs", "direction", "directions", "project", "projects",
    "that", "which", "does", "doing", "what", "many", "much", "with", "covers", "funds",
}  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[，,。;；?？!！:：\n]")


def _described_words(c: Context, topics: list[str]) -> str:
    """The clauses of the message holding the described topics: what the description says."""
    said = [m.text for m in c.u.mentions if m.kind == TOPIC and m.id in topics]
    pieces = [p for p in _CLAUSE_BREAK.split(c.text) if any(w in p for w in said)]
    return " ".join(pieces) or c.text


@lru_cache(maxsize=4096)
def _fields_words(d: Direction) -> frozenset[str]:
    said = " ".join(O.folded(f"{f.get('zh-Hans')} {f.get('en')}") for f in d.fields)
    return frozenset(_bigrams(said))


def best_described(q: Query, c: Context) -> bool:
    """The one direction described by what it funds, among a partner's, a marker's ("旗舰") or
    those of a described count ("只有一件"), or all: "做细颗粒物治理、清洁火力发电的韩国计划",
    "那个只有一件计划、做氢能的旗舰", "南非有两个方向，写了'生物技术在现代农业…'的那个", "做医疗
    研究跟水技术的那个" — the direction covering most described topics, then the one whose
    fields repeat the description's own words; its measure asked, or the last turn's."""
    if q.op != "show" or not c.u.topics or any(m.kind == DIRECTION for m in c.u.mentions):
        return False
    if q.intent == L.RANK:
        return False  # "做能源的…平均最多的是哪个" ranks every direction
    shapes = [m.group() for m in _DESCRIBES.finditer(c.text)]  # read with its punctuation
    # "资助领域有哪些" asks the fields of the one described, not which directions
    if not shapes or _SEVERAL_ASKED.search(_FIELDS_LISTED.sub(" ", c.text)):
        return False
    partners = {
        m.id for m in c.u.mentions if m.kind == PARTNER and not c._set_aside(PARTNER, m.id)
    }
    if len(partners) > 1 or any(m.kind == CALL for m in c.u.mentions):
        return False
    pool = (
        [d.id for d in c.k.directions_by_partner.get(next(iter(partners)), ())]
        if partners
        else [d.id for d in c.k.directions]
    )
    if len(pool) < 2:
        return False  # "澳门那个方向有冇包括海洋科学": one direction, nothing to choose
    cands = [i for i in pool if i not in c.u.excluded]
    # a marker word of the description is its topic ("做能源的"), not a kind named beside it
    rest = c.text
    for said in shapes:
        rest = rest.replace(said, " ")
    marked = [
        i
        for i in cands
        if i in c.u.markers and any(mk.lower() in rest for mk in c.k.direction_by_id[i].markers)
    ]
    if marked:
        cands = marked
    counted = _described_count(c.u.norm)
    if counted:
        cands = [i for i in cands if c.k.direction_by_id[i].projects.count == counted[0]]
    if not cands:
        return False
    if not (partners or marked or counted):
        # over every direction only "那个做…的" points at one; "做水处理的可以投哪个" and
        # "有没有做海洋的方向" ask which directions
        asked = _FIELDS_LISTED.sub(" ", c.text)
        if not _ONE_DESCRIBED.search(c.text) or _ASKS_DIRECTIONS.search(asked):
            return False
    last = {*c.answered, *(i for g in c.chain for i in g)} if c.last else set()
    on_all = set.intersection(*(set(topic_directions(c.k, [t])) for t in c.u.topics))
    if last & on_all:
        return False  # "气候变化和生物多样性那个领域呢" is a part of the direction just answered
    # the topics inside the description, when it holds any ("which of the two … fits us" is
    # described by the sentence before it)
    inside = [m.id for m in c.u.mentions if m.kind == TOPIC and any(m.text in d for d in shapes)]
    if partners and not inside and not _WHICH_DESCRIBED.search(c.text):
        return False  # "我们做碳捕集，韩国那个方向多少钱": a topic of the asker picks nothing
    topics = [t for t in c.u.topics if t in inside] or c.u.topics
    covering = {t: set(topic_directions(c.k, [t])) for t in topics}
    covered = {i: sum(1 for t in topics if i in covering[t]) for i in cands}
    best = max(covered.values())
    top = [i for i in cands if covered[i] == best]
    if best == 0:
        return False
    if len(top) > 1:
        said = _bigrams(_described_words(c, topics)) - _NOT_DESCRIPTION
        shared = {i: len(said & _fields_words(c.k.direction_by_id[i])) for i in top}
        most = max(shared.values())
        top = [i for i in top if shared[i] == most]
    if len(top) != 1:
        return False
    (ident,) = top
    measures = [m for m in c.measures if not (counted and m == "count" and _only_count(c))]
    metrics = [m for m in measures if m in METRIC_INTENT]
    if metrics and "fields" in measures and not _OTHER_FIELDS.search(c.text):
        measures = metrics  # "做清洁热电嘅" describes; it asks no fields
    q.groups, q.source, q.restrict = [[ident]], "named", None
    c.u.groups, c.narrowed = [[ident]], [[ident]]
    q.measures = measures
    if len(metrics) > 1 or (metrics and len(measures) > len(metrics)):
        q.intent = L.DETAIL
    elif metrics:
        q.intent, q.metric = METRIC_INTENT[metrics[0]], metrics[0]
    elif measures == ["fields"]:
        q.intent = L.FIELDS
    elif O.follow_up(c.text) and _last_metric(c.last):
        last = _last_metric(c.last)
        q.intent, q.metric, q.measures = METRIC_INTENT[last], last, [last]
    elif _WHICH_DESCRIBED.search(c.text):
        # "which of the two fits us": the topics answered for the one direction alone
        q.intent, q.topics = L.TOPIC, topics
        c.u.topics, c.u.topic_mode = topics, "union"
        c.u.excluded = [d.id for d in c.k.directions if d.id != ident]
    elif q.intent not in (L.FIELDS, L.TOPIC):
        q.intent = L.DETAIL
    return True


def count_described_not_asked(q: Query, c: Context) -> bool:
    """A count that describes the direction is not the measure asked: "那个只有一件的氢能旗舰
    呢？" after a budget asks its budget; "the flagship with only one project: its budget?"
    is the one flagship of one project. With nothing asked, its card."""
    if q.op != "show" or not q.programs or "count" in c.measures or not _only_count(c):
        return False
    if q.intent != L.COUNT and len(q.programs) < 2:
        return False
    counted = _described_count(c.u.norm)
    assert counted is not None
    fit = [i for i in q.programs if c.k.direction_by_id[i].projects.count == counted[0]]
    if fit and len(fit) < len(q.programs):
        q.groups, q.source = [fit], "named"
        c.u.groups = c.narrowed = [fit]
    metrics = [m for m in c.measures if m in METRIC_INTENT]
    last = _last_metric(c.last) if O.follow_up(c.text) else None
    if len(metrics) > 1:
        q.intent, q.measures = L.DETAIL, metrics
    elif metrics:
        q.intent, q.metric, q.measures = METRIC_INTENT[metrics[0]], metrics[0], metrics
    elif last and last != "count":
        q.intent, q.metric, q.measures = METRIC_INTENT[last], last, [last]
    elif q.intent == L.COUNT:
        q.intent, q.measures = L.DETAIL, []
    return True


def _only_count(c: Context) -> bool:
    """The count is only said of the direction, not asked: no count word outside the
    described one ("那个只有一件的氢能旗舰呢")."""
    counted = _described_count(c.u.norm)
    if not counted:
        return False
    a, b = counted[1]
    rest = c.u.norm[:a] + " " * (b - a) + c.u.norm[b:]
    return "count" not in O.measures(rest)


_PIECE = re.compile(r"[，,、。;；?？!！]|\s[-–—]\s|—")
_LOW = re.compile(r"最(?:少|小|低)|\b(?:least|smallest|lowest|fewest)\b")


def extreme_of_described(q: Query, c: Context) -> bool:
    """A direction described by a word several directions carry and a superlative, a figure
    asked of it: "就是那个钱最多的、叫什么旗舰的，它每个项目大概给多少" (the flagship with the
    most money, 1.4 and not 2.3), "the flagship with the most money - how much per project?"."""
    if any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions) or q.op != "show":
        return False
    described = c.u.markers  # read once with the message, not searched for again
    if len(described) < 2:
        return False
    pieces = [p for p in _PIECE.split(c.text) if p.strip()]
    ranked = [p for p in pieces if O.superlative(p)]
    asked = [m for p in pieces if not O.superlative(p) for m in O.measures(p)]
    if len(ranked) != 1 or not asked or asked[0] not in METRIC_INTENT:
        return False  # "旗舰里哪个钱最多" is a ranking among them, nothing else asked
    by = next(iter(O.measures(ranked[0])), "total")
    if by not in METRIC_INTENT:
        return False
    low = bool(_LOW.search(ranked[0]))
    dirs = [c.k.direction_by_id.get(i) for i in described]
    figures = {d.id: (min if low else max)(_figures(d, by) or [0.0]) for d in dirs if d}
    best = (min if low else max)(figures.values())
    pick = [i for i, v in figures.items() if v == best]
    if len(pick) != 1:
        return False
    q.groups, q.source, q.restrict, q.order = [pick], "named", None, None
    q.intent, q.metric, q.measures = METRIC_INTENT[asked[0]], asked[0], [asked[0]]
    return True
