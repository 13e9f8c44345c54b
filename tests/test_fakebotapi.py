"""Tests for the fake Telegram Bot API server (tests/fakebotapi), driven by a real PTB Bot."""

from __future__ import annotations

import asyncio
import html
import time

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

try:
    from tests.fakebotapi import FakeBotApi, parse_html, utf16_len
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi, parse_html, utf16_len

TOKEN = "123:ABC"
CHAT = 42


def _request() -> HTTPXRequest:
    return HTTPXRequest(connection_pool_size=4, connect_timeout=2, read_timeout=5)


@pytest.fixture
def server():
    srv = FakeBotApi(token=TOKEN)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
async def bot(server):
    b = Bot(
        TOKEN,
        base_url=server.base_url,
        base_file_url=server.base_file_url,
        request=_request(),
        get_updates_request=_request(),
    )
    async with b:
        yield b


@pytest.fixture
def chat(server):
    """A known private chat (the user wrote to the bot)."""
    server.push_message(CHAT, CHAT, "hello")
    return CHAT


def test_binds_loopback_random_port(server):
    assert server.port > 0
    assert server.base_url == f"http://127.0.0.1:{server.port}/bot"
    assert server._httpd.server_address[0] == "127.0.0.1"


async def test_get_me(bot, server):
    me = await bot.get_me()
    assert me.is_bot is True
    assert me.id == 123
    assert me.username == "callbot_test_bot"
    assert me.can_join_groups is True
    assert me.supports_inline_queries is True
    assert ("getMe", {}) in server.calls


async def test_wrong_token_and_unknown_method(server, bot):
    requests = [_request(), _request()]
    wrong = Bot(
        "999:XYZ", base_url=server.base_url, request=requests[0], get_updates_request=requests[1]
    )
    try:
        with pytest.raises(InvalidToken):
            await wrong.initialize()
    finally:
        for req in requests:
            await req.shutdown()
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")
    assert server.errors[-1].error_code == 404
    assert server.errors[-1].description == "Not Found"


async def test_send_message_ok_and_recorded(bot, server, chat):
    user_msg = server.push_message(chat, chat, "question?")
    raw = "<b>Answer</b>: " + html.escape('a < b & c > d "q"')
    msg = await bot.send_message(
        chat,
        raw,
        parse_mode=ParseMode.HTML,
        reply_parameters=ReplyParameters(user_msg["message_id"]),
    )
    assert msg.text == 'Answer: a < b & c > d "q"'
    assert msg.entities[0].type == "bold"
    assert (msg.entities[0].offset, msg.entities[0].length) == (0, 6)
    assert msg.reply_to_message.message_id == user_msg["message_id"]
    assert isinstance(msg.date.timestamp(), float) and msg.date.year >= 2024

    [rec] = server.sent(chat)
    assert rec.message_id == msg.message_id
    assert rec.raw_text == raw
    assert rec.text == msg.text
    assert rec.reply_to == user_msg["message_id"]
    assert rec.parse_mode == "HTML"
    assert isinstance(rec.message["date"], int)  # seconds
    assert server.message(chat, msg.message_id)["text"] == msg.text


async def test_send_message_length_limits(bot, server, chat):
    await bot.send_message(chat, "x" * 4096)
    # markup does not count, only the text after entity parsing
    await bot.send_message(chat, "<b>" + "x" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)too long"):
        await bot.send_message(chat, "x" * 4097)
    # UTF-16 code units: an emoji outside the BMP counts twice
    await bot.send_message(chat, "😀" * 2048)
    with pytest.raises(BadRequest, match=r"(?i)too long"):
        await bot.send_message(chat, "😀" * 2048 + "x")
    with pytest.raises(BadRequest, match=r"(?i)empty"):
        await bot.send_message(chat, "   \n ")
    assert server.errors[-1].description == "Bad Request: message text is empty"
    assert len(server.sent(chat)) == 3


@pytest.mark.parametrize(
    "bad",
    [
        "a < b",
        "a > b",
        "Q&A",
        "&nbsp;",
        "<b>bold",
        "<b>x</i>",
        "<b><i>x</b></i>",
        "<div>x</div>",
        '<span class="x">y</span>',
        "</b>",
        '<a href="https://e.org>y</a>',
        "<b\n",
    ],
)
async def test_bad_html_rejected(bot, server, chat, bad):
    with pytest.raises(BadRequest, match=r"(?i)parse entities"):
        await bot.send_message(chat, bad, parse_mode=ParseMode.HTML)
    rejected = server.errors[-1]
    assert rejected.method == "sendMessage"
    assert rejected.error_code == 400
    assert rejected.description.startswith("Bad Request: can't parse entities: ")
    assert server.sent(chat) == []


