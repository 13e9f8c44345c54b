"""The bot's language as data: cue words, places, out-of-scope aspects, sentence shapes and the
vocabulary of compound questions (bot/data/*.yaml); the one loader of every vocabulary file.

Nothing about a particular notice lives here: which places are partners comes from the loaded
knowledge (see ``Vocabulary.partner_places``), so a knowledge file with a partner France makes
中法 and French name that partner, and one without it makes them "outside the call".

Loading: each file is parsed with libyaml's composer so every entry keeps its line, checked, and
normalised (every phrase and name in the form ``textnorm.normalize`` gives a message). Problems
are collected with file:line, like the knowledge loader's, and raised together as VocabError.
Parsing and normalising cost ~40 ms, more than the rest of a cold ``callbot ask``; the checked
result is therefore cached as JSON (data only: a cache file can never run code or crash the
loader) in the user's cache folder, keyed by the files' bytes, and a cold start reads that.
Set CALLBOT_CACHE_DIR to move the cache, or to "off".
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.intents import INTENTS, OUT_OF_SCOPE
from bot.literal_cover import frequent_cost, gated_alternatives, literal_covers
from knowledge.loader import Path_, Problem, ProblemsError, _path_str
from textnorm.normalize import is_cjk, normalize

FILES = (
    "cues.yaml",
    "places.yaml",
    "out_of_scope.yaml",
    "shapes.yaml",
    "operations.yaml",
    "pinyin_words.yaml",
)
# Patterns of shapes.yaml that the code uses by name (bot/frames.py); others serve shape_cues.
CODE_PATTERNS = ("topic_frame", "frame_words", "chat_words", "threshold", "threshold_after")
SHAPE_TEXTS = ("masked", "norm", "raw")
FLAGS = (
    "max",
    "min",
    "ranking",
    "compare",
    "followup",
    "pronoun",
    "whole",
    "exclude",
    "every",
    "listing",
    "numeral",
    "aside",
    "fit",
)
MAX_WEIGHT = 9
# Bump when the shape of the cached data changes, so an old cache is never read as new.
_CACHE_VERSION = 12
MAX_CACHE_BYTES = 8 * 1024 * 1024  # the checked vocabulary is ~1 MB; a larger file is not ours

try:  # libyaml is several times faster; the pure-Python loader gives the same nodes.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class VocabError(ProblemsError):
    """A vocabulary file cannot be used; ``problems`` says every place and why."""

    invalid = "invalid vocabulary"


@dataclass(frozen=True)
class Place:
    """A country, region or organisation people may name, in any script."""

    id: str
    en: str
    zh_hans: str
    zh_hant: str
    names: tuple[str, ...]  # normalised
    codes: tuple[str, ...]  # upper case: name the place when written in capitals
    cities: tuple[str, ...] = ()  # normalised: cities and institutions that say who the partner is

    def name(self, lang: str) -> str:
        return {"en": self.en, "zh-Hant": self.zh_hant}.get(lang, self.zh_hans)


@dataclass(frozen=True)
class Region:
    """A region of the world (Africa, 拉美), named by its member places: in a question it means
    the partners of the loaded knowledge that are members."""

    id: str
    en: str
    zh_hans: str
    zh_hant: str
    names: tuple[str, ...]  # normalised
    members: tuple[str, ...]  # place ids

    def name(self, lang: str) -> str:
        return {"en": self.en, "zh-Hant": self.zh_hant}.get(lang, self.zh_hans)


@dataclass(frozen=True)
class Notion:
    """The user's own notion of a missing aspect ("an age limit for the PI" of eligibility):
    named in the reply instead of the aspect's general phrase when ``patterns`` match."""

    id: str
    zh_hans: str
    zh_hant: str
    en: str
    patterns: str


@dataclass(frozen=True)
class Aspect:
    """Something a call has that the notice does not give (deadlines, success rates, …).
    ``words``: out-of-scope cue words of cues.yaml that name it; ``patterns``: one alternation of
    regular expressions on the folded message (bot/operations.py), "" when it has none;
    ``absolute``: the whole question is unanswerable (a budget "in 2024"); ``unless_split``: a
    direction whose money the knowledge splits by track answers it (a share per field)."""

    id: str
    words: frozenset[str]
    zh_hans: str
    zh_hant: str
    en: str
    patterns: str = ""
    absolute: bool = False
    unless_split: bool = False
    notions: tuple[Notion, ...] = ()
    # sets of literals: every match of patterns holds one of each (none: always run it)
    covers: tuple[tuple[str, ...], ...] = ()
    # the patterns' alternatives grouped by the literals they need: (literals or (), pattern)
    gates: tuple[tuple[tuple[str, ...], str], ...] = ()

    def name(self, lang: str) -> str:
        return {"en": self.en, "zh-Hant": self.zh_hant}.get(lang, self.zh_hans)


