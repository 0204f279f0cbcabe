"""The event log: seq continuity across reopen, torn tails cut and kept, listeners."""

from __future__ import annotations

from pathlib import Path

import orjson

from memoryd.sinks.journal import Journal


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
    assert seen == [1, 2, 3, 4, 5]
    assert [ev["seq"] for _, ev in j.iter_since(3)] == [4, 5]
    assert j.oldest_seq == 1
    j.close()
