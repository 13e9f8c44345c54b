"""Load a knowledge YAML file into dataclasses, reporting every problem with file, line and field.

The YAML is composed into nodes first so that each value keeps its line; validation then walks the
plain data with a path (``directions[3].funding[0].total``) and looks the line up. All problems are
collected, not only the first, so ``callbot check`` can list them in one go.
"""

from __future__ import annotations

import math
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import (
    LANGS,
    QUALIFIERS,
    Call,
    Count,
    Direction,
    Funding,
    Knowledge,
    Partner,
    Period,
    Text,
    Topic,
)

try:  # libyaml is several times faster; the pure-Python loader gives the same nodes.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 20 * 1024 * 1024
# The format nests six levels deep; anything far deeper is an attack or a mistake, and walking it
# must not exhaust the stack.
MAX_DEPTH = 64
# Every value costs about 0.5 KB and 13 µs to read and index by line, so the size limit alone
# lets a 20 MB file of `[1,1,1,…]` (10 million values) take 5 GB and two minutes, in `check` and
# in the running bot's watcher. The bundled file has under 4,000 values, one 100 times larger
# 150,000; past this cap a file is refused (at most ~160 MB and a few seconds spent on it).
MAX_VALUES = 300_000
# No call, direction or count comes near a trillion (万元 or projects); bigger "numbers" are typos
# or attacks, and a 4,000-digit int cannot even be turned into a float to compare.
MAX_NUMBER = 10**12


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class ProblemsError(Exception):
    """A file cannot be used; ``problems`` says every place and why (the message: the first of
    them and how many more, or ``invalid`` when there are none)."""

    invalid = "invalid file"

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0]) if problems else self.invalid
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(first + more)


class KnowledgeError(ProblemsError):
    """The knowledge file cannot be used; ``problems`` says every place and why."""

    invalid = "invalid knowledge"


Path_ = tuple[str | int, ...]


def _path_str(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Lines:
    """Maps a data path to the line of its node (1-based)."""

    def __init__(self) -> None:
        self.lines: dict[Path_, int] = {}
        self.duplicates: list[tuple[Path_, int]] = []

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


class _Refused(Exception):
    """Raised while reading events: the file is refused before anything else is built."""

    def __init__(self, mark: Any, path: Path_, message: str):
        super().__init__(message)
        self.line = mark.line + 1 if mark is not None else None
        self.path = path
        self.message = message


class _BadNumber:
    """A scalar that resolved to a number Python will not read (thousands of digits)."""

    def __init__(self, text: str):
        self.digits = len(text)

    def __repr__(self) -> str:
        return f"<a number of {self.digits} characters>"


_NO_KEY = object()
_EMPTY = object()


class _Frame:
    """One open mapping or sequence while the event stream is read."""

    __slots__ = ("key", "key_line", "path", "value")

    def __init__(self, value: dict | list, path: Path_):
        self.value = value
        self.path = path
        self.key: Any = _NO_KEY
        self.key_line = 0


def _build_data(text: str) -> tuple[Any, _Lines]:
    """Read the YAML event stream into plain data and the line of every path, in one pass.

    Built from events rather than composed nodes so that an anchor or alias is refused where it
    appears, before anything is expanded (a 342-byte "billion laughs" otherwise grows to
    gigabytes, and a recursive alias never ends), and nesting is bounded without recursion.
    Returns (None, lines) for a file without a document.
    """
    loader = _Loader(text)
    constructor = yaml.constructor.SafeConstructor()
    lines = _Lines()
    stack: list[_Frame] = []
    skip = 0  # depth inside a mapping key that is itself a collection (kept as "?")
    root: Any = None
    documents = 0
    values = 0
    try:
        while True:
            event = loader.get_event()
            values += not isinstance(event, yaml.CollectionEndEvent)  # scalars, lists, maps
            if values > MAX_VALUES:
                raise _Refused(
                    event.start_mark,
                    (),
                    f"more than {MAX_VALUES:,} values; a knowledge file is far smaller, so this "
                    "one is refused before it is read further",
                )
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise yaml.composer.ComposerError(
                        "expected a single document in the stream",
                        None,
                        "but found another document",
                        event.start_mark,
                    )
                continue
            top = stack[-1] if stack else None
            here = _child_path(top)
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _Refused(
                    event.start_mark,
                    here,
                    "anchors and aliases (&name, *name) are not allowed; write the value out",
                )
            if skip:
                if isinstance(event, yaml.CollectionStartEvent):
                    skip += 1
                elif isinstance(event, yaml.CollectionEndEvent):
                    skip -= 1
                    if not skip:
                        _put(stack[-1], "?", lines)
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                done = stack.pop()
                if not stack:
                    root = done.value
                else:
                    _put(stack[-1], done.value, lines)
                continue
            line = event.start_mark.line + 1
            if isinstance(event, yaml.CollectionStartEvent):
                if top is not None and isinstance(top.value, dict) and top.key is _NO_KEY:
                    skip = 1  # a mapping or list used as a key: only its place matters
                    top.key_line = line
                    continue
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(
                        event.start_mark, here[:3], f"nested more than {MAX_DEPTH} levels deep"
                    )
                lines.lines[here] = line
                container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
                stack.append(_Frame(container, here))
                continue
            # a scalar
            value = _scalar(loader, constructor, event)
            if top is None:
                lines.lines[()] = line
                root = value
            elif isinstance(top.value, dict) and top.key is _NO_KEY:
                if not isinstance(value, (str, int, float, bool)) or value is None:
                    value = str(value)
                top.key, top.key_line = value, line
            else:
                lines.lines[here] = line
                _put(top, value, lines)
    finally:
        loader.dispose()
    return (root if documents else _EMPTY), lines


def _child_path(top: _Frame | None) -> Path_:
    """The path of the next value inside ``top``."""
    if top is None:
        return ()
    if isinstance(top.value, list):
        return (*top.path, len(top.value))
    if top.key is _NO_KEY:
        return top.path
    return (*top.path, top.key)


def _put(top: _Frame, value: Any, lines: _Lines) -> None:
    if isinstance(top.value, list):
        top.value.append(value)
        return
    if top.key is _NO_KEY:  # a collection key just ended
        top.key = value
        return
    if top.key in top.value:
        lines.duplicates.append(((*top.path, top.key), top.key_line))
    top.value[top.key] = value
    top.key = _NO_KEY


_STR = "tag:yaml.org,2002:str"


def _scalar(loader: Any, constructor: Any, event: Any) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR:
        return event.value  # what the constructor would return, without a node per string
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError):  # Python refuses ints of more than 4,300 digits
        return _BadNumber(event.value)


