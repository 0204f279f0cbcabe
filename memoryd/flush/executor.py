"""Run a flush the tracker decided: journal it, read its entries back, write the block, journal the end.

Order of writes (``docs/exactly-once.md``): ``memory.flush.started`` (fsync) → Markdown block (fsync)
→ ``memory.flush.completed`` (fsync) → checkpoint. The entries come from the session's adapter by
position range (``SourceAdapter.read_range``), so this module does not know any layout.

In the daemon (``offload``) the rules' extraction (``pipeline.content_of``: pure CPU, up to seconds
on a long range) runs in one worker thread, so the event loop goes on answering the socket and
reading the watcher meanwhile. A file range is read and parsed in the worker too
(``SourceAdapter.split_read``: what the engine's state says is taken on the loop first, and source
errors are reported on the loop after); a SQLite range is read on the loop, whose thread owns the
connection. The worker gets plain data (the range or its entries, the daily logs' recent lines) and
gives back plain data (a ``FlushContent``). One extraction at a time: a flush that wants the
worker while it is busy waits, pending, and goes when the daemon's drain has written the one in
progress. Everything that writes (journal, Markdown, checkpoint) stays on the loop, in the order of
``docs/exactly-once.md``; a stop does not wait for the worker: the flush stays started, not completed,
and is done again at the next start. Without ``offload`` (``--once``, tests) it runs inline.

The optional LLM mode never makes the engine wait: the rules' result is computed first (in the
extraction worker, or inline) and the model's distillation is handed to one more worker thread
with a deadline (``[llm] deadline``). The flush stays pending meanwhile; each tick looks whether
the answer is in. When it is, or the deadline passes first, the block is written: the model's
items, or the rules' (``extractor: rules-fallback`` and the reason in ``memory.flush.completed``).
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import structlog

from memoryd.config import Settings
from memoryd.flush.dedupe import dedupe
from memoryd.flush.render import BlockMeta, render_block
from memoryd.sessions.tracker import FlushDue
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
from memoryd.sources.model import FlushRange, RangeRead, SplitRead, Tracked
from memoryd.sources.openclaw_config import AgentSource

if TYPE_CHECKING:
    from memoryd.flush.llm import LLMSettings
    from memoryd.flush.pipeline import FlushContent  # imported lazily at run time: see _content
    from memoryd.sources.transcript import Entry, LineError

log = structlog.get_logger("memoryd.flush")

RETRY_SECONDS = 30.0
AUTO_TRIGGERS = ("threshold", "transcript_bytes", "late")


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
    path: str  # where the session was read at decision time (a transcript, a DB + session id)
    day: str
    reason: str | None = None
    not_before: float = 0.0
    busy_since: float | None = None
    attempts: int = 0
    source: str = "files"
    epoch: int = 0
    last_error: str | None = None  # of the last failed write: `memoryd status` shows it per session

    @property
    def uid(self) -> str:
        return f"{self.session_id}@{self.epoch}" if self.epoch else self.session_id

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> PendingFlush:
        return cls(**{k: v for k, v in raw.items() if k in cls.__slots__})


def flush_id_for(session_id: str, due: FlushDue, epoch: int = 0) -> str:
    """Automatic flushes are one per (session, generation, cycle): the id says so. Manual ones name their range.

    ``epoch`` (the position of the reset that began this generation of a session id, see
    ``SessionState.epoch``) is left out when 0, so ids made before it existed stay the same.
    """
    sid = f"{session_id}@{epoch}" if epoch else session_id
    if due.trigger in AUTO_TRIGGERS:
        basis = f"{sid}|auto|{due.cycle}"
    elif due.trigger == "reset":
        basis = f"{sid}|reset"
    else:
        basis = f"{sid}|{due.trigger}|{due.start}|{due.end}"
    return "fl-" + hashlib.blake2b(basis.encode(), digest_size=8).hexdigest()


class FlushHost(Protocol):
    """What the executor needs of the engine."""

    settings: Settings
    agents: dict[str, AgentSource]

    def clock(self) -> float: ...

    def local_now(self) -> datetime: ...

    def emit(
        self,
        type_: str,
        data: dict[str, Any],
        *,
        agent: str | None = None,
        session_key: str | None = None,
        session_id: str | None = None,
    ) -> dict[str, Any] | None: ...

    def sync(self) -> None: ...

    def tracked_for(self, pend: PendingFlush) -> Tracked | None: ...

    def read_range(self, source: str, rng: FlushRange, tr: Tracked | None) -> RangeRead: ...

    def split_read(self, source: str, rng: FlushRange, tr: Tracked | None) -> SplitRead | None: ...

    def save_checkpoint(self, force: bool = False) -> None: ...


class ExtractionFailed(Exception):
    """The extractor raised on a flush's range: the flush fails like a write and is retried later."""


