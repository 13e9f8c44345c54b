"""Benchmark of the answering core; prints figures, asserts nothing (machines here are noisy).

  python bench/bench_core.py [--turns 3000]

1. per-turn latency (p50, p99) on the bundled knowledge over a few thousand questions (the
   question sets' short questions, then the first-contact sets' long realistic messages);
2. the same on a synthetic knowledge file 100 times larger (1,600 directions);
3. cold start and peak memory of `callbot ask 芬兰` in a fresh process.
The engine compiles its vocabulary first, as `callbot run` and `callbot chat` do at start (a
pattern compiled on a user's message costs that turn a millisecond or more).
Targets on the 2-core machine: p99 < 2 ms (bundled), < 10 ms (100x), cold < 0.3 s and < 60 MB.
Each latency line gives wall-clock figures and, after "cpu", the same for the thread's CPU time:
on a shared machine a turn preempted for one scheduler tick (4 ms) counts in the wall-clock p99,
and the CPU figures tell that from work the bot does.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bot.engine import Engine  # noqa: E402
from knowledge import bundled_path, load_bundled, load_knowledge  # noqa: E402
from tests.question_set import load_items  # noqa: E402

EXTRA = [
    "芬兰的经费是多少？",
    "那德国呢？",
    "哪些方向支持氢能？",
    "Compare Spain and Finland",
    "哪个方向平均资助最高",
    "What's the deadline?",
    "overview please",
    "lorem ipsum",
    "以色例支持多少个项目",
    "How many Maco projects?",
    "韩国能源技术联合研究平均每项多少万",
]


def conversations() -> list[list[str]]:
    convs = [item["turns"] for item in load_items()]
    convs += [[q] for q in EXTRA]
    return convs


def realistic() -> list[list[str]]:
    """The first-contact sets' conversations: long research-office messages with context,
    several questions and follow-ups (tests/firstcontact), slower to read than short questions."""
    convs: list[list[str]] = []
    for folder in sorted((ROOT / "tests" / "firstcontact").glob("fc*")):
        convs += [item["turns"] for item in load_items(folder)]
    return convs


def measure(engine: Engine, convs: list[list[str]], turns: int) -> tuple[list[float], list[float]]:
    """Wall-clock and thread CPU seconds of each turn."""
    times: list[float] = []
    cpu: list[float] = []
    rng = random.Random(7)
    n = 0
    while n < turns:
        conv = rng.choice(convs)
        session = ("bench", n)
        for text in conv:
            t0, c0 = time.perf_counter(), time.thread_time()
            engine.ask(text, session)
            cpu.append(time.thread_time() - c0)
            times.append(time.perf_counter() - t0)
            n += 1
        engine.contexts.forget(session)
    return times, cpu


def _p(times: list[float], q: float) -> float:
    return times[int(len(times) * q)] * 1000


def report(name: str, measured: tuple[list[float], list[float]]) -> None:
    times, cpu = sorted(measured[0]), sorted(measured[1])
    mean = statistics.fmean(times) * 1000
    print(
        f"{name:<28} turns={len(times):>6}  p50={_p(times, 0.5):6.3f} ms  "
        f"p99={_p(times, 0.99):6.3f} ms  mean={mean:6.3f} ms  max={times[-1] * 1000:6.2f} ms  "
        f"cpu p50={_p(cpu, 0.5):6.3f} ms  p99={_p(cpu, 0.99):6.3f} ms"
    )


_SYLLABLES = "安博辰德恩丰格海佳可兰明宁欧朴琪荣森泰维西雅泽卓"
_LATIN = [
    "vala",
    "noro",
    "keta",
    "lumi",
    "sari",
    "toma",
    "zeno",
    "rivo",
    "pala",
    "meso",
    "dari",
    "ulan",
    "ostra",
    "beko",
    "fira",
]


def synthetic(factor: int = 100) -> str:
    """The bundled knowledge times ``factor``: new partners with made-up, unique names."""
    data = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    rng = random.Random(1)
    used: set[str] = set()
    partners = list(data["partners"])  # copy 0 keeps the real partners and their aliases
    directions = list(data["directions"])
    for copy in range(1, factor):
        for d in data["directions"]:
            while True:
                zh = "".join(rng.choice(_SYLLABLES) for _ in range(3)) + "国"
                en = rng.choice(_LATIN).title() + rng.choice(_LATIN) + f"{copy}"
                if zh not in used and en.lower() not in used:
                    used.update({zh, en.lower()})
                    break
            pid = f"p{copy}-{d['id']}"
            partners.append(
                {"id": pid, "kind": "country", "name": {"zh-Hans": zh, "en": en}, "aliases": []}
            )
            nd = dict(d)
            nd["id"] = f"{d['id']}-x{copy}"
            nd["partner"] = pid
            nd["number"] = f"{d['number']}.{copy}"
            nd.pop("aliases", None)
            nd["title"] = {"zh-Hans": f"中国和{zh}合作项目", "en": f"China–{en} projects"}
            nd["short"] = {"zh-Hans": f"中{zh[0]}合作{copy}", "en": f"China–{en}"}
            directions.append(nd)
    data["partners"] = partners
    data["directions"] = directions
    for call in data["calls"]:
        own = [d for d in directions if d["call"] == call["id"]]
        call["directions"] = len(own)
        call["total"] = sum(f["total"] for d in own for f in d["funding"])
        call["projects"] = {
            "count": sum(f["projects"]["count"] for d in own for f in d["funding"]),
            "qualifier": "about",
        }
    # Copies share their funding and field lists; written out, not as anchors and aliases,
    # which the loader refuses.
    return yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def cold_start(runs: int = 5) -> None:
    code = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        "subprocess.run([sys.executable,'-m','bot','ask','芬兰'],stdout=subprocess.DEVNULL,"
        "check=True);dt=time.perf_counter()-t;"
        "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    # an installed CLI runs from cached bytecode; PYTHONDONTWRITEBYTECODE (set on some CI and
    # sandbox machines) would compile every source file on every run instead (about +0.1 s).
    # One untimed run writes the cache (__pycache__ is git-ignored).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=ROOT, env=env, check=True
    )
    walls, peaks = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=True,
        ).stdout.split()
        walls.append(float(out[0]))
        peaks.append(int(out[1]) / 1024)
    print(
        f"{'cold `callbot ask 芬兰`':<28} runs={runs}  median={statistics.median(walls):.3f} s  "
        f"best={min(walls):.3f} s  peak RSS={max(peaks):.1f} MB"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=3000)
    args = ap.parse_args()
    convs = conversations()
    engine = Engine(load_bundled())
    t0 = time.perf_counter()
    compiled = engine.prepare()  # as the bot and the terminal chat do at start
    print(f"{'compile the vocabulary':<28} patterns={compiled}  {time.perf_counter() - t0:.2f} s")
    measure(engine, convs, 200)  # warm caches
    report("bundled (16 directions)", measure(engine, convs, args.turns))
    report("bundled, realistic messages", measure(engine, realistic(), args.turns))

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        path.write_text(synthetic(100), encoding="utf-8")
        t0 = time.perf_counter()
        big = load_knowledge(path)
        t1 = time.perf_counter()
        engine = Engine(big)
        t2 = time.perf_counter()
        print(
            f"{'100x knowledge':<28} directions={len(big.directions)}  load={t1 - t0:.2f} s  "
            f"index={t2 - t1:.2f} s"
        )
        measure(engine, convs, 100)
        report("100x (1,600 directions)", measure(engine, convs, max(500, args.turns // 3)))
    cold_start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
