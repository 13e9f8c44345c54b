"""Audit of issue 7, point 1: every setting is documented where the README says, with its true
default, and `.env` reaches every command and every setting, also those read outside Config.

Found in the audit: CALLBOT_CACHE_DIR (read by bot.vocab when the vocabulary is imported) was in
neither the README's table nor .env.example, and `callbot ask` imported the vocabulary before
.env was read, so a CALLBOT_CACHE_DIR in .env was ignored by `ask` but not by `callbot`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bot import config as cfg
from bot.config import Config

ROOT = Path(__file__).resolve().parents[2]
_NAME = re.compile(r"""["']((?:CALLBOT|TELEGRAM)_[A-Z_]+)["']""")


def _settings_read_by_code() -> set[str]:
    names: set[str] = set()
    for package in ("bot", "handlers", "knowledge", "textnorm"):
        for path in (ROOT / package).rglob("*.py"):
            names.update(_NAME.findall(path.read_text(encoding="utf-8")))
    return names


def _readme_table() -> dict[str, str]:
    """variable -> its default column, from the README's Configuration table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Configuration") :]
    section = section[: section.index("\n## ", 4)]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3:
            for name in re.findall(r"`((?:CALLBOT|TELEGRAM)_[A-Z_]+)`", cells[0]):
                rows[name] = cells[2]
    return rows


def test_every_setting_the_code_reads_is_in_the_readme_and_env_example():
    read = _settings_read_by_code()
    assert {"TELEGRAM_BOT_TOKEN", "CALLBOT_ADMINS", "CALLBOT_CACHE_DIR"} <= read
    documented = set(_readme_table())
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert read - documented == set()
    assert {name for name in read if name not in example} == set()


def test_the_readme_states_the_true_defaults():
    table = _readme_table()
    defaults = Config.from_env({})
    assert f"`{defaults.reload_interval:g}`" == table["CALLBOT_RELOAD_INTERVAL"]
    assert f"`{defaults.poll_interval:g}`" == table["CALLBOT_POLL_INTERVAL"]
    assert f"`{defaults.log_level}`" == table["CALLBOT_LOG_LEVEL"]
    listen_port = table["CALLBOT_WEBHOOK_LISTEN"]
    assert f"`{defaults.webhook_listen}`, `{defaults.webhook_port}`" == listen_port
    assert f"`{cfg.DEFAULT_DATA_DIR}`" in table["CALLBOT_DATA_DIR"]
    assert defaults.persistence == str(Path(cfg.DEFAULT_DATA_DIR) / "state.json")
    assert "$CALLBOT_DATA_DIR/state.json" in table["CALLBOT_PERSISTENCE"]
    assert defaults.unanswered_log == str(Path(cfg.DEFAULT_DATA_DIR) / "unanswered.jsonl")
    assert "$CALLBOT_DATA_DIR/unanswered.jsonl" in table["CALLBOT_UNANSWERED_LOG"]


def test_dotenv_reaches_settings_read_before_config(tmp_path):
    """A CALLBOT_CACHE_DIR in ./.env is used by `callbot ask` (relative to the .env's folder),
    and CALLBOT_CACHE_DIR=off is not turned into a path."""
    (tmp_path / ".env").write_text("CALLBOT_CACHE_DIR=mycache  # vocabulary cache\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLBOT_", "TELEGRAM_"))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "芬兰的经费是多少？"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "6000" in done.stdout
    assert [p.name for p in (tmp_path / "mycache").iterdir()]  # the cache went where .env said
    (tmp_path / ".env").write_text("CALLBOT_CACHE_DIR=off\n")
    assert cfg.read_env_file(tmp_path / ".env") == {"CALLBOT_CACHE_DIR": "off"}
