"""Issue 7, point 4: the state is JSON; an old or crafted pickle is set aside unread.

The crafted file is written as raw bytes (the GLOBAL + REDUCE opcodes that make an unpickler
call ``os.system``), so this test itself needs no pickle module."""

from __future__ import annotations

import json
import logging

from bot.engine import Engine
from handlers.app import post_init
from tests.hostile.support import crafted_pickle, persistent_app
from tests.test_handlers import USER


async def start_and_ask(path, knowledge):
    persistence, h = persistent_app(path, Engine(knowledge))
    app = h.app
    async with app:
        await post_init(app)
        chats = dict(app.chat_data)
        await h.say("/lang en")
        await h.say("芬兰的经费是多少？")
    return persistence, chats, h


async def test_crafted_pickle_at_the_old_default_is_not_loaded(tmp_path, knowledge, caplog):
    data = tmp_path / "callbot-data"
    data.mkdir()
    marker = tmp_path / "pwned"
    old = data / "state.pickle"  # the old default CALLBOT_PERSISTENCE
    old.write_bytes(crafted_pickle(marker))
    with caplog.at_level(logging.WARNING):
        persistence, chats, h = await start_and_ask(old, knowledge)
    assert not marker.exists()  # no code ran
    assert chats == {}  # a clean state
    assert "CNY 60 million" in h.last_text()  # and the bot answers
    [aside] = data.glob("state.pickle.unloaded-*")
    assert aside.read_bytes() == crafted_pickle(marker)  # kept for the admin, unread
    assert "NOT loaded" in caplog.text
    # the new state is JSON next to it
    assert persistence.path == data / "state.json"
    saved = json.loads((data / "state.json").read_bytes())
    assert saved["callbot_state"] == 1 and saved["chat_data"][str(USER)]["lang"] == "en"


async def test_old_pickle_next_to_the_json_state_is_set_aside(tmp_path, knowledge):
    marker = tmp_path / "pwned"
    (tmp_path / "state.pickle").write_bytes(crafted_pickle(marker))
    await start_and_ask(tmp_path / "state.json", knowledge)
    assert not marker.exists()
    assert not (tmp_path / "state.pickle").exists()
    assert len(list(tmp_path.glob("state.pickle.unloaded-*"))) == 1


async def test_pickle_bytes_under_a_json_name_are_not_loaded(tmp_path, knowledge):
    marker = tmp_path / "pwned"
    path = tmp_path / "state.json"
    path.write_bytes(crafted_pickle(marker))
    _, chats, _ = await start_and_ask(path, knowledge)
    assert not marker.exists() and chats == {}
    assert len(list(tmp_path.glob("state.json.unloaded-*"))) == 1


async def test_ids_come_back_as_ints(tmp_path, knowledge):
    path = tmp_path / "state.json"
    await start_and_ask(path, knowledge)
    _, chats, _ = await start_and_ask(path, knowledge)
    assert chats[USER]["lang"] == "en"
    answered = chats[USER]["answered"]
    assert answered and all(isinstance(k, int) for k in answered)
