"""Peak memory, time and exit status of `callbot ask --jsonl` on large and hostile input.

    .venv/bin/python bench/bench_ask_input.py [--timeout SECONDS]

Each case runs `python -m bot ask --jsonl` as a child process fed from a temporary file; the
peak RSS is the child's own (os.wait4), so the figures do not include this script.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cases() -> dict[str, Callable[[], Iterator[bytes]]]:
    """Inputs as chunk generators: the figures are the child's peak RSS, and Linux counts the
    parent's memory at fork in it, so this script never holds a large input itself."""
    short = json.dumps(["德国多少钱？", "那芬兰呢？"], ensure_ascii=False).encode()
    overview = json.dumps(["这个专项总体什么情况？"] * 1000, ensure_ascii=False).encode()

    def ten_mb_line() -> Iterator[bytes]:
        yield b'["\\u5fb7\\u56fd"'
        for _ in range(7_000):
            yield b', "\\u5fb7\\u56fd"' * 100
        yield b"]\n"

    return {
        "2 turns": lambda: iter([short + b"\n"]),
        "10 MB line of short turns": ten_mb_line,
        "5,000-turn line": lambda: iter(
            [json.dumps(["芬兰多少钱？", "那德国呢？"] * 2500).encode() + b"\n"]
        ),
        "1,000 long replies in a line": lambda: iter([overview + b"\n"]),
        "50 lines x 1,000 long replies": lambda: (overview + b"\n" for _ in range(50)),
        "100,000 [": lambda: iter([b"[" * 100_000 + b"\n"]),
        "invalid UTF-8": lambda: iter([b'["\xff\xfe"]\n']),
    }


def _run(stdin: Iterator[bytes], timeout: float) -> tuple[int | str, float, float, str]:
    with tempfile.TemporaryFile() as fh:
        for chunk in stdin:
            fh.write(chunk)
        fh.seek(0)
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "ask", "--jsonl"],
            stdin=fh,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        assert proc.stderr is not None
        try:
            err = proc.stderr.read() if timeout <= 0 else _read_with_timeout(proc, timeout)
        finally:
            _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.monotonic() - start
        code: int | str = os.waitstatus_to_exitcode(status)
        if isinstance(code, int) and code < 0:
            code = f"killed (signal {-code})"
        first = err.decode("utf-8", "replace").strip().splitlines()
        return code, usage.ru_maxrss / 1024, elapsed, (first[-1] if first else "")[:90]


def _read_with_timeout(proc: subprocess.Popen, timeout: float) -> bytes:
    import threading

    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        assert proc.stderr is not None
        return proc.stderr.read()
    finally:
        timer.cancel()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=300, help="kill a case after this long")
    args = ap.parse_args()
    print(f"{'case':32} {'exit':>8} {'peak RSS':>10} {'time':>8}  stderr")
    for name, stdin in _cases().items():
        code, rss, elapsed, err = _run(stdin(), args.timeout)
        print(f"{name:32} {code!s:>8} {rss:8.0f}MB {elapsed:7.1f}s  {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
