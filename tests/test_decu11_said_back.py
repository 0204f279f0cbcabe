"""A choice the user states alone (no option list before it), which the assistant's next words open
with an acknowledgement and say back negated or with a "then": a decision (must keep), in the
assistant's words with the user's sentence as why. A standing rule said back, a point parked "for
now", and a task with an owner are not. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _decisions(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "decision"]


CHOSEN = {
    "en": (
        "the staging database keeps filling its disk, the nightly dump is 40 GB now",
        "The dump of staging grows by about 2 GB a week; the volume has 12 GB left. I can rotate old dumps "
        "with a script.",
        "hm. about the offsite copy of staging, forget it, nobody ever restores staging from there.",
        "Makes sense, no offsite copy for staging then; only the local dumps stay.",
        "offsite copy",
    ),
    "de": (
        "die Druckerei hat den Flyer für den Basar geschickt, 500 Stück kosten 180 €",
        "Das Angebot gilt bis Freitag. Der Preis enthält den Versand an die Schule.",
        "die farbige Rückseite lassen wir weg, das zahlt der Förderverein nicht mit.",
        "Alles klar: keine farbige Rückseite, der Flyer bleibt einseitig.",
        "Rückseite",
    ),
    "fr": (
        "le traiteur demande combien de plateaux pour la réunion de lundi",
        "Vous étiez 18 inscrits la dernière fois. Le plateau standard est à 14 € par personne.",
        "pour les desserts, on les fait nous-mêmes, la boulangerie du coin ne prend plus de commandes.",
        "Entendu, desserts faits maison alors, le traiteur ne livre que les plateaux salés.",
        "desserts",
    ),
}


@pytest.mark.parametrize("lang", sorted(CHOSEN))
def test_a_choice_said_back_negated_or_with_then_is_a_decision(lang: str) -> None:
    ask, said, choice, ack, word = CHOSEN[lang]
    c = Conv()
    c.user(ask)
    c.say(said)
    chose = c.user(choice)
    back = c.say(ack)
    got = [d for d in _decisions(c.items()) if word in d.text]
    assert len(got) == 1
    assert got[0].must_keep
    assert {chose, back} <= set(got[0].entry_ids)


NOT_CHOICES = {
    "rule, en": (
        "one thing to keep in mind from now on: never deploy the billing service on a Friday.",
        "Got it, no billing deploys on Fridays.",
    ),
    "rule, de": (
        "und merk dir: am Wochenende wird nie eine Migration gestartet.",
        "Alles klar, keine Migrationen am Wochenende.",
    ),
    "parked, es": (
        "la partida de ordenadores déjala vacía, lo hablo con la directora.",
        "Vale, nada en la partida de ordenadores por ahora.",
    ),
    "no ack, fr": (
        "pour les desserts, on les fait nous-mêmes, la boulangerie est fermée lundi.",
        "Je commande donc seulement les plateaux salés, pas de desserts chez le traiteur.",
    ),
}


@pytest.mark.parametrize("case", sorted(NOT_CHOICES))
def test_beside_a_choice_a_rule_a_parked_point_or_no_acknowledgement_is_no_decision(case: str) -> None:
    said, ack = NOT_CHOICES[case]
    ask, stated, choice, back, word = CHOSEN["en"]
    c = Conv()
    c.user(ask)
    c.say(stated)
    c.user(choice)
    c.say(back)
    c.user(said)
    c.say(ack)
    got = _decisions(c.items())
    assert [word in d.text for d in got] == [True]
