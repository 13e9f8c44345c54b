"""Text normalisation shared by the knowledge loader (alias keys) and the understanding.

One function decides what "the same text" means, so an alias written in the knowledge file and a
user's message are compared on equal terms: full-width forms folded (NFKC), Traditional and variant
characters mapped to Simplified, Latin lower-cased, punctuation turned into spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from textnorm.chinese import to_simplified

# Punctuation and symbols become spaces; '.' between digits survives so "1.4" stays a number.
_PUNCT = re.compile(r"[^\w\s.~+%]|_|(?<!\d)\.|\.(?!\d)")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?<=[a-z])['’]s\b")
_APOSTROPHE = re.compile(r"(?<=[a-z])['’](?=[a-z])")
# Invisible characters people paste from other apps (zero-width, bidi marks, BOM).
_INVISIBLE = dict.fromkeys(
    [
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x202A,
        0x202B,
        0x202C,
        0x202D,
        0x202E,
        0x2060,
        0x2066,
        0x2067,
        0x2068,
        0x2069,
        0xFEFF,
        0x00AD,
    ],
    None,
)

MAX_INPUT = 2000  # characters looked at; a longer message is about something else anyway


def _latin_accents() -> dict[int, str]:
    """Accented Latin letters as their bare letter ("Áustria", "Rússia", "España", pinyin
    "àodìlì"): learners type the names in their own spelling, and the aliases are bare."""
    table = {}
    for code in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFD", chr(code))
        bare = len(base) > 1 and base[0].isascii() and base[0].isalpha()
        if bare and all(unicodedata.combining(ch) for ch in base[1:]):
            table[code] = base[0]
    return table


_ACCENTS = _latin_accents()


def fold(text: str) -> str:
    """NFKC, drop invisibles and control characters, Simplified script, lower case."""
    text = unicodedata.normalize("NFKC", text[:MAX_INPUT]).translate(_INVISIBLE)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    if not text.isascii():
        text = text.translate(_ACCENTS)
    return to_simplified(text).lower()


# Chat spellings of English function words, so "what can yuo do" reads like "what can you do".
_CHAT_ENGLISH = {
    "yuo": "you",
    "u": "you",
    "ur": "your",
    "r": "are",
    "teh": "the",
    "waht": "what",
    "wat": "what",
    "hwo": "how",
    "plz": "please",
    "pls": "please",
    "thx": "thanks",
    "abt": "about",
    "wht": "what",
    "hw": "how",
    # "Korea joint reserch?": the word of the directions' names as it is often typed
    "reserch": "research",
    "resarch": "research",
    "reseach": "research",
    "reasearch": "research",
    "reaserch": "research",
    "researh": "research",
}
_LATIN_WORD = re.compile(r"[a-z]+")
# "compare w/ Spain", "w/o the EU ones": the slash would otherwise become a space and leave "w"
_W_SLASH = re.compile(r"(?<![/\w])w/(o\b)?")
# "total & no of projects": a spaced ampersand joins two things asked, as "and" does ("R&D" stays)
_AMPERSAND = re.compile(r"(?<=[a-z0-9])\s+&\s+(?=[a-z])")


def normalize(text: str) -> str:
    """The canonical form used for every match: folded, punctuation as single spaces."""
    text = fold(text)
    text = _W_SLASH.sub(lambda m: " without " if m.group(1) else " with ", text)
    text = _AMPERSAND.sub(" and ", text)
    text = _LATIN_WORD.sub(lambda m: _CHAT_ENGLISH.get(m.group(0), m.group(0)), text)
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE.sub("", text)
    text = text.replace("～", "~").replace("〜", "~")
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千]+[万亿]?")


def chinese_to_int(numeral: str) -> int | None:
    """二十 -> 20, 两千 -> 2000, 一百五十 -> 150, 三万 -> 30000; None if it is not a numeral."""
    total = section = digit = 0
    seen = False
    for ch in numeral:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
            seen = True
        elif ch in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
            seen = True
        elif ch in _CN_BIG:
            total += (section + digit) * _CN_BIG[ch]
            section = digit = 0
        else:
            return None
    return total + section + digit if seen else None


# A numeral counts only before a classifier or unit: "一般" and "一共" are words, not numbers.
_NUMERAL_BEFORE_UNIT = re.compile(
    r"(?<![这那哪嗰呢])([零〇一二两三四五六七八九十百千]+[万亿]?)(?=个|项|年|万|亿|方向|国|家|倍|%)"
)


def arabic_numerals(text: str) -> str:
    """Rewrite Chinese numerals that stand before a classifier as digits (二十个 -> 20个)."""

    def repl(m: re.Match[str]) -> str:
        value = chinese_to_int(m.group(1))
        # a lone 一 is an article ("一个项目" = "a project"), not a figure
        if value is None or m.group(1) in {"一", "千", "百", "十"}:
            return m.group(0)
        return str(value)

    return _NUMERAL_BEFORE_UNIT.sub(repl, text)


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def is_latin_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum())


_LOWER_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def whole_word_spans(word: str, text: str) -> Iterator[tuple[int, int]]:
    """Where ``word`` stands in ``text`` with no lower-case Latin letter or digit beside it, left
    to right and not overlapping: what ``(?<![a-z0-9])word(?![a-z0-9])`` finds, without compiling
    a pattern for each word a message holds."""
    if not word:
        return
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or text[at - 1] not in _LOWER_WORD_CHARS) and (
            end >= len(text) or text[end] not in _LOWER_WORD_CHARS
        ):
            yield at, end
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
