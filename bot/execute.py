"""Run a ``Query`` over the knowledge and render the answer (zh-Hans, zh-Hant, en).

The plain intents are answered by the handlers of bot/answers.py; this module adds the compound
operations: sums and comparisons over the previous answer or named directions (with the
difference, the ratio or sameness stated), ordinals, filters and ranges on a measure, both calls
at once, and the aspects the notice does not give. Every figure is a stated figure of the
knowledge or a sum, difference or ratio of stated figures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot import answers as A
from bot import intents as L
from bot import operations as O
from bot import tracks as T
from bot.answers import Answer
from bot.listing import enumerated_items
from bot.query import Query
from bot.render import _num, bullet, count, esc, tr, wan
from bot.resolve import topic_directions
from knowledge.model import Count, Direction, Knowledge


def execute(q: Query, k: Knowledge) -> Answer:
    u = q.sync()
    if q.tracks:  # a direction asked as one of its tracks answers with the track's figures
        k = T.narrowed(k, q.tracks)
    run = {
        "unknown": _missing,
        "nth": _nth,
        "place": _place,
        "top": _top,
        "top_sum": _top_sum,
        "filter": _filter,
        "filter_sum": _filter_sum,
        "filters_compared": _filters_compared,
        "filters": _filters,
        "parts": _parts,
        "sum": _sum,
        "pooled": _pooled,
        "mean": _mean,
        "call_average": lambda q, k: A._average(q.sync(), k, computed=True),
        "compare": _compare,
        "sum_calls": _sum_calls,
        "compare_calls": _compare_calls,
        "compare_tracks": _compare_tracks,
        "compare_fields": _compare_fields,
        "share": _share,
        "unsure": _unsure,
        "list": _list,
        "topic_and_named": _topic_and_named,
        "topic_field": _topic_field,
        "topic_measured": _topic_measured,
        # the period of a call the notice gives none for: said so, as the period answer does
        "period_not_given": lambda q, k: A._period(q.sync(), k),
    }.get(q.op)
    if q.op == "show" and q.intent == L.COMPARE and _several_questions(q):
        run = _compare  # "哪个平均更高？哪个项目更多？": each measure asked is compared
    if run is None or (q.op == "unknown" and not (q.missing or q.years)):
        return _place_note(q, A.answer(u, k))
    return _place_note(q, run(q, k))


def _place_note(q: Query, a: Answer) -> Answer:
    """A place outside the calls asked beside a named one ("德国和日本的经费"): said first that
    it has no direction, then the named one's answer."""
    u = q.understanding
    if u is None or not u.other_places or q.intent in (L.UNKNOWN, L.PARTNERS, L.HELP):
        return a
    note = A.no_direction_note(u.other_places, q.lang)
    return replace(a, html=f"{note}\n{a.html}")


# -- what the notice does not give ----------------------------------------------------------------


def _missing(q: Query, k: Knowledge) -> Answer:
    lang = q.lang
    by_id = {a.id: a for a in O.VOCAB.aspects}
    what = []
    for ident in q.missing:
        if ident == "other_year" and q.years:
            shown = tr(lang, "、", ", ").join(str(y) for y in q.years)
            what.append(tr(lang, f"{shown}年度的情况", f"anything about {shown}"))
        elif ident in by_id:
            a = by_id[ident]
            # the user's own notion when named ("an age limit for the PI"), else the aspect
            named = [n for n in a.notions if f"{ident}.{n[0]}" in q.notions]
            zh, en = (named[0][1], named[0][2]) if named else (a.zh, a.en)
            what.append(tr(lang, zh, en))
    text = tr(lang, "、", ", ").join(what)
    years = tr(lang, "、", ", ").join(dict.fromkeys(str(c.year) for c in k.calls))
    html = tr(
        lang,
        f"这份通知没有给出{esc(text)}，我无法回答，请以正式发布的申报指南和管理机构的说明为准。"
        f"（通知只涉及{years}年度的申报。）",
        f"The notice does not give {esc(text)}, so I cannot answer that; please check the "
        f"official call documents. (The notice covers the {years} call only.)",
    )
    whole = q.related in (L.OVERVIEW, L.BUDGET, L.COUNT)  # a call's own figures
    if q.related and (q.groups or whole) and q.understanding is not None:
        u = q.understanding
        u.intent = q.related
        part = A.answer(u, k)
        u.intent = L.UNKNOWN
        label = tr(lang, "通知给出的相关数字：", "What the notice does give: ")
        # the plain answer notes the missing aspect at its end: said once, first, is enough
        said = [esc(w) for w in what]
        # a notion named replaces its aspect's phrase, which the plain answer may note too
        said += [esc(tr(lang, by_id[i].zh, by_id[i].en)) for i in q.missing if i in by_id]
        lines = [ln for ln in part.html.split("\n") if not any(w in ln for w in said)]
        return Answer(f"{html}\n{label}" + "\n".join(lines), part.programs, part.suggestions)
    return Answer(html, [], A._starter_suggestions(lang))


def _reading(intent: str, ids: list[str], k: Knowledge, lang: str) -> str:
    names = tr(lang, "、", ", ").join(
        A.label(k.direction_by_id[i], k, lang) for i in ids if i in k.direction_by_id
    )
    what = {
        L.DETAIL: tr(lang, f"{names}的基本情况（经费、项目数、领域）", f"the facts of {names}"),
        L.BUDGET: tr(lang, f"{names}的经费", f"the budget of {names}"),
        L.COUNT: tr(lang, f"{names}的项目数", f"the number of projects of {names}"),
        L.AVERAGE: tr(lang, f"{names}的平均资助额", f"the average per project of {names}"),
        L.FIELDS: tr(lang, f"{names}的资助领域", f"the fields of {names}"),
        L.COMPARE: tr(lang, f"{names}的对比", f"{names} compared"),
        L.RANK: tr(lang, "各方向的排名", "a ranking of the directions"),
        L.OVERVIEW: tr(lang, "专项的总体情况", "the call as a whole"),
    }.get(intent, tr(lang, "专项的总体情况", "the call as a whole"))
    return what


def _unsure(q: Query, k: Knowledge) -> Answer:
    """Not sure what is asked: say so and offer the likely readings, answering none of them."""
    lang = q.lang
    readings = q.readings or [(L.OVERVIEW, [])]
    if q.unsure == "previous":
        first = tr(
            lang,
            "我不太确定您指的是哪个方向——我们还没有谈到具体方向。您是想问：",
            "I am not sure which direction you mean — we have not talked about one yet. "
            "Did you mean:",
        )
    elif q.unsure == "reading":
        first = tr(
            lang,
            "我不太确定您问的是哪一种——您是想问：",
            "I am not sure which of these you are asking — did you mean:",
        )
    else:
        first = tr(
            lang,
            "我不太确定您问的是什么——通知里可能没有这方面的内容。您是想问：",
            "I am not sure what you are asking — the notice may not cover it. Did you mean:",
        )
    lines = [first]
    lines += [bullet(esc(_reading(i, ids, k, lang))) for i, ids in readings]
    # buttons answer a reading directly (intent and directions), never re-read the text
    suggestions = [
        A.Suggestion(_reading(i, ids, k, lang)[:60], "", i, tuple(ids)) for i, ids in readings
    ]
    return Answer("\n".join(lines), [], suggestions or A._starter_suggestions(lang))


# -- rankings: ordinals and filters ---------------------------------------------------------------


def _mname(metric: str, lang: str) -> str:
    return {
        "total": tr(lang, "总金额", "total budget"),
        "count": tr(lang, "资助项目数", "number of projects"),
        "average": tr(lang, "平均资助金额", "average per project"),
    }[metric]


