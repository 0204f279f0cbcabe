""" "Let's do both": every option offered is taken, one decision naming them all with what the reply
adds, the assistant's confirmation cited; "both are overkill" or "neither" takes none. Conversations
written here, en/de/es/fr."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted


def test_en_both_with_what_the_reply_adds() -> None:
    t = Transcript()
    offer = t.assistant(
        "Two options for onboarding: A) a recorded walkthrough video, B) a live Q&A every Tuesday. Which?"
    )
    reply = t.user("both: the video first, the Q&A from March")
    ack = t.assistant("Both then: the walkthrough video now and the Tuesday Q&A from March.")
    (decision,) = accepted(t.items())
    assert "walkthrough video" in decision.text and "Q&A every Tuesday" in decision.text
    assert "March" in decision.text
    assert {offer, reply, ack} <= set(decision.entry_ids)


def test_de_es_fr_both() -> None:
    for text, reply, names in (
        (
            "Zwei Optionen: A) Aushang im Bioladen, B) Anzeige im Stadtblatt für 35 €. Welche?",
            "beides, bitte",
            ("Bioladen", "Stadtblatt"),
        ),
        (
            "Dos opciones: A) carteles en la biblioteca, B) un anuncio en la radio local por 50 €. ¿Cuál?",
            "los dos",
            ("biblioteca", "radio"),
        ),
        (
            "Deux options : A) une affiche à la mairie, B) un encart dans le journal pour 45 €. Laquelle ?",
            "les deux !",
            ("mairie", "journal"),
        ),
    ):
        t = Transcript()
        t.assistant(text)
        t.user(reply)
        (decision,) = accepted(t.items())
        assert all(n in decision.text for n in names)


def test_both_judged_badly_or_neither_takes_none() -> None:
    t = Transcript()
    t.assistant("Two options for the cache: A) Redis on the app box, B) Memcached as a sidecar. Which?")
    t.user("both are overkill for us, we have 200 users")
    assert not any("Redis" in d.text and "Memcached" in d.text for d in accepted(t.items()))
    t = Transcript()
    t.assistant("Two options for the cache: A) Redis on the app box, B) Memcached as a sidecar. Which?")
    t.user("neither, not both")
    assert accepted(t.items()) == []
