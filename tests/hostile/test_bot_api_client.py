"""A hostile or broken Bot API endpoint cannot take the bot's memory or make it loop.

The bot talks to the Bot API through python-telegram-bot's HTTPXRequest (handlers.apiclient).
A loopback "Bot API" answers every call with an endless or lying body; the bot, built by
``build_application`` as in production, runs in a child process limited to 1 GiB of address
space and must get a NetworkError in seconds with its peak memory bounded. A token with a space
must not produce a malformed request line: the bot exits with one clear error, no traceback.
"""

from __future__ import annotations

import socket
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.support import bot_env, start_bot

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "777005:HOSTILE-callbot_token_value"
ADDRESS_SPACE = 1024**3  # the child's RLIMIT_AS: gigabytes of body would fail it at once
CHUNK = b"\0" * 65536

CHILD = """
import asyncio, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from telegram.error import TelegramError
from bot.config import Config
from bot.engine import Engine
from handlers.app import build_application
from knowledge import load_bundled

async def main():
    config = Config(token={token!r}, api_base_url=sys.argv[1])
    app = build_application(config, Engine(load_bundled()), updater=False, rate_limiter=False)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        await app.bot.initialize()
        await app.bot.get_me()
        print("ANSWERED")
    except TelegramError as exc:
        print("ERROR", type(exc).__name__, str(exc)[:200])
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("GROWTH_KB", after - before)

asyncio.run(main())
"""


class Hostile(socketserver.BaseRequestHandler):
    """Reads one request's head, then answers as ``server.mode`` says."""

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(10)
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 65536:
            data = sock.recv(4096)
            if not data:
                return
            head += data
        mode = self.server.mode  # type: ignore[attr-defined]
        try:
            if mode == "huge":  # claims 2 GiB and streams it as fast as it can
                sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n")
                self._stream(lambda: CHUNK)
            elif mode == "chunked":  # no length, endless chunks
                sock.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                self._stream(lambda: b"10000\r\n" + CHUNK + b"\r\n")
            elif mode == "until-close":  # no length: the body ends when the server closes
                sock.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
                self._stream(lambda: CHUNK)
            elif mode == "negative":
                body = b'{"ok":true,"result":{}}' * 100
                sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n" + body)
        except OSError:
            pass  # the client gave up: what it should do

    def _stream(self, chunk) -> None:
        deadline = time.monotonic() + 20  # 20 s at loopback speed is tens of gigabytes
        while time.monotonic() < deadline:
            self.request.sendall(chunk())


class HostileServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mode: str):
        super().__init__(("127.0.0.1", 0), Hostile)
        self.mode = mode


@pytest.fixture
def hostile(request) -> Iterator[HostileServer]:
    server = HostileServer(request.param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("hostile", ["huge", "chunked", "until-close", "negative"], indirect=True)
def test_hostile_bot_api_body_is_a_bounded_network_error(hostile, tmp_path):
    url = f"http://127.0.0.1:{hostile.server_address[1]}"
    code = CHILD.format(limit=ADDRESS_SPACE, token=TOKEN)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", code, url],
        cwd=tmp_path,
        env=bot_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("ERROR NetworkError"), proc.stdout
    growth_mb = int(lines[-1].split()[1]) / 1024
    assert growth_mb < 200, f"peak memory grew by {growth_mb:.0f} MB"
    assert elapsed < 30


class PathRecordingApi(FakeBotApi):
    """The fake Bot API server, also recording each request's path as it arrived."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.paths: list[str] = []

    def _handle_http(self, verb, raw_path, content_type, body):
        self.paths.append(raw_path)
        return super()._handle_http(verb, raw_path, content_type, body)


def _bot_process(tmp_path: Path, server: FakeBotApi, token: str) -> subprocess.Popen:
    env = bot_env(
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=server.url,
        CALLBOT_DATA_DIR=str(tmp_path / "data"),
    )
    return start_bot(tmp_path, env, stdout=subprocess.PIPE)


def test_token_with_a_space_is_one_clear_error_not_a_loop(tmp_path):
    with PathRecordingApi(token=TOKEN) as server:
        proc = _bot_process(tmp_path, server, TOKEN.replace("_", " ", 1))
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"the bot kept running with a broken token: {err[-1500:]}")
    assert proc.returncode != 0, err[-2000:]
    # if the token reaches the Bot API at all (settings may refuse it first), it is in a
    # well-formed request (the space percent-encoded) that the server can refuse with 401
    assert all(" " not in path and "%20" in path for path in server.paths), server.paths
    # one refusal, not a loop
    assert len(server.paths) <= 2, server.paths
    assert err.count(" ERROR ") <= 2, err[-3000:]
