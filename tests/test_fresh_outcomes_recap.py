"""A closing report that names the commands just run, in order, is a procedure (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def kind(items: list[Item], k: str) -> list[Item]:
    return [i for i in items if i.kind == k]


def test_a_report_that_recaps_the_commands_in_order_is_a_procedure() -> None:
    c = Conv()
    ask = c.user("Prepara las nóminas de octubre y súbelas al banco.")
    a = c.run("cd ~/nominas && ./nomina calcular --mes 2027-10", "18 nóminas calculadas")
    b = c.run("cd ~/nominas && ./nomina firmar --mes 2027-10", "18 ficheros firmados")
    d = c.run("cd ~/nominas && ./nomina remesar --mes 2027-10", "remesa R-5520 aceptada por el banco")
    report = c.say(
        "Listo: 18 nóminas calculadas, firmadas y remesa R-5520 aceptada. El mes que viene es lo mismo: "
        "nomina calcular, luego nomina firmar y al final nomina remesar, con el mes nuevo."
    )
    (proc,) = kind(c.items(), "procedure")
    assert proc.text.index("calcular") < proc.text.index("firmar") < proc.text.index("remesar")
    assert {ask, a, b, d, report} <= set(proc.entry_ids)


def test_a_report_naming_commands_out_of_order_or_only_one_is_no_procedure() -> None:
    c = Conv()
    c.user("Rebuild the search index and warm the cache.")
    c.run("./searchctl rebuild --index docs", "index docs rebuilt: 9120 documents")
    c.run("./cachectl warm --all", "warmed 340 keys")
    c.say("Done: cachectl warm filled 340 keys after searchctl rebuild indexed 9120 documents.")
    assert kind(c.items(), "procedure") == []
    c2 = Conv()
    c2.user("Rebuild the search index and warm the cache.")
    c2.run("./searchctl rebuild --index docs", "index docs rebuilt: 9120 documents")
    c2.run("./cachectl warm --all", "warmed 340 keys")
    c2.say("Done: searchctl rebuild indexed 9120 documents and the cache holds 340 keys.")
    assert kind(c2.items(), "procedure") == []


def _publish(c: Conv, *, probe: bool) -> tuple[str, list[str]]:
    ask = c.user("Tu peux publier le site de la chorale avec les nouvelles dates de concert ?")
    ids = [
        c.run("cd ~/chorale && zola build", "Done in 212ms."),
        c.run(
            "cd ~/chorale && scp -r public/ chorale@ovh-7.example.org:/var/www/chorale/", "index.html 100%"
        ),
    ]
    if probe:
        ids.append(c.run("curl -s -o /dev/null -w '%{http_code}' https://chorale.example.org/", "200"))
    else:
        ids.append(c.run("cd ~/chorale && zola check", "Checking all internal links: ok"))
    c.say("C'est en ligne : les dates de concert sont publiées.")
    return ask, ids


def test_a_deploy_to_another_machine_checked_live_is_a_procedure() -> None:
    c = Conv()
    ask, ids = _publish(c, probe=True)
    (proc,) = kind(c.items(), "procedure")
    assert proc.text.index("zola build") < proc.text.index("scp -r") < proc.text.index("curl")
    assert {ask, *ids} <= set(proc.entry_ids)


def test_a_copy_to_another_machine_not_probed_afterwards_is_no_procedure() -> None:
    c = Conv()
    _publish(c, probe=False)
    assert kind(c.items(), "procedure") == []
