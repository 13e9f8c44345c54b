"""Rules for the measures asked: several at once, each track's, figures checked, fields, places."""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot import tracks as T
from bot.entities import DIRECTION, PARTNER, TOPIC
from bot.query_rules.common import (
    _AND_ASKS,
    _AT_MOST_ASKED,
    _CLAUSE_END,
    _COMPARE_WORD,
    _WHICH,
    _asking_clause,
    _clause_kinds,
    _ends,
    _last_metric,
    _previous_selection,
    _tracked,
    _tracks_named,
    _without_asker_clauses,
)
from bot.querymodel import COMPARE_OPS, INTENT_METRIC, METRIC_INTENT, Context, Query
from bot.resolve import topic_directions

# "排第几", "第幾名", "where does it rank", "Austria rank by total budget": the place of one
# named direction in a ranking, not its figure alone
_PLACE_ASKED = re.compile(
    r"排(?:名)?(?:在)?第(?:几|幾)|第(?:几|幾)(?:名|位|多|大|高)|排名(?:如何|怎么样|怎樣|多少)|"
    r"排(?:老)?(?:几|幾)|排(?:喺|在)?第?(?:幾多|几多)|"
    r"\brank(?:s|ed|ing)?\b|\b(?:which|what)\s+(?:place|position)\b|"
    r"\bwhere\s+(?:does|do|did|would|is)\s+(?:that|this|it|they)\s+(?:put|place|leave|stand|sit)"
    r"|\bwhere\s+(?:does|do|is)\s+.{1,40}?\s+(?:stand|place|come)\b"
    r"|\bwhere\s+is\s+(?:it|that|this)\s+in\s+the\s+rank"
    r"|\bwhere\s+(?:is|are)\s+(?:it|that|this|they)\s+(?:by|on|in\s+terms\s+of)\s"
    # "在所有方向里算第几", "处于什么位置", "排喺邊個位置": the place said another way
    r"|(?:算|位列|位居|处于|处在)第(?:几|幾)|(?:什么|咩|哪个|边个|乜嘢?)位置|第(?:几|幾)位"
    # "是倒数第几": the place counted from the bottom
    r"|倒(?:数|數)第(?:几|幾)"
    r"|排(?:在|喺)?(?:哪里|哪儿|边度|哪个位置|边个位置)"
    # "算高的吗", "is that high compared to the others?": where it stands among the rest
    r"|算(?:是)?(?:高|低|多|少|大|小)(?:的)?(?:吗|么|不|吧|嗎|麼)"
    r"|\b(?:high|low|big|small|large|much|many)\s+compared\s+(?:to|with)\s+(?:the\s+)?"
    r"(?:others|rest|other\s+directions)\b"
)
# "Is Argentina the smallest budget of all?", "澳门是不是经费最少的": a yes/no on one end
_YES_NO = re.compile(
    r"^\s*(?:is|are|was|does|do)\b|是不是|是否|係咪|系咪|是唔是|(?:吗|嗎|么|麼)\s*[?？]?\s*$"
)

_LIMIT_NUMBER = re.compile(
    r"(?:最多|最少|至多|至少|不超过|不超過|at\s+most|at\s+least|up\s+to|no\s+more\s+than)"
    r"\s*(?:资助|資助|fund|support)?\s*\d"
)


def _place_of_previous(c: Context) -> list[list[str]]:
    """The one direction the last answer was about, when its place is asked with no name:
    "中芬经费多少 → 排第几", "How many projects for Finland? → Where does that put it among the
    15 directions?" (the ranking is by the measure just given unless another is named)."""
    last = c.last
    if c.named or last is None or c.u.topics:
        return []
    # "中芬经费多少 → 是最多的吗", "Finland budget? → is that the biggest one?": yes or no,
    # with its place
    checked = len(_ends(c.text)) == 1 and bool(_YES_NO.search(_asking_clause(c.text)))
    if not (_PLACE_ASKED.search(c.text) or checked):
        return []
    if O.points_back_many(c.text):
        return []  # "rank them please", "rank these 3": the directions talked about, ordered
    programs = last.programs
    return [programs] if len(programs) == 1 else []


