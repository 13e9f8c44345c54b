"""The vocabulary files (bot/data/*.yaml): checked with file:line problems, cached, and the
gazetteer's "outside the call" computed from the loaded knowledge."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import vocab as V
from bot.entities import EntityIndex
from knowledge import load_knowledge

DATA = Path(V.__file__).parent / "data"
K2024 = Path(__file__).parent / "data" / "knowledge_2024.yaml"


def test_bundled_vocabulary_has_no_problems():
    sources = {name: (DATA / name).read_bytes() for name in V.FILES}
    data = V.parse_vocabulary(sources, str(DATA))  # raises VocabError with every problem
    assert set(data["cues"]) >= {"budget", "count", "average", "fields", "help", "oos"}
    assert len(data["places"]) > 40 and len(data["aspects"]) >= 10


def test_loaded_once():
    v = V.vocabulary()
    assert V.vocabulary() is v
    assert "最多" in v.flags["max"] and "except" in v.flags["exclude"]
    assert v.cues["budget"]["经费"] == 3


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in V.FILES:
        shutil.copy(DATA / name, folder / name)
    return folder


def _line_of(path: Path, text: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return n
    raise AssertionError(text)


def test_problems_name_file_line_and_field(tmp_path):
    folder = _copy(tmp_path)
    cues = folder / "cues.yaml"
    text = cues.read_text(encoding="utf-8")
    added = "    per-grant: 4\n    好多钱: lots\n"
    text = text.replace("    多少钱: 3\n", "    多少钱: 3\n" + added, 1)
    text = text.replace("  average:\n", "  averige:\n    mean value: 2\n  average:\n", 1)
    text = text.replace("    预算: 3\n", "    预算: 3\n    预算: 2\n", 1)
    cues.write_text(text, encoding="utf-8")
    places = folder / "places.yaml"
    ptext = places.read_text(encoding="utf-8").replace("codes: [FR, FRA]", "codes: [FR, fra]")
    ptext = ptext.replace("names: [巴西, brazil", "names: [巴西, 法国, brazil")
    places.write_text(ptext, encoding="utf-8")
    oos = folder / "out_of_scope.yaml"
    otext = oos.read_text(encoding="utf-8").replace("words: [汇率,", "words: [外汇牌价, 汇率,")
    oos.write_text(otext, encoding="utf-8")

    with pytest.raises(V.VocabError) as err:
        V.load_vocabulary(folder, cache=False)
    got = [str(p) for p in err.value.problems]
    want = [
        (cues, "per-grant: 4", "'per grant' after normalisation"),
        (cues, "好多钱: lots", "weight must be a whole number"),
        (cues, "averige:", "unknown intent 'averige'"),
        (cues, "    预算: 2", "listed twice"),
        (places, "codes: [FR, fra]", "two or three capital letters"),
        (places, "names: [巴西, 法国", "already names france"),
        (oos, "words: [外汇牌价", "not an out-of-scope cue"),
    ]
    for path, line_text, message in want:
        where = f"{folder / path.name}:{_line_of(path, line_text)}:"
        assert any(g.startswith(where) and message in g for g in got), (where, message, *got)


def test_pinyin_words_are_checked_like_the_other_files(tmp_path):
    folder = _copy(tmp_path)
    words = folder / "pinyin_words.yaml"
    text = words.read_text(encoding="utf-8")
    text = text.replace("words: [有, 呢,", "words: [有, 呢, 呢, ok啦,\n  哪 些,", 1)
    text = text.replace("initials:\n", "initials:\n  PJ: 平均\n  jjf: jingfei\n", 1)
    text = text.replace("slips:\n", "slips:\n  平钧: average\n", 1)
    words.write_text(text, encoding="utf-8")
    with pytest.raises(V.VocabError) as err:
        V.load_vocabulary(folder, cache=False)
    got = [str(p) for p in err.value.problems]
    first = f"{words}:{_line_of(words, 'words: [有')}:"
    assert any(g.startswith(first) and "'呢' is listed twice" in g for g in got), got
    assert any(g.startswith(first) and "not written in Chinese characters" in g for g in got), got
    second = f"{words}:{_line_of(words, '哪 些')}:"
    assert any(g.startswith(second) and "'哪 些' is not written" in g for g in got), got
    for line_text, message in (
        ("  PJ: 平均", "'PJ' must be lower-case Latin letters"),
        ("  jjf: jingfei", "'jingfei' must be written in Chinese characters"),
        ("  平钧: average", "must both be written in Chinese characters"),
    ):
        where = f"{words}:{_line_of(words, line_text)}:"
        assert any(g.startswith(where) and message in g for g in got), (where, got)


def test_pinyin_words_reach_the_pinyin_reader():
    v = V.vocabulary()
    assert "多少" in v.pinyin_words and "加起来" in v.pinyin_words


def test_invalid_yaml_is_a_problem_with_a_line(tmp_path):
    folder = _copy(tmp_path)
    (folder / "places.yaml").write_text("format: 1\nplaces: [\n", encoding="utf-8")
    with pytest.raises(V.VocabError) as err:
        V.load_vocabulary(folder, cache=False)
    assert "places.yaml:" in str(err.value) and "not valid YAML" in str(err.value)


def test_checked_data_is_cached_and_reread(tmp_path, monkeypatch):
    monkeypatch.setenv("CALLBOT_CACHE_DIR", str(tmp_path / "cache"))
    first = V.load_vocabulary()
    assert list((tmp_path / "cache").glob("vocab-*.json"))

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed again despite the cache")

    monkeypatch.setattr(V, "parse_vocabulary", no_parse)
    assert V.load_vocabulary() == first
    # a changed file is a new key: parsed again, never the stale cache
    folder = _copy(tmp_path)
    with (folder / "cues.yaml").open("a", encoding="utf-8") as fh:
        fh.write("# changed\n")
    with pytest.raises(AssertionError, match="parsed again"):
        V.load_vocabulary(folder)


def test_cache_off_and_unwritable_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CALLBOT_CACHE_DIR", "off")
    assert V.load_vocabulary().cues
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CALLBOT_CACHE_DIR", str(blocker / "cache"))
    assert V.load_vocabulary().cues  # best effort: no cache, same vocabulary


def test_outside_the_call_is_not_a_partner_of_the_loaded_knowledge(knowledge):
    v = V.vocabulary()
    linked = v.partner_places(knowledge)
    assert linked["finland"] == "finland" and linked["macao"] == "macao"
    assert "france" not in linked and "japan" not in linked
    index = EntityIndex(knowledge)
    assert index.other_names["中法"] == "France" and index.other_names["french"] == "France"

    other = load_knowledge(K2024)
    linked = v.partner_places(other)
    assert linked["france"] == "france" and "italy" not in linked
    index = EntityIndex(other)
    assert "中法" not in index.other_names and "french" not in index.other_names
    assert index.other_names["意大利"] == "Italy"
    found = index.find("中法 french 法国", "中法 FR french 法国")
    assert found.ids("partner") == ["france"] and not found.other_places


def test_aspects_name_what_the_notice_does_not_give():
    v = V.vocabulary()
    assert [a.id for a in v.aspects_for(["中标率"])] == ["success_rate"]
    assert [a.id for a in v.aspects_for(["去年", "截止"])] == ["other_year", "deadline"]
    for a in v.aspects:
        assert a.name("zh-Hans") and a.name("zh-Hant") and a.name("en")


def test_one_list_of_missing_aspects_serves_cue_words_and_patterns():
    """out_of_scope.yaml is the one source: the cue words (bot/answers.py) and the patterns
    (bot/operations.py, the query rule missing_aspect) of an aspect name it the same way."""
    from bot import operations as O

    v = V.vocabulary()
    by_id = {a.id: a for a in v.aspects}
    assert [a.id for a in O.VOCAB.aspects] == [a.id for a in v.aspects if a.patterns]
    for a in O.VOCAB.aspects:
        assert (a.zh, a.en, a.absolute) == (
            by_id[a.id].zh_hans,
            by_id[a.id].en,
            by_id[a.id].absolute,
        )
    assert len(by_id) == len(v.aspects)
    assert all(a.words or a.patterns for a in v.aspects)
    # the pattern and the cue words of one aspect agree on a message
    for word, aspect in (
        ("中标率", "success_rate"),
        ("去年", "other_year"),
        ("劳务费", "allowed_costs"),
    ):
        assert [a.id for a in v.aspects_for([word])] == [aspect]
        assert [a.id for a in O.missing_aspects(word)][:1] == [aspect]


def test_an_aspect_pattern_error_names_its_line(tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(Path(V.__file__).parent / "data", folder)
    oos = folder / "out_of_scope.yaml"
    good = "'中标率|立项率|成功率"
    text = oos.read_text(encoding="utf-8").replace(good, "'中标率(|立项率|成功率", 1)
    oos.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "'中标率(|立项率" in s)
    with pytest.raises(V.VocabError, match=rf"out_of_scope.yaml:{line}: aspects\[0\]\.patterns"):
        V.load_vocabulary(folder, cache=False)


@pytest.mark.parametrize(
    ("message", "partners", "outside"),
    [
        ("LIST ALL DIRECTIONS IN THE CALL", [], []),
        ("ANY MONEY IN AI", [], []),
        ("WHAT IS THE BUDGET FOR IT", [], []),
        ("IT budget", ["italy"], []),
        ("the US programme?", [], ["the United States"]),
        ("WHAT IS THE DE BUDGET", ["germany"], []),
    ],
)
def test_codes_in_a_message_written_in_capitals(knowledge, message, partners, outside):
    """IN, IT, US in a message written in capitals are English words, not India, Italy or the
    United States; codes that are no English word still count."""
    from textnorm.normalize import normalize

    found = EntityIndex(knowledge).find(normalize(message), message)
    assert found.ids("partner") == partners
    assert found.other_places == outside


def test_sentence_shapes_are_checked(tmp_path):
    folder = _copy(tmp_path)
    shapes = folder / "shapes.yaml"
    text = shapes.read_text(encoding="utf-8")
    text = text.replace("  money_number: '", "  money_number: '(unclosed", 1)
    text = text.replace("<<amount>>\\s*(?:(?P<ge>", "<<amont>>\\s*(?:(?P<ge>", 1)
    text = text.replace("currency, intent: budget", "currency, intent: budjet", 1)
    shapes.write_text(text, encoding="utf-8")
    with pytest.raises(V.VocabError) as err:
        V.load_vocabulary(folder, cache=False)
    got = [str(p) for p in err.value.problems]
    want = [
        ("money_number: '(unclosed", "not a valid regular expression"),
        ("threshold_after:", "unknown part <<amont>>"),
        ("pattern: currency", "unknown intent 'budjet'"),
    ]
    for line_text, message in want:
        where = f"{shapes}:{_line_of(shapes, line_text)}:"
        assert any(g.startswith(where) and message in g for g in got), (where, message, *got)
    assert not any("is missing" in g for g in got)  # a broken pattern is not also "missing"


def test_shapes_read_as_before():
    from bot.frames import find_threshold, topic_frame

    assert find_threshold("经费超过5000万的方向", "total") == (">", 5000.0)
    assert find_threshold("1亿以上", None) == (">=", 10000.0)
    assert find_threshold("fewer than 10 projects", None) == ("<", -10.0)
    assert topic_frame("哪些方向支持氢能")


def test_check_command(tmp_path, capsys):
    assert V.main([]) == 0
    assert "OK" in capsys.readouterr().out
    folder = _copy(tmp_path)
    (folder / "cues.yaml").write_text("format: 2\nintents: {}\nflags: {}\n", encoding="utf-8")
    assert V.main([str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'cues.yaml'}:1: format: format must be 1" in err
