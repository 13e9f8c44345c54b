"""Per-conversation memory for follow-ups ("那芬兰呢？"): bounded in size, expiring with time."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field

DEFAULT_TTL = 15 * 60.0  # a follow-up a quarter of an hour later is a new question
DEFAULT_MAX = 10_000  # conversations remembered at once; the least recent is forgotten first


@dataclass(frozen=True)
class Turn:
    """What the last answer was about, enough to resolve an elliptic next question."""

    intent: str
    groups: tuple[tuple[str, ...], ...] = ()
    topics: tuple[str, ...] = ()
    metric: str | None = None
    order: str | None = None
    scope: str | None = None
    lang: str = "zh-Hans"
    at: float = field(default_factory=time.time)
    history: tuple[tuple[str, ...], ...] = ()  # the last few things named, oldest first
    # what arithmetic follow-ups ("一共多少", "哪个多") work on: the directions named turn after
    # turn since the measure was set, and the directions the last answer listed
    chain: tuple[tuple[str, ...], ...] = ()
    answered: tuple[str, ...] = ()
    # False when a comparison was only shown side by side, never asked ("spain and germany
    # budget?"): a next measure ("and the average?") is then that measure of both
    compared: bool = True
    # the calls a share was of ("芬兰占政府间专项的百分比 → 德国呢？" asks Germany's share)
    share_of: tuple[str, ...] = ()
    # the calls asked about as wholes turn after turn ("政府间专项多少钱 → 港澳台的呢"), what
    # "一共多少" / "哪个多" then works on when no direction was named
    calls: tuple[str, ...] = ()
    # the bounds of a filter just answered ("项目数15个的方向有哪些"), for the same filter with
    # another value ("那20个的呢")
    bounds: tuple[tuple[str, float], ...] = ()
    # directions narrowed to one of their tracks ("欧盟旗舰FAB领域平均多少"), as (id, track index):
    # "阿根廷呢 → 是几倍" sets the track, not the whole direction, against Argentina
    tracks: tuple[tuple[str, int], ...] = ()
    # the directions a list answer gave ("哪些方向支持氢能"), kept while the next turns ask of
    # one of them ("德国那个多少钱"): what "除了德国以外，其他几个" are the others of
    listed: tuple[str, ...] = ()
    # the aspects the notice lacks that the last answer named, asked of the directions in
    # ``groups`` ("以色列方向的申报截止日期 → 那德国呢？" asks Germany's, missing too)
    missing: tuple[str, ...] = ()
    # what a comparison asked beside the figures (ratio, difference): "反过来呢" asks it again
    # with the two sides swapped
    asks: tuple[str, ...] = ()

    @property
    def programs(self) -> list[str]:
        return list(dict.fromkeys(d for g in self.groups for d in g))


class ContextStore:
    """A small LRU of the last turn per conversation key (chat, or chat+user in groups)."""

    def __init__(self, ttl: float = DEFAULT_TTL, max_entries: int = DEFAULT_MAX):
        self.ttl = ttl
        self.max_entries = max_entries
        self._data: OrderedDict[Hashable, Turn] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, now: float | None = None) -> Turn | None:
        now = time.time() if now is None else now
        with self._lock:
            turn = self._data.get(key)
            if turn is None:
                return None
            if now - turn.at > self.ttl:
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return turn

    def put(self, key: Hashable, turn: Turn) -> None:
        with self._lock:
            self._data[key] = turn
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def forget(self, key: Hashable) -> None:
        with self._lock:
            self._data.pop(key, None)

    def __len__(self) -> int:
        return len(self._data)

    def load(self, snapshot: dict[Hashable, Turn], now: float | None = None) -> int:
        """Restore an ``export()`` snapshot (oldest first, expired turns skipped); returns how
        many conversations were restored."""
        now = time.time() if now is None else now
        restored = 0
        for key, turn in sorted(snapshot.items(), key=lambda kv: kv[1].at):
            if isinstance(turn, Turn) and now - turn.at <= self.ttl:
                self.put(key, turn)
                restored += 1
        return restored

    def export(self) -> dict[Hashable, Turn]:
        """A snapshot for persistence (the Telegram side saves it across restarts)."""
        with self._lock:
            return dict(self._data)
