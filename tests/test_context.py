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


def test_export_and_load_round_trip():
    store = ContextStore(ttl=100)
    store.put("a", Turn("budget", (("intl-1.6",),), at=1000.0))
    store.put("b", Turn("fields", at=10.0))
    fresh = ContextStore(ttl=100)
    assert fresh.load(store.export(), now=1050.0) == 1  # "b" had expired
    assert fresh.get("a", now=1050.0).groups == (("intl-1.6",),)


def test_ask_without_remembering(engine):
    engine.ask("德国多少钱？", "s")
    reply = engine.ask("那芬兰呢？", "s", remember=False)
    assert reply.programs == ["intl-1.6"]
    assert engine.contexts.get("s").groups == (("intl-1.8",),)
    assert engine.ask("芬兰", "fresh", remember=False).intent == "detail"
    assert engine.contexts.get("fresh") is None
