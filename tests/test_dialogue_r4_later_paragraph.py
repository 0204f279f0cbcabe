"""A long reply that tells other things first and decides in a later paragraph: the pick is read from
that paragraph's opening (not from a comparative in the story before it), and only what follows
the pick is added to the decision. Conversations written here, en/de/fr."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted

OFFER_EN = "Two options for the venue: A) the Old Mill, 40 seats for 600, B) Harbour Hall, 200 seats for 2,400. Which?"


def test_en_pick_in_the_second_paragraph() -> None:
    t = Transcript()
    offer = t.assistant(OFFER_EN)
    reply = t.user(
        "Sorry for the slow answer, the week was chaos. Jo says turnout is usually lower than we hope, "
        "and the board wants fewer costs this year.\n\nHarbour Hall anyway, the sponsors insist. Hold it for the 21st."
    )
    (decision,) = accepted(t.items())
    assert decision.text.startswith("Harbour Hall") and "21st" in decision.text
    assert "chaos" not in decision.text and "Jo says" not in decision.text
    assert {offer, reply} <= set(decision.entry_ids)


def test_de_and_fr_pick_in_the_last_paragraph() -> None:
    t = Transcript()
    t.assistant(
        "Zwei Optionen für den Bus: A) Reisen Kraus, 50 Plätze für 900 €, B) Huber Touristik, 30 Plätze für 650 €. Welche?"
    )
    t.user(
        "Danke dir. Die Anmeldungen sind noch nicht durch, es könnten weniger werden als gedacht.\n\n"
        "Reisen Kraus, damit wir Luft haben. Bitte mit Abfahrt um 7 Uhr."
    )
    (decision,) = accepted(t.items())
    assert decision.text.startswith("Reisen Kraus") and "7 Uhr" in decision.text
    t = Transcript()
    t.assistant(
        "Deux options pour le traiteur : A) Chez Lucie, 25 € par personne, B) Maison Paoli, 38 € par personne. Lequel ?"
    )
    t.user(
        "Merci pour le comparatif. Le comité a discuté longtemps, certains voulaient moins cher.\n\n"
        "Maison Paoli, c'est la fête des 20 ans. Pour 60 personnes."
    )
    (decision,) = accepted(t.items())
    assert decision.text.startswith("Maison Paoli") and "60 personnes" in decision.text
