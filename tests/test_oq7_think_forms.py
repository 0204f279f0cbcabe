""" "I'm still thinking about it" in the speaker's own verb form puts the question off like the
infinitive the lexicon lists ("nachdenken", "réfléchir"): "darüber denk ich noch nach", "j'y
réfléchis encore".

Structure (fresh16; the put-off after an assistant's closing question, as in every writer): the
assistant asks one more thing; the reply says the user is still thinking about it, and goes on
with something else.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_still_thinking_in_german_leaves_the_question_open() -> None:
    t = Transcript()
    t.user("trag bitte den neuen Termin ein: Umzug am Donnerstag um 6 Uhr")
    t.assistant("Eingetragen: Umzug Donnerstag 06:00. Und der tägliche Abgleich als Cronjob?")
    t.user("darüber denk ich noch nach, vielleicht reicht einmal am Vortag. schick das Skript erstmal")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "Abgleich" in opened[0].text


def test_still_thinking_in_french_leaves_the_question_open() -> None:
    t = Transcript()
    t.user("note le nouveau créneau : déménagement jeudi à 6 h")
    t.assistant("C'est noté : déménagement jeudi 06:00. Et la vérification quotidienne en tâche planifiée ?")
    t.user("j'y réfléchis encore, une fois la veille devrait suffire. envoie d'abord le script")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "vérification" in opened[0].text