class _Validator:
    def __init__(self, file: str, lines: _Lines):
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []
        # Entries left out for their own problems, so that references to them and the sums of
        # their call are not reported a second time as if they were missing.
        self.incomplete: dict[str, list[dict]] = {}

    def fail(self, path: Path_, message: str) -> None:
        self.problems.append(Problem(self.file, self.lines.line(path), _path_str(path), message))

    # Typed accessors: each records a problem and returns a safe default instead of raising.
    def mapping(self, data: Any, path: Path_) -> dict:
        if not isinstance(data, dict):
            self.fail(path, f"expected a mapping, got {_kind(data)}")
            return {}
        return data

    def seq(self, data: Any, path: Path_, required: bool = True) -> list:
        if data is None and not required:
            return []
        if not isinstance(data, list):
            self.fail(path, f"expected a list, got {_kind(data)}")
            return []
        return data

    def get(self, obj: dict, key: str, path: Path_, required: bool = True) -> Any:
        if key not in obj or obj[key] is None:
            if required:
                self.fail(path + (key,), "missing required field")
            return None
        return obj[key]

    def string(self, obj: dict, key: str, path: Path_, required: bool = True) -> str:
        value = self.get(obj, key, path, required)
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self.fail(path + (key,), f"expected non-empty text, got {_kind(value)}")
            return ""
        return value.strip()

    def number(
        self, obj: dict, key: str, path: Path_, required: bool = True, positive: bool = True
    ) -> float | None:
        value = self.get(obj, key, path, required)
        if value is None:
            return None
        if isinstance(value, _BadNumber):
            self.fail(path + (key,), f"number too long ({value.digits} characters)")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(path + (key,), f"expected a number, got {_kind(value)} {value!r}")
            return None
        # NaN passes every comparison below and would be answered as "nan万元".
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(path + (key,), f"expected a finite number, got {value!r}")
            return None
        if abs(value) > MAX_NUMBER:
            self.fail(path + (key,), f"number too large (more than {MAX_NUMBER:,})")
            return None
        if positive and value <= 0:
            self.fail(path + (key,), f"expected a positive number, got {value!r}")
            return None
        return int(value) if float(value).is_integer() else float(value)

    def integer(self, obj: dict, key: str, path: Path_, required: bool = True) -> int | None:
        value = self.number(obj, key, path, required)
        if value is not None and not float(value).is_integer():
            self.fail(path + (key,), f"expected a whole number, got {value!r}")
            return None
        return int(value) if value is not None else None

    def text(self, obj: dict, key: str, path: Path_, required: bool = True) -> Text | None:
        value = self.get(obj, key, path, required)
        if value is None:
            return None
        p = path + (key,)
        if not isinstance(value, dict):
            self.fail(p, f"expected a mapping of zh-Hans/zh-Hant/en, got {_kind(value)}")
            return None
        hans = self.string(value, "zh-Hans", p)
        en = self.string(value, "en", p)
        hant = self.string(value, "zh-Hant", p, required=False)
        for extra in set(value) - set(LANGS):
            self.fail(p + (extra,), f"unknown language {extra!r} (use {', '.join(LANGS)})")
        if not hans or not en:  # already reported; an empty name would also claim alias ''
            return None
        if not hant:
            from textnorm.chinese import to_traditional

            hant = to_traditional(hans)
        return Text(hans, hant, en)

    def strings(self, obj: dict, key: str, path: Path_) -> tuple[str, ...]:
        items = self.seq(obj.get(key), path + (key,), required=False)
        out = []
        for i, item in enumerate(items):
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.fail(path + (key, i), f"expected non-empty text, got {_kind(item)}")
                continue
            out.append(item.strip())
        return tuple(out)

    def count(self, obj: dict, key: str, path: Path_) -> Count | None:
        value = self.get(obj, key, path)
        if value is None:
            return None
        p = path + (key,)
        if isinstance(value, (int, float, _BadNumber)) and not isinstance(value, bool):
            value = {"count": value}  # a bare number; its problems are reported as the count's
        value = self.mapping(value, p)
        n = self.integer(value, "count", p)
        qual = value.get("qualifier", "exact")
        if qual not in QUALIFIERS:
            self.fail(p + ("qualifier",), f"expected one of {', '.join(QUALIFIERS)}, got {qual!r}")
            qual = "exact"
        return Count(n, qual) if n is not None else None

    def unknown_keys(self, obj: dict, allowed: set[str], path: Path_) -> None:
        for key in obj:
            if key not in allowed:
                self.fail(path + (key,), f"unknown field {key!r}")


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, _BadNumber):
        return repr(value)
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


