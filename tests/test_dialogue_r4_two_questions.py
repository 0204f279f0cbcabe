"""Two "A or B?" questions in one assistant turn, answered in one reply clause by clause ("17:00, and
SMS"), by a value, a name, or "you decide" for one of them (then the assistant's next words pick it):
one decision naming both picks. Conversations written here, en/de/es."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted


def test_en_both_questions_answered_in_one_clause_each() -> None:
    t = Transcript()
    offer = t.assistant("Should the invoice reminder go out at 8:30 or at 16:00? And by email or by SMS?")
    reply = t.user("16:00, and email")
    (decision,) = accepted(t.items())
    assert "16:00" in decision.text and "email" in decision.text
    assert "8:30" not in decision.text and "SMS" not in decision.text
    assert {offer, reply} <= set(decision.entry_ids)


def test_en_one_answered_one_left_to_the_assistant() -> None:
    t = Transcript()
    t.assistant("Two things: 6 or 12 sessions? And start in March or April?")
    t.user("12. the start, you decide")
    ack = t.assistant("Then April: that leaves time to book the rooms.")
    (decision,) = accepted(t.items())
    assert "12" in decision.text and "April" in decision.text and "March" not in decision.text
    assert ack in decision.entry_ids


def test_de_and_es_two_questions() -> None:
    t = Transcript()
    t.assistant("Soll das Treffen um 10 Uhr oder um 14 Uhr sein? Und im Saal Nord oder im Saal Ost?")
    t.user("14 Uhr, Saal Ost")
    (decision,) = accepted(t.items())
    assert "14 Uhr" in decision.text and "Ost" in decision.text and "Nord" not in decision.text
    t = Transcript()
    t.assistant("¿La cena el viernes o el sábado? ¿Y en Casa Pepa o en El Faro?")
    t.user("el sábado, y en El Faro")
    (decision,) = accepted(t.items())
    assert "sábado" in decision.text and "Faro" in decision.text and "Pepa" not in decision.text
