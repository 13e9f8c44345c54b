"""One structured, executable query per message.

Understanding (bot/understand.py) reads intent, directions, topics and a measure from a message;
``build_query`` turns that into a ``Query`` and then applies a short table of named rules for the
compound questions: an aspect the notice does not give, both calls together, an ordinal, a
threshold or range on a measure, arithmetic on what was just said, and several measures at once.
Each rule is a small function with the messages that motivate it in its docstring (and in
tests/test_query.py); the names of the rules that fired travel with the query to
``callbot ask --json``, so a wrong answer points at the decision that made it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from bot import intents as L
from bot import operations as O
from bot import tracks as T
from bot.answers import _field_haystacks, _key_in
from bot.cities import partners_by_city
from bot.context import Turn
from bot.decisions import points_at_one
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC, EntityIndex, Mention
from bot.listing import names_enumerated
from bot.resolve import QUOTED, topic_directions
from bot.understand import Understanding
from knowledge.model import Direction, Knowledge
from textnorm.normalize import normalize

METRIC_INTENT = {"total": L.BUDGET, "average": L.AVERAGE, "count": L.COUNT}
INTENT_METRIC = {v: k for k, v in METRIC_INTENT.items()}
COMPARE_OPS = ("ratio", "difference", "same", "more")


@dataclass
class Query:
    """What to compute and show. ``op`` is one of: show (the intent's own answer), sum,
    compare, nth, filter, sum_calls, compare_calls, share (a part's percentage of the calls
    in ``calls``), unknown."""

    lang: str
    intent: str
    op: str = "show"
    calls: list[str] = field(default_factory=list)  # calls in scope; empty = all of them
    groups: list[list[str]] = field(default_factory=list)  # directions, one group per name
    source: str = "named"  # named | previous (the conversation's) | all
    topics: list[str] = field(default_factory=list)
    topic_mode: str = "union"
    excluded: list[str] = field(default_factory=list)
    restrict: list[str] | None = None  # a ranking's or filter's pool
    measures: list[str] = field(default_factory=list)  # every measure the message asks
    metric: str | None = None  # the measure operated on: total, count, average
    order: str | None = None  # max / min
    nth: int | None = None  # an ordinal position ("第三多")
    bounds: list[tuple[str, float]] = field(default_factory=list)  # (op, value) on the metric
    also: list[tuple[str, str, float]] = field(default_factory=list)  # (metric, op, value)
    asks: list[str] = field(default_factory=list)  # difference, ratio, same
    missing: list[str] = field(default_factory=list)  # aspects the notice does not give
    notions: list[str] = field(default_factory=list)  # "aspect.notion" the user named (age)
    years: list[int] = field(default_factory=list)  # other years asked about
    related: str | None = None  # an answerable part shown after "the notice does not give"
    # the directions named beside an aspect the notice lacks ("中芬项目的经费能汇到芬兰吗"): what
    # a next "那总经费多少" is about, though the reply gives none of their figures
    about: list[list[str]] = field(default_factory=list)
    # the intent a next turn carries after that reply: the period of a call without one is
    # asked again of another by "中德呢？"; an aspect the notice lacks carries none (not even
    # another year's figure: "中德去年几个 → 那芬兰呢" would get this year's as if last year's)
    carry: str | None = None
    readings: list[tuple[str, list[str]]] = field(default_factory=list)  # when not sure
    unsure: str | None = None  # why not sure: "aspect" or "previous"
    tracks: dict[str, int] = field(default_factory=dict)  # a direction narrowed to its track
    rules: list[str] = field(default_factory=list)
    understanding: Understanding | None = field(default=None, repr=False, compare=False)

    @property
    def programs(self) -> list[str]:
        return list(dict.fromkeys(d for g in self.groups for d in g))

    def to_json(self) -> dict:
        out = {
            "intent": self.intent,
            "op": self.op,
            "calls": self.calls,
            "groups": self.groups,
            "source": self.source,
            "measures": self.measures,
            "metric": self.metric,
        }
        optional = {
            "topics": self.topics,
            "topic_mode": self.topic_mode if self.topics else None,
            "excluded": self.excluded,
            "restrict": self.restrict,
            "order": self.order,
            "nth": self.nth,
            "bounds": [list(b) for b in self.bounds],
            "also": [list(b) for b in self.also],
            "asks": self.asks,
            "missing": self.missing,
            "notions": self.notions,
            "years": self.years,
            "related": self.related,
            "readings": [[i, p] for i, p in self.readings],
            "unsure": self.unsure,
            "tracks": self.tracks,
        }
        out.update({k: v for k, v in optional.items() if v})
        return out

    def sync(self) -> Understanding:
        """The understanding the answer handlers read, brought in line with the query."""
        u = self.understanding
        assert u is not None
        u.intent, u.groups, u.metric, u.order = self.intent, self.groups, self.metric, self.order
        u.lang = self.lang
        if self.restrict is not None:
            u.restrict = self.restrict
        return u


@dataclass
class Context:
    """What the rules read: the understanding, the folded text, the previous turn."""

    u: Understanding
    k: Knowledge
    index: EntityIndex
    last: Turn | None
    text: str
    measures: list[str]
    ops: set[str]

    narrowed: list[list[str]] | None = None  # the asking clause's directions, once chosen

    @property
    def named(self) -> list[list[str]]:
        """Directions named in this message (not taken from the conversation; "南非联合研究"
        narrowed against the last turn is still named)."""
        if self.narrowed is not None:
            return self.narrowed
        # a name set aside ("去掉欧盟旗舰之后这些加起来多少") names nothing asked about
        names = any(
            m.kind in (PARTNER, DIRECTION) and not self._set_aside(m.kind, m.id)
            for m in self.u.mentions
        )
        if self.u.from_context and not names and not self._by_markers():
            return []
        return [list(g) for g in self.u.groups]

    def _by_markers(self) -> bool:
        """The last turn's partner narrowed by a marker word of this message ("南非联合研究多少钱
        → and for the flagship? both together"): the direction the marker names is named here."""
        ids = {d for g in self.u.groups for d in g}
        return (
            "markers_narrow_last_turn" in self.u.rules and bool(ids) and ids <= set(self.u.markers)
        )

    def _set_aside(self, kind: str, ident: str) -> bool:
        if not self.u.excluded:
            return False
        ids = (
            [ident]
            if kind == DIRECTION
            else [d.id for d in self.k.directions_by_partner.get(ident, ())]
        )
        return bool(ids) and set(ids) <= set(self.u.excluded)

    @property
    def chain(self) -> list[list[str]]:
        return [list(g) for g in self.last.chain] if self.last else []

    @property
    def answered(self) -> list[str]:
        return list(self.last.answered) if self.last else []

    def metric(self, default: str | None = None) -> str | None:
        for m in ("average", "count", "total"):
            if m in self.measures:
                return m
        return default


def from_understanding(u: Understanding) -> Query:
    """The query the existing understanding stands for (rule ``understood``)."""
    return Query(
        lang=u.lang,
        intent=u.intent,
        calls=[u.scope] if u.scope else [],
        groups=[list(g) for g in u.groups],
        source="previous" if u.from_context else "named" if u.groups else "all",
        topics=list(u.topics),
        topic_mode=u.topic_mode,
        excluded=list(u.excluded),
        restrict=list(u.restrict) if u.restrict is not None else None,
        metric=u.metric,
        order=u.order,
        bounds=[u.threshold] if u.threshold else [],
        understanding=u,
    )


# -- rules ----------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])(?!\s*(?:万|亿|元|个|项|%|million|m\b))")
_WHICH = re.compile(r"哪|边|which|what|list|有冇|仲有|还有|有啲|有些")
# a filter asks which directions: also "有没有…", "is there a direction…", "any programmes…"
_ASKS_WHICH = re.compile(
    rf"{_WHICH.pattern}|有没有|有无|\b(?:is|are)\s+there\b"
    r"|\bany\s+(?:directions?|programmes?|programs?|calls?)\b"
)


# a clause that asks something: what it mentions may be the question ("去年批了几个？"), while
# a clause of context may not ("我们课题组去年报了德国的没中，今年想换以色列")
# a colon ends a clause too: "我在整理申报材料：哪些方向…提到了人工智能？" asks the topic, the
# aspect named before the colon is what the asker is doing
_CLAUSE = re.compile(r"(?<=[，。？！,.!?；;\n])|(?<=\D[:：])|(?<=\s[-–—]\s)")
_ASKED = re.compile(
    r"[?？]|多少|几|吗|呢|哪|边个|边啲|边一个|什么|咩|乜|会唔会|会不会|可唔可以|可不可以|能不能|有没有|有冇|要不要|"
    r"要唔要|是否|可否|能否|"
    r"\b(?:how|what|which|when|whether|is there|are there|can|could|does|do|did|"
    r"was|were|will|is|are|whether|wonder(?:ing)?|(?:want|wants|like)\s+to\s+know)\b"
)
# An aspect asks only in a clause that asks: English auxiliaries ask at the start of their
# clause ("Is the partner funded by…?"), not inside a statement ("Our partner is funded by
# Horizon Europe; what fields…" names the partner's funding as context).
_ASPECT_ASKED = re.compile(
    r"[?？]|多少|几|吗|呢|哪|什么|咩|乜|会唔会|会不会|可唔可以|可不可以|能不能|有没有|有冇|要不要|"
    r"要唔要|是否|可否|能否|"
    # a chat question closed by 不 ("博后能当负责人不", "能报不？"), never 不超过 / 不是
    r"(?:能|可以|可|会|行|要|有|是)[^，,。？?!！\s]{0,10}不(?=\s|$|[，,。!！])|"
    r"\b(?:how|what|which|when|whether|is there|are there|wonder(?:ing)?|"
    r"(?:want|wants|like)\s+to\s+know)\b|"
    # …or a question relayed ("my institute asks if the German side gets money from BMBF")
    r"\b(?:ask|asks|asked|asking)\s+(?:me\s+|us\s+|you\s+)?(?:if|whether)\b|"
    # …or after a colon that names the subject ("The Israeli side: does its ministry fund…")
    r"(?:^|[:：])\W*(?:(?:and|but|so|also|please)\s+)?(?:can|could|does|do|did|was|were|will|is|"
    r"are|may|must|should|would|has|have)\b|"
    # …or "who" opening the clause ("If we get the grant, who own the intellectual property – …");
    # inside a clause "who" is a relative ("my colleague who owns the patent")
    r"^\W*(?:(?:and|but|so|also|please)\s+)?who\b"
)


def what_can_you_do(q: Query, c: Context) -> bool:
    """Asking what the bot does, wrapped in a greeting or a sentence about the asker:
    "您好，初次使用，请问这个机器人可以提供哪些服务？", "想问下呢个bot可以帮我查啲咩？"."""
    if c.u.topics or not O.what_can_you_do(c.text):
        return False
    if c.named and not _help_clause_names_nothing(c):
        return False
    q.intent, q.op, q.groups, q.missing = L.HELP, "show", [], []
    return True


def _help_clause_names_nothing(c: Context) -> bool:
    """A name only in a clause about the asker ("我係澳門嚟嘅研究人員，請問你可以幫我解答啲咩
    問題？") is context; one in the clause that asks ("澳门的项目你能提供哪些信息") is asked."""
    asking = [cl for cl in _CLAUSE.split(c.text) if cl.strip() and O.what_can_you_do(cl)]
    return bool(asking) and not any(_clause_directions(c, cl) for cl in asking)


# A clause that is only a question word and a money word ("…fund its own teams, and with what
# budget?", "…会不会出资？出多少？") continues the clause before it: the partner's money.
_BARE_AMOUNT = re.compile(
    r"^\W*(?:(?:and|or)\s+)?(?:with\s+|at\s+)?(?:what|which|how\s+much)\s*(?:of\s+)?(?:an?\s+)?"
    r"(?:budget|money|amount|funding|sum)?\s*\W*$|^\W*(?:那|以及|还有)?(?:出|给|俾|投入|拿出)?"
    r"(?:多少|几多)(?:钱|经费|资金)?\W*$"
)


# A clause asking the money of "them" ("What is their budget?", "and how much they give?",
# "How much money is for us?", "他们出多少？") after a clause about the partner side's money asks
# that side's money again, never the Chinese figure of the notice (fc21/fc22 testers).
_THEIR_AMOUNT = re.compile(
    r"^\W*(?:(?:and|or|but|so)\s+)?(?:what\s+(?:is|are|was|will\s+be)|what'?s|how\s+(?:much|big)\s+"
    r"(?:is|are|will\s+be))\s+(?:their|its|theirs)\s+(?:own\s+)?(?:budget|funding|money|contribution|"
    r"share|amount|part|grants?)\b|"
    r"^\W*(?:(?:and|or|but|so)\s+)?how\s+much\s+(?:money\s+|funding\s+)?(?:(?:do|does|will|would|can|"
    r"could|shall)\s+)?(?:they|it|them)\s+(?:\w+\s+)?(?:give|gives|pay|pays|provide|provides|"
    r"contribute|contributes|put|puts|fund|funds|spend|spends|invest|invests|offer|offers)\b|"
    r"^\W*(?:(?:and|or|but|so)\s+)?how\s+much\s+(?:money\s+|funding\s+)?(?:is|will\s+be|would\s+be|"
    r"do\s+(?:we|they)\s+get|can\s+(?:we|they)\s+get)\s+(?:there\s+)?(?:for\s+(?:us|them)\b|\W*$)|"
    r"^\W*(?:那|以及|还有|另外)?(?:他们|她们|佢哋|对方|人家)(?:那边|嗰边|那方)?(?:会|能|大概|一般|又)?"
    r"(?:出|给|俾|投入|拿出|提供)(?:多少|几多)"
)


# a figure stated to be checked: "只支持1个吧", "一共两千万对吧", "5 projects, right?"
_FIGURE_STATED = re.compile(
    r"[0-9]+\s*(?:个|项|件|万|亿)|[一二两三四五六七八九十百千]+\s*(?:万|亿)|"
    r"(?:支持|资助|有|就|只)[一二两三四五六七八九十]+\s*(?:个|项)|\b[0-9.]+\s*(?:million|projects?)\b"
)


# "…, and how much per team?" after the partner side's money asks that side's amount again
# ("Is NRF of Korea funding the Korean team, and how much per team?"); after another aspect
# ("the success rate, and how much per project?") it asks the notice's average
_PER_AMOUNT = re.compile(
    r"^\W*(?:(?:and|or)\s+)?how\s+much\s+(?:money\s+|funding\s+)?(?:per|for\s+(?:each|every|one|a))"
    r"\s+(?:team|group|project|partner|side)\W*$"
)
_PARTNER_MONEY = ("partner_funding", "matching_funds")


# a clause that only frames the next one ("中德项目的经费里，间接费用比例是多少", "In the Germany
# budget, what is the overhead rate?"): its measure word says where the aspect is, not a figure
# asked of its own
_FRAMES_NEXT = re.compile(
    r"(?:里|里面|裡|裡面|入面|中|当中|當中|之中|方面|内|內)\s*[，,]\s*$|"
    r"^\s*(?:in|within|under|inside)\b[^,?]*,\s*$",
    re.IGNORECASE,
)


def _unframed(clauses: list[str]) -> list[str]:
    """The clauses without those that only frame a next one naming a missing aspect."""
    return [
        cl
        for i, cl in enumerate(clauses)
        if not (
            _FRAMES_NEXT.search(cl) and i + 1 < len(clauses) and O.missing_aspects(clauses[i + 1])
        )
    ]


def _own_clauses(asked: list[str]) -> list[str]:
    """The asking clauses that name no missing aspect and do not continue one that does (nor
    frame the next one that does)."""
    own = []
    after_aspect = False
    after_partner = False
    for cl in _unframed(asked):
        if found := O.missing_aspects(cl):
            after_aspect = True
            after_partner = any(a.id in _PARTNER_MONEY for a in found)
            continue
        continues = _BARE_AMOUNT.search(cl) or _THEIR_AMOUNT.search(cl)
        if not (after_aspect and (continues or (after_partner and _PER_AMOUNT.search(cl)))):
            own.append(cl)
        after_aspect = after_partner = False
    return own


# the asker's own arrangement named in a statement: "I need to align the period with our own
# co-funding commitment, which runs for three years", "我们自己的配套经费只有三年" say who the
# asker is; the notice is not asked about them
_OWN_BEFORE = re.compile(
    r"(?:\b(?:our|my)\s+own\s+(?:\w+\s+)?|(?:我们|我哋|我方|本单位|本校|我校|我院)(?:自己|自身|本身)(?:的|嘅)?)$"
)


def _aspect_asked(aspect: O.Aspect, clause: str) -> bool:
    """The aspect's words in the clause, unless only as the asker's own in a statement."""
    if "?" in clause or "？" in clause:
        return bool(aspect.pattern.search(clause))
    return any(
        not _OWN_BEFORE.search(clause[: m.start()]) for m in aspect.pattern.finditer(clause)
    )


def missing_aspect(q: Query, c: Context) -> bool:
    """An aspect the notice does not give, even next to a named partner: "中奥项目的中标率",
    "Austria budget for 2024?", "中俄项目国拨经费可以用于支付劳务费吗" → unknown, naming it.
    A separate answerable question stays answered ("…一共多少钱？顺便问下什么时候截止")."""
    # a clause of purpose ("便于学校测算配套预算") names an aspect without asking it
    asked = [
        cl
        for cl in _CLAUSE.split(c.text)
        if _ASPECT_ASKED.search(cl) or O.measures(O.without_aspects(cl))
    ]
    aspects = [a for a in O.missing_aspects(c.text) if any(_aspect_asked(a, cl) for cl in asked)]
    named = [c.k.direction_by_id[d] for g in q.groups for d in g if d in c.k.direction_by_id]
    if not named and not c.named and c.last is not None and len(c.last.groups) == 1:
        # "欧盟旗舰的领域有哪些？ → 其中哪个领域钱最多？": the direction just talked about
        named = [c.k.direction_by_id[d] for d in c.last.groups[0] if d in c.k.direction_by_id]
    if named and all(len(d.funding) > 1 for d in named):
        # money per track is stated ("the EU flagship's climate track vs its food track")
        aspects = [a for a in aspects if not a.unless_split]
    call_years = {call.year for call in c.k.calls}
    years = sorted({int(y) for cl in asked for y in _YEAR.findall(cl)} - call_years)
    if not aspects and not years:
        return False
    if c.u.intent == L.HELP:
        return False
    absolute = bool(years) or any(a.absolute for a in aspects)
    related = None
    # a call's own figures ("政府间专项总经费多少？换算成新台币是多少？") are answerable too
    whole = not q.groups and q.intent in (L.OVERVIEW, L.BUDGET, L.COUNT)
    if (q.groups and q.intent in (*INTENT_METRIC, L.DETAIL, L.FIELDS)) or whole:
        rest = O.without_aspects("".join(_unframed(_CLAUSE.split(c.text))))
        # "What is the budget for Germany, and what is the success rate?", "Germany budget
        # please, and can we extend the project?": an aspect asked in a clause of its own
        # leaves the asking clauses without it answerable (a year never: "Austria budget for
        # 2024?" has no 2023 answer)
        own_clauses = [] if years else _own_clauses(asked)
        own = " ".join(own_clauses)
        if O.measures(own) or (not absolute and O.measures(rest) and O.asks_quantity(rest)):
            # "…多少钱？顺便问下什么时候截止": say what is missing first, then the figure the
            # notice does give, labelled as related — never as the answer to the whole message
            related = q.intent
            # the one measure the asking clause names is the figure given: "…平均200万，那是否
            # 要求南非方等额投入？另外总共支持几个" gives the count, not the average it states
            said = O.measures(" ".join(cl for cl in own_clauses if _ASPECT_ASKED.search(cl)))
            if q.groups and len(said) == 1 and said[0] in METRIC_INTENT:
                related = METRIC_INTENT[said[0]]
        elif (
            q.groups
            and not absolute
            and any(_ASPECT_ASKED.search(cl) and _FIGURE_STATED.search(cl) for cl in own_clauses)
        ):
            # a figure checked in a clause of its own, in words no measure names ("南非旗舰项目只
            # 支持1个吧？那评审是会评还是函评？"): the figure understood is still given
            related = q.intent
    q.intent, q.op, q.source = L.UNKNOWN, "unknown", "named"
    q.related = related
    q.about = [list(g) for g in q.groups]
    if related is None:
        q.groups = []
    q.missing = [a.id for a in aspects]
    # the user's own notion is named back ("age limit for the PI" → "an age limit for the PI",
    # not only "eligibility rules"), found in the clauses that ask
    clauses = " ".join(asked)
    q.notions = [f"{a.id}.{n}" for a in aspects if (n := O.notion_named(a, clauses))]
    if years and "other_year" not in q.missing:
        q.missing.insert(0, "other_year")
    q.years = years
    return True


# a field's own part of a direction's money or projects: "健康和老龄科技这一块能分到多少经费",
# "其中健康领域有多少钱", "how much of the money goes to health and ageing?"
_PART_OF_FIELD = re.compile(
    r"(?:这一块|这块|这部分|这一部分|那一块|那块|那部分|部分|方面|领域|板块)(?:的|嘅)?"
    r"(?:经费|预算|钱|资金|项目)?(?:能|可以|会|大概|大约|一共|总共|大致)?"
    r"(?:分到|分得|分配到?|拿到|攞到|占|获得|有|是)?(?:多少|几多|几个|几项|几成|百分之|比例|多大)|"
    r"(?:分给|分配给|用于|用在|投向|投入到?)[^，,。？?]{1,16}?(?:的|嘅)?(?:经费|钱|资金|预算)"
    r"(?:有|是|占)?(?:多少|几多)|"
    r"\bhow\s+much\s+(?:of\s+(?:it|that|this|them)\s+|of\s+(?:the|its|that|this)\s+(?:[\w–-]+\s+){0,4}?"
    r"(?:money|budget|funding|total)\s+)?"
    r"(?:goes|go|is\s+going|will\s+go|is\s+(?:allocated|earmarked|reserved|set\s+aside|spent))\s+"
    r"(?:to|for|into|on)\b|\b(?:part|area|field|topic|portion|component)\s+(?:gets?|receives?)\b|"
    r"\b(?:what|which)\s+(?:share|part|portion|percentage|proportion|fraction)\s+of\s+(?:the\s+|its\s+|"
    r"this\s+|that\s+)?(?:[\w–-]+\s+){0,2}?(?:money|budget|funding|total)\s+(?:goes|go|is)\s+"
    r"(?:allocated\s+|earmarked\s+|spent\s+)?(?:to|for|into|on)\b|"
    r"\bhow\s+much\s+of\s+(?:(?:the|its|that|this)\s+)?(?:[\w–-]+\s+){0,2}?(?:money|budget|funding|"
    r"total)\s+(?:is|are|goes|go)\s+(?:for|to|on|into)\b|"
    # the money of one field named inside a direction: "what is the budget for the marine
    # science field within the joint research?"
    r"\b(?:budget|money|funding|amount|share)\s+(?:for|of|to)\s+(?:the\s+)?(?:[\w–-]+\s+){1,4}?"
    r"(?:field|area|topic|part|component|track)\s+(?:within|in|inside|under|of)\b|"
    # one field against another inside it: "does it give more money to aerospace or climate?"
    r"\b(?:give|gives|spend|spends|allocate|allocates|put|puts)\s+more\s+(?:money|funding)\s+"
    r"(?:to|on|for|into)\b"
)


def _unsplit_with_fields(c: Context, ids: list[str]) -> bool:
    """Directions whose money is one line over several fields (no track per field)."""
    dirs = [c.k.direction_by_id[d] for d in ids if d in c.k.direction_by_id]
    return bool(dirs) and all(len(d.funding) == 1 and len(d.fields) > 1 for d in dirs)


def _field_part_not_given(q: Query, c: Context, ids: list[str]) -> None:
    q.intent, q.op, q.source, q.related = L.UNKNOWN, "unknown", "named", None
    q.groups, q.missing, q.about = [], ["field_shares"], [ids]
    aspect = next(a for a in O.VOCAB.aspects if a.id == "field_shares")
    notion = O.notion_named(aspect, c.text)  # the projects of a field, not its money
    q.notions = [f"field_shares.{notion}"] if notion else []


def part_of_a_field(q: Query, c: Context) -> bool:
    """The money or projects of one field inside a direction whose figure is one line over all
    its fields: "中芬方向里健康和老龄科技这一块能分到多少经费", "中芬的领域有哪些？ → 健康和老龄
    科技这一块能分到多少经费？" — the notice does not split it (the direction's total would be a
    confident answer to another question). A direction split by track answers its track."""
    if not c.u.topics or q.intent not in (*INTENT_METRIC, L.COMPARE) or q.op != "show":
        return False
    if not _PART_OF_FIELD.search(c.text):
        return False
    # the directions named by a partner or a name (a topic's own directions are not named)
    names = any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions)
    ids = [d for g in c.named for d in g] if names else []
    if not ids and c.last is not None and len(c.last.groups) == 1:
        ids = list(c.last.groups[0])
    covering = topic_directions(c.k, c.u.topics, c.u.topic_mode)
    if not ids and len(covering) == 1:
        ids = list(covering)  # a field of one direction only ("健康和老龄科技这一块")
    # of a partner's directions, those that have the field ("韩国预算里生物技术占多少")
    ids = [d for d in ids if d in covering]
    if not ids or not _unsplit_with_fields(c, ids):
        return False
    _field_part_not_given(q, c, ids)
    return True


