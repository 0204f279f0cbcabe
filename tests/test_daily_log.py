"""The daily log: appends only, a person's bytes intact, nothing outside the workspace."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from memoryd.flush.items import Item
from memoryd.flush.render import BlockMeta, markers_in, render_block
from memoryd.sinks.daily_log import OutsideWorkspace, append_block, editor_busy, has_marker

DAY = date(2026, 11, 21)


def _meta(fid: str = "fl-1") -> BlockMeta:
    return BlockMeta(
        fid, "agent:main:main", "922e9dd4-79e6", "threshold", 3, datetime(2026, 11, 21, 14, 5), "a1", "b2"
    )


def test_render_groups_by_kind_cites_and_marks() -> None:
    items = [
        Item("fact", "db-staging listens on 5433", ("e2",)),
        Item("decision", "Use IAM auth\nfor the export job", ("e1", "e3"), must_keep=True),
    ]
    text = render_block(_meta(), items)
    lines = text.splitlines()
    assert lines[0] == "## 14:05 · agent:main:main · threshold"
    assert lines[1].startswith("<!-- memoryd:flush id=fl-1 ") and lines[1].endswith("-->")
    assert text.index("### Decisions") < text.index("### Facts")
    assert "- Use IAM auth for the export job (922e9dd4:e1,e3)" in text
    assert markers_in(text) == {"fl-1"}
    assert "Nothing durable" in render_block(_meta(), [])


def test_append_keeps_human_text_byte_for_byte_and_adds_missing_newline(tmp_path: Path) -> None:
    mem = tmp_path / "memory"
    mem.mkdir()
    human = "# notes\n- mine, no final newline"
    (mem / "2026-11-21.md").write_text(human)
    append_block(tmp_path, DAY, render_block(_meta("fl-a"), []))
    append_block(tmp_path, DAY, render_block(_meta("fl-b"), []))
    text = (mem / "2026-11-21.md").read_text()
    assert text.startswith(human + "\n\n## ")
    assert markers_in(text) == {"fl-a", "fl-b"}
    assert has_marker(mem / "2026-11-21.md", "fl-b") and not has_marker(mem / "2026-11-21.md", "fl-c")


def test_refuses_symlinks_out_of_the_workspace(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (ws / "memory").symlink_to(elsewhere)
    with pytest.raises(OutsideWorkspace):
        append_block(ws, DAY, "x\n")
    assert list(elsewhere.iterdir()) == []


def test_editor_lock_and_fresh_changes_are_seen(tmp_path: Path) -> None:
    log = tmp_path / "2026-11-21.md"
    log.write_text("x")
    assert editor_busy(log) == "changed a moment ago"
    assert editor_busy(log, now=log.stat().st_mtime + 60) is None
    st = log.stat()
    assert editor_busy(log, ours=(st.st_size, st.st_mtime_ns)) is None  # our own append a moment ago
    (tmp_path / ".2026-11-21.md.swp").write_text("")
    assert editor_busy(log, now=log.stat().st_mtime + 60) == "editor lock .2026-11-21.md.swp"
