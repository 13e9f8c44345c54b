"""The vocabulary of compound questions (bot/data/operations.yaml) and the detectors built on it:
which measures a message asks, which operation (sum, difference, ratio, same, which is more),
an ordinal position, a threshold or range on a measure, and aspects the notice does not give.

The YAML is loaded and validated by bot/vocab.py, the loader of every vocabulary file (a bad
pattern or a missing key is reported with the file and line, like an error in the knowledge file;
the checked patterns are cached with the rest); this module compiles them. The missing aspects
come from out_of_scope.yaml, the one list of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from bot.vocab import COMPARATORS, MEASURES, OPERATIONS, vocabulary
from bot.vocab import Vocabulary as Data
from textnorm.normalize import chinese_to_int, fold


@dataclass(frozen=True)
class Aspect:
    """An aspect the notice does not give that a pattern finds (out_of_scope.yaml)."""

    id: str
    zh: str
    en: str
    absolute: bool
    pattern: re.Pattern[str]
    unless_split: bool = False  # answered for a direction with money per track
    # the user's own notions of it: (id, zh-Hans, en, pattern), named in the reply instead
    notions: tuple[tuple[str, str, str, re.Pattern[str]], ...] = ()
    # every text the pattern matches holds one literal of each: checked first, the rarest first
    prefilters: tuple[re.Pattern[str], ...] = ()
    # the pattern's alternatives by the literals they need (None: always run): one of them
    # matches exactly when the whole pattern does, and most wait for a literal not there
    gates: tuple[tuple[re.Pattern[str] | None, re.Pattern[str]], ...] = ()

    def may_be_in(self, text: str) -> bool:
        """False when the pattern cannot match: a needed literal is missing."""
        return all(p.search(text) for p in self.prefilters)

    def matched(self, text: str) -> bool:
        """pattern.search(text), one gated alternative group at a time."""
        if not self.gates:
            return bool(self.pattern.search(text))
        for gate, part in self.gates:
            if (gate is None or gate.search(text)) and part.search(text):
                return True
        return False


@dataclass(frozen=True)
class Vocabulary:
    measures: dict[str, re.Pattern[str]]
    operations: dict[str, re.Pattern[str]]
    refer_previous: re.Pattern[str]
    list_back: re.Pattern[str]
    how_many_previous: dict[int, re.Pattern[str]]
    ordinals: list[re.Pattern[str]]
    bottom_words: re.Pattern[str]
    ordinal_context: re.Pattern[str]
    ascending: re.Pattern[str]
    comparators: dict[str, str]  # alternation per operator
    money_units: dict[float, str]  # a unit's alternation by its worth in 万元
    between: re.Pattern[str]
    only: re.Pattern[str]
    exclusive: re.Pattern[str]
    boundary_excluded: re.Pattern[str]
    inclusive: re.Pattern[str]
    whole_notice: re.Pattern[str]
    aspects: list[Aspect]
    asks_quantity: re.Pattern[str]
    what_can_you_do: re.Pattern[str]
    superlative: re.Pattern[str]
    ranking: re.Pattern[str]
    yes_no: re.Pattern[str]
    request_card: re.Pattern[str]
    courtesy: dict[str, str]  # greeting, thanks, about_asker, lead_in: alternations
    add_previous: re.Pattern[str]
    join_previous: re.Pattern[str]
    follow_up: re.Pattern[str]
    relative: list[re.Pattern[str]]
    pronoun: re.Pattern[str]
    directions_count: re.Pattern[str]
    correction: re.Pattern[str]
    related_to: re.Pattern[str]
    only_one: re.Pattern[str]
    among_previous: re.Pattern[str]
    one_of_listed: re.Pattern[str]
    tracks_counted_note: re.Pattern[str]
    worked_together: re.Pattern[str]
    set_aside_previous: re.Pattern[str]
    call_included: re.Pattern[str]
    included_aside: re.Pattern[str]
    counting_note: re.Pattern[str]
    asked_before: re.Pattern[str]
    call_added_after: re.Pattern[str]
    every_direction_counted: re.Pattern[str]
    asker_context: re.Pattern[str]
    call_wide: re.Pattern[str]
    purpose_of_asker: re.Pattern[str]
    purpose_lead: re.Pattern[str]
    purpose_trail: re.Pattern[str]
    which_are_they: re.Pattern[str]
    origin_only: re.Pattern[str]
    asker_work_referred: re.Pattern[str]
    year_of_asker: re.Pattern[str]
    presence_stated: re.Pattern[str]
    partnership_stated: re.Pattern[str]
    plan_stated: re.Pattern[str]
    limit_asked: re.Pattern[str]
    institution_after: re.Pattern[str]
    place_institution_after: re.Pattern[str]
    partner_institution_after: re.Pattern[str]
    partner_institution_before: re.Pattern[str]
    place_as_direction_before: re.Pattern[str]
    place_as_direction_after: re.Pattern[str]
    partner_list_asked: re.Pattern[str]
    institution_before: re.Pattern[str]
    per_direction: re.Pattern[str]
    partner_column: re.Pattern[str]
    reply_format: re.Pattern[str]
    share: re.Pattern[str]
    share_inside_a_project: re.Pattern[str]
    top_n: list[re.Pattern[str]]
    rank_top: re.Pattern[str]
    rank_bottom: re.Pattern[str]
    selected_by_value: re.Pattern[str]
    per_direction_average: re.Pattern[str]
    mean_of_values: re.Pattern[str]
    call_as_a_whole: re.Pattern[str]
    difference_asked: re.Pattern[str]
    partner_has_directions: re.Pattern[str]
    fraction_asked: re.Pattern[str]
    reverse_asked: re.Pattern[str]
    counted_in_too: re.Pattern[str]
    counted_in_the_pool: re.Pattern[str]
    listed_in_all: re.Pattern[str]
    qualifier_counted_note: re.Pattern[str]
    qualifier_excluded_note: dict[str, re.Pattern[str]]
    share_of_directions: re.Pattern[str]
    above_mean: list[re.Pattern[str]]
    as_many_as: re.Pattern[str]
    question_joined: re.Pattern[str]


class _Lazy:
    """A pattern compiled on first use: the vocabulary holds hundreds of long alternations and a
    cold `callbot ask` read them all at import (bench/bench_core.py). After the first use the
    compiled pattern's own methods sit on the instance, so later calls cost nothing extra."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __getattr__(self, name: str) -> Any:  # only reached before the first use
        compiled = re.compile(self.pattern)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def compile_vocabulary(data: Data) -> Vocabulary:
    """The patterns of a checked vocabulary (bot/vocab.py), compiled on first use (a bad pattern
    is already reported at load, with its file and line, by bot/vocab.py)."""
    ops: dict[str, Any] = data.operations
    c: Any = _Lazy
    ords = ops["ordinals"]
    return Vocabulary(
        measures={m: c(ops["measures"][m]) for m in MEASURES},
        operations={o: c(ops["operations"][o]) for o in OPERATIONS},
        refer_previous=c(ops["refer_previous"]),
        list_back=c(ops["list_back"]),
        how_many_previous={int(n): c(p) for n, p in ops["how_many_previous"].items()},
        ordinals=[
            c(ords[key])
            for key in ("zh", "en", "en_shaped", "en_counted_before", "en_counted_after")
        ],
        bottom_words=c(ords["bottom_words"]),
        ordinal_context=c(ords["context"]),
        ascending=c(ords["ascending"]),
        comparators=dict(ops["comparators"]),
        money_units={float(worth): p for worth, p in ops["money_units"].items()},
        between=c(ops["between"]),
        only=c(ops["only"]),
        exclusive=c(ops["exclusive"]),
        boundary_excluded=c(ops["boundary_excluded"]),
        inclusive=c(ops["inclusive"]),
        whole_notice=c(ops["whole_notice"]),
        aspects=[
            Aspect(
                a.id,
                a.zh_hans,
                a.en,
                a.absolute,
                c(a.patterns),
                a.unless_split,
                tuple((n.id, n.zh_hans, n.en, c(n.patterns)) for n in a.notions if n.patterns),
                tuple(c("|".join(map(re.escape, cover))) for cover in a.covers),
                tuple(
                    (c("|".join(map(re.escape, lits))) if lits else None, c(part))
                    for lits, part in a.gates
                ),
            )
            for a in data.aspects
            if a.patterns
        ],
        asks_quantity=c(ops["asks_quantity"]),
        what_can_you_do=c(ops["what_can_you_do"]),
        superlative=c(ops["superlative"]),
        ranking=c(ops["ranking"]),
        yes_no=c(ops["yes_no"]),
        request_card=c(ops["request_card"]),
        courtesy=dict(ops["courtesy"]),
        add_previous=c(ops["add_previous"]),
        join_previous=c(ops["join_previous"]),
        follow_up=c(ops["follow_up"]),
        relative=[c(p) for p in ops["relative"]],
        pronoun=c(ops["pronoun"]),
        directions_count=c(ops["directions_count"]),
        correction=c(ops["correction"]),
        related_to=c(ops["related_to"]),
        only_one=c(ops["only_one"]),
        among_previous=c(ops["among_previous"]),
        one_of_listed=c(ops["one_of_listed"]),
        tracks_counted_note=c(ops["tracks_counted_note"]),
        worked_together=c(ops["worked_together"]),
        set_aside_previous=c(ops["set_aside_previous"]),
        call_included=c(ops["call_included"]),
        included_aside=c(ops["included_aside"]),
        counting_note=c(ops["counting_note"]),
        asked_before=c(ops["asked_before"]),
        call_added_after=c(ops["call_added_after"]),
        every_direction_counted=c(ops["every_direction_counted"]),
        asker_context=c(ops["asker_context"]),
        call_wide=c(ops["call_wide"]),
        purpose_of_asker=c(ops["purpose_of_asker"]),
        purpose_lead=c(ops["purpose_lead"]),
        purpose_trail=c(ops["purpose_trail"]),
        which_are_they=c(ops["which_are_they"]),
        origin_only=c(ops["origin_only"]),
        asker_work_referred=c(ops["asker_work_referred"]),
        year_of_asker=c(ops["year_of_asker"]),
        presence_stated=c(ops["presence_stated"]),
        partnership_stated=c(ops["partnership_stated"]),
        plan_stated=c(ops["plan_stated"]),
        limit_asked=c(ops["limit_asked"]),
        institution_after=c(ops["institution_after"]),
        place_institution_after=c(ops["place_institution_after"]),
        partner_institution_after=c(ops["partner_institution_after"]),
        partner_institution_before=c(ops["partner_institution_before"]),
        place_as_direction_before=c(ops["place_as_direction_before"]),
        place_as_direction_after=c(ops["place_as_direction_after"]),
        partner_list_asked=c(ops["partner_list_asked"]),
        institution_before=c(ops["institution_before"]),
        per_direction=c(ops["per_direction"]),
        partner_column=c(ops["partner_column"]),
        reply_format=c(ops["reply_format"]),
        share=c(ops["share"]),
        share_inside_a_project=c(ops["share_inside_a_project"]),
        top_n=[c(p) for p in ops["top_n"]],
        rank_top=c(ops["rank_top"]),
        rank_bottom=c(ops["rank_bottom"]),
        selected_by_value=c(ops["selected_by_value"]),
        per_direction_average=c(ops["per_direction_average"]),
        mean_of_values=c(ops["mean_of_values"]),
        call_as_a_whole=c(ops["call_as_a_whole"]),
        difference_asked=c(ops["difference_asked"]),
        partner_has_directions=c(ops["partner_has_directions"]),
        fraction_asked=c(ops["fraction_asked"]),
        reverse_asked=c(ops["reverse_asked"]),
        counted_in_too=c(ops["counted_in_too"]),
        counted_in_the_pool=c(ops["counted_in_the_pool"]),
        listed_in_all=c(ops["listed_in_all"]),
        qualifier_counted_note=c(ops["qualifier_counted_note"]),
        qualifier_excluded_note={k: c(v) for k, v in ops["qualifier_excluded_note"].items()},
        share_of_directions=c(ops["share_of_directions"]),
        above_mean=[c(p) for p in ops["above_mean"]],
        as_many_as=c(ops["as_many_as"]),
        question_joined=c(ops["question_joined"]),
    )


