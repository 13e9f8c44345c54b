"""Kinds of message of fc13/fc14 about what the notice does not give (helper i8-unknown4), each
with messages of our own in Simplified Chinese, Traditional Chinese (Cantonese) and English:
a recommending body's quota or letter, who funds a named place's side (Hong Kong, Macao, a
partner country in full), the partner's own approval or funder, who may act as PI, a company
joining as partner, a misspelt success rate beside earlier years, "ddl" for the deadline; the
help question written with 甚麼, and the language of a message with the variant 囯. Both sides
are tested: plain figure questions keep their answer, and wrapped questions get the same."""

from __future__ import annotations

import pytest

from tests.asking import FIGURES, WRAPS, ask, expect, expect_same_missing


class TestMissingAspects:
    """Each aspect is answered "the notice does not give …", never with a figure."""

    @pytest.mark.parametrize(
        ("text", "missing"),
        [
            # a recommending body's quota or letter
            ("每个省有没有推荐名额的限制？", "recommendation"),
            ("申請時要唔要科技廳出具推薦函？", "recommendation"),
            (
                "Does our university need a letter of recommendation from the province?",
                "recommendation",
            ),
            # who funds a named place's side
            ("参加内地与香港项目时，香港方面的经费由谁提供？", "partner_funding"),
            ("中澳項目澳門方面會出幾多錢？", "partner_funding"),
            ("中韩项目韩国方的资金是NRF出的吗？", "partner_funding"),
            ("Does the Israeli partner need to get its own funding from ISF?", "partner_funding"),
            # the partner's own approval
            ("申请中芬项目时芬方也要立项吗？", "partner_funding"),
            ("奧方要唔要同步立項？", "partner_funding"),
            # who may act as PI
            (
                "Can visiting professors act as principal investigators for the Spain call?",
                "eligibility",
            ),
            # a company joining as partner
            (
                "Could a French startup take part in the China–Italy programme as a partner?",
                "participants",
            ),
            # the success rate misspelt, beside earlier years
            ("What was the succes rate of the Finland call in previous years?", "success_rate"),
            # ddl is the deadline
            ("中芬ddl几号", "deadline"),
            ("中德項目嘅ddl係幾時？", "deadline"),
            ("When is the ddl for the Korea call?", "deadline"),
        ],
    )
    def test_aspect_is_missing(self, engine, text, missing):
        reply = ask(engine, text)
        assert reply["intent"] == "unknown", reply["text"]
        assert missing in reply["query"].get("missing", []) or "out_of_scope" in reply["rules"]
        assert not any(f in reply["text"] for f in FIGURES), reply["text"]

    @pytest.mark.parametrize(
        ("text", "said"),
        [
            ("申报时需要德方同步立项吗？", "同步立项"),
            ("Must the Korean side get approval from its own agency?", "approved"),
            (
                "Can assistant professors act as PIs for the Germany call?",
                "principal investigator",
            ),
            ("What's the succes rate for the Russia projects?", "success rate"),
        ],
    )
    def test_notion_named(self, engine, text, said):
        expect(ask(engine, text), "unknown", has=[said])

    def test_approval_after_a_figure_turn(self, engine):
        reply = ask(engine, "中韩项目经费多少", "申报时韩方需要同步立项吗")
        assert reply["intent"] == "unknown", reply["text"]
        assert reply["query"]["missing"] == ["partner_funding"]

    @pytest.mark.parametrize(
        ("text", "intent", "figure"),
        [
            ("中德项目总经费多少？", "budget", "2000"),
            ("澳門方向總經費幾多？", "budget", "萬元"),
            ("How much money does the China–Finland direction get?", "budget", "60 million"),
            ("中芬项目资助几个？", "count", "15"),
            ("What is the average per project for Germany?", "average", "4 million"),
        ],
    )
    def test_plain_figures_keep_their_answer(self, engine, text, intent, figure):
        reply = expect(ask(engine, text), intent, has=[figure])
        assert not reply["query"].get("missing")

    @pytest.mark.parametrize(
        "text",
        [
            "每个省有没有推荐名额的限制？",
            "中澳項目澳門方面會出幾多錢？",
            "When is the ddl for the Korea call?",
        ],
    )
    @pytest.mark.parametrize("wrap", WRAPS)
    def test_wrapped_same(self, engine, text, wrap):
        expect_same_missing(ask(engine, text), ask(engine, wrap.format(text)))


class TestHelpAndLanguage:
    @pytest.mark.parametrize(
        "text",
        [
            "你可以提供甚么资料？",
            "請問你可以提供甚麼資料？",
            "What information can you provide?",
        ],
    )
    def test_help(self, engine, text):
        assert ask(engine, text)["intent"] == "help"

    def test_information_on_a_direction_is_not_help(self, engine):
        assert ask(engine, "What information do you have on Germany?")["intent"] != "help"

    @pytest.mark.parametrize(
        ("text", "lang"), [("德囯平均多少", "zh-Hans"), ("中囯和德囯项目总经费", "zh-Hans")]
    )
    def test_variant_guo_is_simplified(self, engine, text, lang):
        reply = ask(engine, text)
        assert reply["lang"] == lang and "万元" in reply["text"], reply["text"]

    def test_traditional_guo_stays_traditional(self, engine):
        assert ask(engine, "德國平均多少")["lang"] == "zh-Hant"
