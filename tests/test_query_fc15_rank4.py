"""The place of one named direction in a ranking (fc15/fc16, i8-rank4): "排第几" / "rank by
budget" gives its place from the top and from the bottom among its call's directions, and "is it
the smallest?" a yes or no first, with the real end when it is not; a limit with a number
("是不是最多资助20个项目") is not an end of a ranking.
Each on messages other than the sets' own."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask


@pytest.mark.parametrize(
    ("message", "program", "has"),
    [
        ("芬兰项目数在政府间专项里排第几？", "intl-1.6", "排第"),
        ("芬蘭項目數喺政府間專項排第幾？", "intl-1.6", "排第"),
        ("Where does Finland rank by number of projects?", "intl-1.6", "of 15 directions"),
        ("阿根廷的总经费排名第几", "intl-2.4", "倒数第1"),
        ("阿根廷嘅總經費排第幾名？", "intl-2.4", "倒數第1"),
        ("What place is Argentina by total budget?", "intl-2.4", "15th of 15"),
    ],
)
def test_place_of_a_named_direction(engine: Engine, message: str, program: str, has: str) -> None:
    r = ask(engine, message)
    assert r["intent"] == "rank", r
    assert r["query"]["op"] == "place", r
    assert program in r["programs"], r
    assert has in r["text"], r["text"]


@pytest.mark.parametrize(
    ("message", "yes", "has"),
    [
        ("阿根廷是不是总经费最少的方向？", "是的", "200万"),
        ("阿根廷係咪總經費最少嘅方向？", "是的", "200萬"),
        ("Is the Argentina direction the smallest by total budget?", "Yes", "2 million"),
        ("奥地利是不是总经费最多的？", "不是", "13000"),
        ("奧地利是不是總經費最多的？", "不是", "13000"),
        ("Is Austria the largest budget of all directions?", "No", "130 million"),
    ],
)
def test_is_it_an_end(engine: Engine, message: str, yes: str, has: str) -> None:
    r = ask(engine, message)
    assert r["intent"] == "rank", r
    assert r["text"].startswith(yes), r["text"]
    assert has in r["text"], r["text"]


@pytest.mark.parametrize(
    "message",
    ["奥地利方向是不是最多资助4个项目？", "Does Austria fund at most 4 projects?"],
)
def test_a_limit_is_not_an_end(engine: Engine, message: str) -> None:
    r = ask(engine, message)
    assert r["query"]["op"] != "place", r


@pytest.mark.parametrize(
    "wrapped",
    [
        "老师好！请问奥地利总经费排第几？谢谢",
        "您好，我們是台大的團隊。奧地利總經費排第幾？",
        "Hi, we are a team from Vienna. Where does Austria rank by total budget? Thanks!",
    ],
)
def test_wrapped_the_same(engine: Engine, wrapped: str) -> None:
    r = ask(engine, wrapped)
    assert r["query"]["op"] == "place", r
    assert "intl-1.7" in r["programs"], r


@pytest.mark.parametrize(
    "message",
    [
        "平均资助额正好200万的方向有哪些？（包埋港澳台那个）",
        "平均資助額正好200萬嘅方向有邊啲？包埋港澳台嗰個",
        "Which directions average exactly CNY 2 million per project? include the HMT call",
    ],
)
def test_a_call_included_widens_the_pool(engine: Engine, message: str) -> None:
    # "包埋港澳台": the Hong Kong, Macao and Taiwan call added to the rest, not the only scope
    r = ask(engine, message)
    assert r["query"]["op"] == "filter", r
    assert "hmt-1.1" in r["programs"], r
    assert any(p.startswith("intl-") for p in r["programs"]), r
