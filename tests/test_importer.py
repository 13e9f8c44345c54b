"""`callbot import`: the seed notice gives the bundled figures; damaged notices are refused."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main as cli_main
from knowledge import bundled_path, load_bundled, load_knowledge
from knowledge.loader import parse_knowledge
from noticeimport.importer import SCHEMA_LINE, TODO_EN, import_notice, main

NOTICES = Path(__file__).parent / "data" / "notices"
SEED = NOTICES / "seed_2023.txt"
SCHEMA = Path(bundled_path()).parent / "knowledge.schema.json"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def imported(seed_text):
    result = import_notice(seed_text, "seed_2023.txt")
    assert result.problems == []
    assert result.ok
    return result


# --------------------------------------------------------------------------------------------
# The seed notice round-trips to the bundled knowledge


def _funding(d) -> list[tuple]:
    return [
        (
            f.total,
            f.projects.count,
            f.projects.qualifier,
            f.average,
            f.track.zh_hans if f.track else None,
        )
        for f in d.funding
    ]


def test_seed_gives_the_bundled_directions_and_figures(imported):
    bundled = load_bundled()
    k = parse_knowledge(imported.text, "imported.yaml")
    assert [d.id for d in k.directions] == [d.id for d in bundled.directions]
    for got, want in zip(k.directions, bundled.directions, strict=True):
        assert (got.call, got.number, got.partner) == (want.call, want.number, want.partner)
        assert _funding(got) == _funding(want), got.id
        assert got.total == want.total
        assert got.projects == want.projects
        assert got.average == want.average
        assert got.title.zh_hans == want.title.zh_hans
        assert got.title.zh_hant == want.title.zh_hant


def test_seed_gives_the_bundled_calls(imported):
    bundled = load_bundled()
    k = parse_knowledge(imported.text, "imported.yaml")
    assert [c.id for c in k.calls] == ["intl", "hmt"]
    for got, want in zip(k.calls, bundled.calls, strict=True):
        assert got.name.zh_hans == want.name.zh_hans
        assert got.name.zh_hant == want.name.zh_hant
        assert (got.year, got.directions, got.projects, got.total, got.period, got.partners) == (
            want.year,
            want.directions,
            want.projects,
            want.total,
            want.period,
            want.partners,
        )
    intl = k.call_by_id["intl"]
    assert intl.total == 49600 and intl.projects.count == 138
    assert intl.projects.qualifier == "about" and (
        intl.period.min_years,
        intl.period.max_years,
    ) == (2, 3)
    assert intl.partners_text.zh_hans == "14个国家、地区、国际组织和多边机制"


def test_seed_partners_match_the_bundled_ids(imported):
    k = parse_knowledge(imported.text, "imported.yaml")
    bundled = load_bundled()
    assert [p.id for p in k.partners] == [p.id for p in bundled.partners]
    for got, want in zip(k.partners, bundled.partners, strict=True):
        assert (got.kind, got.name.zh_hans, got.name.zh_hant) == (
            want.kind,
            want.name.zh_hans,
            want.name.zh_hant,
        )


def test_seed_fields_are_split_on_semicolons_and_numbers(imported):
    k = parse_knowledge(imported.text, "imported.yaml")
    bundled = load_bundled()
    for number in ("intl-1.2", "intl-1.4", "intl-2.2", "intl-2.4", "intl-1.9"):
        got = [f.zh_hans for f in k.direction_by_id[number].fields]
        want = [f.zh_hans for f in bundled.direction_by_id[number].fields]
        assert got == want
    south_africa = k.direction_by_id["intl-2.2"]
    assert south_africa.fields[0].zh_hans.startswith("信息通信（人工智能")
    assert "现代矿业" in south_africa.fields_text  # a cell line broken inside a word is rejoined


def test_output_marks_what_is_left_to_do(imported):
    text = imported.text
    assert text.startswith(SCHEMA_LINE + "\n")
    assert "# TODO add aliases" in text
    data = yaml.safe_load(text)
    assert data["format"] == 1 and data["topics"] == []
    assert data["source"]["file"] == "seed_2023.txt"
    for d in data["directions"]:
        assert d["topics"] == [] and d["aliases"] == []
        assert d["title"]["en"] == TODO_EN
        assert set(d["title"]) == {"zh-Hans", "zh-Hant", "en"}
        for f in d["fields"]:
            assert f["en"] == TODO_EN
    for c in data["calls"]:
        assert c["name"]["en"] == TODO_EN
    # Known partners get their English name from the built-in table.
    assert {p["id"]: p["name"]["en"] for p in data["partners"]}["korea"] == "South Korea"


def test_bundled_and_imported_files_validate_against_the_schema(imported):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for text in (bundled_path().read_text(encoding="utf-8"), imported.text):
        errors = [
            f"{list(e.absolute_path)}: {e.message}"
            for e in validator.iter_errors(yaml.safe_load(text))
        ]
        assert errors == []


def test_schema_rejects_what_the_loader_rejects():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    data["directions"][0]["funding"][0]["projects"]["qualifier"] = "roughly"
    del data["calls"][0]["name"]["en"]
    data["partners"][0]["name"]["fr"] = "Europe"
    data["directions"][1]["funding"][0]["total"] = "2000万"
    paths = sorted(str(list(e.absolute_path)) for e in validator.iter_errors(data))
    assert paths == sorted(
        [
            "['calls', 0, 'name']",
            "['directions', 0, 'funding', 0, 'projects']",
            "['directions', 1, 'funding', 0, 'total']",
            "['partners', 0, 'name']",
        ]
    )


def test_unknown_partner_and_plain_call_ids():
    text = (
        "某某专项2024年度项目设立2个指南方向，项目数5个，经费总概算700万元，实施周期为3年：\n"
        "\t序号\n\t合作国别\n\t资助领域方向\n\t总金额（万元）/资助数（个）\n\t平均资助金额（万元）\n\n"
        "\t1\n\t中国和瓦坎达政府间合作项目\n\t振金；\n能源\n\t400/~4\n\t100\n\n"
        "\t2\n\t中国与法国联合研究项目\n\t1. 数学\n2. 物理\n\t300/1\n\t300\n"
    )
    result = import_notice(text, "other.txt")
    assert result.problems == []
    k = result.knowledge
    assert [c.id for c in k.calls] == ["call1"]
    assert k.calls[0].period.min_years == k.calls[0].period.max_years == 3
    assert [d.id for d in k.directions] == ["call1-1", "call1-2"]
    assert [p.id for p in k.partners] == ["partner-1", "france"]
    assert k.partners[0].name.en.startswith("TODO")
    assert [f.zh_hans for f in k.directions[0].fields] == ["振金", "能源"]
    assert [f.zh_hans for f in k.directions[1].fields] == ["数学", "物理"]
    assert k.directions[0].funding[0].projects.qualifier == "about"


# --------------------------------------------------------------------------------------------
# The command


def test_main_writes_the_file_atomically(tmp_path, capsys):
    out = tmp_path / "k.yaml"
    assert main(str(SEED), str(out)) == 0
    assert "2 calls, 16 directions" in capsys.readouterr().out
    k = load_knowledge(out)
    assert len(k.directions) == 16
    assert [p.name for p in tmp_path.iterdir()] == ["k.yaml"]  # no temp file left behind
    assert cli_main(["check", str(out)]) == 0


def test_cli_import_is_wired(tmp_path, capsys):
    out = tmp_path / "k.yaml"
    assert cli_main(["import", str(SEED), "-o", str(out)]) == 0
    assert out.exists()


def _damaged(seed: str, old: str, new: str) -> str:
    assert seed.count(old) == 1, old
    return seed.replace(old, new)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


DAMAGED = {
    # (old, new, the row's first line is found by this text, the message)
    "missing_column": (
        "\t6000/不超过20个\n\t300\n\n\t1.4",
        "\t6000/不超过20个\n\n\t1.4",
        "\t1.3\n",
        "row 1.3: has 4 cells, expected 5 (序号 | 合作国别 | 资助领域方向 | 总金额/资助数 | "
        "平均资助金额): a missing cell, or two cells merged into one?; row skipped",
    ),
    "merged_cell": (
        "\t2000/5\n\t400\n",
        "\t2000/5 400\n",
        "\t1.8\n",
        "row 1.8: has 4 cells, expected 5 (序号 | 合作国别 | 资助领域方向 | 总金额/资助数 | "
        "平均资助金额): the cell '2000/5 400' on line 59 looks like two merged cells "
        "(总金额/资助数 and 平均资助金额); row skipped",
    ),
    "merged_title": (  # the 合作国别 cell of 2.1 merged with the one of 2.0 above it
        "\t2.1\n\t中国和韩国政府间能源技术联合研究项目\n",
        "\t2.1\n",
        "\t2.1\n",
        "row 2.1: has 4 cells, expected 5 (序号 | 合作国别 | 资助领域方向 | 总金额/资助数 | "
        "平均资助金额): a missing cell, or two cells merged into one?; row skipped",
    ),
    "non_numeric_amount": (
        "\t2000/10\n\t200\n\n\t2.0",
        "\tabc/10\n\t200\n\n\t2.0",
        "\tabc/10",
        "row 1.9: cannot read the amount 'abc/10' (expected 总金额/资助数 such as 3000/10, "
        "6000/不超过20个 or 3000/~10); row skipped",
    ),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_damaged_rows_are_reported_with_their_line_and_nothing_is_written(
    case, seed_text, tmp_path, capsys
):
    old, new, anchor, message = DAMAGED[case]
    text = _damaged(seed_text, old, new)
    notice = tmp_path / f"{case}.txt"
    notice.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(str(notice), str(out)) == 1
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == [notice.name]
    err = capsys.readouterr().err
    assert f"{notice}:{_line_of(text, anchor)}: {message}" in err
    assert "1 row(s) of this call could not be read" in err
    assert "out.yaml not written" in err

    # The pure function still gives the rest, as a file the loader accepts.
    result = import_notice(text, notice.name)
    assert not result.ok and len(result.problems) == 2
    k = parse_knowledge(result.text, "partial.yaml")
    assert len(k.directions) == 15
    assert k.call_by_id["intl"].directions == 14


def test_an_existing_output_is_left_alone_on_failure(seed_text, tmp_path):
    notice = tmp_path / "bad.txt"
    notice.write_text(_damaged(seed_text, "\t3000/~10\n", "\tabc/10\n"), encoding="utf-8")
    out = tmp_path / "out.yaml"
    out.write_text("previous\n", encoding="utf-8")
    assert main(str(notice), str(out)) == 1
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_all_bad_rows_are_listed(seed_text, tmp_path, capsys):
    text = _damaged(seed_text, "\t3000/~10\n", "\t3000/十\n")
    text = _damaged(text, "\t600/6\n", "\t600/6\n\t100\n\t多余\n")
    text = _damaged(text, "\t200/4\n\t50\n", "\t200/4\n\t五十\n")
    notice = tmp_path / "bad.txt"
    notice.write_text(text, encoding="utf-8")
    assert main(str(notice), str(tmp_path / "out.yaml")) == 1
    err = capsys.readouterr().err
    assert (
        f"{notice}:{_line_of(text, '3000/十')}: row 1.5: cannot read the amount '3000/十'" in err
    )
    assert f"{notice}:{_line_of(text, chr(9) + '2.0')}: row 2.0: has 7 cells, expected 5" in err
    assert f"{notice}:{_line_of(text, '五十')}: row 2.4: cannot read the average '五十'" in err
    assert "3 row(s) of this call could not be read" in err


def test_inconsistent_average_and_totals_are_reported(seed_text):
    text = _damaged(seed_text, "\t2000/5\n\t400\n", "\t2000/5\n\t450\n")
    text = _damaged(text, "经费总概算3000万元", "经费总概算3500万元")
    result = import_notice(text, "n.txt")
    msgs = [str(p) for p in result.problems]
    assert msgs == [
        f"n.txt:{_line_of(text, chr(9) + '450')}: row 1.8: the average 450 does not match "
        "2000/5 = 400; average left out",
        f"n.txt:{_line_of(text, '战略性')}: call hmt: the notice gives a total of 3500 万元 but "
        "the rows add up to 3000; using 3000",
    ]
    parse_knowledge(result.text, "partial.yaml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not a notice text"),
        ("\t序号\n\t合作国别\n".encode("gbk"), "not UTF-8 text (first bad byte on line 1)"),
        (
            b"Dear colleagues,\n\nplease find the 2023 call attached.\n\tRegards\n",
            "not a funding notice: no table of directions found",
        ),
        (
            (NOTICES / "not_a_notice.txt").read_bytes(),
            "not a funding notice: no table of directions found",
        ),
    ],
    ids=["empty", "blank", "binary", "gbk", "letter", "stored-text"],
)
def test_not_a_notice(content, message, tmp_path, capsys):
    notice = tmp_path / "notice.txt"
    notice.write_bytes(content)
    out = tmp_path / "out.yaml"
    assert main(str(notice), str(out)) == 1
    err = capsys.readouterr().err
    assert f"{notice}: {message}" in err
    assert "not written" in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["notice.txt"]


def test_missing_notice_and_unwritable_output(tmp_path, capsys):
    assert main(str(tmp_path / "nope.txt"), str(tmp_path / "out.yaml")) == 1
    assert "nope.txt: file not found" in capsys.readouterr().err
    assert main(str(SEED), str(tmp_path / "no" / "such" / "dir.yaml")) == 1
    assert "cannot write" in capsys.readouterr().err
    assert main(str(SEED), str(tmp_path)) == 1
    assert "is a directory" in capsys.readouterr().err


def test_import_notice_reports_not_a_notice_without_raising():
    for text in ("", "hello\n", "a\x00b", "\t序号\n\t合作国别\n"):
        result = import_notice(text, "x.txt")
        assert result.text == "" and not result.ok
        assert len(result.problems) == 1 and result.problems[0].file == "x.txt"


def test_a_table_with_no_readable_row_lists_each_row_then_gives_up():
    result = import_notice("\t1.1\n\t中国和德国合作项目\n\tabc\n\t100/x\n\t1\n", "x.txt")
    assert result.text == ""
    assert [str(p) for p in result.problems] == [
        "x.txt:1: table: no paragraph above this table gives the call's name and totals "
        "(…2023年度…设立N个指南方向…); the totals are taken from the table",
        "x.txt:4: row 1.1: cannot read the amount '100/x' (expected 总金额/资助数 such as "
        "3000/10, 6000/不超过20个 or 3000/~10); row skipped",
        "x.txt: no direction could be read from the notice's tables",
    ]


def test_unknown_columns_are_read_past_and_empty_averages_are_none():
    text = (
        "某合作专项2024年度项目设立2个指南方向，拟支持项目数7个，经费总概算900万元：\n"
        "\t序号\n\t合作国别\n\t资助领域方向\n\t总金额（万元）/资助数（个）\n"
        "\t平均资助金额（万元）\n\t备注\n\n"
        "\t1.1\n\t中国和日本政府间合作项目\n\t能源\n\t600/6\n\t100\n\t无\n\n"
        "\t1.2\n\t中国和法国政府间合作项目\n\t材料\n\t300/1\n\t\n\t另行通知\n"
    )
    result = import_notice(text, "n.txt")
    assert result.problems == []
    k = result.knowledge
    assert [(d.id, d.partner, d.average) for d in k.directions] == [
        ("call1-1.1", "japan", 100),
        ("call1-1.2", "france", None),
    ]


def test_the_notice_is_never_overwritten(tmp_path, seed_text):
    notice = tmp_path / "n.txt"
    notice.write_text(seed_text, encoding="utf-8")
    assert main(str(notice), str(notice)) == 1
    assert notice.read_text(encoding="utf-8") == seed_text


# --------------------------------------------------------------------------------------------
# Robustness: whatever happens to the notice, the importer reports instead of crashing, and what
# it produces the loader accepts.


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_notices_never_crash_and_never_give_invalid_knowledge(data):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "edit", "tab", "untab"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "edit":
            lines[i] = data.draw(st.text(max_size=12))
        elif action == "tab":
            lines[i] = "\t" + lines[i]
        else:
            lines[i] = lines[i].lstrip("\t")
        if not lines:
            break
    result = import_notice("\n".join(lines), "m.txt")
    assert not any("importer bug" in p.message for p in result.problems), result.problems
    if result.text:
        parse_knowledge(result.text, "m.yaml")
    else:
        assert result.problems
