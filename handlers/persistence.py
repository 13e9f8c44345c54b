"""Per-chat settings and follow-up context across restarts (PTB's PicklePersistence).

A persistence file that cannot be read is logged and moved aside (``state.pickle.corrupt-<time>``)
so the bot starts with a clean state instead of not starting. The engine's conversation memory
is saved in ``bot_data["contexts"]`` as plain dicts (not pickled classes, so a changed ``Turn``
never makes the file unreadable) and put back when the application starts.

The file is written once per persistence run (every ``update_interval`` seconds, when anything
changed) and at shutdown. PTB's PicklePersistence on its own rewrites the whole file for every
chat and every user whose data changed in the interval: with N active chats, 2N full writes of
a file that grows with N.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import pickle
import time
from pathlib import Path
from typing import Any

from telegram.ext import Application, PicklePersistence

from bot.context import Turn
from bot.engine import Engine

logger = logging.getLogger(__name__)

CONTEXTS_KEY = "contexts"
_SINGLE_FILE_KEYS = ("user_data", "chat_data", "conversations")


class _LenientUnpickler(pickle.Unpickler):
    """Reads a PTB pickle without a bot (PTB replaces bots by persistent ids)."""

    def persistent_load(self, pid: Any) -> None:
        return None


def check_file(path: Path) -> str | None:
    """None when ``path`` is missing or a readable PTB single-file pickle; else the problem."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as fh:
            data = _LenientUnpickler(fh).load()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    if not isinstance(data, dict) or not all(k in data for k in _SINGLE_FILE_KEYS):
        return "not a callbot state file"
    if not all(isinstance(data.get(k, {}), dict) for k in ("user_data", "chat_data", "bot_data")):
        return "unexpected structure"
    return None


def set_aside(path: Path, problem: str) -> Path:
    target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
    path.replace(target)
    logger.error(
        "The state file %s cannot be read (%s); moved it to %s and starting with a clean state.",
        path,
        problem,
        target.name,
    )
    return target


class CallbotPersistence(PicklePersistence):
    """PicklePersistence that also saves the engine's follow-up context in bot_data, and writes
    its file once for all the changes of a persistence run instead of once per change."""

    def __init__(self, filepath: str | Path, engine: Engine, **kwargs: Any):
        kwargs["on_flush"] = True  # PTB writes nothing per change; _changed() schedules a write
        super().__init__(filepath, **kwargs)
        self.engine = engine
        self._dirty = False
        self._writer: asyncio.Task | None = None

    def _changed(self) -> None:
        """Something to save. PTB hands over all the changes of a run at once (one
        ``asyncio.gather``); the write is a task queued behind them, so it sees them all."""
        self._dirty = True
        if self._writer is None or self._writer.done():
            self._writer = asyncio.get_running_loop().create_task(self._write())

    async def _write(self) -> None:
        if self._dirty:
            await self.flush()

    async def flush(self) -> None:
        self._dirty = False
        await super().flush()

    # PicklePersistence keeps the new data only when it differs from what it has (PTB passes
    # a fresh deep copy each time), so "stored this very object" means "changed".
    async def update_bot_data(self, data: dict) -> None:
        data = dict(data)
        data[CONTEXTS_KEY] = export_contexts(self.engine)
        await super().update_bot_data(data)
        if self.bot_data is data:
            self._changed()

    async def update_chat_data(self, chat_id: int, data: dict) -> None:
        await super().update_chat_data(chat_id, data)
        if self.chat_data is not None and self.chat_data.get(chat_id) is data:
            self._changed()

    async def update_user_data(self, user_id: int, data: dict) -> None:
        await super().update_user_data(user_id, data)
        if self.user_data is not None and self.user_data.get(user_id) is data:
            self._changed()

    async def drop_chat_data(self, chat_id: int) -> None:
        had = self.chat_data is not None and chat_id in self.chat_data
        await super().drop_chat_data(chat_id)
        if had:
            self._changed()

    async def drop_user_data(self, user_id: int) -> None:
        had = self.user_data is not None and user_id in self.user_data
        await super().drop_user_data(user_id)
        if had:
            self._changed()

    async def update_callback_data(self, data: Any) -> None:
        await super().update_callback_data(data)
        if self.callback_data is data:
            self._changed()

    async def update_conversation(self, name: str, key: Any, new_state: object | None) -> None:
        await super().update_conversation(name, key, new_state)
        self._changed()


def open_persistence(path: str | Path, engine: Engine) -> CallbotPersistence:
    """The persistence at ``path``: folder created, an unreadable file moved aside."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    problem = check_file(path)
    if problem is not None:
        set_aside(path, problem)
    return CallbotPersistence(path, engine, update_interval=30)


def export_contexts(engine: Engine) -> dict:
    return {
        key: dataclasses.asdict(turn)
        for key, turn in engine.contexts.export().items()
        if not (isinstance(key, tuple) and key and key[0] == "inline")
    }


def restore_contexts(application: Application, engine: Engine) -> int:
    """Put the saved follow-up context back into the engine (``ContextStore.load``: oldest
    first, expired ones skipped); returns how many were restored."""
    saved = application.bot_data.pop(CONTEXTS_KEY, None)
    if not isinstance(saved, dict):
        return 0
    names = {f.name for f in dataclasses.fields(Turn)}
    snapshot = {}
    for key, fields in saved.items():
        try:
            turn = Turn(**{k: v for k, v in fields.items() if k in names})
        except (TypeError, AttributeError):
            continue
        if isinstance(turn.at, (int, float)) and not isinstance(turn.at, bool):
            snapshot[key] = turn
    return engine.contexts.load(snapshot)
