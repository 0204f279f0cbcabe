"""The SQLite reader (``memoryd.sources.sqlite_store``) on the real OpenClaw 2026.9.6 run and on live
databases written in OpenClaw's schema by a writer of their own.

Every test opens COPIES only: even a read-only open rewrites ``-shm``, and the committed sample must
stay as OpenClaw left it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import zstandard

from bench.sqlite import SAMPLE, Writer, copy_sample_state, create_db, schema_statements
from memoryd.sources.sqlite_store import (
    AgentDb,
    Layout,
    NotReady,
    PollStatus,
    archive_lines,
    doctor_checks,
    probe_agent,
    store_entry_from_json,
)
from memoryd.sources.transcript import parse_lines

MAIN_SID = "652ec2b5-a571-4e01-80fd-8126d60fa167"
REVIEW_SID = "e8115d6e-172f-4401-8dae-a4405b0a4306"
SCRATCH_SID = "df06c4bb-2002-4eb9-8676-6e5739ac8db7"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return copy_sample_state(tmp_path / "state")


def _db(state: Path, agent: str = "main") -> Path:
    return state / "agents" / agent / "agent" / "openclaw-agent.sqlite"


def _read_all(db: AgentDb, *, max_rows: int = 2000) -> dict[str, list[Any]]:
    """Poll until nothing is left; every event per session, in order."""
    out: dict[str, list[Any]] = {}
    while True:
        p = db.poll(max_rows=max_rows)
        assert p.status is not PollStatus.NOT_READY, p.reason
        for sid, evs in p.events.items():
            out.setdefault(sid, []).extend(evs)
        if not p.more:
            return out


# ---------------------------------------------------------------------------------------- the real run
def test_the_sample_is_untouched_by_the_suite() -> None:
    """The committed sample still has OpenClaw's 0-byte -wal: nothing opened it in place."""
    agent = SAMPLE / "state" / "agents" / "main" / "agent"
    assert (agent / "openclaw-agent.sqlite-wal").stat().st_size == 0
    assert (agent / "openclaw-agent.sqlite-shm").exists()


def test_layout_of_the_real_agents(state: Path) -> None:
    for agent in ("main", "work"):
        info = probe_agent(state / "agents" / agent)
        assert info.layouts == frozenset({Layout.SQLITE})
        assert info.primary is Layout.SQLITE
        assert info.db_not_ready is None
    (state / "agents" / "main" / "sessions" / "sessions.json").write_text("{}")
    both = probe_agent(state / "agents" / "main")
    assert both.layouts == frozenset({Layout.SQLITE, Layout.FILES})
    assert both.primary is Layout.SQLITE  # the old file is migration input, not the store
    (state / "agents" / "old" / "sessions").mkdir(parents=True)
    (state / "agents" / "old" / "sessions" / "sessions.json").write_text("{}")
    old = probe_agent(state / "agents" / "old")
    assert old.primary is Layout.FILES
    assert old.db_not_ready == "db_missing"


def test_every_session_and_event_of_the_real_run(state: Path) -> None:
    db = AgentDb(_db(state))
    try:
        first = db.poll()
        assert first.status is PollStatus.CHANGED
        assert sorted(first.nodes) == ["agent:main:design-review", "agent:main:main"]
        assert sorted(first.changed_keys) == sorted(first.nodes)
        assert first.errors == []
        assert {sid: len(evs) for sid, evs in first.events.items()} == {MAIN_SID: 150, REVIEW_SID: 12}
        assert db.cursors == {MAIN_SID: 149, REVIEW_SID: 11}
        assert db.schema is not None
        assert (db.schema.schema_version, db.schema.agent_id, db.schema.app_version) == (
            23,
            "main",
            "2026.9.6",
        )
        main = first.events[MAIN_SID]
        assert [e.seq for e in main] == list(range(150))
        assert main[0].header is not None and main[0].header.session_id == MAIN_SID
        assert all(e.entry is not None for e in main[1:])
        types = Counter(e.entry.type for e in main[1:] if e.entry is not None)
        assert types["compaction"] == 2 and types["reset"] == 1
        # Nothing new: cheap and empty.
        assert db.poll().status is PollStatus.UNCHANGED
        assert db.poll(force=True).status is PollStatus.UNCHANGED
    finally:
        db.close()


def test_compressed_rows_decode_to_what_openclaw_indexed(state: Path) -> None:
    """All 28 zstd rows decode, and each one's id and type are the ones OpenClaw wrote beside it in
    ``transcript_event_identities`` (an independent record of every row)."""
    path = _db(state)
    db = AgentDb(path)
    try:
        events = {(e.session_id, e.seq): e for evs in _read_all(db).values() for e in evs}
    finally:
        db.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        compressed = conn.execute(
            "SELECT e.session_id, e.seq, i.event_id, i.event_type FROM transcript_events e"
            " JOIN transcript_event_identities i ON i.session_id = e.session_id AND i.seq = e.seq"
            " WHERE e.event_zstd IS NOT NULL"
        ).fetchall()
        (total,) = conn.execute("SELECT count(*) FROM transcript_events").fetchone()
    finally:
        conn.close()
    assert total == 162 == len(events)
    assert len(compressed) == 28
    for sid, seq, event_id, event_type in compressed:
        entry = events[(sid, seq)].entry
        assert entry is not None
        assert (entry.id, entry.type) == (event_id, event_type)


