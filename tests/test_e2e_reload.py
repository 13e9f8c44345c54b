"""Live reload end to end: the real application polling the fake Bot API server on 127.0.0.1
while users keep asking, and the knowledge file is replaced under it -- first by a valid changed
file (the new figure is answered, the admin is told what changed), then by a broken one (the
last good figures keep being answered, the admin is told why, with the line). No question may
go unanswered, be answered twice or get an apology during the switches."""

from __future__ import annotations

import asyncio
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from bot.config import Config
from bot.engine import Engine
from handlers.app import build_application, post_init, post_shutdown
from knowledge import bundled_path, load_knowledge

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ itself on sys.path (rootdir-relative import mode)
    from fakebotapi import FakeBotApi

TOKEN = "777002:AAE2E-callbot_reload_SECRET"
ADMIN = 9101
PRIVATE_USERS = (5101, 5102, 5103, 5104, 5105)
GROUP = -100888
GROUP_USERS = (5201, 5202)
QUESTION = "芬兰的经费是多少"
OLD_LINE = "- {total: 6000, projects: {count: 15, qualifier: up_to}, average: 400}"
NEW_LINE = "- {total: 6600, projects: {count: 15, qualifier: up_to}, average: 440}"
PER_PHASE = 20  # questions asked in each phase: old file, changed file, broken file
INTERVAL = 0.1


@pytest.fixture
def server():
    with FakeBotApi(token=TOKEN) as fake:
        yield fake


