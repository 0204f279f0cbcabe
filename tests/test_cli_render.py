"""The words of ``status``, ``flush`` and ``run --once``: pure functions over status rows and events."""

from __future__ import annotations

from typing import Any

from memoryd.status import ago, render_status
from memoryd.summary import (
    flush_exit_code,
    flush_outcome,
    once_exit_code,
    once_summary,
    render_flush,
    render_once,
)

NOW = 1_800_000_000.0


def _row(**extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "agent": "main",
        "session_key": "agent:main:telegram:group:-1001234567890",
        "session_id": "7c1f3a52",
        "cycle": 2,
        "projected_tokens": 12_100,
        "window": 200_000,
        "flush_point": 167_808,
        "percent_of_flush_point": 7.2,
        "flushed_this_cycle": True,
        "last_flush": {"time": "2027-01-15T07:15:00+00:00", "trigger": "threshold", "items": 4},
        "workspace": "/home/ada/.openclaw/workspace",
        "pending": [],
        "last_error": None,
    }
    row.update(extra)
    return row


def test_status_shows_tokens_share_workspace_daily_log_relative_times_and_a_legend() -> None:
    st = {
        "head_seq": 41,
        "sessions": [_row()],
        "pending_flushes": 0,
        "today": "2027-01-15",
        "daemon": {"pid": 4711, "uptime_seconds": 5400, "watcher": "ok", "last_reload": None},
    }
    text = render_status(st, now=NOW)
    assert text.startswith("daemon: running, pid 4711, up 1 h 30 min; watcher ok")
    assert "agent main: workspace /home/ada/.openclaw/workspace" in text
    assert "daily log /home/ada/.openclaw/workspace/memory/2027-01-15.md" in text
    line = next(x for x in text.splitlines() if "agent:main:telegram:group:-1001234567890" in x)  # uncut
    assert "12,100" in line and "167,808" in line and "7 %" in line
    assert "45 min ago (threshold, 4 items) *" in line  # NOW is 2027-01-15T08:00Z
    assert "legend:" in text and "* = this cycle is flushed" in text
    assert "legend:" not in render_status(st, now=NOW, legend=False)


def test_status_shows_a_pending_flush_with_its_error_and_the_daemon_down() -> None:
    pending = [
        {"flush_id": "fl-1", "trigger": "threshold", "cycle": 2, "attempts": 3, "error": "OSError: full"}
    ]
    st = {
        "head_seq": 9,
        "sessions": [_row(pending=pending, flushed_this_cycle=False, last_flush=None)],
        "pending_flushes": 1,
        "daemon": None,
        "checkpoint": "/s/checkpoint.json",
        "checkpoint_age_seconds": 125,
        "problem": None,
    }
    text = render_status(st, now=NOW)
    assert text.startswith("daemon: not running (figures from the last checkpoint, saved 2 min ago)")
    row = next(x for x in text.splitlines() if "agent:main:telegram" in x)
    assert row.endswith(" !")
    assert "! fl-1 (threshold, cycle 2) not written after 3 attempt(s): OSError: full" in text


def test_status_says_when_no_session_is_seen_on_an_install_that_has_some() -> None:
    st = {
        "head_seq": 1,
        "sessions": [],
        "daemon": None,
        "problem": "OpenClaw keeps its sessions in SQLite (x)",
    }
    assert "PROBLEM: OpenClaw keeps its sessions in SQLite (x)" in render_status(st, now=NOW)


def test_ago() -> None:
    assert [ago(s) for s in (5, 61, 3600, 3660 + 3600, 3 * 86400)] == [
        "5 s ago",
        "1 min ago",
        "1 h ago",
        "2 h 1 min ago",
        "3 d ago",
    ]


def _ev(type_: str, fid: str = "fl-1", **data: Any) -> dict[str, Any]:
    return {"type": type_, "agent": "main", "session_key": "k", "data": {"flush_id": fid, **data}}


