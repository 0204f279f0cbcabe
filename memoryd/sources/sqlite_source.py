"""The SQLite layout (OpenClaw 2026.7.2 and later): one ``openclaw-agent.sqlite`` per agent.

Built on ``memoryd.sources.sqlite_store`` (the read-only reader: ``AgentDb.poll`` gives the rows
that moved since the last poll). Positions are event ``seq`` numbers: an event at ``seq`` spans
``[seq, seq + 1)``, so a flush range is ``[first seq, end seq)`` and the cursor of a session is
the last seq applied. What is particular to this layout, and handled here:

* **A reset keeps the session id**: a ``reset`` event is appended and the row's
  ``compactionCount`` goes back to 0 under a new ``lifecycleRevision``. The tracker follows one
  *generation* of the id at a time: the reset's seq becomes ``SessionState.epoch`` of the next
  one, so its cycles (0, 1 ...) have their own flush ids and event keys. A row is applied only to
  the generation of its ``lifecycleRevision``: one written for the new generation is held until the
  ``reset`` event that begins it has been read.
* **compactionCount + 1 comes ~0.1 s after the ``compaction`` event**, in another commit: within a
  poll the events are applied before the rows, and a row's count never ends a cycle by itself
  unless the transcript stays silent past the grace period (``on_tick``).
* **A delete** removes the key's rows and adds an archive row (the full JSONL, zstd): what was not
  read yet is read from the archive, the session ends, and its unflushed tail is flushed (trigger
  ``reset``, reason ``deleted``), read back from the archive.
* **OpenClaw's own flush** is ``memoryFlush {kind, compactionCount}`` on the row (the tracker's
  ``on_store``).
* **An upgraded agent** (2026.7.1 -> 2026.9) keeps its old ``sessions.json``; the engine reads
  the agent from here only, and a session the file source tracked before keeps its flushed cycles
  (``_take_over``), so no cycle is flushed twice.

The database is never written and never opened while its ``-wal``/``-shm`` are missing (the
reader's rules); nothing is written under ``agents/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import structlog

from memoryd.sessions.gate import Era, GateSettings
from memoryd.sessions.tracker import (
    SessionState,
    end_session,
    finish_first_read,
    on_entry,
    on_store,
)
from memoryd.sources.model import FlushRange, RangeRead, SessionCursor, SourceHost, Tracked
from memoryd.sources.openclaw_config import AgentSource
from memoryd.sources.sqlite_store import (
    DB_NAME,
    AgentDb,
    Archive,
    Event,
    Layout,
    NotReady,
    Poll,
    PollStatus,
    archive_lines,
    db_path_for,
    probe_agent,
)
from memoryd.sources.store import StoreEntry
from memoryd.sources.transcript import LineError, loads_line, parse_entry, parse_header

log = structlog.get_logger("memoryd.sources.sqlite")

#: How many polls one refresh runs at most while the reader says there is more (2,000 rows each).
MAX_POLLS_PER_REFRESH = 10_000
#: ``NOT_READY`` reasons worth a ``source.error``; the others (no ``-wal`` yet, OpenClaw stopped)
#: only wait.
#: (``sidecar_replaced``: ``-wal``/``-shm`` made again since the open, as when OpenClaw is making the
#: database or its last connection closed: the reader reopens; not an error.)
_ERROR_REASONS = frozenset({"busy", "sqlite_error"})
#: A database without ``session_nodes`` beside a ``sessions.json`` leaves the agent to the file
#: source for this long before it is looked at again (it may be a store being created).
RECHECK_SECONDS = 30.0
#: How long a row of a new ``lifecycleRevision`` waits for the reset event that begins its generation.
HOLD_SECONDS = 30.0
#: How often a reconcile's poll skips the reader's shortcuts (``-wal`` stat, ``data_version``) and
#: re-checks every row: the backstop for a write that moved no ``updated_at``.
FORCE_SECONDS = 60.0
_VERSION = re.compile(r"^(\d{4})\.(\d{1,2})")
_WAKE_NAMES = frozenset({DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-journal"})


@dataclass(slots=True)
class SqliteCursor:
    """One generation of a session in one agent database: the last seq applied."""

    db: str
    seq: int = -1
    #: The row's ``lifecycleRevision`` this generation belongs to (``None``: not bound yet), and the
    #: previous generation's, whose rows are stale for this one.
    lifecycle: str | None = None
    prev_lifecycle: str | None = None
    archive: tuple[str, str] | None = None  # (session id, generation) once deleted: read from there
    #: the revision this generation had before it took a new one no reset event came with
    #: (``_release_held``): a late reset event then gives the new revision to the next generation
    released_from: str | None = None
    history_until: int = 0  # on first sight, events before this seq are history (transient)
    row: StoreEntry | None = None  # during a first read: the latest row, applied when it ends (transient)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "db": self.db,
            "seq": self.seq,
            "lifecycle": self.lifecycle,
            "prev_lifecycle": self.prev_lifecycle,
        }
        if self.archive is not None:
            out["archive"] = list(self.archive)
        return out


def _sc(tr: Tracked) -> SqliteCursor:
    cur = tr.cursor
    assert isinstance(cur, SqliteCursor)
    return cur


def era_of(app_version: str | None) -> Era:
    """2026.9 and later: the automatic reserve; earlier or unknown: the configured floor."""
    m = _VERSION.match(app_version or "")
    if m and (int(m.group(1)), int(m.group(2))) >= (2026, 9):
        return "2026.9"
    return "2026.7"


@dataclass(slots=True)
class _AgentState:
    """The adapter's per-agent memory (not persisted: the checkpoint holds the cursors)."""

    db: AgentDb
    #: (session id) -> uid of the generation being read now
    current: dict[str, str] = field(default_factory=dict)
    #: events of a session whose row was not seen yet, by session id
    orphans: dict[str, list[Event]] = field(default_factory=dict)
    #: a row held for a generation that has not begun yet (its reset event not read), by session
    #: id, and since when
    held: dict[str, tuple[StoreEntry, float]] = field(default_factory=dict)
    archives: dict[str, Archive] = field(default_factory=dict)  # session id -> its delete archive
    #: session id -> the generation the log ended with a reset flush whose reset event was not
    #: applied before a crash (its next generation is made when that event is read again)
    resume: dict[str, str] = field(default_factory=dict)
    in_history: set[str] = field(default_factory=set)  # uids of generations in their first read
    polled: bool = False  # a poll succeeded since memoryd started
    forced_at: float = 0.0  # when the last forced poll ran
    not_ready: str | None = None


