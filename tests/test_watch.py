"""The watcher (``memoryd.sources.watch``) on real folders: which names matter, new folders watched at
once without losing what was written before the watch, folders deleted and made again, a kernel
queue overflow, and both watchers (inotify, watchfiles) as async sources."""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

import anyio
import pytest

from memoryd.sources import watch
from memoryd.sources.watch import Batch, InotifyTree, Role

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux only")


def _event(wd: int, mask: int, name: str) -> bytes:
    raw = name.encode()
    padded = raw + b"\0" * (16 - len(raw) % 16) if raw else b""
    return struct.pack("iIII", wd, mask, 0, len(padded)) + padded


def test_parse_events_reads_every_event_of_a_read() -> None:
    buf = (
        _event(1, watch.IN_MODIFY, "a.jsonl")
        + _event(2, watch.IN_CREATE | watch.IN_ISDIR, "ops")
        + _event(-1, watch.IN_Q_OVERFLOW, "")
    )
    evs = watch.parse_events(buf)
    assert [(e.wd, e.mask, e.name) for e in evs] == [
        (1, watch.IN_MODIFY, "a.jsonl"),
        (2, watch.IN_CREATE | watch.IN_ISDIR, "ops"),
        (-1, watch.IN_Q_OVERFLOW, ""),
    ]


@pytest.mark.parametrize(
    ("role", "name", "expected"),
    [
        (Role.SESSIONS, "sessions.json", True),
        (Role.SESSIONS, "0d3c.jsonl", True),
        (Role.SESSIONS, "0d3c.jsonl.reset.2026-11-21T10-00-00.000Z", True),
        (Role.SESSIONS, "0d3c.jsonl.deleted.2026-11-21T10-00-00.000Z.ab.zst", True),
        (Role.SESSIONS, "sessions.json.4242.x.tmp", False),
        (Role.SESSIONS, "openclaw-agent.sqlite-wal", False),
        (Role.STORE, "openclaw-agent.sqlite-wal", True),
        (Role.STORE, "openclaw-agent.sqlite", True),
        (Role.STORE, "openclaw-agent.sqlite-shm", False),
        (Role.STORE, "openclaw-agent.sqlite-journal", False),
        (Role.STORE, "openclaw-agent.generation-lock.sqlite", False),
        (Role.STORE, "openclaw-agent.generation-writer.sqlite-wal", False),
        (Role.STORE, "openclaw-agent.reindex-lock.sqlite", False),
        (Role.STORE, "openclaw-agent.memory-reindex-3f2a.sqlite", False),
        (Role.STORE, "a.jsonl", False),
        (Role.AGENT, "sessions.json", False),
    ],
)
def test_which_files_reach_the_engine(role: Role, name: str, expected: bool) -> None:
    assert watch.wanted(role, name) is expected


def test_folder_plan_finds_the_agents_their_sessions_and_store_folders(tmp_path: Path) -> None:
    state = tmp_path / "state"
    (state / "agents" / "main" / "sessions").mkdir(parents=True)
    (state / "agents" / "ops" / "agent").mkdir(parents=True)
    (state / "agents" / "ops" / "other").mkdir()
    (state / "workspace").mkdir()
    plan = watch.folder_plan([state, tmp_path / "missing"])
    assert plan == {
        state: Role.STATE,
        state / "agents": Role.AGENTS,
        state / "agents" / "main": Role.AGENT,
        state / "agents" / "main" / "sessions": Role.SESSIONS,
        state / "agents" / "ops": Role.AGENT,
        state / "agents" / "ops" / "agent": Role.STORE,
    }


def _tree(state: Path) -> InotifyTree:
    tree = watch.open_inotify([state])
    if tree is None:
        pytest.skip("inotify unavailable here")
    return tree


def _read(tree: InotifyTree) -> Batch:
    batch = Batch()
    tree.read(batch)  # the kernel queued every event when the syscall that caused it returned
    return batch


