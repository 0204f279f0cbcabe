"""The v1 event envelope and the identity of an event.

Every event memoryd writes has the same envelope (``contracts.md``). ``event_key`` names what an
event is *about*, so that re-deriving the same fact after a crash (reading the same transcript bytes
again) is recognised and not written twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

SCHEMA_VERSION: Final = 1

EVENT_TYPES: Final[frozenset[str]] = frozenset(
    {
        "daemon.started",
        "daemon.stopped",
        "session.discovered",
        "session.reset",
        "session.deleted",
        "memory.threshold.crossed",
        "memory.flush.started",
        "memory.flush.completed",
        "memory.flush.failed",
        "memory.flush.skipped",
        "memory.compacted",
        "runtime.flush.observed",
        "source.error",
        "memory.conflict",
    }
)


def utc_now_rfc3339() -> str:
    """RFC 3339 in UTC with microseconds, as the envelope's ``time``."""
    return datetime.now(UTC).isoformat(timespec="microseconds")[:-6] + "Z"  # "+00:00" -> "Z"; ~2x strftime


def envelope(
    seq: int,
    type_: str,
    *,
    agent: str | None,
    session_key: str | None,
    session_id: str | None,
    data: dict[str, Any],
    time: str | None = None,
) -> dict[str, Any]:
    return {
        "v": SCHEMA_VERSION,
        "seq": seq,
        "type": type_,
        "time": time or utc_now_rfc3339(),
        "agent": agent,
        "session_key": session_key,
        "session_id": session_id,
        "data": data,
    }


def event_key(
    type_: str, session_key: str | None, session_id: str | None, data: dict[str, Any]
) -> str | None:
    """What fact an event reports, or None for events that are never deduplicated.

    ``data["epoch"]`` (a generation of a session id that outlived a reset, see
    ``SessionState.epoch``) is part of the session's identity when set.
    """
    sid = session_id or ""
    epoch = data.get("epoch")
    if epoch:
        sid = f"{sid}@{epoch}"
    if type_ in ("memory.flush.started", "memory.flush.completed"):
        return f"{type_}|{data.get('flush_id')}"
    if type_ == "memory.compacted":
        return f"{type_}|{sid}|{data.get('compaction_count')}"
    if type_ in ("memory.threshold.crossed", "runtime.flush.observed"):
        return f"{type_}|{sid}|{data.get('cycle')}"
    if type_ == "session.discovered":
        return f"{type_}|{session_key}|{sid}"
    if type_ in ("session.reset", "session.deleted"):
        return f"{type_}|{session_key}|{data.get('old_session_id')}{'@' + str(epoch) if epoch else ''}"
    if type_ == "source.error":
        return f"{type_}|{data.get('path')}|{data.get('offset')}|{data.get('reason')}"
    if type_ == "memory.flush.skipped" and data.get("trigger") != "manual":
        return f"{type_}|{sid}|{data.get('cycle')}|{data.get('trigger')}"
    return None
