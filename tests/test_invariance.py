"""Metamorphic invariance (issue 8, "Measured, not assumed"): every in-scope question of the
project's sets, wrapped in its own language with a greeting, thanks, an emoji or a sentence of
context about the asker, keeps its intent, directions and figures in at least 99% of items.
The wrappers and the measure are in tests/invariance.py; the figure is printed (pytest -s)."""

from bot.courtesy import question
from tests.invariance import WRAPPERS, in_scope, measure
from tests.test_question_set import SETS

FOLDERS = SETS  # every asserted set, the first-contact ones included


def test_wrapping_a_question_leaves_its_answer_unchanged(engine):
    items = in_scope(FOLDERS)
    assert len(items) > 4000
    # one wrapping per item, rotating, so every wrapper of every language is used many times
    held, moved = measure(engine, items, per_item=1)
    rate = held / len(items)
    print(f"\ninvariance: {held}/{len(items)} = {100 * rate:.2f}%")
    shown = "\n".join(
        f"{i['id']}: {bad[0][0]!r} {bad[0][1][:2]} -> {bad[0][2][:2]}" for i, bad in moved[:20]
    )
    assert rate >= 0.99, shown


def test_every_language_has_several_wrappers_of_each_kind():
    for lang, wrappers in WRAPPERS.items():
        assert sum(1 for p, s in wrappers if p) >= 3, lang
        assert sum(1 for p, s in wrappers if s) >= 3, lang


def test_courtesy_is_taken_off_the_question(engine):
    index = engine._state[1]
    cases = [
        ("老师您好，我们是某大学科研处的，介绍一下芬兰方向", "介绍一下芬兰方向"),
        ("各位老师好，我是学院负责科研管理的老师，帮领导问一下：资助几个", "资助几个"),
        ("我是一名博士后，刚入职不久。那它支持哪些领域", "那它支持哪些领域"),
        ("Good morning. and the fewest? Thank you very much.", "and the fewest?"),
        (
            "Hi, I'm a postdoc at a university. Which direction has the biggest budget?",
            "Which direction has the biggest budget?",
        ),
        ("最少的呢谢谢！", "最少的呢"),
        ("以色列呢？我们是高校科研处的。", "以色列呢？"),
        (
            "How many projects does Finland fund? We are from a university research office.",
            "How many projects does Finland fund?",
        ),
        ("邊個方向有燃料電池唔該晒", "邊個方向有燃料電池"),
        (
            "Which programme funds the most projects? thank you! 🙏",
            "Which programme funds the most projects?",
        ),
    ]
    for text, want in cases:
        assert question(text, index) == want, text


def test_what_names_the_notice_or_is_all_there_is_stays(engine):
    index = engine._state[1]
    for text in (
        "你好",
        "谢谢",
        "🙏",
        "Spain: total, number of projects and fields please",
        "side-by-side: Germany and the South Africa flagship",
        # the university may be what names the partner: a context sentence that names
        # something of the notice is kept
        "I'm at the University of Helsinki in Finland. How much is the budget?",
        "好多钱",
    ):
        assert question(text, index) == text, text