# the money as the subject of a period: "how many years is the funding", "资助期限"
_PERIOD_OF_MONEY = re.compile(
    r"\b(?:how\s+long|how\s+many\s+years)\s+(?:is|does|will|would|can)\s+(?:the\s+)?"
    r"(?:funding|grant|money|support)\b|\b(?:funding|grant)\s+(?:period|duration|length|term)\b|"
    r"(?:资助|经费|资金)(?:的)?(?:期限|周期|年限|执行期|实施期)"
)
_MONEY = re.compile(
    r"钱|经费|资助|金额|资金|万|亿|\b(?:much|money|fund\w*|budgets?|grants?|amounts?|costs?|cny|rmb|"
    r"million|euros?)\b"
)


def period_of_asking_clause(q: Query, c: Context) -> bool:
    """The project period asked in the clause that asks, beside context that names a partner or
    an aspect the notice lacks: "How long runs one project? In Germany the DFG projects are 3
    years normally" asks this call's period, not Germany's card; "How many years the project
    run? We need plan for the PhD student contract." is no question about contracts."""
    if "period" not in c.measures or c.u.other_places or q.op not in ("show", "unknown"):
        return False
    if q.intent not in (L.UNKNOWN, L.DETAIL, L.PERIOD, *INTENT_METRIC):
        return False
    # clauses keep their question mark ("项目周期多长？德国那边一般是三年"); a statement with
    # "is" inside asks nothing ("Our PhD funding in Italy is 3 years.")
    asking = [cl for cl in _CLAUSE.split(c.text) if cl.strip() and _ASPECT_ASKED.search(cl)]
    periods = []
    for cl in asking:
        cl = _PERIOD_OF_MONEY.sub(" how long ", cl)
        said = set(O.measures(O.without_aspects(cl)))
        # "how long runs one project": "one project" is the period's subject, not an average
        if "average" in said and "period" in said and not _MONEY.search(cl):
            said.discard("average")
        if said - {"period"}:
            return False  # another measure asked beside it: several_measures answers both
        if said:
            periods.append(cl)
    if not periods or O.missing_aspects(" ".join(asking)):
        return False
    ids = set().union(*(_clause_directions(c, cl) for cl in periods))
    # a call named in the asking clause ("港澳台项目实施周期多长？") keeps its directions
    for cl in periods:
        for m in c.index.find(normalize(cl), cl).mentions:
            if m.kind == CALL:
                ids.update(d.id for d in c.k.directions_by_call.get(m.id, ()))
    q.intent, q.op, q.metric, q.missing = L.PERIOD, "show", None, []
    c.u.oos_words = []  # what the context names is not asked ("PhD student contract")
    if ids or not c.u.from_context:
        q.groups = [g for g in c.named if set(g) & ids] if ids else []
    # else the last turn's directions asked again ("内地与澳门…总经费多少？ → 那项目周期是几年？"
    # is the Macao direction's period, which the notice does not give, not the other call's)
    q.source = "named" if q.groups else "all"
    return True


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
        groups = _previous_selection(c) or [list(g) for g in c.last.groups] or c.chain[-1:]
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


def both_calls(q: Query, c: Context) -> bool:
    """Both calls at once: "政府间专项和港澳台项目合计多少经费" (4.96亿 + 3000万),
    "整个申报须知里所有方向合计多少个项目", "政府间专项总经费比港澳台项目多多少"."""
    calls = list(dict.fromkeys(m.id for m in c.u.mentions if m.kind == CALL))
    last = c.last
    # "whole intergovernmental call total? → and with the Macao one included?": a call's total
    # just given, and the one direction of the other call added to it, is both calls added
    # (or the calls' figures given one by one, none named: "这个专项国拨经费总共多少")
    every_call = bool(
        last
        and not (last.groups or last.scope or last.calls or last.topics)
        and last.intent in (L.BUDGET, L.COUNT)
    )
    onto_call = bool(
        last and not last.groups and (last.scope or every_call) and O.adds_to_previous(c.text)
    )
    # "港澳台专项（内地与澳门联合资助）": the one direction of a call named is that call
    names = []
    for m in c.u.mentions:
        if m.kind not in (PARTNER, DIRECTION):
            continue
        whole = whole_call(m.kind, m.id, c.k)
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
    if names or not wants:
        return False
    if O.find_range(c.text, implicit_equal=bool(_ASKS_WHICH.search(c.text))) is not None:
        return False  # "Directions with exactly CNY 30 million (counting both calls)": a filter
    if _asks_which_or_how_many(c.text) and O.relative(O.folded(_asking_clause(c.text))):
        return False  # "政府间专项里平均同澳门方向一样的有哪些": a filter within one call
    if len(calls) < 2 and not (O.whole_notice(c.text) and "sum" in c.ops):
        return False
    # "政府间专项一共多少个项目 → 港澳台的呢 → 一共多少": the measure carried over
    metric = "count" if c.metric(_last_metric(last)) == "count" else "total"
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
    if listed and not c.u.scope and not _ALL_DIRECTIONS.search(c.text):
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
    metric = c.metric(_last_metric(last)) or _last_metric(last)
    if metric not in ("total", "count") or last.intent not in (L.BUDGET, L.COUNT):
        return False
    before = _split([list(g) for g in last.groups])
    if not before:
        return False
    n = O.how_many_previous(c.text)
    talked = {d for g in c.chain for d in g}
    if n and len(_split(c.chain)) >= n and {d for g in c.named for d in g} <= talked:
        return False  # "… → 三個歐洲方向加埋幾多": the three talked about, not one more added
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
    elif not n and len(before) == 1 and len(chain) > 1:
        # "芬兰多少钱 → 奥地利呢 → 再加上阿根廷，一共多少": nothing was added up yet; what is
        # added to is every direction asked turn after turn under the measure
        before = chain
    q.groups, q.source, q.metric = [*before, *_split(added)], "previous", metric
    q.op, q.intent = "sum", METRIC_INTENT[metric]
    return True


def minus_from_previous(q: Query, c: Context) -> bool:
    """Something taken away from the sum just given: "德国和韩国加起来多少钱 → 去掉韩国能源的呢",
    "Germany and Korea combined? → minus the Korea energy one?" — the sum over the rest."""
    last = c.last
    if last is None or c.named or not c.u.excluded or last.intent not in (L.BUDGET, L.COUNT):
        return False
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


def whole_call(kind: str, ident: str, k: Knowledge) -> str | None:
    """The call a partner or direction is all of (a call of one direction), if any."""
    partner = [d.id for d in k.directions_by_partner.get(ident, ())]
    ids = [ident] if kind == DIRECTION else partner
    for call in k.calls:
        members = [d.id for d in k.directions if d.call == call.id]
        if ids and members and set(ids) == set(members):
            return call.id
    return None


def _call_scope(c: Context) -> str | None:
    """The one call a message keeps to, if any; a call named as added to the rest ("连埋港澳台
    专项计", "including the Macao call") widens the pool instead."""
    mentions = [m for m in c.u.mentions if m.kind == CALL]
    if any(O.call_included(c.u.norm[max(0, m.start - 24) : m.start]) for m in mentions):
        return None
    if any(O.call_added_after(c.u.norm[m.end : m.end + 48]) for m in mentions):
        return None
    if O.directions_counted(c.u.norm) == len(c.k.directions):
        return None  # "在全部16个方向中": every direction, whatever call is named
    # a call set aside ("不算港澳台，政府间专项…") is no scope: the other one named is
    excluded = set(c.u.excluded)
    calls = {
        m.id
        for m in mentions
        if not (excluded and {d.id for d in c.k.directions_by_call.get(m.id, ())} <= excluded)
    }
    return c.u.scope or (next(iter(calls)) if len(calls) == 1 else None)


# the directions on a topic said as the pool of a ranking or filter: "在涉及食品的那几个方向里",
# "涉及食品的方向中", "among the directions that cover food" (a topic only in a sentence about the
# asker, "我喺科大做氫燃料電池", or a word like 汇报材料 is no pool)
_TOPIC_POOL = re.compile(
    r"(?:涉及|包括|包含|支持|资助|覆盖|做|有|关于)[^，,。?？!！]{1,16}?(?:的|嘅)\s*(?:那|这|呢|嗰)?"
    r"\s*(?:几个|些|几)?[^，,。?？!！]{0,8}?(?:方向|计划|项目)\s*(?:里面|里头|当中|之中|中|里|内|入面)|"
    r"\bamong\s+(?:the\s+|those\s+)?(?:directions?|programm?es?|programs?)\s+"
    r"(?:that|which|on|about|covering|funding|with|in)\b[^,.?!;]{1,40}|"
    r"\bof\s+the\s+(?:directions?|programm?es?|programs?)\s+(?:that|which)\s+"
    r"(?:cover|fund|include|mention|support)[^,.?!;]{1,40}"
)


def _topic_is_pool(c: Context) -> bool:
    for m in _TOPIC_POOL.finditer(c.text):
        span = m.group()
        if any(x.kind == TOPIC for x in c.index.find(normalize(span), span).mentions):
            return True
    return False


def _pool(c: Context, q: Query) -> list[str]:
    ids = [d.id for d in c.k.directions]
    scope = _call_scope(c)
    if scope:  # "总经费不低于3000万的政府间方向"
        ids = [i for i in ids if c.k.direction_by_id[i].call == scope]
    if c.u.topics and not c.named and _topic_is_pool(c):
        # "涉及食品的方向中，总经费最少的两个": the topic's directions are the pool
        on_topic = set(topic_directions(c.k, c.u.topics, c.u.topic_mode))
        ids = [i for i in ids if i in on_topic]
    return [i for i in ids if i not in c.u.excluded]


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