@linux_only
def test_a_new_agent_folder_and_what_was_written_in_it_before_its_watch(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    tree = _tree(state)
    try:
        assert not tree.sync()
        assert tree.folders == 1  # the state dir: agents/ does not exist yet
        sessions = state / "agents" / "ops" / "sessions"
        sessions.mkdir(parents=True)
        # Written before memoryd read the events of the folders above: no watch on sessions/ yet.
        (sessions / "s1.jsonl").write_text("{}\n")
        (sessions / "sessions.json").write_text("{}")
        (sessions / "sessions.json.1.tmp").write_text("{}")
        batch = _read(tree)
        assert batch.paths == {str(sessions / "s1.jsonl"), str(sessions / "sessions.json")}
        assert batch.new_folders == [(sessions, Role.SESSIONS)]
        assert batch.born_agents == {"ops"}
        assert not batch.rescan
        assert tree.folders == 4  # state, agents, agents/ops, its sessions

        with (sessions / "s1.jsonl").open("a") as fh:
            fh.write("{}\n")
        store = state / "agents" / "ops" / "agent"
        store.mkdir()
        (store / "openclaw-agent.sqlite-wal").write_bytes(b"x")
        (store / "openclaw-agent.sqlite-shm").write_bytes(b"x")
        batch = _read(tree)
        assert batch.paths == {str(sessions / "s1.jsonl"), str(store / "openclaw-agent.sqlite-wal")}
        assert batch.new_folders == [(store, Role.STORE)]
        with (store / "openclaw-agent.sqlite-wal").open("ab") as fh2:
            fh2.write(b"frame")
        assert _read(tree).paths == {str(store / "openclaw-agent.sqlite-wal")}
    finally:
        tree.close()


@linux_only
def test_a_sessions_folder_deleted_and_made_again_is_watched_again(tmp_path: Path) -> None:
    state = tmp_path / "state"
    sessions = state / "agents" / "main" / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "s1.jsonl").write_text("{}\n")
    tree = _tree(state)
    try:
        first = tree.sync()
        assert first.paths == {str(sessions / "s1.jsonl")}
        assert first.born_agents == set()  # there before the watcher: maybe history
        backup = tmp_path / "backup"
        shutil.copytree(sessions, backup)
        shutil.rmtree(sessions)
        assert _read(tree).paths == {str(sessions / "s1.jsonl")}  # deleted: the engine looks
        assert sessions not in tree.by_path
        shutil.copytree(backup, sessions)
        batch = _read(tree)
        assert str(sessions / "s1.jsonl") in batch.paths
        assert batch.born_agents == {"main"}
        with (sessions / "s1.jsonl").open("a") as fh:
            fh.write("{}\n")
        assert _read(tree).paths == {str(sessions / "s1.jsonl")}
        # Moved away and back (a rename): watched again under its name.
        os.rename(sessions, tmp_path / "aside")
        assert _read(tree).paths == set()
        os.rename(tmp_path / "aside", sessions)
        batch = _read(tree)
        assert str(sessions / "s1.jsonl") in batch.paths
        assert batch.born_agents == set()  # moved in: it may hold history
        (sessions / "s2.jsonl").write_text("{}\n")
        assert _read(tree).paths == {str(sessions / "s2.jsonl")}
    finally:
        tree.close()


@linux_only
def test_a_queue_overflow_asks_for_a_full_rescan(tmp_path: Path) -> None:
    limit = int(Path("/proc/sys/fs/inotify/max_queued_events").read_text())
    if limit > 200_000:
        pytest.skip(f"max_queued_events is {limit}: too many writes to overflow it in a test")
    sessions = tmp_path / "state" / "agents" / "main" / "sessions"
    sessions.mkdir(parents=True)
    tree = _tree(tmp_path / "state")
    try:
        tree.sync()
        fds = [os.open(sessions / f"s{i}.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND) for i in range(2)]
        try:
            # Alternate files: the kernel merges an event only with an identical one just before it.
            for n in range(limit + 100):
                os.write(fds[n % 2], b"{}\n")
        finally:
            for fd in fds:
                os.close(fd)
        batch = _read(tree)
        assert batch.rescan
        with (sessions / "s0.jsonl").open("a") as fh:  # the watches still work after it
            fh.write("{}\n")
        assert _read(tree).paths == {str(sessions / "s0.jsonl")}
    finally:
        tree.close()


async def _first_batch_with(source: object, path: str, make: object) -> Batch:
    """Collect batches (calling ``make`` once the watcher runs) until one holds ``path``."""
    assert hasattr(source, "__anext__") and callable(make)
    seen = Batch()
    made = False
    with anyio.fail_after(30):
        async for batch in source:  # type: ignore[attr-defined]
            seen.paths |= batch.paths
            seen.new_folders += batch.new_folders
            seen.born_agents |= batch.born_agents
            if path in seen.paths:
                return seen
            if not made:
                made = True
                make()
    raise AssertionError("the watcher ended")


def _make_agent(state: Path) -> Path:
    sessions = state / "agents" / "ops" / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "s1.jsonl").write_text("{}\n")
    return sessions


@pytest.mark.parametrize("backend", ["inotify", "watchfiles"])
def test_both_watchers_see_a_new_agent_folder_and_its_transcript(tmp_path: Path, backend: str) -> None:
    state = tmp_path / "state"
    (state / "agents" / "main" / "sessions").mkdir(parents=True)
    target = str(state / "agents" / "ops" / "sessions" / "s1.jsonl")

    async def main() -> Batch:
        if backend == "inotify":
            if not sys.platform.startswith("linux"):
                pytest.skip("inotify is Linux only")
            tree = _tree(state)
            source = watch.inotify_batches(tree, settle_ms=5, max_ms=30, timeout_s=0.2, resync_s=60)
        else:
            source = watch.watchfiles_batches([state], step_ms=5, debounce_ms=30, timeout_s=0.2, resync_s=60)
        try:
            return await _first_batch_with(source, target, lambda: _make_agent(state))
        finally:
            await source.aclose()

    batch = anyio.run(main)
    assert target in batch.paths
    assert (state / "agents" / "ops" / "sessions", Role.SESSIONS) in batch.new_folders
    assert "ops" in batch.born_agents
