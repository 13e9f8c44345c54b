"""handlers.webhook in-process: what each request gets, and the start-up retries."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest
from telegram.error import BadRequest, InvalidToken, NetworkError
from telegram.ext import ApplicationBuilder

from handlers import webhook

TOKEN = "777008:HOOK-callbot_token_value"
SECRET = "s3cret"


@pytest.fixture
async def hook():
    app = ApplicationBuilder().token(TOKEN).updater(None).build()
    server = webhook.make_server(app, "/hook", SECRET)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server.listen(port, address="127.0.0.1")
    yield app, port
    server.stop()
    await server.close_all_connections()


async def exchange(port: int, raw: bytes) -> int | None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), 5)
    except (ConnectionError, OSError):
        return None
    finally:
        writer.close()
    return int(line.split()[1]) if line.startswith(b"HTTP/1.1 ") else None


def request(
    body: bytes = b"", *, path="/hook", secret=SECRET, ctype="application/json", length=None
):
    head = [f"POST {path} HTTP/1.1", "Host: x", "Connection: close", f"Content-Type: {ctype}"]
    if secret is not None:
        head.append(f"X-Telegram-Bot-Api-Secret-Token: {secret}")
    if length != "none":
        head.append(f"Content-Length: {len(body) if length is None else length}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


UPDATE = json.dumps(
    {
        "update_id": 7,
        "message": {
            "message_id": 1,
            "date": 0,
            "text": "hi",
            "chat": {"id": 1, "type": "private"},
        },
    }
).encode()


async def test_an_update_is_queued(hook):
    app, port = hook
    assert await exchange(port, request(UPDATE)) == 200
    update = app.update_queue.get_nowait()
    assert update.update_id == 7 and update.message.text == "hi"


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (request(UPDATE, secret="wrong"), 403),
        (request(UPDATE, secret=None), 403),
        (request(b"", secret="wrong", length=99 * 1024 * 1024), 403),
        (request(b"", length=webhook.MAX_BODY_BYTES + 1), 413),
        (request(b"", length="-1"), 400),
        (request(b"", length="12abc"), 400),
        (request(UPDATE, ctype="text/plain"), 415),
        (request(UPDATE, path="/other"), 404),
        (request(b"", path="/other", length=99 * 1024 * 1024), 404),
        (request(b"{not json"), 400),
        (request(b"[1, 2]"), 400),
        (request(b'"text"'), 400),
        (b"GET /hook HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
    ],
)
async def test_refusals(hook, raw, status):
    app, port = hook
    assert await exchange(port, raw) == status
    assert app.update_queue.empty()


async def test_a_chunked_body_over_the_limit_is_not_processed(hook):
    app, port = hook
    chunk = b"100000\r\n" + b"x" * 0x100000 + b"\r\n"
    raw = request(b"", length="none").replace(
        b"\r\n\r\n", b"\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    assert await exchange(port, raw + chunk * 2 + b"0\r\n\r\n") in (None, 400, 413)
    assert app.update_queue.empty()


async def test_retrying_retries_network_errors_only():
    calls = []

    async def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise NetworkError("down")

    await webhook.retrying("test", flaky, -1, pause=0.01)
    assert len(calls) == 3

    for error in (InvalidToken("no"), BadRequest("Bad webhook: bad port")):
        calls.clear()

        async def refused(error=error):
            calls.append(1)
            raise error

        with pytest.raises(type(error)):
            await webhook.retrying("test", refused, -1, pause=0.01)
        assert len(calls) == 1

    async def down():
        raise NetworkError("down")

    with pytest.raises(NetworkError):
        await webhook.retrying("test", down, 2, pause=0.01)


async def test_the_path_is_matched_literally():
    app = ApplicationBuilder().token(TOKEN).updater(None).build()
    server = webhook.make_server(app, "call.bot/", SECRET)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server.listen(port, address="127.0.0.1")
    try:
        assert await exchange(port, request(UPDATE, path="/callXbot")) == 404
        assert await exchange(port, request(UPDATE, path="/call.bot/")) == 200
    finally:
        server.stop()
        await server.close_all_connections()


async def test_a_refused_webhook_stops_with_one_clear_error(caplog):
    try:
        from tests.fakebotapi import FakeBotApi
    except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
        from fakebotapi import FakeBotApi

    with FakeBotApi(token=TOKEN) as server:
        app = (
            ApplicationBuilder()
            .token(TOKEN)
            .base_url(server.base_url)
            .base_file_url(server.base_file_url)
            .updater(None)
            .build()
        )
        with pytest.raises(SystemExit) as stopped:
            await webhook.serve_webhook(
                app,
                listen="127.0.0.1",
                port=0,
                url_path="hook",
                webhook_url="http://not-https.example.org/hook",  # Telegram wants HTTPS
                secret_token=SECRET,
                allowed_updates=None,
            )
    assert stopped.value.code == 1
    [record] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert "refused the webhook" in record.getMessage() and record.exc_info is None
    assert not app.running


async def test_an_update_the_library_cannot_parse_is_acknowledged_and_skipped(hook, caplog):
    app, port = hook
    poll = {"id": "1", "question": "private text", "options": []}  # fields PTB requires missing
    body = json.loads(UPDATE)
    body["message"]["poll"] = poll
    with caplog.at_level("INFO"):
        # 200: a refused update would be sent again and again by Telegram
        assert await exchange(port, request(json.dumps(body).encode())) == 200
    assert app.update_queue.empty()
    [line] = caplog.records
    assert "Skipped update 7 (message)" in line.getMessage() and "private text" not in caplog.text
