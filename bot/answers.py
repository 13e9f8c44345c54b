"""Answers computed from the knowledge for each intent, as Telegram-safe HTML.

Every figure comes from the knowledge object; sums are sums of stated figures, never estimates
(an overall average the notice does not state is not computed). The handler and the CLI strip the
HTML for plain text, so wording lives here once.

There is one answer path: the engine (``ask`` from text, ``ask_about`` from a button or inline
card) builds a ``Query`` and bot/execute.py runs it; ``answer`` here is what execute calls for
the plain operation ``show`` and for the answerable part beside a missing aspect.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot import intents as L
from bot.render import bullet, count, esc, tr, wan, years
from bot.resolve import topic_directions
from bot.selfdesc import cannot_answer, help_text
from bot.understand import Understanding
from bot.vocab import vocabulary
from knowledge.model import Call, Count, Direction, Funding, Knowledge
from textnorm.normalize import normalize, whole_word_spans


@dataclass(frozen=True)
class Suggestion:
    """A natural next question, shown as a button on Telegram and as a hint elsewhere."""

    label: str
    query: str
    intent: str = ""
    programs: tuple[str, ...] = ()


@dataclass
class Answer:
    html: str
    programs: list[str] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    focus: list[str] | None = None  # what "it/它" means next: a ranking's winners


# Lists longer than this are cut with "… and N more": a phone screen, not a database dump.
MAX_LIST = 40


def _more(n: int, lang: str) -> str:
    return tr(
        lang, f"……另有{n}个，请问得更具体些。", f"… and {n} more; please ask more specifically."
    )


# -- labels -------------------------------------------------------------------------------------


def label(d: Direction, k: Knowledge, lang: str) -> str:
    """Label like "1.6 中芬科技合作"; a direction of any call but the first (the notice's main
    call) is prefixed with its call's short name, since the numbers repeat across calls."""
    prefix = ""
    if k.calls and d.call != k.calls[0].id and d.call in k.call_by_id:
        prefix = k.call_by_id[d.call].short.get(lang) + " "
    return f"{prefix}{d.number} {d.short.get(lang)}"


def partner_name(d: Direction, k: Knowledge, lang: str) -> str:
    p = k.partner_by_id.get(d.partner)
    return p.name.get(lang) if p else d.partner


def _group_name(group: list[str], k: Knowledge, lang: str) -> str:
    dirs = [k.direction_by_id[i] for i in group]
    if len(dirs) == 1:
        return label(dirs[0], k, lang)
    if len({d.partner for d in dirs}) > 1:
        # a sum over several partners ("Austria and Germany together") is named by all of them
        names = list(dict.fromkeys(partner_name(d, k, lang) for d in dirs))
        return tr(lang, "、".join(names) + "合计", " + ".join(names))
    return partner_name(dirs[0], k, lang)


def _sum_count(dirs: list[Direction]) -> Count:
    n = sum(d.projects.count for d in dirs)
    quals = {d.projects.qualifier for d in dirs}
    return Count(n, "about" if "about" in quals else "up_to" if "up_to" in quals else "exact")


def _track(f: Funding, lang: str) -> str:
    return f.track.get(lang) if f.track else ""


def _funding_line(f: Funding, lang: str) -> str:
    parts = [wan(f.total, lang), count(f.projects, lang)]
    if f.average is not None:
        parts.append(
            tr(
                lang,
                f"平均每项{wan(f.average, lang)}",
                f"{wan(f.average, lang)} per project on average",
            )
        )
    return tr(lang, "，", ", ").join(parts)


# -- intents ------------------------------------------------------------------------------------


def answer(u: Understanding, k: Knowledge) -> Answer:
    handler: Callable[[Understanding, Knowledge], Answer] = {
        L.BUDGET: _budget,
        L.AVERAGE: _average,
        L.COUNT: _count,
        L.FIELDS: _fields,
        L.TOPIC: _topic,
        L.DETAIL: _detail,
        L.COMPARE: _compare,
        L.RANK: _rank,
        L.OVERVIEW: _overview,
        L.PERIOD: _period,
        L.PARTNERS: _partners,
        L.HELP: _help,
    }.get(u.intent, _unknown)
    result = handler(u, k)
    if u.intent != L.UNKNOWN and u.oos_words:
        result.html += "\n" + _missing_note(u.oos_words, u.lang)
    return result


def no_direction_note(places: list[str], lang: str) -> str:
    """ "The notice has no direction with Japan." for places outside the calls asked beside a
    named one; each place by its own name in the reply's language (台灣 kept, not converted)."""
    names = []
    for place in places:
        known = vocabulary().place_named(place)
        names.append(known.name(lang) if known and lang != "en" else place)
    joined = tr(lang, "、", ", ").join(names)
    return tr(
        lang,
        "这份通知中没有与{place}合作的方向。",
        "The notice has no direction with {place}.",
    ).format(place=esc(joined))


def _missing_note(words: list[str], lang: str) -> str:
    """The part of a mixed question the notice does not answer ("…顺便问下什么时候截止")."""
    what = [a.name(lang) for a in vocabulary().aspects_for(words)]
    text = tr(lang, "、", ", ").join(what) if what else tr(lang, "其余问题", "the rest")
    return tr(lang, f"（通知没有给出{text}。）", f"(The notice does not give {text}.)")


def _dirs(group: list[str], k: Knowledge) -> list[Direction]:
    return [k.direction_by_id[i] for i in group if i in k.direction_by_id]


def _calls_in_scope(u: Understanding, k: Knowledge) -> list[Call]:
    if u.scope and u.scope in k.call_by_id:
        return [k.call_by_id[u.scope]]
    return list(k.calls)


def _call_budget_line(c: Call, lang: str) -> str:
    return tr(
        lang,
        f"<b>{esc(c.name.get(lang))}</b>（{c.year}年度）：经费总概算{wan(c.total, lang)}，"
        f"{c.directions}个指南方向，拟支持项目{count(c.projects, lang, noun=False)}。",
        f"<b>{esc(c.name.get(lang))}</b> ({c.year}): total budget {wan(c.total, lang)}, "
        f"{c.directions} direction(s), {count(c.projects, lang)}.",
    )