def test_a_failed_write_is_a_failure_not_a_success() -> None:
    answer = {"ok": True, "flushed": True, "flush_id": "fl-1", "pending": True}
    events = [
        _ev("memory.flush.started", path="memory/d.md"),
        _ev("memory.flush.failed", path="memory/d.md", error="PermissionError: denied", will_retry=True),
    ]
    o = flush_outcome("k", answer, events, workspace="/ws")
    assert (o.outcome, o.path, o.error) == ("failed", "/ws/memory/d.md", "PermissionError: denied")
    assert flush_exit_code(o) == 1
    assert "could not be written to /ws/memory/d.md: PermissionError: denied" in render_flush(o)


def test_written_nothing_new_with_a_failed_flush_pending_and_unknown_session() -> None:
    done = flush_outcome(
        "k",
        {"ok": True, "flushed": True, "flush_id": "fl-1", "pending": False},
        [_ev("memory.flush.completed", path="memory/d.md", items={"decision": 2}, item_count=2, bytes=90)],
        workspace="/ws",
    )
    assert (done.outcome, done.item_count, flush_exit_code(done)) == ("written", 2, 0)
    assert "flushed 2 item(s) (decision 2) to /ws/memory/d.md" in render_flush(done)

    stuck = [{"flush_id": "fl-0", "trigger": "threshold", "attempts": 4, "error": "OSError: full"}]
    nothing = flush_outcome(
        "k", {"ok": True, "flushed": False, "reason": "nothing_new"}, [], still_pending=stuck
    )
    assert nothing.outcome == "nothing_new"
    assert flush_exit_code(nothing) == 1  # the earlier flush of this session is still not written
    assert "still not written: fl-0 (threshold, 4 attempt(s)): OSError: full" in render_flush(nothing)

    unknown = flush_outcome("k", {"ok": False, "error": "unknown session key 'k'"}, [])
    assert flush_exit_code(unknown) == 2


def test_an_empty_flush_is_reported_as_nothing_durable() -> None:
    o = flush_outcome(
        "k",
        {"ok": True, "flushed": True, "flush_id": "fl-1", "pending": False},
        [_ev("memory.flush.completed", path="memory/d.md", items={}, item_count=0, bytes=0, recovered=False)],
    )
    assert o.outcome == "nothing_durable" and flush_exit_code(o) == 0
    assert "nothing written" in render_flush(o)


def test_run_once_summary_and_exit_code() -> None:
    events = [
        {**_ev("memory.flush.completed", "fl-1", trigger="threshold", item_count=3, path="memory/d.md")},
        {**_ev("memory.flush.failed", "fl-2", error="OSError: disk full"), "session_key": "k2"},
    ]
    pending = [{"flush_id": "fl-2", "session_key": "k2", "trigger": "late", "attempts": 3}]
    s = once_summary(events, pending, sessions=2, problem=None, workspaces={"main": "/ws"})
    assert once_exit_code(s) == 1
    text = render_once(s)
    assert "flushed k (threshold): 3 item(s) -> /ws/memory/d.md" in text
    assert "NOT written: k2 (late, fl-2, 3 attempt(s)): OSError: disk full" in text
    assert s.to_json()["ok"] is False
    quiet = once_summary([], [], sessions=0, problem="the OpenClaw state dir /x does not exist")
    assert once_exit_code(quiet) == 1 and "problem: the OpenClaw state dir /x" in render_once(quiet)
    assert once_exit_code(once_summary([], [], sessions=3, problem=None)) == 0


def test_status_lists_a_pending_flush_whose_session_has_ended() -> None:
    st = {
        "head_seq": 3,
        "sessions": [],
        "pending_flushes": 1,
        "pending": [
            {
                "session_key": "agent:main:old",
                "flush_id": "fl-9",
                "trigger": "reset",
                "attempts": 1,
                "error": "E",
            }
        ],
        "daemon": None,
    }
    assert "! agent:main:old: fl-9 (reset) not written after 1 attempt(s): E" in render_status(st, now=NOW)
