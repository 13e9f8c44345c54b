"""Rules for what the message asks about the notice itself: help, an aspect the notice does not
give (intent ``unknown``), a part of a field, the period."""

from __future__ import annotations

import re
from itertools import pairwise

from bot import intents as L
from bot import operations as O
from bot.entities import CALL, DIRECTION, PARTNER
from bot.query_rules.common import (
    _ASPECT_ASKED,
    _clause_directions,
    _field_part_not_given,
    _unsplit_with_fields,
)
from bot.querymodel import COMPARE_OPS, INTENT_METRIC, METRIC_INTENT, Context, Query
from bot.resolve import topic_directions
from textnorm.normalize import normalize

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])(?!\s*(?:万|亿|元|个|项|%|million|m\b))")


def _four_digit_years(text: str) -> set[int]:
    """The years "2022" names in ``text``; a bare bound beside money figures is no year, nor a
    year of the asker's own story ("my PhD finish in 2026")."""
    text = O.VOCAB.year_of_asker.sub(" ", text)
    return {
        int(m.group(1))
        for m in _YEAR.finditer(text)
        if not O.money_not_year(text, m.start(1), m.end(1))
    }


# the measure a clause names and the intent that answers it: "how many years the project of
# korea energy run, also how much chance we get the funding" gives the period, not the money
# the chance clause's words suggest
_MEASURE_INTENT = {**METRIC_INTENT, "period": L.PERIOD, "fields": L.FIELDS}


def _other_years(text: str, call_years: set[int]) -> set[int]:
    """The years ``text`` names that are not a call's year (2022 beside a 2023 call)."""
    return (_four_digit_years(text) | set(O.short_years(text))) - call_years


# a second question joined by "and" without a comma: "What's the budget for Israel and what's
# the success rate?" asks the budget in a clause of its own
_AND_ASKS = re.compile(
    r"(?<=\w)\s+(?=and\s+(?:what|how|which|when|who|is|are|can|could|does|do)\b)"
)


def _split_and_asks(clauses: list[str]) -> list[str]:
    """The clauses, each cut before an "and" that opens a question of its own."""
    return [part for cl in clauses for part in _AND_ASKS.split(cl)]


def _without_years(c: Context, own: list[str], call_years: set[int]) -> list[str]:
    """The asking clauses that ask of the call's own year: neither naming another year nor
    continuing a clause that does ("西班牙方向2024年还会有吗？预算大概多少？" asks 2024's budget),
    unless they name a direction of their own ("2024年还会有吗？中芬总经费多少？")."""
    clauses = _CLAUSE.split(c.text)
    at = [i for i, cl in enumerate(clauses) if _other_years(cl, call_years)]
    if not at:
        return own
    out = []
    for cl in own:
        if _other_years(cl, call_years):
            continue
        if clauses.index(cl) > at[0] and not _names_of(c, cl):
            continue
        out.append(cl)
    return out


def _names_of(c: Context, clause: str) -> bool:
    """Whether ``clause`` names a partner or a direction."""
    found = c.index.find(normalize(clause), clause).mentions
    return any(m.kind in (PARTNER, DIRECTION) for m in found)


# a clause that asks something: what it mentions may be the question ("去年批了几个？"), while
# a clause of context may not ("我们课题组去年报了德国的没中，今年想换以色列")
# a colon ends a clause too: "我在整理申报材料：哪些方向…提到了人工智能？" asks the topic, the
# aspect named before the colon is what the asker is doing
_CLAUSE = re.compile(r"(?<=[，。？！,.!?；;\n])|(?<=\D[:：])|(?<=\s[-–—]\s)")
# the end of a sentence (a question asked on its own)
_SENTENCE = re.compile(r"(?<=[。？！?!\n])")


def what_can_you_do(q: Query, c: Context) -> bool:
    """Asking what the bot does, wrapped in a greeting or a sentence about the asker:
    "您好，初次使用，请问这个机器人可以提供哪些服务？", "想问下呢个bot可以帮我查啲咩？"."""
    if c.u.topics or not O.what_can_you_do(c.text):
        return False
    if c.named and not _help_clause_names_nothing(c):
        return False
    q.intent, q.op, q.groups, q.missing = L.HELP, "show", [], []
    return True


