"""``memoryd service install|uninstall``: the systemd user unit, written to the user's own unit folder.

The unit text lives here, once: ``UNIT_TEMPLATE``. ``systemd/memoryd.service`` in the source tree is
that template rendered with ``DEFAULT_EXEC`` (a test keeps the two equal). ``install`` renders it with
the path of the memoryd actually running, so a pipx, pip ``--user`` or venv install all get a unit that
starts the right program. Nothing else is touched and no ``systemctl`` is run: the commands to run are
printed, so the user sees and decides every change to their session manager.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

UNIT_NAME = "memoryd.service"
DEFAULT_EXEC = "%h/.local/bin/memoryd"
_EXEC_MARK = "@MEMORYD_EXEC@"

UNIT_TEMPLATE = f"""\
# memoryd: appends what OpenClaw agents decided to the workspace's memory/YYYY-MM-DD.md before
# OpenClaw compacts the conversation away. A systemd *user* unit.
#
# Install with `memoryd service install`: it writes this unit to ~/.config/systemd/user/ with
# ExecStart= set to the real path of the memoryd you ran it with. The copy in the source tree
# (systemd/memoryd.service) assumes a pipx or `pip install --user` script in ~/.local/bin.
#
# Change things in a drop-in (`systemctl --user edit memoryd`), never in this file, e.g.:
#   [Service]
#   # a workspace outside ~/.openclaw: the sandbox below only lets memoryd write under ~/.openclaw
#   ReadWritePaths=/srv/agents/workspace
#   # settings your shell has but a user service does not inherit
#   Environment=OPENCLAW_STATE_DIR=/srv/agents/state
# `memoryd doctor` tells you when one of these is needed.

[Unit]
Description=memoryd: durable memory for OpenClaw agents before compaction
StartLimitIntervalSec=10min
StartLimitBurst=5

[Service]
# sd_notify: READY=1 once the socket listens and the first catch-up is done; STATUS= for
# `systemctl --user status memoryd`; WATCHDOG=1 only while every task of the daemon is alive.
Type=notify
NotifyAccess=main
ExecStart={_EXEC_MARK} run
ExecReload=/bin/kill -HUP $MAINPID
Restart=on-failure
RestartSec=5s
# A long first catch-up extends this with EXTEND_TIMEOUT_USEC while it runs (at most 30 min).
TimeoutStartSec=90s
TimeoutStopSec=30s
KillSignal=SIGTERM
WatchdogSec=30s
Environment=PYTHONUNBUFFERED=1

# memoryd's own state ($STATE_DIRECTORY: event log, checkpoints) and socket folder
# ($RUNTIME_DIRECTORY/memoryd.sock), both created by systemd and private to you. The state lands in
# ~/.local/state/memoryd, or in ~/.config/memoryd on systemd releases (252 among them) that still
# put a user unit's StateDirectory= there; `memoryd doctor` says which.
StateDirectory=memoryd
StateDirectoryMode=0700
RuntimeDirectory=memoryd
RuntimeDirectoryMode=0700
# Daily logs memoryd creates are private to you too (OpenClaw runs as you and reads them).
UMask=0077

# Sandbox: the whole system and your home are read-only, except the OpenClaw folder (its workspaces
# live there by default). OpenClaw's sessions under agents/ stay read-only: memoryd only reads them.
ProtectSystem=strict
ProtectHome=read-only
ReadWritePaths=-%h/.openclaw
ReadOnlyPaths=-%h/.openclaw/agents
PrivateTmp=yes
PrivateDevices=yes
PrivateUsers=yes
PrivateMounts=yes
# Only a Unix socket is used (its own and systemd's notify socket); no network at all.
PrivateNetwork=yes
RestrictAddressFamilies=AF_UNIX
IPAddressDeny=any
NoNewPrivileges=yes
CapabilityBoundingSet=
AmbientCapabilities=
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
MemoryDenyWriteExecute=yes
KeyringMode=private
DevicePolicy=closed
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallFilter=~@privileged
SystemCallErrorNumber=EPERM

[Install]
WantedBy=default.target
"""


def render_unit(exec_token: str = DEFAULT_EXEC) -> str:
    """The unit with ``exec_token`` (already in systemd syntax, see ``systemd_quote``) as the program."""
    return UNIT_TEMPLATE.replace(_EXEC_MARK, exec_token)


def systemd_quote(path: str) -> str:
    """A path as one ExecStart= word: specifiers and variables escaped, quoted if it has blanks."""
    word = path.replace("%", "%%").replace("$", "$$")
    if any(c in word for c in " \t\"'\\;"):
        word = '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return word


def unit_dir(env: Mapping[str, str]) -> Path:
    """Where the user's own units live: ``$XDG_CONFIG_HOME/systemd/user``, else ``~/.config/systemd/user``."""
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "systemd" / "user"


