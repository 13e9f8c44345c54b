"""Directions sought on a topic with a figure of each (fc25/fc26, i8-topicmeasure11): "我们做
X…哪些方向合适？平均每个项目多少钱？" is the topic's answer, each direction on it with the
figure(s) asked (intent topic), never a card per direction nor a ranking; 最多 bound to the count
asked is the limit; the narrower of two topics named together is the asker's match; a place
outside the call inside the asker's institute or clause is context; a non-partner country's
institution joining as a third party is an aspect the notice does not give. Each on messages
other than the sets' own."""

from __future__ import annotations

import pytest

from bot.engine import Engine


def ask(engine: Engine, *turns: str) -> dict:
    reply = {}
    for t in turns:
        reply = engine.ask(t, ("topicmeasure11", turns)).to_json()
    return reply


@pytest.mark.parametrize(
    ("text", "programs", "has"),
    [
        # the average of each direction on the topic
        (
            "我们实验室做射电天文观测，请问哪些方向支持射电天文？平均每个项目多少钱？",
            ["intl-2.2"],
            ["200"],
        ),
        (
            "我哋做疫苗，邊啲計劃啱我哋？每個平均幾多錢？",
            ["intl-1.9", "intl-2.5"],
            ["200", "300", "平均每項"],
        ),
        ("我們做海水淡化，有合適的方向嗎？平均資助多少？", ["intl-1.9"], ["200萬元"]),
        (
            "您好，我们是做生物多样性的，想知道有没有对应的方向，以及平均资助强度，谢谢！",
            ["intl-1.4", "intl-1.5"],
            ["1500万元", "300万元"],
        ),
        # the total, the count
        (
            "我們團隊做疫苗研發，請問有哪些計畫適合？總經費多少？",
            ["intl-1.9", "intl-2.5"],
            ["2000萬元", "6000萬元"],
        ),
        (
            "Our lab builds nanomaterials. Which directions fit us, and how many projects can "
            "they fund?",
            ["intl-2.4", "intl-2.5"],
            ["4 projects", "up to 20 projects"],
        ),
        # two figures of each
        (
            "我们做疫苗佐剂，请问哪些方向对口？总经费和项目数分别多少？",
            ["intl-1.9", "intl-2.5"],
            ["2000万元", "10个项目", "不超过20个项目"],
        ),
    ],
)
def test_directions_on_a_topic_with_a_figure_of_each(engine, text, programs, has):
    reply = ask(engine, text)
    assert reply["intent"] == "topic"
    assert sorted(reply["programs"]) == sorted(programs)
    assert all(h in reply["text"] for h in has)


@pytest.mark.parametrize(
    ("text", "intent", "has"),
    [
        ("我們團隊做疫苗研發，請問有哪些計畫適合？各自總經費多少？", "budget", "8000萬元"),
        (
            "Our lab builds nanomaterials. Which directions fit us, and how many projects does "
            "each fund?",
            "count",
            "up to 24 projects",
        ),
    ],
)
def test_the_figure_of_each_is_the_measures_list(engine, text, intent, has):
    # "each" asks the measure of every direction on the topic: the measure's own list (the
    # design of rule several_measures), with their sum
    reply = ask(engine, text)
    assert reply["intent"] == intent and has in reply["text"]
    assert len(reply["programs"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "我们做老年健康管理，哪个方向涉及？最多资助几个项目？",
        "我哋做老年健康，邊個方向涉及？最多資助幾多個項目？",
        "Our group works on healthy ageing. Is there a direction for it, and at most how many "
        "projects?",
    ],
)
def test_at_most_beside_a_topic_is_the_limit(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "topic" and reply["programs"] == ["intl-1.6"]
    assert "15" in reply["text"]


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("支持海洋的方向中哪个总经费最多？", ["intl-2.5", "intl-2.2", "hmt-1.1"]),
        ("涉及氢能的方向中哪个总经费最多？", ["intl-1.8", "intl-2.1", "intl-2.3"]),
        ("Which hydrogen directions have the highest average, and how much is it?", None),
    ],
)
def test_a_ranking_among_the_topic_stays_a_ranking(engine, text, programs):
    reply = ask(engine, text)
    assert reply["intent"] == "rank"
    if programs:
        assert sorted(reply["programs"]) == sorted(programs)


@pytest.mark.parametrize(
    ("text", "has"),
    [
        (
            "We work on cheese ripening and meat processing. Which direction suits us and what "
            "is the average per project?",
            "0.5 million",
        ),
        ("我们做奶酪和水果加工，哪个方向对口？平均每项多少？", "50万元"),
        ("我們做奶酪同水果加工，邊個方向啱？平均每項幾多？", "50萬元"),
    ],
)
def test_the_narrower_topic_named_is_the_match(engine, text, has):
    reply = ask(engine, text)
    assert reply["intent"] == "topic" and reply["programs"] == ["intl-2.4"]
    assert has in reply["text"]


def test_follow_up_over_the_directions_listed(engine):
    reply = ask(engine, "哪些方向支持海洋，平均每个项目多少钱？", "这几个方向一共多少钱？")
    assert reply["intent"] == "budget" and "12000" in reply["text"]
    assert sorted(reply["programs"]) == ["hmt-1.1", "intl-2.2", "intl-2.5"]


