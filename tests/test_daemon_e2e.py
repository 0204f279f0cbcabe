"""The real daemon, as a subprocess, on OpenClaw-shaped temp dirs, with real watchfiles and sockets."""

from __future__ import annotations

import json
import shutil
import signal
from pathlib import Path

import pytest
from daemon_helpers import DaemonProc, assert_valid_events, memoryd, read_events, wait_for
from openclaw_fixture import OpenClawFixture

pytestmark = pytest.mark.slow

SECRET = "sk-proj-Tq9vX2mL8pR4sW7yB1nC5dF0gH3jK6aE9uI2oP5qZ8xV1bN4"


def _install(oc: OpenClawFixture) -> None:
    """Two agents with different windows; one session past the point, two below."""
    oc.write_config(agents=["main", "ops"], reserveTokensFloor=20000, keepRecentTokens=20000)
    a = oc.session("agent:main:main", "11111111-aaaa-4aaa-8aaa-000000000001")
    a.user("Should we use Postgres or SQLite for the ledger?")
    a.assistant("I propose PostgreSQL 16 as the primary store; SQLite only for tests.", 150_000)
    a.user(f"Yes, go with PostgreSQL. Remember that the staging DB port is 5433. My key is {SECRET}")
    a.assistant("Noted. Open question: do we need multi-region failover in phase 1?", 171_000)
    oc.store(
        "main",
        "agent:main:main",
        sessionId=a.session_id,
        sessionFile=a.path.name,
        contextTokens=200000,
        totalTokens=171_000,
        compactionCount=0,
    )
    b = oc.session("agent:main:side", "11111111-aaaa-4aaa-8aaa-000000000002")
    b.user("What time is it in Lisbon?")
    b.assistant("It is 14:05 in Lisbon.", 20_000)
    oc.store("main", "agent:main:side", sessionId=b.session_id, contextTokens=200000, totalTokens=20_000)
    c = oc.session("agent:ops:main", "22222222-bbbb-4bbb-8bbb-000000000003", agent="ops")
    c.user("Remember that the on-call channel is #ops-oncall.")
    c.assistant("Got it: on-call goes to #ops-oncall.", 30_000)
    c.user("We decided to page only for SEV1 at night. Agreed?")
    c.assistant("Agreed: night pages only for SEV1.", 62_000)
    oc.store("ops", "agent:ops:main", sessionId=c.session_id, contextTokens=64000, totalTokens=62_000)
    (oc.workspace("main") / "memory").mkdir(parents=True, exist_ok=True)
    (oc.workspace("main") / "MEMORY.md").write_text("# MEMORY\n- curated by hand\n")


def test_once_flushes_due_sessions_exactly_once_then_late_flush_then_nothing(oc: OpenClawFixture) -> None:
    _install(oc)
    from datetime import date

    today = date.today().isoformat()
    human = f"# {today}\n- my own note, no final newline"
    (oc.workspace("main") / "memory" / f"{today}.md").write_text(human)
    cfg = str(oc.config_path)

    r = memoryd("run", "--once", "--config", cfg)
    assert r.returncode == 0, r.stderr
    events = oc.events()
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    assert sorted(e["session_key"] for e in done) == ["agent:main:main", "agent:ops:main"]
    assert all(e["data"]["trigger"] == "threshold" and e["data"]["cycle"] == 0 for e in done)
    main_log = oc.daily_logs("main")[f"{today}.md"]
    ops_log = oc.daily_logs("ops")[f"{today}.md"]
    assert main_log.startswith(human + "\n\n## ")
    assert main_log.count("<!-- memoryd:flush id=") == 1 and ops_log.count("<!-- memoryd:flush id=") == 1
    assert "agent:main:side" not in main_log and "agent:ops:main" in ops_log
    assert SECRET not in main_log and "[REDACTED:" in main_log
    assert "5433" in main_log
    assert (oc.workspace("main") / "MEMORY.md").read_text() == "# MEMORY\n- curated by hand\n"
    assert all(SECRET not in p.read_text() for p in oc.root.rglob("*.md"))
    assert SECRET not in (oc.memoryd_state / "events.ndjson").read_text()

    # An unforeseen compaction (a manual /compact) while memoryd was not running.
    s = oc.sessions[("main", "agent:main:side")]
    s.user("We decided to keep the Lisbon office hours in the calendar.")
    s.compaction(tokens_before=21_000)
    oc.store("main", "agent:main:side", compactionCount=1, totalTokens=3_000)
    r = memoryd("run", "--once", "--config", cfg)
    assert r.returncode == 0, r.stderr
    new = oc.events()[len(events) :]
    assert [e["type"] for e in new].count("memory.compacted") == 1
    late = [e for e in new if e["type"] == "memory.flush.completed"]
    assert [(e["session_key"], e["data"]["trigger"], e["data"]["cycle"]) for e in late] == [
        ("agent:main:side", "late", 0)
    ]

    before = (oc.memoryd_state / "events.ndjson").read_bytes(), oc.daily_logs("main"), oc.daily_logs("ops")
    r = memoryd("run", "--once", "--config", cfg)
    assert r.returncode == 0, r.stderr
    after = (oc.memoryd_state / "events.ndjson").read_bytes(), oc.daily_logs("main"), oc.daily_logs("ops")
    assert after == before
    assert_valid_events(oc.events())


