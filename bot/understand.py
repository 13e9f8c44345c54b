"""From a message (and the conversation's last turn) to what is asked: intent, directions, topics.

The steps are deliberately plain: normalise, find entities, find cue words, then a short list of
decisions in priority order (out of scope, greeting, ranking, comparison, the strongest cue, and
finally context for elliptic follow-ups). Nothing here knows about Telegram or about wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot import lexicon as L
from bot.context import Turn
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC, EntityIndex, Found, Mention
from bot.language import detect_lang
from bot.normalize import arabic_numerals, is_cjk, normalize
from knowledge.model import Knowledge

ENTITY_INTENTS = {L.BUDGET, L.AVERAGE, L.COUNT, L.FIELDS, L.DETAIL, L.PERIOD}
METRIC_INTENT = {"total": L.BUDGET, "average": L.AVERAGE, "count": L.COUNT}
INTENT_METRIC = {v: k for k, v in METRIC_INTENT.items()}


@dataclass
class Cues:
    scores: dict[str, int] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)
    matched: list[str] = field(default_factory=list)

    def score(self, intent: str) -> int:
        return self.scores.get(intent, 0)


@dataclass
class Understanding:
    text: str
    norm: str
    lang: str
    intent: str
    groups: list[list[str]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    metric: str | None = None
    order: str | None = None
    scope: str | None = None
    restrict: list[str] | None = None
    confidence: float = 1.0
    from_context: bool = False
    near: list[Mention] = field(default_factory=list)
    oos_words: list[str] = field(default_factory=list)

    @property
    def programs(self) -> list[str]:
        out: list[str] = []
        for g in self.groups:
            out.extend(d for d in g if d not in out)
        return out


class CueMatcher:
    """All cue phrases in one regex: leftmost-longest, word boundaries for Latin phrases."""

    def __init__(self) -> None:
        table: dict[str, list[tuple[str, int]]] = {}
        for intent, cues in L.CUES.items():
            for phrase, weight in cues.items():
                table.setdefault(phrase, []).append((intent, weight))
        flags = {
            "max": L.SUPERLATIVE_MAX, "min": L.SUPERLATIVE_MIN, "ranking": L.RANKING,
            "compare": L.COMPARATIVE, "followup": L.FOLLOWUP, "pronoun": L.PRONOUN,
            "whole": L.WHOLE_CALL,
        }
        for flag, phrases in flags.items():
            for phrase in phrases:
                table.setdefault(phrase, []).append(("#" + flag, 0))
        self.table = table
        parts = []
        for phrase in sorted(table, key=len, reverse=True):
            esc = re.escape(phrase)
            if phrase.isascii():
                esc = rf"(?<![a-z0-9]){esc}(?![a-z0-9])"
            parts.append(esc)
        self.regex = re.compile("|".join(parts))
        self.single_words = [p for p in table if p.isascii() and p.isalpha() and len(p) >= 5
                             and any(w >= 2 for _, w in table[p])]

    def match(self, text: str) -> Cues:
        cues = Cues()
        covered = [False] * len(text)
        for m in self.regex.finditer(text):
            self._add(cues, m.group(0))
            for x in range(m.start(), m.end()):
                covered[x] = True
        # English typos in cue words (budjet, averge, feilds): character-level fuzzy match.
        for m in re.finditer(r"[a-z]{5,}", text):
            if covered[m.start()] or m.group(0) in L.COMMON_ENGLISH:
                continue
            res = process.extractOne(m.group(0), self.single_words, scorer=fuzz.ratio,
                                     processor=None, score_cutoff=84)
            if res:
                self._add(cues, res[0])
        return cues

    def _add(self, cues: Cues, phrase: str) -> None:
        cues.matched.append(phrase)
        for intent, weight in self.table.get(phrase, ()):
            if intent.startswith("#"):
                cues.tags.add(intent[1:])
            else:
                cues.scores[intent] = cues.scores.get(intent, 0) + weight


_CUES: CueMatcher | None = None


def cue_matcher() -> CueMatcher:
    global _CUES
    if _CUES is None:
        _CUES = CueMatcher()
    return _CUES


_COUNT_NUMBER = re.compile(r"\d+\s*(?:个|项)")
_PROJECT_WORD = re.compile(r"项目|课题|projects?\b|grants?\b")
_SHORT_CJK = 14
_SHORT_WORDS = 7


def _is_short(norm: str) -> bool:
    cjk = sum(1 for c in norm if is_cjk(c))
    words = len(re.findall(r"[a-z]+", norm))
    return cjk <= _SHORT_CJK and words <= _SHORT_WORDS


def _groups(found: Found, k: Knowledge) -> tuple[list[list[str]], str | None]:
    """Direction groups in the order the message names them; a partner's markers narrow it."""
    groups: list[list[str]] = []
    scope = None
    explicit: dict[str, list[str]] = {}
    for m in found.mentions:
        if m.kind == DIRECTION:
            d = k.direction_by_id[m.id]
            explicit.setdefault(d.partner, [])
            if m.id not in explicit[d.partner]:
                explicit[d.partner].append(m.id)
    for m in found.mentions:
        if m.kind == PARTNER:
            dirs = [d.id for d in k.directions_by_partner.get(m.id, ())]
            if m.id in explicit:
                dirs = explicit[m.id]
            elif len(dirs) > 1:
                best = max((found.markers.get(d, 0) for d in dirs), default=0)
                if best:
                    dirs = [d for d in dirs if found.markers.get(d, 0) == best]
        elif m.kind == DIRECTION:
            partner = k.direction_by_id[m.id].partner
            dirs = explicit[partner]
        elif m.kind == CALL:
            own = [d.id for d in k.directions_by_call.get(m.id, ())]
            if len(own) == 1:
                dirs = own
            else:
                scope = m.id
                continue
        else:
            continue
        if dirs and dirs not in groups:
            groups.append(dirs)
    if groups:
        scope = None
    return groups, scope


