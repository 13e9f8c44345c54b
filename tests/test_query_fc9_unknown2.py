"""Kinds of message of fc9/fc10 about what the notice does not give and about places outside
the call (helper i8-unknown2), each with messages of our own in Simplified Chinese, Traditional
Chinese and English: the partner side's own money, funding period and rules; a share of the
money per field; amounts per year; a claimed figure checked; a place outside the call beside a
request for the partner list or in a sentence of context. Both sides are tested: the plain
figure questions keep their answer."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect

ALL = [f"intl-1.{i}" for i in range(1, 10)] + [f"intl-2.{i}" for i in range(6)] + ["hmt-1.1"]


class TestPartnerSide:
    """The partner side's own agency, money, period and rules are not in the notice."""

    @pytest.mark.parametrize(
        ("text", "missing"),
        [
            ("芬兰科学院也会给芬方团队出钱吗？", "partner_funding"),
            ("芬蘭科學院會唔會都俾錢芬方團隊？", "partner_funding"),
            (
                "Will the Academy of Finland also provide funding to the Finnish researchers?",
                "partner_funding",
            ),
            ("Which agency funds the German side of the project?", "partner_funding"),
            ("德国那边的资助期限是多长？德方资助几年？", "partner_terms"),
            ("德方的資助期限係幾耐？", "partner_terms"),
            ("What is the funding period for the German side?", "partner_terms"),
            ("Austrian side funding lasts how long?", "partner_terms"),
            ("What is the German side funding period?", "partner_terms"),
            ("What is the Finnish side budget?", "partner_funding"),
            ("中方和德方的执行期一样吗？", "partner_terms"),
            ("以方合作单位必须是大学吗，可以是企业吗？", "partner_terms"),
            ("以方合作單位一定要係大學？可唔可以係企業？", "partner_terms"),
            ("Must the Israeli partner be a university, or can it be a startup?", "partner_terms"),
        ],
    )
    def test_partner_side_is_missing(self, engine, text, missing):
        reply = ask(engine, text)
        assert reply["intent"] == "unknown"
        assert missing in reply["query"]["missing"]
        assert "CNY" not in reply["text"] and "万元" not in reply["text"]

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            ("中以项目有几个？以色列创新署给每个以方团队多少钱？", "10"),
            (
                "How many projects in China–Israel, and how much does the Israeli ministry give "
                "each Israeli team?",
                "10",
            ),
        ],
    )
    def test_the_chinese_figure_beside_it_is_labelled(self, engine, text, figure):
        reply = ask(engine, text)
        assert reply["intent"] == "unknown"
        assert "partner_funding" in reply["query"]["missing"]
        assert figure in reply["text"]

    @pytest.mark.parametrize(
        ("text", "intent", "figure"),
        [
            ("中芬项目总经费多少？", "budget", "6000"),
            ("中芬項目總經費係幾多？", "budget", "6000"),
            ("What is the total budget of the Finland direction?", "budget", "60 million"),
            ("中德项目实施周期多长？", "period", "2"),
            ("How long do the projects of the China–Germany direction run?", "period", "2"),
            ("中国科学院会出钱吗？", "budget", "49600"),
            ("What is our side budget for the Finland direction?", "budget", "60 million"),
            # "the ministry" alone is the notice's own (Chinese) side
            (
                "How much does the ministry give to each project of the Finland direction?",
                "average",
                "4 million",
            ),
            (
                "Does the Ministry of Science and Technology give money to the Finland direction?",
                "budget",
                "60 million",
            ),
        ],
    )
    def test_the_chinese_side_keeps_its_answer(self, engine, text, intent, figure):
        expect(ask(engine, text), intent, has=[figure])


class TestSharesAndYears:
    """A share of the money per field and an amount per year are not given; the EU flagship's
    money per track is."""

    @pytest.mark.parametrize(
        ("text", "missing"),
        [
            ("中以项目的经费在水技术和医疗研究之间怎么分配？", "field_shares"),
            ("中以項目嘅經費喺各領域點樣分配？", "field_shares"),
            (
                "For the Israel direction, how is the budget split between water and medical "
                "research?",
                "field_shares",
            ),
            ("中芬项目平均每年多少钱？", "per_year"),
            ("中芬項目每年幾多錢？", "per_year"),
            ("How much does the Finland direction get per year?", "per_year"),
        ],
    )
    def test_not_given(self, engine, text, missing):
        reply = ask(engine, text)
        assert reply["intent"] == "unknown"
        assert reply["query"]["missing"] == [missing]
        assert "%" not in reply["text"]

    @pytest.mark.parametrize(
        "turns",
        [
            ("南非联合研究多少钱", "那每年平均多少？"),
            ("南非聯合研究幾多錢", "咁每年幾多？"),
            ("Budget of the South Africa joint research?", "and per year?"),
        ],
    )
    def test_per_year_as_a_follow_up(self, engine, turns):
        reply = ask(engine, *turns)
        assert reply["intent"] == "unknown"
        assert "per_year" in reply["query"]["missing"]

    @pytest.mark.parametrize(
        "text",
        [
            # the call is a yearly one: its annual budget is its total
            "What is the annual budget of the intergovernmental call?",
            "政府间专项年度经费是多少？",
            "政府間專項年度經費係幾多？",
        ],
    )
    def test_annual_budget_of_the_call_is_its_total(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] == "budget"
        assert "49600" in reply["text"] or "496 million" in reply["text"]

    @pytest.mark.parametrize(
        "text",
        [
            "What share of the EU flagship money goes to the climate track?",
            "欧盟旗舰项目的经费在两个领域之间怎么分配？",
        ],
    )
    def test_money_per_track_is_given(self, engine, text):
        reply = ask(engine, text)
        assert reply["intent"] != "unknown"
        assert "intl-1.4" in reply["programs"]

    @pytest.mark.parametrize(
        "text",
        [
            "政府间专项的经费在各方向之间怎么分配？",
            "How is the budget split between the directions?",
        ],
    )
    def test_money_per_direction_is_given(self, engine, text):
        assert ask(engine, text)["intent"] == "budget"


