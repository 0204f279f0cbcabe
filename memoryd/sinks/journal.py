"""The event log: append-only NDJSON, one ``write`` per event, ``seq`` 1, 2, 3 ... forever.

Layout, next to the configured path (``events.ndjson``)::

    events-00000000000000000001.ndjson     closed segments, named by their first seq (20 digits,
    events-00000000000000412337.ndjson     so that names sort like seqs)
    events.ndjson                          the active segment: the only file ever written

* **Rotation.** Before an append would grow the active file past ``segment_bytes`` (or, with an age
  limit, when its first event is older than ``retention_seconds``), the active file is ``fdatasync``-ed
  (a closed segment is complete and durable before it has its name), renamed to its segment name, and a
  new empty ``events.ndjson`` is created: the classic rename-and-create rotation that log shippers
  follow by inode.
* **Crash safety.** Every step leaves a state ``open`` understands: a crash after the rename and before
  the new file leaves no active file, and ``open`` creates it. A torn last line of the active file (a
  crash in the middle of a write) is cut off and kept beside the log (``events.ndjson.torn-<time>``),
  so the log always parses line by line. ``seq`` continues from the last whole event of the active
  file, or of the newest closed segment when the active one is empty or missing: never a gap, never a
  repeat.
* **Retention.** After a rotation, at ``open`` (and, for the age limit, at most once a minute from
  ``sync``), the oldest closed segments are deleted while the log is bigger than ``retention_bytes`` or their newest
  event (their mtime) is older than ``retention_seconds``. The active segment is never deleted, nor the
  closed segment holding the newest event while the active one is empty (it is what carries ``seq``
  across a restart). ``oldest_seq`` follows; a reader asking for older events gets ``CursorExpired``.
* **Publishing.** Listeners (the socket's live feed) hear of an event only once it is durable: ``sync``
  ``fdatasync``-s, then hands them what was appended since (``published_seq`` follows). So a client
  never sees a ``seq`` that a power loss could give to another event.
* **Reading.** ``iter_log`` (``Journal.iter_since``) picks the segment by its name (a bisect over first
  seqs) and the line inside it by a bisect over byte offsets, then reads forward across segments; it is
  safe against a concurrent rotation or retention, also from another thread or process.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Final

import orjson
import structlog

from memoryd.events import envelope

log = structlog.get_logger(__name__)

Listener = Callable[[int, bytes, dict[str, Any]], None]

SEGMENT_BYTES: Final = 64 * 1024 * 1024
RETENTION_BYTES: Final = 1024 * 1024 * 1024
# Below this many bytes between the bisect bounds, a linear scan is cheaper than more seeks.
_BISECT_SPAN: Final = 64 * 1024
# How often ``sync`` looks for segments past the age limit (a ``listdir`` and a few ``stat``).
_AGE_CHECK_SECONDS: Final = 60.0
# Appending this many events without a ``sync`` syncs (and publishes): the wait list stays bounded.
_PUBLISH_EVERY: Final = 4096


class CursorExpired(LookupError):
    """Events right after ``since`` are no longer kept; ``oldest_seq`` is the oldest one there is."""

    def __init__(self, since: int, oldest_seq: int) -> None:
        super().__init__(f"events after seq {since} are no longer kept (the oldest kept is {oldest_seq})")
        self.since = since
        self.oldest_seq = oldest_seq


@dataclass(frozen=True, slots=True)
class Segment:
    """A closed segment: its first seq (from its name) and its path."""

    first_seq: int
    path: Path


# -- file names -------------------------------------------------------------------------------------
def segment_path(active: Path, first_seq: int) -> Path:
    """Where the segment starting at ``first_seq`` lives: ``events-<first_seq:020d>.ndjson``."""
    return active.with_name(f"{active.stem}-{first_seq:020d}{active.suffix}")


def _segment_pattern(active: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(active.stem)}-(\d{{20}}){re.escape(active.suffix)}")


def closed_segments(active: Path) -> list[Segment]:
    """The closed segments beside ``active``, oldest first (an empty list when there is no folder)."""
    pattern = _segment_pattern(active)
    try:
        names = os.listdir(active.parent)
    except FileNotFoundError:
        return []
    found = [
        Segment(int(m.group(1)), active.parent / name) for name in names if (m := pattern.fullmatch(name))
    ]
    found.sort(key=lambda s: s.first_seq)
    return found


def log_exists(active: Path) -> bool:
    """Is there any log at all: the active file or a closed segment?"""
    return active.exists() or bool(closed_segments(active))


# -- small readers ----------------------------------------------------------------------------------
def _parse(raw: bytes) -> dict[str, Any] | None:
    """An event line, or None for anything that is not a JSON object with an integer ``seq``."""
    try:
        event = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if isinstance(event, dict) and isinstance(event.get("seq"), int):
        return event
    return None


def _first_event(path: Path) -> dict[str, Any] | None:
    """The first whole event of a file (junk lines skipped), or None."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return None
    with fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return None
            if (event := _parse(raw)) is not None:
                return event
    return None


