"""The Telegram layer, offline: PTB's own pattern of a recording ``BaseRequest`` and
``process_update`` on an application built without an updater. No network at all."""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import logging
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter
from telegram.request import BaseRequest

from bot.config import Config, ConfigError
from bot.engine import Engine, Reply
from handlers import keyboards, texts
from handlers.app import api_urls, build_application, post_init
from handlers.commands import deep_link_payload, direction_from_payload
from handlers.persistence import open_persistence
from handlers.split import split_message, utf16_len
from knowledge import bundled_path, load_bundled

TOKEN = "424242:AAF-callbot_TEST-token_do_not_log"
BOT_ID = 424242
BOT_USERNAME = "callbot_test_bot"
ADMIN = 7001
USER = 5001
OTHER = 5002
GROUP = -1001234
ROOT = Path(__file__).resolve().parent.parent


# -- a recording request ----------------------------------------------------------------------


class Recorder(BaseRequest):
    """Records every Bot API call (method, parameters) and answers like Telegram would."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.failures: dict[str, list[tuple[int, dict]]] = {}
        self._ids = itertools.count(9000)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def fail(
        self,
        method: str,
        status: int,
        description: str,
        times: int = 1,
        parameters: dict | None = None,
    ) -> None:
        body = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self.failures.setdefault(method, []).extend([(status, body)] * times)

    async def do_request(
        self,
        url,
        method,
        request_data=None,
        read_timeout=None,
        write_timeout=None,
        connect_timeout=None,
        pool_timeout=None,
    ):
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data is not None else {}
        self.calls.append((name, params))
        if self.failures.get(name):
            status, body = self.failures[name].pop(0)
            return status, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": self._result(name, params)}).encode()

    def _result(self, name: str, params: dict):
        bot_user = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Callbot",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        if name == "getMe":
            return bot_user
        if name in ("sendMessage", "editMessageText"):
            if "inline_message_id" in params:
                return True
            chat_id = int(params["chat_id"])
            message_id = params.get("message_id") or next(self._ids)
            return {
                "message_id": message_id,
                "date": int(time.time()),
                "from": bot_user,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "text": params.get("text", ""),
            }
        return True

    # inspection
    def of(self, method: str) -> list[dict]:
        return [p for m, p in self.calls if m == method]

    def clear(self) -> None:
        self.calls.clear()

    def outgoing(self) -> list[tuple[str, dict]]:
        """Every call but getMe (made once when the application starts)."""
        return [(m, p) for m, p in self.calls if m != "getMe"]


class Harness:
    def __init__(self, app, rec: Recorder, engine: Engine):
        self.app, self.rec, self.engine = app, rec, engine
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(100)

    def message(
        self,
        text: str | None,
        *,
        chat_id: int = USER,
        user_id: int = USER,
        chat_type: str | None = None,
        entities: list | None = None,
        reply_to: dict | None = None,
        message_id: int | None = None,
        language_code: str = "zh-hans",
        **extra,
    ) -> dict:
        chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
        chat = {"id": chat_id, "type": chat_type}
        if chat_type != "private":
            chat["title"] = "Research office"
        msg = {
            "message_id": message_id or next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {
                "id": user_id,
                "is_bot": False,
                "first_name": "U",
                "language_code": language_code,
            },
        }
        if text is not None:
            msg["text"] = text
            if entities is None and text.startswith("/"):
                entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
            if entities:
                msg["entities"] = entities
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        msg.update(extra)
        return msg

    async def process(self, payload: dict) -> None:
        payload = {"update_id": next(self._update_ids), **payload}
        await self.app.process_update(Update.de_json(payload, self.app.bot))

    async def say(self, text: str | None, **kw) -> dict:
        msg = self.message(text, **kw)
        await self.process({"message": msg})
        return msg

    async def edit(self, msg: dict, new_text: str) -> None:
        edited = dict(msg, text=new_text, edit_date=int(time.time()))
        await self.process({"edited_message": edited})

    async def press(
        self,
        data: str,
        *,
        message_id: int = 555,
        chat_id: int = USER,
        user_id: int = USER,
        text: str = "answer",
        inline: bool = False,
    ) -> None:
        query = {
            "id": str(next(self._update_ids) + 10_000),
            "chat_instance": "ci",
            "data": data,
            "from": {"id": user_id, "is_bot": False, "first_name": "U"},
        }
        if inline:
            query["inline_message_id"] = "AAAinline"
        else:
            query["message"] = {
                "message_id": message_id,
                "date": int(time.time()),
                "text": text,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": {
                    "id": BOT_ID,
                    "is_bot": True,
                    "first_name": "Callbot",
                    "username": BOT_USERNAME,
                },
            }
        await self.process({"callback_query": query})

    async def inline(self, query: str, user_id: int = USER) -> dict:
        await self.process(
            {
                "inline_query": {
                    "id": str(next(self._update_ids) + 20_000),
                    "query": query,
                    "offset": "",
                    "from": {"id": user_id, "is_bot": False, "first_name": "U"},
                }
            }
        )
        return self.rec.of("answerInlineQuery")[-1]

    def sent(self, chat_id: int | None = None) -> list[dict]:
        return [
            p
            for p in self.rec.of("sendMessage")
            if chat_id is None or int(p["chat_id"]) == chat_id
        ]

    def last_text(self) -> str:
        return self.sent()[-1]["text"]


def make_app(engine: Engine, rec: Recorder, **config_kw):
    # Telegram's pacing (about one message a second into a chat) 300 times faster: these tests
    # send many answers into one chat; tests/test_pacing.py tests the pacing itself
    config_kw.setdefault("group_rate", 6000)
    config = Config(token=TOKEN, admins=frozenset({ADMIN}), **config_kw)
    return build_application(
        config, engine, request=rec, updater=False, knowledge_path=config_kw.get("knowledge")
    )


@pytest.fixture
async def h(engine):
    rec = Recorder()
    app = make_app(engine, rec)
    async with app:
        yield Harness(app, rec, engine)


def fresh_engine() -> Engine:
    return Engine(load_bundled())


# -- HTML validity ----------------------------------------------------------------------------

ALLOWED = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
    "span",
    "tg-emoji",
}


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.errors.append(f"tag {tag}")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()

    def handle_entityref(self, name):
        if name not in ("lt", "gt", "amp", "quot"):
            self.errors.append(f"entity {name}")


def assert_valid_html(text: str) -> None:
    assert re.search(r"&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", text) is None, text
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert not checker.errors, (checker.errors, text)
    assert not checker.stack, (checker.stack, text)


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def buttons(params: dict) -> list[dict]:
    markup = params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


# -- 1. building and running ------------------------------------------------------------------


def test_application_is_built_like_ptb_examples(engine):
    rec = Recorder()
    app = make_app(engine, rec, api_base_url="http://127.0.0.1:8081")
    assert app.bot.token == TOKEN
    assert app.bot.base_url == f"http://127.0.0.1:8081/bot{TOKEN}"
    assert app.bot.base_file_url == f"http://127.0.0.1:8081/file/bot{TOKEN}"
    assert app.bot.defaults.parse_mode == ParseMode.HTML
    assert app.bot.defaults.link_preview_options.is_disabled is True
    assert isinstance(app.bot.rate_limiter, AIORateLimiter)
    assert app.updater is None
    assert set(app.handlers) == {-2, -1, 0}
    assert len(app.error_handlers) == 1
    assert logging.getLogger("httpx").level == logging.WARNING


def test_api_urls_accept_root_or_prefix():
    assert api_urls("http://127.0.0.1:9/") == (
        "http://127.0.0.1:9/bot",
        "http://127.0.0.1:9/file/bot",
    )
    assert api_urls("http://127.0.0.1:9/bot") == (
        "http://127.0.0.1:9/bot",
        "http://127.0.0.1:9/file/bot",
    )


async def test_post_init_sets_menus_and_descriptions(h):
    await post_init(h.app)
    calls = h.rec.of("setMyCommands")
    everyone = [c for c in calls if c["scope"]["type"] != "chat"]
    assert len(everyone) == 4
    seen = set()
    for params in everyone:
        names = [c["command"] for c in params["commands"]]
        assert names == ["start", "help", "ask", "partners", "lang"]
        assert all(1 <= len(c["description"]) <= 256 for c in params["commands"])
        seen.add((params["scope"]["type"], params.get("language_code")))
    assert seen == {
        ("all_private_chats", "zh"),
        ("all_private_chats", None),
        ("all_group_chats", "zh"),
        ("all_group_chats", None),
    }
    # the admin command is only in the admins' own chats
    admin_menus = [c for c in calls if c["scope"]["type"] == "chat"]
    assert {int(c["scope"]["chat_id"]) for c in admin_menus} == {ADMIN}
    assert all("reload" in [x["command"] for x in c["commands"]] for c in admin_menus)
    descriptions = h.rec.of("setMyDescription")
    shorts = h.rec.of("setMyShortDescription")
    assert {d.get("language_code") for d in descriptions} == {"zh", None}
    assert all(len(d["description"]) <= 512 for d in descriptions)
    assert all(len(d["short_description"]) <= 120 for d in shorts)


async def test_post_init_failures_are_logged_not_fatal(h, caplog):
    h.rec.fail("setMyCommands", 500, "Internal Server Error", times=6)
    h.rec.fail("setMyDescription", 400, "Bad Request: description is too long", times=2)
    with caplog.at_level(logging.WARNING):
        await post_init(h.app)
    assert "setMyCommands" in caplog.text and "setMyDescription" in caplog.text
    await h.say("芬兰的经费是多少？")
    assert "6000万元" in h.last_text()


# -- 2. private chats -------------------------------------------------------------------------


async def test_private_text_gets_the_engine_answer_with_buttons(h):
    await h.say("芬兰的经费是多少？")
    [sent] = h.sent()
    expected = fresh_engine().ask("芬兰的经费是多少？", "x")
    assert sent["text"] == expected.html
    assert "reply_parameters" not in sent  # no quoting in a private chat
    datas = [b["callback_data"] for b in buttons(sent)]
    assert datas and all(len(d.encode()) <= 64 for d in datas)
    assert all(keyboards.decode(d) is not None for d in datas)
    assert_valid_html(sent["text"])


async def test_private_follow_up_uses_the_chat_context(h):
    await h.say("芬兰的经费是多少？")
    await h.say("那德国呢？")
    assert "德国" in plain(h.last_text()) or "德" in plain(h.last_text())
    assert "万元" in h.last_text()
    # another private chat has its own context
    await h.say("那德国呢？", chat_id=OTHER, user_id=OTHER)
    assert h.sent(OTHER)[-1]["text"] != h.sent(USER)[-1]["text"]


async def test_start_greets_with_help(h):
    await h.say("/start")
    text = h.last_text()
    assert text == fresh_engine().ask_about("help", [], "x", "zh-Hans").html
    assert buttons(h.sent()[-1])


@pytest.mark.parametrize("payload", ["intl-1_6", "intl-1.6"])
async def test_start_deep_link_opens_the_direction(h, payload):
    await h.say(f"/start {payload}")
    expected = fresh_engine().ask_about("detail", ["intl-1.6"], "x", "zh-Hans")
    assert h.last_text() == expected.html


async def test_start_with_unknown_payload_just_greets(h):
    await h.say("/start intl-9_9")
    assert h.last_text() == fresh_engine().ask_about("help", [], "x", "zh-Hans").html
    await h.say("/start <b>x</b>")
    assert h.last_text() == fresh_engine().ask_about("help", [], "x", "zh-Hans").html


def test_deep_link_payloads_round_trip(knowledge):
    for d in knowledge.directions:
        payload = deep_link_payload(d.id)
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", payload)
        assert direction_from_payload(payload, knowledge.direction_by_id) == d.id
        assert direction_from_payload(d.id, knowledge.direction_by_id) == d.id
    assert direction_from_payload("../etc", knowledge.direction_by_id) is None


async def test_help_in_english_for_english_clients(h):
    await h.say("/help", language_code="en")
    assert h.last_text() == fresh_engine().ask_about("help", [], "x", "en").html


async def test_partners_lists_one_button_per_partner(h, knowledge):
    await h.say("/partners")
    sent = h.sent()[-1]
    btns = buttons(sent)
    partners_with_directions = [
        p for p in knowledge.partners if knowledge.directions_by_partner.get(p.id)
    ]
    assert len(btns) == len(partners_with_directions)
    assert [b["text"] for b in btns] == [p.name.zh_hans for p in partners_with_directions]
    assert_valid_html(sent["text"])
    eu = next(b for b in btns if b["text"] == "欧盟")
    await h.press(eu["callback_data"])
    [edit] = h.rec.of("editMessageText")
    expected = fresh_engine().ask_about("detail", ["intl-1.4", "intl-1.5"], "x", "zh-Hans")
    assert edit["text"] == expected.html
    assert h.rec.of("answerCallbackQuery")


async def test_lang_fixes_the_reply_language(h):
    await h.say("/lang en")
    assert h.app.chat_data[USER]["lang"] == "en"
    assert "English" in h.last_text()
    await h.say("芬兰的经费是多少？")
    assert h.last_text() == fresh_engine().ask("芬兰的经费是多少？", "x", lang="en").html
    await h.say("/lang zh-hant")
    await h.say("芬兰的经费是多少？")
    assert "經費" in h.last_text() or "總金額" in h.last_text()
    await h.say("/lang auto")
    assert "lang" not in h.app.chat_data[USER]
    await h.say("What is Finland's budget?")
    assert "CNY" in h.last_text()


async def test_lang_without_argument_offers_buttons(h):
    await h.say("/lang")
    btns = buttons(h.sent()[-1])
    assert len(btns) == 4
    english = next(b for b in btns if b["text"] == "English")
    await h.press(english["callback_data"])
    assert h.app.chat_data[USER]["lang"] == "en"
    assert h.rec.of("answerCallbackQuery")
    assert "English" in h.rec.of("editMessageText")[-1]["text"]


async def test_unknown_command_in_private_gets_a_hint(h):
    await h.say("/frobnicate")
    assert "/help" in h.last_text()


# -- 3. groups --------------------------------------------------------------------------------


def mention(text: str) -> list[dict]:
    at = f"@{BOT_USERNAME}"
    return [{"type": "mention", "offset": text.index(at), "length": len(at)}]


async def test_group_chatter_is_ignored(h):
    await h.say("芬兰的经费是多少？", chat_id=GROUP)
    await h.say("lunch at noon?", chat_id=GROUP, user_id=OTHER)
    await h.say(
        "@someone_else 芬兰",
        chat_id=GROUP,
        entities=[{"type": "mention", "offset": 0, "length": 13}],
    )
    await h.say(
        None,
        chat_id=GROUP,
        sticker={
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        },
    )
    assert h.rec.outgoing() == []


async def test_group_mention_is_answered_in_thread_without_the_mention(h):
    text = f"@{BOT_USERNAME} 芬兰的经费是多少？"
    msg = await h.say(text, chat_id=GROUP, entities=mention(text))
    [sent] = h.sent(GROUP)
    assert sent["reply_parameters"]["message_id"] == msg["message_id"]
    assert sent["text"] == fresh_engine().ask("芬兰的经费是多少？", "x").html


async def test_group_mention_in_the_middle_and_uppercase(h):
    text = f"请问 @{BOT_USERNAME.upper()}，以色列"
    await h.say(
        text,
        chat_id=GROUP,
        entities=[{"type": "mention", "offset": 3, "length": len(BOT_USERNAME) + 1}],
    )
    assert h.sent(GROUP)[-1]["text"] == fresh_engine().ask("请问 以色列", "x").html


async def test_group_ask_command_with_and_without_bot_name(h):
    msg = await h.say(f"/ask@{BOT_USERNAME} 以色列", chat_id=GROUP)
    assert h.sent(GROUP)[-1]["reply_parameters"]["message_id"] == msg["message_id"]
    assert "以色列" in plain(h.last_text())
    await h.say("/ask 芬兰的经费是多少？", chat_id=GROUP)
    assert "6000万元" in h.last_text()
    n = len(h.sent())
    await h.say("/ask@other_bot 芬兰", chat_id=GROUP)
    assert len(h.sent()) == n


async def test_group_ask_without_question_shows_help(h):
    await h.say("/ask", chat_id=GROUP)
    assert h.last_text() == fresh_engine().ask_about("help", [], "x", "zh-Hans").html


async def test_group_reply_to_the_bot_is_answered(h):
    bot_msg = {
        "message_id": 40,
        "date": int(time.time()),
        "text": "…",
        "chat": {"id": GROUP, "type": "supergroup", "title": "g"},
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "Callbot", "username": BOT_USERNAME},
    }
    msg = await h.say("那德国呢？", chat_id=GROUP, reply_to=bot_msg)
    sent = h.sent(GROUP)[-1]
    assert sent["reply_parameters"]["message_id"] == msg["message_id"]
    # a reply to somebody else is chatter
    human = dict(bot_msg, **{"from": {"id": OTHER, "is_bot": False, "first_name": "O"}})
    await h.say("那德国呢？", chat_id=GROUP, reply_to=human)
    assert len(h.sent(GROUP)) == 1


async def test_group_context_is_per_user(h):
    text = f"@{BOT_USERNAME} 芬兰的经费是多少？"
    await h.say(text, chat_id=GROUP, user_id=USER, entities=mention(text))
    follow = f"@{BOT_USERNAME} 那德国呢？"
    await h.say(follow, chat_id=GROUP, user_id=USER, entities=mention(follow))
    user_follow = h.last_text()
    await h.say(follow, chat_id=GROUP, user_id=OTHER, entities=mention(follow))
    other_follow = h.last_text()
    engine = fresh_engine()
    engine.ask("芬兰的经费是多少？", "a")
    assert user_follow == engine.ask("那德国呢？", "a").html
    assert other_follow == fresh_engine().ask("那德国呢？", "b").html
    assert set(h.engine.contexts.export()) >= {("tg", GROUP, USER), ("tg", GROUP, OTHER)}


async def test_messages_from_other_bots_are_ignored(h):
    msg = h.message(f"@{BOT_USERNAME} 芬兰", chat_id=GROUP)
    msg["from"] = {"id": 999, "is_bot": True, "first_name": "Other"}
    await h.process({"message": msg})
    assert h.rec.outgoing() == []


async def test_anonymous_group_admins_are_answered(h):
    text = f"@{BOT_USERNAME} 芬兰的经费是多少？"
    msg = h.message(text, chat_id=GROUP, entities=mention(text))
    msg["from"] = {
        "id": 1087968824,
        "is_bot": True,
        "first_name": "Group",
        "username": "GroupAnonymousBot",
    }
    msg["sender_chat"] = {"id": GROUP, "type": "supergroup", "title": "Research office"}
    await h.process({"message": msg})
    assert "6000万元" in h.last_text()


# -- 4. buttons -------------------------------------------------------------------------------


async def test_button_press_edits_in_place_and_answers(h):
    await h.say("以色列")
    datas = [b["callback_data"] for b in buttons(h.sent()[-1])]
    budget = next(d for d in datas if keyboards.decode(d).intent == "budget")
    await h.press(budget)
    assert len(h.rec.of("answerCallbackQuery")) == 1
    assert "text" not in h.rec.of("answerCallbackQuery")[0]
    [edit] = h.rec.of("editMessageText")
    assert edit["message_id"] == 555
    assert edit["text"] == fresh_engine().ask_about("budget", ["intl-1.9"], "x", "zh-Hans").html
    assert len(h.sent()) == 1  # no new message


async def test_button_press_sends_a_new_message_when_editing_fails(h):
    h.rec.fail("editMessageText", 400, "Bad Request: message can't be edited")
    await h.press("v1|b|s|intl-1.6")
    assert h.rec.of("answerCallbackQuery")
    assert "6000万元" in h.last_text()


async def test_button_not_modified_is_fine(h):
    h.rec.fail("editMessageText", 400, "Bad Request: message is not modified: same content")
    await h.press("v1|b|s|intl-1.6")
    assert h.rec.of("answerCallbackQuery") and not h.sent()


@pytest.mark.parametrize(
    "data",
    [
        "v0|b|intl-1.6",  # an older version
        "v1|b|s|intl-9.9",  # a direction that no longer exists
        "v1|p|s|atlantis",  # an unknown partner
        "v1|b|s|../../etc/passwd",  # forged
        "v1|zz|s|intl-1.6",  # unknown operation
        "v1|b|x|intl-1.6",  # unknown language
        "v1|b|s|" + ",".join(["intl-1.6"] * 9),  # too many ids
        "garbage",
        "v1|b|s|",  # budget of nothing
        "v1|L||klingon",
    ],
)
async def test_stale_or_forged_buttons_get_a_polite_answer(h, data):
    await h.press(data)
    [answer] = h.rec.of("answerCallbackQuery")
    assert answer["text"] in {texts.stale_button(lang) for lang in texts.LANGS}
    assert not h.rec.of("editMessageText") and not h.sent()


async def test_button_from_an_inline_message_is_edited_by_inline_id(h):
    await h.press("v1|a|e|intl-1.6", inline=True)
    [edit] = h.rec.of("editMessageText")
    assert edit["inline_message_id"] == "AAAinline"
    assert "per project" in edit["text"]
    assert h.rec.of("answerCallbackQuery")


async def test_button_failure_still_answers_the_query(h, monkeypatch, caplog):
    def boom(*a, **k):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(h.engine, "ask_about", boom)
    with caplog.at_level(logging.ERROR):
        await h.press("v1|b|s|intl-1.6")
    answers = h.rec.of("answerCallbackQuery")
    assert answers and answers[0]["text"] == texts.apology("zh-Hans")
    assert "engine exploded" in caplog.text


async def test_other_partners_button_lists_partner_buttons(h, knowledge):
    await h.say("芬兰的经费是多少？")
    other = next(b for b in buttons(h.sent()[-1]) if b["text"] == "其他合作方")
    await h.press(other["callback_data"])
    [edit] = h.rec.of("editMessageText")
    datas = [b["callback_data"] for b in buttons(edit)]
    assert len(datas) == len(knowledge.directions_by_partner)
    assert all(keyboards.decode(d).op == "partner" for d in datas)


async def test_question_buttons_ask_the_engine(h):
    data = keyboards.encode_question("芬兰的经费是多少？", "zh-Hans")
    await h.press(data)
    assert "6000万元" in h.rec.of("editMessageText")[-1]["text"]
    assert h.rec.of("answerCallbackQuery") == [
        {"callback_query_id": h.rec.of("answerCallbackQuery")[0]["callback_query_id"]}
    ]


async def test_button_under_an_inaccessible_message_writes_to_the_chat(h):
    h.rec.fail("editMessageText", 400, "Bad Request: message to edit not found")
    query = {
        "id": "77",
        "chat_instance": "ci",
        "data": "v1|b|s|intl-1.6",
        "from": {"id": USER, "is_bot": False, "first_name": "U"},
        "message": {"message_id": 3, "date": 0, "chat": {"id": USER, "type": "private"}},
    }
    await h.process({"callback_query": query})
    [sent] = h.sent()
    assert int(sent["chat_id"]) == USER and "6000万元" in sent["text"]
    assert len(h.rec.of("answerCallbackQuery")) == 1


async def test_failed_button_is_answered_once(h, monkeypatch):
    monkeypatch.setattr(h.engine, "ask_about", lambda *a, **k: 1 / 0)
    await h.press("v1|b|s|intl-1.6")
    assert len(h.rec.of("answerCallbackQuery")) == 1
    assert not h.sent()  # the apology is the query's answer, not a message


QUESTIONS = [
    "以色列",
    "芬兰的经费是多少？",
    "以色列和德国哪个经费多？",
    "欧盟",
    "韩国的领域",
    "Which direction has the largest budget?",
    "hello",
    "南非和韩国平均资助多少",
    "有哪些合作国家？",
    "總體情況",
    "意大利，西班牙，奥地利，德国",
    "asdfgh",
    "澳门",
]


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_every_callback_data_fits_64_bytes_and_round_trips(knowledge, lang):
    engine = Engine(knowledge)
    replies = [engine.ask(q, "k", lang=lang) for q in QUESTIONS]
    replies += [
        engine.ask_about(i, [d.id], "k", lang)
        for d in knowledge.directions
        for i in ("detail", "budget", "fields", "count", "average")
    ]
    replies.append(
        engine.ask_about("compare", [d.id for d in knowledge.directions][:6], "k", lang)
    )
    markups = [keyboards.answer_keyboard(r) for r in replies]
    markups += [keyboards.partners_keyboard(knowledge, lang), keyboards.lang_keyboard(lang)]
    count = 0
    for markup in markups:
        for row in markup.inline_keyboard if markup else ():
            for b in row:
                assert 1 <= len(b.callback_data.encode("utf-8")) <= 64
                assert keyboards.decode(b.callback_data) is not None, b.callback_data
                assert b.text.strip()
                count += 1
    assert count > 100


def test_callback_data_encoder_refuses_what_does_not_fit():
    assert keyboards.encode_question("这是一个非常长的问题" * 5, "zh-Hans") is None
    ids = [f"intl-{i}.{j}" for i in range(9) for j in range(9)]
    data = keyboards.encode_intent("compare", ids, "en")
    assert data is not None and len(data.encode()) <= 64
    assert keyboards.decode(data).programs == tuple(ids[: len(keyboards.decode(data).programs)])


def test_answers_about_directions_offer_natural_next_questions(engine):
    reply = engine.ask("以色列和德国哪个经费多？", "k")
    labels = [b.text for row in keyboards.answer_keyboard(reply).inline_keyboard for b in row]
    assert {"领域", "项目数", "平均", "其他合作方"} <= set(labels)
    reply = engine.ask("以色列和德国", "k2", lang="en")
    labels = [b.text for row in keyboards.answer_keyboard(reply).inline_keyboard for b in row]
    assert "Compare" in labels or reply.intent == "compare"


# -- 5. inline mode ---------------------------------------------------------------------------


async def test_inline_query_offers_answer_cards(h):
    answer = await h.inline("以色列")
    results = answer["results"]
    assert 1 <= len(results) <= 50
    assert answer["cache_time"] == 300 and answer["is_personal"] is False
    ids = [r["id"] for r in results]
    assert len(set(ids)) == len(ids) and all(len(i.encode()) <= 64 for i in ids)
    first = results[0]
    assert first["type"] == "article"
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["message_text"] == fresh_engine().ask("以色列", "x").html
    assert content["link_preview_options"]["is_disabled"] is True
    for r in results:
        assert_valid_html(r["input_message_content"]["message_text"])
        assert utf16_len(r["input_message_content"]["message_text"]) <= 4096
    # the same query gives the same ids (Telegram may cache and share them)
    again = await h.inline("以色列", user_id=OTHER)
    assert [r["id"] for r in again["results"]] == ids


async def test_inline_card_links_back_to_the_bot(h):
    answer = await h.inline("以色列")
    url = answer["results"][0]["reply_markup"]["inline_keyboard"][0][0]["url"]
    assert url == f"https://t.me/{BOT_USERNAME}?start=intl-1_9"


async def test_inline_empty_query_offers_overview_and_partners(h):
    answer = await h.inline("")
    results = answer["results"]
    assert len(results) <= 50
    texts_ = [r["input_message_content"]["message_text"] for r in results]
    engine = fresh_engine()
    assert engine.ask_about("overview", [], "x", "zh-Hans").html in texts_
    assert engine.ask_about("partners", [], "x", "zh-Hans").html in texts_
    assert engine.ask_about("overview", [], "x", "en").html in texts_


async def test_inline_queries_never_touch_chat_context(h):
    await h.inline("芬兰")
    await h.inline("")
    assert not [k for k in h.engine.contexts.export() if k[0] == "inline"]


async def test_inline_many_programs_capped_at_50(h, monkeypatch):
    real = h.engine.ask

    def many(text, session, lang=None, remember=True):
        reply = real("有哪些合作国家？", session, lang, remember)
        reply.programs = [d.id for d in h.engine.knowledge.directions] * 5
        reply.intent = "rank"
        return reply

    monkeypatch.setattr(h.engine, "ask", many)
    answer = await h.inline("anything")
    assert len(answer["results"]) <= 50


# -- 6. edits ---------------------------------------------------------------------------------


async def test_edited_question_edits_the_answer(h):
    msg = await h.say("芬兰的经费是多少？")
    reply_id = h.rec._result("sendMessage", {"chat_id": USER})["message_id"] - 1
    await h.edit(msg, "以色列的经费是多少？")
    [edit] = h.rec.of("editMessageText")
    assert edit["message_id"] == reply_id
    assert edit["text"] == fresh_engine().ask("以色列的经费是多少？", "x").html
    assert len(h.sent()) == 1
    # editing to the same question again is not an error (message is not modified)
    h.rec.fail("editMessageText", 400, "Bad Request: message is not modified")
    await h.edit(msg, "以色列的经费是多少？")
    assert len(h.sent()) == 1


async def test_question_edited_past_the_limit_replaces_its_answer_with_the_note(h):
    # before: the answer to the short question stayed under a message that now said
    # something else, 1,000+ characters long
    msg = await h.say("芬兰的经费是多少？")
    await h.edit(msg, "芬兰" * 600)
    [edit] = h.rec.of("editMessageText")
    assert "太长" in edit["text"] and "6000" not in edit["text"]
    assert len(h.sent()) == 1


async def test_edited_group_chatter_stays_ignored_unless_it_now_mentions_the_bot(h):
    msg = await h.say("午饭吃什么", chat_id=GROUP)
    await h.edit(msg, "午饭吃什么呢")
    assert h.rec.outgoing() == []
    text = f"@{BOT_USERNAME} 芬兰"
    edited = dict(msg, text=text, entities=mention(text), edit_date=int(time.time()))
    await h.process({"edited_message": edited})
    assert len(h.sent(GROUP)) == 1


async def test_edits_are_bounded_per_chat(h, monkeypatch):
    from handlers import send

    monkeypatch.setattr(send, "MAX_ANSWERED", 5)
    for i in range(8):
        await h.say(f"芬兰 {i}", message_id=1000 + i)
    answered = h.app.chat_data[USER]["answered"]
    assert list(answered) == [1003, 1004, 1005, 1006, 1007]


# -- 7. robustness ----------------------------------------------------------------------------


async def test_long_replies_are_split_into_valid_parts(h, monkeypatch):
    line = "• <b>方向 &amp; 合作</b> 总金额6000万元，资助不超过15个项目 &lt;示例&gt;"
    long_html = "\n".join(f"{i}. {line}" for i in range(400))
    reply = Reply(
        "rank",
        ["intl-1.6"],
        "zh-Hans",
        long_html,
        plain(long_html),
        suggestions=fresh_engine().ask("芬兰", "x").suggestions,
    )
    monkeypatch.setattr(h.engine, "ask", lambda *a, **k: reply)
    await h.say("anything")
    parts = h.sent()
    assert len(parts) > 1
    for i, p in enumerate(parts):
        assert utf16_len(p["text"]) <= 4096
        assert_valid_html(p["text"])
        assert ("reply_markup" in p) == (i == len(parts) - 1)
    assert plain("\n".join(p["text"] for p in parts)) == plain(long_html)


async def test_huge_message_gets_a_short_reply(h):
    await h.say("芬" * 100_000)
    [sent] = h.sent()
    assert sent["text"] == texts.too_long("zh-Hans", 1000)


async def test_message_without_text_in_private(h):
    await h.say(
        None,
        sticker={
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        },
    )
    await h.say(None, photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}])
    assert [s["text"] for s in h.sent()] == [texts.text_only("zh-Hans")] * 2


async def test_user_text_is_escaped(h):
    await h.say("<b>&amp; <script>芬兰</script>")
    assert_valid_html(h.last_text())


async def test_error_handler_logs_and_apologises(h, monkeypatch, caplog):
    def boom(*a, **k):
        raise RuntimeError("kaput")

    monkeypatch.setattr(h.engine, "ask", boom)
    with caplog.at_level(logging.ERROR):
        await h.say("芬兰的经费是多少？")
    assert h.last_text() == texts.apology("zh-Hans")
    record = next(r for r in caplog.records if r.name == "handlers.errors")
    assert record.exc_info and isinstance(record.exc_info[1], RuntimeError)


@pytest.mark.parametrize(
    "status,description,level,traceback",
    [
        (502, "Bad Gateway", logging.WARNING, False),  # Telegram's hiccup: one line
        (500, "Internal Server Error", logging.WARNING, False),
        (400, "Bad Request: chat not found", logging.ERROR, True),  # a request of ours: a bug
    ],
)
async def test_telegram_errors_do_not_stop_the_bot(
    h, caplog, status, description, level, traceback
):
    h.rec.fail("sendMessage", status, description, times=1)
    with caplog.at_level(logging.INFO):
        await h.say("芬兰的经费是多少？")
    [record] = [r for r in caplog.records if r.name == "handlers.errors"]
    assert record.levelno == level and bool(record.exc_info) == traceback
    assert h.last_text() == texts.apology("zh-Hans")
    await h.say("以色列")
    assert "2000万元" in h.last_text()


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_control_is_retried(h):
    h.rec.fail(
        "sendMessage", 429, "Too Many Requests: retry after 1", parameters={"retry_after": 1}
    )
    await h.say("芬兰的经费是多少？")
    assert len(h.rec.of("sendMessage")) == 2
    assert "6000万元" in h.last_text()


async def test_timeouts_do_not_stop_the_bot(h):
    from telegram.error import TimedOut

    original = h.rec.do_request
    state = {"n": 0}

    async def flaky(url, *a, **k):
        if url.endswith("sendMessage") and state["n"] == 0:
            state["n"] += 1
            raise TimedOut("timed out")
        return await original(url, *a, **k)

    h.rec.do_request = flaky
    await h.say("芬兰的经费是多少？")
    await h.say("以色列")
    assert "2000万元" in h.last_text()


def test_webhook_secret_is_generated_when_missing_or_invalid():
    from handlers.app import _webhook_secret

    assert _webhook_secret(Config(webhook_secret="ok_Secret-1")) == "ok_Secret-1"
    for given in (None, "has spaces!", "x" * 300):
        secret = _webhook_secret(Config(webhook_secret=given))
        assert re.fullmatch(r"[A-Za-z0-9_-]{32,256}", secret) and secret != given


def test_run_telegram_refuses_invalid_knowledge(tmp_path, caplog):
    from handlers.app import run_telegram

    bad = tmp_path / "bad.yaml"
    bad.write_text("calls: [", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert run_telegram(Config(token=TOKEN), str(bad)) == 1
    assert "Invalid knowledge file" in caplog.text and TOKEN not in caplog.text


# -- persistence ------------------------------------------------------------------------------


async def test_settings_and_context_survive_a_restart(tmp_path, knowledge):
    path = tmp_path / "data" / "state.json"
    engine = Engine(knowledge)
    rec = Recorder()
    config = Config(token=TOKEN, persistence=str(path))
    app = build_application(
        config, engine, request=rec, updater=False, persistence=open_persistence(path, engine)
    )
    h = Harness(app, rec, engine)
    async with app:
        await post_init(app)
        await h.say("/lang en")
        await h.say("芬兰的经费是多少？")
    assert path.exists()

    engine2 = Engine(knowledge)
    rec2 = Recorder()
    app2 = build_application(
        config, engine2, request=rec2, updater=False, persistence=open_persistence(path, engine2)
    )
    h2 = Harness(app2, rec2, engine2)
    async with app2:
        await post_init(app2)
        assert app2.chat_data[USER]["lang"] == "en"
        assert "contexts" not in app2.bot_data
        await h2.say("and Germany?")
    reference = Engine(knowledge)
    reference.ask("芬兰的经费是多少？", "s", lang="en")
    assert h2.last_text() == reference.ask("and Germany?", "s", lang="en").html


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"callbot_state":1,"chat_data":{"5001":{"lang":"en"}',  # torn
        b'{"callbot_state":1,"chat_data":[1, 2, 3]}',
        b'{"callbot_state":1,"chat_data":{"alice":{}}}',
        b'{"callbot_state":1,"bot_data":"x"}',
    ],
)
async def test_corrupt_persistence_is_set_aside(tmp_path, knowledge, caplog, content):
    path = tmp_path / "state.json"
    path.write_bytes(content)
    engine = Engine(knowledge)
    with caplog.at_level(logging.ERROR):
        persistence = open_persistence(path, engine)
    aside = list(tmp_path.glob("state.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert not path.exists()
    assert "cannot be read" in caplog.text
    rec = Recorder()
    app = build_application(
        Config(token=TOKEN), engine, request=rec, updater=False, persistence=persistence
    )
    h = Harness(app, rec, engine)
    async with app:
        await h.say("芬兰的经费是多少？")
    assert "6000万元" in h.last_text()
    assert path.exists()


def test_persistence_folder_is_created(tmp_path, knowledge):
    path = tmp_path / "a" / "b" / "state.json"
    open_persistence(path, Engine(knowledge))
    assert path.parent.is_dir()


# -- 8. admin ---------------------------------------------------------------------------------


def edited_knowledge(tmp_path: Path, transform) -> Path:
    target = tmp_path / "calls.yaml"
    text = bundled_path().read_text(encoding="utf-8")
    schema = bundled_path().with_name("knowledge.schema.json")
    if schema.exists():
        shutil.copy(schema, tmp_path / schema.name)
    target.write_text(transform(text), encoding="utf-8")
    return target


async def admin_harness(engine: Engine, path: Path):
    rec = Recorder()
    config = Config(token=TOKEN, admins=frozenset({ADMIN}), knowledge=str(path))
    app = build_application(config, engine, request=rec, updater=False, knowledge_path=str(path))
    return app, Harness(app, rec, engine)


def _block(text: str, direction: str) -> tuple[int, int]:
    start = text.index(f"  - id: {direction}\n")
    return start, text.index("\n  - id: ", start + 1) + 1


def _new_edition(text: str) -> str:
    """intl-2.5 dropped (with the call's totals adjusted) and intl-2.4's figures changed."""
    start, end = _block(text, "intl-2.5")
    text = text[:start] + text[end:]
    text = (
        text.replace("directions: 15", "directions: 14", 1)
        .replace("total: 49600", "total: 43640", 1)
        .replace("count: 138, qualifier: about", "count: 118, qualifier: about", 1)
    )
    start, end = _block(text, "intl-2.4")
    block = (
        text[start:end].replace("total: 200,", "total: 240,").replace("average: 50", "average: 60")
    )
    return text[:start] + block + text[end:]


async def test_reload_good_file_swaps_and_reports_changes(tmp_path, knowledge):
    path = edited_knowledge(tmp_path, _new_edition)
    engine = Engine(knowledge)
    app, h = await admin_harness(engine, path)
    async with app:
        await h.say("/reload", chat_id=ADMIN, user_id=ADMIN)
        report = h.last_text()
        assert engine.knowledge is not knowledge
        assert "intl-2.5" not in engine.knowledge.direction_by_id
        assert_valid_html(report)
        assert "已重新加载" in report
        assert "- direction intl-2.5" in report
        assert "~ call intl total: 49600 → 43640" in report
        assert "~ intl-2.4 average: 50 → 60" in report
        assert "~ intl-2.4 total: 200 → 240" in report
        await h.say("/reload", chat_id=ADMIN, user_id=ADMIN)
        assert "No direction or figure changed" in h.last_text() or "没有变化" in h.last_text()


async def test_reload_bad_file_keeps_the_old_knowledge(tmp_path, knowledge):
    path = edited_knowledge(tmp_path, lambda text: text.replace("total: 49600", "total: lots", 1))
    engine = Engine(knowledge)
    app, h = await admin_harness(engine, path)
    async with app:
        await h.say("/reload", chat_id=ADMIN, user_id=ADMIN)
        report = h.last_text()
        assert engine.knowledge is knowledge
        assert_valid_html(report)
        assert str(path) in report and re.search(r":\d+:", report)
        assert "calls[0].total" in report or "total" in report
        await h.say("芬兰的经费是多少？", chat_id=ADMIN, user_id=ADMIN)
        assert "6000万元" in h.last_text()


async def test_reload_broken_yaml_reports_the_line(tmp_path, knowledge):
    path = edited_knowledge(tmp_path, lambda text: text + "\n  - : [unclosed\n")
    engine = Engine(knowledge)
    app, h = await admin_harness(engine, path)
    async with app:
        await h.say("/reload", chat_id=ADMIN, user_id=ADMIN)
    assert engine.knowledge is knowledge
    assert re.search(r"calls\.yaml:\d+", h.last_text())


async def test_non_admin_reload_gets_no_reply(tmp_path, knowledge):
    path = edited_knowledge(tmp_path, lambda text: text)
    engine = Engine(knowledge)
    app, h = await admin_harness(engine, path)
    async with app:
        await h.say("/reload")
        await h.say("/reload", chat_id=GROUP)
        await h.say(f"/reload@{BOT_USERNAME}", chat_id=GROUP)
    assert h.rec.outgoing() == []
    assert engine.knowledge is knowledge


async def test_admin_menu_lists_the_admin_commands(h):
    await post_init(h.app)
    admin_menus = [c for c in h.rec.of("setMyCommands") if c["scope"]["type"] == "chat"]
    assert admin_menus
    for menu in admin_menus:
        names = [x["command"] for x in menu["commands"]]
        assert "reload" in names and "unanswered" in names
    for menu in h.rec.of("setMyCommands"):
        if menu["scope"]["type"] != "chat":
            assert "unanswered" not in [x["command"] for x in menu["commands"]]


# -- /unanswered ------------------------------------------------------------------------------


async def unanswered_harness(tmp_path: Path, knowledge):
    from bot.unanswered import UnansweredLog

    log = tmp_path / "unanswered.jsonl"
    engine = Engine(knowledge, on_unanswered=UnansweredLog(log))
    rec = Recorder()
    config = Config(
        token=TOKEN, admins=frozenset({ADMIN}), unanswered_log=str(log), group_rate=6000
    )
    app = build_application(config, engine, request=rec, updater=False)
    return app, Harness(app, rec, engine)


async def test_unanswered_shows_grouped_questions_to_an_admin(tmp_path, knowledge):
    app, h = await unanswered_harness(tmp_path, knowledge)
    async with app:
        await h.say("今天天气怎么样")
        await h.say("今天天气怎么样？", chat_id=OTHER, user_id=OTHER)
        await h.say("明天天气怎么样")
        await h.say("ksdjf qwpoe", chat_id=OTHER, user_id=OTHER)
        await h.say("芬兰的经费是多少？")  # answered: not logged
        h.rec.clear()
        await h.say("/unanswered", chat_id=ADMIN, user_id=ADMIN)
    [sent] = h.sent(ADMIN)
    report = sent["text"]
    assert_valid_html(report)
    assert "<pre>" in report
    text = plain(report)
    assert "4 unanswered question(s) in 2 group(s)" in text
    assert re.search(r"1\. ×3\s+今天天气怎么样", text)
    assert "~ 今天天气怎么样？" in text and "ksdjf qwpoe" in text
    assert "芬兰" not in text
    for secret in (str(USER), str(OTHER), str(ADMIN)):
        assert secret not in text
    for record in (tmp_path / "unanswered.jsonl").read_text(encoding="utf-8").splitlines():
        assert not {"user", "chat", "user_id", "chat_id"} & json.loads(record).keys()


async def test_unanswered_with_an_empty_log_and_html_in_questions(tmp_path, knowledge):
    app, h = await unanswered_harness(tmp_path, knowledge)
    async with app:
        await h.say("/unanswered", chat_id=ADMIN, user_id=ADMIN)
        assert "No unanswered questions logged." in plain(h.last_text())
        await h.say("<b>今天</b> & 天气 <i>怎么样", user_id=OTHER, chat_id=OTHER)
        await h.say("/unanswered", chat_id=ADMIN, user_id=ADMIN)
    assert_valid_html(h.last_text())
    assert "<b>今天</b> & 天气 <i>怎么样" in plain(h.last_text())


async def test_long_unanswered_report_is_split(tmp_path, knowledge, monkeypatch):
    from handlers import admin

    app, h = await unanswered_harness(tmp_path, knowledge)
    lines = [f"question {i} " + "x" * 80 for i in range(200)]
    monkeypatch.setattr(admin, "format_report", lambda groups, top: "\n".join(lines))
    async with app:
        await h.say("/unanswered", chat_id=ADMIN, user_id=ADMIN)
    parts = [p["text"] for p in h.sent(ADMIN)]
    assert len(parts) > 1
    for part in parts:
        assert_valid_html(part)
        assert utf16_len(part) <= 4096 and part.count("<pre>") == 1
    assert all(line in "".join(plain(p) for p in parts) for line in lines)


async def test_non_admin_unanswered_gets_no_reply(tmp_path, knowledge):
    app, h = await unanswered_harness(tmp_path, knowledge)
    async with app:
        await h.say("今天天气怎么样")
        h.rec.clear()
        await h.say("/unanswered")
        await h.say("/unanswered", chat_id=GROUP)
        await h.say(f"/unanswered@{BOT_USERNAME}", chat_id=GROUP)
    assert h.rec.outgoing() == []


# -- the knowledge watcher --------------------------------------------------------------------


def rewrite(path: Path, text: str) -> None:
    """Replace the file the way an editor or deployment does: write aside, then rename."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


FINLAND_NEW = (
    "- {total: 6000, projects: {count: 15, qualifier: up_to}, average: 400}",
    "- {total: 6600, projects: {count: 15, qualifier: up_to}, average: 440}",
)


def finland_6600(text: str) -> str:
    assert text.count(FINLAND_NEW[0]) == 1
    return text.replace(FINLAND_NEW[0], FINLAND_NEW[1]).replace("total: 49600", "total: 50200", 1)


async def eventually(predicate, timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def watched(tmp_path: Path, knowledge, admins=frozenset({ADMIN}), interval=0.05):
    path = edited_knowledge(tmp_path, lambda text: text)
    engine = Engine(knowledge)
    rec = Recorder()
    config = Config(token=TOKEN, admins=admins, knowledge=str(path), reload_interval=interval)
    app = build_application(config, engine, request=rec, updater=False, knowledge_path=str(path))
    return path, app, Harness(app, rec, engine)


async def test_watcher_swaps_a_changed_file_and_reports_a_broken_one_once(tmp_path, knowledge):
    path, app, h = await watched(tmp_path, knowledge)
    async with app:
        await post_init(app)
        assert app.services.watcher is not None
        h.rec.clear()
        text = finland_6600(path.read_text(encoding="utf-8"))
        rewrite(path, text)
        await eventually(lambda: h.sent(ADMIN))
        assert "6600万元" in h.engine.ask("芬兰的经费是多少？", "s").text
        [report] = [p["text"] for p in h.sent(ADMIN)]
        assert_valid_html(report)
        assert "已重新加载" in report
        assert "~ intl-1.6 total: 6000 → 6600" in report
        assert "~ intl-1.6 average: 400 → 440" in report
        assert "~ call intl total: 49600 → 50200" in report
        assert h.sent() == h.sent(ADMIN)  # nobody else is told

        h.rec.clear()
        broken = text.replace("total: 6600,", "total: lots,", 1)
        rewrite(path, broken)
        await eventually(lambda: h.sent(ADMIN))
        [report] = [p["text"] for p in h.sent(ADMIN)]
        assert_valid_html(report)
        assert "未重新加载" in report
        line = broken[: broken.index("total: lots")].count("\n") + 1
        assert f"{path}:{line}: directions[5].funding[0].total" in plain(report)
        assert "6600万元" in h.engine.ask("芬兰的经费是多少？", "s").text

        h.rec.clear()
        rewrite(path, broken)  # the same broken content again, a new mtime
        await asyncio.sleep(0.3)  # several polls
        assert h.rec.outgoing() == []
        await h.say("芬兰的经费是多少？")
        assert "6600万元" in h.last_text()

        watcher = app.services.watcher
    assert watcher.done() and app.services.watcher is None  # stopped with the application


async def test_watcher_survives_errors_and_unreachable_admins(tmp_path, knowledge, caplog):
    other_admin = 7002
    path, app, h = await watched(tmp_path, knowledge, admins=frozenset({other_admin, ADMIN}))
    calls = 0
    async with app:
        real = app.services.reloader.check

        def flaky(force=False):
            nonlocal calls
            calls += 1
            if calls == 1:
                raise RuntimeError("disk on fire")
            return real(force)

        app.services.reloader.check = flaky
        await post_init(app)
        h.rec.clear()
        h.rec.fail("sendMessage", 400, "Bad Request: chat not found")  # the first admin, 7001
        with caplog.at_level(logging.INFO):
            await eventually(lambda: calls >= 2)
            rewrite(path, finland_6600(path.read_text(encoding="utf-8")))
            await eventually(lambda: h.sent(other_admin))
    assert "disk on fire" in caplog.text
    assert "chat not found" in caplog.text.lower()
    assert "~ intl-1.6 total: 6000 → 6600" in h.sent(other_admin)[0]["text"]
    assert "6600万元" in h.engine.ask("芬兰的经费是多少？", "s").text


async def test_post_shutdown_stops_the_watcher(tmp_path, knowledge):
    from handlers.app import post_shutdown

    path, app, h = await watched(tmp_path, knowledge)
    async with app:
        await post_init(app)
        watcher = app.services.watcher
        await post_shutdown(app)
        assert watcher.cancelled() and app.services.watcher is None
        await post_shutdown(app)  # twice is fine
        rewrite(path, finland_6600(path.read_text(encoding="utf-8")))
        await asyncio.sleep(0.2)
        assert "6000万元" in h.engine.ask("芬兰的经费是多少？", "s").text


async def test_reload_interval_zero_turns_the_watcher_off(tmp_path, knowledge):
    path, app, h = await watched(tmp_path, knowledge, interval=0)
    async with app:
        await post_init(app)
        assert app.services.watcher is None
        rewrite(path, finland_6600(path.read_text(encoding="utf-8")))
        await asyncio.sleep(0.2)
        assert "6000万元" in h.engine.ask("芬兰的经费是多少？", "s").text
        await h.say("/reload", chat_id=ADMIN, user_id=ADMIN)  # still reloads on demand
        assert "~ intl-1.6 total: 6000 → 6600" in h.last_text()


@pytest.mark.parametrize(
    ("value", "expected"), [(None, 5.0), ("", 5.0), ("0", 0.0), ("0.5", 0.5), (" 2 ", 2.0)]
)
def test_reload_interval_from_the_environment(value, expected):
    env = {} if value is None else {"CALLBOT_RELOAD_INTERVAL": value}
    assert Config.from_env(env).reload_interval == expected


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "inf", "1e9"])
def test_reload_interval_that_cannot_be_used_is_refused(value):
    with pytest.raises(ConfigError, match="CALLBOT_RELOAD_INTERVAL"):
        Config.from_env({"CALLBOT_RELOAD_INTERVAL": value})


