"""End to end against the fake Bot API server on 127.0.0.1: the real application over real HTTP
(long polling in-process), and ``python -m bot run`` as a process (polling and webhook).

Covered in-process: a private conversation with a follow-up, /start with a deep link, a group
(chatter ignored, a mention answered in thread), a button press, an inline query, an edited
question, a reply split into several messages, outages of the server (short and a few seconds)
and a burst of 1,000 messages from 50 users answered in order per chat.
"""

from __future__ import annotations

import asyncio
import contextlib
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
import yaml

from bot.config import Config
from bot.engine import Engine
from handlers.app import build_application
from handlers.persistence import open_persistence
from knowledge import bundled_path, load_knowledge

try:
    from tests.fakebotapi import FakeBotApi, format_text, utf16_len
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi, format_text, utf16_len

TOKEN = "777001:AAE2E-callbot_token_SECRET"
ADMIN = 9001
USER = 4242
GROUP = -100777
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server():
    with FakeBotApi(token=TOKEN) as fake:
        yield fake


@contextlib.asynccontextmanager
async def polling(server, engine, *, persistence=None, rate_limiter=True):
    """The application polling the fake server, started and stopped like run_polling does it
    (post_init, post_stop and post_shutdown hooks included)."""
    server.add_chat(ADMIN, "private")  # an admin who has started the bot: gets the admin menu
    # Telegram's pacing 300 times faster: tests/test_e2e_burst.py tests it
    config = Config(
        token=TOKEN, api_base_url=server.url, admins=frozenset({ADMIN}), group_rate=6000
    )
    app = build_application(config, engine, persistence=persistence, rate_limiter=rate_limiter)
    async with app:
        await app.post_init(app)
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
            if app.post_stop:
                await app.post_stop(app)
    if app.post_shutdown:
        await app.post_shutdown(app)


@pytest.fixture
async def running(server, knowledge, tmp_path):
    engine = Engine(knowledge)
    persistence = open_persistence(tmp_path / "state.json", engine)
    async with polling(server, engine, persistence=persistence) as app:
        yield app


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
    chatter = server.push_message(
        GROUP, USER, "今天开会吗？", chat_type="supergroup", chat_title="Office"
    )
    q = server.push_message(
        GROUP,
        USER,
        f"@{server.username} 以色列的经费是多少？",
        chat_type="supergroup",
        chat_title="Office",
    )
    [answer] = await server.wait_for_sent_async(chat_id=GROUP, count=1, timeout=8)
    assert answer.reply_to == q["message_id"]  # in thread: a reply to the asking message
    assert answer.reply_to != chatter["message_id"]  # the chatter before it got nothing
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


async def test_private_follow_up_and_deep_link(server, running):
    server.push_message(USER, USER, "/start intl-1_6", language_code="zh-hans")
    [card] = await server.wait_for_sent_async(chat_id=USER, count=1, timeout=8)
    assert card.text.startswith("1.6 ") and "芬兰" in card.text  # the Finland direction card
    assert "6000万元" in card.text and card.buttons

    server.push_message(USER, USER, "以色列的经费是多少？")
    server.push_message(USER, USER, "那德国呢？")  # a follow-up: the metric comes from context
    sent = await server.wait_for_sent_async(chat_id=USER, count=3, timeout=8)
    assert "中以" in sent[1].text and "2000万元" in sent[1].text
    assert "中德" in sent[2].text and "2000万元" in sent[2].text and "5个项目" in sent[2].text
    assert all(s.parse_mode == "HTML" for s in sent)
    assert not server.errors, server.errors


