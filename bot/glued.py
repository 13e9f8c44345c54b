"""A partner's name glued to the word asked about, typed on a phone without the space
("israelbudget", "finlandavg", "koreaprojects"): the name and the word are read apart.

Only a whole Latin token that is exactly a partner's Latin name followed by a one-word cue of a
measure or of the fields (cues.yaml) is split: no spelling guess on either part, so an ordinary
word is never cut in two."""

from __future__ import annotations

import re

from bot.vocab import vocabulary
from knowledge.model import Knowledge

_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{6,}(?![A-Za-z0-9])")
# the intents whose cue words are asked of a named direction in a terse message
_ASKED = ("budget", "average", "count", "fields")
_MIN_NAME = 4  # "isr", "kor" glued to a word would cut ordinary words ("korpus")
_MIN_CUE = 3
# weak cue words (get, each, only, per) say too little to cut a token on
_MIN_WEIGHT = 2


def _parts(k: Knowledge) -> tuple[frozenset[str], frozenset[str]]:
    """(partner names, cue words) in lower case, as the pieces a glued token is made of."""
    if "glued_parts" not in k._cache:
        names = {
            a.lower()
            for p in k.partners
            for a in (p.name.en, *p.aliases)
            if a.isascii() and a.isalpha() and len(a) >= _MIN_NAME
        }
        cues = vocabulary().cues
        words = {
            w
            for intent in _ASKED
            for w, weight in cues.get(intent, {}).items()
            if w.isascii() and w.isalpha() and len(w) >= _MIN_CUE and weight >= _MIN_WEIGHT
        }
        k._cache["glued_parts"] = (frozenset(names), frozenset(words))
    return k._cache["glued_parts"]


def unglued(text: str, k: Knowledge) -> str:
    """``text`` with each token made of a partner's name and a cue word written as two words."""
    if not any(c.isascii() and c.isalpha() for c in text):
        return text
    names, words = _parts(k)

    def repl(m: re.Match[str]) -> str:
        token = m.group()
        low = token.lower()
        if low in names or low in words:
            return token
        for cut in range(_MIN_NAME, len(low) - _MIN_CUE + 1):
            if low[:cut] in names and low[cut:] in words:
                return f"{token[:cut]} {token[cut:]}"
        return token

    return _TOKEN.sub(repl, text)
