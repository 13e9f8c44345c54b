"""Issue 7, points 9-10 (found in the audit): the number of values in a knowledge file is capped.

The size limit alone did not bound memory: each value costs about 0.5 KB to read and index by
line, so a 6 MB file of `a: [1,1,1,…]` (3 million values, no alias anywhere) took `callbot
check` 34 s and 1.5 GB, and a 20 MB one would take 5 GB, in the running bot's watcher too. Past
MAX_VALUES the file is refused with one file:line line, long before that.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeError, load_bundled, loader
from knowledge.loader import parse_knowledge
from tests.hostile.support import callbot

ROOT = Path(__file__).resolve().parents[2]


def test_a_file_of_millions_of_values_is_refused_within_bounds(tmp_path):
    path = tmp_path / "wide.yaml"
    path.write_text("a: [" + ",".join(["1"] * 4_000_000) + "]\n", encoding="utf-8")  # 8 MB
    done = callbot("check", str(path), timeout=60)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert f"{path}:1: more than {loader.MAX_VALUES:,} values" in done.stdout


def test_the_cap_counts_scalars_lists_and_maps(monkeypatch):
    monkeypatch.setattr(loader, "MAX_VALUES", 1000)
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge("x:\n" + "".join(f"  - {{k: {i}}}\n" for i in range(400)), "f.yaml")
    [problem] = caught.value.problems
    assert str(problem).startswith("f.yaml:")
    assert "more than 1,000 values" in str(problem)
    assert problem.line and problem.line > 300  # where the cap was crossed


def test_the_bundled_file_is_far_below_the_cap(monkeypatch):
    monkeypatch.setattr(loader, "MAX_VALUES", loader.MAX_VALUES // 50)
    assert load_bundled().directions
