"""The fake Telegram Bot API server. See the package docstring for usage."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import email.parser
import email.policy
import http.server
import itertools
import json
import math
import re
import select
import socket
import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .textparse import TextError, detect_entities, format_text, sort_entities, utf16_len

__all__ = ["ApiError", "Call", "FakeBotApi", "Rejected", "SentMessage"]

_JSON_FIELDS = {
    "reply_markup",
    "entities",
    "caption_entities",
    "reply_parameters",
    "link_preview_options",
    "commands",
    "scope",
    "results",
    "allowed_updates",
    "menu_button",
    "button",
    "media",
    "message_ids",
    "reaction",
    "quote_entities",
    "options",
}
_INT_FIELDS = {
    "message_id",
    "offset",
    "limit",
    "timeout",
    "reply_to_message_id",
    "cache_time",
    "user_id",
    "message_thread_id",
    "max_connections",
}
_BOOL_FIELDS = {
    "disable_notification",
    "protect_content",
    "show_alert",
    "is_personal",
    "allow_sending_without_reply",
    "drop_pending_updates",
    "disable_web_page_preview",
    "allow_paid_broadcast",
    "for_channels",
}
_CHAT_ID_FIELDS = {"chat_id", "from_chat_id"}
_STR_ID_FIELDS = {"callback_query_id", "inline_query_id", "inline_message_id"}

_CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
_SCOPE_TYPES = {
    "default",
    "all_private_chats",
    "all_group_chats",
    "all_chat_administrators",
    "chat",
    "chat_administrators",
    "chat_member",
}
_BUTTON_ACTION_FIELDS = (
    "callback_game",
    "pay",
    "switch_inline_query",
    "switch_inline_query_chosen_chat",
    "switch_inline_query_current_chat",
    "login_url",
    "web_app",
    "copy_text",
)
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_DEFAULT_FLOOD_METHODS = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage", "sendChatAction"}
)
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
_QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"

_DROP = object()  # handler result: close the connection without answering


class ApiError(Exception):
    """An error answer: ``{"ok": false, "error_code": code, "description": description}``."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            out["parameters"] = self.parameters
        return out


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


class Call(NamedTuple):
    """One received API call (``method`` is the canonical camelCase name when known)."""

    method: str
    params: dict[str, Any]


class Rejected(NamedTuple):
    """A call the server answered with an error."""

    method: str
    params: dict[str, Any]
    error_code: int
    description: str


@dataclass
class SentMessage:
    """A message the bot sent (``sent()``) or a snapshot after an edit (``edits()``).

    ``message`` is the live stored Message dict for sends (reflects later edits/deletion) and
    an immutable snapshot for edit records.
    """

    method: str
    params: dict[str, Any]
    message: dict[str, Any]
    chat_id: int
    message_id: int
    reply_to: int | None = None
    deleted: bool = False
    original_text: str = ""

    @property
    def text(self) -> str:
        """Current plain text (HTML already parsed away)."""
        return self.message.get("text", "")

    @property
    def raw_text(self) -> str | None:
        """The ``text`` parameter exactly as the bot sent it."""
        return self.params.get("text")

    @property
    def parse_mode(self) -> str | None:
        return self.params.get("parse_mode")

    @property
    def entities(self) -> list[dict[str, Any]]:
        return self.message.get("entities", [])

    @property
    def reply_markup(self) -> dict[str, Any] | None:
        """The reply_markup parameter as sent (inline keyboards, reply keyboards, ...)."""
        return self.params.get("reply_markup")

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """Flat list of the current inline keyboard buttons."""
        markup = self.message.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]


@dataclass
class _FloodConfig:
    limit: int
    window: float
    retry_after: int | None
    methods: frozenset[str]
    stamps: dict[Any, deque[float]] = field(default_factory=dict)


