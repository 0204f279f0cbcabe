"""A reply that turns a single offer down and says the speaker will ask someone ("no leave it, ...
I'll ask her to look at it this afternoon", "non, ... je lui écris pour savoir si ...") does two
things: the offer is refused, and what the assistant found waits for that person's answer. Both
items are kept. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

TURNS = {
    "en": (
        "the printer on the second floor keeps jamming, can you look at its status page?",
        "The status page says the fuser unit on printer pr-204 reports error 0x3F since 09:12. "
        "I could open a ticket with the vendor right away, want that?",
        "no leave it, Greta from facilities has the service contract, I'll ask her to look at it this afternoon",
        ("0x3F", "Greta"),
    ),
    "fr": (
        "l'imprimante du deuxième étage bourre sans arrêt, tu peux regarder sa page d'état ?",
        "La page d'état indique que l'unité de fusion de l'imprimante pr-204 signale l'erreur 0x3F depuis 09:12. "
        "Je peux ouvrir un ticket chez le fabricant tout de suite, tu veux ?",
        "non, laisse, c'est Greta qui a le contrat de maintenance. je lui écris pour savoir si elle peut passer lundi",
        ("0x3F", "Greta"),
    ),
    "es": (
        "la impresora de la segunda planta se atasca todo el rato, ¿puedes mirar su página de estado?",
        "La página de estado dice que la unidad de fusión de la impresora pr-204 da el error 0x3F desde las 09:12. "
        "Puedo abrir una incidencia con el fabricante ahora mismo, ¿quieres?",
        "no, déjalo, el contrato de mantenimiento lo lleva Greta. le escribo para saber si puede venir el lunes",
        ("0x3F", "Greta"),
    ),
}

PLAIN_NO = {
    "en": "no leave it, the vendor is slow anyway",
    "fr": "non, laisse, le fabricant est lent de toute façon",
    "es": "no, déjalo, el fabricante tarda mucho de todos modos",
}


def _conv(lang: str, reply: str | None = None) -> Conv:
    ask, report, answer, _ = TURNS[lang]
    c = Conv()
    c.user(ask)
    c.say(report)
    c.user(reply or answer)
    return c


@pytest.mark.parametrize("lang", sorted(TURNS))
def test_a_refusal_that_asks_someone_keeps_the_point_open(lang: str) -> None:
    c = _conv(lang)
    items = c.items()
    rejected = [i for i in items if i.kind == "decision" and i.must_keep]
    assert rejected, items  # the offer is still refused
    opened = [i for i in items if i.kind == "open_question"]
    assert len(opened) == 1, items
    finding, person = TURNS[lang][3]
    assert finding in opened[0].text and person in opened[0].text
    plain = _conv(lang, PLAIN_NO[lang]).items()  # a refusal that asks nobody leaves nothing open
    assert not [i for i in plain if i.kind == "open_question"], plain
