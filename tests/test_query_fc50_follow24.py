"""Follow-ups over two or three turns (round 17, i8-follow24): "那X呢" with pinyin initials of a
measure or a name ("德国jf多少 → 那xm呢", "aodili jingfei → 那xby呢"), the plain direction of a
partner after its flagship ("南非qj pj → 普通那个呢", "and the regular one?"), the figures of two
turns put together ("一般类几个 → 旗舰那个呢 → 两类合在一起呢", "澳门几个项目 → 政府间专项一共
多少个 → 两个加起来呢"), the difference or ratio between them, money of "each one" after a
count ("so each one receive how much?"), names typed with accents ("Áustria", "Rússia")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from knowledge import load_bundled
from tests.asking import WRAPS, ask, check


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_bundled())


# (turns, intent, directions, what the reply says)
GRID = [
    # -- 那X呢: a measure typed as its pinyin initials, or the word alone --------------------
    (("德国jf多少", "那xm呢"), "count", ["intl-1.8"], ["5"]),
    (("芬兰xm", "那pj呢"), "average", ["intl-1.6"], ["400"]),
    (("以色列pj多少", "那jf呢"), "budget", ["intl-1.9"], ["2000"]),
    (("德国经费多少", "那项目呢"), "count", ["intl-1.8"], ["5"]),
    (("德國jf多少", "那xm呢"), "count", ["intl-1.8"], ["5"]),
    (("德國經費多少", "那項目呢"), "count", ["intl-1.8"], ["5"]),
    (("芬蘭xm", "那pj呢"), "average", ["intl-1.6"], ["400"]),
    (("德國幾多錢", "咁項目呢"), "count", ["intl-1.8"], ["5"]),
    (("Germany budget?", "and projects?"), "count", ["intl-1.8"], ["5"]),
    (("Germany budget?", "and the projects?"), "count", ["intl-1.8"], ["5"]),
    # -- 那X呢: a name typed as its initials, in pinyin or with a slip ---------------------
    (("aodili jingfei", "那xby呢"), "budget", ["intl-1.3"], ["6000"]),
    (("奥地利经费", "那xby呢"), "budget", ["intl-1.3"], ["6000"]),
    (("西班牙jf", "那ydl呢"), "budget", ["intl-1.2"], ["2000"]),
    (("俄罗斯几个项目", "那agt呢"), "count", ["intl-2.4"], ["4"]),
    (("奧地利經費", "那xby呢"), "budget", ["intl-1.3"], ["6000"]),
    (("德国jf多少", "那ysl呢"), "budget", ["intl-1.9"], ["2000"]),
    (("Germany budget?", "and Spian?"), "budget", ["intl-1.3"], []),
    (("How much for Argentina total?", "and Rússia?"), "budget", ["intl-2.5"], []),
    (("What is financed in the China–Áustria cooperation?",), "detail", ["intl-1.7"], []),
    # -- the plain direction after the flagship (and the other way) -------------------------
    (("南非qj pj", "普通那个呢"), "average", ["intl-2.2"], ["200"]),
    (("南非旗舰平均多少", "普通那个呢"), "average", ["intl-2.2"], ["200"]),
    (("韩国能源jf", "普通的那个呢"), "budget", ["intl-2.0"], ["600"]),
    (("中欧旗舰几个项目", "一般那个呢"), "count", ["intl-1.5"], ["10"]),
    (("南非pj", "非旗舰那个呢"), "average", ["intl-2.2"], ["200"]),
    (("南非qj pj", "普通那個呢"), "average", ["intl-2.2"], ["200"]),
    (("韓國能源經費", "普通的那個呢"), "budget", ["intl-2.0"], ["600"]),
    (("南非平均", "非旗艦那個呢"), "average", ["intl-2.2"], ["200"]),
    (("South Africa flagship average?", "and the regular one?"), "average", ["intl-2.2"], []),
    (("Korea energy budget?", "and the ordinary one?"), "budget", ["intl-2.0"], []),
    (("EU flagship projects?", "and the general one?"), "count", ["intl-1.5"], ["10"]),
    (("South Africa average?", "the non-flagship one?"), "average", ["intl-2.2"], []),
    # -- two turns' figures put together ---------------------------------------------------
    (("中德经费多少", "中意呢", "两个加起来呢"), "budget", ["intl-1.2", "intl-1.8"], ["4000"]),
    (
        ("中欧一般类几个项目", "旗舰那个呢", "两类合在一起呢"),
        "count",
        ["intl-1.4", "intl-1.5"],
        ["16"],
    ),
    (("芬兰几个项目", "德国呢", "一共多少个"), "count", ["intl-1.6", "intl-1.8"], ["20"]),
    (("中德经费多少", "中意呢", "合在一起呢"), "budget", ["intl-1.2", "intl-1.8"], ["4000"]),
    (("中德經費多少", "中意呢", "兩個加起來呢"), "budget", ["intl-1.2", "intl-1.8"], ["4000"]),
    (
        ("中歐一般類幾個項目", "旗艦那個呢", "兩類合在一起呢"),
        "count",
        ["intl-1.4", "intl-1.5"],
        ["16"],
    ),
    (("芬蘭幾多個項目", "德國呢", "加埋幾多個"), "count", ["intl-1.6", "intl-1.8"], ["20"]),
    (("Germany budget?", "and Italy?", "together?"), "budget", ["intl-1.2", "intl-1.8"], ["40"]),
    (("Germany budget?", "and Italy?", "combined?"), "budget", ["intl-1.2", "intl-1.8"], ["40"]),
    (("Finland projects?", "and Germany?", "total for both?"), "count", None, ["20"]),
    (
        ("EU general track projects?", "and the flagship one?", "both together?"),
        "count",
        ["intl-1.4", "intl-1.5"],
        ["16"],
    ),
    # -- both calls: a direction of one and the other call, then added up -------------------
    (
        ("内地与澳门联合资助研发项目支持几个项目？", "那政府间专项一共多少个？", "两个加起来呢？"),
        "count",
        [],
        ["153"],
    ),
    (("澳门几个项目", "那政府间专项一共多少个", "两个加起来呢"), "count", [], ["153"]),
    (("澳門幾個項目", "那政府間專項一共多少個", "兩個加起來呢"), "count", [], ["153"]),
    (("Macao projects?", "and the intergovernmental call?", "together?"), "count", [], ["153"]),
    # -- the difference or ratio between the two just given ---------------------------------
    (("阿根廷总经费", "俄罗斯呢", "相差多少"), "compare", ["intl-2.4", "intl-2.5"], ["5800"]),
    (("阿根廷总经费", "俄罗斯呢", "差几倍"), "compare", ["intl-2.4", "intl-2.5"], ["30"]),
    (("阿根廷總經費", "俄羅斯呢", "相差多少"), "compare", ["intl-2.4", "intl-2.5"], ["5800"]),
    (("阿根廷總經費", "俄羅斯呢", "差幾倍"), "compare", ["intl-2.4", "intl-2.5"], ["30"]),
    (
        ("How much for Argentina total?", "and Rússia?", "difference between them?"),
        "compare",
        ["intl-2.4", "intl-2.5"],
        ["58 million"],
    ),
    (
        ("Argentina budget?", "and Russia?", "how many times bigger?"),
        "compare",
        ["intl-2.4", "intl-2.5"],
        ["30"],
    ),
    (("Argentina budget?", "and Russia?", "ratio between them?"), "compare", None, ["30"]),
    (("阿根廷jf", "els呢", "差多少"), "compare", ["intl-2.4", "intl-2.5"], ["5800"]),
    # -- money of "each one" after a count, per project after a total -----------------------
    (("德国几个项目", "那每个拿多少"), "average", ["intl-1.8"], ["400"]),
    (("德国总经费", "平均每个项目呢"), "average", ["intl-1.8"], ["400"]),
    (("德国jf", "pj呢"), "average", ["intl-1.8"], ["400"]),
    (("德國幾個項目", "每個能拿幾多錢"), "average", ["intl-1.8"], ["400"]),
    (("德國總經費", "平均每個項目呢"), "average", ["intl-1.8"], ["400"]),
    (
        (
            "How much money for Germany?",
            "and the number of projects?",
            "so each one receive how much?",
        ),
        "average",
        ["intl-1.8"],
        ["4 million"],
    ),
    (("Germany projects?", "each one gets how much?"), "average", ["intl-1.8"], ["4 million"]),
    (
        ("Germany projects?", "how much will each one receive?"),
        "average",
        ["intl-1.8"],
        ["4 million"],
    ),
    (
        (
            "What is financed in the China–Áustria cooperation?",
            "How much is the total?",
            "and per project in average?",
        ),
        "average",
        ["intl-1.7"],
        ["2.5 million"],
    ),
    (("Austria budget?", "per project?"), "average", ["intl-1.7"], ["2.5 million"]),
    (("Israel projects?", "and each one get how much money?"), "average", ["intl-1.9"], []),
    # -- several measures typed as initials, an average of two put together -----------------
    (("芬兰jf", "那xm和pj呢"), "detail", ["intl-1.6"], ["15", "400"]),
    (("德国jf", "平均和项目呢"), "detail", ["intl-1.8"], ["5", "400"]),
    (("芬蘭jf", "那項目和平均呢"), "detail", ["intl-1.6"], ["15", "400"]),
    (("芬兰平均", "德国呢", "两个合在一起平均多少"), "average", ["intl-1.6", "intl-1.8"], ["400"]),
    (("芬蘭平均", "德國呢", "兩個合在一起平均多少"), "average", ["intl-1.6", "intl-1.8"], ["400"]),
    (("Finland average?", "and Germany?", "both together average?"), "average", None, []),
    # -- comparisons of the two just given, in other words ----------------------------------
    (("以色列多少钱", "意大利呢", "两个一样吗"), "compare", ["intl-1.2", "intl-1.9"], []),
    (
        ("Israel projects?", "and Italy?", "which is more?"),
        "compare",
        ["intl-1.2", "intl-1.9"],
        [],
    ),
    (("德国经费", "以色列呢", "两者之差"), "compare", ["intl-1.8", "intl-1.9"], []),
    (("Macao budget?", "and intergovernmental?", "how many times?"), "compare", [], []),
    (("政府间专项总经费", "港澳台呢", "差多少"), "compare", [], []),
    # -- whole follow-ups typed in toneless pinyin ------------------------------------------
    (("fenlan jingfei", "na xiangmu ne"), "count", ["intl-1.6"], ["15"]),
    (("fenlan jingfei", "na deguo ne"), "budget", ["intl-1.8"], ["2000"]),
    (("fenlan jingfei", "deguo ne", "jiaqilai ne"), "budget", ["intl-1.6", "intl-1.8"], ["8000"]),
    (("deguo jingfei", "na ge pingjun ne"), "average", ["intl-1.8"], ["400"]),
    (("deguo jf", "那yidali呢"), "budget", ["intl-1.2"], ["2000"]),
    # -- the plain one and the set-aside one in other words ---------------------------------
    (("南非旗艦幾多錢", "普通嗰個呢"), "budget", ["intl-2.2"], ["3000"]),
    (("EU flagship budget?", "and the normal one?"), "budget", ["intl-1.5"], []),
    (("EU budget?", "the non flagship one?"), "budget", ["intl-1.5"], []),
    (("欧盟jf", "非qj那个呢"), "budget", ["intl-1.5"], ["3000"]),
    (("韩国pj", "非能源那个呢"), "average", ["intl-2.0"], ["100"]),
    (("韩国pj", "普通那个呢"), "average", ["intl-2.0"], ["100"]),
    (("Korea average?", "the regular one?"), "average", ["intl-2.0"], []),
    (
        ("中韩联合研究几个项目", "能源那个呢", "两个合在一起呢"),
        "count",
        ["intl-2.0", "intl-2.1"],
        ["8"],
    ),
    # -- three turns, courtesy between them -------------------------------------------------
    (("德国jf", "那xm呢", "pj呢"), "average", ["intl-1.8"], ["400"]),
    (("Germany budget?", "projects?", "so average?"), "average", ["intl-1.8"], []),
    (
        ("Argentina total?", "thanks! and Rússia?", "ok, difference between them?"),
        "compare",
        ["intl-2.4", "intl-2.5"],
        ["58 million"],
    ),
    (
        ("阿根廷多少钱", "谢谢！那俄罗斯呢", "好的，两者相差多少"),
        "compare",
        ["intl-2.4", "intl-2.5"],
        [],
    ),
    (("芬蘭經費", "德國呢", "兩個加埋幾多"), "budget", ["intl-1.6", "intl-1.8"], ["8000"]),
    (("中以项目数", "中意呢", "一共"), "count", ["intl-1.2", "intl-1.9"], ["20"]),
    (
        ("Israel number of projects", "Italy", "in total?"),
        "count",
        ["intl-1.2", "intl-1.9"],
        ["20"],
    ),  # -- each project of a call just counted; averages put together are pooled ---------------
    (
        ("how many projects in the intergovernmental call?", "so each one receive how much?"),
        "average",
        [],
        ["3.594 million"],
    ),
    (("政府间专项几个项目", "每个拿多少"), "average", [], ["359"]),
    (("政府間專項幾個項目", "咁每個拿幾多"), "average", [], ["359"]),
    (("韩国两个方向平均", "合在一起呢"), "average", ["intl-2.0", "intl-2.1"], ["262.5"]),
    (("韓國兩個方向平均", "合在一起呢"), "average", ["intl-2.0", "intl-2.1"], ["262.5"]),
    (("Korea average?", "both together?"), "average", ["intl-2.0", "intl-2.1"], ["2.625"]),
    (("芬兰平均", "德国呢", "加起来呢"), "average", ["intl-1.6", "intl-1.8"], ["400"]),
    (
        ("Finland average?", "Germany?", "together?"),
        "average",
        ["intl-1.6", "intl-1.8"],
        ["4 million"],
    ),
    (("Germany projects?", "how much per one?"), "average", ["intl-1.8"], ["4 million"]),
    (("Germany projects?", "so each proyect how much?"), "average", ["intl-1.8"], ["4 million"]),
    (("Germany projects?", "each one takes how much?"), "average", ["intl-1.8"], ["4 million"]),
    (
        ("Which directions fund hydrogen?", "each one how much?"),
        "budget",
        ["intl-1.8", "intl-2.1", "intl-2.3"],
        [],
    ),
]


@pytest.mark.parametrize("turns,intent,programs,has", GRID)
def test_follow_up(engine: Engine, turns, intent, programs, has) -> None:
    check(engine, turns, intent, programs, has)


@pytest.mark.parametrize(
    "turns",
    [
        ("What is the normal duration of a project in Korea?",),
        ("in Korea, what is the ordinary project size?",),
    ],
)
def test_plain_adjective_keeps_both_directions(engine: Engine, turns) -> None:
    """ "normal", "ordinary" as adjectives name no plain direction: only "the regular one",
    "普通那个" do."""
    reply = ask(engine, *turns)
    assert sorted(reply["programs"]) == ["intl-2.0", "intl-2.1"], reply


@pytest.mark.parametrize(
    "turns",
    [
        ("德国经费", "平均呢", "两个加起来呢"),
        ("德國經費", "咁平均呢", "兩個加埋呢"),
    ],
)
def test_two_added_up_of_one_direction_is_not_sure(engine: Engine, turns) -> None:
    """Two things added up when one direction alone was talked about: not sure, not one of its
    figures read as the sum."""
    reply = ask(engine, *turns)
    assert reply["intent"] == "unknown" and reply["query"]["op"] == "unsure", reply


def test_plain_speech_names_no_direction(engine: Engine) -> None:
    """ "is that normal?" after Korea's budget narrows to no direction of Korea: "normal" is the
    plain Korean direction's word only where it names one."""
    reply = check(engine, ("Korea budget?", "is that normal?"), "unknown")
    assert reply["programs"] == []


@pytest.mark.parametrize("wrap", WRAPS)
@pytest.mark.parametrize(
    "turns,intent,programs,has",
    [
        (("德国jf多少", "那xm呢"), "count", ["intl-1.8"], ["5"]),
        (("南非qj pj", "普通那个呢"), "average", ["intl-2.2"], ["200"]),
        (("阿根廷总经费", "俄罗斯呢", "相差多少"), "compare", ["intl-2.4", "intl-2.5"], ["5800"]),
    ],
)
def test_follow_up_wrapped(engine: Engine, wrap, turns, intent, programs, has) -> None:
    wrapped = (wrap.format(turns[0]), *turns[1:])
    check(engine, wrapped, intent, programs, has)
