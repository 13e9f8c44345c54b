"""Per-chat settings and follow-up context across restarts, as JSON (PTB's BasePersistence).

The state file is JSON, never pickle: loading it cannot run code. Its first key is a marker,
``{"callbot_state": 1, ...}``, so that a file can be told apart:

* missing: a clean start;
* ours and readable: loaded (chat and user ids back to int: JSON keys are strings);
* ours but damaged (a hand edit, a disk fault) or empty: moved aside
  (``state.json.corrupt-<time>``) and a clean start, as the bot must start;
* not ours (the knowledge YAML, any other file, a folder): refused with ``StateFileError``, so
  the bot does not start rather than rename and overwrite somebody's file;
* an old pickle state (``state.pickle`` next to it, or CALLBOT_PERSISTENCE naming one): moved
  aside (``*.unloaded-<time>``) WITHOUT being read; unpickling a crafted file runs any command.

The file is written once per persistence run (every ``update_interval`` seconds, when anything
changed) and at shutdown, atomically (``bot.privatefiles.write_atomic``: temp file, fsync,
rename), 0600. A failed write (full disk, I/O error) keeps the old file, is logged once, and is
tried again at the next run; the bot keeps answering. The engine's conversation memory is saved
in ``bot_data["contexts"]`` as plain dicts and put back by ``restore_contexts``.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import dataclasses
import json
import logging
import stat
import time
from pathlib import Path
from typing import Any

from telegram.ext import Application, BasePersistence, PersistenceInput

from bot.context import Turn
from bot.engine import Engine
from bot.privatefiles import make_private, private_dir, write_atomic
from handlers.send import ANSWERED_KEY

logger = logging.getLogger(__name__)

MARKER = "callbot_state"
VERSION = 1
CONTEXTS_KEY = "contexts"
MAX_STATE_BYTES = 256 * 1024 * 1024  # 10,000 busy chats are a few MB
_PREFIX = b'{"' + MARKER.encode() + b'"'
_PICKLE_SUFFIXES = (".pickle", ".pkl")
# Every pickle since protocol 2 starts with the PROTO opcode and its protocol (2-5) and ends with
# STOP ("."); both ends are checked, so that somebody's binary file is refused, not moved aside.
_PICKLE_PROTOCOLS = range(2, 6)
_PICKLE_STOP = b"."


class StateFileError(Exception):
    """CALLBOT_PERSISTENCE names something that is not a callbot state: the bot must not start."""


class DamagedState(Exception):
    """A callbot state file that cannot be read: set aside, clean start."""


@dataclasses.dataclass
class State:
    user_data: dict[int, dict] = dataclasses.field(default_factory=dict)
    chat_data: dict[int, dict] = dataclasses.field(default_factory=dict)
    bot_data: dict = dataclasses.field(default_factory=dict)


# -- the file format --------------------------------------------------------------------------


def encode(state: State) -> bytes:
    """The file's bytes; the marker comes first so that even a torn file is recognisably ours.
    Raises TypeError/ValueError for data JSON cannot hold."""
    doc = {
        MARKER: VERSION,
        "saved": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "user_data": {str(k): v for k, v in state.user_data.items()},
        "chat_data": {str(k): v for k, v in state.chat_data.items()},
        "bot_data": state.bot_data,
    }
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def _encode_and_write(path: Path, state: State) -> None:
    write_atomic(path, encode(state))


def _int(key: str) -> int | None:
    try:
        return int(key)
    except (TypeError, ValueError):
        return None


def _per_id(raw: Any, what: str) -> dict[int, dict]:
    if not isinstance(raw, dict):
        raise DamagedState(f"{what} is not an object")
    out: dict[int, dict] = {}
    for key, value in raw.items():
        ident = _int(key)
        if ident is None or not isinstance(value, dict):
            raise DamagedState(f"{what} has an entry {str(key)[:40]!r} that is not an id")
        out[ident] = value
    return out


def _answered(raw: Any) -> dict[int, list[int]]:
    """chat_data["answered"]: question message id -> the bot's reply ids (ints again)."""
    out: dict[int, list[int]] = {}
    if isinstance(raw, dict):
        for key, ids in raw.items():
            question = _int(key)
            if question is not None and isinstance(ids, list):
                out[question] = [i for i in ids if isinstance(i, int)]
    return out


