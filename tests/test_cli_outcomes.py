"""What a person sees when something is off, with the real daemon and CLI as subprocesses.

A flush that cannot be written is a failure in every command that touches it; an install whose
sessions memoryd cannot see is a problem, not a silent no-op; a workspace that is gone is reported,
never created; SIGHUP after the config file was removed means the defaults.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from daemon_helpers import HANG_GUARD, DaemonProc, clean_env, memoryd, wait_for
from openclaw_fixture import OpenClawFixture

from memoryd import client

pytestmark = pytest.mark.slow
KEY = "agent:main:main"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


def _due_session(oc: OpenClawFixture, tokens: int = 20_000) -> None:
    """One session past the 32k window's flush point (19,576), with something durable in it."""
    oc.small_config()
    s = oc.session(KEY, "abababab-0000-4000-8000-000000000001")
    s.user("Should the backups go to S3 or to the NAS?")
    s.assistant("I suggest S3 with a 30-day lifecycle rule.", 9_000)
    s.user("Yes, we decided: S3 with a 30-day lifecycle.")
    s.assistant("Done: the bucket has a 30-day lifecycle rule.", tokens)
    oc.store("main", KEY, sessionId=s.session_id, contextTokens=32768, totalTokens=tokens)


def _block_memory_dir(oc: OpenClawFixture) -> Path:
    """memory/ is a file: no write can succeed, for root too."""
    blocker = oc.workspace("main") / "memory"
    blocker.write_text("not a folder\n")
    return blocker


def test_run_once_and_flush_fail_loudly_when_the_block_cannot_be_written(oc: OpenClawFixture) -> None:
    _due_session(oc)
    _block_memory_dir(oc)
    cfg = str(oc.config_path)

    once = memoryd("run", "--once", "--config", cfg)
    assert once.returncode == 1, once.stdout + once.stderr
    assert f"NOT written: {KEY} (threshold" in once.stdout
    assert "File exists" in once.stdout or "Not a directory" in once.stdout
    js = memoryd("run", "--once", "-j", "--config", cfg)
    assert js.returncode == 1
    summary = json.loads(js.stdout)
    assert summary["ok"] is False and summary["failed"][0]["session_key"] == KEY

    st = memoryd("status", "--config", cfg)
    assert st.returncode == 3  # no daemon
    assert f"{KEY}" in st.stdout and "not written after" in st.stdout
    row = json.loads(memoryd("status", "-j", "--config", cfg).stdout)["sessions"][0]
    assert row["pending"] and row["pending"][0]["trigger"] == "threshold"
    assert row["pending"][0]["error"]

    # Offline manual flush: nothing new to flush, but the session's flush is still not written.
    fl = memoryd("flush", KEY, "--config", cfg)
    assert fl.returncode == 1, fl.stdout + fl.stderr
    assert "still not written" in fl.stdout + fl.stderr


def test_flush_through_the_daemon_waits_and_reports_the_failed_write(oc: OpenClawFixture) -> None:
    _due_session(oc, tokens=9_500)  # below the flush point: only the manual flush writes
    _block_memory_dir(oc)
    d = DaemonProc(oc.config_path)
    try:
        wait_for((oc.root / "run" / "memoryd.sock").exists, "the socket")
        wait_for(lambda: any(e["type"] == "session.discovered" for e in oc.events()), "discovery")
        r = memoryd("flush", KEY, "-r", "test", "-j", "--config", str(oc.config_path))
        assert r.returncode == 1, r.stdout + r.stderr
        out = json.loads(r.stdout)
        assert out["outcome"] == "failed" and out["will_retry"] is True
        assert out["path"].startswith(str(oc.workspace("main")))
        human = memoryd("flush", KEY, "--config", str(oc.config_path))
        assert human.returncode == 1
        assert "could not be written" in human.stderr or "still not written" in human.stderr
        st = memoryd("status", "-j", "--config", str(oc.config_path))
        assert st.returncode == 0
        (row,) = json.loads(st.stdout)["sessions"]
        assert row["pending"][0]["flush_id"] == out["flush_id"]
        assert "FileExistsError" in row["pending"][0]["error"]
        assert row["last_error"]["flush_id"] == out["flush_id"]
        text = memoryd("status", "--config", str(oc.config_path)).stdout
        assert f"! {out['flush_id']} (manual, cycle 0) not written after" in text
    finally:
        rc, err = d.stop()
    assert rc == 0, err


def test_no_readable_session_is_a_problem_for_run_once_status_and_the_daemon(oc: OpenClawFixture) -> None:
    oc.small_config()
    s = oc.session(KEY, "cdcdcdcd-0000-4000-8000-000000000001")  # a transcript, but no sessions.json
    s.user("hello")
    cfg = str(oc.config_path)
    once = memoryd("run", "--once", "--config", cfg)
    assert once.returncode == 1
    assert "problem: 1 transcript(s)" in once.stdout
    st = memoryd("status", "--config", cfg)
    assert "PROBLEM: 1 transcript(s)" in st.stdout
    d = DaemonProc(oc.config_path)
    try:
        wait_for((oc.root / "run" / "memoryd.sock").exists, "the socket")
        with client.connect(oc.root / "run" / "memoryd.sock") as conn:
            wait_for(lambda: conn.status()["problem"] is not None, "the problem in status")
    finally:
        rc, err = d.stop()
    assert rc == 0
    assert "daemon.no_sessions" in err


