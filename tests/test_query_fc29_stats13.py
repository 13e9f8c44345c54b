"""Kinds of message of fc29 about whole-call statistics (helper i8-stats13), each with messages
of our own in Simplified Chinese, Traditional Chinese and English: the projects of both calls
added up; a call's total over its directions; a call's average per project computed over its
own directions only; a part checked against a fraction of the call's total (a share)."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect

INTL = [f"intl-1.{i}" for i in range(1, 10)] + [f"intl-2.{i}" for i in range(6)]


class TestProjectsOfBothCalls:
    """ "项目加起来有多少" counts projects; the money is not what is asked."""

    @pytest.mark.parametrize(
        "text",
        [
            "政府间和港澳台两个专项的项目一共有多少",
            "兩個專項嘅項目加埋有幾多？",
            "两个专项拟支持的项目合计是多少",
        ],
    )
    def test_the_projects_are_added(self, engine, text):
        reply = expect(ask(engine, text), "count", has=["153"])
        assert reply["query"]["op"] == "sum_calls"

    @pytest.mark.parametrize("text", ["两个专项的项目经费加起来有多少", "每个项目加起来有多少钱"])
    def test_money_words_keep_the_money(self, engine, text):
        assert ask(engine, text)["intent"] != "count"


class TestCallTotalOverDirections:
    """The call's total divided by its directions, computed (33.07 million over 15)."""

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            ("What's the mean budget of a direction in the intergovernmental call?", "33.07"),
            (
                "Intergovernmental call: its total divided by its 15 directions, how much each?",
                "33.07",
            ),
            ("政府間專項總經費除以它嘅15個方向，平均每個方向幾多？", "3306.7"),
        ],
    )
    def test_total_over_directions(self, engine, text, figure):
        reply = expect(ask(engine, text), "average", has=[figure])
        assert reply["query"]["op"] == "mean"


class TestCallAverageOwnDirections:
    """A call's budget ÷ projects is about that call: the other call's direction is neither
    answered nor listed (the call's own figure points at no direction)."""

    @pytest.mark.parametrize(
        "text",
        [
            "Divide the whole intergovernmental budget by its number of projects: how much?",
            "整个政府间专项经费总概算除以项目总数，平均每项多少",
            "整個政府間專項經費總概算除以項目總數，平均每項幾多",
        ],
    )
    def test_only_the_call_in_scope(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "average", reply
        assert set(reply["programs"]) <= set(INTL), reply["programs"]
        assert "3.594" in reply["text"] or "359.4" in reply["text"]
        assert not any(w in reply["text"] for w in ("Macao", "澳门", "澳門")), reply["text"]


class TestFractionOfTheCall:
    """ "more than a quarter of the call's total?" is a share, computed."""

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            (
                "Does the China–Russia direction get more than a tenth of the intergovernmental "
                "call's budget?",
                "12.1%",
            ),
            ("中俄方向的经费超过政府间专项总经费的十分之一吗", "12.1%"),
            ("中俄方向嘅經費有冇超過政府間專項總經費嘅十分之一？", "12.1%"),
            ("Is the EU flagship under a third of the intergovernmental total?", "26.2%"),
        ],
    )
    def test_share_is_given(self, engine, text, figure):
        reply = expect(ask(engine, text), "compare", has=[figure])
        assert reply["query"]["op"] == "share"


class TestSetAsideInARanking:
    """Setting aside X and Y, "which …" ranks the rest; money "set aside for" X excludes
    nothing."""

    @pytest.mark.parametrize(
        ("text", "gone"),
        [
            ("Setting aside Israel, which direction has the fewest projects?", "intl-1.9"),
            ("Leaving aside Spain and Russia, which one has the biggest budget?", "intl-2.5"),
            ("撇开欧盟旗舰和中韩能源，哪个方向平均每项资助最高？", "intl-1.4"),
            ("撇開歐盟旗艦同中韓能源，邊個方向平均每項資助最高？", "intl-2.1"),
        ],
    )
    def test_the_rest_is_ranked(self, engine, text, gone):
        reply = expect(ask(engine, text), "rank")
        assert gone in reply["query"]["excluded"]
        assert gone not in reply["programs"]

    def test_money_set_aside_for_a_direction(self, engine):
        text = "How much money is set aside for the China-Finland direction?"
        expect(ask(engine, text), "budget", programs=["intl-1.6"], has=["60 million"])


class TestTwoFiltersCompared:
    """ "As many directions with A as with B?": both filters answered, their counts compared."""

    @pytest.mark.parametrize(
        ("text", "verdict"),
        [
            ("Are there as many directions with 15 projects as with 20 projects?", "3 against 2"),
            ("总经费6000万的方向和2000万的方向一样多吗", "各3个方向"),
            ("項目數10個嘅方向同20個嘅方向一樣多嗎？", "4個對2個"),
        ],
    )
    def test_both_counts(self, engine, text, verdict):
        reply = expect(ask(engine, text), "compare", has=[verdict])
        assert reply["query"]["op"] == "filters_compared"

    def test_one_value_stays_a_filter(self, engine):
        expect(ask(engine, "Which directions have exactly CNY 20 million?"), "rank")


class TestFractionVerdict:
    """A share checked against a fraction gets its yes or no, computed from the two figures."""

    @pytest.mark.parametrize(
        ("text", "verdict"),
        [
            ("Is Russia's budget less than a fifth of the intergovernmental total?", "yes"),
            ("Does the EU flagship take more than a half of the intergovernmental budget?", "no"),
            ("中俄方向的经费超过政府间专项总经费的十分之一吗", "是"),
            ("中俄方向嘅經費有冇超過政府間專項總經費嘅十分之一？", "是"),
        ],
    )
    def test_verdict(self, engine, text, verdict):
        reply = expect(ask(engine, text), "compare")
        last = reply["text"].splitlines()[-1]
        assert last.endswith((f": {verdict}.", f"：{verdict}。")), last

    def test_plain_share_has_no_verdict(self, engine):
        reply = expect(ask(engine, "中俄方向占政府间专项总经费的比例是多少？"), "compare")
        assert "是。" not in reply["text"].splitlines()[-1]
