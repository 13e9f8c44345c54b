"""Another year's knowledge file is answered right without a code change.

tests/data/knowledge_2024.yaml (made up) has another year, a partner France that the 2023 code
listed as a place outside the call, a direction with three funding tracks and a third call with
two directions. Every figure below comes from that file; nothing about 2023 may show through.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from bot.chat import run_chat
from bot.engine import Engine
from handlers import texts
from knowledge import load_knowledge
from tests.conftest import ROOT

FILE = Path(__file__).parent / "data" / "knowledge_2024.yaml"


@pytest.fixture(scope="module")
def k2024():
    return load_knowledge(FILE)


@pytest.fixture
def eng(k2024):
    return Engine(k2024)


def ask(eng: Engine, *turns: str) -> dict:
    reply: dict = {}
    for turn in turns:
        reply = eng.ask(turn, "t").to_json()
    return reply


def flat(text: str) -> str:
    return "".join(text.split()).replace(",", "")


# -- France: named in every way people write it, never "outside the call" --------------------


@pytest.mark.parametrize(
    ("question", "intent", "has"),
    [
        ("法国的经费是多少？", "budget", "4500万元"),
        ("法國的經費是多少？", "budget", "4500萬元"),
        ("中法项目支持几个项目", "count", "不超过15个"),
        ("What is the budget of the French programme?", "budget", "CNY 45 million"),
        ("France: how many projects?", "count", "up to 15"),
        ("FR budget", "budget", "CNY 45 million"),
        ("法国平均每个项目多少钱", "average", "300万元"),
        ("法国资助哪些领域", "fields", "人工智能"),
        ("What fields does France fund?", "fields", "health"),
    ],
)
def test_france_is_a_partner(eng, question, intent, has):
    r = ask(eng, question)
    assert r["intent"] == intent, r
    assert r["programs"] == ["intl-1.1"], r
    assert flat(has) in flat(r["text"]), r["text"]
    assert "没有与" not in r["text"] and "no direction with" not in r["text"]


def test_partners_list_names_france_and_the_third_call(eng):
    r = ask(eng, "有哪些合作国家？")
    assert r["intent"] == "partners"
    for name in ("法国", "芬兰", "欧盟", "香港", "巴西", "加拿大", "国际青年科学家交流计划"):
        assert name in r["text"], name
    for old in ("意大利", "以色列", "澳门"):
        assert old not in r["text"]


@pytest.mark.parametrize(
    ("question", "place"),
    [("意大利多少钱", "意大利"), ("日本的经费是多少", "日本"), ("Israel budget", "Israel")],
)
def test_places_outside_this_file_are_outside_the_call(eng, question, place):
    """Italy and Israel are 2023 partners, not partners of this file."""
    r = ask(eng, question)
    assert r["intent"] == "unknown"
    assert place in r["text"]
    assert "法国" in r["text"] or "France" in r["text"]  # the partners this file does have


# -- three tracks, a third call ---------------------------------------------------------------


def test_direction_with_three_tracks(eng):
    r = ask(eng, "欧盟旗舰项目经费多少")
    assert r["intent"] == "budget" and r["programs"] == ["intl-1.3"]
    text = flat(r["text"])
    for part in ("13000万元", "6000万元", "4000万元", "3000万元", "领域三"):
        assert part in text, part
    r = ask(eng, "EU flagship budget")
    assert "CNY 130 million" in r["text"] and "track 3: health" in r["text"]


def test_three_tracks_count(eng):
    r = ask(eng, "欧盟旗舰支持几个项目")
    assert r["intent"] == "count" and r["programs"] == ["intl-1.3"]
    assert "不超过9个" in flat(r["text"])


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("青年科学家交流计划总体情况", ["2000万元", "2个指南方向", "巴西", "加拿大"]),
        ("overview of the young scientists programme", ["CNY 20 million", "Brazil", "Canada"]),
    ],
)
def test_third_call_overview(eng, question, has):
    r = ask(eng, question)
    assert r["intent"] == "overview"
    for part in has:
        assert flat(part) in flat(r["text"]), part
    assert "138" not in r["text"] and "49600" not in r["text"]


def test_third_call_partner_and_repeated_number(eng):
    r = ask(eng, "中加项目多少钱")
    assert r["programs"] == ["young-1.2"] and "800万元" in r["text"]
    # 1.1 exists in all three calls: the named call's, else the first call's
    assert ask(eng, "港澳台项目1.1的经费")["programs"] == ["hmt-1.1"]
    assert ask(eng, "青年科学家计划1.1的经费")["programs"] == ["young-1.1"]
    assert ask(eng, "1.1的经费是多少")["programs"] == ["intl-1.1"]


def test_whole_call_overview_names_all_three_calls_and_the_year(eng):
    r = ask(eng, "总体情况")
    assert r["intent"] == "overview"
    text = flat(r["text"])
    assert "2024年度" in text and "2023" not in text
    for total in ("19500万元", "2500万元", "2000万元"):
        assert total in text


def test_another_year_is_not_this_file(eng):
    r = ask(eng, "2023年法国多少钱")
    assert r["intent"] == "unknown"
    assert "其他年度" in r["text"] or "2023年度" in r["text"]
    assert "4500" not in r["text"]  # this file's 2024 figure is not the answer


# -- the bot's own words -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_self_description_names_this_files_calls(k2024, lang):
    for text in (texts.description(lang, k2024), texts.short_description(lang, k2024)):
        assert "2024" in text and "2023" not in text
        for old in (
            "芬兰的经费",
            "Finland's budget",
            "港澳台项目（内地与澳门）",
            "Macao direction",
        ):
            assert old not in text
    assert len(texts.description(lang, k2024)) <= 512
    assert len(texts.short_description(lang, k2024)) <= 120
    long = texts.description(lang, k2024).lower()
    assert any(name in long for name in ("青年科学家", "青年科學家", "young scientists"))


def test_help_and_cannot_answer_use_this_file(eng):
    help_text = ask(eng, "你好")["text"]
    assert "2024年度" in help_text and "2023" not in help_text
    assert "法国的经费是多少" in help_text  # an example from this file's partners
    assert "国际青年科学家交流计划（2个方向）" in help_text
    fallback = ask(eng, "xyzzy")
    assert fallback["intent"] == "unknown"
    assert "2024" in fallback["text"] and "2023" not in fallback["text"]
    assert "France" in fallback["text"]


def test_terminal_banner_uses_this_file(eng):
    out = io.StringIO()
    run_chat(eng, stdin=io.StringIO(""), stdout=out)
    banner = out.getvalue()
    assert "2024" in banner and "2023" not in banner
    assert "法国的经费是多少" in banner


def test_cli_with_this_file():
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--knowledge", str(FILE), "中法项目多少钱"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "4500万元" in proc.stdout
