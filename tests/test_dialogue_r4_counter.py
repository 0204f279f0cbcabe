"""A counter-proposal to the one thing offered or recommended: the reply names a value or a name the
offer did not ("make it 8", "no, book the Kestrel room instead"), and the assistant's next words take
it up; the decision is what the assistant confirms, citing offer, reply and confirmation. A no that
hands the task to someone else ("no, Ravi does that") proposes nothing; an answer that does not
repeat the new value confirms nothing. Conversations written here, en/de/es/fr."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted


def test_en_value_changed_then_confirmed() -> None:
    t = Transcript()
    t.user("how many retries for the webhook?")
    offer = t.assistant("I'd allow 3 retries with a 30 s backoff. Shall I add that to the worker config?")
    reply = t.user("make it 8")
    ack = t.assistant("Set: 8 retries with a 30 s backoff in the worker config.")
    (decision,) = accepted(t.items())
    assert "8 retries" in decision.text and "3 retries" not in decision.text
    assert {offer, reply, ack} <= set(decision.entry_ids)


def test_en_no_with_another_name_instead() -> None:
    t = Transcript()
    t.user("need a room for the retro on thursday")
    t.assistant("The Heron room is free 14:00-15:00 on Thursday. Shall I book it?")
    t.user("no, book the Kestrel room instead, it has the big screen")
    ack = t.assistant("Booked the Kestrel room for Thursday 14:00-15:00.")
    (decision,) = accepted(t.items())
    assert "Kestrel" in decision.text and ack in decision.entry_ids


def test_de_es_fr_counter_values() -> None:
    t = Transcript()
    t.user("Wie lange sollen wir die Logs aufheben?")
    t.assistant("Ich würde 14 Tage nehmen. Soll ich das im Logrotate so einstellen?")
    t.user("lieber 30 Tage")
    t.assistant("Gut, 30 Tage im Logrotate.")
    (decision,) = accepted(t.items())
    assert "30 Tage" in decision.text
    assert not any(
        i.kind == "fact" and "30" in i.text for i in t.items()
    )  # a proposal, no standing preference
    t = Transcript()
    t.user("¿cuántas sillas pedimos?")
    t.assistant("Te recomiendo 60 sillas. ¿Quieres que haga el pedido así?")
    t.user("mejor 75")
    t.assistant("Hecho: pedido de 75 sillas.")
    (decision,) = accepted(t.items())
    assert "75" in decision.text
    t = Transcript()
    t.user("quel budget pour le buffet ?")
    t.assistant("Je propose 400 € pour le buffet. Je l'inscris au budget ?")
    t.user("plutôt 550")
    t.assistant("C'est noté : 550 € pour le buffet.")
    (decision,) = accepted(t.items())
    assert "550" in decision.text


def test_a_no_that_hands_the_task_on_proposes_nothing() -> None:
    t = Transcript()
    t.user("the printer quote came in")
    t.assistant("Shall I forward the quote to accounting?")
    t.user("no, Ravi does that on Fridays")
    t.assistant("Okay, Ravi forwards it then.")
    assert accepted(t.items()) == []


def test_an_answer_that_does_not_repeat_the_value_confirms_nothing() -> None:
    t = Transcript()
    t.user("how many retries for the webhook?")
    t.assistant("I'd allow 3 retries with a 30 s backoff. Shall I add that to the worker config?")
    t.user("make it 8")
    t.assistant("Is that per event or per endpoint?")
    assert accepted(t.items()) == []