@dataclass
class _Injected:
    method: str
    code: int
    description: str
    times: int | None
    chat_id: Any
    retry_after: int | None


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeBotApi/1.0"
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        # headers and body are separate writes: avoid Nagle/delayed-ACK stalls (~40 ms each)
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if not self.server.fake._register_connection(self.connection):
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

    def finish(self) -> None:
        self.server.fake._unregister_connection(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except (OSError, ValueError):
            self.close_connection = True
            return
        fake = self.server.fake
        fake._tls.conn = self.connection
        try:
            status, payload = fake._handle_http(
                self.command, self.path, self.headers.get("Content-Type", ""), body
            )
        finally:
            fake._tls.conn = None
        if payload is _DROP:
            self.close_connection = True
            return
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            self.close_connection = True


class _HTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 256  # a bot opens a connection per concurrent call, as to Telegram

    def __init__(self, address: tuple[str, int], fake: FakeBotApi):
        self.fake = fake
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # broken connections are expected (clients cancel long polls, outages)


class FakeBotApi:
    """A fake Telegram Bot API server on 127.0.0.1. See the package docstring."""

    def __init__(
        self,
        token: str = "123:ABC",
        *,
        username: str = "callbot_test_bot",
        first_name: str = "Callbot Test",
        conflict_on_concurrent_polls: bool = True,
        flood_limit: int | None = None,
        flood_window: float = 1.0,
        flood_retry_after: int | None = None,
        max_long_poll: float = 50.0,
    ):
        self.token = token
        prefix = token.split(":", 1)[0]
        self.bot_id = int(prefix) if prefix.isdigit() else 123456
        self.username = username
        self.bot_user: dict[str, Any] = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.conflict_on_concurrent_polls = conflict_on_concurrent_polls
        self.max_long_poll = max_long_poll

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._port = 0
        self._stopping = True
        self._connections: set[socket.socket] = set()
        self._tls = threading.local()

        self._flood: _FloodConfig | None = None
        if flood_limit is not None:
            self.set_flood_limit(flood_limit, flood_window, flood_retry_after)
        self._injected: list[_Injected] = []
        self._reset_state()

    def _reset_state(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._poll_generation = 0
        self._allowed_updates: list[str] | None = None
        self._webhook_url = ""
        self._chats: dict[int, dict[str, Any]] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._next_message_id: dict[int, int] = {}
        self._callback_queries: dict[str, dict[str, Any]] = {}
        self._inline_queries: dict[str, dict[str, Any]] = {}
        self._query_ids = itertools.count(4_200_000_000_000_000_001)
        self._commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self._descriptions: dict[str, str] = {}
        self._short_descriptions: dict[str, str] = {}
        self._calls: list[Call] = []
        self._errors: list[Rejected] = []
        self._sent: list[SentMessage] = []
        self._sent_index: dict[tuple[int, int], SentMessage] = {}
        self._edits: list[SentMessage] = []
        self._deleted: list[tuple[int, int]] = []
        self._inline_answers: list[dict[str, Any]] = []
        self._callback_answers: list[dict[str, Any]] = []

    # ----------------------------------------------------------------------------------------
    # lifecycle
    # ----------------------------------------------------------------------------------------

    def start(self) -> FakeBotApi:
        """Start serving (first start binds a random port; later starts reuse it)."""
        with self._lock:
            if self._httpd is not None:
                return self
            httpd = _HTTPServer(("127.0.0.1", self._port), self)
            self._port = httpd.server_address[1]
            self._httpd = httpd
            self._stopping = False
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"FakeBotApi:{self._port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving: new connections are refused, open ones (incl. long polls) dropped.

        All state (chats, messages, pending updates, records) is kept.
        """
        with self._cond:
            httpd, self._httpd = self._httpd, None
            self._stopping = True
            self._cond.notify_all()
            conns = list(self._connections)
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def restart(self, downtime: float = 0.0) -> None:
        """``stop()``, wait ``downtime`` seconds (blocking), ``start()`` on the same port."""
        self.stop()
        if downtime > 0:
            time.sleep(downtime)
        self.start()

    @contextlib.contextmanager
    def outage(self) -> Iterator[None]:
        """``with server.outage(): ...`` -- server is down inside the block."""
        self.stop()
        try:
            yield
        finally:
            self.start()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``"""
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)``: ``http://127.0.0.1:PORT/bot``"""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)``: ``http://127.0.0.1:PORT/file/bot``"""
        return f"{self.url}/file/bot"

    def _client_gone(self) -> bool:
        """True if the client of the current request closed its connection (e.g. a cancelled
        long poll)."""
        conn = getattr(self._tls, "conn", None)
        if conn is None:
            return False
        try:
            readable, _, _ = select.select([conn], [], [], 0)
            return bool(readable) and conn.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def _register_connection(self, conn: socket.socket) -> bool:
        with self._lock:
            if self._stopping:
                return False
            self._connections.add(conn)
            return True

    def _unregister_connection(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections.discard(conn)

    # ----------------------------------------------------------------------------------------
    # configuration
    # ----------------------------------------------------------------------------------------

    def set_flood_limit(
        self,
        limit: int | None,
        window: float = 1.0,
        retry_after: int | None = None,
        methods: frozenset[str] | set[str] | None = None,
    ) -> None:
        """Per-chat flood control: more than ``limit`` calls of ``methods`` to one chat within
        ``window`` seconds -> 429 ``Too Many Requests: retry after N``. ``N`` is
        ``retry_after`` or the time until the window frees up. ``limit=None`` disables it.
        """
        with self._lock:
            if limit is None:
                self._flood = None
            else:
                self._flood = _FloodConfig(
                    limit=limit,
                    window=window,
                    retry_after=retry_after,
                    methods=frozenset(methods) if methods else _DEFAULT_FLOOD_METHODS,
                )

    def inject_error(
        self,
        method: str,
        error_code: int = 400,
        description: str = "Bad Request: injected error",
        *,
        times: int | None = 1,
        chat_id: int | str | None = None,
        retry_after: int | None = None,
    ) -> None:
        """Make the next ``times`` calls (``None`` = forever) of ``method`` (optionally only
        for ``chat_id``; ``"*"`` = any method) fail with the given error. ``retry_after`` adds
        ``parameters.retry_after`` (use with 429). Example: ``inject_error("sendMessage", 403,
        "Forbidden: bot was blocked by the user", chat_id=42, times=None)``.
        """
        with self._lock:
            self._injected.append(
                _Injected(method.lower(), error_code, description, times, chat_id, retry_after)
            )

    def clear_injected_errors(self) -> None:
        with self._lock:
            self._injected.clear()

    def clear_records(self) -> None:
        """Forget calls/errors/sent/edits/answers (chats, messages and updates are kept)."""
        with self._lock:
            self._calls.clear()
            self._errors.clear()
            self._sent.clear()
            self._edits.clear()
            self._deleted.clear()
            self._inline_answers.clear()
            self._callback_answers.clear()

    # ----------------------------------------------------------------------------------------
    # test-side: chats and incoming updates
    # ----------------------------------------------------------------------------------------

    def add_chat(
        self,
        chat_id: int,
        chat_type: str = "private",
        *,
        title: str | None = None,
        first_name: str | None = None,
        username: str | None = None,
    ) -> dict[str, Any]:
        """Make a chat known without sending an update (returns the Chat dict)."""
        with self._lock:
            return copy.deepcopy(
                self._ensure_chat(chat_id, chat_type, title, first_name, username, None)
            )

    def _ensure_chat(
        self,
        chat_id: int,
        chat_type: str,
        title: str | None,
        first_name: str | None,
        username: str | None,
        user: dict[str, Any] | None,
    ) -> dict[str, Any]:
        if chat_type not in ("private", "group", "supergroup", "channel"):
            raise ValueError(f"unknown chat_type {chat_type!r}")
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            src = user or {}
            chat["first_name"] = first_name or src.get("first_name") or "Test"
            for key in ("last_name", "username"):
                if src.get(key):
                    chat[key] = src[key]
            if username:
                chat["username"] = username
        else:
            old = self._chats.get(chat_id, {})
            chat["title"] = title or old.get("title") or f"Test {chat_type} {chat_id}"
            if username or old.get("username"):
                chat["username"] = username or old["username"]
        self._chats[chat_id] = chat
        self._next_message_id.setdefault(chat_id, 1)
        return chat

    def _ensure_user(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        return user

    def _new_message_id(self, chat_id: int) -> int:
        mid = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = mid + 1
        return mid

    def _enqueue(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": self._next_update_id, **update}
        self._next_update_id += 1
        self._updates.append(update)
        self._cond.notify_all()
        return update

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (``update_id`` is assigned). Returns the queued update."""
        with self._cond:
            return copy.deepcopy(self._enqueue(copy.deepcopy(update)))

    def push_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        chat_type: str = "private",
        reply_to_message_id: int | None = None,
        entities: list[dict[str, Any]] | None = None,
        *,
        first_name: str = "Test",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        chat_title: str | None = None,
        message_thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A user writes ``text`` in a chat; queues a ``message`` update (``channel_post`` for
        channels) and returns the Message dict. ``entities=None`` auto-detects bot_command,
        mention and url entities; pass ``[]`` for none. In private chats chat_id must equal
        user_id (as in Telegram). ``reply_to_message_id`` must name a stored message.
        """
        if chat_type == "private" and chat_id != user_id:
            raise ValueError("private chat: chat_id must equal user_id")
        with self._cond:
            user = self._ensure_user(user_id, first_name, last_name, username, language_code)
            chat = self._ensure_chat(chat_id, chat_type, chat_title, None, None, user)
            msg: dict[str, Any] = {
                "message_id": self._new_message_id(chat_id),
                "date": int(time.time()),
                "chat": copy.deepcopy(chat),
            }
            if chat_type == "channel":
                msg["sender_chat"] = copy.deepcopy(chat)
            else:
                msg["from"] = copy.deepcopy(user)
            if message_thread_id is not None:
                msg["message_thread_id"] = message_thread_id
                msg["is_topic_message"] = True
            if reply_to_message_id is not None:
                target = self._messages.get((chat_id, reply_to_message_id))
                if target is None:
                    raise ValueError(f"no stored message {reply_to_message_id} in chat {chat_id}")
                msg["reply_to_message"] = self._reply_snapshot(target)
            msg["text"] = text
            ents = detect_entities(text) if entities is None else entities
            if ents:
                msg["entities"] = sort_entities([dict(e) for e in ents])
            self._messages[(chat_id, msg["message_id"])] = msg
            kind = "channel_post" if chat_type == "channel" else "message"
            self._enqueue({kind: copy.deepcopy(msg)})
            return copy.deepcopy(msg)

    def push_edited_message(
        self, chat_id: int, message_id: int, new_text: str, entities: list[Any] | None = None
    ) -> dict[str, Any]:
        """The user edits one of their messages; queues ``edited_message`` (or
        ``edited_channel_post``) and returns the edited Message dict."""
        with self._cond:
            msg = self._messages.get((chat_id, message_id))
            if msg is None:
                raise ValueError(f"no stored message {message_id} in chat {chat_id}")
            if msg.get("from", {}).get("id") == self.bot_id:
                raise ValueError("that message was sent by the bot; users can't edit it")
            msg["text"] = new_text
            ents = detect_entities(new_text) if entities is None else entities
            msg.pop("entities", None)
            if ents:
                msg["entities"] = sort_entities([dict(e) for e in ents])
            msg["edit_date"] = max(int(time.time()), msg["date"] + 1)
            kind = "edited_channel_post" if msg["chat"]["type"] == "channel" else "edited_message"
            self._enqueue({kind: copy.deepcopy(msg)})
            return copy.deepcopy(msg)

    def push_callback_query(
        self,
        chat_id: int,
        user_id: int,
        message_id: int,
        data: str,
        *,
        first_name: str = "Test",
        username: str | None = None,
        language_code: str | None = "en",
    ) -> dict[str, Any]:
        """The user presses an inline button with ``data`` under stored message ``message_id``.
        Queues a ``callback_query`` update (with ``chat_instance`` and the current message)
        and returns the CallbackQuery dict.
        """
        with self._cond:
            msg = self._messages.get((chat_id, message_id))
            if msg is None:
                raise ValueError(f"no stored message {message_id} in chat {chat_id}")
            user = self._users.get(user_id) or self._ensure_user(
                user_id, first_name, None, username, language_code
            )
            qid = str(next(self._query_ids))
            cq = {
                "id": qid,
                "from": copy.deepcopy(user),
                "message": copy.deepcopy(msg),
                "chat_instance": str(abs(hash(("chat_instance", chat_id))) % 10**18),
                "data": data,
            }
            self._callback_queries[qid] = {"query": cq, "answered": False}
            self._enqueue({"callback_query": copy.deepcopy(cq)})
            return copy.deepcopy(cq)

    def press_button(
        self, chat_id: int, user_id: int, message_id: int, button_text: str
    ) -> dict[str, Any]:
        """Press the inline button labelled ``button_text`` (must have callback_data)."""
        with self._lock:
            msg = self._messages.get((chat_id, message_id))
            if msg is None:
                raise ValueError(f"no stored message {message_id} in chat {chat_id}")
            rows = (msg.get("reply_markup") or {}).get("inline_keyboard", [])
            labels = [b.get("text") for row in rows for b in row]
            for row in rows:
                for button in row:
                    if button.get("text") == button_text and "callback_data" in button:
                        return self.push_callback_query(
                            chat_id, user_id, message_id, button["callback_data"]
                        )
        raise ValueError(f"no callback button {button_text!r}; buttons: {labels}")

    def push_inline_query(
        self,
        user_id: int,
        query: str,
        offset: str = "",
        *,
        chat_type: str | None = "private",
        first_name: str = "Test",
        username: str | None = None,
        language_code: str | None = "en",
    ) -> dict[str, Any]:
        """The user types ``@bot query``; queues an ``inline_query`` update, returns it."""
        with self._cond:
            user = self._users.get(user_id) or self._ensure_user(
                user_id, first_name, None, username, language_code
            )
            qid = str(next(self._query_ids))
            iq: dict[str, Any] = {
                "id": qid,
                "from": copy.deepcopy(user),
                "query": query,
                "offset": offset,
            }
            if chat_type:
                iq["chat_type"] = chat_type
            self._inline_queries[qid] = {"query": iq, "answered": False}
            self._enqueue({"inline_query": copy.deepcopy(iq)})
            return copy.deepcopy(iq)

    # ----------------------------------------------------------------------------------------
    # test-side: inspection
    # ----------------------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every call received, in order: ``(method, params)``."""
        with self._lock:
            return list(self._calls)

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        """Params of every received call of ``method`` (case-insensitive)."""
        with self._lock:
            return [c.params for c in self._calls if c.method.lower() == method.lower()]

    @property
    def errors(self) -> list[Rejected]:
        """Every call answered with an error: ``(method, params, error_code, description)``."""
        with self._lock:
            return list(self._errors)

    def sent(self, chat_id: int | None = None) -> list[SentMessage]:
        """Messages the bot sent (sendMessage), optionally only to ``chat_id``."""
        with self._lock:
            return [s for s in self._sent if chat_id is None or s.chat_id == chat_id]

    def last_sent(self, chat_id: int | None = None) -> SentMessage | None:
        items = self.sent(chat_id)
        return items[-1] if items else None

    def edits(self, chat_id: int | None = None) -> list[SentMessage]:
        """Successful editMessageText/editMessageReplyMarkup calls (snapshots after the edit);
        inline-message edits have ``chat_id == 0``."""
        with self._lock:
            return [s for s in self._edits if chat_id is None or s.chat_id == chat_id]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Current state of a stored message (bot's or user's), or None."""
        with self._lock:
            msg = self._messages.get((chat_id, message_id))
            return copy.deepcopy(msg) if msg is not None else None

    @property
    def deleted(self) -> list[tuple[int, int]]:
        """``(chat_id, message_id)`` of messages deleted by the bot."""
        with self._lock:
            return list(self._deleted)

    @property
    def inline_answers(self) -> list[dict[str, Any]]:
        """answerInlineQuery params (``results`` parsed) plus ``"inline_query"``."""
        with self._lock:
            return copy.deepcopy(self._inline_answers)

    @property
    def callback_answers(self) -> list[dict[str, Any]]:
        """answerCallbackQuery params plus ``"callback_query"`` (the answered query)."""
        with self._lock:
            return copy.deepcopy(self._callback_answers)

    @property
    def commands(self) -> dict[tuple[str, str], list[dict[str, str]]]:
        """``{(scope_key, language_code): [{"command", "description"}, ...]}``; scope_key is
        e.g. ``"default"``, ``"all_private_chats"``, ``"chat:42"``, ``"chat_member:-5:42"``."""
        with self._lock:
            return copy.deepcopy(self._commands)

    def get_commands(self, scope: str = "default", language_code: str = "") -> list[str]:
        """Command names set for a scope key/language (``[]`` if none)."""
        with self._lock:
            return [c["command"] for c in self._commands.get((scope, language_code), [])]

    @property
    def descriptions(self) -> dict[str, str]:
        """setMyDescription values by language_code (``""`` = default)."""
        with self._lock:
            return dict(self._descriptions)

    @property
    def short_descriptions(self) -> dict[str, str]:
        with self._lock:
            return dict(self._short_descriptions)

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by a getUpdates offset."""
        with self._lock:
            return copy.deepcopy(self._updates)

    @property
    def webhook_url(self) -> str:
        return self._webhook_url

    # ----------------------------------------------------------------------------------------
    # waiting
    # ----------------------------------------------------------------------------------------

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> bool:
        """Block until ``predicate()`` is truthy (re-checked after every API call / update) or
        ``timeout`` passes. Don't call this on the event loop the bot runs on -- it would block
        the bot; use ``await wait_for_async(...)`` there."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            raise RuntimeError(
                "FakeBotApi.wait_for() would block the running event loop; "
                "use `await server.wait_for_async(...)`"
            )
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if predicate():
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(min(remaining, 0.1))

    async def wait_for_async(
        self, predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.01
    ) -> bool:
        """Async version of :meth:`wait_for` (polls every ``interval`` seconds)."""
        deadline = time.monotonic() + timeout
        while True:
            if predicate():
                return True
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(interval)

    def _sent_timeout_message(self, chat_id: int | None, count: int) -> str:
        return (
            f"timed out waiting for {count} sent message(s)"
            f"{'' if chat_id is None else f' to chat {chat_id}'}; got "
            f"{len(self.sent(chat_id))}; rejected calls: {self.errors}"
        )

    def wait_for_sent(
        self, chat_id: int | None = None, count: int = 1, timeout: float = 10.0
    ) -> list[SentMessage]:
        """Wait until at least ``count`` messages were sent (to ``chat_id``); returns them.
        Raises ``TimeoutError`` (listing rejected calls) otherwise."""
        if not self.wait_for(lambda: len(self.sent(chat_id)) >= count, timeout):
            raise TimeoutError(self._sent_timeout_message(chat_id, count))
        return self.sent(chat_id)

    async def wait_for_sent_async(
        self, chat_id: int | None = None, count: int = 1, timeout: float = 10.0
    ) -> list[SentMessage]:
        """Async version of :meth:`wait_for_sent`."""
        if not await self.wait_for_async(lambda: len(self.sent(chat_id)) >= count, timeout):
            raise TimeoutError(self._sent_timeout_message(chat_id, count))
        return self.sent(chat_id)

    # ----------------------------------------------------------------------------------------
    # HTTP plumbing
    # ----------------------------------------------------------------------------------------

    def _handle_http(
        self, verb: str, raw_path: str, content_type: str, body: bytes
    ) -> tuple[int, Any]:
        parsed = urllib.parse.urlsplit(raw_path)
        m = re.fullmatch(r"/bot([^/]*)/([^/]+)", parsed.path)
        if not m:
            return 404, ApiError(404, "Not Found").payload()
        if m.group(1) != self.token:
            return 401, ApiError(401, "Unauthorized").payload()
        method_raw = m.group(2)
        try:
            params = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
            params.update(self._parse_body(content_type, body))
            params = self._normalize(params)
        except ApiError as exc:
            with self._cond:
                self._calls.append(Call(method_raw, {}))
                self._errors.append(Rejected(method_raw, {}, exc.code, exc.description))
                self._cond.notify_all()
            return exc.code, exc.payload()
        result = self._call(method_raw, params)
        if result is _DROP:
            return 0, _DROP
        if isinstance(result, ApiError):
            return result.code, result.payload()
        return 200, {"ok": True, "result": result}

    @staticmethod
    def _parse_body(content_type: str, body: bytes) -> dict[str, Any]:
        ctype = content_type.split(";", 1)[0].strip().lower()
        if not body:
            return {}
        if ctype == "application/json":
            try:
                data = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise _bad("can't parse JSON encoded request body") from None
            if not isinstance(data, dict):
                raise _bad("JSON object expected as request body")
            return data
        if ctype == "multipart/form-data":
            msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
            )
            out: dict[str, Any] = {}
            for part in msg.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if not name:
                    continue
                payload = part.get_payload(decode=True) or b""
                filename = part.get_filename()
                if filename is not None:
                    out[name] = {"filename": filename, "size": len(payload)}
                else:
                    out[name] = payload.decode("utf-8", "replace")
            return out
        return dict(
            urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        )

    @staticmethod
    def _normalize(params: dict[str, Any]) -> dict[str, Any]:
        """Type form values like the Bot API does (everything arrives as strings)."""
        out: dict[str, Any] = {}
        for key, value in params.items():
            if key in _JSON_FIELDS and isinstance(value, str):
                if value == "":
                    continue
                try:
                    value = json.loads(value)
                except ValueError:
                    if key == "reply_markup":
                        raise _bad("can't parse reply keyboard markup JSON object") from None
                    raise _bad(f"can't parse {key} JSON object") from None
            elif key in _INT_FIELDS and isinstance(value, str):
                if value == "":
                    continue
                try:
                    # "timeout" may be fractional (handy for tests); Telegram truncates.
                    value = float(value) if key == "timeout" else int(float(value))
                except ValueError:
                    raise _bad(f"invalid {key} specified") from None
            elif key in _BOOL_FIELDS and isinstance(value, str):
                value = value.lower() in ("true", "1")
            elif key in _CHAT_ID_FIELDS and isinstance(value, str):
                if re.fullmatch(r"-?[0-9]+", value.strip()):
                    value = int(value)
            elif key in _STR_ID_FIELDS and isinstance(value, int | float):
                value = str(value)
            out[key] = value
        return out

    # ----------------------------------------------------------------------------------------
    # dispatch
    # ----------------------------------------------------------------------------------------

    def _call(self, method_raw: str, params: dict[str, Any]) -> Any:
        entry = _METHODS.get(method_raw.lower())
        method = entry[0] if entry else method_raw
        with self._cond:
            if self._stopping:
                return _DROP
            self._calls.append(Call(method, params))
            self._cond.notify_all()
            try:
                if entry is None:
                    raise ApiError(404, "Not Found")
                self._check_injected(method, params)
                self._check_flood(method, params)
                return getattr(self, entry[1])(params)
            except ApiError as exc:
                self._errors.append(Rejected(method, params, exc.code, exc.description))
                return exc
            except _DropConnection:
                return _DROP
            finally:
                self._cond.notify_all()

    def _check_injected(self, method: str, params: dict[str, Any]) -> None:
        for inj in list(self._injected):
            if inj.method not in ("*", method.lower()):
                continue
            if inj.chat_id is not None and params.get("chat_id") != inj.chat_id:
                continue
            if inj.times is not None:
                inj.times -= 1
                if inj.times <= 0:
                    self._injected.remove(inj)
            parameters = {"retry_after": inj.retry_after} if inj.retry_after else None
            raise ApiError(inj.code, inj.description, parameters)

    def _check_flood(self, method: str, params: dict[str, Any]) -> None:
        flood = self._flood
        if flood is None or method not in flood.methods or "chat_id" not in params:
            return
        now = time.monotonic()
        stamps = flood.stamps.setdefault(params["chat_id"], deque())
        while stamps and stamps[0] <= now - flood.window:
            stamps.popleft()
        if len(stamps) >= flood.limit:
            retry = flood.retry_after or max(1, math.ceil(stamps[0] + flood.window - now))
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        stamps.append(now)

    # ----------------------------------------------------------------------------------------
    # helpers for method implementations
    # ----------------------------------------------------------------------------------------

    def _chat(self, params: dict[str, Any], key: str = "chat_id") -> dict[str, Any]:
        chat_id = params.get(key)
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        if isinstance(chat_id, str):
            name = chat_id.lstrip("@").lower()
            for chat in self._chats.values():
                if chat.get("username", "").lower() == name and chat_id.startswith("@"):
                    return chat
            raise _bad("chat not found")
        chat = self._chats.get(chat_id)
        if chat is None:
            raise _bad("chat not found")
        return chat

    def _text(self, params: dict[str, Any], key: str = "text") -> tuple[str, list[Any]]:
        try:
            return format_text(
                params.get(key),
                params.get("parse_mode"),
                params.get("entities"),
            )
        except TextError as exc:
            raise _bad(str(exc)) from None

    def _validate_markup(self, markup: Any) -> dict[str, Any] | None:
        """Validate reply_markup; return the inline keyboard to store (or None)."""
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("object expected as reply markup")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            shape_error = _bad(
                'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays'
            )
            if not isinstance(rows, list):
                raise shape_error
            total = 0
            clean_rows = []
            for row in rows:
                if not isinstance(row, list):
                    raise shape_error
                clean_row = []
                for button in row:
                    clean_row.append(self._validate_inline_button(button))
                    total += 1
                if clean_row:
                    clean_rows.append(clean_row)
            if total > 100:
                raise _bad("reply markup is too long")
            return {"inline_keyboard": clean_rows}
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise _bad(
                    'field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays'
                )
            for row in rows:
                for button in row:
                    text = button if isinstance(button, str) else (button or {}).get("text")
                    if not isinstance(text, str) or not text.strip():
                        raise _bad("can't parse keyboard button: text must be non-empty")
            return None
        if "remove_keyboard" in markup or "force_reply" in markup:
            return None
        raise _bad("can't parse reply keyboard markup: unsupported reply markup type")

    @staticmethod
    def _validate_inline_button(button: Any) -> dict[str, Any]:
        prefix = "can't parse inline keyboard button: "
        if not isinstance(button, dict):
            raise _bad(prefix + "InlineKeyboardButton must be an Object")
        text = button.get("text")
        if not isinstance(text, str):
            raise _bad(prefix + 'Field "text" must be of type String')
        if not text.strip():
            raise _bad("BUTTON_TEXT_INVALID")
        url = button.get("url")
        if url:
            parsed = urllib.parse.urlsplit(url)
            ok = parsed.scheme.lower() in ("http", "https", "tg", "ton") and (
                parsed.scheme.lower() in ("tg", "ton") or bool(parsed.hostname)
            )
            if not ok or any(c.isspace() for c in url):
                raise _bad(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")
            return dict(button)
        data = button.get("callback_data")
        if data:
            if not isinstance(data, str) or len(data.encode("utf-8")) > 64:
                raise _bad("BUTTON_DATA_INVALID")
            return dict(button)
        if any(k in button for k in _BUTTON_ACTION_FIELDS):
            return dict(button)
        raise _bad(prefix + "Text buttons are unallowed in the inline keyboard")

    @staticmethod
    def _reply_snapshot(msg: dict[str, Any]) -> dict[str, Any]:
        snap = copy.deepcopy(msg)
        snap.pop("reply_to_message", None)
        return snap

    def _scope_key(self, scope: Any) -> str:
        if scope is None:
            return "default"
        if not isinstance(scope, dict):
            raise _bad("can't parse BotCommandScope JSON object")
        kind = scope.get("type")
        if kind not in _SCOPE_TYPES:
            raise _bad("can't parse BotCommandScope: Unsupported type specified")
        if kind in ("chat", "chat_administrators", "chat_member"):
            chat = self._chat(scope)
            if kind == "chat_member":
                if not isinstance(scope.get("user_id"), int):
                    raise _bad('can\'t parse BotCommandScope: Field "user_id" must be a number')
                return f"{kind}:{chat['id']}:{scope['user_id']}"
            return f"{kind}:{chat['id']}"
        return kind

    @staticmethod
    def _language(params: dict[str, Any]) -> str:
        lang = params.get("language_code") or ""
        if lang and not re.fullmatch(r"[a-z]{2}", lang):
            raise _bad("invalid language code specified")
        return lang

    # ----------------------------------------------------------------------------------------
    # Bot API methods
    # ----------------------------------------------------------------------------------------

    def _m_get_me(self, params: dict[str, Any]) -> Any:
        return copy.deepcopy(self.bot_user)

    def _m_get_updates(self, params: dict[str, Any]) -> Any:
        if self._webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = min(100, max(1, int(params.get("limit") or 100)))
        timeout = min(self.max_long_poll, max(0.0, float(params.get("timeout") or 0)))
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = allowed or None

        self._poll_generation += 1
        generation = self._poll_generation
        self._cond.notify_all()  # terminate an older long poll (-> 409)

        if offset < 0:
            self._updates = self._updates[offset:]
        elif offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

        deadline = time.monotonic() + timeout
        while True:
            if self._stopping or self._client_gone():
                raise _DropConnection  # nobody is listening any more: don't record anything
            if generation != self._poll_generation and self.conflict_on_concurrent_polls:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only "
                    "one bot instance is running",
                )
            ready = [u for u in self._updates if self._update_allowed(u)]
            remaining = deadline - time.monotonic()
            if ready or remaining <= 0:
                return copy.deepcopy(ready[:limit])
            self._cond.wait(min(remaining, 0.25))

    def _update_allowed(self, update: dict[str, Any]) -> bool:
        if not self._allowed_updates:
            return "message_reaction" not in update and "chat_member" not in update
        return any(key in update for key in self._allowed_updates)

    def _m_set_webhook(self, params: dict[str, Any]) -> Any:
        url = params.get("url") or ""
        if url and not url.lower().startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        self._webhook_url = url
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._poll_generation += 1  # terminates a waiting getUpdates
        return True

    def _m_delete_webhook(self, params: dict[str, Any]) -> Any:
        self._webhook_url = ""
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _m_set_my_commands(self, params: dict[str, Any]) -> Any:
        commands = params.get("commands")
        if commands is None:
            commands = []
        if not isinstance(commands, list):
            raise _bad("expected an Array of BotCommand")
        if len(commands) > 100:
            raise _bad("BOT_COMMANDS_TOO_MUCH")
        clean = []
        for cmd in commands:
            if not isinstance(cmd, dict):
                raise _bad("can't parse BotCommand: expected an Object")
            name, desc = cmd.get("command"), cmd.get("description")
            if not isinstance(name, str):
                raise _bad('can\'t parse BotCommand: Field "command" must be of type String')
            if not isinstance(desc, str):
                raise _bad('can\'t parse BotCommand: Field "description" must be of type String')
            if not _COMMAND_RE.fullmatch(name):
                raise _bad("BOT_COMMAND_INVALID")
            if not desc.strip() or utf16_len(desc) > 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": name, "description": desc})
        key = (self._scope_key(params.get("scope")), self._language(params))
        if clean:
            self._commands[key] = clean
        else:
            self._commands.pop(key, None)
        return True

    def _set_bot_text(
        self, params: dict[str, Any], field_name: str, store: dict[str, str], limit: int
    ) -> Any:
        value = params.get(field_name) or ""
        if utf16_len(value) > limit:
            raise _bad(f"{field_name.replace('_', ' ')} is too long")
        lang = self._language(params)
        if value:
            store[lang] = value
        else:
            store.pop(lang, None)
        return True

    def _m_set_my_description(self, params: dict[str, Any]) -> Any:
        return self._set_bot_text(params, "description", self._descriptions, 512)

    def _m_set_my_short_description(self, params: dict[str, Any]) -> Any:
        return self._set_bot_text(params, "short_description", self._short_descriptions, 120)

    def _resolve_reply(
        self, params: dict[str, Any], chat: dict[str, Any]
    ) -> tuple[int | None, dict[str, Any] | None]:
        reply_params = params.get("reply_parameters")
        allow_missing = bool(params.get("allow_sending_without_reply"))
        reply_chat_id = chat["id"]
        if isinstance(reply_params, dict):
            target_id = reply_params.get("message_id")
            if not isinstance(target_id, int):
                raise _bad('can\'t parse reply parameters: Field "message_id" must be a number')
            allow_missing = bool(reply_params.get("allow_sending_without_reply", allow_missing))
            if reply_params.get("chat_id") not in (None, ""):
                reply_chat_id = self._chat(reply_params)["id"]
        elif reply_params is not None:
            raise _bad("can't parse reply parameters JSON object")
        else:
            target_id = params.get("reply_to_message_id")
        if target_id is None:
            return None, None
        target = self._messages.get((reply_chat_id, target_id))
        if target is None:
            if allow_missing:
                return None, None
            raise _bad("message to be replied not found")
        return target_id, self._reply_snapshot(target)

    def _m_send_message(self, params: dict[str, Any]) -> Any:
        chat = self._chat(params)
        text, entities = self._text(params)
        markup = self._validate_markup(params.get("reply_markup"))
        reply_to, reply_msg = self._resolve_reply(params, chat)
        msg: dict[str, Any] = {
            "message_id": self._new_message_id(chat["id"]),
            "from": copy.deepcopy(self.bot_user),
            "chat": copy.deepcopy(chat),
            "date": int(time.time()),
        }
        if isinstance(params.get("message_thread_id"), int):
            msg["message_thread_id"] = params["message_thread_id"]
        if reply_msg is not None:
            msg["reply_to_message"] = reply_msg
        msg["text"] = text
        if entities:
            msg["entities"] = entities
        if markup is not None:
            msg["reply_markup"] = markup
        self._messages[(chat["id"], msg["message_id"])] = msg
        record = SentMessage(
            method="sendMessage",
            params=params,
            message=msg,
            chat_id=chat["id"],
            message_id=msg["message_id"],
            reply_to=reply_to,
            original_text=text,
        )
        self._sent.append(record)
        self._sent_index[(chat["id"], msg["message_id"])] = record
        return copy.deepcopy(msg)

    def _editable_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad("message identifier is not specified")
        msg = self._messages.get((chat["id"], message_id))
        if msg is None:
            raise _bad("message to edit not found")
        if msg.get("from", {}).get("id") != self.bot_id:
            raise _bad("message can't be edited")
        return msg

    def _record_edit(self, method: str, params: dict[str, Any], msg: dict[str, Any]) -> None:
        self._edits.append(
            SentMessage(
                method=method,
                params=params,
                message=copy.deepcopy(msg),
                chat_id=msg.get("chat", {}).get("id", 0),
                message_id=msg.get("message_id", 0),
                original_text=msg.get("text", ""),
            )
        )

    def _m_edit_message_text(self, params: dict[str, Any]) -> Any:
        if params.get("inline_message_id"):
            text, entities = self._text(params)
            markup = self._validate_markup(params.get("reply_markup"))
            snapshot = {"text": text, "entities": entities}
            if markup is not None:
                snapshot["reply_markup"] = markup
            self._record_edit("editMessageText", params, snapshot)
            return True
        msg = self._editable_message(params)
        text, entities = self._text(params)
        markup = self._validate_markup(params.get("reply_markup"))
        if (
            text == msg.get("text")
            and entities == msg.get("entities", [])
            and markup == msg.get("reply_markup")
        ):
            raise _bad(_NOT_MODIFIED)
        msg["text"] = text
        msg.pop("entities", None)
        if entities:
            msg["entities"] = entities
        msg.pop("reply_markup", None)
        if markup is not None:
            msg["reply_markup"] = markup
        msg["edit_date"] = int(time.time())
        self._record_edit("editMessageText", params, msg)
        return copy.deepcopy(msg)

    def _m_delete_message(self, params: dict[str, Any]) -> Any:
        chat = self._chat(params)
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad("message identifier is not specified")
        msg = self._messages.pop((chat["id"], message_id), None)
        if msg is None:
            raise _bad("message to delete not found")
        self._deleted.append((chat["id"], message_id))
        record = self._sent_index.get((chat["id"], message_id))
        if record is not None:
            record.deleted = True
        return True

    def _m_answer_callback_query(self, params: dict[str, Any]) -> Any:
        entry = self._callback_queries.get(str(params.get("callback_query_id", "")))
        if entry is None or entry["answered"]:
            raise _bad(_QUERY_INVALID)
        text = params.get("text") or ""
        if utf16_len(text) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        entry["answered"] = True
        self._callback_answers.append({**params, "callback_query": copy.deepcopy(entry["query"])})
        return True

    def _m_answer_inline_query(self, params: dict[str, Any]) -> Any:
        entry = self._inline_queries.get(str(params.get("inline_query_id", "")))
        if entry is None or entry["answered"]:
            raise _bad(_QUERY_INVALID)
        results = params.get("results")
        if results is None:
            results = []
        if not isinstance(results, list):
            raise _bad("expected an Array of inline query results")
        if len(results) > 50:
            raise _bad("too many inline query results specified")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict):
                raise _bad("can't parse inline query result: expected an Object")
            if not isinstance(result.get("type"), str):
                raise _bad('can\'t parse inline query result: Field "type" must be of type String')
            rid = result.get("id")
            if not isinstance(rid, str) or not 1 <= len(rid.encode("utf-8")) <= 64:
                raise _bad("RESULT_ID_INVALID")
            if rid in seen:
                raise _bad("RESULT_ID_DUPLICATE")
            seen.add(rid)
            if result["type"] == "article" and not result.get("title"):
                raise _bad(
                    'can\'t parse inline query result: Field "title" must be of type String'
                )
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                try:
                    format_text(
                        content.get("message_text"),
                        content.get("parse_mode"),
                        content.get("entities"),
                    )
                except TextError as exc:
                    raise _bad(str(exc)) from None
            elif result["type"] == "article":
                raise _bad(
                    "can't parse inline query result: input message content is not specified"
                )
            self._validate_markup(result.get("reply_markup"))
        next_offset = params.get("next_offset") or ""
        if len(str(next_offset).encode("utf-8")) > 64:
            raise _bad("NEXT_OFFSET_INVALID")
        entry["answered"] = True
        self._inline_answers.append(
            {**params, "results": results, "inline_query": copy.deepcopy(entry["query"])}
        )
        return True

    # ----------------------------------------------------------------------------------------
    # chat members (getChatMember), for the group-admin check of /lang
    # ----------------------------------------------------------------------------------------

    def _chat_members(self) -> dict[tuple[int, int], str]:
        # kept apart from _reset_state so this block stands alone
        return self.__dict__.setdefault("_members", {})

    def set_chat_member(self, chat_id: int, user_id: int, status: str = "administrator") -> None:
        """Give ``user_id`` a status in a group: creator, administrator, member, restricted,
        left or kicked. A user the server has seen but never given one is a "member"."""
        if status not in _MEMBER_STATUSES:
            raise ValueError(f"unknown chat member status {status!r}")
        with self._lock:
            self._chat_members()[(chat_id, user_id)] = status

    def _m_get_chat_member(self, params: dict[str, Any]) -> Any:
        chat = self._chat(params)
        try:
            user_id = int(params.get("user_id"))
        except (TypeError, ValueError):
            raise _bad("user_id is invalid") from None
        user = self._users.get(user_id)
        status = self._chat_members().get((chat["id"], user_id))
        if status is None and user is None:
            raise _bad("PARTICIPANT_ID_INVALID")
        if chat["type"] == "private" and user_id != chat["id"]:
            raise _bad("PARTICIPANT_ID_INVALID")
        user = copy.deepcopy(user) if user else {"id": user_id, "is_bot": False, "first_name": "U"}
        member: dict[str, Any] = {"status": status or "member", "user": user}
        if member["status"] == "creator":
            member["is_anonymous"] = False
        elif member["status"] == "administrator":
            member.update(dict.fromkeys(_ADMIN_RIGHTS, False), can_manage_chat=True)
            member.update(can_be_edited=False, is_anonymous=False)
        elif member["status"] == "restricted":
            member.update(dict.fromkeys(_RESTRICTED_RIGHTS, False), is_member=True, until_date=0)
        elif member["status"] == "kicked":
            member["until_date"] = 0
        return member


_MEMBER_STATUSES = ("creator", "administrator", "member", "restricted", "left", "kicked")
_ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)
_RESTRICTED_RIGHTS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
)


class _DropConnection(Exception):
    pass


# lower-case Bot API method name -> (canonical name, implementation)
_METHODS: dict[str, tuple[str, str]] = {
    name.lower(): (name, impl)
    for name, impl in [
        ("getMe", "_m_get_me"),
        ("getUpdates", "_m_get_updates"),
        ("setWebhook", "_m_set_webhook"),
        ("deleteWebhook", "_m_delete_webhook"),
        ("setMyCommands", "_m_set_my_commands"),
        ("setMyDescription", "_m_set_my_description"),
        ("setMyShortDescription", "_m_set_my_short_description"),
        ("sendMessage", "_m_send_message"),
        ("editMessageText", "_m_edit_message_text"),
        ("deleteMessage", "_m_delete_message"),
        ("answerCallbackQuery", "_m_answer_callback_query"),
        ("answerInlineQuery", "_m_answer_inline_query"),
        ("getChatMember", "_m_get_chat_member"),
    ]
}
