"""`callbot ask` exactly as ../shared/ASK_CONTRACT.md describes, through real processes."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(*args, stdin=None, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=60,
        env={**os.environ, "TELEGRAM_BOT_TOKEN": "", **(env or {})},
    )


def test_ask_plain_text_replies_separated_by_blank_line():
    proc = run("ask", "德国多少钱？", "那芬兰呢？")
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.strip().split("\n\n")
    assert "2000万元" in first and "6000万元" in second
    assert "<b>" not in proc.stdout


def test_ask_json_one_object_per_turn():
    proc = run("ask", "--json", "What fields does Israel fund?", "and how much?")
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 2
    last = json.loads(lines[1])
    assert last["intent"] == "budget" and last["programs"] == ["intl-1.9"]
    assert last["lang"] == "en" and "CNY 20 million" in last["text"]


def test_ask_jsonl_fresh_context_per_line():
    stdin = json.dumps(["德国多少钱？", "那芬兰呢？"]) + "\n" + json.dumps(["那芬兰呢？"]) + "\n"
    proc = run("ask", "--jsonl", stdin=stdin)
    out = [json.loads(line) for line in proc.stdout.strip().splitlines()]
    assert [len(x) for x in out] == [2, 1]
    assert out[0][1]["intent"] == "budget"
    assert out[1][0]["intent"] == "detail"  # no context carried over


def test_usage_errors_exit_2():
    assert run("ask").returncode == 2
    assert run("ask", "--bogus", "x").returncode == 2
    assert run("nonsense").returncode == 2
    assert run("ask", "--jsonl", stdin="not json\n").returncode == 2


def test_invalid_knowledge_exits_1_with_place(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\ncalls:\n  - id: intl\n    year: soon\n", encoding="utf-8")
    proc = run("ask", "--knowledge", str(bad), "芬兰")
    assert proc.returncode == 1
    assert str(bad) in proc.stderr and ":4:" in proc.stderr and "year" in proc.stderr


def test_unknown_is_still_a_reply():
    proc = run("ask", "--json", "lorem ipsum")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["intent"] == "unknown"


def test_works_from_another_folder(tmp_path):
    proc = run("ask", "芬兰的经费是多少", cwd=tmp_path, env={"PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0 and "6000万元" in proc.stdout


def test_console_script_installed():
    exe = os.path.join(os.path.dirname(sys.executable), "callbot")
    if not os.path.exists(exe):
        pytest.skip("callbot console script not installed in this environment")
    proc = subprocess.run(
        [exe, "ask", "--json", "芬兰"], capture_output=True, text=True, timeout=60
    )
    assert json.loads(proc.stdout)["programs"] == ["intl-1.6"]


def test_terminal_chat_without_token():
    proc = run(stdin="芬兰的经费是多少\n那德国呢\n")
    assert proc.returncode == 0
    assert "6000万元" in proc.stdout and "2000万元" in proc.stdout


def test_check_command():
    proc = run("check", str(ROOT / "knowledge" / "calls_2023.yaml"))
    assert proc.returncode == 0 and "OK" in proc.stdout


def test_ask_does_not_import_telegram():
    code = (
        "import sys; from bot.cli import main; main(['ask','芬兰']); "
        "assert 'telegram' not in sys.modules and 'httpx' not in sys.modules"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
