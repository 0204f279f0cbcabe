"""Write an agent database the way OpenClaw 2026.9.6 does: its schema, one short commit per event,
``entry_json`` rewritten whole, a delete that removes every row of the key and adds an archive.

The rows themselves come from the real run in ``tests/data/samples/openclaw-real-2026.9.6-sqlite``
(``SampleRun``), read from a *copy* of its databases: even a read-only open rewrites ``-shm``.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import zstandard

SAMPLE = Path(__file__).parent / "data" / "samples" / "openclaw-real-2026.9.6-sqlite"
DB_NAME = "openclaw-agent.sqlite"
TABLES = (
    "schema_meta",
    "session_nodes",
    "session_windows",
    "transcript_events",
    "transcript_event_identities",
    "session_transcript_archives",
)


@dataclass(frozen=True)
class Row:
    """One ``transcript_events`` row as OpenClaw stored it (compressed or not), and its identity."""

    session_id: str
    seq: int
    event_json: str | None
    event_zstd: bytes | None
    event_utf8_bytes: int | None
    navigation_json: str | None
    created_at: int
    event_id: str
    event_type: str
    parent_id: str | None

    def obj(self) -> dict[str, Any]:
        if self.event_json is not None:
            return dict(orjson.loads(self.event_json))
        assert self.event_zstd is not None
        return dict(orjson.loads(zstandard.ZstdDecompressor().decompress(self.event_zstd)))


class SampleRun:
    """The real run's rows and row states, from a copy of the sample's state folder."""

    def __init__(self, scratch: Path) -> None:
        self.copy = scratch / "sample-state"
        shutil.copytree(SAMPLE / "state" / "agents", self.copy)
        self.trace = [orjson.loads(x) for x in (SAMPLE / "trace.jsonl").read_bytes().splitlines()]
        self.rows: dict[str, list[Row]] = {}
        self.schema: list[str] = []
        self.archive: dict[str, Any] = {}
        self.archive_file = next((SAMPLE / "state" / "agents" / "main" / "sessions").glob("*.zst"))
        for agent in ("main", "work"):
            conn = sqlite3.connect(f"file:{self.copy / agent / 'agent' / DB_NAME}?mode=ro", uri=True)
            try:
                if not self.schema:
                    self.schema = [
                        str(sql)
                        for (sql,) in conn.execute(
                            "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL"
                            f" AND tbl_name IN ({','.join('?' * len(TABLES))}) ORDER BY type DESC",
                            TABLES,
                        )
                    ]
                for r in conn.execute(
                    "SELECT e.session_id, e.seq, e.event_json, e.event_zstd, e.event_utf8_bytes,"
                    " e.navigation_json, e.created_at, i.event_id, i.event_type, i.parent_id"
                    " FROM transcript_events e JOIN transcript_event_identities i"
                    " ON i.session_id = e.session_id AND i.seq = e.seq ORDER BY e.session_id, e.seq"
                ):
                    self.rows.setdefault(str(r[0]), []).append(Row(*r))
                arch = conn.execute("SELECT * FROM session_transcript_archives").fetchall()
                if arch:
                    cols = [
                        d[0] for d in conn.execute("SELECT * FROM session_transcript_archives").description
                    ]
                    self.archive = dict(zip(cols, arch[0], strict=True))
            finally:
                conn.close()
        # The deleted session survives only in its archive: the full JSONL, line i = seq i.
        blob = bytes(self.archive["archive_blob"])
        with zstandard.ZstdDecompressor().stream_reader(blob) as reader:
            lines = reader.read().decode().splitlines()
        sid = str(self.archive["session_id"])
        created = int(self.archive["created_at"]) - 10_000
        for seq, line in enumerate(lines):
            obj = orjson.loads(line)
            self.rows.setdefault(sid, []).append(
                Row(
                    sid,
                    seq,
                    line,
                    None,
                    None,
                    None,
                    created + seq,
                    str(obj["id"]),
                    str(obj["type"]),
                    obj.get("parentId"),
                )
            )


class AgentWriter:
    """OpenClaw's writer connection to one agent database (WAL, one commit per change)."""

    def __init__(self, agent_dir: Path, schema: list[str], *, app_version: str = "2026.9.6") -> None:
        folder = agent_dir / "agent"
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / DB_NAME
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("BEGIN")
        for sql in schema:
            # octet_length() is SQLite 3.43+ (OpenClaw bundles 3.53); length() of the text is as strict here.
            self.conn.execute(sql.replace("octet_length(", "length("))
        now = _ms()
        self.conn.execute(
            "INSERT INTO schema_meta VALUES ('primary', 'agent', 23, ?, ?, ?, ?)",
            (agent_dir.name, app_version, now, now),
        )
        self.conn.execute("COMMIT")
        self._clock = 0

    def _tick(self) -> int:
        """Milliseconds that never repeat (OpenClaw's updated_at moves on every write)."""
        self._clock = max(_ms(), self._clock + 1)
        return self._clock

    def node(self, key: str, session_id: str, entry: dict[str, Any]) -> None:
        """Insert or rewrite a session row whole, and its window, in one commit."""
        now = self._tick()
        entry = {**entry, "sessionId": session_id, "updatedAt": now}
        with self._txn():
            self.conn.execute(
                "INSERT INTO session_nodes (session_key, current_session_id, entry_json, updated_at, status)"
                " VALUES (?, ?, ?, ?, 'done') ON CONFLICT(session_key) DO UPDATE SET"
                " current_session_id = excluded.current_session_id, entry_json = excluded.entry_json,"
                " updated_at = excluded.updated_at",
                (key, session_id, orjson.dumps(entry).decode(), now),
            )
            self._window(key, session_id, now)

    def _window(self, key: str, session_id: str, now: int) -> None:
        self.conn.execute(
            "INSERT INTO session_windows (session_id, session_key, created_at, updated_at, transcript_updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(session_id) DO UPDATE SET updated_at = excluded.updated_at,"
            " transcript_updated_at = excluded.transcript_updated_at",
            (session_id, key, now, now, now),
        )

    def event(self, key: str, row: Row) -> None:
        """Append one transcript event (OpenClaw commits each one alone)."""
        now = self._tick()
        with self._txn():
            self._window(key, row.session_id, now)
            self.conn.execute(
                "INSERT INTO transcript_events (session_id, seq, event_json, created_at, event_zstd,"
                " event_utf8_bytes, navigation_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    row.session_id,
                    row.seq,
                    row.event_json,
                    row.created_at,
                    row.event_zstd,
                    row.event_utf8_bytes,
                    row.navigation_json,
                ),
            )
            self.conn.execute(
                "INSERT INTO transcript_event_identities (session_id, event_id, seq, event_type, parent_id,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (row.session_id, row.event_id, row.seq, row.event_type, row.parent_id, row.created_at),
            )

    def delete(self, key: str, session_id: str, archive: dict[str, Any], archive_file: Path) -> None:
        """``sessions delete``: every row of the key goes at once, an archive row comes, then its file."""
        with self._txn():
            self.conn.execute("DELETE FROM transcript_event_identities WHERE session_id = ?", (session_id,))
            self.conn.execute("DELETE FROM transcript_events WHERE session_id = ?", (session_id,))
            self.conn.execute("DELETE FROM session_windows WHERE session_id = ?", (session_id,))
            self.conn.execute("DELETE FROM session_nodes WHERE session_key = ?", (key,))
            cols = ",".join(archive)
            self.conn.execute(
                f"INSERT INTO session_transcript_archives ({cols}) VALUES ({','.join('?' * len(archive))})",
                tuple(archive.values()),
            )
        sessions = self.path.parent.parent / "sessions"
        sessions.mkdir(exist_ok=True)
        tmp = sessions / f".{archive_file.name}.tmp"
        shutil.copyfile(archive_file, tmp)
        tmp.rename(sessions / archive_file.name)

    def close(self) -> None:
        self.conn.close()

    def _txn(self) -> _Txn:
        return _Txn(self.conn)


