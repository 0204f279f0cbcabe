"""A choice turned back to an option the assistant offered earlier ("scrap that, put it in Halley on
thursday"), said back by the assistant in its very next words: one decision stating the new choice,
citing the earlier offer, the turn and the confirmation; no rejection read from the dropping word,
and a decision drafted from that offer before takes the new words. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item

_REJECTED = ("Rejected", "Abgelehnt", "Rechazado", "Rejeté")


def _decisions(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "decision"]


ROOMS = {
    "en": (
        "I need a room for the design workshop next week",
        "Two rooms are free: Kepler on Tuesday 9 at 14:00, or Halley on Thursday 11 at 10:00.",
        "tuesday then",
        "Tuesday 9, Kepler at 14:00. I'll book it once the caterer confirms.",
        "hmm wait, the projector in kepler is broken. scrap that, put it in halley on thursday 11",
        "Right, Halley on Thursday 11 at 10:00 then.",
    ),
    "es": (
        "necesito una sala para el taller de diseño la semana que viene",
        "Hay dos salas libres: Kepler el martes 9 a las 14:00, o Halley el jueves 11 a las 10:00.",
        "el martes entonces",
        "Martes 9, Kepler a las 14:00. La reservo cuando confirme el catering.",
        "uy espera, el proyector de kepler está roto. olvida eso, ponlo en halley el jueves 11",
        "Vale, Halley el jueves 11 a las 10:00 entonces.",
    ),
    "de": (
        "ich brauche nächste Woche einen Raum für den Design-Workshop",
        "Zwei Räume sind frei: Kepler am Dienstag, 9., um 14:00, oder Halley am Donnerstag, 11., um 10:00.",
        "dienstag dann",
        "Dienstag, 9., Kepler um 14:00. Ich buche, sobald das Catering zusagt.",
        "moment, der Beamer in kepler ist kaputt. vergiss das, nimm halley am donnerstag 11",
        "Gut, Halley am Donnerstag, 11., um 10:00.",
    ),
}


@pytest.mark.parametrize("lang", sorted(ROOMS))
def test_a_dropped_choice_goes_back_to_the_earlier_offer(lang: str) -> None:
    ask, offer, pick, ack1, turn, ack2 = ROOMS[lang]
    c = Conv()
    c.user(ask)
    offered = c.say(offer)
    c.user(pick)
    c.say(ack1)
    back = c.user(turn)
    said = c.say(ack2)
    decisions = _decisions(c.items())
    assert not [d for d in decisions if d.text.startswith(_REJECTED)]
    chosen = [d for d in decisions if "Halley" in d.text]
    assert len(chosen) == 1
    assert {offered, back, said} <= set(chosen[0].entry_ids)
    assert "14:00" not in chosen[0].text
    assert chosen[0].text.split()[-1] not in ("then", "entonces")  # the closing "then" adds nothing


BIKES = {
    "en": (
        "Which e-bike should the club buy? Budget is 4,000",
        "Two fit the budget:\n\n1. **Gazelle Makki Load**: 3,700, long tail, heavy.\n"
        "2. **Tern HSD P9**: 3,200, compact, folds into the van.\n\nBoth carry two crates.",
        "Let's take the Gazelle Makki Load, it looks sturdier.",
        "The Gazelle Makki Load it is. Shall I ask the dealer about delivery?",
        "not yet. I always forget to ask the treasurer first.",
        "Sure, I'll wait.",
        "Right. The treasurer wants the smaller one. So the Tern HSD P9, forget the Gazelle.",
        "Makes sense: the Tern HSD P9 at 3,200. I'll leave the dealer for now.",
    ),
    "fr": (
        "Quel vélo électrique le club doit-il acheter ? Budget 4 000",
        "Deux entrent dans le budget :\n\n1. **Gazelle Makki Load** : 3 700, long, lourd.\n"
        "2. **Tern HSD P9** : 3 200, compact, se range dans le camion.\n\nLes deux portent deux caisses.",
        "Prenons le Gazelle Makki Load, il a l'air plus solide.",
        "Va pour le Gazelle Makki Load. Je demande au vendeur pour la livraison ?",
        "pas encore. j'oublie toujours de demander d'abord au trésorier.",
        "D'accord, j'attends.",
        "Bon. Le trésorier veut le plus petit. Donc le Tern HSD P9, oublie le Gazelle.",
        "Entendu : le Tern HSD P9 à 3 200. Je laisse le vendeur de côté pour l'instant.",
    ),
}


@pytest.mark.parametrize("lang", sorted(BIKES))
def test_a_choice_turned_back_replaces_the_decision_drafted_from_that_offer(lang: str) -> None:
    ask, offer, pick, ack1, later, ok, turn, ack2 = BIKES[lang]
    c = Conv()
    c.user(ask)
    offered = c.say(offer)
    c.user(pick)
    c.say(ack1)
    c.user(later)
    c.say(ok)
    back = c.user(turn)
    said = c.say(ack2)
    accepted = [d for d in _decisions(c.items()) if not d.text.startswith(_REJECTED)]
    assert len(accepted) == 1
    assert "Tern HSD P9" in accepted[0].text
    assert "Gazelle" not in accepted[0].text
    assert {offered, back, said} <= set(accepted[0].entry_ids)