def _values(d: Direction, metric: str) -> list[float]:
    """The stated figures of one direction for a measure: an average per track if it has two."""
    if metric == "total":
        return [d.total]
    if metric == "count":
        return [d.projects.count]
    return [f.average for f in d.funding if f.average is not None]


def _shown(d: Direction, metric: str, lang: str, values: list[float] | None = None) -> str:
    if metric == "total":
        return wan(d.total, lang)
    if metric == "count":
        return count(d.projects, lang)
    shown = [v for v in (values or _values(d, metric))]
    if len(d.funding) > 1:
        return tr(lang, "；", "; ").join(
            f"{esc(A._track(f, lang))} {wan(f.average, lang)}"
            for f in d.funding
            if f.average is not None and f.average in shown
        )
    return tr(lang, "、", ", ").join(wan(v, lang) for v in shown)


def _pool(q: Query, k: Knowledge) -> list[Direction]:
    ids = q.restrict if q.restrict is not None else [d.id for d in k.directions]
    return [k.direction_by_id[i] for i in ids if i in k.direction_by_id]


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _nths(q: Query, k: Knowledge) -> Answer:
    """Several places of one ranking asked at once ("倒数第二和第三"): each place's line (ties
    shown as _nth shows them), then the ranking down to the last place asked."""
    answers = [_nth(replace(q, nth=n, nths=[]), k) for n in q.nths]
    heads: list[str] = []
    for n, a, before in zip(q.nths, answers, [None, *answers], strict=False):
        if before is not None and a.programs and a.programs == before.programs:
            # a tie covers both places ("2nd and 3rd largest" when three share 2–4): said once
            heads[-1] += tr(q.lang, f"（第{n}名也是它们）", f" (the {_ordinal_en(n)} place too)")
            continue
        heads.append(a.html.split("\n", 1)[0])
    rest = next((a.html.split("\n", 1)[1:] for a in reversed(answers) if a.programs), [])
    programs = list(dict.fromkeys(d for a in answers for d in a.programs))
    return Answer("\n".join([*heads, *rest]), programs)


def _nth(q: Query, k: Knowledge) -> Answer:
    """The n-th largest or smallest direction by a measure; ties share a place (1, 2, 2, 4)."""
    if len(q.nths) > 1:
        return _nths(q, k)
    lang, metric, n = q.lang, q.metric or "total", q.nth or 1
    low = q.order == "min"
    ranked = _ranked(q, k)
    entries = ranked
    hits, tied = [], ""
    if 1 <= n <= len(ranked):
        # "经费第三多" when three directions share places 2-4: that group is the answer
        first = max(p for p, _, _ in ranked if p <= n)
        hits = [(v, d) for p, v, d in ranked if p == first]
        last = first + len(hits) - 1
        distinct = list(dict.fromkeys(v for _, v, _ in ranked))
        if first == 1 and last > 1 and n <= len(distinct):
            # "项目数第二多的是哪些" when two share the most: the most is the first figure, the
            # second is the next figure down, not the tie again
            hits = [(v, d) for _, v, d in ranked if v == distinct[n - 1]]
            top = tr(lang, "、", "; ").join(
                A._ranked_label(d, k, lang) for _, _, d in ranked[:last]
            )
            tied = tr(
                lang,
                f"（并列最{'少' if low else '多'}的是{top}，按数值排第{n}）",
                f" ({_ordinal_en(n)} figure down; {top} share the top place)",
            )
            entries = [(p, v, d) for p, v, d in ranked if v in distinct[:n]]
        elif last > first:
            tied = tr(lang, f"（并列第{first}–{last}名）", f" (tied for places {first}–{last})")
    word = tr(lang, "低" if low else "高", "lowest" if low else "highest")
    if metric == "count":
        word = tr(lang, "少" if low else "多", "fewest" if low else "most")
    mname = _mname(metric, lang)
    if not hits:
        text = tr(
            lang,
            f"按{mname}排列，没有排在第{n}{word}的方向（共{len(entries)}个方向，并列的占同一名次）。",
            f"No direction is {_ordinal_en(n)} {word} by {mname} ({len(entries)} directions; "
            "ties share a place).",
        )
        return Answer(text, [])
    names = tr(lang, "、", "; ").join(
        f"<b>{esc(A._ranked_label(d, k, lang))}</b>{tr(lang, '（', ' (')}"
        f"{_shown(d, metric, lang)}{tr(lang, '）', ')')}"
        for _, d in hits
    )
    head = tr(
        lang,
        f"{mname}{'最' if n == 1 else f'第{n}'}{word}：{names}{tied}",
        f"The {'' if n == 1 else _ordinal_en(n) + ' '}{word} {mname}: {names}{tied}",
    )
    rows = [
        f"{p}. {esc(A._ranked_label(d, k, lang))} — {_shown(d, metric, lang)}"
        for p, _, d in (entries if entries is not ranked else ranked)
        if entries is not ranked or p <= n
    ]
    order = tr(lang, "从低到高" if low else "从高到低", "low to high" if low else "high to low")
    lines = [head, tr(lang, f"按{mname}排序（{order}）：", f"Ranked by {mname} ({order}):"), *rows]
    programs = [d.id for _, d in hits]
    if "of_answer" in q.asks:
        # "项目数第二少的是哪个？它平均每项多少？": the answer's other measures, asked after it
        for other in (m for m in q.measures if m != metric and m in ("total", "count", "average")):
            lines[1:1] = [
                f"{esc(A.label(d, k, lang))}{tr(lang, ' ', ' – ')}{_mname(other, lang)}"
                f"{tr(lang, '：', ': ')}{_shown(d, other, lang)}"
                for _, d in hits
            ]
    return Answer("\n".join(lines), programs, focus=programs)


def _list(q: Query, k: Knowledge) -> Answer:
    """One line per direction in number order: its partner and the measure asked."""
    lang, metric = q.lang, q.metric or "total"
    dirs = [k.direction_by_id[i] for g in q.groups for i in g if i in k.direction_by_id]
    head = tr(
        lang,
        f"各方向的合作方与{_mname(metric, lang)}（{len(dirs)}个）：",
        f"Each direction, its partner and {_mname(metric, lang)} ({len(dirs)}):",
    )
    rows = [f"• {esc(A._ranked_label(d, k, lang))} — {_shown(d, metric, lang)}" for d in dirs]
    programs = [d.id for d in dirs]
    return Answer("\n".join([head, *rows]), programs, focus=programs)


def _topic_and_named(q: Query, k: Knowledge) -> Answer:
    """A topic asked of a named direction, then of the others ("內地同澳門有冇航空航天？仲有
    邊啲方向有？"): yes or no for each named one, then the other directions on the topic."""
    lang = q.lang
    named = [k.direction_by_id[i] for g in q.groups for i in g if i in k.direction_by_id]
    on_topic = set(topic_directions(k, q.topics, q.topic_mode))
    sep = "、" if lang != "en" else ", "
    tnames = esc(sep.join(k.topic_by_id[t].name.get(lang) for t in q.topics))
    heads = []
    for d in named:
        name = esc(A.label(d, k, lang))
        if d.id in on_topic:
            heads.append(tr(lang, f"是的，{name}涉及{tnames}。", f"Yes, {name} covers {tnames}."))
        else:
            heads.append(
                tr(
                    lang,
                    f"{name}的领域中没有明确提到{tnames}。",
                    f"The fields of {name} do not mention {tnames}.",
                )
            )
    others = A.answer(replace(q.sync(), groups=[]), k)
    yes = [d.id for d in named if d.id in on_topic]
    programs = list(dict.fromkeys([*yes, *others.programs]))
    return Answer("\n".join([*heads, others.html]), programs, others.suggestions)


