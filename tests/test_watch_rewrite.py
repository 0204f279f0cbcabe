"""A rewrite that keeps a transcript's size and mtime (a filesystem with 1-second mtimes): the
reconcile's ``stat`` cannot tell it happened, but the watcher hears the write, and the read it
triggers checks what was consumed even though size and mtime did not move."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from memoryd.sources import watch
from memoryd.sources.tail import Change, Cursor, read_raw


def _same_size_rewrite(p: Path, data: bytes) -> None:
    st = p.stat()
    with p.open("r+b") as fh:
        fh.write(data)
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))  # what a 1-second mtime leaves


def test_a_rewrite_keeping_size_and_mtime_is_seen_by_the_next_read(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')
    cur = Cursor(str(p))
    assert read_raw(cur, now_ns=time.time_ns()).change is Change.NEW
    before = (p.stat().st_size, p.stat().st_mtime_ns)
    _same_size_rewrite(p, b'{"h":1}\n{"a":2}\n')
    assert (p.stat().st_size, p.stat().st_mtime_ns) == before
    res = read_raw(cur, now_ns=time.time_ns())
    assert res.change is Change.CONTENT_CHANGED
    assert res.datas == [b'{"h":1}', b'{"a":2}']
    # And a read with nothing changed at all is still nothing.
    assert read_raw(cur, now_ns=time.time_ns()).change is Change.NONE


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux only")
def test_the_watcher_hears_a_rewrite_keeping_size_and_mtime(tmp_path: Path) -> None:
    sessions = tmp_path / "state" / "agents" / "main" / "sessions"
    sessions.mkdir(parents=True)
    p = sessions / "s1.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')
    tree = watch.open_inotify([tmp_path / "state"])
    if tree is None:
        pytest.skip("inotify unavailable here")
    try:
        tree.sync()
        _same_size_rewrite(p, b'{"h":1}\n{"a":2}\n')
        batch = watch.Batch()
        tree.read(batch)
        assert batch.paths == {str(p)}
    finally:
        tree.close()


def test_the_watchfiles_fallback_hears_a_rewrite_keeping_size_and_mtime(tmp_path: Path) -> None:
    """The same through the fallback watcher (macOS, the BSDs, inotify out of watches), at its idle
    poll step: the first change after a quiet spell."""
    import anyio

    sessions = tmp_path / "state" / "agents" / "main" / "sessions"
    sessions.mkdir(parents=True)
    p = sessions / "s1.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')

    async def main() -> set[str]:
        source = watch.watchfiles_batches(
            [tmp_path / "state"], step_ms=5, debounce_ms=30, timeout_s=0.2, resync_s=60
        )
        seen: set[str] = set()
        rewritten = False
        try:
            with anyio.fail_after(30):
                async for batch in source:
                    if rewritten:
                        seen |= batch.paths
                        if seen:
                            return seen
                    elif batch.paths == set() and not batch.new_folders:  # started: a timeout's beat
                        _same_size_rewrite(p, b'{"h":1}\n{"a":2}\n')
                        rewritten = True
        finally:
            await source.aclose()
        raise AssertionError("the watcher ended")

    assert anyio.run(main) == {str(p)}
