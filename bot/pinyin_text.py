"""Whole messages typed in toneless pinyin with the input method off ("nanfei qijian jingfei",
"韩国 ji ge xiangmu") read as the Chinese they spell.

The pinyin index is built from the Chinese the bot already knows: place names, the directions'
names and markers, topic names, every cue word and out-of-scope aspect word, and a short list of
everyday words (bot/data/pinyin_words.yaml). A message is rewritten only when most of its Latin
words spell indexed words, so English ("can you tell me") stays English."""

from __future__ import annotations

import itertools
import re

from bot.vocab import vocabulary
from knowledge.model import Knowledge
from textnorm.chinese import is_cjk, is_pinyin, pinyin, script_counts, to_traditional
from textnorm.normalize import normalize

_LATIN = re.compile(r"[A-Za-z]+")
_RUN = re.compile(r"[A-Za-z]+(?:[ \t]+[A-Za-z]+)*")
# the end of a sentence, kept as a part of its own when a message is split on it
_SENTENCE = re.compile(r"((?<=[.!?])\s+|[。！？!?]+)")
_MAX_TERM = 6  # longer phrases are not typed whole in pinyin; their parts are indexed
_MAX_KEYS = 8  # readings combined per term: a rare reading of each char is not a spelling


def _keys(term: str) -> list[tuple[str, bool]]:
    """The pinyin spellings of ``term`` joined without spaces; True for the usual reading."""
    readings = [pinyin(c)[:2] for c in term]
    if not all(readings):
        return []
    usual = "".join(r[0] for r in readings)
    out = [(usual, True)]
    for combo in itertools.islice(itertools.product(*readings), _MAX_KEYS):
        key = "".join(combo)
        if key != usual:
            out.append((key, False))
    return out


def knowledge_terms(k: Knowledge) -> list[str]:
    """Chinese words in order of preference: names first, then topics, cues, everyday words."""
    v = vocabulary()
    out: list[str] = []
    for p in (*v.places, *v.regions):
        out.extend([p.zh_hans, *p.names])
    for d in k.directions:
        out.extend([d.short.zh_hans, *d.aliases, *d.markers])
    for t in k.topics:
        out.extend([t.name.zh_hans, *t.aliases])
    for phrases in v.cues.values():
        out.extend(phrases)
    for a in v.aspects:
        out.extend(a.words)
    out.extend(v.pinyin_words)
    return out


def _index(k: Knowledge) -> dict[str, str]:
    """pinyin spelling -> Chinese word; a usual reading beats a rare one, then earlier sources.
    Built once per knowledge (its names and topics are part of it)."""
    if "pinyin_index" not in k._cache:
        k._cache["pinyin_index"] = _build_index(k)
    return k._cache["pinyin_index"]


def _build_index(k: Knowledge) -> dict[str, str]:
    best: dict[str, tuple[int, int, str]] = {}
    for rank, term in enumerate(knowledge_terms(k)):
        term = normalize(term)
        if not term or len(term) > _MAX_TERM or not all(is_cjk(c) for c in term):
            continue
        for key, usual in _keys(term):
            cand = (0 if usual else 1, rank, term)
            if key not in best or cand < best[key]:
                best[key] = cand
    return {key: term for key, (_, _, term) in best.items()}


def _segment(letters: str, index: dict[str, str]) -> list[str] | None:
    """The fewest indexed words that spell ``letters`` whole, or None."""
    n = len(letters)
    best: list[list[str] | None] = [[]] + [None] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 6 * _MAX_TERM), end):
            prev = best[start]
            word = index.get(letters[start:end])
            if prev is None or word is None:
                continue
            if best[end] is None or len(prev) + 1 < len(best[end]):
                best[end] = [*prev, word]
    return best[n]


def _place_words() -> frozenset[str]:
    """Latin words of the places' English names: "Taiwan", "Hong Kong", "Macao" spell pinyin
    but say nothing about the input method."""
    v = vocabulary()
    return frozenset(w for p in (*v.places, *v.regions) for w in _LATIN.findall(p.en.lower()))


def spelled_chinese(text: str, k: Knowledge) -> str:
    """``text`` with its pinyin written in Chinese when the message is mostly pinyin; otherwise
    ``text`` unchanged. Latin words that spell nothing indexed ("hi", "thanks") stay as typed;
    beside Traditional characters the pinyin is written in Traditional."""
    words = [w.lower() for w in _LATIN.findall(text)]
    if not words:
        return text
    if "pinyin_english" not in k._cache:
        k._cache["pinyin_english"] = vocabulary().common_english | _place_words()
    english = k._cache["pinyin_english"]
    # pinyin that is no English word shows the input method is off; it must outnumber English
    spelled = sum(1 for w in words if len(w) > 2 and w not in english and is_pinyin(w))
    # measure words typed as pinyin initials ("yiselie jf", "fenlan pj") are the input method's
    # too: they do not count as the English that would keep the message as typed
    initials = _shorthand()[0]
    latin = sum(1 for w in words if not is_pinyin(w) and w not in initials)
    if spelled == 0:
        return text
    if spelled <= latin:
        # an English sentence of context before a question typed in pinyin ("Hi, we are a team
        # from Shanghai. yiselie jf"): the last sentence, the question, is read on its own (a
        # greeting before an English question, "Hei hei! What can you answer?", stays as typed)
        sentences = [part for part in _SENTENCE.split(text) if part]
        last = max(
            (i for i, part in enumerate(sentences) if not _SENTENCE.fullmatch(part)), default=0
        )
        if last == 0:
            return text
        head = "".join(sentences[:last])
        return head + spelled_chinese("".join(sentences[last:]), k)
    index = _index(k)
    traditional, simplified = script_counts(text)
    pieces: list[tuple[int, int, list[str]]] = []
    for m in _RUN.finditer(text):
        parts = _segment(re.sub(r"\s+", "", m.group()).lower(), index)
        if parts is not None:
            pieces.append((m.start(), m.end(), parts))
            continue
        for w in _LATIN.finditer(m.group()):  # word by word: the rest stays as typed
            one = _segment(w.group().lower(), index)
            if one is not None:
                pieces.append((m.start() + w.start(), m.start() + w.end(), one))
    out = text
    for start, end, parts in reversed(pieces):
        chinese = "".join(parts)
        if traditional > simplified:
            chinese = to_traditional(chinese)
        out = out[:start] + chinese + out[end:]
    return out


_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+(?![A-Za-z0-9])")


def _shorthand() -> tuple[dict[str, str], dict[str, str]]:
    """(initials, slips) of bot/data/pinyin_words.yaml, as the vocabulary loader checked them."""
    v = vocabulary()
    return v.pinyin_initials, v.pinyin_slips


def shorthand_chinese(text: str) -> str:
    """``text`` with measure words typed as pinyin initials ("pj", "jf") or as an input-method
    slip (平局) written as the word they stand for. Only in a message with Chinese in it, and
    only a whole Latin token: English words and names are left alone."""
    if not any(is_cjk(c) for c in text):
        return text
    traditional, simplified = script_counts(text)
    initials, slips = _shorthand()
    for slip, word in slips.items():
        if slip in text:
            text = text.replace(slip, word)
        trad = to_traditional(slip)
        if trad != slip and trad in text:
            text = text.replace(trad, to_traditional(word))

    def repl(m: re.Match[str]) -> str:
        word = initials.get(m.group().lower())
        if word is None:
            return m.group()
        return to_traditional(word) if traditional > simplified else word

    return _TOKEN.sub(repl, text)
