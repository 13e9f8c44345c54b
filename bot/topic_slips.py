"""A two-character topic word typed with one character slipped to a homophone ("疫描" for 疫苗,
"遥敢" for 遥感): the input method's slip, read as the topic when the slip is no word the bot
knows. One character of the word stays as typed; the other reads the same in toneless pinyin."""

from __future__ import annotations

from bot.pinyin_text import knowledge_terms
from knowledge.model import Knowledge
from textnorm.chinese import is_cjk, pinyin
from textnorm.normalize import normalize

_Key = tuple[int, str, str]


def _tables(k: Knowledge) -> tuple[dict[_Key, str], frozenset[str]]:
    """(slip key -> topic id, every word the bot knows), built once per knowledge. A key is the
    position of the character kept, that character, and a reading of the other one."""
    if "topic_slips" not in k._cache:
        index: dict[_Key, str] = {}
        for t in k.topics:
            for word in (t.name.zh_hans, *t.aliases):
                w = normalize(word)
                if len(w) != 2 or not all(is_cjk(ch) for ch in w):
                    continue
                for r in pinyin(w[1]):
                    index.setdefault((0, w[0], r), t.id)
                for r in pinyin(w[0]):
                    index.setdefault((1, w[1], r), t.id)
        known = frozenset(normalize(w) for w in knowledge_terms(k))
        k._cache["topic_slips"] = (index, known)
    return k._cache["topic_slips"]


def slipped_topics(k: Knowledge, text: str) -> list[str]:
    """The topics whose two-character word ``text`` holds with one character slipped to a
    homophone, the slip itself being no known word (nor part of one typed beside it)."""
    index, known = _tables(k)
    found: list[str] = []
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if not (is_cjk(a) and is_cjk(b)) or a + b in known:
            continue
        # a known word overlapping the pair ("有疫" in "哪些方向有疫描" is none) keeps it
        if any(text[j : j + 2] in known for j in (i - 1, i + 1)):
            continue
        keys = [(0, a, r) for r in pinyin(b)] + [(1, b, r) for r in pinyin(a)]
        for key in keys:
            t = index.get(key)
            if t is not None and t not in found:
                found.append(t)
                break
    return found