VOCAB = compile_vocabulary(vocabulary())
# each aspect with its first two pre-checks (None: none), in the vocabulary's order
_SCAN = tuple(
    (
        a,
        a.prefilters[0] if a.prefilters else None,
        a.prefilters[1] if len(a.prefilters) > 1 else None,
    )
    for a in VOCAB.aspects
)


def compile_now(vocab: Vocabulary | None = None) -> int:
    """Compile every pattern of the vocabulary that is still waiting for its first use, and
    return how many: a bot that serves for hours does this at start, so no user's message pays
    for a compile (a one-off `callbot ask` leaves them lazy and starts faster)."""
    done = 0

    def visit(value: Any) -> None:
        nonlocal done
        if isinstance(value, _Lazy):
            if "search" not in vars(value):
                value.search  # noqa: B018 - the first attribute read compiles it
                done += 1
        elif isinstance(value, dict):
            for v in value.values():
                visit(v)
        elif isinstance(value, list | tuple):
            for v in value:
                visit(v)
        elif isinstance(value, Aspect):
            visit(value.pattern)
            visit(list(value.prefilters))
            visit([n[3] for n in value.notions])
            visit([g for gate in value.gates for g in gate if g is not None])

    target = vocab or VOCAB
    for f in fields(target):
        visit(getattr(target, f.name))
    return done


