"""The entity index's lookup tables find exactly what a plain scan over every alias and marker
finds: the tables exist for speed on large files (bench/bench_core.py), never to change a reply.

Checked on every message of the project's question sets, against the bundled knowledge and a
copy eight times larger whose directions share their marker words, as a large file's do.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from bot.entities import (
    TOPIC,
    EntityIndex,
    _bounded,
    _overlaps,
    _plain_marker_words,
    _sounds,
    sounds_like,
)
from knowledge.loader import parse_knowledge
from tests.question_set import load_items
from textnorm.normalize import is_cjk, normalize

ROOT = Path(__file__).resolve().parent.parent

# sound-alike and shared markers the sets may not contain
CRAFTED = [
    "韩国能原技术联合研究总共多少钱",
    "能原技术联合研究",
    "欧盟一般项目和旗舰项目各多少",
    "联合研究旗舰",
    "EU general and EU flagship",
    "寒国能源项目平均多少",
    "支持哪些国家和国际组织",
    "中国和安博国合作项目",
]


def _synthetic(factor: int) -> str:
    spec = importlib.util.spec_from_file_location("bench_core", ROOT / "bench" / "bench_core.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic(factor)


@pytest.fixture(scope="module")
def indexes(knowledge) -> list[EntityIndex]:
    return [EntityIndex(knowledge), EntityIndex(parse_knowledge(_synthetic(8), "wide.yaml"))]


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str]]:
    first_contact = sorted((ROOT / "tests" / "firstcontact").glob("fc*"))
    folders = [ROOT / "tests" / "questions", *first_contact]
    raw = [t for f in folders for item in load_items(f) for t in item["turns"]]
    return [(normalize(t), t) for t in dict.fromkeys([*raw, *CRAFTED])]


def _scanned_markers(index: EntityIndex, text: str, names: list[tuple[int, int]]) -> list:
    """One regular expression per (marker, direction), then every window that sounds like a
    marker: the scan the index replaces."""
    spans: list[tuple[int, int, str]] = []
    for key, ident in index.markers:
        if not key:
            continue
        for m in re.finditer(re.escape(key), text):
            if key.isascii() and not _bounded(text, m.start(), m.end(), key):
                continue
            if not _overlaps(m.start(), m.end(), names):
                spans.append((m.start(), m.end(), ident))
    chars = set(text)
    for key, ident in index.markers:
        if len(key) < 2 or not chars.intersection(key) or not all(is_cjk(c) for c in key):
            continue
        for start in range(len(text) - len(key) + 1):
            window, end = text[start : start + len(key)], start + len(key)
            if window == key or not sounds_like(window, key):
                continue
            clash = [s for s in spans if s[0] < end and start < s[1]]
            if any(not (start <= s[0] and s[1] <= end and s[1] - s[0] < len(key)) for s in clash):
                continue
            for s in clash:
                spans.remove(s)
            spans.append((start, end, ident))
    # English marker words with a letter wrong are a layer of their own on top of the scan
    return spans + index._latin_marker_typos(text, names, spans)


def _scanned_exact(index: EntityIndex, text: str) -> list:
    found, i = [], 0
    while i < len(text):
        best = next(
            (
                e
                for e in index.by_first.get(text[i], ())
                if text.startswith(e.key, i) and _bounded(text, i, i + len(e.key), e.key)
            ),
            None,
        )
        if best:
            found.append((best.kind, best.id, i, i + len(best.key)))
            i += len(best.key)
        else:
            i += 1
    return found


def test_markers_are_the_ones_a_scan_per_marker_finds(indexes, texts):
    checked = 0
    for index in indexes:
        for text, raw in texts:
            found = index.find(text, raw)
            names = [(m.start, m.end) for m in found.mentions if m.kind != TOPIC]
            # "a general overview", "一般是多久": a marker word in plain speech is no marker
            names += [m.span() for m in _plain_marker_words().finditer(text)]
            assert found.marker_spans == _scanned_markers(index, text, names), raw
            checked += bool(found.marker_spans)
    assert checked > 100  # the sets do name markers


def test_exact_names_are_the_longest_first_scan(indexes, texts):
    for index in indexes:
        for text, raw in texts:
            got = [(m.kind, m.id, m.start, m.end) for m in index._exact(text)]
            assert got == _scanned_exact(index, text), raw


def _homophone(ch: str) -> str | None:
    sound = _sounds(ch)
    return next(
        (c for c in map(chr, range(0x4E00, 0x9FA6)) if c != ch and _sounds(c) & sound), None
    )


def test_chinese_typos_found_alike_without_counting_characters_in_place(indexes, texts):
    """Skipping candidates with fewer than two characters in place skips only non-matches.
    In a file 30 times larger partner names share all their characters with many others and are
    indexed under every one; their typos (one or two characters by sound) are checked too."""
    crowded = EntityIndex(parse_knowledge(_synthetic(30), "crowded.yaml"))
    assert any(full for es in crowded.cjk_by_char.values() for _, _, full in es)
    typos = []
    for p in crowded.knowledge.partners[16:60]:
        name = p.name.zh_hans
        for at in ((0,), (1,), (0, 1), (0, 2), (1, 2)):
            typo = list(name)
            for i in at:
                typo[i] = _homophone(typo[i]) or typo[i]
            typos.append(f"{''.join(typo)}的经费多少")
    typos.append(f"{crowded.knowledge.partners[20].name.zh_hans[:2]}x国多少")
    for index, extra in ((indexes[0], []), (indexes[1], []), (crowded, typos)):
        uncounted = EntityIndex(index.knowledge)
        uncounted.cjk_by_char = {
            ch: [(e, i, False) for e, i, _ in entries] for ch, entries in index.cjk_by_char.items()
        }
        found = 0
        for text, raw in [*texts[:: 1 if index is not crowded else 5], *((t, t) for t in extra)]:
            if any(is_cjk(c) for c in text):
                hits, near = index._cjk_fuzzy(text, [])
                assert (hits, near) == uncounted._cjk_fuzzy(text, []), raw
                found += len(hits) + len(near)
        assert found


def test_shared_markers_narrow_each_copy(indexes):
    """In the wide file every copy of Korea's directions carries 能源技术: a scan finds the
    marker once per direction that has it."""
    wide = indexes[1]
    text = normalize("能源技术那个方向")
    owners = {d for k, d in wide.markers if k == normalize("能源技术")}
    spans = wide.find(text).marker_spans
    assert len(owners) == 8 and owners <= {d for _, _, d in spans}
