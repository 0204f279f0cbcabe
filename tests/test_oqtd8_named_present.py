"""A name, a verb in the present and a numbered day is a task with an owner: "Nadia archives it on 10/12".

Structure (fresh24 and the generator, two writers): the user gives a named person a task in the plain
present with a day that has its number ("Luca removes it friday 4/12", "Omar does it, deadline the
8th"), often in the reply to an offer, where it used to be read as the decision's detail only. A day
without a number ("on Thursdays") is a habit, and "be", "have" or a verb of state is no plan.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract import todos


def test_a_name_a_present_verb_and_a_numbered_day_is_an_owned_task() -> None:
    assert todos.owned_task("Nadia archives the old bucket on Thursday 10/12")
    assert todos.owned_task("Karl prüft die Zugänge am Montag, 7.12.")
    assert todos.owned_task("Lola revisa las facturas el jueves 3/12")
    assert not todos.owned_task("Nadia archives the logs on Thursdays")  # a habit, no numbered day
    assert not todos.owned_task("Karl ist am 7.12. im Urlaub")  # "be": no doer who acts


def test_a_dated_task_in_the_reply_to_an_offer_in_english() -> None:
    t = Transcript()
    t.user("the old staging bucket is still around, it costs money")
    t.assistant("I can delete the bucket right now. Do you want me to do that?")
    t.user("no, wait. Nadia archives it on thursday 10/12 first, she's on shift then")
    found = of_kind(t.items(), "todo")
    assert len(found) == 1 and "Nadia archives it on thursday 10/12" in found[0].text


def test_a_dated_task_in_the_reply_to_an_offer_in_german() -> None:
    t = Transcript()
    t.user("der alte Staging-Bucket ist noch da und kostet Geld")
    t.assistant("Ich kann den Bucket jetzt löschen. Soll ich das machen?")
    t.user("nein, warte. Karl archiviert ihn vorher am Donnerstag 10.12., dann ist er im Büro")
    found = of_kind(t.items(), "todo")
    assert len(found) == 1 and "Karl archiviert ihn vorher am Donnerstag 10.12." in found[0].text


def test_the_answer_to_who_and_when_is_read_once() -> None:
    t = Transcript()
    t.user("we also have to proofread the grant report")
    t.assistant("Who takes that, and by when?")
    t.user("Omar does it, deadline the 8th")
    t.assistant("Tracking it for Omar.")
    found = of_kind(t.items(), "todo")
    assert len(found) == 1 and "Omar" in found[0].text
