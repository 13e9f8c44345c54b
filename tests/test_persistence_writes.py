"""handlers.persistence.CallbotPersistence writes its JSON file once per persistence run, only
when something changed, and the data comes back on reload."""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.config import Config
from bot.engine import Engine
from handlers import persistence as persistence_module
from handlers.app import build_application, post_init
from handlers.persistence import CallbotPersistence, open_persistence
from knowledge import load_bundled
from tests.test_handlers import TOKEN, Harness, Recorder

N = 15
QUESTION = "芬兰的经费是多少？"


@pytest.fixture
def writes(monkeypatch):
    count = [0]
    write = persistence_module.write_atomic

    def counting(path, data):
        count[0] += 1
        write(path, data)

    monkeypatch.setattr(persistence_module, "write_atomic", counting)
    return count


async def run_persistence(app) -> None:
    """One persistence run as PTB's job does it, and the write it queued."""
    await app.update_persistence()
    writer = app.persistence._writer
    if writer is not None:
        await asyncio.wait_for(writer, 5)
    await asyncio.sleep(0)


def make(path, engine: Engine):
    rec = Recorder()
    persistence = open_persistence(path, engine)
    app = build_application(
        Config(token=TOKEN, persistence=str(path)),
        engine,
        request=rec,
        updater=False,
        persistence=persistence,
    )
    return app, Harness(app, rec, engine)


async def ask_all(h: Harness, chats: range) -> None:
    for chat in chats:
        await h.say(QUESTION, chat_id=chat, user_id=chat)


async def test_one_write_per_run_and_none_when_unchanged(tmp_path, engine, writes):
    path = tmp_path / "state.json"
    app, h = make(path, engine)
    assert isinstance(app.persistence, CallbotPersistence)
    chats = range(10_000, 10_000 + N)
    async with app:
        await post_init(app)
        for _ in range(2):
            await ask_all(h, chats)
            assert len(h.sent()) >= N
            writes[0] = 0
            await run_persistence(app)
            assert writes[0] == 1  # N changed chats (and users): one write of the file
        writes[0] = 0
        await run_persistence(app)
        await run_persistence(app)
        assert writes[0] == 0  # nothing changed: nothing written
        await h.say(QUESTION, chat_id=chats[0], user_id=chats[0])
        writes[0] = 0
        await run_persistence(app)
        assert writes[0] == 1  # one chat changed again
    saved = json.loads(path.read_bytes())
    assert {str(chat) for chat in chats} <= set(saved["chat_data"])
    assert len(saved["bot_data"]["contexts"]) >= N


async def test_data_survives_reload(tmp_path, knowledge, writes):
    path = tmp_path / "state.json"
    chats = range(20_000, 20_000 + 5)
    app, h = make(path, Engine(knowledge))
    async with app:
        await post_init(app)
        await ask_all(h, chats)
        await run_persistence(app)
        before = {chat: dict(app.chat_data[chat]) for chat in chats}
    assert writes[0] >= 1
    assert all(before.values())

    engine2 = Engine(load_bundled())
    reloaded = open_persistence(path, engine2)
    chat_data = await reloaded.get_chat_data()
    for chat in chats:
        assert chat_data[chat] == before[chat]
    bot_data = await reloaded.get_bot_data()
    assert len(bot_data["contexts"]) >= len(chats)  # the engine's follow-up context, as dicts
    assert all(isinstance(v, dict) for v in bot_data["contexts"].values())

    # and the application puts the follow-up context back into the new engine
    app2, _ = make(path, engine2)
    async with app2:
        await post_init(app2)
        assert "contexts" not in app2.bot_data
        assert set(app2.chat_data) >= set(chats)
        assert len(engine2.contexts.export()) >= len(chats)
