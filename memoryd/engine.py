"""The imperative shell around the pure core: read sources, run the tracker, execute its effects.

Everything here runs on one thread (the daemon's event loop, or ``--once``): reading, deciding,
journaling and flushing happen in order, so the event log's ``seq`` order *is* the order of
decisions. Order of writes for a flush: ``memory.flush.started`` (fsync) → Markdown block
(fsync) → ``memory.flush.completed`` (fsync) → checkpoint. ``docs/exactly-once.md`` explains what
recovery does after a crash at each point.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import structlog

from memoryd import checkpoint
from memoryd.config import Settings
from memoryd.events import event_key
from memoryd.flush.render import BlockMeta, render_block
from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import (
    Effect,
    Emit,
    FlushDue,
    SessionState,
    end_session,
    finish_first_read,
    on_entry,
    on_history_lines,
    on_store,
    on_tick,
)
from memoryd.sinks.daily_log import (
    OutsideWorkspace,
    append_block,
    daily_log_path,
    daily_log_rel,
    editor_busy,
    file_state,
    has_marker,
    recent_lines,
)
from memoryd.sinks.journal import Journal
from memoryd.sources.openclaw_config import AgentSource
from memoryd.sources.reader import READ_SLICE, ParsedLine, TranscriptReader
from memoryd.sources.store import StoreEntry, StoreUnreadable, read_store, resolve_session_file
from memoryd.sources.tail import Change, Cursor
from memoryd.sources.transcript import HistoryLines, LineError
from memoryd.status import session_row

if TYPE_CHECKING:
    from memoryd.flush.pipeline import FlushContent  # imported lazily at run time: see _content

log = structlog.get_logger("memoryd.engine")

RETRY_SECONDS = 30.0
_COMPACTION_NEEDLE = b'"type":"compaction"'
_NO_LIMIT = 1 << 62


@dataclass(slots=True)
class Tracked:
    agent: AgentSource
    state: SessionState
    cursor: Cursor
    version: int = 3
    last_flush: dict[str, Any] | None = None
    last_compaction: dict[str, Any] | None = None
    reader: TranscriptReader | None = None
    history_until: int = 0  # transient: on first sight, lines ending at or before this are history

    def __post_init__(self) -> None:
        if self.reader is None:
            self.reader = TranscriptReader(self.cursor, self.state.last_entry_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "agent": self.agent.agent_id,
            "state": self.state.to_json(),
            "cursor": self.cursor.to_json(),
            "version": self.version,
            "last_flush": self.last_flush,
            "last_compaction": self.last_compaction,
        }


@dataclass(slots=True)
class PendingFlush:
    """A flush that was started (journaled) but not completed yet."""

    flush_id: str
    agent_id: str
    session_key: str
    session_id: str
    trigger: str
    cycle: int
    start: int
    end: int
    end_entry_id: str | None
    path: str  # transcript path at decision time
    day: str
    reason: str | None = None
    not_before: float = 0.0
    busy_since: float | None = None
    attempts: int = 0

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def flush_id_for(session_id: str, due: FlushDue) -> str:
    """Automatic flushes are one per (session, cycle): the id says so. Manual ones name their range."""
    if due.trigger in ("threshold", "transcript_bytes", "late"):
        basis = f"{session_id}|auto|{due.cycle}"
    elif due.trigger == "reset":
        basis = f"{session_id}|reset"
    else:
        basis = f"{session_id}|{due.trigger}|{due.start}|{due.end}"
    return "fl-" + hashlib.blake2b(basis.encode(), digest_size=8).hexdigest()


def _file_ident(st: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file is still the one we read: device, inode, size, mtime."""
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _is_archive(path: str) -> bool:
    """OpenClaw's archive names: ``<file>.jsonl.reset.<ts>`` and ``<file>.jsonl.deleted.<ts>``."""
    name = os.path.basename(path)
    return ".jsonl.reset." in name or ".jsonl.deleted." in name


def _count_compactions(path: str) -> int:
    """Compaction lines in a file, by a byte search (quotes inside JSON strings are escaped)."""
    n = 0
    try:
        with open(path, "rb") as fh:
            carry = b""
            while chunk := fh.read(READ_SLICE):
                buf = carry + chunk
                n += buf.count(_COMPACTION_NEEDLE)
                carry = buf[-(len(_COMPACTION_NEEDLE) - 1) :]
                n -= carry.count(_COMPACTION_NEEDLE)
    except OSError:
        return 0
    return n


