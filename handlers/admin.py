"""Admin commands (CALLBOT_ADMINS). Only admins reach them: the handlers are filtered by user
id, so everyone else gets no reply, and they are not in the command menu.

/reload reads the knowledge file again (``bot.reload.KnowledgeReloader``, the same one the
watcher in ``handlers.watcher`` polls). A file with problems is refused (the old knowledge stays
and the admin gets every problem with its file, line and field); a good one is swapped in and
the admin is told what changed.

/unanswered shows the most frequent questions the bot could not answer, grouped by similarity,
like ``callbot report``.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import Update

from bot.reload import ReloadOutcome
from bot.unanswered import format_report, group_questions, read_records
from handlers.descriptions import set_descriptions
from handlers.send import send_html
from handlers.services import CallbotContext, Services, reply_lang
from handlers.texts import t

logger = logging.getLogger(__name__)

MAX_PROBLEMS = 15
MAX_CHANGES = 40
REPORT_TOP = 15


def _where(services: Services) -> str:
    return html.escape(services.knowledge_path or "bundled knowledge", quote=False)


def log_outcome(outcome: ReloadOutcome, how: str) -> None:
    """One log line for a reload that did something (``how``: "/reload", "file changed")."""
    if outcome.ok:
        logger.info(
            "Knowledge reloaded from %s (%s): %d change(s)",
            outcome.path,
            how,
            len(outcome.changes),
        )
    else:
        logger.warning(
            "Knowledge file %s not reloaded (%s), %d problem(s): %s",
            outcome.path,
            how,
            len(outcome.problems),
            "; ".join(str(p) for p in outcome.problems[:3]),
        )


def outcome_text(services: Services, outcome: ReloadOutcome, lang: str) -> str:
    """What the admins are told about a reload, in Telegram HTML."""
    where = _where(services)
    if not outcome.ok:
        problems = outcome.problems
        shown = [f"• {html.escape(str(p), quote=False)}" for p in problems[:MAX_PROBLEMS]]
        if len(problems) > MAX_PROBLEMS:
            shown.append(f"… +{len(problems) - MAX_PROBLEMS}")
        head = t(
            lang,
            f"<b>未重新加载</b>：{where} 有 {len(problems)} 个问题，继续使用原来的知识。",
            f"<b>Not reloaded</b>: {where} has {len(problems)} problem(s); the old "
            "knowledge stays in use.",
        )
        return "\n".join([head, *shown])
    count = len(services.engine.knowledge.directions)
    head = t(
        lang,
        f"<b>已重新加载</b> {where}：{count} 个方向。",
        f"<b>Reloaded</b> {where}: {count} directions.",
    )
    changes = outcome.changes
    if not changes:
        body = [t(lang, "方向和数字没有变化。", "No direction or figure changed.")]
    else:
        body = [html.escape(line, quote=False) for line in changes[:MAX_CHANGES]]
        if len(changes) > MAX_CHANGES:
            body.append(f"… +{len(changes) - MAX_CHANGES}")
    return "\n".join([head, *body])


async def reload_knowledge(update: Update, context: CallbotContext) -> None:
    services = context.services
    outcome = await asyncio.to_thread(services.reloader.check, True)
    log_outcome(outcome, "/reload")
    if outcome.changed and outcome.ok:
        await set_descriptions(context.application)
    text = outcome_text(services, outcome, reply_lang(context, update))
    await send_html(update.effective_message, text, quote=False)


def unanswered_text(path: str | None, lang: str) -> str:
    """The grouped report of the unanswered log at ``path``, in Telegram HTML (blocking)."""
    if not path:
        return t(
            lang,
            "未记录未回答的问题（CALLBOT_UNANSWERED_LOG 未设置）。",
            "Unanswered questions are not logged (CALLBOT_UNANSWERED_LOG is not set).",
        )
    try:
        records = read_records(path)
    except OSError as exc:  # CALLBOT_UNANSWERED_LOG is not a regular file, or unreadable
        return html.escape(f"{path}: {exc.strerror or exc}", quote=False)
    report = format_report(group_questions(records), top=REPORT_TOP)
    head = t(lang, "<b>未能回答的问题</b>", "<b>Unanswered questions</b>")
    return f"{head}\n<pre>{html.escape(report, quote=False)}</pre>"


async def unanswered(update: Update, context: CallbotContext) -> None:
    lang = reply_lang(context, update)
    text = await asyncio.to_thread(unanswered_text, context.services.config.unanswered_log, lang)
    await send_html(update.effective_message, text, quote=False)
