"""A value put right is read into the right slot and the right kind of item:

- a time of day ("21h", "19:30") is not a day of the month ("le 12 mars"): a new request with a time
  after a report of dates corrects nothing;
- a time that stands as a clause of its own ("Friday 6 March, 18:00") keeps the clause before it, so the
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


@pytest.mark.parametrize(
    ("report", "ask"),
    [
        (
            "Done: the last lesson is on 12 March.",
            "Great. And remind me the evening before each lesson, at 19:30, to pack the flute.",
        ),
        (
            "C'est fait : le dernier cours est le 12 mars.",
            "Super. Et rappelle-moi la veille de chaque cours, à 19h, de prendre la flûte.",
        ),
        (
            "Fatto: l'ultima lezione è il 12 marzo.",
            "Bene. E ricordami la sera prima di ogni lezione, alle 19:30, di portare il flauto.",
        ),
    ],
)
def test_a_time_in_a_new_request_corrects_no_date(report: str, ask: str) -> None:
    c = Conv()
    c.user("put my flute lessons in the calendar / mets mes cours / metti le lezioni")
    c.say(report)
    c.user(ask)
    c.say("OK.")
    assert not [i for i in c.items() if "correction" in i.text or "correzione" in i.text]


def test_a_time_standing_alone_keeps_the_clause_before() -> None:
    c = Conv()
    c.user("book the vet for Rex")
    c.say("Booked: Friday 6 March, 18:00, at the Ringstrasse clinic.")
    pos = c.user("no, 17:45. they want us ten minutes early")
    c.say("Moving it to 17:45.")
    (fact,) = [f for f in kinds(c.items(), "fact") if "17:45" in f.text]
    assert fact.must_keep and pos in fact.entry_ids and "March" in fact.text


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
