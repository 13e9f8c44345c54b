"""The tracks (funding lines) of a direction as units of their own.

A direction may fund several tracks, each with its own total, count and average (the knowledge
file stores them as ``funding`` lines with a ``track`` label). A message can name one track
("欧盟旗舰FAB领域平均多少", "领域二多少钱", "the climate track of the EU flagship") and then set it
against another direction, rank it in a list, or ask "the other track" next. This module finds
the track a message names, from the track's own label in the knowledge (its ordinal head
"领域一" / "track 1", its acronym "FAB", its phrase "食品、农业和生物技术", or a topic word of the
label next to a track word), and builds the "track view" of a direction: the same direction
whose figures are the track's, so that every comparison, ranking or sum runs unchanged.
Nothing about a particular notice is written here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from knowledge.model import Direction, Funding, Knowledge, Text
from textnorm.normalize import arabic_numerals, normalize

# the word a message calls a track by ("FAB领域", "the climate track", "第二个领域")
TRACK_WORD = r"(?:领域|板块|部分|方向|赛道|tracks?|areas?|strands?|lines?|fields?|parts?|ones?)"
_ORDINAL_EN = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_ORDINAL_ZH = {1: "一", 2: "二", 3: "三", 4: "四"}
_ACRONYM = re.compile(r"[（(]\s*([A-Za-z]{2,8})\s*[)）]")
_HEAD = re.compile(r"^\s*(领域|領域|track|area|strand)\s*([0-9一二三四]+)\s*[:：]?\s*", re.I)
# the other track: "那另一个领域呢", "咁另一個領域呢", "and the other track?"
_OTHER = re.compile(
    r"(?:另外|另)\s*(?:一|1)?\s*(?:个|個|嗰个|嗰個|嗰|那个|那)?\s*(?:领域|板块|部分|赛道)?\s*(?:呢|嘅|的|$)|"
    r"(?:另外|另)\s*(?:一|1)?\s*(?:个|個|嗰个|嗰個|嗰|那个|那)?\s*(?:领域|板块|部分|赛道)|"
    r"\bthe\s+other\s+(?:one|track|area|strand|funding\s+line|field)s?\b|"
    r"\bother\s+(?:track|area|strand)\b"
)
# both tracks counted or added up ("两个领域加起来", "both tracks together"): the direction
BOTH = re.compile(
    r"(?<!第)(?:两|二|2|兩)\s*(?:个|個)?\s*(?:领域|板块|部分|赛道)|"
    r"\b(?:both|two|2)\s+(?:tracks?|areas|strands)\b"
)


def tracked(d: Direction | None) -> bool:
    return bool(d and len(d.funding) >= 2 and all(f.track for f in d.funding))


def _phrase_pattern(phrase: str) -> str:
    """A track's phrase as written or with its joining words and punctuation varied."""
    words = [w for w in re.split(r"[\s、，,;；]+|(?:和|与|及|and)", phrase) if w]
    if not words:
        return ""
    joint = r"\s*(?:[、，,]|和|与|及|and|&)?\s*"
    return joint.join(re.escape(w) for w in words)


@lru_cache(maxsize=256)
def _names(d: Direction) -> tuple[tuple[int, re.Pattern[str]], ...]:
    """(track index, pattern over the normalised message) for each track of ``d``."""
    out = []
    for i, f in enumerate(d.funding):
        if f.track is None:
            continue
        alts = []
        n = i + 1
        # a numbered track's ordinal: "领域二", "第二个领域", "track 2", "second area"
        numbered = any(_HEAD.match(f.track.get(lang)) for lang in ("zh-Hans", "en"))
        if numbered:
            z = _ORDINAL_ZH.get(n, str(n))
            alts.append(rf"领域\s*(?:{z}|{n})(?![0-9])|第\s*(?:{z}|{n})\s*个?\s*领域")
            en = _ORDINAL_EN.get(n, str(n))
            alts.append(rf"\b(?:track|area|strand)\s*(?:{n}|{'one' if n == 1 else 'two'})\b")
            alts.append(rf"\b{en}\s+(?:track|area|strand)\b")
        for lang in ("zh-Hans", "en"):
            label = f.track.get(lang)
            acronym = _ACRONYM.search(label)
            if acronym:
                alts.append(rf"(?<![a-z]){re.escape(acronym.group(1).lower())}(?![a-z])")
            body = _ACRONYM.sub(" ", _HEAD.sub("", label))
            body = arabic_numerals(normalize(body)).strip()
            if len(body) >= 4:
                alts.append(_phrase_pattern(body))
        out.append((i, re.compile("|".join(a for a in alts if a))))
    return tuple(out)


def named_tracks(norm: str, d: Direction) -> list[int]:
    """The tracks of ``d`` that the normalised message names, in track order."""
    if not tracked(d):
        return []
    return [i for i, pattern in _names(d) if pattern.search(norm)]


def topic_tracks(d: Direction, topics: list[str], track_topics: dict[int, set[str]]) -> list[int]:
    """The tracks whose label holds one of ``topics`` ("the climate track"), when only one does."""
    hits = [i for i in range(len(d.funding)) if track_topics.get(i, set()) & set(topics)]
    return hits if len(hits) == 1 else []


def track_word_after(norm: str, end: int) -> bool:
    """A track word right after a topic ("气候变化领域", "climate track", "食品那个领域")."""
    return bool(re.match(rf"\s*(?:的|那个|这个|那|这)?\s*{TRACK_WORD}", norm[end : end + 8]))


def other_asked(norm: str) -> bool:
    return bool(_OTHER.search(norm))


def _short_track(t: Text) -> Text:
    """ "领域一（FAB）" / "track 1 (FAB)": the head and acronym, else the whole label."""

    def one(label: str, zh: bool) -> str:
        head = _HEAD.match(label)
        acronym = _ACRONYM.search(label)
        if head and acronym:
            word = head.group(1) + ("" if zh else " ") + head.group(2)
            return f"{word}（{acronym.group(1)}）" if zh else f"{word} ({acronym.group(1)})"
        return label

    return Text(one(t.zh_hans, True), one(t.zh_hant, True), one(t.en, False))


def track_view(d: Direction, i: int) -> Direction:
    """``d`` narrowed to its track ``i``: its figures, its field, its name with the track's."""
    f = d.funding[i]
    assert f.track is not None
    s = _short_track(f.track)
    short = Text(
        f"{d.short.zh_hans} {s.zh_hans}", f"{d.short.zh_hant} {s.zh_hant}", f"{d.short.en} {s.en}"
    )
    title = Text(
        f"{d.title.zh_hans} — {s.zh_hans}",
        f"{d.title.zh_hant} — {s.zh_hant}",
        f"{d.title.en} — {s.en}",
    )
    fields = (d.fields[i],) if len(d.fields) == len(d.funding) else d.fields
    return replace(
        d,
        title=title,
        short=short,
        fields=fields,
        funding=(Funding(f.total, f.projects, f.average, None),),
    )


def narrowed(k: Knowledge, tracks: dict[str, int]) -> Knowledge:
    """The knowledge with the named directions narrowed to their tracks (a fresh cache: the
    topic caches hold the directions themselves)."""
    dirs = tuple(
        track_view(d, tracks[d.id])
        if d.id in tracks and tracked(d) and 0 <= tracks[d.id] < len(d.funding)
        else d
        for d in k.directions
    )
    return replace(k, directions=dirs, _cache={})