def decode(data: bytes) -> State:
    """A state from the file's bytes (the caller knows it carries our marker)."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise DamagedState(f"not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(doc, dict) or MARKER not in doc:
        raise DamagedState("no callbot_state marker")
    if doc[MARKER] != VERSION:
        raise StateFileError(f"version {doc[MARKER]!r} of the state format is not known")
    chat_data = _per_id(doc.get("chat_data", {}), "chat_data")
    for data_of_chat in chat_data.values():
        if ANSWERED_KEY in data_of_chat:
            data_of_chat[ANSWERED_KEY] = _answered(data_of_chat[ANSWERED_KEY])
    bot_data = doc.get("bot_data", {})
    if not isinstance(bot_data, dict):
        raise DamagedState("bot_data is not an object")
    return State(_per_id(doc.get("user_data", {}), "user_data"), chat_data, bot_data)


# -- opening: classify what is at the path ----------------------------------------------------


def _aside(path: Path, tag: str) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{tag}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
    path.replace(target)
    make_private(target)  # it holds what users asked, whatever else is wrong with it
    return target


def set_aside(path: Path, problem: str) -> Path:
    target = _aside(path, "corrupt")
    logger.error(
        "The state file %s cannot be read (%s); moved it to %s and starting with a clean state.",
        path,
        problem,
        target.name,
    )
    return target


def set_aside_pickle(path: Path) -> Path:
    """Move an old pickle state out of the way without opening it."""
    target = _aside(path, "unloaded")
    logger.warning(
        "Found an old pickle state file %s: it is NOT loaded (unpickling can run code); moved it"
        " to %s. Chat settings start fresh.",
        path,
        target.name,
    )
    return target


def _looks_like_pickle(path: Path) -> bool:
    if path.suffix.lower() in _PICKLE_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(2)
            fh.seek(-1, 2)
            last = fh.read(1)
    except OSError:
        return False
    return (
        len(head) == 2
        and head[0] == 0x80
        and head[1] in _PICKLE_PROTOCOLS
        and last == _PICKLE_STOP
    )


def read_state(path: Path) -> State:
    """The state at ``path`` (missing: empty). Raises StateFileError for a path that is not a
    callbot state, DamagedState for one of ours that cannot be read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return State()
    if not stat.S_ISREG(info.st_mode):
        raise StateFileError(f"{path} is not a regular file")
    if info.st_size == 0:
        # nothing in it to lose, and the bot must start (a disk fault, a `touch`): set aside
        raise DamagedState("empty file")
    with path.open("rb") as fh:
        head = fh.read(len(_PREFIX) + 64).lstrip()
        if not head.startswith(_PREFIX):
            raise StateFileError(
                f"{path} is not a callbot state file (no callbot_state marker); refusing to"
                " overwrite it: point CALLBOT_PERSISTENCE at a new file"
            )
        if info.st_size > MAX_STATE_BYTES:
            raise DamagedState(f"{info.st_size} bytes, over the {MAX_STATE_BYTES} limit")
        fh.seek(0)
        data = fh.read(MAX_STATE_BYTES + 1)
    try:
        return decode(data)
    except StateFileError as exc:
        raise StateFileError(f"{path}: {exc}; refusing to overwrite it") from None


def _remove_leftovers(path: Path) -> None:
    """Temporary files of a writer that was killed mid-write (never the state itself)."""
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()


