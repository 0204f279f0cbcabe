"""The real daemon learns of a new agent, a new sessions folder and a new transcript from its
watcher, at once: the reconcile is set to an hour, so nothing else could find them. What they hold
was written while memoryd ran: live, never filed as history (interface 5)."""

from __future__ import annotations

import shutil
import sys
from typing import Any

import pytest
from daemon_helpers import DaemonProc, assert_valid_events, clean_env, wait_for
from openclaw_fixture import OpenClawFixture

from memoryd import client

pytestmark = pytest.mark.slow

BACKENDS = [
    pytest.param(
        "inotify",
        marks=pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux only"),
    ),
    "watchfiles",
]


def _status(oc: OpenClawFixture) -> dict[str, Any]:
    with client.connect(oc.root / "run" / "memoryd.sock", timeout=10) as conn:
        return conn.status()


def _watching(oc: OpenClawFixture) -> bool:
    try:
        return bool(_status(oc)["daemon"]["watcher"] == "ok")
    except (client.MemorydError, OSError):
        return False


def _start(oc: OpenClawFixture, backend: str) -> DaemonProc:
    cfg = oc.small_config()
    cfg.write_text(cfg.read_text().replace("reconcile_seconds = 0.5", "reconcile_seconds = 3600"))
    shutil.rmtree(oc.state / "agents")  # a fresh install: OpenClaw makes the folders on its first turn
    d = DaemonProc(cfg, env=clean_env(MEMORYD_WATCHER=backend))
    wait_for(lambda: _watching(oc), "the daemon's watcher")
    return d


def _of(oc: OpenClawFixture, type_: str, agent: str) -> list[dict[str, Any]]:
    return [e for e in oc.events() if e["type"] == type_ and e.get("agent") == agent]


def _discovered(oc: OpenClawFixture, agent: str) -> list[dict[str, Any]]:
    return _of(oc, "session.discovered", agent)


def _flushed(oc: OpenClawFixture, agent: str) -> list[dict[str, Any]]:
    return _of(oc, "memory.flush.completed", agent)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_new_agent_its_sessions_folder_and_transcript_are_found_by_the_watcher(
    oc: OpenClawFixture, backend: str
) -> None:
    d = _start(oc, backend)
    try:
        assert _status(oc)["daemon"]["watcher_backend"] == backend
        # An agent that is in no configuration and had no folder: OpenClaw writes it all at once.
        # Its workspace exists (OpenClaw makes it with the agent); memoryd never creates one.
        (oc.state / "workspace-ops").mkdir(exist_ok=True)
        s = oc.session("agent:ops:main", "dddddddd-0000-4000-8000-000000000001", agent="ops")
        s.user("hello")
        s.assistant("hi", 5_000)
        oc.store("ops", "agent:ops:main", sessionId=s.session_id, contextTokens=32768, totalTokens=5_000)
        wait_for(lambda: bool(_discovered(oc, "ops")), "the new agent's session, from the watcher", 60)
        s.user("We decided to move the nightly backup to 03:00.")
        s.assistant("Agreed: 03:00.", 20_000)
        oc.store("ops", "agent:ops:main", totalTokens=20_000)
        wait_for(lambda: bool(_flushed(oc, "ops")), "the new agent's flush", 60)
        # The configured agent's sessions folder, made after the start.
        m = oc.one_turn("dddddddd-0000-4000-8000-000000000002", "hello", "hi", 5_000)
        wait_for(lambda: bool(_discovered(oc, "main")), "the new sessions folder's session", 60)
        # And a later write to it arrives too.
        m.user("Remember that the VPN endpoint is vpn.example.net.")
        m.assistant("Noted: vpn.example.net.", 20_000)
        oc.store("main", "agent:main:main", totalTokens=20_000)
        wait_for(lambda: bool(_flushed(oc, "main")), "the flush in the new folder", 60)
        st = _status(oc)["daemon"]
        assert st["watcher_restarts"] == 0
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    events = oc.events()
    (ops,) = _discovered(oc, "ops")
    assert ops["data"]["path"].endswith("/agents/ops/sessions/dddddddd-0000-4000-8000-000000000001.jsonl")
    (main,) = _discovered(oc, "main")
    assert ops["data"]["first_sight"] is False and main["data"]["first_sight"] is False
    assert not [e for e in events if (e.get("data") or {}).get("historical")]
    assert len(_flushed(oc, "ops")) == 1 and len(_flushed(oc, "main")) == 1
    assert_valid_events(events)
