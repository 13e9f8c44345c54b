"""Telegram-like text formatting for the fake Bot API server, for what callbot sends.

callbot sends every text with ``parse_mode`` HTML (``handlers.app`` Defaults, inline results)
using ``<b>`` and ``<pre>``, never MarkdownV2/Markdown nor explicit entities. So this parses
HTML as Telegram does (tdlib ``MessageEntity.cpp``) for the attribute-less formatting tags, and
refuses the rest with a clear error rather than imitating Telegram: a bot change that starts
sending links, spoilers or another parse mode has to teach the fake server first. It also
applies the Bot API's post-processing (trim surrounding whitespace, length limit in UTF-16 code
units, auto-detected entities).

All offsets/lengths of produced entities are in UTF-16 code units, as in the real API.
Error messages reproduce Telegram's wording; byte offsets are offsets into the UTF-8 encoding.
"""

from __future__ import annotations

import re
from typing import Any

MAX_MESSAGE_LENGTH = 4096
MAX_RAW_TEXT_BYTES = 1 << 15


class TextError(ValueError):
    """Invalid text; ``str(exc)`` is the part after ``"Bad Request: "``."""


class EntityParseError(TextError):
    """Raised by the parse-mode parsers; message is Telegram's parser message."""


def utf16_len(text: str) -> int:
    """Length of *text* in UTF-16 code units (what Telegram uses for offsets and limits)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _u16(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _entity(type_: str, offset: int, length: int, **extra: Any) -> dict[str, Any]:
    ent: dict[str, Any] = {"type": type_, "offset": offset, "length": length}
    ent.update({k: v for k, v in extra.items() if v not in (None, "")})
    return ent


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_HTML_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "code": "code",
    "pre": "pre",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]+)|#x([0-9a-fA-F]+));")
_START_TAG_RE = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(\s[^>]*)?>")
_END_TAG_RE = re.compile(r"</([A-Za-z0-9-]*)\s*>")


def _decode_html_entity(text: str, pos: int) -> tuple[str, int] | None:
    """``(decoded, new_pos)`` for the character reference at ``text[pos] == '&'``, or None.
    The terminating ``;`` is required (what ``html.escape`` produces)."""
    m = _ENTITY_RE.match(text, pos)
    if not m:
        return None
    if m.group(1):
        return _NAMED_ENTITIES[m.group(1)], m.end()
    cp = int(m.group(2), 10) if m.group(2) else int(m.group(3), 16)
    if not (0 < cp < 0x10FFFF and not 0xD800 <= cp <= 0xDFFF):
        return None
    return chr(cp), m.end()


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML. Returns ``(plain_text, entities)``.

    Stricter than Telegram: a bare ``>`` or an ``&`` that does not start ``&lt;``/``&gt;``/
    ``&amp;``/``&quot;``/``&#NN;``/``&#xHH;`` is rejected too (real Telegram only rejects a bare
    ``<``), which catches missing ``html.escape`` calls; so are tags callbot never sends.
    """
    n = len(text)
    out: list[str] = []
    u16 = 0
    stack: list[tuple[str, int]] = []  # (tag, UTF-16 offset where it started)
    entities: list[dict[str, Any]] = []
    i = 0
    while i < n:
        c = text[i]
        if c == "&":
            dec = _decode_html_entity(text, i)
            if dec is None:
                raise EntityParseError(
                    "Character '&' must be escaped as '&amp;' at byte offset "
                    f"{_byte_offset(text, i)} (fake server strict HTML)"
                )
            out.append(dec[0])
            u16 += _u16(dec[0])
            i = dec[1]
            continue
        if c == ">":
            raise EntityParseError(
                "Character '>' must be escaped as '&gt;' at byte offset "
                f"{_byte_offset(text, i)} (fake server strict HTML)"
            )
        if c != "<":
            out.append(c)
            u16 += _u16(c)
            i += 1
            continue
        at = _byte_offset(text, i)
        if text.startswith("</", i):
            end = _END_TAG_RE.match(text, i)
            if not stack:
                raise EntityParseError(f"Unexpected end tag at byte offset {at}")
            if end is None:
                raise EntityParseError(f"Unclosed end tag at byte offset {at}")
            tag, start = stack.pop()
            if end.group(1) and end.group(1).lower() != tag:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {at}, expected "</{tag}>", '
                    f'found "</{end.group(1).lower()}>"'
                )
            if u16 > start:
                entities.append(_entity(_HTML_TYPES[tag], start, u16 - start))
            i = end.end()
            continue
        m = _START_TAG_RE.match(text, i)
        if m is None:
            raise EntityParseError(f"Unclosed start tag at byte offset {at}")
        tag = m.group(1).lower()
        if tag not in _HTML_TYPES:
            raise EntityParseError(f'Unsupported start tag "{tag}" at byte offset {at}')
        if m.group(2) and m.group(2).strip():
            raise EntityParseError(
                f'Attributes of the tag "{tag}" at byte offset {at} (fake server: callbot '
                "sends none)"
            )
        stack.append((tag, u16))
        i = m.end()
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), entities


