"""What a message asks, decided by named rules in one ordered table (``RULES``).

Understanding (bot/understand.py) first reads the message: names, cue words, topics, the
strongest cue. The rules below then decide, in the table's order, what is asked. Each rule is a
small function of the shared ``State``; it returns True when it applied (changed something). A
rule marked ``FINAL`` ends the decision when it applies; the others adjust the state and let the
later rules decide. The names of the rules that applied travel with the reply (``callbot ask
--json``, key ``rules``), and tests/test_rules.py holds the messages that motivate each rule.

Order still matters, but it is written down in one place: out of scope and greetings come
first only when nothing else is asked, then filters, rankings and comparisons, then the strongest
cue word and the conversation's context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from bot import intents as L
from bot import operations as O
from bot import tracks as T
from bot.cities import partners_by_city
from bot.context import Turn
from bot.cues import Cues, cue_matcher
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC, EntityIndex, Found, Mention
from bot.frames import blank, find_threshold, topic_frame, unknown_term
from bot.listing import every_direction, names_enumerated
from bot.resolve import global_markers, narrow_by_markers, topic_directions
from bot.topic_slips import slipped_topics
from bot.vocab import vocabulary
from knowledge.model import Direction, Knowledge
from textnorm.normalize import normalize

if TYPE_CHECKING:
    from bot.understand import Understanding

ENTITY_INTENTS = {L.BUDGET, L.AVERAGE, L.COUNT, L.FIELDS, L.DETAIL, L.PERIOD}
METRIC_INTENT = {"total": L.BUDGET, "average": L.AVERAGE, "count": L.COUNT}
INTENT_METRIC = {v: k for k, v in METRIC_INTENT.items()}


@dataclass
class State:
    """What the rules share: the understanding being built, what was read from the message, and
    the working intent (the strongest cue word's, until a rule decides otherwise)."""

    u: Understanding
    index: EntityIndex
    last: Turn | None
    script_lang: str  # the message's language before names were discounted
    found: Found
    cues: Cues
    masked: str  # the normalised message with names blanked: where cue words are read
    in_scope: dict[str, int]  # cue scores of the answerable intents
    best_score: int
    oos: int  # evidence the message asks what the notice does not say
    followup: bool  # short, or worded as a follow-up ("那芬兰呢")
    which: bool  # "哪/which/what": the message asks to pick
    cue_intent: str | None  # the strongest cue word's intent
    intent: str | None  # the working intent
    strong_near: list[Mention] = field(default_factory=list)  # names almost read
    ctx_groups: list[list[str]] = field(default_factory=list)  # the last turn's, when usable
    narrowed_from_context: bool = False
    fired: list[str] = field(default_factory=list)

    @property
    def k(self) -> Knowledge:
        return self.index.knowledge

    @property
    def tags(self) -> set[str]:
        return self.cues.tags

    @property
    def norm(self) -> str:
        return self.u.norm

    def score(self, intent: str) -> int:
        return self.cues.score(intent)


Rule = Callable[[State], bool]
FINAL, GO_ON = True, False


def decide(s: State) -> Understanding:
    """Run the table: every rule that applies is recorded; a ``FINAL`` one ends it."""
    for rule, final in RULES:
        if rule(s):
            s.fired.append(rule.__name__)
            if final:
                break
    s.u.rules = list(s.fired)
    return s.u


def _fresh(s: State, intent: str) -> None:
    """A fresh understanding: nothing read from the message counts."""
    s.u = type(s.u)(text=s.u.text, norm=s.u.norm, lang=s.script_lang, intent=intent)


# -- commands and empty messages --------------------------------------------------------------


def blank_message(s: State) -> bool:
    """Nothing to read: "" (help), "???" or "🙂" (unknown)."""
    if s.norm and any(c.isalnum() for c in s.norm):
        return False
    text = s.u.text
    _fresh(s, L.HELP if not text.strip() else L.UNKNOWN)
    s.u.confidence = 0.0 if text.strip() else 1.0
    return True


def help_command(s: State) -> bool:
    """ "/start", "/help", "help", "帮助"; a first /start is answered in the notice's language."""
    command = s.u.text.strip().lower()
    if not (command.startswith(("/start", "/help")) or s.norm in ("help", "帮助")):
        return False
    _fresh(s, L.HELP)
    if command.startswith("/start") and not s.last:
        s.u.lang = "zh-Hans"
    return True


# -- which directions, before what is asked of them -------------------------------------------


def markers_narrow_last_turn(s: State) -> bool:
    """A marker alone narrows the last turn's partner: "韩国经费" → "能源那个呢"."""
    if s.u.groups or not (s.last and s.last.groups):
        return False
    narrowed = narrow_by_markers(s.found, s.k, s.last)
    if not narrowed:
        return False
    s.u.groups, s.u.topics = narrowed, []
    s.u.from_context = s.narrowed_from_context = True
    return True


def _markers_agree(s: State) -> bool:
    """Two distinct marker words or more of one direction, and of no other."""
    words: dict[str, set[str]] = {}
    for start, end, ident in s.found.marker_spans:
        words.setdefault(ident, set()).add(s.found.text[start:end])
    return sum(1 for w in words.values() if len(w) >= 2) == 1


def marker_names_direction(s: State) -> bool:
    """A direction's own marker without a partner: "能源技术那个联合研究总共给多少经费"."""
    if s.u.groups:
        return False
    if topic_frame(s.norm) and (s.u.topics or not _markers_agree(s)):
        # "哪些项目涉及能源技术" looks for a topic; "旗舰领域一和领域二哪个项目多" names the
        # direction by several of its own marker words and no topic
        return False
    groups = global_markers(s.found, s.k)
    if not groups or _place_beside_markers(s):
        return False
    described = _described_by_topics(s, None)
    if described and described not in groups[0]:
        # "资助电子信息、生物医药、节能环保的那个联合资助方向": what it funds names another
        # direction than a loose marker word; the query's description rule picks it
        return False
    described = _described_by_topics(s, groups[0]) if len(groups[0]) > 1 else None
    if described:
        groups = [[described]]  # "the flagship project for hydrogen": the flagship on hydrogen
    s.u.groups, s.u.topics = groups, []
    return True


_MARKER_CLAUSE = re.compile(r"[,，。.?？!！;；:：\n]")


def _place_beside_markers(s: State) -> bool:
    """A place outside the call in the clause of a loose marker word: "有冇內地同香港嘅聯合資助
    direction？" asks for a Hong Kong direction, not the EU co-funding mechanism the words 聯合
    資助 would name alone ("我在巴西。能源技术那个联合研究多少钱" keeps the marker's direction)."""
    if not s.found.other_places:
        return False
    text = s.found.text
    names = [n for n, en in s.index.other_names.items() if en in s.found.other_places]
    places = [m.start() for n in names for m in re.finditer(re.escape(n), text)]

    def clause(i: int) -> int:
        return len(_MARKER_CLAUSE.findall(text[:i]))

    return any(clause(p) == clause(b) for p in places for b, _e, _i in s.found.marker_spans)


def _described_by_topics(s: State, among: list[str] | None) -> str | None:
    """The one direction (of ``among``, if given) that funds every topic named."""
    if not s.u.topics:
        return None
    from bot.resolve import topic_directions

    sets = [set(topic_directions(s.k, [t])) for t in s.u.topics]
    common = set.intersection(*sets) & set(among if among is not None else set.union(*sets))
    return next(iter(common)) if len(common) == 1 else None


# "另外嗰个" / "另外个": the Cantonese forms of "the other one"
_OTHER_ONE = re.compile(
    r"另一个|另外一个|另外那个|另外嗰|另外个|其他那个|其他嗰|the other one|the other|另一"
)


def the_other_track(s: State) -> bool:
    """The other track of the direction whose track was just asked: "欧盟旗舰FAB领域经费多少 →
    那另一个领域呢", "and the other track?" — its other funding line with the same measure, not
    the partner's other direction."""
    last = s.last
    if not (last and last.tracks and T.other_asked(s.norm)):
        return False
    if any(m.kind in (PARTNER, DIRECTION) for m in s.u.mentions if m.id not in dict(last.tracks)):
        return False
    ident = last.tracks[-1][0]
    if [list(g) for g in last.groups] != [[ident]]:
        return False  # "FAB平均 → 韩国能源呢 → 另一个呢" is the other Korean direction
    d = s.k.direction_by_id.get(ident)
    if not T.tracked(d) or len(d.funding) != 2:
        return False  # "the other" of three tracks names none of them
    s.u.groups = [[ident]]
    s.u.from_context = True
    intent = s.intent if s.intent in INTENT_METRIC else last.intent
    if intent not in INTENT_METRIC:
        # after a comparison or ranking with the track in it, the measure it was about
        intent = METRIC_INTENT.get(last.metric or "total", L.BUDGET)
    s.u.intent, s.u.metric = intent, INTENT_METRIC[intent]
    return True


def tracks_added_up(s: State) -> bool:
    """Both tracks of the direction in talk added up: "欧盟旗舰FAB领域几个项目 → 那CCB呢 → 两个领域
    加起来最多几个" is the direction's own figure (最多 is its "up to"), not a ranking."""
    last = s.last
    if not (last and T.BOTH.search(s.norm) and "sum" in O.operations(O.folded(s.u.text))):
        return False
    if any(m.kind in (PARTNER, DIRECTION) for m in s.u.mentions):
        return False
    ids = [d for g in last.groups for d in g] + [d for d, _ in last.tracks]
    tracked = list(dict.fromkeys(d for d in ids if T.tracked(s.k.direction_by_id.get(d))))
    if len(tracked) != 1:
        return False
    metric = s.u.metric if s.u.metric in METRIC_INTENT else last.metric
    if metric not in ("total", "count"):
        metric = "total"  # two averages added up mean nothing: the money of both
    s.u.groups, s.u.from_context = [tracked], True
    s.u.intent, s.u.metric, s.u.order = METRIC_INTENT[metric], metric, None
    return True


def named_and_its_partners_other(s: State) -> bool:
    """A direction named and "the other" direction of its partner in the same message: "南非旗舰
    同埋另一个南非项目加埋几多钱", "the Korea energy one and the other Korean direction" → both
    (the partner's name after "另一个" / "the other" is not the named direction again)."""
    if not s.u.groups or not any(w in s.norm for w in ("另", "其他", "other")):
        return False  # (a literal first: most messages say neither)
    m = _OTHER_ONE.search(s.norm)
    if m is None:
        return False
    k = s.k
    after = [
        x.id
        for x in s.found.mentions
        if x.kind == PARTNER
        and 0 <= x.start - m.end() <= 4
        and not s.norm[m.end() : x.start].strip(" 个的嘅")
    ]
    if not after:
        return False
    # the partner's direction named before "the other" ("and the other EU one, the general
    # co-funding mechanism" names the other one itself, after the EU flagship was asked)
    before = {
        x.id for x in s.found.mentions if x.kind in (PARTNER, DIRECTION) and x.end <= m.start()
    }
    named = [d for g in s.u.groups for d in g]
    own = [
        d
        for d in named
        if k.direction_by_id[d].partner == after[0] and (d in before or after[0] in before)
    ]
    if not own:
        return False
    rest = [d.id for d in k.directions_by_partner.get(after[0], ()) if d.id not in named]
    if not rest:
        return False
    s.u.groups = [list(g) for g in s.u.groups] + [rest]
    return True


def the_other_one(s: State) -> bool:
    """The partner's direction not talked about last time: "韩国能源…" → "另一个韩国项目呢"."""
    if not (_OTHER_ONE.search(s.norm) and s.last and s.last.groups):
        return False
    if "named_and_its_partners_other" in s.fired:
        return False  # both named in this message
    if O.places_set_aside(s.norm):
        return False  # "except the last one, the other two": the rest of the list just given
    last, k = s.last, s.k
    previous = set(last.programs)
    out = set(s.u.excluded)
    if len(previous) >= 2 and out & previous and all(set(g) <= out for g in s.u.groups):
        # "hydrogen directions → their budgets → leaving out Germany, the other two each": the
        # list just given without what is set aside, not a partner's other direction
        s.u.groups = [[d] for d in last.programs if d not in out]
        return bool(s.u.groups)
    partners = {k.direction_by_id[d].partner for d in previous if d in k.direction_by_id}
    if s.u.groups:
        partners |= {k.direction_by_id[d].partner for g in s.u.groups for d in g}
    rest = [
        d.id for p in partners for d in k.directions_by_partner.get(p, ()) if d.id not in previous
    ]
    if not rest and previous & set(s.u.excluded):
        # "欧盟有几个方向" → "不是旗舰那个，另一个多少钱": the one of them not set aside
        rest = [d for d in last.programs if d not in s.u.excluded]
    if rest:
        s.u.groups = [rest]
    return bool(rest)


# "韩国有两个方向，一个是能源，另一个…", "Korea has two directions; one is energy. The other
# one?": one of a partner's directions described, then "the other" asked
_ONE_THEN_OTHER = re.compile(
    r"(?:(?:其中)?一个(?:方向|项目)?\s*(?:是|系|係|叫|做)|"
    r"\bone(?:\s+of\s+(?:them|those|these))?\s+(?:is|being|does)\b)"
    r".{1,40}?(?:另一|另外|\bthe\s+other\b)"
)


def the_other_of_one_described(s: State) -> bool:
    """The partner's direction not described: "韩国有两个方向，一个是能源，另一个方向的经费
    是多少？" asks the Korean direction that is not the energy one (the marker named the one set
    aside)."""
    if not ("另" in s.norm or "other" in s.norm) or not _ONE_THEN_OTHER.search(s.norm):
        return False
    if len(s.u.groups) != 1 or len(s.u.groups[0]) != 1:
        return False
    k = s.k
    d = k.direction_by_id.get(s.u.groups[0][0])
    if d is None:
        return False
    rest = [o.id for o in k.directions_by_partner.get(d.partner, ()) if o.id != d.id]
    if not rest:
        return False
    s.u.groups = [rest]
    return True


# the one left after a set-aside, said as one direction: "韩国能源以外的那个方向", "南非旗舰以外
# 嗰个" ("其他方向" / "哪些方向" stay the rest of the call)
_THE_ONE_LEFT = re.compile(r"(?:以外|之外|除外)\s*的?\s*(?:那|嗰|这|呢)个")


def partners_one_left(s: State) -> bool:
    """A direction named with its partner and set aside, and the one left asked: "韩国能源以外的
    那个方向有多少经费" is the other Korean direction, not the call without it."""
    u, k = s.u, s.k
    if u.groups or len(u.excluded) != 1 or "外" not in s.norm:
        return False
    d = k.direction_by_id.get(u.excluded[0])
    if d is None or not _THE_ONE_LEFT.search(s.norm):
        return False
    rest = [o.id for o in k.directions_by_partner.get(d.partner, ()) if o.id != d.id]
    if len(rest) != 1:
        return False  # "the one left" of three names none of them
    u.groups, u.scope = [rest], None
    return True


# "China–Austria, also in Europe?", "奥地利也在欧洲吧": where the partner named before it is
_SAID_OF = re.compile(r"(?:\b(?:also\s+|both\s+)?(?:in|from)\s+|也?(?:在|位于|属于))$")
# a question word between the two names starts a question of its own about the second one; a
# comparative sets the two against each other ("Argentina is more small than in Spain?")
_ASKS_AGAIN = re.compile(
    r"\b(?:which|what|how|than|versus|vs|compared)\b|哪|什么|多少|几|比|(?:跟|同|和|与)[^，,。]{0,4}$"
)


def _groups_without(s: State, drop: set[str]) -> bool:
    """Drop the groups wholly inside ``drop`` when some other group stays asked."""
    keep = [g for g in s.u.groups if not set(g) <= drop]
    if not drop or not keep or len(keep) == len(s.u.groups):
        return False
    s.u.groups = keep
    return True


def place_said_of_a_partner(s: State) -> bool:
    """A partner named as where another partner named just before is ("and China–Austria, also
    in Europe?") describes that one: it is not asked about."""
    names = [m for m in s.u.mentions if m.kind in (PARTNER, DIRECTION)]
    drop: set[str] = set()
    said: set[int] = set()  # where a partner is named as the place of another
    for before, m in pairwise(names):
        if m.kind != PARTNER or before.id == m.id or not 0 <= m.start - before.end <= 25:
            continue
        if _ASKS_AGAIN.search(s.norm[before.end : m.start]):
            continue
        if _SAID_OF.search(s.norm[max(0, before.start - 12) : before.start]):
            continue  # "合作方在以色列…；…合作方在芬兰": a parallel list of places, each asked
        if _SAID_OF.search(s.norm[max(0, m.start - 12) : m.start]):
            said.add(m.start)
            drop.update(d.id for d in s.k.directions_by_partner.get(m.id, ()))
    # a partner named again on its own ("…合作方在德国于利希研究中心。想请问中意、中以、中德这三个
    # 方向…") is asked about there
    again = {
        d.id
        for m in names
        if m.start not in said
        for d in s.k.directions_by_partner.get(m.id, ())
        if any(x.start in said and x.id == m.id for x in names)
    }
    return _groups_without(s, drop - again)


def partner_of_an_institution(s: State) -> bool:
    """A partner named only as the country of the asker's partner institutions, beside another
    direction named by its own name ("我校…和法国、德国的几所大学组了联合团队，
    准备申报中欧研究创新旗舰合作计划。请问旗舰项目的两个领域…", "合作方分别是丹麦技术大学和德国
    波茨坦气候影响研究所。…这两个方向…", "we work with universities in France and Germany and
    apply to the China–EU flagship") says where the colleagues are: it is not asked about."""
    if len(s.u.groups) < 2:
        return False
    names = [m for m in s.u.mentions if m.kind in (PARTNER, DIRECTION)]
    # a direction's words inside an institution's name ("韩国能源研究院") name no direction
    directions = [
        m
        for m in names
        if m.kind == DIRECTION and not O.partner_institution(s.norm, m.start, m.end)
    ]
    if not directions:
        return False  # only partners named: which of them is asked is for other rules
    by_partner: dict[str, list[bool]] = {}
    for m in names:
        if m.kind != PARTNER:
            continue
        by_partner.setdefault(m.id, []).append(O.partner_institution(s.norm, m.start, m.end))
    drop = {
        d.id
        for partner, flags in by_partner.items()
        if all(flags)
        for d in s.k.directions_by_partner.get(partner, ())
    }
    # a direction named by its own name is asked, whoever its partner is
    drop -= {m.id for m in directions}
    return _groups_without(s, drop)


# "欧洲国家西班牙", "the other European country Spain": a name ending in 'country' right before
# another partner's name is that partner's description, not a partner of its own
_APPOSITIVE = re.compile(r"(?:国家|\bcountry)[\s的]*$")


def region_before_partner(s: State) -> bool:
    """A region said as the kind of place of the partner right after it ("那另一个欧洲国家西班牙
    呢", "the other European country Spain") describes that partner: only the partner is asked."""
    names = [m for m in s.u.mentions if m.kind == PARTNER]
    drop: set[str] = set()
    for head, m in pairwise(names):
        if head.id == m.id or not 0 <= m.start - head.end <= 9:
            continue
        if _APPOSITIVE.search(s.norm[head.start : m.start]):
            drop.update(d.id for d in s.k.directions_by_partner.get(head.id, ()))
    return _groups_without(s, drop)


# "our country", "their country", "他们国家": the country of the person the city places. Not
# 我国/我们国家: in Chinese that is China, the asker's side of every direction
_OWN_COUNTRY = re.compile(
    r"\b(?:our|my|their|his|her)\s+(?:own\s+)?(?:country|nation|government|side)(?:'s)?\b|"
    r"(?:他们|她们|他|她|对方|佢哋|佢)(?:的|嘅|个|嗰个)?(?:国家|政府)"
)


def own_country_by_city(s: State) -> bool:
    """ "I am professor at University of Pretoria … Our country have two directions, yes?": the
    asker's country is the partner the city or institution named places them in."""
    if s.u.groups or not _OWN_COUNTRY.search(s.norm):
        return False
    if any(m.kind in (PARTNER, DIRECTION, CALL) for m in s.u.mentions):
        return False
    partners = partners_by_city(s.norm, s.k)
    if len(partners) != 1:
        return False
    own = [d.id for d in s.k.directions_by_partner.get(partners[0], ())]
    if not own:
        return False
    s.u.groups = [own]
    return True


def ranking_without_the_top(s: State) -> bool:
    """The top of the ranking just given set aside by a word pointing back: "平均资助最高的是
    哪个方向 → 除了它以外哪个最高", "Which has the most projects? → apart from that one?" —
    the same ranking over the directions it ranked, without the top."""
    u, last = s.u, s.last
    if not (last and last.intent == L.RANK and last.order and last.groups):
        return False
    if u.groups or u.excluded or u.topics or not O.sets_aside_previous(s.norm):
        return False
    top = last.programs
    pool = [d for d in (last.answered or [d.id for d in s.k.directions]) if d not in top]
    if not pool:
        return False
    u.excluded, u.restrict = list(top), pool
    u.intent, u.order = L.RANK, u.order or last.order
    u.metric = u.metric or last.metric
    return True


def ranking_without_one(s: State) -> bool:
    """A set-aside right after a ranking asks the same ranking without it: "哪个方向平均最高"
    → "除了欧盟旗舰呢", "Which has the most projects?" → "and apart from Spain?"."""
    u, last = s.u, s.last
    if not (last and last.intent == L.RANK and last.order and u.excluded and not u.order):
        return False
    if any(set(g) - set(u.excluded) for g in u.groups) or not O.follow_up(s.norm):
        return False
    u.groups, u.order = [], last.order
    u.metric = u.metric or last.metric
    return True


def filter_list_without_some(s: State) -> bool:
    """A set-aside alone right after a filter's list asks the rest of that list, under the
    filter's measure: "哪些方向平均资助不低于400万" → "去掉欧盟旗舰", "Which directions have
    less than CNY 12 million?" → "leave out Argentina" — what a next "剩下的合计多少" adds up."""
    u, last = s.u, s.last
    if not (last and last.intent == L.RANK and last.bounds and u.excluded) or u.topics:
        return False
    if any(set(g) - set(u.excluded) for g in u.groups):
        return False
    listed = list(last.listed) or last.programs
    rest = [d for d in listed if d not in u.excluded]
    if len(rest) == len(listed) or not rest:
        return False  # nothing of the list set aside: another question
    if O.measures(s.masked) or O.superlative(s.norm) or O.ranking(s.norm):
        return False
    if O.operations(s.norm):
        return False  # "去掉欧盟旗舰之后这些加起来多少": the rest added up (the query rules)
    u.intent = METRIC_INTENT.get(last.metric or "total", L.BUDGET)
    u.groups, u.metric, u.order = [[d] for d in rest], last.metric or "total", None
    u.from_context = True
    return True


def topic_list_without_some(s: State) -> bool:
    """A set-aside alone right after a topic's list asks the same list without them: "哪些方向
    提到疫苗" → "以色列的不算", "哪些方向涉及可再生能源" → "去掉韩国的两个", "Which directions
    mention renewable energy?" → "apart from Korea?" (not the set-aside partner's other
    direction, as after one direction)."""
    u, last = s.u, s.last
    if not (last and last.intent == L.TOPIC and last.topics and u.excluded) or u.topics:
        return False
    if any(set(g) - set(u.excluded) for g in u.groups):
        return False  # a direction named beside the set-aside is asked of
    # a partner not on the list set aside leaves it as it was ("哪些方向涉及人工智能 → 以色列的
    # 不算"): the list again, not "not understood"
    if set(last.programs) <= set(u.excluded):
        return False
    # nothing else asked ("以色列的不算，剩下的平均多少" asks a figure of the rest)
    if O.measures(s.masked) or O.superlative(s.norm) or O.ranking(s.norm):
        return False
    u.intent, u.groups, u.topics = L.TOPIC, [], list(last.topics)
    u.metric, u.order = None, None
    u.from_context = True
    return True


def not_the_last_one(s: State) -> bool:
    """Only a set-aside of what was just talked about: its partner's other direction,
    "南非旗舰多少钱" → "非旗舰的那个呢", "Korea energy budget?" → "not the energy one?"."""
    last, k = s.last, s.k
    if s.u.groups or not (last and last.groups and s.u.excluded):
        return False
    if s.u.order and last.intent == L.RANK:
        return False  # the ranking again without it (ranking_without_one)
    previous = set(last.programs)
    if not previous & set(s.u.excluded):
        return False
    partners = {k.direction_by_id[d].partner for d in previous if d in k.direction_by_id}
    if len(partners) > 1:
        return False  # a list just given, one of it set aside: the rest of that list
    rest = [
        d.id
        for p in sorted(partners)
        for d in k.directions_by_partner.get(p, ())
        if d.id not in previous and d.id not in s.u.excluded
    ]
    if not rest:
        # "南非平均多少" (both of its directions) → "非旗舰那个呢": the one of them left
        rest = [d for d in last.programs if d not in s.u.excluded]
        if len(rest) == len(previous):
            rest = []
    if not rest:
        return False
    s.u.groups = [rest]
    s.u.from_context = True
    return True


_WHICH_MORE = re.compile(
    r"(哪|那|谁|边)个?.{0,8}?(更)?(多|少|高|低|大|小)|"
    # "…and …energy, which one have more projects?", "which program support fewer?"
    r"\b(?:which|who)(?:\s+(?:one|programm?e|program|direction|of\s+(?:them|the\s+two)))?"
    r"\s+(?:[a-z]+\s+){1,2}?(?:more|less|fewer|bigger|higher|larger|lower|smaller)\b"
)


def which_of_them_more(s: State) -> bool:
    """Two names and "哪个…多": a comparison, "芬兰和德国哪个经费多", "Korea joint research and
    Korea energy, which one have more projects?"."""
    if len(s.u.groups) < 2 or "compare" in s.tags or not _WHICH_MORE.search(s.masked):
        return False
    s.tags.add("compare")
    return True


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d|\s*(?:万|亿|元|个|项|%|million|m\b))")


