"""The CLI as a user runs it: status, flush, extract, and bad input, against real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from daemon_helpers import DaemonProc, assert_valid_events, memoryd, wait_for
from openclaw_fixture import OpenClawFixture

pytestmark = pytest.mark.slow


def _small_install(oc: OpenClawFixture) -> str:
    oc.small_config()
    s = oc.session("agent:main:main", "55555555-eeee-4eee-8eee-000000000001")
    s.user("Let's use Caddy instead of nginx for the reverse proxy?")
    s.assistant("I suggest Caddy: automatic TLS, one small config file.", 9_000)
    s.user("Yes, go with Caddy.")
    s.assistant("Done, Caddyfile added.", 9_500)
    oc.store("main", "agent:main:main", sessionId=s.session_id, contextTokens=32768, totalTokens=9_500)
    return str(oc.config_path)


def test_status_and_manual_flush_through_the_running_daemon(oc: OpenClawFixture) -> None:
    cfg = _small_install(oc)
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "session.discovered" for e in oc.events()), "discovery")
        wait_for((oc.root / "run" / "memoryd.sock").exists, "the socket")
        r = memoryd("status", "--json", "--config", cfg)
        assert r.returncode == 0, r.stderr
        st = json.loads(r.stdout)
        assert st["daemon"]["pid"] == d.proc.pid
        (sess,) = st["sessions"]
        assert (sess["session_key"], sess["cycle"], sess["flush_point"], sess["window"]) == (
            "agent:main:main",
            0,
            19_576,
            32_768,
        )
        r = memoryd(
            "flush", "agent:main:main", "--reason", "before a risky refactor", "--json", "--config", cfg
        )
        assert r.returncode == 0, r.stderr
        answer = json.loads(r.stdout)
        assert answer["ok"] and answer["flushed"] and answer["outcome"] == "written"
        r2 = memoryd("flush", "agent:main:main", "--config", cfg)
        assert r2.returncode == 0, r2.stderr
        assert "nothing new since the previous flush" in r2.stdout
        r3 = memoryd("flush", "agent:nope:main", "--config", cfg)
        assert r3.returncode == 2
        human = memoryd("status", "--config", cfg)
        assert "agent:main:main" in human.stdout and "daemon: running" in human.stdout
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    events = oc.events()
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    assert [(e["data"]["trigger"], e["data"]["path"].startswith("memory/")) for e in done] == [
        ("manual", True)
    ]
    started = next(e for e in events if e["type"] == "memory.flush.started")
    assert started["data"]["reason"] == "before a risky refactor"
    log = next(iter(oc.daily_logs().values()))
    assert "Caddy" in log and log.count("memoryd:flush id=") == 1
    assert_valid_events(events)


def test_flush_and_status_without_a_daemon(oc: OpenClawFixture) -> None:
    cfg = _small_install(oc)
    r = memoryd("flush", "agent:main:main", "-j", "--config", cfg)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["flushed"] is True
    r = memoryd("status", "--json", "--config", cfg)
    assert r.returncode == 3  # no daemon, as `systemctl status` says it
    st = json.loads(r.stdout)
    assert st["daemon"] is None and st["sessions"][0]["last_flush"]["trigger"] == "manual"


def test_bad_input_is_reported_and_the_daemon_goes_on(oc: OpenClawFixture) -> None:
    oc.small_config()
    s = oc.session("agent:main:main", "66666666-ffff-4fff-8fff-000000000001")
    s.user("hello")
    oc.store("main", "agent:main:main", sessionId=s.session_id, contextTokens=32768, totalTokens=1_000)
    outside = oc.root / "outside.jsonl"
    outside.write_text('{"type":"session","version":3,"id":"x"}\n')
    oc.store(
        "main", "agent:main:evil", sessionId="77777777-0000-4000-8000-000000000001", sessionFile=str(outside)
    )
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "session.discovered" for e in oc.events()), "discovery")
        with s.path.open("ab") as fh:
            fh.write(
                b'{"type":"message","id":"torn0001","parentId":null,"message":{"role":"us'
            )  # torn: waits
            fh.write(b'er","content":"now whole"}}\n')
            fh.write(b'{"type":"message", "id": broken\n')
            fh.write(b'{"type":"message","id":"bad0utf8","message":{"role":"user","content":"caf\xe9"}}\n')
        (oc.sessions_dir("main") / "sessions.json.123.abc.tmp").write_text(
            "{ half"
        )  # OpenClaw's temp: ignored
        s.user("We decided to keep going.")
        s.assistant("Agreed, we keep going.", 20_000)
        oc.store("main", "agent:main:main", totalTokens=20_000)
        wait_for(
            lambda: any(e["type"] == "memory.flush.completed" for e in oc.events()),
            "a flush despite bad lines",
        )
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    events = oc.events()
    reasons = sorted(e["data"]["reason"] for e in events if e["type"] == "source.error")
    assert reasons == ["invalid_json", "invalid_utf8", "session_file_outside_sessions_dir"]
    assert not (oc.root / "ws-main" / "outside.jsonl").exists()
    assert_valid_events(events)


def test_extract_json_prints_items_with_sources(data_dir: Path) -> None:
    transcript = data_dir / "samples" / "openclaw-real-2026.7.1" / "state" / "agents" / "main" / "sessions"
    path = next(transcript.glob("922e*.jsonl.reset.*"))
    r = memoryd("extract", str(path), "--json")
    assert r.returncode == 0, r.stderr
    items = [orjson.loads(line) for line in r.stdout.splitlines()]
    assert items
    for item in items:
        assert set(item) == {"kind", "text", "source"}
        assert item["source"]["session_id"] == "922e9dd4-79e6-423c-95ae-b296c526c66e"
        assert item["source"]["entry_ids"]
    md = memoryd("extract", str(path))
    assert md.stdout.startswith("## ") and "<!-- memoryd:flush id=fl-dryrun" in md.stdout
    assert memoryd("extract", "/nonexistent.jsonl").returncode == 2


def test_a_bad_line_in_undecoded_history_is_reported_when_a_flush_decodes_it(oc: OpenClawFixture) -> None:
    """A first read passes most of history undecoded; a bad line there is reported once, by the flush."""
    oc.small_config()
    s = oc.session("agent:main:main", "88888888-aaaa-4aaa-8aaa-000000000001")
    s.user("Should we pin the Postgres version?")
    s.assistant("Yes: we decided to pin Postgres 16.", 9_000)
    bad_at = s.path.stat().st_size
    with s.path.open("ab") as fh:  # a tool output with a byte that is not UTF-8: OpenClaw's head, bad body
        fh.write(
            b'{"type":"message","id":"badbody1","parentId":null,"timestamp":"2026-11-21T10:00:09.000Z",'
            b'"message":{"role":"toolResult","content":"caf\xe9"}}\n'
        )
    s.assistant("Pinned in compose.yaml.", 9_500)
    oc.store("main", "agent:main:main", sessionId=s.session_id, contextTokens=32768, totalTokens=9_500)

    assert memoryd("run", "--once", "--config", str(oc.config_path)).returncode == 0
    assert not [e for e in oc.events() if e["type"] == "source.error"]  # passed undecoded: not yet known

    s.user("We decided to keep the nightly export at 02:00.")
    s.assistant("Agreed: the export stays at 02:00.", 20_000)  # past the flush point of 32k
    oc.store("main", "agent:main:main", totalTokens=20_000)
    assert memoryd("run", "--once", "--config", str(oc.config_path)).returncode == 0
    assert memoryd("run", "--once", "--config", str(oc.config_path)).returncode == 0  # nothing new

    events = oc.events()
    errors = [e["data"] for e in events if e["type"] == "source.error"]
    assert [(e["reason"], e["offset"], e["path"]) for e in errors] == [("invalid_utf8", bad_at, str(s.path))]
    assert [e["data"]["trigger"] for e in events if e["type"] == "memory.flush.completed"] == ["threshold"]
    assert "Postgres 16" in "".join(oc.daily_logs().values())
    assert_valid_events(events)