# words of an average per project, and a division by the directions written out
_PER_PROJECT = re.compile(
    r"每(?:个|一)?项目|每项|单个项目|资助(?:额|强度|金额)|\bper\s+(?:project|grant)\b|\bgrant\s+size"
)
_BY_DIRECTIONS = re.compile(r"除以|\bdivided\s+by\b")


def average_over_directions(q: Query, c: Context) -> bool:
    """A mean taken over directions, computed: "政府间专项平均每个方向的经费是多少（总概算除以方向
    数）", "平均每个方向支持多少个项目" (the call's total or projects over its directions);
    "中韩两个方向的总经费，平均每个方向多少" (the named directions' totals over their number);
    "中芬、中德、中奥三个方向的平均资助额，三者再平均一下" (the mean of their averages)."""
    per_direction = O.per_direction_average(c.text)
    if per_direction and _PER_PROJECT.search(c.text) and not _BY_DIRECTIONS.search(c.text):
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
    if len(ids) == 1:
        return False
    if per_direction:
        metrics = [m for m in ("total", "count") if m in c.measures] or ["total"]
    else:
        # "三个方向的总经费再平均" averages totals; "平均资助额…再平均" the averages
        rest = O.VOCAB.mean_of_values.sub(" ", c.text)
        asked = [m for m in O.measures(rest) if m in ("average", "total", "count")]
        metrics = asked[:1] or ["average"]
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


def call_overview_in_parts(q: Query, c: Context) -> bool:
    """The call's overview asked in parts with the call named as a whole but not by name: "该专项
    2023年度的整体情况：①几个指南方向；②多少个合作国家；③项目总数；④总概算；⑤实施周期", "a
    general summary of the call: total money, number of projects and the duration"; or by name
    with "each project" said of the period: "整个政府间专项的总概算是多少？每个计画执行期几年"."""
    if q.op not in ("show", "sum") or c.u.topics or c.u.excluded:
        return False
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
    if c.named and not (by_marker or every):
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
    clauses = [cl for cl in _RAW_CLAUSE.split(O.folded(c.u.text)) if cl.strip()]
    if names and clause.strip() and len(clauses) >= 2:
        homes = [[cl for cl in clauses if normalize(m.text) in normalize(cl)] for m in names]
        if all(h and all(cl != clause and O.about_asker(cl) for cl in h) for h in homes):
            return []
        # "Argentina is the smallest of all? and which is second smallest?": the name is checked
        # against the top of the ranking that the next clause asks about
        if all(h and all(cl != clause and O.superlative(cl) for cl in h) for h in homes):
            return []
    return named


# "the second one" (an ordinal the ranking vocabulary leaves to a list's places, one_of_previous)
_NTH_ONE = re.compile(r"\b(?P<n>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+one\b")


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
    q.order = o.order or (c.last.order if last_rank and c.last else None) or "max"
    q.intent, q.op, q.nth, q.groups, q.source = L.RANK, "nth", o.n, [], "all"
    q.restrict = _pool(c, q)
    # "counting from the smallest" says where the count starts, it asks no smallest of its own
    rest = O.VOCAB.ascending.sub(" ", O.without_ordinals(c.text))
    if o.n == 2 and O.superlative(rest):
        q.op = "top"  # "the fewest, and the second fewest": the first two of the ranking
        if "sum" in c.ops and "each" not in c.ops and q.metric != "average":
            # "what do the lowest and second lowest add up to?": the two added
            q.op, q.intent = "top_sum", METRIC_INTENT[q.metric]
    return True


def _extremes_of_previous(c: Context) -> list[list[str]] | None:
    """The directions of the last turns when the extremes are asked among them ("三个里面",
    "of these three"), not among every direction."""
    if c.last is None or not (O.refers_previous(c.text) or O.how_many_previous(c.text)):
        return None
    groups = _previous_selection(c)
    return groups if groups and len(groups) >= 2 else None


def _ends(text: str) -> set[str]:
    """The ends of a ranking a message names: "最多" / "the largest" / "排第一" is max,
    "最少" / "the smallest" / "排最后一名" is min."""
    ends = {
        "min" if O.VOCAB.bottom_words.search(m.group()) else "max"
        for m in O.VOCAB.superlative.finditer(text)
    }
    if O.VOCAB.rank_top.search(text):
        ends.add("max")
    if O.VOCAB.rank_bottom.search(text):
        ends.add("min")
    return ends


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


# "排第几", "第幾名", "where does it rank", "Austria rank by total budget": the place of one
# named direction in a ranking, not its figure alone
_PLACE_ASKED = re.compile(
    r"排(?:名)?(?:在)?第(?:几|幾)|第(?:几|幾)(?:名|位|多|大|高)|排名(?:如何|怎么样|怎樣|多少)|"
    r"排(?:老)?(?:几|幾)|排(?:喺|在)?第?(?:幾多|几多)|"
    r"\brank(?:s|ed|ing)?\b|\b(?:which|what)\s+(?:place|position)\b|"
    r"\bwhere\s+(?:does|do|did|would|is)\s+(?:that|this|it|they)\s+(?:put|place|leave|stand|sit)"
    r"|\bwhere\s+(?:does|do|is)\s+.{1,40}?\s+(?:stand|place|come)\b"
    r"|\bwhere\s+is\s+(?:it|that|this)\s+in\s+the\s+rank"
    r"|\bwhere\s+(?:is|are)\s+(?:it|that|this|they)\s+(?:by|on|in\s+terms\s+of)\s"
    # "在所有方向里算第几", "处于什么位置", "排喺邊個位置": the place said another way
    r"|(?:算|位列|位居|处于|处在)第(?:几|幾)|(?:什么|咩|哪个|边个|乜嘢?)位置|第(?:几|幾)位"
    # "是倒数第几": the place counted from the bottom
    r"|倒(?:数|數)第(?:几|幾)"
    r"|排(?:在|喺)?(?:哪里|哪儿|边度|哪个位置|边个位置)"
    # "算高的吗", "is that high compared to the others?": where it stands among the rest
    r"|算(?:是)?(?:高|低|多|少|大|小)(?:的)?(?:吗|么|不|吧|嗎|麼)"
    r"|\b(?:high|low|big|small|large|much|many)\s+compared\s+(?:to|with)\s+(?:the\s+)?"
    r"(?:others|rest|other\s+directions)\b"
)
# "Is Argentina the smallest budget of all?", "澳门是不是经费最少的": a yes/no on one end
_YES_NO = re.compile(
    r"^\s*(?:is|are|was|does|do)\b|是不是|是否|係咪|系咪|是唔是|(?:吗|嗎|么|麼)\s*[?？]?\s*$"
)

_LIMIT_NUMBER = re.compile(
    r"(?:最多|最少|至多|至少|不超过|不超過|at\s+most|at\s+least|up\s+to|no\s+more\s+than)"
    r"\s*(?:资助|資助|fund|support)?\s*\d"
)


def _place_of_previous(c: Context) -> list[list[str]]:
    """The one direction the last answer was about, when its place is asked with no name:
    "中芬经费多少 → 排第几", "How many projects for Finland? → Where does that put it among the
    15 directions?" (the ranking is by the measure just given unless another is named)."""
    last = c.last
    if c.named or last is None or c.u.topics:
        return []
    # "中芬经费多少 → 是最多的吗", "Finland budget? → is that the biggest one?": yes or no,
    # with its place
    checked = len(_ends(c.text)) == 1 and bool(_YES_NO.search(_asking_clause(c.text)))
    if not (_PLACE_ASKED.search(c.text) or checked):
        return []
    if O.points_back_many(c.text):
        return []  # "rank them please", "rank these 3": the directions talked about, ordered
    programs = last.programs
    return [programs] if len(programs) == 1 else []


def place_of_named(q: Query, c: Context) -> bool:
    """The place of one named direction in a ranking of its call's directions: "奥地利总经费在
    政府间专项里排第几", "Austria rank by total budget?", "Is Argentina the smallest budget of
    all directions?" (yes or no, with its place); with no name, the direction just answered."""
    previous = _place_of_previous(c)
    named = previous or c.named
    if len(named) != 1 or len(named[0]) != 1 or c.ops & {"ratio", "difference", "sum"}:
        return False
    if O.ordinal(c.text) and not _PLACE_ASKED.search(c.text):
        return False
    # "1. 新材料是否在资助范围内；2. 最多支持几个项目": 最多 before a count asked is the limit
    # (the notice's 不超过), no end of a ranking
    ends = _ends(_AT_MOST_ASKED.sub(" ", c.text))
    clause = _asking_clause(c.text)
    yes_no = len(ends) == 1 and bool(_YES_NO.search(clause) or _YES_NO.search(c.text))
    if yes_no and _LIMIT_NUMBER.search(c.text):
        return False  # "是不是最多资助20个项目": a limit asked, not an end of a ranking
    if not (_PLACE_ASKED.search(c.text) or yes_no):
        return False
    metric = c.metric((_last_metric(c.last) if previous else None) or "total") or "total"
    if metric not in ("total", "count", "average"):
        metric = "total"
    d = c.k.direction_by_id.get(named[0][0])
    if d is None:
        return False
    q.intent, q.op, q.metric = L.RANK, "place", metric
    q.source = "previous" if previous else "named"
    q.groups = [[d.id]]
    q.order = ends.pop() if yes_no else None
    q.restrict = _place_pool(c, {d.call})
    return True


def _place_pool(c: Context, calls: set[str]) -> list[str]:
    """The directions a place is counted among: those of the named directions' calls; every
    direction when the message counts them all ("在所有16个方向里排第几") or when the call has
    no other direction to be ranked against (the Macao direction alone in its call)."""
    pool = [x.id for x in c.k.directions if x.call in calls and x.id not in c.u.excluded]
    every = O.directions_counted(c.u.norm) == len(c.k.directions) or O.whole_notice(c.text)
    if every or len(pool) < 2:
        pool = [x.id for x in c.k.directions if x.id not in c.u.excluded]
    return pool


# the order of several asked, not their places: "rank them please", "这三个按经费排个序"
_ORDER_ASKED = re.compile(
    r"\brank\s+(?:them|these|those|the\s+\w+)\b|^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?"
    r"rank\b|\b(?:sort|order)\b|排序|排个序|排一下|排一排"
    r"|从高到低|从低到高|从多到少|从少到多"
)


def places_of_several(q: Query, c: Context) -> bool:
    """The place of each of a few directions, named or just talked about: "芬兰和德国的经费各排
    第几", "Where do Finland and Germany rank by budget?", "芬兰多少钱 → 德国呢 → 它们分别排第
    几" — each one's place in its call's ranking, not a comparison of the two."""
    if not _PLACE_ASKED.search(c.text) or _ORDER_ASKED.search(c.text) or c.u.topics:
        return False
    if c.ops & {"ratio", "difference", "sum"} or O.ordinal(c.text) or _ends(c.text):
        return False
    ids = [d for g in c.named for d in g]
    previous = not ids and c.last is not None and O.points_back_many(c.text)
    if previous and c.last is not None:
        ids = [d for g in (_previous_selection(c) or [list(g) for g in c.last.groups]) for d in g]
    ids = [d for d in dict.fromkeys(ids) if d in c.k.direction_by_id]
    if not 2 <= len(ids) <= 6:
        return False
    metric = c.metric((_last_metric(c.last) if previous else None) or "total") or "total"
    if metric not in ("total", "count", "average"):
        metric = "total"
    calls = {c.k.direction_by_id[d].call for d in ids}
    q.intent, q.op, q.metric, q.order = L.RANK, "place", metric, None
    q.source = "previous" if previous else "named"
    q.groups = [[d] for d in ids]
    q.restrict = _place_pool(c, calls)
    return True


# "so how much each one?", "how much for each then?": money asked of "each" with nothing else
_HOW_MUCH_EACH = re.compile(
    r"\bhow\s+much\s+(?:money\s+)?(?:is\s+|for\s+|does\s+|do\s+|goes\s+to\s+|to\s+)?each"
    r"(?:\s+(?:one|of\s+them))?\b(?!\s+(?:direction|programme|program|partner|country|call))"
    # "so each one how much?", "and for each one?": the learner's order, or the money left out
    r"|\beach(?:\s+one)?\s+how\s+much\b|^\W*(?:(?:so|and|then)\s+)?(?:for\s+)?each(?:\s+one)?"
    r"(?:\s+then)?\W*$"
)


