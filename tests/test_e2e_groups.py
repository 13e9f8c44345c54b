"""End to end against the fake Bot API (issue 9 points 4-6): in a group, /help explains how to
ask there, /lang is refused to a member and applied for an admin (getChatMember over real HTTP),
a photo caption that mentions the bot is answered, and "@bot 这个多少钱" replying to someone's
message is about what that message names."""

from __future__ import annotations

import time

from bot.engine import Engine
from tests.test_e2e_telegram import GROUP, TOKEN, USER, polling

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi

ADMIN_MEMBER = 4343
COLLEAGUE = 4444


async def test_group_help_lang_admins_captions_and_quoted_context(knowledge):
    with FakeBotApi(token=TOKEN) as server:
        async with polling(server, Engine(knowledge)):
            at = f"@{server.username}"

            def say(user: int, text: str, **kw) -> dict:
                return server.push_message(
                    GROUP, user, text, chat_type="supergroup", chat_title="Office", **kw
                )

            say(USER, "/help", language_code="en")
            [help_] = await server.wait_for_sent_async(chat_id=GROUP, count=1, timeout=8)
            assert "/ask " in help_.text and f"{at} " in help_.text

            say(USER, "/lang en")  # a member: refused
            server.set_chat_member(GROUP, ADMIN_MEMBER, "administrator")
            say(ADMIN_MEMBER, "/lang en")
            sent = await server.wait_for_sent_async(chat_id=GROUP, count=3, timeout=8)
            assert "only its administrators" in sent[1].text
            assert sent[2].text.startswith("OK, I will answer in English")
            asked = {int(c["user_id"]) for c in server.calls_of("getChatMember")}
            assert asked == {USER, ADMIN_MEMBER}

            caption = f"{at} 芬兰的经费是多少？"
            server.push_update(
                {
                    "message": {
                        "message_id": 900,
                        "date": int(time.time()),
                        "chat": {"id": GROUP, "type": "supergroup", "title": "Office"},
                        "from": {"id": USER, "is_bot": False, "first_name": "U"},
                        "photo": [
                            {"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}
                        ],
                        "caption": caption,
                        "caption_entities": [{"type": "mention", "offset": 0, "length": len(at)}],
                    }
                }
            )
            sent = await server.wait_for_sent_async(chat_id=GROUP, count=4, timeout=8)
            assert "CNY 60 million" in sent[3].text  # the group's language is English now

            # the asker's own history is Finland (the caption); the replied-to message names
            # Germany
            plan = say(COLLEAGUE, "我们打算申报德国的项目")
            q = say(USER, f"{at} 这个多少钱", reply_to_message_id=plan["message_id"])
            sent = await server.wait_for_sent_async(chat_id=GROUP, count=5, timeout=8)
            assert sent[4].reply_to == q["message_id"]
            assert "Germany" in sent[4].text and "CNY 20 million" in sent[4].text
            assert not server.errors, server.errors
