"""Incremental, restartable reading of an append-mostly JSONL file.

A transcript is known by device + inode + a fingerprint of its first line, and read from a byte
offset. Only complete lines (ending in ``\\n``) are delivered; a partial last line waits for its
newline. The real OpenClaw truncates each transcript to 0 and writes it again, byte-identical, once
per reply, and replaces files by rename: a reader that trusts size or inode alone re-delivers
everything on every turn. So before trusting an offset we check that the first line and the last
consumed line are still the same bytes; only when they are not did the content really change.
"""

from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import accumulate
from typing import Any

from memoryd.sources.transcript import MAX_LINE_BYTES

READ_CHUNK = 1024 * 1024
TAIL_WINDOW = 4096
HEAD_PROBE = 4096  # the first read of a first line
HEAD_MAX = 64 * 1024  # a longer first line is known by its first 64 KiB
# A line inside one chunk can then never be over-long: only a line spanning chunks is checked.
assert READ_CHUNK <= MAX_LINE_BYTES


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Change(StrEnum):
    NONE = "none"  # nothing new (also: rewritten in place with the same bytes)
    APPENDED = "appended"
    NEW = "new"  # first read of this file
    REPLACED_SAME = "replaced_same"  # new inode, same content so far: continue
    CONTENT_CHANGED = "content_changed"  # bytes we consumed are gone or different: re-read from 0
    TRUNCATED_WAIT = "truncated_wait"  # shorter than our offset right now: wait for the rewrite
    MISSING = "missing"


@dataclass(slots=True)
class Cursor:
    """Where we are in one file; persisted in the checkpoint."""

    path: str
    dev: int = 0
    ino: int = 0
    fingerprint: str = ""
    offset: int = 0
    line_no: int = 0
    tail_start: int = 0
    tail_hash: str = ""
    size: int = 0
    mtime_ns: int = 0
    short_since_ns: int = 0
    head_len: int = 0  # not persisted: length of line 1 with its newline, when known and short

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "dev": self.dev,
            "ino": self.ino,
            "fingerprint": self.fingerprint,
            "offset": self.offset,
            "line_no": self.line_no,
            "tail_start": self.tail_start,
            "tail_hash": self.tail_hash,
            "size": self.size,
            "mtime_ns": self.mtime_ns,
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Cursor:
        return cls(**{k: obj[k] for k in obj if k in cls.__slots__})


@dataclass(frozen=True, slots=True)
class Line:
    no: int  # 1-based line number in the file
    start: int
    end: int  # exclusive; includes the newline
    data: bytes  # without the newline


@dataclass(slots=True)
class ReadResult:
    change: Change
    lines: list[Line] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, reason, detail)


@dataclass(slots=True)
class RawRead:
    """What ``read_raw`` found: line ``i`` is ``nos[i]``, bytes ``[starts[i], ends[i])``, ``datas[i]``."""

    change: Change
    nos: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)  # exclusive; include the newline
    datas: list[bytes] = field(default_factory=list)  # without the newline
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, reason, detail)