def each_of_the_projects_counted(q: Query, c: Context) -> bool:
    """Money asked of "each" right after the projects of one direction were counted: "budget of
    the EU joint labs? → how many projects? → so how much each one?" is the average per
    project, not the total again (the count just given is what "each" points at)."""
    last = c.last
    if c.named or last is None or len(last.programs) != 1 or c.u.topics:
        return False
    if _last_metric(last) != "count" or not _HOW_MUCH_EACH.search(c.text):
        return False
    if set(c.measures) - {"total", "average"} or c.ops & {"sum", "ratio", "difference"}:
        return False
    q.intent, q.op, q.metric, q.source = L.AVERAGE, "show", "average", "previous"
    q.groups = [list(last.programs)]
    return True


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
        added = "count" if counted else "total"
        q.measures, q.intent = [added], METRIC_INTENT[added]
    return True


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
    else:
        metric = c.metric(q.metric or last_metric or "total") or "total"
    if metric not in ("total", "count", "average"):
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
    # "exactly CNY 30 million in total" names the measure; "…加埋幾多錢" asks a sum
    # "the directions that have CNY 60 million each": "each" qualifies the value, not the ask
    ops = O.operations(_VALUE_EACH.sub(" ", _IN_TOTAL.sub(" ", c.text)))
    if "sum" in ops and "each" not in ops:
        added = c.metric("total")
        added = "total" if added not in ("total", "count") else added
        q.op, q.intent, q.measures = "filter_sum", METRIC_INTENT[added], [added]
    else:
        q.op, q.intent = "filter", L.RANK
    return True


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
    clauses = [
        cl
        for cl in _FILTER_CLAUSE.split(c.text)
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
    if len(c.named) != 1 or _asks_which_or_how_many(c.text):
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


# "高过澳门方向嘅有几多个？": how many there are that meet it
_HOW_MANY_THAT = re.compile(r"(?:的|嘅)(?:方向)?(?:有|共有|一共有)(?:多少|几多|几)个(?!项目)")


def _asks_which_or_how_many(text: str) -> bool:
    """The directions that meet a condition, or how many they are, are asked."""
    return bool(
        _ASKS_WHICH.search(text) or O.asks_directions_count(text) or _HOW_MANY_THAT.search(text)
    )


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
_SAME_BARE = re.compile(r"\bthe\s+same\b|也是这个数|也是这么多|也(?:是)?一样|同样多|一样多的")


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


def _figures(d: Direction, metric: str) -> list[float]:
    """A direction's stated figures for a measure (an average per track when it has two)."""
    if metric == "total":
        return [d.total]
    if metric == "count":
        return [d.projects.count]
    return [f.average for f in d.funding if f.average is not None]


def _split(groups: list[list[str]]) -> list[list[str]]:
    """One group of several directions (a partner) compared or added direction by direction."""
    if len(groups) == 1 and len(groups[0]) > 1:
        return [[d] for d in groups[0]]
    return groups


def _tie_at_top(c: Context) -> list[str]:
    """The directions sharing first place of the ranking just given, when several do: what
    "they" of the next message are ("项目数最多的方向是哪些？ → 它们的总经费一共多少")."""
    last = c.last
    if last is None or last.intent != L.RANK or not last.order or len(last.groups) != 1:
        return []
    top = list(last.groups[0])
    if len(top) < 2 or not set(top) < set(last.answered):
        return []
    return top


def _previous_selection(c: Context) -> list[list[str]] | None:
    # "去掉欧盟旗舰之后这些加起来多少": what was just said, minus what is set aside now
    out = set(c.u.excluded)
    chain = [g for g in ([d for d in g if d not in out] for g in _split(c.chain)) if g]
    answered = [d for d in c.answered if d not in out]
    n = O.how_many_previous(c.text)
    tie = _tie_at_top(c)
    if tie and O.refers_previous(c.text) and not n:
        return [[d] for d in tie if d not in out]  # "项目数最多的方向是哪些 → 它们…一共多少"
    if O.refers_previous(c.text) and len(answered) >= 2 and c.last and c.last.intent == L.RANK:
        return [[d] for d in answered]
    if n and len(chain) >= n:
        return chain[-n:]
    if n and c.last and len(chain) < n:
        # "Budget of Spain? → and of Finland and Russia? → the three together?": the count
        # asked reaches back past the last turn to the names before it
        earlier = _split([list(g) for g in c.last.history])
        earlier = [g for g in earlier if not set(g) & set(c.u.excluded)]
        if len(earlier) >= n:
            return earlier[-n:]
    if len(chain) >= 2:
        return chain
    if len(answered) >= 2:
        return [[d] for d in answered]
    # the measure changed on the way ("中意多少钱 → 以色列呢 → 平均呢 → 两个平均一样吗"):
    # the things named turn after turn are still what "the two" means
    history = _split([list(g) for g in c.last.history]) if c.last else []
    if n and len(history) >= n:
        return history[-n:]
    if not n and len(history) >= 2 and c.ops & {"ratio", "difference", "same"}:
        return history[-2:]  # "Spain avg → and the EU general one? → same or different?"
    return None


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


_THAN = re.compile(r"\bthan\b|比")
# "哪个最少", "邊個最多", "which one is the lowest", "which is highest?": a pick with no noun for
# directions; "哪个方向最少", "which direction…", "of all" ask over every direction
_BARE_WHICH = re.compile(
    r"^\W*(?:那|咁|那么|噉)?\s*(?:哪|边)(?:一)?个\s*(?:的|嘅)?\s*(?:最|是最|系最|比较|更)"
    r"|^\W*(?:and\s+|so\s+)?which\s+(?:one\s+|of\s+(?:them|these|those)\s+)?"
    r"(?:is|has|gets|was)?\s*(?:the\s+)?(?:most|least|highe?st|lowe?st|larg|small|bigg|fewe|cheap)"
)


def _apply_operation(q: Query, c: Context, groups: list[list[str]], default: str | None) -> None:
    metric = c.metric(default) or "total"
    if metric not in ("total", "count", "average"):
        metric = "total"
    q.groups, q.metric = groups, metric
    asks = sorted(c.ops & {"ratio", "difference", "same"})
    # "which is bigger: Finland, or both Korea programmes together?": a sum set against a name
    # ("与欧洲合作者较多…这三个方向加起来一共多少" says "more" of something else: a sum)
    against = "more" in c.ops and len(groups) == 2 and any(len(g) > 1 for g in groups)
    against = against and bool(_WHICH_DIRECTION.search(c.text) or _THAN.search(c.text))
    if "sum" in c.ops and not asks and "each" not in c.ops and metric != "average" and not against:
        q.op, q.intent = "sum", METRIC_INTENT[metric]
    else:
        q.op, q.intent, q.asks = "compare", L.COMPARE, asks


def _last_metric(last: Turn | None) -> str | None:
    if last is None:
        return None
    if last.intent in INTENT_METRIC:
        return INTENT_METRIC[last.intent]
    return last.metric if last.metric in ("total", "count", "average") else None


def _tracks_talked_about(c: Context) -> bool:
    """The last turns asked a figure of one direction of several tracks, by a field of it or
    of each track ("欧盟旗舰两个领域各多少钱"): its total answer lists the tracks' figures."""
    last = c.last
    if last is None or len(last.groups) != 1 or len(last.groups[0]) != 1:
        return False
    d = c.k.direction_by_id.get(last.groups[0][0])
    return bool(d and len(d.funding) >= 2 and _last_metric(last) in ("total", "count"))


def _tracked(ident: str, c: Context) -> bool:
    d = c.k.direction_by_id.get(ident)
    return bool(d and len(d.funding) >= 2)


def _both_tracks_named(c: Context) -> str | None:
    """The one direction named whose tracks the message names two or more of ("领域一与领域二",
    "FAB or CCB")."""
    for g in c.named:
        for ident in g:
            d = c.k.direction_by_id.get(ident)
            if T.tracked(d) and len(_tracks_named(c, d)) >= 2:
                return ident
    return None


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
        ident = last.groups[0][0]
        q.source = "previous"
    # the direction just talked about keeps its measure ("欧盟旗舰平均每项多少 → 领域二是领域一的
    # 几分之几" compares the averages)
    again = bool(c.last) and [list(g) for g in c.last.groups] == [[ident]]
    metric = c.metric(_last_metric(c.last) if not named or again else "total") or "total"
    if metric not in METRIC_INTENT:
        metric = "total"
    q.intent, q.op, q.metric, q.groups = L.COMPARE, "compare_tracks", metric, [[ident]]
    q.asks = sorted(asks - {"more"})
    return True


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
        return True
    groups = _previous_selection(c)
    if not groups and c.ops == {"sum"} and _tracks_talked_about(c):
        # "the EU flagship climate strand? → and the food/agri one? → together?": its tracks
        # added up are the direction's total (its count, when projects were counted)
        metric = _last_metric(c.last) or "total"
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


def _mentioned_groups(c: Context) -> list[list[str]]:
    """The directions of every partner or direction named in the message, one group each."""
    out: list[list[str]] = []
    for m in c.u.mentions:
        if m.kind == PARTNER:
            g = [d.id for d in c.k.directions_by_partner.get(m.id, ()) if d.id not in c.u.excluded]
            # "for Korea joint research 6 million? how many times more Korea?": the partner
            # named again is the one direction of it the message narrowed to
            narrowed = [h for h in c.u.groups if h and set(h) < set(g)]
            again = sum(1 for n in c.u.mentions if n.kind == PARTNER and n.id == m.id) >= 2
            if len(narrowed) == 1 and again:
                g = list(narrowed[0])
        elif m.kind == DIRECTION:
            g = [m.id]
        else:
            continue
        if g and g not in out:
            out.append(g)
    return out


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


def _sides_of_than(groups: list[list[str]], c: Context) -> list[list[str]] | None:
    """A sum set against a name: "is it more than Austria and Germany together?", "比奥地利和
    德国加起来还多吗" — the names after "than" are one side added up, the rest the other."""
    than = _THAN_AT.search(c.u.norm)
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


_DIVIDED = re.compile(r"除以|÷|\bdivided\s+by\b|\bdivide\b")


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


def pooled_average(q: Query, c: Context) -> bool:
    """The average of several directions taken together: "中韩两个方向合起来算，总经费除以总
    项目数，平均每个项目是多少", "Korea's two directions combined, what is the average per
    project?" — their totals added over their projects added, not the two averages compared."""
    # "so total money divided by total projects for those three?": the money over the projects
    # is the average asked, whatever measure words it is written with
    divided = O.money_over_projects(c.u.norm)
    if not divided and ("average" not in c.measures or "sum" not in c.ops):
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


def arithmetic_on_named(q: Query, c: Context) -> bool:
    """Arithmetic on named directions: "total budget finland + germany + austria",
    "以色列同意大利加埋資助幾多個項目", "芬兰平均每项是阿根廷的几倍", and with one name after
    a question about another: "咁同南非聯合研究比邊個多啲", "旗舰比芬兰多多少"."""
    named = c.named
    if not named or not (c.ops & {"sum", "ratio", "difference", "same", "more"}):
        return False
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
    chain = _split(c.chain)
    ids_named = {d for g in named for d in g}
    if n and len(chain) >= n and len(named) < n and ids_named <= {d for g in chain for d in g}:
        # "… → joint labs? → sum of the three European directions?": the three just talked
        # about, which the words name only as a kind
        named = chain[-n:]
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
        named = [others[-1], named[0]]
        q.source = "previous"
    elif only_more and not one_partner:
        # "芬兰和德国哪个多": the understanding's comparison already ("Korea has two programmes,
        # which one gives more per project?" is one partner's directions, compared here)
        return False
    if len(named) < 2:
        return False
    if "sum" in c.ops and c.ops & set(COMPARE_OPS) and len(named) > 2:
        named = _sides_of_than(named, c) or _sums_by_partner(named, c.k)
    talked = {d for g in chain for d in g}
    ids = {d for g in named for d in g}
    previous = q.source == "previous" or ids <= talked
    # "咁平均呢？" → "同中韓聯合研究比係幾多倍？": no measure of its own, the last one's
    previous = previous or (not c.measures and bool(ids & talked))
    _apply_operation(q, c, named, _last_metric(c.last) if previous else q.metric)
    return True


# 比较多 / 比较高 is "rather many", an adverb: it compares nothing
_COMPARE_WORD = re.compile(r"compar|对比|比较(?![多少高低大小好])|相比|\bvs\b|versus")


def _sum_just_given(c: Context, named: list[str]) -> list[str]:
    """The directions whose total or count the last answer gave together (several, none of
    them the one named now), as one side of a difference or a ratio."""
    last = c.last
    if last is None or last.intent not in (L.BUDGET, L.COUNT) or len(last.groups) < 2:
        return []
    ids = last.programs
    return ids if not set(ids) & set(named) else []


_QUESTION = re.compile(r"(?<=[?？])")
_ZH_SENTENCE_END = re.compile(r"(?<=[?？。！])")


def _topic_checked(c: Context) -> bool:
    """A question of its own checks a topic of the named direction: "…is about hydrogen
    only?", "支持人工智能吗？" — its fields are asked beside any figure."""
    if not c.u.topics or not c.named:
        return False
    # a statement before the question ("我校…在绿色建筑方面合作紧密。想问…几个项目？") checks
    # nothing: only sentences that end in a question mark do (Chinese full stops only: an
    # English statement's topic still counts beside its question)
    for sentence in _ZH_SENTENCE_END.split(c.u.text):
        if not sentence.rstrip().endswith(("?", "？")):
            continue
        for part in _AND_ASKS.split(sentence):  # "is water funded … and what is the average?"
            # "our group works on hydrogen …, there are two Korea directions, right?": the topic
            # of the asker's own work is not checked
            own = _without_asker_clauses(c, part)
            if not O.measures(O.folded(part)) and TOPIC in _clause_kinds(c, own):
                return True
    return False


# a question joined to another by "and": "is water technology funded in the Israel call and
# what is the average amount?" (each part asks its own thing)
_AND_ASKS = re.compile(
    r",?\s+and\s+(?=(?:what|how|which|is|are|does|do|can)\b)|[，,]\s*(?=(?:还有|以及|另外|并且))"
)


def fields_side_by_side(q: Query, c: Context) -> bool:
    """Fields compared ("俄罗斯做哪些领域" → "跟西班牙比呢"): a comparison of the directions,
    shown as each one's fields side by side (the notice ranks no field above another)."""
    if "fields_compared" not in c.u.rules or q.intent != L.FIELDS or len(q.groups) < 2:
        return False
    q.intent, q.op = L.COMPARE, "compare_fields"
    return True


# directions sought for the asker's work, beside a figure of them: "哪些方向支持海洋", "有对口的
# 方向吗", "哪个方向合适", "Which directions fit us", "Is there a direction that mentions …"
_DIRECTIONS_SOUGHT = re.compile(
    r"(?:哪|边)(?:一)?(?:个|些|几个|啲)?\s*(?:指南)?(?:方向|计划|计画|项目|专项)|"
    r"(?:对口|对应|合适|适合|匹配|啱)(?:的|嘅)?(?:国际合作)?方向|"
    # "资助领域里有先进材料的方向有哪些"
    r"方向(?:有|是|系)(?:哪些|哪几个|边啲|边几个)|"
    r"(?<![所没])有(?:没有|冇|无)?(?:对口|对应|合适|适合|匹配|相关|啱)?(?:的|嘅)?方向|"
    r"\bwhich\s+(?:\w+\s+)?(?:directions?|programm?es?|programs?|calls?|ones?)\b|"
    r"\b(?:is|are)\s+there\s+(?:a|any)\s+(?:\w+\s+){0,2}(?:directions?|programm?es?|programs?)\b|"
    r"\bany\s+(?:suitable\s+|matching\s+)?(?:directions?|programm?es?|programs?)\b"
)
# a sentence that ranks: "哪个最多", "which has the most" (最多 bound to the count asked is
# a limit)
_RANKS = re.compile(r"最(?:多|少|高|低|大|小)|\b(?:most|least|highest|lowest|largest|smallest)\b")


def _narrowest_topics(c: Context) -> list[str]:
    """The topics the directions are sought for: those the asking clause names, else every one;
    a topic named beside a narrower one of its own ("fruit post-harvest losses and cheese":
    food processing and its dairy) gives way to the narrower, the asker's closest match."""
    topics = list(c.u.topics)
    clause = _asking_clause(c.u.text)
    asked = {m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC}
    if not asked & set(topics):
        # the figure asked in a sentence of its own ("…医学院和以色列有合作。哪些方向涉及疫苗？
        # 每个方向总经费多少？"): the topics of the clause that seeks the directions
        for cl in _RAW_CLAUSE.split(c.u.text):
            if _DIRECTIONS_SOUGHT.search(O.folded(cl)):
                found = c.index.find(normalize(cl), cl).mentions
                asked |= {m.id for m in found if m.kind == TOPIC}
    if asked & set(topics):
        topics = [t for t in topics if t in asked]
    words = {t: [m.text for m in c.u.mentions if m.kind == TOPIC and m.id == t] for t in topics}
    narrower = [
        t
        for t in topics
        if not any(
            o != t and o in c.k.topic_closure(t) and _fields_say(c, o, words.get(t, []))
            for o in topics
        )
        and c.k.directions_for_topic(t)
    ]
    return narrower or topics


def _fields_say(c: Context, topic: str, words: list[str]) -> bool:
    """Whether the fields of every direction on ``topic`` say the asker's ``words`` of a broader
    topic ("fruit post-harvest" in the field of the cheese direction): then the broader topic
    adds no direction of its own ("desalination and wastewater": the water-treatment direction
    is one more)."""
    dirs = c.k.directions_for_topic(topic)
    if not dirs or not words:
        return False
    for d in dirs:
        hay = " ".join(_field_haystacks(c.k, d))
        if not all(_key_in(normalize(w), hay) for w in words):
            return False
    return True


_ASKER_SENTENCE = re.compile(r"[。?？!！;；\n]|\.(?:\s|$)")


def _names_aside(c: Context) -> bool:
    """Names only in clauses about the asker, the directions sought on a topic in a clause of
    its own: "我们做海洋科学，和俄罗斯有合作。哪些方向支持海洋？" asks every direction on marine
    science (the partner says whom the asker works with, as in topic_of_partner_worked_with)."""
    sentences = [cl for cl in _ASKER_SENTENCE.split(c.u.text) if cl.strip()]
    seeking = False
    for cl in sentences:
        kinds = _clause_kinds(c, cl)
        named = kinds & {PARTNER, DIRECTION, CALL}
        folded = O.folded(cl)
        if _DIRECTIONS_SOUGHT.search(folded):
            # the call named where the directions are sought is their scope ("今年政府间专项里
            # 哪些方向涉及水处理"), not a direction asked
            if named - {CALL} or TOPIC not in kinds:
                return False
            seeking = True
        elif named and not (
            O.VOCAB.asker_context.search(folded) or O.VOCAB.partnership_stated.search(folded)
        ):
            return False
    return seeking


def _topic_directions_measured(q: Query, c: Context, asked: list[str]) -> bool:
    """The directions of a topic given, not sought, with one figure asked, read as the topic
    alone: "What is the average per project of all the hydrogen directions?" is the average of
    each (as "涉及氢能的所有方向平均多少" is), not the topic's list with the totals."""
    if q.intent != L.TOPIC or len(asked) != 1 or c.ops & {"sum", *COMPARE_OPS} or c.u.order:
        return False
    # a figure asked ("Any funding lines for biodiversity?" asks none), in a first message (a
    # follow-up's "its budget" is the direction talked about)
    if not O.asks_quantity(c.text) or (c.last is not None and c.last.groups):
        return False
    if any(m.kind in (PARTNER, DIRECTION, CALL) for m in c.u.mentions):
        return False
    on_topic = topic_directions(c.k, list(c.u.topics), c.u.topic_mode)
    on_topic = [d for d in on_topic if d not in c.u.excluded]
    if not on_topic:
        return False
    q.intent, q.groups, q.source = METRIC_INTENT[asked[0]], [[d] for d in on_topic], "named"
    q.measures, q.metric = asked, asked[0]
    return True


def _topic_each_measured(q: Query, c: Context, measure: str) -> bool:
    """The measure's own list over the directions on the topic sought (in the call named where
    they are sought, if one is): what the same question asks without the partners said aside."""
    on_topic = topic_directions(c.k, _narrowest_topics(c), c.u.topic_mode)
    calls = set(q.calls or ())
    by_id = c.k.direction_by_id
    on_topic = [
        d for d in on_topic if d not in c.u.excluded and (not calls or by_id[d].call in calls)
    ]
    if not on_topic:
        return False
    q.intent, q.groups, q.source = METRIC_INTENT[measure], [[d] for d in on_topic], "named"
    q.measures, q.metric, q.order, q.restrict = [measure], measure, None, None
    c.u.restrict, c.u.order = None, None
    return True


def _measures_after_seeking(c: Context) -> list[str]:
    """The figures asked from the sentence that seeks the directions on (in the order of
    total, count, average)."""
    sentences = [cl for cl in _ASKER_SENTENCE.split(c.u.text) if cl.strip()]
    start = next(
        (i for i, cl in enumerate(sentences) if _DIRECTIONS_SOUGHT.search(O.folded(cl))), None
    )
    if start is None:
        return []
    found = {m for cl in sentences[start:] for m in O.measures(normalize(cl))}
    return [m for m in ("total", "count", "average") if m in found]


def topic_measured(q: Query, c: Context) -> bool:
    """Directions sought on a topic with a figure of each: "我们做海洋科学…哪些方向支持海洋方面，
    平均每个项目多少钱？", "We work on fuel cell vehicles… Which directions fit us and how much
    money do they have?", "哪个方向涉及？最多支持几个项目？" (最多 there is the limit) — the
    topic's answer, each direction on it with the figure(s) asked (intent topic)."""
    if not c.u.topics or c.u.from_context or q.op != "show":
        return False
    if c.u.intent in (L.UNKNOWN, L.HELP, L.PARTNERS, L.OVERVIEW, L.PERIOD):
        return False
    asked = [m for m in ("total", "count", "average") if m in c.measures]
    if not asked or q.bounds:
        return False
    if not _DIRECTIONS_SOUGHT.search(c.text):
        return _topic_directions_measured(q, c, asked)
    if c.narrowed is not None:
        # the asking clause narrowed the measures to its own ("…这些方向平均每项多少？项目数多
        # 少？" keeps only the count): each sentence after the directions are sought asks too
        asked = _measures_after_seeking(c) or asked
    if any(m.kind in (PARTNER, DIRECTION, CALL) for m in c.u.mentions) and not _names_aside(c):
        return False
    # "…当中边个总经费最多": a ranking over the directions on the topic, unless 最多 is the
    # limit of the count asked in a sentence that asks no "which"
    limit = False
    for sentence in _QUESTION.split(c.text):
        if _AT_MOST_ASKED.search(sentence) and not _WHICH.search(sentence):
            limit = True
        elif _RANKS.search(sentence):
            return False
    if (c.ops - ({"more"} if limit else set())) & {"sum", *COMPARE_OPS}:
        return False
    if "each" in c.ops and len(asked) == 1:
        # "Which directions cover hydrogen, and how much does each get?": the figure of each,
        # answered by the measure's own list (rule several_measures leaves it so); partners
        # named aside ("合作方是德国…和韩国也有联系。哪些方向包括燃料电池？总经费分别是多少？")
        # leave that list to be built here, as if they were not said (a call named is the
        # scope of the directions sought)
        names = any(m.kind in (PARTNER, DIRECTION, CALL) for m in c.u.mentions)
        return names and _topic_each_measured(q, c, asked[0])
    topics = _narrowest_topics(c)
    q.intent, q.op, q.groups, q.source = L.TOPIC, "topic_measured", [], "all"
    q.measures, q.metric, q.order, q.restrict = asked, asked[0], None, None
    q.topics = c.u.topics = topics
    if len(topics) == 1:
        q.topic_mode = c.u.topic_mode = "union"
    c.u.restrict, c.u.order = None, None
    # a field of the notice named whole ("我们做智能绿色出行"): the directions that have it, when
    # they cover every topic named
    on_topic = topic_directions(c.k, topics, c.u.topic_mode)
    quotes = _field_quotes(c.k)
    named = {name for d in on_topic for name in quotes.get(d, ()) if name in c.u.norm}
    # a direction whose fields say the name inside a longer field ("清洁技术，包括环境、可再生
    # 能源…" for "可再生能源") has it too
    owners = [
        d
        for d in on_topic
        if any(name in _field_words(c.k, c.k.direction_by_id[d]) for name in named)
    ]
    if owners and len(owners) < len(on_topic):
        covers = all(set(owners) & {d.id for d in c.k.directions_for_topic(t)} for t in topics)
        if covers:
            q.restrict = owners
    return True


def several_measures(q: Query, c: Context) -> bool:
    """Several measures of the same direction(s) at once: "Spain: total, number of projects and
    fields please", "经费、项目数和研究领域分别是什么", "1）国拨总经费；2）最多支持的项目数；
    3）平均每个项目资助额度" → the direction's card (intent detail)."""
    asked = [m for m in c.measures if m in ("total", "count", "average", "fields", "period")]
    if "fields" not in asked and _topic_checked(c):
        asked.append("fields")  # "The South Africa flagship is about hydrogen only? And …money?"
    names = any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions)
    if c.u.topics and not names and "each" in c.ops and len(asked) == 2 and "fields" in asked:
        # "Which directions cover hydrogen, and how much does each get?": "which directions"
        # selects by the topic, the figure of each is what is asked
        return False
    # a comparison word of a sentence about the asker ("我校…在氢能方面积累较多") compares nothing
    asking = _without_asker_clauses(c)
    if len(asked) < 2 or O.operations(asking) & set(COMPARE_OPS) or _COMPARE_WORD.search(asking):
        return False
    groups = c.named
    if not groups and c.u.intent == L.RANK and c.u.restrict and not _WHICH.search(c.text):
        groups = [list(c.u.restrict)]  # "西班牙…最多支持的项目数": a limit, not a ranking
    if not groups and c.u.from_context and len(c.u.groups) == 1 and not c.chain:
        # the one direction a topic answer found ("which direction has AI for cultural heritage
        # → how many projects and how much in total?"): its "in total" adds nothing up
        groups = [list(c.u.groups[0])]
    if "sum" in c.ops and (len(groups) != 1 or c.chain) and "each" not in c.ops:
        # "一共几个" of one direction named alone is its count, not arithmetic; questions
        # forwarded for each of several people ("王老师想知道…；赵老师想知道…一共几个") each ask
        return False
    if not groups and c.u.from_context and c.u.groups:
        groups = [list(g) for g in c.u.groups]
    previous = False
    if not groups and c.last and len(c.last.groups) == 1 and O.follow_up(c.text):
        # "…補助領域是否限定氫能？ → 了解，那核定件數與平均補助額度呢？": the direction in talk
        groups, previous = [list(c.last.groups[0])], True
    if not groups or len({d for g in groups for d in g}) > 4:
        return False
    if c.u.intent in (L.TOPIC, L.PARTNERS, L.OVERVIEW, L.HELP):
        return False
    if c.u.intent == L.UNKNOWN and not previous:
        return False
    q.intent, q.op, q.groups, q.measures = L.DETAIL, "show", groups, asked
    return True