def test_the_two_compactions_and_the_reset(state: Path) -> None:
    db = AgentDb(_db(state))
    try:
        main = _read_all(db)[MAIN_SID]
    finally:
        db.close()
    compactions = [e for e in main if e.entry is not None and e.entry.type == "compaction"]
    assert [e.seq for e in compactions] == [71, 132]
    first, second = (e.entry.compaction for e in compactions if e.entry is not None)
    assert first is not None and second is not None
    assert first.first_kept_entry_id == "9539657a-ae4e-47c5-a98e-8bce17a62886"
    assert first.tokens_before == 21249
    assert second.tokens_before == 24579
    kept = {e.entry.id: e.seq for e in main if e.entry is not None}
    assert kept[first.first_kept_entry_id] < 71  # the kept entry is an earlier row: nothing deleted
    assert second.first_kept_entry_id in kept and kept[second.first_kept_entry_id] < 132
    # The /compact message follows the manual compaction.
    after = main[72].entry
    assert after is not None and after.role == "user" and after.text == "/compact"
    reset = main[145].entry
    assert reset is not None and (reset.type, reset.id, reset.parent_id) == (
        "reset",
        "31bd5b3e",
        main[144].entry.id if main[144].entry else None,
    )


def test_the_session_rows_after_the_run(state: Path) -> None:
    db = AgentDb(_db(state))
    try:
        nodes = db.poll().nodes
    finally:
        db.close()
    main = nodes["agent:main:main"]
    assert main.session_id == MAIN_SID  # kept through two compactions and the reset
    assert main.compaction_count == 0  # the reset zeroed it
    assert main.memory_flush_kind is None and main.memory_flush_compaction_count is None  # removed by it
    assert main.lifecycle_revision == "2023c33f-0219-4431-9dfa-38294df946a7"
    assert main.session_started_at == 1796220554889
    assert (main.total_tokens, main.context_tokens) == (11720, 32768)
    assert main.memory_flush_at is None  # no memoryFlushAt in this era
    review = nodes["agent:main:design-review"]
    assert (review.session_id, review.compaction_count, review.memory_flush_kind) == (REVIEW_SID, 0, None)


def test_memory_flush_states_along_the_run() -> None:
    """OpenClaw's own flushes, from the session row as the driver traced it after every call:
    ``memoryFlush`` appears at call 16 (cycle 0), moves to cycle 1 at call 37, and the reset removes
    it; the reset also changes ``lifecycleRevision`` and zeroes ``compactionCount``."""
    trace = [orjson.loads(line) for line in (SAMPLE / "trace.jsonl").read_bytes().splitlines()]
    main = [t for t in trace if t.get("key") == "agent:main:main" and t.get("entry")]
    states = []
    for t in main:
        e = store_entry_from_json("agent:main:main", MAIN_SID, t["entry"])
        states.append((t["label"], e.compaction_count, e.memory_flush_kind, e.memory_flush_compaction_count))
    by_label = {label: rest for label, *rest in states}
    assert by_label["turn015"] == [0, None, None]
    assert by_label["turn016"] == [0, "succeeded", 0]
    assert by_label["turn021"] == [1, "succeeded", 0]  # compacted: flushed cycle 0, now cycle 1
    assert by_label["turn037"] == [1, "succeeded", 1]
    assert by_label["turn045"] == [2, "succeeded", 1]
    revisions = [store_entry_from_json("k", MAIN_SID, t["entry"]).lifecycle_revision for t in main]
    assert len(set(revisions)) == 2  # one reset
    last = store_entry_from_json("k", MAIN_SID, main[-1]["entry"])
    assert (last.compaction_count, last.memory_flush_kind) == (0, None)


def test_the_deleted_scratch_session_and_its_archive(state: Path) -> None:
    db = AgentDb(_db(state))
    try:
        p = db.poll()
        assert "agent:main:scratch" not in p.nodes
        assert [(a.session_key, a.session_id, a.reason) for a in p.archives] == [
            ("agent:main:scratch", SCRATCH_SID, "deleted")
        ]
        archive = p.archives[0]
        assert archive.file_path.exists()
        assert archive.file_path.name == archive.archive_name
        assert ".jsonl.deleted." in archive.archive_name and archive.archive_name.endswith(".zst")
        data = db.read_archive(archive)
        assert db.poll(force=True).archives == []  # reported once
    finally:
        db.close()
    # The same JSONL as the published file, the header first with the deleted session's id.
    with zstandard.ZstdDecompressor().stream_reader(archive.file_path.read_bytes()) as r:
        assert r.read() == data
    header, entries, errors = parse_lines(data)
    assert errors == [] and header is not None and header.session_id == SCRATCH_SID
    assert [e.role for e in entries if e.type == "message"][:2] == ["user", "assistant"]
    assert archive_lines(data, 1, 2) == [data.split(b"\n")[1]]


def test_agent_work_has_its_own_database(state: Path) -> None:
    db = AgentDb(_db(state, "work"))
    try:
        p = db.poll()
    finally:
        db.close()
    assert list(p.nodes) == ["agent:work:main"]
    (sid,) = p.events
    assert sid == p.nodes["agent:work:main"].session_id
    user = [e.entry.text for e in p.events[sid] if e.entry is not None and e.entry.role == "user"]
    assert len(user) == 3  # calls 55-57


def test_cursors_from_a_checkpoint_and_slices(state: Path) -> None:
    db = AgentDb(_db(state), cursors={MAIN_SID: 140, REVIEW_SID: 11})
    try:
        p = db.poll()
        assert {sid: [e.seq for e in evs] for sid, evs in p.events.items()} == {
            MAIN_SID: list(range(141, 150))
        }
    finally:
        db.close()
    sliced = AgentDb(_db(state))
    try:
        got = _read_all(sliced, max_rows=7)
    finally:
        sliced.close()
    assert [e.seq for e in got[MAIN_SID]] == list(range(150))  # each row exactly once, in order
    assert [e.seq for e in got[REVIEW_SID]] == list(range(12))


