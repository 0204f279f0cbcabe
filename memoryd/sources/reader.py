"""A transcript as a stream of new entries: the tailer plus the parser plus "what did we see".

``TranscriptReader.read`` returns the lines that appeared since the last call, parsed. When the
file's bytes changed under us (OpenClaw repaired or migrated it, or someone replaced it), the
tailer starts again from byte 0; the entries up to the last one we had delivered come back marked
``replayed`` so that the caller can move its offsets without treating them as new.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from typing import Any

import orjson

from memoryd.sources.tail import Change, Cursor, read_raw
from memoryd.sources.transcript import (
    Entry,
    Header,
    HistoryLines,
    LineError,
    loads_line,
    message_head,
    parse_entry,
    parse_header,
    skim_head,
)

READ_SLICE = 8 * 1024 * 1024


@dataclass(frozen=True)
class ParsedLine:
    no: int
    start: int
    end: int
    entry: Entry | None = None
    header: Header | None = None
    error: LineError | None = None
    replayed: bool = False  # seen before a content change: not new


@dataclass(slots=True)
class Batch:
    change: Change
    lines: list[ParsedLine | HistoryLines] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(
        default_factory=list
    )  # from the tailer: (offset, reason, detail)
    anchor_lost: str | None = None  # the entry we had reached is gone: history itself was rewritten


_new = object.__new__
_set = object.__setattr__


def _parsed(fields: dict[str, Any]) -> ParsedLine:
    """A ``ParsedLine`` without its generated ``__init__`` (one per line read: see transcript.py)."""
    line = _new(ParsedLine)
    _set(line, "__dict__", fields)
    return line


def parse_line(no: int, start: int, end: int, data: bytes) -> ParsedLine:
    try:
        obj = loads_line(data)
        if no == 1:
            header = parse_header(obj)
            if header is not None:
                return _parsed({"no": no, "start": start, "end": end, "header": header})
        return _parsed({"no": no, "start": start, "end": end, "entry": parse_entry(obj, no)})
    except LineError as exc:
        return _parsed({"no": no, "start": start, "end": end, "error": exc})


def _entry_ids(path: str) -> list[tuple[int, str]]:
    """(line number, entry id) of every entry in the file, for re-aligning after a content change."""
    cur = Cursor(path)
    out: list[tuple[int, str]] = []
    while True:
        res = read_raw(cur, now_ns=time.time_ns(), max_bytes=READ_SLICE)
        if not res.datas:
            return out
        for no, start, end, data in zip(res.nos, res.starts, res.ends, res.datas, strict=True):
            parsed = parse_line(no, start, end, data)
            if parsed.entry is not None:
                out.append((no, parsed.entry.id))


RECENT_IDS = 64


class TranscriptReader:
    """Reads one transcript incrementally; ``last_entry_id`` is what we delivered last."""

    def __init__(self, cursor: Cursor, last_entry_id: str | None = None) -> None:
        self.cursor = cursor
        self.last_entry_id = last_entry_id
        self.recent: list[str] = [last_entry_id] if last_entry_id else []
        self.replay_through = 0  # after a content change: lines up to this number are not new

    def _realign(self) -> str | None:
        """After a content change, find where the entries we delivered end in the new bytes.

        The last delivered entry, else the latest of the recent ones still present; if none of
        them is left the content is a different history and everything in it is new. Returns the
        anchor id when it was lost.
        """
        ids = _entry_ids(self.cursor.path)
        where = {eid: no for no, eid in ids}
        if self.last_entry_id in where:
            self.replay_through = where[self.last_entry_id]
            return None
        known = [where[e] for e in self.recent if e in where]
        self.replay_through = max(known, default=0)
        return self.last_entry_id

    def _delivered(self, entry_ids: list[str]) -> None:
        self.last_entry_id = entry_ids[-1]
        self.recent.extend(entry_ids[-RECENT_IDS:])
        del self.recent[:-RECENT_IDS]

    def read(self, *, now_ns: int | None = None, max_bytes: int = READ_SLICE, skim_until: int = 0) -> Batch:
        """The lines that appeared since the last call.

        Message lines that end at or before ``skim_until`` (history the caller only counts) come
        as ``HistoryLines`` runs: undecoded when ``skim_head`` reads their head, else decoded but
        not made into entries.
        """
        res = read_raw(
            self.cursor, now_ns=now_ns if now_ns is not None else time.time_ns(), max_bytes=max_bytes
        )
        batch = Batch(res.change, errors=list(res.errors))
        if res.change is Change.CONTENT_CHANGED:
            self.replay_through = 0
            if self.last_entry_id is not None:
                batch.anchor_lost = self._realign()
        out = batch.lines
        replay_through = self.replay_through
        ids: list[str] = []
        loads = orjson.loads
        run: HistoryLines | None = None
        for no, start, end, data in zip(res.nos, res.starts, res.ends, res.datas, strict=True):
            history = end <= skim_until and no > replay_through and no != 1
            head = skim_head(data) if history else None
            obj: Any = None
            if head is None and no != 1:
                with contextlib.suppress(orjson.JSONDecodeError):
                    obj = loads(data)
                if history and type(obj) is dict:
                    head = message_head(obj)  # another key order: decoded, but still only counted
            if head is not None:
                if run is None:
                    run = HistoryLines()
                    out.append(run)
                run.starts.append(start)
                run.ends.append(end)
                run.ids.append(head[0])
                run.roles.append(head[1])
                run.datas.append(data)
                ids.append(head[0])
                continue
            run = None
            # parse_line, inlined for the common case (a JSON object after line 1); anything else,
            # errors included, takes parse_line's way.
            parsed: ParsedLine | None = None
            if type(obj) is dict:
                try:
                    entry = parse_entry(obj, no)
                except LineError as exc:
                    parsed = _parsed({"no": no, "start": start, "end": end, "error": exc})
                else:
                    parsed = _parsed({"no": no, "start": start, "end": end, "entry": entry})
            if parsed is None:
                parsed = parse_line(no, start, end, data)
            if no <= replay_through:
                out.append(
                    _parsed(
                        {
                            "no": no,
                            "start": start,
                            "end": end,
                            "entry": parsed.entry,
                            "header": parsed.header,
                            "replayed": True,
                        }
                    )
                )
                continue
            if parsed.entry is not None:
                ids.append(parsed.entry.id)
            out.append(parsed)
        if ids:
            self._delivered(ids)
        return batch