def test_a_state_dir_that_does_not_exist_is_a_problem(oc: OpenClawFixture) -> None:
    oc.config_path.write_text(
        f'[openclaw]\nstate_dir = "{oc.root / "nowhere"}"\n\n[paths]\nstate_dir = "{oc.memoryd_state}"\n'
        f'socket = "{oc.root / "run" / "memoryd.sock"}"\n'
    )
    once = memoryd("run", "--once", "--config", str(oc.config_path))
    assert once.returncode == 1
    assert f"the OpenClaw state dir {oc.root / 'nowhere'} does not exist" in once.stdout


def test_a_workspace_that_is_gone_is_reported_and_not_created(oc: OpenClawFixture) -> None:
    _due_session(oc)
    gone = oc.root / "moved-away" / "workspace"
    with oc.config_path.open("a") as fh:
        fh.write(f'\n[workspaces]\nmain = "{gone}"\n')
    once = memoryd("run", "--once", "--config", str(oc.config_path))
    assert once.returncode == 1
    assert f"the workspace {gone} does not exist" in once.stdout
    assert not (oc.root / "moved-away").exists()
    doc = memoryd("doctor", "--config", str(oc.config_path))
    assert doc.returncode == 1
    assert "the folder does not exist" in doc.stdout
    assert '[workspaces] main = "/path/to/the/workspace"' in doc.stdout


def test_sighup_after_the_config_file_was_removed_loads_the_defaults(oc: OpenClawFixture) -> None:
    _due_session(oc, tokens=9_500)
    env = clean_env(HOME=str(oc.root / "home"), XDG_CONFIG_HOME=str(oc.root / "cfg"))
    d = DaemonProc(oc.config_path, env=env)
    sock = oc.root / "run" / "memoryd.sock"
    try:
        wait_for(sock.exists, "the socket")
        with client.connect(sock) as conn:
            wait_for(lambda: len(conn.status()["sessions"]) == 1, "the session")
        oc.config_path.unlink()
        d.proc.send_signal(signal.SIGHUP)

        def reloaded() -> bool:
            with client.connect(sock) as conn:
                last = conn.status()["daemon"]["last_reload"]
            return last is not None

        wait_for(reloaded, "the reload")
        with client.connect(sock) as conn:
            st = conn.status()
        last = st["daemon"]["last_reload"]
        assert last["ok"] is True and last["config_file"] is None
        assert RFC3339.match(last["time"]), last["time"]
        assert st["daemon"]["config_file"] is None
        assert st["daemon"]["openclaw_state_dirs"] == [str(oc.root / "home" / ".openclaw")]  # the default
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    assert "daemon.config_removed" in err and "reload_failed" not in err


def test_tail_says_when_the_daemon_goes_away(oc: OpenClawFixture) -> None:
    _due_session(oc, tokens=9_500)
    d = DaemonProc(oc.config_path)
    sock = oc.root / "run" / "memoryd.sock"
    wait_for(sock.exists, "the socket")
    tail = subprocess.Popen(
        [sys.executable, "-m", "memoryd", "tail", "--since", "0", "--config", str(oc.config_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
    )
    guard = threading.Timer(HANG_GUARD, tail.kill)  # a hung tail fails the test instead of hanging it
    guard.start()
    try:
        assert tail.stdout is not None and tail.stderr is not None
        assert " daemon.started " in tail.stdout.readline()  # connected and streaming
        rc, err = d.stop()
        assert rc == 0, err
        line = tail.stderr.readline()
        assert line.startswith("memoryd tail: the daemon went away"), line
    finally:
        guard.cancel()
        tail.terminate()
        tail.wait(timeout=30)
        if d.proc.poll() is None:
            d.stop()


def test_an_empty_manual_flush_writes_nothing_to_the_daily_log(oc: OpenClawFixture) -> None:
    oc.small_config()
    s = oc.session(KEY, "efefefef-0000-4000-8000-000000000001")
    s.user("hi")
    s.assistant("Hello!", 1_000)
    oc.store("main", KEY, sessionId=s.session_id, contextTokens=32768, totalTokens=1_000)
    cfg = str(oc.config_path)
    offline = memoryd("flush", KEY, "-j", "--config", cfg)
    assert offline.returncode == 0, offline.stderr
    assert json.loads(offline.stdout)["outcome"] == "nothing_durable"
    d = DaemonProc(oc.config_path)
    try:
        wait_for((oc.root / "run" / "memoryd.sock").exists, "the socket")
        s.user("thanks")
        s.assistant("You're welcome.", 1_100)
        oc.store("main", KEY, totalTokens=1_100)
        live = memoryd("flush", KEY, "--config", cfg)
        assert live.returncode == 0, live.stderr
        assert "nothing durable in what is new since the previous flush" in live.stdout
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    assert oc.daily_logs() == {}  # not even "_Nothing durable since the previous flush._"
    done = [e for e in oc.events() if e["type"] == "memory.flush.completed"]
    assert done and all(e["data"]["bytes"] == 0 and e["data"]["item_count"] == 0 for e in done)
