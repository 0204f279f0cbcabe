"""A tool the agent lacks (``command not found``), and the very next run is another program on the
same file that does the work and passes: the failure was worked around, a resolved outcome, not left
open. A look done another way (a second reader) is still a look. Conversations written here, in en/es."""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_en_missing_scheduler_worked_around_is_resolved() -> None:
    t = Transcript()
    t.user("send reply_117.eml to the landlord at 9 tomorrow, not tonight")
    t.bash(
        "echo 'mailer send < ~/drafts/reply_117.eml' | at 09:00 tomorrow",
        "bash: at: command not found",
        code=127,
    )
    t.assistant("`at` is not installed; a one-shot systemd timer does the same.")
    t.bash(
        "systemd-run --user --on-calendar='2026-12-04 09:00:00' --unit=reply-117 "
        "sh -c 'mailer send < ~/drafts/reply_117.eml'",
        "Running timer as unit: reply-117.timer",
    )
    t.assistant(
        "Scheduled: reply_117.eml goes to the landlord on Friday 4 December at 09:00 (reply-117.timer)."
    )
    outcomes = of_kind(t.items(), "outcome")
    assert outcomes and not any(o.must_keep for o in outcomes)
    assert any("reply-117" in o.text or "09:00" in o.text for o in outcomes)


def test_es_missing_converter_worked_around_is_resolved() -> None:
    t = Transcript()
    t.user("pásame acta_junta.docx a PDF para mandarla")
    t.bash("docx2pdf acta_junta.docx", "bash: docx2pdf: command not found", code=127)
    t.assistant("No tengo docx2pdf aquí; lo convierto con LibreOffice.")
    t.bash(
        "libreoffice --headless --convert-to pdf acta_junta.docx",
        "convert acta_junta.docx -> acta_junta.pdf using filter : writer_pdf_Export",
    )
    t.assistant("Listo: acta_junta.pdf está al lado del original.")
    outcomes = of_kind(t.items(), "outcome")
    assert outcomes and not any(o.must_keep for o in outcomes)
