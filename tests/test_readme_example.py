"""The README's "What a flush writes" block is real output: rendered here from a committed sample
transcript through the real pipeline and compared with the README text, so the docs cannot drift.

Only the clock time and the flush id (which differ per run) are normalised.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from memoryd.flush.pipeline import content_of
from memoryd.flush.render import BlockMeta, render_block
from memoryd.sources.transcript import parse_lines

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_workspace/state/agents/main/sessions/7c1f3a52-9d4e-4b8a-a6f1-2e5d8c0b9a14.jsonl"


def _readme_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## What a flush writes", 1)[1]
    start = section.find("```markdown\n")  # the section's first block
    assert start >= 0, "README: no markdown block under 'What a flush writes'"
    body = section[start + len("```markdown\n") :]
    return body[: body.index("```\n")]


def _normalised(block: str) -> str:
    block = re.sub(r"^## \d\d:\d\d ·", "## HH:MM ·", block, flags=re.M)
    return re.sub(r"memoryd:flush id=[A-Za-z0-9_-]+", "memoryd:flush id=ID", block)


def rendered() -> str:
    _, entries, errors = parse_lines(SAMPLE.read_bytes())
    assert not errors
    content = content_of(entries, [])
    meta = BlockMeta(
        flush_id="fl-d2bff115c097471f",
        session_key="agent:main:main",
        session_id=SAMPLE.name.removesuffix(".jsonl"),
        trigger="threshold",
        cycle=2,
        local_time=datetime(2026, 11, 21, 14, 32),
        first_entry_id=entries[0].id,
        last_entry_id=entries[-1].id,
    )
    return render_block(meta, content.items)


def test_readme_flush_example_is_what_the_pipeline_writes() -> None:
    assert _normalised(_readme_block()) == _normalised(rendered())


if __name__ == "__main__":  # regenerate: python tests/test_readme_example.py
    print(rendered(), end="")
