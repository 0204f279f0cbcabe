"""The rules' extraction of a flush runs off the event loop, in one worker thread.

Real daemons (subprocesses), real files, the real socket: while a long extraction runs, ``status``
answers and says which flush is being extracted; SIGTERM then stops without it (the flush stays
started, not completed, and the next start writes it); SIGKILLs during extractions lose and repeat
nothing. The cyclic GC pause the extractor takes is process-wide: counted across threads, and
restored when the extractor raises.
"""

from __future__ import annotations

import gc
import signal
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from daemon_helpers import DaemonProc, assert_each_flush_once, memoryd, wait_for
from openclaw_fixture import OpenClawFixture

from memoryd import client
from memoryd.engine import Engine
from memoryd.flush.executor import ExtractJob, ExtractWorker, FlushExecutor
from memoryd.flush.extract import CollectorPause

GUARD = 120.0  # hang guards only: nothing here is timed


# ------------------------------------------------------------------ the GC pause (threads, no I/O)
@pytest.fixture
def gc_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_the_collector_stays_off_until_the_last_thread_leaves_the_pause(gc_on: None) -> None:
    """Two threads in the pause at once, the first to enter leaves first: the collector stays off for
    the second (a per-thread "was it on?" would turn it on under it, or off for good the other way
    round), and is on again once both are out."""
    pause = CollectorPause()
    a_in, b_in, a_out, b_go = (threading.Event() for _ in range(4))
    seen: dict[str, bool] = {}

    def first() -> None:
        with pause():
            a_in.set()
            b_in.wait(GUARD)
        a_out.set()

    def second() -> None:
        a_in.wait(GUARD)
        with pause():
            b_in.set()
            a_out.wait(GUARD)
            seen["after the first left"] = gc.isenabled()
            b_go.wait(GUARD)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    a_out.wait(GUARD)
    wait_for(lambda: "after the first left" in seen, "the second thread's look")
    assert seen["after the first left"] is False
    assert pause.holders == 1 and not gc.isenabled()
    b_go.set()
    for t in threads:
        t.join(GUARD)
    assert pause.holders == 0 and gc.isenabled()


def test_the_pause_leaves_the_collector_off_when_it_was_off(gc_on: None) -> None:
    pause = CollectorPause()
    gc.disable()
    with pause():
        assert not gc.isenabled()
    assert not gc.isenabled()


class _Exploding(list[Any]):
    """Entries the extractor cannot read: it raises on the first look, noting the collector's state."""

    def __init__(self) -> None:
        super().__init__([None])
        self.gc_was: bool | None = None

    def __iter__(self) -> Iterator[Any]:
        self.gc_was = gc.isenabled()
        raise RuntimeError("unreadable entries")


def _job(fid: str, entries: Sequence[Any]) -> ExtractJob:
    return ExtractJob(flush_id=fid, entries=entries, existing=[], errors=[], logs=())


def test_an_extraction_that_raises_in_the_worker_leaves_the_collector_on(gc_on: None) -> None:
    rung = threading.Semaphore(0)
    worker = ExtractWorker()
    worker.notify = rung.release
    bad = _Exploding()
    failing = _job("fl-bad", bad)
    worker.submit(failing)
    assert failing.done.wait(GUARD) and rung.acquire(timeout=GUARD)
    assert bad.gc_was is False  # it ran with the collector off
    assert failing.result is None and failing.error == "RuntimeError: unreadable entries"
    assert gc.isenabled()  # and it is on again, though the extractor raised
    # The thread lives on: the next job is extracted.
    fine = _job("fl-empty", [])
    worker.submit(fine)
    assert fine.done.wait(GUARD) and rung.acquire(timeout=GUARD)
    assert fine.error is None and fine.result is not None and fine.result.items == ()
    assert gc.isenabled()


# ------------------------------------------------------------------ the daemon (subprocesses)
def _big(oc: OpenClawFixture, key: str, n: int, turns: int) -> None:
    """A long session (~0.9 kB a turn; 3,000 turns take the rules a second or more), due by its size."""
    s = oc.session(key, f"d0f{n:05d}-0000-4000-8000-000000000000")
    for t in range(turns):
        s.user(f"Turn {t} of {key}: shall we keep the export job on port {4000 + t} at {t % 24}:00? " * 3)
        s.assistant(
            f"We decided to keep port {4000 + t} for the export of {key}, host db{t % 7}. " * 3, 2_000
        )
    s.user(f"Last turn of {key}: which port did we settle on?")
    s.assistant(f"We settled on port {4000 + turns} for the export job of {key}.", 3_000 + n)
    oc.store("main", key, sessionId=s.session_id, contextTokens=32768, totalTokens=3_000 + n)