async def test_good_html(bot, chat):
    text = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        "<strike>k</strike><del>d</del><code>c</code><pre>x = 1</pre>"
        " &lt;&gt;&amp;&quot;&#65;&#x42;&#x27;"
    )
    msg = await bot.send_message(chat, text, parse_mode=ParseMode.HTML)
    assert msg.text.endswith("<>&\"AB'")
    types = {e.type for e in msg.entities}
    assert {"bold", "italic", "underline", "strikethrough", "code", "pre"} == types


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [  # what callbot never sends is refused, not imitated
        ({"text": "*bold*", "parse_mode": "MarkdownV2"}, "unsupported parse_mode"),
        ({"text": "*bold*", "parse_mode": "Markdown"}, "unsupported parse_mode"),
        ({"text": '<a href="https://e.org">l</a>', "parse_mode": "HTML"}, "start tag"),
        ({"text": "<tg-spoiler>q</tg-spoiler>", "parse_mode": "HTML"}, "start tag"),
        ({"text": "<blockquote>q</blockquote>", "parse_mode": "HTML"}, "start tag"),
        ({"text": '<pre class="x">q</pre>', "parse_mode": "HTML"}, "Attributes"),
        ({"text": "bold", "parse_mode": None, "entities": [MessageEntity("bold", 0, 4)]}, "ent"),
    ],
)
async def test_what_callbot_never_sends_is_refused(bot, server, chat, kwargs, match):
    with pytest.raises(BadRequest, match=f"(?i){match}"):
        await bot.send_message(chat, **kwargs)
    assert server.sent(chat) == []


def test_utf16_offsets():
    text, entities = parse_html("😀 <b>é中</b>")
    assert text == "😀 é中"
    assert entities == [{"type": "bold", "offset": 3, "length": 2}]
    assert utf16_len("😀") == 2


async def test_callback_data_limits(bot, server, chat):
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="x" * 64)]])
    msg = await bot.send_message(chat, "pick", reply_markup=ok)
    assert server.sent(chat)[-1].buttons == [{"text": "ok", "callback_data": "x" * 64}]
    assert msg.reply_markup.inline_keyboard[0][0].callback_data == "x" * 64

    for data in ("x" * 65, "é" * 33):  # 65 / 66 bytes
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data=data)]])
        with pytest.raises(BadRequest, match=r"(?i)Button_data_invalid"):
            await bot.send_message(chat, "pick", reply_markup=markup)
    url_markup = InlineKeyboardMarkup([[InlineKeyboardButton("site", url="https://e.org")]])
    await bot.send_message(chat, "visit", reply_markup=url_markup)
    assert len(server.sent(chat)) == 2


async def test_inline_query_limits(bot, server):
    def results(n: int) -> list[InlineQueryResultArticle]:
        return [
            InlineQueryResultArticle(str(i), f"t{i}", InputTextMessageContent(f"text {i}"))
            for i in range(n)
        ]

    too_many = server.push_inline_query(7, "grants")
    with pytest.raises(BadRequest, match=r"(?i)Too many inline query results"):
        await bot.answer_inline_query(too_many["id"], results(51))
    await bot.answer_inline_query(too_many["id"], results(50), next_offset="50")
    [answer] = server.inline_answers
    assert len(answer["results"]) == 50
    assert answer["inline_query"]["query"] == "grants"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):  # answered already
        await bot.answer_inline_query(too_many["id"], results(1))

    dup = server.push_inline_query(7, "dup")
    with pytest.raises(BadRequest, match=r"(?i)Result_id_duplicate"):
        await bot.answer_inline_query(dup["id"], results(2) + results(1))


async def test_edit_callback_and_reply_flow(bot, server, chat):
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more")]])
    sent = await bot.send_message(chat, "Page 1", reply_markup=markup)
    cq = server.press_button(chat, chat, sent.message_id, "More")
    assert cq["message"]["message_id"] == sent.message_id and cq["chat_instance"]
    await bot.answer_callback_query(cq["id"], text="ok")
    with pytest.raises(BadRequest, match=r"(?i)message_too_long"):
        await bot.answer_callback_query(
            server.push_callback_query(chat, chat, 1, "x")["id"], "y" * 201
        )
    assert server.callback_answers[0]["callback_query"]["data"] == "more"

    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("Page 1", chat, sent.message_id, reply_markup=markup)
    edited = await bot.edit_message_text("Page 2", chat, sent.message_id)
    assert edited.text == "Page 2" and edited.reply_markup is None
    assert server.sent(chat)[-1].text == "Page 2"  # live view of the stored message
    assert server.edits(chat)[-1].text == "Page 2"
    with pytest.raises(BadRequest, match=r"(?i)Message to edit not found"):
        await bot.edit_message_text("x", chat, 9999)
    with pytest.raises(BadRequest, match=r"(?i)Chat not found"):
        await bot.send_message(777, "hi")


