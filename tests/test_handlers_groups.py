"""Issue 9 points 4-6, offline (the recording request of tests/test_handlers.py): questions in
captions, groups told how groups work (/start, /help, /lang for admins only) and a replied-to
message as the question's context."""

from __future__ import annotations

import time

import pytest

from bot import selfdesc
from bot.engine import Engine
from handlers import keyboards, texts
from handlers.chatadmins import ChatAdminCache, is_anonymous_admin
from handlers.messages import MAX_QUESTION, MAX_QUOTED
from knowledge import load_knowledge
from tests.test_handlers import (
    BOT_ID,
    BOT_USERNAME,
    GROUP,
    OTHER,
    USER,
    Harness,
    Recorder,
    assert_valid_html,
    fresh_engine,
    make_app,
    mention,
    plain,
)

ANON = 1087968824  # GroupAnonymousBot
PHOTO = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
DOCUMENT = {"file_id": "d", "file_unique_id": "d", "file_name": "call.pdf"}


class MemberRecorder(Recorder):
    """Also answers getChatMember, from ``members`` ({(chat, user): status}; else "member")."""

    def __init__(self) -> None:
        super().__init__()
        self.members: dict[tuple[int, int], str] = {}

    def _result(self, name: str, params: dict):
        if name != "getChatMember":
            return super()._result(name, params)
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        status = self.members.get((chat_id, user_id), "member")
        member = {"status": status, "user": {"id": user_id, "is_bot": False, "first_name": "U"}}
        if status == "creator":
            member["is_anonymous"] = False
        if status == "administrator":
            member.update(
                can_be_edited=False,
                is_anonymous=False,
                can_manage_chat=True,
                can_delete_messages=False,
                can_manage_video_chats=False,
                can_restrict_members=False,
                can_promote_members=False,
                can_change_info=False,
                can_invite_users=True,
                can_post_stories=False,
                can_edit_stories=False,
                can_delete_stories=False,
            )
        return member


@pytest.fixture
async def h(engine):
    rec = MemberRecorder()
    app = make_app(engine, rec)
    async with app:
        yield Harness(app, rec, engine)


def caption_mention(caption: str) -> list[dict]:
    return mention(caption)


async def photo(h: Harness, caption: str | None, **kw) -> dict:
    extra = {"photo": PHOTO}
    if caption is not None:
        extra["caption"] = caption
    if "caption_entities" in kw:
        extra["caption_entities"] = kw.pop("caption_entities")
    return await h.say(None, **kw, **extra)


def answer_to(question: str) -> str:
    return fresh_engine().ask(question, "x").html


# -- 4. questions in captions -----------------------------------------------------------------


async def test_private_caption_is_answered_like_text(h):
    await photo(h, "芬兰的经费是多少？")
    await h.say(None, document=DOCUMENT, caption="以色列的经费是多少？")
    sent = h.sent(USER)
    assert [s["text"] for s in sent] == [
        answer_to("芬兰的经费是多少？"),
        answer_to("以色列的经费是多少？"),
    ]
    assert "6000万元" in sent[0]["text"]
    assert texts.text_only("zh-Hans") not in [s["text"] for s in sent]
    assert sent[0]["reply_markup"]["inline_keyboard"]  # the same buttons as for a text


async def test_private_caption_follow_up_uses_the_chat_context(h):
    await h.say("芬兰的经费是多少？")
    await photo(h, "那德国呢？")
    engine = fresh_engine()
    engine.ask("芬兰的经费是多少？", "x")
    assert h.last_text() == engine.ask("那德国呢？", "x").html


async def test_photo_without_caption_still_gets_the_text_only_note(h):
    await photo(h, None)
    assert h.last_text() == texts.text_only("zh-Hans")


async def test_group_caption_without_mention_is_chatter(h):
    await photo(h, "芬兰的经费是多少？", chat_id=GROUP)
    await h.say(None, chat_id=GROUP, document=DOCUMENT, caption="以色列")
    assert h.rec.outgoing() == []


async def test_group_caption_with_mention_is_answered_in_thread(h):
    caption = f"@{BOT_USERNAME} 芬兰的经费是多少？"
    msg = await photo(h, caption, chat_id=GROUP, caption_entities=caption_mention(caption))
    [sent] = h.sent(GROUP)
    assert sent["reply_parameters"]["message_id"] == msg["message_id"]
    assert sent["text"] == answer_to("芬兰的经费是多少？")


