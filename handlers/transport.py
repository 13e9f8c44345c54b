"""A lean HTTP/1.1 client for the Bot API: PTB's ``BaseRequest`` with JSON bodies over kept-alive
connections on asyncio's own transports.

Why: with PTB's default ``HTTPXRequest`` every Bot API call went through httpx, httpcore, h11
and anyio (cancel scopes, locks, cookie jar, redirects, form encoding): about 0.7 ms of CPU per
call on the 2-core test machine, more than the answering engine spends on the question. This
client does the same calls for about 0.15 ms, which is what keeps the bot under 5% of one core at
Telegram's 30 messages a second (``bench/bench_e2e.py``).

Scope -- what the Bot API needs, nothing more:

* ``POST`` with an ``application/json`` body (the Bot API takes JSON for every method except
  uploads) and ``GET``; responses with ``Content-Length``, chunked or read-to-close bodies;
* HTTPS with the certificate checks httpx makes (``httpx.create_ssl_context``: certifi's bundle,
  ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``), HTTP on 127.0.0.1 for a local Bot API server;
* keep-alive: a connection is reused only if it is idle, the server has not closed it and it was
  idle for less than ``keepalive_expiry`` seconds (httpx's 5 s); a request that fails, times out
  or is cancelled closes its connection, so a stopped long poll never lingers on the server;
* connect / read / write / pool timeouts as in ``HTTPXRequest`` (``TimedOut``; other failures
  are ``NetworkError``), at most ``max_connections`` requests at a time.

Uploads (``multipart/form-data``) go to an ``HTTPXRequest`` made on first use. Proxies are not
supported: ``handlers.app`` uses PTB's ``HTTPXRequest`` when a proxy variable is set (or with
``CALLBOT_HTTP=httpx``).
"""

from __future__ import annotations

import asyncio
import json
import ssl
import time
from collections import deque
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

_DEFAULT = type(BaseRequest.DEFAULT_NONE)
MAX_HEAD = 64 * 1024  # bytes of status line and headers
MAX_CONNECTING = 4  # connections being opened at a time; see BotApiRequest._open
_CRLF2 = b"\r\n\r\n"


class _ProtocolError(Exception):
    """The server's answer is not HTTP/1.1 as this client understands it."""