def _help_clause_names_nothing(c: Context) -> bool:
    """A name only in a clause about the asker ("我係澳門嚟嘅研究人員，請問你可以幫我解答啲咩
    問題？") is context; one in the clause that asks ("澳门的项目你能提供哪些信息") is asked."""
    asking = [cl for cl in _CLAUSE.split(c.text) if cl.strip() and O.what_can_you_do(cl)]
    return bool(asking) and not any(_clause_directions(c, cl) for cl in asking)


# A clause that is only a question word and a money word ("…fund its own teams, and with what
# budget?", "…会不会出资？出多少？") continues the clause before it: the partner's money.
_BARE_AMOUNT = re.compile(
    r"^\W*(?:(?:and|or)\s+)?(?:with\s+|at\s+)?(?:what|which|how\s+much)\s*(?:of\s+)?(?:an?\s+)?"
    r"(?:budget|money|amount|funding|sum)?\s*\W*$|^\W*(?:那|以及|还有)?(?:出|给|俾|投入|拿出)?"
    r"(?:多少|几多)(?:钱|经费|资金)?\W*$"
)


# A clause asking the money of "them" ("What is their budget?", "and how much they give?",
# "How much money is for us?", "他们出多少？") after a clause about the partner side's money asks
# that side's money again, never the Chinese figure of the notice (fc21/fc22 testers).
_THEIR_AMOUNT = re.compile(
    r"^\W*(?:(?:and|or|but|so)\s+)?(?:what\s+(?:is|are|was|will\s+be)|what'?s|how\s+(?:much|big)\s+"
    r"(?:is|are|will\s+be))\s+(?:their|its|theirs)\s+(?:own\s+)?(?:budget|funding|money|contribution|"
    r"share|amount|part|grants?)\b|"
    r"^\W*(?:(?:and|or|but|so)\s+)?how\s+much\s+(?:money\s+|funding\s+)?(?:(?:do|does|will|would|can|"
    r"could|shall)\s+)?(?:they|it|them)\s+(?:\w+\s+)?(?:give|gives|pay|pays|provide|provides|"
    r"contribute|contributes|put|puts|fund|funds|spend|spends|invest|invests|offer|offers)\b|"
    r"^\W*(?:(?:and|or|but|so)\s+)?how\s+much\s+(?:money\s+|funding\s+)?(?:is|will\s+be|would\s+be|"
    r"do\s+(?:we|they)\s+get|can\s+(?:we|they)\s+get)\s+(?:there\s+)?(?:for\s+(?:us|them)\b|\W*$)|"
    r"^\W*(?:那|以及|还有|另外)?(?:他们|她们|佢哋|对方|人家)(?:那边|嗰边|那方)?(?:会|能|大概|一般|又)?"
    r"(?:给|俾|为)?(?:每个项目|每个|每项|每一项|单个项目)?(?:会|能|大概|一般|又)?"
    r"(?:出|给|俾|投入|拿出|提供)(?:多少|几多)"
)


def _states_partner_money(clause: str) -> bool:
    """A clause naming the partner side's money ("Business Finland is funding the Finnish
    side."), asked or not."""
    return any(a.id in _PARTNER_MONEY for a in O.missing_aspects(clause))


def _stated_then_their_amount(clauses: list[str]) -> list[str]:
    """The statements about the partner side's money whose next clause asks "their" amount
    ("Business Finland is funding the Finnish side. How much they give per project?", "芬兰那边
    由Business Finland资助。他们每个项目给多少？"): that side's money is what is asked, never the
    notice's own figure."""
    return [
        cl
        for cl, nxt in pairwise(clauses)
        if _THEIR_AMOUNT.search(nxt) and _states_partner_money(cl)
    ]


# a figure stated to be checked: "只支持1个吧", "一共两千万对吧", "5 projects, right?"
_FIGURE_STATED = re.compile(
    r"[0-9]+\s*(?:个|项|件|万|亿)|[一二两三四五六七八九十百千]+\s*(?:万|亿)|"
    r"(?:支持|资助|有|就|只)[一二两三四五六七八九十]+\s*(?:个|项)|\b[0-9.]+\s*(?:million|projects?)\b"
)


