"""The answering core: one call from a message to a reply, shared by the CLI, the terminal chat,
the tests and the Telegram handlers. It knows nothing about Telegram.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace

from bot import intents as L
from bot.answers import Answer, Suggestion
from bot.context import ContextStore, Turn
from bot.courtesy import after_stated_work, question
from bot.entities import DIRECTION, EntityIndex
from bot.execute import execute
from bot.glued import unglued
from bot.operations import compile_now
from bot.pinyin_text import shorthand_chinese, spelled_chinese
from bot.query import Query, build_query, from_understanding, whole_call
from bot.render import to_plain
from bot.understand import Understanding, understand
from knowledge.model import Knowledge

LOW_CONFIDENCE = 0.5
HISTORY = 4  # things named in earlier turns that "这两个" / "both" can refer to
MAX_QUOTED = 500  # characters of a quoted message read as context; the rest is dropped


@dataclass
class Reply:
    intent: str
    programs: list[str]
    lang: str
    html: str
    text: str
    confidence: float = 1.0
    suggestions: list[Suggestion] = field(default_factory=list)
    focus: list[str] | None = None
    query: dict | None = None  # the query executed, as JSON
    rules: list[str] = field(default_factory=list)  # the decisions that built it

    def to_json(self) -> dict:
        out = {
            "intent": self.intent,
            "programs": self.programs,
            "lang": self.lang,
            "text": self.text,
            "confidence": round(self.confidence, 2),
        }
        if self.query is not None:
            out["query"] = self.query
            out["rules"] = self.rules
        return out


UnansweredHook = Callable[[str, Understanding], None]


class Engine:
    """Knowledge + indexes + conversation memory. ``swap`` replaces the knowledge atomically."""

    def __init__(
        self,
        knowledge: Knowledge,
        contexts: ContextStore | None = None,
        on_unanswered: UnansweredHook | None = None,
    ):
        self._state = (knowledge, EntityIndex(knowledge))
        self.contexts = contexts or ContextStore()
        self.on_unanswered = on_unanswered
        self._swap_lock = threading.Lock()

    @property
    def knowledge(self) -> Knowledge:
        return self._state[0]

    def prepare(self) -> int:
        """Compile the vocabulary's patterns now, not on the first messages that use them (a
        bot serving for hours calls this at start; the one-off `callbot ask` does not)."""
        return compile_now()

    def swap(self, knowledge: Knowledge) -> None:
        """Build the new indexes first, then switch in one assignment: no turn sees a mix."""
        index = EntityIndex(knowledge)
        with self._swap_lock:
            self._state = (knowledge, index)

    def ask(
        self,
        text: str,
        session: Hashable = "default",
        lang: str | None = None,
        remember: bool = True,
        log_unanswered: bool = True,
        quoted: str | None = None,
    ) -> Reply:
        """Answer one message of the conversation ``session``; ``remember=False`` answers without
        reading or writing its context (inline queries, previews). ``log_unanswered=False``: text
        that is not a user's question (button data, which anyone can forge) is never logged.
        ``quoted``: a message the question replies to; what it names is the context ("这个多少钱"),
        ahead of the conversation's own last turn."""
        knowledge, index = self._state
        last = self.contexts.get(session) if remember else None
        text = text if isinstance(text, str) else str(text)
        if quoted:
            last = self._quoted_turn(quoted, index, knowledge, last) or last
        # Chinese typed in pinyin with the input method off is read as the Chinese it spells
        said = shorthand_chinese(spelled_chinese(unglued(text, knowledge), knowledge))
        # a greeting, thanks or a sentence about the asker never outranks the question
        asked = question(said, index)
        u = understand(asked, index, last)
        u = _without_stated_work(u, asked, index, last)
        if lang in ("zh-Hans", "zh-Hant", "en"):
            u.lang = lang
        q = build_query(u, index, last)
        reply = self._run(q, knowledge)
        if remember:
            self._remember(session, u, reply, last, q)
        unsure = reply.intent == L.UNKNOWN or u.confidence < LOW_CONFIDENCE
        if self.on_unanswered and log_unanswered and unsure:
            # logging what went unanswered must never cost the user an answer
            with contextlib.suppress(Exception):
                self.on_unanswered(text, u)
        return reply

    def _quoted_turn(
        self, quoted: str, index: EntityIndex, knowledge: Knowledge, last: Turn | None
    ) -> Turn | None:
        """The turn a quoted message would have left, as if it had been asked on its own in a
        scratch conversation; None when it names nothing. The asker's earlier things stay in its
        history (for "这两个") and the asker's language is kept."""
        text = quoted if isinstance(quoted, str) else str(quoted)
        u = understand(text[:MAX_QUOTED], index, None)
        if u.intent in (L.UNKNOWN, L.HELP) or not (u.groups or u.topics):
            return None
        q = build_query(u, index, None)
        scratch = ContextStore()
        self._remember("quoted", u, self._run(q, knowledge), None, q, store=scratch)
        turn = scratch.get("quoted")
        if turn is None or not turn.groups:
            return None
        if last is None:
            return turn
        history = [g for g in last.history if g not in turn.history] + list(turn.history)
        return replace(turn, lang=last.lang, history=tuple(history[-HISTORY:]))

    def ask_about(
        self,
        intent: str,
        programs: list[str],
        session: Hashable = "default",
        lang: str = "zh-Hans",
        remember: bool = True,
    ) -> Reply:
        """Answer an intent for given directions directly (buttons, deep links, inline cards):
        the same Query and execute as ``ask``, built from the button's intent and directions
        instead of from text (rule ``asked_about``)."""
        knowledge, _ = self._state
        known = [p for p in programs if p in knowledge.direction_by_id]
        u = Understanding(
            text="",
            norm="",
            lang=lang,
            intent=intent
            if known or intent in (L.OVERVIEW, L.PARTNERS, L.HELP, L.RANK)
            else L.UNKNOWN,
            groups=[[p] for p in known] if intent != L.DETAIL else [known] if known else [],
        )
        if intent in (L.BUDGET, L.AVERAGE, L.COUNT):
            u.metric = {L.BUDGET: "total", L.AVERAGE: "average", L.COUNT: "count"}[intent]
        if intent == L.RANK:
            u.metric, u.order = "total", "max"
        q = from_understanding(u)
        q.rules.append("asked_about")
        reply = self._run(q, knowledge)
        if remember:
            self._remember(session, u, reply, self.contexts.get(session), q)
        return reply

    def _run(self, q: Query, knowledge: Knowledge) -> Reply:
        a: Answer = execute(q, knowledge)
        return Reply(
            focus=a.focus,
            intent=q.intent,
            programs=a.programs,
            lang=q.lang,
            html=a.html,
            text=to_plain(a.html),
            confidence=q.understanding.confidence if q.understanding else 1.0,
            suggestions=a.suggestions,
            query=q.to_json(),
            # the understanding's decisions, then the query's (after "understood")
            rules=[*(q.understanding.rules if q.understanding else []), *q.rules],
        )

    def _remember(
        self,
        session: Hashable,
        u: Understanding,
        reply: Reply,
        last: Turn | None,
        q: Query | None = None,
        store: ContextStore | None = None,
    ) -> None:
        contexts = self.contexts if store is None else store
        # a group named again moves to the end; by sets, since a topic in a large file names
        # hundreds of groups ("寒国能源" with 1,600 directions took 8 ms as list removals)
        named = list(dict.fromkeys(tuple(g) for g in reversed(u.groups)))[::-1]
        again = set(named)
        old = [h for h in (last.history if last else ()) if h not in again]
        history = [*old, *named][-HISTORY:]
        about = [tuple(g) for g in q.about] if q is not None and u.intent == L.UNKNOWN else []
        if about:
            # an aspect the notice lacks, asked of named directions ("中芬项目的经费能汇到芬兰
            # 吗"): they are what a next "那总经费多少" is about
            kept = [h for h in history if h not in about]
            contexts.put(
                session,
                Turn(
                    # the period of a call without one, asked again of another ("中德呢？"),
                    # is that one's period; another aspect leaves no intent to carry
                    (q.carry if q is not None else None) or L.UNKNOWN,
                    tuple(about),
                    lang=u.lang,
                    history=tuple([*kept, *about][-HISTORY:]),
                    missing=tuple(q.missing) if q is not None else (),
                ),
            )
            return
        if u.intent in (L.UNKNOWN, L.HELP):
            if last:  # keep what the conversation was about; only the language moves on
                contexts.put(
                    session,
                    Turn(
                        last.intent,
                        last.groups,
                        last.topics,
                        last.metric,
                        last.order,
                        last.scope,
                        u.lang,
                        history=tuple(history),
                        chain=last.chain,
                        answered=last.answered,
                        calls=last.calls,
                        tracks=last.tracks,
                        listed=last.listed,
                    ),
                )
            return
        if u.intent == L.RANK:  # "它研究什么" after a ranking is about the winner
            groups = (tuple(reply.focus),) if reply.focus else ()
        elif q is not None and q.op in ("filter_sum", "top_sum"):
            # what was added up, for "再加上德国的" after "总经费低于1000万的方向加起来多少"
            groups = tuple((p,) for p in reply.programs)
        elif u.intent in (L.TOPIC, L.PARTNERS):
            groups = tuple((p,) for p in reply.programs) if u.intent == L.TOPIC else ()
        else:
            groups = tuple(tuple(g) for g in u.groups)
        contexts.put(
            session,
            Turn(
                u.intent,
                groups,
                tuple(u.topics),
                u.metric,
                u.order,
                u.scope,
                u.lang,
                history=tuple(history),
                chain=_chain(u, reply, last, q),
                answered=tuple(reply.programs) if u.intent in (L.RANK, L.TOPIC) else (),
                compared=_compared(u, q, last),
                share_of=tuple(q.calls) if q is not None and q.op == "share" else (),
                calls=_calls(u, q, last, self._state[0]),
                bounds=tuple((op, v) for op, v in q.bounds)
                if q is not None and q.op == "filter" and not q.also
                else (),
                tracks=_tracks(q, last, _chain(u, reply, last, q)),
                listed=_listed(u, reply, last, groups),
                asks=tuple(q.asks) if q is not None and q.op == "compare" else (),
            ),
        )


