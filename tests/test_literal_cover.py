"""The literal pre-check of the missing-aspect patterns (bot/literal_cover.py): a set of strings
one of which every match contains, so a message with none of them is skipped unread."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import operations as O
from bot.literal_cover import literal_cover

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
    checked = [a for a in O.VOCAB.aspects if a.prefilter is not None]
    assert len(checked) >= len(O.VOCAB.aspects) // 2
    for a in checked:
        for text in messages:
            if a.pattern.search(text):
                assert a.prefilter.search(text), (a.id, text)
