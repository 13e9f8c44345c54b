"""handlers.ordering.ChatOrderedProcessor: updates of one chat strictly in arrival order, different
chats side by side, at most ``max_concurrent`` at a time. Driven like PTB drives it: one task per
update, created in arrival order, each calling ``process_update``."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from telegram import Update

from bot.config import Config
from handlers.app import MAX_CONCURRENT_UPDATES, build_application
from handlers.ordering import ChatOrderedProcessor, chat_key

_ids = itertools.count(1)


def message_update(chat_id: int, user_id: int | None = None) -> Update:
    n = next(_ids)
    return Update.de_json(
        {
            "update_id": n,
            "message": {
                "message_id": n,
                "date": 0,
                "text": "hi",
                "chat": {"id": chat_id, "type": "private"},
                "from": {"id": user_id or chat_id, "is_bot": False, "first_name": "U"},
            },
        },
        None,
    )


def inline_update(user_id: int) -> Update:
    n = next(_ids)
    return Update.de_json(
        {
            "update_id": n,
            "inline_query": {
                "id": str(n),
                "query": "q",
                "offset": "",
                "from": {"id": user_id, "is_bot": False, "first_name": "U"},
            },
        },
        None,
    )


class Tracker:
    def __init__(self) -> None:
        self.events: list[tuple[str, object, int]] = []  # (start|end, key, seq)
        self.active = 0
        self.max_active = 0

    async def work(self, key: object, seq: int, delay: float) -> None:
        self.events.append(("start", key, seq))
        self.active += 1
        self.max_active = max(self.max_active, self.active)
        try:
            await asyncio.sleep(delay)
        finally:
            self.active -= 1
        self.events.append(("end", key, seq))

    def of(self, key: object) -> list[tuple[str, int]]:
        return [(kind, seq) for kind, k, seq in self.events if k == key]


async def run_all(processor: ChatOrderedProcessor, jobs: list[tuple[object, object]]) -> None:
    """``jobs``: (update, coroutine) in arrival order; one task each, as PTB does."""
    tasks = [asyncio.create_task(processor.process_update(u, c)) for u, c in jobs]
    await asyncio.wait_for(asyncio.gather(*tasks), 10)


def assert_sequential(tracker: Tracker, key: object, count: int) -> None:
    expected = []
    for seq in range(count):
        expected += [("start", seq), ("end", seq)]
    assert tracker.of(key) == expected  # in arrival order, never two at once


async def test_one_chat_in_order_while_chats_overlap():
    processor = ChatOrderedProcessor(256)
    await processor.initialize()
    tracker = Tracker()
    chats, per_chat = [11, 22, 33], 6
    jobs = []
    for seq in range(per_chat):
        for n, chat in enumerate(chats):
            # earlier updates take longer: without ordering, later ones would overtake them
            delay = 0.005 * (per_chat - seq) + 0.001 * n
            jobs.append((message_update(chat), tracker.work(chat, seq, delay)))
    await run_all(processor, jobs)
    for chat in chats:
        assert_sequential(tracker, chat, per_chat)
    assert tracker.max_active == len(chats)  # one per chat, all chats at once
    assert processor.pending() == 0
    await processor.shutdown()


async def test_concurrency_bound_holds():
    processor = ChatOrderedProcessor(3)
    await processor.initialize()
    tracker = Tracker()
    chats = list(range(100, 110))
    jobs = []
    for seq in range(3):
        for chat in chats:
            jobs.append((message_update(chat), tracker.work(chat, seq, 0.005)))
    await run_all(processor, jobs)
    assert tracker.max_active == 3
    for chat in chats:
        assert_sequential(tracker, chat, 3)
    assert processor.pending() == 0


async def test_busy_chat_holds_one_slot_only():
    processor = ChatOrderedProcessor(2)
    await processor.initialize()
    tracker = Tracker()
    jobs = [(message_update(1), tracker.work(1, seq, 0.02)) for seq in range(5)]
    jobs.append((message_update(2), tracker.work(2, 0, 0.001)))
    await run_all(processor, jobs)
    assert_sequential(tracker, 1, 5)
    # chat 2 arrived after five updates of chat 1 and still finished before chat 1's second
    order = [(kind, key, seq) for kind, key, seq in tracker.events]
    assert order.index(("end", 2, 0)) < order.index(("start", 1, 1))


async def test_updates_without_a_chat_are_bounded_but_unordered():
    processor = ChatOrderedProcessor(2)
    await processor.initialize()
    tracker = Tracker()
    jobs = [(object(), tracker.work("x", seq, 0.01)) for seq in range(6)]
    await run_all(processor, jobs)
    assert tracker.max_active == 2
    assert len(tracker.events) == 12


async def test_inline_queries_are_ordered_per_user():
    assert chat_key(inline_update(7)) == ("user", 7)
    assert chat_key(message_update(-100, user_id=7)) == -100
    assert chat_key("not an update") is None
    processor = ChatOrderedProcessor(8)
    await processor.initialize()
    tracker = Tracker()
    jobs = [(inline_update(7), tracker.work(7, seq, 0.01 * (4 - seq))) for seq in range(4)]
    await run_all(processor, jobs)
    assert_sequential(tracker, 7, 4)


async def test_cancelled_waiting_update_is_cleaned_up(recwarn):
    processor = ChatOrderedProcessor(4)
    await processor.initialize()
    tracker = Tracker()
    first = asyncio.create_task(
        processor.process_update(message_update(9), tracker.work(9, 0, 0.05))
    )
    waiting = asyncio.create_task(
        processor.process_update(message_update(9), tracker.work(9, 1, 0))
    )
    third = asyncio.create_task(processor.process_update(message_update(9), tracker.work(9, 2, 0)))
    await asyncio.sleep(0.01)
    assert processor.pending() == 1
    waiting.cancel()
    await asyncio.wait_for(asyncio.gather(first, third, waiting, return_exceptions=True), 5)
    assert waiting.cancelled()
    assert tracker.of(9) == [("start", 0), ("end", 0), ("start", 2), ("end", 2)]
    assert processor.pending() == 0
    assert not [w for w in recwarn if "never awaited" in str(w.message)]


def test_invalid_bound():
    with pytest.raises(ValueError):
        ChatOrderedProcessor(0)


def test_application_uses_the_ordered_processor(engine):
    app = build_application(Config(token="424242:AAF-test"), engine, updater=False)
    assert isinstance(app.update_processor, ChatOrderedProcessor)
    assert app.update_processor.max_concurrent == MAX_CONCURRENT_UPDATES
