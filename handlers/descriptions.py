"""The bot's description and short description on Telegram, written from the loaded knowledge.

Set at start-up and again after a reload that put new knowledge in use: a file for another year
names other calls, and the profile a new user sees must say so without a restart."""

from __future__ import annotations

import logging

from telegram.error import TelegramError
from telegram.ext import Application

from handlers import texts
from handlers.services import Services

logger = logging.getLogger(__name__)

# (language_code, reply language); None: every language without its own description
DESCRIPTION_LANGS = (("zh", "zh-Hans"), (None, "en"))
MAX_DESCRIPTION = 512  # Telegram's limits
MAX_SHORT_DESCRIPTION = 120


async def set_descriptions(application: Application) -> bool:
    """Write both descriptions in every menu language; False (logged) when Telegram refused."""
    services: Services = application.services  # type: ignore[attr-defined]
    k = services.engine.knowledge
    ok = True
    for code, lang in DESCRIPTION_LANGS:
        try:
            await application.bot.set_my_description(
                texts.description(lang, k)[:MAX_DESCRIPTION], language_code=code
            )
            await application.bot.set_my_short_description(
                texts.short_description(lang, k)[:MAX_SHORT_DESCRIPTION], language_code=code
            )
        except TelegramError as exc:
            logger.warning("setMyDescription (%s) failed: %s", code, exc)
            ok = False
    return ok
