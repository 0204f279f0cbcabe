"""A closing question that takes up one item of the list laid out before it ("Should the rate
decision get a deadline?" after "- you: decide on the 2027 hourly rate") is about that item: put
off, the open point names it.

Structure (dev and fresh17, two writers): the assistant lists items or options, then asks one
question that shares a word with exactly one item; the user puts it off.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_the_item_a_question_takes_up_is_the_point_in_english() -> None:
    t = Transcript()
    t.user(
        "other things for next week, just list them: Omar sends the floor plan by Tuesday, and I need to pick a caterer"
    )
    t.assistant(
        "Here's the list:\n"
        "- **Omar**: floor plan to you by Tue 15 Dec\n"
        "- **you**: pick a caterer for the launch dinner\n"
        "Should the caterer choice get a deadline?"
    )
    t.user("ugh. not today")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "launch dinner" in opened[0].text


def test_the_item_a_question_takes_up_is_the_point_in_german() -> None:
    t = Transcript()
    t.user(
        "noch was für nächste Woche, nur auflisten: Omar schickt den Grundriss bis Dienstag, und ich muss einen Caterer wählen"
    )
    t.assistant(
        "Hier die Liste:\n"
        "- **Omar**: Grundriss an dich bis Di 15.12.\n"
        "- **du**: Caterer für das Eröffnungsessen wählen\n"
        "Soll die Caterer-Wahl eine Frist bekommen?"
    )
    t.user("puh. heute nicht")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "Eröffnungsessen" in opened[0].text