def _metric_block(u: Understanding, k: Knowledge, metric: str) -> Answer:
    """Budget, count or average for one or several named groups."""
    lang = u.lang
    lines: list[str] = []
    seen: dict[str, Direction] = {}
    for group in u.groups[:MAX_LIST]:
        dirs = [d for d in _dirs(group, k) if d.id not in seen]
        if not dirs:
            continue
        seen.update((d.id, d) for d in dirs)
        if len(dirs) == 1:
            lines.append(_one_metric(dirs[0], k, lang, metric))
        else:
            lines.append(_partner_metric(dirs, k, lang, metric))
    programs = list(seen)
    all_dirs = list(seen.values())
    if len(u.groups) > MAX_LIST:
        lines.append(_more(len(u.groups) - MAX_LIST, lang))
    if len(u.groups) > 1 and metric in ("total", "count") and len(all_dirs) > 1:
        if metric == "total":
            lines.append(
                tr(
                    lang,
                    f"合计：{wan(sum(d.total for d in all_dirs), lang)}",
                    f"Together: {wan(sum(d.total for d in all_dirs), lang)}",
                )
            )
        else:
            lines.append(
                tr(
                    lang,
                    f"合计：{count(_sum_count(all_dirs), lang)}",
                    f"Together: {count(_sum_count(all_dirs), lang)}",
                )
            )
    return Answer("\n".join(lines), programs, _next_for(programs, k, lang))


def _one_metric(d: Direction, k: Knowledge, lang: str, metric: str) -> str:
    head = f"<b>{esc(label(d, k, lang))}</b>"
    if metric == "total":
        if len(d.funding) > 1:
            tracks = tr(lang, "；", "; ").join(
                f"{esc(_track(f, lang))}：{wan(f.total, lang)}（{count(f.projects, lang)}）"
                if lang != "en"
                else f"{esc(_track(f, lang))}: {wan(f.total, lang)} ({count(f.projects, lang)})"
                for f in d.funding
            )
            return tr(
                lang,
                f"{head}：总金额{wan(d.total, lang)}。{tracks}。",
                f"{head}: {wan(d.total, lang)} in total. {tracks}.",
            )
        f = d.funding[0]
        avg = ""
        if f.average is not None:
            avg = tr(
                lang,
                f"，平均每项{wan(f.average, lang)}",
                f", {wan(f.average, lang)} per project on average",
            )
        return tr(
            lang,
            f"{head}：总金额{wan(d.total, lang)}，资助{count(f.projects, lang)}{avg}。",
            f"{head}: total {wan(d.total, lang)} for {count(f.projects, lang)}{avg}.",
        )
    if metric == "count":
        if len(d.funding) > 1:
            tracks = tr(lang, "；", "; ").join(
                f"{esc(_track(f, lang))}{tr(lang, '：', ': ')}{count(f.projects, lang)}"
                for f in d.funding
            )
            return tr(
                lang,
                f"{head}：共资助{count(d.projects, lang)}（{tracks}）。",
                f"{head}: {count(d.projects, lang)} in all ({tracks}).",
            )
        f = d.funding[0]
        return tr(
            lang,
            f"{head}：资助{count(f.projects, lang)}（总金额{wan(f.total, lang)}）。",
            f"{head}: {count(f.projects, lang)} (total {wan(f.total, lang)}).",
        )
    # average
    if len(d.funding) > 1:
        tracks = tr(lang, "；", "; ").join(
            f"{esc(_track(f, lang))}{tr(lang, '：平均每项', ': ')}{wan(f.average, lang)}"
            + tr(lang, "", " per project")
            for f in d.funding
            if f.average is not None
        )
        return tr(
            lang,
            f"{head}分两个领域，各有平均资助额：{tracks}。",
            f"{head} has two tracks with their own averages: {tracks}.",
        )
    f = d.funding[0]
    if f.average is None:
        return tr(
            lang,
            f"{head}：通知没有给出平均资助金额。",
            f"{head}: the notice gives no average amount.",
        )
    return tr(
        lang,
        f"{head}：平均每个项目{wan(f.average, lang)}"
        f"（总金额{wan(f.total, lang)}，{count(f.projects, lang)}）。",
        f"{head}: {wan(f.average, lang)} per project on average "
        f"(total {wan(f.total, lang)}, {count(f.projects, lang)}).",
    )


def _partner_metric(dirs: list[Direction], k: Knowledge, lang: str, metric: str) -> str:
    pname = esc(partner_name(dirs[0], k, lang))
    n = len(dirs)
    rows = []
    for d in dirs:
        lab = esc(label(d, k, lang))
        if metric == "total":
            rows.append(
                bullet(
                    f"{lab}{tr(lang, '：', ': ')}{wan(d.total, lang)}"
                    f"{tr(lang, '（', ' (')}{count(d.projects, lang)}"
                    f"{tr(lang, '）', ')')}"
                )
            )
        elif metric == "count":
            rows.append(bullet(f"{lab}{tr(lang, '：', ': ')}{count(d.projects, lang)}"))
        else:
            if len(d.funding) > 1:
                avgs = tr(lang, "；", "; ").join(
                    f"{esc(_track(f, lang))} {wan(f.average, lang)}"
                    for f in d.funding
                    if f.average is not None
                )
                rows.append(bullet(f"{lab}{tr(lang, '：', ': ')}{avgs}"))
            elif d.average is not None:
                rows.append(
                    bullet(
                        f"{lab}{tr(lang, '：平均每项', ': ')}{wan(d.average, lang)}"
                        + tr(lang, "", " per project")
                    )
                )
    if len({d.partner for d in dirs}) > 1:
        # the directions of a filter or a ranking just given ("总经费超过5000万的有哪些 → 项目数
        # 呢") are no one partner's: not "欧盟共4个方向" for Spain, Finland and Russia
        who = tr(lang, f"这{n}个方向", f"These {n} directions")
        if metric == "total":
            total = wan(sum(d.total for d in dirs), lang)
            head = tr(lang, f"{who}合计{total}：", f"{who}: {total} in total:")
        elif metric == "count":
            projects = count(_sum_count(dirs), lang)
            head = tr(lang, f"{who}合计{projects}：", f"{who}: {projects} in total:")
        else:
            head = tr(lang, f"{who}的平均资助额分别为：", f"{who}, average per project:")
        return "\n".join([head, *rows])
    if metric == "total":
        head = tr(
            lang,
            f"<b>{pname}</b>共{n}个方向，合计{wan(sum(d.total for d in dirs), lang)}：",
            f"<b>{pname}</b> has {n} directions, {wan(sum(d.total for d in dirs), lang)} "
            f"in total:",
        )
    elif metric == "count":
        head = tr(
            lang,
            f"<b>{pname}</b>共{n}个方向，合计{count(_sum_count(dirs), lang)}：",
            f"<b>{pname}</b> has {n} directions, {count(_sum_count(dirs), lang)} in total:",
        )
    else:
        head = tr(
            lang,
            f"<b>{pname}</b>共{n}个方向，平均资助额分别为：",
            f"<b>{pname}</b> has {n} directions; average per project:",
        )
    return "\n".join([head, *rows])


