"""Kinds of message of fc13/fc14 about rankings and their ends (helper i8-arith3), each with
messages of our own in Simplified Chinese, Traditional Chinese (Cantonese) and English: an
ordinal counted from the low end ("由低至高排第五"), a pool the user counts as every direction
while naming a call as added ("把港澳台项目也算进去，全部16个方向中"), and the two ends of a
ranking compared when one end is a tie (every tied direction is named). A question wrapped in a
greeting or thanks gets the same reply."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask

ALL = 16


class TestOrdinalFromTheLowEnd:
    """ "由低至高" / "from lowest to highest" counts the ordinal from the bottom."""

    @pytest.mark.parametrize(
        ("text", "nth", "first"),
        [
            ("经费从低至高排第三的是哪个方向", 3, "intl-2.0"),
            ("按項目數由少至多排，第二個係邊個？", 2, "intl-2.1"),
            ("總經費由低去高排第四嘅係邊個方向？", 4, "intl-1.7"),
            ("Ranked from lowest to highest budget, which direction is fourth?", 4, "intl-1.7"),
        ],
    )
    def test_nth_from_bottom(self, engine: Engine, text: str, nth: int, first: str) -> None:
        r = ask(engine, text)
        q = r["query"]
        assert (q["intent"], q["op"], q["order"], q["nth"]) == ("rank", "nth", "min", nth)
        assert r["programs"][0] == first


class TestEveryDirectionCounted:
    """A call named as added to the rest, or "all 16 directions", ranks over every direction."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "把港澳台专项也算进去，所有16个方向里项目数最少的两个是哪两个？",
                ["intl-2.3", "intl-2.1"],
            ),
            (
                "連埋港澳台嗰個方向，全部16個方向入面總經費最少嘅三個係邊三個？",
                ["intl-2.4", "intl-2.3", "intl-2.0"],
            ),
            (
                "Counting all 16 directions, with the Macao call included, which are the two "
                "directions with the fewest projects?",
                ["intl-2.3", "intl-2.1"],
            ),
        ],
    )
    def test_pool_is_every_direction(self, engine: Engine, text: str, expected: list) -> None:
        r = ask(engine, text)
        assert r["intent"] == "rank"
        assert len(r["query"]["restrict"]) == ALL
        assert r["programs"] == expected

    def test_wrapped_same_answer(self, engine: Engine) -> None:
        text = "把港澳台专项也算进去，所有16个方向里项目数最少的两个是哪两个？"
        plain = ask(engine, text)["text"]
        assert ask(engine, f"你好！{text}谢谢！")["text"] == plain

    def test_call_alone_still_scopes(self, engine: Engine) -> None:
        # no count of every direction and no "added": the call named is the scope
        r = ask(engine, "港澳台专项里项目数最少的是哪个")
        assert r["programs"] == ["hmt-1.1"]


class TestEndsWithATie:
    """The most against the fewest when two directions share the top: both are named."""

    @pytest.mark.parametrize(
        "text",
        [
            "项目数最多的方向比最少的方向多几个？",
            "項目數最多嘅方向比最少嘅方向多幾多個？",
            "How many more projects does the direction with the most projects have than the "
            "one with the fewest?",
        ],
    )
    def test_tie_at_top(self, engine: Engine, text: str) -> None:
        r = ask(engine, text)
        assert r["intent"] == "compare"
        assert set(r["programs"]) == {"intl-1.3", "intl-2.5", "intl-2.3"}
        assert "19" in r["text"]

    def test_no_tie_two_ends(self, engine: Engine) -> None:
        r = ask(engine, "总经费最大的方向是最小方向的多少倍？")
        assert r["query"]["groups"] == [["intl-1.4"], ["intl-2.4"]]
        assert "65" in r["text"]


class TestRankingWithoutOne:
    """A set-aside right after a ranking is the same ranking without it, not a card."""

    @pytest.mark.parametrize(
        ("turns", "top"),
        [
            (("哪个方向平均最高", "除了欧盟旗舰呢"), "intl-2.1"),
            (("邊個方向項目數最多？", "咁除咗西班牙同俄羅斯呢？"), "intl-1.6"),
            (
                (
                    "Which direction has the highest average grant?",
                    "And apart from the EU flagship?",
                ),
                "intl-2.1",
            ),
        ],
    )
    def test_same_ranking_without(self, engine: Engine, turns: tuple, top: str) -> None:
        r = ask(engine, *turns)
        assert r["intent"] == "rank"
        assert r["programs"][0] == top
        assert r["query"]["metric"] == ask(engine, turns[0])["query"]["metric"]

    def test_partner_set_aside_unchanged(self, engine: Engine) -> None:
        # after a figure, not a ranking: the partner's other direction
        r = ask(engine, "南非旗舰多少钱", "非旗舰的那个呢")
        assert r["programs"] == ["intl-2.2"]


