"""A status field whose value says the thing is degraded or failed in part (``"status":"degraded"``,
``state: DEGRADED``, ``"phase":"PartiallyFailed"``) is a failure the output shows while the command
exits 0: an unresolved failure (must keep) when nothing fixes it. Conversations written here, in
en/it."""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.tools import text_failure


def test_degraded_and_partly_failed_states_are_failures() -> None:
    assert text_failure('{"status":"degraded","checks":{"db":"ok","queue":"timeout"}}')
    assert text_failure("  pool: data\n state: DEGRADED\nstatus: One or more devices has been removed")
    assert text_failure('11:40 {"phase":"PartiallyFailed","restored":30,"total":31}')
    assert not text_failure('{"status":"ok","checks":{"db":"ok"}}')


def test_it_degraded_health_is_an_open_failure() -> None:
    t = Transcript()
    t.user("controlla lo stato del servizio tariffe su staging")
    t.bash(
        "curl -s http://tariffe.staging.lan:8080/readyz",
        '{"status":"degraded","sources":{"bce":"error: upstream returned 502","cache":"ok"}}',
    )
    t.assistant("Il servizio risponde, ma è degraded: la sorgente bce restituisce 502.")
    t.user("ok, lo guarda Marco lunedì")
    assert any(o.must_keep for o in of_kind(t.items(), "outcome"))


def test_en_partially_failed_restore_is_an_open_failure() -> None:
    t = Transcript()
    t.user("run the monthly restore test of the billing namespace")
    t.bash(
        "for i in 1 2 3; do restorectl status rt-billing -o json | jq -c '{phase,restored,total}'; sleep 60; done",
        '{"phase":"InProgress","restored":10,"total":31}\n{"phase":"PartiallyFailed","restored":30,"total":31}',
    )
    t.assistant("The restore ended PartiallyFailed: 30 of 31 items came back, one volume did not.")
    t.user("thanks, I'll look at the volume tomorrow")
    assert any(o.must_keep for o in of_kind(t.items(), "outcome"))
