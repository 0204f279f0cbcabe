"""The hand-written eval splits are well-formed: transcripts parse, gold files follow the schema and
point at real entries, and each split's build script reproduces its files.

This test never runs the extractor and never scores anything: a split is scored once, by hand, before
anyone reads its misses (docs/evaluation.md); here its labels are checked for shape only.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from memoryd.evaluation import EVAL_KINDS, GoldItem, match_items
from memoryd.flush.items import Item
from memoryd.sources.transcript import parse_lines

EVAL = Path(__file__).parent / "data" / "eval"
#: split -> (how many labelled transcripts, its build script, its chat with nothing durable)
SPLITS = {
    "fresh2": (14, "make.py", "06-smalltalk-train"),
    "fresh3": (12, "build.py", "05-novel-lie-or-lay"),
    "fresh4": (14, "build.py", "04-sunday-chitchat"),
    "fresh5": (14, "build.py", "05-train-delay-chat"),
    "fresh6": (14, "build.py", "04-rainy-sunday-chat"),
    "fresh7": (11, "build.py", "08-friday-offsite-chat"),
    "fresh10": (12, "build.py", "08-saturday-rack-chat"),
    "fresh11": (12, "build.py", "12-rainy-monday-chat"),
    "fresh9": (12, "build.py", "11-coffee-break-chat"),
    "fresh8": (12, "build.py", "08-sunday-flea-market-chat"),
    "fresh13": (12, "build.py", "11-sunday-christmas-market-chat"),
    "fresh14": (12, "build.py", "08-pycon-hallway-chat"),
    "fresh12": (12, "build.py", "11-martes-lluvia-chat"),
    "fresh15": (12, "build.py", "05-smalltalk-sunday"),
    "fresh16": (12, "build.py", "06-quiet-night-chat"),
    "fresh17": (12, "build.py", "03-smalltalk-friday"),
    "fresh18": (12, "build.py", "06-smalltalk-rainy-wednesday"),
    "fresh19": (12, "build.py", "04-friday-smalltalk"),
    "fresh20": (12, "build.py", "08-smalltalk-friday-evening"),
    "fresh21": (12, "build.py", "09-chiacchiere-smalltalk"),
    "fresh22": (12, "build.py", "07-smalltalk-lumieres"),
    "fresh23": (12, "build.py", "08-smalltalk-viernes-tarde"),
    "fresh24": (12, "build.py", "09-smalltalk-weihnachtsmarkt-chat"),
    "fresh25": (12, "build.py", "09-smalltalk-schneefall"),
    "fresh26": (12, "build.py", "06-friday-smalltalk"),
    "fresh27": (12, "build.py", "10-smalltalk-sunday"),
    "fresh28": (12, "build.py", "09-smalltalk-late-evening"),
    "fresh29": (12, "build.py", "12-smalltalk-after-seminar"),
    "fresh30": (12, "build.py", "12-friday-smalltalk"),
}
GOLD_FILES = [p for split in SPLITS for p in sorted((EVAL / split).glob("*.gold.json"))]
_ID = re.compile(r"[0-9a-f]{8}")


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a decoded JSON value (keys excluded)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _load(gold_path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    transcript = gold_path.parent / gold["transcript"]
    lines = [json.loads(line) for line in transcript.read_text(encoding="utf-8").splitlines() if line.strip()]
    return gold, lines


@pytest.mark.parametrize("split", SPLITS)
def test_the_split_has_its_labelled_transcripts(split: str) -> None:
    folder = EVAL / split
    golds = sorted(folder.glob("*.gold.json"))
    assert len(golds) == SPLITS[split][0]
    assert {p.name.replace(".gold.json", ".jsonl") for p in golds} == {p.name for p in folder.glob("*.jsonl")}


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_transcript_parses_as_an_openclaw_session(gold_path: Path) -> None:
    gold, lines = _load(gold_path)
    data = (gold_path.parent / gold["transcript"]).read_bytes()
    header, entries, errors = parse_lines(data)
    assert errors == []
    assert header is not None and header.version == 3
    assert len(entries) == len(lines) - 1
    # ids: 8 hex, unique; a parent chain in file order; timestamps increasing
    ids = [e.id for e in entries]
    assert all(_ID.fullmatch(i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert [e.parent_id for e in entries] == [None, *ids[:-1]]
    stamps = [e.timestamp for e in entries]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    # every tool call gets exactly one result, in order, before the next assistant turn
    pending: list[str] = []
    for e in entries:
        if e.role == "assistant":
            assert pending == [], f"{e.id}: tool results missing"
            pending = [t.id for t in e.tool_calls]
        elif e.role == "toolResult":
            assert pending and e.tool_call_id == pending.pop(0)
    assert pending == []


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_follows_the_schema_and_cites_real_entries(gold_path: Path) -> None:
    gold, lines = _load(gold_path)
    assert set(gold) == {"transcript", "items", "canaries", "noise"}
    assert gold["transcript"] == gold_path.name.replace(".gold.json", ".jsonl")
    order = [line["id"] for line in lines[1:]]
    messages = {line["id"] for line in lines[1:] if line["type"] == "message"}
    for item in gold["items"]:
        assert set(item) == {"kind", "text", "evidence", "must_keep"}
        assert item["kind"] in EVAL_KINDS
        assert isinstance(item["text"], str) and item["text"].strip() and "\n" not in item["text"]
        assert isinstance(item["must_keep"], bool)
        ev = item["evidence"]
        assert ev and len(set(ev)) == len(ev)
        assert set(ev) <= messages, f"evidence not a message entry: {set(ev) - messages}"
        assert ev == sorted(ev, key=order.index), "evidence is in transcript order"
    texts = [i["text"] for i in gold["items"]]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_canaries_and_noise_occur_in_the_transcript_and_no_gold_text_holds_a_secret(gold_path: Path) -> None:
    gold, lines = _load(gold_path)
    corpus = "\n".join(s for line in lines for s in _strings(line))
    for secret in gold["canaries"]:
        assert isinstance(secret, str) and secret in corpus
        # A short canary (a 4-digit PIN) counts a leak only if nothing else in the transcript holds it.
        assert len(secret) >= 5 or corpus.count(secret) == 1, secret
        assert all(secret not in i["text"] for i in gold["items"])
    for phrase in gold["noise"]:
        assert phrase.lower() in corpus.lower(), phrase


@pytest.mark.parametrize("split", SPLITS)
def test_small_talk_chat_has_no_items_but_noise(split: str) -> None:
    gold = json.loads((EVAL / split / f"{SPLITS[split][2]}.gold.json").read_text(encoding="utf-8"))
    assert gold["items"] == [] and gold["noise"]


@pytest.mark.parametrize("split", SPLITS)
def test_the_build_script_reproduces_the_committed_files(split: str, tmp_path: Path) -> None:
    folder = EVAL / split
    subprocess.run([sys.executable, str(folder / SPLITS[split][1]), "--out", str(tmp_path)], check=True)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in folder.iterdir() if p.suffix in {".jsonl", ".json"})
    for name in written:
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_notes_saying_what_the_gold_says_match_every_item(gold_path: Path) -> None:
    """The labels are consistent with the matcher: ideal notes (the gold texts, citing the gold evidence)
    match each gold item one-to-one, so no item shadows another. No extractor is involved."""
    gold, _ = _load(gold_path)
    items = [GoldItem(g["kind"], g["text"], tuple(g["evidence"]), g["must_keep"]) for g in gold["items"]]
    ideal = [Item(kind=g.kind, text=g.text, entry_ids=g.evidence) for g in items]
    assert sorted(match_items(ideal, items)) == [(i, i) for i in range(len(items))]
