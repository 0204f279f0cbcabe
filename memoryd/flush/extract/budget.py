"""Assembly: fold near-duplicate drafts together, then bound the block (must-keep items first)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from typing import Final

from memoryd.flush.dedupe import Fingerprint, fingerprint, same_item
from memoryd.flush.extract.context import Draft
from memoryd.flush.extract.markers import LABELS
from memoryd.flush.extract.prose import MAX_TEXT, clip, word_set
from memoryd.flush.items import KINDS

#: Dedupe's fingerprint, memoised: drafts are compared pairwise while merging.
_fingerprint = lru_cache(maxsize=1024)(fingerprint)


_REJECTED_PREFIXES: Final = tuple(labels["rejected"] for labels in LABELS.values())


def _is_rejection(text: str) -> bool:
    return text.startswith(_REJECTED_PREFIXES)


def _same(a: Draft, b: Draft, fa: Fingerprint, fb: Fingerprint) -> bool:
    """Two drafts that say the same thing (procedures: that share most of their steps)."""
    if a.kind != b.kind or _is_rejection(a.text) != _is_rejection(b.text):
        return False
    if same_item(fa, fb):
        return True
    if a.kind != "procedure":
        return False
    wa, wb = word_set(a.text), word_set(b.text)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def merge_drafts(drafts: Sequence[Draft]) -> list[Draft]:
    """Fold near-duplicates of the same kind into the first one, keeping every citation.

    A draft is compared only with the merged drafts of its kind that share at least half the words
    of the smaller of the two (an inverted index of words): :func:`same_item` needs that much
    overlap (a Jaccard of 0.5, or 90 % of one text's words), so no twin is missed. Procedures are
    compared with every merged procedure (their steps may be worded apart).
    """
    merged: list[Draft] = []
    prints: list[Fingerprint] = []
    sizes: list[int] = []
    procedures: list[int] = []
    index: dict[tuple[str, str], list[int]] = {}  # (kind, word) -> merged drafts using the word
    for d in sorted(drafts, key=lambda d: min(d.pos)):
        fp = _fingerprint(d.text)
        words = fp.words
        if d.kind == "procedure":
            near: Iterable[int] = procedures
        else:
            kind = d.kind
            shared = Counter(chain.from_iterable(index.get((kind, w), ()) for w in words))
            n_words = len(words)
            near = sorted(i for i, n in shared.items() if n * 2 >= min(n_words, sizes[i]))
        twin = next((i for i in near if _same(merged[i], d, prints[i], fp)), None)
        if twin is None:
            at = len(merged)
            for w in words:
                index.setdefault((d.kind, w), []).append(at)
            if d.kind == "procedure":
                procedures.append(at)
            merged.append(Draft(d.kind, d.text, set(d.pos), d.must_keep))
            prints.append(fp)
            sizes.append(len(words))
        else:
            kept = merged[twin]
            kept.pos |= d.pos
            kept.must_keep = kept.must_keep or d.must_keep
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
