"""`callbot import` on figures that read but are suspicious (issue 7, point 14): a total that is
not a whole number of 万元, a gap in the 序号, a column in 元. None of them may slip into the
knowledge silently: a warning with its line (the file is still written), a conversion that is
exact and said, or a refusal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.loader import parse_knowledge
from noticeimport.importer import import_notice, main

SEED = Path(__file__).resolve().parent.parent / "data" / "notices" / "seed_2023.txt"
HEADER = (
    "\t序号\n\t合作国别\n\t资助领域方向\n"
    "\t总金额（{unit}）/资助数（个）\n\t平均资助金额（{unit}）\n\n"
)


def _notice(rows: list[tuple[str, str, str]], unit: str = "万元", prose: str = "") -> str:
    """A small notice: rows are (序号, amount cell, average cell); the prose gives the totals."""
    body = "".join(
        f"\t{n}\n\t中国和{p}政府间合作项目\n\t能源；材料\n\t{amount}\n\t{avg}\n\n"
        for (n, amount, avg), p in zip(rows, ["德国", "法国", "日本", "芬兰"], strict=False)
    )
    if not prose:  # totals that match the rows, so that only the point under test is reported
        total = sum(float(a.split("/")[0]) for _, a, _ in rows)
        count = sum(int(a.split("/")[1].lstrip("~")) for _, a, _ in rows)
        prose = (
            f"某合作专项2024年度项目设立{len(rows)}个指南方向，项目数{count}个，"
            f"经费总概算{total:g}万元，实施周期为3年：\n"
        )
    return prose + HEADER.format(unit=unit) + body


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _run(tmp_path: Path, text: str, capsys) -> tuple[int, str, Path]:
    notice = tmp_path / "notice.txt"
    notice.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    code = main(str(notice), str(out))
    return code, capsys.readouterr().err, out


def test_the_seed_imports_without_a_warning(capsys, tmp_path):
    code, err, out = _run(tmp_path, SEED.read_text(encoding="utf-8"), capsys)
    assert code == 0 and err == "" and out.exists()
    assert import_notice(SEED.read_text(encoding="utf-8"), "seed.txt").warnings == []


def test_a_total_that_is_not_whole_is_written_with_a_warning(capsys, tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    text = seed.replace("\t2000/5\n\t400\n", "\t2000.5/5\n\t400\n")
    assert text != seed
    code, err, out = _run(tmp_path, text, capsys)
    assert code == 0  # the notice's 4.96亿 still matches within its rounding
    line = _line_of(text, "2000.5/5")
    assert (
        f"notice.txt:{line}: warning: row 1.8: the total 2000.5 万元 is not a whole number of "
        "万元; imported as written, check it against the notice" in err
    )
    assert "1 warning(s) above; " in err and "was written" in err
    k = parse_knowledge(out.read_text(encoding="utf-8"), "out.yaml")
    assert k.call_by_id["intl"].total == 49600.5


def test_an_average_that_is_not_whole_is_a_warning():
    text = _notice([("1.1", "1000/3", "333.3"), ("1.2", "300/1", "300")])
    result = import_notice(text, "n.txt")
    assert result.problems == []
    assert [str(w) for w in result.warnings] == [
        f"n.txt:{_line_of(text, '333.3')}: row 1.1: the average 333.3 万元 is not a whole "
        "number of 万元; imported as written, check it against the notice"
    ]


def test_a_gap_in_the_direction_numbers_is_a_warning(capsys, tmp_path):
    text = _notice([("1.1", "400/4", "100"), ("1.2", "300/1", "300"), ("1.4", "200/2", "100")])
    code, err, out = _run(tmp_path, text, capsys)
    assert code == 0 and out.exists()
    assert (
        f"notice.txt:{_line_of(text, chr(9) + '1.4')}: warning: row 1.4: 序号 goes from 1.2 to "
        "1.4 (1.3 missing?); check that no row of the notice was lost" in err
    )
    assert err.count("warning:") == 1


@pytest.mark.parametrize(
    ("serials", "warned"),
    [
        (["1.1", "1.2", "1.3"], []),
        (["1.8", "1.9", "2.0", "2.1"], ["1.8"]),  # the first row is not 1
        (["1.1", "1.2", "2.1"], []),  # a new section
        (["1.0", "1.1", "2.0"], []),  # numbered from 0 throughout
        (["1.1", "1.8", "2.0"], ["1.8", "2.0"]),  # 1.2-1.7 and 1.9 missing
        (["1.1", "1.9", "2.1"], ["1.9"]),
        (["1", "2", "4"], ["4"]),
    ],
)
def test_which_numberings_are_gaps(serials, warned):
    rows = [(n, "100/1", "100") for n in serials]
    result = import_notice(_notice(rows), "n.txt")
    assert result.problems == []
    assert [w.field for w in result.warnings] == [f"row {n}" for n in warned]


def test_amounts_in_yuan_are_converted_exactly_with_a_warning(capsys, tmp_path):
    text = _notice(
        [("1.1", "4000000/~4", "1000000"), ("1.2", "3000000/1", "3000000")],
        unit="元",
        prose="某合作专项2024年度项目设立2个指南方向，项目数5个，经费总概算700万元：\n",
    )
    code, err, out = _run(tmp_path, text, capsys)
    assert code == 0, err
    for column in ("总金额", "平均资助金额"):
        assert (
            f"notice.txt:{_line_of(text, column)}: warning: table header: amounts in 元, "
            "converted to 万元 (×0.0001)" in err
        )
    k = parse_knowledge(out.read_text(encoding="utf-8"), "out.yaml")
    assert [(d.total, d.average) for d in k.directions] == [(400, 100), (300, 300)]
    assert k.calls[0].total == 700
    assert "converted from 元" in out.read_text(encoding="utf-8")


def test_a_yuan_column_holding_wan_figures_is_refused(capsys, tmp_path):
    # the seed's table with its header changed to 元: 3000 元 would be 0.3 万元, not what it means
    seed = SEED.read_text(encoding="utf-8")
    text = seed.replace("总金额（万元）", "总金额（元）", 1)
    code, err, out = _run(tmp_path, text, capsys)
    assert code == 1 and not out.exists()
    assert (
        f"notice.txt:{_line_of(text, '总金额')}: table header: the header gives 元, but the "
        f"amount 3000 would be 0.3 万元 (line {_line_of(text, chr(9) + '3000/10')}), not a whole "
        "number: is the unit right? Give the amounts in 万元; table skipped" in err
    )
    assert err.count("table skipped") == 1 and "warning" not in err


@pytest.mark.parametrize("unit", ["万美元", "欧元", "万元）（元"])
def test_a_unit_that_cannot_be_converted_is_refused(unit, capsys, tmp_path):
    # (old code: 400 万美元 silently became 400 万元)
    text = _notice([("1.1", "400/4", "100"), ("1.2", "300/1", "300")], unit=unit)
    code, err, out = _run(tmp_path, text, capsys)
    assert code == 1 and not out.exists()
    assert f"notice.txt:{_line_of(text, '总金额')}: table header: the column" in err
    assert "table skipped" in err


def test_a_column_without_a_unit_is_taken_as_wan_with_a_warning():
    text = _notice([("1.1", "400/4", "100"), ("1.2", "300/1", "300")]).replace("（万元）", "")
    result = import_notice(text, "n.txt")
    assert result.problems == []
    assert [w.message for w in result.warnings] == [
        "the column '总金额/资助数（个）' gives no unit; its amounts are taken as 万元",
        "the column '平均资助金额' gives no unit; its amounts are taken as 万元",
    ]
    assert [d.total for d in result.knowledge.directions] == [400, 300]