# -- detectors ----------------------------------------------------------------------------------


def folded(text: str) -> str:
    """The form the vocabulary is written against: Simplified, lower case, punctuation kept."""
    return fold(text)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def measures(text: str) -> list[str]:
    """The measures asked, in the order of the vocabulary; each claims its words first."""
    return list(_measures(text))


# an English word run into Chinese ("兩個加埋total budget幾多"): Han characters are word
# characters, so the vocabulary's \b would not see the English word's edge
_MIXED_EDGE = re.compile(r"(?<=[a-z])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[a-z])")


@lru_cache(maxsize=4096)
def _measures(text: str) -> tuple[str, ...]:
    text = _MIXED_EDGE.sub(" ", text)
    out = []
    for name, pattern in VOCAB.measures.items():
        found = False
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found = True
                text = _blank(text, m.start(), m.end())
        if found:
            out.append(name)
    return tuple(out)


_BRACKETED = re.compile(r"[（(]([^（）()]{1,80})[)）]")


# a sentence that asks ("How much money do the two calls have together?"): its "together" sums
_SENTENCE_ASKS = re.compile(
    r"[?？]|\b(?:how|what|which|total|sum)\b|多少|几|幾|吗|嗎|加起来|合计|一共|总共"
)


def _together_stated(text: str, m: re.Match[str]) -> str:
    """The match blanked when its sentence asks nothing (a statement about the asker's work)."""
    start = max(text.rfind(p, 0, m.start()) for p in ".?!。？！\n") + 1
    ends = [i for p in ".?!。？！\n" if (i := text.find(p, m.end())) >= 0]
    sentence = text[start : min(ends) + 1 if ends else len(text)]
    return m.group() if _SENTENCE_ASKS.search(sentence) else " " * len(m.group())


def without_counting_notes(text: str) -> str:
    """The message with its bracketed notes that a direction's tracks count together blanked
    (and work done together, which counts nothing):
    "…有哪些？（欧盟旗舰计划按两个领域合计算）" asks no sum beside a filter; the note only says
    how the flagship is counted."""
    # "…? Our lab and Wuhan University do earth observation together.": work done together
    text = VOCAB.worked_together.sub(lambda m: _together_stated(text, m), text)
    if "（" not in text and "(" not in text:
        return text

    def note(m: re.Match[str]) -> bool:
        inner = m.group(1).rstrip()
        hits = (VOCAB.tracks_counted_note.match(inner, i) for i in range(1, len(inner)))
        return any(hit is not None and hit.end() >= len(inner) for hit in hits)

    return _BRACKETED.sub(lambda m: " " * len(m.group()) if note(m) else m.group(), text)


# "which one of them has more money in total?": "in total" names the measure compared (the total
# budget), it adds nothing up
_TOTAL_COMPARED = re.compile(
    r"\b(?:which|who)\b[^?.!]{0,40}\b(?:more|most|less|least|fewer|fewest|higher|highest|lower|"
    r"lowest|bigger|biggest|larger|largest)\b[^?.!]{0,20}\bin\s+total\b"
)


def operations(text: str) -> set[str]:
    found = {name for name, p in VOCAB.operations.items() if p.search(text)}
    compared = _TOTAL_COMPARED.search(text)
    if "sum" in found and compared:
        rest = text[: compared.start()] + " " + text[compared.end() :]
        if not VOCAB.operations["sum"].search(rest):
            found.discard("sum")
    if "percent_more" in found:
        found.add("difference")  # a gap in percent is a difference, stated relative to one side
    return found


def refers_previous(text: str) -> bool:
    return bool(VOCAB.refer_previous.search(text))


def list_back(text: str) -> bool:
    """The whole message asks to name the directions just counted or listed: "都列一下"."""
    return bool(VOCAB.list_back.search(text))


def how_many_previous(text: str) -> int | None:
    for n, pattern in sorted(VOCAB.how_many_previous.items(), reverse=True):
        if pattern.search(text):
            return n
    return None


_EN_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}


@dataclass(frozen=True)
class Ordinal:
    n: int
    order: str | None  # "max", "min", or None when the message does not say (inherit)


def ordinal(text: str) -> Ordinal | None:
    """ "第三多" → (3, max), "倒数第五" → (5, min), "the second smallest" → (2, min)."""
    for pattern in VOCAB.ordinals:
        for m in pattern.finditer(text):
            raw = m.group("n")
            n = _EN_ORDINALS.get(raw)
            if n is None:
                digits = re.match(r"\d+", raw)
                n = int(digits.group()) if digits else chinese_to_int(raw)
            groups = m.groupdict()
            if not n or (n < 2 and not groups.get("bottom")):
                continue  # "第一" is the plain superlative; "倒数第一" is the smallest
            words = " ".join(v for k, v in groups.items() if k in ("dir", "bottom") and v)
            order = None
            if groups.get("bottom") or (words and VOCAB.bottom_words.search(words)):
                order = "min"
            elif groups.get("dir"):
                order = "max"
            elif VOCAB.ascending.search(text):
                order = "min"
            return Ordinal(n, order)
    return None


def ordinals(text: str) -> list[Ordinal]:
    """Every ordinal position asked, in the order written: "倒数第二和倒数第三" → [2, 3] from the
    bottom, "the 2nd and 3rd largest" → [2, 3]; one without a direction of its own takes that of
    the others ("倒數第二同第三")."""
    found: dict[int, tuple[int, Ordinal]] = {}
    for pattern in VOCAB.ordinals:
        for m in pattern.finditer(text):
            one = ordinal(m.group())
            if one is None:
                continue
            if one.order is None and VOCAB.ascending.search(text):
                one = Ordinal(one.n, "min")
            at, old = found.get(one.n, (m.start(), None))
            if old is None or (old.order is None and one.order is not None):
                found[one.n] = (min(at, m.start()), one)
    listed = [o for _, o in sorted(found.values(), key=lambda x: x[0])]
    orders = {o.order for o in listed if o.order}
    if len(orders) == 1:
        (order,) = orders
        listed = [Ordinal(o.n, order) for o in listed]
    return listed


