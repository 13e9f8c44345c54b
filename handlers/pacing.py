"""Per-chat pacing of Bot API calls, so that one busy group never stalls the other chats.

Telegram lets a bot send about 20 messages a minute into one group, about one a second into a
private chat (short bursts pass) and about 30 a second overall, and answers a call beyond that
with 429 and ``retry_after``. PTB's ``AIORateLimiter`` paces groups but, after any 429, pauses
*every* request until the retry time has passed, so a group flooded with questions made every
other chat wait with it and let inline queries expire. ``ChatPacer`` keeps PTB's rate limiter
interface (it is an ``AIORateLimiter`` to PTB) but

* paces each chat on its own: a sliding log of the chat's recent sends, so that no window of
  Telegram's ever holds more than it allows and Telegram never has to answer 429;
* sends a chat's calls one at a time in the order they were made (a FIFO lock per chat);
* puts answers to inline and callback queries before everything: they expire in seconds and
  pass no pacing at all;
* on a 429 for one chat pauses that chat only, for the ``retry_after`` Telegram named;
* tells a group once per overload episode that its questions are answered in turn, when more
  are waiting than can be sent within Telegram's window (the ``backlog`` hook counts them): as
  the first line of the answer going out, so that it costs none of the group's 20 a minute;
* forgets chats that have been idle for a window, and tracks at most ``MAX_CHATS``.

``scale`` multiplies every per-chat window: 1 is Telegram's; tests against the fake Bot API
run the same logic faster (see ``Config.group_rate``).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
import time
import warnings
from collections import deque
from collections.abc import Callable, Coroutine, Hashable
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter, TelegramError
from telegram.ext import AIORateLimiter, Application

from bot.language import detect_lang
from handlers import texts

logger = logging.getLogger(__name__)

# (messages, seconds): at most that many sends into one chat within any window that long
PRIVATE_RULES: tuple[tuple[int, float], ...] = ((3, 3.0),)  # one a second, bursts of three
GROUP_RULES: tuple[tuple[int, float], ...] = ((3, 3.0), (20, 60.0))
TELEGRAM_GROUP_RATE = 20.0  # messages a minute into one group: the rate ``scale`` 1 stands for
OVERALL_RATE = 30  # messages a second into all chats together
MAX_RETRIES = 3  # after a 429
QUERY_RETRY_LIMIT = 2.0  # seconds: a query answered later than this has expired anyway
MAX_CHATS = 10_000  # chats tracked at once; idle ones are dropped first
SWEEP_AT = 1024  # tracked chats at which idle ones are first looked for
MAX_MESSAGE = 4096  # UTF-16 code units Telegram takes in one message

# calls that put a message into a chat (or change one): what Telegram's flood control counts
_MESSAGE_CALL = re.compile(r"^(send(?!chataction)|copymessage|forwardmessage|editmessage)")
_QUERY_CALLS = frozenset({"answerinlinequery", "answercallbackquery"})
_TAG = re.compile(r"<[^>]{0,200}>")

Callback = Callable[..., Coroutine[Any, Any, Any]]


def retry_seconds(exc: RetryAfter) -> float:
    """``retry_after`` in seconds (PTB 22's public attribute warns about its future type)."""
    value = getattr(exc, "_retry_after", None)
    if not isinstance(value, timedelta):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = exc.retry_after
    seconds = value.total_seconds() if isinstance(value, timedelta) else float(value)
    return max(0.0, seconds)


def is_message_call(endpoint: str) -> bool:
    return bool(_MESSAGE_CALL.match(endpoint.lower()))


def chat_of(data: dict[str, Any]) -> int | str | None:
    """The chat a call goes to: an int id, an @username, or None."""
    chat_id = data.get("chat_id")
    if isinstance(chat_id, str):
        with contextlib.suppress(ValueError):
            return int(chat_id)
        return chat_id
    return chat_id if isinstance(chat_id, int) else None


def is_group(chat_id: int | str) -> bool:
    # negative ids are groups, supergroups and channels; an @username can only be one of those
    return isinstance(chat_id, str) or chat_id < 0


class _Chat:
    """One chat's recent sends and the lock that keeps its calls in order."""

    __slots__ = ("busy", "lock", "paused_until", "rules", "stamps", "users")

    def __init__(self, rules: tuple[tuple[int, float], ...]):
        self.rules = rules
        self.lock = asyncio.Lock()
        self.stamps: deque[float] = deque(maxlen=max(n for n, _ in rules))
        self.paused_until = 0.0  # a 429's retry_after
        self.users = 0  # calls holding or waiting for the lock
        self.busy = False  # the overload notice went out in this episode

    def next_slot(self) -> float:
        """The earliest time the next message may go without breaking a window."""
        at = self.paused_until
        for count, window in self.rules:
            if len(self.stamps) >= count:
                at = max(at, self.stamps[-count] + window)
        return at

    def idle(self, now: float) -> bool:
        return (
            not self.users
            and self.next_slot() <= now
            and (not self.stamps or self.stamps[-1] + max(w for _, w in self.rules) <= now)
        )


class ChatPacer(AIORateLimiter):
    """PTB rate limiter pacing each chat on its own; see the module docstring."""

    __slots__ = (
        "_chats",
        "_clock",
        "_next_sweep",
        "_overall",
        "_sleep",
        "backlog",
        "chat_lang",
        "group_rules",
        "notices",
        "private_rules",
    )

    def __init__(
        self,
        *,
        scale: float = 1.0,
        overall_rate: float = OVERALL_RATE,
        max_retries: int = MAX_RETRIES,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Coroutine[Any, Any, Any]] = asyncio.sleep,
    ):
        if not scale > 0:
            raise ValueError("scale must be positive")
        # PTB's own limiters off: all pacing is done here (its one shared pause is the flaw)
        super().__init__(overall_max_rate=0, group_max_rate=0, max_retries=max_retries)
        self.private_rules = tuple((n, w * scale) for n, w in PRIVATE_RULES)
        self.group_rules = tuple((n, w * scale) for n, w in GROUP_RULES)
        self._overall = AsyncLimiter(overall_rate, 1)
        self._clock = clock
        self._sleep = sleep
        self._chats: dict[Hashable, _Chat] = {}
        self._next_sweep = SWEEP_AT
        # messages waiting to be answered in a chat, counted where they queue (the update
        # processor); None: only the calls waiting here are counted
        self.backlog: Callable[[Hashable], int] | None = None
        self.chat_lang: Callable[[Hashable], str | None] | None = None  # /lang of a chat
        self.notices = 0  # overload notices sent (for logs and tests)

    @classmethod
    def for_group_rate(cls, group_rate: float, **kwargs: Any) -> ChatPacer:
        """Paced for ``group_rate`` messages a minute into a group (Telegram's: 20), private
        chats in proportion."""
        return cls(scale=TELEGRAM_GROUP_RATE / group_rate, **kwargs)

    def attach(self, application: Application) -> None:
        """Count each chat's waiting updates and read its /lang setting from ``application``."""
        processor = application.update_processor
        queued = getattr(processor, "queued", None)
        if callable(queued):
            self.backlog = queued
        chat_data = application.chat_data

        def chat_lang(chat_id: Hashable) -> str | None:
            data = chat_data.get(chat_id)  # type: ignore[call-overload]
            lang = data.get("lang") if isinstance(data, dict) else None
            return lang if lang in texts.LANGS else None

        self.chat_lang = chat_lang

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        self._chats.clear()

    def tracked(self) -> int:
        """Chats with pacing state (for tests and logs)."""
        return len(self._chats)

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        retries = self._max_retries if rate_limit_args is None else rate_limit_args
        if endpoint.lower() in _QUERY_CALLS:
            return await self._query(callback, args, kwargs)
        chat_id = chat_of(data)
        message = is_message_call(endpoint)
        if chat_id is None or not message:
            # not counted by a chat's flood control: only the overall cap for messages (edits
            # of inline messages), a 429 retried for this call alone
            return await self._unpaced(callback, args, kwargs, retries, message)
        chat = self._chat(chat_id)
        chat.users += 1
        try:
            async with chat.lock:
                if self._overloaded(chat_id, chat):
                    args = await self._tell(chat_id, chat, callback, args, kwargs, data)
                return await self._paced(chat_id, chat, callback, args, kwargs, retries)
        finally:
            chat.users -= 1

    async def _query(self, callback: Callback, args: Any, kwargs: dict[str, Any]) -> Any:
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            pause = retry_seconds(exc)
            if pause > QUERY_RETRY_LIMIT:
                raise
            await self._sleep(pause)
            return await callback(*args, **kwargs)

    async def _unpaced(
        self, callback: Callback, args: Any, kwargs: dict[str, Any], retries: int, message: bool
    ) -> Any:
        for attempt in range(retries + 1):
            if message:
                await self._overall.acquire()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                pause = retry_seconds(exc)
                logger.warning("Bot API rate limit (%s): retrying in %.1f s", args[0], pause)
                await self._sleep(pause)
        raise AssertionError("unreachable")

    async def _wait_turn(self, chat: _Chat) -> None:
        while (delay := chat.next_slot() - self._clock()) > 0:
            await self._sleep(delay)
        await self._overall.acquire()

    async def _paced(
        self,
        chat_id: Hashable,
        chat: _Chat,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        retries: int,
    ) -> Any:
        for attempt in range(retries + 1):
            await self._wait_turn(chat)
            try:
                result = await callback(*args, **kwargs)
            except RetryAfter as exc:
                pause = retry_seconds(exc)
                chat.paused_until = max(chat.paused_until, self._clock() + pause)
                if attempt == retries:
                    logger.warning(
                        "Telegram still refuses messages to chat %s after %d retries (429)",
                        chat_id,
                        retries,
                    )
                    raise
                logger.warning(
                    "Telegram asked to slow down in chat %s (429): pausing that chat %.1f s",
                    chat_id,
                    pause,
                )
                continue
            except BaseException:
                # it may have reached Telegram and counted there
                chat.stamps.append(self._clock())
                raise
            # stamped when answered, after Telegram counted it: its window cannot be shorter
            chat.stamps.append(self._clock())
            return result
        raise AssertionError("unreachable")

    def _overloaded(self, chat_id: int | str, chat: _Chat) -> bool:
        """True once per overload episode of a group: more messages wait than its longest
        window lets through; the episode ends when the queue has emptied."""
        if not is_group(chat_id):
            return False
        waiting = chat.users
        if self.backlog is not None:
            waiting = max(waiting, self.backlog(chat_id))
        if waiting <= 1:
            chat.busy = False
            return False
        if chat.busy or waiting <= max(n for n, _ in chat.rules):
            return False
        chat.busy = True
        logger.info("Chat %s: %d messages waiting; telling the group", chat_id, waiting)
        return True

    def _with_notice(self, endpoint: str, data: dict[str, Any], notice: str) -> Any:
        """The call with the notice as the first line of its text, or None when it cannot take
        one: a separate message would take one of the group's few slots a minute."""
        text = data.get("text")
        if endpoint.lower() != "sendmessage" or not isinstance(text, str) or data.get("entities"):
            return None
        mode = data.get("parse_mode")
        if mode is None:
            head = f"{notice}\n\n"
        elif str(mode).upper() == "HTML":
            head = f"<i>{html.escape(notice)}</i>\n\n"
        else:
            return None
        text = head + text
        if len(text.encode("utf-16-le")) // 2 > MAX_MESSAGE:
            return None
        return (endpoint, {**data, "text": text})

    async def _tell(
        self,
        chat_id: int | str,
        chat: _Chat,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        data: dict[str, Any],
    ) -> Any:
        """The group is told its questions are answered in turn: in the answer going out now
        when it can be, else in a message of its own before it. The call's args to send."""
        notice = texts.busy(self._language(chat_id, data))
        self.notices += 1
        combined = self._with_notice(args[0], data, notice)
        if combined is not None:
            return combined
        alone: dict[str, Any] = {"chat_id": chat_id, "text": notice, "disable_notification": True}
        if data.get("message_thread_id") is not None:  # a forum topic: say it there
            alone["message_thread_id"] = data["message_thread_id"]
        try:
            await self._paced(chat_id, chat, callback, ("sendMessage", alone), kwargs, 0)
        except TelegramError as exc:  # the answers matter more than the notice
            logger.info("Overload notice to chat %s not sent: %s", chat_id, exc)
        return args

    def _language(self, chat_id: Hashable, data: dict[str, Any]) -> str:
        fixed = self.chat_lang(chat_id) if self.chat_lang is not None else None
        if fixed:
            return fixed
        text = data.get("text")
        # the answer being held back is in the asker's language
        return detect_lang(_TAG.sub("", text)) if isinstance(text, str) else "zh-Hans"

    def _chat(self, chat_id: int | str) -> _Chat:
        chat = self._chats.get(chat_id)
        if chat is None:
            if len(self._chats) >= self._next_sweep:
                self._sweep()
            rules = self.group_rules if is_group(chat_id) else self.private_rules
            chat = self._chats[chat_id] = _Chat(rules)
        return chat

    def _sweep(self) -> None:
        """Drop chats idle for their whole window; above MAX_CHATS also the least recently
        used idle ones (a forgotten chat risks one 429 at worst, which is handled)."""
        now = self._clock()
        for key in [k for k, c in self._chats.items() if c.idle(now)]:
            del self._chats[key]
        if len(self._chats) >= MAX_CHATS:
            idle = [k for k, c in self._chats.items() if not c.users]
            idle.sort(key=lambda k: self._chats[k].stamps[-1] if self._chats[k].stamps else 0.0)
            for key in idle[: len(self._chats) - MAX_CHATS + 1]:
                del self._chats[key]
        self._next_sweep = min(MAX_CHATS, max(SWEEP_AT, 2 * len(self._chats)))
