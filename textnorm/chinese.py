"""Traditional/Simplified Chinese conversion, script detection and pinyin, stdlib only.

The bot answers in the user's script and matches questions across scripts, and it must start fast
and install without native wheels, so OpenCC and pypinyin are only used offline: they are baked by
tools/gen_chinese_tables.py into the text tables of the ``textnorm.data`` package, read here lazily
(once per process, on first use) in a way that also works from a wheel or a zip (see _read).

- t2s.txt: ``繁<TAB>简`` for every Traditional / variant char (OpenCC t2s, TW/HK variants,
  Japanese shinjitai such as 徳 蔵) that differs from its Simplified form.
- s2t.txt: ``简<TAB>繁 [other candidates]`` (OpenCC s2t choice first); then ``phrase<TAB>phrase``
  for OpenCC phrases whose char-by-char conversion is wrong (后续 -> 後續, 头发 -> 頭髮); then
  segmentation-only phrases without a TAB, which are matched whole so the longest-match
  segmentation agrees with OpenCC, and converted char by char.
- pinyin.txt: ``字<TAB>reading,reading`` toneless ascii, ü as v, most common first.
"""

from __future__ import annotations

import _thread
from functools import lru_cache

__all__ = ["is_cjk", "pinyin", "script_counts", "to_simplified", "to_traditional"]

_HAN_RANGES = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # Unified Ideographs
    (0xF900, 0xFAFF),  # Compatibility Ideographs
    (0x20000, 0x323AF),  # Extensions B..H and Compatibility Supplement
)

_S2T = tuple[dict[str, str], frozenset[str], dict[str, str], int]

# typing / threading are not imported: they would cost more than the 5 ms import budget.
_lock = _thread.allocate_lock()
_t2s: dict[int, str] | None = None
_s2t: _S2T | None = None
_pinyin: dict[str, str] | None = None


def _read(name: str) -> str:
    """Text of textnorm/data/<name>, from a source tree, an installed wheel or a zip.

    This module's import loader reads it first (file and zip loaders both have get_data), as
    importing importlib.resources costs ~20 ms in a bare interpreter; importlib.resources then
    covers any other kind of loader.
    """
    import os

    try:
        path = os.path.join(os.path.dirname(__file__), "data", name)
        return __loader__.get_data(path).decode("utf-8")  # type: ignore[attr-defined]
    except (NameError, AttributeError, OSError):
        from importlib.resources import files

        return files("textnorm.data").joinpath(name).read_text(encoding="utf-8")


def _body(text: str) -> str:
    """The text after the leading '#' comment lines."""
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    return text[start:]


def _pairs(text: str) -> dict[str, str]:
    """Parse 'key<TAB>value' lines (no spaces) with C-level splits: a Python loop is 3x slower."""
    cells = iter(text.split())
    return dict(zip(cells, cells, strict=True))  # odd cell count: corrupt file


def _load_t2s() -> dict[int, str]:
    return str.maketrans(_pairs(_body(_read("t2s.txt"))))


def _load_s2t() -> _S2T:
    chars_part, _, rest = _body(_read("s2t.txt")).partition("# phrases\n")
    phrase_part, _, segment_part = rest.partition("# segmentation-only phrases\n")
    rows = chars_part.split("\n")[:-1]  # "简<TAB>繁" or "简<TAB>繁 繁2 ..."
    chars = {row[0]: row[2] for row in rows}
    others = "".join([row[4:] for row in rows if len(row) > 3]).replace(" ", "")
    phrases = _pairs(phrase_part)
    phrases.update(dict.fromkeys(segment_part.split(), ""))
    longest = max(map(len, phrases), default=1)
    return chars, frozenset(others), phrases, longest


def _load_pinyin() -> dict[str, str]:
    # readings stay "a,b" strings until asked for: splitting 7k rows up front costs ~1 ms
    return _pairs(_body(_read("pinyin.txt")))


# Each table is parsed once, on first use; the lock stops concurrent first calls parsing twice.


def _t2s_table() -> dict[int, str]:
    global _t2s
    if _t2s is None:
        with _lock:
            if _t2s is None:
                _t2s = _load_t2s()
    return _t2s


def _s2t_table() -> _S2T:
    global _s2t
    if _s2t is None:
        with _lock:
            if _s2t is None:
                _s2t = _load_s2t()
    return _s2t


def _pinyin_table() -> dict[str, str]:
    global _pinyin
    if _pinyin is None:
        with _lock:
            if _pinyin is None:
                _pinyin = _load_pinyin()
    return _pinyin


def is_cjk(ch: str) -> bool:
    """True for one Han ideograph (incl. extensions and compatibility forms), not punctuation."""
    if len(ch) != 1:
        return False
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def to_simplified(text: str) -> str:
    """Char-level Traditional -> Simplified: the reverse direction is nearly unambiguous."""
    return text.translate(_t2s_table())


def to_traditional(text: str) -> str:
    """Simplified -> Traditional: longest OpenCC phrase first (后续 -> 後續), then per char."""
    chars, _, phrases, longest = _s2t_table()
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch >= "\u3400":  # phrases are all Han: skip the slicing for ASCII and punctuation
            for size in range(min(longest, n - i), 1, -1):
                seg = text[i : i + size]
                if seg in phrases:
                    # segmentation-only phrases have no value: convert them char by char
                    out.append(phrases[seg] or "".join(chars.get(c, c) for c in seg))
                    i += size
                    break
            else:
                out.append(chars.get(ch, ch))
                i += 1
        else:
            out.append(chars.get(ch, ch))
            i += 1
    return "".join(out)


def script_counts(text: str) -> tuple[int, int]:
    """(Traditional-only, Simplified-only) char counts, to guess which script a user writes.

    Chars valid in both scripts (后 里 台 干 and all unchanged chars) count for neither.
    """
    t2s = _t2s_table()
    chars, also_traditional, *_ = _s2t_table()
    traditional = simplified = 0
    for ch in text:
        if ord(ch) in t2s:
            traditional += 1
        elif ch in chars and ch not in also_traditional:
            simplified += 1
    return traditional, simplified


def pinyin(ch: str) -> tuple[str, ...]:
    """Toneless readings of one char, most common first; Traditional chars via Simplified."""
    if len(ch) != 1:
        return ()
    table = _pinyin_table()
    readings = table.get(ch) or table.get(_t2s_table().get(ord(ch), ""))
    return tuple(readings.split(",")) if readings else ()


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    return frozenset(s for readings in _pinyin_table().values() for s in readings.split(","))


def is_pinyin(word: str) -> bool:
    """True when ``word`` (lower-case Latin letters) splits wholly into toneless pinyin syllables:
    "deguo", "ne", "jingfei" — Chinese typed with the input method off."""
    if not word.isascii() or not word.isalpha() or len(word) > 40:
        return False
    syllables = _syllables()
    reach = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        starts = range(max(0, end - 6), end)
        reach[end] = any(reach[i] and word[i:end] in syllables for i in starts)
    return reach[-1]
