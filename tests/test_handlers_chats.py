"""Chats that change under the bot, polling that nothing jams, and a log an operator can read
(issue 9 points 2, 3, 7, 8, 9), offline with the recording request of test_handlers."""

from __future__ import annotations

import json
import logging
import time

import pytest
from telegram import Update
from telegram.error import NetworkError, TimedOut
from telegram.ext import BaseHandler

from handlers import texts
from handlers.app import ALLOWED_UPDATES, updates_request
from handlers.chatregistry import ChatRegistry
from handlers.errors import on_error
from handlers.polling import UpdatesRequest

try:
    from tests.test_handlers import BOT_USERNAME, USER, Harness, make_app
    from tests.test_handlers_groups import MemberRecorder
except ImportError:  # tests/ itself on sys.path
    from test_handlers import BOT_USERNAME, USER, Harness, make_app
    from test_handlers_groups import MemberRecorder

OLD = -4444  # a basic group...
NEW = -1004444  # ...upgraded to this supergroup
MIGRATED = "Bad Request: group chat was upgraded to a supergroup chat"
KICKED = "Forbidden: bot was kicked from the group chat"


class UpdatesRecorder(MemberRecorder):
    """A Recorder that also answers getUpdates with prepared batches (or errors); USER owns
    the group (and so the supergroup), so /lang is applied there."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[list] = []
        self.members.update({(OLD, USER): "creator", (NEW, USER): "creator"})

    def _result(self, name: str, params: dict):
        if name == "getUpdates":
            return self.batches.pop(0) if self.batches else []
        return super()._result(name, params)


@pytest.fixture
async def h(engine):
    rec = UpdatesRecorder()
    app = make_app(engine, rec)
    async with app:
        yield Harness(app, rec, engine)


def group_kw(chat_id: int = OLD, chat_type: str = "group") -> dict:
    return {"chat_id": chat_id, "chat_type": chat_type}


async def ask_in_group(h: Harness, question: str, chat_id: int = OLD, **kw) -> dict:
    chat_type = "group" if chat_id == OLD else "supergroup"
    return await h.say(f"/ask@{BOT_USERNAME} {question}", **group_kw(chat_id, chat_type), **kw)


def errors_logged(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("handlers")]


# -- 2. group -> supergroup migration ---------------------------------------------------------


async def test_an_answer_bounced_by_a_migration_is_sent_to_the_supergroup(h, caplog):
    h.rec.fail("sendMessage", 400, MIGRATED, parameters={"migrate_to_chat_id": NEW})
    with caplog.at_level(logging.INFO):
        await ask_in_group(h, "芬兰的经费是多少？")
    first, second = h.rec.of("sendMessage")
    assert int(first["chat_id"]) == OLD and int(second["chat_id"]) == NEW
    assert "6000万元" in second["text"]  # the answer, not an apology
    assert not any(r.levelno >= logging.WARNING for r in errors_logged(caplog))
    h.rec.clear()
    await ask_in_group(h, "以色列的经费是多少？")  # still from the old id (in flight)
    [direct] = h.rec.of("sendMessage")
    assert int(direct["chat_id"]) == NEW and "2000万元" in direct["text"]


async def test_the_migration_messages_move_settings_and_follow_up_context(h):
    await h.say("/lang en", **group_kw())
    await ask_in_group(h, "芬兰的经费是多少？")
    assert h.engine.contexts.get(("tg", OLD, USER)) is not None
    h.rec.clear()
    for message in (
        h.message(None, **group_kw(), migrate_to_chat_id=NEW),
        h.message(None, chat_id=NEW, chat_type="supergroup", migrate_from_chat_id=OLD),
    ):
        await h.process({"message": message})
    assert not h.rec.outgoing()  # service messages are not answered
    assert h.app.chat_data[NEW]["lang"] == "en"
    assert OLD not in h.app.chat_data or not h.app.chat_data[OLD]
    assert h.engine.contexts.get(("tg", OLD, USER)) is None
    assert h.engine.contexts.get(("tg", NEW, USER)) is not None
    await h.say("/lang", chat_id=NEW, chat_type="supergroup")
    assert h.last_text().startswith(texts.lang_usage("en", "en"))  # + a note for groups
    await ask_in_group(h, "那德国呢？", chat_id=NEW)  # a follow-up of the question asked before
    assert "Germany" in h.last_text() and "million" in h.last_text()


async def test_settings_made_in_the_supergroup_first_are_kept(h):
    await h.say("/lang en", **group_kw())
    await h.say("/lang zh-hant", chat_id=NEW, chat_type="supergroup")
    await h.process({"message": h.message(None, **group_kw(), migrate_to_chat_id=NEW)})
    assert h.app.chat_data[NEW]["lang"] == "zh-Hant"


# -- 3. chats that refused the bot ------------------------------------------------------------


async def test_a_kicked_chat_gets_nothing_more_not_even_an_apology(h, caplog):
    h.rec.fail("sendMessage", 403, KICKED, times=5)
    before = int(time.time()) - 5  # all written before the bot was kicked
    with caplog.at_level(logging.DEBUG):
        await ask_in_group(h, "芬兰的经费是多少？", date=before)
        await ask_in_group(h, "以色列的经费是多少？", date=before)
        edited = await ask_in_group(h, "德国", date=before)
        await h.edit(edited, f"/ask@{BOT_USERNAME} 德国的经费")
    assert len(h.rec.outgoing()) == 1  # the one answer Telegram refused; no apology, no retry
    logged = [r for r in errors_logged(caplog) if r.levelno >= logging.INFO]
    assert len(logged) == 1
    [line] = logged
    assert line.levelno == logging.INFO and not line.exc_info and "kicked" in line.getMessage()


async def test_a_new_message_from_a_refused_chat_readmits_it(h):
    h.rec.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await h.say("芬兰的经费是多少？")
    h.rec.clear()
    await h.say("以色列的经费是多少？", date=int(time.time()) + 2)  # written after the 403
    [answer] = h.rec.of("sendMessage")
    assert "2000万元" in answer["text"]


def member_update(status: str, chat_id: int = OLD, old: str = "member") -> dict:
    bot = {"id": 424242, "is_bot": True, "first_name": "Callbot", "username": BOT_USERNAME}
    chat = {"id": chat_id, "type": "group", "title": "Office"}
    return {
        "my_chat_member": {
            "chat": chat,
            "from": {"id": USER, "is_bot": False, "first_name": "U"},
            "date": int(time.time()),
            "old_chat_member": {"status": old, "user": bot, "until_date": 0},
            "new_chat_member": {"status": status, "user": bot, "until_date": 0},
        }
    }


async def test_removed_and_added_back_by_my_chat_member(h):
    await h.process(member_update("kicked"))
    await ask_in_group(h, "芬兰的经费是多少？", date=int(time.time()) - 5)
    assert not h.rec.outgoing()  # not even tried: Telegram said the bot is gone
    await h.process(member_update("member", old="kicked"))
    await ask_in_group(h, "芬兰的经费是多少？")
    assert "6000万元" in h.rec.of("sendMessage")[-1]["text"]


async def test_added_to_a_group_says_once_how_to_address_it(h):
    await h.process(member_update("member", old="left"))
    [hello] = h.rec.of("sendMessage")
    assert hello["chat_id"] == OLD and "/ask" in hello["text"] and BOT_USERNAME in hello["text"]
    h.rec.clear()
    await h.process(member_update("member", old="member"))  # not newly added: no repeat
    assert h.rec.of("sendMessage") == []


async def test_an_introduction_that_cannot_be_sent_is_no_error(h):
    h.rec.fail("sendMessage", 403, "Forbidden: bot is not a member of the group chat")
    await h.process(member_update("member", old="left"))
    await ask_in_group(h, "芬兰的经费是多少？")


def test_refused_chats_are_remembered_for_a_while_and_bounded():
    now = [1000.0]
    reg = ChatRegistry(refused_for=60, max_entries=3, clock=lambda: now[0])
    for chat in (1, 2, 3, 4):
        assert reg.refuse(chat)
    assert not reg.is_refused(1) and reg.is_refused(4)  # the oldest forgotten first
    now[0] += 61
    assert not reg.is_refused(4)  # after a while the chat is tried again
    for old in range(10):
        reg.note_migration(-old, -100 - old)
    assert reg.current(-9) == -109 and reg.current(-1) == -1  # bounded as well
    reg.note_migration(-5, -6)
    reg.note_migration(-6, -5)
    assert reg.current(-5) in (-5, -6)  # a loop in bad data ends


# -- 7. a log an operator can read ------------------------------------------------------------


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def poller(h: Harness) -> tuple[UpdatesRequest, Sleeps]:
    request = updates_request(h.app)
    request.sleep = sleeps = Sleeps()
    return request, sleeps


async def poll(h: Harness, timeout: int = 10) -> tuple:
    return await h.app.bot.get_updates(offset=0, timeout=timeout)


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
@pytest.mark.parametrize(
    "status,description,parameters,cause",
    [
        (502, "Bad Gateway", None, "Bad Gateway"),
        (500, "Internal Server Error", None, "Internal Server Error"),
        (
            409,
            "Conflict: terminated by other getUpdates request; make sure that only one bot "
            "instance is running",
            None,
            "another instance of this bot is polling with the same token",
        ),
        (429, "Too Many Requests: retry after 7", {"retry_after": 7}, "flood control"),
    ],
)
async def test_a_failed_poll_is_one_warning_with_cause_and_pause(
    h, caplog, status, description, parameters, cause
):
    request, sleeps = poller(h)
    h.rec.fail("getUpdates", status, description, times=3, parameters=parameters)
    with caplog.at_level(logging.DEBUG, logger="handlers"):
        for _ in range(3):
            assert await poll(h) == ()
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 3 and all(not r.exc_info for r in lines)
    assert all(cause in r.getMessage() for r in lines)
    expected = [7.0] * 3 if status == 429 else [1.0, 1.5, 2.25]
    assert sleeps == expected
    assert all(f"in {p:g} s" in r.getMessage() for p, r in zip(expected, lines, strict=True))
    h.rec.batches.append([{"update_id": 5, "message": h.message("hi")}])
    [update] = await poll(h)
    assert update.update_id == 5 and request.failures == 0


async def test_a_poll_timeout_is_one_warning_and_polls_again_at_once(h, caplog):
    _, sleeps = poller(h)
    original = h.rec.do_request

    async def stuck(url, *a, **k):
        if url.endswith("getUpdates"):
            raise TimedOut("Timed out")
        return await original(url, *a, **k)

    h.rec.do_request = stuck
    with caplog.at_level(logging.WARNING):
        assert await poll(h) == ()
    [line] = caplog.records
    assert "timed out" in line.getMessage() and "at once" in line.getMessage()
    assert sleeps == []


async def test_a_revoked_token_while_polling_is_one_error_and_stops(h, caplog):
    request, _ = poller(h)
    stopped = []
    request.on_fatal = lambda: stopped.append(True)
    h.rec.fail("getUpdates", 401, "Unauthorized", times=3)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            assert await poll(h) == ()
    [line] = caplog.records
    assert line.levelno == logging.ERROR and not line.exc_info
    assert "rejected the bot token" in line.getMessage() and "@BotFather" in line.getMessage()
    assert stopped == [True] and request.fatal


async def test_the_last_poll_at_shutdown_does_not_wait(h, caplog):
    _, sleeps = poller(h)
    h.rec.fail("getUpdates", 502, "Bad Gateway")
    with caplog.at_level(logging.INFO):
        assert await poll(h, timeout=0) == ()
    assert sleeps == [] and not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_api_errors_reaching_the_error_handler_are_one_line(h, caplog):
    class Context:
        application = h.app
        error = NetworkError("Bad Gateway")

    with caplog.at_level(logging.INFO):
        await on_error(None, Context())  # what PTB's polling loop hands over
    [line] = caplog.records
    assert line.levelno == logging.WARNING and not line.exc_info


async def test_a_bug_still_gets_its_traceback(h, monkeypatch, caplog):
    monkeypatch.setattr(h.engine, "ask", lambda *a, **k: 1 / 0)
    with caplog.at_level(logging.ERROR):
        await h.say("芬兰的经费是多少？")
    [line] = errors_logged(caplog)
    assert isinstance(line.exc_info[1], ZeroDivisionError)
    assert h.last_text() == texts.apology("zh-Hans")


# -- 8. an update the library cannot parse -----------------------------------------------------

BAD_POLL = {"id": "1", "question": "秘密问题 private text", "options": []}  # fields missing


async def test_an_unparseable_update_is_skipped_and_the_offset_moves_past_it(h, caplog):
    request, _ = poller(h)
    good = {"update_id": 10, "message": h.message("芬兰")}
    bad = {"update_id": 11, "message": {**h.message(None), "poll": BAD_POLL}}
    h.rec.batches.append([good, bad])
    with caplog.at_level(logging.INFO):
        updates = await poll(h)
    assert [u.update_id for u in updates] == [10]
    [line] = caplog.records
    assert line.levelno == logging.WARNING and "11" in line.getMessage()
    assert "message" in line.getMessage() and "private text" not in caplog.text
    await poll(h)
    assert h.rec.of("getUpdates")[-1]["offset"] == 12  # PTB would ask from 11 again, for ever
    assert request.skipped == 1


async def test_garbage_in_a_batch_never_hides_the_good_updates(h, caplog):
    h.rec.batches.append(
        [
            {"update_id": 20, "message": {**h.message(None), "poll": BAD_POLL}},
            "not an update",
            {"update_id": 21, "message": h.message("以色列")},
            {"update_id": 22, "x-unknown-kind!": {}},
        ]
    )
    with caplog.at_level(logging.WARNING):
        updates = await poll(h)
    assert [u.update_id for u in updates] == [21, 22]  # unknown kinds parse: PTB ignores them
    assert len(caplog.records) == 2


# -- 9. only what is handled is asked for ------------------------------------------------------


def sample_update(kind: str, bot) -> Update:
    user = {"id": USER, "is_bot": False, "first_name": "U"}
    chat = {"id": OLD, "type": "group", "title": "Office"}
    message = {"message_id": 1, "date": 1, "chat": chat, "from": user, "text": "/ask 芬兰"}
    message["entities"] = [{"type": "bot_command", "offset": 0, "length": 4}]
    payloads = {
        "message": message,
        "edited_message": {**message, "edit_date": 2},
        "callback_query": {"id": "1", "from": user, "chat_instance": "c", "data": "x"},
        "inline_query": {"id": "1", "from": user, "query": "芬兰", "offset": ""},
        "my_chat_member": member_update("kicked")["my_chat_member"],
        "chat_member": member_update("member")["my_chat_member"],
        "message_reaction": {
            "chat": chat,
            "message_id": 1,
            "date": 1,
            "old_reaction": [],
            "new_reaction": [],
            "user": user,
        },
        "channel_post": {**message, "chat": {"id": -100, "type": "channel"}},
    }
    return Update.de_json({"update_id": 1, kind: payloads[kind]}, bot)


def handled(app, update: Update) -> bool:
    handlers: list[BaseHandler] = app.handlers[0]
    return any(h.check_update(update) for h in handlers)


def test_allowed_updates_are_exactly_the_handled_types(h):
    assert len(set(ALLOWED_UPDATES)) == len(ALLOWED_UPDATES)
    assert set(ALLOWED_UPDATES) <= set(Update.ALL_TYPES)
    for kind in ALLOWED_UPDATES:
        assert handled(h.app, sample_update(kind, h.app.bot)), kind
    for kind in ("chat_member", "message_reaction", "channel_post"):
        assert kind not in ALLOWED_UPDATES and not handled(
            h.app, sample_update(kind, h.app.bot)
        ), kind
    assert "message_reaction" not in json.dumps(list(ALLOWED_UPDATES))