def test_a_flush_range_as_events_and_as_jsonl(state: Path) -> None:
    db = AgentDb(_db(state))
    try:
        rng = db.read_range(MAIN_SID, 60, 74)
        data, errors = db.read_range_jsonl(MAIN_SID, 60, 74)
        whole, _ = db.read_range_jsonl(MAIN_SID, 0)
        assert db.cursors == {}  # ranges do not move the cursors
    finally:
        db.close()
    assert [e.seq for e in rng.events] == list(range(60, 74)) and rng.errors == errors == []
    # The JSONL parses to the same entries the file source would make of it.
    _, entries, line_errors = parse_lines(data, first_line_no=61)
    assert line_errors == []
    assert [(e.id, e.type, e.role) for e in entries] == [
        (e.entry.id, e.entry.type, e.entry.role) for e in rng.events if e.entry is not None
    ]
    header, all_entries, _ = parse_lines(whole)
    assert header is not None and header.session_id == MAIN_SID and len(all_entries) == 149


def test_a_cycle_of_the_real_run_through_the_flush_pipeline(state: Path) -> None:
    """The rows of the first cycle, as JSONL, go through the same extraction as a file-era
    transcript: items cite entry ids of that range (the decisions of the run's design talk)."""
    from memoryd.flush.pipeline import content_of_bytes

    db = AgentDb(_db(state))
    try:
        data, errors = db.read_range_jsonl(MAIN_SID, 1, 71)  # up to the first compaction
        order = [e.entry.id for e in db.read_range(MAIN_SID, 1, 71).events if e.entry is not None]
    finally:
        db.close()
    assert errors == []
    content = content_of_bytes(data, [], first_line_no=2)
    assert content.line_errors == ()
    assert content.entries == 70
    ids = set(order)
    assert (content.first_entry_id, content.last_entry_id) == (order[0], order[-1])
    assert content.items, "the run's decisions should produce items"
    assert all(set(item.entry_ids) <= ids for item in content.items)
    assert "decision" in content.counts


def test_doctor_on_the_real_agents(state: Path) -> None:
    for agent in ("main", "work"):
        checks = doctor_checks(state / "agents" / agent)
        assert [c.level for c in checks] == ["ok"], checks
    os.remove(f"{_db(state)}-wal")
    (warn,) = doctor_checks(state / "agents" / "main")
    assert warn.level == "warn" and "-wal" in warn.what and warn.fix
    assert not Path(f"{_db(state)}-wal").exists()  # the doctor did not create it
    assert doctor_checks(state / "agents" / "nothing-here") == []


# ---------------------------------------------------------------------------------------- never touch -wal/-shm
@pytest.mark.parametrize("side", ["-wal", "-shm"])
def test_a_database_without_its_side_file_is_not_opened(state: Path, side: str) -> None:
    path = _db(state)
    os.remove(f"{path}{side}")
    before = sorted(os.listdir(path.parent))
    db = AgentDb(path)
    try:
        p = db.poll()
        assert p.status is PollStatus.NOT_READY
        assert p.reason == ("wal_missing" if side == "-wal" else "shm_missing")
        assert db.poll(force=True).status is PollStatus.NOT_READY
        with pytest.raises(NotReady):
            db.read_range(MAIN_SID, 0, 3)
        assert not db.is_open
    finally:
        db.close()
    assert sorted(os.listdir(path.parent)) == before  # nothing was created


def test_a_missing_database_and_not_a_database(tmp_path: Path) -> None:
    db = AgentDb(tmp_path / "agent" / "openclaw-agent.sqlite")
    assert db.poll().reason == "db_missing"
    (tmp_path / "agent").mkdir()
    (tmp_path / "agent" / "openclaw-agent.sqlite").write_bytes(b"not sqlite at all" * 10)
    assert db.poll().reason == "not_sqlite"
    assert sorted(os.listdir(tmp_path / "agent")) == ["openclaw-agent.sqlite"]


# ---------------------------------------------------------------------------------------- live writer
@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[Path, Writer]]:
    """A new agent database in OpenClaw's schema with a writer that stays connected, like OpenClaw
    (its last connection closing would delete ``-wal``/``-shm``)."""
    path = tmp_path / "agents" / "main" / "agent" / "openclaw-agent.sqlite"
    create_db(path, schema_statements(tmp_path))
    w = Writer(path)
    yield path, w
    w.close()


def _msg(i: int, role: str = "user", text: str = "") -> dict[str, Any]:
    return {
        "type": "message",
        "id": f"m{i}",
        "parentId": None,
        "timestamp": "2026-12-02T14:01:18.621Z",
        "message": {"role": role, "content": [{"type": "text", "text": text or f"message {i}"}]},
    }


def test_the_embedded_schema_is_the_samples(tmp_path: Path) -> None:
    """What the live tests write into is OpenClaw's schema (one documented rewrite for old SQLite)."""
    statements = schema_statements(tmp_path)
    assert any("CREATE TABLE transcript_events" in s and "STRICT" in s for s in statements)
    assert any("TRIGGER session_nodes_entry_valid_after_entry_update" in s for s in statements)


