"""The transcript parser on real files: every sample parses, nothing raises."""

from __future__ import annotations

from pathlib import Path

import pytest
import zstandard

from memoryd.sources.transcript import LineError, loads_line, parse_entry, parse_lines

SAMPLES = Path(__file__).parent / "data" / "samples"
TRANSCRIPTS = sorted(
    p
    for p in SAMPLES.rglob("*")
    if p.is_file()
    and p.name not in ("turns.jsonl", "trace.jsonl")  # the driver's logs, not transcripts
    and (p.name.endswith(".jsonl") or ".jsonl.reset." in p.name or ".jsonl.deleted." in p.name)
)


def test_there_are_real_samples() -> None:
    assert len(TRANSCRIPTS) >= 9


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda p: p.name[:40])
def test_real_samples_parse_without_error(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix == ".zst":  # OpenClaw >= 2026.7.2 archives a deleted transcript zstd-compressed
        with zstandard.ZstdDecompressor().stream_reader(data) as reader:
            data = reader.read()
    header, entries, errors = parse_lines(data)
    assert errors == []
    assert entries
    assert header is not None or "pi-docs" in path.name  # the doc excerpt starts mid-file


def test_real_2026_7_1_transcript_has_five_compactions_and_usage() -> None:
    path = next(p for p in TRANSCRIPTS if ".jsonl.reset." in p.name)
    header, entries, _ = parse_lines(path.read_bytes())
    assert header is not None and header.version == 3
    comps = [e for e in entries if e.type == "compaction"]
    assert [c.compaction.first_kept_entry_id for c in comps if c.compaction] == [
        "08616e6e",
        "019d5d96",
        "e7f5aaa4",
        "b328ffdc",
        "7f364d24",
    ]
    usages = [e.usage for e in entries if e.role == "assistant" and e.usage and not e.usage.is_zero]
    assert usages[0].prompt == 16528


def test_v1_entries_get_line_ids_and_compaction_index() -> None:
    path = SAMPLES / "openclaw" / "transcript-sample-pi-fixture-v1.jsonl"
    header, entries, _ = parse_lines(path.read_bytes())
    assert header is not None and header.version == 1
    assert entries[0].id == "L2"
    comp = next(e for e in entries if e.type == "compaction")
    assert comp.compaction is not None and comp.compaction.first_kept_entry_index is not None


def test_user_content_string_and_blocks() -> None:
    e1 = parse_entry(loads_line(b'{"type":"message","id":"a","message":{"role":"user","content":"hi"}}'), 2)
    e2 = parse_entry(
        loads_line(
            b'{"type":"message","id":"b","message":{"role":"assistant","content":[{"type":"thinking","thinking":"t"},'
            b'{"type":"text","text":"x"},{"type":"toolCall","id":"c1","name":"bash","arguments":{"command":"ls"}}]}}'
        ),
        3,
    )
    assert e1.text == "hi"
    assert (e2.text, e2.thinking, e2.tool_calls[0].arguments) == ("x", "t", {"command": "ls"})


def test_unknown_types_are_kept_not_failed() -> None:
    e = parse_entry(loads_line(b'{"type":"brand_new_thing","id":"z1","parentId":null}'), 5)
    assert e.type == "brand_new_thing" and e.id == "z1"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"type":"message", "id": ', "invalid_json"),
        (b"[1,2]", "not_an_object"),
        (b'{"type":"message","id":"a","message":"\xff\xfe"}', "invalid_utf8"),
    ],
)
def test_bad_lines_have_stable_reasons(line: bytes, reason: str) -> None:
    with pytest.raises(LineError) as info:
        loads_line(line)
    assert info.value.reason == reason


def test_u2028_inside_strings_is_not_a_line_break() -> None:
    data = '{"type":"message","id":"a","message":{"role":"user","content":"one\u2028two"}}\n'.encode()
    _, entries, errors = parse_lines(data)
    assert errors == [] and entries[0].text == "one\u2028two"
