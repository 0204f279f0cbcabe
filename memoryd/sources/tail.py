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
from typing import Any

from memoryd.sources.transcript import MAX_LINE_BYTES

READ_CHUNK = 1024 * 1024
TAIL_WINDOW = 4096


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


def _first_line_fingerprint(fd: int) -> str:
    """Hash of the first line (of its first 64 KiB when it is longer)."""
    head = os.pread(fd, 4096, 0)
    nl = head.find(b"\n")
    if nl < 0 and len(head) == 4096:
        head = os.pread(fd, 64 * 1024, 0)
        nl = head.find(b"\n")
    return _digest(head if nl < 0 else head[:nl])


def _prefix_matches(fd: int, cur: Cursor, size: int) -> bool:
    """Are the bytes we consumed still there? Checks the first and the last consumed line."""
    if cur.offset == 0:
        return True
    if size < cur.offset:
        return False
    if _first_line_fingerprint(fd) != cur.fingerprint:
        return False
    tail = _pread_exact(fd, cur.offset - cur.tail_start, cur.tail_start)
    return _digest(tail) == cur.tail_hash


def _restart(cur: Cursor) -> None:
    cur.offset = 0
    cur.line_no = 0
    cur.tail_start = 0
    cur.tail_hash = ""
    cur.fingerprint = ""


def read_new(
    cur: Cursor, *, now_ns: int, settle_ns: int = 2_000_000_000, max_bytes: int = 1 << 62
) -> ReadResult:
    """Read complete lines after ``cur.offset`` and advance ``cur`` in place.

    ``settle_ns``: how long a file may stay shorter than our offset before we decide its content
    was really replaced (OpenClaw's rewrite takes microseconds; a human truncation stays).
    """
    try:
        fd = os.open(cur.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return ReadResult(Change.MISSING)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return ReadResult(Change.MISSING, errors=[(0, "symlink_refused", cur.path)])
        return ReadResult(Change.MISSING, errors=[(0, "unreadable", f"{exc.strerror}")])
    try:
        st = os.fstat(fd)
        change = Change.APPENDED
        if cur.ino == 0 and cur.offset == 0:
            change = Change.NEW
        elif (st.st_dev, st.st_ino) != (cur.dev, cur.ino):
            if _prefix_matches(fd, cur, st.st_size):
                change = Change.REPLACED_SAME
            else:
                _restart(cur)
                change = Change.CONTENT_CHANGED
        elif st.st_size < cur.offset:
            if cur.short_since_ns == 0:
                cur.short_since_ns = now_ns
            if now_ns - cur.short_since_ns < settle_ns:
                cur.size, cur.mtime_ns = st.st_size, st.st_mtime_ns
                return ReadResult(Change.TRUNCATED_WAIT)
            _restart(cur)
            change = Change.CONTENT_CHANGED
        elif (st.st_mtime_ns != cur.mtime_ns or st.st_size != cur.size) and not _prefix_matches(
            fd, cur, st.st_size
        ):
            _restart(cur)
            change = Change.CONTENT_CHANGED
        cur.short_since_ns = 0
        cur.dev, cur.ino = st.st_dev, st.st_ino
        result = ReadResult(change)
        _read_lines(fd, cur, st.st_size, result, max_bytes)
        cur.size, cur.mtime_ns = st.st_size, st.st_mtime_ns
        if change is Change.APPENDED and not result.lines and not result.errors:
            result.change = Change.NONE
        return result
    finally:
        os.close(fd)


def _read_lines(fd: int, cur: Cursor, size: int, result: ReadResult, max_bytes: int) -> None:
    pos = cur.offset
    budget = max_bytes
    pending = b""
    pending_start = pos
    skipping = False  # inside an over-long line: drop bytes until its newline
    while pos < size and budget > 0:
        chunk = os.pread(fd, min(READ_CHUNK, size - pos), pos)
        if not chunk:
            break
        budget -= len(chunk)
        base = pos
        pos += len(chunk)
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            if nl < 0:
                if skipping:
                    break
                pending += chunk[start:]
                if len(pending) > MAX_LINE_BYTES:
                    result.errors.append((pending_start, "line_too_long", f"> {MAX_LINE_BYTES} bytes"))
                    pending = b""
                    skipping = True
                break
            line_end = base + nl + 1
            if skipping:
                skipping = False
                _consume(cur, pending_start, line_end, counted=False)
            else:
                data = pending + chunk[start:nl]
                if len(data) > MAX_LINE_BYTES:
                    result.errors.append((pending_start, "line_too_long", f"{len(data)} bytes"))
                    _consume(cur, pending_start, line_end, counted=False)
                else:
                    cur.line_no += 1
                    result.lines.append(Line(cur.line_no, pending_start, line_end, data))
                    _consume(cur, pending_start, line_end, counted=True)
            pending = b""
            pending_start = line_end
            start = nl + 1
    if result.lines or result.errors:
        _remember_shape(fd, cur)


def _consume(cur: Cursor, start: int, end: int, *, counted: bool) -> None:
    """Advance past one complete line."""
    cur.offset = end
    cur.tail_start = start
    if not counted:
        cur.line_no += 1


def _remember_shape(fd: int, cur: Cursor) -> None:
    """Record the first line and the last <= 4 KiB we consumed, to recognise this content later."""
    if cur.offset == 0:
        cur.fingerprint, cur.tail_hash, cur.tail_start = "", "", 0
        return
    cur.fingerprint = _first_line_fingerprint(fd)
    cur.tail_start = max(cur.tail_start, cur.offset - TAIL_WINDOW)
    cur.tail_hash = _digest(_pread_exact(fd, cur.offset - cur.tail_start, cur.tail_start))


def identity_of(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return st.st_dev, st.st_ino
