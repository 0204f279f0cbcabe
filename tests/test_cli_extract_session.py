"""``memoryd extract --session KEY``: a dry run of a session's flush, found by its key in either layout.

File era: a state dir written the way OpenClaw 2026.7 does. SQLite era: a copy of the real 2026.9.6 run
(never the sample itself: even a read-only open rewrites ``-shm``).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import orjson
import pytest
from daemon_helpers import memoryd
from openclaw_fixture import OpenClawFixture

pytestmark = pytest.mark.slow

SQLITE_SAMPLE = Path(__file__).parent / "data" / "samples" / "openclaw-real-2026.9.6-sqlite"
MAIN_SID = "652ec2b5-a571-4e01-80fd-8126d60fa167"
RESET_SEQ = 145


def _items(stdout: str) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in stdout.splitlines()]


def _entry_ids(items: list[dict[str, object]]) -> set[str]:
    ids: set[str] = set()
    for item in items:
        source = item["source"]
        assert isinstance(source, dict)
        ids.update(source["entry_ids"])
    return ids


def test_a_file_era_session_by_its_key(oc: OpenClawFixture) -> None:
    cfg = str(oc.small_config())
    s = oc.session("agent:main:main", "88888888-aaaa-4aaa-8aaa-000000000001")
    s.user("Should we use Caddy instead of nginx for the reverse proxy?")
    s.assistant("I suggest Caddy: automatic TLS, one small config file.", 9_000)
    s.user("Yes, go with Caddy.")
    s.assistant("Done, Caddyfile added.", 9_500)
    oc.store("main", "agent:main:main", sessionId=s.session_id, contextTokens=32768, totalTokens=9_500)
    other = oc.session("agent:main:other", "88888888-aaaa-4aaa-8aaa-000000000002")
    other.user("Remember that the staging host is stage-3.")
    oc.store("main", "agent:main:other", sessionId=other.session_id)

    r = memoryd("extract", "--session", "agent:main:main", "--json", "--config", cfg)
    assert r.returncode == 0, r.stderr
    items = _items(r.stdout)
    assert any(i["kind"] == "decision" and "Caddy" in str(i["text"]) for i in items), items
    assert {i["source"]["session_id"] for i in items} == {s.session_id}  # type: ignore[index]
    assert _entry_ids(items) <= set(s.ids)
    # The same items as the transcript path gives for that file.
    by_path = memoryd("extract", str(s.path), "--json")
    assert by_path.returncode == 0, by_path.stderr
    assert _items(by_path.stdout) == items

    md = memoryd("extract", "--session", "agent:main:main", "--config", cfg)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("## ") and " · agent:main:main · manual" in md.stdout
    assert f"session={s.session_id}" in md.stdout and "Caddy" in md.stdout

    gone = memoryd("extract", "--session", "agent:main:nope", "--config", cfg)
    assert gone.returncode == 2
    assert "'agent:main:nope'" in gone.stderr and "Traceback" not in gone.stderr
    assert not (oc.workspace("main") / "memory").exists()  # a dry run writes nothing


def _sqlite_install(oc: OpenClawFixture) -> tuple[str, Path]:
    oc.write_config(agents=["main", "work"], keepRecentTokens=2000)
    agents = oc.state / "agents"
    shutil.copytree(SQLITE_SAMPLE / "state" / "agents", agents, dirs_exist_ok=True)
    return str(oc.config_path), agents


def _files(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_ino for p in sorted(root.rglob("*")) if p.is_file()}


def _ids_by_seq(db: Path, session_id: str) -> dict[int, str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)  # the copy, never the sample
    try:
        rows = conn.execute(
            "SELECT seq, event_id FROM transcript_event_identities WHERE session_id = ?", (session_id,)
        ).fetchall()
    finally:
        conn.close()
    return {int(seq): str(eid) for seq, eid in rows}


def test_a_sqlite_session_by_its_key_after_a_reset(oc: OpenClawFixture) -> None:
    cfg, agents = _sqlite_install(oc)
    before = _files(agents)
    ids = _ids_by_seq(agents / "main" / "agent" / "openclaw-agent.sqlite", MAIN_SID)
    after_reset = {eid for seq, eid in ids.items() if seq > RESET_SEQ}
    assert after_reset and len(ids) > len(after_reset) + 100  # the reset left the old rows in place

    r = memoryd("extract", "--session", "agent:main:main", "--json", "--config", cfg)
    assert r.returncode == 0, r.stderr
    items = _items(r.stdout)
    assert items
    assert {i["source"]["session_id"] for i in items} == {MAIN_SID}  # type: ignore[index]
    assert _entry_ids(items) <= after_reset  # the current generation only, not the rows before the reset

    md = memoryd("extract", "--session", "agent:main:main", "--config", cfg)
    assert md.returncode == 0, md.stderr
    first, last = ids[RESET_SEQ + 1], ids[max(ids)]
    assert f"session={MAIN_SID} cycle=0 trigger=manual entries={first}..{last}" in md.stdout
    assert " · agent:main:main · manual" in md.stdout

    work = memoryd("extract", "--session", "agent:work:main", "--json", "--config", cfg)
    assert work.returncode == 0, work.stderr
    work_items = _items(work.stdout)
    assert work_items and all(i["source"]["session_id"] != MAIN_SID for i in work_items)  # type: ignore[index]

    deleted = memoryd("extract", "--session", "agent:main:scratch", "--config", cfg)
    assert deleted.returncode == 2
    assert "'agent:main:scratch'" in deleted.stderr and "Traceback" not in deleted.stderr
    assert _files(agents) == before  # nothing created, removed or replaced under agents/
