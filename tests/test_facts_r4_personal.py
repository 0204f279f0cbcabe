"""Personal facts in a turn that asks for something else: how someone eats ("I'm vegetarian and Sam is
coeliac", "Ich bin Vegetarierin", "soy vegana", "je suis végétarienne", "sono celiaca"), and a machine
named with its system in brackets ("den Homeserver (nuc, Debian 12)"). Conversations written here, in
new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


@pytest.mark.parametrize(
    ("said", "needle"),
    [
        ("Quick context before you pick restaurants: Priya is vegan and Ole is coeliac.", "coeliac"),
        ("Zur Info fürs Catering: Ich bin Vegetarierin, Paul hat Zöliakie.", "Vegetarierin"),
        ("Para el menú: soy vegana y mi hermano es celíaco.", "vegana"),
        ("Pour le traiteur : je suis végétarienne, et Hugo est intolérant au lactose.", "végétarienne"),
        ("Per il pranzo: sono celiaca, Marco invece è vegetariano.", "celiaca"),
    ],
)
def test_how_someone_eats_is_a_personal_fact(said: str, needle: str) -> None:
    c = Conv()
    c.user(
        "plan the team dinner for Friday / plane das Essen / planea la cena / prépare le dîner / il pranzo"
    )
    c.say("Sure, any constraints?")
    pos = c.user(said)
    c.say("Okay.")
    (fact,) = [f for f in facts(c.items()) if needle in f.text]
    assert pos in fact.entry_ids


def test_a_machine_named_with_its_system_in_brackets_is_an_environment_fact() -> None:
    c = Conv()
    ask = c.user(
        "Ich will Backups für den Homeserver (nuc, Debian 12) einrichten. Schau bitte in /opt/backup/run.sh"
    )
    c.run("cat /opt/backup/run.sh", "#!/bin/sh\nrestic backup /srv")
    c.say("Das Skript sichert nur /srv.")
    (fact,) = [f for f in facts(c.items()) if "Debian 12" in f.text]
    assert ask in fact.entry_ids and "nuc" in fact.text
    assert fact.text.startswith("Homeserver")


def test_a_dish_named_vegan_in_a_question_is_no_personal_fact() -> None:
    c = Conv()
    c.user("is the vegan lasagne at Lupo any good?")
    c.say("Reviews are mixed; most like the mushroom one better.")
    assert not facts(c.items())