def place_of_named(q: Query, c: Context) -> bool:
    """The place of one named direction in a ranking of its call's directions: "奥地利总经费在
    政府间专项里排第几", "Austria rank by total budget?", "Is Argentina the smallest budget of
    all directions?" (yes or no, with its place); with no name, the direction just answered."""
    previous = _place_of_previous(c)
    named = previous or c.named
    if len(named) != 1 or len(named[0]) != 1 or c.ops & {"ratio", "difference", "sum"}:
        return False
    if O.ordinal(c.text) and not _PLACE_ASKED.search(c.text):
        return False
    # "1. 新材料是否在资助范围内；2. 最多支持几个项目": 最多 before a count asked is the limit
    # (the notice's 不超过), no end of a ranking
    ends = _ends(_AT_MOST_ASKED.sub(" ", c.text))
    clause = _asking_clause(c.text)
    yes_no = len(ends) == 1 and bool(_YES_NO.search(clause) or _YES_NO.search(c.text))
    if yes_no and _LIMIT_NUMBER.search(c.text):
        return False  # "是不是最多资助20个项目": a limit asked, not an end of a ranking
    if not (_PLACE_ASKED.search(c.text) or yes_no):
        return False
    metric = c.metric((_last_metric(c.last) if previous else None) or "total") or "total"
    if metric not in ("total", "count", "average"):
        metric = "total"
    d = c.k.direction_by_id.get(named[0][0])
    if d is None:
        return False
    q.intent, q.op, q.metric = L.RANK, "place", metric
    q.source = "previous" if previous else "named"
    q.groups = [[d.id]]
    q.order = ends.pop() if yes_no else None
    q.restrict = _place_pool(c, {d.call})
    return True


def _place_pool(c: Context, calls: set[str]) -> list[str]:
    """The directions a place is counted among: those of the named directions' calls; every
    direction when the message counts them all ("在所有16个方向里排第几") or when the call has
    no other direction to be ranked against (the Macao direction alone in its call)."""
    pool = [x.id for x in c.k.directions if x.call in calls and x.id not in c.u.excluded]
    every = O.directions_counted(c.u.norm) == len(c.k.directions) or O.whole_notice(c.text)
    if every or len(pool) < 2:
        pool = [x.id for x in c.k.directions if x.id not in c.u.excluded]
    return pool


# the order of several asked, not their places: "rank them please", "这三个按经费排个序"
_ORDER_ASKED = re.compile(
    r"\brank\s+(?:them|these|those|the\s+\w+)\b|^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?"
    r"rank\b|\b(?:sort|order)\b|排序|排个序|排一下|排一排"
    r"|从高到低|从低到高|从多到少|从少到多"
)


def places_of_several(q: Query, c: Context) -> bool:
    """The place of each of a few directions, named or just talked about: "芬兰和德国的经费各排
    第几", "Where do Finland and Germany rank by budget?", "芬兰多少钱 → 德国呢 → 它们分别排第
    几" — each one's place in its call's ranking, not a comparison of the two."""
    if not _PLACE_ASKED.search(c.text) or _ORDER_ASKED.search(c.text) or c.u.topics:
        return False
    if c.ops & {"ratio", "difference", "sum"} or O.ordinal(c.text) or _ends(c.text):
        return False
    ids = [d for g in c.named for d in g]
    previous = not ids and c.last is not None and O.points_back_many(c.text)
    if previous and c.last is not None:
        ids = [d for g in (_previous_selection(c) or [list(g) for g in c.last.groups]) for d in g]
    ids = [d for d in dict.fromkeys(ids) if d in c.k.direction_by_id]
    if not 2 <= len(ids) <= 6:
        return False
    metric = c.metric((_last_metric(c.last) if previous else None) or "total") or "total"
    if metric not in ("total", "count", "average"):
        metric = "total"
    calls = {c.k.direction_by_id[d].call for d in ids}
    q.intent, q.op, q.metric, q.order = L.RANK, "place", metric, None
    q.source = "previous" if previous else "named"
    q.groups = [[d] for d in ids]
    q.restrict = _place_pool(c, calls)
    return True