def open_persistence(
    path: str | Path, engine: Engine, update_interval: float = 30
) -> CallbotPersistence:
    """The persistence for CALLBOT_PERSISTENCE: private folder, old pickles set aside unread, a
    damaged state set aside; raises StateFileError when ``path`` is somebody else's file (and
    OSError when the folder or file cannot be used at all)."""
    path = Path(path)
    if path.suffix.lower() in _PICKLE_SUFFIXES:
        # the old default (state.pickle): the JSON state lives next to it
        if path.exists():
            set_aside_pickle(path)
        path = path.with_suffix(".json")
    private_dir(path.parent)
    for legacy in (path.with_suffix(s) for s in _PICKLE_SUFFIXES):
        if legacy != path and legacy.exists():
            set_aside_pickle(legacy)
    if path.is_file() and _looks_like_pickle(path):
        set_aside_pickle(path)
    _remove_leftovers(path)
    try:
        state = read_state(path)
    except DamagedState as exc:
        set_aside(path, str(exc))
        state = State()
    make_private(path)
    return CallbotPersistence(path, engine, state=state, update_interval=update_interval)


# -- PTB's persistence interface --------------------------------------------------------------


class CallbotPersistence(BasePersistence):
    """JSON persistence of chat, user and bot data (no callback data, no conversations: the bot
    has neither). The data is kept in memory; ``_changed()`` schedules one write of the file
    after all the changes of a persistence run."""

    def __init__(
        self,
        path: str | Path,
        engine: Engine,
        state: State | None = None,
        update_interval: float = 30,
    ):
        super().__init__(
            store_data=PersistenceInput(callback_data=False), update_interval=update_interval
        )
        self.path = Path(path)
        self.engine = engine
        state = state or State()
        self.user_data: dict[int, dict] = state.user_data
        self.chat_data: dict[int, dict] = state.chat_data
        self.bot_data: dict = state.bot_data
        self.writes = 0  # files written (tests count them)
        self._dirty = False
        self._failing = False
        self._writer: asyncio.Task | None = None
        self._lock = asyncio.Lock()

    # reading: PTB keeps its own copies
    async def get_user_data(self) -> dict[int, dict]:
        return copy.deepcopy(self.user_data)

    async def get_chat_data(self) -> dict[int, dict]:
        return copy.deepcopy(self.chat_data)

    async def get_bot_data(self) -> dict:
        return copy.deepcopy(self.bot_data)

    async def get_callback_data(self) -> None:
        return None

    async def get_conversations(self, name: str) -> dict:
        return {}

    # updates: PTB hands over deep copies; equal data is no change
    async def update_user_data(self, user_id: int, data: dict) -> None:
        if self.user_data.get(user_id) != data:
            self.user_data[user_id] = data
            self._changed()

    async def update_chat_data(self, chat_id: int, data: dict) -> None:
        if self.chat_data.get(chat_id) != data:
            self.chat_data[chat_id] = data
            self._changed()

    async def update_bot_data(self, data: dict) -> None:
        data = dict(data)
        data[CONTEXTS_KEY] = export_contexts(self.engine)
        if self.bot_data != data:
            self.bot_data = data
            self._changed()

    async def update_callback_data(self, data: Any) -> None:
        pass

    async def update_conversation(self, name: str, key: Any, new_state: object | None) -> None:
        pass

    async def drop_chat_data(self, chat_id: int) -> None:
        if self.chat_data.pop(chat_id, None) is not None:
            self._changed()

    async def drop_user_data(self, user_id: int) -> None:
        if self.user_data.pop(user_id, None) is not None:
            self._changed()

    async def refresh_user_data(self, user_id: int, user_data: dict) -> None:
        pass

    async def refresh_chat_data(self, chat_id: int, chat_data: dict) -> None:
        pass

    async def refresh_bot_data(self, bot_data: dict) -> None:
        pass

    # writing
    def _changed(self) -> None:
        """Something to save. PTB hands over all the changes of a run at once (one
        ``asyncio.gather``); the write is a task queued behind them, so it sees them all."""
        self._dirty = True
        if self._writer is None or self._writer.done():
            self._writer = asyncio.get_running_loop().create_task(self._write_while_dirty())

    async def _write_while_dirty(self) -> None:
        while self._dirty:
            if not await self.save():
                break  # the next persistence run tries again

    async def flush(self) -> None:
        """At shutdown: write what is not written yet."""
        if self._writer is not None and not self._writer.done():
            await self._writer
        if self._dirty or not self.path.exists():
            await self.save()

    async def save(self) -> bool:
        """Write the file once; False (old file kept, logged once) when that failed."""
        async with self._lock:
            self._dirty = False
            # The snapshot is taken here, in the event loop. Entries are only ever replaced by
            # new objects (PTB hands over deep copies), never changed in place, so shallow
            # copies are enough and the thread can encode (a second for 30 MB) off the loop.
            snapshot = State(dict(self.user_data), dict(self.chat_data), self.bot_data)
            try:
                await asyncio.to_thread(_encode_and_write, self.path, snapshot)
            except (TypeError, ValueError) as exc:
                self._failed(f"data that JSON cannot hold ({exc})")
                return False
            except OSError as exc:
                self._dirty = True  # try again at the next run
                self._failed(exc.strerror or str(exc))
                return False
            self.writes += 1
            if self._failing:
                self._failing = False
                logger.warning("The state file %s is written again", self.path)
            return True

    def _failed(self, why: str) -> None:
        if not self._failing:  # once per failing stretch: a full disk must not flood the log
            self._failing = True
            logger.warning(
                "Cannot write the state file %s (%s); the previous one is kept and the bot"
                " keeps answering",
                self.path,
                why,
            )


