"""A put-off word that only hedges ("maybe the third one", "haha maybe") answers; it puts nothing
off, so no open question comes of it.

Structure (fresh17 and fresh18, two writers, both small talk): the assistant guesses or lists a few
suggestions; the user's reply agrees with a bare "maybe" or names one with "maybe", and goes on.
"Maybe later" still puts off (its "later" is no hedge), and so does "maybe, I'll ask Sam".
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.dialogue import _defers


def test_a_bare_maybe_after_a_guess_leaves_nothing_open_in_english() -> None:
    t = Transcript()
    t.user("the cat sat under the balcony for ten minutes and glared at me")
    t.assistant("That glare is a whole genre. Maybe she's waiting for the weekend forecast to improve.")
    t.user("haha maybe. whats a good tea to try, im bored of mine")
    t.assistant("Try a roasted oolong: nutty, low in bitterness, forgiving with water temperature.")
    assert not of_kind(t.items(), "open_question")


def test_a_bare_maybe_after_a_guess_leaves_nothing_open_in_german() -> None:
    t = Transcript()
    t.user("die Katze saß zehn Minuten unterm Balkon und hat mich angestarrt")
    t.assistant(
        "Dieser Blick ist ein eigenes Genre. Vielleicht wartet sie auf besseres Wetter am Wochenende."
    )
    t.user("haha vielleicht. welchen Tee soll ich mal probieren, meiner langweilt mich")
    t.assistant("Probier einen gerösteten Oolong: nussig, kaum bitter, verzeiht auch zu heißes Wasser.")
    assert not of_kind(t.items(), "open_question")


def test_a_hedge_is_no_put_off_but_later_still_is() -> None:
    assert not _defers("haha maybe")
    assert not _defers("vielleicht die dritte")
    assert _defers("maybe later, I'm tired")
    assert _defers("vielleicht, ich frag Sam")
