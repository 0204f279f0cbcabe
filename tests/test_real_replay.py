"""Replay the real OpenClaw 2026.7.1 run (tests/data/samples/openclaw-real-2026.7.1) as it happened:
its main transcript written turn by turn into a live daemon, sessions.json replaced the way OpenClaw
does, the in-place rewrite once per reply, then the /new reset. memoryd must see the five
compactions (one of them the manual /compact), OpenClaw's own four flushes, the reset, and flush
every cycle exactly once before (or, failing that, right after) its compaction."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest
from daemon_helpers import DaemonProc, assert_valid_events, wait_for
from openclaw_fixture import OpenClawFixture

pytestmark = pytest.mark.slow

REAL = (
    Path(__file__).parent
    / "data"
    / "samples"
    / "openclaw-real-2026.7.1"
    / "state"
    / "agents"
    / "main"
    / "sessions"
)
OLD = "922e9dd4-79e6-423c-95ae-b296c526c66e"
NEW = "5bdf18b1-2f95-49b3-8720-ac1e82c442e9"


def _turns(lines: list[bytes]) -> list[list[bytes]]:
    """Split after the header into turns: each starts at a user message or a compaction."""
    turns: list[list[bytes]] = [[lines[0]]]
    for raw in lines[1:]:
        obj = orjson.loads(raw)
        starts = obj.get("type") == "compaction" or (
            obj.get("type") == "message" and obj["message"].get("role") == "user"
        )
        if starts and len(turns[-1]) > 0 and turns[-1] != [lines[0]]:
            turns.append([])
        turns[-1].append(raw)
    return turns


def test_the_real_run_replayed_live(oc: OpenClawFixture) -> None:
    oc.write_config(
        context_tokens=32768, reserveTokensFloor=8192, softThresholdTokens=4000, keepRecentTokens=2000
    )
    sessions = oc.sessions_dir("main")
    archive = next(REAL.glob(f"{OLD}.jsonl.reset.*"))
    lines = archive.read_bytes().splitlines()
    path = sessions / f"{OLD}.jsonl"
    store: dict[str, Any] = {
        "sessionId": OLD,
        "sessionFile": path.name,
        "contextTokens": 32768,
        "compactionCount": 0,
    }
    oc.store("main", "agent:main:main", **store)
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "daemon.started" for e in oc.events()), "start")
        wait_for((oc.memoryd_state / "checkpoint.json").exists, "the first scan")
        count = 0
        for turn in _turns(lines):
            for raw in turn:
                with path.open("ab") as fh:
                    fh.write(raw + b"\n")
                obj = orjson.loads(raw)
                if obj.get("type") == "compaction":
                    count += 1
                    oc.store("main", "agent:main:main", compactionCount=count, totalTokens=2_600)
                msg = obj.get("message") or {}
                usage = msg.get("usage") or {}
                if msg.get("role") == "assistant" and usage.get("input"):
                    data = path.read_bytes()  # OpenClaw rewrites the file in place once per reply
                    with path.open("r+b") as fh:
                        fh.truncate(0)
                        fh.write(data)
                    oc.store(
                        "main", "agent:main:main", totalTokens=usage["input"], inputTokens=usage["input"]
                    )
            time.sleep(0.02)
        # /new: archive the transcript, give the key the new session (compactionCount kept).
        path.rename(sessions / archive.name)
        shutil.copy(REAL / f"{NEW}.jsonl", sessions / f"{NEW}.jsonl")
        oc.store("main", "agent:main:main", sessionId=NEW, sessionFile=f"{NEW}.jsonl", totalTokens=16_363)
        wait_for(lambda: any(e["type"] == "session.reset" for e in oc.events()), "the reset")
        wait_for(
            lambda: (
                any(
                    e["type"] == "memory.flush.completed" and e["data"]["trigger"] == "reset"
                    for e in oc.events()
                )
                or any(e["type"] == "memory.flush.skipped" for e in oc.events())
            ),
            "the reset flush",
        )
    finally:
        rc, err = d.stop()
    assert rc == 0, err

    events = oc.events()
    assert_valid_events(events)
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    compacted = [e for e in events if e["type"] == "memory.compacted"]
    assert [e["data"]["compaction_count"] for e in compacted] == [1, 2, 3, 4, 5]
    assert [e["data"]["first_kept_entry_id"] for e in compacted] == [
        "08616e6e",
        "019d5d96",
        "e7f5aaa4",
        "b328ffdc",
        "7f364d24",
    ]
    assert not any(e["data"].get("historical") for e in compacted)
    observed = sorted({e["data"]["cycle"] for e in events if e["type"] == "runtime.flush.observed"})
    assert observed == [0, 1, 2, 4]  # OpenClaw's own flushes; the manual /compact had none
    done = [e for e in events if e["type"] == "memory.flush.completed" and e["session_id"] == OLD]
    per_cycle = Counter(
        e["data"]["cycle"] for e in done if e["data"]["trigger"] in ("threshold", "late", "transcript_bytes")
    )
    assert per_cycle == Counter({0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1}) or per_cycle == Counter(
        {0: 1, 1: 1, 2: 1, 3: 1, 4: 1}
    )
    assert all(
        e["data"]["flushed_before"] or e["data"]["compaction_count"] - 1 in per_cycle for e in compacted
    )
    assert [e["data"]["old_session_id"] for e in events if e["type"] == "session.reset"] == [OLD]
    markdown = "".join(oc.daily_logs().values())
    assert markdown.count("memoryd:flush id=") == len(
        [e for e in events if e["type"] == "memory.flush.completed"]
    )
    assert "PostgreSQL 16" in markdown
