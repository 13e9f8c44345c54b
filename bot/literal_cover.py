"""Literal substrings one of which every match of a regular expression contains.

The scan for aspects the notice does not give runs 36 long alternations over every message; a
pattern whose every branch needs one of a few literal strings cannot match a message that has
none of them, and one alternation of those literals is checked first (bench/bench_core.py).

A branch usually needs several things ("多少…合作方…经费"); which of them the pre-check relies
on decides how often it lets a message through, so each literal has a cost (how likely a
question is to contain it: short strings and the words of most questions cost more), and up to
two covers are kept, from different needed parts of each branch: a message must hold a literal
of each before the pattern runs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

Cover = frozenset[str] | None
Cost = Callable[[str], float]

_CJK_COST = {1: 40.0, 2: 6.0, 3: 2.0}
_LATIN_COST = {1: 80.0, 2: 40.0, 3: 12.0, 4: 5.0, 5: 3.0, 6: 2.0}


def length_cost(literal: str) -> float:
    """How likely a message is to contain ``literal``, by length alone: one Chinese character
    or two Latin letters are in most messages, a four-character word in few."""
    if any(ord(ch) >= 0x2E80 for ch in literal):
        return _CJK_COST.get(len(literal), 1.0)
    return _LATIN_COST.get(len(literal), 1.0)


def frequent_cost(frequent: frozenset[str], penalty: float = 25.0) -> Cost:
    """``length_cost``, made dearer for a literal that is one of ``frequent`` or part of one
    (a message holding "projects" holds "proj")."""

    def cost(literal: str) -> float:
        base = length_cost(literal)
        return base * penalty if any(literal in w for w in frequent) else base

    return cost


def literal_cover(pattern: str, cost: Cost = length_cost) -> Cover:
    """A set of strings at least one of which is in every text ``pattern`` matches, or None
    when some branch has no literal to rely on (then the pattern must always run)."""
    covers = literal_covers(pattern, cost, 1)
    return covers[0] if covers else None


def literal_covers(pattern: str, cost: Cost = length_cost, most: int = 2) -> list[frozenset[str]]:
    """Up to ``most`` sets of strings such that every text ``pattern`` matches holds a member
    of each; the cheapest first. [] when some branch has no literal to rely on."""
    branches = _top_branches(pattern)
    if branches is None:
        return []
    picks: list[list[frozenset[str]]] = []
    for branch in branches:
        needed = sorted(
            {c for c in _needed(branch, cost) if c}, key=lambda c: (_cost(c, cost), sorted(c))
        )
        if not needed:
            return []
        picks.append(needed[:most])
    covers: list[frozenset[str]] = []
    for k in range(most):
        union = frozenset().union(*(p[min(k, len(p) - 1)] for p in picks))
        union = _without_longer(union)
        if union not in covers:
            covers.append(union)
    return sorted(covers, key=lambda c: (_cost(c, cost), sorted(c)))


def _cost(cover: frozenset[str], cost: Cost) -> float:
    return sum(map(cost, cover))


def _without_longer(cover: frozenset[str]) -> frozenset[str]:
    """A literal holding another of the set adds nothing ("funding" beside "fund")."""
    return frozenset(s for s in cover if not any(t != s and t in s for t in cover))


def _needed(items: list, cost: Cost) -> list[Cover]:
    """Covers each of which every match of the sequence ``items`` holds a member of."""
    out: list[Cover] = []
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append(frozenset([run]))
            run = ""
        if op is C.SUBPATTERN:
            out += _needed(list(av[-1]), cost)
        elif op is C.BRANCH:
            out.append(_branch(av[1], cost))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            out += _needed(list(av[2]), cost)
        elif op is C.ATOMIC_GROUP:
            out += _needed(list(av), cost)
    if run:
        out.append(frozenset([run]))
    return out


def _best(items: list, cost: Cost) -> Cover:
    covers = [c for c in _needed(items, cost) if c]
    return min(covers, key=lambda c: (_cost(c, cost), sorted(c))) if covers else None


def _branch(branches: list, cost: Cost) -> Cover:
    out: set[str] = set()
    for b in branches:
        cover = _best(list(b), cost)
        if cover is None:
            return None
        out |= cover
    return _without_longer(frozenset(out))


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern``'s outermost ``|`` as source text, a group around a whole
    alternative opened ("a|(?:b|c)|d" → a, b, c, d), or [pattern] when it cannot be split safely
    (flags for the whole pattern, a part that does not compile alone). A message matches the
    pattern exactly when it matches one of them, so each can wait for its own literals."""
    try:
        whole = sre_parse.parse(pattern, 0).state.flags
        parts = _alternatives(pattern)
        for part in parts:
            if sre_parse.parse(part, 0).state.flags != whole:
                return [pattern]
            re.compile(part)
    except Exception:
        return [pattern]
    return parts


