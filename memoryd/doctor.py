"""``memoryd doctor``: what memoryd would find, and what stops it from working, with the fix for each.

Every check prints ``ok``, ``warn`` or ``FAIL`` and, for the last two, one ``fix:`` line a person can
act on. Nothing is created or changed: writability is judged with ``os.access`` on the nearest folder
that exists. Exit code: 0 when nothing FAILs, 1 otherwise, 2 when the configuration itself is bad.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import pwd
import shlex
import socket
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from memoryd import presence
from memoryd.config import ConfigError, Settings, default_socket_path, default_state_dir
from memoryd.service import UNIT_NAME, unit_dir, unit_path
from memoryd.sources.openclaw_config import OpenClawConfigError, config_path_for, read_openclaw_json

SOCKET_PATH_MAX = 108  # sizeof(sockaddr_un.sun_path) on Linux, NUL included
DAEMON_TIMEOUT = 2.0
WATCH_HEADROOM = 1000
SQLITE_GLOB = presence.SQLITE_GLOB
# Settings a shell may have that a systemd user service does not inherit.
FORWARDED_ENV = (
    "OPENCLAW_STATE_DIR",
    "OPENCLAW_HOME",
    "OPENCLAW_PROFILE",
    "OPENCLAW_CONFIG_PATH",
    "OPENCLAW_WORKSPACE_DIR",
    "MEMORYD_CONFIG",
)
_SYSCTL_FIX = "echo 'fs.inotify.{key} = {value}' | sudo tee /etc/sysctl.d/60-memoryd-inotify.conf && sudo sysctl --system"


class Report:
    """Prints each finding as it is made and counts the problems."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.failures = 0
        self.warnings = 0

    def ok(self, what: str) -> None:
        self.out.write(f"ok    {what}\n")

    def warn(self, what: str, fix: str) -> None:
        self.warnings += 1
        self.out.write(f"warn  {what}\n      fix: {fix}\n")

    def fail(self, what: str, fix: str) -> None:
        self.failures += 1
        self.out.write(f"FAIL  {what}\n      fix: {fix}\n")


def run_doctor(
    settings_loader: Callable[[], Settings],
    env: Mapping[str, str],
    out: TextIO,
    *,
    proc_root: Path = Path("/proc"),
    linger_dir: Path = Path("/var/lib/systemd/linger"),
) -> int:
    """Run every check; 0 if nothing FAILed, 1 if something did, 2 for a bad configuration."""
    try:
        settings = settings_loader()
    except ConfigError as exc:
        out.write(
            f"FAIL  config: {exc}\n"
            "      fix: correct the key or path named above, or run without --config/$MEMORYD_CONFIG "
            "to use OpenClaw's own settings\n"
        )
        return 2
    report = Report(out)
    _check_config(report, settings)
    for state_dir in settings.openclaw_state_dirs:
        _check_openclaw_state(report, state_dir, env)
    readable = _check_agents(report, settings)
    _check_seen(report, settings, readable)
    _check_workspaces(report, settings)
    _check_own_paths(report, settings)
    daemon = _check_daemon(report, settings.socket_path)
    _check_inotify(report, settings, proc_root, daemon_running=daemon is not None)
    _check_unit(report, settings, env, linger_dir)
    verdict = "memoryd should work" if not report.failures else "memoryd cannot work as set up"
    out.write(f"\n{report.failures} problem(s), {report.warnings} warning(s): {verdict}\n")
    return 1 if report.failures else 0


# -- OpenClaw -----------------------------------------------------------------------------------------
def _check_config(report: Report, settings: Settings) -> None:
    if settings.config_file is not None:
        report.ok(f"memoryd config: {settings.config_file}")
    else:
        report.ok("memoryd config: none (OpenClaw's own settings only)")


