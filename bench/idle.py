"""Idle: the daemon's CPU with 100 sessions watched and nothing written, and the latency it keeps.

Four processes sit side by side over the same window (so the host's noise hits each alike): the
daemon with its inotify watcher (the default on Linux), the daemon with ``MEMORYD_WATCHER=watchfiles``
(what other platforms get), ``watchfiles`` alone with memoryd's settings on the same folders (the
cost of the watcher memoryd used before), and a bare interpreter asleep (the floor). CPU is every
thread's ``schedstat`` run time over the window, as a share of one core. Then write ->
``memory.threshold.crossed`` for both watchers, with ``bench/latency.py``'s OpenClaw writer.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench import corpus
from bench.common import Daemon, Figure, Opts, Result, clean_env, proc_cpu_ns, quantile
from bench.latency import OpenClaw, Subscriber, measure_crossings
from memoryd.daemon import WATCH_DEBOUNCE_MS, WATCH_STEP_MS, WATCH_TIMEOUT_MS

AGENTS = 4
TARGET_PCT = 0.1

WATCHFILES_ALONE = """
import sys, watchfiles
for _ in watchfiles.watch(*sys.argv[1:], step={step}, debounce={debounce}, rust_timeout={timeout},
                          yield_on_timeout=True, recursive=False):
    pass
"""


def install(root: Path, sessions: int, seed: int) -> tuple[corpus.Install, OpenClaw, str]:
    """``sessions`` live sessions over four agents, as OpenClaw leaves them between turns; the
    writer of the first agent and one of its sessions."""
    inst = corpus.Install(root, [f"a{i}" for i in range(AGENTS)])
    inst.write_config()
    first: tuple[OpenClaw, str] | None = None
    for i, agent in enumerate(inst.agents):
        oc = OpenClaw(inst, agent, seed + i)
        for j in range(i, sessions, AGENTS):
            sid = oc.new_session(j)
            first = first or (oc, sid)
    assert first is not None
    return inst, *first


def first_write_after_quiet(oc: OpenClaw, sid: str, socket_path: Path) -> float:
    """ms from a reply that crosses the flush point, the first write after the idle windows, to its
    ``threshold.crossed``: what the watcher's idle setting costs in latency."""
    sub = Subscriber(socket_path)
    try:
        time.sleep(0.2)  # the subscription is in place
        t0 = oc.reply(sid, corpus.FLUSH_POINT + 1_000)
        return (sub.wait(("memory.threshold.crossed", sid, 0)) - t0) * 1000
    finally:
        sub.close()


def cpu_share(pids: dict[str, int], seconds: float) -> dict[str, float]:
    """% of one core each process used over the same ``seconds``."""
    before = {k: proc_cpu_ns(p) for k, p in pids.items()}
    t0 = time.perf_counter()
    time.sleep(seconds)
    wall = time.perf_counter() - t0
    return {k: (proc_cpu_ns(p) - before[k]) / 1e9 / wall * 100 for k, p in pids.items()}


def run(opts: Opts) -> Result:
    res = Result("idle", "Idle: CPU with 100 sessions watched, nothing written")
    sessions = 100
    window, settle, windows = (2.0, 1.0, 1) if opts.quick else (6.0, 3.0, 3)
    lat_sessions, lat_rounds = (1, 2) if opts.quick else (4, 20)
    a, oc_a, sid_a = install(opts.work / "idle-inotify", sessions, opts.seed)
    b, oc_b, sid_b = install(opts.work / "idle-watchfiles", sessions, opts.seed)
    folders = [str(b.sessions_dir(x)) for x in b.agents]
    code = WATCHFILES_ALONE.format(step=WATCH_STEP_MS, debounce=WATCH_DEBOUNCE_MS, timeout=WATCH_TIMEOUT_MS)
    alone = subprocess.Popen([sys.executable, "-c", code, *folders], env=clean_env())
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)"], env=clean_env())
    samples: dict[str, list[float]] = {}
    try:
        with (
            Daemon(a.config, a.socket, env={"MEMORYD_WATCHER": "inotify"}) as da,
            Daemon(b.config, b.socket, env={"MEMORYD_WATCHER": "watchfiles"}) as db,
        ):
            da.wait_socket()
            db.wait_socket()
            backends = (
                da.status()["daemon"].get("watcher_backend"),
                db.status()["daemon"].get("watcher_backend"),
            )
            time.sleep(settle)  # the first reconcile and checkpoint after the catch-up
            pids = {"inotify": da.pid, "watchfiles": db.pid, "alone": alone.pid, "sleep": sleeper.pid}
            for _ in range(windows):
                for k, v in cpu_share(pids, window).items():
                    samples.setdefault(k, []).append(v)
            quiet = {
                "inotify": first_write_after_quiet(oc_a, sid_a, a.socket),
                "watchfiles": first_write_after_quiet(oc_b, sid_b, b.socket),
            }
    finally:
        for p in (alone, sleeper):
            p.kill()
            p.wait()
    res.params = {
        "sessions": sessions,
        "agents": AGENTS,
        "window_seconds": window,
        "windows": windows,
        "backends_reported": list(backends),
        "latency_crossings_per_watcher": lat_sessions * lat_rounds,
    }

    def med(k: str) -> float:
        return quantile(samples[k], 0.5)

    alone_name = f"watchfiles alone (step {WATCH_STEP_MS}, debounce {WATCH_DEBOUNCE_MS})"
    for key, label in (("inotify", "inotify watcher (Linux default)"), ("watchfiles", "watchfiles watcher")):
        res.figures.append(
            Figure(
                f"idle CPU, {label}",
                med(key),
                "% core",
                med("alone"),
                alone_name,
                target=f"<= {TARGET_PCT:g} % core",
                met=med(key) <= TARGET_PCT,
                samples=samples[key],
            )
        )
    res.figures.append(
        Figure(
            f"idle CPU, {alone_name}",
            med("alone"),
            "% core",
            med("sleep"),
            "a bare interpreter asleep",
            samples=samples["alone"],
        )
    )
    res.figures.append(
        Figure("idle CPU, a bare interpreter asleep", med("sleep"), "% core", None, samples=samples["sleep"])
    )

    for key in ("inotify", "watchfiles"):
        res.figures.append(
            Figure(
                f"first write after the idle windows → threshold.crossed, {key} watcher",
                quiet[key],
                "ms",
                quiet["inotify"] if key == "watchfiles" else None,
                "the inotify watcher" if key == "watchfiles" else "",
                samples=[quiet[key]],
            )
        )
    lat: dict[str, list[float]] = {}
    for key in ("inotify", "watchfiles"):
        crossed, _, _ = measure_crossings(
            opts.work / f"idle-lat-{key}", lat_sessions, lat_rounds, opts.seed, env={"MEMORYD_WATCHER": key}
        )
        lat[key] = crossed
    for q, target in ((0.5, 20.0), (0.99, 60.0)):
        tag = "p50" if q == 0.5 else "p99"
        base = quantile(lat["watchfiles"], q)
        for key in ("inotify", "watchfiles"):
            value = quantile(lat[key], q)
            res.figures.append(
                Figure(
                    f"write → threshold.crossed {tag}, {key} watcher",
                    value,
                    "ms",
                    base if key == "inotify" else None,
                    f"watchfiles watcher {tag}" if key == "inotify" else "",
                    target=f"<= {target:g} ms",
                    met=value <= target,
                    samples=lat[key],
                )
            )
    return res