def _structure(pattern: str):  # (index, char, depth before it) of | ( ) outside [] and escapes
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch in "()|":
            yield i, ch, depth
            depth += {"(": 1, ")": -1}.get(ch, 0)
        i += 1


def _alternatives(pattern: str) -> list[str]:
    cuts = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    parts = [pattern[a + 1 : b] for a, b in itertools.pairwise(bounds)]
    out: list[str] = []
    for part in parts:
        inner = _opened(part)
        out += _alternatives(inner) if inner is not None else [part]
    return out


def _opened(part: str) -> str | None:
    """The inside of a non-capturing group that spans all of ``part`` (not "(?:a)b")."""
    if not part.startswith("(?:") or not part.endswith(")"):
        return None
    for i, ch, depth in _structure(part):
        if ch == ")" and depth == 1:
            return part[3:-1] if i == len(part) - 1 else None
    return None


def gated_alternatives(
    pattern: str, cost: Cost = length_cost, most: int = 8
) -> list[tuple[list[str], str]]:
    """``pattern`` as at most ``most`` groups of its outermost alternatives, each with the
    literals one of which every match of the group holds ([] when it must always run). Each
    group costs a check per message, so alternatives needing rare literals share a group and
    those needing common ones another: a group's check lets a message through as often as its
    commonest literal does."""
    gated: list[tuple[float, frozenset[str], str]] = []
    always: list[str] = []
    for part in top_level_alternatives(pattern):
        covers = [c for c in _needed_top(part, cost) if c]
        if not covers:
            always.append(part)
            continue
        cover = min(covers, key=lambda c: (_cost(c, cost), sorted(c)))
        gated.append((max(map(cost, cover)), cover, part))
    gated.sort(key=lambda g: (g[0], sorted(g[1])))
    slots = max(1, most - bool(always))
    size = -(-len(gated) // slots) if gated else 0
    out: list[tuple[list[str], str]] = []
    for i in range(0, len(gated), size or 1):
        chunk = gated[i : i + size]
        cover = _without_longer(frozenset().union(*(g[1] for g in chunk)))
        out.append((sorted(cover, key=lambda s: (-len(s), s)), _joined(g[2] for g in chunk)))
    if always:
        out.append(([], _joined(always)))
    return out


def _joined(parts) -> str:
    return "|".join(f"(?:{p})" for p in parts)


def _top_branches(pattern: str) -> list[list] | None:
    """The parsed alternatives of ``pattern``'s outermost ``|`` (the whole pattern as one when it
    has none), or None when it cannot be parsed or ignores case (no literal can be relied on)."""
    try:
        parsed = sre_parse.parse(pattern, 0)
    except Exception:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    items = list(parsed)
    if len(items) == 1 and items[0][0] is C.BRANCH:
        return [list(b) for b in items[0][1][1]]
    return [items]


def _needed_top(pattern: str, cost: Cost) -> list[Cover]:
    branches = _top_branches(pattern)
    if branches is None:
        return []
    return [_branch(branches, cost)] if len(branches) > 1 else _needed(branches[0], cost)
