"""A task whose doer is named after the verb, the object fronted and taken up by a clitic, is a to-do.

Structure (fresh23 and fresh24, two writers, Spanish and Italian): the user fronts what is to be done,
repeats it with an object pronoun, and names the doer after the verb, with a day ("las facturas las
revisa Lola el jueves 3", "il contratto lo manda Piero entro venerdì 9"). The name after the verb is
the subject, as a name before it is; without a when it is no task, and in a refusal it is the
refusal's reason.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract import inverted


def test_the_name_after_a_clitic_and_its_verb_is_the_doer() -> None:
    assert inverted.clitic_doer("las facturas las revisa Lola el jueves 3") == "Lola"
    assert inverted.clitic_doer("il contratto lo manda Piero entro venerdì 9") == "Piero"
    assert inverted.clitic_doer("la lista la chiude Anna") == "Anna"
    assert inverted.clitic_doer("ya lo revisé yo ayer") == ""  # no name after the verb
    assert inverted.clitic_doer("la sala Nord Est") == ""  # a longer proper noun, no doer


def test_a_clitic_fronted_task_needs_a_when() -> None:
    t = Transcript()
    t.user("cerramos el trimestre. las facturas de proveedores las revisa Lola, como siempre")
    t.assistant("Perfecto, preparo el resto del cierre mientras tanto.")
    assert not of_kind(t.items(), "todo")  # no day: how things are done, no task


def test_a_refusals_clitic_reason_stays_in_the_refusal() -> None:
    t = Transcript()
    t.user("abbiamo chiuso i conti della festa")
    t.assistant("Vuoi che mandi anche il resoconto ai volontari per email?")
    t.user("no, lo presenta Piero alla riunione di venerdì 9")
    (item,) = of_kind(t.items(), "decision")
    assert "Piero" in item.text and not of_kind(t.items(), "todo")


def test_a_clitic_fronted_task_in_spanish() -> None:
    t = Transcript()
    t.user("tengo que cerrar el trimestre. las facturas de proveedores las revisa Lola el jueves 3")
    t.assistant("Perfecto, preparo el resto del cierre mientras tanto.")
    found = of_kind(t.items(), "todo")
    assert len(found) == 1 and "revisa Lola el jueves 3" in found[0].text


def test_a_clitic_fronted_task_in_italian() -> None:
    t = Transcript()
    t.user("per il trasloco: il preventivo definitivo lo manda Piero entro venerdì 9, poi decidiamo")
    t.assistant("Bene, intanto confronto i due preventivi che abbiamo già.")
    found = of_kind(t.items(), "todo")
    assert len(found) == 1 and "lo manda Piero entro venerdì 9" in found[0].text
