"""Kinds of message of fc19/fc20 about what the notice does not give, asked beside a named
partner or the call (helper i8-unknown8), each with messages of our own in Simplified Chinese,
Traditional Chinese (Cantonese) and English: the Chinese money sent abroad to a partner's lab,
the money paid at once or by year, a company required, a third partner or an institution of
Hong Kong, Taiwan or another country as partner, one field's part of a direction whose money is
one line over all its fields, the competition named as context beside a ranking, and the period
of the one call the notice gives none for. The related figure is added only when asked in a
clause of its own (the policy of i8-unknown7, kept)."""

from __future__ import annotations

import pytest

from tests.asking import FIGURES, ask, expect, expect_missing, expect_related, expect_same_missing

_MISSING = [
    # the Chinese money sent abroad
    ("项目经费可以汇到国外的合作单位吗？", "funds_abroad", None),
    ("中方经费能不能转到德国合作方的实验室？", "funds_abroad", None),
    ("經費可唔可以匯去海外合作方用？", "funds_abroad", None),
    ("國撥經費能否在境外使用？", "funds_abroad", None),
    ("Can part of the grant be sent to our partner's lab in Vienna?", "funds_abroad", None),
    ("Is it allowed to spend the Chinese money abroad?", "funds_abroad", None),
    ("Does the funding stay in China or can it go to the Finnish team?", "funds_abroad", None),
    # paid at once or by year
    ("中以项目的经费是一次性拨付还是分年度拨付？", "payment", None),
    ("經費係一次過俾定係分年俾？", "payment", None),
    ("Is the grant paid in one go or in yearly instalments?", "payment", None),
    ("How will the money be paid to us for Korea, at the start or by year?", "payment", None),
    # a company required
    ("中奥产学研项目是不是必须有企业参与？", "eligibility", "eligibility.company"),
    ("中德項目一定要有公司參加嗎？", "eligibility", "eligibility.company"),
    (
        "Do we need to include a company in the Korea energy project?",
        "eligibility",
        "eligibility.company",
    ),
    ("Is an industry partner obligatory for Germany?", "eligibility", "eligibility.company"),
    # a third partner, or an institution of another place as partner
    ("中以项目能不能再加一个德国的合作伙伴？", "participants", None),
    ("中芬計畫可唔可以加多一個瑞典嘅合作方？", "participants", None),
    ("Could we add a third partner from Sweden to the Finland project?", "participants", None),
    (
        "Is it possible to involve an additional country in the Korea project?",
        "participants",
        None,
    ),
    ("内地与澳门项目能不能有香港的高校参加？", "participants", None),
    ("台灣的研究機構可以成為中德計畫的合作單位嗎？", "participants", None),
    ("香港嘅大學可唔可以做中芬項目嘅合作方？", "participants", None),
    ("Can a university in Hong Kong be a partner in the Macao direction?", "participants", None),
    (
        "Can a Swiss university be the partner in the China–Europe lab direction?",
        "participants",
        None,
    ),
    ("钱是一年一年给还是一下子给？", "payment", None),
    ("Is the money transferred every year or only once?", "payment", None),
    ("Will we receive the whole budget at once?", "payment", None),
    ("Can I pay my German partner with the Chinese money?", "funds_abroad", None),
    ("港澳台的老师可以作为合作方吗？", "participants", None),
    ("荷兰的大学能不能作为中欧联合实验室的合作方？", "participants", None),
    ("荷蘭大學可唔可以做中歐聯合實驗室嘅合作方？", "participants", None),
    ("Can a Dutch partner apply in the China–Europe joint labs?", "participants", None),
    ("Can Taiwanese professors be co-PI in the Spain projects?", "participants", None),
    # a cap per project, the team's size, to whom the money is paid, the start, the contract
    ("单个项目最高可以申请多少经费？", "project_cap", None),
    ("每個項目經費上限係幾多？", "project_cap", None),
    ("Is there a maximum budget per project in the Finland direction?", "project_cap", None),
    ("项目组最多可以有多少人？", "team_size", None),
    ("中德項目團隊最多幾多人？", "team_size", None),
    ("How many people can be in the team for the Spain project?", "team_size", None),
    ("经费是拨给学校还是拨给负责人？", "payment", None),
    ("經費係撥俾學校定係撥俾負責人？", "payment", None),
    ("Is the money paid to the university or to the PI?", "payment", None),
    ("When does the Germany project start?", "deadline", None),
    ("中俄项目的合同由谁签？", "contract", None),
    ("中俄項目嘅合同由邊個簽？", "contract", None),
    ("Who signs the contract for the Russia project?", "contract", None),
    ("能不能同时申请中芬和中德两个方向？", "limits", None),
    ("Do we get the whole 4 million at the start?", "payment", None),
    ("中奥项目企业要出多少钱？", "matching_funds", "matching_funds.company"),
    ("Does the Austrian company have to pay anything?", "matching_funds", None),
    ("中以项目外方可以是医院吗？", "partner_terms", None),
    ("中德项目可以跟瑞士的大学一起做吗？", "participants", None),
    ("中德項目可以同瑞士嘅大學一齊做嗎？", "participants", None),
    ("Can we add a Swiss university to a Germany project?", "participants", None),
    ("Can a Macao company join the mainland–Macao projects?", "participants", None),
    ("中德项目可以跟哪些大学合作？", "participants", None),
    ("Which universities can we work with in Germany?", "participants", None),
    ("中以项目可以把钱给以色列团队用吗？", "funds_abroad", None),
    ("Can we use the grant to pay the Israeli team?", "funds_abroad", None),
    ("中芬项目里能源那部分多少钱？", "field_shares", None),
    (
        "Does the Korea joint research give more money to aerospace or to climate?",
        "field_shares",
        None,
    ),
    ("What part of the Korea budget is for biotech?", "field_shares", None),
    (
        "Dear colleagues, I am a professor at TU Delft and we work with Tsinghua on water. Could "
        "a Dutch university act as the European partner in the China–Europe joint labs? Best, Jan",
        "participants",
        None,
    ),
    (
        "Hi! I am from KU Leuven. In the China–Europe joint labs, can the Chinese side's money "
        "be used in Belgium? Thanks",
        "funds_abroad",
        None,
    ),
    ("Can the money be used in the second year?", "allowed_costs", None),
    ("经费第二年可以用吗？", "allowed_costs", None),
    ("中以项目经费能不能汇到以色列？", "funds_abroad", None),
    ("经费可以汇到学校账户吗？", "payment", None),
    ("台湾地区的学者可以参与内地与澳门项目吗？", "participants", None),
    ("台灣的教授能不能參加中芬計畫？", "participants", None),
    ("中芬項目可唔可以搵台灣嘅大學一齊申請？", "participants", None),
    ("Can Taiwanese scholars take part in the Macao projects?", "participants", None),
    ("HK researchers allowed in the Finland direction?", "participants", None),
    (
        "I'm a professor at HKU. Can I join the mainland–Macao project as partner?",
        "participants",
        None,
    ),
    ("政府间专项的经费是每年拨一次吗？", "payment", None),
    ("港澳台专项可以有企业参加吗？", "participants", None),
    ("Company is need for Korea energy project or not?", "eligibility", "eligibility.company"),
    ("中阿项目要唔要有企业？", "eligibility", "eligibility.company"),
    ("要有企業嗎，中德的？", "eligibility", "eligibility.company"),
    ("我们是香港理工大学的团队，想问下内地与澳门项目能否作为合作方参与？", "participants", None),
    ("請問本計畫是否強制要求業界參與？", "eligibility", "eligibility.company"),
    ("請問補助款是一次撥付還是分期撥付？", "payment", None),
    ("請問計畫經費可否匯至海外合作機構？", "funds_abroad", None),
    ("Could you tell me if the funds will be released in tranches?", "payment", None),
    ("The money come all in first year or each year a part?", "payment", None),
    ("Is possible the Chinese money pay my postdoc in Germany?", "funds_abroad", None),
    (
        "Can one more country join with us in the Israel project, like a third one?",
        "participants",
        None,
    ),
    ("How much of Finland money is for the health part?", "field_shares", None),
    # one field's part of a direction whose money is one line
    ("What share of the Spain budget goes to smart cities?", "field_shares", None),
    ("中芬項目裡智能綠色出行這個領域有幾個項目？", "field_shares", "field_shares.projects"),
    ("中芬项目中健康这一块占多少经费？", "field_shares", None),
    ("中南联合研究里航天这部分能拿到几个项目？", "field_shares", "field_shares.projects"),
    ("How much of the Israel budget goes to vaccines?", "field_shares", None),
    # the competition asked
    ("中芬方向竞争激烈吗？", "success_rate", None),
    ("中芬方向競爭大唔大？", "success_rate", None),
]


