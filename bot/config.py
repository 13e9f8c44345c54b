"""Configuration from the environment (and an optional .env file in the working directory)."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path


def _load_dotenv(path: Path = Path(".env")) -> None:
    """KEY=VALUE lines; the real environment wins. No dependency for a dozen lines of parsing."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip().strip('"').strip("'")
        if key and key not in os.environ:
            os.environ[key] = value


DEFAULT_RELOAD_INTERVAL = 5.0


def _interval(raw: str | None) -> float:
    """Seconds between checks of the knowledge file; 0 turns the check off, anything that is
    not a finite number >= 0 means the default."""
    try:
        value = float(raw) if raw and raw.strip() else DEFAULT_RELOAD_INTERVAL
    except ValueError:
        return DEFAULT_RELOAD_INTERVAL
    return value if math.isfinite(value) and value >= 0 else DEFAULT_RELOAD_INTERVAL


@dataclass(frozen=True)
class Config:
    token: str | None = None
    knowledge: str | None = None
    api_base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    admins: frozenset[int] = field(default_factory=frozenset)
    data_dir: str = "callbot-data"
    persistence: str | None = None
    unanswered_log: str | None = None
    log_level: str = "INFO"
    reload_interval: float = DEFAULT_RELOAD_INTERVAL  # seconds; 0: no automatic reload

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, dotenv: bool = True) -> Config:
        if env is None:
            if dotenv:
                _load_dotenv()
            env = dict(os.environ)
        admins: set[int] = set()
        for part in env.get("CALLBOT_ADMINS", "").replace(";", ",").split(","):
            part = part.strip()
            if part.lstrip("-").isdigit():
                admins.add(int(part))
        data_dir = env.get("CALLBOT_DATA_DIR", "callbot-data")
        try:
            port = int(env.get("CALLBOT_WEBHOOK_PORT", "8443"))
        except ValueError:
            port = 8443
        return cls(
            token=env.get("TELEGRAM_BOT_TOKEN") or None,
            knowledge=env.get("CALLBOT_KNOWLEDGE") or None,
            api_base_url=env.get("TELEGRAM_API_BASE_URL") or None,
            webhook_url=env.get("CALLBOT_WEBHOOK_URL") or None,
            webhook_secret=env.get("CALLBOT_WEBHOOK_SECRET") or None,
            webhook_listen=env.get("CALLBOT_WEBHOOK_LISTEN", "127.0.0.1"),
            webhook_port=port,
            admins=frozenset(admins),
            data_dir=data_dir,
            persistence=env.get("CALLBOT_PERSISTENCE") or str(Path(data_dir) / "state.pickle"),
            unanswered_log=env.get("CALLBOT_UNANSWERED_LOG")
            or str(Path(data_dir) / "unanswered.jsonl"),
            log_level=env.get("CALLBOT_LOG_LEVEL", "INFO").upper(),
            reload_interval=_interval(env.get("CALLBOT_RELOAD_INTERVAL")),
        )
