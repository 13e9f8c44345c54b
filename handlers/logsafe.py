"""Keep the bot token (and the webhook secret) out of every log line.

httpx logs each request URL, which contains the token, at INFO; it is raised to WARNING. PTB
logs the API URL (token included) at DEBUG when a bot is created. A filter that replaces the
secrets is put on the loggers that see URLs and on the root handlers, so even DEBUG logging of
the libraries shows ``<token>`` instead.
"""

from __future__ import annotations

import logging

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
    """Replaces each secret in a record's message (and exception text) with a placeholder."""

    def __init__(self, secrets: dict[str, str]):
        super().__init__()
        self.secrets = {s: label for s, label in secrets.items() if s and len(s) >= 6}

    def _clean(self, text: str) -> str:
        for secret, label in self.secrets.items():
            text = text.replace(secret, label)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:
            return True
        cleaned = self._clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if self._clean(text) != text:
                record.exc_text = self._clean(text)
        return True


def protect_logs(token: str | None, *extra: str | None) -> RedactSecrets:
    """Quiet httpx and install the redaction filter (idempotent per secret set)."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    secrets = {token or "": "<token>"}
    secrets.update({s: "<secret>" for s in extra if s})
    redact = RedactSecrets(secrets)
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
