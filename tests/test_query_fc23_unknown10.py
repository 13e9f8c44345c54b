"""Kinds of message of fc23/fc24 about what the notice does not give, asked beside a partner or a
direction and answered before with a figure (helper i8-unknown10), each with messages of our own
in Simplified Chinese, Traditional Chinese and English: the partner side's funder and its amount
("Is the X of <country> funding the <country> team, and how much per team?", a question relayed
with "asks if"); one field's part of a direction's money asked in English; a company leading the
partner side; IP rules; the costs the money may cover and the overhead rate (no figure added).
Both sides are tested: the plain figure questions keep their answer."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect, expect_missing


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        # the partner side's funder and its amount: no figure of the notice is that amount
        (
            "Does the DFG of Germany fund the German team too, and how much per team?",
            "partner_funding",
        ),
        (
            "Our colleague asks whether the Finnish side gets money from Business Finland, "
            "and how much?",
            "partner_funding",
        ),
        (
            "Is the Academy of Finland paying for the Finnish side, and how much per project?",
            "partner_funding",
        ),
        ("以色列创新署那边给以方团队的资助额度是多少？", "partner_funding"),
        ("以色列創新署那邊給以方團隊的資助額度是多少？", "partner_funding"),
        # one field's part of a direction's single amount
        (
            "How much of the China-Finland joint research budget goes to the health and "
            "ageing field?",
            "field_shares",
        ),
        (
            "What is the money for the biotechnology field within the China-South Africa "
            "joint research?",
            "field_shares",
        ),
        ("中南非联合研究里生物技术领域的经费是多少？", "field_shares"),
        ("中南非聯合研究裡生物技術領域的經費是多少？", "field_shares"),
        # a company leading the partner side
        ("Can a private company be the lead partner on the Israeli side?", "partner_terms"),
        # IP rules
        (
            "My partner asked me if the patents will belong to the Israeli side. Are there "
            "IP rules for the Israel direction?",
            "ip",
        ),
        ("中以项目的知识产权规则是怎样的？", "ip"),
        ("中以項目的知識產權規則是怎樣的？", "ip"),
        # the costs the money may cover and the overhead rate
        ("中芬项目经费是否允许列支设备费？管理费比例是多少？", "indirect_costs"),
        ("中芬項目經費是否允許列支設備費？管理費比例是多少？", "indirect_costs"),
        (
            "For the Finland direction, can the budget pay for equipment, and what is the "
            "overhead rate?",
            "indirect_costs",
        ),
    ],
)
def test_missing_without_a_figure(engine: Engine, text: str, missing: str) -> None:
    # the direction's own figure would read as the answer to another question
    expect_missing(ask(engine, text), missing)


@pytest.mark.parametrize(
    ("text", "intent", "figure"),
    [
        ("How much per project does the China-Finland direction give?", "average", "4 million"),
        ("中芬项目每项多少钱？", "average", "400"),
        ("中芬項目每項多少錢？", "average", "400"),
        ("What is the budget of the China-South Africa joint research?", "budget", "30 million"),
    ],
)
def test_plain_figures_still_answered(engine: Engine, text: str, intent: str, figure: str) -> None:
    expect(ask(engine, text), intent, has=[figure])


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # "how much per project" after another aspect asks the notice's average, given as related
        ("What is the success rate for Finland, and how much per project?", "4 million"),
        ("Can the Israel project be extended, and how much per project?", "2 million"),
    ],
)
def test_per_project_after_another_aspect_is_given(engine: Engine, text: str, figure: str) -> None:
    expect(ask(engine, text), "unknown", has=[figure])
