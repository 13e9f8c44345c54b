"""Rules for topics: which directions fit a field, with a measure, with some set aside, and
topics that are only the asker's context."""

from __future__ import annotations

import itertools
import re

from bot import intents as L
from bot import operations as O
from bot.answers import _field_haystacks, _key_in, _topic_keys
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC
from bot.query_rules.common import (
    _ANY_DIRECTION,
    _ASKED,
    _ASPECT_ASKED,
    _AT_MOST_ASKED,
    _OTHER_FIELDS,
    _QUESTION,
    _RAW_CLAUSE,
    _WHICH,
    _WHICH_DIRECTIONS,
    _asking_clause,
    _clause_directions,
    _clause_kinds,
)
from bot.querymodel import COMPARE_OPS, INTENT_METRIC, METRIC_INTENT, Context, Query
from bot.resolve import QUOTED, topic_directions
from knowledge.model import Direction, Knowledge
from textnorm.normalize import normalize

# directions sought for the asker's work, beside a figure of them: "哪些方向支持海洋", "有对口的
# 方向吗", "哪个方向合适", "Which directions fit us", "Is there a direction that mentions …"
_DIRECTIONS_SOUGHT = re.compile(
    r"(?:哪|边)(?:一)?(?:个|些|几个|啲)?\s*(?:指南)?(?:方向|计划|计画|项目|专项)|"
    r"(?:对口|对应|合适|适合|匹配|啱)(?:的|嘅)?(?:国际合作)?方向|"
    # "资助领域里有先进材料的方向有哪些"
    r"方向(?:有|是|系)(?:哪些|哪几个|边啲|边几个)|"
    r"(?<![所没])有(?:没有|冇|无)?(?:对口|对应|合适|适合|匹配|相关|啱)?(?:的|嘅)?方向|"
    r"\bwhich\s+(?:\w+\s+)?(?:directions?|programm?es?|programs?|calls?|ones?)\b|"
    r"\b(?:is|are)\s+there\s+(?:a|any)\s+(?:\w+\s+){0,2}(?:directions?|programm?es?|programs?)\b|"
    r"\bany\s+(?:suitable\s+|matching\s+)?(?:directions?|programm?es?|programs?)\b"
)
# a sentence that ranks: "哪个最多", "which has the most" (最多 bound to the count asked is
# a limit)
_RANKS = re.compile(r"最(?:多|少|高|低|大|小)|\b(?:most|least|highest|lowest|largest|smallest)\b")


def _narrowest_topics(c: Context) -> list[str]:
    """The topics the directions are sought for: those the asking clause names, else every one;
    a topic named beside a narrower one of its own ("fruit post-harvest losses and cheese":
    food processing and its dairy) gives way to the narrower, the asker's closest match."""
    topics = list(c.u.topics)
    clause = _asking_clause(c.u.text)
    asked = {m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC}
    if not asked & set(topics):
        # the figure asked in a sentence of its own ("…医学院和以色列有合作。哪些方向涉及疫苗？
        # 每个方向总经费多少？"): the topics of the clause that seeks the directions
        for cl in _RAW_CLAUSE.split(c.u.text):
            if _DIRECTIONS_SOUGHT.search(O.folded(cl)):
                found = c.index.find(normalize(cl), cl).mentions
                asked |= {m.id for m in found if m.kind == TOPIC}
    if asked & set(topics):
        topics = [t for t in topics if t in asked]
    words = {t: [m.text for m in c.u.mentions if m.kind == TOPIC and m.id == t] for t in topics}
    narrower = [
        t
        for t in topics
        if not any(
            o != t and o in c.k.topic_closure(t) and _fields_say(c, o, words.get(t, []))
            for o in topics
        )
        and c.k.directions_for_topic(t)
    ]
    return narrower or topics


def _fields_say(c: Context, topic: str, words: list[str]) -> bool:
    """Whether the fields of every direction on ``topic`` say the asker's ``words`` of a broader
    topic ("fruit post-harvest" in the field of the cheese direction): then the broader topic
    adds no direction of its own ("desalination and wastewater": the water-treatment direction
    is one more)."""
    dirs = c.k.directions_for_topic(topic)
    if not dirs or not words:
        return False
    for d in dirs:
        hay = " ".join(_field_haystacks(c.k, d))
        if not all(_key_in(normalize(w), hay) for w in words):
            return False
    return True


_ASKER_SENTENCE = re.compile(r"[。?？!！;；\n]|\.(?:\s|$)")


def _names_aside(c: Context) -> bool:
    """Names only in clauses about the asker, the directions sought on a topic in a clause of
    its own: "我们做海洋科学，和俄罗斯有合作。哪些方向支持海洋？" asks every direction on marine
    science (the partner says whom the asker works with, as in topic_of_partner_worked_with)."""
    sentences = [cl for cl in _ASKER_SENTENCE.split(c.u.text) if cl.strip()]
    seeking = False
    for cl in sentences:
        kinds = _clause_kinds(c, cl)
        named = kinds & {PARTNER, DIRECTION, CALL}
        folded = O.folded(cl)
        if _DIRECTIONS_SOUGHT.search(folded):
            # the call named where the directions are sought is their scope ("今年政府间专项里
            # 哪些方向涉及水处理"), not a direction asked
            if named - {CALL} or TOPIC not in kinds:
                return False
            seeking = True
        elif named and not (
            O.VOCAB.asker_context.search(folded) or O.VOCAB.partnership_stated.search(folded)
        ):
            return False
    return seeking


def _topic_directions_measured(q: Query, c: Context, asked: list[str]) -> bool:
    """The directions of a topic given, not sought, with one figure asked, read as the topic
    alone: "What is the average per project of all the hydrogen directions?" is the average of
    each (as "涉及氢能的所有方向平均多少" is), not the topic's list with the totals."""
    if q.intent != L.TOPIC or len(asked) != 1 or c.ops & {"sum", *COMPARE_OPS} or c.u.order:
        return False
    # a figure asked ("Any funding lines for biodiversity?" asks none), in a first message (a
    # follow-up's "its budget" is the direction talked about)
    if not O.asks_quantity(c.text) or (c.last is not None and c.last.groups):
        return False
    if any(m.kind in (PARTNER, DIRECTION, CALL) for m in c.u.mentions):
        return False
    on_topic = topic_directions(c.k, list(c.u.topics), c.u.topic_mode)
    on_topic = [d for d in on_topic if d not in c.u.excluded]
    if not on_topic:
        return False
    q.intent, q.groups, q.source = METRIC_INTENT[asked[0]], [[d] for d in on_topic], "named"
    q.measures, q.metric = asked, asked[0]
    return True


def _topic_each_measured(q: Query, c: Context, measure: str) -> bool:
    """The measure's own list over the directions on the topic sought (in the call named where
    they are sought, if one is): what the same question asks without the partners said aside."""
    on_topic = topic_directions(c.k, _narrowest_topics(c), c.u.topic_mode)
    calls = set(q.calls or ())
    by_id = c.k.direction_by_id
    on_topic = [
        d for d in on_topic if d not in c.u.excluded and (not calls or by_id[d].call in calls)
    ]
    if not on_topic:
        return False
    q.intent, q.groups, q.source = METRIC_INTENT[measure], [[d] for d in on_topic], "named"
    q.measures, q.metric, q.order, q.restrict = [measure], measure, None, None
    c.u.restrict, c.u.order = None, None
    return True


def _measures_after_seeking(c: Context) -> list[str]:
    """The figures asked from the sentence that seeks the directions on (in the order of
    total, count, average)."""
    sentences = [cl for cl in _ASKER_SENTENCE.split(c.u.text) if cl.strip()]
    start = next(
        (i for i, cl in enumerate(sentences) if _DIRECTIONS_SOUGHT.search(O.folded(cl))), None
    )
    if start is None:
        return []
    found = {m for cl in sentences[start:] for m in O.measures(normalize(cl))}
    return [m for m in ("total", "count", "average") if m in found]