def without_ordinals(text: str) -> str:
    """The message with its ordinals blanked ("the second fewest" → ""): is a plain
    superlative asked beside them?"""
    for pattern in VOCAB.ordinals:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def ascending(text: str) -> bool:
    """An order asked from the small end: "从少到多", "from lowest to highest"."""
    return bool(VOCAB.ascending.search(text))


def ordinal_in_context(text: str) -> bool:
    return bool(VOCAB.ordinal_context.search(text))


# the money units of operations.yaml (money_units), in one alternation
_MONEY = "|".join(f"(?:{p})" for p in VOCAB.money_units.values())
# a bare "m" is too short to make a figure with no comparator a filter ("30 m")
_MONEY_WORD = rf"(?:{_MONEY})(?<![\d\s]m)"
_NUM = (
    # a Chinese numeral counts only before a unit: "得一个项目", "至少两个项目"
    # digits grouped by commas too: "30,000,000 CNY"
    r"(?:cny|rmb|人民币)?\s*(?P<v>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|[一二两三四五六七八九十]+(?=\s*(?:个|项|件))"
    # and before a money unit: "超过一亿", "三百万以上", "两千万"
    rf"|[一二两三四五六七八九十][一二两三四五六七八九十百千]*(?=\s*(?:{_MONEY}))"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)(?=\s+(?:projects?|grants?)\b))\s*"
    # "3 CNY million": the currency between the figure and its unit
    rf"(?:(?:cny|rmb)\s*(?=(?:{_MONEY})))?(?P<u>{_MONEY}|个项目|个|项(?!目)|件|projects?|grants?)?"
)


@lru_cache(maxsize=1)
def _comparator_regexes() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    words: dict[str, str] = {}
    for op in COMPARATORS:
        for w in VOCAB.comparators[op].split("|"):
            w = w.strip("()?:")
            if w:
                words.setdefault(w, op)
    alternation = "|".join(sorted(words, key=len, reverse=True))
    before = re.compile(rf"(?P<c>{alternation})\s*(?:是|为|系|在|达到|达|of)?\s*{_NUM}")
    # "300万（含）以上": an inclusive/exclusive note between the figure and the word
    note = r"(?:[（(]\s*(?:不?含|inclusive|exclusive)\s*[)）])?"
    after = re.compile(rf"{_NUM}\s*{note}\s*(?:的)?\s*(?P<c>{alternation})")
    return before, after, words


def _op_for(word: str, words: dict[str, str]) -> str:
    if word in words:
        return words[word]
    for w, op in words.items():
        if re.fullmatch(w, word):
            return op
    return ">"


# words that follow the figure ("10个以上", "20 or more"); all others precede it
_AFTER_WORD = re.compile(r"(?:或|及)?以[上下内]|或者?(?:更|以)|or\s|and\s|or |and ")


@dataclass(frozen=True)
class Bound:
    op: str  # > >= < <= ==
    value: float  # 万元 for money, a number of projects for counts


@dataclass(frozen=True)
class Range:
    bounds: tuple[Bound, ...]
    unit: str | None  # "money", "count" or None when the message gives no unit
    # each bound's own unit when they differ ("more than 12 projects and at least CNY 3 million")
    kinds: tuple[str | None, ...] = ()
    starts: tuple[int, ...] = ()  # where each bound is written, to find the measure it is on


_EN_NUMBERS = {
    w: i
    for i, w in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1
    )
}


def _worth(unit: str | None) -> float | None:
    """What one ``unit`` is worth in 万元 ("亿" 10000, "Mio." 100), None for no money unit."""
    if not unit:
        return None
    return next((w for w, p in VOCAB.money_units.items() if re.fullmatch(p, unit.strip())), None)


def _unit_kind(unit: str | None) -> str | None:
    if not unit:
        return None
    return "money" if _worth(unit) is not None else "count"


def _value(v: str, unit: str | None) -> float:
    if v in _EN_NUMBERS:
        return float(_EN_NUMBERS[v])
    v = v.replace(",", "")
    x = float(v) if v[:1].isdigit() else float(chinese_to_int(v) or 0)
    return x * (_worth(unit) or 1)


# a bare number right after the count measure is a number of projects: "项目数15个的方向",
# "资助数为10的", "project count of 15"
_COUNT_VALUE = re.compile(
    r"(?:项目数(?:量)?|项目个数|资助(?:项目)?数|立项数|件数)\s*(?:为|是|系|有|都是|都系|得|只有)?\s*"
    r"(?P<v>\d+)\s*(?P<u>个|项(?!目)|件)?(?![\d.万亿])|\bproject\s+count\s+of\s+(?P<v2>\d+)\b"
    # "list 15 as their number of projects", "whose number of projects is 15"
    r"|\b(?P<v3>\d+)\s+as\s+(?:their|its|the)\s+(?:number\s+of\s+projects|project\s+count)\b"
    r"|\b(?:number\s+of\s+projects|project\s+count)\s+(?:is|of|equal\s+to|=)\s+(?P<v4>\d+)\b"
    r"(?!\s*(?:million|mio|m\b|%))"
)


_BOUNDARY_KEPT = re.compile(
    r"(?<!不)(?:也算|也计|也要|也包括|都算|算在内|计在内|包括|包含)|\b(?:counts?|included)\s+"
    r"(?:too|as\s+well)\b|\balso\s+counts?\b|\bincluding\b"
)


def _one_can_hold(bounds: list[Bound]) -> bool:
    """False for "exactly N" beside another bound on the same N ("more than 3m, exactly 3m"):
    the two together would be asked of no figure."""
    ops = sorted(b.op for b in bounds)
    same = bounds[0].value == bounds[1].value
    return not (same and "==" in ops and ops != ["==", "=="])


