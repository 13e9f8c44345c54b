"""What the notice does not give, asked beside a named direction after fc41/fc42 were scored,
each on messages other than the sets' own: who may lead or apply (oneself, a retired or foreign
researcher, a hospital as the applying institution, a degree), subcontracting and money sent to
a partner abroad, the proposal's language and length, the last day and the results, reports,
patents, ethics approval, one's own money; a question tag after the clause it asks ("…, allowed?",
"…，可以吗？"); what the bot cannot answer (help); a purpose clause naming the success rate
before a ranking."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect, expect_missing

WRAPS = ["您好！{}", "{}谢谢！", "Hi, I am a researcher at Sichuan University. {}"]


@pytest.mark.parametrize(
    "message",
    [
        "Can I be the project leader of a China-Finland project? What are the requirements?",
        "I am retired professor, can I still apply China-Germany?",
        "My supervisor is retired, can he lead a China-Spain project?",
        "Our company in Suzhou wants to be the leader of the China-Austria project, possible?",
        "Is it ok that a Chinese hospital is the main applicant in China-Israel?",
        "Can University of Macau apply for the Mainland–Macao joint project?",
        "Kindly tell the eligibility criteria for China-Argentina. Is PhD mandatory?",
        "我是在华工作的外籍研究员，请问我可以牵头申报中意项目吗？",
        "退休返聘的老师还能申请中俄项目吗？",
        "中芬项目申报要求是什么？",
        "中歐聯合實驗室計畫可否由醫學中心擔任申請機構？",
        "我係澳門大學嘅副教授，可唔可以做中德項目嘅負責人？",
        "中西計畫的申請人要有博士學位嗎？",
    ],
)
def test_who_may_lead_or_apply_is_not_given(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "eligibility")


@pytest.mark.parametrize(
    "message",
    [
        "We want to subcontract the field survey to a company in Chile for China-Argentina, ok?",
        "Can part of the China-Italy work be outsourced to a private lab?",
        "我们想把中俄项目的一部分测试任务委托给一家公司做，可以吗？",
        "中以項目可唔可以將部分工作外包俾第三方？",
    ],
)
def test_subcontracting_is_not_given(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "subcontract")


@pytest.mark.parametrize(
    "message",
    [
        "Can my partner institute in Pretoria receive part of the funds from China-South Africa?",
        "Can some money of the China-Spain project go to our partner in Valencia?",
        "中意项目的经费能不能分一部分给米兰的合作方？",
        "中南非项目的费用能不能在当地支付？",
    ],
)
def test_money_for_the_partner_abroad_is_not_given(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "funds_abroad")


@pytest.mark.parametrize(
    "message",
    [
        "How many pages is the proposal for China-Israel?",
        "Is there limit of pages for the China-Korea proposal?",
        "Proposal of China-Finland should be English or Chinese?",
        "中俄計畫的計畫書要用什麼語言撰寫？",
        "中西项目申请书要用哪种语言写？",
    ],
)
def test_the_proposals_language_and_length_are_not_given(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "documents")


@pytest.mark.parametrize(
    "message",
    [
        "What is the last date for submission of the China-Germany proposals?",
        "By when do we submit the China-Russia application?",
        "When we know if our China-Austria proposal is accepted?",
        "中阿项目最迟什么时候要交？",
        "中奧計畫幾時公告結果？",
    ],
)
def test_dates_are_not_given(engine: Engine, message: str) -> None:
    expect_missing(ask(engine, message), "deadline")


@pytest.mark.parametrize(
    ("message", "missing"),
    [
        ("How often we must report progress in the China-Korea project?", "reporting"),
        ("中意計畫要繳交期中報告嗎？", "reporting"),
        ("Who keeps the patents from the China-Israel project?", "ip"),
        ("Does the China-EU flagship health project need ethics approval?", "ethics"),
        ("中南非项目涉及动物实验，需要伦理审批吗？", "ethics"),
        ("中德計畫需要IRB審查嗎？", "ethics"),
        ("Do we need to bring own money for the China-Italy project?", "matching_funds"),
        ("中芬計畫需要學校配合款嗎？", "matching_funds"),
        ("Can we buy a spectrometer with the China-Spain money?", "allowed_costs"),
        ("Can we pay flight tickets to Israel from the China-Israel budget?", "allowed_costs"),
        ("中奥项目的研究生补助怎么算？", "allowed_costs"),
    ],
)
def test_other_aspects_are_not_given(engine: Engine, message: str, missing: str) -> None:
    expect_missing(ask(engine, message), missing)


@pytest.mark.parametrize("wrap", WRAPS)
def test_wrapped_aspects_stay_unknown(engine: Engine, wrap: str) -> None:
    expect_missing(ask(engine, wrap.format("中以项目可以由外籍教授担任负责人吗？")), "eligibility")
    expect_missing(
        ask(engine, wrap.format("Can we subcontract part of the China-Finland work, allowed?")),
        "subcontract",
    )


@pytest.mark.parametrize(
    "message",
    [
        "I am a journalist. What exactly can you tell me about, and what can't you?",
        "What can't you answer?",
        "What are your limits?",
        "你有咩答唔到？",
        "有什么问题是你回答不了的？",
        "你不能回答哪些问题？",
    ],
)
def test_what_the_bot_cannot_answer_is_help(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "help")


@pytest.mark.parametrize(
    "message",
    [
        "我院与芬兰、意大利都有合作，也和南非有项目。为了提高立项几率，想问项目数最多的是哪个方向？",
        "為咗提高立項幾率，想問平均資助額最高嘅係邊個方向？",
    ],
)
def test_a_purpose_naming_the_chance_does_not_ask_it(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "rank", reply["text"]
    assert len(reply["programs"]) > 5, reply["programs"]


def test_the_chance_asked_by_a_not_a_stays_unknown(engine: Engine) -> None:
    expect_missing(ask(engine, "中德项目立项几率大不大"), "success_rate")


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # a figure asked beside a statement about the asker or a question tag is still answered
        ("I am a retired professor. What fields does China-Austria fund?", "fields"),
        ("我是博士后，想知道中芬项目总经费多少？", "budget"),
        ("中德项目的钱可以分给几个项目？", "count"),
        ("Please tell me the budget of China-Italy.", "budget"),
        ("I work on hydrogen, can I apply to China-Germany?", "fields"),
        # the office the asker works in is no submission route
        ("我们科研处在做一张对照表：总经费最多的是哪个方向？", "rank"),
    ],
)
def test_answerable_questions_stay_answered(engine: Engine, message: str, intent: str) -> None:
    assert ask(engine, message)["intent"] == intent


@pytest.mark.parametrize(
    ("message", "missing"),
    [
        ("中俄项目可以有几个共同负责人？", "participants"),
        ("How many co-PIs are allowed in China-Spain?", "participants"),
        ("中意项目可以有外单位的专家作为项目骨干吗？", "participants"),
        ("中以项目可以给以色列学生发生活补贴吗？", "allowed_costs"),
        ("中韓計畫可以聘請專任助理嗎？", "allowed_costs"),
        ("中德項目啲錢可唔可以用嚟買電腦？", "allowed_costs"),
        ("中芬项目的立项结果大概几月份公布？", "deadline"),
        ("When is the announcement of the China-Russia winners?", "deadline"),
        ("中欧联合实验室项目执行期间要提交几次报告？", "reporting"),
        ("中意計畫結案要交什麼？", "reporting"),
        ("中德项目的论文怎么署名？", "ip"),
        ("中芬計畫的智慧財產權歸誰？", "ip"),
        ("中俄項目啲專利係邊個㗎？", "ip"),
        ("Who has rights on the data produced in the China-Korea project?", "ip"),
        ("中以项目以方由以色列创新署资助多少？", "partner_funding"),
        ("中芬項目個PI可唔可以係外國人？", "eligibility"),
        ("Can the PI be from a private company in China-Austria?", "eligibility"),
        ("What is the max length of the China-Italy proposal?", "documents"),
        ("Is Chinese language required for the China-Israel application?", "documents"),
        ("Is the review done by NSFC for China-Finland?", "review"),
        ("Is human subjects approval needed for the China-Spain biomedicine project?", "ethics"),
    ],
)
def test_more_aspects_are_not_given(engine: Engine, message: str, missing: str) -> None:
    expect_missing(ask(engine, message), missing)


def test_period_framed_before_its_question_names_the_direction(engine: Engine) -> None:
    reply = ask(engine, "中以项目的实施周期，大概几年？")
    expect(reply, "period", ["intl-1.9"])
    reply = ask(engine, "內地與澳門項目嘅實施周期，通知有冇講係幾耐？")
    assert reply["intent"] == "unknown" and reply["programs"] == ["hmt-1.1"], reply


def test_fields_asked_after_a_figure_are_the_fields(engine: Engine) -> None:
    reply = ask(engine, "內地與澳門項目總經費係幾多？", "咁佢資助咩領域㗎？有冇包新材料？")
    expect(reply, "fields", ["hmt-1.1"])


@pytest.mark.parametrize(
    ("message", "missing"),
    [
        ("中德项目可以有几个共同申请人？", "participants"),
        ("中俄项目可以两家单位联合牵头吗？", "participants"),
        ("中意项目可以有几家合作单位？", "partner_requirements"),
        ("中欧联合实验室项目的外方必须是欧盟成员国吗？", "partner_requirements"),
        ("中奥项目的企业合作方能不能拿国拨经费？", "funds_abroad"),
        ("Can we spend the China-Israel money in Israel for sampling?", "funds_abroad"),
        ("中以项目国拨经费需要审计吗？", "reporting"),
        ("Does the China-Finland project need an audit at the end?", "reporting"),
        ("中韩项目的结余经费怎么处理？", "allowed_costs"),
        ("What happens to unused money in the China-Italy project?", "allowed_costs"),
        ("中俄計畫一個人可以申請幾件？", "limits"),
        ("Can one PI apply both China-Spain and China-Italy?", "limits"),
        ("中芬项目可以更换负责人吗？", "changes"),
        ("中德項目個負責人可唔可以中途換人？", "changes"),
        ("Can the PI change during the China-Russia project?", "changes"),
        ("中西项目负责人是否需要有海外经历？", "eligibility"),
        ("Can a German professor be the Chinese side PI in China-Germany?", "eligibility"),
    ],
)
def test_changes_audits_and_partners_shares_are_not_given(
    engine: Engine, message: str, missing: str
) -> None:
    expect_missing(ask(engine, message), missing)


@pytest.mark.parametrize(
    ("message", "missing"),
    [
        ("中以项目的国际合作交流费有上限吗？", "allowed_costs"),
        ("中阿計畫的經費可以支付國外學者的酬勞嗎？", "allowed_costs"),
        ("Is foreign travel covered in the China-Korea project?", "allowed_costs"),
        ("中意項目可唔可以俾錢意大利嗰邊？", "funds_abroad"),
        ("Can the Finnish side receive part of our grant?", "funds_abroad"),
        ("中西項目個負責人要唔要正高？", "eligibility"),
        ("我们是地方研究所，能否作为中俄项目的承担单位？", "eligibility"),
        ("When will the China-Spain call open?", "deadline"),
        ("中芬项目的企业需要是芬兰注册企业吗？", "partner_requirements"),
        ("中以项目需要双方联合提交申请书吗？", "agreements"),
        ("中德项目有没有规定合作双方的人员比例？", "participants"),
        ("中韓項目嘅評審準則係點？", "review"),
        ("Do we report to MOST every year for China-Argentina?", "reporting"),
    ],
)
def test_costs_sides_and_rules_in_other_words_are_not_given(
    engine: Engine, message: str, missing: str
) -> None:
    expect_missing(ask(engine, message), missing)


@pytest.mark.parametrize(
    ("message", "missing", "figure"),
    [
        ("What is the deadline and the total budget of China-Israel?", "deadline", "20 million"),
        ("中俄项目资助几个项目？可以外包吗？", "subcontract", "20个"),
    ],
)
def test_a_figure_asked_beside_an_aspect_is_given_as_related(
    engine: Engine, message: str, missing: str, figure: str
) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "unknown" and missing in reply["query"]["missing"], reply
    assert figure in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("message", "missing"),
    [
        ("中芬項目嘅申請要經學校科研處交？", "system"),
        ("中德項目嘅成果係咪兩邊共有？", "ip"),
        ("How many months before we get the money for China-Spain?", "payment"),
        ("Is it necessary to have previous collaboration with an Israeli partner?", "eligibility"),
        ("We are a startup in Hangzhou. Is China-Finland open for us to apply?", "eligibility"),
        ("中俄項目個PI可唔可以喺澳門？", "eligibility"),
        ("How many times can we submit a proposal for China-Italy?", "limits"),
        ("Can we change the partner institution after the China-Korea project starts?", "changes"),
        ("中西计划需要外方出具同意书吗？", "agreements"),
        ("中阿計畫的出國差旅可以搭商務艙嗎？", "allowed_costs"),
        ("中以計畫的審查會要簡報嗎？", "review"),
        ("中芬項目使唔使搵芬蘭嘅公司一齊做？", "partner_requirements"),
    ],
)
def test_routes_results_and_partners_in_other_words_are_not_given(
    engine: Engine, message: str, missing: str
) -> None:
    expect_missing(ask(engine, message), missing)


@pytest.mark.parametrize(
    ("message", "missing"),
    [
        ("中德项目的中方经费可以支付德方的差旅吗？", "allowed_costs"),
        ("中芬項目啲錢可唔可以請芬蘭嘅博士後？", "allowed_costs"),
        ("中韓計畫的執行期間可以變更研究內容嗎？", "changes"),
        ("Can two Chinese institutes share the budget of China-Korea project?", "participants"),
        ("Who decides the final list of China-Italy projects?", "review"),
        ("Does our institute need to add own money to the China-Spain budget?", "matching_funds"),
        ("中俄項目使唔使交財務報告？", "reporting"),
        ("Do the Chinese and Israeli sides share the patents equally?", "ip"),
        ("中以项目的申报人必须是在职人员吗？", "eligibility"),
    ],
)
def test_held_out_sweep_kinds_are_not_given(engine: Engine, message: str, missing: str) -> None:
    expect_missing(ask(engine, message), missing)
