"""Start to ``READY=1`` with 1 GB of history already read.

The install of the memory benchmark (1,000 sessions, 1 GB) is caught up first (``memoryd run --once``
when the memory benchmark did not run before). Then the daemon is started again and again under a fake
systemd: ``NOTIFY_SOCKET`` names an AF_UNIX datagram socket this process binds, and the time from the
spawn to the ``READY=1`` datagram is the figure. Baseline: the same start on an install with no session
(interpreter, imports, socket: the fixed cost).
"""

from __future__ import annotations

from bench.common import Figure, Opts, Result, median, run_once
from bench.memory import big_install, empty_install, start_until_ready


def run(opts: Opts) -> Result:
    res = Result("ready", "Start to READY=1 with 1 GB already read")
    repeats = 2 if opts.quick else 5
    inst = big_install(opts)
    if not (inst.memoryd_state / "checkpoint.json").exists():
        run_once(inst.config, timeout=1800)
    empty = empty_install(opts)
    warm: list[float] = []
    base: list[float] = []
    for i in range(repeats):
        d, t = start_until_ready(inst, opts.work / f"notify-r{i}.sock", timeout=600)
        d.stop()
        warm.append(t)
        d, t = start_until_ready(empty, opts.work / f"notify-e{i}.sock", timeout=600)
        d.stop()
        base.append(t)
    res.params = {"sessions": len(inst.sessions), "bytes": inst.total_bytes, "repeats": repeats}
    res.figures.append(
        Figure(
            "start → READY=1, history already read",
            median(warm),
            "s",
            median(base),
            "start → READY=1 with no session",
            target="<= 1 s",
            met=median(warm) <= 1.0,
            samples=warm,
        )
    )
    return res
