"""A fact found by a lookup whose answer is not the reply's first sentence, and whose value carries its
unit written on ("50m", "10GB", "30s"): the reply's sentence that repeats the question's words and the
value the lookup returned is the fact. Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def test_the_answer_after_two_sentences_of_preamble_with_a_unit_written_on() -> None:
    c = Conv()
    ask = c.user("what's the max upload size on the staging nginx?")
    c.run(
        "grep -n client_max_body_size /etc/nginx/staging.conf",
        "14:    client_max_body_size 50m;",
        text="One sec.",
    )
    answer = c.say(
        "Found it in the site config. It sits in the server block, next to the proxy settings. "
        "Staging nginx accepts uploads up to 50m."
    )
    (fact,) = facts(c.items())
    assert "50m" in fact.text and {ask, answer} <= set(fact.entry_ids)


def test_a_german_and_a_spanish_lookup_answered_late_in_the_reply() -> None:
    c = Conv()
    ask = c.user("wie groß darf das Backup-Volume auf dem NAS werden?")
    c.run("grep quota /etc/nas/volumes.conf", "backup: quota=750GB", text="Ich schaue nach.")
    answer = c.say(
        "Das steht in der Volume-Konfiguration. Es gibt dort mehrere Einträge. Das Backup-Volume darf 750GB groß werden."
    )
    (fact,) = facts(c.items())
    assert "750GB" in fact.text and {ask, answer} <= set(fact.entry_ids)

    c = Conv()
    ask = c.user("¿cuánto tarda en caducar la sesión del panel de admin?")
    c.run("grep -i timeout config/admin.yml", "session_timeout: 900s", text="Lo miro.")
    answer = c.say(
        "Está en la configuración del panel. Hay varios timeouts. La sesión del panel de admin caduca a los 900s."
    )
    (fact,) = facts(c.items())
    assert "900s" in fact.text and {ask, answer} <= set(fact.entry_ids)


def test_small_talk_answered_with_a_figure_is_no_fact() -> None:
    c = Conv()
    c.user("how's the weather looking today?")
    c.say("Sunny, around 24 degrees this afternoon.")
    assert not facts(c.items())