def topic_measured(q: Query, c: Context) -> bool:
    """Directions sought on a topic with a figure of each: "我们做海洋科学…哪些方向支持海洋方面，
    平均每个项目多少钱？", "We work on fuel cell vehicles… Which directions fit us and how much
    money do they have?", "哪个方向涉及？最多支持几个项目？" (最多 there is the limit) — the
    topic's answer, each direction on it with the figure(s) asked (intent topic)."""
    if not c.u.topics or c.u.from_context or q.op != "show":
        return False
    if c.u.intent in (L.UNKNOWN, L.HELP, L.PARTNERS, L.OVERVIEW, L.PERIOD):
        return False
    asked = [m for m in ("total", "count", "average") if m in c.measures]
    if not asked or q.bounds:
        return False
    if not _DIRECTIONS_SOUGHT.search(c.text):
        return _topic_directions_measured(q, c, asked)
    if c.narrowed is not None:
        # the asking clause narrowed the measures to its own ("…这些方向平均每项多少？项目数多
        # 少？" keeps only the count): each sentence after the directions are sought asks too
        asked = _measures_after_seeking(c) or asked
    if any(m.kind in (PARTNER, DIRECTION, CALL) for m in c.u.mentions) and not _names_aside(c):
        return False
    # "…当中边个总经费最多": a ranking over the directions on the topic, unless 最多 is the
    # limit of the count asked in a sentence that asks no "which"
    limit = False
    for sentence in _QUESTION.split(c.text):
        if _AT_MOST_ASKED.search(sentence) and not _WHICH.search(sentence):
            limit = True
        elif _RANKS.search(sentence):
            return False
    if (c.ops - ({"more"} if limit else set())) & {"sum", *COMPARE_OPS}:
        return False
    if "each" in c.ops and len(asked) == 1:
        # "Which directions cover hydrogen, and how much does each get?": the figure of each,
        # answered by the measure's own list (rule several_measures leaves it so); partners
        # named aside ("合作方是德国…和韩国也有联系。哪些方向包括燃料电池？总经费分别是多少？")
        # leave that list to be built here, as if they were not said (a call named is the
        # scope of the directions sought)
        names = any(m.kind in (PARTNER, DIRECTION, CALL) for m in c.u.mentions)
        return names and _topic_each_measured(q, c, asked[0])
    topics = _narrowest_topics(c)
    q.intent, q.op, q.groups, q.source = L.TOPIC, "topic_measured", [], "all"
    q.measures, q.metric, q.order, q.restrict = asked, asked[0], None, None
    q.topics = c.u.topics = topics
    if len(topics) == 1:
        q.topic_mode = c.u.topic_mode = "union"
    c.u.restrict, c.u.order = None, None
    # a field of the notice named whole ("我们做智能绿色出行"): the directions that have it, when
    # they cover every topic named
    on_topic = topic_directions(c.k, topics, c.u.topic_mode)
    quotes = _field_quotes(c.k)
    named = {name for d in on_topic for name in quotes.get(d, ()) if name in c.u.norm}
    # a direction whose fields say the name inside a longer field ("清洁技术，包括环境、可再生
    # 能源…" for "可再生能源") has it too
    owners = [
        d
        for d in on_topic
        if any(name in _field_words(c.k, c.k.direction_by_id[d]) for name in named)
    ]
    if owners and len(owners) < len(on_topic):
        covers = all(set(owners) & {d.id for d in c.k.directions_for_topic(t)} for t in topics)
        if covers:
            q.restrict = owners
    return True


# a question of its own for the directions ("哪些方向涉及氢能？"), not a word inside "journalist"
_WHICH_ASKED = re.compile(r"哪|边啲|边个|\bwhich\b|\bwhat\s+(?:directions|programm?es|programs)\b")


# the directions selected by a topic, as the subject of the question that follows: "支持海洋方向的
# 几个指南方向，…", "the directions that fund marine research: …"
_DIRECTIONS_OF_TOPIC = re.compile(
    r"(?:的|嘅)\s*(?:几个|这几个|这些|那些|各个|所有|全部|那几个)?\s*(?:指南)?方向\s*[，,:：;；]?\s*$|"
    r"\bdirections?\s+(?:that|which)\s+(?:fund|funds|support|supports|cover|covers|include)\b"
)


def topic_in_context_only(q: Query, c: Context) -> bool:
    """A topic read from a sentence of context while the question asks figures of the call:
    "I'm a science journalist …, working on a feature about … Could you give me the big
    picture of the 2023 call – how many directions, how much money in total and roughly how
    many projects?" is the overview, not a list of directions on a topic."""
    if q.intent != L.TOPIC or c.named or not c.u.topics:
        return False
    clause = _asking_clause(c.u.text)
    asked = [m for m in O.measures(O.folded(clause)) if m in METRIC_INTENT]
    if not asked or TOPIC in _clause_kinds(c, clause):
        return False
    before = c.u.text[: max(0, c.u.text.rfind(clause))]
    if "sum" in c.ops and _WHICH_ASKED.search(O.folded(before)):
        # "哪些方向涉及氢能？它们的经费加起来一共多少？": the topic is asked, then summed
        return False
    if _DIRECTIONS_OF_TOPIC.search(O.folded(before)):
        # "支持海洋方向的几个指南方向，一共支持多少个项目": the topic selects the directions
        return False
    q.topics, q.groups, q.source = [], [], "all"
    c.u.topics = []
    if len(asked) > 1:
        q.intent, q.measures = L.OVERVIEW, asked
    else:
        q.intent, q.metric = METRIC_INTENT[asked[0]], asked[0]
    return True


def topic_of_asking_clause(q: Query, c: Context) -> bool:
    """Topics named in a sentence about the asker beside a topic asked: "我们是做海洋生态的，
    想问下哪些方向涉及海洋？" asks about marine science, not the environment of 生态."""
    if q.intent != L.TOPIC or c.named or not c.u.topics:
        return False
    lead = _LEAD_IN.match(c.u.text)
    if lead:
        if len(c.u.topics) < 2:
            return False
        # "材料学院纳米团队问：哪些方向的资助领域包含纳米技术？": who forwards the question is no
        # second topic it must also cover
        rest = c.u.text[lead.end() :]
        asked = {m.id for m in c.index.find(normalize(rest), rest).mentions if m.kind == TOPIC}
        keep = [t for t in c.u.topics if t in asked]
        if keep and len(keep) < len(c.u.topics):
            q.topics = c.u.topics = keep
            if len(keep) == 1:
                q.topic_mode = c.u.topic_mode = "union"
            return True
        return False
    if c.u.topic_mode != "union" and _BOTH_TOPICS.search(O.folded(c.u.text)):
        return False  # "同时涉及…和…" asks for both, wherever they are named
    return _topic_of_which_clause(q, c) or _topic_beside_asker_work(q, c)


