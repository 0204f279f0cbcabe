"""Read ``sessions.json``, OpenClaw's session store.

OpenClaw replaces the file by temp file + rename several times per turn, so a reader can catch it
missing or (on other writers) half-written. ``read_store`` retries briefly and reports "unreadable"
rather than "empty": a store that cannot be read never means "all sessions deleted".
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Any

import orjson

#: A store larger than this is refused (a real one with skills snapshots is well under 1 MiB per key).
MAX_STORE_BYTES = 256 * 1024 * 1024
_WINDOWS_ABS = re.compile(r"^[A-Za-z]:[\\\\/]")


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """One ``compactionCheckpoints[]`` record: ties a store count rise to a compaction entry."""

    session_id: str | None
    entry_id: str | None
    first_kept_entry_id: str | None
    tokens_before: int | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class StoreEntry:
    key: str
    session_id: str
    session_file: str | None
    updated_at: int | None
    total_tokens: int | None
    total_tokens_fresh: bool
    context_tokens: int | None
    compaction_count: int
    memory_flush_at: int | None
    memory_flush_compaction_count: int | None
    checkpoints: tuple[Checkpoint, ...]
    usage_family_session_ids: tuple[str, ...]
    # SQLite era (OpenClaw >= 2026.7.2, ``sqlite_store``); ``None`` from ``sessions.json``.
    #: ``memoryFlush.kind`` ("succeeded", "failed"): OpenClaw's own flush of cycle
    #: ``memory_flush_compaction_count`` (this era has no ``memoryFlushAt``).
    memory_flush_kind: str | None = None
    #: ``lifecycleRevision``: new on every reset, which keeps the sessionId and zeroes compactionCount.
    lifecycle_revision: str | None = None
    session_started_at: int | None = None


class StoreUnreadable(Exception):
    """The store could not be read this time (missing mid-rename, torn, not JSON)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def _opt_int(v: Any) -> int | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    return int(v)


def _opt_str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


def checkpoints_of(raw: Mapping[str, Any]) -> list[Checkpoint]:
    """A session entry's ``compactionCheckpoints``, the same in ``sessions.json`` and SQLite's ``entry_json``."""
    cps: list[Checkpoint] = []
    raw_cps = raw.get("compactionCheckpoints")
    for cp in raw_cps if isinstance(raw_cps, list) else ():
        if not isinstance(cp, dict):
            continue
        post_raw = cp.get("postCompaction")
        post: dict[str, Any] = post_raw if isinstance(post_raw, dict) else {}
        cps.append(
            Checkpoint(
                session_id=_opt_str(cp.get("sessionId")),
                entry_id=_opt_str(post.get("entryId")),
                first_kept_entry_id=_opt_str(cp.get("firstKeptEntryId")),
                tokens_before=_opt_int(cp.get("tokensBefore")),
                reason=_opt_str(cp.get("reason")),
            )
        )
    return cps


def parse_store(data: bytes) -> dict[str, StoreEntry]:
    """Pure: bytes of ``sessions.json`` to entries. Keys without a ``sessionId`` are skipped."""
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise StoreUnreadable("invalid_json", str(exc)) from None
    if not isinstance(doc, dict):
        raise StoreUnreadable("not_an_object")
    out: dict[str, StoreEntry] = {}
    for key, raw in doc.items():
        if not isinstance(raw, dict):
            continue
        sid = _opt_str(raw.get("sessionId"))
        if sid is None:
            continue
        cps = checkpoints_of(raw)
        family = raw.get("usageFamilySessionIds")
        out[str(key)] = StoreEntry(
            key=str(key),
            session_id=sid,
            session_file=_opt_str(raw.get("sessionFile")),
            updated_at=_opt_int(raw.get("updatedAt")),
            total_tokens=_opt_int(raw.get("totalTokens")),
            total_tokens_fresh=raw.get("totalTokensFresh") is not False,
            context_tokens=_opt_int(raw.get("contextTokens")),
            compaction_count=_opt_int(raw.get("compactionCount")) or 0,
            memory_flush_at=_opt_int(raw.get("memoryFlushAt")),
            memory_flush_compaction_count=_opt_int(raw.get("memoryFlushCompactionCount")),
            checkpoints=tuple(cps),
            usage_family_session_ids=tuple(
                s for s in (family if isinstance(family, list) else []) if isinstance(s, str)
            ),
        )
    return out


def read_store(
    path: Path, attempts: int = 5, pause: float = 0.02
) -> tuple[dict[str, StoreEntry], os.stat_result]:
    """Read and parse the store, retrying through a rename or a torn write.

    Raises ``StoreUnreadable`` after ``attempts`` tries; the caller keeps the last good snapshot.
    """
    last: StoreUnreadable | None = None
    for i in range(attempts):
        try:
            with path.open("rb") as fh:
                st = os.fstat(fh.fileno())
                if st.st_size > MAX_STORE_BYTES:
                    raise StoreUnreadable("too_large", f"{st.st_size} bytes")
                data = fh.read()
            return parse_store(data), st
        except FileNotFoundError:
            last = StoreUnreadable("missing")
        except IsADirectoryError:
            raise StoreUnreadable("not_a_file") from None
        except PermissionError as exc:
            raise StoreUnreadable("permission_denied", str(exc)) from None
        except StoreUnreadable as exc:
            if exc.reason == "too_large":
                raise
            last = exc
        if i + 1 < attempts:
            time.sleep(pause * (i + 1))
    assert last is not None
    raise last


def resolve_session_file(sessions_dir: Path, entry: StoreEntry) -> tuple[Path | None, str | None]:
    """Where this entry's transcript is, inside ``sessions_dir`` only.

    Returns ``(path, None)`` or ``(None, reason)``. A ``sessionFile`` that points at a path that no
    longer exists but whose name is in our folder means the state dir was moved (the real sample
    was): the local file is used. A path that exists outside the folder, or a symlink out of it, is
    refused.
    """
    root = sessions_dir.resolve()
    default_name = f"{entry.session_id}.jsonl"
    if "/" in entry.session_id or entry.session_id in ("", ".", ".."):
        return None, "bad_session_id"
    candidates: list[Path] = []
    if entry.session_file:
        raw = entry.session_file
        if _WINDOWS_ABS.match(raw):
            # Written on another machine: only the file name can mean anything here.
            candidates.append(sessions_dir / PureWindowsPath(raw).name)
        else:
            given = Path(raw) if Path(raw).is_absolute() else sessions_dir / raw
            real = given.resolve()
            if real.parent == root or root in real.parents:
                return real, None
            if os.path.lexists(given):
                return None, "session_file_outside_sessions_dir"
            candidates.append(sessions_dir / given.name)
    candidates.append(sessions_dir / default_name)
    for cand in candidates:
        real = cand.resolve()
        if real.parent != root and root not in real.parents:
            return None, "session_file_symlink_outside"
        if real.exists():
            return real, None
    # Not there yet (OpenClaw creates the file on the first turn): track the expected path.
    return (sessions_dir / (Path(candidates[0]).name)).resolve(), None