def _log_states(workspace: Path, day: date) -> tuple[tuple[int, int] | None, ...]:
    """(size, mtime_ns) of the daily logs ``recent_lines`` reads: a change means new lines to dedupe against."""
    return tuple(file_state(workspace / daily_log_rel(day - timedelta(days=back))) for back in range(3))


@dataclass(slots=True)
class ExtractJob:
    """One flush's rules extraction, from plain data, giving back plain data (``result`` or ``error``, then ``done``).

    Nothing in it belongs to the engine: the worker thread may read it while the loop goes on.
    """

    flush_id: str
    entries: Sequence[Entry]
    existing: Sequence[str]
    errors: Sequence[LineError]
    #: ``_log_states`` when ``existing`` was read: a block appended since is deduped against at write time.
    logs: tuple[tuple[int, int] | None, ...]
    started: float = field(default_factory=time.perf_counter)
    done: threading.Event = field(default_factory=threading.Event)
    result: FlushContent | None = None
    error: str | None = None
    #: The range still to read (in the worker, before extracting): then ``entries`` and ``errors``
    #: are filled by ``compute``, and the loop calls ``split.report`` once it takes the job back.
    split: SplitRead | None = None
    read_error: OSError | None = None

    def compute(self) -> None:
        """Read the range if still unread, then extract (in whichever thread calls it).

        Never raises: an unreadable range is ``read_error``, an extractor failure ``error``.
        """
        from memoryd.flush.extract import collector_paused  # lazily, as content_of: ~0.3 s to import
        from memoryd.flush.pipeline import content_of  # ~0.3 s to import; most starts flush nothing

        if self.split is not None:
            try:
                got = self.split.read()
            except OSError as exc:
                self.read_error = exc
                self.done.set()
                return
            self.entries, self.errors = got.entries, got.errors
        try:
            with collector_paused():
                self.result = content_of(self.entries, self.existing, self.errors)
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"[:300]
            log.error("flush.extract_failed", flush_id=self.flush_id, error=self.error)
        finally:
            self.done.set()


class ExtractWorker:
    """One daemon thread that extracts, one flush after another; ``notify`` is called (from it) after each.

    A daemon thread: a stop never waits for it. What it was extracting is a flush started and not
    completed in the journal, done again at the next start.
    """

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[ExtractJob] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        #: Called from the worker thread once a job is done (the daemon rings its drain's doorbell).
        self.notify: Callable[[], None] | None = None

    def submit(self, job: ExtractJob) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._loop, name="memoryd-extract", daemon=True)
            self._thread.start()
        self._queue.put(job)

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            job.compute()
            notify = self.notify
            if notify is not None:
                try:
                    notify()
                except Exception as exc:  # the thread lives on; the drain also looks every half second
                    log.warning("flush.extract_notify_failed", error=type(exc).__name__)


@dataclass(slots=True)
class ModelJob:
    """One flush's question to the model, answered by the worker thread (``result``, then ``done``)."""

    entries: Sequence[Entry]
    existing: Sequence[str]
    errors: Sequence[LineError]
    llm: LLMSettings
    #: ``time.monotonic()`` after which the flush stops waiting and writes ``rules``.
    deadline: float
    #: The rules' result, computed before the model was asked: what is written when it fails.
    rules: FlushContent
    started: float = field(default_factory=time.perf_counter)
    done: threading.Event = field(default_factory=threading.Event)
    result: FlushContent | None = None
    #: Why the worker gave no result: ``deadline`` (it reached the job too late), ``error``.
    failure: str = "error"
    #: What the flush writes, once decided (kept until it is written, across failed writes).
    final: FlushContent | None = None


