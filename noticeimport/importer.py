"""Turn a funding notice (text exported from the call's Word/PDF) into a knowledge YAML file.

The notice is written like the 2023 seed: a prose paragraph per call giving its totals
("设立15个指南方向……项目任务数约138个，国拨经费总概算4.96亿元，每个项目实施周期为2~3年"), then a
table exported one cell per line. A cell starts with a tab; a cell may go on over the next lines
(those do not start with a tab); blank lines may fall between cells and between rows. The header
row (序号 / 合作国别 / 资助领域方向 / 总金额（万元）/资助数（个） / 平均资助金额（万元）) names the
columns; each later row starts with its 序号 ("1.1", "2.0").

``import_notice`` is pure: text in, YAML text and problems out. Every row it cannot read is
reported with its line and left out; ``main`` (``callbot import NOTICE -o FILE``) writes the file
only when there is no problem at all, atomically, after validating it with the knowledge loader.

What a person still has to add is marked in the output: English names ("TODO: English name"),
aliases (``aliases: []  # TODO add aliases``) and topics (``topics: []``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from knowledge.loader import KnowledgeError, Problem, parse_knowledge, read_knowledge_bytes
from knowledge.model import Knowledge
from textnorm.normalize import normalize

SCHEMA_LINE = "# yaml-language-server: $schema=./knowledge.schema.json"
TODO_EN = "TODO: English name"
TODO_ALIASES = "# TODO add aliases"
MAX_NOTICE_BYTES = 5 * 1024 * 1024
_LONG_NUMBER = re.compile(r"\d{31,}")  # no figure, year or 序号 of a notice comes near

# Common partners: Chinese name -> (id, kind, English name). Longest names are tried first.
PARTNERS: dict[str, tuple[str, str, str]] = {
    "欧洲国家": ("europe", "region", "European countries"),
    "欧洲": ("europe", "region", "Europe"),
    "欧盟": ("eu", "organisation", "European Union"),
    "东盟": ("asean", "organisation", "ASEAN"),
    "金砖国家": ("brics", "organisation", "BRICS countries"),
    "上海合作组织": ("sco", "organisation", "Shanghai Cooperation Organisation"),
    "非洲": ("africa", "region", "Africa"),
    "拉美": ("latin-america", "region", "Latin America"),
    "香港": ("hong-kong", "region", "Hong Kong"),
    "澳门": ("macao", "region", "Macao"),
    "台湾": ("taiwan", "region", "Taiwan"),
    "意大利": ("italy", "country", "Italy"),
    "西班牙": ("spain", "country", "Spain"),
    "葡萄牙": ("portugal", "country", "Portugal"),
    "法国": ("france", "country", "France"),
    "德国": ("germany", "country", "Germany"),
    "英国": ("uk", "country", "United Kingdom"),
    "爱尔兰": ("ireland", "country", "Ireland"),
    "荷兰": ("netherlands", "country", "Netherlands"),
    "比利时": ("belgium", "country", "Belgium"),
    "卢森堡": ("luxembourg", "country", "Luxembourg"),
    "瑞士": ("switzerland", "country", "Switzerland"),
    "奥地利": ("austria", "country", "Austria"),
    "芬兰": ("finland", "country", "Finland"),
    "瑞典": ("sweden", "country", "Sweden"),
    "挪威": ("norway", "country", "Norway"),
    "丹麦": ("denmark", "country", "Denmark"),
    "冰岛": ("iceland", "country", "Iceland"),
    "希腊": ("greece", "country", "Greece"),
    "波兰": ("poland", "country", "Poland"),
    "捷克": ("czechia", "country", "Czechia"),
    "斯洛伐克": ("slovakia", "country", "Slovakia"),
    "斯洛文尼亚": ("slovenia", "country", "Slovenia"),
    "匈牙利": ("hungary", "country", "Hungary"),
    "罗马尼亚": ("romania", "country", "Romania"),
    "保加利亚": ("bulgaria", "country", "Bulgaria"),
    "塞尔维亚": ("serbia", "country", "Serbia"),
    "克罗地亚": ("croatia", "country", "Croatia"),
    "黑山": ("montenegro", "country", "Montenegro"),
    "北马其顿": ("north-macedonia", "country", "North Macedonia"),
    "阿尔巴尼亚": ("albania", "country", "Albania"),
    "立陶宛": ("lithuania", "country", "Lithuania"),
    "拉脱维亚": ("latvia", "country", "Latvia"),
    "爱沙尼亚": ("estonia", "country", "Estonia"),
    "马耳他": ("malta", "country", "Malta"),
    "塞浦路斯": ("cyprus", "country", "Cyprus"),
    "俄罗斯": ("russia", "country", "Russia"),
    "乌克兰": ("ukraine", "country", "Ukraine"),
    "白俄罗斯": ("belarus", "country", "Belarus"),
    "土耳其": ("turkey", "country", "Türkiye"),
    "以色列": ("israel", "country", "Israel"),
    "伊朗": ("iran", "country", "Iran"),
    "埃及": ("egypt", "country", "Egypt"),
    "沙特阿拉伯": ("saudi-arabia", "country", "Saudi Arabia"),
    "阿联酋": ("uae", "country", "United Arab Emirates"),
    "哈萨克斯坦": ("kazakhstan", "country", "Kazakhstan"),
    "乌兹别克斯坦": ("uzbekistan", "country", "Uzbekistan"),
    "吉尔吉斯斯坦": ("kyrgyzstan", "country", "Kyrgyzstan"),
    "塔吉克斯坦": ("tajikistan", "country", "Tajikistan"),
    "蒙古国": ("mongolia", "country", "Mongolia"),
    "蒙古": ("mongolia", "country", "Mongolia"),
    "巴基斯坦": ("pakistan", "country", "Pakistan"),
    "印度": ("india", "country", "India"),
    "斯里兰卡": ("sri-lanka", "country", "Sri Lanka"),
    "孟加拉国": ("bangladesh", "country", "Bangladesh"),
    "尼泊尔": ("nepal", "country", "Nepal"),
    "日本": ("japan", "country", "Japan"),
    "韩国": ("korea", "country", "South Korea"),
    "泰国": ("thailand", "country", "Thailand"),
    "越南": ("vietnam", "country", "Vietnam"),
    "老挝": ("laos", "country", "Laos"),
    "柬埔寨": ("cambodia", "country", "Cambodia"),
    "缅甸": ("myanmar", "country", "Myanmar"),
    "马来西亚": ("malaysia", "country", "Malaysia"),
    "新加坡": ("singapore", "country", "Singapore"),
    "印度尼西亚": ("indonesia", "country", "Indonesia"),
    "印尼": ("indonesia", "country", "Indonesia"),
    "菲律宾": ("philippines", "country", "Philippines"),
    "澳大利亚": ("australia", "country", "Australia"),
    "新西兰": ("new-zealand", "country", "New Zealand"),
    "美国": ("usa", "country", "United States"),
    "加拿大": ("canada", "country", "Canada"),
    "墨西哥": ("mexico", "country", "Mexico"),
    "古巴": ("cuba", "country", "Cuba"),
    "巴西": ("brazil", "country", "Brazil"),
    "阿根廷": ("argentina", "country", "Argentina"),
    "智利": ("chile", "country", "Chile"),
    "秘鲁": ("peru", "country", "Peru"),
    "哥伦比亚": ("colombia", "country", "Colombia"),
    "乌拉圭": ("uruguay", "country", "Uruguay"),
    "南非": ("south-africa", "country", "South Africa"),
    "肯尼亚": ("kenya", "country", "Kenya"),
    "埃塞俄比亚": ("ethiopia", "country", "Ethiopia"),
    "尼日利亚": ("nigeria", "country", "Nigeria"),
    "摩洛哥": ("morocco", "country", "Morocco"),
    "阿尔及利亚": ("algeria", "country", "Algeria"),
}
_PARTNER_NAMES = sorted(PARTNERS, key=len, reverse=True)


@dataclass
class ImportResult:
    """The knowledge YAML (empty when nothing could be imported) and every problem found.

    ``problems`` hold the notice's name and line; a row named in a problem was left out.
    ``warnings`` are figures imported as the notice gives them but worth a look (a total that
    is not a whole number of 万元, a gap in the 序号, amounts converted from 元); they do not stop
    the file from being written.
    """

    text: str
    problems: list[Problem] = field(default_factory=list)
    knowledge: Knowledge | None = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.text) and not self.problems


class NoticeError(Exception):
    """The input is not a notice this importer can read at all (no output is possible)."""


# --------------------------------------------------------------------------------------------
# Reading the text: prose paragraphs and tables of cells


@dataclass
class _Cell:
    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return _join(self.lines)


@dataclass
class _Table:
    line: int
    cells: list[_Cell] = field(default_factory=list)


@dataclass
class _Paragraph:
    lines: list[tuple[int, str]]

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return _join([t for _, t in self.lines])

    def line_of(self, pos: int) -> int:
        """Line of a character offset in ``text``."""
        _, starts = _join_offsets([t for _, t in self.lines])
        line = self.lines[0][0]
        for (n, _), start in zip(self.lines, starts, strict=True):
            if start is not None and start <= pos:
                line = n
        return line

    def line_text(self, pos: int) -> tuple[str, int]:
        """The stripped line holding offset ``pos`` of ``text``, and ``pos`` within it."""
        _, starts = _join_offsets([t for _, t in self.lines])
        best = (self.lines[0][1].strip(), pos)
        for (_, t), start in zip(self.lines, starts, strict=True):
            if start is not None and start <= pos:
                best = (t.strip(), pos - start)
        return best


def _join_offsets(lines: list[str]) -> tuple[str, list[int | None]]:
    """Join the lines of a cell or paragraph: nothing between Chinese text, one space between
    Latin words. Also gives where each line starts in the result (None for a blank line)."""
    out = ""
    starts: list[int | None] = []
    for raw in lines:
        part = raw.strip()
        if not part:
            starts.append(None)
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii():
            out += " "
        starts.append(len(out))
        out += part
    return out, starts


def _join(lines: list[str]) -> str:
    return _join_offsets(lines)[0]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def _scan(text: str) -> list[_Paragraph | _Table]:
    """Split the notice into prose paragraphs and tables, keeping line numbers (1-based)."""
    blocks: list[_Paragraph | _Table] = []
    table: _Table | None = None
    para: _Paragraph | None = None
    cell: _Cell | None = None  # the cell a non-tab line directly below would continue
    for n, raw in enumerate(text.split("\n"), 1):
        line = _CONTROL.sub("", raw.replace("\r", "").replace("\u3000", " "))
        if not line.strip() and not line.startswith("\t"):  # a lone tab is an empty cell
            cell = None
            para = None
            continue
        if line.startswith("\t"):
            para = None
            if table is None:
                table = _Table(n)
                blocks.append(table)
            body = line[1:].rstrip()
            parts = body.split("\t") if body else [""]
            for part in parts:
                cell = _Cell(n, [part])
                table.cells.append(cell)
            continue
        if cell is not None:  # a cell that goes on over several lines
            cell.lines.append(line)
            continue
        table = None
        if para is None:
            para = _Paragraph([])
            blocks.append(para)
        para.lines.append((n, line))
    return blocks


# --------------------------------------------------------------------------------------------
# Numbers

_NUM = r"\d+(?:\.\d+)?"
_SERIAL = re.compile(r"\d+(?:\.\d+)+|\d+")
_DIGITS = str.maketrans("０１２３４５６７８９．／～：；，", "0123456789./~:;,")
_UP_TO = ("不超过", "不多于", "至多", "最多", "≤", "<=", "以内")
_ABOUT = ("约", "~", "左右", "大约", "≈")
_AMOUNT = re.compile(
    rf"^(?:(?P<label>[^:/\d~]+?)\s*:\s*)?(?P<total>{_NUM})\s*(?:万元|万)?\s*/\s*"
    rf"(?P<pre>不超过|不多于|至多|最多|约|大约|≤|<=|~|≈)?\s*(?P<count>\d+)\s*"
    rf"(?P<post>个|项)?\s*(?P<post2>以内|左右)?\s*(?:个|项)?$"
)


def _qualifier(*words: str | None) -> str:
    for w in words:
        if w and w in _UP_TO:
            return "up_to"
        if w and w in _ABOUT:
            return "about"
    return "exact"


@dataclass
class _Line:
    total: int | float
    count: int
    qualifier: str
    label: str = ""
    average: int | float | None = None
    track: str = ""


def _split_top(text: str, seps: str) -> list[str]:
    """Split on any of ``seps`` outside brackets; parts are stripped, empty parts dropped."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "（(【[":
            depth += 1
        elif ch in "）)】]" and depth:
            depth -= 1
        if ch in seps and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [p.strip() for p in out if p.strip()]


class _UnitError(ValueError):
    """A figure that the column's unit does not convert to whole 万元: the unit is suspect for
    the whole table, not for this row only."""


def _in_wan(text: str, scale: Decimal, what: str) -> int | float:
    """A figure of the notice in 万元; ``scale`` converts its column's unit (元: 0.0001).

    A converted figure must come out as a whole number of 万元: 25,000,000 元 is 2500 万元, but
    2,500 元 is 0.25 万元, which is far more likely a column labelled 元 that holds 万元.
    """
    value = Decimal(text) * scale
    whole = value == value.to_integral_value()
    if scale != 1 and not whole:
        raise _UnitError(f"{what} {text} would be {value.normalize():f} 万元")
    return int(value) if whole else float(value)


def _funding(
    amount: _Cell,
    average: _Cell | None,
    amount_scale: Decimal = Decimal(1),
    average_scale: Decimal = Decimal(1),
) -> list[_Line]:
    """The funding lines of a row, in 万元; raises ValueError with the reason when they cannot be
    read. The scales convert columns whose header gives another unit (元, 千元, 亿元)."""
    raw = "\n".join(amount.lines).translate(_DIGITS)
    parts = [p for chunk in raw.split("\n") for p in _split_top(chunk, ";")]
    if not parts:
        raise ValueError("the 总金额/资助数 cell is empty")
    lines = []
    for part in parts:
        m = _AMOUNT.match(part.replace(" ", "") if "/" in part else part)
        if not m:
            raise ValueError(
                f"cannot read the amount {part!r} (expected 总金额/资助数 such as 3000/10, "
                "6000/不超过20个 or 3000/~10)"
            )
        count = int(m["count"])
        if count <= 0:
            raise ValueError(f"the amount {part!r} funds no project")
        total = _in_wan(m["total"], amount_scale, "the amount")
        if total <= 0:
            raise ValueError(f"the amount {part!r} has no money")
        qual = _qualifier(m["pre"], m["post2"])
        lines.append(_Line(total, count, qual, (m["label"] or "").strip()))
    averages: list[str] = []
    if average is not None:
        avg_raw = "\n".join(average.lines).translate(_DIGITS)
        averages = [p for chunk in avg_raw.split("\n") for p in _split_top(chunk, ";")]
        averages = [a for a in averages if a not in ("-", "—", "–", "/", "无")]
    if averages and len(averages) != len(lines):
        raise ValueError(
            f"{len(lines)} funding line(s) in the amount cell but {len(averages)} average(s) "
            f"({average.text if average else ''!r})"
        )
    for fl, avg in zip(lines, averages, strict=False):
        a = re.sub(r"^[^:\d]*:\s*", "", avg)  # "领域一：3500"
        a = re.sub(r"\s*(万元|万)$", "", a)
        if not re.fullmatch(_NUM, a):
            raise ValueError(f"cannot read the average {avg!r} (expected a number of 万元)")
        fl.average = _in_wan(a, average_scale, "the average")
        if fl.average <= 0:
            raise ValueError(f"the average {avg!r} is not a positive number")
    return lines


# --------------------------------------------------------------------------------------------
# Cells of a row

_NUMBERED = re.compile(r"^\s*(?:\d+\s*(?:[.．](?!\d)|[、)）])|[（(]\d+[)）]|[①-⑳])\s*")


_CLAUSE_START = re.compile(
    r"^(?:包括|不包括|如|例如|尤其|特别|重点|主要|以及|及|和|并|其中|聚焦|涉及|等)"
)


def _fields(cell: _Cell) -> list[str]:
    """Field items of a 资助领域方向 cell: numbered items, then parts split on ；/;.

    A cell that is one list (no ；, no numbers) is split on ， or else 、 outside brackets,
    unless a part reads as a clause of the one before ("…，包括…").
    """
    items: list[list[str]] = []
    for line in cell.lines:
        if not line.strip():
            continue
        if _NUMBERED.match(line) or not items:
            items.append([_NUMBERED.sub("", line, count=1)])
        else:
            items[-1].append(line)
    out = []
    for item in items:
        for part in _split_top(_join(item), "；;"):
            part = part.rstrip("。.，,、 ")
            if part:
                out.append(part)
    if len(out) == 1:
        for sep in "，,", "、":
            parts = _split_top(out[0], sep)
            if len(parts) > 1 and not any(_CLAUSE_START.match(p) for p in parts):
                return parts
    return out


_TITLE_PARTNER = re.compile(r"^(?:中国|中方|我国|内地|大陆)\s*(?:和|与|同|-|–|—)\s*(?P<rest>.+)$")
_PARTNER_END = re.compile(r"(政府间|联合|科技|合作|产学研|研究|创新|项目|双边|国际)")


def _partner_name(title: str) -> str | None:
    """The X of "中国和X政府间…", "中国与X…", "内地与X…" (Simplified), or None."""
    from textnorm.chinese import to_simplified

    m = _TITLE_PARTNER.match(to_simplified(title))
    if not m:
        return None
    rest = m["rest"]
    for name in _PARTNER_NAMES:
        if rest.startswith(name):
            return name
    end = _PARTNER_END.search(rest)
    name = re.sub(r"[^\w·]", "", rest[: end.start()] if end else "")
    if name in PARTNERS:
        return name
    return name if 1 <= len(name) <= 20 and not name.isdigit() else None


# --------------------------------------------------------------------------------------------
# Columns

_COLUMNS = ("serial", "title", "fields", "amount", "average")
_HEADER_WORDS = (
    ("average", ("平均",)),
    ("amount", ("总金额", "资助数", "金额", "经费")),
    ("serial", ("序号", "编号")),
    ("title", ("国别", "国家", "合作方", "项目名称", "名称")),
    ("fields", ("领域", "方向", "内容")),
)
_HEADER_TEXT = {
    "serial": "序号",
    "title": "合作国别",
    "fields": "资助领域方向",
    "amount": "总金额/资助数",
    "average": "平均资助金额",
}


def _column(text: str) -> str | None:
    for col, words in _HEADER_WORDS:
        if any(w in text for w in words):
            return col
    return None


def _is_number_cell(cell: _Cell) -> bool:
    return bool(re.fullmatch(_NUM, cell.text.translate(_DIGITS)))


def _serial_key(cell: _Cell) -> tuple[int, ...] | None:
    text = cell.text.translate(_DIGITS)
    return tuple(int(n) for n in text.split(".")) if _SERIAL.fullmatch(text) else None


def _rows(table: _Table) -> tuple[list[str], list[list[_Cell]]]:
    """Header columns and rows of cells.

    A row starts at a 序号 cell ("1.1", "2.0", "3") followed by a text cell, when the row before
    is complete or the 序号 comes after the one before it ("1.9" then "2.0"); so a number in a
    cell of a short row ("100") is not taken for the start of a new row.
    """
    cells = table.cells
    header: list[str] = []
    ncols = len(_COLUMNS)
    starts: list[int] = []
    for i, c in enumerate(cells):
        key = _serial_key(c)
        if key is None:
            continue
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        if nxt is None or _is_number_cell(nxt) or _serial_key(nxt) is not None:
            continue
        if not starts:
            if cells[0].text.strip() in ("序号", "编号"):
                header = [_column(h.text) or f"?{h.text}" for h in cells[:i]]
                ncols = len(header) or ncols
            starts.append(i)
            continue
        prev = _serial_key(cells[starts[-1]])
        assert prev is not None
        in_sequence = len(prev) == len(key) and key > prev
        if i - starts[-1] >= ncols or in_sequence:
            starts.append(i)
    if not starts and cells and cells[0].text.strip() in ("序号", "编号"):
        header = [_column(h.text) or f"?{h.text}" for h in cells]
    ends = [*starts[1:], len(cells)] if starts else []
    rows = [cells[s:e] for s, e in zip(starts, ends, strict=True)]
    return header, rows


# Money units a header may give, as 万元 per unit. "（万元）" is what the bot's knowledge holds.
_UNITS = {
    "万元": Decimal(1),
    "元": Decimal("0.0001"),
    "千元": Decimal("0.1"),
    "百万元": Decimal(100),
    "亿元": Decimal(10000),
}
_UNIT = re.compile(r"[（(]\s*(?P<unit>[^（）()]*元[^（）()]*?)\s*[)）]")


def _unit(header: str) -> str | None:
    """The money unit a header cell names ("总金额（元）/资助数（个）" gives "元"), or None.

    Raises ValueError for a unit that cannot be converted exactly to 万元 (美元, 欧元, two units).
    """
    units = {re.sub(r"\s|人民币|RMB|CNY", "", m["unit"]) for m in _UNIT.finditer(header)}
    if len(units) > 1:
        raise ValueError(f"the column {header!r} names two money units ({', '.join(units)})")
    if not units:
        return None
    unit = units.pop()
    if unit not in _UNITS:
        raise ValueError(
            f"the column {header!r} gives amounts in {unit}; only 万元 can be imported (元, "
            "千元, 百万元 and 亿元 are converted)"
        )
    return unit


# --------------------------------------------------------------------------------------------
# Calls (the prose above each table)

_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)\s*年度?")
_CALL_HINT = re.compile(r"设立\s*\d+\s*个|总概算|项目数|项目任务数")
_DIRECTIONS = re.compile(r"设立\s*(?P<n>\d+)\s*个\s*(?:指南)?(?:方向|领域)")
_PARTNERS_N = re.compile(r"支持与\s*(?P<n>\d+)\s*个(?P<text>[^，,。；;（(]*?)开展")
_PROJECTS = re.compile(
    r"(?:项目任务数|拟支持项目数|支持项目数|项目数)\s*(?:为|共)?\s*(?P<pre>约|不超过|不多于)?\s*"
    r"(?P<n>\d+)\s*(?:个|项)\s*(?P<post>左右|以内)?"
)
_TOTAL = re.compile(
    rf"(?:总概算|经费总额|总经费|经费概算)\s*(?:为)?\s*(?P<pre>约)?\s*(?P<num>{_NUM})\s*"
    r"(?P<unit>亿元|亿|万元|万)"
)
_PERIOD = re.compile(r"实施周期\s*(?:为|是)?\s*(?P<lo>\d+)\s*(?:[~～至\-–—]\s*(?P<hi>\d+))?\s*年")


@dataclass
class _CallInfo:
    line: int
    name: str = ""
    year: int | None = None
    directions: int | None = None
    directions_line: int | None = None
    partners: int | None = None
    partners_text: str = ""
    projects: int | None = None
    projects_qual: str = "exact"
    projects_line: int | None = None
    total: int | float | None = None
    total_line: int | None = None
    period: tuple[int, int] | None = None
    id: str = ""
    rows: list[dict] = field(default_factory=list)
    skipped: int = 0


def _call_info(p: _Paragraph) -> _CallInfo | None:
    text = p.text.translate(_DIGITS)
    year = _YEAR.search(text)
    if not year or not _CALL_HINT.search(text):
        return None
    info = _CallInfo(p.line_of(year.start()))
    info.year = int(year["year"])
    line, pos = p.line_text(year.start())
    line = line.translate(_DIGITS)
    # The name is what comes before the year in its sentence: "政府间…重点专项2023年度项目设立…"
    name = re.split(r"[,。;:!?]", line[:pos])[-1].strip()
    name = re.sub(
        r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])", "", name
    ).strip()
    after = re.match(r"(?P<suffix>[^,。;]*?)项目", text[year.end() :])
    if after and after["suffix"] and not re.search(r"设立|将|拟", after["suffix"]):
        name += after["suffix"] + "项目"
    info.name = name
    if m := _DIRECTIONS.search(text):
        info.directions, info.directions_line = int(m["n"]), p.line_of(m.start())
    if m := _PARTNERS_N.search(text):
        info.partners = int(m["n"])
        info.partners_text = f"{m['n']}个{m['text'].strip()}"
    if m := _PROJECTS.search(text):
        info.projects, info.projects_line = int(m["n"]), p.line_of(m.start())
        info.projects_qual = _qualifier(m["pre"], m["post"])
    if m := _TOTAL.search(text):
        value = Decimal(m["num"]) * (10000 if m["unit"].startswith("亿") else 1)
        info.total = int(value) if value == value.to_integral_value() else float(value)
        info.total_line = p.line_of(m.start())
    if m := _PERIOD.search(text):
        lo = int(m["lo"])
        hi = int(m["hi"]) if m["hi"] else lo
        info.period = (lo, hi)
    return info


