"""Kinds of message of fc15/fc16 about what the notice does not give (helper i8-unknown5), each
with messages of our own in Simplified Chinese, Traditional Chinese (Cantonese) and English:
a kind of partner asked (a company as a third or extra partner, "or only universities"), one
team applying to two directions, and a second application to the partner's own fund. Both
sides are tested: plain figure questions keep their answer, and wrapped questions get the
same."""

from __future__ import annotations

import pytest

from tests.asking import WRAPS, ask, expect, expect_missing, expect_same_missing


class TestMissingAspects:
    """Each aspect is answered "the notice does not give …", never with a figure."""

    @pytest.mark.parametrize(
        ("text", "missing"),
        [
            # a kind of partner: a company as an extra partner, or only universities
            ("中意项目里，企业可以作为第三方合作伙伴吗？", "participants"),
            ("中西項目嘅外方可唔可以係公司，定系只可以係大學？", "partner_terms"),
            (
                "For the Austria call, can an Israeli firm join as additional partner?",
                "participants",
            ),
            (
                "Is it possible that a Spanish company is partner, or only research institutes?",
                "participants",
            ),
            # one team in two directions
            ("同一个团队可以同时申请中芬和中奥两个方向吗？", "limits"),
            ("同一個課題組可以同時申報兩個方向嗎？", "limits"),
            ("Can we apply for both the Finland and the Austria directions?", "limits"),
            ("Could we submit to the Germany and Korea calls with the same team?", "limits"),
            # a second application to the partner's own fund
            ("中韩项目是否还要另外向韩国研究基金会申请？", "partner_funding"),
            ("香港項目要唔要另外向香港研究資助局申請？", "partner_funding"),
        ],
    )
    def test_aspect_is_missing(self, engine, text, missing):
        expect_missing(ask(engine, text), missing)

    @pytest.mark.parametrize(
        ("text", "intent", "figure"),
        [
            ("中意项目总经费多少？", "budget", "2000"),
            ("中西項目資助幾多個？", "count", "20"),
            ("How much is the Finland direction in total?", "budget", "60 million"),
            ("What is the budget of both the Italy and the Spain calls?", None, "million"),
        ],
    )
    def test_plain_figures_keep_their_answer(self, engine, text, intent, figure):
        reply = ask(engine, text)
        assert intent is None or reply["intent"] == intent, reply["text"]
        assert figure in reply["text"], reply["text"]
        assert not reply["query"].get("missing")

    @pytest.mark.parametrize(
        "text",
        [
            "同一个团队可以同时申请中芬和中奥两个方向吗？",
            "香港項目要唔要另外向香港研究資助局申請？",
            "For the Austria call, can an Israeli firm join as additional partner?",
        ],
    )
    @pytest.mark.parametrize("wrap", WRAPS)
    def test_wrapped_same(self, engine, text, wrap):
        expect_same_missing(ask(engine, text), ask(engine, wrap.format(text)))


class TestWholeCallTotal:
    """The money's total of the whole call asked alone is the budget, not the overview; several
    measures of the whole call keep the overview."""

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            ("整个政府间专项的预算一共是多少？", "49600"),
            ("整個港澳台專項嘅經費加起來係幾多？", "萬元"),
            ("What is the total budget of the whole intergovernmental special project?", "496"),
        ],
    )
    def test_total_is_budget(self, engine, text, figure):
        expect(ask(engine, text), "budget", has=[figure])

    @pytest.mark.parametrize(
        "text",
        ["整个政府间专项总共有几个方向，经费一共多少？", "總共有幾個指南方向，總經費是多少"],
    )
    def test_several_measures_keep_overview(self, engine, text):
        assert ask(engine, text)["intent"] == "overview"


class TestAside:
    """ "I mean" is the speaker's aside, not the mean of a figure; "mean" itself still asks the
    average."""

    @pytest.mark.parametrize(
        "text",
        ["Which partner countries are there? I mean all of them", "partners? i meant countries"],
    )
    def test_aside_asks_nothing(self, engine, text):
        assert ask(engine, text)["intent"] == "partners"

    @pytest.mark.parametrize(
        "text",
        [
            "芬兰平均每个项目多少？",
            "芬蘭平均每個項目幾多？",
            "What is the mean grant for Finland?",
        ],
    )
    def test_mean_still_average(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "average" and (
            "400" in reply["text"] or "4 million" in reply["text"]
        )
