"""Updates processed concurrently across chats and strictly in order within a chat.

PTB's default (``concurrent_updates=False``) handles one update at a time: answers stay in
order, but every chat waits for every other chat's Bot API round trips (and for the rate
limiter's pauses), so with Telegram's real latency of tens to hundreds of milliseconds a call
the bot, not Telegram, would cap the message rate. PTB's ``concurrent_updates=True`` gives no
order at all, so a quick follow-up ("那德国呢？") could be answered before the question it follows.

``ChatOrderedProcessor`` keeps one FIFO lock per conversation (the chat; the user for updates
without a chat, such as inline queries): updates of one chat run one after another in the order
they arrived, different chats run side by side, at most ``max_concurrent`` at a time.

The order is taken before anything can wait: PTB starts one task per update in arrival order and
its own semaphore (sized so that it never blocks) lets each task reach ``do_process_update``
without yielding, where it queues on its chat's lock at once; ``asyncio.Lock`` wakes waiters in
the order they queued. The bound on concurrency is applied after the chat lock, so a busy chat
holds one slot, not all of them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# PTB's semaphore must never make a task wait: a waiting task could be overtaken
UNBOUNDED = 1 << 30


def chat_key(update: object) -> Hashable | None:
    """The conversation an update belongs to, or None (no order needed)."""
    if not isinstance(update, Update):
        return None
    chat = update.effective_chat
    if chat is not None:
        return chat.id
    user = update.effective_user
    return ("user", user.id) if user is not None else None


class ChatOrderedProcessor(BaseUpdateProcessor):
    __slots__ = ("_chains", "_limit", "max_concurrent")

    def __init__(self, max_concurrent: int = 256):
        super().__init__(UNBOUNDED)
        if max_concurrent < 1:
            raise ValueError("max_concurrent must be at least 1")
        self.max_concurrent = max_concurrent
        self._limit: asyncio.Semaphore | None = None
        self._chains: dict[Hashable, list[Any]] = {}  # key -> [lock, tasks holding or waiting]

    async def initialize(self) -> None:
        self._limit = asyncio.Semaphore(self.max_concurrent)

    async def shutdown(self) -> None:
        self._limit = None

    def pending(self) -> int:
        """Conversations with an update being processed or waiting (for tests and logs)."""
        return len(self._chains)

    def queued(self, key: Hashable) -> int:
        """Updates of one conversation being processed or waiting (the pacer's backlog)."""
        chain = self._chains.get(key)
        return chain[1] if chain is not None else 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        limit = self._limit
        if limit is None:  # not initialized (process_update called directly)
            limit = self._limit = asyncio.Semaphore(self.max_concurrent)
        key = chat_key(update)
        if key is None:
            async with limit:
                await coroutine
            return
        chain = self._chains.get(key)
        if chain is None:
            chain = self._chains[key] = [asyncio.Lock(), 0]
        chain[1] += 1
        started = False
        try:
            async with chain[0], limit:
                started = True
                await coroutine
        finally:
            chain[1] -= 1
            if not chain[1] and self._chains.get(key) is chain:
                del self._chains[key]
            if not started and hasattr(coroutine, "close"):
                coroutine.close()  # cancelled while waiting: no "never awaited" warning
