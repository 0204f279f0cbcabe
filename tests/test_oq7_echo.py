"""A short echo of the assistant's suggestion, then a put-off with no word of its own ("hmm,
traefik... let me think about it."), then something else: the point is the assistant's sentence
the echo names, not the echo glued to the next sentence.

Structure (fresh18, and fresh15's "<thing> let me think about it" said in one sentence): the
assistant, after its work, suggests a further change in passing; the user echoes its key word,
puts it off, and goes on to another matter (a task for someone, a request).
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_an_echoed_suggestion_put_off_in_english() -> None:
    t = Transcript()
    t.user("the certificate renewal failed again, can you look?")
    t.assistant(
        "Done: the renewal works again and the timer runs tonight at 21:37. By the way, Traefik "
        "handles certificates on its own; I could prepare a move from nginx to Traefik for the API."
    )
    t.user(
        "hmm traefik... let me think about it. and Dana has to review the old DNS records, they're a mess. note it"
    )
    t.assistant("Noted: Dana reviews the old DNS records.")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "nginx" in opened[0].text and "Dana" not in opened[0].text


def test_an_echoed_suggestion_put_off_in_spanish() -> None:
    t = Transcript()
    t.user("la renovación del certificado ha vuelto a fallar, ¿lo miras?")
    t.assistant(
        "Listo: la renovación funciona y el timer corre esta noche a las 21:37. Por cierto, Traefik "
        "gestiona los certificados solo; podría preparar el paso de nginx a Traefik para la API."
    )
    t.user(
        "mmm traefik... me lo pienso. y Dana tiene que revisar los registros DNS viejos, están hechos un lío. apúntalo"
    )
    t.assistant("Apuntado: Dana revisa los registros DNS viejos.")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "nginx" in opened[0].text and "Dana" not in opened[0].text
