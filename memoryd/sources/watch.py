"""Wake the daemon when OpenClaw writes, and cost nothing while it does not.

On Linux the daemon reads inotify itself (``ctypes`` over libc, the fd awaited on the event loop):
it sleeps in the kernel until a change arrives, so an idle daemon uses no CPU for watching, where
``watchfiles`` wakes every ``step`` ms to poll its Rust side (1.6 % of a core at 5 ms, 0.3 % at
50 ms; see docs/BENCHMARKS.md, ``bench idle``). Elsewhere, or when inotify cannot be had (no libc
symbol, ``EMFILE``, the ``ENOSPC`` watch limit), ``watchfiles`` does the same job.

What is watched, per OpenClaw state dir (interface 6): the state dir itself (``agents/`` created),
``agents/`` (a new agent folder), each ``agents/<id>/`` (``sessions/`` or ``agent/`` created),
each ``agents/<id>/sessions/`` (the store, transcripts, archives) and each ``agents/<id>/agent/``
(the SQLite store's ``-wal``). A folder created while running is watched at once, then listed, so a
file written between its creation and the new watch is not lost. A lost watch (folder deleted) comes
back when the folder does; a kernel queue overflow asks for a full rescan.

The pure parts (event decoding, which names matter, the folder roles) are functions; the two
watchers are thin shells that yield :class:`Batch` es.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import struct
import sys
import time
from collections.abc import AsyncGenerator, Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import anyio
import structlog

log = structlog.get_logger("memoryd.watch")

# -- inotify constants (linux/inotify.h) -----------------------------------------------------------
IN_MODIFY = 0x00000002
IN_ATTRIB = 0x00000004
IN_CLOSE_WRITE = 0x00000008
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_DELETE_SELF = 0x00000400
IN_MOVE_SELF = 0x00000800
IN_UNMOUNT = 0x00002000
IN_Q_OVERFLOW = 0x00004000
IN_IGNORED = 0x00008000
IN_ONLYDIR = 0x01000000
IN_EXCL_UNLINK = 0x04000000
IN_ISDIR = 0x40000000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000

FIRST_YIELD_S = 1.0  # watchfiles' timeout: how soon after a restart the plan is checked again
# watchfiles wakes every ``step`` ms to poll its Rust side, whether anything happened or not: 5 ms
# cost 0.47 % of a core idle (bench idle, 100 sessions), 100 ms ~0.05 %, 200 ms ~0.03 % (watchfiles
# alone). It polls at the short step only while OpenClaw writes (HOT_SECONDS after the last change: a
# turn's reply comes seconds after its user line), else at IDLE_STEP_MS: the first change after a
# quiet minute is heard 0.2-0.4 s late, the ones after it as quickly as before.
IDLE_STEP_MS = 200
HOT_SECONDS = 60.0
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then len bytes of NUL-padded name

# A folder that holds files we read: every change to a wanted name.
FILES_MASK = (
    IN_MODIFY
    | IN_CLOSE_WRITE
    | IN_ATTRIB
    | IN_CREATE
    | IN_MOVED_TO
    | IN_MOVED_FROM
    | IN_DELETE
    | IN_DELETE_SELF
    | IN_MOVE_SELF
    | IN_ONLYDIR
    | IN_EXCL_UNLINK
)
# A folder whose subfolders we watch: only folders coming and going.
DIRS_MASK = IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR


class Role(Enum):
    """What a watched folder is, which says what to look for in it."""

    STATE = "state"  # <state>: only its agents/ folder matters
    AGENTS = "agents"  # <state>/agents: every subfolder is an agent
    AGENT = "agent"  # <state>/agents/<id>: its sessions/ and agent/ folders
    SESSIONS = "sessions"  # <state>/agents/<id>/sessions: the store and the transcripts
    STORE = "store"  # <state>/agents/<id>/agent: the SQLite store


def child_role(role: Role, name: str) -> Role | None:
    """The role of subfolder ``name`` of a folder of ``role``, or None when it is not watched."""
    if role is Role.STATE:
        return Role.AGENTS if name == "agents" else None
    if role is Role.AGENTS:
        return None if name.startswith(".") else Role.AGENT
    if role is Role.AGENT:
        return {"sessions": Role.SESSIONS, "agent": Role.STORE}.get(name)
    return None


def wanted_transcript_name(name: str) -> bool:
    """The store, transcripts and their archives; never temp files or our own writes."""
    return (
        name == "sessions.json"
        or name.endswith(".jsonl")
        or ".jsonl.reset." in name
        or ".jsonl.deleted." in name
    )


def wanted_sqlite_name(name: str) -> bool:
    """The agent database and its ``-wal`` (a commit writes the WAL; in rollback-journal mode, the
    database itself). Not ``-shm`` (mmapped: no events anyway), the ``-journal``, nor the sidecars
    OpenClaw uses as locks (``….generation-*.sqlite``, ``….reindex-lock.sqlite``) or its temp
    ``….memory-reindex-<uuid>``."""
    base = name.removesuffix("-wal")
    if not base.endswith(".sqlite"):
        return False
    return (
        ".generation-" not in base
        and not base.endswith(".reindex-lock.sqlite")
        and "memory-reindex-" not in base
    )


def wanted(role: Role, name: str) -> bool:
    """Whether a change to file ``name`` in a folder of ``role`` goes to the engine."""
    if role is Role.SESSIONS:
        return wanted_transcript_name(name)
    if role is Role.STORE:
        return wanted_sqlite_name(name)
    return False


@dataclass(frozen=True, slots=True)
class RawEvent:
    wd: int
    mask: int
    cookie: int
    name: str


def parse_events(buf: bytes) -> list[RawEvent]:
    """Decode what one ``read`` of an inotify fd returned (whole events only: the kernel never splits one)."""
    out: list[RawEvent] = []
    pos = 0
    size = _EVENT.size
    while pos + size <= len(buf):
        wd, mask, cookie, length = _EVENT.unpack_from(buf, pos)
        raw = buf[pos + size : pos + size + length]
        out.append(RawEvent(wd, mask, cookie, os.fsdecode(raw.rstrip(b"\0"))))
        pos += size + length
    return out


def folder_plan(state_dirs: Iterable[Path]) -> dict[Path, Role]:
    """Every folder to watch that exists now, with its role (a few ``stat`` s per agent)."""
    plan: dict[Path, Role] = {}

    def visit(path: Path, role: Role) -> None:
        if not path.is_dir():
            return
        plan[path] = role
        if role in (Role.SESSIONS, Role.STORE):
            return
        try:
            names = sorted(os.listdir(path)) if role is not Role.STATE else ["agents"]
        except OSError:
            return
        for name in names:
            sub = child_role(role, name)
            if sub is not None:
                visit(path / name, sub)

    for sd in state_dirs:
        visit(sd, Role.STATE)
    return plan


def list_wanted(folder: Path, role: Role) -> set[str]:
    """The wanted files already in a folder just watched (they were written before the watch)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return set()
    return {str(folder / n) for n in names if wanted(role, n)}