@dataclass(frozen=True)
class Vocabulary:
    cues: dict[str, dict[str, int]]  # intent -> phrase -> weight
    flags: dict[str, tuple[str, ...]]  # flag -> phrases, in the file's order
    common_english: frozenset[str]
    common_chinese: frozenset[str]  # everyday words never read as a name typed by sound
    places: tuple[Place, ...]
    aspects: tuple[Aspect, ...]
    lowercase_words: frozenset[str]  # codes that count only in capitals (it, at, de)
    patterns: dict[str, str]  # sentence shapes, parts expanded
    shape_cues: tuple[tuple[str, str, int, str], ...]  # (pattern, intent, weight, text searched)
    english_chat: frozenset[str]
    operations: dict[str, Any]  # operations.yaml: checked pattern strings (bot/operations.py)
    regions: tuple[Region, ...] = ()
    pinyin_words: tuple[str, ...] = ()  # everyday words a message typed in pinyin is made of
    pinyin_initials: dict[str, str] = field(default_factory=dict)  # "pj" -> 平均
    pinyin_slips: dict[str, str] = field(default_factory=dict)  # 平局 -> 平均
    terse_codes: dict[str, str] = field(default_factory=dict)  # "de" -> germany (terse only)
    single_characters: dict[str, str] = field(default_factory=dict)  # 俄 -> russia (alone)

    def aspects_for(self, words: Iterable[str]) -> list[Aspect]:
        """The aspects that out-of-scope cue ``words`` name, in the file's order."""
        found = set(words)
        return [a for a in self.aspects if a.words & found]

    def place_named(self, en: str) -> Place | Region | None:
        for p in (*self.places, *self.regions):
            if p.en == en:
                return p
        return None

    def partner_places(self, knowledge: Any) -> dict[str, str]:
        """Place id -> partner id, for the places that are partners of ``knowledge``: they
        share a code (FR) or a name (法国, france) after normalisation."""
        by_code: dict[str, str] = {}
        by_name: dict[str, str] = {}
        for partner in knowledge.partners:
            for code in partner.codes:
                by_code.setdefault(code.upper(), partner.id)
            names = (partner.name.zh_hans, partner.name.zh_hant, partner.name.en)
            for alias in (*names, *partner.aliases):
                by_name.setdefault(normalize(alias), partner.id)
        out: dict[str, str] = {}
        for place in self.places:
            owner = next((by_code[c] for c in place.codes if c in by_code), None)
            if owner is None:
                owner = next((by_name[n] for n in place.names if n in by_name), None)
            if owner is not None:
                out[place.id] = owner
        return out


# -- reading ------------------------------------------------------------------------------------


def _data_dir() -> str:
    return os.path.join(os.path.dirname(__file__), "data")


def _read(folder: str, name: str) -> bytes:
    """Bytes of a vocabulary file, from a source tree, an installed wheel or a zip."""
    path = os.path.join(folder, name)
    try:
        return __loader__.get_data(path)  # type: ignore[attr-defined]
    except (NameError, AttributeError, OSError):
        if folder != _data_dir():
            raise
        from importlib.resources import files

        return files("bot.data").joinpath(name).read_bytes()


class _File:
    """One parsed file: plain data with the line of every path, and its problems."""

    def __init__(self, name: str, text: bytes, problems: list[Problem]):
        self.name = name
        self.problems = problems
        self.lines: dict[Path_, int] = {}
        self._constructor = yaml.constructor.SafeConstructor()
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else None
            problems.append(Problem(name, line, "", f"not valid YAML: {exc}"))
            self.data: Any = None
            return
        self.data = self._build(node, ()) if node is not None else None

    def _build(self, node: yaml.Node, path: Path_) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)  # a key's own line comes first
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._build(key_node, path + ("?",))
                if not isinstance(key, (str, int)):
                    key = str(key)
                if key in out:
                    self.fail(path + (key,), f"{key!r} is listed twice", key_node)
                    continue
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                out[key] = self._build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self._build(child, path + (i,)) for i, child in enumerate(node.value)]
        return self._constructor.construct_object(node, deep=True)

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def fail(self, path: Path_, message: str, node: yaml.Node | None = None) -> None:
        line = node.start_mark.line + 1 if node is not None else self.line(path)
        self.problems.append(Problem(self.name, line, _path_str(path), message))

    def mapping(self, data: Any, path: Path_) -> dict:
        if not isinstance(data, dict):
            self.fail(path, f"expected a mapping, got {type(data).__name__}")
            return {}
        return data

    def strings(self, data: Any, path: Path_) -> list[tuple[Path_, str]]:
        if not isinstance(data, list):
            self.fail(path, f"expected a list, got {type(data).__name__}")
            return []
        out = []
        for i, item in enumerate(data):
            if isinstance(item, str) and item.strip():
                out.append((path + (i,), item))
            else:
                self.fail(path + (i,), f"expected a word or phrase, got {item!r}")
        return out

    def text(self, obj: dict, key: str, path: Path_, required: bool = True) -> str:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is not None or required:
            self.fail(path + (key,), f"expected a text, got {value!r}")
        return ""

    def format(self, top: dict) -> None:
        if top.get("format") != 1:
            self.fail(("format",), f"format must be 1, got {top.get('format')!r}")
            return