_TOP = {"format", "source", "calls", "partners", "topics", "directions"}
_CALL = {
    "id",
    "year",
    "name",
    "short",
    "directions",
    "partners",
    "partners_text",
    "projects",
    "total",
    "period",
    "aliases",
}
_PARTNER = {"id", "kind", "name", "codes", "aliases"}
_TOPIC = {"id", "name", "aliases", "includes"}
_DIRECTION = {
    "id",
    "call",
    "number",
    "partner",
    "title",
    "short",
    "aliases",
    "markers",
    "fields_text",
    "fields",
    "topics",
    "funding",
}
_FUNDING = {"total", "projects", "average", "track"}


def parse_knowledge(text: str, file: str = "<knowledge>") -> Knowledge:
    """Validate YAML text and build the knowledge; raise KnowledgeError listing every problem."""
    try:
        data, lines = _build_data(text)
    except _Refused as exc:
        raise KnowledgeError([Problem(file, exc.line, _path_str(exc.path), exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise KnowledgeError(
            [Problem(file, line, "", f"not valid YAML: {exc.problem or exc.context}")]
        ) from None
    except yaml.YAMLError as exc:
        raise KnowledgeError([Problem(file, None, "", f"not valid YAML: {exc}")]) from None
    if data is _EMPTY:
        raise KnowledgeError([Problem(file, None, "", "the file is empty")])
    v = _Validator(file, lines)
    for path, _line in lines.duplicates:
        v.fail(path, "this key appears twice in the same mapping")
    knowledge = _build(v, data, file)
    check_consistency(knowledge, v)
    if v.problems:
        raise KnowledgeError(v.problems)
    return knowledge


def read_knowledge_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of a knowledge file: a regular file of at most ``limit`` bytes, else
    KnowledgeError. Checked on the open descriptor before reading (a FIFO would block a plain
    open, /dev/zero never ends, and the name may be swapped between a stat and the read), and
    read with a cap in case the file grows meanwhile."""
    name = str(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise KnowledgeError([Problem(name, None, "", "file not found")]) from None
    except OSError as exc:
        raise KnowledgeError([Problem(name, None, "", f"cannot read: {exc.strerror}")]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise KnowledgeError([Problem(name, None, "", "is a directory, not a file")])
        if not stat.S_ISREG(info.st_mode):
            what = _special_kind(info.st_mode)
            raise KnowledgeError([Problem(name, None, "", f"not a regular file ({what})")])
        if info.st_size > limit:
            raise KnowledgeError([_too_large(name, info.st_size, limit)])
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise KnowledgeError([Problem(name, None, "", f"cannot read: {exc.strerror}")]) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise KnowledgeError([_too_large(name, None, limit)])
    return raw


def _special_kind(mode: int) -> str:
    for test, what in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return what
    return "not a plain file"


def _too_large(name: str, size: int | None, limit: int) -> Problem:
    got = f"{size} bytes" if size is not None else "it grew while being read"
    return Problem(name, None, "", f"file too large ({got}; the limit is {limit} bytes)")


def load_knowledge(path: str | Path) -> Knowledge:
    """Read and validate a knowledge file; every failure is a KnowledgeError naming the file."""
    return parse_knowledge_bytes(read_knowledge_bytes(path), str(path))


def parse_knowledge_bytes(raw: bytes, name: str) -> Knowledge:
    """Validate the bytes of a knowledge file read with ``read_knowledge_bytes``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise KnowledgeError([Problem(name, line, "", "not UTF-8 text")]) from None
    if "\x00" in text:
        raise KnowledgeError([Problem(name, None, "", "binary file, not YAML text")])
    knowledge = parse_knowledge(text, name)
    return Knowledge(
        knowledge.calls,
        knowledge.partners,
        knowledge.topics,
        knowledge.directions,
        knowledge.source,
        name,
    )


def _build(v: _Validator, data: Any, file: str) -> Knowledge:
    root = v.mapping(data, ())
    if not root:
        return Knowledge((), (), (), ())
    v.unknown_keys(root, _TOP, ())
    fmt = root.get("format")
    if fmt != 1:
        v.fail(("format",), f"expected format: 1, got {fmt!r}")
    source = root.get("source")
    source_title = source.get("title", "") if isinstance(source, dict) else str(source or "")

    calls = [c for c in _items(v, root, "calls", _call) if c]
    partners = [p for p in _items(v, root, "partners", _partner) if p]
    topics = [t for t in _items(v, root, "topics", _topic) if t]
    directions = [d for d in _items(v, root, "directions", _direction) if d]
    return Knowledge(
        tuple(calls), tuple(partners), tuple(topics), tuple(directions), source_title, file
    )


def _items(v: _Validator, root: dict, key: str, build: Any) -> Iterator[Any]:
    items = v.seq(root.get(key), (key,))
    if not items and key in ("calls", "directions"):
        v.fail((key,), "needs at least one entry")
    for i, item in enumerate(items):
        path: Path_ = (key, i)
        obj = v.mapping(item, path)
        if obj:
            built = build(v, obj, path)
            if built is None:
                v.incomplete.setdefault(key, []).append(obj)
            yield built


def _call(v: _Validator, obj: dict, path: Path_) -> Call | None:
    v.unknown_keys(obj, _CALL, path)
    cid = v.string(obj, "id", path)
    name = v.text(obj, "name", path)
    short = v.text(obj, "short", path, required=False) or name
    year = v.integer(obj, "year", path)
    ndir = v.integer(obj, "directions", path)
    projects = v.count(obj, "projects", path)
    total = v.number(obj, "total", path)
    partners = v.integer(obj, "partners", path, required=False)
    partners_text = v.text(obj, "partners_text", path, required=False)
    period = None
    if obj.get("period") is not None:
        pp = path + ("period",)
        pobj = v.mapping(obj["period"], pp)
        lo, hi = v.integer(pobj, "min", pp), v.integer(pobj, "max", pp)
        if lo is not None and hi is not None:
            if lo > hi:
                v.fail(pp, f"min ({lo}) is greater than max ({hi})")
            period = Period(lo, hi)
    aliases = v.strings(obj, "aliases", path)
    if not (cid and name and year and ndir and projects and total):
        return None
    return Call(
        cid, year, name, short, ndir, projects, total, partners, partners_text, period, aliases
    )


def _partner(v: _Validator, obj: dict, path: Path_) -> Partner | None:
    v.unknown_keys(obj, _PARTNER, path)
    pid = v.string(obj, "id", path)
    kind = v.string(obj, "kind", path, required=False) or "country"
    name = v.text(obj, "name", path)
    codes = v.strings(obj, "codes", path)
    aliases = v.strings(obj, "aliases", path)
    if not (pid and name):
        return None
    return Partner(pid, kind, name, codes, aliases)


def _topic(v: _Validator, obj: dict, path: Path_) -> Topic | None:
    v.unknown_keys(obj, _TOPIC, path)
    tid = v.string(obj, "id", path)
    name = v.text(obj, "name", path)
    aliases = v.strings(obj, "aliases", path)
    includes = v.strings(obj, "includes", path)
    if not (tid and name):
        return None
    return Topic(tid, name, aliases, includes)


def _direction(v: _Validator, obj: dict, path: Path_) -> Direction | None:
    v.unknown_keys(obj, _DIRECTION, path)
    did = v.string(obj, "id", path)
    call = v.string(obj, "call", path)
    number = v.string(obj, "number", path)
    partner = v.string(obj, "partner", path)
    title = v.text(obj, "title", path)
    short = v.text(obj, "short", path, required=False) or title
    fields_text = v.string(obj, "fields_text", path)
    fields = []
    for i, item in enumerate(v.seq(obj.get("fields"), path + ("fields",))):
        fp = path + ("fields", i)
        holder = {"f": item}
        t = v.text(holder, "f", fp[:-1] + (i,)) if isinstance(item, dict) else None
        if not isinstance(item, dict):
            v.fail(fp, f"expected a mapping of zh-Hans/zh-Hant/en, got {_kind(item)}")
        if t:
            fields.append(t)
    topics = v.strings(obj, "topics", path)
    funding = []
    for i, item in enumerate(v.seq(obj.get("funding"), path + ("funding",))):
        fp = path + ("funding", i)
        fobj = v.mapping(item, fp)
        if not fobj:
            continue
        v.unknown_keys(fobj, _FUNDING, fp)
        total = v.number(fobj, "total", fp)
        projects = v.count(fobj, "projects", fp)
        average = v.number(fobj, "average", fp, required=False)
        track = v.text(fobj, "track", fp, required=False)
        if total is not None and projects is not None:
            funding.append(Funding(total, projects, average, track))
    if not funding and isinstance(obj.get("funding"), list) and not obj["funding"]:
        v.fail(path + ("funding",), "needs at least one funding line")
    aliases = v.strings(obj, "aliases", path)
    markers = v.strings(obj, "markers", path)
    if not (did and call and number and partner and title and funding):
        return None
    return Direction(
        did,
        call,
        number,
        partner,
        title,
        short,
        tuple(fields),
        fields_text,
        topics,
        tuple(funding),
        aliases,
        markers,
    )


def check_consistency(k: Knowledge, v: _Validator) -> None:
    """Cross-checks: ids, references, alias conflicts, sums and averages."""
    for key, items in (
        ("calls", k.calls),
        ("partners", k.partners),
        ("topics", k.topics),
        ("directions", k.directions),
    ):
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                v.fail(
                    (key, i, "id"), f"duplicate id {item.id!r} (first at {key}[{seen[item.id]}])"
                )
            else:
                seen[item.id] = i
    calls, partners, topics = k.call_by_id, k.partner_by_id, k.topic_by_id
    left_out = {
        key: {str(o["id"]).strip() for o in v.incomplete.get(key, ()) if o.get("id") is not None}
        for key in ("calls", "partners", "topics")
    }
    for i, d in enumerate(k.directions):
        p: Path_ = ("directions", i)
        if d.call not in calls and d.call not in left_out["calls"]:
            v.fail(p + ("call",), f"unknown call {d.call!r} (known: {', '.join(calls) or 'none'})")
        if d.partner not in partners and d.partner not in left_out["partners"]:
            v.fail(p + ("partner",), f"unknown partner {d.partner!r}")
        for j, t in enumerate(d.topics):
            if t not in topics and t not in left_out["topics"]:
                v.fail(p + ("topics", j), f"unknown topic {t!r}")
        for j, f in enumerate(d.funding):
            fp = p + ("funding", j)
            if f.average is not None and f.projects.count:
                expected = f.total / f.projects.count
                if (
                    abs(expected - f.average) > max(0.5, 0.01 * f.average)
                    and f.projects.qualifier == "exact"
                ):
                    v.fail(
                        fp + ("average",),
                        f"average {f.average:g} does not match total/projects "
                        f"= {f.total:g}/{f.projects.count} = {expected:g}",
                    )
                elif abs(expected - f.average) > 0.25 * f.average:
                    v.fail(
                        fp + ("average",),
                        f"average {f.average:g} is far from total/projects "
                        f"= {f.total:g}/{f.projects.count} = {expected:g}",
                    )
        if len(d.funding) > 1 and any(f.track is None for f in d.funding):
            v.fail(p + ("funding",), "several funding lines need a track name each")
    for i, t in enumerate(k.topics):
        for j, inc in enumerate(t.includes):
            if inc not in topics and inc not in left_out["topics"]:
                v.fail(("topics", i, "includes", j), f"unknown topic {inc!r}")
        if _cycle(k, t.id):
            v.fail(("topics", i, "includes"), f"topic {t.id!r} includes itself (a cycle)")
    for i, c in enumerate(k.calls):
        own = k.directions_by_call.get(c.id, ())
        p = ("calls", i)
        # Directions left out for their own problems still count, but their sums are unknown.
        broken = sum(
            1 for o in v.incomplete.get("directions", ()) if str(o.get("call", "")).strip() == c.id
        )
        if len(own) + broken != c.directions:
            v.fail(
                p + ("directions",),
                f"says {c.directions} directions but {len(own) + broken} are listed",
            )
        if own and not broken:
            total = sum(d.total for d in own)
            if abs(total - c.total) > 0.5:
                v.fail(p + ("total",), f"total {c.total:g} but the directions add up to {total:g}")
            count = sum(d.projects.count for d in own)
            if c.projects.qualifier == "exact" and count != c.projects.count:
                v.fail(
                    p + ("projects",),
                    f"{c.projects.count} projects but the directions add up to {count}",
                )
            elif abs(count - c.projects.count) > 0.1 * c.projects.count:
                v.fail(
                    p + ("projects",),
                    f"about {c.projects.count} projects but the directions add up to {count}",
                )
    v.problems.extend(alias_conflicts(k, v))


def alias_conflicts(k: Knowledge, v: _Validator) -> list[Problem]:
    """An alias (after normalisation) may name one thing only, as in Rasa's synonym table."""
    from textnorm.normalize import normalize

    owners: dict[str, tuple[str, Path_]] = {}
    out: list[Problem] = []

    def claim(alias: str, owner: str, path: Path_) -> None:
        key = normalize(alias)
        if not key:
            out.append(
                Problem(
                    v.file,
                    v.lines.line(path),
                    _path_str(path),
                    f"alias {alias!r} is empty after normalisation",
                )
            )
            return
        if key in owners and owners[key][0] != owner:
            first = owners[key]
            out.append(
                Problem(
                    v.file,
                    v.lines.line(path),
                    _path_str(path),
                    f"alias {alias!r} already names {first[0]} (at {_path_str(first[1])})",
                )
            )
            return
        owners.setdefault(key, (owner, path))

    for i, c in enumerate(k.calls):
        for j, a in enumerate(c.aliases):
            claim(a, f"call {c.id}", ("calls", i, "aliases", j))
    for i, p in enumerate(k.partners):
        claim(p.name.zh_hans, f"partner {p.id}", ("partners", i, "name"))
        claim(p.name.en, f"partner {p.id}", ("partners", i, "name"))
        for j, a in enumerate(p.aliases):
            claim(a, f"partner {p.id}", ("partners", i, "aliases", j))
        for j, a in enumerate(p.codes):
            claim(a, f"partner {p.id}", ("partners", i, "codes", j))
    for i, d in enumerate(k.directions):
        for j, a in enumerate(d.aliases):
            claim(a, f"direction {d.id}", ("directions", i, "aliases", j))
    for i, t in enumerate(k.topics):
        for j, a in enumerate(t.aliases):
            claim(a, f"topic {t.id}", ("topics", i, "aliases", j))
    return out


def _cycle(k: Knowledge, start: str) -> bool:
    stack = list(k.topic_by_id[start].includes) if start in k.topic_by_id else []
    seen: set[str] = set()
    while stack:
        t = stack.pop()
        if t == start:
            return True
        if t in seen or t not in k.topic_by_id:
            continue
        seen.add(t)
        stack.extend(k.topic_by_id[t].includes)
    return False
