"""Due start: ``READY=1`` when every session is due a flush at start, how the due queue drains, and
whether the daemon stays live meanwhile.

The issue's case: a first start on 40 sessions, 150 MB, each one long cycle past the transcript-size
flush point (``forceFlushTranscriptBytes``, 2 MiB), so each is flushed on first sight. The daemon
starts under a fake systemd (``NOTIFY_SOCKET``). Figures:

* spawn -> ``READY=1``; baseline: the same start again once all is read and flushed (nothing due:
  interpreter, imports, the catch-up of a read install);
* spawn -> the last due ``memory.flush.completed``; baseline: the sum of those flushes' own
  ``duration_ms`` (the extraction and the writes; what the drain adds is the ratio);
* while the queue drains: ``status`` round trips on the socket (p50 / p99 / max; the ratio is to the
  same figure once the queue is empty, 20 answers), and a reply that crosses
  the flush point in one more session, one that was not due (append -> its ``flush.completed``:
  it must not wait for the queue); baselines: the same, once the queue is empty;
* systemd's ``STATUS=`` lines, in the parameters;
* a restart: 40 other sessions (60 MB) already read by memoryd (``run --once``: a checkpoint, nothing
  due), each then grown past the limit while it was down (~0.7 MB appended to each); spawn ->
  ``READY=1`` and -> the last due flush; baseline: the same restart once all is flushed.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

from bench import corpus
from bench.common import Daemon, Figure, NotifySocket, Opts, Result, median, quantile, run_once
from bench.latency import OpenClaw, Subscriber
from memoryd import client

SESSIONS, BYTES = 40, 150_000_000
QUICK_SESSIONS, QUICK_BYTES = 4, 4_000_000
FORCE_FLUSH_BYTES = 2 * 1024 * 1024  # OpenClaw's default forceFlushTranscriptBytes
QUICK_FORCE_FLUSH_BYTES = 200_000
SPREAD = (0.6, 1.4)  # every session is over the limit: 0.6 x 3.75 MB > 2 MiB


def _flushes(inst: corpus.Install) -> int:
    path = inst.memoryd_state / "events.ndjson"
    return path.read_bytes().count(b'"type":"memory.flush.completed"') if path.exists() else 0


def _start(inst: corpus.Install, notify_path: Path, timeout: float) -> tuple[Daemon, NotifySocket, float]:
    notify = NotifySocket(notify_path)
    d = Daemon(inst.config, inst.socket, notify=notify_path)
    try:
        ready = notify.wait_for(b"READY=1", timeout)
    except BaseException:
        d.stop()
        notify.close()
        raise
    return d, notify, ready - d.started


class NotifyReader:
    """Reads the notify socket after ``READY=1``, as systemd does (a queue nobody reads fills up)."""

    def __init__(self, notify: NotifySocket) -> None:
        self.notify = notify
        self.lines: list[str] = []
        self.stop = threading.Event()
        notify.sock.settimeout(0.1)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                self.lines.append(self.notify.sock.recv(65536).decode(errors="replace"))
            except TimeoutError:
                continue
            except OSError:
                return

    def close(self) -> list[str]:
        self.stop.set()
        self.thread.join(5)
        return self.lines


class StatusProbe:
    """``status`` round trips on the socket, one after another, in a thread (ms each)."""

    def __init__(self, socket_path: Path) -> None:
        self.socket_path = socket_path
        self.times: list[float] = []
        self.drains: list[dict[str, object]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        with client.connect(self.socket_path, timeout=120) as conn:
            while not self.stop.is_set():
                t0 = time.perf_counter()
                st = conn.status()
                self.times.append((time.perf_counter() - t0) * 1000)
                due = st.get("due") or {}
                if due.get("queued"):
                    self.drains.append(due)
                self.stop.wait(0.05)

    def close(self) -> list[float]:
        self.stop.set()
        self.thread.join(130)
        return self.times


def _live_flush(oc: OpenClaw, sid: str, sub: Subscriber, cycle: int) -> float:
    """A reply that crosses the flush point; ms from its append to its ``flush.completed``."""
    t0 = oc.reply(sid, corpus.FLUSH_POINT + 1_000)
    return (sub.wait(("memory.flush.completed", sid, cycle), timeout=120) - t0) * 1000


def run(opts: Opts) -> Result:
    res = Result("due_start", "Due start: READY=1 with every session due a flush, and the drain")
    sessions, total = (QUICK_SESSIONS, QUICK_BYTES) if opts.quick else (SESSIONS, BYTES)
    limit = QUICK_FORCE_FLUSH_BYTES if opts.quick else FORCE_FLUSH_BYTES
    extra = f"compaction: {{ memoryFlush: {{ forceFlushTranscriptBytes: {limit} }} }},"
    inst = corpus.build(
        opts.work / "due",
        seed=opts.seed + 13,
        sessions=sessions,
        total_bytes=total,
        cycle_bytes=total,
        size_spread=SPREAD,
        openclaw_extra=extra,
    )
    due = sum(s.size >= limit for s in inst.sessions)
    # One more session, small and not due: OpenClaw writes to it while the queue drains.
    oc = OpenClaw(inst, inst.agents[0], opts.seed + 14)
    oc.store.update(inst.store_doc(inst.agents[0]))
    live = oc.new_session(999)

    before = _flushes(inst)
    d, notify, ready = _start(inst, opts.work / "notify-due.sock", timeout=900)
    queued_at_write = None
    reader = NotifyReader(notify)
    try:
        sub = Subscriber(inst.socket)
        probe = StatusProbe(inst.socket)
        try:
            time.sleep(0.5)  # a few due flushes in
            queued_at_write = (d.status().get("due") or {}).get("queued")
            live_during = _live_flush(oc, live, sub, 0)
            deadline = time.monotonic() + (60 if opts.quick else 600)
            while _flushes(inst) < before + due + 1 and time.monotonic() < deadline:
                time.sleep(0.02)
            sids = {s.session_id for s in inst.sessions}
            with sub.cond:
                done = [
                    t
                    for (ty, sid, _), t in sub.arrived.items()
                    if ty == "memory.flush.completed" and sid in sids
                ]
            drained = (max(done) if len(done) == due else time.perf_counter()) - d.started
            during = probe.close()
            drains = probe.drains
            probe = StatusProbe(inst.socket)
            while len(probe.times) < 20 and probe.thread.is_alive():
                time.sleep(0.05)
            idle = probe.close()
            oc.compact(live, 0)
            sub.wait(("memory.compacted", live, 0), timeout=60)
            live_after = _live_flush(oc, live, sub, 1)
        finally:
            probe.close()
            sub.close()
        flushed = _flushes(inst) - before
    finally:
        d.stop()
        statuses = [m.decode(errors="replace") for _, m in notify.messages] + reader.close()
        notify.close()
    work_ms = _flush_work_ms(inst)
    restart = _restart(opts, limit, extra)
    base: list[float] = []
    for i in range(2 if opts.quick else 3):
        d, notify, t = _start(inst, opts.work / f"notify-due-b{i}.sock", timeout=900)
        d.stop()
        notify.close()
        base.append(t)
    base_median = sorted(base)[len(base) // 2]
    draining = [s for s in statuses if "draining" in s]
    res.params = {
        "sessions": sessions + 1,
        "bytes": inst.total_bytes,
        "due": due,
        "flushed": flushed,
        "queued_when_the_live_reply_was_written": queued_at_write,
        "status_answers_during_drain": len(during),
        "status_progress_seen": [
            f"{x.get('done')}/{x.get('total')}" for x in drains[:: max(1, len(drains) // 8)]
        ],
        "notify_messages": len(statuses),
        "notify_first": [s.strip() for s in statuses[:3]],
        "notify_draining": [s.strip() for s in draining[:: max(1, len(draining) // 5)]],
        "notify_last": statuses[-1].strip() if statuses else None,
    }
    res.figures += [
        Figure(
            "start → READY=1, every session due",
            ready,
            "s",
            base_median,
            "start → READY=1 with nothing due",
            target="<= 1 s",
            met=ready <= 1.0,
            samples=[ready],
        ),
        Figure(
            "start → the last due flush done",
            drained,
            "s",
            work_ms / 1000,
            "the flushes' own duration_ms, summed",
            samples=[drained],
            note=f"{flushed} flushes",
        ),
        Figure(
            "status round trip while draining, p50",
            median(during) if during else 0.0,
            "ms",
            median(idle) if idle else None,
            "the same once drained",
            samples=during,
        ),
        Figure(
            "status round trip while draining, p99",
            quantile(during, 0.99) if during else 0.0,
            "ms",
            quantile(idle, 0.99) if idle else None,
            "the same once drained",
            samples=during,
            note=f"{len(during)} answers while draining, {len(idle)} once drained",
        ),
        Figure(
            "status round trip while draining, max",
            max(during) if during else 0.0,
            "ms",
            max(idle) if idle else None,
            "the same once drained",
            samples=[max(during)] if during else [],
        ),
        Figure(
            "a live crossing while draining: append → its flush.completed",
            live_during,
            "ms",
            live_after,
            "the same once drained",
            samples=[live_during],
            note=f"{queued_at_write} due flushes queued when it was written",
        ),
    ]
    res.figures += restart
    return res


def _restart(opts: Opts, limit: int, extra: str) -> list[Figure]:
    """A restart with every session grown past the limit while memoryd was down."""
    sessions, total = (QUICK_SESSIONS, 600_000) if opts.quick else (SESSIONS, 60_000_000)
    inst = corpus.build(
        opts.work / "due-restart",
        seed=opts.seed + 15,
        sessions=sessions,
        total_bytes=total,
        cycle_bytes=total,
        size_spread=(0.8, 1.2),  # all under the limit
        openclaw_extra=extra,
    )
    assert all(x.size < limit for x in inst.sessions)
    run_once(inst.config)
    assert _flushes(inst) == 0
    pool = corpus.TextPool(opts.seed + 16)
    for i, sf in enumerate(inst.sessions):  # OpenClaw ran on, memoryd did not
        w = corpus.Writer(random.Random(opts.seed + i), pool, sf.session_id)
        grown = sf.size
        with sf.path.open("ab") as fh:
            while grown < limit + limit // 3:
                for line in w.turn(min(sf.prompt, corpus.FLUSH_POINT - 2_000)):
                    fh.write(line + b"\n")
                    grown += len(line) + 1
    d, notify, ready = _start(inst, opts.work / "notify-due-r.sock", timeout=900)
    reader = NotifyReader(notify)
    try:
        deadline = time.monotonic() + (60 if opts.quick else 600)
        while _flushes(inst) < len(inst.sessions) and time.monotonic() < deadline:
            time.sleep(0.02)
        drained = time.perf_counter() - d.started
    finally:
        d.stop()
        reader.close()
        notify.close()
    flushed = _flushes(inst)
    d, notify, base = _start(inst, opts.work / "notify-due-rb.sock", timeout=900)
    d.stop()
    notify.close()
    return [
        Figure(
            f"restart, {sessions} read sessions grown past the limit: start → READY=1",
            ready,
            "s",
            base,
            "the same restart with nothing due",
            target="<= 1 s",
            met=ready <= 1.0,
            samples=[ready],
        ),
        Figure(
            "restart: start → the last due flush done",
            drained,
            "s",
            _flush_work_ms(inst) / 1000,
            "the flushes' own duration_ms, summed",
            samples=[drained],
            note=f"{flushed} flushes",
        ),
    ]


def _flush_work_ms(inst: corpus.Install) -> float:
    """The sum of ``duration_ms`` of the due flushes (the transcript-size ones of the first start)."""
    import orjson

    total = 0.0
    path = inst.memoryd_state / "events.ndjson"
    for line in path.read_bytes().splitlines():
        if b'"memory.flush.completed"' in line:
            ev = orjson.loads(line)
            if ev["data"].get("trigger") == "transcript_bytes":
                total += float(ev["data"].get("duration_ms") or 0)
    return total
