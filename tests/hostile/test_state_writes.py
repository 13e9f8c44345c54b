"""Issue 7, point 5: state and unanswered-log writes are atomic and survive a full disk.

The old bot rewrote its state in place: a SIGKILL during a save left a truncated file, and a
full disk truncated a valid state and ended the bot with a traceback."""

from __future__ import annotations

import errno
import json
import logging
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot import privatefiles
from bot.engine import Engine
from bot.unanswered import UnansweredLog, read_records
from handlers.app import post_init
from handlers.persistence import CallbotPersistence, State, open_persistence, read_state
from tests.hostile.support import persistent_app
from tests.test_handlers import USER

ROOT = Path(__file__).resolve().parents[2]
CHATS = 40_000  # about 3 MB of JSON

# A child process that saves a large state again and again, alternating two versions (one chat
# more and another language in the second). With "mid" it announces when a save is half
# written (after its first 1 MB chunk) and waits there to be killed; with "any" it runs on.
SAVER = textwrap.dedent(
    """
    import asyncio, os, sys, time
    from bot import privatefiles
    from handlers.persistence import CallbotPersistence

    path, n, when = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    real, saves = os.write, [0]

    def chunked(fd, data):
        written = real(fd, bytes(data[: 1 << 20]))
        if when == "mid" and saves[0] >= 1:
            print("mid", flush=True)
            time.sleep(30)
        return written

    privatefiles.os.write = chunked

    def big(n, lang):
        return {c: {"lang": lang, "answered": {m: [m + 1, m + 2] for m in range(4)}}
                for c in range(1_000_000, 1_000_000 + n)}

    async def main():
        versions = [big(n, "en"), big(n + 1, "zh-Hant")]
        p = CallbotPersistence(path, None)
        for i in range(10_000):
            p.chat_data = versions[i % 2]
            assert await p.save()
            saves[0] += 1
            if i == 0:
                print("ready", flush=True)

    asyncio.run(main())
    """
)


def kill_saver(path: Path, when: str, pause: float = 0.0) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(path), str(CHATS), when],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        if when == "mid":
            assert proc.stdout.readline().strip() == "mid"  # half of the new file written
        time.sleep(pause)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def assert_complete(path: Path) -> int:
    state = read_state(path)  # raises on a torn file
    assert len(state.chat_data) in (CHATS, CHATS + 1)
    langs = {d["lang"] for d in state.chat_data.values()}
    assert langs == ({"en"} if len(state.chat_data) == CHATS else {"zh-Hant"})
    return len(state.chat_data)


def test_sigkill_in_the_middle_of_a_save_leaves_the_old_file(tmp_path):
    path = tmp_path / "state.json"
    kill_saver(path, "mid")
    assert assert_complete(path) == CHATS  # the first save, complete
    assert len(list(tmp_path.glob(".*.tmp"))) == 1  # the killed writer's half file
    # the next start cleans that up and loads the state
    persistence = open_persistence(path, None)
    assert len(persistence.chat_data) == CHATS
    assert list(tmp_path.glob(".*.tmp")) == []


def test_sigkill_at_any_moment_leaves_a_complete_file(tmp_path):
    path = tmp_path / "state.json"
    rng = random.Random(7)
    for _ in range(2):
        kill_saver(path, "any", rng.uniform(0.05, 0.4))
        assert_complete(path)


class FullDisk:
    """os.write that writes part of the data and then fails like a full disk."""

    def __init__(self, monkeypatch, err: int = errno.ENOSPC):
        self.real = os.write
        self.calls = 0
        self.err = err
        monkeypatch.setattr(privatefiles.os, "write", self)

    def __call__(self, fd, data):
        self.calls += 1
        if self.calls == 1 and len(data) > 1:
            return self.real(fd, bytes(data[: len(data) // 2]))
        raise OSError(self.err, os.strerror(self.err))


async def test_full_disk_keeps_the_old_state_and_the_bot_answering(
    tmp_path, knowledge, monkeypatch, caplog
):
    path = tmp_path / "state.json"
    persistence, h = persistent_app(path, Engine(knowledge))
    app = h.app
    async with app:
        await post_init(app)
        await h.say("/lang en")
        await app.update_persistence()
        await persistence.flush()
        good = path.read_bytes()
        assert json.loads(good)["chat_data"][str(USER)]["lang"] == "en"

        disk = FullDisk(monkeypatch)
        with caplog.at_level(logging.WARNING):
            for lang in ("zh", "en", "zh"):
                await h.say(f"/lang {lang}")
                await h.say("芬兰的经费是多少？")  # still answered
                await app.update_persistence()
                await persistence.flush()
        assert disk.calls >= 3
        assert path.read_bytes() == good  # the old valid state, untouched
        assert "CNY" not in h.last_text() and "6000" in h.last_text()
        warnings = [r for r in caplog.records if r.name == "handlers.persistence"]
        assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
        assert warnings[0].exc_info is None and "No space left" in warnings[0].getMessage()
        assert list(tmp_path.glob(".*.tmp")) == []

        monkeypatch.setattr(privatefiles.os, "write", disk.real)  # space again
        await app.update_persistence()
        await persistence.flush()
    assert json.loads(path.read_bytes())["chat_data"][str(USER)]["lang"] == "zh-Hans"


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EIO])
async def test_failed_save_does_not_raise(tmp_path, monkeypatch, err):
    path = tmp_path / "state.json"
    persistence = CallbotPersistence(path, None, state=State(chat_data={1: {"lang": "en"}}))
    assert await persistence.save()
    good = path.read_bytes()
    persistence.chat_data[2] = {"lang": "zh-Hant"}
    FullDisk(monkeypatch, err)
    assert await persistence.save() is False
    await persistence.flush()  # at shutdown too: no exception
    assert path.read_bytes() == good


def test_full_disk_while_trimming_keeps_the_unanswered_log(
    tmp_path, knowledge, monkeypatch, caplog
):
    path = tmp_path / "u.jsonl"
    log = UnansweredLog(path, max_bytes=4_000)
    engine = Engine(knowledge, on_unanswered=log)
    for i in range(20):
        engine.ask(f"lorem ipsum question {i}")
    before = path.read_bytes()
    assert len(before) > 2_000
    real = os.write

    def full(fd, data):  # appends fit; the trimming rewrite does not
        if os.fstat(fd).st_size == 0 and len(data) > 1_000:
            real(fd, bytes(data[:100]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(privatefiles.os, "write", full)
    with caplog.at_level(logging.WARNING):
        for i in range(20, 60):
            assert engine.ask(f"lorem ipsum question {i}").intent == "unknown"
    after = path.read_bytes()
    assert after.startswith(before)  # never truncated: only appended to
    assert [r["text"] for r in read_records(path)][-1].endswith("59")
    assert len([r for r in caplog.records if "unanswered log" in r.getMessage()]) == 1
    assert list(tmp_path.glob(".*.tmp")) == []