def _budget(u: Understanding, k: Knowledge) -> Answer:
    if u.groups:
        return _metric_block(u, k, "total")
    lines = [_call_budget_line(c, u.lang) for c in _calls_in_scope(u, k)]
    return Answer("\n".join(lines), [], _starter_suggestions(u.lang))


def _count(u: Understanding, k: Knowledge) -> Answer:
    if u.groups:
        return _metric_block(u, k, "count")
    lang = u.lang
    lines = []
    for c in _calls_in_scope(u, k):
        lines.append(
            tr(
                lang,
                f"<b>{esc(c.name.get(lang))}</b>：项目{count(c.projects, lang, noun=False)}"
                f"（{c.directions}个方向，经费{wan(c.total, lang)}）。",
                f"<b>{esc(c.name.get(lang))}</b>: {count(c.projects, lang)} "
                f"({c.directions} direction(s), {wan(c.total, lang)}).",
            )
        )
    return Answer("\n".join(lines), [], _starter_suggestions(lang))


def _average(u: Understanding, k: Knowledge, computed: bool = False) -> Answer:
    if u.groups:
        return _metric_block(u, k, "average")
    lang = u.lang
    rows = []
    # the call's own average computed: its directions only, not the other call's
    pool = [d for d in k.directions if not (computed and u.scope) or d.call == u.scope]
    for d in pool[:MAX_LIST]:
        avgs = tr(lang, "；", "; ").join(
            (f"{esc(_track(f, lang))} " if f.track else "") + wan(f.average, lang)
            for f in d.funding
            if f.average is not None
        )
        rows.append(bullet(f"{esc(label(d, k, lang))}{tr(lang, '：', ': ')}{avgs}"))
    head = tr(
        lang,
        "通知没有给出整个专项的平均资助额；各方向的平均资助金额（每项）：",
        "The notice gives no average for the call as a whole; the average per project of "
        "each direction:",
    )
    if len(pool) > MAX_LIST:
        rows.append(_more(len(pool) - MAX_LIST, lang))
    # the call's budget ÷ its projects only when that arithmetic is asked (rule call_average):
    # as the answer to "平均每个项目多少钱" it would read as a figure of the notice
    quotients = _call_quotients(u, k) if computed else []
    # the call's own quotient answers it: the directions' averages are only its background
    shown = [] if quotients else [d.id for d in pool[:MAX_LIST]]
    return Answer("\n".join([head, *quotients, *rows]), shown)


def _call_quotients(u: Understanding, k: Knowledge) -> list[str]:
    """A call's budget divided by its number of projects, computed from the two figures the
    notice gives and labelled as computed (the notice states no such average)."""
    lines = []
    for c in _calls_in_scope(u, k):
        if not c.projects.count:
            continue
        per = round(c.total / c.projects.count, 1)
        lines.append(
            tr(
                u.lang,
                f"按经费总概算除以项目数计算，{esc(c.name.get(u.lang))}："
                f"{wan(c.total, u.lang)} ÷ {count(c.projects, u.lang)} ≈ "
                f"{wan(per, u.lang)}/项。",
                f"Computed as the budget divided by the number of projects, "
                f"{esc(c.name.get(u.lang))}: {wan(c.total, u.lang)} ÷ {count(c.projects, u.lang)}"
                f" ≈ {wan(per, u.lang)} per project.",
            )
        )
    return lines


def _field_lines(d: Direction, lang: str) -> list[str]:
    return [bullet(esc(f.get(lang))) for f in d.fields]


def _topic_keys(k: Knowledge, topic_ids: tuple[str, ...]) -> tuple[str, ...]:
    cache_key = ("topic-keys", topic_ids)
    if cache_key not in k._cache:
        keys: dict[str, None] = {}
        for t in topic_ids:
            for tid in k.topic_closure(t):
                topic = k.topic_by_id[tid]
                for a in (topic.name.zh_hans, topic.name.en, *topic.aliases):
                    key = normalize(a)
                    if len(key) >= 2:
                        keys[key] = None
        k._cache[cache_key] = tuple(keys)
    return k._cache[cache_key]


def _field_haystacks(k: Knowledge, d: Direction) -> tuple[str, ...]:
    cache_key = ("fields", d.id)
    if cache_key not in k._cache:
        k._cache[cache_key] = tuple(normalize(f.zh_hans) + " " + normalize(f.en) for f in d.fields)
    return k._cache[cache_key]


# whether the topic is all a direction funds is asked: "只有氢能吗", "淨係做食品？", "only X?"
_ONLY_ASKED = re.compile(r"\bonly\b|只有|只是|只做|只支持|只资助|只資助|仅|僅|淨係|净系|只係|只系")


def _topic_fields(d: Direction, topic_ids: list[str], k: Knowledge, lang: str) -> list[str]:
    """The field lines of ``d`` that mention one of the topics (for "does X fund Y")."""
    keys = _topic_keys(k, tuple(topic_ids))
    return [
        f.get(lang)
        for f, hay in zip(d.fields, _field_haystacks(k, d), strict=True)
        if any(_key_in(key, hay) for key in keys)
    ]


def _key_in(key: str, hay: str) -> bool:
    """A topic word in a field: a Latin word whole ("sea" is not in "diseases")."""
    if key not in hay:
        return False
    if not key[0].isascii() or not key[0].isalnum():
        return True
    return next(whole_word_spans(key, hay), None) is not None


