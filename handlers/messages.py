"""Questions in messages: every text (or caption) in a private chat; in groups only what is
addressed to the bot (a mention, /ask, or a reply to one of its messages). Edited questions edit
their answer. A question that replies to someone's message reads that message as its context."""

from __future__ import annotations

import html
import logging
import re
import unicodedata

from telegram import Message, MessageEntity, Update
from telegram.ext import ExtBot

from bot import intents as L
from bot.engine import Reply
from bot.language import detect_lang
from handlers import texts
from handlers.send import answered_ids, edit_reply, send_html, send_reply
from handlers.services import CallbotContext, fixed_lang, is_group, reply_lang, session_key

logger = logging.getLogger(__name__)

MAX_QUESTION = 1000  # characters; longer messages get a short "too long" reply
MAX_QUOTED = 500  # characters of a replied-to message read as context (never echoed)
_LEADING_PUNCT = re.compile(r"^[\s,，:：;；、.!！?？-]+")


def _is_bot_reply(message: Message, bot: ExtBot) -> bool:
    replied = message.reply_to_message
    if replied is None:
        return False
    if replied.from_user is not None and replied.from_user.id == bot.id:
        return True
    return replied.via_bot is not None and replied.via_bot.id == bot.id


def body(message: Message) -> str:
    """The text of a message, or the caption of a photo or document."""
    return message.text if message.text is not None else message.caption or ""


def bot_mentions(message: Message, bot: ExtBot) -> list[str]:
    """The substrings of the text (or caption) that mention this bot (@username or a text
    mention)."""
    found = []
    username = (bot.username or "").lower()
    kinds = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    if message.text is not None:
        entities = message.parse_entities(kinds)
    else:
        entities = message.parse_caption_entities(kinds)
    for entity, value in entities.items():
        named = entity.type == MessageEntity.MENTION and value.lower() == f"@{username}"
        linked = entity.user is not None and entity.user.id == bot.id
        if (named and username) or linked:
            found.append(value)
    text = body(message)
    if not found and username and text:  # clients that send no entities
        found = re.findall(rf"@{re.escape(username)}\b", text, flags=re.IGNORECASE)
    return found


_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
_COMMAND_PARTS = re.compile(r"^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?")


def strip_mentions(text: str, mentions: list[str]) -> str:
    for value in mentions:
        text = text.replace(value, " ")
    return _LEADING_PUNCT.sub("", re.sub(r"[ \t]{2,}", " ", text).strip())


def strip_command(text: str) -> str:
    """The text after a leading /command (or /command@bot)."""
    return _COMMAND.sub("", text, count=1).strip()


def without_mentions(message: Message, bot: ExtBot) -> str:
    """The text (or caption) without this bot's @name: people type it in private chats too
    (``@bot 以色列``, an inline query sent as text), and its Latin letters would make the
    engine answer a Chinese question in English."""
    mentions = bot_mentions(message, bot)
    return strip_mentions(body(message), mentions) if mentions else body(message)


def group_question(message: Message, bot: ExtBot) -> str | None:
    """The question in a group message, or None when the message is not for the bot."""
    mentions = bot_mentions(message, bot)
    if not mentions and not _is_bot_reply(message, bot):
        return None
    return strip_mentions(body(message), mentions)


def question_lang(question: str, update: Update, context: CallbotContext) -> str | None:
    """The reply language to impose on the engine, or None to let it read the question: the
    chat's /lang setting; else, in a conversation's first turn, the asker's Telegram language
    when the text itself cannot tell (only emoji, digits or punctuation -- which the engine
    answers in English -- or Chinese written only with characters both scripts share, such as
    以色列, which it answers in Simplified): a zh-TW or zh-HK user is answered in Traditional
    characters. A later turn keeps the conversation's language, as the engine does."""
    fixed = fixed_lang(context)
    if fixed:
        return fixed
    user = update.effective_user
    preferred = texts.lang_from_code(user.language_code if user else None)
    if preferred is None or context.engine.contexts.get(session_key(update)) is not None:
        return None
    return undetectable_lang(question, preferred)


def undetectable_lang(question: str, preferred: str | None) -> str | None:
    """``preferred`` when the script of ``question`` does not decide its language (no letters,
    or only Chinese characters both scripts share) and ``preferred`` would; else None."""
    if preferred is None:
        return None
    text = unicodedata.normalize("NFKC", question[:2000])
    if any(ch.isascii() and ch.isalpha() for ch in text):
        return None  # Latin words: the engine's own reading (English, mixed) stands
    if detect_lang(text) != detect_lang(text, preferred):
        return preferred
    return None