def tracks_each_measured(q: Query, c: Context) -> bool:
    """Several measures of each track of one direction: "EU flagship: how much for the food area
    vs the climate area, and how many projects and average in each?", "中欧旗舰两个领域各自的
    经费、项目数和平均" — the direction's card, which gives every track's figures."""
    named = [d for g in c.named for d in g]
    if len(named) != 1 or not _tracked(named[0], c) or q.op != "show":
        return False
    asked = [m for m in c.measures if m in METRIC_INTENT]
    if len(asked) < 2 or not ("each" in c.ops or _COMPARE_WORD.search(c.text)):
        return False
    if c.ops & {"ratio", "difference", "same", "sum"}:
        return False
    q.intent, q.groups, q.measures = L.DETAIL, [named], asked
    return True


_CLAIMED_MONEY = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|million\b|m\b)")
_CLAIMED_COUNT = re.compile(
    r"\d+\s*(?:个|项|件)(?!领域|方向|国家|国|地区|合作方|方面|指南)|\b\d+\s+(?:projects?|grants?)\b"
)
_CHECKED = re.compile(
    r"[?？]|吗|么|是不是|是否|对不对|对唔对|系咪|系唔系|啱唔啱|\b(?:right|correct|true|yes)\b"
    # a colleague's figures to confirm: "Could you kindly confirm…", "请帮忙确认一下"
    r"|确认|核实|\b(?:confirm|verify)\b"
)


def figures_checked(q: Query, c: Context) -> bool:
    """Two or more figures of one direction checked at once: "阿根廷那个方向一项才50万？总共也就
    200万？", "中德計畫是不是每項400萬、總共5項？", "So Israel gets 20 million and 10 projects,
    right?" — the direction's card states each figure the notice gives, so the asker sees
    which ones hold."""
    named = c.named
    if len(named) != 1 or len(named[0]) != 1 or q.op != "show" or c.u.from_context:
        return False
    # "总共也就200万" of one direction is its total, not a sum
    if c.ops & {"ratio", "difference", "more", "each"} or not _CHECKED.search(c.text):
        return False
    # a money figure and another one ("是固定20件还是上限20件" asks the count alone)
    money = len(_CLAIMED_MONEY.findall(c.text))
    if not money or money + len(_CLAIMED_COUNT.findall(c.text)) < 2:
        return False
    q.intent, q.groups = L.DETAIL, [list(named[0])]
    q.measures = [m for m in ("total", "count", "average") if m in c.measures] or ["total"]
    return True


def fields_asked_plainly(q: Query, c: Context) -> bool:
    """The fields the only measure the message names, while a cue of its context read a figure:
    "…We have also a project with Aalto… Which research fields are in the China-Finland
    cooperation?", "中以lingyu" — the fields of the direction named."""
    # no figure is asked to add up ("apply together with our friends" is no sum)
    if c.measures != ["fields"] or q.op != "show" or not q.groups or c.ops & set(COMPARE_OPS):
        return False
    card = q.intent == L.DETAIL and "names_alone_ask_card" in c.u.rules
    if q.intent not in (L.AVERAGE, L.BUDGET, L.COUNT) and not card:
        return False
    q.intent, q.metric = L.FIELDS, None
    return True


def asked_measure(q: Query, c: Context) -> bool:
    """One measure named plainly beats a cue sum that read another: "中芬计划补助件数上限是
    多少" asks the count, "Total for the China–Europe joint lab projects?" the budget."""
    asked = [m for m in c.measures if m in ("total", "count", "average")]
    if (
        q.intent == L.FIELDS
        and c.u.topics
        and len(asked) == 1
        and len(c.measures) == 1
        and O.asks_quantity(c.text)
        and q.groups
    ):
        # "韩国联合研究项目（非能源技术类）总经费是多少": a topic in a name, a budget asked
        q.intent, q.metric = METRIC_INTENT[asked[0]], asked[0]
        return True
    if (
        q.intent == L.DETAIL
        and c.measures == ["fields"]
        and q.groups
        and "overview_of_names_is_card" in c.u.rules
    ):
        q.intent = L.FIELDS  # "what r the fields of the Macao joint funding call?"
        return True
    if len(asked) != 1 or q.intent not in INTENT_METRIC or not q.groups:
        return False
    if INTENT_METRIC[q.intent] == asked[0] or len(c.measures) > 1:
        return False
    if asked[0] == "average" and q.intent != L.BUDGET:
        return False  # "每件補助多少" read as a budget is the average
    if q.intent == L.AVERAGE and asked[0] != "count":
        return False  # an average asked in words the vocabulary does not know stays one
    q.intent, q.metric = METRIC_INTENT[asked[0]], asked[0]
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


# clauses of a message; an ASCII comma is left alone ("Israel, Germany and Austria" is a list)
_RAW_CLAUSE = re.compile(r"[，。?？!！;；\n]|\.(?:\s|$)|\s[-–—]\s")


