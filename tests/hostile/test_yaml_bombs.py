"""Issue 7, point 9: anchors, aliases and deep nesting in a knowledge file.

A 342-byte "billion laughs" file took `callbot check` to gigabytes, a recursive alias ended in a
3,000-line RecursionError, and 990 nested brackets did too. Each is now one file:line line and
exit 1, in bounded time and memory: `callbot check` runs in a child process limited to 1 GB of
address space and a few seconds, so the old behaviour fails the test instead of the machine.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from knowledge import KnowledgeError
from knowledge.loader import parse_knowledge
from tests.hostile.support import callbot

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20


def callbot_check(path: Path | str) -> subprocess.CompletedProcess:
    return callbot("check", str(path), timeout=TIMEOUT)


def billion_laughs() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]\n"
        previous = name
    return text


def test_billion_laughs_is_refused_at_its_first_anchor(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    assert path.stat().st_size == 342
    done = callbot_check(path)
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        f"{path}:1: a: anchors and aliases (&name, *name) are not allowed; write the value out",
        f"1 problem(s) in {path}",
    ]
    assert done.stderr == ""


def test_recursive_alias_is_refused_without_a_traceback(tmp_path):
    path = tmp_path / "recursive.yaml"
    path.write_text("format: 1\ncalls: &c [*c]\n", encoding="utf-8")
    done = callbot_check(path)
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stdout.splitlines()[0] == (
        f"{path}:2: calls: anchors and aliases (&name, *name) are not allowed; write the value out"
    )
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.parametrize("depth", [990, 100_000])
def test_deep_nesting_is_one_clear_line(tmp_path, depth):
    path = tmp_path / "deep.yaml"
    path.write_text("format: 1\ncalls: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    done = callbot_check(path)
    assert done.returncode == 1, done.stderr[-2000:]
    first, summary = done.stdout.splitlines()
    assert first.startswith(f"{path}:2: ")
    assert "nest" in first and len(first) < 300
    assert summary == f"1 problem(s) in {path}"
    assert "Traceback" not in done.stderr


def test_an_anchor_alone_and_an_alias_deep_inside_are_named_with_their_line_and_field():
    with pytest.raises(KnowledgeError) as err:
        parse_knowledge("format: 1\ncalls:\n  - id: x\n    name: &n {en: a}\n", "k.yaml")
    assert [str(p) for p in err.value.problems] == [
        "k.yaml:4: calls[0].name: anchors and aliases (&name, *name) are not allowed; "
        "write the value out"
    ]
    with pytest.raises(KnowledgeError) as err:
        parse_knowledge("format: 1\ncalls:\n  - id: x\n  - id: y\n    short: *n\n", "k.yaml")
    assert [str(p) for p in err.value.problems] == [
        "k.yaml:5: calls[1].short: anchors and aliases (&name, *name) are not allowed; "
        "write the value out"
    ]


def test_nesting_is_bounded_with_the_pure_python_parser_too(monkeypatch):
    import yaml

    from knowledge import loader
    from knowledge.loader import MAX_DEPTH

    monkeypatch.setattr(loader, "_Loader", yaml.SafeLoader)
    with pytest.raises(KnowledgeError) as err:
        parse_knowledge("calls: " + "[" * 100_000, "k.yaml")
    [problem] = err.value.problems
    assert problem.line == 1
    assert problem.message == f"nested more than {MAX_DEPTH} levels deep"
    with pytest.raises(KnowledgeError) as err:
        parse_knowledge("a: &a [*a]\n", "k.yaml")
    assert "anchors and aliases" in err.value.problems[0].message


def test_ordinary_ampersands_and_asterisks_in_text_are_fine(bundled_text):
    text = bundled_text.replace("  title: 申报须知", "  title: R&D *and* more 申报须知", 1)
    knowledge = parse_knowledge(text, "k.yaml")
    assert knowledge.source.startswith("R&D *and* more")
