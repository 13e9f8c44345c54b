"""From a message (and the conversation's last turn) to what is asked: intent, directions, topics.

Two steps: ``read`` the message (normalise, find names, cue words, topics and the directions the
names stand for), then let the named rules of bot/decisions.py decide, in their table's order,
what is asked. Nothing here knows about Telegram or about wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot import intents as L
from bot.context import Turn
from bot.cues import Cues, cue_matcher
from bot.decisions import State, best_intent, decide
from bot.entities import CALL, DIRECTION, PARTNER, EntityIndex, Found, Mention, flags_to_codes
from bot.frames import add_shape_cues
from bot.language import detect_lang
from bot.operations import VOCAB
from bot.resolve import (
    asked_before,
    beyond_names,
    call_left,
    combine_topics,
    counting_notes,
    direction_groups,
    exclusions,
    group_listed_in_brackets,
    markers_of_the_question,
    names_beside_a_call_asked,
    qualifiers_in_aside,
    question_sentence_groups,
    quoted_compound,
    topics_of_the_question,
    topics_outside_markers,
)
from knowledge.model import Knowledge
from textnorm.chinese import is_pinyin
from textnorm.normalize import arabic_numerals, is_cjk, normalize


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
    other_places: list[str] = field(default_factory=list)
    unknown_topic: str = ""
    topic_mode: str = "union"  # "intersection" for "AI for cultural heritage"
    excluded: list[str] = field(default_factory=list)  # "除了德国" / "apart from Spain"
    # "之前淨係留意澳門方向。…政府間專項…": named, but not asked now
    withdrawn: list[str] = field(default_factory=list)
    threshold: tuple[str, float] | None = None  # (">" or "<", value in 万元 or projects)
    mentions: list[Mention] = field(default_factory=list)  # every name found, for the query
    name_spans: list[tuple[int, int]] = field(default_factory=list)  # names in ``norm``
    markers: list[str] = field(default_factory=list)  # directions marker words name (旗舰)
    rules: list[str] = field(default_factory=list)  # the decisions (bot/decisions.py) applied

    @property
    def programs(self) -> list[str]:
        return list(dict.fromkeys(d for g in self.groups for d in g))


def understand(text: str, index: EntityIndex, last: Turn | None = None) -> Understanding:
    """What ``text`` asks, given the conversation's ``last`` turn (or None)."""
    return decide(read(text if isinstance(text, str) else str(text), index, last))


_PROJECT_WORD = re.compile(r"项目|课题|projects?\b|grants?\b")
_SHORT_CJK = 14
_SHORT_WORDS = 7
_WHICH = re.compile(r"哪|which|what|边个|边啲|谁")


def _institution_of_partner(m: Mention, norm: str, k: Knowledge) -> Mention:
    """A direction named by its partner and a marker right before an institution's word ("韩国能源
    研究院", "Korea Energy Research Institute") is that institution's name: it names the
    partner (where the colleagues are), not the direction the marker would pick."""
    if m.kind != DIRECTION:
        return m
    partner = k.direction_by_id[m.id].partner
    if len(k.directions_by_partner.get(partner, ())) < 2:
        return m
    if not VOCAB.partner_institution_after.match(norm, m.end):
        return m
    return replace(m, kind=PARTNER, id=partner, how="institution")