async def test_group_caption_with_text_mention_is_answered(h):
    caption = "Callbot 以色列的经费是多少？"
    entity = {
        "type": "text_mention",
        "offset": 0,
        "length": 7,
        "user": {"id": BOT_ID, "is_bot": True, "first_name": "Callbot"},
    }
    await photo(h, caption, chat_id=GROUP, caption_entities=[entity])
    assert h.sent(GROUP)[-1]["text"] == answer_to("以色列的经费是多少？")


async def test_group_caption_ask_command(h):
    msg = await photo(h, "/ask 芬兰的经费是多少？", chat_id=GROUP)
    assert h.sent(GROUP)[-1]["reply_parameters"]["message_id"] == msg["message_id"]
    assert h.last_text() == answer_to("芬兰的经费是多少？")
    await photo(h, f"/ask@{BOT_USERNAME} 以色列的经费是多少？", chat_id=GROUP)
    assert h.last_text() == answer_to("以色列的经费是多少？")
    n = len(h.sent())
    await photo(h, "/ask@other_bot 芬兰", chat_id=GROUP)
    await photo(h, "/start 芬兰", chat_id=GROUP)
    assert len(h.sent()) == n


async def test_private_caption_command_other_than_ask_gets_the_hint(h):
    await photo(h, "/ask 芬兰的经费是多少？")
    assert "6000万元" in h.last_text()
    await photo(h, "/help")
    assert h.last_text() == texts.unknown_command("zh-Hans")


async def test_caption_too_long_gets_the_short_reply(h):
    await photo(h, "芬" * 1024)  # Telegram's caption limit is above ours
    assert h.last_text() == texts.too_long("zh-Hans", MAX_QUESTION)


async def test_edited_caption_edits_the_answer(h):
    msg = await photo(h, "芬兰的经费是多少？")
    answer_id = h.rec._result("sendMessage", {"chat_id": USER})["message_id"] - 1
    edited = dict(msg, caption="以色列的经费是多少？", edit_date=int(time.time()))
    await h.process({"edited_message": edited})
    [edit] = h.rec.of("editMessageText")
    assert edit["message_id"] == answer_id
    assert edit["text"] == answer_to("以色列的经费是多少？")
    assert len(h.sent()) == 1


async def test_edited_group_caption_is_answered_once_it_mentions_the_bot(h):
    msg = await photo(h, "芬兰", chat_id=GROUP)
    caption = f"@{BOT_USERNAME} 芬兰的经费是多少？"
    edited = dict(
        msg,
        caption=caption,
        caption_entities=caption_mention(caption),
        edit_date=int(time.time()),
    )
    await h.process({"edited_message": edited})
    assert [s["text"] for s in h.sent(GROUP)] == [answer_to("芬兰的经费是多少？")]


# -- 5. groups are told how groups work -------------------------------------------------------


@pytest.mark.parametrize(
    "code, lang", [("zh-hans", "zh-Hans"), ("zh-hant", "zh-Hant"), ("en", "en")]
)
@pytest.mark.parametrize("command", ["/start", "/help", f"/help@{BOT_USERNAME}"])
async def test_group_start_and_help_explain_ask_and_mentions(h, knowledge, command, code, lang):
    msg = await h.say(command, chat_id=GROUP, language_code=code)
    [sent] = h.sent(GROUP)
    assert sent["reply_parameters"]["message_id"] == msg["message_id"]
    text = plain(sent["text"])
    assert_valid_html(sent["text"])
    assert sent["text"] == texts.group_help(lang, knowledge, BOT_USERNAME)
    assert f"/ask {selfdesc.example_questions(knowledge, lang)[0]}" in text
    assert f"@{BOT_USERNAME} {selfdesc.example_questions(knowledge, lang)[1]}" in text
    assert "/lang" in text
    # not the private greeting, whose bare example questions a group would ignore
    assert sent["text"] != fresh_engine().ask_about("help", [], "x", lang).html


