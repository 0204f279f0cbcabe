"""The conversation generator: committed splits regenerate byte-identically, every file is a
well-formed OpenClaw transcript, gold labels point at real entries, and the splits share nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from evalgen.generate import build, write_split
from evalgen.splits import SEED, specs

from memoryd.sources.transcript import parse_lines

EVAL = Path(__file__).parent / "data" / "eval"
_ID = re.compile(r"^[0-9a-f]{8}$")
_KINDS = {"decision", "outcome", "open_question", "todo", "fact", "procedure"}


@pytest.mark.parametrize("spec", specs(), ids=lambda s: s.name)
def test_committed_split_is_what_the_generator_writes(spec: Any, tmp_path: Path) -> None:
    write_split(spec, tmp_path, SEED)
    fresh = {p.name: p.read_bytes() for p in sorted((tmp_path / spec.name).iterdir())}
    committed = {
        p.name: p.read_bytes()
        for p in sorted((EVAL / spec.name).iterdir())
        if p.name.endswith((".jsonl", ".gold.json"))
    }
    assert sorted(fresh) == sorted(committed), "run: python -m tests.evalgen --out tests/data/eval"
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert not changed, f"regenerate: python -m tests.evalgen --out tests/data/eval ({changed[:3]})"


def test_generation_is_deterministic_per_seed() -> None:
    spec = specs()[0]
    assert build(spec, SEED, 3) == build(spec, SEED, 3)
    assert build(spec, SEED, 3)[1] != build(spec, SEED + 1, 3)[1]


def _check_transcript(lines: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    header, entries = lines[0], lines[1:]
    assert header["type"] == "session" and header["version"] == 3 and header["cwd"]
    by_id: dict[str, dict[str, Any]] = {}
    parent = None
    last_ts = header["timestamp"]
    calls: set[str] = set()
    prompt = 0
    for e in entries:
        assert _ID.match(e["id"]) and e["id"] not in by_id
        assert e["parentId"] == parent
        assert e["timestamp"] >= last_ts
        parent, last_ts = e["id"], e["timestamp"]
        by_id[e["id"]] = e
        if e["type"] != "message":
            continue
        m = e["message"]
        if m["role"] == "assistant":
            u = m["usage"]
            assert u["totalTokens"] == u["input"] + u["output"] + u["cacheRead"] + u["cacheWrite"]
            assert u["input"] + u["cacheRead"] > prompt
            prompt = u["input"] + u["cacheRead"]
            calls |= {b["id"] for b in m["content"] if b["type"] == "toolCall"}
            assert m["stopReason"] == (
                "toolUse" if any(b["type"] == "toolCall" for b in m["content"]) else "stop"
            )
        elif m["role"] == "toolResult":
            assert m["toolCallId"] in calls
            text = m["content"][0]["text"]
            assert m["isError"] == text.rstrip().split("\n")[-1].startswith("Command exited with code")
        else:
            assert m["role"] == "user" and m["content"][0]["type"] == "text"
    return by_id


@pytest.mark.parametrize("spec", specs(), ids=lambda s: s.name)
def test_every_file_is_a_well_formed_transcript_with_honest_gold(spec: Any) -> None:
    folder = EVAL / spec.name
    golds = sorted(folder.glob("*.gold.json"))
    assert len(golds) == spec.count
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = (folder / gold["transcript"]).read_text(encoding="utf-8")
        by_id = _check_transcript([json.loads(line) for line in raw.splitlines()])
        assert not parse_lines(raw.encode("utf-8"))[2], gold_path.name  # memoryd's reader agrees
        assert gold["family"] and gold["bank"] and gold["domain"]
        for it in gold["items"]:
            assert it["kind"] in _KINDS and it["text"].strip()
            assert it["evidence"] and all(eid in by_id for eid in it["evidence"])
            order = [list(by_id).index(eid) for eid in it["evidence"]]
            assert order == sorted(order), (gold_path.name, it)
        lowered = raw.lower()
        for canary in gold["canaries"]:
            assert canary in raw
        for phrase in gold["noise"]:
            assert phrase.lower() in lowered, (gold_path.name, phrase)


def test_generated_splits_cover_every_kind_and_must_keep() -> None:
    for spec in specs():
        kinds: set[str] = set()
        must_keep = 0
        for gold_path in (EVAL / spec.name).glob("*.gold.json"):
            items = json.loads(gold_path.read_text(encoding="utf-8"))["items"]
            kinds |= {it["kind"] for it in items}
            must_keep += sum(1 for it in items if it["must_keep"])
        assert kinds == _KINDS, spec.name
        assert must_keep >= spec.count


def test_splits_share_no_family_bank_domain_or_phrasing() -> None:
    all_specs = specs()
    for i, a in enumerate(all_specs):
        for b in all_specs[i + 1 :]:
            assert not set(a.families) & set(b.families)
            assert not {x.name for x in a.banks} & {x.name for x in b.banks}
            assert not {d.name for d in a.domains} & {d.name for d in b.domains}
            phrases_a = {p for bank in a.banks for ps in bank.phrases.values() for p in ps if len(p) > 12}
            phrases_b = {p for bank in b.banks for ps in bank.phrases.values() for p in ps if len(p) > 12}
            assert not phrases_a & phrases_b, sorted(phrases_a & phrases_b)[:5]


@pytest.mark.parametrize("split", ["dev", "heldout-local", "gen-tune", "gen-report", "fresh"])
def test_ideal_notes_score_one_on_every_split(split: str) -> None:
    """Notes that say exactly what the gold says, citing its evidence, match every gold item:
    the labels of a split are consistent with the matcher (no item shadows another)."""
    from memoryd.evaluation import GoldItem, match_items
    from memoryd.flush.items import Item

    for gold_path in sorted((EVAL / split).glob("*.gold.json")):
        raw = json.loads(gold_path.read_text(encoding="utf-8"))["items"]
        gold = [GoldItem(g["kind"], g["text"], tuple(g["evidence"]), g["must_keep"]) for g in raw]
        ideal = [Item(kind=g.kind, text=g.text, entry_ids=g.evidence) for g in gold]
        pairs = match_items(ideal, gold)
        assert pairs == [(i, i) for i in range(len(gold))], gold_path.name
