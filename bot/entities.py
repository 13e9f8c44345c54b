"""Finding the partners, directions, calls and topics a message names.

Three passes over the normalised text, most certain first, each masking what it found:
1. exact aliases (longest match wins; Latin aliases need word boundaries, Chinese ones cannot have
   them), ISO codes in the original casing, and direction numbers such as "1.4";
2. Chinese typos by sound: a window of the message that differs from an alias only in homophones
   (芬栏/芬兰, 以色例/以色列) — pinyin input makes these the common Chinese typo;
3. Latin typos with rapidfuzz's character-level ratio over word n-grams (Finlnad, south afirca),
   never on common English words, with a score threshold.
Candidates just under the thresholds are kept as "near" so the bot can ask "did you mean".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.vocab import vocabulary
from knowledge.model import Knowledge
from textnorm.chinese import is_pinyin, pinyin
from textnorm.normalize import is_cjk, normalize, whole_word_spans

PARTNER, DIRECTION, CALL, TOPIC = "partner", "direction", "call", "topic"

# English words that carry no entity (bot/data/cues.yaml): never fuzzy-matched to a name
COMMON_ENGLISH = vocabulary().common_english
# everyday Chinese words (bot/data/cues.yaml): never a name typed by sound
COMMON_CHINESE = vocabulary().common_chinese
_LATIN_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_RAW_TOKEN = re.compile(r"[A-Za-z]+")
# a short message: where one character alone can be a partner's shorthand ("俄 西 经费哪个多")
_SHORT_MESSAGE = 16
# words after which a lower-case code is the English word: "at least", "at most", "it is"
_ENGLISH_AFTER_CODE = frozenset(
    {"least", "most", "all", "first", "last", "once", "the", "a", "an", "is", "was", "will"}
    | {"would", "can", "could", "does", "did", "has", "had", "seems", "means"}
)
_DIRECTION_NUMBER = re.compile(
    r"(?<![\d.])(\d\.\d)(?![\d.])(?!\s*(?:万|亿|million|m\b|年|years?|%))"
)

# Characters so frequent that a homophone of them is almost never a typo: "的国" is not 德国,
# "方向中哪个" is not 中南, "（含国际组织）" (including) is not 韩国.
_NO_SUBSTITUTE = set(
    "的地是在和与有个了这那以一不也都之及为对其或把被给让从向于就最呢吗吧啊呀啦嘛哦哪含"
)

_COMMON_CHAR_LIMIT = 40
_UNCOUNTED = 1 << 30  # characters in place not counted (the alias is indexed by rare ones)

LATIN_CUTOFF = 80.0
_RECENT_FINDS = 64  # clauses of the current turn and the one before
NEAR_CUTOFF = 62.0


@dataclass(frozen=True)
class Mention:
    kind: str
    id: str
    start: int
    end: int
    text: str
    score: float = 100.0
    how: str = "exact"


@dataclass
class Found:
    text: str
    mentions: list[Mention] = field(default_factory=list)
    markers: dict[str, int] = field(default_factory=dict)
    near: list[Mention] = field(default_factory=list)
    masked: str = ""
    marker_spans: list[tuple[int, int, str]] = field(default_factory=list)
    other_places: list[str] = field(default_factory=list)
    raw: str = ""
    excluded_topics: list[str] = field(default_factory=list)
    withdrawn: set[str] = field(default_factory=set)  # "不是问中德": not asked, not set aside

    def markers_near(self, mention: Mention, reach: int = 16) -> dict[str, int]:
        """Markers close to one mention (before or after it): "EU general" vs "EU flagship"."""
        close = [
            s
            for s in self.marker_spans
            if mention.end <= s[0] < mention.end + reach
            or mention.start - reach < s[1] <= mention.start
        ]
        return self.weigh_markers(close)

    @staticmethod
    def weigh_markers(close: list[tuple[int, int, str]]) -> dict[str, int]:
        """Each direction's longest marker in ``close``; one inside a longer marker is left out."""
        # a marker inside a longer one is not separate evidence: "联合研究旗舰" is the flagship.
        # Directions share marker words (a large file has hundreds of "一般" spans on the same
        # characters), so containment is decided once per distinct span, not per pair of spans.
        places = {(s[0], s[1]) for s in close}
        inside = {
            (a, b)
            for a, b in places
            if any(c <= a and b <= d and (d - c) > (b - a) for c, d in places)
        }
        close = [s for s in close if (s[0], s[1]) not in inside]
        out: dict[str, int] = {}
        for start, end, ident in close:
            out[ident] = max(out.get(ident, 0), end - start)
        return out

    def ids(self, kind: str) -> list[str]:
        out: list[str] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.kind == kind and m.id not in out:
                out.append(m.id)
        return out


_FOLD_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))


def _fold_pinyin(syllable: str) -> str:
    """Fold the sounds that southern speakers and hurried typists mix up (zh/z, n/l, -ng/-n)."""
    for a, b in _FOLD_INITIALS:
        if syllable.startswith(a):
            syllable = b + syllable[len(a) :]
            break
    if syllable.startswith("n"):
        syllable = "l" + syllable[1:]
    if syllable.endswith("ng"):
        syllable = syllable[:-1]
    return syllable