def quoted_text(message: Message, bot: ExtBot) -> str | None:
    """What a question replies to, as context for the engine: the part the user quoted
    (TextQuote), else the text or caption of the replied-to message when somebody else wrote
    it; never the bot's own answers unless quoted (the asker's own history covers those).
    Bounded; only read, never sent back."""
    quote = message.quote
    if quote is not None and quote.text:
        return quote.text[:MAX_QUOTED]
    replied = message.reply_to_message
    if replied is None or _is_bot_reply(message, bot):
        return None
    text = replied.text if replied.text is not None else replied.caption
    return text[:MAX_QUOTED] if text else None


def is_ask_for_us(text: str, bot: ExtBot) -> bool:
    """``/ask ...`` or ``/ask@thisbot ...`` (not /ask@another_bot, not another command)."""
    command = _COMMAND_PARTS.match(text)
    if command is None or command.group(1).lower() != "ask":
        return False
    target = command.group(2)
    return not target or target.lower() == (bot.username or "").lower()


def caption_question(message: Message, bot: ExtBot) -> str | None:
    """The question in a caption, or None when the caption is not for the bot: in a group it
    has to mention the bot (or reply to it) or start with /ask; /ask@another_bot and other
    commands are not questions."""
    caption = message.caption or ""
    group = is_group(message.chat)
    command = _COMMAND_PARTS.match(caption)
    if command is None:
        return group_question(message, bot) if group else without_mentions(message, bot)
    name, target = command.group(1).lower(), command.group(2)
    if target and target.lower() != (bot.username or "").lower():
        return None
    if name != "ask":
        return None
    question = strip_command(caption)
    return strip_mentions(question, bot_mentions(message, bot))


async def answer_question(update: Update, context: CallbotContext, question: str) -> None:
    """Ask the engine and send the answer (the common path for messages, captions and /ask)."""
    message = update.effective_message
    group = is_group(update.effective_chat)
    if len(question) > MAX_QUESTION:
        await message.reply_text(
            texts.too_long(reply_lang(context, update), MAX_QUESTION), do_quote=group
        )
        return
    session = session_key(update)
    if not question.strip():
        reply = context.engine.ask_about(L.HELP, [], session, reply_lang(context, update))
    else:
        reply = context.engine.ask(
            question,
            session,
            lang=question_lang(question, update, context),
            quoted=quoted_text(message, context.bot),
        )
    await send_reply(
        message,
        reply,
        quote=group,
        chat_data=context.chat_data,
        knowledge=context.engine.knowledge,
    )


async def on_text(update: Update, context: CallbotContext) -> None:
    message = update.effective_message
    if is_group(update.effective_chat):
        question = group_question(message, context.bot)
        if question is None:
            return  # chatter between people
    else:
        question = without_mentions(message, context.bot)
    await answer_question(update, context, question)


async def on_caption(update: Update, context: CallbotContext) -> None:
    """A photo or document whose caption asks a question is answered like a text."""
    message = update.effective_message
    question = caption_question(message, context.bot)
    if question is None:
        if not is_group(update.effective_chat):  # /help or another command on a photo
            hint = texts.unknown_command(reply_lang(context, update))
            await send_html(message, hint, quote=False)
        return
    await answer_question(update, context, question)


async def on_other(update: Update, context: CallbotContext) -> None:
    """Stickers, photos, voice...: a short note in private chats and when replying to the bot."""
    message = update.effective_message
    group = is_group(update.effective_chat)
    if group and not _is_bot_reply(message, context.bot):
        return
    await send_html(message, texts.text_only(reply_lang(context, update)), quote=group)


async def on_edited(update: Update, context: CallbotContext) -> None:
    """An edited question (text or caption) gets its earlier answer edited; one never answered
    is handled as new."""
    message = update.edited_message
    if message is None or (message.text is None and message.caption is None):
        return
    text = body(message)
    group = is_group(update.effective_chat)
    command = text.startswith("/")
    old_ids = answered_ids(context.chat_data, message.message_id)
    if old_ids is None:
        if message.text is None:
            await on_caption(update, context)
        elif not command:
            await on_text(update, context)
        return
    if command and not is_ask_for_us(text, context.bot):
        return  # now another command (/lang en, /help) or one for another bot: not a question
    question = strip_command(text) if command else text
    mentions = bot_mentions(message, context.bot)
    if group or mentions:
        question = strip_mentions(question, mentions)
    if not question.strip():
        return
    if len(question) > MAX_QUESTION:
        # the earlier answer no longer answers what the message now says: replace it with
        # the same note a new message this long gets, rather than leave it standing
        note = texts.too_long(reply_lang(context, update), MAX_QUESTION)
        reply = Reply(L.HELP, [], reply_lang(context, update), html.escape(note), note)
    else:
        reply = context.engine.ask(
            question,
            session_key(update),
            lang=question_lang(question, update, context),
            quoted=quoted_text(message, context.bot),
        )
    await edit_reply(
        context.bot,
        message.chat_id,
        old_ids,
        reply,
        message,
        context.chat_data,
        quote=group,
        knowledge=context.engine.knowledge,
    )
