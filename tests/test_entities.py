import pytest

from bot.entities import EntityIndex
from textnorm.normalize import normalize


@pytest.fixture(scope="module")
def index(knowledge):
    return EntityIndex(knowledge)


def ids(index, text, kind="partner"):
    return index.find(normalize(text), text).ids(kind)


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        ("芬兰经费", "finland"),
        ("芬栏经费", "finland"),  # homophone typo
        ("以色例支持多少个项目", "israel"),
        ("奥地立那个产学研项目", "austria"),
        ("阿跟廷经费", "argentina"),
        ("澳们", "macao"),
        ("徳国经费", "germany"),
        ("意大力", "italy"),
        ("西般牙", "spain"),
        ("俄落斯", "russia"),
        ("Finlnad budget", "finland"),
        ("Germny", "germany"),
        ("how much does south afirca get", "south-africa"),
        ("South Korae fields", "korea"),
        ("Rusia", "russia"),
        ("How many Maco projects?", "macao"),
        ("KR budget", "korea"),
        ("ＤＥ ｂｕｄｇｅｔ", "germany"),
        ("中以合作领域", "israel"),
        ("EU的经费", "eu"),
    ],
)
def test_partner_found(index, text, partner):
    assert partner in ids(index, text)


@pytest.mark.parametrize(
    "text",
    [
        "钱最多的国家是哪个",  # 的国 is not 德国
        "is it the biggest?",  # "it" is not Italy
        "what can you do at all",  # "at" is not Austria
        "lorem ipsum",
        "could you tell me more",  # "could" is not "cloud"
    ],
)
def test_no_false_partner(index, text):
    assert ids(index, text) == []


def test_longest_alias_wins(index):
    found = index.find(normalize("中欧联合实验室经费"))
    assert found.ids("direction") == ["intl-1.1"]
    assert found.ids("partner") == []


def test_direction_numbers(index):
    assert index.find("1.6方向").ids("direction") == ["intl-1.6"]
    assert index.find("2.5 million").ids("direction") == []


def test_markers_are_found_near_partners(index):
    found = index.find(normalize("eu flagship and eu general projects"))
    assert "intl-1.5" in found.markers


def test_topics(index):
    assert ids(index, "哪些方向支持氢能", "topic") == ["hydrogen"]
    assert ids(index, "fuel cell", "topic") == ["fuel-cell"]
    assert ids(index, "Any direction about smart citys?", "topic") == ["smart-city"]


def test_places_outside_the_call(index):
    assert index.find(normalize("日本有项目吗")).other_places == ["Japan"]


def test_near_misses_are_kept_for_did_you_mean(index):
    found = index.find(normalize("Fxnlqnd budget"))
    assert found.ids("partner") == []
    assert any(m.id == "finland" for m in found.near)


def test_a_found_kept_for_the_turn_is_never_changed_by_a_caller(index):
    # the rules of one turn read the same clause again: each gets its own copy
    text = normalize("芬兰和德国的经费")
    first = index.find(text)
    ids = [m.id for m in first.mentions]
    first.mentions.clear()
    first.markers["x"] = 1
    again = index.find(text)
    assert [m.id for m in again.mentions] == ids and "x" not in again.markers
    assert again is not first
