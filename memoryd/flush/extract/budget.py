"""Assembly: fold near-duplicate drafts together, then bound the block (must-keep items first)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from memoryd.flush.dedupe import fingerprint, is_duplicate
from memoryd.flush.extract.context import Draft
from memoryd.flush.extract.markers import LABELS
from memoryd.flush.extract.prose import MAX_TEXT, clip, word_set
from memoryd.flush.items import KINDS

#: Dedupe's fingerprint, memoised: drafts are compared pairwise while merging.
_fingerprint = lru_cache(maxsize=1024)(fingerprint)


_REJECTED_PREFIXES: Final = tuple(labels["rejected"] for labels in LABELS.values())


def _is_rejection(text: str) -> bool:
    return text.startswith(_REJECTED_PREFIXES)


def _same(a: Draft, b: Draft) -> bool:
    """Two drafts that say the same thing (procedures: that share most of their steps)."""
    if a.kind != b.kind or _is_rejection(a.text) != _is_rejection(b.text):
        return False
    fa, fb = _fingerprint(a.text), _fingerprint(b.text)
    if is_duplicate(fa, fb) or is_duplicate(fb, fa):
        return True
    wa, wb = word_set(a.text), word_set(b.text)
    return a.kind == "procedure" and bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def merge_drafts(drafts: Sequence[Draft]) -> list[Draft]:
    """Fold near-duplicates of the same kind into the first one, keeping every citation."""
    merged: list[Draft] = []
    index: dict[tuple[str, str], list[int]] = {}  # (kind, word) -> merged drafts using the word
    for d in sorted(drafts, key=lambda d: min(d.pos)):
        words = _fingerprint(d.text).words
        shared: dict[int, int] = {}
        for w in words:
            for i in index.get((d.kind, w), ()):
                shared[i] = shared.get(i, 0) + 1
        near = [
            i for i, n in shared.items() if n * 2 >= min(len(words), len(_fingerprint(merged[i].text).words))
        ]
        if d.kind == "procedure":
            near = [i for i, k in enumerate(merged) if k.kind == "procedure"]
        twin = next((merged[i] for i in sorted(near) if _same(merged[i], d)), None)
        if twin is None:
            for w in words:
                index.setdefault((d.kind, w), []).append(len(merged))
            merged.append(Draft(d.kind, d.text, set(d.pos), d.must_keep))
        else:
            twin.pos |= d.pos
            twin.must_keep = twin.must_keep or d.must_keep
    return merged


def bound_items(drafts: Sequence[Draft], max_items: int, max_bytes: int) -> list[Draft]:
    """Recall first: every must-keep item before any other, then kinds in ``KINDS`` order.

    A must-keep item never loses its place to a weaker one. When the must-keep items alone would
    pass ``max_bytes``, their texts are shortened (at sentence, then clause boundaries) rather than
    any of them dropped; the others fill what is left, in order, and stop at the byte budget.
    """
    rank = {k: i for i, k in enumerate(KINDS)}
    ordered = sorted(drafts, key=lambda d: (not d.must_keep, rank[d.kind], min(d.pos)))[:max_items]
    keep = [d for d in ordered if d.must_keep]
    limit = MAX_TEXT
    while _size(keep) > max_bytes and limit > 60:
        limit -= 40
        for d in keep:
            d.text = clip(d.text, limit)
    size = _size(keep)
    kept = list(keep)
    for d in ordered[len(keep) :]:
        n = len(d.text.encode()) + 1
        if size + n <= max_bytes:
            kept.append(d)
            size += n
    return sorted(kept, key=lambda d: (rank[d.kind], min(d.pos)))


def _size(drafts: Sequence[Draft]) -> int:
    return sum(len(d.text.encode()) + 1 for d in drafts)
