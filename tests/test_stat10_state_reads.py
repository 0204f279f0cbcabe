"""A read of another thing's state or log reports a failure, it does not fail: a reading subcommand
after global options (``kubectl -n ns logs``, ``kubectl --context c describe``) and a look beside a
reader (``kubectl get pods && kubectl logs ...``) open no failure chain (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.extract.messages import visible_messages
from memoryd.flush.extract.tools import run_of
from memoryd.flush.items import Item
from memoryd.sources.transcript import parse_lines


def _still_failing(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome" and i.must_keep]


def _last_run_failed(c: Conv) -> bool:
    _, entries, _ = parse_lines(b"\n".join(c.lines) + b"\n")
    steps = [m.step for m in visible_messages(entries) if m.step is not None]
    return run_of(steps[-1]).failed


def test_logs_after_a_namespace_option_are_data_en() -> None:
    c = Conv()
    c.user("The invoice worker looks stuck since this morning, can you have a look?")
    c.run(
        "kubectl -n billing logs deploy/invoice-worker --tail=4",
        "2026-03-02T08:01:12 starting batch 77\nERROR: upstream ledger refused the connection\n"
        "2026-03-02T08:01:14 retrying in 30s",
    )
    assert not _last_run_failed(c)
    c.say("The worker logs show the ledger refusing connections; the worker itself is fine.")
    assert not _still_failing(c.items())


def test_describe_after_context_options_reports_state_it() -> None:
    c = Conv()
    c.user("Il certificato di shop.example.it non si rinnova, puoi controllare?")
    c.run(
        "kubectl --context prod-1 -n edge describe order shop-example-it | grep -A2 Reason",
        "  Reason:  Error presenting challenge: the DNS provider refused the record\n"
        "           Error: 403 urn:acme:error:unauthorized\n  State:   pending",
    )
    assert not _last_run_failed(c)
    c.say("L'ordine ACME è in attesa: il server risponde unauthorized.")
    assert not _still_failing(c.items())


def test_a_listing_beside_a_log_reports_the_pods_de() -> None:
    c = Conv()
    c.user("Der Exporter startet nicht neu, schau bitte nach.")
    c.run(
        "kubectl -n metrics get pods -l app=exporter && kubectl -n metrics logs deploy/exporter --tail=2",
        "NAME                 READY   STATUS    RESTARTS   AGE\nexporter-5c9d-xk2lp  0/1     Running   3"
        "          4m\n\nERROR: config file /etc/exporter.yml not found",
    )
    assert not _last_run_failed(c)
    c.say("Der Pod läuft, aber das Log sagt, dass die Konfigurationsdatei fehlt.")
    assert not _still_failing(c.items())


def test_a_listing_beside_a_log_of_a_substituted_pod_fr() -> None:
    c = Conv()
    c.user("Le job d'import reste bloqué, tu peux regarder ?")
    c.run(
        "kubectl -n jobs get pods -l app=import && kubectl -n jobs logs $(kubectl -n jobs get pods "
        "-l app=import -o name | tail -1) -c wait-db --tail=2",
        "NAME            READY   STATUS     RESTARTS   AGE\nimport-7f2-q8   0/1     Init:0/1   0"
        "          3m\n\nERROR: could not obtain lock on table schema_version",
    )
    assert not _last_run_failed(c)
    c.say("Le pod attend dans son conteneur d'init : la table schema_version est verrouillée.")
    assert not _still_failing(c.items())


def test_a_change_that_prints_an_error_still_fails() -> None:
    c = Conv()
    c.user("Apply the new exporter config please.")
    c.run(
        "kubectl -n metrics apply -f exporter.yaml", "ERROR: exporter.yaml: unknown field 'scrapeIntervall'"
    )
    assert _last_run_failed(c)