# "so how much each one?", "how much for each then?": money asked of "each" with nothing else
_HOW_MUCH_EACH = re.compile(
    r"\bhow\s+much\s+(?:money\s+)?(?:is\s+|for\s+|does\s+|do\s+|goes\s+to\s+|to\s+|will\s+|would\s+"
    r"|can\s+|could\s+)?each"
    r"(?:\s+(?:one|of\s+them))?\b(?!\s+(?:direction|programme|program|partner|country|call))"
    # "so each one how much?", "and for each one?": the learner's order, or the money left out
    r"|\beach(?:\s+(?:one|project|proyect|projet|proj|grant))?\s+how\s+much\b"
    r"|\bhow\s+much\s+per\s+one\b"
    r"|^\W*(?:(?:so|and|then)\s+)?(?:for\s+)?each(?:\s+one)?"
    r"(?:\s+then)?\W*$"
    # "so each one receive how much?", "each gets how much": a learner's verb before how much
    r"|\beach(?:\s+one)?\s+(?:(?:will|would|can|could|does|do)\s+)?"
    r"(?:receives?|gets?|obtains?|takes?|has|have)\s+how\s+much\b"
    # "政府间专项几个项目 → 每个拿多少": each of the projects just counted, in Chinese
    r"|^\W*(?:那|咁|所以|那么)?\s*每(?:一)?个(?:项目)?\s*(?:能|可以|可|会|大概)?\s*"
    r"(?:拿|得|获|分|收)(?:到|得)?\s*(?:多少|几多)"
)


def each_of_the_projects_counted(q: Query, c: Context) -> bool:
    """Money asked of "each" right after the projects of one direction were counted: "budget of
    the EU joint labs? → how many projects? → so how much each one?" is the average per
    project, not the total again (the count just given is what "each" points at)."""
    last = c.last
    if c.named or last is None or c.u.topics:
        return False
    if _last_metric(last) != "count" or not _HOW_MUCH_EACH.search(c.text):
        return False
    if set(c.measures) - {"total", "average"} or c.ops & {"sum", "ratio", "difference"}:
        return False
    scope = last.scope or (last.calls[0] if len(last.calls) == 1 else None)
    if not last.groups and scope:
        # "how many projects in the intergovernmental call? → so each one receive how much?":
        # the call's budget over its projects, computed (call_average's reading)
        q.intent, q.op, q.metric, q.source = L.AVERAGE, "call_average", "average", "all"
        q.calls, q.groups, c.u.scope = [scope], [], scope
        return True
    if len(last.programs) != 1:
        return False
    q.intent, q.op, q.metric, q.source = L.AVERAGE, "show", "average", "previous"
    q.groups = [list(last.programs)]
    return True


_ZH_SENTENCE_END = re.compile(r"(?<=[?？。！])")


def _topic_checked(c: Context) -> bool:
    """A question of its own checks a topic of the named direction: "…is about hydrogen
    only?", "支持人工智能吗？" — its fields are asked beside any figure."""
    if not c.u.topics or not c.named:
        return False
    # a statement before the question ("我校…在绿色建筑方面合作紧密。想问…几个项目？") checks
    # nothing: only sentences that end in a question mark do (Chinese full stops only: an
    # English statement's topic still counts beside its question)
    for sentence in _ZH_SENTENCE_END.split(c.u.text):
        if not sentence.rstrip().endswith(("?", "？")):
            continue
        for part in _AND_ASKS.split(sentence):  # "is water funded … and what is the average?"
            # "our group works on hydrogen …, there are two Korea directions, right?": the topic
            # of the asker's own work is not checked
            own = _without_plan_clauses(_without_asker_clauses(c, part))
            if not O.measures(O.folded(part)) and TOPIC in _clause_kinds(c, own):
                return True
    return False


