"""A list the agent writes right after its tools ran, whose items repeat the numbers those runs
printed, reports results: a yes to the question after it agrees to no plan made of them."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def decisions(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "decision"]


def test_a_list_of_measured_results_is_no_plan() -> None:
    c = Conv()
    c.user("reconcile the October bank export against the ledger please")
    c.run(
        "python3 tools/recon.py bank-2026-10.csv ledger.csv",
        "bank rows: 218\nmatched: 212 (198 amount+date, 14 reference)\nunmatched: 6",
    )
    c.say(
        "Done. October:\n\n- 218 bank rows\n- 212 matched (198 by amount and date, 14 by reference)\n"
        "- 6 unmatched\n\nShall I list the unmatched ones?"
    )
    c.user("yes please")
    c.say("Here they are.")
    assert not any("218 bank rows" in d.text for d in decisions(c.items()))


def test_a_list_of_measured_results_is_no_plan_in_german() -> None:
    c = Conv()
    c.user("Bitte die Tabellen billing und payments abgleichen.")
    c.run(
        "python3 scripts/abgleich.py billing payments",
        "billing: 40977 vs 40977\npayments: 40512 vs 40512\nrefunds: 1183 vs 1183",
    )
    c.say(
        "Ergebnis:\n\n- billing: 40977 Zeilen auf beiden Seiten\n- payments: 40512 Zeilen auf beiden Seiten\n"
        "- refunds: 1183 Zeilen auf beiden Seiten\n\nSoll ich das als täglichen Job einrichten?"
    )
    c.user("ja, gern")
    c.say("Mache ich.")
    assert not any("40977" in d.text for d in decisions(c.items()))


def test_numbers_match_whatever_the_decimal_mark_in_french() -> None:
    c = Conv()
    c.user("Calcule la paie de décembre pour les deux profs, s'il te plaît.")
    c.run(
        "python3 tools/minijob.py --taux 15 'Lena=40' 'Sami=38' --out paie.xlsx",
        "Lena  brut 600.00  net 578.40\nSami  brut 570.00  net 549.48\nAbgaben AG: 364.69",
    )
    c.say(
        "La paie est prête :\n\n- Lena : brut 600,00 €, net 578,40 €\n- Sami : brut 570,00 €, net 549,48 €\n"
        "- Charges : 364,69 €\n\nJe prépare aussi la déclaration ?"
    )
    c.user("oui vas-y")
    c.say("Je la prépare.")
    assert not any("578,40" in d.text for d in decisions(c.items()))