def _fields(u: Understanding, k: Knowledge) -> Answer:
    lang = u.lang
    if not u.groups:
        rows = []
        for d in k.directions[:MAX_LIST]:
            fields = tr(lang, "；", "; ").join(f.get(lang) for f in d.fields)
            rows.append(
                bullet(f"<b>{esc(label(d, k, lang))}</b>{tr(lang, '：', ': ')}{esc(fields)}")
            )
        if len(k.directions) > MAX_LIST:
            rows.append(_more(len(k.directions) - MAX_LIST, lang))
        head = tr(lang, "各方向的资助领域：", "Fields of each direction:")
        return Answer("\n".join([head, *rows]), [d.id for d in k.directions[:MAX_LIST]])
    blocks = []
    programs: list[str] = []
    for group in u.groups:
        for d in _dirs(group, k):
            programs.append(d.id)
            head = tr(
                lang,
                f"<b>{esc(label(d, k, lang))}</b> 资助领域：",
                f"<b>{esc(label(d, k, lang))}</b> funds these fields:",
            )
            lines = [head, *_field_lines(d, lang)]
            if u.unknown_topic and not u.topics:
                # a field no direction names, asked of this one: said before its fields
                term = esc(u.unknown_topic)
                lines.insert(
                    0,
                    tr(
                        lang,
                        f"该方向的领域中没有明确提到“{term}”。",
                        f"Its fields do not mention “{term}”.",
                    ),
                )
            if u.topics:
                tnames = (
                    "、".join(k.topic_by_id[t].name.get(lang) for t in u.topics)
                    if lang != "en"
                    else ", ".join(k.topic_by_id[t].name.en for t in u.topics)
                )
                hits = _topic_fields(d, u.topics, k, lang)
                if hits and len(hits) < len(d.fields) and _ONLY_ASKED.search(u.text.lower()):
                    # "只有氢能吗", "Is it only astrophysics?": it is there, with others
                    lines.insert(
                        0,
                        tr(
                            lang,
                            f"不只：涉及{esc(tnames)}，也资助其他领域。",
                            f"Not only: it covers {esc(tnames)} and other fields too.",
                        ),
                    )
                elif hits:
                    lines.insert(
                        0, tr(lang, f"是的，涉及{esc(tnames)}。", f"Yes, it covers {esc(tnames)}.")
                    )
                else:
                    lines.insert(
                        0,
                        tr(
                            lang,
                            f"该方向的领域中没有明确提到{esc(tnames)}。",
                            f"Its fields do not mention {esc(tnames)}.",
                        ),
                    )
            blocks.append("\n".join(lines))
    return Answer("\n\n".join(blocks), programs, _next_for(programs, k, lang))


def _measured(d: Direction, measures: list[str], lang: str, hits: list[str]) -> str:
    """The figures asked of one direction on a topic; a direction of two tracks gives the
    figures of the track on the topic (``hits``: its fields on the topic), else each track's."""

    def parts(f: Funding) -> list[str]:
        out = []
        for m in measures:
            if m == "total":
                out.append(tr(lang, f"总金额{wan(f.total, lang)}", f"total {wan(f.total, lang)}"))
            elif m == "count":
                out.append(count(f.projects, lang))
            elif m == "average":
                out.append(
                    tr(
                        lang,
                        f"平均每项{wan(f.average, lang)}",
                        f"{wan(f.average, lang)} per project on average",
                    )
                    if f.average is not None
                    else tr(lang, "通知没有给出平均资助金额", "the notice gives no average")
                )
        return out

    sep = tr(lang, "，", ", ")
    if len(d.funding) == 1:
        return sep.join(parts(d.funding[0]))
    funding = list(d.funding)
    if len(d.fields) == len(d.funding) and 0 < len(hits) < len(d.fields):
        # one field per track (the EU flagship's): the track of the field on the topic
        funding = [f for f, x in zip(d.funding, d.fields, strict=True) if x.get(lang) in hits]
        if len(funding) == 1:
            return sep.join(parts(funding[0]))
    tracks = tr(lang, "；", "; ").join(
        f"{esc(_track(f, lang))}{tr(lang, '：', ': ')}{sep.join(parts(f))}" for f in funding
    )
    whole = []
    if "total" in measures:
        whole.append(tr(lang, f"总金额{wan(d.total, lang)}", f"total {wan(d.total, lang)}"))
    if "count" in measures:
        whole.append(count(d.projects, lang))
    return sep.join(whole) + tr(lang, f"（{tracks}）", f" ({tracks})")


def _topic(u: Understanding, k: Knowledge, measures: list[str] | None = None) -> Answer:
    """The directions on the topic(s), each with its total, or with the figures ``measures``
    asked beside the topic ("哪些方向支持海洋，平均每个项目多少钱")."""
    lang = u.lang
    sep = "、" if lang != "en" else ", "
    tnames = sep.join(k.topic_by_id[t].name.get(lang) for t in u.topics)
    dirs = [
        k.direction_by_id[i]
        for i in topic_directions(k, u.topics, u.topic_mode)
        if i not in u.excluded
        # "航空航天喺政府間專項有冇方向做": the topic within the call named
        and (u.scope not in k.call_by_id or k.direction_by_id[i].call == u.scope)
    ]
    if u.unknown_topic and not u.topics:
        term = esc(u.unknown_topic)
        return Answer(
            tr(
                lang,
                f"通知中各方向的资助领域都没有提到“{term}”。可以换个说法，或问“有哪些资助领域”。",
                f"No direction of the notice mentions “{term}” in its fields. Try other words, or "
                "ask which fields are funded.",
            ),
            [],
            _starter_suggestions(lang),
        )
    if not dirs:
        return Answer(
            tr(
                lang,
                f"通知中没有方向提到{esc(tnames)}。",
                f"No direction of the notice mentions {esc(tnames)}.",
            )
        )
    rows = []
    for d in dirs[:MAX_LIST]:
        hits = _topic_fields(d, u.topics, k, lang) or [f.get(lang) for f in d.fields[:2]]
        text = tr(lang, "；", "; ").join(hits)
        if measures:
            on = _topic_fields(d, u.topics, k, lang)
            rows.append(
                bullet(
                    f"<b>{esc(label(d, k, lang))}</b>{tr(lang, '（', ' (')}"
                    f"{esc(partner_name(d, k, lang))}{tr(lang, '）：', '): ')}{esc(text)} — "
                    f"{_measured(d, measures, lang, on)}"
                )
            )
            continue
        rows.append(
            bullet(
                f"<b>{esc(label(d, k, lang))}</b>（{esc(partner_name(d, k, lang))}）"
                f"{tr(lang, '：', ': ')}{esc(text)} — {wan(d.total, lang)}"
                if lang != "en"
                else f"<b>{esc(label(d, k, lang))}</b> ({esc(partner_name(d, k, lang))}): "
                f"{esc(text)} — {wan(d.total, lang)}"
            )
        )
    if len(dirs) > MAX_LIST:
        rows.append(_more(len(dirs) - MAX_LIST, lang))
    head = tr(
        lang,
        f"涉及<b>{esc(tnames)}</b>的方向（{len(dirs)}个）：",
        f"Directions covering <b>{esc(tnames)}</b> ({len(dirs)}):",
    )
    programs = [d.id for d in dirs]
    return Answer("\n".join([head, *rows]), programs, _next_for(programs, k, lang))


