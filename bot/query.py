"""One structured, executable query per message.

Understanding (bot/understand.py) reads intent, directions, topics and a measure from a message;
``build_query`` turns that into a ``Query`` (bot/querymodel.py) and then applies the table of
named rules below (one module per kind in bot/query_rules/) for the compound questions: an aspect
the notice does not give, both calls together, an ordinal, a threshold or range on a measure,
arithmetic on what was just said, and several measures at once. Each rule is a small function
with the messages that motivate it in its docstring (and in the tests); the names of the rules
that fired travel with the query to ``callbot ask --json``, so a wrong answer points at the
decision that made it.
"""

from __future__ import annotations

import re

from bot import intents as L
from bot import operations as O
from bot.context import Turn
from bot.entities import EntityIndex
from bot.query_rules.arithmetic import (
    arithmetic_on_named,
    average_by_division,
    order_of_named,
    pooled_average,
    pooled_by_division,
    sum_of_talked_against_named,
    tracks_compared,
)
from bot.query_rules.aspects import (
    asked_period_is_not,
    missing_aspect,
    missing_aspect_of_new_name,
    part_of_a_field,
    period_asked,
    period_not_given,
    period_of_asking_clause,
    what_can_you_do,
)
from bot.query_rules.calls import (
    average_over_directions,
    both_calls,
    call_average,
    call_overview_in_parts,
    measures_of_a_call,
    partners_and_call_figures,
    whole_call,  # noqa: F401  (re-exported)
)
from bot.query_rules.clauses import (
    numbered_parts_named,
    numbered_span,
    one_of_listed,
    partner_and_measure_per_direction,
    partner_by_city,
    partner_kind_cut_short,
    question_before_context,
    question_clause,
    self_correction,
)
from bot.query_rules.described import (
    best_described,
    count_described_not_asked,
    extreme_of_described,
    one_described,
)
from bot.query_rules.filters import (
    extreme_within_filter,
    figures_stated_of_named,
    filter_again_with_more,
    filter_again_without_some,
    filter_at_the_mean,
    one_by_its_figures,
    range_filter,
    relative_filter,
    relative_range,
    share_threshold,
    threshold_checked_of_previous,
    two_filters_compared,
)
from bot.query_rules.measures import (
    PER_FIELD,
    asked_measure,
    each_of_the_projects_counted,
    fields_asked_plainly,
    fields_side_by_side,
    figure_per_field,
    figures_checked,
    measure_side_by_side,
    place_of_named,
    places_of_several,
    several_measures,
    track_as_unit,
    tracks_each_measured,
)
from bot.query_rules.previous import (
    arithmetic_on_previous,
    extreme_of_talked_checked,
    measure_carried_over,
    measure_of_previous,
    minus_from_previous,
    one_of_previous,
    places_set_aside,
    rest_of_an_earlier_list,
    reverse_of_previous,
    running_sum,
    sum_of_the_rest,
    topic_of_previous,
    topic_stated_of_previous,
    track_of_previous,
)
from bot.query_rules.rankings import (
    call_of_a_ranking,
    ends_of_two_rankings,
    extreme_track,
    extremes_compared,
    limit_not_ranking,
    limit_of_previous,
    named_against_an_extreme,
    next_place_of_ranking,
    ordinal_position,
    previous_against_an_extreme,
    rank_among_named,
    rank_of_previous,
    ranking_measure,
    ranking_over_every_direction,
    rankings_asked_apart,
    top_against_a_place,
    top_of_ranking,
)
from bot.query_rules.shares import (
    gap_in_percent,
    share_of_filtered,
    share_of_whole,
    share_then_compared,
)
from bot.query_rules.topics import (
    field_named_whole,
    names_in_context_only,
    one_direction_of_joined_topics,
    one_field_fits_all,
    others_on_topic,
    short_topic_word,
    topic_among_named,
    topic_beyond_named,
    topic_in_context_only,
    topic_in_the_notice_words,
    topic_measured,
    topic_of_asking_clause,
    topic_of_partner_worked_with,
    topic_over_every_direction,
    topic_sought_beside_context_names,
    topic_sum_beside_context_names,
    topic_with_a_sum,
    topic_with_name_added,
)
from bot.query_rules.trust import (
    comparison_answered_for_fewer,
    comparison_checked_as_a_figure,
    difference_answered_as_a_figure,
    follow_up_without_previous,
    guessed_name_over_a_named_one,
    ranking_answered_by_a_name,
    sum_answered_as_one_figure,
    yes_no_beside_a_card,
)
from bot.querymodel import Context, Query, Rule, from_understanding
from bot.understand import Understanding
from textnorm.normalize import normalize

