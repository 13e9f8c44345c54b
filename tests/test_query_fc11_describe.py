"""Kinds of message of the i8-describe round (first-contact sets fc11 and fc12), each with
messages of our own (not the sets' sentences) in Simplified Chinese, Traditional Chinese and
English: a topic asked behind a sentence about the asker that names a partner (or only sounds like
one), a name that is asked about itself, a call counted in a topic list, the topics of the
question rather than those of the context, and topic wording (building energy efficiency, 食水)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        # a partner named in the sentence about the asker, the topic asked over every direction
        (
            "德国那边的合作方是做氢能的，请问哪些方向支持氢能？",
            ["intl-1.8", "intl-2.1", "intl-2.3"],
        ),
        ("我們的德國夥伴做氫能。請問哪些方向有支持氫能？", ["intl-1.8", "intl-2.1", "intl-2.3"]),
        (
            "We are a German team (KIT). Which programmes fund hydrogen?",
            ["intl-1.8", "intl-2.1", "intl-2.3"],
        ),
        (
            "Finnish partner here. Smart cities - which directions cover it?",
            ["intl-1.1", "intl-1.3"],
        ),
        # a name only guessed by sound inside the asker's institution (台中 + 逢 sounds like 中芬)
        ("我們是台中逢甲大學的團隊，請問哪些計畫有補助智慧城市？", ["intl-1.1", "intl-1.3"]),
    ],
)
def test_topic_behind_a_name_in_context(engine: Engine, text: str, programs: list[str]) -> None:
    expect(ask(engine, text), "topic", programs)


@pytest.mark.parametrize(
    ("text", "programs", "field"),
    [
        ("想知道内地与澳门项目资助哪些领域？有没有海洋科学？", ["hmt-1.1"], "航空航天"),
        ("想知內地與澳門項目資助邊啲領域？有冇海洋科學？", ["hmt-1.1"], "航空航天"),
        (
            "What fields does the China–Germany programme fund? Is hydrogen among them?",
            ["intl-1.8"],
            "fuel",
        ),
    ],
)
def test_name_asked_about_is_not_context(
    engine: Engine, text: str, programs: list[str], field: str
) -> None:
    expect(ask(engine, text), "fields", programs, [field], in_order=True)


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("请列出涉及海洋的方向，港澳台项目的也算上", ["intl-2.2", "intl-2.5", "hmt-1.1"]),
        (
            "列出所有涉及航空航天的方向，港澳臺項目的也包括",
            ["intl-1.1", "intl-2.0", "intl-2.2", "hmt-1.1"],
        ),
        (
            "Which directions cover marine science, including the Macao call?",
            ["intl-2.2", "intl-2.5", "hmt-1.1"],
        ),
    ],
)
def test_topic_list_with_a_call_counted_in(engine: Engine, text: str, programs: list[str]) -> None:
    expect(ask(engine, text), "topic", programs)


@pytest.mark.parametrize(
    ("turns", "programs"),
    [
        (
            [
                "我是海洋学院的老师，在海洋生态方面和南非、俄罗斯都有合作。请问哪些方向涉及海洋？",
                "它们平均每个项目多少钱？",
            ],
            ["intl-2.2", "intl-2.5", "hmt-1.1"],
        ),
        (
            [
                "我哋喺海洋生態方面同南非、俄羅斯都有合作。請問邊啲方向涉及海洋？",
                "佢哋平均每個項目幾多錢？",
            ],
            ["intl-2.2", "intl-2.5", "hmt-1.1"],
        ),
        (
            [
                "We work on marine ecology with partners in South Africa and Russia. "
                "Which directions cover oceans?",
                "And the average per project of each?",
            ],
            ["intl-2.2", "intl-2.5", "hmt-1.1"],
        ),
    ],
)
def test_topics_of_the_question_not_the_context(
    engine: Engine, turns: list[str], programs: list[str]
) -> None:
    first = ask(engine, turns[0])
    assert sorted(first["programs"]) == sorted(programs)
    expect(ask(engine, *turns), "average", programs)


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("有没有做建筑能效的方向？", ["intl-1.7"]),
        ("有冇做建築能效嘅方向？", ["intl-1.7"]),
        ("Any programme on energy-efficient buildings?", ["intl-1.7"]),
        ("有冇同食水有關嘅項目？", ["intl-1.3", "intl-1.9"]),
        ("有没有跟供水有关的方向？", ["intl-1.3", "intl-1.9"]),
        ("Is there anything on water supply?", ["intl-1.3", "intl-1.9"]),
    ],
)
def test_topic_wording(engine: Engine, text: str, programs: list[str]) -> None:
    expect(ask(engine, text), "topic", programs)


@pytest.mark.parametrize(
    "text",
    [
        "How many projets does the China–Italy programme fund?",
        "Number of projcts for China–Italy?",
    ],
)
def test_count_with_a_letter_missed(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "count", ["intl-1.2"], ["10"])


@pytest.mark.parametrize(
    ("text", "programs", "excluded"),
    [
        ("中德项目有氢能，还有哪些方向也有氢能？", ["intl-2.1", "intl-2.3"], "intl-1.8"),
        ("中德計畫有氫能，仲有邊啲方向都有氫能？", ["intl-2.1", "intl-2.3"], "intl-1.8"),
        (
            "Germany funds hydrogen. Which other directions cover hydrogen?",
            ["intl-2.1", "intl-2.3"],
            "intl-1.8",
        ),
        (
            "澳门方向有资助新材料，还有哪些方向有新材料？",
            ["intl-1.1", "intl-1.3", "intl-2.5"],
            "hmt-1.1",
        ),
    ],
)
def test_other_directions_on_a_topic(
    engine: Engine, text: str, programs: list[str], excluded: str
) -> None:
    r = expect(ask(engine, text), "topic", programs)
    assert excluded not in r["programs"]


@pytest.mark.parametrize(
    ("turns", "programs", "figures"),
    [
        # "燃料电池领域" is fuel cells, not 燃料电池车 with one character off
        (
            [
                "我们和韩国、德国在燃料电池领域都有合作。请问哪些方向包括燃料电池？",
                "它们的总经费分别是多少？",
            ],
            ["intl-1.8", "intl-2.1"],
            ["2000", "1500"],
        ),
        (
            [
                "我們同韓國、德國喺燃料電池領域都有合作。請問邊啲方向包括燃料電池？",
                "佢哋嘅總經費分別係幾多？",
            ],
            ["intl-1.8", "intl-2.1"],
            ["2000", "1500"],
        ),
        (
            [
                "We work with Korea and Germany on fuel cells. "
                "Which directions include fuel cells?",
                "What is the total budget of each?",
            ],
            ["intl-1.8", "intl-2.1"],
            ["20 million", "15 million"],
        ),
    ],
)
def test_follow_up_on_a_topic_answer(
    engine: Engine, turns: list[str], programs: list[str], figures: list[str]
) -> None:
    first = ask(engine, turns[0])
    assert first["intent"] == "topic"
    assert sorted(first["programs"]) == sorted(programs)
    r = ask(engine, *turns)
    assert sorted(r["programs"]) == sorted(programs)
    for f in figures:
        assert f in r["text"]


@pytest.mark.parametrize(
    ("text", "intent", "programs", "figures"),
    [
        ("那个做奶酪和水果加工的方向，平均每个项目多少钱？", "average", ["intl-2.4"], ["50"]),
        ("那個做芝士同水果加工嘅項目，平均每個幾多錢？", "average", ["intl-2.4"], ["50"]),
        (
            "the cheese and fruit processing one, how much per project?",
            "average",
            ["intl-2.4"],
            ["0.5"],
        ),
        (
            "那个做文物和人工智能的是哪个国家的？支持几个项目？",
            "detail",
            ["intl-1.2"],
            ["意大利", "10"],
        ),
        (
            "那個做文物同人工智能嘅係邊個國家？資助幾多個項目？",
            "detail",
            ["intl-1.2"],
            ["意大利", "10"],
        ),
        (
            "the one on cultural heritage and AI - which country, and how many projects?",
            "detail",
            ["intl-1.2"],
            ["Italy", "10"],
        ),
    ],
)
def test_one_direction_described_by_its_fields(
    engine: Engine, text: str, intent: str, programs: list[str], figures: list[str]
) -> None:
    expect(ask(engine, text), intent, programs, figures, in_order=True)


@pytest.mark.parametrize(
    "text",
    [
        "中芬项目包括健康吗？还有哪些其他领域？",
        "中芬計畫有冇健康？仲有邊啲領域？",
        "Is health in the Finland call? What other fields are there?",
    ],
)
def test_other_fields_of_a_named_direction(engine: Engine, text: str) -> None:
    r = ask(engine, text)
    assert r["programs"] == ["intl-1.6"]


@pytest.mark.parametrize(
    ("text", "intent", "programs", "figures"),
    [
        (
            "那个经费最多的旗舰项目，每个项目大概给多少？",
            "average",
            ["intl-1.4"],
            ["3500", "1500"],
        ),
        ("那個錢最少嘅旗艦，資助幾多個項目？", "count", ["intl-2.3"], ["1"]),
        (
            "the flagship with the most money - how much per project?",
            "average",
            ["intl-1.4"],
            ["35 million", "15 million"],
        ),
    ],
)
def test_extreme_of_a_described_word(
    engine: Engine, text: str, intent: str, programs: list[str], figures: list[str]
) -> None:
    expect(ask(engine, text), intent, programs, figures, in_order=True)


@pytest.mark.parametrize(
    "text",
    [
        "the korea one that gets a lot of money (energy?) - what is the average per project?",
        "那个韩国的、经费很多的能源项目，平均每个项目多少钱？",
        "嗰個韓國錢好多嘅能源項目，平均每個項目幾多錢？",
    ],
)
def test_amount_that_describes_is_not_asked(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "average", ["intl-2.1"])


@pytest.mark.parametrize(
    "text",
    [
        "我在首尔的研究所工作。能源联合研究支持几个项目？",
        "我喺首爾做研究。能源聯合研究資助幾多個項目？",
        "I work at a lab in Seoul. Joint energy research with China: how many projects?",
    ],
)
def test_energy_joint_research_is_the_korea_energy_direction(engine: Engine, text: str) -> None:
    expect(ask(engine, text), "count", ["intl-2.1"], ["2"])


@pytest.mark.parametrize(
    ("text", "intent", "programs"),
    [
        # a list asked, or the named direction's own fields: no single direction described
        (
            "这个专项里哪些方向做文物或者人工智能？",
            "topic",
            ["intl-1.1", "intl-1.2", "intl-2.2", "intl-2.5"],
        ),
        ("港澳臺項目資助邊啲領域？海洋科學也算嗎？", "fields", ["hmt-1.1"]),
        ("Which fields does the Macao call fund, marine science too?", "fields", ["hmt-1.1"]),
    ],
)
def test_describe_rules_keep_to_their_kind(
    engine: Engine, text: str, intent: str, programs: list[str]
) -> None:
    expect(ask(engine, text), intent, programs)