def _phrase(f: _File, path: Path_, phrase: str) -> str:
    """A cue phrase must be written as a message reads after normalisation, or it never
    matches ("per-project" reads "per project")."""
    key = normalize(phrase)
    if key != phrase:
        f.fail(path, f"{phrase!r} reads {key!r} after normalisation: write it that way")
    return key


def _cues(f: _File, out: dict) -> None:
    top = f.mapping(f.data, ())
    f.format(top)
    intents = f.mapping(top.get("intents"), ("intents",))
    known = {*INTENTS, OUT_OF_SCOPE}
    cues: dict[str, dict[str, int]] = {}
    for intent, table in intents.items():
        path: Path_ = ("intents", intent)
        if intent not in known:
            f.fail(path, f"unknown intent {intent!r} (known: {', '.join(sorted(known))})")
            continue
        phrases: dict[str, int] = {}
        for phrase, weight in f.mapping(table, path).items():
            p = path + (phrase,)
            if not isinstance(phrase, str) or not phrase.strip():
                f.fail(p, f"expected a word or phrase, got {phrase!r}")
                continue
            if not isinstance(weight, int) or isinstance(weight, bool):
                f.fail(p, f"weight must be a whole number, got {weight!r}")
                continue
            if not 0 <= weight <= MAX_WEIGHT:
                f.fail(p, f"weight must be 0..{MAX_WEIGHT}, got {weight}")
                continue
            phrases[_phrase(f, p, phrase)] = weight
        cues[intent] = phrases
    flags_data = f.mapping(top.get("flags"), ("flags",))
    flags: dict[str, list[str]] = {}
    for flag in FLAGS:
        if flag not in flags_data:
            f.fail(("flags",), f"flag {flag!r} is missing")
    for flag, words in flags_data.items():
        if flag not in FLAGS:
            f.fail(("flags", flag), f"unknown flag {flag!r} (known: {', '.join(FLAGS)})")
            continue
        items = f.strings(words, ("flags", flag))
        flags[flag] = list(dict.fromkeys(_phrase(f, p, w) for p, w in items))
    common = f.strings(top.get("common_english"), ("common_english",))
    out["cues"] = cues
    out["flags"] = flags
    out["common_english"] = list(dict.fromkeys(_phrase(f, p, w) for p, w in common))
    common_zh = f.strings(top.get("common_chinese", []), ("common_chinese",))
    out["common_chinese"] = list(dict.fromkeys(w for _, w in common_zh))


def _claim(
    f: _File,
    data: Any,
    path: Path_,
    kind: str,
    pid: str,
    owners: dict[str, tuple[str, int | None]],
) -> list[str]:
    """The normalised names of one place; a name another place already owns is a problem."""
    keys: list[str] = []
    for p, name in f.strings(data, path):
        key = normalize(name)
        if not key:
            f.fail(p, f"{kind} {name!r} is empty after normalisation")
            continue
        if key in owners and owners[key][0] != pid:
            first = owners[key]
            f.fail(p, f"{kind} {name!r} already names {first[0]} (line {first[1]})")
            continue
        owners[key] = (pid, f.line(p))
        keys.append(key)
    return keys


def _identified(
    f: _File, items: list, key: str, what: str, taken: Collection[str] = ()
) -> Iterator[tuple[Path_, dict, str]]:
    """Each item of the list ``key`` as a mapping, with its path and its id; an id used twice,
    or one of ``taken``, is a problem."""
    seen: set[str] = set()
    for i, item in enumerate(items):
        path: Path_ = (key, i)
        item = f.mapping(item, path)
        ident = f.text(item, "id", path)
        if ident in seen or ident in taken:
            f.fail(path + ("id",), f"{what} id {ident!r} is used twice")
        seen.add(ident)
        yield path, item, ident


