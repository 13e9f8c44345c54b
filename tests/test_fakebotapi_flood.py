"""The fake Bot API's Telegram-like flood control (20 messages a minute into a group, about one a
second into a private chat, answered 429 with retry_after) and query expiry, driven by a real
PTB Bot without a rate limiter. Windows are scaled down."""

from __future__ import annotations

import time

import pytest
from telegram import Bot
from telegram.error import BadRequest, RetryAfter
from telegram.request import HTTPXRequest

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi

TOKEN = "123:ABC"
GROUP, USER = -100321, 42
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def _request() -> HTTPXRequest:
    return HTTPXRequest(connection_pool_size=4, connect_timeout=2, read_timeout=5)


@pytest.fixture
def server():
    with FakeBotApi(token=TOKEN, telegram_flood=0.05) as srv:  # group: 20 in 3 s
        srv.add_chat(GROUP, "supergroup")
        srv.push_message(USER, USER, "hello")
        yield srv


@pytest.fixture
async def bot(server):
    b = Bot(TOKEN, base_url=server.base_url, request=_request(), get_updates_request=_request())
    async with b:
        yield b


def _retry(exc: RetryAfter) -> float:
    return exc._retry_after.total_seconds()


async def test_twenty_messages_a_window_into_a_group(bot, server):
    for i in range(20):
        await bot.send_message(GROUP, f"answer {i}")
    with pytest.raises(RetryAfter) as refused:
        await bot.send_message(GROUP, "one too many")
    assert 1 <= _retry(refused.value) <= 3
    assert [e.error_code for e in server.errors] == [429]
    assert server.errors[0].description.startswith("Too Many Requests: retry after")
    await bot.send_message(USER, "another chat is not affected")
    assert len(server.sent(GROUP)) == 20


async def test_edits_count_too(bot, server):
    first = await bot.send_message(GROUP, "v0")
    for i in range(19):
        await bot.edit_message_text(f"v{i + 1}", chat_id=GROUP, message_id=first.message_id)
    with pytest.raises(RetryAfter):
        await bot.send_message(GROUP, "one too many")


async def test_private_chat_bursts_of_three_then_about_one_a_second(bot, server):
    server.set_telegram_flood(0.1)  # 3 in 0.3 s
    for i in range(3):
        await bot.send_message(USER, str(i))
    with pytest.raises(RetryAfter) as refused:
        await bot.send_message(USER, "too fast")
    assert _retry(refused.value) == 1  # whole seconds, at least one, like Telegram
    time.sleep(0.35)
    await bot.send_message(USER, "after the window")
    server.set_telegram_flood(None)
    for i in range(10):
        await bot.send_message(USER, str(i))


async def test_off_by_default(bot):
    with FakeBotApi(token=TOKEN) as plain:
        plain.add_chat(GROUP, "supergroup")
        b = Bot(TOKEN, base_url=plain.base_url, request=_request())
        async with b:
            for i in range(25):
                await b.send_message(GROUP, str(i))
        assert not plain.errors


async def test_queries_expire(bot, server):
    server.set_query_expiry(inline=0.2, callback=0.3)
    fresh = server.push_inline_query(USER, "q")
    late = server.push_inline_query(USER, "q")
    message = await bot.send_message(USER, "with a button")
    pressed = server.push_callback_query(USER, USER, message.message_id, "x")
    await bot.answer_inline_query(fresh["id"], [])
    time.sleep(0.35)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(late["id"], [])
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(pressed["id"])
    assert len(server.inline_answers) == 1 and not server.callback_answers


def test_query_expiry_defaults_like_telegram():
    fake = FakeBotApi()
    assert fake._query_expiry == {"answerInlineQuery": 10.0, "answerCallbackQuery": 15.0}
