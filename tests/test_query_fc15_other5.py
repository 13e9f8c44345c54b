"""Kinds of fc15/fc16 message (i8-other5): the funding tracks of one direction (named by their
marker words, counted as "two tracks", named in a follow-up that keeps the measure), a counted
sum whose one direction is named by a marker word, a topic's directions added up after a sentence
naming a partner, questions forwarded for several people, and a share of "both" asked in a
numbered list. Each on messages other than the sets' own, in zh-Hans, zh-Hant and English;
every figure is read from the bundled knowledge, never written here as a fact of the notice
beyond the expected text of the reply."""

from __future__ import annotations

import pytest

from tests.asking import ask, expect

# -- the tracks of one direction ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric", "has"),
    [
        ("旗艦計劃領域二比領域一平均每項少幾多？", "average", "2000"),
        ("旗舰项目领域一和领域二，哪个支持的项目多？", "count", "领域二"),
        (
            "In the EU flagship, how much more is the average of the FAB track than the "
            "CCB track?",
            "average",
            "20 million",
        ),
    ],
)
def test_tracks_named_by_their_markers_are_compared(engine, text, metric, has):
    reply = expect(ask(engine, text), "compare", ["intl-1.4"])
    assert reply["query"]["op"] == "compare_tracks"
    assert reply["query"]["metric"] == metric
    assert has in reply["text"]


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("欧盟旗舰两个领域一共多少钱？一共几个项目？", ["13000", "6个"]),
        ("謝謝！歐盟旗艦兩個領域合共幾多錢同幾多個項目？", ["13000", "6個"]),
        (
            "Hello! EU flagship: both tracks combined, what is the budget and the number of "
            "projects? Thanks",
            ["130 million", "6 projects"],
        ),
    ],
)
def test_tracks_counted_are_the_directions_own_figures(engine, text, has):
    reply = ask(engine, text)
    assert reply["intent"] == "detail"
    assert reply["programs"] == ["intl-1.4"]  # not the co-funding mechanism added
    for h in has:
        assert h in reply["text"]


@pytest.mark.parametrize(
    "turns",
    [
        ("中欧旗舰CCB领域平均每项多少钱？", "FAB那个呢？", "相差多少？"),
        ("歐盟旗艦CCB領域平均每個項目幾多錢？", "FAB嗰個呢？", "相差幾多？"),
        ("What is the average grant in the EU flagship FAB track?", "And CCB?", "Difference?"),
    ],
)
def test_a_track_named_after_a_measure_keeps_it(engine, turns):
    middle = ask(engine, *turns[:2])
    assert middle["intent"] == "average"
    reply = ask(engine, *turns)
    assert reply["intent"] == "compare"
    assert reply["query"]["metric"] == "average"  # the averages, not the totals
    assert any(h in reply["text"] for h in ("2000", "20 million"))


# -- a counted sum with a direction named by a marker word ----------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "has"),
    [
        ("欧盟相关三个方向（联合实验室、旗舰、联合资助机制）一共支持多少个项目？", "count", "26"),
        ("歐盟三個方向（聯合實驗室、旗艦同聯合資助機制）總共幾多錢？", "budget", "19000"),
        (
            "What do the three EU directions (flagship, joint labs, co-funding mechanism) get "
            "altogether?",
            "budget",
            "190 million",
        ),
    ],
)
def test_marker_named_direction_joins_a_counted_sum(engine, text, intent, has):
    expect(ask(engine, text), intent, ["intl-1.1", "intl-1.4", "intl-1.5"], [has])


# -- a topic's directions added up, a partner named only about the asker --------------------------


