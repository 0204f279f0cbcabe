"""The file layout (OpenClaw up to 2026.7.1, pi): ``sessions.json`` + one JSONL transcript per session.

Positions are byte offsets in the transcript. What is particular to this layout lives here: the
store replaced by rename several times a turn, transcripts rewritten in place once per reply,
renamed to ``.reset.<ts>`` / ``.deleted.<ts>`` archives on a reset or a delete, a key moving to a new
file after ``truncateAfterCompaction`` (a successor, not a reset), and a first read of history that
leaves most lines undecoded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import structlog

from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import (
    SessionState,
    end_session,
    finish_first_read,
    on_entry,
    on_history_lines,
    on_store,
    on_tick,
)
from memoryd.sources.model import FlushRange, RangeRead, SessionCursor, SourceHost, SplitRead, Tracked
from memoryd.sources.openclaw_config import AgentSource
from memoryd.sources.reader import READ_SLICE, ParsedLine, TranscriptReader
from memoryd.sources.store import StoreEntry, StoreUnreadable, read_store, resolve_session_file
from memoryd.sources.tail import Change, Cursor
from memoryd.sources.transcript import HistoryLines, parse_lines

log = structlog.get_logger("memoryd.sources.files")

_COMPACTION_NEEDLE = b'"type":"compaction"'
_NO_LIMIT = 1 << 62


@dataclass(slots=True)
class FileCursor:
    """Where a transcript was read up to, and the reader that continues from there."""

    cursor: Cursor
    version: int = 3
    history_until: int = 0  # transient: on first sight, lines ending at or before this are history
    reader: TranscriptReader | None = None

    def to_json(self) -> dict[str, Any]:
        return {**self.cursor.to_json(), "version": self.version}


def _fc(tr: Tracked) -> FileCursor:
    cur = tr.cursor
    assert isinstance(cur, FileCursor)
    return cur


def _reader(tr: Tracked) -> TranscriptReader:
    fc = _fc(tr)
    if fc.reader is None:
        fc.reader = TranscriptReader(fc.cursor, tr.state.last_entry_id)
    return fc.reader


def _file_ident(st: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file is still the one we read: device, inode, size, mtime."""
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _is_archive(path: str) -> bool:
    """OpenClaw's archive names: ``<file>.jsonl.reset.<ts>`` and ``<file>.jsonl.deleted.<ts>``."""
    name = os.path.basename(path)
    return ".jsonl.reset." in name or ".jsonl.deleted." in name


def _open_range(path: str, end: int) -> BinaryIO:
    """The transcript a flush reads, or its archive if OpenClaw renamed it since the flush was queued.

    The path is taken on the loop and read in the worker, maybe after a flush queued before it: a
    ``/new`` in between renames the transcript to ``<file>.reset.<ts>`` (the same bytes), and the read
    failed with FileNotFoundError, a ``memory.flush.failed`` and a retry (seen on a loaded machine).
    The newest archive of that name that holds the range is read instead.
    """
    try:
        return open(path, "rb")
    except FileNotFoundError:
        folder, base = os.path.split(path)
        try:
            names = sorted(n for n in os.listdir(folder) if n.startswith(base + ".") and _is_archive(n))
        except OSError:
            names = []
        for name in reversed(names):
            moved = os.path.join(folder, name)
            try:
                if os.path.getsize(moved) >= end:
                    return open(moved, "rb")
            except OSError:
                continue
        raise


def _count_compactions(path: str) -> int:
    """Compaction lines in a file, by a byte search (quotes inside JSON strings are escaped)."""
    n = 0
    try:
        with open(path, "rb") as fh:
            carry = b""
            while chunk := fh.read(READ_SLICE):
                buf = carry + chunk
                n += buf.count(_COMPACTION_NEEDLE)
                carry = buf[-(len(_COMPACTION_NEEDLE) - 1) :]
                n -= carry.count(_COMPACTION_NEEDLE)
    except OSError:
        return 0
    return n


