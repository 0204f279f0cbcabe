"""A failure only the output shows, closed by the same command run again: inside a retry loop
(``sleep; <it> && check``) or with only a switch changed, on the same inputs."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_a_retry_wrapping_the_failing_probe_closes_it() -> None:
    c = Conv()
    c.user("grab the signed contract from the vendor portal")
    probe = "curl -s -o /tmp/contract.pdf -w '%{http_code}\\n' https://portal.example.org/api/docs/K-77"
    bad = c.run(probe, "503")
    c.say("The portal answered 503, so the file is an error page. Retrying in a minute.")
    good = c.run(
        f"sleep 60; {probe} && file /tmp/contract.pdf", "200\n/tmp/contract.pdf: PDF document, 3 pages"
    )
    c.say("Got it on the second try: contract K-77, 3 pages.")
    (out,) = outcomes(c.items())
    assert {bad, good} <= set(out.entry_ids)
    assert not out.must_keep


def test_the_same_script_with_another_switch_closes_it_in_german() -> None:
    c = Conv()
    c.user("Bitte die Jahresliste aus der Vorlage bauen, Vorlage liste-2025.xlsx.")
    bad = c.run(
        "python3 tools/liste.py liste-2025.xlsx /tmp/posten.csv liste-2026.xlsx --copy-formulas",
        "wrote liste-2026.xlsx (90 rows)\nerror: 12 formulas point to wrong rows",
    )
    c.say("Die Formeln zeigen auf falsche Zeilen. Ich schreibe sie pro Zeile neu.")
    good = c.run(
        "python3 tools/liste.py liste-2025.xlsx /tmp/posten.csv liste-2026.xlsx --rewrite-formulas",
        "wrote liste-2026.xlsx (90 rows, formulas rewritten: 90, errors: 0)",
    )
    c.say("Die Liste steht: liste-2026.xlsx mit 90 Posten, alle Formeln korrekt.")
    (out,) = outcomes(c.items())
    assert {bad, good} <= set(out.entry_ids)
    assert not out.must_keep and "90" in out.text


def test_a_retry_after_a_pause_closes_a_json_error_in_spanish() -> None:
    c = Conv()
    c.user("Apunta la cita con el florista el martes a las 10:00, por favor.")
    add = "calctl add --title 'Florista' --start 2026-11-24T10:00"
    bad = c.run(add, '{"ok":false,"error":"internal","status":500}')
    c.say("El calendario ha devuelto un 500 aunque el comando terminó bien. Lo intento otra vez.")
    good = c.run(f"sleep 20 && {add}", '{"ok":true,"id":"evt_k81","start":"2026-11-24T10:00"}')
    c.say("Ahora sí: martes 24 a las 10:00 con el florista (evt_k81).")
    (out,) = outcomes(c.items())
    assert {bad, good} <= set(out.entry_ids)
    assert not out.must_keep
