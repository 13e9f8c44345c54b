"""What went unanswered: a bounded JSON-lines log and a report that groups similar questions.

Each record holds the question, its language, the time and the bot's best guesses (intent,
directions, near names); never a user or chat id. The log is trimmed to its newest part when it
grows past ``max_bytes``, so a busy bot cannot fill the disk. The log is private (0600, in a
0700 folder): it holds what people asked. Trimming rewrites it atomically, so a full disk or a
crash while trimming leaves the old log, never a truncated one.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.privatefiles import append_private, private_dir, write_atomic
from bot.understand import Understanding
from textnorm.normalize import normalize

logger = logging.getLogger(__name__)

MAX_TEXT = 300
DEFAULT_MAX_BYTES = 1_000_000
# The log is trimmed to DEFAULT_MAX_BYTES; a bigger file (an old untrimmed log, a wrong --log) is
# read from its newest end only, so `callbot report` and /unanswered stay bounded.
MAX_READ_BYTES = 2 * DEFAULT_MAX_BYTES
DEFAULT_LOG = Path("callbot-data") / "unanswered.jsonl"


class UnansweredLog:
    """An ``Engine(on_unanswered=...)`` hook; appends one line per question and never raises."""

    def __init__(self, path: str | Path = DEFAULT_LOG, max_bytes: int = DEFAULT_MAX_BYTES):
        self.path = Path(path)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._warned = False

    def __call__(self, text: str, u: Understanding) -> None:
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "text": " ".join(str(text).split())[:MAX_TEXT],
            "lang": u.lang,
            "intent": u.intent,
            "confidence": round(u.confidence, 2),
            "programs": u.programs[:5],
            "guesses": [m.id for m in sorted(u.near, key=lambda m: -m.score)[:3]],
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        try:
            with self._lock:
                private_dir(self.path.parent)
                append_private(self.path, line.encode("utf-8"))
                if self.path.stat().st_size > self.max_bytes:
                    self._trim()
        except OSError as exc:
            if not self._warned:  # say it once; the bot keeps answering either way
                self._warned = True
                logger.warning("cannot write the unanswered log %s: %s", self.path, exc)
            return
        if self._warned:
            self._warned = False
            logger.info("the unanswered log %s is written again", self.path)

    def _trim(self) -> None:
        """Keep the newest half of the file, cut at a line boundary, replaced atomically."""
        data = self.path.read_bytes()
        keep = data[len(data) - self.max_bytes // 2 :]
        cut = keep.find(b"\n")
        keep = keep[cut + 1 :] if cut >= 0 else b""
        write_atomic(self.path, keep)


def _newest_bytes(path: str | Path, limit: int) -> bytes:
    """At most the last ``limit`` bytes of a regular file, from a line boundary on. A FIFO or a
    device is refused before it is read (a FIFO blocks, /dev/zero never ends): OSError."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        start = max(0, info.st_size - limit)
        os.lseek(fd, start, os.SEEK_SET)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit)
    finally:
        os.close(fd)
    if start:  # the first line is cut
        data = data[data.find(b"\n") + 1 :] if b"\n" in data else b""
    return data


def read_records(path: str | Path, limit: int = MAX_READ_BYTES) -> list[dict]:
    """The records of the log's newest ``limit`` bytes (a missing log: none). Raises OSError
    for a path that is not a readable regular file."""
    try:
        data = _newest_bytes(path, limit)
    except FileNotFoundError:
        return []
    records = []
    for line in data.split(b"\n"):  # not splitlines(): a question may hold U+2028
        try:
            rec = json.loads(line.decode("utf-8", errors="replace"))
        except (ValueError, RecursionError):
            continue  # a torn line from a crash is skipped, not fatal
        if isinstance(rec, dict) and isinstance(rec.get("text"), str):
            records.append(rec)
    return records


@dataclass
class Group:
    example: str
    count: int = 0
    texts: list[str] = field(default_factory=list)
    langs: dict[str, int] = field(default_factory=dict)
    guesses: dict[str, int] = field(default_factory=dict)
    last: str = ""


def group_questions(records: Iterable[dict], threshold: float = 80.0) -> list[Group]:
    """Cluster near-identical questions (character-level similarity of the normalised text,
    digits left out so "项目1" and "项目2" do not look alike only through numbers)."""
    groups: list[Group] = []
    keys: list[str] = []
    for rec in records:
        text = rec["text"]
        key = "".join(c for c in normalize(text) if not c.isdigit()) or text
        hit = (
            process.extractOne(
                key, keys, scorer=fuzz.ratio, processor=None, score_cutoff=threshold
            )
            if keys
            else None
        )
        if hit:
            g = groups[hit[2]]
        else:
            g = Group(example=text)
            groups.append(g)
            keys.append(key)
        g.count += 1
        if text not in g.texts and len(g.texts) < 5:
            g.texts.append(text)
        lang = rec.get("lang", "?")
        g.langs[lang] = g.langs.get(lang, 0) + 1
        for guess in rec.get("guesses") or []:
            g.guesses[guess] = g.guesses.get(guess, 0) + 1
        g.last = max(g.last, rec.get("time", ""))
    groups.sort(key=lambda g: (-g.count, g.example))
    return groups


def format_report(groups: list[Group], top: int = 20) -> str:
    if not groups:
        return "No unanswered questions logged."
    total = sum(g.count for g in groups)
    lines = [f"{total} unanswered question(s) in {len(groups)} group(s); most frequent first:"]
    for n, g in enumerate(groups[:top], 1):
        langs = ", ".join(f"{k}:{v}" for k, v in sorted(g.langs.items()))
        lines.append(f"{n:>3}. ×{g.count}  {g.example}  [{langs}; last {g.last}]")
        for other in g.texts[1:]:
            lines.append(f"       ~ {other}")
        if g.guesses:
            best = ", ".join(k for k, _ in sorted(g.guesses.items(), key=lambda kv: -kv[1])[:3])
            lines.append(f"       closest names: {best} (add an alias if that was meant)")
    return "\n".join(lines)


def main(log: str | None, top: int = 20) -> int:
    """``callbot report``: the most frequent unanswered questions, grouped."""
    from bot.config import Config

    path = Path(log or Config.from_env().unanswered_log or DEFAULT_LOG)
    try:
        records = read_records(path)
    except OSError as exc:
        print(f"callbot report: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(format_report(group_questions(records), top))
    return 0
