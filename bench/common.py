"""What every benchmark needs: figures with their baseline, statistics, the daemon as a subprocess, /proc."""

from __future__ import annotations

import math
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memoryd import client

REPO = Path(__file__).resolve().parent.parent
HANG_GUARD = 120.0


@dataclass(slots=True)
class Figure:
    """One measured figure, the baseline measured in the same run, and their ratio.

    ``ratio`` is ``value / baseline``; ``better`` says which way is good (``higher`` or ``lower``).
    ``target`` is the issue's goal as text, ``met`` whether the value reaches it (None: no target).
    ``samples`` are the repeats the value is the median of; ``spread`` their min and max.
    """

    name: str
    value: float
    unit: str
    baseline: float | None
    baseline_name: str = ""
    better: str = "lower"
    target: str = ""
    met: bool | None = None
    samples: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": round(self.value, 6),
            "unit": self.unit,
            "baseline": None if self.baseline is None else round(self.baseline, 6),
            "baseline_name": self.baseline_name,
            "ratio": None if self.ratio is None else float(f"{self.ratio:.4g}"),
            "better": self.better,
            "target": self.target,
            "met": self.met,
            "repeats": len(self.samples),
            "spread": [round(min(self.samples), 6), round(max(self.samples), 6)] if self.samples else None,
            "samples": [round(s, 6) for s in self.samples],
            "note": self.note,
        }


@dataclass(slots=True)
class Result:
    name: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "figures": [f.to_json() for f in self.figures],
            "params": self.params,
            "notes": self.notes,
            "seconds": round(self.seconds, 2),
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class Opts:
    quick: bool
    work: Path  # a temp dir of this run; removed at the end
    seed: int = 20261121


def median(xs: Sequence[float]) -> float:
    return float(statistics.median(xs))


def quantile(xs: Sequence[float], q: float) -> float:
    """Nearest-rank quantile (``q`` in [0, 1]) of a non-empty sample."""
    s = sorted(xs)
    k = max(0, min(len(s) - 1, math.ceil(q * len(s)) - 1))
    return float(s[k])


def repeat(fn: Callable[[], float], n: int) -> list[float]:
    return [fn() for _ in range(n)]


# -- /proc --------------------------------------------------------------------------------------------
def proc_status(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM ... of ``pid`` in bytes."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            key, _, rest = line.partition(":")
            if key.startswith("Vm") and rest.strip().endswith("kB"):
                out[key] = int(rest.split()[0]) * 1024
    return out


def proc_io(pid: int) -> dict[str, int]:
    """rchar, read_bytes, wchar, syscr ... of ``pid`` (all its threads)."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/io") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            out[key.strip()] = int(value)
    return out


def proc_cpu_ns(pid: int) -> int:
    """CPU time of every thread of ``pid`` in nanoseconds (schedstat: no 10 ms tick rounding)."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as fh:
                total += int(fh.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            continue  # a thread that just ended
    return total


# -- the daemon ------------------------------------------------------------------------------------------
def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without anything that would point memoryd elsewhere."""
    drop = ("OPENCLAW_", "MEMORYD_", "XDG_", "STATE_DIRECTORY", "RUNTIME_DIRECTORY", "NOTIFY_SOCKET")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop) and not k.startswith("WATCHDOG_")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def memoryd_cmd(*args: str) -> list[str]:
    """``python -m memoryd ARGS``; ``$BENCH_MEMORYD`` (a command line) replaces ``python -m memoryd``,
    to measure another build or a patched one against the same workload."""
    other = os.environ.get("BENCH_MEMORYD")
    return [*shlex.split(other), *args] if other else [sys.executable, "-m", "memoryd", *args]


def run_once(config: Path, timeout: float = 600.0) -> float:
    """Wall seconds of ``memoryd run --once`` (a new process, as a user runs it)."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        memoryd_cmd("run", "--once", "--config", str(config), "--log-level", "warning"),
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=timeout,
        check=False,
    )
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"memoryd run --once failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return elapsed


class NotifySocket:
    """A fake systemd: an AF_UNIX datagram socket that records what the daemon sends and when."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.messages: list[tuple[float, bytes]] = []

    def wait_for(self, needle: bytes, timeout: float) -> float:
        """``perf_counter`` time at which a datagram containing ``needle`` arrived."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {needle!r} from the daemon in {timeout:g} s")
            self.sock.settimeout(left)
            data = self.sock.recv(65536)
            now = time.perf_counter()
            self.messages.append((now, data))
            if needle in data.split(b"\n"):
                return now

    def close(self) -> None:
        self.sock.close()
        self.path.unlink(missing_ok=True)


class Daemon:
    """``memoryd run`` as a subprocess; stopped with SIGTERM (SIGKILL if it hangs)."""

    def __init__(
        self,
        config: Path,
        socket_path: Path,
        *,
        notify: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        env = clean_env(**({"NOTIFY_SOCKET": str(notify)} if notify else {}), **(env or {}))
        self.socket_path = socket_path
        self.log = open(config.with_name(f"daemon-{time.monotonic_ns()}.log"), "wb")  # noqa: SIM115
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            memoryd_cmd("run", "--config", str(config), "--log-level", "warning"),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def wait_socket(self, timeout: float = HANG_GUARD) -> None:
        """Until the daemon answers ``status`` (it does so only after its first catch-up)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"memoryd exited with {self.proc.returncode}: {self.stderr_tail()}")
            try:
                with client.connect(self.socket_path, timeout=timeout) as conn:
                    conn.status()
                return
            except (client.DaemonNotRunning, client.ConnectionLost):
                time.sleep(0.02)
        raise TimeoutError("the daemon's socket never answered")

    def status(self) -> dict[str, Any]:
        with client.connect(self.socket_path, timeout=HANG_GUARD) as conn:
            return conn.status()

    def stderr_tail(self) -> str:
        self.log.flush()
        try:
            return Path(self.log.name).read_bytes()[-800:].decode(errors="replace")
        except OSError:
            return ""

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=HANG_GUARD)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode

    def __enter__(self) -> Daemon:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_until(pred: Callable[[], bool], what: str, timeout: float = HANG_GUARD, step: float = 0.01) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(step)
    raise TimeoutError(f"timed out waiting for {what}")


def mb(n: float) -> float:
    return n / 1e6
