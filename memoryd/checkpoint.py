"""memoryd's checkpoint: reader offsets and session states, written atomically.

The event log is the write-ahead log; the checkpoint is a cache of where reading stopped. It
records the ``seq`` it is consistent with, so on start the events after that ``seq`` are replayed
(see ``docs/exactly-once.md``): a checkpoint that is a little behind costs some re-reading, never a
repeated event or flush.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

VERSION = 2
#: Older versions this one reads. 1: every session was a file-layout one (no ``source``; the
#: transcript cursor and the header's ``version`` beside it); 2 adds ``source`` per session, its
#: adapter's cursor under ``cursor``, and ``layouts`` (agent -> adapter).
READS = frozenset({1, 2})


@dataclass(slots=True)
class CheckpointData:
    journal_seq: int = 0
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)  # "<agent>/<sid>" -> tracked
    keys: dict[str, str] = field(default_factory=dict)  # "<agent>\t<session_key>" -> session id
    seen_agents: list[str] = field(default_factory=list)
    pending_flushes: dict[str, dict[str, Any]] = field(default_factory=dict)
    layouts: dict[str, str] = field(default_factory=dict)  # agent id -> source adapter name


def load(path: Path) -> CheckpointData:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return CheckpointData()
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        # Written by rename, so this is not a torn write: someone edited it. Start over; the
        # event log still prevents repeats.
        return CheckpointData()
    if not isinstance(obj, dict) or obj.get("version") not in READS:
        return CheckpointData()
    sessions = dict(obj.get("sessions", {}))
    if obj["version"] == 1:
        sessions = {k: _session_from_v1(v) for k, v in sessions.items() if isinstance(v, dict)}
    return CheckpointData(
        journal_seq=int(obj.get("journal_seq", 0)),
        sessions=sessions,
        keys=dict(obj.get("keys", {})),
        seen_agents=list(obj.get("seen_agents", [])),
        pending_flushes=dict(obj.get("pending_flushes", {})),
        layouts={str(k): str(v) for k, v in dict(obj.get("layouts", {})).items()},
    )


def _session_from_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """A version-1 session record in version 2's shape: a file-layout session."""
    cursor = dict(raw.get("cursor") or {})
    cursor.setdefault("version", int(raw.get("version", 3)))
    return {**raw, "source": "files", "cursor": cursor}


def save(path: Path, data: CheckpointData) -> None:
    """Write to a temp file, fsync, rename over, fsync the folder."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    doc = {
        "version": VERSION,
        "journal_seq": data.journal_seq,
        "sessions": data.sessions,
        "keys": data.keys,
        "seen_agents": data.seen_agents,
        "pending_flushes": data.pending_flushes,
        "layouts": data.layouts,
    }
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, orjson.dumps(doc))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dfd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)
