"""End-to-end benchmark of the Telegram bot; prints figures, asserts nothing.

  python bench/bench_e2e.py [--messages N] [--users U] [--paced-seconds S]
                            [--rate] [--idle-seconds I] [--rate-limiter]
                            [--poll-interval P] [--webhook] [--api-latency MS]

The fake Bot API server (tests/fakebotapi) runs in this process on 127.0.0.1; the bot runs as
its own process, ``python -m bot run`` (polling, persistence and unanswered log in a temporary
data folder, INFO logging to a file) with ``TELEGRAM_API_BASE_URL`` pointing at the server and
PTB's rate limiter switched off (the launcher only wraps ``build_application``), so its CPU
time is measured alone: utime+stime from ``/proc/<pid>/stat`` before and after each phase.

1. burst: N messages (default 2,000) from U users (default 100, private chats), all queued at
   once; messages per second answered, latency from the push to the server recording the reply
   (p50/p99; under saturation this is mostly queueing), CPU milliseconds per message;
2. paced: ``--rate`` messages per second (default 30) for S seconds (default 20), spread over
   the users; latency and the bot's CPU use as % of one core (the goal: the bot is never the
   bottleneck -- under 25% of one core at Telegram's 30 a second, with PTB's stock httpx
   client, which is what the bot uses). The state file is written every 30 s, so the default
   run includes no write; ``--users 1000 --paced-seconds 40`` includes one, with a thousand
   changed chats;
3. idle: I seconds (default 5) of long polling with nothing to answer.

``--rate-limiter`` runs the paced phase with PTB's AIORateLimiter on, as in production.
``--poll-interval`` sets CALLBOT_POLL_INTERVAL (the bot's default otherwise: 0.2 s).
``--webhook`` runs the bot in webhook mode (CALLBOT_WEBHOOK_URL, listening on 127.0.0.1) and
delivers each update with a POST over one kept-alive connection, as Telegram would; in the burst
the posts are sent one after another, each waiting for the bot's 200.
``--api-latency`` makes every sendMessage take that many milliseconds longer (Telegram is tens
to hundreds of milliseconds away; the fake server answers in about one): answers per chat must
still come in order, and chats must not wait for each other.
Questions come from the question set (tests/questions), whole conversations per user, so there
are follow-ups; every question gets exactly one reply, paired with it by order per chat.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakebotapi import FakeBotApi  # noqa: E402
from tests.question_set import load_items  # noqa: E402

TOKEN = "777002:BENCH-callbot_token"
CLK_TCK = os.sysconf("SC_CLK_TCK")
CHILD_FLAG = "--bot-process"
WEBHOOK_SECRET = "bench_webhook_secret"


class TimedServer(FakeBotApi):
    """The fake server, stamping when each sendMessage is recorded (by chat, in order)."""

    def __init__(self, *args: Any, latency: float = 0.0, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.stamps: dict[int, list[float]] = {}
        self.replies = 0
        self.latency = latency  # seconds added to each sendMessage (in its connection's thread)

    def _handle_http(self, verb: str, raw_path: str, content_type: str, body: bytes) -> Any:
        if self.latency and raw_path.rstrip("/").endswith("/sendMessage"):
            time.sleep(self.latency)
        return super()._handle_http(verb, raw_path, content_type, body)

    def _m_send_message(self, params: dict[str, Any]) -> Any:
        msg = super()._m_send_message(params)  # called with the server's lock held
        self.stamps.setdefault(msg["chat"]["id"], []).append(time.perf_counter())
        self.replies += 1
        return msg


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime (fields 14, 15)


def questions_by_user(users: list[int], count: int, seed: int) -> dict[int, list[str]]:
    """``count`` questions spread evenly over ``users``, whole conversations each."""
    convs = [item["turns"] for item in load_items() if item.get("turns")]
    rng = random.Random(seed)
    plan: dict[int, list[str]] = {u: [] for u in users}
    per_user, extra = divmod(count, len(users))
    for i, user in enumerate(users):
        want = per_user + (i < extra)
        while len(plan[user]) < want:
            plan[user].extend(t for t in rng.choice(convs) if t.strip())
        del plan[user][want:]
    return plan


def interleave(plan: dict[int, list[str]]) -> list[tuple[int, str]]:
    """Round robin over users: (user, question) in push order."""
    out = []
    depth = max(len(q) for q in plan.values())
    for i in range(depth):
        out.extend((user, qs[i]) for user, qs in plan.items() if i < len(qs))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Bot:
    """``python -m bot run`` (rate limiter off unless asked) against the server; polling, or a
    webhook on 127.0.0.1 that ``deliver`` posts to."""

    def __init__(
        self,
        server: TimedServer,
        data: Path,
        rate_limiter: bool,
        extra_env: dict[str, str],
        webhook: bool = False,
    ):
        self.server = server
        self.log = open(data / "bot.log", "w", encoding="utf-8")  # noqa: SIM115
        self.port = free_port() if webhook else None
        self.conn: http.client.HTTPConnection | None = None
        self.update_id = 0
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLBOT_", "TELEGRAM_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=server.url,
            CALLBOT_DATA_DIR=str(data),
            PYTHONPATH=str(ROOT),
            **extra_env,
        )
        if self.port:
            env.update(
                CALLBOT_WEBHOOK_URL="https://bot.example.org/hook",
                CALLBOT_WEBHOOK_SECRET=WEBHOOK_SECRET,
                CALLBOT_WEBHOOK_LISTEN="127.0.0.1",
                CALLBOT_WEBHOOK_PORT=str(self.port),
            )
        cmd = [sys.executable, __file__, CHILD_FLAG] + (["--rate-limiter"] if rate_limiter else [])
        self.proc = subprocess.Popen(
            cmd, cwd=data, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )

    @property
    def cpu(self) -> float:
        return cpu_seconds(self.proc.pid)

    def started(self) -> bool:
        if self.port:
            return bool(self.server.webhook_url)
        return bool(self.server.calls_of("getUpdates"))

    def deliver(self, user: int, text: str) -> None:
        """The user writes ``text``: polling fetches it from the server; a webhook gets it
        posted (the update the server queued, which nobody polls)."""
        msg = self.server.push_message(user, user, text)
        if self.port:
            self.update_id += 1
            self._post(json.dumps({"update_id": self.update_id, "message": msg}).encode())

    def _post(self, body: bytes) -> None:
        headers = {
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET,
        }
        for attempt in range(50):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.conn.request("POST", "/hook", body, headers)
                resp = self.conn.getresponse()
                resp.read()
                if resp.status != 200:
                    sys.exit(f"the webhook answered {resp.status}")
                return
            except (OSError, http.client.HTTPException):
                self.conn = None
                time.sleep(0.1 * min(attempt, 5))
        sys.exit("cannot post to the webhook")

    def stop(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def start_bot(
    server: TimedServer,
    data: Path,
    rate_limiter: bool,
    extra_env: dict[str, str],
    webhook: bool = False,
) -> Bot:
    bot = Bot(server, data, rate_limiter, extra_env, webhook)
    if not server.wait_for(bot.started, timeout=60):
        bot.stop()
        sys.exit(f"the bot did not start; see {data / 'bot.log'}")
    warm = 1  # a few answers first: imports, caches and connections warmed up
    texts = ("芬兰的经费是多少？", "那德国呢？", "Compare Spain and Finland")
    want = len(server.stamps.get(warm, [])) + len(texts)
    for text in texts:
        bot.deliver(warm, text)
    if not server.wait_for(lambda: len(server.stamps.get(warm, [])) >= want, timeout=30):
        bot.stop()
        sys.exit(f"the bot did not answer; see {data / 'bot.log'}")
    return bot


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] if values else float("nan")


def run_phase(
    server: TimedServer, bot: Bot, schedule: list[tuple[float, int, str]], timeout: float
) -> dict[str, Any]:
    """Push ``(offset seconds, user, text)`` on time; wait for every reply; measure."""
    base = {u: len(server.stamps.get(u, [])) for _, u, _ in schedule}
    pushed: dict[int, list[float]] = {u: [] for u in base}
    before = server.replies
    cpu0, wall0 = bot.cpu, time.perf_counter()
    for offset, user, text in schedule:
        delay = wall0 + offset - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        pushed[user].append(time.perf_counter())
        bot.deliver(user, text)
    total = len(schedule)
    done = server.wait_for(lambda: server.replies - before >= total, timeout=timeout)
    wall = time.perf_counter() - wall0
    cpu = bot.cpu - cpu0
    latencies, mismatched = [], 0
    for user, times in pushed.items():
        stamps = server.stamps.get(user, [])[base[user] :]
        if len(stamps) != len(times):
            mismatched += 1
        latencies += [s - t for t, s in zip(times, stamps, strict=False)]
    return {
        "messages": total,
        "answered": server.replies - before,
        "complete": done,
        "mismatched_chats": mismatched,
        "wall": wall,
        "cpu": cpu,
        "latencies": latencies,
    }


def row(name: str, r: dict[str, Any]) -> str:
    lat = r["latencies"]
    n = max(1, r["answered"])
    p50, p99 = pct(lat, 0.5) * 1000, pct(lat, 0.99) * 1000
    return (
        f"{name:<18}{r['answered']:>6}/{r['messages']:<6}{r['wall']:>7.1f}"
        f"{r['answered'] / r['wall']:>9.0f}{p50:>9.1f}{p99:>9.1f}"
        f"{r['cpu']:>8.2f}{r['cpu'] / n * 1000:>8.2f}{r['cpu'] / r['wall'] * 100:>8.1f}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--users", type=int, default=100)
    ap.add_argument("--paced-seconds", type=float, default=20.0)
    ap.add_argument("--rate", type=float, default=30.0, help="paced messages per second")
    ap.add_argument("--idle-seconds", type=float, default=5.0)
    ap.add_argument("--rate-limiter", action="store_true", help="paced phase with the limiter")
    ap.add_argument(
        "--poll-interval", type=float, help="CALLBOT_POLL_INTERVAL (default: the bot's)"
    )
    ap.add_argument("--webhook", action="store_true", help="webhook mode instead of polling")
    ap.add_argument(
        "--api-latency", type=float, default=0.0, help="milliseconds added to sendMessage"
    )
    args = ap.parse_args()
    extra_env = {}
    if args.poll_interval is not None:
        extra_env["CALLBOT_POLL_INTERVAL"] = str(args.poll_interval)

    users = [100_001 + i for i in range(args.users)]
    results: list[tuple[str, dict[str, Any]]] = []
    notes: list[str] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        TimedServer(token=TOKEN, latency=args.api_latency / 1000) as server,
    ):
        # burst: everything queued at once
        data = Path(tmp) / "burst"
        data.mkdir()
        bot = start_bot(server, data, False, extra_env, args.webhook)
        try:
            plan = interleave(questions_by_user(users, args.messages, seed=1))
            r = run_phase(server, bot, [(0.0, u, t) for u, t in plan], timeout=600)
            results.append(("burst", r))
        finally:
            bot.stop()

        # paced: --rate per second, and idle; a fresh bot (own data folder)
        data = Path(tmp) / "paced"
        data.mkdir()
        bot = start_bot(server, data, args.rate_limiter, extra_env, args.webhook)
        try:
            count = max(1, round(args.rate * args.paced_seconds))
            plan = interleave(questions_by_user(users, count, seed=2))
            schedule = [(i / args.rate, u, t) for i, (u, t) in enumerate(plan)]
            label = f"paced {args.rate:g}/s" + (" +RL" if args.rate_limiter else "")
            results.append((label, run_phase(server, bot, schedule, timeout=120)))
            if args.idle_seconds > 0:
                cpu0, wall0 = bot.cpu, time.perf_counter()
                threading.Event().wait(args.idle_seconds)
                idle = {"cpu": bot.cpu - cpu0, "wall": time.perf_counter() - wall0}
                notes.append(
                    f"idle {idle['wall']:.1f} s: bot CPU {idle['cpu']:.2f} s "
                    f"({idle['cpu'] / idle['wall'] * 100:.2f}% of one core)"
                )
        finally:
            bot.stop()
        if server.errors:
            notes.append(f"{len(server.errors)} rejected call(s), first: {server.errors[0]}")

    mode = "webhook" if args.webhook else "long polling"
    settings = [f"{k}={v}" for k, v in extra_env.items()]
    if args.api_latency:
        settings.append(f"sendMessage +{args.api_latency:g} ms")
    print(
        f"bot: python -m bot run ({mode}{', ' if settings else ''}{', '.join(settings)}),"
        f" rate limiter off unless +RL; {os.cpu_count()} CPU(s)"
    )
    print(
        f"{'phase':<18}{'answered':>13}{'wall s':>7}{'msg/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'CPU s':>8}{'ms/msg':>8}{'%core':>8}"
    )
    for name, r in results:
        print(row(name, r))
        if not r["complete"] or r["mismatched_chats"]:
            notes.append(
                f"{name}: {r['answered']} replies to {r['messages']} questions, "
                f"{r['mismatched_chats']} chat(s) with a different number of replies"
            )
    for note in notes:
        print("note:", note)
    return 0


def child() -> int:
    """The bot process: ``python -m bot run``, with the rate limiter as asked."""
    import functools

    import handlers.app
    from bot.cli import main as bot_main

    limiter = "--rate-limiter" in sys.argv
    handlers.app.build_application = functools.partial(
        handlers.app.build_application, rate_limiter=limiter
    )
    return bot_main(["run"])


if __name__ == "__main__":
    sys.exit(child() if CHILD_FLAG in sys.argv else main())
