"""A start that finds many sessions due: READY=1 first, then the due queue drains one flush at a
time, most at risk of compaction first, with progress in STATUS=; SIGKILLs during the drain lose or
repeat nothing. Real daemons, real files, a real AF_UNIX datagram socket standing in for systemd."""

from __future__ import annotations

import json
import os
import signal
import socket
import tempfile
from collections import Counter
from collections.abc import Iterator

import pytest
from daemon_helpers import (
    DaemonProc,
    assert_each_flush_once,
    clean_env,
    memoryd,
    wait_for,
)
from openclaw_fixture import OpenClawFixture

pytestmark = pytest.mark.slow

RECV_GUARD = 60.0  # a hang guard only

# small_config: OpenClaw flushes and compacts at 20,576 tokens, memoryd's flush point is 19,576.
# With forceFlushTranscriptBytes at 20 kB every transcript below is due by its size as well.
RISKS = {  # session -> tokens of its last reply
    "agent:main:bytes-far": 3_000,  # due by size only, 17.5k tokens from its compaction
    "agent:main:bytes-near": 14_000,  # due by size only, 6.5k from it
    "agent:main:flush-point": 19_900,  # past memoryd's flush point
    "agent:main:compacting": 21_500,  # past OpenClaw's compaction threshold
}
RISK_ORDER = [
    "agent:main:compacting",
    "agent:main:flush-point",
    "agent:main:bytes-near",
    "agent:main:bytes-far",
]


def _install(oc: OpenClawFixture, sessions: dict[str, int], turns: int, force_flush_bytes: int) -> None:
    """Sessions already on disk at memoryd's first start, each one long cycle."""
    oc.write_config(
        context_tokens=32768,
        reserveTokensFloor=8192,
        keepRecentTokens=2000,
        memoryFlush=f"{{ forceFlushTranscriptBytes: {force_flush_bytes} }}",
    )
    for n, (key, tokens) in enumerate(sessions.items()):
        s = oc.session(key, f"d0e{n:05d}-0000-4000-8000-000000000000")
        for t in range(turns):
            s.user(f"Turn {t} of {key}: shall we keep the export job on port {4000 + t} for now? " * 4)
            s.assistant(f"We decided to keep port {4000 + t} for the export job of {key}. " * 4, 2_000 + t)
        s.user(f"Last turn of {key}: what did we settle on?")
        s.assistant(f"We settled on port {4000 + turns} for {key}.", tokens)
        oc.store("main", key, sessionId=s.session_id, contextTokens=32768, totalTokens=tokens)


def _completed_keys(oc: OpenClawFixture) -> list[str]:
    return [e["session_key"] for e in oc.events() if e["type"] == "memory.flush.completed"]


@pytest.fixture
def systemd() -> Iterator[socket.socket]:
    with (
        tempfile.TemporaryDirectory(prefix="mdd-") as folder,  # sun_path holds 107 bytes
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s,
    ):
        s.bind(os.path.join(folder, "notify"))
        s.settimeout(RECV_GUARD)
        yield s


def test_run_once_writes_due_flushes_most_at_risk_first(oc: OpenClawFixture) -> None:
    _install(oc, RISKS, turns=24, force_flush_bytes=20_000)
    done = memoryd("run", "--once", "--config", str(oc.config_path))
    assert done.returncode == 0, done.stderr
    events = oc.events()
    started = [e["session_key"] for e in events if e["type"] == "memory.flush.started"]
    assert sorted(started) == sorted(RISKS)  # every one was due, decided in the order they were read
    assert _completed_keys(oc) == RISK_ORDER
    triggers = {
        e["session_key"]: e["data"]["trigger"] for e in events if e["type"] == "memory.flush.completed"
    }
    assert triggers["agent:main:bytes-far"] == "transcript_bytes"
    assert triggers["agent:main:compacting"] == "threshold"


def test_ready_comes_before_the_drain_and_status_tells_its_progress(
    oc: OpenClawFixture, systemd: socket.socket
) -> None:
    _install(oc, RISKS, turns=24, force_flush_bytes=20_000)
    daemon = DaemonProc(oc.config_path, clean_env(NOTIFY_SOCKET=systemd.getsockname()))
    try:
        seen: list[str] = []
        while not any("READY=1" in m for m in seen):
            seen.append(systemd.recv(4096).decode())
        ready = next(m for m in seen if "READY=1" in m)
        # READY=1 comes with the queue's progress: nothing of it was written yet.
        assert "STATUS=draining 0/4 due flushes; watching 1 agent(s), 4 session(s)" in ready
        after = [ready]
        while "draining" in after[-1]:
            after.append(systemd.recv(4096).decode())
        assert after[-1].startswith("STATUS=watching 1 agent(s), 4 session(s)")  # drained
        assert _completed_keys(oc) == RISK_ORDER
        with_status = memoryd("status", "--json", "--config", str(oc.config_path))
        assert with_status.returncode == 0, with_status.stderr
        assert json.loads(with_status.stdout)["due"] == {"queued": 0, "done": 4, "total": 4}
    finally:
        code, err = daemon.stop(signal.SIGTERM)
    assert code == 0, err