def _topic_of_which_clause(q: Query, c: Context) -> bool:
    """A "which" clause names some of the message's topics: those are sought."""
    # every topic the message names: the narrower one of the context may have displaced the
    # one asked ("We do dairy processing. Which directions fund food processing?")
    named = list(dict.fromkeys([*c.u.topics, *(m.id for m in c.u.mentions if m.kind == TOPIC)]))
    if len(named) < 2:
        return False
    # lower case: "Which directions…" asks as "which" does (an "is" of a statement before it
    # does not make that statement the question)
    text = c.u.text.lower()
    clauses = [cl for cl in _RAW_CLAUSE.split(text) if cl.strip()]
    clause = _asking_clause(text)
    if len(clauses) < 2 or not _WHICH.search(O.folded(clause)):
        return False
    asked = {m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC}
    keep = [t for t in named if t in asked]
    # "有冇方向做乳酪或者肉類加工": the narrower word beside the broader one in the clause
    # asked (肉類 of 加工) already said which part of it is meant: the broader stays out
    keep = [t for t in keep if t in c.u.topics or not _narrower_kept(c, t, keep)]
    if not keep or set(keep) == set(c.u.topics) or len(keep) == len(named):
        return False
    q.topics = c.u.topics = keep
    if len(keep) == 1:
        # "I work on offshore wind. Which directions mention marine science?": the field of the
        # statement qualifies nothing asked
        q.topic_mode = c.u.topic_mode = "union"
    return True


def _narrower_kept(c: Context, topic: str, keep: list[str]) -> bool:
    """Whether a topic the understanding kept and ``keep`` holds is narrower than ``topic``."""
    return any(t != topic and t in c.u.topics and t in c.k.topic_closure(topic) for t in keep)


def _topic_beside_asker_work(q: Query, c: Context) -> bool:
    """The topic of a question beside the asker's own work said in a sentence, or in clauses
    before the asking one: "我校文物保护与数字化团队想找合适的方向，有没有涉及文化遗产的？" asks
    cultural heritage; "Any direction for food safety? I work on authenticity of dairy products"
    asks food safety, every direction on it, not only the narrower dairy one the asker works on.
    A question that names no topic keeps every one; a topic in a statement that is not about
    the asker keeps them too."""
    asked: list[str] = []
    told: set[str] = set()
    for part, asks in _asking_parts(c.u.text):
        found = [m.id for m in c.index.find(normalize(part), part).mentions if m.kind == TOPIC]
        if asks:
            asked += [t for t in found if t not in asked]
        elif found and not O.VOCAB.asker_context.search(O.folded(part)):
            return False  # a topic in a statement that is not about the asker
        else:
            told |= set(found)
    if not asked or not told - set(asked):
        return False
    keep = [t for t in c.u.topics if t in asked]
    if not keep:
        # the asker's narrower topic took the place of the one asked: the one asked is sought
        keep = [t for t in asked if not any(o != t and o in c.k.topic_closure(t) for o in asked)]
    if keep == c.u.topics:
        return False
    q.topics = c.u.topics = keep
    if len(keep) == 1:
        q.topic_mode = c.u.topic_mode = "union"
    return True


_SENTENCE = re.compile(r"(?<=[.!?。！？;；])\s*")
_COMMA = re.compile(r"(?<=[,，])\s*")  # not "、": "水处理、净水" is one list


def _asking_parts(text: str) -> list[tuple[str, bool]]:
    """The sentences of ``text``, each with whether it asks (ends with a question mark); in an
    asking sentence, the clauses before the first that asks go on about the asker when the
    first of them is about the asker ("我们课题组做…，主要用人工智能方法，请问哪个方向合适？"):
    they are a part of their own that tells."""
    out: list[tuple[str, bool]] = []
    for sentence in (x for x in _SENTENCE.split(text) if x.strip()):
        if not sentence.rstrip().endswith(("?", "？")):
            out.append((sentence, False))
            continue
        clauses = [cl for cl in _COMMA.split(sentence) if cl.strip()]
        first = next(
            (i for i, cl in enumerate(clauses) if _ASPECT_ASKED.search(O.folded(cl).lower())),
            len(clauses) - 1,
        )
        # "…，听说有个计划补助导航卫星、射电天文和遥感，请问是哪一个方向？": what was heard of is
        # what the question after it asks about, not the asker's work
        heard = next((i for i in range(1, first) if _HEARSAY.match(O.folded(clauses[i]))), first)
        first = min(first, heard)
        if first and O.VOCAB.asker_context.search(O.folded(clauses[0])):
            out.append(("".join(clauses[:first]), False))
            clauses = clauses[first:]
        out.append(("".join(clauses), True))
    return out


_HEARSAY = re.compile(r"\s*(?:听说|据说|听闻|\bi\s+(?:have\s+)?heard\b|\bheard\s+that\b)")


_BOTH_TOPICS = re.compile(r"同时|既.{1,12}又|\bboth\b|as well as|兼顾|都涉及|都包括")


# one direction asked for ("是哪个国家的方向", "属于哪个方向", "which partner is … under")
_ONE_ASKED = re.compile(
    r"(?:是|系|属于|归|在)(?:哪|边)(?:一)?个|(?:哪|边)(?:一)?个(?:国家|方向|合作方|计划|项目)的?|"
    r"\bwhich\s+(?:country|partner|direction|programme|program|call)\s+(?:is|does|has|covers|funds)\b|"
    r"\bwhich\s+one\s*(?:is\s+it\s*)?[?.]?\s*$"
)
_FIELD_QUOTE_MIN = 5  # "智能绿色出行", "新型交通系统"; "人工智能" is a topic, not one field
# what a field's name carries besides its name: a track label, "…领域", "（…）", "，包括…"
_FIELD_TAIL = re.compile(r"(?:领域|等领域|方向)$")


def _field_quotes(k: Knowledge) -> dict[str, tuple[str, ...]]:
    """Direction id -> its fields' names, normalised, label and tail taken off. Cached."""
    key = ("field_quotes",)
    if key not in k._cache:
        out: dict[str, tuple[str, ...]] = {}
        for d in k.directions:
            names = []
            for f in d.fields:
                name = re.split(r"[（(，,:：]", f.zh_hans.split("：")[-1])[0]
                name = _FIELD_TAIL.sub("", normalize(name).strip())
                if len(name) >= _FIELD_QUOTE_MIN:
                    names.append(name)
            out[d.id] = tuple(names)
        k._cache[key] = out
    return k._cache[key]


def field_named_whole(q: Query, c: Context) -> bool:
    """One field of the notice named whole, and the one direction it belongs to asked:
    "智能绿色出行是哪个方向的？" is Finland's field, not every direction on transport;
    "新型交通系统属于哪个合作方" is Russia's. Several directions may share the name."""
    if q.intent != L.TOPIC or q.op != "show" or c.named or not c.u.topics:
        return False
    if not _ONE_ASKED.search(c.text):
        return False
    norm = c.u.norm
    on_topic = topic_directions(c.k, list(c.u.topics), c.u.topic_mode)
    quotes = _field_quotes(c.k)
    owners = [
        d
        for d in on_topic
        if d not in c.u.excluded and any(name in norm for name in quotes.get(d, ()))
    ]
    if not owners or len(owners) == len(on_topic):
        return False
    q.op, q.restrict = "topic_field", owners
    return True


# a direction sought for the asker's work: "有对口的方向吗", "有冇合适嘅方向", "which direction"
_DIRECTION_SOUGHT = re.compile(
    r"(?:对口|合适|适合|匹配|啱)(?:的|嘅)?方向|哪(?:个|些|一个)方向|边(?:个|啲)方向|"
    r"\b(?:which|any)\s+(?:suitable\s+|matching\s+)?directions?\b"
)


