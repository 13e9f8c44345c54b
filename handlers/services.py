"""What every handler needs: the engine, the configuration, conversation keys and languages.

The services ride on a small ``Application`` subclass (PTB's ``application_class`` hook) and are
reached through a custom ``CallbackContext`` (``context.services``), so nothing but plain data goes
into ``bot_data`` (which is saved as JSON).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from telegram import Chat, Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Config
from bot.engine import Engine
from bot.reload import KnowledgeReloader
from handlers.chatadmins import ChatAdminCache
from handlers.texts import LANGS, lang_from_code

DEFAULT_LANG = "zh-Hans"


@dataclass
class Services:
    engine: Engine
    config: Config
    reloader: KnowledgeReloader  # validated, atomic reload of the knowledge file
    knowledge_path: str | None = None  # None: the bundled knowledge
    watcher: asyncio.Task | None = field(default=None, repr=False)  # see handlers.watcher
    chat_admins: ChatAdminCache = field(default_factory=ChatAdminCache, repr=False)  # /lang

    async def stop_watcher(self) -> None:
        """Cancel the knowledge-file watcher and wait for it; safe to call more than once."""
        task, self.watcher = self.watcher, None
        if task is None or task.done():
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


class CallbotApplication(Application):
    """An ``Application`` that carries the services (PTB: ``builder().application_class``)."""

    __slots__ = ("services",)

    def __init__(self, *, services: Services, **kwargs: Any):
        super().__init__(**kwargs)
        self.services = services

    async def shutdown(self) -> None:
        # post_shutdown stops the watcher too, but only run_polling/run_webhook call it; an
        # application used as ``async with app`` (tests, embedding) must not leave it running,
        # and it has to stop while the bot can still send.
        if not self.running:  # PTB refuses to shut down a running application
            await self.services.stop_watcher()
        await super().shutdown()


class CallbotContext(CallbackContext[ExtBot, dict, dict, dict]):
    @property
    def services(self) -> Services:
        return self.application.services  # type: ignore[attr-defined]

    @property
    def engine(self) -> Engine:
        return self.services.engine


def is_group(chat: Chat | None) -> bool:
    return chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP)


def session_key(update: Update) -> Hashable:
    """One conversation per private chat; in groups one per (chat, user)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return ("tg-user", user.id if user else 0)
    if is_group(chat):
        return ("tg", chat.id, user.id if user else 0)
    return ("tg", chat.id)


def fixed_lang(context: CallbotContext) -> str | None:
    """The language /lang fixed for this chat, or None (follow each question)."""
    data = context.chat_data
    value = data.get("lang") if data is not None else None
    return value if value in LANGS else None


def reply_lang(context: CallbotContext, update: Update, hint: str | None = None) -> str:
    """The language for answers that have no question text to detect it from."""
    fixed = fixed_lang(context)
    if fixed:
        return fixed
    if hint in LANGS:
        return hint  # type: ignore[return-value]
    turn = context.engine.contexts.get(session_key(update))
    if turn is not None and turn.lang in LANGS:
        return turn.lang
    user = update.effective_user
    return lang_from_code(user.language_code if user else None) or DEFAULT_LANG
