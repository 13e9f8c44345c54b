"""Moved to ``textnorm.normalize`` (below both bot/ and knowledge/); this name keeps old imports
working."""

from textnorm.normalize import (  # noqa: F401
    MAX_INPUT,
    arabic_numerals,
    chinese_to_int,
    fold,
    is_cjk,
    is_latin_word_char,
    normalize,
)
