"""Issue 7, point 6: the data folder is 0700 and its files 0600 (they hold what users asked),
and CALLBOT_PERSISTENCE naming a file that is not a callbot state is refused, not overwritten."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.unanswered import UnansweredLog
from handlers.persistence import StateFileError, open_persistence
from knowledge import bundled_path
from tests.hostile.support import bot_env
from tests.test_handlers import TOKEN

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask022():
    old = os.umask(0o022)  # the usual umask: what the old code's files got (0644)
    yield
    os.umask(old)


async def test_state_and_log_are_private(tmp_path, knowledge, umask022):
    data = tmp_path / "callbot-data"
    persistence = open_persistence(data / "state.json", Engine(knowledge))
    assert await persistence.save()
    assert mode(data) == 0o700
    assert mode(data / "state.json") == 0o600
    log = data / "sub" / "unanswered.jsonl"
    Engine(knowledge, on_unanswered=UnansweredLog(log)).ask("lorem ipsum dolor")
    assert mode(log.parent) == 0o700 and mode(log) == 0o600
    assert [p.name for p in data.iterdir() if p.name.endswith(".tmp")] == []


async def test_files_of_an_older_version_are_made_private(tmp_path, knowledge, umask022):
    state = tmp_path / "state.json"
    state.write_text('{"callbot_state":1,"chat_data":{"5":{"lang":"en"}}}')
    log = tmp_path / "unanswered.jsonl"
    log.write_text('{"text": "old question"}\n')
    os.chmod(state, 0o644)
    os.chmod(log, 0o644)
    persistence = open_persistence(state, Engine(knowledge))
    assert mode(state) == 0o600 and persistence.chat_data == {5: {"lang": "en"}}
    Engine(knowledge, on_unanswered=UnansweredLog(log)).ask("lorem ipsum dolor")
    assert mode(log) == 0o600


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize(
    "content",
    [
        None,  # the knowledge YAML
        b'{"users": [1, 2, 3]}\n',  # somebody's JSON
        b"\x7fELF\x02\x01\x01",
        b"# notes\nnothing to do with callbot\n",
    ],
)
def test_a_file_that_is_not_ours_is_refused_and_left_alone(tmp_path, knowledge, content):
    path = tmp_path / "calls.yaml"
    path.write_bytes(bundled_path().read_bytes() if content is None else content)
    before = _files(tmp_path)
    with pytest.raises(StateFileError, match="not a callbot state"):
        open_persistence(path, Engine(knowledge))
    assert _files(tmp_path) == before  # not renamed, not rewritten


def test_a_folder_is_refused(tmp_path, knowledge):
    with pytest.raises(StateFileError, match="not a regular file"):
        open_persistence(tmp_path, Engine(knowledge))


def test_the_bot_does_not_start_on_somebody_elses_file(tmp_path):
    """The real process: one clear line, exit 1, the knowledge file untouched. (The old bot
    renamed it *.corrupt-… and then tried to connect forever.)"""
    knowledge = tmp_path / "calls.yaml"
    knowledge.write_bytes(bundled_path().read_bytes())
    env = bot_env(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL="http://127.0.0.1:9",  # nothing listens: never reached
        CALLBOT_DATA_DIR=str(tmp_path / "data"),
        CALLBOT_PERSISTENCE=str(knowledge),
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the bot started on the knowledge file instead of refusing it")
    assert proc.returncode == 1, proc.stderr[-2000:]
    errors = [line for line in proc.stderr.splitlines() if " ERROR " in line]
    assert len(errors) == 1 and "not a callbot state file" in errors[0], proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert knowledge.read_bytes() == bundled_path().read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["calls.yaml"]


def test_a_newer_state_format_is_refused_not_overwritten(tmp_path, knowledge):
    path = tmp_path / "state.json"
    path.write_bytes(b'{"callbot_state":2,"chat_data":{}}')
    with pytest.raises(StateFileError, match="version 2"):
        open_persistence(path, Engine(knowledge))
    assert path.read_bytes() == b'{"callbot_state":2,"chat_data":{}}'
