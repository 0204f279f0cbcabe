"""A value put right is read into the right slot and the right kind of item:

- a time that stands as a clause of its own ("Booked for Friday, 18:00") keeps the clause before it, so the
  correction says when;
- a statement that opens with its subject after "so"/"donc"/"also"/"quindi" ("donc la dernière séance
  tombe le 9 avril, pas le 2") is a fact (must keep), not an order.
Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def kinds(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_a_time_standing_alone_keeps_the_clause_before() -> None:
    c = Conv()
    c.user("book the vet for Rex")
    c.say("Booked for Friday, 18:00.")
    pos = c.user("no, 17:45. they want us ten minutes early")
    c.say("Moving it to 17:45.")
    (fact,) = [f for f in kinds(c.items(), "fact") if "17:45" in f.text]
    assert fact.must_keep and pos in fact.entry_ids and "Friday" in fact.text


@pytest.mark.parametrize(
    ("said", "new"),
    [
        (
            "Attends, le 26 mars le cabinet est fermé. Donc la dernière séance tombe le 9 avril, pas le 2 avril.",
            "9 avril",
        ),
        (
            "Espera, el 26 de marzo cierran. Entonces la última sesión cae el 9 de abril, no el 2 de abril.",
            "9 de abril",
        ),
        (
            "Aspetta, il 26 marzo lo studio è chiuso. Quindi l'ultima seduta cade il 9 aprile, non il 2 aprile.",
            "9 aprile",
        ),
    ],
)
def test_a_statement_that_opens_with_its_subject_is_a_fact(said: str, new: str) -> None:
    c = Conv()
    c.user("ten physio sessions, every Thursday / jeudi / jueves / giovedì")
    c.say(
        "Done: ten sessions, 29 January to 2 April. / du 29 janvier au 2 avril / del 29 de enero al 2 de abril / dal 29 gennaio al 2 aprile"
    )
    pos = c.user(said)
    c.say("Fixing it.")
    (fact,) = [f for f in kinds(c.items(), "fact") if new in f.text]
    assert fact.must_keep and pos in fact.entry_ids
    assert not [d for d in kinds(c.items(), "decision") if new in d.text]