def test_live_daemon_flushes_before_compaction_and_stops_cleanly(oc: OpenClawFixture) -> None:
    oc.small_config()
    s = oc.one_turn("33333333-cccc-4ccc-8ccc-000000000001", "hello", "We decided to ship on Friday.", 10_000)
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "session.discovered" for e in oc.events()), "discovery")
        for i, tokens in enumerate([14_000, 18_000, 19_700, 20_300]):
            s.user(f"Turn {i}: remember that build {i} passed.")
            s.assistant(f"Noted build {i}.", tokens)
            s.rewrite_in_place()  # what OpenClaw 2026.7 does once per reply
            oc.store("main", "agent:main:main", totalTokens=tokens)
        wait_for(
            lambda: any(e["type"] == "memory.flush.completed" for e in oc.events()), "the threshold flush"
        )
        s.compaction(tokens_before=20_400)
        oc.store("main", "agent:main:main", compactionCount=1, totalTokens=2_500)
        wait_for(lambda: any(e["type"] == "memory.compacted" for e in oc.events()), "the compaction")
    finally:
        rc, err = d.stop(signal.SIGTERM)
    assert rc == 0, err
    events = oc.events()
    types = [e["type"] for e in events]
    assert types[0] == "daemon.started" and types[-1] == "daemon.stopped"
    assert types.count("memory.flush.completed") == 1
    compacted = next(e for e in events if e["type"] == "memory.compacted")
    assert (
        compacted["data"]["flushed_before"] is True
        and compacted["data"]["run_item_type"] == "memory_compaction"
    )
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert_valid_events(events)


def test_sigkill_and_restart_repeat_nothing(oc: OpenClawFixture) -> None:
    oc.small_config()
    s = oc.one_turn("44444444-dddd-4ddd-8ddd-000000000001", "start", "ok", 19_800)
    d = DaemonProc(oc.config_path)
    wait_for(lambda: any(e["type"] == "memory.flush.completed" for e in oc.events()), "first flush")
    d.stop(signal.SIGKILL)
    s.compaction(tokens_before=20_000)
    oc.store("main", "agent:main:main", compactionCount=1, totalTokens=2_000)
    d2 = DaemonProc(oc.config_path)
    try:
        wait_for(
            lambda: any(e["type"] == "memory.compacted" for e in oc.events()), "compaction after restart"
        )
    finally:
        rc, err = d2.stop()
    assert rc == 0, err
    events = oc.events()
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert [e["type"] for e in events].count("memory.flush.completed") == 1
    assert [e["type"] for e in events].count("memory.compacted") == 1
    assert oc.daily_logs()[next(iter(oc.daily_logs()))].count("memoryd:flush id=") == 1


def test_second_daemon_on_the_same_state_exits_nonzero(oc: OpenClawFixture) -> None:
    oc.write_config()
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "daemon.started" for e in oc.events()), "first daemon")
        r = memoryd("run", "--config", str(oc.config_path), timeout=30)
        assert r.returncode == 1 and "another memoryd" in r.stderr
        assert d.proc.poll() is None
    finally:
        rc, _ = d.stop()
    assert rc == 0


