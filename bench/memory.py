"""Memory: the daemon's RSS with 1,000 sessions and 1 GB of history (read from /proc/<pid>/status).

The daemon starts on an install of 1,000 transcripts (1 GB; 40 and 20 MB in --quick) it has never
seen, reads them all (its first catch-up), and goes on watching. Figures: RSS once settled after the
catch-up (median of samples over two seconds), and the peak (VmHWM). Baseline: the same daemon on an
install with no session at all.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench import corpus
from bench.common import Daemon, Figure, NotifySocket, Opts, Result, median, proc_status

GB_SESSIONS, GB_BYTES = 1_000, 1_000_000_000
QUICK_SESSIONS, QUICK_BYTES = 40, 8_000_000


def big_install(opts: Opts) -> corpus.Install:
    """The 1 GB install (built once per run, shared with the READY benchmark)."""
    root = opts.work / "big"
    sessions, total = (QUICK_SESSIONS, QUICK_BYTES) if opts.quick else (GB_SESSIONS, GB_BYTES)
    marker = root / ".built"
    if marker.exists():
        inst = corpus.Install(root, [f"a{i}" for i in range(4)])
        for a in inst.agents:
            for p in sorted(inst.sessions_dir(a).glob("*.jsonl")):
                inst.sessions.append(corpus.SessionFile(a, "", p.stem, p, p.stat().st_size, 0, 0))
        return inst
    inst = corpus.build(root, seed=opts.seed + 7, sessions=sessions, total_bytes=total, agents=4)
    marker.touch()
    return inst


def empty_install(opts: Opts) -> corpus.Install:
    inst = corpus.Install(opts.work / "empty", ["a0"])
    inst.write_config()
    inst.write_store("a0", {})
    return inst


def settled_rss(pid: int, seconds: float = 2.0) -> tuple[float, list[float]]:
    samples = []
    for _ in range(5):
        time.sleep(seconds / 5)
        samples.append(proc_status(pid)["VmRSS"] / 1e6)
    return median(samples), samples


def start_until_ready(inst: corpus.Install, notify_path: Path, timeout: float) -> tuple[Daemon, float]:
    """A daemon under a fake systemd; seconds from the spawn to ``READY=1``."""
    notify = NotifySocket(notify_path)
    try:
        d = Daemon(inst.config, inst.socket, notify=notify_path)
        try:
            ready = notify.wait_for(b"READY=1", timeout)
        except BaseException:
            d.stop()
            raise
        return d, ready - d.started
    finally:
        notify.close()


def run(opts: Opts) -> Result:
    res = Result("memory", "Memory: RSS with 1,000 sessions and 1 GB of history")
    empty = empty_install(opts)
    with Daemon(empty.config, empty.socket) as d:
        d.wait_socket()
        base, base_samples = settled_rss(d.pid, 0.5 if opts.quick else 2.0)
    inst = big_install(opts)
    inst.reset_memoryd()
    res.params = {"sessions": len(inst.sessions), "bytes": inst.total_bytes}
    d, first_ready = start_until_ready(inst, opts.work / "notify-mem.sock", timeout=1800)
    with d:
        d.wait_socket()
        rss, samples = settled_rss(d.pid, 0.5 if opts.quick else 2.0)
        hwm = proc_status(d.pid)["VmHWM"] / 1e6
        sessions = len(d.status()["sessions"])
    res.params["sessions_tracked"] = sessions
    res.figures.append(
        Figure(
            "RSS after the catch-up",
            rss,
            "MB",
            base,
            "the daemon with no session",
            target="<= 80 MB",
            met=rss <= 80,
            samples=samples,
        )
    )
    res.figures.append(
        Figure(
            "peak RSS (VmHWM) during the first read",
            hwm,
            "MB",
            base,
            "the daemon with no session",
            samples=[hwm],
        )
    )
    res.figures.append(
        Figure(
            "first start to READY=1 (reads all of it)",
            first_ready,
            "s",
            None,
            samples=[first_ready],
            note=f"{inst.total_bytes / 1e6:.0f} MB read: {inst.total_bytes / 1e6 / first_ready:.0f} MB/s",
        )
    )
    res.figures.append(Figure("RSS of the daemon with no session", base, "MB", None, samples=base_samples))
    return res
