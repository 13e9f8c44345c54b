"""Filters, ordinals and lists of round fc11 (i8-filters2), each kind in Simplified Chinese,
Traditional Chinese (Hong Kong wording) and English, with messages of our own: a call named as
included, filters relative to a named direction, ordinals behind a sentence of context, a name
checked against the top beside "which is second", the n-th figure down when several share the
top, two money bounds on two measures, a partner named again, two measures compared, a call's
overview from several measures, a span of direction numbers and lists with the partner."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask_on, expect

ALL_INTL = [f"intl-1.{i}" for i in range(1, 10)] + [f"intl-2.{i}" for i in range(6)]
EVERY = [*ALL_INTL, "hmt-1.1"]


def ask(engine: Engine, *turns: str) -> dict:
    """Every question of a test goes on with one conversation."""
    return ask_on(engine, "t", *turns)


CASES = [
    # a call named as included widens the pool ("连埋港澳台专项计")
    (
        "包括港澳台专项在内，总经费正好3000万的方向有哪些？",
        "rank",
        ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"],
        ["3000万元"],
        "range_filter",
    ),
    (
        "計埋港澳臺專項，總經費啱啱好3000萬嘅有邊幾個方向？",
        "rank",
        ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"],
        ["3000萬元"],
        "range_filter",
    ),
    (
        "Including the HMT call, which directions have a total of exactly CNY 30 million?",
        "rank",
        ["intl-1.1", "intl-1.5", "intl-2.2", "hmt-1.1"],
        ["CNY 30 million"],
        "range_filter",
    ),
    # relative to a named direction, within the call named, asked as which or how many
    (
        "政府间专项里，平均资助额和澳门方向一样的有哪些？",
        "rank",
        ["intl-1.2", "intl-1.9", "intl-2.2"],
        ["200万元"],
        "relative_filter",
    ),
    (
        "政府間專項入面，總經費高過澳門方向嘅有幾多個？",
        "rank",
        ["intl-1.3", "intl-1.4", "intl-1.6", "intl-2.5"],
        ["3000萬元"],
        "relative_filter",
    ),
    (
        "In the intergovernmental call, how many directions have a higher average than the Macao "
        "one?",
        "rank",
        [
            "intl-1.1",
            "intl-1.3",
            "intl-1.4",
            "intl-1.5",
            "intl-1.6",
            "intl-1.7",
            "intl-1.8",
            "intl-2.1",
            "intl-2.3",
            "intl-2.5",
        ],
        ["(10)"],
        "relative_filter",
    ),
    # an ordinal or the first n behind a sentence about the asker that names partners
    (
        "我们学院和阿根廷、俄罗斯都有合作。请问按项目数从少到多排，第二位是哪个方向？",
        "rank",
        ["intl-2.1"],
        ["2个项目"],
        "ordinal_position",
    ),
    (
        "我哋中心同以色列有合作。想問總經費由高到低排第三係邊個？",
        "rank",
        ["intl-1.3", "intl-1.6", "intl-2.5"],
        ["6000萬元"],
        "ordinal_position",
    ),
    (
        "We work with Israel and Germany. Which direction is third by total budget?",
        "rank",
        ["intl-1.3", "intl-1.6", "intl-2.5"],
        ["CNY 60 million"],
        "ordinal_position",
    ),
    (
        "我院与南非、俄罗斯都有合作。政府间专项中项目数最少的两个方向是哪两个？",
        "rank",
        ["intl-2.3", "intl-2.1"],
        ["1个项目"],
        "top_of_ranking",
    ),
    (
        "我哋同德國有合作。政府間專項入面總經費最少嘅兩個方向係邊兩個？",
        "rank",
        ["intl-2.4", "intl-2.3"],
        ["200萬元"],
        "top_of_ranking",
    ),
    (
        "We collaborate with Finland. Which two directions have the lowest average per project?",
        "rank",
        ["intl-2.4", "intl-2.0"],
        ["CNY 0.5 million"],
        "top_of_ranking",
    ),
    # a name checked against the top, and the second asked: the first two of the ranking
    (
        "阿根廷是总经费最少的吗？第二少的是哪个？",
        "rank",
        ["intl-2.4", "intl-2.3"],
        ["300万元"],
        "ordinal_position",
    ),
    (
        "德國係咪總經費最多？第二多係邊個？",
        "rank",
        ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"],
        ["6000萬元"],
        "ordinal_position",
    ),
    (
        "Is Israel the lowest by average? which one is the second lowest?",
        "rank",
        ["intl-2.4", "intl-2.0"],
        ["CNY 1 million"],
        "ordinal_position",
    ),
    # the n-th figure down when several share the top
    (
        "资助项目数第二多的方向有哪些？",
        "rank",
        ["intl-1.6", "intl-2.2", "hmt-1.1"],
        ["15个项目"],
        "ordinal_position",
    ),
    (
        "項目數第二多嘅係邊啲方向？",
        "rank",
        ["intl-1.6", "intl-2.2", "hmt-1.1"],
        ["15個項目"],
        "ordinal_position",
    ),
    (
        "Which directions have the second most projects?",
        "rank",
        ["intl-1.6", "intl-2.2", "hmt-1.1"],
        ["15 projects"],
        "ordinal_position",
    ),
    # two bounds on two money measures, each on the measure written before it
    (
        "总经费不少于2000万、而且平均资助低于300万的方向有哪些？",
        "rank",
        ["intl-1.2", "intl-1.9", "intl-2.2", "hmt-1.1"],
        ["2000万元"],
        "range_filter",
    ),
    (
        "總經費少過1500萬，平均資助又唔低過250萬嘅方向有邊啲？",
        "rank",
        ["intl-1.7", "intl-2.3"],
        ["1000萬元"],
        "range_filter",
    ),
    (
        "Which directions have a total budget of at least CNY 20 million and an average below "
        "CNY 3 million?",
        "rank",
        ["intl-1.2", "intl-1.9", "intl-2.2", "hmt-1.1"],
        ["CNY 20 million"],
        "range_filter",
    ),
    # a figure typed with "milion"
    (
        "Which directions get less than 4 milion in total?",
        "rank",
        ["intl-2.3", "intl-2.4"],
        ["CNY 3 million"],
        "range_filter",
    ),
    (
        "總經費唔夠500萬嘅方向有邊啲？",
        "rank",
        ["intl-2.3", "intl-2.4"],
        ["300萬元"],
        "range_filter",
    ),
    (
        "总经费不到500万的方向有哪些？",
        "rank",
        ["intl-2.3", "intl-2.4"],
        ["200万元"],
        "range_filter",
    ),
    # figures the user states, a partner named again: the direction of it the message narrowed to
    (
        "阿根廷总经费200万，韩国联合研究600万？韩国是阿根廷的几倍？",
        "compare",
        ["intl-2.4", "intl-2.0"],
        ["3倍"],
        "arithmetic_on_named",
    ),
    (
        "阿根廷總經費200萬，韓國聯合研究600萬，咁韓國係阿根廷幾多倍？",
        "compare",
        ["intl-2.4", "intl-2.0"],
        ["3倍"],
        "arithmetic_on_named",
    ),
    (
        "Italy gets 20 million and Korea joint research 6 million? so how many times more is "
        "Italy than Korea?",
        "compare",
        ["intl-1.2", "intl-2.0"],
        ["3.33 times"],
        "arithmetic_on_named",
    ),
    # two measures compared, each in turn ("有冇分别" asks whether they differ)
    (
        "中德和中芬比，项目数和平均资助额有没有分别？",
        "compare",
        ["intl-1.6", "intl-1.8"],
        ["两者相同", "相差10个项目"],
        "arithmetic_on_named",
    ),
    (
        "中意同中以比，總經費同平均資助額有冇分別？",
        "compare",
        ["intl-1.2", "intl-1.9"],
        ["平均資助金額對比", "總金額對比"],
        "arithmetic_on_named",
    ),
    (
        "Finland and Germany: are the number of projects and the average different?",
        "compare",
        ["intl-1.6", "intl-1.8"],
        ["They are the same", "The difference is 10 projects"],
        "arithmetic_on_named",
    ),
    # several measures of one call: its overview
    ("政府间专项的项目数和实施周期是多少？", "overview", [], ["138", "2~3"], "measures_of_a_call"),
    ("政府間專項嘅總經費同實施週期係點？", "overview", [], ["4.96", "2~3"], "measures_of_a_call"),
    (
        "What are the number of projects and the duration for the intergovernmental call?",
        "overview",
        [],
        ["138", "2~3"],
        "measures_of_a_call",
    ),
    # a span of direction numbers: every direction between them
    (
        "按编号2.0到2.5列一下每个方向的资助领域",
        "fields",
        ["intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3", "intl-2.4", "intl-2.5"],
        [],
        "numbered_span",
    ),
    (
        "1.6至1.9嘅資助領域係乜？",
        "fields",
        ["intl-1.6", "intl-1.7", "intl-1.8", "intl-1.9"],
        [],
        "numbered_span",
    ),
    (
        "What are the fields of directions 2.0 through 2.5?",
        "fields",
        ["intl-2.0", "intl-2.1", "intl-2.2", "intl-2.3", "intl-2.4", "intl-2.5"],
        [],
        "numbered_span",
    ),
    # every direction with its partner and a measure, in number order
    (
        "每个方向的合作国家和项目数列个表",
        "count",
        EVERY,
        ["（欧洲国家） — 10个项目"],
        "partner_and_measure_per_direction",
    ),
    (
        "每個方向嘅合作國家同平均資助額列個表",
        "average",
        EVERY,
        ["（意大利） — 200萬元"],
        "partner_and_measure_per_direction",
    ),
    (
        "List each direction with its partner country and number of projects please",
        "count",
        EVERY,
        ["(Spain) — up to 20 projects"],
        "partner_and_measure_per_direction",
    ),
    (
        "请把政府间专项每个方向的合作国别和总经费整理成表格",
        "budget",
        ALL_INTL,
        ["（欧盟） — 13000万元"],
        "partner_and_measure_per_direction",
    ),
]


@pytest.mark.parametrize(("text", "intent", "programs", "has", "rule"), CASES)
def test_filters_ordinals_and_lists(engine, text, intent, programs, has, rule):
    reply = expect(ask(engine, text), intent, programs, has)
    assert rule in reply["rules"], reply["rules"]


@pytest.mark.parametrize(
    ("text", "has"),
    [
        # "金额" names the list's column, the average is what is asked
        ("把每个方向的平均资助额整理成“方向-金额”的清单", "3500万元"),
        ("每個方向嘅平均資助額逐個列出嚟", "3500萬元"),
        (
            "List the average per project of every direction as direction - amount",
            "CNY 35 million",
        ),
    ],
)
def test_average_of_every_direction_with_amount_as_a_column(engine, text, has):
    reply = expect(ask(engine, text), "average", has=[has])
    assert len(reply["programs"]) == 16


@pytest.mark.parametrize(
    "text",
    [
        "我们学院和阿根廷、俄罗斯都有合作。请问按项目数从少到多排，第二位是哪个方向？",
        "政府間專項入面，總經費高過澳門方向嘅有幾多個？",
        "Which directions have a total budget of at least CNY 20 million and an average below "
        "CNY 3 million?",
    ],
)
def test_wrapped_in_courtesy_the_answer_is_the_same(engine, knowledge, text):
    plain = ask(engine, text)
    for wrapped in (f"老师您好！{text}谢谢！", f"Hello! {text} Thanks a lot."):
        other = ask(Engine(knowledge), wrapped)
        assert (other["intent"], other["programs"]) == (plain["intent"], plain["programs"])


def test_a_tie_below_the_top_is_still_one_place(engine):
    # "总经费第二高": 1.4 alone is first, the three at 6000万 share the second place
    reply = ask(engine, "總經費第二高嘅係邊啲方向？")
    assert sorted(reply["programs"]) == ["intl-1.3", "intl-1.6", "intl-2.5"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # the form of the reply asked: the list, not "the notice does not give the format"
        ("每个方向的平均资助额，按“方向：金额”的格式列出来", "average"),
        ("每個方向嘅平均資助額，用「方向—金額」嘅格式列出嚟", "average"),
        (
            "List the average per project of every direction in this format: direction - amount",
            "average",
        ),
        # the proposal's format is still an aspect the notice does not give
        ("申报书要用什么格式？", "unknown"),
        ("申請書的格式有什麼要求？", "unknown"),
        ("What format should the proposal be in?", "unknown"),
    ],
)
def test_the_form_of_the_reply_is_no_missing_aspect(engine, text, intent):
    assert ask(engine, text)["intent"] == intent
