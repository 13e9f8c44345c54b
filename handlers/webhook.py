"""Webhook mode: a small tornado server that refuses what it will not process before reading it.

PTB's own ``run_webhook`` buffers a whole request (tornado's default limit: 100 MB) before it
checks the secret, so a few concurrent uploads from anyone who can reach the port cost the bot
hundreds of megabytes. Here the handler streams (``stream_request_body``): the path, the
secret header and the announced length are checked in ``prepare``, once the headers are in and
before a byte of the body is read, and a refused request's connection is closed rather than
drained. The server itself refuses any body over MAX_BODY_BYTES, announced or not.

Otherwise it does what PTB's webhook does (PTB's "custom webhook" pattern): set the webhook with
the secret and the allowed updates, turn each posted JSON into an ``Update`` and put it on the
application's update queue, and run the application until SIGINT/SIGTERM.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import signal
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus

import tornado.web
from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application, ExtBot
from tornado.httpserver import HTTPServer

from handlers.polling import update_kind

logger = logging.getLogger(__name__)

# An update is a message of at most 4096 characters with its entities and a replied-to
# message: tens of kilobytes. 1 MiB refuses nothing Telegram sends and bounds everything else.
MAX_BODY_BYTES = 1024 * 1024
IDLE_CONNECTION_TIMEOUT = 120.0  # Telegram keeps its connections alive between updates
BODY_TIMEOUT = 30.0  # a client that stops sending mid-body is dropped
MAX_RETRY_PAUSE = 30.0
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
EXIT_REFUSED = 1


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """POST <path>: one update as JSON, from Telegram (the secret header proves it)."""

    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, ptb_app: Application, secret: str | None) -> None:
        self.ptb_app = ptb_app
        self.secret = secret
        self.body = bytearray()

    async def prepare(self) -> None:
        headers = self.request.headers
        given = headers.get(SECRET_HEADER, "")
        if self.secret is not None and not hmac.compare_digest(
            given.encode("utf-8", "replace"), self.secret.encode()
        ):
            await self.refuse(HTTPStatus.FORBIDDEN)
            return
        if headers.get("Content-Type", "").split(";")[0].strip().lower() != "application/json":
            await self.refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
            return
        length = headers.get("Content-Length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            status = HTTPStatus.REQUEST_ENTITY_TOO_LARGE if length.isdigit() else 400
            await self.refuse(status)

    async def refuse(self, status: int) -> None:
        await _refuse(self, status)

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return
        if len(self.body) + len(chunk) > MAX_BODY_BYTES:  # chunked bodies announce no length
            self.body.clear()
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        self.body.extend(chunk)

    async def post(self) -> None:
        bot = self.ptb_app.bot
        try:
            data = json.loads(self.body)
        except Exception:  # whatever the JSON is, it is the sender's fault: a 400, not a crash
            data = None
        update = None
        if isinstance(data, dict):
            try:
                update = Update.de_json(data, bot)
            except Exception:
                if isinstance(data.get("update_id"), int):
                    # an update PTB cannot parse (a newer Bot API): 200, or Telegram resends it
                    logger.warning(
                        "Skipped update %s (%s): python-telegram-bot cannot parse it",
                        data["update_id"],
                        update_kind(data),
                    )
                    return
        if update is None:
            logger.info("Webhook: refused a body that is not an update")
            self.set_status(HTTPStatus.BAD_REQUEST)
            return
        if isinstance(bot, ExtBot):
            bot.insert_callback_data(update)
        await self.ptb_app.update_queue.put(update)

    def log_exception(self, typ, value, tb) -> None:  # type: ignore[no-untyped-def]
        # HTTPErrors are answers, not faults; anything else is logged without the request body
        if not isinstance(value, tornado.web.HTTPError):
            logger.error("Webhook handler failed: %s", value)


@tornado.web.stream_request_body
class _NotFound(tornado.web.RequestHandler):
    """Any other path: 404 without reading the body (streaming, so nothing is buffered)."""

    async def prepare(self) -> None:
        await _refuse(self, HTTPStatus.NOT_FOUND)


async def _refuse(handler: tornado.web.RequestHandler, status: int) -> None:
    """Answer at once and close the connection, so that the body is never read."""
    handler.set_status(status)
    handler.set_header("Connection", "close")
    await handler.finish()
    handler.request.connection.close()  # type: ignore[union-attr]


def make_server(application: Application, url_path: str, secret: str | None) -> HTTPServer:
    """The tornado server for ``/<url_path>`` (not listening yet)."""
    path = re.escape("/" + url_path.strip("/")).rstrip("/")
    app = tornado.web.Application(
        [
            (
                rf"{path}/?",
                UpdateHandler,
                {"ptb_app": application, "secret": secret},
            )
        ],
        default_handler_class=_NotFound,
        log_function=lambda handler: None,  # no access log: it would be one line per message
    )
    return HTTPServer(
        app,
        max_body_size=MAX_BODY_BYTES,
        idle_connection_timeout=IDLE_CONNECTION_TIMEOUT,
        body_timeout=BODY_TIMEOUT,
        xheaders=False,
    )


async def retrying(
    what: str, action: Callable[[], Awaitable[object]], max_retries: int, pause: float = 1.0
) -> None:
    """Run ``action`` until it succeeds; network failures are retried after a growing pause
    (``max_retries`` < 0: for ever), each logged with its cause. A rejected token or a request
    Telegram refuses (e.g. the webhook URL) is raised at once: retrying cannot help."""
    attempt = 0
    while True:
        try:
            await action()
            return
        except (InvalidToken, BadRequest):
            raise
        except (NetworkError, RetryAfter) as exc:
            attempt += 1
            if 0 <= max_retries < attempt:
                raise
            wait = exc.retry_after if isinstance(exc, RetryAfter) else pause
            seconds = wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait)
            logger.warning("%s failed (%s); retrying in %.0f s", what, exc, seconds)
            await asyncio.sleep(seconds)
            pause = min(pause * 2, MAX_RETRY_PAUSE)


async def serve_webhook(
    application: Application,
    *,
    listen: str,
    port: int,
    url_path: str,
    webhook_url: str,
    secret_token: str | None,
    allowed_updates: Sequence[str] | None,
    bootstrap_retries: int = -1,
    stop: asyncio.Event | None = None,
    set_webhook: bool = True,
) -> None:
    """Run ``application`` behind the webhook server until ``stop`` is set (or the process
    gets SIGINT/SIGTERM), with the post_init/post_stop/post_shutdown hooks run_webhook calls."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT)
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
        for sig in signals:
            loop.add_signal_handler(sig, stop.set)
    server = None
    try:
        await retrying("Connecting to the Bot API", application.initialize, bootstrap_retries)
        if application.post_init:
            await application.post_init(application)
        server = make_server(application, url_path, secret_token)
        server.listen(port, address=listen)
        # run_telegram's start-up (handlers.startup.connect) has set it already
        if set_webhook:
            try:
                await retrying(
                    "setWebhook",
                    lambda: application.bot.set_webhook(
                        url=webhook_url, secret_token=secret_token, allowed_updates=allowed_updates
                    ),
                    bootstrap_retries,
                )
            except BadRequest as exc:  # retrying cannot help: say why, once, and stop
                logger.error("Telegram refused the webhook (CALLBOT_WEBHOOK_URL): %s", exc.message)
                raise SystemExit(EXIT_REFUSED) from None
        await application.start()
        await stop.wait()
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            for sig in signals:
                loop.remove_signal_handler(sig)
        if server is not None:
            server.stop()
            await server.close_all_connections()
        if application.running:
            await application.stop()
            if application.post_stop:
                await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


def run_webhook(application: Application, **kwargs: object) -> None:
    """Blocking, like ``Application.run_webhook``: serve until SIGINT/SIGTERM. Runs on the
    current event loop, as PTB's run_* do: the bot's HTTP client was opened on it (start-up
    connects before serving) and cannot move to another loop."""
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(serve_webhook(application, **kwargs))  # type: ignore[arg-type]
    finally:
        loop.close()
