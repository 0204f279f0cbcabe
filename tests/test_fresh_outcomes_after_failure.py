"""A failure nobody fixed, then other work: each keeps its own words (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def _session(c: Conv) -> tuple[str, str, str]:
    c.user("Envoie les mesures du capteur 9 au portail et calcule la dérive.")
    failed = c.run(
        "portail-cli envoyer --capteur 9 --fichier mesures9.csv",
        'envoi de mesures9.csv ...\nréponse: {"status": 502, "error": "Bad Gateway"}\nterminé.',
    )
    c.call(
        "bash",
        {"command": "python3 outils/derive.py mesures9.csv"},
        "canal  pente    ecart\nA      0.0041   0.118\nB      0.0187   0.342",
        text="Le portail répond 502, rien n'est enregistré. En attendant je calcule la dérive.",
    )
    report = c.say(
        "Le canal A dérive peu (pente 0.0041, écart 0.118) ; le canal B dérive nettement (pente 0.0187)."
    )
    return failed, report, c.user("merci, je relance le portail demain")


def test_the_report_on_later_work_is_not_the_failures_account() -> None:
    c = Conv()
    failed, report, _ = _session(c)
    got = outcomes(c.items())
    still = [o for o in got if failed in o.entry_ids]
    measured = [o for o in got if report in o.entry_ids]
    assert len(still) == 1 and still[0].must_keep and "502" in still[0].text
    assert report not in still[0].entry_ids and "0.0041" not in still[0].text
    assert len(measured) == 1 and "0.0041" in measured[0].text and "0.0187" in measured[0].text


def test_figures_from_a_file_read_are_no_measurement() -> None:
    c = Conv()
    c.user("Qu'est-ce qu'il y a dans le relevé de mars ?")
    c.call("read", {"path": "releves/mars.txt"}, "compteur 1: 1204.55\ncompteur 2: 877.10")
    c.say("Le compteur 1 est à 1204.55 et le compteur 2 à 877.10.")
    assert outcomes(c.items()) == []


def test_figures_read_from_a_file_to_lay_out_options_are_no_outcome() -> None:
    c = Conv()
    c.user("Mira la tabla de proveedores y dime qué hacemos con el pedido de aceite.")
    c.call(
        "read",
        {"path": "compras/proveedores.md"},
        "| proveedor | precio/l | entrega |\n|---|---|---|\n| Oleum | 6,40 € | martes |\n| Sierra | 5,90 € | viernes |",
    )
    c.say(
        "Oleum cobra 6,40 € el litro y entrega los martes; Sierra 5,90 € y entrega los viernes, "
        "un 8% más barato pero con tres días más de espera. ¿Cuál prefieres?"
    )
    assert outcomes(c.items()) == []