# "…, and how much per team?" after the partner side's money asks that side's amount again
# ("Is NRF of Korea funding the Korean team, and how much per team?"); after another aspect
# ("the success rate, and how much per project?") it asks the notice's average
_PER_AMOUNT = re.compile(
    r"^\W*(?:(?:and|or)\s+)?how\s+much\s+(?:money\s+|funding\s+)?(?:per|for\s+(?:each|every|one|a))"
    r"\s+(?:team|group|project|partner|side)\W*$|"
    # "韩国那边是否也会出资？每个项目给多少？": that side's money per project
    r"^\W*(?:那|那么|以及|还有|另外)?(?:每个项目|每个|每项|每一项|单个项目)(?:会|能|大概|一般|又|都)?"
    r"(?:出|给|俾|投入|拿出|提供|资助|出资)(?:多少|几多)(?:钱|经费|资金)?\W*$"
)
_PARTNER_MONEY = ("partner_funding", "matching_funds")

# "…repeated next year, with the same budget?", "明年还有吗？经费会不会增加？": after another
# year, a figure asked only as unchanged or changed is that year's figure, which the notice does
# not give (this year's figure would read as the answer)
_SAME_OR_CHANGED = re.compile(
    r"^\W*(?:(?:and|or|but|also)\s+)?(?:with\s+|at\s+|for\s+)?(?:the\s+|a\s+)?(?:same|similar|"
    r"bigger|higher|larger|smaller|lower|different|more|less)\s+(?:\w+\s+)?(?:budget|amount|money|"
    r"funding|number\s+of\s+projects|projects|size)\W*$|"
    r"\b(?:budget|amount|money|funding|number\s+of\s+projects)\s+(?:(?:will|would|might|is|are)\s+)?"
    r"(?:going\s+to\s+|likely\s+to\s+|expected\s+to\s+)?"
    r"(?:be\s+|stay\s+|remain\s+)?(?:the\s+same|similar|unchanged|(?:any\s+)?(?:bigger|higher|"
    r"larger|smaller|lower|different)|increased?|decreased?|changed?|grow|rise|go\s+(?:up|down))\b|"
    r"(?:经费|预算|钱|金额|资助|项目数|规模|budget)[^，,。？?]{0,6}(?:一样|一樣|相同|不变|变|增加|减少|"
    r"提高|降低|上调|下调|多了|少了|更多|更少|多啲|少啲|涨|降|调整)"
)


# a clause that only frames the next one ("中德项目的经费里，间接费用比例是多少", "In the Germany
# budget, what is the overhead rate?"): its measure word says where the aspect is, not a figure
# asked of its own
_FRAMES_NEXT = re.compile(
    r"(?:里|里面|裡|裡面|入面|中|当中|當中|之中|方面|内|內)\s*[，,]\s*$|"
    r"^\s*(?:in|within|under|inside)\b[^,?]*,\s*$",
    re.IGNORECASE,
)


def _unframed(clauses: list[str]) -> list[str]:
    """The clauses without those that only frame a next one naming a missing aspect."""
    return [
        cl
        for i, cl in enumerate(clauses)
        if not (
            _FRAMES_NEXT.search(cl) and i + 1 < len(clauses) and O.missing_aspects(clauses[i + 1])
        )
    ]


def _own_clauses(asked: list[str]) -> list[str]:
    """The asking clauses that name no missing aspect and do not continue one that does (nor
    frame the next one that does)."""
    own = []
    after_aspect = after_partner = after_year = False
    for cl in _unframed(asked):
        if found := O.missing_aspects(cl):
            after_aspect = True
            after_partner = any(a.id in _PARTNER_MONEY for a in found)
            after_year = any(a.id == "other_year" for a in found)
            continue
        continues = _BARE_AMOUNT.search(cl) or _THEIR_AMOUNT.search(cl)
        continues = continues or (after_partner and _PER_AMOUNT.search(cl))
        if not (after_aspect and (continues or (after_year and _SAME_OR_CHANGED.search(cl)))):
            own.append(cl)
        after_aspect = after_partner = after_year = False
    return own


# the asker's own arrangement named in a statement: "I need to align the period with our own
# co-funding commitment, which runs for three years", "我们自己的配套经费只有三年" say who the
# asker is; the notice is not asked about them
# (or a document the asker is writing: "Our legal team is drafting the consortium agreement and
# needs the project duration", "我们正在起草合作协议，需要知道执行期")
_OWN_BEFORE = re.compile(
    r"(?:\b(?:our|my)\s+own\s+(?:\w+\s+)?|(?:我们|我哋|我方|本单位|本校|我校|我院)(?:自己|自身|本身)(?:的|嘅)?|"
    r"\b(?:drafting|preparing|writing|negotiating|finali[sz]ing|reviewing|working\s+on)\s+"
    r"(?:the|our|a|an)\s+(?:[\w-]+\s+){0,2}|(?:正在|在|准备|正)(?:起草|拟定|草拟|撰写|准备|谈|商谈|审核)"
    r"(?:[^，,。？?]{0,6}?))$",
    re.IGNORECASE,
)