def read(text: str, index: EntityIndex, last: Turn | None) -> State:
    """Everything the rules decide from: names and the directions they stand for, topics, cue
    words and their scores. Reading decides nothing about what is asked."""
    k = index.knowledge
    script_lang = detect_lang(text, last.lang if last else None)
    norm = arabic_numerals(normalize(flags_to_codes(text)))
    found = index.find(norm, text, first_turn=last is None)
    found.mentions = [_institution_of_partner(m, norm, k) for m in found.mentions]
    qualifiers_in_aside(found, k)
    u = Understanding(
        text=text,
        norm=norm,
        lang=_settle_language(script_lang, text, found, last),
        intent=L.UNKNOWN,
    )
    masked = found.masked
    for start, end, _ in found.marker_spans:  # markers are names, not cue words
        masked = masked[:start] + " " * (end - start) + masked[end:]
    cues = cue_matcher().match(masked)
    add_shape_cues(cues, masked, norm, text)

    excluded = exclusions(found, k)
    counting_notes(found, k)
    group_listed_in_brackets(
        found, text, k, lambda t: arabic_numerals(normalize(flags_to_codes(t)))
    )
    asked_before(found, k)
    names_beside_a_call_asked(found, text, index, k)
    markers_of_the_question(found)
    groups, u.scope = direction_groups(found, k)
    if found.withdrawn:
        u.withdrawn = sorted(found.withdrawn)
        groups = [[d for d in g if d not in found.withdrawn] for g in groups]
        groups = [g for g in groups if g]
        if not groups and u.scope is None:  # "不是问中德——想了解整个政府间专项"
            u.scope = call_left(found, k, found.withdrawn, withdrawn=True)
    if excluded:
        groups = [[d for d in g if d not in excluded] for g in groups]
        groups = [g for g in groups if g]
        u.excluded = sorted(excluded)
        if not groups and u.scope is None:
            u.scope = call_left(found, k, excluded)
    groups, u.scope = beyond_names(found, groups, u.scope, k)
    u.groups = question_sentence_groups(norm, found, groups, k)
    u.topics, u.topic_mode = combine_topics(
        k,
        found,
        [t for t in topics_outside_markers(found, u.groups) if t not in found.excluded_topics],
    )
    u.topics, u.topic_mode = quoted_compound(k, index, text, u.topics, u.topic_mode)
    u.topics = topics_of_the_question(found, u.topics)
    u.near, u.mentions = found.near, found.mentions
    u.name_spans = [
        (m.start, m.end) for m in found.mentions if m.kind in (PARTNER, DIRECTION, CALL)
    ] + [(start, end) for start, end, _ in found.marker_spans]
    u.markers = list(dict.fromkeys(ident for _, _, ident in found.marker_spans))
    u.confidence = 0.85 if any(m.how in ("sound", "fuzzy") for m in found.mentions) else 1.0

    tags = cues.tags
    u.order = "max" if "max" in tags else "min" if "min" in tags else None
    if u.order is None and "ranking" in tags:
        u.order = "max"
    u.metric = _metric(cues, masked)
    in_scope = {i: v for i, v in cues.scores.items() if i not in (L.OUT_OF_SCOPE, L.HELP)}
    cue_intent = best_intent(cues, in_scope)
    return State(
        u=u,
        index=index,
        last=last,
        script_lang=script_lang,
        found=found,
        cues=cues,
        masked=masked,
        in_scope=in_scope,
        best_score=max(in_scope.values(), default=0),
        oos=cues.score(L.OUT_OF_SCOPE),
        followup=bool(tags & {"followup", "pronoun"}) or _is_short(norm),
        which=bool(_WHICH.search(norm)),
        cue_intent=cue_intent,
        intent=cue_intent,
        strong_near=[m for m in found.near if m.score >= 60],
    )


def _is_short(norm: str) -> bool:
    cjk = sum(1 for c in norm if is_cjk(c))
    words = len(re.findall(r"[a-z]+", norm))
    return cjk <= _SHORT_CJK and words <= _SHORT_WORDS


def _settle_language(lang: str, text: str, found: Found, last: Turn | None) -> str:
    """Names do not make a language: "EU flagship 平均" is Chinese, "what is 中芬 funding" is
    English."""
    cjk_words = "".join(c for c in found.masked if is_cjk(c))
    latin_words = re.findall(r"[a-z]{2,}", found.masked)
    if lang == "en" and last and last.lang != "en" and not any(is_cjk(c) for c in text):
        # a terse Latin follow-up in a Chinese chat ("avg", "deguo ne") is the input method
        # switched off or an abbreviation, not the asker switching to English
        words = re.findall(r"[a-z]+", text.lower())
        if 1 <= len(words) <= 3 and all(len(w) <= 3 or is_pinyin(w) for w in words):
            return last.lang
    if lang == "en" and len(cjk_words) >= 2:
        return detect_lang("".join(c for c in text if is_cjk(c)), last.lang if last else None)
    if lang == "zh-Hans" and not cjk_words and len(latin_words) >= 2:
        return "en"  # a Traditional-script name is a Hong Kong or Taiwan reader: keep zh-Hant
    return lang


def _metric(cues: Cues, text: str) -> str | None:
    if cues.score(L.AVERAGE) >= 2:
        return "average"
    if cues.score(L.BUDGET) >= 2:
        return "total"
    if cues.score(L.COUNT) >= 1 or _PROJECT_WORD.search(text):
        return "count"
    return None
