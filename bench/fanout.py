"""Fan-out: 100 socket subscribers plus one that never reads.

A burst of ``E`` events (compaction entries appended to a live session in one write: one
``memory.compacted`` each) goes to ``N`` subscribers read by a separate process (one thread, raw sockets,
counting lines: the reader must not be the bottleneck). Timed: from the write to the moment every
subscriber has every event. Run A has the ``N`` readers only; run B adds one subscriber that connects,
subscribes and never reads. Figures: events/s in B (an event counts once all ``N`` have it), the
delay the stalled subscriber adds (B vs A), and the daemon's RSS before and after.
"""

from __future__ import annotations

import json
import random
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import orjson

from bench import corpus
from bench.common import Daemon, Figure, Opts, Result, clean_env, median, proc_cpu_ns, proc_status
from memoryd import client

READER = r"""
import json, selectors, socket, sys, time
path, n, e = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
needle = b'"type":"memory.compacted"'
sel = selectors.DefaultSelector()
socks = []
for i in range(n):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    s.sendall(b'{"op":"subscribe","since":"now","types":["memory.compacted"]}\n')
    buf = b""
    while b"\n" not in buf:
        buf += s.recv(4096)
    s.setblocking(False)
    socks.append(s)
    sel.register(s, selectors.EVENT_READ, i)
count = [0] * n
carry = [b""] * n
done = [0.0] * n
left = n
print("ready", flush=True)
deadline = time.monotonic() + float(sys.argv[4])
while left and time.monotonic() < deadline:
    for key, _ in sel.select(0.5):
        i = key.data
        data = key.fileobj.recv(1 << 20)
        if not data:
            sel.unregister(key.fileobj)
            continue
        chunk = carry[i] + data
        count[i] += chunk.count(needle)
        carry[i] = chunk[-(len(needle) - 1):]
        if count[i] >= e and not done[i]:
            done[i] = time.monotonic()
            left -= 1
print(json.dumps({"done": done, "count": count}), flush=True)
"""


def _compactions(rng: random.Random, n: int, parent: str) -> bytes:
    out = []
    for _ in range(n):
        eid = f"{rng.getrandbits(32):08x}"
        out.append(
            orjson.dumps(
                {
                    "type": "compaction",
                    "id": eid,
                    "parentId": parent,
                    "timestamp": "2026-11-21T10:00:00.000Z",
                    "summary": "s",
                    "firstKeptEntryId": parent,
                    "tokensBefore": 1000,
                }
            )
        )
        parent = eid
    return b"\n".join(out) + b"\n"


class Stalled:
    """Subscribes and then never reads."""

    def __init__(self, path: Path) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(str(path))
        self.sock.sendall(b'{"op":"subscribe","since":"now","types":["memory.compacted"]}\n')
        buf = b""
        while b"\n" not in buf:
            buf += self.sock.recv(4096)

    def close(self) -> None:
        self.sock.close()


def _burst(
    inst: corpus.Install, path: Path, n: int, e: int, rng: random.Random, stalled: bool, pid: int
) -> tuple[float, float, float]:
    """(seconds until all ``n`` readers had all ``e`` events, daemon CPU seconds, reader CPU seconds)."""
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(inst.socket), str(n), str(e), "300"],
        stdout=subprocess.PIPE,
        env=clean_env(),
    )
    assert reader.stdout is not None
    if reader.stdout.readline().strip() != b"ready":
        raise RuntimeError("the reader process did not start")
    stall = Stalled(inst.socket) if stalled else None
    try:
        time.sleep(0.2)
        burst = _compactions(rng, e, "root")
        cpu0 = proc_cpu_ns(pid)
        child0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        with open(path, "ab") as fh:
            fh.write(burst)
        out = json.loads(reader.stdout.readline())
        cpu = (proc_cpu_ns(pid) - cpu0) / 1e9
        reader.wait(30)
        child1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        reader_cpu = (child1.ru_utime + child1.ru_stime) - (child0.ru_utime + child0.ru_stime)
        if min(out["count"]) < e:
            raise RuntimeError(f"a reader got only {min(out['count'])} of {e} events")
        return max(out["done"]) - t0, cpu, reader_cpu
    finally:
        if stall is not None:
            stall.close()
        if reader.poll() is None:
            reader.kill()