def find_range(text: str, implicit_equal: bool = False) -> Range | None:
    """A threshold or range on a measure: "超过5000万", "10到20个之间", "between 10 and 20",
    "高于300万但低于1000万", "exactly CNY 30 million"; ``implicit_equal`` reads a bare figure
    ("总经费6000万的还有哪个") as "equal to"."""
    exclusive = bool(VOCAB.exclusive.search(text))
    # "（恰好300万的不算）": the boundary is left out, and its figure is no filter of its own
    for note in VOCAB.boundary_excluded.finditer(text):
        exclusive, text = True, _blank(text, note.start(), note.end())
    # "项目数正好20个（不算「不超过20个」）": the qualifier left out is no bound of its own
    for pattern in VOCAB.qualifier_excluded_note.values() if _has_qualifier_word(text) else ():
        for note in pattern.finditer(text):
            tail = _NOTE_FIGURE.match(text, note.end())
            text = _blank(text, note.start(), tail.end() if tail else note.end())
    # "项目数为15个（包括「不超过15个」）": the note's figure is the value's, no bound of its own
    if "(" in text:
        for note in VOCAB.qualifier_counted_note.finditer(text):
            text = _blank(text, note.start(), note.end())
            implicit_equal = True  # the figure the note qualifies is a value, not a bound
    m = VOCAB.between.search(text)
    if m:
        ua, ub = m.group("ua"), m.group("ub")
        unit = ub or ua
        lo, hi = _value(m.group("a"), ua or unit), _value(m.group("b"), unit)
        if lo > hi:
            lo, hi = hi, lo
        ops = (">", "<") if exclusive else (">=", "<=")
        kind = _unit_kind(unit)
        span = (Bound(ops[0], lo), Bound(ops[1], hi))
        # "between 5 and 15 projects but a total budget less than 30 million": a second
        # condition on another measure outside the range
        rest = find_range(text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :])
        second = rest and kind and rest.unit and rest.unit != kind and not rest.kinds
        if second and len(rest.bounds) == 1:
            return Range((*span, rest.bounds[0]), kind, (kind, kind, rest.unit))
        return Range(span, kind)
    before, after, words = _comparator_regexes()
    bounds: list[Bound] = []
    units: list[str | None] = []
    taken: list[tuple[int, int]] = []
    for regex in (before, after):
        for hit in regex.finditer(text):
            if any(s <= hit.start() < e or s < hit.end() <= e for s, e in taken):
                continue
            word = hit.group("c")
            if (regex is after) != bool(_AFTER_WORD.match(word)):
                continue  # "以上三个方向" is not "above 3"; "20个超过" is not a threshold
            op = _op_for(word, words)
            unit = hit.group("u")
            if regex is before and not unit and hit.group("c") in ("over", "under", "above"):
                continue  # "over 10" needs a unit in running English text
            if exclusive and op in (">=", "<="):
                op = op[0]  # "10个以上（不含10个）"
            bounds.append(Bound(op, _value(hit.group("v"), unit)))
            units.append(unit)
            taken.append((hit.start(), hit.end()))
    starts = tuple(s for s, _ in taken)
    if not bounds and implicit_equal:
        # "有冇边个系得一个项目", "a direction with only one project": that many exactly
        hit = re.search(rf"(?:{VOCAB.only.pattern})\s*{_NUM}", text)
        if hit and hit.group("u"):
            bounds.append(Bound("==", _value(hit.group("v"), hit.group("u"))))
            units.append(hit.group("u"))
    if not bounds and implicit_equal:
        hit = re.search(
            rf"(?P<v>\d+(?:\.\d+)?)\s*(?P<u>{_MONEY_WORD}|个项目|projects?\b)",
            text,
        ) or _COUNT_VALUE.search(text)
        if hit and hit.re is _COUNT_VALUE:
            value = next(v for v in hit.group("v", "v2", "v3", "v4") if v)
            bounds.append(Bound("==", float(value)))
            units.append("个项目")
        elif hit:
            bounds.append(Bound("==", _value(hit.group("v"), hit.group("u"))))
            units.append(hit.group("u"))
    if not bounds:
        return None
    if len(bounds) == 2 and not _one_can_hold(bounds):
        # "超过300万（恰好300万的不算）": "exactly" beside a bound on the same figure is the
        # boundary left out ("…，恰好300万的也算": kept in), never a second filter no figure
        # could meet
        eq = next(i for i, b in enumerate(bounds) if b.op == "==")
        other = bounds[1 - eq]
        op = other.op[0] + ("=" if _BOUNDARY_KEPT.search(text) else "")
        bounds, units = [Bound(op, other.value)], [units[1 - eq] or units[eq]]
        taken = [taken[1 - eq]]
        starts = tuple(s for s, _ in taken)
    kinds = tuple(_unit_kind(u) for u in units[:2])
    if len(set(kinds)) == 2 and None not in kinds:
        return Range(tuple(bounds[:2]), _unit_kind(units[0]), kinds)  # two measures
    unit = next((u for u in units if u), None)
    worth = _worth(unit)
    if worth and worth != 1:  # "more than 10 but fewer than 20 million": one unit for both
        bounds = [
            b if u else Bound(b.op, b.value * worth) for b, u in zip(bounds, units, strict=True)
        ]
    return Range(tuple(bounds[:2]), _unit_kind(unit), starts=starts[:2])


def measure_before(text: str, start: int, metrics: tuple[str, ...]) -> str | None:
    """The last of ``metrics`` written before ``start``: "总经费低于1500万、而且平均资助不低于
    250万" puts the first bound on the total and the second on the average."""
    best, where = None, -1
    for metric in metrics:
        for m in VOCAB.measures[metric].finditer(text[:start]):
            if m.start() > where:
                best, where = metric, m.start()
    return best


def without_measure(text: str, metric: str) -> str:
    """The text with one measure's words blanked ("平均资助额" gone, is a total still asked?)."""
    for m in VOCAB.measures[metric].finditer(text):
        text = _blank(text, m.start(), m.end())
    return text


def missing_aspects(text: str) -> list[Aspect]:
    # every message goes through all the aspects: the checks are written out in one loop, not
    # may_be_in and matched per aspect (a third of the scan's time was calls, bench/bench_core.py)
    out = []
    for a, first, second in _SCAN:
        if (
            (first is None or first.search(text))
            and (second is None or second.search(text))
            and a.matched(text)
        ):
            out.append(a)
    return out


# a year said with two digits at the start of a clause ("24年中俄还有吗", "请问25年度…"): never a
# span of years ("2~3年", "近10年"), a duration ("合作了15年", "有20年合作历史", "15年以上")
_SHORT_YEAR = re.compile(
    r"(?:^|(?<=[\s，,。？?！!；;：:、（(])|(?<=请问)|(?<=问下)|(?<=问一下)|(?<=想问)|(?<=那))"
    r"([1-3]\d)\s*年(?:度)?"
    r"(?!\d|内|以|后|前|间|期|左右|多|半|来|之|的时间|时间|合作|历史|经验|研究|了)"
)


# a money figure said with its unit ("1000萬", "10 million"): a bare 19xx/20xx beside such
# figures ("1000萬至2000萬之間（包埋1000同2000）") is a bound of money, not a year
_AMOUNT_WITH_UNIT = re.compile(rf"\d\s*(?:{_MONEY})")


def money_not_year(text: str, start: int, end: int) -> bool:
    """The number at text[start:end] is a money bound, not a year: the message states money
    with its unit and nothing marks this number as a year."""
    if not _AMOUNT_WITH_UNIT.search(text):
        return False
    after, before = text[end : end + 12], text[max(0, start - 8) : start]
    if re.match(r"^\s*(?:年|年度|届|\b(?:calls?|round|edition|notice)\b)", after, re.I):
        return False
    return not re.search(r"(?:\b(?:in|since|year)|于|在)\s*$", before, re.I)


