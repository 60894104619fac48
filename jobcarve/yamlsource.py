"""YAML text -> plain Python data with the file position of every key and value.

PyYAML's safe-load semantics, built from the event stream so that limits apply before
anything large is built: file size, nesting depth, node count after alias expansion
(alias-expansion bombs), duplicate keys and non-standard tags are refused with a
``FILE:LINE:COL`` message. Also turns pydantic validation errors into located problems.

Just over 600 lines for a reason: the bounded event-stream loader and the located error
messages are one concept, the only place yaml is read or written.
"""

from __future__ import annotations

import bisect
import difflib
import os
import re
import stat
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from jobcarve.exceptions import InputError, Problem

try:  # libyaml's parser is about ten times faster; the pure-Python one is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Loc = tuple[str | int, ...]

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML + t for t in ("null", "bool", "int", "float", "str", "timestamp")}
_MERGE = _YAML + "merge"
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
#: control characters a text may not hold after unescaping ("\e", "\x01", "\0"): C0 but tab
#: and line feed, DEL, C1. They could drive a terminal (titles, the clipboard), forge output
#: lines or break a workbook; names may not hold line breaks either.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SINGLE_LINE = re.compile("[\t\n]")
_ONE_LINE_KEYS = {"name", "id", "role", "template", "location", "sector", "education"}


@dataclass(frozen=True)
class Limits:
    """Limits on what jobcarve reads (docs/limits.md); raise them in Python for big runs."""

    max_file_bytes: int = 32 * 1024 * 1024
    max_nodes: int = 5_000_000
    max_depth: int = 64
    max_tasks: int = 100_000
    max_subtask_depth: int = 3


DEFAULT_LIMITS = Limits()


@dataclass
class SourceMap:
    """Positions (1-based line, column) of the values and keys of a YAML document."""

    file: str
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Position of the value at `loc`, or of its nearest located ancestor."""
        path = tuple(loc)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def locate_key(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Position of the key that introduces `loc` (falls back to `locate`)."""
        return self.keys.get(tuple(loc)) or self.locate(loc)

    def problem(self, loc: Sequence[str | int], message: str, *, key: bool = False) -> Problem:
        """A problem located at `loc` (at its key when `key`)."""
        line, col = self.locate_key(loc) if key else self.locate(loc)
        return Problem(self.file, line, col, format_loc(loc), message)


def format_loc(loc: Iterable[str | int]) -> str:
    """``("tasks", 3, "after", 0)`` -> ``"tasks[3].after[0]"``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


#: at most this many "did you mean" suggestions per file read; the rest get none
MAX_SUGGESTIONS = 25
_NEIGHBOURS = 60  # candidates taken on each side of a word in each sorted index
_SMALL = 300  # sets up to this size are searched whole


class Suggester:
    """ "Did you mean" against one set of candidates, with bounded work per lookup.

    Candidates are indexed once, sorted as written and sorted reversed; a lookup compares
    the word only with its neighbours in both orders (those sharing the longest start or
    end with it) plus a few of the same length, so a typo at either end is found, and the
    cost per lookup does not grow with the set. A shared `budget` stops suggesting after
    `MAX_SUGGESTIONS` lookups: a file with 20,000 broken references is read in seconds.
    """

    def __init__(self, candidates: Iterable[str], budget: list[int] | None = None) -> None:
        words = sorted({str(c) for c in candidates})
        self.small = words if len(words) <= _SMALL else None
        self.forward = words
        self.backward = sorted(w[::-1] for w in words)
        self.budget = budget if budget is not None else [MAX_SUGGESTIONS]

    def __call__(self, word: object) -> str:
        text = str(word)
        if self.budget[0] <= 0 or not self.forward or len(text) > 200:
            return ""
        self.budget[0] -= 1
        if self.small is not None:
            pool = self.small
        else:
            pool = self._near(self.forward, text)
            pool += [w[::-1] for w in self._near(self.backward, text[::-1])]
        match = difflib.get_close_matches(text, pool, n=1, cutoff=0.6)
        return f' (did you mean "{match[0]}"?)' if match else ""

    @staticmethod
    def _near(words: list[str], text: str) -> list[str]:
        i = bisect.bisect_left(words, text)
        return words[max(0, i - _NEIGHBOURS) : i + _NEIGHBOURS]


def suggest(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean "x"?)`` for the closest candidate, or an empty string (one lookup)."""
    return Suggester(candidates)(word)


