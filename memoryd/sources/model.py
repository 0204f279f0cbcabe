"""The session model every source adapter produces, and the two small protocols around it.

A *source adapter* turns one on-disk layout (``sessions.json`` + JSONL files, OpenClaw's SQLite
store, another runtime's own JSONL) into the one model the engine knows: per session a *store row*
(``StoreEntry``: key, session id, tokens, ``compactionCount``, OpenClaw's own flush) and *transcript
entries* (``Entry``) at increasing *positions*. A position is whatever the layout counts in (a byte
offset, an event ``seq``): the tracker only compares and subtracts them, and a flush names a range
``[start, end)`` of them that only the adapter that made it can read back.

The adapter calls the pure tracker (``memoryd.sessions.tracker``) with those rows and entries and
hands the effects to the engine through ``SourceHost``; it never writes events, Markdown or the
checkpoint itself. So the engine never knows where a session came from, and a new runtime is one
new adapter (``docs/sources.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from memoryd.config import Settings
from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import Effect, SessionState
from memoryd.sources.openclaw_config import AgentSource
from memoryd.sources.transcript import Entry, LineError


class SessionCursor(Protocol):
    """Where an adapter stopped reading one session; persisted in the checkpoint."""

    def to_json(self) -> dict[str, Any]: ...


@dataclass(slots=True)
class Tracked:
    """One session the engine follows: its tracker state, and the adapter that feeds it."""

    agent: AgentSource
    state: SessionState
    source: str  # the adapter's name
    cursor: SessionCursor
    last_flush: dict[str, Any] | None = None
    last_compaction: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "agent": self.agent.agent_id,
            "source": self.source,
            "state": self.state.to_json(),
            "cursor": self.cursor.to_json(),
            "last_flush": self.last_flush,
            "last_compaction": self.last_compaction,
        }


@dataclass(frozen=True, slots=True)
class RangeRead:
    """A flush's entries, read back by the adapter for a position range."""

    entries: Sequence[Entry]
    errors: Sequence[LineError] = ()


@dataclass(frozen=True, slots=True)
class SplitRead:
    """A range read in two halves, so the daemon can read a big range off its event loop.

    ``read`` touches only the file (any thread; raises ``OSError`` when unreadable); ``report``
    runs on the loop afterwards with what ``read`` returned (source errors are events).
    """

    read: Callable[[], RangeRead]
    report: Callable[[RangeRead], None]


@dataclass(frozen=True, slots=True)
class FlushRange:
    """What a flush asks of an adapter: positions ``[start, end)`` of a session, at ``location``."""

    agent_id: str
    session_id: str
    start: int
    end: int
    location: str  # where the session was read when the flush was decided (a path, a DB + id)


class SourceHost(Protocol):
    """What the engine offers an adapter: the session registry, events, effects, time."""

    settings: Settings
    agents: dict[str, AgentSource]
    #: (agent id, session uid) -> tracked session; a uid is ``SessionState.uid``.
    sessions: dict[tuple[str, str], Tracked]
    #: (agent id, session key) -> the uid the key names now.
    keys: dict[tuple[str, str], str]
    #: ``session.discovered`` data replayed from the log after the checkpoint, by (agent, uid).
    discovered: dict[tuple[str, str], dict[str, Any]]
    seen_agents: set[str]

    def clock(self) -> float: ...

    def emit(
        self,
        type_: str,
        data: dict[str, Any],
        *,
        agent: str | None = None,
        session_key: str | None = None,
        session_id: str | None = None,
    ) -> dict[str, Any] | None: ...

    def emit_for(self, tr: Tracked, type_: str, data: dict[str, Any]) -> None: ...

    def execute(self, tr: Tracked, effects: list[Effect]) -> None: ...

    def source_error(
        self, path: str, offset: int, reason: str, detail: str = "", agent: str | None = None
    ) -> None: ...

    def layout_of(self, agent: AgentSource) -> str:
        """The name of the adapter that reads this agent (each agent is read from one layout)."""
        ...

    def history_allowed(self, agent_id: str) -> bool:
        """Is a session first seen now of an install's past (read as history), or live?"""
        ...

    def busy(self) -> AbstractContextManager[None]:
        """A context in which a read or a discovery is half applied: no checkpoint is saved."""
        ...

    def mark_dirty(self) -> None: ...


class SourceAdapter(Protocol):
    """One layout. The engine calls these; everything layout-specific lives behind them."""

    name: str
    #: what the store rows are called in events (``source`` of a compaction only the store showed)
    store_name: str

    def owns(self, agent: AgentSource) -> bool:
        """Is this agent's session data in this adapter's layout (checked on every scan: cheap)?"""
        ...

    def gate_for(self, agent: AgentSource) -> GateSettings:
        """The gate for this agent's sessions: the arithmetic of the OpenClaw era of this layout."""
        ...

    def refresh(self, agent: AgentSource, *, only_changed: bool) -> bool:
        """Read the agent's store rows: discover, reset, delete, and apply rows to tracked sessions.

        False when the agent's data could not be read now (then a first scan does not count as
        having looked at it: what it holds stays history for the next one)."""
        ...

    def read(self, tr: Tracked) -> None:
        """Read and apply everything new in one tracked session's transcript."""
        ...

    def unchanged(self, tr: Tracked) -> bool:
        """Cheaply: is there surely nothing new to read (the reconcile's prefilter)?"""
        ...

    def handle_paths(self, paths: set[str]) -> bool:
        """React to changed paths this adapter cares about; True when it read something."""
        ...

    def location(self, tr: Tracked) -> str:
        """Where a flush of this session reads from (recorded in ``memory.flush.started``)."""
        ...

    def read_range(self, rng: FlushRange, tr: Tracked | None) -> RangeRead:
        """The entries at positions ``[rng.start, rng.end)``; raises ``OSError`` when unreadable."""
        ...

    def split_read(self, rng: FlushRange, tr: Tracked | None) -> SplitRead | None:
        """``read_range`` in a thread-safe half and a loop half; ``None`` when the layout cannot
        (its reader is bound to the loop's thread): then ``read_range`` runs on the loop."""
        ...

    def compaction_checkpoints(self, tr: Tracked) -> tuple[Any, ...]:
        """The store's records of past compactions (``on_tick`` ties a count rise to them)."""
        ...

    def cursor_from_json(self, obj: dict[str, Any], raw: dict[str, Any]) -> SessionCursor:
        """A cursor from the checkpoint (``raw`` is the whole session record, for old formats)."""
        ...

    def close(self) -> None: ...
