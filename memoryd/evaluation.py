"""Score the extractor on folders of labelled transcripts (``*.jsonl`` + ``*.gold.json``).

For every gold file the transcript it names is parsed and run through the flush pipeline
(``content_of``: extract, redact, dedupe) exactly as a flush would; the block it would write is
rendered, and its items are matched to the gold items.

Matching rule (per transcript, same kind, one-to-one, best first). A prediction *covers* a gold item
by the share of the gold text's content words that occur in the prediction's text. A prediction
matches a gold item when

* it cites at least one of the gold item's evidence entry ids AND covers >= 20 % of its content
  words, or
* whatever it cites, it covers >= 50 % of them.

So an item that merely cites the right entry but says something else is *not* a match (the old
scorer counted it), while a paraphrase that keeps the identifiers and key words is. Candidate pairs
are scored ``coverage + evidence Jaccard`` and taken best first; each item on either side is used
once; ties go to the earlier gold item, then the earlier prediction. The *kind-agnostic* matching is
the same with the kind condition dropped: it shows what was found but filed under another kind.

Content words: lower-cased word tokens (identifiers such as ``db-01.internal``, ``v2.3.1``,
``02:00`` stay whole; a compound token also counts as its parts) minus one small stop-word list
covering English, German, Spanish and French, with a trailing plural ``s`` dropped from long words;
CJK text counts as character bigrams.

Figures: precision, recall and F1 per kind (pooled over a split's transcripts), macro-F1 over the
kinds that occur in the split's gold, must-keep recall, canaries (gold secrets) found anywhere in
the rendered block, the share of predicted items that contain a noise phrase, and the size of the
rendered block (bytes per flush; the maximum is the budget figure).

Extractor: the rules, or with ``llm`` settings (``flush.extractor = "llm"`` in the config file, as
the daemon runs it) the LLM mode: the rules' candidates distilled by the model, the rules' result
where it fails (each transcript records which, why, and the tokens spent).
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, cast

from memoryd.flush.items import Item
from memoryd.flush.pipeline import content_of
from memoryd.flush.render import BlockMeta, render_block
from memoryd.sources.transcript import parse_lines

if TYPE_CHECKING:
    from memoryd.flush.llm import LLMSettings

__all__ = [
    "EVAL_KINDS",
    "Counts",
    "EvalKind",
    "EvalReport",
    "FamilyCounts",
    "GoldItem",
    "TranscriptReport",
    "content_words",
    "coverage",
    "find_splits",
    "format_report",
    "format_splits",
    "match_items",
    "report_to_json",
    "score_dir",
    "score_splits",
    "score_transcript",
    "splits_to_json",
]

EvalKind = Literal["decision", "outcome", "open_question", "todo", "fact", "procedure"]

#: Every kind a gold file may use, in render order (``todo`` is scored even before the extractor
#: emits it: gold to-dos it misses count as misses).
EVAL_KINDS: Final[tuple[EvalKind, ...]] = (
    "decision",
    "outcome",
    "open_question",
    "todo",
    "fact",
    "procedure",
)

#: Coverage needed together with shared evidence, and coverage that matches on its own.
COVER_WITH_EVIDENCE: Final = 0.2
COVER_ALONE: Final = 0.5

# --- content words ------------------------------------------------------------------------------------

#: Function words per language, kept small on purpose: the list only has to stop "the", "der",
#: "la"... from counting as shared content.
_STOP_LISTS: Final = {
    "en": "a an the and or but if of to in on at for with by from as is are was were be been being it its "
    "this that these those i you we they he she me my our your their us them do does did done have has had "
    "will would can could should shall may might must not no yes so then than there here what which who "
    "whom when where why how all any some just also only very into out up about over after before again now "
    "ok okay please let lets let's i'm it's that's don't we'll i'll you're via per",
    "de": "der die das den dem des ein eine einen einem einer eines und oder aber wenn als wie ist sind war "
    "waren sein bin bist es er sie wir ihr ich du mich mir dich dir uns euch zu zum zur im am an auf für mit "
    "von vom bei aus nach vor über unter auch nur noch schon dann da hier dort was wer wo wann warum nicht "
    "kein keine ja nein bitte mal doch dass ob hat haben habe wird werden wurde kann können soll sollte muss "
    "diese dieser dieses denn",
    "es": "el la los las un una unos unas y o pero si del al en con por para es son era fue ser está están "
    "estar lo le les se me te nos mi tu su sus que qué como cómo cuando donde quien sí ya muy también solo "
    "hay este esta estos estas ese esa eso esto",
    "fr": "le la les un une des du de et ou mais à au aux dans sur pour par avec est sont était être ce cet "
    "cette ces il elle ils elles je nous vous on mon ton son sa ses leur que qui quoi comme quand où ne pas "
    "oui non très aussi ai as ont c'est j'ai",
}
_STOP_WORDS: Final = frozenset(w for words in _STOP_LISTS.values() for w in words.split())

_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_TOKEN = re.compile(r"\d+(?::\d+)+|[^\W_]+(?:[.\-_'’][^\W_]+)*")
_PARTS = re.compile(r"[.\-_'’]")


def _norm(token: str) -> str:
    token = token.replace("’", "'")
    if len(token) > 4 and token.isalpha() and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that carry content: tokens minus stop words, CJK as bigrams."""
    text = unicodedata.normalize("NFKC", text).lower()
    words: set[str] = set()
    for run in _CJK_RUN.findall(text):
        words.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    for token in _TOKEN.findall(_CJK_RUN.sub(" ", text)):
        if token not in _STOP_WORDS:
            words.add(_norm(token))
    return frozenset(words)


