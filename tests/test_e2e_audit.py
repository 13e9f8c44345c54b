"""The real process (``python -m bot run``) against the fake Bot API, fed updates another client
sends and our other tests did not: a forum topic, our own inline card sent back to the bot, an
emoji from a Hong Kong user, an inline query answered too late, an /ask edited into /lang.
Every reply must be accepted by the (strict) fake server, and the log must hold no ERROR."""

from __future__ import annotations

import copy
import time

import pytest

from tests.test_e2e_telegram import TOKEN, USER, _errors, _start, _stop

try:
    from tests.fakebotapi import FakeBotApi, utf16_len
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi, utf16_len

FORUM = -100424242
TOPIC = 55


def _queue(server, chat: dict, text: str, **fields) -> dict:
    """A message from USER in ``chat`` with extra fields (what push_message cannot set),
    stored so that replies to it resolve, and queued as an update."""
    with server._cond:
        server._ensure_chat(chat["id"], chat["type"], chat.get("title"), None, None, None)
        user = server._ensure_user(USER, "U", None, None, "en")
        msg = {
            "message_id": server._new_message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": copy.deepcopy(user),
            "text": text,
            **fields,
        }
        server._messages[(chat["id"], msg["message_id"])] = msg
        server._enqueue({"message": copy.deepcopy(msg)})
        return copy.deepcopy(msg)


def _forum_question(server, question: str) -> dict:
    """A question mentioning the bot in topic TOPIC of a forum supergroup, as Telegram sends
    it (message_thread_id and is_topic_message)."""
    bot = f"@{server.username}"
    text = f"{bot} {question}"
    chat = {"id": FORUM, "type": "supergroup", "title": "Office", "is_forum": True}
    mention = {"type": "mention", "offset": 0, "length": utf16_len(bot)}
    return _queue(
        server, chat, text, entities=[mention], message_thread_id=TOPIC, is_topic_message=True
    )


@pytest.fixture
def server():
    with FakeBotApi(token=TOKEN) as fake:
        yield fake


def test_process_with_updates_of_another_client(server, tmp_path):
    proc = _start(tmp_path, server, CALLBOT_GROUP_RATE="6000")
    try:
        assert server.wait_for(lambda: server.calls_of("getUpdates"), timeout=20)
        hk, tw = USER + 1, USER + 2

        # a forum topic: the answer stays in the topic
        q = _forum_question(server, "芬兰的经费是多少？")
        [answer] = server.wait_for_sent(chat_id=FORUM, count=1, timeout=10)
        assert answer.params.get("message_thread_id") == TOPIC
        assert answer.reply_to == q["message_id"] and "6000万元" in answer.text

        # emoji only / shared characters: the asker's Telegram language
        server.push_message(hk, hk, "👍", language_code="zh-HK")
        server.push_message(tw, tw, "以色列", language_code="zh-TW")
        [emoji] = server.wait_for_sent(chat_id=hk, count=1, timeout=10)
        [israel] = server.wait_for_sent(chat_id=tw, count=1, timeout=10)
        assert "這個問題" in emoji.text  # Traditional, not the English fallback
        assert "資助" in israel.text and "2000萬元" in israel.text

        # our own inline card sent into the private chat: not a question
        private = {"id": USER, "type": "private", "first_name": "U"}
        _queue(server, private, israel.text, via_bot=copy.deepcopy(server.bot_user))
        # an /ask edited into /lang: the answer is left alone
        ask = server.push_message(USER, USER, "/ask 德国的经费是多少？", language_code="en")
        [german] = server.wait_for_sent(chat_id=USER, count=1, timeout=10)
        assert "中德" in german.text
        server.push_edited_message(USER, ask["message_id"], "/lang en")

        # an inline query answered after Telegram gave up on it: one INFO line
        server.set_query_expiry(0.0, None)
        server.push_inline_query(USER, "德国")
        assert server.wait_for(lambda: server.calls_of("answerInlineQuery"), timeout=10)
        server.push_message(USER, USER, "以色列的经费是多少？", language_code="en")
        sent = server.wait_for_sent(chat_id=USER, count=2, timeout=10)
    finally:
        code, err = _stop(proc)
    assert code == 0, err[-2000:]
    assert "中以" in sent[-1].text
    assert len(server.sent(USER)) == 2  # nothing for the card, nothing for the edit
    assert not server.edits(USER)
    assert [e.method for e in server.errors] == ["answerInlineQuery"], server.errors
    assert " ERROR " not in err and "Traceback" not in err, _errors(err)
    assert "not answered in time" in err
