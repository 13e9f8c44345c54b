"""World regions (bot/data/places.yaml `regions:`): a region means the partners of the loaded
knowledge that are its members, and a region with none is outside the call like a place. Before,
"南美洲的合作方向有哪些" listed the fields of all 16 directions, "Any directions with African
countries?" gave the whole partner list and "Latin America" read as the United States."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.vocab import VocabError, load_vocabulary
from knowledge import load_knowledge

FILE_2024 = Path(__file__).parent / "data" / "knowledge_2024.yaml"


def ask(engine: Engine, *turns: str) -> dict:
    reply: dict = {}
    for t in turns:
        reply = engine.ask(t, ("regions", turns)).to_json()
    return reply


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("非洲有哪些合作方向？", ["intl-2.2", "intl-2.3"]),
        ("有沒有跟非洲國家合作的方向？", ["intl-2.2", "intl-2.3"]),
        ("Any directions with African countries?", ["intl-2.2", "intl-2.3"]),
        ("拉美地区的方向支持几个项目", ["intl-2.4"]),
        ("Is there a direction with Latin America?", ["intl-2.4"]),
        ("南美洲的合作方向总经费多少？", ["intl-2.4"]),
        ("中東地區有合作方向嗎", ["intl-1.9"]),
        ("东亚的方向一共多少钱", ["intl-2.0", "intl-2.1"]),
        ("How much money goes to Asian partners in total?", ["intl-1.9", "intl-2.0", "intl-2.1"]),
    ],
)
def test_a_region_means_its_member_partners(engine, text, programs):
    reply = ask(engine, text)
    assert reply["intent"] != "unknown", reply["text"]
    assert sorted(reply["programs"]) == programs


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("东南亚有没有合作方向？", "东南亚"),
        ("北美有项目吗", "北美洲"),
        ("Any programme with Oceania?", "Oceania"),
    ],
)
def test_a_region_without_partners_is_outside_the_call(engine, text, region):
    reply = ask(engine, text)
    assert reply["intent"] == "unknown" and reply["programs"] == []
    assert region in reply["text"]


@pytest.mark.parametrize(
    ("text", "intent", "programs"),
    [
        ("South Africa budget?", "budget", ["intl-2.2", "intl-2.3"]),  # the partner, not Africa
        ("南非的经费多少", "budget", ["intl-2.2", "intl-2.3"]),
        ("欧洲国家联合实验室多少钱", "budget", ["intl-1.1"]),  # Europe stays the 1.1 partner
    ],
)
def test_partner_names_inside_region_words_keep_their_reading(engine, text, intent, programs):
    reply = ask(engine, text)
    assert (reply["intent"], sorted(reply["programs"])) == (intent, programs)


def test_which_partners_of_a_region_gives_their_directions(engine):
    reply = ask(engine, "Which Asian partners are in the call?")
    assert sorted(reply["programs"]) == ["intl-1.9", "intl-2.0", "intl-2.1"]
    assert "Israel" in reply["text"] and "Korea" in reply["text"]


def test_regions_follow_the_loaded_knowledge():
    """2024's made-up file has Brazil and Canada: 拉美 and North America name them, and 非洲
    (no African partner that year) is outside the call — no code change."""
    eng = Engine(load_knowledge(FILE_2024))
    assert ask(eng, "拉美有哪些方向？")["programs"] == ["young-1.1"]
    assert ask(eng, "North America: how many projects?")["programs"] == ["young-1.2"]
    reply = ask(eng, "非洲有合作方向吗？")
    assert reply["intent"] == "unknown" and "非洲" in reply["text"]


def test_a_region_member_that_is_no_place_is_a_load_error(tmp_path):
    data = Path(__file__).resolve().parents[1] / "bot" / "data"
    for f in data.glob("*.yaml"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    places = tmp_path / "places.yaml"
    places.write_text(
        places.read_text(encoding="utf-8").replace("[australia, new-zealand]", "[atlantis]"),
        encoding="utf-8",
    )
    with pytest.raises(VocabError) as err:
        load_vocabulary(tmp_path, cache=False)
    assert "places.yaml:" in str(err.value) and "'atlantis' is not a place id" in str(err.value)


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("西班牙平均每项多少？我们和瓦伦西亚理工大学合作。", "intl-1.3"),  # 瓦伦西亚 holds 西亚
        ("以色列多少钱？我在马来西亚读的博士", "intl-1.9"),  # 马来西亚 holds 西亚 too
    ],
)
def test_a_region_name_inside_a_longer_place_is_that_place(engine, text, program):
    assert ask(engine, text)["programs"] == [program]


def test_central_and_eastern_europe_is_not_the_middle_east(engine):
    reply = ask(engine, "中东欧国家有合作方向吗？")
    assert reply["intent"] == "unknown" and "中东欧" in reply["text"]
