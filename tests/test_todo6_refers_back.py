"""A short to-do whose object is a pronoun carries what it refers to.

Structure (fresh6 and fresh10, two writers; fresh11 shows it too): the to-do clause says who and
when but names its object with a pronoun ("remind me Saturday that I swap it", "I'll do it myself
tomorrow"). What "it" is sits in the statement before it in the same turn, or, when the turn opens
with it, in the user's request that the assistant's last answer could not carry out ("I can't
book there") and that the speaker now takes over. The to-do keeps that, in brackets.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_a_reminder_on_a_pronoun_keeps_the_sentence_before_in_german_and_english() -> None:
    for text, word in (
        (
            "ok. und der filter der lüftung im bad ist fast voll. erinner mich sonntag das ich den tausche",
            "lüftung",
        ),
        ("ok. the filter of the bathroom fan is nearly full. remind me on sunday that i swap it", "bathroom"),
    ):
        t = Transcript()
        t.user(
            "kannst du die luftfeuchte im bad anzeigen"
            if "erinner" in text
            else "show me the bathroom humidity"
        )
        t.assistant("62 % right now.")
        t.user(text)
        t.assistant("Done.")
        todos = of_kind(t.items(), "todo")
        assert len(todos) == 1 and word in todos[0].text, text


def test_doing_it_oneself_after_the_assistant_cannot_keeps_the_request() -> None:
    for ask, cannot, reply, word in (
        (
            "Dentist check-up for Ines: Dr Varga, ideally a morning in the week of the 20th. Can you book that online?",
            "The practice portal needs a code sent to your phone, so I can't book there.",
            "ok I'll do it myself tomorrow from the office",
            "Varga",
        ),
        (
            "Revisión del dentista para Ines: la doctora Varga, mejor una mañana de la semana del 20. ¿Puedes reservarlo en la web?",
            "El portal pide un código que llega a tu móvil, así que no puedo reservar ahí.",
            "vale, lo hago yo mismo mañana desde la oficina",
            "Varga",
        ),
    ):
        t = Transcript()
        t.user(ask)
        t.bash("clinic-portal slots --doctor varga", "error: verification code required", code=2)
        t.assistant(cannot)
        t.user(reply)
        t.assistant("OK.")
        todos = of_kind(t.items(), "todo")
        assert len(todos) == 1 and word in todos[0].text, reply


def test_an_article_before_a_date_is_no_pronoun() -> None:
    t = Transcript()
    t.user(
        "Sinon, Inès prépare le planning des permanences. Tu peux me mettre un rappel le 25 pour relancer Inès ?"
    )
    t.assistant("C'est noté, rappel le 25 à 9 h.")
    todos = [i.text for i in of_kind(t.items(), "todo") if "relancer" in i.text]
    assert todos and all("planning" not in x for x in todos)


def test_a_later_look_after_a_failure_is_not_a_takeover() -> None:
    t = Transcript()
    t.user("deploy the wiki please")
    t.bash("./deploy.sh wiki && curl -sS -o /dev/null -w '%{http_code}' https://wiki.example.org/", "502")
    t.assistant("The deploy exited 0, but the wiki answers 502, so it is not actually up.")
    t.user("ugh. leave it for now, I'll look at it tomorrow")
    t.assistant("Sure.")
    assert all("deploy the wiki" not in i.text for i in of_kind(t.items(), "todo"))