async def test_private_help_is_unchanged(h):
    await h.say("/help")
    assert h.last_text() == fresh_engine().ask_about("help", [], "x", "zh-Hans").html


def test_group_help_examples_come_from_the_loaded_knowledge(knowledge):
    from tests.test_other_knowledge import FILE

    other = load_knowledge(FILE)
    for lang in ("zh-Hans", "zh-Hant", "en"):
        ours = plain(texts.group_help(lang, other, "some_bot"))
        for question in selfdesc.example_questions(other, lang)[:2]:
            assert question in ours
        assert "@some_bot" in ours
        assert str(other.calls[0].year) in ours
        assert str(knowledge.calls[0].year) not in ours  # nothing of the bundled year
    assert "Hello" not in texts.group_help("en", knowledge, "x")


def lang_of(h: Harness) -> str | None:
    return h.app.chat_data[GROUP].get("lang")


async def test_lang_in_a_group_by_a_member_is_refused(h):
    await h.say("/lang en", chat_id=GROUP)
    assert h.last_text() == texts.lang_admins_only("zh-Hans")
    assert lang_of(h) is None
    [call] = h.rec.of("getChatMember")
    assert (int(call["chat_id"]), int(call["user_id"])) == (GROUP, USER)
    text = f"@{BOT_USERNAME} 芬兰的经费是多少？"
    await h.say(text, chat_id=GROUP, entities=mention(text))
    assert "6000万元" in h.last_text()  # still Chinese


@pytest.mark.parametrize("status", ["administrator", "creator"])
async def test_lang_in_a_group_by_an_admin_is_applied(h, status):
    h.rec.members[(GROUP, USER)] = status
    await h.say("/lang en", chat_id=GROUP)
    assert h.last_text() == texts.lang_set("en", "en")
    assert lang_of(h) == "en"
    text = f"@{BOT_USERNAME} 芬兰的经费是多少？"
    await h.say(text, chat_id=GROUP, user_id=OTHER, entities=mention(text))
    assert "CNY 60 million" in h.last_text()  # the setting is the whole group's


async def test_lang_by_an_anonymous_admin_needs_no_check(h):
    msg = h.message("/lang zh-hant", chat_id=GROUP)
    msg["from"] = {
        "id": ANON,
        "is_bot": True,
        "first_name": "Group",
        "username": "GroupAnonymousBot",
    }
    msg["sender_chat"] = {"id": GROUP, "type": "supergroup", "title": "Research office"}
    await h.process({"message": msg})
    assert lang_of(h) == "zh-Hant"
    assert h.rec.of("getChatMember") == []


async def test_lang_from_a_linked_channel_is_not_an_admin(h):
    msg = h.message("/lang en", chat_id=GROUP)
    msg["from"] = {"id": 777000, "is_bot": False, "first_name": "Telegram"}
    msg["sender_chat"] = {"id": -100999, "type": "channel", "title": "News"}
    await h.process({"message": msg})
    assert lang_of(h) is None
    assert h.last_text() == texts.lang_admins_only("zh-Hans")


async def test_a_channel_post_copied_into_its_discussion_group_is_not_answered(h):
    # the channel's announcement mentions the bot and a partner; it is nobody's question
    text = f"@{BOT_USERNAME} 中芬项目申报通知已发布"
    msg = h.message(text, chat_id=GROUP)
    msg["from"] = {"id": 777000, "is_bot": False, "first_name": "Telegram"}
    msg["sender_chat"] = {"id": -100999, "type": "channel", "title": "News"}
    msg["is_automatic_forward"] = True
    msg["entities"] = mention(text)
    await h.process({"message": msg})
    assert h.rec.outgoing() == []


async def test_admin_check_is_cached_briefly(h):
    await h.say("/lang en", chat_id=GROUP)
    await h.say("/lang zh-hant", chat_id=GROUP)
    h.rec.members[(GROUP, USER)] = "administrator"  # promoted: seen after the cache expires
    await h.say("/lang en", chat_id=GROUP)
    assert len(h.rec.of("getChatMember")) == 1
    assert lang_of(h) is None
    h.app.services.chat_admins.ttl = 0.0
    await h.say("/lang en", chat_id=GROUP)
    assert len(h.rec.of("getChatMember")) == 2
    assert lang_of(h) == "en"


