"""Append flush blocks to ``<workspace>/memory/YYYY-MM-DD.md``, a file that people edit too.

memoryd only appends, by path each time (an editor may have replaced the inode), with one
``write``: it never rewrites or renames, and truncates only to take back its own bytes of a
write that came up short (a full disk, a quota), so no half block ever stays. A file that does not end in a newline gets
one first, and a blank line separates our block from what was there. Nothing outside the
workspace is written: the ``memory`` folder and the file must resolve inside it (no symlink out).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from memoryd.flush.render import markers_in

#: A file changed more recently than this is being edited: wait.
QUIET_SECONDS = 1.0


class OutsideWorkspace(PermissionError):
    """The daily log would resolve outside the workspace (a symlink out of it)."""


@dataclass(frozen=True, slots=True)
class Appended:
    path: Path
    rel_path: str
    bytes_written: int


def daily_log_rel(day: date) -> str:
    return f"memory/{day.isoformat()}.md"


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


class WorkspaceMissing(FileNotFoundError):
    """The workspace folder itself is gone: a stale path, which memoryd reports and never creates."""


def daily_log_path(workspace: Path, day: date, *, create_dir: bool) -> Path:
    """The log's path, checked to stay inside the workspace. Only ``memory/`` is ever created."""
    root = workspace.resolve()
    mem = workspace / "memory"
    if create_dir:
        if not workspace.is_dir():
            raise WorkspaceMissing(
                f"the workspace {workspace} does not exist (memoryd does not create it): "
                "fix the agent's workspace, or set [workspaces] in memoryd's config"
            )
        mem.mkdir(exist_ok=True)
    if os.path.lexists(mem) and not _inside(mem.resolve(), root):
        raise OutsideWorkspace(f"{mem} resolves outside the workspace {root}")
    target = mem / f"{day.isoformat()}.md"
    if os.path.islink(target):
        raise OutsideWorkspace(f"{target} is a symlink; memoryd appends only to regular files")
    return target


def file_state(path: Path) -> tuple[int, int] | None:
    """(size, mtime_ns) of ``path``: what we remember after our own append."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def editor_busy(path: Path, now: float | None = None, ours: tuple[int, int] | None = None) -> str | None:
    """Why a person seems to be editing ``path`` right now, or None.

    ``ours`` is the file's (size, mtime_ns) right after memoryd's own last append: a file still
    exactly like that was changed a moment ago by us, not by a person.
    """
    folder, name = path.parent, path.name
    for lock in (f".{name}.swp", f".{name}.swx", f".#{name}", f"{name}.lock", f"#{name}#"):
        if os.path.lexists(folder / lock):
            return f"editor lock {lock}"
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    if ours is not None and (st.st_size, st.st_mtime_ns) == ours:
        return None
    if (now if now is not None else time.time()) - st.st_mtime < QUIET_SECONDS:
        return "changed a moment ago"
    return None


_FALLOC_FL_KEEP_SIZE = 1
_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def _reserve(fd: int, offset: int, length: int) -> None:
    """Reserve disk blocks without changing the file size, so a full disk fails *before* we write.

    ``fallocate(FALLOC_FL_KEEP_SIZE)`` leaves the file's visible content untouched. Filesystems
    without it just skip the reservation.
    """
    fallocate = getattr(_libc, "fallocate", None)
    if fallocate is None:
        return
    rc = fallocate(fd, _FALLOC_FL_KEEP_SIZE, ctypes.c_longlong(offset), ctypes.c_longlong(length))
    if rc != 0:
        err = ctypes.get_errno()
        if err in (errno.ENOSPC, errno.EDQUOT):
            raise OSError(err, os.strerror(err))


def _take_back(fd: int, size_before: int, written: int) -> None:
    """Remove our own half-written bytes, and only ours: if anything else was appended after
    them, the file is left as it is (a person's bytes are never cut)."""
    try:
        if written > 0 and os.fstat(fd).st_size == size_before + written:
            os.ftruncate(fd, size_before)
            os.fsync(fd)
    except OSError:
        pass


def append_block(workspace: Path, day: date, block: str) -> Appended:
    """Append ``block`` in one write and fsync; raises OSError (e.g. ENOSPC) with nothing half-written."""
    target = daily_log_path(workspace, day, create_dir=True)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        size = os.fstat(fd).st_size
        prefix = b""
        if size > 0:
            with open(target, "rb") as fh:
                fh.seek(size - 1)
                last = fh.read(1)
            prefix = b"\n" if last == b"\n" else b"\n\n"
        payload = prefix + block.encode("utf-8")
        _reserve(fd, size, len(payload))
        try:
            written = os.write(fd, payload)
        except OSError:
            written = 0
            _take_back(fd, size, 0)
            raise
        if written != len(payload):
            _take_back(fd, size, written)
            raise OSError(errno.ENOSPC, f"short write to {target} ({written} of {len(payload)} bytes)")
        os.fsync(fd)
    finally:
        os.close(fd)
    return Appended(target, daily_log_rel(day), len(payload))


def has_marker(path: Path, flush_id: str) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except (FileNotFoundError, NotADirectoryError):  # no log (memory/ may not even be a folder): no block
        return False
    return flush_id in markers_in(text)


def recent_lines(workspace: Path, day: date, days: int = 3) -> list[str]:
    """Lines of today's log and the ``days - 1`` before it, for dedupe. Missing files are skipped."""
    out: list[str] = []
    for back in range(days):
        path = workspace / daily_log_rel(day - timedelta(days=back))
        try:
            out.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            continue
    return out