def _install(oc: OpenClawFixture, keys: list[str], turns: int = 3_000) -> None:
    oc.write_config(
        context_tokens=32768,
        reserveTokensFloor=8192,
        keepRecentTokens=2000,
        memoryFlush="{ forceFlushTranscriptBytes: 200000 }",  # every session below is due at first sight
    )
    for n, key in enumerate(keys):
        _big(oc, key, n, turns)


def _sock(oc: OpenClawFixture) -> Path:
    return oc.root / "run" / "memoryd.sock"


def _extracting(oc: OpenClawFixture, skip: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    """Ask ``status`` on the socket until it names a flush being extracted (not one of ``skip``)."""
    found: dict[str, Any] = {}

    def look() -> bool:
        try:
            with client.connect(_sock(oc), timeout=GUARD) as conn:
                st = conn.status()
        except client.DaemonNotRunning:
            return False
        now = st["daemon"].get("extracting")
        if now and now["flush_id"] not in skip:
            found.update(now)
            return True
        return False

    wait_for(look, "status naming a flush in the extraction worker", timeout=GUARD)
    return found


def _answers(oc: OpenClawFixture) -> bool:
    try:
        with client.connect(_sock(oc), timeout=GUARD) as conn:
            return bool(conn.status())
    except client.DaemonNotRunning:
        return False


def _types(oc: OpenClawFixture, fid: str) -> list[str]:
    return [e["type"] for e in oc.events() if (e.get("data") or {}).get("flush_id") == fid]


def _assert_exactly_once(oc: OpenClawFixture, keys: list[str]) -> None:
    events = oc.events()
    assert_each_flush_once(events, "".join(oc.daily_logs().values()))
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    assert Counter(e["session_key"] for e in done) == dict.fromkeys(keys, 1)


@pytest.mark.slow
def test_status_answers_during_an_extraction_and_sigterm_leaves_it_to_the_next_start(
    oc: OpenClawFixture,
) -> None:
    keys = ["agent:main:long"]
    _install(oc, keys)
    daemon = DaemonProc(oc.config_path)
    try:
        now = _extracting(oc)  # the socket answered while the worker extracted
        assert now["session_key"] == "agent:main:long"
        fid = now["flush_id"]
        assert _types(oc, fid) == ["memory.flush.started"]
    finally:
        code, err = daemon.stop(signal.SIGTERM)
    assert code == 0, err
    # The stop did not wait for the extraction: started, not completed, no block; the stop recorded.
    assert _types(oc, fid) == ["memory.flush.started"]
    assert oc.events()[-1]["type"] == "daemon.stopped"
    assert f"memoryd:flush id={fid} " not in "".join(oc.daily_logs().values())

    again = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: "memory.flush.completed" in _types(oc, fid), "the flush, at the next start", GUARD)
    finally:
        code, err = again.stop(signal.SIGTERM)
    assert code == 0, err
    (completed,) = [e for e in oc.events() if e["type"] == "memory.flush.completed"]
    assert completed["data"]["flush_id"] == fid and completed["data"]["recovered"] is False
    _assert_exactly_once(oc, keys)


@pytest.mark.slow
def test_a_manual_flush_during_an_extraction_is_answered_once_its_block_is_written(
    oc: OpenClawFixture,
) -> None:
    """``memoryd flush KEY`` while the worker extracts a due flush of another session: its own
    extraction waits for the worker, and the answer comes once its block is in the daily log."""
    _install(oc, ["agent:main:long"])
    small = oc.session("agent:main:small", "d0fbbbbb-0000-4000-8000-000000000000")
    small.user("Shall we move the nightly export to 02:30?")
    small.assistant("Agreed: we decided the nightly export moves to 02:30.", 1_200)
    oc.store("main", small.key, sessionId=small.session_id, contextTokens=32768, totalTokens=1_200)
    daemon = DaemonProc(oc.config_path)
    try:
        _extracting(oc)
        with client.connect(_sock(oc), timeout=GUARD) as conn:
            answer = conn.flush("agent:main:small", "asked")
        assert answer["ok"] and answer["flushed"] and not answer["pending"], answer
        assert f"memoryd:flush id={answer['flush_id']} " in "".join(oc.daily_logs().values())
        assert "memory.flush.completed" in _types(oc, answer["flush_id"])
        wait_for(lambda: len([e for e in oc.events() if e["type"] == "memory.flush.completed"]) == 2, "both")
    finally:
        code, err = daemon.stop(signal.SIGTERM)
    assert code == 0, err
    _assert_exactly_once(oc, ["agent:main:long", "agent:main:small"])


