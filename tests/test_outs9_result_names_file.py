"""A fix chain's result, read from a report on several pieces of work, is the sentence that names the
file the passing run worked on, not the one with the most identifiers about other work.
Conversations written here, in fr/en."""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_fr_result_is_the_item_on_the_converted_file() -> None:
    t = Transcript()
    t.user("réserve la salle Rhône pour le 14 et convertis planning_v2.md en PDF")
    t.bash(
        "salles reserve rhone --date 2027-03-14",
        "booked: RES-4471-RH, confirmed, free cancellation until 2027-02-14",
    )
    t.bash("pandoc planning_v2.md -o planning_v2.pdf", "pdflatex not found. Please install pdflatex", code=47)
    t.assistant("Pas de LaTeX ici, je passe par HTML.")
    t.bash("pandoc planning_v2.md -s -o /tmp/p.html && pandoc planning_v2.md -t html5 -o planning_v2.pdf", "")
    t.assistant(
        "C'est fait :\n\n- **Salle Rhône** réservée : RES-4471-RH, confirmée, annulation gratuite jusqu'au 14/02/2027.\n"
        "- **Planning** : planning_v2.pdf est prêt, converti via HTML."
    )
    fixed = [o for o in of_kind(t.items(), "outcome") if "pdflatex" in o.text]
    assert fixed and "planning_v2.pdf est prêt" in fixed[0].text


def test_en_result_is_the_item_on_the_rebuilt_file() -> None:
    t = Transcript()
    t.user("book the van for Saturday and rebuild flyer.pdf from flyer.tex")
    t.bash("vanhire book --date 2027-05-08 --depot north", "booked: VAN-2231, confirmed, pickup 08:00")
    t.bash("latexmk -pdf flyer.tex", "! LaTeX Error: File `fontawesome5.sty' not found.", code=12)
    t.bash("tlmgr install fontawesome5", "[1/1] installed fontawesome5")
    t.bash("latexmk -pdf flyer.tex", "Output written on flyer.pdf (1 page, 48211 bytes).")
    t.assistant(
        "All set:\n\n- **Van** booked: VAN-2231, confirmed, pickup 08:00 at the north depot on 8 May 2027.\n"
        "- **Flyer**: flyer.pdf rebuilt, one page, after installing the missing font package."
    )
    fixed = [o for o in of_kind(t.items(), "outcome") if "fontawesome5" in o.text]
    assert fixed and "flyer.pdf rebuilt" in fixed[0].text
