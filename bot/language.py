"""Which language and script to answer in: zh-Hans, zh-Hant or en."""

from __future__ import annotations

import re
import unicodedata

from textnorm.chinese import script_counts
from textnorm.normalize import is_cjk

# Cantonese particles are written by people who type Traditional characters.
_CANTONESE_WORDS = ("早晨", "唔該", "點樣", "乜嘢", "冇問題")
_CANTONESE = set("嘅咩啲嗰冇唔佢哋喺乜嚟睇噉嘢咗嗎咪囉㗎吓嘥攞揾")
# Folk simplified variants that the Traditional->Simplified table maps like a Traditional char
# (囯 -> 国) although no Traditional writer uses them (国 is 國): mainland chat typing.
_SIMPLIFIED_VARIANTS = set("囯")
# Taiwan's measure word for a funded project ("每件平均多少", "補助幾件", "件數"): in every set
# only Traditional writers count projects in 件 (mainland notices say 项); "几件事" counts matters.
# It only breaks a tie of scripts, after the chat's own language.
_TAIWAN_PROJECT_WORDS = re.compile(r"(?:每|幾|几|多少)件(?!事)|件[數数]")


def detect_lang(text: str, fallback: str | None = None) -> str:
    """Language of a message; ``fallback`` (the chat's last language) breaks ties in Chinese."""
    text = unicodedata.normalize("NFKC", text[:2000])
    cjk = sum(1 for ch in text if is_cjk(ch))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if cjk == 0:
        command_only = text.strip().startswith("/") and len(text.split()) == 1
        if (latin == 0 or command_only) and fallback:
            return fallback
        return "en"
    trad, simp = script_counts(text)
    variants = sum(1 for ch in text if ch in _SIMPLIFIED_VARIANTS)
    trad, simp = trad - variants, simp + variants
    if latin >= 8 and latin > 4 * cjk:
        # an English question quoting a Chinese name, unless the name is in Traditional
        # characters: Hong Kong and Taiwan users mix English into Chinese questions
        return "zh-Hant" if trad > simp else "en"
    trad += sum(1 for ch in text if ch in _CANTONESE)
    trad += sum(2 for word in _CANTONESE_WORDS if word in text)
    if trad > simp:
        return "zh-Hant"
    if simp > trad:
        return "zh-Hans"
    if fallback in ("zh-Hans", "zh-Hant"):
        return fallback
    if _TAIWAN_PROJECT_WORDS.search(text):
        return "zh-Hant"
    return "zh-Hans"
