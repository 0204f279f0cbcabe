"""Find one session by its key in whichever layout its agent has, and read its current entries.

For ``memoryd extract --session KEY`` (a dry run of a flush of that session, no daemon needed):
the same adapters' rules, offline. SQLite: the key's row, then the events after the last reset
(the current generation); files: the key's ``sessions.json`` entry and its transcript. Read-only
like the daemon: a database whose ``-wal``/``-shm`` are missing is not opened.
"""

from __future__ import annotations

from dataclasses import dataclass

from memoryd.config import Settings
from memoryd.sources.openclaw_config import AgentSource
from memoryd.sources.sqlite_store import AgentDb, Layout, PollStatus, db_path_for, probe_agent
from memoryd.sources.store import StoreUnreadable, read_store, resolve_session_file
from memoryd.sources.transcript import Entry, LineError, parse_lines


class SessionNotFound(LookupError):
    """No agent has this key (or its store cannot be read now: ``reason`` says which)."""


@dataclass(frozen=True, slots=True)
class SessionEntries:
    agent_id: str
    session_key: str
    session_id: str
    source: str  # "sqlite" or "files"
    location: str
    entries: list[Entry]
    errors: list[LineError]


def session_entries(settings: Settings, session_key: str) -> SessionEntries:
    """The current entries of ``session_key``; raises ``SessionNotFound``."""
    reasons: list[str] = []
    for agent in settings.agents:
        layout = probe_agent(agent.sessions_dir.parent)
        if Layout.SQLITE in layout.layouts:
            found = _from_sqlite(agent, session_key, reasons)
            if found is not None:
                return found
            if layout.db_not_ready is None:
                continue  # the SQLite store wins over an old sessions.json beside it
        found = _from_files(agent, session_key, reasons)
        if found is not None:
            return found
    detail = f" ({'; '.join(reasons)})" if reasons else ""
    raise SessionNotFound(f"no session with key {session_key!r}{detail}")


def _from_sqlite(agent: AgentSource, key: str, reasons: list[str]) -> SessionEntries | None:
    db = AgentDb(db_path_for(agent.sessions_dir.parent), cursors={})
    try:
        poll = db.poll(max_rows=1)
        if poll.status is PollStatus.NOT_READY:
            reasons.append(f"agent {agent.agent_id}: {poll.reason}")
            return None
        node = db.nodes.get(key)
        if node is None:
            return None
        got = db.read_range(node.session_id, 0, None)
    finally:
        db.close()
    events = [e for e in got.events if e.entry is not None]
    resets = [i for i, e in enumerate(events) if e.entry is not None and e.entry.type == "reset"]
    current = events[resets[-1] + 1 :] if resets else events
    errors = []
    for err in got.errors:
        exc = LineError(err.reason, err.detail)
        exc.offset = err.seq
        errors.append(exc)
    return SessionEntries(
        agent.agent_id,
        key,
        node.session_id,
        "sqlite",
        f"{db.db_path}#{node.session_id}",
        [e.entry for e in current if e.entry is not None],
        errors,
    )


def _from_files(agent: AgentSource, key: str, reasons: list[str]) -> SessionEntries | None:
    try:
        store, _ = read_store(agent.sessions_dir / "sessions.json")
    except StoreUnreadable as exc:
        if exc.reason != "missing":
            reasons.append(f"agent {agent.agent_id}: sessions.json {exc.reason}")
        return None
    se = store.get(key)
    if se is None:
        return None
    path, err = resolve_session_file(agent.sessions_dir, se)
    if path is None:
        reasons.append(f"agent {agent.agent_id}: {err}")
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SessionNotFound(f"{path}: {exc.strerror}") from None
    _, entries, errors = parse_lines(data)
    return SessionEntries(agent.agent_id, key, se.session_id, "files", str(path), entries, errors)
