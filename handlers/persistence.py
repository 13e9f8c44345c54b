"""Per-chat settings and follow-up context across restarts (PTB's PicklePersistence).

A persistence file that cannot be read is logged and moved aside (``state.pickle.corrupt-<time>``)
so the bot starts with a clean state instead of not starting. The engine's conversation memory
is saved in ``bot_data["contexts"]`` as plain dicts (not pickled classes, so a changed ``Turn``
never makes the file unreadable) and put back when the application starts.
"""

from __future__ import annotations

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
    """PicklePersistence that also saves the engine's follow-up context in bot_data."""

    def __init__(self, filepath: str | Path, engine: Engine, **kwargs: Any):
        super().__init__(filepath, **kwargs)
        self.engine = engine

    async def update_bot_data(self, data: dict) -> None:
        data = dict(data)
        data[CONTEXTS_KEY] = export_contexts(self.engine)
        await super().update_bot_data(data)


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