def _check_openclaw_state(report: Report, state_dir: Path, env: Mapping[str, str]) -> None:
    if not state_dir.is_dir():
        report.fail(
            f"OpenClaw state dir not found: {state_dir}",
            "run OpenClaw once, or point memoryd at it: OPENCLAW_STATE_DIR=... or [openclaw] state_dir in the config",
        )
        return
    if not os.access(state_dir, os.R_OK | os.X_OK):
        report.fail(f"OpenClaw state dir not readable: {state_dir}", f"chmod u+rx {state_dir}")
        return
    report.ok(f"OpenClaw state dir: {state_dir}")
    cpath = config_path_for(state_dir, env)
    if not cpath.exists():
        report.ok(f"no {cpath.name} at {cpath}: OpenClaw's defaults apply")
    else:
        try:
            read_openclaw_json(cpath)
        except OpenClawConfigError as exc:
            report.fail(
                f"openclaw.json: {exc}", f"fix the file ({cpath}); `openclaw doctor` can check it too"
            )
        else:
            report.ok(f"openclaw.json parsed: {cpath}")
    _check_layout(report, state_dir)


def _check_layout(report: Report, state_dir: Path) -> None:
    """OpenClaw >= 2026.8 keeps sessions in SQLite: say which layout this install has."""
    sqlite = sorted(state_dir.glob(SQLITE_GLOB))
    if not sqlite:
        report.ok("session layout: transcript files (OpenClaw <= 2026.7)")
        return
    where = sqlite[0].relative_to(state_dir)
    if presence.sqlite_readable():
        report.ok(f"session layout: SQLite (OpenClaw >= 2026.8, {where}), read by memoryd")
        return
    if any(state_dir.glob("agents/*/sessions/*.jsonl")):
        # Sessions in both layouts: the files are read, the SQLite ones are not (counted below if
        # memoryd sees none at all).
        report.warn(
            f"OpenClaw >= 2026.8 layout: sessions are kept in SQLite ({where}), "
            "which memoryd does not read yet; it sees only the transcript files",
            "memoryd only sees transcript files (agents/<id>/sessions/*.jsonl): stay on OpenClaw 2026.7.x "
            "for memoryd to save memory, or upgrade memoryd to a release that reads SQLite",
        )
    else:
        report.ok(f"session layout: SQLite (OpenClaw >= 2026.8, {where})")


@dataclass(frozen=True, slots=True)
class _SessionCounts:
    keys: int | None  # entries in sessions.json; None when unreadable
    transcripts: int


def _count_sessions(sessions_dir: Path) -> _SessionCounts:
    transcripts = sum(
        1 for p in sessions_dir.glob("*.jsonl") if not p.name.endswith(".trajectory.jsonl") and p.is_file()
    )
    keys: int | None = 0
    store = sessions_dir / "sessions.json"
    if store.exists():
        try:
            data = json.loads(store.read_bytes())
            keys = len(data) if isinstance(data, dict) else None
        except (OSError, ValueError):
            keys = None
    return _SessionCounts(keys, transcripts)


def _check_agents(report: Report, settings: Settings) -> int:
    """One line per agent; returns how many sessions memoryd can read in the file layout."""
    readable = 0
    for agent in settings.agents:
        sdir = agent.sessions_dir
        label = f"agent {agent.agent_id}"
        if not sdir.is_dir():
            report.warn(
                f"{label}: no sessions folder yet ({sdir})",
                "talk to this agent in OpenClaw once; memoryd picks the folder up when it appears",
            )
            continue
        if not os.access(sdir, os.R_OK | os.X_OK):
            report.fail(f"{label}: cannot read {sdir}", f"chmod u+rx {sdir}")
            continue
        counts = _count_sessions(sdir)
        if counts.keys is None:
            report.warn(
                f"{label}: {sdir / 'sessions.json'} is not a readable JSON object ({counts.transcripts} transcripts)",
                "OpenClaw rewrites it on its next turn; if this persists, check the file by hand",
            )
        else:
            readable += counts.keys
            report.ok(f"{label}: {counts.keys} session(s), {counts.transcripts} transcript(s) in {sdir}")
    return readable


def _check_seen(report: Report, settings: Settings, readable: int) -> None:
    """No session memoryd can read, on an install that has some: a problem, not a footnote."""
    found = [presence.scan(d) for d in settings.openclaw_state_dirs if d.is_dir()]  # missing: FAILed above
    sqlite = presence.sqlite_readable()
    if sqlite:
        readable += sum(len(f.sqlite_stores) for f in found)
    problem = presence.unseen_sessions(found, readable, sqlite=sqlite)
    if problem is None:
        if readable == 0 and len(found) == len(settings.openclaw_state_dirs):
            report.warn(
                "memoryd sees no session yet (a fresh install?)",
                "talk to an agent in OpenClaw once; memoryd picks its sessions up as they appear",
            )
        return
    if "SQLite" in problem and not sqlite:
        fix = (
            "stay on OpenClaw 2026.7.x (transcript files), or upgrade memoryd to a release that reads SQLite"
        )
    else:
        fix = (
            "check agents/<id>/sessions/sessions.json (OpenClaw rewrites it on its next turn), "
            "or point memoryd at the right install: [openclaw] state_dir in memoryd's config"
        )
    report.fail(problem, fix)


