"""The scorer: its matching rule on hand-made items, a small labelled folder, and the dev-set floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest

from memoryd.evaluation import (
    Counts,
    GoldItem,
    format_report,
    match_items,
    report_to_json,
    score_dir,
)
from memoryd.flush.items import Item, Kind

DEV = Path(__file__).parent / "data" / "eval" / "dev"


def item(kind: Any, text: str, *ids: str, must_keep: bool = False) -> Item:
    return Item(kind=kind, text=text, entry_ids=ids, must_keep=must_keep)


def gold(kind: Any, text: str, *ids: str, must_keep: bool = False) -> GoldItem:
    return GoldItem(kind=kind, text=text, evidence=ids, must_keep=must_keep)


# --- matching -----------------------------------------------------------------------------------------


def test_same_kind_and_shared_evidence_match() -> None:
    pairs = match_items(
        [item("fact", "totally different words", "aaaa0001")], [gold("fact", "x y z", "aaaa0001")]
    )
    assert pairs == [(0, 0)]


def test_other_kind_matches_only_kind_agnostic() -> None:
    predicted = [item("outcome", "Deploy of v2 failed", "aaaa0001")]
    labels = [gold("open_question", "Deploy of v2 failed", "aaaa0001")]
    assert match_items(predicted, labels) == []
    assert match_items(predicted, labels, any_kind=True) == [(0, 0)]


def test_similar_text_matches_without_shared_evidence() -> None:
    predicted = [item("fact", "Staging DB is db-staging.internal on port 5433", "bbbb0001")]
    labels = [gold("fact", "Staging DB: db-staging.internal port 5433", "aaaa0001")]
    assert match_items(predicted, labels) == [(0, 0)]


def test_unrelated_text_without_evidence_does_not_match() -> None:
    predicted = [item("fact", "Backups run at 02:00", "bbbb0001")]
    assert match_items(predicted, [gold("fact", "Lena owns payments", "aaaa0001")]) == []


def test_matching_is_one_to_one_and_takes_the_best_pair_first() -> None:
    labels = [
        gold("decision", "Use Redis for sessions", "a1", "a2"),
        gold("decision", "Rejected: Postgres", "a1", "a2"),
    ]
    predicted = [
        item("decision", "Rejected: Postgres for sessions", "a1", "a2"),
        item("decision", "extra", "a1"),
    ]
    pairs = match_items(predicted, labels)
    assert sorted(pairs) == [(0, 1), (1, 0)]
    assert len({g for g, _ in pairs}) == len(pairs) == len({p for _, p in pairs})


def test_counts_ratios() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert (c.precision, c.recall) == (0.75, 0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 0.0
    assert c + Counts(1, 1, 1) == Counts(4, 2, 3)


# --- a small labelled folder --------------------------------------------------------------------------


def _write_case(folder: Path, name: str, entries: list[dict[str, Any]], labels: dict[str, Any]) -> None:
    header = {"type": "session", "version": 3, "id": "s", "timestamp": "2026-11-21T10:00:00Z", "cwd": "/"}
    lines = [orjson.dumps(header)] + [
        orjson.dumps({**e, "parentId": None, "timestamp": f"2026-11-21T10:00:{i:02d}Z"})
        for i, e in enumerate(entries)
    ]
    (folder / f"{name}.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (folder / f"{name}.gold.json").write_text(
        json.dumps({"transcript": f"{name}.jsonl", **labels}), encoding="utf-8"
    )


def _user(eid: str, text: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": eid,
        "message": {"role": "user", "content": [{"type": "text", "text": text}]},
    }


def test_score_dir_counts_recall_must_keep_leaks_and_noise(tmp_path: Path) -> None:
    _write_case(
        tmp_path,
        "case",
        [
            _user(
                "aaaa0001",
                "Please remember that Lena Fischer owns the cache. The cache is redis.internal on port 6380.",
            )
        ],
        {
            "items": [
                {
                    "kind": "fact",
                    "text": "Lena Fischer owns the cache",
                    "evidence": ["aaaa0001"],
                    "must_keep": True,
                },
                {
                    "kind": "decision",
                    "text": "Use a Redis cluster",
                    "evidence": ["ffff0009"],
                    "must_keep": True,
                },
            ],
            "canaries": ["Lena Fischer"],
            "noise": ["port 6380"],
        },
    )
    report = score_dir(tmp_path)
    (t,) = report.transcripts
    assert t.name == "case.jsonl"
    assert report.per_kind["fact"].tp == 1 and report.per_kind["decision"].fn == 1
    assert report.kinds_in_gold == ("decision", "fact")
    assert report.must_keep_total == 2 and report.must_keep_kept == 1 and report.must_keep_recall == 0.5
    assert report.canaries_leaked == 1
    assert all(
        "Lena Fischer" not in leak for leak in report_to_json(report)["transcripts"][0]["canaries_leaked"]
    )
    assert report.noisy >= 1 and 0 < report.noise_rate <= 1


def test_report_renders_as_text_and_json() -> None:
    report = score_dir(DEV)
    text = format_report(report)
    for needle in (
        "decision",
        "outcome",
        "open_question",
        "fact",
        "procedure",
        "macro-F1",
        "must-keep",
        "noise",
    ):
        assert needle in text
    data = json.loads(json.dumps(report_to_json(report)))
    assert data["macro_f1"] == pytest.approx(report.macro_f1)
    assert len(data["transcripts"]) == 6
    assert data["must_keep"]["total"] == report.must_keep_total


# --- the dev set --------------------------------------------------------------------------------------

#: Floors a little under what the extractor reaches on the dev set (see the module report), so that
#: a regression fails here. Per kind: F1.
KIND_FLOORS: dict[Kind, float] = {
    "decision": 0.90,
    "outcome": 0.92,
    "open_question": 0.93,
    "fact": 0.92,
    "procedure": 0.93,
}


def test_dev_set_floors() -> None:
    report = score_dir(DEV)
    assert report.macro_f1 >= 0.93
    for kind, floor in KIND_FLOORS.items():
        assert report.per_kind[kind].f1 >= floor, (kind, report.per_kind[kind])
    assert report.must_keep_recall == 1.0
    assert report.must_keep_flagged == report.must_keep_total
    assert report.canaries_leaked == 0
    assert report.noise_rate <= 0.05
    assert report.any_kind.f1 >= 0.93


# --- the local held-out set ---------------------------------------------------------------------------

LOCAL = Path(__file__).parent / "data" / "eval" / "heldout-local"

#: Floors for transcripts written without looking at the extractor's output (see the folder's README):
#: a little under what the rules reach, so that a change tuned to the dev set that breaks them fails.
LOCAL_KIND_FLOORS: dict[Kind, float] = {
    "decision": 0.85,
    "outcome": 0.88,
    "open_question": 0.80,
    "fact": 0.80,
    "procedure": 0.85,
}


def test_local_heldout_floors() -> None:
    report = score_dir(LOCAL)
    assert len(report.transcripts) >= 6
    assert report.macro_f1 >= 0.88
    for kind, floor in LOCAL_KIND_FLOORS.items():
        assert report.per_kind[kind].f1 >= floor, (kind, report.per_kind[kind])
    assert report.must_keep_recall == 1.0
    assert report.canaries_leaked == 0
    assert report.noise_rate <= 0.10
