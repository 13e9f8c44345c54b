"""Which directions and topics a message is about, once its names are found.

Partners expand to their directions and are narrowed by nearby markers ("韩国能源" → 2.1);
exclusions take directions away ("除了德国"); a long message counts only its asking sentence;
several topics are either listed (any of them) or qualify each other (the narrower set).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from bot import operations as O
from bot.context import Turn
from bot.entities import CALL, DIRECTION, PARTNER, TOPIC, EntityIndex, Found, Mention
from bot.listing import names_listed
from knowledge.model import Knowledge
from textnorm.normalize import is_cjk, normalize


def direction_groups(found: Found, k: Knowledge) -> tuple[list[list[str]], str | None]:
    """Direction groups in the order the message names them; markers next to a partner narrow
    it ("韩国能源" → 2.1, "EU general" → 1.5), as does a direction named elsewhere."""
    groups: list[list[str]] = []
    scope = None
    explicit: dict[str, list[str]] = {}
    counted: list[set[str]] = []  # a partner's directions counted as all ("the two …")
    # a partner narrowed only by markers elsewhere in the message: a later mention of it with
    # its own markers says which of its directions ("我们和南非有合作。中南非（联合研究和旗舰
    # 都算）…": both)
    guessed: list[set[str]] = []
    for m in found.mentions:
        if m.kind == DIRECTION:
            d = k.direction_by_id[m.id]
            explicit.setdefault(d.partner, [])
            if m.id not in explicit[d.partner]:
                explicit[d.partner].append(m.id)
    for m in found.mentions:
        near_said = False
        if m.kind == PARTNER:
            dirs = [d.id for d in k.directions_by_partner.get(m.id, ())]
            if len(dirs) > 1 and _all_of_partner_counted(found, m, len(dirs)):
                # "the two China–EU directions, the flagship and …": both, then listed
                counted.append(set(dirs))
            elif len(dirs) > 1:
                near = _markers_of_repeated(found, m) or _markers_near_listed(found, m)
                listed = _markers_near_listed(found, m)
                if near and _last_of_its_name(found, m) and set(near) <= set(listed):
                    # "中南非（联合研究和旗舰两个方向都算）" after an earlier "南非": the markers
                    # listed after its last mention weigh alike
                    near = {d: listed[d] for d in near}
                near = {d: n for d, n in near.items() if d in dirs}
                if near:
                    best = max(near.values())
                    # "旗舰项目与一般联合研究项目": each distinct marker keeps its direction
                    strong = [d for d in dirs if near.get(d, 0) >= min(best, 4)]
                    dirs = strong or [d for d in dirs if near.get(d) == best]
                    near_said = True
                elif m.id in explicit:
                    dirs = explicit[m.id]
                else:
                    anywhere = {d: found.markers.get(d, 0) for d in dirs}
                    best = max(anywhere.values())
                    if best and sum(1 for v in anywhere.values() if v) < len(dirs):
                        dirs = [d for d in dirs if anywhere[d] == best]
                        guessed.append(set(dirs))
        elif m.kind == DIRECTION:
            dirs = [m.id]
            sibling = _sibling_listed_after(found, k, m)
            if sibling and [sibling] not in groups:
                groups.append(dirs)
                dirs = [sibling]  # "中国和南非政府间联合研究项目和联合研究旗舰项目": both
        elif m.kind == CALL:
            own = [d.id for d in k.directions_by_call.get(m.id, ())]
            if len(own) == 1:
                dirs = own
            else:
                scope = m.id
                continue
        else:
            continue
        if not dirs:
            continue
        # A direction already inside a group of its partner: keep the narrower one.
        merged = False
        for i, g in enumerate(groups):
            if set(dirs) <= set(g) or set(g) <= set(dirs):
                if set(g) in counted:
                    pass  # one of them listed after "the two …" does not narrow them
                elif near_said and set(g) in guessed:
                    groups[i] = dirs
                elif set(dirs) in counted:
                    groups[i] = dirs  # "韩国能源研究院…韩国的两个方向": the two asked
                elif len(dirs) < len(g) or (m.kind == DIRECTION and set(g) <= set(dirs)):
                    groups[i] = dirs if len(dirs) < len(g) else g
                merged = True
                break
        if not merged:
            groups.append(dirs)
    if groups:
        scope = None
    return groups, scope


# "not only Israel", "不只是以色列": the name is the part, the call named beside it the whole
_NOT_ONLY = re.compile(
    r"(?:\bnot\s+(?:only|just)(?:\s+the)?|\bnot\s+limited\s+to|不只是?|不仅仅?是?|不光是?|不单是?|"
    r"唔止(?:系)?|不限于)\s*$"
)


def beyond_names(
    found: Found, groups: list[list[str]], scope: str | None, k: Knowledge
) -> tuple[list[list[str]], str | None]:
    """A whole call asked beside "not only <name>" ("the whole intergovernmental call in
    total, not only Israel"): the call is asked, the name is the asker's own part of it."""
    calls = [m for m in found.mentions if m.kind == CALL]
    if not calls or not groups:
        return groups, scope
    dropped = {
        m.id
        for m in found.mentions
        if m.kind in (PARTNER, DIRECTION) and _NOT_ONLY.search(found.text[: m.start])
    }
    if not dropped:
        return groups, scope
    keep = [
        g
        for g in groups
        if not all(d in dropped or k.direction_by_id[d].partner in dropped for d in g)
    ]
    if keep:
        return keep, scope
    return [], calls[0].id


def _sibling_listed_after(found: Found, k: Knowledge, m: Mention) -> str | None:
    """Another direction of the same partner named by its marker right after a direction's
    full name, joined by 和 / and: "…联合研究项目和联合研究旗舰项目"."""
    partner = k.direction_by_id[m.id].partner
    after = [
        s
        for s in found.marker_spans
        if s[0] >= m.end and _JOINED.fullmatch(found.text[m.end : s[0]])
    ]
    if not after:
        return None
    start = min(s[0] for s in after)
    longest = max(s[1] for s in after if s[0] == start)
    ids = {s[2] for s in after if s[0] == start and s[1] == longest}
    ids = {d for d in ids if d != m.id and k.direction_by_id[d].partner == partner}
    return next(iter(ids)) if len(ids) == 1 else None


def _last_of_its_name(found: Found, m: Mention) -> bool:
    return max((o.start for o in found.mentions if o.id == m.id), default=m.start) == m.start


def _markers_of_repeated(found: Found, m: Mention) -> dict[str, int]:
    """A partner named twice, each with its marker ("中南非联合研究项目和中南非旗舰项目"): a marker
    between the two belongs to the first, the one after the last to the last. Empty when the
    partner is named once (the markers near it decide)."""
    same = sorted((o for o in found.mentions if o.id == m.id), key=lambda o: o.start)
    if len(same) < 2:
        return {}
    i = next(j for j, o in enumerate(same) if o is m)
    stop = same[i + 1].start if i + 1 < len(same) else m.end + 16
    return found.weigh_markers([s for s in found.marker_spans if m.end <= s[0] and s[1] <= stop])


# the partner's directions counted as all of them: "the two China–EU directions", "both Korean
# directions", "两个中欧方向", "中韩两个方向" (markers listed after them only enumerate them)
_COUNT_BEFORE = re.compile(
    r"\b(?:the\s+)?(?P<n>two|both)\s+(?:of\s+the\s+)?(?:china\s+)?$|(?P<zh>两|兩|2)\s*(?:个|個)\s*$"
)
_COUNT_AFTER = re.compile(
    r"\s*(?:的)?(?P<zh>两|兩|2)\s*(?:个|個)\s*(?:方向|项目|項目)(?!\s*(?:里|裡|裏|中|之中|当中|當中|入面|内|內))"
)
# (not "of the two Korean directions, which …": one picked among them)
_DIRECTIONS_WORD = re.compile(
    r"[-–—\s]*(?:directions|programmes|programs|tracks)\b(?!\s*(?:,\s*)?(?:which|of\s+them|among))"
)


def _all_of_partner_counted(found: Found, m: Mention, n: int) -> bool:
    if n != 2:
        return False
    before = found.text[max(0, m.start - 40) : m.start]
    after = found.text[m.end : m.end + 24]
    if _COUNT_BEFORE.search(before):
        # "the two China–EU directions", not "the two EU flagship fields"
        return bool(_DIRECTIONS_WORD.match(after)) or bool(_COUNT_BEFORE.search(before)["zh"])
    return bool(_COUNT_AFTER.match(after))


def _markers_near_listed(found: Found, m: Mention) -> dict[str, int]:
    """Markers close to a partner, and those listed after them, weighed alike (the strongest of
    the list): "South Africa projects, joint research and flagship together", "南非的项目，联合
    研究和旗舰", "和南非合作的项目中，旗舰项目与一般联合研究项目" name both."""
    near = found.markers_near(m)
    places = sorted({(s, e) for s, e, _ in found.marker_spans if s >= m.end})
    places = [
        p for p in places if not any(o != p and o[0] <= p[0] and p[1] <= o[1] for o in places)
    ]
    chain: list[tuple[int, int]] = []
    for start, end in places:
        idents = [d for s, e, d in found.marker_spans if (s, e) == (start, end)]
        if not chain:
            if not any(d in near for d in idents):
                return near
            chain.append((start, end))
            continue
        prev = chain[-1]
        if start < prev[1]:
            continue
        gap = found.text[prev[1] : start]
        # "一般联合研究": two markers of one name; "旗舰项目与一般…": the generic noun, then 与
        if gap and not _JOINED.fullmatch(gap[_MARKER_TAIL.match(gap).end() :]):
            break
        chain.append((start, end))
    if len(chain) < 2:
        return near
    listed = [d for s, e, d in found.marker_spans if (s, e) in chain]
    strength = max(near.get(d, 0) for d in listed)
    for d in listed:
        near[d] = max(near.get(d, 0), strength)
    return near


def topics_outside_markers(found: Found, groups: list[list[str]]) -> list[str]:
    """Topics, except a word that served as a direction marker ("韩国能源" is 2.1, not energy)."""
    used = [(s, e) for s, e, d in found.marker_spans if any(d in g for g in groups)]
    out: list[str] = []
    for m in found.mentions:
        if (
            m.kind == TOPIC
            and m.id not in out
            and not any(m.start < e and s < m.end for s, e in used)
        ):
            out.append(m.id)
    return out


def narrow_by_markers(found: Found, k: Knowledge, last: Turn) -> list[list[str]]:
    """ "只看能源技术那个" after a Korea question: markers pick among the last partner's
    directions."""
    if not found.markers:
        return []
    partners = []
    for d in last.programs:
        if d in k.direction_by_id:
            p = k.direction_by_id[d].partner
            if p not in partners:
                partners.append(p)
    out = []
    for p in partners:
        dirs = [d.id for d in k.directions_by_partner.get(p, ())]
        if len(dirs) < 2:
            continue
        scores = {d: found.markers.get(d, 0) for d in dirs}
        best = max(scores.values())
        if best and sum(1 for v in scores.values() if v) < len(dirs):
            out.append([d for d in dirs if scores[d] == best])
    return out


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


# a sentence comparing its one name with what the message asked before: "跟中以比起来哪个高",
# "compared with Israel, which is higher?"
_COMPARED_WITH = re.compile(
    r"(?:跟|同|和|与|比)[^,，。?？]{1,20}(?:比起来|比起|相比|比较|对比|比)|"
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|than)\b"
)


