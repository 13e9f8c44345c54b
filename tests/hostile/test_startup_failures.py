"""Issue 7 point 3: start-up failures say why. The real bot process against the fake Bot API
answering 401, refusing the webhook, and against a closed loopback port; connect()'s backoff
with a stand-in bot."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import threading
import time
import warnings
from pathlib import Path

import pytest
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.warnings import PTBDeprecationWarning

from handlers.startup import StartupError, connect
from tests.hostile.support import bot_env, free_port, start_bot

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path
    from fakebotapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "777001:AAE2E-callbot_token_SECRET_0123456789"


def _start(tmp_path: Path, api_url: str, **extra: str) -> subprocess.Popen:
    env = bot_env(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api_url,
        CALLBOT_DATA_DIR=str(tmp_path / "data"),
        **extra,
    )
    return start_bot(tmp_path, env)


def _finish(proc: subprocess.Popen, timeout: float) -> tuple[int | None, str, float]:
    """(exit code or None if it had to be stopped, stderr, seconds taken)."""
    start = time.monotonic()
    try:
        _, err = proc.communicate(timeout=timeout)
        return proc.returncode, err, time.monotonic() - start
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        return None, err, time.monotonic() - start


def _problems(err: str) -> list[str]:
    return [line for line in err.splitlines() if " ERROR " in line or " CRITICAL " in line]


def test_a_token_the_server_rejects_exits_1_with_one_line(tmp_path):
    with FakeBotApi(token="777001:another_bot_token_xxxxxxxxxxxxxxxxxx") as fake:
        code, err, took = _finish(_start(tmp_path, fake.url), timeout=20)
    assert code == 1, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    [line] = _problems(err)
    assert "rejected the bot token (TELEGRAM_BOT_TOKEN)" in line and "Unauthorized" in line
    assert TOKEN not in err
    assert took < 10


def test_a_webhook_telegram_refuses_exits_1_with_one_line(tmp_path):
    """Before: "Starting", then setWebhook retried silently forever."""
    with FakeBotApi(token=TOKEN) as fake:
        proc = _start(
            tmp_path,
            fake.url,
            CALLBOT_WEBHOOK_URL="http://bot.example.org/hook",  # the Bot API wants https
            CALLBOT_WEBHOOK_PORT=str(free_port()),
        )
        code, err, _ = _finish(proc, timeout=20)
    assert code == 1, err[-3000:]
    assert "Traceback" not in err
    [line] = _problems(err)
    assert "refused the webhook CALLBOT_WEBHOOK_URL=http://bot.example.org/hook" in line
    assert "https" in line  # the server's own reason


def test_an_unreachable_api_is_reported_at_warning_with_a_growing_pause(tmp_path):
    """Before: nothing at all after "Starting" (the cause only at DEBUG), forever."""
    port = free_port()  # closed: nothing listens there
    proc = _start(tmp_path, f"http://127.0.0.1:{port}")
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, "")))
    reader.start()
    deadline = time.monotonic() + 15
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if len([line for line in list(lines) if " WARNING " in line]) >= 2:
                break
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        reader.join(timeout=15)
    code, err = proc.returncode, "".join(lines)
    warnings = [line for line in lines if " WARNING " in line][:2]
    assert len(warnings) == 2, err[-3000:]
    assert all(f"127.0.0.1:{port}" in w or "connect" in w.lower() for w in warnings), warnings
    assert "next try in 1 s" in warnings[0] and "next try in 2 s" in warnings[1]
    assert code == 0 and "Traceback" not in err, err[-3000:]


class StubBot:
    """Fails each call with the next queued exception, then succeeds."""

    def __init__(self, failures: dict[str, list[Exception]]):
        self.failures = failures
        self.calls: list[str] = []

    async def _call(self, name: str) -> bool:
        self.calls.append(name)
        queue = self.failures.get(name, [])
        if queue:
            raise queue.pop(0)
        return True

    async def initialize(self) -> None:
        await self._call("getMe")

    async def delete_webhook(self, **kwargs) -> bool:
        return await self._call("deleteWebhook")

    async def set_webhook(self, **kwargs) -> bool:
        return await self._call("setWebhook")


async def test_connect_backs_off_and_logs_each_failure(caplog):
    pauses: list[float] = []

    async def sleep(seconds: float) -> None:
        pauses.append(seconds)

    failures = [NetworkError("Cannot connect to 127.0.0.1:9")] * 8 + [TimedOut()]
    with warnings.catch_warnings():  # PTB 22 warns about its own int retry_after
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        flood = RetryAfter(7)
    bot = StubBot({"getMe": list(failures), "deleteWebhook": [flood]})
    await connect(bot, sleep=sleep)
    assert pauses == [1, 2, 4, 8, 16, 32, 60, 60, 60, 7]
    logged = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(logged) == 10
    assert "Cannot connect to 127.0.0.1:9" in logged[0].getMessage()
    assert "deleteWebhook" in logged[-1].getMessage()
    assert bot.calls[-2:] == ["getMe", "deleteWebhook"]


@pytest.mark.parametrize(
    ("failures", "webhook", "expected"),
    [
        ({"getMe": [InvalidToken("Unauthorized")]}, None, "rejected the bot token"),
        (
            {"setWebhook": [BadRequest("Bad webhook: ip address 10.0.0.1 is reserved")]},
            "https://10.0.0.1/hook",
            "refused the webhook CALLBOT_WEBHOOK_URL=https://10.0.0.1/hook: Bad webhook",
        ),
    ],
)
async def test_connect_stops_at_what_retrying_cannot_fix(failures, webhook, expected):
    async def no_sleep(seconds: float) -> None:
        raise AssertionError("must not retry")

    with pytest.raises(StartupError, match=expected):
        await connect(StubBot(failures), webhook_url=webhook, sleep=no_sleep)


async def test_connect_can_be_cancelled_while_it_waits():
    bot = StubBot({"getMe": [NetworkError("down")] * 100})
    task = asyncio.create_task(connect(bot, first_pause=30))
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert bot.calls == ["getMe"]
