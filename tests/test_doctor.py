"""``memoryd doctor`` against OpenClaw-shaped temporary folders: what it says, and its exit code."""

from __future__ import annotations

import io
import json
import os
import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openclaw_fixture import OpenClawFixture

from memoryd import doctor, presence, service
from memoryd.config import load_settings

VENV_MEMORYD = Path(sys.executable).parent / "memoryd"


def _env(oc: OpenClawFixture, **extra: str) -> dict[str, str]:
    root = oc.root
    return {
        "HOME": str(root / "home"),
        "USER": "tester",
        "XDG_CONFIG_HOME": str(root / "cfg"),
        "XDG_STATE_HOME": str(root / "state-home"),
        "PATH": "/usr/bin:/bin",
        **extra,
    }


@pytest.fixture
def proc_root(tmp_path: Path) -> Path:
    """Generous inotify limits and no processes: the result must not depend on this machine."""
    limits = tmp_path / "proc" / "sys" / "fs" / "inotify"
    limits.mkdir(parents=True)
    (limits / "max_user_watches").write_text("524288\n")
    (limits / "max_user_instances").write_text("1024\n")
    return tmp_path / "proc"


def _healthy(oc: OpenClawFixture) -> None:
    oc.write_config()
    session = oc.session("agent:main:main", "s1")
    session.user("hello")
    oc.store("main", "agent:main:main", sessionId="s1", totalTokens=10)


def _doctor(
    oc: OpenClawFixture, env: dict[str, str], proc_root: Path, config: Path | None = None
) -> tuple[int, str]:
    out = io.StringIO()
    cfg = str(config or oc.config_path)
    code = doctor.run_doctor(
        lambda: load_settings(cfg, env), env, out, proc_root=proc_root, linger_dir=oc.root / "linger"
    )
    return code, out.getvalue()


def _lines(text: str, tag: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(tag)]


def _fix_after(text: str, needle: str) -> str:
    lines = text.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("FAIL") and needle in line)
    assert lines[i + 1].startswith("      fix: "), text
    return lines[i + 1]


def test_healthy_install_exits_0(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    code, text = _doctor(oc, _env(oc), proc_root)
    assert code == 0, text
    assert not _lines(text, "FAIL")
    assert "ok    agent main: 1 session(s), 1 transcript(s)" in text
    assert f"ok    openclaw.json parsed: {oc.state / 'openclaw.json'}" in text
    assert "ok    session layout: transcript files" in text
    assert f"ok    workspace {oc.workspace('main')} (agent main): writable" in text
    assert "inotify: memoryd watches 1 folder(s) holding 1 transcript(s)" in text
    assert "warn  systemd user unit not installed" in text


def test_installed_unit_with_a_drop_in_for_the_workspace(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    env = _env(oc)
    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD)) == 0

    code, text = _doctor(oc, env, proc_root)
    assert code == 1, text
    fix = _fix_after(text, "under the unit's sandbox memoryd cannot write")
    assert "systemctl --user edit memoryd" in fix
    assert str(oc.workspace("main")) in fix

    dropin = service.unit_dir(env) / "memoryd.service.d" / "paths.conf"
    dropin.parent.mkdir()
    dropin.write_text(f"[Service]\nReadWritePaths=-{oc.root}\n")
    code, text = _doctor(oc, env, proc_root)
    assert code == 0, text
    assert f"ok    ExecStart runs {VENV_MEMORYD}" in text
    assert "ok    the unit's sandbox lets memoryd write" in text
    assert "warn  unit installed but not enabled" in text
    assert "warn  lingering off for tester" in text