# -- writable places ----------------------------------------------------------------------------------
def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path("/")


def _creatable(path: Path) -> tuple[bool, Path, str]:
    """Could we make ``path`` (a folder) and write in it? Judged on what exists, creating nothing."""
    if path.exists():
        if not path.is_dir():
            return False, path, "is not a folder"
        return os.access(path, os.W_OK | os.X_OK), path, "is not writable by you"
    base = _nearest_existing(path)
    if not base.is_dir():
        return False, base, f"cannot be created: {base} is not a folder"
    if not os.access(base, os.W_OK | os.X_OK):
        return False, base, f"cannot be created: {base} is not writable by you"
    return True, base, ""


def _config_hint(settings: Settings) -> str:
    return f" ({settings.config_file})" if settings.config_file else " (~/.config/memoryd/config.toml)"


def _check_workspaces(report: Report, settings: Settings) -> None:
    by_ws: dict[Path, list[str]] = {}
    for agent in settings.agents:
        by_ws.setdefault(agent.workspace, []).append(agent.agent_id)
    for ws, ids in by_ws.items():
        label = f"workspace {ws} (agent {', '.join(ids)})"
        set_it = (
            f'[workspaces] {ids[0]} = "/path/to/the/workspace" in memoryd\'s config{_config_hint(settings)}'
        )
        if not ws.exists():
            # OpenClaw creates its workspaces; one that is gone is a stale path (openclaw.json names a
            # folder that was moved or deleted), and memoryd never creates it.
            report.fail(
                f"{label}: the folder does not exist, so no flush can be written there "
                "(memoryd does not create a workspace)",
                f"{set_it}, or fix the agent's workspace in openclaw.json",
            )
            continue
        if not ws.is_dir():
            report.fail(f"{label}: is not a folder", set_it)
            continue
        memory = ws / "memory"
        ok, where, why = _creatable(memory)
        if ok:
            note = "" if memory.exists() else " (memory/ will be created on the first flush)"
            report.ok(f"{label}: writable{note}")
            continue
        fix = f"chmod u+rwx {where}" if "writable" in why else set_it
        report.fail(f"{label}: {where if where != memory else 'memory/'} {why}", fix)


def _check_own_paths(report: Report, settings: Settings) -> None:
    for what, folder in (("state dir", settings.state_dir), ("event log folder", settings.event_log.parent)):
        if what == "event log folder" and folder == settings.state_dir:
            continue
        ok, where, why = _creatable(folder)
        if ok:
            report.ok(f"memoryd {what}: {folder}{'' if folder.exists() else ' (will be created)'}")
        else:
            report.fail(
                f"memoryd {what} {folder}: {where} {why}",
                f"chmod u+rwx {where}, or set [paths] in the config",
            )
    _check_socket_path(report, settings.socket_path)


def _check_socket_path(report: Report, path: Path) -> None:
    size = len(os.fsencode(str(path)))
    if size >= SOCKET_PATH_MAX:
        report.fail(
            f"socket path is {size} bytes, Unix sockets allow {SOCKET_PATH_MAX - 1}: {path}",
            'set a shorter one: [paths] socket = "/run/user/<uid>/memoryd/memoryd.sock" in the config',
        )
        return
    folder = path.parent
    if not folder.exists():
        ok, where, why = _creatable(folder)
        if ok:
            report.ok(f"socket: {path} (its folder will be created, mode 0700)")
        else:
            report.fail(f"socket folder {folder}: {where} {why}", "set [paths] socket to a folder of yours")
        return
    problem = _private_folder_problem(folder)
    if problem:
        report.fail(f"socket folder {folder}: {problem[0]}", problem[1])
    else:
        report.ok(f"socket: {path}")