# The decisions after understanding, in order; the first that applies builds the query.
RULES: tuple[Rule, ...] = (
    what_can_you_do,
    reverse_of_previous,
    filter_again_without_some,
    filter_again_with_more,
    missing_aspect,
    missing_aspect_of_new_name,
    topic_beyond_named,
    topic_among_named,
    part_of_a_field,
    topic_stated_of_previous,
    period_of_asking_clause,
    fields_side_by_side,
    extreme_track,
    share_threshold,
    share_then_compared,
    share_of_whole,
    one_described,
    best_described,
    count_described_not_asked,
    extreme_of_described,
    extreme_of_talked_checked,
    named_against_an_extreme,
    previous_against_an_extreme,
    place_of_named,
    places_of_several,
    each_of_the_projects_counted,
    both_calls,
    places_set_aside,
    rest_of_an_earlier_list,
    running_sum,
    minus_from_previous,
    numbered_span,
    numbered_parts_named,
    rankings_asked_apart,
    one_of_listed,
    partner_and_measure_per_direction,
    average_over_directions,
    measures_of_a_call,
    call_overview_in_parts,
    partners_and_call_figures,
    call_of_a_ranking,
    sum_of_the_rest,
    top_against_a_place,
    ends_of_two_rankings,
    extremes_compared,
    next_place_of_ranking,
    ordinal_position,
    top_of_ranking,
    figures_stated_of_named,
    two_filters_compared,
    filter_at_the_mean,
    relative_range,
    relative_filter,
    share_of_filtered,
    one_by_its_figures,
    extreme_within_filter,
    threshold_checked_of_previous,
    range_filter,
    partner_by_city,
    partner_kind_cut_short,
    self_correction,
    question_before_context,
    question_clause,
    one_of_previous,
    pooled_by_division,
    measure_of_previous,
    tracks_compared,
    arithmetic_on_previous,
    call_average,
    pooled_average,
    average_by_division,
    sum_of_talked_against_named,
    arithmetic_on_named,
    tracks_each_measured,
    figure_per_field,
    figures_checked,
    topic_sum_beside_context_names,
    topic_measured,
    several_measures,
    limit_not_ranking,
    limit_of_previous,
    rank_of_previous,
    rank_among_named,
    ranking_measure,
    measure_side_by_side,
    measure_carried_over,
    topic_over_every_direction,
    topic_in_context_only,
    ranking_over_every_direction,
    topic_sought_beside_context_names,
    topic_of_asking_clause,
    field_named_whole,
    topic_of_partner_worked_with,
    one_direction_of_joined_topics,
    others_on_topic,
    topic_with_a_sum,
    topic_with_name_added,
    names_in_context_only,
    short_topic_word,
    track_of_previous,
    topic_of_previous,
    period_asked,
    asked_period_is_not,
    fields_asked_plainly,
    asked_measure,
)