def another_year(s: State) -> bool:
    """A year no loaded call has is out of scope: "How many projects were funded in 2022?"."""
    # "We started in 2019 and …": a year of the asker's own story asks for no other call
    norm = O.VOCAB.year_of_asker.sub(" ", s.norm)
    years = {
        int(m.group(1))
        for m in _YEAR.finditer(norm)
        if not O.money_not_year(norm, m.start(1), m.end(1))
    } | O.short_years(norm)
    if not years or years & {c.year for c in s.k.calls}:
        return False
    s.oos += 6
    s.cues.matched.append("去年")
    return True


# -- what the notice does not say, greetings ---------------------------------------------------


def _oos_needed(s: State) -> int:
    return 6 if s.u.topics else 5 if s.u.groups else 3


def _oos_words(s: State) -> list[str]:
    table = cue_matcher().table
    return [w for w in s.cues.matched if any(i == L.OUT_OF_SCOPE for i, _ in table.get(w, ()))]


_RAW_CLAUSE = re.compile(r"[，,。.?？!！;；:：\n]|\s[-–—]\s|\s+(?=is it\b|are they\b)")


def _answerable_beside(s: State) -> bool:
    # a topic asked over the whole call is answered as a name is
    return (
        bool(s.u.groups or "call_wide_topic" in s.tags)
        and s.best_score >= 3
        and s.oos >= _oos_needed(s)
        and len(_RAW_CLAUSE.split(s.u.text)) > 1
    )


def out_of_scope_beside_question(s: State) -> bool:
    """A question the notice answers, and one it does not: answer the first, note the second:
    "韩国能源技术那个方向一共多少钱？顺便问下什么时候截止"."""
    if not _answerable_beside(s):
        return False
    s.u.oos_words = _oos_words(s)
    return True


def _only_reply_format(s: State) -> bool:
    """The words of an aspect the notice does not give all sit in a request for the form of the
    reply: with that phrase blanked the message no longer reads as out of scope."""
    spans = O.reply_format_spans(s.masked)
    if not spans:
        return False
    masked = s.masked
    for p in spans:
        masked = masked.replace(p, " " * len(p))
    return cue_matcher().match(masked).score(L.OUT_OF_SCOPE) < _oos_needed(s)


def out_of_scope(s: State) -> bool:
    """What the notice does not say, worded more strongly than any question it answers:
    "申报截止日期？", "今天天气如何？"."""
    if _answerable_beside(s):
        return False
    oos = s.oos
    if not (oos >= _oos_needed(s) and oos > s.best_score and oos > s.score(L.HELP)):
        return False
    # "用「方向—金额」的格式列出": the form of the reply asked, not the proposal's format
    if s.best_score > 0 and _only_reply_format(s):
        return False
    s.u.intent = L.UNKNOWN
    s.u.oos_words = _oos_words(s)
    return True


def place_in_asker_institution(s: State) -> bool:
    """A place outside the call named only inside the asker's institution, beside a question
    about the call's directions: "國立臺灣海洋大學：平均資助最高的是哪個方向？", "I am at the
    National University of Singapore; how much is the Finland direction?" ask the ranking and
    Finland, not whether the call has Taiwan or Singapore ("香港大学有没有方向" keeps the place:
    nothing else is asked)."""
    found = s.found
    if not found.other_places:
        return False
    u = s.u
    asks_call = (
        u.groups
        or u.topics
        or u.order
        or find_threshold(s.norm, u.metric)
        or O.find_range(s.norm, implicit_equal=True)
        or s.cue_intent in _ASKS_THE_CALL
    )
    if not asks_call:
        return False
    names = [n for n, en in s.index.other_names.items() if en in found.other_places]
    spans = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), s.norm)]
    if not spans or not all(O.place_in_institution_name(s.norm, a, b) for a, b in spans):
        return False
    found.other_places = []
    return True


_ASKS_THE_CALL = (L.BUDGET, L.COUNT, L.AVERAGE, L.FIELDS, L.PERIOD, L.RANK, L.OVERVIEW)


def partners_beside_place_outside(s: State) -> bool:
    """A place outside the call next to a request for the partner list: "Is Brazil one of the
    partners? If not, which countries are there?", "List of partner countries please, my PI
    wants to see if India is there" → the partners, saying first that the place is not one."""
    if not s.found.other_places or s.u.groups or s.cue_intent != L.PARTNERS:
        return False
    # only the place checked ("Is Singapore one of the partners in this call?"): no list is
    # asked, the place has no direction (the reply still names the partners)
    regions = {r.en for r in vocabulary().regions}
    if not O.partner_list_asked(s.norm) and not set(s.found.other_places) & regions:
        return False  # (a region outside the call asks who is in it: "有冇北美洲嘅合作國家")
    s.u.other_places = list(s.found.other_places)
    # "I work on perovskite solar cells. Does the call have India as partner country?": the
    # asker's field is context, the partner list is asked
    s.u.topics, s.u.topic_mode = [], "union"
    s.intent = L.PARTNERS
    return True


_LIST_NOUN_NOT = "".join(
    rf"(?<!\b{w}\s)" for w in ("the", "this", "that", "a", "full", "whole", "my", "our", "your")
)
# a sentence that asks: a question mark or a question word (an English auxiliary at its start)
_SENTENCE_ASKS = re.compile(
    r"[?？]|吗|呢|哪|什么|咩|乜|几|多少|有没有|有冇|边个|边啲|边度|点样|"
    # a request asks too: "请介绍一下…的基本情况", "please introduce the X direction"
    r"介绍一下|\b(?:which|what|how|when|where|who|tell\s+me|introduce|describe)\b|"
    # "list" asks as a verb, not as the noun of "I want to share the list with my colleagues"
    rf"{_LIST_NOUN_NOT}\blist\b|"
    r"^\W*(?:is|are|does|do|can|could|will|would|may|should|has|have)\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？;；])\s*")
