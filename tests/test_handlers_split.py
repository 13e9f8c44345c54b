"""Property tests for ``split_message``: every part fits, is valid HTML, and nothing is lost."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.split import split_message, utf16_len

_atoms = st.sampled_from([*"abc xyz 中文经费 😀\n", "&amp;", "&lt;", "&gt;", "&quot;"])
_words = st.lists(_atoms, max_size=60).map("".join)


@st.composite
def html_docs(draw, depth: int = 0):
    pieces = []
    for _ in range(draw(st.integers(0, 6))):
        if depth < 2 and draw(st.booleans()):
            tag = draw(st.sampled_from(["b", "i", "u", 'a href="https://e.org/?a&amp;b"']))
            name = tag.split()[0]
            pieces.append(f"<{tag}>{draw(html_docs(depth + 1))}</{name}>")
        else:
            pieces.append(draw(_words))
    return "".join(pieces)


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", text)))


@settings(max_examples=200, deadline=None)
@given(
    doc=st.lists(html_docs(), min_size=1, max_size=8).map("\n".join), limit=st.integers(128, 400)
)
def test_split_message_properties(doc, limit):
    parts = split_message(doc, limit=limit)
    assert parts
    if not _plain(doc):
        return  # nothing to send (the engine never answers with an empty text)
    for part in parts:
        assert utf16_len(part) <= limit
        checker = _Balance()
        checker.feed(part)
        checker.close()
        assert checker.ok and not checker.stack, part
        assert re.search(r"&(?!(lt|gt|amp|quot);)", part) is None, part
    assert "".join(_plain(p) for p in parts) == _plain(doc)
