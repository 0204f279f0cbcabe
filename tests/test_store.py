"""sessions.json: parsing, reading through renames, and where transcripts may be."""

from __future__ import annotations

from pathlib import Path

import pytest

from memoryd.sources.store import StoreEntry, StoreUnreadable, parse_store, read_store, resolve_session_file

SAMPLES = Path(__file__).parent / "data" / "samples"


def test_real_stores_parse() -> None:
    real = parse_store(
        (SAMPLES / "openclaw-real-2026.7.1/state/agents/main/sessions/sessions.json").read_bytes()
    )
    main = real["agent:main:main"]
    assert (main.compaction_count, main.context_tokens, len(main.checkpoints)) == (5, 32768, 5)
    assert main.checkpoints[0].entry_id == "19541528" and main.checkpoints[3].reason == "manual"
    old = parse_store((SAMPLES / "openclaw/sessions-sample-openclaw-2026.3.8.json").read_bytes())
    assert old["agent:main:main"].session_id == "8555a0a4-0b79-459d-939c-e17cdbbf4fe2"


def test_half_written_or_missing_store_is_unreadable_not_empty(tmp_path: Path) -> None:
    p = tmp_path / "sessions.json"
    with pytest.raises(StoreUnreadable) as info:
        read_store(p, attempts=2, pause=0.001)
    assert info.value.reason == "missing"
    p.write_bytes(b'{"agent:main:main": {"sessionId": "a"')
    with pytest.raises(StoreUnreadable) as info:
        read_store(p, attempts=2, pause=0.001)
    assert info.value.reason == "invalid_json"


def _entry(session_id: str, session_file: str | None) -> StoreEntry:
    return parse_store(
        (
            '{{"k": {{"sessionId": "{}"{}}}}}'.format(
                session_id, f', "sessionFile": "{session_file}"' if session_file else ""
            )
        ).encode()
    )["k"]


def test_session_file_resolution(tmp_path: Path) -> None:
    d = tmp_path / "agents" / "main" / "sessions"
    d.mkdir(parents=True)
    (d / "abc.jsonl").write_text("{}\n")
    outside = tmp_path / "outside.jsonl"
    outside.write_text("{}\n")
    assert resolve_session_file(d, _entry("abc", None)) == ((d / "abc.jsonl").resolve(), None)
    moved = "/home/oc/run/state/agents/main/sessions/abc.jsonl"  # a copied state dir (the real sample)
    assert resolve_session_file(d, _entry("abc", moved)) == ((d / "abc.jsonl").resolve(), None)
    assert resolve_session_file(d, _entry("abc", str(outside)))[1] == "session_file_outside_sessions_dir"
    assert (
        resolve_session_file(d, _entry("abc", "../../../outside.jsonl"))[1]
        == "session_file_outside_sessions_dir"
    )
    (d / "evil.jsonl").symlink_to(outside)
    assert resolve_session_file(d, _entry("evil", None))[1] == "session_file_symlink_outside"
    win = r"C:\\Users\\u\\.openclaw\\agents\\main\\sessions\\abc.jsonl"
    assert resolve_session_file(d, _entry("abc", win)) == ((d / "abc.jsonl").resolve(), None)