# what a question asks on its own, whatever work of the asker's was stated before it: a
# ranking, a filter, the call's overview, help, or a direction it names
_STANDS_ALONE = (L.RANK, L.OVERVIEW, L.HELP, L.PARTNERS, L.PERIOD)
_NAMED_STANDS = (L.BUDGET, L.AVERAGE, L.COUNT, L.DETAIL, L.COMPARE, L.FIELDS)


def _without_stated_work(
    u: Understanding, asked: str, index: EntityIndex, last: Turn | None
) -> Understanding:
    """The understanding of the question without a first sentence that states the asker's own
    work ("我们课题组做水处理。这个专项总体情况怎么样？"), when the question stands without it: the
    same question must get the same answer with or without such context."""
    if not u.topics:
        return u
    rest = after_stated_work(asked, index)
    if rest is None:
        return u
    alone = understand(rest, index, last)
    if alone.topics or alone.intent == L.UNKNOWN:
        return u
    # a follow-up ("And the average?") names the previous answer's directions
    named = alone.groups or (last is not None and alone.from_context)
    if alone.intent in _STANDS_ALONE or (named and alone.intent in _NAMED_STANDS):
        alone.rules.append("stated_work_set_aside")
        return alone
    return u


def _listed(u: Understanding, reply: Reply, last: Turn | None, groups: tuple) -> tuple:
    """The directions of the last list answer: those a topic or ranking listed, still kept
    while the turns after it ask of one of them ("哪些方向支持氢能 → 德国那个多少钱")."""
    if u.intent in (L.RANK, L.TOPIC) and len(reply.programs) >= 2:
        return tuple(reply.programs)
    if "filter_list_without_some" in u.rules:
        # the list with some set aside is the list now: "剩下的" after it is these
        return tuple(reply.programs)
    ids = {d for g in groups for d in g}
    if last and last.listed and ids and ids < set(last.listed):
        return last.listed
    return ()


