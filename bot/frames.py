"""Question shapes that need more than cue words: thresholds ("经费超过5000万的方向") and topic
questions about a field nobody funds ("哪些方向支持区块链")."""

from __future__ import annotations

import re

from bot.cues import Cues, cue_matcher
from bot.vocab import vocabulary
from textnorm.normalize import is_cjk

# The shapes themselves are data (bot/data/shapes.yaml, checked by bot.vocab).
_VOCAB = vocabulary()
_RE = {name: re.compile(pattern) for name, pattern in _VOCAB.patterns.items()}
_TOPIC_FRAME = _RE["topic_frame"]
_FRAME_WORDS = _RE["frame_words"]
_CHAT_WORDS = _RE["chat_words"]
_THRESHOLD = _RE["threshold"]
_THRESHOLD_AFTER = _RE["threshold_after"]
_ENGLISH_CHAT = _VOCAB.english_chat


def blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    chars = list(text)
    for start, end, _ in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def topic_frame(norm: str) -> bool:
    return bool(_TOPIC_FRAME.search(norm))


def unknown_term(masked: str) -> str:
    """What is left of a topic question once the frame and chat words are gone: the field
    nobody funds ("区块链", "quantum computing"); empty when nothing meaningful is left."""
    rest = _CHAT_WORDS.sub(" ", _FRAME_WORDS.sub(" ", masked))
    if any(c.isdigit() for c in rest):
        return ""
    chunks = rest.split()
    # the field said twice ("我们做量子计算，有没有哪个方向写了量子计算") is one field
    cjk_chunks = list(dict.fromkeys(c for c in chunks if any(is_cjk(x) for x in c)))
    words = [
        w
        for w in re.findall(r"[a-z]{3,}", rest)
        if w not in _VOCAB.common_english
        and w not in _ENGLISH_CHAT
        and w not in cue_matcher().table
    ]
    if len(cjk_chunks) == 1 and 2 <= len(cjk_chunks[0]) <= 8 and not words:
        return cjk_chunks[0]
    if not cjk_chunks and 1 <= len(words) <= 3 and any(len(w) >= 4 for w in words):
        return " ".join(words)
    return ""


def find_threshold(norm: str, metric: str | None) -> tuple[str, float] | None:
    """(">" or "<", value): money in 万元, a project count as a negative number."""
    m = _THRESHOLD.search(norm) or _THRESHOLD_AFTER.search(norm)
    if not m:
        return None
    names = m.groupdict()
    op = next(
        sym
        for key, sym in (("ge", ">="), ("le", "<="), ("more", ">"), ("less", "<"))
        if names.get(key)
    )
    groups = [g for g in m.groups() if g is not None]
    number = next(float(g) for g in groups if re.fullmatch(r"\d+(?:\.\d+)?", g))
    unit = next(
        (
            g
            for g in groups
            if g in ("万元", "万", "亿元", "亿", "个项目", "个", "项", "million", "m")
            or g.startswith("project")
        ),
        "",
    )
    if unit in ("亿元", "亿"):
        return op, number * 10000
    if unit in ("million", "m"):
        return op, number * 100
    if unit in ("万元", "万"):
        return op, number
    if unit in ("个项目", "个", "项") or unit.startswith("project") or metric == "count":
        return op, -number
    return (op, number) if metric in ("total", "average") else None


def add_shape_cues(cues: Cues, masked: str, norm: str, raw: str) -> None:
    """Evidence that is a sentence shape rather than a word: "20个项目" asks a count, "300万"
    a budget, "5年" a period, "资助方向有哪些" the fields, "一个能拿多少" the average."""
    texts = {"masked": masked, "norm": norm, "raw": raw}
    for pattern, intent, weight, where in _VOCAB.shape_cues:
        if _RE[pattern].search(texts[where]):
            cues.scores[intent] = cues.score(intent) + weight