def short_years(text: str) -> set[int]:
    """The years named with two digits ("24年" → 2024): another year of the call is asked."""
    return {2000 + int(y) for y in _SHORT_YEAR.findall(text) if 15 <= int(y) <= 39}


def notion_named(aspect: Aspect, text: str) -> str | None:
    """The id of the first notion of ``aspect`` the message names ("age limit for the PI" →
    age): the reply names it rather than the aspect's general phrase."""
    return next((n[0] for n in aspect.notions if n[3].search(text)), None)


def without_aspects(text: str) -> str:
    """The message with the words of missing aspects blanked (what else does it ask?)."""
    for a in VOCAB.aspects:
        if not a.may_be_in(text):
            continue
        for m in a.pattern.finditer(text):
            text = _blank(text, m.start(), m.end())
    return text


# the small numbers said in words, in "top three" and "除了头两个"
_NUMBER_WORDS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "one": 1, "two": 2}
_NUMBER_WORDS |= {"three": 3, "four": 4, "five": 5}
_LOW_WORDS = (
    "少",
    "低",
    "小",
    "后",
    "倒数",
    "bottom",
    "last",
    "smallest",
    "lowest",
    "fewest",
    "least",
)


def top_n(text: str) -> Ordinal | None:
    """ "经费最少的三个方向" → (3, min), "top 5" → (5, max): the first n of a ranking."""
    for pattern in VOCAB.top_n:
        m = pattern.search(text)
        if not m:
            continue
        raw = m.group("n")
        n = _NUMBER_WORDS.get(raw) or (int(raw) if raw.isdigit() else chinese_to_int(raw))
        if n and n >= 2:
            return Ordinal(n, "min" if m.group("dir") in _LOW_WORDS else "max")
    return None


def superlative(text: str) -> bool:
    return bool(VOCAB.superlative.search(text))


def ranking(text: str) -> bool:
    """An order of several directions is asked: "排个序", "rank them"."""
    return bool(VOCAB.ranking.search(text))


def yes_no(clause: str) -> bool:
    """A yes/no question: "可以参与吗", "Can researchers from Taiwan join…?"."""
    return bool(VOCAB.yes_no.search(clause))


def requests_card(text: str) -> bool:
    """Information about a direction asked in general: "介绍一下", "tell me about"."""
    return bool(VOCAB.request_card.search(text))


def adds_to_previous(text: str) -> bool:
    """Something is added to what was just answered: "那加上港澳台专项呢"."""
    return bool(VOCAB.add_previous.search(text))


def joins_previous(text: str) -> bool:
    """A follow-up that opens with what is joined to the figure just given: "同政府间专项加埋
    总共几多", "和中芬合起来呢", "together with the joint labs, how much?"."""
    return bool(VOCAB.join_previous.search(text))


def correction_end(text: str) -> int | None:
    """Where the asker's correction of what they just wrote ends: "中澳那个…不对，是内地和
    澳门那个", "Austria, sorry I mean Argentina" — what comes before it is withdrawn."""
    last = None
    for m in VOCAB.correction.finditer(text):
        last = m.end()
    return last


def related_words(text: str) -> list[str]:
    """The short words a message asks a relation to: "中以方向跟水有关吗" → ["水"]."""
    return [m.group("t") for m in VOCAB.related_to.finditer(text)]


def among_previous(text: str) -> bool:
    """A selection made among the previous answer's directions: "其中总经费超过1000万的是哪几个",
    "among them, which fund more than 10 projects?"."""
    return bool(VOCAB.among_previous.search(text))


def sets_aside_previous(text: str) -> bool:
    """The direction just answered set aside by a word pointing back: "除了它以外哪个最高"."""
    return bool(VOCAB.set_aside_previous.search(text))


def one_of_listed(text: str) -> bool:
    """One of the directions just listed picked out: "Only the South African one please",
    "只要南非那个", "淨係睇南非嗰個"."""
    return bool(VOCAB.one_of_listed.search(text))


def only_one(text: str) -> bool:
    """Whether a direction is the only one on a topic is asked: "Is it the only hydrogen one?",
    "是唯一一个做氢能的吗" — the topic over every direction answers it."""
    return bool(VOCAB.only_one.search(text))


def follow_up(text: str) -> bool:
    """A follow-up on the last answer: "以色列呢", "and for …?"."""
    return bool(VOCAB.follow_up.search(text))


_FACTORS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "十": 10, "twice": 2}


def relative(text: str) -> tuple[float, str] | None:
    """A factor on a named direction's figure and the comparison: "两倍以上" → (2, ">="),
    "twice … or less" → (2, "<=")."""
    for m in (hit for p in VOCAB.relative for hit in p.finditer(text)):
        if not m.group("f"):  # "bigger than Germany": the named figure itself, strictly
            if m.groupdict().get("equal"):
                return 1.0, "=="  # "the same budget as Israel"
            if m.groupdict().get("ge") or m.groupdict().get("le"):
                return 1.0, ">=" if m.groupdict().get("ge") else "<="  # "不低于这个数"
            return 1.0, "<" if m.group("below") else ">"
        raw = m.group("f").split()[0]
        factor = _FACTORS.get(raw) or (float(raw) if re.fullmatch(r"[0-9.]+", raw) else None)
        if raw in ("two", "three"):
            factor = {"two": 2, "three": 3}[raw]
        if factor:
            return float(factor), "<=" if m.group("below") else ">="
    return None


def points_back(text: str) -> bool:
    """The message points at what was said before: "它们", "这两个", "它的经费", "its"."""
    n = how_many_previous(text)
    return bool(VOCAB.refer_previous.search(text) or VOCAB.pronoun.search(text) or n)


def points_back_many(text: str) -> bool:
    """The message points at several things said before: "它们", "这两个", "both"."""
    return bool(VOCAB.refer_previous.search(text) or how_many_previous(text))


def asks_directions_count(text: str) -> bool:
    """The number of directions is asked: "一共设了多少个指南方向"."""
    return bool(VOCAB.directions_count.search(text))


def what_can_you_do(text: str) -> bool:
    return bool(VOCAB.what_can_you_do.search(text))


def asks_quantity(text: str) -> bool:
    return bool(VOCAB.asks_quantity.search(text))


def call_included(before: str) -> bool:
    """The words just before a call's name add it to the rest ("连埋港澳台专项计", "including
    the Macao call"): that call is not the scope."""
    return bool(VOCAB.call_included.search(before))