def _tracks(q: Query | None, last: Turn | None, chain: tuple) -> tuple[tuple[str, int], ...]:
    """The tracks the conversation narrowed directions to: this turn's, and the last turn's
    for the directions still in talk and not asked again as wholes."""
    now = dict(q.tracks) if q is not None else {}
    asked = set(q.programs) if q is not None else set()
    kept = {d for g in chain for d in g}
    for ident, i in last.tracks if last else ():
        if ident not in asked and ident in kept and ident not in now:
            now[ident] = i
    return tuple(now.items())


def _calls(u: Understanding, q: Query | None, last: Turn | None, k: Knowledge) -> tuple[str, ...]:
    """The calls asked about as wholes under one measure, turn after turn: "政府间专项一共多少个
    项目 → 港澳台的呢" makes both, what the next "一共多少" adds up (the one direction of a
    call named is that call)."""
    if q is None or u.intent not in (L.BUDGET, L.COUNT, L.COMPARE):
        return ()
    whole = [whole_call(DIRECTION, g[0], k) if len(g) == 1 else None for g in q.groups]
    if q.groups and not all(whole):
        return ()
    now = tuple(dict.fromkeys(w for w in whole if w)) if q.groups else tuple(q.calls)
    if not now and not q.groups and q.op == "show" and q.source == "all" and not q.topics:
        # "专项总经费" with no call named answers every call's figure: "港澳台那个呢 → 两个加一
        # 起" then adds up the calls talked about
        now = tuple(c.id for c in k.calls) if u.intent != L.COMPARE else ()
    if not now:
        return ()
    if len(now) == 1 and last and last.calls and last.intent == u.intent:
        return tuple(dict.fromkeys([*last.calls, *now]))[-3:]
    return now


