"""The literal pre-check of the missing-aspect patterns (bot/literal_cover.py): a set of strings
one of which every match contains, so a message with none of them is skipped unread."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot import operations as O
from bot.literal_cover import (
    frequent_cost,
    gated_alternatives,
    literal_cover,
    literal_covers,
    top_level_alternatives,
)

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("pattern", "cover"),
    [
        ("截止日期", {"截止日期"}),
        ("截止|deadline", {"截止", "deadline"}),
        # the longest literal run of a sequence, whatever surrounds it
        (r"\bsuccess(?:ful)?\s+rates?\b", {"success"}),
        # the parser writes 申请|申報 as 申[请報]: the longer required group is chosen
        (r"(?:申请|申報)(?:的)?(?:截止时间|期限)", {"截止时间", "期限"}),
        # an optional part or a look-around requires nothing
        (r"(?:配套)?经费(?=多少)", {"经费"}),
        # one branch with no literal: no pre-check at all
        (r"[0-9]+|以后", None),
        (r"[0-9]+年|以后", {"年", "以后"}),
        ("(?i)Deadline", None),
        ("(", None),
    ],
)
def test_literal_cover(pattern, cover):
    got = literal_cover(pattern)
    assert (None if got is None else set(got)) == cover


def test_two_covers_from_different_needed_parts():
    # every match holds one of 外方/对方 (by the parser, 方) and one of 出资/资助: both are checked
    covers = literal_covers(r"(?:外方|对方)的?(?:出资|资助)多少")
    assert [set(c) for c in covers] == [{"多少"}, {"出资", "资助"}]


def test_a_frequent_word_is_relied_on_last():
    pattern = r"多少.{0,6}立项率|project.{0,9}approval"
    plain = literal_covers(pattern)
    assert {"多少", "project"} in [set(c) for c in plain]
    cost = frequent_cost(frozenset({"多少", "project"}))
    rare = literal_covers(pattern, cost)
    assert set(rare[0]) == {"立项率", "approval"}


def test_a_longer_literal_beside_a_shorter_one_adds_nothing():
    assert set(literal_cover(r"funding|fund\w*|资助")) == {"fund", "资助"}


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        (r"a|(b|c)|[|)]d|\|e|[]|]x", ["a", "(b|c)", "[|)]d", r"\|e", "[]|]x"]),
        # a group around a whole alternative is opened, one followed by more is not
        (r"(?:a|(?:b|c)x)|(?:d|e)|(?:f)", ["a", "(?:b|c)x", "d", "e", "f"]),
        (r"(?:a|b)+|c", ["(?:a|b)+", "c"]),
        # flags for the whole pattern: never split
        (r"(?i)a|b", [r"(?i)a|b"]),
    ],
)
def test_top_level_alternatives(pattern, parts):
    assert top_level_alternatives(pattern) == parts


def test_gated_groups_match_as_the_whole_pattern():
    pattern = r"(?:外方|对方)给多少|经费由谁出|\bapply\b|[0-9]+|多少钱给外方"
    groups = gated_alternatives(pattern, most=3)
    assert len(groups) <= 3 and groups[-1][0] == []  # "[0-9]+" needs no literal: always run
    for text in ("外方给多少", "经费由谁出呢", "we apply", "2023", "nothing here", "多少钱给外方"):
        gated = any(
            (not lits or any(x in text for x in lits)) and re.search(part, text)
            for lits, part in groups
        )
        assert gated == bool(re.search(pattern, text)), text


def _messages() -> list[str]:
    out: list[str] = []
    for path in sorted(HERE.glob("**/*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue
        if isinstance(data, list):
            out += [t for it in data if isinstance(it, dict) for t in it.get("turns", ())]
    return out


def test_the_pre_check_never_hides_a_match():
    messages = [O.folded(t) for t in _messages()]
    assert len(messages) > 10000
    checked = [a for a in O.VOCAB.aspects if a.prefilters]
    assert len(checked) >= len(O.VOCAB.aspects) // 2
    for a in O.VOCAB.aspects:
        for text in dict.fromkeys(messages):
            whole = bool(a.pattern.search(text))
            # the pre-check never hides a match, and the gated alternatives match exactly when
            # the whole pattern does
            assert a.matched(text) == whole and (a.may_be_in(text) or not whole), (a.id, text)
