"""Any text at all gets a reply without an exception, short enough for one Telegram message."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Engine

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\u202e芬兰\u202c",
        "\u200f经费",
        "<script>alert(1)</script>",
        "&amp;&lt;",
        "😀" * 50,
        "芬兰" * 5000,
        "a" * 100_000,
        "/start " + "x" * 300,
        "1.4" * 100,
        "\n\n\n",
        "ＦＩＮＬＡＮＤ",
        "𠀀𠀁",
        "\ufeff",
        "%s%n{0}",
        "DROP TABLE",
        "芬兰和德国和以色列和意大利哪个多",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(turns=st.lists(st.one_of(st.text(max_size=300), NASTY), min_size=1, max_size=3))
def test_any_text_gets_a_reply(knowledge, turns):
    engine = Engine(knowledge)
    for text in turns:
        reply = engine.ask(text, "p")
        assert reply.intent
        assert 0 < len(reply.text) < 4096
        assert len(reply.html) < 4096


def test_huge_message(engine):
    reply = engine.ask("芬兰经费" + "啊" * 100_000)
    assert reply.intent == "budget"
