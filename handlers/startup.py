"""Connect to the Bot API before PTB takes over, saying why when it does not work.

PTB's own bootstrap (``bootstrap_retries=-1``) retries forever and logs the cause at DEBUG
only, so a wrong address, a blocked network or a refused webhook looked like a bot that
started and never answered. Here each failed attempt is logged at WARNING with its cause and a
growing pause; what retrying cannot fix (a token Telegram rejects, a webhook it refuses, a
request it calls bad) raises ``StartupError`` with the one line to show.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence

from telegram import Bot
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TelegramError,
)
from telegram.warnings import PTBDeprecationWarning

logger = logging.getLogger(__name__)

FIRST_PAUSE = 1.0  # seconds after the first failure; doubled after each further one
MAX_PAUSE = 60.0


class StartupError(Exception):
    """Starting cannot succeed by retrying; ``str()`` is the one line to log."""


def _pauses(first: float, most: float):
    pause = first
    while True:
        yield pause
        pause = min(most, pause * 2)


async def connect(
    bot: Bot,
    *,
    webhook_url: str | None = None,
    secret_token: str | None = None,
    allowed_updates: Sequence[str] | None = None,
    first_pause: float = FIRST_PAUSE,
    max_pause: float = MAX_PAUSE,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> None:
    """getMe, then setWebhook (with ``webhook_url``) or deleteWebhook (long polling), retried
    until they succeed; raises StartupError when retrying cannot help."""

    step = "getMe"

    async def attempt() -> None:
        nonlocal step
        step = "getMe"
        try:
            await bot.initialize()  # getMe; a no-op once it has succeeded
            if webhook_url:
                step = "setWebhook"
                await bot.set_webhook(
                    url=webhook_url, allowed_updates=allowed_updates, secret_token=secret_token
                )
            else:
                step = "deleteWebhook"
                await bot.delete_webhook()
        except InvalidToken as exc:
            raise StartupError(
                "The Bot API rejected the bot token (TELEGRAM_BOT_TOKEN): "
                f"{_reason(exc)}; check it with @BotFather"
            ) from None
        except BadRequest as exc:
            if step == "setWebhook":
                raise StartupError(
                    f"Telegram refused the webhook CALLBOT_WEBHOOK_URL={webhook_url}: "
                    f"{_reason(exc)}"
                ) from None
            raise StartupError(f"{step} failed: {_reason(exc)}") from None
        except Forbidden as exc:
            raise StartupError(f"{step} was refused: {_reason(exc)}") from None

    pauses = _pauses(first_pause, max_pause)
    for number in itertools.count(1):
        try:
            await attempt()
        except RetryAfter as exc:
            with warnings.catch_warnings():  # an int today, a timedelta in a later PTB
                warnings.simplefilter("ignore", PTBDeprecationWarning)
                wait = exc.retry_after
            wait = float(wait.total_seconds() if hasattr(wait, "total_seconds") else wait)
            _warn(number, step, exc, wait)
            await sleep(wait)
        except TelegramError as exc:  # network errors, timeouts, 5xx: worth another try
            wait = next(pauses)
            _warn(number, step, exc, wait)
            await sleep(wait)
        else:
            if number > 1:
                logger.info("Connected to the Bot API after %d attempts", number)
            return


def _reason(exc: TelegramError) -> str:
    """PTB's message, without its own "The token `…` was rejected" wrapper."""
    cause = exc.__cause__
    if isinstance(exc, InvalidToken) and isinstance(cause, TelegramError):
        exc = cause
    return str(exc.message if hasattr(exc, "message") else exc)


def _warn(number: int, step: str, exc: TelegramError, wait: float) -> None:
    cause = exc.__cause__
    detail = _reason(exc)
    if cause is not None and str(cause) and str(cause) not in detail:
        detail = f"{detail} ({type(cause).__name__}: {cause})"
    logger.warning(
        "Cannot reach the Bot API (attempt %d, %s): %s; next try in %g s",
        number,
        step,
        detail,
        wait,
    )