REAL = Path(__file__).parent / "data" / "samples" / "openclaw-real-2026.7.1"


def test_real_openclaw_2026_7_1_state_replays_as_its_trace_shows(tmp_path: Path) -> None:
    shutil.copytree(REAL / "state", tmp_path / "state")
    for p in (tmp_path / "state").rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    cfg = tmp_path / "m.toml"
    cfg.write_text(
        f'[openclaw]\nstate_dirs = ["{tmp_path / "state"}"]\n[paths]\nstate_dir = "{tmp_path / "md"}"\n'
        f'socket = "{tmp_path / "run/s.sock"}"\n[workspaces]\nmain = "{tmp_path / "ws"}"\nwork = "{tmp_path / "ws-work"}"\n'
    )
    r = memoryd("run", "--once", "--config", str(cfg))
    assert r.returncode == 0, r.stderr
    events = read_events(tmp_path / "md" / "events.ndjson")
    old = "922e9dd4-79e6-423c-95ae-b296c526c66e"
    assert [e["type"] for e in events if e["type"] == "source.error"] == []
    compacted = [e for e in events if e["type"] == "memory.compacted"]
    assert [(e["session_id"], e["data"]["compaction_count"]) for e in compacted] == [
        (old, n) for n in range(1, 6)
    ]
    assert [e["data"]["first_kept_entry_id"] for e in compacted] == [
        "08616e6e",
        "019d5d96",
        "e7f5aaa4",
        "b328ffdc",
        "7f364d24",
    ]
    # OpenClaw's own flushes: cycles 0, 1, 2 and 4; the manual /compact ended cycle 3 with none.
    observed = [e["data"]["cycle"] for e in events if e["type"] == "runtime.flush.observed"]
    assert observed == [0, 1, 2, 4]
    assert [e["data"]["runtime_flushed_before"] for e in compacted] == [True, True, True, False, True]
    resets = [e for e in events if e["type"] == "session.reset"]
    assert [(e["session_key"], e["data"]["old_session_id"]) for e in resets] == [("agent:main:main", old)]
    discovered = {e["session_key"] for e in events if e["type"] == "session.discovered"}
    assert discovered == {"agent:main:main", "agent:main:design-review", "agent:work:main"}
    assert not any(e["type"].startswith("memory.flush.") for e in events)  # nothing is due in the final state
    r2 = memoryd("run", "--once", "--config", str(cfg))
    assert r2.returncode == 0
    assert read_events(tmp_path / "md" / "events.ndjson") == events
    assert_valid_events(events)


def test_truncate_after_compaction_successor_is_a_compaction_not_a_reset(oc: OpenClawFixture) -> None:
    oc.small_config()
    old = oc.one_turn(
        "88888888-aaaa-4aaa-8aaa-000000000001",
        "We decided to rename the service to ingestd.",
        "Agreed: the service is now called ingestd.",
        12_000,
    )
    r = memoryd("run", "--once", "--config", str(oc.config_path))
    assert r.returncode == 0, r.stderr
    # OpenClaw compacts with truncateAfterCompaction: a new file, the old id in the family.
    new = oc.session("agent:main:main", "88888888-aaaa-4aaa-8aaa-000000000002")
    new.user("Continue.")
    oc.store(
        "main",
        "agent:main:main",
        sessionId=new.session_id,
        sessionFile=new.path.name,
        compactionCount=1,
        totalTokens=2_000,
        usageFamilySessionIds=[old.session_id],
    )
    r = memoryd("run", "--once", "--config", str(oc.config_path))
    assert r.returncode == 0, r.stderr
    events = oc.events()
    types = [e["type"] for e in events]
    assert "session.reset" not in types
    compacted = [e for e in events if e["type"] == "memory.compacted"]
    assert [(e["session_id"], e["data"]["compaction_count"]) for e in compacted] == [(old.session_id, 1)]
    late = [e for e in events if e["type"] == "memory.flush.completed"]
    assert [(e["session_id"], e["data"]["trigger"]) for e in late] == [(old.session_id, "late")]
    assert_valid_events(events)