_CLAUSE_BREAK = re.compile(r"(?<=[,，、])\s*")


def names_in_context_beside_place_asked(s: State) -> bool:
    """Partners named only in sentences that ask nothing, and a place outside the call asked
    in the sentence that asks: "…we also work with a group at Aalto in Finland. Is Canada one of
    the partner countries in this call?" asks about Canada (no direction; the partners named),
    not the card of Finland."""
    if not s.found.other_places or not s.u.groups or s.cue_intent != L.PARTNERS:
        return False
    sentences = [t for t in _SENTENCE_END.split(s.u.text) if t.strip()]
    if len(sentences) < 2:
        return False
    place_asked = False
    for sentence in sentences:
        norm = normalize(sentence)
        found = s.index.find(norm, sentence)
        asks = bool(_SENTENCE_ASKS.search(norm)) or sentence.rstrip().endswith(("?", "？"))
        if asks and any(m.kind in (PARTNER, DIRECTION) for m in found.mentions):
            return False  # "Is Canada a partner like Finland?" asks of Finland too
        place_asked = place_asked or (asks and bool(found.other_places))
    if not place_asked:
        return False
    s.u.groups = []
    return True


_SMILEY_END = re.compile(r"(?:(?<=:\))|(?<=:-\))|(?<=;\))|(?<=:D)|(?<=\^_\^))\s+")


def place_in_context(s: State) -> bool:
    """A place outside the call only in a sentence of context that asks nothing, before a
    question that stands on its own (a topic, the partners, the whole call): "I am Brazilian
    visiting researcher, my area is food science. Which programmes have food safety?" asks the
    topic ("我们在印度。经费多少？" still asks about India: nothing else is named)."""
    if not s.found.other_places or s.u.groups:
        return False
    # the call's own period stands on its own too ("How long does one project run? We plan the
    # field work of our students in Kenya."), when the place is only in a part about the asker
    period = s.cue_intent == L.PERIOD
    if not (s.u.topics or s.u.scope or s.cue_intent in (L.PARTNERS, L.OVERVIEW) or period):
        return False
    # a smiley closes a sentence too: "Hi! chilean here :) Is there some direction about…?"
    sentences = [
        t for x in _SENTENCE_END.split(s.u.text) for t in _SMILEY_END.split(x) if t.strip()
    ]
    if len(sentences) < 2:
        # one sentence of clauses: "Kindly advise which directions support marine science, we
        # are at Kenya Marine and Fisheries Research Institute" — the place only in a clause
        # about the asker
        sentences = [t for t in _CLAUSE_BREAK.split(s.u.text) if t.strip()]
        placed = [t for t in sentences if s.index.find(normalize(t), t).other_places]
        if not placed or not all(O.VOCAB.asker_context.search(t) for t in placed):
            return False
    asks_elsewhere = False
    for sentence in sentences:
        norm = normalize(sentence)
        placed = bool(s.index.find(norm, sentence).other_places)
        # (a period asked may keep only its question mark: "请问项目周期多长？")
        asks = bool(_SENTENCE_ASKS.search(norm)) or (period and _part_asks(sentence))
        if placed and asks:
            return False
        if placed and period and not O.VOCAB.asker_context.search(norm):
            return False  # "Kenya runs projects of 5 years. How long is one here?" names Kenya
        asks_elsewhere = asks_elsewhere or (asks and not placed)
    return asks_elsewhere


def place_as_direction_of_call(s: State) -> bool:
    """A place outside the calls named as a direction of a call that is named: "港澳台项目里面，
    内地与台湾联合资助方向的经费是多少", "How much is the Mainland–Hong Kong direction of the HMT
    call?" — the call's one direction (Macao) is not the answer; the place has none. Only when the
    directions read come from a call's name, never from a partner or a direction named."""
    found = s.found
    if not found.other_places or not s.u.groups:
        return False
    # a topic beside it names no direction ("…有没有跟台湾合作的方向？我们医院想跟内地的医学中心
    # 合作"): the call's one direction is still not the answer
    if not found.mentions or any(m.kind not in (CALL, TOPIC) for m in found.mentions):
        return False
    if not any(m.kind == CALL for m in found.mentions):
        return False
    names = [n for n, en in s.index.other_names.items() if en in found.other_places]
    spans = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), s.norm)]
    if not any(O.place_as_direction(s.norm, a, b) for a, b in spans):
        return False
    s.u.groups = []
    return True


def place_as_direction_of_one_call(s: State) -> bool:
    """A place outside the calls asked as a direction of the one call named: "港澳台項目有沒有
    設立跟台灣合作的方向？", "Does the HMT call have a direction with Taiwan?" — the reply says the
    place has none and names that call's own directions (the Macao one), not every partner of
    the notice."""
    if "place_as_direction_of_call" not in s.fired or s.u.groups:
        return False
    calls = {m.id for m in s.found.mentions if m.kind == CALL}
    if len(calls) != 1:
        return False
    s.u.scope = calls.pop()
    return True


# only a conjunction between a place and a name: "德国和日本", "Germany and India", "澳门、台湾"
_JOINED = re.compile(r"^\s*(?:和|与|跟|同|及|以及|还有|、|,|，|/|\band\b|\bor\b|\bvs\.?)\s*$")


def place_beside_named(s: State) -> bool:
    """A place outside the calls asked beside a named partner or direction: "德国和日本的经费分别
    是多少", "Budget of Germany and India?", "港澳台项目里，内地与澳门、内地与香港分别多少钱" —
    the named one is answered and the reply says first that the place has no direction (its
    silence would read as the whole answer). A place of context is left alone."""
    found = s.found
    if not found.other_places or not s.u.groups:
        return False
    named = [m for m in found.mentions if m.kind != "call"]
    if not named:
        return False
    names = [n for n, en in s.index.other_names.items() if en in found.other_places]
    spans = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), s.norm)]
    joined = any(
        O.place_as_direction(s.norm, a, b)
        or any(
            _JOINED.match(s.norm[m.end : a]) or _JOINED.match(s.norm[b : m.start]) for m in named
        )
        for a, b in spans
    )
    if not joined:
        return False
    s.u.other_places = list(found.other_places)
    return True


def place_outside_call(s: State) -> bool:
    """A place with no direction in the loaded calls, and no partner named: "印度的经费多少"."""
    if not s.found.other_places or s.u.groups:
        return False
    if {"partners_beside_place_outside", "place_in_context"} & set(s.fired):
        return False
    s.u.intent = L.UNKNOWN
    s.u.other_places = s.found.other_places
    return True


_POLITE = 3  # greetings and thanks weigh 3 in cues.yaml, "what can you do" 4 or more


def _asks_something(s: State) -> bool:
    """A superlative, a comparison, a ranking, a question about a field ("有没有做区块链的
    方向"), or a cue word of a question the notice answers."""
    return bool(
        s.u.order or s.tags & {"compare", "ranking"} or s.best_score >= 2 or topic_frame(s.norm)
    )


def greeting(s: State) -> bool:
    """A greeting, thanks or "what can you do", when nothing else is asked: "你好", "谢谢",
    "你识做啲乜". A polite word never outranks the question beside it ("Which programme funds
    the most projects? thank you!", "你好，一共几个"); "what can you do" must outweigh it."""
    help_score = s.score(L.HELP)
    if help_score < 3 or help_score <= s.best_score or s.u.groups or s.u.topics:
        return False
    if "list_back" in s.tags:  # "好的谢谢，都列一下": the list asked for, thanks beside it
        return False
    if help_score <= _POLITE and _asks_something(s):
        return False
    s.u.intent = L.HELP
    return True


# the asking sentence goes back to what the context named, or seeks directions for it
_BACK_TO_CONTEXT = re.compile(
    r"哪|边啲|边个|适合|它|他们|这些|这方面|\b(?:which|it|its|them|they|these|those|that)\b"
)


def help_beside_context(s: State) -> bool:
    """ "What can you do" asked after sentences about the asker that name partners or fields
    ("我们处主要对接欧洲和俄罗斯的合作院校。请问这个机器人能帮我们查些什么？", "We work with
    Finland on energy. What can this bot tell me?"): the names say who asks; the question is
    help. Only when the asking sentences name nothing and "what can you do" outweighs every
    other cue in them."""
    if not (s.u.groups or s.u.topics):
        return False  # nothing named: the plain greeting rule answers
    if s.last is not None and s.last.groups:
        return False  # "…这个能查吗" after a turn may ask about what was just named
    sentences = [x for x in _SENTENCE_END.split(s.u.text) if x.strip()]
    asking = [x for x in sentences if x.rstrip().endswith(("?", "？"))]
    if len(sentences) < 2 or not asking or len(asking) == len(sentences):
        return False
    question = normalize(" ".join(asking))
    if s.index.find(question, " ".join(asking)).mentions:
        return False
    if O.measures(question) or topic_frame(question) or _BACK_TO_CONTEXT.search(question):
        return False  # "…What can you tell me about funding for it?", "…哪些方向适合我们？"
    cues = cue_matcher().match(question)
    help_score = cues.score(L.HELP)
    others = [v for i, v in cues.scores.items() if i not in (L.HELP, L.OUT_OF_SCOPE)]
    if help_score <= _POLITE or help_score <= max(others, default=0):
        return False
    if cues.score(L.OUT_OF_SCOPE) >= help_score:
        return False
    s.u.intent, s.u.groups, s.u.topics = L.HELP, [], []
    return True


# -- the conversation ---------------------------------------------------------------------------


def list_of_last_answer(s: State) -> bool:
    """After a count or list of directions, "都列一下" / "列出来" / "list them" asks to name
    those directions again (the last question repeated), not the call's overview."""
    last = s.last
    if not (last and last.intent in (L.RANK, L.TOPIC) and not s.u.groups):
        return False
    if not O.list_back(s.norm):
        return False
    s.intent = None
    s.tags.update({"pronoun", "list_back"})
    return True


def partners_listed_after_count(s: State) -> bool:
    """The partners just counted, asked by name: "How many countries does the call cooperate
    with?" → "can you list them?", "合作国家一共几个？" → "分别是哪些？" (the overview that
    answered the count already lists the directions; the partners are what was counted)."""
    last = s.last
    if not last or s.u.groups or s.u.topics:
        return False
    # (an overview answers the partners counted: "14 countries, regions…"; the partner list
    # names each with its directions)
    if last.intent not in (L.OVERVIEW, L.PARTNERS):
        return False
    if not (O.list_back(s.norm) or O.VOCAB.which_are_they.search(s.norm)):
        return False
    s.u.intent, s.u.scope = L.PARTNERS, s.u.scope or last.scope
    return True


def follow_up_of_last_turn(s: State) -> bool:
    """A short message with no names can mean the last turn's directions: "平均呢" after
    "德国多少钱" (not when a name was almost read: that is asked about instead)."""
    u, last, tags = s.u, s.last, s.tags
    use_context = (
        bool(last)
        and not u.groups
        and not u.topics
        and not s.strong_near
        and not (u.scope or ("whole" in tags and "pronoun" not in tags))
        # "每个方向的领域" after "德国多少钱" is every direction; after a list of directions
        # ("哪些方向涉及疫苗 → 每个方向分别多少钱") each of those listed
        and ("every" not in tags or _each_of_listed(s))
    )
    if not (use_context and last and last.groups and ("pronoun" in tags or s.followup)):
        return False
    s.ctx_groups = [list(g) for g in last.groups]
    if last.intent == L.RANK and _each_of_listed(s):
        s.ctx_groups = [[d] for d in last.answered]  # each direction the filter listed
    if single := _singled_out(s):
        s.ctx_groups = [single]
    kept = [[d for d in g if d not in u.excluded] for g in s.ctx_groups]
    if u.excluded and any(kept):  # "欧盟有几个方向" → "不是旗舰那个多少钱"
        s.ctx_groups = [g for g in kept if g]
    return True


# the projects word alone as a follow-up ("德国jf多少 → 那xm呢", "那項目呢"): their number, where
# a bare 项目 elsewhere is part of a name ("欧盟旗舰项目呢") and asks nothing
_PROJECTS_ALONE = re.compile(r"^(?:那|那么|咁|还有|仲有)?\s*(?:的)?\s*项目\s*(?:呢|嘞|咧|啦|捏)?$")


def projects_word_alone(s: State) -> bool:
    """ "那项目呢" after a figure of a direction: the count of the directions talked about."""
    if s.intent is not None or not s.ctx_groups or not _PROJECTS_ALONE.match(s.norm):
        return False
    s.intent = s.u.intent = L.COUNT
    return True


_REFERS = re.compile(r"\b(?:that|this|it|them|those|these)\b|它|这个|那个|佢|呢个|嗰个|上面")
_WITH_PREFIX = re.compile(
    r"^(?:和|跟|与|同|对比|比较|比|and|vs|versus|compared? (?:to|with)|against)"
    # a yes/no check against a new name: "是不是比德国多？", "係咪比德國少？", "有冇比意大利多"
    r"|^(?:那|咁|那么)?(?:它|佢|这个|呢个)?(?:是不是|是否|系咪|系唔系|係咪|係唔係|有没有|有冇|会不会|会唔会)比"
)


# one direction pointed at ("那这个方向的总经费", "how much per project there?"), not several
_ONE_POINTED = re.compile(
    r"(?:这|那|呢|嗰|该)个?(?:方向|计划|计画|项目(?!数))|它(?!们)|佢(?!哋)|\bthere\W*$"
    r"|\b(?:that|this)\s+(?:one|direction|programme|program|call|line)\b|\bits\b"
)


def points_at_one(norm: str) -> bool:
    """The message points at one direction ("那这个方向的总经费、项目数分别是多少": 分别 spreads
    over the measures, not over directions)."""
    return bool(_ONE_POINTED.search(norm)) and not O.points_back_many(norm)


def _singled_out(s: State) -> list[str]:
    """The one direction a topic answer singled out, when the follow-up points at one: after
    "有没有资助健康和老龄化的方向？" (health or ageing: three directions, one with both)
    "那这个方向的总经费…" is the one covering every topic asked, when exactly one does."""
    last = s.last
    if last is None or last.intent != L.TOPIC or len(last.topics) < 2 or len(last.groups) < 2:
        return []
    if not points_at_one(s.norm):
        return []
    listed = {d for g in last.groups for d in g}
    for t in last.topics:
        listed &= {d.id for d in s.k.directions_for_topic(t)}
    return sorted(listed) if len(listed) == 1 else []


# every direction of the call, not each of those just listed
_ALL_OF_CALL = re.compile(
    r"所有|全部|整个|\ball\b|\bevery\b|\d+\s*个方向|十[一二三四五六七八九]?个方向"
)


def _each_of_listed(s: State) -> bool:
    """ "每个方向分别多少钱", "各自平均多少", "each direction's budget?" right after an answer that
    listed some directions (a topic's, a filter's): each of those, not every direction."""
    last = s.last
    if last is None or "every" not in s.tags or _ALL_OF_CALL.search(s.norm):
        return False
    if last.intent == L.TOPIC:
        return len(last.groups) >= 2
    # a filter's answer ("总经费超过5000万的方向有哪些"), not a ranking of every direction
    return last.intent == L.RANK and 2 <= len(last.answered) < len(s.k.directions)


# the figure just given said of a new name: "意大利是不是也这个数", "Italy the same too?"
_SAME_AS_THAT = re.compile(
    r"(?:也|都)(?:是|系)?(?:这个|那个|呢个|嗰个)(?:数|数字|金额)|(?:也|都)(?:是|系)?(?:一样|这么多|咁多)|"
    r"同样(?:是)?(?:这个数|这么多)|\b(?:also|too)\b[^?.!]{0,20}\bsame\b|"
    r"\bsame\s+(?:too|as\s+well|also)\b"
)