def _aspect_asked(aspect: O.Aspect, clause: str) -> bool:
    """The aspect's words in the clause, unless only as the asker's own in a statement."""
    if "?" in clause or "？" in clause:
        return bool(aspect.pattern.search(clause))
    return any(
        not _OWN_BEFORE.search(clause[: m.start()]) for m in aspect.pattern.finditer(clause)
    )


# a clause that only asks whether the clause before is allowed ("We want to subcontract the
# analysis to a startup, allowed?", "…把部分任务委托给公司做，可以吗？"): that clause is asked
_TAG = re.compile(
    r"^\W*(?:(?:is|would\s+be|will\s+be)\s+(?:it|that|this)\s+)?(?:(?:also\s+)?(?:allowed|possible|"
    r"ok|okay|fine|permitted|acceptable|feasible|eligible)|right|(?:can|could|may)\s+(?:we|i)|"
    r"(?:是否)?(?:可以|可行|允许|行|得|ok)(?:吗|么|嘛|不|呢)?|可不可以|可唔可以|得唔得|得不得|行不行|"
    r"能不能|能否|可否|有没有问题|冇问题吗|没问题吗)\W*$"
)


# a clause joined to a question by "also" / "另外" asks too, in a learner's statement order and
# without a question mark: "argentina total money how much, also postdoc can apply as PI"
_ALSO = re.compile(r"^\W*(?:(?:and|but)\s+)?also\b|^\W*(?:另外|还有|仲有|以及|同时|顺便)")


def _joined_by_also(clauses: list[str], asked: list[str]) -> list[str]:
    """The clauses joined by "also" to an asking clause, before or after it ("company can be
    lead applicant or not, also China Germany average is how much"), in a message without a
    question mark (where one is used, a clause without it states: "How much money is there
    for Israel? Also I'd love to know who to contact." asks the money)."""
    if any("?" in cl or "？" in cl for cl in clauses):
        return []
    out = []
    for cl, nxt in pairwise(clauses):
        if _ALSO.search(nxt):
            out += [nxt] if cl in asked else [cl] if nxt in asked else []
    return out


def _tagged(clauses: list[str]) -> list[str]:
    """The clauses whose next clause only asks whether they are allowed."""
    return [cl for cl, nxt in pairwise(clauses) if _TAG.search(nxt)]


def _plan(clause: str) -> bool:
    """A clause saying what the asker will do with the answer, asking nothing: "我们需要据此安排
    学校配套经费的年度预算" names matching funds and a budget as the asker's plan."""
    return bool(O.VOCAB.asker_context.search(clause) and O.VOCAB.purpose_of_asker.search(clause))


# whether a place may take part, asked of a place outside the call: what the partner list answers
_PLACE_JOINS = ("partner_requirements", "participants")


def _place_checked_then_list(c: Context, aspects: list[O.Aspect]) -> bool:
    """A place outside the call asked as a partner, then the partner list: "Can Malaysia partner
    join this call or not? If cannot, which countries can?", "马来西亚可以参加吗？不行的话哪些国家
    可以？" — the list answers it (saying first the place is not among them), not "the notice does
    not give the requirements on the partners"."""
    if "partners_beside_place_outside" not in c.u.rules or not c.u.other_places:
        return False
    if not O.partner_list_asked(c.u.norm):
        return False
    return all(a.id in _PLACE_JOINS for a in aspects)


# a third partner weighed ("a trilateral set-up", "三边合作", "a third country"): which partners
# the call has is what the asker needs first
_THIRD_PARTNER = re.compile(
    r"三边|三方合作|多边合作|第三国|第三个国家|\btrilateral\b|\bthird\s+countr(?:y|ies)\b|"
    r"\bmultilateral\b",
    re.IGNORECASE,
)