def _regions(
    f: _File, top: dict, place_ids: set[str], owners: dict[str, tuple[str, int | None]]
) -> list[dict]:
    """The regions: names no place owns, members that are places of the same file."""
    regions = []
    raw = top.get("regions") or []
    if not isinstance(raw, list):
        f.fail(("regions",), "expected a list of regions")
        return []
    for path, item, rid in _identified(f, raw, "regions", "region", place_ids):
        zh = f.text(item, "zh-Hans", path)
        names = _claim(f, item.get("names"), path + ("names",), "name", rid, owners)
        members = []
        for p, member in f.strings(item.get("members"), path + ("members",)):
            if member not in place_ids:
                f.fail(p, f"member {member!r} is not a place id of this file")
                continue
            members.append(member)
        regions.append(
            {
                "id": rid,
                "en": f.text(item, "en", path),
                "zh-Hans": zh,
                "zh-Hant": f.text(item, "zh-Hant", path, required=False) or _hant(zh),
                "names": list(dict.fromkeys(names)),
                "members": list(dict.fromkeys(members)),
            }
        )
    return regions


def _places(f: _File, out: dict) -> None:
    top = f.mapping(f.data, ())
    f.format(top)
    places = []
    owners: dict[str, tuple[str, int | None]] = {}
    for path, item, pid in _identified(f, top.get("places") or [], "places", "place"):
        zh = f.text(item, "zh-Hans", path)
        names = _claim(f, item.get("names"), path + ("names",), "name", pid, owners)
        codes = []
        for p, code in f.strings(item.get("codes") or [], path + ("codes",)):
            if not (code.isascii() and code.isalpha() and code.isupper() and 2 <= len(code) <= 3):
                f.fail(p, f"a code is two or three capital letters, got {code!r}")
                continue
            codes.append(code)
        cities = _claim(f, item.get("cities") or [], path + ("cities",), "city", pid, owners)
        places.append(
            {
                "id": pid,
                "cities": list(dict.fromkeys(cities)),
                "en": f.text(item, "en", path),
                "zh-Hans": zh,
                "zh-Hant": f.text(item, "zh-Hant", path, required=False) or _hant(zh),
                "names": list(dict.fromkeys(names)),
                "codes": codes,
            }
        )
    if not isinstance(top.get("places"), list):
        f.fail(("places",), "expected a list of places")
    out["places"] = places
    out["regions"] = _regions(f, top, {p["id"] for p in places}, owners)
    words = []
    for p, word in f.strings(top.get("lowercase_words"), ("lowercase_words",)):
        if not (word.isascii() and word.isalpha() and word.islower()):
            f.fail(p, f"expected a lower-case word, got {word!r}")
        words.append(word)
    out["lowercase_words"] = words
    ids = {p["id"] for p in places}
    out["terse_codes"] = _keys_to_places(
        f,
        top,
        "terse_codes",
        ids,
        lambda k: k.isascii() and k.isalpha() and k.islower(),
        "a terse code is a lower-case word",
    )
    out["single_characters"] = _keys_to_places(
        f,
        top,
        "single_characters",
        ids,
        lambda k: len(k) == 1 and is_cjk(k),
        "expected one Chinese character",
    )


def _keys_to_places(
    f: _File, top: dict, key: str, ids: set[str], valid: Callable[[str], bool], what: str
) -> dict[str, str]:
    """A table of short keys naming places ("de: germany", "俄: russia"): each key checked by
    ``valid``, each value a place id of the file; problems name the key."""
    out: dict[str, str] = {}
    for k, place in f.mapping(top.get(key) or {}, (key,)).items():
        path = (key, str(k))
        if not (isinstance(k, str) and valid(k)):
            f.fail(path, f"{what}, got {k!r}")
        elif place not in ids:
            f.fail(path, f"{place!r} is not a place id of this file")
        else:
            out[k] = place
    return out


