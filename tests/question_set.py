"""The project's own question set (tests/questions/*.yaml), checked through the core engine.

Same item format and the same rules as the contract's scorer: intent (one or a list), programs
(exact / includes / f1) or programs_any, `has` (each entry, a list meaning any one of), `not_has`,
and Traditional replies free of Simplified-only characters.
"""

from __future__ import annotations

import collections
from pathlib import Path

import yaml

from bot.engine import Engine

HERE = Path(__file__).parent / "questions"
SIMPLIFIED_ONLY = set("国资项领额个经费这们么说时发动区门长见关总数东车书")


def load_items(folder: Path = HERE) -> list[dict]:
    items: list[dict] = []
    for path in sorted(folder.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            item["_file"] = path.name
            items.append(item)
    return items


def _norm(text: str) -> str:
    return "".join(text.lower().replace(",", "").replace("，", "").split())


def check(item: dict, reply: dict) -> list[str]:
    why = []
    intents = item["intent"] if isinstance(item["intent"], list) else [item["intent"]]
    if reply.get("intent") not in intents:
        why.append(f"intent {reply.get('intent')!r} not in {intents}")
    got = set(reply.get("programs") or [])
    if item.get("programs_any"):
        if not any(got == set(s) for s in item["programs_any"]):
            why.append(f"programs {sorted(got)} not any of {item['programs_any']}")
    elif item.get("programs") is not None:
        want = set(item["programs"])
        mode = item.get("match", "exact")
        if mode == "exact" and got != want:
            why.append(f"programs {sorted(got)} != {sorted(want)}")
        elif mode == "includes" and not want <= got:
            why.append(f"programs {sorted(got)} lack {sorted(want - got)}")
        elif mode == "f1":
            tp = len(got & want)
            f1 = 2 * tp / (len(got) + len(want)) if got or want else 1.0
            if f1 < 0.8:
                why.append(f"programs F1 {f1:.2f}: got {sorted(got)} want {sorted(want)}")
    text = _norm(reply.get("text", ""))
    for entry in item.get("has") or []:
        options = entry if isinstance(entry, list) else [entry]
        if not any(_norm(str(o)) in text for o in options):
            why.append(f"text lacks {options}")
    for entry in item.get("not_has") or []:
        if _norm(str(entry)) in text:
            why.append(f"text has {entry!r}")
    if item.get("lang") == "zh-Hant":
        bad = sorted(set(reply.get("text", "")) & SIMPLIFIED_ONLY)
        if bad:
            why.append(f"simplified characters in a Traditional reply: {''.join(bad)}")
    if item.get("lang") and reply.get("lang") != item["lang"]:
        why.append(f"lang {reply.get('lang')} != {item['lang']}")
    return why


def run(
    engine: Engine, items: list[dict]
) -> tuple[int, list[tuple[dict, dict, list[str]]], dict[str, list[int]]]:
    failures = []
    by_tag: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    passed = 0
    for n, item in enumerate(items):
        session = ("qs", n)
        reply = {}
        for turn in item["turns"]:
            reply = engine.ask(turn, session).to_json()
        engine.contexts.forget(session)
        why = check(item, reply)
        passed += not why
        first = item["intent"] if isinstance(item["intent"], str) else item["intent"][0]
        for tag in [item.get("lang", "?"), first, *item.get("tags", [])]:
            by_tag[tag][0] += not why
            by_tag[tag][1] += 1
        if why:
            failures.append((item, reply, why))
    return passed, failures, by_tag


if __name__ == "__main__":
    import sys

    from knowledge import load_bundled

    items = load_items()
    passed, failures, by_tag = run(Engine(load_bundled()), items)
    for tag, (ok, n) in sorted(by_tag.items()):
        print(f"  {tag:<14} {ok:>4}/{n:<4} {100 * ok / n:5.1f}%")
    show = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    for item, reply, why in failures[:show]:
        print(
            f"FAIL {item['id']} {item['turns']} -> {reply.get('intent')} "
            f"{reply.get('programs')}: {'; '.join(why)} | {reply.get('text', '')[:120]!r}"
        )
    print(f"accuracy: {passed}/{len(items)} = {100 * passed / len(items):.1f}%")
