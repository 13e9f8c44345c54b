"""Kinds of message of fc11/fc12 about what the notice does not give (helper i8-unknown3), each
with messages of our own in Simplified Chinese, Traditional Chinese (Cantonese) and English:
the partner side's money and agency, an equal input asked of the partner, the requirements on
the partners, who may join a project, reporting duties after funding, a currency the notice
does not convert to, and the user's own notion named back in the reply (an age limit, who may
be the PI, equal input). Both sides are tested: the plain figure questions keep their answer,
and a question wrapped in a greeting or thanks gets the same reply."""

from __future__ import annotations

import pytest

from tests.asking import WRAPS, ask, expect, expect_missing


class TestMissingAspects:
    """Each aspect is answered "the notice does not give …", never with a figure."""

    @pytest.mark.parametrize(
        ("text", "missing"),
        [
            # the partner side's money and agency
            ("以方是由哪个机构出资？", "partner_funding"),
            ("芬方係由邊個部門出錢？", "partner_funding"),
            (
                "How much does the German side (BMBF) contribute to the projects?",
                "partner_funding",
            ),
            (
                "Is there funding for the Italian partners from the Chinese side?",
                "partner_funding",
            ),
            ("Is there money for the spanish side or only for chinese team?", "partner_funding"),
            # an equal input asked of the partner
            ("德方需要等额投入吗？", "matching_funds"),
            ("奧方要唔要對等出資？", "matching_funds"),
            (
                "Must the Austrian side match the Chinese funding with an equal amount?",
                "matching_funds",
            ),
            ("澳門基金會嗰邊會配套幾多錢？", "matching_funds"),
            # the requirements on the partners
            ("中德项目至少要有几个德方合作单位？", "partner_requirements"),
            ("中歐聯合實驗室最少要幾多個歐洲國家嘅合作夥伴？", "partner_requirements"),
            (
                "How many partner countries are required for the EU co-funding mechanism?",
                "partner_requirements",
            ),
            (
                "Do we need at least two partners from Europe for the joint lab direction?",
                "partner_requirements",
            ),
            # who may join a project
            ("台湾的学者可以参与中西合作项目吗？", "participants"),
            ("香港嘅研究人員可唔可以加入內地與澳門項目？", "participants"),
            (
                "Can scientists from Singapore take part in the China–Spain projects?",
                "participants",
            ),
            ("Could a colleague join the Israel project as a co-investigator?", "participants"),
            # once "not sure" (yes_no_beside_a_card): who may join is named instead
            ("請問臺灣的大學可以參與中國與西班牙政府間科技合作計畫嗎？", "participants"),
            ("Can researchers from Taiwan join a China–Finland consortium?", "participants"),
            # reporting duties after funding
            ("项目执行期间要提交年度报告吗？", "reporting"),
            ("中以項目結題驗收有咩要求？", "reporting"),
            ("Is there a mid-term review for the Israel projects?", "reporting"),
            ("What are the reporting requirements once a project is funded?", "reporting"),
        ],
    )
    def test_aspect_is_missing(self, engine, text, missing):
        expect_missing(ask(engine, text), missing)

    @pytest.mark.parametrize(
        "text",
        [
            "以色列方向每年都要交进展报告吗？",
            "每年都要寫進展報告嗎？",
            "Do we have to submit a progress report every year?",
        ],
    )
    def test_reporting_every_year_is_not_another_year(self, engine, text):
        reply = ask(engine, text)
        assert reply["query"]["missing"] == ["reporting"]


class TestReportAsContext:
    """A report the user writes is context, not the reporting duties of a project."""

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            ("我在写年度报告：意大利方向经费多少？", "2000"),
            ("我哋要寫份內部報告：芬蘭方向資助幾多個項目？", "15"),
            ("I am writing an annual report: how many projects for Finland?", "15"),
            ("For my final report: what is the Italy budget?", "20 million"),
        ],
    )
    def test_report_of_the_user(self, engine, text, figure):
        reply = ask(engine, text)
        assert reply["intent"] != "unknown" and figure in reply["text"], reply["text"]


class TestNotionNamed:
    """The reply names the user's own notion, not only the aspect's general phrase."""

    @pytest.mark.parametrize(
        ("text", "notion", "said"),
        [
            ("申请人有年龄限制吗？", "eligibility.age", "年龄"),
            ("中意項目嘅負責人有冇年齡上限？", "eligibility.age", "年齡"),
            ("Is there a maximum age for applicants?", "eligibility.age", "age"),
            ("博士后可以当中德项目的负责人吗？", "eligibility.pi_role", "博士后"),
            ("博士後可唔可以做負責人？", "eligibility.pi_role", "博士後"),
            (
                "Can a PhD student be the PI on the Korea energy project?",
                "eligibility.pi_role",
                "PI",
            ),
            ("德方需要等额投入吗？", "matching_funds.equal", "对等"),
            ("韓方要唔要同等投入？", "matching_funds.equal", "對等"),
            (
                "Does the Finnish side have to put in an equal amount?",
                "matching_funds.equal",
                "equal",
            ),
        ],
    )
    def test_notion_named(self, engine, text, notion, said):
        reply = ask(engine, text)
        assert reply["intent"] == "unknown"
        assert notion in reply["query"]["notions"]
        assert said in reply["text"]

    def test_age_after_a_figure_turn(self, engine):
        reply = ask(
            engine, "How many projects does Italy fund?", "and is there an age limit for the PI?"
        )
        assert reply["intent"] == "unknown"
        assert "age" in reply["text"] and "%" not in reply["text"]