def test_a_unit_whose_program_is_gone(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    env = _env(oc)
    unit = service.unit_path(env)
    unit.parent.mkdir(parents=True)
    unit.write_text(service.render_unit())  # %h/.local/bin/memoryd, which this HOME does not have
    code, text = _doctor(oc, env, proc_root)
    assert code == 1
    assert "memoryd service install --force" in _fix_after(text, "not an executable file")


def test_shell_settings_the_service_would_not_see(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    env = _env(oc, MEMORYD_CONFIG=str(oc.config_path))
    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD)) == 0
    _, text = _doctor(oc, env, proc_root)
    assert "warn  set in this shell but not in the service's environment: MEMORYD_CONFIG" in text

    dropin = service.unit_dir(env) / "memoryd.service.d" / "env.conf"
    dropin.parent.mkdir()
    dropin.write_text(f'[Service]\nEnvironment="MEMORYD_CONFIG={oc.config_path}"\n')
    _, text = _doctor(oc, env, proc_root)
    assert "MEMORYD_CONFIG" not in "".join(_lines(text, "warn"))


def test_workspace_that_cannot_be_created_fails_with_a_fix(oc: OpenClawFixture, proc_root: Path) -> None:
    blocker = oc.root / "a-file"
    blocker.write_text("not a folder\n")
    oc.write_config(extra_toml=f'\n[workspaces]\nmain = "{blocker / "ws"}"\n')
    code, text = _doctor(oc, _env(oc), proc_root)
    assert code == 1, text
    fix = _fix_after(text, f"workspace {blocker / 'ws'}")
    assert "[workspaces] main" in fix


@pytest.mark.skipif(os.geteuid() == 0, reason="root bypasses file permissions")
def test_read_only_workspace_fails_with_chmod(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    ws = oc.workspace("main")
    ws.chmod(0o500)
    try:
        code, text = _doctor(oc, _env(oc), proc_root)
    finally:
        ws.chmod(0o700)
    assert code == 1
    assert f"chmod u+rwx {ws}" in _fix_after(text, f"workspace {ws}")


def test_sqlite_layout_without_a_readable_session_is_a_problem(oc: OpenClawFixture, proc_root: Path) -> None:
    oc.write_config()
    db = oc.state / "agents" / "main" / "agent" / "openclaw-agent.sqlite"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"SQLite format 3\0")
    code, text = _doctor(oc, _env(oc), proc_root)
    if presence.sqlite_readable():
        assert code == 0, text
        assert "read by memoryd" in "".join(_lines(text, "ok"))
        return
    assert code == 1, text
    (problem,) = [line for line in _lines(text, "FAIL") if "SQLite" in line]
    assert "agents/main/agent/openclaw-agent.sqlite" in problem
    assert "sees none of them" in problem
    assert "0 problem(s)" not in text


def test_bad_memoryd_config_exits_2(oc: OpenClawFixture, proc_root: Path) -> None:
    bad = oc.root / "bad.toml"
    bad.write_text("[flush]\nlead_tokens = -1\n")
    code, text = _doctor(oc, _env(oc), proc_root, config=bad)
    assert code == 2
    assert text.startswith("FAIL  config:")
    assert "flush.lead_tokens" in text


def test_unparsable_openclaw_json_exits_2(oc: OpenClawFixture, proc_root: Path) -> None:
    oc.write_config()
    (oc.state / "openclaw.json").write_text("{ agents: ")
    code, text = _doctor(oc, _env(oc), proc_root)
    assert code == 2
    assert "openclaw.json" in text


def test_missing_openclaw_state_fails(oc: OpenClawFixture, proc_root: Path) -> None:
    oc.config_path.write_text(f'[openclaw]\nstate_dirs = ["{oc.root / "nowhere"}"]\n')
    code, text = _doctor(oc, _env(oc), proc_root)
    assert code == 1
    assert "OPENCLAW_STATE_DIR" in _fix_after(text, "OpenClaw state dir not found")


