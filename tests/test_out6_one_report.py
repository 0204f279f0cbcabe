"""Two failure chains of one request that the agent closes with a single report are one outcome:
the report is told once, the earlier chain's own failure kept in front (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def _publish(c: Conv, ask: str, report: str) -> tuple[str, str, str]:
    """An upload refused for a stale token, redone; then the health probe fails until the site warms up."""
    c.user(ask)
    refused = c.run(
        "rsync -az site/ deploy@web2:/srv/www/", "rsync: auth failed on module www: token expired", code=5
    )
    c.run("vaultctl renew deploy-token", "deploy-token renewed until 2027-01-09")
    c.run("rsync -az site/ deploy@web2:/srv/www/", "sent 48,112 bytes  received 1,204 bytes")
    probe = c.run(
        "curl -fsS https://web2.example.org/healthz",
        "curl: (22) The requested URL returned error: 503",
        code=22,
    )
    c.run("sleep 30", "")
    c.run("curl -fsS https://web2.example.org/healthz", "ok build=4417")
    last = c.say(report)
    return refused, probe, last


def test_two_chains_closed_by_one_report_are_one_outcome_en() -> None:
    c = Conv()
    refused, probe, last = _publish(
        c,
        "Could you push the new site build to web2 and make sure it actually serves afterwards?",
        "web2 serves build 4417 now, the probe is healthy.",
    )
    (out,) = outcomes(c.items())
    assert {refused, probe, last} <= set(out.entry_ids)
    assert out.text.count("4417") == 1
    assert "token expired" in out.text


def test_two_chains_closed_by_one_report_are_one_outcome_de() -> None:
    c = Conv()
    refused, probe, last = _publish(
        c,
        "Kannst du den neuen Build der Seite auf web2 hochladen und prüfen, ob sie danach wirklich ausgeliefert wird?",
        "web2 liefert jetzt Build 4417 aus, die Prüfung ist grün.",
    )
    (out,) = outcomes(c.items())
    assert {refused, probe, last} <= set(out.entry_ids)
    assert out.text.count("4417") == 1


def test_chains_closed_by_different_reports_stay_apart() -> None:
    """Each chain told in its own report: two results, two outcomes."""
    c = Conv()
    c.user("Could you push the new site build to web2 and make sure it actually serves afterwards?")
    c.run("rsync -az site/ deploy@web2:/srv/www/", "rsync: auth failed on module www: token expired", code=5)
    c.run("vaultctl renew deploy-token", "deploy-token renewed until 2027-01-09")
    c.run("rsync -az site/ deploy@web2:/srv/www/", "sent 48,112 bytes  received 1,204 bytes")
    c.say("Uploaded 48,112 bytes to web2 after renewing the deploy token (it had expired).")
    c.user(
        "Great. And the mail relay on web3 has been bouncing everything since this morning, can you check?"
    )
    c.run("postqueue -p | tail -n 1", "-- 212 Kbytes in 37 Requests.", code=0)
    c.run(
        "systemctl restart postfix",
        "Job for postfix.service failed because the control process exited with error code.",
        code=1,
    )
    c.run("postconf -e 'relayhost = [smtp.example.org]:587' && systemctl restart postfix", "")
    c.say("The relay on web3 runs again with the relay host on port 587; 37 queued mails are going out.")
    assert len(outcomes(c.items())) == 2
