"""Run the real ``memoryd`` as a subprocess and wait on its event log (no sleeps as assertions)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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
