"""Cold ingest: ``memoryd run --once`` over a corpus vs a raw read + split + ``orjson.loads`` of the same files."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import orjson

from bench import corpus
from bench.common import Figure, Opts, Result, clean_env, mb, median, run_once

RAW = """
import sys, time, orjson
t = time.perf_counter()
for name in sys.argv[1:]:
    with open(name, "rb") as fh:
        data = fh.read()
    for line in data.split(b"\\n"):
        if line:
            orjson.loads(line)
print(time.perf_counter() - t)
"""

ENGINE = """
import sys, time
from memoryd import logs
from memoryd.config import load_settings
from memoryd.daemon import Daemon
logs.configure("warning")
d = Daemon(load_settings(sys.argv[1]))
t = time.perf_counter()
d.run_once()
print(time.perf_counter() - t)
"""


def raw_parse(files: list[Path]) -> float:
    """The baseline: read each file, split it into lines, decode every line. Seconds."""
    t0 = time.perf_counter()
    for path in files:
        with open(path, "rb") as fh:
            data = fh.read()
        for line in data.split(b"\n"):
            if line:
                orjson.loads(line)
    return time.perf_counter() - t0


def _with_due_sessions(opts: Opts, repeats: int) -> tuple[list[float], list[float], int]:
    """(memoryd MB/s of each repeat, raw MB/s of each, flushes) on a corpus where 5% of the sessions are due a flush.

    On a real install about that share sits between memoryd's flush point and OpenClaw's
    threshold (the lead over a cycle); memoryd flushes them when it first sees them.
    """
    sessions, total = (12, 4_000_000) if opts.quick else (240, 240_000_000)
    inst = corpus.build(
        opts.work / "ingest-due",
        seed=opts.seed + 1,
        sessions=sessions,
        total_bytes=total,
        agents=3,
        due_fraction=0.05,
    )
    files = [s.path for s in inst.sessions]
    raw: list[float] = []
    once: list[float] = []
    for _ in range(min(repeats, 3)):
        raw.append(raw_parse(files))
        inst.reset_memoryd()
        once.append(run_once(inst.config))
    events = [orjson.loads(x) for x in (inst.memoryd_state / "events.ndjson").read_bytes().splitlines()]
    flushes = sum(1 for e in events if e["type"] == "memory.flush.completed")
    mbytes = mb(inst.total_bytes)
    return [mbytes / x for x in once], [mbytes / x for x in raw], flushes


def _python(code: str, *args: str) -> tuple[float, float]:
    """(wall seconds of a new interpreter running ``code``, the seconds it printed)."""
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=clean_env(), capture_output=True, check=True, timeout=600
    )
    return time.perf_counter() - t0, float(out.stdout.decode().strip().splitlines()[-1])


def run(opts: Opts) -> Result:
    res = Result("cold_ingest", "Cold ingest: memoryd run --once vs raw orjson")
    sessions, total, repeats = (12, 4_000_000, 1) if opts.quick else (240, 240_000_000, 5)
    inst = corpus.build(
        opts.work / "ingest", seed=opts.seed, sessions=sessions, total_bytes=total, agents=3, real=True
    )
    files = [s.path for s in inst.sessions]
    nbytes = inst.total_bytes
    lines = sum(p.read_bytes().count(b"\n") for p in files)  # also warms the page cache
    res.params = {
        "sessions": len(files),
        "bytes": nbytes,
        "lines": lines,
        "real_transcripts": sum(1 for s in inst.sessions if s.agent == "real"),
        "repeats": repeats,
    }

    raw_in: list[float] = []
    raw_new: list[float] = []
    once: list[float] = []
    engine: list[float] = []
    names = [str(p) for p in files]
    for _ in range(repeats):  # interleaved, so that machine noise hits every kind alike
        raw_in.append(raw_parse(files))
        raw_new.append(_python(RAW, *names)[0])
        inst.reset_memoryd()
        once.append(run_once(inst.config))
        inst.reset_memoryd()
        engine.append(_python(ENGINE, str(inst.config))[1])
    events = [orjson.loads(x) for x in (inst.memoryd_state / "events.ndjson").read_bytes().splitlines()]
    res.params["flushes_in_once"] = sum(1 for e in events if e["type"] == "memory.flush.completed")
    res.params["source_errors"] = sum(1 for e in events if e["type"] == "source.error")

    def rate(xs: list[float]) -> list[float]:
        return [mb(nbytes) / x for x in xs]

    base = median(rate(raw_in))
    e2e = median(rate(once))
    res.figures.append(
        Figure(
            "memoryd run --once, end to end",
            e2e,
            "MB/s",
            base,
            "raw read+split+orjson.loads, in-process",
            better="higher",
            target=">= 0.6 of raw",
            met=e2e / base >= 0.6,
            samples=rate(once),
            note="a new process each time: interpreter start and imports included",
        )
    )
    eng = median(rate(engine))
    res.figures.append(
        Figure(
            "memoryd engine only (Daemon.run_once)",
            eng,
            "MB/s",
            base,
            "raw read+split+orjson.loads, in-process",
            better="higher",
            target=">= 0.6 of raw",
            met=eng / base >= 0.6,
            samples=rate(engine),
            note="timed inside the process, after imports",
        )
    )
    raw_new_rate = median(rate(raw_new))
    res.figures.append(
        Figure(
            "memoryd run --once vs raw, both in a new process",
            e2e,
            "MB/s",
            raw_new_rate,
            "raw read+split+orjson.loads in a new python",
            better="higher",
            target=">= 0.6 of raw",
            met=e2e / raw_new_rate >= 0.6,
            samples=rate(once),
        )
    )
    due_rates, due_bases, due_flushes = _with_due_sessions(opts, repeats)
    due_rate, due_base = median(due_rates), median(due_bases)
    res.params["due_corpus_flushes"] = due_flushes
    res.figures.append(
        Figure(
            "run --once with 5% of sessions past their flush point, end to end",
            due_rate,
            "MB/s",
            due_base,
            "raw read+split+orjson.loads of that corpus, in-process",
            better="higher",
            target=">= 0.6 of raw",
            met=due_rate / due_base >= 0.6,
            samples=due_rates,
            note="a corpus of its own, as large; those sessions are flushed on first sight: extraction",
        )
    )
    res.figures.append(
        Figure(
            "raw baseline, in-process",
            base,
            "MB/s",
            None,
            better="higher",
            samples=rate(raw_in),
            note=f"{lines} lines, {mb(nbytes):.0f} MB",
        )
    )
    return res
