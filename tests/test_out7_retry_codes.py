"""Retries the agent makes on its own: a failure only the output showed, retried in the same turn
with a value changed and passing, is fixed; ``curl -w '%{http_code}'`` run per try prints one code a
try, and the last one says how it ended."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_a_retry_in_the_same_turn_with_a_value_changed_fixes_it() -> None:
    c = Conv()
    c.user("what was the peak queue depth last week? check the metrics server")
    q = "curl -s 'http://metrics.lan:9090/api/v1/query' --data-urlencode 'query=max_over_time(depth[7d:{}])'"
    bad = c.run(q.format("15s"), '{"status":"error","error":"query would load too many samples"}')
    c.say("The metrics server refused the query: too many samples at 15 s. Retrying with a 10 min step.")
    good = c.run(q.format("10m"), '{"status":"success","data":{"result":[{"value":[0,"41230"]}]}}')
    c.say("Peak queue depth last week was 41,230.")
    (out,) = outcomes(c.items())
    assert {bad, good} <= set(out.entry_ids)
    assert not out.must_keep


def test_a_retry_in_the_same_turn_fixes_it_in_french() -> None:
    c = Conv()
    c.user("Lance l'export des factures d'octobre, s'il te plaît.")
    bad = c.run(
        "exportctl run --mois 2026-10 --taille 5000", '{"status":"error","message":"batch too large"}'
    )
    c.say("L'export a échoué : lot trop gros. Je relance avec des lots de 500.")
    good = c.run("exportctl run --mois 2026-10 --taille 500", '{"status":"done","files":4}')
    c.say("L'export d'octobre est fait : 4 fichiers.")
    (out,) = outcomes(c.items())
    assert {bad, good} <= set(out.entry_ids)
    assert not out.must_keep


def test_codes_printed_per_try_fail_when_the_last_one_does_in_german() -> None:
    c = Conv()
    c.user("Hol bitte die Belege aus dem Portal, alles ab dem 1.11.")
    url = "https://portal.example.de/v2/belege?since=2026-11-01"
    c.run(f"curl -s -o /tmp/belege.zip -w '%{{http_code}}\\n' '{url}'", "200")
    loop = f"for i in 1 2 3; do curl -s -o /dev/null -w '%{{http_code}} ' '{url}'; sleep 30; done; echo"
    bad = c.run(loop, "502 502 504 ")
    c.say("Das Portal antwortet weiter mit 502/504, die Belege sind nicht abgerufen.")
    c.user("naja, dann montag")
    c.say("Gut, dann am Montag.")
    (still,) = [o for o in outcomes(c.items()) if bad in o.entry_ids]
    assert still.must_keep
