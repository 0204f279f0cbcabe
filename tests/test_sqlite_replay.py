"""Replay the real OpenClaw 2026.9.6 run (tests/data/samples/openclaw-real-2026.9.6-sqlite) into a
live daemon, call by call, the way OpenClaw wrote it: each event one commit into a WAL database in
OpenClaw's schema, ``entry_json`` rewritten after each call as ``trace.jsonl`` shows it, the
compaction's ``compactionCount`` + 1 a commit (0.1 s) after its event, the reset under the same
session id, the delete with its archive, a second agent whose database appears mid-run.

memoryd must see both compactions, flush each compacted cycle before its compaction row is
committed (the replay checks just before it writes that row, as the real program would be racing),
see OpenClaw's two flushes, flush the reset's and the delete's tails, report no source.error, and
write nothing under agents/."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from daemon_helpers import DaemonProc, assert_valid_events, wait_for
from openclaw_fixture import OpenClawFixture
from openclaw_sqlite import AgentWriter, SampleRun

from memoryd import client

pytestmark = pytest.mark.slow

MAIN = "652ec2b5-a571-4e01-80fd-8126d60fa167"
SCRATCH = "df06c4bb-2002-4eb9-8676-6e5739ac8db7"
RESET_SEQ = 145


def _files(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_ino for p in sorted(root.rglob("*")) if p.is_file()}


def _caught_up(sock: Path, key: str, position: int) -> bool:
    """The daemon has read the key's session up to ``position`` and has no flush in flight."""
    try:
        with client.connect(sock, timeout=5) as conn:
            st = conn.status()
    except (client.MemorydError, OSError):
        return False
    rows = [s for s in st["sessions"] if s["session_key"] == key]
    return bool(rows) and rows[0]["transcript_bytes"] >= position and st["pending_flushes"] == 0


