"""Commands that ended in success, which the user then asks to keep as steps (new wordings, en/de)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def procedures(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "procedure"]


def test_work_the_user_asks_to_keep_as_steps_is_a_must_keep_procedure_named_after_the_task() -> None:
    c = Conv()
    task = c.user("rotate the TLS cert on the edge proxy")
    c.run("certbot renew --cert-name edge.example.org", "Congratulations, all renewals succeeded")
    c.run("nginx -t", "nginx: configuration file /etc/nginx/nginx.conf test is successful")
    c.run("systemctl reload nginx", "")
    c.say("Renewed the certificate and reloaded nginx; the config test passed.")
    keep = c.user("great, keep that as the steps for next time")
    c.say("Saved.")
    (proc,) = procedures(c.items())
    assert proc.must_keep and proc.text.startswith("rotate the TLS cert")
    assert "1) `certbot renew" in proc.text and "3) `systemctl reload nginx`" in proc.text
    assert {task, keep} <= set(proc.entry_ids)


def test_merk_dir_die_schritte_after_the_work_names_the_task_not_the_request() -> None:
    c = Conv()
    task = c.user("bring the search index back up to date")
    c.run("docker compose exec search bin/reindex --all", "reindexed 18211 docs")
    c.run("docker compose restart api", "Container api  Restarted")
    c.say("Reindexed 18211 documents and restarted the API.")
    c.user("genau so, merk dir die Schritte")
    c.say("Gemerkt.")
    (proc,) = procedures(c.items())
    assert proc.must_keep and proc.text.startswith("bring the search index back up to date:")
    assert task in proc.entry_ids and "merk dir" not in proc.text