# -- logs -------------------------------------------------------------------------------------


async def test_token_never_reaches_the_logs(engine, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    rec = Recorder()
    app = make_app(engine, rec, api_base_url="http://127.0.0.1:9")
    h = Harness(app, rec, engine)
    async with app:
        await post_init(app)
        await h.say("芬兰的经费是多少？")
        await h.press("v1|b|s|intl-1.6")
        await h.inline("以色列")
        rec.fail("sendMessage", 502, f"Bad Gateway for /bot{TOKEN}/sendMessage")
        await h.say("以色列")
        monkeypatch.setattr(
            engine,
            "ask",
            lambda *a, **k: (_ for _ in ()).throw(
                RuntimeError(f"failed calling https://api.telegram.org/bot{TOKEN}/x")
            ),
        )
        await h.say("以色列")
    logging.getLogger("telegram.ext.ExtBot").debug("bot is %r", app.bot)
    assert caplog.records, "expected some logging at DEBUG"
    assert "Set Bot API URL" in caplog.text  # PTB logs the URL; the token in it is redacted
    assert TOKEN not in caplog.text
    for record in caplog.records:
        assert TOKEN not in record.getMessage()
        if record.exc_text:
            assert TOKEN not in record.exc_text


# -- split_message ----------------------------------------------------------------------------


def test_split_short_message_is_unchanged():
    assert split_message("<b>a</b>\nb") == ["<b>a</b>\nb"]


def test_split_prefers_line_boundaries():
    lines = [f"line {i} <b>x</b>" for i in range(100)]
    parts = split_message("\n".join(lines), limit=200)
    for p in parts:
        assert utf16_len(p) <= 200
        assert all(line in lines for line in p.split("\n"))


def test_split_never_cuts_tags_or_entities():
    text = "<b>" + "&amp;" * 300 + "</b>" + "&lt;x&gt;" * 100
    for limit in (64, 100, 333, 4096):
        parts = split_message(text, limit=limit)
        for p in parts:
            assert utf16_len(p) <= limit
            assert_valid_html(p)
        assert "".join(plain(p) for p in parts) == plain(text)


def test_split_reopens_tags_across_parts():
    text = "<b>" + "很长的加粗文字 " * 100 + "</b>"
    parts = split_message(text, limit=120)
    assert len(parts) > 1
    for p in parts:
        assert p.startswith("<b>") and p.endswith("</b>")
        assert_valid_html(p)


def test_split_counts_utf16_units():
    text = "😀" * 3000  # 2 UTF-16 units each
    parts = split_message(text)
    assert len(parts) == 2 and all(utf16_len(p) <= 4096 for p in parts)
    assert "".join(parts) == text


def test_split_real_answers_keep_everything(engine):
    reply = engine.ask("有哪些合作国家？", "s")
    text = "\n\n".join([reply.html] * 40)
    parts = split_message(text)
    assert len(parts) > 1
    for p in parts:
        assert_valid_html(p)
        assert utf16_len(p) <= 4096
    assert re.sub(r"\s+", "", "".join(plain(p) for p in parts)) == re.sub(r"\s+", "", plain(text))


# -- .env.example -----------------------------------------------------------------------------

ENV_VARS = [
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "CALLBOT_KNOWLEDGE",
    "CALLBOT_WEBHOOK_URL",
    "CALLBOT_WEBHOOK_SECRET",
    "CALLBOT_WEBHOOK_LISTEN",
    "CALLBOT_WEBHOOK_PORT",
    "CALLBOT_ADMINS",
    "CALLBOT_DATA_DIR",
    "CALLBOT_PERSISTENCE",
    "CALLBOT_UNANSWERED_LOG",
    "CALLBOT_RELOAD_INTERVAL",
    "CALLBOT_LOG_LEVEL",
    "CALLBOT_POLL_INTERVAL",
]


def test_env_example_documents_every_variable():
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    lines = text.splitlines()
    for var in ENV_VARS:
        idx = next(i for i, line in enumerate(lines) if re.match(rf"^#?\s*{var}=", line))
        assert lines[idx - 1].startswith("#"), var  # a comment explains it
    assert "123456:" not in text or "ABC" in text  # no real-looking token
