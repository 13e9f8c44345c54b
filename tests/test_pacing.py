"""handlers.pacing.ChatPacer: each chat paced on its own within Telegram's windows, the overall
cap, inline and callback answers never delayed, a 429 pausing its own chat only, every chat's
calls in order, one overload notice per episode, bounded state. Windows are scaled down (the
same code with shorter windows), so these run in about two seconds in all."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest
from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter

from bot.config import Config
from handlers import pacing, texts
from handlers.app import build_application
from handlers.pacing import ChatPacer
from tests.test_handlers import TOKEN, Harness, Recorder

GROUP, OTHER_GROUP, USER = -100500, -100600, 4242
# PTB's RetryAfter warns about its own attribute's future type when it is made
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


class Api:
    """A Bot API stand-in: records (endpoint, data, time) and fails on request."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict, float]] = []
        self.refuse: dict[object, list[float]] = {}  # chat_id -> retry_after of next 429s

    async def __call__(self, endpoint: str, data: dict, **kwargs: object) -> bool:
        chat = data.get("chat_id")
        if self.refuse.get(chat):
            raise RetryAfter(timedelta(seconds=self.refuse[chat].pop(0)))
        self.calls.append((endpoint, data, time.monotonic()))
        await asyncio.sleep(0)
        return True

    def times(self, chat: object) -> list[float]:
        """When messages went into ``chat``, overload notices included (they count too)."""
        return [t for e, d, t in self.calls if d.get("chat_id") == chat and e == "sendMessage"]

    def texts(self, chat: object) -> list[str]:
        """The texts sent into ``chat``, overload notices left out."""
        notices = [texts.busy(lang) for lang in texts.LANGS]
        out = [d["text"] for _, d, _ in self.calls if d.get("chat_id") == chat]
        for notice in notices:
            out = [t.removeprefix(f"{notice}\n\n") for t in out if t != notice]
        return out


async def send(pacer: ChatPacer, api: Api, chat: object, text: str, endpoint="sendMessage"):
    data = {"chat_id": chat, "text": text}
    return await pacer.process_request(api, (endpoint, data), {}, endpoint, data, None)


async def answer_query(pacer: ChatPacer, api: Api, endpoint: str) -> float:
    start = time.monotonic()
    key = "inline_query_id" if endpoint == "answerInlineQuery" else "callback_query_id"
    data = {key: "1"}
    await pacer.process_request(api, (endpoint, data), {}, endpoint, data, None)
    return time.monotonic() - start


def windows_kept(times: list[float], count: int, window: float) -> bool:
    """No ``window`` seconds hold more than ``count`` of ``times``."""
    return all(b - a >= window * 0.999 for a, b in zip(times, times[count:], strict=False))


def test_is_a_ptb_rate_limiter_scaled_by_the_group_rate():
    pacer = ChatPacer.for_group_rate(20)
    assert isinstance(pacer, AIORateLimiter)
    assert pacer.group_rules == ((3, 3.0), (20, 60.0))
    assert pacer.private_rules == ((3, 3.0),)
    fast = ChatPacer.for_group_rate(200)
    assert [w for _, w in fast.group_rules] == pytest.approx([0.3, 6.0])
    with pytest.raises(ValueError):
        ChatPacer(scale=0)


async def test_private_chat_about_one_a_second_with_short_bursts():
    pacer, api = ChatPacer(scale=0.05), Api()  # 3 in 0.15 s
    start = time.monotonic()
    await asyncio.gather(*(send(pacer, api, USER, str(i)) for i in range(9)))
    times = api.times(USER)
    assert api.texts(USER) == [str(i) for i in range(9)]  # in order
    assert times[2] - start < 0.05  # a burst of three goes at once
    assert windows_kept(times, 3, 0.15)
    assert times[-1] - start >= 0.3


async def test_group_at_most_twenty_a_window():
    pacer, api = ChatPacer(scale=0.01), Api()  # 3 in 0.03 s, 20 in 0.6 s
    start = time.monotonic()
    await asyncio.gather(*(send(pacer, api, GROUP, str(i)) for i in range(24)))
    times = api.times(GROUP)
    assert api.texts(GROUP) == [str(i) for i in range(24)]
    assert windows_kept(times, 20, 0.6)
    assert windows_kept(times, 3, 0.03)
    assert times[19] - start < 0.4  # the first twenty are not spread over the whole window
    assert times[20] - times[0] >= 0.6


async def test_overall_cap_across_chats():
    pacer, api = ChatPacer(scale=0.01, overall_rate=50), Api()
    start = time.monotonic()
    await asyncio.gather(*(send(pacer, api, 1000 + i, "x") for i in range(100)))
    # aiolimiter lets a second's worth through at once, then 50 a second
    assert time.monotonic() - start >= 0.9
    assert len(api.calls) == 100


