"""End to end: the real bot process (``python -m bot run``) against the fake Bot API with
Telegram's per-chat flood control. 40 questions arrive in one group within 10 s; during the
burst a private question and an inline query. All are answered, in order per chat, the group
without a single 429, the private and the inline answer within 3 s, the group told once that
its questions come in turn.

Telegram's windows (20 messages a minute into a group) would make this take two minutes, so the
fake server's windows and the bot's pacing are scaled by the same setting, CALLBOT_GROUP_RATE
(messages a minute into a group; 200 here: everything ten times faster). Run at Telegram's own
rates, printing the figures::

    CALLBOT_GROUP_RATE=20 .venv/bin/python -m pytest tests/test_e2e_burst.py -s
"""

from __future__ import annotations

import os
import time

from handlers import texts
from tests.test_e2e_telegram import BURST_QUESTIONS, TOKEN, _errors, _start, _stop

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi

GROUP, ASKER, USER = -100424242, 5151, 6161
QUESTIONS = 40
BURST_SECONDS = 10.0  # at Telegram's rates
PROBE_AT = 30  # the question after which a private question and an inline query are asked:
# three quarters into the burst, when many of the group's answers are waiting
WITHIN = 3.0  # seconds: the private and the inline answer during the burst


def _group_rate() -> float:
    return float(os.environ.get("CALLBOT_GROUP_RATE") or 200)


def _most_in_window(times: list[float], window: float) -> int:
    return max(
        (sum(1 for t in times[i:] if t - start < window) for i, start in enumerate(times)),
        default=0,
    )


def answered_at(server: FakeBotApi, seen: dict[str, float]) -> bool:
    """Note when the private answer and the inline answer are first seen (the server re-checks
    this after every call it takes); True once both are."""
    now = time.monotonic()
    if server.sent(USER):
        seen.setdefault("private", now)
    if server.inline_answers:
        seen.setdefault("inline", now)
    return len(seen) == 2


def test_a_busy_group_stalls_no_other_chat(tmp_path):
    rate = _group_rate()
    scale = 20 / rate  # 1: Telegram's own windows
    with FakeBotApi(token=TOKEN, telegram_flood=scale) as server:
        server.add_chat(GROUP, "supergroup", title="Research office")
        proc = _start(tmp_path, server, CALLBOT_GROUP_RATE=f"{rate:g}", CALLBOT_LOG_LEVEL="INFO")
        try:
            assert server.wait_for(lambda: server.calls_of("getUpdates"), timeout=20)
            asked: list[tuple[int, str]] = []
            seen: dict[str, float] = {}
            start = time.monotonic()
            gap = BURST_SECONDS * scale / QUESTIONS
            for n in range(QUESTIONS):
                question, marker = BURST_QUESTIONS[n % len(BURST_QUESTIONS)]
                msg = server.push_message(GROUP, ASKER, f"/ask {question}", chat_type="supergroup")
                asked.append((msg["message_id"], marker))
                if n == PROBE_AT:  # a private question, an inline query
                    asked_at = time.monotonic()
                    server.push_message(USER, USER, "以色列的经费是多少？")
                    server.push_inline_query(USER, "德国")
                    assert server.wait_for(lambda: answered_at(server, seen), timeout=120)
                    private_latency = seen["private"] - asked_at
                    inline_latency = seen["inline"] - asked_at
                time.sleep(max(0.0, start + gap * (n + 1) - time.monotonic()))
            pushed = time.monotonic() - start
            answered = server.wait_for(
                lambda: len([m for m in server.sent(GROUP) if m.reply_to]) >= QUESTIONS,
                timeout=150 * scale + 20,
            )
            done = time.monotonic() - start
        finally:
            code, err = _stop(proc)
    group = server.sent(GROUP)
    answers = [m for m in group if m.reply_to]
    notices = [m for m in group if texts.busy("zh-Hans") in m.text]
    times = sorted(m.at for m in group)
    per_window = _most_in_window(times, 60 * scale)
    refused = [e for e in server.errors if e.error_code == 429]
    print(
        f"\nburst at {rate:g} messages a minute into a group (windows x{scale:g}): "
        f"{QUESTIONS} questions pushed in {pushed:.1f} s, all answered after {done:.1f} s; "
        f"at most {per_window} group messages in any {60 * scale:g} s (Telegram: 20 a minute); "
        f"private answer after {private_latency:.3f} s, inline answer after "
        f"{inline_latency:.3f} s; {len(refused)} x 429; {len(notices)} overload notice(s)"
    )
    assert answered, f"{len(answers)}/{QUESTIONS} answered; {_errors(err)}"
    assert not refused, refused[:3]
    assert not server.errors, server.errors[:3]
    assert len(answers) == QUESTIONS == len(group)  # the notice rides on an answer
    for (question_id, marker), answer in zip(asked, answers, strict=True):
        assert answer.reply_to == question_id and marker in answer.text  # in order
    assert private_latency < WITHIN and inline_latency < WITHIN
    assert "2000万元" in server.sent(USER)[0].text
    assert server.inline_answers[0]["results"]
    assert len(notices) == 1  # 40 waiting is more than a minute's worth: told once
    assert per_window <= 20
    assert code == 0 and " ERROR " not in err and "Traceback" not in err, err[-3000:]
