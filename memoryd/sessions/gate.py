"""The flush gate: OpenClaw's own arithmetic, run a little earlier.

OpenClaw flushes memory when ``projected >= window - reserve - softThresholdTokens`` and compacts
soon after. memoryd subtracts a *lead* so it flushes about one turn before that. The lead stays
below half of ``keepRecentTokens`` (what a compaction keeps verbatim) and below 1/16 of the window,
so whatever is still unflushed when the compaction comes is among the entries the compaction keeps,
and rides with the next flush.

The reserve depends on OpenClaw's era, which the source adapter chooses (``GateSettings.era``):

* ``2026.7`` (up to 2026.7.1, the file layout): ``reserveTokensFloor`` from the config, one
  threshold for the flush and the compaction;
* ``2026.9`` (2026.9.x, the SQLite store): the reserve is automatic, ``min(20000, window / 4)``
  (``reserveTokensFloor`` retired); OpenClaw flushes at ``window - reserve - soft`` and compacts
  at ``window - reserve``. The flush point is below both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from memoryd.sources.openclaw_config import DEFAULT_CONTEXT_WINDOW, CompactionSettings

Era = Literal["2026.7", "2026.9"]
#: 2026.9.x: the automatic reserve is min(AUTO_RESERVE_CAP, window // 4).
AUTO_RESERVE_CAP = 20_000


@dataclass(frozen=True, slots=True)
class GateSettings:
    compaction: CompactionSettings
    lead_tokens: int = 8192
    era: Era = "2026.7"


@dataclass(frozen=True, slots=True)
class Pressure:
    """One session's context pressure, as ``memoryd status`` shows it."""

    window: int
    projected: int
    threshold: int | None  # OpenClaw's own flush threshold; None when token flushes are off
    flush_point: int | None  # memoryd's: threshold - lead
    lead: int

    @property
    def due(self) -> bool:
        return self.flush_point is not None and self.projected >= self.flush_point


def effective_window(context_tokens: int | None, settings: GateSettings) -> int:
    window = context_tokens if context_tokens and context_tokens > 0 else DEFAULT_CONTEXT_WINDOW
    cap = settings.compaction.context_tokens_cap
    return min(window, cap) if cap else window


def reserve_tokens(window: int, comp: CompactionSettings, era: Era = "2026.7") -> int:
    """The tokens OpenClaw keeps free below the window, in this era."""
    if era == "2026.9":
        return min(AUTO_RESERVE_CAP, window // 4)
    return comp.reserve_tokens_floor


def openclaw_threshold(window: int, comp: CompactionSettings, era: Era = "2026.7") -> int | None:
    """OpenClaw's memory-flush threshold (in 2026.7 also its compaction threshold)."""
    t = window - reserve_tokens(window, comp, era) - comp.soft_threshold_tokens
    return t if t > 0 else None


def compaction_threshold(window: int, comp: CompactionSettings, era: Era = "2026.7") -> int | None:
    """Where OpenClaw compacts: ``window - reserve`` in 2026.9; the flush threshold in 2026.7."""
    if era == "2026.9":
        t = window - reserve_tokens(window, comp, era)
        return t if t > 0 else None
    return openclaw_threshold(window, comp, era)


def effective_lead(window: int, settings: GateSettings) -> int:
    keep = settings.compaction.keep_recent_tokens
    return max(0, min(settings.lead_tokens, keep // 2, window // 16))


def projected_tokens(prompt: int, output: int, store_total: int | None) -> int:
    """``max(fresh store totalTokens, prompt) + output``: OpenClaw's projection without the next message."""
    return max(store_total or 0, prompt) + output


def pressure(
    *, context_tokens: int | None, prompt: int, output: int, store_total: int | None, settings: GateSettings
) -> Pressure:
    window = effective_window(context_tokens, settings)
    threshold = openclaw_threshold(window, settings.compaction, settings.era)
    lead = effective_lead(window, settings)
    point = max(1, threshold - lead) if threshold is not None else None
    return Pressure(
        window=window,
        projected=projected_tokens(prompt, output, store_total),
        threshold=threshold,
        flush_point=point,
        lead=lead,
    )


def transcript_bytes_due(size: int, settings: GateSettings) -> bool:
    limit = settings.compaction.force_flush_transcript_bytes
    return limit > 0 and size >= limit
