"""A sweep of kinds after fc47 and fc48 (round 16): the partner list asked after context about
the asker's work, with a clause of purpose after it, or as a follow-up ("list them") after the
partners were counted; a greeting that only says where the asker writes from; whether an
institution may take part in one direction or only in another (two directions named, no figure
asked: the notice does not say); a direction and "the other" direction of its partner; and a
direction's total asked after a sentence about a project the asker was in (no average asked).
Expected directions are read from the knowledge file, never written here."""

from __future__ import annotations

import pytest
import yaml

from knowledge import bundled_path
from tests.asking import ask

KNOWLEDGE = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
DIRECTIONS = {d["id"]: d for d in KNOWLEDGE["directions"]}


def _of(partner: str) -> list[str]:
    return sorted(i for i, d in DIRECTIONS.items() if d["partner"] == partner)


# -- the partner list, after context, with a purpose, or as a follow-up -------------------------

PARTNER_LISTS = [
    # after a sentence about the asker's work that names a topic
    (
        (
            "We work with a Chinese university on food processing. Which countries are "
            "partners in this call?"
        ),
    ),
    (
        (
            "I am a lecturer at an agricultural university, we collaborate on food safety. "
            "Kindly which countries are partners in the intergovernmental call?"
        ),
    ),
    (
        (
            "Our lab does hydrogen research with colleagues in Wuhan. What partner countries "
            "does this intergovernmental call have?"
        ),
    ),
    ("我们课题组长期做食品加工研究。请问这个专项有哪些合作国家？",),
    ("我們團隊做氫能研究，想問這個專項有哪些合作國家？",),
    ("我校与华中农业大学在食品加工方面合作多年。请问本次政府间专项的合作国家有哪些？",),
    # a clause of purpose after the question
    ("副校长想了解：这个专项一共有哪些合作国家？各学院好对口联系。",),
    ("这个专项有哪些合作国家？方便各学院对接。",),
    ("請問這個專項有哪些合作國家？好讓各學院安排聯繫。",),
    ("呢個專項有邊啲合作國家？方便我哋通知各學院。",),
    (
        (
            "Which countries are partners in this call? So that our faculties can contact "
            "their counterparts."
        ),
    ),
    ("Which partner countries does the call have? This is for our dean to plan visits.",),
    ("政府间专项合作国家有哪些？以便学院对口联系。",),
    # a follow-up after the partners were counted
    ("How many countries and organisations does the call cooperate with?", "can you list them?"),
    ("How many partner countries are there?", "list them please"),
    ("How many partner countries are there?", "which ones?"),
    ("How many countries does this call work with?", "what are they?"),
    ("How many countries and organisations does the call cooperate with?", "could you list them?"),
    ("一共有多少个合作国家？", "分别是哪些？"),
    ("一共有多少个合作国家？", "都列出来"),
    ("合作国家有几个？", "是哪几个？"),
    ("這個專項同幾多個國家合作？", "係邊啲？"),
    ("這個專項同幾多個國家合作？", "分別是哪些？"),
    ("一共有多少个合作国家？", "列一下"),
    ("We are a group doing water treatment. Which countries take part in the 2023 call?",),
    ("我们学院主要做新材料，想问一下政府间专项都有哪些合作国家和地区？",),
    ("我哋實驗室做人工智能，想問下今次專項有邊啲合作國家？",),
    ("领导让我问：这个专项合作国家都有哪些？我们好提前联系外方。",),
    ("What are the partner countries of the call? We want to brief our faculties.",),
    ("Which partners are in the call? I need it for a report to my dean.",),
    ("合作国家有哪些？用于学校内部通知。",),
    ("合作國家有邊啲？我哋要通知各院系。",),
    ("how many partners does this call have?", "Please list all of them"),
    ("How many countries does the call involve?", "name them"),
    ("这个专项涉及多少个国家？", "具体是哪些？"),
    ("這個專項涉及幾多個國家？", "邊啲國家？"),
    ("总共多少合作国家", "哪些"),
    ("how many partner countries and organisations", "ok, and which are they?"),
    ("I work on hydrogen at KIT. Kindly list the partner countries of this call.",),
    ("我是做疫苗研究的，这个专项能跟哪些国家合作？",),
    ("我哋系做海水淡化嘅，想知道政府間專項有邊啲合作國家",),
    ("合作國家一共有邊啲？各學院好對口聯繫。",),
    ("请列出这个专项所有合作国家，方便我们分发给各学院。",),
    ("Please list the partner countries, so each faculty can reach out.",),
    ("how many countries r in the call?", "can u list them"),
    ("How many international partners are there?", "Which ones exactly?"),
    ("合作方一共几个？", "都有谁？"),
    ("這個專項有幾多個合作方？", "列晒出嚟"),
    ("幾多個合作國家？", "係邊幾個？"),
    (
        "Dear colleagues, our university in Lagos works on solar energy with Tsinghua. "
        "May I know which nations are partners of the 2023 intergovernmental programme?",
    ),
    ("我們在台北做半導體研究。想請問本次政府間專項合作國家有哪些？",),
    ("您好，我院主要从事中医药研究。请问本专项涉及哪些合作国家和国际组织？",),
    ("请问本专项的合作国家有哪些？我们要据此安排各学院对接。",),
    ("partner countries of this call pls? need to forward to our dept heads",),
    ("What's the number of partner countries?", "ok list them"),
    ("一共几个国家？", "分别是？"),
    ("合作國家數量係幾多？", "咁分別係邊啲？"),
]