def test_incremental_reads_see_each_commit_once(live: tuple[Path, Writer]) -> None:
    path, w = live
    w.create_session("agent:main:main", "s1", {"compactionCount": 0, "totalTokens": 10})
    db = AgentDb(path)
    try:
        p = db.poll()
        assert p.changed_keys == ["agent:main:main"] and [e.seq for e in p.events["s1"]] == [0]
        seen: list[int] = []
        for i in range(1, 30):
            w.append("s1", _msg(i, text="x" * (3000 if i % 5 == 0 else 10)))  # some rows compressed
            if i % 3 == 0:
                w.append("s1", _msg(100 + i), _msg(200 + i))
            p = db.poll()
            assert p.status is PollStatus.CHANGED and p.errors == []
            seen += [e.seq for e in p.events["s1"]]
            assert db.poll().status is PollStatus.UNCHANGED  # nothing twice
        assert seen == list(range(1, len(seen) + 1))
        w.update_entry(
            "agent:main:main",
            {"totalTokens": 20_000, "memoryFlush": {"kind": "succeeded", "compactionCount": 0}},
        )
        p = db.poll()
        assert p.changed_keys == ["agent:main:main"] and p.events == {}
        e = p.nodes["agent:main:main"]
        assert (e.total_tokens, e.memory_flush_kind, e.memory_flush_compaction_count) == (
            20_000,
            "succeeded",
            0,
        )
    finally:
        db.close()