# a sentence that asks something ("…支持几个项目", "wants to know the budget of …")
_SENTENCE_ASKS = re.compile(
    r"[?？]|多少|几多|几个|吗|哪|什么|咩|想知道|想问|想了解|"
    r"\b(?:how|what|which|wants?\s+to\s+know|would\s+like\s+to\s+know)\b"
    # "the other wants the number of projects of …": a relayed question with no question word
    r"|\b(?:wants?|needs?|asks?\s+(?:for|about))\s+the\b"
)


def _each_sentence_asks(sentences: list[str], found: Found, k: Knowledge) -> bool:
    """Several questions forwarded in one message, each asked of its own direction: the words
    of "each" (分别, "Prof. Zhang wants … Prof. Li wants …", operations.yaml) and every sentence
    that names a direction asks something — none of them is context."""
    if "each" not in O.operations(O.folded(found.raw or "")):
        return False
    naming = 0
    for sentence in sentences:
        norm = normalize(sentence)
        if not any(m.kind in (PARTNER, DIRECTION) for m in _find_names(norm, found)):
            continue
        if not _SENTENCE_ASKS.search(norm):
            return False
        naming += 1
    return naming >= 2


def _joined_sentences_ask(sentences: list[str], found: Found) -> bool:
    """Questions joined in one message, each after the first opened by a word of a further
    question (operations.yaml question_joined: "另外", "also"), every sentence that names a
    direction asking something: each question is asked of its own names."""
    naming = [
        s
        for s in sentences
        if any(m.kind in (PARTNER, DIRECTION) for m in _find_names(normalize(s), found))
    ]
    if len(naming) < 2 or not all(_SENTENCE_ASKS.search(normalize(s)) for s in naming):
        return False
    return all(O.VOCAB.question_joined.search(O.folded(s)) for s in naming[1:])


def _find_names(norm: str, found: Found) -> list[Mention]:
    """The mentions of ``found`` whose text is in the sentence ``norm``."""
    return [m for m in found.mentions if m.text and m.text in norm]


def question_sentence_groups(
    norm: str, found: Found, groups: list[list[str]], k: Knowledge
) -> list[list[str]]:
    """In a long message ("去年报了德国的没中，今年想换以色列试试。以色列平均多少？") only the
    sentence that asks counts: keep the groups named in the last sentence that names any."""
    if not groups:
        return groups
    names = [norm[m.start : m.end] for m in found.mentions if m.kind in (PARTNER, DIRECTION)]
    if len(groups) > 1 and names_listed(found.raw or "", names):
        return groups  # "Budget for the following:\n- Finland\n- Germany": every item asked
    asked = _asked_groups(found, groups, k)
    if asked is not None:
        return asked
    if len(groups) < 2:
        return groups
    raw_sentences = [s for s in _SENTENCE_END.split(found.raw or "") if s.strip()]
    if len(raw_sentences) < 2:
        return groups
    if _each_sentence_asks(raw_sentences, found, k):
        return groups  # "张教授想知道中德…几个；李教授想知道中以…多少": every question asked
    if _joined_sentences_ask(raw_sentences, found):
        return groups  # "中南非联合研究几个项目？另外南非旗舰几个？": both asked
    last_sentence = normalize(raw_sentences[-1])
    if not last_sentence:
        return groups
    start = norm.rfind(last_sentence)
    if start < 0:
        return groups
    ids_in_last = {
        m.id for m in found.mentions if m.start >= start and m.kind in (PARTNER, DIRECTION, CALL)
    }
    if not ids_in_last:
        return groups
    if len(ids_in_last) == 1 and _COMPARED_WITH.search(last_sentence):
        return groups  # "…每件平均補助多少？跟中以聯合研究計畫比起來哪個高？": both compared
    keep = []
    for g in groups:
        partners = {k.direction_by_id[d].partner for d in g if d in k.direction_by_id}
        if (
            set(g) & ids_in_last
            or partners & ids_in_last
            or any(k.direction_by_id[d].call in ids_in_last for d in g if d in k.direction_by_id)
        ):
            keep.append(g)
    return _in_order_asked(keep, found, start, k) or groups


def _in_order_asked(
    groups: list[list[str]], found: Found, start: int, k: Knowledge
) -> list[list[str]]:
    """``groups`` in the order the asking sentence (from ``start``) names them, not the order
    of a sentence before it ("我们在南非和德国都有合作方。中德项目和中南非旗舰项目分别支持几个
    项目？ → 第二个…" is the South African flagship); as they are when any is not named there."""
    firsts = []
    for g in groups:
        partners = {k.direction_by_id[d].partner for d in g if d in k.direction_by_id}
        at = [
            m.start
            for m in found.mentions
            if m.start >= start
            and m.kind in (PARTNER, DIRECTION)
            and (m.id in g or m.id in partners)
        ]
        if not at:
            return groups
        firsts.append(min(at))
    return [g for _, g in sorted(zip(firsts, groups, strict=True), key=lambda p: p[0])]


# what makes a sentence (or a bracketed aside) ask something, rather than tell
SENTENCE_ASKS = re.compile(
    r"[?？]|吗|呢|哪|什么|咩|乜|几|多少|有没有|有冇|边个|边啲|边度|点样|请问|想问|想知道|"
    r"\b(?:which|what|how|when|where|who|list|tell\s+me|please\s+(?:give|send|tell))\b|"
    r"\b(?:wants?|would\s+like|needs?)\s+(?:to\s+know|the)\b|"
    r"^\W*(?:is|are|does|do|can|could|will|would|may|should|has|have)\b"
)
# the end of a sentence, kept with it ("?" is how it asks)
_ASKING_END = re.compile(r"(?<=[。！？!?；;\n])")
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")


# an English sentence ends at ". " before a capital, except after a title ("Prof. Park")
_EN_SENTENCE = re.compile(
    r"(?<![A-Z])(?<!\b(?:Dr|Mr|Ms|St|No|vs))(?<!\b(?:Mrs|etc))(?<!Prof)\.\s+(?=[A-Z])"
)
# "Hydrogen is in the Korean energy direction I think, but which directions fund hydrogen?":
# a clause after "but" is a sentence of its own
_BUT = re.compile(r"[,，]\s*(?=(?:but\b|但是?|不过|可是))")
# "which directions …", "哪些方向": the question picks directions itself
_WHICH_DIRECTIONS = re.compile(
    r"\b(?:which|what)\s+(?:directions?|programm?es?|programs?|lines?|calls?|partners?|"
    r"countries)\b|哪些|哪几个|哪个方向|边啲|边几个"
)
# the asking sentence takes up every name told before it, each for itself
_EACH = re.compile(r"各自|分别|分別|\beach\b|\brespectively\b|\bboth\b")
# "I mean EU joint labs, Italy, …" goes on with the question before it
_CLARIFIES = re.compile(r"^\W*(?:i mean|i\.?e\.?|namely|that is|我是说|我指的是|也就是|即)")


