"""The scorer: its matching rule on hand-made items, a small labelled folder, and the dev-set floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from memoryd.evaluation import (
    Counts,
    EvalKind,
    GoldItem,
    content_words,
    coverage,
    find_splits,
    format_report,
    format_splits,
    match_items,
    report_to_json,
    score_dir,
    score_splits,
)
from memoryd.flush.items import Item

DEV = Path(__file__).parent / "data" / "eval" / "dev"


def item(kind: Any, text: str, *ids: str, must_keep: bool = False) -> Item:
    return Item(kind=kind, text=text, entry_ids=ids, must_keep=must_keep)


def gold(kind: Any, text: str, *ids: str, must_keep: bool = False) -> GoldItem:
    return GoldItem(kind=kind, text=text, evidence=ids, must_keep=must_keep)


# --- content words -------------------------------------------------------------------------------------


def test_content_words_drop_stop_words_in_four_languages_and_keep_identifiers() -> None:
    words = content_words("The cache is on db-01.internal:5433, version v2.3.1, at 02:00")
    assert {"cache", "db-01.internal", "5433", "v2.3.1", "02:00"} <= words
    assert not words & {"the", "is", "on", "at"}
    assert content_words("Der Server und die Datenbank") == {"server", "datenbank"}
    assert content_words("El servidor de la base") == {"servidor", "base"}
    assert content_words("Le serveur et la base") == {"serveur", "base"}


def test_content_words_split_cjk_into_bigrams() -> None:
    assert content_words("ディスク容量") == {"ディ", "ィス", "スク", "ク容", "容量"}
    assert content_words("容") == {"容"}


def test_coverage_counts_gold_words_found_and_compounds_by_their_parts() -> None:
    assert coverage("Staging DB: db-staging.internal port 5433", "staging db port") == 1.0
    assert coverage("db-staging internal 5433", "db-staging.internal") == 1.0
    assert coverage("nothing shared here", "Lena owns payments") == 0.0
    assert coverage("anything", "the and of") == 0.0


# --- matching -----------------------------------------------------------------------------------------


def test_shared_evidence_with_unrelated_text_does_not_match() -> None:
    """The old scorer's flaw: citing the right entry is not enough when the text says something else."""
    predicted = [item("decision", "Let me look at the logs first", "aaaa0001", "aaaa0002")]
    labels = [gold("decision", "Use Postgres 16 on port 5433 for the orders service", "aaaa0001")]
    assert match_items(predicted, labels) == []


def test_paraphrase_citing_the_evidence_matches() -> None:
    predicted = [item("decision", "We settled on Postgres for orders (5433).", "aaaa0002")]
    labels = [gold("decision", "Use Postgres 16 on port 5433 for the orders service", "aaaa0001", "aaaa0002")]
    assert coverage(predicted[0].text, labels[0].text) < 0.5
    assert match_items(predicted, labels) == [(0, 0)]


def test_paraphrase_with_weak_cover_and_no_evidence_does_not_match() -> None:
    predicted = [item("decision", "We settled on Postgres for orders (5433).", "ffff0009")]
    labels = [gold("decision", "Use Postgres 16 on port 5433 for the orders service", "aaaa0001")]
    assert match_items(predicted, labels) == []


def test_strong_cover_matches_without_shared_evidence() -> None:
    predicted = [item("fact", "Staging DB is db-staging.internal on port 5433", "bbbb0001")]
    labels = [gold("fact", "Staging DB: db-staging.internal port 5433", "aaaa0001")]
    assert match_items(predicted, labels) == [(0, 0)]


def test_other_kind_matches_only_kind_agnostic() -> None:
    predicted = [item("outcome", "Deploy of v2 failed", "aaaa0001")]
    labels = [gold("open_question", "Deploy of v2 failed", "aaaa0001")]
    assert match_items(predicted, labels) == []
    assert match_items(predicted, labels, any_kind=True) == [(0, 0)]


def test_matching_is_one_to_one_and_takes_the_best_pair_first() -> None:
    labels = [
        gold("decision", "Use Redis for sessions", "a1", "a2"),
        gold("decision", "Rejected: Postgres for sessions", "a1", "a2"),
    ]
    predicted = [
        item("decision", "Rejected: Postgres for sessions", "a1", "a2"),
        item("decision", "Sessions go to Redis", "a1"),
        item("decision", "Redis for sessions, agreed", "a2"),
    ]
    pairs = match_items(predicted, labels)
    assert (1, 0) in pairs and len(pairs) == 2
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


def test_score_dir_counts_recall_must_keep_leaks_noise_and_bytes(tmp_path: Path) -> None:
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
                    "family": "remember",
                },
                {
                    "kind": "decision",
                    "text": "Use a Redis cluster",
                    "evidence": ["ffff0009"],
                    "must_keep": True,
                    "family": "choice",
                },
                {"kind": "todo", "text": "Lena to resize the cache by Friday", "evidence": ["ffff0009"]},
            ],
            "canaries": ["Lena Fischer"],
            "noise": ["port 6380"],
            "family": "remember",
            "bank": "en-a",
        },
    )
    report = score_dir(tmp_path)
    (t,) = report.transcripts
    assert t.name == "case.jsonl" and (t.family, t.bank) == ("remember", "en-a")
    assert report.per_kind["fact"].tp == 1 and report.per_kind["decision"].fn == 1
    assert report.per_kind["todo"].fn == 1
    assert report.kinds_in_gold == ("decision", "todo", "fact")
    assert report.must_keep_total == 2 and report.must_keep_kept == 1 and report.must_keep_recall == 0.5
    assert report.canaries_leaked == 1
    assert all(
        "Lena Fischer" not in leak for leak in report_to_json(report)["transcripts"][0]["canaries_leaked"]
    )
    assert report.noisy >= 1 and 0 < report.noise_rate <= 1
    assert report.max_block_bytes == t.block_bytes > len("Lena Fischer owns the cache")
    families = report.per_family()
    assert list(families) == ["choice", "remember"]
    assert (families["remember"].kept, families["remember"].must_keep_kept) == (1, 1)
    assert (families["choice"].gold, families["choice"].kept, families["choice"].recall) == (1, 0, 0.0)
    assert list(report.per_bank()) == ["en-a"] and report.per_bank()["en-a"].gold == 3
    assert "template family" in format_report(report) and "phrasing bank" in format_report(report)


