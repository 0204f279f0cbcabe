"""``memoryd extract`` and ``memoryd eval`` use the configured extractor; ``--rules`` forces the rules.

Real subprocesses of the CLI, a real config file, and the local HTTP stub model of ``llm_stub``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from daemon_helpers import clean_env
from llm_stub import Reply, Stub, cited_ids, items_answer, serve

DEV = Path(__file__).parent / "data" / "eval" / "dev"
TRANSCRIPT = DEV / "01-invoice-due-date-test.jsonl"


@pytest.fixture
def stub() -> Iterator[Stub]:
    with serve() as state:
        yield state


def _good(request: dict[str, Any]) -> Reply:
    return items_answer(
        {
            "kind": "decision",
            "text": "Model: due dates are computed in UTC.",
            "entry_ids": cited_ids(request)[:2],
        },
        usage={"prompt_tokens": 640, "completion_tokens": 41},
    )


def _config(tmp_path: Path, stub: Stub) -> Path:
    cfg = tmp_path / "memoryd.toml"
    cfg.write_text(
        f'[flush]\nextractor = "llm"\n\n[llm]\nbase_url = "{stub.url}"\nmodel = "stub-model"\ndeadline = 20\n'
    )
    return cfg


def _memoryd(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = clean_env(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    return subprocess.run(
        [sys.executable, "-m", "memoryd", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_extract_uses_the_configured_model_and_rules_forces_the_rules(tmp_path: Path, stub: Stub) -> None:
    stub.replies = [_good]
    cfg = str(_config(tmp_path, stub))
    llm = _memoryd(tmp_path, "extract", str(TRANSCRIPT), "--config", cfg)
    assert llm.returncode == 0, llm.stderr
    assert "- Model: due dates are computed in UTC. (" in llm.stdout
    assert "extractor llm (model stub-model" in llm.stderr and "640 tokens in, 41 out" in llm.stderr
    assert len(stub.requests) == 1

    rules = _memoryd(tmp_path, "extract", str(TRANSCRIPT), "--config", cfg, "--rules")
    assert rules.returncode == 0, rules.stderr
    assert "Model:" not in rules.stdout and "extractor" not in rules.stderr
    assert len(stub.requests) == 1  # --rules asks no model
    unconfigured = _memoryd(tmp_path, "extract", str(TRANSCRIPT), "--json")
    assert unconfigured.returncode == 0 and "Model:" not in unconfigured.stdout
    as_json = _memoryd(tmp_path, "extract", str(TRANSCRIPT), "--config", cfg, "--json")
    texts = [json.loads(line)["text"] for line in as_json.stdout.splitlines()]
    assert "Model: due dates are computed in UTC." in texts


def test_extract_falls_back_to_the_rules_and_says_why(tmp_path: Path, stub: Stub) -> None:
    stub.replies = [Reply(500, b"{}")]
    cfg = str(_config(tmp_path, stub))
    failed = _memoryd(tmp_path, "extract", str(TRANSCRIPT), "--config", cfg)
    rules = _memoryd(tmp_path, "extract", str(TRANSCRIPT), "--config", cfg, "--rules")
    assert failed.returncode == 0, failed.stderr
    assert "extractor rules-fallback (http_500; model stub-model" in failed.stderr

    def bullets(out: str) -> list[str]:
        return [line for line in out.splitlines() if line.startswith("- ")]

    assert bullets(failed.stdout) == bullets(rules.stdout) and bullets(rules.stdout)


def test_eval_runs_the_configured_extractor_and_prints_which(tmp_path: Path, stub: Stub) -> None:
    split = tmp_path / "mini"
    split.mkdir()
    for path in (TRANSCRIPT, TRANSCRIPT.with_name(TRANSCRIPT.name.replace(".jsonl", ".gold.json"))):
        shutil.copy(path, split / path.name)
    stub.replies = [_good]
    cfg = str(_config(tmp_path, stub))

    llm = _memoryd(tmp_path, "eval", str(split), "--config", cfg)
    assert llm.returncode == 0, llm.stderr
    first, per_split, header = llm.stdout.splitlines()[:3]
    assert first.startswith("extractor: llm (stub-model at http://127.0.0.1:")
    assert (
        per_split.strip().startswith("mini: llm 1, rules-fallback 0") and "tokens in 640, out 41" in per_split
    )
    assert header.startswith("split")
    data = json.loads(_memoryd(tmp_path, "eval", str(split), "--config", cfg, "--json").stdout)
    assert data["extractor"]["name"] == "llm" and data["extractor"]["model"] == "stub-model"
    (t,) = data["splits"]["mini"]["transcripts"]
    assert t["extractor"] == "llm" and t["llm_tokens"] == {"in": 640, "out": 41}
    assert "Model: due dates are computed in UTC." in [p["text"] for p in t["predicted"]]
    asked = len(stub.requests)

    rules = _memoryd(tmp_path, "eval", str(split), "--config", cfg, "--rules")
    assert rules.returncode == 0, rules.stderr
    assert rules.stdout.splitlines()[0] == "extractor: rules"
    assert len(stub.requests) == asked

    stub.replies = [Reply(503, b"{}")]
    failed = _memoryd(tmp_path, "eval", str(split), "--config", cfg)
    assert "mini: llm 0, rules-fallback 1 (http_503 1)" in failed.stdout
    # The fallback scores exactly what the rules score.
    assert failed.stdout.splitlines()[3] == rules.stdout.splitlines()[2]
