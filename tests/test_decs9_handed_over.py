"""Alternatives the assistant put to the user, the choice handed over ("your call", "decide tú"), and
the assistant's next words taking one: that is the decision, also when the alternatives were a list
put as a plan rather than a choice, or two sides of one offered sentence ("we can set `30s`, or
revert the commit"), then with the side not taken. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item

_REJECTED = ("Rejected", "Abgelehnt", "Rechazado", "Rejeté")


def _accepted(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "decision" and not i.text.startswith(_REJECTED)]


PLAN = {
    "en": (
        "The nightly export fails because the disk is full. What I'd suggest, in order of preference:\n\n"
        "1. move the old exports to the archive bucket and keep 30 days locally\n"
        "2. grow the disk from 50 to 100 GB\n"
        "3. turn compression on for the exports\n\nThe first costs nothing.",
        "your call. and from now on always warn me before the disk is 90% full",
        "Then option 1, with 30 days kept locally. I'll move the rest now.",
    ),
    "es": (
        "La exportación nocturna falla porque el disco está lleno. Lo que te propongo, por orden de preferencia:\n\n"
        "1. mover las exportaciones viejas al bucket de archivo y dejar 30 días en local\n"
        "2. ampliar el disco de 50 a 100 GB\n"
        "3. activar la compresión de las exportaciones\n\nLa primera no cuesta nada.",
        "decide tú. y a partir de ahora avísame siempre antes de que el disco llegue al 90 %",
        "Entonces la opción 1, con 30 días en local. Muevo el resto ahora.",
    ),
}


@pytest.mark.parametrize("lang", sorted(PLAN))
def test_a_plan_handed_over_is_decided_by_the_assistants_pick(lang: str) -> None:
    offer, reply, ack = PLAN[lang]
    c = Conv()
    c.user("why did the export fail last night?")
    c.say(offer)
    handed = c.user(reply)
    chose = c.say(ack)
    got = [d for d in _accepted(c.items()) if "1" in d.text]
    assert len(got) == 1
    assert "archiv" in got[0].text
    assert {handed, chose} <= set(got[0].entry_ids)


SIDES = {
    "es": (
        "El fallo viene del commit 4f2a9c1, que puso el timeout a 30 sin unidad. Puedo poner `30s`, lo que "
        "seguramente quería Ana, o revertir 4f2a9c1 y volver a `5m` hasta que ella confirme. ¿Qué prefieres?",
        "decide tú, que vuelva a funcionar",
        "Pongo `30s`: es claramente lo que quería el commit.",
    ),
    "fr": (
        "Le crash vient du commit 4f2a9c1, qui a mis le timeout à 30 sans unité. On peut mettre `30s`, ce que "
        "voulait sans doute Ana, ou revert 4f2a9c1 et revenir à `5m` jusqu'à ce qu'elle confirme. Tu préfères quoi ?",
        "comme tu veux, tant que ça repart",
        "Je mets `30s` : c'est clairement ce que voulait le commit.",
    ),
}


@pytest.mark.parametrize("lang", sorted(SIDES))
def test_two_sides_of_one_offer_handed_over_keep_the_side_taken(lang: str) -> None:
    offer, reply, ack = SIDES[lang]
    c = Conv()
    c.user("the worker pods crashloop, can you look?")
    c.say(offer)
    handed = c.user(reply)
    chose = c.say(ack)
    got = _accepted(c.items())
    assert len(got) == 1
    head, _, other = got[0].text.partition(" (")
    assert "30s" in head
    assert "4f2a9c1" in other and "30s" not in other
    assert {handed, chose} <= set(got[0].entry_ids)