def test_sigkills_during_the_drain_lose_and_repeat_nothing(oc: OpenClawFixture) -> None:
    sessions = {f"agent:main:d{i:02d}": 3_000 + 1_000 * i for i in range(12)}
    _install(oc, sessions, turns=200, force_flush_bytes=200_000)
    mid_drain_kills = 0
    for _ in range(8):
        before = len(_completed_keys(oc))
        if before == len(sessions):
            break
        daemon = DaemonProc(oc.config_path)
        wait_for(lambda b=before: len(_completed_keys(oc)) > b, "one more due flush", timeout=60)  # type: ignore[misc]
        daemon.stop(signal.SIGKILL)
        if len(_completed_keys(oc)) < len(sessions):
            mid_drain_kills += 1
    assert mid_drain_kills >= 1
    last = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: len(set(_completed_keys(oc))) == len(sessions), "every due flush", timeout=60)
    finally:
        code, err = last.stop(signal.SIGTERM)
    assert code == 0, err
    assert memoryd("run", "--once", "--config", str(oc.config_path)).returncode == 0

    events = oc.events()
    assert_each_flush_once(events, "".join(oc.daily_logs().values()))
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    assert Counter(e["session_key"] for e in done) == dict.fromkeys(sessions, 1)


def test_a_session_that_becomes_urgent_during_the_drain_goes_before_the_queue(
    oc: OpenClawFixture, systemd: socket.socket
) -> None:
    sessions = {f"agent:main:q{i:02d}": 3_000 for i in range(16)}
    _install(oc, sessions, turns=250, force_flush_bytes=200_000)
    live = oc.session("agent:main:live", "d0eaaaaa-0000-4000-8000-000000000000")
    live.user("Shall we move the backups to Tuesday?")
    live.assistant("Yes: backups move to Tuesday.", 5_000)
    oc.store("main", live.key, sessionId=live.session_id, contextTokens=32768, totalTokens=5_000)
    daemon = DaemonProc(oc.config_path, clean_env(NOTIFY_SOCKET=systemd.getsockname()))
    try:
        while "READY=1" not in (msg := systemd.recv(4096).decode()):
            pass
        assert "draining 0/16 due flushes" in msg
        live.user("And the restore drill: first Monday of the month?")
        live.assistant("Agreed, we decided the restore drill is on the first Monday.", 19_900)  # past 19,576
        oc.store("main", live.key, totalTokens=19_900)
        wait_for(lambda: len(_completed_keys(oc)) == 17, "every flush", timeout=120)
    finally:
        code, err = daemon.stop(signal.SIGTERM)
    assert code == 0, err
    order = _completed_keys(oc)
    # Written while most due flushes still waited (it comes after the one in progress; seen: 2nd of 17).
    assert order.index("agent:main:live") < 8, order
    assert Counter(order) == dict.fromkeys([*sessions, "agent:main:live"], 1)


def test_a_manual_flush_of_a_queued_session_writes_its_due_flush_first(oc: OpenClawFixture) -> None:
    """In-process, the drain not started: ``memoryd flush KEY`` of a session whose due flush waits in
    the queue writes that one first, so the session's blocks stay in the order of their ranges."""
    from memoryd import logs
    from memoryd.config import load_settings
    from memoryd.daemon import Daemon

    _install(oc, RISKS, turns=24, force_flush_bytes=20_000)
    logs.configure("warning")
    d = Daemon(load_settings(str(oc.config_path)))
    d.journal.open()
    try:
        d.engine.start()
        d.engine.defer_flushes = True
        d.engine.scan_all()
        assert d.engine.queue_due(recovered=True) == 4
        s = oc.sessions[("main", "agent:main:bytes-far")]
        s.user("One more thing: the export job also needs a retry limit of 3.")
        s.assistant("Agreed, we decided on a retry limit of 3 for the export job.", 3_200)
        answer = d.engine.manual_flush("agent:main:bytes-far", "asked")
        assert answer["ok"] and answer["flushed"], answer
        assert d.engine.due_progress().queued == 3 and d.engine.due_progress().done == 1
        assert d.engine.drain_due() == 3
    finally:
        d.engine.close()
        d.journal.close()
    done = [e for e in oc.events() if e["type"] == "memory.flush.completed"]
    far = [e for e in done if e["session_key"] == "agent:main:bytes-far"]
    assert [e["data"]["trigger"] for e in far] == ["transcript_bytes", "manual"]
    assert [e["session_key"] for e in done][2:] == RISK_ORDER[:3]
    (log,) = oc.daily_logs().values()
    due_at, manual_at = (log.index(f"memoryd:flush id={e['data']['flush_id']} ") for e in far)
    assert due_at < manual_at  # the blocks in the order of their ranges
