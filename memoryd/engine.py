"""The imperative shell around the pure core: route changes to source adapters, execute effects.

Everything here runs on one thread (the daemon's event loop, or ``--once``): reading, deciding,
journaling and flushing happen in order, so the event log's ``seq`` order *is* the order of
decisions. The one exception is the rules' extraction of a flush in the daemon: it runs in the
executor's worker thread on plain data, and its result is written back here, on the loop
(``write_extracted``). The engine does not know any layout: source adapters (``memoryd.sources.files``,
``memoryd.sources.sqlite_source``, found by ``memoryd.sources.registry``) read sessions into the
one model of ``memoryd.sources.model`` and call the pure tracker; the engine emits the tracker's
events, hands its flushes to the executor (``memoryd.flush.executor``), and keeps the checkpoint.
``docs/sources.md`` draws it; ``docs/exactly-once.md`` explains recovery after a crash.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import structlog

from memoryd import checkpoint
from memoryd.config import Settings
from memoryd.events import event_key
from memoryd.flush.executor import AUTO_TRIGGERS, FlushExecutor, PendingFlush, flush_id_for
from memoryd.sessions.due import DueProgress, DueQueue, Risk, compaction_risk
from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import Effect, Emit, SessionState, end_session, on_tick
from memoryd.sinks.journal import Journal
from memoryd.sources.model import FlushRange, RangeRead, SourceAdapter, SplitRead, Tracked
from memoryd.sources.openclaw_config import AgentSource
from memoryd.sources.registry import adapter_classes
from memoryd.status import pending_view, session_row

log = structlog.get_logger("memoryd.engine")


class Engine:
    def __init__(self, settings: Settings, journal: Journal, *, clock: Any = time.time) -> None:
        self.settings = settings
        self.journal = journal
        self._clock = clock
        self.ckpt_path = settings.state_dir / "checkpoint.json"
        self.agents = {a.agent_id: a for a in settings.agents}
        # session.discovered data from the log after the checkpoint: how a session was first seen
        self.discovered: dict[tuple[str, str], dict[str, Any]] = {}
        self.sessions: dict[tuple[str, str], Tracked] = {}
        self.keys: dict[tuple[str, str], str] = {}
        self.seen_agents: set[str] = set()
        self.emitted: OrderedDict[str, None] = OrderedDict()
        self.flushes = FlushExecutor(self)
        # Flushes a catch-up found due, written one at a time by the drain (``memoryd.sessions.due``);
        # they are pending (journaled as started) like any other, only not retried by tick().
        self.due = DueQueue()
        # Adapters, most specific first: an agent is read by the first one that owns it.
        self.adapters: list[SourceAdapter] = [cls(self) for cls in adapter_classes()]
        self.by_name: dict[str, SourceAdapter] = {a.name: a for a in self.adapters}
        self.layouts: dict[str, str] = {}  # agent id -> adapter name, as last decided
        self.tz = ZoneInfo(settings.timezone) if settings.timezone else None
        self._last_save = 0.0
        self._dirty = False
        self._busy = 0  # > 0 while a read or discovery is half applied: no checkpoint then
        # No checkpoint between start() and the first full scan: the log replayed after the old
        # checkpoint is the only record of sessions not yet tracked again, and a checkpoint saved
        # then (say, by a recovered flush) would start the next replay after it.
        self._caught_up = False
        self.errors_seen = 0

    # ------------------------------------------------------------------ the host adapters see
    def clock(self) -> float:
        return float(self._clock())

    @contextmanager
    def busy(self) -> Iterator[None]:
        self._busy += 1
        try:
            yield
        finally:
            self._busy -= 1

    def mark_dirty(self) -> None:
        self._dirty = True

    def history_allowed(self, agent_id: str) -> bool:
        """Is what an agent has now of its past? Only until a full scan has looked at it (interface 5):
        every full scan marks every configured agent seen, even one whose folder does not exist
        yet, so whatever appears after memoryd first looked is live."""
        return agent_id not in self.seen_agents

    def layout_of(self, agent: AgentSource) -> str:
        name = self.layouts.get(agent.agent_id)
        if name is None:
            name = self._decide_layout(agent)
        return name

    def _decide_layout(self, agent: AgentSource) -> str:
        name = next(a.name for a in self.adapters if a.owns(agent))
        old = self.layouts.get(agent.agent_id)
        if old is not None and old != name:
            log.info("source.layout_changed", agent=agent.agent_id, old=old, new=name)
        self.layouts[agent.agent_id] = name
        return name

    def adapter_of(self, tr: Tracked) -> SourceAdapter:
        return self.by_name[tr.source]

    def gate_for(self, tr: Tracked) -> GateSettings:
        return self.adapter_of(tr).gate_for(tr.agent)

    # ------------------------------------------------------------------ the host the executor sees
    def local_now(self) -> datetime:
        now = datetime.fromtimestamp(self.clock()).astimezone(self.tz) if self.tz else None
        return now or datetime.fromtimestamp(self.clock()).astimezone()

    def sync(self) -> None:
        self.journal.sync()

    def tracked_for(self, pend: PendingFlush) -> Tracked | None:
        return self.sessions.get((pend.agent_id, pend.uid))

    def read_range(self, source: str, rng: FlushRange, tr: Tracked | None) -> RangeRead:
        adapter = self.by_name.get(source)
        if adapter is None:
            raise OSError(f"no source adapter {source!r} for {rng.location}")
        return adapter.read_range(rng, tr if tr is not None and tr.source == source else None)

    def split_read(self, source: str, rng: FlushRange, tr: Tracked | None) -> SplitRead | None:
        adapter = self.by_name.get(source)
        if adapter is None:
            return None  # read_range says why
        return adapter.split_read(rng, tr if tr is not None and tr.source == source else None)

    # ------------------------------------------------------------------ compatibility
    @property
    def defer_flushes(self) -> bool:
        return self.flushes.defer

    @defer_flushes.setter
    def defer_flushes(self, value: bool) -> None:
        self.flushes.defer = value

    @property
    def pending(self) -> dict[str, PendingFlush]:
        return self.flushes.pending

    @property
    def done_flushes(self) -> OrderedDict[str, None]:
        return self.flushes.done

    @property
    def flushes_done(self) -> int:
        return self.flushes.flushes_done

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Load the checkpoint, replay the event log after it, and finish interrupted flushes."""
        data = checkpoint.load(self.ckpt_path)
        for raw in data.sessions.values():
            agent = self.agents.get(raw.get("agent", ""))
            adapter = self.by_name.get(raw.get("source", "files"))
            if agent is None or adapter is None:
                continue
            st = SessionState.from_json(raw["state"])
            tr = Tracked(
                agent=agent,
                state=st,
                source=adapter.name,
                cursor=adapter.cursor_from_json(raw.get("cursor") or {}, raw),
                last_flush=raw.get("last_flush"),
                last_compaction=raw.get("last_compaction"),
            )
            self.sessions[(agent.agent_id, st.uid)] = tr
        for k, uid in data.keys.items():
            agent_id, _, key = k.partition("\t")
            self.keys[(agent_id, key)] = uid
        self.seen_agents = set(data.seen_agents)
        self.layouts = dict(data.layouts)
        for fid, raw in data.pending_flushes.items():
            self.flushes.pending[fid] = PendingFlush.from_json(raw)
        self._replay_journal(data.journal_seq)
        self.flushes.recover()

    def _replay_journal(self, since: int) -> None:
        """Re-learn what happened after the checkpoint: emitted facts and flush decisions."""
        if since + 1 < self.journal.oldest_seq and since < self.journal.head_seq:
            log.warning(
                "journal.replay_gap",
                checkpoint_seq=since,
                oldest_seq=self.journal.oldest_seq,
                hint="retention removed events the checkpoint had not seen; facts in them may be reported again",
            )
        pending = self.flushes.pending
        for _, ev in self.journal.iter_since(since):
            etype = ev.get("type", "")
            data = ev.get("data") or {}
            key = event_key(etype, ev.get("session_key"), ev.get("session_id"), data)
            if key:
                self._remember_key(key)
            if etype == "session.discovered" and ev.get("agent"):
                uid = ev.get("session_id") or ""
                if data.get("epoch"):
                    uid = f"{uid}@{data['epoch']}"
                self.discovered[(ev["agent"], uid)] = data
                self.seen_agents.add(ev["agent"])
            fid = data.get("flush_id")
            if etype == "memory.flush.started" and fid and fid not in self.flushes.done:
                pending[fid] = FlushExecutor.from_started_event(ev)
                self._apply_flush_decision(pending[fid])
            elif etype == "memory.flush.completed" and fid:
                pend = pending.pop(fid, None)
                if pend is not None:
                    self._apply_flush_decision(pend)
                self.flushes.remember_done(fid)

    def _apply_flush_decision(self, pend: PendingFlush) -> None:
        """Make the tracker agree with a flush that the log says was decided."""
        tr = self.sessions.get((pend.agent_id, pend.uid))
        if tr is None:
            return
        st = tr.state
        if pend.end > st.flushed_upto:
            st.flushed_upto = pend.end
            st.flushed_upto_entry = pend.end_entry_id
        if pend.trigger in AUTO_TRIGGERS and pend.cycle not in st.flushed_cycles:
            st.flushed_cycles.append(pend.cycle)
        if pend.trigger == "reset":
            st.ended = True

    def reload(self, settings: Settings) -> None:
        """New settings (SIGHUP): new agents are picked up, tracked sessions get their agent's new knobs."""
        self.settings = settings
        self.agents = {a.agent_id: a for a in settings.agents}
        self.tz = ZoneInfo(settings.timezone) if settings.timezone else None
        for tr in self.sessions.values():
            tr.agent = self.agents.get(tr.agent.agent_id, tr.agent)

    def close(self) -> None:
        self.save_checkpoint(force=True)
        for adapter in self.adapters:
            adapter.close()

    # ------------------------------------------------------------------ events
    def _remember_key(self, key: str) -> None:
        self.emitted[key] = None
        if len(self.emitted) > 100_000:
            self.emitted.popitem(last=False)

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

    def emit_for(self, tr: Tracked, type_: str, data: dict[str, Any]) -> None:
        if tr.state.epoch and "epoch" not in data:
            data = {**data, "epoch": tr.state.epoch}
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

    def execute(self, tr: Tracked, effects: list[Effect]) -> None:
        for eff in effects:
            if isinstance(eff, Emit):
                self.emit_for(tr, eff.type, eff.data)
            else:
                self.flushes.start(tr, eff, self.adapter_of(tr).location(tr))

    # ------------------------------------------------------------------ scanning
    def scan_all(self, *, only_changed: bool = False) -> None:
        """Catch up with every source: store rows of every agent, then every tracked transcript.

        ``only_changed`` (the periodic reconcile) lets each adapter skip what it can tell cheaply is
        unchanged (a ``stat``, a ``PRAGMA data_version``), so a reconcile of 1,000 sessions costs
        1,000 ``stat`` calls, not 1,000 reads.
        """
        unread: set[str] = set()
        for agent in self.agents.values():
            adapter = self.by_name[self._decide_layout(agent)]
            if not adapter.refresh(agent, only_changed=only_changed):
                unread.add(agent.agent_id)
        for tr in list(self.sessions.values()):
            if tr.state.ended:
                continue
            adapter = self.adapter_of(tr)
            if only_changed and adapter.unchanged(tr):
                continue
            adapter.read(tr)
        if not only_changed:
            self._caught_up = True
            # Every configured agent was looked at: from now on, whatever appears is live (an agent
            # whose data could not be read now is looked at again, still as history, next time).
            looked = set(self.agents) - unread
            if not self.seen_agents.issuperset(looked):
                self.seen_agents.update(looked)
                self._dirty = True
        self._end_step()

    def handle_paths(self, paths: set[str]) -> None:
        """React to watcher changes: each adapter takes the paths of its layout."""
        self._recheck_layouts(paths)
        for adapter in self.adapters:
            adapter.handle_paths(paths)
        self._end_step()

    def _recheck_layouts(self, paths: set[str]) -> None:
        """A write in an agent's ``agent/`` folder: its database may have just been made (OpenClaw's
        first turn there), so the layout decided at start may be stale; otherwise only the next
        reconcile would switch to it (a ``stat`` per such agent and batch)."""
        folders = {os.path.dirname(p) for p in paths}
        for agent in self.agents.values():
            if str(agent.sessions_dir.parent / "agent") in folders:
                self._decide_layout(agent)

    def _end_step(self) -> None:
        """After a batch: timers; then, unless the daemon defers them, flushes, sync, checkpoint."""
        if self.flushes.defer:
            self._timers()  # the daemon yields (events reach the socket), then calls after_step()
        else:
            self.tick()

    def after_step(self) -> None:
        """The daemon, once a step's events were handed to subscribers: write flushes, sync, save."""
        self.run_deferred()  # syncs the journal before and after the flushes
        self.save_checkpoint()

    def run_deferred(self) -> None:
        """Write the flushes decided since the last call (see ``defer_flushes``)."""
        self.flushes.run_deferred()

    # ------------------------------------------------------------------ time
    def _timers(self) -> None:
        """Compactions that only the store reported, once their grace period is over."""
        now = self.clock()
        for tr in list(self.sessions.values()):
            st = tr.state
            if st.store_ahead_since is not None and not st.ended:
                adapter = self.adapter_of(tr)
                checkpoints = adapter.compaction_checkpoints(tr)
                grace = self.settings.compaction_grace_seconds
                self.execute(tr, on_tick(st, now, grace, checkpoints, adapter.store_name))

    def tick(self) -> None:
        """Timers, deferred flushes, retries of failed or waiting flushes, sync, checkpoint."""
        self._timers()
        if self.flushes.deferred:
            self.run_deferred()
        self.retry_pending()
        self.journal.sync()
        self.save_checkpoint()

    def retry_pending(self) -> None:
        """Write the pending flushes that wait for a retry; the queued ones are the drain's."""
        due = self.due
        for pend in list(self.flushes.pending.values()):
            if pend.flush_id not in due:
                self.flushes.run(pend)

    # ------------------------------------------------------------------ the due queue
    def queue_due(self, *, recovered: bool = False) -> int:
        """After a full scan: the flushes it decided go to the due queue instead of being written
        inline; with ``recovered`` (the first catch-up) also every flush the log or the checkpoint
        left pending (a crash). Returns how many are queued now."""
        pending = self.flushes.pending
        fids = list(pending) if recovered else [f for f in self.flushes.deferred if f in pending]
        queued = [f for f in fids if pending[f].trigger != "manual"]  # a manual one is answered at once
        for fid in queued:  # in the order they were decided: ties of risk go first come first served
            self.due.add(fid)
        self.flushes.deferred = [f for f in self.flushes.deferred if f not in self.due]
        return len(self.due)

    def due_risk(self, fid: str, order: int = 0) -> Risk:
        """A queued flush's compaction risk, from its session's state now."""
        pend = self.flushes.pending.get(fid)
        if pend is None:
            return compaction_risk("", 0, None, None, order)
        tr = self.sessions.get((pend.agent_id, pend.uid))
        if tr is None:
            return compaction_risk(pend.trigger, pend.cycle, None, None, order)
        return compaction_risk(pend.trigger, pend.cycle, tr.state, self.gate_for(tr), order)

    def run_next_due(self) -> str | None:
        """Write the queued flush most at risk of its compaction; its id, or None when none is queued."""
        pending = self.flushes.pending
        while True:
            fid = self.due.pick(self.due_risk)
            if fid is None:
                return None
            pend = pending.get(fid)
            if pend is not None:
                break  # else: written meanwhile (a manual flush of its session): next one
        self.journal.sync()  # its `started` is durable before any Markdown is written
        self.flushes.run(pend)
        self.journal.sync()
        self.save_checkpoint()
        return fid

    def write_extracted(self, fid: str) -> None:
        """The daemon's drain, when the worker finished ``fid``'s extraction: write it, then hand the
        worker what waited for it (a flush decided by a watched change, a manual one, a retry),
        ahead of the due queue."""
        pend = self.flushes.pending.get(fid)
        self.journal.sync()
        if pend is not None:  # else: written meanwhile (a tick came first)
            self.flushes.run(pend)
        self.retry_pending()
        self.journal.sync()
        self.save_checkpoint()

    def drain_due(self) -> int:
        """Write every queued flush now, most at risk first (``--once``); how many were written."""
        n = 0
        while self.run_next_due() is not None:
            n += 1
        return n

    def _write_queued_of(self, tr: Tracked) -> None:
        """Write a session's queued due flushes now (a manual flush asked for it: blocks stay in order)."""
        mine = (tr.agent.agent_id, tr.state.uid)
        for fid in self.due.ids():
            pend = self.flushes.pending.get(fid)
            if pend is not None and (pend.agent_id, pend.uid) == mine:
                self.due.discard(fid)
                self.journal.sync()
                self.flushes.run(pend)

    def due_progress(self) -> DueProgress:
        """The drain's progress; the flush the worker still extracts is not done yet."""
        return self.due.progress(self.flushes.awaits_worker)

    def due_view(self) -> dict[str, Any]:
        """The drain as ``memoryd status --json`` shows it (``next``: the session written next)."""
        prog = self.due_progress()
        view: dict[str, Any] = {"queued": prog.queued, "done": prog.done, "total": prog.total}
        nxt = self.due.peek(self.due_risk)
        if nxt is not None:
            pend = self.flushes.pending.get(nxt)
            view["next"] = {
                "session_key": pend.session_key if pend else None,
                "risk": self.due_risk(nxt).name,
            }
            view["text"] = prog.text()
        return view

    def settle(self, timeout: float = 15.0) -> None:
        """``--once``: wait out store grace periods and editor waits, then stop."""
        llm = self.settings.llm  # a flush may also be waiting for the model, up to its deadline
        deadline = time.monotonic() + timeout + (llm.deadline if llm is not None else 0.0)
        pending = self.flushes.pending
        while time.monotonic() < deadline:
            waiting = pending or any(
                t.state.store_ahead_since is not None and not t.state.ended for t in self.sessions.values()
            )
            if not waiting:
                return
            time.sleep(0.1)
            self.tick()
            if all(p.attempts >= 3 for p in pending.values()) and not any(
                t.state.store_ahead_since is not None for t in self.sessions.values()
            ):
                return

    # ------------------------------------------------------------------ commands
    def find_session(self, session_key: str) -> Tracked | None:
        for (agent_id, key), uid in self.keys.items():
            if key == session_key:
                return self.sessions.get((agent_id, uid))
        return None

    def manual_flush(self, session_key: str, reason: str | None) -> dict[str, Any]:
        tr = self.find_session(session_key)
        if tr is None:
            return {"ok": False, "error": f"unknown session key {session_key!r}"}
        self.adapter_of(tr).read(tr)
        tr = self.find_session(session_key) or tr  # the read may have begun a new generation (a reset)
        done, pending = self.flushes.done, self.flushes.pending
        self._write_queued_of(tr)  # its due flush, if the drain has not reached it, comes first
        before = set(done) | set(pending)
        effects = end_session(tr.state, "manual", reason)
        self.execute(tr, effects)
        self.run_deferred()  # asked for explicitly: done before we answer
        new = [f for f in list(done) + list(pending) if f not in before]
        self.journal.sync()
        if not new:
            return {"ok": True, "flushed": False, "reason": "nothing_new"}
        return self.flush_answer(new[-1])

    def flush_answer(self, fid: str) -> dict[str, Any]:
        """What ``memoryd flush`` answers about its flush ``fid`` (the daemon asks again once the
        extraction worker is done with it: ``pending`` is true meanwhile)."""
        if fid in self.flushes.empty:  # completed without a block: nothing durable was new
            self.flushes.empty.discard(fid)
            return {"ok": True, "flushed": False, "reason": "nothing_durable", "flush_id": fid}
        return {"ok": True, "flushed": True, "flush_id": fid, "pending": fid in self.flushes.pending}

    def status(self) -> dict[str, Any]:
        sessions = []
        for tr in self.sessions.values():
            if tr.state.ended:
                continue
            mine = [
                p
                for p in self.flushes.pending.values()
                if (p.agent_id, p.uid) == (tr.agent.agent_id, tr.state.uid)
            ]
            row = session_row(
                tr.state,
                tr.agent,
                self.gate_for(tr),
                tr.last_flush,
                tr.last_compaction,
                pending=[pending_view(p.to_json(), p.last_error) for p in mine],
                last_error=self.flushes.last_errors.get((tr.agent.agent_id, tr.state.uid)),
                source=tr.source,
            )
            sessions.append(row)
        sessions.sort(key=lambda s: (s["agent"], s["session_key"]))
        return {
            "head_seq": self.journal.published_seq,
            "sessions": sessions,
            "pending_flushes": len(self.flushes.pending),
            "due": self.due_view(),
            "flushes_done": self.flushes.flushes_done,
            "source_errors": self.errors_seen,
        }

    # ------------------------------------------------------------------ checkpoint
    def _session_json(self, tr: Tracked) -> dict[str, Any]:
        """A session's record; ``era`` tells an offline reader (``memoryd status``) its gate arithmetic."""
        return {**tr.to_json(), "era": self.gate_for(tr).era}

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
            sessions={f"{a}/{u}": self._session_json(tr) for (a, u), tr in self.sessions.items()},
            keys={f"{a}\t{k}": uid for (a, k), uid in self.keys.items()},
            seen_agents=sorted(self.seen_agents),
            pending_flushes={fid: p.to_json() for fid, p in self.flushes.pending.items()},
            layouts=dict(self.layouts),
        )
        checkpoint.save(self.ckpt_path, data)
        self._last_save = now
        self._dirty = False


__all__ = ["Engine", "Tracked", "flush_id_for"]