def understand(text: str, index: EntityIndex, last: Turn | None = None) -> Understanding:
    """What ``text`` asks, given the conversation's ``last`` turn (or None)."""
    k = index.knowledge
    lang = detect_lang(text, last.lang if last else None)
    norm = arabic_numerals(normalize(text))
    u = Understanding(text=text, norm=norm, lang=lang, intent=L.UNKNOWN)
    if not norm or not any(c.isalnum() for c in norm):
        u.intent = L.HELP if not text.strip() else L.UNKNOWN
        u.confidence = 0.0 if text.strip() else 1.0
        return u
    if norm.startswith("/start") or norm in ("/help", "help", "帮助", "?"):
        u.intent = L.HELP
        return u

    found = index.find(norm, text)
    cues = cue_matcher().match(found.masked)
    if _COUNT_NUMBER.search(found.masked):
        cues.scores[L.COUNT] = cues.score(L.COUNT) + 2
    groups, scope = _groups(found, k)
    topics = found.ids(TOPIC)
    u.groups, u.scope, u.topics, u.near = groups, scope, topics, found.near
    fuzzy = any(m.how in ("sound", "fuzzy") for m in found.mentions)
    u.confidence = 0.85 if fuzzy else 1.0

    tags = cues.tags
    u.order = "max" if "max" in tags else "min" if "min" in tags else None
    if u.order is None and "ranking" in tags:
        u.order = "max"
    u.metric = _metric(cues, found.masked)

    in_scope = {i: s for i, s in cues.scores.items() if i not in (L.OUT_OF_SCOPE, L.HELP)}
    best_score = max(in_scope.values(), default=0)
    oos = cues.score(L.OUT_OF_SCOPE)
    followup = bool(tags & {"followup", "pronoun"}) or _is_short(norm)

    # 1. What the notice does not say: deadlines, forms, contacts, eligibility, small talk.
    if oos >= 3 and oos > best_score:
        u.intent = L.UNKNOWN
        u.oos_words = [w for w in cues.matched if L.OUT_OF_SCOPE in dict(L_TABLE().get(w, []))]
        u.groups = groups
        return u

    # 2. Greetings and "what can you do".
    if cues.score(L.HELP) >= 3 and best_score < 3 and not groups and not topics:
        u.intent = L.HELP
        return u

    # Follow-ups: "它们/them" or a bare question word reuse the last turn's directions.
    use_context = bool(last) and not groups and not topics and not (
        scope or ("whole" in tags and "pronoun" not in tags))
    if use_context and last and last.groups and ("pronoun" in tags or followup):
        ctx_groups = [list(g) for g in last.groups]
    else:
        ctx_groups = []

    # 3. Rankings: a superlative with no single named direction.
    if u.order and len(groups) <= 1 and not (len(groups) == 1 and not topics):
        if groups:
            u.restrict = groups[0]
        elif topics:
            u.restrict = _topic_dirs(k, topics)
        elif ctx_groups and "pronoun" in tags:
            u.restrict = [d for g in ctx_groups for d in g]
        u.intent = L.RANK
        if u.metric is None and last and last.intent == L.RANK:
            u.metric = last.metric
        u.metric = u.metric or "total"
        u.groups = []
        return u
    if (u.order or "ranking" in tags) and not groups and last and last.intent == L.RANK:
        u.intent = L.RANK
        u.metric = u.metric or last.metric or "total"
        return u

    # 4. Comparisons: two or more named things and a comparative or superlative word.
    if len(groups) >= 2 and (tags & {"compare", "max", "min", "ranking"}):
        u.intent = L.COMPARE
        u.metric = u.metric or "total"
        return u

    # 5. The strongest cue.
    intent = _best_intent(cues, in_scope)
    if intent == L.COMPARE:
        intent = None

    if intent is None:
        if groups:
            if last and followup and last.intent in ENTITY_INTENTS | {L.COMPARE}:
                intent = last.intent
                if intent == L.COMPARE:
                    intent = METRIC_INTENT.get(last.metric or "total", L.BUDGET)
                u.from_context = True
            else:
                intent = L.DETAIL
                if len(groups) >= 2 and last and last.intent == L.COMPARE:
                    intent = L.COMPARE
                    u.metric = last.metric
        elif topics:
            intent = L.TOPIC
        elif last and followup and ("followup" in tags or "pronoun" in tags) and (
            last.intent in ENTITY_INTENTS | {L.RANK, L.TOPIC}
        ):
            u.intent = last.intent
            u.groups = [list(g) for g in last.groups]
            u.topics = list(last.topics)
            u.metric, u.order = last.metric, last.order
            u.from_context = True
            return u
        else:
            u.intent = L.UNKNOWN
            u.confidence = 0.0
            if cues.score(L.HELP):
                u.intent, u.confidence = L.HELP, 0.6
            return u

    # Topic questions: "哪些国家支持氢能" is about the topic, "德国支持氢能吗" about Germany.
    if topics and not groups:
        if intent in (L.PARTNERS, L.FIELDS, L.DETAIL, L.OVERVIEW, L.TOPIC) or (
            intent in (L.BUDGET, L.AVERAGE, L.COUNT) and cues.score(intent) < 2
        ):
            intent = L.TOPIC
        u.groups = [[d] for d in _topic_dirs(k, topics)] if intent != L.TOPIC else []
        if intent == L.PERIOD:
            u.groups = []
    elif topics and groups and intent in (L.TOPIC, L.PARTNERS):
        intent = L.FIELDS

    if intent in ENTITY_INTENTS and not u.groups:
        if ctx_groups and not scope:
            u.groups = ctx_groups
            u.from_context = True
        elif intent in (L.FIELDS, L.DETAIL) and not topics and found.near:
            intent = L.UNKNOWN
            u.confidence = 0.2
        elif intent == L.DETAIL and not topics:
            intent = L.OVERVIEW
    if intent == L.COUNT and not u.groups and re.search(r"方向|directions", norm) and \
            cues.score(L.COUNT) < 4:
        intent = L.OVERVIEW
    if intent in (L.BUDGET, L.COUNT, L.AVERAGE) and not u.groups and not topics and found.near:
        # "Fnlnd budget": a name we could not read; asking beats answering for the whole call.
        intent = L.UNKNOWN
        u.confidence = 0.2
    u.intent = intent
    if u.intent in (L.BUDGET, L.AVERAGE, L.COUNT):
        u.metric = INTENT_METRIC[u.intent]
    if best_score < 2 and u.intent not in (L.DETAIL, L.TOPIC, L.UNKNOWN) and not u.from_context:
        u.confidence = min(u.confidence, 0.6)
    return u


