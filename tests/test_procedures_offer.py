"""An offer to keep the commands just run as steps, taken or turned down (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def kinds(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def _rotate(c: Conv, reply: str, *, fail_last: bool = False) -> tuple[str, str, str]:
    ask = c.user("let's walk through it together: rotate the TLS certificate on the edge proxy")
    c.run("certbot renew --cert-name edge.example.net", "Congratulations, all renewals succeeded")
    c.run("nginx -t", "nginx: configuration file /etc/nginx/nginx.conf test is successful")
    c.run("systemctl reload nginx", "boom" if fail_last else "", code=1 if fail_last else 0)
    offer = c.say(
        "Everything went through. Want me to keep this sequence for the next renewal?\n"
        "1. `certbot renew --cert-name edge.example.net`\n"
        "2. `nginx -t`\n"
        "3. `systemctl reload nginx`"
    )
    answer = c.user(reply)
    c.say("Will do.")
    return ask, offer, answer


def test_steps_offered_after_the_work_and_taken_are_one_procedure_not_a_decision() -> None:
    c = Conv()
    ask, offer, answer = _rotate(c, "please do")
    items = c.items()
    (proc,) = kinds(items, "procedure")
    assert proc.text.startswith("rotate the TLS certificate on the edge proxy")
    assert proc.text.index("certbot renew") < proc.text.index("nginx -t") < proc.text.index("reload nginx")
    assert {ask, offer, answer} <= set(proc.entry_ids)
    assert kinds(items, "decision") == []  # the offer is not also filed as a choice


def test_the_same_offer_in_another_language_and_wording() -> None:
    c = Conv()
    c.user("zeig mir Schritt für Schritt: Datenbank-Dump nach S3 sichern")
    c.run("pg_dump -Fc shop > /tmp/shop.dump", "")
    c.run(
        "aws s3 cp /tmp/shop.dump s3://backups/shop/", "upload: /tmp/shop.dump to s3://backups/shop/shop.dump"
    )
    offer = c.say(
        "Lief alles durch. Soll ich mir das als Ablauf merken?\n\n"
        "1) `pg_dump -Fc shop > /tmp/shop.dump`\n2) `aws s3 cp /tmp/shop.dump s3://backups/shop/`"
    )
    c.user("gern")
    (proc,) = kinds(c.items(), "procedure")
    assert "pg_dump" in proc.text and "aws s3 cp" in proc.text and offer in proc.entry_ids
    assert proc.text.startswith("Datenbank-Dump nach S3 sichern")


def test_a_refused_offer_keeps_no_procedure() -> None:
    c = Conv()
    _rotate(c, "no thanks, it's a one-off")
    assert kinds(c.items(), "procedure") == []


def test_steps_that_did_not_all_pass_are_not_offered_work() -> None:
    c = Conv()
    _rotate(c, "sure", fail_last=True)
    assert kinds(c.items(), "procedure") == []