def _topic_field(q: Query, k: Knowledge) -> Answer:
    """The topic's answer over the directions whose field the message names whole."""
    u = q.sync()
    keep = set(q.restrict or [])
    others = [d.id for d in k.directions if d.id not in keep]
    return A.answer(replace(u, excluded=list(dict.fromkeys([*u.excluded, *others]))), k)


def _topic_measured(q: Query, k: Knowledge) -> Answer:
    """A topic asked with a figure of each direction on it, over the directions kept (those
    whose field the message names whole, when it does)."""
    u = q.sync()
    if q.restrict is not None:
        keep = set(q.restrict)
        others = [d.id for d in k.directions if d.id not in keep]
        u = replace(u, excluded=list(dict.fromkeys([*u.excluded, *others])))
    return A._topic(u, k, q.measures)


def _ranked(q: Query, k: Knowledge) -> list[tuple[int, float, Direction]]:
    """(place, value, direction), best first for the query's order; ties share a place."""
    metric, low = q.metric or "total", q.order == "min"
    entries = []
    for d in _pool(q, k):
        values = _values(d, metric)
        if values:
            entries.append((min(values) if low else max(values), d))
    entries.sort(key=lambda e: e[0], reverse=not low)
    ranked = []
    place, previous = 0, None
    for i, (value, d) in enumerate(entries, 1):
        if value != previous:
            place, previous = i, value
        ranked.append((place, value, d))
    return ranked


def _place(q: Query, k: Knowledge) -> Answer:
    """The place of one named direction in the ranking of its pool, from the top and from the
    bottom (ties share a place); for "is it the smallest?" a yes or no first. Several
    directions: each one's place, one line each, in the ranking of the pool of all of them."""
    if len(q.groups) > 1:
        parts = [_place(replace(q, groups=[g], order=None), k) for g in q.groups]
        programs = [d for p in parts for d in p.programs]
        return Answer("\n".join(p.html for p in parts), list(dict.fromkeys(programs)))
    lang, metric = q.lang, q.metric or "total"
    d = k.direction_by_id[q.groups[0][0]]
    high = _ranked(replace(q, order="max"), k)
    low = _ranked(replace(q, order="min"), k)
    at_high = next((p for p, _, x in high if x.id == d.id), None)
    at_low = next((p for p, _, x in low if x.id == d.id), None)
    if at_high is None or at_low is None:
        return A.answer(q.sync(), k)
    n, mname = len(high), _mname(metric, lang)
    label = esc(A._ranked_label(d, k, lang))
    shown = _shown(d, metric, lang)
    tied_high = sum(1 for p, _, _ in high if p == at_high)
    tie = (
        tr(lang, f"（与另{tied_high - 1}个方向并列）", f" (tied with {tied_high - 1} more)")
        if tied_high > 1
        else ""
    )
    others = [x for p, _, x in high if p == at_high and x.id != d.id]
    if 1 <= len(others) <= 3:
        # a tie says with whom: "排第2（与1.3 中西科技合作、2.5 中俄科技合作并列）"
        names = [esc(A.label(x, k, lang)) for x in others]
        tie = tr(
            lang,
            f"（与{'、'.join(names)}并列）",
            f" (tied with {', '.join(names[:-1]) + ' and ' if len(names) > 1 else ''}{names[-1]})",
        )
    small = tr(
        lang, "少" if metric == "count" else "低", "fewest" if metric == "count" else "lowest"
    )
    text = tr(
        lang,
        f"<b>{label}</b>：{mname}{shown}，在{n}个方向中从高到低排第{at_high}{tie}，"
        f"倒数第{at_low}（最{small}为倒数第1）。",
        f"<b>{label}</b>: {mname} {shown}, {_ordinal_en(at_high)} of {n} directions from the "
        f"top{tie}, {_ordinal_en(at_low)} {small} from the bottom.",
    )
    programs = [d.id]
    if q.order in ("max", "min"):
        ranked = high if q.order == "max" else low
        top = [x for p, _, x in ranked if p == 1]
        yes = d in top
        word = {
            "max": tr(lang, "最多" if metric == "count" else "最高", "the largest"),
            "min": tr(lang, "最少" if metric == "count" else "最低", "the smallest"),
        }[q.order]
        names = tr(lang, "、", "; ").join(
            f"{esc(A._ranked_label(x, k, lang))}（{_shown(x, metric, lang)}）"
            if lang != "en"
            else f"{esc(A._ranked_label(x, k, lang))} ({_shown(x, metric, lang)})"
            for x in top
        )
        if yes and len(top) == 1:
            head = tr(lang, f"是的，它的{mname}{word}。", f"Yes, it has {word} {mname}.")
        elif yes:
            head = tr(
                lang, f"是的，并列{word}：{names}。", f"Yes, tied for {word} {mname}: {names}."
            )
        else:
            head = tr(lang, f"不是，{mname}{word}的是{names}。", f"No, {word} {mname} is {names}.")
            programs += [x.id for x in top]
        text = head + "\n" + text
    return Answer(text, programs)


def _top(q: Query, k: Knowledge) -> Answer:
    """The first n directions by a measure (ties at the n-th place included)."""
    lang, metric, n = q.lang, q.metric or "total", q.nth or 1
    low = q.order == "min"
    hits = [(p, d) for p, _, d in _ranked(q, k) if p <= n]
    word = tr(lang, "低" if low else "高", "lowest" if low else "highest")
    if metric == "count":
        word = tr(lang, "少" if low else "多", "fewest" if low else "most")
    mname = _mname(metric, lang)
    head = tr(
        lang, f"{mname}最{word}的{n}个方向：", f"The {n} directions with the {word} {mname}:"
    )
    rows = [
        f"{p}. {esc(A._ranked_label(d, k, lang))} — {_shown(d, metric, lang)}" for p, d in hits
    ]
    programs = [d.id for _, d in hits]
    return Answer("\n".join([head, *rows]), programs, focus=programs)


def _top_sum(q: Query, k: Knowledge) -> Answer:
    listed = _top(q, k)
    dirs = [k.direction_by_id[i] for i in listed.programs]
    q.groups = [[d.id] for d in dirs]
    added = "count" if q.metric == "count" else "total"
    return Answer(listed.html + "\n" + _sum_line(dirs, added, q.lang), listed.programs)


_ZH_REL = {">": "超过", ">=": "不少于", "<": "低于", "<=": "不超过", "==": "等于"}
_EN_REL = {">": "more than", ">=": "at least", "<": "less than", "<=": "at most", "==": "exactly"}
_TEST = {
    ">": float.__gt__,
    ">=": float.__ge__,
    "<": float.__lt__,
    "<=": float.__le__,
    "==": float.__eq__,
}


def _bound_text(q: Query, lang: str) -> str:
    """ "不少于10个且不超过20个" / "at least 10 and at most 20" (the unit once, in English)."""
    metric = q.metric or "total"
    parts = []
    for op, value in q.bounds:
        shown = f"{_num(value)}" if metric == "count" else wan(value, lang)
        if metric == "count":
            shown = tr(lang, f"{shown}个", shown)
        parts.append(tr(lang, f"{_ZH_REL[op]}{shown}", f"{_EN_REL[op]} {shown}"))
    return tr(lang, "且", " and ").join(parts)


def _also_text(q: Query, lang: str) -> str:
    """A condition on a second measure: "且平均资助金额不少于300万元", " and an average … "."""
    parts = []
    for other, op, value in q.also:
        shown = tr(lang, f"{_num(value)}个", f"{_num(value)}") if other == "count" else None
        shown = shown or wan(value, lang)
        name = _mname(other, lang)
        parts.append(
            tr(lang, f"且{name}{_ZH_REL[op]}{shown}", f" and {name} {_EN_REL[op]} {shown}")
        )
    return "".join(parts)