def topic_of_partner_worked_with(q: Query, c: Context) -> bool:
    """A topic and a partner the asker works with, said before a question that seeks directions
    ("我们做电子信息，和澳门有合作基础，有对口的方向吗"): the topic's answer over that partner's
    directions, not the yes/no of a question about the partner's fields."""
    if q.intent != L.FIELDS or q.op != "show" or not c.u.topics or not c.named:
        return False
    clause = _asking_clause(c.u.text)
    if not _DIRECTION_SOUGHT.search(O.folded(clause)):
        return False
    if _clause_kinds(c, clause) & {PARTNER, DIRECTION, CALL, TOPIC}:
        # "德国有对口的方向吗" asks about Germany itself; "我哋喺澳門做海洋研究，邊個方向支持
        # 海洋科學？" asks the topic across directions, the place only says where the asker is
        return False
    if _OTHERS.search(O.folded(clause)):
        return False  # "仲有邊啲方向…": the other directions on the topic
    on_topic = set(topic_directions(c.k, list(c.u.topics), c.u.topic_mode))
    owners = [d for g in c.named for d in g if d in on_topic]
    if not owners:
        return False
    q.intent, q.op, q.restrict, q.groups, q.source = L.TOPIC, "topic_field", owners, [], "all"
    return True


_AND = re.compile(r"\s*(?:和|与|及|以及|跟|同|还有|\band\b|&)\s*")


def one_direction_of_joined_topics(q: Query, c: Context) -> bool:
    """Topics joined by "和/and" and one direction asked: "Which country is the hydrogen and
    fuel cell vehicle direction with?", "氢能和燃料电池汽车是哪个国家的" — the direction(s)
    on all of them, when there is one; "或/or" and "哪些" keep any of them."""
    if q.intent != L.TOPIC or q.op != "show" or c.named or c.u.topic_mode != "union":
        return False
    if len(c.u.topics) < 2 or not _ONE_ASKED.search(c.text):
        return False
    spans = sorted((m for m in c.u.mentions if m.kind == TOPIC), key=lambda m: m.start)
    spans = [m for m in spans if m.id in c.u.topics]
    gaps = [c.u.norm[a.end : b.start] for a, b in itertools.pairwise(spans) if a.id != b.id]
    if not gaps or not all(_AND.fullmatch(g) for g in gaps):
        return False
    both = topic_directions(c.k, list(c.u.topics), "intersection")
    sets = [{d.id for d in c.k.directions_for_topic(t)} for t in c.u.topics]
    if not set(both) & set.intersection(*sets):
        return False  # nothing on all of them: any of them is the answer
    q.topic_mode = c.u.topic_mode = "intersection"
    return True


# a lead-in naming who asks: "材料学院纳米团队问：", "Question from our hydrogen group:"
_LEAD_IN = re.compile(
    r"^[^?？:：]{0,40}(?:问|想问|请教|咨询|\bquestion\b|\basks?\b|\bquery\b)[^?？:：]{0,40}[:：]",
    re.IGNORECASE,
)


# the asking clause is about the direction named before it: "其中…", "该方向…"
_WITHIN_NAMED = re.compile(r"其中|其(?:具体|主要|资助|支持)|该方向|该项目|这个方向|呢个方向")


# the directions besides those just named: "仲有边啲方向", "还有哪些方向", "which other directions"
# the name in the question is set aside: "which other programs are about water, beside the
# Israel one?", "除了以色列，还有哪些方向涉及水？"
_SET_ASIDE = re.compile(
    r"\bbesides?\b|\bapart\s+from\b|\bother\s+(?:\w+\s+){0,2}?than\b|除了|除咗|以外|之外"
)
_OTHERS = re.compile(
    r"(?:还有|仲有|其他|其它|别的|另外)(?:的)?\s*(?:哪|边|什么|咩)|"
    r"\b(?:which|what|any)\s+other\b|\bother\s+(?:directions?|programm?es?|programs?|calls?)\b"
)


def others_on_topic(q: Query, c: Context) -> bool:
    """A topic asked of the directions besides one named in a statement before: "澳門方向有資助
    新材料，仲有邊啲方向都有材料相關嘅？", "中德有氢能，还有哪些方向也有？" — every other direction
    on the topic, the named one set aside (the reply already grants it)."""
    if q.intent not in (L.FIELDS, L.TOPIC) or not c.u.topics or not c.named:
        return False
    clause = _asking_clause(c.u.text.lower())
    if not _OTHERS.search(O.folded(clause)):
        return False
    beside = _SET_ASIDE.search(O.folded(clause))
    if _clause_kinds(c, clause) & {PARTNER, DIRECTION, CALL} and not beside:
        return False  # "还有哪些方向和德国一样有氢能" names its referent in the question
    if _OTHER_FIELDS.search(O.folded(clause)) and not _ANY_DIRECTION.search(O.folded(clause)):
        return False  # "Is health included in the Finland call? What other fields there are?"
    named = [d for g in c.named for d in g]
    asked_of_named = _named_asked_before(c, clause, set(named))
    q.intent, q.groups, q.source, q.restrict = L.TOPIC, [], "all", None
    c.u.groups = []
    asked = [m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC]
    stated = [t for t in c.u.topics if t not in asked]
    if asked and stated and not asked_of_named:
        # "Russia direction support vaccine research. Which other direction support infectious
        # disease too?": the statement granted another topic, so every direction on the topic
        # asked is the answer, the named one among them
        q.topics = c.u.topics = list(dict.fromkeys(asked))
        q.topic_mode = c.u.topic_mode = "union"
        return True
    q.excluded = c.u.excluded = list(dict.fromkeys([*c.u.excluded, *named]))
    if asked_of_named:
        # "內地同澳門有冇航空航天？仲有邊啲方向有？": the yes or no for the named direction
        # first, then the others on the topic
        q.op, q.groups, q.source = "topic_and_named", [asked_of_named], "named"
    return True


# every direction asked about a topic, in the sentence that asks: "which directions of the call
# mention AI at all", "every direction that includes agriculture", "do other directions cover
# ageing as well", "哪些方向提到了人工智能", "还有其他方向涉及老龄吗"
_EVERY_ON_TOPIC = re.compile(
    r"\b(?:which|what|every|all|any|other)\s+(?:other\s+)?(?:of\s+the\s+)?"
    r"(?:directions?|programm?es?|programs?|lines?)\b|"
    r"(?:哪些|哪几个|所有|全部|其他|其它|别的|边啲|边几个|仲有边)(?:的)?\s*(?:指南)?方向"
)
_SENTENCES = re.compile(r"(?<=[.!?。！？；;])\s*|\n+")
_WOULD_ASK = re.compile(
    r"[?？]|\b(?:would\s+like\s+to\s+know|tell\s+me|let\s+me\s+know|wonder|please\s+list)\b|"
    r"请问|想知道|想问|麻烦|哪|边啲"
)