def test_gold_with_an_unknown_kind_is_an_error_naming_the_file(tmp_path: Path) -> None:
    _write_case(tmp_path, "bad", [_user("aaaa0001", "hi")], {"items": [{"kind": "vibe", "text": "x"}]})
    with pytest.raises(ValueError, match=r"bad\.gold\.json"):
        score_dir(tmp_path)


def test_splits_are_the_folder_itself_or_its_subfolders_with_gold(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        find_splits(tmp_path / "nowhere")
    with pytest.raises(ValueError, match=str(tmp_path)):
        find_splits(tmp_path)
    for split in ("b-split", "a-split"):
        (tmp_path / split).mkdir()
        _write_case(tmp_path / split, "one", [_user("aaaa0001", "hello")], {"items": []})
    (tmp_path / "empty").mkdir()
    assert [p.name for p in find_splits(tmp_path)] == ["a-split", "b-split"]
    assert find_splits(tmp_path / "a-split") == [tmp_path / "a-split"]
    reports = score_splits(tmp_path)
    table = format_splits(reports)
    assert [r.name for r in reports] == ["a-split", "b-split"]
    assert "a-split" in table and "b-split" in table and "macro-F1" in table


def _eval_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memoryd", "eval", *args], capture_output=True, text=True, check=False
    )


def test_eval_command_prints_one_row_per_split_and_json(tmp_path: Path) -> None:
    root = DEV.parent
    table = _eval_cli(str(root), "--rules")
    assert table.returncode == 0, table.stderr
    rows = {line.split()[0] for line in table.stdout.splitlines()[1:] if line.strip()}
    assert {"dev", "heldout-local"} <= rows
    data = json.loads(_eval_cli(str(DEV), "--json").stdout)
    assert list(data["splits"]) == ["dev"]
    assert data["splits"]["dev"]["macro_f1"] == pytest.approx(score_dir(DEV).macro_f1)
    verbose = _eval_cli(str(DEV), "--verbose").stdout
    assert "kind-agnostic" in verbose and "01-invoice-due-date-test.jsonl" in verbose


def test_eval_command_on_a_missing_or_unlabelled_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = _eval_cli(str(tmp_path / "nope"))
    assert missing.returncode == 2 and str(tmp_path / "nope") in missing.stderr
    (tmp_path / "t.jsonl").write_text("{}\n")
    empty = _eval_cli(str(tmp_path))
    assert empty.returncode == 2 and str(tmp_path) in empty.stderr and not empty.stdout


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
        "bytes per flush",
    ):
        assert needle in text
    data = json.loads(json.dumps(report_to_json(report)))
    assert data["macro_f1"] == pytest.approx(report.macro_f1)
    assert len(data["transcripts"]) == 6
    assert data["must_keep"]["total"] == report.must_keep_total
    assert data["bytes_per_flush"]["max"] == report.max_block_bytes


# --- the dev set --------------------------------------------------------------------------------------

#: Floors about 0.05 under what the rules reach with the text-aware matcher (docs/evaluation.md), so
#: that a regression fails here. Per kind: F1. The extractor streams may raise them.
KIND_FLOORS: dict[EvalKind, float] = {
    "decision": 0.90,
    "outcome": 0.93,
    "open_question": 0.95,
    "fact": 0.92,
    "procedure": 0.95,
}


def test_dev_set_floors() -> None:
    report = score_dir(DEV)
    assert report.macro_f1 >= 0.93
    for kind, floor in KIND_FLOORS.items():
        assert report.per_kind[kind].f1 >= floor, (kind, report.per_kind[kind])
    assert report.must_keep_recall >= 0.95
    assert report.canaries_leaked == 0
    assert report.noise_rate <= 0.05
    assert report.max_block_bytes <= 4096
    assert report.any_kind.f1 >= 0.93


# --- the local held-out set ---------------------------------------------------------------------------

LOCAL = Path(__file__).parent / "data" / "eval" / "heldout-local"

#: Floors for transcripts written without looking at the extractor's output (see the folder's README):
#: about 0.05 under what the rules reach, so that a change tuned to the dev set that breaks them fails.
LOCAL_KIND_FLOORS: dict[EvalKind, float] = {
    "decision": 0.89,
    "outcome": 0.91,
    "open_question": 0.87,
    "fact": 0.79,
    "procedure": 0.95,
}


def test_local_heldout_floors() -> None:
    report = score_dir(LOCAL)
    assert len(report.transcripts) >= 6
    assert report.macro_f1 >= 0.88
    for kind, floor in LOCAL_KIND_FLOORS.items():
        assert report.per_kind[kind].f1 >= floor, (kind, report.per_kind[kind])
    assert report.must_keep_recall >= 0.90
    assert report.canaries_leaked == 0
    assert report.noise_rate <= 0.10
    assert report.max_block_bytes <= 4096