def _qualifying(q: Query, k: Knowledge) -> list[tuple[Direction, list[float]]]:
    metric = q.metric or "total"
    out = []
    for d in _pool(q, k):
        hits = [
            v
            for v in _values(d, metric)
            if all(_TEST[op](float(v), float(value)) for op, value in q.bounds)
        ]
        for other, op, value in q.also:
            if not any(_TEST[op](float(v), float(value)) for v in _values(d, other)):
                hits = []
        if hits:
            out.append((d, hits))
    out.sort(key=lambda e: max(e[1]), reverse=True)
    return out


def _filter(q: Query, k: Knowledge) -> Answer:
    lang, metric = q.lang, q.metric or "total"
    keep = _qualifying(q, k)
    what = tr(lang, f"{_mname(metric, lang)}{_bound_text(q, lang)}", "")
    if lang == "en":
        name = _mname(metric, lang)
        article = "an" if name[:1] in "aeiou" else "a"
        what = f"{article} {name} of {_bound_text(q, lang)}"
        if metric == "count":
            one = [v for _, v in q.bounds] == [1.0]  # "exactly 1 project"
            what = f"{_bound_text(q, lang)} project{'' if one else 's'}"
    what += _also_text(q, lang)
    if q.share_basis:
        percent, whole = q.share_basis
        what += tr(
            lang,
            f"（即总经费{_num(whole)}万元的{_num(percent)}%）",
            f" (that is, {_num(percent)}% of the total budget of {wan(whole, lang)})",
        )
    if not keep:
        verb = "funds" if metric == "count" else "has"
        return Answer(tr(lang, f"没有{what}的方向。", f"No direction {verb} {what}."), [])
    head = tr(
        lang,
        f"{what}的方向（{len(keep)}个）：",
        f"Directions {'funding' if metric == 'count' else 'with'} {what} ({len(keep)}):",
    )
    # the other measures of each: a second condition's ("… but a total below 30 million") and
    # one asked of each ("exactly 60 million, and how many projects each?")
    asked = [o for o, _, _ in q.also] + [m for m in q.measures if m in _METRIC_NAMES]
    extra = [m for m in dict.fromkeys(asked) if m != metric]
    if extra and q.order in ("max", "min"):
        # "…with an average of 2 million, which one has the largest total?": ranked by it
        keep = sorted(
            keep, key=lambda e: max(_values(e[0], extra[0]) or [0.0]), reverse=q.order == "max"
        )
    rows = [
        bullet(
            f"{esc(A._ranked_label(d, k, lang))} — "
            + tr(lang, "；", "; ").join(
                [_shown(d, metric, lang, values), *(_shown(d, m, lang) for m in extra)]
            )
        )
        for d, values in keep[: A.MAX_LIST]
    ]
    if len(keep) > A.MAX_LIST:
        rows.append(A._more(len(keep) - A.MAX_LIST, lang))
    programs = [d.id for d, _ in keep[: A.MAX_LIST]]
    return Answer(
        "\n".join([*_mean_line(q, k), head, *rows, *_share_line(q, k, keep)]),
        programs,
        focus=programs,
    )


def _mean_line(q: Query, k: Knowledge) -> list[str]:
    """The mean a filter is at ("超过各方向平均值"), computed and labelled so."""
    if "at_mean" not in q.asks or not q.bounds:
        return []
    lang, metric = q.lang, q.metric or "total"
    n = len(_pool(q, k))
    shown = _per(q.bounds[0][1], metric, lang)
    name = _mname(metric, lang)
    return [
        tr(
            lang,
            f"{n}个方向{name}的平均值 ≈ {shown}（按通知的数字计算，通知没有直接给出）。",
            f"The mean {name} over the {n} directions ≈ {shown} (computed from the notice's "
            "figures; the notice states no such figure).",
        )
    ]


def _share_line(q: Query, k: Knowledge, keep: list) -> list[str]:
    """The share of the pool's directions a filter keeps ("占15个方向的比例": 3/15 = 20%), or of
    the call's money (or projects) the directions it keeps hold."""
    if "share_of_call" in q.asks or "share_of_call_count" in q.asks:
        # after a sum ("合计占…") it follows the sum's line (_filter_sum)
        return [] if q.op == "filter_sum" else _call_share_line(q, k, [d for d, _ in keep])
    if "share_of_pool" not in q.asks:
        return []
    n = len(_pool(q, k))
    if not n:
        return []
    pct = _pct(len(keep) / n * 100)
    return [
        tr(
            q.lang,
            f"占{n}个方向的比例：{len(keep)} ÷ {n} = {pct}%（计算所得）。",
            f"Share of the {n} directions: {len(keep)} ÷ {n} = {pct}% (computed).",
        )
    ]


def _call_share_line(q: Query, k: Knowledge, dirs: list[Direction]) -> list[str]:
    """The directions a filter keeps added up, as a percentage of the call's figure the notice
    states (its 总概算 or its projects): computed and labelled so."""
    lang = q.lang
    calls = [k.call_by_id[c] for c in q.calls if c in k.call_by_id] or list(k.calls)
    whole_name = tr(lang, "和", " and ").join(esc(c.name.get(lang)) for c in calls)
    if "share_of_call" not in q.asks and "share_of_call_count" not in q.asks:
        return []
    if "share_of_call_count" in q.asks:
        part_c = A._sum_count(dirs)
        part_v, part_s = float(part_c.count), count(part_c, lang)
        whole_c = Count(
            sum(c.projects.count for c in calls),
            "about" if any(c.projects.qualifier == "about" for c in calls) else "up_to",
        )
        whole_v, whole_s = float(whole_c.count), count(whole_c, lang)
        label = tr(lang, "资助项目数", "number of projects")
    else:
        part_v = sum(d.total for d in dirs)
        whole_v = sum(c.total for c in calls)
        # the figures of the division without the 亿 repeat in brackets
        unit = tr(lang, "万元", "")
        part_s, whole_s = (
            (wan(part_v, lang), wan(whole_v, lang))
            if lang == "en"
            else (f"{_num(part_v)}{unit}", f"{_num(whole_v)}{unit}")
        )
        label = tr(lang, "总经费", "total budget")
    if not whole_v:
        return []
    pct = _percent(part_v, whole_v)
    return [
        tr(
            lang,
            f"以上方向合计占{whole_name}{label}（{whole_s}）的比例：{part_s} ÷ {whole_s} ≈ {pct}"
            "（按通知的数字计算）。",
            f"Share of the {label} of the {whole_name} ({whole_s}): {part_s} ÷ {whole_s} ≈ "
            f"{pct} (computed from the notice's figures).",
        )
    ]


_METRIC_NAMES = ("total", "count", "average")


def _fraction_verdict(q: Query, part: float, whole: float) -> list[str]:
    """Yes or no to a share checked against a fraction ("more than a quarter?"), computed."""
    asked = next((a.split() for a in q.asks if a.startswith("than ")), None)
    if not asked or not whole:
        return []
    _, op, n = asked
    share, bar = part / whole, 1 / int(n)
    yes = share > bar if op == ">" else share < bar
    zh_frac = f"{'二三四五十'[[2, 3, 4, 5, 10].index(int(n))]}分之一"
    en_frac = {"2": "a half", "3": "a third", "4": "a quarter", "5": "a fifth", "10": "a tenth"}
    more = op == ">"
    zh = f"{'超过' if more else '低于'}{zh_frac}：{'是' if yes else '否'}。"
    en = f"{'More' if more else 'Less'} than {en_frac[n]}: {'yes' if yes else 'no'}."
    return [tr(q.lang, zh, en)]


