"""The due queue: flushes that a catch-up found due, written one at a time, most at risk first.

A first start (or a restart after memoryd was down while OpenClaw ran) can find many sessions due a
flush at once: 40 sessions past ``forceFlushTranscriptBytes`` are ~40 extractions, 10-25 s of work.
Written inline, they kept ``READY=1``, the socket and the watcher waiting. Instead the flushes are
decided (journaled as ``memory.flush.started``, so exactly-once holds as for any flush) and queued
here, and the daemon writes them one at a time between its other work, ordered by **compaction
risk**, recomputed before each pick from the session's state as it is then:

0. the cycle ended while the flush waited, or the flush is a ``late`` one: the compaction came;
1. past OpenClaw's compaction threshold: it compacts at its next turn;
2. past memoryd's flush point (a ``threshold`` flush);
3. below it: due only by transcript size (``transcript_bytes``);
4. no compaction to race: a reset's tail (read from the archive) or a manual flush.

Within a tier the fewest tokens left before OpenClaw compacts comes first, then the order of
decision. A session that becomes urgent while the queue drains is not queued at all: a flush decided
by a watched change runs right after its step, ahead of the queue. Pure: no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from memoryd.sessions.gate import GateSettings, compaction_threshold
from memoryd.sessions.tracker import SessionState, current_pressure

COMPACTED, PAST_COMPACTION, PAST_FLUSH_POINT, BYTES_ONLY, NO_RISK = range(5)
TIER_NAMES = ("compacted", "past_compaction", "past_flush_point", "transcript_bytes", "no_risk")


@dataclass(frozen=True, slots=True, order=True)
class Risk:
    """A sort key: the smaller, the sooner. ``headroom``: tokens left before OpenClaw compacts."""

    tier: int
    headroom: float
    order: int

    @property
    def name(self) -> str:
        return TIER_NAMES[self.tier]


def compaction_risk(
    trigger: str, cycle: int, state: SessionState | None, gate: GateSettings | None, order: int = 0
) -> Risk:
    """How soon a queued flush of ``cycle`` (``trigger``) must be written, from its session's state now."""
    if trigger == "late":
        return Risk(COMPACTED, 0.0, order)
    if trigger not in ("threshold", "transcript_bytes") or state is None or gate is None:
        return Risk(NO_RISK, math.inf, order)
    if state.cycle > cycle:
        return Risk(COMPACTED, 0.0, order)
    p = current_pressure(state, gate)
    limit = compaction_threshold(p.window, gate.compaction, gate.era)
    headroom = math.inf if limit is None else float(limit - p.projected)
    if headroom <= 0:
        tier = PAST_COMPACTION
    elif p.due:
        tier = PAST_FLUSH_POINT
    else:
        tier = BYTES_ONLY
    return Risk(tier, headroom, order)


@dataclass(slots=True)
class DueProgress:
    """What ``memoryd status`` and systemd's ``STATUS=`` say about a drain."""

    queued: int
    #: written (a flush taken from the queue and still being extracted is ``writing``, not done)
    done: int
    total: int
    writing: int = 0

    @property
    def active(self) -> bool:
        return self.queued > 0 or self.writing > 0

    def text(self) -> str:
        return f"draining {self.done}/{self.total} due flushes"


class DueQueue:
    """Flush ids waiting for the drain, in decision order; progress counts since the queue was last empty."""

    def __init__(self) -> None:
        self._order: dict[str, int] = {}
        self._next = 0
        self.done = 0
        self.total = 0
        #: the flush ``pick`` took last: still being written while ``progress``'s ``unfinished`` says so
        self._taken: str | None = None

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, fid: object) -> bool:
        return fid in self._order

    def ids(self) -> list[str]:
        return list(self._order)

    def add(self, fid: str) -> bool:
        """Queue a flush (once); a queue that was empty starts counting again."""
        if fid in self._order:
            return False
        if not self._order:
            self.done = self.total = 0
            self._taken = None  # a flush still being written belongs to the drain that ended
        self._order[fid] = self._next
        self._next += 1
        self.total += 1
        return True

    def discard(self, fid: str) -> None:
        """Forget a flush that was written some other way (a manual flush, a retry): it counts as done."""
        if self._order.pop(fid, None) is not None:
            self.done += 1

    def peek(self, risk: Callable[[str, int], Risk]) -> str | None:
        """The most urgent flush (``risk(fid, order)`` judges each now), left in the queue."""
        if not self._order:
            return None
        return min(self._order, key=lambda f: risk(f, self._order[f]))

    def pick(self, risk: Callable[[str, int], Risk]) -> str | None:
        """Take the most urgent flush out of the queue."""
        fid = self.peek(risk)
        if fid is not None:
            del self._order[fid]
            self.done += 1
            self._taken = fid
        return fid

    def progress(self, unfinished: Callable[[str], bool] | None = None) -> DueProgress:
        """Progress; ``unfinished(fid)`` says whether the flush taken last is still being written
        (its extraction runs in a worker): then the drain is not over, and it does not count as done."""
        writing = int(self._taken is not None and unfinished is not None and unfinished(self._taken))
        return DueProgress(len(self._order), self.done - writing, self.total, writing)
