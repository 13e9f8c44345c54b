"""The one error handler. A bug in our code is logged with its traceback and the user gets an
apology instead of silence; a Bot API error is one line (there is no code of ours to show):
WARNING for what Telegram or the network get wrong now and then (5xx, timeouts, 409, 429),
INFO for a chat that refused the bot (kicked, blocked), which then gets nothing more, not even
the apology. Nothing here stops the bot."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from handlers import texts
from handlers.delivery import ChatRefused
from handlers.polling import describe
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
                "my_chat_member",
            )
            if getattr(update, k, None) is not None
        ),
        "update",
    )
    return f"update {update.update_id} ({kind}, chat {chat.id if chat else '-'})"


def transient(error: BaseException) -> bool:
    """A Bot API failure that is nobody's bug: the next call may well work."""
    if isinstance(error, RetryAfter | Conflict):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def log_error(update: object, error: BaseException | None) -> bool:
    """Log ``error`` as it deserves; True when the user should get an apology."""
    where = _describe(update)
    if isinstance(error, ChatRefused):
        logger.debug("Nothing sent for %s: %s", where, error.message)
        return False
    if isinstance(error, Forbidden):
        logger.info("Not answered, %s: %s; nothing more is sent there", where, error.message)
        return False
    if transient(error):
        logger.warning("Not answered, %s: %s (Bot API; not retried)", where, describe(error))
        return True
    if isinstance(error, TelegramError) and not isinstance(error, BadRequest | ChatMigrated):
        logger.error("Not answered, %s: %s", where, describe(error))
        return True
    # our code, or a request of ours Telegram refused as malformed: a bug to look into
    logger.error("Error while handling %s", where, exc_info=error)
    return True


async def on_error(update: object, context) -> None:
    if not log_error(update, context.error) or not isinstance(update, Update):
        return
    chat = update.effective_chat
    if chat is not None and context.application.services.chats.is_refused(chat.id):
        return
    try:
        lang = reply_lang(context, update)
    except Exception:
        lang = "zh-Hans"
    try:
        if update.callback_query is not None:
            return  # on_callback answers the query itself, with an apology on failure
        message = update.message or update.edited_message
        if message is not None and chat is not None:
            await message.reply_text(texts.apology(lang), do_quote=is_group(chat))
    except TelegramError as exc:
        logger.log(
            logging.INFO if isinstance(exc, Forbidden) else logging.WARNING,
            "Could not send the apology for %s: %s",
            _describe(update),
            describe(exc),
        )