def compare_with_previous(s: State) -> bool:
    """New names compared with the last turn's, on its measure: "和意大利比哪个项目多",
    "how does that compare with Germany?"; the figure just given asked of a new name: "以色列平均
    每个项目多少？ → 意大利是不是也这个数" (the two side by side on that measure)."""
    u, last, tags = s.u, s.last, s.tags
    if not (u.groups and last and last.groups):
        return False
    refers_back = bool(_WITH_PREFIX.search(s.norm) or _REFERS.search(s.norm)) or "pronoun" in tags
    same_as_that = bool(_SAME_AS_THAT.search(s.norm)) and last.intent in INTENT_METRIC
    if same_as_that and INTENT_METRIC.get(last.intent) in ("total", "count", "average"):
        u.metric = None  # "这个数" names no count: the measure is the one just given
    if not (
        ("compare" in tags and refers_back)
        or same_as_that
        or (last.intent == L.COMPARE and s.followup and not s.cue_intent)
    ):
        return False
    previous = [list(g) for g in last.groups if list(g) not in u.groups]
    if not (previous and (last.intent == L.COMPARE or refers_back)):
        return False
    u.groups = previous + u.groups
    tags.add("compare")
    if u.metric is None:
        # "咁平均呢？" → "同X比呢"; "Israel projects?" → "compared with Italy?" is a count
        u.metric = INTENT_METRIC.get(last.intent) or last.metric
    return True


def superlative_of_time(s: State) -> bool:
    """A superlative about time is the period, not a ranking: "max project length"."""
    period = s.score(L.PERIOD)
    others = max((v for i, v in s.in_scope.items() if i != L.PERIOD), default=0)
    if not (s.u.order and period >= 3 and period > others):
        return False
    s.u.order = None
    return True


def partners_directions_said_compared(s: State) -> bool:
    """ "南非有两个方向，一个是旗舰项目，一个是一般联合研究，哪个平均高": the partner's directions
    are all compared, though a marker describing one of them narrowed the name to it."""
    if "compare" not in s.tags or s.u.order or len(s.u.groups) != 1:
        return False
    partners = {m.id for m in s.u.mentions if m.kind == PARTNER}
    if len(partners) != 1 or any(m.kind == DIRECTION for m in s.u.mentions):
        return False
    own = [d.id for d in s.k.directions_by_partner.get(next(iter(partners)), ())]
    group = s.u.groups[0]
    if len(own) < 2 or not set(group) < set(own) or not O.partner_has_directions(s.norm):
        return False
    s.u.groups = [own]
    return True


def compare_one_partners_directions(s: State) -> bool:
    """The directions of one partner side by side: "中韩两个项目的平均资助对比一下"."""
    groups = s.u.groups
    if not (len(groups) == 1 and len(groups[0]) > 1 and "compare" in s.tags and not s.u.order):
        return False
    s.u.groups = [[d] for d in groups[0]]
    return True


_BOTH = re.compile(r"两个|两者|俩|both|the two|these two|三个|三者|three")


def these_two_from_history(s: State) -> bool:
    """ "这两个哪个平均高" after naming two partners in earlier turns; "Which of them is the
    lowest?" after "Spain average?" → "And Finland?" → "And Germany?" means all three."""
    last, tags = s.last, s.tags
    if (
        s.u.groups
        or not last
        or not ("pronoun" in tags or _BOTH.search(s.norm))
        or not (tags & {"compare", "max", "min"})
        or len(last.history) < 2
    ):
        return False
    if not _BOTH.search(s.norm) and len(last.chain) >= 2:
        # "which of these…" after naming them turn by turn under one measure: all of them
        s.u.groups = [list(g) for g in last.chain]
        if s.u.metric is None and last.metric:
            s.u.metric = last.metric
    else:
        n = 3 if re.search(r"三个|三者|three", s.norm) else 2
        s.u.groups = [list(g) for g in last.history[-n:]]
    s.u.from_context = True
    return True


# "the one just before": the earlier of the last two things named
_EARLIER = re.compile(
    r"刚才|刚刚|之前那|前面那|上一个|头先|啱先|\b(?:previous|earlier|last)\s+one\b|\bthe\s+one\s+before\b"
)


def compare_with_earlier_turn(s: State) -> bool:
    """ "跟刚才那个比呢" after "俄罗斯立项数多少" → "西班牙呢": the last two things named, on the
    last measure."""
    last = s.last
    if (
        s.u.groups
        or not last
        or "compare" not in s.tags
        or not _EARLIER.search(s.norm)
        or len(last.history) < 2
    ):
        return False
    s.u.groups = [list(g) for g in last.history[-2:]]
    if s.u.metric is None:
        s.u.metric = last.metric or INTENT_METRIC.get(last.intent)
    s.u.from_context = True
    return True


# the names listed before are taken up as a set: the superlative is among them
_THESE_NAMED = re.compile(
    r"这[两三四五六七八九几\d]个|这几|这些|以上|上述|其中|呢[两三四五几\d]个|呢几|"
    r"\b(?:these|those|the)\s+(?:two|three|four|five|\d)\b|\b(?:of|among)\s+(?:these|them|those)\b"
)


def superlative_names_nothing(s: State) -> bool:
    """The superlative's own clause names nothing, the name after it is a guess to check:
    "支持项目最多的方向是哪个 我看好像是西班牙？"."""
    named = s.u.groups and not s.u.from_context  # "which of these…? thx" names no guess
    if named and not s.u.order and _ordinal_clause_is_free(s.u.text, s.index):
        # "平均補助金額第二高的是哪一個方向？（歐盟旗艦計畫以一個方向計算）": the name is a note on
        # how to count, the ordinal's own clause asks over every direction
        s.u.groups = []
        return True
    if not (s.u.order and named and _superlative_clause_is_free(s.u.text, s.index)):
        return False
    if len(s.u.groups) > 1 and _THESE_NAMED.search(s.norm):
        return False  # "阿根廷、韩国联合研究、南非旗舰这三个方向，哪个总经费最少": among them
    s.u.groups = []
    return True


def _ordinal_clause_is_free(text: str, index: EntityIndex) -> bool:
    """An ordinal of a ranking asked in a clause that names nothing, the names in another."""
    clauses = [c for c in _RAW_CLAUSE.split(text) if c and c.strip()]
    if len(clauses) < 2:
        return False
    for clause in clauses:
        folded = O.folded(clause)
        if O.ordinal(folded) is None or not O.ordinal_in_context(folded):
            continue
        norm = normalize(clause)
        named = any(m.kind in (PARTNER, DIRECTION, CALL) for m in index.find(norm).mentions)
        return not named and bool(re.search(r"哪|which|what|边[两三四五几\d]*个|边啲|谁", norm))
    return False


def topic_in_asker_institution(s: State) -> bool:
    """A topic word found only inside the asker's university or academy name beside a filter or
    a ranking: "天津工业大学科研院：总经费不低于3000万元的方向有哪些" asks over every direction,
    not the manufacturing ones (a topic question keeps it: "我是农业大学的，哪些方向适合")."""
    u = s.u
    if not u.topics:
        return False
    topics = [m for m in s.found.mentions if m.kind == TOPIC]
    inside = {m.id for m in topics if O.in_institution_name(s.norm, m.start, m.end)}
    outside = {m.id for m in topics if not O.in_institution_name(s.norm, m.start, m.end)}
    drop = inside - outside
    if not drop or not set(u.topics) & drop:
        return False
    # a topic asked outside the name ("我校筹建碳中和研究院…明确提到气候变化的方向") or the
    # partner list asked ("西北工业大学国际处…可以和哪些国家合作") leaves the name's word aside too
    if not (
        u.order
        or find_threshold(s.norm, u.metric)
        or O.find_range(s.norm, implicit_equal=True)
        or set(u.topics) & outside
        or O.partner_list_asked(s.norm)
    ):
        return False
    u.topics = [t for t in u.topics if t not in drop]
    if not u.topics:
        u.topic_mode = "union"
    return True


def topic_across_call_before_remark(s: State) -> bool:
    """A topic asked over the whole call in a sentence that names no partner, and partners only
    in a remark after it: "Which directions in this call include carbon capture? We have
    contacts in Korea and in Russia" asks every direction, not Korea's and Russia's."""
    u = s.u
    if not (u.topics and u.groups):
        return False
    sentences = [x for x in _SENTENCE_END.split(u.text) if x.strip()]
    if len(sentences) < 2:
        return False
    for i, sentence in enumerate(sentences):
        norm = normalize(sentence)
        mentions = s.index.find(norm, sentence).mentions
        if any(m.kind in (PARTNER, DIRECTION) for m in mentions):
            return False  # a name before the question, or in it: it may narrow the question
        topics = [m.id for m in mentions if m.kind == TOPIC and m.id in u.topics]
        if not (topics and _SENTENCE_ASKS.search(norm) and O.VOCAB.call_wide.search(norm)):
            continue
        if i == len(sentences) - 1:
            return False
        u.groups = []
        u.topics = list(dict.fromkeys(topics))
        s.tags.add("call_wide_topic")
        return True
    return False


def topics_of_the_asking_sentence(s: State) -> bool:
    """Topics of the asker's work said in a sentence of its own, and a question that names only
    some of them: the question's topics are what is sought ("I work on ageing and digital
    health. Does any direction specifically cover ageing?" asks ageing only; "我们做氢能和储能。
    哪些方向支持氢能？" asks hydrogen). A question that names no topic keeps every one."""
    u = s.u
    if len(u.topics) < 2 or u.groups:
        return False
    sentences = [x for x in _SENTENCE_END.split(u.text) if x.strip()]
    if len(sentences) < 2:
        return False
    asked: set[str] = set()
    for sentence in sentences:
        found = {
            m.id for m in s.index.find(normalize(sentence), sentence).mentions if m.kind == TOPIC
        }
        if sentence.rstrip().endswith(("?", "？")):
            asked |= found
        elif found and not O.VOCAB.asker_context.search(O.folded(sentence)):
            return False  # a topic in a statement that is not about the asker
    kept = [t for t in u.topics if t in asked]
    if not kept or len(kept) == len(u.topics):
        return False
    u.topics = kept
    return True


# -- filters, rankings, comparisons ------------------------------------------------------------


_MOST_PROJECTS = re.compile(
    r"\b(?:most|fewest|least|largest number of|smallest number of)\s+(?:projects?|grants?)\b"
)


def most_projects_counts(s: State) -> bool:
    """ "funds the most projects" ranks by the number of projects: "funds" alone is a weak
    budget cue ("Which programme funds the most projects? thank you!")."""
    u = s.u
    if not (u.order and u.metric == "total" and s.score(L.BUDGET) < 3):
        return False
    if not _MOST_PROJECTS.search(s.masked):
        return False
    u.metric = "count"
    return True


# partners with more than one direction: "哪些国家对应了不止一个指南方向", "Which partners
# appear in more than one direction?", "有两个方向的合作方"
_SEVERAL_DIRECTIONS = re.compile(
    r"(?:不止|多于|超过|多过|唔止)\s*(?:一|1)\s*个\s*(?:指南)?方向"
    r"|(?:两|2)\s*个(?:或以上|及以上|以上)\s*(?:的)?\s*(?:指南)?方向"
    r"|(?:有|对应|占|设有)了?(?:两|2|几|多)个(?:指南)?方向|(?:两|2)个(?:指南)?方向的(?:国家|合作方|伙伴)"
    r"|多个(?:指南)?方向|\bmore\s+than\s+one\s+(?:guideline\s+)?directions?\b|"
    r"\b(?:have|has|with|get|gets|got)\s+(?:two|2|several|multiple)\s+directions\b|"
    r"\b(?:several|multiple|two\s+or\s+more)\s+directions\b|\b(?:appear|listed|named)\s+"
    r"(?:in\s+)?(?:twice|two\s+times|more\s+than\s+once)\b"
)
_WHICH_PARTNERS = re.compile(r"哪|边啲|边个|\b(?:which|what|who|any)\b")
_PARTNER_WORD = re.compile(
    r"国家|合作方|合作对象|合作伙伴|组织|地区|伙伴|\b(?:partners?|countr(?:y|ies)|organi[sz]ations?)\b"
)


def partners_with_several_directions(s: State) -> bool:
    """The partners that have more than one direction: "本次政府间专项的合作对象里，哪些国家或
    国际组织对应了不止一个指南方向？", "Which partners appear in more than one direction?" —
    the partner list kept to those partners (the others set aside), with their directions."""
    # the phrase asks which partners ("韩国有两个方向，各多少钱" states it of one)
    clause = next((cl for cl in _CLAUSE_END.split(s.norm) if _SEVERAL_DIRECTIONS.search(cl)), "")
    if not (clause and _PARTNER_WORD.search(clause) and _WHICH_PARTNERS.search(clause)):
        return False
    if _OWN_COUNTRY.search(clause):
        return False  # "Our country has two directions here, right?" states it of the asker's
    by_partner = s.k.directions_by_partner
    single = [d.id for ds in by_partner.values() if len(ds) == 1 for d in ds]
    if len(single) == len(s.k.directions):
        return False
    u = s.u
    u.intent, u.groups, u.metric, u.order = L.PARTNERS, [], None, None
    u.excluded = single
    return True


def threshold_filter(s: State) -> bool:
    """A bound on a measure over all directions: "经费超过5000万的方向",
    "directions with more than 10 projects"."""
    u = s.u
    threshold = find_threshold(s.norm, u.metric)
    if not threshold or u.groups:
        return False
    u.intent = L.RANK
    u.metric = u.metric or ("count" if threshold[1] < 0 else "total")
    u.threshold = (threshold[0], abs(threshold[1]))
    u.order = "min" if threshold[0].startswith("<") else "max"
    if u.topics:
        u.restrict = topic_directions(s.k, u.topics, u.topic_mode)
    return True


def at_most_about_context(s: State) -> bool:
    """ "最多" as a limit about the last turn's direction: "俄罗斯…" → "最多资助几个"."""
    if not (
        s.u.order and not s.u.groups and not s.which and s.ctx_groups and s.score(L.COUNT) >= 3
    ):
        return False
    s.u.order = None
    return True


def at_most_in_total(s: State) -> bool:
    """ "一共最多支持多少个项目", "at most how many projects in total": 最多 is the sum's limit
    (the notice's 不超过 added up), not a ranking, when nothing asks "which"."""
    if not (s.u.order and not s.which and O.limit_asked(s.norm)):
        return False
    if "sum" not in O.operations(s.norm):
        return False
    s.u.order = None
    return True


def _states_every_direction(s: State) -> bool:
    """The user counts every direction of both calls ("全部16个方向中"): a call named in the
    sentence widens the pool, it does not narrow it."""
    return O.directions_counted(s.norm) == len(s.k.directions)


def ranking(s: State) -> bool:
    """A superlative over everything, a topic, "them", or one partner's directions:
    "经费最多的方向", "哪个AI方向平均最高", "韩国哪个方向项目多"."""
    u, last = s.u, s.last
    groups = u.groups
    single_multi = len(groups) == 1 and len(groups[0]) > 1 and s.which
    if not (u.order and (not groups or single_multi or (len(groups) <= 1 and u.topics))):
        return False
    if len(groups) == 1 and len(groups[0]) == 1:
        # "China-Russia: total, maximum number of projects, and is carbon capture included?":
        # one direction is ranked against nothing; its "maximum" is a limit of its own
        return False
    if groups:
        u.restrict = groups[0]
    elif u.topics:
        u.restrict = topic_directions(s.k, u.topics, u.topic_mode)
    elif s.ctx_groups and "pronoun" in s.tags:
        u.restrict = [d for g in s.ctx_groups for d in g]
    elif u.scope and u.scope in s.k.directions_by_call and not _states_every_direction(s):
        # "把政府间专项的15个方向按总经费从高到低排一下": the named call's directions only
        u.restrict = [d.id for d in s.k.directions_by_call[u.scope]]
    if u.excluded:  # "除了欧盟旗舰，平均资助最高的是哪个"
        pool = u.restrict or [d.id for d in s.k.directions]
        u.restrict = [d for d in pool if d not in u.excluded]
    u.intent = L.RANK
    if u.metric is None and last and last.intent == L.RANK:
        u.metric = last.metric
    if u.metric is None and last and last.metric and O.follow_up(s.norm):
        # "阿根廷平均才50万？" → "那最高的是哪个": the top on the measure just talked about
        u.metric = last.metric
    u.metric = u.metric or "total"
    u.groups = []
    return True


