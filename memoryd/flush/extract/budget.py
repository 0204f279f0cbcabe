"""Assembly: fold near-duplicate drafts together, then bound the block (must-keep items first)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Final

from memoryd.flush.dedupe import Fingerprint, item_fingerprint, same_item
from memoryd.flush.extract.context import Draft
from memoryd.flush.extract.facts import states_preference
from memoryd.flush.extract.lexicon import RULE, tokens
from memoryd.flush.extract.markers import LABELS
from memoryd.flush.extract.prose import MAX_TEXT, capitalised_names, clip, word_set
from memoryd.flush.items import KINDS

#: Dedupe's fingerprint, memoised (drafts are compared pairwise while merging), and shared with
#: :func:`~memoryd.flush.dedupe.dedupe`, which fingerprints the same texts again as items.
_fingerprint = item_fingerprint


_REJECTED_PREFIXES: Final = tuple(labels["rejected"] for labels in LABELS.values())
_CORRECTION_SUFFIXES: Final = tuple(labels["correction"] for labels in LABELS.values())

#: Share of a fact's or to-do's words a decision citing the same turn must hold for it to be a restatement.
_RESTATED: Final = 0.8

#: The most words the other side of a rule has ("always CMR", "and never forced to English").
_SIDE_WORDS: Final = 12


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
    return _one_per_turn(merged)


def _one_per_turn(drafts: list[Draft]) -> list[Draft]:
    """One thing said is one item of one kind.

    * A standing rule one user turn states from both sides ("never SMR. always CMR", "never alone
      to close. Always two people") is one fact: a short always/never sentence after a rule of the
      same turn is its other side, not a rule of its own. Facts of a turn that are no rules
      (a host, a person's diet) stay apart, and a correction stays its own item.
    * A fact or a to-do that only restates a decision citing the same turn (its words are the
      decision's, its entries among the decision's) is the decision's reason or its echo, not a
      second item; a standing rule (always, never) or a named person's trait said with the choice
      stays a fact.
    """
    decisions = [(d.pos, word_set(d.text)) for d in drafts if d.kind == "decision"]
    out: list[Draft] = []
    by_turn: dict[int, Draft] = {}
    for d in drafts:
        if (d.kind == "todo" or (d.kind == "fact" and not _standing(d.text))) and _restates(d, decisions):
            continue
        if (
            d.kind == "fact"
            and len(d.pos) == 1
            and RULE.hit(d.text)
            and not d.text.endswith(_CORRECTION_SUFFIXES)
        ):
            (at,) = d.pos
            first = by_turn.get(at)
            if first is not None and len(tokens(d.text)) <= _SIDE_WORDS:
                first.text = clip(f"{first.text} {d.text}")
                first.must_keep = first.must_keep or d.must_keep
                continue
            by_turn.setdefault(at, d)
        out.append(d)
    return out


def _standing(text: str) -> bool:
    """A rule (always, never) or a named person's trait ("Tom doesn't eat fish"): true beyond the choice
    it was said with. The chooser's own liking ("people like a face") is the choice's reason."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return RULE.hit(text) or states_preference(text) or any(n != first for n in capitalised_names(text))


def _restates(d: Draft, decisions: Sequence[tuple[set[int], frozenset[str]]]) -> bool:
    words = word_set(d.text)
    if not words:
        return False
    return any(d.pos <= pos and len(words & theirs) >= _RESTATED * len(words) for pos, theirs in decisions)


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