def test_the_real_sqlite_run_replayed_live(oc: OpenClawFixture) -> None:
    run = SampleRun(oc.root)
    oc.write_config(agents=["main", "work"], keepRecentTokens=2000)
    cfg = oc.config_path
    cfg.write_text(cfg.read_text().replace("reconcile_seconds = 0.5", "reconcile_seconds = 0.2"))
    sock = oc.root / "run" / "memoryd.sock"
    agents = oc.state / "agents"
    writers = {"main": AgentWriter(agents / "main", run.schema)}  # OpenClaw has started: the DB exists
    sidecars = {
        n: os.stat(writers["main"].path.with_name(n)).st_ino
        for n in ("openclaw-agent.sqlite-wal", "openclaw-agent.sqlite-shm")
    }
    d = DaemonProc(cfg)
    flushed_before: list[tuple[int, bool]] = []
    try:
        wait_for(lambda: any(e["type"] == "daemon.started" for e in oc.events()), "start")
        wait_for((oc.memoryd_state / "checkpoint.json").exists, "the first catch-up")
        written: dict[str, int] = {}
        last: dict[str, dict[str, Any]] = {}
        for call in run.trace:
            key, entry = call["key"], call["entry"]
            sid = entry["sessionId"]
            agent = key.split(":")[1]
            if agent not in writers:  # agent `work` starts: its database is made now
                writers[agent] = AgentWriter(agents / agent, run.schema)
            w = writers[agent]
            if sid not in written:
                w.node(
                    key,
                    sid,
                    {
                        "compactionCount": 0,
                        "contextTokens": 32768,
                        "lifecycleRevision": entry["lifecycleRevision"],
                    },
                )
                written[sid] = 0
                last[sid] = dict(entry)
            for row in run.rows[sid][written[sid] : call["events"]]:
                if row.event_type == "compaction":
                    count = int(last[sid].get("compactionCount") or 0)
                    done = [
                        e
                        for e in oc.events()
                        if e["type"] == "memory.flush.completed"
                        and e["session_id"] == sid
                        and e["data"]["cycle"] == count
                        and e["data"]["trigger"] == "threshold"
                    ]
                    flushed_before.append((count, bool(done)))
                    w.event(key, row)
                    time.sleep(0.1)  # OpenClaw commits compactionCount + 1 a moment later
                    last[sid] = {
                        **last[sid],
                        "compactionCount": count + 1,
                        "totalTokens": row.obj()["tokensAfter"],
                    }
                    w.node(key, sid, last[sid])
                else:
                    w.event(key, row)
            written[sid] = call["events"]
            last[sid] = dict(entry)
            w.node(key, sid, entry)
            n = int(call["events"])
            wait_for(lambda: _caught_up(sock, key, n), f"the daemon after {call['label']}")  # noqa: B023
            if call["label"] == "turn054":  # `openclaw sessions delete --yes agent:main:scratch`
                w.delete(key, sid, run.archive, run.archive_file)
                wait_for(lambda: any(e["type"] == "session.deleted" for e in oc.events()), "the delete")
                wait_for(lambda: _caught_up(sock, "agent:main:main", 0), "the delete's flush")
        with client.connect(sock) as conn:
            status = conn.status()
    finally:
        rc, err = d.stop()
        # -wal and -shm are the writer's, never replaced (checked while it still holds them open).
        inodes = {n: os.stat(writers["main"].path.with_name(n)).st_ino for n in sidecars}
        for w in writers.values():
            w.close()
    assert rc == 0, err
    assert inodes == sidecars

    events = oc.events()
    assert_valid_events(events)
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert not [e for e in events if e["type"] == "source.error"]
    compacted = [e for e in events if e["type"] == "memory.compacted"]
    assert [(e["session_id"], e["data"]["compaction_count"]) for e in compacted] == [(MAIN, 1), (MAIN, 2)]
    assert all(e["data"]["flushed_before"] and not e["data"].get("historical") for e in compacted)
    # Each compacted cycle's threshold flush was completed before its compaction row was written.
    assert flushed_before == [(0, True), (1, True)]
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    assert [
        (e["session_id"], e["data"]["trigger"], e["data"]["cycle"], e["data"].get("epoch")) for e in done
    ] == [
        (MAIN, "threshold", 0, None),
        (MAIN, "threshold", 1, None),
        (MAIN, "reset", 2, None),
        (SCRATCH, "reset", 0, None),
    ]
    started = {e["data"]["flush_id"]: e for e in events if e["type"] == "memory.flush.started"}
    assert started[done[-1]["data"]["flush_id"]]["data"]["reason"] == "deleted"
    assert Counter(e["data"]["flush_id"] for e in done) == Counter(set(started))
    observed = [e for e in events if e["type"] == "runtime.flush.observed"]
    assert [(e["data"]["cycle"], e["data"]["source"]) for e in observed] == [
        (0, "session_nodes"),
        (1, "session_nodes"),
    ]
    resets = [e for e in events if e["type"] == "session.reset"]
    assert [
        (e["data"]["old_session_id"], e["data"]["new_session_id"], e["data"]["epoch"]) for e in resets
    ] == [(MAIN, MAIN, RESET_SEQ)]
    deleted = [e for e in events if e["type"] == "session.deleted"]
    assert [e["data"]["old_session_id"] for e in deleted] == [SCRATCH]
    assert deleted[0]["data"]["archived_path"].endswith(run.archive_file.name)
    discovered = {
        e["session_key"]: e["data"]["first_sight"] for e in events if e["type"] == "session.discovered"
    }
    assert discovered == {
        "agent:main:main": False,
        "agent:main:design-review": False,
        "agent:main:scratch": False,
        "agent:work:main": False,
    }
    rows = {s["session_key"]: s for s in status["sessions"]}
    assert sorted(rows) == ["agent:main:design-review", "agent:main:main", "agent:work:main"]
    assert all(s["source"] == "sqlite" for s in rows.values())
    assert rows["agent:main:main"]["openclaw_threshold"] == 20_576  # window - automatic reserve - soft
    assert rows["agent:main:main"]["flush_point"] == 19_576

    markdown = "".join(oc.daily_logs("main").values())
    assert markdown.count("memoryd:flush id=") == 4
    assert not oc.daily_logs("work")
    # Nothing under agents/ but what OpenClaw's writer made.
    names = set(_files(agents))
    assert names <= {
        "main/agent/openclaw-agent.sqlite",
        "main/agent/openclaw-agent.sqlite-wal",
        "main/agent/openclaw-agent.sqlite-shm",
        f"main/sessions/{run.archive_file.name}",
        "work/agent/openclaw-agent.sqlite",
        "work/agent/openclaw-agent.sqlite-wal",
        "work/agent/openclaw-agent.sqlite-shm",
    }, names
