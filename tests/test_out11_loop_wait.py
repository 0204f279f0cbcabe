"""A wait written as one shell loop (``for ...; do <look>; sleep N; done``) is an outcome: the agent's
words on the state it ended in, else the loop's last line (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_a_loop_that_polled_to_a_new_state_is_told_by_the_report_after_it() -> None:
    c = Conv()
    c.user("Lance la migration du lot 7 sur le cluster de recette et préviens-moi quand c'est fini.")
    c.run("migratectl submit --batch 7 --target recette", "batch 7 submitted")
    poll = c.run(
        "for i in 1 2 3 4; do migratectl status --batch 7 | jq -r .state; sleep 30; done",
        "queued\nrunning\nrunning\ndone",
    )
    report = c.say("Le lot 7 est migré : 4 812 lignes copiées vers recette, état done après deux minutes.")
    c.user("top, merci")
    texts = {o.text: o for o in outcomes(c.items())}
    out = next(o for t, o in texts.items() if t.startswith("Le lot 7 est migré"))
    assert {poll, report} <= set(out.entry_ids)


def test_without_a_report_the_last_line_says_where_the_wait_ended() -> None:
    c = Conv()
    c.user("Schau bitte, ob der Abgleich für Mandant 31 durchläuft.")
    poll = c.run(
        "for i in 1 2 3; do syncctl status --tenant 31; sleep 20; done",
        "job 5521: running (fetching)\njob 5521: running (writing 88 rows)\njob 5521: idle, wrote 88, skipped 0",
    )
    c.user("passt, danke. Dann noch die Rechnung an Anna schicken.")
    out = [o for o in outcomes(c.items()) if poll in o.entry_ids]
    assert out and "idle, wrote 88" in out[0].text


def test_a_loop_whose_state_never_changed_is_a_look() -> None:
    c = Conv()
    c.user("Is the export for project 12 ready yet? And the one for project 13?")
    look = c.run(
        "for i in 1 2 3; do exportctl get 12 | jq -r .state; sleep 10; done",
        "running\nrunning\nrunning",
    )
    wait = c.run(
        "for i in 1 2 3; do exportctl get 13 | jq -r .state; sleep 10; done",
        "running\nrunning\nready",
    )
    c.say("Export 13 is ready (412 files); export 12 is still running.")
    c.user("ok, check 12 again later")
    found = outcomes(c.items())
    assert any(wait in o.entry_ids for o in found)
    assert not any(look in o.entry_ids for o in found)


def test_a_loop_polled_again_before_the_user_speaks_has_not_ended() -> None:
    c = Conv()
    c.user("Empaqueta el informe 44 y dime cuando esté.")
    first = c.run(
        "for i in 1 2 3; do curl -s https://api.example.test/v1/reports/44 | jq -r .state; sleep 15; done",
        "queued\nbuilding",
    )
    c.say("Va por building, sigo mirando.")
    last = c.run(
        "for i in 1 2 3; do curl -s https://api.example.test/v1/reports/44 | jq -r .state; sleep 15; done",
        "building\nready",
    )
    c.say("El informe 44 está listo para descargar.")
    c.user("genial")
    found = outcomes(c.items())
    assert any(last in o.entry_ids and o.text.startswith("El informe 44") for o in found)
    assert not any(first in o.entry_ids and "building" in o.text for o in found)