def _filters_compared(q: Query, k: Knowledge) -> Answer:
    """Two filters on one measure, each answered, then their counts set side by side ("as many
    directions with CNY 60 million as with CNY 20 million?")."""
    lang = q.lang
    firsts = [q.bounds[0], *((op, v) for _, op, v in q.also)]
    parts, programs, sizes = [], [], []
    for op, value in firsts:
        one = replace(q, op="filter", bounds=[(op, value)], also=[], asks=[])
        answer = _filter(one, k)
        parts.append(answer.html)
        programs += [p for p in answer.programs if p not in programs]
        sizes.append(len(_qualifying(one, k)))
    a, b = sizes[0], sizes[1]
    if a == b:
        verdict = tr(lang, f"两者一样多：各{a}个方向。", f"Yes, as many: {a} directions each.")
    else:
        verdict = tr(lang, f"两者不一样多：{a}个对{b}个。", f"No, not as many: {a} against {b}.")
    return Answer("\n".join([*parts, verdict]), programs, focus=programs)


def _filters(q: Query, k: Knowledge) -> Answer:
    """Filters asked side by side on one measure ("400万以上的有哪些？低于150万的又有哪些？"):
    each answered in turn, the directions of all of them listed."""
    firsts = [q.bounds[0], *((op, v) for _, op, v in q.also)]
    parts, programs = [], []
    for op, value in firsts:
        answer = _filter(replace(q, op="filter", bounds=[(op, value)], also=[], asks=[]), k)
        parts.append(answer.html)
        programs += [p for p in answer.programs if p not in programs]
    return Answer("\n\n".join(parts), programs, focus=programs)


def _parts(q: Query, k: Knowledge) -> Answer:
    """Questions asked side by side, each answered as if asked alone, in the order asked."""
    answers = [execute(p, k) for p in q.parts]
    programs = list(dict.fromkeys(d for a in answers for d in a.programs))
    return Answer("\n\n".join(a.html for a in answers), programs, focus=programs)


def _filter_sum(q: Query, k: Knowledge) -> Answer:
    keep = _qualifying(q, k)
    filtered = _filter(q, k)
    if not keep:
        return filtered
    added = q.measures[0] if q.measures else "total"
    q.groups = [[d.id] for d, _ in keep]
    total = _sum_line([d for d, _ in keep], added, q.lang)
    share = _call_share_line(q, k, [d for d, _ in keep])
    return Answer("\n".join([filtered.html, total, *share]), [d.id for d, _ in keep])


# -- arithmetic -----------------------------------------------------------------------------------


def _sum_line(dirs: list[Direction], metric: str, lang: str) -> str:
    if metric == "count":
        shown = count(A._sum_count(dirs), lang)
    else:
        shown = wan(sum(d.total for d in dirs), lang)
    return tr(lang, f"合计：{shown}", f"Together: {shown}")


def _sum(q: Query, k: Knowledge) -> Answer:
    u = q.sync()
    metric = q.metric if q.metric in ("total", "count") else "total"
    answer = A._metric_block(u, k, metric)
    other = {"total": "count", "count": "total"}[metric]
    if other in q.measures:  # "一共能支持多少项目、总经费多少": both sums, each on its line
        extra = A._metric_block(u, k, other).html.rsplit("\n", 1)[-1]
        if extra not in answer.html:
            answer.html += "\n" + extra
    return answer


def _pooled(q: Query, k: Knowledge) -> Answer:
    """The average of several directions taken together: their budgets added, divided by their
    projects added — computed from the notice's figures and labelled so."""
    lang = q.lang
    dirs = [k.direction_by_id[i] for i in q.programs if i in k.direction_by_id]
    lines = [
        bullet(
            f"{esc(A.label(d, k, lang))}{tr(lang, '：', ': ')}{wan(d.total, lang)}"
            f"{tr(lang, '，', ', ')}{count(d.projects, lang)}"
        )
        for d in dirs
    ]
    total, n = sum(d.total for d in dirs), A._sum_count(dirs)
    per = round(total / n.count, 2) if n.count else 0.0
    lines.append(
        tr(
            lang,
            f"合起来：{wan(total, lang)} ÷ {count(n, lang)} ≈ 平均每个项目{wan(per, lang)}"
            "（按通知的总金额和项目数计算）。",
            f"Together: {wan(total, lang)} ÷ {count(n, lang)} ≈ {wan(per, lang)} per project "
            "(computed from the notice's totals and numbers of projects).",
        )
    )
    if n.qualifier != "exact":
        lines.append(
            tr(
                lang,
                "项目数是通知给出的上限或约数，实际平均可能不同。",
                "The numbers of projects are the notice's limits or estimates, so the real "
                "average may differ.",
            )
        )
    return Answer("\n".join(lines), [d.id for d in dirs])


def _per(value: float, metric: str, lang: str) -> str:
    """A computed mean, rounded: 3306.7万元, CNY 33.07 million, 9.2 projects."""
    if metric == "count":
        n = _num(round(value, 1))
        return tr(lang, f"{n}个项目", f"{n} projects")
    if lang == "en":
        return f"CNY {_num(round(value / 100, 2))} million"
    return wan(round(value, 1), lang)


def _mean(q: Query, k: Knowledge) -> Answer:
    """A mean over directions, computed from the notice's figures and labelled so: a call's
    total or projects over its number of directions, or the named directions' figures over
    their number."""
    lang, metrics = q.lang, q.measures or [q.metric or "total"]
    if not q.programs:
        lines = []
        for c in A._calls_in_scope(q.sync(), k):
            if not c.directions:
                continue
            for m in metrics:
                whole = c.projects.count if m == "count" else c.total
                per = _per(whole / c.directions, m, lang)
                shown = count(c.projects, lang) if m == "count" else wan(c.total, lang)
                what = tr(lang, "项目数", "the number of projects") if m == "count" else ""
                what = what or tr(lang, "经费总概算", "the total budget")
                lines.append(
                    tr(
                        lang,
                        f"按{what}除以方向数计算（通知没有直接给出），{esc(c.name.get(lang))}："
                        f"{shown} ÷ {c.directions}个方向 ≈ 平均每个方向{per}。",
                        f"Computed as {what} divided by the number of directions (the notice "
                        f"states no such figure), {esc(c.name.get(lang))}: {shown} ÷ "
                        f"{c.directions} directions ≈ {per} per "
                        "direction on average.",
                    )
                )
        return Answer("\n".join(lines), [])
    dirs = [k.direction_by_id[i] for i in q.programs if i in k.direction_by_id]
    metric = metrics[0]
    lines, values = [], []
    for d in dirs:
        name = esc(A.label(d, k, lang))
        if metric == "average" and d.average is None:
            # a direction with tracks has one average per track, none of its own
            lines.append(
                bullet(
                    tr(
                        lang,
                        f"{name}：分领域各有平均资助额，没有单一的平均值，未计入",
                        f"{name}: one average per track, no single average; left out",
                    )
                )
            )
            continue
        value = {"total": d.total, "count": float(d.projects.count)}.get(metric, d.average)
        assert value is not None
        values.append(value)
        shown = count(d.projects, lang) if metric == "count" else wan(value, lang)
        lines.append(bullet(f"{name}{tr(lang, '：', ': ')}{shown}"))
    if not values:
        return A.answer(q.sync(), k)
    terms = " + ".join(
        _num(v) if metric == "count" or lang != "en" else _num(v / 100) for v in values
    )
    mean = sum(values) / len(values)
    per = _per(mean, metric, lang)
    what = {
        "average": tr(lang, "平均资助额的平均值", "the mean of the averages per project"),
        "count": tr(lang, "平均每个方向的项目数", "the mean number of projects per direction"),
    }.get(metric, tr(lang, "平均每个方向的经费", "the mean budget per direction"))
    lines.append(
        tr(
            lang,
            f"{what}：({terms}) ÷ {len(values)} ≈ {per}（按通知的数字计算，通知没有直接给出）。",
            f"{what[:1].upper()}{what[1:]}: ({terms}) ÷ {len(values)} ≈ {per} "
            "(computed from the notice's figures; the notice states no such figure).",
        )
    )
    if metric == "count" and any(d.projects.qualifier != "exact" for d in dirs):
        lines.append(
            tr(
                lang,
                "项目数是通知给出的上限或约数。",
                "The numbers of projects are the notice's limits or estimates.",
            )
        )
    return Answer("\n".join(lines), [d.id for d in dirs])