def _pread_exact(fd: int, size: int, offset: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0:
        chunk = os.pread(fd, min(size, READ_CHUNK), offset)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _head_digest(line: bytes) -> str:
    """The fingerprint of a file whose first line (without its newline) is ``line``."""
    return _digest(line[:HEAD_MAX] if len(line) > HEAD_MAX else line)


def _first_line_fingerprint(fd: int, cur: Cursor | None = None) -> str:
    """Hash of the first line (of its first 64 KiB when it is longer).

    With ``cur.head_len`` known (the first line's length plus its newline, when short) only those
    bytes are read; a newline at their end and nowhere before proves they still are a whole line.
    """
    if cur is not None and 0 < cur.head_len <= HEAD_PROBE:
        head = os.pread(fd, cur.head_len, 0)
        if len(head) == cur.head_len and head.find(b"\n") == cur.head_len - 1:
            return _digest(head[:-1])
    head = os.pread(fd, HEAD_PROBE, 0)
    nl = head.find(b"\n")
    if nl < 0 and len(head) == HEAD_PROBE:
        head = os.pread(fd, HEAD_MAX, 0)
        nl = head.find(b"\n")
    return _digest(head if nl < 0 else head[:nl])


def _prefix_matches(fd: int, cur: Cursor, size: int) -> bool:
    """Are the bytes we consumed still there? Checks the first and the last consumed line."""
    if cur.offset == 0:
        return True
    if size < cur.offset:
        return False
    if _first_line_fingerprint(fd, cur) != cur.fingerprint:
        return False
    tail = _pread_exact(fd, cur.offset - cur.tail_start, cur.tail_start)
    return _digest(tail) == cur.tail_hash


def _restart(cur: Cursor) -> None:
    cur.offset = 0
    cur.line_no = 0
    cur.tail_start = 0
    cur.tail_hash = ""
    cur.fingerprint = ""
    cur.head_len = 0


def read_raw(
    cur: Cursor, *, now_ns: int, settle_ns: int = 2_000_000_000, max_bytes: int = 1 << 62
) -> RawRead:
    """``read_new`` without a ``Line`` object per line: the lines as parallel lists (the hot path)."""
    try:
        fd = os.open(cur.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return RawRead(Change.MISSING)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return RawRead(Change.MISSING, errors=[(0, "symlink_refused", cur.path)])
        return RawRead(Change.MISSING, errors=[(0, "unreadable", f"{exc.strerror}")])
    try:
        st = os.fstat(fd)
        change = Change.APPENDED
        verified = False  # the first line was checked against the fingerprint in this call
        if cur.ino == 0 and cur.offset == 0:
            change = Change.NEW
        elif (st.st_dev, st.st_ino) != (cur.dev, cur.ino):
            if _prefix_matches(fd, cur, st.st_size):
                change = Change.REPLACED_SAME
                verified = cur.offset > 0
            else:
                _restart(cur)
                change = Change.CONTENT_CHANGED
        elif st.st_size < cur.offset:
            if cur.short_since_ns == 0:
                cur.short_since_ns = now_ns
            if now_ns - cur.short_since_ns < settle_ns:
                cur.size, cur.mtime_ns = st.st_size, st.st_mtime_ns
                return RawRead(Change.TRUNCATED_WAIT)
            _restart(cur)
            change = Change.CONTENT_CHANGED
        # Checked even when size and mtime are what we saw: a same-size rewrite within one mtime
        # tick (1-second mtimes) changes neither, and the watcher's event is all there is of it.
        elif _prefix_matches(fd, cur, st.st_size):
            verified = cur.offset > 0
        else:
            # Caught in the middle of a write (OpenClaw's in-place rewrite truncates, then writes
            # the same bytes)? Look again before throwing away what was read.
            again = os.fstat(fd)
            if _prefix_matches(fd, cur, again.st_size):
                st, verified = again, cur.offset > 0
            elif (again.st_size, again.st_mtime_ns) != (st.st_size, st.st_mtime_ns):
                # Still being written: the write's own change event brings us back.
                return RawRead(Change.TRUNCATED_WAIT)
            else:
                _restart(cur)
                change = Change.CONTENT_CHANGED
        cur.short_since_ns = 0
        cur.dev, cur.ino = st.st_dev, st.st_ino
        result = RawRead(change)
        if cur.offset < st.st_size:
            _scan(fd, cur, st.st_size, result, max_bytes, verified)
        cur.size, cur.mtime_ns = st.st_size, st.st_mtime_ns
        if change is Change.APPENDED and not result.datas and not result.errors:
            result.change = Change.NONE
        return result
    finally:
        os.close(fd)


def read_new(
    cur: Cursor, *, now_ns: int, settle_ns: int = 2_000_000_000, max_bytes: int = 1 << 62
) -> ReadResult:
    """Read complete lines after ``cur.offset`` and advance ``cur`` in place.

    ``settle_ns``: how long a file may stay shorter than our offset before we decide its content
    was really replaced (OpenClaw's rewrite takes microseconds; a human truncation stays).
    """
    raw = read_raw(cur, now_ns=now_ns, settle_ns=settle_ns, max_bytes=max_bytes)
    return ReadResult(
        raw.change,
        [Line(*t) for t in zip(raw.nos, raw.starts, raw.ends, raw.datas, strict=True)],
        raw.errors,
    )


def _scan(fd: int, cur: Cursor, size: int, out: RawRead, max_bytes: int, verified: bool) -> None:
    """Complete lines from ``cur.offset`` on, at most about ``max_bytes`` (whole chunks) of them.

    Per chunk: the line the previous chunk left open is closed at the chunk's first newline, the
    lines between its first and last newline come from one ``split``, and what follows the last
    newline stays open. Over-long lines are skipped with an error but still count as a line.
    """
    nos, starts, ends, datas, errors = out.nos, out.starts, out.ends, out.datas, out.errors
    pos = cur.offset
    budget = max_bytes
    pending = b""
    pending_start = pos
    skipping = False  # inside an over-long line: drop bytes until its newline
    no = cur.line_no
    offset = cur.offset
    last_start = -1  # start of the last line consumed here (-1: none)
    last_data: bytes | None = None  # its bytes, when it was delivered
    first_data: bytes | None = None  # line 1's bytes, when delivered here
    while pos < size and budget > 0:
        chunk = os.pread(fd, min(READ_CHUNK, size - pos), pos)
        if not chunk:
            break
        budget -= len(chunk)
        base = pos
        pos += len(chunk)
        lines = chunk.split(b"\n")
        if len(lines) == 1:  # no newline in this chunk
            if skipping:
                continue
            pending += chunk
            if len(pending) > MAX_LINE_BYTES:
                errors.append((pending_start, "line_too_long", f"> {MAX_LINE_BYTES} bytes"))
                pending = b""
                skipping = True
            continue
        # lines[0] ends the line that was open when this chunk began; lines[1:-1] are whole lines
        # inside the chunk (shorter than a chunk, so never over-long); lines[-1] stays open.
        head = lines[0]
        line_end = base + len(head) + 1
        no += 1
        last_start, offset, last_data = pending_start, line_end, None
        if skipping:
            skipping = False
        else:
            data = pending + head if pending else head
            if len(data) > MAX_LINE_BYTES:
                errors.append((pending_start, "line_too_long", f"{len(data)} bytes"))
            else:
                nos.append(no)
                starts.append(pending_start)
                ends.append(line_end)
                datas.append(data)
                last_data = data
                if no == 1:
                    first_data = data
        pending = lines.pop()
        pending_start = base + len(chunk) - len(pending)
        if len(lines) > 1:
            del lines[0]
            bounds = list(accumulate([len(p) + 1 for p in lines], initial=line_end))
            nos.extend(range(no + 1, no + 1 + len(lines)))
            starts.extend(bounds[:-1])
            ends.extend(bounds[1:])
            datas.extend(lines)
            no += len(lines)
            last_start, offset, last_data = bounds[-2], bounds[-1], lines[-1]
    if last_start >= 0:
        cur.offset, cur.line_no, cur.tail_start = offset, no, last_start
    if datas or errors:
        _remember_shape(fd, cur, last_data if last_start >= 0 else None, first_data, verified)


def _remember_shape(
    fd: int, cur: Cursor, last_data: bytes | None, first_data: bytes | None, verified: bool
) -> None:
    """Record the first line and the last <= 4 KiB we consumed, to recognise this content later.

    Computed from the bytes just read when they are at hand: line 1 delivered now (or checked
    against the fingerprint now), and the last line consumed now (the window never starts before
    that line). Otherwise read back from the file.
    """
    if cur.offset == 0:
        cur.fingerprint, cur.tail_hash, cur.tail_start, cur.head_len = "", "", 0, 0
        return
    if first_data is not None:
        cur.fingerprint = _head_digest(first_data)
        cur.head_len = len(first_data) + 1 if len(first_data) < HEAD_PROBE else 0
    elif not verified:
        cur.fingerprint = _first_line_fingerprint(fd)
        cur.head_len = 0
    cur.tail_start = max(cur.tail_start, cur.offset - TAIL_WINDOW)
    if last_data is not None:
        window = cur.offset - cur.tail_start
        line = last_data + b"\n"
        cur.tail_hash = _digest(line[len(line) - window :])
    else:
        cur.tail_hash = _digest(_pread_exact(fd, cur.offset - cur.tail_start, cur.tail_start))


def identity_of(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return st.st_dev, st.st_ino