class FileSource:
    """The ``sessions.json`` + JSONL adapter (see ``memoryd.sources.model.SourceAdapter``)."""

    name = "files"
    store_name = "sessions.json"

    def __init__(self, host: SourceHost) -> None:
        self.host = host
        self.stores: dict[str, dict[str, StoreEntry]] = {}
        self.store_idents: dict[str, tuple[int, int, int, int]] = {}

    # ------------------------------------------------------------------ the protocol
    def owns(self, agent: AgentSource) -> bool:
        return True  # the fallback: an agent with no newer layout is read from its files

    def gate_for(self, agent: AgentSource) -> GateSettings:
        return GateSettings(compaction=agent.compaction, lead_tokens=self.host.settings.lead_tokens)

    def cursor_from_json(self, obj: dict[str, Any], raw: dict[str, Any]) -> SessionCursor:
        return FileCursor(Cursor.from_json(obj), version=int(obj.get("version", raw.get("version", 3))))

    def location(self, tr: Tracked) -> str:
        return _fc(tr).cursor.path

    def compaction_checkpoints(self, tr: Tracked) -> tuple[Any, ...]:
        se = self.stores.get(tr.agent.agent_id, {}).get(tr.state.session_key)
        return se.checkpoints if se else ()

    def close(self) -> None:
        return None

    def unchanged(self, tr: Tracked) -> bool:
        cur = _fc(tr).cursor
        try:
            st = os.stat(cur.path)
        except OSError:
            return False
        return _file_ident(st) == (cur.dev, cur.ino, cur.size, cur.mtime_ns)

    def handle_paths(self, paths: set[str]) -> bool:
        """Stores first (they may add or reset sessions), then transcripts."""
        host = self.host
        by_dir: dict[str, AgentSource] = {
            str(a.sessions_dir.resolve()): a for a in host.agents.values() if host.layout_of(a) == self.name
        }
        stores: set[str] = set()
        transcripts: set[str] = set()
        for p in paths:
            agent = by_dir.get(str(Path(p).parent))
            if agent is None:
                continue
            name = Path(p).name
            if name == "sessions.json":
                stores.add(agent.agent_id)
            elif name.endswith(".jsonl"):
                transcripts.add(p)
        for agent_id in sorted(stores):
            self.refresh(host.agents[agent_id], only_changed=False)
        if transcripts:
            for tr in list(host.sessions.values()):
                if tr.source == self.name and _fc(tr).cursor.path in transcripts and not tr.state.ended:
                    self.read(tr)
        return bool(stores or transcripts)

    def read_range(self, rng: FlushRange, tr: Tracked | None) -> RangeRead:
        split = self.split_read(rng, tr)
        got = split.read()
        split.report(got)
        return got

    def split_read(self, rng: FlushRange, tr: Tracked | None) -> SplitRead:
        """Reading and parsing touch only the file; what the tracked session says is taken now, on the loop."""
        path = rng.location
        if not os.path.exists(path) and tr is not None:
            path = _fc(tr).cursor.path
        undecoded_until = tr.state.undecoded_until if tr is not None else 0

        def read() -> RangeRead:
            with _open_range(path, rng.end) as fh:
                fh.seek(rng.start)
                data = fh.read(max(0, rng.end - rng.start))
                first_line = 1
                if data and rng.start > 0:
                    fh.seek(0)
                    first_line = 1 + fh.read(rng.start).count(b"\n")
            _, entries, errors = parse_lines(data, first_line)
            return RangeRead(entries, errors)

        def report(got: RangeRead) -> None:
            if rng.start >= undecoded_until:
                return
            # Bad lines of history that the first read passed undecoded: reported when a flush decodes them.
            for err in got.errors:
                if err.offset is not None and err.head_readable and rng.start + err.offset < undecoded_until:
                    self.host.source_error(
                        rng.location, rng.start + err.offset, err.reason, err.detail, agent=rng.agent_id
                    )

        return SplitRead(read, report)

    # ------------------------------------------------------------------ the store
    def refresh(self, agent: AgentSource, *, only_changed: bool) -> bool:
        host = self.host
        path = agent.sessions_dir / "sessions.json"
        if not agent.sessions_dir.is_dir():
            return True
        if only_changed:
            try:
                ident: tuple[int, int, int, int] | None = _file_ident(os.stat(path))
            except OSError:
                ident = None
            if ident is not None and self.store_idents.get(agent.agent_id) == ident:
                return True
        if agent.agent_id not in host.seen_agents and not path.exists():
            # An agent that has never run: whatever appears later is new, not history.
            host.seen_agents.add(agent.agent_id)
            host.mark_dirty()
            return True
        try:
            entries, st_read = read_store(path)
            self.store_idents[agent.agent_id] = _file_ident(st_read)
        except StoreUnreadable as exc:
            if exc.reason == "missing" and agent.agent_id not in self.stores:
                return True  # no store yet: an agent that never ran
            # Keep the last good snapshot: an unreadable store never means "all sessions gone".
            host.source_error(str(path), 0, f"store_{exc.reason}", str(exc), agent=agent.agent_id)
            return False
        first_scan = host.history_allowed(agent.agent_id)
        now = host.clock()
        previous = self.stores.get(agent.agent_id, {})
        self.stores[agent.agent_id] = entries
        for key, se in entries.items():
            current = host.keys.get((agent.agent_id, key))
            if current == se.session_id:
                tr = host.sessions.get((agent.agent_id, current))
                if tr is not None and not tr.state.ended:
                    host.execute(tr, on_store(tr.state, se, self.gate_for(agent), now))
                continue
            if current is not None and current in se.usage_family_session_ids:
                self._successor(agent, current, se)
            elif current is not None:
                self._reset(agent, key, current, se)
            self._discover(agent, se, history=first_scan)
        for key in set(previous) - set(entries):
            self._key_removed(agent, key, previous[key])
        if first_scan:
            self._scan_archives(agent, entries)
        host.seen_agents.add(agent.agent_id)
        host.mark_dirty()
        return True

    def _discover(self, agent: AgentSource, se: StoreEntry, *, history: bool) -> None:
        with self.host.busy():
            self._discover_session(agent, se, history=history)

    def _discover_session(self, agent: AgentSource, se: StoreEntry, *, history: bool) -> None:
        host = self.host
        path, err = resolve_session_file(agent.sessions_dir, se)
        if err or path is None:
            host.source_error(
                se.session_file or se.session_id, 0, err or "unresolvable", agent=agent.agent_id
            )
            return
        existing = host.sessions.get((agent.agent_id, se.session_id))
        host.keys[(agent.agent_id, se.key)] = se.session_id
        if existing is not None:
            return
        st = SessionState(
            agent_id=agent.agent_id,
            session_key=se.key,
            session_id=se.session_id,
            context_tokens=se.context_tokens,
            store_count=se.compaction_count,
            live=not history,
        )
        prior = host.discovered.get((agent.agent_id, se.session_id))
        if prior is not None:
            # Seen before a crash that lost the checkpoint: the log says where history ended.
            history = bool(prior.get("first_sight"))
            until = int(prior.get("history_until") or 0)
        else:
            try:
                until = os.stat(path).st_size if history else 0
            except OSError:
                until = 0
        st.live = not history
        if st.live:
            # Seen from (near) its start: the store's count minus the file's compactions is where it began.
            # History is rebased on the store's count when the first read ends (finish_first_read).
            st.cycle = max(0, se.compaction_count - _count_compactions(str(path)))
        tr = Tracked(
            agent=agent,
            state=st,
            source=self.name,
            cursor=FileCursor(Cursor(str(path)), history_until=until),
        )
        host.sessions[(agent.agent_id, se.session_id)] = tr
        host.emit_for(
            tr,
            "session.discovered",
            {
                "path": str(path),
                "first_sight": history,
                "compaction_count": se.compaction_count,
                "history_until": until,
            },
        )
        self.read(tr)
        gate = self.gate_for(agent)
        if not st.live:
            host.execute(tr, finish_first_read(st, gate))
        host.execute(tr, on_store(st, se, gate, host.clock()))

    def _find_archive(self, tr: Tracked) -> str | None:
        """Where a renamed transcript went (``.reset.<ts>`` / ``.deleted.<ts>``), by inode first."""
        cur = _fc(tr).cursor
        folder = Path(cur.path).parent
        base = Path(cur.path).name
        try:
            names = sorted(n for n in os.listdir(folder) if n.startswith(base + "."))
        except OSError:
            return None
        for name in names:
            try:
                st = os.stat(folder / name)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == (cur.dev, cur.ino):
                return str(folder / name)
        archives = [n for n in names if ".reset." in n or ".deleted." in n]
        return str(folder / archives[-1]) if archives else None

    def _follow_rename(self, tr: Tracked) -> str | None:
        cur = _fc(tr).cursor
        if os.path.exists(cur.path):
            ident = os.stat(cur.path)
            if (ident.st_dev, ident.st_ino) == (cur.dev, cur.ino):
                return None
        archive = self._find_archive(tr)
        if archive:
            cur.path = archive
        return archive

    def _archived_path(self, tr: Tracked) -> str | None:
        """Where an ended session's transcript was archived: followed now, or already followed."""
        path = _fc(tr).cursor.path
        return self._follow_rename(tr) or (path if _is_archive(path) else None)

    def _reset(self, agent: AgentSource, key: str, old_sid: str, new: StoreEntry) -> None:
        host = self.host
        tr = host.sessions.get((agent.agent_id, old_sid))
        archived: str | None = None
        if tr is not None and not tr.state.ended:
            archived = self._archived_path(tr)
            self.read(tr)
        host.emit(
            "session.reset",
            {"old_session_id": old_sid, "new_session_id": new.session_id, "archived_path": archived},
            agent=agent.agent_id,
            session_key=key,
            session_id=new.session_id,
        )
        if tr is not None and not tr.state.ended:
            host.execute(tr, end_session(tr.state, "reset"))
            tr.state.ended = True
        host.keys.pop((agent.agent_id, key), None)

    def _successor(self, agent: AgentSource, old_sid: str, new: StoreEntry) -> None:
        """``truncateAfterCompaction``: the key moved to a new transcript because of a compaction.

        Not a reset: the old transcript's cycle ended in a compaction. If its file did not show the
        compaction entry, the store's count tells it; either way the unflushed cycle gets a late flush.
        """
        host = self.host
        tr = host.sessions.get((agent.agent_id, old_sid))
        if tr is None or tr.state.ended:
            return
        self._follow_rename(tr)
        self.read(tr)
        st = tr.state
        st.store_count = max(st.store_count or 0, new.compaction_count)
        if st.store_count > st.cycle:
            st.store_ahead_since = st.store_ahead_since or host.clock()
            host.execute(tr, on_tick(st, float("inf"), 0.0, new.checkpoints))
        st.ended = True

    def _key_removed(self, agent: AgentSource, key: str, last: StoreEntry) -> None:
        host = self.host
        sid = host.keys.get((agent.agent_id, key))
        tr = host.sessions.get((agent.agent_id, sid)) if sid else None
        if tr is None or os.path.exists(_fc(tr).cursor.path):
            return  # still on disk: keep reading it
        archived = self._archived_path(tr)
        host.emit(
            "session.deleted",
            {"old_session_id": last.session_id, "archived_path": archived},
            agent=agent.agent_id,
            session_key=key,
            session_id=last.session_id,
        )
        tr.state.ended = True
        host.keys.pop((agent.agent_id, key), None)

    def _scan_archives(self, agent: AgentSource, entries: dict[str, StoreEntry]) -> None:
        """First sight of an install: resets that happened before memoryd, read as history only."""
        host = self.host
        owner: dict[str, StoreEntry] = {}
        for se in entries.values():
            for cp in se.checkpoints:
                if cp.session_id and cp.session_id != se.session_id:
                    owner.setdefault(cp.session_id, se)
            for fam in se.usage_family_session_ids:
                owner.setdefault(fam, se)
        try:
            names = sorted(os.listdir(agent.sessions_dir))
        except OSError:
            return
        for name in names:
            if ".jsonl.reset." not in name:
                continue
            sid = name.split(".jsonl.reset.")[0]
            found = owner.get(sid)
            if found is None or (agent.agent_id, sid) in host.sessions:
                continue
            se = found
            st = SessionState(agent_id=agent.agent_id, session_key=se.key, session_id=sid)
            tr = Tracked(
                agent=agent,
                state=st,
                source=self.name,
                cursor=FileCursor(Cursor(str(agent.sessions_dir / name))),
            )
            host.sessions[(agent.agent_id, sid)] = tr
            self.read(tr)
            host.execute(tr, finish_first_read(st, self.gate_for(agent)))
            st.ended = True
            host.emit(
                "session.reset",
                {
                    "old_session_id": sid,
                    "new_session_id": se.session_id,
                    "archived_path": str(agent.sessions_dir / name),
                    "historical": True,
                },
                agent=agent.agent_id,
                session_key=se.key,
                session_id=se.session_id,
            )

    # ------------------------------------------------------------------ transcripts
    def read(self, tr: Tracked) -> None:
        """Read everything new in one transcript and apply it, slice by slice."""
        with self.host.busy():
            self._read_transcript(tr)

    def _read_transcript(self, tr: Tracked) -> None:
        host = self.host
        gate = self.gate_for(tr.agent)
        reader = _reader(tr)
        fc = _fc(tr)
        while True:
            st = tr.state
            # History (a first read) up to where memoryd first saw the file: read mostly undecoded.
            skim_until = 0 if st.live else (fc.history_until or _NO_LIMIT)
            batch = reader.read(max_bytes=READ_SLICE, skim_until=skim_until)
            for offset, reason, detail in batch.errors:
                host.source_error(fc.cursor.path, offset, reason, detail, agent=tr.agent.agent_id)
            if batch.anchor_lost is not None:
                host.source_error(
                    fc.cursor.path,
                    0,
                    "history_rewritten",
                    f"entry {batch.anchor_lost} vanished",
                    agent=tr.agent.agent_id,
                )
            if batch.change is Change.MISSING:
                if self._follow_rename(tr):
                    continue
                return
            if batch.change is Change.CONTENT_CHANGED:
                log.info("transcript.content_changed", path=fc.cursor.path)
            if not batch.lines:
                return
            for line in batch.lines:
                if isinstance(line, HistoryLines):
                    on_history_lines(st, line)
                else:
                    self._apply_line(tr, line, gate)
            host.mark_dirty()

    def _apply_line(self, tr: Tracked, line: ParsedLine, gate: GateSettings) -> None:
        host = self.host
        st = tr.state
        fc = _fc(tr)
        if line.replayed:
            # Changed bytes, same history: not new. Offsets we keep move to where entries are now.
            st.read_offset = line.end
            if line.entry is not None and line.entry.id == st.flushed_upto_entry:
                st.flushed_upto = line.end
            return
        if line.error is not None:
            host.source_error(
                fc.cursor.path, line.start, line.error.reason, line.error.detail, agent=tr.agent.agent_id
            )
            st.read_offset = line.end
            return
        if line.header is not None or line.entry is None:
            if line.header is not None:
                fc.version = line.header.version
            st.read_offset = line.end
            return
        if not st.live and not st.ended and line.end > fc.history_until and fc.history_until > 0:
            # The first line written after memoryd first saw this session: from here on, live.
            host.execute(tr, finish_first_read(st, gate))
        effects = on_entry(st, line.entry, line.start, line.end, gate)
        if line.entry.type == "compaction" and effects:
            tr.last_compaction = {"entry_id": line.entry.id, "cycle": st.cycle, "time": line.entry.timestamp}
        host.execute(tr, effects)


ADAPTER = FileSource
PRIORITY = 100  # the fallback: an agent no other adapter owns is read from its files
