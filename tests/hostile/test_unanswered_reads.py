"""Audit of issue 7, point 10 (every input bounded), for the unanswered log: `callbot report
--log` and /unanswered read it whole. Found in the audit: `callbot report --log /dev/zero` grew
until memory ran out, a FIFO blocked it for ever, and a 58 MB old log took 13 s and 470 MB. Now
a FIFO or a device is refused before it is read, and only the newest MAX_READ_BYTES are read."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from pathlib import Path

from bot.unanswered import read_records
from handlers.admin import unanswered_text
from tests.hostile.support import callbot

ROOT = Path(__file__).resolve().parents[2]


def _report(log: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return callbot("report", "--log", log, cwd=cwd, env=env, timeout=15)


def test_report_refuses_a_device_and_a_fifo_at_once(tmp_path):
    fifo = tmp_path / "log.fifo"
    os.mkfifo(fifo)
    for log in ("/dev/zero", str(fifo)):
        done = _report(log, tmp_path)
        assert done.returncode == 2, done.stderr[-1000:]
        assert done.stderr.strip().splitlines() == [
            f"callbot report: cannot read {log}: {log} is not a regular file"
        ]


def test_only_the_newest_part_of_a_big_log_is_read(tmp_path):
    path = tmp_path / "u.jsonl"
    lines = [json.dumps({"text": f"question {i}"}) + "\n" for i in range(3000)]
    path.write_text("".join(lines), encoding="utf-8")
    records = read_records(path, limit=10_000)
    assert 0 < len(records) < 3000
    assert records[-1]["text"] == "question 2999"
    # a whole number of lines, the first one not cut
    assert sum(len(json.dumps(r)) + 1 for r in records) <= 10_000


def test_a_question_with_a_line_separator_is_one_record(tmp_path):
    path = tmp_path / "u.jsonl"
    text = "芬兰\u2028多少钱"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [r["text"] for r in read_records(path)] == [text]


def test_unanswered_command_says_why_it_cannot_read_the_log(tmp_path):
    fifo = tmp_path / "log.fifo"
    os.mkfifo(fifo)
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(unanswered_text(str(fifo), "en")))
    reader.start()
    reader.join(10)
    blocked = reader.is_alive()
    if blocked:  # free the reader (old code opened the FIFO and waited for a writer)
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
    assert not blocked
    assert "not a regular file" in result[0]