def _third_partner_weighed_beside_list(c: Context, aspects: list[O.Aspect]) -> bool:
    """The partner list asked, and a third partner weighed in a statement of its own: "Which
    countries does this call cover? We are wondering whether a trilateral set-up could fit." —
    the list answers it, not "the notice does not give eligibility rules"."""
    if c.u.intent != L.PARTNERS or c.u.groups or not O.partner_list_asked(c.u.norm):
        return False
    clauses = [cl for cl in _CLAUSE.split(c.text) if any(a.pattern.search(cl) for a in aspects)]
    return bool(clauses) and all(
        "?" not in cl and "？" not in cl and _THIRD_PARTNER.search(cl) for cl in clauses
    )


def missing_aspect_of_new_name(q: Query, c: Context) -> bool:
    """A new name alone after an aspect the notice lacks asks that aspect of it: "以色列方向的
    申报截止日期？ → 那德国呢？" is Germany's deadline, missing too (not Germany's card)."""
    last = c.last
    if last is None or last.intent != L.UNKNOWN or not last.missing or not c.named:
        return False
    if c.measures or c.u.topics or not O.follow_up(c.text) or O.missing_aspects(c.text):
        return False  # "德国多少钱？" asks a figure; an aspect named now is missing_aspect's
    q.intent, q.op, q.source = L.UNKNOWN, "unknown", "named"
    q.about, q.groups = [list(g) for g in c.named], []
    q.missing = list(last.missing)
    return True


def missing_aspect(q: Query, c: Context) -> bool:
    """An aspect the notice does not give, even next to a named partner: "中奥项目的中标率",
    "Austria budget for 2024?", "中俄项目国拨经费可以用于支付劳务费吗" → unknown, naming it.
    A separate answerable question stays answered ("…一共多少钱？顺便问下什么时候截止")."""
    found = O.missing_aspects(c.text)
    call_years = {call.year for call in c.k.calls}
    if (
        not found
        and not _four_digit_years(c.text) - call_years
        and not set(O.short_years(c.text)) - call_years
    ):
        return False  # most messages: nothing missing, no clause to read
    # a clause of purpose ("便于学校测算配套预算") names an aspect without asking it
    asked = [
        cl
        for cl in _CLAUSE.split(c.text)
        if _ASPECT_ASKED.search(cl) or (O.measures(O.without_aspects(cl)) and not _plan(cl))
    ]
    asked += _tagged(_CLAUSE.split(c.text))
    asked += _joined_by_also(_CLAUSE.split(c.text), asked)
    stated = _stated_then_their_amount(_CLAUSE.split(c.text))
    asked = [cl for cl in _CLAUSE.split(c.text) if cl in asked or cl in stated]
    aspects = [a for a in found if any(_aspect_asked(a, cl) for cl in asked)]
    named = [c.k.direction_by_id[d] for g in q.groups for d in g if d in c.k.direction_by_id]
    if not named and not c.named and c.last is not None and len(c.last.groups) == 1:
        # "欧盟旗舰的领域有哪些？ → 其中哪个领域钱最多？": the direction just talked about
        named = [c.k.direction_by_id[d] for d in c.last.groups[0] if d in c.k.direction_by_id]
    if named and all(len(d.funding) > 1 for d in named):
        # money per track is stated ("the EU flagship's climate track vs its food track")
        aspects = [a for a in aspects if not a.unless_split]
    named_years = {y for cl in asked for y in _four_digit_years(cl)}
    named_years |= {y for cl in asked for y in O.short_years(cl)}
    years = sorted(named_years - call_years)
    if not aspects and not years:
        return False
    if c.u.intent == L.HELP:
        return False
    if not years and _place_checked_then_list(c, aspects):
        return False
    if not years and _third_partner_weighed_beside_list(c, aspects):
        return False
    absolute = bool(years) or any(a.absolute for a in aspects)
    related = None
    # a call's own figures ("政府间专项总经费多少？换算成新台币是多少？") are answerable too
    whole = not q.groups and q.intent in (L.OVERVIEW, L.BUDGET, L.COUNT)
    # the period is a figure the notice gives too ("中德项目执行期多长？截止日期呢？")
    if (q.groups and q.intent in (*INTENT_METRIC, L.DETAIL, L.FIELDS, L.PERIOD)) or whole:
        rest = O.without_aspects("".join(_unframed(_CLAUSE.split(c.text))))
        # a measure and a question of quantity in one sentence: "中芬的经费可以支付博士后
        # 人事费吗？管理费的比例上限是多少？" asks no figure ("经费" in one, "多少" of the
        # rate in another)
        quantity_asked = any(
            O.measures(s) and O.asks_quantity(s) for s in _SENTENCE.split(rest) if s.strip()
        )
        # "What is the budget for Germany, and what is the success rate?", "Germany budget
        # please, and can we extend the project?": an aspect asked in a clause of its own
        # leaves the asking clauses without it answerable (a year never: "Austria budget for
        # 2024?" has no 2023 answer), unless the year is asked in a clause of its own: "中芬
        # 总经费多少？2024年还会有吗？" gives the figure of the clause without the year
        own_clauses = _without_years(c, _own_clauses(_split_and_asks(asked)), call_years)
        own = " ".join(own_clauses)
        if O.measures(own) or (not absolute and quantity_asked):
            # "…多少钱？顺便问下什么时候截止": say what is missing first, then the figure the
            # notice does give, labelled as related — never as the answer to the whole message
            related = q.intent
            # the one measure the asking clause names is the figure given: "…平均200万，那是否
            # 要求南非方等额投入？另外总共支持几个" gives the count, not the average it states
            own_asked = " ".join(cl for cl in own_clauses if _ASPECT_ASKED.search(cl))
            said = O.measures(own_asked)
            if "average" in said and "period" in said and not _MONEY.search(own_asked):
                said.remove("average")  # "russia one project is how long time": its period
            if q.groups and len(said) == 1 and said[0] in _MEASURE_INTENT:
                related = _MEASURE_INTENT[said[0]]
        elif (
            q.groups
            and not absolute
            and any(_ASPECT_ASKED.search(cl) and _FIGURE_STATED.search(cl) for cl in own_clauses)
        ):
            # a figure checked in a clause of its own, in words no measure names ("南非旗舰项目只
            # 支持1个吧？那评审是会评还是函评？"): the figure understood is still given
            related = q.intent
    q.intent, q.op, q.source = L.UNKNOWN, "unknown", "named"
    q.related = related
    q.about = [list(g) for g in q.groups]
    if related is None:
        q.groups = []
    q.missing = [a.id for a in aspects]
    # the user's own notion is named back ("age limit for the PI" → "an age limit for the PI",
    # not only "eligibility rules"), found in the clauses that ask
    clauses = " ".join(asked)
    q.notions = [f"{a.id}.{n}" for a in aspects if (n := O.notion_named(a, clauses))]
    if years and "other_year" not in q.missing:
        q.missing.insert(0, "other_year")
    q.years = years
    return True


