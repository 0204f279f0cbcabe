"""A run that fails for want of a tool or of an input file, and the agent's very next run is another
program on the same file that passes: the failure was got past. Work done that way (the PDF made
from the CSV when the Markdown is missing) is a resolved outcome; a look done another way (a second
PDF reader) leaves no failure at all. Conversations written here, in en/de/fr."""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_en_missing_input_file_output_made_from_another_file() -> None:
    t = Transcript()
    t.user("turn the rota into a PDF for the staff room")
    t.assistant("Converting it.")
    t.bash(
        "cd ~/office && pandoc rota_jan.md -o rota_jan.pdf",
        "pandoc: rota_jan.md: openBinaryFile: does not exist (No such file or directory)",
        code=1,
    )
    t.assistant("There is only the spreadsheet, no Markdown; LibreOffice converts that directly.")
    t.bash(
        "cd ~/office && libreoffice --headless --convert-to pdf rota_jan.ods && ls -la rota_jan.pdf",
        "convert /home/u/office/rota_jan.ods -> /home/u/office/rota_jan.pdf using filter : calc_pdf_Export\n"
        "-rw-r--r-- 1 u u 40211 Jan  3 10:02 rota_jan.pdf",
    )
    t.assistant("~/office/rota_jan.pdf is ready for printing.")
    outcomes = of_kind(t.items(), "outcome")
    assert outcomes and not any(o.must_keep for o in outcomes)
    assert not any(o.text.startswith("Still failing") for o in outcomes)


def test_de_missing_input_file_output_made_from_another_file() -> None:
    t = Transcript()
    t.user("mach mir aus dem Dienstplan bitte ein PDF")
    t.assistant("Ich wandle ihn um.")
    t.bash(
        "cd ~/buero && pandoc dienstplan.md -o dienstplan.pdf",
        "pandoc: dienstplan.md: openBinaryFile: does not exist (No such file or directory)",
        code=1,
    )
    t.assistant("Es gibt nur die Tabelle, keine Markdown-Datei. LibreOffice kann sie direkt umwandeln.")
    t.bash(
        "cd ~/buero && libreoffice --headless --convert-to pdf dienstplan.ods && ls dienstplan.pdf",
        "convert /home/u/buero/dienstplan.ods -> /home/u/buero/dienstplan.pdf using filter : calc_pdf_Export\n"
        "dienstplan.pdf",
    )
    t.assistant("Das PDF liegt unter ~/buero/dienstplan.pdf.")
    outcomes = of_kind(t.items(), "outcome")
    assert outcomes and not any(o.must_keep for o in outcomes)


def test_fr_look_done_by_another_reader_leaves_no_failure() -> None:
    t = Transcript()
    t.user("lis-moi le bail avant que je signe : docs/bail_atelier.pdf, surtout le préavis")
    t.assistant("J'extrais le texte.")
    t.bash("pdftotext -layout docs/bail_atelier.pdf -", "bash: pdftotext: command not found", code=127)
    t.assistant("pdftotext n'est pas installé, j'essaie avec pypdf.")
    t.bash(
        "python3 -c \"from pypdf import PdfReader; print(PdfReader('docs/bail_atelier.pdf').pages[0].extract_text())\"",
        "BAIL COMMERCIAL\nArticle 4. Préavis : six mois, par lettre recommandée.",
    )
    t.assistant("Le préavis est de six mois, par lettre recommandée (article 4).")
    outcomes = of_kind(t.items(), "outcome")
    assert not any("pdftotext" in o.text for o in outcomes)


def test_en_look_done_by_another_reader_leaves_no_failure() -> None:
    t = Transcript()
    t.user("what does the lease say about notice? docs/lease_unit4.pdf")
    t.bash("pdftotext docs/lease_unit4.pdf -", "bash: pdftotext: command not found", code=127)
    t.assistant("No pdftotext here; reading it with pypdf.")
    t.bash(
        "python3 -c \"from pypdf import PdfReader; print(PdfReader('docs/lease_unit4.pdf').pages[0].extract_text())\"",
        "LEASE\n9. Notice: three months in writing.",
    )
    t.assistant("Notice is three months, in writing (clause 9).")
    assert not any("pdftotext" in o.text for o in of_kind(t.items(), "outcome"))