def _big_knowledge(path: Path) -> Path:
    """The bundled knowledge with every direction's field list seven times as long, so that
    "all fields" is a reply far longer than one Telegram message (the real one is ~1,350)."""
    data = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    for direction in data["directions"]:
        fields = direction.get("fields")
        if fields:
            direction["fields"] = fields + [
                {lang: f"{text}（扩展{i}）" for lang, text in field.items()}
                for i in range(1, 7)
                for field in fields
            ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


async def test_long_reply_is_split_into_valid_messages(server, tmp_path):
    big = load_knowledge(_big_knowledge(tmp_path / "big.yaml"))
    whole = Engine(big).ask("各方向的资助领域", "unsplit").html
    assert utf16_len(whole) > 2 * 4096
    engine = Engine(big)
    async with polling(server, engine):
        q = server.push_message(USER, USER, "各方向的资助领域")
        # updates are handled one at a time: once the next answer is there, all parts are
        server.push_message(USER, USER, "芬兰的经费是多少？")
        await wait(server, lambda: any("6000万元" in s.text for s in server.sent(USER)))
    *parts, last = server.sent(USER)
    assert "6000万元" in last.text and "中芬科技合作" in last.text
    assert not any("6000万元" in p.text for p in parts)
    assert len(parts) >= 3
    assert not server.errors, server.errors  # every part accepted: strict HTML, <= 4096
    for part in parts:
        assert part.parse_mode == "HTML"
        assert 0 < utf16_len(part.raw_text) <= 4096
        assert 0 < utf16_len(part.text) <= 4096
        assert part.reply_to in (None, q["message_id"])
    assert [bool(p.buttons) for p in parts[:-1]] == [False] * (len(parts) - 1)
    text = "\n".join(p.text for p in parts)
    for name in ("1.1 ", "1.6 ", "1.9 ", "2.5 ", "（扩展6）"):
        assert name in text
    expected, _ = format_text(whole, "HTML", max_length=10**6)
    assert "".join(text.split()) == "".join(expected.split())  # nothing lost at the cuts


async def test_recovers_after_the_server_is_gone_for_seconds(server, running):
    server.push_message(USER, USER, "芬兰的经费是多少？")
    await server.wait_for_sent_async(chat_id=USER, count=1, timeout=8)
    await asyncio.to_thread(server.stop)  # long poll dropped, new connections refused
    server.push_message(USER, USER, "以色列的经费是多少？")  # queued while the server is down
    await asyncio.sleep(3)
    await asyncio.to_thread(server.start)
    sent = await server.wait_for_sent_async(chat_id=USER, count=2, timeout=20)
    assert "2000万元" in sent[1].text
    server.push_message(USER, USER, "德国的经费是多少？")
    sent = await server.wait_for_sent_async(chat_id=USER, count=3, timeout=8)
    assert "中德" in sent[2].text
    assert running.updater.running


# Each question with a text only its own answer contains (the direction's title).
BURST_QUESTIONS = [
    ("芬兰的经费是多少？", "中芬科技合作"),
    ("以色列的经费是多少？", "中以联合研究"),
    ("德国的经费是多少？", "中德科技合作"),
    ("意大利的经费是多少？", "中意科技合作"),
    ("西班牙的经费是多少？", "中西科技合作"),
    ("奥地利的经费是多少？", "中奥产学研合作"),
    ("阿根廷的经费是多少？", "中阿联合研究"),
    ("俄罗斯的经费是多少？", "中俄科技合作"),
]


async def test_burst_of_1000_messages_from_50_users(server, knowledge):
    users = [50_001 + i for i in range(50)]
    per_user = 20
    engine = Engine(knowledge)
    # rate_limiter=False: the pacer keeps to Telegram's limits (30 messages a second overall,
    # about one a second into a chat), which would stretch 1,000 answers over more than 33 s.
    # What is tested here is that the bot takes, answers and orders them all.
    async with polling(server, engine, rate_limiter=False):
        asked: dict[int, list[tuple[int, str]]] = {u: [] for u in users}
        start = time.monotonic()
        for i in range(per_user):
            for n, user in enumerate(users):
                question, marker = BURST_QUESTIONS[(n + 3 * i) % len(BURST_QUESTIONS)]
                msg = server.push_message(user, user, question)
                asked[user].append((msg["message_id"], marker))
        total = len(users) * per_user
        done = await server.wait_for_async(lambda: len(server.sent()) >= total, timeout=50)
        elapsed = time.monotonic() - start
        assert done, f"{len(server.sent())}/{total} answered in {elapsed:.1f} s"
        await asyncio.sleep(0.2)
    assert len(server.sent()) == total  # one answer each, nothing extra
    assert not server.errors, server.errors[:3]
    for user in users:
        replies = server.sent(user)
        assert len(replies) == per_user, user
        for (question_id, marker), reply in zip(asked[user], replies, strict=True):
            # private answers are not quoted; when they are, they must quote their question
            assert reply.reply_to in (None, question_id)
            assert marker in reply.text, (user, question_id, marker, reply.text)
        ids = [r.reply_to for r in replies if r.reply_to is not None]
        assert ids == sorted(ids)


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
    assert (tmp_path / "data" / "state.json").exists()
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
        allowed = server.calls_of("setWebhook")[-1]["allowed_updates"]
        assert allowed == [
            "message",
            "edited_message",
            "callback_query",
            "inline_query",
            "my_chat_member",
        ]
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
