"""Kinds of message of fc17/fc18 about what the notice does not give, asked beside a named
partner or direction (helper i8-unknown7), each with messages of our own in Simplified Chinese,
Traditional Chinese (Cantonese) and English: the partner side's own funding, who reviews, when
the results come out, who may be the PI (博后, 讲师), a third partner joining a direction, a
company required and its co-funding. Beside them: the period asked in the clause that asks
while the context names a partner or a contract; "what can this service do"; a field no
direction names, asked as "is it written in any direction's fields". The related figure is
given only when asked in a clause of its own, never when the measure word belongs to the
missing aspect ("with what budget" of the partner) or to a document ("budget template")."""

from __future__ import annotations

import pytest

from tests.asking import FIGURES, ask, expect, expect_missing, expect_related, expect_same_missing

_MISSING = [
    # the partner side's own money, beside a named partner
    ("韩方会不会同时出钱资助韩方团队？", "partner_funding", None),
    ("中德项目里德国方面会不会同步出资？出多少？", "partner_funding", None),
    ("芬蘭方會唔會同時出資俾芬蘭團隊？", "partner_funding", None),
    ("Will the Israeli side also fund its own team, and how much?", "partner_funding", None),
    ("Does the German ministry fund its own researchers in parallel?", "partner_funding", None),
    (
        "Our Finnish colleague asks if Business Finland pays its own researchers and with what "
        "budget. Does the notice say anything?",
        "partner_funding",
        None,
    ),
    # who reviews
    ("中韩能源项目由谁来评审？是中方专家还是中韩联合评审？", "review", "review.reviewers"),
    ("中芬項目嘅評審專家係中方定係雙方？", "review", "review.reviewers"),
    ("Who evaluates the China-Finland proposals? A joint panel?", "review", "review.reviewers"),
    ("Are the Germany proposals reviewed by German experts too?", "review", "review.reviewers"),
    # when the results come out
    ("中德项目评审结果什么时候公布？", "deadline", "deadline.results"),
    ("以色列方向的立项名单几时出来？", "deadline", "deadline.results"),
    ("中奧計畫的結果幾時公布？", "deadline", "deadline.results"),
    ("When will we know the results of the Austria call?", "deadline", "deadline.results"),
    ("When the decisions will be announced for Korea energy?", "deadline", "deadline.results"),
    # who may be the PI, asked in chat shorthand closed by 不
    ("博后可以当中以项目负责人不？", "eligibility", "eligibility.pi_role"),
    ("讲师能报不 中德那个", "eligibility", "eligibility.pi_role"),
    ("博士後可唔可以做中芬計畫負責人？", "eligibility", "eligibility.pi_role"),
    ("Can a postdoc be PI for the Korea energy direction?", "eligibility", "eligibility.pi_role"),
    # a third partner joining a direction
    ("以色列的大学可以作为第三方加入内地与澳门项目吗？", "participants", None),
    ("德國大學可唔可以作為第三方參加中奧項目？", "participants", None),
    (
        "Can a Finnish university join the China–Israel direction as a third partner?",
        "participants",
        None,
    ),
    # a company required, and its co-funding
    (
        "中奥产学研项目必须有企业参与并配套出资吗？配套多少？",
        "matching_funds",
        "matching_funds.company",
    ),
    ("中奧產學研計畫一定要有企業參與同埋出配套資金嗎？", "matching_funds", None),
    (
        "Must an industry partner join the Austria consortium and co-fund? How much co-funding?",
        "matching_funds",
        None,
    ),
    ("Is a company required in the China-Austria projects?", "eligibility", None),
    # an interview, the scoring, the results month, when the money arrives
    ("中德项目答辩是线上还是线下？", "review", None),
    ("中芬項目會唔會有面試答辯？", "review", None),
    ("How are the Israel proposals scored?", "review", None),
    ("中韩项目几月份出评审结果？", "deadline", "deadline.results"),
    ("When do we hear back about the Korea application?", "deadline", "deadline.results"),
    ("中奥项目什么时候能拿到钱？", "payment", None),
    ("When will we get the money for the Argentina project?", "payment", None),
    # the partner side's funder, and applying at it
    ("以色列方的资助机构是哪个？", "partner_funding", None),
    (
        "我们和韩国KIST合作，韩方的经费是韩国哪个部门出？我们财务要做预算表。",
        "partner_funding",
        None,
    ),
    ("韓方嘅對口部門係邊個？", "partner_funding", None),
    (
        "Does the Finnish partner need to apply at Business Finland at the same time?",
        "partner_funding",
        "partner_funding.approval",
    ),
    # the proposal's language, students in the team, an associate professor leading
    ("中俄项目的申报书要用俄文写吗？", "documents", None),
    ("Must the Russia proposal be written in English?", "documents", None),
    ("博士生可以参加中德项目吗？", "participants", None),
    ("Can a PhD student join the Finland project team?", "participants", None),
    ("副教授可以牵头中奥项目吗？", "eligibility", "eligibility.pi_role"),
    ("Can an associate professor lead the Austria project?", "eligibility", "eligibility.pi_role"),
    ("Is industry participation mandatory for the Austria call?", "eligibility", None),
    # intellectual property
    ("中以项目的知识产权归谁？", "ip", None),
    ("中芬項目嘅知識產權點樣分？", "ip", None),
    ("Who owns the IP in the China–Israel projects?", "ip", None),
    # how hard it is to win, the reports owed, applications per institution, the page count
    ("Is it hard to get the Finland funding?", "success_rate", None),
    ("What reports must we submit for the Germany project?", "reporting", None),
    (
        "How many applications can one university submit to the Israel direction?",
        "limits",
        None,
    ),
    ("每所大学可以申报几个中以项目？", "limits", None),
    ("每間大學可以報幾多個中芬項目？", "limits", None),
    ("中德项目申报书最多多少页？", "documents", None),
    ("中奧項目申請書要寫幾頁？", "documents", None),
    # a cost rule asked for a document: the document is no figure asked
    ("中以项目间接费用比例有没有上限？财务处做预算表要用。", "indirect_costs", None),
    (
        "Is there a limit on overhead for the Finland projects? We need it for our budget form.",
        "indirect_costs",
        None,
    ),
]


