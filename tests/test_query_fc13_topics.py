"""Topics behind a sentence of context (fc13/fc14, i8-topics): an everyday word of the context
(研究中心) is not a name guessed by sound; ageing worded as 高龄, 健康老龄化, 老年医学 or
"healthy ageing" is the ageing field, the narrowest topic; one compound of two topics named
twice ("新冠疫苗 … 新冠病毒疫苗") is the directions on both, while a list of alternatives stays
any of them. Each on messages other than the sets' own, in zh-Hans, zh-Hant and English."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import ask


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("我们实验室和莫斯科一家研究中心合作做低碳技术，中俄方向资助多少个项目？", "intl-2.5"),
        ("我們和以色列一個研究中心有合作，中以方向總經費多少？", "intl-1.9"),
        ("我们是材料研究中心的，请问中德方向平均每项多少钱？", "intl-1.8"),
    ],
)
def test_research_centre_is_not_a_name(engine: Engine, text: str, want: str) -> None:
    reply = ask(engine, text)
    assert reply["query"]["groups"] == [[want]], reply["query"]


@pytest.mark.parametrize(
    "text",
    [
        "我们课题组做老年医学和健康老龄化研究，哪个方向最合适？",
        "本所專注高齡化與長者照護研究，請問有對應的方向嗎？",
        "Our lab works on healthy ageing and geriatrics. Which direction fits us?",
        "Is there any programme on gerontology?",
        "老师您好！我们课题组做老年医学和健康老龄化研究，哪个方向最合适？谢谢！",
        "Hi! Our lab works on healthy ageing and geriatrics. Which direction fits us? Thanks!",
    ],
)
def test_ageing_wordings_are_the_ageing_field(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert reply["query"]["topics"] == ["ageing"], reply["query"]
    assert "intl-1.6" in reply["text"] or "1.6" in reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "我们做过新冠疫苗的动物实验，哪些方向提到新冠病毒疫苗？",
        "我們做過新冠疫苗的臨床研究，請問哪個計畫寫了新冠病毒疫苗？",
    ],
)
def test_one_compound_named_twice_is_both_topics(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    q = reply["query"]
    assert q["topic_mode"] == "intersection" and set(q["topics"]) == {"covid", "vaccines"}, q
    assert "2.5" in reply["text"] and "1.9" not in reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "新冠疫苗、传染病防控相关的可以申报哪些方向？",
        "新冠疫苗、傳染病防控相關的可以申請哪些方向？",
        "Which directions cover COVID vaccines or infectious diseases?",
    ],
)
def test_a_list_of_alternatives_stays_any_of_them(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    assert "1.9" in reply["text"] and "2.5" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "除了以色列，还有哪些方向也涉及水处理？",
        "除咗以色列，仲有邊啲方向都有水處理？",
        "Apart from Israel, which other programmes deal with water too?",
    ],
)
def test_others_on_topic_beside_a_name_in_the_question(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    q = reply["query"]
    assert q["intent"] == "topic" and "intl-1.9" in q.get("excluded", []), q
    assert "1.3" in reply["text"] and "1.9 " not in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "For the Russia direction, which fields? We are Italian and our Chinese partner also has "
        "a Russian partner.",
        "俄罗斯方向资助哪些领域？我们是意大利的团队，中方伙伴也有俄罗斯合作方。",
        "俄羅斯方向資助哪些領域？我們是義大利團隊，中方夥伴也有俄羅斯合作方。",
    ],
)
def test_partner_of_a_sentence_about_the_asker_is_not_asked(engine: Engine, text: str) -> None:
    reply = ask(engine, text)
    q = reply["query"]
    assert q["intent"] == "fields" and q["groups"] == [["intl-2.5"]], q
