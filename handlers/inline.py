"""Inline mode: ``@bot 以色列`` in any chat offers answer cards to send.

Results do not depend on who asks (``is_personal`` false, so Telegram may share its cache): the
language comes from the query text, and the empty query offers the overview and the partner
list in Chinese and English, then one card per partner.
"""

from __future__ import annotations

import hashlib
import re

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.helpers import create_deep_linked_url

from bot import intents as L
from bot.engine import Engine, Reply
from handlers import texts
from handlers.commands import deep_link_payload
from handlers.split import split_message

MAX_RESULTS = 50
CACHE_TIME = 300
MAX_QUERY = 256
_CONTENT_LIMIT = 4000  # leaves room for the "…" of a cut answer
_EMPTY_LANGS = ("zh-Hans", "en")
_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # what Telegram allows in a start parameter


def result_id(query: str, key: str) -> str:
    """Stable across calls and restarts, unique per card, 40 bytes (Telegram allows 64)."""
    return hashlib.sha1(f"{query}\x00{key}".encode()).hexdigest()


def _title_and_description(reply: Reply) -> tuple[str, str]:
    lines = [line.strip() for line in reply.text.splitlines() if line.strip()]
    title = lines[0] if lines else "callbot"
    if len(title) > 60:
        title = title[:59] + "…"
    description = " ".join(lines[1:])[:120] if len(lines) > 1 else ""
    return title, description


def _card(
    query: str, key: str, reply: Reply, bot_username: str | None
) -> InlineQueryResultArticle:
    parts = split_message(reply.html, _CONTENT_LIMIT)
    html = parts[0] + ("\n…" if len(parts) > 1 else "")
    title, description = _title_and_description(reply)
    markup = None
    payload = deep_link_payload(reply.programs[0]) if len(reply.programs) == 1 else ""
    if bot_username and _PAYLOAD.match(payload):
        url = create_deep_linked_url(bot_username, payload)
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(texts.label_open(reply.lang), url=url)]]
        )
    return InlineQueryResultArticle(
        id=result_id(query, key),
        title=title,
        description=description or None,
        input_message_content=InputTextMessageContent(
            html,
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        reply_markup=markup,
    )


def build_results(engine: Engine, query: str, bot_username: str | None = None) -> list:
    """The cards for ``query``: its answer, then one card per direction the answer names."""
    query = " ".join(query.split())[:MAX_QUERY]
    session = ("inline", query)
    cards: dict[str, InlineQueryResultArticle] = {}

    def add(key: str, reply: Reply) -> None:
        if not cards or (len(cards) < MAX_RESULTS and reply.intent != L.UNKNOWN):
            card = _card(query, key, reply, bot_username)
            cards.setdefault(card.id, card)

    if not query:
        for lang in _EMPTY_LANGS:
            add(
                f"overview|{lang}", engine.ask_about(L.OVERVIEW, [], session, lang, remember=False)
            )
            add(
                f"partners|{lang}", engine.ask_about(L.PARTNERS, [], session, lang, remember=False)
            )
        lang = _EMPTY_LANGS[0]
        for partner in engine.knowledge.partners:
            ids = [d.id for d in engine.knowledge.directions_by_partner.get(partner.id, ())]
            if ids:
                add(
                    f"partner|{partner.id}|{lang}",
                    engine.ask_about(L.DETAIL, ids, session, lang, remember=False),
                )
    else:
        reply = engine.ask(query, session, remember=False)  # never a follow-up
        add(f"answer|{reply.intent}|{','.join(reply.programs)}|{reply.lang}", reply)
        if reply.intent != L.DETAIL or len(reply.programs) > 1:
            for program in reply.programs:
                add(
                    f"detail|{program}|{reply.lang}",
                    engine.ask_about(L.DETAIL, [program], session, reply.lang, remember=False),
                )
    return list(cards.values())[:MAX_RESULTS]


async def on_inline_query(update: Update, context) -> None:
    inline_query = update.inline_query
    results = build_results(context.engine, inline_query.query or "", context.bot.username)
    await inline_query.answer(results, cache_time=CACHE_TIME, is_personal=False)
