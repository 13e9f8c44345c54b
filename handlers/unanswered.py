"""Questions the engine could not answer (or answered with low confidence), one JSON object a
line, so the knowledge can be improved where users actually get stuck."""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

from bot.understand import Understanding

logger = logging.getLogger(__name__)

MAX_TEXT = 500


class UnansweredLog:
    """An ``Engine(on_unanswered=...)`` hook appending to a JSONL file; never raises."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._warned = False

    def __call__(self, text: str, u: Understanding) -> None:
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "text": str(text)[:MAX_TEXT],
            "lang": u.lang,
            "intent": u.intent,
            "confidence": round(u.confidence, 2),
        }
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as exc:
            if not self._warned:
                self._warned = True
                logger.warning("Cannot write the unanswered-questions log %s: %s", self.path, exc)
