"""A tool of its own (cron, calendar) that fails, then works or not (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_calendar_fails_in_json_then_works_is_one_resolved_outcome_en() -> None:
    c = Conv()
    c.user("Put the piano lesson on Thursdays at 17:30 into the family calendar.")
    bad = c.call(
        "calendar",
        {"action": "create", "title": "Piano", "rrule": "FREQ=WEEKLY;BYDAY=TH"},
        '{"ok": false, "error": "calendar id family-shared is read-only for this token"}',
    )
    good = c.call(
        "calendar",
        {"action": "create", "calendar": "primary", "title": "Piano", "rrule": "FREQ=WEEKLY;BYDAY=TH"},
        '{"ok": true, "eventId": "evt_4410"}',
    )
    c.say("Piano lesson added to your own calendar every Thursday at 17:30.")
    got = [o for o in outcomes(c.items()) if bad in o.entry_ids]
    assert len(got) == 1 and good in got[0].entry_ids and not got[0].must_keep
    assert "Thursday" in got[0].text


def test_cron_fails_and_nothing_works_is_unresolved_fr() -> None:
    c = Conv()
    c.user("Rappelle-moi chaque vendredi à 18h de sortir les poubelles.")
    bad = c.call(
        "cron",
        {"action": "add", "job": {"expr": "0 18 * * 5"}},
        "gateway refused the job: scheduler quota reached",
        code=1,
    )
    c.say("Le serveur refuse : le quota de tâches est atteint.")
    (got,) = [o for o in outcomes(c.items()) if bad in o.entry_ids]
    assert got.must_keep


def test_a_tool_that_works_first_time_is_no_failure_de() -> None:
    c = Conv()
    c.user("Erinnere mich morgen um 7 Uhr an den Zahnarzt.")
    c.call("cron", {"action": "add", "job": {"expr": "0 7 4 12 *"}}, '{"ok": true, "jobId": "job_77"}')
    c.say("Erinnerung steht: morgen 7 Uhr, Zahnarzt.")
    assert not any(o.must_keep for o in outcomes(c.items()))
