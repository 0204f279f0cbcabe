"""An interpreter handed its code in a heredoc (``python3 - <<'PY' ... PY``) is read like inline code
(``python -c``): what the code calls says whether it writes (a workbook saved, a frame written out, a
file opened for writing). A string's ``.replace(`` or a list's ``.remove(`` in a longer script is no
write. Conversations written here, in en/fr."""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.shell import command_effect, raw_segments

SAVE = "cd ~/books && python3 - <<'PY'\nimport openpyxl\nwb = openpyxl.load_workbook('q3.xlsx')\nwb.active['D2'] = 1250\nwb.save('q3_fixed.xlsx')\nprint('saved')\nPY"
SUM = "cd ~/books && python3 - <<'PY'\nimport csv\nt = 0\nfor r in csv.reader(open('q3.csv')):\n    t += float(r[2].replace(',', '.'))\nprint(t)\nPY"


def _effect(command: str) -> str:
    return command_effect(command, tuple((raw, tuple(w)) for raw, w in raw_segments(command)))


def test_heredoc_that_saves_changes_something_and_one_that_sums_reads() -> None:
    assert _effect(SAVE) == "change"
    assert _effect(SUM) == "read"  # ``.replace(`` on a string: no write
    assert _effect("bash <<'EOF'\nlog.save(x)\nEOF") == "read"  # a shell goes by its own commands


def test_en_heredoc_save_is_an_outcome() -> None:
    t = Transcript()
    t.user("put 1250 in D2 of q3.xlsx and save it as a copy")
    t.bash(SAVE, "saved")
    t.assistant("Done: q3_fixed.xlsx is saved with 1250 in D2; the original q3.xlsx is untouched.")
    (outcome,) = of_kind(t.items(), "outcome")
    assert "q3_fixed.xlsx" in outcome.text


def test_fr_heredoc_to_csv_is_an_outcome() -> None:
    t = Transcript()
    t.user("exporte les adhérents actifs de membres.xlsx en csv")
    t.bash(
        "cd ~/asso && python3 - <<'PY'\nimport pandas as pd\nd = pd.read_excel('membres.xlsx')\n"
        "d[d.actif].to_csv('actifs.csv', index=False)\nprint(len(d[d.actif]))\nPY",
        "212",
    )
    t.assistant("C'est fait : actifs.csv contient les 212 adhérents actifs.")
    (outcome,) = of_kind(t.items(), "outcome")
    assert "actifs.csv" in outcome.text and "212" in outcome.text
