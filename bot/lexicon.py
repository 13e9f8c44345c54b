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
SUPERLATIVE_MAX = _V.flags["max"]
SUPERLATIVE_MIN = _V.flags["min"]
RANKING = _V.flags["ranking"]
COMPARATIVE = _V.flags["compare"]
FOLLOWUP = _V.flags["followup"]
PRONOUN = _V.flags["pronoun"]
WHOLE_CALL = _V.flags["whole"]
EXCLUDE = _V.flags["exclude"]
COMMON_ENGLISH = _V.common_english
