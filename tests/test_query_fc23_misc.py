"""Small kinds left after the fc23/fc24 rounds, each on messages other than the sets' own: one
average as a percentage of another, a ratio written as a division, a call as the scope of a
superlative (not a guess to check), "maximum number of projects" of one named direction beside a
topic (its limit, not a ranking), and a two-character name by a near sound inside a word."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask


@pytest.mark.parametrize(
    ("turns", "intent", "programs", "has"),
    [
        # one average as a percentage of another: the percentage itself is said
        (
            (
                "Is the Korea joint research average per project what percentage of the "
                "Germany average?",
            ),
            "compare",
            ["intl-2.0", "intl-1.8"],
            ["25%"],
        ),
        (
            ("中韩联合研究的平均资助是中德平均的百分之几？",),
            "compare",
            ["intl-2.0", "intl-1.8"],
            ["25%"],
        ),
        (
            ("中韓聯合研究嘅平均資助係中德平均嘅幾多百分比？",),
            "compare",
            ["intl-2.0", "intl-1.8"],
            ["25%"],
        ),
        # a ratio written as a division
        (
            ("Finland budget", "and Germany?", "Finland divided by Germany?"),
            "compare",
            ["intl-1.6", "intl-1.8"],
            ["3 times"],
        ),
        (("芬兰经费除以德国经费是多少？",), "compare", ["intl-1.6", "intl-1.8"], ["3倍"]),
        # …but a total divided by the number of projects is an average, not a ratio
        (
            ("芬兰方向总经费除以项目数是多少？",),
            "average",
            ["intl-1.6"],
            ["400"],
        ),
        # a call in the superlative's clause is its scope; the partner in another is context
        (
            (
                "Which direction has the smallest average in the intergovernmental call? "
                "Our lab works with Finland.",
            ),
            "rank",
            None,
            ["Argentina"],
        ),
        (
            ("政府间专项里项目数最多的是哪个方向？我们和德国有合作。",),
            "rank",
            None,
            ["中俄"],
        ),
        # one named direction's "maximum number of projects" beside a topic: its own limit
        (
            (
                "We do quantum sensors with Helsinki. For China-Finland: total budget, maximum "
                "number of projects, and is ageing technology included?",
            ),
            "detail",
            ["intl-1.6"],
            ["60 million", "15"],
        ),
    ],
)
def test_kinds(engine: Engine, turns, intent, programs, has) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == intent, reply
    if programs is not None:
        assert sorted(reply["programs"]) == sorted(programs), reply
    text = reply["text"].replace(",", "")
    for h in has:
        assert h in text, (h, reply["text"])


def test_near_sound_two_characters(engine: Engine) -> None:
    """ "材料中写" (xie) is no 中西 (xi): both calls' sum is not turned into Spain's budget."""
    reply = ask(
        engine,
        "请问政府间专项与港澳台项目两者经费合计是多少？我处需要在汇报材料中写一个总数。",
    )
    assert reply["intent"] == "budget", reply
    assert "52600" in reply["text"], reply
    assert "intl-1.3" not in reply["programs"], reply