def topic_over_every_direction(q: Query, c: Context) -> bool:
    """A topic asked of every direction in a long message that names a direction only around
    it: "I understand that the China–Italy direction lists AI … Could you tell me which directions
    of the call mention artificial intelligence at all?", "Apart from the China–Italy direction, I
    would like to know every direction of the call that includes agriculture", "Is ageing
    covered only by the China–Finland direction, or do other directions cover it as well?" —
    the topic's directions over the whole notice (a name set aside with "apart from" is left
    out), not the named one's fields or card."""
    if not c.u.topics or q.intent in (L.RANK, L.COMPARE) or c.ops & {"sum", "each"}:
        return False
    if not c.named and q.intent == L.TOPIC:
        return False
    sentences = [t for t in _SENTENCES.split(c.u.text) if t.strip()]
    asking = [t for t in sentences if _WOULD_ASK.search(O.folded(t))]
    if not asking:
        return False
    # the sentence asking for directions on the topic; one after it may only check a name
    # against the list ("我哋做航空航天可以申請邊啲方向？包唔包括澳門嗰個？")
    picked = [i for i, t in enumerate(asking) if _EVERY_ON_TOPIC.search(O.folded(t))]
    if not picked:
        return False
    if any(not _NAME_CHECKED.search(O.folded(t)) for t in asking[picked[-1] + 1 :]):
        return False
    sentence = asking[picked[-1]]
    folded = O.folded(sentence)
    if _OTHERS.search(folded) and not _ONLY_OR_OTHERS.search(folded):
        return False  # "Germany funds hydrogen. Which other directions…": others_on_topic's
    found = c.index.find(normalize(sentence), sentence).mentions
    asked = list(dict.fromkeys(m.id for m in found if m.kind == TOPIC))
    if not asked or any(m.kind == CALL for m in found):
        return False
    if [m for m in O.measures(folded) if m != "fields"]:
        return False  # a figure asked beside ("…and how many projects each") is another rule's
    named_here = [m for m in found if m.kind in (PARTNER, DIRECTION)]
    aside = bool(_SET_ASIDE.search(folded))
    if named_here and not (
        aside or _ONLY_OR_OTHERS.search(folded) or _NAME_CHECKED.search(folded)
    ):
        return False  # "which directions of the Korea call cover AI" asks within it
    topics = [t for t in c.u.topics if t in asked] or asked
    q.intent, q.groups, q.source, q.restrict, q.op = L.TOPIC, [], "all", None, "show"
    q.topics = c.u.topics = topics
    if len(topics) == 1:
        q.topic_mode = c.u.topic_mode = "union"
    q.metric = c.u.metric = None
    if aside and named_here:
        ids = [
            d
            for m in named_here
            for d in (
                [m.id]
                if m.kind == DIRECTION
                else [x.id for x in c.k.directions_by_partner.get(m.id, ())]
            )
        ]
        q.excluded = c.u.excluded = list(dict.fromkeys([*c.u.excluded, *ids]))
    c.u.groups = []
    return True


# a name checked against the list just asked: "包唔包括澳門嗰個", "is Italy included"
_NAME_CHECKED = re.compile(
    r"包(?:不|唔)包(?:括|含)?|是否(?:包括|包含)|(?:包括|包含)[^，,。？?]{0,12}(?:吗|么|嘛|冇|没有)|"
    r"\b(?:included|includes?|including|among\s+them|one\s+of\s+them|in\s+the\s+list)\b|"
    r"是其中之一|在其中|在里面|系咪其中"
)


# "covered only by the China–Finland direction, or do other directions cover it as well"
_ONLY_OR_OTHERS = re.compile(
    r"\bonly\b.{0,80}\bor\b.{0,40}\bother\b|只有.{0,30}(?:还是|定系|或者).{0,20}(?:其他|别的|其它)|"
    # "which directions cover health, not only the Finland one", "不止以色列那个"
    r"\bnot\s+only\b|\bnot\s+just\b|不只|不止|唔止|不仅"
)


# the clauses of _RAW_CLAUSE, each question mark kept with the clause it ends
_CLAUSE_WITH_MARK = re.compile(r"(?<=[?？])|[，。!！;；\n]|\.(?:\s|$)|\s[-–—]\s")


def _named_asked_before(c: Context, clause: str, named: set[str]) -> list[str]:
    """The named directions a question before the asking clause asks about ("…有冇航空航天？"),
    in the order named; none when they were only stated ("澳門方向有資助新材料，…")."""
    text = c.u.text.lower()
    end = text.rfind(clause)
    asked: list[str] = []
    # the split keeps each clause's end mark: "Macao has aerospace?" asks by its "?" alone
    for cl in _CLAUSE_WITH_MARK.split(text[: max(end, 0)]):
        if cl and cl.strip() and _ASKED.search(O.folded(cl)):
            asked.extend(d for d in sorted(_clause_directions(c, cl)) if d in named)
    return list(dict.fromkeys(asked))


# a name added to a list over every direction: "…港澳台专项的也算上", "including the Macao call"
_ALSO_COUNTED = re.compile(
    r"也(?:要)?(?:算上|算|计入|计上|包括|包含|列上|列入)|一并|一起算|都算|都计|"
    r"\bincluding\b|\bas well\b|\btoo\b|\balso\s+(?:count|include)"
)
_LIST_ASKED = re.compile(r"列出|列一下|列个|哪|边|\bwhich\b|\blist\b")


def topic_with_a_sum(q: Query, c: Context) -> bool:
    """A topic's directions and their figure added up, asked at once: "Which directions fund
    infectious diseases, and what is their combined budget?", "涉及氢能的方向加起来一共多少钱" —
    the sum over the directions on the topic (the reply names them)."""
    if q.intent != L.TOPIC or not c.u.topics or c.named or "sum" not in c.ops:
        return False
    if "each" in c.ops or c.ops & set(COMPARE_OPS):
        return False
    return _sum_over_topic(q, c)


def _sum_over_topic(q: Query, c: Context) -> bool:
    """The sum of the measure asked over the directions of the message's topics."""
    metric = next((m for m in c.measures if m in ("total", "count")), None)
    if metric is None:
        return False
    mode = q.topic_mode or "union"
    ids = topic_directions(c.k, list(c.u.topics), mode)
    if excluded := set(c.u.excluded or []):
        ids = [d for d in ids if d not in excluded]
    if not ids:
        return False
    q.groups, q.metric, q.source = [[d] for d in ids], metric, "all"
    q.op = "sum" if len(ids) > 1 else "show"
    q.intent = METRIC_INTENT[metric]
    return True


def topic_sum_beside_context_names(q: Query, c: Context) -> bool:
    """A topic's directions added up, asked after a sentence about the asker that names a
    partner: "Our group at Macau University works on marine science. Which programmes cover
    ocean research and what is the total of their budgets?", "我们是澳门大学海洋团队。哪些方向
    涉及海洋？它们的经费一共多少？" — the sum over the topic's directions, not the named
    partner's card: every clause naming a partner states, none asks, and a clause asks which
    directions have the topic."""
    if "sum" not in c.ops or not c.u.topics or not c.named:
        return False
    if not any(m in ("total", "count") for m in c.measures):
        return False
    if "each" in c.ops or c.ops & set(COMPARE_OPS):
        return False
    text = c.u.text.lower()
    clauses = [cl for cl in _RAW_CLAUSE.split(text) if cl.strip()]
    which_topic = [
        i
        for i, cl in enumerate(clauses)
        if _WHICH_ASKED.search(O.folded(cl)) and TOPIC in _clause_kinds(c, cl)
    ]
    if not which_topic:
        return False
    for i, cl in enumerate(clauses):
        kinds = _clause_kinds(c, cl)
        if not kinds & {PARTNER, DIRECTION, CALL}:
            continue
        if i >= which_topic[0] or _ASPECT_ASKED.search(O.folded(cl).strip()):
            return False  # the name is in the question: "中俄哪些领域涉及海洋，一共多少钱"
    if not _sum_over_topic(q, c):
        return False
    c.u.groups = []  # the partner of the context is not what the reply is about
    return True


def topic_with_name_added(q: Query, c: Context) -> bool:
    """A topic asked over every direction, with a call or partner named only to be counted in:
    "请列出涉及海洋的方向，港澳台专项的也算上", "Which directions cover marine science, including
    the Macao call?" — every direction on the topic, not the named one's fields."""
    if q.intent not in (L.FIELDS, L.TOPIC) or not c.u.topics or not c.named:
        return False
    text = O.folded(c.u.text)
    if not _ALSO_COUNTED.search(text) or not _LIST_ASKED.search(text):
        return False
    if _OTHER_FIELDS.search(text):
        return False  # "Which fields does the Macao call fund, marine science too?" is its fields
    q.intent, q.groups, q.source, q.restrict = L.TOPIC, [], "all", None
    c.u.groups = []
    return True


