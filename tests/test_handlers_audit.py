"""Regression tests for what an audit of the Telegram side found, driving the handlers the way
another client would (offline: the recording request of tests/test_handlers.py)."""

from __future__ import annotations

import logging

import pytest

from handlers import texts
from tests.test_handlers import (
    BOT_ID,
    BOT_USERNAME,
    GROUP,
    USER,
    Harness,
    Recorder,
    fresh_engine,
    make_app,
    mention,
)

TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
OUR_BOT = {"id": BOT_ID, "is_bot": True, "first_name": "Callbot", "username": BOT_USERNAME}


@pytest.fixture
async def h(engine):
    rec = Recorder()
    app = make_app(engine, rec)
    async with app:
        yield Harness(app, rec, engine)


async def inline(h, query: str, *, offset: str = "", language_code: str | None = None) -> None:
    user = {"id": USER, "is_bot": False, "first_name": "U"}
    if language_code:
        user["language_code"] = language_code
    await h.process({"inline_query": {"id": "77", "query": query, "offset": offset, "from": user}})


# -- an inline query answered after Telegram gave up on it ------------------------------------


async def test_inline_query_answered_too_late_is_one_info_line_not_a_traceback(h, caplog):
    # before: BadRequest reached the error handler, which logged it at ERROR with a traceback
    h.rec.fail("answerInlineQuery", 400, TOO_OLD)
    with caplog.at_level(logging.INFO):
        await inline(h, "以色列")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "not answered in time" in caplog.text
    assert "Traceback" not in caplog.text


async def test_inline_query_other_bad_request_is_still_reported(h, caplog):
    h.rec.fail("answerInlineQuery", 400, "Bad Request: RESULT_ID_DUPLICATE")
    with caplog.at_level(logging.ERROR):
        await inline(h, "以色列")
    assert "Error while handling" in caplog.text


async def test_inline_query_for_a_later_page_gets_no_repeated_cards(h):
    # before: a client sending an offset got the same cards again (all of them fit one page)
    await inline(h, "", offset="50")
    [answer] = h.rec.of("answerInlineQuery")
    assert answer["results"] == []
    assert not answer.get("next_offset")


# -- our own inline card sent back into the chat with the bot -----------------------------------


async def test_inline_card_sent_into_the_private_chat_is_not_answered_again(h):
    # before: the card (a message "via" the bot) was read as a question and answered with the
    # same card a second time
    card = fresh_engine().ask("以色列", "x").text
    await h.say(card, via_bot=OUR_BOT)
    assert h.rec.outgoing() == []


async def test_inline_card_replying_to_the_bot_in_a_group_is_not_answered(h):
    answer = {"message_id": 7, "date": 0, "chat": {"id": GROUP, "type": "supergroup"}}
    answer["from"] = OUR_BOT
    await h.say("1.9 中以联合研究", chat_id=GROUP, via_bot=OUR_BOT, reply_to=answer)
    assert h.rec.outgoing() == []


async def test_message_via_another_bot_is_still_a_question(h):
    other = {"id": 1, "is_bot": True, "first_name": "B", "username": "other_bot"}
    await h.say("芬兰的经费是多少？", via_bot=other)
    assert "6000万元" in h.last_text()


# -- the asker's Telegram language when the text cannot tell -----------------------------------


async def test_emoji_only_message_from_a_hong_kong_user_is_answered_in_traditional(h):
    # before: English (the engine's default for text without letters)
    await h.say("👍", language_code="zh-HK")
    assert h.last_text() == fresh_engine().ask("👍", "x", lang="zh-Hant").html


async def test_shared_characters_from_a_taiwan_user_are_answered_in_traditional(h):
    # before: 以色列 (the same in both scripts) was answered in Simplified characters
    await h.say("以色列", language_code="zh-TW")
    assert h.last_text() == fresh_engine().ask("以色列", "x", lang="zh-Hant").html
    assert "資助" in h.last_text()


async def test_group_mention_with_only_emoji_follows_the_askers_language(h):
    text = f"@{BOT_USERNAME} 👍"
    await h.say(text, chat_id=GROUP, entities=mention(text), language_code="zh-hant")
    assert h.last_text() == fresh_engine().ask("👍", "x", lang="zh-Hant").html


async def test_text_that_tells_its_language_is_not_overridden(h):
    await h.say("以色列", language_code="en-US")  # Chinese characters: Chinese, as before
    assert h.last_text() == fresh_engine().ask("以色列", "x").html
    await h.say("Israel budget", user_id=USER + 1, chat_id=USER + 1, language_code="zh-TW")
    assert h.last_text() == fresh_engine().ask("Israel budget", "x").html
    await h.say("芬兰多少钱", user_id=USER + 2, chat_id=USER + 2, language_code="zh-TW")
    assert h.last_text() == fresh_engine().ask("芬兰多少钱", "x").html  # Simplified stays