def rewrite(path: Path, text: str) -> None:
    """Replace the file the way a deployment does: write aside, then rename over it."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


class Askers:
    """Users asking QUESTION in turn: five in private chats, then one of two users in a group
    mentioning the bot (every sixth question: Telegram, and so the bot's rate limiter, allows a
    group only 20 messages a minute). Every pushed question is remembered."""

    def __init__(self, server: FakeBotApi):
        self.server = server
        self.asked: list[tuple[int, int, str]] = []  # (chat_id, message_id, phase)
        self.phase = "old"
        self._n = 0

    def ask_one(self) -> None:
        i = self._n % (len(PRIVATE_USERS) + 1)
        turn = self._n // (len(PRIVATE_USERS) + 1)
        self._n += 1
        if i < len(PRIVATE_USERS):
            user = PRIVATE_USERS[i]
            msg = self.server.push_message(user, user, QUESTION, language_code="zh-hans")
            chat = user
        else:
            user = GROUP_USERS[turn % len(GROUP_USERS)]
            msg = self.server.push_message(
                GROUP,
                user,
                f"@{self.server.username} {QUESTION}",
                chat_type="supergroup",
                chat_title="Office",
                language_code="zh-hans",
            )
            chat = GROUP
        self.asked.append((chat, msg["message_id"], self.phase))

    async def ask(self, count: int, pause: float = 0.04) -> None:
        for _ in range(count):
            self.ask_one()
            await asyncio.sleep(pause)

    def count(self, phase: str) -> int:
        return sum(1 for *_, p in self.asked if p == phase)


async def test_knowledge_is_replaced_while_the_bot_answers(server, tmp_path):
    path = tmp_path / "calls.yaml"
    original = bundled_path().read_text(encoding="utf-8")
    schema = bundled_path().with_name("knowledge.schema.json")
    if schema.exists():
        shutil.copy(schema, tmp_path / schema.name)
    path.write_text(original, encoding="utf-8")
    assert original.count(OLD_LINE) == 1
    changed = original.replace(OLD_LINE, NEW_LINE).replace("total: 49600", "total: 50200", 1)
    broken = changed.replace("total: 6600,", "total: lots,", 1)
    broken_line = broken[: broken.index("total: lots")].count("\n") + 1

    engine = Engine(load_knowledge(path))
    config = Config(
        token=TOKEN,
        api_base_url=server.url,
        admins=frozenset({ADMIN}),
        reload_interval=INTERVAL,
        group_rate=6000,  # Telegram's pacing 300 times faster: tests/test_e2e_burst.py tests it
    )
    app = build_application(config, engine, knowledge_path=str(path))
    askers = Askers(server)

    def admin_texts() -> list[str]:
        return [m.text for m in server.sent(ADMIN)]

    def answered() -> int:
        return sum(len(server.sent(c)) for c in (*PRIVATE_USERS, GROUP))

    async with app:
        await post_init(app)
        await app.updater.start_polling(
            poll_interval=0, timeout=1, allowed_updates=["message", "edited_message"]
        )
        await app.start()
        try:
            server.push_message(ADMIN, ADMIN, "/start", language_code="zh-hans")
            await server.wait_for_sent_async(chat_id=ADMIN, count=1, timeout=8)
            welcomed = len(server.sent(ADMIN))

            # phase 1: the file as it was, every answer in before the file changes
            await askers.ask(PER_PHASE)
            assert await server.wait_for_async(lambda: answered() == PER_PHASE, timeout=8), (
                "the first questions were not answered"
            )
            # phase 2: a valid changed file arrives while questions keep coming
            rewrite(path, changed)
            askers.phase = "switching"
            while True:  # questions arrive before, while and after the watcher swaps
                await askers.ask(1)
                if len(admin_texts()) > welcomed:
                    break
                assert askers.count("switching") < 100, "the change was never reported"
            askers.phase = "new"
            await askers.ask(PER_PHASE)
            # phase 3: a broken file arrives
            rewrite(path, broken)
            askers.phase = "breaking"
            while True:
                await askers.ask(1)
                if len(admin_texts()) > welcomed + 1:
                    break
                assert askers.count("breaking") < 100, "the broken file was never reported"
            askers.phase = "kept"
            await askers.ask(PER_PHASE)

            total = len(askers.asked)
            assert total >= 60
            private = Counter(chat for chat, _, _ in askers.asked if chat != GROUP)
            group = sum(1 for chat, _, _ in askers.asked if chat == GROUP)
            assert group <= 18  # within the burst the group rate limit allows
            assert await server.wait_for_async(
                lambda: (
                    all(len(server.sent(c)) >= n for c, n in private.items())
                    and len(server.sent(GROUP)) >= group
                ),
                timeout=15,
            ), "some questions were not answered"
            await asyncio.sleep(3 * INTERVAL)  # nothing more may come
        finally:
            await app.updater.stop()
            await app.stop()
            await post_shutdown(app)

    # exactly one answer per question: per chat in private chats (answered in order, not
    # quoted), per question message in the group (quoted)
    for chat, n in private.items():
        assert len(server.sent(chat)) == n, chat
    replies_to = Counter(m.reply_to for m in server.sent(GROUP))
    group_ids = [mid for chat, mid, _ in askers.asked if chat == GROUP]
    assert all(replies_to[mid] == 1 for mid in group_ids), replies_to
    assert sum(replies_to.values()) == len(group_ids)
    assert not [e for e in server.errors if e.method == "sendMessage"], server.errors

    # every answer is a real answer with one of the two figures; once a chat has seen the new
    # figure it never sees the old one again
    answers: dict[tuple[int, int], str] = {}
    for chat in private:
        ids = [mid for c, mid, _ in askers.asked if c == chat]
        for mid, sent in zip(ids, server.sent(chat), strict=True):
            answers[(chat, mid)] = sent.text
    for sent in server.sent(GROUP):
        answers[(GROUP, sent.reply_to)] = sent.text
    for chat in (*private, GROUP):
        seen = [answers[(c, mid)] for c, mid, _ in askers.asked if c == chat]
        figures = ["6600万元" if "6600万元" in t else "6000万元" for t in seen]
        assert all("抱歉" not in t and ("6000万元" in t or "6600万元" in t) for t in seen), seen
        assert figures == sorted(figures, key=lambda f: f == "6600万元"), figures
    by_phase = Counter()
    for chat, mid, phase in askers.asked:
        text = answers[(chat, mid)]
        by_phase[phase, "6600万元" in text] += 1
        if phase in ("new", "breaking", "kept"):
            assert "6600万元" in text, (phase, text)
    assert by_phase["old", False] == PER_PHASE  # the old file really was answering
    assert by_phase["new", True] == PER_PHASE and by_phase["kept", True] == PER_PHASE

    # the admin was told twice: what changed, then why the broken file was refused
    change, refusal = admin_texts()[welcomed:]
    assert "已重新加载" in change
    assert "intl-1.6 total: 6000 → 6600" in change
    assert "intl-1.6 average: 400 → 440" in change
    assert "call intl total: 49600 → 50200" in change
    assert "未重新加载" in refusal
    assert re.search(
        rf"calls\.yaml:{broken_line}: directions\[\d+\]\.funding\[0\]\.total", refusal
    )
    assert engine.knowledge.direction_by_id["intl-1.6"].total == 6600
    for user in PRIVATE_USERS + GROUP_USERS:  # nobody else heard about the reloads
        assert all("重新加载" not in m.text for m in server.sent(user))