@lru_cache(maxsize=16384)
def _close_sound(a: str, b: str) -> int:
    """1 when two syllables share the initial and their finals differ by one letter (li/lie,
    ban/bang): what speech-to-text and hurried pinyin typing produce; 0 otherwise."""
    for x in _sounds(a):
        for y in _sounds(b):
            ix, iy = _initial(x), _initial(y)
            if ix != iy:
                continue
            fx, fy = x[len(ix) :], y[len(iy) :]
            if (
                fx
                and fy
                and (fx.startswith(fy) or fy.startswith(fx))
                and abs(len(fx) - len(fy)) == 1
            ):
                return 1
    return 0


def _initial(syllable: str) -> str:
    for ini in (
        "zh",
        "ch",
        "sh",
        "b",
        "p",
        "m",
        "f",
        "d",
        "t",
        "n",
        "l",
        "g",
        "k",
        "h",
        "j",
        "q",
        "x",
        "r",
        "z",
        "c",
        "s",
        "y",
        "w",
    ):
        if syllable.startswith(ini):
            return ini
    return ""


@lru_cache(maxsize=16384)
def _sounds(ch: str) -> frozenset[str]:
    return frozenset(_fold_pinyin(p) for p in pinyin(ch))


def _spelled_in_pinyin(name: str) -> str | None:
    """The usual toneless reading of a short Chinese name, run together ("氢能" → "qingneng"),
    when it is long enough not to be an English word or a code."""
    key = normalize(name)
    if not 2 <= len(key) <= 4 or not all(is_cjk(c) for c in key):
        return None
    readings = [pinyin(c)[:1] for c in key]
    if not all(readings):
        return None
    spelled = "".join(r[0] for r in readings)
    return spelled if len(spelled) >= 6 else None


@lru_cache(maxsize=16384)
def _usual_sound(ch: str) -> frozenset[str]:
    """The first (usual) reading only, tones dropped and sounds folded."""
    return frozenset(_fold_pinyin(p) for p in pinyin(ch)[:1])


_CUE_NO_SUBSTITUTE = set("的地是在和与了")