async def test_commands_and_bot_settings(bot, server):
    assert await bot.set_my_commands([("start", "Start"), ("help", "Help")])
    assert await bot.set_my_commands([("start", "Старт")], language_code="ru")
    assert server.get_commands() == ["start", "help"]
    assert server.get_commands(language_code="ru") == ["start"]
    for bad in ([("Start", "x")], [("a" * 33, "x")], [("ok", "")], [("ok", "d" * 257)]):
        with pytest.raises(BadRequest):
            await bot.set_my_commands(bad)
    assert await bot.set_my_description("d" * 512)
    with pytest.raises(BadRequest):
        await bot.set_my_description("d" * 513)
    assert await bot.set_my_short_description("s" * 120)
    with pytest.raises(BadRequest):
        await bot.set_my_short_description("s" * 121)
    assert server.descriptions == {"": "d" * 512}
    assert await bot.set_webhook("https://e.org/hook")
    assert server.webhook_url == "https://e.org/hook"
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert server.webhook_url == ""


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB internals
async def test_flood_control(bot, server, chat):
    server.set_flood_limit(2, window=10, retry_after=3)
    await bot.send_message(chat, "1")
    await bot.send_message(chat, "2")
    with pytest.raises(RetryAfter):
        await bot.send_message(chat, "3")
    rejected = server.errors[-1]
    assert (rejected.error_code, rejected.description) == (429, "Too Many Requests: retry after 3")
    server.set_flood_limit(None)
    await bot.send_message(chat, "4")


async def test_get_updates_long_poll_wakes_on_push(bot, server):
    started = time.monotonic()
    assert await bot.get_updates(timeout=0.6) == ()
    assert time.monotonic() - started >= 0.5  # really waited

    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    started = time.monotonic()
    server.push_message(CHAT, CHAT, "/start")
    updates = await asyncio.wait_for(poll, 3)
    assert time.monotonic() - started < 1.5
    [update] = updates
    assert update.message.text == "/start"
    assert update.message.entities[0].type == "bot_command"
    assert update.message.from_user.is_bot is False

    # confirming via offset drops the update
    assert await bot.get_updates(offset=update.update_id + 1, timeout=0) == ()
    assert server.pending_updates == []


async def test_concurrent_get_updates_conflict(bot, server):
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    await bot.get_updates(timeout=0)
    with pytest.raises(Conflict):
        await asyncio.wait_for(first, 3)


async def test_restart_simulates_outage(bot, server):
    chat = server.add_chat(CHAT)["id"]
    port = server.port
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    server.stop()
    with pytest.raises(NetworkError):  # pending long poll is cut off
        await asyncio.wait_for(poll, 3)
    with pytest.raises(NetworkError):  # new connections are refused
        await bot.get_me()
    with pytest.raises(NetworkError):
        await bot.send_message(chat, "lost")
    server.start()
    assert server.port == port
    assert (await bot.get_me()).username == "callbot_test_bot"
    await bot.send_message(chat, "back")  # state (known chats) survived

    server.restart()
    assert server.port == port
    assert (await bot.send_message(chat, "again")).text == "again"
    assert [s.text for s in server.sent(chat)] == ["back", "again"]


async def test_wait_for_helpers(server, bot, chat):
    with pytest.raises(RuntimeError):
        server.wait_for(lambda: True)
    waiter = asyncio.create_task(asyncio.to_thread(server.wait_for, lambda: server.sent(chat), 5))
    await asyncio.sleep(0.1)
    await bot.send_message(chat, "ping")
    assert await waiter is True
    assert await server.wait_for_async(lambda: len(server.calls) > 0, timeout=1)
    assert not await server.wait_for_async(lambda: False, timeout=0.05)
    with pytest.raises(TimeoutError):
        await server.wait_for_sent_async(chat, count=5, timeout=0.05)


async def test_application_end_to_end(server):
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_html(
            f"<b>Hi</b> {html.escape(update.effective_user.first_name)}",
            reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="go")]]),
            do_quote=True,
        )

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("done")
        await update.callback_query.edit_message_text(f"pressed {update.callback_query.data}")

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .request(_request())
        .get_updates_request(_request())
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(on_button))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        user_msg = server.push_message(CHAT, CHAT, "/start", first_name="Ann <&>")
        [reply] = await server.wait_for_sent_async(CHAT, count=1, timeout=5)
        assert reply.text == "Hi Ann <&>"
        assert reply.reply_to == user_msg["message_id"]
        server.press_button(CHAT, CHAT, reply.message_id, "Go")
        assert await server.wait_for_async(lambda: server.edits(CHAT), timeout=5)
        assert server.callback_answers[0]["text"] == "done"
        assert server.message(CHAT, reply.message_id)["text"] == "pressed go"
        await app.updater.stop()
        await app.stop()
    assert server.errors == []


async def test_application_recovers_after_outage(server, caplog):
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(update.message.text)

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, echo))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        server.push_message(CHAT, CHAT, "one")
        await server.wait_for_sent_async(CHAT, count=1, timeout=5)
        server.stop()  # the pending long poll is cut off, reconnects are refused
        server.push_message(CHAT, CHAT, "two")  # queued while the server is down
        await asyncio.sleep(0.5)
        server.start()
        sent = await server.wait_for_sent_async(CHAT, count=2, timeout=8)
        assert [s.text for s in sent] == ["one", "two"]
        await app.updater.stop()
        await app.stop()
    assert any("NetworkError" in r.getMessage() or r.exc_info for r in caplog.records)