class TestMissingBesidePartner:
    """The aspect is named and no figure of the named direction is given."""

    @pytest.mark.parametrize(("text", "missing", "notion"), _MISSING)
    def test_aspect_is_missing(self, engine, text, missing, notion):
        expect_missing(ask(engine, text), missing, notion, programs=[])

    def test_money_abroad_is_no_transfer_between_lines(self, engine):
        reply = ask(engine, "中方经费能不能转到德国合作方的实验室？")
        assert reply["query"]["missing"] == ["funds_abroad"], reply["query"]
        reply = ask(engine, "经费可以在不同方向之间调剂吗？")
        assert reply["query"]["missing"] == ["transfers"], reply["query"]
        reply = ask(engine, "Can the money be moved between budget lines?")
        assert reply["query"]["missing"] == ["transfers"], reply["query"]

    @pytest.mark.parametrize(
        ("text", "wrapped"),
        [
            (
                "项目经费可以汇到国外的合作单位吗？",
                "老师您好，我们和慕尼黑工大合作多年。项目经费可以汇到国外的合作单位吗？谢谢！",
            ),
            ("中德項目一定要有公司參加嗎？", "你好呀～中德項目一定要有公司參加嗎？唔該晒"),
            (
                "Could we add a third partner from Sweden to the Finland project?",
                "Hi! I work at Aalto on batteries. Could we add a third partner from Sweden to "
                "the Finland project? Thanks a lot",
            ),
        ],
    )
    def test_wrapped_keeps_the_answer(self, engine, text, wrapped):
        expect_same_missing(ask(engine, text), ask(engine, wrapped))


