"""getUpdates that one bad update cannot jam, with a log an operator can read.

PTB's Updater parses a whole getUpdates batch at once (``Update.de_list``): one update it cannot
parse (a self-hosted Bot API server newer or older than PTB's schema, e.g. a poll without the
fields PTB requires) fails the batch, the offset never moves, and polling is stuck on it for
good, logging the update's text each time. PTB's network loop logs each failed poll with a
traceback, and a 401 ends the polling task while the process goes on, answering nothing.

``UpdatesRequest`` wraps the getUpdates client:

* each update is parsed on its own; one that fails is logged (its kind and update_id, never its
  content), dropped, and the next poll's offset skips it;
* a failed poll (5xx, network error, timeout, 409 Conflict, 429) is one WARNING line with its
  cause and the pause chosen, after which the poll returns no updates, so PTB's loop sees a
  success and logs nothing of its own;
* a rejected token (401/404) is one ERROR line and ``on_fatal`` (the application stops; the
  process exits 1).

Only long polls (``timeout`` > 0) pause: PTB's last call at shutdown (timeout 0) must not wait.
"""

from __future__ import annotations

import asyncio
import logging
import re
import warnings
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut
from telegram.request import BaseRequest
from telegram.warnings import PTBDeprecationWarning

from handlers.delivery import DelegatingRequest, with_parameter

logger = logging.getLogger(__name__)

FIRST_PAUSE = 1.0  # seconds after a failed poll; times GROWTH after each further one
GROWTH = 1.5
MAX_PAUSE = 30.0
_KIND = re.compile(r"^[a-z_]{1,40}$")
CONFLICT_ADVICE = (
    "another instance of this bot is polling with the same token, or a webhook is set for it;"
    " stop the other instance (or delete the webhook) and this one takes over"
)


def update_kind(item: object) -> str:
    """The update's type (its one field besides update_id), safe to log."""
    if isinstance(item, dict):
        for key in item:
            if key != "update_id" and isinstance(key, str):
                return key if _KIND.match(key) else "?"
    return "?"


def parse_each(items: object, bot=None) -> tuple[list, list[tuple[object, str]]]:
    """(the updates PTB can parse, [(update_id, kind) of those it cannot])."""
    if not isinstance(items, list):
        return [], [(None, type(items).__name__)]
    good, bad = [], []
    for item in items:
        try:
            if not isinstance(item, dict) or not isinstance(item.get("update_id"), int):
                raise TypeError("not an update")
            Update.de_json(item, bot)
        except Exception:  # whatever the library chokes on: this one update is lost, not all
            ident = item.get("update_id") if isinstance(item, dict) else None
            bad.append((ident if isinstance(ident, int) else None, update_kind(item)))
        else:
            good.append(item)
    return good, bad


def _retry_after(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # an int today, a timedelta in a later PTB
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = exc.retry_after
    return float(wait.total_seconds() if hasattr(wait, "total_seconds") else wait)


def describe(exc: TelegramError) -> str:
    """The cause in a few words: PTB's message, and the underlying error if it adds anything."""
    text = str(getattr(exc, "message", exc)) or type(exc).__name__
    cause = exc.__cause__
    if cause is not None and str(cause) and str(cause) not in text:
        text = f"{text} ({type(cause).__name__}: {cause})"
    return text


class UpdatesRequest(DelegatingRequest):
    def __init__(
        self,
        inner: BaseRequest,
        *,
        first_pause: float = FIRST_PAUSE,
        max_pause: float = MAX_PAUSE,
        on_fatal: Callable[[], None] | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ):
        super().__init__(inner)
        self.sleep = sleep
        self.first_pause = first_pause
        self.max_pause = max_pause
        self.on_fatal = on_fatal
        self.fatal = False  # the token was rejected: the bot cannot go on
        self.failures = 0  # polls failed in a row
        self.skipped = 0  # updates dropped because they cannot be parsed
        self._skip_to = 0  # the next offset must be at least this (after a dropped update)

    def pause(self) -> float:
        return min(self.max_pause, self.first_pause * GROWTH ** max(0, self.failures - 1))

    async def post(self, url, request_data=None, *args, **kwargs):  # type: ignore[override]
        params = request_data.parameters if request_data is not None else {}
        offset = params.get("offset")
        behind = not isinstance(offset, int) or 0 <= offset < self._skip_to
        if request_data is not None and self._skip_to and behind:
            request_data = with_parameter(request_data, "offset", self._skip_to)
        long_poll = isinstance(params.get("timeout"), int | float) and params["timeout"] > 0
        try:
            result = await super().post(url, request_data, *args, **kwargs)
        except TelegramError as exc:
            return await self._failed(exc, long_poll)
        if self.failures:
            logger.info("Polling works again after %d failed poll(s)", self.failures)
            self.failures = 0
        good, bad = parse_each(result)
        if bad:
            self._skip(good, bad)
        return good

    def _skip(self, good: list, bad: list[tuple[object, str]]) -> None:
        self.skipped += len(bad)
        for ident, kind in bad:
            logger.warning(
                "Skipped update %s (%s): python-telegram-bot cannot parse it", ident, kind
            )
        last_bad = max((i for i, _ in bad if isinstance(i, int)), default=None)
        last_good = max((u["update_id"] for u in good), default=-1)
        if last_bad is not None and last_bad > last_good:  # PTB's offset would stop short
            self._skip_to = max(self._skip_to, last_bad + 1)

    async def _failed(self, exc: TelegramError, long_poll: bool) -> list:
        if isinstance(exc, InvalidToken):
            if not self.fatal:
                self.fatal = True
                logger.error(
                    "The Bot API rejected the bot token while polling (%s): it was revoked or"
                    " replaced. Stopping; put the current token from @BotFather in"
                    " TELEGRAM_BOT_TOKEN",
                    describe(exc),
                )
                if self.on_fatal is not None:
                    self.on_fatal()
            if long_poll:
                await self.sleep(self.max_pause)  # the application is stopping
            return []
        if not long_poll:  # PTB's last call at shutdown: say so and go
            logger.info("Could not confirm the last updates at shutdown: %s", describe(exc))
            return []
        self.failures += 1
        if isinstance(exc, RetryAfter):
            wait = _retry_after(exc)
            cause = f"flood control ({describe(exc)})"
        elif isinstance(exc, TimedOut):
            wait, cause = 0.0, f"timed out ({describe(exc)})"
        else:
            wait = self.pause()
            cause = describe(exc)
            if isinstance(exc, Conflict):
                cause = f"409 Conflict: {CONFLICT_ADVICE} (Telegram: {cause})"
        logger.warning(
            "getUpdates failed (%d in a row): %s; polling again %s",
            self.failures,
            cause,
            f"in {wait:g} s" if wait else "at once",
        )
        if wait:
            await self.sleep(wait)
        return []
