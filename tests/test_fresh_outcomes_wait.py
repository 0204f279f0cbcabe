"""A long poll gives one outcome: the final state, with what the agent did with it (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_a_long_poll_is_one_outcome_the_agents_word_on_the_final_state() -> None:
    c = Conv()
    c.user("Avísame cuando termine el renderizado del vídeo 12 y cópialo al servidor de la agencia.")
    first = c.run("renderq estado --trabajo 12", "trabajo 12: en cola")
    for pct in range(5, 100, 10):
        c.run("sleep 30 && renderq estado --trabajo 12", f"trabajo 12: renderizando {pct}%")
    last = c.run("sleep 30 && renderq estado --trabajo 12", "trabajo 12: terminado (00:14:31)")
    c.call(
        "bash",
        {"command": "renderq bajar --trabajo 12 --a /srv/entregas/video12.mp4"},
        "",
        text="El trabajo 12 ha terminado. Lo bajo a entregas.",
    )
    (out,) = outcomes(c.items())  # one item for eleven polls
    assert out.text.startswith("El trabajo 12 ha terminado")
    assert "renderizando" not in out.text
    assert {first, last} <= set(out.entry_ids)


def test_the_action_line_is_added_only_when_that_step_passed() -> None:
    c = Conv()
    c.user("Sag Bescheid, wenn der Import 3 durch ist, und leg dann den Bericht ab.")
    for n in (10, 40, 80):
        c.run("importctl zustand 3", f"import 3: {n} % verarbeitet")
    c.run("importctl zustand 3", "import 3: fertig, 5120 Zeilen")
    saved = c.call(
        "bash",
        {"command": "importctl bericht 3 --nach /daten/berichte/import3.txt"},
        "Bericht für Import 3 abgelegt unter /daten/berichte/import3.txt",
        text="Import 3 ist fertig. Ich lege den Bericht ab.",
    )
    (out,) = outcomes(c.items())
    assert "/daten/berichte/import3.txt" in out.text and saved in out.entry_ids


def test_a_failed_action_after_the_wait_adds_no_line() -> None:
    c = Conv()
    c.user("Sag Bescheid, wenn der Import 4 durch ist, und leg dann den Bericht ab.")
    for n in (10, 40, 80):
        c.run("importctl zustand 4", f"import 4: {n} % verarbeitet")
    c.run("importctl zustand 4", "import 4: fertig, 311 Zeilen")
    c.call(
        "bash",
        {"command": "importctl bericht 4 --nach /daten/berichte/import4.txt"},
        "Permission denied: /daten/berichte",
        code=1,
        text="Import 4 ist fertig. Ich lege den Bericht ab.",
    )
    texts = [o.text for o in outcomes(c.items())]
    assert any(t.startswith("Import 4 ist fertig") and "Permission" not in t for t in texts)
