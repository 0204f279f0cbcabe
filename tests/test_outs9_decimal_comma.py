"""A report that repeats the figures a run computed, written with a decimal comma (``578,40 €``)
where the tool printed a point (``578.40``), repeats them all the same: the figures go by their
digits. Conversations written here, in fr/de."""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_fr_payslip_figures_with_a_decimal_comma_are_an_outcome() -> None:
    t = Transcript()
    t.user("calcule la paie de janvier pour Inès, 32 heures à 14 €")
    _, run = t.bash(
        "python3 ~/outils/paie.py --taux 14 'Ines Faure=32' --sortie paie-01.xlsx",
        "Ines Faure  brut 448.00  cotisations 19.71  net 428.29\nwrote paie-01.xlsx",
    )
    t.assistant(
        "La paie de janvier est prête : Inès Faure, brut 448,00 €, net 428,29 € (19,71 € de cotisations)."
    )
    outcomes = [o for o in of_kind(t.items(), "outcome") if run in o.entry_ids]
    assert outcomes and "428,29" in outcomes[0].text


def test_de_invoice_totals_with_a_decimal_comma_are_an_outcome() -> None:
    t = Transcript()
    t.user("rechne die Nebenkosten 2026 für die Wohnung Lindenstraße ab")
    _, run = t.bash(
        "python3 ~/tools/nk_abrechnung.py lindenstrasse-2026.csv",
        "heizung 684.20\nwasser 212.75\nsumme 896.95\nvorauszahlung 800.00",
    )
    t.assistant(
        "Abrechnung fertig: Heizung 684,20 €, Wasser 212,75 €, zusammen 896,95 €; nachzuzahlen sind 96,95 €."
    )
    outcomes = [o for o in of_kind(t.items(), "outcome") if run in o.entry_ids]
    assert outcomes and "896,95" in outcomes[0].text
