"""Metamorphic invariance: a question wrapped in a greeting, thanks, an emoji or a sentence of
context about the asker (in its own language) must get the same intent, directions and figures.

The wrappers are ours, several per language; context sentences name no partner and no topic.
Used by tests/test_invariance.py and runnable alone to list the items that move:
``.venv/bin/python -m tests.invariance [-v]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bot.engine import Engine
from tests.question_set import load_items

HERE = Path(__file__).parent

# (prefix, suffix) per language; a prefix is a greeting or a sentence about the asker
WRAPPERS: dict[str, list[tuple[str, str]]] = {
    "zh-Hans": [
        ("老师您好，我们是某大学科研处的，", ""),
        ("您好！", ""),
        ("", "谢谢！"),
        ("", " 🙏"),
        ("我是一名博士后，刚入职不久。", ""),
        ("打扰了，", "，麻烦您了，谢谢"),
        ("各位老师好，我是学院负责科研管理的老师，帮领导问一下：", ""),
        ("", "。我们是高校科研处的。"),
    ],
    "zh-Hant": [
        ("老師您好，我們是大學研發處的同仁，", ""),
        ("你好，", ""),
        ("", "謝謝！"),
        ("", "唔該晒"),
        ("", " 🙏"),
        ("我係大學研究處嘅職員，", ""),
        ("不好意思打擾一下，", "，感謝！"),
        ("", "。我哋係大學研究處嘅。"),
    ],
    "en": [
        ("Hi, I'm a postdoc at a university. ", ""),
        ("Hello! ", ""),
        ("", " Thanks!"),
        ("", " 🙏"),
        ("Dear colleague, I work in the research office of a university. ", ""),
        ("Good morning. ", " Thank you very much."),
        ("Quick question from a PhD student: ", ""),
        ("", " We are from a university research office."),
    ],
}

_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def signature(reply: dict) -> tuple:
    """What must not move: intent, directions, and the figures of the reply."""
    figures = tuple(sorted(set(_FIGURE.findall(reply.get("text", "")))))
    return reply.get("intent"), tuple(sorted(reply.get("programs") or [])), figures


def wrap(text: str, lang: str, n: int) -> str:
    prefix, suffix = WRAPPERS[lang][n % len(WRAPPERS[lang])]
    return f"{prefix}{text}{suffix}"


def _final(engine: Engine, turns: list[str], session: tuple) -> dict:
    reply: dict = {}
    for turn in turns:
        reply = engine.ask(turn, session).to_json()
    engine.contexts.forget(session)
    return reply


def in_scope(folders: list[str]) -> list[dict]:
    """The items whose expected answer is not `unknown` or `help`, with a known language."""
    items = []
    for folder in folders:
        for item in load_items(HERE / folder):
            first = item["intent"] if isinstance(item["intent"], str) else item["intent"][0]
            if first not in ("unknown", "help") and item.get("lang") in WRAPPERS:
                items.append(item)
    return items


def measure(engine: Engine, items: list[dict], per_item: int = 2) -> tuple[int, list]:
    """Each item's last turn wrapped ``per_item`` ways (rotating through the wrappers); an item
    holds when every wrapping keeps the signature. Returns (items held, items that moved)."""
    held, moved = 0, []
    for n, item in enumerate(items):
        turns = list(item["turns"])
        base = signature(_final(engine, turns, ("inv", n)))
        bad = []
        for k in range(per_item):
            wrapped = [*turns[:-1], wrap(turns[-1], item["lang"], n + k * 3)]
            got = signature(_final(engine, wrapped, ("inv", n, k)))
            if got != base:
                bad.append((wrapped[-1], base, got))
        held += not bad
        if bad:
            moved.append((item, bad))
    return held, moved


if __name__ == "__main__":
    from knowledge import load_bundled
    from tests.test_question_set import SETS

    items = in_scope(SETS)
    held, moved = measure(Engine(load_bundled()), items)
    print(f"invariance: {held}/{len(items)} = {100 * held / len(items):.2f}%")
    if "-v" in sys.argv:
        for item, bad in moved:
            for text, base, got in bad:
                print(f"{item['id']}: {text!r}\n   {base[:2]} -> {got[:2]}")
                if base[2] != got[2]:
                    print(f"   figures {base[2]} -> {got[2]}")
