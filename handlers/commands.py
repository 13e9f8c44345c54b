"""/start (with an optional deep link to a direction), /help, /ask, /partners and /lang."""

from __future__ import annotations

import re

from telegram import Update

from bot import intents as L
from handlers import texts
from handlers.chatadmins import is_chat_admin
from handlers.keyboards import lang_keyboard, partners_keyboard
from handlers.messages import answer_question, bot_mentions, strip_command, strip_mentions
from handlers.send import send_html, send_reply
from handlers.services import CallbotContext, is_group, reply_lang, session_key

_PAYLOAD = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
ADMIN_COMMANDS = frozenset({"reload", "unanswered"})


def deep_link_payload(direction_id: str) -> str:
    """A direction id as a /start payload (only A-Za-z0-9_- are allowed there): intl-1.6 ->
    intl-1_6."""
    return direction_id.replace(".", "_")


def direction_from_payload(payload: str, direction_ids) -> str | None:
    """The direction a deep-link payload names (intl-1_6 or intl-1.6), or None."""
    if not _PAYLOAD.match(payload):
        return None
    ids = list(direction_ids)
    if payload in ids:
        return payload
    by_payload = {deep_link_payload(i): i for i in ids}
    return by_payload.get(payload) or by_payload.get(deep_link_payload(payload))


async def start(update: Update, context: CallbotContext) -> None:
    """Greet with what to ask; ``/start intl-1_6`` opens that direction."""
    message = update.effective_message
    engine = context.engine
    lang = reply_lang(context, update)
    if context.args:
        direction = direction_from_payload(context.args[0], engine.knowledge.direction_by_id)
        if direction:
            reply = engine.ask_about(L.DETAIL, [direction], session_key(update), lang)
            await send_reply(message, reply, quote=is_group(update.effective_chat))
            return
    await help_command(update, context)


async def help_command(update: Update, context: CallbotContext) -> None:
    """The greeting with example questions; in a group, how to address the bot there."""
    lang = reply_lang(context, update)
    if is_group(update.effective_chat):
        html = texts.group_help(lang, context.engine.knowledge, context.bot.username or "")
        await send_html(update.effective_message, html, quote=True)
        return
    reply = context.engine.ask_about(L.HELP, [], session_key(update), lang)
    await send_reply(update.effective_message, reply, quote=is_group(update.effective_chat))


async def ask(update: Update, context: CallbotContext) -> None:
    """/ask <question> (and /ask@bot in groups): works with the group privacy mode on."""
    message = update.effective_message
    question = strip_mentions(
        strip_command(message.text or ""), bot_mentions(message, context.bot)
    )
    await answer_question(update, context, question)


async def partners(update: Update, context: CallbotContext) -> None:
    """The partners, one inline button each (the button opens the partner's directions)."""
    lang = reply_lang(context, update)
    engine = context.engine
    reply = engine.ask_about(L.PARTNERS, [], session_key(update), lang)
    html = f"{reply.html}\n\n{texts.partners_title(lang)}"
    await send_html(
        update.effective_message,
        html,
        quote=is_group(update.effective_chat),
        markup=partners_keyboard(engine.knowledge, lang),
    )


async def lang(update: Update, context: CallbotContext) -> None:
    """/lang zh|zh-hant|en|auto fixes the reply language for this chat (auto: follow each
    question). Without an argument: the current setting and buttons."""
    message = update.effective_message
    quote = is_group(update.effective_chat)
    current = context.chat_data.get("lang") if context.chat_data is not None else None
    arg = " ".join(context.args or []).strip().lower()
    choice = texts.LANG_ALIASES.get(arg) if arg else None
    if choice is None:
        shown = reply_lang(context, update)
        usage = texts.lang_usage(shown, current)
        if quote:
            usage = f"{usage}\n{texts.lang_group_note(shown)}"
        await send_html(message, usage, quote=quote, markup=lang_keyboard(shown))
        return
    if not await may_set_lang(update, context):
        await send_html(message, texts.lang_admins_only(reply_lang(context, update)), quote=quote)
        return
    await send_html(message, set_lang(context, update, choice), quote=quote)


async def may_set_lang(update: Update, context: CallbotContext) -> bool:
    """Anyone in a private chat; in a group only its administrators (the setting is the whole
    group's)."""
    chat = update.effective_chat
    if not is_group(chat):
        return True
    user = update.effective_user
    return await is_chat_admin(
        context.bot,
        context.services.chat_admins,
        chat.id,
        user.id if user else None,
        update.effective_message if update.callback_query is None else None,
    )


def set_lang(context: CallbotContext, update: Update, choice: str) -> str:
    """Store the choice in chat_data and say so, in the new language."""
    if context.chat_data is not None:
        if choice == "auto":
            context.chat_data.pop("lang", None)
        else:
            context.chat_data["lang"] = choice
    return texts.lang_set(reply_lang(context, update), choice)


async def unknown_command(update: Update, context: CallbotContext) -> None:
    """Private chats only; admin commands (for non-admins) and commands of other bots are
    ignored silently."""
    message = update.effective_message
    name = strip_command_name(message.text or "")
    if name in ADMIN_COMMANDS or is_group(update.effective_chat):
        return
    await send_html(message, texts.unknown_command(reply_lang(context, update)), quote=False)


def strip_command_name(text: str) -> str:
    m = re.match(r"^/([A-Za-z0-9_]+)", text)
    return m.group(1).lower() if m else ""
