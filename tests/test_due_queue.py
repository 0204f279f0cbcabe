"""The due queue's order (compaction risk) and its progress counts: pure, no I/O."""

from __future__ import annotations

import math

from memoryd.sessions.due import (
    BYTES_ONLY,
    COMPACTED,
    NO_RISK,
    PAST_COMPACTION,
    PAST_FLUSH_POINT,
    DueQueue,
    Risk,
    compaction_risk,
)
from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import SessionState
from memoryd.sources.openclaw_config import CompactionSettings
from memoryd.status import due_text

# A 32k window: OpenClaw flushes and compacts at 32,768 - 8,192 - 4,000 = 20,576; memoryd's flush
# point is 1,000 below (the lead is capped at keepRecentTokens / 2).
GATE = GateSettings(CompactionSettings(reserve_tokens_floor=8192, keep_recent_tokens=2000), lead_tokens=8192)
# The SQLite era: the reserve is min(20000, window / 4) = 8,192, OpenClaw flushes at 20,576 and
# compacts at 24,576.
GATE_9 = GateSettings(CompactionSettings(keep_recent_tokens=2000), lead_tokens=8192, era="2026.9")


def state(prompt: int, cycle: int = 0, window: int = 32_768) -> SessionState:
    return SessionState("main", "agent:main:x", "sid", cycle=cycle, prompt=prompt, context_tokens=window)


def test_tiers_follow_how_close_the_compaction_is() -> None:
    assert compaction_risk("transcript_bytes", 0, state(5_000), GATE).tier == BYTES_ONLY
    assert compaction_risk("threshold", 0, state(19_800), GATE).tier == PAST_FLUSH_POINT
    assert compaction_risk("threshold", 0, state(20_576), GATE).tier == PAST_COMPACTION
    assert compaction_risk("threshold", 0, state(31_000), GATE).tier == PAST_COMPACTION


def test_the_headroom_is_the_tokens_left_before_openclaw_compacts() -> None:
    assert compaction_risk("transcript_bytes", 0, state(5_000), GATE).headroom == 20_576 - 5_000
    # 2026.9 compacts later than it flushes: past OpenClaw's own flush point is not past compaction.
    r = compaction_risk("threshold", 0, state(21_000), GATE_9)
    assert (r.tier, r.headroom) == (PAST_FLUSH_POINT, 24_576 - 21_000)
    assert compaction_risk("threshold", 0, state(24_576), GATE_9).tier == PAST_COMPACTION


def test_a_cycle_that_ended_while_its_flush_waited_goes_first() -> None:
    ended = compaction_risk("transcript_bytes", 0, state(1_000, cycle=1), GATE)
    assert ended.tier == COMPACTED
    assert compaction_risk("late", 3, None, None).tier == COMPACTED
    assert ended < compaction_risk("threshold", 1, state(31_000, cycle=1), GATE)


def test_what_no_compaction_threatens_goes_last() -> None:
    for trigger in ("reset", "manual"):
        r = compaction_risk(trigger, 0, state(31_000), GATE)
        assert (r.tier, r.headroom) == (NO_RISK, math.inf)
    assert compaction_risk("threshold", 0, None, None).tier == NO_RISK  # its session is not tracked


def test_token_flushes_off_leave_no_headroom_to_measure() -> None:
    comp = CompactionSettings(reserve_tokens_floor=40_000, keep_recent_tokens=2000)  # above the window
    r = compaction_risk("transcript_bytes", 0, state(1_000), GateSettings(comp))
    assert (r.tier, r.headroom) == (BYTES_ONLY, math.inf)


def test_the_queue_picks_the_most_at_risk_then_the_first_decided() -> None:
    states = {
        "a": ("transcript_bytes", state(2_000)),
        "b": ("transcript_bytes", state(12_000)),
        "c": ("threshold", state(19_900)),
        "d": ("transcript_bytes", state(12_000)),  # ties b: decided after it
        "e": ("reset", state(0)),
        "f": ("threshold", state(25_000)),
    }

    def risk(fid: str, order: int) -> Risk:
        trigger, st = states[fid]
        return compaction_risk(trigger, 0, st, GATE, order)

    q = DueQueue()
    for fid in states:
        assert q.add(fid)
    assert not q.add("a")  # once
    picked = []
    while (got := q.pick(risk)) is not None:
        picked.append(got)
    assert picked == ["f", "c", "b", "d", "a", "e"]


def test_the_order_is_judged_at_each_pick() -> None:
    prompts = {"a": 2_000, "b": 12_000}
    cycles = {"a": 0, "b": 0}

    def risk(fid: str, order: int) -> Risk:
        return compaction_risk("transcript_bytes", 0, state(prompts[fid], cycles[fid]), GATE, order)

    q = DueQueue()
    q.add("a")
    q.add("b")
    cycles["a"] = 1  # a compacted while it waited: it jumps ahead of b
    assert q.pick(risk) == "a"
    assert q.pick(risk) == "b"


def test_progress_counts_since_the_queue_was_last_empty() -> None:
    q = DueQueue()
    assert not q.progress().active
    for fid in ("x", "y", "z"):
        q.add(fid)
    q.pick(lambda f, o: Risk(BYTES_ONLY, 0.0, o))
    q.discard("z")  # written some other way (a manual flush): done all the same
    q.discard("nope")
    p = q.progress()
    assert (p.queued, p.done, p.total, p.active) == (1, 2, 3, True)
    assert p.text() == "draining 2/3 due flushes"
    q.pick(lambda f, o: Risk(BYTES_ONLY, 0.0, o))
    assert not q.progress().active
    q.add("w")  # a new drain counts from zero
    assert (q.progress().done, q.progress().total) == (0, 1)


def test_the_flush_taken_last_is_not_done_while_it_is_still_being_written() -> None:
    """The last due flush, taken from the queue and still in the extraction worker: the drain is
    still active (STATUS= keeps saying so) and that flush does not count as done yet."""
    q = DueQueue()
    for fid in ("x", "y"):
        q.add(fid)
    first = q.pick(lambda f, o: Risk(BYTES_ONLY, 0.0, o))
    last = q.pick(lambda f, o: Risk(BYTES_ONLY, 0.0, o))
    assert (first, last) == ("x", "y")
    in_worker = {"y"}
    p = q.progress(lambda f: f in in_worker)
    assert (p.queued, p.done, p.total, p.writing, p.active) == (0, 1, 2, 1, True)
    assert p.text() == "draining 1/2 due flushes"
    in_worker.clear()  # written
    p = q.progress(lambda f: f in in_worker)
    assert (p.done, p.writing, p.active) == (2, 0, False)
    q.pick(lambda f, o: Risk(BYTES_ONLY, 0.0, o))  # nothing left: the last taken stays "y"
    q.add("w")  # a new drain: what the old one took is not its business
    assert q.progress(lambda f: True).writing == 0


def test_status_text_of_a_drain() -> None:
    assert due_text(None) is None
    assert due_text({"queued": 0, "done": 40, "total": 40}) is None
    text = due_text(
        {
            "queued": 28,
            "done": 12,
            "total": 40,
            "next": {"session_key": "agent:main:s3", "risk": "transcript_bytes"},
        }
    )
    assert text == (
        "due flushes: draining 12/40 (most at risk of compaction first; next agent:main:s3, transcript_bytes)"
    )