class ModelWorker:
    """One daemon thread that asks the model, one flush after another (a local model serves one at a time).

    A job whose deadline passed before the thread reached it is not sent. The thread is a daemon
    thread: a stop never waits for a model; an unwritten flush is pending in the journal and is
    done again at the next start.
    """

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[ModelJob] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def submit(self, job: ModelJob) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._loop, name="memoryd-llm", daemon=True)
            self._thread.start()
        self._queue.put(job)

    def _loop(self) -> None:
        from memoryd.flush.pipeline import content_of

        while True:
            job = self._queue.get()
            try:
                if time.monotonic() < job.deadline:
                    # content_of pauses the collector for the rules it runs again, not while it waits
                    # for the model (seconds, during which the loop's own garbage would pile up); the
                    # pause is counted, so the extraction worker's and this one's overlap safely.
                    job.result = content_of(
                        job.entries, job.existing, job.errors, job.llm, deadline=job.deadline
                    )
                else:
                    job.failure = "deadline"  # queued behind a slow one: not sent
            except Exception as exc:  # the rules' result is written; the thread lives on
                log.warning("llm.worker_error", error=type(exc).__name__)
            finally:
                job.done.set()


class FlushExecutor:
    """Pending and done flushes, and the one way a flush is written."""

    def __init__(self, host: FlushHost) -> None:
        self.host = host
        self.pending: dict[str, PendingFlush] = {}
        self.done: OrderedDict[str, None] = OrderedDict()
        # The daemon sets this: a flush decided in a step waits (journaled as started) until the
        # step's events reached subscribers, then run_deferred() writes it. --once runs inline.
        self.defer = False
        self.deferred: list[str] = []
        self.own_writes: dict[str, tuple[int, int]] = {}  # daily log -> (size, mtime_ns) after our append
        self.flushes_done = 0
        #: (agent id, session uid) -> the newest failed write of one of its flushes, for `status`.
        self.last_errors: dict[tuple[str, str], dict[str, Any]] = {}
        #: Manual flushes completed without a block (nothing durable): their answer says so.
        self.empty: set[str] = set()
        #: The LLM mode's questions in flight (or answered, not written yet), by flush id.
        self.jobs: dict[str, ModelJob] = {}
        self.worker = ModelWorker()
        #: The daemon sets this: extractions run in ``extractor`` (one thread), not inline.
        self.offload = False
        #: Set when the daemon stops: no new extraction is handed to the worker.
        self.closing = False
        self.extractor = ExtractWorker()
        #: The extraction handed to the worker and not yet taken back by ``take_extraction`` (one at most).
        self.extracting: ExtractJob | None = None
        #: Rules' results (being) computed for pending flushes, by flush id, until the flush is written.
        self.extracts: dict[str, ExtractJob] = {}
        #: Flushes that want the worker while it is busy with another (they go once it is free).
        self.waiting: set[str] = set()

    def remember_done(self, fid: str) -> None:
        self.done[fid] = None
        if len(self.done) > 100_000:
            self.done.popitem(last=False)

    # ------------------------------------------------------------------ deciding
    def start(self, tr: Tracked, due: FlushDue, location: str) -> None:
        """Journal a flush the tracker decided, then run it (now, or after the step: ``defer``)."""
        host = self.host
        st = tr.state
        fid = flush_id_for(st.session_id, due, st.epoch)
        known = self.pending.get(fid)
        if known is not None:
            # Decided before a crash: the log's range wins, so ranges stay gapless.
            st.flushed_upto = known.end
            return
        if fid in self.done:
            return
        day: date = host.local_now().date()
        pend = PendingFlush(
            flush_id=fid,
            agent_id=tr.agent.agent_id,
            session_key=st.session_key,
            session_id=st.session_id,
            trigger=due.trigger,
            cycle=due.cycle,
            start=due.start,
            end=due.end,
            end_entry_id=due.end_entry_id,
            path=location,
            day=day.isoformat(),
            reason=due.reason,
            source=tr.source,
            epoch=st.epoch,
        )
        rng: dict[str, Any] = {
            "transcript": location,
            "start_offset": due.start,
            "end_offset": due.end,
            "end_entry_id": due.end_entry_id,
        }
        if tr.source != "files":
            rng["source"] = tr.source
        data: dict[str, Any] = {
            "flush_id": fid,
            "cycle": due.cycle,
            "trigger": due.trigger,
            "path": daily_log_rel(day),
            "day": pend.day,
            "reason": due.reason,
            "range": rng,
        }
        if st.epoch:
            data["epoch"] = st.epoch
        host.emit(
            "memory.flush.started",
            data,
            agent=tr.agent.agent_id,
            session_key=st.session_key,
            session_id=st.session_id,
        )
        self.pending[fid] = pend
        if self.defer:
            self.deferred.append(fid)  # the daemon runs it once the events so far are on the socket
        else:
            host.sync()  # `started` is durable before any Markdown is written
            self.run(pend)

    @staticmethod
    def from_started_event(ev: dict[str, Any]) -> PendingFlush:
        """The pending flush a ``memory.flush.started`` event of the log describes."""
        data = ev.get("data") or {}
        rng = data.get("range") or {}
        return PendingFlush(
            flush_id=data["flush_id"],
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
            source=rng.get("source", "files"),
            epoch=int(data.get("epoch", 0) or 0),
        )

    # ------------------------------------------------------------------ writing
    def recover(self) -> None:
        """Start-up: a pending flush whose block is already in its file only needs its ``completed``."""
        for pend in list(self.pending.values()):
            agent = self.host.agents.get(pend.agent_id)
            if agent is None:
                continue
            target = agent.workspace / f"memory/{pend.day}.md"
            if has_marker(target, pend.flush_id):
                tr = self.host.tracked_for(pend)
                self._complete(pend, tr, recovered=True, content=None, nbytes=0, duration_ms=0.0)
            # else: it runs again from tick(), same id, same range, same file.

    def run(self, pend: PendingFlush) -> None:
        """Write the block of a started flush; on failure it stays pending and is retried."""
        with structlog.contextvars.bound_contextvars(session_key=pend.session_key, flush_id=pend.flush_id):
            self._write(pend)

    def run_deferred(self) -> None:
        """Write the flushes decided since the last call (see ``defer``)."""
        due, self.deferred = self.deferred, []
        self.host.sync()  # their `started` events are durable before any Markdown is written
        for fid in due:
            pend = self.pending.get(fid)
            if pend is not None:
                self.run(pend)
        self.host.sync()

    def retry_all(self) -> None:
        for pend in list(self.pending.values()):
            self.run(pend)

    # ------------------------------------------------------------------ the extraction worker
    def take_extraction(self) -> ExtractJob | None:
        """The drain, once the worker is done: the finished job, and the worker free for the next one.

        ``None`` while it is still at work (or has nothing). The finished job's flush is written by
        the next ``run`` of it (the drain calls it at once).
        """
        job = self.extracting
        if job is None or not job.done.is_set():
            return None
        self.extracting = None
        return job

    def awaits_worker(self, fid: str) -> bool:
        """Whether a pending flush waits for its extraction: for the worker to be free, in the worker,
        or done there and not yet taken back by the drain (which writes it then)."""
        if fid not in self.pending:
            return False
        job = self.extracts.get(fid)
        return fid in self.waiting or (job is not None and (not job.done.is_set() or job is self.extracting))

    def _write(self, pend: PendingFlush) -> None:
        host = self.host
        agent = host.agents.get(pend.agent_id)
        tr = host.tracked_for(pend)
        if agent is None:
            return
        now = host.clock()
        if now < pend.not_before:
            return
        ext = self.extracts.get(pend.flush_id)
        if ext is not None and not ext.done.is_set():
            return  # in the worker: the drain runs it again once it is done
        if ext is None and self.offload and self.extracting is not None:
            self.waiting.add(pend.flush_id)  # the worker is busy with another: after it
            return
        t0 = time.perf_counter()
        day = date.fromisoformat(pend.day)
        try:
            target = daily_log_path(agent.workspace, day, create_dir=True)
            busy = editor_busy(target, ours=self.own_writes.get(str(target)))
            if busy and (
                pend.busy_since is None or now - pend.busy_since < host.settings.editor_wait_seconds
            ):
                if pend.busy_since is None:
                    pend.busy_since = now
                pend.not_before = now + 0.5
                self.waiting.discard(pend.flush_id)  # it waits for the editor now, not for the worker
                return
            if busy:
                host.emit(
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
            content = self._content(pend, tr, agent, day)
            if content is None:
                return  # the extractor or the model is still at work: looked at again when it is done
            ext = self.extracts.get(pend.flush_id)
            if ext is not None:
                t0 = ext.started  # the flush's time includes the extraction's
                if ext.logs != _log_states(agent.workspace, day):
                    # A block was appended while the worker extracted (or the model answered): its
                    # lines count as already said, as they would have inline.
                    fresh = recent_lines(agent.workspace, day)
                    content = replace(content, items=tuple(dedupe(content.items, fresh)))
            job = self.jobs.get(pend.flush_id)
            if job is not None:
                t0 = min(t0, job.started)  # the flush's time includes the model's
            meta = BlockMeta(
                flush_id=pend.flush_id,
                session_key=pend.session_key,
                session_id=pend.session_id,
                trigger=pend.trigger,
                cycle=pend.cycle,
                local_time=host.local_now(),
                first_entry_id=content.first_entry_id,
                last_entry_id=content.last_entry_id,
            )
            if has_marker(target, pend.flush_id):
                appended = 0
            elif pend.trigger == "manual" and not content.items:
                appended = 0  # a manual flush of nothing durable writes nothing to the person's log
                self.empty.add(pend.flush_id)
            else:
                appended = append_block(agent.workspace, day, render_block(meta, content.items)).bytes_written
                state = file_state(target)
                if state is not None:
                    self.own_writes[str(target)] = state
        except (OSError, OutsideWorkspace, ExtractionFailed) as exc:
            self.extracts.pop(pend.flush_id, None)  # a retry reads and extracts again, as inline
            pend.attempts += 1
            pend.last_error = f"{type(exc).__name__}: {exc}"[:300]
            retry = not isinstance(exc, OutsideWorkspace)
            pend.not_before = now + min(RETRY_SECONDS, 2.0**pend.attempts)
            host.emit(
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
            self.last_errors[(pend.agent_id, pend.uid)] = {
                "flush_id": pend.flush_id,
                "error": pend.last_error,
                "time": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            log.error("flush.failed", error=str(exc)[:200])
            if not retry:
                self.pending.pop(pend.flush_id, None)
                self.jobs.pop(pend.flush_id, None)
                self.waiting.discard(pend.flush_id)
            return
        self._complete(
            pend,
            tr,
            recovered=False,
            content=content,
            nbytes=appended,
            duration_ms=(time.perf_counter() - t0) * 1000,
        )

    def _content(
        self, pend: PendingFlush, tr: Tracked | None, agent: AgentSource, day: date
    ) -> FlushContent | None:
        """What the flush writes; ``None`` while the LLM worker may still answer."""
        job = self.jobs.get(pend.flush_id)
        if job is not None:
            return self._resolve(pend, job)
        ext = self._extract(pend, tr, agent, day)
        if ext is None:
            return None
        rules = ext.result
        assert rules is not None
        llm = self.host.settings.llm
        entries, ext.entries = ext.entries, ()  # not needed any more here: let them go once written
        if llm is None:
            return rules
        # Also outside the daemon's steps (its first catch-up, --once, an offline flush): the
        # flush stays pending, and Engine.settle waits for it like for an editor's lock.
        if not rules.items:
            return rules  # nothing to distill: no request
        job = ModelJob(
            entries=entries,
            existing=ext.existing,
            errors=ext.errors,
            llm=llm,
            deadline=time.monotonic() + llm.deadline,
            rules=rules,
        )
        self.jobs[pend.flush_id] = job
        self.worker.submit(job)
        return None

    def _extract(
        self, pend: PendingFlush, tr: Tracked | None, agent: AgentSource, day: date
    ) -> ExtractJob | None:
        """The rules' result for a flush (an ``ExtractJob`` with ``result``); ``None`` while the worker has it.

        Read on the loop: the recent lines of the daily logs, and the range unless the adapter can
        split its read (then the worker reads it; its source errors are reported here once it is
        done). Then extracted inline, or handed to the worker (``offload``). Raises
        ``ExtractionFailed`` when the extractor raised, the adapter's ``OSError`` when unreadable.
        """
        fid = pend.flush_id
        ext = self.extracts.get(fid)
        if ext is None:
            if self.offload and (self.closing or self.extracting is not None):
                self.waiting.add(fid)
                return None
            t0 = time.perf_counter()
            rng = FlushRange(pend.agent_id, pend.session_id, pend.start, pend.end, pend.path)
            # Offloaded, a file range is read and parsed in the worker too (a big one costs tens of ms).
            split = self.host.split_read(pend.source, rng, tr) if self.offload else None
            got = self.host.read_range(pend.source, rng, tr) if split is None else RangeRead(())
            ext = ExtractJob(
                flush_id=fid,
                entries=got.entries,
                existing=recent_lines(agent.workspace, day),
                errors=got.errors,
                logs=_log_states(agent.workspace, day),
                started=t0,
                split=split,
            )
            self.extracts[fid] = ext
            self.waiting.discard(fid)
            if self.offload:
                self.extracting = ext
                self.extractor.submit(ext)
                return None
            ext.compute()
        if not ext.done.is_set():
            return None
        if ext.split is not None:  # read in the worker: its loop half, once
            split, ext.split = ext.split, None
            if ext.read_error is not None:
                raise ext.read_error  # as read_range on the loop would have: failed, retried
            split.report(RangeRead(ext.entries, ext.errors))
        if ext.error is not None:
            raise ExtractionFailed(ext.error)
        return ext

    def _resolve(self, pend: PendingFlush, job: ModelJob) -> FlushContent | None:
        """The job's answer once it is in; the rules' result when it failed or the deadline passed."""
        if job.final is not None:
            return job.final
        if job.done.is_set():
            job.final = job.result or replace(
                job.rules, extractor="rules-fallback", llm_fallback_reason=job.failure
            )
        elif time.monotonic() >= job.deadline:
            log.warning("llm.late", flush_id=pend.flush_id, deadline=job.llm.deadline)
            job.final = replace(job.rules, extractor="rules-fallback", llm_fallback_reason="deadline")
        else:
            return None
        return job.final

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
        host = self.host
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
        if content is not None:
            data["extractor"] = content.extractor
            if host.settings.llm is not None or content.extractor != "rules":
                data["llm_tokens_in"] = content.llm_tokens_in
                data["llm_tokens_out"] = content.llm_tokens_out
                data["llm_fallback_reason"] = content.llm_fallback_reason
        if pend.epoch:
            data["epoch"] = pend.epoch
        host.emit(
            "memory.flush.completed",
            data,
            agent=pend.agent_id,
            session_key=pend.session_key,
            session_id=pend.session_id,
        )
        host.sync()
        self.pending.pop(pend.flush_id, None)
        self.jobs.pop(pend.flush_id, None)
        self.extracts.pop(pend.flush_id, None)
        self.waiting.discard(pend.flush_id)
        self.remember_done(pend.flush_id)
        self.flushes_done += 1
        if tr is not None:
            tr.last_flush = {
                "flush_id": pend.flush_id,
                "trigger": pend.trigger,
                "cycle": pend.cycle,
                "time": host.local_now().isoformat(timespec="seconds"),
                "items": data["item_count"],
            }
        log.info(
            "flush.completed", flush_id=pend.flush_id, session_key=pend.session_key, items=data["item_count"]
        )
        host.save_checkpoint(force=True)
