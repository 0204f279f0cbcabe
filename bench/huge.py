"""Huge messages: does one pathological message cost time in proportion to its size?

A user pastes 20,000 blank lines, a rule of dashes, a table of a thousand rows, a checklist, or a
URL with a thousand ``key=`` parameters. Before 2026-12-08 several of these were quadratic in the
rules (a 20,000-character word without a digit took 15 s to extract; a 5,000-character query
string took 6 s to redact), so one such message stalled every flush of its session.

For each shape, one short conversation (an offer, a pick, a rule) whose one user or assistant
message holds the shape at N and at 4N characters; timed: ``content_of`` (extraction, redaction,
rendering), median of the repeats. Figure: the time at 4N; baseline: four times the time at N, the
same run's linear extrapolation. A ratio near 1 is linear; near 4, quadratic.
"""

from __future__ import annotations

import time

import orjson

from bench.common import Figure, Opts, Result, median
from memoryd.flush.memo import clear
from memoryd.flush.pipeline import content_of
from memoryd.sources.transcript import Entry, parse_lines

SHAPES = {
    "blank lines": "\n",
    "a word without digits": "a",
    "a rule of dashes": "-",
    "a pasted table": "| host | up |\n",
    "a checklist": "- [ ] \n",
    "a query string of key= parameters": "&key=ab",
    "a numbered list": "1. a\n",
}


def _entries(blob: str, place: str) -> list[Entry]:
    texts = [
        ("user", f"should we use Redis or Postgres for the queue? {blob if place == 'user' else ''}"),
        (
            "assistant",
            f"Option A: Redis. Option B: Postgres. {blob if place == 'assistant' else ''} Which one?",
        ),
        ("user", "the second one, and always run the tests first"),
        ("assistant", "Going with Postgres."),
    ]
    lines = [orjson.dumps({"type": "session", "version": 3, "id": "s", "timestamp": "2026-12-08T10:00:00Z"})]
    for n, (role, text) in enumerate(texts, 1):
        message = {"role": role, "content": [{"type": "text", "text": text}]}
        stamp = f"2026-12-08T10:00:{n:02d}.000Z"
        lines.append(
            orjson.dumps({"type": "message", "id": f"{n:08x}", "timestamp": stamp, "message": message})
        )
    _, entries, _ = parse_lines(b"\n".join(lines) + b"\n")
    return list(entries)


def _seconds(entries: list[Entry], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        clear()  # each flush starts with empty memo tables, as the daemon's does
        t = time.perf_counter()
        content_of(entries, [])
        out.append(time.perf_counter() - t)
    return out


def run(opts: Opts) -> Result:
    res = Result("huge", "Huge messages: time at 4N against 4 x the time at N (1 = linear)")
    n, repeats = (5_000, 1) if opts.quick else (20_000, 3)
    res.params = {"N characters": n, "repeats": repeats}
    for name, unit in SHAPES.items():
        worst: tuple[float, float, list[float], str] | None = None
        for place in ("user", "assistant"):
            small = median(_seconds(_entries((unit * n)[:n], place), repeats))
            big_s = _seconds(_entries((unit * 4 * n)[: 4 * n], place), repeats)
            big = median(big_s)
            if worst is None or big / max(4 * small, 1e-9) > worst[0] / max(worst[1], 1e-9):
                worst = (big, 4 * small, big_s, place)
        assert worst is not None
        big, base, samples, place = worst
        res.figures.append(
            Figure(
                f"{name}, {4 * n:,} characters ({place})",
                big * 1000,
                "ms",
                base * 1000,
                f"4 x the time at {n:,}",
                samples=[s * 1000 for s in samples],
            )
        )
    return res
