"""A question in the first person present that puts the assistant's own next step ("Je les envoie aux
clients ?", "¿Se lo mando ya?", "Lo mando io?") offers it, like "shall I send them?": a no with the
user taking it on is a rejection; a list reported before it is not the thing agreed. Conversations
written here, in fr/es/it."""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.exchanges import offers_self


def _rejected(t: Transcript) -> list[str]:
    return [
        d.text
        for d in of_kind(t.items(), "decision")
        if d.text.startswith(("Rejeté", "Rechazado", "Rifiutato", "Rejected"))
    ]


def test_fr_je_les_envoie_refused_is_a_rejection() -> None:
    t = Transcript()
    t.user("convertis les factures du trimestre en PDF/A")
    t.assistant("C'est fait : les quatre factures sont en PDF/A-2b. Je les envoie aux clients ?")
    t.user("non, je les envoie mardi moi-même avec un petit mot")
    (rejected,) = _rejected(t)
    assert "envoie" in rejected


def test_es_se_lo_mando_refused_is_a_rejection() -> None:
    t = Transcript()
    t.user("prepara el correo para el fotógrafo con el cambio de hora")
    t.assistant(
        "Listo: el correo dice que la sesión pasa a las 18:00 y pide confirmación. ¿Se lo mando ya al fotógrafo?"
    )
    t.user("no, se lo mando yo mañana desde mi cuenta")
    (rejected,) = _rejected(t)
    assert "mando" in rejected.lower()


def test_it_a_reported_list_then_lo_mando_is_no_plan() -> None:
    t = Transcript()
    t.user("com'è andato il conteggio delle presenze?")
    t.assistant(
        "Il foglio è pronto in `presenze/novembre.xlsx`:\n\n"
        "- Lucia: 14 turni, 84 ore\n"
        "- Marco: 11 turni, 66 ore\n"
        "- Totale: 150 ore\n\n"
        "Restano entrambi sotto il limite di 90 ore. Lo mando anche alla coordinatrice della mensa?"
    )
    t.user("sì, vai")
    assert not any("Lucia" in d.text or "84 ore" in d.text for d in of_kind(t.items(), "decision"))


def test_what_counts_as_a_first_person_offer() -> None:
    assert offers_self("Je prépare aussi la déclaration pour la caisse ?")
    assert offers_self("¿Se lo mando ya?")
    assert not offers_self("Je suis sûr ?")
    assert not offers_self("¿Lo tienes?")