@lru_cache(maxsize=64)
def _target(url: str) -> tuple[tuple[str, str, int], bytes, bytes]:
    """((scheme, host, port), request target, Host header) of ``url``."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise NetworkError(f"Unsupported URL for the Bot API client: {scheme}://…")
    port = parts.port or (443 if scheme == "https" else 80)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default_port = parts.port is None or port == (443 if scheme == "https" else 80)
    host = parts.hostname if default_port else f"{parts.hostname}:{port}"
    if ":" in parts.hostname:  # IPv6 literal
        host = f"[{parts.hostname}]" + ("" if default_port else f":{port}")
    return (scheme, parts.hostname, port), path.encode("ascii"), host.encode("idna")


class _Connection(asyncio.Protocol):
    """One TCP (or TLS) connection: received bytes buffered, waits for more data or for the
    transport to drain."""

    def __init__(self, key: tuple[str, str, int]):
        self.key = key
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.closed = False  # the server closed its side, or the connection is gone
        self.error: BaseException | None = None
        self.idle_since = 0.0
        self._waiter: asyncio.Future | None = None
        self._paused = False
        self._drained: asyncio.Future | None = None

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self._wake()

    def eof_received(self) -> bool | None:
        self.closed = True
        self._wake()
        return None  # let the transport close itself

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.error = exc
        self._wake()
        self._paused = False
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)

    def pause_writing(self) -> None:
        self._paused = True

    def resume_writing(self) -> None:
        self._paused = False
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    # used by the client
    def reusable(self, now: float, expiry: float) -> bool:
        transport = self.transport
        return (
            not self.closed
            and not self.buffer  # nothing may arrive on an idle connection
            and transport is not None
            and not transport.is_closing()
            and now - self.idle_since < expiry
        )

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    async def send(self, data: bytes, timeout: float | None) -> None:
        """Hand ``data`` to the transport; wait (at most ``timeout``) only if its buffer is
        full."""
        if self.closed or self.transport is None or self.transport.is_closing():
            raise ConnectionError("connection closed")
        self.transport.write(data)
        if self._paused:
            self._drained = asyncio.get_running_loop().create_future()
            try:
                async with asyncio.timeout(timeout):
                    await self._drained
            except TimeoutError:
                raise TimedOut("Write timeout") from None
            finally:
                self._drained = None
            if self.closed:
                raise ConnectionError("connection closed while sending")

    async def _more(self) -> None:
        """Wait for more data; an error if the server has closed the connection."""
        if self.closed:
            raise ConnectionError(
                "server closed the connection" + (f": {self.error}" if self.error else "")
            )
        self._waiter = asyncio.get_running_loop().create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def read_until(self, marker: bytes, limit: int) -> bytes:
        start = 0
        while True:
            end = self.buffer.find(marker, start)
            if end >= 0:
                data = bytes(self.buffer[:end])
                del self.buffer[: end + len(marker)]
                return data
            if len(self.buffer) > limit:
                raise _ProtocolError("response header too long")
            start = max(0, len(self.buffer) - len(marker) + 1)
            await self._more()

    async def read_exactly(self, size: int) -> bytes:
        while len(self.buffer) < size:
            await self._more()
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    async def read_to_eof(self) -> bytes:
        while not self.closed:
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        data = bytes(self.buffer)
        self.buffer.clear()
        return data


def _parse_head(head: bytes) -> tuple[bytes, int, dict[bytes, bytes]]:
    lines = head.split(b"\r\n")
    status_line = lines[0].split(None, 2)
    if len(status_line) < 2 or not status_line[0].startswith(b"HTTP/"):
        raise _ProtocolError(f"not an HTTP response: {lines[0][:80]!r}")
    try:
        status = int(status_line[1])
    except ValueError:
        raise _ProtocolError(f"bad status line: {lines[0][:80]!r}") from None
    headers: dict[bytes, bytes] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return status_line[0], status, headers


async def _read_chunked(conn: _Connection) -> bytes:
    body = bytearray()
    while True:
        size_line = await conn.read_until(b"\r\n", MAX_HEAD)
        try:
            size = int(size_line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise _ProtocolError("bad chunk size") from None
        if size == 0:
            while await conn.read_until(b"\r\n", MAX_HEAD):  # trailers, then an empty line
                pass
            return bytes(body)
        body += await conn.read_exactly(size)
        if await conn.read_exactly(2) != b"\r\n":
            raise _ProtocolError("bad chunk end")


async def _read_response(conn: _Connection, method: bytes) -> tuple[int, bytes, bool]:
    """(status, body, whether the connection may be reused)."""
    while True:
        version, status, headers = _parse_head(await conn.read_until(_CRLF2, MAX_HEAD))
        if not 100 <= status < 200:
            break  # 1xx: informational, the real answer follows
    connection = headers.get(b"connection", b"").lower()
    keep = b"close" not in connection if version == b"HTTP/1.1" else b"keep-alive" in connection
    if method == b"HEAD" or status in (204, 304):
        body = b""
    elif b"chunked" in headers.get(b"transfer-encoding", b"").lower():
        body = await _read_chunked(conn)
    elif b"content-length" in headers:
        try:
            length = int(headers[b"content-length"])
        except ValueError:
            raise _ProtocolError("bad Content-Length") from None
        body = await conn.read_exactly(length)
    else:
        body = await conn.read_to_eof()
        keep = False
    return status, body, keep


def _value(value: Any, default: float | None) -> float | None:
    return default if isinstance(value, _DEFAULT) else value


class BotApiRequest(BaseRequest):
    """PTB ``BaseRequest`` on a small keep-alive HTTP/1.1 client (see the module docstring).

    ``max_connections`` bounds the requests in flight (PTB's own default: 256 for the API
    calls, 1 for ``getUpdates``); the timeouts are ``HTTPXRequest``'s defaults."""

    __slots__ = (
        "_closed",
        "_connecting",
        "_fallback",
        "_idle",
        "_read_timeout",
        "_slots",
        "_ssl",
        "connect_timeout",
        "keepalive_expiry",
        "max_connections",
        "pool_timeout",
        "write_timeout",
    )

    def __init__(
        self,
        max_connections: int = 256,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        keepalive_expiry: float = 5.0,
    ):
        if max_connections < 1:
            raise ValueError("max_connections must be at least 1")
        self.max_connections = max_connections
        self._read_timeout = read_timeout
        self.write_timeout = write_timeout
        self.connect_timeout = connect_timeout
        self.pool_timeout = pool_timeout
        self.keepalive_expiry = keepalive_expiry
        self._idle: dict[tuple[str, str, int], deque[_Connection]] = {}
        self._slots: asyncio.Semaphore | None = None
        self._connecting: asyncio.Semaphore | None = None
        self._ssl: ssl.SSLContext | None = None
        self._fallback: HTTPXRequest | None = None
        self._closed = False

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        self._closed = False
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_connections)
            self._connecting = asyncio.Semaphore(MAX_CONNECTING)
        if self._fallback is not None:
            await self._fallback.initialize()

    async def shutdown(self) -> None:
        self._closed = True
        for idle in self._idle.values():
            while idle:
                idle.pop().close()
        self._idle.clear()
        self._slots = self._connecting = None  # new ones (and event loop) on initialize()
        if self._fallback is not None:
            await self._fallback.shutdown()

    def _ssl_context(self) -> ssl.SSLContext:
        if self._ssl is None:
            import httpx  # PTB's dependency; the same certificate checks as HTTPXRequest

            self._ssl = httpx.create_ssl_context()
        return self._ssl

    async def _open(self, key: tuple[str, str, int], timeout: float | None) -> _Connection:
        """A connection for a request that found none idle. At most MAX_CONNECTING are opened
        at a time, and a request that had to wait takes a connection that came back meanwhile
        instead: a burst of replies grows the pool a few connections at a time rather than
        sending the server dozens of handshakes at once (a small listen backlog, such as the
        test server's 5, turns those into seconds of SYN retries)."""
        scheme, host, port = key
        connecting = self._connecting
        if connecting is None:
            raise RuntimeError("This BotApiRequest is shut down")
        try:
            async with asyncio.timeout(timeout), connecting:
                conn = self._checkout(key)
                if conn is not None:
                    return conn
                conn = _Connection(key)
                tls = self._ssl_context() if scheme == "https" else None
                try:
                    await asyncio.get_running_loop().create_connection(
                        lambda: conn, host, port, ssl=tls, server_hostname=host if tls else None
                    )
                except BaseException:
                    conn.close()
                    raise
                return conn
        except TimeoutError:
            raise TimedOut(f"Connect timeout ({host}:{port})") from None
        except (OSError, ssl.SSLError) as exc:
            raise NetworkError(f"Cannot connect to {host}:{port}: {exc}") from exc

    def _checkout(self, key: tuple[str, str, int]) -> _Connection | None:
        idle = self._idle.get(key)
        now = time.monotonic()
        while idle:
            conn = idle.pop()  # the most recently used first
            if conn.reusable(now, self.keepalive_expiry):
                return conn
            conn.close()
        return None

    def _checkin(self, conn: _Connection) -> None:
        if self._closed:
            conn.close()
            return
        conn.idle_since = time.monotonic()
        self._idle.setdefault(conn.key, deque()).append(conn)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._closed or self._slots is None:
            raise RuntimeError("This BotApiRequest is not initialized!")
        if request_data is not None and request_data.contains_files:
            return await self._upload(
                url,
                method,
                request_data,
                read_timeout,
                write_timeout,
                connect_timeout,
                pool_timeout,
            )
        key, target, host = _target(url)
        verb = method.upper().encode("ascii")
        params = request_data.parameters if request_data is not None else None
        if params:
            body = json.dumps(params).encode("ascii")
            head = b"%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\n" % (
                verb,
                target,
                host,
                self.USER_AGENT.encode("ascii"),
            ) + b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
        else:
            body = b""
            head = b"%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\n%s\r\n" % (
                verb,
                target,
                host,
                self.USER_AGENT.encode("ascii"),
                b"Content-Length: 0\r\n" if verb == b"POST" else b"",
            )

        slots = self._slots
        if slots.locked():
            try:
                async with asyncio.timeout(_value(pool_timeout, self.pool_timeout)):
                    await slots.acquire()
            except TimeoutError:
                raise TimedOut(
                    "Pool timeout: All connections in the connection pool are occupied. "
                    "Request was *not* sent to Telegram. Consider adjusting the connection "
                    "pool size or the pool timeout."
                ) from None
        else:
            await slots.acquire()
        conn: _Connection | None = None
        try:
            conn = self._checkout(key)
            if conn is None:
                conn = await self._open(key, _value(connect_timeout, self.connect_timeout))
            await conn.send(head + body, _value(write_timeout, self.write_timeout))
            try:
                async with asyncio.timeout(_value(read_timeout, self._read_timeout)):
                    status, payload, keep = await _read_response(conn, verb)
            except TimeoutError:
                raise TimedOut("Read timeout") from None
        except BaseException as exc:
            if conn is not None:
                conn.close()  # never reuse a connection in an unknown state
            slots.release()
            if isinstance(exc, (ConnectionError, OSError, _ProtocolError)):
                raise NetworkError(f"Bot API connection failed: {exc}") from exc
            raise
        if keep and not conn.buffer:
            self._checkin(conn)
        else:
            conn.close()
        slots.release()
        return status, payload

    async def _upload(self, url: str, method: str, request_data: RequestData, *timeouts: Any):
        if self._fallback is None:
            self._fallback = HTTPXRequest(
                connection_pool_size=self.max_connections,
                read_timeout=self._read_timeout,
                write_timeout=self.write_timeout,
                connect_timeout=self.connect_timeout,
                pool_timeout=self.pool_timeout,
            )
            await self._fallback.initialize()
        return await self._fallback.do_request(url, method, request_data, *timeouts)
