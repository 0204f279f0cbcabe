"""Latency from a transcript write to its event on the socket, over many threshold crossings.

A writer does what OpenClaw 2026.7 does for each reply: it appends the transcript lines, rewrites the
transcript in place (truncate, same bytes), and replaces ``sessions.json`` (temp file + rename). Each
cycle of a session is two ordinary turns, one turn whose reply crosses memoryd's flush point (timed:
from the append of that reply to ``memory.threshold.crossed`` and to ``memory.flush.completed``), and a
compaction (timed: from its append to ``memory.compacted``). A subscriber (``memoryd.client``, in a
thread) timestamps the events as they arrive. The baseline is ``watchfiles`` alone, with its default
settings, seeing the same kind of writes: the time from the append to the first change batch.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from pathlib import Path
from typing import Any

import watchfiles

from bench import corpus
from bench.common import Daemon, Figure, Opts, Result, median, quantile
from memoryd import client
from memoryd.daemon import WATCH_DEBOUNCE_MS, WATCH_STEP_MS

TIMEOUT = 15.0
TYPES = ("memory.threshold.crossed", "memory.flush.completed", "memory.compacted")


class Subscriber:
    """Timestamps the daemon's events: ``arrived[(type, session_id, cycle)] = perf_counter()``."""

    def __init__(self, socket_path: Path) -> None:
        self.conn = client.connect(socket_path)
        self.sub = self.conn.subscribe(since="now", types=list(TYPES))
        self.arrived: dict[tuple[str, str, int], float] = {}
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        with contextlib.suppress(client.MemorydError, OSError, ValueError):
            for ev in self.sub:
                now = time.perf_counter()
                data = ev.get("data") or {}
                cycle = data.get("ended_cycle") if ev["type"] == "memory.compacted" else data.get("cycle")
                with self.cond:
                    self.arrived[(ev["type"], ev.get("session_id") or "", int(cycle or 0))] = now
                    self.cond.notify_all()

    def wait(self, key: tuple[str, str, int], timeout: float = TIMEOUT) -> float:
        with self.cond:
            if not self.cond.wait_for(lambda: key in self.arrived, timeout):
                raise TimeoutError(f"no {key} within {timeout} s")
            return self.arrived[key]

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.conn._sock.shutdown(socket.SHUT_RDWR)
        self.conn.close()
        self.thread.join(5)


class OpenClaw:
    """Writes one agent's sessions the way OpenClaw does."""

    def __init__(self, inst: corpus.Install, agent: str, seed: int) -> None:
        self.inst = inst
        self.agent = agent
        self.rng = random.Random(seed)
        self.pool = corpus.TextPool(seed)
        self.writers: dict[str, corpus.Writer] = {}
        self.store: dict[str, dict[str, Any]] = {}
        self.paths: dict[str, Path] = {}

    def new_session(self, i: int) -> str:
        sid = corpus.session_id_for(self.rng.randint(0, 1 << 30), i)
        w = corpus.Writer(random.Random(self.rng.random()), self.pool, sid)
        path = self.inst.sessions_dir(self.agent) / f"{sid}.jsonl"
        path.write_bytes(
            w.header() + b"\n" + w.user("hello") + b"\n" + w.assistant(20_000, tool=False) + b"\n"
        )
        self.writers[sid], self.paths[sid] = w, path
        self.store[f"agent:{self.agent}:lat{i}"] = {
            "sessionId": sid,
            "sessionFile": path.name,
            "updatedAt": 1_795_000_000_000,
            "totalTokens": 20_000,
            "contextTokens": corpus.WINDOW,
            "compactionCount": 0,
        }
        self.inst.write_store(self.agent, self.store)
        return sid

    def _key(self, sid: str) -> str:
        return next(k for k, v in self.store.items() if v["sessionId"] == sid)

    def append(self, sid: str, line: bytes) -> float:
        """One appended line (one ``write``); returns the time just after it."""
        with self.paths[sid].open("ab") as fh:
            fh.write(line + b"\n")
        return time.perf_counter()

    def rewrite_in_place(self, sid: str) -> None:
        path = self.paths[sid]
        data = path.read_bytes()
        with path.open("r+b") as fh:
            fh.truncate(0)
            fh.write(data)

    def update_store(self, sid: str, **fields: Any) -> None:
        self.store[self._key(sid)].update(fields)
        self.inst.write_store(self.agent, self.store)

    def pause(self) -> None:
        time.sleep(self.rng.uniform(0.002, 0.02))

    def reply(self, sid: str, prompt: int) -> float:
        """A user turn and its reply; returns when the reply's line was appended."""
        w = self.writers[sid]
        self.append(sid, w.user(w.pool.pick(self.rng, 150)))
        self.pause()
        t0 = self.append(sid, w.assistant(prompt, tool=False, size=400))
        self.rewrite_in_place(sid)
        self.update_store(sid, totalTokens=prompt)
        return t0

    def compact(self, sid: str, cycle: int) -> float:
        w = self.writers[sid]
        t0 = self.append(sid, w.compaction(corpus.FLUSH_POINT + 2_000, summary=600))
        self.update_store(sid, compactionCount=cycle + 1, totalTokens=15_000)
        return t0


