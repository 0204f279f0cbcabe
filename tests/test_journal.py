"""The event log: seq continuity across reopen and rotation, torn tails, retention, crashes, reading."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson
import pytest

from memoryd.events import envelope
from memoryd.sinks.journal import (
    CursorExpired,
    Journal,
    Segment,
    _offset_after,
    closed_segments,
    iter_log,
    log_bounds,
    log_exists,
    segment_path,
)


def test_seq_runs_on_across_reopen_and_lines_parse(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    j = Journal(p)
    j.open()
    for i in range(3):
        j.append("source.error", data={"i": i})
    j.close()
    j2 = Journal(p)
    j2.open()
    ev = j2.append("daemon.started")
    j2.close()
    assert ev["seq"] == 4
    events = [orjson.loads(x) for x in p.read_bytes().splitlines()]
    assert [e["seq"] for e in events] == [1, 2, 3, 4]
    assert set(events[0]) == {"v", "seq", "type", "time", "agent", "session_key", "session_id", "data"}
    assert events[0]["time"].endswith("Z") and len(events[0]["time"]) == 27
    assert oct(p.stat().st_mode & 0o777) == "0o600"


def test_torn_tail_is_cut_kept_beside_and_seq_continues(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    j = Journal(p)
    j.open()
    j.append("a.b")
    j.append("a.b")
    j.close()
    with p.open("ab") as fh:
        fh.write(b'{"v":1,"seq":3,"type":"mem')
    j2 = Journal(p)
    j2.open()
    assert j2.torn_bytes == len(b'{"v":1,"seq":3,"type":"mem')
    assert j2.append("x.y")["seq"] == 3
    j2.close()
    kept = list(tmp_path.glob("events.ndjson.torn-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"v":1,"seq":3,"type":"mem'
    assert [orjson.loads(x)["seq"] for x in p.read_bytes().splitlines()] == [1, 2, 3]


def test_iter_since_and_listeners(tmp_path: Path) -> None:
    j = Journal(tmp_path / "e.ndjson")
    j.open()
    seen: list[int] = []
    j.listeners.append(lambda seq, line, ev: seen.append(seq))
    for _ in range(5):
        j.append("t.t")
    assert seen == [] and (j.head_seq, j.published_seq) == (5, 0)  # written, not durable yet
    assert [ev["seq"] for _, ev in j.iter_since(3)] == [4, 5]
    j.sync()
    assert seen == [1, 2, 3, 4, 5] and j.published_seq == 5
    assert j.oldest_seq == 1
    j.close()


def test_listeners_hear_only_of_durable_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An event reaches listeners after the fdatasync that made it durable, never before."""
    j = Journal(tmp_path / "e.ndjson")
    j.open()
    synced: list[int] = []
    heard: list[tuple[int, int]] = []  # (seq, fdatasyncs done when it was heard)
    real_sync = os.fdatasync

    def counting_sync(fd: int) -> None:  # the real call, counted
        real_sync(fd)
        synced.append(fd)

    monkeypatch.setattr(os, "fdatasync", counting_sync)
    j.listeners.append(lambda seq, line, ev: heard.append((seq, len(synced))))
    j.append("a.a")
    j.append("b.b")
    j.sync()
    j.append("c.c")
    j.sync()
    assert heard == [(1, 1), (2, 1), (3, 2)]
    j.close()
    reopened = Journal(tmp_path / "e.ndjson")
    reopened.open()
    assert reopened.published_seq == reopened.head_seq == 3  # on disk: durable, nothing to hold back
    reopened.close()


# -- segments: rotation, reading across them, retention, crashes ------------------------------------------
def fill(j: Journal, n: int, pad: int = 60) -> None:
    for i in range(n):
        j.append("source.error", data={"i": i, "pad": "x" * (pad + i % 7)})


def seqs_of(path: Path) -> list[int]:
    return [orjson.loads(line)["seq"] for line in path.read_bytes().splitlines()]


def all_seqs(j: Journal, since: int = 0, *, strict: bool = False) -> list[int]:
    return [ev["seq"] for _, ev in j.iter_since(since, strict=strict)]