# the rest of a note's figure after its qualifier: "20个", "0 projects" (of "10 projects")
_NOTE_FIGURE = re.compile(r"[\d.]*\s*(?:个项目|个|项|projects?\b)?")


def qualifiers_excluded(text: str) -> set[str]:
    """The notice's qualifiers a note leaves out of a filter ("exactly 10, not 'about 10'",
    "约10个的不算"): about, up_to."""
    if not _has_qualifier_word(text):
        return set()
    return {k for k, p in VOCAB.qualifier_excluded_note.items() if p.search(text)}


# every note of a qualifier left out names the qualifier: a literal check before the patterns
_QUALIFIER_WORDS = ("about", "approx", "around", "roughly", "circa", "ca.", "up to", "at most")
_QUALIFIER_WORDS += ("no more", "max", "约", "大概", "左右", "不超过", "不多于", "最多")
_QUALIFIER_WORDS += ("至多", "上限")


def _has_qualifier_word(text: str) -> bool:
    lowered = text.lower()
    return any(w in lowered for w in _QUALIFIER_WORDS)


def call_added_after(after: str) -> bool:
    """The words just after a call's name add it to the rest ("把港澳台项目也一并算进去",
    "with the Macao call counted too"): that call is not the scope."""
    return bool(VOCAB.call_added_after.search(after))


def directions_counted(text: str) -> int | None:
    """The number of directions the user says the pool holds: "在全部16个方向中" is 16."""
    m = VOCAB.every_direction_counted.search(text)
    return int(next(g for g in m.groups() if g)) if m else None


def about_asker(clause: str) -> bool:
    """A clause about the asker and their partners ("我院与阿根廷、南非都有合作", "we work with
    Israel"): what it names is context, not what is asked."""
    return bool(VOCAB.asker_context.search(clause))


def limit_asked(text: str) -> bool:
    """The most a direction funds is asked, not which direction funds most: "what is maximum
    number of project?", "最多可以资助几个项目"."""
    return bool(VOCAB.limit_asked.search(text))


def in_institution_name(norm: str, start: int, end: int) -> bool:
    """Whether the word at ``norm[start:end]`` is part of a university's or academy's name
    ("天津工业大学", "China Agricultural University", "University of Science and Technology")."""
    return bool(
        VOCAB.institution_after.match(norm, end) or VOCAB.institution_before.search(norm, 0, start)
    )


def partner_list_asked(norm: str) -> bool:
    """Whether the message asks which countries or partners the call works with ("可以和哪些国家
    合作", "which countries can we apply with")."""
    return bool(VOCAB.partner_list_asked.search(norm))


def place_in_institution_name(norm: str, start: int, end: int) -> bool:
    """Whether the place named at ``norm[start:end]`` is part of the asker's institution
    ("台湾海洋大学", "National University of Singapore", "Indian Institute of Technology")."""
    return bool(
        VOCAB.place_institution_after.match(norm, end)
        or VOCAB.institution_before.search(norm, 0, start)
    )


def partner_institution(norm: str, start: int, end: int) -> bool:
    """Whether the partner named at ``norm[start:end]`` is the country of an institution
    ("德国的几所大学", "德国波茨坦气候影响研究所", "universities in France and Germany")."""
    return bool(
        VOCAB.partner_institution_after.match(norm, end)
        or VOCAB.partner_institution_before.search(norm, 0, start)
    )


def place_as_direction(norm: str, start: int, end: int) -> bool:
    """Whether the place named at ``norm[start:end]`` is named as a direction of a call ("内地与
    台湾联合资助方向", "the Mainland–Hong Kong projects", "台湾方向"), not as the asker's place."""
    return bool(
        VOCAB.place_as_direction_after.match(norm, end)
        or VOCAB.place_as_direction_before.search(norm, 0, start)
    )


def per_direction(text: str) -> bool:
    """Each direction asked one by one: "每个方向的平均资助额", "15个方向的合作国别和总经费"."""
    return bool(VOCAB.per_direction.search(text))


def per_direction_average(text: str) -> bool:
    """An average over directions asked ("平均每个方向的经费", "avg budget per direction")."""
    return bool(VOCAB.per_direction_average.search(text))


def mean_of_values(text: str) -> bool:
    """A mean of the figures named asked ("三者再平均一下", "the mean of these averages")."""
    return bool(VOCAB.mean_of_values.search(text))


def difference_asked(text: str) -> bool:
    """How named sets differ asked ("有何区别", "有咩分别", "compare", "how do they differ")."""
    return bool(VOCAB.difference_asked.search(text))


def partner_has_directions(text: str) -> bool:
    """A partner said to have several directions ("南非有两个方向", "Korea has two programmes")."""
    return bool(VOCAB.partner_has_directions.search(text))


def fraction_asked(text: str) -> bool:
    """One figure asked as a fraction of another ("是它的几分之几", "what fraction of")."""
    return bool(VOCAB.fraction_asked.search(text))


def reverse_asked(text: str) -> bool:
    """The comparison just answered asked the other way round ("反过来呢", "vice versa?")."""
    return bool(VOCAB.reverse_asked.search(text))


def counted_in_too(text: str) -> bool:
    """More counted into the filter just answered ("港澳台的也算上", "include Macao too")."""
    return bool(VOCAB.counted_in_too.search(text))


def without_pool_notes(text: str) -> str:
    """The message with its notes of what a filter's pool includes blanked: "連同內地與澳門項目一齊
    計" adds the Macao direction to the directions filtered, "Counting both calls together" names
    the pool, "一共有哪些" asks the whole list: none of them asks a sum."""
    text = VOCAB.counted_in_the_pool.sub(lambda m: " " * len(m.group()), text)
    # "低于200万元的一共有哪些": the whole list asked, no sum
    return VOCAB.listed_in_all.sub(lambda m: " " * len(m.group()), text)


def call_as_a_whole(text: str) -> bool:
    """The call as a whole named ("该专项的整体情况", "a summary of the call")."""
    return bool(VOCAB.call_as_a_whole.search(text))


def share_of_directions(text: str) -> bool:
    """A share of the directions asked ("占15个方向的比例", "what percentage of directions")."""
    return bool(VOCAB.share_of_directions.search(text))


def above_mean(text: str) -> tuple[str, int, int] | None:
    """A threshold at the mean over the directions ("超过各方向平均值", "above the average"):
    ">" or "<", and where the words start and end."""
    for p in VOCAB.above_mean:
        m = p.search(text)
        if m:
            below = re.match(r"低|少|小|不到|below|less|lower|under|smaller|fewer", m.group("cmp"))
            return ("<" if below else ">"), m.start(), m.end()
    return None


