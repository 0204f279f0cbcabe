"""Score the extractor on a folder of labelled transcripts (``*.jsonl`` + ``*.gold.json``).

For every gold file the transcript it names is parsed, run through ``extract_items`` and each item
text through ``redact``, exactly as a flush would; the redacted items are then matched to the gold
items.

Matching rule (per transcript, one-to-one, greedy):

* A predicted item and a gold item are *candidates* when they have the same kind and either cite
  at least one common entry id (evidence overlap) or their texts are similar (Dice coefficient of
  their word sets, CJK text as character bigrams, at least ``TEXT_MATCH``).
* Candidates are scored ``evidence Jaccard + text similarity`` and taken best first; an item on
  either side is used at most once. Ties go to the earlier gold item, then the earlier prediction.
* The *kind-agnostic* match is the same with the kind condition dropped; it shows how much was
  found but filed under another kind.

From the kind-specific matches: precision, recall and F1 per kind (pooled over transcripts), and
macro-F1 over the kinds that occur in the gold files. Must-keep recall is the share of gold items
marked ``must_keep`` that are matched; ``must_keep_flagged`` counts those whose matching prediction
is itself marked ``must_keep``. A canary leaks when it occurs in any predicted text after redaction.
Noise is the share of predicted items whose text contains a noise phrase (case-insensitive).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from memoryd.flush.dedupe import fingerprint
from memoryd.flush.extract import extract_items
from memoryd.flush.items import KINDS, Item, Kind
from memoryd.flush.redact import redact
from memoryd.sources.transcript import parse_lines

__all__ = [
    "Counts",
    "EvalReport",
    "GoldItem",
    "TranscriptReport",
    "format_report",
    "match_items",
    "report_to_json",
    "score_dir",
    "score_transcript",
    "text_similarity",
]

#: Text similarity (Dice over word sets) at which two items match without shared evidence.
TEXT_MATCH: Final = 0.5


@dataclass(frozen=True, slots=True)
class GoldItem:
    kind: Kind
    text: str
    evidence: tuple[str, ...]
    must_keep: bool = False


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with the usual ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class TranscriptReport:
    """How one transcript scored; ``matches`` are (gold index, predicted index) pairs."""

    name: str
    predicted: tuple[Item, ...]
    gold: tuple[GoldItem, ...]
    matches: tuple[tuple[int, int], ...]
    any_kind_matches: tuple[tuple[int, int], ...]
    canaries_leaked: tuple[str, ...]
    noisy: tuple[int, ...]

    def counts(self, kind: Kind | None = None, *, any_kind: bool = False) -> Counts:
        """Counts for one kind (or all kinds); ``any_kind`` uses the kind-agnostic matching."""
        matches = self.any_kind_matches if any_kind else self.matches
        gold = [i for i, g in enumerate(self.gold) if kind is None or g.kind == kind]
        pred = [i for i, p in enumerate(self.predicted) if kind is None or p.kind == kind]
        tp = sum(1 for g, _ in matches if g in gold)
        tp_pred = sum(1 for _, p in matches if p in pred)
        return Counts(tp=tp, fp=len(pred) - tp_pred, fn=len(gold) - tp)

    @property
    def must_keep_total(self) -> int:
        return sum(1 for g in self.gold if g.must_keep)

    @property
    def must_keep_kept(self) -> int:
        return sum(1 for g, _ in self.matches if self.gold[g].must_keep)

    @property
    def must_keep_flagged(self) -> int:
        return sum(1 for g, p in self.matches if self.gold[g].must_keep and self.predicted[p].must_keep)


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores over a whole folder; per-kind numbers are pooled over its transcripts."""

    transcripts: tuple[TranscriptReport, ...]
    per_kind: dict[Kind, Counts] = field(default_factory=dict)
    any_kind: Counts = Counts()

    @property
    def kinds_in_gold(self) -> tuple[Kind, ...]:
        present = {g.kind for t in self.transcripts for g in t.gold}
        return tuple(k for k in KINDS if k in present)

    @property
    def macro_f1(self) -> float:
        kinds = self.kinds_in_gold
        return sum(self.per_kind[k].f1 for k in kinds) / len(kinds) if kinds else 0.0

    @property
    def overall(self) -> Counts:
        return sum((self.per_kind[k] for k in KINDS), Counts())

    @property
    def must_keep_total(self) -> int:
        return sum(t.must_keep_total for t in self.transcripts)

    @property
    def must_keep_kept(self) -> int:
        return sum(t.must_keep_kept for t in self.transcripts)

    @property
    def must_keep_flagged(self) -> int:
        return sum(t.must_keep_flagged for t in self.transcripts)

    @property
    def must_keep_recall(self) -> float:
        total = self.must_keep_total
        return self.must_keep_kept / total if total else 1.0

    @property
    def canaries_leaked(self) -> int:
        return sum(len(t.canaries_leaked) for t in self.transcripts)

    @property
    def predicted(self) -> int:
        return sum(len(t.predicted) for t in self.transcripts)

    @property
    def noisy(self) -> int:
        return sum(len(t.noisy) for t in self.transcripts)

    @property
    def noise_rate(self) -> float:
        return self.noisy / self.predicted if self.predicted else 0.0


