"""Literal substrings one of which every match of a regular expression contains.

The scan for aspects the notice does not give runs 33 long alternations over every message; a
pattern whose every branch needs one of a few literal strings cannot match a message that has
none of them, and one alternation of those literals is checked first (bench/bench_core.py)."""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

Cover = frozenset[str] | None


def literal_cover(pattern: str) -> Cover:
    """A set of strings at least one of which is in every text ``pattern`` matches, or None
    when some branch has no literal to rely on (then the pattern must always run)."""
    try:
        parsed = sre_parse.parse(pattern, 0)
    except Exception:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence(list(parsed))


def _better(a: Cover, b: Cover) -> Cover:
    if a is None:
        return b
    if b is None:
        return a
    # fewer and longer strings check faster and reject more
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: list) -> Cover:
    best: Cover = None
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        cover: Cover = None
        if op is C.SUBPATTERN:
            cover = _sequence(list(av[-1]))
        elif op is C.BRANCH:
            cover = _branch(av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            cover = _sequence(list(av[2]))
        elif op is C.ATOMIC_GROUP:
            cover = _sequence(list(av))
        best = _better(best, cover)
    if run:
        best = _better(best, frozenset([run]))
    return best


def _branch(branches: list) -> Cover:
    out: set[str] = set()
    for b in branches:
        cover = _sequence(list(b))
        if cover is None:
            return None
        out |= cover
    return frozenset(out)
