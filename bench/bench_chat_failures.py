"""What an operator sees, and what users get, when Telegram misbehaves: the real bot process
(``python -m bot run``) against the fake Bot API on 127.0.0.1, one scenario at a time.

Prints per scenario: log lines at WARNING and above, tracebacks, and what reached the users.
Scenarios: a 5-poll outage (502), three 409 Conflicts, a token revoked while polling (401),
a group migrated to a supergroup with an answer on its way, a kicked group, an update the
library cannot parse.

    .venv/bin/python bench/bench_chat_failures.py [scenario ...]
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakebotapi import FakeBotApi  # noqa: E402

TOKEN = "777003:AAbench-callbot_token_SECRET"
USER = 4343
GROUP = -4444
SUPER = -1004444


def start(server: FakeBotApi, tmp: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLBOT_", "TELEGRAM_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=server.url,
        CALLBOT_DATA_DIR=str(tmp / "data"),
        PYTHONPATH=str(ROOT),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(proc: subprocess.Popen) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


def ready(server: FakeBotApi) -> None:
    assert server.wait_for(lambda: server.calls_of("getUpdates"), timeout=30), "no polling"


def wake(server: FakeBotApi) -> None:
    """End the long poll under way (a question, answered), so the next poll meets the error."""
    count = len(server.sent(USER))
    server.push_message(USER, USER, "德国的经费是多少？")
    assert server.wait_for(lambda: len(server.sent(USER)) > count, timeout=10)


def recovered(server: FakeBotApi, within: float) -> bool:
    count = len(server.sent(USER))
    server.push_message(USER, USER, "芬兰的经费是多少？")
    return server.wait_for(lambda: len(server.sent(USER)) > count, timeout=within)


def outage(server: FakeBotApi) -> str:
    server.inject_error("getUpdates", 502, "Bad Gateway", times=5)
    wake(server)
    assert server.wait_for(lambda: len(server.errors) >= 5, timeout=30)
    return f"answered after the outage: {recovered(server, 20)}"


def conflict(server: FakeBotApi) -> str:
    server.inject_error(
        "getUpdates",
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot "
        "instance is running",
        times=3,
    )
    wake(server)
    assert server.wait_for(lambda: len(server.errors) >= 3, timeout=30)
    return f"answered after the conflicts: {recovered(server, 20)}"


def revoked(server: FakeBotApi) -> str:
    server.inject_error("getUpdates", 401, "Unauthorized", times=None)
    wake(server)
    time.sleep(4)
    return f"getUpdates calls in all: {len(server.calls_of('getUpdates'))}"


def migration(server: FakeBotApi) -> str:
    server.add_chat(GROUP, "group")
    if hasattr(server, "set_chat_member"):  # /lang in groups is for admins (issue 9 point 5)
        server.set_chat_member(GROUP, USER, "creator")
    server.push_message(GROUP, USER, "/lang en", chat_type="group")
    assert server.wait_for(lambda: server.sent(GROUP), timeout=10)
    server.migrate_group(GROUP, SUPER, USER, announce=False)
    server.push_message(
        GROUP, USER, f"/ask@{server.username} 芬兰的经费是多少？", chat_type="group"
    )
    time.sleep(4)
    server.migrate_group(GROUP, SUPER, USER, announce=True)
    time.sleep(1)
    server.push_message(
        SUPER, USER, f"/ask@{server.username} 以色列的经费是多少？", chat_type="supergroup"
    )
    time.sleep(3)
    old = len(server.sent(GROUP)) - 1
    new = [m.text for m in server.sent(SUPER)]
    english = sum(1 for t in new if "funding" in t.lower() or "million" in t.lower())
    return (
        f"answers lost: {2 - len(new)} of 2 (old id: {old} delivered, new id: {len(new)},"
        f" of them in English as /lang set: {english}); calls refused at the old id:"
        f" {sum(1 for e in server.errors if e.params.get('chat_id') == GROUP)}"
    )


def kicked(server: FakeBotApi) -> str:
    server.add_chat(GROUP, "group")
    server.refuse_chat(GROUP)
    server.push_message(
        GROUP, USER, f"/ask@{server.username} 芬兰的经费是多少？", chat_type="group"
    )
    server.push_message(
        GROUP, USER, f"/ask@{server.username} 以色列的经费是多少？", chat_type="group"
    )
    time.sleep(4)
    calls = [e for e in server.errors if e.params.get("chat_id") == GROUP]
    return f"calls to the kicked group: {len(calls)}"


def unparseable(server: FakeBotApi) -> str:
    server.push_unparseable_update(USER, USER)
    server.push_message(USER, USER, "芬兰的经费是多少？")
    ok = server.wait_for(lambda: server.sent(USER), timeout=10)
    return f"question after it answered: {ok}"


SCENARIOS = {
    "outage": outage,
    "conflict": conflict,
    "revoked": revoked,
    "migration": migration,
    "kicked": kicked,
    "unparseable": unparseable,
}


def main() -> None:
    import tempfile

    names = sys.argv[1:] or list(SCENARIOS)
    for name in names:
        with tempfile.TemporaryDirectory() as tmp, FakeBotApi(token=TOKEN) as server:
            proc = start(server, Path(tmp))
            try:
                ready(server)
                time.sleep(0.5)
                outcome = SCENARIOS[name](server)
            finally:
                err = stop(proc)
            lines = err.splitlines()
            levels = (" WARNING ", " ERROR ", " CRITICAL ")
            loud = [ln for ln in lines if any(lv in ln for lv in levels)]
            tracebacks = sum(1 for ln in lines if ln.startswith("Traceback"))
            print(f"== {name}: {outcome}")
            print(
                f"   {len(lines)} log lines, {len(loud)} at WARNING+, {tracebacks} tracebacks;"
                f" exit code {proc.returncode}"
            )
            if os.environ.get("SHOW_LOG"):
                print(err)
            for ln in loud[:6]:
                print("   |", ln[:220])


if __name__ == "__main__":
    main()
