"""Follow OpenClaw's per-agent SQLite store (OpenClaw >= 2026.7.2), read-only and incrementally.

From 2026.7.2 on, an agent keeps its sessions in ``agents/<id>/agent/openclaw-agent.sqlite`` (WAL)
instead of ``sessions.json`` + JSONL (facts: ``/work/shared/docs/openclaw-sqlite.md``). This module
turns that database into the model the file source already produces, so the engine does not care
which layout a session came from:

* ``session_nodes`` rows -> ``StoreEntry`` (``memoryd.sources.store``), the same dataclass as a
  ``sessions.json`` entry, with the SQLite-era fields ``memory_flush_kind``, ``lifecycle_revision``
  and ``session_started_at`` filled in;
* ``transcript_events`` rows -> ``Event``: an ``Entry`` (``memoryd.sources.transcript``, made by
  ``parse_entry``, exactly as a JSONL line would be) or the ``Header`` (seq 0), with its ``seq``.

Positions are ``seq`` numbers (0, 1, 2 ... per session, no gaps; seq 0 is the header). A session's
**cursor is the last seq read** (``-1``: nothing read yet), never a rowid: rowids are reused after a
delete and OpenClaw's doctor may ``VACUUM``. Ranges are half-open like byte ranges: ``[start_seq,
end_seq)``; ``Event.end == seq + 1`` plays the part of a line's end offset.

Rules this module keeps, and why:

* **Never disturb OpenClaw.** The connection is ``file:<db>?mode=ro`` (never writes), autocommit,
  and each read is one short ``BEGIN``..``COMMIT`` that fetches all its rows before it ends: a read
  transaction held across polls would stop OpenClaw's checkpoints.
* **Never touch ``-wal``/``-shm``.** Opening a WAL database whose ``-wal`` or ``-shm`` is missing
  makes SQLite create them, and OpenClaw SIGKILLs itself when their inode changes under it. So a WAL
  database is opened only while both exist; otherwise the result is ``not_ready`` with the reason.
  Nothing here copies, deletes or replaces a file.
* **Cheap when idle.** ``AgentDb.poll`` first compares ``os.stat(-wal)`` (size, mtime) with the
  last look, then ``PRAGMA data_version`` on the long-lived connection; only a move reads rows,
  and then only what moved: the nodes and windows in the recent range of their ``updated_at``
  index (a node's fields compared, a window's ``(updated_at, transcript_updated_at)``), a
  ``count(*)`` that proves nothing vanished, and per moved window the rows after its cursor (index
  seeks: the cost of one commit does not grow with the database, ``bench/sqlite.py``).
  ``poll(force=True)`` is the backstop the caller runs periodically (~30 s): it skips the
  shortcuts and re-checks every node and every window (O(sessions)), catching a silent write to a
  session idle for more than ``MARK_SLACK_MS``.
* **Rows are appended, but may be rewritten.** OpenClaw can rewrite or replace a session's rows
  (its ``transcript_rewrite_watermarks`` generation rotates); ``Poll.rewritten`` says so and the
  caller decides about the cursor. Not seen in a real run.
* **Bad rows are reported, never fatal.** A corrupt ``event_zstd`` blob or bad JSON is a
  ``RowError`` naming the session and seq; the cursor still moves past it, so the error says exactly
  what was skipped and the next rows still arrive.
* **Transient states retry.** A database being created answers ``SQLITE_BUSY`` / "no such table"
  for ~60 ms (and a read-only ``-shm`` the odd ``SQLITE_READONLY``): a poll retries a few times
  with a short backoff (never a spin), then reports ``not_ready``.

Thread safety: one ``AgentDb`` serialises its calls with a lock, so the flush executor may call
``read_range`` from another thread while the engine polls.

How an adapter uses it (one ``AgentDb`` per agent whose ``probe_agent(...).primary`` is SQLite)::

    db = AgentDb(probe.db_path, cursors=checkpoint.get(agent_id, {}))   # opens nothing yet
    # on a watcher event for agent/*-wal: db.poll(); every ~30 s: db.poll(force=True)
    p = db.poll()
    if p.status is PollStatus.NOT_READY:  log once per new p.reason; retry on the next wake-up
    elif p.status is PollStatus.CHANGED:
        p.nodes / p.changed_keys / p.deleted  -> the store snapshot (as read_store gives)
        p.events[session_id]                  -> Event(seq, entry | header), in seq order
        p.errors                              -> one source.error each (session_id, seq, reason)
        p.archives                            -> deleted sessions' JSONL (read_archive)
        p.rewritten                           -> sessions whose rows were rewritten (rare)
        save db.cursors with the checkpoint once applied; if p.more: poll again at once
    flush of [start_seq, end_seq): db.read_range_jsonl(sid, start_seq, end_seq) -> content_of_bytes(
        data, ..., first_line_no=start_seq + 1)

One ``Poll`` is one snapshot: its nodes and its events were read in the same transaction. Two
facts of OpenClaw's that the adapter must not assume away: the ``compaction`` row commits about
0.1 s before ``compactionCount`` + 1 (so they may come in different polls), and a reset keeps the
session id, appends a ``reset`` row and gives the node a new ``lifecycle_revision``.

Never open the database file outside SQLite in a process that has a connection to it: closing any
descriptor of a file drops all the process's POSIX locks on it, SQLite's included (see
``_OPEN_HERE``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, TypeVar

import orjson
import zstandard

from memoryd.sources.store import StoreEntry, checkpoints_of
from memoryd.sources.transcript import Entry, Header, LineError, loads_line, parse_entry, parse_header

DB_NAME = "openclaw-agent.sqlite"
#: One decoded event larger than this is refused (OpenClaw's own CHECK caps them at 4 MiB).
MAX_EVENT_BYTES = 8 * 1024 * 1024
#: A delete archive larger than this is refused.
MAX_ARCHIVE_BYTES = 256 * 1024 * 1024
#: Transcript rows per poll, all sessions together: a first read of a big store comes in slices
#: (``Poll.more``), so no read transaction lasts long and no poll holds a million entries.
DEFAULT_MAX_ROWS = 5000
#: An ``-wal`` mtime this close to the moment we looked may still change within the same clock tick
#: without changing the file's size: such a stat is not trusted as "unchanged" (as git does).
RACY_NS = 1_000_000_000
BUSY_TIMEOUT_MS = 200
RETRY_PAUSES = (0.01, 0.02, 0.05, 0.1)
#: A poll re-examines the nodes and windows whose ``updated_at`` is at most this much older than the
#: newest one seen (OpenClaw's clock is not ours, and writes may land slightly out of order).
MARK_SLACK_MS = 10 * 60 * 1000

#: STRICT tables (3.37) and JSON built in (3.38); a read-only ``-shm`` is followed since 3.22.
MIN_SQLITE = (3, 38, 0)

_SQLITE_MAGIC = b"SQLite format 3\x00"
_T = TypeVar("_T")


# ---------------------------------------------------------------------------------------- layout
class Layout(StrEnum):
    FILES = "files"  # sessions/sessions.json + JSONL (OpenClaw <= 2026.7.1)
    SQLITE = "sqlite"  # agent/openclaw-agent.sqlite with session_nodes (>= 2026.7.2)


@dataclass(frozen=True, slots=True)
class SchemaMeta:
    """The ``schema_meta`` row of an agent database (``primary|agent|23|main|2026.9.6|...``)."""

    role: str
    schema_version: int
    agent_id: str | None
    app_version: str | None


@dataclass(frozen=True, slots=True)
class AgentLayout:
    """What ``probe_agent`` found in one ``agents/<id>/`` folder.

    ``layouts`` holds every layout present: both on an install upgraded from 2026.7.1, whose old
    ``sessions.json`` stays behind as "legacy session-row migration input". ``primary`` is the one
    to read: SQLite whenever its database is there (even when not ready yet: its files are then
    stale), else files, else ``None``.
    """

    agent_dir: Path
    db_path: Path
    sessions_json: Path
    layouts: frozenset[Layout]
    #: ``None`` when the database is ready; otherwise why it cannot be opened now
    #: (``db_missing``, ``wal_missing``, ``shm_missing``, ``not_sqlite``, ``unreadable``).
    db_not_ready: str | None

    @property
    def primary(self) -> Layout | None:
        if Layout.SQLITE in self.layouts:
            return Layout.SQLITE
        if Layout.FILES in self.layouts:
            return Layout.FILES
        return None


def db_path_for(agent_dir: Path) -> Path:
    return agent_dir / "agent" / DB_NAME


#: Databases this process has a connection to: (dev, ino) -> number of connections. While one is
#: open, the database file must not be opened outside SQLite here: closing ANY descriptor of a file
#: drops every POSIX lock the process holds on it (SQLite's shared lock included), and without that
#: lock OpenClaw's last connection would delete ``-wal``/``-shm`` under us (seen in a test).
_OPEN_HERE: dict[tuple[int, int], int] = {}
_OPEN_HERE_LOCK = threading.Lock()


def _journal_is_wal(db_path: Path) -> bool | None:
    """From the database header (bytes 18-19: 2 = WAL): ``None`` when it is not a SQLite file.

    Read with ``pread`` on a plain read-only descriptor (no SQLite, no side file). Only called when
    a side file is missing and this process has no connection to the database (see ``_OPEN_HERE``).
    """
    fd = os.open(db_path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        head = os.pread(fd, 20, 0)
    finally:
        os.close(fd)
    if len(head) < 20 or not head.startswith(_SQLITE_MAGIC):
        return None
    return head[18] == 2 or head[19] == 2


def not_ready_reason(db_path: Path) -> str | None:
    """Why ``db_path`` must not be opened right now, or ``None`` when it may be.

    A WAL database may be opened only while its ``-wal`` and ``-shm`` both exist (opening it would
    otherwise create them). A rollback-journal database (OpenClaw uses one on NFS/SMB) has neither
    and needs neither. With both side files there, nothing but ``stat`` is done; only when one is
    missing is the 20-byte header read, to tell the two journal modes apart.
    """
    try:
        st = os.stat(db_path)
    except FileNotFoundError:
        return "db_missing"
    except OSError:
        return "unreadable"
    has_wal = os.path.exists(f"{db_path}-wal")
    has_shm = os.path.exists(f"{db_path}-shm")
    if has_wal and has_shm:
        return None
    if (st.st_dev, st.st_ino) in _OPEN_HERE:
        # Connected here in rollback mode (a WAL connection would keep both side files): no
        # header read, which would drop our locks.
        return None
    try:
        wal = _journal_is_wal(db_path)
    except OSError:
        return "unreadable"
    if wal is None:
        return "not_sqlite"
    if not wal:
        return None
    return "wal_missing" if not has_wal else "shm_missing"


def probe_agent(agent_dir: Path) -> AgentLayout:
    """Which layout(s) an agent folder has. Looks at files only; opens no database.

    Whether the database really is the session store (has ``session_nodes``) is known only once it
    is opened: ``AgentDb.poll`` reports ``not_ready`` / ``no_session_nodes`` when it is not.
    """
    db = db_path_for(agent_dir)
    store = agent_dir / "sessions" / "sessions.json"
    layouts: set[Layout] = set()
    if db.is_file():
        layouts.add(Layout.SQLITE)
    if store.is_file():
        layouts.add(Layout.FILES)
    return AgentLayout(
        agent_dir=agent_dir,
        db_path=db,
        sessions_json=store,
        layouts=frozenset(layouts),
        db_not_ready=not_ready_reason(db) if Layout.SQLITE in layouts else "db_missing",
    )


# ---------------------------------------------------------------------------------------- model
@dataclass(frozen=True, slots=True)
class Event:
    """One ``transcript_events`` row, decoded: ``entry`` for a transcript entry, ``header`` for seq 0."""

    session_id: str
    seq: int
    created_at: int
    entry: Entry | None = None
    header: Header | None = None

    @property
    def end(self) -> int:
        """The position after this row (like a line's end offset): ``seq + 1``."""
        return self.seq + 1


@dataclass(frozen=True, slots=True)
class RowError:
    """A row (or a node, an archive) that could not be read. The cursor moved past it anyway.

    ``reason`` is short and stable (``zstd_corrupt``, ``size_mismatch``, ``invalid_json``,
    ``invalid_utf8``, ``not_an_object``, ``missing_type``, ``bad_message``, ``empty_row``,
    ``too_large``, ``undecodable``, ``entry_json_invalid``).
    ``seq`` is ``None`` for a node (``session_key`` then names it).
    """

    session_id: str
    seq: int | None
    reason: str
    detail: str = ""
    session_key: str | None = None


@dataclass(frozen=True, slots=True)
class Archive:
    """A ``session_transcript_archives`` row: the full JSONL of a deleted (or reset) session, zstd.

    ``file_path`` is where OpenClaw publishes the same blob (``sessions/<archive_name>``, about 0.1 s
    after the row); it may not exist yet. The blob itself is read with ``AgentDb.read_archive``.
    """

    session_id: str
    generation: str
    session_key: str
    reason: str  # "deleted" or "reset"
    encoding: str  # "zstd" or "identity"
    archive_name: str
    created_at: int
    published_at: int | None
    file_path: Path


class PollStatus(StrEnum):
    UNCHANGED = "unchanged"  # nothing committed since the last poll (cheap path)
    CHANGED = "changed"  # rows were read: see the fields of ``Poll``
    NOT_READY = "not_ready"  # the database cannot be opened or read now: ``reason`` says why


@dataclass(slots=True)
class Poll:
    """What one ``AgentDb.poll`` found.

    For ``CHANGED``: ``nodes`` is the whole ``session_nodes`` table as ``StoreEntry`` (every key, a
    snapshot like ``read_store`` gives); ``changed_keys`` the keys new or different since the last
    poll; ``deleted`` the keys that vanished with their last entry; ``events`` the new rows per
    session id in seq order (``AgentDb.cursors`` already moved past them, errors included);
    ``archives`` the archive rows not reported before (all of them on the first poll);
    ``rewritten`` the sessions whose rows OpenClaw rewrote or replaced (``"generation"``: its
    ``transcript_rewrite_watermarks`` generation rotated; ``"shorter"``: fewer rows than the cursor,
    e.g. moved to cold storage) -- the cursor is left alone, the caller decides (set
    ``cursors[sid] = -1`` to read it again from the start, as the file era re-reads a changed file;
    not seen in a real run: rows are only appended there); ``more`` is
    true when more rows are waiting than ``max_rows`` allowed in one poll: poll again at once.

    For ``NOT_READY``: ``reason`` is a stable word (``db_missing``, ``wal_missing``, ``shm_missing``,
    ``not_sqlite``, ``unreadable``, ``busy``, ``no_session_nodes``, ``sidecar_replaced``,
    ``sqlite_error``) and
    ``detail`` the text; nothing else is set and the cursors did not move. A ``not_ready`` that stays
    is worth one log line, not an error per poll.
    """

    status: PollStatus
    reason: str = ""
    detail: str = ""
    nodes: dict[str, StoreEntry] = field(default_factory=dict)
    changed_keys: list[str] = field(default_factory=list)
    deleted: dict[str, StoreEntry] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    archives: list[Archive] = field(default_factory=list)
    rewritten: dict[str, str] = field(default_factory=dict)
    more: bool = False


@dataclass(slots=True)
class RangeRead:
    """``AgentDb.read_range``: the decoded rows of ``[start_seq, end_seq)`` and the rows that failed."""

    events: list[Event]
    errors: list[RowError]


class NotReady(Exception):
    """The database cannot be read now (``reason`` as in ``Poll.reason``)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# ---------------------------------------------------------------------------------------- pure parsing
def _opt_int(v: Any) -> int | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    return int(v)


def _opt_str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


#: The ``entry_json`` fields a ``StoreEntry`` is made of, extracted by SQLite itself so that a poll
#: never moves the whole ~15 KB entry (skills snapshot, system prompt report) into Python.
_ENTRY_PATHS: tuple[tuple[str, str], ...] = (
    ("sessionId", "$.sessionId"),
    ("sessionFile", "$.sessionFile"),
    ("updatedAt", "$.updatedAt"),
    ("totalTokens", "$.totalTokens"),
    ("totalTokensFresh", "$.totalTokensFresh"),
    ("contextTokens", "$.contextTokens"),
    ("compactionCount", "$.compactionCount"),
    ("memoryFlushAt", "$.memoryFlushAt"),
    ("memoryFlushCompactionCount", "$.memoryFlushCompactionCount"),
    ("memoryFlush", "$.memoryFlush"),
    ("lifecycleRevision", "$.lifecycleRevision"),
    ("sessionStartedAt", "$.sessionStartedAt"),
    ("compactionCheckpoints", "$.compactionCheckpoints"),
    ("usageFamilySessionIds", "$.usageFamilySessionIds"),
)
# ``'$.x', '$.y'`` -> a JSON array text of the values (null for a missing key). A leading constant
# path keeps it an array even with one path.
_PROJECTION = (
    "json_extract(entry_json, '$.__memoryd__', " + ", ".join(f"'{p}'" for _, p in _ENTRY_PATHS) + ")"
)


def store_entry_from_json(key: str, session_id: str, raw: Mapping[str, Any]) -> StoreEntry:
    """Pure: one ``entry_json`` object (or its projection) to a ``StoreEntry``.

    ``session_id`` is the row's ``current_session_id`` (the id ``transcript_events`` use); it wins
    over ``entry_json.sessionId``. ``memoryFlush {kind, compactionCount}`` is OpenClaw's own flush
    bookkeeping in this era: ``memory_flush_compaction_count`` = its ``compactionCount`` (kept on a
    ``failed`` record too: it names the last cycle flushed), ``memory_flush_kind`` = its ``kind``.
    There is no ``memoryFlushAt`` in this era: ``memory_flush_at`` stays ``None``.
    """
    cps = checkpoints_of(raw)
    family = raw.get("usageFamilySessionIds")
    flush = raw.get("memoryFlush")
    flush_obj: dict[str, Any] = flush if isinstance(flush, dict) else {}
    flush_count = _opt_int(flush_obj.get("compactionCount"))
    if flush_count is None:
        flush_count = _opt_int(raw.get("memoryFlushCompactionCount"))
    return StoreEntry(
        key=key,
        session_id=session_id,
        session_file=_opt_str(raw.get("sessionFile")),
        updated_at=_opt_int(raw.get("updatedAt")),
        total_tokens=_opt_int(raw.get("totalTokens")),
        total_tokens_fresh=raw.get("totalTokensFresh") is not False,
        context_tokens=_opt_int(raw.get("contextTokens")),
        compaction_count=_opt_int(raw.get("compactionCount")) or 0,
        memory_flush_at=_opt_int(raw.get("memoryFlushAt")),
        memory_flush_compaction_count=flush_count,
        checkpoints=tuple(cps),
        usage_family_session_ids=tuple(
            s for s in (family if isinstance(family, list) else []) if isinstance(s, str)
        ),
        memory_flush_kind=_opt_str(flush_obj.get("kind")),
        lifecycle_revision=_opt_str(raw.get("lifecycleRevision")),
        session_started_at=_opt_int(raw.get("sessionStartedAt")),
    )


def _entry_from_projection(key: str, session_id: str, projection: str) -> StoreEntry:
    values = orjson.loads(projection)
    if not isinstance(values, list) or len(values) != len(_ENTRY_PATHS) + 1:
        raise ValueError("unexpected projection")
    return store_entry_from_json(
        key, session_id, {name: v for (name, _), v in zip(_ENTRY_PATHS, values[1:], strict=True)}
    )


def row_bytes(
    dctx: zstandard.ZstdDecompressor,
    session_id: str,
    seq: int,
    event_json: str | None,
    event_zstd: bytes | None,
    utf8_bytes: int | None,
) -> bytes | str | RowError:
    """Pure (given a decompressor): a row's event JSON: ``str`` as stored in ``event_json``, or the
    decompressed UTF-8 ``bytes`` of ``event_zstd`` (checked against ``event_utf8_bytes``)."""
    if event_json is not None:
        if len(event_json) > MAX_EVENT_BYTES:
            return RowError(session_id, seq, "too_large", f"{len(event_json)} characters")
        return event_json
    if event_zstd is None:
        return RowError(session_id, seq, "empty_row", "neither event_json nor event_zstd")
    if utf8_bytes is not None and not 0 < utf8_bytes <= MAX_EVENT_BYTES:
        return RowError(session_id, seq, "too_large", f"event_utf8_bytes={utf8_bytes}")
    try:
        data = dctx.decompress(event_zstd, max_output_size=utf8_bytes or MAX_EVENT_BYTES)
    except zstandard.ZstdError as exc:
        return RowError(session_id, seq, "zstd_corrupt", str(exc))
    if utf8_bytes is not None and len(data) != utf8_bytes:
        return RowError(
            session_id, seq, "size_mismatch", f"{len(data)} bytes decoded, {utf8_bytes} announced"
        )
    return data


def jsonl_line(session_id: str, seq: int, data: bytes | str) -> bytes | RowError:
    """Pure: an event's JSON as one JSONL line (without the newline). JSON escapes a newline inside
    a string, so a raw one can only be whitespace between tokens: such an event is re-serialised."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if b"\n" not in raw:
        return raw
    try:
        return orjson.dumps(orjson.loads(raw))
    except orjson.JSONDecodeError as exc:
        return RowError(session_id, seq, "invalid_json", str(exc))


def _loads(data: bytes | str) -> dict[str, Any]:
    """``loads_line`` for a row: orjson reads the stored ``str`` as is (no encoding round trip)."""
    if isinstance(data, bytes):
        return loads_line(data)
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise LineError("invalid_json", str(exc)) from None
    if not isinstance(obj, dict):
        raise LineError("not_an_object", type(obj).__name__)
    return obj


def decode_row(
    dctx: zstandard.ZstdDecompressor,
    session_id: str,
    seq: int,
    created_at: int,
    event_json: str | None,
    event_zstd: bytes | None,
    utf8_bytes: int | None,
) -> Event | RowError:
    """Pure (given a decompressor): one ``transcript_events`` row to an ``Event`` or a ``RowError``."""
    data = row_bytes(dctx, session_id, seq, event_json, event_zstd, utf8_bytes)
    if isinstance(data, RowError):
        return data
    try:
        obj = _loads(data)
        if obj.get("type") == "session":
            header = parse_header(obj)
            if header is not None:
                return Event(session_id, seq, created_at, header=header)
        # Line numbers count from 1 with the header on line 1, so ids made for id-less (v1) entries
        # match what the same transcript as JSONL would give.
        return Event(session_id, seq, created_at, entry=parse_entry(obj, seq + 1))
    except LineError as exc:
        return RowError(session_id, seq, exc.reason, exc.detail)
    except Exception as exc:  # a shape no parser foresaw: this row is reported, the read goes on
        return RowError(session_id, seq, "undecodable", f"{type(exc).__name__}: {exc}")


def decompress_archive(encoding: str, blob: bytes, sha256: str | None = None) -> bytes:
    """Pure: an archive blob to its JSONL bytes. Raises ``ValueError`` (reason in the message)."""
    if sha256 is not None and hashlib.sha256(blob).hexdigest() != sha256:
        raise ValueError("archive_sha256_mismatch")
    if encoding == "identity":
        return blob
    try:
        with zstandard.ZstdDecompressor().stream_reader(blob) as reader:
            data = reader.read(MAX_ARCHIVE_BYTES + 1)
    except zstandard.ZstdError as exc:
        raise ValueError(f"archive_corrupt: {exc}") from None
    if len(data) > MAX_ARCHIVE_BYTES:
        raise ValueError("too_large")
    return data


def archive_lines(data: bytes, start_seq: int = 0, end_seq: int | None = None) -> list[bytes]:
    """Pure: the JSONL lines of an archive for ``[start_seq, end_seq)``: line ``i`` is seq ``i``.

    OpenClaw writes the archive as the session's JSONL, header first, one line per seq.
    """
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines[start_seq:end_seq]


# ---------------------------------------------------------------------------------------- the reader
_TRANSIENT = ("database is locked", "database table is locked", "no such table", "database schema")
_EVENT_COLUMNS = "seq, created_at, event_json, event_zstd, event_utf8_bytes"
_NO_END = 1 << 62


_SQLITE_READONLY = 8


def _is_transient(exc: sqlite3.Error) -> bool:
    """Worth a retry: ``SQLITE_BUSY``, a table not there yet (what a database being created answers
    for ~60 ms), or ``SQLITE_READONLY``. A reader that never writes gets the last one only from
    SQLite's own WAL index handling: with a read-only ``-shm`` (the systemd unit), a read that
    meets the writer restarting the WAL answers "attempt to write a readonly database" now and
    then (seen once in ~20 runs of 300 commits under load); the next try reads."""
    if getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_READONLY:
        return True
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and (
        any(t in text for t in _TRANSIENT) or "readonly database" in text
    )


def _not_ready_of(exc: sqlite3.Error) -> NotReady:
    name = getattr(exc, "sqlite_errorname", "")
    if name:
        exc = type(exc)(f"{exc} ({name})")
    text = str(exc).lower()
    if "no such table" in text:
        return NotReady("no_session_nodes", str(exc))
    if "locked" in text or "readonly" in text:
        return NotReady("busy", str(exc))
    return NotReady("sqlite_error", str(exc))


@contextlib.contextmanager
def _read_txn(conn: sqlite3.Connection) -> Iterator[None]:
    """One short read transaction: every ``SELECT`` inside sees the same snapshot, and the snapshot
    is released as soon as the block ends (a reader holding one would stall OpenClaw's checkpoints)."""
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


_Projection = tuple[str, str] | RowError  # (current_session_id, projection) or why not
_Version = tuple[Any, ...]  # (updated_at, ...) of a row: what tells that it moved


@dataclass(slots=True)
class _Fetched:
    """The rows one poll's read transaction fetched (decoded only after it ended)."""

    nodes: dict[str, _Version]  # session_key -> (updated_at,), of the rows that may have moved
    nodes_all: bool  # ``nodes`` is every row: a known key missing from it was deleted
    projections: dict[str, _Projection]
    windows: dict[str, _Version]  # session_id -> (updated_at, transcript_updated_at), likewise
    windows_all: bool
    events: dict[str, list[tuple[Any, ...]]]
    cut: set[str]  # sessions whose rows were cut by the poll's budget
    archives: list[tuple[Any, ...]]
    generations: dict[str, str]  # session_id -> rewrite generation, of the windows read
    shorter: list[tuple[str, int]]  # (session, its last seq now) for sessions whose cursor is past it


class AgentDb:
    """A long-lived read-only reader of one agent database, with the per-session cursors.

    ``cursors`` (session id -> last seq read, ``-1`` for none) start from what the caller persisted
    (the checkpoint) and move as ``poll`` delivers rows. A session absent from ``cursors`` is read
    from seq 0. The caller saves ``AgentDb.cursors`` after it has applied a poll's events.

    Nothing is opened by the constructor; the first ``poll`` opens the connection (when the
    database is ready) and keeps it. ``close`` ends it.
    """

    def __init__(
        self,
        db_path: Path,
        *,
        cursors: Mapping[str, int] | None = None,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        retry_pauses: Iterable[float] = RETRY_PAUSES,
    ) -> None:
        self.db_path = Path(db_path)
        self.sessions_dir = self.db_path.parent.parent / "sessions"
        self.cursors: dict[str, int] = dict(cursors or {})
        self.busy_timeout_ms = busy_timeout_ms
        self.retry_pauses = tuple(retry_pauses)
        #: ``schema_meta`` once read (``None`` before the first successful poll, or when absent).
        self.schema: SchemaMeta | None = None
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._dctx = zstandard.ZstdDecompressor()
        self._data_version: int | None = None
        self._wal_stat: tuple[int, int, int] | None = None  # (ino, size, mtime_ns), when trusted
        self._sidecars: tuple[tuple[int, int], tuple[int, int]] | None = None  # -wal, -shm (dev, ino)
        self._db_ident: tuple[int, int] | None = None
        self._read_on = False  # the last poll stopped at max_rows: the next one must not shortcut
        self._pending: set[str] = set()  # windows with rows left unread by that cut
        self._node_ver: dict[str, _Version] = {}  # key -> (updated_at,) read: every key present
        self._node_mark = 0  # the newest updated_at of a node seen
        self._node_proj: dict[str, str] = {}  # key -> projection text applied
        self._node_bad: dict[str, _Version] = {}  # key -> version whose entry_json was reported bad
        self._nodes: dict[str, StoreEntry] = {}
        self._windows: dict[str, _Version] = {}  # session id -> its version read up to
        self._generations: dict[str, str] = {}  # session id -> rewrite generation seen
        self._short: dict[str, int] = {}  # session id -> last seq when reported "shorter"
        self._no_watermarks = False
        self._window_mark = 0
        self._archives_seen: set[tuple[str, str]] = set()
        self._archive_since = 0  # created_at of the newest archive row reported

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def nodes(self) -> dict[str, StoreEntry]:
        """The last snapshot of ``session_nodes`` (a copy): what the last ``CHANGED`` poll gave."""
        with self._lock:
            return dict(self._nodes)

    # ------------------------------------------------------------------ connection
    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            with _OPEN_HERE_LOCK:
                left = _OPEN_HERE.pop(self._db_ident, 1) - 1 if self._db_ident else 0
                if left > 0 and self._db_ident is not None:
                    _OPEN_HERE[self._db_ident] = left
        self._conn = None
        self._data_version = None
        self._wal_stat = None
        self._sidecars = None

    def _sidecar_idents(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        try:
            w = os.stat(f"{self.db_path}-wal")
            s = os.stat(f"{self.db_path}-shm")
        except OSError:
            return None
        return (w.st_dev, w.st_ino), (s.st_dev, s.st_ino)

    def _connect(self) -> sqlite3.Connection:
        """Open (or keep) the connection; raise ``NotReady`` rather than let SQLite create a side file.

        The check and the open are two steps, so a ``-wal`` deleted in between (only OpenClaw's last
        connection closing deletes it) could still be recreated by SQLite; ``_check_sidecars`` then
        sees the new inode and closes. OpenClaw is not running in that window, so nothing is killed.
        """
        try:
            st = os.stat(self.db_path)
        except FileNotFoundError:
            self._close()
            raise NotReady("db_missing", str(self.db_path)) from None
        except OSError as exc:
            self._close()
            raise NotReady("unreadable", f"{self.db_path}: {exc.strerror}") from None
        ident = (st.st_dev, st.st_ino)
        if self._conn is not None and ident != self._db_ident:
            self._close()  # the database file was replaced: follow the new one
            self.schema = None
        if self._conn is not None:
            return self._conn
        reason = not_ready_reason(self.db_path)
        if reason is not None:
            raise NotReady(reason, str(self.db_path))
        # Both side files there: WAL (checked to stay the same files); neither: rollback journal.
        sidecars = self._sidecar_idents()
        uri = "file:" + _uri_path(self.db_path) + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _not_ready_of(exc) from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            conn.execute("PRAGMA query_only = 1")  # belt and braces: mode=ro already cannot write
        except sqlite3.Error as exc:
            conn.close()
            raise _not_ready_of(exc) from None
        self._conn = conn
        self._db_ident = ident
        self._sidecars = sidecars
        with _OPEN_HERE_LOCK:
            _OPEN_HERE[ident] = _OPEN_HERE.get(ident, 0) + 1
        return conn

    def _check_sidecars(self) -> None:
        """The ``-wal``/``-shm`` we opened with are still the files on disk (not deleted, replaced)."""
        if self._sidecars is None:
            return
        if self._sidecar_idents() != self._sidecars:
            self._close()
            raise NotReady("sidecar_replaced", "-wal/-shm missing or replaced since the open; reopening")

    def _with_retry(self, read: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``read`` on the connection, retrying a transient error a few times with a short
        backoff (never a spin), then raising ``NotReady``."""
        pauses = list(self.retry_pauses)
        while True:
            conn = self._connect()
            self._check_sidecars()
            try:
                return read(conn)
            except sqlite3.Error as exc:
                if _is_transient(exc) and pauses:
                    time.sleep(pauses.pop(0))
                    continue
                self._close()  # start clean next time
                raise _not_ready_of(exc) from None

    # ------------------------------------------------------------------ change detection
    def _wal_unchanged(self) -> bool:
        """The cheap prefilter: ``-wal`` has the same inode, size and (non-racy) mtime as last time,
        and the database file is the one we are connected to."""
        try:
            st = os.stat(f"{self.db_path}-wal")
            db = os.stat(self.db_path)
        except OSError:
            self._wal_stat = None
            return False
        if (db.st_dev, db.st_ino) != self._db_ident:
            self._wal_stat = None
            return False
        key = (st.st_ino, st.st_size, st.st_mtime_ns)
        same = key == self._wal_stat
        # Trust this stat next time only when its mtime is clearly in the past: a write in the same
        # clock tick would leave mtime (and, once the WAL restarted, size) unchanged.
        self._wal_stat = key if time.time_ns() - st.st_mtime_ns > RACY_NS else None
        return same

    # ------------------------------------------------------------------ poll
    def poll(self, *, force: bool = False, max_rows: int = DEFAULT_MAX_ROWS) -> Poll:
        """Read what was committed since the last poll, in one short read transaction.

        ``UNCHANGED`` cheaply when nothing moved. ``force`` skips the ``-wal``/``data_version``
        shortcuts and re-checks every node's fields and every window's cursor: the periodic
        backstop, which also catches a write that did not bump ``updated_at``. Never raises for a
        database problem: those come back as ``NOT_READY`` (with the reason) or as ``errors``.
        """
        with self._lock:
            try:
                return self._poll(force=force, max_rows=max_rows)
            except NotReady as exc:
                return Poll(PollStatus.NOT_READY, exc.reason, exc.detail)

    def _poll(self, *, force: bool, max_rows: int) -> Poll:
        shortcut = not force and not self._read_on
        if self._conn is not None and shortcut and self._wal_unchanged():
            return Poll(PollStatus.UNCHANGED)
        conn = self._connect()
        self._check_sidecars()
        try:
            (version,) = conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error as exc:
            if not _is_transient(exc):
                self._close()
                raise _not_ready_of(exc) from None
            version = None
        first = self._data_version is None
        if shortcut and not first and version == self._data_version:
            return Poll(PollStatus.UNCHANGED)
        full = force or first
        fetched = self._with_retry(lambda c: self._fetch(c, full=full, max_rows=max_rows))
        if version is not None:
            self._data_version = int(version)
        return self._apply(fetched)

    def _changed_rows(
        self,
        conn: sqlite3.Connection,
        table: str,
        key: str,
        columns: str,
        known: Collection[str],
        mark: int,
        full: bool,
    ) -> tuple[dict[str, _Version], bool]:
        """``key -> (updated_at, *columns)`` of the rows of ``table`` that may have moved, and
        whether that is every row (then a key missing from it is gone).

        Not ``full``: the rows with ``updated_at >= mark - MARK_SLACK_MS`` (a range of the table's
        ``updated_at`` index, so the cost follows what moved, not the table's size), plus a
        ``count(*)`` that proves no row vanished: when it is not the number of known rows plus the
        new ones, every key is read instead.
        """
        select = f"SELECT {key}, {columns} FROM {table}"
        if not full:
            (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            recent = {
                str(row[0]): tuple(row[1:])
                for row in conn.execute(f"{select} WHERE updated_at >= ?", (mark - MARK_SLACK_MS,))
            }
            if int(count) == len(known) + sum(1 for k in recent if k not in known):
                return recent, False
        return {str(row[0]): tuple(row[1:]) for row in conn.execute(select)}, True

    def _fetch(self, conn: sqlite3.Connection, *, full: bool, max_rows: int) -> _Fetched:
        with _read_txn(conn):
            if self.schema is None:
                self.schema = _read_schema(conn)
            nodes, nodes_all = self._changed_rows(
                conn, "session_nodes", "session_key", "updated_at", self._node_ver, self._node_mark, full
            )
            # A node written twice in one millisecond, or by a write that keeps its activity time
            # (OpenClaw's "preserve-activity" patches), keeps its updated_at: the recently active
            # nodes are compared by their fields every time (a handful; the rest by updated_at).
            recent = self._node_mark - MARK_SLACK_MS
            stale = [k for k, v in nodes.items() if self._node_ver.get(k) != v or v[0] >= recent]
            projections = self._read_projections(conn, None if full else stale)
            # A window's updated_at is the appended event's own timestamp (the same for two events
            # of one millisecond); transcript_updated_at moves on every append and every rewrite.
            windows, windows_all = self._changed_rows(
                conn,
                "session_windows",
                "session_id",
                "updated_at, transcript_updated_at",
                self._windows.keys() | self._pending,
                self._window_mark,
                full,
            )
            todo = [s for s, v in windows.items() if full or self._windows.get(s) != v]
            for sid in sorted(self._pending):  # a cut left rows here: read on, whatever moved
                if sid not in windows:
                    row = conn.execute(
                        "SELECT updated_at, transcript_updated_at FROM session_windows WHERE session_id = ?",
                        (sid,),
                    ).fetchone()
                    if row is None:
                        self._pending.discard(sid)  # deleted meanwhile
                        continue
                    windows[sid] = tuple(row)
                if sid not in todo:
                    todo.insert(0, sid)
            generations = self._read_generations(conn, todo)
            shorter: list[tuple[str, int]] = []
            events: dict[str, list[tuple[Any, ...]]] = {}
            cut: set[str] = set()
            budget = max_rows
            for sid in todo:
                if budget <= 0:
                    cut.add(sid)
                    continue
                rows = conn.execute(
                    f"SELECT {_EVENT_COLUMNS} FROM transcript_events"
                    " WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                    (sid, self.cursors.get(sid, -1), budget),
                ).fetchall()
                if rows:
                    events[sid] = rows
                elif self.cursors.get(sid, -1) >= 0:
                    (top,) = conn.execute(
                        "SELECT max(seq) FROM transcript_events WHERE session_id = ?", (sid,)
                    ).fetchone()
                    top_seq = -1 if top is None else int(top)
                    if top_seq < self.cursors[sid] and self._short.get(sid) != top_seq:
                        shorter.append((sid, top_seq))  # rows we read are gone: rewritten, or cold
                if len(rows) == budget:
                    cut.add(sid)  # maybe more: read on next time
                budget -= len(rows)
            archives = conn.execute(
                "SELECT session_id, generation, session_key, reason, encoding, archive_name, created_at,"
                " published_at FROM session_transcript_archives WHERE created_at >= ?"
                " ORDER BY created_at, session_id, generation",
                (self._archive_since,),
            ).fetchall()
        return _Fetched(
            nodes, nodes_all, projections, windows, windows_all, events, cut, archives, generations, shorter
        )

    def _read_generations(self, conn: sqlite3.Connection, sids: list[str]) -> dict[str, str]:
        """``transcript_rewrite_watermarks.generation`` of ``sids``: OpenClaw rotates it whenever it
        rewrites or replaces a session's rows (never on append, compaction or reset)."""
        out: dict[str, str] = {}
        if self._no_watermarks or not sids:
            return out
        try:
            for sid in sids:
                row = conn.execute(
                    "SELECT generation FROM transcript_rewrite_watermarks WHERE session_id = ?", (sid,)
                ).fetchone()
                if row is not None:
                    out[sid] = str(row[0])
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc).lower():
                raise
            self._no_watermarks = True  # an older schema: no generations to follow
        return out

    def _read_projections(self, conn: sqlite3.Connection, keys: list[str] | None) -> dict[str, _Projection]:
        """``key -> (current_session_id, projection)`` for ``keys`` (every node when ``None``). An
        ``entry_json`` that is not JSON is a ``RowError`` for its key, not a failed poll."""
        if keys is not None and not keys:
            return {}
        sql = f"SELECT session_key, current_session_id, {_PROJECTION} FROM session_nodes"
        out: dict[str, _Projection] = {}
        try:
            if keys is None:
                rows = conn.execute(sql).fetchall()
            else:
                rows = []
                for i in range(0, len(keys), 500):
                    part = keys[i : i + 500]
                    rows += conn.execute(
                        f"{sql} WHERE session_key IN ({','.join('?' * len(part))})", part
                    ).fetchall()
            for key, sid, proj in rows:
                out[str(key)] = (str(sid), str(proj))
            return out
        except sqlite3.OperationalError as exc:
            if "json" not in str(exc).lower():
                raise
        # Some entry_json is not JSON: look at each row alone, so that only the bad one is skipped.
        every = (
            keys
            if keys is not None
            else [str(k) for (k,) in conn.execute("SELECT session_key FROM session_nodes")]
        )
        for key in every:
            try:
                row = conn.execute(f"{sql} WHERE session_key = ?", (key,)).fetchone()
            except sqlite3.OperationalError as exc:
                if "json" not in str(exc).lower():
                    raise
                (sid,) = conn.execute(
                    "SELECT current_session_id FROM session_nodes WHERE session_key = ?", (key,)
                ).fetchone()
                out[key] = RowError(str(sid), None, "entry_json_invalid", str(exc), session_key=key)
                continue
            if row is not None:
                out[key] = (str(row[1]), str(row[2]))
        return out

    def _apply(self, f: _Fetched) -> Poll:
        """Decode what ``_fetch`` got (outside the transaction) and move the cursors and snapshots."""
        result = Poll(PollStatus.CHANGED)
        self._apply_nodes(f, result)
        for sid, ver in f.windows.items():
            self._window_mark = max(self._window_mark, int(ver[0]))
            if sid in f.cut:
                self._pending.add(sid)  # keep the old version: the next poll reads on
            else:
                self._windows[sid] = ver
                self._pending.discard(sid)
        for sid, gen in f.generations.items():
            old_gen = self._generations.get(sid)
            if old_gen is not None and old_gen != gen:
                result.rewritten[sid] = "generation"
            self._generations[sid] = gen
        for sid, top in f.shorter:
            self._short[sid] = top  # reported once for this state
            result.rewritten.setdefault(sid, "shorter")
        if f.windows_all:
            for sid in [s for s in self._windows if s not in f.windows]:
                del self._windows[sid]
                self._generations.pop(sid, None)
            self._pending &= set(f.windows)
        result.more = bool(f.cut)
        self._read_on = result.more
        for sid, rows in f.events.items():
            out: list[Event] = []
            for seq, created_at, ej, ez, n in rows:
                got = decode_row(self._dctx, sid, int(seq), int(created_at), ej, ez, n)
                if isinstance(got, RowError):
                    result.errors.append(got)
                else:
                    out.append(got)
                self.cursors[sid] = int(seq)
            if out:
                result.events[sid] = out
        for sid, gen, key, reason, enc, name, created, published in f.archives:
            if (sid, gen) in self._archives_seen:
                continue
            self._archives_seen.add((sid, gen))
            self._archive_since = max(self._archive_since, int(created))
            result.archives.append(
                Archive(
                    session_id=str(sid),
                    generation=str(gen),
                    session_key=str(key),
                    reason=str(reason),
                    encoding=str(enc),
                    archive_name=str(name),
                    created_at=int(created),
                    published_at=None if published is None else int(published),
                    file_path=self.sessions_dir / str(name),
                )
            )
        if not (
            result.changed_keys
            or result.deleted
            or result.events
            or result.errors
            or result.archives
            or result.rewritten
        ):
            result.status = PollStatus.UNCHANGED
            result.nodes = {}
        return result

    def _apply_nodes(self, f: _Fetched, result: Poll) -> None:
        for key, up in f.nodes.items():
            self._node_mark = max(self._node_mark, int(up[0]))
            proj = f.projections.get(key)
            if proj is None:
                continue  # not stale: unchanged since the last read
            self._node_ver[key] = up
            if isinstance(proj, RowError):
                # Reported once per version of the row; the last good entry stays.
                if self._node_bad.get(key) != up:
                    self._node_bad[key] = up
                    result.errors.append(proj)
                continue
            self._node_bad.pop(key, None)
            sid, text = proj
            old = self._nodes.get(key)
            if old is not None and old.session_id == sid and self._node_proj.get(key) == text:
                continue
            try:
                entry = _entry_from_projection(key, sid, text)
            except ValueError as exc:  # orjson.JSONDecodeError is a ValueError
                result.errors.append(RowError(sid, None, "entry_json_invalid", str(exc), session_key=key))
                continue
            self._node_proj[key] = text
            self._nodes[key] = entry
            result.changed_keys.append(key)
        if f.nodes_all:
            for key in [k for k in self._nodes if k not in f.nodes]:
                result.deleted[key] = self._nodes.pop(key)
                self._node_proj.pop(key, None)
            for key in [k for k in self._node_ver if k not in f.nodes]:
                del self._node_ver[key]
                self._node_bad.pop(key, None)
        result.nodes = dict(self._nodes)

    # ------------------------------------------------------------------ ranges and archives
    def _range_rows(self, session_id: str, start_seq: int, end_seq: int | None) -> list[tuple[Any, ...]]:
        def read(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
            with _read_txn(conn):
                return conn.execute(
                    f"SELECT {_EVENT_COLUMNS} FROM transcript_events"
                    " WHERE session_id = ? AND seq >= ? AND seq < ? ORDER BY seq",
                    (session_id, start_seq, _NO_END if end_seq is None else end_seq),
                ).fetchall()

        with self._lock:
            return self._with_retry(read)

    def read_range(self, session_id: str, start_seq: int, end_seq: int | None = None) -> RangeRead:
        """The rows of ``session_id`` with ``start_seq <= seq < end_seq`` (``None``: to the end), decoded.

        For the flush executor; does not move the cursors; safe from another thread. Raises
        ``NotReady`` when the database cannot be read now (retry later), never for a bad row (those
        are ``RangeRead.errors``). A session deleted meanwhile gives no rows: use ``read_archive``.
        """
        dctx = zstandard.ZstdDecompressor()  # not shared: a decompressor is not thread-safe
        out = RangeRead([], [])
        for seq, created_at, ej, ez, n in self._range_rows(session_id, start_seq, end_seq):
            got = decode_row(dctx, session_id, int(seq), int(created_at), ej, ez, n)
            if isinstance(got, RowError):
                out.errors.append(got)
            else:
                out.events.append(got)
        return out

    def read_range_jsonl(
        self, session_id: str, start_seq: int, end_seq: int | None = None
    ) -> tuple[bytes, list[RowError]]:
        """``read_range`` as the JSONL the file era would hold for those rows, for ``content_of_bytes``:
        one newline-terminated line per row in seq order, so line ``k`` (from 0) is seq
        ``start_seq + k`` and ``first_line = start_seq + 1`` numbers them as the file would (the
        header is line 1). A row that cannot be read is an empty line (the parser skips it, the
        numbering stays) and is returned in the errors. Raises ``NotReady`` like ``read_range``.
        """
        dctx = zstandard.ZstdDecompressor()
        lines: list[bytes] = []
        errors: list[RowError] = []
        expected = start_seq
        for seq, _created, ej, ez, n in self._range_rows(session_id, start_seq, end_seq):
            if int(seq) > expected:  # a gap (never seen: seqs have none): keep the numbering
                lines.append(b"\n" * (int(seq) - expected))
            expected = int(seq) + 1
            data = row_bytes(dctx, session_id, int(seq), ej, ez, n)
            line = data if isinstance(data, RowError) else jsonl_line(session_id, int(seq), data)
            if isinstance(line, RowError):
                errors.append(line)
                lines.append(b"\n")
            else:
                lines.append(line + b"\n")
        return b"".join(lines), errors

    def forget(self, session_id: str) -> None:
        """Drop a session's cursor (the engine is done with it, e.g. after a delete's last flush).
        The reader itself never drops cursors: a deleted session keeps its last seq read, which is
        where its archive's unread tail starts."""
        with self._lock:
            self.cursors.pop(session_id, None)

    def read_archive(self, archive: Archive) -> bytes:
        """The full JSONL of an archived session (decompressed, sha256 checked): line ``i`` is seq
        ``i`` (``archive_lines`` slices it). When the row is gone, the published ``.zst`` file is
        read instead. Raises ``ValueError`` for a corrupt blob, ``NotReady`` when the database
        cannot be read now, ``FileNotFoundError`` when neither the row nor the file exists."""

        def read(conn: sqlite3.Connection) -> tuple[Any, ...] | None:
            with _read_txn(conn):
                row: tuple[Any, ...] | None = conn.execute(
                    "SELECT encoding, archive_blob, archive_sha256 FROM session_transcript_archives"
                    " WHERE session_id = ? AND generation = ?",
                    (archive.session_id, archive.generation),
                ).fetchone()
                return row

        with self._lock:
            row = self._with_retry(read)
        if row is None:
            with open(archive.file_path, "rb") as fh:
                blob = fh.read(MAX_ARCHIVE_BYTES + 1)
            return decompress_archive(archive.encoding, blob)
        enc, blob, sha = row
        return decompress_archive(str(enc), bytes(blob), str(sha))


def _read_schema(conn: sqlite3.Connection) -> SchemaMeta | None:
    try:
        row = conn.execute(
            "SELECT role, schema_version, agent_id, app_version FROM schema_meta WHERE meta_key = 'primary'"
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    if row is None:
        return None
    return SchemaMeta(str(row[0]), int(row[1]), _opt_str(row[2]), _opt_str(row[3]))


def _uri_path(path: Path) -> str:
    """A path for a ``file:`` URI: ``?`` and ``#`` would end the path, ``%`` starts an escape."""
    return str(path.resolve()).replace("%", "%25").replace("?", "%3f").replace("#", "%23")


# ---------------------------------------------------------------------------------------- doctor
@dataclass(frozen=True, slots=True)
class DoctorCheck:
    """One finding for ``memoryd doctor``: ``level`` ok/warn/fail, ``what`` happened, the ``fix``."""

    level: Literal["ok", "warn", "fail"]
    what: str
    fix: str = ""


def doctor_checks(agent_dir: Path) -> list[DoctorCheck]:
    """What ``memoryd doctor`` should say about one agent folder's SQLite store (``[]``: none there).

    Opens nothing (an open could create ``-wal``/``-shm``): ``stat``, ``access`` and a 20-byte header
    read only. Checks the layout, that ``-wal`` and ``-shm`` exist (else memoryd waits: ``warn``),
    and that this process can read the database and both side files (else ``fail``). Write access
    is not needed anywhere: SQLite (>= 3.22) opens an existing ``-shm`` read-only when it cannot
    write it, and follows a live writer that way; measured through a read-only bind mount and as an
    unprivileged user with a ``0444`` ``-shm`` (``docs/systemd.md``). The systemd unit keeps
    ``agents/`` read-only on purpose: then nothing memoryd runs can create or change those files.
    """
    info = probe_agent(agent_dir)
    name = agent_dir.name
    out: list[DoctorCheck] = []
    if Layout.SQLITE not in info.layouts:
        if Layout.FILES in info.layouts:
            out.append(DoctorCheck("ok", f"agent {name}: sessions.json layout (OpenClaw <= 2026.7.1)"))
        return out
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        need = ".".join(map(str, MIN_SQLITE))
        out.append(
            DoctorCheck(
                "fail",
                f"agent {name}: this Python's SQLite is {sqlite3.sqlite_version}; OpenClaw's store needs {need} "
                "(STRICT tables; a read-only -shm)",
                f"run memoryd with a Python whose sqlite3 module is built on SQLite >= {need}",
            )
        )
        return out
    if Layout.FILES in info.layouts:
        out.append(
            DoctorCheck(
                "ok",
                f"agent {name}: SQLite store and an old sessions.json (migration input): the SQLite store is read",
            )
        )
    reason = info.db_not_ready
    if reason in ("wal_missing", "shm_missing"):
        side = "-wal" if reason == "wal_missing" else "-shm"
        out.append(
            DoctorCheck(
                "warn",
                f"agent {name}: {info.db_path.name} has no {side} file (OpenClaw not running?); memoryd does "
                "not open it, since opening would create the file under OpenClaw",
                "start OpenClaw (it creates them); memoryd reads the agent as soon as they exist",
            )
        )
        return out
    if reason is not None:
        out.append(
            DoctorCheck("fail", f"agent {name}: {info.db_path} cannot be read ({reason})", "check the file")
        )
        return out
    wal = os.path.exists(f"{info.db_path}-wal")  # ready with a side file: WAL (else rollback journal)
    files = [info.db_path] + ([Path(f"{info.db_path}-wal"), Path(f"{info.db_path}-shm")] if wal else [])
    unreadable = [p.name for p in files if not os.access(p, os.R_OK)]
    if unreadable:
        out.append(
            DoctorCheck(
                "fail",
                f"agent {name}: memoryd cannot read {', '.join(unreadable)}",
                "run memoryd as the user OpenClaw runs as",
            )
        )
        return out
    mode = "WAL" if wal else "rollback journal"
    out.append(DoctorCheck("ok", f"agent {name}: SQLite store {info.db_path} readable ({mode}, read-only)"))
    return out