def _times(big: float, small: float) -> str:
    return _num(round(big / small, 2))


def _several_questions(q: Query) -> bool:
    """The message asks more than one question ("哪个平均更高？哪个项目更多？", "1. … 2. …")."""
    text = q.understanding.text if q.understanding else ""
    return len(re.findall(r"[?？]", text)) >= 2 or bool(enumerated_items(text))


def _compare(q: Query, k: Knowledge) -> Answer:
    metrics = [m for m in q.measures if m in ("total", "count", "average")]
    each = set(q.asks) & {"same", "difference"} or _several_questions(q)
    if len(metrics) >= 2 and len(q.groups) == 2 and each:
        # "资助项目数同平均金额有冇分别": each measure compared in turn, not only the first
        parts = [_compare_one(replace(q, metric=m, measures=[m]), k) for m in metrics]
        return Answer("\n\n".join(p.html for p in parts), parts[0].programs)
    return _compare_one(q, k)


def _compare_fields(q: Query, k: Knowledge) -> Answer:
    """Fields compared: each direction's fields, side by side."""
    return A.answer(replace(q, intent=L.FIELDS, op="show").sync(), k)


def _percent_gap(big: float, big_name: str, small: float, small_name: str, lang: str) -> str:
    """ "A比B多50%" is the gap over the smaller; the other way round ("B比A少33.3%") is over the
    larger, so both are said: a reader asking either one finds it."""
    more = _pct((big - small) / small * 100)
    less = _pct((big - small) / big * 100)
    return tr(
        lang,
        f"{esc(big_name)}比{esc(small_name)}多{more}%（{esc(small_name)}比{esc(big_name)}少{less}%）。",
        f"{esc(big_name)} is {more}% more than {esc(small_name)} "
        f"({esc(small_name)} is {less}% less than {esc(big_name)}).",
    )


def _unit_fraction(part: float, whole: float) -> int | None:
    """n when the part is exactly 1/n of the whole ("阿根廷是中韩的三分之一")."""
    if not part or not whole or part >= whole:
        return None
    n = whole / part
    return round(n) if abs(n - round(n)) < 1e-9 else None


def _fraction(part: float, whole: float, lang: str) -> str:
    """ "1/3（约0.33）" when the whole is a whole number of parts, else the decimal."""
    share = _num(round(part / whole, 2))
    n = _unit_fraction(part, whole)
    if n:
        return tr(lang, f"1/{n}（约{share}）", f"1/{n} (about {share})")
    return share


