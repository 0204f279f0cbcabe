"""Shared fixtures: real temp folders and helpers that write OpenClaw-shaped files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import structlog

if TYPE_CHECKING:
    from openclaw_fixture import OpenClawFixture

sys.path.insert(0, str(Path(__file__).parent))

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _structlog_reset() -> Iterator[None]:
    """Each test starts with structlog's defaults.

    ``logs.configure`` binds the stream it is given, or ``sys.stderr`` as it is then: under pytest
    that is the test's capture file, closed when the test ends. A worker thread of a later test that
    logs would write to it ("I/O operation on closed file") and fail a test that has no fault.
    """
    yield
    structlog.reset_defaults()


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def oc(tmp_path: Path) -> Iterator[OpenClawFixture]:
    from openclaw_fixture import OpenClawFixture

    yield OpenClawFixture(tmp_path)
