"""What the bot says about itself, from the loaded knowledge: its calls, years and examples.

The Telegram description, the terminal banner, the help text and the "cannot answer" reply name
the calls of whatever knowledge file is loaded (CALLBOT_KNOWLEDGE may point at another year's),
and their example questions use that file's own partners and topics, so no sentence here can
state a fact of one notice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.render import tr
from knowledge.model import Knowledge, Partner, Topic


def calls_text(k: Knowledge, lang: str, short: bool = False) -> str:
    """Every call of the knowledge with its year: "2023年度A和B" when they share a year,
    "2023年度A和2024年度B" when not (English: "the 2023 A and B")."""
    if not k.calls:
        return tr(lang, "申报指南", "the call notice")
    same_year = len({c.year for c in k.calls}) == 1
    names = []
    for i, c in enumerate(k.calls):
        name = (c.short if short else c.name).get(lang)
        if i and same_year:
            names.append(name)
        else:
            names.append(tr(lang, f"{c.year}年度{name}", f"the {c.year} {name}"))
    if len(names) == 1:
        return names[0]
    return tr(lang, "、", ", ").join(names[:-1]) + tr(lang, "和", " and ") + names[-1]


def calls_with_counts(k: Knowledge, lang: str) -> str:
    """Each call with its number of directions (the help text's list)."""
    return tr(lang, "；", "; ").join(
        tr(
            lang,
            f"{c.year}年度{c.name.get(lang)}（{c.directions}个方向）",
            f"the {c.year} {c.name.get(lang)} ({c.directions} direction(s))",
        )
        for c in k.calls
    )


@dataclass(frozen=True)
class Examples:
    """Names taken from the knowledge for example questions."""

    partner: Partner | None
    other: Partner | None
    topic: Topic | None


def examples(k: Knowledge) -> Examples:
    """The first countries with a direction (in the file's order) and the topic that most
    directions cover: a question about them always gets a real answer. Counted once per
    knowledge: the help text asks for it several times, over every direction's topics."""
    cached = k._cache.get("selfdesc.examples")
    if cached is None:
        cached = k._cache["selfdesc.examples"] = _examples(k)
    return cached


def _examples(k: Knowledge) -> Examples:
    with_directions = [p for p in k.partners if k.directions_by_partner.get(p.id)]
    countries = [p for p in with_directions if p.kind == "country"] or with_directions
    counts = Counter(t for d in k.directions for t in d.topics if t in k.topic_by_id)
    topic = k.topic_by_id[counts.most_common(1)[0][0]] if counts else None
    return Examples(
        countries[0] if countries else None,
        countries[1] if len(countries) > 1 else None,
        topic,
    )


def budget_question(k: Knowledge, lang: str) -> str:
    """One question the bot answers for sure: a partner's budget, or the partners."""
    p = examples(k).partner
    if p is None:
        return tr(lang, "有哪些合作国家？", "Which partner countries are there?")
    return tr(lang, f"{p.name.get(lang)}的经费是多少？", f"What is {p.name.en}'s budget?")


def example_questions(k: Knowledge, lang: str) -> list[str]:
    ex = examples(k)
    out = [budget_question(k, lang)]
    if ex.topic:
        out.append(
            tr(
                lang,
                f"哪些方向支持{ex.topic.name.get(lang)}？",
                f"Which programmes fund {ex.topic.name.en}?",
            )
        )
    if ex.partner and ex.other:
        a, b = ex.partner.name, ex.other.name
        out.append(
            tr(lang, f"{a.get(lang)}和{b.get(lang)}哪个经费多？", f"Compare {a.en} and {b.en}")
        )
    out.append(tr(lang, "哪个方向平均资助最高？", "Which direction has the highest average?"))
    return out


def followup_example(k: Knowledge, lang: str) -> str:
    other = examples(k).other or examples(k).partner
    if other is None:
        return tr(lang, "那平均呢？", "and the average?")
    return tr(lang, f"那{other.name.get(lang)}呢？", f"and {other.name.en}?")


def help_text(k: Knowledge, lang: str) -> str:
    """The greeting and /help reply (plain text; the caller escapes it for HTML)."""
    tries = "\n".join(f"• {q}" for q in example_questions(k, lang))
    return tr(
        lang,
        f"您好！我是 callbot，回答申报指南中的问题：{calls_with_counts(k, lang)}。"
        "可以问合作国家、各方向经费、项目数、平均资助额、资助领域、实施周期、对比和排名。\n"
        f"可以这样问：\n{tries}\n追问也可以，比如“{followup_example(k, lang)}”。",
        f"Hello! I am callbot. I answer questions about {calls_with_counts(k, lang)}: partner "
        "countries, budgets, numbers of projects, averages, fields, project period, comparisons "
        f'and rankings.\nTry:\n{tries}\nFollow-ups work too: "{followup_example(k, lang)}"',
    )


def cannot_answer(k: Knowledge, lang: str) -> str:
    """The reply when nothing in a message could be read (plain text)."""
    return tr(
        lang,
        "抱歉，这个问题我回答不了：通知里没有相关内容，或者我没看懂。"
        f"我能回答{calls_text(k, lang)}的合作国家、经费、"
        f"项目数、平均资助额、资助领域和实施周期。试试“{budget_question(k, lang)}”",
        "Sorry, I cannot answer that: the notice does not cover it, or I did not understand. "
        f"I can answer questions about {calls_text(k, lang)}: partners, budgets, numbers of "
        "projects, averages, fields and the project period. "
        f'Try "{budget_question(k, lang)}"',
    )


def banner(k: Knowledge) -> str:
    """The terminal chat's first lines."""
    names = " / ".join(
        f"{c.year} {c.short.zh_hans}" if i == 0 else c.short.zh_hans for i, c in enumerate(k.calls)
    )
    ex = examples(k)
    topic = f" · Which programmes fund {ex.topic.name.en}?" if ex.topic else ""
    return (
        f"callbot — {names}\n"
        f"Ask in 中文 or English, e.g. {budget_question(k, 'zh-Hans')}{topic}\n"
        f"Follow-ups work ({followup_example(k, 'zh-Hans')}). Ctrl-D to quit.\n"
    )


def description(k: Knowledge, lang: str) -> str:
    """The Telegram description (at most 512 characters), shown in an empty chat."""
    text = tr(
        lang,
        f"callbot 回答{calls_text(k, lang)}申报指南的问题："
        "合作国家、各方向经费、项目数、平均资助额、资助领域、实施周期、对比和排名。"
        f"直接用中文或英文提问，例如“{budget_question(k, lang)}”。在群组中请 @ 我或使用 /ask。"
        "答案只来自通知原文；正式申报请以官方发布的指南为准。",
        f"callbot answers questions about {calls_text(k, lang)}: partner countries, budgets, "
        "numbers of projects, averages, fields, project period, comparisons and rankings. "
        f'Ask in English or Chinese, e.g. "{budget_question(k, lang)}". In groups, mention me '
        "or use /ask. Answers come from the notice only; the official call documents prevail.",
    )
    if len(text) > 512:  # many or long call names: the short ones
        text = text.replace(calls_text(k, lang), calls_text(k, lang, short=True))
    return text[:512]


def short_description(k: Knowledge, lang: str) -> str:
    """The short description (at most 120 characters), shown on the profile and in shares."""
    for short in (False, True):
        text = tr(
            lang,
            f"回答{calls_text(k, lang, short)}申报指南的问题：合作国家、经费、项目数、领域。",
            f"Answers questions on {calls_text(k, lang, short)}: partners, budgets, projects, "
            "fields.",
        )
        if len(text) <= 120:
            return text
    years = "/".join(dict.fromkeys(str(c.year) for c in k.calls))
    return tr(
        lang,
        f"回答{years}年度申报指南的问题：合作国家、经费、项目数、领域。",
        f"Answers questions on the {years} call notice: partners, budgets, projects, fields.",
    )[:120]
