"""End to end against the fake Bot API on 127.0.0.1 (issue 9 points 2, 3, 7, 8, 9): a group
upgraded to a supergroup while an answer is on its way, a kicked group and a blocked user, an
update the library cannot parse, and polls that fail (5xx, 409, 429, a stuck server) -- in
process, and with the real ``python -m bot run`` for what the operator reads in the log."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import subprocess

import pytest
from telegram.request import HTTPXRequest

from bot.config import Config
from bot.engine import Engine
from handlers.app import ALLOWED_UPDATES, build_application, updates_request
from handlers.persistence import open_persistence

try:
    from tests.fakebotapi import FakeBotApi
    from tests.test_e2e_telegram import _start, _stop
except ImportError:  # tests/ itself on sys.path
    from fakebotapi import FakeBotApi
    from test_e2e_telegram import _start, _stop

TOKEN = "777001:AAE2E-callbot_token_SECRET"  # the one test_e2e_telegram's _start uses
USER = 4343
OTHER = 4344
GROUP = -4444  # a basic group...
SUPER = -1004444  # ...upgraded to this supergroup
KICKED = -5555


@pytest.fixture
def server():
    with FakeBotApi(token=TOKEN) as fake:
        yield fake


@contextlib.asynccontextmanager
async def polling(server, engine, *, persistence=None, request=None):
    """The application polling the fake server with the update types it asks for in
    production (ALLOWED_UPDATES), short pauses after failed polls."""
    config = Config(token=TOKEN, api_base_url=server.url)
    app = build_application(config, engine, persistence=persistence, request=request)
    updates_request(app).first_pause = 0.05
    async with app:
        await app.post_init(app)
        await app.updater.start_polling(
            poll_interval=0, timeout=1, allowed_updates=list(ALLOWED_UPDATES)
        )
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            await app.post_shutdown(app)


async def wait(server, predicate, timeout=8.0):
    assert await server.wait_for_async(predicate, timeout=timeout), "timed out"


def ask(server, chat_id: int, question: str, chat_type: str = "group", user: int = USER):
    return server.push_message(
        chat_id, user, f"/ask@{server.username} {question}", chat_type=chat_type
    )


def calls_to(server, chat_id: int) -> list:
    return [c for c in server.calls if c.params.get("chat_id") == chat_id]


async def test_a_group_upgraded_to_a_supergroup(server, knowledge, tmp_path):
    engine = Engine(knowledge)
    persistence = open_persistence(tmp_path / "state.json", engine)
    async with polling(server, engine, persistence=persistence) as app:
        server.set_chat_member(GROUP, USER, "creator")  # /lang is for the group's admins
        server.push_message(GROUP, USER, "/lang en", chat_type="group")
        ask(server, GROUP, "芬兰的经费是多少？")
        await server.wait_for_sent_async(chat_id=GROUP, count=2)
        # upgraded while the next question is on its way: Telegram bounces the answer
        server.migrate_group(GROUP, SUPER, USER, announce=False)
        ask(server, GROUP, "以色列的经费是多少？")
        [answer] = await server.wait_for_sent_async(chat_id=SUPER, count=1)
        assert "20 million" in answer.text  # the answer, in the language /lang chose
        [bounce] = server.errors
        assert bounce.error_code == 400 and bounce.params["chat_id"] == GROUP
        # the service messages arrive: settings and follow-up context move with the chat
        server.migrate_group(GROUP, SUPER, USER, announce=True)
        ask(server, SUPER, "那德国呢？", chat_type="supergroup")
        sent = await server.wait_for_sent_async(chat_id=SUPER, count=2)
        assert "Germany" in sent[-1].text and "million" in sent[-1].text
        assert app.chat_data[SUPER]["lang"] == "en"
        assert len(server.errors) == 1  # nothing else went to the old id
    await persistence.flush()
    assert str(SUPER) in (tmp_path / "state.json").read_text()


async def test_a_kicked_group_and_a_blocked_user_are_left_alone(server, knowledge, caplog):
    async with polling(server, Engine(knowledge)):
        server.push_message(USER, USER, "你好")  # both chats known to Telegram
        server.push_message(GROUP, OTHER, "今天开会吗？", chat_type="group")
        await server.wait_for_sent_async(chat_id=USER, count=1)
        server.refuse_chat(GROUP)  # kicked, Telegram did not tell the bot
        server.refuse_chat(USER)  # blocked by the user
        server.refuse_chat(KICKED, announce=True)  # kicked, my_chat_member says so
        with caplog.at_level(logging.INFO):
            for _ in range(2):
                ask(server, GROUP, "芬兰的经费是多少？")
                server.push_message(USER, USER, "芬兰的经费是多少？")
                ask(server, KICKED, "芬兰的经费是多少？")
            await wait(server, lambda: len(server.errors) >= 2)
            await asyncio.sleep(0.5)
        refused = [(e.params["chat_id"], e.error_code) for e in server.errors]
        assert sorted(refused) == [(GROUP, 403), (USER, 403)]  # one each: no apology, no retry
        assert not calls_to(server, KICKED)
        lines = [r for r in caplog.records if r.name.startswith("handlers")]
        assert all(r.levelno == logging.INFO and not r.exc_info for r in lines), lines
        assert [r.levelno for r in caplog.records if r.levelno >= logging.WARNING] == []
        # added back / unblocked: answered again
        for chat in (GROUP, USER, KICKED):
            server.readmit_chat(chat, announce=True)
        ask(server, GROUP, "以色列的经费是多少？")
        server.push_message(USER, USER, "以色列的经费是多少？")
        ask(server, KICKED, "以色列的经费是多少？")
        for chat in (GROUP, USER, KICKED):
            await wait(server, lambda c=chat: any("2000万元" in m.text for m in server.sent(c)))


async def test_an_update_the_library_cannot_parse_never_jams_polling(server, knowledge, caplog):
    with caplog.at_level(logging.WARNING):
        async with polling(server, Engine(knowledge)):
            bad = server.push_unparseable_update(USER, USER)
            server.push_message(USER, USER, "芬兰的经费是多少？")
            await server.wait_for_sent_async(chat_id=USER, count=1)
            last = server.push_unparseable_update(USER, USER)  # the last of its batch
            await wait(server, lambda: not server.pending_updates)  # confirmed, not re-read
            server.push_message(USER, USER, "以色列的经费是多少？")
            sent = await server.wait_for_sent_async(chat_id=USER, count=2)
    assert "2000万元" in sent[-1].text
    skipped = [r.getMessage() for r in caplog.records]
    assert skipped == [
        f"Skipped update {u['update_id']} (message): python-telegram-bot cannot parse it"
        for u in (bad, last)
    ]
    assert "private text" not in caplog.text


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's RetryAfter
async def test_failed_and_stuck_polls_are_one_line_each(server, knowledge, caplog):
    # a short read timeout, so that a stuck getUpdates times out within the test
    request = HTTPXRequest(read_timeout=1.0, connect_timeout=1.0)
    with caplog.at_level(logging.INFO):
        async with polling(server, Engine(knowledge), request=request):
            server.push_message(USER, USER, "你好")
            await server.wait_for_sent_async(chat_id=USER, count=1)
            server.inject_error("getUpdates", 502, "Bad Gateway", times=2)
            server.inject_error(
                "getUpdates",
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one"
                " bot instance is running",
            )
            server.inject_error(
                "getUpdates", 429, "Too Many Requests: retry after 1", retry_after=1
            )
            await wait(server, lambda: len(server.errors) == 4)
            server.stall("getUpdates", 4.0)
            await wait(server, lambda: "timed out" in caplog.text)
            server.push_message(USER, USER, "芬兰的经费是多少？")
            sent = await server.wait_for_sent_async(chat_id=USER, count=2, timeout=10)
    assert "6000万元" in sent[-1].text
    loud = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in loud] == ["handlers.polling"] * 5, [r.getMessage() for r in loud]
    assert not any(r.exc_info for r in caplog.records)
    texts = [r.getMessage() for r in loud]
    assert "Bad Gateway" in texts[0] and "Bad Gateway" in texts[1]
    assert "another instance of this bot is polling" in texts[2]
    assert "flood control" in texts[3] and "in 1 s" in texts[3]
    assert "timed out" in texts[4] and "at once" in texts[4]


def test_process_log_during_an_outage_and_a_revoked_token(server, tmp_path):
    """The real process, its log at the default level: each failed poll is one line, no
    traceback; a token revoked while polling ends the process (exit 1) with one clear line."""
    proc = _start(tmp_path, server, CALLBOT_LOG_LEVEL="INFO")
    try:
        assert server.wait_for(lambda: server.calls_of("getUpdates"), timeout=20)
        assert server.calls_of("getUpdates")[-1]["allowed_updates"] == list(ALLOWED_UPDATES)
        server.inject_error("getUpdates", 502, "Bad Gateway", times=2)
        server.inject_error(
            "getUpdates", 409, "Conflict: terminated by other getUpdates request", times=1
        )
        server.push_message(USER, USER, "你好")  # ends the long poll under way
        assert server.wait_for(lambda: len(server.errors) == 3, timeout=20)
        server.push_message(USER, USER, "芬兰的经费是多少？")
        assert len(server.wait_for_sent(chat_id=USER, count=2, timeout=15)) == 2
        server.inject_error("getUpdates", 401, "Unauthorized", times=None)
        server.push_message(USER, USER, "以色列的经费是多少？")
        try:
            code = proc.wait(timeout=20)  # stops by itself
        except subprocess.TimeoutExpired:
            code = None
    finally:
        _, err = _stop(proc)
    assert code == 1, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    loud = [ln for ln in err.splitlines() if " WARNING " in ln or " ERROR " in ln]
    assert len(loud) == 4, loud
    assert all("handlers.polling" in ln for ln in loud), loud
    assert "another instance of this bot is polling" in loud[2]
    assert "rejected the bot token while polling" in loud[3] and "@BotFather" in loud[3]
