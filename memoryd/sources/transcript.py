"""Parse OpenClaw / pi transcript lines into plain entries.

Pure functions only: bytes in, dataclasses out. The tailer (``tail.py``) decides which bytes
are complete lines; this module decides what a line means. Unknown entry types are kept as
``Entry`` with their type and no payload, so nothing downstream ever fails on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

#: Lines longer than this are refused (``source.error``) instead of parsed.
MAX_LINE_BYTES = 8 * 1024 * 1024


class LineError(ValueError):
    """A line that cannot be an entry; ``reason`` is short and stable (used in events)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        # Set by parse_lines: where the line starts in its data, and whether ``skim_head`` reads it
        # (then a first read may have passed the line undecoded, and nobody reported it yet).
        self.offset: int | None = None
        self.head_readable = False


@dataclass(frozen=True)
class Usage:
    """Token usage of one assistant reply, as the provider reported it."""

    input: int = 0
    output: int = 0
    cache_read: int = 0
    cache_write: int = 0
    total: int = 0

    @property
    def prompt(self) -> int:
        """Prompt-side size of the call, the way OpenClaw computes it."""
        side = self.input + self.cache_read + self.cache_write
        if side == 0 and self.total > 0:
            return max(0, self.total - self.output)
        return side

    @property
    def is_zero(self) -> bool:
        return self.input == self.output == self.cache_read == self.cache_write == self.total == 0


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Compaction:
    summary: str
    first_kept_entry_id: str | None
    tokens_before: int | None
    first_kept_entry_index: int | None = None


@dataclass(frozen=True, slots=True)
class Header:
    """Line 1 of a transcript."""

    session_id: str | None
    version: int
    timestamp: str
    cwd: str | None


@dataclass(frozen=True)
class Entry:
    """One transcript line after the header.

    ``role`` is set for ``message`` entries (``user``, ``assistant``, ``toolResult``,
    ``bashExecution``, ...). ``text`` holds the readable text blocks only; thinking, tool calls
    and tool output are kept apart so that an extractor can choose what counts as prose.
    """

    type: str
    id: str
    parent_id: str | None
    timestamp: str
    role: str | None = None
    text: str = ""
    thinking: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None
    tool_name: str | None = None
    is_error: bool = False
    usage: Usage | None = None
    model: str | None = None
    stop_reason: str | None = None
    compaction: Compaction | None = None
    command: str | None = None
    exit_code: int | None = None
    custom_type: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def is_message(self) -> bool:
        return self.type == "message"

    if not TYPE_CHECKING:  # for mypy every field is a plain attribute

        def __getattr__(self, name: str) -> Any:
            """A message field that ``parse_entry`` left to be computed on first use (see below)."""
            fields = self.__dict__
            msg = fields.get("_msg")
            if msg is not None:
                fill = _LAZY.get(name)
                if fill is not None:
                    fill(fields, msg)
                    return fields[name]
            elif name in _DEFAULTS:
                return _DEFAULTS[name]
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


# Speed. Every line the daemon reads becomes an Entry, and building one used to cost more than
# decoding its JSON: a frozen dataclass's ``__init__`` sets each of its 19 fields through
# ``object.__setattr__``. So the parser makes instances without ``__init__`` (``object.__new__`` and
# the fields as the instance ``__dict__``), and of a message it decodes only ``type``, ``id``,
# ``parent_id``, ``timestamp`` and ``role`` at once. The other message fields (text, tool calls, usage
# ...) are computed from the decoded message, kept as ``_msg``, when first read, each at most once, by
# ``Entry.__getattr__``, which Python calls only for attributes that the instance does not have: those
# fields therefore have no class attribute (dataclass defaults live in ``__init__``, not in the
# class). The daemon's tracker reads the usage of assistant replies and the text of user prompts;
# a tool result's output is never decoded into an ``Entry`` field unless a flush asks for it. The
# instances are the same frozen dataclasses as ``Entry(...)`` makes, equal when their fields are.
_new = object.__new__
_set = object.__setattr__
_MESSAGE_LAZY = (
    "text",
    "thinking",
    "tool_calls",
    "tool_call_id",
    "tool_name",
    "is_error",
    "usage",
    "model",
    "stop_reason",
    "command",
    "exit_code",
    "details",
)
_DEFAULTS: dict[str, Any] = {
    name: Entry.__dataclass_fields__[name].default for name in _MESSAGE_LAZY if name != "details"
}
for _name in _MESSAGE_LAZY:
    if _name in Entry.__dict__:
        delattr(Entry, _name)