# a clause that asks something itself ("想知內地與澳門項目資助邊啲領域"), not "德国那边的合作方…"
_NAME_ASKED = re.compile(r"哪|(?<![那这呢嗰])边|什么|咩|乜|多少|几多|\bwhich\b|\bwhat\b|\bhow\b")


def _names_guessed_only(c: Context) -> bool:
    """Every partner or direction of the message was guessed by sound or spelling ("台中逢甲大學"
    sounds like 中芬), none written out."""
    names = [m for m in c.u.mentions if m.kind in (PARTNER, DIRECTION)]
    return bool(names) and all(m.how != "exact" for m in names)


def names_in_context_only(q: Query, c: Context) -> bool:
    """Directions named only in a sentence about the asker, a topic asked in the question:
    "Hello, I am professor of oceanography in University of Macau. Which programs is support
    ocean research?" asks every direction on the topic, not the Macao one's fields; "German side
    here (Fraunhofer ISE). Hydrogen topic - which directions fund it?"; a name only guessed by
    sound in the context ("我們是台中逢甲大學的…團隊，請問哪些計畫有補助智慧城市？")."""
    if not c.u.topics or not c.named:
        return False
    if q.intent not in (L.FIELDS, L.TOPIC) and not _names_guessed_only(c):
        return False
    text = c.u.text.lower()  # "Which" read as "which" when choosing the asking clause
    clauses = [cl for cl in _RAW_CLAUSE.split(text) if cl.strip()]
    clause = _asking_clause(text)
    if len(clauses) < 2 or not _WHICH.search(O.folded(clause)):
        return False
    kinds = _clause_kinds(c, clause)
    at = clauses.index(clause) if clause in clauses else -1
    if TOPIC not in kinds and at > 0 and _WHICH_DIRECTIONS.search(O.folded(clause)):
        # "Hydrogen topic - which directions fund it?": the topic is the clause just before
        clause = clauses[at - 1] + " " + clause
        kinds = _clause_kinds(c, clause)
    if TOPIC not in kinds or kinds & {PARTNER, DIRECTION}:
        return False
    folded = O.folded(clause)
    if _WITHIN_NAMED.search(folded) or (
        O.points_back(folded) and not _WHICH_DIRECTIONS.search(folded)
    ):
        return False  # "关于中南联合研究，请问：1）…领域；2）其中空间科技具体包括哪些内容？"
    naming = [
        cl for cl in clauses if cl not in clause and _clause_kinds(c, cl) & {PARTNER, DIRECTION}
    ]
    if any(_NAME_ASKED.search(O.folded(cl)) for cl in naming):
        return False  # "想知內地與澳門項目資助邊啲領域？有冇海洋科學？": the name is asked about
    q.intent, q.groups, q.source, q.restrict = L.TOPIC, [], "all", None
    c.u.groups = []
    # the topics of the question, not those of the sentence about the asker ("在海洋观测和海洋
    # 生态方面…合作。请问有哪些方向涉及海洋？" asks marine science, not the environment)
    asked = {m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC}
    keep = [t for t in c.u.topics if t in asked]
    if keep and len(keep) < len(c.u.topics):
        q.topics = c.u.topics = keep
    return True


def _short_word_topics(c: Context, text: str) -> list[str]:
    """The topics whose Chinese name begins with a word too short to be an alias, asked in a
    relation ("跟水有关", "同水相关")."""
    words = O.related_words(text)
    return [
        t.id
        for t in c.k.topics
        if any(w and normalize(t.name.zh_hans).startswith(w) for w in words)
    ]


def short_topic_word(q: Query, c: Context) -> bool:
    """A relation asked to a word too short to be a topic's alias: "中以 方向 跟水有关吗" (水技术,
    水处理), "哪些方向同水相关" — the topics whose Chinese name begins with the word; of the
    directions named, their fields with the answer, else every direction on those topics."""
    if c.u.topics or q.op != "show":
        return False
    topics = _short_word_topics(c, c.text)
    if not topics:
        return False
    if c.named and topic_among_named(q, c, topics):
        return True
    c.u.topics, c.u.topic_mode = list(topics), "union"
    q.topics, q.topic_mode = list(topics), "union"
    if c.named:
        q.intent, q.groups, q.source = L.FIELDS, c.named, "named"
    else:
        q.intent, q.groups, q.source = L.TOPIC, [], "all"
    return True


# a partner named only to check it against the list asked: "Is it only Israel?", "Russia for
# sure, are there others?", "只有以色列吗", "除了俄罗斯还有别的吗"
_GUESS_CHECKED = re.compile(
    r"\bonly\s+\w+\s*\?|\bare\s+there\s+(?:any\s+)?others?\s*\?|\bany\s+others?\s*\?"
    r"|(?:只有|只是|淨係|只係)\w{1,8}[吗嗎咩]|(?:还有|還有)(?:别的|別的|其他的?|没有|沒有)\w{0,4}[吗嗎]"
    r"|仲有冇(?:其他|第二)"
    # "there are several programmes which fund …, could you list which ones?": more than the
    # partner of the asker's own institute
    r"|\bseveral\s+(?:programm?es|programs|directions)\b|好几个方向|好幾個方向"
)


def topic_beyond_named(q: Query, c: Context) -> bool:
    """ "Which programmes cover vaccines? Is it only Israel?": the topic over every direction;
    the partner named is the asker's guess to check, not the direction asked."""
    if q.intent not in (L.FIELDS, L.TOPIC) or not c.u.topics or not q.groups:
        return False
    if not _WHICH_DIRECTIONS.search(c.u.norm) or not _GUESS_CHECKED.search(c.text):
        return False
    q.intent, q.groups, q.source, q.restrict = L.TOPIC, [], "all", None
    q.topics, q.topic_mode = list(c.u.topics), "union"
    c.u.groups, c.u.topic_mode, c.narrowed = [], "union", []
    return True


# a topic asked in the notice's own words: quoted (“智能绿色出行”, 「氫能」, "green energy") or
# said to be written explicitly (明确提到, 写明, explicitly mention, literally)
_QUOTED_WORDS = re.compile(
    QUOTED.pattern
    # 'smart green mobility' in plain apostrophes, not the one of "don't … it's"
    + r"|(?<![A-Za-z])'([^'\n]{2,40})'(?![A-Za-z])"
)
_EXPLICIT = re.compile(
    r"明确|明確|写明|寫明|写明咗|原文|字面|\b(?:explicitly|literally|specifically\s+mention|"
    r"in\s+so\s+many\s+words|by\s+name)\b"
)


# a topic followed by "相关/有关/related": the subject, not its words
_RELATED_AFTER = re.compile(r"\s*(?:-|的)?\s*(?:相关|有关|related\b)")


def _field_words(k: Knowledge, d: Direction) -> str:
    key = ("field-words", d.id)
    if key not in k._cache:
        k._cache[key] = " | ".join(
            normalize(f.zh_hans) + " | " + normalize(f.en) for f in d.fields
        )
    return k._cache[key]


# a field named as a discipline ("信息通信技术", "新材料科学") is the subject, however the other
# directions word it; a name of its own ("智能绿色出行", "新型交通系统") is that field
_DISCIPLINE = re.compile(r"(?:技术|科学|\btechnology|\btechnologies|\bsciences?)$")
_JOINED = re.compile(r"[和与及、]|\band\b")
_EN_FIELD_WORDS_MIN = 3  # "smart green mobility"; "smart cities" is a topic


def _field_quotes_en(k: Knowledge) -> dict[str, tuple[str, ...]]:
    """Direction id -> its fields' English names of three words or more, normalised, the part
    after a track label and before "(", "," or "incl." only. Cached."""
    key = ("field_quotes_en",)
    if key not in k._cache:
        out: dict[str, tuple[str, ...]] = {}
        for d in k.directions:
            names = []
            for f in d.fields:
                name = re.split(r"[(,:]|\bincl\b", f.en.split(":")[-1])[0]
                name = normalize(name).strip()
                if len(name.split()) >= _EN_FIELD_WORDS_MIN:
                    names.append(name)
            out[d.id] = tuple(names)
        k._cache[key] = out
    return k._cache[key]