# a field's own part of a direction's money or projects: "健康和老龄科技这一块能分到多少经费",
# "其中健康领域有多少钱", "how much of the money goes to health and ageing?"
_PART_OF_FIELD = re.compile(
    r"(?:这一块|这块|这部分|这一部分|那一块|那块|那部分|部分|方面|领域|板块)(?:的|嘅)?"
    r"(?:经费|预算|钱|资金|项目)?(?:能|可以|会|大概|大约|一共|总共|大致)?"
    r"(?:分到|分得|分配到?|拿到|攞到|占|获得|有|是)?(?:多少|几多|几个|几项|几成|百分之|比例|多大)|"
    r"(?:分给|分配给|用于|用在|投向|投入到?)[^，,。？?]{1,16}?(?:的|嘅)?(?:经费|钱|资金|预算)"
    r"(?:有|是|占)?(?:多少|几多)|"
    r"\bhow\s+much\s+(?:of\s+(?:it|that|this|them)\s+|of\s+(?:the|its|that|this)\s+(?:[\w–-]+\s+){0,4}?"
    r"(?:money|budget|funding|total)\s+)?"
    r"(?:goes|go|is\s+going|will\s+go|is\s+(?:allocated|earmarked|reserved|set\s+aside|spent))\s+"
    r"(?:to|for|into|on)\b|\b(?:part|area|field|topic|portion|component)\s+(?:gets?|receives?)\b|"
    r"\b(?:what|which)\s+(?:share|part|portion|percentage|proportion|fraction)\s+of\s+(?:the\s+|its\s+|"
    r"this\s+|that\s+)?(?:[\w–-]+\s+){0,2}?(?:money|budget|funding|total)\s+(?:goes|go|is)\s+"
    r"(?:allocated\s+|earmarked\s+|spent\s+)?(?:to|for|into|on)\b|"
    r"\bhow\s+much\s+of\s+(?:(?:the|its|that|this)\s+)?(?:[\w–-]+\s+){0,2}?(?:money|budget|funding|"
    r"total)\s+(?:is|are|goes|go)\s+(?:for|to|on|into)\b|"
    # the money of one field named inside a direction: "what is the budget for the marine
    # science field within the joint research?"
    r"\b(?:budget|money|funding|amount|share)\s+(?:for|of|to)\s+(?:the\s+)?(?:[\w–-]+\s+){1,4}?"
    r"(?:field|area|topic|part|component|track)\s+(?:within|in|inside|under|of)\b|"
    # one field against another inside it: "does it give more money to aerospace or climate?"
    r"\b(?:give|gives|spend|spends|allocate|allocates|put|puts)\s+more\s+(?:money|funding)\s+"
    r"(?:to|on|for|into)\b"
)


