"""Question shapes that need more than cue words: thresholds ("经费超过5000万的方向") and topic
questions about a field nobody funds ("哪些方向支持区块链")."""

from __future__ import annotations

import re

from bot import lexicon as L
from bot.cues import Cues, cue_matcher
from textnorm.normalize import is_cjk

_TOPIC_FRAME = re.compile(
    r"(哪些|哪个|哪几个|有没有|有冇|边啲|边个|什么)(方向|项目|国家|合作|领域)|"
    r"(which|what|any)\s+(directions?|programmes?|programs?|calls?|partners?|countries)|"
    r"(支持|涉及|包括|资助|覆盖).{1,12}(吗|的方向|的项目)|"
    r"\bwho\s+(funds|supports|covers|pays for)\b|谁(支持|资助)|"
    r"\b(any|is there|are there)\b.{0,20}\b(funding|money|support|programmes?|programs?|"
    r"directions?|calls?)\s+(for|on|about|in)\b|有没有.{0,4}(资助|支持|经费)"
)
_FRAME_WORDS = re.compile(
    r"哪些|哪个|哪几个|有没有|有冇|边啲|边个|什么|方向|项目|国家|合作|领域|支持|涉及|包括|资助|覆盖|"
    r"可以|能|做|的|吗|呢|呀|啊|有|相关|研究|技术|这个|那个|申报|申请|报|找|哪|个|是|和|与|"
    r"\b(which|what|any|directions?|programmes?|programs?|calls?|partners?|countries|fund|funds|"
    r"support|supports|cover|covers|include|includes|research|about|on|for|the|a|an|is|are|"
    r"there|do|does|in|of|with|technology|tech)\b"
)


def blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    chars = list(text)
    for start, end, _ in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def topic_frame(norm: str) -> bool:
    return bool(_TOPIC_FRAME.search(norm))


_CHAT_WORDS = re.compile(
    r"或|组织|机构|地区|老师|你好|您好|请问|想问|问下|问一下|一下|我们|我|你|他|她|这次|今年|想|了解|知道|谢谢|麻烦|大家|"
    r"各位|一起|课题组|团队|实验室|目前|现在|主要|方面|领域|请|帮忙|看看|得"
)


def unknown_term(masked: str) -> str:
    """What is left of a topic question once the frame and chat words are gone: the field
    nobody funds ("区块链", "quantum computing"); empty when nothing meaningful is left."""
    rest = _CHAT_WORDS.sub(" ", _FRAME_WORDS.sub(" ", masked))
    if any(c.isdigit() for c in rest):
        return ""
    chunks = rest.split()
    cjk_chunks = [c for c in chunks if any(is_cjk(x) for x in c)]
    words = [
        w
        for w in re.findall(r"[a-z]{3,}", rest)
        if w not in L.COMMON_ENGLISH and w not in _ENGLISH_CHAT and w not in cue_matcher().table
    ]
    if len(cjk_chunks) == 1 and 2 <= len(cjk_chunks[0]) <= 8 and not words:
        return cjk_chunks[0]
    if not cjk_chunks and 1 <= len(words) <= 3 and any(len(w) >= 4 for w in words):
        return " ".join(words)
    return ""


_ENGLISH_CHAT = {
    "funding",
    "money",
    "organisations",
    "organizations",
    "can",
    "could",
    "collaborate",
    "work",
    "apply",
    "find",
    "look",
    "looking",
    "interested",
    "want",
    "lab",
    "team",
    "group",
    "area",
    "field",
    "someone",
    "anyone",
    "stuff",
    "things",
    "something",
    "kind",
    "type",
    "sort",
    "related",
    "relevant",
    "good",
    "best",
    "suitable",
    "fit",
    "fits",
    "match",
    "matches",
    "mine",
    "own",
    "included",
    "involved",
    "available",
    "listed",
    "named",
    "mentioned",
}