@pytest.mark.slow
def test_sigkills_during_offloop_extractions_lose_and_repeat_nothing(oc: OpenClawFixture) -> None:
    """Each round: one more flush is written, then the daemon is killed while the worker extracts
    the next (``status`` said so just before)."""
    keys = [f"agent:main:k{i}" for i in range(3)]
    _install(oc, keys)
    kills_mid_extraction = 0

    def written() -> set[str]:
        return {e["data"]["flush_id"] for e in oc.events() if e["type"] == "memory.flush.completed"}

    for _ in range(len(keys)):
        before = written()
        daemon = DaemonProc(oc.config_path)
        try:
            wait_for(lambda b=before: len(written() - b) > 0, "one more flush", GUARD)  # type: ignore[misc]
            now_done = written()
            if len(now_done) < len(keys):
                now = _extracting(oc, skip=now_done)
                assert "memory.flush.completed" not in _types(oc, now["flush_id"])
                kills_mid_extraction += 1
        finally:
            daemon.stop(signal.SIGKILL)
    assert kills_mid_extraction >= 2
    last = DaemonProc(oc.config_path)
    try:
        wait_for(
            lambda: (
                len({e["session_key"] for e in oc.events() if e["type"] == "memory.flush.completed"})
                == len(keys)
            ),
            "every flush",
            GUARD,
        )
        wait_for(lambda: _answers(oc), "the socket (SIGTERM is handled from then on)", GUARD)
    finally:
        code, err = last.stop(signal.SIGTERM)
    assert code == 0, err
    assert memoryd("run", "--once", "--config", str(oc.config_path)).returncode == 0
    _assert_exactly_once(oc, keys)


@contextmanager
def _queued(oc: OpenClawFixture, keys: list[str]) -> Iterator[tuple[Engine, FlushExecutor]]:
    """In-process: a daemon's engine over ``keys`` (300 turns each, then one decision about the
    export), caught up with its due flushes queued, not written; closed after."""
    from memoryd import logs
    from memoryd.config import load_settings
    from memoryd.daemon import Daemon

    _install(oc, keys, turns=300)
    for key in keys:
        s = oc.sessions[("main", key)]
        s.user("And the nightly export: shall it move to 02:30?")
        s.assistant("Agreed, we decided the nightly export moves to 02:30.", 3_500)
    logs.configure("warning")
    d = Daemon(load_settings(str(oc.config_path)))
    d.journal.open()
    eng = d.engine
    try:
        eng.start()
        eng.defer_flushes = True
        eng.scan_all()
        assert eng.queue_due(recovered=True) == len(keys)
        yield eng, eng.flushes
    finally:
        eng.close()
        d.journal.close()


def test_a_block_appended_while_the_worker_extracted_counts_as_already_said(oc: OpenClawFixture) -> None:
    """In-process: the worker extracts one session's flush from the daily log as it was; before its
    result is written, another flush's block says the same decision. Written back, the first block
    leaves it out, as it would have inline."""
    keys = ["agent:main:one", "agent:main:two"]
    with _queued(oc, keys) as (eng, flushes):
        flushes.offload = True
        first = eng.run_next_due()
        job = flushes.extracting
        assert first is not None and job is not None and job.flush_id == first
        assert job.done.wait(GUARD) and job.error is None and job.result is not None
        assert any("02:30" in i.text for i in job.result.items)  # from the log as it was then
        flushes.offload = False  # the other one inline, while the first waits to be written
        second = eng.run_next_due()
        assert second is not None and second not in flushes.pending
        assert flushes.take_extraction() is job
        eng.write_extracted(first)
        assert first not in flushes.pending
    (log,) = oc.daily_logs().values()
    assert log.count("02:30") == 1, log
    assert log.index(f"memoryd:flush id={second} ") < log.index(f"memoryd:flush id={first} ")


