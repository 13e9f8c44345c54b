"""Kinds of message of the fc7/fc8 round, each in zh-Hans, zh-Hant and English, with messages
of our own (not the sets' sentences). One class per branch keeps merges easy."""

from __future__ import annotations

import pytest

from bot.engine import Engine


def ask(engine: Engine, *turns: str) -> dict:
    reply = {}
    for t in turns:
        reply = engine.ask(t, "t").to_json()
    return reply


class TestUnknown:
    """Aspects the notice does not give: the reply says so and names the aspect (intent
    unknown), while plain figure questions about the same directions keep their answer."""

    @pytest.mark.parametrize(
        "text, aspect",
        [
            # the partner side's money (its own agency, co-funding), not the notice's figure
            ("中以合作里以方会出多少钱？", "partner_funding"),
            ("韓方政府會唔會出錢支持項目？", "partner_funding"),
            ("Will the Finnish side fund its researchers, or does the Chinese side pay?", None),
            ("Are the European partners paid by their own national agencies?", "partner_funding"),
            ("Is the Italian partner funded by Horizon Europe?", "partner_funding"),
            ("德國那邊出幾多錢？", "partner_funding"),
            ("中芬项目里芬方的经费由谁提供？", "partner_funding"),
            ("Does the Israeli agency co-fund these projects?", "partner_funding"),
            ("Does the Austrian partner get money from its national agency?", "partner_funding"),
            # allowed cost categories: personnel, equipment
            ("中意项目经费能不能发博士后工资？", "allowed_costs"),
            ("計畫經費能否編列設備費和人事費？", "allowed_costs"),
            ("Can we use the Spain grant to purchase new lab equipment?", "allowed_costs"),
            ("Are personnel costs eligible in the Israel projects?", "allowed_costs"),
            ("经费能用来开国际会议吗？", "allowed_costs"),
            ("項目經費可唔可以用嚟請研究助理？", "allowed_costs"),
            ("Can the Korea money be used to hire a postdoc?", "allowed_costs"),
            # extending the period
            ("项目做不完可以申请延期吗？", "extension"),
            ("執行期可以延長一年嗎？", "extension"),
            ("計畫執行期滿可以展延嗎？", "extension"),
            ("项目可以提前结题吗？", "extension"),
            ("Is a no-cost extension of the project possible?", "extension"),
            # moving money between directions or lines
            ("两个韩国方向的经费可以互相调剂吗？", "transfers"),
            ("預算可以在不同科目之間調劑嗎？", "transfers"),
            ("Can unused money be shifted from one direction to another?", "transfers"),
            ("可唔可以將經費由一個方向轉去另一個方向？", "transfers"),
            ("計畫經費可否流用？", "transfers"),
            # how the money is paid out, which documents to prepare
            ("經費係咪分期撥付？", "payment"),
            ("国拨经费什么时候到账？", "payment"),
            ("Is the grant disbursed in tranches?", "payment"),
            ("申請材料要準備啲咩？", "documents"),
            ("What supporting documents does the Israel call need?", "documents"),
            # the chance of success and the competition
            ("中以项目好中吗？", "success_rate"),
            ("中標機會大唔大？", "success_rate"),
            ("韩国能源那个一般几个人申请？", "success_rate"),
            ("What are our odds with the Austria programme?", "success_rate"),
            ("How many teams usually apply for the Russia direction?", "success_rate"),
            # another round, every year
            ("中芬项目还会有第二批吗？", "other_year"),
            ("中以項目每年都有嗎？", "other_year"),
            ("Is the Israel call held every year?", "other_year"),
            # where a proposal is submitted
            ("中俄项目在哪个系统填报？", "system"),
            ("計畫要在哪裡線上申報？", "system"),
            ("Where do we submit the Argentina proposal?", "system"),
            # other currencies and visas
            ("中芬项目经费按什么汇率折合成欧元？", "exchange_rate"),
            ("西班牙方向有幾多歐元？", "exchange_rate"),
            ("What is the Spain budget in euros?", "exchange_rate"),
            ("去俄罗斯合作要不要办签证？", "visas"),
            # prerequisites for applying
            ("中西项目是不是必须先有合作协议才能申报？", None),
            ("申請聯合實驗室計畫，是否需要已經成立聯合實驗室才可以申請？", "eligibility"),
            ("申报中俄项目有什么门槛？", "eligibility"),
            ("Must we already have a joint lab before applying for the Europe labs?", None),
        ],
    )
    def test_missing_aspect_is_named(self, engine: Engine, text: str, aspect: str | None) -> None:
        reply = ask(engine, text)
        assert reply["intent"] == "unknown", reply["text"]
        if aspect:
            assert aspect in reply["query"]["missing"]

    @pytest.mark.parametrize(
        "text, intent, programs, figure",
        [
            ("德国方向多少钱？", "budget", ["intl-1.8"], "2000"),
            ("德國方向有幾多經費？", "budget", ["intl-1.8"], "2000"),
            ("How much does the Germany direction get?", "budget", ["intl-1.8"], "20 million"),
            (
                "How much does the Chinese side give to the Germany direction?",
                "budget",
                ["intl-1.8"],
                "20 million",
            ),
            ("哪些方向支持医疗设备？", "topic", None, "1.3"),
            ("How long is the project period?", "period", None, "2"),
            ("中德計畫編列多少經費？", "budget", ["intl-1.8"], "2000"),
            ("Where can I apply for vaccine research?", "topic", None, "1.9"),
        ],
    )
    def test_plain_figure_questions_keep_their_answer(
        self, engine: Engine, text: str, intent: str, programs: list[str] | None, figure: str
    ) -> None:
        reply = ask(engine, text)
        assert reply["intent"] == intent, reply["text"]
        if programs is not None:
            assert reply["programs"] == programs
        assert figure in reply["text"]

    @pytest.mark.parametrize(
        "text, figure, missing",
        [
            ("意大利方向多少钱？另外中标率大概多少？", "2000", "中标率"),
            ("意大利方向有幾多錢？通過率又係幾多？", "2000", "中標率"),
            ("What is Italy's budget, and how high is the success rate?", "20 million", "success"),
            ("Italy budget please, and can the project be extended?", "20 million", "extended"),
            ("意大利方向的经费？另外能不能延期？", "2000", "延期"),
        ],
    )
    def test_missing_aspect_next_to_a_figure(
        self, engine: Engine, text: str, figure: str, missing: str
    ) -> None:
        """Say what is missing first, then the figure the notice gives, labelled."""
        reply = ask(engine, text)
        assert reply["intent"] == "unknown"
        assert reply["text"].index(missing) < reply["text"].index(figure)

    @pytest.mark.parametrize(
        "text",
        ["中德项目德方出多少钱？", "How much will the German side government pay?"],
    )
    def test_partner_money_gives_no_figure(self, engine: Engine, text: str) -> None:
        """The notice's figure is the Chinese side's: it never answers the partner's money."""
        reply = ask(engine, text)
        assert reply["intent"] == "unknown" and "2000" not in reply["text"]
        assert "20 million" not in reply["text"]

    @pytest.mark.parametrize("wrap", ["老师好！{}谢谢", "Hi, {} Thanks a lot!", "{} 🙏"])
    def test_wrapped_the_same(self, engine: Engine, wrap: str) -> None:
        for text in ("项目做不完可以申请延期吗？", "Can unused money be shifted elsewhere?"):
            wrapped = ask(engine, wrap.format(text))
            assert wrapped["query"]["missing"] == ask(engine, text)["query"]["missing"]

    @pytest.mark.parametrize(
        "text",
        [
            "中以平均每项多少钱？跟中意比哪个多？",
            "中以嗰個平均幾多錢？同中意比邊個多啲？",
            "Israel average per project? and which is more, Israel or Italy?",
        ],
    )
    def test_comparison_answered_for_one_is_not_sure(self, engine: Engine, text: str) -> None:
        """A comparison asked between two named directions is never answered with the figure
        of one of them: either the comparison, or "not sure" offering it."""
        reply = ask(engine, text)
        if reply["intent"] != "compare":
            assert reply["intent"] == "unknown" and reply["query"]["op"] == "unsure"
            assert "intl-1.2" in reply["query"]["readings"][0][1]

    @pytest.mark.parametrize(
        "text, named",
        [
            (
                "Which direction offers the largest average if we put aside the EU flagship?",
                "intl-1.4",
            ),
            ("欧盟旗舰放一边，哪个方向平均资助最高？", "intl-1.4"),
            ("歐盟旗艦放一邊，邊個方向平均資助最高？", "intl-1.4"),
        ],
    )
    def test_which_with_a_superlative_is_not_the_named_figure(
        self, engine: Engine, text: str, named: str
    ) -> None:
        """ "Which … the highest" asks a ranking: the figure of the one direction named beside
        it (to leave out) would be a confident answer to another question."""
        reply = ask(engine, text)
        assert reply["intent"] in ("rank", "unknown"), reply["text"]
        if reply["intent"] == "unknown":
            assert reply["query"]["readings"][0][0] == "rank"

    @pytest.mark.parametrize(
        "text, programs",
        [
            ("请问中德项目的资助领域是什么？我们研究中心很感兴趣。", ["intl-1.8"]),
            ("中芬項目有幾多錢？我哋係研究中心。", ["intl-1.6"]),
            ("How much for Austria? Our colleague is in Itly.", ["intl-1.7"]),
        ],
    )
    def test_a_name_written_out_wins_over_a_sound_alike(
        self, engine: Engine, text: str, programs: list[str]
    ) -> None:
        """中心 sounds like 中西 and Itly is spelt like Italy: the partner written out is the
        one asked about."""
        assert ask(engine, text)["programs"] == programs

    @pytest.mark.parametrize(
        "text",
        [
            "政府间方向里总经费超过5000万的有哪些？",
            "政府間方向裡總經費超過5000萬的有哪些？",
            "Which intergovernmental directions have a total above CNY 50 million?",
        ],
    )
    def test_the_call_named_restricts_a_filter(self, engine: Engine, text: str) -> None:
        """政府间方向 names the intergovernmental call: the Macao direction is not among them."""
        reply = ask(engine, text)
        assert reply["programs"] and all(p.startswith("intl-") for p in reply["programs"])

    @pytest.mark.parametrize(
        "text",
        [
            "政府间专项里项目数最少的方向是哪个？",
            "政府間專項裡面邊個方向經費最少？",
            "Which intergovernmental direction has the fewest projects?",
        ],
    )
    def test_a_ranking_within_the_call_named(self, engine: Engine, text: str) -> None:
        reply = ask(engine, text)
        assert reply["intent"] == "rank"
        assert reply["programs"] and all(p.startswith("intl-") for p in reply["programs"])

    @pytest.mark.parametrize(
        "text", ["港澳台项目里哪个方向经费最多？", "Which HMT direction has the largest budget?"]
    )
    def test_which_in_a_call_of_one_direction_is_answered(self, engine: Engine, text: str) -> None:
        """A call of one direction answers "which … the most" by itself: not "not sure"."""
        assert ask(engine, text)["intent"] != "unknown"

    @pytest.mark.parametrize(
        "text, intent",
        [
            (
                "Our partner is funded by Horizon Europe; what fields does the EU flagship cover?",
                "fields",
            ),
            ("我们实验室设备很齐全，想问中德方向总经费多少？", "budget"),
            ("我們的上一個計畫延期過，想問意大利方向支持幾個項目？", "count"),
        ],
    )
    def test_an_aspect_in_a_sentence_of_context_is_not_asked(
        self, engine: Engine, text: str, intent: str
    ) -> None:
        assert ask(engine, text)["intent"] == intent

    @pytest.mark.parametrize(
        "text, programs",
        [
            ("We extended our last project twice. What is the Finland budget?", ["intl-1.6"]),
            ("我们上个项目延期了两倍时间。芬兰方向经费多少？", ["intl-1.6"]),
            ("我哋上個項目做咗兩倍時間。芬蘭方向經費幾多？", ["intl-1.6"]),
        ],
    )
    def test_a_factor_in_context_is_no_threshold(
        self, engine: Engine, text: str, programs: list[str]
    ) -> None:
        reply = ask(engine, text)
        assert reply["intent"] == "budget" and reply["programs"] == programs