# -- the engine's follow-up context -----------------------------------------------------------


def _key_text(key: Any) -> str | None:
    """A context key (a tuple like ("tg", chat, user)) as a JSON object key."""
    parts = list(key) if isinstance(key, tuple) else [key]
    if not all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in parts):
        return None
    return json.dumps(parts, separators=(",", ":"))


def _key_from_text(text: str) -> Any:
    try:
        parts = json.loads(text)
    except ValueError:
        return None
    if not isinstance(parts, list) or not all(isinstance(p, (str, int)) for p in parts):
        return None
    return tuple(parts) if len(parts) != 1 else parts[0]


def export_contexts(engine: Engine) -> dict:
    out = {}
    for key, turn in engine.contexts.export().items():
        if isinstance(key, tuple) and key and key[0] == "inline":
            continue
        text = _key_text(key)
        if text is not None:
            out[text] = dataclasses.asdict(turn)
    return out


def _tuples(value: Any, depth: int = 8) -> Any:
    """JSON lists back to the tuples ``Turn`` holds (every sequence field of ``Turn`` is a
    tuple, some nested); the depth bounds what a hand-edited file can make us walk."""
    if not isinstance(value, list) or depth <= 0:
        return value
    return tuple(_tuples(v, depth - 1) for v in value)


def restore_contexts(application: Application, engine: Engine) -> int:
    """Put the saved follow-up context back into the engine (``ContextStore.load``: oldest
    first, expired ones skipped); returns how many were restored."""
    saved = application.bot_data.pop(CONTEXTS_KEY, None)
    if not isinstance(saved, dict):
        return 0
    names = {f.name for f in dataclasses.fields(Turn)}
    snapshot = {}
    for text, fields in saved.items():
        key = _key_from_text(text) if isinstance(text, str) else None
        if key is None or not isinstance(fields, dict):
            continue
        values = {k: _tuples(v) for k, v in fields.items() if k in names}
        try:
            turn = Turn(**values)
            hash(turn)  # a list where a tuple belongs would break the store later
        except (TypeError, AttributeError):
            continue
        if isinstance(turn.at, (int, float)) and not isinstance(turn.at, bool):
            snapshot[key] = turn
    return engine.contexts.load(snapshot)
