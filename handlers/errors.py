"""The one error handler: log every failure with its traceback, and tell the user in a sentence
instead of leaving them in silence. Telegram API errors (timeouts, 5xx, flood control) end up
here too and never stop the bot."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from handlers import texts
from handlers.services import is_group, reply_lang

logger = logging.getLogger(__name__)


def _describe(update: object) -> str:
    if not isinstance(update, Update):
        return "no update" if update is None else type(update).__name__
    chat = update.effective_chat
    kind = next(
        (
            k
            for k in (
                "message",
                "edited_message",
                "callback_query",
                "inline_query",
                "channel_post",
            )
            if getattr(update, k, None) is not None
        ),
        "update",
    )
    return f"update {update.update_id} ({kind}, chat {chat.id if chat else '-'})"


async def on_error(update: object, context) -> None:
    logger.error("Error while handling %s", _describe(update), exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        lang = reply_lang(context, update)
    except Exception:
        lang = "zh-Hans"
    try:
        if update.callback_query is not None:
            return  # on_callback answers the query itself, with an apology on failure
        message = update.message or update.edited_message
        if message is not None and update.effective_chat is not None:
            await message.reply_text(texts.apology(lang), do_quote=is_group(update.effective_chat))
    except TelegramError as exc:
        logger.warning("Could not send the apology for %s: %s", _describe(update), exc)
