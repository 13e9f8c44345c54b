"""handlers.transport.BotApiRequest over real sockets: the fake Bot API server for the calls the
bot makes, a scripted asyncio server for the failures (a server that never answers or never
reads)."""

from __future__ import annotations

import asyncio
import json
import os
import threading

import pytest
from telegram import Bot
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.request import HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.config import Config
from handlers.app import build_application, lean_http
from handlers.transport import BotApiRequest
from tests.fakebotapi import FakeBotApi

TOKEN = "777003:TRANSPORT-callbot_token"
CHAT = 5


class RecordingApi(FakeBotApi):
    """The fake server, also recording each request's content type, raw body and the client's
    port (one port per TCP connection)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.raw: list[tuple[str, str, bytes, int]] = []
        self._raw_lock = threading.Lock()

    def _handle_http(self, verb, raw_path, content_type, body):
        conn = self._tls.conn
        port = conn.getpeername()[1] if conn is not None else -1
        with self._raw_lock:
            self.raw.append((raw_path.rsplit("/", 1)[-1], content_type, body, port))
        return super()._handle_http(verb, raw_path, content_type, body)


def data(**params) -> RequestData:
    return RequestData([RequestParameter.from_input(k, v) for k, v in params.items()])


@pytest.fixture
def server():
    with RecordingApi(token=TOKEN) as srv:
        srv.add_chat(CHAT, "private")
        yield srv


@pytest.fixture
async def req():
    request = BotApiRequest(4, read_timeout=2.0)
    await request.initialize()
    yield request
    await request.shutdown()


def url(server: FakeBotApi, method: str) -> str:
    return f"{server.base_url}{server.token}/{method}"


def idle_count(request: BotApiRequest) -> int:
    return sum(len(q) for q in request._idle.values())


# -- against the fake Bot API server ------------------------------------------------------------


async def test_get_me(server, req):
    status, body = await req.do_request(url(server, "getMe"), "POST")
    assert status == 200
    answer = json.loads(body)
    assert answer["ok"] is True
    assert answer["result"]["username"] == "callbot_test_bot"
    assert [c.method for c in server.calls] == ["getMe"]


async def test_send_message_sends_a_json_body(server, req):
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]}
    text = "中文 <b>粗体</b> &amp; more"  # strict HTML: & escaped
    status, body = await req.do_request(
        url(server, "sendMessage"),
        "POST",
        data(chat_id=CHAT, text=text, parse_mode="HTML", reply_markup=markup),
    )
    assert status == 200
    result = json.loads(body)["result"]
    assert result["text"] == "中文 粗体 & more"  # the server parsed the HTML
    method, content_type, raw, _ = server.raw[-1]
    assert method == "sendMessage"
    assert content_type == "application/json"
    sent = json.loads(raw)
    assert sent["chat_id"] == CHAT and sent["text"] == text
    assert sent["reply_markup"] == markup  # an object, not a JSON string inside a string
    [msg] = server.sent(CHAT)
    assert msg.text == "中文 粗体 & more" and msg.parse_mode == "HTML"


async def test_keep_alive_reuses_one_connection(server, req):
    for i in range(5):
        status, _ = await req.do_request(
            url(server, "sendMessage"), "POST", data(chat_id=CHAT, text=f"m{i}")
        )
        assert status == 200
    ports = {port for _, _, _, port in server.raw}
    assert len(ports) == 1, ports  # five calls, one TCP connection
    assert idle_count(req) == 1
    assert [m.text for m in server.sent(CHAT)] == [f"m{i}" for i in range(5)]


async def test_expired_idle_connection_is_not_reused(server):
    request = BotApiRequest(2, keepalive_expiry=0.05)
    await request.initialize()
    try:
        await request.do_request(url(server, "getMe"), "POST")
        await asyncio.sleep(0.15)
        await request.do_request(url(server, "getMe"), "POST")
    finally:
        await request.shutdown()
    assert len({port for *_, port in server.raw}) == 2


async def test_connection_dropped_by_a_server_restart_is_replaced(server, req):
    await req.do_request(url(server, "getMe"), "POST")
    await asyncio.to_thread(server.restart)
    await asyncio.sleep(0.05)  # the client sees the idle connection go
    status, _ = await req.do_request(url(server, "getMe"), "POST")
    assert status == 200
    assert len({port for *_, port in server.raw}) == 2


async def test_long_poll_read_timeout_is_timed_out(server, req):
    with pytest.raises(TimedOut):
        await req.do_request(url(server, "getUpdates"), "POST", data(timeout=5), read_timeout=0.2)
    assert idle_count(req) == 0  # a timed-out connection is never reused
    assert req._slots._value == req.max_connections


async def test_server_down_is_network_error(server, req):
    await req.do_request(url(server, "getMe"), "POST")
    await asyncio.to_thread(server.stop)
    with pytest.raises(NetworkError) as info:
        await req.do_request(url(server, "getMe"), "POST")
    assert not isinstance(info.value, TimedOut)
    assert req._slots._value == req.max_connections
    await asyncio.to_thread(server.start)  # and back: the next call works
    status, _ = await req.do_request(url(server, "getMe"), "POST")
    assert status == 200


async def test_bot_with_the_lean_client_and_upload_fallback(server):
    bot = Bot(
        TOKEN,
        base_url=server.base_url,
        base_file_url=server.base_file_url,
        request=BotApiRequest(),
        get_updates_request=BotApiRequest(1),
    )
    async with bot:
        assert (await bot.get_me()).username == "callbot_test_bot"
        msg = await bot.send_message(CHAT, "hello")
        assert msg.text == "hello"
        assert bot.request._fallback is None  # no httpx until an upload
        with pytest.raises(TelegramError):  # the fake server has no sendDocument: 404
            await bot.send_document(CHAT, document=b"hello", filename="a.txt")
        assert isinstance(bot.request._fallback, HTTPXRequest)
    method, content_type, _, _ = server.raw[-1]
    assert method == "sendDocument"
    assert content_type.startswith("multipart/form-data")
    assert server.calls[-1].params["document"] == {"filename": "a.txt", "size": 5}
    assert all(ct == "application/json" for m, ct, _, _ in server.raw if m == "sendMessage")


# -- against a scripted server ------------------------------------------------------------------


class Scripted:
    """An asyncio server that reads a request head and then never answers (``answer=False``)
    or never reads at all (``read=False``); records when each client connection closes."""

    def __init__(self, *, read: bool = True):
        self.read = read
        self.requests = 0
        self.closed = asyncio.Event()
        self.server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task] = set()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._handlers.add(asyncio.current_task())
        try:
            if self.read:
                await reader.readuntil(b"\r\n\r\n")
                self.requests += 1
                while await reader.read(65536):  # until the client closes
                    pass
                self.closed.set()
            else:
                await asyncio.Event().wait()
        except (asyncio.IncompleteReadError, ConnectionError):
            self.closed.set()
        except asyncio.CancelledError:
            pass
        finally:
            writer.close()

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/bot{TOKEN}/getUpdates"

    async def __aexit__(self, *exc) -> None:
        for task in self._handlers:
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        self.server.close()
        await self.server.wait_closed()


async def test_read_timeout_is_timed_out_and_closes_the_connection(req):
    scripted = Scripted()
    async with scripted as target:
        with pytest.raises(TimedOut, match="Read timeout"):
            await req.do_request(target, "POST", data(timeout=10), read_timeout=0.2)
        await asyncio.wait_for(scripted.closed.wait(), 2)
    assert idle_count(req) == 0


async def test_cancelled_long_poll_closes_its_connection(req):
    scripted = Scripted()
    async with scripted as target:
        task = asyncio.create_task(
            req.do_request(target, "POST", data(timeout=10), read_timeout=30)
        )
        for _ in range(100):
            if scripted.requests:
                break
            await asyncio.sleep(0.01)
        assert scripted.requests == 1 and not scripted.closed.is_set()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # the server sees the connection go at once: a stopped poll does not linger there
        await asyncio.wait_for(scripted.closed.wait(), 2)
    assert idle_count(req) == 0
    assert req._slots._value == req.max_connections


async def test_write_timeout_when_the_server_does_not_read():
    request = BotApiRequest(2, write_timeout=0.3)
    await request.initialize()
    try:
        async with Scripted(read=False) as target:
            with pytest.raises(TimedOut, match="Write timeout"):
                await request.do_request(target, "POST", data(text="x" * 20_000_000))
        assert request._slots._value == 2
    finally:
        await request.shutdown()


async def test_pool_timeout_when_every_slot_is_busy():
    request = BotApiRequest(1, pool_timeout=0.1)
    await request.initialize()
    try:
        scripted = Scripted()
        async with scripted as target:
            busy = asyncio.create_task(request.do_request(target, "POST", read_timeout=30))
            await asyncio.sleep(0.05)
            with pytest.raises(TimedOut, match="Pool timeout"):
                await request.do_request(target, "POST")
            busy.cancel()
            await asyncio.gather(busy, return_exceptions=True)
    finally:
        await request.shutdown()


async def test_connection_refused_is_network_error(req):
    probe = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = probe.sockets[0].getsockname()[1]
    probe.close()
    await probe.wait_closed()
    with pytest.raises(NetworkError, match="Cannot connect") as info:
        await req.do_request(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", "POST")
    assert not isinstance(info.value, TimedOut)


async def test_not_initialized_or_shut_down_refuses():
    request = BotApiRequest(1)
    with pytest.raises(RuntimeError):
        await request.do_request("http://127.0.0.1:1/botX/getMe", "POST")
    await request.initialize()
    await request.shutdown()
    with pytest.raises(RuntimeError):
        await request.do_request("http://127.0.0.1:1/botX/getMe", "POST")


# -- choosing the client from the environment (the poll interval: tests/hostile/test_config.py)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, True),
        ({"CALLBOT_HTTP": ""}, True),
        ({"CALLBOT_HTTP": "lean"}, True),
        ({"CALLBOT_HTTP": "httpx"}, False),
        ({"CALLBOT_HTTP": " HTTPX "}, False),
        ({"HTTPS_PROXY": "http://proxy:3128"}, False),
        ({"https_proxy": "http://proxy:3128"}, False),
        ({"HTTP_PROXY": "http://proxy:3128"}, False),
        ({"ALL_PROXY": "socks5://proxy:1080"}, False),
        ({"all_proxy": "socks5://proxy:1080"}, False),
        ({"HTTPS_PROXY": ""}, True),
        ({"HTTPS_PROXY": "  "}, True),
        ({"NO_PROXY": "localhost"}, True),
        ({"CALLBOT_HTTP": "lean", "HTTPS_PROXY": "http://proxy:3128"}, False),
    ],
)
def test_lean_http(env, expected):
    assert lean_http(env) is expected


def clear_http_env(monkeypatch) -> None:
    for key in list(os.environ):
        if key.lower() in ("https_proxy", "http_proxy", "all_proxy", "callbot_http"):
            monkeypatch.delenv(key)


def test_application_uses_the_lean_client_by_default(monkeypatch, engine):
    clear_http_env(monkeypatch)
    app = build_application(Config(token=TOKEN), engine, updater=False)
    assert isinstance(app.bot.request, BotApiRequest)
    assert app.bot.request.max_connections == 256


@pytest.mark.parametrize(
    ("var", "value"), [("CALLBOT_HTTP", "httpx"), ("HTTPS_PROXY", "http://proxy:3128")]
)
def test_application_falls_back_to_httpx(monkeypatch, engine, var, value):
    clear_http_env(monkeypatch)
    monkeypatch.setenv(var, value)
    app = build_application(Config(token=TOKEN), engine, updater=False)
    assert isinstance(app.bot.request, HTTPXRequest)
    assert not isinstance(app.bot.request, BotApiRequest)