def run(opts: Opts) -> Result:
    res = Result("fanout", "Fan-out: 100 subscribers plus one that never reads")
    n, e, repeats = (10, 500, 1) if opts.quick else (100, 5_000, 3)
    inst = corpus.Install(opts.work / "fanout", ["main"], reconcile_seconds=3600.0)
    inst.write_config()
    w = corpus.Writer(random.Random(opts.seed), corpus.TextPool(opts.seed), "fan")
    path = inst.sessions_dir("main") / "fan.jsonl"
    path.write_bytes(w.header() + b"\n" + w.user("hi") + b"\n" + w.assistant(20_000, tool=False) + b"\n")
    inst.write_store(
        "main",
        {
            "agent:main:fan": {
                "sessionId": "fan",
                "sessionFile": path.name,
                "totalTokens": 20_000,
                "compactionCount": 0,
            }
        },
    )
    rng = random.Random(opts.seed)
    res.params = {"subscribers": n, "events_per_burst": e, "repeats": repeats}
    with Daemon(inst.config, inst.socket) as d:
        d.wait_socket()
        # The first compaction flushes the session's unflushed turn; afterwards each is one event.
        with client.connect(inst.socket) as conn:
            sub = conn.subscribe(since="now", types=["memory.compacted"])
            with open(path, "ab") as fh:
                fh.write(_compactions(rng, 1, w.parent or "root"))
            next(sub)
        rss0 = proc_status(d.pid)["VmRSS"] / 1e6
        a: list[float] = []
        b: list[float] = []
        cpu: list[float] = []
        reader_cpu: list[float] = []
        for _ in range(repeats):
            a.append(_burst(inst, path, n, e, rng, stalled=False, pid=d.pid)[0])
            wall, daemon_s, reader_s = _burst(inst, path, n, e, rng, stalled=True, pid=d.pid)
            b.append(wall)
            cpu.append(daemon_s / e * 1e6)
            reader_cpu.append(reader_s / e * 1e6)
        st = proc_status(d.pid)
        rss1, hwm = st["VmRSS"] / 1e6, st["VmHWM"] / 1e6
    rate_b = [e / x for x in b]
    rate_a = [e / x for x in a]
    res.figures.append(
        Figure(
            f"events/s, each to all {n} readers (+1 stalled)",
            median(rate_b),
            "events/s",
            median(rate_a),
            f"the same with the {n} readers only",
            better="higher",
            target=">= 10,000 events/s",
            met=median(rate_b) >= 10_000,
            samples=rate_b,
            note=f"deliveries/s: {median(rate_b) * n:,.0f}",
        )
    )
    res.figures.append(
        Figure(
            f"time for {e} events to reach all readers, with the stalled one",
            median(b) * 1000,
            "ms",
            median(a) * 1000,
            "without the stalled one",
            target="no added delay (ratio ~1)",
            samples=[x * 1000 for x in b],
        )
    )
    res.figures.append(
        Figure(
            "daemon CPU per event (parse, track, log, fan out to all readers)",
            median(cpu),
            "µs",
            median(reader_cpu),
            f"the reading process's CPU per event (all {n} readers)",
            samples=cpu,
            note="steadier than events/s on a shared host; the two processes share 2 cores",
        )
    )
    res.figures.append(
        Figure(
            "daemon RSS after the bursts",
            rss1,
            "MB",
            rss0,
            "before the bursts",
            target="bounded",
            samples=[rss1],
            note=f"peak (VmHWM) {hwm:.1f} MB",
        )
    )
    return res