async def test_failed_admin_check_refuses_and_is_not_cached(h):
    h.rec.members[(GROUP, USER)] = "administrator"
    h.rec.fail("getChatMember", 400, "Bad Request: chat not found")
    await h.say("/lang en", chat_id=GROUP)
    assert h.last_text() == texts.lang_admins_only("zh-Hans")
    await h.say("/lang en", chat_id=GROUP)
    assert lang_of(h) == "en"
    assert len(h.rec.of("getChatMember")) == 2


async def test_lang_in_private_needs_no_check(h):
    await h.say("/lang en")
    assert h.last_text() == texts.lang_set("en", "en")
    assert h.rec.of("getChatMember") == []


async def test_lang_usage_in_a_group_says_admins_only(h):
    await h.say("/lang", chat_id=GROUP)
    assert texts.lang_group_note("zh-Hans") in h.last_text()
    assert h.rec.of("getChatMember") == []  # looking is for everyone


async def test_lang_button_in_a_group_is_for_admins(h):
    data = keyboards.encode_lang(keyboards.LANG_CODES["en"])
    await h.press(data, chat_id=GROUP, user_id=OTHER)
    [answer] = h.rec.of("answerCallbackQuery")
    assert answer["text"] == texts.lang_admins_only("zh-Hans", button=True)
    assert h.rec.of("editMessageText") == []
    assert lang_of(h) is None
    h.rec.members[(GROUP, USER)] = "administrator"
    await h.press(data, chat_id=GROUP, user_id=USER)
    assert lang_of(h) == "en"
    assert h.rec.of("editMessageText")[-1]["text"] == texts.lang_set("en", "en")


def test_admin_cache_is_bounded_and_expires():
    cache = ChatAdminCache(ttl=60, max_entries=3)
    for user in range(5):
        cache.put(GROUP, user, True, now=0)
    assert len(cache) == 3
    assert cache.get(GROUP, 0, now=1) is None  # the oldest went first
    assert cache.get(GROUP, 4, now=1) is True
    assert cache.get(GROUP, 4, now=61) is None


def test_anonymous_admin_is_the_group_itself(h):
    from telegram import Message

    def msg(sender_chat_id, from_id):
        data = h.message("/lang en", chat_id=GROUP)
        data["from"] = {"id": from_id, "is_bot": True, "first_name": "G"}
        data["sender_chat"] = {"id": sender_chat_id, "type": "supergroup", "title": "t"}
        return Message.de_json(data, h.app.bot)

    assert is_anonymous_admin(msg(GROUP, ANON))
    assert not is_anonymous_admin(msg(-100999, 777000))
    assert not is_anonymous_admin(Message.de_json(h.message("x", chat_id=GROUP), h.app.bot))


# -- 6. a replied-to message is the question's context ----------------------------------------


def human(text: str, *, user_id: int = OTHER, message_id: int = 70, **extra) -> dict:
    msg = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": GROUP, "type": "supergroup", "title": "Research office"},
        "from": {"id": user_id, "is_bot": False, "first_name": "O"},
        **extra,
    }
    if text is not None and "caption" not in extra:
        msg["text"] = text
    return msg


async def ask_in_group(h: Harness, question: str, **kw) -> dict:
    text = f"@{BOT_USERNAME} {question}"
    return await h.say(text, chat_id=GROUP, entities=mention(text), **kw)


async def test_mention_replying_to_someone_uses_the_quoted_message(h):
    await ask_in_group(h, "以色列的经费是多少？")  # the asker's own history: Israel
    plan = human("我们打算申报芬兰的项目")
    await ask_in_group(h, "这个多少钱", reply_to=plan)
    assert "6000万元" in h.last_text() and "芬" in plain(h.last_text())
    # the answer moved the asker's conversation on: a plain follow-up is about Finland now
    await ask_in_group(h, "那平均呢")
    assert "中芬" in plain(h.last_text()) and "400万元" in h.last_text()
    # and without a reply the asker's own history is the context, as before
    await ask_in_group(h, "以色列的经费是多少？")
    await ask_in_group(h, "这个多少钱")
    assert "中以" in plain(h.last_text()) and "中芬" not in plain(h.last_text())


