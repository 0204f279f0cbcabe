"""A user's own question, put off in the same turn by a put-off that points back to it, stays open as asked.

Structure (fresh23 and fresh10, two writers): the user asks a question of their own, may add a word
about it, and ends by putting it off with a pronoun for it ("... think about it later", "lo tengo
que pensar luego"). The open question is the question asked, the put-off is why it waits; a
put-off with no question before it names its point itself.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract import dialogue


def test_the_question_before_a_put_off_that_points_back_is_the_point() -> None:
    said = ["do we print the big banner too?", "it costs a lot.", "let me think about it for now"]
    assert dialogue._put_off_point(said, 2, said[2]) == ("do we print the big banner too?", [said[2]])
    named = ["the banner colours we decide later, for now"]
    assert dialogue._put_off_point(named, 0, named[0]) == (named[0], [])


def test_a_question_put_off_in_the_same_turn_in_english() -> None:
    t = Transcript()
    t.user("fix the typo in the flyer please")
    t.assistant("Fixed: the flyer now says 'Saturday 14 March'.")
    t.user(
        "thanks. do we print the big banner too? it costs a lot. let me think about it, leave it out for now"
    )
    t.assistant("Okay, no banner for now.")
    found = of_kind(t.items(), "open_question")
    assert len(found) == 1 and "print the big banner" in found[0].text


def test_a_question_put_off_in_the_same_turn_in_german() -> None:
    t = Transcript()
    t.user("korrigier bitte den Tippfehler im Flyer")
    t.assistant("Korrigiert: auf dem Flyer steht jetzt 'Samstag, 14. März'.")
    t.user(
        "danke. drucken wir das große Banner auch? das ist teuer. das muss ich mir später überlegen, lass es erstmal weg"
    )
    t.assistant("Gut, das Banner bleibt vorerst draußen.")
    found = of_kind(t.items(), "open_question")
    assert len(found) == 1 and "Drucken wir das große Banner auch?" in found[0].text
    assert "später überlegen" in found[0].text


def test_a_question_put_off_in_the_same_turn_in_spanish() -> None:
    t = Transcript()
    t.user("corrige la errata del folleto porfa")
    t.assistant("Corregido: el folleto ya dice 'sábado 14 de marzo'.")
    t.user(
        "gracias. ¿imprimimos también la pancarta grande? es cara. lo tengo que pensar luego, de momento no la pongas"
    )
    t.assistant("Vale, la pancarta queda fuera por ahora.")
    found = of_kind(t.items(), "open_question")
    assert len(found) == 1 and "imprimimos también la pancarta grande" in found[0].text
    assert "pensar luego" in found[0].text
