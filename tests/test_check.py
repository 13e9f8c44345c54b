"""`callbot check FILE`: the bundled file is OK; each broken file lists every problem exactly, as
``FILE:LINE: FIELD: MESSAGE``, and exits 1."""

from __future__ import annotations

import re

import pytest

from bot.cli import main
from knowledge import bundled_path, load_bundled


@pytest.fixture(scope="module")
def text() -> str:
    return bundled_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def k():
    return load_bundled()


def check(tmp_path, capsys, content: str) -> tuple[int, list[str], str]:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    capsys.readouterr()
    rc = main(["check", str(path)])
    out = capsys.readouterr().out.splitlines()
    return rc, out, str(path)


def line_at(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def edit(text: str, anchor: str, old: str, new: str) -> tuple[str, int]:
    """Replace the first ``old`` (a regex) after ``anchor``; give the new text and its line."""
    start = text.index(anchor)
    m = re.compile(old).search(text, start)
    assert m, (anchor, old)
    return text[: m.start()] + new + text[m.end() :], line_at(text, m.start())


def direction(k, did: str) -> int:
    return [d.id for d in k.directions].index(did)


def partner(k, pid: str) -> int:
    return [p.id for p in k.partners].index(pid)


def expect(tmp_path, capsys, content: str, problems: list[str]) -> None:
    rc, out, path = check(tmp_path, capsys, content)
    assert rc == 1
    assert out == [f"{path}:{p}" for p in problems] + [f"{len(problems)} problem(s) in {path}"]


def test_bundled_file_is_ok(tmp_path, capsys, text, k):
    rc, out, path = check(tmp_path, capsys, text)
    assert rc == 0
    assert out == [
        f"{path}: OK — {len(k.calls)} calls, {len(k.directions)} directions, "
        f"{len(k.partners)} partners, {len(k.topics)} topics"
    ]
    assert main(["check", str(bundled_path())]) == 0


def test_duplicate_direction_id(tmp_path, capsys, text, k):
    broken, line = edit(text, "directions:", r"  - id: intl-1\.2\n", "  - id: intl-1.1\n")
    i, first = direction(k, "intl-1.2"), direction(k, "intl-1.1")
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{line}: directions[{i}].id: duplicate id 'intl-1.1' (first at directions[{first}])",
        ],
    )


def test_unknown_partner(tmp_path, capsys, text, k):
    broken, line = edit(
        text, "  - id: intl-1.2\n", r"    partner: italy\n", "    partner: italia\n"
    )
    i = direction(k, "intl-1.2")
    expect(
        tmp_path, capsys, broken, [f"{line}: directions[{i}].partner: unknown partner 'italia'"]
    )


def test_average_that_does_not_match_total_and_count(tmp_path, capsys, text, k):
    broken, line = edit(text, "  - id: intl-1.2\n", r"average: 200\}", "average: 250}")
    i = direction(k, "intl-1.2")
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{line}: directions[{i}].funding[0].average: average 250 does not match "
            "total/projects = 2000/10 = 200",
        ],
    )


def test_average_far_from_a_qualified_count(tmp_path, capsys, text, k):
    broken, line = edit(text, "  - id: intl-1.3\n", r"average: 300\}", "average: 600}")
    i = direction(k, "intl-1.3")
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{line}: directions[{i}].funding[0].average: average 600 is far from total/projects "
            "= 6000/20 = 300",
        ],
    )


def test_call_total_not_matching_the_sum(tmp_path, capsys, text):
    broken, line = edit(text, "  - id: intl\n", r"    total: 49600\n", "    total: 49000\n")
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{line}: calls[0].total: total 49000 but the directions add up to 49600",
        ],
    )


def test_call_projects_not_matching_the_sum(tmp_path, capsys, text):
    broken, line = edit(
        text, "  - id: hmt\n", r"count: 15, qualifier: exact", "count: 16, qualifier: exact"
    )
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{line}: calls[1].projects: 16 projects but the directions add up to 15",
        ],
    )


def test_alias_claimed_by_two_partners(tmp_path, capsys, text, k):
    broken, line = edit(text, "  - id: spain\n", r"    aliases: \[", "    aliases: [意大利, ")
    i, italy = partner(k, "spain"), partner(k, "italy")
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{line}: partners[{i}].aliases[0]: alias '意大利' already names partner italy "
            f"(at partners[{italy}].name)",
        ],
    )