def _pct(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _compare_one(q: Query, k: Knowledge) -> Answer:
    u = q.sync()
    u.metric = q.metric = q.metric or "total"
    base = A._compare(u, k)
    lang, metric = q.lang, q.metric
    values = []
    for group in q.groups:
        dirs = A._dirs(group, k)
        value, _ = A._group_metric(dirs, metric, lang, k)
        values.append((value, A._group_name(group, k, lang)))
    extra = []
    known = [v for v, _ in values if v is not None]
    if "same" in q.asks and len(values) > 2 and len(known) == len(values) and len(set(known)) > 1:
        # "西班牙 → 俄罗斯 → 芬兰的和它们一样吗": the sameness of all of them, answered
        extra.append(tr(lang, "各方不完全相同。", "No, they are not all the same."))
    if len(values) == 2 and all(v is not None for v, _ in values):
        (a, an), (b, bn) = values
        big, bn_big, small, bn_small = (a, an, b, bn) if a >= b else (b, bn, a, an)
        if "same" in q.asks and a != b:
            extra.append(tr(lang, "两者不相同。", "No, they are not the same."))
        if metric == "count" and a != b:
            gap = _num(big - small)
            extra.append(tr(lang, f"相差{gap}个项目。", f"The difference is {gap} projects."))
        if "percent" in q.asks and small and a != b:
            extra.append(_percent_gap(big, bn_big, small, bn_small, lang))
        if "ratio" in q.asks and "reversed" in q.asks and b:
            # "反过来呢": the first side as a multiple of the second, below one when smaller
            times, pct = f"{round(a / b, 3):g}", _pct(100 * a / b)
            extra.append(
                tr(
                    lang,
                    f"{esc(an)}是{esc(bn)}的{times}倍（{pct}%）。",
                    f"{esc(an)} is {times} times {esc(bn)} ({pct}%).",
                )
            )
        elif "ratio" in q.asks and small:
            times = _times(big, small)
            extra.append(
                tr(
                    lang,
                    f"{esc(bn_big)}是{esc(bn_small)}的{times}倍。",
                    f"{esc(bn_big)} is {times} times as much as {esc(bn_small)}.",
                )
            )
        text = q.understanding.text if q.understanding else ""
        if "ratio" in q.asks and small and a != b and O.fraction_asked(text):
            # "阿根廷是它的几分之几": the smaller as a fraction of the larger
            frac = _fraction(small, big, lang)
            extra.append(
                tr(
                    lang,
                    f"{esc(bn_small)}是{esc(bn_big)}的{frac}。",
                    f"{esc(bn_small)} is {frac} of {esc(bn_big)}.",
                )
            )
        if "percent_of" in q.asks and big:
            # "以色列的平均是芬兰平均的百分之几": the part asked as a percentage of the other
            (pv, pn), (wv, wn) = values
            pct = f"{_pct(100 * pv / wv)}%" if wv else None
            if pct:
                extra.append(
                    tr(lang, f"{esc(pn)}是{esc(wn)}的{pct}。", f"{esc(pn)} is {pct} of {esc(wn)}.")
                )
    known = [(v, n) for v, n in values if v is not None]
    if len(values) > 2 and len(known) == len(values) and "order" in q.asks:
        # "按平均从高到低排个序": the figures compared, in the order asked (ties share a place)
        low = q.order == "min" or O.ascending(q.understanding.text if q.understanding else "")
        ordered = sorted(known, key=lambda e: e[0], reverse=not low)
        rows, place = [], 0
        for i, (v, n) in enumerate(ordered, 1):
            place = place if i > 1 and v == ordered[i - 2][0] else i
            shown = _num(v) if metric == "count" else wan(v, lang)
            rows.append(f"{place}. {esc(n)} — {shown}")
        order = tr(
            lang, "从低到高" if low else "从高到低", "low to high" if low else "high to low"
        )
        extra.append(tr(lang, f"排序（{order}）：", f"In order ({order}):"))
        extra.extend(rows)
    if len(values) > 2 and len(known) == len(values) and "difference" in q.asks:
        # "三个里面最高的是哪个，比最低的高多少": the top against the bottom
        top, low = max(v for v, _ in known), min(v for v, _ in known)
        sep = tr(lang, "、", ", ")
        tn = sep.join(n for v, n in known if v == top)  # a tie names each
        ln = sep.join(n for v, n in known if v == low)
        if top != low:
            gap = _num(top - low) if metric == "count" else wan(top - low, lang)
            unit = tr(lang, "个项目", " projects") if metric == "count" else ""
            extra.append(
                tr(
                    lang,
                    f"最高的{esc(tn)}比最低的{esc(ln)}多{gap}{unit}。",
                    f"The highest, {esc(tn)}, is {gap}{unit} above the lowest, {esc(ln)}.",
                )
            )
    if extra:
        base.html += "\n" + "\n".join(extra)
    return base


def _compare_tracks(q: Query, k: Knowledge) -> Answer:
    """The funding lines (tracks) of one direction side by side, with the gap or ratio asked,
    for each measure asked ("领域一比领域二总经费多多少？平均资助额又相差多少？")."""
    d = k.direction_by_id[q.groups[0][0]]
    several = [m for m in q.measures if m in ("total", "count", "average")]
    metrics = several if len(several) >= 2 else [q.metric or "total"]
    lines = [line for m in metrics for line in _tracks_lines(q, k, m)]
    return Answer("\n".join(lines), [d.id], A._next_for([d.id], k, q.lang))


def _tracks_lines(q: Query, k: Knowledge, metric: str) -> list[str]:
    """The tracks of one direction by one measure, with the gap or ratio asked."""
    lang = q.lang
    d = k.direction_by_id[q.groups[0][0]]
    rows, values = [], []
    for f in d.funding:
        value = {"total": f.total, "count": f.projects.count, "average": f.average}[metric]
        shown = (
            count(f.projects, lang) if metric == "count" else wan(value, lang) if value else "—"
        )
        rows.append(bullet(f"<b>{esc(A._track(f, lang))}</b>{tr(lang, '：', ': ')}{shown}"))
        if value is not None:
            values.append((value, A._track(f, lang)))
    name = A.label(d, k, lang)
    lines = [
        tr(
            lang,
            f"{esc(name)}各领域{_mname(metric, lang)}：",
            f"{esc(name)}, {_mname(metric, lang)} by track:",
        ),
        *rows,
    ]
    if len(values) == len(d.funding) and len(values) >= 2:
        top, low = max(v for v, _ in values), min(v for v, _ in values)
        tn = next(n for v, n in values if v == top)
        ln = next(n for v, n in values if v == low)
        if top == low:
            lines.append(tr(lang, "两者相同。", "They are the same."))
        else:
            gap = _num(top - low) if metric == "count" else wan(top - low, lang)
            unit = tr(lang, "个项目", " projects") if metric == "count" else ""
            zh, en = ("更高", "higher") if metric == "average" else ("更多", "larger")
            lines.append(
                tr(
                    lang,
                    f"{esc(tn)}{zh}，相差{gap}{unit}。",
                    f"{esc(tn)} is {en}, by {gap}{unit}.",
                )
            )
            if "ratio" in q.asks and low:
                times = _times(top, low)
                # both ways round: "领域二是领域一的几分之几" asks the smaller over the larger
                back = _times(low, top)
                lines.append(
                    tr(
                        lang,
                        f"前者是后者的{times}倍（{esc(ln)}是前者的{back}倍）。",
                        f"That is {times} times {esc(ln)} ({esc(ln)} is {back} times {esc(tn)}).",
                    )
                )
    return lines


# -- both calls -----------------------------------------------------------------------------------


def _call_sum(q: Query, k: Knowledge) -> tuple[list[str], float, Count]:
    calls = [k.call_by_id[c] for c in q.calls if c in k.call_by_id] or list(k.calls)
    lines = []
    for c in calls:
        if q.metric == "count" and "total" not in q.measures:
            lines.append(
                tr(
                    lang := q.lang,
                    f"<b>{esc(c.name.get(lang))}</b>：项目{count(c.projects, lang, noun=False)}。",
                    f"<b>{esc(c.name.get(lang))}</b>: {count(c.projects, lang)}.",
                )
            )
        else:
            lines.append(A._call_budget_line(c, q.lang))
    total = sum(c.total for c in calls)
    quals = {c.projects.qualifier for c in calls}
    projects = Count(
        sum(c.projects.count for c in calls),
        "about" if "about" in quals else "up_to" if "up_to" in quals else "exact",
    )
    return lines, total, projects


def _sum_directions(q: Query, k: Knowledge) -> Answer:
    """The number of directions of several calls, and together."""
    lang = q.lang
    calls = [k.call_by_id[c] for c in q.calls if c in k.call_by_id] or list(k.calls)
    lines, total = [], 0
    for c in calls:
        n = sum(1 for d in k.directions if d.call == c.id)
        total += n
        name = esc(c.name.get(lang))
        noun = "direction" if n == 1 else "directions"
        lines.append(tr(lang, f"<b>{name}</b>：{n}个指南方向。", f"<b>{name}</b>: {n} {noun}."))
    lines.append(tr(lang, f"合计：{total}个指南方向", f"Together: {total} directions"))
    return Answer("\n".join(lines), [], A._starter_suggestions(lang))


def _sum_calls(q: Query, k: Knowledge) -> Answer:
    lang = q.lang
    if q.metric == "directions":
        return _sum_directions(q, k)
    if q.metric == "average":
        return _pooled_call_average(q, k)
    lines, total, projects = _call_sum(q, k)
    # "两个专项一共多少经费、多少个项目": each measure asked is added up
    parts = []
    if q.metric != "count" or "total" in q.measures:
        parts.append(wan(total, lang))
    if q.metric == "count" or "count" in q.measures:
        parts.append(count(projects, lang))
    shown = tr(lang, "，", ", ").join(parts)
    if len(lines) > 1:  # one call's figure is its own line, with nothing to add it to
        lines.append(tr(lang, f"合计：{shown}", f"Together: {shown}"))
    return Answer("\n".join(lines), [], A._starter_suggestions(lang))


def _pooled_call_average(q: Query, k: Knowledge) -> Answer:
    """Several calls' average per project taken together: their budgets added, divided by their
    projects added, computed and labelled so (the notice states no such average)."""
    lang = q.lang
    calls = [k.call_by_id[c] for c in q.calls if c in k.call_by_id] or list(k.calls)
    lines = [A._call_budget_line(c, lang) for c in calls]
    total = sum(c.total for c in calls)
    quals = {c.projects.qualifier for c in calls}
    projects = Count(
        sum(c.projects.count for c in calls),
        "about" if "about" in quals else "up_to" if "up_to" in quals else "exact",
    )
    if projects.count:
        per = round(total / projects.count)  # to 10,000 CNY: a computed figure, not the notice's
        lines.append(
            tr(
                lang,
                f"合起来按经费总概算除以项目数计算（通知没有直接给出）：{wan(total, lang)} ÷ "
                f"{count(projects, lang)} ≈ {wan(per, lang)}/项。",
                f"Together, computed as the budgets divided by the projects (the notice states "
                f"no such average): {wan(total, lang)} ÷ {count(projects, lang)} ≈ "
                f"{wan(per, lang)} per project.",
            )
        )
    return Answer("\n".join(lines), [], A._starter_suggestions(lang))


def _compare_calls(q: Query, k: Knowledge) -> Answer:
    lang = q.lang
    calls = [k.call_by_id[c] for c in q.calls if c in k.call_by_id] or list(k.calls)
    lines, _, _ = _call_sum(q, k)
    if len(calls) == 2:
        a, b = calls
        va, vb = (
            (a.projects.count, b.projects.count) if q.metric == "count" else (a.total, b.total)
        )
        big, small = (a, b) if va >= vb else (b, a)
        gap = abs(va - vb)
        shown = (
            _num(gap) + tr(lang, "个项目", " projects") if q.metric == "count" else wan(gap, lang)
        )
        lines.append(
            tr(
                lang,
                f"{esc(big.short.get(lang))}比{esc(small.short.get(lang))}多{shown}。",
                f"{esc(big.short.get(lang))} has {shown} more than {esc(small.short.get(lang))}.",
            )
        )
        if "ratio" in q.asks and min(va, vb):
            lines.append(
                tr(
                    lang,
                    f"约为{_times(max(va, vb), min(va, vb))}倍。",
                    f"About {_times(max(va, vb), min(va, vb))} times.",
                )
            )
    return Answer("\n".join(lines), [], A._starter_suggestions(lang))


# -- a part's share of a whole --------------------------------------------------------------------


def _percent(part: float, whole: float) -> str:
    """One decimal ("26.2%"); two below 1% so a small share does not read as 0; a whole
    percentage without its zeros ("10%", not "10.0%")."""
    p = 100 * part / whole
    shown = f"{p:.2f}" if p < 1 else f"{p:.1f}"
    return shown.rstrip("0").removesuffix(".") + "%" if "." in shown else shown + "%"


def _share_parts(q: Query, k: Knowledge) -> tuple[list[tuple[str, float, str, str]], list[str]]:
    """(name, value, shown, shown in the sum) per part, and the directions they are of: the
    tracks of one direction, each group asked, or all of them added up."""
    lang, metric = q.lang, q.metric if q.metric == "count" else "total"
    groups_in = q.groups[:1] if "of_directions" in q.asks else q.groups
    dirs = [k.direction_by_id[d] for g in groups_in for d in g if d in k.direction_by_id]
    ids = [d.id for d in dirs]

    def plain(v: float) -> str:  # the figures of the division, without the 亿 repeat
        return f"{_num(v)}{tr(lang, '万元', '')}" if lang != "en" else wan(v, lang)

    parts = []
    if "tracks" in q.asks and len(dirs) == 1:
        for f in dirs[0].funding:
            name = esc(A._track(f, lang))
            if metric == "count":
                parts.append((name, float(f.projects.count), count(f.projects, lang), ""))
            else:
                parts.append((name, f.total, wan(f.total, lang), plain(f.total)))
        return parts, ids
    groups = [[d] for d in dirs] if "each" in q.asks else [dirs]
    for g in groups:
        name = tr(lang, "、", ", ").join(esc(A.label(d, k, lang)) for d in g)
        if len(g) > 1:
            name = tr(lang, f"{name}合计", f"{name} together")
        if metric == "count":
            c = A._sum_count(g)
            parts.append((name, float(c.count), count(c, lang), ""))
        else:
            v = sum(d.total for d in g)
            parts.append((name, v, wan(v, lang), plain(v)))
    return parts, ids


def _loose(dirs: list[Direction], q: Query, k: Knowledge) -> bool:
    """Whether a count of the share is "up to" or "about" rather than exact."""
    calls = [k.call_by_id[c] for c in q.calls if c in k.call_by_id]
    counts = [d.projects for d in dirs] + [c.projects for c in calls]
    return any(c.qualifier != "exact" for c in counts)


def _share(q: Query, k: Knowledge) -> Answer:
    """The part's figure, the whole's figure and the percentage. The whole is one call or both
    as the notice states them (its 总概算), or one direction for the share of each of its
    tracks; never a figure the notice lacks."""
    lang, metric = q.lang, q.metric if q.metric == "count" else "total"
    parts, ids = _share_parts(q, k)
    dirs = [k.direction_by_id[d] for d in ids]
    if "of_directions" in q.asks and len(q.groups) == 2:
        # a whole of directions: "韩国能源占韩国两个方向合计的比例"
        whole_dirs = [k.direction_by_id[d] for d in q.groups[1] if d in k.direction_by_id]
        whole_name = tr(lang, "、", ", ").join(esc(A.label(d, k, lang)) for d in whole_dirs)
        if len(whole_dirs) > 1:
            whole_name = tr(lang, f"{whole_name}合计", f"{whole_name} together")
        if metric == "count":
            whole_c = A._sum_count(whole_dirs)
            whole_v, whole_s = float(whole_c.count), count(whole_c, lang)
        else:
            whole_v = sum(d.total for d in whole_dirs)
            whole_s = wan(whole_v, lang)
        # "中德经费是中芬的百分之几": one direction set against another is a plain percentage of
        # it, not a part of a call outside it (no note)
        members = {d.id for d in whole_dirs}
        inside = set(ids) <= members or not set(ids) & members
        ids = list(dict.fromkeys([*ids, *(d.id for d in whole_dirs)]))
    elif "tracks" in q.asks and len(dirs) == 1:
        d = dirs[0]
        whole_name = esc(A.label(d, k, lang))
        whole_v = float(d.projects.count) if metric == "count" else d.total
        whole_s = count(d.projects, lang) if metric == "count" else wan(d.total, lang)
        inside = True
    else:
        calls = [k.call_by_id[c] for c in q.calls if c in k.call_by_id] or list(k.calls)
        whole_name = tr(lang, "和", " and ").join(esc(c.name.get(lang)) for c in calls)
        if metric == "count":
            whole_c = Count(
                sum(c.projects.count for c in calls),
                "about" if any(c.projects.qualifier == "about" for c in calls) else "up_to",
            )
            whole_v, whole_s = float(whole_c.count), count(whole_c, lang)
        else:
            whole_v = sum(c.total for c in calls)
            whole_s = wan(whole_v, lang)
        inside = all(d.call in {c.id for c in calls} for d in dirs)
    if not whole_v or not parts:
        return A.answer(q.sync(), k)
    label = tr(lang, "资助项目数", "number of projects") if metric == "count" else ""
    label = label or tr(lang, "总经费", "total budget")
    whole_plain = whole_s if metric == "count" or lang == "en" else f"{_num(whole_v)}万元"
    lines = [
        bullet(
            f"<b>{name}</b>{tr(lang, '：', ': ')}{shown}"
            + (tr(lang, f"，约占{_percent(v, whole_v)}", f", about {_percent(v, whole_v)}"))
            * (len(parts) > 1)
        )
        for name, v, shown, _ in parts
    ]
    lines.append(
        bullet(
            tr(
                lang,
                f"<b>{whole_name}</b>：{label}{whole_s}",
                f"<b>{whole_name}</b>, {label}: {whole_s}",
            )
        )
    )
    if len(parts) > 1 and "tracks" not in q.asks:
        together = sum(v for _, v, _, _ in parts)
        pct = _percent(together, whole_v)
        lines.append(tr(lang, f"合计约占{pct}。", f"Together: about {pct}."))
    if len(parts) == 1:
        _, v, shown, sum_shown = parts[0]
        pct = _percent(v, whole_v)
        a = sum_shown or shown
        lines.append(
            tr(
                lang,
                f"占比：约{pct}（{a} ÷ {whole_plain}）。",
                f"Share: about {pct} ({a} of {whole_plain}).",
            )
        )
        lines += _fraction_verdict(q, v, whole_v)
        n = _unit_fraction(v, whole_v)
        if n and O.fraction_asked(q.understanding.text if q.understanding else ""):
            # "德国是芬兰的几分之几": the share said as the fraction asked
            lines.append(tr(lang, f"即1/{n}。", f"That is 1/{n}."))
    if metric == "count" and _loose(dirs, q, k):
        # "不超过20个 ÷ 约138个": the share is of the numbers as stated, not of a count known
        lines.append(
            tr(
                lang,
                "项目数按通知所写的数字（“不超过”“约”）计算。",
                "Project numbers as the notice states them (up to / about).",
            )
        )
    if not inside:
        # "Macao is what percentage of the intergovernmental total?": a direction of the other
        # call is no part of this one; the figure sets the one against the other
        lines.append(
            tr(
                lang,
                "注意：所问方向不属于该专项，以上是两者之比。",
                "Note: that direction is not part of this call; the figure sets one against "
                "the other.",
            )
        )
    return Answer("\n".join(lines), ids, A._next_for(ids, k, lang))