def ranking_follow_up(s: State) -> bool:
    """A ranking word after a ranking: "經費最少嘅係邊個？" → "咁最多嗰個又點？"."""
    u, last = s.u, s.last
    if not ((u.order or "ranking" in s.tags) and not u.groups and last and last.intent == L.RANK):
        return False
    u.intent = L.RANK
    u.metric = u.metric or last.metric or "total"
    return True


_JOINED_KIND = re.compile(r"\s*(?:和|同|与|及|跟|或|、|,|vs\.?|versus|\band\b|\bor\b|&)\s*")
# "the South Africa joint research budget compared to the flagship": a measure word and a
# comparing phrase between the two kinds
_COMPARED_KIND = re.compile(
    # "韩国能源那个经费比联合研究那个": the first kind pointed at (那个) before its measure
    r"\s*(?:(?:那个|嗰个|那项|的)\s*)?(?:[a-z]+\s+){0,2}?(?:(?:'s\s+)?(?:budget|funding|total|average|grant|money|经费|预算|平均|总额)\s*)?"
    r"(?:compared\s+(?:to|with)|against|vs\.?|versus|相比|对比|比较|比|是"
    # "Korea energy budget is how many times the joint research one?"
    r"|(?:is\s+)?how\s+many\s+times\s+(?:(?:as\s+\w+\s+as|more\s+than|bigger\s+than)\s+)?)"
    r"\s*(?:(?:the|that\s+of\s+the)\s+|那个|嗰个)?"
    # "…joint research, and is it bigger than the flagship one?": a yes/no on the first kind
    r"|[,，]?\s*(?:and\s+)?(?:is|are|does)\s+(?:it|this|that|this\s+one|that\s+one)\s+"
    r"(?:(?:much|any)\s+)?(?:bigger|larger|higher|greater|more|smaller|lower|less)\s+than\s+"
    r"(?:(?:the|that\s+of\s+the)\s+)?"
    # "南非联合研究平均每项多少，是不是比旗舰那个高": the same in Chinese
    r"|\s*(?:(?:平均|总经费|经费|项目数|总额)[^，,。？?\s]{0,8})?[，,\s]\s*(?:那|它)?"
    r"(?:是不是|是否|有没有)\s*比\s*(?:那个|嗰个)?"
)


def partner_kind_beside_direction(s: State) -> bool:
    """A second kind of the same partner's direction, listed right after the first and
    compared with it: "South Africa flagship同joint research邊個平均高啲", "南非旗舰和联合研究
    哪个平均高" — the joint research is South Africa's too, not Korea's."""
    u = s.u
    if len(u.groups) != 1 or len(u.groups[0]) != 1:
        return False
    # "…是联合研究那个的几倍", "is how many times the joint research one": a ratio compares too
    if not (s.tags & {"compare", "max", "min"} or "ratio" in O.operations(s.norm)):
        return False
    first = s.k.direction_by_id[u.groups[0][0]]
    siblings = {d.id for d in s.k.directions_by_partner.get(first.partner, ())} - {first.id}
    mention = next((m for m in s.found.mentions if m.kind in (PARTNER, DIRECTION)), None)
    if not siblings or mention is None:
        return False
    text = s.found.text

    def anchor(start: int) -> int:
        # the end of the first kind: its name, or a word of it after the partner ("南非 旗舰")
        own = [e for b, e, i in s.found.marker_spans if i == first.id and mention.end <= b < start]
        return max([mention.end, *own])

    added = [
        ident
        for start, _end, ident in s.found.marker_spans
        if ident in siblings
        and start >= mention.end
        and (
            _JOINED_KIND.fullmatch(text[anchor(start) : start])
            or _COMPARED_KIND.fullmatch(text[anchor(start) : start])
        )
    ]
    if not added:
        added = _kind_by_a_word(s, first, siblings, anchor(len(text)))
    if len(set(added)) != 1:
        return False
    u.groups = [[first.id], [added[0]]]
    return True


_FIRST_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[a-z]{4,}")


def _kind_by_a_word(s: State, first: Direction, siblings: set[str], at: int) -> list[str]:
    """ "南非 旗舰 vs 联合": a word after the joiner too short to be a name of its own, the
    start of a word of exactly one other direction of the partner ("联合" of "联合研究")."""
    text = s.found.text[at:]
    joined = _JOINED_KIND.match(text) or _COMPARED_KIND.match(text)
    word = _FIRST_WORD.match(text[joined.end() :]) if joined and joined.end() else None
    if word is None:
        return []
    w = word.group()
    hits = [
        d for d in sorted(siblings) if any(m.startswith(w) for m in s.k.direction_by_id[d].markers)
    ]
    return hits if len(hits) == 1 else []


# a contrast asked in words: "有什么区别，经费各多少" still compares them
# ("两位老师分别在问…" asks each; a "对比表" or "comparison table" is what the asker compiles)
_CONTRAST = re.compile(
    r"区别|區別|异同|異同|不同|(?:咩|乜|什么|啥|冇|没有|有|的|嘅)\s*分别|"
    r"分别(?:在(?!问|問|找|看|想|了解)|系|是)|"
    r"differ|compar(?!ison\s+(?:table|sheet|chart))|(?:对比|對比|比较|比較)(?!表)|相比|\bvs\b"
)


def fields_compared(s: State) -> bool:
    """Fields set against each other are each direction's fields side by side: "俄罗斯做哪些领域"
    → "跟西班牙比呢", "俄罗斯和西班牙的领域有什么不同", "Russia's areas vs Spain's"."""
    u, last = s.u, s.last
    if len(u.groups) < 2 or "compare" not in s.tags:
        return False
    if O.operations(s.norm) & {"ratio", "difference", "sum"}:
        return False
    measures = O.measures(s.norm)
    carried = "compare_with_previous" in s.fired and last and last.intent == L.FIELDS
    if not (measures == ["fields"] or (carried and not measures)):
        return False
    u.intent, u.metric = L.FIELDS, None
    return True


def comparison(s: State) -> bool:
    """Two or more names and a comparative or superlative word: "芬兰和德国哪个经费多"."""
    u = s.u
    if len(u.groups) < 2 or not (s.tags & {"compare", "max", "min", "ranking"}):
        return False
    ops = O.operations(s.norm)
    if (
        "each" in ops
        and not ops & {"ratio", "difference", "same", "more"}
        and not _CONTRAST.search(s.norm)
    ):
        return False  # "王老师想问中奥…多少钱，李老师想问中阿那个…多少钱": each figure, not which
    if _aspect_of_two_not_a_measure(s):
        return False
    u.intent = L.COMPARE
    carried = "compare_with_previous" in s.fired  # the last turn's count, set against a new name
    # "which one has more projects", "南非两个方向哪个项目多": the count is the measure compared
    counted = O.measures(s.norm) == ["count"]
    weak = s.score(L.COUNT) < 3 and not u.from_context and not carried
    if u.metric == "count" and weak and not counted:
        u.metric = None  # "the EU general projects" names them, it does not count them
    if u.metric is None and counted:
        u.metric = "count"
    if _MORE_PROJECTS.search(s.norm):
        u.metric = "count"  # "哪个资助的项目多", "which one funding more projects": the count
    u.metric = u.metric or "total"
    return True


def _aspect_of_two_not_a_measure(s: State) -> bool:
    """Two directions beside "or only" and an aspect the notice lacks, no figure asked: "Can
    Spanish universities join the EU joint labs or only the Spain direction?" asks who may take
    part (unknown), not which has more money."""
    if O.measures(s.norm) or max(s.score(L.BUDGET), s.score(L.COUNT), s.score(L.AVERAGE)) >= 3:
        return False
    return bool(O.missing_aspects(s.u.text))


# the projects are what is more or fewer: "哪一个资助的项目多一些", "边个资助多啲项目",
# "which one funding more projects" (a money word beside it says how, not what is compared)
_MORE_PROJECTS = re.compile(
    r"(?<!每个)(?<!每一个)(?<!每)(?<!单个)(?<!一个)项目(?:数)?(?:更|较|比较)?(?:多(?!少|钱)|少(?!钱))|"
    r"(?:多|少)(?:啲|些|一些|一点|d)?\s*(?:的|嘅)?项目|更(?:多|少)(?:的)?项目|"
    r"\b(?:more|fewer|less)\s+projects\b"
)


def comparison_follow_up(s: State) -> bool:
    """Another measure of the last comparison: "芬兰和德国比经费" → "那项目数呢"."""
    u, last = s.u, s.last
    if not (
        not u.groups
        and last
        and last.intent == L.COMPARE
        and len(last.groups) >= 2
        and s.followup
        and u.metric
        and not u.topics
    ):
        return False
    u.intent = L.COMPARE
    u.groups = [list(g) for g in last.groups]
    u.from_context = True
    return True


# -- the strongest cue, and what it means here -------------------------------------------------


