"""Wording helpers: the contract's amount and count formats, and one phrase in three scripts.

Replies are written once in Simplified Chinese and English; Traditional replies convert the
Chinese template (never the knowledge texts, which carry their own reviewed zh-Hant).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from knowledge.model import Count, Text
from textnorm.chinese import to_traditional


@lru_cache(maxsize=4096)
def _hant(text: str) -> str:
    return to_traditional(text)


def tr(lang: str, zh: str, en: str) -> str:
    """The phrase in the reply's language; ``zh`` is Simplified and converted for zh-Hant."""
    if lang == "en":
        return en
    if lang == "zh-Hant":
        return _hant(zh)
    return zh


def name(text: Text, lang: str) -> str:
    return text.get(lang)


def esc(text: str) -> str:
    """Every piece of text from the knowledge or the user goes through here into HTML."""
    return html.escape(text, quote=False)


def _num(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.4f}".rstrip("0").rstrip(".")


def wan(value: float, lang: str) -> str:
    """6000 -> 6000万元 / CNY 60 million; 1亿 and more also in 亿元 (13000万元（1.3亿元）)."""
    if lang == "en":
        return f"CNY {_num(value / 100)} million"
    unit = tr(lang, "万元", "")
    out = f"{_num(value)}{unit}"
    if value >= 10000:
        out += tr(lang, f"（{_num(value / 10000)}亿元）", "")
    return out


def count(c: Count, lang: str, noun: bool = True) -> str:
    """不超过20个 / up to 20 projects, 约10个 / about 10 projects, 10个 / 10 projects."""
    n = c.count
    if lang == "en":
        q = {"up_to": "up to ", "about": "about "}.get(c.qualifier, "")
        if not noun:
            return f"{q}{n}"
        return f"{q}{n} project{'s' if n != 1 or c.qualifier != 'exact' else ''}"
    q = {"up_to": "不超过", "about": "约"}.get(c.qualifier, "")
    return tr(lang, f"{q}{n}个" + ("项目" if noun else ""), "")


def years(lo: int, hi: int, lang: str) -> str:
    if lang == "en":
        return f"{lo}~{hi} years ({lo} to {hi} years)" if lo != hi else f"{lo} years"
    return tr(lang, f"{lo}~{hi}年", "") if lo != hi else tr(lang, f"{lo}年", "")


_TAG = re.compile(r"<[^>]+>")


def to_plain(html_text: str) -> str:
    """The plain-text twin of a reply (for the CLI and for the contract's "text")."""
    return html.unescape(_TAG.sub("", html_text))


def bullet(text: str) -> str:
    return f"• {text}"