class TestMissingBesidePartner:
    """The aspect is named first and no figure of the named direction is given."""

    @pytest.mark.parametrize(("text", "missing", "notion"), _MISSING)
    def test_aspect_is_missing(self, engine, text, missing, notion):
        expect_missing(ask(engine, text), missing, notion, programs=[])

    @pytest.mark.parametrize(
        ("text", "wrapped"),
        [
            (
                "中德项目评审结果什么时候公布？",
                "老师您好，我们学院在做氢能。中德项目评审结果什么时候公布？谢谢！",
            ),
            ("博後可以當中芬計畫負責人不？", "你好呀～博後可以當中芬計畫負責人不？唔該晒"),
            (
                "Who reviews the Korea energy proposals, Chinese experts only or a joint panel?",
                "Hi! I work at KAIST on batteries. Who reviews the Korea energy proposals, "
                "Chinese experts only or a joint panel? Thanks a lot",
            ),
        ],
    )
    def test_wrapped_keeps_the_answer(self, engine, text, wrapped):
        expect_same_missing(ask(engine, text), ask(engine, wrapped))


class TestRelatedFigurePolicy:
    """A figure asked in a clause of its own is still given after the missing aspect; a
    measure word of the aspect's own clause, or of a document, asks no figure."""

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            ("芬兰方向总经费多少？另外评审结果什么时候公布？", "6000"),
            ("中德項目資助幾多個？另外博後可唔可以做負責人？", "5"),
            ("How much is the Israel budget, and who reviews the proposals?", "20 million"),
            ("老师好，想问两点：中以项目总经费多少？以方会不会同步出资？", "2000"),
        ],
    )
    def test_figure_asked_beside_is_given(self, engine, text, figure):
        expect_related(ask(engine, text), figure)

    @pytest.mark.parametrize(
        "text",
        [
            "The Israeli side: does its ministry fund its own teams, and with what budget?",
            "Any cap on overhead for the Germany projects? Our office needs it for the budget "
            "template.",
            "中芬项目管理费比例是多少？我们在填预算表。",
        ],
    )
    def test_measure_word_of_the_aspect_gives_no_figure(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "unknown", reply["text"]
        assert not reply["query"].get("related"), reply["query"]
        assert not any(f in reply["text"] for f in FIGURES), reply["text"]


class TestPeriodInAskingClause:
    """The period asked, beside context about a partner's own practice or a contract."""

    @pytest.mark.parametrize(
        "text",
        [
            "项目一般做几年？我们要给博士生签合同。",
            "项目周期多长？德国那边DFG一般是三年。",
            "一個計畫做幾耐？我哋要同研究助理簽約。",
            "How long is one project? Our postdoc contracts depend on it.",
            "How long does a project run? In Korea the NRF projects are usually 5 years.",
            "How many years the project run? We need plan for the student contract.",
            "项目执行几年？我们学校规定博士后合同两年。",
            "What is the duration of a project? Our PhD funding in Italy is 3 years.",
            "How many years is the funding? My Korean colleague said NRF gives five years.",
        ],
    )
    def test_period(self, engine, text):
        expect(ask(engine, text), "period", [], ["2~3"])

    def test_named_period_keeps_its_direction(self, engine):
        expect(ask(engine, "中德项目周期几年？"), "period", ["intl-1.8"])

    def test_period_and_money_are_both_answered(self, engine):
        expect(
            ask(engine, "How long are the Germany projects and how much money do they get?"),
            "detail",
            has=["20 million"],
        )


class TestWhatCanYouDo:
    @pytest.mark.parametrize(
        "text",
        [
            "您好，本服务可以提供哪些资料查询？",
            "本系統可以查詢哪些內容？",
            "呢個機械人係做咩用㗎？",
            "哈囉，呢個bot係做咩㗎？",
            "What is this bot for?",
            "What kind of information can this service give?",
            "你係咩嚟㗎？",
            "您好，這個系統是查什麼的？",
            "Hello! What are you able to tell me?",
        ],
    )
    def test_help(self, engine, text):
        assert ask(engine, text)["intent"] == "help"

    def test_a_service_asked_about_directions_is_not_help(self, engine):
        reply = ask(engine, "本系统可以查哪些方向？")
        assert reply["intent"] != "help"


class TestFieldNamedNowhere:
    @pytest.mark.parametrize(
        ("text", "term"),
        [
            ("我们做区块链，有没有哪个方向的领域里明确提到区块链？", "区块链"),
            ("有沒有哪個方向的領域裡面提到區塊鏈？", "區塊鏈"),
            ("有冇邊個方向嘅領域寫明咗區塊鏈？", "區塊鏈"),
            ("Which direction lists quantum technology explicitly?", "“quantum”"),
            ("Does any of the directions mention brain-computer interfaces?", "brain computer"),
            # "brain" is no typo of a place outside the call ("britain" is two edits away)
            ("Does any direction mention brain research?", "“brain”"),
            (
                "Does any direction explicitly mention quantum computing in its fields?",
                "“quantum computing”",
            ),
        ],
    )
    def test_unknown_field(self, engine, text, term):
        expect(ask(engine, text), "topic", [], [term])


class TestPlainQuestionsStayAnswered:
    """The new words of missing aspects leave the questions the notice answers alone."""

    @pytest.mark.parametrize(
        ("text", "intent", "figure"),
        [
            ("中奥项目资助几个？", "count", "4"),
            ("中芬項目平均每項幾多錢？", "average", "400"),
            ("What is the budget of the Israel direction?", "budget", "20 million"),
            ("Which directions fund hydrogen?", "topic", "hydrogen"),
            ("中以项目资助哪些领域？", "fields", "疫苗"),
            ("How long does a China-Finland project run?", "period", "2~3"),
        ],
    )
    def test_plain(self, engine, text, intent, figure):
        expect(ask(engine, text), intent, has=[figure])


class TestFieldNamedNowhereOfNamed:
    """A field no direction names, asked of a named one: its fields, saying first they do
    not name it."""

    @pytest.mark.parametrize(
        ("text", "program", "note"),
        [
            (
                "我们团队做量子计算，中德那个方向的领域里有没有写量子计算？",
                "intl-1.8",
                "没有明确提到",
            ),
            ("中芬項目有冇包區塊鏈？", "intl-1.6", "沒有明確提到"),
            ("Does the Finland direction cover robotics?", "intl-1.6", "do not mention"),
        ],
    )
    def test_fields_with_the_note(self, engine, text, program, note):
        reply = expect(ask(engine, text), "fields", [program])
        assert note in reply["text"].split("\n")[0], reply["text"]

    def test_a_known_topic_keeps_its_yes(self, engine):
        reply = ask(engine, "Does the Israel direction include vaccines?")
        assert reply["intent"] == "fields"
        assert "do not mention" not in reply["text"]
