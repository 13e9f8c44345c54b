"""Issue 7, point 10: only regular files, bounded, are read as knowledge.

`callbot check /dev/zero` grew to gigabytes and a FIFO blocked forever; both are now refused from
the open descriptor before any byte is read. A file over the cap is refused without being read,
and one that grows past the cap while being read is cut off at the cap.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from knowledge import KnowledgeError, load_knowledge
from knowledge import loader as loader_module
from tests.hostile.support import callbot

ROOT = Path(__file__).resolve().parents[2]


def callbot_check(path: Path | str, timeout: float = 20) -> subprocess.CompletedProcess:
    return callbot("check", str(path), timeout=timeout)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_check_dev_zero_is_refused_without_reading():
    done = callbot_check("/dev/zero")
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        "/dev/zero: not a regular file (a character device)",
        "1 problem(s) in /dev/zero",
    ]


def test_check_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "calls.yaml"
    os.mkfifo(fifo)
    done = callbot_check(fifo, timeout=10)  # the old code blocked here until killed
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        f"{fifo}: not a regular file (a FIFO)",
        f"1 problem(s) in {fifo}",
    ]


def test_check_a_file_over_the_cap(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:  # sparse: over the cap without writing 20 MB
        fh.truncate(loader_module.MAX_FILE_BYTES + 1)
    done = callbot_check(path)
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        f"{path}: file too large ({loader_module.MAX_FILE_BYTES + 1} bytes; "
        f"the limit is {loader_module.MAX_FILE_BYTES} bytes)",
        f"1 problem(s) in {path}",
    ]


def test_a_symlink_to_a_device_or_a_directory_is_refused(tmp_path):
    link = tmp_path / "calls.yaml"
    link.symlink_to("/dev/zero")
    done = callbot_check(link)  # in a child: the old code read /dev/zero until memory ran out
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stdout.splitlines()[0] == f"{link}: not a regular file (a character device)"
    with pytest.raises(KnowledgeError, match="is a directory"):
        load_knowledge(tmp_path)


def test_the_read_is_capped_even_if_the_size_lied(tmp_path, monkeypatch):
    """A file that grows between fstat and read (or a file system that reports size 0, as
    /proc does) is still read at most limit+1 bytes."""
    from knowledge.loader import read_knowledge_bytes

    path = tmp_path / "grows.yaml"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    def small_fstat(fd):
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 10, *st[7:]))  # claims 10 bytes

    monkeypatch.setattr(os, "fstat", small_fstat)
    with pytest.raises(KnowledgeError, match="grew while being read"):
        read_knowledge_bytes(path, limit=50)
    assert read_knowledge_bytes(path, limit=100) == b"x" * 100


def test_check_reads_the_file_once(tmp_path, monkeypatch, capsys, bundled_text):
    from bot.cli import main

    path = tmp_path / "calls.yaml"
    path.write_text(bundled_text + "# TODO: English names\n", encoding="utf-8")
    opened: list[str] = []
    real_open = os.open

    def spy(p, *args, **kwargs):
        opened.append(str(p))
        return real_open(p, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    todo_line = bundled_text.count("\n") + 1
    assert f"1 line(s) still marked TODO (lines {todo_line})" in out
    assert opened.count(str(path)) == 1
