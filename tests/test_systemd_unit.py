"""The user unit, checked by the real ``systemd-analyze`` (skipped where systemd is not installed).

``--user`` mode needs ``$XDG_RUNTIME_DIR`` to set up its manager, even offline: a private temporary
folder stands in for ``/run/user/<uid>``. ``verify`` also checks that ExecStart's program exists, so
``$HOME`` (what ``%h`` expands to) is a temporary folder whose ``.local/bin/memoryd`` is this venv's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from memoryd.service import UNIT_NAME, render_unit

ANALYZE = shutil.which("systemd-analyze")
pytestmark = pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze is not installed")

REPO = Path(__file__).resolve().parent.parent
VENV_MEMORYD = Path(sys.executable).parent / "memoryd"
MAX_EXPOSURE = 3.0


@pytest.fixture
def analyze_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "memoryd").symlink_to(VENV_MEMORYD)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "LANG": "C.UTF-8"}


def _analyze(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assert ANALYZE is not None
    return subprocess.run([ANALYZE, *args], capture_output=True, text=True, env=env, timeout=60, check=False)


def _unit_file(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / UNIT_NAME  # verify wants the real unit name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", [["--user"], []], ids=["user", "system"])
def test_verify_prints_nothing_for_the_installed_unit(
    tmp_path: Path, analyze_env: dict[str, str], mode: list[str]
) -> None:
    unit = _unit_file(tmp_path / "unit", render_unit(str(VENV_MEMORYD)))
    result = _analyze(*mode, "verify", str(unit), env=analyze_env)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_verify_prints_nothing_for_the_shipped_unit(analyze_env: dict[str, str]) -> None:
    result = _analyze("--user", "verify", str(REPO / "systemd" / UNIT_NAME), env=analyze_env)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def _exposure(output: str) -> float:
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", output)
    assert match, output
    return float(match.group(1))


@pytest.mark.parametrize("mode", [["--user"], []], ids=["user", "system"])
def test_security_exposure_is_at_most_3(tmp_path: Path, analyze_env: dict[str, str], mode: list[str]) -> None:
    unit = _unit_file(tmp_path / "unit", render_unit(str(VENV_MEMORYD)))
    result = _analyze(*mode, "security", "--offline=yes", str(unit), env=analyze_env)
    assert result.returncode == 0, result.stderr
    assert _exposure(result.stdout) <= MAX_EXPOSURE