def _with_parts(words: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        out.add(w)
        out.update(_norm(p) for p in _PARTS.split(w) if p and p not in _STOP_WORDS)
    return frozenset(out)


def coverage(predicted: str, gold: str) -> float:
    """Share of ``gold``'s content words found in ``predicted`` (a compound counts via its parts)."""
    wanted = content_words(gold)
    if not wanted:
        return 0.0
    have = _with_parts(content_words(predicted))
    hit = 0
    for w in wanted:
        parts = [_norm(p) for p in _PARTS.split(w) if p and p not in _STOP_WORDS]
        if w in have or (parts and all(p in have for p in parts)):
            hit += 1
    return hit / len(wanted)


# --- data ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldItem:
    kind: EvalKind
    text: str
    evidence: tuple[str, ...]
    must_keep: bool = False
    #: the template family that produced the item (generated splits only)
    family: str = ""


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
class FamilyCounts:
    """Gold items of one template family: how many, how many matched, and the must-keep share."""

    gold: int = 0
    kept: int = 0
    must_keep: int = 0
    must_keep_kept: int = 0

    @property
    def recall(self) -> float:
        return self.kept / self.gold if self.gold else 0.0


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
    block_bytes: int = 0
    family: str = ""
    bank: str = ""
    #: Which extractor produced the items (``rules``, ``llm``, ``rules-fallback``), and why it fell back.
    extractor: str = "rules"
    llm_fallback_reason: str | None = None
    llm_tokens_in: int = 0
    llm_tokens_out: int = 0

    def counts(self, kind: str | None = None, *, any_kind: bool = False) -> Counts:
        """Counts for one kind (or all kinds); ``any_kind`` uses the kind-agnostic matching."""
        matches = self.any_kind_matches if any_kind else self.matches
        gold = {i for i, g in enumerate(self.gold) if kind is None or g.kind == kind}
        pred = {i for i, p in enumerate(self.predicted) if kind is None or p.kind == kind}
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
    """Scores over one split (a folder); per-kind numbers are pooled over its transcripts."""

    transcripts: tuple[TranscriptReport, ...]
    per_kind: dict[EvalKind, Counts] = field(default_factory=dict)
    any_kind: Counts = Counts()
    name: str = ""

    @property
    def kinds_in_gold(self) -> tuple[EvalKind, ...]:
        present = {g.kind for t in self.transcripts for g in t.gold}
        return tuple(k for k in EVAL_KINDS if k in present)

    @property
    def macro_f1(self) -> float:
        kinds = self.kinds_in_gold
        return sum(self.per_kind[k].f1 for k in kinds) / len(kinds) if kinds else 0.0

    @property
    def overall(self) -> Counts:
        return sum((self.per_kind[k] for k in EVAL_KINDS), Counts())

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
    def extractors(self) -> dict[str, int]:
        """Transcripts per extractor that produced their items (``rules``, ``llm``, ``rules-fallback``)."""
        return dict(Counter(t.extractor for t in self.transcripts))

    @property
    def fallback_reasons(self) -> dict[str, int]:
        return dict(
            Counter(t.llm_fallback_reason or "?" for t in self.transcripts if t.extractor == "rules-fallback")
        )

    @property
    def llm_tokens(self) -> tuple[int, int]:
        """Tokens in and out the model calls cost, over the split."""
        return sum(t.llm_tokens_in for t in self.transcripts), sum(t.llm_tokens_out for t in self.transcripts)

    @property
    def predicted(self) -> int:
        return sum(len(t.predicted) for t in self.transcripts)

    @property
    def noisy(self) -> int:
        return sum(len(t.noisy) for t in self.transcripts)

    @property
    def noise_rate(self) -> float:
        return self.noisy / self.predicted if self.predicted else 0.0

    @property
    def max_block_bytes(self) -> int:
        return max((t.block_bytes for t in self.transcripts), default=0)

    def per_family(self) -> dict[str, FamilyCounts]:
        """Recall per template family of the gold items (empty for hand-written splits)."""
        return self._recall_by(lambda t, g: g.family)

    def per_bank(self) -> dict[str, FamilyCounts]:
        """Recall per phrasing bank (language and bank set) of the transcripts (generated splits)."""
        return self._recall_by(lambda t, g: t.bank)

    def _recall_by(self, key: Callable[[TranscriptReport, GoldItem], str]) -> dict[str, FamilyCounts]:
        out: dict[str, FamilyCounts] = {}
        for t in self.transcripts:
            matched = {g for g, _ in t.matches}
            for i, g in enumerate(t.gold):
                name = key(t, g)
                if not name:
                    continue
                c = out.get(name, FamilyCounts())
                out[name] = FamilyCounts(
                    c.gold + 1,
                    c.kept + (i in matched),
                    c.must_keep + g.must_keep,
                    c.must_keep_kept + (g.must_keep and i in matched),
                )
        return dict(sorted(out.items()))


# --- matching -----------------------------------------------------------------------------------------


def match_items(
    predicted: Sequence[Item], gold: Sequence[GoldItem], *, any_kind: bool = False
) -> list[tuple[int, int]]:
    """Text-aware one-to-one matching (see the module docstring); (gold index, predicted index) pairs."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if not any_kind and p.kind != g.kind:
                continue
            shared = set(p.entry_ids) & set(g.evidence)
            cover = coverage(p.text, g.text)
            if not (cover >= COVER_ALONE or (shared and cover >= COVER_WITH_EVIDENCE)):
                continue
            jaccard = len(shared) / max(1, len(set(p.entry_ids) | set(g.evidence)))
            candidates.append((cover + jaccard, gi, pi))
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
        if kind not in EVAL_KINDS:
            raise ValueError(f"unknown kind in gold file: {kind!r}")
        items.append(
            GoldItem(
                cast(EvalKind, kind),
                str(obj["text"]),
                tuple(obj.get("evidence", ())),
                bool(obj.get("must_keep")),
                str(obj.get("family") or ""),
            )
        )
    return tuple(items)


def _mask(secret: str) -> str:
    """Name a leaked canary without printing it."""
    return f"{secret[:3]}…({len(secret)} chars)"


_META_TIME: Final = datetime(2026, 1, 1, 12, 0)


def score_transcript(
    name: str, data: bytes, gold: dict[str, Any], *, llm: LLMSettings | None = None
) -> TranscriptReport:
    """Run one transcript through the flush pipeline and match the result to its gold labels.

    With ``llm`` the pipeline runs in the LLM mode, with the same deadline a flush has.
    """
    _, entries, errors = parse_lines(data)
    deadline = time.monotonic() + llm.deadline if llm is not None else None
    content = content_of(entries, (), errors, llm, deadline=deadline)
    predicted = content.items
    block = render_block(
        BlockMeta(
            flush_id="eval",
            session_key="agent:main:eval",
            session_id="eval0000",
            trigger="eval",
            cycle=0,
            local_time=_META_TIME,
            first_entry_id=content.first_entry_id,
            last_entry_id=content.last_entry_id,
        ),
        predicted,
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
        canaries_leaked=tuple(_mask(c) for c in canaries if c in block),
        noisy=tuple(i for i, p in enumerate(predicted) if any(n in p.text.lower() for n in noise)),
        block_bytes=len(block.encode("utf-8")),
        family=str(gold.get("family") or ""),
        bank=str(gold.get("bank") or ""),
        extractor=content.extractor,
        llm_fallback_reason=content.llm_fallback_reason,
        llm_tokens_in=content.llm_tokens_in,
        llm_tokens_out=content.llm_tokens_out,
    )


def _gold_files(path: Path) -> list[Path]:
    return sorted(path.glob("*.gold.json"))


def score_dir(path: Path, *, llm: LLMSettings | None = None) -> EvalReport:
    """Score every ``*.gold.json`` in ``path`` (one split) against the transcript it names."""
    reports = []
    for gold_path in _gold_files(path):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            name = str(gold.get("transcript") or gold_path.name.replace(".gold.json", ".jsonl"))
            transcript = path / name
            reports.append(score_transcript(transcript.name, transcript.read_bytes(), gold, llm=llm))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"bad gold file {gold_path}: {exc!r}") from exc
    per_kind = {k: sum((t.counts(k) for t in reports), Counts()) for k in EVAL_KINDS}
    any_kind = sum((t.counts(any_kind=True) for t in reports), Counts())
    return EvalReport(transcripts=tuple(reports), per_kind=per_kind, any_kind=any_kind, name=path.name)


def find_splits(path: Path) -> list[Path]:
    """The split folders under ``path``: itself if it holds gold files, else its subfolders that do.

    Raises ``FileNotFoundError`` (no such folder) or ``ValueError`` (no gold file), naming the path.
    """
    if not path.is_dir():
        raise FileNotFoundError(f"no such folder: {path}")
    if _gold_files(path):
        return [path]
    splits = [p for p in sorted(path.iterdir()) if p.is_dir() and _gold_files(p)]
    if not splits:
        raise ValueError(f"no *.gold.json in {path} or its subfolders")
    return splits


def score_splits(path: Path, *, llm: LLMSettings | None = None) -> list[EvalReport]:
    """One report per split found by ``find_splits`` (with ``llm``: in the LLM mode)."""
    return [score_dir(p, llm=llm) for p in find_splits(path)]


# --- output -------------------------------------------------------------------------------------------

_SHORT: Final[dict[EvalKind, str]] = {
    "decision": "dec",
    "outcome": "out",
    "open_question": "openq",
    "todo": "todo",
    "fact": "fact",
    "procedure": "proc",
}


def format_splits(reports: Sequence[EvalReport]) -> str:
    """One row per split: the headline figures and F1 per kind (``-`` where the gold has none)."""
    head = f"{'split':<16}{'files':>6}{'macro-F1':>9}{'keep':>7}{'kept':>9}{'leak':>5}{'noise':>7}{'maxB':>6}"
    head += "".join(f"{_SHORT[k]:>6}" for k in EVAL_KINDS)
    lines = [head]
    for r in reports:
        row = (
            f"{r.name[:15]:<16}{len(r.transcripts):>6}{r.macro_f1:>9.3f}{r.must_keep_recall:>7.2f}"
            f"{f'{r.must_keep_kept}/{r.must_keep_total}':>9}{r.canaries_leaked:>5}{r.noise_rate:>7.1%}"
            f"{r.max_block_bytes:>6}"
        )
        present = set(r.kinds_in_gold)
        row += "".join(f"{r.per_kind[k].f1:>6.2f}" if k in present else f"{'-':>6}" for k in EVAL_KINDS)
        lines.append(row)
    return "\n".join(lines)


def format_extractor(reports: Sequence[EvalReport], llm: LLMSettings | None) -> str:
    """Which extractor ran: ``rules``, or the model and, per split, what it produced and cost."""
    if llm is None:
        return "extractor: rules"
    lines = [f"extractor: llm ({llm.model} at {llm.base_url}; the rules where it fails)"]
    for r in reports:
        used = r.extractors
        reasons = ", ".join(f"{k} {n}" for k, n in sorted(r.fallback_reasons.items()))
        tokens_in, tokens_out = r.llm_tokens
        lines.append(
            f"  {r.name}: llm {used.get('llm', 0)}, rules-fallback {used.get('rules-fallback', 0)}"
            + (f" ({reasons})" if reasons else "")
            + f", rules {used.get('rules', 0)} (nothing to send); tokens in {tokens_in}, out {tokens_out}"
        )
    return "\n".join(lines)


def _row(label: str, c: Counts) -> str:
    return f"{label:<16}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}{c.tp:>5}{c.fp:>5}{c.fn:>5}"


def format_report(report: EvalReport) -> str:
    """A readable table for one split: per kind, totals, then one line per transcript."""
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
    lines.append(f"bytes per flush max {report.max_block_bytes}")
    for title, groups in (("template family", report.per_family()), ("phrasing bank", report.per_bank())):
        if not groups:
            continue
        lines.append("")
        lines.append(f"{title:<34}{'gold':>6}{'kept':>6}{'recall':>8}{'keep':>9}")
        for name, fc in groups.items():
            keep = f"{fc.must_keep_kept}/{fc.must_keep}" if fc.must_keep else "-"
            lines.append(f"{name[:33]:<34}{fc.gold:>6}{fc.kept:>6}{fc.recall:>8.2f}{keep:>9}")
    lines.append("")
    lines.append(
        f"{'transcript':<40}{'pred':>5}{'gold':>5}{'tp':>4}{'F1':>6}{'keep':>6}{'leak':>5}{'noise':>6}"
        f"{'bytes':>7}"
    )
    for t in report.transcripts:
        c = t.counts()
        keep = f"{t.must_keep_kept}/{t.must_keep_total}"
        lines.append(
            f"{t.name[:39]:<40}{len(t.predicted):>5}{len(t.gold):>5}{c.tp:>4}{c.f1:>6.2f}{keep:>6}"
            f"{len(t.canaries_leaked):>5}{len(t.noisy):>6}{t.block_bytes:>7}"
        )
    return "\n".join(lines)


def _counts_json(c: Counts) -> dict[str, Any]:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}


def report_to_json(report: EvalReport) -> dict[str, Any]:
    """One split's report as plain JSON data (numbers, lists and the matched pairs)."""
    return {
        "split": report.name,
        "macro_f1": report.macro_f1,
        "kinds": list(report.kinds_in_gold),
        "per_kind": {k: _counts_json(report.per_kind[k]) for k in EVAL_KINDS},
        "all_kinds": _counts_json(report.overall),
        "kind_agnostic": _counts_json(report.any_kind),
        "must_keep": {
            "total": report.must_keep_total,
            "kept": report.must_keep_kept,
            "flagged": report.must_keep_flagged,
            "recall": report.must_keep_recall,
        },
        "canaries_leaked": report.canaries_leaked,
        "extractors": report.extractors,
        "fallback_reasons": report.fallback_reasons,
        "llm_tokens": {"in": report.llm_tokens[0], "out": report.llm_tokens[1]},
        "noise": {"items": report.noisy, "predicted": report.predicted, "rate": report.noise_rate},
        "bytes_per_flush": {"max": report.max_block_bytes},
        "per_family": {
            name: {
                "gold": fc.gold,
                "kept": fc.kept,
                "recall": fc.recall,
                "must_keep": fc.must_keep,
                "must_keep_kept": fc.must_keep_kept,
            }
            for name, fc in report.per_family().items()
        },
        "per_bank": {
            name: {
                "gold": fc.gold,
                "kept": fc.kept,
                "recall": fc.recall,
                "must_keep": fc.must_keep,
                "must_keep_kept": fc.must_keep_kept,
            }
            for name, fc in report.per_bank().items()
        },
        "transcripts": [
            {
                "name": t.name,
                "family": t.family,
                "bank": t.bank,
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
                "block_bytes": t.block_bytes,
                "extractor": t.extractor,
                "llm_fallback_reason": t.llm_fallback_reason,
                "llm_tokens": {"in": t.llm_tokens_in, "out": t.llm_tokens_out},
            }
            for t in report.transcripts
        ],
    }


def splits_to_json(reports: Sequence[EvalReport], llm: LLMSettings | None = None) -> dict[str, Any]:
    """Every split's report, keyed by split name, and which extractor ran (``llm``: its model)."""
    extractor: dict[str, Any] = (
        {"name": "rules"} if llm is None else {"name": "llm", "model": llm.model, "base_url": llm.base_url}
    )
    return {"extractor": extractor, "splits": {r.name: report_to_json(r) for r in reports}}