class TestPartOfAField:
    """A field's part of a direction whose money is one line over all its fields is not given;
    a direction split by track answers its track."""

    @pytest.mark.parametrize(
        "turns",
        [
            ("中芬方向的领域有哪些？", "健康和老龄这一块能分到多少经费？"),
            ("中以項目資助咩領域？", "疫苗嗰部分有幾多經費？"),
            ("中以项目多少钱", "疫苗那个领域呢？"),
            ("中芬方向的领域有哪些？", "其中哪个领域钱最多？"),
            ("中芬方向的領域有哪些？", "各領域經費點樣分配？"),
            ("What fields does the Finland direction fund?", "Which field gets the most money?"),
            ("What fields does the Russia direction fund?", "How much of it goes to vaccines?"),
        ],
    )
    def test_follow_up(self, engine, turns):
        reply = ask(engine, *turns)
        assert reply["intent"] == "unknown", reply["text"]
        assert reply["query"]["missing"] == ["field_shares"], reply["query"]
        assert not any(f in reply["text"] for f in FIGURES), reply["text"]

    @pytest.mark.parametrize(
        ("turns", "figure"),
        [
            (("中欧旗舰里气候变化那一块有多少钱",), "6000"),
            (("欧盟旗舰支持几个项目", "气候变化那个领域呢？"), "4"),
            (("How much does the EU flagship fund in the food area?",), "70 million"),
            (("欧盟旗舰的领域有哪些？", "其中哪个领域钱最多？"), "7000"),
        ],
    )
    def test_track_is_answered(self, engine, turns, figure):
        reply = ask(engine, *turns)
        assert reply["intent"] != "unknown", reply["text"]
        assert figure in reply["text"], reply["text"]


