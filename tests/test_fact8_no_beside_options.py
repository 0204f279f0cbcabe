"""A bare no that states another value for a slot the assistant's turn used ("no no, the pool has 60
workers") puts that value right even when the turn also laid out options: the value is in none of
them, so the no picks nothing. A value one option holds is a pick, and a no whose value comes only
in a later sentence is a refusal followed by a new point. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

_OFFER = {
    "en": (
        "The pool runs 40 workers and the queue is at 900 jobs. How should I drain it?\n"
        "1. restart the pool now\n"
        "2. wait until the queue is under 100 jobs"
    ),
    "de": (
        "Der Pool läuft mit 40 Workern, die Queue steht bei 900 Jobs. Wie soll ich ihn leeren?\n"
        "1. den Pool jetzt neu starten\n"
        "2. warten, bis die Queue unter 100 Jobs ist"
    ),
    "es": (
        "El pool tiene 40 workers y la cola va por 900 trabajos. ¿Cómo lo vacío?\n"
        "1. reiniciar el pool ahora\n"
        "2. esperar a que la cola baje de 100 trabajos"
    ),
}


def _conv(lang: str, said: str) -> Conv:
    c = Conv()
    c.user("the worker pool looks stuck, have a look")
    c.say(_OFFER[lang])
    c.user(said)
    c.say("OK.")
    return c


@pytest.mark.parametrize(
    ("lang", "said", "new"),
    [
        ("en", "no no, the pool has 60 workers. someone scaled it up last week", "60"),
        ("de", "nein, der Pool hat 60 Worker. Das wurde letzte Woche hochgesetzt", "60"),
        ("es", "no, el pool tiene 60 workers. lo subieron la semana pasada", "60"),
    ],
)
def test_value_no_option_holds_is_a_correction(lang: str, said: str, new: str) -> None:
    facts = [i for i in _conv(lang, said).items() if i.kind == "fact" and i.must_keep]
    assert any(new in i.text for i in facts), facts


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "no, wait until it is under 100"),
        ("de", "nein, warten bis unter 100"),
    ],
)
def test_value_an_option_holds_is_no_correction(lang: str, said: str) -> None:
    corrections = [i for i in _conv(lang, said).items() if i.kind == "fact" and i.must_keep]
    assert not corrections, corrections
