"""Small talk keeps no facts: in a range where no tool runs, the user asks the agent for nothing and
the assistant answers each turn in a sentence and takes nothing on, a sentence with the words of a rule or a preference ("I always ...",
"ich hasse ...", "siempre ...") is how the user feels about the day, not something to work by. The
same sentence answered with "Noted." or said beside a tool run is kept. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item

_CHAT = {
    "en": (
        "hey. finally friday",
        "Well earned, you made it through. Long week?",
        "endless. and it rains every single day, i hate november a bit",
        "Only a few more weeks until the days get longer again. Anything nice for the weekend?",
        "my uncle always says november is for soup. so soup",
    ),
    "de": (
        "na, endlich Freitag",
        "Verdient, du hast es geschafft. Lange Woche?",
        "endlos. ich sag immer, Lebkuchen > Stollen, gibt jedes Jahr Streit im Büro",
        "Ein klassischer Dezember-Streit. Am besten stellt ihr beides auf den Tisch.",
        "haha. ich hasse diese dunklen Nachmittage",
    ),
    "es": (
        "por fin viernes",
        "¡Bien merecido, ya casi lo tienes! ¿Semana dura?",
        "imposible, siempre acabamos hablando de trabajo en la cena jajaja",
        "Pasa en las mejores familias. ¿Algún plan para el finde?",
        "nunca hago planes en diciembre, me gusta improvisar",
    ),
}


def _facts(c: Conv) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact"]


def _chat(lang: str, last_answer: str, tool: bool = False) -> Conv:
    u1, a1, u2, a2, u3 = _CHAT[lang]
    c = Conv()
    c.user(u1)
    c.say(a1)
    c.user(u2)
    c.say(a2)
    c.user(u3)
    if tool:
        c.run("date +%A", "Friday")
    c.say(last_answer)
    return c


@pytest.mark.parametrize("lang", ["en", "de", "es"])
def test_small_talk_keeps_no_facts(lang: str) -> None:
    """The chat as written keeps no fact; the same chat with a tool run keeps what the rules read."""
    chat = _chat(lang, "Sounds like a plan. Enjoy the evening!")
    work = _chat(lang, "Sounds like a plan. Enjoy the evening!", tool=True)
    assert not _facts(chat), chat.items()
    assert _facts(work), work.items()


@pytest.mark.parametrize(("lang", "ack"), [("en", "Noted."), ("de", "Notiert."), ("es", "Anotado.")])
def test_a_statement_taken_on_is_kept(lang: str, ack: str) -> None:
    """The assistant taking the last statement on makes the range no small talk."""
    assert _facts(_chat(lang, ack)), _chat(lang, ack).items()
