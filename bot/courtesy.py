"""Courtesy around a question, taken off before the question is read.

A greeting ("老师您好，", "Hi! "), thanks ("谢谢！", "唔該晒", "Thanks!"), emoji, a lead-in ending
in a colon ("帮领导问一下：") or a sentence about the asker ("我是一名博士后，…", "I'm a postdoc
in materials science. ") never outranks the question: the understanding reads the question
sentence alone. A lead-in or a sentence about the asker is dropped only when it names nothing of
the notice (no partner, direction, topic or call, no measure, no question mark): "I'm at the
University of Helsinki." may be what names Finland, and then it stays. The vocabulary is data
(bot/data/operations.yaml, ``courtesy``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot import operations as O
from bot.cities import partners_by_city
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC, EntityIndex
from textnorm.normalize import fold, normalize

_SEP = r"[\s,，.。!！~～;；、…]*"
# pictographs and dingbats; regional indicators (flags, read as country codes) are kept
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d]")
_CLAUSE_END_ZH = re.compile(r"[,，。!！;；:：]")
_SENTENCE_END_ZH = re.compile(r"[。!！;；]")
_CLAUSE_END_EN = re.compile(r"[.!;:](?=\s|$)")
_CONTENT = re.compile(r"[\w\u4e00-\u9fff]")
_SENTENCE_START = re.compile(r"(?<=[。.!！?？;；])\s*")


@lru_cache(maxsize=1)
def _regexes() -> tuple[re.Pattern[str], ...]:
    c = O.VOCAB.courtesy
    return (
        re.compile(rf"{_SEP}(?:{c['greeting']}){_SEP}"),
        re.compile(rf"{_SEP}(?:{c['thanks']})(?:{_SEP}(?:{c['thanks']}))*{_SEP}$"),
        re.compile(rf"(?:{c['about_asker']})"),
        re.compile(rf"(?:{c['lead_in']})"),
    )


@lru_cache(maxsize=1)
def _acknowledgement() -> re.Pattern[str]:
    # "好的，谢谢。那德国呢？", "Thanks! and the next one?": the answer just given acknowledged
    # before the follow-up; a separator must end it (not "好的方向有哪些", "great projects")
    ack = O.VOCAB.courtesy["acknowledgement"]
    return re.compile(rf"\s*(?:{ack})(?=[\s]*[,，.。!！~～;；、…])[\s,，.。!！~～;；、…]+")


def _names_nothing(clause: str, index: EntityIndex) -> bool:
    # "…麻烦提供该专项的整体情况：①一共设立几个指南方向；" counts the call's directions: a question
    if "?" in clause or "？" in clause or O.measures(fold(clause)):
        return False
    if O.asks_directions_count(fold(clause)):
        return False
    said = normalize(clause)
    # "I work at the University of Pretoria." names South Africa by its city
    return not index.find(said, clause).mentions and not partners_by_city(said, index.knowledge)


def _context_ends(folded: str, start: int, kind: re.Pattern[str]) -> list[int]:
    """Where a sentence about the asker (or a lead-in) that starts at ``start`` may end, the
    longest reading first: "我是一名博士后，刚入职不久。" is one sentence, "我们是科研处的，" a
    clause before the question."""
    m = kind.match(folded, start)
    if not m:
        return []
    if kind is _regexes()[3]:
        return [m.end()]
    if folded[start : start + 1].isascii():
        found = _CLAUSE_END_EN.search(folded, start, start + 120)
        return [found.end()] if found else []
    ends = [e.end() for e in (_SENTENCE_END_ZH.search(folded, start, start + 60),) if e]
    clause = _CLAUSE_END_ZH.search(folded, start, start + 60)
    return [*ends, *([clause.end()] if clause else [])]


def _trailing_context(
    plain: str, folded: str, start: int, end: int, about: re.Pattern[str], index: EntityIndex
) -> int:
    """A last sentence about the asker after the question ("…多少钱？我们是高校科研处的。",
    "How many projects? We are from a university research office.") ends the question."""
    for m in _SENTENCE_START.finditer(folded, start, end):
        begin = m.end()
        if begin >= end or not about.match(folded, begin, end):
            continue
        if _CONTENT.search(plain[start:begin]) and _names_nothing(plain[begin:end], index):
            return begin
    for m in _SENTENCE_START.finditer(folded, start, end):
        begin = m.end()
        if begin >= end or not O.VOCAB.asker_context.search(folded, begin, end):
            continue
        if _call_asked_alone(plain[start:begin], index) and _tells_only(plain[begin:end]):
            # "政府间专项一共几个方向、总经费多少？我校合作伙伴主要在欧洲、俄罗斯和韩国。": the
            # question is of the call it names; the partners after it are whom the asker knows
            return begin
    for m in _SENTENCE_START.finditer(folded, start, end):
        begin = m.end()
        if begin >= end or not O.VOCAB.asker_context.search(folded, begin, end):
            continue
        if _request_of_names(plain[start:begin], index) and _states_other_names(
            plain[start:begin], plain[begin:end], index
        ):
            # "介绍一下阿根廷方向。我们也和俄罗斯有合作，但这次不考虑。", "介紹一下阿根廷方向。
            # 我們團隊有12個人。": the request names what it asks; what follows is the asker's
            return begin
    asked = folded.find("?", start, end) >= 0 or folded.find("？", start, end) >= 0
    for m in _SENTENCE_START.finditer(folded, start, end) if asked else ():
        begin = m.end()
        if begin >= end or folded[:begin].rstrip()[-1:] not in ("?", "？"):
            continue  # only after a question that is whole
        sentence = plain[begin:end]
        if not O.VOCAB.purpose_trail.search(fold(sentence)):
            continue
        # the plan said ("方便老师们做预算") names a measure it does not ask
        plan_off = O.VOCAB.purpose_trail.sub(" ", fold(sentence))
        named = index.find(normalize(sentence), sentence).mentions
        if _tells_only(plan_off) and _names_nothing(plan_off, index) and not named:
            # "…一共有哪些合作国家？各学院好对口联系。": why the asker asks, not what
            return begin
    return end


def _names_of(clause: str, index: EntityIndex) -> set[str]:
    found = index.find(normalize(clause), clause).mentions
    return {m.id for m in found if m.kind in (PARTNER, DIRECTION)}


def _request_of_names(clause: str, index: EntityIndex) -> bool:
    """A sentence that asks and names a partner or direction of its own."""
    return bool(_asks().search(fold(clause))) and bool(_names_of(clause, index))


# a sentence the asker opens about themselves: "我们…", "我哋…", "We…", "Our…"
_ASKER_OPENS = re.compile(r"\W*(?:我|本人|团队|课题组|实验室|本校|本院|(?:we|our|i|my)\b)")


def _states_other_names(asked: str, sentence: str, index: EntityIndex) -> bool:
    """A sentence the asker opens about themselves that asks nothing (no question word, mark
    or measure), names no topic, and names partners only as ones they work with ("我们也和俄罗斯
    有合作，但这次不考虑"): what the asker tells, not asks."""
    said = fold(sentence)
    if not _ASKER_OPENS.match(said) or not re.search(r"[。.!！]\W*$", fold(asked)):
        return False
    if "?" in said or "？" in said or O.measures(said) or _asks().search(said):
        return False
    found = index.find(normalize(sentence), sentence).mentions
    if any(m.kind == TOPIC for m in found):
        return False
    named = _names_of(sentence, index)
    if named and not O.VOCAB.partnership_stated.search(said):
        return False
    return not named & _names_of(asked, index)


def _call_asked_alone(clause: str, index: EntityIndex) -> bool:
    """A question that names a call and no partner or direction of it."""
    if "?" not in clause and "？" not in clause:
        return False
    kinds = {m.kind for m in index.find(normalize(clause), clause).mentions}
    return CALL in kinds and not kinds & {PARTNER, DIRECTION}


# a sentence that sets names aside from the question before it asks with it: "其中中欧联合实验室和
# 中南联合研究请不要计入", "please do not count the joint labs"
_SETS_ASIDE = re.compile(
    r"(?:不要|不用|无需|无须|毋须|不必|唔好|唔使|不)(?:计入|算进去|算在内|计算在内|纳入|考虑)|除外"
    r"|\b(?:do\s+not|don'?t)\s+(?:count|include)\b|\bleave\s+out\b"
)


def _tells_only(sentence: str) -> bool:
    """A sentence that asks nothing: no question mark, word or measure."""
    if "?" in sentence or "？" in sentence or O.measures(fold(sentence)):
        return False
    if _SETS_ASIDE.search(fold(sentence)):
        return False
    return not _asks().search(fold(sentence)) and not O.yes_no(fold(sentence))


# sentence ends: Chinese ones anywhere, English ones before a space (not "1.5" or "e.g.")
_SENTENCE_SPLIT = re.compile(r"[。!！;；]|[.](?=\s+[A-Za-z])")
_WORD = re.compile(r"[a-z]+|[\u4e00-\u9fff]")


# a direction pointed at by its figures, not context: "有一个经费300万、补助1件的…",
# "There is one program with CNY 10 million and 4 projects."
_FIGURES_OF_ONE = re.compile(
    r"(?:有(?:一)?个|\bthere\s+(?:is|was)\s+(?:one|a|an)\b)[^.。!！;；]*?\d+(?:\.\d+)?\s*"
    r"(?:万|亿|million\b|m\b)"
)


@lru_cache(maxsize=1)
def _asks() -> re.Pattern[str]:
    return re.compile(f"(?:{O.VOCAB.courtesy['asks']})")


def _silent_context(plain: str, folded: str, start: int, end: int, index: EntityIndex) -> int:
    """Sentences before the question that ask nothing and name nothing of the notice: where the
    question starts after them. Short ones stay ("总经费。中芬呢？" asks Finland's budget)."""
    asks = _asks()
    while True:
        stop = _SENTENCE_SPLIT.search(folded, start, end)
        if stop is None or stop.end() >= end:
            return start
        sentence = folded[start : stop.start()]
        if len(_WORD.findall(sentence)) < 8 or asks.search(sentence.strip()):
            return start
        said = normalize(plain[start : stop.start()])
        if index.find(said, plain[start : stop.start()]).mentions:
            return start
        if partners_by_city(said, index.knowledge):
            return start  # "I am professor at University of Pretoria." names South Africa
        if _FIGURES_OF_ONE.search(sentence):
            return start  # "There is one direction with CNY 15 million and 2 projects." points
        if not asks.search(folded[stop.end() : end]):
            return start  # nothing after it asks either: it may be the question itself
        start = stop.end()
        while start < end and folded[start] in " ,，.。!！~～;；、…":
            start += 1


def _purpose_lead(plain: str, folded: str, start: int, end: int, index: EntityIndex) -> int:
    """A clause of purpose before the question ("为了提高立项几率，", "為咗規劃預算，", "To
    plan the budget for our committee:") says why the asker asks, not what: where the question
    starts after it. A measure in it ("预算") is the asker's plan; a name or a topic
    ("为了申报氢能方向，") may be what is asked, and then it stays."""
    m = O.VOCAB.purpose_lead.match(folded, start, end)
    if m is None or m.end() >= end:
        return start
    clause = plain[start : m.end()]
    if "?" in clause or "？" in clause:
        return start
    said = normalize(clause)
    if index.find(said, clause).mentions or partners_by_city(said, index.knowledge):
        return start
    # the rest must still ask something of its own ("为了做预算，德国方向支持几个项目？")
    if not _asks().search(folded, m.end(), end) and not O.measures(folded[m.end() : end]):
        return start
    return m.end()


# a statement ends at a sentence end or a colon ("我们做氢能，但这次问的是：…")
_STATEMENT_END = re.compile(r"[。!！;；:：]|[.](?=\s+[A-Za-z])|:(?=\s)")


def after_stated_work(text: str, index: EntityIndex) -> str | None:
    """The question after a first sentence that asks nothing and states the asker's own work
    ("我们课题组做水处理。", "Our group works on water treatment.", "我們實驗室做疫苗研究，
    不過這次問別的。") or that a topic is there ("Cultural heritage is in there."), or None.
    Such a sentence names topics only: whether the question after it stands without them is
    for the understanding to say (a ranking or a named direction does; "有没有合适的方向？"
    does not). A question that refers back to the asker's work keeps it."""
    folded = fold(text)
    if len(folded) != len(text):
        return None
    stop = _STATEMENT_END.search(folded)
    if stop is None or stop.end() >= len(text):
        return None
    sentence, rest = text[: stop.start()], text[stop.end() :].strip()
    said = fold(sentence)
    stated = O.VOCAB.asker_context.search(said) or O.VOCAB.presence_stated.search(said)
    if not stated or "?" in said or "？" in said:
        return None
    if _asks().search(said) or O.measures(said) or re.search(r"\d", said):
        return None
    if _SETS_ASIDE.search(said) or O.VOCAB.asker_work_referred.search(fold(rest)):
        return None
    found = index.find(normalize(sentence), sentence).mentions
    if any(m.kind != TOPIC for m in found) or not found:
        return None
    if partners_by_city(normalize(sentence), index.knowledge) or not _asks().search(fold(rest)):
        return None
    return rest


def question(text: str, index: EntityIndex) -> str:
    """The question sentence of ``text``: courtesy and context about the asker taken off. The
    message itself when nothing is left (a bare "你好" or "thanks" is what was said)."""
    plain = _EMOJI.sub(" ", text)
    folded = fold(plain)
    if len(folded) != len(plain):
        return text  # offsets would not map back to the message
    greeting, thanks, about, lead_in = _regexes()
    start, end = 0, len(plain)
    greeted = 0
    for _ in range(6):
        before = start, end
        m = greeting.match(folded, start, end)
        if m and m.end() > start:
            start = m.end()
            greeted = greeted or start
        m = _acknowledgement().match(folded, start, end)
        if m and m.end() < end:
            start = m.end()
        m = thanks.search(folded, start, end)
        if m and m.start() < end:
            end = m.start()
        for kind in (about, lead_in):
            for stop in _context_ends(folded, start, kind):
                if stop < end and _names_nothing(plain[start:stop], index):
                    start = stop
                    break
        end = _trailing_context(plain, folded, start, end, about, index)
        start = _silent_context(plain, folded, start, end, index)
        start = _purpose_lead(plain, folded, start, end, index)
        while start < end and folded[start] in " ,，.。!！~～;；、…":
            start += 1
        while end > start and folded[end - 1] in " ,，。~～;；、…":
            end -= 1  # "…呢？。我们是…" once the sentence about the asker is off
        if (start, end) == before:
            break
    rest = plain[start:end].strip()
    if greeted and O.VOCAB.origin_only.match(fold(rest)):
        return plain[:greeted].strip()  # "Hi!! good morning from Valencia": a greeting only
    if len(_CONTENT.findall(rest)) < 2:
        return text.strip() if not _CONTENT.search(plain) else plain.strip()
    return rest
