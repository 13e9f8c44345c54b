"""The webhook refuses large or unauthenticated bodies before reading them.

``python -m bot run`` in webhook mode on 127.0.0.1 (the fake Bot API server records the
setWebhook and the answers). An attacker who can reach the port announces 99 MB bodies with a
wrong or absent secret on eight connections at once: each is refused as soon as its headers are
in, before a byte of the body, and the bot's peak memory does not move. Telegram itself (the
right secret) gets 413 for a 2 MB body and its normal updates are answered.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.support import bot_env, free_port, start_bot

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "777007:WEBHOOK-callbot_token_value"
SECRET = "hook_Secret-7"
USER = 4343
HUGE = 99 * 1024 * 1024
ATTACKERS = 8
BLOCK = b"x" * (1024 * 1024)


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


class Bot:
    def __init__(self, tmp_path: Path, server: FakeBotApi):
        self.port = free_port()
        env = bot_env(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=server.url,
            CALLBOT_DATA_DIR=str(tmp_path / "data"),
            CALLBOT_WEBHOOK_URL="https://bot.example.org/hook",
            CALLBOT_WEBHOOK_SECRET=SECRET,
            CALLBOT_WEBHOOK_LISTEN="127.0.0.1",
            CALLBOT_WEBHOOK_PORT=str(self.port),
        )
        self.proc = start_bot(tmp_path, env)

    def stop(self) -> str:
        self.proc.send_signal(signal.SIGINT)
        try:
            _, err = self.proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err


@pytest.fixture
def bot(tmp_path) -> Iterator[tuple[Bot, FakeBotApi]]:
    with FakeBotApi(token=TOKEN) as server:
        server.add_chat(USER, "private")
        running = Bot(tmp_path, server)
        try:
            assert server.wait_for(lambda: server.webhook_url, timeout=20)
            yield running, server
        finally:
            running.stop()


def _update(update_id: int, text: str) -> bytes:
    message = {
        "message_id": update_id,
        "date": int(time.time()),
        "text": text,
        "chat": {"id": USER, "type": "private"},
        "from": {"id": USER, "is_bot": False, "first_name": "U"},
    }
    return json.dumps({"update_id": update_id, "message": message}).encode()


def _head(length: int, secret: str | None) -> bytes:
    lines = [
        "POST /hook HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        f"Content-Length: {length}",
    ]
    if secret is not None:
        lines.append(f"X-Telegram-Bot-Api-Secret-Token: {secret}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _status(sock: socket.socket, timeout: float) -> int | None:
    """The status of the answer, or None if none comes within ``timeout``."""
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    except (TimeoutError, OSError):
        pass
    return int(data.split()[1]) if data.startswith(b"HTTP/1.1 ") else None


def _connect(port: int) -> socket.socket:
    deadline = time.monotonic() + 10
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _post(port: int, body: bytes, secret: str | None = SECRET) -> int | None:
    with _connect(port) as sock:
        sock.sendall(_head(len(body), secret) + body)
        return _status(sock, 10)


def _attack(port: int, secret: str | None, before_body: list, after_body: list) -> None:
    """Announce a 99 MB body; note the answer that comes before any of it is sent; then
    send it all anyway, as an attacker would, and note the final answer."""
    with _connect(port) as sock:
        sock.sendall(_head(HUGE, secret))
        before_body.append(_status(sock, 2))
        sock.settimeout(30)
        try:
            for _ in range(HUGE // len(BLOCK)):
                sock.sendall(BLOCK)
            sock.sendall(b"x" * (HUGE % len(BLOCK)))
        except OSError:
            pass  # refused and closed: the body goes nowhere
        after_body.append(_status(sock, 5))


def test_large_bodies_are_refused_before_they_are_read(bot):
    running, server = bot
    port = running.port
    # (c) a normal update from Telegram is answered
    assert _post(port, _update(1, "以色列")) == 200
    [answer] = server.wait_for_sent(chat_id=USER, count=1, timeout=10)
    assert "以色列" in answer.text
    baseline = _peak_rss_mb(running.proc.pid)

    # (a) eight 99 MB uploads at once, wrong or absent secret
    before_body: list[int | None] = []
    after_body: list[int | None] = []
    threads = [
        threading.Thread(
            target=_attack, args=(port, "wrong" if i % 2 else None, before_body, after_body)
        )
        for i in range(ATTACKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    growth = _peak_rss_mb(running.proc.pid) - baseline
    print(f"webhook attack: bot peak RSS {baseline:.0f} MB, grew by {growth:.1f} MB")

    # (b) Telegram's own secret does not buy a 2 MB body either: refused on its headers
    size = 2 * 1024 * 1024
    large = _update(2, "x" * (size - len(_update(2, ""))))
    with _connect(port) as sock:
        sock.sendall(_head(len(large), SECRET))
        large_status = _status(sock, 2)
        if large_status is None:  # a server that waits for the body: send it to see
            sock.sendall(large)
            large_status = _status(sock, 10)

    assert growth < 50, f"the bot's peak memory grew by {growth:.0f} MB"
    assert before_body == [403] * ATTACKERS, before_body
    assert large_status == 413, large_status
    # the bot still answers
    assert _post(port, _update(3, "芬兰")) == 200
    server.wait_for_sent(chat_id=USER, count=2, timeout=10)
