"""A transcript as a stream of new entries: the tailer plus the parser plus "what did we see".

``TranscriptReader.read`` returns the lines that appeared since the last call, parsed. When the
file's bytes changed under us (OpenClaw repaired or migrated it, or someone replaced it), the
tailer starts again from byte 0; the entries up to the last one we had delivered come back marked
``replayed`` so that the caller can move its offsets without treating them as new.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from memoryd.sources.tail import Change, Cursor, read_new
from memoryd.sources.transcript import Entry, Header, LineError, loads_line, parse_entry, parse_header

READ_SLICE = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
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
    lines: list[ParsedLine] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(
        default_factory=list
    )  # from the tailer: (offset, reason, detail)
    anchor_lost: str | None = None  # the entry we had reached is gone: history itself was rewritten


def parse_line(no: int, start: int, end: int, data: bytes) -> ParsedLine:
    try:
        obj = loads_line(data)
        if no == 1:
            header = parse_header(obj)
            if header is not None:
                return ParsedLine(no, start, end, header=header)
        return ParsedLine(no, start, end, entry=parse_entry(obj, no))
    except LineError as exc:
        return ParsedLine(no, start, end, error=exc)


def _entry_ids(path: str) -> list[tuple[int, str]]:
    """(line number, entry id) of every entry in the file, for re-aligning after a content change."""
    cur = Cursor(path)
    out: list[tuple[int, str]] = []
    while True:
        res = read_new(cur, now_ns=time.time_ns(), max_bytes=READ_SLICE)
        if not res.lines:
            return out
        for line in res.lines:
            parsed = parse_line(line.no, line.start, line.end, line.data)
            if parsed.entry is not None:
                out.append((line.no, parsed.entry.id))


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

    def _delivered(self, entry_id: str) -> None:
        self.last_entry_id = entry_id
        self.recent.append(entry_id)
        del self.recent[:-RECENT_IDS]

    def read(self, *, now_ns: int | None = None, max_bytes: int = READ_SLICE) -> Batch:
        res = read_new(
            self.cursor, now_ns=now_ns if now_ns is not None else time.time_ns(), max_bytes=max_bytes
        )
        batch = Batch(res.change, errors=list(res.errors))
        if res.change is Change.CONTENT_CHANGED:
            self.replay_through = 0
            if self.last_entry_id is not None:
                batch.anchor_lost = self._realign()
        for line in res.lines:
            parsed = parse_line(line.no, line.start, line.end, line.data)
            if line.no <= self.replay_through:
                batch.lines.append(
                    ParsedLine(
                        parsed.no,
                        parsed.start,
                        parsed.end,
                        entry=parsed.entry,
                        header=parsed.header,
                        replayed=True,
                    )
                )
                continue
            if parsed.entry is not None:
                self._delivered(parsed.entry.id)
            batch.lines.append(parsed)
        return batch
