"""``presence``: when seeing no session is a problem to report, and when it is a fresh install."""

from __future__ import annotations

from pathlib import Path

from memoryd.presence import OnDisk, scan, unseen_sessions

DB = Path("/s/agents/main/agent/openclaw-agent.sqlite")


def test_a_problem_only_when_sessions_exist_that_memoryd_does_not_read() -> None:
    fresh = OnDisk(Path("/s"), True, 0, ())
    assert unseen_sessions([fresh], 0) is None
    assert "does not exist" in str(unseen_sessions([OnDisk(Path("/gone"), False, 0, ())], 0))
    assert "2 transcript(s)" in str(unseen_sessions([OnDisk(Path("/s"), True, 2, ())], 0))
    assert unseen_sessions([OnDisk(Path("/s"), True, 2, ())], 1) is None  # something is seen
    sqlite = OnDisk(Path("/s"), True, 0, (DB,))
    assert "which this memoryd does not read" in str(unseen_sessions([sqlite], 0, sqlite=False))
    assert unseen_sessions([sqlite], 0, sqlite=True) is None  # an empty store: a fresh install
    upgraded = OnDisk(Path("/s"), True, 3, (DB,))
    assert unseen_sessions([upgraded], 0, sqlite=True) is None  # the files are the era before the store


def test_scan_counts_transcripts_and_stores_without_reading_them(tmp_path: Path) -> None:
    sessions = tmp_path / "agents" / "main" / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "a.jsonl").write_text("{}\n")
    (sessions / "a.trajectory.jsonl").write_text("{}\n")
    (sessions / "b.jsonl.reset.2026-01-01").write_text("{}\n")
    db = tmp_path / "agents" / "main" / "agent" / "openclaw-agent.sqlite"
    db.parent.mkdir()
    db.write_bytes(b"")
    assert scan(tmp_path) == OnDisk(tmp_path, True, 1, (db,))
    assert scan(tmp_path / "nope") == OnDisk(tmp_path / "nope", False, 0, ())
