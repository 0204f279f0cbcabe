"""A run that failed only in part (exit 0, errors for some items in its output, and a line saying
what it did with the rest) did work: that part is an outcome of its own, beside the failure left
open."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_the_done_part_is_an_outcome_beside_the_open_failure() -> None:
    c = Conv()
    c.user("import the 2026 invoices from ~/scans into invoices.csv")
    run = c.run(
        "python3 import_invoices.py ~/scans invoices.csv",
        "failed: 2026-02-11_plumber.pdf: unreadable page\nwrote 31 rows to invoices.csv",
    )
    report = c.say("31 of 32 went through. The plumber scan is unreadable.")
    c.user("ok, I'll rescan it next week")
    c.say("Fine.")
    done = [o for o in outcomes(c.items()) if not o.must_keep and run in o.entry_ids]
    assert len(done) == 1
    assert "31 rows" in done[0].text and report in done[0].entry_ids
    assert any(o.must_keep and run in o.entry_ids for o in outcomes(c.items()))


def test_the_done_part_in_german() -> None:
    c = Conv()
    c.user("Räum bitte die alten Backups auf, die letzten drei bleiben.")
    run = c.run(
        "python scripts/prune_backups.py /srv/backups --keep-last 3",
        "deleted 88 snapshots in 12 hosts (640G)\nERROR: could not delete /srv/backups/db01/s-17: "
        "[Errno 13] Permission denied\ndone with 1 errors",
    )
    c.say("88 von 89 gelöscht (640G). Ein Snapshot von db01 gehört root und bleibt stehen.")
    c.user("lass den stehen")
    c.say("Gut.")
    done = [o for o in outcomes(c.items()) if not o.must_keep and run in o.entry_ids]
    assert len(done) == 1 and "88 snapshots" in done[0].text
