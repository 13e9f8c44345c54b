"""Live reload: a task polls the knowledge file every ``CALLBOT_RELOAD_INTERVAL`` seconds.

``KnowledgeReloader.check()`` is cheap when nothing changed and swaps a valid changed file in
atomically; a file that fails validation is never loaded. When the file changed, every admin is
sent what /reload would say (what changed, or why it was refused); the same broken content is
reported once, not on every poll. The task logs failures and keeps going; it is started in
``post_init`` and cancelled in ``post_shutdown`` (and when the application shuts down).
"""

from __future__ import annotations

import asyncio
import logging

from telegram.error import TelegramError
from telegram.ext import Application

from bot.reload import ReloadOutcome
from handlers.admin import log_outcome, outcome_text
from handlers.descriptions import set_descriptions
from handlers.services import DEFAULT_LANG, Services
from handlers.split import split_message
from handlers.texts import LANGS

logger = logging.getLogger(__name__)


def _services(application: Application) -> Services:
    return application.services  # type: ignore[attr-defined]


def admin_lang(application: Application, user_id: int) -> str:
    """The language of an admin's own chat: set with /lang, else the last question's."""
    data = application.chat_data.get(user_id) or {}
    if data.get("lang") in LANGS:
        return data["lang"]
    turn = _services(application).engine.contexts.get(("tg", user_id))
    return turn.lang if turn is not None and turn.lang in LANGS else DEFAULT_LANG


async def notify_admins(application: Application, outcome: ReloadOutcome) -> int:
    """Send the reload report to every admin; returns how many got it. An admin who has not
    started the bot ("chat not found") or blocked it is logged and skipped."""
    services = _services(application)
    told = 0
    for user_id in sorted(services.config.admins):
        text = outcome_text(services, outcome, admin_lang(application, user_id))
        try:
            for part in split_message(text):
                await application.bot.send_message(user_id, part)
            told += 1
        except TelegramError as exc:
            logger.warning("Could not tell admin %s about the knowledge reload: %s", user_id, exc)
    return told


async def poll_once(application: Application) -> ReloadOutcome:
    """One check of the knowledge file; on a change, log it and tell the admins."""
    outcome = await asyncio.to_thread(_services(application).reloader.check)
    if outcome.changed:
        log_outcome(outcome, "file changed")
        if outcome.ok:
            await set_descriptions(application)
        await notify_admins(application, outcome)
    return outcome


async def watch(application: Application, interval: float) -> None:
    """Poll forever; an exception is logged and the next poll happens as usual."""
    while True:
        await asyncio.sleep(interval)
        try:
            await poll_once(application)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Checking the knowledge file failed; trying again in %ss", interval)


def start_watcher(application: Application) -> asyncio.Task | None:
    """Start polling (unless CALLBOT_RELOAD_INTERVAL is 0); idempotent."""
    services = _services(application)
    interval = services.config.reload_interval
    if interval <= 0:
        logger.info("Automatic knowledge reload is off (CALLBOT_RELOAD_INTERVAL=0)")
        return None
    if services.watcher is None or services.watcher.done():
        services.watcher = asyncio.create_task(
            watch(application, interval), name="callbot-knowledge-watcher"
        )
        logger.info("Watching %s for changes every %ss", services.reloader.path, interval)
    return services.watcher


async def stop_watcher(application: Application) -> None:
    """``post_shutdown``: cancel the watcher and wait for it."""
    await _services(application).stop_watcher()