def _without_plan_clauses(text: str) -> str:
    """``text`` without the clauses, before its last, that state what the asker's people plan
    ("心内科和卡罗林斯卡想共建一个心血管疾病联合实验室，应该是对应中欧联合实验室吧？": the lab's
    topic is their plan; the question confirms the direction)."""
    clauses = [x for x in _CLAUSE_END.split(text) if x.strip()]
    if len(clauses) < 2:
        return text
    kept = [x for x in clauses[:-1] if not O.VOCAB.plan_stated.search(O.folded(x))]
    return "，".join([*kept, clauses[-1]])


def fields_side_by_side(q: Query, c: Context) -> bool:
    """Fields compared ("俄罗斯做哪些领域" → "跟西班牙比呢"): a comparison of the directions,
    shown as each one's fields side by side (the notice ranks no field above another)."""
    if "fields_compared" not in c.u.rules or q.intent != L.FIELDS or len(q.groups) < 2:
        return False
    q.intent, q.op = L.COMPARE, "compare_fields"
    return True


def _field_of_one_in_talk(c: Context) -> bool:
    """A topic that is a field of the one direction just talked about, split by track: the
    track's figures are asked, not those of every direction on the topic."""
    if not c.u.topics or not c.last or len(c.last.groups) != 1 or len(c.last.groups[0]) != 1:
        return False
    (ident,) = c.last.groups[0]
    d = c.k.direction_by_id.get(ident)
    if not T.tracked(d):
        return False
    return ident in topic_directions(c.k, list(c.u.topics), c.u.topic_mode)


# "does it support": the one direction just talked about (several measures of it asked)
_IT = re.compile(r"\bit\b")


# a plus sign with a measure's words on both sides ("how many projects + average?", "项目数+平均")
_PLUS_JOINS = re.compile(
    r"(?<=[a-z\u3400-\u9fff?？])\s*[+＋]\s*(?=(?:the\s+|and\s+)?(?:avg|average|mean|per|how|"
    r"total|budget|money|number|count|fields?|平均|每项|每个|总|经费|项目|领域|多少|几))"
)


# "how many projects it supports in each of its fields": the fields are what the figure is
# given per, they are not asked
PER_FIELD = re.compile(
    r"\b(?:in|for)\s+(?:each|every)\s+(?:one\s+)?(?:of\s+(?:its|the|their|these|those)\s+)?"
    r"(?:two\s+)?(?:fields?|areas?|tracks?|strands?)\b|\bper\s+(?:field|area|track|strand)\b"
)


def figure_per_field(q: Query, c: Context) -> bool:
    """One figure asked per field of the direction in talk: "how many projects does it fund in
    each field?" - the figure (its answer gives each track's), not the fields."""
    asked = [m for m in c.measures if m in METRIC_INTENT]
    if q.intent != L.FIELDS or len(asked) != 1 or not PER_FIELD.search(c.text) or not q.groups:
        return False
    q.intent, q.metric, q.op = METRIC_INTENT[asked[0]], asked[0], "show"
    return True


