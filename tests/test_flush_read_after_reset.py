"""A flush queued before a ``/new`` reads the archived transcript, not a missing file.

The flush's range is located on the loop and read in the extraction worker, maybe after the flushes
queued before it. On a loaded machine the real-run replay (``test_real_replay.py``) showed it:
OpenClaw's ``/new`` renamed the transcript to ``<file>.jsonl.reset.<ts>`` in between, the read
raised FileNotFoundError, and cycle 0's flush failed and waited for a retry.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import cast

import orjson
import pytest

from memoryd.sources.files import FileSource
from memoryd.sources.model import FlushRange, SourceHost


def _transcript(path: Path) -> int:
    lines = [orjson.dumps({"type": "session", "version": 3, "id": "s1", "timestamp": "2026-12-08T10:00:00Z"})]
    for n, (role, text) in enumerate(
        [("user", "go with Postgres"), ("assistant", "Going with Postgres.")], 1
    ):
        message = {"role": role, "content": [{"type": "text", "text": text}]}
        entry = {
            "type": "message",
            "id": f"{n:08x}",
            "timestamp": f"2026-12-08T10:00:0{n}.000Z",
            "message": message,
        }
        lines.append(orjson.dumps(entry))
    data = b"\n".join(lines) + b"\n"
    path.write_bytes(data)
    return len(data)


def _source() -> FileSource:
    return FileSource(cast(SourceHost, object()))  # the host is asked only about undecoded history


def test_a_range_taken_before_the_reset_is_read_from_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "s1.jsonl"
    end = _transcript(path)
    split = _source().split_read(FlushRange("main", "s1", 0, end, str(path)), None)
    os.rename(path, tmp_path / "s1.jsonl.reset.2026-12-08T10-05-00.000Z")  # what /new does
    got = split.read()
    assert [e.id for e in got.entries if e.id != "s1"][-2:] == ["00000001", "00000002"]


def test_an_archive_too_short_for_the_range_or_none_at_all_is_still_an_error(tmp_path: Path) -> None:
    path = tmp_path / "s1.jsonl"
    end = _transcript(path)
    split = _source().split_read(FlushRange("main", "s1", 0, end + 100, str(path)), None)
    os.rename(path, tmp_path / "s1.jsonl.reset.2026-12-08T10-05-00.000Z")
    with pytest.raises(FileNotFoundError):
        split.read()
    gone = tmp_path / "s2.jsonl"
    end = _transcript(gone)
    split = _source().split_read(FlushRange("main", "s2", 0, end, str(gone)), None)
    gone.unlink()
    with pytest.raises(FileNotFoundError):
        split.read()