def partner_column(text: str) -> bool:
    """The partner asked beside a measure of each direction ("合作国别和总经费")."""
    return bool(VOCAB.partner_column.search(text))


def reply_format_spans(text: str) -> list[str]:
    """The phrases that ask for the form of the reply ("整理成表格", "as a table")."""
    return [m.group() for m in VOCAB.reply_format.finditer(text)]


def whole_notice(text: str) -> bool:
    return bool(VOCAB.whole_notice.search(text))


_SENTENCE_STOPS = ("。", "?", "？", "!", "！", ";", "；", "\n")


def asks_share(text: str) -> bool:
    """A part's share (a percentage) of a whole is asked: "占…的百分之多少", "what share of"."""
    share = VOCAB.share.search(text)
    if share is None:
        return False
    # "中方经费占项目总经费的比例": inside one project, no call is the whole; read in the
    # sentence that asks the share ("1. 澳门项目总经费多少? … 3. 澳门项目占两者合计的百分之几?"
    # asks a project's total in another sentence)
    start = max(text.rfind(p, 0, share.start()) for p in _SENTENCE_STOPS) + 1
    ends = [i for i in (text.find(p, share.end()) for p in _SENTENCE_STOPS) if i >= 0]
    return not VOCAB.share_inside_a_project.search(text[start : min(ends, default=len(text))])


# the average written as its division: "总经费除以项目数", "total budget divided by the number
# of projects" (the two figures named only say how the average is computed)
_MONEY_OVER_PROJECTS = re.compile(
    r"(?:经费|总额|总金额|金额|预算|钱|概算)[^，,。？?；;]{0,6}(?:除以|÷|/)\s*(?:总)?(?:项目|立项)(?:数|个数|数量|总数)?|"
    r"\b(?:budget|total|money|funding)\b[^,.?;]{0,20}\b(?:divided\s+by|/|÷)\s*"
    r"(?:(?:the|their|its)\s+)?(?:(?:total|combined|overall|approximate|estimated)\s+)?"
    r"(?:number\s+of\s+)?projects\b|"
    # "divide the total intergovernmental budget by the number of projects"
    r"\bdivid(?:e|es|ed|ing)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:budget|total|money|funding)\s+by\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:(?:total|combined|overall|approximate|estimated)\s+)?"
    r"(?:number\s+of\s+)?projects\b"
)


_FIGURE = re.compile(_NUM)


def two_filters(text: str) -> tuple[Range, Range] | None:
    """Two values set side by side as filters whose counts are compared: "as many directions
    with CNY 60 million as with CNY 20 million?" — each value read with the other blanked out."""
    if not VOCAB.as_many_as.search(text):
        return None
    hits = [m for m in _FIGURE.finditer(text) if m.group("u")]
    if len(hits) != 2:
        return None
    out = []
    for keep in hits:
        other = hits[1] if keep is hits[0] else hits[0]
        blanked = text[: other.start()] + " " * (other.end() - other.start()) + text[other.end() :]
        r = find_range(blanked, implicit_equal=True)
        if r is None:  # "项目数10个嘅方向同20个嘅方向": a bare figure is "equal to"
            unit = keep.group("u")
            r = Range((Bound("==", _value(keep.group("v"), unit)),), _unit_kind(unit))
        if len(r.bounds) != 1 or r.kinds:
            return None
        out.append(r)
    if out[0].unit != out[1].unit:
        return None
    return out[0], out[1]


# a fraction a share is checked against: "more than a quarter of", "超过…的四分之一"
_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTIONS.update({"二": 2, "三": 3, "四": 4, "五": 5, "十": 10})
_FRACTION_CHECKED = (
    re.compile(
        r"\b(?P<c>more|greater|bigger|over|above|at\s+least|exceeds?|less|smaller|under|below)"
        r"\s+(?:than\s+)?(?:a|one)\s+(?P<f>half|third|quarter|fifth|tenth)\b"
    ),
    re.compile(
        r"(?P<c>超过|超出|高于|多于|大于|不到|低于|少于|小于)[^，,。？?；;]{0,24}?(?:的|嘅)\s*"
        r"(?P<f>[二三四五十])分之一"
    ),
)
_BELOW = re.compile(r"less|smaller|under|below|不到|低于|少于|小于")


def fraction_checked(text: str) -> tuple[str, int] | None:
    """A share checked against a simple fraction: ">" or "<", and the fraction's denominator
    ("more than a quarter of the call's total?" is (">", 4))."""
    for regex in _FRACTION_CHECKED:
        m = regex.search(text)
        if m:
            return ("<" if _BELOW.fullmatch(m.group("c")) else ">"), _FRACTIONS[m.group("f")]
    return None


def money_over_projects(text: str) -> bool:
    """The money divided by the projects written out: an average per project asked."""
    return bool(_MONEY_OVER_PROJECTS.search(text))


# places of the list just given set aside: "除咗头两个，剩低嗰个…", "不算第一个", "头两个以外",
# "apart from the first two, the remaining one…", "except the last one"
_N = r"(?P<n>[1-9]|[一二两三四五]|one|two|three|four|five)?"
_SET_ASIDE_WORD = r"(?:除了|除咗|除去|不算|不计|唔计|去掉|排除|撇开|撇除)"
_PLACE_WORD = r"\s*(?:个|名|位)(?!月|小时|星期|礼拜|工作日)"  # not "头两个月"
_PLACES_SET_ASIDE = (
    re.compile(rf"{_SET_ASIDE_WORD}\s*(?P<end>前|头|最前|第一){_N}{_PLACE_WORD}"),
    re.compile(rf"{_SET_ASIDE_WORD}\s*(?P<end>最后|最尾|后|尾){_N}{_PLACE_WORD}"),
    re.compile(rf"(?P<end>前|头|最后|后)\s*{_N}{_PLACE_WORD}\s*(?:除外|以外|之外|不算|唔计)"),
    re.compile(
        r"\b(?:except(?:\s+for)?|apart\s+from|aside\s+from|besides|other\s+than|not\s+counting"
        r"|excluding|without|leaving\s+out|ignoring|skipping)\s+the\s+(?P<end>first|last|top"
        r"|bottom)(?:\s+(?P<n>[1-9]|one|two|three|four|five))?\b"
    ),
)


def places_set_aside(text: str) -> tuple[str, int] | None:
    """("first" or "last", how many) of the list just given that a message sets aside."""
    m = next((m for p in _PLACES_SET_ASIDE if (m := p.search(text))), None)
    if m is None:
        return None
    raw = m.group("n")
    n = 1 if raw is None else int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    last = m.group("end") in ("最后", "最尾", "后", "尾", "last", "bottom")
    return ("last" if last else "first"), n