class TestCompetitionAsContext:
    """Competition named as the reason for a ranking is context; the ranking is asked."""

    @pytest.mark.parametrize(
        "text",
        [
            "有几位老师想避开竞争激烈的方向，请问支持项目数最少的是哪个方向？",
            "有老師想避開競爭激烈嘅方向，邊個方向項目數最少？",
            "Some colleagues want to avoid the most competitive directions; which direction "
            "funds the fewest projects?",
        ],
    )
    def test_ranking(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "rank", reply["text"]
        assert reply["programs"][0] == "intl-2.3", reply["programs"]


class TestPeriodNotGiven:
    """The period of the call the notice gives none for is unknown, the reply says so; the
    period of a call it gives stays a period."""

    @pytest.mark.parametrize(
        "turns",
        [
            ("内地与澳门项目要做几年？",),
            ("港澳台专项的项目周期多长？",),
            ("澳門嗰個項目做幾耐？",),
            ("港澳臺專項的計畫執行期多久？",),
            ("How many years does a Macao project last?",),
            ("政府间专项的项目周期多久？", "那澳门那个方向呢？"),
        ],
    )
    def test_unknown(self, engine, turns):
        reply = ask(engine, *turns)
        assert reply["intent"] == "unknown", reply["text"]
        assert "2~3" not in reply["text"], reply["text"]
        assert any(w in reply["text"] for w in ("没有给出", "沒有給出", "does not give"))

    @pytest.mark.parametrize(
        "text",
        [
            "项目周期多长？",
            "中德项目做几年？",
            "政府間專項每件計畫執行多久？",
            "How long does a project run?",
        ],
    )
    def test_given(self, engine, text):
        expect(ask(engine, text), "period", has=["2~3"])


class TestRelatedFigurePolicy:
    """A figure asked in a clause of its own is still given after the missing aspect."""

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            ("中以项目总经费多少？另外经费能不能汇到以色列合作方的实验室？", "2000"),
            ("How much is the Spain budget, and is the money paid in one go?", "60 million"),
        ],
    )
    def test_figure_asked_beside_is_given(self, engine, text, figure):
        expect_related(ask(engine, text), figure)


class TestPlainQuestionsStayAnswered:
    @pytest.mark.parametrize(
        ("text", "intent", "figure"),
        [
            ("中芬方向总经费多少？", "budget", "6000"),
            ("中以項目資助咩領域？", "fields", "疫苗"),
            ("Which directions fund vaccines?", "topic", "vaccine"),
            ("中德项目支持几个？", "count", "5"),
            ("有哪些合作国家？", "partners", "芬兰"),
            ("中西项目最多支持几个项目？", "count", "20"),
            ("平均每项最多的是哪个方向？", "rank", "3500"),
            ("中德平均每项多少钱", "average", "400"),
            ("哪个方向每个项目最多能拿多少钱？", "rank", "3500"),
            ("Which direction has the maximum funding per project?", "rank", "35 million"),
            ("Which one gives the most money per project?", "rank", "35 million"),
        ],
    )
    def test_plain(self, engine, text, intent, figure):
        expect(ask(engine, text), intent, has=[figure])


class TestCardSaysThePeriodIsMissing:
    """A card of the Macao direction asked with its period says the period is not given."""

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            ("澳门项目实施周期和经费是多少？", "实施周期：通知没有给出"),
            ("澳門項目做幾耐、有幾多錢？", "實施週期：通知沒有給出"),
            ("How much money and how long for the Macao projects?", "not given in the notice"),
        ],
    )
    def test_period_line(self, engine, text, line):
        reply = expect(ask(engine, text), "detail", has=[line])
        assert "2~3" not in reply["text"], reply["text"]

    def test_related_figure_after_funds_abroad(self, engine):
        reply = ask(engine, "中芬项目经费多少，能否汇到芬兰合作方？")
        assert reply["query"]["missing"] == ["funds_abroad"], reply["query"]
        assert "6000" in reply["text"], reply["text"]


class TestFollowUpAfterAnAspect:
    """The directions named beside an aspect the notice lacks stay what the next question is
    about: "那总经费多少" after "中芬项目的经费能汇到芬兰吗" is Finland's total."""

    @pytest.mark.parametrize(
        ("turns", "program", "figure"),
        [
            (("中芬项目可以把经费汇到芬兰吗？", "那总经费多少？"), "intl-1.6", "6000"),
            (("澳門項目要做幾耐？", "咁有幾多錢？"), "hmt-1.1", "3000"),
            (("How long do the Macao projects run?", "and how many projects?"), "hmt-1.1", "15"),
            (
                ("中芬方向的领域有哪些？", "健康这块能分到多少经费？", "那总共多少？"),
                "intl-1.6",
                "6000",
            ),
            (("健康和老龄科技这一块能分到多少经费？", "那总共多少？"), "intl-1.6", "6000"),
            (("澳門項目要做幾耐？", "中德呢？"), "intl-1.8", "2~3"),
            (("How long do the Macao projects run?", "and Germany?"), "intl-1.8", "2~3"),
        ],
    )
    def test_next_question(self, engine, turns, program, figure):
        reply = ask(engine, *turns)
        assert reply["programs"] == [program], reply["text"]
        assert figure in reply["text"], reply["text"]
