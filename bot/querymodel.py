"""The structured, executable query and what the rules that build it read.

``Query`` says which calls and directions are in scope, which measures are asked, and what
operation runs over them; ``Context`` holds the understanding, the folded text and the previous
turn. bot/query.py builds a query from the understanding with the rules of bot/query_rules/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot import intents as L
from bot.context import Turn
from bot.entities import DIRECTION, PARTNER, EntityIndex
from bot.understand import Understanding
from knowledge.model import Knowledge

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
    # several positions asked at once ("倒数第二和第三"), nth being the first of them
    nths: list[int] = field(default_factory=list)
    bounds: list[tuple[str, float]] = field(default_factory=list)  # (op, value) on the metric
    also: list[tuple[str, str, float]] = field(default_factory=list)  # (metric, op, value)
    # a threshold given as a share of a whole ("不到总经费1%"): (percent, the whole in 万元),
    # said beside the bound so the figure it became is not a surprise
    share_basis: tuple[float, float] | None = None
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
    # questions asked side by side, each its own query (op "parts"): "1. 哪个方向经费最多？
    # 2. 哪个方向项目最少？"
    parts: list[Query] = field(default_factory=list)
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
            "nths": self.nths,
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
            "parts": [p.to_json() for p in self.parts],
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


Rule = Callable[[Query, Context], bool]