# --------------------------------------------------------------------------------------------
# The import


class _Importer:
    def __init__(self, text: str, source_name: str):
        self.text = text
        self.source = source_name
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.converted: set[str] = set()  # units converted to 万元, named in the output's header
        self.partners: dict[str, dict] = {}  # normalised zh name -> partner
        self.calls: list[_CallInfo] = []

    def problem(self, line: int | None, where: str, message: str) -> None:
        self.problems.append(Problem(self.source, line, where, message))

    def warn(self, line: int | None, where: str, message: str) -> None:
        self.warnings.append(Problem(self.source, line, where, message))

    def run(self) -> ImportResult:
        if not self.text.strip():
            raise NoticeError("the file is empty")
        if "\x00" in self.text:
            raise NoticeError("binary file, not a notice text")
        blocks = _scan(self.text)
        tables = [b for b in blocks if isinstance(b, _Table) and _rows(b)[1]]
        if not tables:
            raise NoticeError(
                "not a funding notice: no table of directions found (expected one cell per "
                "line, each starting with a tab, under a 序号 header, rows starting with 序号 "
                "like 1.1)"
            )
        current: _CallInfo | None = None
        used = False
        for block in blocks:
            if isinstance(block, _Paragraph):
                info = _call_info(block)
                if info:
                    if current is not None and not used:
                        self.problem(
                            current.line,
                            "call",
                            "no table of directions below this call; call left out",
                        )
                    current, used = info, False
                    self.calls.append(info)
                continue
            if not any(block is t for t in tables):
                continue
            if current is None or used:
                current = _CallInfo(block.line)
                self.problem(
                    block.line,
                    "table",
                    "no paragraph above this table gives the "
                    "call's name and totals (…2023年度…设立N个指南方向…); the totals "
                    "are taken from the table",
                )
                self.calls.append(current)
            used = True
            self.read_table(block, current)
        if current is not None and not used:
            self.problem(
                current.line, "call", "no table of directions below this call; call left out"
            )
        self.calls = [c for c in self.calls if c.rows]
        if not self.calls:
            self.problem(None, "", "no direction could be read from the notice's tables")
            return ImportResult("", self.problems, warnings=self.warnings)
        self.assign_ids()
        for c in self.calls:
            self.check_totals(c)
            self.check_numbering(c)
        text = self.render()
        result = ImportResult(text, self.problems, warnings=self.warnings)
        try:
            result.knowledge = parse_knowledge(text, "<imported knowledge>")
        except KnowledgeError as exc:  # a bug in the importer: say so, never write the file
            for p in exc.problems:
                self.problem(None, "", f"the generated knowledge is invalid (importer bug): {p}")
        return result

    # -- tables

    def read_table(self, table: _Table, call: _CallInfo) -> None:
        header, rows = _rows(table)
        columns = list(_COLUMNS)
        if header:  # columns it does not know (备注…) are read past
            known = [h for h in header if not h.startswith("?")]
            missing = [c for c in ("serial", "title", "fields", "amount") if c not in header]
            if missing or len(set(known)) != len(known):
                what = []
                if missing:
                    what.append("no column for " + ", ".join(_HEADER_TEXT[m] for m in missing))
                if len(set(known)) != len(known):
                    what.append("a column appears twice")
                self.problem(table.line, "table header", "; ".join(what) + "; table skipped")
                call.skipped += len(rows)
                return
            columns = header
        units = self.column_units(table, header)
        if units is None:
            call.skipped += len(rows)
            return
        scales = {col: _UNITS[unit] for col, (unit, _) in units.items()}
        before, partners = len(call.rows), dict(self.partners)
        for row in rows:
            read = len(call.rows)
            try:
                self.read_row(row, columns, call, scales)
            except _UnitError as exc:  # the unit is wrong for the table: say so once
                unit, line = units["amount" if "amount" in exc.args[0] else "average"]
                self.problem(
                    line,
                    "table header",
                    f"the header gives {unit}, but {exc.args[0]} (line {exc.args[1]}), not a "
                    "whole number: is the unit right? Give the amounts in 万元; table skipped",
                )
                del call.rows[before:]
                self.partners = partners
                call.skipped += len(rows)
                return
            if len(call.rows) == read:
                call.skipped += 1
        for unit, line in units.values():
            if unit != "万元":
                self.converted.add(unit)
                self.warn(
                    line,
                    "table header",
                    f"amounts in {unit}, converted to 万元 (×{_UNITS[unit].normalize():f})",
                )

    def column_units(self, table: _Table, header: list[str]) -> dict[str, tuple[str, int]] | None:
        """The money unit and header line of the amount and average columns (the header cells
        are the table's first cells); None, with the problem reported, for a unit that cannot
        be used. A column with no unit is taken as 万元, with a warning."""
        units = {"amount": ("万元", table.line), "average": ("万元", table.line)}
        for col, cell in zip(header, table.cells, strict=False):
            if col not in units:
                continue
            try:
                unit = _unit(cell.text)
            except ValueError as exc:
                self.problem(cell.line, "table header", f"{exc}; table skipped")
                return None
            if unit is None:
                self.warn(
                    cell.line,
                    "table header",
                    f"the column {cell.text!r} gives no unit; its amounts are taken as 万元",
                )
            units[col] = (unit or "万元", cell.line)
        return units

    def read_row(
        self,
        row: list[_Cell],
        columns: list[str],
        call: _CallInfo,
        scales: dict[str, Decimal] | None = None,
    ) -> None:
        """Read one row into ``call.rows``, or report why not (then the row is left out)."""
        scales = scales or {}
        serial = row[0].text.translate(_DIGITS)
        where = f"row {serial}"
        line = row[0].line
        if len(row) != len(columns):
            names = " | ".join(_HEADER_TEXT.get(c, c.lstrip("?")) for c in columns)
            if len(row) > len(columns):
                why = "an extra cell, or two rows run together?"
            else:
                why = "a missing cell, or two cells merged into one?"
                for cell in row[1:]:  # "2000/5 400": the amount and the average in one cell
                    if re.fullmatch(rf"\S+/\S+\s+{_NUM}", cell.text.translate(_DIGITS)):
                        why = f"the cell {cell.text!r} on line {cell.line} looks like two merged"
                        why += " cells (总金额/资助数 and 平均资助金额)"
                        break
            self.problem(
                line,
                where,
                f"has {len(row)} cells, expected {len(columns)} ({names}): {why}; row skipped",
            )
            return
        cells = dict(zip(columns, row, strict=True))
        if any(r["number"] == serial for r in call.rows):
            self.problem(line, where, f"序号 {serial} appears twice in this table; row skipped")
            return
        title = cells["title"].text
        if not title:
            self.problem(cells["title"].line, where, "the 合作国别 cell is empty; row skipped")
            return
        fields_text = cells["fields"].text
        if not fields_text:
            self.problem(
                cells["fields"].line, where, "the 资助领域方向 cell is empty; row skipped"
            )
            return
        try:
            funding = _funding(
                cells["amount"],
                cells.get("average"),
                scales.get("amount", Decimal(1)),
                scales.get("average", Decimal(1)),
            )
        except ValueError as exc:
            bad = cells["amount"]
            if "average" in str(exc) and "average" in cells:
                bad = cells["average"]
            if isinstance(exc, _UnitError):
                raise _UnitError(exc.args[0], bad.line) from None
            self.problem(bad.line, where, f"{exc}; row skipped")
            return
        partner = _partner_name(title)
        if partner is None:
            self.problem(
                cells["title"].line,
                where,
                f"cannot tell the partner from the title "
                f"{title!r} (expected 中国和X…, 中国与X… or 内地与X…); row skipped",
            )
            return
        for fl in funding:
            if fl.average is not None and not _average_fits(fl):
                avg_line = cells["average"].line if "average" in cells else line
                self.problem(
                    avg_line,
                    where,
                    f"the average {fl.average:g} does not match "
                    f"{fl.total:g}/{fl.count} = {fl.total / fl.count:g}; average left "
                    "out",
                )
                fl.average = None
        for fl in funding:
            self.warn_fraction(cells["amount"].line, where, "total", fl.total)
            if fl.average is not None and "average" in cells:
                self.warn_fraction(cells["average"].line, where, "average", fl.average)
        fields = _fields(cells["fields"])
        if len(funding) > 1:
            for i, fl in enumerate(funding):
                fl.track = self.track_name(fl.label, i, fields)
        key = normalize(partner)  # 欧盟 and 歐盟 are one partner
        if key not in self.partners:
            self.partners[key] = {"line": line, "name": partner}
        call.rows.append(
            {
                "number": serial,
                "line": line,
                "title": title,
                "partner": key,
                "fields_text": fields_text,
                "fields": fields,
                "funding": funding,
            }
        )

    def warn_fraction(self, line: int, where: str, what: str, value: int | float) -> None:
        # the notices give whole 万元; "2000.5" is more likely a typo or a misread cell than
        # 5,000 yuan, and it would silently make the call's total 49600.5
        if isinstance(value, float) and not value.is_integer():
            self.warn(
                line,
                where,
                f"the {what} {_num(value)} 万元 is not a whole number of 万元; imported as "
                "written, check it against the notice",
            )

    @staticmethod
    def track_name(label: str, index: int, fields: list[str]) -> str:
        """ "领域一" and the field "领域一：食品…（FAB）" give "领域一 食品…（FAB）"."""
        if label:
            for f in fields:
                m = re.match(rf"^{re.escape(label)}\s*[:：]\s*(?P<rest>.+)$", f)
                if m:
                    return f"{label} {m['rest']}"
            return label
        if len(fields) > index:
            return fields[index]
        return f"第{index + 1}部分"

    # -- ids, totals

    def assign_ids(self) -> None:
        taken: set[str] = set()
        for n, c in enumerate(self.calls, 1):
            cid = f"call{n}"
            if "港澳台" in c.name or re.search(r"香港|澳门|台湾", c.name):
                cid = "hmt"
            elif "政府间" in c.name or "国际" in c.name:
                cid = "intl"
            if cid in taken:
                cid = f"call{n}"
            taken.add(cid)
            c.id = cid
        taken_partners: set[str] = set()
        for n, p in enumerate(self.partners.values(), 1):
            name = p["name"]
            pid, kind, en = PARTNERS.get(name, (f"partner-{n}", "country", ""))
            while pid in taken_partners:
                pid = f"{pid}-{n}"
            taken_partners.add(pid)
            p.update(id=pid, kind=kind, en=en, known=name in PARTNERS)

    def check_totals(self, c: _CallInfo) -> None:
        rows = c.rows
        n = len(rows)
        total = sum((Decimal(str(fl.total)) for r in rows for fl in r["funding"]), Decimal(0))
        total_n: int | float = int(total) if total == total.to_integral_value() else float(total)
        count = sum(fl.count for r in rows for fl in r["funding"])
        where = f"call {c.id}"
        note = self.problem
        if c.skipped:  # the sums cannot match; say so once instead of once per figure
            self.problem(
                c.directions_line or c.line,
                where,
                f"{c.skipped} row(s) of this call could not be read, so the call's figures are "
                "not checked against the notice; the partial result uses the sums of the rows "
                "read",
            )

            def note(*_args: object) -> None:
                return None

        if not c.name:
            c.name = f"TODO: 第{self.calls.index(c) + 1}个专项名称"
        if c.year is None:
            c.year = _guess_year(self.text)
        if c.period and not 1 <= c.period[0] <= c.period[1]:
            self.problem(
                c.line,
                where,
                f"cannot read the period {c.period[0]}~{c.period[1]} years (实施周期); left out",
            )
            c.period = None
        if c.directions is None:
            note(
                c.line,
                where,
                f"the notice does not say how many directions "
                f"(设立N个指南方向); using the {n} rows read",
            )
        elif c.directions != n:
            note(
                c.directions_line or c.line,
                where,
                f"the notice says {c.directions} directions but {n} rows were read; using {n}",
            )
        c.directions = n
        if c.total is None:
            note(
                c.line,
                where,
                f"the notice gives no total (总概算); using the sum of the rows, {total_n:g} 万元",
            )
        elif abs(Decimal(str(c.total)) - total) > Decimal("0.5"):
            note(
                c.total_line or c.line,
                where,
                f"the notice gives a total of "
                f"{c.total:g} 万元 but the rows add up to {total_n:g}; using {total_n:g}",
            )
        c.total = total_n
        if c.projects is None:
            note(
                c.line,
                where,
                f"the notice gives no project count (项目数); using the sum of the rows, {count}",
            )
            c.projects, c.projects_qual = count, "exact"
        elif (c.projects_qual == "exact" and c.projects != count) or abs(
            c.projects - count
        ) > 0.1 * c.projects:
            note(
                c.projects_line or c.line,
                where,
                f"the notice gives {c.projects} "
                f"projects but the rows add up to {count}; using {count}",
            )
            c.projects = count

    def check_numbering(self, c: _CallInfo) -> None:
        """Warn when the 序号 of a call's rows skip a number (1.1, 1.2, 1.4): a row may have been
        lost on the way from the notice, and when the notice gives no count nothing else says so.
        """
        if c.skipped:  # a skipped row is a gap already reported as a problem
            return
        prev: tuple[int, ...] | None = None
        zero_based = False
        for r in c.rows:
            key = tuple(int(n) for n in r["number"].split("."))
            if prev is None:
                zero_based = key[-1] == 0
                if key[-1] > 1:
                    self.warn(
                        r["line"],
                        f"row {r['number']}",
                        "the first row of this call is not numbered 1; rows missing before it?",
                    )
            elif key not in _next_serials(prev, zero_based):
                gap = ""
                if key[:-1] == prev[:-1] and key[-1] > prev[-1] + 1:
                    lost = [
                        ".".join(map(str, (*key[:-1], n))) for n in range(prev[-1] + 1, key[-1])
                    ]
                    gap = f" ({', '.join(lost[:5])}{' …' if len(lost) > 5 else ''} missing?)"
                self.warn(
                    r["line"],
                    f"row {r['number']}",
                    f"序号 goes from {'.'.join(map(str, prev))} to {r['number']}{gap}; check "
                    "that no row of the notice was lost",
                )
            prev = key

    # -- output

    def render(self) -> str:
        out = [
            SCHEMA_LINE,
            f"# callbot knowledge imported by `callbot import` from {self.source}.",
            "# Amounts are in 万元 (10,000 CNY), exactly as the notice gives them"
            + (
                f" (converted from {', '.join(sorted(self.converted))})."
                if self.converted
                else "."
            ),
            "# Project-count qualifiers: exact | up_to (不超过) | about (~, 约).",
            f'# Still to do by hand: English names ("{TODO_EN}"), aliases, topics; then run',
            "# `callbot check` on this file.",
            "format: 1",
            "source:",
            f"  title: {_scalar(_source_title(self.text))}",
            f"  file: {_scalar(self.source)}",
            "",
            "calls:",
        ]
        for c in self.calls:
            out += [f"  - id: {_scalar(c.id)}", f"    year: {c.year}"]
            out += _text_block("name", c.name, 4)
            out.append(f"    directions: {c.directions}")
            if c.partners:
                out.append(f"    partners: {c.partners}")
                out += _text_block("partners_text", c.partners_text, 4, "TODO: English text")
            out.append(f"    projects: {{count: {c.projects}, qualifier: {c.projects_qual}}}")
            out.append(f"    total: {_num(c.total)}")
            if c.period:
                out.append(f"    period: {{min: {c.period[0]}, max: {c.period[1]}}}")
            out.append(f"    aliases: []  {TODO_ALIASES}")
        out += ["", "partners:"]
        for p in self.partners.values():
            name = p["name"]
            en = p["en"] or f"{TODO_EN} ({name})"  # unique: English names are aliases too
            kind = p["kind"] + (
                "" if p["known"] else "  # TODO check: country, region or organisation"
            )
            out += [
                f"  - id: {_scalar(p['id'])}",
                f"    kind: {kind}",
                f"    name: {_flow_text(name, en)}",
                f"    aliases: []  {TODO_ALIASES}",
            ]
        out += [
            "",
            "topics: []  # TODO add topics (id, name, aliases, includes) and list them "
            "under each direction's topics",
            "",
            "directions:",
        ]
        for c in self.calls:
            for r in c.rows:
                out += [
                    f"  - id: {_scalar(c.id + '-' + r['number'])}",
                    f"    call: {_scalar(c.id)}",
                    f"    number: {_scalar(r['number'])}",
                    f"    partner: {_scalar(self.partners[r['partner']]['id'])}",
                ]
                out += _text_block("title", r["title"], 4)
                out.append(f"    aliases: []  {TODO_ALIASES}")
                out.append(f"    fields_text: {_scalar(r['fields_text'])}")
                out.append("    fields:")
                for f in r["fields"] or [r["fields_text"]]:
                    out.append(f"      - {_flow_text(f, TODO_EN)}")
                out.append("    topics: []  # TODO")
                out.append("    funding:")
                for fl in r["funding"]:
                    avg = "" if fl.average is None else f", average: {_num(fl.average)}"
                    counts = f"{{count: {fl.count}, qualifier: {fl.qualifier}}}"
                    if fl.track:
                        out.append(f"      - track: {_flow_text(fl.track, TODO_EN)}")
                        out.append(f"        total: {_num(fl.total)}")
                        out.append(f"        projects: {counts}")
                        if fl.average is not None:
                            out.append(f"        average: {_num(fl.average)}")
                    else:
                        out.append(f"      - {{total: {_num(fl.total)}, projects: {counts}{avg}}}")
                out.append("")
        return "\n".join(out).rstrip("\n") + "\n"


