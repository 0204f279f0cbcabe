"""A point the acknowledgement says back beside the one the turn is drafted as: the user puts a value
right (or gives a task) and, in another sentence, states a plain fact; the assistant's first words
take both in after "Noted:" / "Entendido:" / "Notiert:". The fact is kept in the answer's words,
citing both turns. A pick or a label with its identifiers said back is no such fact. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.said_back import acked_clauses
from memoryd.flush.items import Item


def _facts(c: Conv, word: str) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact" and word in i.text]


@pytest.mark.parametrize(
    ("opening", "answer", "correction", "passing", "ack", "word"),
    [
        (
            "Can you total the club's costs for October from ~/club/october.csv?",
            "October comes to 1,240 €: hall rent 600 €, coaching 480 €, kit 160 €.",
            "Close, but the kit was 110 €, not 160 €.",
            "And the referees get paid from the league account, so they do not show up in that file.",
            "Noted: kit 110 € for October, and the referees are paid from the league account and do not show "
            "up in the file.",
            "league account",
        ),
        (
            "¿Me sumas los gastos del club de octubre de ~/club/octubre.csv?",
            "Octubre suma 1.240 €: alquiler del pabellón 600 €, entrenadores 480 €, equipaciones 160 €.",
            "Casi, pero las equipaciones fueron 110 €, no 160 €.",
            "Y a los árbitros los paga la federación directamente, así que no salen en ese fichero.",
            "Entendido: equipaciones 110 € en octubre, y a los árbitros los paga la federación y no salen "
            "en el fichero.",
            "federación",
        ),
        (
            "Kannst du die Vereinskosten für Oktober aus ~/verein/oktober.csv zusammenrechnen?",
            "Oktober ergibt 1.240 €: Hallenmiete 600 €, Trainer 480 €, Trikots 160 €.",
            "Fast, die Trikots waren 110 €, nicht 160 €.",
            "Und die Schiedsrichter zahlt der Verband direkt, die tauchen in der Datei nicht auf.",
            "Notiert: Trikots 110 € im Oktober; die Schiedsrichter zahlt der Verband direkt, nicht in der Datei.",
            "Verband",
        ),
    ],
)
def test_fact_said_back_beside_a_correction(
    opening: str, answer: str, correction: str, passing: str, ack: str, word: str
) -> None:
    c = Conv()
    c.user(opening)
    c.run("cat ~/club/october.csv", "hall,600\ncoaching,480\nkit,160", text="Reading the file.")
    c.say(answer)
    u = c.user(f"{correction} {passing}")
    a = c.say(ack)
    got = _facts(c, word)
    assert got, c.items()
    assert {u, a} <= set(got[0].entry_ids)
    assert any(i.must_keep and "110" in i.text for i in c.items()), c.items()  # the correction stays


@pytest.mark.parametrize(
    ("offer", "reply", "ack", "word"),
    [
        (
            "I see three ways: (a) skip the trip; (b) the 14:30 ferry, 35 €; (c) the 9:00 one, 42 €.",
            "the b, the afternoon boat suits the kids better.",
            "Noted: the 14:30 ferry, and the afternoon boat suits the kids better.",
            "afternoon",
        ),
        (
            "Veo tres caminos: (a) no ir; (b) el ferry de las 14:30, 35 €; (c) el de las 9:00, 42 €.",
            "la b, el barco de la tarde les viene mejor a los niños.",
            "Apuntado: el ferry de las 14:30, y el barco de la tarde les viene mejor a los niños.",
            "tarde",
        ),
    ],
)
def test_a_pick_said_back_is_no_fact(offer: str, reply: str, ack: str, word: str) -> None:
    c = Conv()
    c.user("Can you look at the ferries for Saturday? / ¿Miras los ferris del sábado?")
    c.say(offer)
    c.user(reply)
    a = c.say(ack)
    assert not [i for i in _facts(c, word) if a in i.entry_ids], c.items()


@pytest.mark.parametrize(
    ("ack", "kept"),
    [
        (
            "Noted: OPS-77 for flaky_login_test (Priya); the runner image stays pinned to the old kernel.",
            ["the runner image stays pinned to the old kernel"],
        ),
        (
            "Noté : OPS-77 pour flaky_login_test (Priya) ; l'image du runner reste sur l'ancien noyau.",
            ["l'image du runner reste sur l'ancien noyau"],
        ),
    ],
)
def test_a_label_and_its_identifiers_said_back_is_no_statement(ack: str, kept: list[str]) -> None:
    assert acked_clauses(ack) == kept
