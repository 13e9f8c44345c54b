"""Keep bot tokens (and the webhook secret) out of every log line.

httpx logs each request URL, which contains the token, at INFO; it is raised to WARNING. PTB
logs the API URL at DEBUG, and error texts quote URLs and server replies. So redaction does not
depend on where a record comes from: a record factory cleans every record as it is made (any
logger, created now or later), and a filter on the root handlers and on the libraries' loggers
cleans again what reaches them by other paths. Anything shaped like a bot token is replaced,
not only the configured one: a token quoted by an error text may be another bot's, or ours
mangled (cut, or in another URL).
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Callable
from types import TracebackType

# digits (a whole run: no match inside a longer number), a colon, 30+ token characters
TOKEN_SHAPE = re.compile(r"(?<![0-9])[0-9]+:[A-Za-z0-9_-]{30,}")
TOKEN_LABEL = "<token>"

_LOGGERS = (
    "httpx",
    "httpcore",
    "telegram",
    "telegram.Bot",
    "telegram.ext.ExtBot",
    "telegram.ext.Application",
    "telegram.ext.Updater",
    "telegram.request",
    "telegram.ext",
    "tornado.access",
    "tornado.application",
    "tornado.general",
)


class RedactSecrets(logging.Filter):
    """Replaces the given secrets and anything shaped like a bot token in a record's message,
    exception text and stack text."""

    def __init__(self, secrets: dict[str, str]):
        super().__init__()
        self.secrets = {s: label for s, label in secrets.items() if s and len(s) >= 6}

    def clean(self, text: str) -> str:
        for secret, label in self.secrets.items():
            text = text.replace(secret, label)
        return TOKEN_SHAPE.sub(TOKEN_LABEL, text)

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record, self.clean)
        return True


def redact_record(record: logging.LogRecord, clean: Callable[[str], str]) -> None:
    """Clean a record in place: its message is rendered once and the arguments dropped, its
    exception is rendered into ``exc_text`` (which formatters use instead of exc_info)."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: logging reports it itself later
        return
    cleaned = clean(message)
    if cleaned != message:
        record.msg, record.args = cleaned, None
    if record.exc_info and record.exc_info[1] is not None:
        text = record.exc_text or logging.Formatter().formatException(record.exc_info)
        record.exc_text = clean(text)
    if record.stack_info:
        record.stack_info = clean(record.stack_info)


class _Factory:
    """A LogRecord factory wrapping the one before it; installed once, secrets updatable."""

    def __init__(self, inner: Callable[..., logging.LogRecord]):
        self.inner = inner
        self.redact = RedactSecrets({})

    def __call__(self, *args: object, **kwargs: object) -> logging.LogRecord:
        record = self.inner(*args, **kwargs)
        redact_record(record, self.redact.clean)
        return record


_lock = threading.Lock()


def _factory() -> _Factory:
    with _lock:
        current = logging.getLogRecordFactory()
        if not isinstance(current, _Factory):
            current = _Factory(current)
            logging.setLogRecordFactory(current)
        return current


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An uncaught exception's traceback, printed like Python does but redacted."""
    import traceback

    text = "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(_factory().redact.clean(text))


def protect_logs(token: str | None, *extra: str | None) -> RedactSecrets:
    """Quiet httpx and redact the token, the extra secrets and anything token-shaped in every
    log record from now on (idempotent; the latest secret set wins)."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    secrets = {token or "": TOKEN_LABEL}
    secrets.update({s: "<secret>" for s in extra if s})
    redact = RedactSecrets(secrets)
    _factory().redact = redact
    sys.excepthook = _excepthook
    targets = [logging.getLogger(name) for name in _LOGGERS]
    targets += [
        logging.getLogger(name)
        for name in list(logging.root.manager.loggerDict)
        if name.startswith(("telegram", "httpx", "httpcore", "handlers", "tornado"))
    ]
    for target in [*targets, *logging.getLogger().handlers]:
        for old in [f for f in target.filters if isinstance(f, RedactSecrets)]:
            target.removeFilter(old)
        target.addFilter(redact)
    return redact