def _private_folder_problem(folder: Path) -> tuple[str, str] | None:
    """The socket server's rules: the folder is ours and private, its parent cannot swap it."""
    st = os.stat(folder)
    if not stat.S_ISDIR(st.st_mode):
        return "is not a folder", "remove it or set [paths] socket elsewhere"
    if st.st_uid != os.geteuid():
        return f"belongs to uid {st.st_uid}, not to you", f"remove {folder} or set [paths] socket elsewhere"
    if st.st_mode & 0o022:
        return f"is writable by group or others (mode {stat.S_IMODE(st.st_mode):o})", f"chmod 700 {folder}"
    pst = os.stat(folder.parent)
    if pst.st_uid not in (0, os.geteuid()) or (pst.st_mode & 0o022 and not pst.st_mode & stat.S_ISVTX):
        return (
            f"its parent {folder.parent} can be changed by others",
            "set [paths] socket in a private folder",
        )
    return None


def _check_daemon(report: Report, path: Path) -> dict[str, Any] | None:
    """Ask a running daemon for its status (2 s); its answer, or None when nobody answers."""
    if not path.exists():
        report.warn(
            f"no daemon is running (no socket at {path})",
            "systemctl --user start memoryd   (or run `memoryd run` in a terminal)",
        )
        return None
    try:
        answer = _ask_status(path)
    except (ConnectionRefusedError, FileNotFoundError):
        report.warn(
            f"no daemon answers on {path} (a stale socket from a stopped daemon)",
            "systemctl --user start memoryd; the daemon removes the stale socket itself",
        )
        return None
    except (TimeoutError, OSError, ValueError) as exc:
        report.fail(
            f"something listens on {path} but gave no status answer within {DAEMON_TIMEOUT:g} s ({exc})",
            "systemctl --user restart memoryd, then look at: journalctl --user -u memoryd",
        )
        return None
    raw = answer.get("daemon")
    info: dict[str, Any] = raw if isinstance(raw, dict) else {}
    watcher = str(info.get("watcher", "?"))
    what = f"daemon answers on {path}: pid {info.get('pid', '?')}, watcher {watcher}"
    if watcher == "ok":
        report.ok(what)
    else:
        report.warn(what, "see journalctl --user -u memoryd; the inotify limits below are the usual cause")
    return answer


def _ask_status(path: Path) -> dict[str, Any]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(DAEMON_TIMEOUT)
        sock.connect(str(path))
        sock.sendall(b'{"op":"status"}\n')
        buf = b""
        while b"\n" not in buf:
            chunk = sock.recv(65536)
            if not chunk:
                break
            buf += chunk
    answer = json.loads(buf.split(b"\n", 1)[0])
    if not isinstance(answer, dict):
        raise ValueError("the answer is not a JSON object")
    return answer


