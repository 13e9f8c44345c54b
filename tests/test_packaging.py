"""The knowledge and the tables ship inside the package: an installed copy works from anywhere."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_installed_package_answers_from_another_folder(tmp_path):
    target = tmp_path / "site"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if build.returncode != 0:
        pytest.skip(f"could not build the package here: {build.stderr[-300:]}")
    for rel in (
        "knowledge/calls_2023.yaml",
        "knowledge/knowledge.schema.json",
        "textnorm/data/t2s.txt",
        "textnorm/data/s2t.txt",
        "textnorm/data/pinyin.txt",
    ):
        assert (target / rel).is_file(), rel
    env = {**os.environ, "PYTHONPATH": str(target), "TELEGRAM_BOT_TOKEN": ""}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "芬兰的经费是多少"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "6000万元" in proc.stdout
    assert (
        str(target)
        in subprocess.run(
            [sys.executable, "-c", "import knowledge; print(knowledge.bundled_path())"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        ).stdout
    )