def _segments(raw: str, names: list[str]) -> list[tuple[str, bool]]:
    """The message's sentences, each with its bracketed asides taken out as segments of their
    own, normalised, with whether it asks something. A bracket that only lists names
    ("中欧三个方向（联合实验室、旗舰、一般类）") glosses the sentence: it stays in it."""
    out: list[tuple[str, bool]] = []
    for piece in _ASKING_END.split(raw):
        for sentence in (c for p in _EN_SENTENCE.split(piece) for c in _BUT.split(p)):
            asides = [a for a in _ASIDE.findall(sentence) if _tells(normalize(a), names)]
            main = sentence
            for aside in asides:
                main = main.replace(aside, " ")
            for part in [main, *asides]:
                text = normalize(part.strip("（）() "))
                if text:
                    asks = bool(
                        re.search(r"[?？]", part)
                        or SENTENCE_ASKS.search(text)
                        or _CLARIFIES.search(text)
                    )
                    out.append((text, asks))
    return out


def _tells(aside: str, names: list[str]) -> bool:
    """A bracketed aside says something of its own beyond the names it lists."""
    for name in sorted(names, key=len, reverse=True):
        aside = aside.replace(name, " ")
    aside = _GLOSS_FILLER.sub(" ", aside)
    words = re.findall(r"[a-z]{2,}", aside)
    return sum(1 for c in aside if is_cjk(c)) >= 4 or len(words) >= 2


# words of a bracket that only lists names: "（联合研究项目和能源技术联合研究项目）",
# "(the joint labs, the EU flagship and the EU co-funding one)"
_GLOSS_FILLER = re.compile(
    r"项目|計畫|计划|计画|方向|专项|合作|联合|研究|类|和|及|与|或|的|两个|三个|以及|"
    r"\b(?:the|and|or|one|ones|both|all|projects?|programm?es?|programs?|directions?|lines?|"
    r"calls?|tracks?|joint|research|cooperation)\b"
)


def _asked_groups(found: Found, groups: list[list[str]], k: Knowledge) -> list[list[str]] | None:
    """Names in sentences (or bracketed asides) that ask nothing are context when the asking
    sentences name something: "请问中欧联合实验室支持哪些领域？我校…俄方也有兴趣。" asks the
    joint labs; "（俄方也有意加入，但先不考虑）" sets Russia aside. None: no reading."""
    names = [found.text[m.start : m.end] for m in found.mentions]
    names += [found.text[a:b] for a, b, _ in found.marker_spans]
    segments = _segments(found.raw or "", names)
    if len(segments) < 2 or not any(asks for _, asks in segments):
        return None
    asking = [text for text, asks in segments if asks]
    ids_asked = set()
    for m in found.mentions:
        if m.kind in (PARTNER, DIRECTION, CALL) and any(
            found.text[m.start : m.end] in text for text in asking
        ):
            ids_asked.add(m.id)
    if not ids_asked and any(_EACH.search(text) for text in asking):
        return groups  # "…合作方在意大利；…合作方在西班牙。两位分别想知道各自方向的总经费"
    if not ids_asked:
        topics = {found.text[m.start : m.end] for m in found.mentions if m.kind == TOPIC}
        if any(_WHICH_DIRECTIONS.search(t) and any(w in t for w in topics) for t in asking):
            return []  # "…the Korean energy direction I think, but which directions fund it?"
        if any(_WHICH_DIRECTIONS.search(t) for t in asking) and examples_told(
            found.text, found.mentions
        ):
            # "合作院校中有俄罗斯、西班牙、芬兰等多个国家的高校。…哪个方向支持的项目数最多？":
            # names given as examples ("等", "etc.") are no pool to choose from
            return []
        return None
    keep = []
    for g in groups:
        partners = {k.direction_by_id[d].partner for d in g if d in k.direction_by_id}
        calls = {k.direction_by_id[d].call for d in g if d in k.direction_by_id}
        if set(g) & ids_asked or partners & ids_asked or calls & ids_asked:
            keep.append(g)
    if not keep or len(keep) == len(groups):
        return None
    if len(ids_asked) == 1 and any(_COMPARED_WITH.search(text) for text in asking):
        return groups  # "…每件平均補助多少？跟中以聯合研究計畫比起來哪個高？": both compared
    return keep


# names given as examples, not all there is: "俄罗斯、西班牙、芬兰等", "Spain, Italy etc."
_EXAMPLES_AFTER = re.compile(
    r"\s*(?:等等|等(?!额|待|到|同|于|级)|之类|什么的|\betc\b|\band\s+so\s+on\b|\band\s+others\b|"
    r"\bamong\s+others\b)"
)


def examples_told(text: str, mentions: list[Mention]) -> bool:
    """A name of a partner or direction closed by "等" / "etc." in ``text`` (normalised): examples
    of what the asker has, not the directions the question chooses among."""
    return any(
        m.kind in (PARTNER, DIRECTION) and _EXAMPLES_AFTER.match(text, m.end) for m in mentions
    )


_FIGURES = {"total", "average", "count"}


def markers_of_the_question(found: Found) -> None:
    """A marker word only in a sentence of context ("I am professor at KAIST in energy
    engineering. There is two Korean directions, right?") does not narrow the partner the
    asking sentence names."""
    if not found.marker_spans:
        return
    names = [found.text[m.start : m.end] for m in found.mentions]
    names += [found.text[a:b] for a, b, _ in found.marker_spans]
    segments = _segments(found.raw or "", names)
    asking = [text for text, asks in segments if asks]
    if len(segments) < 2 or not asking or len(asking) == len(segments):
        return
    if not any(
        m.kind == PARTNER and any(found.text[m.start : m.end] in text for text in asking)
        for m in found.mentions
    ):
        return
    keep = [
        span
        for span in found.marker_spans
        if any(found.text[span[0] : span[1]] in text for text in asking)
    ]
    if len(keep) == len(found.marker_spans):
        return
    found.marker_spans = keep
    found.markers = {}
    for start, end, ident in keep:
        found.markers[ident] = max(found.markers.get(ident, 0), end - start)


def topics_of_the_question(found: Found, topics: list[str]) -> list[str]:
    """Topics only in sentences of context ("I am at Tel Aviv, working on AI for medicine.")
    when the asking sentence asks a figure of a call it names ("How much has the whole
    intergovernmental call?"): they say who asks, not what is asked. "我们做氢能。德国方向支持
    吗？" keeps hydrogen: no figure is asked there, the topic is."""
    if not topics:
        return topics
    names = [found.text[m.start : m.end] for m in found.mentions]
    names += [found.text[a:b] for a, b, _ in found.marker_spans]
    segments = _segments(found.raw or "", names)
    asking = [text for text, asks in segments if asks]
    if len(segments) < 2 or not asking or len(asking) == len(segments):
        return topics
    named = [
        m
        for m in found.mentions
        if m.kind in (PARTNER, DIRECTION, CALL)
        and any(found.text[m.start : m.end] in text for text in asking)
    ]
    if not any(m.kind == CALL for m in named):
        return topics  # a direction's figure with a topic beside it may still ask the topic
    if not any(_FIGURES & set(O.measures(text)) for text in asking):
        return topics
    words = {m.id: found.text[m.start : m.end] for m in found.mentions if m.kind == TOPIC}
    return [
        t
        for t in topics
        if any(
            found.text[m.start : m.end] in text
            for m in found.mentions
            if m.kind == TOPIC and m.id == t
            for text in asking
        )
        or t not in words
    ]


_EXCLUDE_CUE = re.compile(
    r"除了|除去|除咗|除开|除掉|去掉|去除|扣除|扣掉|刨除|刨去|撇开|撇除|抛开|减去|减掉|"
    # set aside by the words after the name: "港澳台项目不用算在内", "不计算在内", "唔好计"
    r"(?:不用|不要|无需|无须|毋须|不需要?|不必|唔使|唔洗|唔需要?|唔好)(?:计入|计算?|算|考虑|包括|纳入|理)"
    r"(?:在内|进去|进来|埋)?|不计(?:算)?(?:在内|入|进去)?|不算(?:在内|进去|进来)?|"
    r"唔计(?:算)?(?:埋|在内)?|唔算(?:埋|在内)?|不纳入|"
    # "不把港澳台算进去": the name between 把 and the counting word
    # (别 not of 分别, 特别, 个别: "分别考虑中意…" sets nothing aside)
    r"(?:不|(?<![分特个区类级性差告识辨鉴])别|不要|唔好)(?:把|将)"
    r"(?=[^，,。？?；;]{1,20}?(?:算|计|包括|纳入|考虑))|"
    # "系唔系比意大利多" (is it … ?) sets nothing aside, as "是不是" does not
    r"(?<!包)(?<!是)不包括|不含(?![)）])|排除|不考虑|唔考虑|(?<!要)不要|(?<!是)不是(?!吗)|(?<!系)唔系(?!咪)|"
    # "放弃了德国那个，改做南非旗舰": the one given up is no longer asked about
    r"放弃(?:了)?|"
    r"(?<![是并而南])非(?!常|洲|得|要|法|遗|典型|营利)|"
    # "除中欧旗舰外": a bare 除 closed by 外 in the same clause
    r"(?<![排扣撇删消解免切])除(?=[^，,。？?!！；;]{1,40}?外)|"
    r"\b(?:except|exclud(?:e|es|ed|ing)|other than|besides|apart from|aside from|not counting|"
    r"(?:do\s+not|don'?t|dont|not)\s+(?:count|include|consider)(?:ing)?|"
    r"leav(?:e|ing) out|left out|minus|"
    # "setting aside the EU flagship and the Korea energy programme, which …"
    # ("money set aside for Finland" is money earmarked: nothing is set aside there)
    r"(?:set(?:ting)?|leav(?:e|ing)|put(?:ting)?)\s+aside(?!\s+(?:for|to|in)\b)|"
    # "drop the two Korean ones", "remove Israel", "take out the flagship"
    r"drop(?:ping|ped)?|remov(?:e|ing)|tak(?:e|ing) out|"
    # "we dropped the Germany idea, going with …", "gave up on Israel", "forget about Spain"
    r"g(?:ave|ive|iving)\s+up(?:\s+on)?|forget\s+about|"
    r"not interested in(?: the)?|not the|"
    # "the non-flagship one", "the non energy Korean programme": the English 非
    r"non(?=-|\s+(?:flagship|energy)\b)|"
    # a learner's yes-or-no question ends "or not" ("postdoc can be the PI or not, also Finland
    # total how much"): nothing after it is set aside
    r"(?<!\bor\s)not(?!\s+(?:sure|yet|only|just|too|so|very|really|know|understand|clear|found|given|"
    r"listed|mentioned|available|a\b|an\b|be\b|have\b|been\b))|"
    r"without)\b"
)