_MORE = r"超过|高于|大于|多于|more than|over|above|greater than|exceeding|>"
_LESS = r"低于|少于|小于|不到|less than|under|below|fewer than|<"
_AT_LEAST = r"不少于|至少|起码|at least|>="
_AT_MOST = r"不超过|至多|最多不超过|at most|<="
_AMOUNT = r"(\d+(?:\.\d+)?)\s*(万元|万|亿元|亿|个项目|个|项|million|m\b|projects?)?"
_THRESHOLD = re.compile(
    rf"(?:(?P<ge>{_AT_LEAST})|(?P<le>{_AT_MOST})|(?P<more>{_MORE})|(?P<less>{_LESS}))"
    rf"\s*(?:cny|rmb)?\s*{_AMOUNT}"
)
_THRESHOLD_AFTER = re.compile(rf"{_AMOUNT}\s*(?:(?P<ge>以上|or more)|(?P<le>以下|or less))")


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


# "资助方向有哪些", "研究什么内容", "支持哪些研究": what a direction works on
_ASKS_FIELDS = re.compile(
    r"(哪些|什么|啥|哪几个|有哪些|咩|乜嘢?|边啲)\s?(方向|领域|研究|内容|范畴|主题|课题|东西)|"
    r"(方向|领域|研究|内容|范畴|课题)\s?(有哪些|是什么(?!情况)|有什么(?!情况)|是啥(?!情况)|系咩|有咩|有边啲)"
)
_PER_ONE = re.compile(
    r"(一个|每个|单个|每项|一项|每一个)(项目|课题)?.{0,3}(多少|几多|能拿|能给|给多少|拿多少)|"
    r"(?<!which )\b(?:one|a single|each|every|a|an)\s+(?:[a-z-]+\s+){0,3}project\b(?!s)"
)
_WHAT_FUND = re.compile(r"\bwhat\b.{0,40}\b(?:fund|funds|support|supports|cover|covers)\b\s*\??$")
_CURRENCY = re.compile(r"[$¥￥€£]|\busd\b|\beur\b")
_NUMBER_PROJECTS = re.compile(r"\b(?:one|two|three|four|five|six|ten|twenty|\d+)\s+projects?\b")
_MONEY_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)")
_YEARS_NUMBER = re.compile(r"(?<!\d)(?!(?:19|20)\d\d)\d{1,2}\s*(?:年|years?\b)")
# "20个项目" asks a count; "那两个项目" (those two) and "哪两个领域" do not.
_COUNT_NUMBER = re.compile(
    r"(?<![这那嗰呢哪\s])\d+\s*(?:个|项|件)(?!领域|方向|国家|国|地区|合作方|方面|指南|主题)"
)


# Taiwan "補助一件" (one project), northern "就俩项目": counts without a digit
_PIECES = re.compile(r"(?:一|两|二|三|几|\d+)\s*件|(?<![那这嗰])(?:俩|仨)\s*(?:个)?项目")


def add_shape_cues(cues: Cues, masked: str, norm: str, raw: str) -> None:
    """Evidence that is a sentence shape rather than a word: "20个项目" asks a count, "300万"
    a budget, "5年" a period, "资助方向有哪些" the fields, "一个能拿多少" the average."""
    bonus = [
        (_ASKS_FIELDS.search(masked), L.FIELDS, 4),
        (_PER_ONE.search(masked), L.AVERAGE, 4),
        (
            _COUNT_NUMBER.search(masked)
            or _NUMBER_PROJECTS.search(masked)
            or _PIECES.search(masked),
            L.COUNT,
            3,
        ),
        (_MONEY_NUMBER.search(masked), L.BUDGET, 3),
        (_YEARS_NUMBER.search(masked), L.PERIOD, 3),
        (_CURRENCY.search(raw), L.BUDGET, 3),
        (_WHAT_FUND.search(norm), L.FIELDS, 4),
    ]
    for hit, intent, weight in bonus:
        if hit:
            cues.scores[intent] = cues.score(intent) + weight
