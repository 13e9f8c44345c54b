"""Every Bot API call but getUpdates goes through ``ChatAwareRequest``, which knows what
happened to chats (handlers.chatregistry):

* a call to a group that became a supergroup goes to the supergroup; one that Telegram bounces
  with ``migrate_to_chat_id`` (PTB: ``ChatMigrated``) is sent again there, once, and the new id
  remembered. PTB would raise, and the answer was lost;
* a chat that answered 403 (the bot kicked, blocked by the user) is remembered, and nothing more
  is sent to it: a call to it raises ``ChatRefused`` without reaching Telegram.

It wraps the real client (PTB's HTTPXRequest, or a test's recording request), so the rate
limiter and PTB's error mapping see one ordinary call.
"""

from __future__ import annotations

import logging

from telegram.error import ChatMigrated, Forbidden
from telegram.request import BaseRequest, RequestData
from telegram.request._requestparameter import RequestParameter  # PTB pinned (22.8): no public way

from handlers.chatregistry import ChatRegistry

logger = logging.getLogger(__name__)


class ChatRefused(Forbidden):
    """Not sent: the chat refused the bot earlier (no call was made)."""


class DelegatingRequest(BaseRequest):
    """A BaseRequest that lets ``inner`` make the HTTP calls; subclasses change ``post``."""

    def __init__(self, inner: BaseRequest):
        self.inner = inner

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(self, *args, **kwargs) -> tuple[int, bytes]:  # type: ignore[override]
        return await self.inner.do_request(*args, **kwargs)


def chat_id_of(request_data: RequestData | None) -> int | None:
    """The numeric chat_id a call names, or None (no chat, or an @username)."""
    if request_data is None:
        return None
    value = request_data.parameters.get("chat_id")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


def with_parameter(request_data: RequestData, name: str, value: object) -> RequestData:
    """A copy of ``request_data`` with one parameter replaced (calls without files only)."""
    params = dict(request_data.parameters)
    params[name] = value
    return RequestData([RequestParameter(k, v, None) for k, v in params.items()])


class ChatAwareRequest(DelegatingRequest):
    def __init__(self, inner: BaseRequest, chats: ChatRegistry):
        super().__init__(inner)
        self.chats = chats

    async def post(self, url, request_data=None, *args, **kwargs):  # type: ignore[override]
        chat_id = chat_id_of(request_data)
        if chat_id is None or request_data is None or request_data.contains_files:
            return await super().post(url, request_data, *args, **kwargs)
        current = self.chats.current(chat_id)
        if current != chat_id:
            request_data, chat_id = with_parameter(request_data, "chat_id", current), current
        if self.chats.is_refused(chat_id):
            raise ChatRefused(f"Not sent: chat {chat_id} refused the bot earlier")
        try:
            return await super().post(url, request_data, *args, **kwargs)
        except ChatMigrated as exc:
            new = int(exc.new_chat_id)
            if self.chats.note_migration(chat_id, new):
                logger.info("Group %s is now supergroup %s: sending there", chat_id, new)
            moved = with_parameter(request_data, "chat_id", new)
            try:
                return await super().post(url, moved, *args, **kwargs)
            except Forbidden:
                self.chats.refuse(new)
                raise
        except Forbidden:
            self.chats.refuse(chat_id)
            raise
