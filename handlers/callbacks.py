"""Button presses: answer the question behind the button by editing the message in place (or
with a new message when it cannot be edited), and always answer the callback query."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, TelegramError

from bot import intents as L
from bot.engine import Reply
from handlers import texts
from handlers.commands import may_set_lang, set_lang
from handlers.keyboards import Action, answer_keyboard, decode
from handlers.services import CallbotContext, fixed_lang, is_group, reply_lang, session_key
from handlers.split import split_message

logger = logging.getLogger(__name__)


def _reply_for(action: Action, update: Update, context: CallbotContext) -> Reply | None:
    """The engine's answer for a button, or None when the button names what no longer exists."""
    engine = context.engine
    knowledge = engine.knowledge
    session = session_key(update)
    lang = reply_lang(context, update, hint=action.lang)
    if action.op == "intent":
        if any(p not in knowledge.direction_by_id for p in action.programs):
            return None
        return engine.ask_about(action.intent, list(action.programs), session, lang)
    if action.op == "partner":
        directions = knowledge.directions_by_partner.get(action.partner)
        if not directions:
            return None
        return engine.ask_about(L.DETAIL, [d.id for d in directions], session, lang)
    if action.op == "ask":
        # the text comes from callback data, which a client can forge: answer it, never log it
        return engine.ask(
            action.query, session, lang=fixed_lang(context) or action.lang, log_unanswered=False
        )
    return None


async def _show(
    query: CallbackQuery,
    html: str,
    markup: InlineKeyboardMarkup | None,
    update: Update,
    context: CallbotContext,
) -> None:
    """Edit the message the button is under; send a new one when that is not possible."""
    parts = split_message(html)
    message = query.message
    if len(parts) == 1 or message is None:
        try:
            await query.edit_message_text(parts[0], reply_markup=markup)
            return
        except BadRequest as exc:
            if "not modified" in exc.message.lower():
                return
            if message is None:  # an inline message: there is no chat to write to instead
                raise
            logger.info("Could not edit message %s: %s", message.message_id, exc.message)
    group = is_group(update.effective_chat)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(message, Message):
            await message.reply_text(
                part, do_quote=group and i == 0, reply_markup=markup if last else None
            )
        else:  # too old to be accessible: write to the chat
            await context.bot.send_message(
                message.chat.id, part, reply_markup=markup if last else None
            )


async def on_callback(update: Update, context: CallbotContext) -> None:
    """The query is answered exactly once, here: empty after the message is updated, with a
    short note for stale buttons, with an apology when anything failed (the error is re-raised
    for the error handler to log)."""
    query = update.callback_query
    note: str | None = None
    try:
        action = decode(query.data)
        if action is not None and action.op == "lang":
            if not await may_set_lang(update, context):
                note = texts.lang_admins_only(reply_lang(context, update), button=True)
                return
            await _show(query, set_lang(context, update, action.choice), None, update, context)
            return
        reply = _reply_for(action, update, context) if action is not None else None
        if reply is None:
            logger.info("Stale or unknown button data %r", str(query.data)[:64])
            note = texts.stale_button(reply_lang(context, update, hint=action and action.lang))
            return
        markup = answer_keyboard(reply, context.engine.knowledge)
        await _show(query, reply.html, markup, update, context)
    except Exception:
        note = texts.apology(reply_lang(context, update))
        raise
    finally:
        try:
            await query.answer(note)
        except TelegramError as exc:
            logger.info("Could not answer callback query: %s", exc)
