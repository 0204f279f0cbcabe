"""Logging: readable on a terminal, JSON lines otherwise (journald), never transcript text.

Under systemd (``$JOURNAL_STREAM`` set) each line starts with a ``<N>`` priority prefix so that
journald files warnings and errors at the right level.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import structlog

_PRIORITY = {"debug": 7, "info": 6, "warning": 4, "error": 3, "critical": 2}


def _journald_prefix(_: Any, method: str, event: dict[str, Any]) -> dict[str, Any]:
    event["_priority"] = _PRIORITY.get(method, 6)
    return event


class _PrefixRenderer:
    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, logger: Any, method: str, event: dict[str, Any]) -> str:
        prio = event.pop("_priority", 6)
        return f"<{prio}>{self.inner(logger, method, event)}"


def configure(level: str = "info", *, stream: Any = None) -> None:
    stream = stream or sys.stderr
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    tty = hasattr(stream, "isatty") and stream.isatty()
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: Any
    if tty:
        renderer = structlog.dev.ConsoleRenderer(colors=not os.environ.get("NO_COLOR"))
    else:
        renderer = structlog.processors.JSONRenderer()
        if os.environ.get("JOURNAL_STREAM"):
            processors.append(_journald_prefix)
            renderer = _PrefixRenderer(renderer)
    structlog.configure(
        processors=[*processors, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )
    # watchfiles logs every batch at INFO; that is our job, not the user's.
    logging.getLogger("watchfiles").setLevel(logging.WARNING)
