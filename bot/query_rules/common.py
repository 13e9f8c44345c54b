"""Helpers the rules of several kinds share: clauses, named directions, measures of a text."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot import tracks as T
from bot.context import Turn
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC, Mention
from bot.querymodel import INTENT_METRIC, METRIC_INTENT, Context, Query
from bot.resolve import topic_directions
from knowledge.model import Direction
from textnorm.normalize import normalize

_WHICH = re.compile(r"哪|边|which|what|list|有冇|仲有|还有|有啲|有些")
# a filter asks which directions: also "有没有…", "is there a direction…", "any programmes…"
_ASKS_WHICH = re.compile(
    rf"{_WHICH.pattern}|有没有|有无|\b(?:is|are)\s+there\b"
    r"|\bany\s+(?:other\s+)?(?:directions?|programmes?|programs?|calls?)\b"
    # "others with the same?", "其他方向有一样的吗", "who else has the same average?": the other
    # directions sought
    r"|^\W*(?:and\s+|any\s+)?others?\s+with\b|\b(?:who|what|which)\s+else\b|(?:其他|其它|别的|其余)(?:的)?(?:方向|计划)?\s*(?:也|都)?(?:有(?!没|冇)|是一样|一样)"
)
_ASKED = re.compile(
    r"[?？]|多少|几(?!率)|吗|呢|哪|边个|边啲|边一个|什么|咩|乜|会唔会|会不会|可唔可以|可不可以|能不能|有没有|有冇|要不要|"
    r"要唔要|是否|可否|能否|"
    # how, who, when asked in Chinese ("审查流程是怎样，另外…", "由谁来评审；还有…")
    r"怎么|怎样|怎麼|如何|点样|谁|边个|几时|何时|使唔使|使不使|需不需要|需唔需要|"
    # 几率 is a noun ("为了提高立项几率，想问…" states a purpose); "几率大不大" asks by A-not-A
    r"([\u4e00-\u9fff])(?:不|唔)\1(?=\s|$|[，,。!！])|"
    r"\b(?:how|what|which|when|whether|is there|are there|can|could|does|do|did|"
    r"was|were|will|is|are|whether|wonder(?:ing)?|(?:want|wants|like)\s+to\s+know)\b"
)
# An aspect asks only in a clause that asks: English auxiliaries ask at the start of their
# clause ("Is the partner funded by…?"), not inside a statement ("Our partner is funded by
# Horizon Europe; what fields…" names the partner's funding as context).
_ASPECT_ASKED = re.compile(
    r"[?？]|多少|几(?!率)|吗|呢|哪|什么|咩|乜|会唔会|会不会|可唔可以|可不可以|能不能|有没有|有冇|要不要|"
    r"要唔要|是否|可否|能否|"
    # how, who, when asked in Chinese ("审查流程是怎样，另外…", "由谁来评审；还有…")
    r"怎么|怎样|怎麼|如何|点样|谁|边个|几时|何时|使唔使|使不使|需不需要|需唔需要|"
    # 几率 is a noun ("为了提高立项几率，想问…" states a purpose); "几率大不大" asks by A-not-A
    r"([\u4e00-\u9fff])(?:不|唔)\1(?=\s|$|[，,。!！])|"
    # a chat question closed by 不 ("博后能当负责人不", "能报不？"), never 不超过 / 不是
    r"(?:能|可以|可|会|行|要|有|是)[^，,。？?!！\s]{0,10}不(?=\s|$|[，,。!！])|"
    r"\b(?:how|what|which|when|whether|is there|are there|wonder(?:ing)?|"
    r"(?:want|wants|like)\s+to\s+know)\b|"
    # …or a request ("Sir kindly tell the eligibility criteria", "please advise the deadline")
    r"\b(?:tell|inform|advise|explain|kindly|let\s+(?:me|us)\s+know)\b|"
    # …or a question relayed ("my institute asks if the German side gets money from BMBF")
    r"\b(?:ask|asks|asked|asking)\s+(?:me\s+|us\s+|you\s+)?(?:if|whether)\b|"
    # …or after a colon that names the subject ("The Israeli side: does its ministry fund…")
    r"(?:^|[:：])\W*(?:(?:and|but|so|also|please)\s+)?(?:can|could|does|do|did|was|were|will|is|"
    r"are|may|must|should|would|has|have)\b|"
    # …or "who" opening the clause ("If we get the grant, who own the intellectual property – …");
    # inside a clause "who" is a relative ("my colleague who owns the patent")
    r"^\W*(?:(?:and|but|so|also|please)\s+)?who\b|"
    # …or a learner's question in the order of a statement ("It is possible to include one
    # Brazilian university as a third partner…, together with…?")
    r"^\W*(?:(?:and|but|so|also|please)\s+)?(?:it\s+is|it'?s)\s+(?:also\s+)?(?:possible|allowed|"
    r"permitted|ok|okay|acceptable)\b"
)


def _unsplit_with_fields(c: Context, ids: list[str]) -> bool:
    """Directions whose money is one line over several fields (no track per field)."""
    dirs = [c.k.direction_by_id[d] for d in ids if d in c.k.direction_by_id]
    return bool(dirs) and all(len(d.funding) == 1 and len(d.fields) > 1 for d in dirs)


def _field_part_not_given(q: Query, c: Context, ids: list[str]) -> None:
    q.intent, q.op, q.source, q.related = L.UNKNOWN, "unknown", "named", None
    q.groups, q.missing, q.about = [], ["field_shares"], [ids]
    aspect = next(a for a in O.VOCAB.aspects if a.id == "field_shares")
    notion = O.notion_named(aspect, c.text)  # the projects of a field, not its money
    q.notions = [f"field_shares.{notion}"] if notion else []


def _call_scope(c: Context) -> str | None:
    """The one call a message keeps to, if any; a call named as added to the rest ("连埋港澳台
    专项计", "including the Macao call") widens the pool instead."""
    mentions = [m for m in c.u.mentions if m.kind == CALL]
    if any(O.call_included(c.u.norm[max(0, m.start - 24) : m.start]) for m in mentions):
        return None
    if any(O.call_added_after(c.u.norm[m.end : m.end + 48]) for m in mentions):
        return None
    if O.directions_counted(c.u.norm) == len(c.k.directions):
        return None  # "在全部16个方向中": every direction, whatever call is named
    # a call set aside ("不算港澳台，政府间专项…") is no scope: the other one named is
    excluded = set(c.u.excluded)
    calls = {
        m.id
        for m in mentions
        if not (excluded and {d.id for d in c.k.directions_by_call.get(m.id, ())} <= excluded)
    }
    return c.u.scope or (next(iter(calls)) if len(calls) == 1 else None)


# the directions on a topic said as the pool of a ranking or filter: "在涉及食品的那几个方向里",
# "涉及食品的方向中", "among the directions that cover food" (a topic only in a sentence about the
# asker, "我喺科大做氫燃料電池", or a word like 汇报材料 is no pool)
_TOPIC_POOL = re.compile(
    r"(?:涉及|包括|包含|支持|资助|覆盖|做|有|关于)[^，,。?？!！]{1,16}?(?:的|嘅)\s*(?:那|这|呢|嗰)?"
    r"\s*(?:几个|些|几)?[^，,。?？!！]{0,8}?(?:方向|计划|项目)\s*(?:里面|里头|当中|之中|中|里|内|入面)|"
    r"\bamong\s+(?:the\s+|those\s+)?(?:directions?|programm?es?|programs?)\s+"
    r"(?:that|which|on|about|covering|funding|with|in)\b[^,.?!;]{1,40}|"
    r"\bof\s+the\s+(?:directions?|programm?es?|programs?)\s+(?:that|which)\s+"
    r"(?:cover|fund|include|mention|support)[^,.?!;]{1,40}"
)


def _topic_is_pool(c: Context) -> bool:
    for m in _TOPIC_POOL.finditer(c.text):
        span = m.group()
        if any(x.kind == TOPIC for x in c.index.find(normalize(span), span).mentions):
            return True
    return False


def _pool(c: Context, q: Query) -> list[str]:
    ids = [d.id for d in c.k.directions]
    scope = _call_scope(c)
    if scope:  # "总经费不低于3000万的政府间方向"
        ids = [i for i in ids if c.k.direction_by_id[i].call == scope]
    if c.u.topics and not c.named and _topic_is_pool(c):
        # "涉及食品的方向中，总经费最少的两个": the topic's directions are the pool
        on_topic = set(topic_directions(c.k, c.u.topics, c.u.topic_mode))
        ids = [i for i in ids if i in on_topic]
    return [i for i in ids if i not in c.u.excluded]


def _ends(text: str) -> set[str]:
    """The ends of a ranking a message names: "最多" / "the largest" / "排第一" is max,
    "最少" / "the smallest" / "排最后一名" is min."""
    ends = {
        "min" if O.VOCAB.bottom_words.search(m.group()) else "max"
        for m in O.VOCAB.superlative.finditer(text)
    }
    if O.VOCAB.rank_top.search(text):
        ends.add("max")
    if O.VOCAB.rank_bottom.search(text):
        ends.add("min")
    return ends


# "高过澳门方向嘅有几多个？": how many there are that meet it
_HOW_MANY_THAT = re.compile(r"(?:的|嘅)(?:方向)?(?:有|共有|一共有)(?:多少|几多|几)个(?!项目)")


def _asks_which_or_how_many(text: str) -> bool:
    """The directions that meet a condition, or how many they are, are asked."""
    return bool(
        _ASKS_WHICH.search(text) or O.asks_directions_count(text) or _HOW_MANY_THAT.search(text)
    )


def _figures(d: Direction, metric: str) -> list[float]:
    """A direction's stated figures for a measure (an average per track when it has two)."""
    if metric == "total":
        return [d.total]
    if metric == "count":
        return [d.projects.count]
    return [f.average for f in d.funding if f.average is not None]


def _split(groups: list[list[str]]) -> list[list[str]]:
    """One group of several directions (a partner) compared or added direction by direction."""
    if len(groups) == 1 and len(groups[0]) > 1:
        return [[d] for d in groups[0]]
    return groups


def _tie_at_top(c: Context) -> list[str]:
    """The directions sharing first place of the ranking just given, when several do: what
    "they" of the next message are ("项目数最多的方向是哪些？ → 它们的总经费一共多少")."""
    last = c.last
    if last is None or last.intent != L.RANK or not last.order or len(last.groups) != 1:
        return []
    top = list(last.groups[0])
    if len(top) < 2 or not set(top) < set(last.answered):
        return []
    return top


# "what share is it / is that?" after a ranking: the one it picked ("it" is no pronoun of the
# shared vocabulary: too common elsewhere)
_IT = re.compile(r"\b(?:it|that)\b")


def _top_of_last_ranking(c: Context) -> list[list[str]]:
    """ "总经费最高的是哪个方向？ → 它占整个专项的比例": "it" is the end the ranking picked (its
    first group), not every direction the ranking listed."""
    last = c.last
    if last is None or last.intent != L.RANK or not last.order or len(last.groups) != 1:
        return []
    one = O.VOCAB.pronoun.search(c.text) or _IT.search(c.text)
    if not one or O.VOCAB.refer_previous.search(c.text):
        return []  # "它们", "those": every direction the ranking listed
    if O.how_many_previous(c.text) and not O.VOCAB.pronoun.search(c.text):
        return []  # "these two" (but "它两个领域": its two tracks)
    return [list(last.groups[0])]


def _previous_selection(c: Context) -> list[list[str]] | None:
    # "去掉欧盟旗舰之后这些加起来多少": what was just said, minus what is set aside now
    out = set(c.u.excluded)
    chain = [g for g in ([d for d in g if d not in out] for g in _split(c.chain)) if g]
    answered = [d for d in c.answered if d not in out]
    n = O.how_many_previous(c.text)
    tie = _tie_at_top(c)
    if tie and O.refers_previous(c.text) and not n:
        return [[d] for d in tie if d not in out]  # "项目数最多的方向是哪些 → 它们…一共多少"
    if O.refers_previous(c.text) and len(answered) >= 2 and c.last and c.last.intent == L.RANK:
        return [[d] for d in answered]
    if n and len(chain) >= n:
        return chain[-n:]
    if n and c.last and len(chain) < n:
        # "Budget of Spain? → and of Finland and Russia? → the three together?": the count
        # asked reaches back past the last turn to the names before it
        earlier = _split([list(g) for g in c.last.history])
        earlier = [g for g in earlier if not set(g) & set(c.u.excluded)]
        if len(earlier) >= n:
            return earlier[-n:]
    if len(chain) >= 2:
        return chain
    if len(answered) >= 2:
        return [[d] for d in answered]
    # the measure changed on the way ("中意多少钱 → 以色列呢 → 平均呢 → 两个平均一样吗"):
    # the things named turn after turn are still what "the two" means
    history = _split([list(g) for g in c.last.history]) if c.last else []
    if n and len(history) >= n:
        return history[-n:]
    if not n and len(history) >= 2 and c.ops & {"ratio", "difference", "same"}:
        return history[-2:]  # "Spain avg → and the EU general one? → same or different?"
    return None


_THAN = re.compile(r"\bthan\b|比")
# "哪个最少", "邊個最多", "which one is the lowest", "which is highest?": a pick with no noun for
# directions; "哪个方向最少", "which direction…", "of all" ask over every direction
_BARE_WHICH = re.compile(
    r"^\W*(?:那|咁|那么|噉)?\s*(?:哪|边)(?:一)?个\s*(?:的|嘅)?\s*(?:最|是最|系最|比较|更)"
    r"|^\W*(?:and\s+|so\s+)?which\s+(?:one\s+|of\s+(?:them|these|those)\s+)?"
    r"(?:is|has|gets|was)?\s*(?:the\s+)?(?:most|least|highe?st|lowe?st|larg|small|bigg|fewe|cheap)"
)


def _apply_operation(q: Query, c: Context, groups: list[list[str]], default: str | None) -> None:
    metric = c.metric(default) or "total"
    if metric not in ("total", "count", "average"):
        metric = "total"
    q.groups, q.metric = groups, metric
    asks = sorted(c.ops & {"ratio", "difference", "same"})
    # "which is bigger: Finland, or both Korea programmes together?": a sum set against a name
    # ("与欧洲合作者较多…这三个方向加起来一共多少" says "more" of something else: a sum)
    against = "more" in c.ops and len(groups) == 2 and any(len(g) > 1 for g in groups)
    against = against and bool(
        _WHICH_DIRECTION.search(c.text) or _WHICH_SIDE.search(c.text) or _THAN.search(c.text)
    )
    # "which one of them has more money in total?", "哪个总共多": the sum word says the measure
    # (the total), the one with more is asked among them
    picks = "more" in c.ops and len(groups) >= 2 and all(len(g) == 1 for g in groups)
    which = _WHICH_DIRECTION.search(c.text) or _WHO_MORE.search(c.text)
    against = against or (picks and bool(which))
    if "sum" in c.ops and not asks and "each" not in c.ops and metric != "average" and not against:
        q.op, q.intent = "sum", METRIC_INTENT[metric]
    else:
        q.op, q.intent, q.asks = "compare", L.COMPARE, asks


def _averages_put_together(c: Context) -> bool:
    """Averages just given, and then "together" with no measure named: "韩国两个方向平均多少 →
    合在一起呢" is their pooled average (added averages mean nothing)."""
    if c.ops != {"sum"} or c.named or c.u.topics or _last_metric(c.last) != "average":
        return False
    return not [m for m in c.measures if m in METRIC_INTENT]


def _last_metric(last: Turn | None) -> str | None:
    if last is None:
        return None
    if last.intent in INTENT_METRIC:
        return INTENT_METRIC[last.intent]
    return last.metric if last.metric in ("total", "count", "average") else None


def _tracked(ident: str, c: Context) -> bool:
    d = c.k.direction_by_id.get(ident)
    return bool(d and len(d.funding) >= 2)


def _mentioned_groups(c: Context) -> list[list[str]]:
    """The directions of every partner or direction named in the message, one group each."""
    out: list[list[str]] = []
    for m in c.u.mentions:
        if m.kind == PARTNER:
            g = [d.id for d in c.k.directions_by_partner.get(m.id, ()) if d.id not in c.u.excluded]
            # "for Korea joint research 6 million? how many times more Korea?": the partner
            # named again is the one direction of it the message narrowed to
            narrowed = [h for h in c.u.groups if h and set(h) < set(g)]
            again = sum(1 for n in c.u.mentions if n.kind == PARTNER and n.id == m.id) >= 2
            if len(narrowed) == 1 and again:
                g = list(narrowed[0])
        elif m.kind == DIRECTION:
            g = [m.id]
        else:
            continue
        if g and g not in out:
            out.append(g)
    return out


# 比较多 / 比较高 is "rather many", an adverb: it compares nothing
_COMPARE_WORD = re.compile(r"compar|对比|比较(?![多少高低大小好])|相比|\bvs\b|versus")


_QUESTION = re.compile(r"(?<=[?？])")


# a question joined to another by "and": "is water technology funded in the Israel call and
# what is the average amount?" (each part asks its own thing)
_AND_ASKS = re.compile(
    r",?\s+and\s+(?=(?:what|how|which|is|are|does|do|can)\b)|[，,]\s*(?=(?:还有|以及|另外|并且))"
)


# clauses of a message; an ASCII comma is left alone ("Israel, Germany and Austria" is a list)
# "all EU directions, i.e. the joint labs, …": the dot of an abbreviation ends no clause
_RAW_CLAUSE = re.compile(r"[，。?？!！;；\n]|(?<!\bi\.e)(?<!\be\.g)\.(?:\s|$)|\s[-–—]\s")


def _clause_directions(c: Context, clause: str) -> set[str]:
    ids: set[str] = set()
    for m in c.index.find(normalize(clause), clause).mentions:
        if m.kind == PARTNER:
            ids.update(d.id for d in c.k.directions_by_partner.get(m.id, ()))
        elif m.kind == DIRECTION:
            ids.add(m.id)
    return ids


# 最多 bound to the quantity asked, as a limit: "一共最多几个", "最多能资助多少个",
# "at most how many"
_AT_MOST_ASKED = re.compile(
    r"最多(?:可以|能|会|可)?(?:资助|支持|批|有)?(?:几|多少|几多)|(?:一共|总共|合计|加起来|共)最多"
    r"|\bat\s+most\b|\bmaximum\b|\bup\s+to\s+how\s+many\b"
)


# an end of the money asked without 多/少: "邊個最平", "which is cheapest", "maximum money"
_MONEY_EXTREME = re.compile(
    r"最(?:平(?!均)|便宜|贵|貴)|\b(?:cheapest|most\s+expensive|maximum|minimum)\b"
)


def _asking_clause(text: str) -> str:
    """The clause that asks: the last one with a question word, else the last one (the question
    words are Simplified: a Traditional clause "仲有邊啲方向…" is read folded)."""
    clauses = [cl for cl in _RAW_CLAUSE.split(text) if cl.strip()]
    asking = [cl for cl in clauses if _ASKED.search(O.folded(cl))]
    return (asking or clauses or [text])[-1]


def _clause_kinds(c: Context, clause: str) -> set[str]:
    return {m.kind for m in c.index.find(normalize(clause), clause).mentions}


# "which directions …" asks over every direction, so an "it" after it is the topic ("Hydrogen
# topic - which directions fund it?"), not the direction named before
_WHICH_DIRECTIONS = re.compile(
    r"(?:哪|边)(?:些|几个|啲)\s*(?:方向|计划|项目|专项|call)|\bwhich\s+(?:directions|programmes|"
    r"programs|calls|ones)\b"
)
# the partner of the direction asked beside a figure: "是跟哪个国家的？资助几个项目？"
_WHICH_PARTNER = re.compile(
    r"(?<!忘记是)(?<!忘了是)(?<!不记得是)(?<!记不清是)(?<!忘记)(?<!忘了)"
    r"(?:哪|边|什么)(?:个|一个)?(?:国家|国|合作方)|\b(?:which|what)\s+(?:country|partner)\b"
)


_OTHER_FIELDS = re.compile(r"领域|内容|\b(?:fields?|areas?|topics?)\b")


_ANY_DIRECTION = re.compile(r"方向|计划|项目|专项|direction|programme|program|call|any\b")


_WHICH_DIRECTION = re.compile(r"哪个|哪一个|哪家|边个|边一个|\bwhich\b|\bwho\b")
# "跟南非联合研究比谁多": 谁 picks the one with more (not "谁可以申请", who may apply)
_WHO_MORE = re.compile(r"谁(?:的)?(?:更|比较|会)?(?:多|少|高|低|大|小)")
# "…加起来多少？…加起来又是多少？哪边多？", "which side is more?": two sums, the side with more
_WHICH_SIDE = re.compile(r"哪(?:一)?边|哪一方|\bwhich\s+side\b")


def _mention_ids(m: Mention, c: Context) -> list[str]:
    if m.kind == PARTNER:
        return [d.id for d in c.k.directions_by_partner.get(m.id, ())]
    return [m.id]


def _track_topics(c: Context, d: Direction) -> dict[int, set[str]]:
    """The topics each track's label holds (the climate words of a climate track)."""
    key = ("track_topics", d.id)
    cache = c.k._cache
    if key not in cache:
        out: dict[int, set[str]] = {}
        for i, f in enumerate(d.funding):
            if f.track is None:
                continue
            found: set[str] = set()
            for lang in ("zh-Hans", "en"):
                label = f.track.get(lang)
                found |= {
                    m.id for m in c.index.find(normalize(label), label).mentions if m.kind == TOPIC
                }
            out[i] = found
        cache[key] = out
    return cache[key]


_CLAUSE_END = re.compile(r"[，,。；;？?！!\n]|\.(?:\s|$)")


def _without_asker_clauses(c: Context, text: str | None = None) -> str:
    """The message (or a part of it) without its clauses about the asker that name nothing of
    the notice."""
    keep = []
    for clause in _CLAUSE_END.split(c.text if text is None else text):
        if O.VOCAB.asker_context.search(clause):
            found = c.index.find(normalize(clause), clause).mentions
            if not any(x.kind in (PARTNER, DIRECTION, CALL) for x in found):
                continue
        keep.append(clause)
    return "，".join(keep)


def _of_the_asker(c: Context, m: Mention) -> bool:
    """A topic in a clause about the asker that names nothing ("我们做气候变化领域的研究，欧盟旗舰
    平均多少", "we work in the climate area; EU flagship average?") is not a track asked."""
    for clause in _CLAUSE_END.split(c.text):
        norm = normalize(clause)
        if m.text not in norm or not O.VOCAB.asker_context.search(clause):
            continue
        names = c.index.find(norm, clause).mentions
        if not any(x.kind in (PARTNER, DIRECTION) for x in names):
            return True
    return False


def _tracks_named(c: Context, d: Direction, field_asked: bool = False) -> list[int]:
    """The tracks of ``d`` the message names: by the track's own words, else by a topic word
    of one track's label right before a track word ("气候变化那个领域", "the climate track"), or
    anywhere when the message asks a field of the direction in talk ("→ and the food one?")."""
    hits = T.named_tracks(c.u.norm, d)
    if hits:
        # a track's words in a clause about the asker that names nothing ("我校与瓦赫宁根大学在
        # 食品与农业生物技术方面有合作，…旗舰和一般类加起来多少") are their work, not a track asked
        return T.named_tracks(normalize(_without_asker_clauses(c)), d)
    topics = [
        m.id
        for m in c.u.mentions
        if m.kind == TOPIC
        and (field_asked or (T.track_word_after(c.u.norm, m.end) and not _of_the_asker(c, m)))
    ]
    return T.topic_tracks(d, topics, _track_topics(c, d)) if topics else []
