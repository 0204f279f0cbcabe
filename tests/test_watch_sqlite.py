"""The SQLite store is watched too (interface 6): an agent whose ``agent/`` folder and database appear
while memoryd runs is read from its ``-wal`` writes, found by the watcher alone (the reconcile is set
to an hour), live from its first event."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from daemon_helpers import DaemonProc, assert_valid_events, clean_env, wait_for
from openclaw_fixture import OpenClawFixture
from openclaw_sqlite import AgentWriter, SampleRun

from memoryd import client

pytestmark = pytest.mark.slow

MAIN = "652ec2b5-a571-4e01-80fd-8126d60fa167"


def _status(oc: OpenClawFixture) -> dict[str, Any]:
    with client.connect(oc.root / "run" / "memoryd.sock", timeout=10) as conn:
        return conn.status()


def _session(oc: OpenClawFixture, key: str) -> dict[str, Any] | None:
    try:
        rows = [s for s in _status(oc)["sessions"] if s["session_key"] == key]
    except (client.MemorydError, OSError):
        return None
    return rows[0] if rows else None


@pytest.mark.parametrize(
    "backend",
    [
        pytest.param(
            "inotify",
            marks=pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux only"),
        ),
        "watchfiles",
    ],
)
def test_a_database_made_while_running_is_followed_from_its_wal(oc: OpenClawFixture, backend: str) -> None:
    run = SampleRun(oc.root)
    oc.write_config(agents=["main", "work"], keepRecentTokens=2000)
    cfg = oc.config_path
    cfg.write_text(cfg.read_text().replace("reconcile_seconds = 0.5", "reconcile_seconds = 3600"))
    d = DaemonProc(cfg, env=clean_env(MEMORYD_WATCHER=backend))
    key = "agent:work:main"
    rows = run.rows[MAIN][:12]
    try:
        wait_for((oc.memoryd_state / "checkpoint.json").exists, "the first catch-up")
        wait_for(lambda: _status(oc)["daemon"]["watcher"] == "ok", "the watcher")
        w = AgentWriter(oc.state / "agents" / "work", run.schema)  # OpenClaw's first turn for `work`
        try:
            w.node(key, MAIN, {"compactionCount": 0, "contextTokens": 32768})
            for row in rows[:6]:
                w.event(key, row)
            wait_for(
                lambda: _session(oc, key) is not None, "the new database's session, from the watcher", 60
            )
            for row in rows[6:]:
                w.event(key, row)
            wait_for(
                lambda: (_session(oc, key) or {}).get("transcript_bytes", 0) >= rows[-1].seq,
                "the later events",
                60,
            )
        finally:
            w.close()
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    events = oc.events()
    assert_valid_events(events)
    (disc,) = [e for e in events if e["type"] == "session.discovered" and e.get("agent") == "work"]
    assert disc["data"]["first_sight"] is False
    # Opened while OpenClaw was still making the database, the SQLite source may find its -wal new
    # and reopen (reported as ``sqlite_sidecar_replaced``; the SQLite source's call, not the
    # watcher's). Nothing else may go wrong.
    errors = [e["data"] for e in events if e["type"] == "source.error"]
    assert [x for x in errors if x["reason"] != "sqlite_sidecar_replaced"] == []
