"""SIGKILL the real daemon at random moments while a writer drives sessions through many
compaction cycles; afterwards every compacted cycle has exactly one flush, nothing is repeated."""

from __future__ import annotations

import os
import random
import signal
import time
from collections import Counter

import pytest
from daemon_helpers import RandomKiller, assert_each_flush_once, memoryd, wait_for
from openclaw_fixture import OpenClawFixture

pytestmark = pytest.mark.slow

SESSIONS = 3
CYCLES = 6
TOKENS = [12_000, 16_000, 19_700, 20_400]  # flush point 19,576 (32k window, floor 8192, lead 1000)


def _drive(oc: OpenClawFixture, rng: random.Random, kill: object) -> dict[str, int]:
    """Write every session through CYCLES compactions, calling ``kill()`` at random steps."""
    sessions = []
    for i in range(SESSIONS):
        key = f"agent:main:s{i}"
        s = oc.session(key, f"c0ffee{i:02d}-0000-4000-8000-000000000000")
        s.user(f"Session {i} starts.")
        oc.store(
            "main", key, sessionId=s.session_id, contextTokens=32768, totalTokens=1_000, compactionCount=0
        )
        sessions.append(s)
    steps: list[tuple[str, int, int, int]] = []
    for cycle in range(CYCLES):
        for i in range(SESSIONS):
            steps.extend(("turn", i, cycle, t) for t in TOKENS)
            steps.append(("compact", i, cycle, 0))
    rng.shuffle(steps)
    steps.sort(key=lambda st: (st[2], st[0] == "compact"))  # per cycle: all turns, then compactions
    compactions: Counter[str] = Counter()
    for kind, i, cycle, tokens in steps:
        s = sessions[i]
        if kind == "turn":
            s.user(f"cycle {cycle}: we decided to keep option {tokens % 7} for part {i}.")
            s.assistant(f"Agreed: option {tokens % 7} for part {i}.", tokens)
            if rng.random() < 0.5:
                s.rewrite_in_place()
            oc.store("main", s.key, totalTokens=tokens)
        else:
            s.compaction(tokens_before=21_000)
            compactions[s.session_id] += 1
            oc.store("main", s.key, compactionCount=compactions[s.session_id], totalTokens=2_000)
        if rng.random() < 0.12:
            kill()  # type: ignore[operator]
        time.sleep(rng.random() * 0.03)
    return dict(compactions)


@pytest.mark.parametrize("seed", [int(s) for s in os.environ.get("MEMORYD_CRASH_SEEDS", "7,1234").split(",")])
def test_random_sigkills_never_lose_or_repeat_a_flush(oc: OpenClawFixture, seed: int) -> None:
    rng = random.Random(seed)
    oc.small_config()
    killer = RandomKiller(oc.config_path, rng)

    # memoryd is running before the conversation starts (a first start on an existing install
    # would rightly not flush cycles that ended before it looked).
    wait_for(lambda: any(e["type"] == "daemon.started" for e in oc.events()), "the first daemon")
    wait_for((oc.memoryd_state / "checkpoint.json").exists, "its first scan")
    try:
        expected = _drive(oc, rng, killer)
        total = sum(expected.values())
        wait_for(
            lambda: sum(e["type"] == "memory.compacted" for e in oc.events()) >= total,
            "every compaction to be seen",
            timeout=60,
        )
        killer.wait_until_last_is_up(oc.events)
    finally:
        rc, err = killer.current.stop(signal.SIGTERM)
    assert rc == 0, err
    assert killer.kills >= 2
    assert memoryd("run", "--once", "--config", str(oc.config_path)).returncode == 0

    events = oc.events()
    assert_each_flush_once(events, "".join(oc.daily_logs().values()))
    compacted = Counter(
        (e["session_id"], e["data"]["compaction_count"]) for e in events if e["type"] == "memory.compacted"
    )
    assert all(n == 1 for n in compacted.values()), compacted
    assert {sid: max(c for s, c in compacted if s == sid) for sid, _ in compacted} == expected

    done = [e for e in events if e["type"] == "memory.flush.completed"]
    per_cycle = Counter(
        (e["session_id"], e["data"]["cycle"]) for e in done if e["data"]["trigger"] != "manual"
    )
    for sid, n in expected.items():
        for cycle in range(n):
            assert per_cycle[(sid, cycle)] == 1, (sid, cycle, per_cycle)
    assert all(v == 1 for v in per_cycle.values())
    assert not any(e["type"] == "memory.conflict" for e in events)  # our own appends are not a person's edits
    crossed = Counter(
        (e["session_id"], e["data"]["cycle"]) for e in events if e["type"] == "memory.threshold.crossed"
    )
    assert all(v == 1 for v in crossed.values())


def test_a_restart_killed_right_after_recovering_a_flush_does_not_forget_the_session(
    oc: OpenClawFixture,
) -> None:
    """Found by the random kills above: a restart that finished an interrupted flush saved a checkpoint
    before it had tracked that flush's session again; killed then, the next start replayed the log
    only after that checkpoint, took the session for new and flushed its cycle a second time."""
    from memoryd import logs
    from memoryd.config import load_settings
    from memoryd.daemon import Daemon

    oc.small_config()
    oc.sessions_dir("main")
    cfg = str(oc.config_path)
    assert memoryd("run", "--once", "--config", cfg).returncode == 0  # an install with no session yet
    ckpt = oc.memoryd_state / "checkpoint.json"
    before_the_session = ckpt.read_bytes()

    oc.one_turn(
        "c0ffee99-0000-4000-8000-000000000000",
        "We decided to keep the nightly export at 02:00.",
        "Agreed: the export stays at 02:00.",
        20_400,
    )
    assert memoryd("run", "--once", "--config", cfg).returncode == 0  # discovered and flushed
    # Killed after the block and before `completed` and the checkpoint that tracks the session:
    log = oc.memoryd_state / "events.ndjson"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(x for x in lines if b'"memory.flush.completed"' not in x))
    ckpt.write_bytes(before_the_session)

    logs.configure("warning")
    restarted = Daemon(load_settings(cfg))  # a start that recovers the flush ...
    restarted.journal.open()
    restarted.engine.start()
    restarted.journal.sync()  # ... and is killed right then: no scan, no close

    assert memoryd("run", "--once", "--config", cfg).returncode == 0
    events = oc.events()
    done = [e["data"]["flush_id"] for e in events if e["type"] == "memory.flush.completed"]
    assert len(done) == 1 and len(set(done)) == 1, done  # the recovered one, and no second flush
    assert "".join(oc.daily_logs().values()).count("memoryd:flush id=") == 1