# parts of a topic's names too general to say which topic is meant
_GENERAL_PARTS = re.compile(
    r"技术|研究|科学|科技|领域|方向|合作|项目|工程|系统|应用|产业|相关|开发"
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_WHICH_DIRECTIONS = re.compile(
    r"(?:哪|边)(?:些|啲|几个|个)?(?:方向|计划|计画|项目|国家)|\bwhich\s+(?:other\s+)?"
    r"(?:directions?|programm?es?|programs?|calls?|ones?)\b|(?:还|仲)有(?:边|哪|其他|别)"
)


def topic_word_of_last_turn(s: State) -> bool:
    """A short word of the topic just talked about, asked over the directions: "澳門方向有冇包
    新材料？ → 政府間專項入面仲有邊啲方向做材料？" (材料 is no alias of its own: 申报材料 are
    documents) — the last turn's topic whose name or alias holds the word."""
    last = s.last
    if last is None or not last.topics or s.u.topics or s.u.groups:
        return False
    if not _WHICH_DIRECTIONS.search(s.norm):
        return False
    words = [*_CJK_RUN.findall(s.masked), *re.findall(r"[a-z]{5,}", s.masked)]
    for t in last.topics:
        topic = s.k.topic_by_id.get(t)
        if topic is None:
            continue
        names = [normalize(topic.name.zh_hans), topic.name.en.lower(), *topic.aliases]
        for w in words:
            for part in _parts(w):
                if any(part in n for n in names):
                    s.u.topics, s.u.topic_mode = [t], "union"
                    s.intent = L.TOPIC
                    return True
    return False


def _parts(word: str) -> list[str]:
    """The pieces of a run of characters that could name a topic: the run's two- to
    four-character pieces not too general ("做材料" → "材料")."""
    if word.isascii():
        return [word]
    out = []
    for size in (4, 3, 2):
        for i in range(len(word) - size + 1):
            piece = word[i : i + size]
            if not _GENERAL_PARTS.search(piece) and piece not in out:
                out.append(piece)
    return out


# "那些方向有疫描" with no turn before it: 那些 can point at nothing, so it is 哪些 mistyped
_THAT_AS_WHICH = re.compile(r"(?:那些|那个|那几个|那啲|嗰啲|嗰个)(?:方向|项目|国家|计划|合作)")


def topic_typed_with_a_slip(s: State) -> bool:
    """A two-character topic word typed with one character slipped to a homophone, as the
    field of a topic question: "那些方向有疫描" (疫苗), "邊啲方向有遙敢" (遥感),
    "有没有方向支持海样" (海洋) — the topic, when the slip is no word the bot knows. Only the
    field left over by the question's frame is read so ("循环经济" holds no slip of 环境)."""
    if s.u.groups or s.u.topics:
        return False
    that = _THAT_AS_WHICH.search(s.masked) if s.last is None else None
    if not (topic_frame(s.norm) or that):
        return False
    masked = s.masked if that is None else blank(s.masked, [(that.start(), that.end(), "")])
    term = unknown_term(blank(masked, cue_matcher().spans(masked)))
    if not term or len(term) > 4:
        return False
    topics = slipped_topics(s.k, term)
    if len(topics) != 1:
        return False
    s.u.topics, s.u.topic_mode = topics, "union"
    return True


def unknown_topic_term(s: State) -> bool:
    """A field no direction names: "哪些方向支持区块链" (asked about, not answered)."""
    intent = s.intent
    if (
        s.u.groups
        or s.u.topics
        or not (
            # "有冇方向支持區塊鏈？平均每項幾多錢？": the figure of a direction there is none of
            intent in (None, L.FIELDS, L.DETAIL, L.BUDGET, L.AVERAGE)
            # "how many partner countries" counts partners, not a field's projects
            or (intent == L.COUNT and s.score(L.PARTNERS) < 3)
            or (intent == L.PARTNERS and s.score(L.PARTNERS) < 4)
        )
        or not topic_frame(s.norm)
    ):
        return False
    term = unknown_term(blank(s.masked, cue_matcher().spans(s.masked)))
    if not term:
        return False
    s.u.intent, s.u.unknown_topic, s.u.confidence = L.TOPIC, term, 0.4
    return True


_MENTION_FRAME = re.compile(vocabulary().patterns["mention_frame"])


_BESIDES_ASKED = re.compile(r"(?:还|仲)?(?:有没有|有冇|有无)|(?:还|仲)有.{1,12}(?:吗|么|嘛|冇)")


def unknown_topic_of_named(s: State) -> bool:
    """A field no direction names, asked of a named direction: "中德那个方向的领域里有没有写
    量子计算", "Is quantum computing in the fields of the Finland direction?" — its fields,
    saying first that they do not name it (never a silent card)."""
    # the one direction just talked about: "中德项目介绍一下 → 有冇包埋储能？"
    talked = len(s.ctx_groups) == 1 and (s.intent is None or s.followup)
    if not (s.u.groups or talked) or s.u.topics or s.intent not in (None, L.FIELDS, L.DETAIL):
        return False
    framed = _MENTION_FRAME.search(s.norm)
    # "除了氢能，有没有储能": a field checked beside one set aside
    if not framed and not (s.found.excluded_topics and _BESIDES_ASKED.search(s.norm)):
        return False
    term = unknown_term(blank(s.masked, cue_matcher().spans(s.masked)))
    if not term:
        return False
    s.intent, s.u.unknown_topic = L.FIELDS, term
    return True


def same_question_narrowed(s: State) -> bool:
    """A marker narrowing the last turn keeps its question: "what about the general projects?"."""
    last = s.last
    if not (
        s.narrowed_from_context
        and last
        and last.intent in ENTITY_INTENTS
        and (s.intent is None or s.score(s.intent) < 3)
    ):
        return False
    s.intent = last.intent
    return True


def comparative_alone(s: State) -> bool:
    """A comparative word without two names to compare asks nothing by itself."""
    if s.intent != L.COMPARE:
        return False
    s.intent = None
    return True


def count_of_partners(s: State) -> bool:
    """ "how many partner countries" is about partners."""
    if not (s.intent == L.COUNT and s.score(L.PARTNERS) >= 3 and not s.u.groups):
        return False
    s.intent = L.PARTNERS
    return True


def partners_of_a_call(s: State) -> bool:
    """A call named, its partners asked: "港澳台项目合作方"."""
    u = s.u
    names = [m for m in s.found.mentions if m.kind in (PARTNER, DIRECTION, CALL)]
    call_only = u.groups and names and all(m.kind == CALL for m in names)
    if not (s.intent == L.PARTNERS and call_only):
        return False
    # a call added to the list ("港澳台那边的也一并列上", "including the Macao call"): every call
    if any(
        O.call_included(s.norm[max(0, m.start - 24) : m.start])
        or O.call_added_after(s.norm[m.end : m.end + 48])
        for m in s.found.mentions
        if m.kind == CALL
    ):
        u.intent, u.groups = L.PARTNERS, []
        return True
    u.intent, u.scope = L.PARTNERS, next(m.id for m in s.found.mentions if m.kind == CALL)
    u.groups = []
    calls = [m for m in names if m.kind == CALL]
    if any(
        O.call_added_after(s.norm[m.end : m.end + 48])
        or O.call_included(s.norm[max(0, m.start - 24) : m.start])
        for m in calls
    ):
        u.scope = None  # "合作国别名单…港澳台那边的也一并列上": the call added to the rest
    return True


def count_after_partners(s: State) -> bool:
    """ "合作国家有哪些" → "一共几个": the partners counted."""
    last = s.last
    if not (
        s.intent == L.COUNT
        and not s.u.groups
        and not s.u.topics
        and last
        and last.intent == L.PARTNERS
        and s.followup
    ):
        return False
    s.intent = L.PARTNERS
    return True


# a sentence that checks the list for something: "想看看有没有…", "to see if any from …"
_CHECKS = re.compile(
    r"看看|看一下|睇下|睇吓|查查|\bsee\s+if\b|\bcheck\s+(?:if|whether)\b|\bwhether\b|"
    # "Only Europe or also Latin America?", "只有欧洲吗，还是也有拉美？": the list's reach checked
    r"\bor\s+also\b|^\W*only\b|还是也|还是还有|定系都有|定还是"
)


# the partners listed, not only counted: "哪几个国家", "which countries", "唔该列晒出嚟"
_PARTNER_LIST_ASKED = re.compile(r"哪|边|列|名单|清单|\b(?:which|what|list|name)\b")


def partners_counted_is_overview(s: State) -> bool:
    """ "how many countries and organisations can be partner in this call": the count the
    overview states (14 countries, regions, organisations…), beside its directions and total;
    the partners' list answers a question that also asks which they are."""
    u = s.u
    if s.intent != L.PARTNERS or u.groups or u.topics or s.found.other_places:
        return False
    if not _PARTNERS_COUNTED.search(s.norm) or _PARTNER_LIST_ASKED.search(s.norm):
        return False
    s.intent = L.OVERVIEW
    return True


def partner_list_checked_for_a_region(s: State) -> bool:
    """The partner list asked, a region named only in a sentence that asks nothing: "Which
    partner countries are there? I want to see if any from Latin America" is the whole list
    (the region's partners are in it), not the card of the one partner the region holds."""
    u = s.u
    if not (s.intent == L.PARTNERS and u.groups and set(s.in_scope) == {L.PARTNERS}):
        return False
    names = [m for m in s.found.mentions if m.kind in (PARTNER, DIRECTION, CALL)]
    if not names or any(m.how != "region" for m in names):
        return False
    asks_partners = False
    for sentence in (t for t in _SENTENCE_END.split(u.text) if t.strip()):
        norm = normalize(sentence)
        named = [m for m in s.index.find(norm, sentence).mentions if m.kind == PARTNER]
        asks = bool(_SENTENCE_ASKS.search(norm))
        if named and asks and not _CHECKS.search(norm):
            return False  # "Which partners are there in Latin America?" filters by it
        asks_partners = asks_partners or (asks and not named)
    if not asks_partners:
        return False
    u.groups = []
    return True


# something asked of the region's directions besides who they are ("非洲方向经费多少")
_BEYOND_PARTNERS = (L.BUDGET, L.AVERAGE, L.COUNT, L.FIELDS, L.PERIOD, L.COMPARE)


# the whole list asked beside a region: "所有合作方列一下", "list all the partner countries"
_ALL_PARTNERS = re.compile(
    r"(?<!洲)(?<!洲的)(?<!洲嘅)(?<!拉美)(?<!中东)(?:所有|全部|全体|一切)(?:的|嘅)?(?:合作)?"
    r"(?:方|国家|伙伴|国家和地区|国家地区)|列晒|全部列|"
    r"\ball\s+(?:the\s+)?(?:partners?|partner\s+countries|countries)\b(?!\s+(?:in|from|of)\b)|"
    r"\bfull\s+list\b"
)


def _region_asked_alone(s: State) -> bool:
    """Only regions named, and nothing asked of their directions besides who they are."""
    if not (s.intent in (L.PARTNERS, None) and s.u.groups):
        return False
    names = [m for m in s.found.mentions if m.kind in (PARTNER, DIRECTION, CALL)]
    if not names or any(m.how != "region" for m in names):
        return False
    return not (any(s.score(i) >= 3 for i in _BEYOND_PARTNERS) or _topics_asked(s))


def _topics_asked(s: State) -> bool:
    """Topics named beside the question, not only in a sentence about the asker that asks
    nothing ("I collaborate with a group in Tianjin in food science. Is there any direction with
    some Latin America country?" asks the region's partners, not food)."""
    if not s.u.topics:
        return False
    sentences = [x for x in _SENTENCE_END.split(s.u.text) if x.strip()]
    if len(sentences) < 2:
        return True
    for sentence in sentences:
        norm = normalize(sentence)
        if not any(m.kind == TOPIC for m in s.index.find(norm, sentence).mentions):
            continue
        if _SENTENCE_ASKS.search(norm) or not O.VOCAB.asker_context.search(O.folded(sentence)):
            return True
    return False


def all_partners_beside_a_region(s: State) -> bool:
    """A region's partners asked, then the whole list: "有没有亚洲国家可以合作的？把所有合作方列一
    下吧" is every partner (the region's are in it), not only the region's."""
    u = s.u
    if not _region_asked_alone(s) or not _ALL_PARTNERS.search(normalize(u.text)):
        return False
    u.groups = []
    u.intent = L.PARTNERS
    return True


def partners_of_a_region(s: State) -> bool:
    """The partners of a region asked: "有冇亞洲國家可以合作？", "Any African partner country?",
    "合作國家入面有冇南美洲嘅？" — the partners in it (none: the region is outside the call),
    not the card of each of its directions."""
    u = s.u
    # nothing else asked of a region is who is in it ("有冇亞洲國家可以合作")
    if not _region_asked_alone(s):
        return False
    u.intent = L.PARTNERS
    # "伊朗或者其他中东国家有没有方向？": the place beside the region has none, said first
    if s.found.other_places and not u.other_places:
        u.other_places = list(s.found.other_places)
    return True


# a clause that checks the list for names: "是否包括俄罗斯和芬兰", "有没有德国", "Israel is
# inside, yes?", "is Germany included?"
_LIST_CHECK = re.compile(
    r"是否(?:包括|包含|有|在内|在其中)|包(?:不|唔)包(?:括|含)?|(?:包括|包含|有)[^，,。？?]{0,16}(?:吗|么|嘛|冇|没有)"
    r"|^\W*(?:有没有|有冇|有无)|在(?:不在)?(?:里面|其中|名单|列表)|"
    r"\b(?:included|inside|in\s+(?:it|the\s+list|there)|among\s+them|part\s+of\s+it|"
    r"one\s+of\s+them)\b|在不在|系咪其中|是不是其中|是其中之一|"
    r"\b(?:yes|right|correct)\s*\??\s*$|\bis\s+(?:there|it)\b|"
    # "Only Europe or also Latin America?", "只有欧洲吗，还是也有拉美？": the list's reach checked
    r"\bor\s+also\b|^\W*only\b|还是也|还是还有|定系都有|"
    # a name added to the list asked: "列出来，包括澳门", "include Macao too", "the Macao one too"
    r"^\W*(?:包括|包含|连同|连埋|加上)|(?:也|都)\s*(?:一并|一起|一齐)?\s*(?:列上|列入|列埋|算上)|"
    r"\b(?:include|including)\b|\b(?:too|as\s+well)\W*$|"
    # the list checked for one name alone: "Is Finland the only Nordic partner?", "德国是唯一的
    # 欧洲国家吗", "是不是只有芬兰"
    r"\bthe\s+only\b|\bonly\s+one\b|唯一|(?:是不是|是否|系咪|系唔系)只有"
)
# a spaced dash ends a clause too: "quick list of all partner countries pls – is Austria in there?"
_CLAUSE_END = re.compile(r"[.!?。！？;；，,]|\s[-–—]\s")
# the partner list asked in a clause of its own: "合作国家、地区和组织都有哪些"
_LIST_ASKED = re.compile(
    r"(?:哪些|哪几个|什么|有边啲|边啲|几多个|多少个|列出|列一下|列下|列晒)|\b(?:which|what|list)\b"
)


def partner_list_checked_for_names(s: State) -> bool:
    """The partner list asked, and some partners checked against it in a clause of their own:
    "合作国家、地区和组织都有哪些？是否包括俄罗斯和芬兰？", "what partner countries are in this
    call? Israel is inside, yes?" — the whole list answers both (those named are in it), not
    the cards of the partners checked."""
    u = s.u
    if not (s.intent == L.PARTNERS and u.groups) or _OWN_COUNTRY.search(s.norm):
        return False  # "Our country has two directions, right? total of each?" asks of it
    if not any(m.kind in (PARTNER, DIRECTION) for m in s.found.mentions):
        return False  # "港澳台那个专项能跟哪些地区合作": the partners of the call named
    if _region_asked_alone(s) and _ALL_PARTNERS.search(normalize(u.text)):
        return False  # "有没有亚洲国家…把所有合作方列一下吧": all_partners_beside_a_region
    asks_list = countries_asked = context_only = False
    for clause in (t for t in _CLAUSE_END.split(u.text) if t.strip()):
        norm = normalize(clause)
        named = [m for m in s.index.find(norm, clause).mentions if m.kind in (PARTNER, DIRECTION)]
        if named and not _LIST_CHECK.search(norm):
            if _SENTENCE_ASKS.search(norm):
                return False  # "Which partners does the Korea direction have?" asks of it
            context_only = True
        asks_list = asks_list or (not named and bool(_LIST_ASKED.search(norm)))
        countries_asked = countries_asked or (not named and O.partner_list_asked(norm))
    # names in a clause that asks nothing are what the asker knows ("可以和哪些国家合作？我只知道
    # 有芬兰跟德国"), when the countries are asked in so many words
    if not asks_list or (context_only and not countries_asked):
        return False
    u.groups = []
    return True


# the partner list asked in so many words: "这个专项有哪些合作国家", "可以和哪些国家合作",
# "which partner countries are in the call", "which countries can we apply with"
_PARTNER_LIST_CLAUSE = re.compile(
    r"合作(?:的)?(?:国家|国别|方|伙伴|地区)|"
    r"(?:和|跟|同|与)\s*(?:哪些|边啲|哪几个|什么|咩)\s*(?:国家|地区)"
    # "跟哪些国家或国际组织合作": the kinds of partner listed
    r"(?:\s*(?:或|或者|和|及|、|同)\s*(?:国际)?(?:组织|地区|国家|机构))*\s*(?:合作|申请|申报|一齐)|"
    r"\bpartner(?:s|\s+countr(?:y|ies))\b|\bapply\s+with\b|"
    r"\bcountries\b[^.?!]{0,30}\b(?:apply|partner|collaborate|cooperate|work\s+with|in\s+the\s+call)\b"
)


def partner_list_beside_a_topic(s: State) -> bool:
    """The partner list asked in a clause of its own, the asker's field said in another: "I am a
    hydrogen researcher at KIT. Which partner countries are in the call?", "我们是做新材料的，请问
    这个专项有哪些合作国家？" — the partners, not the directions on the field ("哪些国家支持氢能"
    names the field in the question and stays a topic)."""
    u = s.u
    if not u.topics or u.groups:
        return False
    asking = [
        c
        for c in _CLAUSE_END.split(u.text)
        if c.strip()
        and _PARTNER_LIST_CLAUSE.search(normalize(c))
        and _SENTENCE_ASKS.search(normalize(c))
    ]
    # the call's own list ("这个专项有哪些合作国家", "in the call"): "食品安全方向的课题，可以对接
    # 哪些合作国家" asks which partners fit the field, a topic question
    if not asking or not any(_THE_CALL.search(normalize(c)) for c in asking):
        return False
    if any(m.kind == TOPIC for c in asking for m in s.index.find(normalize(c), c).mentions):
        return False
    u.topics, u.topic_mode = [], "union"
    s.intent = L.PARTNERS
    return True


# (a word may sit between: "in this intergovernmental call", "the whole 2023 call")
_THE_CALL = re.compile(
    r"专项|本次|这次|今年|通知|\b(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:call|programme|program)\b"
)


# the asker's own partner said beside the question: "…? our partner is at the Weizmann
# Institute", "我们的合作方在魏茨曼研究所", "we have partner in Tel Aviv"
_PARTNER_OF_ASKER = re.compile(
    r"\b(?:our|my)\s+partners?\s+(?:is|are)\b|\bwe\s+have\s+(?:a\s+)?partners?\s+(?:in|at)\b"
    r"|(?:我|我们|我哋)(?:的|嘅)?(?:合作方|合作伙伴|伙伴|合作单位)(?:是|系|在|喺)(?!哪|边|什么|咩|谁)"
)


def partner_word_beside_names(s: State) -> bool:
    """A partner named with "partner" in the message asks something else of it:
    "i want apply with austria, what area is ok?"; so does the asker's own partner said beside
    a follow-up ("what subjects is it funding? our partner is at the Weizmann Institute")."""
    if not (s.intent == L.PARTNERS and (s.u.groups or _PARTNER_OF_ASKER.search(s.norm))):
        return False
    others = {i: v for i, v in s.in_scope.items() if i != L.PARTNERS}
    s.intent = best_intent(s.cues, others) if others else None
    return True


_SUM_WORDS = re.compile(
    r"一共|总共|合计|加起来|加在一起|分别|各多少|各是|各自|各有|\beach\b|respectively|individually|"
    r"together|combined|in total|\bsum\b|altogether"
)


def two_partners_side_by_side(s: State) -> bool:
    """Two partners and a measure compare them, unless the total or each figure is asked:
    "芬兰和奥地利平均", "Italy and Spain money"."""
    u, k = s.u, s.k
    if not (
        len(u.groups) >= 2
        and s.intent in (L.BUDGET, L.AVERAGE, L.COUNT)
        and not _SUM_WORDS.search(s.norm)
        # each asked on its own ("…separately", "王老师想问中芬…，李老师想问中德…")
        and ("each" not in O.operations(s.norm) or bool(_CONTRAST.search(s.norm)))
        and len({k.direction_by_id[g[0]].partner for g in u.groups}) >= 2
        and not names_enumerated(u.text, s.index)  # "1. 中芬 2. 中德 的总经费": each, listed
    ):
        return False
    u.intent, u.metric = L.COMPARE, INTENT_METRIC[s.intent]
    return True


_EVERY_MEASURES = ("average", "count", "total")
# each one, or a list asked: "各方向的总经费", "list the budget of all directions"
_EACH_OF = re.compile(r"各|每|逐|列|按|分|\b(?:every|each|list|listing|per|by)\b")


# the total named as such, not "金额"/"amount" alone (a column of the list asked)
_TOTAL_NAMED = re.compile(r"总|经费|预算|概算|\b(?:total|budgets?|funding)\b")


def measure_of_every_direction(s: State) -> bool:
    """One measure asked of every direction is that measure for each, not the call's overview:
    "拜托列一下所有方向的平均资助额", "各個計劃的補助件數", "list the budget of every direction".
    A sum ("所有方向一共多少钱"), a ranking or a filter over them is left to its own rule."""
    if s.u.groups or s.u.topics or not every_direction(s.cues) or s.u.excluded:
        return False
    if _each_of_listed(s):
        return False  # "哪些方向涉及疫苗 → 每个方向分别多少钱": those just listed
    if s.tags & {"max", "min", "ranking", "compare"} or s.u.threshold:
        return False
    if O.ordinal(s.norm) or O.find_range(s.norm):
        return False  # "各計畫中…第二少的", "all directions whose average is exactly 3 million"
    if O.operations(s.norm) & {"sum", "ratio", "difference", "same", "more"}:
        return False
    if O.refers_previous(s.norm):
        return False  # "嗰啲方向各有幾多錢": those of the last answer, not every direction
    asked = [m for m in O.measures(s.masked) if m in _EVERY_MEASURES]
    if "average" in asked and not _TOTAL_NAMED.search(O.without_measure(s.masked, "average")):
        asked = ["average"]  # "平均资助额整理成'方向—金额'的格式": 金额 is the format's word
    if len(asked) > 1:
        # "列一下每个方向的项目数和经费": each direction's line gives its total, count and
        # average; sixteen full cards would bury them
        asked = ["total"]
    if len(asked) != 1:
        return False
    if asked == ["total"] and not (_EACH_OF.search(s.norm) or "listing" in s.tags):
        return False  # "所有方向的经费是多少", "money for all programmes": the call's total
    pool = [d for d in s.k.directions if not s.u.scope or d.call == s.u.scope]
    s.intent = METRIC_INTENT[asked[0]]
    s.u.groups = [[d.id] for d in pool]
    return True


# the count asked is of partners ("幾多個國家同地區", "how many partner countries"), and nothing
# else is counted (projects, directions)
_PARTNERS_COUNTED = re.compile(
    r"(?:多少|几多|几)个?(?:合作)?(?:国家|地区|合作方|合作伙伴|伙伴)|"
    r"\bhow\s+many\s+(?:partner\s+)?(?:countries|partners|regions)\b"
)
_OTHER_COUNTED = re.compile(r"项目|课题|方向|\b(?:projects?|grants?|directions?)\b")
# the money's total asked alone ("整个专项的经费总共是多少", "the total budget of the whole
# call"): the budget answer gives the call's total; naming the whole call is not an overview
_MONEY_TOTAL_ASKED = re.compile(
    r"(?:经费|预算|资金|钱)[^，,。？?]{0,4}(?:总共|一共|合计|总额|总计|加起来)|"
    r"\btotal\s+(?:budget|funding|money|amount)\b"
)


def _one_direction_of_topic_answer(s: State) -> bool:
    """The last answer found one direction on a topic, and this follow-up names no call nor the
    whole ("整个专项", "the whole call"): its measures are that direction's."""
    last = s.last
    if not (last and last.intent == L.TOPIC and len(last.programs) == 1 and s.followup):
        return False
    if s.u.scope or "whole" in s.tags or s.u.topics:
        return False
    if O.asks_directions_count(s.norm):
        return False  # "一共有多少个方向，总经费多少？": the call's directions counted
    return s.ctx_groups == [list(last.programs)]


# "how long" asks too, with no question mark: "一个项目周期多久呀，我们要排博士生的经费"
_HOW_LONG = re.compile(r"多久|多长|多耐|几耐|几长|\bhow\s+long\b")


def _part_asks(part: str) -> bool:
    norm = normalize(part)
    return (
        "?" in part or "？" in part or bool(_SENTENCE_ASKS.search(norm) or _HOW_LONG.search(norm))
    )


def period_beside_context(s: State) -> bool:
    """The period asked, and the money named only in a part about the asker: "一个项目周期多久
    呀，我们要排博士生的经费", "How long is a project? We plan our postdoc salaries" ask the
    period, not an average or a total."""
    if s.u.groups or s.u.topics or s.score(L.PERIOD) < 3:
        return False
    if s.intent not in (L.BUDGET, L.AVERAGE, L.COUNT):
        return False
    cues = _asking_cues(s)
    if cues is None:
        return False
    in_scope = {i: v for i, v in cues.scores.items() if i not in (L.OUT_OF_SCOPE, L.HELP)}
    if best_intent(cues, in_scope) != L.PERIOD:
        return False
    s.intent = L.PERIOD
    return True


def _asking_cues(s: State) -> Cues | None:
    """The cue words of the parts of the message that ask, when the rest is only about the
    asker ("我院财务处在编制…", "we want to plan…"); None when no such part stands apart."""
    parts = [t for t in _SENTENCE_END.split(s.u.text) if t.strip()]
    if len(parts) < 2:
        parts = [t for t in _CLAUSE_BREAK.split(s.u.text) if t.strip()]
    asking = [p for p in parts if _part_asks(p)]
    context = [p for p in parts if p not in asking]
    if not asking or not context:
        return None
    if not all(O.VOCAB.asker_context.search(normalize(p)) for p in context):
        return None  # a part about the asker ("我院…", "we want…"), nothing else
    return cue_matcher().match(normalize(" ".join(asking)))


def _measures_only_in_context(s: State, asked: list[str]) -> set[str]:
    """The intents among ``asked`` whose cue words stand only in a sentence (or clause) about
    the asker that asks nothing: "Please how many years does one project last? We want to plan
    the PhD student funding", "我院财务处在编制项目预算执行进度表，请问…实施周期是几年？" ask the
    period alone."""
    cues = _asking_cues(s)
    if cues is None:
        return set()
    return {i for i in asked if cues.score(i) < 3}


# the partners counted in the notice named back, their list asked: "这14个合作国家、地区和国际组织
# 具体是哪些", "which are these 14 partners?"
_LIST_OF_STATED_COUNT = re.compile(
    r"(?:这|那|the|these|those)\s*\d+\s*(?:个|家)?\s*(?:合作)?(?:国家|国别|合作方|伙伴|partner|countr)"
)


def several_call_measures(s: State) -> bool:
    """Several measures of the whole call: the overview answers them all:
    "总经费、项目数、周期", "总共有几个指南方向，总经费是多少"."""
    if s.u.groups or s.u.topics:
        return False
    if s.ctx_groups and O.refers_previous(s.norm):
        return False  # "哪些方向涉及AI → 这几个方向平均一个项目能拿多少钱": those directions
    if _one_direction_of_topic_answer(s):
        return False  # "which direction has AI for cultural heritage → how many projects and
        # how much in total?": the one direction just found, not the call
    if O.money_over_projects(s.norm):
        return False  # "平均每个项目多少（总经费除以项目数）": the division glosses the average
    asked = [i for i in (L.BUDGET, L.COUNT, L.PERIOD) if s.score(i) >= 3]
    if asked == [L.BUDGET] and s.score(L.AVERAGE) > s.score(L.BUDGET):
        # "成个政府间专项平均每个项目大概几多钱": the money word is the average's own
        return False
    money_total = (
        asked == [L.BUDGET]
        and _MONEY_TOTAL_ASKED.search(s.norm)
        and not _OTHER_COUNTED.search(s.norm)  # "总共有几个方向，经费一共多少": two measures
    )
    if s.score(L.OVERVIEW) >= 4 and asked and not money_total:
        asked.append(L.OVERVIEW)
    if s.score(L.PARTNERS) >= 3 and L.COUNT in asked:
        asked.append(L.PARTNERS)  # "how many directions, partners and projects"
    # a measure named only in a sentence of context ("…plan the PhD student funding") is not
    # asked
    asked = [i for i in asked if i not in _measures_only_in_context(s, asked)]
    if not ((len(asked) >= 2 and s.score(L.OVERVIEW) >= 1) or len(asked) >= 3):
        return False
    if set(asked) <= {L.COUNT, L.OVERVIEW, L.PARTNERS} and _LIST_OF_STATED_COUNT.search(s.norm):
        return False  # "这14个合作国家具体是哪些": the number stated, the partner list asked
    counted = s.intent == L.PARTNERS and _PARTNERS_COUNTED.search(s.norm)
    if counted and not _OTHER_COUNTED.search(s.norm):
        return False  # "總共有幾多個國家同地區可以合作？唔該列晒出嚟": the partners, counted
    s.intent = L.OVERVIEW
    return True


def enumerated_names_ask_measure(s: State) -> bool:
    """Names in an enumerated list and one measure: that measure of each, not the overview that
    "这几个方向" reads as: "请查一下这几个方向的总经费：1. 中芬 2. 中德 3. 中奥"."""
    if len(s.u.groups) < 2 or s.intent not in (L.OVERVIEW, L.DETAIL, None):
        return False
    asked = [m for m in O.measures(s.masked) if m in METRIC_INTENT or m == "fields"]
    if len(asked) != 1 or not names_enumerated(s.u.text, s.index):
        return False
    s.intent = METRIC_INTENT.get(asked[0], L.FIELDS)
    return True


def overview_of_names_is_card(s: State) -> bool:
    """ "the situation of Finland" asks Finland's card, not the call's overview."""
    if not (s.intent == L.OVERVIEW and s.u.groups and "whole" not in s.tags):
        return False
    s.intent = L.DETAIL
    return True


def one_measure_beats_card(s: State) -> bool:
    """With names, one specific measure beats a generic verb ("describe the fields of X" asks
    the fields) and two of them ask the card ("介绍一下这个方向的情况（领域、经费、项目数等）")."""
    if not (s.u.groups and s.intent in (L.DETAIL, L.OVERVIEW, None)):
        return False
    generic = max(s.score(L.DETAIL), s.score(L.OVERVIEW))
    specific = [
        i
        for i in (L.BUDGET, L.COUNT, L.AVERAGE, L.FIELDS)
        if s.score(i) >= 3 and s.score(i) >= generic
    ]
    before = s.intent
    if len(specific) >= 2:
        s.intent = L.DETAIL
    elif len(specific) == 1 and s.intent is not None:
        s.intent = specific[0]
    return s.intent != before


def card_beside_context_measure(s: State) -> bool:
    """A named direction's card asked ("请介绍一下…的基本情况") after a clause about the asker that
    says a measure word ("我校…在新材料领域已有合作基础"): that clause asks nothing, the card is
    the question."""
    if not (s.u.groups and s.intent in (L.FIELDS, L.BUDGET, L.COUNT, L.AVERAGE)):
        return False
    generic = max(s.score(L.DETAIL), s.score(L.OVERVIEW))
    if generic < 3 or generic < s.score(s.intent):
        return False
    if s.intent not in _measures_only_in_context(s, [s.intent]):
        return False
    s.intent = L.DETAIL
    return True


# how the answer is wanted, not what: "all fields …, in detail please", "详细列一下领域"
_DETAIL_ADVERBS = frozenset({"detail", "details", "in detail", "detailed", "详细", "具体"})


def fields_in_detail(s: State) -> bool:
    """The fields of named directions asked "in detail": the fields, listed in full. The adverb
    weighs for the card, but says how to answer, not what ("all fields of X, in detail please")."""
    if not (s.u.groups and s.intent == L.DETAIL and s.score(L.FIELDS) >= 3):
        return False
    if O.measures(s.masked) not in ([], ["fields"]):
        return False  # a figure asked beside the fields: the card has both
    table = cue_matcher().table
    adverbs = sum(
        w
        for p in s.cues.matched
        if p in _DETAIL_ADVERBS
        for i, w in table.get(p, ())
        if i == L.DETAIL
    )
    if not adverbs or s.score(L.FIELDS) < s.score(L.DETAIL) - adverbs:
        return False
    s.intent = L.FIELDS
    return True


# "macao fields and budget": both asked at once, the direction's card answers both
_FIELDS_AND_MEASURE = re.compile(
    r"(fields?|areas?|领域|方向)\s*(?:and|和|及|与|同|,)\s*(budget|money|funding|经费|预算|钱|项目数)|"
    r"(budget|money|funding|经费|预算|项目数)\s*(?:and|和|及|与|同|,)\s*(fields?|areas?|领域|方向)"
)


def fields_and_measure(s: State) -> bool:
    """Fields and a figure of named directions at once: the card has both:
    "macao fields and budget"."""
    if (
        one_measure_beats_card.__name__ in s.fired
        or not s.u.groups
        or s.intent not in (L.BUDGET, L.COUNT, L.AVERAGE, L.FIELDS)
        or "compare" in s.tags
        or not _FIELDS_AND_MEASURE.search(s.norm)
    ):
        return False
    s.intent = L.DETAIL
    return True


# -- no cue word: what the names, topics or the conversation mean ------------------------------


# a topic word said as part of a direction's name, at the end of a follow-up: "and the
# China–Germany hydrogen call?", "中德氢能那个呢" (not "德国有氢能项目吗": that asks the topic)
_NAMED_BY_TOPIC = re.compile(
    r"(?:\b(?:call|calls|programme|program|one|direction|project|projects|track|line)|方向|项目|"
    r"计划|计画|那个|那项|嗰个|专项)\s*(?:呢|啊|咧)?\s*[?？.。!！]*\s*$"
)


def topic_describes_named(s: State) -> bool:
    """The topic word of a follow-up only names the direction it covers, and the last measure
    is asked of it: "How many projects for Macao? → and the China–Germany hydrogen call?"."""
    last = s.last
    if not (
        s.intent is None
        and s.u.groups
        and s.u.topics
        and last
        and s.followup
        and last.intent in (L.BUDGET, L.COUNT, L.AVERAGE)
        and _NAMED_BY_TOPIC.search(s.norm)
    ):
        return False
    named = {d for g in s.u.groups for d in g}
    if not named or not named <= set(topic_directions(s.k, s.u.topics, s.u.topic_mode)):
        return False
    s.u.topics = []
    s.intent = last.intent
    s.u.from_context = True
    return True


_COVER_ASKED = re.compile(
    r"支持|资助|涵盖|覆盖|包括|包含|涉及|吗|么|嘛|\b(?:cover|covers|include|includes|support|supports"
    r"|fund|funds|does|do|is)\b"
)


def topic_kept_in_follow_up(s: State) -> bool:
    """A follow-up naming a new direction with the last question's own topic: "What is the
    budget for the China-Germany hydrogen project? → and for South Africa flagship in hydrogen?"
    asks the same measure of it (the topic only says which one), not whether it covers it."""
    last = s.last
    if not (s.intent is None and s.u.groups and s.u.topics and last is not None):
        return False
    if last.intent not in (L.BUDGET, L.COUNT, L.AVERAGE) or not set(s.u.topics) <= set(
        last.topics
    ):
        return False
    if not O.follow_up(s.norm) or _COVER_ASKED.search(s.norm):
        return False  # "…那南非呢，也支持氢能吗？" asks whether it covers the topic
    s.intent = last.intent
    return True


def topic_of_named_partner(s: State) -> bool:
    """A partner and a topic, nothing else: does it cover it? "德国支持氢能吗"."""
    if not (s.intent is None and s.u.groups and s.u.topics):
        return False
    s.intent = L.FIELDS
    return True


# the tracks of a direction counted, not asked what they are: "两个领域", "both areas"
_TRACKS_COUNTED = re.compile(
    r"(?:两|二|2|兩)\s*个?\s*(?:领域|方向|部分|块)|两者|\b(?:two|both|2)\s+(?:areas?|tracks?|strands?|"
    r"fields?|lines?)\b"
)
_FIELDS_ASKED = re.compile(r"什么|哪些|哪个|咩|乜|边啲|\b(?:what|which)\b")


def _names_a_track(s: State) -> bool:
    """Every name in the message is a word of one funding track's label of the direction in
    talk ("中欧旗舰FAB平均多少 → CCB领域呢？"): a track of it, not a new question."""
    last = s.last
    if last is None or [list(g) for g in last.groups] != [list(g) for g in s.u.groups]:
        return False
    names = [m for m in s.u.mentions if m.kind in (PARTNER, DIRECTION)]
    if len(s.u.groups) != 1 or len(s.u.groups[0]) != 1 or not names:
        return False
    d = s.k.direction_by_id.get(s.u.groups[0][0])
    if d is None or len(d.funding) < 2:
        return False
    labels = [
        normalize(f.track.get(lang)) for f in d.funding if f.track for lang in ("zh-Hans", "en")
    ]
    return all(any(normalize(m.text) in label for label in labels) for m in names)


def measure_of_named_tracks(s: State) -> bool:
    """A measure of tracks named by their own words is that measure, not the fields the word
    领域 suggests: "欧盟旗舰FAB领域和CCB领域分别多少钱", "歐盟旗艦領域一同領域二各有幾多個項目"."""
    if s.intent != L.FIELDS or s.u.metric not in METRIC_INTENT or _FIELDS_ASKED.search(s.norm):
        return False
    ids = list(dict.fromkeys(d for g in s.u.groups for d in g))
    if len(ids) != 1:
        return False
    d = s.k.direction_by_id.get(ids[0])
    if not T.tracked(d) or not T.named_tracks(s.norm, d):
        return False
    s.intent = METRIC_INTENT[s.u.metric]
    return True


def tracks_after_a_measure(s: State) -> bool:
    """The tracks of a direction counted in a follow-up keep the last measure: "韩国能源平均多少"
    → "那欧盟旗舰两个领域呢", "and the EU flagship's two areas?" ask each track's figure, not
    the fields."""
    last = s.last
    if not (
        s.intent == L.FIELDS
        and s.u.groups
        and last
        and s.followup
        and last.intent in INTENT_METRIC
        and (_TRACKS_COUNTED.search(s.norm) or _names_a_track(s))
        and not _FIELDS_ASKED.search(s.norm)
    ):
        return False
    ids = [d for g in s.u.groups for d in g]
    if not all(len(s.k.direction_by_id[d].funding) >= 2 for d in ids if d in s.k.direction_by_id):
        return False
    s.intent = last.intent
    s.u.from_context = True
    return True


# "total" alone, no money word: the sum of whatever was just counted ("so total for Korea?")
_BARE_TOTAL = re.compile(r"\btotal\b|一共|总共|合共|加起来|合计")


def total_of_last_count(s: State) -> bool:
    """After counts, "so total for Korea?", "那韩国一共呢" sum the counts: the bare word "total"
    is the sum of the measure in talk, not the budget (no money word is in the message)."""
    last = s.last
    if not (
        s.intent == L.BUDGET
        and s.u.groups
        and last
        and s.followup
        and last.intent == L.COUNT
        and not O.measures(s.masked)
        and _BARE_TOTAL.search(s.norm)
    ):
        return False
    ids = {d for g in s.u.groups for d in g}
    talked = {d for g in last.groups for d in g} | {d for g in s.ctx_groups for d in g}
    if not ids & talked:
        return False  # a new direction's "total" is its budget
    s.intent = None  # the new names keep the last measure (same_measure_for_new_names)
    return True


def same_measure_for_new_names(s: State) -> bool:
    """A new name as a follow-up keeps the last measure: "德国多少钱？" → "那芬兰呢？"."""
    last = s.last
    if not (
        s.intent is None
        and s.u.groups
        and last
        and s.followup
        and last.intent in ENTITY_INTENTS | {L.COMPARE}
    ):
        return False
    s.intent = last.intent
    if s.intent == L.COMPARE:
        s.intent = METRIC_INTENT.get(last.metric or "total", L.BUDGET)
    s.u.from_context = True
    return True


def topic_asked_of_new_name(s: State) -> bool:
    """A new name alone right after a topic search asks whether it covers that topic too:
    "哪些方向涉及氢能？ → 那芬兰呢？" is Finland's fields with the yes/no on hydrogen, not its
    card."""
    last = s.last
    if not (
        s.intent is None
        and s.u.groups
        and not s.u.topics
        and last
        and s.followup
        and last.intent == L.TOPIC
        and last.topics
    ):
        return False
    s.intent = L.FIELDS
    s.u.topics = list(last.topics)
    s.u.from_context = True
    return True


def names_alone_ask_card(s: State) -> bool:
    """A name and nothing asked of it: its card, "中芬项目"."""
    if not (s.intent is None and s.u.groups):
        return False
    s.intent = L.DETAIL
    return True


def topic_alone(s: State) -> bool:
    """A topic and nothing asked of it: the directions with it, "氢能"."""
    if not (s.intent is None and s.u.topics):
        return False
    s.intent = L.TOPIC
    return True


def repeat_last_question(s: State) -> bool:
    """A follow-up with nothing new asks the last question again, of "them":
    "Which directions fund smart cities?" → "and those?"."""
    u, last = s.u, s.last
    if not (
        s.intent is None
        and last
        and s.followup
        and ("followup" in s.tags or "pronoun" in s.tags)
        and last.intent in ENTITY_INTENTS | {L.RANK, L.TOPIC}
    ):
        return False
    u.intent = last.intent
    u.groups = [list(g) for g in last.groups]
    u.topics = list(last.topics)
    u.metric, u.order = last.metric, last.order
    u.from_context = True
    return True


def nothing_asked(s: State) -> bool:
    """Nothing this bot can answer was read: unknown, or help when a polite word is all there is:
    "谢谢"."""
    if s.intent is not None:
        return False
    s.u.intent = L.UNKNOWN
    s.u.confidence = 0.0
    if s.score(L.HELP):
        s.u.intent, s.u.confidence = L.HELP, 0.6
    return True


_QUANTITY = re.compile(r"多少|几|how much|how many|total|总|合计|一共|sum|amount|几多")


def topic_question(s: State) -> bool:
    """A topic without names is about the topic ("哪些国家支持氢能"), unless a figure of its
    directions is asked ("氢能方向一共多少钱")."""
    u, intent = s.u, s.intent
    if not u.topics or u.groups:
        return False
    quantity = (
        intent in (L.BUDGET, L.AVERAGE, L.COUNT)
        and s.score(intent) >= 3
        and _QUANTITY.search(s.masked)
        # "涉及AI的方向里，平均资助排前二的是哪两个": the first places of a ranking over them
        and not O.top_n(s.norm)
    )
    each = [m for m in O.measures(s.masked) if m in METRIC_INTENT]
    # "每个方向给多少钱" after a topic: 每个 is each direction, not the average per project
    per_project = intent == L.AVERAGE and "average" not in each
    if (not quantity or per_project) and len(each) == 1 and "each" in O.operations(s.norm):
        # "哪些方向跟氢能相关，各给多少钱？": the topic's directions, each with its figure
        s.intent = intent = METRIC_INTENT[each[0]]
        quantity = True
    if intent != L.PERIOD and not quantity:
        s.intent = L.TOPIC
    u.groups = [[d] for d in topic_directions(s.k, u.topics, u.topic_mode)] if quantity else []
    return s.intent != intent or bool(u.groups)


def topic_within_names(s: State) -> bool:
    """A topic within named directions asks their fields: "德国有氢能方向吗"."""
    if not (
        s.u.topics
        and s.u.groups
        and (
            s.intent in (L.TOPIC, L.PARTNERS)
            or (s.intent == L.DETAIL and max(s.score(L.DETAIL), s.score(L.OVERVIEW)) < 3)
        )
    ):
        return False
    s.intent = L.FIELDS
    return True


def measure_of_listed_directions(s: State) -> bool:
    """ "这几个方向各自多少钱" right after a list of directions: 几个方向 points back at them, it
    does not ask how many directions there are (the overview); the measure asked is the
    question."""
    if s.intent != L.OVERVIEW or not s.ctx_groups or not O.refers_previous(s.norm):
        return False
    asked = [m for m in O.measures(s.masked) if m in METRIC_INTENT]
    if len(set(asked)) != 1:
        return False
    s.intent = METRIC_INTENT[asked[0]]
    return True


def measure_of_last_directions(s: State) -> bool:
    """A measure without names is asked of the last turn's directions: "德国多少钱" → "平均呢"."""
    if not (s.intent in ENTITY_INTENTS and not s.u.groups and s.ctx_groups and not s.u.scope):
        return False
    s.u.groups = s.ctx_groups
    s.u.from_context = True
    return True


def card_of_nothing_is_overview(s: State) -> bool:
    """ "介绍一下" with nothing named: the call's overview."""
    if not (s.intent == L.DETAIL and not s.u.groups and not s.u.topics):
        return False
    s.intent = L.OVERVIEW
    return True


def count_of_directions(s: State) -> bool:
    """ "有几个方向": the overview counts the directions."""
    if not (
        s.intent == L.COUNT
        and not s.u.groups
        and re.search(r"方向|directions", s.norm)
        and s.score(L.COUNT) < 4
    ):
        return False
    s.intent = L.OVERVIEW
    return True


def unreadable_name(s: State) -> bool:
    """A name we could not read: asking beats answering for the whole call: "Isrl budget"."""
    if not (
        s.intent in (L.BUDGET, L.COUNT, L.AVERAGE, L.FIELDS, L.DETAIL)
        and not s.u.groups
        and not s.u.topics
        and s.strong_near
        and "whole" not in s.tags
    ):
        return False
    s.intent = L.UNKNOWN
    s.u.confidence = 0.2
    return True


def asked_intent(s: State) -> bool:
    """The intent decided above is the question; a measure's intent is its metric."""
    u = s.u
    u.intent = s.intent or L.UNKNOWN
    if u.intent in (L.BUDGET, L.AVERAGE, L.COUNT):
        u.metric = INTENT_METRIC[u.intent]
    return True


def weak_cues_unsure(s: State) -> bool:
    """Barely a cue word for a measure: answer, but say it is a guess."""
    u = s.u
    if not (
        s.best_score < 2
        and u.intent not in (L.DETAIL, L.TOPIC, L.UNKNOWN)
        and not u.from_context
        and u.confidence > 0.6
    ):
        return False
    u.confidence = 0.6
    return True


# The decisions, in order. FINAL: the first of these that applies ends the decision.
RULES: tuple[tuple[Rule, bool], ...] = (
    (blank_message, FINAL),
    (help_command, FINAL),
    (markers_narrow_last_turn, GO_ON),
    (marker_names_direction, GO_ON),
    (place_said_of_a_partner, GO_ON),
    (partner_of_an_institution, GO_ON),
    (region_before_partner, GO_ON),
    (own_country_by_city, GO_ON),
    (the_other_track, FINAL),
    (tracks_added_up, FINAL),
    (named_and_its_partners_other, GO_ON),
    (the_other_one, GO_ON),
    (the_other_of_one_described, GO_ON),
    (partners_one_left, GO_ON),
    (filter_list_without_some, FINAL),
    (ranking_without_the_top, FINAL),
    (ranking_without_one, GO_ON),
    (topic_list_without_some, FINAL),
    (not_the_last_one, GO_ON),
    (which_of_them_more, GO_ON),
    (another_year, GO_ON),
    (topic_across_call_before_remark, GO_ON),
    (out_of_scope_beside_question, GO_ON),
    (out_of_scope, FINAL),
    (place_in_asker_institution, GO_ON),
    (names_in_context_beside_place_asked, GO_ON),
    (partners_beside_place_outside, GO_ON),
    (place_in_context, GO_ON),
    (place_as_direction_of_call, GO_ON),
    (place_as_direction_of_one_call, GO_ON),
    (place_beside_named, GO_ON),
    (place_outside_call, FINAL),
    (help_beside_context, FINAL),
    (partners_listed_after_count, FINAL),
    (list_of_last_answer, GO_ON),
    (greeting, FINAL),
    (follow_up_of_last_turn, GO_ON),
    (projects_word_alone, GO_ON),
    (compare_with_previous, GO_ON),
    (superlative_of_time, GO_ON),
    (partners_directions_said_compared, GO_ON),
    (compare_one_partners_directions, GO_ON),
    (these_two_from_history, GO_ON),
    (compare_with_earlier_turn, GO_ON),
    (superlative_names_nothing, GO_ON),
    (topic_in_asker_institution, GO_ON),
    (topics_of_the_asking_sentence, GO_ON),
    (partner_list_beside_a_topic, GO_ON),
    (most_projects_counts, GO_ON),
    (partners_with_several_directions, FINAL),
    (partner_list_checked_for_a_region, GO_ON),
    (partner_list_checked_for_names, GO_ON),
    (threshold_filter, FINAL),
    (at_most_about_context, GO_ON),
    (at_most_in_total, GO_ON),
    (ranking, FINAL),
    (ranking_follow_up, FINAL),
    (partner_kind_beside_direction, GO_ON),
    (fields_compared, FINAL),
    (comparison, FINAL),
    (comparison_follow_up, FINAL),
    (topic_word_of_last_turn, GO_ON),
    (topic_typed_with_a_slip, GO_ON),
    (unknown_topic_term, FINAL),
    (unknown_topic_of_named, GO_ON),
    (same_question_narrowed, GO_ON),
    (comparative_alone, GO_ON),
    (count_of_partners, GO_ON),
    (partners_of_a_call, FINAL),
    (count_after_partners, GO_ON),
    (partners_counted_is_overview, GO_ON),
    (all_partners_beside_a_region, FINAL),
    (partners_of_a_region, FINAL),
    (partner_word_beside_names, GO_ON),
    (two_partners_side_by_side, FINAL),
    (measure_of_every_direction, GO_ON),
    (several_call_measures, GO_ON),
    (period_beside_context, GO_ON),
    (enumerated_names_ask_measure, GO_ON),
    (overview_of_names_is_card, GO_ON),
    (one_measure_beats_card, GO_ON),
    (card_beside_context_measure, GO_ON),
    (fields_and_measure, GO_ON),
    (fields_in_detail, GO_ON),
    (topic_describes_named, GO_ON),
    (topic_kept_in_follow_up, GO_ON),
    (topic_of_named_partner, GO_ON),
    (measure_of_named_tracks, GO_ON),
    (tracks_after_a_measure, GO_ON),
    (total_of_last_count, GO_ON),
    (same_measure_for_new_names, GO_ON),
    (topic_asked_of_new_name, GO_ON),
    (names_alone_ask_card, GO_ON),
    (topic_alone, GO_ON),
    (repeat_last_question, FINAL),
    (nothing_asked, FINAL),
    (topic_question, GO_ON),
    (topic_within_names, GO_ON),
    (measure_of_listed_directions, GO_ON),
    (measure_of_last_directions, GO_ON),
    (card_of_nothing_is_overview, GO_ON),
    (count_of_directions, GO_ON),
    (unreadable_name, GO_ON),
    (asked_intent, GO_ON),
    (weak_cues_unsure, FINAL),
)


# -- helpers the rules and the reading share ---------------------------------------------------


def best_intent(cues: Cues, in_scope: dict[str, int]) -> str | None:
    """The strongest cue's intent; ties go to the more specific question."""
    if not in_scope:
        return None
    if cues.score(L.PERIOD) >= 4 and cues.score(L.BUDGET) < 3:
        return L.PERIOD
    if cues.score(L.AVERAGE) >= 3:
        return L.AVERAGE
    best = max(in_scope.values())
    if best < 2:
        return None
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


_CONFIRM = re.compile(r"是不是|是吗|对吗|对不对|好像是|应该是|吧|\bis it\b|\bright\b|\bisn't it\b")


def _superlative_clause_is_free(text: str, index: EntityIndex) -> bool:
    """Whether the superlative's own clause names nothing and asks ("…最多的方向是哪个 我看好像
    是西班牙？", "Top-funded direction - is it the EU flagship?")."""
    flags = vocabulary().flags
    sup_words = frozenset(flags["max"]) | frozenset(flags["min"])
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
        if O.limit_asked(norm):
            return False  # "For Spain call, what is maximum number of project?": its limit
        # a call there is the ranking's scope ("…largest total budget in the whole
        # intergovernmental call"), not a guess
        named = any(m.kind in (PARTNER, DIRECTION) for m in index.find(norm).mentions)
        # "系边两个": a Cantonese "which" may carry a number
        asks = re.search(r"哪|which|what|边[两三四五几\d]*个|边啲|谁", norm) or _CONFIRM.search(
            text.lower()
        )
        # "Highest average per project? I saw CNY 7.5 million for Korea energy.": the
        # superlative alone, asked first, is the question (a later one checks a figure: "It is
        # exactly 20 or it is the maximum?")
        asks = asks or (
            clause is clauses[0]
            and re.match(r"\W*" + re.escape(clause.strip()) + r"\s*[?？]", text)
        )
        return not named and bool(asks)
    return False
