"""The journal's live tail, shared by every socket subscriber.

One append per event, not one per subscriber: the journal's listener adds the event to one list,
and each subscriber keeps its own position in it. The lines a filter selects from a range are
joined once and sent to every subscriber at that spot with that filter (the common case: many
clients following the same stream). What every subscriber has taken is dropped.

A subscriber that falls more than ``limit`` events behind (its client stopped reading, so its
sends block) is marked overflowed and forgotten: it cannot hold memory or slow anyone else. The
check runs when the tail outgrows ``limit`` by a quarter, so the tail never holds more than
``limit * 5 / 4`` events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from fnmatch import translate
from typing import Any, Final

import anyio

EventFilter = Callable[[dict[str, Any]], bool]

#: At most this many events go out in one send.
BATCH: Final = 256


def event_filter(types: tuple[str, ...] | list[str] | None, session_key: str | None) -> EventFilter:
    """The subscribe filter: ``types`` are case-sensitive fnmatch globs on ``type``; ``session_key`` exact."""
    pattern = re.compile("|".join(f"(?:{translate(t)})" for t in types)) if types else None

    def match(event: dict[str, Any]) -> bool:
        if session_key is not None and event.get("session_key") != session_key:
            return False
        return pattern is None or (isinstance(t := event.get("type"), str) and bool(pattern.match(t)))

    return match


class Subscriber:
    """One client's place in the feed: where it is, what it has been sent, whether it fell behind."""

    def __init__(self, match: EventFilter, key: Hashable, after: int = 0) -> None:
        self.match = match
        self.key = key  # subscribers with equal keys have equal filters: their batches are shared
        self.after = after  # events with seq <= after are not for this client (its ``since``)
        self.pos = 0
        # Everything the client asked for up to this seq has been sent: where it may resume from.
        self.covered = 0
        self.overflowed = anyio.Event()


class LiveFeed:
    """Events appended by the journal listener (``on_event``), taken in batches by subscribers."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._slack = max(1, limit // 4)
        self._base = 0  # the position of _items[0]
        self._at_base = 0  # subscribers whose position is _base: when none is left, the oldest can go
        self._items: list[tuple[int, bytes, dict[str, Any]]] = []
        self._subscribers: set[Subscriber] = set()
        self._changed: anyio.Event | None = None  # set on the next append; None: nobody waits
        self._batches: dict[tuple[Hashable, int], tuple[int, bytes]] = {}  # (key, start): (stop, data)

    @property
    def end(self) -> int:
        """The position after the newest event."""
        return self._base + len(self._items)

    @property
    def held(self) -> int:
        """Events held now (what some subscriber has not taken yet, give or take a trim)."""
        return len(self._items)

    def behind(self) -> int:
        """Events held for subscribers that have not taken them yet (for ``status``)."""
        end = self.end
        return sum(end - s.pos for s in self._subscribers)

    def join(self, sub: Subscriber) -> None:
        """From now on ``sub`` gets every event appended (call it with no ``await`` before reading the head)."""
        sub.pos = self.end
        self._subscribers.add(sub)
        if sub.pos == self._base:
            self._at_base += 1

    def leave(self, sub: Subscriber) -> None:
        if sub in self._subscribers:
            self._subscribers.discard(sub)
            self._moved_from(sub.pos)

    def on_event(self, seq: int, line: bytes, event: dict[str, Any]) -> None:
        """The journal listener: never blocks, never raises, O(1) but for the overflow check."""
        if not self._subscribers:
            self._base += len(self._items) + 1
            self._items.clear()
            self._at_base = 0
            return
        self._items.append((seq, line, event))
        if len(self._items) > self._limit + self._slack:
            self._overflow_laggards()
        if self._changed is not None:
            self._changed.set()
            self._changed = None

    async def wait(self, sub: Subscriber, timeout: float) -> None:
        """Until there is something after ``sub.pos``, or ``timeout`` seconds."""
        if sub.pos < self.end:
            return
        if self._changed is None:
            self._changed = anyio.Event()
        changed = self._changed
        with anyio.move_on_after(timeout):
            await changed.wait()

    def take(self, sub: Subscriber) -> tuple[bytes, int]:
        """The next batch for ``sub`` (its lines joined, maybe empty) and the seq it reaches; moves ``sub.pos``.

        Only when there is something after ``sub.pos``.
        """
        start = sub.pos
        stop = min(self.end, start + BATCH)
        chunk = self._items[start - self._base : stop - self._base]
        if chunk[0][0] <= sub.after:  # a ``since`` ahead of the head: not shared
            data = b"".join([line for seq, line, event in chunk if seq > sub.after and sub.match(event)])
        else:
            key = (sub.key, start)
            hit = self._batches.get(key)
            if hit is not None and hit[0] == stop:
                data = hit[1]
            else:
                data = b"".join([line for _, line, event in chunk if sub.match(event)])
                self._batches[key] = (stop, data)
        sub.pos = stop
        self._moved_from(start)
        return data, chunk[-1][0]

    def _moved_from(self, pos: int) -> None:
        """A subscriber left ``pos``: if it was the last one at the oldest position, drop what all took."""
        if pos == self._base:
            self._at_base -= 1
            if self._at_base <= 0:
                self._trim()

    def _overflow_laggards(self) -> None:
        floor = self.end - self._limit
        for sub in [s for s in self._subscribers if s.pos < floor]:
            sub.overflowed.set()
            self._subscribers.discard(sub)
        self._trim()

    def _trim(self) -> None:
        """Drop what every subscriber has taken, and the batches made of it (O(subscribers): rare)."""
        low = min((s.pos for s in self._subscribers), default=self.end)
        self._at_base = sum(1 for s in self._subscribers if s.pos == low)
        if low <= self._base:
            return
        del self._items[: low - self._base]
        self._base = low
        self._batches = {k: v for k, v in self._batches.items() if k[1] >= low}