def several_measures(q: Query, c: Context) -> bool:
    """Several measures of the same direction(s) at once: "Spain: total, number of projects and
    fields please", "经费、项目数和研究领域分别是什么", "1）国拨总经费；2）最多支持的项目数；
    3）平均每个项目资助额度" → the direction's card (intent detail)."""
    asked = [m for m in c.measures if m in ("total", "count", "average", "fields", "period")]
    if "fields" not in asked and _topic_checked(c):
        asked.append("fields")  # "The South Africa flagship is about hydrogen only? And …money?"
    # "芬蘭方向做咩㗎？係咪三年？", "俄罗斯方向做什么？是不是20个项目？": what it does (read by
    # the understanding, no measure word), and its period or count checked ("南非氢能旗舰就只资助
    # 一个吗" names its topic: only the count is asked)
    what_it_does = c.u.intent == L.FIELDS and c.named and not c.u.topics
    if "fields" not in asked and what_it_does and asked in (["period"], ["count"]):
        asked.append("fields")
    names = any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions)
    if c.u.topics and not names and "each" in c.ops and len(asked) == 2 and "fields" in asked:
        # "Which directions cover hydrogen, and how much does each get?": "which directions"
        # selects by the topic, the figure of each is what is asked
        return False
    # a comparison word of a sentence about the asker ("我校…在氢能方面积累较多") compares nothing
    asking = _without_asker_clauses(c)
    if len(asked) < 2 or O.operations(asking) & set(COMPARE_OPS) or _COMPARE_WORD.search(asking):
        return False
    figures = set(asked) <= {"total", "count", "average"}  # fields or period: the cards say them
    if len(q.groups) >= 2 and figures and O.difference_asked(c.text):
        # "两个方向在经费、项目数上有何区别", "我想compare下佢哋嘅…": each measure compared (rule
        # comparison); a difference word is never about the asker, so the whole text is read
        return False
    groups = c.named
    if not groups and c.u.intent == L.RANK and c.u.restrict and not _WHICH.search(c.text):
        groups = [list(c.u.restrict)]  # "西班牙…最多支持的项目数": a limit, not a ranking
    if not groups and c.u.from_context and len(c.u.groups) == 1 and not c.chain:
        # the one direction a topic answer found ("which direction has AI for cultural heritage
        # → how many projects and how much in total?"): its "in total" adds nothing up
        groups = [list(c.u.groups[0])]
    # "ok, how many projects does it support in total and what is the average?" right after one
    # direction: its own figures ("in total" adds nothing up; arithmetic over the conversation
    # came before, in arithmetic_on_previous)
    one_in_talk = (
        not groups
        and c.last is not None
        and len(c.last.groups) == 1
        and len(c.last.groups[0]) == 1
        and bool(O.follow_up(c.text) or O.VOCAB.pronoun.search(c.text) or _IT.search(c.text))
    )
    # "how many projs + avg per proj?": a plus sign between two measures joins the questions,
    # it adds nothing up
    ops = O.operations(_PLUS_JOINS.sub(" ", c.text)) if _PLUS_JOINS.search(c.text) else c.ops
    summed = "sum" in ops and (len(groups) != 1 or c.chain) and "each" not in ops
    if summed and not one_in_talk:
        # "一共几个" of one direction named alone is its count, not arithmetic; questions
        # forwarded for each of several people ("王老师想知道…；赵老师想知道…一共几个") each ask
        return False
    if not names and _field_of_one_in_talk(c):
        return False  # "…areas? → climate area: budget and how many?" (track_of_previous)
    if not groups and c.u.from_context and c.u.groups:
        groups = [list(g) for g in c.u.groups]
    previous = False
    if not groups and c.last and len(c.last.groups) == 1 and (O.follow_up(c.text) or one_in_talk):
        # "…補助領域是否限定氫能？ → 了解，那核定件數與平均補助額度呢？": the direction in talk
        groups, previous = [list(c.last.groups[0])], True
    if not groups or len({d for g in groups for d in g}) > 4:
        return False
    if c.u.intent in (L.TOPIC, L.PARTNERS, L.OVERVIEW, L.HELP):
        return False
    if c.u.intent == L.UNKNOWN and not previous:
        return False
    q.intent, q.op, q.groups, q.measures = L.DETAIL, "show", groups, asked
    return True


