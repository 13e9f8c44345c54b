"""Tests for textnorm.chinese: conversions, script detection, pinyin and the generated tables."""

from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from textnorm import chinese as zh

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seed/000_6f9b83c13be6d3f1.txt")
VOCAB = ROOT / "tools" / "zh_vocab.txt"
DATA = ROOT / "textnorm" / "data"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")

SENTENCES = [
    "每个项目实施周期为2~3年，总金额6000万元，平均资助金额，不超过20个项目，"
    "产后减损技术，现代机械制造，发电设施安全",
    "项目执行期限几年？资助经费总额是多少？",
    "这里有几个合作伙伴？以后的后续发展面向哪些领域？",
    "头发、开发、发电、复杂、平台、系统、只有、范围、标准、采用、其余、历史、时钟",
    "国资项领额个经费这们么说时发动区门长见关总数东车书",
]
MUST_CONVERT = "国资项领额个经费这们么说时发动区门长见关总数东车书"


def notice_text() -> str:
    """The notice's Chinese lines: the seed file, or its verbatim copy in tools/zh_vocab.txt."""
    if SEED.is_file():
        lines = SEED.read_text("utf-8").splitlines()
    else:
        text = VOCAB.read_text("utf-8")
        lines = text.split("# == seed notice", 1)[1].split("\n# ==", 1)[0].splitlines()[1:]
    return "\n".join(line.strip() for line in lines if HAN_RUN.search(line))


def test_to_simplified_sample() -> None:
    assert zh.to_simplified("項目執行期限幾年") == "项目执行期限几年"
    assert zh.to_simplified("政府間國際科技創新合作重點專項") == "政府间国际科技创新合作重点专项"
    assert zh.to_simplified("abc 123，。") == "abc 123，。"


@pytest.mark.parametrize(
    ("variant", "simplified"),
    [
        ("徳", "德"),
        ("蔵", "藏"),
        ("説", "说"),
        ("為", "为"),
        ("舎", "舍"),
        ("衞", "卫"),
        ("発", "发"),
    ],
)
def test_variants_fold_to_simplified(variant: str, simplified: str) -> None:
    assert zh.to_simplified(variant) == simplified


@pytest.mark.parametrize("word", ["芸", "予", "欠", "么", "著", "浜", "弁", "后", "里", "台"])
def test_simplified_chars_are_left_alone(word: str) -> None:
    # Japanese shinjitai that are also real Simplified chars must not be rewritten.
    assert zh.to_simplified(word) == word


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("头发", "頭髮"),
        ("发电", "發電"),
        ("后续", "後續"),
        ("皇后", "皇后"),
        ("制造", "製造"),
        ("周期", "週期"),
        ("这里", "這裏"),
        ("干净", "乾淨"),
        ("复杂", "複雜"),
        ("时钟", "時鐘"),
        ("平台", "平臺"),
        ("几年", "幾年"),
    ],
)
def test_to_traditional_phrases(simplified: str, traditional: str) -> None:
    assert zh.to_traditional(simplified) == traditional


@pytest.mark.parametrize("text", [*SENTENCES, "政府间国际科技创新合作重点专项"])
def test_round_trip(text: str) -> None:
    assert zh.to_simplified(zh.to_traditional(text)) == text


def test_round_trip_notice() -> None:
    text = notice_text()
    assert len(text) > 1000
    assert zh.to_simplified(zh.to_traditional(text)) == text


def test_no_simplified_char_survives() -> None:
    for text in [*SENTENCES, notice_text()]:
        left = set(zh.to_traditional(text)) & set(MUST_CONVERT)
        assert not left, (text[:20], left)


@pytest.mark.parametrize("text", [*SENTENCES, "项目执行期限几年"])
def test_to_traditional_matches_opencc(text: str) -> None:
    opencc = pytest.importorskip("opencc")
    assert zh.to_traditional(text) == opencc.OpenCC("s2t").convert(text)


def test_to_traditional_matches_opencc_on_notice() -> None:
    opencc = pytest.importorskip("opencc")
    text = notice_text()
    assert zh.to_traditional(text) == opencc.OpenCC("s2t").convert(text)


def test_to_traditional_matches_opencc_on_vocabulary() -> None:
    opencc = pytest.importorskip("opencc")
    cc = opencc.OpenCC("s2t")
    runs = HAN_RUN.findall(VOCAB.read_text("utf-8"))
    bad = [run for run in runs if zh.to_traditional(run) != cc.convert(run)]
    assert not bad


def test_script_counts() -> None:
    trad, simp = zh.script_counts("你可以幫我做啲咩")
    assert trad >= 1 and trad > simp
    trad, simp = zh.script_counts("项目执行期限几年")
    assert simp >= 2 and trad == 0
    assert zh.script_counts("項目執行期限幾年")[1] == 0
    # chars shared by both scripts say nothing
    assert zh.script_counts("皇后 里 台 干 hello 123") == (0, 0)


def test_is_cjk() -> None:
    assert zh.is_cjk("中") and zh.is_cjk("國") and zh.is_cjk("㐀") and zh.is_cjk("𠀀")
    assert not any(zh.is_cjk(ch) for ch in ["a", "，", "。", "1", "ア", "한", "", "中文"])


def test_pinyin() -> None:
    assert zh.pinyin("兰") == zh.pinyin("栏")
    assert zh.pinyin("兰")[0] == "lan"
    assert zh.pinyin("绿")[0] == "lv"
    assert "chang" in zh.pinyin("长") and "zhang" in zh.pinyin("长")
    assert zh.pinyin("長") == zh.pinyin("长")  # Traditional via its Simplified form
    assert zh.pinyin("徳") == ("de",)
    assert zh.pinyin("a") == () and zh.pinyin("，") == () and zh.pinyin("中国") == ()


def test_concurrent_first_load(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("_t2s", "_s2t", "_pinyin"):
        monkeypatch.setattr(zh, name, None)
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: zh.to_traditional(SENTENCES[0]), range(16)))
    assert len(set(got)) == 1
    assert zh._s2t is not None


def test_read_falls_back_to_importlib_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    direct = zh._read("t2s.txt")
    monkeypatch.setattr(zh, "__loader__", object())  # a loader without get_data
    assert zh._read("t2s.txt") == direct


def test_import_is_lazy() -> None:
    code = (
        "import sys, textnorm.chinese; "
        "print('importlib.resources' in sys.modules, textnorm.chinese._t2s)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "None"]


def test_data_files() -> None:
    def rows(name: str) -> list[list[str]]:
        text = (DATA / name).read_text("utf-8")
        return [line.split("\t") for line in text.splitlines() if line and line[0] != "#"]

    t2s = dict(rows("t2s.txt"))
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in t2s.items())
    assert not set(t2s.values()) & set(t2s), "t2s must be idempotent"
    pinyin = dict(rows("pinyin.txt"))
    assert len(pinyin) > 6700
    assert all(re.fullmatch(r"[a-z]+(,[a-z]+)*", v) for v in pinyin.values())
    assert (DATA / "s2t.txt").stat().st_size < 220_000