async def test_a_busy_group_delays_no_other_chat_and_no_query():
    pacer, api = ChatPacer(scale=0.01), Api()  # group: 20 in 0.6 s
    group = asyncio.gather(*(send(pacer, api, GROUP, str(i)) for i in range(30)))
    await asyncio.sleep(0.05)  # the group's window is full, ten of its answers wait
    start = time.monotonic()
    await send(pacer, api, USER, "private")
    await send(pacer, api, OTHER_GROUP, "other group")
    assert time.monotonic() - start < 0.05
    assert await answer_query(pacer, api, "answerInlineQuery") < 0.05
    assert await answer_query(pacer, api, "answerCallbackQuery") < 0.05
    assert len(api.times(GROUP)) < 30
    await group
    assert api.texts(GROUP) == [str(i) for i in range(30)]


async def test_queries_skip_the_overall_cap():
    pacer, api = ChatPacer(scale=0.01, overall_rate=5), Api()
    chats = asyncio.gather(*(send(pacer, api, 1000 + i, "x") for i in range(7)))
    await asyncio.sleep(0.01)
    assert await answer_query(pacer, api, "answerInlineQuery") < 0.05
    await chats


async def test_429_pauses_that_chat_only_and_keeps_its_order(caplog):
    pacer, api = ChatPacer(scale=0.01), Api()
    api.refuse[GROUP] = [0.4]
    start = time.monotonic()
    group = asyncio.gather(*(send(pacer, api, GROUP, str(i)) for i in range(3)))
    await asyncio.sleep(0.05)
    await asyncio.gather(*(send(pacer, api, OTHER_GROUP, str(i)) for i in range(3)))
    await send(pacer, api, USER, "private")
    assert time.monotonic() - start < 0.2  # while the first group is paused
    await group
    assert api.times(GROUP)[0] - start >= 0.4  # retried after retry_after, not before
    assert api.texts(GROUP) == ["0", "1", "2"]  # the refused one first: nothing overtook it
    assert "pausing that chat 0.4 s" in caplog.text


async def test_429_retries_are_bounded():
    pacer, api = ChatPacer(scale=0.01, max_retries=2), Api()
    api.refuse[USER] = [0.01] * 5
    with pytest.raises(RetryAfter):
        await send(pacer, api, USER, "x")
    assert api.refuse[USER] == [0.01, 0.01]  # three tries: the first and two retries


async def test_a_long_429_on_a_query_is_not_waited_for():
    pacer = ChatPacer()

    async def refused(*args, **kwargs):
        raise RetryAfter(30)

    data = {"inline_query_id": "1"}
    start = time.monotonic()
    with pytest.raises(RetryAfter):
        await pacer.process_request(
            refused, ("answerInlineQuery", data), {}, "answerInlineQuery", data, None
        )
    assert time.monotonic() - start < 0.1


async def test_calls_that_send_nothing_are_not_paced():
    pacer, api = ChatPacer(scale=10), Api()  # 3 private messages in 30 s
    for _ in range(3):
        await send(pacer, api, USER, "x")
    start = time.monotonic()
    await send(pacer, api, USER, "", endpoint="getChatMember")
    await send(pacer, api, USER, "", endpoint="sendChatAction")
    assert time.monotonic() - start < 0.05


async def test_overload_notice_once_per_episode_in_the_chats_language():
    pacer, api = ChatPacer(scale=0.001), Api()
    waiting = {GROUP: 30}
    pacer.backlog = lambda chat: waiting.get(chat, 0)

    def sent() -> list[str]:
        return [d["text"] for _, d, _ in api.calls]

    async def say(text: str) -> None:
        data = {"chat_id": GROUP, "text": text, "parse_mode": "HTML"}
        await pacer.process_request(api, ("sendMessage", data), {}, "sendMessage", data, None)

    await say("<b>Finland</b>: 60 million yuan for the whole call")
    await say("second answer")
    # the first line of the answer going out: no message of its own, which would take a slot
    notice = f"<i>{texts.busy('en')}</i>\n\n"
    first = "<b>Finland</b>: 60 million yuan for the whole call"
    assert sent() == [notice + first, "second answer"]
    assert pacer.notices == 1

    waiting[GROUP] = 1  # the queue emptied: the episode is over
    await say("calm")
    waiting[GROUP] = 21
    pacer.chat_lang = lambda chat: "zh-Hant"  # /lang zh-hant in that group
    await say("again")
    assert sent()[-2:] == ["calm", f"<i>{texts.busy('zh-Hant')}</i>\n\nagain"]
    assert "問題" in texts.busy("zh-Hant")
    assert pacer.notices == 2


