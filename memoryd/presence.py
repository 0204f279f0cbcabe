"""Which OpenClaw sessions exist on disk, whether or not memoryd can read them.

Tracking no session is normal on a fresh install, and a silent failure on one whose sessions are
in a place or a layout memoryd does not read. ``run``, ``status`` and ``doctor`` tell the two apart
with ``unseen_sessions``: a problem to report, or ``None``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SQLITE_GLOB = "agents/*/agent/openclaw-agent.sqlite"
TRANSCRIPT_GLOB = "agents/*/sessions/*.jsonl"
#: The engine's adapter for OpenClaw's SQLite store: present in a memoryd that reads that layout.
SQLITE_ADAPTER_MODULE = "memoryd.sources.sqlite_source"


@dataclass(frozen=True, slots=True)
class OnDisk:
    """What one OpenClaw state dir holds, counted without reading any session."""

    state_dir: Path
    exists: bool
    transcripts: int  # agents/*/sessions/*.jsonl, without trajectories and archives
    sqlite_stores: tuple[Path, ...]


def scan(state_dir: Path) -> OnDisk:
    if not state_dir.is_dir():
        return OnDisk(state_dir, False, 0, ())
    try:
        transcripts = sum(
            1 for p in state_dir.glob(TRANSCRIPT_GLOB) if not p.name.endswith(".trajectory.jsonl")
        )
        stores = tuple(sorted(state_dir.glob(SQLITE_GLOB)))
    except OSError:
        return OnDisk(state_dir, True, 0, ())
    return OnDisk(state_dir, True, transcripts, stores)


def sqlite_readable() -> bool:
    """Whether this memoryd reads OpenClaw's SQLite session store (OpenClaw >= 2026.8)."""
    return importlib.util.find_spec(SQLITE_ADAPTER_MODULE) is not None


def unseen_sessions(found: Sequence[OnDisk], tracked: int, *, sqlite: bool | None = None) -> str | None:
    """Why memoryd sees no session although the install has some (or cannot be there); else None."""
    if tracked > 0:
        return None
    missing = [f.state_dir for f in found if not f.exists]
    if missing:
        return (
            f"the OpenClaw state dir {missing[0]} does not exist, so memoryd watches nothing: "
            "set OPENCLAW_STATE_DIR or [openclaw] state_dir in memoryd's config"
        )
    stores = [s for f in found for s in f.sqlite_stores]
    can_sqlite = sqlite_readable() if sqlite is None else sqlite
    if stores and not can_sqlite:
        return (
            f"OpenClaw keeps its sessions in SQLite ({stores[0]}), which this memoryd does not read: "
            "it sees none of them"
        )
    files = sum(f.transcripts for f in found)
    if files and not stores:  # beside a store, transcript files are the era before it
        return (
            f"{files} transcript(s) under {found[0].state_dir}/agents/*/sessions/, but memoryd reads "
            "no session: none is listed in a readable sessions.json"
        )
    return None  # a SQLite store this memoryd reads, with no session yet, is a fresh install
