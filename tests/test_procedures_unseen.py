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


def test_apunta_los_pasos_keeps_a_find_that_deletes_as_a_step() -> None:
    c = Conv()
    c.user("limpia los logs viejos del servidor")
    c.run("find /var/log/app -name '*.gz' -mtime +30 -delete", "")
    c.run("systemctl restart rsyslog", "")
    c.say("Borré los logs de más de 30 días y reinicié rsyslog.")
    c.user("perfecto, apunta los pasos para la próxima vez")
    c.say("Anotado.")
    (proc,) = procedures(c.items())
    assert proc.must_keep and proc.text.startswith("limpia los logs viejos del servidor:")
    assert "1) `find /var/log/app" in proc.text and "2) `systemctl restart rsyslog`" in proc.text


def test_garde_les_etapes_after_the_work() -> None:
    c = Conv()
    task = c.user("remets le certificat du VPN à jour")
    c.run("openvpn-renew --profile bureau", "profile bureau renewed")
    c.run("systemctl restart openvpn@bureau", "")
    c.say("Certificat renouvelé et service redémarré.")
    c.user("super, garde les étapes")
    c.say("C'est noté.")
    (proc,) = procedures(c.items())
    assert proc.must_keep and task in proc.entry_ids and "2) `systemctl restart openvpn@bureau`" in proc.text


def test_a_find_that_only_lists_is_no_step() -> None:
    c = Conv()
    c.user("tidy the upload folder")
    c.run("find uploads -name '*.tmp'", "uploads/a.tmp")
    c.run("rm uploads/a.tmp", "")
    c.run("systemctl restart uploader", "")
    c.say("Removed the temp file and restarted the uploader.")
    c.user("write these steps down")
    c.say("Done.")
    (proc,) = procedures(c.items())
    assert "find" not in proc.text and "`rm uploads/a.tmp`" in proc.text
