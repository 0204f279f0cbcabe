"""A report right after a look that waited first (``sleep 20; tail -2 job.log``) and repeats the
numbers that look printed is how the awaited work came out: an outcome, though the look only read
a log (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_the_report_after_a_waited_log_look_is_an_outcome() -> None:
    c = Conv()
    c.user("Lass den Export der Noten einmal testweise laufen und sag mir, ob er klappt.")
    c.run("nohup ~/bin/export_noten.sh > ~/export.log 2>&1 &", "")
    look = c.run(
        "sleep 20; tail -n 2 ~/export.log",
        "7B ok\nexport ok: 6 Klassen, 148 Zeilen -> /srv/noten/2026-12-04.csv",
    )
    report = c.say("Testlauf fertig: 6 Klassen, 148 Zeilen in /srv/noten/2026-12-04.csv.")
    c.user("super, danke")
    found = [o for o in outcomes(c.items()) if report in o.entry_ids]
    assert found and "148 Zeilen" in found[0].text and look in found[0].entry_ids


def test_the_same_figures_read_back_from_a_file_without_a_wait_are_no_outcome() -> None:
    c = Conv()
    c.user("Mira el último export y lanza luego la copia de esta noche de prueba.")
    c.run("tail -n 1 ~/export.log", "export ok: 5 grupos, 131 filas -> /srv/notas/2026-12-03.csv")
    read_back = c.say("El último export tiene 5 grupos y 131 filas, en /srv/notas/2026-12-03.csv.")
    c.run("nohup ~/bin/copia.sh > ~/copia.log 2>&1 &", "")
    look = c.run(
        "sleep 30; tail -n 1 ~/copia.log", "copia ok: 5 grupos, 131 filas -> /srv/copia/2026-12-04.csv"
    )
    report = c.say("Copia de prueba hecha: 5 grupos, 131 filas en /srv/copia/2026-12-04.csv.")
    c.user("perfecto")
    found = outcomes(c.items())
    assert any(report in o.entry_ids and look in o.entry_ids for o in found)
    assert not any(read_back in o.entry_ids for o in found)
