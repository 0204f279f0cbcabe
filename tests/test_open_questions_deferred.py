"""Open questions over a few turns: the user lays out a choice and shrugs ("not sure"), the assistant
comments, the user defers it to someone else -> open; a deferral is never itself the point; a bare
acknowledgement ("Vale.") raises nothing; a question the user answers later in the range is not
open. Conversations written here (en, de, es, fr)."""

from __future__ import annotations

from test_extract import Transcript

from memoryd.flush.extract.todos import laid_out_then_doubt
from memoryd.flush.items import Item


def _open(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "open_question"]


def test_en_choice_laid_out_then_shrug_then_ask_my_partner() -> None:
    t = Transcript()
    t.user("the boiler: we got two quotes.")
    t.assistant("Happy to compare them.")
    laid = t.user(
        "Heatwell wants 2,400 for a combi fitted in a week, Brookes 1,950 but not before March. not sure"
    )
    t.assistant("Both are fair for a combi; Heatwell includes the flue kit.")
    defer = t.user("I'll talk it over with Sam first, then get back to you")
    t.assistant("Sure.")
    (q,) = _open(t.items())
    assert "Heatwell" in q.text and "Brookes" in q.text
    assert {laid, defer} <= set(q.entry_ids)


def test_de_choice_laid_out_then_keine_ahnung_then_ask_the_boss() -> None:
    t = Transcript()
    laid = t.user(
        "Zum Sommerfest: Catering Wendt kostet 18 € pro Person, Metzgerei Haas 14 € ohne Geschirr. keine Ahnung"
    )
    t.assistant("Bei Haas käme noch die Geschirrmiete dazu, etwa 90 €.")
    defer = t.user("das bespreche ich erst mit der Chefin")
    t.assistant("In Ordnung.")
    (q,) = _open(t.items())
    assert "Wendt" in q.text and {laid, defer} <= set(q.entry_ids)


def test_es_a_deferral_is_not_the_point_and_vale_raises_nothing() -> None:
    t = Transcript()
    t.user("¿el ayuntamiento pide seguro para la carrera popular?")
    t.assistant("Suele pedirlo. ¿Lo preguntas tú o escribo yo?")
    t.user("lo pregunto yo el lunes")
    t.assistant("Vale.")
    t.user("no sé")
    t.assistant("Sin problema.")
    texts = [q.text for q in _open(t.items())]
    assert not any(x.lower().startswith(("lo pregunto", "vale")) for x in texts)


def test_fr_question_answered_later_by_the_user_is_not_open() -> None:
    t = Transcript()
    t.user("faut-il une licence FFA pour courir le trail ?")
    t.assistant("Souvent oui, ça dépend de l'organisateur. Tu leur demandes ou je leur écris ?")
    t.user("je leur demande demain")
    t.assistant("D'accord.")
    t.user("au fait l'organisateur a répondu pour la licence FFA : non, un certificat médical suffit")
    t.assistant("Parfait, certificat médical alors.")
    assert _open(t.items()) == []


def test_en_still_open_later_is_no_answer() -> None:
    t = Transcript()
    t.user("does the venue allow a DJ after 11pm?")
    t.assistant("Depends on their licence. Will you ask them?")
    t.user("I'll ask Corinne on Friday")
    t.assistant("Okay.")
    t.user("Corinne hasn't answered about the DJ yet, still pending")
    t.assistant("Noted.")
    assert len(_open(t.items())) == 1


def test_laid_out_then_doubt_shape() -> None:
    assert laid_out_then_doubt(
        ["Plan A costs 40 a month with 2 seats.", "Plan B is 55 with 5 seats.", "dunno"]
    )
    assert laid_out_then_doubt(["Plan A costs 40 a month.", "ok thanks"]) == ""  # no shrug
    assert laid_out_then_doubt(["no sé"]) == ""  # nothing laid out


def test_a_later_that_says_goodbye_puts_nothing_off() -> None:
    from memoryd.flush.extract.todos import signs_off

    t = Transcript()
    t.user("thanks for the chapter notes. the ending still drags")
    t.assistant("Endings often do. Want to go through the last scene together?")
    t.user("nah, just grumbling. off to make dinner, later")
    t.assistant("Enjoy dinner!")
    assert _open(t.items()) == []
    assert signs_off("ok das wars, bis später")
    assert signs_off("me voy a cenar, hasta luego")
    assert not signs_off("I'll look at it later")
    assert not signs_off("later.")
    assert not signs_off("hmm, maybe later")


def test_the_question_about_a_failure_still_open_stays_with_that_failure() -> None:
    t = Transcript()
    t.user("run the sync to the backup box")
    t.bash(
        "rsync -a /srv/photos/ vault.lan:/backup/photos/",
        "ssh: connect to host vault.lan port 22: No route to host\nrsync: connection unexpectedly closed",
        code=255,
    )
    ask = t.assistant("The sync failed: vault.lan is unreachable on port 22. Did the box get a new address?")
    reply = t.user("no idea, it's at the office until monday. leave it")
    t.assistant("Okay, leaving it.")
    items = t.items()
    assert _open(items) == []
    failure = next(i for i in items if i.kind == "outcome" and i.must_keep)
    assert {ask, reply} <= set(failure.entry_ids)
