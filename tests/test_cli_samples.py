"""The real OpenClaw samples as a new user meets them: doctor, the demo's Ctrl-C, service install.

The 2026.7.1 sample's ``openclaw.json`` names workspaces under ``/home/oc/run`` that do not exist
here: a stale path, which doctor must call one (with the ``[workspaces]`` fix), not "writable".
"""

from __future__ import annotations

import io
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from daemon_helpers import HANG_GUARD, clean_env, memoryd

from memoryd import presence, service

REAL = Path(__file__).parent / "data" / "samples" / "openclaw-real-2026.7.1"
SQLITE = Path(__file__).parent / "data" / "samples" / "openclaw-real-2026.9.6-sqlite"


def _config(tmp_path: Path, state: Path) -> Path:
    cfg = tmp_path / "memoryd.toml"
    cfg.write_text(
        f'[openclaw]\nstate_dir = "{state}"\n\n[paths]\nstate_dir = "{tmp_path / "md"}"\n'
        f'socket = "{tmp_path / "run" / "memoryd.sock"}"\n'
    )
    return cfg


@pytest.mark.skipif(Path("/home/oc/run/workspace").exists(), reason="the sample's workspace exists here")
def test_doctor_calls_the_real_samples_workspace_gone_and_names_the_fix(tmp_path: Path) -> None:
    state = tmp_path / "state"
    shutil.copytree(REAL / "state", state)
    r = memoryd("doctor", "--config", str(_config(tmp_path, state)), env=clean_env(HOME=str(tmp_path / "h")))
    assert r.returncode == 1, r.stdout
    lines = r.stdout.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("FAIL  workspace /home/oc/run/workspace "))
    assert "the folder does not exist" in lines[i]
    assert '[workspaces] main = "/path/to/the/workspace"' in lines[i + 1]
    assert "writable" not in r.stdout.split("workspace /home/oc/run/workspace ")[1].split("\n")[0]
    assert not Path("/home/oc/run").exists()  # judged, nothing created


def test_doctor_on_the_sqlite_sample(tmp_path: Path) -> None:
    state = tmp_path / "state"
    shutil.copytree(SQLITE / "state", state)
    r = memoryd("doctor", "--config", str(_config(tmp_path, state)), env=clean_env(HOME=str(tmp_path / "h")))
    fails = [line for line in r.stdout.splitlines() if line.startswith("FAIL") and "SQLite" in line]
    if presence.sqlite_readable():
        assert fails == [], r.stdout
    else:
        assert r.returncode == 1
        assert fails and "sees none of them" in fails[0]


@pytest.mark.slow
def test_ctrl_c_stops_the_demo_and_its_scripted_conversation() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "memoryd", "demo", "--speed", "0.1"],  # a turn every 6 s
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
    )
    assert proc.stdout is not None
    guard = threading.Timer(HANG_GUARD, proc.kill)  # a hung demo fails the test instead of hanging it
    guard.start()
    try:
        for line in proc.stdout:
            if line.startswith("-- OpenClaw: the conversation goes on"):
                break
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=HANG_GUARD)
    finally:
        guard.cancel()
    assert proc.returncode == 130, err
    assert "stopped (SIGINT)" in out
    after = out.split("stopped (SIGINT)")[1]
    assert "user:" not in after and "compacting" not in out  # the script stopped with the daemon
    assert "Traceback" not in err


def test_service_install_says_when_no_user_manager_runs(tmp_path: Path) -> None:
    env = {
        "HOME": str(tmp_path / "h"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_RUNTIME_DIR": str(tmp_path / "rt"),
    }
    run_root = tmp_path / "run"
    (run_root / "systemd" / "system").mkdir(parents=True)
    exe = Path(sys.executable).parent / "memoryd"
    out = io.StringIO()
    assert service.install(env, out, exec_path=str(exe), run_root=run_root) == 0
    assert "note: no systemd user manager is running for you" in out.getvalue()
    assert "loginctl enable-linger" in out.getvalue()

    (tmp_path / "rt" / "systemd").mkdir(parents=True)
    (tmp_path / "rt" / "systemd" / "private").touch()  # where a running user manager listens
    again = io.StringIO()
    assert service.install(env, again, exec_path=str(exe), run_root=run_root) == 0
    assert "note:" not in again.getvalue()

    no_systemd = io.StringIO()
    assert service.install(env, no_systemd, exec_path=str(exe), run_root=tmp_path / "bare") == 0
    assert "not running systemd" in no_systemd.getvalue()
