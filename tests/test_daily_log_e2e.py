"""The daily log is a person's file too: full disks, editors, deleted blocks, with the real daemon."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from datetime import date

import pytest
from daemon_helpers import HANG_GUARD, DaemonProc, assert_valid_events, clean_env, memoryd, wait_for
from openclaw_fixture import OpenClawFixture

from memoryd import client

pytestmark = pytest.mark.slow


def _due_session(oc: OpenClawFixture, sid: str = "aaaaaaaa-0000-4000-8000-000000000001") -> None:
    oc.small_config()
    oc.one_turn(
        sid,
        "Remember that the backup bucket is s3://acme-backups-eu.",
        "Noted: backups go to s3://acme-backups-eu.",
        20_000,
    )


def _types(oc: OpenClawFixture) -> list[str]:
    return [e["type"] for e in oc.events()]


def test_full_disk_fails_cleanly_then_retries_with_no_half_block(oc: OpenClawFixture) -> None:
    _due_session(oc)
    log = oc.workspace("main") / "memory" / f"{date.today().isoformat()}.md"
    log.parent.mkdir(parents=True)
    human = ("- a line a person wrote\n" * 8000) + "- the last line, no newline"
    log.write_text(human)
    limit = len(human.encode()) + 40  # room for a few bytes of the block, not the block

    # Only the soft limit: the test may raise it again later (prlimit) without privileges.
    wrapper = (
        "import os, resource, sys; "
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.RLIM_INFINITY)); "
        "os.execv(sys.executable, [sys.executable, '-m', 'memoryd', 'run', '--config', sys.argv[1]])"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", wrapper, str(oc.config_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    try:
        wait_for(lambda: "memory.flush.failed" in _types(oc), "the failed flush")
        failed = next(e for e in oc.events() if e["type"] == "memory.flush.failed")
        assert failed["data"]["will_retry"] is True
        assert log.read_text() == human  # not one byte of a half block
        resource.prlimit(
            proc.pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY)
        )  # the disk has room again
        wait_for(lambda: "memory.flush.completed" in _types(oc), "the retried flush", timeout=HANG_GUARD)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == 0, err.decode()
    text = log.read_text()
    assert text.startswith(human + "\n\n## ")
    assert text.count("memoryd:flush id=") == 1
    assert _types(oc).count("memory.flush.started") == 1
    assert_valid_events(oc.events())


def test_an_open_editor_makes_memoryd_wait_then_report_a_conflict(oc: OpenClawFixture) -> None:
    _due_session(oc)
    mem = oc.workspace("main") / "memory"
    mem.mkdir(parents=True)
    log = mem / f"{date.today().isoformat()}.md"
    log.write_text("# today\n- typing in vim right now\n")
    swap = mem / f".{log.name}.swp"
    swap.write_bytes(b"vim swap")
    cfg = oc.config_path
    cfg.write_text(cfg.read_text().replace("[daemon]", "[daemon]\neditor_wait_seconds = 1.5"))
    r = memoryd("run", "--once", "--config", str(oc.config_path), timeout=60)
    assert r.returncode == 0, r.stderr
    events = oc.events()
    conflict = next(e for e in events if e["type"] == "memory.conflict")
    assert conflict["data"]["reason"].startswith("editor lock")
    types = [e["type"] for e in events]
    assert types.index("memory.conflict") < types.index("memory.flush.completed")
    assert log.read_text().startswith("# today\n- typing in vim right now\n\n## ")
    assert_valid_events(events)


def _read_up_to(oc: OpenClawFixture) -> int | None:
    """How far the running daemon has read the main session's transcript (its ``status``)."""
    try:
        with client.connect(oc.root / "run" / "memoryd.sock") as conn:
            rows = conn.status()["sessions"]
    except client.DaemonNotRunning:
        return None
    return next((r["transcript_bytes"] for r in rows if r["session_key"] == "agent:main:main"), None)


def test_a_block_a_person_deleted_stays_deleted(oc: OpenClawFixture) -> None:
    _due_session(oc)
    cfg = str(oc.config_path)
    assert memoryd("run", "--once", "--config", cfg).returncode == 0
    ((log_name, text),) = oc.daily_logs().items()
    assert "memoryd:flush id=" in text
    log = oc.workspace("main") / "memory" / log_name
    log.write_text("# I keep my own notes, thanks\n")
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: "daemon.started" in _types(oc), "restart")
        s = oc.sessions[("main", "agent:main:main")]
        s.user("ok")
        s.assistant("ok", 20_500)
        oc.store("main", "agent:main:main", totalTokens=20_500)
        size = s.path.stat().st_size
        wait_for(lambda: _read_up_to(oc) == size, "the daemon to read the new turn")
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    assert log.read_text() == "# I keep my own notes, thanks\n"
    assert _types(oc).count("memory.flush.completed") == 1


def test_the_daily_log_goes_to_the_configured_timezones_day(oc: OpenClawFixture) -> None:
    _due_session(oc)
    cfg = oc.config_path
    cfg.write_text(
        cfg.read_text().replace("[daemon]", '[flush]\ntimezone = "Pacific/Kiritimati"\n\n[daemon]')
    )
    env = clean_env(TZ="Pacific/Pago_Pago")  # 25 hours apart: the two days always differ
    r = memoryd("run", "--once", "--config", str(cfg), env=env)
    assert r.returncode == 0, r.stderr
    from datetime import datetime
    from zoneinfo import ZoneInfo

    kiritimati = datetime.now(ZoneInfo("Pacific/Kiritimati")).date().isoformat()
    assert list(oc.daily_logs()) == [f"{kiritimati}.md"]
    done = next(e for e in oc.events() if e["type"] == "memory.flush.completed")
    assert done["data"]["path"] == f"memory/{kiritimati}.md"


def test_tz_environment_is_honoured_without_a_setting(oc: OpenClawFixture) -> None:
    _due_session(oc)
    r = memoryd("run", "--once", "--config", str(oc.config_path), env=clean_env(TZ="Pacific/Pago_Pago"))
    assert r.returncode == 0, r.stderr
    from datetime import datetime
    from zoneinfo import ZoneInfo

    pago = datetime.now(ZoneInfo("Pacific/Pago_Pago")).date().isoformat()
    assert list(oc.daily_logs()) == [f"{pago}.md"]
