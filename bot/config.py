"""Every setting callbot has, read and checked in one place.

Values come from the environment, then from a ``.env`` file (the environment wins): the one in
the current folder, else the one in the project folder (the checkout holding ``bot/``). A
relative path means what it means where it was written: in the environment, relative to the
current folder; in a ``.env`` file, relative to that file's folder. A value that cannot be used
raises ``ConfigError`` naming the variable, so the user gets one clear line, never a default
silently put in its place.
"""

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

PROJECT_DIR = Path(__file__).resolve().parent.parent
ENV_FILE = ".env"
MAX_ENV_FILE = 64 * 1024  # bytes; a settings file, not a data file
MAX_VALUE = 4096  # characters in any one setting
MAX_ADMINS = 1000
DEFAULT_DATA_DIR = "callbot-data"
DEFAULT_RELOAD_INTERVAL = 5.0  # seconds
DEFAULT_POLL_INTERVAL = 0.2  # seconds; see poll_interval in .env.example
DEFAULT_GROUP_RATE = 20.0  # messages a minute into one group: Telegram's limit
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Variables holding paths: relative ones in a .env file are taken relative to its folder.
PATH_VARS = (
    "CALLBOT_KNOWLEDGE",
    "CALLBOT_DATA_DIR",
    "CALLBOT_PERSISTENCE",
    "CALLBOT_UNANSWERED_LOG",
    "CALLBOT_CACHE_DIR",  # read by bot.vocab (it is needed before a Config exists)
)
_NOT_A_PATH = ("off", "0", "no")  # CALLBOT_CACHE_DIR=off turns the cache off
# digits, a colon, then the secret part: anything else breaks the request URL
_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{1,200}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_USER_ID = re.compile(r"[0-9]{1,20}")


class ConfigError(ValueError):
    """A setting that cannot be used; ``str()`` is the one line to show the user."""


def find_env_file(cwd: Path | None = None) -> Path | None:
    """``.env`` in the current folder, else in the project folder, else None."""
    for folder in (cwd or Path.cwd(), PROJECT_DIR):
        candidate = folder / ENV_FILE
        if candidate.is_file():  # regular files only: a FIFO or a device is never read
            return candidate
    return None