def test_a_writer_process_while_the_reader_polls(live: tuple[Path, Writer], tmp_path: Path) -> None:
    """A separate process commits 400 events (plus unrelated churn) while the reader polls: every
    seq arrives exactly once, in order, and the last poll has all of them."""
    path, w = live
    w.create_session("agent:main:main", "s1", {"compactionCount": 0, "totalTokens": 0})
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        sys.path.insert(0, {str(REPO)!r})
        from bench.sqlite import Writer
        w = Writer(Path({str(path)!r}))
        w.next_seq = {{"s1": 1}}
        for i in range(1, 401):
            ev = {{"type": "message", "id": f"m{{i}}", "parentId": None, "timestamp": "t",
                  "message": {{"role": "user", "content": "y" * (i * 37 % 4000)}}}}
            w.append("s1", ev)
            if i % 10 == 0:
                w.update_entry("agent:main:main", {{"totalTokens": i}})
            with w.conn:
                w.conn.execute("BEGIN")
                w.conn.execute("INSERT OR REPLACE INTO cache_entries (scope, key, value_json, updated_at)"
                               " VALUES ('t', ?, ?, 1)", (str(i % 5), "z" * 2000))
            if i % 50 == 0:
                time.sleep(0.01)
        w.close()
        """
    )
    db = AgentDb(path)
    seen: list[int] = []
    tokens: list[int] = []
    try:
        proc = subprocess.Popen([sys.executable, "-c", script])
        try:
            while proc.poll() is None:
                p = db.poll()
                assert p.status is not PollStatus.NOT_READY, p.reason
                seen += [e.seq for e in p.events.get("s1", [])]
                if "agent:main:main" in p.changed_keys:
                    tokens.append(p.nodes["agent:main:main"].total_tokens or 0)
            assert proc.returncode == 0
        finally:
            if proc.poll() is None:
                proc.kill()
        p = db.poll(force=True)
        seen += [e.seq for e in p.events.get("s1", [])]
        if "agent:main:main" in p.changed_keys:
            tokens.append(p.nodes["agent:main:main"].total_tokens or 0)
    finally:
        db.close()
    assert seen == list(range(0, 401))
    assert tokens[-1] == 400
    assert tokens == sorted(tokens)


def test_a_corrupt_blob_is_an_error_and_the_next_rows_still_arrive(live: tuple[Path, Writer]) -> None:
    path, w = live
    w.create_session("agent:main:main", "s1", {})
    db = AgentDb(path)
    try:
        db.poll()
        (a,) = w.append("s1", _msg(1))
        bad = w.raw_event("s1", b"\x28\xb5\x2f\xfd garbage, not a zstd frame", 100)
        (b,) = w.append("s1", _msg(2, text="z" * 4000))  # compressed, fine
        wrong = w.raw_event("s1", zstandard.ZstdCompressor().compress(b'{"type":"message"}'), 999)
        (c,) = w.append("s1", _msg(3))
        p = db.poll()
        assert [e.seq for e in p.events["s1"]] == [a, b, c]
        assert [(x.session_id, x.seq, x.reason) for x in p.errors] == [
            ("s1", bad, "zstd_corrupt"),
            ("s1", wrong, "size_mismatch"),
        ]
        assert db.cursors["s1"] == c  # past the bad rows: nothing re-read, nothing lost silently
        assert db.poll(force=True).status is PollStatus.UNCHANGED
        data, errors = db.read_range_jsonl("s1", 1)
        lines = data.split(b"\n")[:-1]
        assert [x.seq for x in errors] == [bad, wrong]
        # One line per seq; the unreadable rows are empty lines, so the numbering stays.
        assert [i + 1 for i, line in enumerate(lines) if line] == [a, b, c]
    finally:
        db.close()


def test_bad_json_rows_and_a_broken_entry(live: tuple[Path, Writer]) -> None:
    path, w = live
    w.create_session("agent:main:a", "s1", {"totalTokens": 1})
    w.create_session("agent:main:b", "s2", {"totalTokens": 2})
    db = AgentDb(path)
    try:
        db.poll()
        with w.conn:
            w.conn.execute("BEGIN")
            w.conn.execute(
                "INSERT INTO transcript_events (session_id, seq, event_json, created_at) VALUES ('s1', 1, '{not json', 1)"
            )
            w.conn.execute("UPDATE session_windows SET updated_at = updated_at + 1 WHERE session_id = 's1'")
        w.next_seq["s1"] = 2
        w.append("s1", _msg(2))
        w.set_entry_json("agent:main:a", "{broken")
        w.update_entry("agent:main:b", {"totalTokens": 5})
        p = db.poll()
        assert [e.seq for e in p.events["s1"]] == [2]
        reasons = sorted((x.reason, x.seq, x.session_key) for x in p.errors)
        assert reasons == [("entry_json_invalid", None, "agent:main:a"), ("invalid_json", 1, None)]
        assert p.changed_keys == ["agent:main:b"] and p.nodes["agent:main:b"].total_tokens == 5
        assert p.nodes["agent:main:a"].total_tokens == 1  # the last good entry is kept
        w.update_entry("agent:main:b", {"totalTokens": 6})
        assert db.poll().errors == []  # reported once
    finally:
        db.close()


def test_a_deleted_key_is_reported_with_its_archive(live: tuple[Path, Writer]) -> None:
    path, w = live
    w.create_session("agent:main:main", "s1", {})
    w.create_session("agent:main:scratch", "s2", {"totalTokens": 7})
    w.append("s2", _msg(1), _msg(2, "assistant"))
    db = AgentDb(path)
    try:
        db.poll()
        name = w.delete_session("agent:main:scratch")
        p = db.poll()
        assert list(p.deleted) == ["agent:main:scratch"]
        assert p.deleted["agent:main:scratch"].session_id == "s2"
        assert p.deleted["agent:main:scratch"].total_tokens == 7
        assert sorted(p.nodes) == ["agent:main:main"]
        (arch,) = p.archives
        assert (arch.session_key, arch.session_id, arch.archive_name, arch.reason) == (
            "agent:main:scratch",
            "s2",
            name,
            "deleted",
        )
        assert not arch.file_path.exists()  # OpenClaw publishes the file ~0.1 s later
        lines = archive_lines(db.read_archive(arch))
        assert len(lines) == 3 and orjson.loads(lines[2])["id"] == "m2"
        # The tail after what was read: seq 2 onwards (seq = line number - 1).
        assert [orjson.loads(x)["id"] for x in archive_lines(db.read_archive(arch), 2)] == ["m2"]
        assert db.poll().deleted == {}
    finally:
        db.close()


def test_a_reset_keeps_the_session_id(live: tuple[Path, Writer]) -> None:
    path, w = live
    w.create_session("agent:main:main", "s1", {"compactionCount": 2, "lifecycleRevision": "r1"})
    w.append("s1", _msg(1))
    db = AgentDb(path)
    try:
        db.poll()
        (seq,) = w.append(
            "s1", {"type": "reset", "id": "31bd5b3e", "parentId": "m1", "timestamp": "t", "reason": "reset"}
        )
        w.update_entry(
            "agent:main:main", {"compactionCount": 0, "lifecycleRevision": "r2", "sessionStartedAt": 5}
        )
        p = db.poll()
        (ev,) = p.events["s1"]
        assert ev.seq == seq and ev.entry is not None and ev.entry.type == "reset"
        e = p.nodes["agent:main:main"]
        assert (e.session_id, e.compaction_count, e.lifecycle_revision, e.session_started_at) == (
            "s1",
            0,
            "r2",
            5,
        )
        assert p.deleted == {}
    finally:
        db.close()


def test_writes_in_the_same_millisecond_are_seen_at_once(live: tuple[Path, Writer]) -> None:
    """OpenClaw stamps a window with the event's own time and a node with max(its time, now): a
    second write in the same millisecond leaves ``updated_at`` as it was. The window's
    ``transcript_updated_at`` still moves, and an active node is compared by its fields."""
    path, w = live
    w.create_session("agent:main:main", "s1", {"compactionCount": 0})
    db = AgentDb(path)
    try:
        db.poll()
        (a,) = w.append("s1", _msg(1))
        (b,) = w.append("s1", _msg(2), window="same_ms")
        w.update_entry("agent:main:main", {"compactionCount": 1}, bump=False)
        p = db.poll()
        assert [e.seq for e in p.events["s1"]] == [a, b]
        assert p.changed_keys == ["agent:main:main"] and p.nodes["agent:main:main"].compaction_count == 1
        assert db.poll().status is PollStatus.UNCHANGED
    finally:
        db.close()


def test_the_backstop_finds_silent_writes_to_an_idle_session(live: tuple[Path, Writer]) -> None:
    """A session idle for an hour gets a write that moves neither ``updated_at`` nor
    ``transcript_updated_at`` (a backdated import, a preserve-activity patch): the cheap poll does
    not see it (it looks at what moved and what was recently active), ``force`` does."""
    path, w = live
    now = w.clock
    w.clock = now - 3_600_000
    w.create_session("agent:main:old", "s1", {"compactionCount": 0})
    w.clock = now
    w.create_session("agent:main:new", "s2", {})
    db = AgentDb(path)
    try:
        db.poll()
        w.append("s2", _msg(1))  # activity elsewhere: the poll runs
        w.update_entry("agent:main:old", {"compactionCount": 1}, bump=False)
        (seq,) = w.append("s1", _msg(2), window="none")
        quick = db.poll()
        assert quick.changed_keys == [] and list(quick.events) == ["s2"]
        p = db.poll(force=True)
        assert p.changed_keys == ["agent:main:old"] and p.nodes["agent:main:old"].compaction_count == 1
        assert [e.seq for e in p.events["s1"]] == [seq]
    finally:
        db.close()


def test_rewritten_rows_are_reported(live: tuple[Path, Writer]) -> None:
    """OpenClaw can rewrite a session's rows (it rotates the session's rewrite generation) or
    replace them with fewer: the poll says so; the cursor is the caller's to move."""
    path, w = live
    w.create_session("agent:main:main", "s1", {})
    w.append("s1", _msg(1), _msg(2), _msg(3))
    with w.conn:
        w.conn.execute("BEGIN")
        w.conn.execute("INSERT INTO transcript_rewrite_watermarks VALUES ('s1', 'g1', 1)")
    db = AgentDb(path)
    try:
        assert db.poll().rewritten == {}
        with w.conn:
            w.conn.execute("BEGIN")
            w.conn.execute(
                "UPDATE transcript_events SET event_json = ? WHERE session_id = 's1' AND seq = 2",
                (orjson.dumps(_msg(2, text="redacted")).decode(),),
            )
            w.conn.execute(
                "UPDATE transcript_rewrite_watermarks SET generation = 'g2' WHERE session_id = 's1'"
            )
            w.conn.execute(
                "UPDATE session_windows SET transcript_updated_at = transcript_updated_at + 1 WHERE session_id = 's1'"
            )
        p = db.poll()
        assert p.rewritten == {"s1": "generation"} and p.events == {}
        assert db.cursors["s1"] == 3
        with w.conn:
            w.conn.execute("BEGIN")
            w.conn.execute("DELETE FROM transcript_events WHERE session_id = 's1' AND seq > 1")
            w.conn.execute(
                "UPDATE session_windows SET transcript_updated_at = transcript_updated_at + 1 WHERE session_id = 's1'"
            )
        assert db.poll().rewritten == {"s1": "shorter"}
        db.cursors["s1"] = -1  # the caller's choice: read it again from the start
        assert [e.seq for e in db.poll(force=True).events["s1"]] == [0, 1]
    finally:
        db.close()


