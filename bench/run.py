"""memoryd's benchmark suite: ``.venv/bin/python bench/run.py [--quick] [--out results.json] [--only NAME]``.

Every figure is measured against a baseline taken in the same run on the same machine, and reported
with the ratio of the two (see docs/BENCHMARKS.md). Everything happens in a temp dir that is removed
at the end. ``--quick`` shrinks every corpus so the whole suite runs in well under a minute (CI runs it
only to prove that it still runs: its figures mean little).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench`` and ``memoryd`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson

from bench.common import Opts, Result

BENCHMARKS = (
    "cold_ingest",
    "incremental",
    "latency",
    "flush",
    "memory",
    "fanout",
    "ready",
    "idle",
    "due_start",
    "sqlite",
    "huge",
)
MODULES = {
    "cold_ingest": "bench.ingest",
    "incremental": "bench.append",
    "latency": "bench.latency",
    "flush": "bench.flush",
    "memory": "bench.memory",
    "fanout": "bench.fanout",
    "ready": "bench.ready",
    "sqlite": "bench.sqlite",
    "idle": "bench.idle",
    "due_start": "bench.due",
    "huge": "bench.huge",
}


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    try:
        with open("/proc/cpuinfo") as fh:
            info["cpu"] = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "")
        with open("/proc/meminfo") as fh:
            info["mem_total_kb"] = int(next(ln for ln in fh if ln.startswith("MemTotal")).split()[1])
        info["loadavg"] = os.getloadavg()
    except (OSError, StopIteration):
        pass
    return info


def _fmt(x: float | None) -> str:
    if x is None:
        return "-"
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def table(results: list[dict[str, Any]]) -> str:
    """A Markdown table: benchmark, figure, value, baseline, ratio, target, met, spread."""
    rows = [
        "| benchmark | figure | value | baseline | ratio | target | met | spread (n) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        if r.get("error"):
            rows.append(f"| {r['name']} | ERROR: {r['error'].splitlines()[-1][:80]} | | | | | | |")
            continue
        for f in r["figures"]:
            base = f"{_fmt(f['baseline'])} ({f['baseline_name']})" if f["baseline"] is not None else "-"
            met = {True: "yes", False: "**no**", None: ""}[f["met"]]
            spread = f"{_fmt(f['spread'][0])}–{_fmt(f['spread'][1])} ({f['repeats']})" if f["spread"] else ""
            rows.append(
                f"| {r['name']} | {f['name']} | {_fmt(f['value'])} {f['unit']} | {base} | "
                f"{_fmt(f['ratio'])} | {f['target']} | {met} | {spread} |"
            )
    return "\n".join(rows)


def run_one(name: str, opts: Opts) -> Result:
    t0 = time.perf_counter()
    try:
        res: Result = importlib.import_module(MODULES[name]).run(opts)
    except Exception:
        res = Result(name, name, error=traceback.format_exc())
    res.seconds = time.perf_counter() - t0
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--quick", action="store_true", help="small corpora, few repeats (CI: proves it runs)")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    ap.add_argument("--only", action="append", choices=BENCHMARKS, help="run only these (repeatable)")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (for looking at it)")
    args = ap.parse_args(argv)
    names = args.only or list(BENCHMARKS)
    work = Path(tempfile.mkdtemp(prefix="memoryd-bench-"))
    opts = Opts(quick=args.quick, work=work)
    started = time.time()
    results: list[dict[str, Any]] = []
    try:
        for name in names:
            print(f"== {name} ...", file=sys.stderr, flush=True)
            res = run_one(name, opts)
            if res.error:
                print(res.error, file=sys.stderr)
            results.append(res.to_json())
            print(f"   {res.seconds:.1f} s", file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)
    doc = {
        "quick": args.quick,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": round(time.time() - started, 1),
        "machine": machine(),
        "benchmarks": results,
    }
    print(table(results))
    if args.out:
        args.out.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n")
    return 1 if any(r.get("error") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
