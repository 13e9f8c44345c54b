"""Audit of issue 7, point 3: an unusable URL setting is one line naming the variable. Found in
the audit: TELEGRAM_API_BASE_URL=http://[::1 (an unclosed IPv6 address) ended in a ValueError
traceback from urllib, and a port out of range was accepted. Settings are only read here (no
bot is started), so that old code fails without reaching any network."""

from __future__ import annotations

import pytest

from bot import cli
from bot.config import Config, ConfigError

TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"


@pytest.mark.parametrize("name", ["TELEGRAM_API_BASE_URL", "CALLBOT_WEBHOOK_URL"])
@pytest.mark.parametrize("url", ["http://[::1", "https://x.org:99999/h", "https://x.org:abc/h"])
def test_a_malformed_url_is_refused_naming_it(name, url):
    with pytest.raises(ConfigError) as caught:
        Config.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, name: url})
    assert str(caught.value) == f"{name} must be an http:// or https:// URL, got {url!r}"


def test_the_command_says_it_in_one_line(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://[::1")  # old code: a traceback at once
    assert cli.main(["run"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "callbot: TELEGRAM_API_BASE_URL must be an http:// or https:// URL, got 'http://[::1'"
    ]
