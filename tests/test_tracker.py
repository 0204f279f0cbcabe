"""The session state machine, pure: entries and store snapshots in, effects out."""

from __future__ import annotations

import itertools
from typing import Any

from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import (
    Emit,
    FlushDue,
    SessionState,
    end_session,
    finish_first_read,
    on_entry,
    on_store,
    on_tick,
)
from memoryd.sources.openclaw_config import CompactionSettings
from memoryd.sources.store import StoreEntry
from memoryd.sources.transcript import Compaction, Entry, Usage

GATE = GateSettings(
    CompactionSettings(reserve_tokens_floor=8192, keep_recent_tokens=2000)
)  # 32k: point 19576


def user(i: int) -> Entry:
    return Entry(type="message", id=f"u{i}", parent_id=None, timestamp="", role="user", text="hi")


def assistant(i: int, prompt: int) -> Entry:
    return Entry(
        type="message",
        id=f"a{i}",
        parent_id=None,
        timestamp="",
        role="assistant",
        text="ok",
        usage=Usage(input=prompt, output=100, total=prompt + 100),
    )


def compaction(i: int) -> Entry:
    return Entry(
        type="compaction", id=f"c{i}", parent_id=None, timestamp="", compaction=Compaction("s", "u1", 20000)
    )


class Feed:
    def __init__(self, live: bool = True) -> None:
        self.st = SessionState("main", "agent:main:main", "S1", live=live, context_tokens=32768)
        self.offset = 100
        self.effects: list[Any] = []

    def add(self, e: Entry, size: int = 50) -> list[Any]:
        out = on_entry(self.st, e, self.offset, self.offset + size, GATE)
        self.offset += size
        self.effects += out
        return out

    def flushes(self) -> list[FlushDue]:
        return [e for e in self.effects if isinstance(e, FlushDue)]

    def types(self) -> list[str]:
        return [e.type for e in self.effects if isinstance(e, Emit)]


def test_flush_once_per_cycle_when_crossing_the_flush_point() -> None:
    f = Feed()
    f.add(user(1))
    f.add(assistant(1, 15_000))
    assert f.flushes() == []
    f.add(user(2))
    f.add(assistant(2, 19_600))
    f.add(user(3))
    f.add(assistant(3, 20_000))
    assert [(d.trigger, d.cycle, d.start, d.end) for d in f.flushes()] == [("threshold", 0, 0, 300)]
    assert f.types() == ["memory.threshold.crossed"]


def test_ranges_have_no_gap_and_no_overlap_across_cycles() -> None:
    f = Feed()
    for cycle in range(3):
        f.add(user(10 * cycle))
        f.add(assistant(10 * cycle, 19_700))
        f.add(user(10 * cycle + 1))
        f.add(assistant(10 * cycle + 1, 20_400))
        f.add(compaction(cycle))
    ranges = [(d.start, d.end) for d in f.flushes()]
    assert len(ranges) == 3
    assert ranges[0][0] == 0
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert start == end
    assert f.types().count("memory.compacted") == 3
    assert all(
        e.data["flushed_before"] for e in f.effects if isinstance(e, Emit) and e.type == "memory.compacted"
    )


def test_compaction_without_a_flush_gets_a_late_flush() -> None:
    f = Feed()
    f.add(user(1))
    f.add(assistant(1, 5_000))
    f.add(compaction(1))  # a manual /compact far below the threshold
    assert [(d.trigger, d.cycle) for d in f.flushes()] == [("late", 0)]
    compacted = next(e for e in f.effects if isinstance(e, Emit) and e.type == "memory.compacted")
    assert compacted.data["flushed_before"] is False and compacted.data["compaction_count"] == 1


def test_a_reread_compaction_is_not_counted_twice() -> None:
    f = Feed()
    f.add(user(1))
    c = compaction(1)
    f.add(c)
    assert f.add(c) == []
    assert f.st.cycle == 1


def test_after_compaction_stale_usage_does_not_trigger_a_new_flush() -> None:
    f = Feed()
    f.add(user(1))
    f.add(assistant(1, 21_000))
    f.add(compaction(1))
    f.add(user(2))
    assert len(f.flushes()) == 1


def test_history_is_not_flushed_and_reported_with_the_stores_count() -> None:
    f = Feed(live=False)
    f.st.store_count = 5
    f.add(user(1))
    f.add(assistant(1, 21_000))
    f.add(compaction(1))
    f.add(user(2))
    f.add(assistant(2, 8_000))
    assert f.flushes() == []
    effects = finish_first_read(f.st, GATE)
    compacted = [e for e in effects if isinstance(e, Emit) and e.type == "memory.compacted"]
    assert [c.data["compaction_count"] for c in compacted] == [5]
    assert compacted[0].data["historical"] is True
    assert f.st.live and f.st.cycle == 5
    assert f.st.flushed_upto == 100  # the first kept entry (u1) of the last compaction


def test_first_sight_past_the_flush_point_flushes_now() -> None:
    f = Feed(live=False)
    f.add(user(1))
    f.add(assistant(1, 20_000))
    effects = finish_first_read(f.st, GATE)
    assert [type(e).__name__ for e in effects] == ["Emit", "FlushDue"]


def _store(**kw: Any) -> StoreEntry:
    base: dict[str, Any] = {
        "key": "agent:main:main",
        "session_id": "S1",
        "session_file": None,
        "updated_at": None,
        "total_tokens": None,
        "total_tokens_fresh": True,
        "context_tokens": 32768,
        "compaction_count": 0,
        "memory_flush_at": None,
        "memory_flush_compaction_count": None,
        "checkpoints": (),
        "usage_family_session_ids": (),
    }
    base.update(kw)
    return StoreEntry(**base)


def test_store_tokens_can_trigger_and_runtime_flush_is_observed_once() -> None:
    f = Feed()
    f.add(user(1))
    eff = on_store(f.st, _store(total_tokens=19_700), GATE, now=0.0)
    assert any(isinstance(e, FlushDue) for e in eff)
    eff = on_store(f.st, _store(memory_flush_at=123, memory_flush_compaction_count=0), GATE, now=0.0)
    assert [e.type for e in eff if isinstance(e, Emit)] == ["runtime.flush.observed"]
    assert on_store(f.st, _store(memory_flush_at=123, memory_flush_compaction_count=0), GATE, now=0.0) == []


def test_store_only_compaction_after_grace_then_the_entry_is_not_counted_again() -> None:
    f = Feed()
    f.add(user(1))
    on_store(f.st, _store(compaction_count=1, total_tokens=3000), GATE, now=10.0)
    assert on_tick(f.st, now=10.5, grace=3.0) == []
    effects = on_tick(f.st, now=14.0, grace=3.0)
    assert [e.type for e in effects if isinstance(e, Emit)] == ["memory.compacted"]
    assert [d.trigger for d in effects if isinstance(d, FlushDue)] == ["late"]
    assert f.st.cycle == 1
    assert f.add(compaction(9)) == []  # the transcript's entry arrives late: same compaction
    assert f.st.cycle == 1


def test_reset_flushes_the_unflushed_tail_once() -> None:
    f = Feed()
    f.add(user(1))
    f.add(assistant(1, 3_000))
    effects = end_session(f.st, "reset")
    assert [(d.trigger, d.start, d.end) for d in effects if isinstance(d, FlushDue)] == [("reset", 0, 200)]
    assert [e.type for e in end_session(f.st, "reset") if isinstance(e, Emit)] == ["memory.flush.skipped"]
