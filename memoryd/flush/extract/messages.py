"""The visible conversation: user and assistant prose, and each tool call joined to its result.

OpenClaw's own memory-flush turns, ``NO_REPLY`` answers, gateway-injected messages, writes to
memory files and non-message entries (compaction summaries, model changes, custom entries) are
not evidence and are left out here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Generic, TypeVar, overload

from memoryd.flush.extract.cues import Cue
from memoryd.flush.extract.lexicon import OR, RECOMMEND, WHICH
from memoryd.flush.extract.markers import FUNCTION_WORDS, LEAD_FILLER
from memoryd.flush.extract.prose import (
    CJK,
    QUESTION_END,
    Block,
    Option,
    clean_prose,
    labelled_lines,
    list_blocks,
    option_list,
    paragraphs,
    split_sentences,
)
from memoryd.flush.extract.shell import (
    EDIT_TOOLS,
    EXIT_CODE,
    READ_GIT,
    SECRET_HINTS,
    TRIVIAL,
    WRITE_TOOLS,
    command_effect,
    file_effect,
    found_nothing,
    raw_segments,
    signature,
)
from memoryd.flush.memo import memo
from memoryd.flush.redact import is_secret_path
from memoryd.sources.transcript import Entry, ToolCall

_FLUSH_PROMPT: Final = re.compile(
    r"^\s*Continue the OpenClaw runtime event\.?\s*$|pre-?compaction memory flush|memory flush turn", re.I
)


_NO_REPLY: Final = re.compile(r"^\s*NO_REPLY\s*$")


_MEMORY_FILE: Final = re.compile(r"(?:^|/)(?:memory/[^/]*\.md|MEMORY\.md)$", re.I)


@dataclass(frozen=True, slots=True)
class Step:
    """One tool call together with its result."""

    id: str
    tool: str
    command: str
    path: str
    content: str
    output: str
    failed: bool
    effect: str  # change | doc | procedure_doc | code | edit | check | install | read
    quiet: bool  # the output came from (or the command touched) a secret file: never quoted
    segments: tuple[tuple[str, tuple[str, ...]], ...]
    sigs: frozenset[str]  # programs it ran, to link a failure to the run that fixed it


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _make_step(entry: Entry, call: ToolCall | None) -> Step:
    args: dict[str, Any] = call.arguments if call else {}
    tool = (call.name if call else entry.tool_name or "bash").lower()
    command = _str(args.get("command") or args.get("cmd") or entry.command)
    path = _str(args.get("path") or args.get("file_path") or args.get("filePath") or args.get("file"))
    content = _str(
        args.get("content") or args.get("newText") or args.get("new_string") or args.get("new_str")
    )
    code = entry.exit_code
    tail = entry.text[-200:]
    if code is None and "exit" in tail.lower() and (m := EXIT_CODE.search(tail)):
        code = int(m.group(1))
    failed = entry.is_error or (code is not None and code != 0)
    if command:
        segments, effect, quiet, sigs = _command_facts(command)
        failed = failed and not found_nothing(segments, entry.text, code)
    else:
        segments, sigs = (), _NO_SIGS
        if tool in WRITE_TOOLS or tool in EDIT_TOOLS:
            effect, quiet = file_effect(tool, path, content), is_secret_path(path)
        else:
            effect, quiet = ("change" if _writer(tool) else "read"), bool(path) and is_secret_path(path)
    return Step(entry.id, tool, command, path, content, entry.text, failed, effect, quiet, segments, sigs)


_Segments = tuple[tuple[str, tuple[str, ...]], ...]
_NO_SIGS: Final[frozenset[str]] = frozenset()


@memo(1024)
def _command_facts(command: str) -> tuple[_Segments, str, bool, frozenset[str]]:
    """A shell line's simple commands, effect, secrecy and program signatures: pure in the line, and
    agents run the same lines again and again (polls, re-runs), so each is read once."""
    segments = tuple((raw, tuple(words)) for raw, words in raw_segments(command))
    effect = command_effect(command, segments)
    low = command.lower()
    quiet = any(h in low for h in SECRET_HINTS) and any(
        is_secret_path(w) for _, words in segments for w in words[1:] if not w.startswith("-")
    )
    return segments, effect, quiet, _sigs(segments)


@memo(256)
def _writer(tool: str) -> bool:
    """A tool of its own whose name says it changes something outside (sends, posts, deploys)."""
    return any(w in tool for w in ("send", "post", "publish", "deploy", "schedule", "message"))


def _sigs(segments: Sequence[tuple[str, Sequence[str]]]) -> frozenset[str]:
    sigs = (signature(w) for _, w in segments)
    return frozenset(s for s in sigs if s.split(" ", 1)[0] not in TRIVIAL and not s.startswith(READ_GIT))


_T = TypeVar("_T")


class _once(Generic[_T]):
    """``functools.cached_property`` without its per-instance lock (Python 3.11 takes one on each first
    read): the value is computed on first read and stored in the instance's ``__dict__``, where later
    reads find it without calling the descriptor."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _once[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> _T | _once[_T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(eq=False)
