"""A follow-up the assistant offers to do later, which the user accepts with a short yes: a to-do of
the agent's with its day, citing the offer, the yes and the answer.

Structure (fresh15 and fresh17, two writers): the assistant offers one thing to do later ("Want me
to look at the tracking page that morning?", "Soll ich dich am 14.12. fragen, ob ...?"); the user
answers with a short yes; the assistant's next message runs no tool and says, or the offer said,
the day ("I'll look early on the 22nd.", "Mache ich, Erinnerung für Montag, 14.12., steht."). A
yes to a step the assistant then takes at once is no task.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_an_accepted_check_on_a_later_day_in_english() -> None:
    t = Transcript()
    t.user("the printer said the samples ship on tuesday 22nd")
    t.assistant(
        "OK, samples expected on Tuesday 22 December. Want me to look at the tracking page that morning?"
    )
    t.user("yes please, early")
    t.assistant("I'll look at it early on the 22nd.")
    todo = of_kind(t.items(), "todo")
    assert any("tracking page" in d.text and "22nd" in d.text for d in todo)


def test_an_accepted_question_on_a_date_in_german() -> None:
    t = Transcript()
    t.user("Die Rechnung an Firma Kranz ist noch offen, die zahlen meistens spät.")
    t.assistant("Verstanden. Soll ich dich am 14.12. fragen, ob das Geld da ist oder die Mahnung raus soll?")
    t.user("gute idee")
    t.assistant("Mache ich, Erinnerung für Montag, 14.12., steht.")
    todo = of_kind(t.items(), "todo")
    assert len(todo) == 1 and "Mahnung" in todo[0].text and "14.12" in todo[0].text


def test_a_step_taken_at_once_is_no_task() -> None:
    t = Transcript()
    t.user("the printer said the samples ship on tuesday 22nd")
    t.assistant("OK. Want me to look at the tracking page that morning?")
    t.user("yes please")
    t.assistant("I'll look at it early on the 22nd.")
    assert of_kind(t.items(), "todo")  # the later check is a task ...
    t = Transcript()
    t.user("the printer said the samples ship today")
    t.assistant("OK. Want me to look at the tracking page now?")
    t.user("yes please")
    t.bash("curl -s https://track.example.org/AB123", "in transit")
    t.assistant("It's in transit, due on the 22nd.")
    assert not of_kind(t.items(), "todo")  # ... the look taken now is none