class SqliteSource:
    """The per-agent SQLite store adapter (see ``memoryd.sources.model.SourceAdapter``)."""

    name = "sqlite"
    store_name = "session_nodes"

    def __init__(self, host: SourceHost) -> None:
        self.host = host
        self.agents: dict[str, _AgentState] = {}
        #: agents whose database had no ``session_nodes`` while they have a ``sessions.json``: read
        #: from the files (since when)
        self.not_a_store: dict[str, float] = {}

    # ------------------------------------------------------------------ the protocol
    def owns(self, agent: AgentSource) -> bool:
        since = self.not_a_store.get(agent.agent_id)
        if since is not None and self.host.clock() - since < RECHECK_SECONDS:
            return False
        return Layout.SQLITE in probe_agent(agent.sessions_dir.parent).layouts

    def gate_for(self, agent: AgentSource) -> GateSettings:
        st = self.agents.get(agent.agent_id)
        schema = st.db.schema if st is not None else None
        # Positions are seqs, not bytes: the transcript-size trigger has no meaning here.
        comp = replace(agent.compaction, force_flush_transcript_bytes=0)
        return GateSettings(
            compaction=comp,
            lead_tokens=self.host.settings.lead_tokens,
            era=era_of(schema.app_version if schema else "2026.9"),
        )

    def cursor_from_json(self, obj: dict[str, Any], raw: dict[str, Any]) -> SessionCursor:
        arch = obj.get("archive")
        return SqliteCursor(
            db=str(obj.get("db", "")),
            seq=int(obj.get("seq", -1)),
            lifecycle=obj.get("lifecycle"),
            prev_lifecycle=obj.get("prev_lifecycle"),
            archive=(str(arch[0]), str(arch[1])) if isinstance(arch, list) and len(arch) == 2 else None,
        )

    def location(self, tr: Tracked) -> str:
        return f"{_sc(tr).db}#{tr.state.session_id}"

    def compaction_checkpoints(self, tr: Tracked) -> tuple[Any, ...]:
        return ()

    def close(self) -> None:
        for st in self.agents.values():
            st.db.close()

    def unchanged(self, tr: Tracked) -> bool:
        return True  # ``refresh`` polled the agent's database in this scan already

    def read(self, tr: Tracked) -> None:
        agent = self.host.agents.get(tr.agent.agent_id)
        if agent is not None:
            self.refresh(agent, only_changed=True)

    def handle_paths(self, paths: set[str]) -> bool:
        """A change of an agent database's ``-wal`` (or of the file itself, in rollback mode) wakes it."""
        host = self.host
        dirs = {
            str((a.sessions_dir.parent / "agent").resolve()): a
            for a in host.agents.values()
            if host.layout_of(a) == self.name
        }
        woken: dict[str, AgentSource] = {}
        for p in paths:
            if Path(p).name not in _WAKE_NAMES:
                continue
            agent = dirs.get(str(Path(p).parent.resolve()))
            if agent is not None:
                woken[agent.agent_id] = agent
        for agent in woken.values():
            self.refresh(agent, only_changed=True)
        return bool(woken)

    def read_range(self, rng: FlushRange, tr: Tracked | None) -> RangeRead:
        """The events ``[start, end)`` of a session, from the database or, once deleted, its archive."""
        agent = self.host.agents.get(rng.agent_id)
        if agent is None:
            raise OSError(f"unknown agent {rng.agent_id!r}")
        st = self._state(agent)
        archive = st.archives.get(rng.session_id)
        deleted = tr is not None and _sc(tr).archive is not None
        if not deleted:
            try:
                got = st.db.read_range(rng.session_id, rng.start, rng.end)
            except NotReady as exc:
                raise OSError(f"{st.db.db_path}: {exc}") from None
            if got.events or archive is None:
                return RangeRead([e.entry for e in got.events if e.entry is not None])
        if archive is None:
            raise OSError(f"{rng.location}: the session was deleted and its archive is not known yet")
        events, errors = self._archive_events(st, archive, rng.start, rng.end)
        return RangeRead([e.entry for e in events if e.entry is not None], errors)

    def split_read(self, rng: FlushRange, tr: Tracked | None) -> None:
        """The database connection belongs to the loop's thread: ranges are read there."""

    # ------------------------------------------------------------------ polling
    def _state(self, agent: AgentSource) -> _AgentState:
        st = self.agents.get(agent.agent_id)
        if st is not None:
            return st
        db_path = db_path_for(agent.sessions_dir.parent)
        cursors: dict[str, int] = {}
        latest: dict[str, tuple[int, str, Tracked]] = {}
        for (agent_id, uid), tr in self.host.sessions.items():
            if agent_id != agent.agent_id or tr.source != self.name:
                continue
            sid = tr.state.session_id
            cursors[sid] = max(cursors.get(sid, -1), _sc(tr).seq)
            if sid not in latest or tr.state.epoch >= latest[sid][0]:
                latest[sid] = (tr.state.epoch, uid, tr)
        st = _AgentState(db=AgentDb(db_path, cursors=cursors))
        st.in_history = {
            uid
            for (agent_id, uid), tr in self.host.sessions.items()
            if agent_id == agent.agent_id
            and tr.source == self.name
            and not tr.state.live
            and not tr.state.ended
        }
        for sid, (_, uid, tr) in latest.items():
            if not tr.state.ended:
                st.current[sid] = uid
            elif (
                _sc(tr).archive is None and self.host.keys.get((agent.agent_id, tr.state.session_key)) == uid
            ):
                # Ended by the log's reset flush, but the reset event that begins the next generation
                # was not applied before the crash: it is read again (``_resume``).
                st.resume[sid] = uid
        self.agents[agent.agent_id] = st
        return st

    def refresh(self, agent: AgentSource, *, only_changed: bool) -> bool:
        """Poll the agent's database until it has nothing more, applying each poll in turn.

        An agent never seen before (the first catch-up on an install) is read as history: its
        sessions go live when the refresh that read them to the end is over.
        """
        host = self.host
        st = self._state(agent)
        history = host.history_allowed(agent.agent_id)
        now = host.clock()
        force = not only_changed or not st.polled or now - st.forced_at >= FORCE_SECONDS
        if force:
            st.forced_at = now
        reopened = False
        with host.busy():
            for _ in range(MAX_POLLS_PER_REFRESH):
                poll = st.db.poll(force=force)
                if poll.status is PollStatus.NOT_READY and poll.reason == "sidecar_replaced" and not reopened:
                    reopened = True  # the reader closed on it: the next poll opens the files there now
                    continue
                force = False
                if poll.status is PollStatus.NOT_READY:
                    self._not_ready(agent, st, poll)
                    return False
                if st.not_ready is not None:
                    log.info("sqlite.ready", agent=agent.agent_id, was=st.not_ready)
                    st.not_ready = None
                if poll.status is PollStatus.CHANGED:
                    self._apply(agent, st, poll, history=history)
                    host.mark_dirty()
                st.polled = True
                if not poll.more:
                    break
            for uid in sorted(st.in_history):
                st.in_history.discard(uid)
                tr = host.sessions.get((agent.agent_id, uid))
                if tr is not None:
                    self._end_history(tr)
            if st.held:
                self._release_held(agent, st)
        if agent.agent_id not in host.seen_agents:
            host.seen_agents.add(agent.agent_id)
            host.mark_dirty()
        return True

    def _not_ready(self, agent: AgentSource, st: _AgentState, poll: Poll) -> None:
        if (
            poll.reason == "no_session_nodes"
            and Layout.FILES in probe_agent(agent.sessions_dir.parent).layouts
        ):
            # Not the session store (an older database beside sessions.json): the files are read.
            log.info("sqlite.not_a_session_store", agent=agent.agent_id, detail=poll.detail[:200])
            self.not_a_store[agent.agent_id] = self.host.clock()
            return
        if st.not_ready != poll.reason:
            log.info("sqlite.not_ready", agent=agent.agent_id, reason=poll.reason, detail=poll.detail[:200])
            st.not_ready = poll.reason
            if poll.reason in _ERROR_REASONS:
                self.host.source_error(
                    str(st.db.db_path), 0, f"sqlite_{poll.reason}", poll.detail, agent=agent.agent_id
                )

    def _apply(self, agent: AgentSource, st: _AgentState, poll: Poll, *, history: bool) -> None:
        """One poll: new sessions, the events of each (before any row), rows, deletes."""
        host = self.host
        for arch in poll.archives:
            st.archives[arch.session_id] = arch
        for err in poll.errors:
            where = f"{st.db.db_path}#{err.session_id or err.session_key}"
            seq = err.seq if err.seq is not None else -1
            host.source_error(where, seq, err.reason, err.detail, agent=agent.agent_id)
        by_sid = {se.session_id: se for se in poll.nodes.values()}
        rows_done: set[str] = set()
        for sid, events in poll.events.items():
            tr = self._current(st, agent, sid)
            if tr is None and sid in st.resume:
                events = self._resume(agent, st, sid, events)
                tr = self._current(st, agent, sid)
            if tr is not None:
                self._apply_events(agent, st, tr, events)
                continue
            se = by_sid.get(sid)
            if se is None:
                st.orphans.setdefault(sid, []).extend(events)  # its row is not there yet
                continue
            self._key_changed(agent, st, se)
            self._discover(agent, st, se, st.orphans.pop(sid, []) + events, history=history)
            rows_done.add(se.key)
        for key in poll.changed_keys:
            se = poll.nodes.get(key)
            if se is None or key in rows_done:
                continue
            tr = self._current(st, agent, se.session_id)
            if tr is None:
                self._key_changed(agent, st, se)
                self._discover(agent, st, se, st.orphans.pop(se.session_id, []), history=history)
            else:
                self._apply_row(agent, st, tr, se)
        gone = set(poll.deleted)
        if not st.polled:
            # The first poll since memoryd started has no earlier snapshot to compare with: a key we
            # track that is missing now was deleted while memoryd was not running.
            gone |= {
                key
                for (agent_id, key), uid in host.keys.items()
                if agent_id == agent.agent_id and key not in poll.nodes and self._ours(agent_id, uid)
            }
        for key in sorted(gone):
            self._deleted(agent, st, key)

    def _ours(self, agent_id: str, uid: str) -> bool:
        tr = self.host.sessions.get((agent_id, uid))
        return tr is not None and tr.source == self.name and not tr.state.ended

    def _current(self, st: _AgentState, agent: AgentSource, sid: str) -> Tracked | None:
        uid = st.current.get(sid)
        tr = self.host.sessions.get((agent.agent_id, uid)) if uid is not None else None
        if tr is None or tr.state.ended or tr.source != self.name:
            return None
        return tr

    # ------------------------------------------------------------------ sessions
    def _discover(
        self, agent: AgentSource, st: _AgentState, se: StoreEntry, events: list[Event], *, history: bool
    ) -> None:
        host = self.host
        sid = se.session_id
        old = host.sessions.get((agent.agent_id, sid))
        if old is not None and old.source == self.name:
            return  # ended here before (deleted): a row that came back is not a new session
        migrated = old is not None
        first_sight = history or migrated
        until = 0
        prior = host.discovered.get((agent.agent_id, sid))
        if prior is not None and not migrated:
            # Seen before a crash that lost the checkpoint: the log says where history ended.
            first_sight = bool(prior.get("first_sight"))
            until = int(prior.get("history_until") or 0)
        state = SessionState(
            agent_id=agent.agent_id,
            session_key=se.key,
            session_id=sid,
            context_tokens=se.context_tokens,
            store_count=se.compaction_count,
            live=not first_sight,
        )
        if state.live:
            # Seen from (near) its start: the row's count minus the compactions still to read.
            state.cycle = max(0, se.compaction_count - sum(_is_compaction(e) for e in events))
        cur = SqliteCursor(db=str(st.db.db_path), history_until=until, row=se)
        tr = Tracked(agent=agent, state=state, source=self.name, cursor=cur)
        if old is not None:
            self._take_over(old, tr)
        host.sessions[(agent.agent_id, sid)] = tr
        host.keys[(agent.agent_id, se.key)] = sid
        st.current[sid] = sid
        if not state.live:
            st.in_history.add(sid)
        if state.live:
            self._emit_discovered(tr, first_sight=False)
        self._apply_events(agent, st, tr, events)
        now = self._current(st, agent, sid)  # a reset among the events began a new generation
        if now is not None:
            self._apply_row(agent, st, now, se)

    def _emit_discovered(self, tr: Tracked, *, first_sight: bool) -> None:
        cur = _sc(tr)
        data: dict[str, Any] = {
            "path": cur.db,
            "first_sight": first_sight,
            "compaction_count": cur.row.compaction_count if cur.row is not None else 0,
            "history_until": cur.history_until,
            "source": self.name,
        }
        self.host.emit_for(tr, "session.discovered", data)

    def _end_history(self, tr: Tracked) -> None:
        """The first read of a session is over: report its past, then follow it live."""
        if tr.state.live or tr.state.ended:
            return
        cur = _sc(tr)
        if cur.history_until <= 0:
            cur.history_until = cur.seq + 1
        if tr.state.epoch == 0:
            self._emit_discovered(tr, first_sight=True)
        self.host.execute(tr, finish_first_read(tr.state, self.gate_for(tr.agent)))
        row, cur.row = cur.row, None
        if row is not None:
            self._apply_row(tr.agent, self._state(tr.agent), tr, row)

    def _take_over(self, old: Tracked, new: Tracked) -> None:
        """An agent upgraded to the SQLite store: the file-era session of the same id ends, and the
        cycles it flushed (or saw OpenClaw flush) stay flushed. Its past is read as history."""
        ns, os_ = new.state, old.state
        for name in ("flushed_cycles", "crossed_cycles", "runtime_flushed_cycles"):
            merged = list(dict.fromkeys([*getattr(os_, name), *getattr(ns, name)]))
            setattr(ns, name, merged[-64:])
        new.last_flush, new.last_compaction = old.last_flush, old.last_compaction
        os_.ended = True
        log.info("sqlite.took_over", agent=old.agent.agent_id, session_id=os_.session_id)

    def _apply_events(self, agent: AgentSource, st: _AgentState, tr: Tracked, events: list[Event]) -> None:
        host = self.host
        gate = self.gate_for(agent)
        for ev in events:
            cur = _sc(tr)
            if ev.seq <= cur.seq:
                continue  # applied before (read again after a restart)
            s = tr.state
            if ev.entry is None:  # the header (seq 0)
                cur.seq = ev.seq
                s.read_offset = ev.end
                continue
            if not s.live and 0 < cur.history_until <= ev.seq:
                # The first event written after memoryd first saw this session: from here on, live.
                cur.row = None
                host.execute(tr, finish_first_read(s, gate))
            if ev.entry.type == "reset":
                tr = self._reset(agent, st, tr, ev)
                continue
            effects = on_entry(s, ev.entry, ev.seq, ev.end, gate)
            cur.seq = ev.seq
            if ev.entry.type == "compaction" and effects:
                tr.last_compaction = {"entry_id": ev.entry.id, "cycle": s.cycle, "time": ev.entry.timestamp}
            host.execute(tr, effects)

    def _resume(self, agent: AgentSource, st: _AgentState, sid: str, events: list[Event]) -> list[Event]:
        """Events of a generation the log already ended: skip to its reset event, begin the next one.

        Everything before that event was applied before the crash (the reset flush is decided only
        when the reset event is read), so its effects are in the log already.
        """
        old = self.host.sessions.get((agent.agent_id, st.resume[sid]))
        if old is None:
            st.resume.pop(sid, None)
            return events
        cur = _sc(old)
        for i, ev in enumerate(events):
            if ev.seq > cur.seq and ev.entry is not None and ev.entry.type == "reset":
                st.resume.pop(sid, None)
                self._reset(agent, st, old, ev)
                return events[i + 1 :]
            cur.seq = max(cur.seq, ev.seq)
        return []

    def _reset(self, agent: AgentSource, st: _AgentState, old: Tracked, ev: Event) -> Tracked:
        """A ``reset`` event: this generation ends (its tail is flushed) and the next one begins."""
        host = self.host
        s = old.state
        cur = _sc(old)
        assert ev.entry is not None
        live = s.live
        data: dict[str, Any] = {
            "old_session_id": s.session_id,
            "new_session_id": s.session_id,
            "archived_path": None,
            "reset_entry_id": ev.entry.id,
            "epoch": ev.seq,
        }
        store_count = s.store_count
        if not live:
            data["historical"] = True
            if s.epoch == 0:
                self._emit_discovered(old, first_sight=True)
            s.store_count = None  # the row speaks for the latest generation only
            host.execute(old, finish_first_read(s, self.gate_for(agent)))
        host.emit(
            "session.reset", data, agent=agent.agent_id, session_key=s.session_key, session_id=s.session_id
        )
        if live and not s.ended:  # (ended: the log has this reset's flush already, see ``_resume``)
            host.execute(old, end_session(s, "reset"))
        s.ended = True
        cur.seq = ev.seq
        new_state = SessionState(
            agent_id=agent.agent_id,
            session_key=s.session_key,
            session_id=s.session_id,
            epoch=ev.seq,
            context_tokens=s.context_tokens,
            store_count=None if live else store_count,
            live=live,
            read_offset=ev.end,
            last_entry_id=ev.entry.id,
            cycle_start_offset=ev.end,
            flushed_upto=ev.end,
            flushed_upto_entry=ev.entry.id,
            history_start=ev.end,
        )
        new = Tracked(
            agent=agent,
            state=new_state,
            source=self.name,
            cursor=SqliteCursor(
                db=cur.db,
                seq=ev.seq,
                prev_lifecycle=cur.released_from or cur.lifecycle,
                history_until=cur.history_until,
                row=None if live else cur.row,
            ),
        )
        cur.row = None
        host.sessions[(agent.agent_id, new_state.uid)] = new
        host.keys[(agent.agent_id, s.session_key)] = new_state.uid
        st.current[s.session_id] = new_state.uid
        if not live:
            st.in_history.add(new_state.uid)
        held = st.held.pop(s.session_id, None)
        if held is not None:
            self._apply_row(agent, st, new, held[0])
        return new

    def _release_held(self, agent: AgentSource, st: _AgentState) -> None:
        """A new ``lifecycleRevision`` that no reset event followed within ``HOLD_SECONDS``: not a
        reset after all (as far as we can tell); the generation takes the row and the revision."""
        now = self.host.clock()
        for sid, (se, since) in list(st.held.items()):
            if now - since < HOLD_SECONDS:
                continue
            del st.held[sid]
            tr = self._current(st, agent, sid)
            if tr is None:
                continue
            log.info("sqlite.lifecycle_changed_without_reset", agent=agent.agent_id, session_id=sid)
            cur = _sc(tr)
            cur.released_from, cur.lifecycle = cur.lifecycle, se.lifecycle_revision
            self._apply_row(agent, st, tr, se)

    def _apply_row(self, agent: AgentSource, st: _AgentState, tr: Tracked, se: StoreEntry) -> None:
        """A row of this session's key, applied to the generation its ``lifecycleRevision`` names."""
        cur = _sc(tr)
        rev = se.lifecycle_revision
        if rev is not None:
            if cur.lifecycle is None:
                if rev == cur.prev_lifecycle:
                    return  # the previous generation's row: stale for this one
                cur.lifecycle = rev
            elif rev != cur.lifecycle:
                # A new revision before the reset event that begins it: it waits for that generation.
                since = st.held.get(se.session_id, (se, self.host.clock()))[1]
                st.held[se.session_id] = (se, since)
                return
        if not tr.state.live:
            cur.row = se  # a first read: applied when it ends (``_end_history``)
            return
        self.host.execute(tr, on_store(tr.state, se, self.gate_for(agent), self.host.clock()))

    def _key_changed(self, agent: AgentSource, st: _AgentState, se: StoreEntry) -> None:
        """The key now names another session id (a rollover): the old one ends, as a file-era reset."""
        host = self.host
        uid = host.keys.get((agent.agent_id, se.key))
        old = host.sessions.get((agent.agent_id, uid)) if uid is not None else None
        if old is None or old.source != self.name or old.state.ended or old.state.session_id == se.session_id:
            return
        s = old.state
        host.emit(
            "session.reset",
            {"old_session_id": s.session_id, "new_session_id": se.session_id, "archived_path": None},
            agent=agent.agent_id,
            session_key=se.key,
            session_id=se.session_id,
        )
        if s.live:
            host.execute(old, end_session(s, "reset"))
        s.ended = True
        st.current.pop(s.session_id, None)

    def _deleted(self, agent: AgentSource, st: _AgentState, key: str) -> None:
        """The key's rows vanished: read what its archive holds beyond our cursor, end, flush the tail."""
        host = self.host
        uid = host.keys.pop((agent.agent_id, key), None)
        tr = host.sessions.get((agent.agent_id, uid)) if uid is not None else None
        if tr is None or tr.source != self.name or tr.state.ended:
            return
        sid = tr.state.session_id
        archive = st.archives.get(sid)
        if archive is not None:
            events, errors = self._archive_events(st, archive, _sc(tr).seq + 1, None)
            for err in errors:
                host.source_error(
                    str(archive.file_path), err.offset or 0, err.reason, err.detail, agent=agent.agent_id
                )
            self._apply_events(agent, st, tr, events)
            tr = self._current(st, agent, sid) or tr
            _sc(tr).archive = (archive.session_id, archive.generation)
        data: dict[str, Any] = {
            "old_session_id": sid,
            "archived_path": str(archive.file_path) if archive is not None else None,
        }
        host.emit_for(tr, "session.deleted", data)
        if tr.state.live:
            host.execute(tr, end_session(tr.state, "reset", "deleted"))
        tr.state.ended = True
        st.current.pop(sid, None)

    def _archive_events(
        self, st: _AgentState, archive: Archive, start: int, end: int | None
    ) -> tuple[list[Event], list[LineError]]:
        """The events ``[start, end)`` of a deleted session, from its archive (line ``i`` is seq ``i``)."""
        try:
            data = st.db.read_archive(archive)
        except NotReady as exc:
            raise OSError(f"{st.db.db_path}: {exc}") from None
        except ValueError as exc:
            err = LineError("archive_unreadable", str(exc))
            err.offset = start
            return [], [err]
        events: list[Event] = []
        errors: list[LineError] = []
        for seq, line in enumerate(archive_lines(data, start, end), start):
            try:
                obj = loads_line(line)
                if parse_header(obj) is not None:
                    events.append(Event(archive.session_id, seq, 0))
                    continue
                events.append(Event(archive.session_id, seq, 0, entry=parse_entry(obj, seq + 1)))
            except LineError as exc:
                exc.offset = seq
                errors.append(exc)
        return events, errors


def _is_compaction(ev: Event) -> bool:
    return ev.entry is not None and ev.entry.type == "compaction"


ADAPTER = SqliteSource
PRIORITY = 10  # before the files: an upgraded agent keeps its old sessions.json
