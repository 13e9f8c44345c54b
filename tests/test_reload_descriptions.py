"""A reload that puts another year's file in use rewrites the bot's Telegram description and short
description at once (before, they named the 2023 calls until a restart); a refused file leaves
them alone."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.engine import Engine
from handlers.watcher import poll_once
from tests.test_handlers import ADMIN, admin_harness, edited_knowledge

FILE_2024 = Path(__file__).parent / "data" / "knowledge_2024.yaml"


def descriptions(rec) -> list[str]:
    return [p["description"] for m, p in rec.calls if m == "setMyDescription"]


async def test_a_reload_of_another_years_file_rewrites_the_descriptions(tmp_path, knowledge):
    path = edited_knowledge(tmp_path, lambda text: text)
    app, h = await admin_harness(Engine(knowledge), path)
    async with app:
        shutil.copy(FILE_2024, path)
        await h.say("/reload", chat_id=ADMIN, user_id=ADMIN)
        new = descriptions(h.rec)
        assert new and all("2024" in d for d in new), new
        assert any(m == "setMyShortDescription" for m, _ in h.rec.calls)


async def test_the_watcher_rewrites_them_too_and_a_refused_file_does_not(tmp_path, knowledge):
    path = edited_knowledge(tmp_path, lambda text: text)
    app, h = await admin_harness(Engine(knowledge), path)
    async with app:
        await poll_once(app)  # the first look at the file
        path.write_text("calls: [oops", encoding="utf-8")
        outcome = await poll_once(app)
        assert outcome.failed and descriptions(h.rec) == []
        shutil.copy(FILE_2024, path)
        outcome = await poll_once(app)
        assert outcome.ok and outcome.changed
        assert descriptions(h.rec) and all("2024" in d for d in descriptions(h.rec))