def _next_serials(prev: tuple[int, ...], zero_based: bool) -> set[tuple[int, ...]]:
    """序号 that may follow ``prev``: 1.2 after 1.1; 2.1 after 1.x; 2.0 after 1.9 (numbered like
    decimals, as the 2023 notice is: 1.1 … 1.9, 2.0 … 2.5) or when the call starts at x.0."""
    nxt = {(*prev[:-1], prev[-1] + 1)}
    if len(prev) > 1:
        section = (*prev[:-2], prev[-2] + 1)
        nxt.add((*section, 1))
        if prev[-1] == 9 or zero_based:
            nxt.add((*section, 0))
    return nxt


def _average_fits(fl: _Line) -> bool:
    """The loader's rule: exact counts within 1%, qualified counts (不超过, ~) within 25%."""
    assert fl.average is not None
    expected = fl.total / fl.count
    if fl.qualifier == "exact":
        return abs(expected - fl.average) <= max(0.5, 0.01 * fl.average)
    return abs(expected - fl.average) <= 0.25 * fl.average


def _guess_year(text: str) -> int:
    m = _YEAR.search(text.translate(_DIGITS))
    return int(m["year"]) if m else 2000


def _source_title(text: str) -> str:
    """The notice's heading: its first prose lines up to the first call paragraph or table."""
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if raw.startswith("\t") or _CALL_HINT.search(line) or len(out) == 2:
            break
        out.append(line)
    return " ".join(out) or "imported notice"


