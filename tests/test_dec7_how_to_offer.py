"""An offer to write down a how-to ("want me to write the monthly routine down?", "vuoi che ti scriva
una procedura ...?"), taken: the steps written are the procedure rules' item, the yes decides
nothing. Conversations written here, in en/it/de."""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_en_routine_offer_taken_is_no_decision() -> None:
    t = Transcript()
    t.user("pull all of this year's receipts for the bakery")
    t.assistant(
        "Done. The receipts (1 Jan to 30 Nov) are in `~/clients/bakery/2026/` as 11 monthly ZIPs, 940 MB. "
        "Since the one-shot export fails for clients this size, want me to write the monthly routine down?"
    )
    t.user("yes put it in my notes")
    assert of_kind(t.items(), "decision") == []


def test_it_procedure_offer_taken_is_no_decision() -> None:
    t = Transcript()
    t.user("il webhook risponde ancora 401?")
    t.assistant(
        "Dopo il deploy, 31 consegne: 28 ok, ancora 3 con 401 (v2.4.1). Vuoi che ti scriva una procedura "
        "per cambiare la chiave HOOK_KEY in modo sicuro (prima sul pannello, poi nel .env)?"
    )
    t.user("si scrivila in docs/webhook.md")
    assert of_kind(t.items(), "decision") == []


def test_de_ablauf_offer_taken_is_no_decision() -> None:
    t = Transcript()
    t.user("hat der Export diesmal geklappt?")
    t.assistant(
        "Ja: 12 Monats-Exporte, 1.204 MB, alle Archive geprüft. Soll ich den Ablauf für Mandant M-2231 "
        "aufschreiben, damit wir ihn nächstes Jahr wieder so machen?"
    )
    t.user("ja, gerne")
    assert of_kind(t.items(), "decision") == []
