"""Chats that change under the bot: a group upgraded to a supergroup, a chat that removed or
blocked the bot.

``ChatRegistry`` remembers both (bounded, in memory): migrations so that every later call goes
to the new id (handlers.delivery redirects there), refusals so that nothing more is sent to a
chat that answered 403 (not even an apology) until it writes again or adds the bot back.

The handlers here keep the registry and the per-chat state current: the migration service
messages move chat_data (/lang) and follow-up context to the new id; ``my_chat_member``
records the bot being removed or added back; ``gate`` drops what a refused chat sent before it
refused, and readmits a chat that writes again.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable

from telegram import ChatMember, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop

from bot.engine import Engine
from handlers import texts
from handlers.chatregistry import ChatRegistry
from handlers.send import ANSWERED_KEY
from handlers.services import CallbotContext, reply_lang

logger = logging.getLogger(__name__)

_WELCOME = {ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER}
_GONE = {ChatMember.LEFT, ChatMember.BANNED}
_GROUPS = {ChatType.GROUP, ChatType.SUPERGROUP}


def _registry(context: CallbotContext) -> ChatRegistry:
    return context.services.chats


# -- migration ----------------------------------------------------------------------------------


def move_contexts(engine: Engine, old: int, new: int) -> int:
    """Follow-up context of the old chat (keys ("tg", chat, ...)) under the new id; context
    already under the new id is kept. Returns how many moved."""
    moved = 0
    for key, turn in engine.contexts.export().items():
        if not (isinstance(key, tuple) and len(key) >= 2 and key[0] == "tg" and key[1] == old):
            continue
        new_key: Hashable = ("tg", new, *key[2:])
        if engine.contexts.get(new_key) is None:
            engine.contexts.put(new_key, turn)
            moved += 1
        engine.contexts.forget(key)
    return moved


def move_chat_data(application: Application, old: int, new: int) -> bool:
    """The old chat's settings under the new id (settings made there already win). Answer ids
    stay behind: message ids do not carry over to the supergroup."""
    old_data = application.chat_data.get(old)  # .get: no empty entry is created
    if not old_data:
        return False
    old_data.pop(ANSWERED_KEY, None)
    if not application.chat_data.get(new):
        application.migrate_chat_data(old_chat_id=old, new_chat_id=new)
    else:
        target = application.chat_data[new]
        for key, value in old_data.items():
            target.setdefault(key, value)
        application.drop_chat_data(old)
    return True


async def on_migrate(update: Update, context: CallbotContext) -> None:
    """Telegram's service messages: ``migrate_to_chat_id`` in the old group,
    ``migrate_from_chat_id`` in the new supergroup. Either one moves everything, once."""
    message = update.effective_message
    if message.migrate_to_chat_id:
        old, new = message.chat_id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat_id
    else:
        return
    _registry(context).note_migration(old, new)
    settings = move_chat_data(context.application, old, new)
    contexts = move_contexts(context.engine, old, new)
    if settings or contexts:
        logger.info(
            "Group %s became supergroup %s: moved its settings%s and %d follow-up context(s)",
            old,
            new,
            "" if settings else " (none)",
            contexts,
        )


# -- refused chats ------------------------------------------------------------------------------


async def on_my_chat_member(update: Update, context: CallbotContext) -> None:
    """The bot removed from / added back to a group, or blocked / unblocked in a private chat."""
    change = update.my_chat_member
    chat_id = change.chat.id
    status = change.new_chat_member.status
    registry = _registry(context)
    muted = status == ChatMember.RESTRICTED and not getattr(
        change.new_chat_member, "can_send_messages", True
    )
    if status in _GONE or muted:
        if registry.refuse(chat_id):
            logger.info("Chat %s removed the bot (%s): nothing more goes there", chat_id, status)
    else:
        if registry.readmit(chat_id):  # a member again (or restricted, but may write)
            logger.info("Chat %s added the bot back: answering it again", chat_id)
        if change.old_chat_member.status in _GONE and change.chat.type in _GROUPS:
            await _introduce(update, context)


async def _introduce(update: Update, context: CallbotContext) -> None:
    """Just added to a group: say once how to address the bot there, since it stays silent
    on the chatter that is not meant for it and would otherwise look broken."""
    lang = reply_lang(context, update)
    html = texts.group_help(lang, context.engine.knowledge, context.bot.username or "")
    chat_id = update.my_chat_member.chat.id
    try:
        await context.bot.send_message(chat_id, html)
    except TelegramError as exc:  # no right to write yet, or removed again: not an error
        logger.info("Could not introduce the bot in chat %s: %s", chat_id, exc)


async def gate(update: Update, context: CallbotContext) -> None:
    """Before anything else: what a refused chat sent before it refused is dropped unanswered;
    a new message from it (the bot added back, unblocked) readmits it."""
    chat = update.effective_chat
    if chat is None or update.my_chat_member is not None:
        return
    registry = _registry(context)
    since = registry.refused_at(chat.id)
    if since is None:
        return
    message = update.message
    if message is not None and message.date.timestamp() >= since:
        registry.readmit(chat.id)
        logger.info("Chat %s writes again: answering it again", chat.id)
        return
    raise ApplicationHandlerStop
