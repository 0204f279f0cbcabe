"""A failure left open says what failed: when a long command and its error line do not both fit,
the command (only an echo) is shortened, not the error."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def still_open(items: list[Item], at: str) -> Item:
    (item,) = [i for i in items if i.kind == "outcome" and at in i.entry_ids]
    assert item.must_keep
    return item


def test_the_whole_error_stays_when_the_command_is_long() -> None:
    c = Conv()
    c.user("restart the billing connector please")
    cmd = (
        "curl -s -X POST http://connect.internal.example.net:8083/connectors/billing-cdc/restart"
        "?includeTasks=true && curl -s http://connect.internal.example.net:8083/connectors/billing-cdc/status"
    )
    bad = c.run(
        cmd,
        'FAILED\norg.example.jdbc.JdbcConnectionException: FATAL: password authentication failed for user "cdc_billing"',
    )
    c.say("The restart did not help.")
    c.user("ok, leave it")
    c.say("Leaving it.")
    text = still_open(c.items(), bad).text
    assert 'password authentication failed for user "cdc_billing"' in text


def test_the_whole_error_stays_in_german() -> None:
    c = Conv()
    c.user("Bitte den Export für den Mandanten M-30112 ab dem 1.11. anstoßen.")
    cmd = (
        "curl -s -X POST -H 'Content-Type: application/json' -d '{\"since\":\"2026-11-01\"}' "
        "https://api.portal.example.de/v2/mandanten/M-30112/exporte"
    )
    bad = c.run(
        cmd,
        '{"id":"exp_4410","status":"error","message":"upstream storage unavailable (code 5031)","retry_after":null}',
    )
    c.say("Der Export schlägt fehl.")
    c.user("naja, dann eben montag")
    c.say("Gut.")
    text = still_open(c.items(), bad).text
    assert "upstream storage unavailable (code 5031)" in text
