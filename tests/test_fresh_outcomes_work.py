"""Outcomes of work done with commands the effect table does not know, on conversations built here."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_unknown_commands_that_passed_and_were_reported_are_one_outcome() -> None:
    c = Conv()
    c.user("Bitte die Etiketten für die Lieferung 4471 drucken und an die Spedition melden.")
    a = c.run("cd ~/lager && ./etikett drucken --lieferung 4471", "36 Etiketten an Drucker lager-2 gesendet")
    b = c.run("cd ~/lager && ./spedition melden --lieferung 4471", "Meldung 88213 angenommen")
    report = c.say(
        "Erledigt: 36 Etiketten für Lieferung 4471 gedruckt, Meldung 88213 bei der Spedition angenommen."
    )
    (out,) = outcomes(c.items())
    assert "88213" in out.text and "36" in out.text
    assert {a, b, report} <= set(out.entry_ids)


def test_unknown_commands_that_only_look_are_no_outcome() -> None:
    c = Conv()
    c.user("¿Cuántos pedidos hay pendientes en la cola?")
    c.run("colactl status --queue pedidos", "pendientes: 12\nen curso: 3")
    c.say("Hay 12 pedidos pendientes y 3 en curso.")
    assert outcomes(c.items()) == []


def test_unknown_commands_without_a_report_are_no_outcome() -> None:
    c = Conv()
    c.user("lance la synchro des fiches")
    c.run("fichesync pousser --tout", "ok")
    c.user("merci")
    assert outcomes(c.items()) == []


def test_a_new_request_after_a_report_starts_new_work() -> None:
    c = Conv()
    c.user("Commit the change please.")
    commit = c.run("git commit -am 'Fix rounding of totals'", "[main 7a1b2c3] Fix rounding of totals")
    c.say("Committed 7a1b2c3.")
    c.user("Great. Now render the March statements and mail them.")
    render = c.run("./statements render --month 2027-03", "41 statements rendered to out/2027-03")
    mail = c.run("./statements mail --month 2027-03", "41 mails queued, 0 rejected")
    c.say("All 41 March statements are rendered and mailed, none rejected.")
    got = outcomes(c.items())
    assert len(got) == 2
    first, second = sorted(got, key=lambda i: i.text.find("7a1b2c3"), reverse=True)
    assert "7a1b2c3" in first.text and render not in first.entry_ids
    assert commit not in second.entry_ids and {render, mail} <= set(second.entry_ids)
    assert "41" in second.text


def test_an_unknown_command_piped_into_a_filter_is_a_look_not_work() -> None:
    c = Conv()
    c.user("Steht in der Satzung etwas zur Mindestzahl der Mitglieder?")
    c.run("pdftotext satzung.pdf - | grep -n -i mitglieder", "88: Der Verein hat mindestens 7 Mitglieder.")
    c.say("Ja: Zeile 88 der Satzung verlangt mindestens 7 Mitglieder.")
    assert outcomes(c.items()) == []