def part_of_a_field(q: Query, c: Context) -> bool:
    """The money or projects of one field inside a direction whose figure is one line over all
    its fields: "中芬方向里健康和老龄科技这一块能分到多少经费", "中芬的领域有哪些？ → 健康和老龄
    科技这一块能分到多少经费？" — the notice does not split it (the direction's total would be a
    confident answer to another question). A direction split by track answers its track."""
    if not c.u.topics or q.intent not in (*INTENT_METRIC, L.COMPARE) or q.op != "show":
        return False
    if not _PART_OF_FIELD.search(c.text):
        return False
    # the directions named by a partner or a name (a topic's own directions are not named)
    names = any(m.kind in (PARTNER, DIRECTION) for m in c.u.mentions)
    ids = [d for g in c.named for d in g] if names else []
    if not ids and c.last is not None and len(c.last.groups) == 1:
        ids = list(c.last.groups[0])
    covering = topic_directions(c.k, c.u.topics, c.u.topic_mode)
    if not ids and len(covering) == 1:
        ids = list(covering)  # a field of one direction only ("健康和老龄科技这一块")
    # of a partner's directions, those that have the field ("韩国预算里生物技术占多少")
    ids = [d for d in ids if d in covering]
    if not ids or not _unsplit_with_fields(c, ids):
        return False
    _field_part_not_given(q, c, ids)
    return True


# the money as the subject of a period: "how many years is the funding", "资助期限"
_PERIOD_OF_MONEY = re.compile(
    r"\b(?:how\s+long|how\s+many\s+years)\s+(?:is|does|will|would|can)\s+(?:the\s+)?"
    r"(?:funding|grant|money|support)\b|\b(?:funding|grant)\s+(?:period|duration|length|term)\b|"
    r"(?:资助|经费|资金)(?:的)?(?:期限|周期|年限|执行期|实施期)"
)
_MONEY = re.compile(
    r"钱|经费|资助|金额|资金|万|亿|\b(?:much|money|fund\w*|budgets?|grants?|amounts?|costs?|cny|rmb|"
    r"million|euros?)\b"
)


# a figure stated ("德国那边一般是三年", "DFG projects are 3 years"): context, never a subject
_STATED_FIGURE = re.compile(
    r"\d|[一二两三四五六七八九十几]\s*(?:年|个月)|\b(?:one|two|three|four|five)\s+years?\b"
)


def _framing(clauses: list[str], periods: list[str]) -> list[str]:
    """The clause just before a period question that names its subject and the period, asking
    nothing and stating no figure: "內地與澳門聯合資助研發項目嘅實施周期，通知有冇寫明係幾耐？"
    asks the Macao direction's period."""
    framing = []
    for before, cl in pairwise(clauses):
        if cl not in periods or before in periods or _ASPECT_ASKED.search(before):
            continue
        if "period" in O.measures(before) and not _STATED_FIGURE.search(before):
            framing.append(before)
    return framing


