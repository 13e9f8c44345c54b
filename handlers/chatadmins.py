"""Is the sender a group administrator? Asked with getChatMember and remembered briefly, so a
group that tries /lang a few times in a row costs one call; anonymous admins need no call."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict

from telegram import ChatMember, Message
from telegram.constants import ChatID
from telegram.error import TelegramError
from telegram.ext import ExtBot

logger = logging.getLogger(__name__)

ADMIN_TTL = 60.0  # seconds an answer is trusted: a demoted admin keeps the right this long
MAX_CACHED = 1024  # (chat, user) pairs remembered at once; the least recent go first
_ADMIN_STATUSES = frozenset({ChatMember.ADMINISTRATOR, ChatMember.OWNER})


class ChatAdminCache:
    """(chat id, user id) -> (is admin, when asked); bounded and expiring."""

    def __init__(self, ttl: float = ADMIN_TTL, max_entries: int = MAX_CACHED):
        self.ttl = ttl
        self.max_entries = max_entries
        self._data: OrderedDict[tuple[int, int], tuple[bool, float]] = OrderedDict()

    def get(self, chat_id: int, user_id: int, now: float | None = None) -> bool | None:
        now = time.monotonic() if now is None else now
        entry = self._data.get((chat_id, user_id))
        if entry is None:
            return None
        if now - entry[1] > self.ttl:
            del self._data[(chat_id, user_id)]
            return None
        return entry[0]

    def put(self, chat_id: int, user_id: int, admin: bool, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self._data[(chat_id, user_id)] = (admin, now)
        self._data.move_to_end((chat_id, user_id))
        while len(self._data) > self.max_entries:
            self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


def is_anonymous_admin(message: Message | None) -> bool:
    """An admin writing as the group itself (Telegram sends it from GroupAnonymousBot)."""
    if message is None or message.sender_chat is None:
        return False
    if message.sender_chat.id != message.chat.id:
        return False  # a linked channel's post, not an admin
    user = message.from_user
    return user is None or user.id == ChatID.ANONYMOUS_ADMIN


async def is_chat_admin(
    bot: ExtBot,
    cache: ChatAdminCache,
    chat_id: int,
    user_id: int | None,
    message: Message | None = None,
) -> bool:
    """True for the group's owner and administrators (also anonymous ones). A failed check
    counts as "no" and is not remembered, so the next try asks again."""
    if is_anonymous_admin(message):
        return True
    if user_id is None or user_id == ChatID.ANONYMOUS_ADMIN:
        return False  # GroupAnonymousBot without the group as sender: cannot be checked
    known = cache.get(chat_id, user_id)
    if known is not None:
        return known
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramError as exc:
        logger.info("getChatMember for chat %s failed: %s", chat_id, exc)
        return False
    admin = member.status in _ADMIN_STATUSES
    cache.put(chat_id, user_id, admin)
    return admin