async def test_a_later_turn_keeps_the_conversation_language(h):
    await h.say("Israel budget", language_code="zh-TW")
    await h.say("👍", language_code="zh-TW")
    engine = fresh_engine()
    engine.ask("Israel budget", "x")
    assert h.last_text() == engine.ask("👍", "x").html  # English, like the conversation


async def test_lang_setting_still_wins(h):
    await h.say("/lang en", language_code="zh-TW")
    await h.say("以色列", language_code="zh-TW")
    assert h.last_text() == fresh_engine().ask("以色列", "x", lang="en").html


async def test_inline_shared_characters_follow_the_askers_language_as_personal_results(h):
    await inline(h, "以色列", language_code="zh-TW")
    answer = h.rec.of("answerInlineQuery")[-1]
    assert answer["is_personal"] is True
    assert "以色列" in answer["results"][0]["title"]
    assert "資助" in answer["results"][0]["input_message_content"]["message_text"]
    await inline(h, "以色列", language_code="en")
    answer = h.rec.of("answerInlineQuery")[-1]
    assert answer["is_personal"] is False  # the shared, cached cards as before
    assert "资助" in answer["results"][0]["input_message_content"]["message_text"]


# -- an answered /ask edited into something else ------------------------------------------------


async def test_ask_edited_into_another_command_leaves_the_answer_alone(h):
    # before: "/lang en" lost its command and "en" was answered in place of the question; an
    # /ask for another bot was answered too
    q = await h.say("/ask 芬兰的经费是多少？", chat_id=GROUP)
    assert "6000万元" in h.last_text()
    h.rec.clear()
    await h.edit(q, "/lang en")
    await h.edit(q, "/ask@other_bot 德国的经费是多少？")
    await h.edit(q, "/help")
    assert h.rec.outgoing() == []
    await h.edit(q, f"/ask@{BOT_USERNAME} 德国的经费是多少？")
    [edit] = h.rec.of("editMessageText")
    assert "2000万元" in edit["text"] and "中德" in edit["text"]


async def test_ask_edited_private_still_edits_the_answer(h):
    q = await h.say("/ask 芬兰的经费是多少？")
    h.rec.clear()
    await h.edit(q, "/ask 以色列的经费是多少？")
    [edit] = h.rec.of("editMessageText")
    assert "中以" in edit["text"]
    assert texts.lang_from_code("zh-HK") == "zh-Hant"


# -- inline cards that looked the same ----------------------------------------------------------


async def test_inline_answer_about_several_directions_is_not_titled_like_the_first(h):
    # before: "韓國" listed "2.0 中國和韓國政府間聯合研究項目" twice (the answer about both
    # directions, then 2.0's own card), with the same description
    await inline(h, "韓國")
    results = h.rec.of("answerInlineQuery")[-1]["results"]
    titles = [r["title"] for r in results]
    assert len(set(titles)) == len(titles) == 3
    assert titles[0] == "2.0 中韓聯合研究 · 2.1 中韓能源技術聯合研究"
    assert all(len(t) <= 60 for t in titles)


# -- the bot's @name in a private chat ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [f"@{BOT_USERNAME} 以色列", f"以色列 @{BOT_USERNAME}", f"@{BOT_USERNAME}，以色列"],
)
async def test_private_message_with_the_bots_name_is_answered_without_it(h, text):
    # before: the @name stayed in the question and its Latin letters made 以色列 English
    await h.say(text, entities=mention(text))
    assert h.last_text() == fresh_engine().ask("以色列", "x").html


async def test_private_mention_without_entities_and_on_a_caption(h):
    await h.say(f"@{BOT_USERNAME} 以色列", entities=[])  # a client that sends no entities
    assert h.last_text() == fresh_engine().ask("以色列", "x").html
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    await h.say(None, photo=photo, caption=f"@{BOT_USERNAME} 以色列")
    assert h.last_text() == fresh_engine().ask("以色列", "x").html
    await h.say(f"/ask @{BOT_USERNAME} 以色列")
    assert h.last_text() == fresh_engine().ask("以色列", "x").html


async def test_private_edit_with_the_bots_name_is_answered_without_it(h):
    q = await h.say("芬兰的经费是多少？")
    h.rec.clear()
    text = f"@{BOT_USERNAME} 以色列"
    await h.process(
        {"edited_message": dict(q, text=text, entities=mention(text), edit_date=q["date"] + 1)}
    )
    [edit] = h.rec.of("editMessageText")
    engine = fresh_engine()
    engine.ask("芬兰的经费是多少？", "x")
    assert edit["text"] == engine.ask("以色列", "x").html


async def test_private_punctuation_only_is_still_a_question(h):
    await h.say("?")
    assert h.last_text() == fresh_engine().ask("?", "x", lang="zh-Hans").html  # not help
