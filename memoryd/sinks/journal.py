"""The event log: append-only NDJSON, one ``write`` per event, ``seq`` 1, 2, 3 ... forever.

On open, a torn last line (a crash in the middle of a write) is cut off and kept beside the log
(``events.ndjson.torn-<time>``), so the log always parses line by line and ``seq`` continues from the
last whole event without a gap or a repeat.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from memoryd.events import envelope

Listener = Callable[[int, bytes, dict[str, Any]], None]


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.head_seq = 0
        self.oldest_seq = 1
        self.torn_bytes = 0
        self._fd: int | None = None
        self._dirty = False
        self.listeners: list[Listener] = []

    # -- lifecycle ---------------------------------------------------------------------------
    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._repair_tail()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        self.head_seq = self._last_seq()
        first = next(self.iter_since(0), None)
        self.oldest_seq = int(first[1]["seq"]) if first else self.head_seq + 1

    def close(self) -> None:
        if self._fd is not None:
            self.sync()
            os.close(self._fd)
            self._fd = None

    def _repair_tail(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CLOEXEC)
        except FileNotFoundError:
            return
        try:
            size = os.fstat(fd).st_size
            if size == 0:
                return
            if os.pread(fd, 1, size - 1) == b"\n":
                return
            # Find the last newline, scanning back in blocks.
            pos = size
            cut = 0
            while pos > 0:
                step = min(65536, pos)
                block = os.pread(fd, step, pos - step)
                nl = block.rfind(b"\n")
                if nl >= 0:
                    cut = pos - step + nl + 1
                    break
                pos -= step
            torn = os.pread(fd, size - cut, cut)
            keep = self.path.with_name(
                f"{self.path.name}.torn-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
            )
            with open(keep, "wb") as fh:
                fh.write(torn)
                fh.flush()
                os.fsync(fh.fileno())
            os.ftruncate(fd, cut)
            os.fsync(fd)
            self.torn_bytes = size - cut
        finally:
            os.close(fd)

    def _last_seq(self) -> int:
        try:
            with open(self.path, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if size == 0:
                    return 0
                back = min(size, 1 << 20)
                fh.seek(size - back)
                lines = fh.read().rstrip(b"\n").split(b"\n")
        except FileNotFoundError:
            return 0
        for line in reversed(lines):
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError:
                continue
            if isinstance(obj, dict) and isinstance(obj.get("seq"), int):
                return int(obj["seq"])
        return 0

    # -- writing -----------------------------------------------------------------------------
    def append(
        self,
        type_: str,
        *,
        agent: str | None = None,
        session_key: str | None = None,
        session_id: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Write one event with the next ``seq`` and tell the listeners; returns the event."""
        assert self._fd is not None, "journal not open"
        seq = self.head_seq + 1
        event = envelope(
            seq, type_, agent=agent, session_key=session_key, session_id=session_id, data=data or {}
        )
        line = orjson.dumps(event) + b"\n"
        written = os.write(self._fd, line)
        if written != len(line):
            raise OSError(f"short write to event log ({written} of {len(line)} bytes)")
        self.head_seq = seq
        self._dirty = True
        for listener in list(self.listeners):
            listener(seq, line, event)
        return event

    def sync(self) -> None:
        """``fdatasync`` what was appended since the last sync (once per batch)."""
        if self._fd is not None and self._dirty:
            os.fdatasync(self._fd)
            self._dirty = False

    # -- reading -----------------------------------------------------------------------------
    def iter_since(self, since: int) -> Iterator[tuple[bytes, dict[str, Any]]]:
        """Events with ``seq > since``, in order, as (line, event)."""
        try:
            fh = open(self.path, "rb")  # noqa: SIM115 - generator keeps it open while iterating
        except FileNotFoundError:
            return
        with fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    return  # a write in progress; the rest is not there yet
                try:
                    event = orjson.loads(raw)
                except orjson.JSONDecodeError:
                    continue
                if isinstance(event, dict) and isinstance(event.get("seq"), int) and event["seq"] > since:
                    yield raw, event