def test_sighup_reloads_the_configuration(oc: OpenClawFixture) -> None:
    oc.small_config()
    oc.one_turn(
        "99999999-aaaa-4aaa-8aaa-000000000001",
        "We decided to use Postgres.",
        "Agreed: Postgres it is.",
        12_000,
    )
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "session.discovered" for e in oc.events()), "discovery")
        assert not any(e["type"] == "memory.flush.completed" for e in oc.events())
        # A bigger reserve moves OpenClaw's threshold (and memoryd's flush point) below 12k tokens.
        oc.write_config(context_tokens=32768, reserveTokensFloor=18000, keepRecentTokens=2000)
        d.proc.send_signal(signal.SIGHUP)
        wait_for(
            lambda: any(e["type"] == "memory.flush.completed" for e in oc.events()), "a flush after reload"
        )
        (oc.state / "openclaw.json").write_text("{ broken")
        d.proc.send_signal(signal.SIGHUP)

        def reload_failed() -> bool:
            r = memoryd("status", "--json", "--config", str(oc.config_path))
            if r.returncode != 0:
                return False
            last = json.loads(r.stdout)["daemon"]["last_reload"]
            return last is not None and last["ok"] is False and "openclaw.json" in last["error"]

        wait_for(reload_failed, "the bad reload to be reported")
        assert d.proc.poll() is None
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    assert "daemon.reload_failed" in err


def test_live_reset_flushes_the_old_tail_and_deletion_is_reported(oc: OpenClawFixture) -> None:
    oc.small_config()
    old = oc.session("agent:main:main", "dddddddd-0000-4000-8000-000000000001")
    old.user("Remember that the staging password rotates every Monday.")
    old.assistant("Noted: it rotates every Monday.", 8_000)
    oc.store(
        "main",
        "agent:main:main",
        sessionId=old.session_id,
        contextTokens=32768,
        totalTokens=8_000,
        compactionCount=2,
    )
    gone = oc.session("agent:main:scratch", "dddddddd-0000-4000-8000-000000000002")
    gone.user("scratch")
    oc.store("main", "agent:main:scratch", sessionId=gone.session_id, contextTokens=32768)
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: sum(e["type"] == "session.discovered" for e in oc.events()) == 2, "discovery")
        old.user("We decided to drop the nightly job.")
        old.assistant("Agreed, dropped.", 9_000)
        # /new: the old file is archived, the key gets a new session; compactionCount is kept.
        old.path.rename(old.path.with_name(old.path.name + ".reset.2026-11-21T10-00-00.000Z"))
        new = oc.session("agent:main:main", "dddddddd-0000-4000-8000-000000000003")
        oc.store(
            "main", "agent:main:main", sessionId=new.session_id, sessionFile=new.path.name, totalTokens=0
        )
        wait_for(lambda: any(e["type"] == "memory.flush.completed" for e in oc.events()), "the reset flush")
        # sessions.delete: the key leaves the store and its file is archived.
        gone.path.rename(gone.path.with_name(gone.path.name + ".deleted.2026-11-21T10-01-00.000Z"))
        store = oc.stores["main"]
        del store["agent:main:scratch"]
        oc.store("main", "agent:main:main")
        wait_for(lambda: any(e["type"] == "session.deleted" for e in oc.events()), "the deletion")
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    events = oc.events()
    reset = next(e for e in events if e["type"] == "session.reset")
    assert (reset["data"]["old_session_id"], reset["session_id"]) == (old.session_id, new.session_id)
    assert reset["data"]["archived_path"].endswith(".reset.2026-11-21T10-00-00.000Z")
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    assert [(e["session_id"], e["data"]["trigger"], e["data"]["cycle"]) for e in done] == [
        (old.session_id, "reset", 2)
    ]
    log = "".join(oc.daily_logs().values())
    assert "Monday" in log and "nightly job" in log
    new_disc = [e for e in events if e["type"] == "session.discovered" and e["session_id"] == new.session_id]
    assert new_disc and new_disc[0]["data"]["first_sight"] is False
    deleted = next(e for e in events if e["type"] == "session.deleted")
    assert deleted["data"]["old_session_id"] == gone.session_id
    assert_valid_events(events)