def _int(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return 0


def _tool_call(block: dict[str, Any]) -> ToolCall:
    args = block.get("arguments")
    call = _new(ToolCall)
    _set(
        call,
        "__dict__",
        {
            "id": str(block.get("id") or ""),
            "name": str(block.get("name") or ""),
            "arguments": args if isinstance(args, dict) else {},
        },
    )
    return call


def _text_of(content: Any) -> tuple[str, str, tuple[ToolCall, ...]]:
    """Split message content into (text, thinking, tool calls)."""
    if isinstance(content, str):
        return content, "", ()
    if not isinstance(content, list):
        return "", "", ()
    if len(content) == 1:  # the common case: one text block
        block = content[0]
        if isinstance(block, dict) and block.get("type") == "text":
            value = block.get("text")
            return (value if isinstance(value, str) else ""), "", ()
    texts: list[str] = []
    thoughts: list[str] = []
    calls: list[ToolCall] = []
    for block in content:
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "text":
            value = block.get("text")
            if isinstance(value, str):
                texts.append(value)
        elif kind == "thinking":
            value = block.get("thinking")
            if isinstance(value, str):
                thoughts.append(value)
        elif kind == "toolCall":
            calls.append(_tool_call(block))
    return "\n".join(texts), "\n".join(thoughts), tuple(calls)


def _usage(raw: Any) -> Usage | None:
    if not isinstance(raw, dict):
        return None
    get = raw.get
    i, o, cr, cw, t = get("input"), get("output"), get("cacheRead"), get("cacheWrite"), get("totalTokens")
    if not (type(i) is int and type(o) is int and type(cr) is int and type(cw) is int and type(t) is int):
        i, o, cr, cw, t = _int(i), _int(o), _int(cr), _int(cw), _int(t)
    usage = _new(Usage)
    _set(usage, "__dict__", {"input": i, "output": o, "cache_read": cr, "cache_write": cw, "total": t})
    return usage


def loads_line(line: bytes) -> dict[str, Any]:
    """Decode one JSONL line to an object, or raise ``LineError``."""
    if len(line) > MAX_LINE_BYTES:
        raise LineError("line_too_long", f"{len(line)} bytes")
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        # orjson refuses invalid UTF-8 outright; say which problem it was.
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            raise LineError("invalid_utf8", str(exc)) from None
        raise LineError("invalid_json", str(exc)) from None
    if not isinstance(obj, dict):
        raise LineError("not_an_object", type(obj).__name__)
    return obj


def parse_header(obj: dict[str, Any]) -> Header | None:
    """The session header, or ``None`` when ``obj`` is not one."""
    if obj.get("type") != "session":
        return None
    version = obj.get("version")
    sid = obj.get("id")
    cwd = obj.get("cwd")
    return Header(
        session_id=sid if isinstance(sid, str) else None,
        version=version if isinstance(version, int) else 1,
        timestamp=str(obj.get("timestamp") or ""),
        cwd=cwd if isinstance(cwd, str) else None,
    )


def _fill_content(fields: dict[str, Any], msg: dict[str, Any]) -> None:
    text, thinking, calls = _text_of(msg.get("content"))
    if fields["role"] == "bashExecution":
        output = msg.get("output")
        text = output if isinstance(output, str) else text
    fields["text"] = text
    fields["thinking"] = thinking
    fields["tool_calls"] = calls


def _fill_usage(fields: dict[str, Any], msg: dict[str, Any]) -> None:
    fields["usage"] = _usage(msg.get("usage"))


def _fill_model(fields: dict[str, Any], msg: dict[str, Any]) -> None:
    model = msg.get("model")
    fields["model"] = model if isinstance(model, str) else None


def _fill_rest(fields: dict[str, Any], msg: dict[str, Any]) -> None:
    mget = msg.get
    tool_call_id = mget("toolCallId")
    tool_name = mget("toolName")
    stop = mget("stopReason")
    command = mget("command")
    exit_code = mget("exitCode")
    details = mget("details")
    fields["tool_call_id"] = str(tool_call_id) if tool_call_id else None
    fields["tool_name"] = str(tool_name) if tool_name else None
    fields["is_error"] = bool(mget("isError"))
    fields["stop_reason"] = stop if isinstance(stop, str) else None
    fields["command"] = command if isinstance(command, str) else None
    fields["exit_code"] = exit_code if isinstance(exit_code, int) else None
    fields["details"] = details if isinstance(details, dict) else {}


_LAZY: dict[str, Callable[[dict[str, Any], dict[str, Any]], None]] = {
    "text": _fill_content,
    "thinking": _fill_content,
    "tool_calls": _fill_content,
    "usage": _fill_usage,
    "model": _fill_model,
    **{
        name: _fill_rest
        for name in _MESSAGE_LAZY
        if name not in ("text", "thinking", "tool_calls", "usage", "model")
    },
}


def _decode_all(entry: Entry) -> Entry:
    """Compute every lazy field now (the flush reads them all), and drop the decoded message."""
    fields = entry.__dict__
    msg = fields.pop("_msg", None)
    if msg is not None:
        _fill_content(fields, msg)
        _fill_usage(fields, msg)
        _fill_model(fields, msg)
        _fill_rest(fields, msg)
    return entry


def parse_entry(obj: dict[str, Any], line_no: int) -> Entry:
    """Turn a decoded line into an ``Entry``.

    Version 1 files have no ids: they get ``L<line_no>`` so that every entry can be cited.
    """
    get = obj.get
    etype = get("type")
    if not isinstance(etype, str):
        raise LineError("missing_type")
    raw_id = get("id")
    parent = get("parentId")
    stamp = get("timestamp")
    fields: dict[str, Any] = {
        "type": etype,
        "id": raw_id if isinstance(raw_id, str) and raw_id else f"L{line_no}",
        "parent_id": parent if isinstance(parent, str) else None,
        "timestamp": stamp if type(stamp) is str else str(stamp or ""),
    }
    if etype == "message":
        msg = get("message")
        if not isinstance(msg, dict):
            raise LineError("bad_message", "message is not an object")
        role = msg.get("role")
        fields["role"] = role if isinstance(role, str) else "unknown"
        fields["_msg"] = msg
    elif etype == "compaction":
        summary = get("summary")
        fk = get("firstKeptEntryId")
        tb = get("tokensBefore")
        fki = get("firstKeptEntryIndex")
        fields["compaction"] = Compaction(
            summary=summary if isinstance(summary, str) else "",
            first_kept_entry_id=fk if isinstance(fk, str) else None,
            tokens_before=tb if isinstance(tb, int) else None,
            first_kept_entry_index=fki if isinstance(fki, int) else None,
        )
        fields["details"] = {}
    elif etype in ("custom", "custom_message"):
        ctype = get("customType")
        content = get("content")
        fields["custom_type"] = ctype if isinstance(ctype, str) else None
        fields["text"] = content if isinstance(content, str) else _text_of(content)[0]
        fields["details"] = {}
    else:
        fields["details"] = {}
    entry = _new(Entry)
    _set(entry, "__dict__", fields)
    return entry


# OpenClaw writes every message line with the same leading keys, in the same order. History that
# memoryd only needs to count (see ``HistoryLines``) is recognised from these bytes, not decoded.
_MESSAGE_HEAD = re.compile(
    rb'\{"type":"message","id":"([A-Za-z0-9_.:-]{1,128})","parentId":(?:null|"[^"\\]{0,128}"),'
    rb'"timestamp":"[^"\\]{0,64}","message":\{"role":"([A-Za-z]{1,32})"'
)


def skim_head(data: bytes) -> tuple[str, str] | None:
    """(entry id, role) of a message line in OpenClaw's key order, read from its head; ``None`` when unsure.

    Not a validation of the line: only a check that it holds one entry. A line torn by a crash and
    continued by the next append holds two ``"parentId"`` keys at the top level (and a JSON string
    cannot hold ``,"parentId":`` unescaped), so it is refused here and decoded in full, which
    reports it. So is a line that does not end its object, or a message that nests another.
    """
    m = _MESSAGE_HEAD.match(data)
    if m is None or data[-1:] != b"}" or data.find(b',"parentId":', m.end()) >= 0:
        return None
    return m.group(1).decode("ascii"), m.group(2).decode("ascii")


def message_head(obj: dict[str, Any]) -> tuple[str, str] | None:
    """(entry id, role) of a decoded message line, as ``parse_entry`` reads them; ``None`` otherwise."""
    if obj.get("type") != "message":
        return None
    eid = obj.get("id")
    msg = obj.get("message")
    if type(eid) is not str or not eid or type(msg) is not dict:
        return None
    role = msg.get("role")
    return (eid, role) if type(role) is str else None


@dataclass(slots=True)
class HistoryLines:
    """Consecutive message lines of history, each known only by its id and role.

    On first sight of a transcript, what memoryd needs from the history is its cycles, where the
    current one starts, the last reported usage and OpenClaw's own flushes. Of most message lines
    that is the id alone, so the reader hands them over in runs, as raw lines: undecoded when
    ``skim_head`` reads their head, decoded but not made into entries otherwise. The tracker
    decodes the few it needs (``sessions.tracker.on_history_lines``).
    """

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    datas: list[bytes] = field(default_factory=list)


def decode_message(data: bytes) -> Entry | None:
    """A message line skimmed earlier, decoded now; ``None`` when it is not one after all."""
    try:
        entry = parse_entry(loads_line(data), 0)
    except LineError:
        return None
    return entry if entry.type == "message" else None


def parse_lines(data: bytes, first_line_no: int = 1) -> tuple[Header | None, list[Entry], list[LineError]]:
    """Parse complete lines (a whole small file, or a test fixture). Errors are collected, not raised."""
    header: Header | None = None
    entries: list[Entry] = []
    errors: list[LineError] = []
    pos = 0
    for i, line in enumerate(data.split(b"\n")):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        try:
            obj = loads_line(line)
            h = parse_header(obj)
            if h is not None:
                header = header or h
                continue
            entries.append(_decode_all(parse_entry(obj, first_line_no + i)))
        except LineError as exc:
            exc.offset = start
            exc.head_readable = skim_head(line) is not None
            errors.append(exc)
    return header, entries, errors
