"""Broken knowledge files: each gives a message naming the file, the line and the field."""

import pytest

from knowledge import KnowledgeError, load_knowledge


def write(tmp_path, text, name="k.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path):
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(path)
    return [str(p) for p in info.value.problems]


def test_bundled_loads(knowledge):
    assert len(knowledge.directions) == 16
    assert knowledge.call_by_id["intl"].total == 49600


def test_missing_file(tmp_path):
    assert "file not found" in problems(tmp_path / "nope.yaml")[0]


def test_empty_file(tmp_path):
    assert "empty" in problems(write(tmp_path, ""))[0]


def test_binary_file(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"\x00\x01\x02format: 1")
    assert "binary" in problems(path)[0]


def test_not_utf8(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_bytes("format: 1\nx: \xe9\n".encode("latin-1"))
    assert "UTF-8" in problems(path)[0]


def test_invalid_yaml_names_the_line(tmp_path):
    msgs = problems(write(tmp_path, "format: 1\ncalls: [\n  - id: x\n"))
    assert msgs[0].startswith(str(tmp_path / "k.yaml") + ":")
    assert "not valid YAML" in msgs[0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      - {total: 2000, projects: {count: 5, qualifier: exact}, average: 400}",
            "      - {total: lots, projects: {count: 5, qualifier: exact}, average: 400}",
            "directions[7].funding[0].total: expected a number, got text 'lots'",
        ),
        (
            "      - {total: 2000, projects: {count: 5, qualifier: exact}, average: 400}",
            "      - {total: 2000, projects: {count: 5, qualifier: maybe}, average: 400}",
            "directions[7].funding[0].projects.qualifier: expected one of exact, up_to, about",
        ),
        (
            "      - {total: 2000, projects: {count: 5, qualifier: exact}, average: 400}",
            "      - {total: 2000, projects: {count: 5, qualifier: exact}, average: 500}",
            "directions[7].funding[0].average: average 500 does not match total/projects",
        ),
        (
            "    partner: germany\n",
            "    partner: deutschland-x\n",
            "directions[7].partner: unknown partner 'deutschland-x'",
        ),
        ("  - id: intl-1.9\n", "  - id: intl-1.8\n", "duplicate id 'intl-1.8'"),
        (
            "    total: 49600\n",
            "    total: 50000\n",
            "calls[0].total: total 50000 but the directions add up to 49600",
        ),
        (
            "    aliases: [芬兰, 中芬,",
            "    aliases: [芬兰, 中以,",
            "alias '中以' already names partner",
        ),
    ],
)
def test_broken_field(tmp_path, bundled_text, old, new, expected):
    assert old in bundled_text
    path = write(tmp_path, bundled_text.replace(old, new, 1))
    msgs = problems(path)
    hit = [m for m in msgs if expected in m]
    assert hit, msgs
    # file and line are named: "<file>:<line>: <field>: <message>"
    where, line, _ = hit[0].split(":", 2)
    assert where == str(path) and line.isdigit()
    assert bundled_text.replace(old, new, 1).splitlines()[int(line) - 1].strip()


def test_every_problem_is_listed(tmp_path, bundled_text):
    text = (
        bundled_text.replace("year: 2023", "year: x")  # two calls
        .replace(
            "projects: {count: 5, qualifier: exact}, average: 400",
            "projects: {count: 5, qualifier: exact}, average: 500",
        )
        .replace(
            "projects: {count: 6, qualifier: exact}", "projects: {count: 6, qualifier: maybe}"
        )
    )
    msgs = problems(write(tmp_path, text))
    assert len(msgs) == 4, msgs
    assert sum("year: expected a number" in m for m in msgs) == 2


def test_a_broken_entry_does_not_cascade(tmp_path, bundled_text):
    """A call left out for its own problem is not reported again as "unknown call"."""
    text = bundled_text.replace("    year: 2023\n", "    year: soon\n", 1)
    msgs = problems(write(tmp_path, text))
    assert len(msgs) == 1 and "calls[0].year" in msgs[0], msgs


def test_missing_required_field(tmp_path, bundled_text):
    text = bundled_text.replace("    fields_text: 氢能及燃料电池汽车领域\n", "", 1)
    assert any(
        "directions[7].fields_text: missing required field" in m
        for m in problems(write(tmp_path, text))
    )
