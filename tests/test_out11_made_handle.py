"""An offer to do one thing, taken, whose tool answers with a handle for what it made (``created
evt_...``, ``draft saved: drf_...``) is a decision and also an outcome: the thing made, led by the
tool's own line (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def kind(items: list[Item], name: str) -> list[Item]:
    return [i for i in items if i.kind == name]


def test_an_event_created_after_a_taken_offer_is_an_outcome_with_its_handle() -> None:
    c = Conv()
    c.user("The board meeting is settled for Thursday 14 January at 18:00 in room 2.")
    c.say("Noted. I could put it in the shared calendar as a 90-minute slot, 18:00 to 19:30. Want that?")
    c.user("yes please")
    made = c.run(
        "calctl add --cal board --title 'Board meeting' --start 2027-01-14T18:00 --end 2027-01-14T19:30",
        "created evt_k4w81q  2027-01-14 18:00  [board]",
    )
    report = c.say("The board meeting is in the shared calendar for Thursday 14 January at 18:00.")
    items = c.items()
    (out,) = kind(items, "outcome")
    assert "evt_k4w81q" in out.text and {made, report} <= set(out.entry_ids)
    assert kind(items, "decision")  # taking the offer is still the decision


def test_a_draft_saved_after_a_taken_offer_is_an_outcome_in_german_too() -> None:
    c = Conv()
    c.user("Die Halle für das Sommerfest ist am 3. Juli frei, 40 Personen.")
    c.say("Gut, der 3. Juli passt. Soll ich schon einen Entwurf der Anfrage an die Halle vorbereiten?")
    c.user("ja, aber nicht abschicken")
    made = c.run(
        "mailer draft --to halle@example.test --subject 'Sommerfest 3. Juli'",
        "draft saved: drf_p02mzt (Drafts) to=halle@example.test",
    )
    c.say("Entwurf gespeichert (drf_p02mzt), nicht abgeschickt.")
    items = c.items()
    (out,) = kind(items, "outcome")
    assert "drf_p02mzt" in out.text and made in out.entry_ids
    assert any(made in d.entry_ids for d in kind(items, "decision"))  # the decision still cites it


def test_a_handle_the_conversation_already_showed_makes_no_outcome() -> None:
    c = Conv()
    c.user("La reserva R-88213 del restaurante sigue en pie para el sábado, 12 personas.")
    c.say("Perfecto. ¿Quieres que confirme la reserva R-88213 con el restaurante?")
    c.user("sí")
    again = c.run("reservas confirmar R-88213", "sent R-88213 confirmation")
    c.say("Confirmada la R-88213 para el sábado.")
    c.user("Y el autobús para el domingo, 30 plazas. ¿Lo reservas también?")
    c.say("¿Quieres que lo reserve ya con Autocares Sur, 30 plazas el domingo?")
    c.user("sí, adelante")
    made = c.run("reservas nueva --proveedor autocares-sur --plazas 30", "booked BUS-40712 domingo 30 plazas")
    c.say("Reservado el autobús: BUS-40712, 30 plazas el domingo.")
    outs = kind(c.items(), "outcome")
    assert any(made in o.entry_ids and "BUS-40712" in o.text for o in outs)
    assert not any(again in o.entry_ids for o in outs)
