"""The shared development set, scored by the shared scorer through `callbot ask --jsonl`."""

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

SCORER = SHARED / "eval" / "score.py"
DEV = SHARED / "eval" / "dev.yaml"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not next to this checkout")
def test_dev_set_scores_95_percent():
    cmd = f"{sys.executable} -m bot ask --jsonl"
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(DEV), "--cmd", cmd, "--min", "0.95"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    last = proc.stdout.strip().splitlines()[-1]
    m = re.search(r"= ([\d.]+)%", last)
    assert m and float(m.group(1)) >= 95.0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert proc.returncode == 0
