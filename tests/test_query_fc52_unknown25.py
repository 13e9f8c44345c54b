"""The period, the partner list and aspects the notice does not give (round 18, i8-unknown25):
the period asked beside a year of the asker's own story ("my PhD finish in 2026") or a document
the asker is drafting ("drafting the consortium agreement and needs the project duration"); the
partner list asked after its stated number ("这14个合作国家…具体是哪些", "Which are the partner
countries?") or beside a third partner weighed ("…whether a trilateral set-up could fit"); the
partner funder's commitment ("the funding commitment from the Israeli Ministry") is missing."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from knowledge import load_bundled
from tests.asking import ask, expect, expect_missing


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_bundled())


PERIOD = ["2~3"]
PARTNERS_EN = ["Finland", "Israel", "Argentina"]
PARTNERS_HANS = ["芬兰", "以色列", "阿根廷"]
PARTNERS_HANT = ["芬蘭", "以色列", "阿根廷"]

# (message, intent, what the reply says)
GRID = [
    # -- the period beside a year of the asker's own story ---------------------------------
    ("how many years the project last? my PhD finish in 2026 so I want to know", "period", PERIOD),
    ("How long does a project run? My contract ends in 2027.", "period", PERIOD),
    ("My postdoc contract finishes in 2026. How long is the project period?", "period", PERIOD),
    ("project duration pls, I graduate in 2026", "period", PERIOD),
    ("我博士2026年毕业，项目执行期几年？", "period", ["2~3"]),
    ("我的合同2027年到期，项目实施周期是多久？", "period", ["2~3"]),
    ("我博士2026年畢業，項目執行期幾年？", "period", ["2~3"]),
    # -- the period beside a document the asker drafts -------------------------------------
    (
        "Our legal team is drafting the consortium agreement and needs the project duration. "
        "How long do the funded projects run?",
        "period",
        PERIOD,
    ),
    (
        "We are preparing the cooperation agreement. How many years is each project?",
        "period",
        PERIOD,
    ),
    ("我们正在起草合作协议，需要写项目周期。项目执行期多长？", "period", ["2~3"]),
    ("我們正在擬定合作協議，項目實施周期是幾年？", "period", ["2~3"]),
    # -- the partner list after its stated number ------------------------------------------
    ("这14个合作国家、地区和国际组织具体是哪些？报告里要列表。", "partners", PARTNERS_HANS),
    ("這14個合作國家分別是哪些？", "partners", PARTNERS_HANT),
    ("Which are these 14 partner countries? I need a list.", "partners", PARTNERS_EN),
    ("這些合作國家具體是哪些？", "partners", PARTNERS_HANT),
    ("合作方具体是哪些？", "partners", PARTNERS_HANS),
    ("Which are the partner countries?", "partners", PARTNERS_EN),
    (
        "I am in Mexico City. Mexico is not in the list, no? Which are the partner countries?",
        "partners",
        PARTNERS_EN,
    ),
    # -- the partner list beside a third partner weighed -----------------------------------
    (
        "Which countries and organisations does this intergovernmental call cover? We are "
        "wondering whether a trilateral set-up with a European partner could fit.",
        "partners",
        PARTNERS_EN,
    ),
    ("这个专项可以和哪些国家合作？我们在考虑搞三边合作。", "partners", PARTNERS_HANS),
    ("這個專項可以和哪些國家合作？我們在考慮三邊合作。", "partners", PARTNERS_HANT),
]


@pytest.mark.parametrize(("message", "intent", "has"), GRID)
def test_grid(engine: Engine, message: str, intent: str, has: list[str]) -> None:
    expect(ask(engine, message), intent, None, has)


# (message, the aspect the notice does not give)
MISSING = [
    (
        "Thanks. What is the funding commitment from the Israeli Ministry of Innovation, "
        "Science and Technology for these joint projects?",
        "partner_funding",
    ),
    ("What is the Finnish funding commitment per project?", "partner_funding"),
    ("funding commitment of the German ministry for the joint projects?", "partner_funding"),
    ("以色列创新部的资助承诺是多少？", "partner_funding"),
    ("以方的出资承诺有多少？", "partner_funding"),
    ("以色列創新部的資助承諾是多少？", "partner_funding"),
    ("中欧联合实验室具体能跟哪些欧洲国家合作？", "partner_requirements"),
    ("中歐聯合實驗室具體可以和哪幾個歐洲國家合作？", "partner_requirements"),
    ("Can we do a trilateral project?", "eligibility"),
    ("能不能搞三边合作？", "eligibility"),
]


@pytest.mark.parametrize(("message", "missing"), MISSING)
def test_missing(engine: Engine, message: str, missing: str) -> None:
    expect_missing(ask(engine, message), missing)
