"""The answer lists the user's week by person: each entry headed by a name the turn said, with a due day, is a to-do.

Structure (fresh7 and fresh17, two writers): the user hands out tasks in one turn, in words the owner
rules may not see ("mrs okafor owes me an answer, by fri 11th"); the assistant answers with a list,
one entry per person: "- **Mrs Okafor (Varga practice)**: answer on the double payment by Fri 11
Dec", "- Jonas: split PAY-412 into subtasks, by Wed 2 Dec". An entry headed by a name the user's turn
says, whose task (in lower case: a task, not a topic's facts) has a due day, is that person's to-do.
"Lisbon: 12 to 16 June" (a topic, its facts) and "you: decide on the rate" (no due day) are none.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.restated import listed_tasks


def test_an_entry_per_person_in_english() -> None:
    t = Transcript()
    t.user(
        "for the week, no calendar: mr hale from the print shop owes me the proofs, by thu 10th. and I decide on the venue"
    )
    t.assistant(
        "The week's list:\n\n- **Mr Hale (print shop)**: proofs to you by Thu 10 Dec\n- **you**: decide on the venue"
    )
    (todo,) = of_kind(t.items(), "todo")
    assert todo.text.startswith("Mr Hale (print shop): proofs to you by Thu 10 Dec")


def test_an_entry_per_person_in_german() -> None:
    t = Transcript()
    t.user("diese woche, nur als liste: die steuerbelege kommen von frau brandt, spätestens mittwoch 9.12.")
    t.assistant("Die Liste für die Woche:\n\n- **Frau Brandt**: Steuerbelege an dich bis Mi 9.12.")
    (todo,) = of_kind(t.items(), "todo")
    assert "Frau Brandt" in todo.text and "Steuerbelege" in todo.text


def test_a_topic_and_its_facts_are_no_task() -> None:
    assert listed_tasks("- Lisbon: 12 to 16 June (4 nights)\n- Porto: 16 to 19 June") == []
    assert listed_tasks("- **You**: decide on the venue by Friday") == []
