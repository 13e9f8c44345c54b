"""End to end against the fake Bot API server on 127.0.0.1: the real application over real HTTP
(long polling in-process), and ``python -m bot run`` as a process (polling and webhook)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.config import Config
from bot.engine import Engine
from handlers.app import build_application, post_init
from handlers.persistence import open_persistence

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi

TOKEN = "777001:AAE2E-callbot_token_SECRET"
ADMIN = 9001
USER = 4242
GROUP = -100777
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server():
    with FakeBotApi(token=TOKEN) as fake:
        yield fake


@pytest.fixture
async def running(server, knowledge, tmp_path):
    """The application polling the fake server, like run_polling does it."""
    engine = Engine(knowledge)
    server.add_chat(ADMIN, "private")  # an admin who has started the bot: gets the admin menu
    config = Config(token=TOKEN, api_base_url=server.url, admins=frozenset({ADMIN}))
    app = build_application(
        config, engine, persistence=open_persistence(tmp_path / "state.pickle", engine)
    )
    async with app:
        await post_init(app)
        await app.updater.start_polling(
            poll_interval=0,
            timeout=1,
            allowed_updates=["message", "edited_message", "callback_query", "inline_query"],
        )
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


async def wait(server, predicate, timeout=8.0):
    assert await server.wait_for_async(predicate, timeout=timeout), "timed out"


async def test_private_conversation_end_to_end(server, running):
    assert server.get_commands("all_private_chats", "zh")[:2] == ["start", "help"]
    assert "reload" not in server.get_commands("all_group_chats", "")
    assert "reload" not in server.get_commands("all_private_chats", "")
    assert "reload" in server.get_commands(f"chat:{ADMIN}", "zh")
    server.push_message(USER, USER, "/start", language_code="zh-hans")
    [hello] = await server.wait_for_sent_async(chat_id=USER, count=1, timeout=8)
    assert "callbot" in hello.text and hello.buttons

    q = server.push_message(USER, USER, "芬兰的经费是多少？")
    answers = await server.wait_for_sent_async(chat_id=USER, count=2, timeout=8)
    answer = answers[-1]
    assert "6000万元" in answer.text
    assert answer.parse_mode == "HTML"

    server.press_button(USER, USER, answer.message_id, "领域")
    await wait(server, lambda: server.callback_answers and server.edits(USER))
    assert "领域" in server.message(USER, answer.message_id)["text"]

    server.push_edited_message(USER, q["message_id"], "以色列的经费是多少？")
    await wait(server, lambda: "2000万元" in server.message(USER, answer.message_id)["text"])
    assert len(server.sent(USER)) == 2  # edited in place, nothing new

    server.push_inline_query(USER, "以色列")
    await wait(server, lambda: server.inline_answers)
    assert 1 <= len(server.inline_answers[0]["results"]) <= 50
    assert not server.errors, server.errors  # every text was valid, strict HTML


async def test_group_end_to_end(server, running):
    server.push_message(GROUP, USER, "今天开会吗？", chat_type="supergroup", chat_title="Office")
    q = server.push_message(
        GROUP,
        USER,
        f"@{server.username} 以色列的经费是多少？",
        chat_type="supergroup",
        chat_title="Office",
    )
    [answer] = await server.wait_for_sent_async(chat_id=GROUP, count=1, timeout=8)
    assert answer.reply_to == q["message_id"]
    assert "2000万元" in answer.text
    server.push_message(GROUP, USER, "/ask@" + server.username + " 芬兰", chat_type="supergroup")
    await server.wait_for_sent_async(chat_id=GROUP, count=2, timeout=8)
    r = server.push_message(
        GROUP, USER, "那德国呢？", chat_type="supergroup", reply_to_message_id=answer.message_id
    )
    sent = await server.wait_for_sent_async(chat_id=GROUP, count=3, timeout=8)
    assert sent[-1].reply_to == r["message_id"]
    assert not server.errors, server.errors


async def test_survives_an_api_outage(server, running):
    server.push_message(USER, USER, "芬兰的经费是多少？")
    await server.wait_for_sent_async(chat_id=USER, count=1, timeout=8)
    server.inject_error("sendMessage", 502, "Bad Gateway", chat_id=USER)
    server.push_message(USER, USER, "以色列")
    [_, apology] = await server.wait_for_sent_async(chat_id=USER, count=2, timeout=8)
    assert any(e.error_code == 502 for e in server.errors)
    assert "抱歉" in apology.text
    await asyncio.to_thread(server.restart, 0.3)
    server.push_message(USER, USER, "德国的经费是多少？")
    sent = await server.wait_for_sent_async(chat_id=USER, count=3, timeout=15)
    assert "1.8" in sent[-1].text


# -- the real process ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(tmp_path: Path, server: FakeBotApi, **extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLBOT_", "TELEGRAM_"))}
    env.update(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": server.url,
            "CALLBOT_DATA_DIR": str(tmp_path / "data"),
            "CALLBOT_LOG_LEVEL": "DEBUG",
            "PYTHONPATH": str(ROOT),
            **extra,
        }
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _errors(err: str) -> str:
    """The logged failures of the process, for assertion messages."""
    start = err.find(" ERROR ")
    return err[start - 30 : start + 3000] if start >= 0 else err[-2000:]


def _stop(proc: subprocess.Popen) -> tuple[int, str]:
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return proc.returncode, err


def test_process_long_polling(server, tmp_path):
    proc = _start(tmp_path, server)
    try:
        assert server.wait_for(lambda: server.calls_of("getUpdates"), timeout=20)
        server.push_message(USER, USER, "芬兰的经费是多少？")
        [answer] = server.wait_for_sent(chat_id=USER, count=1, timeout=10)
    finally:
        code, err = _stop(proc)
    assert "6000万元" in answer.text, _errors(err)
    assert code == 0, err[-2000:]
    assert TOKEN not in err and "<token>" in err  # DEBUG logging, token redacted
    assert (tmp_path / "data" / "state.pickle").exists()
    assert server.commands and server.descriptions


def test_process_webhook_with_secret(server, tmp_path):
    port = _free_port()
    proc = _start(
        tmp_path,
        server,
        CALLBOT_WEBHOOK_URL="https://bot.example.org/hook",
        CALLBOT_WEBHOOK_SECRET="s3cret_Token-1",
        CALLBOT_WEBHOOK_LISTEN="127.0.0.1",
        CALLBOT_WEBHOOK_PORT=str(port),
    )
    try:
        assert server.wait_for(lambda: server.webhook_url, timeout=20)
        assert server.webhook_url == "https://bot.example.org/hook"
        server.add_chat(USER, "private")
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "text": "以色列",
                "chat": {"id": USER, "type": "private"},
                "from": {"id": USER, "is_bot": False, "first_name": "U"},
            },
        }

        def post(secret: str | None) -> int:
            headers = {"Content-Type": "application/json"}
            if secret:
                headers["X-Telegram-Bot-Api-Secret-Token"] = secret
            req = urllib.request.Request(
                f"http://127.0.0.1:{port}/hook", json.dumps(update).encode(), headers
            )
            deadline = time.time() + 10
            while True:
                try:
                    with urllib.request.urlopen(req, timeout=5) as resp:
                        return resp.status
                except urllib.error.HTTPError as exc:
                    return exc.code
                except OSError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.1)

        assert post("wrong") == 403
        assert post("s3cret_Token-1") == 200
        [answer] = server.wait_for_sent(chat_id=USER, count=1, timeout=10)
    finally:
        code, err = _stop(proc)
    assert "以色列" in answer.text, _errors(err)
    assert code == 0, err[-2000:]
    assert TOKEN not in err and "s3cret_Token-1" not in err


def test_process_with_a_rejected_token_exits_without_leaking_it(server, tmp_path):
    wrong = "777001:WRONG-token_value_SECRET"
    proc = _start(tmp_path, server, TELEGRAM_BOT_TOKEN=wrong)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert "rejected the bot token" in err
    # PTB's own InvalidToken message quotes the token; the log filter redacts it
    assert wrong not in err and "<token>" in err
