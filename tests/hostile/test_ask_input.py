"""Hostile input to `callbot ask` (issue 7, point 12): bounded memory, streamed replies, and one
clear line with exit 2 for anything malformed, never a traceback or exit 1 (which the contract
keeps for invalid knowledge). Each case runs a real process with a 1 GB address-space cap.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys

import pytest

from bot.ask_input import MAX_LINE_BYTES, MAX_TURN_CHARS, MAX_TURNS
from tests.conftest import ROOT
from tests.hostile.support import callbot, cap_memory

# as a user runs it: block-buffered stdout, so only an explicit flush makes a line appear
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
    "TELEGRAM_BOT_TOKEN": "",
    "CALLBOT_KNOWLEDGE": "",
}


def ask(
    *args: str | bytes, stdin: bytes = b"", timeout: float = 60
) -> subprocess.CompletedProcess:
    # in a capped child: the old code took 4.5 GB on a 10 MB line
    return callbot("ask", *args, input=stdin, text=False, timeout=timeout, env=ENV)


def _refused(proc: subprocess.CompletedProcess, *words: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, (proc.returncode, err[-2000:])
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_10_mb_line_of_short_turns_is_refused_in_bounded_memory():
    line = ("[" + ", ".join(['"德国"'] * 1_200_000) + "]\n").encode()
    assert len(line) > 10_000_000
    proc = ask("--jsonl", stdin=json.dumps(["德国多少钱？"]).encode() + b"\n" + line, timeout=30)
    _refused(proc, "stdin line 2", f"{MAX_LINE_BYTES:,} bytes")
    first = proc.stdout.decode().splitlines()
    assert len(first) == 1 and json.loads(first[0])[0]["programs"] == ["intl-1.8"]


def test_the_longest_conversation_allowed_is_answered_exactly_as_json_dumps_would_write_it():
    turns = ["德国多少钱？", "那芬兰呢？", "", "Hi"] * (MAX_TURNS // 4)
    line = json.dumps(turns, ensure_ascii=False).encode()
    proc = ask("--jsonl", stdin=line + b"\n" + line + b"\n")
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    out = proc.stdout.decode().split("\n")
    assert out[2] == "" and len(out) == 3 and out[0] == out[1]
    replies = json.loads(out[0])
    assert len(replies) == MAX_TURNS
    assert json.dumps(replies, ensure_ascii=False) == out[0]  # same separators, same escapes
    assert replies[1]["programs"] == ["intl-1.6"]  # the follow-up still resolves


def test_each_line_is_written_before_the_next_is_read():
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        preexec_fn=cap_memory,
        env=ENV,
    )
    try:
        assert proc.stdin and proc.stdout
        proc.stdin.write(json.dumps(["德国多少钱？"]).encode() + b"\n")
        proc.stdin.flush()  # stdin stays open: the answer must come anyway
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "no reply to the first line while stdin is still open"
        assert json.loads(proc.stdout.readline())[0]["intent"] == "budget"
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize(
    ("stdin", "words"),
    [
        (b'["\xff\xfe abc"]\n', ("stdin line 1", "UTF-8")),
        (b"[" * 100_000 + b"\n", ("stdin line 1", "nested too deeply")),
        (b'["a", ["b"]]\n', ("turn 2 is an array",)),
        (b'[{"a": 1}]\n', ("turn 1 is an object",)),
        (b"[1, 2]\n", ("turn 1 is a number",)),
        (b"[null]\n", ("turn 1 is null",)),
        (b'{"turns": ["a"]}\n', ("expected a JSON array", "got an object")),
        (b"not json\n", ("not JSON",)),
        (b"[1" + b"0" * 5000 + b"]\n", ("not JSON",)),
        (b'["\\ud800"]\n', ("turn 1", "not valid")),
        (json.dumps(["a"] * (MAX_TURNS + 1)).encode() + b"\n", (f"{MAX_TURNS + 1:,} turns",)),
        (json.dumps(["x" * (MAX_TURN_CHARS + 1)]).encode() + b"\n", ("turn 1 has 4,097",)),
        (b'["ok"]\n\n' + b"[" * 10 + b"\n", ("stdin line 3",)),  # blank lines still count
    ],
    ids=[
        "utf8",
        "brackets",
        "nested-turn",
        "object",
        "number",
        "null",
        "object-line",
        "not-json",
        "huge-int",
        "surrogate",
        "too-many-turns",
        "long-turn",
        "line-number",
    ],
)
def test_malformed_lines_give_one_clear_line_and_exit_2(stdin, words):
    _refused(ask("--jsonl", stdin=stdin), *words)


def test_a_5000_turn_line_is_refused():
    line = json.dumps(["芬兰多少钱？", "那德国呢？"] * 2500, ensure_ascii=False).encode()
    _refused(ask("--jsonl", stdin=line + b"\n"), "5,000 turns", f"at most {MAX_TURNS:,}")


def test_bom_and_crlf_are_read_past():
    stdin = b"\xef\xbb\xbf" + json.dumps(["德国多少钱？"]).encode() + b"\r\n"
    proc = ask("--jsonl", stdin=stdin)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)[0]["programs"] == ["intl-1.8"]


def test_turn_arguments_are_bounded_and_must_be_utf8():
    _refused(ask("x" * 100_000), "TURN 1 has 100,000 characters")
    _refused(ask("德国多少钱？", b"\xff\xfe"), "TURN 2", "not valid UTF-8")
    _refused(ask(*["a"] * (MAX_TURNS + 1)), f"{MAX_TURNS + 1:,} turns")
    proc = ask("--json", "德国多少钱？", "x" * MAX_TURN_CHARS)
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2


def test_help_states_the_limits():
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    assert f"{MAX_TURNS:,} turns" in text and f"{MAX_LINE_BYTES:,} bytes" in text
