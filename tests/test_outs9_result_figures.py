"""A work outcome states the end result: the figures the runs printed. The report's figures may come
from a check run after the change (a comparison printed before the report), and a first sentence that
names none of them ("Erledigt: ...") takes the list after it that repeats them, written the agent's way
(``12.480 €`` for the run's ``12480``). Conversations written here, in en/de."""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_de_done_sentence_takes_the_list_of_printed_totals() -> None:
    t = Transcript()
    t.user("trag die Hallenmiete als eigene Zeile in haushalt.xlsx ein und rechne neu")
    _, run = t.bash(
        "cd ~/verein && python3 - <<'PY'\nimport openpyxl\nwb = openpyxl.load_workbook('haushalt.xlsx')\n"
        "ws = wb.active\nws.append(['Hallenmiete', 2400])\nwb.save('haushalt.xlsx')\n"
        "print('ausgaben', 12480, 'einnahmen', 13100, 'rest', 620)\nPY",
        "ausgaben 12480 einnahmen 13100 rest 620",
    )
    t.assistant(
        "Erledigt: die Hallenmiete steht jetzt als eigene Zeile in der Tabelle.\n\n"
        "- Ausgaben: 12.480 €\n- Einnahmen: 13.100 €\n- Überschuss: 620 €"
    )
    (outcome,) = [o for o in of_kind(t.items(), "outcome") if run in o.entry_ids]
    assert "12.480" in outcome.text and "620" in outcome.text


def test_en_figures_from_the_check_after_the_change() -> None:
    t = Transcript()
    t.user("fix the weights in marks.xlsx to 50/30/20 and tell me who changes grade")
    _, run = t.bash(
        "cd ~/marks && python3 - <<'PY'\nimport openpyxl\nwb = openpyxl.load_workbook('marks.xlsx')\n"
        "ws = wb.active\nfor r in range(2, ws.max_row + 1):\n    ws[f'F{r}'] = f'=0.5*C{r}+0.3*D{r}+0.2*E{r}'\n"
        "wb.save('marks_new.xlsx')\nPY",
        "",
    )
    t.bash(
        "cd ~/marks && python3 compare.py marks.xlsx marks_new.xlsx",
        "moved: 17 of 30\nup: Lee, Ana (4.81 -> 5.12)\ndown: Brook, Sam (5.06 -> 4.77)",
    )
    t.assistant(
        "Done, marks_new.xlsx is written next to the original. 17 of 30 averages moved; "
        "Ana Lee now passes with 5.12 and Sam Brook drops to 4.77."
    )
    (outcome,) = [o for o in of_kind(t.items(), "outcome") if run in o.entry_ids]
    assert "5.12" in outcome.text and "4.77" in outcome.text