def _aspects(f: _File, out: dict, oos_words: set[str]) -> None:
    top = f.mapping(f.data, ())
    f.format(top)
    frequent = frozenset(w.lower() for _, w in f.strings(top.get("frequent") or [], ("frequent",)))
    aspects = []
    for path, item, aid in _identified(f, top.get("aspects") or [], "aspects", "aspect"):
        words = []
        for p, word in f.strings(item.get("words") or [], path + ("words",)):
            key = _phrase(f, p, word)
            if oos_words and key not in oos_words:
                f.fail(p, f"{word!r} is not an out-of-scope cue in cues.yaml: it never matches")
            words.append(key)
        patterns = ""
        if item.get("patterns") is not None:
            patterns = _alternation(f, item["patterns"], path + ("patterns",)) or ""
        if "words" not in item and "patterns" not in item:
            f.fail(path, "an aspect needs words (cues.yaml) or patterns (regular expressions)")
        absolute = item.get("absolute", False)
        if not isinstance(absolute, bool):
            f.fail(path + ("absolute",), f"absolute is true or false, got {absolute!r}")
        unless_split = item.get("unless_split", False)
        if not isinstance(unless_split, bool):
            f.fail(path + ("unless_split",), f"unless_split is true or false: {unless_split!r}")
        zh = f.text(item, "zh-Hans", path)
        notions = []
        for j, n in enumerate(item.get("notions") or []):
            npath: Path_ = path + ("notions", j)
            n = f.mapping(n, npath)
            nzh = f.text(n, "zh-Hans", npath)
            notions.append(
                {
                    "id": f.text(n, "id", npath),
                    "zh-Hans": nzh,
                    "zh-Hant": f.text(n, "zh-Hant", npath, required=False) or _hant(nzh),
                    "en": f.text(n, "en", npath),
                    "patterns": _alternation(f, n.get("patterns"), npath + ("patterns",)) or "",
                }
            )
        aspects.append(
            {
                "id": aid,
                "zh-Hans": zh,
                "zh-Hant": f.text(item, "zh-Hant", path, required=False) or _hant(zh),
                "en": f.text(item, "en", path),
                "words": words,
                "patterns": patterns,
                "cover": _covers(patterns, frequent),
                "gates": gated_alternatives(patterns, frequent_cost(frequent)) if patterns else [],
                "absolute": absolute is True,
                "unless_split": unless_split is True,
                "notions": notions,
            }
        )
    if not isinstance(top.get("aspects"), list):
        f.fail(("aspects",), "expected a list of aspects")
    out["aspects"] = aspects


_PART = re.compile(r"<<([a-z_]+)>>")


def _shapes(f: _File, out: dict) -> None:
    top = f.mapping(f.data, ())
    f.format(top)
    parts = f.mapping(top.get("parts") or {}, ("parts",))
    patterns: dict[str, str] = {}
    for name, pattern in f.mapping(top.get("patterns"), ("patterns",)).items():
        path: Path_ = ("patterns", name)
        if not isinstance(pattern, str) or not pattern:
            f.fail(path, f"expected a regular expression, got {pattern!r}")
            continue
        missing = [m for m in _PART.findall(pattern) if not isinstance(parts.get(m), str)]
        if missing:
            f.fail(path, f"unknown part <<{missing[0]}>> (parts: {', '.join(parts)})")
            continue
        expanded = _PART.sub(lambda m: parts[m.group(1)], pattern)
        try:
            re.compile(expanded)
        except re.error as exc:
            f.fail(path, f"not a valid regular expression: {exc}")
            continue
        patterns[name] = expanded
    for name in CODE_PATTERNS:
        if name not in patterns and not any(p.field == f"patterns.{name}" for p in f.problems):
            f.fail(("patterns",), f"pattern {name!r} is missing (the code uses it)")
    cues = []
    known = {*INTENTS, OUT_OF_SCOPE}
    items = top.get("shape_cues")
    for i, item in enumerate(items if isinstance(items, list) else []):
        path = ("shape_cues", i)
        item = f.mapping(item, path)
        pattern, intent = item.get("pattern"), item.get("intent")
        weight, where = item.get("weight"), item.get("in", "masked")
        if pattern not in patterns:
            f.fail(path + ("pattern",), f"unknown pattern {pattern!r}")
        elif intent not in known:
            f.fail(path + ("intent",), f"unknown intent {intent!r}")
        elif not isinstance(weight, int) or isinstance(weight, bool) or not 0 < weight <= 9:
            f.fail(path + ("weight",), f"weight must be 1..9, got {weight!r}")
        elif where not in SHAPE_TEXTS:
            f.fail(path + ("in",), f"in must be one of {', '.join(SHAPE_TEXTS)}, got {where!r}")
        else:
            cues.append([pattern, intent, weight, where])
    if not isinstance(items, list):
        f.fail(("shape_cues",), "expected a list")
    words = f.strings(top.get("english_chat"), ("english_chat",))
    out["patterns"] = patterns
    out["shape_cues"] = cues
    out["english_chat"] = list(dict.fromkeys(_phrase(f, p, w) for p, w in words))


# -- operations.yaml: the vocabulary of compound questions ---------------------------------------

