"""Kinds from fc41/fc42, each on messages other than the sets' own: a filter between two money
bounds with a bracketed "including both" (a bare 2000 beside 万 figures is no year); "都列一下"
after a filter names its directions; a bracket "（不是X那个）" qualifies only the name before it,
with the call's word inside that name; the most specific topic ("water desalination" is
desalination; "遥感这类太空科技" is remote sensing, the kind does not widen it); "跟X相关的Y" as an
intersection with the Taiwan word 文化資產; a topic asked over the whole call beside partners
named in a remark after it."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

WRAPS = ["您好！{}", "{}谢谢！", "Hi there, we are a team from Shanghai. {}"]

# the directions with a total of 1000万 to 2000万, both included
BETWEEN_10_20 = ["intl-1.2", "intl-1.7", "intl-1.8", "intl-1.9", "intl-2.1"]


@pytest.mark.parametrize(
    "message",
    [
        "总经费在1000万到2000万之间（含1000和2000）的方向有哪些？",
        "總經費介乎1000萬同2000萬（包括1000同2000）嘅方向有邊啲？",
        "哪些方向的经费在1000万元至2000万元之间，包括1000和2000？",
        "Which directions have a total between 10 and 20 million (10 and 20 included)?",
    ],
)
def test_money_bounds_in_brackets_are_not_years(engine: Engine, message: str) -> None:
    for m in [message, *(w.format(message) for w in WRAPS)]:
        expect(ask(engine, m), "rank", BETWEEN_10_20)


@pytest.mark.parametrize(
    "message", ["2022年经费在1000万以上的方向有哪些？", "2024年度中俄方向有多少万？"]
)
def test_a_year_said_with_nian_is_still_another_year(engine: Engine, message: str) -> None:
    reply = ask(engine, message)
    assert reply["intent"] == "unknown", reply["text"]
    assert "other_year" in reply["query"]["missing"], reply["query"]


AT_LEAST_15 = ["intl-1.3", "intl-1.6", "intl-2.2", "intl-2.5"]


@pytest.mark.parametrize(
    "first",
    [
        "项目数不少于15个的方向有几个？",
        "項目數唔少過15個嘅方向有幾多個？",
        "How many directions fund at least 15 projects?",
    ],
)
@pytest.mark.parametrize(
    "then",
    [
        "都列一下",
        "一一列出來",
        "列出来吧",
        "list them",
        "好的谢谢，都列一下吧",
        "唔該，列晒出嚟",
        "Thanks! Name them please.",
    ],
)
def test_list_back_after_a_filter(engine: Engine, first: str, then: str) -> None:
    counted = ask(engine, first)["programs"]
    assert set(AT_LEAST_15) <= set(counted), counted
    expect(ask(engine, first, then), "rank", counted)


def test_list_back_after_a_topic(engine: Engine) -> None:
    expect(
        ask(engine, "哪些方向涉及氢能？", "都列一下"),
        "topic",
        ["intl-1.8", "intl-2.1", "intl-2.3"],
    )


@pytest.mark.parametrize(
    "message",
    [
        "中韩政府间联合研究项目（不是能源那个）和中南非政府间联合研究项目（不是旗舰）哪个平均多？",
        "中韓政府間聯合研究項目（唔係能源嗰個）同中南非政府間聯合研究項目（唔係旗艦）平均差幾多？",
        "China-Korea intergovernmental joint research (not the energy one) vs China-South Africa "
        "intergovernmental joint research (not the flagship): which has the higher average?",
    ],
)
def test_bracket_qualifies_the_name_with_the_call_word(engine: Engine, message: str) -> None:
    for m in [message, *(w.format(message) for w in WRAPS)]:
        expect(ask(engine, m), "compare", ["intl-2.0", "intl-2.2"])


@pytest.mark.parametrize(
    "message",
    [
        "Is there anything about seawater desalination?",
        "any direction for water desalination?",
        "Which programme covers water desalination technology?",
    ],
)
def test_the_narrow_topic_word_decides(engine: Engine, message: str) -> None:
    for m in [message, *(w.format(message) for w in WRAPS)]:
        expect(ask(engine, m), "topic", ["intl-1.9"])


@pytest.mark.parametrize(
    "message", ["Which directions fund water technology?", "anything on water, desalination?"]
)
def test_the_broad_topic_keeps_its_group(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "topic", ["intl-1.3", "intl-1.9"])


@pytest.mark.parametrize(
    "message",
    [
        "有没有支持导航卫星或遥感这类空间技术的方向？",
        "有冇資助遙感、導航衛星之類太空科技嘅方向？",
        "Is any direction funding remote sensing and other space technology?",
        "Any programme for space technology such as remote sensing?",
    ],
)
def test_examples_decide_not_their_kind(engine: Engine, message: str) -> None:
    for m in [message, *(w.format(message) for w in WRAPS)]:
        expect(ask(engine, m), "topic", ["intl-2.2"])


@pytest.mark.parametrize(
    "message",
    [
        "有没有跟文化遗产保护相关的人工智能方向？",
        "有沒有和文化資產相關的人工智慧計畫？我們做古蹟數位化。",
        "Is there an AI programme related to cultural assets?",
    ],
)
def test_topic_related_to_topic_is_both(engine: Engine, message: str) -> None:
    for m in [message, *(w.format(message) for w in WRAPS)]:
        expect(ask(engine, m), "topic", ["intl-1.2"])


@pytest.mark.parametrize(
    "message",
    [
        "Which directions in this call include carbon capture? We know people in Korea and "
        "Russia, so maybe both work?",
        "这次通知里哪些方向涉及碳捕集？我们在韩国和俄罗斯都有合作伙伴。",
        "這次通知裡有哪些方向涉及碳捕集？我們在韓國和俄羅斯都有聯繫人，兩邊都可以嗎？",
    ],
)
def test_topic_over_the_call_beside_partners_in_a_remark(engine: Engine, message: str) -> None:
    expect(ask(engine, message), "topic", ["intl-2.1", "intl-2.5"])


@pytest.mark.parametrize(
    ("message", "direction"),
    [
        ("Please tell me whether the China-Israel projects are covering water treatment.", "1.9"),
        ("Are China–Finland projects covering smart mobility? We build e-buses.", "1.6"),
    ],
)
def test_projects_covering_a_topic_is_its_fields(
    engine: Engine, message: str, direction: str
) -> None:
    expect(ask(engine, message), "fields", [f"intl-{direction}"], has=["Yes"])


@pytest.mark.parametrize(
    "then",
    [
        "and which research areas it is? Is only hydrogen?",
        "what fields does it have? only hydrogen?",
    ],
)
def test_its_areas_and_a_topic_checked_after_a_direction(engine: Engine, then: str) -> None:
    expect(ask(engine, "How much per project for China-Germany?", then), "fields", ["intl-1.8"])


@pytest.mark.parametrize(
    ("first", "then", "direction"),
    [
        ("What is the budget of the Finland one?", "what subjects it is funding?", "intl-1.6"),
        ("Austria total?", "which subjects does it fund?", "intl-1.7"),
    ],
)
def test_subjects_asked_are_fields(engine: Engine, first: str, then: str, direction: str) -> None:
    expect(ask(engine, first, then), "fields", [direction])
