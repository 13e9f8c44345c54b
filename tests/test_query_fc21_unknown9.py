"""Kinds of message of fc21/fc22 about what the notice does not give (helper i8-unknown9), each
with messages of our own in Simplified Chinese, Traditional Chinese (Cantonese) and English:
the partner side's own money asked as a figure (its agency named in brackets, "what is their
budget?", "how much will they give to the Finnish teams?") is unknown and never answered with
the Chinese figure of the notice; the form of the review (书面/会议审查, 函评, a panel meeting)
and who owns the IP, asked beside a named direction, are unknown. A figure asked or checked in a
clause of its own about the Chinese side is still given after the missing aspect."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect_missing, expect_related, expect_same_missing

_MISSING = [
    # the partner side's own money, its agency named in brackets
    ("韩方那边（韩国研究财团）会出多少钱给韩方团队？", "partner_funding", "zh-Hans"),
    ("德方（DFG）那边给多少钱？", "partner_funding", "zh-Hans"),
    ("芬兰方面（芬兰科学院）会投入多少？", "partner_funding", "zh-Hans"),
    ("以色列那邊（創新署）會出幾多錢？", "partner_funding", "zh-Hant"),
    ("奧方（FFG）嗰邊俾幾多錢？", "partner_funding", "zh-Hant"),
    # …or asked again by a pronoun after the clause about it
    ("The German side is funded by DFG? What is their budget?", "partner_funding", "en"),
    (
        "Does the Korean foundation also fund the Korean team? How much money do they give?",
        "partner_funding",
        "en",
    ),
    ("以方会不会同步出资？他们出多少？", "partner_funding", "zh-Hans"),
    # …or what the partner's agency gives to its own people
    (
        "The Academy of Finland is our funder, how much will they give to the Finnish teams?",
        "partner_funding",
        "en",
    ),
    (
        "Does the National Research Foundation of South Africa co-fund the South African part, "
        "and how much they pay?",
        "partner_funding",
        "en",
    ),
    # the form of the review and who reviews
    ("中德项目的评审是书面评审还是会议评审？", "review", "zh-Hans"),
    ("中韩能源项目是函评吗？评委是谁？", "review", "zh-Hans"),
    ("中芬項目係書面審查定會議審查？審查委員係邊個？", "review", "zh-Hant"),
    (
        "For the China-Germany projects, is the evaluation a remote review or a panel meeting?",
        "review",
        "en",
    ),
    # who owns the results
    ("中以项目做出来的专利归哪一方？", "ip", "zh-Hans"),
    ("中芬項目嘅成果屬於邊個？", "ip", "zh-Hant"),
    (
        "If we win the China-Finland project, who will own the patents – Chinese side or "
        "Finnish side?",
        "ip",
        "en",
    ),
]


class TestNotGivenBesideADirection:
    @pytest.mark.parametrize(("text", "aspect", "lang"), _MISSING)
    def test_unknown_names_the_aspect(self, engine, text, aspect, lang):
        reply = expect_missing(ask(engine, text), aspect)
        assert reply["lang"] == lang
        # no figure of the notice answers what the partner side gives
        assert not reply["query"].get("related"), reply["query"]

    @pytest.mark.parametrize(
        ("text", "wrapped"),
        [
            (
                "德方（DFG）那边给多少钱？",
                "老师您好，我们在准备申报材料。德方（DFG）那边给多少钱？谢谢！",
            ),
            (
                "中芬項目係書面審查定會議審查？",
                "你好！想問下：中芬項目係書面審查定會議審查？唔該晒",
            ),
            (
                "The German side is funded by DFG? What is their budget?",
                "Hi, I am a professor in Munich. The German side is funded by DFG? What is "
                "their budget? Thanks a lot!",
            ),
        ],
    )
    def test_wrapped_keeps_the_answer(self, engine, text, wrapped):
        expect_same_missing(ask(engine, text), ask(engine, wrapped))


class TestFigureOfItsOwnClause:
    """The Chinese figure asked, or checked, in a clause of its own is still given after the
    missing aspect, labelled as related."""

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            ("德方出多少钱？另外中德项目总经费多少？", "2000"),
            ("中德項目只支持5個吧？評審係函評定會評？", "5"),
            (
                "What is the budget of the Israel direction? And does the Israel Innovation "
                "Authority co-fund the Israeli part?",
                "20 million",
            ),
        ],
    )
    def test_figure_asked_beside_is_given(self, engine, text, figure):
        expect_related(ask(engine, text), figure)

    @pytest.mark.parametrize(
        "text",
        [
            "Business Finland is our funder, what is the China-Finland budget?",
            "The DFG is our funding agency. How much is the Germany direction in total?",
        ],
    )
    def test_funder_named_as_context_asks_the_figure(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "budget", reply["text"]