MEASURES = ("average", "count", "total", "fields", "period")
OPERATIONS = ("each", "sum", "ratio", "difference", "percent_more", "same", "more")
COMPARATORS = (">=", "<=", "==", ">", "<")
COURTESY = ("greeting", "thanks", "acknowledgement", "about_asker", "lead_in", "asks")
ORDINAL_KEYS = (
    "zh",
    "en",
    "en_shaped",
    "en_counted_before",
    "en_counted_after",
    "bottom_words",
    "context",
    "ascending",
)
# one alternation each, read by bot/operations.py under the same name
ALTERNATIONS = (
    "refer_previous",
    "list_back",
    "between",
    "only",
    "exclusive",
    "boundary_excluded",
    "inclusive",
    "whole_notice",
    "asks_quantity",
    "what_can_you_do",
    "superlative",
    "ranking",
    "yes_no",
    "request_card",
    "add_previous",
    "join_previous",
    "follow_up",
    "pronoun",
    "directions_count",
    "correction",
    "related_to",
    "only_one",
    "among_previous",
    "one_of_listed",
    "set_aside_previous",
    "tracks_counted_note",
    "worked_together",
    "call_included",
    "included_aside",
    "plain_marker_words",
    "counting_note",
    "asked_before",
    "call_added_after",
    "every_direction_counted",
    "asker_context",
    "call_wide",
    "purpose_of_asker",
    "purpose_lead",
    "purpose_trail",
    "which_are_they",
    "origin_only",
    "asker_work_referred",
    "year_of_asker",
    "presence_stated",
    "partnership_stated",
    "plan_stated",
    "limit_asked",
    "institution_after",
    "institution_before",
    "place_institution_after",
    "partner_institution_after",
    "partner_institution_before",
    "place_as_direction_before",
    "place_as_direction_after",
    "partner_list_asked",
    "per_direction",
    "partner_column",
    "reply_format",
    "share",
    "share_inside_a_project",
    "rank_top",
    "rank_bottom",
    "selected_by_value",
    "per_direction_average",
    "mean_of_values",
    "call_as_a_whole",
    "difference_asked",
    "partner_has_directions",
    "fraction_asked",
    "reverse_asked",
    "counted_in_too",
    "counted_in_the_pool",
    "listed_in_all",
    "qualifier_counted_note",
    "share_of_directions",
    "as_many_as",
    "question_joined",
)
# lists of patterns kept apart: their group names repeat from pattern to pattern
SEPARATE = {"top_n": ("n", "dir"), "relative": ("f", "below"), "above_mean": ("cmp",)}
GROUPS = {
    "related_to": ("t",),
    "between": ("a", "b"),
    "ordinals.zh": ("n",),
    "ordinals.en": ("n",),
    "ordinals.en_shaped": ("n",),
    "ordinals.en_counted_before": ("n",),
    "ordinals.en_counted_after": ("n",),
}


def _regex(f: _File, path: Path_, pattern: Any) -> str | None:
    if not isinstance(pattern, str) or not pattern.strip():
        f.fail(path, f"expected a regular expression, got {pattern!r}")
        return None
    try:
        re.compile(pattern)
    except re.error as exc:
        f.fail(path, f"not a valid regular expression: {exc}")
        return None
    return pattern


def _alternation(f: _File, data: Any, path: Path_, groups: tuple[str, ...] = ()) -> str | None:
    """A non-empty list of patterns as one alternation; each is compiled alone to name its
    line, and the groups the code reads must be there."""
    if not isinstance(data, list) or not data:
        f.fail(path, "expected a non-empty list of regular expressions")
        return None
    parts = [_regex(f, path + (i,), item) for i, item in enumerate(data)]
    if None in parts:
        return None
    joined = "|".join(f"(?:{p})" for p in parts)
    missing = [g for g in groups if g not in re.compile(joined).groupindex]
    if missing:
        f.fail(path, f"needs the group(s) {', '.join(f'(?P<{g}>…)' for g in missing)}")
        return None
    return joined


def _table(
    f: _File, data: Any, path: Path_, keys: tuple[str, ...], free: bool = False
) -> dict[str, str]:
    """A mapping of alternations; ``keys`` must all be there (``free``: others may be too)."""
    table = f.mapping(data, path)
    out: dict[str, str] = {}
    for key in keys:
        if key not in table:
            f.fail(path, f"{_path_str(path)} lacks {key!r}")
    for key, value in table.items():
        if key not in keys and not free:
            f.fail(path + (key,), f"unknown key {key!r} (known: {', '.join(keys)})")
            continue
        found = _alternation(f, value, path + (key,), GROUPS.get(f"{_path_str(path)}.{key}", ()))
        if found is not None:
            out[str(key)] = found
    return out