@pytest.mark.parametrize(
    ("text", "intent", "has"),
    [
        ("我们是澳门大学海洋团队。请问哪些方向涉及海洋？它们的经费一共多少？", "budget", "12000"),
        ("我哋係澳門大學海洋團隊，想問邊啲方向有海洋科學，加埋總共幾多錢？", "budget", "12000"),
        (
            "Hi! We are at the University of Macau, working on ocean science. Which directions "
            "include marine science, and what is their combined budget?",
            "budget",
            "120 million",
        ),
        ("我们在澳门做海洋研究。请问哪些方向有海洋科学，合计多少个项目？", "count", "合计"),
    ],
)
def test_topic_sum_beside_a_partner_of_the_context(engine, text, intent, has):
    expect(ask(engine, text), intent, ["hmt-1.1", "intl-2.2", "intl-2.5"], [has])


def test_a_name_in_the_question_keeps_its_direction(engine):
    # the partner is what is asked about: not every direction on the topic
    reply = ask(engine, "中俄哪些领域涉及海洋，一共多少钱")
    assert reply["programs"] == ["intl-2.5"]


# -- questions forwarded for several people -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "programs", "has"),
    [
        (
            "各位好，代两位老师提问：王老师想知道中芬项目平均每项多少钱；赵老师想知道中意项目一共几个项目。",
            ["intl-1.2", "intl-1.6"],
            ["400"],
        ),
        (
            "各位好，代兩位老師發問：陳教授想知道中芬項目平均每項幾多錢；黃教授想知道中西項目總經費係幾多。多謝！",
            ["intl-1.3", "intl-1.6"],
            ["400", "6000"],
        ),
        (
            "幫兩位教授問：張教授想知中德項目幾多錢；李教授想知中以項目支持幾多個項目。",
            ["intl-1.8", "intl-1.9"],
            ["2000", "10"],
        ),
        (
            "Hi, forwarding two questions. Prof. Wang wants to know how many projects the "
            "Germany call funds. Dr. Li wants to know the total budget of the Israel call.",
            ["intl-1.8", "intl-1.9"],
            ["5 projects", "20 million"],
        ),
    ],
)
def test_forwarded_questions_each_keep_their_direction(engine, text, programs, has):
    expect(ask(engine, text), "detail", programs, has)


def test_a_sentence_of_context_still_counts_only_the_asking_one(engine):
    reply = ask(engine, "去年报了德国的没中，今年想换以色列试试。以色列平均多少？")
    assert reply["programs"] == ["intl-1.9"]


# -- a share of both, asked in a numbered list ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "请问：1）内地与澳门联合资助项目总经费？2）政府间专项总经费？3）澳门项目占二者合计的百分比？",
        "請問：一、內地與澳門聯合資助項目總經費幾多？二、政府間專項總經費幾多？三、澳門項目佔兩者合計嘅百分之幾？",
        "Three questions: (1) total budget of the Mainland-Macao call? (2) total of the "
        "intergovernmental call? (3) what percentage of the two combined is the Macao one?",
    ],
)
def test_share_of_both_in_a_numbered_list(engine, text):
    reply = ask(engine, text)
    assert reply["intent"] == "compare"
    assert reply["query"]["op"] == "share"
    assert sorted(reply["query"]["calls"]) == ["hmt", "intl"]
    assert "5.7" in reply["text"]


def test_share_of_one_call_stays_that_call(engine):
    reply = ask(engine, "澳门项目占政府间专项的百分之几？")
    assert reply["query"]["calls"] == ["intl"]


def test_share_inside_a_project_is_still_not_a_call_share(engine):
    reply = ask(engine, "中德项目中方经费占项目总经费的比例有要求吗？")
    assert reply["query"]["op"] != "share"


@pytest.mark.parametrize(
    "wrap",
    ["您好！{}谢谢！", "Hi there 🙂 {} Many thanks.", "{}麻煩晒！"],
)
def test_wrapped_in_courtesy_the_answer_is_the_same(engine, wrap):
    for text in (
        "旗舰计划领域一的平均资助比领域二多多少？",
        "How much for the three EU-related directions together (flagship, joint labs and "
        "co-funding mechanism)?",
    ):
        plain = ask(engine, text)
        wrapped = ask(engine, wrap.format(text))
        assert wrapped["intent"] == plain["intent"]
        assert sorted(wrapped["programs"]) == sorted(plain["programs"])