async def test_no_notice_up_to_a_windows_worth_nor_in_private_chats():
    pacer, api = ChatPacer(scale=0.001), Api()
    pacer.backlog = lambda chat: 20 if chat == GROUP else 50
    await send(pacer, api, GROUP, "芬兰的经费是多少")
    await send(pacer, api, USER, "芬兰的经费是多少")
    assert pacer.notices == 0
    assert [d["text"] for _, d, _ in api.calls] == ["芬兰的经费是多少"] * 2


async def test_notice_of_its_own_when_the_answer_cannot_take_it():
    pacer, api = ChatPacer(scale=0.001), Api()
    pacer.backlog = lambda chat: 40
    full = "芬" * 4090  # no room left in the message, in a forum topic
    data = {"chat_id": GROUP, "text": full, "parse_mode": "HTML", "message_thread_id": 7}
    await pacer.process_request(api, ("sendMessage", data), {}, "sendMessage", data, None)
    notice, answer = (d for _, d, _ in api.calls)
    assert notice["text"] == texts.busy("zh-Hans") and notice["message_thread_id"] == 7
    assert notice["disable_notification"] is True
    assert answer["text"] == full
    pacer.backlog = lambda chat: 1
    await send(pacer, api, GROUP, "calm", endpoint="editMessageText")
    pacer.backlog = lambda chat: 40
    await send(pacer, api, GROUP, "an edit", endpoint="editMessageText")
    assert [d["text"] for _, d, _ in api.calls][-2:] == [texts.busy("en"), "an edit"]


async def test_state_is_bounded_and_idle_chats_expire(monkeypatch):
    monkeypatch.setattr(pacing, "SWEEP_AT", 50)
    monkeypatch.setattr(pacing, "MAX_CHATS", 80)
    pacer, api = ChatPacer(scale=0.0001, overall_rate=10_000), Api()  # windows of 6 ms
    for i in range(300):
        await send(pacer, api, 1000 + i, "x")
        assert pacer.tracked() <= 80
    await asyncio.sleep(0.01)
    await send(pacer, api, 5000, "x")
    await send(pacer, api, 5001, "x")
    assert pacer.tracked() <= 80
    pacer._next_sweep = 0  # sweep now: every chat but the ones just used has expired
    await send(pacer, api, 5002, "x")
    assert pacer.tracked() <= 3


# -- wired into the application ----------------------------------------------------------------


def group_update(h: Harness, n: int) -> dict:
    return {"message": h.message(f"/ask 芬兰的经费是多少？ {n}", chat_id=GROUP, user_id=USER)}


async def test_application_paces_a_flooded_group_and_answers_a_private_chat_meanwhile(engine):
    rec = Recorder()
    # 20 answers in 0.3 s into one group (Telegram's 20 a minute, 200 times faster)
    config = Config(token=TOKEN, group_rate=4000)
    app = build_application(config, engine, request=rec, updater=False)
    assert isinstance(app.bot.rate_limiter, ChatPacer)
    async with app:
        h = Harness(app, rec, engine)
        burst = [h.process(group_update(h, n)) for n in range(30)]
        group = asyncio.gather(*burst)
        await asyncio.sleep(0.05)
        start = time.monotonic()
        await h.say("以色列的经费是多少？")
        private_latency = time.monotonic() - start
        await group
    assert private_latency < 0.1
    sent = h.sent(GROUP)
    # 30 waiting, more than one window's worth: told once, while most answers still wait, in
    # the answer going out then
    notices = [i for i, p in enumerate(sent) if texts.busy("zh-Hans") in p["text"]]
    assert len(notices) == 1 and notices[0] < 10
    answers = [p for p in sent if "reply_parameters" in p]
    assert len(answers) == 30 and len(sent) == 30
    assert [a["reply_parameters"]["message_id"] for a in answers] == sorted(
        a["reply_parameters"]["message_id"] for a in answers
    )
    assert app.bot.rate_limiter.notices == 1


# -- the setting --------------------------------------------------------------------------------


def test_group_rate_setting():
    from bot.config import ConfigError
    from tests.conftest import ROOT

    assert Config.from_env({}).group_rate == 20
    assert Config.from_env({"CALLBOT_GROUP_RATE": " 200 "}).group_rate == 200
    for bad in ("0", "-20", "fast", "nan", "10000"):
        with pytest.raises(ConfigError, match="CALLBOT_GROUP_RATE must be messages a minute"):
            Config.from_env({"CALLBOT_GROUP_RATE": bad})
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    at = lines.index("# CALLBOT_GROUP_RATE=20")
    assert lines[at - 1].startswith("#")  # explained
