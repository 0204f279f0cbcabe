"""Italian replies read like the others: an offer ("vuoi che ...?") refused is a rejection named by
what was offered, without the asking; an ordinal ("la seconda", German "zweiteres") picks among
options laid out in prose. Conversations written here (it, de, en for the kin)."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted


def _decisions(t: Transcript) -> list[str]:
    return [i.text for i in t.items() if i.kind == "decision"]


def test_it_offer_refused_is_a_rejection() -> None:
    t = Transcript()
    t.user("abbiamo chiuso il bilancio della sagra")
    offer = t.assistant("Vuoi che mandi anche il riepilogo ai soci per email?")
    reply = t.user("no, lo legge Paola all'assemblea di giovedì")
    (item,) = [i for i in t.items() if i.kind == "decision"]
    assert "riepilogo" in item.text and "Paola" in item.text
    assert not item.text.split(":", 1)[-1].strip().lower().startswith("vuoi")
    assert {offer, reply} <= set(item.entry_ids)


def test_it_ordinal_picks_among_prose_options() -> None:
    t = Transcript()
    t.user("come organizziamo i turni al banco?")
    t.assistant(
        "Vedo due modi: Elena copre tutte le quattro domeniche, ma resta senza pause; oppure Elena e "
        "Bruno si alternano, Elena il 4 e l'11, Bruno il 18 e il 25. Quale preferisci?"
    )
    t.user("la seconda, grazie")
    (decision,) = accepted(t.items())
    assert decision.text.startswith("Elena e Bruno si alternano") and "18" in decision.text


def test_de_latter_and_en_latter_pick_the_second_of_two() -> None:
    t = Transcript()
    t.user("Wie verteilen wir die Nachtschichten?")
    t.assistant(
        "Zwei Wege: Herr Okon übernimmt alle vier Nächte, dann fehlt er am Montag; oder die beiden "
        "wechseln sich ab, Okon am 6. und 13., Frau Brandt am 20. und 27."
    )
    t.user("zweiteres, passt")
    (decision,) = accepted(t.items())
    assert "Brandt" in decision.text
    t = Transcript()
    t.user("who covers the night shifts?")
    t.assistant(
        "Two ways: Omar takes all four nights, so he misses Monday; or the two of them alternate, "
        "Omar on the 6th and 13th, Ines on the 20th and 27th."
    )
    t.user("the latter")
    (decision,) = accepted(t.items())
    assert "Ines" in decision.text