def read_env_file(path: Path) -> dict[str, str]:
    """The settings of a .env file, with relative paths made relative to its folder."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_ENV_FILE + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_ENV_FILE:
        raise ConfigError(f"{path} is larger than {MAX_ENV_FILE // 1024} KB; is it a .env file?")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path} is not UTF-8 (byte {exc.start})") from None
    # no ${VAR} expansion: a secret holding "$" is taken as written
    values = dotenv_values(stream=io.StringIO(text), interpolate=False)
    settings = {key: value for key, value in values.items() if value is not None}
    for key in PATH_VARS:
        value = settings.get(key, "").strip()
        if value.lower() in _NOT_A_PATH:
            continue
        if value and not Path(value).expanduser().is_absolute():
            settings[key] = str(path.parent.resolve() / value)
    return settings


def load_env_file(
    path: Path | None = None, environ: MutableMapping[str, str] | None = None
) -> Path | None:
    """Put the .env file's settings into the environment without overriding any; the file used,
    or None."""
    environ = os.environ if environ is None else environ
    path = find_env_file() if path is None else path
    if path is None:
        return None
    for key, value in read_env_file(path).items():
        environ.setdefault(key, value)
    return path


def _text(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    if len(value) > MAX_VALUE or "\x00" in value:
        raise ConfigError(f"{name} is longer than {MAX_VALUE} characters or holds a NUL byte")
    return value


def _path(env: Mapping[str, str], name: str) -> str | None:
    value = _text(env, name)
    return os.path.expanduser(value) if value else None


def _number(
    env: Mapping[str, str],
    name: str,
    default: float,
    low: float,
    high: float,
    unit: str = "a number of seconds",
) -> float:
    raw = _text(env, name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and low <= value <= high):
        raise ConfigError(f"{name} must be {unit} from {low:g} to {high:g}, got {raw!r}")
    return value


def _token(env: Mapping[str, str]) -> str | None:
    token = _text(env, "TELEGRAM_BOT_TOKEN")
    if token is not None and not _TOKEN.fullmatch(token):
        # the value itself is never shown: a near-miss is still mostly a secret
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters, "
            "digits, _ or -); copy it again from @BotFather"
        )
    return token


def _url(env: Mapping[str, str], name: str) -> str | None:
    url = _text(env, name)
    if url is None:
        return None
    try:
        parts = urlsplit(url)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:  # e.g. "http://[::1": an unclosed IPv6 address
        usable = False
    if not usable:
        raise ConfigError(f"{name} must be an http:// or https:// URL, got {url[:100]!r}")
    return url


def _admins(env: Mapping[str, str]) -> frozenset[int]:
    raw = _text(env, "CALLBOT_ADMINS") or ""
    admins: set[int] = set()
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not _USER_ID.fullmatch(part):
            raise ConfigError(
                f"CALLBOT_ADMINS: {part[:40]!r} is not a Telegram user id; give numbers separated "
                "by commas, e.g. CALLBOT_ADMINS=123456789,987654321"
            )
        admins.add(int(part))
    if len(admins) > MAX_ADMINS:
        raise ConfigError(f"CALLBOT_ADMINS lists more than {MAX_ADMINS} users")
    return frozenset(admins)


def _port(env: Mapping[str, str]) -> int:
    raw = _text(env, "CALLBOT_WEBHOOK_PORT")
    if raw is None:
        return 8443
    if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= 65535):
        raise ConfigError(
            f"CALLBOT_WEBHOOK_PORT must be a port number from 1 to 65535, got {raw!r}"
        )
    return int(raw)


def _secret(env: Mapping[str, str]) -> str | None:
    secret = _text(env, "CALLBOT_WEBHOOK_SECRET")
    if secret is not None and not _SECRET.fullmatch(secret):
        raise ConfigError(
            "CALLBOT_WEBHOOK_SECRET may only hold A-Z a-z 0-9 _ - (1-256 characters)"
        )
    return secret


def _log_level(env: Mapping[str, str]) -> str:
    level = (_text(env, "CALLBOT_LOG_LEVEL") or "INFO").upper()
    if level not in LOG_LEVELS:
        raise ConfigError(
            f"CALLBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, got {level!r}"
        )
    return level


@dataclass(frozen=True)
class Config:
    token: str | None = field(default=None, repr=False)  # never in a repr, hence in no log
    knowledge: str | None = None
    api_base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    admins: frozenset[int] = field(default_factory=frozenset)
    data_dir: str = DEFAULT_DATA_DIR
    persistence: str | None = None
    unanswered_log: str | None = None
    log_level: str = "INFO"
    reload_interval: float = DEFAULT_RELOAD_INTERVAL  # seconds; 0: no automatic reload
    poll_interval: float = DEFAULT_POLL_INTERVAL  # seconds long polling pauses under load
    # messages a minute into one group (private chats paced in proportion); only for a Bot API
    # server with other limits than Telegram's, or to run the fake server's windows faster
    group_rate: float = DEFAULT_GROUP_RATE

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, dotenv: bool = True) -> Config:
        """The settings of ``env``; without it, of the process environment after loading the
        .env file. Raises ConfigError for a value that cannot be used."""
        if env is None:
            if dotenv:
                load_env_file()
            env = os.environ
        data_dir = _path(env, "CALLBOT_DATA_DIR") or DEFAULT_DATA_DIR
        return cls(
            token=_token(env),
            knowledge=_path(env, "CALLBOT_KNOWLEDGE"),
            api_base_url=_url(env, "TELEGRAM_API_BASE_URL"),
            webhook_url=_url(env, "CALLBOT_WEBHOOK_URL"),
            webhook_secret=_secret(env),
            webhook_listen=_text(env, "CALLBOT_WEBHOOK_LISTEN") or "127.0.0.1",
            webhook_port=_port(env),
            admins=_admins(env),
            data_dir=data_dir,
            persistence=_path(env, "CALLBOT_PERSISTENCE") or str(Path(data_dir) / "state.json"),
            unanswered_log=_path(env, "CALLBOT_UNANSWERED_LOG")
            or str(Path(data_dir) / "unanswered.jsonl"),
            log_level=_log_level(env),
            reload_interval=_number(
                env, "CALLBOT_RELOAD_INTERVAL", DEFAULT_RELOAD_INTERVAL, 0, 86400
            ),
            poll_interval=_number(env, "CALLBOT_POLL_INTERVAL", DEFAULT_POLL_INTERVAL, 0, 60),
            group_rate=_number(
                env, "CALLBOT_GROUP_RATE", DEFAULT_GROUP_RATE, 1, 6000, "messages a minute"
            ),
        )