def _compared(u: Understanding, q: Query | None, last: Turn | None) -> bool:
    """Whether a comparison was asked, not only shown side by side: "spain and germany
    budget?" shows both, its follow-up "and the average?" asks both averages."""
    if q is not None and q.asks:
        return True
    if "two_partners_side_by_side" in u.rules:
        return False
    if "comparison_follow_up" in u.rules and last is not None:
        return last.compared
    return True


CHAIN = 6  # directions an arithmetic follow-up ("these three together") can reach back to


def _measure_key(intent: str, metric: str | None) -> str:
    return metric or "total" if intent in (L.BUDGET, L.COUNT, L.AVERAGE, L.COMPARE) else intent


def _chain(u: Understanding, reply: Reply, last: Turn | None, q: Query | None) -> tuple:
    """The directions named turn after turn under one measure ("Spain → and Finland? → and
    Russia?"), what "total for the three" adds up; an arithmetic turn keeps the chain it used."""
    if q is not None and q.op in ("sum", "compare") and q.source == "previous" and last:
        return last.chain
    if u.intent == L.RANK:
        named = (tuple(reply.focus),) if reply.focus else ()
        same = last and last.intent == L.RANK and last.metric == u.metric and q is not None
        # "largest? → and the smallest?": both ends are what "ratio between them" works on
        same = same and (q.op == "nth" or (q.op == "show" and last.order != u.order))
        return ((*last.chain, *named) if same and last else named)[-CHAIN:]
    groups = tuple(tuple(g) for g in u.groups)
    if not groups or u.intent in (L.TOPIC, L.PARTNERS, L.OVERVIEW):
        return ()
    if (
        last
        and last.chain
        and not (q is not None and q.op in ("sum", "compare"))
        and _measure_key(last.intent, last.metric) == _measure_key(u.intent, u.metric)
        and len(groups) == 1
    ):
        chain = [g for g in last.chain if g not in groups]
        return tuple([*chain, *groups][-CHAIN:])
    # one message's own list ("EU joint labs, Italy, Spain, … and Germany") is kept whole: "and
    # the budget of them all together?" means every name of it
    return groups
