"""Terse mobile queries (fc42): a generated grid of ways to name a direction on a phone —
partner names with a typo, abbreviations, pinyin, demonyms, a name glued to the word asked —
times terse asks (tot?, avg?, #projects, jf, pj, 多少钱, 几个项目, 領域？) in zh-Hans, zh-Hant and
English, with emoji and question marks; plus comparisons, rankings, thresholds, topics and
two-turn terse follow-ups. Expected directions and figures are read from the knowledge."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from knowledge import load_bundled
from tests.asking import WRAPS, ask, check, expect

ISRAEL, FINLAND, ITALY, AUSTRIA = ["intl-1.9"], ["intl-1.6"], ["intl-1.2"], ["intl-1.7"]
GERMANY, RUSSIA = ["intl-1.8"], ["intl-2.5"]
KOREA, KOREA_ENERGY = ["intl-2.0", "intl-2.1"], ["intl-2.1"]
EU_FLAGSHIP, SA_FLAGSHIP = ["intl-1.4"], ["intl-2.3"]

# (how the direction is written, its directions, language of the asks, kind of reference)
REFERENCES = [
    ("Finlnd", FINLAND, "en", "typo"),
    ("Isreal", ISRAEL, "en", "typo"),
    ("Itly", ITALY, "en", "typo"),
    ("Austira", AUSTRIA, "en", "typo"),
    ("以涩列", ISRAEL, "zh-Hans", "typo"),
    ("奥第利", AUSTRIA, "zh-Hans", "typo"),
    ("意大里", ITALY, "zh-Hans", "typo"),
    ("韩过", KOREA, "zh-Hans", "typo"),
    ("奧第利", AUSTRIA, "zh-Hant", "typo"),
    ("以澀列", ISRAEL, "zh-Hant", "typo"),
    ("韓過", KOREA, "zh-Hant", "typo"),
    ("isr", ISRAEL, "en", "abbreviation"),
    ("kor energy", KOREA_ENERGY, "en", "abbreviation"),
    ("eu flag", EU_FLAGSHIP, "en", "abbreviation"),
    ("sa flagship", SA_FLAGSHIP, "en", "abbreviation"),
    ("中以", ISRAEL, "zh-Hans", "abbreviation"),
    ("中韩能源", KOREA_ENERGY, "zh-Hans", "abbreviation"),
    ("南非旗舰", SA_FLAGSHIP, "zh-Hans", "abbreviation"),
    ("中韓能源", KOREA_ENERGY, "zh-Hant", "abbreviation"),
    ("南非旗艦", SA_FLAGSHIP, "zh-Hant", "abbreviation"),
    ("中歐旗艦", EU_FLAGSHIP, "zh-Hant", "abbreviation"),
    ("yiselie", ISRAEL, "zh-Hans", "pinyin"),
    ("deguo", GERMANY, "zh-Hans", "pinyin"),
    ("fenlan", FINLAND, "zh-Hans", "pinyin"),
    ("eluosi", RUSSIA, "zh-Hans", "pinyin"),
    ("israeli", ISRAEL, "en", "demonym"),
    ("korean", KOREA, "en", "demonym"),
    ("finnish", FINLAND, "en", "demonym"),
    ("austrian", AUSTRIA, "en", "demonym"),
]

# (terse ask, intent, the measure whose figure the reply gives; None: no single figure)
ASKS = {
    "en": [
        ("{} tot?", "budget", "total"),
        ("{} budget?", "budget", "total"),
        ("{} avg?", "average", "average"),
        ("{} per proj?", "average", "average"),
        ("{} how many proj", "count", "count"),
        ("{} #projects", "count", "count"),
        ("{} fields?", "fields", None),
        ("{} budget 💰?", "budget", "total"),
        ("{}?? avg", "average", "average"),
        ("{}??? tot??", "budget", "total"),
        ("{} amt?", "budget", "total"),
        ("{} ttl?", "budget", "total"),
        ("{} proj?", "count", "count"),
        ("{} cnt?", "count", "count"),
        ("{} #proj", "count", "count"),
        ("{} yrs?", "period", None),
    ],
    "zh-Hans": [
        ("{}多少钱", "budget", "total"),
        ("{} jf", "budget", "total"),
        ("{}几个项目", "count", "count"),
        ("{} xms", "count", "count"),
        ("{}平均", "average", "average"),
        ("{} pj?", "average", "average"),
        ("{}领域", "fields", None),
        ("{}经费多少钱？😅", "budget", "total"),
        ("{}平均多少？？", "average", "average"),
        ("{} 多少w", "budget", "total"),
    ],
    "zh-Hant": [
        ("{}多少錢", "budget", "total"),
        ("{}幾個項目", "count", "count"),
        ("{}平均", "average", "average"),
        ("{}領域？", "fields", None),
        ("{}經費多少？🤔", "budget", "total"),
    ],
}

_K = load_bundled()


def _figure(programs: list[str], measure: str | None, lang: str) -> list[str]:
    """The figure a reply about one direction of one track must say, from the knowledge."""
    if measure is None or len(programs) != 1:
        return []
    funding = _K.direction_by_id[programs[0]].funding
    if len(funding) != 1:
        return []  # a direction of two tracks (the EU flagship) answers each track
    f = funding[0]
    if measure == "count":
        return [str(f.projects.count)]
    amount = f.total if measure == "total" else f.average
    if lang == "en":
        return [f"CNY {amount / 100:g} million"]
    return [f"{amount:g}萬元" if lang == "zh-Hant" else f"{amount:g}万元"]


GRID = [
    pytest.param(
        ask_.format(ref), intent, programs, _figure(programs, measure, lang), id=f"{kind}-{lang}"
    )
    for ref, programs, lang, kind in REFERENCES
    for ask_, intent, measure in ASKS[lang]
]


@pytest.mark.parametrize(("message", "intent", "programs", "has"), GRID)
def test_a_terse_ask_of_a_direction_written_short(
    engine: Engine, message: str, intent: str, programs: list[str], has: list[str]
) -> None:
    check(engine, (message,), intent, programs, has)


@pytest.mark.parametrize(
    ("message", "intent", "programs"),
    [
        # a partner's name glued to the word asked, no space (typed on a phone)
        ("israelbudget", "budget", ISRAEL),
        ("israelbudget?", "budget", ISRAEL),
        ("finlandavg", "average", FINLAND),
        ("Koreaprojects??", "count", KOREA),
        ("russiatot 🤔", "budget", RUSSIA),
        ("中以经费多少钱", "budget", ISRAEL),
        ("中韩能源平均多少", "average", KOREA_ENERGY),
        ("南非旗舰几个项目", "count", SA_FLAGSHIP),
        ("中以經費多少錢？", "budget", ISRAEL),
    ],
)
def test_a_name_glued_to_the_ask(
    engine: Engine, message: str, intent: str, programs: list[str]
) -> None:
    check(engine, (message,), intent, programs)


@pytest.mark.parametrize(
    "message",
    ["hello world", "Israelites history?", "koreanness", "spaintotally", "germanium budget"],
)
def test_a_word_that_is_no_name_and_cue_is_not_cut(message: str) -> None:
    from bot.glued import unglued

    assert unglued(message, _K) == message


@pytest.mark.parametrize(
    ("message", "intent", "programs"),
    [
        ("Isreal vs Finlnd budget?", "compare", ISRAEL + FINLAND),
        ("以涩列 对比 奥第利", "compare", ISRAEL + AUSTRIA),
        ("中以 中芬 哪个多", "compare", ISRAEL + FINLAND),
        ("yiselie fenlan 哪个多", "compare", ISRAEL + FINLAND),
        ("意大里vs奥第利 jf", "compare", ITALY + AUSTRIA),
        ("israeli vs korean avg?", "compare", ISRAEL + KOREA),
        ("韩过 jf 哪个多", "compare", KOREA),
        ("中以 vs 中韩能源 pj", "compare", ISRAEL + KOREA_ENERGY),
        ("以澀列 同 奧第利 邊個多？", "compare", ISRAEL + AUSTRIA),
        ("中以 中芬 jf 一共", "budget", ISRAEL + FINLAND),
        ("isr budget 🙏", "budget", ISRAEL),
        ("🇮🇱 budget?", "budget", ISRAEL),
        ("kor energy 🔋 how many proj", "count", KOREA_ENERGY),
        ("以涩列👀 多少钱", "budget", ISRAEL),
        ("isr fields?", "fields", ISRAEL),
        ("isr 领域", "fields", ISRAEL),
        ("isr 周期", "period", ISRAEL),
        ("sa joint research avg", "average", ["intl-2.2"]),
        # thresholds and rankings typed short: strictly above 5000万 are the 6000 and 13000 ones
        (">5000万?", "rank", ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"]),
        ("jf>5000w", "rank", ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"]),
        ("<200w", "rank", []),
        ("jf<300w?", "rank", ["intl-2.4"]),
        ("top 3 budget?", "rank", ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"]),
        # the first three alone, typed short (a tie at the third place lists all tied)
        ("前三?", "rank", ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"]),
        ("jf前三", "rank", ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"]),
        ("pj 前三", "rank", ["intl-1.4", "intl-2.1", "intl-1.6", "intl-1.8"]),
        ("平均前三？", "rank", ["intl-1.4", "intl-2.1", "intl-1.6", "intl-1.8"]),
        ("經費前三？", "rank", ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"]),
        ("top 3?", "rank", ["intl-1.4", "intl-1.3", "intl-1.6", "intl-2.5"]),
        # topics asked short: hydrogen is Germany's, Korea energy's and SA flagship's
        ("有没有做氢能的", "topic", ["intl-1.8", "intl-2.1", "intl-2.3"]),
        ("有冇做氫能嘅", "topic", ["intl-1.8", "intl-2.1", "intl-2.3"]),
        ("hydrogen?", "topic", ["intl-1.8", "intl-2.1", "intl-2.3"]),
        ("周期?", "period", []),
    ],
)
def test_terse_operations(engine: Engine, message: str, intent: str, programs: list[str]) -> None:
    check(engine, (message,), intent, programs)


@pytest.mark.parametrize(
    ("turns", "intent", "programs"),
    [
        (("isr tot?", "finland?", "sum"), "budget", ISRAEL + FINLAND),
        (("isr tot?", "Finlnd?", "total both"), "budget", ISRAEL + FINLAND),
        (("isr tot?", "Finland?", "which more"), "compare", ISRAEL + FINLAND),
        (("isr tot?", "FIN?", "sum"), "budget", ISRAEL + FINLAND),
        (("isr avg?", "kor energy?"), "average", KOREA_ENERGY),
        (("isr tot?", "avg?"), "average", ISRAEL),
        (("Isreal tot?", "kor energy?", "vs"), "compare", ISRAEL + KOREA_ENERGY),
        (("中以多少钱", "中芬呢", "一共"), "budget", ISRAEL + FINLAND),
        (("以涩列 jf", "芬兰？", "加起来"), "budget", ISRAEL + FINLAND),
        (("以涩列 jf", "fenlan?", "一共"), "budget", ISRAEL + FINLAND),
        (("中以 jf?", "中芬？", "哪个多"), "compare", ISRAEL + FINLAND),
        (("以色列總經費？", "芬蘭？", "加埋"), "budget", ISRAEL + FINLAND),
        (("yiselie jf", "deguo?"), "budget", GERMANY),
        # the comparison word alone after two terse turns: the two just asked, side by side
        (("中以jf", "中芬呢", "对比"), "compare", ISRAEL + FINLAND),
        (("中以jf", "中芬呢", "比较一下？"), "compare", ISRAEL + FINLAND),
        (("以色列總經費？", "芬蘭？", "對比"), "compare", ISRAEL + FINLAND),
        (("isr tot?", "Finlnd?", "compare?"), "compare", ISRAEL + FINLAND),
        (("isr tot?", "vs Finlnd?"), "compare", ISRAEL + FINLAND),
    ],
)
def test_terse_follow_ups(
    engine: Engine, turns: tuple[str, ...], intent: str, programs: list[str]
) -> None:
    check(engine, turns, intent, programs)


@pytest.mark.parametrize("wrap", WRAPS)
@pytest.mark.parametrize(
    ("message", "intent", "programs"),
    [
        ("isr tot?", "budget", ISRAEL),
        ("yiselie jf", "budget", ISRAEL),
        ("sa flagship avg?", "average", SA_FLAGSHIP),
        ("israelbudget?", "budget", ISRAEL),
    ],
)
def test_a_wrapped_terse_ask_gets_the_same_answer(
    engine: Engine, wrap: str, message: str, intent: str, programs: list[str]
) -> None:
    plain = expect(ask(engine, message), intent, programs)
    wrapped = expect(ask(engine, wrap.format(message)), intent, programs)
    assert plain["programs"] == wrapped["programs"]


@pytest.mark.parametrize(
    ("message", "programs"),
    [
        # a lower-case code before another partner's marker is no partner: Spain has no flagship
        ("es flagship?", EU_FLAGSHIP),
        # "sa" after the marker is not the shorthand
        ("the flagship of sa", EU_FLAGSHIP + SA_FLAGSHIP),
    ],
)
def test_a_lower_case_code_names_a_partner_only_before_its_own_marker(
    engine: Engine, message: str, programs: list[str]
) -> None:
    check(engine, (message,), "detail", programs)