def _watchfiles_baseline(root: Path, n: int, seed: int, *, step: int, debounce: int) -> list[float]:
    """ms from an append to the first batch ``watchfiles.watch`` yields, with these settings."""
    inst = corpus.Install(root, ["w"])
    inst.write_config()
    oc = OpenClaw(inst, "w", seed)
    sid = oc.new_session(0)
    batches: list[float] = []
    lock = threading.Condition()
    stop = threading.Event()
    ready = threading.Event()

    def watch() -> None:
        for _ in watchfiles.watch(
            inst.sessions_dir("w"),
            step=step,
            debounce=debounce,
            stop_event=stop,
            rust_timeout=200,
            yield_on_timeout=True,
            recursive=False,
        ):
            ready.set()
            now = time.perf_counter()
            with lock:
                batches.append(now)
                lock.notify_all()

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    ready.wait(5)  # the first (empty) yield: the watcher is running
    out: list[float] = []
    for _ in range(n):
        with lock:
            seen = len(batches)
        t0 = oc.reply(sid, 30_000)

        def after(t0: float = t0, seen: int = seen) -> float | None:
            return next((b for b in batches[seen:] if b > t0), None)

        with lock:
            lock.wait_for(lambda: after() is not None, TIMEOUT)
            first = after()
        if first is None:
            raise TimeoutError("watchfiles never reported a change")
        out.append((first - t0) * 1000)
        time.sleep(oc.rng.uniform(2, 4) * step / 1000)  # stragglers of this write land before the next
    stop.set()
    th.join(5)
    return out


def measure_crossings(
    root: Path, sessions: int, rounds: int, seed: int, env: dict[str, str] | None = None
) -> tuple[list[float], list[float], list[float]]:
    """ms from the write to ``threshold.crossed``, to ``flush.completed`` and (the compaction's
    write) to ``compacted``, over ``sessions`` x ``rounds`` cycles of a daemon started here."""
    inst = corpus.Install(root, ["main"])
    inst.write_config()
    oc = OpenClaw(inst, "main", seed)
    sids = [oc.new_session(i) for i in range(sessions)]
    crossed: list[float] = []
    flushed: list[float] = []
    compacted: list[float] = []
    with Daemon(inst.config, inst.socket, env=env) as d:
        d.wait_socket()
        sub = Subscriber(inst.socket)
        try:
            for cycle in range(rounds):
                for sid in sids:
                    for _ in range(2):
                        oc.reply(sid, oc.rng.randint(20_000, 150_000))
                        oc.pause()
                    t0 = oc.reply(sid, corpus.FLUSH_POINT + oc.rng.randint(100, 4_000))
                    crossed.append((sub.wait(("memory.threshold.crossed", sid, cycle)) - t0) * 1000)
                    flushed.append((sub.wait(("memory.flush.completed", sid, cycle)) - t0) * 1000)
                    oc.pause()
                    t0 = oc.compact(sid, cycle)
                    compacted.append((sub.wait(("memory.compacted", sid, cycle)) - t0) * 1000)
                    oc.pause()
        finally:
            sub.close()
    return crossed, flushed, compacted


def run(opts: Opts) -> Result:
    res = Result("latency", "Latency: transcript write → event on the socket")
    sessions, rounds, base_n = (2, 3, 5) if opts.quick else (6, 50, 80)
    res.params = {"sessions": sessions, "crossings": sessions * rounds, "baseline_writes": base_n}

    wf_default = _watchfiles_baseline(opts.work / "lat-wf", base_n, opts.seed, step=50, debounce=1600)
    wf_memoryd = _watchfiles_baseline(
        opts.work / "lat-wf2", base_n, opts.seed, step=WATCH_STEP_MS, debounce=WATCH_DEBOUNCE_MS
    )

    crossed, flushed, compacted = measure_crossings(opts.work / "latency", sessions, rounds, opts.seed)
    both = crossed + compacted
    # An event before its write was caused by something else (should be 0).
    res.params["events_before_their_write"] = sum(1 for x in both if x < 0)
    for label, xs, base, target in (
        ("write → threshold.crossed p50", crossed, median(wf_default), 20.0),
        ("write → threshold.crossed p99", crossed, quantile(wf_default, 0.99), 60.0),
        ("write → compacted p50", compacted, median(wf_default), 20.0),
        ("write → compacted p99", compacted, quantile(wf_default, 0.99), 60.0),
        ("write → any event p50", both, median(wf_default), 20.0),
        ("write → any event p99", both, quantile(wf_default, 0.99), 60.0),
    ):
        q = 0.5 if label.endswith("p50") else 0.99
        value = quantile(xs, q)
        res.figures.append(
            Figure(
                label,
                value,
                "ms",
                base,
                f"watchfiles defaults {'p50' if q == 0.5 else 'p99'}",
                target=f"<= {target:g} ms",
                met=value <= target,
                samples=xs,
            )
        )
    res.figures.append(
        Figure(
            "write → flush.completed p50",
            quantile(flushed, 0.5),
            "ms",
            median(wf_default),
            "watchfiles defaults p50",
            samples=flushed,
            note="the crossing's flush done and journaled",
        )
    )
    res.figures.append(
        Figure(
            f"watchfiles with memoryd's settings (step {WATCH_STEP_MS}, debounce {WATCH_DEBOUNCE_MS}) p50",
            median(wf_memoryd),
            "ms",
            median(wf_default),
            "watchfiles defaults p50",
            samples=wf_memoryd,
            note="the floor the watcher alone sets",
        )
    )
    res.figures.append(
        Figure(
            "watchfiles defaults p99",
            quantile(wf_default, 0.99),
            "ms",
            None,
            samples=wf_default,
        )
    )
    return res
