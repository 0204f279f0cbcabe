"""An assistant turn that asks nothing and lists no options but closes by putting a proposal under
a label ("My plan: ...", "Alternative: ...", "Eine Idee: ..."), and the user's next turn opens
by agreeing: the proposal is a decision citing both turns, with what the user adds. A finding or a
report under a heading ("Found it: ...", "Backup 2026: ...") agreed to is none. Conversations
written here, in en/de/es."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted


def test_en_my_plan_then_go_ahead() -> None:
    t = Transcript()
    t.user("the nightly import keeps timing out, can you look?")
    offer = t.assistant(
        "The import waits on a lock held by the weekly vacuum, which now overlaps it by 40 minutes.\n\n"
        "My plan: move the vacuum to Sunday 04:00 and give the import a 90-minute timeout instead of 60. "
        "Both are one-line changes in the cron file."
    )
    yes = t.user("go ahead")
    (decision,) = accepted(t.items())
    assert "Sunday 04:00" in decision.text and "90-minute" in decision.text
    assert set(decision.entry_ids) >= {offer, yes}


def test_en_alternative_accepted_with_what_the_user_adds() -> None:
    t = Transcript()
    t.user("shutting the build box at night breaks the 02:00 packaging job")
    t.assistant(
        "Right. Alternative: keep it on and move it from the c6.4xlarge to a c6.2xlarge. "
        "That still saves about $700 a month."
    )
    t.user("yes, the smaller box instead. no night shutdown.")
    (decision,) = accepted(t.items())
    assert "c6.2xlarge" in decision.text


def test_de_eine_idee_then_passt() -> None:
    t = Transcript()
    t.user("Der Newsletter kostet uns zu viel Porto.")
    t.assistant(
        "Gedruckt geht er noch an 60 Leute. Eine Idee: den Druck auf vierteljährlich umstellen und "
        "die 200 € Ersparnis in den Ausflugstopf legen."
    )
    t.user("Passt, so machen wir das.")
    (decision,) = accepted(t.items())
    assert "vierteljährlich" in decision.text


def test_es_a_finding_under_a_heading_is_no_decision() -> None:
    t = Transcript()
    t.user("¿por qué falla la copia?")
    t.assistant("Encontrado: el disco de destino está lleno al 100 % desde el martes, 2 GB libres.")
    t.user("vale, gracias")
    assert accepted(t.items()) == []
