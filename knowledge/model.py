"""The knowledge as typed, immutable dataclasses: what the loader builds and the answers read."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Lang = Literal["zh-Hans", "zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh-Hans", "zh-Hant", "en")
QUALIFIERS = ("exact", "up_to", "about")


@dataclass(frozen=True)
class Text:
    """One name or phrase in the three languages the bot speaks."""

    zh_hans: str
    zh_hant: str
    en: str

    def get(self, lang: str) -> str:
        if lang == "en":
            return self.en
        if lang == "zh-Hant":
            return self.zh_hant
        return self.zh_hans


@dataclass(frozen=True)
class Count:
    """A number of projects with the notice's own qualifier (不超过 = up_to, ~ = about)."""

    count: int
    qualifier: str = "exact"


@dataclass(frozen=True)
class Funding:
    """One funding line of a direction; 1.4 has two (tracks), every other direction one."""

    total: float  # 万元
    projects: Count
    average: float | None  # 万元 per project, as stated; None when the notice gives none
    track: Text | None = None


@dataclass(frozen=True)
class Period:
    min_years: int
    max_years: int


@dataclass(frozen=True)
class Call:
    id: str
    year: int
    name: Text
    short: Text
    directions: int
    projects: Count
    total: float
    partners: int | None = None
    partners_text: Text | None = None
    period: Period | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Partner:
    id: str
    kind: str
    name: Text
    codes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    id: str
    name: Text
    aliases: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Direction:
    id: str
    call: str
    number: str
    partner: str
    title: Text
    short: Text
    fields: tuple[Text, ...]
    fields_text: str
    topics: tuple[str, ...]
    funding: tuple[Funding, ...]
    aliases: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()

    # summed once: a ranking over a large file reads them for every direction on every turn
    @cached_property
    def total(self) -> float:
        return sum(f.total for f in self.funding)

    @cached_property
    def projects(self) -> Count:
        """Projects over all tracks; the loosest qualifier wins (up to 2 + up to 4 = up to 6)."""
        count = sum(f.projects.count for f in self.funding)
        quals = {f.projects.qualifier for f in self.funding}
        qual = "about" if "about" in quals else "up_to" if "up_to" in quals else "exact"
        return Count(count, qual)

    @property
    def average(self) -> float | None:
        """The stated average for a single funding line; several tracks have no one average."""
        if len(self.funding) == 1:
            return self.funding[0].average
        return None


@dataclass(frozen=True)
class Knowledge:
    calls: tuple[Call, ...]
    partners: tuple[Partner, ...]
    topics: tuple[Topic, ...]
    directions: tuple[Direction, ...]
    source: str = ""
    path: str = ""
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def call_by_id(self) -> dict[str, Call]:
        return {c.id: c for c in self.calls}

    @cached_property
    def partner_by_id(self) -> dict[str, Partner]:
        return {p.id: p for p in self.partners}

    @cached_property
    def topic_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    @cached_property
    def direction_by_id(self) -> dict[str, Direction]:
        return {d.id: d for d in self.directions}

    @cached_property
    def directions_by_partner(self) -> dict[str, tuple[Direction, ...]]:
        out: dict[str, list[Direction]] = {}
        for d in self.directions:
            out.setdefault(d.partner, []).append(d)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def directions_by_call(self) -> dict[str, tuple[Direction, ...]]:
        out: dict[str, list[Direction]] = {}
        for d in self.directions:
            out.setdefault(d.call, []).append(d)
        return {k: tuple(v) for k, v in out.items()}

    def topic_closure(self, topic_id: str) -> frozenset[str]:
        """The topic and every topic it includes, transitively (the loader rejects cycles)."""
        key = ("closure", topic_id)
        if key not in self._cache:
            seen: set[str] = set()
            stack = [topic_id]
            while stack:
                t = stack.pop()
                if t in seen or t not in self.topic_by_id:
                    continue
                seen.add(t)
                stack.extend(self.topic_by_id[t].includes)
            self._cache[key] = frozenset(seen)
        return self._cache[key]

    def directions_for_topic(self, topic_id: str) -> tuple[Direction, ...]:
        key = ("directions", topic_id)
        if key not in self._cache:
            closure = self.topic_closure(topic_id)
            self._cache[key] = tuple(d for d in self.directions if closure.intersection(d.topics))
        return self._cache[key]
