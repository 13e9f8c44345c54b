"""Issue 7, point 12 (one sentence): the watcher tells the admins about every refused file,
whatever the reason, and the reloader never raises out of check() nor reads past the cap.

The old watcher went to gigabytes on a billion-laughs file or a symlink to /dev/zero, blocked
for ever on a FIFO, and when loading raised (RecursionError, a 5,000-digit number, any bug) only
logged it: the admins never heard. Dangerous files are tried in a child process limited to 1 GB
of address space; the rest in-process through ``poll_once`` with a recording bot.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.engine import Engine
from bot.reload import KnowledgeReloader
from handlers.services import Services
from handlers.watcher import poll_once
from knowledge import bundled_path, load_knowledge
from knowledge import loader as loader_module
from tests.hostile.support import run_capped

ROOT = Path(__file__).resolve().parents[2]
ADMIN = 7001
QUESTION = "芬兰的经费是多少？"


class RecordingBot:
    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []
        self.descriptions: list[str] = []  # written again when new knowledge is in use

    async def send_message(self, chat_id: int, text: str, **kwargs) -> None:
        self.sent.append((chat_id, text))

    async def set_my_description(self, description: str, **kwargs) -> None:
        self.descriptions.append(description)

    async def set_my_short_description(self, short_description: str, **kwargs) -> None:
        self.descriptions.append(short_description)


def watched(tmp_path: Path) -> tuple[Path, SimpleNamespace]:
    path = tmp_path / "calls.yaml"
    shutil.copy(bundled_path(), path)
    engine = Engine(load_knowledge(path))
    services = Services(
        engine=engine,
        config=SimpleNamespace(admins=frozenset({ADMIN})),
        reloader=KnowledgeReloader(engine, path),
        knowledge_path=str(path),
    )
    return path, SimpleNamespace(services=services, chat_data={}, bot=RecordingBot())


def replace(path: Path, make) -> None:
    """Put something else at the knowledge path, the way a deployment would: aside, then rename."""
    tmp = path.with_name("incoming")
    make(tmp)
    if tmp.is_dir():  # a directory cannot be renamed over a file
        path.unlink()
    os.replace(tmp, path)


def write(text: str):
    return lambda p: p.write_text(text, encoding="utf-8")


def bundled_with(old: str, new: str):
    text = bundled_path().read_text(encoding="utf-8")
    assert text.count(old) == 1
    return write(text.replace(old, new))


def oversized(p: Path) -> None:
    with p.open("wb") as fh:
        fh.truncate(loader_module.MAX_FILE_BYTES + 1)


def _unblock_fifo(path: Path) -> None:
    """If a reader is stuck opening the FIFO (the old code), let it through and put a regular
    file at the path before it reaches EOF, so that it does not block again on re-opening."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # fails when nobody reads: fine
    except OSError:
        fd = None
    replace(path, write(""))
    if fd is not None:
        os.close(fd)


REFUSALS = {
    "invalid value": (
        bundled_with("up_to}, average: 400}", "up_to}, average: lots}"),
        "expected a number",
    ),
    "recursive alias": (write("format: 1\ncalls: &c [*c]\n"), "anchors and aliases"),
    "deep nesting": (write("format: 1\ncalls: " + "[" * 5000 + "\n"), "nest"),
    "nan": (bundled_with("up_to}, average: 400}", "up_to}, average: .nan}"), "finite number"),
    "5,000 digits": (
        bundled_with("up_to}, average: 400}", "up_to}, average: " + "9" * 5000 + "}"),
        "too long",
    ),
    "too large": (oversized, "file too large"),
    "fifo": (os.mkfifo, "not a regular file (a FIFO)"),
    "directory": (os.mkdir, "is a directory"),
    "not utf-8": (lambda p: p.write_bytes(b"format: 1\n\xff\n"), "not UTF-8"),
}