def _card(d: Direction, k: Knowledge, lang: str) -> str:
    call = k.call_by_id.get(d.call)
    lines = [f"<b>{esc(d.number)} {esc(d.title.get(lang))}</b>"]
    lines.append(
        tr(
            lang,
            f"合作方：{esc(partner_name(d, k, lang))}",
            f"Partner: {esc(partner_name(d, k, lang))}",
        )
    )
    if call:
        lines.append(
            tr(
                lang,
                f"所属：{esc(call.name.get(lang))}（{call.year}年度）",
                f"Call: {esc(call.name.get(lang))} ({call.year})",
            )
        )
    lines.append(tr(lang, "资助领域：", "Fields:"))
    lines.extend(_field_lines(d, lang))
    if len(d.funding) == 1:
        f = d.funding[0]
        lines.append(tr(lang, f"总金额：{wan(f.total, lang)}", f"Total: {wan(f.total, lang)}"))
        lines.append(
            tr(lang, f"资助数：{count(f.projects, lang)}", f"Projects: {count(f.projects, lang)}")
        )
        if f.average is not None:
            lines.append(
                tr(
                    lang,
                    f"平均资助金额：{wan(f.average, lang)}/项",
                    f"Average: {wan(f.average, lang)} per project",
                )
            )
    else:
        lines.append(
            tr(
                lang,
                f"总金额：{wan(d.total, lang)}（{count(d.projects, lang)}），分领域：",
                f"Total: {wan(d.total, lang)} ({count(d.projects, lang)}), by track:",
            )
        )
        for f in d.funding:
            lines.append(
                bullet(f"{esc(_track(f, lang))}{tr(lang, '：', ': ')}{_funding_line(f, lang)}")
            )
    if call and call.period:
        lines.append(
            tr(
                lang,
                f"实施周期：{years(call.period.min_years, call.period.max_years, lang)}",
                f"Project period: {years(call.period.min_years, call.period.max_years, lang)}",
            )
        )
    elif call:
        # a card asked with its period ("澳门项目实施周期和经费是多少") says the period is missing,
        # never leaves it out as if it had not been asked
        lines.append(tr(lang, "实施周期：通知没有给出", "Project period: not given in the notice"))
    return "\n".join(lines)


def _detail(u: Understanding, k: Knowledge) -> Answer:
    if not u.groups:
        return _overview(u, k)
    programs: list[str] = []
    cards = []
    for group in u.groups:
        for d in _dirs(group, k):
            if d.id not in programs:
                programs.append(d.id)
                cards.append(_card(d, k, u.lang))
    return Answer("\n\n".join(cards), programs, _next_for(programs, k, u.lang))


def _group_metric(
    dirs: list[Direction], metric: str, lang: str, k: Knowledge
) -> tuple[float | None, str]:
    if metric == "total":
        v = sum(d.total for d in dirs)
        return v, wan(v, lang)
    if metric == "count":
        c = _sum_count(dirs)
        return c.count, count(c, lang)
    # average: a single stated figure compares; several (tracks, two directions) are listed.
    avgs = [(d, f) for d in dirs for f in d.funding if f.average is not None]
    if len(avgs) == 1:
        return avgs[0][1].average, wan(avgs[0][1].average, lang)
    parts = []
    for d, f in avgs:
        tag = _track(f, lang) if f.track else label(d, k, lang)
        parts.append(f"{esc(tag)} {wan(f.average, lang)}")
    return None, tr(lang, "；", "; ").join(parts)


def _compare(u: Understanding, k: Knowledge) -> Answer:
    lang = u.lang
    metric = u.metric or "total"
    mname = {
        "total": tr(lang, "总金额", "Total budget"),
        "count": tr(lang, "资助项目数", "Projects funded"),
        "average": tr(lang, "平均资助金额", "Average per project"),
    }[metric]
    rows = []
    values = []
    said: dict[str, str] = {}
    programs: list[str] = []
    for group in u.groups:
        dirs = _dirs(group, k)
        programs.extend(d.id for d in dirs if d.id not in programs)
        value, shown = _group_metric(dirs, metric, lang, k)
        gname = _group_name(group, k, lang)
        values.append((value, gname))
        # the conclusion answers "which one" with the partner too, when the label does not say
        # it ("1.3 中西科技合作" is Spain's)
        partner = partner_name(dirs[0], k, lang) if len(dirs) == 1 else ""
        if partner and partner not in gname:
            said[gname] = partner
        extra = []
        for other in ("total", "count", "average"):
            if other != metric:
                value, s = _group_metric(dirs, other, lang, k)
                if other == "total":
                    s = tr(lang, f"总金额{s}", f"total {s}")
                elif other == "average":
                    s = (
                        tr(lang, f"平均每项{s}", f"{s} per project")
                        if value is not None
                        else tr(lang, f"平均：{s}", f"averages: {s}")
                    )
                extra.append(s)
        rows.append(
            bullet(
                f"<b>{esc(gname)}</b>{tr(lang, '：', ': ')}{shown}"
                f"{tr(lang, '（', ' (')}{tr(lang, '，', ', ').join(extra)}"
                f"{tr(lang, '）', ')')}"
            )
        )
        if len(dirs) == 1 and len(dirs[0].funding) > 1 and metric == "total":
            for f in dirs[0].funding:  # the flagship's two tracks
                rows.append(f"  {esc(_track(f, lang))}{tr(lang, '：', ': ')}{wan(f.total, lang)}")
        if len(dirs) > 1 and metric != "average":
            for d in dirs:  # a partner with several directions: show what the sum is made of
                _, part = _group_metric([d], metric, lang, k)
                rows.append(f"  {esc(label(d, k, lang))}{tr(lang, '：', ': ')}{part}")
    head = tr(lang, f"{mname}对比：", f"{mname} compared:")
    lines = [head, *rows]
    known = [(v, n) for v, n in values if v is not None]
    if len(known) == len(values) and len(known) >= 2:
        top = max(v for v, _ in known)
        low = min(v for v, _ in known)
        winners = [n for v, n in known if v == top]
        if top == low:
            lines.append(
                tr(lang, "两者相同。" if len(known) == 2 else "各方相同。", "They are the same.")
            )
        else:
            sep = "、" if lang != "en" else " and "
            more = {
                "total": tr(lang, "经费更多", "has the larger budget"),
                "count": tr(lang, "资助项目更多", "funds more projects"),
                "average": tr(lang, "平均资助更高", "has the higher average"),
            }[metric]
            if u.order == "min" and len(known) > 2:
                # "这三个里面哪个经费最少": the bottom of those compared is the answer
                winners = [n for v, n in known if v == low]
                more = {
                    "total": tr(lang, "经费最少", "has the smallest budget"),
                    "count": tr(lang, "资助项目最少", "funds the fewest projects"),
                    "average": tr(lang, "平均资助最低", "has the lowest average"),
                }[metric]
            elif u.order == "min":
                # "两个方向平均多少 → 边个最平": the lower of the two is the answer
                winners = [n for v, n in known if v == low]
                more = {
                    "total": tr(lang, "经费更少", "has the smaller budget"),
                    "count": tr(lang, "资助项目更少", "funds fewer projects"),
                    "average": tr(lang, "平均资助更低", "has the lower average"),
                }[metric]
            elif len(known) > 2:
                more = {
                    "total": tr(lang, "经费最多", "has the largest budget"),
                    "count": tr(lang, "资助项目最多", "funds the most projects"),
                    "average": tr(lang, "平均资助最高", "has the highest average"),
                }[metric]
            who = sep.join(esc(w) for w in winners)
            partners = sep.join(esc(said[w]) for w in winners if w in said)
            whose = (
                tr(lang, f"（合作方：{partners}）", f" (partner: {partners})") if partners else ""
            )
            lines.append(tr(lang, f"结论：{who}{more}{whose}。", f"So {who} {more}{whose}."))
            if len(known) == 2 and metric != "count":
                # the gap between two stated figures, e.g. "多4000万元" / "CNY 40 million more"
                gap = wan(top - low, lang)
                lines.append(tr(lang, f"相差{gap}。", f"The difference is {gap}."))
    return Answer("\n".join(lines), programs, _next_for(programs, k, lang))


