"""A sweep of mixed messages (issue 8, point 4): a named direction, a figure the notice gives
(total, count, average, fields, period) and an aspect it does not give (deadline, success rate,
eligibility, other years, allowed costs, the partner side's own funding, limits on applications,
review, matching funds), asked in one message (either order) or the missing aspect alone: as a
follow-up about "it", or beside the named direction. A mixed message gets the figure asked and
names the missing aspect (intent unknown); the missing aspect alone gets the unknown reply that
names it and never the direction's card."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.asking import FIGURES, ask

# directions by language: (how the user names it, its id)
NAMES = {
    "hans": [
        ("中芬", "intl-1.6"),
        ("以色列方向", "intl-1.9"),
        ("中德科技合作", "intl-1.8"),
        ("俄罗斯那个方向", "intl-2.5"),
        ("内地与澳门联合资助", "hmt-1.1"),
        ("中韩能源技术", "intl-2.1"),
        ("阿根廷", "intl-2.4"),
        ("中意项目", "intl-1.2"),
        ("中西科技合作", "intl-1.3"),
    ],
    "hk": [
        ("中芬", "intl-1.6"),
        ("以色列嗰個方向", "intl-1.9"),
        ("中德", "intl-1.8"),
        ("俄羅斯", "intl-2.5"),
        ("澳門方向", "hmt-1.1"),
        ("中韓能源", "intl-2.1"),
        ("阿根廷嗰個", "intl-2.4"),
        ("意大利", "intl-1.2"),
        ("中奧產學研", "intl-1.7"),
    ],
    "tw": [
        ("中芬計畫", "intl-1.6"),
        ("以色列", "intl-1.9"),
        ("中德合作", "intl-1.8"),
        ("中俄科技合作", "intl-2.5"),
        ("內地與澳門", "hmt-1.1"),
        ("中韓能源技術", "intl-2.1"),
        ("阿根廷方向", "intl-2.4"),
        ("中意", "intl-1.2"),
        ("西班牙", "intl-1.3"),
    ],
    "en": [
        ("the China–Finland direction", "intl-1.6"),
        ("Israel", "intl-1.9"),
        ("the Germany programme", "intl-1.8"),
        ("China–Russia", "intl-2.5"),
        ("the Macao call", "hmt-1.1"),
        ("Korea energy technology", "intl-2.1"),
        ("Argentina", "intl-2.4"),
        ("the Italy direction", "intl-1.2"),
        ("Spain", "intl-1.3"),
    ],
    "nn": [
        ("Finland direction", "intl-1.6"),
        ("israel program", "intl-1.9"),
        ("China Germany cooperation", "intl-1.8"),
        ("russia one", "intl-2.5"),
        ("Macao joint funding", "hmt-1.1"),
        ("korea energy", "intl-2.1"),
        ("argentina", "intl-2.4"),
        ("Italy", "intl-1.2"),
        ("austria industry academia", "intl-1.7"),
    ],
}

# the ask the notice answers, by language: {name} is the direction
ASKS = {
    "hans": {
        "total": ["{name}总经费多少", "{name}一共有多少钱", "{name}的国拨经费总额是多少"],
        "count": ["{name}资助几个项目", "{name}支持多少个项目"],
        "average": ["{name}平均每个项目多少钱", "{name}单个项目平均能拿多少"],
        "fields": ["{name}支持哪些领域", "{name}资助什么方向的研究"],
        "period": ["{name}项目执行期多长", "{name}项目周期是几年"],
    },
    "hk": {
        "total": ["{name}總經費有幾多", "{name}一共有幾多錢"],
        "count": ["{name}資助幾多個項目", "{name}支持幾個項目"],
        "average": ["{name}平均每個項目有幾多錢", "{name}每個項目平均攞到幾多"],
        "fields": ["{name}支持邊啲領域", "{name}資助咩範疇"],
        "period": ["{name}項目做幾耐", "{name}項目週期係幾年"],
    },
    "tw": {
        "total": ["{name}總經費是多少", "{name}的經費總額多少"],
        "count": ["{name}會補助幾件計畫", "{name}資助幾個項目"],
        "average": ["{name}平均每件計畫多少錢", "{name}平均每項經費多少"],
        "fields": ["{name}有哪些領域", "{name}支援哪些研究領域"],
        "period": ["{name}執行期間多長", "{name}計畫期程是幾年"],
    },
    "en": {
        "total": [
            "what is the total budget of {name}",
            "how much money does {name} have in total",
        ],
        "count": ["how many projects will {name} fund", "how many projects does {name} support"],
        "average": [
            "what is the average funding per project for {name}",
            "how much does one project get on average in {name}",
        ],
        "fields": ["which fields does {name} cover", "what research areas are in {name}"],
        "period": [
            "how long do projects run in {name}",
            "what is the project duration for {name}",
        ],
    },
    "nn": {
        "total": ["{name} total money how much", "how much budget {name} have"],
        "count": ["how many project {name} will support", "{name} number of project is how many"],
        "average": [
            "{name} average for one project is how much",
            "each project in {name} get how much",
        ],
        "fields": ["{name} which area they fund", "what topics {name} is include"],
        "period": ["{name} project is how long time", "how many years the project of {name} run"],
    },
}

# the aspect the notice does not give, by language: (wording, accepted ids of query.missing)
UNKNOWN = {
    "deadline": {
        "hans": ["申报截止日期是什么时候", "什么时候截止"],
        "hk": ["幾時截止申請", "截止日期係幾時"],
        "tw": ["申請截止日是哪天", "收件截止時間是什麼時候"],
        "en": ["when is the application deadline", "what is the deadline"],
        "nn": ["when is deadline for submit", "deadline is which day"],
    },
    "success_rate": {
        "hans": ["中标率大概多少", "获批的概率高吗"],
        "hk": ["中標率高唔高", "成功率大概幾多"],
        "tw": ["核定率大概多少", "通過率高嗎"],
        "en": ["what is the success rate", "how good are our chances of getting funded"],
        "nn": ["success rate is high or low", "how much chance we get the funding"],
    },
    "eligibility": {
        "hans": ["企业可以牵头申报吗", "博士后能当项目负责人吗"],
        "hk": ["私營公司可唔可以做牽頭單位", "博士後可唔可以做負責人"],
        "tw": ["民間企業可以當主持單位嗎", "博士後研究員可以擔任計畫主持人嗎"],
        "en": ["can a private company be the lead applicant", "may a postdoc be the PI"],
        "nn": ["company can be lead applicant or not", "postdoc can apply as PI?"],
    },
    "other_year": {
        "hans": ["2024年还会有吗", "2022年的时候是多少"],
        "hk": ["2024年仲會唔會有", "2022年嗰陣有幾多"],
        "tw": ["2024年還會再開嗎", "2022年的情況如何"],
        "en": ["will it run again in 2024", "what was it in 2022"],
        "nn": ["in 2024 there is again this call?", "how was it in 2022 year"],
    },
    "costs": {
        "hans": ["经费能不能发人员工资", "管理费可以提多少比例"],
        "hk": ["經費可唔可以用嚟出人工", "間接費用佔幾多"],
        "tw": ["經費可以支付人事費嗎", "管理費可以編多少比例"],
        "en": ["can the money pay salaries", "what is the overhead rate"],
        "nn": ["money can use for salary of students?", "overhead how many percent allowed"],
    },
    "partner_funding": {
        "hans": ["外方也会出钱吗", "对方国家那边的经费谁出"],
        "hk": ["外方會唔會都出錢", "對方嗰邊嘅經費邊個出"],
        "tw": ["外方也會出資嗎", "合作國那邊的經費由誰支付"],
        "en": [
            "does the partner side fund its own researchers",
            "who pays the foreign partner's part",
        ],
        "nn": ["the partner country side also give money?", "foreign side money who pay"],
    },
    "limits": {
        "hans": ["一个人最多能申报几项", "同一单位可以报几个"],
        "hk": ["一個人最多可以申請幾多份", "同一間大學可以報幾多個"],
        "tw": ["一人最多可以申請幾件", "同一學校可以提幾件"],
        "en": [
            "how many applications may one PI submit",
            "can one university submit several proposals",
        ],
        "nn": [
            "one person can submit how many application",
            "how many proposal one university can send",
        ],
    },
    "review": {
        "hans": ["评审是怎么进行的", "由谁来评审"],
        "hk": ["評審點樣做", "邊個負責評審"],
        "tw": ["審查流程是怎樣", "由誰審查"],
        "en": ["how are proposals evaluated", "who reviews the proposals"],
        "nn": ["how they do the evaluation", "who will review the proposal"],
    },
    "matching": {
        "hans": ["需要单位配套经费吗", "要不要1:1配套"],
        "hk": ["使唔使配套資金", "要唔要1:1配套"],
        "tw": ["需要配合款嗎", "需要自籌配套經費嗎"],
        "en": ["are matching funds required", "do we need co-funding from our university"],
        "nn": ["matching fund is need?", "we must put our own money also?"],
    },
}

# the ids of query.missing that name each aspect of the grid
MISSING_IDS = {
    "deadline": {"deadline"},
    "success_rate": {"success_rate"},
    "eligibility": {"eligibility", "participants"},
    "other_year": {"other_year"},
    "costs": {"allowed_costs", "indirect_costs"},
    "partner_funding": {"partner_funding", "matching_funds"},
    "limits": {"limits"},
    "review": {"review"},
    "matching": {"matching_funds", "partner_funding"},
}

# joining two clauses, by language and order
JOIN = {
    "hans": ["{a}？{b}？", "请问{a}，另外{b}？", "{a}；还有{b}"],
    "hk": ["{a}？{b}？", "想問下{a}，仲有{b}？", "{a}呀？另外{b}"],
    "tw": ["{a}？{b}？", "請問{a}，另外{b}？", "{a}？還有，{b}？"],
    "en": ["{a}? And {b}?", "Hi, {a}, and also {b}?", "{a}? Also, {b}?"],
    "nn": ["{a}? and {b}?", "{a}, also {b}", "Hello sir, {a}? {b}?"],
}

# the follow-up about "it", by language
FOLLOW = {
    "hans": ["那它{b}？", "这个方向{b}？"],
    "hk": ["咁佢{b}？", "呢個方向{b}？"],
    "tw": ["那這個計畫{b}？", "那它{b}？"],
    "en": ["and for it, {b}?", "OK. For this one, {b}?"],
    "nn": ["and for this one {b}?", "ok and {b} for it?"],
}

ASPECTS = list(UNKNOWN)
ORDERS = ["ask_first", "unknown_first", "follow_up"]
LANGS = list(NAMES)
MEASURES = ["total", "count", "average", "fields", "period"]


def _cells() -> list[tuple[str, tuple[str, ...], str, str, str, str]]:
    """(cell id, turns, order, aspect, measure, direction id): every aspect x order x language,
    the direction, the measure and the wordings rotated over the cells."""
    cells = []
    n = 0
    for ai, aspect in enumerate(ASPECTS):
        for oi, order in enumerate(ORDERS):
            for li, lang in enumerate(LANGS):
                name, pid = NAMES[lang][(ai + oi * 2 + li) % len(NAMES[lang])]
                measure = MEASURES[(ai + oi + li * 2) % len(MEASURES)]
                if measure == "period" and pid.startswith("hmt"):
                    measure = "total"  # the notice gives no period for that call
                asks = ASKS[lang][measure]
                a = asks[n % len(asks)].format(name=name)
                unk = UNKNOWN[aspect][lang]
                b = unk[(n // 2) % len(unk)].rstrip("?")
                if order == "follow_up":
                    fol = FOLLOW[lang][n % len(FOLLOW[lang])]
                    turns: tuple[str, ...] = (
                        a + ("?" if lang in ("en", "nn") else "？"),
                        fol.format(b=b),
                    )
                    if n % 3 == 0:
                        # the missing aspect alone, beside the named direction
                        sep = " " if lang in ("en", "nn") else ""
                        turns = (
                            name
                            + ("," if lang in ("en", "nn") else "，")
                            + sep
                            + b
                            + ("?" if lang in ("en", "nn") else "？"),
                        )
                else:
                    join = JOIN[lang][n % len(JOIN[lang])]
                    x, y = (a, b) if order == "ask_first" else (b, a)
                    turns = (join.format(a=x, b=y),)
                cells.append((f"{aspect}-{order}-{lang}-{n}", turns, order, aspect, measure, pid))
                n += 1
    return cells


CELLS = _cells()


def figures(knowledge, pid: str, measure: str, lang: str) -> list[str]:
    """Strings any of which shows the figure ``measure`` of ``pid`` in a reply in ``lang``."""
    d = knowledge.direction_by_id[pid]
    f = d.funding[0]
    english = lang in ("en", "nn")
    if measure == "period":
        return ["2~3"]
    if measure == "fields":
        t = d.fields[0]
        return [t.en if english else t.zh_hant if lang in ("hk", "tw") else t.zh_hans]
    if measure == "count":
        return [str(f.projects.count)]
    wan = f.total if measure == "total" else f.average
    if english:
        return [f"CNY {wan / 100:g} million"]
    return [f"{wan}万元", f"{wan}萬元"]


def failure(engine: Engine, knowledge, cell) -> str | None:
    """Why the reply to the cell's turns fails it, or None."""
    _, turns, order, aspect, measure, pid = cell
    lang = cell[0].split("-")[2]
    r = ask(engine, *turns)
    missing = set(r["query"].get("missing", []))
    if r["intent"] != "unknown":
        return f"intent {r['intent']} {r['programs']}"
    if not missing & MISSING_IDS[aspect]:
        return f"missing {sorted(missing)} not {aspect}"
    if len(turns) == 1 and order == "follow_up":
        if any(f in r["text"] for f in FIGURES):
            return "a figure beside the missing aspect alone"
    elif order != "follow_up":
        want = figures(knowledge, pid, measure, lang)
        if not any(f in r["text"] for f in want):
            return f"no figure {want}"
    elif any(f in r["text"] for f in FIGURES):
        return "a figure in the follow-up"
    return None


