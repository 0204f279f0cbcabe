"""The benchmark suite still runs: ``bench/run.py --quick`` exits 0 and writes every benchmark as JSON.

No timing is asserted here: the figures of a quick run on a shared machine mean little.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.run import BENCHMARKS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = set(BENCHMARKS)  # the suite's own list: every entry must run and write figures


def test_quick_bench_runs_and_writes_every_benchmark(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads(out.read_text())
    assert doc["quick"] is True
    by_name = {b["name"]: b for b in doc["benchmarks"]}
    assert set(by_name) == EXPECTED
    for bench in doc["benchmarks"]:
        assert bench["error"] is None, bench["error"]
        assert bench["figures"], bench["name"]
        for fig in bench["figures"]:
            assert isinstance(fig["value"], int | float), fig
            assert fig["unit"] and fig["name"]
            assert fig["repeats"] >= 1
            if fig["baseline"] is not None and fig["baseline"] != 0:
                assert fig["ratio"] is not None
    assert "| benchmark |" in proc.stdout  # the table
