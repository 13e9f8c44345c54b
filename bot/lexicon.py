"""The intent names and the cue vocabulary under the names the core has always used.

An intermediate step: the words themselves live in bot/data/cues.yaml (loaded and checked by
bot.vocab); this module only gives them their old names, so that ``L.CUES`` and ``L.COUNT`` keep
working while callers move to ``bot.intents`` and ``bot.vocab.vocabulary()``.
"""

from __future__ import annotations

from bot.intents import (  # noqa: F401  (re-exported)
    AVERAGE,
    BUDGET,
    COMPARE,
    COUNT,
    DETAIL,
    FIELDS,
    HELP,
    INTENTS,
    OUT_OF_SCOPE,
    OVERVIEW,
    PARTNERS,
    PERIOD,
    RANK,
    TOPIC,
    UNKNOWN,
)
from bot.vocab import vocabulary

_V = vocabulary()

CUES: dict[str, dict[str, int]] = _V.cues
SUPERLATIVE_MAX = frozenset(_V.flags["max"])
SUPERLATIVE_MIN = frozenset(_V.flags["min"])
RANKING = frozenset(_V.flags["ranking"])
COMPARATIVE = frozenset(_V.flags["compare"])
FOLLOWUP = frozenset(_V.flags["followup"])
PRONOUN = frozenset(_V.flags["pronoun"])
WHOLE_CALL = frozenset(_V.flags["whole"])
EXCLUDE = frozenset(_V.flags["exclude"])
COMMON_ENGLISH = _V.common_english