# --------------------------------------------------------------------------------------------
# Auto-detected entities and post-processing
# --------------------------------------------------------------------------------------------

_COMMAND_RE = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w])")
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{5,32}(?![\w])")
_URL_RE = re.compile(r"(?<![\w/])https?://[^\s<>\"]+", re.IGNORECASE)


def detect_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram auto-detects in plain text: bot_command, mention, url."""
    found: list[tuple[int, int, str]] = []
    for m in _URL_RE.finditer(text):
        url = m.group(0).rstrip(".,;:!?)'")
        found.append((m.start(), m.start() + len(url), "url"))
    for m in _COMMAND_RE.finditer(text):
        found.append((m.start(), m.end(), "bot_command"))
    for m in _MENTION_RE.finditer(text):
        found.append((m.start(), m.end(), "mention"))
    found.sort()
    result: list[dict[str, Any]] = []
    last_end = -1
    for start, end, kind in found:
        if start < last_end:
            continue
        last_end = end
        off = utf16_len(text[:start])
        result.append(_entity(kind, off, utf16_len(text[start:end])))
    return result


_NO_OVERLAP = {"pre", "code", "url", "mention", "bot_command"}


def _merge_detected(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    blocked = [
        (e["offset"], e["offset"] + e["length"]) for e in entities if e["type"] in _NO_OVERLAP
    ]
    merged = list(entities)
    for det in detect_entities(text):
        s, e = det["offset"], det["offset"] + det["length"]
        if any(s < be and bs < e for bs, be in blocked):
            continue
        merged.append(det)
    return merged


def sort_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(entities, key=lambda e: (e["offset"], -e["length"], e["type"]))


def _trim(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    stripped_left = text.lstrip()
    left_u16 = utf16_len(text[: len(text) - len(stripped_left)])
    new_text = stripped_left.rstrip()
    total = utf16_len(new_text)
    result = []
    for ent in entities:
        start = max(0, ent["offset"] - left_u16)
        end = min(total, ent["offset"] + ent["length"] - left_u16)
        if end > start:
            result.append({**ent, "offset": start, "length": end - start})
    return new_text, result


def format_text(
    text: Any,
    parse_mode: str | None = None,
    entities: Any = None,
    *,
    max_length: int = MAX_MESSAGE_LENGTH,
    detect: bool = True,
) -> tuple[str, list[dict[str, Any]]]:
    """Validate and parse a message text the way sendMessage/editMessageText do.

    Returns ``(plain_text, sorted_entities)``; raises :class:`TextError` with Telegram's
    message (without the ``Bad Request:`` prefix).
    """
    if text is None or text == "":
        raise TextError("message text is empty")
    if not isinstance(text, str):
        text = str(text)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_RAW_TEXT_BYTES:
        raise TextError("text is too long")
    if entities is not None:
        raise TextError("explicit entities are not supported by the fake server")
    mode = (parse_mode or "").lower()
    if mode == "html":
        try:
            plain, ents = parse_html(text)
        except EntityParseError as exc:
            raise TextError(f"can't parse entities: {exc}") from None
    elif mode in ("", "none"):
        plain, ents = text, []
    else:
        raise TextError(f"unsupported parse_mode {parse_mode!r} (the fake server speaks HTML)")
    plain, ents = _trim(plain, ents)
    if not plain:
        raise TextError("message text is empty")
    if utf16_len(plain) > max_length:
        raise TextError("message is too long")
    if detect:
        ents = _merge_detected(plain, ents)
    return plain, sort_entities(ents)