# between the names and a set-aside word closing their clause: "这两个先", "those two for now"
_BEFORE_CLOSING = re.compile(
    # "中西科技合作项目请不要算进去": the rest of the name's words
    # "欧盟旗舰合作计划那个先不算": the name's own 计划/项目 before the demonstrative
    r"(?:科技|联合)?(?:合作|研究)?(?:计划|計畫|项目|項目)?"
    r"\s*(?:的|嘅)?\s*(?:这|那|呢|嗰)?\s*(?:两|二|三|四|几|2|3|4)?\s*(?:个|項|项)?\s*(?:方向|项目|計畫|计划)?"
    r"\s*(?:都|就|先|暂时|暂且|也)*\s*"
    # "…（1.5）请不要计入": a polite word before the set-aside word
    r"(?:请|麻烦|烦请|劳烦)?\s*"
)
# "中欧旗舰（两个领域）和中俄不算": a count of a name's parts glossed after it goes with it;
# "中欧旗舰合作计划（1.4）和…一般类项目（1.5）": the rest of a name's words before its number
_NAMES_JOINED = re.compile(
    r"(?:\s*(?:科技|联合)?(?:合作|研究)?(?:项目|计划|计画|方向)?)?"
    r"(?:\s*\d+\s*个\s*(?:领域|方向|部分|子方向))?\s*(?:和|与|及|跟|同|、)?\s*"
)


def _named_right_before(found: Found, end: int) -> list[Mention]:
    """The names listed right before ``end`` with nothing but joining words between them (a
    call too: "（港澳台那个不算）" sets the Macao call aside)."""
    names = sorted(
        (m for m in found.mentions if m.kind in (PARTNER, DIRECTION, CALL) and m.end <= end),
        key=lambda m: m.start,
    )
    out: list[Mention] = []
    gap = _BEFORE_CLOSING
    for m in reversed(names):
        if not gap.fullmatch(found.text[m.end : end]):
            break
        out.append(m)
        end, gap = m.start, _NAMES_JOINED
    return out


def counting_notes(found: Found, k: Knowledge) -> None:
    """A name in a note on how to count ("按方向计（中欧旗舰算作一个方向）", "with the EU flagship
    counted as one direction") is not asked about: its directions are withdrawn. A partner's
    word before its direction's name or marker ("中欧" + "旗舰") goes with that one only."""
    spans: list[tuple[int, Mention | str]] = [
        (m.end, m) for m in found.mentions if m.kind in (PARTNER, DIRECTION)
    ]
    spans += [(end, ident) for _, end, ident in found.marker_spans]
    for end, what in spans:
        if not O.VOCAB.counting_note.match(found.text, end):
            continue
        found.withdrawn |= {what} if isinstance(what, str) else _directions_of(what, k)


# a bracket after a group's name that lists its members: "european countries (Italy, Spain, …)"
_BRACKET = re.compile(r"[（(]([^()（）]{2,120})[)）]")


def group_listed_in_brackets(
    found: Found, text: str, k: Knowledge, to_norm: Callable[[str], str]
) -> None:
    """A name followed by a bracket listing two or more others ("all the european countries
    together (Italy, Spain, Finland, Austria, Germany)", "欧洲国家（意大利、西班牙、芬兰）"): the
    bracket says which ones the name means, so the name's own directions are withdrawn."""
    names = [m for m in found.mentions if m.kind in (PARTNER, DIRECTION)]
    if len(names) < 3 or ("(" not in text and "（" not in text):
        return
    for b in _BRACKET.finditer(text):
        start = len(to_norm(text[: b.start()]).rstrip())
        end = start + len(to_norm(b.group(1)).strip()) + 2
        inside = [m for m in names if start <= m.start and m.end <= end + 1]
        if len(inside) < 2:
            continue
        listed = set().union(*(_directions_of(m, k) for m in inside))
        before = [m for m in names if m.end <= start + 1 and start - m.end <= 24]
        if not before:
            continue
        group = _directions_of(before[-1], k)
        if group and not group & listed:
            found.withdrawn |= group


def asked_before(found: Found, k: Knowledge) -> None:
    """A name the asker says they asked about before ("我之前问过奥地利的，这次想请问芬兰：…",
    "I already asked about Austria, now Finland: …") is not asked now: its directions are
    withdrawn, when another name is left to ask about and nothing compares the two."""
    names = [m for m in found.mentions if m.kind in (PARTNER, DIRECTION)]
    named_calls = [m for m in found.mentions if m.kind == CALL]
    if not names or len(names) + len(named_calls) < 2 or _COMPARED_WITH.search(found.text):
        return
    before: set[str] = set()
    told: set[int] = set()
    for m in names:
        if m.start in told or not O.VOCAB.asked_before.search(
            found.text[max(0, m.start - 40) : m.start]
        ):
            continue
        listed: Mention | None = m
        while listed is not None:  # "之前问过奥地利和德国的": both
            before |= _directions_of(listed, k)
            told.add(listed.start)
            listed = _listed_after(found, listed)
    left = {d for m in names if m.start not in told for d in _directions_of(m, k)}
    # "之前淨係留意澳門方向。可唔可以講下政府間專項嘅整體情況？": a call named after it is
    # what is asked now
    calls = [m for m in named_calls if m.start > min(told, default=len(found.text))]
    left |= {d for m in calls for d in _directions_of(m, k)}
    if before and left - before:
        found.withdrawn |= before - left


# sentences of the raw message (each keeping its question mark), a request made without one,
# and a word of the asking ones pointing back at a name before
_SENTENCE_KEEP = re.compile(r"(?<=[。！!？?；;\n])|(?<=\.)(?=\s|$)")
_QUESTION_MARK = re.compile(r"[?？]")
_REQUEST = re.compile(
    r"请|麻烦|提供|确认|想问|想知|想了解|告诉|[①-⑩]|(?:^|\s)\d[.、)）]|"
    r"\b(?:please|kindly|tell\s+me|let\s+me\s+know|could\s+you|can\s+you|would\s+you)\b",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"它|其|佢|该方向|这个方向|那个方向|呢个方向|嗰个方向|這個方向|那個方向|呢個方向|嗰個方向|"
    r"\b(?:it|its|this|that|these|those|they|them|their)\b",
    re.IGNORECASE,
)


def names_beside_a_call_asked(found: Found, raw: str, index: EntityIndex, k: Knowledge) -> None:
    """Partners or directions named only in sentences that ask nothing, when the sentences that
    ask name a call and nothing else ("我对以色列方向比较熟。政府间专项一共几个方向、多少钱？",
    "We know the Israel direction well. How many directions and how much money does the
    intergovernmental call have?"): the call is asked, the names are the asker's context."""
    from bot.query_rules.common import _ASKED  # the query's own test of a clause that asks

    names = [m for m in found.mentions if m.kind in (PARTNER, DIRECTION)]
    if not names or not any(m.kind == CALL for m in found.mentions):
        return
    # the sentences that ask are those of a question mark; the others must state, not request
    # ("麻烦提供中西项目的以下信息：①…" asks without one)
    marks = [m.end() for m in _QUESTION_MARK.finditer(raw)]
    if not marks:
        return
    sentences = [x for x in _SENTENCE_KEEP.split(raw) if x.strip()]
    asking = [x for x in sentences if _QUESTION_MARK.search(x) and _ASKED.search(O.folded(x))]
    context = [x for x in sentences if not _QUESTION_MARK.search(x)]
    if not asking or not context or any(_REQUEST.search(O.folded(x)) for x in context):
        return
    text = "，".join(asking)
    if _POINTS_BACK.search(text):
        return
    asked = index.find(normalize(text), text).mentions
    if not any(m.kind == CALL for m in asked) or any(
        m.kind in (PARTNER, DIRECTION) for m in asked
    ):
        return
    named = {d for m in names for d in _directions_of(m, k)}
    called = {d for m in asked if m.kind == CALL for d in _directions_of(m, k)}
    if called - named:
        found.withdrawn |= named


