"""Words of the agent's said back with a no, and new ones taken up: a sentence that opens with the
assistant's own words and a no ("deputy head of year no, I'm the year coordinator") puts them right
when the assistant's next turn takes the user's new words up ("Changed to 'year 9 coordinator'"): a
correction (a fact, must keep). Without the assistant taking them up it is none. Conversations
written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item

_DRAFT = {
    "en": (
        "Here is a draft:\n\nDear parents,\n\nThe year 9 trip to the coast is on Thursday 17 December.\n\n"
        "Best wishes,\nDana Reyes, deputy head of year\n\nShall I send it to the three year 9 lists?",
        "deputy head of year no, I'm the year coordinator 😅 change that. and yes, all three",
        "Changed to 'year 9 coordinator'. Sending to the three lists.",
    ),
    "es": (
        "Te propongo este borrador:\n\nEstimadas familias:\n\nLa salida de 4º ESO a la costa es el jueves 17.\n\n"
        "Un saludo,\nDana Reyes, jefa de estudios adjunta\n\n¿Lo envío a las tres listas de 4º?",
        "jefa de estudios adjunta no, soy coordinadora de nivel 😅 cambia eso. y sí, a las tres",
        "Cambiado a «coordinadora de 4º ESO». Lo envío a las tres listas.",
    ),
}


def _corrections(c: Conv) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact" and i.must_keep]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_words_gainsaid_and_taken_up_are_a_correction(lang: str) -> None:
    """Taken up by the assistant, the no puts the words right; answered with "OK." it does not."""
    draft, said, echo = _DRAFT[lang]
    taken, silent = Conv(), Conv()
    for c, answer in ((taken, echo), (silent, "OK.")):
        c.user("write the mail to the families about the trip")
        c.say(draft)
        c.user(said)
        c.say(answer)
    facts = _corrections(taken)
    assert facts and "coordina" in facts[0].text, taken.items()
    assert not any("coordina" in i.text for i in _corrections(silent)), silent.items()