def _ranked_label(d: Direction, k: Knowledge, lang: str) -> str:
    """A ranking names the partner too: people ask "which country", not "which 2.4"."""
    return (
        f"{label(d, k, lang)}{tr(lang, '（', ' (')}{partner_name(d, k, lang)}{tr(lang, '）', ')')}"
    )


def _next_after_set_aside(u: Understanding, k: Knowledge, best: float, metric: str) -> bool:
    """Directions set aside that would have answered: "除了俄罗斯，哪个项目最多" asks the one
    after Russia, an ordinal (its answer only). A whole call set aside ("不算港澳台") scopes the
    ranking, and one set aside that is not at the end asked changes nothing: a ranking."""
    out = set(u.excluded)
    whole = {c for c, ds in k.directions_by_call.items() if ds and {d.id for d in ds} <= out}
    high = u.order != "min"
    for d in k.directions:
        if d.id not in out or d.call in whole:
            continue
        if metric == "average":
            values = [f.average for f in d.funding if f.average is not None]
        else:
            values = [float(d.projects.count if metric == "count" else d.total)]
        if any(v >= best if high else v <= best for v in values):
            return True
    return False


def _rank(u: Understanding, k: Knowledge) -> Answer:
    lang = u.lang
    metric = u.metric or "total"
    pool = [k.direction_by_id[i] for i in (u.restrict or []) if i in k.direction_by_id] or list(
        k.directions
    )
    # value, direction, funding line; the figure and label are written only for the rows shown
    # (a large file ranks 1,600 directions to show ten)
    entries: list[tuple[float, Direction, Funding | None]] = []
    for d in pool:
        if metric == "average":
            entries.extend((f.average, d, f) for f in d.funding if f.average is not None)
        elif metric == "count":
            entries.append((d.projects.count, d, None))
        else:
            entries.append((d.total, d, None))

    written: dict[int, tuple[str, str]] = {}  # the winners are listed twice

    def write(e: tuple[float, Direction, Funding | None]) -> tuple[str, str]:
        """The figure shown and the label of one entry."""
        if id(e) in written:
            return written[id(e)]
        value, d, f = e
        tag = _ranked_label(d, k, lang)
        if f is not None:
            out = wan(value, lang), tag + (f" {_track(f, lang)}" if f.track else "")
        else:
            out = (count(d.projects, lang) if metric == "count" else wan(value, lang)), tag
        written[id(e)] = out
        return out

    if u.threshold:
        return _filtered(u, k, entries, metric, write)
    if not entries:
        return Answer(tr(lang, "没有可排序的数据。", "There is nothing to rank."))
    reverse = u.order != "min"
    entries.sort(key=lambda e: e[0], reverse=reverse)
    best = entries[0][0]
    winners = [e for e in entries if e[0] == best]
    mname = {
        "total": tr(lang, "总金额", "total budget"),
        "count": tr(lang, "资助项目数", "number of projects"),
        "average": tr(lang, "平均资助金额", "average per project"),
    }[metric]
    word = tr(lang, "最高" if reverse else "最低", "highest" if reverse else "lowest")
    if metric == "count":
        word = tr(lang, "最多" if reverse else "最少", "most" if reverse else "fewest")
    sep = "、" if lang != "en" else "; "
    win = sep.join(
        f"<b>{esc(tag)}</b>（{shown}）" if lang != "en" else f"<b>{esc(tag)}</b> ({shown})"
        for shown, tag in map(write, winners)
    )
    head = tr(lang, f"{mname}{word}：{win}", f"The {word} {mname}: {win}")
    if metric == "count":
        head = tr(lang, f"资助项目{word}：{win}", f"The {word} projects: {win}")
    order = tr(
        lang, "从高到低" if reverse else "从低到高", "high to low" if reverse else "low to high"
    )
    rows = []
    rank = 0
    prev = None
    for i, e in enumerate(entries, 1):
        if e[0] != prev:
            rank, prev = i, e[0]
        if i > MAX_LIST and e[0] != best:
            rows.append(_more(len(entries) - i + 1, lang))
            entries = entries[: i - 1]
            break
        shown, tag = write(e)
        rows.append(f"{rank}. {esc(tag)} — {shown}")
    lines = [head, tr(lang, f"按{mname}排序（{order}）：", f"Ranked by {mname} ({order}):"), *rows]
    programs = list(dict.fromkeys(e[1].id for e in entries))
    if u.excluded and _next_after_set_aside(u, k, best, metric):
        # "除了欧盟旗舰，哪个最高": the one after those set aside is asked, as an ordinal is (the
        # ranking is shown for context, the answer is the winners); the reply says what it left
        programs = list(dict.fromkeys(e[1].id for e in winners))
        out = [k.direction_by_id[d] for d in u.excluded if d in k.direction_by_id]
        names = tr(lang, "、", "; ").join(esc(label(d, k, lang)) for d in out)
        lines[0] += tr(lang, f"（已除去：{names}）", f" (set aside: {names})")
    return Answer("\n".join(lines), programs, focus=[e[1].id for e in winners])


