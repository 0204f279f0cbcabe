"""A value the user sets right against the one it replaces, in a sentence of its own, when the
assistant's turn before it never said the old value: the date written with its month ("the 9th of
June, not the 6th", "el 28 de enero, no el 26") or a price per unit ("0,14 €/mot, pas 0,12") is kept
as a correction (must keep), without the speaker's own lead ("I mixed it up: ...").
Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def facts_with(items: list[Item], needle: str) -> list[Item]:
    return [i for i in items if i.kind == "fact" and needle in i.text]


def test_a_date_with_its_month_set_against_another_is_a_correction() -> None:
    c = Conv()
    c.user("book the community hall for the choir concert")
    c.say("Done: the hall is reserved for the choir, 18:00 to 22:00.")
    fix = c.user("oh and the concert is on the 9th of June, not the 6th like I wrote")
    c.say("Got it, 9 June.")
    (fact,) = facts_with(c.items(), "9th of June")
    assert fix in fact.entry_ids and fact.must_keep and "6th" in fact.text


def test_a_spanish_date_with_de_and_its_month_is_a_correction() -> None:
    c = Conv()
    c.user("reserva el hotel en Oporto para el congreso")
    c.say("Reservado: Hotel Ribeira, habitación doble.")
    fix = c.user("y la llegada es el 14 de marzo, no el 12, me confundí")
    c.say("Anotado, llegada el 14 de marzo.")
    (fact,) = facts_with(c.items(), "14 de marzo")
    assert fix in fact.entry_ids and fact.must_keep


def test_a_german_date_with_its_month_is_a_correction() -> None:
    c = Conv()
    c.user("Trag das Sommerfest in den Vereinskalender ein.")
    c.say("Eingetragen: Sommerfest, Vereinsheim, ab 15 Uhr.")
    fix = c.user("Und das Fest ist am 21. Juni, nicht am 12.")
    c.say("Danke, 21. Juni.")
    (fact,) = facts_with(c.items(), "21. Juni")
    assert fix in fact.entry_ids and fact.must_keep


def test_a_price_per_unit_set_against_the_old_one_drops_the_speaker_s_lead() -> None:
    c = Conv()
    c.user("prépare le devis pour la traduction du manuel Ferrand")
    c.say("D'accord, je prépare le devis.")
    fix = c.user("au fait je me suis mélangée : le tarif Ferrand c'est 0,11 €/mot, pas 0,09")
    c.say("Corrigé.")
    (fact,) = facts_with(c.items(), "0,11")
    assert fix in fact.entry_ids and fact.must_keep
    assert fact.text.startswith("Le tarif Ferrand")


def test_an_italian_hourly_rate_set_against_the_old_one_is_a_correction() -> None:
    c = Conv()
    c.user("fammi la fattura per il cliente Bassi, 12 ore di consulenza")
    c.say("Preparo la fattura per Bassi.")
    fix = c.user("attenzione, la mia tariffa è 55 €/h, non 50")
    c.say("Ok, 55 € l'ora.")
    (fact,) = facts_with(c.items(), "55")
    assert fix in fact.entry_ids and fact.must_keep


def test_an_order_that_changes_a_value_is_no_correction() -> None:
    c = Conv()
    c.user("book the van for the move")
    c.say("Booked the van for Saturday.")
    c.user("make it the 9th of June, not the 6th")
    c.say("Changed to 9 June.")
    assert not facts_with(c.items(), "9th")