@dataclass(slots=True)
class Batch:
    """What changed in one settle window.

    ``paths``: files to hand to ``Engine.handle_paths``. ``new_folders``: sessions/agent folders that
    appeared (the daemon may have to learn a new agent before the paths mean anything).
    ``born_agents``: agents whose folder was created while watched (not found by a sync or moved
    in): what they hold was written while memoryd ran, so it is live, not history.
    ``rescan``: events were lost (queue overflow, a watch that could not be placed): do a full scan.
    """

    paths: set[str] = field(default_factory=set)
    new_folders: list[tuple[Path, Role]] = field(default_factory=list)
    born_agents: set[str] = field(default_factory=set)
    rescan: bool = False

    def __bool__(self) -> bool:
        return bool(self.paths or self.new_folders or self.rescan)


class WatchUnavailable(OSError):
    """inotify cannot be used here (platform, libc, limits): use watchfiles."""


# -- inotify (Linux) ------------------------------------------------------------------------------------
class _Libc:
    def __init__(self) -> None:
        if not sys.platform.startswith("linux"):
            raise WatchUnavailable(errno.ENOSYS, "inotify is Linux only")
        name = ctypes.util.find_library("c") or "libc.so.6"
        try:
            lib = ctypes.CDLL(name, use_errno=True)
            self.init1 = lib.inotify_init1
            self.add_watch = lib.inotify_add_watch
            self.rm_watch = lib.inotify_rm_watch
        except (OSError, AttributeError) as exc:
            raise WatchUnavailable(errno.ENOSYS, f"no inotify in libc: {exc}") from exc
        self.init1.argtypes = [ctypes.c_int]
        self.init1.restype = ctypes.c_int
        self.add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        self.add_watch.restype = ctypes.c_int
        self.rm_watch.argtypes = [ctypes.c_int, ctypes.c_int]
        self.rm_watch.restype = ctypes.c_int