@pytest.mark.parametrize(
    "text",
    [
        "Kindly tell me which directions fund marine science, we are at the Kenya Marine and "
        "Fisheries Research Institute.",
        "which directions support marine science, we are in Kenya",
        "请问哪些方向支持海洋科学，我们在肯尼亚海洋与渔业研究所。",
    ],
)
def test_place_outside_the_call_as_the_askers_context(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "topic"
    assert sorted(reply["programs"]) == ["hmt-1.1", "intl-2.2", "intl-2.5"]


@pytest.mark.parametrize(
    "text",
    [
        "Can a Malaysian university join a consortium as a third-party partner and would it "
        "receive any of the funding?",
        "新加坡的大学能否作为第三方合作伙伴加入某个方向的项目？能拿到国拨经费吗？",
        "新加坡的大學能否作為第三方合作夥伴加入某個方向的項目？能拿到國撥經費嗎？",
        "Dear colleagues, we are based in Japan, which is not a partner country. Could a Japanese "
        "university take part as a third party in one of the directions, and could it receive "
        "central government funding? Best regards.",
        # 获得国拨经费 names no 德国
        "您好，我们是新加坡的研究机构，新加坡不在合作国家名单里。请问我们能否作为第三方参与某个"
        "方向的项目，能否获得国拨经费？谢谢。",
    ],
)
def test_third_party_from_outside_the_call_is_not_given(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "unknown" and reply["programs"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Is there a direction that funds quantum computing, and how much money does it have?",
        "Is there a programme that mentions blockchain, and what is its average per project?",
        "有冇方向支持區塊鏈？平均每項幾多錢？",
        "有没有方向支持区块链？能资助几个项目？",
    ],
)
def test_a_figure_of_a_field_no_direction_names(engine, text):
    # never the call's total or every direction's average as if they were the field's
    reply = ask(engine, text)
    assert reply["intent"] == "topic" and reply["programs"] == []


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        # "哪个…？大概…多少" compares nothing across the question mark
        ("我们做智慧城市，有哪个方向可以申请？大概能拿多少钱？", ["intl-1.1", "intl-1.3"]),
        ("我們做智慧城市，有哪個方向可以申請？大概能拿多少錢？", ["intl-1.1", "intl-1.3"]),
        ("We do smart cities. Which direction can we apply to? Roughly how much money?", None),
    ],
)
def test_which_direction_then_a_figure_compares_nothing(engine, text, programs):
    reply = ask(engine, text)
    assert reply["intent"] == "topic"
    if programs:
        assert sorted(reply["programs"]) == programs


@pytest.mark.parametrize(
    "text",
    [
        "老师您好！我们做海洋科学，和俄罗斯有合作。哪些方向支持海洋？平均每项多少？谢谢",
        "我們和俄羅斯有合作，做海洋科學。哪些方向支持海洋？平均每項多少？",
        "We work with Russian partners on marine science. Which directions support marine "
        "science, and what is the average grant?",
    ],
)
def test_partner_of_the_askers_own_sentence_narrows_nothing(engine, text):
    # the partner says whom the asker works with; the directions on the topic are sought
    reply = ask(engine, text)
    assert reply["intent"] == "topic"
    assert sorted(reply["programs"]) == ["hmt-1.1", "intl-2.2", "intl-2.5"]
    money = ("3 million", "2 million") if reply["lang"] == "en" else ("300", "200")
    assert all(m in reply["text"] for m in money)


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("得国项目一共给多少钱", ["intl-1.8"]),
        ("我们想获得更多经费，中芬项目总共多少钱？", ["intl-1.6"]),
    ],
)
def test_a_name_typed_by_sound_still_read(engine, text, programs):
    reply = ask(engine, text)
    assert reply["intent"] == "budget" and reply["programs"] == programs


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        # the broader topic adds a direction its words name: both kept
        (
            "Our team works on desalination and wastewater treatment. Which directions fit and "
            "what is the average grant?",
            ["intl-1.3", "intl-1.9"],
        ),
        # a field of the notice named whole: the direction that has it
        ("我们做智能绿色出行，哪个方向对口？平均多少？", ["intl-1.6"]),
        ("我哋做智能綠色出行，邊個方向啱？平均幾多？", ["intl-1.6"]),
    ],
)
def test_the_narrowest_directions_that_say_it(engine, text, programs):
    reply = ask(engine, text)
    assert reply["intent"] == "topic" and sorted(reply["programs"]) == programs


@pytest.mark.parametrize(
    "text",
    [
        "涉及氢能的所有方向平均多少？",
        "涉及氫能嘅所有方向平均幾多？",
        "What is the average per project of all the hydrogen directions?",
    ],
)
def test_the_directions_of_a_topic_given_not_sought(engine, text):
    # no direction is sought: the figure of each is the measure's own answer
    reply = ask(engine, text)
    assert reply["intent"] == "average"
    assert sorted(reply["programs"]) == ["intl-1.8", "intl-2.1", "intl-2.3"]
