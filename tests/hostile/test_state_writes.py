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
from bot.config import Config
from bot.engine import Engine
from bot.unanswered import UnansweredLog, read_records
from handlers.app import build_application, post_init
from handlers.persistence import CallbotPersistence, State, open_persistence, read_state
from tests.test_handlers import TOKEN, USER, Harness, Recorder

ROOT = Path(__file__).resolve().parents[2]
CHATS = 40_000  # about 6 MB of JSON: a save takes long enough to be killed in the middle

SAVER = textwrap.dedent(
    """
    import asyncio, sys
    from handlers.persistence import CallbotPersistence, State

    def big(n, lang):
        return {c: {"lang": lang, "answered": {m: [m + 1, m + 2] for m in range(4)}}
                for c in range(1_000_000, 1_000_000 + n)}

    async def main(path, n):
        versions = [big(n, "en"), big(n + 1, "zh-Hant")]
        p = CallbotPersistence(path, None)
        for i in range(10_000):
            p.chat_data = versions[i % 2]
            assert await p.save()
            if i == 0:
                print("ready", flush=True)

    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
    """
)


def test_sigkill_during_saves_leaves_a_complete_file(tmp_path):
    path = tmp_path / "state.json"
    rng = random.Random(7)
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), str(CHATS)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.05, 0.4))  # somewhere inside one of the next saves
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        state = read_state(path)  # raises on a torn file
        assert len(state.chat_data) in (CHATS, CHATS + 1)
        langs = {d["lang"] for d in state.chat_data.values()}
        assert langs == ({"en"} if len(state.chat_data) == CHATS else {"zh-Hant"})
        # the next start cleans up the killed writer's temporary file and loads the state
        persistence = open_persistence(path, None)
        assert len(persistence.chat_data) == len(state.chat_data)
        assert list(tmp_path.glob(".*.tmp")) == []


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
    engine = Engine(knowledge)
    persistence = open_persistence(path, engine)
    rec = Recorder()
    app = build_application(
        Config(token=TOKEN, persistence=str(path)),
        engine,
        request=rec,
        updater=False,
        persistence=persistence,
    )
    h = Harness(app, rec, engine)
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
