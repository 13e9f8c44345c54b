"""CALLBOT_POLL_INTERVAL: the pause between getUpdates calls under load."""

from __future__ import annotations

import pytest

from handlers.app import DEFAULT_POLL_INTERVAL, poll_interval


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, DEFAULT_POLL_INTERVAL),
        ("", DEFAULT_POLL_INTERVAL),
        ("   ", DEFAULT_POLL_INTERVAL),
        ("0", 0.0),
        ("0.5", 0.5),
        (" 1.5 ", 1.5),
        ("60", 60.0),
        ("60.5", DEFAULT_POLL_INTERVAL),
        ("-0.1", DEFAULT_POLL_INTERVAL),
        ("abc", DEFAULT_POLL_INTERVAL),
        ("0,5", DEFAULT_POLL_INTERVAL),
        ("nan", DEFAULT_POLL_INTERVAL),
        ("inf", DEFAULT_POLL_INTERVAL),
        ("1e9", DEFAULT_POLL_INTERVAL),
    ],
)
def test_poll_interval(raw, expected):
    env = {} if raw is None else {"CALLBOT_POLL_INTERVAL": raw}
    assert poll_interval(env) == expected


def test_poll_interval_reads_the_process_environment(monkeypatch):
    assert DEFAULT_POLL_INTERVAL == 0.2
    monkeypatch.setenv("CALLBOT_POLL_INTERVAL", "0.05")
    assert poll_interval() == 0.05
    monkeypatch.delenv("CALLBOT_POLL_INTERVAL")
    assert poll_interval() == DEFAULT_POLL_INTERVAL