class TestExtremeOnTheLastMeasure:
    """ "那最高的是哪个" after a figure ranks on that figure's measure."""

    @pytest.mark.parametrize(
        ("turns", "metric", "top"),
        [
            (("奥地利平均每个项目多少？", "那最高的是哪个"), "average", "intl-1.4"),
            (("意大利有幾多個項目？", "咁最多嘅係邊個？"), "count", "intl-1.3"),
            (("What's the average grant for Austria?", "and the highest?"), "average", "intl-1.4"),
        ],
    )
    def test_measure_kept(self, engine: Engine, turns: tuple, metric: str, top: str) -> None:
        r = ask(engine, *turns)
        assert (r["intent"], r["query"]["metric"]) == ("rank", metric)
        assert r["programs"][0] == top


class TestTracksOfOneDirection:
    """A direction of two tracks: the tracks added up, and the tracks counted in a follow-up
    keep the last measure."""

    @pytest.mark.parametrize(
        "turns",
        [
            ("欧盟旗舰两个领域各多少钱", "加起来"),
            ("歐盟旗艦兩個領域各有幾多錢？", "加埋幾多？"),
            ("How much does each track of the EU flagship get?", "together?"),
        ],
    )
    def test_tracks_added_up(self, engine: Engine, turns: tuple) -> None:
        r = ask(engine, *turns)
        assert (r["intent"], r["programs"]) == ("budget", ["intl-1.4"])
        assert "13000" in r["text"] or "130 million" in r["text"]

    @pytest.mark.parametrize(
        ("turns", "intent"),
        [
            (("中韩能源技术联合研究平均每个项目多少", "那欧盟旗舰两个领域呢"), "average"),
            (("芬蘭有幾多錢？", "咁歐盟旗艦兩個領域呢？"), "budget"),
            (("Average grant for China–Germany?", "and the EU flagship's two areas?"), "average"),
        ],
    )
    def test_tracks_keep_measure(self, engine: Engine, turns: tuple, intent: str) -> None:
        r = ask(engine, *turns)
        assert (r["intent"], r["programs"]) == (intent, ["intl-1.4"])

    def test_fields_asked_stay_fields(self, engine: Engine) -> None:
        r = ask(engine, "芬兰多少钱", "欧盟旗舰两个领域是什么")
        assert r["intent"] == "fields"


class TestPartnersTwoKinds:
    """One partner's two directions set against each other, the second named by a word of it
    or after a comparing phrase ("compared to the flagship")."""

    @pytest.mark.parametrize(
        ("text", "groups"),
        [
            ("南非 旗舰 vs 联合 avg", [["intl-2.3"], ["intl-2.2"]]),
            ("韓國 能源 vs 聯合 總經費", [["intl-2.1"], ["intl-2.0"]]),
            (
                "How many times larger is the Korea energy technology budget compared to the "
                "joint research?",
                [["intl-2.1"], ["intl-2.0"]],
            ),
            (
                "How many times bigger is the South Africa joint research budget compared with "
                "the flagship?",
                [["intl-2.2"], ["intl-2.3"]],
            ),
        ],
    )
    def test_two_kinds_compared(self, engine: Engine, text: str, groups: list) -> None:
        r = ask(engine, text)
        assert r["intent"] == "compare"
        assert r["query"]["groups"] == groups


class TestMeasureKeptToTheDifference:
    """The measure of the first turn is kept through a bare name and a terse "diff"."""

    @pytest.mark.parametrize(
        "turns",
        [
            ("韩国能源每个项目多少", "德国", "差多少"),
            ("韓國能源每個項目幾多錢", "德國呢", "差幾多"),
            ("korea energy how much per proj", "germany", "diff"),
            ("finland avg per proj pls", "and israel", "difference?"),
        ],
    )
    def test_difference_on_average(self, engine: Engine, turns: tuple) -> None:
        r = ask(engine, *turns)
        assert r["intent"] == "compare"
        assert r["query"]["metric"] == "average"


class TestFieldsCompared:
    """Fields set against each other: each direction's fields side by side, not a budget."""

    @pytest.mark.parametrize(
        "turns",
        [
            ("俄罗斯做哪些领域", "跟西班牙比呢"),
            ("俄羅斯資助咩領域？", "同西班牙比呢？"),
            ("Which areas does Russia fund?", "how does that compare with Spain?"),
            ("Compare the research areas of Russia and Spain",),
        ],
    )
    def test_fields_side_by_side(self, engine: Engine, turns: tuple) -> None:
        r = ask(engine, *turns)
        assert (r["intent"], r["programs"]) == ("compare", ["intl-2.5", "intl-1.3"])
        assert r["query"]["op"] == "compare_fields"
        assert ("海洋" in r["text"] and "智慧城市" in r["text"]) or "smart cit" in r["text"]

    def test_budget_compared_unchanged(self, engine: Engine) -> None:
        r = ask(engine, "俄罗斯多少钱", "跟西班牙比呢")
        assert (r["intent"], r["query"]["metric"]) == ("compare", "total")
