"""Shared fixtures: real temp folders and helpers that write OpenClaw-shaped files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from openclaw_fixture import OpenClawFixture

sys.path.insert(0, str(Path(__file__).parent))

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def oc(tmp_path: Path) -> Iterator[OpenClawFixture]:
    from openclaw_fixture import OpenClawFixture

    yield OpenClawFixture(tmp_path)
