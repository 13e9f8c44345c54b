from bot.context import ContextStore, Turn


def test_bounded_size_forgets_least_recent():
    store = ContextStore(max_entries=3)
    for i in range(5):
        store.put(i, Turn("budget"))
    assert len(store) == 3
    assert store.get(0) is None and store.get(4) is not None


def test_expiry():
    store = ContextStore(ttl=10)
    store.put("a", Turn("budget", at=100.0))
    assert store.get("a", now=105.0) is not None
    assert store.get("a", now=111.0) is None
    assert len(store) == 0
