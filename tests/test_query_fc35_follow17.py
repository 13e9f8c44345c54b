"""Follow-ups over what was just said, and filters written with negated comparators or a note on
how to count, on messages other than the sets' own: "these two plus X" (those talked about and the
one added now), a call added to a direction that is all of its call, a sameness against "them"
(every direction talked about), a track of the direction just talked about asked with 最多 (its
limit), the top of a ranking set aside by a word pointing back, "not less than" / 不超过 as
inclusive bounds, and a bracketed note that the flagship's tracks count together (no sum asked)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

WRAPPERS = ("{}", "您好！{}谢谢。", "Hi there. {} Thanks!")


def _wrapped_last(turns: tuple[str, ...], wrapper: str) -> tuple[str, ...]:
    return (*turns[:-1], wrapper.format(turns[-1]))


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("意大利方向有几个项目？", "以色列呢？", "这两个再加上德国，一共几个项目？"), "25"),
        (("意大利方向有幾個項目？", "以色列呢？", "呢兩個再加埋德國，總共幾多個？"), "25"),
        (
            ("How many projects does Italy fund?", "and Israel?", "those two plus Germany?"),
            "25",
        ),
    ],
)
def test_the_two_talked_about_plus_one(
    engine: Engine, turns: tuple[str, ...], has: str, wrapper: str
) -> None:
    reply = ask(engine, *_wrapped_last(turns, wrapper))
    expect(reply, "count", ["intl-1.2", "intl-1.9", "intl-1.8"], [has])


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    "turns",
    [
        ("德国项目数多少？", "以色列呢？", "它们和意大利加起来一共几个项目？"),
        ("德國項目數幾多？", "以色列呢？", "佢哋同意大利加埋總共幾多個項目？"),
        ("How many projects for Germany?", "and Israel?", "these two and Italy together?"),
    ],
)
def test_them_and_one_named_now(engine: Engine, turns: tuple[str, ...], wrapper: str) -> None:
    reply = ask(engine, *_wrapped_last(turns, wrapper))
    expect(reply, "count", ["intl-1.8", "intl-1.9", "intl-1.2"], ["25"])


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("内地与澳门那个方向总经费多少？", "和政府间专项合起来一共多少钱？"), "52600"),
        (("內地與澳門方向總經費幾多？", "同政府間專項加埋總共幾多錢？"), "52600"),
        (
            (
                "What is the total budget of the Mainland–Macao direction?",
                "plus the intergovernmental call, how much altogether?",
            ),
            "526 million",
        ),
    ],
)
def test_call_added_to_a_direction_that_is_its_call(
    engine: Engine, turns: tuple[str, ...], has: str, wrapper: str
) -> None:
    reply = ask(engine, *_wrapped_last(turns, wrapper))
    expect(reply, "budget", None, [has])


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("以色列方向平均每项多少？", "意大利呢？", "阿根廷的和它们一样吗？"), "不完全相同"),
        (("以色列方向平均每項多少？", "意大利呢？", "阿根廷同佢哋一樣嗎？"), "不完全相同"),
        (("Average per project for Israel?", "and Italy?", "Argentina same as them?"), "not"),
        (("西班牙方向经费多少？", "俄罗斯的呢？", "芬兰的和它们一样吗？"), "相同"),
        (("西班牙经费多少？", "俄罗斯呢？", "芬兰的也一样吗？"), "相同"),
        (("西班牙經費幾多？", "俄羅斯呢？", "芬蘭都一樣㗎？"), "相同"),
        (("Spain budget?", "Russia?", "is Finland the same too?"), "same"),
    ],
)
def test_same_as_every_direction_talked_about(
    engine: Engine, turns: tuple[str, ...], has: str
) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare", reply
    assert len(reply["programs"]) == 3, reply
    assert has in reply["text"], reply["text"]


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("中欧旗舰计划资助哪些领域？", "气候变化与生物多样性那个领域最多资助几个项目？"), "4"),
        (("中歐旗艦計劃資助哪些領域？", "食品、農業和生物技術嗰個領域最多資助幾多個項目？"), "2"),
        (
            (
                "Which fields does the China-EU flagship fund?",
                "the climate change and biodiversity one, at most how many projects?",
            ),
            "4",
        ),
    ],
)
def test_limit_of_a_track_of_the_direction_talked_about(
    engine: Engine, turns: tuple[str, ...], has: str, wrapper: str
) -> None:
    reply = ask(engine, *_wrapped_last(turns, wrapper))
    expect(reply, "count", ["intl-1.4"], [has])


@pytest.mark.parametrize(
    ("turns", "top", "gone"),
    [
        (("平均资助最高的是哪个方向？", "除了它以外哪个最高？"), "intl-2.1", "intl-1.4"),
        (("總經費最高嘅係邊個方向？", "除咗佢之外邊個最高？"), "intl-1.3", "intl-1.4"),
        (
            ("Which direction has the highest total budget?", "apart from that one, which?"),
            "intl-1.3",
            "intl-1.4",
        ),
        (("项目数最少的是哪个方向？", "那除了这个呢？"), "intl-2.1", "intl-2.3"),
        (("哪个方向项目最多？", "除了它们以外呢？"), "intl-1.6", "intl-1.3"),
    ],
)
def test_ranking_without_its_top(
    engine: Engine, turns: tuple[str, ...], top: str, gone: str
) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == "rank", reply
    assert top in reply["programs"], reply
    assert gone not in reply["programs"], reply


@pytest.mark.parametrize(
    ("message", "bound"),
    [
        ("总经费没有达到2000万的方向有哪些？", ["<", 2000.0]),
        ("總經費未達到2000萬嘅方向有邊啲？", ["<", 2000.0]),
        ("项目数未满5个的方向有哪些？", ["<", 5.0]),
        ("Which directions have a total budget that does not exceed 10 million?", ["<=", 1000.0]),
        ("directions with less than or equal to 10 projects?", ["<=", 10.0]),
        ("directions with a total budget equal or above CNY 60 million?", [">=", 6000.0]),
    ],
)
def test_negated_and_inclusive_bounds(engine: Engine, message: str, bound: list) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "rank", reply
    assert reply["query"]["bounds"] == [bound], reply["query"]


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    ("message", "programs"),
    [
        ("平均资助不低于400万且不高于750万的方向有哪些？", ["intl-2.1", "intl-1.6", "intl-1.8"]),
        ("平均資助唔少於400萬又唔多於750萬嘅方向有邊啲？", ["intl-2.1", "intl-1.6", "intl-1.8"]),
        (
            "Which directions have a total budget not less than 10 million and not more than "
            "15 million CNY?",
            ["intl-2.1", "intl-1.7"],
        ),
        (
            "Which directions fund no fewer than 10 and not more than 15 projects?",
            ["intl-1.6", "intl-2.2", "hmt-1.1", "intl-1.1", "intl-1.2", "intl-1.5", "intl-1.9"],
        ),
    ],
)
def test_negated_comparators(
    engine: Engine, message: str, programs: list[str], wrapper: str
) -> None:
    expect(ask(engine, wrapper.format(message)), "rank", programs)


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(
    "message",
    [
        "资助项目数少于5个的方向有哪些？（中欧旗舰按两个领域合计算）",
        "項目數少於5個嘅方向有邊啲？（歐盟旗艦兩個領域合埋計）",
        "Which directions fund fewer than 5 projects? (the EU flagship with both areas combined)",
    ],
)
def test_note_on_counting_the_tracks_asks_no_sum(
    engine: Engine, message: str, wrapper: str
) -> None:
    reply = ask(engine, wrapper.format(message))
    expect(reply, "rank", ["intl-1.7", "intl-2.1", "intl-2.3", "intl-2.4"])
    assert "合计" not in reply["text"] and "Together" not in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "总经费最少的三个方向是哪些？（欧盟旗舰两个领域合计）",
        "總經費最少嘅三個方向係邊啲？（歐盟旗艦兩個領域合埋計）",
        "Which three directions have the smallest total budget? (EU flagship both areas combined)",
    ],
)
def test_note_on_counting_the_tracks_beside_a_top_n(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    expect(reply, "rank", ["intl-2.4", "intl-2.3", "intl-2.0"])
    assert reply["query"]["op"] == "top", reply["query"]


@pytest.mark.parametrize(
    ("message", "programs"),
    [
        (
            "拟支持项目数少于5个的方向有哪些（港澳台也算）",
            ["intl-1.7", "intl-2.1", "intl-2.3", "intl-2.4"],
        ),
        (
            "總經費啱啱好3000萬嘅方向有邊啲（港澳台都計）",
            ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"],
        ),
        (
            "Which directions have fewer than 5 projects (counting the EU flagship as a whole)?",
            ["intl-1.7", "intl-2.1", "intl-2.3", "intl-2.4"],
        ),
    ],
)
def test_note_counting_a_name_in(engine: Engine, message: str, programs: list[str]) -> None:
    expect(ask(engine, message), "rank", programs)
