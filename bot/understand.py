"""From a message (and the conversation's last turn) to what is asked: intent, directions, topics.

The steps are deliberately plain: normalise, find entities, find cue words, then a short list of
decisions in priority order (out of scope, greeting, ranking, comparison, the strongest cue, and
finally context for elliptic follow-ups). Nothing here knows about Telegram or about wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot import lexicon as L
from bot.context import Turn
from bot.cues import Cues, cue_matcher
from bot.entities import (
    CALL,
    DIRECTION,
    PARTNER,
    EntityIndex,
    Found,
    Mention,
    flags_to_codes,
)
from bot.frames import add_shape_cues, blank, find_threshold, topic_frame, unknown_term
from bot.language import detect_lang
from bot.resolve import (
    combine_topics,
    direction_groups,
    exclusions,
    global_markers,
    narrow_by_markers,
    question_sentence_groups,
    topic_directions,
    topics_outside_markers,
)
from knowledge.model import Knowledge
from textnorm.normalize import arabic_numerals, is_cjk, normalize

ENTITY_INTENTS = {L.BUDGET, L.AVERAGE, L.COUNT, L.FIELDS, L.DETAIL, L.PERIOD}
METRIC_INTENT = {"total": L.BUDGET, "average": L.AVERAGE, "count": L.COUNT}
INTENT_METRIC = {v: k for k, v in METRIC_INTENT.items()}


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
    topic_mode: str = "union"
    excluded: list[str] = field(
        default_factory=list
    )  # "除了德国" / "apart from Spain"  # "intersection" for "AI for cultural heritage"
    threshold: tuple[str, float] | None = None  # (">" or "<", value in 万元 or projects)
    mentions: list[Mention] = field(default_factory=list)  # every name found, for the query
    name_spans: list[tuple[int, int]] = field(default_factory=list)  # names in ``norm``

    @property
    def programs(self) -> list[str]:
        return list(dict.fromkeys(d for g in self.groups for d in g))


_WHICH_MORE = re.compile(r"(哪|那|谁|边)个?.{0,8}?(更)?(多|少|高|低|大|小)")
_PROJECT_WORD = re.compile(r"项目|课题|projects?\b|grants?\b")
_SHORT_CJK = 14
_SHORT_WORDS = 7


def _is_short(norm: str) -> bool:
    cjk = sum(1 for c in norm if is_cjk(c))
    words = len(re.findall(r"[a-z]+", norm))
    return cjk <= _SHORT_CJK and words <= _SHORT_WORDS


_REFERS = re.compile(r"\b(?:that|this|it|them|those|these)\b|它|这个|那个|佢|呢个|嗰个|上面")
_BOTH = re.compile(r"两个|两者|俩|both|the two|these two|三个|三者|three")
_QUANTITY = re.compile(r"多少|几|how much|how many|total|总|合计|一共|sum|amount|几多")
_OTHER_ONE = re.compile(r"另一个|另外一个|另外那个|其他那个|the other one|the other|另一")
# "macao fields and budget": both asked at once, the direction's card answers both
_FIELDS_AND_MEASURE = re.compile(
    r"(fields?|areas?|领域|方向)\s*(?:and|和|及|与|同|,)\s*(budget|money|funding|经费|预算|钱|项目数)|"
    r"(budget|money|funding|经费|预算|项目数)\s*(?:and|和|及|与|同|,)\s*(fields?|areas?|领域|方向)"
)
# Two partners and a measure compare them, unless the total or each figure is asked for.
_SUM_WORDS = re.compile(
    r"一共|总共|合计|加起来|加在一起|分别|各多少|各是|各自|各有|\beach\b|respectively|individually|"
    r"together|combined|in total|\bsum\b|altogether"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d|\s*(?:万|亿|元|个|项|%|million|m\b))")


def _the_other_one(groups: list[list[str]], last: Turn, k: Knowledge) -> list[list[str]]:
    """The partner's direction(s) not talked about last time."""
    previous = set(last.programs)
    partners = {k.direction_by_id[d].partner for d in previous if d in k.direction_by_id}
    if groups:
        partners |= {k.direction_by_id[d].partner for g in groups for d in g}
    rest = [
        d.id for p in partners for d in k.directions_by_partner.get(p, ()) if d.id not in previous
    ]
    return [rest] if rest else groups


_WITH_PREFIX = re.compile(
    r"^(?:和|跟|与|同|对比|比较|比|and|vs|versus|compared? (?:to|with)|against)"
)


