"""A reply to what the assistant put, said back by the assistant's acknowledgement as what was
decided: the clause after the acknowledgement is the decision (must keep), citing the assistant's
turn, the reply and the acknowledgement; after one of two options is refused, the acknowledgement says
the other. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _decisions(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "decision"]


SAID_BACK = {
    "en": (
        "the cleaning crew comes on Friday while the exhibition is up, should they still come?",
        "It is safe: they only do the floors, not the walls. Skipping means two weeks without cleaning, "
        "which I would rather avoid. My suggestion: let them come.",
        "hmm ok let them come",
        "Alright, the cleaning crew comes as usual on Friday.",
        "cleaning crew",
    ),
    "de": (
        "der Chor braucht Noten für das Adventskonzert, der Verlag will 180 € für 30 Hefte",
        "In der Chorkasse sind 120 €. Am einfachsten wäre, die Hefte auf zwei Jahre zu verteilen.",
        "nee, wir brauchen alle jetzt. die Hefte kauft der Förderverein, der hat noch Geld",
        "Gut, alle 30 Hefte jetzt, und der Förderverein bezahlt die 180 €.",
        "Förderverein",
    ),
}


@pytest.mark.parametrize("lang", sorted(SAID_BACK))
def test_the_clause_an_acknowledgement_says_back_is_the_decision(lang: str) -> None:
    ask, offer, reply, ack, word = SAID_BACK[lang]
    c = Conv()
    c.user(ask)
    put = c.say(offer)
    answered = c.user(reply)
    back = c.say(ack)
    got = [d for d in _decisions(c.items()) if word in d.text]
    assert len(got) == 1
    assert got[0].must_keep
    assert {put, answered, back} <= set(got[0].entry_ids)
    assert not got[0].text.lower().startswith(("okay", "gut", "entendu"))


OTHER_TAKEN = {
    "de": (
        "der Abruf der Kontoauszüge bei der Bank schlägt wieder fehl, 502",
        "Ich sehe zwei Wege:\n1. Ich lege einen Cronjob an, der es heute Nacht stündlich versucht und die "
        "Datei nach `~/bank/` legt.\n2. Wir lassen die Schnittstelle in Ruhe, und du lädst die Auszüge am "
        "Montag über das Portal herunter.",
        "kein cron, ich will nicht dass nachts was mit meinem Zugang läuft. mach ich montag per hand.",
        "Alles klar: kein Cronjob, du lädst die Auszüge am Montag über das Portal herunter.",
        "Portal",
    ),
}


@pytest.mark.parametrize("lang", sorted(OTHER_TAKEN))
def test_one_of_two_options_refused_the_acknowledgement_says_the_other(lang: str) -> None:
    ask, offer, reply, ack, word = OTHER_TAKEN[lang]
    c = Conv()
    c.user(ask)
    c.say(offer)
    answered = c.user(reply)
    back = c.say(ack)
    got = [d for d in _decisions(c.items()) if word in d.text]
    assert len(got) == 1
    assert {answered, back} <= set(got[0].entry_ids)


CHOICE_AND_RULE = {
    "fr": (
        "l'atelier Brunet nous doit 900 € depuis septembre, ils proposent de payer en plusieurs fois",
        "Ils proposent trois ou quatre échéances. Tu préfères combien de versements, et on ajoute des frais ?",
        "en trois fois, ils ont eu un hiver difficile. et c'est une règle : jamais de frais de retard pour un "
        "client qui propose lui-même un échéancier",
        "Entendu : Brunet en trois échéances sans frais, 300 € le 15 janvier, le 15 février et le 15 mars.",
        "trois échéances",
    ),
}


@pytest.mark.parametrize("lang", sorted(CHOICE_AND_RULE))
def test_a_choice_said_back_beside_the_rule_the_reply_sets_is_the_decision(lang: str) -> None:
    ask, offer, reply, ack, word = CHOICE_AND_RULE[lang]
    c = Conv()
    c.user(ask)
    c.say(offer)
    answered = c.user(reply)
    back = c.say(ack)
    got = [d for d in _decisions(c.items()) if word in d.text]
    assert len(got) == 1
    assert {answered, back} <= set(got[0].entry_ids)
