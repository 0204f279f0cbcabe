"""A journal plus the real socket server in an event loop on a helper thread, as the daemon runs them.

For client-side tests (``memoryd.client``, ``memoryd tail``): events are appended in the loop's
thread and made durable (published to subscribers) the way the daemon does after each step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
from anyio.abc import TaskStatus
from anyio.from_thread import BlockingPortal

from memoryd.sinks.journal import Journal
from memoryd.sinks.socket_server import SocketServer


async def _flush(session_key: str, reason: str | None) -> dict[str, Any]:
    return {"ok": True, "session_key": session_key, "reason": reason}


class JournalServer:
    """``start`` / ``stop`` (and start again: a daemon restart), ``append`` events while it runs."""

    def __init__(
        self,
        portal: BlockingPortal,
        sock: Path,
        log: Path,
        *,
        journal: dict[str, Any] | None = None,
        **server_options: Any,
    ) -> None:
        self.portal, self.sock, self.log = portal, sock, log
        self.journal_options = journal or {}
        self.server_options = server_options
        self.journal: Journal | None = None
        self.server: SocketServer | None = None

    def start(self) -> None:
        self.journal = Journal(self.log, **self.journal_options)
        self.journal.open()
        self.server = SocketServer(
            self.sock, self.journal, lambda: {"healthy": True}, _flush, **self.server_options
        )
        self.portal.start_task(self._serve)

    async def _serve(self, *, task_status: TaskStatus[None]) -> None:
        assert self.server is not None
        async with anyio.create_task_group() as tg:
            await self.server.start(tg)
            task_status.started()

    def stop(self) -> None:
        assert self.server is not None and self.journal is not None
        self.portal.call(self.server.aclose)
        self.journal.close()
        self.server = self.journal = None

    def append(
        self,
        n: int = 1,
        type_: str = "memory.flush.completed",
        *,
        session_key: str = "agent:main:main",
        data: dict[str, Any] | None = None,
    ) -> None:
        """``n`` events; every ten, a sync (they reach subscribers) and a turn of the loop."""
        self.portal.call(self._append, n, type_, session_key, data)

    async def _append(self, n: int, type_: str, session_key: str, data: dict[str, Any] | None) -> None:
        assert self.journal is not None
        for i in range(n):
            self.journal.append(type_, agent="main", session_key=session_key, data=data)
            if i % 10 == 9:
                self.journal.sync()
                await anyio.sleep(0)  # let the server send meanwhile
        self.journal.sync()
