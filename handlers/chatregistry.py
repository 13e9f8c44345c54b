"""Migrated and refused chats, remembered in memory and bounded (see handlers.chats)."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

REFUSED_FOR = 24 * 3600.0  # seconds a refusal is remembered without news from the chat
MAX_REMEMBERED = 10_000  # refused chats, and migrations, each; the oldest are forgotten first
MAX_HOPS = 4  # a group migrated, then that id migrated again...: never loop on bad data


class ChatRegistry:
    """Migrated and refused chats. Times are wall-clock seconds, comparable with the dates of
    messages."""

    def __init__(
        self,
        refused_for: float = REFUSED_FOR,
        max_entries: int = MAX_REMEMBERED,
        clock: Callable[[], float] = time.time,
    ):
        self.refused_for = refused_for
        self.max_entries = max_entries
        self.clock = clock
        self._migrated: OrderedDict[int, int] = OrderedDict()
        self._refused: OrderedDict[int, float] = OrderedDict()

    # migrations
    def current(self, chat_id: int) -> int:
        """The id to send to for ``chat_id`` (the supergroup a group became)."""
        for _ in range(MAX_HOPS):
            new = self._migrated.get(chat_id)
            if new is None or new == chat_id:
                break
            chat_id = new
        return chat_id

    def note_migration(self, old: int, new: int) -> bool:
        """Remember ``old`` -> ``new``; False when it was known already."""
        if old == new or self._migrated.get(old) == new:
            return False
        self._migrated[old] = new
        self._migrated.move_to_end(old)
        while len(self._migrated) > self.max_entries:
            self._migrated.popitem(last=False)
        return True

    # refusals
    def refuse(self, chat_id: int) -> bool:
        """The chat answered 403 or removed the bot; False when it was known already."""
        known = self.refused_at(chat_id) is not None
        self._refused[chat_id] = self.clock()
        self._refused.move_to_end(chat_id)
        while len(self._refused) > self.max_entries:
            self._refused.popitem(last=False)
        return not known

    def refused_at(self, chat_id: int) -> float | None:
        """When the chat refused the bot, or None (never, or long enough ago to try again)."""
        since = self._refused.get(chat_id)
        if since is not None and self.clock() - since > self.refused_for:
            del self._refused[chat_id]
            return None
        return since

    def is_refused(self, chat_id: int) -> bool:
        return self.refused_at(chat_id) is not None

    def readmit(self, chat_id: int) -> bool:
        return self._refused.pop(chat_id, None) is not None
