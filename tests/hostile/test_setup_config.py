"""Issue 7 points 1 and 3 (settings): a token in .env starts Telegram, one Config reads every
setting, and a setting that cannot be used gets one clear line naming it (exit 2)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Config, ConfigError
from tests.hostile.support import bot_env, start_bot

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path
    from fakebotapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "777001:AAE2E-callbot_token_SECRET_0123456789"


def _callbot(cwd: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=bot_env(**extra),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_a_token_in_dotenv_starts_telegram(tmp_path):
    """`callbot` without arguments, the token only in ./.env (with an inline comment, as people
    write them): the bot connects and polls, instead of the terminal chat / exit 0."""
    with FakeBotApi(token=TOKEN) as fake:
        (tmp_path / ".env").write_text(
            f"TELEGRAM_BOT_TOKEN={TOKEN}  # from @BotFather\n"
            f"TELEGRAM_API_BASE_URL={fake.url}\n"
            "CALLBOT_DATA_DIR=data  # next to this file\n",
            encoding="utf-8",
        )
        proc = start_bot(tmp_path, bot_env(), args=(), stdout=subprocess.PIPE)
        try:
            polled = fake.wait_for(lambda: fake.calls_of("getUpdates"), timeout=20)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=20)
    assert polled, err[-2000:]
    assert proc.returncode == 0, err[-2000:]
    assert (tmp_path / "data").is_dir()
    assert TOKEN not in err


def test_inline_comments_are_not_part_of_values(tmp_path, monkeypatch):
    for key in list(os.environ):
        if key.startswith(("CALLBOT_", "TELEGRAM_")):
            monkeypatch.delenv(key)
    (tmp_path / ".env").write_text(
        "CALLBOT_ADMINS=123,456  # me and the office\n"
        'CALLBOT_LOG_LEVEL="warning" # quiet\n'
        "CALLBOT_RELOAD_INTERVAL=0 # off\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    try:
        config = Config.from_env()
        assert config.admins == frozenset({123, 456})
        assert config.log_level == "WARNING"
        assert config.reload_interval == 0
    finally:
        for key in ("CALLBOT_ADMINS", "CALLBOT_LOG_LEVEL", "CALLBOT_RELOAD_INTERVAL"):
            os.environ.pop(key, None)


def test_dotenv_knowledge_is_used_by_ask(tmp_path):
    """CALLBOT_KNOWLEDGE in .env was ignored by ask/chat: a broken file named there must be
    refused (exit 1) rather than the bundled file answering."""
    (tmp_path / "broken.yaml").write_text("calls: [\n", encoding="utf-8")
    (tmp_path / ".env").write_text("CALLBOT_KNOWLEDGE=broken.yaml\n", encoding="utf-8")
    proc = _callbot(tmp_path, "ask", "芬兰的经费是多少？")
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "broken.yaml" in proc.stderr


def test_the_environment_wins_over_dotenv(tmp_path):
    (tmp_path / ".env").write_text("CALLBOT_KNOWLEDGE=missing.yaml\n", encoding="utf-8")
    proc = _callbot(tmp_path, "ask", "芬兰的经费是多少？", CALLBOT_KNOWLEDGE="")
    assert proc.returncode == 0, proc.stderr  # set empty in the environment: the bundled file
    proc = _callbot(
        tmp_path,
        "ask",
        "芬兰的经费是多少？",
        CALLBOT_KNOWLEDGE=str(ROOT / "knowledge/calls_2023.yaml"),
    )
    assert proc.returncode == 0 and "6000万元" in proc.stdout, proc.stderr


def test_relative_paths_in_dotenv_are_relative_to_its_folder(tmp_path, monkeypatch):
    from bot.config import read_env_file

    folder = tmp_path / "conf"
    folder.mkdir()
    env_file = folder / ".env"
    env_file.write_text(
        "CALLBOT_DATA_DIR=data\nCALLBOT_KNOWLEDGE=/abs/k.yaml\nCALLBOT_ADMINS=1\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    values = read_env_file(env_file)
    assert values["CALLBOT_DATA_DIR"] == str(folder.resolve() / "data")
    assert values["CALLBOT_KNOWLEDGE"] == "/abs/k.yaml"
    assert values["CALLBOT_ADMINS"] == "1"


def test_repr_hides_the_token_and_the_webhook_secret():
    config = Config.from_env(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "CALLBOT_WEBHOOK_SECRET": "s3cret_Token-1"}
    )
    assert config.token == TOKEN
    for text in (repr(config), str(config)):
        assert TOKEN not in text and "AAE2E" not in text
        assert "s3cret_Token-1" not in text


def test_one_config_reads_every_setting():
    config = Config.from_env(
        {
            "CALLBOT_POLL_INTERVAL": " 0.05 ",
            "CALLBOT_KNOWLEDGE": "k.yaml",
            "CALLBOT_DATA_DIR": "d",
            "CALLBOT_WEBHOOK_PORT": "8080",
        }
    )
    assert config.poll_interval == 0.05
    assert config.knowledge == "k.yaml"
    assert config.webhook_port == 8080
    assert config.persistence == str(Path("d") / "state.json")
    assert config.unanswered_log == str(Path("d") / "unanswered.jsonl")
    assert Config.from_env({}).poll_interval == 0.2


BAD_SETTINGS = [
    ("CALLBOT_ADMINS", "--5"),
    ("CALLBOT_ADMINS", "@alice"),
    ("CALLBOT_ADMINS", "123 456"),
    ("CALLBOT_ADMINS", "12,x"),
    ("CALLBOT_WEBHOOK_PORT", "99999"),
    ("CALLBOT_WEBHOOK_PORT", "0"),
    ("CALLBOT_WEBHOOK_PORT", "http"),
    ("CALLBOT_POLL_INTERVAL", "abc"),
    ("CALLBOT_POLL_INTERVAL", "-1"),
    ("CALLBOT_POLL_INTERVAL", "nan"),
    ("CALLBOT_RELOAD_INTERVAL", "soon"),
    ("CALLBOT_LOG_LEVEL", "LOUD"),
    ("CALLBOT_WEBHOOK_SECRET", "has space"),
    ("CALLBOT_WEBHOOK_URL", "bot.example.org/hook"),
    ("TELEGRAM_API_BASE_URL", "ftp://127.0.0.1"),
    ("TELEGRAM_BOT_TOKEN", "abc def"),
    ("TELEGRAM_BOT_TOKEN", "123456"),
]


@pytest.mark.parametrize(("name", "value"), BAD_SETTINGS)
def test_a_bad_setting_is_refused_naming_it(name, value):
    with pytest.raises(ConfigError, match=name):
        Config.from_env({name: value})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CALLBOT_ADMINS", "--5"),
        ("CALLBOT_ADMINS", "@alice"),
        ("CALLBOT_ADMINS", "123 456"),
        ("CALLBOT_WEBHOOK_PORT", "99999"),
        ("CALLBOT_POLL_INTERVAL", "abc"),
        ("TELEGRAM_BOT_TOKEN", "abc def"),
    ],
)
def test_run_with_a_bad_setting_says_which_in_one_line(tmp_path, name, value):
    """Before: a traceback (--5), or a bot that started as if the value were fine (port 99999
    listened on 34463). Now: exit 2 and one line on stderr naming the variable."""
    settings = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9"}
    settings["CALLBOT_WEBHOOK_URL"] = "https://bot.example.org/hook"
    settings[name] = value
    proc = _callbot(tmp_path, "run", **settings)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert len(lines) == 1 and name in lines[0], lines
    assert lines[0].startswith("callbot: ")
    assert "Traceback" not in proc.stderr and TOKEN not in proc.stderr
    if name == "TELEGRAM_BOT_TOKEN":
        assert value not in proc.stderr  # a near-miss of a token is still mostly a secret


def test_env_example_copied_to_dotenv_is_valid(tmp_path):
    """`cp .env.example .env` (the README's step) gives a working set-up: no setting refused,
    the data folder next to the file, the terminal chat until a token is filled in."""
    from bot.config import read_env_file

    (tmp_path / ".env").write_bytes((ROOT / ".env.example").read_bytes())
    config = Config.from_env(read_env_file(tmp_path / ".env"))
    assert config.token is None
    assert config.data_dir == str(tmp_path.resolve() / "callbot-data")
    assert config.webhook_port == 8443 and config.log_level == "INFO"