@pytest.mark.parametrize("cell", CELLS, ids=[c[0] for c in CELLS])
def test_cell(engine: Engine, knowledge, cell) -> None:
    assert failure(engine, knowledge, cell) is None, (cell[1], failure(engine, knowledge, cell))


# kinds found by rotating the grid: a learner's clauses joined by "also" without a question
# mark, "使唔使" / "谁出" asking, "同一单位可以报几个" (never the count), the period asked as
# "one project is how long time"
@pytest.mark.parametrize(
    ("text", "aspect", "figure"),
    [
        (
            "postdoc can be the PI or not, also Finland direction total budget how much",
            "eligibility",
            "CNY 60 million",
        ),
        (
            "foreign side money who pay, also korea energy number of project how many",
            "partner_funding",
            "2",
        ),
        ("使唔使學校配套資金，仲有中芬總經費有幾多？", "matching", "6000萬元"),
        ("需不需要配套经费，另外以色列方向平均每项多少钱？", "matching", "200万元"),
        ("合作方那边的钱谁出；还有中德项目周期多长", "partner_funding", "2~3"),
        (
            "Hello, germany one project is how long time? the foreign side also give money?",
            "partner_funding",
            "2~3",
        ),
    ],
)
def test_learner_and_chat_questions(engine: Engine, text: str, aspect: str, figure: str) -> None:
    r = ask(engine, text)
    assert r["intent"] == "unknown", r
    assert set(r["query"].get("missing", [])) & MISSING_IDS[aspect], r["query"]
    assert figure in r["text"], r["text"]


