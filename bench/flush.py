"""One flush of a full 176k-token cycle: time and bytes written (the rules extractor: no LLM).

In-process: the daemon's engine catches up with one session whose current cycle is ~700 KB of
transcript (about 176k tokens) just below the flush point, with a day's log that already holds notes;
then the reply that crosses the point is appended and the engine handles it as it would a watcher
batch. Timed: that handling (crossing, ``memory.flush.started``, extraction, the Markdown append and
the fsyncs, ``memory.flush.completed``, the checkpoint). Bytes: what the process wrote meanwhile
(``/proc/self/io`` ``wchar``) and the Markdown block alone. Baseline: reading the cycle's bytes and
decoding every line with ``orjson`` (the least any flush must do).
"""

from __future__ import annotations

import os
import random
import shutil
import time
from datetime import date
from pathlib import Path

import orjson

from bench import corpus
from bench.common import Figure, Opts, Result, median, proc_io
from memoryd import logs
from memoryd.config import load_settings
from memoryd.daemon import Daemon

CYCLE_BYTES = 704_000  # ~176k tokens at ~4 bytes a token


def _template(root: Path, seed: int) -> corpus.Install:
    inst = corpus.Install(root, ["main"], reconcile_seconds=3600.0)
    inst.write_config()
    pool = corpus.TextPool(seed)
    sid = corpus.session_id_for(seed, 0)
    data, w = corpus.transcript(seed, pool, sid, CYCLE_BYTES, final_prompt=160_000, cycle_bytes=10**9)
    path = inst.sessions_dir("main") / f"{sid}.jsonl"
    path.write_bytes(data)
    inst.sessions.append(corpus.SessionFile("main", "agent:main:main", sid, path, len(data), 160_000, 0))
    inst.write_store("main")
    # The reply that crosses the point, kept for the measurement.
    (root / "crossing.line").write_bytes(w.assistant(corpus.FLUSH_POINT + 2_000, tool=False) + b"\n")
    # Earlier notes of the day (what dedupe compares against).
    rng = random.Random(seed)
    mem = inst.workspace("main") / "memory"
    mem.mkdir(parents=True, exist_ok=True)
    notes = ["# Notes", ""] + [f"- {pool.pick(rng, rng.choice((60, 120, 200)))[:200]}" for _ in range(60)]
    day_log = mem / f"{date.today().isoformat()}.md"
    day_log.write_text("\n".join(notes) + "\n")
    old = time.time() - 3600  # written an hour ago: nobody is editing it now
    os.utime(day_log, (old, old))
    return inst


def _one(template: Path, work: Path) -> dict[str, float]:
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, work)
    inst = corpus.Install(work, ["main"], reconcile_seconds=3600.0)
    inst.write_config()
    settings = load_settings(str(inst.config))
    d = Daemon(settings)
    d.journal.open()
    try:
        d.engine.start()
        d.engine.scan_all()
        transcript = next(inst.sessions_dir("main").glob("*.jsonl"))
        with open(transcript, "ab") as fh:
            fh.write((work / "crossing.line").read_bytes())
        w0 = proc_io(os.getpid())["wchar"]
        t0 = time.perf_counter()
        d.engine.handle_paths({str(transcript)})
        elapsed = time.perf_counter() - t0
        wrote = proc_io(os.getpid())["wchar"] - w0
    finally:
        d.engine.close()
        d.journal.close()
    done = [
        e
        for e in (orjson.loads(x) for x in settings.event_log.read_bytes().splitlines())
        if e["type"] == "memory.flush.completed"
    ]
    if len(done) != 1:
        raise RuntimeError(f"expected one flush, the log has {len(done)}")
    data = done[0]["data"]
    started = next(
        e
        for e in (orjson.loads(x) for x in settings.event_log.read_bytes().splitlines())
        if e["type"] == "memory.flush.started"
    )
    rng = started["data"]["range"]
    with open(transcript, "rb") as fh:
        fh.seek(rng["start_offset"])
        span = fh.read(rng["end_offset"] - rng["start_offset"])
    t1 = time.perf_counter()
    for line in span.split(b"\n"):
        if line:
            orjson.loads(line)
    raw = time.perf_counter() - t1
    return {
        "ms": elapsed * 1000,
        "duration_ms": float(data["duration_ms"]),
        "md_bytes": float(data["bytes"]),
        "wchar": float(wrote),
        "items": float(data["item_count"]),
        "range_bytes": float(len(span)),
        "raw_ms": raw * 1000,
    }


def run(opts: Opts) -> Result:
    res = Result("flush", "One flush of a full 176k-token cycle")
    logs.configure("warning")
    repeats = 2 if opts.quick else 7
    template = opts.work / "flush-template"
    _template(template, opts.seed)
    runs = [_one(template, opts.work / "flush-run") for _ in range(repeats)]
    shutil.rmtree(opts.work / "flush-run", ignore_errors=True)
    res.params = {
        "range_bytes": runs[0]["range_bytes"],
        "items": runs[0]["items"],
        "day_log_lines_before": 62,
        "repeats": repeats,
    }
    ms = [r["ms"] for r in runs]
    res.figures.append(
        Figure(
            "flush time (crossing → flush.completed, in the engine)",
            median(ms),
            "ms",
            median([r["raw_ms"] for r in runs]),
            "orjson.loads of the cycle's lines",
            target="<= 150 ms",
            met=median(ms) <= 150,
            samples=ms,
        )
    )
    res.figures.append(
        Figure(
            "extract+write (the event's duration_ms)",
            median([r["duration_ms"] for r in runs]),
            "ms",
            None,
            samples=[r["duration_ms"] for r in runs],
        )
    )
    res.figures.append(
        Figure(
            "bytes written by the flush (all files)",
            median([r["wchar"] for r in runs]),
            "B",
            median([r["md_bytes"] for r in runs]),
            "the Markdown block",
            samples=[r["wchar"] for r in runs],
            note="event log lines and the checkpoint besides the block",
        )
    )
    return res