# --------------------------------------------------------------------------------------------
# YAML output

_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _scalar(value: str) -> str:
    """A YAML scalar for text, plain when that reads back as the same text, else double-quoted."""
    value = str(value)
    if value and value == value.strip() and not re.search(r"[,\[\]{}#\"'\\]", value):
        try:
            plain = yaml.safe_load(f"k: {value}") == {"k": value}
            in_flow = yaml.safe_load(f"[{value}]") == [value]
        except yaml.YAMLError:
            plain = in_flow = False
        if plain and in_flow:
            return value
    quoted = json.dumps(value, ensure_ascii=False)
    return _NON_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _num(value: int | float | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _hant(text: str) -> str:
    from textnorm.chinese import to_traditional

    return to_traditional(text)


def _flow_text(hans: str, en: str) -> str:
    return f"{{zh-Hans: {_scalar(hans)}, zh-Hant: {_scalar(_hant(hans))}, en: {_scalar(en)}}}"


def _text_block(key: str, hans: str, indent: int, en: str = TODO_EN) -> list[str]:
    pad = " " * indent
    return [
        f"{pad}{key}:",
        f"{pad}  zh-Hans: {_scalar(hans)}",
        f"{pad}  zh-Hant: {_scalar(_hant(hans))}",
        f"{pad}  en: {_scalar(en)}",
    ]


# --------------------------------------------------------------------------------------------
# Entry points


def import_notice(text: str, source_name: str) -> ImportResult:
    """Parse a notice's text into knowledge YAML; never raises for bad input.

    When the text is not a notice at all the result has no YAML and one problem saying why.
    """
    long_number = _LONG_NUMBER.search(text)
    if long_number:  # int() refuses 4,300+ digits with a ValueError, deep inside the parsing
        line = text.count("\n", 0, long_number.start()) + 1
        digits = len(long_number.group())
        return ImportResult(
            "", [Problem(source_name, line, "", f"a number of {digits} digits is not a figure")]
        )
    try:
        return _Importer(text, source_name).run()
    except NoticeError as exc:
        return ImportResult("", [Problem(source_name, None, "", str(exc))])


def _read_notice(path: Path) -> str:
    # the loader's reading: a regular file (a FIFO would block, /dev/zero never ends), checked on
    # the open descriptor, and read with the size cap
    try:
        raw = read_knowledge_bytes(path, MAX_NOTICE_BYTES)
    except KnowledgeError as exc:
        message = exc.problems[0].message
        if message.startswith("file too large"):
            message = message.replace("file too large", "file too large for a notice", 1)
        raise NoticeError(message) from None
    if not raw.strip():
        raise NoticeError("the file is empty")
    if b"\x00" in raw[:8192] or b"\x00" in raw:
        raise NoticeError("binary file, not a notice text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise NoticeError(
            f"not UTF-8 text (first bad byte on line {line}); if the notice is in GBK/GB18030, "
            "convert it first, e.g. iconv -f GB18030 -t UTF-8"
        ) from None


def _write_atomic(path: Path, text: str) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def main(notice_path: str, output_path: str) -> int:
    """``callbot import NOTICE -o FILE``: 0 and the file written, or 1, the problems on stderr and
    no file (an existing FILE is left as it was)."""
    path = Path(notice_path)
    name = path.name
    try:
        text = _read_notice(path)
    except NoticeError as exc:
        print(f"callbot import: {notice_path}: {exc}", file=sys.stderr)
        print(f"callbot import: {output_path} not written", file=sys.stderr)
        return 1
    result = import_notice(text, name)
    for warning in result.warnings:
        print(f"callbot import: {_warning_line(warning, notice_path)}", file=sys.stderr)
    if result.problems:
        for problem in result.problems:
            problem = dataclasses.replace(problem, file=notice_path)
            print(f"callbot import: {problem}", file=sys.stderr)
        if result.text:
            print(
                f"callbot import: {len(result.problems)} problem(s) in {notice_path}; fix the "
                f"notice and import again; {output_path} not written",
                file=sys.stderr,
            )
        else:
            print(f"callbot import: {output_path} not written", file=sys.stderr)
        return 1
    out = Path(output_path)
    if out.exists() and out.resolve() == path.resolve():
        print(
            f"callbot import: {output_path} is the notice itself; nothing written", file=sys.stderr
        )
        return 1
    if out.exists() and out.is_dir():
        print(f"callbot import: {output_path} is a directory; nothing written", file=sys.stderr)
        return 1
    try:
        _write_atomic(out, result.text)
    except OSError as exc:
        print(
            f"callbot import: cannot write {output_path}: {exc.strerror or exc}; nothing written",
            file=sys.stderr,
        )
        return 1
    k = result.knowledge
    assert k is not None
    print(
        f"{output_path}: imported from {name} — {len(k.calls)} calls, {len(k.directions)} "
        f"directions, {len(k.partners)} partners. English names, aliases and topics are marked "
        "TODO."
    )
    if result.warnings:
        print(
            f"callbot import: {len(result.warnings)} warning(s) above; {output_path} was written, "
            "check those figures against the notice",
            file=sys.stderr,
        )
    return 0


def _warning_line(warning: Problem, path: str) -> str:
    """ "notice.txt:59: warning: row 1.8: …", the shape compilers use, so editors can jump."""
    where = f"{path}:{warning.line}" if warning.line else path
    field = f" {warning.field}:" if warning.field else ""
    return f"{where}: warning:{field} {warning.message}"
