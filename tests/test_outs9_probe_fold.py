"""A first look at the user's file that failed (a module missing, the wrong encoding) and passed again
once the module was installed or a switch changed, is the first step of the work done on that file
later, after the user answered what the look showed: no outcome of its own, its failing run cited by
the work's outcome. Conversations written here, in en/es."""

from __future__ import annotations

from test_extract import Transcript, of_kind

LOOK = "cd ~/club && python3 -c \"import openpyxl; print(list(openpyxl.load_workbook('cuotas.xlsx').active.values))\""
FIX = (
    "cd ~/club && python3 - <<'PY'\nimport openpyxl\nwb = openpyxl.load_workbook('cuotas.xlsx')\n"
    "wb.active['C3'] = 45\nwb.save('cuotas.xlsx')\nprint('total', 1215)\nPY"
)


def test_es_module_installed_for_a_look_is_a_step_of_the_later_work() -> None:
    t = Transcript()
    t.user("mira la hoja cuotas.xlsx, creo que la cuota de Marta está mal")
    _, failed = t.bash(LOOK, "ModuleNotFoundError: No module named 'openpyxl'", code=1)
    t.bash("pip install --user openpyxl", "Successfully installed openpyxl-3.1.5")
    t.bash(LOOK, "[('socio', 'cuota'), ('Marta Gil', 54), ('Pau Roig', 45)]")
    t.assistant("La hoja dice 54 € para Marta Gil y 45 € para Pau Roig. ¿Cuál es la buena?")
    t.user("45, como todos")
    _, saved = t.bash(FIX, "total 1215")
    t.assistant("Corregido: cuotas.xlsx tiene ahora 45 € para Marta Gil, el total queda en 1215 €.")
    outcomes = of_kind(t.items(), "outcome")
    assert not any("ModuleNotFoundError" in o.text for o in outcomes)
    (work,) = [o for o in outcomes if saved in o.entry_ids]
    assert failed in work.entry_ids and "1215" in work.text


def test_en_encoding_switch_for_a_look_is_a_step_of_the_later_work() -> None:
    t = Transcript()
    t.user("dedupe guests.csv for me")
    look = "python3 -c \"import pandas as pd; d=pd.read_csv('guests.csv'); print(len(d), d.duplicated('name').sum())\""
    _, failed = t.bash(
        look, "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 812", code=1
    )
    t.bash(look.replace("'guests.csv'", "'guests.csv', encoding='cp1252'"), "88 4")
    t.assistant("It was saved in cp1252: 88 rows, 4 of them duplicates by name.")
    t.user("thanks, write guests_clean.csv without the duplicates")
    _, saved = t.bash(
        "python3 -c \"import pandas as pd; d=pd.read_csv('guests.csv', encoding='cp1252'); "
        "d.drop_duplicates('name').to_csv('guests_clean.csv', index=False)\"",
        "",
    )
    t.assistant("guests_clean.csv now has 84 guests, in UTF-8.")
    outcomes = of_kind(t.items(), "outcome")
    assert not any("UnicodeDecodeError" in o.text for o in outcomes)
    (work,) = [o for o in outcomes if saved in o.entry_ids]
    assert failed in work.entry_ids