class TestFigureBeside:
    """A figure asked in the same message is still given, after naming what is missing."""

    @pytest.mark.parametrize(
        ("text", "figure", "said"),
        [
            ("中以项目一共资助几个？每年都要交进展报告吗？", "10", "报告"),
            ("中以項目資助幾多個？結題驗收有咩要求？", "10", "驗收"),
            ("How many projects for Israel, and is there a mid-term review?", "10", "mid-term"),
            ("中奧項目總經費換算成新台幣係幾多？", "1000", "匯率"),
            ("西班牙方向的总经费多少？换算成新台币是多少？", "6000", "汇率"),
            ("What is the Spain budget in Taiwan dollars?", "60 million", "exchange"),
            ("政府间专项总经费多少？换算成新台币大概多少？", "49600", "汇率"),
            ("芬兰方向资助几个项目？博士后可以当负责人吗？", "15", "博士后"),
            ("What is the average for Austria, and can a postdoc be the PI?", "2.5 million", "PI"),
            ("中南联合研究项目是否要求南非方对等投入？另外一共支持几个？", "15", "对等"),
        ],
    )
    def test_figure_beside_missing(self, engine, text, figure, said):
        reply = ask(engine, text)
        assert reply["intent"] == "unknown"
        assert figure in reply["text"] and said in reply["text"], reply["text"]

    @pytest.mark.parametrize(
        ("text", "related"),
        [
            ("中德项目平均400万，德方要不要等额投入？另外一共资助几个？", "count"),
            ("中德項目平均400萬，德方使唔使對等投入？另外總共資助幾多個項目？", "count"),
            (
                "Germany gets 4 million on average; must the German side match it? "
                "and how many projects?",
                "count",
            ),
        ],
    )
    def test_figure_the_asking_clause_names(self, engine, text, related):
        reply = ask(engine, text)
        assert reply["intent"] == "unknown"
        assert reply["query"]["related"] == related and "5" in reply["text"], reply["text"]

    def test_general_phrase_not_repeated(self, engine):
        reply = ask(engine, "芬兰方向资助几个项目？博士后可以当负责人吗？")
        assert "博士后" in reply["text"] and "申报资格和条件" not in reply["text"]

    @pytest.mark.parametrize(
        ("text", "intent", "figure"),
        [
            ("中德项目总经费多少？", "budget", "2000"),
            ("How much money does the China–Finland direction get?", "budget", "60 million"),
            ("中欧联合实验室资助几个项目？", "count", "10"),
            ("奧地利方向平均每個項目幾多錢？", "average", "250"),
            # the partners counted alone: the overview states the count (i8-unknown6)
            (
                "How many partner countries does the intergovernmental call cover?",
                "overview",
                "14",
            ),
            ("政府间专项一共和几个国家合作？", "overview", "14"),
            ("每个方向最多资助几个项目？", "rank", "20"),
            ("中以项目资助哪些领域？", "fields", "水"),
        ],
    )
    def test_plain_figures_keep_their_answer(self, engine, text, intent, figure):
        reply = expect(ask(engine, text), intent, has=[figure])
        assert not reply["query"].get("missing")

    @pytest.mark.parametrize(
        "text",
        [
            "中德项目至少要有几个德方合作单位？",
            "香港嘅研究人員可唔可以加入內地與澳門項目？",
            "Can a PhD student be the PI on the Korea energy project?",
        ],
    )
    @pytest.mark.parametrize("wrap", WRAPS)
    def test_wrapped_same(self, engine, text, wrap):
        plain = ask(engine, text)
        wrapped = ask(engine, wrap.format(text))
        assert wrapped["intent"] == plain["intent"] == "unknown"
        assert wrapped["query"]["missing"] == plain["query"]["missing"]


class TestWhichOfOnePartner:
    """Which of one partner's directions gives more: compared, on the measure asked (fc12_052
    was answered with the averages but no conclusion; "which has more projects" compared the
    budgets)."""

    @pytest.mark.parametrize(
        ("text", "metric"),
        [
            ("Korea has two programmes, which one gives more money per project?", "average"),
            ("South Africa has two directions - which one has more projects?", "count"),
            ("南非两个方向哪个项目多？", "count"),
            ("芬蘭同德國邊個資助嘅項目多啲？", "count"),
            ("韩国两个方向哪个平均资助更多？", "average"),
        ],
    )
    def test_compared_on_the_measure(self, engine, text, metric):
        reply = ask(engine, text)
        assert reply["intent"] == "compare"
        assert reply["query"]["metric"] == metric
