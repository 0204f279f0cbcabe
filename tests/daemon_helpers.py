"""Run the real ``memoryd`` as a subprocess and wait on its event log (no sleeps as assertions)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

HANG_GUARD = 30.0


def memoryd(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60.0
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memoryd", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or clean_env(),
        check=False,
    )


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            (
                "OPENCLAW_",
                "MEMORYD_",
                "XDG_",
                "STATE_DIRECTORY",
                "RUNTIME_DIRECTORY",
                "NOTIFY_SOCKET",
                "WATCHDOG_",
            )
        )
    }
    env.update(extra)
    return env


def read_events(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_bytes().splitlines():
        out.append(orjson.loads(line))
    return out


def wait_for(pred: Callable[[], bool], what: str, timeout: float = HANG_GUARD) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


class DaemonProc:
    def __init__(self, config: Path, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "memoryd", "run", "--config", str(config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env or clean_env(),
        )

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        self.proc.send_signal(sig)
        try:
            _, err = self.proc.communicate(timeout=HANG_GUARD)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return self.proc.returncode, err.decode(errors="replace")


def schema_validator() -> Any:
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads((Path(__file__).parent.parent / "docs" / "events.schema.json").read_text())
    return Draft202012Validator(schema)


def assert_valid_events(events: list[dict[str, Any]]) -> None:
    """Every event against docs/events.schema.json, and every type is a known one."""
    v = schema_validator()
    known = set(v.schema["$defs"]["knownTypes"]["enum"])
    for ev in events:
        errors = sorted(v.iter_errors(ev), key=str)
        assert not errors, f"{ev['type']} #{ev['seq']}: {errors[0].message}"
        assert ev["type"] in known, ev["type"]


class RandomKiller:
    """SIGKILLs the running daemon at a random moment and starts the next one: the crash tests'
    kill loop (``tests/test_crash.py``, ``tests/test_sqlite_crash.py``)."""

    def __init__(self, config: Path, rng: random.Random) -> None:
        self.config = config
        self.rng = rng
        self.procs = [DaemonProc(config)]
        self.kills = 0

    @property
    def current(self) -> DaemonProc:
        return self.procs[-1]

    def __call__(self) -> None:
        time.sleep(self.rng.random() * 0.4)  # somewhere in the middle of what the daemon is doing
        self.current.stop(signal.SIGKILL)
        self.kills += 1
        self.procs.append(DaemonProc(self.config))

    def wait_until_last_is_up(self, events: Callable[[], list[dict[str, Any]]]) -> None:
        """The last daemon may still be starting (the events seen so far can be its predecessor's):
        a SIGTERM before it handles signals would kill it, which is not what a crash test is about."""
        last = self.current.proc.pid
        wait_for(
            lambda: any(e["type"] == "daemon.started" and e["data"]["pid"] == last for e in events()),
            "the last daemon to be up",
        )


def assert_each_flush_once(events: list[dict[str, Any]], markdown: str) -> None:
    """After any number of crashes: a contiguous journal valid against the schema, every started
    flush completed once, and each one's block in the Markdown exactly once."""
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert_valid_events(events)
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    started = Counter(e["data"]["flush_id"] for e in events if e["type"] == "memory.flush.started")
    finished = Counter(e["data"]["flush_id"] for e in done)
    assert started == finished and all(v == 1 for v in finished.values())
    for fid in finished:
        assert markdown.count(f"memoryd:flush id={fid} ") == 1, fid
    assert markdown.count("memoryd:flush id=") == len(finished)
