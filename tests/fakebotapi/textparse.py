"""Telegram-like text formatting for the fake Bot API server.

Ports of the parsers Telegram uses (tdlib ``MessageEntity.cpp``): ``parse_mode`` HTML,
MarkdownV2 and legacy Markdown, plus the post-processing the Bot API applies to message text
(trim surrounding whitespace, length limit in UTF-16 code units, auto-detected entities).

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


def _is_space(ch: str) -> bool:
    # td::is_space; "\0" doubles as the end-of-text sentinel.
    return ch in " \t\r\n\0\v"


def _entity(type_: str, offset: int, length: int, **extra: Any) -> dict[str, Any]:
    ent: dict[str, Any] = {"type": type_, "offset": offset, "length": length}
    ent.update({k: v for k, v in extra.items() if v not in (None, "")})
    return ent


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_HTML_TAGS = {
    "a",
    "b",
    "strong",
    "i",
    "em",
    "s",
    "strike",
    "del",
    "u",
    "ins",
    "tg-spoiler",
    "tg-emoji",
    "span",
    "pre",
    "code",
    "blockquote",
}
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
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_STRICT_ENTITY_RE = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]+)|#x([0-9a-fA-F]+));")


def _valid_code_point(cp: int) -> bool:
    return 0 < cp < 0x10FFFF and not 0xD800 <= cp <= 0xDFFF


def _decode_html_entity(text: str, pos: int, strict: bool) -> tuple[str, int] | None:
    """Decode the character reference starting at ``text[pos] == '&'``.

    Returns ``(decoded, new_pos)`` or ``None`` if it is not a valid reference.
    ``strict`` requires the terminating ``;`` (what ``html.escape`` produces); otherwise tdlib's
    lenient rules apply (``;`` optional).
    """
    if strict:
        m = _STRICT_ENTITY_RE.match(text, pos)
        if not m:
            return None
        if m.group(1):
            return _NAMED_ENTITIES[m.group(1)], m.end()
        cp = int(m.group(2), 10) if m.group(2) else int(m.group(3), 16)
        if not _valid_code_point(cp):
            return None
        return chr(cp), m.end()

    n = len(text)
    end = pos + 1
    if end < n and text[end] == "#":
        end += 1
        cp = 0
        if end < n and text[end] == "x":
            end += 1
            while end < n and text[end] in "0123456789abcdefABCDEF":
                cp = cp * 16 + int(text[end], 16)
                end += 1
                if cp >= 0x10FFFF:
                    return None
        else:
            while end < n and text[end].isascii() and text[end].isdigit():
                cp = cp * 10 + int(text[end])
                end += 1
                if cp >= 0x10FFFF:
                    return None
        if not _valid_code_point(cp):
            return None
        decoded = chr(cp)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        name = text[pos + 1 : end]
        if name not in _NAMED_ENTITIES:
            return None
        decoded = _NAMED_ENTITIES[name]
    if end < n and text[end] == ";":
        end += 1
    return decoded, end


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML. Returns ``(plain_text, entities)``.

    With ``strict=True`` (the fake server's default) a bare ``>`` or an ``&`` that does not
    start ``&lt;``/``&gt;``/``&amp;``/``&quot;``/``&#NN;``/``&#xHH;`` is rejected, although real
    Telegram tolerates those two (it only rejects a bare ``<``). This catches missing
    ``html.escape`` calls early.
    """
    n = len(text)

    def ch(k: int) -> str:
        return text[k] if k < n else "\0"

    def err(msg: str) -> EntityParseError:
        return EntityParseError(msg)

    out: list[str] = []
    u16 = 0
    stack: list[dict[str, Any]] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < n:
        c = text[i]
        if c == "&":
            dec = _decode_html_entity(text, i, strict)
            if dec is not None:
                out.append(dec[0])
                u16 += _u16(dec[0])
                i = dec[1]
                continue
            if strict:
                raise err(
                    "Character '&' must be escaped as '&amp;' at byte offset "
                    f"{_byte_offset(text, i)} (fake server strict HTML)"
                )
        if c == ">" and strict:
            raise err(
                "Character '>' must be escaped as '&gt;' at byte offset "
                f"{_byte_offset(text, i)} (fake server strict HTML)"
            )
        if c != "<":
            out.append(c)
            u16 += _u16(c)
            i += 1
            continue

        begin = i
        begin_b = _byte_offset(text, begin)
        if ch(i + 1) != "/":
            # start tag
            i += 1
            name_begin = i
            while not _is_space(ch(i)) and ch(i) != ">":
                i += 1
            if i >= n:
                raise err(f"Unclosed start tag at byte offset {begin_b}")
            tag = text[name_begin:i].lower()
            if tag not in _HTML_TAGS:
                raise err(f'Unsupported start tag "{tag}" at byte offset {begin_b}')
            argument = ""
            expandable = False
            while ch(i) != ">":
                while i < n and _is_space(ch(i)):
                    i += 1
                if ch(i) == ">":
                    break
                attr_begin = i
                while not _is_space(ch(i)) and ch(i) not in "=>":
                    i += 1
                attr_name = text[attr_begin:i]
                if not attr_name:
                    raise err(f'Empty attribute name in the tag "{tag}" at byte offset {begin_b}')
                while i < n and _is_space(ch(i)):
                    i += 1
                if ch(i) != "=":
                    if tag == "blockquote" and attr_name == "expandable":
                        expandable = True
                        continue
                    if i >= n:
                        raise err(f"Unclosed start tag at byte offset {begin_b}")
                    raise err(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{tag}" at byte offset {begin_b}'
                    )
                i += 1
                while i < n and _is_space(ch(i)):
                    i += 1
                if i >= n:
                    raise err(f"Unclosed start tag at byte offset {begin_b}")
                if ch(i) not in "'\"":
                    token_begin = i
                    while (ch(i).isascii() and ch(i).isalnum()) or ch(i) in ".-":
                        i += 1
                    value = text[token_begin:i].lower()
                    if not _is_space(ch(i)) and ch(i) != ">":
                        raise err(
                            "Unexpected end of name token at byte offset "
                            f"{_byte_offset(text, token_begin)}"
                        )
                else:
                    quote = ch(i)
                    i += 1
                    val: list[str] = []
                    while i < n and text[i] != quote:
                        if text[i] == "&":
                            dec = _decode_html_entity(text, i, strict)
                            if dec is not None:
                                val.append(dec[0])
                                i = dec[1]
                                continue
                            if strict:
                                raise err(
                                    "Character '&' must be escaped as '&amp;' at byte offset "
                                    f"{_byte_offset(text, i)} (fake server strict HTML)"
                                )
                        val.append(text[i])
                        i += 1
                    if ch(i) == quote:
                        i += 1
                    value = "".join(val)
                if i >= n:
                    raise err(f"Unclosed start tag at byte offset {begin_b}")
                if tag == "a" and attr_name == "href":
                    argument = value
                elif tag == "code" and attr_name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and attr_name == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "tg-emoji" and attr_name == "emoji-id":
                    argument = value
                elif tag == "blockquote" and attr_name == "expandable":
                    expandable = True
            if tag == "span" and argument != "spoiler":
                raise err(f'Tag "span" must have class "tg-spoiler" at byte offset {begin_b}')
            stack.append(
                {
                    "tag": tag,
                    "arg": argument,
                    "u16": u16,
                    "out_len": len(out),
                    "expandable": expandable,
                    "language": "",
                }
            )
            i += 1  # skip '>'
            continue

        # end tag
        if not stack:
            raise err(f"Unexpected end tag at byte offset {begin_b}")
        i += 2
        name_begin = i
        while (ch(i).isascii() and ch(i).isalnum()) or ch(i) == "-":
            i += 1
        end_tag = text[name_begin:i].lower()
        while i < n and _is_space(ch(i)):
            i += 1
        if ch(i) != ">":
            raise err(f"Unclosed end tag at byte offset {begin_b}")
        top = stack[-1]
        if end_tag and end_tag != top["tag"]:
            raise err(
                f"Unmatched end tag at byte offset {begin_b}, expected "
                f'"</{top["tag"]}>", found "</{end_tag}>"'
            )
        stack.pop()
        i += 1
        length = u16 - top["u16"]
        tag = top["tag"]
        if tag == "tg-emoji" and not top["arg"].isdigit():
            raise err("Invalid custom emoji identifier specified")
        if length <= 0:
            continue
        if tag == "a":
            url = top["arg"] or "".join(out[top["out_len"] :])
            if top["arg"]:
                entities.append(_entity("text_link", top["u16"], length, url=url))
        elif tag == "tg-emoji":
            entities.append(
                _entity("custom_emoji", top["u16"], length, custom_emoji_id=top["arg"])
            )
        elif tag == "blockquote":
            kind = "expandable_blockquote" if top["expandable"] else "blockquote"
            entities.append(_entity(kind, top["u16"], length))
        elif tag == "code" and top["arg"] and stack and stack[-1]["tag"] == "pre":
            stack[-1]["language"] = top["arg"]  # <pre><code class="language-x"> -> pre+language
        elif tag == "pre":
            entities.append(_entity("pre", top["u16"], length, language=top["language"]))
        else:
            entities.append(_entity(_HTML_TYPES[tag], top["u16"], length))
    if stack:
        raise err(f'Can\'t find end tag corresponding to start tag "{stack[-1]["tag"]}"')
    return "".join(out), entities