@pytest.mark.parametrize("kind", REFUSALS)
async def test_the_admins_are_told_once_about_every_refusal(tmp_path, kind):
    path, app = watched(tmp_path)
    make, expected = REFUSALS[kind]
    assert (await poll_once(app)).changed is False
    replace(path, make)
    try:
        outcome = await asyncio.wait_for(poll_once(app), 10)
    except TimeoutError:
        if kind == "fifo":
            _unblock_fifo(path)
        raise
    assert outcome.changed and not outcome.ok
    [(chat, text)] = app.bot.sent
    assert chat == ADMIN
    assert "未重新加载" in text and str(path) in text and expected in text
    await poll_once(app)  # the same refusal is not reported again
    assert len(app.bot.sent) == 1
    assert "6000万元" in app.services.engine.ask(QUESTION, "s").text  # the old knowledge stays


async def test_deleted_then_restored(tmp_path):
    path, app = watched(tmp_path)
    good = path.read_bytes()
    path.unlink()
    await poll_once(app)
    [(_, text)] = app.bot.sent
    assert "file not found" in text
    await poll_once(app)
    assert len(app.bot.sent) == 1
    replace(
        path,
        lambda p: p.write_bytes(
            good.replace(b"up_to}, average: 400}", b"up_to}, average: 400.0}")
        ),
    )
    outcome = await poll_once(app)
    assert outcome.ok and outcome.changed and len(app.bot.sent) == 2
    assert app.bot.descriptions  # the restored file is in use: the profile is written again


async def test_an_unexpected_error_while_loading_is_reported_not_raised(tmp_path, monkeypatch):
    path, app = watched(tmp_path)

    def boom(old, new):
        raise RuntimeError("diff exploded")

    monkeypatch.setattr("bot.reload.describe_changes", boom)
    replace(path, bundled_with("up_to}, average: 400}", "up_to}, average: 400.0}"))
    outcome = await poll_once(app)
    assert outcome.changed and not outcome.ok
    [(_, text)] = app.bot.sent
    assert "RuntimeError: diff exploded" in text
    await poll_once(app)  # once per content, not on every poll
    assert len(app.bot.sent) == 1
    assert app.services.reloader.check(force=True).problems  # /reload says it again


async def test_an_unchanged_file_is_not_read_again(tmp_path, monkeypatch):
    path, app = watched(tmp_path)
    reads = []
    real = loader_module.read_knowledge_bytes
    monkeypatch.setattr("bot.reload.read_knowledge_bytes", lambda p: reads.append(p) or real(p))
    for _ in range(3):
        assert not (await poll_once(app)).changed
    assert reads == []
    os.utime(path)  # touched, same content: read once, nothing to report
    assert not (await poll_once(app)).changed
    assert len(reads) == 1 and app.bot.sent == []


RELOAD_SCRIPT = textwrap.dedent(
    """
    import json, os, shutil, sys
    from pathlib import Path
    from bot.engine import Engine
    from bot.reload import KnowledgeReloader
    from knowledge import bundled_path, load_bundled

    path = Path(sys.argv[1]) / "calls.yaml"
    shutil.copy(bundled_path(), path)
    reloader = KnowledgeReloader(Engine(load_bundled()), path)
    incoming = path.with_name("incoming")
    if sys.argv[2] == "link":
        incoming.symlink_to(sys.argv[3])
    else:
        incoming.write_text(sys.argv[3], encoding="utf-8")
    os.replace(incoming, path)
    try:
        out = reloader.check()
    except BaseException as exc:
        print(json.dumps({"raised": type(exc).__name__}))
    else:
        print(json.dumps({"changed": out.changed, "ok": out.ok,
                          "problems": [str(p) for p in out.problems]}))
    """
)


def reload_in_child(tmp_path: Path, how: str, what: str) -> dict:
    done = run_capped("-c", RELOAD_SCRIPT, str(tmp_path), how, what, timeout=20)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_billion_laughs_in_the_watched_file_is_refused_in_bounded_memory(tmp_path):
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        laughs += f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]\n"
    out = reload_in_child(tmp_path, "text", laughs)
    assert out == {
        "changed": True,
        "ok": False,
        "problems": [
            f"{tmp_path / 'calls.yaml'}:1: a: anchors and aliases (&name, *name) are not "
            "allowed; write the value out"
        ],
    }


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_without_reading(tmp_path):
    out = reload_in_child(tmp_path, "link", "/dev/zero")
    assert out == {
        "changed": True,
        "ok": False,
        "problems": [f"{tmp_path / 'calls.yaml'}: not a regular file (a character device)"],
    }
