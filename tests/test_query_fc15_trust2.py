"""Trust checks on the query built (i8-trust2): a difference or ratio asked, or a comparison
checked yes/no, is never answered with one plain figure or a bare ranking the user would read
as the answer. Either the comparison is answered, or the bot says it is not sure and offers
the readings, naming the directions it read. Messages of our own, in three languages."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask

PLAIN = {"budget", "count", "average", "period", "fields", "detail", "rank", "overview"}


ASKED_AS_A_COMPARISON = [
    # a difference between two tracks with no direction named
    ("领域一的总经费比领域二多多少？",),
    ("旗艦計畫領域一嘅平均資助比領域二多幾多？",),
    ("旗艦計劃領域一的總經費是領域二的幾倍？",),
    # the two ends of a ranking set against each other
    ("The direction ranked first by budget - how much more than the last one?",),
    ("总经费排第一的方向比排最后一名的方向多多少钱？",),
    # a yes/no comparison against a sum, after a figure
    ("中意方向總經費多少？", "係咪比芬蘭同奧地利加埋更多？"),
    ("Austria budget?", "is that bigger than Israel plus Italy?"),
    ("中意方向总经费多少？", "比芬兰和奥地利加起来更多吗？"),
    ("Italy total budget?", "is it more than Finland and Austria together?"),
]


@pytest.mark.parametrize("turns", ASKED_AS_A_COMPARISON)
def test_a_comparison_is_never_a_plain_figure(engine: Engine, turns: tuple[str, ...]) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] not in PLAIN, (reply["intent"], reply["text"][:120])
    assert reply["intent"] in ("compare", "unknown")
    if reply["intent"] == "unknown":
        # every reading offered is readable: never "的对比" / " compared" without names
        for line in reply["text"].splitlines()[1:]:
            body = line.lstrip("•· ").strip()
            assert body and not body.startswith(("的", "compared")), reply["text"]


@pytest.mark.parametrize(
    ("turns", "names"),
    [
        (("中意方向總經費多少？", "係咪比芬蘭同奧地利加埋更多？"), ["中意", "中芬", "中奧"]),
        (("Austria budget?", "is that bigger than Israel plus Italy?"), ["Austria", "Israel"]),
    ],
)
def test_the_readings_name_the_directions(
    engine: Engine, turns: tuple[str, ...], names: list[str]
) -> None:
    reply = ask(engine, *turns)
    if reply["intent"] == "unknown":  # a later rule may answer the comparison itself
        for name in names:
            assert name in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("turns", "has"),
    [
        (("德国方向平均每个项目多少钱，比奥地利多多少？",), "150"),
        (("俄羅斯方向的總經費是澳門方向的幾倍？",), "2"),
        (("How much bigger is the Germany budget than Austria's?",), "10 million"),
        (("芬兰方向的经费是不是比以色列的多？",), "4000"),
        (("is the Finland direction's budget bigger than Israel's?",), "40 million"),
        (("芬蘭方向總經費幾多？", "比以色列多幾多？"), "4000"),
    ],
)
def test_comparisons_answered_stay_answered(
    engine: Engine, turns: tuple[str, ...], has: str
) -> None:
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare", reply["text"][:160]
    assert has in reply["text"].replace(",", "")


@pytest.mark.parametrize(
    ("plain", "wrapped"),
    [
        (
            "领域一的总经费比领域二多多少？",
            "老师好！想请教一下，领域一的总经费比领域二多多少？谢谢！",
        ),
        (
            "旗艦計劃領域一的總經費是領域二的幾倍？",
            "你好，我係研究處同事。旗艦計劃領域一的總經費是領域二的幾倍？唔該晒！",
        ),
        (
            "The direction ranked first by budget - how much more than the last one?",
            "Hi there! The direction ranked first by budget - how much more than the last one? "
            "Thanks a lot.",
        ),
    ],
)
def test_wrapped_the_same(engine: Engine, plain: str, wrapped: str) -> None:
    a, b = ask(engine, plain), ask(engine, wrapped)
    assert (a["intent"], a["programs"]) == (b["intent"], b["programs"])


@pytest.mark.parametrize(
    "text",
    [
        "我们团队的人数翻了一倍，是原来的两倍。中意方向经费多少？",
        "我哋實驗室嘅人數多咗一倍。中意方向經費幾多？",
        "Our team doubled in size, it is two times bigger now. What is the China–Italy budget?",
    ],
)
def test_a_factor_in_context_asks_no_ratio(engine: Engine, text: str) -> None:
    # the ratio is read in the asking clause only: a factor about the asker asks nothing
    reply = ask(engine, text)
    assert reply["intent"] == "budget" and reply["programs"] == ["intl-1.2"]
