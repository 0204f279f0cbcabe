"""A reply that picks first by a comparative ("the quicker one") and then names an option by its
words ("the phone call it is"): the named option wins, since the comparative is read against numbers
that may not compare (2 h against 45 min). Without the naming sentence the comparative still picks.
Conversations written here, en/de/es."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted

CASES = (
    (
        "Two ways to onboard the new tester:\n\n- **Written guide** (2 h to read): thorough, but slow.\n"
        "- **Phone walkthrough** (45 min with Tariq): quick, interactive.\n\nWhich one?",
        "sure, the quicker one. walkthrough it is, with Tariq on Monday.",
        "walkthrough",
        "guide",
    ),
    (
        "Zwei Wege für die Einarbeitung:\n\n- **Handbuch** (2 Std. Lesen): gründlich, aber langsam.\n"
        "- **Telefonrunde** (45 Min. mit Tariq): schnell, interaktiv.\n\nWelcher?",
        "ja, die schnellere. Telefonrunde also, am Montag mit Tariq.",
        "Telefonrunde",
        "Handbuch",
    ),
    (
        "Dos formas de incorporar a la nueva tester:\n\n- **Guía escrita** (2 h de lectura): completa, pero lenta.\n"
        "- **Llamada guiada** (45 min con Tariq): ágil, interactiva.\n\n¿Cuál?",
        "vale, la más rápida. La llamada guiada entonces, el lunes con Tariq.",
        "Llamada",
        "Guía",
    ),
)


def test_name_after_comparative_wins() -> None:
    for offer, reply, chosen, other in CASES:
        t = Transcript()
        t.assistant(offer)
        t.user(reply)
        t.assistant("Noted.")
        decisions = [d for d in accepted(t.items()) if chosen in d.text]
        assert decisions, (reply, [d.text for d in accepted(t.items())])
        assert not decisions[0].text.startswith(other)


def test_comparative_alone_still_picks_by_number() -> None:
    t = Transcript()
    t.assistant(
        "Two hosts for the wiki:\n\n- **Hetzner box** at €5 a month.\n- **Managed plan** at €19 a month.\n\nWhich?"
    )
    t.user("the cheaper one. fine by me.")
    (decision,) = accepted(t.items())
    assert decision.text.startswith("Hetzner")
