"""``memoryd demo``: the whole product in thirty seconds, on a throwaway copy of ``sample_workspace/``.

It copies the sample OpenClaw state, starts the real daemon on it (real ``watchfiles``, real
socket, real event log), and plays OpenClaw's part: appends turns to a session that is just under
the flush point, rewrites the transcript in place and replaces ``sessions.json`` by rename the way
OpenClaw 2026.7 does, then compacts. The events print as they happen; the daily log it wrote is
printed at the end. No network, no LLM, nothing outside the temp folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import anyio
import orjson

from memoryd.config import load_settings
from memoryd.daemon import Daemon

SAMPLE_NAME = "sample_workspace"
PACKAGED_SAMPLE = "_sample"  # where the wheel ships it (pyproject: force-include)
MAIN_KEY = "agent:main:main"
#: The pace of the scripted conversation: a turn every 0.6 s / speed.
MIN_SPEED = 0.1
MAX_SPEED = 100.0

#: (user text, assistant text, prompt tokens added by the turn)
TURNS: list[tuple[str, str, int]] = [
    (
        "Can we get an alert when the nightly export fails, instead of finding out the next morning?",
        "Two ways: a Prometheus alert on the job's exit metric, or a Slack message from the job itself. "
        "I'd do the Prometheus alert: it also fires when the job never starts.",
        3100,
    ),
    (
        "Agreed, go with the Prometheus alert. Remember that alerts for ledger go to #ledger-oncall, not #ops.",
        "Added `LedgerExportFailed` to deploy/alerts.yml, routed to #ledger-oncall. "
        "It fires if `ledger_export_last_success_timestamp` is older than 26 hours.",
        4200,
    ),
    (
        "How do we test that alert without breaking the real export?",
        "Run `make alert-test RULE=LedgerExportFailed` against the staging Prometheus: it replays the rule "
        "with a fake metric series, so the export itself is untouched.",
        3900,
    ),
    (
        "Ok. One open thing: should the export also run on Sundays? I'll ask finance.",
        "Noted as open: Sunday export runs, pending finance.",
        3300,
    ),
]


@contextlib.contextmanager
def find_sample() -> Iterator[Path]:
    """The sample install: package data in a pip/pipx install, ``sample_workspace/`` in a checkout.

    A context manager because ``importlib.resources`` may hand out a temporary copy (a zipped
    package); on a normal install it is the folder in site-packages itself.
    """
    packaged = resources.files("memoryd") / PACKAGED_SAMPLE
    if packaged.is_dir():
        with resources.as_file(packaged) as path:
            yield path
        return
    checkout = Path(__file__).resolve().parent.parent / SAMPLE_NAME  # editable install, source tree
    if (checkout / "state").is_dir():
        yield checkout
        return
    raise FileNotFoundError(
        f"the demo's sample install is missing: neither memoryd/{PACKAGED_SAMPLE}/ (package data) "
        f"nor {checkout} exists; reinstall memoryd (pip install --force-reinstall memoryd)"
    )


class Conversation:
    """Plays OpenClaw: appends entries, rewrites in place, replaces the store by rename."""

    def __init__(self, sessions_dir: Path) -> None:
        self.dir = sessions_dir
        self.store_path = sessions_dir / "sessions.json"
        store = orjson.loads(self.store_path.read_bytes())
        self.store: dict[str, Any] = store
        self.sid: str = store[MAIN_KEY]["sessionId"]
        self.path = sessions_dir / f"{self.sid}.jsonl"
        lines = self.path.read_bytes().splitlines()
        last = orjson.loads(lines[-1])
        self.parent: str = last["id"]
        usage = next(
            orjson.loads(x)["message"]["usage"]
            for x in reversed(lines)
            if b'"usage"' in x and b'"assistant"' in x
        )
        self.prompt: int = usage["input"] + usage["cacheRead"] + usage["cacheWrite"]
        self.n = 0

    def _entry(self, obj: dict[str, Any]) -> dict[str, Any]:
        self.n += 1
        entry_id = f"d{self.n:07x}"
        full = {**obj, "id": entry_id, "parentId": self.parent, "timestamp": _iso_now()}
        self.parent = entry_id
        return full

    def _append(self, obj: dict[str, Any]) -> None:
        with self.path.open("ab") as fh:
            fh.write(orjson.dumps(obj) + b"\n")

    def _rewrite_in_place(self) -> None:
        data = self.path.read_bytes()
        with self.path.open("r+b") as fh:
            fh.truncate(0)
            fh.write(data)

    def _replace_store(self, **fields: Any) -> None:
        self.store[MAIN_KEY].update(fields, updatedAt=int(time.time() * 1000))
        tmp = self.dir / f"sessions.json.{os.getpid()}.demo.tmp"
        tmp.write_bytes(orjson.dumps(self.store, option=orjson.OPT_INDENT_2))
        tmp.replace(self.store_path)

    def turn(self, user: str, assistant: str, grow: int) -> None:
        self._append(self._entry({"type": "message", "message": {"role": "user", "content": user}}))
        self.prompt += grow
        usage = {"input": 1200, "output": 150, "cacheRead": self.prompt - 1200, "cacheWrite": 0}
        usage["totalTokens"] = self.prompt + 150
        reply = {
            "role": "assistant",
            "content": [{"type": "text", "text": assistant}],
            "model": "claude-sonnet-4-5",
            "provider": "anthropic",
            "stopReason": "stop",
            "usage": usage,
        }
        self._append(self._entry({"type": "message", "message": reply}))
        self._rewrite_in_place()
        self._replace_store(
            totalTokens=self.prompt, inputTokens=1200, outputTokens=150, totalTokensFresh=True
        )

    def compact(self) -> None:
        count = int(self.store[MAIN_KEY].get("compactionCount", 0)) + 1
        summary = "## Decisions\n- IAM auth for the export job\n- Prometheus alert to #ledger-oncall\n"
        self._append(
            self._entry(
                {
                    "type": "compaction",
                    "summary": summary,
                    "firstKeptEntryId": self.parent,
                    "tokensBefore": self.prompt + 150,
                }
            )
        )
        self._replace_store(compactionCount=count, totalTokens=14_000)


def _iso_now() -> str:
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int(t * 1000) % 1000:03d}Z"


def _describe(event: dict[str, Any]) -> str:
    d = event.get("data") or {}
    parts = {
        "session.discovered": lambda: f"{'history' if d.get('first_sight') else 'new'}",
        "memory.threshold.crossed": lambda: (
            f"cycle {d.get('cycle')}: {d.get('projected_tokens')} tokens "
            f">= flush point {d.get('flush_point')} (OpenClaw flushes at {d.get('openclaw_threshold')})"
        ),
        "memory.flush.started": lambda: f"{d.get('flush_id')} trigger={d.get('trigger')} -> {d.get('path')}",
        "memory.flush.completed": lambda: (
            f"{d.get('flush_id')} {d.get('item_count')} items "
            f"({', '.join(f'{k} {v}' for k, v in (d.get('items') or {}).items())}) "
            f"redacted={d.get('redactions')} in {d.get('duration_ms')} ms"
        ),
        "memory.compacted": lambda: (
            f"compaction #{d.get('compaction_count')}, flushed before: {d.get('flushed_before')}"
        ),
    }
    detail = parts.get(event["type"], lambda: "")()
    return f"  #{event['seq']:<3} {event['type']:<26} {event.get('session_key') or '':<36} {detail}"


async def _drive(daemon: Daemon, convo: Conversation, speed: float) -> None:
    pause = 0.6 / min(max(speed, MIN_SPEED), MAX_SPEED)
    while daemon.last_reconcile == 0.0:  # the daemon did its first catch-up
        await anyio.sleep(0.05)
    print("\n-- OpenClaw: the conversation goes on ------------------------------------------------")
    for user, assistant, grow in TURNS:
        await anyio.sleep(pause)
        print(f"  user: {user[:90]}")
        convo.turn(user, assistant, grow)
    await anyio.sleep(pause * 2)
    print("\n-- OpenClaw: context full, compacting ----------------------------------------------")
    convo.compact()
    await anyio.sleep(pause * 2 + 0.5)
    daemon.request_stop()


def run_demo(*, keep: bool = False, speed: float = 1.0) -> int:
    """Returns the exit code: 0, 1 when the daemon failed, 130 when stopped with Ctrl-C."""
    with find_sample() as sample:
        return _run_demo(sample, keep=keep, speed=speed)


def _run_demo(sample: Path, *, keep: bool, speed: float) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="memoryd-demo-"))
    try:
        shutil.copytree(sample / "state", tmp / "state")
        shutil.copytree(sample / "workspace", tmp / "workspace")
        cfg = tmp / "state" / "openclaw.json"
        cfg.write_text(
            cfg.read_text(encoding="utf-8").replace("@WORKSPACE@", str(tmp / "workspace")), encoding="utf-8"
        )
        (tmp / "memoryd.toml").write_text(
            f'[openclaw]\nstate_dirs = ["{tmp / "state"}"]\n\n'
            f'[paths]\nstate_dir = "{tmp / "memoryd-state"}"\nsocket = "{tmp / "run" / "memoryd.sock"}"\n\n'
            "[daemon]\nreconcile_seconds = 1.0\ncompaction_grace_seconds = 1.0\n",
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENCLAW_", "MEMORYD_"))}
        settings = load_settings(str(tmp / "memoryd.toml"), env)
        print(f"memoryd demo: a copy of {SAMPLE_NAME}/ in {tmp}")
        print(
            f"  OpenClaw state: {tmp / 'state'}  (agents: {', '.join(a.agent_id for a in settings.agents)})"
        )
        print(f"  workspace:      {tmp / 'workspace'}")
        print(f"  event log:      {settings.event_log}")
        print("\n-- memoryd starts: first sight of an existing install ------------------------------")
        daemon = Daemon(settings)
        daemon.journal.listeners.append(lambda _seq, _line, ev: print(_describe(ev), flush=True))
        convo = Conversation(tmp / "state" / "agents" / "main" / "sessions")

        async def main() -> int:
            rc = 1
            async with anyio.create_task_group() as tg:
                tg.start_soon(_drive, daemon, convo, speed)
                rc = await daemon.run()
                # The daemon stopped (the script's end, or Ctrl-C / SIGTERM): the conversation too.
                tg.cancel_scope.cancel()
            return rc

        rc = anyio.run(main)
        interrupted = daemon.stop_reason in ("SIGINT", "SIGTERM")
        if interrupted:
            print(f"\nmemoryd demo: stopped ({daemon.stop_reason}); the conversation stops with it")
        today = sorted((tmp / "workspace" / "memory").glob("*.md"))
        print("\n-- what memoryd wrote -----------------------------------------------------------")
        for path in today:
            text = path.read_text(encoding="utf-8")
            if "memoryd:flush" in text:
                print(f"== {path.relative_to(tmp)} ==")
                print(text)
        print(
            "MEMORY.md untouched:",
            (tmp / "workspace" / "MEMORY.md").read_bytes()
            == (sample / "workspace" / "MEMORY.md").read_bytes(),
        )
        if keep:
            print(f"kept: {tmp}")
        return 130 if daemon.stop_reason == "SIGINT" else rc
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)
        sys.stdout.flush()
