"""A reply that opens with "no" and sets a number of its own against one the assistant said ("no, the
fair opens on the 15th, not the 14th") corrects a value: it is no refusal of what was offered and no
rejection of the option with the old number, and it is no later pick of pending options. A "no"
with only a new number is still read as a reply. Conversations written here, in en/fr/es/it."""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted

from memoryd.flush.extract.asides import sets_number_right
from memoryd.flush.extract.messages import visible_messages
from memoryd.flush.items import Item


def _rejected(items: list[Item]) -> list[Item]:
    return [
        d
        for d in of_kind(items, "decision")
        if d.text.startswith(("Rejected", "Rejeté", "Rechazado", "Rifiutato", "Abgelehnt"))
    ]


def test_en_no_with_the_right_date_refuses_no_offer() -> None:
    t = Transcript()
    t.user("the print shop needs the flyer order for the book fair")
    t.assistant(
        "Order drafted: 300 flyers, delivered to the stand on Friday the 14th. "
        "Want me to send it to the print shop now?"
    )
    t.user("no the fair opens on the 15th, friday is the 15th. 14th is a thursday")
    assert _rejected(t.items()) == []


def test_fr_non_with_the_right_day_rejects_no_option() -> None:
    t = Transcript()
    t.user("comment on relance le chargement des ventes manquantes ?")
    t.assistant(
        "Trois façons de faire :\n\n"
        "1. Tout d'un coup, jours 1 à 10 : le plus rapide, mais l'entrepôt sature\n"
        "2. Par lots de 3 jours : plus lent, on vérifie les comptes entre les lots\n"
        "3. Un jour par nuit : aucun risque, mais il faut une semaine et demie\n\n"
        "Laquelle préfères-tu ?"
    )
    t.user("non attends, c'est jusqu'au 9, pas le 10. le 10 a été chargé normalement")
    items = t.items()
    assert _rejected(items) == []
    assert accepted(items) == []


def test_it_no_with_the_right_day_rejects_no_option() -> None:
    t = Transcript()
    t.user("quando facciamo la visita alla sala con gli sposi?")
    t.assistant(
        "Slot liberi:\n\n"
        "1. Lunedì 16, 15:00-19:00: il giorno dell'arrivo\n"
        "2. Martedì 17, 09:00-13:00: la mattina, con la luce migliore\n\n"
        "Quale preferisci?"
    )
    t.user("no aspetta, arrivano il 26 non il 16!! rifai tutto")
    assert _rejected(t.items()) == []


def test_es_the_pick_stays_when_a_later_no_puts_a_number_right() -> None:
    t = Transcript()
    t.user("¿me das tres opciones para el objetivo del trimestre?")
    offer = t.assistant(
        "Tres opciones:\n\n"
        "1. **Calidad**: cero incidencias graves en la tienda online\n"
        "2. **Rapidez**: alta de un proveedor nuevo de 8 a 3 días\n"
        "3. **Ahorro**: bajar el coste de envío un 15 %\n\n"
        "¿Cuál encaja mejor?"
    )
    pick = t.user("La segunda, la calidad ya la seguimos aparte.")
    t.assistant("Perfecto: objetivo, bajar el alta de proveedores de 8 a 3 días.")
    t.assistant("Por cierto, según tus notas hoy son 8 días laborables, ¿correcto?")
    t.user("No, son 11 días naturales, no 8 laborables.")
    (decision,) = accepted(t.items())
    assert "3 días" in decision.text
    assert {offer, pick} <= set(decision.entry_ids)


def test_a_no_with_only_a_new_value_is_still_a_reply() -> None:
    t = Transcript()
    t.user("when do we call the landlord?")
    prev = t.assistant("I can put the call in for 14:00 tomorrow. Shall I?")
    t.user("no, 16:30 works better")
    msgs = visible_messages(t.entries())
    offer = next(m for m in msgs if m.id == prev)
    reply = msgs[-1]
    assert not sets_number_right(reply.sentences, offer)
    assert sets_number_right(("no, 16:30 not 14:00",), offer)


def test_en_numbers_with_an_exponent_are_put_right_too() -> None:
    t = Transcript()
    t.user("the 7b run went to nan again")
    t.assistant(
        "The loss scale collapsed from step 900. The config uses lr 3e-4 with no warmup. The small runs use "
        "the same 3e-4, so I'd keep the LR and add 200 warmup steps."
    )
    t.user("no, the small runs are 2e-4, not 3e-4. check the config")
    assert of_kind(t.items(), "decision") == []


def test_de_zahlen_mit_exponent() -> None:
    t = Transcript()
    t.user("der große Lauf ist wieder bei nan")
    t.assistant(
        "Der Loss-Scale ist ab Schritt 900 eingebrochen. Die Konfiguration hat lr 3e-4 ohne Warmup. Die "
        "kleinen Läufe nutzen dieselbe 3e-4, daher würde ich die LR behalten und 200 Warmup-Schritte "
        "ergänzen. Passt das?"
    )
    t.user("nein, die kleinen Läufe haben 1e-4, nicht 3e-4. schau in die config")
    assert of_kind(t.items(), "decision") == []


def test_fr_a_time_in_hours_put_right() -> None:
    t = Transcript()
    t.user("fais-moi le déroulé du jour J")
    t.assistant(
        "Déroulé :\n\n- 17:00 cérémonie\n- 18:00 vin d'honneur\n- 20:00 dîner\n\n"
        "Tu veux que je le partage avec les mariés ?"
    )
    t.user("non, la cérémonie c'est 17h30. 17h c'est l'arrivée des invités, décale tout")
    assert _rejected(t.items()) == []


def test_es_a_time_in_hours_put_right() -> None:
    t = Transcript()
    t.user("hazme el horario de la cena del sábado")
    t.assistant(
        "Horario:\n\n- 19:00 aperitivo\n- 20:00 cena\n- 23:00 baile\n\n¿Quieres que se lo envíe a los novios?"
    )
    t.user("no, la cena es a las 21h, no a las 20h. cambia el resto también")
    assert _rejected(t.items()) == []
