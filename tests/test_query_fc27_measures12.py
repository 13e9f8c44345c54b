"""The measure(s) asked of one named direction in long messages with context (fc27/fc28,
i8-measures12): the money one project or team gets is its average ("单个项目大概能拿到多少国拨
经费", "每个团队能拿到多少经费", "how much money each team gets", "the amount per grant"); a
statement about the asker's work before the question checks no topic; the asker's institution
("北京外国语大学科研处", "区域国别研究") is no cue and no partner; "最多支持几个项目" is a limit,
not the end of a ranking; the tracks of one direction compared when "分别" speaks of the asker's
teams; a partner named only as the country of partner institutions beside a direction named by
its own name is not asked, and a partner named again on its own after being placed is. Each on
messages other than the sets' own, in three scripts."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask, expect

CASES = [
    # the money of one project or of the team that carries it is the average
    (
        ("我们和芬兰的大学合作多年，想了解中芬方向单个项目能拿到多少国拨经费？",),
        "average",
        ["intl-1.6"],
        ["400"],
    ),
    (
        ("請問中意方向每個團隊大概可以拿到多少經費？我們在做預算。",),
        "average",
        ["intl-1.2"],
        ["200"],
    ),
    (
        (
            "Our lab in Helsinki works with Tsinghua. In the China–Finland call how much "
            "money each team gets?",
        ),
        "average",
        ["intl-1.6"],
        ["4 million"],
    ),
    (
        ("What is the amount per grant in the China–Italy direction?",),
        "average",
        ["intl-1.2"],
        ["2 million"],
    ),
    (("中意方向的资助强度，也就是每个项目能拿到多少经费？",), "average", ["intl-1.2"], ["200"]),
    # a name between "每个" and "项目", or the size of one grant: still the average
    (("每个中意项目大概资助多少万？",), "average", ["intl-1.2"], ["200"]),
    (("每個中芬項目可以拿到多少經費？",), "average", ["intl-1.6"], ["400"]),
    (("How big is one grant in the China–Germany call?",), "average", ["intl-1.8"], ["4 million"]),
    (
        ("我哋同韓國KAIST有合作做氫能。想問中韓能源嗰個方向每個項目大概有幾多錢？",),
        "average",
        ["intl-2.1"],
        ["750"],
    ),
    # a statement about the asker's work before the question checks no topic
    (
        ("我校和赫尔辛基大学在智能出行方面合作紧密。想问中芬方向大约支持几个项目？",),
        "count",
        ["intl-1.6"],
        ["15"],
    ),
    (
        ("我們學校跟維也納的大學在綠色建築方面合作很多。請問中奧產學研大約支持幾個項目？",),
        "count",
        ["intl-1.7"],
        ["4"],
    ),
    # the asker's institution holds no cue and no partner
    (
        (
            "我是北京外国语大学科研处的（我们主要做区域国别研究），想请您介绍一下中芬科技合作项目的基本情况。",
        ),
        "detail",
        ["intl-1.6"],
        ["6000", "400"],
    ),
    (
        ("我係北京外國語大學科研處嘅，想請你介紹一下中以聯合研究項目嘅基本情況。",),
        "detail",
        ["intl-1.9"],
        ["2000", "200"],
    ),
    # 最多 before a count asked is the limit, not the end of a ranking
    (
        (
            "关于中西方向：1. 智慧城市是否在资助范围内；2. 最多支持几个项目；"
            "3. 单个项目平均资助多少？",
        ),
        "detail",
        ["intl-1.3"],
        ["20", "300", "智慧城市"],
    ),
    (
        ("關於中芬方向：1）健康是否在資助範圍內；2）最多支持幾個項目；3）每項平均資助多少？",),
        "detail",
        ["intl-1.6"],
        ["15", "400"],
    ),
    # the tracks of one direction compared when "分别" speaks of the asker's teams
    (
        ("我们两个课题组分别申报中欧旗舰的领域一和领域二，想问两个领域的平均资助额差多少？",),
        "compare",
        ["intl-1.4"],
        ["2000"],
    ),
    (
        ("我哋兩個團隊分別準備中歐旗艦嘅領域一同領域二，想知兩個領域嘅平均資助額相差多少？",),
        "compare",
        ["intl-1.4"],
        ["2000"],
    ),
    (
        ("我们学院分别有团队做食品和气候，想问中欧旗舰领域一比领域二每项多多少？",),
        "compare",
        ["intl-1.4"],
        ["2000"],
    ),
    (("中芬比中意每個項目多幾多？",), "compare", ["intl-1.6", "intl-1.2"], ["200"]),
    # a partner named only as the country of partner institutions is not asked
    (
        (
            "我校和德国的几所大学组了团队，准备申报中欧联合资助机制一般类项目。请问它支持几个项目？",
        ),
        "count",
        ["intl-1.5"],
        ["10"],
    ),
    (
        (
            "我們同芬蘭阿爾托大學合作，打算申報中歐研究創新旗艦合作計劃。請問兩個領域分別支持幾個項目、每項資助多少？",
        ),
        "detail",
        ["intl-1.4"],
        ["3500", "1500"],
    ),
    (
        (
            "We work with universities in France and Germany and will apply to the China–EU "
            "flagship. How many projects and how much per project in each area?",
        ),
        "detail",
        ["intl-1.4"],
        ["35 million", "15 million"],
    ),
    # a partner placed first ("合作方在德国…") and named again on its own is asked
    (
        (
            "一个团队和意大利合作，另一个团队合作方在德国亚琛。想问中意和中德两个方向总经费合计多少？",
        ),
        "budget",
        ["intl-1.2", "intl-1.8"],
        ["4000"],
    ),
    # a track's words in a clause about the asker's work name no track of the direction asked
    (
        (
            "我校与瓦赫宁根大学在食品与农业生物技术方面有合作。请问中欧旗舰和中欧联合资助机制一般类"
            "加起来一共多少经费？",
        ),
        "budget",
        ["intl-1.4", "intl-1.5"],
        ["16000"],
    ),
    (
        ("我哋學校同瓦赫寧根大學喺氣候變化與生物多樣性方面有合作。請問中歐旗艦總經費係幾多？",),
        "budget",
        ["intl-1.4"],
        ["13000"],
    ),
    (
        (
            "Our university works with Wageningen on food, agriculture and biotechnology. "
            "What is the total budget of the China-EU flagship and the EU general joint call "
            "together?",
        ),
        "budget",
        ["intl-1.4", "intl-1.5"],
        ["160 million"],
    ),
]


@pytest.mark.parametrize(("turns", "intent", "programs", "has"), CASES)
def test_measure_of_one_direction_in_context(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str], has: list[str]
) -> None:
    expect(ask(engine, *turns), intent, programs, has)


@pytest.mark.parametrize(
    "text",
    [
        "中欧旗舰和中德方向总经费合计多少？",
        "德国方向和中欧旗舰各支持几个项目？",
        "我们和德国亚琛工业大学合作，中德方向平均每项多少？",
    ],
)
def test_partner_asked_on_its_own_kept(engine: Engine, text: str) -> None:
    """Germany named as a direction of its own (not as the home of an institution) stays asked."""
    reply = ask(engine, text)
    assert "intl-1.8" in reply["programs"], reply
