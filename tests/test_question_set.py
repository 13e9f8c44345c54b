"""The project's own question set (tests/questions, 600+ items) at 97% or better."""

from tests.question_set import load_items, run


def test_question_set(engine):
    items = load_items()
    assert len(items) >= 300
    passed, failures, _ = run(engine, items)
    accuracy = passed / len(items)
    shown = "\n".join(f"{i['id']} {i['turns']}: {'; '.join(w)}" for i, _, w in failures[:30])
    assert accuracy >= 0.97, f"{accuracy:.1%}\n{shown}"


def test_every_intent_and_language_is_covered():
    items = load_items()
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


def test_independent_question_set(engine):
    """Written by a tester who did not read the code (tests/heldout), same contract."""
    from pathlib import Path

    items = load_items(Path(__file__).parent / "heldout")
    assert len(items) >= 300
    passed, failures, _ = run(engine, items)
    accuracy = passed / len(items)
    shown = "\n".join(f"{i['id']} {i['turns']}: {'; '.join(w)}" for i, _, w in failures[:30])
    assert accuracy >= 0.97, f"{accuracy:.1%}\n{shown}"


def test_second_independent_question_set(engine):
    """A second tester's set (tests/heldout2): speech-input typos, Taiwanese and mixed wording."""
    from pathlib import Path

    items = load_items(Path(__file__).parent / "heldout2")
    assert len(items) >= 300
    passed, failures, _ = run(engine, items)
    accuracy = passed / len(items)
    shown = "\n".join(f"{i['id']} {i['turns']}: {'; '.join(w)}" for i, _, w in failures[:30])
    assert accuracy >= 0.97, f"{accuracy:.1%}\n{shown}"
