"""The tailer on real files: appends, partial lines, OpenClaw's in-place rewrites, renames, replacements."""

from __future__ import annotations

import os
import time
from pathlib import Path

from memoryd.sources.tail import Change, Cursor, read_new
from memoryd.sources.transcript import MAX_LINE_BYTES


def _read(cur: Cursor, **kw: int) -> tuple[Change, list[bytes]]:
    res = read_new(cur, now_ns=kw.get("now_ns", time.time_ns()), settle_ns=kw.get("settle_ns", 2_000_000_000))
    return res.change, [line.data for line in res.lines]


def test_partial_line_waits_for_its_newline(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"a":1}\n{"b":')
    cur = Cursor(str(p))
    assert _read(cur) == (Change.NEW, [b'{"a":1}'])
    assert _read(cur) == (Change.NONE, [])
    with p.open("ab") as fh:
        fh.write(b"2}\n")
    assert _read(cur) == (Change.APPENDED, [b'{"b":2}'])


def test_in_place_rewrite_with_same_bytes_delivers_nothing(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')
    cur = Cursor(str(p))
    _read(cur)
    data = p.read_bytes()
    with p.open("r+b") as fh:
        fh.truncate(0)
    assert _read(cur)[0] is Change.TRUNCATED_WAIT  # caught in the empty instant: wait, don't restart
    with p.open("r+b") as fh:
        fh.write(data + b'{"c":3}\n')
    assert _read(cur) == (Change.APPENDED, [b'{"c":3}'])


def test_truncation_that_stays_is_a_content_change_after_settling(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')
    cur = Cursor(str(p))
    _read(cur)
    p.write_bytes(b'{"h":2}\n')
    now = time.time_ns()
    assert _read(cur, now_ns=now)[0] is Change.TRUNCATED_WAIT
    assert _read(cur, now_ns=now + 3_000_000_000) == (Change.CONTENT_CHANGED, [b'{"h":2}'])


def test_replaced_by_rename_with_same_prefix_continues(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')
    cur = Cursor(str(p))
    _read(cur)
    tmp = tmp_path / "t.tmp"
    tmp.write_bytes(b'{"h":1}\n{"a":1}\n{"b":2}\n')
    tmp.replace(p)
    assert _read(cur) == (Change.REPLACED_SAME, [b'{"b":2}'])


def test_replaced_by_different_content_restarts(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')
    cur = Cursor(str(p))
    _read(cur)
    tmp = tmp_path / "t.tmp"
    tmp.write_bytes(b'{"h":9}\n{"z":1}\n{"y":2}\n')
    tmp.replace(p)
    assert _read(cur) == (Change.CONTENT_CHANGED, [b'{"h":9}', b'{"z":1}', b'{"y":2}'])


def test_same_size_rewrite_with_changed_last_line_is_detected(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')
    cur = Cursor(str(p))
    _read(cur)
    st = p.stat()
    p.write_bytes(b'{"h":1}\n{"a":2}\n')
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert _read(cur) == (Change.CONTENT_CHANGED, [b'{"h":1}', b'{"a":2}'])


def test_missing_file(tmp_path: Path) -> None:
    assert _read(Cursor(str(tmp_path / "nope.jsonl")))[0] is Change.MISSING


def test_symlink_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.jsonl"
    target.write_bytes(b'{"a":1}\n')
    link = tmp_path / "t.jsonl"
    link.symlink_to(target)
    res = read_new(Cursor(str(link)), now_ns=time.time_ns())
    assert res.change is Change.MISSING and res.errors[0][1] == "symlink_refused"


def test_over_long_line_is_skipped_with_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    big = b'{"x":"' + b"a" * (MAX_LINE_BYTES + 10) + b'"}'
    p.write_bytes(b'{"h":1}\n' + big + b'\n{"after":1}\n')
    cur = Cursor(str(p))
    res = read_new(cur, now_ns=time.time_ns())
    assert [line.data for line in res.lines] == [b'{"h":1}', b'{"after":1}']
    assert [e[1] for e in res.errors] == ["line_too_long"]
    assert res.lines[1].no == 3  # the skipped line still counts


def test_restart_resumes_from_the_saved_cursor_without_rereading(tmp_path: Path) -> None:
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"h":1}\n{"a":1}\n')
    cur = Cursor(str(p))
    _read(cur)
    saved = Cursor.from_json(cur.to_json())
    with p.open("ab") as fh:
        fh.write(b'{"b":2}\n')
    assert _read(saved) == (Change.APPENDED, [b'{"b":2}'])
