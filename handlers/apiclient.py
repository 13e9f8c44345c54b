"""The Bot API clients: python-telegram-bot's own ``HTTPXRequest``, sized for the bot's load.

Two clients, as PTB recommends: one for every call the handlers make and one for getUpdates,
whose long poll would otherwise hold a connection (and a pool slot) the answers need.
httpx honours HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY from the environment.

httpx reads a whole response into memory whatever its size; a Bot API endpoint that streams
gigabytes (a hostile or broken self-hosted server, TELEGRAM_API_BASE_URL) would take the bot's
memory with it. ``cap_response`` stops reading past MAX_RESPONSE_BYTES, which PTB then reports
as a NetworkError like any other failed call.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from telegram.request import HTTPXRequest

# The largest legitimate answer is getUpdates with 100 updates of long messages (a few MB);
# 64 MiB leaves room for any of them and still bounds what one call can cost.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# Up to 256 updates are answered side by side (handlers.app.MAX_CONCURRENT_UPDATES), but the
# rate limiter lets 30 calls a second through: with Telegram 200 ms away that is 6 in flight.
# 32 connections carry 160 calls a second at that distance. More costs CPU: httpcore's pool
# scans every waiting call against every connection, and a 600-message burst with 200 ms
# replies measured 122 answers/s with 32, 90 with 64, 57 with 128 (bench_e2e --api-latency).
POOL_SIZE = 32
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 15.0  # Telegram answers in well under a second; a stuck call ends here
WRITE_TIMEOUT = 15.0
POOL_TIMEOUT = 20.0  # under a burst, waiting for a free connection is normal, not an error
# PTB adds getUpdates' long-poll ``timeout`` to this, so a poll may wait its full length.
GET_UPDATES_READ_TIMEOUT = 10.0


class ResponseTooLarge(httpx.RemoteProtocolError):
    """A Bot API answer over MAX_RESPONSE_BYTES (PTB turns it into a NetworkError)."""


class _CappedStream(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream, limit: int):
        self._stream = stream
        self._limit = limit

    async def __aiter__(self) -> AsyncIterator[bytes]:
        seen = 0
        async for chunk in self._stream:
            seen += len(chunk)
            if seen > self._limit:
                raise ResponseTooLarge(f"Bot API response over {self._limit} bytes")
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


async def cap_response(response: httpx.Response) -> None:
    """httpx response hook: runs after the headers, before the body is read."""
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_RESPONSE_BYTES:
        await response.aclose()
        raise ResponseTooLarge(f"Bot API response of {length} bytes refused")
    stream = response.stream
    if isinstance(stream, httpx.AsyncByteStream):
        response.stream = _CappedStream(stream, MAX_RESPONSE_BYTES)


def _request(pool_size: int, read_timeout: float) -> HTTPXRequest:
    return HTTPXRequest(
        connection_pool_size=pool_size,
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=read_timeout,
        write_timeout=WRITE_TIMEOUT,
        pool_timeout=POOL_TIMEOUT,
        httpx_kwargs={"event_hooks": {"response": [cap_response]}},
    )


def api_request() -> HTTPXRequest:
    """The client for every Bot API call but getUpdates."""
    return _request(POOL_SIZE, READ_TIMEOUT)


def get_updates_request() -> HTTPXRequest:
    """The client for getUpdates: one long poll at a time."""
    return _request(1, GET_UPDATES_READ_TIMEOUT)
