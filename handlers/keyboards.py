"""Inline keyboards and their callback data.

Callback data is versioned text, at most 64 bytes (Telegram's limit):
``v1|<op>|<lang>|<arg>`` where op is an intent code (arg: direction ids joined by ","),
``p`` (arg: a partner id), ``q`` (arg: a question to ask) or ``L`` (arg: a /lang choice), and
lang is ``s``/``t``/``e`` (the language of the message the button sits under) or empty.
Anything that does not parse -- an older version, a forged or truncated payload -- decodes to
None and the user is told the button is out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import intents as L
from bot.answers import Suggestion
from bot.engine import Reply
from handlers import texts
from knowledge.model import Knowledge

VERSION = "v1"
MAX_CALLBACK_BYTES = 64
MAX_PROGRAMS = 6
ROW = 2

INTENT_CODES = {
    L.BUDGET: "b",
    L.FIELDS: "f",
    L.COUNT: "c",
    L.AVERAGE: "a",
    L.DETAIL: "d",
    L.COMPARE: "m",
    L.RANK: "r",
    L.OVERVIEW: "o",
    L.PARTNERS: "l",
    L.HELP: "h",
    L.PERIOD: "t",
}
CODE_INTENTS = {code: intent for intent, code in INTENT_CODES.items()}
# intents ask_about answers without naming a direction
GENERAL_INTENTS = frozenset({L.OVERVIEW, L.PARTNERS, L.HELP, L.RANK})
LANG_CODES = {"zh-Hans": "s", "zh-Hant": "t", "en": "e"}
CODE_LANGS = {code: lang for lang, code in LANG_CODES.items()}
LANG_CHOICES = {"s": "zh-Hans", "t": "zh-Hant", "e": "en", "auto": "auto"}

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,40}$")


@dataclass(frozen=True)
class Action:
    """A decoded button press."""

    op: str  # "intent" | "partner" | "ask" | "lang"
    lang: str | None = None
    intent: str = ""
    programs: tuple[str, ...] = ()
    partner: str = ""
    query: str = ""
    choice: str = ""


def _pack(op: str, lang: str | None, arg: str) -> str | None:
    data = f"{VERSION}|{op}|{LANG_CODES.get(lang or '', '')}|{arg}"
    return data if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES else None


def encode_intent(
    intent: str, programs: tuple[str, ...] | list[str], lang: str | None
) -> str | None:
    """Data for "answer ``intent`` about these directions"; drops trailing ids to fit 64 bytes."""
    code = INTENT_CODES.get(intent)
    if code is None or (not programs and intent not in GENERAL_INTENTS):
        return None
    ids = list(programs)[:MAX_PROGRAMS]
    while True:
        data = _pack(code, lang, ",".join(ids))
        if data is not None or not ids:
            break
        ids.pop()
    if data is None or (programs and not ids):
        return None
    assert len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES
    return data


def encode_partner(partner_id: str, lang: str | None) -> str | None:
    data = _pack("p", lang, partner_id) if _ID.match(partner_id) else None
    assert data is None or len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES
    return data


def encode_question(query: str, lang: str | None) -> str | None:
    query = " ".join(query.split())
    data = _pack("q", lang, query) if query else None
    assert data is None or len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES
    return data


def encode_lang(choice: str) -> str:
    data = _pack("L", None, choice)
    assert data is not None
    return data


def decode(data: object) -> Action | None:
    """The action behind callback data, or None for stale, forged or unknown data."""
    if not isinstance(data, str) or len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        return None
    parts = data.split("|", 3)
    if len(parts) != 4 or parts[0] != VERSION:
        return None
    _, op, lang_code, arg = parts
    if lang_code and lang_code not in CODE_LANGS:
        return None
    lang = CODE_LANGS.get(lang_code)
    if op in CODE_INTENTS:
        intent = CODE_INTENTS[op]
        ids = tuple(arg.split(",")) if arg else ()
        if len(ids) > MAX_PROGRAMS or not all(_ID.match(i) for i in ids):
            return None
        if not ids and intent not in GENERAL_INTENTS:
            return None
        return Action("intent", lang, intent=intent, programs=ids)
    if op == "p" and _ID.match(arg):
        return Action("partner", lang, partner=arg)
    if op == "q" and arg.strip():
        return Action("ask", lang, query=arg)
    if op == "L" and arg in LANG_CHOICES:
        return Action("lang", lang, choice=LANG_CHOICES[arg])
    return None


def _suggestion_data(s: Suggestion, lang: str) -> str | None:
    if s.programs or (s.intent in GENERAL_INTENTS):
        data = encode_intent(s.intent, s.programs, lang)
        if data:
            return data
    return encode_question(s.query, lang) if s.query else None


def _rows(buttons: list[InlineKeyboardButton], width: int = ROW) -> list[list]:
    return [buttons[i : i + width] for i in range(0, len(buttons), width)]


def answer_keyboard(
    reply: Reply, knowledge: Knowledge | None = None
) -> InlineKeyboardMarkup | None:
    """Natural next questions under an answer: the engine's suggestions, plus compare and the
    other partners when the answer is about particular directions. A list of partners gets
    one button per partner (with ``knowledge``)."""
    lang = reply.lang
    if knowledge is not None and reply.intent == L.PARTNERS:
        return partners_keyboard(knowledge, lang)
    buttons: list[InlineKeyboardButton] = []
    seen: set[str] = set()
    for s in reply.suggestions:
        if s.intent == reply.intent and list(s.programs) == reply.programs:
            continue  # the question just answered
        data = _suggestion_data(s, lang)
        if data and data not in seen and s.label.strip():
            seen.add(data)
            buttons.append(InlineKeyboardButton(s.label[:64], callback_data=data))
    rows = _rows(buttons)
    extra: list[InlineKeyboardButton] = []
    about_directions = reply.programs and reply.intent not in GENERAL_INTENTS
    if about_directions and len(reply.programs) >= 2 and reply.intent != L.COMPARE:
        data = encode_intent(L.COMPARE, reply.programs, lang)
        if data:
            extra.append(InlineKeyboardButton(texts.label_compare(lang), callback_data=data))
    if about_directions:
        data = encode_intent(L.PARTNERS, (), lang)
        if data:
            extra.append(InlineKeyboardButton(texts.label_partners(lang), callback_data=data))
    if extra:
        rows.append(extra)
    return InlineKeyboardMarkup(rows) if rows else None


def partners_keyboard(knowledge: Knowledge, lang: str) -> InlineKeyboardMarkup:
    """One button per partner that has a direction; pressing it opens the partner's detail."""
    buttons = []
    for p in knowledge.partners:
        if not knowledge.directions_by_partner.get(p.id):
            continue
        data = encode_partner(p.id, lang)
        if data:
            buttons.append(InlineKeyboardButton(p.name.get(lang)[:64], callback_data=data))
    return InlineKeyboardMarkup(_rows(buttons))


def lang_keyboard(lang: str) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(name, callback_data=encode_lang(LANG_CODES[code]))
        for code, name in texts.LANG_NAMES.items()
    ]
    buttons.append(InlineKeyboardButton(texts.label_auto(lang), callback_data=encode_lang("auto")))
    return InlineKeyboardMarkup(_rows(buttons))