def test_a_database_being_created_is_not_ready_then_read(tmp_path: Path) -> None:
    """OpenClaw creates the file, then its tables: in between, "no such table" (retried, then
    reported as not ready, never raised), then the rows."""
    path = tmp_path / "agent" / "openclaw-agent.sqlite"
    path.parent.mkdir()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE unrelated (x)")
    db = AgentDb(path, retry_pauses=(0.001, 0.002))
    try:
        p = db.poll()
        assert (p.status, p.reason) == (PollStatus.NOT_READY, "no_session_nodes")
        for sql in schema_statements(tmp_path):
            conn.execute(sql)
        w = Writer(path)
        try:
            w.create_session("agent:main:main", "s1", {})
            p = db.poll()
            assert p.status is PollStatus.CHANGED and list(p.nodes) == ["agent:main:main"]
        finally:
            w.close()
    finally:
        db.close()
        conn.close()


def test_busy_is_retried_then_reported_and_then_read(tmp_path: Path) -> None:
    """A writer holding an exclusive lock (a rollback-journal database: in WAL mode readers are
    never blocked): the poll retries a few times, then says ``busy``; once the lock is gone it reads."""
    path = tmp_path / "agent" / "openclaw-agent.sqlite"
    create_db(path, schema_statements(tmp_path), wal=False)
    w = Writer(path)
    db = AgentDb(path, busy_timeout_ms=1, retry_pauses=(0.001, 0.002))
    try:
        w.create_session("agent:main:main", "s1", {})
        assert db.poll().status is PollStatus.CHANGED
        w.conn.execute("BEGIN EXCLUSIVE")
        w.conn.execute("INSERT INTO cache_entries (scope, key, updated_at) VALUES ('a', 'b', 1)")
        p = db.poll(force=True)
        assert (p.status, p.reason) == (PollStatus.NOT_READY, "busy")
        w.conn.execute("COMMIT")
        w.append("s1", _msg(1))
        assert [e.seq for e in db.poll().events["s1"]] == [1]
    finally:
        db.close()
        w.close()


def test_a_rollback_journal_database_needs_no_side_files(tmp_path: Path) -> None:
    """OpenClaw uses a rollback journal on NFS/SMB: no -wal, no -shm, and none created."""
    path = tmp_path / "agent" / "openclaw-agent.sqlite"
    create_db(path, schema_statements(tmp_path), wal=False)
    w = Writer(path)
    try:
        w.create_session("agent:main:main", "s1", {})
        db = AgentDb(path)
        try:
            p = db.poll()
            assert p.status is PollStatus.CHANGED, p.reason
            w.append("s1", _msg(1))
            assert [e.seq for e in db.poll().events["s1"]] == [1]
        finally:
            db.close()
    finally:
        w.close()
    assert sorted(os.listdir(path.parent)) == ["openclaw-agent.sqlite"]


def test_the_reader_never_writes(live: tuple[Path, Writer]) -> None:
    path, w = live
    w.create_session("agent:main:main", "s1", {})
    db = AgentDb(path)
    try:
        db.poll()
        assert db._conn is not None
        with pytest.raises(sqlite3.OperationalError):
            db._conn.execute("DELETE FROM session_nodes")
        assert not db._conn.in_transaction  # no read transaction held between polls
    finally:
        db.close()


