"""Admin commands (CALLBOT_ADMINS). Only admins reach them: the handler is filtered by user id,
so everyone else gets no reply, and they are not in the command menu.

/reload reads the knowledge file again. A file with problems is refused (the old knowledge stays
and the admin gets every problem with its file, line and field); a good one is swapped in and
the admin is told what changed.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import Update

from handlers.send import send_html
from handlers.services import CallbotContext, reply_lang
from handlers.texts import t
from knowledge import KnowledgeError, load_bundled, load_knowledge
from knowledge.diff import describe_changes
from knowledge.model import Knowledge

logger = logging.getLogger(__name__)

MAX_PROBLEMS = 15
MAX_CHANGES = 40


def _load(path: str | None) -> Knowledge:
    return load_knowledge(path) if path else load_bundled()


async def reload_knowledge(update: Update, context: CallbotContext) -> None:
    services = context.services
    lang = reply_lang(context, update)
    path = services.knowledge_path
    where = html.escape(path or "bundled knowledge", quote=False)
    try:
        knowledge = await asyncio.to_thread(_load, path)
    except KnowledgeError as exc:
        logger.warning(
            "Reload refused, the knowledge file has %d problem(s): %s", len(exc.problems), exc
        )
        shown = [f"• {html.escape(str(p), quote=False)}" for p in exc.problems[:MAX_PROBLEMS]]
        if len(exc.problems) > MAX_PROBLEMS:
            shown.append(f"… +{len(exc.problems) - MAX_PROBLEMS}")
        head = t(
            lang,
            f"<b>未重新加载</b>：{where} 有 {len(exc.problems)} 个问题，继续使用原来的知识。",
            f"<b>Not reloaded</b>: {where} has {len(exc.problems)} problem(s); the old "
            "knowledge stays in use.",
        )
        await send_html(update.effective_message, "\n".join([head, *shown]), quote=False)
        return
    except OSError as exc:
        logger.warning("Reload refused: %s", exc)
        text = t(
            lang,
            f"<b>未重新加载</b>：无法读取 {where}：",
            f"<b>Not reloaded</b>: cannot read {where}: ",
        ) + html.escape(str(exc), quote=False)
        await send_html(update.effective_message, text, quote=False)
        return
    old = context.engine.knowledge
    changes = describe_changes(old, knowledge)
    context.engine.swap(knowledge)
    logger.info(
        "Knowledge reloaded from %s: %d change(s)", path or "the bundled file", len(changes)
    )
    head = t(
        lang,
        f"<b>已重新加载</b> {where}：{len(knowledge.directions)} 个方向。",
        f"<b>Reloaded</b> {where}: {len(knowledge.directions)} directions.",
    )
    if not changes:
        body = [t(lang, "方向和数字没有变化。", "No direction or figure changed.")]
    else:
        body = [html.escape(line, quote=False) for line in changes[:MAX_CHANGES]]
        if len(changes) > MAX_CHANGES:
            body.append(f"… +{len(changes) - MAX_CHANGES}")
    await send_html(update.effective_message, "\n".join([head, *body]), quote=False)
