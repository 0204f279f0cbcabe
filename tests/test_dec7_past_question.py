"""A question whose sides each ask what happened ("Did you make the key with an expiry, or was it
limited to the old bucket?", "War es ruhig, oder war das einer dieser Tage?") is no choice: the
answer tells what is so, it decides nothing. "Did you want the blue one or the red one?" still
offers a choice. Conversations written here, in en/de/es."""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.asides import asks_what_happened
from memoryd.flush.extract.exchanges import Offer
from memoryd.flush.extract.prose import Option


def test_en_did_or_was_it_answered_is_no_decision() -> None:
    t = Transcript()
    t.user("the sync to the offsite bucket fails with 401 since monday")
    t.assistant(
        "The key is valid but gets 401 on the new bucket. Did you create this key with an expiry, or was it "
        "restricted to the old bucket?"
    )
    t.user("restricted probably. i made it for the old one")
    assert of_kind(t.items(), "decision") == []


def test_de_war_es_oder_war_das_ist_keine_wahl() -> None:
    t = Transcript()
    t.user("zurück vom Sommerfest, zwölf Stunden auf den Beinen")
    t.assistant(
        "Puh, ein langer Tag. War es wenigstens entspannt, oder war das einer dieser Tage, an denen alles gleichzeitig passiert?"
    )
    t.user("meistens entspannt. nur der grill ist einmal ausgegangen")
    assert of_kind(t.items(), "decision") == []


def test_es_fue_o_fue_no_es_una_eleccion() -> None:
    t = Transcript()
    t.user("ya volví de la boda, doce horas de pie")
    t.assistant("¡Uf, qué día! ¿Fue todo bien, o fue uno de esos días en que todo pasa a la vez?")
    t.user("casi todo bien. una tía lloró en los discursos")
    assert of_kind(t.items(), "decision") == []


def test_a_past_polite_choice_is_still_a_choice() -> None:
    sides = (Option("1", "Did you want the blue one"), Option("2", "the red one"))
    assert not asks_what_happened(Offer(sides, True))
    past = (Option("1", "Did it go smoothly"), Option("2", "was it one of those days"))
    assert asks_what_happened(Offer(past, True))
