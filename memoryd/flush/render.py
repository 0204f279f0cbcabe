"""Render one flush as a Markdown block for the daily log (pure).

The block is what a person reads tomorrow: a ``##`` heading (local time, session key, trigger), an
invisible one-line marker that carries the flush id (so a replay can tell the block is already
there), then short bullets grouped by kind, each citing ``<session>:<entry ids>``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from memoryd.flush.items import KIND_TITLES, KINDS, Item

MARKER_PREFIX = "<!-- memoryd:flush id="
_MARKER_RE = re.compile(r"<!-- memoryd:flush id=([A-Za-z0-9_-]+)")
_NEWLINES = re.compile(r"\s*\n\s*")


@dataclass(frozen=True, slots=True)
class BlockMeta:
    flush_id: str
    session_key: str
    session_id: str
    trigger: str
    cycle: int
    local_time: datetime
    first_entry_id: str | None
    last_entry_id: str | None


def marker_line(meta: BlockMeta) -> str:
    span = f"{meta.first_entry_id or '-'}..{meta.last_entry_id or '-'}"
    return (
        f"{MARKER_PREFIX}{meta.flush_id} session={meta.session_id} cycle={meta.cycle} "
        f"trigger={meta.trigger} entries={span} -->"
    )


def markers_in(text: str) -> set[str]:
    """Flush ids whose marker is in ``text``."""
    return set(_MARKER_RE.findall(text))


def _citation(session_id: str, entry_ids: Sequence[str]) -> str:
    ids = ",".join(entry_ids[:4]) + ("…" if len(entry_ids) > 4 else "")
    return f"({session_id[:8]}:{ids})" if ids else f"({session_id[:8]})"


def _one_line(text: str) -> str:
    return _NEWLINES.sub(" ", text).strip()


def render_block(meta: BlockMeta, items: Sequence[Item]) -> str:
    """The block, ending in one newline; never empty (an empty flush still leaves its marker)."""
    stamp = meta.local_time.strftime("%H:%M")
    lines = [f"## {stamp} · {meta.session_key} · {meta.trigger}", marker_line(meta), ""]
    if not items:
        lines.append("_Nothing durable since the previous flush._")
    for kind in KINDS:
        group = [i for i in items if i.kind == kind]
        if not group:
            continue
        lines.append(f"### {KIND_TITLES[kind]}")
        lines.extend(f"- {_one_line(i.text)} {_citation(meta.session_id, i.entry_ids)}" for i in group)
        lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
