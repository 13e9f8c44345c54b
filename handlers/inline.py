"""Inline mode: ``@bot 以色列`` in any chat offers answer cards to send.

Results do not depend on who asks (``is_personal`` false, so Telegram may share its cache): the
language comes from the query text, and the empty query offers the overview and the partner
list in Chinese and English, then one card per partner. Only a query whose script does not tell
its language (以色列, an emoji) is answered in the asker's Telegram language, as a personal
result.
"""

from __future__ import annotations

import hashlib
import logging
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
from telegram.error import BadRequest
from telegram.helpers import create_deep_linked_url

from bot import intents as L
from bot.engine import Engine, Reply
from handlers import texts
from handlers.commands import deep_link_payload
from handlers.messages import undetectable_lang
from handlers.split import split_message

logger = logging.getLogger(__name__)

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
    title = _short(lines[0]) if lines else "callbot"
    description = " ".join(lines[1:])[:120] if len(lines) > 1 else ""
    return title, description


def _short(title: str) -> str:
    return title if len(title) <= 60 else title[:59] + "…"


def _first_line(reply: Reply) -> str:
    return next((line.strip() for line in reply.text.splitlines() if line.strip()), "")


def _card(
    query: str, key: str, reply: Reply, bot_username: str | None, title: str | None = None
) -> InlineQueryResultArticle:
    parts = split_message(reply.html, _CONTENT_LIMIT)
    html = parts[0] + ("\n…" if len(parts) > 1 else "")
    first, description = _title_and_description(reply)
    title = _short(title) if title else first
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


def build_results(
    engine: Engine, query: str, bot_username: str | None = None, lang: str | None = None
) -> list:
    """The cards for ``query``: its answer, then one card per direction the answer names;
    ``lang`` imposes the reply language (else it comes from the query text)."""
    query = " ".join(query.split())[:MAX_QUERY]
    session = ("inline", query)
    cards: dict[str, InlineQueryResultArticle] = {}

    def add(key: str, reply: Reply, title: str | None = None) -> None:
        if not cards or (len(cards) < MAX_RESULTS and reply.intent != L.UNKNOWN):
            card = _card(query, key, reply, bot_username, title)
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
        reply = engine.ask(query, session, lang=lang, remember=False)  # never a follow-up
        details = []
        if reply.intent != L.DETAIL or len(reply.programs) > 1:
            details = [
                (p, engine.ask_about(L.DETAIL, [p], session, reply.lang, remember=False))
                for p in reply.programs[:MAX_RESULTS]
            ]
        title = None
        if reply.intent == L.DETAIL and len(details) > 1:
            # the answer about all of them starts like the first one's own card: name them all,
            # or the list shows two cards that look the same
            named = [engine.knowledge.direction_by_id.get(p) for p, _ in details]
            title = " · ".join(
                f"{d.number} {d.short.get(reply.lang)}" if d else _first_line(r)
                for d, (_, r) in zip(named, details, strict=True)
            )
        add(f"answer|{reply.intent}|{','.join(reply.programs)}|{reply.lang}", reply, title)
        for program, detail in details:
            add(f"detail|{program}|{reply.lang}", detail)
    return list(cards.values())[:MAX_RESULTS]


def expired(exc: BadRequest) -> bool:
    """Telegram's answer to a query answered too late (or answered twice): nobody's bug, the
    user has typed on or closed the chat."""
    text = exc.message.lower()
    return "query is too old" in text or "query id is invalid" in text


async def on_inline_query(update: Update, context) -> None:
    """Every result fits on one page (at most 50, no ``next_offset``), so a request for a later
    page (a client that sends an offset anyway) gets none: the same cards again would show
    twice in its list."""
    inline_query = update.inline_query
    query = inline_query.query or ""
    user = inline_query.from_user
    # a query whose script does not tell its language (以色列, an emoji) is answered in the
    # asker's language: then the cards are that user's own, not shared through Telegram's cache
    lang = undetectable_lang(query, texts.lang_from_code(user.language_code if user else None))
    if not query.strip():
        lang = None
    if inline_query.offset:
        results = []
    else:
        results = build_results(context.engine, query, context.bot.username, lang)
    try:
        await inline_query.answer(results, cache_time=CACHE_TIME, is_personal=lang is not None)
    except BadRequest as exc:
        if not expired(exc):
            raise
        logger.info("Inline query %s not answered in time: %s", inline_query.id, exc.message)
