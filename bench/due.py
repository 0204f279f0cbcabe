"""Due start: ``READY=1`` when every session is due a flush at start, and how long they take to drain.

The issue's case: a first start on 40 sessions, 150 MB, each one long cycle past the transcript-size
flush point (``forceFlushTranscriptBytes``), so each is flushed on first sight. The daemon starts under
a fake systemd (``NOTIFY_SOCKET``): the figure is spawn -> ``READY=1``; then spawn -> the last
``memory.flush.completed``. Baseline: the same start again once all is read and flushed (nothing due:
interpreter, imports, the catch-up of a read install).
"""

from __future__ import annotations

import time
from pathlib import Path

from bench import corpus
from bench.common import Daemon, Figure, NotifySocket, Opts, Result

SESSIONS, BYTES = 40, 150_000_000
QUICK_SESSIONS, QUICK_BYTES = 4, 4_000_000


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


def run(opts: Opts) -> Result:
    res = Result("due_start", "Due start: READY=1 with every session due a flush")
    sessions, total = (QUICK_SESSIONS, QUICK_BYTES) if opts.quick else (SESSIONS, BYTES)
    # --quick: small sessions, so a small transcript-size flush point makes each one due.
    extra = "compaction: { memoryFlush: { forceFlushTranscriptBytes: 200000 } }," if opts.quick else ""
    inst = corpus.build(
        opts.work / "due",
        seed=opts.seed + 13,
        sessions=sessions,
        total_bytes=total,
        cycle_bytes=total,
        openclaw_extra=extra,
    )
    before = _flushes(inst)
    d, notify, ready = _start(inst, opts.work / "notify-due.sock", timeout=900)
    try:
        deadline = time.monotonic() + (60 if opts.quick else 300)
        while _flushes(inst) < before + sessions and time.monotonic() < deadline:
            time.sleep(0.02)
        drained = time.perf_counter() - d.started
        flushed = _flushes(inst) - before
        statuses = [m.decode(errors="replace") for _, m in notify.messages]
    finally:
        d.stop()
        notify.close()
    base: list[float] = []
    for i in range(2 if opts.quick else 3):
        d, notify, t = _start(inst, opts.work / f"notify-due-b{i}.sock", timeout=900)
        d.stop()
        notify.close()
        base.append(t)
    base_median = sorted(base)[len(base) // 2]
    res.params = {
        "sessions": sessions,
        "bytes": inst.total_bytes,
        "due": sessions,
        "flushed": flushed,
        "notify_messages": statuses[:20],
    }
    res.figures.append(
        Figure(
            "start → READY=1, every session due",
            ready,
            "s",
            base_median,
            "start → READY=1 with nothing due",
            target="<= 1 s",
            met=ready <= 1.0,
            samples=[ready],
        )
    )
    res.figures.append(
        Figure(
            "start → the last due flush done",
            drained,
            "s",
            base_median,
            "start → READY=1 with nothing due",
            samples=[drained],
            note=f"{flushed} flushes",
        )
    )
    return res
