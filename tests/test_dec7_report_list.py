"""A list that reports (what was done, what was found), then a closing paragraph that says something
of its own and offers a next step in a question of its own: a yes takes that step, not the list as a
plan. A plan's list put by a bare question ("OK?") or one pointing back at it ("write this up?") is
still agreed as a whole. Conversations written here, in en/de/fr."""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.exchanges import _asks_past_list
from memoryd.flush.extract.messages import visible_messages
from memoryd.flush.extract.prose import is_question, paragraphs, split_sentences


def test_de_findings_then_an_offer_of_its_own() -> None:
    t = Transcript()
    t.user("was ist in der Warteschlange noch offen?")
    t.assistant(
        "Zwei offene Tickets, beide bestätigt:\n\n"
        "- **#5120** Backup-Job auf nas-02 hängt seit 03:10\n"
        "- **#5117** Zertifikat für intranet läuft in 9 Tagen ab\n\n"
        "Das Backup ist dringender. Soll ich mir den Backup-Job zuerst ansehen, bevor wir den Bericht schreiben?"
    )
    t.user("ja bitte")
    assert not any("#5117" in d.text or "Zertifikat" in d.text for d in of_kind(t.items(), "decision"))


def test_en_report_then_an_offer_of_its_own() -> None:
    t = Transcript()
    t.user("how did the payroll run go?")
    t.assistant(
        "Payroll for March is ready in `payroll/2026-03.xlsx`:\n\n"
        "- Lena: gross 610.00, net 588.20\n"
        "- Omar: gross 540.00, net 520.75\n"
        "- Employer charges: 301.40\n\n"
        "Both stay under the 620 cap. Should I prepare the filing for the tax office as well?"
    )
    t.user("yes go ahead")
    assert not any("588.20" in d.text or "Omar" in d.text for d in of_kind(t.items(), "decision"))


def _asks_past(text: str) -> bool:
    t = Transcript()
    t.user("?")
    t.assistant(text)
    m = visible_messages(t.entries())[-1]
    paras = paragraphs(m.prose)
    tail = split_sentences(paras[-1])
    question = next(s for s in reversed(tail) if is_question(s))
    return _asks_past_list(paras, tail, question, m.options)


def test_a_plan_put_by_a_bare_question_or_one_pointing_back_is_asked_as_a_whole() -> None:
    plan = "Je propose :\n\n1. Rotation hebdomadaire, relais le mardi\n2. Un secondaire chaque semaine\n\n"
    assert not _asks_past(plan + "Ça te va ?")
    assert not _asks_past(plan + "Ça change peu. Tu veux que je mette ça dans le wiki ?")
    listed = "Proposed plan:\n\n1. Pin the client libraries\n2. Upgrade staging first\n\n"
    assert not _asks_past(listed + "Both are small. Want me to write this into `docs/db-upgrade.md`?")
    assert not _asks_past(listed + "Both are small. Should I start with the second one?")
    assert _asks_past(listed + "Both are small. Should I book the maintenance window with the ops team?")


def test_en_report_then_shall_i_submit_it_refused_is_a_rejection() -> None:
    t = Transcript()
    t.user("do the october vat return for the bakery")
    t.assistant(
        "Done. Bakery, October 2026:\n\n"
        "- output VAT 7%: 1,204.10\n"
        "- output VAT 19%: 988.40\n"
        "- **payable: 1,402.75 EUR**\n\n"
        "Sheet: `~/clients/bakery/2026-10/vat-2026-10.xlsx`, corrections on the second tab. "
        "Shall I submit it through the tax portal now?"
    )
    t.user("no dont file it, I want to go through the sheet myself first")
    rejected = [d for d in of_kind(t.items(), "decision") if d.text.startswith("Rejected")]
    assert rejected and "portal" in rejected[0].text


def test_de_bericht_dann_soll_ich_es_abschicken_abgelehnt() -> None:
    t = Transcript()
    t.user("mach die Umsatzsteuer für die Bäckerei, Oktober")
    t.assistant(
        "Fertig. Bäckerei, Oktober 2026:\n\n"
        "- Umsatzsteuer 7 %: 1.204,10\n"
        "- Umsatzsteuer 19 %: 988,40\n"
        "- **Zahllast: 1.402,75 EUR**\n\n"
        "Die Tabelle liegt in `~/mandanten/baeckerei/2026-10/ust.xlsx`, Korrekturen im zweiten Blatt. "
        "Soll ich es jetzt über das Steuerportal abschicken?"
    )
    t.user("nein, schick es nicht ab, ich geh die Tabelle selbst durch")
    rejected = [d for d in of_kind(t.items(), "decision") if d.text.startswith("Abgelehnt")]
    assert rejected and "Steuerportal" in rejected[0].text