_DESCRIBED_AMOUNT = re.compile(
    r"\b(?:gets?|got|has|have|with|receives?)\s+(?:a\s+lot\s+of|lots\s+of|plenty\s+of|big|more)"
    r"\s+(?:money|funding|budget)\b|(?:钱|经费|錢|經費)(?:很|挺|比较|比較|特别|特別|好)多(?:的|嘅)"
)
_FIELD_STATED = re.compile(
    r"(?:我们|我|本人|团队|课题组|实验室|研究组)?(?:的)?(?:主要)?(?:研究|科研)(?:方向|领域)(?:主要)?"
    r"(?:是|为|在|系|属于)(?!\s*(?:什么|哪|啥|咩|乜|多少|边))|"
    r"\b(?:our|my)\s+(?:main\s+)?(?:research\s+)?(?:field|area|topic|direction|focus)s?\s+"
    r"(?:is|are)\b"
)
_LIST_TOTAL = re.compile(r"(?<!\bin\s)\btotal\s*[,，、;:/]")  # not "in total, …"
# the bare question words listed in learners' English: "how much, how many, and average?", "how
# many and how much?" - each its own measure (the money, the projects), not one question
_LISTED_HOW = re.compile(
    r"\bhow\s+(much|many)\s*(?:[,，、/;]|\band\b|&)\s*(?:and\s+|&\s*)?how\s+(much|many)\b"
)
_SENTENCE_END = re.compile(r"(?<=[。；;？?！!\n])|(?<=\.)\s")
_QUESTION_WORD = re.compile(
    r"[?？]|\b(?:what|how|which|who|when|where|whether|is\s+it|can|could|does|do|tell)\b"
    r"|多少|几|幾|吗|嗎|么|麼|什么|什麼|咩|哪|边|邊|乜|是否|请问|請問|想知|想问|想問"
)


def _stated_of_asker(sentence: str) -> bool:
    """A sentence about the asker that asks nothing ("We plan our budget.", "我们在做预算。");
    one with a figure is a claim to check ("My colleague says it has 138 projects.")."""
    if _QUESTION_WORD.search(sentence) or re.search(r"\d", sentence):
        return False
    return bool(O.VOCAB.asker_context.search(sentence))


_CLAUSE_END = re.compile(r"[，,。；;？?！!\n]")
# a clause that asks ("so that I can" is no question: the English purpose is read anchored)
_ASKS_IN_CLAUSE = re.compile(
    r"[?？]|多少|几|幾|吗|嗎|么|麼|什么|什麼|咩|哪|边|邊|乜|是否|请问|請問"
)


def _purpose_of_answer(clause: str) -> bool:
    """A clause that says what the answer is for ("方便给申报老师做预算参考", "so that our
    teams can plan their budgets") and asks nothing."""
    if _ASKS_IN_CLAUSE.search(clause):
        return False
    return bool(O.VOCAB.purpose_trail.search(O.folded(clause)))


_PERCENT_POINTS = re.compile(r"(?:多少|几多|几)\s*个\s*(?:百分点|百分比|百分)")


