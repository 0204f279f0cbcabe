"""SIGKILL the real daemon at random moments while a writer drives sessions of an OpenClaw 2026.9
SQLite store through compaction cycles, a reset (same session id, compactionCount back to 0) and
more cycles; afterwards every compacted cycle of every generation has exactly one flush, the reset
one reset flush, and nothing is reported twice (as tests/test_crash.py for the files)."""

from __future__ import annotations

import os
import random
import signal
import time
from collections import Counter

import pytest
from daemon_helpers import RandomKiller, assert_each_flush_once, memoryd, wait_for
from openclaw_fixture import OpenClawFixture
from openclaw_sqlite import SAMPLE, AgentWriter, SampleRun, SyntheticSession

pytestmark = pytest.mark.slow

SESSIONS = 3
CYCLES = 3  # per generation; each session has two (a reset in between)
TOKENS = [
    12_000,
    16_000,
    19_700,
    20_400,
]  # flush point 19,576 (32k window, automatic reserve 8192, lead 1000)


def _drive(sessions: list[SyntheticSession], rng: random.Random, kill: object) -> dict[tuple[str, int], int]:
    """Every session through CYCLES compactions, a reset, CYCLES more; ``kill()`` at random steps."""
    steps: list[tuple[int, str, int, int]] = []
    for gen in range(2):
        for cycle in range(CYCLES):
            for i in range(SESSIONS):
                steps.extend((gen * 10 + cycle, "turn", i, t) for t in TOKENS)
                steps.append((gen * 10 + cycle, "compact", i, 0))
        for i in range(SESSIONS):
            steps.append((gen * 10 + CYCLES, "tail", i, 0))
            if gen == 0:
                steps.append((gen * 10 + CYCLES, "reset", i, 0))
    rng.shuffle(steps)
    steps.sort(key=lambda st: (st[0], ["turn", "compact", "tail", "reset"].index(st[1])))
    compactions: Counter[tuple[str, int]] = Counter()
    epochs = {s.session_id: 0 for s in sessions}
    for phase, kind, i, tokens in steps:
        s = sessions[i]
        if kind == "turn":
            s.user(f"phase {phase}: we decided to keep option {tokens % 7} for part {i}.")
            s.assistant(f"Agreed: option {tokens % 7} for part {i}.", tokens)
        elif kind == "compact":
            s.compaction(tokens_before=21_000)
            compactions[(s.session_id, epochs[s.session_id])] += 1
        elif kind == "tail":
            s.user(f"Remember that part {i} ships in phase {phase}.")
            s.assistant("Noted.", 3_000)
        else:
            epochs[s.session_id] = s.reset()
        if rng.random() < 0.12:
            kill()  # type: ignore[operator]
        time.sleep(rng.random() * 0.03)
    return dict(compactions)


@pytest.mark.parametrize("seed", [int(s) for s in os.environ.get("MEMORYD_CRASH_SEEDS", "7,1234").split(",")])
def test_random_sigkills_on_the_sqlite_store_never_lose_or_repeat_a_flush(
    oc: OpenClawFixture, seed: int
) -> None:
    rng = random.Random(seed)
    run = SampleRun(oc.root)
    oc.write_config(keepRecentTokens=2000)
    writer = AgentWriter(oc.state / "agents" / "main", run.schema)
    killer = RandomKiller(oc.config_path, rng)

    wait_for(lambda: any(e["type"] == "daemon.started" for e in oc.events()), "the first daemon")
    wait_for((oc.memoryd_state / "checkpoint.json").exists, "its first scan")
    try:
        sessions = [
            SyntheticSession(writer, f"agent:main:s{i}", f"5e551011-{i:04d}-4000-8000-000000000000")
            for i in range(SESSIONS)
        ]
        expected = _drive(sessions, rng, killer)
        total = sum(expected.values())
        resets = SESSIONS
        wait_for(
            lambda: (
                sum(e["type"] == "memory.compacted" for e in oc.events()) >= total
                and sum(e["type"] == "session.reset" for e in oc.events()) >= resets
            ),
            "every compaction and reset to be seen",
            timeout=60,
        )
        killer.wait_until_last_is_up(oc.events)
        rc, err = killer.current.stop(signal.SIGTERM)
        assert rc == 0, err
        assert killer.kills >= 2
        assert memoryd("run", "--once", "--config", str(oc.config_path)).returncode == 0
    finally:
        if killer.current.proc.poll() is None:
            killer.current.stop(signal.SIGKILL)
        writer.close()

    events = oc.events()
    assert_each_flush_once(events, "".join(oc.daily_logs().values()))
    assert not [e for e in events if e["type"] == "source.error"]
    compacted = Counter(
        (e["session_id"], e["data"].get("epoch", 0), e["data"]["compaction_count"])
        for e in events
        if e["type"] == "memory.compacted"
    )
    assert all(n == 1 for n in compacted.values()), compacted
    assert {
        (sid, ep): max(c for s, e, c in compacted if (s, e) == (sid, ep)) for sid, ep, _ in compacted
    } == expected

    done = [e for e in events if e["type"] == "memory.flush.completed"]
    per_cycle = Counter(
        (e["session_id"], e["data"].get("epoch", 0), e["data"]["cycle"])
        for e in done
        if e["data"]["trigger"] in ("threshold", "late")
    )
    for (sid, ep), n in expected.items():
        for cycle in range(n):
            assert per_cycle[(sid, ep, cycle)] == 1, (sid, ep, cycle, per_cycle)
    assert all(v == 1 for v in per_cycle.values()), per_cycle
    reset_flushes = Counter(e["session_id"] for e in done if e["data"]["trigger"] == "reset")
    assert reset_flushes == Counter({s.session_id: 1 for s in sessions})
    reset_events = Counter(
        (e["session_id"], e["data"]["epoch"]) for e in events if e["type"] == "session.reset"
    )
    assert all(v == 1 for v in reset_events.values()) and len(reset_events) == SESSIONS
    crossed = Counter(
        (e["session_id"], e["data"].get("epoch", 0), e["data"]["cycle"])
        for e in events
        if e["type"] == "memory.threshold.crossed"
    )
    assert all(v == 1 for v in crossed.values())
    assert SAMPLE.exists()  # (the schema came from a copy of the real run's database)
