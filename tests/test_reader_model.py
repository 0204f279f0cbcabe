"""A Hypothesis state machine: a writer does everything OpenClaw (and people) do to a transcript,
the reader restarts at random, and the model checks that no entry is lost or delivered twice."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from memoryd.sources.reader import TranscriptReader
from memoryd.sources.tail import Change, Cursor
from memoryd.sources.transcript import HistoryLines


class TranscriptMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="memoryd-model-"))
        self.path = self.dir / "s.jsonl"
        self.entries: list[dict[str, object]] = []  # the model: complete entries in the file, in order
        self.expected: list[str] = []  # every id ever written whole, in order: what must be delivered
        self.pending = b""  # a partial last line not yet completed
        self.pretty = False  # how the file is currently formatted (a "migration" flips it)
        self.delivered: list[str] = []
        self.clock = 0
        self.reads = 0
        self.n = 0
        self.reader = TranscriptReader(Cursor(str(self.path)))

    def teardown(self) -> None:
        for p in self.dir.iterdir():
            p.unlink()
        self.dir.rmdir()

    # -- helpers -----------------------------------------------------------------------------------
    def _line(self, entry: dict[str, object]) -> bytes:
        if self.pretty:
            return json.dumps(entry, separators=(", ", ": ")).encode() + b"\n"
        return json.dumps(entry, separators=(",", ":")).encode() + b"\n"

    def _content(self) -> bytes:
        header = {"type": "session", "version": 3, "id": "S"}
        return self._line(header) + b"".join(self._line(e) for e in self.entries)

    def _new_entry(self) -> dict[str, object]:
        self.n += 1
        return {
            "type": "message",
            "id": f"{self.n:08x}",
            "parentId": None,
            "timestamp": "t",
            "message": {"role": "user", "content": f"m{self.n}"},
        }

    def _read_all(self, advance: bool = True) -> None:
        for _ in range(100):
            if advance:
                self.clock += 10_000_000_000  # past the settle time: a short file is final
            # Every other read skims (as a first read does): runs of undecoded lines deliver the same ids.
            self.reads += 1
            batch = self.reader.read(now_ns=self.clock, skim_until=(1 << 62) * (self.reads % 2))
            for line in batch.lines:
                if isinstance(line, HistoryLines):
                    self.delivered.extend(line.ids)
                elif line.entry is not None and not line.replayed:
                    self.delivered.append(line.entry.id)
            if not batch.lines and batch.change is not Change.CONTENT_CHANGED:
                return
        raise AssertionError("reader did not settle")

    # -- rules -----------------------------------------------------------------------------------
    @initialize()
    def create(self) -> None:
        self.path.write_bytes(self._content())

    @rule(n=st.integers(1, 4))
    @precondition(lambda self: not self.pending)
    def append(self, n: int) -> None:
        with self.path.open("ab") as fh:
            for _ in range(n):
                e = self._new_entry()
                self.entries.append(e)
                self.expected.append(str(e["id"]))
                fh.write(self._line(e))

    @rule(cut=st.integers(1, 20))
    @precondition(lambda self: not self.pending)
    def append_partial(self, cut: int) -> None:
        e = self._new_entry()
        line = self._line(e)
        self.pending = line[cut:]
        self.entries.append(e)
        with self.path.open("ab") as fh:
            fh.write(line[:cut])

    @rule()
    @precondition(lambda self: bool(self.pending))
    def complete_partial(self) -> None:
        with self.path.open("ab") as fh:
            fh.write(self.pending)
        self.pending = b""
        self.expected.append(str(self.entries[-1]["id"]))

    @rule(read_in_between=st.booleans())
    @precondition(lambda self: not self.pending)
    def rewrite_in_place_same_bytes(self, read_in_between: bool) -> None:
        data = self.path.read_bytes()
        with self.path.open("r+b") as fh:
            fh.truncate(0)
            if read_in_between:
                self._read_all(advance=False)  # OpenClaw's empty instant
            fh.write(data)

    @rule(extra=st.integers(0, 2))
    @precondition(lambda self: not self.pending)
    def replace_by_rename(self, extra: int) -> None:
        for _ in range(extra):
            e = self._new_entry()
            self.entries.append(e)
            self.expected.append(str(e["id"]))
        tmp = self.dir / "s.jsonl.tmp"
        tmp.write_bytes(self._content())
        tmp.replace(self.path)

    @rule(in_place=st.booleans())
    @precondition(lambda self: not self.pending)
    def migrate_format(self, in_place: bool) -> None:
        """Same entries, different bytes (a format migration or repair)."""
        self.pretty = not self.pretty
        data = self._content()
        if in_place:
            self.path.write_bytes(data)
        else:
            tmp = self.dir / "s.jsonl.tmp"
            tmp.write_bytes(data)
            tmp.replace(self.path)

    @rule()
    @precondition(lambda self: not self.pending)
    def delete_and_recreate_same(self) -> None:
        data = self.path.read_bytes()
        self.path.unlink()
        self._read_all()
        self.path.write_bytes(data)

    @rule()
    @precondition(lambda self: not self.pending)
    def rotate_to_a_new_session(self) -> None:
        """The old file is archived (/new) and a new transcript with new entries takes its path."""
        os.replace(self.path, self.dir / f"s.jsonl.reset.{self.n}")
        self.entries = [self._new_entry()]
        self.expected.append(str(self.entries[0]["id"]))
        self.path.write_bytes(self._content())

    @rule()
    def restart_reader(self) -> None:
        saved = self.reader.cursor.to_json()
        self.reader = TranscriptReader(Cursor.from_json(saved), self.reader.last_entry_id)

    @rule()
    def read(self) -> None:
        self._read_all()

    @invariant()
    def nothing_lost_nothing_twice(self) -> None:
        self._read_all()
        assert self.delivered == self.expected


TestTranscriptMachine = TranscriptMachine.TestCase
TestTranscriptMachine.settings = settings(
    max_examples=60, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