@pytest.mark.parametrize("turns", PARTNER_LISTS)
def test_partner_list_asked(engine, turns: tuple[str, ...]) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == "partners", reply
    assert len(reply["programs"]) >= 15, reply


# -- a greeting that says where the asker writes from ------------------------------------------

GREETINGS = [
    "Hi!! good morning from Valencia",
    "Hello from Nairobi!",
    "Greetings from Pretoria.",
    "Good morning from Helsinki, Finland",
    "hi from Buenos Aires",
    "Hello, greetings from Tel Aviv",
    "你好，我来自巴塞罗那",
    "老师好，我在赫尔辛基",
    "您好！我们来自内罗毕",
    "你好呀，我喺巴塞隆拿",
    "早晨，我系嚟自瓦倫西亞嘅",
    "大家好，我來自比勒陀利亞",
    "Hi there, writing from Johannesburg",
    "Good afternoon from Seoul!",
    "hello!! greetings from Moscow :)",
    "老师您好，我是从莫斯科来的",
    "您好，我们在首尔",
    "Hey, from Rome",
    "Good evening from Buenos Aires!",
    "Hello hello, from St Petersburg",
    "嗨，我在以色列海法",
    "你好，我是南非比勒陀利亚大学的",
    "Hi, I am a professor at the University of Pretoria.",
    "Greetings from Jomo Kenyatta University!",
    "Hi all, good morning from Tehran",
    "大家好，我们是西班牙瓦伦西亚理工大学的",
    "Good morning! I'm with the University of Valencia.",
    "Hello from the University of Helsinki!",
    "hi, im from argentina",
    "早上好！我在莫斯科",
]


@pytest.mark.parametrize("text", GREETINGS)
def test_greeting_with_origin_is_help(engine, text: str) -> None:
    assert ask(engine, text)["intent"] == "help"


# -- who may take part in one direction or only in another: the notice does not say ---------------

ELIGIBILITY = [
    (
        "The China-Europe joint laboratory direction: can spanish universities participate "
        "there or only in the Spain direction?"
    ),
    "Can Austrian universities apply to the EU flagship or only to the Austria direction?",
    "Can German institutes join the EU joint labs or only the Germany direction?",
    "Can Finnish companies take part in the EU general projects or only in the Finland direction?",
    "西班牙的大学可以参加中欧联合实验室方向，还是只能参加中西方向？",
    "奥地利的高校能参与欧盟旗舰吗？还是只能参加中奥方向？",
    "德国的研究所可以参加中欧联合实验室，还是只能参加中德方向？",
    "西班牙嘅大學可唔可以參加中歐聯合實驗室，定係淨係可以參加中西方向？",
    "芬蘭的大學可以參加歐盟旗艦嗎？還是只能參加中芬方向？",
    "Can Italian universities join the EU joint lab direction or only the Italy direction?",
    "Are Korean companies allowed in the Korea energy direction or only universities?",
    "意大利的高校能参加中欧联合实验室吗，还是只能申报中意方向？",
    "韓國的企業可以參加中韓能源方向，還是只能參加中韓聯合研究？",
    "Is an Israeli institute allowed to join the EU joint labs or only the Israel direction?",
    "以色列的研究所能加入中欧联合实验室，还是只能申报中以方向？",
    "俄羅斯嘅大學可唔可以報中歐旗艦？定係淨係可以報中俄方向？",
    "Can Italian researchers be in the China-Europe joint lab or only in the Italy one?",
    "芬兰的企业可以申报欧盟旗舰，还是只能报中芬方向？",
    "奧地利嘅研究所可唔可以參加歐盟一般項目，定係只可以報中奧？",
    "Could Spanish universities also apply in the EU flagship, or are they limited to Spain?",
    "西班牙高校除了中西方向，能不能也参加中欧旗舰？",
    "西班牙嘅大學除咗中西方向，可唔可以也參加中歐旗艦？",
    "德國大學可以參加中歐聯合實驗室嗎？定還是只限中德方向？",
]