class InotifyTree:
    """An inotify fd and the folders it watches, kept in step with the folders on disk.

    Not async: ``read`` returns what the kernel has queued and turns it into a :class:`Batch`;
    :func:`inotify_batches` awaits the fd and settles batches.
    """

    def __init__(self, state_dirs: Iterable[Path]) -> None:
        self.state_dirs = list(state_dirs)
        self._libc = _Libc()
        fd = int(self._libc.init1(IN_NONBLOCK | IN_CLOEXEC))
        if fd < 0:
            err = ctypes.get_errno()
            raise WatchUnavailable(err, f"inotify_init1: {os.strerror(err)}")
        self.fd = fd
        self.by_wd: dict[int, tuple[Path, Role]] = {}
        self.by_path: dict[Path, int] = {}

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def fileno(self) -> int:
        return self.fd

    @property
    def folders(self) -> int:
        return len(self.by_path)

    def _add(self, path: Path, role: Role) -> bool:
        mask = FILES_MASK if role in (Role.SESSIONS, Role.STORE) else DIRS_MASK
        wd = int(self._libc.add_watch(self.fd, os.fsencode(path), mask))
        if wd < 0:
            err = ctypes.get_errno()
            if err in (errno.ENOENT, errno.ENOTDIR):
                return False  # gone again already: its parent's event says so
            if err in (errno.EACCES, errno.EPERM):
                log.warning("watch.permission_denied", path=str(path))
                return False
            raise WatchUnavailable(err, f"inotify_add_watch {path}: {os.strerror(err)}")
        old = self.by_wd.get(wd)
        if old is not None and old[0] != path:
            self.by_path.pop(old[0], None)  # the same inode under a new name (a renamed folder)
        stale = self.by_path.get(path)
        if stale is not None and stale != wd:
            self.by_wd.pop(stale, None)
        self.by_wd[wd] = (path, role)
        self.by_path[path] = wd
        return True

    def add_tree(self, path: Path, role: Role, batch: Batch, *, born: bool = False) -> None:
        """Watch a folder and what under it is watched, then list it: a file or folder created
        before the watch was in place is in ``batch`` all the same. ``born``: created just now."""
        if not self._add(path, role):
            return
        if role in (Role.SESSIONS, Role.STORE):
            batch.new_folders.append((path, role))
            if born:
                batch.born_agents.add(path.parent.name)
            batch.paths |= list_wanted(path, role)
            return
        try:
            names = sorted(os.listdir(path)) if role is not Role.STATE else ["agents"]
        except OSError:
            return
        for name in names:
            sub = child_role(role, name)
            if sub is not None and (path / name).is_dir():
                self.add_tree(path / name, sub, batch, born=born)

    def sync(self) -> Batch:
        """Watch what exists and is not watched (start, and a backstop at the reconcile's pace:
        a state dir created after start, a missed event); forget what is gone."""
        batch = Batch()
        plan = folder_plan(self.state_dirs)
        for path, wd in list(self.by_path.items()):
            if path not in plan:
                self._forget(wd)
        for path, role in plan.items():
            if path not in self.by_path:
                self.add_tree(path, role, batch)
        return batch

    def _forget(self, wd: int) -> None:
        entry = self.by_wd.pop(wd, None)
        if entry is not None and self.by_path.get(entry[0]) == wd:
            del self.by_path[entry[0]]
        with contextlib.suppress(OSError):
            self._libc.rm_watch(self.fd, wd)

    def read(self, batch: Batch) -> None:
        """Drain the fd into ``batch``."""
        while True:
            try:
                buf = os.read(self.fd, 64 * 1024)
            except BlockingIOError:
                return
            except InterruptedError:
                continue
            if not buf:
                return
            for ev in parse_events(buf):
                self._apply(ev, batch)

    def _apply(self, ev: RawEvent, batch: Batch) -> None:
        if ev.mask & IN_Q_OVERFLOW:
            log.warning("watch.overflow", folders=self.folders)
            batch.rescan = True
            batch.paths |= self.sync().paths
            return
        entry = self.by_wd.get(ev.wd)
        if entry is None:
            return
        folder, role = entry
        if ev.mask & IN_IGNORED:  # the watch is gone (folder deleted, unmounted)
            self.by_wd.pop(ev.wd, None)
            if self.by_path.get(folder) == ev.wd:
                del self.by_path[folder]
            return
        if ev.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT):
            if ev.mask & IN_MOVE_SELF:
                self._forget(ev.wd)  # the watch would follow the folder to its new name
            return
        if not ev.name:
            return
        if ev.mask & IN_ISDIR:
            sub = child_role(role, ev.name)
            if sub is not None and ev.mask & (IN_CREATE | IN_MOVED_TO):
                # Moved in: it may hold what was written before memoryd ran (a restored backup).
                self.add_tree(folder / ev.name, sub, batch, born=bool(ev.mask & IN_CREATE))
            return
        if wanted(role, ev.name):
            batch.paths.add(str(folder / ev.name))