def period_of_asking_clause(q: Query, c: Context) -> bool:
    """The project period asked in the clause that asks, beside context that names a partner or
    an aspect the notice lacks: "How long runs one project? In Germany the DFG projects are 3
    years normally" asks this call's period, not Germany's card; "How many years the project
    run? We need plan for the PhD student contract." is no question about contracts."""
    if "period" not in c.measures or c.u.other_places or q.op not in ("show", "unknown"):
        return False
    if q.intent not in (L.UNKNOWN, L.DETAIL, L.PERIOD, L.COMPARE, *INTENT_METRIC):
        return False
    if q.intent == L.COMPARE and c.ops & set(COMPARE_OPS):
        return False  # "芬兰和德国哪个周期更长" compares
    # (two partners of the context read as a comparison: "我们同时在和芬兰、德国两边的合作方准备
    # 材料…：这批项目的实施周期是几年？" asks the call's period)
    # clauses keep their question mark ("项目周期多长？德国那边一般是三年"); a statement with
    # "is" inside asks nothing ("Our PhD funding in Italy is 3 years.")
    clauses = [cl for cl in _CLAUSE.split(c.text) if cl.strip()]
    asking = [cl for cl in clauses if _ASPECT_ASKED.search(cl)]
    periods = []
    for cl in asking:
        cl = _PERIOD_OF_MONEY.sub(" how long ", cl)
        said = set(O.measures(O.without_aspects(cl)))
        # "how long runs one project": "one project" is the period's subject, not an average
        if "average" in said and "period" in said and not _MONEY.search(cl):
            said.discard("average")
        if said - {"period"}:
            return False  # another measure asked beside it: several_measures answers both
        if said:
            periods.append(cl)
    if not periods or O.missing_aspects(" ".join(asking)):
        return False
    ids = set().union(*(_clause_directions(c, cl) for cl in periods + _framing(clauses, periods)))
    # a call named in the asking clause ("港澳台项目实施周期多长？") keeps its directions
    for cl in periods:
        for m in c.index.find(normalize(cl), cl).mentions:
            if m.kind == CALL:
                ids.update(d.id for d in c.k.directions_by_call.get(m.id, ()))
    q.intent, q.op, q.metric, q.missing = L.PERIOD, "show", None, []
    c.u.oos_words = []  # what the context names is not asked ("PhD student contract")
    if ids or not c.u.from_context:
        q.groups = [g for g in c.named if set(g) & ids] if ids else []
    # else the last turn's directions asked again ("内地与澳门…总经费多少？ → 那项目周期是几年？"
    # is the Macao direction's period, which the notice does not give, not the other call's)
    q.source = "named" if q.groups else "all"
    return True


def asked_period_is_not(q: Query, c: Context) -> bool:
    """A period read from context ("合作了好几年") when another measure is asked plainly:
    "…请问这个方向具体支持哪些领域？" asks the fields."""
    if q.intent != L.PERIOD or not q.groups or "period" in c.measures or len(c.measures) != 1:
        return False
    asked = c.measures[0]
    q.intent = L.FIELDS if asked == "fields" else METRIC_INTENT.get(asked, q.intent)
    q.metric = INTENT_METRIC.get(q.intent, q.metric)
    return q.intent != L.PERIOD


def period_asked(q: Query, c: Context) -> bool:
    """Only the period asked, in words the cue sums read as a figure: "how many yrs per
    project" is the project period."""
    if c.measures != ["period"] or q.intent not in INTENT_METRIC or q.op != "show":
        return False
    q.intent, q.metric = L.PERIOD, None
    return True


def period_not_given(q: Query, c: Context) -> bool:
    """The project period asked only of a call whose period the notice does not give ("澳門聯合
    資助研發項目嘅實施周期係幾耐？", "How long do the mainland–Macao projects run?"): the reply
    says the notice gives none, and the intent is ``unknown`` (a period the notice lacks is
    not a period answered). A period asked of both calls stays ``period``: one of them is
    given."""
    if q.intent != L.PERIOD or q.op != "show":
        return False
    k = c.k
    if q.groups:
        ids = {k.direction_by_id[d].call for g in q.groups for d in g if d in k.direction_by_id}
        calls = [k.call_by_id[i] for i in sorted(ids) if i in k.call_by_id]
    else:
        # the call named ("港澳台专项的项目周期多长？"), else the call in scope, else both
        named = [m.id for m in c.u.mentions if m.kind == CALL and m.id in k.call_by_id]
        scope = c.u.scope
        ids = set(named) or ({scope} if scope in k.call_by_id else {call.id for call in k.calls})
        calls = [k.call_by_id[i] for i in sorted(ids)]
    if not calls or any(call.period for call in calls):
        return False
    if not q.groups:  # the reply names the calls asked, not every call
        q.groups = [[d.id for d in k.directions_by_call.get(call.id, ())] for call in calls]
        q.groups = [g for g in q.groups if g]
    q.intent, q.op, q.about = L.UNKNOWN, "period_not_given", [list(g) for g in q.groups]
    q.carry = L.PERIOD
    return True