def test_inotify_limit_too_low(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    (proc_root / "sys" / "fs" / "inotify" / "max_user_watches").write_text("0\n")
    code, text = _doctor(oc, _env(oc), proc_root)
    assert code == 1
    assert "fs.inotify.max_user_watches" in _fix_after(text, "inotify:")


def test_socket_path_too_long(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    config = _config_with_socket(oc, oc.root / ("x" * 120) / "memoryd.sock")
    code, out = _doctor(oc, _env(oc), proc_root, config=config)
    assert code == 1
    assert "[paths] socket" in _fix_after(out, "socket path is")


@pytest.fixture
def short_socket_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="mdd-") as folder:
        os.chmod(folder, 0o700)
        yield Path(folder)


def _serve_once(path: Path, answer: bytes | None) -> threading.Thread:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(1)

    def serve() -> None:
        with listener:
            conn, _ = listener.accept()
            with conn:
                conn.recv(1024)
                if answer is not None:
                    conn.sendall(answer)
                else:
                    conn.recv(1024)  # hold the line until the client gives up

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


def _config_with_socket(oc: OpenClawFixture, sock: Path) -> Path:
    config = oc.root / "sock.toml"
    config.write_text(
        oc.config_path.read_text().replace(
            f'socket = "{oc.root / "run" / "memoryd.sock"}"', f'socket = "{sock}"'
        )
    )
    return config


def test_a_running_daemon_is_asked_for_its_status(
    oc: OpenClawFixture, proc_root: Path, short_socket_dir: Path
) -> None:
    _healthy(oc)
    sock = short_socket_dir / "memoryd.sock"
    status = {"type": "status", "daemon": {"pid": 4242, "watcher": "ok"}, "sessions": []}
    thread = _serve_once(sock, json.dumps(status).encode() + b"\n")
    code, text = _doctor(oc, _env(oc), proc_root, config=_config_with_socket(oc, sock))
    thread.join(10)
    assert code == 0, text
    assert f"ok    daemon answers on {sock}: pid 4242, watcher ok" in text


def test_a_daemon_that_does_not_answer_fails(
    oc: OpenClawFixture, proc_root: Path, short_socket_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doctor, "DAEMON_TIMEOUT", 0.05)
    _healthy(oc)
    sock = short_socket_dir / "memoryd.sock"
    thread = _serve_once(sock, None)
    code, text = _doctor(oc, _env(oc), proc_root, config=_config_with_socket(oc, sock))
    thread.join(10)
    assert code == 1
    assert "systemctl --user restart memoryd" in _fix_after(text, "gave no status answer")


def test_a_stale_socket_is_only_a_warning(
    oc: OpenClawFixture, proc_root: Path, short_socket_dir: Path
) -> None:
    _healthy(oc)
    sock = short_socket_dir / "memoryd.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.bind(str(sock))  # bound, never listening: what a crashed daemon leaves behind
    code, text = _doctor(oc, _env(oc), proc_root, config=_config_with_socket(oc, sock))
    assert code == 0, text
    assert f"warn  no daemon answers on {sock}" in text


def test_default_state_and_socket_need_no_drop_in(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    config = oc.root / "plain.toml"
    config.write_text(f'[openclaw]\nstate_dirs = ["{oc.state}"]\n')
    env = _env(oc, XDG_RUNTIME_DIR=str(oc.root / "xdg-run"))
    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD)) == 0
    dropin = service.unit_dir(env) / "memoryd.service.d" / "ws.conf"
    dropin.parent.mkdir()
    dropin.write_text(f"[Service]\nReadWritePaths={oc.workspace('main')}\n")
    code, text = _doctor(oc, env, proc_root, config=config)
    assert code == 0, text
    assert "ok    the unit's sandbox lets memoryd write" in text
    assert "XDG_RUNTIME_DIR" not in text


def test_service_state_elsewhere_is_pointed_out(oc: OpenClawFixture, proc_root: Path) -> None:
    _healthy(oc)
    env = _env(oc)
    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD)) == 0
    service_state = oc.root / "cfg" / "memoryd"  # StateDirectory= of a user unit on systemd 252
    service_state.mkdir()
    (service_state / "events.ndjson").write_text("")
    _, text = _doctor(oc, env, proc_root)
    assert f"warn  the service keeps its state in {service_state}" in text
    assert f'[paths] state_dir = "{service_state}"' in text
    assert "warn  no $XDG_RUNTIME_DIR in this shell" not in text  # the config names its own socket
