"""Incremental cost: one line appended to a 200 MB transcript, as bytes read and CPU time of the daemon.

The daemon tracks two sessions: a big one (200 MB; 20 MB in --quick) and a small one (64 KB). For each
append the daemon's ``/proc/<pid>/io`` (``rchar``: bytes its ``read``/``pread`` calls returned, page
cache included; ``read_bytes``: from the disk) and its CPU time (``schedstat`` of all threads) are
read before and after a fixed wait; the same wait with no append before it is the idle cost, which is
subtracted. Baselines: bytes — the appended line itself; CPU — the same append to the small transcript.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from bench import corpus
from bench.common import Daemon, Figure, Opts, Result, median, proc_cpu_ns, proc_io, wait_until

WAIT = 0.25  # s after an append: longer than the watcher's batching and the read


def _window(pid: int, action: Callable[[], None] | None) -> tuple[int, int]:
    """(rchar, cpu ns) the daemon spends in WAIT seconds after ``action()`` (None: idle)."""
    io0, cpu0 = proc_io(pid)["rchar"], proc_cpu_ns(pid)
    if action is not None:
        action()
    time.sleep(WAIT)
    return proc_io(pid)["rchar"] - io0, proc_cpu_ns(pid) - cpu0


def run(opts: Opts) -> Result:
    res = Result("incremental", "Incremental cost of one appended line")
    big, n = (4_000_000, 3) if opts.quick else (200_000_000, 40)
    inst = corpus.build(
        opts.work / "append",
        seed=opts.seed,
        sessions=2,
        total_bytes=2 * big,
        size_spread=(1.0, 1.0),
        reconcile_seconds=3600.0,  # no periodic rescan inside the measured windows
    )
    # One big, one small session: regenerate the second as 64 KB.
    small = inst.sessions[1]
    data, _ = corpus.transcript(
        opts.seed + 99, corpus.TextPool(opts.seed), small.session_id, 64_000, final_prompt=30_000
    )
    small.path.write_bytes(data)
    small.size = len(data)
    inst.sessions[0].size = inst.sessions[0].path.stat().st_size
    inst.write_store("a0")
    writer = corpus.Writer(random.Random(opts.seed), corpus.TextPool(opts.seed + 1), "x")
    line = (
        writer.user("Remember that the release train leaves on Thursday at 10:00; Dana owns the checklist.")
        + b"\n"
    )

    def append_to(path: Path) -> Callable[[], None]:
        def go() -> None:
            with open(path, "ab") as fh:
                fh.write(line)

        return go

    res.params = {
        "big_bytes": inst.sessions[0].size,
        "small_bytes": small.size,
        "line_bytes": len(line),
        "appends": n,
    }
    samples: dict[str, list[tuple[int, int]]] = {"big": [], "small": [], "idle": []}
    with Daemon(inst.config, inst.socket) as d:
        d.wait_socket(timeout=600)
        time.sleep(1.0)  # the first catch-up's checkpoint and fsyncs are done
        for _ in range(n):
            samples["idle"].append(_window(d.pid, None))
            samples["big"].append(_window(d.pid, append_to(inst.sessions[0].path)))
            samples["small"].append(_window(d.pid, append_to(small.path)))
        sizes = {s.session_id: s.path.stat().st_size for s in inst.sessions}
        wait_until(
            lambda: all(s["transcript_bytes"] == sizes[s["session_id"]] for s in d.status()["sessions"]),
            "the daemon to have read every append",
            timeout=10,
        )
    idle_io = median([x[0] for x in samples["idle"]])
    idle_cpu = median([x[1] for x in samples["idle"]])
    big_io = [x[0] - idle_io for x in samples["big"]]
    big_cpu = [(x[1] - idle_cpu) / 1e6 for x in samples["big"]]
    small_cpu = [(x[1] - idle_cpu) / 1e6 for x in samples["small"]]
    res.figures.append(
        Figure(
            f"bytes read per append ({inst.sessions[0].size / 1e6:.0f} MB transcript)",
            median(big_io),
            "B",
            float(len(line)),
            "the appended line",
            note=f"idle window subtracted ({idle_io:.0f} B); file is {inst.sessions[0].size / 1e6:.0f} MB",
            samples=[float(x) for x in big_io],
        )
    )
    res.figures.append(
        Figure(
            "CPU per append (big transcript)",
            median(big_cpu),
            "ms",
            median(small_cpu),
            "same append to a 64 KB transcript",
            target="independent of file size (ratio ~1)",
            samples=big_cpu,
            note=f"idle window ({WAIT:g} s) subtracted: {idle_cpu / 1e6:.2f} ms",
        )
    )
    res.figures.append(
        Figure(
            "bytes read per append vs file size",
            median(big_io),
            "B",
            float(inst.sessions[0].size),
            "re-reading the file",
            samples=[float(x) for x in big_io],
        )
    )
    return res
