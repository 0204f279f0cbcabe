"""A rule that raises costs its own items, never the flush: the other rules' items are still there,
and the failure is logged with the rule's name. (Found on 2026-12-03: a to-do rule raised
KeyError on an Italian session; the whole extraction, and so the flush, failed with it.)"""

from __future__ import annotations

from typing import Any

import pytest
import structlog
from test_extract import Transcript

from memoryd.flush import extract


def _conversation() -> Transcript:
    t = Transcript()
    t.user("Should the nightly export run at 01:00 or at 03:00?")
    t.assistant("Options:\n1. 01:00, before the backups\n2. 03:00, after the backups\n\nWhich one?")
    t.user("the second one")
    t.assistant("Done: the export now runs at 03:00.")
    t.user("From now on, always write the export files to /srv/exports.")
    t.assistant("Noted.")
    return t


def _boom(*_: Any) -> None:
    raise KeyError("xx")


def test_a_whole_pass_that_raises_loses_only_its_own_items(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _conversation().items()
    assert {i.kind for i in whole} >= {"decision", "fact"}
    monkeypatch.setattr(extract, "settle", _boom)  # a pass over the range
    monkeypatch.setattr(extract, "stated_facts", _boom)  # a rule run on each user turn
    with structlog.testing.capture_logs() as logs:
        items = _conversation().items()
    assert [i for i in items if i.kind == "decision"] == [i for i in whole if i.kind == "decision"]
    failed = [e for e in logs if e["event"] == "extract.rule_failed"]
    assert {e["rule"] for e in failed} >= {"_boom"} and all("KeyError" in e["error"] for e in failed)


def test_a_turn_that_raises_loses_only_that_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _conversation().items()
    real = extract.read_reply  # type: ignore[attr-defined]  # the name the rule runner calls

    def fails_on_the_pick(ctx: Any, m: Any, prev: Any, used: set[int]) -> None:
        if "second" in m.prose:
            raise IndexError("a bug met on one turn")
        real(ctx, m, prev, used)

    monkeypatch.setattr(extract, "read_reply", fails_on_the_pick)
    with structlog.testing.capture_logs() as logs:
        items = _conversation().items()
    assert not [i for i in items if i.kind == "decision" and "03:00" in i.text]  # that turn's item
    assert [i for i in items if i.kind == "fact"] == [i for i in whole if i.kind == "fact"]  # the next turn's
    assert [e["rule"] for e in logs if e["event"] == "extract.rule_failed"] == ["_user_turn"]