def _directions_of(m: Mention, k: Knowledge) -> set[str]:
    if m.kind == DIRECTION:
        return {m.id}
    if m.kind == CALL:
        return {d.id for d in k.directions_by_call.get(m.id, ())}
    return {d.id for d in k.directions_by_partner.get(m.id, ())}


def _closes_clause(text: str, cue: re.Match[str]) -> bool:
    """A Chinese set-aside word right before punctuation (a space once normalised) ends its
    clause: what it sets aside came before it, not the name after the comma; so does one that
    ends the message ("…有哪些（港澳台那个不算）")."""
    word = cue.group()
    return bool(word) and is_cjk(word[-1]) and text[cue.end() : cue.end() + 1] in (" ", "")


# "不是问中德", "not asking about Germany": a name withdrawn from the question
_NOT_ASKING = re.compile(r"\s*(?:要|想|在)?问|\s+asking(?:\s+about)?(?:\s+the)?\b")


# a subtraction between two names is a difference asked, not a set-aside
_A_MINUS_B = re.compile(r"minus|减去|减掉")
# what may stand between the first name and "minus": its measure ("芬兰总经费减去以色列…")
_MEASURE_GAP = re.compile(
    r"\s*(?:'s\s+)?(?:的)?(?:总经费|经费|总金额|预算|平均|项目数|(?:total\s+)?budget|total|funding|"
    r"money|average|projects)?\s*$"
)

_COUNTED = re.compile(r"\s*(?:the\s+)?(two|three|four|both|all)\s+(?=\S)")
# "除了韩国的两个方向（联合研究和能源）", "除咗欧盟嗰两个": the count written after the name
_COUNTED_AFTER = re.compile(
    r"\s*(?:相关|有关)?\s*(?:的|嘅|嗰|那|这)?\s*(两|二|三|四|2|3|4|所有|全部)\s*个"
)
_COUNT_WORDS = {
    "two": 2,
    "both": 2,
    "three": 3,
    "four": 4,
    "all": 1 << 30,
    "两": 2,
    "二": 2,
    "2": 2,
    "三": 3,
    "3": 3,
    "四": 4,
    "4": 4,
    "所有": 1 << 30,
    "全部": 1 << 30,
}

# a set-aside after the names: "韩国和南非以外", "俄罗斯除外", "港澳台那个专项先不看"
_EXCLUDE_AFTER = re.compile(
    r"以外|之外|除外|不看|唔睇|不理|不管|\b(?:not\s+(?:included|counted|considered)|left\s+out|"
    r"set\s+aside)\b"
)
# what may stand between the name and its set-aside: "那个专项先", "嗰个方向暂时", "call"
_AFTER_GAP = re.compile(
    r"\s*的?\s*(?:那个|这个|嗰个|呢个|那|这)?\s*(?:专项|方向|项目|计划|部分)?\s*"
    r"(?:先|暂时|暂且|就|也)?\s*"
    r"(?:(?:call|one|direction|projects?|programm?es?|programs?)\s*(?:is|are)?\s*)?"
)


def call_left(
    found: Found, k: Knowledge, excluded: set[str], withdrawn: bool = False
) -> str | None:
    """The call still asked when what the message named is all set aside: "港澳台那个专项先不看，
    只看政府间的" is the intergovernmental call. A direction set aside ("不是问中德——想了解整个
    政府间专项") is not: the call named is asked as a whole."""
    if not withdrawn and not any(
        own and {d.id for d in own} <= excluded for own in k.directions_by_call.values()
    ):
        return None
    for m in reversed(found.mentions):
        if m.kind == CALL:
            own = [d.id for d in k.directions_by_call.get(m.id, ())]
            if own and not set(own) <= excluded:
                return m.id
    return None


def _glued(found: Found, end: int, at: int) -> bool:
    """Nothing but marker words and a bracket (folded to a space) between a name and a cue."""
    gap = list(found.text[end:at])
    # "中韩政府间联合研究项目（不是能源那个）": the call's word inside the name glues it too
    spans = [(a, b) for a, b, _ in found.marker_spans]
    spans += [(m.start, m.end) for m in found.mentions if m.kind == CALL]
    for a, b in spans:
        for i in range(max(a, end), min(b, at)):
            gap[i - end] = " "
    # "南非联合研究项目（非旗舰）": the name's tail word ("项目", "方向") glues it too
    return not _MARKER_TAIL.sub("", "".join(gap).replace(" ", ""))