@pytest.mark.parametrize("text", ELIGIBILITY)
def test_eligibility_of_two_directions_unknown(engine, text: str) -> None:
    assert ask(engine, text)["intent"] == "unknown"


# -- a direction and "the other" direction of its partner ---------------------------------------

SA, KR, EU = _of("south-africa"), _of("korea"), _of("eu")
OTHER_ONES = [
    ("南非联合研究和另一个南非方向加起来多少钱？", SA),
    ("欧盟旗舰和另一个欧盟方向一共多少钱？", EU),
    ("EU flagship and the other EU direction, how much together?", EU),
    ("中韩联合研究同另一个韩国方向加埋几多钱", KR),
    ("the korea joint research plus the other korean direction, total money?", KR),
    ("南非旗舰和另一个南非方向一共几个项目？", SA),
    ("南非旗艦同埋另一個南非項目加埋幾多錢？", SA),
    ("南非旗舰和另一个南非方向一共多少钱？", SA),
    ("南非旗舰跟另一个南非项目加起来多少钱", SA),
    ("南非旗舰和另一个南非方向各有几个项目？", SA),
    ("韩国能源和另一个韩国方向加起来多少钱", KR),
    ("韓國能源技術同另一個韓國方向加埋幾多錢？", KR),
    ("中韩能源那个和另外一个韩国方向一共多少经费？", KR),
    ("The SA flagship and the other South Africa direction together, how much?", SA),
    ("South Africa flagship plus the other South African direction: total budget?", SA),
    ("Korea energy and the other Korean one, total budget?", KR),
    (
        (
            "How many projects do the Korea energy direction and the other Korea direction "
            "have together?"
        ),
        KR,
    ),
    (
        "the china-south africa flagship and the other south africa one, how much money in total?",
        SA,
    ),
    ("Total of the SA flagship plus the other SA programme?", SA),
    ("韓國能源同埋另外一個韓國方向一共幾多錢？", KR),
    ("EU general and the other EU direction - total budget together?", EU),
    ("南非旗舰和其他那个南非方向一共多少钱？", SA),
    ("South Africa joint research and the other South Africa one: combined budget?", SA),
    ("中韓聯合研究同另一個韓國方向一共幾多個項目？", KR),
    ("中欧旗舰和另外那个欧盟方向加起来多少？", EU),
]


@pytest.mark.parametrize(("text", "both"), OTHER_ONES)
def test_named_and_the_other_of_its_partner(engine, text: str, both: list[str]) -> None:
    reply = ask(engine, text)
    assert sorted(reply["programs"]) == both, reply


# -- a direction's total after a sentence about a project the asker was in ---------------------

TOTALS_AFTER_PAST_PROJECT = [
    "I was part of a project with Fraunhofer. What's the total budget of the China-Germany one?",
    "We were in a project with Aalto before. total budget for Finland?",
    "我之前参与过一个和米兰理工的项目，现在想问中意方向总经费多少？",
    (
        "Before I was in a project with Fraunhofer and Politecnico di Milano, but now our "
        "partner is the Weizmann Institute. What is the total budget for the China-Israel "
        "joint research?"
    ),
    (
        "I was in a project with a Finnish team before. What is the total budget of the "
        "Finland direction?"
    ),
    "We were in a project with Siemens last year. How much is the total budget for China-Germany?",
    "I have been in a project with TU Wien. What is the total budget of the Austria direction?",
    (
        "Our group took part in a project with Seoul National University. Total budget of the "
        "Korea joint research?"
    ),
    "My previous project was with TU Munich. What's the total for Israel?",
    "I was in a project with INTA in Argentina before. Total budget of Argentina direction?",
    "I used to be in a project with Politecnico di Milano. What's the China-Italy total budget?",
    "我们之前在一个项目里和莫斯科大学合作过。中俄方向总经费多少？",
    "我們之前參與過一個項目，同德國合作。中德方向總經費幾多？",
]


@pytest.mark.parametrize("text", TOTALS_AFTER_PAST_PROJECT)
def test_total_after_past_project(engine, text: str) -> None:
    assert ask(engine, text)["intent"] == "budget"
