"""A counter-proposal: a reply that opens with a no to the assistant's plan and says in one sentence,
with an "instead" word, what to do in its place. That sentence is the decision (must keep), the
refusing sentence its why, citing the plan and the reply. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _decisions(items: list[Item]) -> list[Item]:
    return [
        i
        for i in items
        if i.kind == "decision" and not i.text.startswith(("Rejected", "Abgelehnt", "Refusé"))
    ]


COUNTERED = {
    "en": (
        "the import of the supplier prices stopped halfway, 300 of 900 rows are in",
        "The supplier's API answers 429 after about 300 requests. My plan: retry the missing 600 rows one by "
        "one with a pause of 2 seconds between calls.",
        "no, they'll block our key if we keep at it. take the full CSV from their portal instead and load "
        "that into the staging table.",
        "CSV",
    ),
    "de": (
        "der Import der Lieferantenpreise ist bei 300 von 900 Zeilen stehen geblieben",
        "Die API des Lieferanten antwortet nach etwa 300 Anfragen mit 429. Mein Plan: die fehlenden 600 "
        "Zeilen einzeln mit 2 Sekunden Pause nachholen.",
        "nein, dann sperren die unseren Schlüssel. nimm stattdessen die komplette CSV aus ihrem Portal und "
        "lade sie in die Staging-Tabelle.",
        "CSV",
    ),
    "fr": (
        "l'import des prix fournisseur s'est arrêté à 300 lignes sur 900",
        "L'API du fournisseur répond 429 après environ 300 requêtes. Mon plan : relancer les 600 lignes "
        "manquantes une par une avec 2 secondes de pause.",
        "non, ils vont bloquer notre clé. Plutôt le CSV complet depuis leur portail, chargé dans la table de "
        "staging.",
        "CSV",
    ),
}


@pytest.mark.parametrize("lang", sorted(COUNTERED))
def test_the_plan_said_instead_of_the_assistants_is_the_decision(lang: str) -> None:
    ask, plan, reply, word = COUNTERED[lang]
    c = Conv()
    c.user(ask)
    planned = c.say(plan)
    countered = c.user(reply)
    got = [d for d in _decisions(c.items()) if word in d.text]
    assert len(got) == 1
    assert got[0].must_keep
    assert {planned, countered} <= set(got[0].entry_ids)


def test_an_instead_that_is_a_standing_rule_is_no_decision_of_this_case() -> None:
    ask, plan, reply, word = COUNTERED["en"]
    c = Conv()
    c.user(ask)
    c.say(plan)
    c.user(reply)
    c.say("Understood. Should I also retry the failed invoices the same way?")
    c.user("no. from now on always use the portal exports instead of their API for bulk loads.")
    got = _decisions(c.items())
    assert [word in d.text and "from now on" not in d.text for d in got] == [True]
