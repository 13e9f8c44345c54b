"""What the hostile tests share: a memory-capped child process, the environment of a real bot
process, starting one, a crafted pickle, and an application with JSON persistence.

The child runs get an address-space cap because the defects these tests reproduce took
gigabytes (a 10 MB line, a billion-laughs file, /dev/zero): the cap turns the old behaviour into
a clear failure instead of an exhausted test machine.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
from pathlib import Path

from bot.config import Config
from bot.engine import Engine
from handlers.app import build_application
from handlers.persistence import CallbotPersistence, open_persistence
from tests.test_handlers import TOKEN, Harness, Recorder

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1 << 30


def cap_memory() -> None:
    """preexec_fn of a child process: at most MEMORY_CAP bytes of address space."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_capped(
    *args: str | bytes,
    timeout: float = 20,
    text: bool = True,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
) -> subprocess.CompletedProcess:
    """Run this Python with ``args`` in a memory-capped child; never raises on its exit code."""
    return subprocess.run(
        [sys.executable, *args],
        input=input,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=text,
        timeout=timeout,
        preexec_fn=cap_memory,
        check=False,
    )


def callbot(*args: str | bytes, **kwargs) -> subprocess.CompletedProcess:
    """``python -m bot <args>`` in a memory-capped child (keywords as run_capped)."""
    return run_capped("-m", "bot", *args, **kwargs)


def bot_env(**settings: str) -> dict[str, str]:
    """This environment without any callbot or Telegram setting of the machine, plus ``settings``,
    so that a test sees only what it sets (and the project imports from any folder)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLBOT_", "TELEGRAM_"))}
    env["PYTHONPATH"] = str(ROOT)
    env.update(settings)
    return env


def start_bot(
    cwd: Path,
    env: dict[str, str],
    *,
    args: tuple[str, ...] = ("run",),
    stdout: int = subprocess.DEVNULL,
) -> subprocess.Popen:
    """The real bot process, ``python -m bot <args>``; stderr piped for the test to read."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def crafted_pickle(marker: Path | str) -> bytes:
    """Unpickled, this runs ``touch <marker>``; protocol-2 header like PTB's files."""
    return b"\x80\x02cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR."


def persistent_app(path: Path, engine: Engine) -> tuple[CallbotPersistence, Harness]:
    """An offline application with JSON persistence at ``path`` and a harness to talk to it."""
    persistence = open_persistence(path, engine)
    rec = Recorder()
    app = build_application(
        Config(token=TOKEN, persistence=str(path)),
        engine,
        request=rec,
        updater=False,
        persistence=persistence,
    )
    return persistence, Harness(app, rec, engine)