async def test_ask_replying_to_someone_uses_the_quoted_message(h):
    await h.say("/ask 以色列的经费是多少？", chat_id=GROUP)
    await h.say("/ask 这个多少钱", chat_id=GROUP, reply_to=human("德国那个方向怎么样"))
    assert h.last_text() == answer_to("德国的经费是多少？")


async def test_quoted_context_in_english_and_with_the_askers_history(h):
    await ask_in_group(h, "以色列的经费是多少？")
    await ask_in_group(h, "这两个哪个多", reply_to=human("We plan to apply with Finland"))
    text = plain(h.last_text())
    assert "中芬" in text and "中以" in text  # "these two": the quoted one and the asker's


async def test_partial_quote_is_the_context(h):
    replied = human("德国和芬兰我们都考虑过，最后选了德国")
    quote = {"text": "最后选了德国", "position": 12}
    await ask_in_group(h, "这个多少钱", reply_to=replied, quote=quote)
    assert h.last_text() == answer_to("德国的经费是多少？")


async def test_quoted_caption_is_the_context(h):
    replied = human(None, photo=PHOTO, caption="芬兰合作的海报")
    await ask_in_group(h, "这个多少钱", reply_to=replied)
    assert "6000万元" in h.last_text()


async def test_reply_to_the_bot_keeps_the_askers_history(h):
    await ask_in_group(h, "以色列的经费是多少？")
    bot_msg = human("1.6 中芬科技合作：总金额6000万元", message_id=71)
    bot_msg["from"] = {"id": BOT_ID, "is_bot": True, "first_name": "C", "username": BOT_USERNAME}
    await h.say("那平均呢？", chat_id=GROUP, reply_to=bot_msg)
    assert "中以" in plain(h.last_text()) and "中芬" not in plain(h.last_text())


async def test_quoted_text_is_bounded_and_never_echoed(h, monkeypatch):
    seen: list[str | None] = []
    ask = h.engine.ask

    def spy(text, *a, quoted=None, **kw):
        seen.append(quoted)
        return ask(text, *a, quoted=quoted, **kw)

    monkeypatch.setattr(h.engine, "ask", spy)
    junk = "<b>芬兰</b> & <script>" + "x" * 100_000
    await ask_in_group(h, "这个多少钱", reply_to=human(junk))
    assert len(seen[-1]) == MAX_QUOTED
    sent = h.last_text()
    assert_valid_html(sent)
    assert "<script>" not in sent and "xxxxxxxx" not in sent
    assert "6000万元" in sent


async def test_edited_reply_keeps_the_quoted_context(h):
    await ask_in_group(h, "以色列的经费是多少？")
    text = f"@{BOT_USERNAME} 这个多少钱"
    msg = await h.say(
        text, chat_id=GROUP, entities=mention(text), reply_to=human("德国那个方向怎么样")
    )
    edited_text = f"@{BOT_USERNAME} 这个平均多少"
    edited = dict(msg, text=edited_text, entities=mention(edited_text), edit_date=1)
    await h.process({"edited_message": edited})
    edit = h.rec.of("editMessageText")[-1]
    assert "中德" in plain(edit["text"]) and "400万元" in edit["text"]


async def test_private_reply_to_a_forwarded_message_uses_it(h):
    await h.say("以色列的经费是多少？")
    forwarded = dict(human("德国那个方向怎么样"), chat={"id": USER, "type": "private"})
    await h.say("这个多少钱", reply_to=forwarded)
    assert h.last_text() == answer_to("德国的经费是多少？")


# -- the core, without Telegram ---------------------------------------------------------------


def test_engine_quoted_context_comes_before_the_history(knowledge):
    engine = Engine(knowledge)
    engine.ask("以色列的经费是多少？", "s")
    reply = engine.ask("这个多少钱", "s", quoted="我们打算申报芬兰的项目")
    assert reply.programs == ["intl-1.6"]
    # a quote that names nothing leaves the history in charge
    assert engine.ask("那以色列呢", "s").programs == ["intl-1.9"]
    assert engine.ask("这个多少钱", "s", quoted="今天开会吗").programs == ["intl-1.9"]
    # no context store was touched but the asker's
    assert set(engine.contexts.export()) == {"s"}
