"""The Bot API clients the application is built with: PTB's HTTPXRequest, sized for the load."""

from __future__ import annotations

from telegram.request import HTTPXRequest

from bot.config import Config
from handlers import apiclient
from handlers.app import LONG_POLL_TIMEOUT, MAX_CONCURRENT_UPDATES, build_application

TOKEN = "777006:CLIENT-callbot_token_value"


def _limits(request: HTTPXRequest) -> int:
    return request._client_kwargs["limits"].max_connections  # type: ignore[attr-defined]


def test_application_uses_httpx_with_two_sized_clients(engine):
    app = build_application(Config(token=TOKEN), engine, updater=False)
    # PTB's order: getUpdates first; each wrapped (handlers.polling, handlers.delivery)
    updates, calls = (r.inner for r in app.bot._request)
    assert isinstance(calls, HTTPXRequest) and isinstance(updates, HTTPXRequest)
    assert calls is not updates
    assert 16 <= _limits(calls) <= MAX_CONCURRENT_UPDATES
    assert _limits(updates) == 1
    # PTB adds the long-poll timeout to getUpdates' read timeout: the poll gets its full length
    assert updates.read_timeout > 0 and calls.read_timeout >= 5
    assert apiclient.POOL_TIMEOUT >= 5 and LONG_POLL_TIMEOUT > 0


def test_proxy_variables_are_honoured(monkeypatch, engine):
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    app = build_application(Config(token=TOKEN), engine, updater=False)
    mounts = app.bot.request.inner._client._mounts  # type: ignore[attr-defined]
    assert any("https" in str(pattern.pattern) for pattern in mounts), mounts
