"""Sending an engine reply to Telegram: split into valid parts, keyboard under the last part,
quoted in groups, and remembered so an edited question can edit its answer."""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict

from telegram import InlineKeyboardMarkup, Message
from telegram.error import BadRequest, TelegramError
from telegram.ext import ExtBot

from bot.engine import Reply
from handlers.keyboards import answer_keyboard
from handlers.split import split_message
from knowledge.model import Knowledge

logger = logging.getLogger(__name__)

ANSWERED_KEY = "answered"  # chat_data: question message_id -> the bot's reply message ids
MAX_ANSWERED = 200  # per chat; the oldest questions are forgotten first


def _markup(
    reply: Reply, markup: InlineKeyboardMarkup | bool | None, knowledge: Knowledge | None
) -> InlineKeyboardMarkup | None:
    if markup is False:
        return None
    if isinstance(markup, InlineKeyboardMarkup):
        return markup
    return answer_keyboard(reply, knowledge)


async def send_reply(
    message: Message,
    reply: Reply,
    *,
    quote: bool,
    markup: InlineKeyboardMarkup | bool | None = None,
    chat_data: dict | None = None,
    knowledge: Knowledge | None = None,
) -> list[Message]:
    """Answer ``message`` with ``reply``; with ``chat_data``, remember it for edits."""
    return await send_html(
        message,
        reply.html,
        quote=quote,
        markup=_markup(reply, markup, knowledge),
        chat_data=chat_data,
    )


async def send_html(
    message: Message,
    html: str,
    *,
    quote: bool,
    markup: InlineKeyboardMarkup | None = None,
    chat_data: dict | None = None,
) -> list[Message]:
    parts = split_message(html)
    sent: list[Message] = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        sent.append(
            await message.reply_text(
                part, do_quote=quote and i == 0, reply_markup=markup if last else None
            )
        )
    if chat_data is not None:
        remember(chat_data, message.message_id, [m.message_id for m in sent])
    return sent


def remember(chat_data: dict, question_id: int, answer_ids: list[int]) -> None:
    answered = chat_data.get(ANSWERED_KEY)
    if not isinstance(answered, OrderedDict):
        answered = OrderedDict(answered or {})
        chat_data[ANSWERED_KEY] = answered
    answered[question_id] = list(answer_ids)
    answered.move_to_end(question_id)
    while len(answered) > MAX_ANSWERED:
        answered.popitem(last=False)


def answered_ids(chat_data: dict | None, question_id: int) -> list[int] | None:
    if not chat_data:
        return None
    answered = chat_data.get(ANSWERED_KEY) or {}
    ids = answered.get(question_id)
    return list(ids) if ids else None


async def edit_reply(
    bot: ExtBot,
    chat_id: int,
    old_ids: list[int],
    reply: Reply,
    question: Message,
    chat_data: dict | None,
    *,
    quote: bool,
    knowledge: Knowledge | None = None,
) -> None:
    """Replace an earlier answer (``old_ids``) with ``reply``: edit the messages there are,
    send the parts that do not fit, delete the ones no longer needed."""
    parts = split_message(reply.html)
    markup = answer_keyboard(reply, knowledge)
    new_ids: list[int] = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if i < len(old_ids):
            try:
                await bot.edit_message_text(
                    part,
                    chat_id=chat_id,
                    message_id=old_ids[i],
                    reply_markup=markup if last else None,
                )
                new_ids.append(old_ids[i])
                continue
            except BadRequest as exc:
                if "not modified" in exc.message.lower():
                    new_ids.append(old_ids[i])
                    continue
                logger.info(
                    "Could not edit message %s in chat %s: %s", old_ids[i], chat_id, exc.message
                )
        m = await question.reply_text(
            part, do_quote=quote and i == 0, reply_markup=markup if last else None
        )
        new_ids.append(m.message_id)
    for stale in old_ids[len(parts) :]:
        with contextlib.suppress(TelegramError):
            await bot.delete_message(chat_id, stale)
    if chat_data is not None:
        remember(chat_data, question.message_id, new_ids)