def _metric(cues: Cues, text: str) -> str | None:
    if cues.score(L.AVERAGE) >= 2:
        return "average"
    if cues.score(L.BUDGET) >= 2:
        return "total"
    if cues.score(L.COUNT) >= 1 or _PROJECT_WORD.search(text):
        return "count"
    return None


def _best_intent(cues: Cues, in_scope: dict[str, int]) -> str | None:
    if not in_scope:
        return None
    if cues.score(L.AVERAGE) >= 3:
        return L.AVERAGE
    if cues.score(L.PERIOD) >= 3:
        return L.PERIOD
    best = max(in_scope.values())
    if best < 2:
        return None
    # Ties go to the more specific question.
    for intent in (L.AVERAGE, L.COUNT, L.BUDGET, L.PERIOD, L.PARTNERS, L.FIELDS, L.OVERVIEW,
                   L.DETAIL, L.COMPARE):
        if in_scope.get(intent, 0) == best:
            return intent
    return None


def _topic_dirs(k: Knowledge, topics: list[str]) -> list[str]:
    out: list[str] = []
    for t in topics:
        out.extend(d.id for d in k.directions_for_topic(t) if d.id not in out)
    return out


def L_TABLE() -> dict[str, list[tuple[str, int]]]:  # noqa: N802 - reads like the table it is
    return cue_matcher().table