# --- matching -----------------------------------------------------------------------------------------


def text_similarity(a: str, b: str) -> float:
    """Dice coefficient of the two texts' word sets (CJK as character bigrams)."""
    wa, wb = fingerprint(a).words, fingerprint(b).words
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def match_items(
    predicted: Sequence[Item], gold: Sequence[GoldItem], *, any_kind: bool = False
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching; returns (gold index, predicted index) pairs."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if not any_kind and p.kind != g.kind:
                continue
            shared = set(p.entry_ids) & set(g.evidence)
            similarity = text_similarity(p.text, g.text)
            if not shared and similarity < TEXT_MATCH:
                continue
            jaccard = len(shared) / max(1, len(set(p.entry_ids) | set(g.evidence)))
            candidates.append((jaccard + similarity, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# --- scoring ------------------------------------------------------------------------------------------


def _gold_items(raw: Iterable[dict[str, Any]]) -> tuple[GoldItem, ...]:
    items = []
    for obj in raw:
        kind = obj["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown kind in gold file: {kind!r}")
        items.append(
            GoldItem(kind, str(obj["text"]), tuple(obj.get("evidence", ())), bool(obj.get("must_keep")))
        )
    return tuple(items)


def _mask(secret: str) -> str:
    """Name a leaked canary without printing it."""
    return f"{secret[:3]}…({len(secret)} chars)"


def score_transcript(name: str, data: bytes, gold: dict[str, Any]) -> TranscriptReport:
    """Extract, redact and match one transcript against its gold labels."""
    _, entries, _ = parse_lines(data)
    predicted = tuple(
        Item(kind=i.kind, text=redact(i.text).text, entry_ids=i.entry_ids, must_keep=i.must_keep)
        for i in extract_items(entries)
    )
    gold_items = _gold_items(gold.get("items", ()))
    canaries = [str(c) for c in gold.get("canaries", ()) if c]
    noise = [str(n).lower() for n in gold.get("noise", ()) if n]
    return TranscriptReport(
        name=name,
        predicted=predicted,
        gold=gold_items,
        matches=tuple(match_items(predicted, gold_items)),
        any_kind_matches=tuple(match_items(predicted, gold_items, any_kind=True)),
        canaries_leaked=tuple(_mask(c) for c in canaries if any(c in p.text for p in predicted)),
        noisy=tuple(i for i, p in enumerate(predicted) if any(n in p.text.lower() for n in noise)),
    )


def score_dir(path: Path) -> EvalReport:
    """Score every ``*.gold.json`` in ``path`` against the transcript it names."""
    reports = []
    for gold_path in sorted(path.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        transcript = path / str(gold.get("transcript") or gold_path.name.replace(".gold.json", ".jsonl"))
        reports.append(score_transcript(transcript.name, transcript.read_bytes(), gold))
    per_kind = {k: sum((t.counts(k) for t in reports), Counts()) for k in KINDS}
    any_kind = sum((t.counts(any_kind=True) for t in reports), Counts())
    return EvalReport(transcripts=tuple(reports), per_kind=per_kind, any_kind=any_kind)


# --- output -------------------------------------------------------------------------------------------


def _row(label: str, c: Counts) -> str:
    return f"{label:<16}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}{c.tp:>5}{c.fp:>5}{c.fn:>5}"


def format_report(report: EvalReport) -> str:
    """A readable table: per kind, totals, then one line per transcript."""
    lines = [f"{'kind':<16}{'P':>6}{'R':>6}{'F1':>6}{'tp':>5}{'fp':>5}{'fn':>5}"]
    lines += [_row(k, report.per_kind[k]) for k in report.kinds_in_gold]
    lines.append(_row("all kinds", report.overall))
    lines.append(_row("kind-agnostic", report.any_kind))
    lines.append("")
    lines.append(f"macro-F1 {report.macro_f1:.3f} over {len(report.kinds_in_gold)} kinds")
    lines.append(
        f"must-keep recall {report.must_keep_recall:.3f} ({report.must_keep_kept}/{report.must_keep_total}; "
        f"{report.must_keep_flagged} flagged must_keep)"
    )
    lines.append(f"canaries leaked {report.canaries_leaked}")
    lines.append(f"noise {report.noisy}/{report.predicted} items ({report.noise_rate:.1%})")
    lines.append("")
    lines.append(
        f"{'transcript':<40}{'pred':>5}{'gold':>5}{'tp':>4}{'F1':>6}{'keep':>6}{'leak':>5}{'noise':>6}"
    )
    for t in report.transcripts:
        c = t.counts()
        keep = f"{t.must_keep_kept}/{t.must_keep_total}"
        lines.append(
            f"{t.name[:39]:<40}{len(t.predicted):>5}{len(t.gold):>5}{c.tp:>4}{c.f1:>6.2f}{keep:>6}"
            f"{len(t.canaries_leaked):>5}{len(t.noisy):>6}"
        )
    return "\n".join(lines)


def _counts_json(c: Counts) -> dict[str, Any]:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}


def report_to_json(report: EvalReport) -> dict[str, Any]:
    """The report as plain JSON data (numbers, lists and the matched pairs)."""
    return {
        "macro_f1": report.macro_f1,
        "kinds": list(report.kinds_in_gold),
        "per_kind": {k: _counts_json(report.per_kind[k]) for k in KINDS},
        "all_kinds": _counts_json(report.overall),
        "kind_agnostic": _counts_json(report.any_kind),
        "must_keep": {
            "total": report.must_keep_total,
            "kept": report.must_keep_kept,
            "flagged": report.must_keep_flagged,
            "recall": report.must_keep_recall,
        },
        "canaries_leaked": report.canaries_leaked,
        "noise": {"items": report.noisy, "predicted": report.predicted, "rate": report.noise_rate},
        "transcripts": [
            {
                "name": t.name,
                "predicted": [
                    {"kind": p.kind, "text": p.text, "entry_ids": list(p.entry_ids), "must_keep": p.must_keep}
                    for p in t.predicted
                ],
                "matches": [list(m) for m in t.matches],
                "any_kind_matches": [list(m) for m in t.any_kind_matches],
                "counts": _counts_json(t.counts()),
                "must_keep": {"total": t.must_keep_total, "kept": t.must_keep_kept},
                "canaries_leaked": list(t.canaries_leaked),
                "noisy_items": list(t.noisy),
            }
            for t in report.transcripts
        ],
    }