def test_missing_required_field(tmp_path, capsys, text, k):
    broken, _ = edit(text, "  - id: intl-1.8\n", r"    fields_text: .*\n", "")
    i = direction(k, "intl-1.8")
    line = line_at(broken, broken.index("  - id: intl-1.8\n"))  # the entry that lacks it
    expect(
        tmp_path, capsys, broken, [f"{line}: directions[{i}].fields_text: missing required field"]
    )


def test_a_string_where_a_number_is_expected(tmp_path, capsys, text, k):
    broken, line = edit(text, "  - id: intl-2.3\n", r"average: 300\}", "average: 三百}")
    i = direction(k, "intl-2.3")
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{line}: directions[{i}].funding[0].average: expected a number, got text '三百'",
        ],
    )


def test_a_text_where_a_mapping_is_expected(tmp_path, capsys, text, k):
    broken, line = edit(text, "  - id: germany\n", r"    name: \{.*\}\n", "    name: 德国\n")
    i = partner(k, "germany")
    rc, out, path = check(tmp_path, capsys, broken)
    assert rc == 1
    # The entry is left out for its own problem; the references to it then fail too.
    assert out[0] == (
        f"{path}:{line}: partners[{i}].name: expected a mapping of zh-Hans/zh-Hant/en, got text"
    )
    assert all("unknown partner 'germany'" in o for o in out[1:-1])
    assert not any("empty after normalisation" in o for o in out)


def test_invalid_yaml(tmp_path, capsys, text):
    broken, line = edit(text, "directions:", r"  - id: intl-1\.2\n", "  - id: intl-1.2: x\n")
    rc, out, path = check(tmp_path, capsys, broken)
    assert rc == 1
    # libyaml says "…in this context", the pure-Python parser "…here".
    assert re.fullmatch(
        rf"{re.escape(path)}:{line}: not valid YAML: mapping values are not allowed "
        r"(here|in this context)",
        out[0],
    )
    assert out[1:] == [f"1 problem(s) in {path}"]


def test_topic_include_cycle(tmp_path, capsys, text, k):
    loop = (
        "  - id: loop-a\n"
        "    name: {zh-Hans: 环甲, en: loop a}\n"
        "    includes: [loop-b]\n"
        "  - id: loop-b\n"
        "    name: {zh-Hans: 环乙, en: loop b}\n"
        "    includes: [loop-a]\n"
    )
    broken, line = edit(text, "topics:", r"\n\ndirections:", "\n" + loop + "\ndirections:")
    n = len(k.topics)
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{line + 3}: topics[{n}].includes: topic 'loop-a' includes itself (a cycle)",
            f"{line + 6}: topics[{n + 1}].includes: topic 'loop-b' includes itself (a cycle)",
        ],
    )


def test_all_problems_are_listed_not_only_the_first(tmp_path, capsys, text, k):
    broken, l1 = edit(text, "directions:", r"  - id: intl-1\.2\n", "  - id: intl-1.1\n")
    broken, l2 = edit(
        broken, "  - id: intl-1.8\n", r"    partner: germany\n", "    partner: deutschland\n"
    )
    broken, l3 = edit(broken, "  - id: hmt\n", r"    total: 3000\n", "    total: 3500\n")
    expect(
        tmp_path,
        capsys,
        broken,
        [
            f"{l1}: directions[{direction(k, 'intl-1.2')}].id: duplicate id 'intl-1.1' "
            f"(first at directions[{direction(k, 'intl-1.1')}])",
            f"{l2}: directions[{direction(k, 'intl-1.8')}].partner: unknown partner 'deutschland'",
            f"{l3}: calls[1].total: total 3500 but the directions add up to 3000",
        ],
    )


def test_missing_and_unreadable_files(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.yaml")]) == 1
    assert capsys.readouterr().out.splitlines()[0] == f"{tmp_path / 'nope.yaml'}: file not found"
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"format: 1\x00\x01")
    assert main(["check", str(binary)]) == 1
    assert "binary file, not YAML text" in capsys.readouterr().out