def unit_path(env: Mapping[str, str]) -> Path:
    return unit_dir(env) / UNIT_NAME


def find_exec(env: Mapping[str, str]) -> list[str]:
    """The command that starts this memoryd: the running script, else ``memoryd`` on PATH, else ``-m``.

    The script path is made absolute but symlinks are kept: ``~/.local/bin/memoryd`` (pipx) stays
    valid across upgrades, the venv path behind it may not.
    """
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name == "memoryd" and argv0.is_file():
        return [str(argv0.absolute())]
    found = shutil.which("memoryd", path=env.get("PATH"))
    if found:
        return [str(Path(found).absolute())]
    return [sys.executable, "-m", "memoryd"]


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def install(
    env: Mapping[str, str],
    out: TextIO,
    *,
    exec_path: str | None = None,
    force: bool = False,
    run_root: Path = Path("/run"),
) -> int:
    """Write the unit; refuse to replace a different one unless ``force``. Returns an exit code."""
    command = [str(Path(exec_path).absolute())] if exec_path else find_exec(env)
    program = Path(command[0])
    if not program.is_absolute() or not program.is_file():
        out.write(f"memoryd service install: {command[0]}: not an existing absolute path to memoryd\n")
        return 1
    text = render_unit(" ".join(systemd_quote(word) for word in command))
    target = unit_path(env)
    try:
        current = target.read_text(encoding="utf-8") if target.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        out.write(f"memoryd service install: cannot read {target}: {exc}\n")
        return 1
    if current is not None and current != text and not force:
        out.write(
            f"memoryd service install: {target} exists and differs from the unit this memoryd would write.\n"
            "  Keep local changes in a drop-in (systemctl --user edit memoryd), then re-run with --force.\n"
        )
        return 1
    if current == text:
        out.write(f"{target} is already up to date\n")
    else:
        try:
            _write_atomically(target, text)
        except OSError as exc:
            out.write(f"memoryd service install: cannot write {target}: {exc}\n")
            return 1
        out.write(f"wrote {target}\n")
    out.write(
        f"  ExecStart={' '.join(command)} run\n"
        "next steps:\n"
        "  systemctl --user daemon-reload\n"
        "  systemctl --user enable --now memoryd\n"
        "  loginctl enable-linger $USER    # keep it running while you are logged out\n"
        "then check: systemctl --user status memoryd && memoryd doctor\n"
    )
    problem = user_manager_problem(env, run_root=run_root)
    if problem:
        out.write(f"note: {problem}\n")
    return 0


def uninstall(env: Mapping[str, str], out: TextIO, *, force: bool = False) -> int:
    """Remove the unit file (only that). An enabled unit is disabled first, while its file is there:
    ``systemctl --user disable --now`` needs it to stop the service and remove its links."""
    target = unit_path(env)
    if not target.exists() and not target.is_symlink():
        out.write(f"{target} is not installed; nothing to do\n")
        return 0
    wants = unit_dir(env) / "default.target.wants" / UNIT_NAME
    if (wants.is_symlink() or wants.exists()) and not force:
        out.write(
            "memoryd service uninstall: the unit is still enabled; disable and stop it first, then remove it:\n"
            "  systemctl --user disable --now memoryd\n"
            "  memoryd service uninstall\n"
            "(--force removes the file anyway; systemctl then no longer knows how to stop the service)\n"
        )
        return 1
    try:
        target.unlink()
    except OSError as exc:
        out.write(f"memoryd service uninstall: cannot remove {target}: {exc}\n")
        return 1
    out.write(f"removed {target}\nnext step:\n  systemctl --user daemon-reload\n")
    return 0


def user_manager_problem(env: Mapping[str, str], *, run_root: Path = Path("/run")) -> str | None:
    """Why ``systemctl --user`` cannot work here (no systemd, no user manager), or None.

    A user manager listens on ``$XDG_RUNTIME_DIR/systemd/private``; it runs while the user has a
    login session, or always with lingering.
    """
    if not (run_root / "systemd" / "system").is_dir():
        return "this system is not running systemd, so the unit cannot be started here"
    runtime = Path(env.get("XDG_RUNTIME_DIR") or run_root / "user" / str(os.getuid()))
    if not (runtime / "systemd" / "private").exists():
        return (
            f"no systemd user manager is running for you (nothing at {runtime / 'systemd' / 'private'}): "
            "the systemctl --user steps below fail until one runs. Log in through a real session "
            "(SSH or a console; su and sudo do not start one), or run as root: loginctl enable-linger $USER"
        )
    return None