# --------------------------------------------------------------------------------------------
# MarkdownV2
# --------------------------------------------------------------------------------------------

_MDV2_RESERVED = "_*[]()~`>#+-=|{}.!"
_MDV2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "custom_emoji": "CustomEmoji",
}


def parse_markdown_v2(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse MarkdownV2 (port of tdlib's parser; block quotes handled in a simplified way)."""
    n = len(text)

    def ch(k: int) -> str:
        return text[k] if k < n else "\0"

    def reserved_error(c: str) -> EntityParseError:
        return EntityParseError(
            f"Character '{c}' is reserved and must be escaped with the preceding '\\'"
        )

    out: list[str] = []
    u16 = 0
    stack: list[dict[str, Any]] = []
    entities: list[dict[str, Any]] = []
    quote: dict[str, Any] | None = None  # open block quote
    last_newline_u16 = 0
    i = 0
    while i < n:
        in_code = bool(stack) and stack[-1]["type"] in ("code", "pre")
        at_line_start = i == 0 or text[i - 1] == "\n"
        if at_line_start and not in_code:
            marker = 0
            if text.startswith("**>", i):
                marker = 3
            elif text[i] == ">":
                marker = 1
            if marker:
                if quote is None:
                    quote = {"u16": u16, "expandable": marker == 3}
                i += marker
                continue
            if quote is not None:
                if last_newline_u16 > quote["u16"]:
                    kind = "expandable_blockquote" if quote["expandable"] else "blockquote"
                    entities.append(_entity(kind, quote["u16"], last_newline_u16 - quote["u16"]))
                quote = None
        c = text[i]
        if c == "\\" and 0 < ord(ch(i + 1)) <= 126:
            out.append(text[i + 1])
            u16 += 1
            i += 2
            continue
        if (
            quote is not None
            and not in_code
            and text.startswith("||", i)
            and (i + 2 == n or text[i + 2] == "\n")
        ):
            quote["expandable"] = True  # "||" closing an expandable block quote
            i += 2
            continue
        reserved = "`" if in_code else _MDV2_RESERVED
        if c not in reserved:
            if c == "\n":
                last_newline_u16 = u16
            out.append(c)
            u16 += _u16(c)
            i += 1
            continue

        is_end = False
        if stack:
            t = stack[-1]["type"]
            is_end = (
                (t == "bold" and c == "*")
                or (t == "italic" and c == "_" and ch(i + 1) != "_")
                or (t == "code" and c == "`")
                or (t == "pre" and text.startswith("```", i))
                or (t in ("text_link", "custom_emoji") and c == "]")
                or (t == "underline" and text.startswith("__", i))
                or (t == "strikethrough" and c == "~")
                or (t == "spoiler" and text.startswith("||", i))
            )
        if not is_end:
            begin = i
            arg = ""
            if c == "_":
                if ch(i + 1) == "_":
                    t = "underline"
                    i += 1
                else:
                    t = "italic"
            elif c == "*":
                t = "bold"
            elif c == "~":
                t = "strikethrough"
            elif c == "|":
                if ch(i + 1) != "|":
                    raise reserved_error(c)
                t = "spoiler"
                i += 1
            elif c == "[":
                t = "text_link"
            elif c == "`":
                if text.startswith("```", i):
                    i += 3
                    t = "pre"
                    lang_end = i
                    while not _is_space(ch(lang_end)) and ch(lang_end) != "`":
                        lang_end += 1
                    if i != lang_end and lang_end < n and ch(lang_end) != "`":
                        arg = text[i:lang_end]
                        i = lang_end
                    if ch(i) in "\r\n":
                        if ch(i + 1) in "\r\n" and ch(i) != ch(i + 1):
                            i += 2
                        else:
                            i += 1
                    i -= 1
                else:
                    t = "code"
            elif c == "!" and ch(i + 1) == "[":
                t = "custom_emoji"
                i += 1
            else:
                raise reserved_error(c)
            stack.append({"type": t, "arg": arg, "u16": u16, "byte": begin, "out_len": len(out)})
            i += 1
            continue

        top = stack[-1]
        t = top["type"]
        skip = u16 == top["u16"]
        extra: dict[str, Any] = {}
        if t in ("underline", "spoiler"):
            i += 1
        elif t == "pre":
            i += 2
            extra["language"] = top["arg"]
        elif t in ("text_link", "custom_emoji"):
            if ch(i + 1) != "(":
                if t == "custom_emoji":
                    raise EntityParseError("Custom emoji entity must contain a tg://emoji URL")
                url = "".join(out[top["out_len"] :])
            else:
                i += 2
                url_begin = i
                url_chars: list[str] = []
                while i < n and text[i] != ")":
                    if text[i] == "\\" and 0 < ord(ch(i + 1)) <= 126:
                        url_chars.append(text[i + 1])
                        i += 2
                        continue
                    url_chars.append(text[i])
                    i += 1
                if ch(i) != ")":
                    raise EntityParseError(
                        f"Can't find end of a URL at byte offset {_byte_offset(text, url_begin)}"
                    )
                url = "".join(url_chars)
            if t == "custom_emoji":
                m = re.fullmatch(r"tg://emoji\?id=([0-9]+)", url)
                if not m:
                    raise EntityParseError("Invalid custom emoji URL specified")
                extra["custom_emoji_id"] = m.group(1)
            else:
                extra["url"] = url
        if not skip:
            entities.append(_entity(t, top["u16"], u16 - top["u16"], **extra))
        stack.pop()
        i += 1
    if stack:
        name = _MDV2_NAMES[stack[-1]["type"]]
        if stack[-1]["type"] == "pre" and stack[-1]["arg"]:
            name = "PreCode"
        offset = _byte_offset(text, stack[-1]["byte"])
        raise EntityParseError(f"Can't find end of {name} entity at byte offset {offset}")
    if quote is not None and u16 > quote["u16"]:
        kind = "expandable_blockquote" if quote["expandable"] else "blockquote"
        entities.append(_entity(kind, quote["u16"], u16 - quote["u16"]))
    return "".join(out), entities


# --------------------------------------------------------------------------------------------
# Legacy Markdown
# --------------------------------------------------------------------------------------------


def parse_markdown(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse legacy ``Markdown`` (port of tdlib's parse_markdown)."""
    n = len(text)

    def ch(k: int) -> str:
        return text[k] if k < n else "\0"

    out: list[str] = []
    u16 = 0
    entities: list[dict[str, Any]] = []
    i = 0
    while i < n:
        c = text[i]
        if c == "\\" and ch(i + 1) in "_*`[":
            out.append(text[i + 1])
            u16 += 1
            i += 2
            continue
        if c not in "_*`[":
            out.append(c)
            u16 += _u16(c)
            i += 1
            continue
        begin = i
        end_char = "]" if c == "[" else c
        is_pre = False
        language = ""
        i += 1
        if c == "`" and ch(i) == "`" and ch(i + 1) == "`":
            i += 2
            is_pre = True
            lang_end = i
            while not _is_space(ch(lang_end)) and ch(lang_end) != "`":
                lang_end += 1
            if i != lang_end and lang_end < n and ch(lang_end) != "`":
                language = text[i:lang_end]
                i = lang_end
            if ch(i) in "\r\n":
                if ch(i + 1) in "\r\n" and ch(i) != ch(i + 1):
                    i += 2
                else:
                    i += 1
        start = u16
        while i < n and (text[i] != end_char or (is_pre and not text.startswith("``", i + 1))):
            out.append(text[i])
            u16 += _u16(text[i])
            i += 1
        if i >= n:
            raise EntityParseError(
                f"Can't find end of the entity starting at byte offset {_byte_offset(text, begin)}"
            )
        if start != u16:
            length = u16 - start
            if c == "_":
                entities.append(_entity("italic", start, length))
            elif c == "*":
                entities.append(_entity("bold", start, length))
            elif c == "[":
                if ch(i + 1) != "(":
                    url = text[begin + 1 : i]
                else:
                    i += 2
                    url_begin = i
                    while i < n and text[i] != ")":
                        i += 1
                    url = text[url_begin:i]
                entities.append(_entity("text_link", start, length, url=url))
            elif is_pre:
                entities.append(_entity("pre", start, length, language=language))
            else:
                entities.append(_entity("code", start, length))
        if is_pre:
            i += 2
        i += 1
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


_NO_OVERLAP = {"pre", "code", "text_link", "custom_emoji", "url", "mention", "bot_command"}


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


def _validate_explicit_entities(entities: Any, text_u16: int) -> list[dict[str, Any]]:
    if entities is None:
        return []
    if not isinstance(entities, list):
        raise TextError("can't parse entities JSON object")
    result = []
    for ent in entities:
        if not isinstance(ent, dict):
            raise TextError("can't parse MessageEntity: expected an Object")
        if not isinstance(ent.get("type"), str):
            raise TextError('can\'t parse MessageEntity: Field "type" must be of type String')
        for field in ("offset", "length"):
            if not isinstance(ent.get(field), int) or isinstance(ent.get(field), bool):
                raise TextError(
                    f'can\'t parse MessageEntity: Field "{field}" must be of type Number'
                )
        if ent["offset"] < 0 or ent["length"] <= 0 or ent["offset"] + ent["length"] > text_u16:
            continue  # Telegram silently drops out-of-range entities
        result.append(dict(ent))
    return result


def format_text(
    text: Any,
    parse_mode: str | None = None,
    entities: Any = None,
    *,
    strict_html: bool = True,
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
    mode = (parse_mode or "").lower()
    if mode and mode != "none":
        try:
            if mode == "html":
                plain, ents = parse_html(text, strict=strict_html)
            elif mode == "markdownv2":
                plain, ents = parse_markdown_v2(text)
            elif mode == "markdown":
                plain, ents = parse_markdown(text)
            else:
                raise TextError("unsupported parse_mode")
        except EntityParseError as exc:
            raise TextError(f"can't parse entities: {exc}") from None
    else:
        plain = text
        ents = _validate_explicit_entities(entities, utf16_len(text))
    plain, ents = _trim(plain, ents)
    if not plain:
        raise TextError("message text is empty")
    if utf16_len(plain) > max_length:
        raise TextError("message is too long")
    if detect:
        ents = _merge_detected(plain, ents)
    return plain, sort_entities(ents)
