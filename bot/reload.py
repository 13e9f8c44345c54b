"""Live reload of the knowledge file: notice a change, validate, swap atomically, say what changed.

A file that fails validation is never swapped in; the engine keeps answering from the old
knowledge. The same broken file is reported once, not on every poll, and a file that is being
written (its size or time still moving) is read again on the next poll, not half-way.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine import Engine
from knowledge import KnowledgeError, Problem, bundled_path, load_knowledge
from knowledge.diff import describe_changes


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


class KnowledgeReloader:
    """Owns the knowledge path of one engine; ``check()`` is cheap when nothing changed."""

    def __init__(self, engine: Engine, path: str | Path | None):
        self.engine = engine
        self.path = Path(path) if path else bundled_path()
        self._lock = threading.Lock()
        self._seen = self._fingerprint()

    def _fingerprint(self) -> tuple[int, int, str] | None:
        try:
            stat = self.path.stat()
            digest = hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size, digest

    def check(self, force: bool = False) -> ReloadOutcome:
        """Reload if the file changed (or ``force``); thread-safe, never raises."""
        with self._lock:
            now = self._fingerprint()
            if not force and now == self._seen:
                return ReloadOutcome(False, True, path=str(self.path))
            if (
                not force
                and now is not None
                and self._seen is not None
                and now[2] == self._seen[2]
            ):
                self._seen = now  # touched, same content
                return ReloadOutcome(False, True, path=str(self.path))
            self._seen = now
            try:
                knowledge = load_knowledge(self.path)
            except KnowledgeError as exc:
                return ReloadOutcome(True, False, problems=exc.problems, path=str(self.path))
            changes = describe_changes(self.engine.knowledge, knowledge)
            self.engine.swap(knowledge)
            return ReloadOutcome(True, True, changes=changes, path=str(self.path))