def _whole_fields_named(c: Context, on_topic: list[str]) -> list[str]:
    """The fields of the directions on the topic whose whole name the message says, when that
    name is more than the subject (not a topic's own name nor a discipline)."""
    quotes, quotes_en = _field_quotes(c.k), _field_quotes_en(c.k)
    norm = c.u.norm
    names = [n for d in on_topic for n in quotes.get(d, ()) if n in norm]
    names += [
        n
        for d in on_topic
        for n in quotes_en.get(d, ())
        if n in norm and re.search(rf"\b{re.escape(n)}\b", norm)
    ]
    if not names:
        return []
    topic_names = {normalize(n) for t in c.k.topics for n in (t.name.zh_hans, t.name.en)}
    # a name joining two subjects ("气候变化与生物多样性") is those subjects together, however
    # each direction joins them ("气候变化和生物多样性")
    names = [
        n
        for n in dict.fromkeys(names)
        if n not in topic_names and not _DISCIPLINE.search(n) and not _JOINED.search(n)
    ]
    if not names:
        return []
    # said in a sentence that names no direction: "…the China–Italy direction explicitly lists
    # AI applied to cultural heritage. Which directions mention AI at all?" says whose it is
    free = " | ".join(
        normalize(cl)
        for cl in _ASKER_SENTENCE.split(c.u.text)
        if cl.strip() and not _clause_kinds(c, cl) & {PARTNER, DIRECTION}
    )
    return [n for n in names if n in free]


def topic_in_the_notice_words(q: Query, c: Context) -> bool:
    """A topic quoted or said to be written explicitly is matched against the fields' own words,
    not the topic's synonyms: "哪个方向写了“智能绿色出行”" is the direction whose fields say so
    (not every direction on transport), "which directions explicitly mention green energy" those
    whose fields write green energy. The other directions on the topic are set aside; when no
    field has the words, the topic's directions stand."""
    if q.intent != L.TOPIC or q.op != "show" or not q.topics:
        return False
    raw = c.u.text
    phrases = [normalize(m.group(1) or m.group(2)) for m in _QUOTED_WORDS.finditer(raw)]
    narrow = set(_narrowest_topics(c))
    # the words of the narrowest topics said ("奶酪、肉类这类食物的加工": cheese, not 加工)
    narrowest: list[str] = []
    said: dict[str, str] = {}  # a topic's word said -> the topic
    for sentence in _SENTENCES.split(raw):
        # the topic said explicitly in the same sentence ("I understand that China–Italy
        # explicitly lists AI for heritage. Which directions mention AI at all?" is not literal)
        if sentence and _EXPLICIT.search(sentence) and _WOULD_ASK.search(O.folded(sentence)):
            norm = normalize(sentence)
            for m in c.index.find(norm, sentence).mentions:
                if m.kind == TOPIC and m.id in q.topics:
                    if _RELATED_AFTER.match(norm, m.end):
                        # "明确支持碳捕集相关研究": the research on the subject, however the
                        # fields word it (碳捕获 is carbon capture too), not the words
                        continue
                    phrases.append(norm[m.start : m.end])
                    said[norm[m.start : m.end].strip()] = m.id
                    if m.id in narrow:
                        narrowest.append(norm[m.start : m.end])
    phrases = [p.strip() for p in phrases if len(p.strip()) >= 2]
    on_topic = [i for i in topic_directions(c.k, q.topics, q.topic_mode) if i not in q.excluded]
    if not phrases:
        # a field of the notice named whole ("有没有支持智能绿色出行的方向"): its own words, the
        # most specific reading of the topic it is an alias of
        phrases = _whole_fields_named(c, on_topic)
    if not phrases:
        return False
    literal: list[str] = []
    for words in ([p.strip() for p in narrowest if len(p.strip()) >= 2], phrases):
        literal = [
            i
            for i in on_topic
            if any(
                _says(_field_words(c.k, c.k.direction_by_id[i]), w)
                for p in words
                for w in _same_words(c.k, said.get(p), p)
            )
        ]
        if literal:
            break
    if not literal or len(literal) == len(on_topic):
        return False
    others = [i for i in on_topic if i not in literal]
    q.excluded = c.u.excluded = list(dict.fromkeys([*q.excluded, *others]))
    return True


def _same_words(k: Knowledge, topic: str | None, said: str) -> tuple[str, ...]:
    """The words that say what ``said`` says, by the notice's own translation: 碳捕集 (2.1) and
    碳捕获 (2.5) are both "carbon capture" in English, so a field writing either says it; 交通
    ("new transport systems") and 出行 ("mobility") are not. Only a topic with no narrower ones;
    a broader one is its word alone."""
    t = k.topic_by_id.get(topic) if topic else None
    if t is None or t.includes:
        return (said,)
    key = ("same-words", topic, said)
    if key not in k._cache:
        english = {normalize(a).strip() for a in (*t.aliases, t.name.en) if a.isascii()}
        english = {w for w in english if len(w) >= 4}
        same: set[str] = set()
        for d in k.directions:
            if said in " | ".join(normalize(f.zh_hans) for f in d.fields):
                en = " | ".join(normalize(f.en) for f in d.fields)
                same |= {w for w in english if _says(en, w)}
        k._cache[key] = (said, *sorted(same))
    return k._cache[key]


def _says(field_words: str, word: str) -> bool:
    """Whether the fields' words say ``word`` (a Latin word whole: "ccs" is not in "access")."""
    if word not in field_words:
        return False
    return not word.isascii() or bool(re.search(rf"\b{re.escape(word)}\b", field_words))


# "其中哪个…", "among them", "of these two": the directions of the previous answer
_AMONG_PREVIOUS = re.compile(
    r"其中|当中|之中|这(?:两|几|些|2|3)(?:个)?(?:方向)?(?:里|中|中间|里面|当中)?|"
    r"\b(?:among|of|between)\s+(?:them|these|those|the\s+two|both)\b"
)
# which of a set is on a topic: "哪些涉及…", "哪个是关于…", "which … is about …"
_WHICH_ON_TOPIC = re.compile(r"哪|边个|边啲|\bwhich\b")


_FIELDS_ASKED = re.compile(r"(?:哪|什么|啥|边)(?:些|个|几个|一个|啲)?\s*(?:研究)?(?:领域|方面)")
# a clause that names the directions a question after it picks among: "在与欧盟的合作方向中，"
_WITHIN = re.compile(r"(?:中|里|里面|当中|之中|中间|内)\s*$")


def _named_where_asked(c: Context, raw: str) -> list[str]:
    """The directions named in the asking clause, or in the clause right before it when that
    one sets the pool ("在与欧盟的合作方向中，哪些…"); names said only as the asker's context
    ("我校和英国、意大利都有合作，…哪些方向支持…") are no pool."""
    ids = _clause_directions(c, raw)
    if ids:
        return sorted(ids)
    before = [cl for cl in _RAW_CLAUSE.split(c.u.text[: c.u.text.rfind(raw)]) if cl.strip()]
    if before and _WITHIN.search(O.folded(before[-1]).strip()):
        return sorted(_clause_directions(c, before[-1]))
    return []


