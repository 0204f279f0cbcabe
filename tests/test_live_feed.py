"""The live tail shared by socket subscribers: order, sharing, overflow, bounded memory."""

from __future__ import annotations

from typing import Any

import anyio
import orjson
import pytest

from memoryd.sinks.live_feed import BATCH, LiveFeed, Subscriber, event_filter

pytestmark = pytest.mark.anyio


def _event(seq: int, type_: str = "memory.compacted", key: str = "agent:main:main") -> tuple[int, bytes, Any]:
    event = {"seq": seq, "type": type_, "session_key": key}
    return seq, orjson.dumps(event) + b"\n", event


def _sub(types: tuple[str, ...] | None = None, key: str | None = None, after: int = 0) -> Subscriber:
    return Subscriber(event_filter(types, key), (types, key), after=after)


def _seqs(data: bytes) -> list[int]:
    return [orjson.loads(line)["seq"] for line in data.splitlines()]


def _drain(feed: LiveFeed, sub: Subscriber) -> list[int]:
    out: list[int] = []
    while sub.pos < feed.end:
        data, seq = feed.take(sub)
        out += _seqs(data)
        sub.covered = seq
    return out


async def test_every_event_in_order_and_one_encoding_per_filter() -> None:
    feed = LiveFeed(limit=10_000)
    a, b = _sub(("memory.*",)), _sub(("memory.*",))
    c = _sub(("session.*",))
    for sub in (a, b, c):
        feed.join(sub)
    for seq in range(1, 1001):
        feed.on_event(*_event(seq, "memory.compacted" if seq % 10 else "session.reset"))
    batch_a, _ = feed.take(a)
    batch_b, _ = feed.take(b)
    assert batch_a is batch_b  # the same bytes object: joined once, sent to both
    assert _seqs(batch_a) == [s for s in range(1, BATCH + 1) if s % 10]
    assert _drain(feed, a) == [s for s in range(BATCH + 1, 1001) if s % 10]
    assert _drain(feed, b) == [s for s in range(BATCH + 1, 1001) if s % 10]
    assert _drain(feed, c) == list(range(10, 1001, 10))
    assert (a.covered, b.covered, c.covered) == (1000, 1000, 1000)
    assert feed.behind() == 0


async def test_a_since_ahead_of_the_head_skips_what_it_has_seen() -> None:
    feed = LiveFeed(limit=100)
    early, late = _sub(), _sub(after=5)
    feed.join(early)
    feed.join(late)
    for seq in range(1, 11):
        feed.on_event(*_event(seq))
    assert _drain(feed, late) == [6, 7, 8, 9, 10]
    assert _drain(feed, early) == list(range(1, 11))


async def test_a_subscriber_that_stops_taking_overflows_and_memory_stays_bounded() -> None:
    limit = 40
    feed = LiveFeed(limit=limit)
    stalled, reader = _sub(), _sub()
    feed.join(stalled)
    feed.join(reader)
    got: list[int] = []
    for seq in range(1, 2001):
        feed.on_event(*_event(seq))
        assert feed.behind() <= 2 * limit  # held for the stalled one, at most limit * 5 / 4
        got += _drain(feed, reader)
    assert stalled.overflowed.is_set() and not reader.overflowed.is_set()
    assert got == list(range(1, 2001))
    feed.leave(stalled)
    assert feed.behind() == 0


async def test_what_everyone_took_is_dropped() -> None:
    feed = LiveFeed(limit=100_000)
    subs = [_sub() for _ in range(3)]
    for sub in subs:
        feed.join(sub)
    for seq in range(1, 5001):
        feed.on_event(*_event(seq))
    for sub in subs:
        assert _drain(feed, sub) == list(range(1, 5001))
    assert feed.held == 0  # the last one to take the oldest events dropped them
    for sub in subs:
        feed.leave(sub)
    feed.on_event(*_event(5001))  # nobody listens: nothing is kept
    assert feed.held == 0


async def test_wait_returns_on_an_append_and_after_the_timeout() -> None:
    feed = LiveFeed(limit=10)
    sub = _sub()
    feed.join(sub)
    with anyio.fail_after(5):
        await feed.wait(sub, 0.01)  # nothing: returns after the timeout
        async with anyio.create_task_group() as tg:
            tg.start_soon(feed.wait, sub, 60.0)
            await anyio.sleep(0.01)
            feed.on_event(*_event(1))  # wakes the waiter long before its minute
    assert _drain(feed, sub) == [1]
