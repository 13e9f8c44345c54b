"""Intent cue words found in a message: one pass over every phrase of the vocabulary
(bot/data/cues.yaml).

Partly overlapping cues all count ("支持多少个项目" is evidence for both phrases), a cue inside a
longer one does not ("金额" within "总金额"), Latin cues need word boundaries, and typos are
forgiven: English cue words by character similarity, Chinese ones by sound (经废 for 经费).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot import intents as L
from bot.entities import sounds_like
from bot.vocab import vocabulary
from textnorm.normalize import is_cjk


@dataclass
class Cues:
    scores: dict[str, int] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)
    matched: list[str] = field(default_factory=list)

    def score(self, intent: str) -> int:
        return self.scores.get(intent, 0)


@dataclass
class CueMatcher:
    """All cue phrases in one regex: leftmost-longest, word boundaries for Latin phrases."""

    def __init__(self) -> None:
        table: dict[str, list[tuple[str, int]]] = {}
        vocab = vocabulary()
        for intent, cues in vocab.cues.items():
            for phrase, weight in cues.items():
                table.setdefault(phrase, []).append((intent, weight))
        # in the file's order, so that ties between typo candidates fall the same way every run
        flags = vocab.flags
        for flag, phrases in flags.items():
            for phrase in phrases:
                table.setdefault(phrase, []).append(("#" + flag, 0))
        self.table = table
        self.by_first: dict[str, list[str]] = {}
        for phrase in sorted(table, key=len, reverse=True):
            self.by_first.setdefault(phrase[0], []).append(phrase)
        # Chinese cue words typed by sound (经废 for 经费): indexed by character.
        self.zh_by_char: dict[str, list[tuple[str, int]]] = {}
        for phrase, entries in table.items():
            if (
                2 <= len(phrase) <= 4
                and all(is_cjk(c) for c in phrase)
                and any(w >= 3 for _, w in entries)
            ):
                for i, ch in enumerate(phrase):
                    self.zh_by_char.setdefault(ch, []).append((phrase, i))
        # superlative and comparison words are typed fast too ("fewst", "largst")
        self.flag_words = [
            p
            for p in table
            if p.isascii()
            and p.isalpha()
            and len(p) >= 5
            and any(i in ("#max", "#min") for i, _ in table[p])
        ]
        # short phrases and words with one slip ("how lnog", "helo"): one edit or swap away
        self.short_phrases = [
            p
            for p in table
            if p.isascii() and 4 <= len(p) <= 16 and any(w >= 3 for _, w in table[p])
        ]
        self.single_words = [
            p
            for p in table
            if p.isascii() and p.isalpha() and len(p) >= 5 and any(w >= 2 for _, w in table[p])
        ]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Every cue occurrence, minus those inside a longer one ("金额" within "总金额").

        Partly overlapping cues both count: in "支持多少个项目" both "支持多少" and "多少个项目"
        are evidence, and a leftmost-longest scan would lose the second.
        """
        found = []
        for i, ch in enumerate(text):
            for phrase in self.by_first.get(ch, ()):
                end = i + len(phrase)
                if text.startswith(phrase, i) and (
                    not phrase.isascii() or _word_bounded(text, i, end)
                ):
                    if phrase.endswith("多") and text.startswith("少", end):
                        continue  # "德国那个多少钱": 多少 asks how much, it compares nothing
                    found.append((i, end, phrase))
        return [
            s
            for s in found
            if not any(
                o[0] <= s[0] and s[1] <= o[1] and o != s and (o[1] - o[0]) > (s[1] - s[0])
                for o in found
            )
        ]

    def match(self, text: str) -> Cues:
        cues = Cues()
        covered = [False] * len(text)
        for start, end, phrase in self.spans(text):
            self._add(cues, phrase)
            for x in range(start, end):
                covered[x] = True
        for phrase in self._zh_by_sound(text, covered):
            self._add(cues, phrase)
        # English typos in cue words (budjet, averge, feilds): character-level fuzzy match.
        for m in re.finditer(r"[a-z]{5,}", text):
            if covered[m.start()] or m.group(0) in vocabulary().common_english:
                continue
            res = process.extractOne(
                m.group(0),
                self.single_words + self.flag_words,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=82,
            )
            if res:
                self._add(cues, res[0])
        if not any(v >= 3 for k, v in cues.scores.items() if k != L.OUT_OF_SCOPE):
            self._slips(text, covered, cues)
        return cues

    def _slips(self, text: str, covered: list[bool], cues: Cues) -> None:
        """Only when nothing else was understood: word n-grams one edit (or one swap of two
        neighbouring letters) from a cue phrase of at least four letters."""
        words = [m for m in re.finditer(r"[a-z]+", text) if not covered[m.start()]]
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                group = words[i : i + size]
                phrase = text[group[0].start() : group[-1].end()]
                if len(phrase) < 4 or (size == 1 and phrase in vocabulary().common_english):
                    continue
                res = process.extractOne(
                    phrase,
                    self.short_phrases,
                    scorer=DamerauLevenshtein.distance,
                    processor=None,
                    score_cutoff=1,
                )
                if res and res[0][0] == phrase[0] and abs(len(res[0]) - len(phrase)) <= 1:
                    self._add(cues, res[0])
                    return

    def _zh_by_sound(self, text: str, covered: list[bool]) -> list[str]:
        out: list[str] = []
        for j, ch in enumerate(text):
            if covered[j]:
                continue
            for phrase, i in self.zh_by_char.get(ch, ()):
                start = j - i
                end = start + len(phrase)
                if start < 0 or end > len(text) or any(covered[start:end]) or phrase in out:
                    continue
                window = text[start:end]
                if window != phrase and sounds_like(window, phrase, strict=True):
                    out.append(phrase)
        return out

    def _add(self, cues: Cues, phrase: str) -> None:
        cues.matched.append(phrase)
        for intent, weight in self.table.get(phrase, ()):
            if intent.startswith("#"):
                cues.tags.add(intent[1:])
            elif intent == L.HELP:  # "您好……谢谢" is one greeting, not twice the evidence
                cues.scores[intent] = max(cues.scores.get(intent, 0), weight)
            else:
                cues.scores[intent] = cues.scores.get(intent, 0) + weight


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (
        after.isascii() and after.isalnum()
    )


_CUES: CueMatcher | None = None


def cue_matcher() -> CueMatcher:
    global _CUES
    if _CUES is None:
        _CUES = CueMatcher()
    return _CUES


# "哪个/那个/谁/边个 … 多/少/高/低/大/小": which of the named ones has more (typo 那 for 哪 too).
