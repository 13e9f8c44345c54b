"""Kinds from fc49 and fc50, each on messages other than the set's own: the partner list asked
with a purpose ("写稿要用", "for a poster") or with the other call added ("港澳台那边的也一并列
上", "the HMT call included"), "（含国际组织）" not read as 韩国; help asked in learner English
with greetings ("what kind of informations you can give me?"); the average asked as "资助强度" /
"资助力度" with a clause saying what it is for ("方便做预算参考": no total asked); several
people's topics in one message ("刘老师做射电天文，陈老师做卫星遥感": each one's, a union); a topic
said explicitly, worded otherwise by the fields (碳捕集 / 碳捕获: carbon capture either way);
buildings' energy efficiency (the building field, not every energy-saving one); a count's
wording checked beside a total ("is it \"up to 10\" or \"about 10\" projects, and the total?":
the card)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

ALL_INTL = [
    f"intl-{n}"
    for n in (
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "1.6",
        "1.7",
        "1.8",
        "1.9",
        "2.0",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
    )
]
ALL = ALL_INTL + ["hmt-1.1"]
KOREA_E, RUSSIA, AUSTRIA, SA, MACAO = "intl-2.1", "intl-2.5", "intl-1.7", "intl-2.2", "hmt-1.1"
EU_GEN, FINLAND, ISRAEL, GERMANY = "intl-1.5", "intl-1.6", "intl-1.9", "intl-1.8"
CELLS: list[tuple[tuple[str, ...], str, list[str] | None, list[str]]] = [
    # partner list with a purpose, or the other call included
    (
        ("合作国别名单能给我列一份吗？写稿要用，港澳台那边的也一并列上。",),
        "partners",
        ALL,
        ["芬兰", "澳门"],
    ),
    (("请列出所有合作国家，港澳台项目的也一并列上，谢谢",), "partners", ALL, ["以色列", "澳门"]),
    (("麻烦把合作国家列一下，港澳台专项也算进去",), "partners", ALL, ["阿根廷", "澳门"]),
    (("合作國家名單可以列一份嗎？港澳台那邊的也一併列上。",), "partners", ALL, ["芬蘭", "澳門"]),
    (("請把合作國別列一下，港澳台項目也算進去",), "partners", ALL, ["澳門"]),
    (
        ("Can you list all partner countries, with the Hong Kong/Macao/Taiwan call included?",),
        "partners",
        ALL,
        ["Finland", "Macao"],
    ),
    (
        ("Please list the partner countries, including the HMT call too",),
        "partners",
        ALL,
        ["Macao"],
    ),
    (
        ("请把本专项全部合作国别（含国际组织）列一下，学院要做宣传海报，谢谢。",),
        "partners",
        None,
        ["以色列", "南非", "奥地利"],
    ),
    (("请把全部合作国家（含国际组织）列出来",), "partners", None, ["以色列", "南非"]),
    (
        ("請把本專項全部合作國別（含國際組織）列一下，學院要做宣傳海報。",),
        "partners",
        None,
        ["以色列", "南非"],
    ),
    (("合作国家有哪些？我们要做宣传材料",), "partners", None, ["以色列"]),
    (
        ("老师好，麻烦列一下本专项的合作国家和国际组织，方便我们对外宣传。",),
        "partners",
        None,
        ["奥地利"],
    ),
    (("合作國家有哪些？方便我哋做宣傳",), "partners", None, ["以色列"]),
    (
        (
            "Could you list all partner countries and organisations? "
            "We are making a poster for the faculty.",
        ),
        "partners",
        None,
        ["Israel", "Austria"],
    ),
    (
        ("Which partner countries are in the call? I need them for a newsletter.",),
        "partners",
        None,
        ["Israel"],
    ),
    (("list of partner countrys pls, for our website",), "partners", None, ["Israel"]),
    # help in learner English with greetings, and in Chinese
    (
        ("Boa tarde! Sorry, good afternoon :) what kind of informations you can give me?",),
        "help",
        None,
        [],
    ),
    (("Hola! what informations you can give?",), "help", None, []),
    (("Good morning!! what kind of informations can you give me?",), "help", None, []),
    (("Bonjour, sorry, hello :) what kind of infos you have?",), "help", None, []),
    (("hi there, what kind of information you can provide me?",), "help", None, []),
    (("Guten Tag! What can you do?",), "help", None, []),
    (("hello, what sort of information you can give?",), "help", None, []),
    (("你好！你能提供哪些信息？",), "help", None, []),
    (("老师好，请问这个机器人可以查询什么？",), "help", None, []),
    (("您好，本服务可以提供哪些资料查询？",), "help", None, []),
    (("你好呀，我可以问你哪些问题？",), "help", None, []),
    (("你好！你能提供哪些資訊？",), "help", None, []),
    (("哈囉，呢個bot係做咩㗎？",), "help", None, []),
    (("您好，本服務可以提供哪些資料查詢？",), "help", None, []),
    # the average as 强度 / 资助力度, with a purpose clause
    (
        (
            "老师好，我处想了解一下内地与澳门联合资助研发项目的平均资助强度，方便给申报老师做预算参考，谢谢。",
        ),
        "average",
        [MACAO],
        ["200"],
    ),
    (("中芬方向平均资助强度是多少？方便做预算参考",), "average", [FINLAND], ["400"]),
    (("以色列方向平均资助力度多大，方便我们做预算",), "average", [ISRAEL], ["200"]),
    (("中德项目的平均资助强度，便于老师们编制预算，谢谢",), "average", [GERMANY], []),
    (("澳门联合资助项目平均资助强度多少",), "average", [MACAO], ["200"]),
    (
        ("內地與澳門聯合資助研發項目嘅平均資助強度係幾多？方便申報老師做預算參考",),
        "average",
        [MACAO],
        ["200"],
    ),
    (("中芬方向平均資助力度多大？方便我們做預算",), "average", [FINLAND], ["400"]),
    (("以色列方向平均資助強度，便於老師編制預算，謝謝",), "average", [ISRAEL], ["200"]),
    (
        (
            "What is the average funding per project for Israel, so "
            "that our teams can plan their budgets.",
        ),
        "average",
        [ISRAEL],
        ["2 million"],
    ),
    (
        ("Average grant size for the Macao direction? For our budget planning.",),
        "average",
        [MACAO],
        ["2 million"],
    ),
    (
        (
            "What is the average funding intensity of the "
            "China-Finland direction? We need it for budgeting.",
        ),
        "average",
        [FINLAND],
        ["4 million"],
    ),
    # several people's topics in one message
    (
        (
            "帮几位老师问下：刘老师做射电天文，陈老师做卫星遥感，赵老师做海洋科学，分别适合哪些方向？",
        ),
        "topic",
        [SA, RUSSIA, MACAO],
        [],
    ),
    (
        ("王老师做氢能，李老师做疫苗，各自可以申报哪些方向？",),
        "topic",
        ["intl-1.8", "intl-2.1", "intl-2.3", "intl-1.9", RUSSIA],
        [],
    ),
    (
        ("我们组张老师研究海洋科学，李老师研究射电天文，分别适合哪些方向？",),
        "topic",
        [SA, RUSSIA, MACAO],
        [],
    ),
    (
        (
            "幫幾位老師問下：劉老師做射電天文，陳老師做衛星遙感，趙老師做海洋科學，分別適合哪些方向？",
        ),
        "topic",
        [SA, RUSSIA, MACAO],
        [],
    ),
    (
        ("陳老師做海洋科學，劉老師做射電天文，各自適合邊啲方向？",),
        "topic",
        [SA, RUSSIA, MACAO],
        [],
    ),
    (
        (
            "Asking for colleagues: Prof. Li works on radio astronomy, "
            "Dr. Chen works on remote sensing and Dr. Zhao works on marine science. "
            "Which directions suit each of them?",
        ),
        "topic",
        [SA, RUSSIA, MACAO],
        [],
    ),
    (
        (
            "My colleague works on marine science and another one works on "
            "radio astronomy. Which directions fit each?",
        ),
        "topic",
        [SA, RUSSIA, MACAO],
        [],
    ),
    # a topic said explicitly, worded otherwise by the fields
    (
        (
            "我校能源学院有一支做碳捕集、利用与封存（CCUS）的团队，海外合作伙伴主要在挪威和英国。请问哪些方向的资助领域里明确包含碳捕集？",
        ),
        "topic",
        [KOREA_E, RUSSIA],
        [],
    ),
    (("哪些方向明确写了碳捕获？",), "topic", [KOREA_E, RUSSIA], []),
    (("哪些方向的领域明确提到碳封存？",), "topic", [KOREA_E, RUSSIA], []),
    (("哪些方向明確寫了碳捕集？",), "topic", [KOREA_E, RUSSIA], []),
    (
        ("我們做CCUS，合作夥伴在挪威。哪些方向的資助領域明確包含碳捕集？",),
        "topic",
        [KOREA_E, RUSSIA],
        [],
    ),
    (("Which directions explicitly mention carbon capture?",), "topic", [KOREA_E, RUSSIA], []),
    (
        (
            "Our CCUS team works with partners in Norway and the UK. Which "
            "directions explicitly include carbon capture in their fields?",
        ),
        "topic",
        [KOREA_E, RUSSIA],
        [],
    ),
    # buildings: the direction whose field says buildings
    (
        ("Which directions are funding green buildings or the energy efficiency of buildings?",),
        "topic",
        [AUSTRIA],
        [],
    ),
    (("Any direction on energy efficiency in buildings?",), "topic", [AUSTRIA], []),
    (("哪些方向支持绿色建筑或者建筑物的节能？",), "topic", [AUSTRIA], []),
    (("有没有做建筑能耗的方向？",), "topic", [AUSTRIA], []),
    (("哪些方向支持綠色建築或建築物節能？",), "topic", [AUSTRIA], []),
    # detail: a count's wording checked and a total asked
    (
        (
            'Quick check before I send the memo: the EU co-funding general track — is it "up '
            'to 10" or "about 10" projects, and what is its total budget?',
        ),
        "detail",
        [EU_GEN],
        ["about 10", "30 million"],
    ),
    (
        ('EU co-funding general: is it "up to 10" or "about 10" projects? And the total?',),
        "detail",
        [EU_GEN],
        ["about 10", "30 million"],
    ),
    (
        ("中欧联合资助一般项目是不超过10个还是约10个项目？总经费多少？",),
        "detail",
        [EU_GEN],
        ["约10", "3000"],
    ),
    (
        ("中欧联合资助一般类是最多10个还是大约10个？总经费多少",),
        "detail",
        [EU_GEN],
        ["约10", "3000"],
    ),
    (
        ("中歐聯合資助一般項目是不超過10個還是約10個項目？總經費多少？",),
        "detail",
        [EU_GEN],
        ["約10", "3000"],
    ),
    (
        ("China-Finland: is it up to 15 or about 15 projects, and what is the total?",),
        "detail",
        [FINLAND],
        ["15", "60 million"],
    ),
    (("中芬方向是不超过15个还是约15个项目？总经费呢？",), "detail", [FINLAND], ["15", "6000"]),
]
CELLS += [
    # follow-up forms and typos
    (("中芬方向总经费多少？", "那平均资助强度呢？方便做预算参考"), "average", [FINLAND], ["400"]),
    (("介绍一下澳门方向", "平均资助力度多大？方便老师们做预算"), "average", [MACAO], ["200"]),
    (
        (
            "Tell me about the China-Israel direction",
            "and the average per project? so that our team can plan the budget",
        ),
        "average",
        [ISRAEL],
        ["2 million"],
    ),
    (("中俄方向有多少钱", "合作国家都有哪些？港澳台的也一并列上"), "partners", ALL, ["澳门"]),
    (("hello", "what kind of informations you can give me?"), "help", None, []),
    (("Hi!! Sorry for my english. What informations can you give me?",), "help", None, []),
    (("哪些方向明确包含碳捕集？我们有CCUS团队",), "topic", [KOREA_E, RUSSIA], []),
    (("請問有冇方向明確寫咗碳捕集？",), "topic", [KOREA_E, RUSSIA], []),
    (("Which programmes explicitly list CCUS?",), "topic", [KOREA_E, RUSSIA], []),
    (("哪些方向支持建筑节能？",), "topic", [AUSTRIA], []),
    (("which directions fund building energy efficiency?",), "topic", [AUSTRIA], []),
    (("刘老师做射电天文，赵老师做海洋科学，适合哪些方向",), "topic", [SA, RUSSIA, MACAO], []),
    (
        ('Finland direction: "up to 15" or "about 15" projects? and total budget?',),
        "detail",
        [FINLAND],
        ["15", "60 million"],
    ),
    (("请把全部合作国家列一下，港澳台那边的也列上，写稿用",), "partners", ALL, ["芬兰", "澳门"]),
    (("請列出全部合作國家，港澳台嗰邊都一齊列埋",), "partners", ALL, ["澳門"]),
]


# more wordings of the same kinds
CELLS += [
    (("合作国家有哪些？写新闻稿要用",), "partners", None, ["以色列"]),
    (("麻烦提供一下合作国别名单，领导要看",), "partners", None, ["以色列"]),
    (("合作國別名單可唔可以列一份？寫稿要用",), "partners", None, ["以色列"]),
    (
        ("Please give me the list of partner countries, I am writing an article.",),
        "partners",
        None,
        ["Israel"],
    ),
    (
        ("partner list pls (for a press release), include Macao too",),
        "partners",
        ALL,
        ["Israel", "Macao"],
    ),
    (("所有合作国家和地区都列出来，包括澳门",), "partners", ALL, ["以色列", "澳门"]),
    (("List every partner country and region, the Macao call too.",), "partners", ALL, ["Macao"]),
    (("Ola, bom dia! sorry, hello. what informations this bot have?",), "help", None, []),
    (("Buenos dias! What type of informations can I get here?",), "help", None, []),
    (("Hello :) what you can tell me?",), "help", None, []),
    (("早上好！请问你这里能查到哪些信息？",), "help", None, []),
    (("早晨！呢度可以查啲咩資料？",), "help", None, []),
    (("中俄方向的资助强度多大？",), "average", [RUSSIA], []),
    (("中芬平均资助额度多少？方便申报老师参考",), "average", [FINLAND], ["400"]),
    (("中德项目平均资助力度？老师们做预算用",), "average", [GERMANY], ["400"]),
    (
        ("What is the average funding intensity for Macao? We will use it for budget reference.",),
        "average",
        [MACAO],
        ["2 million"],
    ),
    (("中以项目平均資助額度係幾多？方便老師做預算",), "average", [ISRAEL], ["200"]),
    (("张老师做氢能，王老师做海洋科学，分别可以报哪些方向？",), "topic", None, []),
    (
        (
            "Two colleagues: one does hydrogen, the other does "
            "marine science. Which directions for each?",
        ),
        "topic",
        None,
        [],
    ),
    (("哪些方向的领域里明确有碳捕获？",), "topic", [KOREA_E, RUSSIA], []),
    (("中俄方向是不超过20个还是约20个项目，总经费多少？",), "detail", [RUSSIA], ["20", "6000"]),
]


# a third round: follow-ups, terse and learner forms
CELLS += [
    (("中俄方向多少钱？", "合作国别名单呢？港澳台的也列上"), "partners", ALL, ["澳门"]),
    (("合作国别名单，写稿用",), "partners", None, ["以色列"]),
    (("合作國家列表，做海報用",), "partners", None, ["以色列"]),
    (("partner countrys list for poster pls",), "partners", None, ["Israel"]),
    (
        ("which partner countries? need for our newsletter, Macao included",),
        "partners",
        ALL,
        ["Macao"],
    ),
    (("hi! sorry my english. which informations you have?",), "help", None, []),
    (("Olá! what informations can you provide?",), "help", None, []),
    (("hello what kind informations you can give me",), "help", None, []),
    (("嗨，你可以提供什么信息？",), "help", None, []),
    (("你好，你能幫我查什麼？",), "help", None, []),
    (("澳门项目资助强度？",), "average", [MACAO], ["200"]),
    (("中芬资助力度多大",), "average", [FINLAND], ["400"]),
    (("中芬平均資助強度？做預算參考用",), "average", [FINLAND], ["400"]),
    (
        ("What's the average grant for Finland? for budget reference",),
        "average",
        [FINLAND],
        ["4 million"],
    ),
    (("李老师做射电天文、周老师做海洋科学，分别适合哪些方向",), "topic", [SA, RUSSIA, MACAO], []),
    (
        ("李老師做射電天文，周老師做海洋科學，各自適合哪些方向？",),
        "topic",
        [SA, RUSSIA, MACAO],
        [],
    ),
    (
        (
            "One colleague works on radio astronomy, another on "
            "marine science: which directions suit them?",
        ),
        "topic",
        [SA, RUSSIA, MACAO],
        [],
    ),
    (("哪些方向明确写了碳捕捉？",), "topic", [KOREA_E, RUSSIA], []),
    (("Which directions explicitly mention CCS?",), "topic", [KOREA_E, RUSSIA], []),
    (("哪個方向有建築節能？",), "topic", [AUSTRIA], []),
    (("energy efficient buildings - which direction?",), "topic", [AUSTRIA], []),
    (("中以方向是最多10个还是约10个项目？总经费多少？",), "detail", [ISRAEL], ["10", "2000"]),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CELLS)
def test_cell(
    engine: Engine,
    turns: tuple[str, ...],
    intent: str,
    programs: list[str] | None,
    has: list[str],
) -> None:
    expect(ask(engine, *turns), intent, programs, has)
