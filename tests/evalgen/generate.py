"""Compose transcripts from template families, phrasing banks and topic domains; write a split.

Deterministic: every transcript draws from its own ``random.Random`` seeded by (seed, split,
index), so regenerating gives byte-identical files and changing one split leaves the other alone.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .core import NOISE_MIN, Bank, Ctx, Domain, Family, Gold
from .transcript import Sender, Transcript

_SENDERS = (
    Sender("Marta K", "marta_k", "48213377", "telegram", 2),
    Sender("Jonas Weber", "jweber", "70114520", "telegram", 1),
    Sender("Lucía Romero", "lucia_r", "55120934", "telegram", 1),
    Sender("Camille Durand", "camdur", "61839205", "telegram", 1),
    Sender("ops", "ops", "0", "control-ui", 0),
    Sender("dev", "dev", "0", None, 0),
)

_LANG_WEIGHTS: Mapping[str, float] = {"en": 0.45, "de": 0.2, "es": 0.2, "fr": 0.15}


@dataclass(frozen=True, slots=True)
class SplitSpec:
    name: str
    families: Mapping[str, Family]
    banks: Sequence[Bank]
    domains: Sequence[Domain]
    count: int


def _greeting(c: Ctx) -> None:
    hello = c.say("n.hello")
    c.t.user(hello)
    c.t.assistant(c.say("a.hello"))
    phrase = hello.strip().strip("!¡").strip()
    if len(phrase) >= NOISE_MIN:
        c.gold.noise.append(phrase)


def _goodbye(c: Ctx) -> None:
    c.t.user(c.say("n.thanks"))
    c.t.assistant(c.say("a.bye"))


def _compaction(c: Ctx) -> None:
    """A compaction entry whose summary restates what was settled (labelled once, at the source)."""
    kept = c.t.last_id or ""
    summary = "## Goal\nHelp the user with their current work.\n\n## Progress\n" + "".join(
        f"- Settled: {d}\n" for d in c.decided
    )
    c.t.compaction(summary, kept)


def build(spec: SplitSpec, seed: int, index: int) -> tuple[str, bytes, dict[str, object]]:
    """One transcript of ``spec``: (file stem, JSONL bytes, gold object)."""
    rng = random.Random(f"{seed}:{spec.name}:{index}")
    langs = sorted({b.lang for b in spec.banks})
    lang = rng.choices(langs, weights=[_LANG_WEIGHTS.get(x, 0.1) for x in langs])[0]
    bank = rng.choice([b for b in spec.banks if b.lang == lang])
    domain = rng.choice(list(spec.domains))
    sender = rng.choice(_SENDERS)
    start = datetime(2026, 10, 1, 7, 0, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 90 * 24 * 60))
    t = Transcript(rng=rng, sender=sender, start=start, cwd=domain.cwd)
    if rng.random() < 0.3:
        t.thinking_rate = 0.4
    if rng.random() < 0.15:
        t.model_change()
    c = Ctx(rng=rng, t=t, bank=bank, domain=domain, gold=Gold())
    used: list[str] = []
    compacted = False
    if rng.random() < 0.07:
        _greeting(c)
        if rng.random() < 0.5:
            _goodbye(c)
        used.append("near-empty")
    else:
        if rng.random() < 0.4:
            _greeting(c)
        names = [n for n in spec.families if not n.startswith("recap")]
        rng.shuffle(names)
        want = rng.randint(3, 6)
        for name in names:
            if len(used) == want:
                break
            c.gold.family = name
            if spec.families[name](c):
                used.append(name)
                if rng.random() < 0.3:
                    t.pause(rng.uniform(2, 90))
                if not compacted and c.decided and rng.random() < 0.2:
                    compacted = True
                    _compaction(c)
        for name in (n for n in spec.families if n.startswith("recap")):
            c.gold.family = name
            if rng.random() < 0.4 and spec.families[name](c):
                used.append(name)
        if rng.random() < 0.4:
            _goodbye(c)
    stem = f"{index:03d}-{domain.name}-{lang}"
    gold: dict[str, object] = {
        "transcript": f"{stem}.jsonl",
        "family": "+".join(used),
        "families": used,
        "bank": bank.name,
        "domain": domain.name,
        "items": c.gold.items,
        "canaries": c.gold.canaries,
        "noise": c.gold.noise,
    }
    return stem, t.data(), gold


def write_split(spec: SplitSpec, out: Path, seed: int) -> list[Path]:
    """(Re)write ``out/<split>/``: stale generated files go, README.md and others stay."""
    folder = out / spec.name
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("*.jsonl"), *folder.glob("*.gold.json")]:
        old.unlink()
    written = []
    for i in range(spec.count):
        stem, data, gold = build(spec, seed, i)
        (folder / f"{stem}.jsonl").write_bytes(data)
        gold_path = folder / f"{stem}.gold.json"
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written += [folder / f"{stem}.jsonl", gold_path]
    return written
