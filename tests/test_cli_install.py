"""The installed CLI, not the checkout: build the wheel, install it into a fresh venv, run the demo.

``memoryd demo`` once needed ``sample_workspace/`` beside the source tree and died with a traceback
after ``pip install .``. Offline and quick: the wheel is built without build isolation (hatchling
is a test dependency), the fresh venv gets no pip of its own (this venv's pip installs into it),
and its dependencies come from this venv through a ``.pth`` line, which adds the folder without
reading its own ``.pth`` files: the checkout's editable install stays out.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from daemon_helpers import clean_env

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


def _run(*cmd: str | Path, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH would put a checkout ahead of the wheel under test, and a passing run would then prove
    # nothing about what the wheel ships.
    env = clean_env(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(c) for c in cmd],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_the_wheel_ships_the_sample_and_its_demo_runs_from_an_empty_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = _run(
        sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", wheels, REPO
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("memoryd-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "memoryd/_sample/state/openclaw.json" in names
    assert "memoryd/_sample/workspace/MEMORY.md" in names

    venv = tmp_path / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = Path(
        _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    )
    (site / "deps-from-test-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel)
    assert installed.returncode == 0, installed.stderr

    empty = tmp_path / "empty"
    empty.mkdir()
    where = _run(python, "-c", "import memoryd; print(memoryd.__file__)", cwd=empty)
    assert Path(where.stdout.strip()).is_relative_to(venv), where  # the wheel's copy, not the checkout

    demo = _run(venv / "bin" / "memoryd", "demo", "--speed", "20", cwd=empty)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "Traceback" not in demo.stderr
    assert "memory.flush.completed" in demo.stdout
    assert "<!-- memoryd:flush id=fl-" in demo.stdout
    assert "MEMORY.md untouched: True" in demo.stdout
    assert list(empty.iterdir()) == []  # nothing left behind in the folder it ran from