async def inotify_batches(
    tree: InotifyTree,
    *,
    settle_ms: float,
    max_ms: float,
    timeout_s: float,
    resync_s: float,
) -> AsyncGenerator[Batch, None]:
    """Batches from inotify: the first event wakes us; the batch closes after ``settle_ms`` without
    another (at most ``max_ms`` after the first). An empty batch every ``timeout_s`` lets the caller
    beat its liveness; every ``resync_s`` the folders on disk are compared with the watches."""
    batch = tree.sync()
    if batch:
        yield batch
    next_sync = time.monotonic() + resync_s
    while True:
        batch = Batch()
        wait = max(0.0, min(timeout_s, next_sync - time.monotonic()))
        with anyio.move_on_after(wait) as idle:
            await anyio.wait_readable(tree.fd)
        if not idle.cancelled_caught:
            tree.read(batch)
            first = time.monotonic()
            while True:
                left = min(settle_ms, max_ms - (time.monotonic() - first) * 1000) / 1000
                if left <= 0:
                    break
                with anyio.move_on_after(left) as scope:
                    await anyio.wait_readable(tree.fd)
                if scope.cancelled_caught:
                    break
                tree.read(batch)
        if time.monotonic() >= next_sync:
            more = tree.sync()
            batch.paths |= more.paths
            batch.new_folders += more.new_folders
            batch.born_agents |= more.born_agents
            next_sync = time.monotonic() + resync_s
        yield batch


def open_inotify(state_dirs: Iterable[Path]) -> InotifyTree | None:
    """An inotify tree, or None (logged) when this platform or these limits do not allow one."""
    try:
        return InotifyTree(state_dirs)
    except WatchUnavailable as exc:
        log.warning("watch.inotify_unavailable", error=str(exc)[:200], errno=exc.errno)
        return None


# -- watchfiles (everywhere else) ------------------------------------------------------------------------
def watchfiles_filter(plan: dict[Path, Role]) -> Callable[[object, str], bool]:
    """watchfiles' filter for this plan: wanted files, and subfolders that would be watched."""

    def allow(_change: object, path: str) -> bool:
        p = Path(path)
        role = plan.get(p.parent)
        if role is None:
            return False
        return wanted(role, p.name) or child_role(role, p.name) is not None

    return allow


def watchfiles_batch(changes: Iterable[tuple[object, str]], plan: dict[Path, Role]) -> tuple[Batch, bool]:
    """A watchfiles change set as a batch, and whether the set of folders may have changed."""
    batch = Batch()
    folders_changed = False
    for _change, path in changes:
        p = Path(path)
        role = plan.get(p.parent)
        if role is None:
            continue
        if child_role(role, p.name) is not None:
            folders_changed = True
        elif wanted(role, p.name):
            batch.paths.add(path)
    return batch, folders_changed