def test_a_range_unreadable_in_the_worker_fails_the_flush_and_its_retry_writes_it_once(
    oc: OpenClawFixture,
) -> None:
    """In-process: offloaded, the worker reads the flush's range too. When the transcript cannot be
    read there (a directory stands at its path), the flush fails as a read on the loop would have
    (``memory.flush.failed``, will retry, nothing written); once it is readable, the retry reads and
    extracts again and writes the block once."""
    keys = ["agent:main:one"]
    with _queued(oc, keys) as (eng, flushes):
        s = oc.sessions[("main", keys[0])]
        kept = s.path.with_name(s.path.name + ".aside")
        s.path.rename(kept)
        s.path.mkdir()  # exists, and open() of it raises IsADirectoryError: in the worker
        flushes.offload = True
        fid = eng.run_next_due()
        job = flushes.extracting
        assert fid is not None and job is not None and job.flush_id == fid
        assert job.done.wait(GUARD)
        assert isinstance(job.read_error, IsADirectoryError) and job.result is None
        assert flushes.take_extraction() is job
        eng.write_extracted(fid)
        (failed,) = [e for e in oc.events() if e["type"] == "memory.flush.failed"]
        assert failed["data"]["flush_id"] == fid and failed["data"]["will_retry"] is True
        assert "IsADirectoryError" in failed["data"]["error"]
        assert fid in flushes.pending and not oc.daily_logs()

        s.path.rmdir()
        kept.rename(s.path)
        flushes.pending[fid].not_before = 0.0  # the retry's back-off, skipped
        flushes.offload = False  # the retry inline: read and extracted again from the file
        eng.retry_pending()
        assert fid not in flushes.pending
    (log,) = oc.daily_logs().values()
    assert log.count(f"memoryd:flush id={fid} ") == 1 and log.count("02:30") == 1, log
    assert _types(oc, fid) == ["memory.flush.started", "memory.flush.failed", "memory.flush.completed"]


def test_a_bad_history_line_is_reported_once_by_a_flush_read_in_the_worker(oc: OpenClawFixture) -> None:
    """A first read passes history undecoded; the daemon's offloaded flush decodes the range in its
    worker, and the bad line is still reported (on the loop) as one ``source.error``."""
    oc.small_config()
    s = oc.session("agent:main:main", "88888888-bbbb-4bbb-8bbb-000000000001")
    s.user("Should we pin the Redis version?")
    s.assistant("Yes: we decided to pin Redis 7.2.", 9_000)
    bad_at = s.path.stat().st_size
    with s.path.open("ab") as fh:  # OpenClaw's head, a body that is not UTF-8
        fh.write(
            b'{"type":"message","id":"badbody2","parentId":null,"timestamp":"2026-11-21T10:00:09.000Z",'
            b'"message":{"role":"toolResult","content":"caf\xe9"}}\n'
        )
    s.assistant("Pinned in compose.yaml.", 9_500)
    oc.store("main", "agent:main:main", sessionId=s.session_id, contextTokens=32768, totalTokens=9_500)
    assert memoryd("run", "--once", "--config", str(oc.config_path)).returncode == 0
    assert not [e for e in oc.events() if e["type"] == "source.error"]  # passed undecoded

    daemon = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "daemon.started" for e in oc.events()[-5:]), "the daemon", GUARD)
        s.user("We decided to keep the nightly export at 02:00.")
        s.assistant("Agreed: the export stays at 02:00.", 20_000)  # past the flush point of 32k
        oc.store("main", "agent:main:main", totalTokens=20_000)
        wait_for(lambda: any(e["type"] == "memory.flush.completed" for e in oc.events()), "the flush", GUARD)
    finally:
        code, err = daemon.stop(signal.SIGTERM)
    assert code == 0, err
    events = oc.events()
    errors = [e["data"] for e in events if e["type"] == "source.error"]
    assert [(e["reason"], e["offset"], e["path"]) for e in errors] == [("invalid_utf8", bad_at, str(s.path))]
    assert "Redis 7.2" in "".join(oc.daily_logs().values())
