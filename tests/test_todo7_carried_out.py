"""An offer the user accepts with a day, which the assistant then carries out at once, leaves no to-do.

Structure (fresh11, fresh15, fresh16, fresh18: four writers): the assistant offers one thing ("Want
me to put a call with him in your calendar?"); the user says yes with a day or a "later" word ("yes,
Tuesday the 24th at 18:00"); the assistant's first move is a tool run (the event created, the mail
queued, the command run). The thing is done, what the tools did tells; the dated reply is no task
left open. Without a tool run, the dated yes stays a to-do ("yep, but next sprint").
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_an_accepted_offer_the_assistant_books_at_once_is_no_to_do_in_english() -> None:
    t = Transcript()
    t.user("the caterer wants to walk us through the menu, can you sort it?")
    t.assistant("I can: shall I set up a video call with Ruth from the caterer to go through the menu?")
    t.user("yes, tuesday the 24th at 18:00")
    t.bash(
        "calctl add --title 'Menu call with Ruth' --start 2026-11-24T18:00",
        "created event evt_x81 (Tue 18:00-18:30)",
    )
    t.assistant("Done: Tuesday 24 November, 18:00-18:30, video call with Ruth (evt_x81).")
    assert not of_kind(t.items(), "todo")
    # with nothing run, the dated yes stays a to-do
    u = Transcript()
    u.user("the flaky login test failed again")
    u.assistant("Want me to open a ticket to quarantine the flaky login test?")
    u.user("yep, but next sprint")
    u.assistant("OK.")
    assert len(of_kind(u.items(), "todo")) == 1


def test_an_accepted_offer_the_assistant_books_at_once_is_no_to_do_in_spanish() -> None:
    t = Transcript()
    t.user("el fontanero tiene que venir a ver la caldera")
    t.assistant("¿Quieres que te ponga una cita con el fontanero para revisar la caldera?")
    t.user("vale, el jueves 3 a las 9")
    t.bash(
        "calctl add --title 'Fontanero caldera' --start 2026-12-03T09:00",
        "created event evt_k22 (Thu 09:00-10:00)",
    )
    t.assistant("Hecho: cita con el fontanero el jueves 3 de diciembre a las 9:00 (evt_k22).")
    assert not of_kind(t.items(), "todo")