# -- inotify ------------------------------------------------------------------------------------------
def _read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _inotify_usage(proc_root: Path) -> tuple[int, int] | None:
    """(watches, instances) held by this user's processes, from ``/proc/*/fdinfo``; None if unknown."""
    uid = os.getuid()
    watches = instances = 0
    try:
        pids = [p for p in proc_root.iterdir() if p.name.isdigit()]
    except OSError:
        return None
    for pid in pids:
        try:
            if pid.stat().st_uid != uid:
                continue
            fds = list((pid / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            with contextlib.suppress(OSError):
                if os.readlink(fd) != "anon_inode:inotify":
                    continue
                instances += 1
                info = (pid / "fdinfo" / fd.name).read_text()
                watches += sum(1 for line in info.splitlines() if line.startswith("inotify wd:"))
    return watches, instances


def _check_inotify(report: Report, settings: Settings, proc_root: Path, *, daemon_running: bool) -> None:
    folders = [a.sessions_dir for a in settings.agents if a.sessions_dir.is_dir()]
    files = sum(_count_sessions(d).transcripts for d in folders)
    limits = proc_root / "sys" / "fs" / "inotify"
    max_watches = _read_int(limits / "max_user_watches")
    max_instances = _read_int(limits / "max_user_instances")
    if max_watches is None or max_instances is None:
        report.warn(
            f"cannot read the inotify limits in {limits}",
            "memoryd falls back to rescanning every few seconds; check that the kernel has inotify",
        )
        return
    need = len(folders)  # one watch per sessions folder (not recursive); files need none of their own
    usage = _inotify_usage(proc_root)
    used_txt = f", in use by your processes: {usage[0]} watches / {usage[1]} instances" if usage else ""
    what = (
        f"inotify: memoryd watches {need} folder(s) holding {files} transcript(s); "
        f"limits {max_watches} watches / {max_instances} instances{used_txt}"
    )
    if max_watches < need or max_instances < 1:
        report.fail(what, _SYSCTL_FIX.format(key="max_user_watches", value=524288))
        return
    if usage is None or daemon_running:  # a running daemon already holds what it needs
        report.ok(what)
        return
    free_watches, free_instances = max_watches - usage[0], max_instances - usage[1]
    if free_instances < 1:
        report.fail(
            f"{what}: no inotify instance left", _SYSCTL_FIX.format(key="max_user_instances", value=1024)
        )
    elif free_watches < need:
        report.fail(
            f"{what}: not enough watches left", _SYSCTL_FIX.format(key="max_user_watches", value=524288)
        )
    elif free_watches < need + WATCH_HEADROOM:
        report.warn(
            f"{what}: little headroom (OpenClaw, editors and others share the limit)",
            _SYSCTL_FIX.format(key="max_user_watches", value=524288),
        )
    else:
        report.ok(what)


# -- the systemd unit ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _UnitView:
    text: str  # the unit and its drop-ins, in the order systemd reads them
    exec_start: str | None
    rw_paths: tuple[Path, ...]
    env_names: frozenset[str]


def _home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or Path.home())


def _expand_specifiers(value: str, home: Path) -> str:
    return value.replace("%%", "\0").replace("%h", str(home)).replace("\0", "%")


def _assignments(text: str) -> Iterable[tuple[str, str]]:
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;[" or "=" not in line:
            continue
        key, _, value = line.partition("=")
        yield key.strip(), value.strip()


def _env_names_in(text: str) -> set[str]:
    """``NAME`` of every ``NAME=value`` in an environment file or an ``Environment=`` value."""
    names: set[str] = set()
    for raw in text.splitlines():
        try:
            words = shlex.split(raw, comments=True)
        except ValueError:
            continue
        names.update(w.partition("=")[0] for w in words if "=" in w)
    return names


def _read_unit(path: Path, env: Mapping[str, str]) -> _UnitView:
    home = _home(env)
    texts = [path.read_text(encoding="utf-8", errors="replace")]
    dropins = path.parent / f"{UNIT_NAME}.d"
    with contextlib.suppress(OSError):
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(dropins.glob("*.conf"))]
    exec_start: str | None = None
    rw: list[Path] = []
    names: set[str] = set()
    for key, value in _assignments("\n".join(texts)):
        if key == "ExecStart":
            exec_start = value or None
        elif key == "ReadWritePaths":
            if not value:
                rw.clear()
            rw += [Path(_expand_specifiers(w.lstrip("-+"), home)) for w in value.split()]
        elif key == "Environment":
            names |= _env_names_in(value)
        elif key == "EnvironmentFile":
            with contextlib.suppress(OSError):
                names |= _env_names_in(Path(_expand_specifiers(value.lstrip("-"), home)).read_text())
    return _UnitView("\n".join(texts), exec_start, tuple(rw), frozenset(names))


def _check_unit(report: Report, settings: Settings, env: Mapping[str, str], linger_dir: Path) -> None:
    path = unit_path(env)
    if not path.is_file():
        report.warn(f"systemd user unit not installed ({path})", "memoryd service install")
        return
    try:
        view = _read_unit(path, env)
    except OSError as exc:
        report.fail(f"cannot read {path}: {exc.strerror}", f"chmod u+r {path}")
        return
    report.ok(f"systemd user unit: {path}")
    _check_exec_start(report, view, env)
    wants = unit_dir(env) / "default.target.wants" / UNIT_NAME
    if wants.is_symlink() or wants.exists():
        report.ok("unit enabled (starts with your user session)")
    else:
        report.warn(
            "unit installed but not enabled",
            "systemctl --user daemon-reload && systemctl --user enable --now memoryd",
        )
    user = _user_name(env)
    if (linger_dir / user).exists():
        report.ok(f"lingering on for {user}: memoryd keeps running after you log out")
    else:
        report.warn(
            f"lingering off for {user}: memoryd stops when your last session ends",
            "loginctl enable-linger $USER",
        )
    _check_sandbox(report, settings, view, env)
    _check_llm_network(report, settings, view)
    _check_state_agreement(report, settings, env)
    if not env.get("XDG_RUNTIME_DIR") and settings.socket_path == default_socket_path(env):
        report.warn(
            f"no $XDG_RUNTIME_DIR in this shell: commands look for the daemon at {settings.socket_path}, "
            "the service listens in /run/user/<uid>/memoryd/",
            "export XDG_RUNTIME_DIR=/run/user/$(id -u)   (a login session sets it)",
        )
    _check_forwarded_env(report, view, env)


def _check_exec_start(report: Report, view: _UnitView, env: Mapping[str, str]) -> None:
    if view.exec_start is None:
        report.fail("the unit has no ExecStart=", "memoryd service install --force")
        return
    try:
        program = _expand_specifiers(shlex.split(view.exec_start.lstrip("-@:+!"))[0], _home(env))
    except (ValueError, IndexError):
        report.fail(f"cannot read ExecStart={view.exec_start}", "memoryd service install --force")
        return
    if os.path.isabs(program) and os.access(program, os.X_OK) and os.path.isfile(program):
        report.ok(f"ExecStart runs {program}")
    else:
        report.fail(
            f"ExecStart runs {program}, which is not an executable file",
            "memoryd service install --force   (writes the path of the memoryd you run it with)",
        )


def _user_name(env: Mapping[str, str]) -> str:
    if env.get("USER"):
        return env["USER"]
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return str(os.getuid())


def _inside(path: Path, roots: Iterable[Path]) -> bool:
    real = Path(os.path.realpath(path))
    for root in roots:
        base = Path(os.path.realpath(root))
        if real == base or base in real.parents:
            return True
    return False


def _service_state_dirs(env: Mapping[str, str]) -> list[Path]:
    """Where ``StateDirectory=memoryd`` of a user unit lands: systemd 252 documents
    ``$XDG_CONFIG_HOME``, newer releases use ``$XDG_STATE_HOME``."""
    home = _home(env)
    return [
        Path(env.get("XDG_STATE_HOME") or home / ".local" / "state") / "memoryd",
        Path(env.get("XDG_CONFIG_HOME") or home / ".config") / "memoryd",
    ]


def _check_state_agreement(report: Report, settings: Settings, env: Mapping[str, str]) -> None:
    """The service and commands run from a shell must read the same event log and checkpoints."""
    mine = Path(os.path.realpath(settings.state_dir))
    for folder in _service_state_dirs(env):
        used = (folder / "events.ndjson").exists() or (folder / "checkpoint.json").exists()
        if used and Path(os.path.realpath(folder)) != mine:
            report.warn(
                f"the service keeps its state in {folder} (systemd's StateDirectory=), "
                f"commands run from this shell read {settings.state_dir}",
                f'set [paths] state_dir = "{folder}" in memoryd\'s config so both use one folder',
            )
            return


def _check_sandbox(report: Report, settings: Settings, view: _UnitView, env: Mapping[str, str]) -> None:
    """Under ProtectSystem=strict only the unit's writable paths are writable: say which are missing."""
    if "ProtectSystem=strict" not in view.text:
        return
    roots = [*view.rw_paths, *_service_state_dirs(env)]
    if env.get("XDG_RUNTIME_DIR"):
        roots.append(Path(env["XDG_RUNTIME_DIR"]) / "memoryd")
    needed = [a.workspace for a in settings.agents]
    # Default state and socket paths become $STATE_DIRECTORY / $RUNTIME_DIRECTORY under the unit:
    # only paths the config sets itself need a ReadWritePaths= of their own.
    if settings.state_dir != default_state_dir(env):
        needed.append(settings.state_dir)
    if settings.event_log != settings.state_dir / "events.ndjson":
        needed.append(settings.event_log.parent)
    if settings.socket_path != default_socket_path(env):
        needed.append(settings.socket_path.parent)
    missing = sorted({str(p) for p in needed if not _inside(p, roots)})
    if not missing:
        report.ok("the unit's sandbox lets memoryd write every workspace and its own state")
        return
    report.fail(
        f"under the unit's sandbox memoryd cannot write: {', '.join(missing)}",
        f"systemctl --user edit memoryd, add: [Service] ReadWritePaths={' '.join(missing)}",
    )


def _check_forwarded_env(report: Report, view: _UnitView, env: Mapping[str, str]) -> None:
    """A variable set in this shell that the service would not see makes it find another install."""
    known = set(view.env_names)
    env_d = Path(env.get("XDG_CONFIG_HOME") or _home(env) / ".config") / "environment.d"
    with contextlib.suppress(OSError):
        for conf in sorted(env_d.glob("*.conf")):
            known |= _env_names_in(conf.read_text(errors="replace"))
    lost = [name for name in FORWARDED_ENV if env.get(name) and name not in known]
    if lost:
        assigns = " ".join(f"{name}={shlex.quote(env[name])}" for name in lost)
        report.warn(
            f"set in this shell but not in the service's environment: {', '.join(lost)}",
            f"systemctl --user edit memoryd, add: [Service] Environment={assigns}",
        )


_TRUE = {"yes", "true", "on", "1"}
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def network_blocks(unit_text: str, host: str) -> list[str]:
    """The unit's settings (drop-ins included, in order) that stop a TCP connection to ``host``."""
    private = False
    families: set[str] | None = None  # None: no restriction
    deny_families: set[str] = set()
    deny: set[str] = set()
    allow: set[str] = set()
    for key, value in _assignments(unit_text):
        words = value.split()
        if key == "PrivateNetwork":
            private = value.lower() in _TRUE
        elif key == "RestrictAddressFamilies":
            if not words:
                families, deny_families = None, set()
            elif words[0].startswith("~"):
                deny_families |= {words[0][1:], *words[1:]}
            else:
                families = (families or set()) | set(words)
        elif key == "IPAddressDeny":
            deny = deny | set(words) if words else set()
        elif key == "IPAddressAllow":
            allow = allow | set(words) if words else set()
    family = "AF_INET6" if ":" in host else "AF_INET"
    found: list[str] = []
    if private:
        found.append("PrivateNetwork=yes")
    if (families is not None and family not in families) or family in deny_families:
        found.append(f"RestrictAddressFamilies= without {family}")
    if deny and not _ip_allowed(host, allow):
        found.append(f"IPAddressDeny={' '.join(sorted(deny))}")
    return found


def _ip_allowed(host: str, allow: set[str]) -> bool:
    if "any" in allow:
        return True
    try:
        addr = ipaddress.ip_address("127.0.0.1" if host.lower() in _LOOPBACK_NAMES else host)
    except ValueError:
        return False  # a name: its addresses are not known without a lookup
    for word in allow:
        if word == "localhost" and addr.is_loopback:
            return True
        with contextlib.suppress(ValueError):
            if addr in ipaddress.ip_network(word, strict=False):
                return True
    return False


def llm_dropin(host: str) -> str:
    """The drop-in that opens the unit's sandbox for the LLM endpoint, and nothing else."""
    try:
        is_loopback = host.lower() in _LOOPBACK_NAMES or ipaddress.ip_address(host).is_loopback
    except ValueError:
        is_loopback = False
    allow = "localhost" if is_loopback else (host if _is_ip(host) else "<the server's IP address>")
    return (
        "[Service] PrivateNetwork=no  RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6  "
        f"IPAddressAllow={allow}   (IPAddressDeny=any stays: only that address opens)"
    )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _check_llm_network(report: Report, settings: Settings, view: _UnitView) -> None:
    """The optional LLM extractor talks TCP; the unit's sandbox allows no network by default."""
    if settings.llm is None:
        return
    host = urlsplit(settings.llm.base_url).hostname or ""
    blocks = network_blocks(view.text, host)
    if not blocks:
        report.ok(f"the unit lets memoryd reach the LLM endpoint {settings.llm.base_url}")
        return
    report.fail(
        f"flush.extractor = 'llm' ({settings.llm.base_url}), but under the unit {', '.join(blocks)} "
        "blocks every connection to it (even to 127.0.0.1): each flush falls back to the rules",
        f"systemctl --user edit memoryd, add: {llm_dropin(host)}; see docs/systemd.md",
    )
