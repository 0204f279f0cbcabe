"""Parse OpenClaw / pi transcript lines into plain entries.

Pure functions only: bytes in, dataclasses out. The tailer (``tail.py``) decides which bytes
are complete lines; this module decides what a line means. Unknown entry types are kept as
``Entry`` with their type and no payload, so nothing downstream ever fails on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

#: Lines longer than this are refused (``source.error``) instead of parsed.
MAX_LINE_BYTES = 8 * 1024 * 1024


class LineError(ValueError):
    """A line that cannot be an entry; ``reason`` is short and stable (used in events)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


def _int(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return 0


def _text_of(content: Any) -> tuple[str, str, tuple[ToolCall, ...]]:
    """Split message content into (text, thinking, tool calls)."""
    if isinstance(content, str):
        return content, "", ()
    if not isinstance(content, list):
        return "", "", ()
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
            args = block.get("arguments")
            calls.append(
                ToolCall(
                    id=str(block.get("id") or ""),
                    name=str(block.get("name") or ""),
                    arguments=args if isinstance(args, dict) else {},
                )
            )
    return "\n".join(texts), "\n".join(thoughts), tuple(calls)


def _usage(raw: Any) -> Usage | None:
    if not isinstance(raw, dict):
        return None
    return Usage(
        input=_int(raw.get("input")),
        output=_int(raw.get("output")),
        cache_read=_int(raw.get("cacheRead")),
        cache_write=_int(raw.get("cacheWrite")),
        total=_int(raw.get("totalTokens")),
    )


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


def parse_entry(obj: dict[str, Any], line_no: int) -> Entry:
    """Turn a decoded line into an ``Entry``.

    Version 1 files have no ids: they get ``L<line_no>`` so that every entry can be cited.
    """
    etype = obj.get("type")
    if not isinstance(etype, str):
        raise LineError("missing_type")
    raw_id = obj.get("id")
    entry_id = raw_id if isinstance(raw_id, str) and raw_id else f"L{line_no}"
    parent = obj.get("parentId")
    base: dict[str, Any] = {
        "type": etype,
        "id": entry_id,
        "parent_id": parent if isinstance(parent, str) else None,
        "timestamp": str(obj.get("timestamp") or ""),
    }
    if etype == "message":
        msg = obj.get("message")
        if not isinstance(msg, dict):
            raise LineError("bad_message", "message is not an object")
        role = msg.get("role")
        role = role if isinstance(role, str) else "unknown"
        text, thinking, calls = _text_of(msg.get("content"))
        details = msg.get("details")
        exit_code = msg.get("exitCode")
        command = msg.get("command")
        if role == "bashExecution":
            output = msg.get("output")
            text = output if isinstance(output, str) else text
        return Entry(
            **base,
            role=role,
            text=text,
            thinking=thinking,
            tool_calls=calls,
            tool_call_id=str(msg["toolCallId"]) if msg.get("toolCallId") else None,
            tool_name=str(msg["toolName"]) if msg.get("toolName") else None,
            is_error=bool(msg.get("isError")),
            usage=_usage(msg.get("usage")),
            model=msg.get("model") if isinstance(msg.get("model"), str) else None,
            stop_reason=msg.get("stopReason") if isinstance(msg.get("stopReason"), str) else None,
            command=command if isinstance(command, str) else None,
            exit_code=exit_code if isinstance(exit_code, int) else None,
            details=details if isinstance(details, dict) else {},
        )
    if etype == "compaction":
        summary = obj.get("summary")
        fk = obj.get("firstKeptEntryId")
        tb = obj.get("tokensBefore")
        fki = obj.get("firstKeptEntryIndex")
        return Entry(
            **base,
            compaction=Compaction(
                summary=summary if isinstance(summary, str) else "",
                first_kept_entry_id=fk if isinstance(fk, str) else None,
                tokens_before=tb if isinstance(tb, int) else None,
                first_kept_entry_index=fki if isinstance(fki, int) else None,
            ),
        )
    if etype in ("custom", "custom_message"):
        ctype = obj.get("customType")
        content = obj.get("content")
        text = content if isinstance(content, str) else _text_of(content)[0]
        return Entry(**base, custom_type=ctype if isinstance(ctype, str) else None, text=text)
    return Entry(**base)


def parse_lines(data: bytes, first_line_no: int = 1) -> tuple[Header | None, list[Entry], list[LineError]]:
    """Parse complete lines (a whole small file, or a test fixture). Errors are collected, not raised."""
    header: Header | None = None
    entries: list[Entry] = []
    errors: list[LineError] = []
    for i, line in enumerate(data.split(b"\n")):
        if not line.strip():
            continue
        try:
            obj = loads_line(line)
            h = parse_header(obj)
            if h is not None:
                header = header or h
                continue
            entries.append(parse_entry(obj, first_line_no + i))
        except LineError as exc:
            errors.append(exc)
    return header, entries, errors