def _filtered(
    u: Understanding,
    k: Knowledge,
    entries: list,
    metric: str,
    write: Callable[[tuple[float, Direction, Funding | None]], tuple[str, str]],
) -> Answer:
    """Directions above or below a figure ("经费超过5000万的方向"), largest first."""
    lang = u.lang
    op, value = u.threshold or (">", 0)
    test = {">": float.__gt__, ">=": float.__ge__, "<": float.__lt__, "<=": float.__le__}[op]
    keep = [e for e in entries if test(float(e[0]), float(value))]
    keep.sort(key=lambda e: e[0], reverse=True)
    shown = f"{int(value)}" if metric == "count" else wan(value, lang)
    zh_rel = {">": "超过", ">=": "不少于", "<": "低于", "<=": "不超过"}[op]
    en_rel = {">": "more than", ">=": "at least", "<": "less than", "<=": "at most"}[op]
    if metric == "count":
        what = tr(lang, f"资助项目数{zh_rel}{shown}个", f"{en_rel} {shown} projects")
    elif metric == "average":
        what = tr(
            lang, f"平均资助金额{zh_rel}{shown}", f"an average per project of {en_rel} {shown}"
        )
    else:
        what = tr(lang, f"总金额{zh_rel}{shown}", f"a total budget of {en_rel} {shown}")
    if not keep:
        return Answer(tr(lang, f"没有{what}的方向。", f"No direction has {what}."))
    head = tr(lang, f"{what}的方向（{len(keep)}个）：", f"Directions with {what} ({len(keep)}):")
    rows = [bullet(f"{esc(tag)} — {shown}") for shown, tag in map(write, keep[:MAX_LIST])]
    if len(keep) > MAX_LIST:
        rows.append(_more(len(keep) - MAX_LIST, lang))
    programs = list(dict.fromkeys(e[1].id for e in keep[:MAX_LIST]))
    return Answer("\n".join([head, *rows]), programs)


def _overview(u: Understanding, k: Knowledge) -> Answer:
    lang = u.lang
    lines = []
    for c in _calls_in_scope(u, k):
        dirs = k.directions_by_call.get(c.id, ())
        partners_line = ""
        if c.partners_text:
            partners_line = tr(
                lang,
                f"，支持与{esc(c.partners_text.get(lang))}开展合作",
                f", with {esc(c.partners_text.get(lang))}",
            )
        period = ""
        if c.period:
            period = tr(
                lang,
                f"，每个项目实施周期为{years(c.period.min_years, c.period.max_years, lang)}",
                f"; each project runs {years(c.period.min_years, c.period.max_years, lang)}",
            )
        lines.append(
            tr(
                lang,
                f"<b>{esc(c.name.get(lang))}</b>（{c.year}年度）：设立{c.directions}个指南方向"
                f"{partners_line}，项目{count(c.projects, lang, noun=False)}，"
                f"经费总概算{wan(c.total, lang)}{period}。",
                f"<b>{esc(c.name.get(lang))}</b> ({c.year}): {c.directions} direction(s)"
                f"{partners_line}, {count(c.projects, lang)}, total budget {wan(c.total, lang)}"
                f"{period}.",
            )
        )
        if len(dirs) > 1:
            names = tr(lang, "、", ", ").join(
                f"{d.number} {partner_name(d, k, lang)}" for d in dirs
            )
            lines.append(tr(lang, f"方向：{esc(names)}", f"Directions: {esc(names)}"))
        elif dirs:
            lines.append(
                tr(
                    lang,
                    f"方向：{esc(label(dirs[0], k, lang))}",
                    f"Direction: {esc(label(dirs[0], k, lang))}",
                )
            )
    return Answer("\n".join(lines), [], _starter_suggestions(lang))


def _period(u: Understanding, k: Knowledge) -> Answer:
    lang = u.lang
    calls: list[Call] = []
    programs = u.programs
    if programs:
        for i in programs:
            c = k.call_by_id.get(k.direction_by_id[i].call)
            if c and c not in calls:
                calls.append(c)
    else:
        calls = _calls_in_scope(u, k)
    lines = []
    for c in calls:
        if c.period:
            span = years(c.period.min_years, c.period.max_years, lang)
            lines.append(
                tr(
                    lang,
                    f"{esc(c.name.get(lang))}：每个项目实施周期为{span}。",
                    f"{esc(c.name.get(lang))}: each project runs {span}.",
                )
            )
        else:
            lines.append(
                tr(
                    lang,
                    f"{esc(c.name.get(lang))}：通知没有给出项目实施周期。",
                    f"{esc(c.name.get(lang))}: the notice does not give a project period.",
                )
            )
    return Answer("\n".join(lines), programs)


def _partners(u: Understanding, k: Knowledge) -> Answer:
    lang = u.lang
    lines = []
    for place in u.other_places[:1]:  # "is Brazil one of them?": say so before the list
        known = vocabulary().place_named(place)
        name = known.name(lang) if known else place
        lines.append(
            tr(
                lang,
                f"这份通知中没有与{esc(name)}合作的方向。",
                f"The notice has no direction with {esc(place)}.",
            )
        )
    if u.groups:
        named = _partners_named(u, k)
        # "伊朗或者其他中东国家有没有方向？": the place first, then the region's partners
        if lines:
            named.html = "\n".join([*lines, named.html])
        return named
    if "partners_with_several_directions" in u.rules:  # the list is kept to those partners
        lines.append(
            tr(
                lang,
                "有不止一个指南方向的合作方：",
                "Partners with more than one direction:",
            )
        )
    programs: list[str] = []
    for c in _calls_in_scope(u, k):
        dirs = [d for d in k.directions_by_call.get(c.id, ()) if d.id not in u.excluded]
        if not dirs:
            continue
        listed = set(list(dict.fromkeys(d.partner for d in dirs))[:MAX_LIST])
        programs.extend(d.id for d in dirs if d.partner in listed)
        if c.partners_text:
            lines.append(
                tr(
                    lang,
                    f"<b>{esc(c.name.get(lang))}</b>：{c.directions}个指南方向，通知称支持与"
                    f"{esc(c.partners_text.get(lang))}开展合作，表中各方向的合作方：",
                    f"<b>{esc(c.name.get(lang))}</b>: {c.directions} directions; the notice "
                    f"speaks of {esc(c.partners_text.get(lang))}; the directions name these "
                    "partners:",
                )
            )
        else:
            lines.append(
                tr(lang, f"<b>{esc(c.name.get(lang))}</b>：", f"<b>{esc(c.name.get(lang))}</b>:")
            )
        seen: dict[str, list[str]] = {}
        for d in dirs:
            seen.setdefault(d.partner, []).append(d.number)
        for n, (pid, numbers) in enumerate(seen.items()):
            if n == MAX_LIST:
                lines.append(_more(len(seen) - MAX_LIST, lang))
                break
            p = k.partner_by_id.get(pid)
            pname = p.name.get(lang) if p else pid
            lines.append(
                bullet(
                    f"{esc(pname)}（{'、'.join(numbers)}）"
                    if lang != "en"
                    else f"{esc(pname)} ({', '.join(numbers)})"
                )
            )
    return Answer("\n".join(lines), programs, _starter_suggestions(lang))


