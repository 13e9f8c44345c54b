"""Live reload of the knowledge file: notice a change, validate, swap atomically, say what changed.

A file that fails validation is never swapped in; the engine keeps answering from the old
knowledge. Every refusal, whatever its reason (invalid, unreadable, deleted, not a regular file,
too large, or an unexpected error while loading), is an outcome with problems for the admins.
The same broken file is reported once, not on every poll, and a file that is being written (its
size or time still moving) is read again on the next poll, not half-way.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine import Engine
from knowledge import KnowledgeError, Problem, bundled_path
from knowledge.diff import describe_changes
from knowledge.loader import parse_knowledge_bytes, read_knowledge_bytes

logger = logging.getLogger(__name__)


@dataclass
class ReloadOutcome:
    changed: bool  # the file differs from what was last seen
    ok: bool  # the new knowledge is in use (or nothing needed to change)
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    path: str = ""

    @property
    def failed(self) -> bool:
        return self.changed and not self.ok


# What the file was last time: its content's digest, or why it was refused. Two polls that see
# the same fingerprint report nothing new.
Fingerprint = tuple[str, str]
_StatKey = tuple[int, ...]


def _stat_key(path: Path) -> _StatKey:
    """Changes whenever the file may have changed: ctime moves on every write, rename or utime,
    so a copy that keeps the old mtime and size is still noticed."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return (-1, exc.errno or 0)
    return (st.st_dev, st.st_ino, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class KnowledgeReloader:
    """Owns the knowledge path of one engine; ``check()`` is cheap when nothing changed.

    Every read goes through ``read_knowledge_bytes`` (regular files only, size-capped), once per
    change: the bytes that are hashed are the bytes that are loaded.
    """

    def __init__(self, engine: Engine, path: str | Path | None):
        self.engine = engine
        self.path = Path(path) if path else bundled_path()
        self._lock = threading.Lock()
        self._stat = _stat_key(self.path)
        try:
            self._seen: Fingerprint | None = self._read()[0]
        except Exception:  # reported by the first check() instead
            logger.exception("Could not read %s", self.path)
            self._seen = None

    def _read(self) -> tuple[Fingerprint, bytes | None, list[Problem]]:
        try:
            raw = read_knowledge_bytes(self.path)
        except KnowledgeError as exc:
            return ("refused", "\n".join(map(str, exc.problems))), None, exc.problems
        return ("content", hashlib.sha256(raw).hexdigest()), raw, []

    def check(self, force: bool = False) -> ReloadOutcome:
        """Reload if the file changed (or ``force``); thread-safe, never raises: whatever goes
        wrong is an outcome with problems, so the admins hear about it."""
        with self._lock:
            try:
                return self._check(force)
            except Exception as exc:
                logger.exception("Loading %s failed unexpectedly", self.path)
                why = f"{type(exc).__name__}: {exc}"[:300]
                problem = Problem(str(self.path), None, "", f"could not be loaded ({why})")
                return ReloadOutcome(True, False, problems=[problem], path=str(self.path))

    def _check(self, force: bool) -> ReloadOutcome:
        unchanged = ReloadOutcome(False, True, path=str(self.path))
        stat_key = _stat_key(self.path)
        if not force and stat_key == self._stat:
            return unchanged
        self._stat = stat_key
        fingerprint, raw, problems = self._read()
        if not force and fingerprint == self._seen:
            return unchanged  # touched, same content (or refused for the same reason)
        # Remembered before loading: content that fails, even unexpectedly, is reported once.
        self._seen = fingerprint
        if raw is None:
            return ReloadOutcome(True, False, problems=problems, path=str(self.path))
        try:
            knowledge = parse_knowledge_bytes(raw, str(self.path))
        except KnowledgeError as exc:
            return ReloadOutcome(True, False, problems=exc.problems, path=str(self.path))
        changes = describe_changes(self.engine.knowledge, knowledge)
        self.engine.swap(knowledge)
        return ReloadOutcome(True, True, changes=changes, path=str(self.path))