class Msg:
    """A visible message; prose analyses are computed once, when first needed."""

    pos: int
    id: str
    role: str  # user | assistant | tool
    prose: str = ""
    has_calls: bool = False
    step: Step | None = None
    cue_hits: dict[int, bool] = field(default_factory=dict)

    @_once
    def sentences(self) -> tuple[str, ...]:
        return split_sentences(self.prose)

    @_once
    def paragraphs(self) -> tuple[str, ...]:
        """``paragraphs(prose)``, once."""
        return tuple(paragraphs(self.prose))

    @_once
    def tail(self) -> tuple[str, ...]:
        """The sentences of the last paragraph (where a turn asks its question), once; () without prose."""
        return split_sentences(self.paragraphs[-1]) if self.paragraphs else ()

    @_once
    def cores(self) -> tuple[str, ...]:
        """Each of ``sentences`` without its lead filler ("ok so", "well,"): ``LEAD_FILLER.sub("", s)``."""
        return tuple(LEAD_FILLER.sub("", s) for s in self.sentences)

    @_once
    def asks(self) -> bool:
        """Some sentence of the message is a question: ``any(is_question(s) for s in sentences)``."""
        return any(QUESTION_END.search(s) for s in self.sentences)

    @_once
    def low(self) -> str:
        """Lower-cased prose, for cheap substring tests before a costly regex."""
        return self.prose.lower()

    def mentions(self, *needles: str) -> bool:
        return any(n in self.low for n in needles)

    def has(self, cue: Cue) -> bool:
        """Whether any sentence of the message could match ``cue`` (one test per message)."""
        hit = self.cue_hits.get(id(cue))
        if hit is None:
            hit = self.cue_hits[id(cue)] = cue.may_match(self.low)
        return hit

    @_once
    def blocks(self) -> tuple[Block, ...]:
        return list_blocks(self.prose)

    @_once
    def options(self) -> tuple[Option, ...]:
        """Alternatives (or plan points) laid out as labelled, numbered or bulleted lines."""
        return option_list(self.prose, self.blocks)

    @_once
    def or_question(self) -> bool:
        """The message closes by asking "X or Y?"."""
        if "?" not in self.prose and "？" not in self.prose:
            return False
        return any(QUESTION_END.search(s) and OR.hit(s) for s in self.tail)

    @_once
    def proposal(self) -> bool:
        """Listed alternatives or a multi-part plan that the user is asked (or advised) to take."""
        if len(self.options) < 2:
            return False
        return bool(QUESTION_END.search(self.paragraphs[-1]) or self.choice or self.recommends)

    @_once
    def recommends(self) -> bool:
        return any(RECOMMEND.hit(s) and not QUESTION_END.search(s) for s in self.sentences)

    @_once
    def choice(self) -> bool:
        """The proposal's items are alternatives to pick from, not parts of one plan."""
        return len(labelled_lines(self.prose)) >= 2 or WHICH.hit(self.prose) or self.or_question


def visible_messages(entries: Sequence[Entry]) -> list[Msg]:
    """Messages that count as conversation, with tool results joined to their calls."""
    calls: dict[str, ToolCall] = {}
    skipped: set[str] = set()
    msgs: list[Msg] = []
    in_flush = False
    for e in entries:
        if e.type != "message" or e.model == "gateway-injected":
            continue
        if e.role == "user":
            low = e.text[:2000].lower()
            in_flush = ("runtime event" in low or "memory flush" in low) and bool(
                _FLUSH_PROMPT.search(e.text)
            )
            if not in_flush:
                msgs.append(Msg(len(msgs), e.id, "user", clean_prose(e.text)))
        elif in_flush:
            continue
        elif e.role == "assistant":
            if _NO_REPLY.match(e.text) and not e.tool_calls:
                continue
            for c in e.tool_calls:
                target = _str(c.arguments.get("path") or c.arguments.get("file_path"))
                if _MEMORY_FILE.search(target):
                    skipped.add(c.id)  # the agent's own memory housekeeping
                else:
                    calls[c.id] = c
            live = any(c.id not in skipped for c in e.tool_calls)
            prose = clean_prose(e.text)
            if prose or live:
                msgs.append(Msg(len(msgs), e.id, "assistant", prose, has_calls=live))
        elif e.role in ("toolResult", "bashExecution") and e.tool_call_id not in skipped:
            step = _make_step(e, calls.get(e.tool_call_id or ""))
            msgs.append(Msg(len(msgs), e.id, "tool", step=step))
    return msgs


_LATIN_WORD: Final = re.compile(r"[a-zà-öø-ÿ']+")


def language_of(msgs: Sequence[Msg]) -> str:
    """The language the user writes in: ``ja``, ``de``, ``es``, ``fr``, ``it`` or (by default) ``en``."""
    prose = "".join(m.prose for m in msgs if m.role == "user")[:5000]
    if prose and len(CJK.findall(prose)) > 0.15 * len(prose):
        return "ja"
    words = _LATIN_WORD.findall(" ".join(m.prose for m in msgs if m.role == "user")[:5000].lower())
    if not words:
        return "en"
    share = {lang: sum(1 for w in words if w in vocab) for lang, vocab in FUNCTION_WORDS.items()}
    best = max(share, key=lambda lang: share[lang])
    return best if best != "en" and share[best] > max(share["en"], 0.08 * len(words)) else "en"