def show(value: object, limit: int = 40) -> str:
    """A short, quoted rendering of a found value for messages."""
    text = f'"{value}"' if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 4] + '..."'


class _Fatal(Exception):
    """A problem that stops reading: located at a (line, column) and a model path."""

    def __init__(self, file: str, mark: tuple[int, int], loc: Loc, message: str) -> None:
        self.problem = Problem(file, mark[0], mark[1], format_loc(loc), message)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    loc: Loc
    anchor: str | None
    nodes: int = 1
    key: str | None = None
    key_mark: tuple[int, int] = (0, 0)
    merge: bool = False
    explicit: set[str] = field(default_factory=set)


def read_bounded(path: str | Path, limit: int, kind: str = "file") -> bytes:
    """The bytes of a regular file, at most `limit` of them, or a located `InputError`.

    Every reader of jobcarve goes through here: devices (``/dev/zero``), FIFOs, sockets
    and symlinks to them are refused before anything is read (a FIFO is opened without
    blocking), folders get their own message, and reading stops at ``limit + 1`` bytes
    whatever size the file system reports.
    """
    name = str(path)

    def fail(message: str) -> InputError:
        return InputError([Problem(name, 0, 0, "", message)])

    try:
        before = os.stat(path)
        if stat.S_ISDIR(before.st_mode):
            raise fail(f"is a folder, expected {kind}")
        if not stat.S_ISREG(before.st_mode):
            raise fail(_not_regular(before.st_mode, kind))
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise fail("no such file") from None
    except NotADirectoryError:
        raise fail("no such file (a part of the path is a file, not a folder)") from None
    except PermissionError:
        raise fail("cannot read file: permission denied") from None
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)  # the file opened, which may have been swapped since os.stat
        if not stat.S_ISREG(info.st_mode):
            raise fail(_not_regular(info.st_mode, kind))
        if info.st_size > limit:
            raise fail(f"file is {info.st_size:,} bytes; the limit is {limit:,}")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise fail(f"file is more than {limit:,} bytes (the limit); it grew while read")
        return b"".join(chunks)
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _not_regular(mode: int, kind: str) -> str:
    what = (
        "a pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )
    return f"is {what}, expected {kind}: jobcarve reads only regular files"


def dump(data: Any, comments: Sequence[str] = ()) -> str:
    """Plain data as YAML text (keys in their order, Unicode as written), after `comments`
    as ``#`` lines: the one place that writes YAML (the import writes a model with it)."""
    header = "".join(f"# {line}\n" for line in comments)
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def read_text(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """Read a file as UTF-8 text, refusing huge, binary and non-UTF-8 files."""
    return decode(read_bounded(path, limits.max_file_bytes, "a YAML file"), str(path))


def decode(data: bytes, name: str) -> str:
    """Bytes -> text, with a located message for binary or non-UTF-8 content."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data[:nul].count(b"\n") + 1
        raise InputError(
            [Problem(name, line, 1, "", "file is binary (NUL byte), expected YAML text")]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start]
        raise InputError(
            [
                Problem(
                    name,
                    line,
                    col,
                    "",
                    f"file is not UTF-8 text (byte 0x{bad:02x}); save it as UTF-8",
                )
            ]
        ) from None


def load(
    text: str, file: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse one YAML document into plain data with a source map.

    Returns the data (None for an empty document), its source map and the non-fatal
    problems found (duplicate keys, bidi control characters). Fatal problems (syntax,
    limits, tags) raise `InputError`.
    """
    smap = SourceMap(file)
    problems: list[Problem] = []
    try:
        data = _build(text, smap, problems, limits)
    except _Fatal as fatal:
        raise InputError([fatal.problem]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        raise InputError([Problem(file, line, col, "", f"YAML syntax error: {what}")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        pos = exc.position
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        what = f"character #x{exc.character:04x}" if isinstance(exc.character, int) else "character"
        raise InputError(
            [Problem(file, line, col, "", f"YAML syntax error: unacceptable {what}: {exc.reason}")]
        ) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(file, 1, 1, "", f"YAML error: {exc}")]) from None
    except RecursionError:  # pragma: no cover - the depth limit stops this first
        raise InputError([Problem(file, 0, 0, "", "nesting is too deep")]) from None
    return data, smap, problems


def _pos(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(event: Any, file: str, problems: list[Problem], loc: Loc) -> Any:
    tag = event.tag
    if tag in (None, "!"):
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if tag == _MERGE:
        return _MERGE_KEY
    if tag not in _SCALAR_TAGS:
        line, col = _pos(event)
        raise _Fatal(
            file,
            (line, col),
            loc,
            f"tag {_short_tag(tag)} is not allowed: jobcarve reads plain YAML only",
        )
    if tag == _YAML + "timestamp":
        return event.value
    if tag in (_YAML + "int", _YAML + "float") and ":" in event.value:
        line, col = _pos(event)
        raise _Fatal(
            file,
            (line, col),
            loc,
            f"{show(event.value)} would be read as a base-60 number (YAML 1.1); "
            "write the number itself, or quote it as text",
        )
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    try:
        value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, yaml.constructor.ConstructorError):
        line, col = _pos(event)
        raise _Fatal(
            file, (line, col), loc, f"cannot read {show(event.value)} as {tag[len(_YAML) :]}"
        ) from None
    if isinstance(value, str) and (
        _CONTROL.search(value)
        or (_SINGLE_LINE.search(value.strip()) and loc and loc[-1] in _ONE_LINE_KEYS)
    ):  # (spaces, tabs and line breaks around a text are stripped by the schema)
        line, col = _pos(event)
        bad = (_CONTROL.search(value) or _SINGLE_LINE.search(value.strip())).group()  # type: ignore[union-attr]
        problems.append(
            Problem(
                file,
                line,
                col,
                format_loc(loc),
                f"text contains the control character U+{ord(bad):04X}"
                + (" (a line break or tab, not allowed in a name)" if bad in "\t\n" else "")
                + "; remove it",
            )
        )
    elif isinstance(value, str) and _BIDI & set(value):
        line, col = _pos(event)
        problems.append(
            Problem(
                file,
                line,
                col,
                format_loc(loc),
                "text contains a bidirectional control character (e.g. right-to-left override), which can disguise what it says",
            )
        )
    return value


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


class _MergeKey:
    pass


_MERGE_KEY = _MergeKey()


def _build(text: str, smap: SourceMap, problems: list[Problem], limits: Limits) -> Any:
    file = smap.file
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    root: list[Any] = []
    total = 0
    documents = 0

    def child_loc() -> Loc:
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.loc, len(top.container))
        return (*top.loc, top.key if top.key is not None else "")

    def attach(value: Any, nodes: int, mark: tuple[int, int], loc: Loc) -> None:
        nonlocal total
        total += nodes
        if total > limits.max_nodes:
            raise _Fatal(
                file,
                mark,
                loc,
                f"more than {limits.max_nodes:,} values after expanding aliases (an alias bomb?)",
            )
        if not stack:
            root.append(value)
            return
        top = stack[-1]
        top.nodes += nodes
        if isinstance(top.container, list):
            top.container.append(value)
            return
        if top.merge:
            sources = value if isinstance(value, list) else [value]
            for src in sources:
                if not isinstance(src, dict):
                    raise _Fatal(
                        file,
                        mark,
                        top.loc,
                        "a merge key (<<) needs a mapping or a list of mappings",
                    )
                for k, v in src.items():
                    if k not in top.explicit and k not in top.container:
                        top.container[k] = v
            top.merge = False
            return
        assert top.key is not None
        top.container[top.key] = value
        top.explicit.add(top.key)
        top.key = None

    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                line, col = _pos(event)
                raise _Fatal(
                    file, (line, col), (), "more than one YAML document; a model is one document"
                )
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        mark = _pos(event)
        awaiting_key = (
            bool(stack)
            and isinstance(stack[-1].container, dict)
            and stack[-1].key is None
            and not stack[-1].merge
        )
        if isinstance(event, yaml.ScalarEvent):
            if awaiting_key:
                top = stack[-1]
                key = _scalar(event, file, problems, top.loc)
                if key is _MERGE_KEY:
                    top.merge = True
                    continue
                key = (
                    "null"
                    if key is None
                    else str(key).lower()
                    if isinstance(key, bool)
                    else str(key)
                )
                loc = (*top.loc, key)
                assert isinstance(top.container, dict)
                if key in top.explicit:
                    first = smap.keys.get(loc, (0, 0))
                    problems.append(
                        Problem(
                            file,
                            mark[0],
                            mark[1],
                            format_loc(loc),
                            f'duplicate key "{key}" (first at line {first[0]})',
                        )
                    )
                    top.explicit.discard(key)
                    top.container.pop(key, None)
                else:
                    smap.keys[loc] = mark
                top.key = key
                top.key_mark = mark
                continue
            loc = child_loc() if stack else ()
            smap.values.setdefault(loc, mark)
            value = _scalar(event, file, problems, loc)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            attach(value, 1, mark, loc)
        elif isinstance(event, yaml.AliasEvent):
            if awaiting_key:
                raise _Fatal(file, mark, stack[-1].loc, "an alias cannot be a key")
            loc = child_loc() if stack else ()
            if event.anchor not in anchors:
                raise _Fatal(file, mark, loc, f'unknown alias "*{event.anchor}"')
            smap.values.setdefault(loc, mark)
            value, nodes = anchors[event.anchor]
            attach(value, nodes, mark, loc)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if awaiting_key:
                raise _Fatal(
                    file, mark, stack[-1].loc, "a key must be plain text, not a mapping or list"
                )
            loc = child_loc() if stack else ()
            if event.tag not in (None, "!", _YAML + "map", _YAML + "seq"):
                raise _Fatal(
                    file,
                    mark,
                    loc,
                    f"tag {_short_tag(event.tag)} is not allowed: jobcarve reads plain YAML only",
                )
            if len(stack) >= limits.max_depth:
                raise _Fatal(file, mark, loc, f"nesting deeper than {limits.max_depth} levels")
            smap.values.setdefault(loc, mark)
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            stack.append(_Frame(container, loc, event.anchor))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = stack.pop()
            if frame.anchor:
                anchors[frame.anchor] = (frame.container, frame.nodes)
            nodes = frame.nodes
            total -= nodes - 1  # children were counted as they were attached
            attach(frame.container, nodes, mark, frame.loc)
    return root[0] if root else None


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The pydantic model class that validates the mapping at `loc`."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validation_problems(
    exc: ValidationError, model: type[BaseModel], smap: SourceMap
) -> list[Problem]:
    """Turn a pydantic `ValidationError` into one located, readable problem per error."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
        kind = err["type"]
        if kind == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            allowed = sorted(parent.model_fields) if parent else []
            out.append(
                smap.problem(
                    loc, f'unknown key "{loc[-1]}"{suggest(str(loc[-1]), allowed)}', key=True
                )
            )
            continue
        if kind == "missing":
            out.append(smap.problem(loc[:-1], f'missing required key "{loc[-1]}"'))
            continue
        if kind == "string_pattern_mismatch":
            message = "must be an id: a letter, then letters, digits, '_' or '-' (64 at most)"
            out.append(smap.problem(loc, f"{message}, found {show(err.get('input'))}"))
            continue
        message = str(err["msg"])
        for prefix, repl in (
            ("Value error, ", ""),
            ("Input should be ", "must be "),
            ("Input ", "value "),
        ):
            if message.startswith(prefix):
                message = repl + message[len(prefix) :]
        if "found" not in message:
            message += f", found {show(err.get('input'))}"
        out.append(smap.problem(loc, message))
    return out
