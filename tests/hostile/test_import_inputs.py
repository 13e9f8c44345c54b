"""Audit of issue 7, points 10-11, for `callbot import`: the notice is an input like any other.
Found in the audit: `callbot import /dev/zero` grew until memory ran out (MemoryError
traceback), a FIFO blocked it for ever, and a figure or 序号 of 100,000 digits ended in a
ValueError traceback (Python refuses to convert 4,300+ digits). Each is now one line, exit 1,
nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from noticeimport.importer import main
from tests.hostile.support import callbot

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "notices" / "seed_2023.txt"


def test_a_device_or_a_fifo_is_refused_before_reading(tmp_path):
    fifo = tmp_path / "notice.fifo"
    os.mkfifo(fifo)
    for notice, what in (("/dev/zero", "a character device"), (str(fifo), "a FIFO")):
        done = callbot("import", notice, "-o", str(tmp_path / "out.yaml"), timeout=15)
        assert done.returncode == 1, done.stderr[-1000:]
        assert f"callbot import: {notice}: not a regular file ({what})" in done.stderr
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize(
    "cell", ["9" * 100_000 + "/5", "2000." + "5" * 5000 + "/5", "９" * 5000 + "/5"]
)
def test_a_number_of_thousands_of_digits_is_one_problem(tmp_path, capsys, cell):
    seed = SEED.read_text(encoding="utf-8")
    text = seed.replace("\t2000/5\n", f"\t{cell}\n", 1)
    assert text != seed
    notice = tmp_path / "notice.txt"
    notice.write_text(text, encoding="utf-8")
    assert main(str(notice), str(tmp_path / "out.yaml")) == 1
    err = capsys.readouterr().err
    line = text[: text.index(cell)].count("\n") + 1
    assert f"{notice}:{line}: a number of " in err and "digits is not a figure" in err
    assert not (tmp_path / "out.yaml").exists()