def _operations(f: _File, out: dict) -> None:
    top = f.mapping(f.data, ())
    if "missing_aspects" in top:
        f.fail(
            ("missing_aspects",),
            "missing aspects live in out_of_scope.yaml (aspects:, with patterns:)",
        )
    ops: dict[str, Any] = {}
    ops["measures"] = _table(f, top.get("measures"), ("measures",), MEASURES)
    ops["operations"] = _table(f, top.get("operations"), ("operations",), OPERATIONS)
    ops["comparators"] = _table(f, top.get("comparators"), ("comparators",), COMPARATORS)
    ops["courtesy"] = _table(f, top.get("courtesy"), ("courtesy",), COURTESY)
    ops["ordinals"] = _table(f, top.get("ordinals"), ("ordinals",), ORDINAL_KEYS)
    how_many = _table(f, top.get("how_many_previous"), ("how_many_previous",), (), free=True)
    for key in how_many:
        if not key.isdigit():
            f.fail(("how_many_previous", key), "how_many_previous keys are numbers")
    ops["how_many_previous"] = how_many
    ops["qualifier_excluded_note"] = _table(
        f, top.get("qualifier_excluded_note"), ("qualifier_excluded_note",), ("about", "up_to")
    )
    units = _table(f, top.get("money_units"), ("money_units",), (), free=True)
    for key in units:
        if not re.fullmatch(r"\d+(?:\.\d+)?", key):
            f.fail(("money_units", key), "money_units keys are numbers (the unit's worth in 万元)")
    if not units:
        f.fail(("money_units",), "expected at least one money unit")
    ops["money_units"] = units
    for key in ALTERNATIONS:
        if key not in top:
            f.fail((), f"the file lacks {key!r}")
            continue
        ops[key] = _alternation(f, top[key], (key,), GROUPS.get(key, ())) or ""
    for key, groups in SEPARATE.items():
        items = top.get(key)
        if not isinstance(items, list) or not items:
            f.fail((key,), "expected a non-empty list of regular expressions")
            continue
        ops[key] = [
            item for i, item in enumerate(items) if _alternation(f, [item], (key, i), groups)
        ]
    out["operations"] = ops


def _pinyin_words(f: _File, out: dict) -> None:
    """Everyday Chinese words for reading a message typed in toneless pinyin: each one written
    in Chinese characters as a message reads after normalisation, listed once."""
    top = f.mapping(f.data, ())
    f.format(top)
    words: list[str] = []
    for path, word in f.strings(top.get("words"), ("words",)):
        word = _phrase(f, path, word)
        if not all(is_cjk(ch) for ch in word):
            f.fail(path, f"{word!r} is not written in Chinese characters alone")
        elif word in words:
            f.fail(path, f"{word!r} is listed twice")
        else:
            words.append(word)
    out["pinyin_words"] = words
    # measure words typed as pinyin initials ("pj" 平均) and input-method slips (平局 for 平均)
    initials: dict[str, str] = {}
    for key, word in f.mapping(top.get("initials", {}), ("initials",)).items():
        path = ("initials", key)
        if not (isinstance(key, str) and key.isascii() and key.isalpha() and key.islower()):
            f.fail(path, f"{key!r} must be lower-case Latin letters")
        elif not (isinstance(word, str) and word and all(is_cjk(ch) for ch in word)):
            f.fail(path, f"{word!r} must be written in Chinese characters")
        else:
            initials[key] = normalize(word)
    slips: dict[str, str] = {}
    for key, word in f.mapping(top.get("slips", {}), ("slips",)).items():
        path = ("slips", key)
        if not all(isinstance(x, str) and x and all(is_cjk(ch) for ch in x) for x in (key, word)):
            f.fail(path, f"{key!r}: {word!r} must both be written in Chinese characters")
        else:
            slips[key] = word
    out["pinyin_initials"] = initials
    out["pinyin_slips"] = slips


def _covers(patterns: str, frequent: frozenset[str]) -> list[list[str]]:
    """Sets of literals, each of which any match of ``patterns`` holds one of, the rarest
    first (bot/literal_cover.py); computed once with the checked data and cached with it."""
    covers = literal_covers(patterns, frequent_cost(frequent)) if patterns else []
    return [sorted(c, key=lambda s: (-len(s), s)) for c in covers]


def _hant(text: str) -> str:
    from textnorm.chinese import to_traditional

    return to_traditional(text)


def parse_vocabulary(sources: dict[str, bytes], folder: str = "") -> dict:
    """Check the files and return their plain, normalised data; VocabError if wrong."""
    problems: list[Problem] = []
    out: dict = {}
    files = {
        name: _File(os.path.join(folder, name) if folder else name, sources[name], problems)
        for name in FILES
    }
    _cues(files["cues.yaml"], out)
    _places(files["places.yaml"], out)
    _aspects(files["out_of_scope.yaml"], out, set(out["cues"].get(OUT_OF_SCOPE, {})))
    _shapes(files["shapes.yaml"], out)
    _operations(files["operations.yaml"], out)
    _pinyin_words(files["pinyin_words.yaml"], out)
    if problems:
        raise VocabError(problems)
    return out