class Engine:
    def __init__(self, settings: Settings, journal: Journal, *, clock: Any = time.time) -> None:
        self.settings = settings
        self.journal = journal
        self.clock = clock
        self.ckpt_path = settings.state_dir / "checkpoint.json"
        self.agents = {a.agent_id: a for a in settings.agents}
        self.stores: dict[str, dict[str, StoreEntry]] = {}
        self.store_idents: dict[str, tuple[int, int, int, int]] = {}
        self.own_writes: dict[str, tuple[int, int]] = {}
        # The daemon sets this: a flush decided in a step waits (journaled as started) until the
        # step's events reached subscribers, then run_deferred() writes it. --once runs inline.
        self.defer_flushes = False
        self.deferred: list[str] = []  # daily log -> (size, mtime_ns) after our append
        # session.discovered data from the log after the checkpoint: how a session was first seen
        self.discovered: dict[tuple[str, str], dict[str, Any]] = {}
        self.sessions: dict[tuple[str, str], Tracked] = {}
        self.keys: dict[tuple[str, str], str] = {}
        self.seen_agents: set[str] = set()
        self.pending: dict[str, PendingFlush] = {}
        self.done_flushes: OrderedDict[str, None] = OrderedDict()
        self.emitted: OrderedDict[str, None] = OrderedDict()
        self.tz = ZoneInfo(settings.timezone) if settings.timezone else None
        self._last_save = 0.0
        self._dirty = False
        self._busy = 0  # > 0 while a read or discovery is half applied: no checkpoint then
        # No checkpoint between start() and the first full scan: the log replayed after the old
        # checkpoint is the only record of sessions not yet tracked again, and a checkpoint saved
        # then (say, by a recovered flush) would start the next replay after it.
        self._caught_up = False
        self.errors_seen = 0
        self.flushes_done = 0

    # ------------------------------------------------------------------ lifecycle
    def gate_for(self, agent: AgentSource) -> GateSettings:
        return GateSettings(compaction=agent.compaction, lead_tokens=self.settings.lead_tokens)

    def start(self) -> None:
        """Load the checkpoint, replay the event log after it, and finish interrupted flushes."""
        data = checkpoint.load(self.ckpt_path)
        for raw in data.sessions.values():
            agent = self.agents.get(raw.get("agent", ""))
            if agent is None:
                continue
            st = SessionState.from_json(raw["state"])
            tr = Tracked(
                agent=agent,
                state=st,
                cursor=Cursor.from_json(raw["cursor"]),
                version=int(raw.get("version", 3)),
                last_flush=raw.get("last_flush"),
                last_compaction=raw.get("last_compaction"),
            )
            self.sessions[(agent.agent_id, st.session_id)] = tr
        for k, sid in data.keys.items():
            agent_id, _, key = k.partition("\t")
            self.keys[(agent_id, key)] = sid
        self.seen_agents = set(data.seen_agents)
        for fid, raw in data.pending_flushes.items():
            self.pending[fid] = PendingFlush(**{k: v for k, v in raw.items() if k in PendingFlush.__slots__})
        self._replay_journal(data.journal_seq)
        self._recover_pending()

    def _replay_journal(self, since: int) -> None:
        """Re-learn what happened after the checkpoint: emitted facts and flush decisions."""
        if since + 1 < self.journal.oldest_seq and since < self.journal.head_seq:
            log.warning(
                "journal.replay_gap",
                checkpoint_seq=since,
                oldest_seq=self.journal.oldest_seq,
                hint="retention removed events the checkpoint had not seen; facts in them may be reported again",
            )
        for _, ev in self.journal.iter_since(since):
            etype = ev.get("type", "")
            data = ev.get("data") or {}
            key = event_key(etype, ev.get("session_key"), ev.get("session_id"), data)
            if key:
                self._remember_key(key)
            if etype == "session.discovered" and ev.get("agent"):
                self.discovered[(ev["agent"], ev.get("session_id") or "")] = data
                self.seen_agents.add(ev["agent"])
            fid = data.get("flush_id")
            if etype == "memory.flush.started" and fid and fid not in self.done_flushes:
                rng = data.get("range") or {}
                self.pending[fid] = PendingFlush(
                    flush_id=fid,
                    agent_id=ev.get("agent") or "",
                    session_key=ev.get("session_key") or "",
                    session_id=ev.get("session_id") or "",
                    trigger=data.get("trigger", ""),
                    cycle=int(data.get("cycle", 0)),
                    start=int(rng.get("start_offset", 0)),
                    end=int(rng.get("end_offset", 0)),
                    end_entry_id=rng.get("end_entry_id"),
                    path=rng.get("transcript", ""),
                    day=data.get("day", ""),
                    reason=data.get("reason"),
                )
                self._apply_flush_decision(self.pending[fid])
            elif etype == "memory.flush.completed" and fid:
                pend = self.pending.pop(fid, None)
                if pend is not None:
                    self._apply_flush_decision(pend)
                self._remember_flush(fid)

    def _apply_flush_decision(self, pend: PendingFlush) -> None:
        """Make the tracker agree with a flush that the log says was decided."""
        tr = self.sessions.get((pend.agent_id, pend.session_id))
        if tr is None:
            return
        st = tr.state
        if pend.end > st.flushed_upto:
            st.flushed_upto = pend.end
            st.flushed_upto_entry = pend.end_entry_id
        if pend.trigger in ("threshold", "transcript_bytes", "late") and pend.cycle not in st.flushed_cycles:
            st.flushed_cycles.append(pend.cycle)
        if pend.trigger == "reset":
            st.ended = True

    def _recover_pending(self) -> None:
        for pend in list(self.pending.values()):
            tr = self.sessions.get((pend.agent_id, pend.session_id))
            agent = self.agents.get(pend.agent_id)
            if agent is None:
                continue
            target = agent.workspace / f"memory/{pend.day}.md"
            if has_marker(target, pend.flush_id):
                self._complete(pend, tr, recovered=True, content=None, nbytes=0, duration_ms=0.0)
            # else: it runs again from tick(), same id, same range, same file.

    def reload(self, settings: Settings) -> None:
        """New settings (SIGHUP): new agents are picked up, tracked sessions get their agent's new knobs."""
        self.settings = settings
        self.agents = {a.agent_id: a for a in settings.agents}
        self.tz = ZoneInfo(settings.timezone) if settings.timezone else None
        for tr in self.sessions.values():
            tr.agent = self.agents.get(tr.agent.agent_id, tr.agent)

    def close(self) -> None:
        self.save_checkpoint(force=True)

    # ------------------------------------------------------------------ events
    def _remember_key(self, key: str) -> None:
        self.emitted[key] = None
        if len(self.emitted) > 100_000:
            self.emitted.popitem(last=False)

    def _remember_flush(self, fid: str) -> None:
        self.done_flushes[fid] = None
        if len(self.done_flushes) > 100_000:
            self.done_flushes.popitem(last=False)

    def emit(
        self,
        type_: str,
        data: dict[str, Any],
        *,
        agent: str | None = None,
        session_key: str | None = None,
        session_id: str | None = None,
    ) -> dict[str, Any] | None:
        key = event_key(type_, session_key, session_id, data)
        if key is not None:
            if key in self.emitted:
                return None
            self._remember_key(key)
        self._dirty = True
        return self.journal.append(
            type_, agent=agent, session_key=session_key, session_id=session_id, data=data
        )

    def _emit_for(self, tr: Tracked, type_: str, data: dict[str, Any]) -> None:
        self.emit(
            type_,
            data,
            agent=tr.agent.agent_id,
            session_key=tr.state.session_key,
            session_id=tr.state.session_id,
        )

    def source_error(
        self, path: str, offset: int, reason: str, detail: str = "", agent: str | None = None
    ) -> None:
        self.errors_seen += 1
        log.warning("source.error", path=path, offset=offset, reason=reason)
        self.emit(
            "source.error",
            {"path": path, "offset": offset, "reason": reason, "detail": detail[:300]},
            agent=agent,
        )

    # ------------------------------------------------------------------ scanning
    def scan_all(self, *, only_changed: bool = False) -> None:
        """Catch up with every source: stores, then every tracked transcript.

        ``only_changed`` (the periodic reconcile) first ``stat``s each file and skips those whose
        identity, size and mtime are what we last saw, so a reconcile of 1,000 sessions costs
        1,000 ``stat`` calls, not 1,000 reads.
        """
        for agent in self.agents.values():
            self.refresh_store(agent, only_changed=only_changed)
        for tr in list(self.sessions.values()):
            if tr.state.ended:
                continue
            if only_changed and self._unchanged(tr.cursor):
                continue
            self.read_transcript(tr)
        if not only_changed:
            self._caught_up = True
        self._end_step()

    @staticmethod
    def _unchanged(cur: Cursor) -> bool:
        try:
            st = os.stat(cur.path)
        except OSError:
            return False
        return _file_ident(st) == (cur.dev, cur.ino, cur.size, cur.mtime_ns)

    def handle_paths(self, paths: set[str]) -> None:
        """React to watcher changes: stores first (they may add or reset sessions), then transcripts."""
        by_dir: dict[str, AgentSource] = {str(a.sessions_dir.resolve()): a for a in self.agents.values()}
        stores: set[str] = set()
        transcripts: set[str] = set()
        for p in paths:
            parent = str(Path(p).parent)
            agent = by_dir.get(parent)
            if agent is None:
                continue
            name = Path(p).name
            if name == "sessions.json":
                stores.add(agent.agent_id)
            elif name.endswith(".jsonl"):
                transcripts.add(p)
        for agent_id in sorted(stores):
            self.refresh_store(self.agents[agent_id])
        if transcripts:
            for tr in list(self.sessions.values()):
                if tr.cursor.path in transcripts and not tr.state.ended:
                    self.read_transcript(tr)
        self._end_step()

    def _end_step(self) -> None:
        """After a batch: timers; then, unless the daemon defers them, flushes, sync, checkpoint."""
        if self.defer_flushes:
            self._timers()  # the daemon yields (events reach the socket), then calls after_step()
        else:
            self.tick()

    def after_step(self) -> None:
        """The daemon, once a step's events were handed to subscribers: write flushes, sync, save."""
        self.run_deferred()  # syncs the journal before and after the flushes
        self.save_checkpoint()

    def refresh_store(self, agent: AgentSource, *, only_changed: bool = False) -> None:
        path = agent.sessions_dir / "sessions.json"
        if not agent.sessions_dir.is_dir():
            return
        if only_changed:
            try:
                ident: tuple[int, int, int, int] | None = _file_ident(os.stat(path))
            except OSError:
                ident = None
            if ident is not None and self.store_idents.get(agent.agent_id) == ident:
                return
        if agent.agent_id not in self.seen_agents and not path.exists():
            # An agent that has never run: whatever appears later is new, not history.
            self.seen_agents.add(agent.agent_id)
            self._dirty = True
            return
        try:
            entries, st_read = read_store(path)
            self.store_idents[agent.agent_id] = _file_ident(st_read)
        except StoreUnreadable as exc:
            if exc.reason == "missing" and agent.agent_id not in self.stores:
                return  # no store yet: an agent that never ran
            # Keep the last good snapshot: an unreadable store never means "all sessions gone".
            self.source_error(str(path), 0, f"store_{exc.reason}", str(exc), agent=agent.agent_id)
            return
        first_scan = agent.agent_id not in self.seen_agents
        now = self.clock()
        previous = self.stores.get(agent.agent_id, {})
        self.stores[agent.agent_id] = entries
        for key, se in entries.items():
            current = self.keys.get((agent.agent_id, key))
            if current == se.session_id:
                tr = self.sessions.get((agent.agent_id, current))
                if tr is not None and not tr.state.ended:
                    self._execute(tr, on_store(tr.state, se, self.gate_for(agent), now))
                continue
            if current is not None and current in se.usage_family_session_ids:
                self._successor(agent, current, se)
            elif current is not None:
                self._reset(agent, key, current, se)
            self._discover(agent, se, history=first_scan)
        for key in set(previous) - set(entries):
            self._key_removed(agent, key, previous[key])
        if first_scan:
            self._scan_archives(agent, entries)
            self.seen_agents.add(agent.agent_id)
        self._dirty = True

    def _discover(self, agent: AgentSource, se: StoreEntry, *, history: bool) -> None:
        self._busy += 1
        try:
            self._discover_session(agent, se, history=history)
        finally:
            self._busy -= 1

    def _discover_session(self, agent: AgentSource, se: StoreEntry, *, history: bool) -> None:
        path, err = resolve_session_file(agent.sessions_dir, se)
        if err or path is None:
            self.source_error(
                se.session_file or se.session_id, 0, err or "unresolvable", agent=agent.agent_id
            )
            return
        existing = self.sessions.get((agent.agent_id, se.session_id))
        self.keys[(agent.agent_id, se.key)] = se.session_id
        if existing is not None:
            return
        st = SessionState(
            agent_id=agent.agent_id,
            session_key=se.key,
            session_id=se.session_id,
            context_tokens=se.context_tokens,
            store_count=se.compaction_count,
            live=not history,
        )
        prior = self.discovered.get((agent.agent_id, se.session_id))
        if prior is not None:
            # Seen before a crash that lost the checkpoint: the log says where history ended.
            history = bool(prior.get("first_sight"))
            until = int(prior.get("history_until") or 0)
        else:
            try:
                until = os.stat(path).st_size if history else 0
            except OSError:
                until = 0
        st.live = not history
        if st.live:
            # Seen from (near) its start: the store's count minus the file's compactions is where it began.
            # History is rebased on the store's count when the first read ends (finish_first_read).
            st.cycle = max(0, se.compaction_count - _count_compactions(str(path)))
        tr = Tracked(agent=agent, state=st, cursor=Cursor(str(path)), history_until=until)
        self.sessions[(agent.agent_id, se.session_id)] = tr
        self._emit_for(
            tr,
            "session.discovered",
            {
                "path": str(path),
                "first_sight": history,
                "compaction_count": se.compaction_count,
                "history_until": until,
            },
        )
        self.read_transcript(tr)
        gate = self.gate_for(agent)
        if not st.live:
            self._execute(tr, finish_first_read(st, gate))
        self._execute(tr, on_store(st, se, gate, self.clock()))

    def _find_archive(self, tr: Tracked) -> str | None:
        """Where a renamed transcript went (``.reset.<ts>`` / ``.deleted.<ts>``), by inode first."""
        folder = Path(tr.cursor.path).parent
        base = Path(tr.cursor.path).name
        try:
            names = sorted(n for n in os.listdir(folder) if n.startswith(base + "."))
        except OSError:
            return None
        for name in names:
            try:
                st = os.stat(folder / name)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == (tr.cursor.dev, tr.cursor.ino):
                return str(folder / name)
        archives = [n for n in names if ".reset." in n or ".deleted." in n]
        return str(folder / archives[-1]) if archives else None

    def _follow_rename(self, tr: Tracked) -> str | None:
        if os.path.exists(tr.cursor.path):
            ident = os.stat(tr.cursor.path)
            if (ident.st_dev, ident.st_ino) == (tr.cursor.dev, tr.cursor.ino):
                return None
        archive = self._find_archive(tr)
        if archive:
            tr.cursor.path = archive
        return archive

    def _archived_path(self, tr: Tracked) -> str | None:
        """Where an ended session's transcript was archived: followed now, or already followed."""
        return self._follow_rename(tr) or (tr.cursor.path if _is_archive(tr.cursor.path) else None)

    def _reset(self, agent: AgentSource, key: str, old_sid: str, new: StoreEntry) -> None:
        tr = self.sessions.get((agent.agent_id, old_sid))
        archived: str | None = None
        if tr is not None and not tr.state.ended:
            archived = self._archived_path(tr)
            self.read_transcript(tr)
        self.emit(
            "session.reset",
            {"old_session_id": old_sid, "new_session_id": new.session_id, "archived_path": archived},
            agent=agent.agent_id,
            session_key=key,
            session_id=new.session_id,
        )
        if tr is not None and not tr.state.ended:
            self._execute(tr, end_session(tr.state, "reset"))
            tr.state.ended = True
        self.keys.pop((agent.agent_id, key), None)

    def _successor(self, agent: AgentSource, old_sid: str, new: StoreEntry) -> None:
        """``truncateAfterCompaction``: the key moved to a new transcript because of a compaction.

        Not a reset: the old transcript's cycle ended in a compaction. If its file did not show the
        compaction entry, the store's count tells it; either way the unflushed cycle gets a late flush.
        """
        tr = self.sessions.get((agent.agent_id, old_sid))
        if tr is None or tr.state.ended:
            return
        self._follow_rename(tr)
        self.read_transcript(tr)
        st = tr.state
        st.store_count = max(st.store_count or 0, new.compaction_count)
        if st.store_count > st.cycle:
            st.store_ahead_since = st.store_ahead_since or self.clock()
            self._execute(tr, on_tick(st, float("inf"), 0.0, new.checkpoints))
        st.ended = True

    def _key_removed(self, agent: AgentSource, key: str, last: StoreEntry) -> None:
        sid = self.keys.get((agent.agent_id, key))
        tr = self.sessions.get((agent.agent_id, sid)) if sid else None
        if tr is None or os.path.exists(tr.cursor.path):
            return  # still on disk: keep reading it
        archived = self._archived_path(tr)
        self.emit(
            "session.deleted",
            {"old_session_id": last.session_id, "archived_path": archived},
            agent=agent.agent_id,
            session_key=key,
            session_id=last.session_id,
        )
        tr.state.ended = True
        self.keys.pop((agent.agent_id, key), None)

    def _scan_archives(self, agent: AgentSource, entries: dict[str, StoreEntry]) -> None:
        """First sight of an install: resets that happened before memoryd, read as history only."""
        owner: dict[str, StoreEntry] = {}
        for se in entries.values():
            for cp in se.checkpoints:
                if cp.session_id and cp.session_id != se.session_id:
                    owner.setdefault(cp.session_id, se)
            for fam in se.usage_family_session_ids:
                owner.setdefault(fam, se)
        try:
            names = sorted(os.listdir(agent.sessions_dir))
        except OSError:
            return
        for name in names:
            if ".jsonl.reset." not in name:
                continue
            sid = name.split(".jsonl.reset.")[0]
            found = owner.get(sid)
            if found is None or (agent.agent_id, sid) in self.sessions:
                continue
            se = found
            st = SessionState(agent_id=agent.agent_id, session_key=se.key, session_id=sid)
            tr = Tracked(agent=agent, state=st, cursor=Cursor(str(agent.sessions_dir / name)))
            self.sessions[(agent.agent_id, sid)] = tr
            self.read_transcript(tr)
            self._execute(tr, finish_first_read(st, self.gate_for(agent)))
            st.ended = True
            self.emit(
                "session.reset",
                {
                    "old_session_id": sid,
                    "new_session_id": se.session_id,
                    "archived_path": str(agent.sessions_dir / name),
                    "historical": True,
                },
                agent=agent.agent_id,
                session_key=se.key,
                session_id=se.session_id,
            )

    # ------------------------------------------------------------------ transcripts
    def read_transcript(self, tr: Tracked) -> None:
        """Read everything new in one transcript and apply it, slice by slice."""
        self._busy += 1
        try:
            self._read_transcript(tr)
        finally:
            self._busy -= 1

    def _read_transcript(self, tr: Tracked) -> None:
        gate = self.gate_for(tr.agent)
        reader = tr.reader
        assert reader is not None
        while True:
            st = tr.state
            # History (a first read) up to where memoryd first saw the file: read mostly undecoded.
            skim_until = 0 if st.live else (tr.history_until or _NO_LIMIT)
            batch = reader.read(max_bytes=READ_SLICE, skim_until=skim_until)
            for offset, reason, detail in batch.errors:
                self.source_error(tr.cursor.path, offset, reason, detail, agent=tr.agent.agent_id)
            if batch.anchor_lost is not None:
                self.source_error(
                    tr.cursor.path,
                    0,
                    "history_rewritten",
                    f"entry {batch.anchor_lost} vanished",
                    agent=tr.agent.agent_id,
                )
            if batch.change is Change.MISSING:
                if self._follow_rename(tr):
                    continue
                return
            if batch.change is Change.CONTENT_CHANGED:
                log.info("transcript.content_changed", path=tr.cursor.path)
            if not batch.lines:
                return
            for line in batch.lines:
                if isinstance(line, HistoryLines):
                    on_history_lines(st, line)
                else:
                    self._apply_line(tr, line, gate)
            self._dirty = True

    def _apply_line(self, tr: Tracked, line: ParsedLine, gate: GateSettings) -> None:
        st = tr.state
        if line.replayed:
            # Changed bytes, same history: not new. Offsets we keep move to where entries are now.
            st.read_offset = line.end
            if line.entry is not None and line.entry.id == st.flushed_upto_entry:
                st.flushed_upto = line.end
            return
        if line.error is not None:
            self.source_error(
                tr.cursor.path, line.start, line.error.reason, line.error.detail, agent=tr.agent.agent_id
            )
            st.read_offset = line.end
            return
        if line.header is not None or line.entry is None:
            if line.header is not None:
                tr.version = line.header.version
            st.read_offset = line.end
            return
        if not st.live and not st.ended and line.end > tr.history_until and tr.history_until > 0:
            # The first line written after memoryd first saw this session: from here on, live.
            self._execute(tr, finish_first_read(st, gate))
        effects = on_entry(st, line.entry, line.start, line.end, gate)
        if line.entry.type == "compaction" and effects:
            tr.last_compaction = {"entry_id": line.entry.id, "cycle": st.cycle, "time": line.entry.timestamp}
        self._execute(tr, effects)

    # ------------------------------------------------------------------ effects
    def _execute(self, tr: Tracked, effects: list[Effect]) -> None:
        for eff in effects:
            if isinstance(eff, Emit):
                self._emit_for(tr, eff.type, eff.data)
            else:
                self._start_flush(tr, eff)

    def local_now(self) -> datetime:
        now = datetime.fromtimestamp(self.clock()).astimezone(self.tz) if self.tz else None
        return now or datetime.fromtimestamp(self.clock()).astimezone()

    def _start_flush(self, tr: Tracked, due: FlushDue) -> None:
        fid = flush_id_for(tr.state.session_id, due)
        known = self.pending.get(fid)
        if known is not None:
            # Decided before a crash: the log's range wins, so ranges stay gapless.
            tr.state.flushed_upto = known.end
            return
        if fid in self.done_flushes:
            return
        day: date = self.local_now().date()
        pend = PendingFlush(
            flush_id=fid,
            agent_id=tr.agent.agent_id,
            session_key=tr.state.session_key,
            session_id=tr.state.session_id,
            trigger=due.trigger,
            cycle=due.cycle,
            start=due.start,
            end=due.end,
            end_entry_id=due.end_entry_id,
            path=tr.cursor.path,
            day=day.isoformat(),
            reason=due.reason,
        )
        self.emit(
            "memory.flush.started",
            {
                "flush_id": fid,
                "cycle": due.cycle,
                "trigger": due.trigger,
                "path": daily_log_rel(day),
                "day": pend.day,
                "reason": due.reason,
                "range": {
                    "transcript": tr.cursor.path,
                    "start_offset": due.start,
                    "end_offset": due.end,
                    "end_entry_id": due.end_entry_id,
                },
            },
            agent=tr.agent.agent_id,
            session_key=tr.state.session_key,
            session_id=tr.state.session_id,
        )
        self.pending[fid] = pend
        if self.defer_flushes:
            self.deferred.append(fid)  # the daemon runs it once the events so far are on the socket
        else:
            self.journal.sync()  # `started` is durable before any Markdown is written
            self._run_flush(pend)

    def _run_flush(self, pend: PendingFlush) -> None:
        """Write the block of a started flush; on failure it stays pending and is retried."""
        with structlog.contextvars.bound_contextvars(session_key=pend.session_key, flush_id=pend.flush_id):
            self._write_flush(pend)

    def _write_flush(self, pend: PendingFlush) -> None:
        agent = self.agents.get(pend.agent_id)
        tr = self.sessions.get((pend.agent_id, pend.session_id))
        if agent is None:
            return
        now = self.clock()
        if now < pend.not_before:
            return
        t0 = time.perf_counter()
        day = date.fromisoformat(pend.day)
        try:
            target = daily_log_path(agent.workspace, day, create_dir=True)
            busy = editor_busy(target, ours=self.own_writes.get(str(target)))
            if busy and (
                pend.busy_since is None or now - pend.busy_since < self.settings.editor_wait_seconds
            ):
                if pend.busy_since is None:
                    pend.busy_since = now
                pend.not_before = now + 0.5
                return
            if busy:
                self.emit(
                    "memory.conflict",
                    {
                        "flush_id": pend.flush_id,
                        "path": daily_log_rel(day),
                        "reason": busy,
                        "action": "appended",
                    },
                    agent=pend.agent_id,
                    session_key=pend.session_key,
                    session_id=pend.session_id,
                )
            content = self._content(pend, agent, day)
            self._report_undecoded_errors(pend, tr, content.line_errors)
            meta = BlockMeta(
                flush_id=pend.flush_id,
                session_key=pend.session_key,
                session_id=pend.session_id,
                trigger=pend.trigger,
                cycle=pend.cycle,
                local_time=self.local_now(),
                first_entry_id=content.first_entry_id,
                last_entry_id=content.last_entry_id,
            )
            if has_marker(target, pend.flush_id):
                appended = 0
            else:
                appended = append_block(agent.workspace, day, render_block(meta, content.items)).bytes_written
                state = file_state(target)
                if state is not None:
                    self.own_writes[str(target)] = state
        except (OSError, OutsideWorkspace) as exc:
            pend.attempts += 1
            retry = not isinstance(exc, OutsideWorkspace)
            pend.not_before = now + min(RETRY_SECONDS, 2.0**pend.attempts)
            self.emit(
                "memory.flush.failed",
                {
                    "flush_id": pend.flush_id,
                    "cycle": pend.cycle,
                    "trigger": pend.trigger,
                    "path": daily_log_rel(day),
                    "error": f"{type(exc).__name__}: {exc}"[:300],
                    "will_retry": retry,
                    "attempt": pend.attempts,
                },
                agent=pend.agent_id,
                session_key=pend.session_key,
                session_id=pend.session_id,
            )
            log.error("flush.failed", error=str(exc)[:200])
            if not retry:
                self.pending.pop(pend.flush_id, None)
            return
        self._complete(
            pend,
            tr,
            recovered=False,
            content=content,
            nbytes=appended,
            duration_ms=(time.perf_counter() - t0) * 1000,
        )

    def _report_undecoded_errors(
        self, pend: PendingFlush, tr: Tracked | None, errors: tuple[LineError, ...]
    ) -> None:
        """Bad lines of history that the first read passed undecoded: reported when a flush decodes them."""
        if tr is None or pend.start >= tr.state.undecoded_until:
            return
        for err in errors:
            if (
                err.offset is not None
                and err.head_readable
                and pend.start + err.offset < tr.state.undecoded_until
            ):
                self.source_error(
                    pend.path, pend.start + err.offset, err.reason, err.detail, agent=pend.agent_id
                )

    def _content(self, pend: PendingFlush, agent: AgentSource, day: date) -> FlushContent:
        # Imported here: the extractor's vocabulary costs ~0.3 s to import, and most starts flush nothing.
        from memoryd.flush.pipeline import content_of_bytes

        path = pend.path
        if not os.path.exists(path):
            tr = self.sessions.get((pend.agent_id, pend.session_id))
            if tr is not None:
                path = tr.cursor.path
        with open(path, "rb") as fh:
            fh.seek(pend.start)
            data = fh.read(max(0, pend.end - pend.start))
            first_line = 1
            if data and pend.start > 0:
                fh.seek(0)
                first_line = 1 + fh.read(pend.start).count(b"\n")
        return content_of_bytes(data, recent_lines(agent.workspace, day), first_line, llm=self.settings.llm)

    def _complete(
        self,
        pend: PendingFlush,
        tr: Tracked | None,
        *,
        recovered: bool,
        content: FlushContent | None,
        nbytes: int,
        duration_ms: float,
    ) -> None:
        data: dict[str, Any] = {
            "flush_id": pend.flush_id,
            "cycle": pend.cycle,
            "trigger": pend.trigger,
            "path": daily_log_rel(date.fromisoformat(pend.day)),
            "items": content.counts if content is not None else {},
            "item_count": len(content.items) if content is not None else 0,
            "redactions": sum(content.redactions.values()) if content is not None else 0,
            "entries": content.entries if content is not None else 0,
            "first_entry_id": content.first_entry_id if content is not None else None,
            "last_entry_id": content.last_entry_id if content is not None else pend.end_entry_id,
            "bytes": nbytes,
            "duration_ms": round(duration_ms, 3),
            "recovered": recovered,
        }
        self.emit(
            "memory.flush.completed",
            data,
            agent=pend.agent_id,
            session_key=pend.session_key,
            session_id=pend.session_id,
        )
        self.journal.sync()
        self.pending.pop(pend.flush_id, None)
        self._remember_flush(pend.flush_id)
        self.flushes_done += 1
        if tr is not None:
            tr.last_flush = {
                "flush_id": pend.flush_id,
                "trigger": pend.trigger,
                "cycle": pend.cycle,
                "time": self.local_now().isoformat(timespec="seconds"),
                "items": data["item_count"],
            }
        log.info(
            "flush.completed", flush_id=pend.flush_id, session_key=pend.session_key, items=data["item_count"]
        )
        self.save_checkpoint(force=True)

    def run_deferred(self) -> None:
        """Write the flushes decided since the last call (see ``defer_flushes``)."""
        due, self.deferred = self.deferred, []
        self.journal.sync()  # their `started` events are durable before any Markdown is written
        for fid in due:
            pend = self.pending.get(fid)
            if pend is not None:
                self._run_flush(pend)
        self.journal.sync()

    # ------------------------------------------------------------------ time
    def _timers(self) -> None:
        """Compactions that only the store reported, once their grace period is over."""
        now = self.clock()
        for tr in list(self.sessions.values()):
            st = tr.state
            if st.store_ahead_since is not None and not st.ended:
                cps = self.stores.get(tr.agent.agent_id, {}).get(st.session_key)
                checkpoints = cps.checkpoints if cps else ()
                self._execute(tr, on_tick(st, now, self.settings.compaction_grace_seconds, checkpoints))

    def tick(self) -> None:
        """Timers, deferred flushes, retries of failed or waiting flushes, sync, checkpoint."""
        self._timers()
        if self.deferred:
            self.run_deferred()
        for pend in list(self.pending.values()):
            self._run_flush(pend)
        self.journal.sync()
        self.save_checkpoint()

    def settle(self, timeout: float = 15.0) -> None:
        """``--once``: wait out store grace periods and editor waits, then stop."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            waiting = self.pending or any(
                t.state.store_ahead_since is not None and not t.state.ended for t in self.sessions.values()
            )
            if not waiting:
                return
            time.sleep(0.1)
            self.tick()
            if all(p.attempts >= 3 for p in self.pending.values()) and not any(
                t.state.store_ahead_since is not None for t in self.sessions.values()
            ):
                return

    # ------------------------------------------------------------------ commands
    def find_session(self, session_key: str) -> Tracked | None:
        for (agent_id, key), sid in self.keys.items():
            if key == session_key:
                return self.sessions.get((agent_id, sid))
        return None

    def manual_flush(self, session_key: str, reason: str | None) -> dict[str, Any]:
        tr = self.find_session(session_key)
        if tr is None:
            return {"ok": False, "error": f"unknown session key {session_key!r}"}
        self.read_transcript(tr)
        before = set(self.done_flushes) | set(self.pending)
        effects = end_session(tr.state, "manual", reason)
        self._execute(tr, effects)
        self.run_deferred()  # asked for explicitly: done before we answer
        new = [f for f in list(self.done_flushes) + list(self.pending) if f not in before]
        self.journal.sync()
        if not new:
            return {"ok": True, "flushed": False, "reason": "nothing_new"}
        return {"ok": True, "flushed": True, "flush_id": new[-1], "pending": new[-1] in self.pending}

    def status(self) -> dict[str, Any]:
        sessions = [
            session_row(tr.state, tr.agent, self.gate_for(tr.agent), tr.last_flush, tr.last_compaction)
            for tr in self.sessions.values()
            if not tr.state.ended
        ]
        sessions.sort(key=lambda s: (s["agent"], s["session_key"]))
        return {
            "head_seq": self.journal.published_seq,
            "sessions": sessions,
            "pending_flushes": len(self.pending),
            "flushes_done": self.flushes_done,
            "source_errors": self.errors_seen,
        }

    # ------------------------------------------------------------------ checkpoint
    def save_checkpoint(self, force: bool = False) -> None:
        if self._busy or not self._caught_up:
            self._dirty = True
            return
        now = time.monotonic()
        if not force and (not self._dirty or now - self._last_save < 1.0):
            return
        self.journal.sync()
        data = checkpoint.CheckpointData(
            journal_seq=self.journal.head_seq,
            sessions={f"{a}/{s}": tr.to_json() for (a, s), tr in self.sessions.items()},
            keys={f"{a}\t{k}": sid for (a, k), sid in self.keys.items()},
            seen_agents=sorted(self.seen_agents),
            pending_flushes={fid: p.to_json() for fid, p in self.pending.items()},
        )
        checkpoint.save(self.ckpt_path, data)
        self._last_save = now
        self._dirty = False


__all__ = ["Engine", "Tracked", "flush_id_for"]
