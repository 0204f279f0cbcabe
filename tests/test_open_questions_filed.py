"""A point the user raises mid-turn that the assistant files as open: the open word closes a clause
("..., I'll leave it pending") or is followed by "until" ("stays open until ..."), in en, de, es, fr
and it. A "yes" answer or "nothing pending" files nothing. Conversations written here."""

from __future__ import annotations

from test_extract import Transcript

from memoryd.flush.extract.todos import files_open
from memoryd.flush.items import Item


def _open(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "open_question"]


def test_en_open_until_something_happens() -> None:
    t = Transcript()
    t.user("the hall is booked for the 12th.")
    t.assistant("Good, hall on the 12th.")
    said = t.user("ok. whether we serve hot food depends on the caterer, no word from them yet")
    ack = t.assistant("Alright, hot food stays open until the caterer replies.")
    (q,) = _open(t.items())
    assert "hot food" in q.text and {said, ack} <= set(q.entry_ids)


def test_de_offen_bis_after_a_statement() -> None:
    t = Transcript()
    t.user("Die Proben sind dienstags um 19 Uhr.")
    t.assistant("Notiert: Proben dienstags 19 Uhr.")
    said = t.user("ob wir im Sommer auftreten, klären wir erst nach der Sitzung mit Greta.")
    t.assistant("Gut, der Sommerauftritt bleibt offen bis nach der Sitzung.")
    (q,) = _open(t.items())
    assert "Sommer" in q.text and said in q.entry_ids


def test_es_pendiente_after_a_clause_with_no() -> None:
    t = Transcript()
    said = t.user("lo que no tengo claro es si el seguro cubre a los voluntarios menores de edad. ni idea")
    t.assistant("Eso no lo sé desde aquí; lo dejo como pendiente.")
    (q,) = _open(t.items())
    assert "seguro" in q.text and said in q.entry_ids


def test_fr_en_suspens_opening_the_answer() -> None:
    t = Transcript()
    said = t.user("reste à savoir si la salle des fêtes prête les tables ou si on les loue")
    t.assistant("Je le laisse en suspens, la mairie n'a pas encore répondu.")
    (q,) = _open(t.items())
    assert "tables" in q.text and said in q.entry_ids


def test_it_in_sospeso_finche() -> None:
    t = Transcript()
    t.user("il mercatino è il 7 dicembre in piazza")
    t.assistant("Segnato: mercatino il 7 dicembre.")
    said = t.user("e il gazebo della pro loco? boh, lo chiedo io martedì")
    t.assistant("Ok, resta in sospeso finché non senti la pro loco.")
    (q,) = _open(t.items())
    assert "gazebo" in q.text and said in q.entry_ids
    assert not [i for i in t.items() if i.kind == "todo"]  # why it waits, not a to-do


def test_files_open_reads_the_clause() -> None:
    assert files_open(["Okay, left open until the landlord answers."])
    assert files_open(["Ich kann das nicht prüfen; ich führe es als offen."])
    assert not files_open(["Yes, it's still open."])  # an answer to "is it still open?"
    assert not files_open(["Mostly admin, nothing pending from it."])
    assert not files_open(["I'll open a ticket with the vendor and report back tomorrow."])
    assert not files_open(["Is that still pending?"])
