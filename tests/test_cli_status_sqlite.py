"""``memoryd status`` on SQLite sessions: the era's arithmetic and the position as a ``seq``, offline
as the daemon says it.

On a copy of the real 2026.9.6 run (never the sample itself: even a read-only open rewrites ``-shm``),
whose OpenClaw flushed at 20,576 tokens (window 32,768 - automatic reserve 8,192 - soft 4,000) and
compacted at 24,576; 2026.7's arithmetic (``reserveTokensFloor`` 20,000) would say 8,768.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
from daemon_helpers import DaemonProc, memoryd, wait_for
from openclaw_fixture import OpenClawFixture

from memoryd import client

pytestmark = pytest.mark.slow

SQLITE_SAMPLE = Path(__file__).parent / "data" / "samples" / "openclaw-real-2026.9.6-sqlite"
MAIN_SID = "652ec2b5-a571-4e01-80fd-8126d60fa167"
FIGURES = ("era", "window", "openclaw_threshold", "compaction_threshold", "flush_point", "lead_tokens")


def _max_seq(db: Path, session_id: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)  # the copy
    try:
        (seq,) = conn.execute(
            "SELECT max(seq) FROM transcript_events WHERE session_id = ?", (session_id,)
        ).fetchone()
    finally:
        conn.close()
    return int(seq)


def _live_rows(sock: Path) -> dict[str, dict[str, Any]] | None:
    try:
        with client.connect(sock, timeout=5) as conn:
            st = conn.status()
    except (client.MemorydError, OSError):
        return None
    return {s["session_key"]: s for s in st["sessions"]}


def _offline(cfg: str) -> tuple[dict[str, dict[str, Any]], str]:
    r = memoryd("status", "--json", "--config", cfg)
    assert r.returncode == 3, r.stderr  # no daemon: the figures come from the checkpoint
    rows = {s["session_key"]: s for s in orjson.loads(r.stdout)["sessions"]}
    text = memoryd("status", "--config", cfg)
    assert text.returncode == 3, text.stderr
    return rows, text.stdout


def test_offline_status_of_sqlite_sessions_uses_their_era_and_shows_a_seq(oc: OpenClawFixture) -> None:
    oc.write_config(agents=["main", "work"], context_tokens=32768, keepRecentTokens=2000)
    cfg = str(oc.config_path)
    agents = oc.state / "agents"
    shutil.copytree(SQLITE_SAMPLE / "state" / "agents", agents, dirs_exist_ok=True)
    last_seq = _max_seq(agents / "main" / "agent" / "openclaw-agent.sqlite", MAIN_SID)
    sock = oc.root / "run" / "memoryd.sock"

    d = DaemonProc(oc.config_path)
    live: dict[str, dict[str, Any]] = {}
    try:
        wait_for((oc.memoryd_state / "checkpoint.json").exists, "the first catch-up")

        def caught_up() -> bool:
            rows = _live_rows(sock)
            if not rows or rows.get("agent:main:main", {}).get("position") != last_seq:
                time.sleep(0.1)
                return False
            live.update(rows)
            return True

        wait_for(caught_up, "the daemon's status of agent:main:main")
    finally:
        rc, err = d.stop()
    assert rc == 0, err

    main = live["agent:main:main"]
    assert (main["source"], main["era"], main["position_unit"]) == ("sqlite", "2026.9", "seq")
    assert (main["window"], main["openclaw_threshold"], main["compaction_threshold"]) == (
        32768,
        20_576,
        24_576,
    )
    assert main["flush_point"] < main["openclaw_threshold"]

    offline, text = _offline(cfg)
    assert set(offline) == set(live)
    for key, row in live.items():
        for field in (*FIGURES, "source", "position_unit", "position", "cycle", "projected_tokens"):
            assert offline[key][field] == row[field], (key, field)
    line = next(x for x in text.splitlines() if "agent:main:main" in x)
    assert f"seq {last_seq}" in line and " B " not in line
    assert f"{main['flush_point']:,}" in line

    # A record that names its era is read with that era's arithmetic; one without (older) gets its
    # source's: SQLite is 2026.9.
    ckpt = oc.memoryd_state / "checkpoint.json"
    doc = orjson.loads(ckpt.read_bytes())
    (main_rec,) = [  # the generation after the reset (the one before it has ended)
        r
        for r in doc["sessions"].values()
        if r["state"]["session_key"] == "agent:main:main" and not r["state"]["ended"]
    ]
    assert main_rec["era"] == "2026.9"
    main_rec["era"] = "2026.7"
    for rec in doc["sessions"].values():
        if rec is not main_rec:
            del rec["era"]
    ckpt.write_bytes(orjson.dumps(doc))
    rows, _ = _offline(cfg)
    assert (rows["agent:main:main"]["era"], rows["agent:main:main"]["openclaw_threshold"]) == (
        "2026.7",
        8_768,
    )
    for key, row in rows.items():
        if key != "agent:main:main":
            assert [row[f] for f in FIGURES] == [live[key][f] for f in FIGURES], key


def test_offline_status_of_a_file_era_session_shows_bytes(oc: OpenClawFixture) -> None:
    cfg = str(oc.small_config())
    s = oc.one_turn("99999999-bbbb-4bbb-8bbb-000000000001", "Keep the logs for 30 days.", "Noted.", 9_000)
    r = memoryd("run", "--once", "--config", cfg)
    assert r.returncode == 0, r.stderr
    rows, text = _offline(cfg)
    row = rows["agent:main:main"]
    assert (row["source"], row["era"], row["position_unit"]) == ("files", "2026.7", "bytes")
    assert row["position"] == s.path.stat().st_size
    assert row["openclaw_threshold"] == row["compaction_threshold"]  # one threshold in 2026.7
    line = next(x for x in text.splitlines() if "agent:main:main" in x)
    assert f"{s.path.stat().st_size:,} B" in line and "seq" not in line
