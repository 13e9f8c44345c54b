"""Vocabulary added after fc30/fc31 were scored, each on messages other than the sets' own:
which kinds of cost are allowed (a missing aspect, never the call's budget), "what can this bot
tell me" (help, while a name asked about keeps its card), and "intergov" for the
intergovernmental call."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask


@pytest.mark.parametrize(
    "message",
    [
        "Hello! What types of expenses are allowed in the budget, e.g. conferences?",
        "Which costs are eligible in the China–Finland projects?",
        "What sort of costs is permitted for the Israel direction?",
    ],
)
def test_kinds_of_cost_are_not_given(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "unknown", reply
    assert "CNY" not in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "message",
    [
        "Good evening. What can this bot tell me about the call?",
        "What could you show me?",
        "hi, what can the bot actually tell me?",
    ],
)
def test_what_can_it_tell_me_is_help(engine: Engine, message: str) -> None:
    assert ask(engine, message)["intent"] == "help"


def test_a_name_asked_about_keeps_its_card(engine: Engine) -> None:
    reply = ask(engine, "What can you tell me about Germany?")
    assert reply["intent"] == "detail" and reply["programs"] == ["intl-1.8"], reply


def test_intergov_is_the_intergovernmental_call(engine: Engine) -> None:
    reply = ask(engine, "total budget of the intergov call and the HMT call together?")
    assert reply["intent"] == "budget", reply
    assert "526 million" in reply["text"], reply["text"]
