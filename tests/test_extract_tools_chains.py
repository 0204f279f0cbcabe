"""Failure chains keyed by what ran, and the reports and actions that belong to them (built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_a_failure_only_the_output_shows_is_not_closed_by_another_argument_set() -> None:
    c = Conv()
    c.user("start the nightly sync and keep an eye on it")
    bad = c.run("syncctl run --profile nightly", "job 311 queued\njob 311: errored (quota exceeded)\nexit 0")
    c.say("It returned 0, but job 311 errored (quota exceeded).")
    c.user("annoying, later")
    c.say("Parked.")
    c.user("now sync the photos folder")
    c.run("syncctl run --profile photos", "job 312 queued\njob 312: done")
    c.say("Photos synced.")
    (still,) = [o for o in outcomes(c.items()) if bad in o.entry_ids]
    assert still.must_keep and "311" in still.text


def test_the_same_command_passing_later_closes_a_silent_failure() -> None:
    c = Conv()
    c.user("run the export")
    bad = c.run("exporter --target s3://bucket/daily", "HTTP/1.1 503 Service Unavailable\ndone (exit 0)")
    c.say("The upload got a 503; retrying.")
    good = c.run("exporter --target s3://bucket/daily", "HTTP/1.1 200 OK\nuploaded 18 files")
    c.say("Second try went through: 18 files uploaded.")
    (out,) = outcomes(c.items())
    assert {bad, good} <= set(out.entry_ids) and not out.must_keep


def test_the_closing_report_belongs_to_its_chain_whatever_its_wording() -> None:
    c = Conv()
    c.user("la compilation est cassée, tu regardes ?")
    c.run("cargo build --release", "error[E0425]: cannot find value `cfg_path` in this scope", code=101)
    c.call("edit", {"path": "src/main.rs", "oldText": "a", "newText": "b"}, "Successfully replaced text")
    c.run("cargo build --release", "Finished release [optimized] target(s) in 41.2s")
    report = c.say("Voilà, tout est rentré dans l'ordre de mon côté.")
    (out,) = outcomes(c.items())
    assert report in out.entry_ids


def test_an_action_that_printed_nothing_is_told_by_the_check_that_follows_it() -> None:
    c = Conv()
    c.user("restart the wiki and make sure it answers again")
    restart = c.run("docker restart wiki", "")
    url = "curl -s -o /dev/null -w '%{http_code}' https://wiki.lan/"
    c.run(url, "curl: (7) Failed to connect to wiki.lan port 443: Connection refused", code=7)
    c.run(url, "curl: (7) Failed to connect to wiki.lan port 443: Connection refused", code=7)
    c.run(url, "200")
    c.say("It took a moment, but wiki.lan answers 200 again.")
    (out,) = outcomes(c.items())
    assert restart in out.entry_ids and "200" in out.text