class TestClaimChecked:
    """A figure claimed and checked asks that figure: the answer states the notice's."""

    @pytest.mark.parametrize(
        ("text", "has"),
        [
            ("听说中德支持10个项目，对吗？总经费多少？", ["5", "2000"]),
            ("聽講中德支援10個項目，係咪真㗎？總經費幾多？", ["5", "2000"]),
            (
                "A friend said Germany funds 10 projects, is that true? And the total budget?",
                ["5", "20 million"],
            ),
            (
                "Hi, someone told me Germany has 10 projects, is that right? And the total?",
                ["5", "20 million"],
            ),
        ],
    )
    def test_claim_and_another_measure_is_the_card(self, engine, text, has):
        expect(ask(engine, text), "detail", ["intl-1.8"], has)

    @pytest.mark.parametrize(
        "text",
        [
            "听说中德支持10个项目，对吗？",
            "聽講中德支援10個項目，係咪真？",
            "I heard Germany supports 10 projects, is that right?",
        ],
    )
    def test_claimed_count_alone(self, engine, text):
        expect(ask(engine, text), "count", has=["5"])


class TestPlacesOutsideTheCall:
    """A place outside the call beside a request for the partner list is the partner list
    (saying the place is not one); in a sentence of context it does not hide the question."""

    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ("巴西是合作国家吗？如果不是，有哪些国家？", "巴西"),
            ("巴西係咪合作國家？唔係嘅話有邊啲國家？", "巴西"),
            ("Is Brazil a partner? If not, which countries can we work with?", "Brazil"),
            (
                "Please list the partner countries, I want to check whether Japan is there.",
                "Japan",
            ),
        ],
    )
    def test_partner_list_beside_a_place(self, engine, text, place):
        reply = expect(ask(engine, text), "partners", ALL)
        assert place in reply["text"].split("\n")[0]

    @pytest.mark.parametrize(
        "text",
        [
            "我是巴西来的访问学者。哪些方向支持食品安全？",
            "我係巴西嚟嘅訪問學者。邊啲方向支援食品安全？",
            "I am an Indian postdoc, I work on food. Which directions cover food safety?",
        ],
    )
    def test_place_in_context_before_a_topic(self, engine, text):
        expect(ask(engine, text), "topic", ["intl-1.3", "intl-2.4"])

    @pytest.mark.parametrize(
        "text", ["印度的经费多少？", "印度嘅經費幾多？", "How much money for India?"]
    )
    def test_a_place_asked_is_still_not_in_the_call(self, engine, text):
        expect(ask(engine, text), "unknown", [])

    @pytest.mark.parametrize(
        "text",
        [
            "一共有多少个国家和地区可以合作？请都列出来",
            "總共有幾多個國家同地區可以合作？唔該列晒出嚟",
            "How many partner countries are there? Please list them.",
        ],
    )
    def test_partners_counted_are_the_partners(self, engine, text):
        expect(ask(engine, text), "partners", ALL)

    @pytest.mark.parametrize(
        "text",
        [
            "有哪些合作国家？我想看看有没有拉丁美洲的。",
            "有邊啲合作國家？我想睇下有冇拉丁美洲嘅。",
            "Please list the partner countries. We want to know if any are in Africa.",
        ],
    )
    def test_partner_list_checked_for_a_region_is_the_list(self, engine, text):
        expect(ask(engine, text), "partners", ALL)

    @pytest.mark.parametrize(
        ("text", "programs"),
        [
            ("Which partner countries are there in Latin America?", ["intl-2.4"]),
            ("拉丁美洲有哪些合作国家？", ["intl-2.4"]),
            ("Which African partners are there?", ["intl-2.2", "intl-2.3"]),
        ],
    )
    def test_a_region_asked_narrows(self, engine, text, programs):
        assert sorted(ask(engine, text)["programs"]) == programs

    def test_whether_is_not_weather(self, engine):
        reply = ask(engine, "Can you tell me whether Spain is a partner and its budget?")
        assert reply["intent"] != "unknown"
        assert "intl-1.3" in reply["programs"]
