"""A grid of questions asked inside context that holds distractors (after fc41 and fc42): each
question of a kind (one direction's budget, count, average, fields or detail; two compared; a
ranking; a filter; a topic; the overview; an aspect the notice lacks; help), in zh-Hans, zh-Hant
and English, after or before a sentence of each kind of context: another partner the asker is
not asking about, a university whose name holds a partner or place word, a topic of another
direction, numbers that are no threshold, a purpose, a remark after the question, forwarded
speech. The expected intent, directions and key figures are computed from the knowledge, and
the question must get the same answer with and without its context (the invariance principle).
A second, smaller grid puts a statement before a follow-up ("文化遗产在里面。那平均多少？")."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
import yaml

from bot.engine import Engine
from knowledge import bundled_path
from tests.asking import ask

# the figures expected are read from the knowledge file itself, never written here
KNOWLEDGE = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
DIRECTIONS = {d["id"]: d for d in KNOWLEDGE["directions"]}
LANGS = ("zh-Hans", "zh-Hant", "en")


def _by_partner(partner: str) -> list[str]:
    return [i for i, d in DIRECTIONS.items() if d["partner"] == partner]


def _total(i: str) -> float:
    return sum(f["total"] for f in DIRECTIONS[i]["funding"])


def _averages(i: str) -> list[float]:
    return [f["average"] for f in DIRECTIONS[i]["funding"] if "average" in f]


def _money(lang: str, wan: float) -> str:
    """An amount as the reply writes it: 万元 in Chinese, CNY millions in English."""
    if lang == "en":
        return f"CNY {wan / 100:g} million"
    return f"{wan:g}万元" if lang == "zh-Hans" else f"{wan:g}萬元"


@dataclass(frozen=True)
class Ask:
    """A question of one kind in the three languages and what its reply must be."""

    kind: str
    text: dict[str, str]
    intent: str
    programs: list[str] | None  # None: not checked beyond ``includes``
    has: dict[str, list[str]] = field(default_factory=dict)
    includes: list[str] = field(default_factory=list)


FINLAND = _by_partner("finland")
GERMANY = _by_partner("germany")
ISRAEL = _by_partner("israel")
SPAIN = _by_partner("spain")
ARGENTINA = _by_partner("argentina")
TOP_AVERAGE = max(DIRECTIONS, key=lambda i: max(_averages(i) or [0]))
BELOW_1000 = sorted(i for i in DIRECTIONS if _total(i) < 1000)
HYDROGEN = sorted(i for i, d in DIRECTIONS.items() if "hydrogen" in d["topics"])


def _figure(wan_of: float) -> dict[str, list[str]]:
    return {lang: [_money(lang, wan_of)] for lang in LANGS}


QUESTIONS = [
    Ask(
        "budget",
        {
            "zh-Hans": "芬兰方向的总经费是多少？",
            "zh-Hant": "芬蘭方向總經費係幾多？",
            "en": "What is the total budget of the Finland direction?",
        },
        "budget",
        FINLAND,
        _figure(_total(FINLAND[0])),
    ),
    Ask(
        "count",
        {
            "zh-Hans": "德国方向支持几个项目？",
            "zh-Hant": "德國方向支持幾多個項目？",
            "en": "How many projects will the Germany direction fund?",
        },
        "count",
        GERMANY,
        {lang: [str(DIRECTIONS[GERMANY[0]]["funding"][0]["projects"]["count"])] for lang in LANGS},
    ),
    Ask(
        "average",
        {
            "zh-Hans": "以色列方向平均每个项目资助多少？",
            "zh-Hant": "以色列方向平均每個項目資助多少？",
            "en": "What is the average funding per project for Israel?",
        },
        "average",
        ISRAEL,
        _figure(_averages(ISRAEL[0])[0]),
    ),
    Ask(
        "fields",
        {
            "zh-Hans": "西班牙方向资助哪些领域？",
            "zh-Hant": "西班牙方向資助哪些領域？",
            "en": "Which fields does the Spain direction cover?",
        },
        "fields",
        SPAIN,
    ),
    Ask(
        "detail",
        {
            "zh-Hans": "介绍一下阿根廷方向。",
            "zh-Hant": "介紹一下阿根廷方向。",
            "en": "Tell me about the Argentina direction.",
        },
        "detail",
        ARGENTINA,
        _figure(_total(ARGENTINA[0])),
    ),
    Ask(
        "compare",
        {
            "zh-Hans": "芬兰和德国哪个方向总经费多？",
            "zh-Hant": "芬蘭同德國邊個方向總經費多啲？",
            "en": "Which has a larger total budget, Finland or Germany?",
        },
        "compare",
        FINLAND + GERMANY,
        _figure(_total(FINLAND[0])),
    ),
    Ask(
        "rank",
        {
            "zh-Hans": "哪个方向的平均资助强度最高？",
            "zh-Hant": "邊個方向平均資助最高？",
            "en": "Which direction has the highest average funding per project?",
        },
        "rank",
        None,
        _figure(max(_averages(TOP_AVERAGE))),
        [TOP_AVERAGE],
    ),
    Ask(
        "filter",
        {
            "zh-Hans": "总经费低于1000万元的方向有哪些？",
            "zh-Hant": "總經費低於1000萬元嘅方向有邊啲？",
            "en": "Which directions have a total budget below CNY 10 million?",
        },
        "rank",
        BELOW_1000,
    ),
    Ask(
        "topic",
        {
            "zh-Hans": "哪些方向支持氢能研究？",
            "zh-Hant": "有邊啲方向支持氫能研究？",
            "en": "Which directions fund hydrogen research?",
        },
        "topic",
        HYDROGEN,
    ),
    Ask(
        "overview",
        {
            "zh-Hans": "这个专项总体情况怎么样？",
            "zh-Hant": "呢個專項整體情況係點？",
            "en": "Give me an overview of the call.",
        },
        "overview",
        [],
    ),
    Ask(
        "unknown",
        {
            "zh-Hans": "意大利方向的申报截止日期是什么时候？",
            "zh-Hant": "意大利方向申請截止日期係幾時？",
            "en": "When is the application deadline for the Italy direction?",
        },
        "unknown",
        None,
    ),
    Ask(
        "help",
        {
            "zh-Hans": "这个机器人能做什么？",
            "zh-Hant": "呢個機械人可以做啲乜？",
            "en": "What can this bot do?",
        },
        "help",
        [],
    ),
]

# sentences of context by kind and language: ("before", text) goes before the question,
# ("after", text) after it
CONTEXTS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "other-partner": {
        "zh-Hans": [
            ("before", "我们也和俄罗斯有合作，但这次不考虑。"),
            ("before", "奥地利那边的合作先不谈。"),
            ("before", "我们和以色列的合作已经结束了。"),
            ("after", "我们也和俄罗斯有合作，但这次不考虑。"),
        ],
        "zh-Hant": [
            ("before", "我哋都同俄羅斯有合作，不過今次唔考慮。"),
            ("before", "奧地利那邊的合作暫時不談。"),
            ("after", "我哋同韓國都有合作，不過今次唔使理。"),
        ],
        "en": [
            ("before", "We also work with Russia, but that is not for now."),
            ("before", "Our Austrian contacts are not relevant here."),
            ("before", "We had a project with Russia years ago, but that is over."),
            ("after", "Our Russian contacts are not relevant here."),
        ],
    },
    "university": {
        "zh-Hans": [
            ("before", "我是中南大学的老师。"),
            ("before", "我在西南交大工作。"),
            ("before", "我们和以色列理工有过交流。"),
            ("before", "我在澳门科技大学读过博士。"),
            ("before", "我是中南财经政法大学的。"),
            ("after", "我是西南交大的老师。"),
        ],
        "zh-Hant": [
            ("before", "我係澳門科技大學嘅研究人員。"),
            ("before", "我在中南大學讀博士。"),
            ("before", "我們和以色列理工學院有交流。"),
        ],
        "en": [
            ("before", "I am a professor at Università di Roma."),
            ("before", "I work at Universidad de Buenos Aires."),
            ("before", "I am at Technion, Israel Institute of Technology."),
            ("before", "I teach at the University of Macau."),
            ("before", "I did my PhD at Korea University."),
            ("after", "I am at Universidad de Buenos Aires."),
        ],
    },
    "other-topic": {
        "zh-Hans": [
            ("before", "我们课题组做水处理，但这次问的是别的。"),
            ("before", "我们做文化遗产数字化。"),
            ("before", "我们做氢能，但这次问的是："),
        ],
        "zh-Hant": [
            ("before", "我哋團隊做水處理。"),
            ("before", "我們實驗室做疫苗研究，不過這次問別的。"),
        ],
        "en": [
            ("before", "Our group works on water treatment."),
            ("before", "My lab does vaccine research, but this is a different question."),
        ],
    },
    "number": {
        "zh-Hans": [
            ("before", "我们团队有12个人，其中3个博士生。"),
            ("before", "我们2019年开始做这个方向，有2个合作伙伴。"),
        ],
        "zh-Hant": [
            ("before", "我哋團隊有12個人，包括3個博士生。"),
            ("before", "我們2019年成立，有2個合作夥伴。"),
            ("before", "我哋有3個博士生同埋2個博士後。"),
            ("after", "我們團隊有12個人。"),
        ],
        "en": [
            ("before", "We are a team of 12 with 3 PhD students."),
            ("before", "We started in 2019 and we have 2 partners."),
            ("before", "Our team of 8 includes 3 PhD students."),
            ("after", "We have 3 PhD students and 2 partners."),
        ],
    },
    "purpose": {
        "zh-Hans": [
            ("before", "为了提高立项几率，想先了解一下。"),
            ("before", "为了做预算，"),
        ],
        "zh-Hant": [
            ("before", "為咗提高立項機會，想了解下。"),
            ("before", "為了規劃預算，"),
        ],
        "en": [
            ("before", "To plan the budget for our committee:"),
            ("before", "For our committee meeting next week:"),
        ],
    },
    "remark-after": {
        "zh-Hans": [("after", "急，谢谢！"), ("after", "我们周五前要用。"), ("after", "急，谢谢")],
        "zh-Hant": [("after", "急，唔該！"), ("after", "我們週五前要用，謝謝。")],
        "en": [("after", "Thanks, we need it by Friday."), ("after", "It's urgent, cheers.")],
    },
    "forwarded": {
        "zh-Hans": [
            ("before", "王老师问："),
            ("before", "我们院长想知道："),
            ("before", "处长让我问一下："),
        ],
        "zh-Hant": [("before", "陳老師問："), ("before", "我哋院長想知道：")],
        "en": [
            ("before", "My dean asks:"),
            ("before", "A colleague wants to know:"),
            ("before", "My PI asked me to check:"),
        ],
    },
}


def wrap(lang: str, where: str, context: str, question: str) -> str:
    """The question with its sentence of context, joined as a writer of ``lang`` would."""
    sep = " " if lang == "en" else ""
    if where == "after":
        return f"{question}{sep}{context}"
    return f"{context}{sep}{question}"


def grid() -> list[tuple[str, str, Ask, str]]:
    """Every cell: (context kind, language, question, message)."""
    cells = []
    for kind, by_lang in CONTEXTS.items():
        for lang in LANGS:
            for where, context in by_lang[lang]:
                for q in QUESTIONS:
                    cells.append((kind, lang, q, wrap(lang, where, context, q.text[lang])))
    return cells


def problems(reply: dict, q: Ask, lang: str) -> list[str]:
    """What is wrong with ``reply`` as the answer to ``q`` (empty when it is right)."""
    found = []
    if reply["intent"] != q.intent:
        found.append(f"intent {reply['intent']} != {q.intent}")
    if q.programs is not None and sorted(reply["programs"]) != sorted(q.programs):
        found.append(f"programs {reply['programs']} != {q.programs}")
    for i in q.includes:
        if i not in reply["programs"]:
            found.append(f"{i} not in programs")
    for h in q.has.get(lang, []):
        if h not in reply["text"]:
            found.append(f"no {h!r}")
    return found


def cell_problems(engine: Engine, q: Ask, lang: str, message: str) -> list[str]:
    """What is wrong with the reply to ``message`` (the question ``q`` in context): its own
    problems, and any difference from the reply to the question alone."""
    plain = ask(engine, q.text[lang])
    wrapped = ask(engine, message)
    found = problems(wrapped, q, lang)
    if (plain["intent"], sorted(plain["programs"])) != (
        wrapped["intent"],
        sorted(wrapped["programs"]),
    ):
        found.append("differs from the question alone")
    return found


# cells that still fail, by (context kind, language, question kind, message): the gaps left
KNOWN_GAPS: set[str] = set()

CELLS = grid()


@pytest.mark.parametrize(("lang", "q"), [(lang, q) for lang in LANGS for q in QUESTIONS])
def test_the_questions_alone(engine: Engine, lang: str, q: Ask) -> None:
    assert problems(ask(engine, q.text[lang]), q, lang) == []


@pytest.mark.parametrize(
    ("kind", "lang", "q", "message"),
    [c for c in CELLS if c[3] not in KNOWN_GAPS],
    ids=[f"{c[0]}-{c[1]}-{c[2].kind}-{n}" for n, c in enumerate(CELLS) if c[3] not in KNOWN_GAPS],
)
def test_the_question_in_context(
    engine: Engine, kind: str, lang: str, q: Ask, message: str
) -> None:
    assert cell_problems(engine, q, lang, message) == [], message


# the second grid: a statement before a follow-up on the previous answer ("文化遗产在里面。那平均
# 多少？") asks what the follow-up alone asks
ITALY = _by_partner("italy")
ITALY_FUNDING = DIRECTIONS[ITALY[0]]["funding"][0]
PREVIOUS = {
    "zh-Hans": "意大利方向资助哪些领域？",
    "zh-Hant": "意大利方向資助哪些領域？",
    "en": "Which fields does the Italy direction cover?",
}
STATEMENTS = {
    "zh-Hans": [
        "文化遗产在里面。",
        "好的，明白了。",
        "我们团队有5个人。",
        "我们做文化遗产数字化。",
    ],
    "zh-Hant": ["文化遺產喺入面。", "好，明白。", "我哋團隊有5個人。", "我們做文物保護。"],
    "en": [
        "Cultural heritage is in there.",
        "OK, got it.",
        "We are a team of 5.",
        "We work on cultural heritage.",
    ],
}
FOLLOW_UPS = [
    Ask(
        "average",
        {
            "zh-Hans": "那平均多少？",
            "zh-Hant": "咁平均幾多？",
            "en": "And the average per project?",
        },
        "average",
        ITALY,
        _figure(ITALY_FUNDING["average"]),
    ),
    Ask(
        "count",
        {"zh-Hans": "项目数呢？", "zh-Hant": "項目數呢？", "en": "How many projects?"},
        "count",
        ITALY,
        {lang: [str(ITALY_FUNDING["projects"]["count"])] for lang in LANGS},
    ),
    Ask(
        "budget",
        {"zh-Hans": "总经费呢？", "zh-Hant": "總經費呢？", "en": "And the total budget?"},
        "budget",
        ITALY,
        _figure(ITALY_FUNDING["total"]),
    ),
]
FOLLOW_CELLS = [
    (lang, q, statement) for lang in LANGS for statement in STATEMENTS[lang] for q in FOLLOW_UPS
]


def follow_problems(engine: Engine, lang: str, q: Ask, statement: str) -> list[str]:
    """What is wrong with the reply to a statement and a follow-up after the previous turn."""
    sep = " " if lang == "en" else ""
    plain = ask(engine, PREVIOUS[lang], q.text[lang])
    wrapped = ask(engine, PREVIOUS[lang], f"{statement}{sep}{q.text[lang]}")
    found = problems(wrapped, q, lang)
    if (plain["intent"], sorted(plain["programs"])) != (
        wrapped["intent"],
        sorted(wrapped["programs"]),
    ):
        found.append("differs from the follow-up alone")
    return found


@pytest.mark.parametrize(
    ("lang", "q", "statement"),
    FOLLOW_CELLS,
    ids=[f"{c[0]}-{c[1].kind}-{n}" for n, c in enumerate(FOLLOW_CELLS)],
)
def test_a_statement_before_a_follow_up(engine: Engine, lang: str, q: Ask, statement: str) -> None:
    assert follow_problems(engine, lang, q, statement) == [], statement


# what the context still gives when the question needs it
WATER = sorted(i for i, d in DIRECTIONS.items() if {"water", "water-treatment"} & set(d["topics"]))


@pytest.mark.parametrize(
    "message",
    [
        "为了申报氢能项目，有哪些方向可以报？",
        "為咗申請氫能項目，有邊啲方向可以報？",
        "To apply for hydrogen work, which directions can we go for?",
    ],
)
def test_a_purpose_that_names_a_topic_is_asked(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "topic", reply
    assert sorted(reply["programs"]) == HYDROGEN, reply


@pytest.mark.parametrize(
    "message",
    [
        "我们课题组做水处理。有没有合适的方向？",
        "我哋團隊做水處理。有冇適合嘅方向？",
        "Our group works on water treatment. Which directions fit us?",
    ],
)
def test_a_question_that_refers_to_the_stated_work_keeps_it(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "topic", reply
    assert sorted(reply["programs"]) == WATER, reply


@pytest.mark.parametrize(
    "message",
    [
        "Our lab was founded in 2015. How many projects were funded in 2022?",
        "我们实验室2015年成立。2022年资助了多少个项目？",
    ],
)
def test_another_year_asked_after_the_asker_story_is_still_another_year(
    engine: Engine, message: str
) -> None:
    assert ask(engine, message)["intent"] == "unknown"