def _build(data: dict) -> Vocabulary:
    return Vocabulary(
        cues=data["cues"],
        flags={k: tuple(v) for k, v in data["flags"].items()},
        common_english=frozenset(data["common_english"]),
        common_chinese=frozenset(data.get("common_chinese", ())),
        places=tuple(
            Place(
                p["id"],
                p["en"],
                p["zh-Hans"],
                p["zh-Hant"],
                tuple(p["names"]),
                tuple(p["codes"]),
                tuple(p.get("cities", ())),
            )
            for p in data["places"]
        ),
        aspects=tuple(
            Aspect(
                a["id"],
                frozenset(a["words"]),
                a["zh-Hans"],
                a["zh-Hant"],
                a["en"],
                a["patterns"],
                a["absolute"],
                a.get("unless_split", False),
                tuple(
                    Notion(n["id"], n["zh-Hans"], n["zh-Hant"], n["en"], n["patterns"])
                    for n in a.get("notions", ())
                ),
                tuple(tuple(c) for c in a.get("cover") or ()),
                tuple((tuple(lits), p) for lits, p in a.get("gates") or ()),
            )
            for a in data["aspects"]
        ),
        lowercase_words=frozenset(data["lowercase_words"]),
        patterns=data["patterns"],
        shape_cues=tuple((p, i, w, t) for p, i, w, t in data["shape_cues"]),
        english_chat=frozenset(data["english_chat"]),
        regions=tuple(
            Region(
                r["id"],
                r["en"],
                r["zh-Hans"],
                r["zh-Hant"],
                tuple(r["names"]),
                tuple(r["members"]),
            )
            for r in data["regions"]
        ),
        operations=data["operations"],
        pinyin_words=tuple(data.get("pinyin_words", ())),
        pinyin_initials=dict(data.get("pinyin_initials", {})),
        pinyin_slips=dict(data.get("pinyin_slips", {})),
        terse_codes=dict(data.get("terse_codes", {})),
        single_characters=dict(data.get("single_characters", {})),
    )


# -- cache --------------------------------------------------------------------------------------


def _cache_dir() -> str | None:
    chosen = os.environ.get("CALLBOT_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else chosen
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "callbot")


def _cache_key(sources: dict[str, bytes]) -> str:
    crc = _CACHE_VERSION
    size = 0
    for name in FILES:
        crc = zlib.crc32(name.encode() + sources[name], crc)
        size += len(sources[name])
    return f"vocab-{crc:08x}-{size}.json"


_KEYS = (
    "cues",
    "flags",
    "common_english",
    "common_chinese",
    "places",
    "aspects",
    "lowercase_words",
    "patterns",
)
_KEYS += ("shape_cues", "english_chat", "regions", "operations")


def _cached(folder: str | None, key: str) -> dict | None:
    if not folder:
        return None
    try:
        with open(os.path.join(folder, key), "rb") as fh:
            raw = fh.read(MAX_CACHE_BYTES + 1)
        if len(raw) > MAX_CACHE_BYTES:
            return None
        data = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if isinstance(data, dict) and set(_KEYS) <= set(data):
        return data
    return None


def _store(folder: str | None, key: str, data: dict) -> None:
    """Best effort: a read-only home or a full disk only costs the next start its parse."""
    if not folder:
        return
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        tmp = os.path.join(folder, f".{key}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, os.path.join(folder, key))
    except (OSError, TypeError, ValueError):
        pass


def load_vocabulary(folder: str | Path | None = None, cache: bool = True) -> Vocabulary:
    """The vocabulary of ``folder`` (default: the package's bot/data), checked."""
    where = str(folder) if folder is not None else _data_dir()
    sources = {name: _read(where, name) for name in FILES}
    key = _cache_key(sources)
    cache_dir = _cache_dir() if cache else None
    data = _cached(cache_dir, key)
    if data is None:
        data = parse_vocabulary(sources, where)
        _store(cache_dir, key, data)
    return _build(data)


_VOCAB: Vocabulary | None = None


def vocabulary() -> Vocabulary:
    """The package's vocabulary, loaded once per process."""
    global _VOCAB
    if _VOCAB is None:
        _VOCAB = load_vocabulary()
    return _VOCAB


def main(argv: list[str] | None = None) -> int:
    """``python -m bot.vocab [FOLDER]``: check the vocabulary files, list every problem."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    folder = args[0] if args else None
    try:
        v = load_vocabulary(folder, cache=False)
    except VocabError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except OSError as exc:
        print(exc, file=sys.stderr)
        return 1
    n_cues = sum(len(c) for c in v.cues.values())
    print(
        f"{folder or _data_dir()}: OK — {n_cues} cue words, {len(v.places)} places, "
        f"{len(v.aspects)} out-of-scope aspects, {len(v.patterns)} sentence shapes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