async def watchfiles_batches(
    state_dirs: list[Path],
    *,
    step_ms: int,
    debounce_ms: int,
    timeout_s: float,
    resync_s: float,
    force_polling: bool = False,
    idle_step_ms: int = IDLE_STEP_MS,
    hot_s: float = HOT_SECONDS,
) -> AsyncGenerator[Batch, None]:
    """Batches from ``watchfiles`` on every planned folder (not recursive); restarted on a new plan.

    A new folder is listed when the watcher restarts on it and again at its first yield, when the
    plan is also checked again: a folder or file made while the watcher started is not lost. The
    first yield comes within ``FIRST_YIELD_S`` (watchfiles yields on its timeout). The poll step is
    ``step_ms`` for ``hot_s`` after a change, ``idle_step_ms`` otherwise (see ``IDLE_STEP_MS``).
    """
    plan: dict[Path, Role] = {}
    hot_until = [0.0]  # the short step until then

    def step() -> int:
        return step_ms if time.monotonic() < hot_until[0] else max(step_ms, idle_step_ms)

    idents: set[tuple[Path, int]] = set()
    first = True
    while True:
        new_plan = folder_plan(state_dirs)
        new_idents = _idents(new_plan)
        fresh = {p: r for p, r in new_plan.items() if (p, _ino(p)) not in idents}
        plan, idents = new_plan, new_idents
        if fresh:
            # After the first plan a new folder was made while watched (or moved in: watchfiles
            # does not tell the two apart).
            yield _listed(fresh, born=not first)
        first = False
        if not plan:
            await anyio.sleep(resync_s)
            continue
        stop = anyio.Event()
        started = False
        last_check = time.monotonic()
        allow = watchfiles_filter(plan)
        source = _rust_changes(
            list(plan),
            debounce_ms=debounce_ms,
            step=step,
            first_timeout_ms=int(min(timeout_s, resync_s, FIRST_YIELD_S) * 1000),
            timeout_ms=int(min(timeout_s, resync_s) * 1000),
            stop=stop,
            force_polling=force_polling,
        )
        async with contextlib.aclosing(source):
            async for raw in source:
                if raw:
                    hot_until[0] = time.monotonic() + hot_s
                changes = [(c, p) for c, p in raw if allow(c, p)]
                batch, replan = watchfiles_batch(changes, plan)
                if not started or time.monotonic() - last_check >= resync_s:
                    if not started:
                        batch.paths |= _listed(fresh).paths  # written while the watcher started
                    started = True
                    last_check = time.monotonic()
                    replan = replan or _idents(folder_plan(state_dirs)) != idents
                if replan:
                    stop.set()
                yield batch
                if replan:
                    break


async def _rust_changes(
    paths: list[Path],
    *,
    debounce_ms: int,
    step: Callable[[], int],
    first_timeout_ms: int,
    timeout_ms: int,
    stop: anyio.Event,
    force_polling: bool,
) -> AsyncGenerator[set[tuple[int, str]], None]:
    """``watchfiles.awatch`` with a poll step chosen before each wait (``step()``): the same
    ``RustNotify`` watcher throughout, so nothing that happens between two waits is lost. Yields the
    raw changes (an empty set on each timeout: the first after ``first_timeout_ms``, then after
    ``timeout_ms``; each one wakes a worker thread); ends when ``stop`` is set."""
    from watchfiles._rust_notify import RustNotify  # what awatch drives; its watch() takes the step per call

    wait = first_timeout_ms
    with RustNotify([str(p) for p in paths], False, force_polling, 300, False, True) as watcher:
        while True:
            try:
                raw = await anyio.to_thread.run_sync(watcher.watch, debounce_ms, step(), wait, stop)
                wait = timeout_ms
            except BaseException:
                stop.set()  # the watch thread returns at its next step
                raise
            if raw == "stop":
                return
            if raw == "signal":
                raise RuntimeError("the watch thread unexpectedly received a signal")
            yield set() if raw == "timeout" else set(raw)


def _ino(path: Path) -> int:
    try:
        return path.stat().st_ino
    except OSError:
        return -1


def _idents(plan: dict[Path, Role]) -> set[tuple[Path, int]]:
    """Folders with their inodes: a folder deleted and made again is a new one to watch."""
    return {(p, _ino(p)) for p in plan}


def _listed(plan: dict[Path, Role], *, born: bool = False) -> Batch:
    batch = Batch()
    for path, role in plan.items():
        if role in (Role.SESSIONS, Role.STORE):
            batch.new_folders.append((path, role))
            if born:
                batch.born_agents.add(path.parent.name)
            batch.paths |= list_wanted(path, role)
    return batch
