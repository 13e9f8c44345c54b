"""The names of the intents (the contract's, plus the internal out-of-scope cue class).

These are identifiers the code branches on, not vocabulary: the words that signal each intent are
data, in bot/data/cues.yaml.
"""

from __future__ import annotations

BUDGET = "budget"
AVERAGE = "average"
COUNT = "count"
FIELDS = "fields"
TOPIC = "topic"
DETAIL = "detail"
COMPARE = "compare"
RANK = "rank"
OVERVIEW = "overview"
PERIOD = "period"
PARTNERS = "partners"
HELP = "help"
UNKNOWN = "unknown"
OUT_OF_SCOPE = "oos"

INTENTS = (
    PARTNERS,
    BUDGET,
    AVERAGE,
    COUNT,
    FIELDS,
    TOPIC,
    DETAIL,
    COMPARE,
    RANK,
    OVERVIEW,
    PERIOD,
    HELP,
    UNKNOWN,
)