def topic_among_named(q: Query, c: Context, short: list[str] | None = None) -> bool:
    """A topic asked of several directions named, or of those just answered: "在与欧盟的合作方向
    中，哪些涉及生物多样性", "Which direction with Israel or Spain is about water?", "韩国那两个
    方向… → 其中哪个涉及医疗" — the topic's answer over those directions only, not a comparison
    of their figures nor the topic across every direction."""
    if q.intent not in (L.COMPARE, L.FIELDS, L.TOPIC, L.DETAIL):
        return False
    if c.u.excluded:
        return False
    if q.op not in ("show", "compare") or c.metric() is not None:
        return False
    raw = _asking_clause(c.u.text)
    clause = O.folded(raw)
    if _RANKS.search(clause) or _OTHERS.search(clause):
        return False
    if not _WHICH_ON_TOPIC.search(_FIELDS_ASKED.sub(" ", clause)):
        return False  # "中俄项目资助哪些领域" asks the fields, whatever the asker works on
    asked = {m.id for m in c.index.find(normalize(clause), clause).mentions if m.kind == TOPIC}
    # the topics of the asking clause; a word too short to be an alias ("跟水有关") read by the
    # topics' names it begins
    topics = short or [t for t in c.u.topics if t in asked] or _short_word_topics(c, clause)
    if not topics:
        return False  # the topic is the asker's context, the question asks something else
    among = [d for d in _named_where_asked(c, raw) if any(d in g for g in c.named)]
    if not among and c.last and _AMONG_PREVIOUS.search(clause):
        among = [*c.answered] or [d for g in c.chain for d in g]
    among = list(dict.fromkeys(among))
    if len(among) < 2:
        return False
    on_topic = set(topic_directions(c.k, topics, c.u.topic_mode))
    owners = [d for d in among if d in on_topic]
    q.measures, q.topics = [], topics
    c.u.topics = topics
    if not owners:
        # none of them: said for each, then the directions that do cover it
        q.intent, q.op, q.groups, q.source = (
            L.TOPIC,
            "topic_and_named",
            [[d] for d in among],
            "named",
        )
        return True
    q.intent, q.op, q.restrict, q.groups, q.source = L.TOPIC, "topic_field", owners, [], "all"
    # the topics the question asks, not those of the asker's own work said before it
    q.measures, q.topics = [], topics
    c.u.topics = topics
    return True


def topic_sought_beside_context_names(q: Query, c: Context) -> bool:
    """Directions sought on a topic in the asking clause, read as a comparison or a ranking of
    the partners named only around it: "我们和南非、以色列、俄罗斯的大学都有联系。以色列那边今年
    不方便，除了以色列之外，还有哪个方向明确提到疫苗？" asks every direction on vaccines but
    Israel's (the partners say whom the asker knows; the one set aside is left out)."""
    if q.intent not in (L.RANK, L.COMPARE, L.FIELDS, *INTENT_METRIC) or not c.u.topics:
        return False
    if not c.named:
        return False
    clauses = [cl for cl in _RAW_CLAUSE.split(c.u.text) if cl.strip()]
    clause = _asking_clause(c.u.text)
    folded = O.folded(clause)
    if not _DIRECTIONS_SOUGHT.search(folded) or _RANKS.search(folded):
        return False
    if _OTHERS.search(folded) and not _SET_ASIDE.search(c.text):
        # "中德项目有氢能，还有哪些方向也有？": the others of the one named (others_on_topic)
        return False
    found = c.index.find(normalize(clause), clause).mentions
    at = clauses.index(clause) if clause in clauses else -1
    if not any(m.kind == TOPIC for m in found) and at > 0:
        # "我们做的是用人工智能做文化遗产数字化，哪个方向最合适？": the work said just before
        before = c.index.find(normalize(clauses[at - 1]), clauses[at - 1]).mentions
        if any(m.kind in (PARTNER, DIRECTION) for m in before):
            return False
        found = [*found, *before]
        clauses = [cl for i, cl in enumerate(clauses) if i != at - 1]
    if not any(m.kind == TOPIC for m in found) or any(m.kind == CALL for m in found):
        return False
    aside: list[str] = []
    if any(m.kind in (PARTNER, DIRECTION) for m in found):
        if not _SET_ASIDE.search(folded):
            return False  # "哪个南非方向提到疫苗" asks within the name
        # "so apart from Israel, is there a direction …" (no comma of its own)
        aside += sorted(_clause_directions(c, clause))
    if [m for m in O.measures(folded) if m != "fields"] or O.operations(folded) & set(COMPARE_OPS):
        return False
    for cl in clauses:
        if cl == clause or not _clause_kinds(c, cl) & {PARTNER, DIRECTION}:
            continue
        f = O.folded(cl)
        if _NAME_ASKED.search(f) or O.operations(f) & set(COMPARE_OPS) or O.measures(f):
            return False  # "和南非比，哪个方向…": the name is asked about
        if _SET_ASIDE.search(f):
            aside += sorted(_clause_directions(c, cl))
    q.intent, q.groups, q.source, q.restrict, q.op = L.TOPIC, [], "all", None, "show"
    q.metric = c.u.metric = None
    c.u.groups = []
    asked = [m.id for m in found if m.kind == TOPIC]
    keep = [t for t in c.u.topics if t in asked]
    if keep:
        q.topics = c.u.topics = keep
    if len(q.topics) == 1:
        q.topic_mode = c.u.topic_mode = "union"
    if aside:
        q.excluded = c.u.excluded = list(dict.fromkeys([*c.u.excluded, *aside]))
    return True


# one direction asked to fit the asker's work: "哪个方向最合适", "which direction is matching
# for my topic", "which one fits us best" (not "哪些方向", "which directions")
_ONE_FITS = re.compile(
    r"哪(?:一)?个(?:指南)?方向(?:最|比较|比較)?(?:合适|适合|对口|匹配|啱)|"
    r"\bwhich\s+(?:one|direction|programm?e|program)\s+(?:is\s+)?(?:best\s+)?"
    r"(?:matching|matches|fits?|suits?|suitable|appropriate|right)\b"
)


def _topics_in_one_field(c: Context, d: Direction, topics: list[str]) -> tuple[int, float]:
    """The most of ``topics`` one field of ``d`` names together, then how specific they are (a
    topic of fewer directions weighs more: AI for cultural heritage over AI and digital)."""
    keys = {t: _topic_keys(c.k, (t,)) for t in topics}
    weight = {t: 1 / max(1, len(topic_directions(c.k, [t], "union"))) for t in topics}
    best = (0, 0.0)
    for hay in _field_haystacks(c.k, d):
        said = [t for t in topics if any(_key_in(k, hay) for k in keys[t])]
        best = max(best, (len(said), sum(weight[t] for t in said)))
    return best


def one_field_fits_all(q: Query, c: Context) -> bool:
    """The one direction asked to fit work of several topics, answered by the directions whose
    one field names the most of them together: "nano-encapsulation of food bioactive compounds —
    which direction is matching?" is the direction of nano-encapsulation in food, not every
    direction on nanotechnology or food; "用人工智能做文化遗产数字化，哪个方向最合适" the one of
    AI for cultural heritage."""
    if q.intent != L.TOPIC or q.op != "show" or len(q.topics) < 2:
        return False
    if not _ONE_FITS.search(O.folded(c.u.text)):
        return False
    on_topic = [i for i in topic_directions(c.k, q.topics, q.topic_mode) if i not in q.excluded]
    scores = {i: _topics_in_one_field(c, c.k.direction_by_id[i], q.topics) for i in on_topic}
    best = max(scores.values(), default=(0, 0.0))
    fit = [i for i, n in scores.items() if n == best]
    if best[0] < 2 or len(fit) == len(on_topic):
        return False
    rest = [i for i in on_topic if i not in fit]
    q.excluded = c.u.excluded = list(dict.fromkeys([*q.excluded, *rest]))
    return True