def _measures(u: Understanding, text: str) -> list[str]:
    """The measures asked, read with the names blanked ("the co-funding mechanism" is a name,
    not a question about funding); "total," in a list of aspects is the budget."""
    norm = u.norm
    for start, end in u.name_spans:
        norm = norm[:start] + " " * (end - start) + norm[end:]
    # "多几多个百分比": 几多个 counts percentage points, not projects
    norm = _PERCENT_POINTS.sub(lambda m: " " * len(m.group()), norm)
    if any(m != "fields" for m in O.measures(PER_FIELD.sub(" ", norm))):
        norm = PER_FIELD.sub(lambda m: " " * len(m.group()), norm)
    plain = set(O.measures(_PERCENT_POINTS.sub(" ", u.norm)))  # a name's neighbours read as in it
    found = [m for m in O.measures(norm) if m in plain]
    # "the korea one where each project gets a lot of money — how much per project?": an amount
    # that describes the direction is not asked, when something else is
    described = _DESCRIBED_AMOUNT.sub(lambda m: " " * len(m.group()), norm)
    rest = [m for m in O.measures(described) if m in found]
    if rest and rest != found:
        found = rest
    # "研究方向是物联网，请问中俄项目总经费多少": the asker's own field, stated, is not asked
    stated = _FIELD_STATED.sub(lambda m: " " * len(m.group()), norm)
    rest = [m for m in O.measures(stated) if m in found]
    if rest and rest != found:
        found = rest
    # "…average per project? We plan our budget.": a sentence about the asker, asking nothing,
    # names a measure it does not ask, when another is asked
    asked = " ".join(x for x in _SENTENCE_END.split(text) if x and not _stated_of_asker(x))
    rest = [m for m in O.measures(normalize(asked)) if m in found]
    if rest and rest != found:
        found = rest
    # "…的平均资助强度，方便给申报老师做预算参考": a clause after the question saying what the
    # answer is for names a measure it does not ask, when another is asked
    if len(found) > 1 and _CLAUSE_END.search(text):
        clauses = _CLAUSE_END.split(text)
        kept = [clauses[0]] + [x for x in clauses[1:] if not _purpose_of_answer(x)]
        rest = [m for m in O.measures(normalize(" ".join(kept))) if m in found]
        if rest and rest != found:
            found = rest
    if "total" not in found and _LIST_TOTAL.search(text):
        found.insert(min(2, len(found)), "total")
    listed = _LISTED_HOW.search(text)
    if listed and listed.group(1) != listed.group(2):
        found += [m for m in ("count", "total") if m not in found]
    return found


# Checks on the query built: a reading the message does not support becomes "not sure".
TRUST: tuple[Rule, ...] = (
    yes_no_beside_a_card,
    follow_up_without_previous,
    comparison_answered_for_fewer,
    ranking_answered_by_a_name,
    guessed_name_over_a_named_one,
    difference_answered_as_a_figure,
    comparison_checked_as_a_figure,
    sum_answered_as_one_figure,
)

# Rules that only choose the directions: the rules after them still decide what is asked.
NARROWING = (
    numbered_span,
    numbered_parts_named,
    one_of_listed,
    partner_by_city,
    partner_kind_cut_short,
    self_correction,
    question_clause,
    topic_of_asking_clause,
    call_of_a_ranking,
)


# "how many times" asks a ratio; with no word for projects it asks no count
_TIMES_ONLY = re.compile(r"\bhow\s+many\s+times\b(?![^?.!]{0,40}\b(?:projects?|grants?)\b)")


def build_query(u: Understanding, index: EntityIndex, last: Turn | None = None) -> Query:
    """The query for ``u`` in the conversation whose previous turn is ``last``."""
    k = index.knowledge
    q = from_understanding(u)
    q.rules.append("understood")
    if u.intent == L.HELP and not u.norm:
        return q
    text = O.folded(u.text)
    c = Context(
        u=u,
        k=k,
        index=index,
        last=last,
        text=text,
        measures=_measures(u, text),
        # "（欧盟旗舰两个领域合计）" says how the flagship is counted: it asks no sum
        ops=O.operations(O.without_counting_notes(text)),
    )
    q.measures = [m for m in c.measures]
    if q.metric == "count" and "count" not in c.measures and _TIMES_ONLY.search(text):
        q.metric = None  # "Spain is how many times bigger than Italy?" counts no projects
    for rule in RULES:
        if rule(q, c):
            q.rules.append(rule.__name__)
            if rule not in NARROWING:
                break
    if track_as_unit(q, c):
        q.rules.append("track_as_unit")
    if order_of_named(q, c):
        q.rules.append("order_of_named")
    if gap_in_percent(q, c):
        q.rules.append("gap_in_percent")
    if period_not_given(q, c):
        q.rules.append("period_not_given")
    if topic_in_the_notice_words(q, c):
        q.rules.append("topic_in_the_notice_words")
    elif one_field_fits_all(q, c):
        q.rules.append("one_field_fits_all")
    for check in TRUST:
        if check(q, c):
            q.rules.append(check.__name__)
            break
    return q