def sounds_like(window: str, key: str, strict: bool = False) -> bool:
    """Same length, at least one identical character, every other one a homophone that is not
    one of the very frequent function characters (芬栏 ~ 芬兰, 经废 ~ 经费; 的国 is not 德国)."""
    if len(window) != len(key):
        return False
    same = 0
    for a, b in zip(window, key, strict=True):
        if a == b:
            same += 1
        else:
            # strict (cue words): the usual reading only, so rare readings do not collide
            close = pinyin(a)[:1] == pinyin(b)[:1] if strict else _sounds(a) & _sounds(b)
            blocked = _CUE_NO_SUBSTITUTE if strict else _NO_SUBSTITUTE
            if a in blocked or b in blocked or not close:
                return False
    return same >= 1 and (len(key) - same) <= max(1, len(key) // 2)


@dataclass(frozen=True)
class _Alias:
    key: str
    kind: str
    id: str


def _copy(found: Found) -> Found:
    """A copy whose lists and sets can be changed without changing the kept one."""
    return replace(
        found,
        mentions=list(found.mentions),
        markers=dict(found.markers),
        near=list(found.near),
        marker_spans=list(found.marker_spans),
        other_places=list(found.other_places),
        excluded_topics=list(found.excluded_topics),
        withdrawn=set(found.withdrawn),
    )


class EntityIndex:
    """Alias tables built once per knowledge; find() is the per-message work."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self._recent: dict[tuple[str, str | None, bool], Found] = {}
        self.by_first: dict[str, list[_Alias]] = {}
        self.codes: dict[str, str] = {}
        self.markers: list[tuple[str, str]] = []  # (marker key, direction id)
        self.latin: dict[int, list[_Alias]] = {}
        self.cjk_by_char: dict[str, list[tuple[_Alias, int, bool]]] = {}
        self.numbers: dict[str, list[str]] = {}
        self._call_of = {d.id: d.call for d in knowledge.directions}
        seen: set[tuple[str, str, str]] = set()
        cjk_aliases: list[_Alias] = []

        def add(alias: str, kind: str, ident: str) -> None:
            key = normalize(alias)
            if not key or (key, kind, ident) in seen:
                return
            seen.add((key, kind, ident))
            entry = _Alias(key, kind, ident)
            self.by_first.setdefault(key[0], []).append(entry)
            if key.isascii():
                if len(key) >= 4 and (kind != TOPIC or len(key) >= 6):
                    self.latin.setdefault(len(key), []).append(entry)
            elif all(is_cjk(c) for c in key) and (2 if kind != TOPIC else 3) <= len(key) <= 6:
                # names, not long titles: typos by sound happen in the words people type
                cjk_aliases.append(entry)

        for c in knowledge.calls:
            for a in c.aliases:
                add(a, CALL, c.id)
        for p in knowledge.partners:
            for a in (p.name.zh_hans, p.name.zh_hant, p.name.en, *p.aliases):
                add(a, PARTNER, p.id)
            for code in p.codes:
                self.codes[code.upper()] = p.id
        for d in knowledge.directions:
            for a in (d.title.zh_hans, d.title.zh_hant, d.title.en, *d.aliases):
                add(a, DIRECTION, d.id)
            for m in d.markers:
                self.markers.append((normalize(m), d.id))
            self.numbers.setdefault(d.number, []).append(d.id)
        for t in knowledge.topics:
            for a in (t.name.zh_hans, t.name.en, *t.aliases):
                add(a, TOPIC, t.id)
        # Chinese names typed in pinyin without the characters ("qingneng", "yiselie"): each
        # short Chinese name of a partner or topic also answers to its usual reading
        # — only beside Chinese text: in English "Xian Jiaotong University" is a name, not 交通
        known = {key for key, _, _ in seen}
        self.pinyin_keys: set[str] = set()
        for kind, ident, names in (
            *((PARTNER, p.id, (p.name.zh_hans, *p.aliases)) for p in knowledge.partners),
            *((TOPIC, t.id, (t.name.zh_hans, *t.aliases)) for t in knowledge.topics),
        ):
            for a in names:
                if (spelled := _spelled_in_pinyin(a)) and spelled not in known:
                    self.pinyin_keys.add(spelled)
                    add(spelled, kind, ident)
        for size, entries in self.latin.items():  # exact only: no spelling guesses on them
            self.latin[size] = [e for e in entries if e.key not in self.pinyin_keys]
        # codes that are words in lower case (it, at, de) count only when written in capitals
        self.lower_block = set(vocabulary().lowercase_words)
        self._add_places(add)
        # Index each alias under its characters, except characters shared by very many aliases
        # (中, 国, 合作 in a large file): a window must share a rarer character to be compared.
        freq: dict[str, int] = {}
        for entry in cjk_aliases:
            for ch in set(entry.key):
                freq[ch] = freq.get(ch, 0) + 1
        for entry in cjk_aliases:
            rare = [(i, ch) for i, ch in enumerate(entry.key) if freq[ch] <= _COMMON_CHAR_LIMIT]
            # an alias of common characters only is indexed under all of them, so the hits of a
            # window count the characters it has in place (see _cjk_fuzzy)
            for i, ch in rare or list(enumerate(entry.key)):
                self.cjk_by_char.setdefault(ch, []).append((entry, i, not rare))
        self.markers.sort(key=lambda m: -len(m[0]))  # longest first: 能源技术 before 能源
        self._index_markers()
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e.key))
        # The same, looked up by slice: a first character of 1,600 aliases ("中" in a large file)
        # costs one dict lookup per alias length, not one comparison per alias. Of entries with
        # the same key the first one wins, as in the sorted list.
        self._exact_keys: dict[str, tuple[list[int], dict[str, _Alias]]] = {}
        for first, entries in self.by_first.items():
            keys: dict[str, _Alias] = {}
            for e in entries:
                keys.setdefault(e.key, e)
            self._exact_keys[first] = (sorted({len(k) for k in keys}, reverse=True), keys)
        self._latin_keys = {n: [e.key for e in es] for n, es in self.latin.items()}

    def _index_markers(self) -> None:
        """Markers by distinct key: directions share marker words ("一般", "能源"), so a message
        is scanned once per distinct word that can occur in it, not once per direction."""
        self._marker_slots: dict[str, list[int]] = {}  # key -> positions in self.markers
        for i, (key, _) in enumerate(self.markers):
            if key:
                self._marker_slots.setdefault(key, []).append(i)
        # single English words long enough that one wrong letter still names them alone
        self._latin_markers_by_first: dict[str, list[str]] = {}
        for key in self._marker_slots:
            if key.isascii() and key.isalpha() and len(key) >= 5:
                self._latin_markers_by_first.setdefault(key[0], []).append(key)
        self._marker_by_first: dict[str, list[str]] = {}
        self._sound_markers_by_char: dict[str, list[str]] = {}
        for key in self._marker_slots:
            self._marker_by_first.setdefault(key[0], []).append(key)
            if len(key) >= 2 and all(is_cjk(c) for c in key):
                for ch in set(key):
                    self._sound_markers_by_char.setdefault(ch, []).append(key)

    def _marker_spans(self, text: str, names: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Direction markers in ``text`` outside the ``names`` found, as (start, end, direction):
        exact ones (longest first), then ones typed by sound (韩国能原) that may replace the
        shorter exact markers they cover."""
        slots = self._marker_slots
        chars = set(text)
        exact: dict[str, list[tuple[int, int]]] = {}
        for ch in chars:
            for key in self._marker_by_first.get(ch, ()):
                hits = []
                at = text.find(key)
                while at >= 0:
                    end = at + len(key)
                    if (not key.isascii() or _bounded(text, at, end, key)) and not _overlaps(
                        at, end, names
                    ):
                        hits.append((at, end))
                    at = text.find(key, end)  # non-overlapping, left to right
                if hits:
                    exact[key] = hits
        spans: list[tuple[int, int, str]] = []
        for i in sorted(i for key in exact for i in slots[key]):
            key, ident = self.markers[i]
            spans.extend((start, end, ident) for start, end in exact[key])
        positions: dict[str, list[int]] = {}
        for j, ch in enumerate(text):
            positions.setdefault(ch, []).append(j)
        sounded: dict[str, list[int]] = {}
        for ch in chars:
            for key in self._sound_markers_by_char.get(ch, ()):
                if key in sounded:
                    continue
                # a window that sounds like the key shares at least one character in place
                starts = sorted(
                    {
                        j - x
                        for x, c in enumerate(key)
                        for j in positions.get(c, ())
                        if 0 <= j - x <= len(text) - len(key)
                    }
                )
                sounded[key] = [
                    start
                    for start in starts
                    if text[start : start + len(key)] != key
                    and sounds_like(text[start : start + len(key)], key)
                ]
        for i in sorted(i for key, starts in sounded.items() if starts for i in slots[key]):
            key, ident = self.markers[i]
            for start in sounded[key]:
                end = start + len(key)
                clash = [s for s in spans if s[0] < end and start < s[1]]
                if any(
                    not (start <= s[0] and s[1] <= end and s[1] - s[0] < len(key)) for s in clash
                ):
                    continue
                for s in clash:  # "能原技术联合研究" is 2.1's whole name, not 联合研究 (2.0)
                    spans.remove(s)
                spans.append((start, end, ident))
        spans.extend(self._latin_marker_typos(text, names, spans))
        return spans

    def _latin_marker_typos(
        self, text: str, names: list[tuple[int, int]], spans: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """An English marker word with one letter wrong, missing or extra ("korea enrgy avg",
        "EU flagshp"): one marker only, same first letter, never a common English word."""
        out: list[tuple[int, int, str]] = []
        for word in re.finditer(r"[a-z]{4,}", text):
            w, start, end = word.group(), word.start(), word.end()
            if w in self._marker_slots or w in COMMON_ENGLISH or _overlaps(start, end, names):
                continue
            if any(s[0] < end and start < s[1] for s in spans):
                continue
            keys = [
                key
                for key in self._latin_markers_by_first.get(w[0], ())
                if abs(len(key) - len(w)) <= 1 and Levenshtein.distance(w, key) <= 1
            ]
            if len(keys) == 1:
                out.extend((start, end, self.markers[i][1]) for i in self._marker_slots[keys[0]])
        return out

    def _add_places(self, add: Callable[[str, str, str], None]) -> None:
        """The gazetteer (bot/data/places.yaml) against this knowledge's partners: a place that
        is a partner lends it its other names and codes (中法, french, FR for a partner France);
        any other place is outside the call, answered as such instead of fuzzy-matched."""
        vocab = vocabulary()
        linked = vocab.partner_places(self.knowledge)
        claimed = {e.key for es in self.by_first.values() for e in es}
        for place in vocab.places:
            owner = linked.get(place.id)
            if owner is None:
                continue
            for name in place.names:
                if name not in claimed:
                    add(name, PARTNER, owner)
            for code in place.codes:
                if code not in self.codes:
                    self.codes[code] = owner
                    self.lower_block.add(code.lower())  # a borrowed code counts in capitals only
        # "de total?": lower-case codes read as partners in a terse message only
        self.terse_codes = {
            code: linked[place] for code, place in vocab.terse_codes.items() if place in linked
        }
        # "俄 西 经费哪个多": one character alone in a short message
        self.single_characters = {
            char: linked[place]
            for char, place in vocab.single_characters.items()
            if place in linked
        }
        own = {e.key for es in self.by_first.values() for e in es}
        outside = [p for p in vocab.places if p.id not in linked]
        self.other_names = {n: p.en for p in outside for n in p.names if n not in own}
        # a region means its member partners (非洲 -> South Africa); one with none is outside
        self.region_partners: dict[str, tuple[str, ...]] = {}
        for region in vocab.regions:
            partners = tuple(dict.fromkeys(linked[m] for m in region.members if m in linked))
            for name in region.names:
                if name in own:
                    continue
                if partners:
                    self.region_partners[name] = partners
                else:
                    self.other_names[name] = region.en
        self._regions_re = (
            re.compile(
                "|".join(re.escape(n) for n in sorted(self.region_partners, key=len, reverse=True))
            )
            if self.region_partners
            else None
        )
        # a region's name inside a longer place or city is that place: 西亚 in 马来西亚 and
        # 瓦伦西亚 (Valencia), 中东 in 中东欧
        longer = {
            name
            for place in (*vocab.places, *vocab.regions)
            for name in (*place.names, *getattr(place, "cities", ()))
            if any(r in name and r not in place.names for r in self.region_partners)
        }
        self._region_shield = (
            re.compile("|".join(re.escape(n) for n in sorted(longer, key=len, reverse=True)))
            if longer
            else None
        )
        # written in capitals only ("the US programme"); in lower case they are English words
        self.upper_places = {c: p.en for p in outside for c in p.codes if c not in self.codes}
        self.other_places = sorted(self.other_names, key=len, reverse=True)
        self._outside_words = [
            n for n in self.other_names if n.isascii() and n.isalpha() and len(n) >= 5
        ]
        # one pattern for all of them (longest first): one scan per message, not one per place
        self._places_re = (
            re.compile("|".join(re.escape(p) for p in self.other_places))
            if self.other_places
            else None
        )

    # -- pass 1 -----------------------------------------------------------------------------
    def _exact(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        i, n = 0, len(text)
        while i < n:
            best = None
            table = self._exact_keys.get(text[i])
            for size in table[0] if table else ():  # longest first
                if i + size > n:
                    continue
                entry = table[1].get(text[i : i + size])
                if entry is not None and _bounded(text, i, i + size, entry.key):
                    best = entry
                    break
            if best:
                found.append(Mention(best.kind, best.id, i, i + len(best.key), best.key))
                i += len(best.key)
            else:
                i += 1
        return found

    def _codes(
        self, raw: str, text: str, taken: list[tuple[int, int]], shouting: bool = False
    ) -> list[Mention]:
        out = []
        for m in _RAW_TOKEN.finditer(raw):
            token = m.group(0)
            upper = token.upper()
            if upper not in self.codes:
                continue
            if (
                token != upper
                and token.lower() in self.lower_block
                and not self._before_own_marker(raw, m.end(), self.codes[upper])
            ):
                continue
            if shouting and token.lower() in COMMON_ENGLISH:
                continue
            if len(token) < 2:
                continue
            for start, end in whole_word_spans(token.lower(), text):
                if not _overlaps(start, end, taken):
                    owner = self.codes[upper]
                    out.append(Mention(PARTNER, owner, start, end, token, 100.0, "code"))
                    taken.append((start, end))
                    break
        return out

    def _terse_codes(
        self, raw: str, text: str, taken: list[tuple[int, int]], first_turn: bool
    ) -> list[Mention]:
        """Lower-case codes in a terse message of a few Latin words ("de total?", "ru vs es"):
        typed on a phone, no English reading is left. A code right before a word that makes it
        English ("at least", "it is") is the English word, and so is a code that is an English
        word anywhere but first ("is it ok")."""
        if any(is_cjk(ch) for ch in raw):
            return []
        words = list(_RAW_TOKEN.finditer(raw))
        if not words or len(words) > 4 or len(raw.strip()) > 32:
            return []
        initials = vocabulary().pinyin_initials
        for w in words:
            word = w.group(0).lower()
            if word in self.terse_codes:
                continue
            if word in initials or (is_pinyin(word) and word not in COMMON_ENGLISH):
                return []  # "fenlan de pj": typed in pinyin, "de" is 的
        out = []
        for i, w in enumerate(words):
            token = w.group(0)
            owner = self.terse_codes.get(token)
            if owner is None:
                continue
            after = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
            english = token in COMMON_ENGLISH
            if after in _ENGLISH_AFTER_CODE or (english and (i > 0 or not first_turn)):
                return []
            if self._before_other_marker(after, owner):
                continue  # "es flagship": Spain has none, the marker names the direction
            for start, end in whole_word_spans(token, text):
                if not _overlaps(start, end, taken):
                    out.append(Mention(PARTNER, owner, start, end, token, 100.0, "terse code"))
                    taken.append((start, end))
                break
        return out

    def _single_characters(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """One character naming a partner where it stands alone in a short message ("俄 西
        经费哪个多", "德、芬 平均"): a whole token between spaces (punctuation is a space once
        normalised), never a character inside a word (西部, 阿拉伯, 以上, 可以)."""
        if len(text.strip()) > _SHORT_MESSAGE or not self.single_characters:
            return []
        alone = [m.group() for m in re.finditer(r"(?<!\S)\S(?!\S)", text) if is_cjk(m.group())]
        if any(ch not in self.single_characters for ch in alone):
            return []  # "东 西 南 北": single characters that are not all partners
        out = []
        for i, ch in enumerate(text):
            owner = self.single_characters.get(ch)
            if owner is None or _overlaps(i, i + 1, taken):
                continue
            if (i > 0 and not text[i - 1].isspace()) or (
                i + 1 < len(text) and not text[i + 1].isspace()
            ):
                continue
            out.append(Mention(PARTNER, owner, i, i + 1, ch, 100.0, "single character"))
            taken.append((i, i + 1))
        return out

    def _before_other_marker(self, after: str, partner: str) -> bool:
        """Whether the word after a terse code is the marker of directions none of which is that
        partner's: the marker names the direction, the code is no partner of it."""
        by_id = self.knowledge.direction_by_id
        owners = {by_id[i].partner for key, i in self.markers if key == after and i in by_id}
        return bool(owners) and partner not in owners

    def _before_own_marker(self, raw: str, end: int, partner: str) -> bool:
        """Whether a code written in lower case is followed by the marker word of one of its
        partner's own directions ("sa flagship"): a phone user's shorthand for that direction,
        where the word after it leaves no everyday reading of the code."""
        if not raw[end : end + 1].isspace():
            return False  # the code must stand as a word of its own, before the marker
        after = normalize(raw[end:]).lstrip()
        by_id = self.knowledge.direction_by_id
        return any(
            after.startswith(key)
            and (len(after) == len(key) or not after[len(key)].isalnum())
            and by_id[ident].partner == partner
            for key, ident in self.markers
            if key.isascii() and ident in by_id
        )

    def _hinted_calls(self, mentions: list[Mention]) -> set[str]:
        """Calls other than the first (the notice's main call) that a message points at: by
        name, by one of their directions, or by a partner found only in them (澳门 … 1.1)."""
        k = self.knowledge
        out: set[str] = set()
        for m in mentions:
            if m.kind == CALL:
                out.add(m.id)
            elif m.kind == DIRECTION and m.id in k.direction_by_id:
                out.add(k.direction_by_id[m.id].call)
            elif m.kind == PARTNER:
                calls = {d.call for d in k.directions_by_partner.get(m.id, ())}
                if len(calls) == 1:
                    out |= calls
        if k.calls:
            out.discard(k.calls[0].id)
        return out

    def _numbers(self, text: str, taken: list[tuple[int, int]], hinted: set[str]) -> list[Mention]:
        """Direction numbers ("1.4"); a number that several calls use is the hinted call's,
        else the main call's."""
        out = []
        call_of = self._call_of
        main = self.knowledge.calls[0].id if self.knowledge.calls else ""
        for m in _DIRECTION_NUMBER.finditer(text):
            ids = self.numbers.get(m.group(1))
            if not ids or _overlaps(m.start(), m.end(), taken):
                continue
            if len(ids) > 1:
                chosen = [i for i in ids if call_of[i] in hinted]
                ids = chosen or [i for i in ids if call_of[i] == main] or ids
            for ident in ids[:1]:
                out.append(
                    Mention(DIRECTION, ident, m.start(), m.end(), m.group(1), 100.0, "number")
                )
                taken.append((m.start(), m.end()))
        return out

    # -- pass 2 -----------------------------------------------------------------------------
    def _cjk_fuzzy(
        self, text: str, taken: list[tuple[int, int]], topic_spans: list[tuple[int, int]] = ()
    ) -> tuple[list[Mention], list[Mention]]:
        hits: list[Mention] = []
        near: list[Mention] = []
        # candidate -> characters in place, counted for aliases indexed under all characters
        candidates: dict[tuple[str, str, str, int], int] = {}
        for j, ch in enumerate(text):
            for entry, i, full in self.cjk_by_char.get(ch, ()):
                start = j - i
                if start >= 0 and start + len(entry.key) <= len(text):
                    c = (entry.key, entry.kind, entry.id, start)
                    candidates[c] = candidates.get(c, 0) + 1 if full else _UNCOUNTED
        for (key, kind, ident, start), in_place in candidates.items():
            if in_place < 2 and len(key) >= 3:
                # below, a name of three or more characters is a hit or a near miss only with
                # two characters in place; a large file indexes 1,600 "…国" under 国 alone
                continue
            end = start + len(key)
            # a longer topic typed by sound may swallow a shorter exact one: 生物多样姓 is
            # biodiversity, not the 生物 (biology) inside it
            blocking = (
                taken
                if kind != TOPIC
                else [
                    s
                    for s in taken
                    if not (
                        s in topic_spans
                        and start <= s[0]
                        and s[1] <= end
                        and s[1] - s[0] < end - start
                    )
                ]
            )
            if _overlaps(start, end, blocking):
                continue
            swallows = _overlaps(start, end, taken)
            window = text[start:end]
            if not all(is_cjk(c) for c in window) or window == key or window in COMMON_CHINESE:
                continue
            if (
                text[max(0, start - 1) : start + 1] in COMMON_CHINESE
                or text[end - 1 : end + 1] in COMMON_CHINESE
            ):
                # an everyday word across the window's edge: "获得国拨经费" has no 德国 in it
                continue
            same = hom = diff = rare = close = 0
            blocked = False
            for a, b in zip(window, key, strict=True):
                if a == b:
                    same += 1
                elif a in _NO_SUBSTITUTE:
                    blocked = True
                    diff += 1
                elif _sounds(a) & _sounds(b):
                    hom += 1
                    # 中饿 is 中俄 (è/é), not 中阿 (阿 read ē only in rare words): a match by a
                    # rare reading ranks below one by the usual readings
                    rare += not (_usual_sound(a) & _usual_sound(b))
                elif n_close := _close_sound(a, b):  # 以色力/以色列 (li/lie): speech input
                    hom += n_close
                    close += n_close
                else:
                    diff += 1
            n = len(key)
            score = 100.0 - 100.0 * (0.4 * hom + 0.1 * rare + diff) / n
            # 阿根延: two of a country's three characters, in place, are specific enough
            prefix = (
                kind == PARTNER and n == 3 and diff == 1 and hom == 0 and window[:2] == key[:2]
            )
            ok = prefix or (
                not blocked
                # a two-character name by a near sound is a word of its own too: "材料中写" (xie)
                # is no 中西 (xi)
                and not (n <= 2 and close)
                and same >= 1
                and ((diff == 0 and hom <= max(1, n // 2)) or (n >= 5 and diff == 1 and hom == 0))
            )
            if ok and swallows and diff:
                # only a homophone swallows an exact topic: "燃料电池领域" is fuel cells, not
                # 燃料电池车 with one character off
                ok = False
            if ok:
                hits.append(Mention(kind, ident, start, end, window, score, "sound"))
            elif not blocked and n >= 3 and same >= n - 1 and kind != TOPIC:
                near.append(Mention(kind, ident, start, end, window, score, "near"))
        return _non_overlapping(hits), near

    # -- pass 3 -----------------------------------------------------------------------------
    def _latin_fuzzy(
        self, text: str, taken: list[tuple[int, int]]
    ) -> tuple[list[Mention], list[Mention]]:
        tokens = [
            m for m in _LATIN_TOKEN.finditer(text) if not _overlaps(m.start(), m.end(), taken)
        ]
        hits: list[Mention] = []
        near: list[Mention] = []
        used: set[int] = set()
        spans = []
        for size in (3, 2, 1):
            for k in range(len(tokens) - size + 1):
                group = tokens[k : k + size]
                # A phrase must start and end on content words; common words alone never match.
                if group[0].group(0) in COMMON_ENGLISH or group[-1].group(0) in COMMON_ENGLISH:
                    continue
                if any(group[x + 1].start() - group[x].end() != 1 for x in range(size - 1)):
                    continue
                spans.append((k, size, group[0].start(), group[-1].end()))
        for k, size, start, end in spans:
            if any(x in used for x in range(k, k + size)):
                continue
            phrase = text[start:end]
            if len(phrase) < 4:
                continue
            best = None
            for n in range(len(phrase) - 2, len(phrase) + 3):
                keys = self._latin_keys.get(n)
                if not keys:
                    continue
                res = process.extractOne(
                    phrase, keys, scorer=fuzz.ratio, processor=None, score_cutoff=NEAR_CUTOFF
                )
                if res and (best is None or res[1] > best[1]):
                    best = (self.latin[n][res[2]], res[1])
            if not best:
                continue
            entry, score = best
            cutoff = LATIN_CUTOFF if len(phrase) >= 5 else 85.0
            if entry.kind == TOPIC:
                cutoff = max(cutoff, 85.0)
            if score >= cutoff and phrase[0] == entry.key[0]:
                hits.append(Mention(entry.kind, entry.id, start, end, phrase, score, "fuzzy"))
                used.update(range(k, k + size))
            elif entry.kind != TOPIC and score >= 70:
                near.append(Mention(entry.kind, entry.id, start, end, phrase, score, "near"))
        return hits, near

    def _outside_typos(self, text: str, taken: list[tuple[int, int]]) -> list[str]:
        """A place outside the call typed with a typo ("Hungery", "Brasil", "Frence"): a word
        left over after the partners' own fuzzy pass (so "Austrlia" stays Austria, a partner),
        one edit from a one-word place name of five letters or more. Shorter names and common
        words are left alone: "chile" is one letter from "child"."""
        found: list[str] = []
        for m in _LATIN_TOKEN.finditer(text):
            word = m.group(0)
            if len(word) < 5 or word in COMMON_ENGLISH or _overlaps(m.start(), m.end(), taken):
                continue
            res = process.extractOne(
                word, self._outside_words, scorer=fuzz.ratio, processor=None, score_cutoff=82
            )
            # one edit indeed: a ratio of 82 also lets two through ("brain" is not "britain")
            if res and res[0][0] == word[0] and Levenshtein.distance(word, res[0]) <= 1:
                found.append(self.other_names[res[0]])
                taken.append((m.start(), m.end()))
        return found

    def find(self, text: str, raw: str | None = None, first_turn: bool = True) -> Found:
        """Entities in normalised ``text``; ``raw`` (the original message) is used for codes;
        after a first turn a terse "it" is the pronoun, not Italy."""
        # the rules of one turn read the same clauses again (the asking clause, each sentence):
        # the last few answers are kept, and each caller gets its own copy to change
        key = (text, raw, first_turn)
        found = self._recent.get(key)
        if found is None:
            found = self._find(text, raw, first_turn)
            if len(self._recent) >= _RECENT_FINDS:
                self._recent.pop(next(iter(self._recent)))
            self._recent[key] = found
        return _copy(found)

    def _find(self, text: str, raw: str | None, first_turn: bool) -> Found:
        raw = flags_to_codes(unicodedata.normalize("NFKC", raw or text))
        mentions = self._exact(text)
        if self.pinyin_keys and not any(is_cjk(c) for c in text):
            mentions = [m for m in mentions if text[m.start : m.end] not in self.pinyin_keys]
        taken = [(m.start, m.end) for m in mentions]
        hinted = self._hinted_calls(mentions)
        shouting = _shouting(raw)
        mentions += self._codes(raw, text, taken, shouting)
        mentions += self._terse_codes(raw, text, taken, first_turn)
        mentions += self._single_characters(text, taken)
        other = [
            self.upper_places[t]
            for t in re.findall(r"\b[A-Z]{2,3}\b", raw)
            if t in self.upper_places and not (shouting and t.lower() in COMMON_ENGLISH)
        ]
        regions = list(self._regions_re.finditer(text)) if self._regions_re else []
        shield = (
            [(x.start(), x.end()) for x in self._region_shield.finditer(text)]
            if regions and self._region_shield
            else []
        )
        for m in regions:
            name = m.group(0)
            if (
                _bounded(text, m.start(), m.end(), name)
                and not _overlaps(m.start(), m.end(), taken)
                and not _overlaps(m.start(), m.end(), shield)
            ):
                for partner in self.region_partners[name]:
                    mentions.append(
                        Mention(PARTNER, partner, m.start(), m.end(), name, 100.0, "region")
                    )
                taken.append((m.start(), m.end()))
        for m in self._places_re.finditer(text) if self._places_re else ():
            place = m.group(0)
            if not place.isascii() or _bounded(text, m.start(), m.end(), place):
                # the longer name wins: 白俄罗斯 is not 俄罗斯 with a word before it
                inside = [x for x in mentions if m.start() <= x.start and x.end <= m.end()]
                if inside and all(x.end - x.start < len(place) for x in inside):
                    for x in inside:
                        mentions.remove(x)
                        taken.remove((x.start, x.end))
            if (
                not place.isascii() or _bounded(text, m.start(), m.end(), place)
            ) and not _overlaps(m.start(), m.end(), taken):
                other.append(self.other_names[place])
                taken.append((m.start(), m.end()))
        mentions += self._numbers(text, taken, hinted)
        near: list[Mention] = []
        if any(is_cjk(c) for c in text):
            topic_spans = [(m.start, m.end) for m in mentions if m.kind == TOPIC]
            cjk, cjk_near = self._cjk_fuzzy(text, taken, topic_spans)
            for hit in cjk:  # drop the shorter exact topics a longer fuzzy one covers
                if hit.kind == TOPIC:
                    inside = [
                        m
                        for m in mentions
                        if m.kind == TOPIC and hit.start <= m.start and m.end <= hit.end
                    ]
                    for m in inside:
                        mentions.remove(m)
                        taken.remove((m.start, m.end))
            mentions += cjk
            taken += [(m.start, m.end) for m in cjk]
            near += cjk_near
        if any("a" <= c <= "z" for c in text):
            latin, latin_near = self._latin_fuzzy(text, taken)
            mentions += latin
            taken += [(m.start, m.end) for m in latin]
            near += latin_near
            other += self._outside_typos(text, taken)
        names = [(x.start, x.end) for x in mentions if x.kind != TOPIC]
        names += [m.span() for m in _plain_marker_words().finditer(text)]
        spans = self._marker_spans(text, names)
        markers: dict[str, int] = {}
        for start, end, ident in spans:
            markers[ident] = max(markers.get(ident, 0), end - start)
        masked = list(text)
        for start, end in taken:
            for x in range(start, end):
                masked[x] = " "
        mentions.sort(key=lambda m: m.start)
        found = Found(text, mentions, markers, near, "".join(masked), spans, other, raw)
        return found


def _shouting(raw: str) -> bool:
    """A message written in capitals ("LIST ALL DIRECTIONS IN THE CALL"): there IN, IT, US are
    the English words, not India, Italy and the United States."""
    words = _RAW_TOKEN.findall(raw)
    if len(words) < 3:
        return False
    return sum(w.isupper() for w in words) >= 0.8 * len(words)


def flags_to_codes(text: str) -> str:
    """🇩🇪 → " DE ": flag emoji are a pair of regional indicator letters."""
    if not any("\U0001f1e6" <= c <= "\U0001f1ff" for c in text):
        return text
    out, pending = [], ""
    for c in text:
        if "\U0001f1e6" <= c <= "\U0001f1ff":
            pending += chr(ord("A") + ord(c) - 0x1F1E6)
            if len(pending) == 2:
                out.append(f" {pending} ")
                pending = ""
        else:
            out.append(c)
    return "".join(out)


def _bounded(text: str, start: int, end: int, key: str) -> bool:
    """Latin aliases need word boundaries; Chinese aliases cannot have them (Rasa issue 7421)."""
    if key[0].isascii() and key[0].isalnum() and start > 0:
        prev = text[start - 1]
        if prev.isascii() and prev.isalnum():
            return False
    if key[-1].isascii() and key[-1].isalnum() and end < len(text):
        nxt = text[end]
        if nxt.isascii() and nxt.isalnum():
            # allow a plural "s" on Latin aliases (partners, programmes)
            return nxt == "s" and (end + 1 == len(text) or not text[end + 1].isalnum())
    return True


@lru_cache(maxsize=1)
def _plain_marker_words() -> re.Pattern[str]:
    """Phrases of plain speech holding a marker word ("a general overview"): no marker there."""
    pattern = vocabulary().operations["plain_marker_words"]
    return re.compile(pattern or r"(?!)")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _non_overlapping(hits: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in sorted(hits, key=lambda m: (-m.score, -(m.end - m.start), m.start)):
        if not _overlaps(m.start, m.end, [(o.start, o.end) for o in out]):
            out.append(m)
    return out
