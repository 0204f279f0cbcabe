"""The long-running daemon: a thin anyio shell around the engine.

Tasks: the watcher (inotify on Linux, ``watchfiles`` elsewhere: changes arrive within
milliseconds), a periodic reconcile (stat everything we track, so an event the watcher lost is
caught within seconds), a ticker (timers and retries), the drain of the due queue (flushes a
catch-up found due, written one at a time between the other tasks' work, most at risk of their
compaction first: ``memoryd.sessions.due``), the socket server, and signal handling. All engine
work happens on the event loop thread, one step at a time, so decisions and event ``seq`` order are
the same thing. The exception is the rules' extraction of a flush (pure CPU, up to seconds): one
worker thread computes it from plain data (``memoryd.flush.executor.ExtractWorker``) and rings the
drain's doorbell; the drain writes the block, the journal and the checkpoint on the loop. So a
``status`` on the socket, a watcher batch or SIGTERM never wait for an extraction; a stop leaves the
flush started and not completed, and the next start writes it (``docs/exactly-once.md``).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import anyio
import anyio.abc
import structlog
from watchfiles import Change

from memoryd import presence, summary
from memoryd.config import ConfigError, Settings, load_settings
from memoryd.engine import Engine
from memoryd.events import utc_now_rfc3339
from memoryd.notify import Liveness, Notifier, Watchdog
from memoryd.sinks.journal import Journal
from memoryd.sinks.socket_server import SocketServer
from memoryd.sources.watch import (
    Batch,
    InotifyTree,
    Role,
    WatchUnavailable,
    inotify_batches,
    open_inotify,
    wanted,
    watchfiles_batches,
)

log = structlog.get_logger("memoryd.daemon")

# A batch of changes is handed over after 5 ms without a new one (at most 30 ms after the first):
# OpenClaw's writes for one reply come within a millisecond or two. Measured (bench latency):
# write -> threshold.crossed p50/p99 11/15 ms at 5 ms, 18/25 ms at 10 ms. With inotify (Linux) the
# window costs nothing while idle; watchfiles (elsewhere) polls at this step only while OpenClaw
# writes, at ``memoryd.sources.watch.IDLE_STEP_MS`` otherwise (5 ms all the time cost 0.47 % of a core).
WATCH_STEP_MS = 5
WATCH_DEBOUNCE_MS = 30
TICK_SECONDS = 0.5  # while a timer runs: a store-only compaction's grace, a flush to retry, a save
# With nothing waiting the ticker sleeps this long (or until a step may have started a timer): each
# wake-up of the interpreter costs ~0.2 ms of CPU on a small VM, 2 a second were half the idle cost.
IDLE_TICK_SECONDS = 5.0
WATCH_TIMEOUT_MS = 5_000  # the watcher yields an empty batch this often, so it can beat
# Which watcher: "auto" (inotify on Linux, else watchfiles), "inotify" or "watchfiles" (benchmarks, tests).
WATCHER_ENV = "MEMORYD_WATCHER"
# While the due queue drains, systemd's STATUS= is refreshed at most this often (and at the end).
DRAIN_STATUS_SECONDS = 0.5
# Between two due flushes the drain sleeps this long: a bare ``sleep(0)`` gives every other task one
# step, and a ``status`` on the socket takes several (accept, read, answer, drain): measured, a status
# waited 4.7 s (p50) behind ~0.7 s flushes. 10 ms lets whatever is ready run to its next wait.
DRAIN_PAUSE_SECONDS = 0.01
# Before each due flush the drain lets a flush decided by a watched change go first (it runs after
# its step, once its events are on the socket): it waits for that at most this many pauses.
DRAIN_YIELD_ROUNDS = 50
# The extraction worker holds the GIL while it computes; a thread that wants it (the loop, woken by
# the socket) gets it after at most this long (CPython's default: 5 ms). A status on the socket
# takes the GIL back several times (accept, read, answer), each a wait.
# Measured (bench due_start): status p50 while draining 17.7 ms at 5 ms, 5.5 ms at 1 ms.
SWITCH_INTERVAL_SECONDS = 0.001


class Doorbell:
    """A pipe the extraction worker writes a byte to (from its thread) and the drain waits on (on the loop).

    Level-triggered: a ring before the wait is not lost. Ringing never blocks (a full pipe already
    has the drain's attention) and is a no-op once closed (the lock: the fd number is not reused
    under a late ring).
    """

    def __init__(self) -> None:
        self._r, self._w = os.pipe()
        os.set_blocking(self._r, False)
        os.set_blocking(self._w, False)
        self._lock = threading.Lock()

    def ring(self) -> None:
        with self._lock:
            if self._w < 0:
                return
            with contextlib.suppress(BlockingIOError):
                os.write(self._w, b"\0")

    async def wait(self) -> None:
        """Until rung (at once if it was rung since the last wait)."""
        await anyio.wait_readable(self._r)
        with contextlib.suppress(BlockingIOError):
            while os.read(self._r, 4096):
                pass

    def close(self) -> None:
        with self._lock:
            for fd in (self._r, self._w):
                if fd >= 0:
                    os.close(fd)
            self._r = self._w = -1


def _watch_filter(change: Change, path: str) -> bool:
    """Allow-list of the files of a sessions folder (kept for callers; the watcher uses
    ``memoryd.sources.watch.wanted``, which also knows the SQLite store's folder)."""
    return wanted(Role.SESSIONS, os.path.basename(path))


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
        self.watcher_backend = "none"
        self.watched_folders = 0
        self.last_reconcile = 0.0
        self._stop: anyio.Event | None = None
        self._tick_nudge: anyio.Event | None = None
        self._bell: Doorbell | None = None  # rung by the extraction worker and by queue_due: the drain looks
        self._written: anyio.Event | None = None  # set (and replaced) each time the drain wrote an extraction
        self._early_tree: InotifyTree | None = None  # watching set up before the first catch-up
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
            self.engine.defer_flushes = True  # the catch-up decides; the due queue writes, most at risk first
            self.engine.scan_all()
            self.engine.queue_due(recovered=True)
            self.engine.defer_flushes = False
            self.engine.drain_due()
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
            "watcher_backend": self.watcher_backend,
            "watched_folders": self.watched_folders,
            "last_reconcile_age_seconds": round(time.monotonic() - self.last_reconcile, 1)
            if self.last_reconcile
            else None,
            "state_dir": str(self.settings.state_dir),
            "socket": str(self.settings.socket_path),
            "openclaw_state_dirs": [str(d) for d in self.settings.openclaw_state_dirs],
            "config_file": str(self.settings.config_file) if self.settings.config_file else None,
            "last_reload": self.last_reload,
            "oldest_seq": self.journal.oldest_seq,
            "extracting": self._extracting(),
        }
        st["pending"] = [
            {"session_key": p.session_key, "agent": p.agent_id, **pending_view(p.to_json(), p.last_error)}
            for p in self.engine.pending.values()
        ]
        st["problem"] = self.unseen_problem(len(st["sessions"]))
        st["event_log"] = str(self.settings.event_log)
        st["today"] = self.engine.local_now().date().isoformat()  # which daily log a flush goes to
        return st

    def _extracting(self) -> dict[str, Any] | None:
        """The flush whose rules the worker thread is extracting now (``status``: the loop answers meanwhile)."""
        job = self.engine.flushes.extracting
        if job is None or job.done.is_set():
            return None
        pend = self.engine.pending.get(job.flush_id)
        return {
            "flush_id": job.flush_id,
            "session_key": pend.session_key if pend is not None else None,
            "seconds": round(time.perf_counter() - job.started, 3),
        }

    def _status_line(self) -> str:
        """One line for `systemctl status` ("draining 12/40 due flushes; watching ..." while the due
        queue drains)."""
        sessions = sum(not t.state.ended for t in self.engine.sessions.values())
        line = f"watching {len(self.settings.agents)} agent(s), {sessions} session(s); socket {self.settings.socket_path}"
        prog = self.engine.due_progress()
        if prog.active:
            line = f"{prog.text()}; {line}"
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
        self._queue_due()
        self._nudge_ticker()
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
        """``memoryd flush KEY``: answered once its block is written, as ever; the extraction runs in
        the worker meanwhile (after the one in progress), and the loop goes on."""
        eng = self.engine
        try:
            answer = eng.manual_flush(session_key, reason)
            fid = answer.get("flush_id")
            if not answer.get("pending") or fid is None:
                return answer
            while eng.flushes.awaits_worker(fid) and not self._stop_requested and self._written is not None:
                with anyio.move_on_after(TICK_SECONDS):  # looks again now and then: an editor may hold it
                    await self._written.wait()
            return eng.flush_answer(fid)
        finally:
            self._nudge_ticker()

    def _watched_dirs(self) -> list[Path]:
        """The OpenClaw state dirs whose agents we watch (``agents/``, each agent's ``sessions/``
        and ``agent/``, and those created later: ``memoryd.sources.watch``)."""
        roots = set(self.settings.openclaw_state_dirs)
        roots |= {a.sessions_dir.parent.parent.parent for a in self.settings.agents}
        return sorted(roots)

    async def _watch(self) -> None:
        """Run the watcher; fall back to watchfiles when inotify fails, restart it when it breaks."""
        if not self.settings.watch:
            self.watcher_state = "off (watch = false): changes are found by the reconcile only"
            while not self._stop_requested:
                self.liveness.beat("watcher")
                await self._sleep_or_stop(self.settings.reconcile_seconds)
            return
        choice = os.environ.get(WATCHER_ENV, "auto")
        use_inotify = choice != "watchfiles"
        force_polling = False
        while not self._stop_requested:
            self.liveness.beat("watcher")
            tree, self._early_tree = self._early_tree, None
            if tree is None and use_inotify:
                tree = open_inotify(self._watched_dirs())
            if tree is None and choice == "inotify":
                self.watcher_state = "degraded: inotify unavailable (MEMORYD_WATCHER=inotify)"
                await self._sleep_or_stop(self.settings.reconcile_seconds)
                continue
            try:
                if tree is not None:
                    self.watcher_backend = "inotify"
                    source: AsyncGenerator[Batch, None] = inotify_batches(
                        tree,
                        settle_ms=WATCH_STEP_MS,
                        max_ms=WATCH_DEBOUNCE_MS,
                        timeout_s=WATCH_TIMEOUT_MS / 1000,
                        resync_s=self.settings.reconcile_seconds,
                    )
                else:
                    self.watcher_backend = "watchfiles (polling)" if force_polling else "watchfiles"
                    source = watchfiles_batches(
                        self._watched_dirs(),
                        step_ms=WATCH_STEP_MS,
                        debounce_ms=WATCH_DEBOUNCE_MS,
                        timeout_s=WATCH_TIMEOUT_MS / 1000,
                        resync_s=self.settings.reconcile_seconds,
                        force_polling=force_polling,
                    )
                self.watcher_state = "ok"
                async with contextlib.aclosing(source):
                    async for batch in source:
                        self.liveness.beat("watcher")
                        if tree is not None:
                            self.watched_folders = tree.folders
                        if batch:
                            await self._apply_batch(batch)
            except WatchUnavailable as exc:  # e.g. the ENOSPC watch limit, hit while running
                use_inotify = False
                force_polling = exc.errno in (errno.ENOSPC, errno.EMFILE)
                self.watcher_restarts += 1
                log.warning(
                    "watcher.inotify_failed",
                    error=str(exc)[:200],
                    fallback="watchfiles",
                    polling=force_polling,
                )
                self.engine.scan_all()
                self._queue_due()
                await self._run_deferred_flushes()
            except Exception as exc:  # the watcher must never take the daemon down
                self.watcher_state = f"degraded: {type(exc).__name__}: {exc}"[:200]
                self.watcher_restarts += 1
                log.warning("watcher.failed", error=str(exc)[:200], restarts=self.watcher_restarts)
                self.engine.scan_all()
                self._queue_due()
                await self._run_deferred_flushes()
                await self._sleep_or_stop(1.0)
            finally:
                if tree is not None:
                    tree.close()

    async def _apply_batch(self, batch: Batch) -> None:
        """One watcher batch into the engine: new agents first, a full scan if events were lost."""
        if batch.new_folders:
            self._adopt_new_agents(batch.new_folders, batch.born_agents)
        if batch.rescan:
            self.engine.scan_all()
            self._queue_due()
        if batch.paths:
            self.engine.handle_paths(batch.paths)
        await self._run_deferred_flushes()

    def _adopt_new_agents(self, folders: list[tuple[Path, Role]], born: set[str]) -> None:
        """A sessions or agent folder of an agent we do not know: read the configuration again so
        the engine learns the agent (it would otherwise wait for a SIGHUP or a restart). An agent
        whose folder was made while we watched is marked seen first (interface 5): what it holds
        was written while memoryd ran, so it is live, not history."""
        known = {a.agent_id for a in self.settings.agents}
        if all(path.parent.name in known for path, _ in folders):
            return
        try:
            new = load_settings(str(self.settings.config_file) if self.settings.config_file else None)
        except ConfigError as exc:
            log.warning("watcher.new_agent_config_error", error=str(exc)[:300])
            return
        added = sorted({a.agent_id for a in new.agents} - known)
        if not added:
            return
        self.settings = replace(self.settings, agents=new.agents)
        self.engine.reload(self.settings)
        live = sorted(set(added) & born)
        if live:
            self.engine.seen_agents.update(live)
            self.engine.mark_dirty()
        log.info("watcher.new_agents", agents=added, live=live)

    async def _run_deferred_flushes(self) -> None:
        """Make this step's events durable and let the socket deliver them (a threshold crossing)
        before the flush's Markdown write, then write it: the flush is journaled as started already."""
        self.journal.sync()
        await anyio.sleep(0.001)
        self.engine.after_step()
        self._nudge_ticker()

    def _queue_due(self, *, recovered: bool = False) -> None:
        """After a full scan: what it found due goes to the due queue (see ``_drain``)."""
        if self.engine.queue_due(recovered=recovered) and self._bell is not None:
            self._bell.ring()

    async def _drain(self) -> None:
        """Write the due queue one flush at a time, the most at risk of its compaction first, and
        write back every extraction the worker finishes.

        A due flush's range is read and its rules extracted in the worker thread
        (``FlushExecutor.offload``; a SQLite range is read here, on the loop); one extraction at a
        time. Meanwhile the event loop runs: the socket answers, watcher batches are read, and a flush one of them decided (a session that
        became urgent) waits for the worker, not for the queue: when the worker is done, the
        finished flush is written and that one goes next. Progress goes to ``memoryd status``
        (``due``) and to systemd's ``STATUS=``.
        """
        eng = self.engine
        bell = self._bell
        assert bell is not None
        draining = False
        t0 = last_status = time.monotonic()
        while not self._stop_requested:
            job = eng.flushes.take_extraction()
            if job is not None:
                eng.write_extracted(job.flush_id)
                if self._written is not None:
                    self._written.set()
                    self._written = anyio.Event()
                self._nudge_ticker()
            elif eng.flushes.extracting is None and len(eng.due):
                if not draining:
                    draining, t0 = True, time.monotonic()
                    last_status = t0
                    self.notifier.status(self._status_line())
                    log.info("due.drain_started", queued=len(eng.due))
                for _ in range(DRAIN_YIELD_ROUNDS):
                    if not eng.flushes.deferred:
                        break
                    await anyio.sleep(DRAIN_PAUSE_SECONDS)
                if eng.flushes.extracting is None:  # else: a flush the yield let go first has the worker
                    eng.run_next_due()  # read here, extracted in the worker (or written: nothing to wait for)
            elif eng.flushes.extracting is None and draining:
                draining = False
                prog = eng.due_progress()
                log.info("due.drained", flushes=prog.done, seconds=round(time.monotonic() - t0, 3))
                self.notifier.status(self._status_line())
                self._nudge_ticker()
                continue
            elif eng.flushes.extracting is not None:
                with anyio.move_on_after(TICK_SECONDS):  # rung when done; looks anyway now and then
                    await bell.wait()
                continue
            else:
                await bell.wait()  # nothing to do: queue_due or a finished extraction rings
                continue
            now = time.monotonic()
            if draining and now - last_status >= DRAIN_STATUS_SECONDS:
                self.notifier.status(self._status_line())
                last_status = now
            await anyio.sleep(DRAIN_PAUSE_SECONDS)

    def _watch_early(self) -> None:
        """Set up inotify before the first catch-up: what is written while it reads is heard, and
        ``READY=1`` means watching. (watchfiles starts with the watcher task; its first batch lists
        every watched folder, so nothing written meanwhile is lost either.)"""
        if self.settings.watch and os.environ.get(WATCHER_ENV, "auto") != "watchfiles":
            tree = open_inotify(self._watched_dirs())
            if tree is not None:
                try:
                    tree.sync()
                except OSError as exc:  # WatchUnavailable included: the watcher task decides again
                    log.warning("watcher.early_setup_failed", error=str(exc)[:200])
                    tree.close()
                    return
                self._early_tree = tree

    async def _reconcile(self) -> None:
        while not self._stop_requested:
            await self._sleep_or_stop(self.settings.reconcile_seconds)
            if self._stop_requested:
                return
            self.engine.scan_all(only_changed=True)
            await self._run_deferred_flushes()
            self.last_reconcile = time.monotonic()
            self.liveness.beat("reconcile")

    def _timers_running(self) -> bool:
        """Whether the engine has something a tick must do soon (what ``Engine.settle`` waits on,
        plus flushes deferred to after a step and a checkpoint not yet saved)."""
        eng = self.engine
        if eng.pending or eng.flushes.deferred or eng._dirty:
            return True
        return any(t.state.store_ahead_since is not None and not t.state.ended for t in eng.sessions.values())

    def _nudge_ticker(self) -> None:
        """A step ran: it may have started a timer, so an idle ticker looks again."""
        if self._tick_nudge is not None:
            self._tick_nudge.set()

    async def _tick(self) -> None:
        while not self._stop_requested:
            if self._timers_running():
                await self._sleep_or_stop(TICK_SECONDS)
            else:
                self._tick_nudge = anyio.Event()
                with anyio.move_on_after(IDLE_TICK_SECONDS) as idle:
                    await self._tick_nudge.wait()
                self._tick_nudge = None
                if not idle.cancelled_caught:
                    continue  # nudged: tick at TICK_SECONDS if a timer started
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
        self._bell = bell = Doorbell()
        sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
        self._written = anyio.Event()
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
                # From here on no flush is written inline: a flush decided by a step is written after
                # it, and what the first catch-up finds due is queued and drained after READY=1; every
                # extraction runs in the worker thread, and the drain writes its result.
                self.engine.defer_flushes = True
                self.engine.flushes.offload = True
                self.engine.flushes.extractor.notify = bell.ring
                self._watch_early()
                with self.notifier.extending_timeout(30.0, label="first catch-up"):
                    self.engine.scan_all()
                    self.journal.sync()
                self.engine.queue_due(recovered=True)
                _freeze_heap()
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
                tg.start_soon(self._drain)
                await self._stop.wait()
                tg.cancel_scope.cancel()
        finally:
            if self._early_tree is not None:
                self._early_tree.close()
            with anyio.CancelScope(shield=True):
                await server.aclose()
            flushes = self.engine.flushes
            flushes.closing = True  # no extraction is started now, none is waited for
            flushes.extractor.notify = None
            if self.journal.is_open:
                job = flushes.take_extraction()
                if job is not None:  # extracted, not written yet: written now, it is ready
                    self.engine.write_extracted(job.flush_id)
                # A flush whose content is ready finishes before we stop; one in the worker, or
                # waiting for it, stays started (and in the checkpoint): the next start writes it.
                self.engine.run_deferred()
                self.engine.emit("daemon.stopped", {"pid": os.getpid(), "reason": self.stop_reason})
            self.engine.close()
            self.journal.close()
            bell.close()
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
