"""The user taking an offered task on by their own hand ("I'll post it myself on Monday") declines the
offer: a rejection (a decision, must keep), not a to-do beside it. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.dialogue import _takes_on


@pytest.mark.parametrize(
    ("offer", "reply"),
    [
        (
            "The flyer for the plant swap is ready. Shall I email it to the residents' list?",
            "I'll hand it out myself at the market on Saturday, half of them never read email.",
        ),
        (
            "Der Flyer für die Pflanzenbörse ist fertig. Soll ich ihn an die Mieterliste mailen?",
            "Den verteile ich selbst am Samstag auf dem Markt, die Hälfte liest keine Mails.",
        ),
        (
            "Le tract pour la bourse aux plantes est prêt. Tu veux que je l'envoie à la liste des locataires ?",
            "Je le distribue moi-même samedi au marché, la moitié ne lit pas ses mails.",
        ),
        (
            "Il volantino per lo scambio di piante è pronto. Vuoi che lo mandi alla lista degli inquilini?",
            "Lo distribuisco io stessa sabato al mercato, metà di loro non legge la posta.",
        ),
    ],
)
def test_doing_it_oneself_declines_the_offer(offer: str, reply: str) -> None:
    c = Conv()
    c.user("we need a flyer for the plant swap")
    c.say(offer)
    c.user(reply)
    c.say("Understood.")
    decisions = [i for i in c.items() if i.kind == "decision"]
    assert len(decisions) == 1
    assert decisions[0].must_keep
    assert decisions[0].text.split()[0].rstrip(":") in ("Rejected", "Abgelehnt", "Rejeté", "Rifiutato")
    assert not [i for i in c.items() if i.kind == "todo"]


@pytest.mark.parametrize(
    ("said", "takes"),
    [
        ("I'll call the caterer myself tomorrow", True),
        ("Das mache ich selbst", True),
        ("Lo hago yo misma el lunes", True),
        ("Shall I do it myself?", False),
        ("Yes please, send it", False),
        ("Tom will fix it himself", False),
    ],
)
def test_takes_on(said: str, takes: bool) -> None:
    assert _takes_on(said) is takes