def tracks_each_measured(q: Query, c: Context) -> bool:
    """Several measures of each track of one direction: "EU flagship: how much for the food area
    vs the climate area, and how many projects and average in each?", "中欧旗舰两个领域各自的
    经费、项目数和平均" — the direction's card, which gives every track's figures."""
    named = [d for g in c.named for d in g]
    if len(named) != 1 or not _tracked(named[0], c) or q.op != "show":
        return False
    asked = [m for m in c.measures if m in METRIC_INTENT]
    if len(asked) < 2 or not ("each" in c.ops or _COMPARE_WORD.search(c.text)):
        return False
    if c.ops & {"ratio", "difference", "same", "sum"}:
        return False
    q.intent, q.groups, q.measures = L.DETAIL, [named], asked
    return True


_CLAIMED_MONEY = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|million\b|m\b)")
_CLAIMED_COUNT = re.compile(
    r"\d+\s*(?:个|项|件)(?!领域|方向|国家|国|地区|合作方|方面|指南)|\b\d+\s+(?:projects?|grants?)\b"
)
_CHECKED = re.compile(
    r"[?？]|吗|么|是不是|是否|对不对|对唔对|系咪|系唔系|啱唔啱|\b(?:right|correct|true|yes)\b"
    # a colleague's figures to confirm: "Could you kindly confirm…", "请帮忙确认一下"
    r"|确认|核实|\b(?:confirm|verify)\b"
)


def figures_checked(q: Query, c: Context) -> bool:
    """Two or more figures of one direction checked at once: "阿根廷那个方向一项才50万？总共也就
    200万？", "中德計畫是不是每項400萬、總共5項？", "So Israel gets 20 million and 10 projects,
    right?" — the direction's card states each figure the notice gives, so the asker sees
    which ones hold."""
    named = c.named
    if len(named) != 1 or len(named[0]) != 1 or q.op != "show" or c.u.from_context:
        return False
    # "总共也就200万" of one direction is its total, not a sum
    if c.ops & {"ratio", "difference", "more", "each"} or not _CHECKED.search(c.text):
        return False
    # a money figure and another one ("是固定20件还是上限20件" asks the count alone)
    money = len(_CLAIMED_MONEY.findall(c.text))
    if not money or money + len(_CLAIMED_COUNT.findall(c.text)) < 2:
        return False
    q.intent, q.groups = L.DETAIL, [list(named[0])]
    q.measures = [m for m in ("total", "count", "average") if m in c.measures] or ["total"]
    return True


def fields_asked_plainly(q: Query, c: Context) -> bool:
    """The fields the only measure the message names, while a cue of its context read a figure:
    "…We have also a project with Aalto… Which research fields are in the China-Finland
    cooperation?", "中以lingyu" — the fields of the direction named."""
    # no figure is asked to add up ("apply together with our friends" is no sum)
    if c.measures != ["fields"] or q.op != "show" or not q.groups or c.ops & set(COMPARE_OPS):
        return False
    card = q.intent == L.DETAIL and "names_alone_ask_card" in c.u.rules
    if q.intent not in (L.AVERAGE, L.BUDGET, L.COUNT) and not card:
        return False
    q.intent, q.metric = L.FIELDS, None
    return True


def asked_measure(q: Query, c: Context) -> bool:
    """One measure named plainly beats a cue sum that read another: "中芬计划补助件数上限是
    多少" asks the count, "Total for the China–Europe joint lab projects?" the budget."""
    asked = [m for m in c.measures if m in ("total", "count", "average")]
    if (
        q.intent == L.FIELDS
        and c.u.topics
        and len(asked) == 1
        and len(c.measures) == 1
        and O.asks_quantity(c.text)
        and q.groups
    ):
        # "韩国联合研究项目（非能源技术类）总经费是多少": a topic in a name, a budget asked
        q.intent, q.metric = METRIC_INTENT[asked[0]], asked[0]
        return True
    if (
        q.intent == L.DETAIL
        and c.measures == ["fields"]
        and q.groups
        and "overview_of_names_is_card" in c.u.rules
    ):
        q.intent = L.FIELDS  # "what r the fields of the Macao joint funding call?"
        return True
    if len(asked) != 1 or q.intent not in INTENT_METRIC or not q.groups:
        return False
    if INTENT_METRIC[q.intent] == asked[0] or len(c.measures) > 1:
        return False
    if asked[0] == "average" and q.intent != L.BUDGET:
        return False  # "每件補助多少" read as a budget is the average
    if q.intent == L.AVERAGE and asked[0] != "count":
        return False  # an average asked in words the vocabulary does not know stays one
    q.intent, q.metric = METRIC_INTENT[asked[0]], asked[0]
    return True


