"""A "no" in a sentence before the pick belongs to that sentence ("no rush on this. B, let's go with
that"): the pick stands, nothing is rejected, and the "no" sentence is no part of the decision. A
"no" in the picking sentence itself still turns the option down. Conversations written here,
en/es/fr/de."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted


def _rejections(t: Transcript) -> list[str]:
    return [i.text for i in t.items() if i.kind == "decision" and i not in accepted(t.items())]


def test_en_no_in_an_earlier_clause() -> None:
    t = Transcript()
    t.assistant(
        "Two plans for the logs: A) keep 30 days on the VPS for free, B) ship them to Loki Cloud for 9 dollars. Which?"
    )
    t.user("not urgent at all. B, let's go with that")
    (decision,) = accepted(t.items())
    assert "Loki Cloud" in decision.text and "urgent" not in decision.text and "go with" not in decision.text
    assert _rejections(t) == []


def test_es_no_corre_prisa_then_the_pick() -> None:
    t = Transcript()
    t.assistant("Para el catering hay dos opciones: Sabores por 300 € o Mesa Larga por 420 €. ¿Cuál?")
    t.user("no hay prisa. Mesa Larga, vamos con esa")
    (decision,) = accepted(t.items())
    assert "Mesa Larga" in decision.text and "prisa" not in decision.text
    assert _rejections(t) == []


def test_fr_and_de_the_same() -> None:
    t = Transcript()
    t.assistant(
        "Deux options pour la salle : A) la salle Gamma à 200 €, B) la salle Delta à 260 €. Laquelle ?"
    )
    t.user("pas pressé. B, on part là-dessus")
    (decision,) = accepted(t.items())
    assert "Delta" in decision.text and _rejections(t) == []
    t = Transcript()
    t.assistant("Zwei Optionen für den Drucker: A) Brother L2350 für 140 €, B) Canon G650 für 230 €. Welche?")
    t.user("nicht eilig. A, nehmen wir den")
    (decision,) = accepted(t.items())
    assert "Brother" in decision.text and _rejections(t) == []


def test_a_no_in_the_picking_sentence_still_rejects() -> None:
    t = Transcript()
    t.assistant(
        "Two plans for the logs: A) keep 30 days on the VPS for free, B) ship them to Loki Cloud for 9 dollars. Which?"
    )
    t.user("no, not B")
    assert accepted(t.items()) == []
    assert any("Loki Cloud" in r for r in _rejections(t))