def _clause_directions(c: Context, clause: str) -> set[str]:
    ids: set[str] = set()
    for m in c.index.find(normalize(clause), clause).mentions:
        if m.kind == PARTNER:
            ids.update(d.id for d in c.k.directions_by_partner.get(m.id, ()))
        elif m.kind == DIRECTION:
            ids.add(m.id)
    return ids


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
    clauses = [cl for cl in _RAW_CLAUSE.split(c.u.text) if cl.strip()]
    if len(clauses) < 2:
        return False
    asking = max(
        (i for i, cl in enumerate(clauses) if _ASKED.search(O.folded(cl)) or O.measures(cl)),
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


# 最多 bound to the quantity asked, as a limit: "一共最多几个", "最多能资助多少个",
# "at most how many"
_AT_MOST_ASKED = re.compile(
    r"最多(?:可以|能|会|可)?(?:资助|支持|批|有)?(?:几|多少|几多)|(?:一共|总共|合计|加起来|共)最多"
    r"|\bat\s+most\b|\bmaximum\b|\bup\s+to\s+how\s+many\b"
)


def limit_of_previous(q: Query, c: Context) -> bool:
    """ "最多" after a figure of named directions, asking no "which": "中欧旗舰两个领域分别资助
    几个项目 → 一共最多几个？" is that direction's count (the notice's "不超过"), and of several
    directions their sum — not a ranking of every direction."""
    if q.intent != L.RANK or c.named or c.u.topics or q.bounds or not c.last:
        return False
    if _WHICH.search(c.text) or not _AT_MOST_ASKED.search(c.text) or not c.last.groups:
        return False
    metric = c.metric(_last_metric(c.last) or "count") or "count"
    if metric not in ("total", "count"):
        return False
    groups = _split([list(g) for g in c.last.groups])
    q.groups, q.source, q.metric, q.order, q.restrict = groups, "previous", metric, None, None
    c.u.restrict = None
    q.op = "sum" if len(groups) > 1 else "show"
    q.intent = METRIC_INTENT[metric]
    return True


# the low end of a ranking asked: "最少", "the fewest", "边个最平" (cheapest), "minimum"
_LOW_END = re.compile(
    r"最(?:少|低|小|平(?!均)|便宜)|\b(?:least|lowest|smallest|fewest|cheapest|minimum|min)\b"
)


def rank_of_previous(q: Query, c: Context) -> bool:
    """A ranking among the directions just listed: "directions with total above CNY 50
    million? → which of them funds the most projects?", "这些方向里平均资助哪个最高"."""
    among = O.refers_previous(c.text) or O.among_previous(c.text)
    # a bare pick right after the figures of a few directions, or after a topic's list
    # ("邊啲方向有提到海洋？ → 邊個總經費最多？")
    bare = _bare_which(c) or bool(
        c.last is not None and c.last.intent == L.TOPIC and _BARE_WHICH.search(c.text)
    )
    extreme = _MONEY_EXTREME.search(c.text) if among or bare else None
    ranking = q.intent == L.RANK or O.superlative(c.text) or extreme
    # "其中项目数最多的呢", "among them, which has the most projects?"; after the figures of a
    # few directions, a bare "邊個最平？" (not after a ranking of them all)
    pool = list(c.answered)
    if bare and len(pool) < 2 and c.last is not None:
        pool = c.last.programs
    if not ranking or c.named or not c.last or len(pool) < 2 or not (among or bare):
        return False
    q.intent, q.op, q.groups = L.RANK, "show", []
    q.order = "min" if _LOW_END.search(c.text) else "max" if extreme else q.order
    q.order = q.order or ("min" if _LOW_END.search(c.text) else "max")
    q.restrict, q.source = pool, "previous"
    q.metric = c.metric(None) or (_last_metric(c.last) if extreme or bare else None) or q.metric
    q.metric = q.metric if q.metric in METRIC_INTENT else c.metric("total")
    return True


# an end of the money asked without 多/少: "邊個最平", "which is cheapest", "maximum money"
_MONEY_EXTREME = re.compile(
    r"最(?:平(?!均)|便宜|贵|貴)|\b(?:cheapest|most\s+expensive|maximum|minimum)\b"
)


def _bare_which(c: Context) -> bool:
    """A bare "which is the most" right after the figures of a few directions (not a ranking of
    all): among those ("边啲方向有提到疫苗 → 佢哋平均几多钱 → 边个最平")."""
    last = c.last
    if last is None or last.intent not in (L.AVERAGE, L.BUDGET, L.COUNT, L.COMPARE):
        return False
    return bool(_BARE_WHICH.search(c.text))


def asked_period_is_not(q: Query, c: Context) -> bool:
    """A period read from context ("合作了好几年") when another measure is asked plainly:
    "…请问这个方向具体支持哪些领域？" asks the fields."""
    if q.intent != L.PERIOD or not q.groups or "period" in c.measures or len(c.measures) != 1:
        return False
    asked = c.measures[0]
    q.intent = L.FIELDS if asked == "fields" else METRIC_INTENT.get(asked, q.intent)
    q.metric = INTENT_METRIC.get(q.intent, q.metric)
    return q.intent != L.PERIOD


def _asking_part(text: str) -> str:
    """The asking clause cut at its commas too (folding makes "，" a ","): "我们有两个团队分别跟
    芬兰和西班牙合作, 这两个方向的总经费一样吗" asks in its last part."""
    parts = [p for p in re.split(r"[,，]", _asking_clause(text)) if p.strip()]
    asking = [p for p in parts if _ASKED.search(O.folded(p))]
    return (asking or parts or [text])[-1]


def _asking_clause(text: str) -> str:
    """The clause that asks: the last one with a question word, else the last one (the question
    words are Simplified: a Traditional clause "仲有邊啲方向…" is read folded)."""
    clauses = [cl for cl in _RAW_CLAUSE.split(text) if cl.strip()]
    asking = [cl for cl in clauses if _ASKED.search(O.folded(cl))]
    return (asking or clauses or [text])[-1]


def _not_sure(q: Query, readings: list[tuple[str, list[str]]], why: str = "aspect") -> None:
    """``why``: "aspect" (the notice may not cover what is asked), "previous" (the message
    points back at a conversation there is none of) or "reading" (the message asks more than
    the query reads: which of the readings is meant)."""
    q.intent, q.op, q.readings, q.unsure = L.UNKNOWN, "unsure", readings, why
    if q.understanding is not None:  # the reply says so in its confidence too
        q.understanding.confidence = min(q.understanding.confidence, 0.4)


def yes_no_beside_a_card(q: Query, c: Context) -> bool:
    """A yes/no question about a named direction that asks nothing the notice gives (no
    measure, no topic, no request for its card): "請問臺灣的大學可以參與中國與西班牙政府間科技
    合作計畫嗎", "Can researchers from Taiwan join a China–Finland consortium?", "联合实验室方向
    要求已经有挂牌的联合实验室吗" — its card would be a confident answer to another question."""
    if q.op != "show" or q.intent not in (L.DETAIL, L.FIELDS) or "figures_checked" in q.rules:
        return False
    if c.u.topics or c.u.unknown_topic or c.ops or c.u.from_context:
        return False  # a field asked of it is answered by its fields ("有冇包區塊鏈")
    if [m for m in c.measures if m != "fields"] or (q.intent == L.FIELDS and c.measures):
        return False
    clause = _asking_clause(c.text)
    if not O.yes_no(clause) or O.requests_card(clause):
        return False
    ids = q.programs
    # the directions named are what a next "那两个平均各多少" is about
    q.about = [list(g) for g in q.groups]
    _not_sure(q, [(L.DETAIL, ids)] if ids else [(L.OVERVIEW, [])])
    return True


def rank_among_named(q: Query, c: Context) -> bool:
    """A superlative among directions named: "Between Finland, Germany and Austria, which one
    has the highest average per project?" compares those three, not all directions."""
    named = c.named if len(c.named) >= 2 else _mentioned_groups(c)
    if q.intent != L.RANK or len(named) < 2 or c.u.excluded or q.bounds:
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


def measure_side_by_side(q: Query, c: Context) -> bool:
    """Another measure after two directions shown side by side but never compared: "spain and
    germany budget? → and the average?" asks both averages, not which is higher."""
    if q.intent != L.COMPARE or q.op != "show" or "comparison_follow_up" not in c.u.rules:
        return False
    if not c.last or c.last.compared or c.ops or _COMPARE_WORD.search(c.text):
        return False
    metric = q.metric if q.metric in METRIC_INTENT else c.metric(None)
    if metric not in METRIC_INTENT:
        return False
    q.intent, q.metric = METRIC_INTENT[metric], metric
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


def _clause_kinds(c: Context, clause: str) -> set[str]:
    return {m.kind for m in c.index.find(normalize(clause), clause).mentions}


# a question of its own for the directions ("哪些方向涉及氢能？"), not a word inside "journalist"
_WHICH_ASKED = re.compile(r"哪|边啲|边个|\bwhich\b|\bwhat\s+(?:directions|programm?es|programs)\b")


# the directions selected by a topic, as the subject of the question that follows: "支持海洋方向的
# 几个指南方向，…", "the directions that fund marine research: …"
_DIRECTIONS_OF_TOPIC = re.compile(
    r"(?:的|嘅)\s*(?:几个|这几个|这些|那些|各个|所有|全部|那几个)?\s*(?:指南)?方向\s*[，,:：;；]?\s*$|"
    r"\bdirections?\s+(?:that|which)\s+(?:fund|funds|support|supports|cover|covers|include)\b"
)


def topic_in_context_only(q: Query, c: Context) -> bool:
    """A topic read from a sentence of context while the question asks figures of the call:
    "I'm a science journalist …, working on a feature about … Could you give me the big
    picture of the 2023 call – how many directions, how much money in total and roughly how
    many projects?" is the overview, not a list of directions on a topic."""
    if q.intent != L.TOPIC or c.named or not c.u.topics:
        return False
    clause = _asking_clause(c.u.text)
    asked = [m for m in O.measures(O.folded(clause)) if m in METRIC_INTENT]
    if not asked or TOPIC in _clause_kinds(c, clause):
        return False
    before = c.u.text[: max(0, c.u.text.rfind(clause))]
    if "sum" in c.ops and _WHICH_ASKED.search(O.folded(before)):
        # "哪些方向涉及氢能？它们的经费加起来一共多少？": the topic is asked, then summed
        return False
    if _DIRECTIONS_OF_TOPIC.search(O.folded(before)):
        # "支持海洋方向的几个指南方向，一共支持多少个项目": the topic selects the directions
        return False
    q.topics, q.groups, q.source = [], [], "all"
    c.u.topics = []
    if len(asked) > 1:
        q.intent, q.measures = L.OVERVIEW, asked
    else:
        q.intent, q.metric = METRIC_INTENT[asked[0]], asked[0]
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


def topic_of_asking_clause(q: Query, c: Context) -> bool:
    """Topics named in a sentence about the asker beside a topic asked: "我们是做海洋生态的，
    想问下哪些方向涉及海洋？" asks about marine science, not the environment of 生态."""
    if q.intent != L.TOPIC or c.named or not c.u.topics:
        return False
    lead = _LEAD_IN.match(c.u.text)
    if lead:
        if len(c.u.topics) < 2:
            return False
        # "材料学院纳米团队问：哪些方向的资助领域包含纳米技术？": who forwards the question is no
        # second topic it must also cover
        rest = c.u.text[lead.end() :]
        asked = {m.id for m in c.index.find(normalize(rest), rest).mentions if m.kind == TOPIC}
        keep = [t for t in c.u.topics if t in asked]
        if keep and len(keep) < len(c.u.topics):
            q.topics = c.u.topics = keep
            if len(keep) == 1:
                q.topic_mode = c.u.topic_mode = "union"
            return True
        return False
    if c.u.topic_mode != "union" and _BOTH_TOPICS.search(O.folded(c.u.text)):
        return False  # "同时涉及…和…" asks for both, wherever they are named
    # every topic the message names: the narrower one of the context may have displaced the
    # one asked ("We do dairy processing. Which directions fund food processing?")
    named = list(dict.fromkeys([*c.u.topics, *(m.id for m in c.u.mentions if m.kind == TOPIC)]))
    if len(named) < 2:
        return False
    # lower case: "Which directions…" asks as "which" does (an "is" of a statement before it
    # does not make that statement the question)
    text = c.u.text.lower()
    clauses = [cl for cl in _RAW_CLAUSE.split(text) if cl.strip()]
    clause = _asking_clause(text)
    if len(clauses) < 2 or not _WHICH.search(O.folded(clause)):
        return False
    asked = {m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC}
    keep = [t for t in named if t in asked]
    if not keep or set(keep) == set(c.u.topics) or len(keep) == len(named):
        return False
    q.topics = c.u.topics = keep
    if len(keep) == 1:
        # "I work on offshore wind. Which directions mention marine science?": the field of the
        # statement qualifies nothing asked
        q.topic_mode = c.u.topic_mode = "union"
    return True


_BOTH_TOPICS = re.compile(r"同时|既.{1,12}又|\bboth\b|as well as|兼顾|都涉及|都包括")


# one direction asked for ("是哪个国家的方向", "属于哪个方向", "which partner is … under")
_ONE_ASKED = re.compile(
    r"(?:是|属于|归|在)(?:哪|边)(?:一)?个|(?:哪|边)(?:一)?个(?:国家|方向|合作方|计划|项目)的?|"
    r"\bwhich\s+(?:country|partner|direction|programme|program|call)\s+(?:is|does|has|covers|funds)\b"
)
_FIELD_QUOTE_MIN = 5  # "智能绿色出行", "新型交通系统"; "人工智能" is a topic, not one field
# what a field's name carries besides its name: a track label, "…领域", "（…）", "，包括…"
_FIELD_TAIL = re.compile(r"(?:领域|等领域|方向)$")


def _field_quotes(k: Knowledge) -> dict[str, tuple[str, ...]]:
    """Direction id -> its fields' names, normalised, label and tail taken off. Cached."""
    key = ("field_quotes",)
    if key not in k._cache:
        out: dict[str, tuple[str, ...]] = {}
        for d in k.directions:
            names = []
            for f in d.fields:
                name = re.split(r"[（(，,:：]", f.zh_hans.split("：")[-1])[0]
                name = _FIELD_TAIL.sub("", normalize(name).strip())
                if len(name) >= _FIELD_QUOTE_MIN:
                    names.append(name)
            out[d.id] = tuple(names)
        k._cache[key] = out
    return k._cache[key]


def field_named_whole(q: Query, c: Context) -> bool:
    """One field of the notice named whole, and the one direction it belongs to asked:
    "智能绿色出行是哪个方向的？" is Finland's field, not every direction on transport;
    "新型交通系统属于哪个合作方" is Russia's. Several directions may share the name."""
    if q.intent != L.TOPIC or q.op != "show" or c.named or not c.u.topics:
        return False
    if not _ONE_ASKED.search(c.text):
        return False
    norm = c.u.norm
    on_topic = topic_directions(c.k, list(c.u.topics), c.u.topic_mode)
    quotes = _field_quotes(c.k)
    owners = [
        d
        for d in on_topic
        if d not in c.u.excluded and any(name in norm for name in quotes.get(d, ()))
    ]
    if not owners or len(owners) == len(on_topic):
        return False
    q.op, q.restrict = "topic_field", owners
    return True


# a direction sought for the asker's work: "有对口的方向吗", "有冇合适嘅方向", "which direction"
_DIRECTION_SOUGHT = re.compile(
    r"(?:对口|合适|适合|匹配|啱)(?:的|嘅)?方向|哪(?:个|些|一个)方向|边(?:个|啲)方向|"
    r"\b(?:which|any)\s+(?:suitable\s+|matching\s+)?directions?\b"
)


def topic_of_partner_worked_with(q: Query, c: Context) -> bool:
    """A topic and a partner the asker works with, said before a question that seeks directions
    ("我们做电子信息，和澳门有合作基础，有对口的方向吗"): the topic's answer over that partner's
    directions, not the yes/no of a question about the partner's fields."""
    if q.intent != L.FIELDS or q.op != "show" or not c.u.topics or not c.named:
        return False
    clause = _asking_clause(c.u.text)
    if not _DIRECTION_SOUGHT.search(O.folded(clause)):
        return False
    if _clause_kinds(c, clause) & {PARTNER, DIRECTION, CALL, TOPIC}:
        # "德国有对口的方向吗" asks about Germany itself; "我哋喺澳門做海洋研究，邊個方向支持
        # 海洋科學？" asks the topic across directions, the place only says where the asker is
        return False
    if _OTHERS.search(O.folded(clause)):
        return False  # "仲有邊啲方向…": the other directions on the topic
    on_topic = set(topic_directions(c.k, list(c.u.topics), c.u.topic_mode))
    owners = [d for g in c.named for d in g if d in on_topic]
    if not owners:
        return False
    q.intent, q.op, q.restrict, q.groups, q.source = L.TOPIC, "topic_field", owners, [], "all"
    return True


_AND = re.compile(r"\s*(?:和|与|及|以及|跟|同|还有|\band\b|&)\s*")


def one_direction_of_joined_topics(q: Query, c: Context) -> bool:
    """Topics joined by "和/and" and one direction asked: "Which country is the hydrogen and
    fuel cell vehicle direction with?", "氢能和燃料电池汽车是哪个国家的" — the direction(s)
    on all of them, when there is one; "或/or" and "哪些" keep any of them."""
    if q.intent != L.TOPIC or q.op != "show" or c.named or c.u.topic_mode != "union":
        return False
    if len(c.u.topics) < 2 or not _ONE_ASKED.search(c.text):
        return False
    spans = sorted((m for m in c.u.mentions if m.kind == TOPIC), key=lambda m: m.start)
    spans = [m for m in spans if m.id in c.u.topics]
    gaps = [c.u.norm[a.end : b.start] for a, b in itertools.pairwise(spans) if a.id != b.id]
    if not gaps or not all(_AND.fullmatch(g) for g in gaps):
        return False
    both = topic_directions(c.k, list(c.u.topics), "intersection")
    sets = [{d.id for d in c.k.directions_for_topic(t)} for t in c.u.topics]
    if not set(both) & set.intersection(*sets):
        return False  # nothing on all of them: any of them is the answer
    q.topic_mode = c.u.topic_mode = "intersection"
    return True


# a lead-in naming who asks: "材料学院纳米团队问：", "Question from our hydrogen group:"
_LEAD_IN = re.compile(
    r"^[^?？:：]{0,40}(?:问|想问|请教|咨询|\bquestion\b|\basks?\b|\bquery\b)[^?？:：]{0,40}[:：]",
    re.IGNORECASE,
)


# the asking clause is about the direction named before it: "其中…", "该方向…"
_WITHIN_NAMED = re.compile(r"其中|其(?:具体|主要|资助|支持)|该方向|该项目|这个方向|呢个方向")


# "which directions …" asks over every direction, so an "it" after it is the topic ("Hydrogen
# topic - which directions fund it?"), not the direction named before
_WHICH_DIRECTIONS = re.compile(
    r"(?:哪|边)(?:些|几个|啲)\s*(?:方向|计划|项目|专项|call)|\bwhich\s+(?:directions|programmes|"
    r"programs|calls|ones)\b"
)


# one direction pointed at by what it does: "那个做奶酪、水果加工的项目", "the heritage and AI one"
_ONE_DESCRIBED = re.compile(
    r"(?:那|嗰|这|呢)(?:一)?个|\bthe\s+(?:[\w+&-]+\s+){0,5}one\b"
    # "the direction that funds …", "one direction funding …": one direction, by what it funds
    r"|\b(?:the|one)\s+(?:direction|programm?e|program)\s+(?:that|which|funding|covering|"
    r"supporting|with)\b"
)
# the partner of the direction asked beside a figure: "是跟哪个国家的？资助几个项目？"
_WHICH_PARTNER = re.compile(
    r"(?<!忘记是)(?<!忘了是)(?<!不记得是)(?<!记不清是)(?<!忘记)(?<!忘了)"
    r"(?:哪|边|什么)(?:个|一个)?(?:国家|国|合作方)|\b(?:which|what)\s+(?:country|partner)\b"
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


# the directions besides those just named: "仲有边啲方向", "还有哪些方向", "which other directions"
# the name in the question is set aside: "which other programs are about water, beside the
# Israel one?", "除了以色列，还有哪些方向涉及水？"
_SET_ASIDE = re.compile(r"\bbesides?\b|\bapart\s+from\b|\bother\s+than\b|除了|除咗|以外|之外")
_OTHERS = re.compile(
    r"(?:还有|仲有|其他|其它|别的|另外)(?:的)?\s*(?:哪|边|什么|咩)|"
    r"\b(?:which|what|any)\s+other\b|\bother\s+(?:directions|programmes|programs|calls)\b"
)


_OTHER_FIELDS = re.compile(r"领域|内容|\b(?:fields?|areas?|topics?)\b")


def others_on_topic(q: Query, c: Context) -> bool:
    """A topic asked of the directions besides one named in a statement before: "澳門方向有資助
    新材料，仲有邊啲方向都有材料相關嘅？", "中德有氢能，还有哪些方向也有？" — every other direction
    on the topic, the named one set aside (the reply already grants it)."""
    if q.intent not in (L.FIELDS, L.TOPIC) or not c.u.topics or not c.named:
        return False
    clause = _asking_clause(c.u.text.lower())
    if not _OTHERS.search(O.folded(clause)):
        return False
    beside = _SET_ASIDE.search(O.folded(clause))
    if _clause_kinds(c, clause) & {PARTNER, DIRECTION, CALL} and not beside:
        return False  # "还有哪些方向和德国一样有氢能" names its referent in the question
    if _OTHER_FIELDS.search(O.folded(clause)) and not _ANY_DIRECTION.search(O.folded(clause)):
        return False  # "Is health included in the Finland call? What other fields there are?"
    named = [d for g in c.named for d in g]
    asked_of_named = _named_asked_before(c, clause, set(named))
    q.intent, q.groups, q.source, q.restrict = L.TOPIC, [], "all", None
    c.u.groups = []
    asked = [m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC]
    stated = [t for t in c.u.topics if t not in asked]
    if asked and stated and not asked_of_named:
        # "Russia direction support vaccine research. Which other direction support infectious
        # disease too?": the statement granted another topic, so every direction on the topic
        # asked is the answer, the named one among them
        q.topics = c.u.topics = list(dict.fromkeys(asked))
        q.topic_mode = c.u.topic_mode = "union"
        return True
    q.excluded = c.u.excluded = list(dict.fromkeys([*c.u.excluded, *named]))
    if asked_of_named:
        # "內地同澳門有冇航空航天？仲有邊啲方向有？": the yes or no for the named direction
        # first, then the others on the topic
        q.op, q.groups, q.source = "topic_and_named", [asked_of_named], "named"
    return True


# every direction asked about a topic, in the sentence that asks: "which directions of the call
# mention AI at all", "every direction that includes agriculture", "do other directions cover
# ageing as well", "哪些方向提到了人工智能", "还有其他方向涉及老龄吗"
_EVERY_ON_TOPIC = re.compile(
    r"\b(?:which|what|every|all|any|other)\s+(?:other\s+)?(?:of\s+the\s+)?"
    r"(?:directions?|programm?es?|programs?|lines?)\b|"
    r"(?:哪些|哪几个|所有|全部|其他|其它|别的|边啲|边几个|仲有边)(?:的)?\s*(?:指南)?方向"
)
_SENTENCES = re.compile(r"(?<=[.!?。！？；;])\s*|\n+")
_WOULD_ASK = re.compile(
    r"[?？]|\b(?:would\s+like\s+to\s+know|tell\s+me|let\s+me\s+know|wonder|please\s+list)\b|"
    r"请问|想知道|想问|麻烦|哪|边啲"
)


def topic_over_every_direction(q: Query, c: Context) -> bool:
    """A topic asked of every direction in a long message that names a direction only around
    it: "I understand that the China–Italy direction lists AI … Could you tell me which directions
    of the call mention artificial intelligence at all?", "Apart from the China–Italy direction, I
    would like to know every direction of the call that includes agriculture", "Is ageing
    covered only by the China–Finland direction, or do other directions cover it as well?" —
    the topic's directions over the whole notice (a name set aside with "apart from" is left
    out), not the named one's fields or card."""
    if not c.u.topics or q.intent in (L.RANK, L.COMPARE) or c.ops & {"sum", "each"}:
        return False
    if not c.named and q.intent == L.TOPIC:
        return False
    sentences = [t for t in _SENTENCES.split(c.u.text) if t.strip()]
    asking = [t for t in sentences if _WOULD_ASK.search(O.folded(t))]
    if not asking:
        return False
    # the sentence asking for directions on the topic; one after it may only check a name
    # against the list ("我哋做航空航天可以申請邊啲方向？包唔包括澳門嗰個？")
    picked = [i for i, t in enumerate(asking) if _EVERY_ON_TOPIC.search(O.folded(t))]
    if not picked:
        return False
    if any(not _NAME_CHECKED.search(O.folded(t)) for t in asking[picked[-1] + 1 :]):
        return False
    sentence = asking[picked[-1]]
    folded = O.folded(sentence)
    if _OTHERS.search(folded) and not _ONLY_OR_OTHERS.search(folded):
        return False  # "Germany funds hydrogen. Which other directions…": others_on_topic's
    found = c.index.find(normalize(sentence), sentence).mentions
    asked = list(dict.fromkeys(m.id for m in found if m.kind == TOPIC))
    if not asked or any(m.kind == CALL for m in found):
        return False
    if [m for m in O.measures(folded) if m != "fields"]:
        return False  # a figure asked beside ("…and how many projects each") is another rule's
    named_here = [m for m in found if m.kind in (PARTNER, DIRECTION)]
    aside = bool(_SET_ASIDE.search(folded))
    if named_here and not (
        aside or _ONLY_OR_OTHERS.search(folded) or _NAME_CHECKED.search(folded)
    ):
        return False  # "which directions of the Korea call cover AI" asks within it
    topics = [t for t in c.u.topics if t in asked] or asked
    q.intent, q.groups, q.source, q.restrict, q.op = L.TOPIC, [], "all", None, "show"
    q.topics = c.u.topics = topics
    if len(topics) == 1:
        q.topic_mode = c.u.topic_mode = "union"
    q.metric = c.u.metric = None
    if aside and named_here:
        ids = [
            d
            for m in named_here
            for d in (
                [m.id]
                if m.kind == DIRECTION
                else [x.id for x in c.k.directions_by_partner.get(m.id, ())]
            )
        ]
        q.excluded = c.u.excluded = list(dict.fromkeys([*c.u.excluded, *ids]))
    c.u.groups = []
    return True


# a name checked against the list just asked: "包唔包括澳門嗰個", "is Italy included"
_NAME_CHECKED = re.compile(
    r"包(?:不|唔)包(?:括|含)?|是否(?:包括|包含)|(?:包括|包含)[^，,。？?]{0,12}(?:吗|么|嘛|冇|没有)|"
    r"\b(?:included|includes?|including|among\s+them|one\s+of\s+them|in\s+the\s+list)\b|"
    r"是其中之一|在其中|在里面|系咪其中"
)


# "covered only by the China–Finland direction, or do other directions cover it as well"
_ONLY_OR_OTHERS = re.compile(
    r"\bonly\b.{0,80}\bor\b.{0,40}\bother\b|只有.{0,30}(?:还是|定系|或者).{0,20}(?:其他|别的|其它)|"
    # "which directions cover health, not only the Finland one", "不止以色列那个"
    r"\bnot\s+only\b|\bnot\s+just\b|不只|不止|唔止|不仅"
)


# the clauses of _RAW_CLAUSE, each question mark kept with the clause it ends
_CLAUSE_WITH_MARK = re.compile(r"(?<=[?？])|[，。!！;；\n]|\.(?:\s|$)|\s[-–—]\s")


def _named_asked_before(c: Context, clause: str, named: set[str]) -> list[str]:
    """The named directions a question before the asking clause asks about ("…有冇航空航天？"),
    in the order named; none when they were only stated ("澳門方向有資助新材料，…")."""
    text = c.u.text.lower()
    end = text.rfind(clause)
    asked: list[str] = []
    # the split keeps each clause's end mark: "Macao has aerospace?" asks by its "?" alone
    for cl in _CLAUSE_WITH_MARK.split(text[: max(end, 0)]):
        if cl and cl.strip() and _ASKED.search(O.folded(cl)):
            asked.extend(d for d in sorted(_clause_directions(c, cl)) if d in named)
    return list(dict.fromkeys(asked))


# a name added to a list over every direction: "…港澳台专项的也算上", "including the Macao call"
_ALSO_COUNTED = re.compile(
    r"也(?:要)?(?:算上|算|计入|计上|包括|包含|列上|列入)|一并|一起算|都算|都计|"
    r"\bincluding\b|\bas well\b|\btoo\b|\balso\s+(?:count|include)"
)
_LIST_ASKED = re.compile(r"列出|列一下|列个|哪|边|\bwhich\b|\blist\b")


def topic_with_a_sum(q: Query, c: Context) -> bool:
    """A topic's directions and their figure added up, asked at once: "Which directions fund
    infectious diseases, and what is their combined budget?", "涉及氢能的方向加起来一共多少钱" —
    the sum over the directions on the topic (the reply names them)."""
    if q.intent != L.TOPIC or not c.u.topics or c.named or "sum" not in c.ops:
        return False
    if "each" in c.ops or c.ops & set(COMPARE_OPS):
        return False
    return _sum_over_topic(q, c)


def _sum_over_topic(q: Query, c: Context) -> bool:
    """The sum of the measure asked over the directions of the message's topics."""
    metric = next((m for m in c.measures if m in ("total", "count")), None)
    if metric is None:
        return False
    mode = q.topic_mode or "union"
    ids = topic_directions(c.k, list(c.u.topics), mode)
    if excluded := set(c.u.excluded or []):
        ids = [d for d in ids if d not in excluded]
    if not ids:
        return False
    q.groups, q.metric, q.source = [[d] for d in ids], metric, "all"
    q.op = "sum" if len(ids) > 1 else "show"
    q.intent = METRIC_INTENT[metric]
    return True


def topic_sum_beside_context_names(q: Query, c: Context) -> bool:
    """A topic's directions added up, asked after a sentence about the asker that names a
    partner: "Our group at Macau University works on marine science. Which programmes cover
    ocean research and what is the total of their budgets?", "我们是澳门大学海洋团队。哪些方向
    涉及海洋？它们的经费一共多少？" — the sum over the topic's directions, not the named
    partner's card: every clause naming a partner states, none asks, and a clause asks which
    directions have the topic."""
    if "sum" not in c.ops or not c.u.topics or not c.named:
        return False
    if not any(m in ("total", "count") for m in c.measures):
        return False
    if "each" in c.ops or c.ops & set(COMPARE_OPS):
        return False
    text = c.u.text.lower()
    clauses = [cl for cl in _RAW_CLAUSE.split(text) if cl.strip()]
    which_topic = [
        i
        for i, cl in enumerate(clauses)
        if _WHICH_ASKED.search(O.folded(cl)) and TOPIC in _clause_kinds(c, cl)
    ]
    if not which_topic:
        return False
    for i, cl in enumerate(clauses):
        kinds = _clause_kinds(c, cl)
        if not kinds & {PARTNER, DIRECTION, CALL}:
            continue
        if i >= which_topic[0] or _ASPECT_ASKED.search(O.folded(cl).strip()):
            return False  # the name is in the question: "中俄哪些领域涉及海洋，一共多少钱"
    if not _sum_over_topic(q, c):
        return False
    c.u.groups = []  # the partner of the context is not what the reply is about
    return True


def topic_with_name_added(q: Query, c: Context) -> bool:
    """A topic asked over every direction, with a call or partner named only to be counted in:
    "请列出涉及海洋的方向，港澳台专项的也算上", "Which directions cover marine science, including
    the Macao call?" — every direction on the topic, not the named one's fields."""
    if q.intent not in (L.FIELDS, L.TOPIC) or not c.u.topics or not c.named:
        return False
    text = O.folded(c.u.text)
    if not _ALSO_COUNTED.search(text) or not _LIST_ASKED.search(text):
        return False
    if _OTHER_FIELDS.search(text):
        return False  # "Which fields does the Macao call fund, marine science too?" is its fields
    q.intent, q.groups, q.source, q.restrict = L.TOPIC, [], "all", None
    c.u.groups = []
    return True


# a clause that asks something itself ("想知內地與澳門項目資助邊啲領域"), not "德国那边的合作方…"
_NAME_ASKED = re.compile(r"哪|(?<![那这呢嗰])边|什么|咩|乜|多少|几多|\bwhich\b|\bwhat\b|\bhow\b")


def _names_guessed_only(c: Context) -> bool:
    """Every partner or direction of the message was guessed by sound or spelling ("台中逢甲大學"
    sounds like 中芬), none written out."""
    names = [m for m in c.u.mentions if m.kind in (PARTNER, DIRECTION)]
    return bool(names) and all(m.how != "exact" for m in names)


def names_in_context_only(q: Query, c: Context) -> bool:
    """Directions named only in a sentence about the asker, a topic asked in the question:
    "Hello, I am professor of oceanography in University of Macau. Which programs is support
    ocean research?" asks every direction on the topic, not the Macao one's fields; "German side
    here (Fraunhofer ISE). Hydrogen topic - which directions fund it?"; a name only guessed by
    sound in the context ("我們是台中逢甲大學的…團隊，請問哪些計畫有補助智慧城市？")."""
    if not c.u.topics or not c.named:
        return False
    if q.intent not in (L.FIELDS, L.TOPIC) and not _names_guessed_only(c):
        return False
    text = c.u.text.lower()  # "Which" read as "which" when choosing the asking clause
    clauses = [cl for cl in _RAW_CLAUSE.split(text) if cl.strip()]
    clause = _asking_clause(text)
    if len(clauses) < 2 or not _WHICH.search(O.folded(clause)):
        return False
    kinds = _clause_kinds(c, clause)
    at = clauses.index(clause) if clause in clauses else -1
    if TOPIC not in kinds and at > 0 and _WHICH_DIRECTIONS.search(O.folded(clause)):
        # "Hydrogen topic - which directions fund it?": the topic is the clause just before
        clause = clauses[at - 1] + " " + clause
        kinds = _clause_kinds(c, clause)
    if TOPIC not in kinds or kinds & {PARTNER, DIRECTION}:
        return False
    folded = O.folded(clause)
    if _WITHIN_NAMED.search(folded) or (
        O.points_back(folded) and not _WHICH_DIRECTIONS.search(folded)
    ):
        return False  # "关于中南联合研究，请问：1）…领域；2）其中空间科技具体包括哪些内容？"
    naming = [
        cl for cl in clauses if cl not in clause and _clause_kinds(c, cl) & {PARTNER, DIRECTION}
    ]
    if any(_NAME_ASKED.search(O.folded(cl)) for cl in naming):
        return False  # "想知內地與澳門項目資助邊啲領域？有冇海洋科學？": the name is asked about
    q.intent, q.groups, q.source, q.restrict = L.TOPIC, [], "all", None
    c.u.groups = []
    # the topics of the question, not those of the sentence about the asker ("在海洋观测和海洋
    # 生态方面…合作。请问有哪些方向涉及海洋？" asks marine science, not the environment)
    asked = {m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC}
    keep = [t for t in c.u.topics if t in asked]
    if keep and len(keep) < len(c.u.topics):
        q.topics = c.u.topics = keep
    return True


def track_of_previous(q: Query, c: Context) -> bool:
    """A follow-up naming a field of the direction just talked about: "欧盟旗舰项目一共支持
    几个？ → 气候变化和生物多样性那个领域呢？" asks that direction's figure for the field."""
    names = any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions)
    if not c.u.topics or names or not c.last or len(c.last.groups) != 1:
        return False
    if q.intent != L.TOPIC and (q.intent not in INTENT_METRIC or q.source != "named"):
        return False
    # the figure asked in this message ("Tell me about the EU flagship → only the food &
    # agriculture field, what is its budget?"), else the one just asked ("…那个领域呢？")
    metric = c.metric() or ("total" if "total" in c.measures else None)
    if metric is None:
        if not O.follow_up(c.text) or c.last.intent not in INTENT_METRIC:
            return False
        metric = INTENT_METRIC[c.last.intent]
    elif _WHICH_OF_ALL.search(_asking_clause(c.text)) and not O.points_back(c.text):
        return False  # "which programmes fund food, and how much?" asks over every direction
    from bot.resolve import topic_directions

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
    return True


_ANY_DIRECTION = re.compile(r"方向|计划|项目|专项|direction|programme|program|call|any\b")


# "which ones" over every direction; "有冇/有没有" alone is the yes/no of the direction in talk
# ("中俄個call資助咩領域？ → 咁有冇包海洋研究？"), unless it asks for directions ("有冇边个方向")
_WHICH_OF_ALL = re.compile(
    r"哪|边|which|what|list|(?:有冇|有没有)\s*(?:其他|别的|边|哪|啲|些|方向|call|项目|计划)|"
    r"仲有|还有|有啲|有些"
)


# what the direction in talk does: "做啥的", "搞咩㗎", "研究什么的", "what does it do/fund"
_OWN_FIELDS = re.compile(
    r"^\W*(?:那|咁|噉)?\s*(?:它|佢)?\s*(?:是|系|係)?\s*(?:做|干|搞|研究|资助|支持)\s*(?:啥|什么|甚么|咩|乜嘢?|乜)"
    r"|\bwhat\s+(?:does|do)\s+(?:it|they|that\s+one|this\s+one)\s+(?:do|fund|cover|support)\b"
)


# its other fields asked beside the topic: "它只支持氢能吗？还有别的领域没", "does it only fund
# hydrogen, any other fields?" — the fields of the direction in talk, not the topic's directions
_ITS_OTHER_FIELDS = re.compile(
    r"(?:别的|其他|其它|其余|另外的?|第二啲|其他嘅)\s*(?:研究)?(?:领域|范畴|方面)|"
    r"\bother\s+(?:research\s+)?(?:fields?|areas?|topics?)\b"
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
    if not own and not any(O.yes_no(cl) for cl in _QUESTION.split(c.text)):
        return False
    q.intent, q.groups, q.source = L.FIELDS, [list(c.last.groups[0])], "previous"
    return True


def short_topic_word(q: Query, c: Context) -> bool:
    """A relation asked to a word too short to be a topic's alias: "中以 方向 跟水有关吗" (水技术,
    水处理), "哪些方向同水相关" — the topics whose Chinese name begins with the word; of the
    directions named, their fields with the answer, else every direction on those topics."""
    if c.u.topics or q.op != "show":
        return False
    words = O.related_words(c.text)
    topics = [
        t.id
        for t in c.k.topics
        if any(w and normalize(t.name.zh_hans).startswith(w) for w in words)
    ]
    if not topics:
        return False
    c.u.topics, c.u.topic_mode = list(topics), "union"
    q.topics, q.topic_mode = list(topics), "union"
    if c.named:
        q.intent, q.groups, q.source = L.FIELDS, c.named, "named"
    else:
        q.intent, q.groups, q.source = L.TOPIC, [], "all"
    return True


def period_asked(q: Query, c: Context) -> bool:
    """Only the period asked, in words the cue sums read as a figure: "how many yrs per
    project" is the project period."""
    if c.measures != ["period"] or q.intent not in INTENT_METRIC or q.op != "show":
        return False
    q.intent, q.metric = L.PERIOD, None
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


_WHICH_DIRECTION = re.compile(r"哪个|哪一个|哪家|边个|边一个|\bwhich\b|\bwho\b")
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


def _mention_ids(m: Mention, c: Context) -> list[str]:
    if m.kind == PARTNER:
        return [d.id for d in c.k.directions_by_partner.get(m.id, ())]
    return [m.id]


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
    if not O.yes_no(_asking_clause(c.text)):
        return False
    _not_sure(q, _readings_of_a_comparison(q), "reading")
    return True


# a partner named only to check it against the list asked: "Is it only Israel?", "Russia for
# sure, are there others?", "只有以色列吗", "除了俄罗斯还有别的吗"
_GUESS_CHECKED = re.compile(
    r"\bonly\s+\w+\s*\?|\bare\s+there\s+(?:any\s+)?others?\s*\?|\bany\s+others?\s*\?"
    r"|(?:只有|只是|淨係|只係)\w{1,8}[吗嗎咩]|(?:还有|還有)(?:别的|別的|其他的?|没有|沒有)\w{0,4}[吗嗎]"
    r"|仲有冇(?:其他|第二)"
    # "there are several programmes which fund …, could you list which ones?": more than the
    # partner of the asker's own institute
    r"|\bseveral\s+(?:programm?es|programs|directions)\b|好几个方向|好幾個方向"
)


def topic_beyond_named(q: Query, c: Context) -> bool:
    """ "Which programmes cover vaccines? Is it only Israel?": the topic over every direction;
    the partner named is the asker's guess to check, not the direction asked."""
    if q.intent not in (L.FIELDS, L.TOPIC) or not c.u.topics or not q.groups:
        return False
    if not _WHICH_DIRECTIONS.search(c.u.norm) or not _GUESS_CHECKED.search(c.text):
        return False
    q.intent, q.groups, q.source, q.restrict = L.TOPIC, [], "all", None
    q.topics, q.topic_mode = list(c.u.topics), "union"
    c.u.groups, c.u.topic_mode, c.narrowed = [], "union", []
    return True


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


Rule = Callable[[Query, Context], bool]

# The decisions after understanding, in order; the first that applies builds the query.
RULES: tuple[Rule, ...] = (
    what_can_you_do,
    filter_again_without_some,
    missing_aspect,
    topic_beyond_named,
    part_of_a_field,
    period_of_asking_clause,
    fields_side_by_side,
    extreme_track,
    share_of_whole,
    one_described,
    best_described,
    count_described_not_asked,
    extreme_of_described,
    named_against_an_extreme,
    place_of_named,
    places_of_several,
    each_of_the_projects_counted,
    both_calls,
    places_set_aside,
    rest_of_an_earlier_list,
    running_sum,
    minus_from_previous,
    numbered_span,
    one_of_listed,
    partner_and_measure_per_direction,
    average_over_directions,
    measures_of_a_call,
    call_overview_in_parts,
    partners_and_call_figures,
    call_of_a_ranking,
    sum_of_the_rest,
    ends_of_two_rankings,
    extremes_compared,
    ordinal_position,
    top_of_ranking,
    figures_stated_of_named,
    two_filters_compared,
    filter_at_the_mean,
    relative_filter,
    share_of_filtered,
    one_by_its_figures,
    range_filter,
    partner_by_city,
    partner_kind_cut_short,
    self_correction,
    question_before_context,
    question_clause,
    one_of_previous,
    pooled_by_division,
    measure_of_previous,
    tracks_compared,
    arithmetic_on_previous,
    call_average,
    pooled_average,
    average_by_division,
    sum_of_talked_against_named,
    arithmetic_on_named,
    tracks_each_measured,
    figures_checked,
    topic_sum_beside_context_names,
    topic_measured,
    several_measures,
    limit_not_ranking,
    limit_of_previous,
    rank_of_previous,
    rank_among_named,
    ranking_measure,
    measure_side_by_side,
    measure_carried_over,
    topic_over_every_direction,
    topic_in_context_only,
    ranking_over_every_direction,
    topic_of_asking_clause,
    field_named_whole,
    topic_of_partner_worked_with,
    one_direction_of_joined_topics,
    others_on_topic,
    topic_with_a_sum,
    topic_with_name_added,
    names_in_context_only,
    short_topic_word,
    track_of_previous,
    topic_of_previous,
    period_asked,
    asked_period_is_not,
    fields_asked_plainly,
    asked_measure,
)


_DESCRIBED_AMOUNT = re.compile(
    r"\b(?:gets?|got|has|have|with|receives?)\s+(?:a\s+lot\s+of|lots\s+of|plenty\s+of|big|more)"
    r"\s+(?:money|funding|budget)\b|(?:钱|经费|錢|經費)(?:很|挺|比较|比較|特别|特別|好)多(?:的|嘅)"
)
_FIELD_STATED = re.compile(
    r"(?:我们|我|本人|团队|课题组|实验室|研究组)?(?:的)?(?:主要)?(?:研究|科研)(?:方向|领域)(?:主要)?"
    r"(?:是|为|在|系|属于)(?!\s*(?:什么|哪|啥|咩|乜|多少|边))|"
    r"\b(?:our|my)\s+(?:main\s+)?(?:research\s+)?(?:field|area|topic|direction|focus)s?\s+"
    r"(?:is|are)\b"
)
_LIST_TOTAL = re.compile(r"(?<!\bin\s)\btotal\s*[,，、;:/]")  # not "in total, …"
# the bare question words listed in learners' English: "how much, how many, and average?", "how
# many and how much?" - each its own measure (the money, the projects), not one question
_LISTED_HOW = re.compile(
    r"\bhow\s+(much|many)\s*(?:[,，、/;]|\band\b|&)\s*(?:and\s+|&\s*)?how\s+(much|many)\b"
)
_SENTENCE_END = re.compile(r"(?<=[。；;？?！!\n])|(?<=\.)\s")
_QUESTION_WORD = re.compile(
    r"[?？]|\b(?:what|how|which|who|when|where|whether|is\s+it|can|could|does|do|tell)\b"
    r"|多少|几|幾|吗|嗎|么|麼|什么|什麼|咩|哪|边|邊|乜|是否|请问|請問|想知|想问|想問"
)


def _stated_of_asker(sentence: str) -> bool:
    """A sentence about the asker that asks nothing ("We plan our budget.", "我们在做预算。");
    one with a figure is a claim to check ("My colleague says it has 138 projects.")."""
    if _QUESTION_WORD.search(sentence) or re.search(r"\d", sentence):
        return False
    return bool(O.VOCAB.asker_context.search(sentence))


_PERCENT_POINTS = re.compile(r"(?:多少|几多|几)\s*个\s*(?:百分点|百分比|百分)")


def _measures(u: Understanding, text: str) -> list[str]:
    """The measures asked, read with the names blanked ("the co-funding mechanism" is a name,
    not a question about funding); "total," in a list of aspects is the budget."""
    norm = u.norm
    for start, end in u.name_spans:
        norm = norm[:start] + " " * (end - start) + norm[end:]
    # "多几多个百分比": 几多个 counts percentage points, not projects
    norm = _PERCENT_POINTS.sub(lambda m: " " * len(m.group()), norm)
    plain = set(O.measures(_PERCENT_POINTS.sub(" ", u.norm)))  # a name's neighbours read as in it
    found = [m for m in O.measures(norm) if m in plain]
    # "the korea one where each project gets a lot of money — how much per project?": an amount
    # that describes the direction is not asked, when something else is
    described = _DESCRIBED_AMOUNT.sub(lambda m: " " * len(m.group()), norm)
    rest = [m for m in O.measures(described) if m in found]
    if rest and rest != found:
        found = rest
    # "研究方向是物联网，请问中俄项目总经费多少": the asker's own field, stated, is not asked
    stated = _FIELD_STATED.sub(lambda m: " " * len(m.group()), norm)
    rest = [m for m in O.measures(stated) if m in found]
    if rest and rest != found:
        found = rest
    # "…average per project? We plan our budget.": a sentence about the asker, asking nothing,
    # names a measure it does not ask, when another is asked
    asked = " ".join(x for x in _SENTENCE_END.split(text) if x and not _stated_of_asker(x))
    rest = [m for m in O.measures(normalize(asked)) if m in found]
    if rest and rest != found:
        found = rest
    if "total" not in found and _LIST_TOTAL.search(text):
        found.insert(min(2, len(found)), "total")
    listed = _LISTED_HOW.search(text)
    if listed and listed.group(1) != listed.group(2):
        found += [m for m in ("count", "total") if m not in found]
    return found


# Checks on the query built: a reading the message does not support becomes "not sure".
TRUST: tuple[Rule, ...] = (
    yes_no_beside_a_card,
    follow_up_without_previous,
    comparison_answered_for_fewer,
    ranking_answered_by_a_name,
    guessed_name_over_a_named_one,
    difference_answered_as_a_figure,
    comparison_checked_as_a_figure,
)

# Rules that only choose the directions: the rules after them still decide what is asked.
NARROWING = (
    numbered_span,
    one_of_listed,
    partner_by_city,
    partner_kind_cut_short,
    self_correction,
    question_clause,
    topic_of_asking_clause,
    call_of_a_ranking,
)


# "how many times" asks a ratio; with no word for projects it asks no count
_TIMES_ONLY = re.compile(r"\bhow\s+many\s+times\b(?![^?.!]{0,40}\b(?:projects?|grants?)\b)")


# a topic asked in the notice's own words: quoted (“智能绿色出行”, 「氫能」, "green energy") or
# said to be written explicitly (明确提到, 写明, explicitly mention, literally)
_QUOTED_WORDS = re.compile(
    QUOTED.pattern
    # 'smart green mobility' in plain apostrophes, not the one of "don't … it's"
    + r"|(?<![A-Za-z])'([^'\n]{2,40})'(?![A-Za-z])"
)
_EXPLICIT = re.compile(
    r"明确|明確|写明|寫明|写明咗|原文|字面|\b(?:explicitly|literally|specifically\s+mention|"
    r"in\s+so\s+many\s+words|by\s+name)\b"
)


def _field_words(k: Knowledge, d: Direction) -> str:
    key = ("field-words", d.id)
    if key not in k._cache:
        k._cache[key] = " | ".join(
            normalize(f.zh_hans) + " | " + normalize(f.en) for f in d.fields
        )
    return k._cache[key]


def topic_in_the_notice_words(q: Query, c: Context) -> bool:
    """A topic quoted or said to be written explicitly is matched against the fields' own words,
    not the topic's synonyms: "哪个方向写了“智能绿色出行”" is the direction whose fields say so
    (not every direction on transport), "which directions explicitly mention green energy" those
    whose fields write green energy. The other directions on the topic are set aside; when no
    field has the words, the topic's directions stand."""
    if q.intent != L.TOPIC or q.op != "show" or not q.topics:
        return False
    raw = c.u.text
    phrases = [normalize(m.group(1) or m.group(2)) for m in _QUOTED_WORDS.finditer(raw)]
    for sentence in _SENTENCES.split(raw):
        # the topic said explicitly in the same sentence ("I understand that China–Italy
        # explicitly lists AI for heritage. Which directions mention AI at all?" is not literal)
        if sentence and _EXPLICIT.search(sentence) and _WOULD_ASK.search(O.folded(sentence)):
            norm = normalize(sentence)
            phrases += [
                norm[m.start : m.end]
                for m in c.index.find(norm, sentence).mentions
                if m.kind == TOPIC and m.id in q.topics
            ]
    phrases = [p.strip() for p in phrases if len(p.strip()) >= 2]
    if not phrases:
        return False
    on_topic = [i for i in topic_directions(c.k, q.topics, q.topic_mode) if i not in q.excluded]
    literal = [
        i for i in on_topic if any(p in _field_words(c.k, c.k.direction_by_id[i]) for p in phrases)
    ]
    if not literal or len(literal) == len(on_topic):
        return False
    others = [i for i in on_topic if i not in literal]
    q.excluded = c.u.excluded = list(dict.fromkeys([*q.excluded, *others]))
    return True


def build_query(u: Understanding, index: EntityIndex, last: Turn | None = None) -> Query:
    """The query for ``u`` in the conversation whose previous turn is ``last``."""
    k = index.knowledge
    q = from_understanding(u)
    q.rules.append("understood")
    if u.intent == L.HELP and not u.norm:
        return q
    text = O.folded(u.text)
    c = Context(
        u=u,
        k=k,
        index=index,
        last=last,
        text=text,
        measures=_measures(u, text),
        ops=O.operations(text),
    )
    q.measures = [m for m in c.measures]
    if q.metric == "count" and "count" not in c.measures and _TIMES_ONLY.search(text):
        q.metric = None  # "Spain is how many times bigger than Italy?" counts no projects
    for rule in RULES:
        if rule(q, c):
            q.rules.append(rule.__name__)
            if rule not in NARROWING:
                break
    if track_as_unit(q, c):
        q.rules.append("track_as_unit")
    if order_of_named(q, c):
        q.rules.append("order_of_named")
    if gap_in_percent(q, c):
        q.rules.append("gap_in_percent")
    if period_not_given(q, c):
        q.rules.append("period_not_given")
    if topic_in_the_notice_words(q, c):
        q.rules.append("topic_in_the_notice_words")
    for check in TRUST:
        if check(q, c):
            q.rules.append(check.__name__)
            break
    return q


# the operations over a direction's own figures, which a track of it can stand in for
_TRACK_OPS = ("show", "compare", "sum", "nth", "top", "filter", "place", "list")
_TRACK_INTENTS = (L.BUDGET, L.COUNT, L.AVERAGE, L.COMPARE, L.RANK, L.DETAIL)


def _named_here(ident: str, c: Context) -> bool:
    """The direction is named in this message itself, by its name, partner or marker words."""
    d = c.k.direction_by_id.get(ident)
    for m in c.u.mentions:
        if m.kind == DIRECTION and m.id == ident:
            return True
        if m.kind == PARTNER and d is not None and m.id == d.partner:
            return True
    return ident in c.u.markers


def _track_topics(c: Context, d: Direction) -> dict[int, set[str]]:
    """The topics each track's label holds (the climate words of a climate track)."""
    key = ("track_topics", d.id)
    cache = c.k._cache
    if key not in cache:
        out: dict[int, set[str]] = {}
        for i, f in enumerate(d.funding):
            if f.track is None:
                continue
            found: set[str] = set()
            for lang in ("zh-Hans", "en"):
                label = f.track.get(lang)
                found |= {
                    m.id for m in c.index.find(normalize(label), label).mentions if m.kind == TOPIC
                }
            out[i] = found
        cache[key] = out
    return cache[key]


_CLAUSE_END = re.compile(r"[，,。；;？?！!\n]|\.(?:\s|$)")


def _without_asker_clauses(c: Context, text: str | None = None) -> str:
    """The message (or a part of it) without its clauses about the asker that name nothing of
    the notice."""
    keep = []
    for clause in _CLAUSE_END.split(c.text if text is None else text):
        if O.VOCAB.asker_context.search(clause):
            found = c.index.find(normalize(clause), clause).mentions
            if not any(x.kind in (PARTNER, DIRECTION, CALL) for x in found):
                continue
        keep.append(clause)
    return "，".join(keep)


def _of_the_asker(c: Context, m: Mention) -> bool:
    """A topic in a clause about the asker that names nothing ("我们做气候变化领域的研究，欧盟旗舰
    平均多少", "we work in the climate area; EU flagship average?") is not a track asked."""
    for clause in _CLAUSE_END.split(c.text):
        norm = normalize(clause)
        if m.text not in norm or not O.VOCAB.asker_context.search(clause):
            continue
        names = c.index.find(norm, clause).mentions
        if not any(x.kind in (PARTNER, DIRECTION) for x in names):
            return True
    return False


def _tracks_named(c: Context, d: Direction, field_asked: bool = False) -> list[int]:
    """The tracks of ``d`` the message names: by the track's own words, else by a topic word
    of one track's label right before a track word ("气候变化那个领域", "the climate track"), or
    anywhere when the message asks a field of the direction in talk ("→ and the food one?")."""
    hits = T.named_tracks(c.u.norm, d)
    if hits:
        # a track's words in a clause about the asker that names nothing ("我校与瓦赫宁根大学在
        # 食品与农业生物技术方面有合作，…旗舰和一般类加起来多少") are their work, not a track asked
        return T.named_tracks(normalize(_without_asker_clauses(c)), d)
    topics = [
        m.id
        for m in c.u.mentions
        if m.kind == TOPIC
        and (field_asked or (T.track_word_after(c.u.norm, m.end) and not _of_the_asker(c, m)))
    ]
    return T.topic_tracks(d, topics, _track_topics(c, d)) if topics else []


def track_as_unit(q: Query, c: Context) -> bool:
    """A direction narrowed to one of its tracks, whatever the operation: "欧盟旗舰FAB领域平均
    是中意的几倍" (the track against Italy), "阿根廷、…、欧盟旗舰的FAB领域、俄罗斯 按平均排序" (the
    track in the list ranked), "欧盟旗舰FAB平均多少 → 阿根廷呢 → 是几倍" (the track kept by the
    conversation), "那另一个领域呢" (the other track). Both tracks named, or counted ("两个领域
    加起来"), are the direction itself."""
    # a track's share of a whole ("FAB领域占政府间专项总经费的百分之几") is of the track; the share
    # of each track inside its direction ("tracks") keeps the direction whole
    share = q.op == "share" and "tracks" not in q.asks
    if "tracks_each_measured" in q.rules:
        return False  # the figures of each track were asked: the card gives them all
    if (q.intent not in _TRACK_INTENTS or q.op not in _TRACK_OPS) and not share:
        return False
    ids = list(dict.fromkeys([*q.programs, *(q.restrict or [])]))
    carried = dict(c.last.tracks) if c.last else {}
    both = bool(T.BOTH.search(c.u.norm))
    tracks: dict[str, int] = {}
    for ident in ids:
        d = c.k.direction_by_id.get(ident)
        if d is None or not T.tracked(d):
            continue
        if "the_other_track" in c.u.rules and ident in carried:
            hits = [i for i in range(len(d.funding)) if i != carried[ident]]
        else:
            hits = _tracks_named(c, d, "track_of_previous" in q.rules)
        if len(hits) == 1 and not both:
            tracks[ident] = hits[0]
        elif not hits and not both and ident in carried and ident in q.programs:
            if _named_here(ident, c):
                continue  # the direction asked again by name is the whole of it
            if "sum" in c.ops and q.programs == [ident]:
                continue  # "→ and the food one? → together?": its tracks added up
            tracks[ident] = carried[ident]  # "是几倍" after the track and another direction
    if not tracks:
        return False
    q.tracks = tracks
    return True


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


def period_not_given(q: Query, c: Context) -> bool:
    """The project period asked only of a call whose period the notice does not give ("澳門聯合
    資助研發項目嘅實施周期係幾耐？", "How long do the mainland–Macao projects run?"): the reply
    says the notice gives none, and the intent is ``unknown`` (a period the notice lacks is
    not a period answered). A period asked of both calls stays ``period``: one of them is
    given."""
    if q.intent != L.PERIOD or q.op != "show":
        return False
    k = c.k
    if q.groups:
        ids = {k.direction_by_id[d].call for g in q.groups for d in g if d in k.direction_by_id}
        calls = [k.call_by_id[i] for i in sorted(ids) if i in k.call_by_id]
    else:
        # the call named ("港澳台专项的项目周期多长？"), else the call in scope, else both
        named = [m.id for m in c.u.mentions if m.kind == CALL and m.id in k.call_by_id]
        scope = c.u.scope
        ids = set(named) or ({scope} if scope in k.call_by_id else {call.id for call in k.calls})
        calls = [k.call_by_id[i] for i in sorted(ids)]
    if not calls or any(call.period for call in calls):
        return False
    if not q.groups:  # the reply names the calls asked, not every call
        q.groups = [[d.id for d in k.directions_by_call.get(call.id, ())] for call in calls]
        q.groups = [g for g in q.groups if g]
    q.intent, q.op, q.about = L.UNKNOWN, "period_not_given", [list(g) for g in q.groups]
    q.carry = L.PERIOD
    return True


def gap_in_percent(q: Query, c: Context) -> bool:
    """The gap of a comparison asked in percent ("俄罗斯那个比以色列多出百分之几", "what percent
    more than Austria?"): whichever rule chose the two sides, the reply states the gap relative
    to the smaller one as well."""
    if "percent_more" not in c.ops or q.intent != L.COMPARE or q.op == "share":
        return False
    if "percent" not in q.asks:
        q.asks = [*q.asks, "percent"]
    return True
