"""Lists in a message: names written as an enumerated list ("1. 中芬 2. 中德", "1）中奥；2）中阿",
"①中芬②中德", "a) Finland b) Germany", bullets, "中芬、中德、中以"), and a measure asked of every
direction ("列一下所有方向的平均资助额", "list the budget of every direction").

An enumerated list is a request for each item, never a choice among them: the clause-by-clause
narrowing ("意大利的我们已经看过了，现在想问问以色列…") and the side-by-side comparison of two
names do not apply to it. The words for "every direction" are data (the ``every`` flag in
bot/data/cues.yaml); the list markers are the shapes of writing, not vocabulary.
"""

from __future__ import annotations

import re

from bot.cues import Cues
from bot.entities import DIRECTION, PARTNER, EntityIndex
from textnorm.normalize import normalize

# A list marker opens an item: "1." "2、" "3）" "(4)" "①" "a)" "b．" or a bullet at a line start.
# "1." must not be a decimal ("1.6 中芬" is a direction number, "2.5亿" an amount).
_MARKER = re.compile(
    r"(?:(?<![\d.])(?:[1-9]|1[0-9])\s*(?:[.．](?!\d)|[、)）])"
    r"|[(（]\s*(?:[1-9]|1[0-9]|[a-h一二三四五六七八九十])\s*[)）]"
    r"|[①-⑳]"
    r"|(?:^|(?<=[\s：:，,。？?！!；;]))[一二三四五六七八九十]\s*、"
    r"|(?<![a-z])[a-h]\s*[)）]"
    r"|(?:^|\n)\s*[-*•·]\s)",
    re.IGNORECASE,
)


_SERIES = "、"


def enumerated_items(text: str) -> list[str]:
    """The items of an enumerated list in ``text`` (two or more), else an empty list.

    "麻烦提供以下几个方向的总经费：1. 中芬 2. 中德 3. 中以" → ["中芬 ", "中德 ", "中以"]."""
    starts = [m for m in _MARKER.finditer(text)]
    if len(starts) < 2:
        return []
    items = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        item = text[m.end() : end]
        items.append(re.split(r"[。？?！!\n]", item, maxsplit=1)[0])
    return [it for it in items if it.strip()]


def names_enumerated(text: str, index: EntityIndex) -> bool:
    """Whether two or more items of an enumerated list in ``text`` (the message as written)
    name a direction or a partner: "1）中奥产学研；2）中国与阿根廷"."""

    def names(item: str) -> bool:
        return any(
            m.kind in (PARTNER, DIRECTION) for m in index.find(normalize(item), item).mentions
        )

    if sum(1 for item in enumerated_items(text) if names(item)) >= 2:
        return True
    # three or more names in a "、" series ("中芬、中德、中以的总经费") are a list too; two are a
    # pair, which a measure compares ("芬兰、德国经费")
    for sentence in re.split(r"[，。？！?!；;\n]", text):
        pieces = sentence.split(_SERIES)
        if len(pieces) >= 3 and all(names(p) for p in pieces):
            return True
    return False


def names_listed(raw: str, names: list[str]) -> bool:
    """Whether two or more items of an enumerated list in ``raw`` hold one of ``names`` (the
    names found, as they read in the normalised message)."""
    names = [n for n in names if n.strip()]
    hits = 0
    for item in enumerated_items(raw):
        folded = normalize(item)
        hits += any(n in folded for n in names)
    return hits >= 2


def every_direction(cues: Cues) -> bool:
    """ "所有方向", "各个方向", "every direction": a measure asked of each of them."""
    return "every" in cues.tags
