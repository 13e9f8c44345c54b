"""Filters and rankings (fc15/fc16, i8-rank5): a topic word inside the asker's university name
does not narrow a filter or a ranking; "the two EU ones (flagship and co-funding)" sets both
aside; a value written after the count measure ("项目数15个的方向") selects by value, and "那20个的
呢" after a filter is the same filter with another value; "其中…最多" ranks the directions just
listed; "what is maximum number of projects" for a named direction is its limit, not a ranking.
Each on messages other than the sets' own."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

EVERY_OVER_3000 = {"intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5", "intl-1.1", "intl-1.5"}


@pytest.mark.parametrize(
    ("message", "want", "has"),
    [
        (
            "北京理工大学科研院：总经费超过5000万元的方向有哪些？",
            {"intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"},
            "13000",
        ),
        (
            "華中農業大學國際處：政府間專項總經費不少於3000萬的方向有邊啲？",
            EVERY_OVER_3000 | {"intl-2.2"},
            "6000",
        ),
        (
            "Nanjing University of Aeronautics and Astronautics: which directions have fewer "
            "than 5 projects?",
            {"intl-1.7", "intl-2.4", "intl-2.1", "intl-2.3"},
            "about 4 projects",
        ),
    ],
)
def test_topic_in_a_university_name_does_not_narrow_a_filter(
    engine: Engine, message: str, want: set[str], has: str
) -> None:
    r = ask(engine, message)
    assert r["intent"] == "rank", r
    assert r["query"]["op"] == "filter", r
    assert not r["query"].get("topics"), r["query"]
    assert set(r["programs"]) == want, r["programs"]
    assert has in r["text"], r["text"]


@pytest.mark.parametrize(
    ("message", "top"),
    [
        ("中国海洋大学国际处：总经费最多的是哪个方向？", "intl-1.4"),
        ("中國海洋大學科研處：平均資助最高的是哪個方向？", "intl-1.4"),
        (
            "China Agricultural University asks: which direction has the largest total budget?",
            "intl-1.4",
        ),
    ],
)
def test_topic_in_a_university_name_does_not_narrow_a_ranking(
    engine: Engine, message: str, top: str
) -> None:
    r = ask(engine, message)
    assert r["intent"] == "rank", r
    assert not r["query"].get("topics"), r["query"]
    assert r["programs"][0] == top, r["programs"]
    assert len(r["programs"]) >= 15, r["programs"]


def test_a_topic_question_keeps_the_field_of_the_university(engine: Engine) -> None:
    r = ask(engine, "我是中国农业大学的，有哪些方向适合我们？")
    assert r["intent"] == "topic", r
    assert r["query"]["topics"] == ["agriculture"], r["query"]


@pytest.mark.parametrize(
    ("message", "excluded", "top", "has"),
    [
        (
            "Excluding both Korean directions (joint research and energy), which direction has "
            "the smallest budget?",
            ["intl-2.0", "intl-2.1"],
            "intl-2.4",
            "2 million",
        ),
        (
            "Apart from the two South African ones (joint research and flagship), which direction "
            "has the fewest projects?",
            ["intl-2.2", "intl-2.3"],
            "intl-2.1",
            "2 projects",
        ),
        (
            "Leaving out the two EU directions (flagship, co-funding), which has the highest "
            "average?",
            ["intl-1.4", "intl-1.5"],
            "intl-2.1",
            "7.5 million",
        ),
        (
            "除了韩国的两个方向（联合研究和能源），总经费最少的是哪个？",
            ["intl-2.0", "intl-2.1"],
            "intl-2.4",
            "200",
        ),
        (
            "除咗歐盟嗰兩個方向（旗艦同聯合資助），邊個平均資助最高？",
            ["intl-1.4", "intl-1.5"],
            "intl-2.1",
            "750",
        ),
    ],
)
def test_a_counted_set_aside_glossed_in_brackets(
    engine: Engine, message: str, excluded: list[str], top: str, has: str
) -> None:
    r = ask(engine, message)
    assert r["intent"] == "rank", r
    assert r["query"]["excluded"] == excluded, r["query"]
    assert not r["query"].get("topics"), r["query"]
    assert r["programs"][0] == top, r["programs"]
    assert not set(excluded) & set(r["programs"]), r["programs"]
    assert has in r["text"], r["text"]


@pytest.mark.parametrize(
    "message",
    [
        "项目数是10个的方向有哪些？",
        "項目數係10個嘅方向有邊啲？",
        "Which directions have a project count of 10?",
    ],
)
def test_a_value_after_the_count_measure(engine: Engine, message: str) -> None:
    r = ask(engine, message)
    assert r["intent"] == "rank", r
    assert r["query"]["bounds"] == [["==", 10.0]], r["query"]
    assert set(r["programs"]) == {"intl-1.1", "intl-1.2", "intl-1.5", "intl-1.9"}, r["programs"]


@pytest.mark.parametrize(
    ("turns", "bounds", "want"),
    [
        (
            ("项目数10个的方向有哪些", "那15个的呢"),
            [["==", 15.0]],
            {"intl-1.6", "intl-2.2", "hmt-1.1"},
        ),
        (
            ("項目數10個嘅方向有邊啲", "咁15個嘅呢"),
            [["==", 15.0]],
            {"intl-1.6", "intl-2.2", "hmt-1.1"},
        ),
        (
            ("Which directions fund exactly 10 projects?", "and 15?"),
            [["==", 15.0]],
            {"intl-1.6", "intl-2.2", "hmt-1.1"},
        ),
        (
            ("总经费低于1000万的方向有哪些", "那2000万的呢"),
            [["<", 2000.0]],
            {"intl-2.1", "intl-1.7", "intl-2.0", "intl-2.3", "intl-2.4"},
        ),
        (
            (
                "Which directions have a total budget below CNY 10 million?",
                "what about 20 million?",
            ),
            [["<", 2000.0]],
            {"intl-2.1", "intl-1.7", "intl-2.0", "intl-2.3", "intl-2.4"},
        ),
        (
            ("平均资助超过300万的方向有哪些", "那400万的呢"),
            [[">", 400.0]],
            {"intl-1.4", "intl-2.1"},
        ),
    ],
)
def test_the_same_filter_with_another_value(
    engine: Engine, turns: tuple[str, ...], bounds: list, want: set[str]
) -> None:
    r = ask(engine, *turns)
    assert r["intent"] == "rank", r
    assert r["query"]["op"] == "filter", r["query"]
    assert r["query"]["bounds"] == bounds, r["query"]
    assert set(r["programs"]) == want, r["programs"]


def test_a_name_after_a_filter_is_not_another_value(engine: Engine) -> None:
    r = ask(engine, "平均资助超过300万的方向有哪些", "那芬兰呢")
    assert r["programs"] == ["intl-1.6"], r


@pytest.mark.parametrize(
    ("turns", "top", "has"),
    [
        (("总经费超过3000万的有哪些", "其中项目数最多的呢"), {"intl-1.3", "intl-2.5"}, "20"),
        (("總經費超過3000萬嘅有邊啲", "其中邊個平均最高"), {"intl-1.4"}, "3500"),
        (
            (
                "Which directions have more than CNY 30 million in total?",
                "among them, the most projects?",
            ),
            {"intl-1.3", "intl-2.5"},
            "up to 20",
        ),
    ],
)
def test_a_ranking_among_the_filtered(
    engine: Engine, turns: tuple[str, ...], top: set[str], has: str
) -> None:
    r = ask(engine, *turns)
    assert r["intent"] == "rank", r
    assert r["query"]["source"] == "previous", r["query"]
    assert set(r["programs"]) == {"intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"}, r["programs"]
    assert set(r["programs"][: len(top)]) == top, r["programs"]
    assert has in r["text"], r["text"]


@pytest.mark.parametrize(
    ("message", "program", "has"),
    [
        ("For the Russia direction, what is maximum number of projects?", "intl-2.5", "up to 20"),
        ("For Israel, what's the max number of projects?", "intl-1.9", "10 projects"),
        (
            "Our lab works with Finland too. For Germany call, what is the maximum number of "
            "projects?",
            "intl-1.8",
            "5 projects",
        ),
        ("关于以色列，最多可以资助几个项目？", "intl-1.9", "10个"),
        ("關於俄羅斯，最多可以資助幾多個項目？", "intl-2.5", "不超過20個"),
    ],
)
def test_the_limit_of_a_named_direction(
    engine: Engine, message: str, program: str, has: str
) -> None:
    expect(ask(engine, message), "count", [program], [has])


def test_the_maximum_over_all_directions_is_still_a_ranking(engine: Engine) -> None:
    r = ask(engine, "What is the maximum number of projects of all directions?")
    assert r["intent"] == "rank", r


@pytest.mark.parametrize(
    "wrap",
    [
        "老师您好！{}谢谢！",
        "您好，{} 麻烦了",
        "Hi! {} Thanks a lot.",
        "我们是高校科研处的。{}",
    ],
)
def test_wrapped_the_same(engine: Engine, wrap: str) -> None:
    bare = ask(engine, "天津工业大学科研院：总经费不低于3000万元的方向有哪些？")
    wrapped = ask(engine, wrap.format("天津工业大学科研院：总经费不低于3000万元的方向有哪些？"))
    assert wrapped["intent"] == bare["intent"] == "rank", wrapped
    assert wrapped["programs"] == bare["programs"], wrapped


@pytest.mark.parametrize(
    ("message", "excluded", "top"),
    [
        ("除開旗艦計劃同聯合資助機制，邊個方向最多錢？", ["intl-1.4", "intl-1.5"], "intl-1.3"),
        ("除了旗舰计划和联合资助机制，哪个方向项目最多？", ["intl-1.4", "intl-1.5"], "intl-1.3"),
        (
            "除了欧洲的三个方向（联合实验室、旗舰和联合资助）以外，总经费最多的是哪几个？",
            ["intl-1.1", "intl-1.4", "intl-1.5"],
            "intl-1.3",
        ),
        (
            "Excluding the three European ones (joint labs, flagship and co-funding), which "
            "direction has the most money?",
            ["intl-1.1", "intl-1.4", "intl-1.5"],
            "intl-1.3",
        ),
    ],
)
def test_markers_set_aside_read_with_the_names_beside_them(
    engine: Engine, message: str, excluded: list[str], top: str
) -> None:
    """ "旗舰" alone is the EU flagship or South Africa's; listed with the EU co-funding
    mechanism it is the EU's."""
    r = ask(engine, message)
    assert r["intent"] == "rank", r
    assert r["query"]["excluded"] == excluded, r["query"]
    assert r["programs"][0] == top, r["programs"]


@pytest.mark.parametrize(
    ("turns", "head"),
    [
        (("总经费超过5000万的有哪些", "项目数呢"), "这4个方向合计不超过61个项目"),
        (("總經費超過5000萬嘅有邊啲", "平均呢"), "這4個方向"),
        (
            ("Which directions have more than CNY 50 million?", "and the number of projects?"),
            "These 4 directions: up to 61 projects in total",
        ),
    ],
)
def test_a_measure_of_the_filtered_is_no_one_partners(
    engine: Engine, turns: tuple[str, ...], head: str
) -> None:
    r = ask(engine, *turns)
    assert set(r["programs"]) == {"intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"}, r
    assert r["text"].startswith(head), r["text"]
    assert "欧盟共" not in r["text"] and "European Union has" not in r["text"], r["text"]