def _markers_of_bracketed(
    found: Found, k: Knowledge, at: int, markers: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A set-aside right after a name glosses that name: "南非联合研究（不是旗舰那个）、欧盟旗舰的
    FAB领域" sets aside South Africa's flagship, not every direction the marker fits."""
    if not markers:
        return markers
    before = [
        m
        for m in found.mentions
        if m.kind in (PARTNER, DIRECTION) and m.end <= at and _glued(found, m.end, at)
    ]
    if not before:
        return markers
    m = before[-1]
    partner = m.id if m.kind == PARTNER else getattr(k.direction_by_id.get(m.id), "partner", "")
    own = {d.id for d in k.directions_by_partner.get(partner, ())}
    return [s for s in markers if s[2] in own] or markers


def _glosses_name_before(found: Found, at: int) -> bool:
    """A set-aside word glued to the name before it glosses it: "南非联合研究（非旗舰）"."""
    return any(
        m.kind in (PARTNER, DIRECTION) and m.end <= at and _glued(found, m.end, at)
        for m in found.mentions
    )


def _named_elsewhere(
    found: Found, ids: set[str], used: set[tuple[int, int, str]], after: int
) -> set[str]:
    """Directions a gloss set aside that the message also names after it, by their own name or
    partner and marker ("中南非联合研究（非旗舰）、中南非旗舰"): the gloss only told the first
    name apart."""
    partners = [m for m in found.mentions if m.kind == PARTNER]
    by_marker = {
        s[2]
        for s in found.marker_spans
        if s[2] in ids and s not in used and any(0 <= s[0] - m.end <= 1 for m in partners)
    }
    by_name = {m.id for m in found.mentions if m.kind == DIRECTION and m.start >= after}
    return by_marker | (by_name & ids)


def exclusions(found: Found, k: Knowledge) -> set[str]:
    """Directions the message sets aside ("除了旗舰项目", "Korea, not the energy one"): the name
    or marker right after an exclusion word. Excluded markers stop narrowing a partner."""
    out: set[str] = set()
    used_markers: set[tuple[int, int, str]] = set()
    for cue in _EXCLUDE_CUE.finditer(found.text):
        if _A_MINUS_B.match(cue.group()) and any(
            m.kind in (PARTNER, DIRECTION)
            and m.end <= cue.start()
            and _MEASURE_GAP.match(found.text[m.end : cue.start()])
            for m in found.mentions
        ):
            continue  # "Finland minus Israel", "芬兰减去以色列": a difference of two names
        if _closes_clause(found.text, cue):
            # "中西、中俄这两个先排除，剩下的…": the names right before it are set aside;
            # "俄方也有意加入，但先不考虑，请问中南非…": a clause of its own sets nothing
            for m in _named_right_before(found, cue.start()):
                out.update(_directions_of(m, k))
            continue
        before = set(out)
        withdrawal = bool(_NOT_ASKING.match(found.text, cue.end())) and cue.group() in (
            "不是",
            "not",
        )
        # "without the three EU lines": a count of what is set aside before its name
        lead = _COUNTED.match(found.text, cue.end())
        window = (cue.end(), lead.end() + 10 if lead else cue.end() + 10)
        if withdrawal:
            window = (cue.end(), _NOT_ASKING.match(found.text, cue.end()).end() + 10)
        mention = next(
            (
                m
                for m in found.mentions
                if window[0] <= m.start < window[1] and m.kind in (PARTNER, DIRECTION, CALL)
            ),
            None,
        )
        markers = [s for s in found.marker_spans if window[0] <= s[0] < window[1]]
        glossing = markers and _glosses_name_before(found, cue.start())
        if glossing:  # "联合研究（非旗舰）、中南非旗舰": the gloss ends with its clause
            first = min(s[0] for s in markers)
            stop = found.text.find(" ", first)
            markers = [s for s in markers if stop < 0 or s[0] < stop]
        markers = _markers_of_bracketed(found, k, cue.start(), markers)
        if markers and (mention is None or min(s[0] for s in markers) < mention.start):
            mention = None  # "除了旗舰项目，欧盟…": the marker comes first, the partner stays
        topic = next(
            (m for m in found.mentions if m.kind == TOPIC and window[0] <= m.start < window[1]),
            None,
        )
        if (
            topic is not None
            and (mention is None or topic.start < mention.start)
            and not (markers and min(s[0] for s in markers) <= topic.start)
        ):
            found.excluded_topics.append(topic.id)  # "除了氢能，南非还支持哪些领域"
            continue
        if mention is None:
            for span in markers:
                out.add(span[2])
                used_markers.add(span)
                # "(not energy)": the topic word inside the set-aside marker goes with it
                found.excluded_topics.extend(
                    m.id
                    for m in found.mentions
                    if m.kind == TOPIC and m.start < span[1] and m.end > span[0]
                )  # overlapping: "唔系能源嗰个" reads 系能源 as 新能源, one character early
            if markers and not glossing:  # "除开旗舰计划同联合资助机制": a name listed after
                mention = _listed_after_marker(found, max(span[1] for span in markers))
        while mention is not None:
            if mention.kind == PARTNER:
                own = {d.id for d in k.directions_by_partner.get(mention.id, ())}
                # "除中欧研究创新旗舰合作计划外": the partner's marker right after it sets
                # aside that one direction, not the partner's every direction
                narrowed = [
                    span
                    for span in found.marker_spans
                    if span[2] in own and mention.end <= span[0] < mention.end + 8
                ]
                named = {
                    m.id
                    for m in found.mentions
                    if m.kind == DIRECTION
                    and m.id in own
                    and mention.end <= m.start
                    and m.start < mention.end + 3
                }
                counted = lead or _COUNTED_AFTER.match(found.text, mention.end)
                n = _COUNT_WORDS[counted.group(1)] if counted else 0
                if len(own) < n < 1 << 30:
                    # "除了欧洲的三个方向（联合实验室、旗舰和联合资助）": more than the partner's
                    # own, the names glossed after it say which
                    glossed = _glossed(found, k, mention.end, mention.end + 48, own)
                    out.update(own | set(glossed[: max(0, n - len(own))]))
                    used_markers.update(
                        span
                        for span in found.marker_spans
                        if mention.end <= span[0] < mention.end + 48 and span[2] in out
                    )
                elif counted and n >= len(own) > 1:
                    # "exclude the two EU ones (flagship and co-funding)": the count says all
                    # of the partner's directions, the markers in brackets only gloss them
                    narrowed = [
                        span
                        for span in found.marker_spans
                        if span[2] in own and mention.end <= span[0] < mention.end + 48
                    ]
                    found.excluded_topics.extend(
                        m.id
                        for m in found.mentions
                        if m.kind == TOPIC
                        and any(m.start < span[1] and m.end > span[0] for span in narrowed)
                    )
                    named = own
                if not len(own) < n < 1 << 30:
                    out.update({span[2] for span in narrowed} | named or own)
                    used_markers.update(narrowed)
            elif mention.kind == DIRECTION:
                out.add(mention.id)
            else:
                out.update(d.id for d in k.directions_by_call.get(mention.id, ()))
            # "除咗西班牙同俄罗斯": both set aside; "the three EU lines (joint labs, …)": the
            # names glossed in brackets after it too
            # "除去中欧研究创新旗舰合作计划和中西": the list goes on after the direction's name
            # that follows its partner, not after the partner's word
            mention = next(
                (
                    m
                    for m in found.mentions
                    if m.kind == DIRECTION
                    and mention.kind == PARTNER
                    and mention.end <= m.start < mention.end + 3
                    and m.id in {d.id for d in k.directions_by_partner.get(mention.id, ())}
                ),
                mention,
            )
            mention = _listed_after(found, mention) or _glossed_after(found, mention)
        _one_reading_of_markers(found, k, out, before)
        if glossing and mention is None:
            out -= _named_elsewhere(found, out - before, used_markers, cue.end())
        if withdrawal:  # "不是问中德": the name is not asked about, nothing is set aside
            found.withdrawn |= out - before
            out -= found.withdrawn
    for cue in _EXCLUDE_AFTER.finditer(found.text):
        mention = next(
            (
                m
                for m in reversed(found.mentions)
                if m.kind in (PARTNER, DIRECTION, CALL)
                and m.end <= cue.start()
                and _AFTER_GAP.fullmatch(found.text[m.end : cue.start()])
            ),
            None,
        )
        while mention is not None:  # "韩国和南非以外": both set aside
            if mention.kind == PARTNER:
                out.update(d.id for d in k.directions_by_partner.get(mention.id, ()))
            elif mention.kind == DIRECTION:
                out.add(mention.id)
            else:
                out.update(d.id for d in k.directions_by_call.get(mention.id, ()))
            mention = _listed_before(found, mention)
    out.update(_set_aside_after_en(found, k))
    if used_markers:
        found.marker_spans = [s for s in found.marker_spans if s not in used_markers]
        found.markers = {}
        for start, end, ident in found.marker_spans:
            found.markers[ident] = max(found.markers.get(ident, 0), end - start)
    return out


# "except the EU flagship and the Spain one": an article may come before the next name; "apart
# from China–Spain and China–Russia": the home side written before each partner; "除去旗舰合作计划
# （两个领域）和中西": a count of its parts glossed in brackets after the first name
_JOINED = re.compile(
    r"(?:\s*\d+\s*个\s*(?:领域|方向|部分|子方向))?"
    r"\s*(?:和|同|与|及|跟|或|、|,|\band\b|\bor\b|&)\s*(?:the\s+)?(?:china\s+)?"
)


# a marker's generic noun before the next name: "旗舰计划同联合资助机制"
_MARKER_TAIL = re.compile(r"(?:计划|计画|项目|方向|那个|嗰个|的)*")


# English words after a name that set it aside: "the EU flagship one does not count", "Germany
# is excluded", and a name held between "leave … out" ("leave the EU flagship out for now")
_EN_SET_ASIDE_AFTER = re.compile(
    r"\b(?:(?:does|do|will|would|should)\s*(?:not|nt)|doesnt|dont|wont|shouldnt|isnt|is\s+not)\s+"
    r"(?:count|be\s+counted|included|be\s+included)\b|\b(?:is|are|stays?)\s+"
    r"(?:excluded|left\s+out|set\s+aside)\b"
)
_EN_GAP = re.compile(
    r"\s*(?:(?:one|ones|direction|directions|programme|programs?|line|initiative|projects?)\s*)?"
    r"(?:also\s*|too\s*|for\s+now\s*)?"
)
_EN_LEAVE_OUT = re.compile(
    r"\b(?:leav(?:e|ing)|keep(?:ing)?)\s+(?P<held>[a-z0-9 .–-]{2,60}?)\s+out\b"
)


def _set_aside_after_en(found: Found, k: Knowledge) -> set[str]:
    """Directions an English message sets aside with words after their name."""
    out: set[str] = set()
    names = [m for m in found.mentions if m.kind in (PARTNER, DIRECTION, CALL)]
    for cue in _EN_SET_ASIDE_AFTER.finditer(found.text):
        for m in names:
            if m.end <= cue.start() and _EN_GAP.fullmatch(found.text[m.end : cue.start()]):
                out.update(_directions_of(m, k))
    for hit in _EN_LEAVE_OUT.finditer(found.text):
        start, end = hit.span("held")
        out.update(
            d for m in names if start <= m.start and m.end <= end for d in _directions_of(m, k)
        )
    return out


def _listed_after_marker(found: Found, end: int) -> Mention | None:
    """The name listed right after a marker ending at ``end`` ("旗舰计划同联合资助机制")."""
    start = _MARKER_TAIL.match(found.text, end).end()
    for m in found.mentions:
        if m.kind in (PARTNER, DIRECTION, CALL) and m.start >= start:
            return m if _JOINED.fullmatch(found.text[start : m.start]) else None
    return None


def _glossed(found: Found, k: Knowledge, start: int, end: int, known: set[str]) -> list[str]:
    """The directions named or marked in ``found.text[start:end]``, in order, new ones only; a
    marker of several directions ("旗舰": 1.4 or 2.3) read as the one whose partner the others
    listed with it share."""
    spans: dict[tuple[int, int], list[str]] = {}
    for m in found.mentions:
        if m.kind == DIRECTION and start <= m.start < end:
            spans.setdefault((m.start, m.end), []).append(m.id)
    for a, b, ident in found.marker_spans:
        if start <= a < end and ident not in spans.setdefault((a, b), []):
            spans[(a, b)].append(ident)
    sure = known | {ids[0] for ids in spans.values() if len(ids) == 1}
    partners = {k.direction_by_id[d].partner for d in sure if d in k.direction_by_id}
    out: list[str] = []
    for _, ids in sorted(spans.items()):
        if len(ids) > 1:
            ids = [
                d
                for d in ids
                if d in k.direction_by_id and k.direction_by_id[d].partner in partners
            ]
        out += [d for d in ids if d not in known and d not in out]
    return out


def _one_reading_of_markers(found: Found, k: Knowledge, out: set[str], before: set[str]) -> None:
    """A marker set aside that stands for several directions ("旗舰": the EU flagship or South
    Africa's) beside a name of one partner's ("旗舰计划同联合资助机制"): that partner's."""
    added = out - before
    if len(added) < 3:
        return
    spans: dict[tuple[int, int], set[str]] = {}
    for a, b, ident in found.marker_spans:
        if ident in added:
            spans.setdefault((a, b), set()).add(ident)
    for ids in spans.values():
        if len(ids) < 2:
            continue
        others = added - ids
        partners = {k.direction_by_id[d].partner for d in others if d in k.direction_by_id}
        keep = {
            d for d in ids if d in k.direction_by_id and k.direction_by_id[d].partner in partners
        }
        if keep:
            out.difference_update(ids - keep)


# a list's commas are spaces once normalised: "除中西、中俄外" and "China-Spain, China-Russia and
# China-Finland" are lists when 外 closes them or a joining word comes before their last name
_SPACED = re.compile(r"\s+(?:china\s+)?")
_CLOSED_BY_OUTSIDE = re.compile(
    r"\s*(?:两个|三个|2个|3个|这|那|几个|方向|项目|的)*\s*(?:以|之)?外"
)


def _listed_after(found: Found, mention: Mention, spaced: bool = True) -> Mention | None:
    """The name listed right after ``mention`` ("西班牙同俄罗斯", "Spain and Russia")."""
    for m in found.mentions:
        if m.kind in (PARTNER, DIRECTION, CALL) and m.start > mention.end:
            gap = found.text[mention.end : m.start]
            if _JOINED.fullmatch(gap):
                return m
            if spaced and _SPACED.fullmatch(gap):
                if _CLOSED_BY_OUTSIDE.match(found.text, m.end):
                    return m
                nxt = _listed_after(found, m, spaced=False)
                if nxt is not None and not _SPACED.fullmatch(found.text[m.end : nxt.start]):
                    return m
            return None
    return None


# normalisation drops the brackets: "eu lines joint labs …" is a name glossed by a list
_GLOSS = re.compile(
    r"\s*(?:lines?|directions?|programmes?|programs?|ones|tracks?|calls?)?"
    r"\s*[（(]?\s*"
)


def _glossed_after(found: Found, mention: Mention) -> Mention | None:
    """The first name inside brackets right after ``mention``: "EU lines (joint labs, …)"."""
    if not re.search(r"[(（]", found.raw or ""):
        return None  # without brackets, "apart from the Korean ones, Finland …" names Finland
    for m in found.mentions:
        if m.kind in (PARTNER, DIRECTION, CALL) and m.start > mention.end:
            gloss = _GLOSS.match(found.text, mention.end)
            between = found.text[mention.end : m.start]
            return m if gloss.end() - mention.end >= len(between) and between.strip() else None
    return None


def _listed_before(found: Found, mention: Mention) -> Mention | None:
    """The name listed right before ``mention`` ("韩国和南非以外", "韩国、南非之外": Korea too;
    normalisation leaves a space for "、")."""
    for m in reversed(found.mentions):
        if m.kind in (PARTNER, DIRECTION, CALL) and m.end < mention.start:
            gap = found.text[m.end : mention.start]
            if gap == " " or _JOINED.fullmatch(gap):
                return m
            return None
    return None


_ENUMERATION = re.compile(r"[、,，/;；]|和|与|及|或|跟|以及|还有|\band\b|\bor\b|&")


# the topic after it is what the one before is applied to ("nanoencapsulation of probiotics and
# bioactive compounds for food", "用于食品的纳米包埋"): one qualifying the other, whatever "and"
# stands inside the words between them
# another person's work between two topics ("刘老师做射电天文，陈老师做卫星遥感", "Prof. Li works
# on AI, Dr. Wang works on water"): each person's topic, a list, not one qualifying the other
_ANOTHER_PERSON = re.compile(
    r"(?:老师|老師|教授|博士|同学|同學|主任|同事|组长|組長|团队|團隊|课题组|課題組|实验室|實驗室)"
    r"\s*(?:是)?(?:做|搞|研究|从事|從事|负责|負責|在做|主攻|专攻|專攻|关注|關注|嘅|的方向是)|"
    r"\b(?:works?|working|researches|does|studies|focuses)\s+(?:on|in)?\s*$|"
    r"\b(?:another|the\s+other)(?:\s+one)?\s+(?:(?:works?|does|studies)\s+)?(?:on|in)?\s*$"
)
_QUALIFIES = re.compile(r"\b(?:for|in)(?:\s+(?:the|a|an))?\s*$|(?:用于|应用于|用在)\s*$")

# the examples, then the kind they belong to ("遥感或导航卫星这类太空科技", "remote sensing and
# other space technology"), or the kind, then its examples ("space technology such as remote
# sensing"): the examples decide, the kind does not widen the question
_KIND_OF_EXAMPLES = re.compile(
    r"(?:这类|这种|这样的|之类的?|等等?|一类的?|此类|这一类|这些)\s*$|"
    r"\b(?:and|or)\s+(?:other|similar)\s*$|^\s*(?:such\s+as|like|e\.?g\.?|比如|例如|像是)\s*$"
)


# "基础科学和航空航天都在哪个方向": both in one direction
_BOTH_TOPICS = re.compile(
    r"同时|既.{1,12}又|\bboth\b|as well as|兼顾|都涉及|都包括|都(?:在|属于|是|归)(?:哪|边)"
)


_RAW_SENTENCE = re.compile(r"[。？?！!；;\n]|\.(?:\s|$)")


def _both_beside_topics(found: Found, spans: list[Mention]) -> bool:
    """Whether "both" is said in a sentence that names the topics: "Which directions include
    water treatment or desalination? We have a group working in both." lists two topics (the
    second sentence is about the asker), "同时涉及智慧城市和先进材料" asks for the two."""
    if not found.raw:
        return True
    words = {found.text[m.start : m.end] for m in spans}
    for sentence in _RAW_SENTENCE.split(found.raw):
        if _BOTH_TOPICS.search(sentence.lower()):
            norm = normalize(sentence)
            if any(w and w in norm for w in words):
                return True
    return False


def combine_topics(k: Knowledge, found: Found, topics: list[str]) -> tuple[list[str], str]:
    """Several topics: listed ("水处理、净水", "AI or big data") means any of them; one qualifying
    the other ("AI for cultural heritage", "老龄化相关的健康科技") means the narrower set."""
    if len(topics) < 2:
        return topics, "union"
    spans = [m for m in found.mentions if m.kind == TOPIC and m.id in topics]
    spans.sort(key=lambda m: m.start)
    # one topic named twice in a row ("dairy / cheese") is one item, not a list of two
    runs: list[tuple[str, int, int]] = []
    for m in spans:
        if runs and runs[-1][0] == m.id and not found.text[runs[-1][2] : m.start].strip():
            runs[-1] = (m.id, runs[-1][1], m.end)
        else:
            runs.append((m.id, m.start, m.end))
    gaps = [found.text[a[2] : b[1]] for a, b in itertools.pairwise(runs)]
    # punctuation became spaces in the normalised text: an empty gap was "、" or ","
    # a space was punctuation ("水处理、净水"); no gap at all is one compound ("文化遗产数字化")
    listed = any(
        (gap and not gap.strip() and not _words_in_a_row(k, found, a, b))
        or (_ENUMERATION.search(gap) and not _QUALIFIES.search(gap))
        or _ANOTHER_PERSON.search(gap)
        for gap, (a, b) in zip(gaps, itertools.pairwise(runs), strict=True)
    )
    if _BOTH_TOPICS.search(found.text) and _both_beside_topics(found, spans):
        return topics, "intersection"  # "同时涉及智慧城市和先进材料"
    compound = _one_compound(k, _items(runs, gaps))
    if compound:
        # one compound named twice ("做过新冠疫苗的临床…哪个方向写了新冠病毒疫苗"), beside
        # broader words only: directions on both of its topics
        return [t for t in topics if t in compound], "intersection"
    quoted = _quoted_field(k, found, runs, gaps)
    if quoted:
        # "健康和老龄科技是哪个国家的方向": the notice's own name of one field, not a list
        return [t for t in topics if t in quoted], "intersection"
    if listed:
        return _compounds_narrowed(k, [r[0] for r in runs], gaps, topics), "union"
    narrow = _narrowest(k, topics)
    if len(narrow) < len(topics):
        return narrow, "union"
    return topics, "intersection"


def _words_in_a_row(
    k: Knowledge, found: Found, a: tuple[str, int, int], b: tuple[str, int, int]
) -> bool:
    """Two Latin topic words, one including the other, one after the other in the message as
    written ("water desalination"): one phrase, the narrower word says which part of the broader
    one is meant, not a list ("water, desalination" had punctuation, folded to the same
    space)."""
    if not (a[0] in k.topic_closure(b[0]) or b[0] in k.topic_closure(a[0])):
        return False
    text, raw = found.text, (found.raw or "").lower()
    left, right = text[a[2] - 1 : a[2]], text[b[1] : b[1] + 1]
    if not all(c.isascii() and c.isalpha() for c in (left, right)):
        return False
    phrase = re.sub(r"\s+", r"\\s+", re.escape(text[a[1] : b[2]]).replace("\\ ", " "))
    return bool(re.search(phrase, raw))


# a phrase quoted from the notice: “健康和老龄科技”, 「綠色能源」, "smart green energy"
QUOTED = re.compile(r'[“「『"‘]([^”」』"’]{2,40})[”」』"’]')


def quoted_compound(
    k: Knowledge, index: EntityIndex, text: str, topics: list[str], mode: str
) -> tuple[list[str], str]:
    """Topics inside one quoted phrase are the one field quoted, not a list of alternatives:
    哪个方向明确写了“健康和老龄科技” is the directions with health-and-ageing (the narrowest of the
    two), not every direction with health or with ageing."""
    if len(topics) < 2 or mode != "union":
        return topics, mode
    for m in QUOTED.finditer(text):
        inner = [t.id for t in index.find(normalize(m.group(1))).mentions if t.kind == TOPIC]
        inner = [t for t in dict.fromkeys(inner) if t in topics]
        if len(inner) < 2:
            continue
        narrow = _narrowest(k, inner)
        rest = [t for t in topics if t not in inner]
        return rest + narrow, "union" if len(narrow) == 1 and not rest else "intersection"
    return topics, mode


# "X和Y" joins the two parts of one name as often as it lists two things; "、", "or" list
_JOINED_PARTS = re.compile(r"\s*(?:和|与|及|以及|跟|同|\band\b|&)\s*")
_FIELD_NAME_MIN = 4  # "健康和老龄" and longer; two characters name too many things


def _field_names(k: Knowledge) -> str:
    """Every field of every direction in every language, normalised, each also without its
    track label ("领域二 气候变化…" → "气候变化…"), one per line after a newline: a span opens a
    field's name when "\\n" + span is in it (one search, not one per field). Cached."""
    key = ("field_names",)
    if key not in k._cache:
        names: dict[str, None] = {}
        for d in k.directions:
            for f in d.fields:
                for name in (normalize(f.zh_hans), normalize(f.en)):
                    names[name] = None
                    label = _FIELD_PREFIX.match(name)
                    if label:
                        names[name[label.end() :]] = None
        k._cache[key] = "".join("\n" + n for n in names)
    return k._cache[key]


def _quoted_field(
    k: Knowledge, found: Found, runs: list[tuple[str, int, int]], gaps: list[str]
) -> set[str]:
    """The topics of a run joined by "和/与/and" that together are the start of a field's name
    in the notice ("健康和老龄科技", "climate change and biodiversity"): one field, asked as a
    whole, so the directions are those covering every part (the narrowest match), not any
    part. Other topics of the message must be among them ("我们做养老科技。健康和老龄科技…")."""
    best: set[str] = set()
    for i, j in itertools.combinations(range(len(runs) + 1), 2):
        window = runs[i:j]
        ids = {r[0] for r in window}
        if len(ids) < 2 or len(ids) <= len(best):
            continue
        if not all(_JOINED_PARTS.fullmatch(g) for g in gaps[i : j - 1]):
            continue
        span = found.text[window[0][1] : window[-1][2]].strip()
        if len(span) >= _FIELD_NAME_MIN and "\n" + span in _field_names(k):
            best = ids
    if best and all(r[0] in best for r in runs):
        return best
    return set()


_FIELD_PREFIX = re.compile(r"(?:领域[一二三四五六七八九十\d]+|track\s*\d+|\d+)\s*")


def _items(runs: list[tuple[str, int, int]], gaps: list[str]) -> list[list[str]]:
    """The items of a list of topics: topics with no gap between them are one compound."""
    items: list[list[str]] = [[runs[0][0]]]
    for gap, run in zip(gaps, runs[1:], strict=True):
        if gap:
            items.append([run[0]])
        else:
            items[-1].append(run[0])
    return items


def _one_compound(k: Knowledge, items: list[list[str]]) -> list[str]:
    """The topics of the one compound of several topics the items name twice or more, when
    every other item is one of them or broader than one of them; else nothing."""
    named = [frozenset(_narrowest(k, i)) for i in items if len(set(i)) > 1]
    compounds = {c for c in named if len(c) > 1}
    if len(compounds) != 1:
        return []
    (compound,) = compounds
    if named.count(compound) < 2:
        return []  # "新冠疫苗、传染病防控": a list of alternatives, any of them
    for item in items:
        if len(set(item)) == 1 and not any(
            t == item[0] or t in k.topic_closure(item[0]) for t in compound
        ):
            return []
    return sorted(compound)


def _compounds_narrowed(
    k: Knowledge, ids: list[str], gaps: list[str], topics: list[str]
) -> list[str]:
    """A list whose items are compounds: each compound is its narrowest topic ("健康老龄化、
    养老科技" is ageing, twice), the items are any of them. A topic applied to the next one
    ("ageing or health tech for elderly people") is one item with it, inside what it is applied
    to: an item listed that holds that already holds it (health for the elderly is ageing, and
    ageing is asked: every ageing direction, not every health one)."""
    items: list[list[str]] = [[ids[0]]]
    applied: list[str | None] = [None]  # what each item's topic is applied to ("for Z")
    for gap, ident in zip(gaps, ids[1:], strict=True):
        qualifies = _QUALIFIES.search(gap) and not _ENUMERATION.search(gap)
        if gap and not (qualifies or _KIND_OF_EXAMPLES.search(gap)):
            items.append([ident])
            applied.append(None)
        else:
            items[-1].append(ident)
            if gap:
                applied[-1] = ident
    if all(len(set(item)) == 1 for item in items):
        return topics
    alone = [item[0] for item in items if len(set(item)) == 1]
    out: list[str] = []
    for item, target in zip(items, applied, strict=True):
        if target and any(target in k.topic_closure(t) for t in alone):
            continue  # "ageing or medical devices for older people": ageing holds the second
        out += _narrowest(k, list(dict.fromkeys(item)))
    return [t for t in topics if t in out] or topics


_GLOBAL_MARKER_MIN = 4  # "能源技术", "联合研究旗舰"; "一般" or "旗舰" alone name no direction
_AGREEING_MARKERS = 2  # distinct marker words of one direction


def global_markers(found: Found, k: Knowledge) -> list[list[str]]:
    """Direction markers with no partner named: long, specific ones pick their direction(s)."""
    if any(m.kind in (PARTNER, DIRECTION, CALL) for m in found.mentions):
        return []
    scores: dict[str, int] = {}
    longest: dict[str, int] = {}
    spans: dict[str, set[str]] = {}
    for start, end, ident in found.marker_spans:
        scores[ident] = scores.get(ident, 0) + (end - start)
        longest[ident] = max(longest.get(ident, 0), end - start)
        spans.setdefault(ident, set()).add(found.text[start:end])
    # several distinct short markers agreeing on one direction name it too: "旗舰计划领域一…
    # 领域二" is the flagship whose tracks those are, though "旗舰" alone is two directions'
    scores = {
        d: v
        for d, v in scores.items()
        if longest[d] >= _GLOBAL_MARKER_MIN
        or (len(spans[d]) >= _AGREEING_MARKERS and v >= _GLOBAL_MARKER_MIN + 1)
    }
    if not scores:
        return []
    best = max(scores.values())
    winners = [d for d, v in scores.items() if v == best]
    return [winners] if len(winners) <= 2 else []


def _narrowest(k: Knowledge, topics: list[str]) -> list[str]:
    """Drop a topic that includes another one named too: "老龄化相关的健康科技" is ageing."""
    return [t for t in topics if not any(o != t and o in k.topic_closure(t) for o in topics)]


def topic_directions(k: Knowledge, topics: list[str], mode: str = "union") -> list[str]:
    if mode == "intersection" and len(topics) > 1:
        sets = [[d.id for d in k.directions_for_topic(t)] for t in topics]
        common = set(sets[0]).intersection(*sets[1:])
        # nothing covers both: the first-named topic is what the question is about
        return [d for d in sets[0] if d in common] if common else sets[0]
    return list(dict.fromkeys(d.id for t in topics for d in k.directions_for_topic(t)))


# a bracketed aside: "（一般类，不是旗舰）"
_ASIDE_SPAN = re.compile(r"[（(][^（）()]{1,24}[）)]")


def qualifiers_in_aside(found: Found, k: Knowledge) -> None:
    """A bracket right after a direction of a partner with several directions qualifies it:
    "中国和南非政府间联合研究项目（一般类，不是旗舰）" - a short name inside it that names no
    partner (一般类, another partner's alias) is the qualifier, not that other direction, and a
    marker there (旗舰) picks among that partner's directions only."""
    raw = found.raw or ""
    if len(raw.rstrip("？?!！。.， ")) != len(found.text):
        return  # the brackets are read in the raw text, where the offsets are the same
    for aside in _ASIDE_SPAN.finditer(raw):
        before = [
            m
            for m in found.mentions
            if m.kind in (PARTNER, DIRECTION) and 0 <= aside.start() - m.end <= 1
        ]
        if not before:
            continue
        m0 = before[-1]
        partner = k.direction_by_id[m0.id].partner if m0.kind == DIRECTION else m0.id
        siblings = {d.id for d in k.directions_by_partner.get(partner, ())}
        if len(siblings) < 2:
            continue
        inside = range(aside.start(), aside.end())
        found.mentions = [
            m
            for m in found.mentions
            if not (
                m.start in inside
                and m.kind == DIRECTION
                and m.id not in siblings
                and not _names_a_partner(m, k)
            )
        ]
        at = {(s[0], s[1]) for s in found.marker_spans if s[0] in inside and s[2] in siblings}
        found.marker_spans = [
            s for s in found.marker_spans if not ((s[0], s[1]) in at and s[2] not in siblings)
        ]


def _names_a_partner(m: Mention, k: Knowledge) -> bool:
    """Whether a direction's mention says a partner ("中欧一般类", "EU general"), not only a
    kind of direction ("一般类")."""
    text = m.text.lower()
    for p in k.partners:
        names = [p.name.zh_hans, p.name.zh_hant, p.name.en, *p.aliases]
        if any(len(n) >= 2 and n.lower() in text for n in names):
            return True
    return bool(re.search(r"中(?:欧|歐|意|西|芬|奥|奧|德|以|韩|韓|南|阿|俄)", m.text))