class _Txn:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _ms() -> int:
    return time.time_ns() // 1_000_000


class SyntheticSession:
    """A session written event by event in OpenClaw 2026.9's shapes: message, compaction, reset rows."""

    def __init__(self, writer: AgentWriter, key: str, session_id: str) -> None:
        self.w = writer
        self.key = key
        self.session_id = session_id
        self.seq = -1
        self.parent: str | None = None
        self.lifecycle = f"{session_id[:8]}-life-0"
        self.resets = 0
        self.entry: dict[str, Any] = {
            "compactionCount": 0,
            "contextTokens": 32768,
            "totalTokens": 0,
            "totalTokensFresh": True,
            "lifecycleRevision": self.lifecycle,
        }
        writer.node(key, session_id, self.entry)
        self._row({"type": "session", "version": 4, "id": session_id, "cwd": "/tmp"}, "session")

    def _row(self, obj: dict[str, Any], etype: str) -> str:
        self.seq += 1
        eid = obj.get("id") or f"{self.session_id[:8]}-{self.seq:05d}"
        body = {
            "type": obj["type"],
            "id": eid,
            **({"parentId": self.parent} if etype != "session" else {}),
            "timestamp": "2026-12-02T14:00:00.000Z",
            **{k: v for k, v in obj.items() if k not in ("type", "id")},
        }
        text = orjson.dumps(body).decode()
        self.w.event(
            self.key,
            Row(self.session_id, self.seq, text, None, None, None, _ms(), eid, etype, self.parent),
        )
        self.parent = eid
        return eid

    def update(self, **fields: Any) -> None:
        self.entry.update(fields)
        self.w.node(self.key, self.session_id, self.entry)

    def user(self, text: str) -> str:
        return self._row({"type": "message", "message": {"role": "user", "content": text}}, "message")

    def assistant(self, text: str, prompt: int, output: int = 100) -> str:
        usage = {
            "input": prompt,
            "output": output,
            "cacheRead": 0,
            "cacheWrite": 0,
            "totalTokens": prompt + output,
        }
        msg = {"role": "assistant", "content": [{"type": "text", "text": text}], "usage": usage, "model": "m"}
        eid = self._row({"type": "message", "message": msg}, "message")
        self.update(totalTokens=prompt, inputTokens=prompt)
        return eid

    def compaction(self, tokens_before: int, tokens_after: int = 2_000) -> str:
        eid = self._row(
            {
                "type": "compaction",
                "summary": "summary",
                "firstKeptEntryId": self.parent,
                "tokensBefore": tokens_before,
                "tokensAfter": tokens_after,
            },
            "compaction",
        )
        self.update(compactionCount=int(self.entry["compactionCount"]) + 1, totalTokens=tokens_after)
        return eid

    def reset(self) -> int:
        """``sessions.reset``: a reset event, then the row: count 0, tokens 0, a new lifecycleRevision."""
        seq = self.reset_event()
        self.reset_row()
        return seq

    def reset_event(self) -> int:
        self.resets += 1
        self._row({"type": "reset", "id": f"{self.resets:08x}", "reason": "reset"}, "reset")
        return self.seq

    def reset_row(self) -> None:
        self.lifecycle = f"{self.session_id[:8]}-life-{self.resets}"
        self.entry = {
            "compactionCount": 0,
            "contextTokens": 32768,
            "totalTokens": 0,
            "totalTokensFresh": True,
            "lifecycleRevision": self.lifecycle,
        }
        self.w.node(self.key, self.session_id, self.entry)
