"""The SQLite source (OpenClaw 2026.7.2+) through the real daemon (``memoryd run --once``) on real
WAL databases: first sight of the real run's final state, the era arithmetic, a reset whose row and
event come in either order, an agent upgraded from the file era, and the session lookup behind
``memoryd extract --session``."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
from daemon_helpers import assert_valid_events, memoryd, read_events
from openclaw_fixture import OpenClawFixture
from openclaw_sqlite import SAMPLE, AgentWriter, Row, SampleRun, SyntheticSession

from memoryd.config import load_settings
from memoryd.sessions.gate import GateSettings, compaction_threshold, pressure
from memoryd.sources.lookup import SessionNotFound, session_entries
from memoryd.sources.openclaw_config import CompactionSettings, load_openclaw

MAIN = "652ec2b5-a571-4e01-80fd-8126d60fa167"


def _digest(root: Path) -> dict[str, str]:
    """Every file under ``root`` but ``-shm`` (a reader's read marks live there), by content."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


def test_the_2026_9_era_flushes_below_both_of_openclaws_thresholds() -> None:
    comp = CompactionSettings(keep_recent_tokens=2000)  # reserveTokensFloor left at its (retired) default
    old = pressure(
        context_tokens=32768, prompt=0, output=0, store_total=None, settings=GateSettings(comp, 8192)
    )
    new = pressure(
        context_tokens=32768,
        prompt=0,
        output=0,
        store_total=None,
        settings=GateSettings(comp, 8192, era="2026.9"),
    )
    assert (old.threshold, old.flush_point) == (32768 - 20000 - 4000, 8768 - 1000)
    # 2026.9: reserve min(20000, 32768 / 4) = 8192; OpenClaw flushes at 20,576 and compacts at 24,576
    # (its docs: "Early flushing starts at 20,576 ... Blocking token compaction starts at 24,576").
    assert (new.threshold, new.flush_point) == (20_576, 19_576)
    assert compaction_threshold(32768, comp, "2026.9") == 24_576
    assert compaction_threshold(200_000, comp, "2026.9") == 180_000  # the reserve is capped at 20,000


def test_first_sight_of_the_real_2026_9_6_state_is_history_and_writes_nothing_there(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE / "state", tmp_path / "state")
    for p in (tmp_path / "state").rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    agents = tmp_path / "state" / "agents"
    before = _digest(agents)
    cfg = tmp_path / "m.toml"
    cfg.write_text(
        f'[openclaw]\nstate_dirs = ["{tmp_path / "state"}"]\n[paths]\nstate_dir = "{tmp_path / "md"}"\n'
        f'socket = "{tmp_path / "run/s.sock"}"\n[workspaces]\nmain = "{tmp_path / "ws"}"\nwork = "{tmp_path / "ws-work"}"\n'
    )
    # The 2026.9 config names its agents in a map (agents.entries) and `work` has no sessions/ folder.
    install = load_openclaw({"HOME": str(tmp_path)}, tmp_path / "state")
    assert sorted(a.agent_id for a in install.agents) == ["main", "work"]
    r = memoryd("run", "--once", "--config", str(cfg))
    assert r.returncode == 0, r.stderr
    events = read_events(tmp_path / "md" / "events.ndjson")
    assert_valid_events(events)
    assert not [e for e in events if e["type"] == "source.error"]
    discovered = {
        e["session_key"]: e["data"]["first_sight"] for e in events if e["type"] == "session.discovered"
    }
    assert discovered == {"agent:main:main": True, "agent:main:design-review": True, "agent:work:main": True}
    compacted = [e for e in events if e["type"] == "memory.compacted"]
    assert [(e["session_id"], e["data"]["compaction_count"], e["data"]["historical"]) for e in compacted] == [
        (MAIN, 1, True),
        (MAIN, 2, True),
    ]
    assert [e["data"]["first_kept_entry_id"] for e in compacted] == [
        "9539657a-ae4e-47c5-a98e-8bce17a62886",
        "5d125540-7dad-4800-9578-9ab06358c597",
    ]
    resets = [e for e in events if e["type"] == "session.reset"]
    assert [(e["session_id"], e["data"]["epoch"], e["data"]["historical"]) for e in resets] == [
        (MAIN, 145, True)
    ]
    assert not any(e["type"].startswith("memory.flush.") for e in events)  # nothing is due in the final state
    assert _digest(agents) == before
    r2 = memoryd("run", "--once", "--config", str(cfg))
    assert r2.returncode == 0
    assert read_events(tmp_path / "md" / "events.ndjson") == events


def _sqlite_install(oc: OpenClawFixture) -> tuple[SampleRun, AgentWriter]:
    run = SampleRun(oc.root)
    oc.write_config(keepRecentTokens=2000)
    writer = AgentWriter(oc.state / "agents" / "main", run.schema)
    r = memoryd("run", "--once", "--config", str(oc.config_path))  # memoryd looks first: all is live
    assert r.returncode == 0, r.stderr
    return run, writer


def _once(oc: OpenClawFixture) -> list[dict[str, Any]]:
    before = len(oc.events())
    r = memoryd("run", "--once", "--config", str(oc.config_path))
    assert r.returncode == 0, r.stderr
    return oc.events()[before:]


def _turns(s: SyntheticSession, tokens: list[int], what: str) -> None:
    for t in tokens:
        s.user(f"We decided to keep {what} at step {t}.")
        s.assistant(f"Agreed: {what} at step {t}.", t)


def test_a_reset_begins_a_generation_whose_cycles_flush_again_in_either_commit_order(
    oc: OpenClawFixture,
) -> None:
    _, writer = _sqlite_install(oc)
    try:
        s = SyntheticSession(writer, "agent:main:main", "5e551011-aaaa-4000-8000-000000000001")
        _turns(s, [12_000, 20_400], "the cache")
        s.compaction(tokens_before=21_000)
        _turns(s, [12_000, 20_400], "the queue")
        s.update(memoryFlush={"kind": "succeeded", "compactionCount": 1})  # OpenClaw's own flush
        s.compaction(tokens_before=21_000)
        _turns(s, [3_000], "the tail")
        new = _once(oc)
        assert [
            (e["data"]["trigger"], e["data"]["cycle"]) for e in new if e["type"] == "memory.flush.completed"
        ] == [
            ("threshold", 0),
            ("threshold", 1),
        ]
        assert [e["data"]["cycle"] for e in new if e["type"] == "runtime.flush.observed"] == [1]

        # The reset's event is committed, its row not yet: the old row (count 2, OpenClaw's flush of
        # cycle 1) must not leak into the new generation (no compaction made up from the count).
        epoch = s.reset_event()
        new = _once(oc)  # (--once waits out the compaction grace period)
        assert [
            (e["data"]["epoch"], e["data"]["old_session_id"]) for e in new if e["type"] == "session.reset"
        ] == [(epoch, s.session_id)]
        assert [
            (e["data"]["trigger"], e["data"]["cycle"]) for e in new if e["type"] == "memory.flush.completed"
        ] == [("reset", 2)]
        s.reset_row()
        _turns(s, [5_000], "the fresh start")
        new = _once(oc)
        assert not [
            e
            for e in new
            if e["type"] in ("memory.compacted", "runtime.flush.observed", "memory.flush.started")
        ]

        # Cycle 0 of the new generation is not cycle 0 of the old one: it flushes, and compacts.
        _turns(s, [20_400], "the new plan")
        s.compaction(tokens_before=21_000)
        # Now the other order: the next reset's row is committed before its event.
        _turns(s, [4_000], "the second tail")
        s.resets += 1
        s.reset_row()
        new = _once(oc)
        done = [e for e in new if e["type"] == "memory.flush.completed"]
        assert [(e["data"]["trigger"], e["data"]["cycle"], e["data"]["epoch"]) for e in done] == [
            ("threshold", 0, epoch)
        ]
        assert [
            (e["data"]["compaction_count"], e["data"]["epoch"])
            for e in new
            if e["type"] == "memory.compacted"
        ] == [(1, epoch)]
        s.resets -= 1
        second = s.reset_event()
        _turns(s, [6_000], "the third start")
        new = _once(oc)
        assert [e["data"]["epoch"] for e in new if e["type"] == "session.reset"] == [second]
        assert [
            (e["data"]["trigger"], e["data"]["cycle"], e["data"]["epoch"])
            for e in new
            if e["type"] == "memory.flush.completed"
        ] == [("reset", 1, epoch)]
        assert not [e for e in new if e["type"] == "memory.compacted"]
    finally:
        writer.close()
    events = oc.events()
    assert_valid_events(events)
    assert not [e for e in events if e["type"] == "source.error"]
    fids = [e["data"]["flush_id"] for e in events if e["type"] == "memory.flush.completed"]
    assert len(fids) == len(set(fids)) == 5
    assert "".join(oc.daily_logs().values()).count("memoryd:flush id=") == 5


def test_an_agent_upgraded_from_the_file_era_is_read_from_sqlite_and_flushed_once(
    oc: OpenClawFixture,
) -> None:
    oc.small_config()
    sid = "0c0c0c0c-0000-4000-8000-000000000001"
    s = oc.one_turn(sid, "We decided to keep the nightly export at 02:00.", "Agreed: 02:00.", 20_400)
    first = _once(oc)
    assert [
        (e["data"]["trigger"], e["data"]["cycle"]) for e in first if e["type"] == "memory.flush.completed"
    ] == [("threshold", 0)]
    # OpenClaw 2026.9 starts: the session moves into the agent database (same id, same entries);
    # sessions.json stays behind as migration input.
    run = SampleRun(oc.root)
    writer = AgentWriter(oc.state / "agents" / "main", run.schema)
    try:
        writer.node(
            "agent:main:main", sid, {"compactionCount": 0, "contextTokens": 32768, "totalTokens": 20_400}
        )
        for seq, line in enumerate(s.path.read_bytes().splitlines()):
            obj = orjson.loads(line)
            writer.event(
                "agent:main:main",
                Row(
                    sid,
                    seq,
                    line.decode(),
                    None,
                    None,
                    None,
                    seq,
                    str(obj["id"]),
                    str(obj["type"]),
                    obj.get("parentId"),
                ),
            )
        new = _once(oc)
        assert not [e for e in new if e["type"].startswith("memory.flush.")]  # cycle 0 was flushed already
        # The old files change no more and are not read; the database goes on.
        oc.store("main", "agent:main:main", totalTokens=99_000, compactionCount=7)
        ss = SyntheticSession.__new__(SyntheticSession)
        ss.w, ss.key, ss.session_id, ss.seq = (
            writer,
            "agent:main:main",
            sid,
            len(s.path.read_bytes().splitlines()) - 1,
        )
        ss.parent, ss.resets, ss.lifecycle = s.parent, 0, "x"
        ss.entry = {"compactionCount": 0, "contextTokens": 32768, "totalTokens": 20_400}
        ss.compaction(tokens_before=21_000)
        _turns(ss, [20_500], "the import job")
        new = _once(oc)
    finally:
        writer.close()
    compacted = [e for e in new if e["type"] == "memory.compacted"]
    assert [(e["data"]["compaction_count"], e["data"]["flushed_before"]) for e in compacted] == [(1, True)]
    done = [e for e in new if e["type"] == "memory.flush.completed"]
    assert [(e["data"]["trigger"], e["data"]["cycle"]) for e in done] == [("threshold", 1)]
    events = oc.events()
    assert_valid_events(events)
    per_cycle = [e["data"]["cycle"] for e in events if e["type"] == "memory.flush.completed"]
    assert per_cycle == [0, 1]
    assert "".join(oc.daily_logs().values()).count("memoryd:flush id=") == 2


def test_extract_session_finds_the_current_generation_in_either_layout(oc: OpenClawFixture) -> None:
    run, writer = _sqlite_install(oc)
    try:
        s = SyntheticSession(writer, "agent:main:db", "5e551011-bbbb-4000-8000-000000000001")
        _turns(s, [5_000], "the old plan")
        s.reset()
        _turns(s, [6_000], "Postgres 16")
        settings = load_settings(str(oc.config_path))
        got = session_entries(settings, "agent:main:db")
        assert (got.source, got.session_id) == ("sqlite", s.session_id)
        texts = " ".join(e.text for e in got.entries)
        assert "Postgres 16" in texts and "old plan" not in texts  # after the reset only
        with pytest.raises(SessionNotFound):
            session_entries(settings, "agent:main:nope")
    finally:
        writer.close()
    assert run.trace  # (the schema came from a copy of the real run's database)


def test_extract_session_reads_a_file_era_session(oc: OpenClawFixture) -> None:
    oc.small_config()
    oc.one_turn("0d0d0d0d-0000-4000-8000-000000000001", "We decided to use Redis streams.", "Agreed.", 9_000)
    got = session_entries(load_settings(str(oc.config_path)), "agent:main:main")
    assert got.source == "files" and "Redis streams" in got.entries[0].text


def test_a_wal_path_from_the_watcher_wakes_the_agent_database(oc: OpenClawFixture) -> None:
    """In process: ``Engine.handle_paths`` with the ``-wal`` path is what reads a commit (the
    watcher passes it); a path of another agent's folder or a lock sidecar reads nothing."""
    from memoryd.engine import Engine
    from memoryd.sinks.journal import Journal

    _, writer = _sqlite_install(oc)
    settings = load_settings(str(oc.config_path))
    journal = Journal(settings.event_log)
    journal.open()
    engine = Engine(settings, journal)
    try:
        engine.start()
        engine.scan_all()
        s = SyntheticSession(writer, "agent:main:main", "5e551011-cccc-4000-8000-000000000001")
        _turns(s, [20_400], "the watcher")
        folder = writer.path.parent
        engine.handle_paths({str(folder / "openclaw-agent.sqlite.generation-lock.sqlite")})
        assert not [
            e for e in oc.events() if e["type"] == "session.discovered" and e["session_id"] == s.session_id
        ]
        engine.handle_paths({str(folder / "openclaw-agent.sqlite-wal")})
        types = [e["type"] for e in oc.events() if e["session_id"] == s.session_id]
        assert types[:1] == ["session.discovered"] and "memory.flush.completed" in types
        assert engine.status()["sessions"][0]["source"] == "sqlite"
    finally:
        engine.close()
        journal.close()
        writer.close()


def test_a_new_lifecycle_revision_no_reset_event_follows_is_taken_after_a_while(oc: OpenClawFixture) -> None:
    """A row of a new revision waits for its reset event (it may come a commit later); when none
    comes within HOLD_SECONDS the generation takes the row: OpenClaw's flush on it is seen."""
    from memoryd.engine import Engine
    from memoryd.sinks.journal import Journal
    from memoryd.sources.sqlite_source import HOLD_SECONDS

    _, writer = _sqlite_install(oc)
    settings = load_settings(str(oc.config_path))
    journal = Journal(settings.event_log)
    journal.open()
    now = [1_000_000.0]
    engine = Engine(settings, journal, clock=lambda: now[0])
    wal = {str(writer.path.with_name("openclaw-agent.sqlite-wal"))}
    try:
        engine.start()
        engine.scan_all()
        s = SyntheticSession(writer, "agent:main:main", "5e551011-dddd-4000-8000-000000000001")
        _turns(s, [9_000], "the cache")
        engine.handle_paths(wal)
        s.update(lifecycleRevision="rev-2", memoryFlush={"kind": "succeeded", "compactionCount": 0})
        engine.handle_paths(wal)
        assert not [e for e in oc.events() if e["type"] == "runtime.flush.observed"]  # held
        now[0] += HOLD_SECONDS + 1
        engine.handle_paths(wal)
        observed = [e for e in oc.events() if e["type"] == "runtime.flush.observed"]
        assert [(e["data"]["cycle"], e.get("data", {}).get("epoch")) for e in observed] == [(0, None)]
        assert not [e for e in oc.events() if e["type"] in ("session.reset", "source.error")]
    finally:
        engine.close()
        journal.close()
        writer.close()


def test_a_database_without_its_wal_is_never_opened_and_stays_history_until_it_can_be(tmp_path: Path) -> None:
    """Opening a WAL database whose -wal is missing would make SQLite create it (OpenClaw SIGKILLs
    itself when the inode changes under it): memoryd waits, and what the database holds is still
    the install's past when it can be read."""
    shutil.copytree(SAMPLE / "state", tmp_path / "state")
    for p in (tmp_path / "state").rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    wal = tmp_path / "state" / "agents" / "main" / "agent" / "openclaw-agent.sqlite-wal"
    wal.unlink()
    cfg = tmp_path / "m.toml"
    cfg.write_text(
        f'[openclaw]\nstate_dirs = ["{tmp_path / "state"}"]\n[paths]\nstate_dir = "{tmp_path / "md"}"\n'
        f'socket = "{tmp_path / "run/s.sock"}"\n[workspaces]\nmain = "{tmp_path / "ws"}"\nwork = "{tmp_path / "ws-work"}"\n'
    )
    r = memoryd("run", "--once", "--config", str(cfg))
    assert r.returncode == 0, r.stderr
    assert not wal.exists()
    events = read_events(tmp_path / "md" / "events.ndjson")
    assert {e["session_key"] for e in events if e["type"] == "session.discovered"} == {"agent:work:main"}
    assert not [e for e in events if e["type"] == "source.error"]
    wal.touch()  # OpenClaw starts again: its -wal is there
    r = memoryd("run", "--once", "--config", str(cfg))
    assert r.returncode == 0, r.stderr
    events = read_events(tmp_path / "md" / "events.ndjson")
    discovered = {
        e["session_key"]: e["data"]["first_sight"] for e in events if e["type"] == "session.discovered"
    }
    assert discovered == {"agent:work:main": True, "agent:main:main": True, "agent:main:design-review": True}
    assert all(e["data"]["historical"] for e in events if e["type"] == "memory.compacted")
    assert not any(e["type"].startswith("memory.flush.") for e in events)


def test_a_manual_flush_reads_first_and_flushes_the_generation_the_key_names_now(oc: OpenClawFixture) -> None:
    from memoryd.engine import Engine
    from memoryd.sinks.journal import Journal

    _, writer = _sqlite_install(oc)
    settings = load_settings(str(oc.config_path))
    journal = Journal(settings.event_log)
    journal.open()
    engine = Engine(settings, journal)
    try:
        engine.start()
        s = SyntheticSession(writer, "agent:main:main", "5e551011-eeee-4000-8000-000000000001")
        _turns(s, [5_000], "the old plan")
        engine.scan_all()
        epoch = s.reset()
        _turns(s, [6_000], "the staging port 5433")
        answer = engine.manual_flush("agent:main:main", "asked")  # the reset is read by this call
        assert answer["ok"] and answer["flushed"], answer
        done = [e for e in oc.events() if e["type"] == "memory.flush.completed"]
        assert [(e["data"]["trigger"], e["data"].get("epoch")) for e in done] == [
            ("reset", None),
            ("manual", epoch),
        ]
        assert "5433" in "".join(oc.daily_logs().values())
    finally:
        engine.close()
        journal.close()
        writer.close()


def test_a_corrupt_compressed_event_is_a_source_error_and_the_session_goes_on(oc: OpenClawFixture) -> None:
    run, writer = _sqlite_install(oc)
    nav = next(r.navigation_json for r in run.rows[MAIN] if r.event_zstd is not None)  # a real one
    try:
        s = SyntheticSession(writer, "agent:main:main", "5e551011-ffff-4000-8000-000000000001")
        _turns(s, [5_000], "the old plan")
        s.seq += 1
        writer.event(
            s.key,
            Row(
                s.session_id, s.seq, None, b"\x28\xb5\x2f\xfdnot zstd", 40, nav, 0, "bad", "message", s.parent
            ),
        )
        _turns(s, [20_400], "the port 5433")
        last = s.parent
        new = _once(oc)
    finally:
        writer.close()
    errors = [e for e in new if e["type"] == "source.error"]
    assert [(e["data"]["offset"], e["data"]["reason"]) for e in errors] == [(3, "zstd_corrupt")]
    done = [e for e in new if e["type"] == "memory.flush.completed"]
    assert [(e["data"]["trigger"], e["data"]["cycle"]) for e in done] == [("threshold", 0)]
    # The flush covers the entries after the corrupt row (the range ends at the last one written).
    assert f"..{last}" in "".join(oc.daily_logs().values())
    assert _once(oc) == []  # reported once, not again
