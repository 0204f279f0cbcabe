"""Outcomes from tool work written for this file (new commands and wordings): failures only the
output shows stay unresolved until the same command passes; retries of one command are one chain."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_an_http_5xx_with_exit_0_is_an_unresolved_failure() -> None:
    c = Conv()
    c.user("check the health endpoint on the billing API")
    probe = c.run("curl -s -o /dev/null -w '%{http_code}' https://billing.example.net/healthz", "502")
    c.say("The billing API answers 502 on /healthz.")
    (out,) = outcomes(c.items())
    assert out.must_keep and "502" in out.text and probe in out.entry_ids


def test_errored_in_the_log_of_a_passing_run_is_an_unresolved_failure() -> None:
    c = Conv()
    c.user("run the import job")
    c.run(
        "python scripts/import_orders.py --since 2026-11-01",
        'loaded 340 rows\nbatch 4 errored: duplicate key value violates unique constraint "orders_pkey"\ndone',
    )
    c.say("The import ran; batch 4 errored on a duplicate key.")
    (out,) = outcomes(c.items())
    assert out.must_keep and "duplicate key" in out.text


def test_a_step_marked_failed_stays_open_when_another_command_passes() -> None:
    c = Conv()
    c.user("run the e2e suite")
    run = c.run("make e2e", "Step 3/7: login ... FAILED (timeout after 30s)")
    c.say("Login step FAILED with a timeout.")
    c.run("make lint", "ok")
    c.say("Lint is fine.")
    (out,) = outcomes(c.items())
    assert out.must_keep and "login" in out.text and run in out.entry_ids


def test_retries_of_one_command_with_fixes_between_are_one_fixed_chain() -> None:
    c = Conv()
    c.user("build the docs site")
    first = c.run(
        "mkdocs build --strict",
        "ERROR - Doc file 'guide.md' contains a link to 'setup.md' which is not found",
        code=1,
    )
    c.edit("docs/guide.md", "see install.md\n")
    c.run(
        "mkdocs build --strict",
        "WARNING - 'nav' refers to missing page 'faq.md'\nAborted with 1 warnings",
        code=1,
    )
    c.edit("mkdocs.yml", "nav: [index.md]\n")
    passed = c.run("mkdocs build --strict", "INFO - Documentation built in 1.42 seconds")
    c.say("The docs build now passes: fixed the broken link in guide.md and dropped faq.md from the nav.")
    items = c.items()
    assert not any(i.must_keep for i in outcomes(items))  # nothing left failing
    fixed = [i for i in outcomes(items) if first in i.entry_ids]
    assert fixed and passed in fixed[-1].entry_ids and "now passes" in fixed[-1].text


def test_a_bracketed_log_stamp_is_not_part_of_the_quoted_error() -> None:
    c = Conv()
    c.user("lance l'export de nuit à la main")
    c.run(
        "./export.sh --date 2026-11-20",
        "exporting...\n[2026-11-21 10:00:01] job errored after 40s: S3 AccessDenied",
    )
    c.say("L'export a échoué : AccessDenied sur S3.")
    (out,) = outcomes(c.items())
    assert out.must_keep and "job errored after 40s: S3 AccessDenied" in out.text and "[]" not in out.text


def test_a_one_sentence_report_after_the_work_is_its_result_in_any_language() -> None:
    c = Conv()
    c.user("remets le certificat du VPN à jour")
    c.run("openvpn-renew --profile bureau", "profile bureau renewed")
    c.run("systemctl restart openvpn@bureau", "")
    report = c.say("Certificat renouvelé et service redémarré.")
    (out,) = outcomes(c.items())
    assert "Certificat renouvelé et service redémarré" in out.text and report in out.entry_ids


def test_a_one_sentence_question_after_the_work_is_no_result() -> None:
    c = Conv()
    c.user("remets le certificat du VPN à jour")
    c.run("openvpn-renew --profile bureau", "profile bureau renewed")
    c.run("systemctl restart openvpn@bureau", "")
    c.say("Je redémarre aussi le pare-feu ?")
    assert not any("pare-feu" in i.text for i in outcomes(c.items()))


def test_a_unit_reported_failed_by_its_status_stays_open_until_it_runs_again() -> None:
    c = Conv()
    c.user("check the queue consumer")
    probe = c.run("systemctl status consumer", "● consumer.service\n   Active: failed (Result: exit-code)")
    c.say("The consumer is in failed state.")
    (out,) = outcomes(c.items())
    assert out.must_keep and "Active: failed" in out.text and probe in out.entry_ids

    c.run("systemctl restart consumer", "")
    passed = c.run("systemctl status consumer", "● consumer.service\n   Active: active (running) since Thu")
    c.say("Restarted; the consumer is active again.")
    items = outcomes(c.items())
    assert not any(i.must_keep for i in items)
    assert any(probe in i.entry_ids and passed in i.entry_ids for i in items)


def test_a_failing_up_is_not_closed_by_a_passing_ps() -> None:
    c = Conv()
    c.user("start the api container")
    c.run("docker compose up -d api", "Error response from daemon: port 8080 already in use", code=1)
    c.say("Port 8080 is taken.")
    c.run("docker compose ps", "NAME  STATUS\ndb    running")
    c.say("Only the db runs.")
    (out,) = outcomes(c.items())
    assert out.must_keep and "port 8080 already in use" in out.text