def _last_seq_in(path: Path) -> int:
    """The seq of the last whole event of a file, 0 if none; reads only the tail of the file."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return 0
    with fh:
        size = os.fstat(fh.fileno()).st_size
        back = 1 << 16
        while True:
            start = max(0, size - back)
            fh.seek(start)
            lines = fh.read(size - start).split(b"\n")
            # lines[-1] is after the last newline (torn or empty); lines[0] may be cut unless at 0.
            complete = lines[:-1] if start == 0 else lines[1:-1]
            for line in reversed(complete):
                if (event := _parse(line)) is not None:
                    return int(event["seq"])
            if start == 0:
                return 0
            back *= 4


def _event_epoch(event: dict[str, Any] | None) -> float | None:
    """The envelope's ``time`` as a Unix time, or None."""
    when = event.get("time") if event else None
    if not isinstance(when, str):
        return None
    try:
        return datetime.strptime(when, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None


def _oldest_seq(active: Path, closed: list[Segment], head: int) -> int:
    """The first seq still kept: of the oldest closed segment, else of the active file, else ``head + 1``."""
    if closed:
        return closed[0].first_seq
    first = _first_event(active)
    return int(first["seq"]) if first else head + 1


def log_bounds(active: Path) -> tuple[int, int]:
    """``(oldest_seq, head_seq)`` of the log on disk; ``oldest_seq`` is ``head_seq + 1`` when it is empty.

    Read-only and without the writer: for ``memoryd tail`` and ``memoryd status`` without a daemon.
    """
    closed = closed_segments(active)
    head = max(_last_seq_in(active), _last_seq_in(closed[-1].path) if closed else 0)
    return _oldest_seq(active, closed, head), head


# -- bisect ------------------------------------------------------------------------------------------------
def _offset_after(fh: IO[bytes], size: int, since: int) -> int:
    """A line start at or before the first line with ``seq > since``, at most about ``_BISECT_SPAN``
    before it: a bisect over byte offsets, so a cursor in the middle of a 64 MiB segment costs about a
    dozen short reads instead of parsing every line before it. Needs seqs rising within the file,
    which the writer guarantees; junk lines are stepped over.
    """
    lo, hi = 0, size  # lo: a line start with only seq <= since before it; hi: search bound
    while hi - lo > _BISECT_SPAN:
        mid = (lo + hi) // 2
        fh.seek(mid - 1)
        start = mid - 1 + len(fh.readline())  # the first line start at or after mid
        event: dict[str, Any] | None = None
        raw = b""
        while start < hi:
            raw = fh.readline()
            if raw.endswith(b"\n") and (event := _parse(raw)) is not None:
                break
            start += len(raw)
            if not raw:
                break
        if event is None or start >= hi:
            hi = mid  # no usable line start in [mid, hi): look left of mid
        elif event["seq"] <= since:
            lo = start + len(raw)
        else:
            hi = mid
    return lo


# -- reading ---------------------------------------------------------------------------------------------
def _lines_after(fh: IO[bytes], since: int, *, final: bool) -> Iterator[tuple[bytes, dict[str, Any]]]:
    """Whole event lines with ``seq > since`` from the current position to EOF.

    A last line without its newline is a write in progress in the active file: stop before it (and
    leave the position there, to read it whole later). In a closed file (``final``) it is junk: skip it.
    """
    pos = fh.tell()
    while True:
        raw = fh.readline()
        if not raw:
            return
        if not raw.endswith(b"\n"):
            if not final:
                fh.seek(pos)
            return
        pos += len(raw)
        event = _parse(raw)
        if event is not None and event["seq"] > since:
            since = event["seq"]
            yield raw, event


def _same_file(fh: IO[bytes], path: Path) -> bool:
    """Is ``path`` still the file ``fh`` has open (no rotation since)?"""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    own = os.fstat(fh.fileno())
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


def _check_cursor(active: Path, closed: list[Segment], since: int) -> None:
    """``CursorExpired`` when the event right after ``since`` was deleted by retention."""
    if closed:
        oldest = closed[0].first_seq
    else:
        first = _first_event(active)
        if first is None:
            return
        oldest = int(first["seq"])
    if since + 1 < oldest:
        raise CursorExpired(since, oldest)


def iter_log(active: Path, since: int, *, strict: bool = False) -> Iterator[tuple[bytes, dict[str, Any]]]:
    """Events with ``seq > since`` across the segments of the log at ``active``, in order, as (line, event).

    Ends at the end of what is written now (a line being written is left for the next call). Safe
    against a rotation or retention meanwhile, from any thread or process: it follows the file it reads
    into its new name and lists the folder again. With ``strict``, ``CursorExpired`` when events right
    after ``since`` are no longer kept (also when retention deletes them while this reads); without,
    it starts at the oldest event there is. Every yielded ``seq`` is higher than the one before.
    """
    cursor = since
    vanished: set[Path] = set()
    while True:
        closed = closed_segments(active)
        if strict:
            _check_cursor(active, closed, cursor)
        # The last segment whose first seq is <= cursor + 1 holds the next event (or ends before it).
        start = max(0, bisect.bisect_right([s.first_seq for s in closed], cursor + 1) - 1)
        relist = False
        for seg in closed[start:]:
            try:
                fh = seg.path.open("rb")
            except FileNotFoundError:  # removed by retention since the listing (or a dangling link)
                relist = seg.path not in vanished
                vanished.add(seg.path)
                if relist:
                    break
                continue
            with fh:
                fh.seek(_offset_after(fh, os.fstat(fh.fileno()).st_size, cursor))
                for raw, event in _lines_after(fh, cursor, final=True):
                    cursor = event["seq"]
                    yield raw, event
        if relist:
            continue
        try:
            fh = active.open("rb")
        except FileNotFoundError:  # between the rename and the new file of a rotation
            if _rotated_since(active, closed):
                continue
            return
        with fh:
            if _rotated_since(active, closed):
                continue  # events between the listing and this file went to a new segment: read it first
            fh.seek(_offset_after(fh, os.fstat(fh.fileno()).st_size, cursor))
            for raw, event in _lines_after(fh, cursor, final=False):
                cursor = event["seq"]
                yield raw, event
            if _same_file(fh, active):
                return
            # Rotated while we read: the file is closed now, so what it holds is final.
            for raw, event in _lines_after(fh, cursor, final=True):
                cursor = event["seq"]
                yield raw, event


def _rotated_since(active: Path, listed: list[Segment]) -> bool:
    """Has a segment been closed since ``listed`` was taken (checked after opening the active file)?"""
    now = closed_segments(active)
    return bool(now) and (not listed or now[-1].first_seq > listed[-1].first_seq)


# -- writing helpers -----------------------------------------------------------------------------------
def _fsync_dir(folder: Path) -> None:
    """Make a rename / link / unlink in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _repair_tail(path: Path) -> int:
    """Cut a torn last line off ``path`` and keep it beside it; returns how many bytes were cut."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
    except FileNotFoundError:
        return 0
    try:
        size = os.fstat(fd).st_size
        if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
            return 0
        # Find the last newline, scanning back in blocks.
        pos = size
        cut = 0
        while pos > 0:
            step = min(65536, pos)
            block = os.pread(fd, step, pos - step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                cut = pos - step + nl + 1
                break
            pos -= step
        torn = os.pread(fd, size - cut, cut)
        keep = path.with_name(f"{path.name}.torn-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        with open(keep, "wb") as fh:
            fh.write(torn)
            fh.flush()
            os.fsync(fh.fileno())
        os.ftruncate(fd, cut)
        os.fsync(fd)
        return size - cut
    finally:
        os.close(fd)


# -- the writer --------------------------------------------------------------------------------------------
class Journal:
    """The writer of the event log (one per state dir: the daemon holds the state-dir lock).

    ``segment_bytes``: rotate before the active file would grow past it. ``retention_bytes`` (None: no
    limit) and ``retention_seconds`` (None: no limit) bound what the closed segments keep.
    """

    def __init__(
        self,
        path: Path,
        *,
        segment_bytes: int = SEGMENT_BYTES,
        retention_bytes: int | None = RETENTION_BYTES,
        retention_seconds: float | None = None,
    ) -> None:
        if segment_bytes <= 0:
            raise ValueError("segment_bytes must be > 0")
        self.path = path
        self.segment_bytes = segment_bytes
        self.retention_bytes = retention_bytes
        self.retention_seconds = retention_seconds
        self.head_seq = 0
        self.published_seq = 0  # the newest event durable and handed to the listeners
        self.oldest_seq = 1
        self.torn_bytes = 0
        self.listeners: list[Listener] = []
        self._unpublished: list[tuple[int, bytes, dict[str, Any]]] = []
        self._fd: int | None = None
        self._dirty = False
        self._active_size = 0
        self._active_first: int | None = None  # seq of the active file's first event
        self._active_born: float | None = None  # its time (Unix), for the age limit
        self._last_age_check = float("-inf")

    # -- lifecycle ---------------------------------------------------------------------------
    def open(self) -> None:
        """Recover from a crash (torn tail, missing active file), open for appending, apply retention."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.torn_bytes = _repair_tail(self.path)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        self._active_size = os.fstat(self._fd).st_size
        first = _first_event(self.path) if self._active_size else None
        self._active_first = int(first["seq"]) if first else None
        self._active_born = _event_epoch(first)
        self.oldest_seq, self.head_seq = log_bounds(self.path)
        self.published_seq = self.head_seq
        self.enforce_retention()

    def close(self) -> None:
        if self._fd is not None:
            self.sync()
            os.close(self._fd)
            self._fd = None

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def _last_seq(self) -> int:
        """The newest seq on disk, without opening for writing (``memoryd status`` without a daemon)."""
        return log_bounds(self.path)[1]

    # -- writing -----------------------------------------------------------------------------
    def append(
        self,
        type_: str,
        *,
        agent: str | None = None,
        session_key: str | None = None,
        session_id: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Write one event with the next ``seq``; the listeners hear of it at the next ``sync``."""
        assert self._fd is not None, "journal not open"
        seq = self.head_seq + 1
        event = envelope(
            seq, type_, agent=agent, session_key=session_key, session_id=session_id, data=data or {}
        )
        line = orjson.dumps(event) + b"\n"
        self._rotate_if_due(len(line))
        first_in_active = self._active_first is None
        written = os.write(self._fd, line)
        if written != len(line):
            raise OSError(f"short write to event log ({written} of {len(line)} bytes)")
        self.head_seq = seq
        self._dirty = True
        self._active_size += written
        if self._active_first is None:
            self._active_first, self._active_born = seq, time.time()
        if first_in_active:
            # Only now is the newest event in the active file, and no closed segment must carry the seq:
            # the retention that a rotation (or an empty active file at open) held back applies.
            self.enforce_retention()
        self._unpublished.append((seq, line, event))
        if len(self._unpublished) >= _PUBLISH_EVERY:
            self.sync()
        return event

    def sync(self) -> None:
        """``fdatasync`` what was appended since the last sync (once per batch), then publish it; apply
        the age limit."""
        if self._fd is not None and self._dirty:
            os.fdatasync(self._fd)
            self._dirty = False
        self._publish()
        if self._fd is not None and self.retention_seconds is not None:
            now = time.monotonic()
            if now - self._last_age_check >= min(_AGE_CHECK_SECONDS, self.retention_seconds):
                self._last_age_check = now
                self.enforce_retention()

    def _publish(self) -> None:
        """Hand the listeners what ``sync`` made durable, in order."""
        waiting, self._unpublished = self._unpublished, []
        for seq, line, event in waiting:
            self.published_seq = seq
            for listener in list(self.listeners):
                listener(seq, line, event)

    # -- rotation and retention ----------------------------------------------------------------

    def _rotate_if_due(self, incoming: int) -> None:
        if self._active_size == 0:
            return
        too_big = self._active_size + incoming > self.segment_bytes
        too_old = (
            self.retention_seconds is not None
            and self._active_born is not None
            and time.time() - self._active_born > self.retention_seconds
        )
        if too_big or too_old:
            try:
                self.rotate()
            except FileExistsError as exc:  # never lose data over a name: keep writing the active file
                log.error("journal.rotate_refused", path=exc.filename, error=exc.strerror)

    def rotate(self) -> None:
        """Close the active segment under its first seq's name and start an empty one (no-op if empty).

        The order makes every crash recoverable: data durable, then the rename (atomic), then the new
        active file, then the folder durable.
        """
        assert self._fd is not None, "journal not open"
        if self._active_size == 0 or self._active_first is None:
            return
        os.fdatasync(self._fd)
        self._dirty = False
        closed = segment_path(self.path, self._active_first)
        if os.path.lexists(closed):  # seqs never repeat, so this is somebody else's file: keep it
            raise FileExistsError(
                errno.EEXIST, "cannot rotate the event log: the segment name is taken", str(closed)
            )
        os.rename(self.path, closed)
        try:
            new = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except OSError:
            os.rename(closed, self.path)  # keep appending where we were; the next append tries again
            raise
        os.close(self._fd)
        self._fd = new
        _fsync_dir(self.path.parent)
        self._active_size = 0
        self._active_first = self._active_born = None

    def enforce_retention(self) -> list[Path]:
        """Delete the oldest closed segments past the size or age limit; returns what was deleted.

        Stops at the first segment it keeps, so what remains is always one unbroken run of seqs.
        """
        sizes: list[tuple[Segment, os.stat_result]] = []
        for seg in closed_segments(self.path):
            with contextlib.suppress(FileNotFoundError):
                sizes.append((seg, os.stat(seg.path)))
        total = self._active_size + sum(st.st_size for _, st in sizes)
        # While the active file is empty, the newest segment holds the newest event: it carries the
        # seq across a restart, so it stays.
        deletable = sizes[:-1] if self._active_size == 0 else sizes
        now = time.time()
        removed: list[Path] = []
        for seg, st in deletable:
            too_big = self.retention_bytes is not None and total > self.retention_bytes
            too_old = self.retention_seconds is not None and now - st.st_mtime > self.retention_seconds
            if not (too_big or too_old):
                break
            with contextlib.suppress(FileNotFoundError):
                os.unlink(seg.path)
            total -= st.st_size
            removed.append(seg.path)
        if removed:
            _fsync_dir(self.path.parent)
        self.oldest_seq = _oldest_seq(self.path, closed_segments(self.path), self.head_seq)
        return removed

    # -- reading -----------------------------------------------------------------------------
    def iter_since(self, since: int, *, strict: bool = False) -> Iterator[tuple[bytes, dict[str, Any]]]:
        """Events with ``seq > since``, in order, as (line, event); see ``iter_log``."""
        return iter_log(self.path, since, strict=strict)