def measure_side_by_side(q: Query, c: Context) -> bool:
    """Another measure after two directions shown side by side but never compared: "spain and
    germany budget? → and the average?" asks both averages, not which is higher."""
    if q.intent != L.COMPARE or q.op != "show" or "comparison_follow_up" not in c.u.rules:
        return False
    if not c.last or c.last.compared or c.ops or _COMPARE_WORD.search(c.text):
        return False
    metric = q.metric if q.metric in METRIC_INTENT else c.metric(None)
    if metric not in METRIC_INTENT:
        return False
    q.intent, q.metric = METRIC_INTENT[metric], metric
    return True


# the operations over a direction's own figures, which a track of it can stand in for
_TRACK_OPS = ("show", "compare", "sum", "nth", "top", "filter", "place", "list")
_TRACK_INTENTS = (L.BUDGET, L.COUNT, L.AVERAGE, L.COMPARE, L.RANK, L.DETAIL)


def _named_here(ident: str, c: Context) -> bool:
    """The direction is named in this message itself, by its name, partner or marker words."""
    d = c.k.direction_by_id.get(ident)
    for m in c.u.mentions:
        if m.kind == DIRECTION and m.id == ident:
            return True
        if m.kind == PARTNER and d is not None and m.id == d.partner:
            return True
    return ident in c.u.markers


def track_as_unit(q: Query, c: Context) -> bool:
    """A direction narrowed to one of its tracks, whatever the operation: "欧盟旗舰FAB领域平均
    是中意的几倍" (the track against Italy), "阿根廷、…、欧盟旗舰的FAB领域、俄罗斯 按平均排序" (the
    track in the list ranked), "欧盟旗舰FAB平均多少 → 阿根廷呢 → 是几倍" (the track kept by the
    conversation), "那另一个领域呢" (the other track). Both tracks named, or counted ("两个领域
    加起来"), are the direction itself."""
    # a track's share of a whole ("FAB领域占政府间专项总经费的百分之几") is of the track; the share
    # of each track inside its direction ("tracks") keeps the direction whole
    share = q.op == "share" and "tracks" not in q.asks
    if "tracks_each_measured" in q.rules:
        return False  # the figures of each track were asked: the card gives them all
    if (q.intent not in _TRACK_INTENTS or q.op not in _TRACK_OPS) and not share:
        return False
    ids = list(dict.fromkeys([*q.programs, *(q.restrict or [])]))
    carried = dict(c.last.tracks) if c.last else {}
    both = bool(T.BOTH.search(c.u.norm))
    tracks: dict[str, int] = {}
    for ident in ids:
        d = c.k.direction_by_id.get(ident)
        if d is None or not T.tracked(d):
            continue
        if "the_other_track" in c.u.rules and ident in carried:
            hits = [i for i in range(len(d.funding)) if i != carried[ident]]
        else:
            hits = _tracks_named(c, d, "track_of_previous" in q.rules)
        if len(hits) == 1 and not both:
            tracks[ident] = hits[0]
        elif not hits and not both and ident in carried and ident in q.programs:
            if _named_here(ident, c):
                continue  # the direction asked again by name is the whole of it
            if "sum" in c.ops and q.programs == [ident]:
                continue  # "→ and the food one? → together?": its tracks added up
            tracks[ident] = carried[ident]  # "是几倍" after the track and another direction
    if not tracks:
        return False
    q.tracks = tracks
    return True
