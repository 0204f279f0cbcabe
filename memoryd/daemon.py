"""The long-running daemon: a thin anyio shell around the engine.

Tasks: the ``watchfiles`` watcher (changes arrive within milliseconds), a periodic reconcile
(stat everything we track, so an event the watcher lost is caught within seconds), a ticker
(timers and retries), the socket server, and signal handling. All engine work happens on the event
loop thread, one step at a time, so decisions and event ``seq`` order are the same thing.
"""

from __future__ import annotations

import gc
import os
import signal
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import anyio
import anyio.abc
import structlog
from watchfiles import Change, awatch

from memoryd import presence, summary
from memoryd.config import ConfigError, Settings, load_settings
from memoryd.engine import Engine
from memoryd.events import utc_now_rfc3339
from memoryd.notify import Liveness, Notifier, Watchdog
from memoryd.sinks.journal import Journal
from memoryd.sinks.socket_server import SocketServer

log = structlog.get_logger("memoryd.daemon")

# A batch of changes is handed over after 5 ms without a new one (at most 30 ms after the first):
# OpenClaw's writes for one reply come within a millisecond or two. Measured (bench latency):
# write -> threshold.crossed p50/p99 11/15 ms at 5 ms, 18/25 ms at 10 ms; idle CPU 0.75 % vs 0.5 %.
WATCH_STEP_MS = 5
WATCH_DEBOUNCE_MS = 30
TICK_SECONDS = 0.5
WATCH_TIMEOUT_MS = 5_000  # awatch yields an empty set this often, so the watcher can beat


def _watch_filter(change: Change, path: str) -> bool:
    """Allow-list: the store, transcripts and their archives; never temp files or our own writes."""
    name = os.path.basename(path)
    return (
        name == "sessions.json"
        or name.endswith(".jsonl")
        or ".jsonl.reset." in name
        or ".jsonl.deleted." in name
    )