def _partners_named(u: Understanding, k: Knowledge) -> Answer:
    """The partners of the directions a region names ("有冇亞洲國家可以合作"): each partner
    with its directions, under the region's name."""
    lang = u.lang
    regions = [
        r
        for r in vocabulary().regions
        if any(m.how == "region" and m.text in r.names for m in u.mentions)
    ]
    where = tr(lang, "、", ", ").join(r.name(lang) for r in regions)
    seen: dict[str, list[str]] = {}
    for g in u.groups:
        for i in g:
            d = k.direction_by_id[i]
            seen.setdefault(d.partner, [])
            if d.number not in seen[d.partner]:
                seen[d.partner].append(d.number)
    head = (
        tr(
            lang,
            f"{esc(where)}的合作方（{len(seen)}个）：",
            f"Partners in {esc(where)} ({len(seen)}):",
        )
        if where
        else tr(lang, f"合作方（{len(seen)}个）：", f"Partners ({len(seen)}):")
    )
    lines = [head]
    for pid, numbers in seen.items():
        p = k.partner_by_id.get(pid)
        pname = esc(p.name.get(lang) if p else pid)
        lines.append(
            bullet(
                f"{pname}（{'、'.join(numbers)}）"
                if lang != "en"
                else f"{pname} ({', '.join(numbers)})"
            )
        )
    return Answer("\n".join(lines), u.programs, _starter_suggestions(lang))


def _help(u: Understanding, k: Knowledge) -> Answer:
    return Answer(esc(help_text(k, u.lang)), [], _starter_suggestions(u.lang))


def _unknown(u: Understanding, k: Knowledge) -> Answer:
    lang = u.lang
    suggestions: list[Suggestion] = []
    if u.oos_words:
        what = [a.name(lang) for a in vocabulary().aspects_for(u.oos_words)]
        what_text = tr(lang, "、", ", ").join(what) if what else tr(lang, "这方面的信息", "that")
        text = tr(
            lang,
            f"这份通知没有给出{what_text}，我无法回答，请以正式发布的申报指南和管理机构的说明为准。"
            "我能回答：合作国家、各方向经费、项目数、平均资助额、资助领域和实施周期。",
            f"The notice does not give {what_text}, so I cannot answer that; please check "
            "the official call documents. I can tell you about partners, budgets, numbers "
            "of projects, averages, fields and the project period.",
        )
        return Answer(text, [], _starter_suggestions(lang))
    if u.other_places:
        place = u.other_places[0]
        known = vocabulary().place_named(place)
        zh_place = known.name(lang) if known else place
        # the call named ("港澳台項目有沒有跟台灣合作的方向", "政府间专项有没有跟日本合作的方向"):
        # its own partners, not every partner of the notice
        own = {d.partner for d in k.directions if d.call == u.scope}
        listed = [p for p in k.partners if p.id in own] if u.scope in k.call_by_id else []
        if listed:
            text = tr(
                lang,
                "这份通知中没有与{place}合作的方向。{call}的合作方有：{partners}。",
                "The notice has no direction with {place}. The partners of the {call} are:"
                " {partners}.",
            ).format(
                place=esc(zh_place if lang != "en" else place),
                call=esc(k.call_by_id[u.scope].short.get(lang)),
                partners=esc(tr(lang, "、", ", ").join(p.name.get(lang) for p in listed)),
            )
            return Answer(text, [], _starter_suggestions(lang))
        partners = tr(lang, "、", ", ").join(p.name.get(lang) for p in k.partners)
        # the names go in after the template's conversion: their own zh-Hant is kept (台灣, and
        # the knowledge's reviewed names), never converted a second time
        text = tr(
            lang,
            "这份通知中没有与{place}合作的方向。通知中的合作方有：{partners}。",
            "The notice has no direction with {place}. Its partners are: {partners}.",
        ).format(place=esc(zh_place if lang != "en" else place), partners=esc(partners))
        return Answer(text, [], _starter_suggestions(lang))
    seen: list[str] = []
    for m in sorted(u.near, key=lambda m: -m.score):
        name = _mention_name(m.kind, m.id, k, lang)
        if name and name not in seen:
            seen.append(name)
            suggestions.append(Suggestion(name, name, L.DETAIL))
        if len(seen) >= 3:
            break
    if seen:
        guess = tr(lang, "、", ", ").join(seen)
        text = tr(
            lang,
            f"我不太确定您问的是什么。您是想问 {esc(guess)} 吗？",
            f"I am not sure what you mean. Did you mean {esc(guess)}?",
        )
        return Answer(text, [], suggestions)
    text = esc(cannot_answer(k, lang))
    return Answer(text, [], _starter_suggestions(lang))


def _mention_name(kind: str, ident: str, k: Knowledge, lang: str) -> str:
    if kind == "partner" and ident in k.partner_by_id:
        return k.partner_by_id[ident].name.get(lang)
    if kind == "direction" and ident in k.direction_by_id:
        return label(k.direction_by_id[ident], k, lang)
    if kind == "call" and ident in k.call_by_id:
        return k.call_by_id[ident].short.get(lang)
    if kind == "topic" and ident in k.topic_by_id:
        return k.topic_by_id[ident].name.get(lang)
    return ""


def _starter_suggestions(lang: str) -> list[Suggestion]:
    return [
        Suggestion(
            tr(lang, "合作国家", "Partners"),
            tr(lang, "有哪些合作国家？", "Which partner countries are there?"),
            L.PARTNERS,
        ),
        Suggestion(
            tr(lang, "经费排名", "Budget ranking"),
            tr(lang, "哪个方向经费最多？", "Which direction has the largest budget?"),
            L.RANK,
        ),
        Suggestion(tr(lang, "总体情况", "Overview"), tr(lang, "总体情况", "Overview"), L.OVERVIEW),
    ]


def _next_for(programs: list[str], k: Knowledge, lang: str) -> list[Suggestion]:
    """The natural next questions about the directions just answered."""
    if not programs:
        return []
    ids = tuple(programs[:4])
    out = [
        Suggestion(tr(lang, "经费", "Budget"), "", L.BUDGET, ids),
        Suggestion(tr(lang, "领域", "Fields"), "", L.FIELDS, ids),
        Suggestion(tr(lang, "项目数", "Projects"), "", L.COUNT, ids),
        Suggestion(tr(lang, "平均", "Average"), "", L.AVERAGE, ids),
    ]
    return out