READER = """
import sys, time
sys.path.insert(0, sys.argv[2])
import os
from pathlib import Path
from memoryd.sources.sqlite_store import AgentDb, PollStatus
path = Path(sys.argv[1])
print("writable", os.access(f"{path}-shm", os.W_OK), os.access(path.parent, os.W_OK), flush=True)
db = AgentDb(path)
seen = []
deadline = time.monotonic() + 60
while time.monotonic() < deadline and (not seen or seen[-1] < int(sys.argv[3])):
    p = db.poll()
    if p.status is PollStatus.NOT_READY:
        print("not_ready", p.reason, flush=True)
        if p.reason != "busy":  # a writer restarting the WAL under a read-only -shm: poll again
            break
    seen += [e.seq for e in p.events.get("s1", [])]
print("seen", *seen, flush=True)
"""


def test_a_reader_without_write_access_follows_a_live_writer(tmp_path: Path) -> None:
    """What the systemd unit's read-only ``agents/`` means: the reader may write neither the folder
    nor ``-shm``, and still reads every commit of a live writer (SQLite opens an existing ``-shm``
    read-only). Run as an unprivileged user (``nobody``) when the suite runs as root, whom file
    permissions do not bind."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="memoryd-ro-"))  # /tmp: traversable by another user
    try:
        base.chmod(0o755)
        path = base / "agent" / "openclaw-agent.sqlite"
        create_db(path, schema_statements(tmp_path))
        w = Writer(path)
        try:
            w.create_session("agent:main:main", "s1", {})
            w.append("s1", _msg(1))
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                p.chmod(0o444 if p.name.endswith("-shm") else 0o644)
            path.parent.chmod(0o555)
            cmd = [sys.executable, "-c", READER, str(path), str(REPO), "300"]
            if os.geteuid() == 0:
                setpriv = "/usr/bin/setpriv"
                if not os.path.exists(setpriv):
                    pytest.skip("running as root without setpriv: cannot drop privileges")
                cmd = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
                probe = [
                    *cmd[:4],
                    sys.executable,
                    "-c",
                    f"import sys; sys.path.insert(0, {str(REPO)!r}); import memoryd",
                ]
                if subprocess.run(probe, capture_output=True, check=False).returncode != 0:
                    pytest.skip("user nobody cannot reach this checkout or its venv (a private folder)")
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
            assert proc.stdout is not None
            assert proc.stdout.readline().split() == ["writable", "False", "False"]
            for i in range(2, 301):
                w.append("s1", _msg(i, text="w" * (i * 53 % 3500)))
            out, _ = proc.communicate(timeout=120)
        finally:
            path.parent.chmod(0o755)
            w.close()
        assert proc.returncode == 0
        lines = out.splitlines()
        assert all(line == "not_ready busy" for line in lines[:-1]), lines[:-1]
        assert lines[-1].split() == ["seen", *map(str, range(0, 301))]
    finally:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


def test_side_files_deleted_under_the_reader_are_never_recreated(live: tuple[Path, Writer]) -> None:
    """Someone deletes -wal/-shm while the reader is connected: it stops (``sidecar_replaced``),
    closes, waits without creating them, and reads again once a writer has made new ones."""
    path, w = live
    w.create_session("agent:main:main", "s1", {})
    db = AgentDb(path)
    try:
        assert db.poll().status is PollStatus.CHANGED
        w.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # so that deleting the WAL loses nothing
        w.close()  # the reader keeps the side files alive: they are still there
        assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
        os.remove(f"{path}-wal")
        os.remove(f"{path}-shm")
        p = db.poll()
        assert (p.status, p.reason) == (PollStatus.NOT_READY, "sidecar_replaced")
        assert not db.is_open
        assert db.poll().reason == "wal_missing"
        assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
        w2 = Writer(path)
        try:
            w2.next_seq = {"s1": 1}
            w2.append("s1", _msg(1))
            p = db.poll()
            assert p.status is PollStatus.CHANGED and [e.seq for e in p.events["s1"]] == [1]
        finally:
            w2.close()
    finally:
        db.close()


def test_the_real_run_replayed_call_by_call(state: Path, tmp_path: Path) -> None:
    """The main session's real rows (compressed blobs as OpenClaw wrote them) copied into a live
    database in the order of the run, one call at a time, with the session row the driver traced
    after each call: the reader sees every row once, both compactions, OpenClaw's two flushes, and
    the reset with its new lifecycle revision."""
    src = sqlite3.connect(f"file:{_db(state)}?mode=ro", uri=True)
    path = tmp_path / "live" / "agent" / "openclaw-agent.sqlite"
    create_db(path, schema_statements(tmp_path))
    w = Writer(path)
    db = AgentDb(path)
    trace = [orjson.loads(line) for line in (SAMPLE / "trace.jsonl").read_bytes().splitlines()]
    calls = [t for t in trace if t.get("key") == "agent:main:main" and t.get("entry")]
    seen: list[int] = []
    flushes: set[tuple[str | None, int | None]] = set()
    revisions: list[str | None] = []
    compaction_counts: list[int] = []
    try:
        done = 0
        for t in calls:
            upto = int(t["events"])  # rows of the session after this call
            w.put_entry("agent:main:main", MAIN_SID, t["entry"])
            w.copy_events(src, MAIN_SID, done, upto)
            done = upto
            p = db.poll()
            assert p.errors == [] and p.status is not PollStatus.NOT_READY
            seen += [e.seq for e in p.events.get(MAIN_SID, [])]
            e = db.nodes["agent:main:main"]
            flushes.add((e.memory_flush_kind, e.memory_flush_compaction_count))
            compaction_counts.append(e.compaction_count)
            if not revisions or revisions[-1] != e.lifecycle_revision:
                revisions.append(e.lifecycle_revision)
        w.copy_events(src, MAIN_SID, done, 150)
        seen += [e.seq for e in db.poll(force=True).events.get(MAIN_SID, [])]
    finally:
        db.close()
        w.close()
        src.close()
    assert seen == list(range(150))
    assert flushes >= {(None, None), ("succeeded", 0), ("succeeded", 1)}
    assert max(compaction_counts) == 2 and compaction_counts[-1] == 0
    assert len(revisions) == 2  # one reset


def test_a_database_replaced_by_another_file_is_followed(state: Path) -> None:
    """A restore puts another database (with its side files) at the path: the reader notices the
    new inode, reconnects, and reports the old keys deleted and the new ones."""
    main, work = _db(state), _db(state, "work")
    db = AgentDb(main)
    try:
        assert sorted(db.poll().nodes) == ["agent:main:design-review", "agent:main:main"]
        for side in ("", "-wal", "-shm"):
            os.replace(f"{work}{side}", f"{main}{side}")
        p = db.poll()
        assert p.status is PollStatus.CHANGED
        assert list(p.nodes) == ["agent:work:main"]
        assert sorted(p.deleted) == ["agent:main:design-review", "agent:main:main"]
        assert db.schema is not None and db.schema.agent_id == "work"
    finally:
        db.close()


def test_an_event_with_a_raw_newline_stays_one_jsonl_line(live: tuple[Path, Writer]) -> None:
    """JSON escapes newlines in strings, so a raw one is whitespace: the event is read, and its
    JSONL line is re-serialised on one line rather than split in two."""
    path, w = live
    w.create_session("agent:main:main", "s1", {})
    pretty = orjson.dumps(_msg(1, text="two\\nlines"), option=orjson.OPT_INDENT_2).decode()
    assert "\n" in pretty
    with w.conn:
        w.conn.execute("BEGIN")
        w.conn.execute(
            "INSERT INTO transcript_events (session_id, seq, event_json, created_at) VALUES ('s1', 1, ?, 1)",
            (pretty,),
        )
    db = AgentDb(path)
    try:
        (ev,) = [e for e in db.poll().events["s1"] if e.seq == 1]
        assert ev.entry is not None and ev.entry.id == "m1"
        data, errors = db.read_range_jsonl("s1", 1, 2)
    finally:
        db.close()
    assert errors == [] and data.count(b"\n") == 1
    assert orjson.loads(data)["id"] == "m1"


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_writes_and_polls_agree_with_the_database(live: tuple[Path, Writer], seed: int) -> None:
    """Random OpenClaw-like commits (new sessions, appends, entry rewrites, deletes; some in the
    same millisecond as the write before) between polls with random row budgets and the odd
    ``force``: every row is delivered exactly once, in order, every delete is reported once, and
    the snapshot matches the table."""
    import random

    rng = random.Random(seed)
    path, w = live
    db = AgentDb(path)
    seen: dict[str, list[int]] = {}
    deleted: list[str] = []
    truth_tokens: dict[str, int] = {}
    live_keys: dict[str, str] = {}  # key -> sid
    known: set[str] = set()  # keys some poll's snapshot had
    n = 0
    try:
        for step in range(150):
            op = rng.random()
            if op < 0.15 or not live_keys:
                n += 1
                key, sid = f"agent:main:k{n}", f"s{n}"
                w.create_session(key, sid, {"totalTokens": 0})
                live_keys[key], truth_tokens[key] = sid, 0
            elif op < 0.7:
                key = rng.choice(sorted(live_keys))
                window = rng.choice(["bump", "bump", "same_ms"])  # all sessions here are active
                w.append(
                    live_keys[key], *[_msg(step * 100 + i) for i in range(rng.randint(1, 30))], window=window
                )
            elif op < 0.9:
                key = rng.choice(sorted(live_keys))
                truth_tokens[key] = step
                w.update_entry(key, {"totalTokens": step}, bump=rng.random() < 0.7)
            else:
                key = rng.choice(sorted(live_keys))
                w.delete_session(key)
                del live_keys[key]
                del truth_tokens[key]
            if rng.random() < 0.6:
                p = db.poll(force=rng.random() < 0.1, max_rows=rng.choice([3, 10, 50, 5000]))
                assert p.status is not PollStatus.NOT_READY, p.reason
                assert p.errors == []
                for sid, evs in p.events.items():
                    seen.setdefault(sid, []).extend(e.seq for e in evs)
                deleted += list(p.deleted)
                known |= set(p.nodes)
        while True:  # the cheap polls alone must have found everything ...
            p = db.poll(max_rows=20)
            for sid, evs in p.events.items():
                seen.setdefault(sid, []).extend(e.seq for e in evs)
            deleted += list(p.deleted)
            if not p.more:
                break
        nodes = db.nodes
        backstop = db.poll(force=True)  # ... so the backstop finds nothing more
        assert (backstop.events, backstop.changed_keys, backstop.deleted) == ({}, [], {})
    finally:
        db.close()
    for key, sid in live_keys.items():
        assert seen[sid] == list(range(w.next_seq[sid])), key
    assert sorted(nodes) == sorted(live_keys)
    assert {k: e.total_tokens for k, e in nodes.items()} == truth_tokens
    gone = {f"agent:main:k{i}" for i in range(1, n + 1)} - set(live_keys)
    # A session created and deleted between two polls is never seen at all; the others once each.
    assert len(deleted) == len(deleted_set := set(deleted))
    assert deleted_set == gone & known
    for sid, seqs in seen.items():
        assert seqs == sorted(set(seqs)), sid  # no row twice, in order
