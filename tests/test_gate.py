"""The gate's arithmetic against OpenClaw's own numbers."""

from __future__ import annotations

from memoryd.sessions.gate import GateSettings, effective_lead, pressure, transcript_bytes_due
from memoryd.sources.openclaw_config import CompactionSettings

DEFAULT = GateSettings(CompactionSettings())


def test_default_threshold_is_openclaws_176000_minus_lead() -> None:
    p = pressure(context_tokens=None, prompt=0, output=0, store_total=None, settings=DEFAULT)
    assert (p.window, p.threshold, p.lead, p.flush_point) == (200_000, 176_000, 8192, 176_000 - 8192)


def test_projected_takes_the_larger_of_store_and_prompt_plus_output() -> None:
    p = pressure(context_tokens=200_000, prompt=150_000, output=900, store_total=160_000, settings=DEFAULT)
    assert p.projected == 160_900
    p2 = pressure(context_tokens=200_000, prompt=170_000, output=900, store_total=None, settings=DEFAULT)
    assert p2.projected == 170_900 and p2.due


def test_lead_stays_below_half_of_keep_recent_and_scales_with_small_windows() -> None:
    small = GateSettings(CompactionSettings(reserve_tokens_floor=8192, keep_recent_tokens=2000))
    assert effective_lead(32_768, small) == 1000
    assert effective_lead(32_768, GateSettings(CompactionSettings())) == 2048  # window / 16
    assert effective_lead(200_000, GateSettings(CompactionSettings(), lead_tokens=0)) == 0


def test_real_2026_7_1_sample_numbers() -> None:
    """32k window, floor 8192, soft 4000, keepRecent 2000 (RUN-INFO.txt): OpenClaw flushes at 20576."""
    s = GateSettings(
        CompactionSettings(reserve_tokens_floor=8192, soft_threshold_tokens=4000, keep_recent_tokens=2000)
    )
    p = pressure(context_tokens=32_768, prompt=20_308, output=299, store_total=20_308, settings=s)
    assert p.threshold == 20_576
    assert p.flush_point == 19_576
    assert p.due


def test_no_token_flush_when_the_threshold_is_not_positive() -> None:
    p = pressure(context_tokens=20_000, prompt=19_000, output=0, store_total=None, settings=DEFAULT)
    assert p.threshold is None and not p.due


def test_context_tokens_cap_and_transcript_bytes() -> None:
    capped = GateSettings(CompactionSettings(context_tokens_cap=100_000))
    assert (
        pressure(context_tokens=200_000, prompt=0, output=0, store_total=None, settings=capped).window
        == 100_000
    )
    assert transcript_bytes_due(2 * 1024 * 1024, DEFAULT)
    assert not transcript_bytes_due(10**9, GateSettings(CompactionSettings(force_flush_transcript_bytes=0)))
