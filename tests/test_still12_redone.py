"""A failing run on what an earlier run made (the folder a script wrote, the id of a query it started),
and before the user's next word the agent runs that earlier work again, otherwise, and it passes:
the failure was got past. One resolved outcome, not a failure left open (must keep). A failure the
agent did not get past that way stays open. Conversations written here, in en/fr/es."""

from __future__ import annotations

from test_extract import Transcript, of_kind


def _invoices(t: Transcript, lang: str) -> None:
    t.bash(
        "cd ~/office && python3 ~/tools/invoices.py hours-q1.csv --rate 90 --first INV-2027-0011 --out invoices/2027-Q1/",
        "INV-2027-0011 Harbour Cafe 540.00\nINV-2027-0012 Mill Lane Dental 810.00\n2 invoices written (PDF) to invoices/2027-Q1/",
    )
    t.assistant("Done." if lang == "en" else "C'est fait.")


def test_en_conversion_failed_then_the_maker_run_again_otherwise() -> None:
    t = Transcript()
    t.user("make the Q1 invoices from hours-q1.csv, 90/h, starting at INV-2027-0011")
    _invoices(t, "en")
    t.user("convert them to PDF/A too")
    t.bash(
        "cd ~/office/invoices/2027-Q1 && for f in INV-*.pdf; do gs -dPDFA=2 -dBATCH -dNOPAUSE "
        '-sDEVICE=pdfwrite -o "${f%.pdf}-a.pdf" "$f"; done',
        "GPL Ghostscript 10.02.1: Unrecoverable error, exit code 1\n   **** Error: PDFA_def.ps not found",
        code=1,
    )
    t.assistant(
        "Ghostscript is missing its PDF/A definition file. The invoice script has a --pdfa switch; running it with that."
    )
    t.bash(
        "cd ~/office && python3 ~/tools/invoices.py hours-q1.csv --rate 90 --first INV-2027-0011 --out invoices/2027-Q1/ --pdfa",
        "2 invoices written (PDF/A-2b) to invoices/2027-Q1/",
    )
    t.assistant("Both invoices are now PDF/A-2b in invoices/2027-Q1/.")
    outcomes = of_kind(t.items(), "outcome")
    assert outcomes and not any(o.must_keep for o in outcomes)
    assert not any(o.text.startswith("Still failing") for o in outcomes)
    t = Transcript()  # the agent did not get past it: still open
    t.user("make the Q1 invoices from hours-q1.csv, 90/h, starting at INV-2027-0011")
    _invoices(t, "en")
    t.user("convert them to PDF/A too")
    t.bash(
        "cd ~/office/invoices/2027-Q1 && for f in INV-*.pdf; do gs -dPDFA=2 -dBATCH -dNOPAUSE "
        '-sDEVICE=pdfwrite -o "${f%.pdf}-a.pdf" "$f"; done',
        "GPL Ghostscript 10.02.1: Unrecoverable error, exit code 1\n   **** Error: PDFA_def.ps not found",
        code=1,
    )
    t.assistant("Ghostscript is missing its PDF/A definition file; I can't convert them from here.")
    t.user("leave it then")
    outcomes = of_kind(t.items(), "outcome")
    assert any(o.must_keep for o in outcomes)


def test_fr_conversion_failed_then_the_maker_run_again_otherwise() -> None:
    t = Transcript()
    t.user("fais les factures du T1 à partir de hours-q1.csv, 90 €/h, à partir de INV-2027-0011")
    _invoices(t, "fr")
    t.user("convertis-les aussi en PDF/A")
    t.bash(
        "cd ~/office/invoices/2027-Q1 && for f in INV-*.pdf; do gs -dPDFA=2 -dBATCH -dNOPAUSE "
        '-sDEVICE=pdfwrite -o "${f%.pdf}-a.pdf" "$f"; done',
        "GPL Ghostscript 10.02.1: Unrecoverable error, exit code 1\n   **** Error: PDFA_def.ps not found",
        code=1,
    )
    t.assistant(
        "Ghostscript n'a pas son fichier de définition PDF/A. Le script a une option --pdfa, je refais avec."
    )
    t.bash(
        "cd ~/office && python3 ~/tools/invoices.py hours-q1.csv --rate 90 --first INV-2027-0011 --out invoices/2027-Q1/ --pdfa",
        "2 invoices written (PDF/A-2b) to invoices/2027-Q1/",
    )
    t.assistant("Les deux factures sont maintenant en PDF/A-2b.")
    outcomes = of_kind(t.items(), "outcome")
    assert outcomes and not any(o.must_keep for o in outcomes)


def _query(t: Transcript, sql: str, out: str) -> None:
    t.bash(
        f'aws --profile fin athena start-query-execution --work-group primary --query-string "{sql}"',
        out,
    )


def test_es_job_failed_in_its_status_then_the_query_relaunched() -> None:
    t = Transcript()
    t.user("¿cuánto costó cada bucket en marzo? usa athena, tabla cur_gastos")
    _query(
        t,
        "select bucket, month, sum(cost) from cur_gastos group by 1,2",
        "7f3a9c10-2b4d-4e8f-9a61-0c5d2e8b7f41",
    )
    t.bash(
        "sleep 8; aws --profile fin athena get-query-execution --query-execution-id 7f3a9c10-2b4d-4e8f-9a61-0c5d2e8b7f41 "
        "--query 'QueryExecution.Status' --output json",
        '{\n    "State": "FAILED",\n    "StateChangeReason": "COLUMN_NOT_FOUND: Column \'month\' cannot be resolved"\n}',
    )
    t.assistant(
        "La consulta falló: la columna `month` no existe; la partición se llama `periodo`. La relanzo:"
    )
    _query(
        t,
        "select bucket, periodo, sum(cost) from cur_gastos group by 1,2",
        '9b1e4d22-6c3a-4f0b-8e27-3d9a5c1f6e08\n"bucket","periodo","cost"\n"fin-datos","2027-03","4120"',
    )
    t.assistant("En marzo, fin-datos costó 4.120 $.")
    outcomes = of_kind(t.items(), "outcome")
    assert not any(o.must_keep for o in outcomes)
