"""Issue 7 point 2: `scripts/run.sh ARGS` passes ARGS to callbot and only to callbot, from the
user's folder, without reinstalling the project.

run.sh is run in a copy of the project whose .venv is a stand-in: its `callbot` records the
arguments and folder it was started with, its `python` records any install. That tests the
script's contract without pip or a network.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CALLBOT_STUB = """#!{python}
import json, os, sys
print(json.dumps({{"argv": sys.argv[1:], "cwd": os.getcwd()}}))
"""
PYTHON_STUB = """#!/bin/sh
echo "$@" >> "$(dirname "$0")/../installs.log"
"""


def _executable(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the scripts with a ready .venv stand-in (stamp up to date)."""
    proj = tmp_path / "project"
    shutil.copytree(ROOT / "scripts", proj / "scripts")
    shutil.copy(ROOT / "pyproject.toml", proj / "pyproject.toml")
    bin_dir = proj / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    _executable(bin_dir / "callbot", CALLBOT_STUB.format(python=sys.executable))
    _executable(bin_dir / "python", PYTHON_STUB)
    digest = hashlib.sha256((proj / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (proj / ".venv" / ".callbot-installed").write_text(digest + "\n", encoding="utf-8")
    return proj


def _run(project: Path, cwd: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    proc = subprocess.run(
        ["bash", str(project / "scripts" / "run.sh"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads(proc.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["芬兰"],
        ["x y"],
        ["ask", "--json", "以色列 多少钱？", ""],
        ["check", "mine.yaml"],
        ["test"],
        ["-e", ".[test]"],
    ],
)
def test_arguments_reach_callbot_verbatim_and_nothing_is_installed(project, tmp_path, args):
    """Before: the first argument was taken as pip extras (`pip install -e .[--help]`: a pip
    traceback), and each new first word reinstalled the project."""
    proc, seen = _run(project, tmp_path, *args)
    assert seen["argv"] == args
    assert not (project / ".venv" / "installs.log").exists(), proc.stderr
    assert "Installing" not in proc.stderr
    assert sorted(p.name for p in (project / ".venv").glob(".callbot-installed*")) == [
        ".callbot-installed"
    ]


def test_callbot_runs_in_the_users_folder(project, tmp_path):
    """`scripts/run.sh check mine.yaml` from another folder: mine.yaml is the user's file."""
    user = tmp_path / "elsewhere"
    user.mkdir()
    _, seen = _run(project, user, "check", "mine.yaml")
    assert Path(seen["cwd"]).resolve() == user.resolve()


def test_run_sh_through_a_symlink_and_a_relative_path(project, tmp_path):
    link = tmp_path / "callbot-run"
    link.symlink_to(project / "scripts" / "run.sh")
    proc = subprocess.run(
        ["bash", "callbot-run", "ask", "x"], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["argv"] == ["ask", "x"]


def test_a_changed_pyproject_installs_once_without_the_arguments(project, tmp_path):
    with (project / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n# changed\n")
    _run(project, tmp_path, "--help")
    installs = (project / ".venv" / "installs.log").read_text(encoding="utf-8")
    assert "-e ." in installs and "--help" not in installs and "[" not in installs
    (project / ".venv" / "installs.log").unlink()
    _run(project, tmp_path, "ask", "x")  # the stamp is up to date now
    assert not (project / ".venv" / "installs.log").exists()