@pytest.mark.parametrize(
    "turns",
    [
        ("以色列方向支持多少个项目？", "这个方向同一单位可以报几个？"),
        ("中德項目總經費幾多？", "同一間大學可以報幾多個？"),
        ("How much is the Finland direction?", "and how many proposal one university can send?"),
    ],
)
def test_limits_asked_after_a_figure_gives_no_figure(engine: Engine, turns: tuple) -> None:
    r = ask(engine, *turns)
    assert r["intent"] == "unknown", r
    assert "limits" in r["query"].get("missing", []), r["query"]
    assert not any(f in r["text"] for f in FIGURES), r["text"]


@pytest.mark.parametrize(
    ("turns", "aspect", "figure"),
    [
        (
            ("What's the budget for Israel and what's the success rate?",),
            "success_rate",
            "20 million",
        ),
        (
            ("How many projects does Spain fund and how are the proposals evaluated?",),
            "review",
            "20",
        ),
        (("Germany: fields? Also is 1:1 matching required?",), "matching", "hydrogen"),
        (("中俄項目每項平均幾多錢？可唔可以用嚟請博士後人工？",), "costs", "300"),
        (("阿根廷方向總經費多少？同一位老師最多可以申請幾件？",), "limits", "200"),
        (("意大利方向几年？有没有年龄限制？",), "eligibility", "2~3"),
        (("澳門方向總經費？", "咁評審係點樣？"), "review", None),
        (("中德项目多少钱？", "它的中标率高吗？"), "success_rate", None),
    ],
)
def test_more_wordings(engine: Engine, turns: tuple, aspect: str, figure: str | None) -> None:
    r = ask(engine, *turns)
    assert r["intent"] == "unknown", r
    assert set(r["query"].get("missing", [])) & MISSING_IDS[aspect], r["query"]
    if figure:
        assert figure in r["text"], r["text"]
    else:
        assert not any(f in r["text"] for f in FIGURES), r["text"]
