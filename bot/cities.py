"""Partners a message names by a city or institution ("合作方在特拉维夫", "our partner is in
Madrid"): places.yaml lists them per place; the loaded knowledge says which places are partners."""

from __future__ import annotations

import functools
import re
from typing import Any

from bot.vocab import vocabulary


@functools.cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]] | None:
    owner: dict[str, str] = {}
    for place in vocabulary().places:
        for city in place.cities:
            owner.setdefault(city, place.id)
    if not owner:
        return None
    parts = []
    for city in sorted(owner, key=len, reverse=True):  # longest first
        body = re.escape(city)
        parts.append(rf"\b{body}\b" if city.isascii() else body)
    return re.compile("|".join(parts)), owner


def partners_by_city(norm: str, knowledge: Any) -> list[str]:
    """The partner ids of the cities named in normalised text ``norm``, in order of mention."""
    found = _pattern()
    if found is None or not norm:
        return []
    pattern, owner = found
    places = vocabulary().partner_places(knowledge)
    out: list[str] = []
    for m in pattern.finditer(norm):
        partner = places.get(owner[m.group(0)])
        if partner and partner not in out:
            out.append(partner)
    return out