def understand(text: str, index: EntityIndex, last: Turn | None = None) -> Understanding:
    """What ``text`` asks, given the conversation's ``last`` turn (or None)."""
    k = index.knowledge
    lang = detect_lang(text, last.lang if last else None)
    norm = arabic_numerals(normalize(flags_to_codes(text)))
    u = Understanding(text=text, norm=norm, lang=lang, intent=L.UNKNOWN)
    if not norm or not any(c.isalnum() for c in norm):
        u.intent = L.HELP if not text.strip() else L.UNKNOWN
        u.confidence = 0.0 if text.strip() else 1.0
        return u
    if text.strip().lower().startswith(("/start", "/help")) or norm in ("help", "帮助"):
        u.intent = L.HELP
        if text.strip().lower().startswith("/start") and not last:
            u.lang = "zh-Hans"  # the first contact: the bot's home language, as the notice
        return u

    found = index.find(norm, text)
    u.lang = _settle_language(u.lang, text, found, last)
    masked = found.masked
    for start, end, _ in found.marker_spans:  # markers are names, not cue words
        masked = masked[:start] + " " * (end - start) + masked[end:]
    cues = cue_matcher().match(masked)
    add_shape_cues(cues, masked, norm, text)
    excluded = exclusions(found, k)
    groups, scope = direction_groups(found, k)
    if excluded:
        groups = [[d for d in g if d not in excluded] for g in groups]
        groups = [g for g in groups if g]
        u.excluded = sorted(excluded)
    groups = question_sentence_groups(norm, found, groups, k)
    topics, u.topic_mode = combine_topics(
        k,
        found,
        [t for t in topics_outside_markers(found, groups) if t not in found.excluded_topics],
    )
    narrowed_from_context = False
    if not groups and last and last.groups:
        narrowed = narrow_by_markers(found, k, last)
        if narrowed:
            groups, topics = narrowed, []
            u.from_context = narrowed_from_context = True
    if not groups and not topic_frame(norm):
        groups = global_markers(found, k)  # "能源技术那个联合研究总共给多少经费"
        if groups:
            topics = []
    if _OTHER_ONE.search(norm) and last and last.groups:
        groups = _the_other_one(groups, last, k)  # "另一个韩国项目呢"
    u.groups, u.scope, u.topics, u.near = groups, scope, topics, found.near
    u.mentions = found.mentions
    u.name_spans = [
        (m.start, m.end) for m in found.mentions if m.kind in (PARTNER, DIRECTION, CALL)
    ] + [(start, end) for start, end, _ in found.marker_spans]
    fuzzy = any(m.how in ("sound", "fuzzy") for m in found.mentions)
    u.confidence = 0.85 if fuzzy else 1.0

    tags = cues.tags
    if len(groups) >= 2 and _WHICH_MORE.search(masked):
        tags.add("compare")
    u.order = "max" if "max" in tags else "min" if "min" in tags else None
    if u.order is None and "ranking" in tags:
        u.order = "max"
    u.metric = _metric(cues, masked)

    in_scope = {i: s for i, s in cues.scores.items() if i not in (L.OUT_OF_SCOPE, L.HELP)}
    best_score = max(in_scope.values(), default=0)
    oos = cues.score(L.OUT_OF_SCOPE)
    years = {int(y) for y in _YEAR.findall(norm)}
    if years and not years & {c.year for c in k.calls}:
        oos += 6  # "How many projects were funded in 2022?": another year's call
        cues.matched.append("去年")
    followup = bool(tags & {"followup", "pronoun"}) or _is_short(norm)

    # 1. What the notice does not say: deadlines, forms, contacts, eligibility, small talk,
    #    and places that have no direction in this call.
    needed = 6 if topics else 5 if groups else 3
    oos_words = [
        w
        for w in cues.matched
        if any(i == L.OUT_OF_SCOPE for i, _ in cue_matcher().table.get(w, ()))
    ]
    if groups and best_score >= 3 and oos >= needed and len(_RAW_CLAUSE.split(text)) > 1:
        # "韩国能源技术那个方向一共多少钱？顺便问下什么时候截止": answer what the notice says,
        # and say what it does not
        u.oos_words = oos_words
    elif oos >= needed and oos > best_score and oos > cues.score(L.HELP):
        u.intent = L.UNKNOWN
        u.oos_words = oos_words
        return u
    if found.other_places and not groups:
        u.intent = L.UNKNOWN
        u.other_places = found.other_places
        return u

    # 2. Greetings and "what can you do".
    if cues.score(L.HELP) >= 3 and cues.score(L.HELP) > best_score and not groups and not topics:
        u.intent = L.HELP
        return u

    strong_near = [m for m in found.near if m.score >= 60]
    use_context = (
        bool(last)
        and not groups
        and not topics
        and not strong_near  # an unreadable name: ask "did you mean", do not guess from context
        and not (scope or ("whole" in tags and "pronoun" not in tags))
    )
    if use_context and last and last.groups and ("pronoun" in tags or followup):
        ctx_groups = [list(g) for g in last.groups]
    else:
        ctx_groups = []

    # "和意大利比哪个项目多" / "how does that compare with Germany?" after a question about
    # one direction: compare the last one with the new ones, on the last question's measure.
    refers_back = bool(_WITH_PREFIX.search(norm) or _REFERS.search(norm)) or "pronoun" in tags
    if (
        groups
        and last
        and last.groups
        and (
            ("compare" in tags and refers_back)
            or (last.intent == L.COMPARE and followup and not _best_intent(cues, in_scope))
        )
    ):
        previous = [list(g) for g in last.groups if list(g) not in groups]
        if previous and (last.intent == L.COMPARE or refers_back):
            groups = u.groups = previous + groups
            tags.add("compare")
            if u.metric is None and last.metric:
                u.metric = last.metric

    # A superlative about time ("max project length") is the period, not a ranking.
    if (
        u.order
        and cues.score(L.PERIOD) >= 3
        and cues.score(L.PERIOD)
        > max((s for i, s in in_scope.items() if i != L.PERIOD), default=0)
    ):
        u.order = None
    # "中韩两个项目的平均资助对比一下": compare the directions of one partner.
    if len(groups) == 1 and len(groups[0]) > 1 and "compare" in tags and not u.order:
        groups = u.groups = [[d] for d in groups[0]]
    # "这两个哪个平均高" after naming two partners in earlier turns.
    if (
        not groups
        and last
        and ("pronoun" in tags or _BOTH.search(norm))
        and (tags & {"compare", "max", "min"})
        and len(last.history) >= 2
    ):
        n = 3 if re.search(r"三个|三者|three", norm) else 2
        groups = u.groups = [list(g) for g in last.history[-n:]]
        u.from_context = True
    # "……最多的方向是哪个 我看好像是西班牙？": the superlative's own clause names nothing.
    if u.order and groups and _superlative_clause_is_free(text, index):
        groups = u.groups = []

    # 3a. Filters: "经费超过5000万的方向", "directions with more than 10 projects".
    threshold = find_threshold(norm, u.metric)
    if threshold and not groups:
        u.intent, u.threshold = L.RANK, threshold
        u.metric = u.metric or ("count" if threshold[1] < 0 else "total")
        u.threshold = (threshold[0], abs(threshold[1]))
        u.order = "min" if threshold[0].startswith("<") else "max"
        if topics:
            u.restrict = topic_directions(k, topics, u.topic_mode)
        return u

    # 3. Rankings: a superlative over everything, a topic, "them", or one partner's directions.
    which = bool(re.search(r"哪|which|what|边个|边啲|谁", norm))
    if u.order and not groups and not which and ctx_groups and cues.score(L.COUNT) >= 3:
        u.order = None  # "俄罗斯…" → "最多资助几个": "at most how many", about Russia
    single_multi = len(groups) == 1 and len(groups[0]) > 1 and which
    if u.order and (not groups or single_multi or (len(groups) <= 1 and topics)):
        if groups:
            u.restrict = groups[0]
        elif topics:
            u.restrict = topic_directions(k, topics, u.topic_mode)
        elif ctx_groups and "pronoun" in tags:
            u.restrict = [d for g in ctx_groups for d in g]
        if u.excluded:  # "除了欧盟旗舰，平均资助最高的是哪个"
            pool = u.restrict or [d.id for d in k.directions]
            u.restrict = [d for d in pool if d not in u.excluded]
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
        if u.metric == "count" and cues.score(L.COUNT) < 3:
            u.metric = None  # "the EU general projects" names them, it does not count them
        u.metric = u.metric or "total"
        return u
    if (
        not groups
        and last
        and last.intent == L.COMPARE
        and len(last.groups) >= 2
        and followup
        and u.metric
        and not topics
    ):
        u.intent = L.COMPARE
        u.groups = [list(g) for g in last.groups]
        u.from_context = True
        return u

    # 5. The strongest cue.
    intent = _best_intent(cues, in_scope)
    if (
        not groups
        and not topics
        and (
            intent in (None, L.FIELDS, L.DETAIL, L.BUDGET)
            or (intent == L.PARTNERS and cues.score(L.PARTNERS) < 4)
        )
        and topic_frame(norm)
    ):
        term = unknown_term(blank(masked, cue_matcher().spans(masked)))
        if term:  # "哪些方向支持区块链": a field no direction names
            u.intent, u.unknown_topic, u.confidence = L.TOPIC, term, 0.4
            return u
    if (
        narrowed_from_context
        and last
        and last.intent in ENTITY_INTENTS
        and (intent is None or cues.score(intent) < 3)
    ):
        intent = last.intent  # "what about the general projects?" keeps asking the same
    if intent == L.COMPARE:
        intent = None
    if intent == L.COUNT and cues.score(L.PARTNERS) >= 3 and not groups:
        intent = L.PARTNERS  # "how many partner countries" is about partners
    call_only = groups and all(
        m.kind == CALL for m in found.mentions if m.kind in (PARTNER, DIRECTION, CALL)
    )
    if intent == L.PARTNERS and call_only:  # "港澳台项目合作方": that call's partners
        u.intent, u.scope = L.PARTNERS, next(m.id for m in found.mentions if m.kind == CALL)
        u.groups = []
        return u
    if (
        intent == L.COUNT
        and not groups
        and not topics
        and last
        and last.intent == L.PARTNERS
        and followup
    ):
        intent = L.PARTNERS  # "合作国家有哪些" → "一共几个"
    if intent == L.PARTNERS and groups:  # "i want apply with austria, what area is ok?"
        others = {i: s for i, s in in_scope.items() if i != L.PARTNERS}
        intent = _best_intent(cues, others) if others else None
    if (
        len(groups) >= 2
        and intent in (L.BUDGET, L.AVERAGE, L.COUNT)
        and not _SUM_WORDS.search(norm)
        and len({k.direction_by_id[g[0]].partner for g in groups}) >= 2
    ):
        # "芬兰和奥地利平均", "Italy and Spain money": two partners side by side
        u.intent, u.metric = L.COMPARE, INTENT_METRIC[intent]
        return u
    asked = [i for i in (L.BUDGET, L.COUNT, L.PERIOD) if cues.score(i) >= 3]
    if cues.score(L.OVERVIEW) >= 4 and asked and not groups and not topics:
        asked.append(L.OVERVIEW)  # "总共有几个指南方向，总经费是多少"
    if cues.score(L.PARTNERS) >= 3 and L.COUNT in asked:
        asked.append(L.PARTNERS)  # "how many directions, partners and projects"
    if (
        not groups
        and not topics
        and ((len(asked) >= 2 and cues.score(L.OVERVIEW) >= 1) or len(asked) >= 3)
    ):
        intent = L.OVERVIEW  # "总经费、项目数、周期": the overview answers all of them
    if intent == L.OVERVIEW and groups and "whole" not in tags:
        intent = L.DETAIL
    if groups and intent in (L.DETAIL, L.OVERVIEW, None):
        # "介绍一下这个方向的情况（领域、经费、项目数等）" wants the card; "describe the fields
        # of X" wants the fields: one specific measure named beats the generic verb.
        generic = max(cues.score(L.DETAIL), cues.score(L.OVERVIEW))
        specific = [
            i
            for i in (L.BUDGET, L.COUNT, L.AVERAGE, L.FIELDS)
            if cues.score(i) >= 3 and cues.score(i) >= generic
        ]
        if len(specific) >= 2:
            intent = L.DETAIL
        elif len(specific) == 1 and intent is not None:
            intent = specific[0]
    elif (
        groups
        and intent in (L.BUDGET, L.COUNT, L.AVERAGE, L.FIELDS)
        and "compare" not in tags
        and _FIELDS_AND_MEASURE.search(norm)
    ):
        intent = L.DETAIL  # "macao fields and budget": the card has both

    if intent is None:
        if groups and topics:
            intent = L.FIELDS  # "德国支持氢能吗": does this partner cover that topic
        elif groups:
            if last and followup and last.intent in ENTITY_INTENTS | {L.COMPARE}:
                intent = last.intent
                if intent == L.COMPARE:
                    intent = METRIC_INTENT.get(last.metric or "total", L.BUDGET)
                u.from_context = True
            else:
                intent = L.DETAIL
        elif topics:
            intent = L.TOPIC
        elif (
            last
            and followup
            and ("followup" in tags or "pronoun" in tags)
            and (last.intent in ENTITY_INTENTS | {L.RANK, L.TOPIC})
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

    # Topic questions: "哪些国家支持氢能" is about the topic, "德国支持氢能吗" about Germany,
    # "氢能方向一共多少钱" about the money of the hydrogen directions.
    if topics and not groups:
        quantity = (
            intent in (L.BUDGET, L.AVERAGE, L.COUNT)
            and cues.score(intent) >= 3
            and _QUANTITY.search(masked)
        )
        if intent != L.PERIOD and not quantity:
            intent = L.TOPIC
        u.groups = [[d] for d in topic_directions(k, topics, u.topic_mode)] if quantity else []
    elif (
        topics
        and groups
        and (
            intent in (L.TOPIC, L.PARTNERS)
            or (intent == L.DETAIL and max(cues.score(L.DETAIL), cues.score(L.OVERVIEW)) < 3)
        )
    ):
        intent = L.FIELDS

    if intent in ENTITY_INTENTS and not u.groups:
        if ctx_groups and not scope:
            u.groups = ctx_groups
            u.from_context = True
        elif intent == L.DETAIL and not topics:
            intent = L.OVERVIEW
    if (
        intent == L.COUNT
        and not u.groups
        and re.search(r"方向|directions", norm)
        and cues.score(L.COUNT) < 4
    ):
        intent = L.OVERVIEW
    if (
        intent in (L.BUDGET, L.COUNT, L.AVERAGE, L.FIELDS, L.DETAIL)
        and not u.groups
        and not topics
        and strong_near
        and "whole" not in tags
    ):
        # "Fnlnd budget": a name we could not read; asking beats answering for the whole call.
        intent = L.UNKNOWN
        u.confidence = 0.2
    u.intent = intent
    if u.intent in (L.BUDGET, L.AVERAGE, L.COUNT):
        u.metric = INTENT_METRIC[u.intent]
    if best_score < 2 and u.intent not in (L.DETAIL, L.TOPIC, L.UNKNOWN) and not u.from_context:
        u.confidence = min(u.confidence, 0.6)
    return u


def _settle_language(lang: str, text: str, found: Found, last: Turn | None) -> str:
    """Names do not make a language: "EU flagship 平均" is Chinese, "what is 中芬 funding" is
    English."""
    cjk_words = "".join(c for c in found.masked if is_cjk(c))
    latin_words = re.findall(r"[a-z]{2,}", found.masked)
    if lang == "en" and len(cjk_words) >= 2:
        return detect_lang("".join(c for c in text if is_cjk(c)), last.lang if last else None)
    if lang == "zh-Hans" and not cjk_words and len(latin_words) >= 2:
        return "en"  # a Traditional-script name is a Hong Kong or Taiwan reader: keep zh-Hant
    return lang


_RAW_CLAUSE = re.compile(r"[，,。.?？!！;；:：\n]|\s[-–—]\s|\s+(?=is it\b|are they\b)")
_CONFIRM = re.compile(r"是不是|是吗|对吗|对不对|好像是|应该是|吧|\bis it\b|\bright\b|\bisn't it\b")


def _superlative_clause_is_free(text: str, index: EntityIndex) -> bool:
    """ "支持项目最多的方向是哪个 我看好像是西班牙？", "Top-funded direction - is it the EU
    flagship?": the superlative's own clause names nothing, the name is only a guess to check."""
    sup_words = L.SUPERLATIVE_MAX | L.SUPERLATIVE_MIN
    clauses = [c for c in _RAW_CLAUSE.split(text) if c and c.strip()]
    if len(clauses) < 2:
        clauses = (
            [c for c in re.split(r"\s+", text) if c]
            if re.search(r"[\u4e00-\u9fff]", text)
            else clauses
        )
    if len(clauses) < 2:
        return False
    for clause in clauses:
        norm = normalize(clause)
        has_sup = any(w in norm for w in sup_words if not w.isascii()) or any(
            re.search(rf"\b{re.escape(w)}\b", norm) for w in sup_words if w.isascii()
        )
        if not has_sup:
            continue
        named = any(m.kind in (PARTNER, DIRECTION, CALL) for m in index.find(norm).mentions)
        asks = re.search(r"哪|which|what|边个|谁", norm) or _CONFIRM.search(text.lower())
        return not named and bool(asks)
    return False


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
    if cues.score(L.PERIOD) >= 4 and cues.score(L.BUDGET) < 3:
        return L.PERIOD
    if cues.score(L.AVERAGE) >= 3:
        return L.AVERAGE
    best = max(in_scope.values())
    if best < 2:
        return None
    # Ties go to the more specific question.
    for intent in (
        L.AVERAGE,
        L.COUNT,
        L.BUDGET,
        L.PERIOD,
        L.PARTNERS,
        L.FIELDS,
        L.OVERVIEW,
        L.DETAIL,
        L.COMPARE,
    ):
        if in_scope.get(intent, 0) == best:
            return intent
    return None
