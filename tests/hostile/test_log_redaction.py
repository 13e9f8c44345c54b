"""Issue 7 point 8: nothing shaped like a bot token reaches a log, whatever logger, handler or
exception text carries it, and not only the configured token."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import pytest

from handlers import logsafe
from handlers.logsafe import TOKEN_SHAPE, protect_logs
from tests.hostile.support import bot_env, start_bot

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path
    from fakebotapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
OURS = "777001:AAE2E-callbot_token_SECRET_0123456789"
# another token, and ours cut or mangled in a URL: never equal to the configured one
OTHER = "5550001:AAHfq-someone_ELSES_token_0123456789xyz"
MANGLED = "777001:AAE2E-callbot_token_SECRET_0123456789_and_more"


@pytest.fixture
def root_output():
    """A root handler as basicConfig would add it, restored afterwards."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def test_token_shapes_in_any_logger_and_exception_are_redacted(root_output):
    protect_logs(OURS)
    log = logging.getLogger("some.library.nobody.listed")  # not a logger logsafe knows
    log.warning("GET https://api.telegram.org/bot%s/getMe failed", OTHER)
    log.info("reply: {'description': 'token %s is not valid'}", MANGLED)
    try:
        raise RuntimeError(f"failed calling https://api.telegram.org/bot{OTHER}/sendMessage")
    except RuntimeError:
        log.exception("while sending")
    log.warning("stack of %s", OTHER, stack_info=True)
    text = root_output.getvalue()
    assert "<token>" in text and "while sending" in text and "Traceback" in text
    for secret in (OURS, OTHER, MANGLED, "AAHfq-someone_ELSES", "AAE2E-callbot_token"):
        assert secret not in text, text


def test_a_handler_added_after_protect_logs_is_covered(root_output):
    protect_logs(OURS)
    late = io.StringIO()
    handler = logging.StreamHandler(late)
    logging.getLogger().addHandler(handler)
    try:
        logging.getLogger("tornado.access").error("404 POST /bot%s/x", OTHER)
    finally:
        logging.getLogger().removeHandler(handler)
    assert "404 POST /bot<token>/x" in late.getvalue()


def test_the_configured_token_is_redacted_even_when_short():
    protect_logs("123:ABCDEF")
    record = logging.getLogger("x").makeRecord(
        "x", logging.INFO, "f", 1, "t=%s", ("123:ABCDEF",), None
    )
    assert record.getMessage() == "t=<token>"


def test_uncaught_exceptions_are_redacted(capsys):
    protect_logs(OURS)
    try:
        raise ValueError(f"bad reply for /bot{OTHER}/getMe")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    err = capsys.readouterr().err
    assert "ValueError" in err and OTHER not in err


def test_the_shape_needs_a_whole_digit_run_and_30_characters():
    assert TOKEN_SHAPE.search(f"x{OTHER}y")
    assert not TOKEN_SHAPE.search("12:30 the meeting starts, see you there")
    assert not TOKEN_SHAPE.search("123:" + "a" * 29)
    # linear time on long digit runs (no match attempt from inside a run)
    assert not TOKEN_SHAPE.search("1" * 200_000 + ":" + "a" * 10)
    assert logsafe.TOKEN_LABEL == "<token>"


def test_a_server_reply_quoting_a_token_stays_out_of_the_process_log(tmp_path):
    """The real bot at DEBUG against the fake Bot API, whose error replies quote a token
    (ours, mangled, and another bot's): none of it reaches stderr."""
    with FakeBotApi(token=OURS) as fake:
        fake.inject_error("setMyCommands", 400, f"Bad Request: token {OTHER} unknown", times=None)
        fake.inject_error("setMyDescription", 400, f"Bad Request: see /bot{MANGLED}/x", times=None)
        env = bot_env(
            TELEGRAM_BOT_TOKEN=OURS,
            TELEGRAM_API_BASE_URL=fake.url,
            CALLBOT_DATA_DIR=str(tmp_path / "data"),
            CALLBOT_LOG_LEVEL="DEBUG",
        )
        proc = start_bot(tmp_path, env)
        try:
            assert fake.wait_for(lambda: fake.calls_of("getUpdates"), timeout=20)
        finally:
            proc.send_signal(2)
            _, err = proc.communicate(timeout=20)
    assert "setMyCommands" in err and "<token>" in err, err[-3000:]
    for secret in (OURS, OTHER, MANGLED, "AAHfq-someone_ELSES", "AAE2E-callbot_token"):
        assert secret.lower() not in err.lower(), secret  # PTB lower-cases BadRequest texts