def test_rotation_names_segments_by_first_seq_and_seq_runs_on(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    j = Journal(p, segment_bytes=1500, retention_bytes=None)
    j.open()
    fill(j, 100)
    j.close()
    closed = closed_segments(p)
    assert len(closed) >= 5
    chained: list[int] = []
    for seg in closed:
        seqs = seqs_of(seg.path)
        assert seg.path.name == f"events-{seqs[0]:020d}.ndjson" == segment_path(p, seg.first_seq).name
        assert seg.path.stat().st_size <= 1500
        assert oct(seg.path.stat().st_mode & 0o777) == "0o600"
        chained += seqs
    chained += seqs_of(p)
    assert chained == list(range(1, 101))  # no gap, no repeat, the active file last
    j2 = Journal(p, segment_bytes=1500, retention_bytes=None)
    j2.open()
    assert (j2.oldest_seq, j2.head_seq) == (1, 100)
    assert j2.append("daemon.started")["seq"] == 101
    j2.close()
    assert log_bounds(p) == (1, 101)


def test_replay_from_every_cursor_across_segments(tmp_path: Path) -> None:
    j = Journal(tmp_path / "events.ndjson", segment_bytes=1200, retention_bytes=None)
    j.open()
    fill(j, 80)
    for since in range(82):
        assert all_seqs(j, since, strict=True) == list(range(since + 1, 81)), since
    lines = [raw for raw, _ in j.iter_since(0)]
    assert b"".join(lines) == b"".join(
        s.path.read_bytes() for s in [*closed_segments(j.path), Segment(0, j.path)]
    )
    j.close()


def test_bisect_lands_near_the_cursor_in_a_big_segment(tmp_path: Path) -> None:
    """Lines of very different lengths (some longer than the bisect span) and a junk line."""
    p = tmp_path / "events.ndjson"
    j = Journal(p, segment_bytes=1 << 30)
    j.open()
    for i in range(3000):
        j.append("source.error", data={"pad": "y" * (100_000 if i % 500 == 7 else 40 + i % 300)})
    j.close()
    data = p.read_bytes()
    junk_at = data.index(b"\n", len(data) // 3) + 1
    data = data[:junk_at] + b"not json at all\n" + data[junk_at:]
    p.write_bytes(data)
    starts = [0]
    for line in data.splitlines(keepends=True)[:-1]:
        starts.append(starts[-1] + len(line))
    seq_at = {s: orjson.loads(data[s : data.index(b"\n", s)])["seq"] for s in starts[:-1] if s != junk_at}
    with p.open("rb") as fh:
        for since in [0, 1, 6, 7, 8, 500, 1234, 1500, 2999, 3000]:
            target = min((s for s, q in seq_at.items() if q > since), default=len(data))
            offset = _offset_after(fh, len(data), since)
            assert offset in starts or offset == len(data)
            assert offset <= target  # never past the first wanted line ...
            assert target - offset <= 2 * 64 * 1024 + 100_100  # ... and close before it
    j2 = Journal(p)
    for since in (0, 700, 1500, 2998):
        assert all_seqs(j2, since) == list(range(since + 1, 3001))


def test_retention_by_size_deletes_oldest_segments_and_expires_old_cursors(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    j = Journal(p, segment_bytes=2000, retention_bytes=7000)
    j.open()
    fill(j, 300)
    closed = closed_segments(p)
    total = sum(s.path.stat().st_size for s in closed) + p.stat().st_size
    assert total <= 7000 and closed[0].first_seq > 1
    assert j.oldest_seq == closed[0].first_seq
    assert all_seqs(j, j.oldest_seq - 1, strict=True) == list(range(j.oldest_seq, 301))
    with pytest.raises(CursorExpired) as info:
        all_seqs(j, j.oldest_seq - 2, strict=True)
    assert (info.value.since, info.value.oldest_seq) == (j.oldest_seq - 2, j.oldest_seq)
    assert all_seqs(j, 0)[0] == j.oldest_seq  # not strict (the engine's replay): what is kept
    oldest = j.oldest_seq
    j.close()
    j2 = Journal(p, segment_bytes=2000, retention_bytes=7000)
    j2.open()
    assert (j2.oldest_seq, j2.head_seq) == (oldest, 300)
    j2.close()


def test_retention_by_age_deletes_old_segments_up_to_the_first_young_one(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    j = Journal(p, segment_bytes=1000, retention_bytes=None, retention_seconds=3600)
    j.open()
    fill(j, 60)
    closed = closed_segments(p)
    assert len(closed) >= 4
    long_ago = time.time() - 7200
    for seg in (closed[0], closed[1], closed[3]):
        os.utime(seg.path, (long_ago, long_ago))
    assert j.enforce_retention() == [closed[0].path, closed[1].path]  # closed[3] waits behind closed[2]
    assert j.oldest_seq == closed[2].first_seq
    j.close()


def test_age_limit_closes_an_old_active_file_at_the_next_event(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    old = [
        envelope(seq, "source.error", agent=None, session_key=None, session_id=None, data={}, time=when)
        for seq, when in ((1, "2020-01-01T00:00:00.000000Z"), (2, "2020-01-01T00:00:01.000000Z"))
    ]
    p.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in old))
    long_ago = time.time() - 7200
    os.utime(p, (long_ago, long_ago))
    j = Journal(p, retention_seconds=3600)
    j.open()
    assert (j.oldest_seq, j.head_seq) == (1, 2)
    j.append("daemon.started")  # rotates first, then the old segment is past the limit
    assert closed_segments(p) == [] and seqs_of(p) == [3]
    assert j.oldest_seq == 3
    j.close()


def test_the_segment_with_the_newest_event_is_kept_while_the_active_file_is_empty(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    j = Journal(p, segment_bytes=1 << 20, retention_bytes=0)
    j.open()
    fill(j, 5)
    j.rotate()  # and then a crash, before the next event
    j.close()
    assert [s.first_seq for s in closed_segments(p)] == [1] and p.read_bytes() == b""
    j2 = Journal(p, retention_bytes=0)
    j2.open()
    assert closed_segments(p) != []  # it carries seq 5 across the restart
    assert (j2.oldest_seq, j2.head_seq) == (1, 5)
    assert j2.append("daemon.started")["seq"] == 6
    assert closed_segments(p) == []  # now the active file carries it
    assert (j2.oldest_seq, j2.head_seq) == (6, 6)
    j2.close()


@pytest.mark.parametrize("new_file_made", [False, True])
def test_crash_between_the_rename_and_the_first_event_of_the_new_file(
    tmp_path: Path, new_file_made: bool
) -> None:
    """``rotate`` renames, then creates the new active file; a crash can come after either step."""
    p = tmp_path / "events.ndjson"
    j = Journal(p, segment_bytes=600, retention_bytes=None)
    j.open()
    fill(j, 20)
    j.close()
    first = seqs_of(p)[0]
    p.rename(segment_path(p, first))
    if new_file_made:
        p.write_bytes(b"")
    assert log_bounds(p) == (1, 20)
    assert [ev["seq"] for _, ev in iter_log(p, 0)] == list(range(1, 21))  # readers meanwhile
    j2 = Journal(p, segment_bytes=600, retention_bytes=None)
    j2.open()
    assert (j2.oldest_seq, j2.head_seq) == (1, 20)
    assert j2.append("daemon.started")["seq"] == 21
    assert all_seqs(j2) == list(range(1, 22))
    j2.close()
    chained = [q for s in closed_segments(p) for q in seqs_of(s.path)] + seqs_of(p)
    assert chained == list(range(1, 22))
    assert seqs_of(p) == [21]


def test_rotation_never_overwrites_a_file_that_has_the_segment_name(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    j = Journal(p, segment_bytes=300)
    j.open()
    fill(j, 1)
    segment_path(p, 1).write_bytes(b"somebody else's\n")
    with pytest.raises(FileExistsError):
        j.rotate()
    fill(j, 3)  # due to rotate at each append: refused, logged, and the events still go to the log
    j.close()
    assert seqs_of(p) == [1, 2, 3, 4] and segment_path(p, 1).read_bytes() == b"somebody else's\n"


@pytest.mark.parametrize("events_after_rotation", [0, 3])
def test_torn_tail_in_the_active_file_after_a_rotation(tmp_path: Path, events_after_rotation: int) -> None:
    p = tmp_path / "events.ndjson"
    j = Journal(p, segment_bytes=800, retention_bytes=None)
    j.open()
    fill(j, 10)
    j.rotate()
    fill(j, events_after_rotation)
    j.close()
    head = 10 + events_after_rotation
    torn = b'{"v":1,"seq":' + str(head + 1).encode() + b',"type":"mem'
    with p.open("ab") as fh:
        fh.write(torn)
    j2 = Journal(p, segment_bytes=800, retention_bytes=None)
    j2.open()
    assert j2.torn_bytes == len(torn)
    assert [k.read_bytes() for k in tmp_path.glob("events.ndjson.torn-*")] == [torn]
    assert j2.append("x.y")["seq"] == head + 1
    assert all_seqs(j2) == list(range(1, head + 2))
    j2.close()


def test_reader_follows_a_rotation_that_happens_while_it_reads(tmp_path: Path) -> None:
    j = Journal(tmp_path / "events.ndjson", segment_bytes=1000, retention_bytes=None)
    j.open()
    fill(j, 5)
    reader = j.iter_since(0)
    got = [next(reader)[1]["seq"] for _ in range(3)]  # the active file is open in the reader now
    fill(j, 40)  # rotates several times underneath it
    got += [ev["seq"] for _, ev in reader]
    assert got == list(range(1, 46))
    j.close()


def test_strict_reader_reports_segments_deleted_before_it_reached_them(tmp_path: Path) -> None:
    j = Journal(tmp_path / "events.ndjson", segment_bytes=1000, retention_bytes=None)
    j.open()
    fill(j, 60)
    reader = j.iter_since(0, strict=True)
    assert next(reader)[1]["seq"] == 1
    j.retention_bytes = 3000
    j.enforce_retention()
    with pytest.raises(CursorExpired):
        list(reader)
    j.close()


def test_last_seq_and_bounds_without_the_writer(tmp_path: Path) -> None:
    p = tmp_path / "events.ndjson"
    assert log_bounds(p) == (1, 0) and not log_exists(p)
    j = Journal(p, segment_bytes=700)
    j.open()
    fill(j, 12)
    j.rotate()
    j.close()
    assert log_exists(p) and p.read_bytes() == b""
    assert Journal(p)._last_seq() == 12 and log_bounds(p) == (1, 12)
    assert [ev["seq"] for _, ev in iter_log(p, 10)] == [11, 12]
