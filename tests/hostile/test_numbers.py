"""Issue 7, point 11: numbers in a knowledge file are finite, positive and of sane size.

`average: .nan` passed `callbot check` and the bot answered "平均每项nan万元"; `.inf` passed too;
a 5,000-digit integer ended in a ValueError traceback and a 4,000-digit one in an OverflowError.
Each is now refused as FILE:LINE: FIELD: MESSAGE, and the JSON schema agrees where JSON can.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from bot.cli import main
from knowledge import bundled_path

FINLAND = "- {total: 6000, projects: {count: 15, qualifier: up_to}, average: 400}"
FIELD = "directions[5].funding[0]"


def check(tmp_path, capsys, text: str) -> tuple[int, list[str], str]:
    path = tmp_path / "calls.yaml"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    rc = main(["check", str(path)])
    return rc, capsys.readouterr().out.splitlines(), str(path)


def finland(bundled_text: str, old: str, new: str) -> tuple[str, int]:
    assert bundled_text.count(FINLAND) == 1
    line = bundled_text[: bundled_text.index(FINLAND)].count("\n") + 1
    return bundled_text.replace(FINLAND, FINLAND.replace(old, new)), line


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "expected a finite number, got nan"),
        (".NaN", "expected a finite number, got nan"),
        (".inf", "expected a finite number, got inf"),
        ("-.inf", "expected a finite number, got -inf"),
        ("-5", "expected a positive number, got -5"),
        ("9" * 5000, "number too long (5000 characters)"),
        ("9" * 4000, "number too large (more than 1,000,000,000,000)"),
        ("1.0e+400", "expected a finite number, got inf"),
    ],
)
def test_average_that_is_not_a_sane_number(tmp_path, capsys, bundled_text, value, message):
    text, line = finland(bundled_text, "average: 400", f"average: {value}")
    rc, out, path = check(tmp_path, capsys, text)
    assert rc == 1
    assert out == [f"{path}:{line}: {FIELD}.average: {message}", f"1 problem(s) in {path}"]


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("total: 6000", "total: .nan", "total", "expected a finite number, got nan"),
        ("total: 6000", "total: .inf", "total", "expected a finite number, got inf"),
        ("count: 15", "count: .nan", "projects.count", "expected a finite number, got nan"),
        ("count: 15", "count: true", "projects.count", "expected a number, got true/false True"),
        ("count: 15", "count: -5", "projects.count", "expected a positive number, got -5"),
        (
            "count: 15",
            "count: " + "1" * 5000,
            "projects.count",
            "number too long (5000 characters)",
        ),
        (
            "projects: {count: 15, qualifier: up_to}",
            "projects: .inf",
            "projects.count",
            "expected a finite number, got inf",
        ),
    ],
)
def test_total_and_count_that_are_not_sane(
    tmp_path, capsys, bundled_text, old, new, field, message
):
    text, line = finland(bundled_text, old, new)
    rc, out, path = check(tmp_path, capsys, text)
    assert rc == 1
    assert f"{path}:{line}: {FIELD}.{field}: {message}" in out
    assert all("Traceback" not in o for o in out)


def test_a_huge_year_is_refused_not_a_traceback(tmp_path, capsys, bundled_text):
    text = bundled_text.replace("    year: 2023\n", "    year: " + "2" * 4500 + "\n", 1)
    line = text[: text.index("    year: 2")].count("\n") + 1
    rc, out, path = check(tmp_path, capsys, text)
    assert rc == 1
    assert f"{path}:{line}: calls[0].year: number too long (4500 characters)" in out


def test_the_schema_agrees_where_json_can(bundled_text):
    schema = json.loads(bundled_path().with_name("knowledge.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = yaml.safe_load(bundled_text)
    assert list(validator.iter_errors(data)) == []
    funding = data["directions"][5]["funding"][0]
    for bad in (-5, 0, float("inf"), 10**13, int("9" * 4000)):
        funding["average"] = bad
        assert list(validator.iter_errors(data)), bad
    funding["average"] = 400
    funding["projects"]["count"] = 10**13
    assert list(validator.iter_errors(data))
