"""The project's question sets, each asserted at 97% or better through the core engine.

- tests/questions: 640+ conversations written to the contract, every intent and language;
- tests/heldout, tests/heldout2: written by testers who did not read the code (speech-input
  typos, Taiwanese and Cantonese wording, long messages, mixed languages);
- tests/firstcontact/fc1 … fc8: realistic first-contact sets (multi-aspect, arithmetic, ordinals,
  context about the asker, both calls, unanswerable aspects), asserted at 97% once they reached
  it, else at the level reached after fixes minus 2 points (``REACHED``).
"""

from pathlib import Path

import pytest

from tests.question_set import load_items, run

HERE = Path(__file__).parent
SETS = [
    "questions",
    *(f"heldout{n}" for n in ("", *range(2, 15))),
    # first-contact sets (tests/firstcontact/SCORES.md), asserted once they reached 97%
    "firstcontact/fc1",
    "firstcontact/fc2",
    "firstcontact/fc3",
    "firstcontact/fc4",
    "firstcontact/fc5",
    "firstcontact/fc6",
    "firstcontact/fc7",
    "firstcontact/fc8",
    "firstcontact/fc9",
    "firstcontact/fc10",
    "firstcontact/fc11",
    "firstcontact/fc12",
    "firstcontact/fc13",
    "firstcontact/fc14",
    "firstcontact/fc16",
    "firstcontact/fc15",
    "firstcontact/fc17",
    "firstcontact/fc18",
    "firstcontact/fc19",
    "firstcontact/fc20",
    "firstcontact/fc21",
    "firstcontact/fc22",
    "firstcontact/fc23",
    "firstcontact/fc24",
    "firstcontact/fc25",
    "firstcontact/fc26",
    "firstcontact/fc27",
    "firstcontact/fc28",
    "firstcontact/fc29",
    "firstcontact/fc30",
    "firstcontact/fc31",
    "firstcontact/fc32",
    "firstcontact/fc33",
    "firstcontact/fc34",
    "firstcontact/fc35",
    "firstcontact/fc36",
    "firstcontact/fc37",
    "firstcontact/fc38",
    "firstcontact/fc39",
    "firstcontact/fc40",
    "firstcontact/fc41",
    "firstcontact/fc42",
    "firstcontact/fc43",
    "firstcontact/fc44",
    "firstcontact/fc45",
    "firstcontact/fc46",
    "firstcontact/fc47",
    "firstcontact/fc48",
    "firstcontact/fc49",
    "firstcontact/fc50",
    "firstcontact/fc51",
    "firstcontact/fc52",
    # the newest sets, scored at first contact and not yet tuned, go here: held at that score
    # minus 2 points (REACHED) until their round
]
# a set short of 97% is asserted at the level it reached, minus 2 points
REACHED: dict[str, float] = {}


@pytest.mark.parametrize("folder", SETS)
def test_question_set(engine, folder):
    items = load_items(HERE / folder)
    assert len(items) >= 100  # a set is 100 items or more (fc45, fc46: one writer each)
    passed, failures, _ = run(engine, items)
    accuracy = passed / len(items)
    shown = "\n".join(f"{i['id']} {i['turns']}: {'; '.join(w)}" for i, _, w in failures[:30])
    assert accuracy >= REACHED.get(folder, 0.97), f"{folder}: {accuracy:.1%}\n{shown}"


def test_every_intent_and_language_is_covered():
    items = [i for folder in SETS for i in load_items(HERE / folder)]
    intents = {i["intent"] if isinstance(i["intent"], str) else i["intent"][0] for i in items}
    assert intents >= {
        "partners",
        "budget",
        "average",
        "count",
        "fields",
        "topic",
        "detail",
        "compare",
        "rank",
        "overview",
        "period",
        "help",
        "unknown",
    }
    assert {i["lang"] for i in items} == {"zh-Hans", "zh-Hant", "en"}