class Daemon:
    def __init__(self, settings: Settings, *, on_ready: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self.notifier = Notifier.from_env()
        self.liveness = Liveness()
        self.journal = Journal(
            settings.event_log,
            segment_bytes=settings.segment_bytes,
            retention_bytes=settings.retention_bytes,
            retention_seconds=settings.retention_seconds,
        )
        self.engine = Engine(settings, self.journal)
        self.started_at = time.time()
        self.watcher_state = "starting"
        self.watcher_restarts = 0
        self.last_reconcile = 0.0
        self._stop: anyio.Event | None = None
        self._stop_requested = False
        self.stop_reason = "requested"
        self.last_reload: dict[str, Any] | None = None
        self._on_ready = on_ready

    # -- one-shot -----------------------------------------------------------------------------
    def run_once(self) -> summary.OnceSummary:
        """Catch up, write the flushes that are due, stop; what was done (and not) is the answer."""
        seen: list[dict[str, Any]] = []

        def keep(_seq: int, _line: bytes, event: dict[str, Any]) -> None:
            if event["type"].startswith("memory.flush.") or event["type"] == "source.error":
                seen.append(event)

        self.journal.listeners.append(keep)
        self.journal.open()
        try:
            self.engine.start()
            self.engine.scan_all()
            self.engine.settle()
            sessions = len(self.engine.status()["sessions"])
            pending = [p.to_json() for p in self.engine.pending.values()]
        finally:
            self.engine.close()
            self.journal.close()
        return summary.once_summary(
            seen,
            pending,
            sessions=sessions,
            problem=self.unseen_problem(sessions),
            workspaces={a.agent_id: str(a.workspace) for a in self.settings.agents},
        )

    def unseen_problem(self, tracked: int) -> str | None:
        """Why no session is seen on an install that has some (``presence``), or None."""
        if tracked:
            return None
        return presence.unseen_sessions([presence.scan(d) for d in self.settings.openclaw_state_dirs], 0)

    # -- forever ------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        from memoryd.status import pending_view

        st = self.engine.status()
        st["daemon"] = {
            "pid": os.getpid(),
            "uptime_seconds": round(time.time() - self.started_at, 1),
            "watcher": self.watcher_state,
            "watcher_restarts": self.watcher_restarts,
            "last_reconcile_age_seconds": round(time.monotonic() - self.last_reconcile, 1)
            if self.last_reconcile
            else None,
            "state_dir": str(self.settings.state_dir),
            "socket": str(self.settings.socket_path),
            "openclaw_state_dirs": [str(d) for d in self.settings.openclaw_state_dirs],
            "config_file": str(self.settings.config_file) if self.settings.config_file else None,
            "last_reload": self.last_reload,
            "oldest_seq": self.journal.oldest_seq,
        }
        st["pending"] = [
            {"session_key": p.session_key, "agent": p.agent_id, **pending_view(p.to_json(), p.last_error)}
            for p in self.engine.pending.values()
        ]
        st["problem"] = self.unseen_problem(len(st["sessions"]))
        st["event_log"] = str(self.settings.event_log)
        st["today"] = self.engine.local_now().date().isoformat()  # which daily log a flush goes to
        return st

    def _status_line(self) -> str:
        """One line for `systemctl status`."""
        sessions = len(self.engine.status()["sessions"])
        line = f"watching {len(self.settings.agents)} agent(s), {sessions} session(s); socket {self.settings.socket_path}"
        problem = self.unseen_problem(sessions)
        return f"{line}; PROBLEM: {problem}"[:400] if problem else line

    def reload(self) -> bool:
        """SIGHUP: read the configuration again (OpenClaw's and ours) and apply it.

        A bad configuration is logged and the running one kept. A config file that was removed means
        the defaults, as at a start without it. Paths that are bound at start (the state dir, the
        event log, the socket) need a restart to change.
        """
        self.notifier.send(RELOADING="1", STATUS="reloading configuration")
        cfile = self.settings.config_file
        env = dict(os.environ)
        explicit = str(cfile) if cfile else None
        if cfile is not None and not cfile.exists():
            log.warning("daemon.config_removed", path=str(cfile), using="defaults")
            explicit = None
            if env.get("MEMORYD_CONFIG") and Path(env["MEMORYD_CONFIG"]) == cfile:
                del env["MEMORYD_CONFIG"]
        try:
            new = load_settings(explicit, env)
        except ConfigError as exc:
            log.error("daemon.reload_failed", error=str(exc)[:300])
            self.last_reload = {"ok": False, "error": str(exc)[:300], "time": utc_now_rfc3339()}
            self.notifier.ready(f"reload failed, kept the running configuration: {exc}"[:200])
            return False
        self.settings = replace(
            new,
            state_dir=self.settings.state_dir,
            event_log=self.settings.event_log,
            socket_path=self.settings.socket_path,
        )
        self.engine.reload(self.settings)
        self.journal.segment_bytes = self.settings.segment_bytes
        self.journal.retention_bytes = self.settings.retention_bytes
        self.journal.retention_seconds = self.settings.retention_seconds
        self.engine.scan_all()
        log.info("daemon.reloaded", agents=len(self.settings.agents))
        self.last_reload = {
            "ok": True,
            "error": None,
            "time": utc_now_rfc3339(),
            "config_file": str(self.settings.config_file) if self.settings.config_file else None,
        }
        self.notifier.ready(self._status_line())
        return True

    def request_stop(self, reason: str = "requested") -> None:
        """Stop gracefully (from inside the event loop: a signal, the demo)."""
        if not self._stop_requested:
            self.stop_reason = reason
        self._stop_requested = True
        if self._stop is not None:
            self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop_requested

    async def _flush_handler(self, session_key: str, reason: str | None) -> dict[str, Any]:
        return self.engine.manual_flush(session_key, reason)

    def _watched_dirs(self) -> list[tuple[Path, int]]:
        """The sessions folders that exist, with their inodes: a folder deleted and made again
        under the same name is a different folder, and a watch on the old one hears nothing."""
        out: set[tuple[Path, int]] = set()
        for agent in self.settings.agents:
            try:
                out.add((agent.sessions_dir, agent.sessions_dir.stat().st_ino))
            except OSError:
                continue
        return sorted(out)

    async def _watch(self) -> None:
        """Run the watcher; restart it when it fails or when the set of folders changes."""
        if not self.settings.watch:
            self.watcher_state = "off (watch = false): changes are found by the reconcile only"
            while not self._stop_requested:
                self.liveness.beat("watcher")
                await self._sleep_or_stop(self.settings.reconcile_seconds)
            return
        while not self._stop_requested:
            dirs = self._watched_dirs()
            self.liveness.beat("watcher")
            if not dirs:
                self.watcher_state = "no folders to watch (waiting)"
                await self._sleep_or_stop(self.settings.reconcile_seconds)
                continue
            stop = anyio.Event()
            self.watcher_state = "ok"
            try:
                async with anyio.create_task_group() as tg:
                    tg.start_soon(self._stop_watch_when_dirs_change, dirs, stop, tg.cancel_scope)
                    async for changes in awatch(
                        *(d for d, _ in dirs),
                        watch_filter=_watch_filter,
                        debounce=WATCH_DEBOUNCE_MS,
                        step=WATCH_STEP_MS,
                        stop_event=stop,
                        recursive=False,
                        ignore_permission_denied=True,
                        rust_timeout=WATCH_TIMEOUT_MS,
                        yield_on_timeout=True,
                    ):
                        self.liveness.beat("watcher")
                        if changes:
                            self.engine.handle_paths({p for _, p in changes})
                            await self._run_deferred_flushes()
                    tg.cancel_scope.cancel()
            except Exception as exc:  # the watcher must never take the daemon down
                self.watcher_state = f"degraded: {type(exc).__name__}: {exc}"[:200]
                self.watcher_restarts += 1
                log.warning("watcher.failed", error=str(exc)[:200], restarts=self.watcher_restarts)
                self.engine.scan_all()
                await self._run_deferred_flushes()
                await self._sleep_or_stop(1.0)

    async def _stop_watch_when_dirs_change(
        self, dirs: list[tuple[Path, int]], stop: anyio.Event, scope: anyio.CancelScope
    ) -> None:
        """A sessions folder appeared or vanished: restart the watcher on the new set."""
        while not self._stop_requested:
            await self._sleep_or_stop(self.settings.reconcile_seconds)
            if self._watched_dirs() != dirs:
                break
        stop.set()
        scope.cancel()

    async def _run_deferred_flushes(self) -> None:
        """Make this step's events durable and let the socket deliver them (a threshold crossing)
        before the flush's Markdown write, then write it: the flush is journaled as started already."""
        self.journal.sync()
        await anyio.sleep(0.001)
        self.engine.after_step()

    async def _reconcile(self) -> None:
        while not self._stop_requested:
            await self._sleep_or_stop(self.settings.reconcile_seconds)
            if self._stop_requested:
                return
            self.engine.scan_all(only_changed=True)
            await self._run_deferred_flushes()
            self.last_reconcile = time.monotonic()
            self.liveness.beat("reconcile")

    async def _tick(self) -> None:
        while not self._stop_requested:
            await self._sleep_or_stop(TICK_SECONDS)
            self.engine.tick()
            self.liveness.beat("tick")

    async def _watchdog(self) -> None:
        """Ping systemd's watchdog while every task beats; a stuck task stops the pings."""
        interval = self.notifier.watchdog_interval()
        if interval is None:
            return
        max_age = max(2 * interval, 3 * self.settings.reconcile_seconds, 3 * WATCH_TIMEOUT_MS / 1000)
        dog = Watchdog(self.notifier, self.liveness, max_age)
        while not self._stop_requested:
            dog.step()
            await self._sleep_or_stop(interval)

    async def _signals(self, *, task_status: anyio.abc.TaskStatus[None] = anyio.TASK_STATUS_IGNORED) -> None:
        with anyio.open_signal_receiver(signal.SIGTERM, signal.SIGINT, signal.SIGHUP) as signals:
            task_status.started()
            async for signum in signals:
                if signum == signal.SIGHUP:
                    self.reload()
                    continue
                log.info("daemon.stopping", signal=signal.Signals(signum).name)
                self.notifier.stopping(f"stopping on {signal.Signals(signum).name}")
                self.request_stop(signal.Signals(signum).name)
                return

    async def _sleep_or_stop(self, seconds: float) -> None:
        assert self._stop is not None
        with anyio.move_on_after(seconds):
            await self._stop.wait()

    async def run(self) -> int:
        self._stop = anyio.Event()
        if self._stop_requested:
            self._stop.set()
        self.journal.open()
        server = SocketServer(
            self.settings.socket_path,
            self.journal,
            status_provider=self.status,
            flush_handler=self._flush_handler,
        )
        try:
            self.engine.start()
            self.engine.emit(
                "daemon.started",
                {
                    "pid": os.getpid(),
                    "version": _version(),
                    "agents": sorted(self.settings.agents and [a.agent_id for a in self.settings.agents]),
                    "state_dir": str(self.settings.state_dir),
                },
            )
            async with anyio.create_task_group() as tg:
                await tg.start(self._signals)  # before anything slow: SIGTERM must always be graceful
                await server.start(tg)
                with self.notifier.extending_timeout(30.0, label="first catch-up"):
                    self.engine.scan_all()
                    self.journal.sync()
                _freeze_heap()
                self.engine.defer_flushes = True
                self.last_reconcile = time.monotonic()
                for name in ("watcher", "reconcile", "tick"):
                    self.liveness.register(name)
                self.notifier.ready(self._status_line())
                if self._on_ready is not None:
                    self._on_ready()
                log.info("daemon.ready", socket=str(self.settings.socket_path))
                problem = self.unseen_problem(len(self.engine.status()["sessions"]))
                if problem:
                    log.warning("daemon.no_sessions", problem=problem)
                tg.start_soon(self._watch)
                tg.start_soon(self._reconcile)
                tg.start_soon(self._tick)
                tg.start_soon(self._watchdog)
                await self._stop.wait()
                tg.cancel_scope.cancel()
        finally:
            with anyio.CancelScope(shield=True):
                await server.aclose()
            if self.journal.is_open:
                self.engine.run_deferred()  # a flush already started finishes before we stop
                self.engine.emit("daemon.stopped", {"pid": os.getpid(), "reason": self.stop_reason})
            self.engine.close()
            self.journal.close()
        return 0


def _freeze_heap() -> None:
    """Keep what start-up built (modules, config, the catch-up's state) out of every later collection.

    The cyclic collector's full passes walk every tracked object; in a daemon most of them are
    start-up's, alive for good. Frozen, they are not walked again: a burst of events costs half
    the CPU (``bench fanout``: the engine's time per event 53 -> 26 µs). Garbage is collected
    first, so nothing unreachable is frozen.
    """
    gc.collect()
    gc.freeze()


def _version() -> str:
    from memoryd import __version__

    return __version__
