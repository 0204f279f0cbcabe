"""A reply that settles other things and puts one point off in passing: the point is the assistant's
sentence that the put-off names, the put-off says why it waits.

Structure (fresh15 and fresh17, two writers): the assistant's turn lays out several things (options,
a recommendation, a side question); the user's reply settles some of them and, in a sentence of its
own, names one by a word the assistant used and puts it off with no day ("<thing> let me think
about it", "<name> I don't know, I'll check with <person>"). A put-off with a day is a plan, and a
plain yes or no answers; neither is read this way.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.put_off import named_point


def _budget(t: Transcript, reply: str) -> None:
    t.user("the Moreau budget, are we under the cap?")
    t.assistant(
        "The sheet is 900 € over the cap. Ways to get back under:\n"
        "1. Drop the fireworks (−1,200 €)\n"
        "2. Fewer centrepieces (−400 €)\n"
        "3. A smaller cake (−250 €)\n"
        "Want me to update the sheet?"
    )
    t.user(reply)


def test_an_option_put_off_in_passing_in_english() -> None:
    t = Transcript()
    _budget(
        t,
        "centrepieces cut to the small set. the cake stays. fireworks let me think about it, the groom loves them",
    )
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "fireworks" in opened[0].text.lower()
    assert "think about it" in opened[0].text
    dated = Transcript()  # the same put-off with a day is a plan: nothing left open
    _budget(dated, "centrepieces cut to the small set. the cake stays. fireworks I'll look at tonight")
    assert not any("fireworks" in o.text.lower() for o in of_kind(dated.items(), "open_question"))


def test_an_option_put_off_in_passing_in_german() -> None:
    t = Transcript()
    t.user("das Budget Moreau, sind wir unter der Obergrenze?")
    t.assistant(
        "Die Tabelle liegt 900 € über der Grenze. Wege zurück darunter:\n"
        "1. Das Feuerwerk streichen (−1.200 €)\n"
        "2. Weniger Tischgestecke (−400 €)\n"
        "3. Eine kleinere Torte (−250 €)\n"
        "Soll ich die Tabelle anpassen?"
    )
    t.user(
        "Tischgestecke auf das kleine Set. Die Torte bleibt. Feuerwerk keine Ahnung, das kläre ich mit Pavel."
    )
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "Feuerwerk" in opened[0].text and "Pavel" in opened[0].text


def test_the_word_before_the_put_off_names_the_point() -> None:
    offered = ["Pavel only has to do one transfer.", "Does Lukas get a bonus too?"]
    assert named_point(offered, "lukas I dont know, i'll check with Pavel") == "Does Lukas get a bonus too?"
    assert named_point(offered, "me lo pienso") == ""


def test_a_yes_before_the_put_off_is_no_echo_in_english() -> None:
    t = Transcript()
    t.user("december payroll for the shop please")
    t.assistant(
        "Payroll is ready: Timo's bonus goes out with the December salary. Also: does Lukas get a "
        "bonus too? And shall I book Timo's as a one-off payment?"
    )
    t.user("yep do that. lukas I dont know, i'll check with Pavel")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "Lukas get a bonus" in opened[0].text


def test_a_yes_before_the_put_off_is_no_echo_in_german() -> None:
    t = Transcript()
    t.user("die Dezemberabrechnung für den Laden bitte")
    t.assistant(
        "Die Abrechnung ist fertig: Timos Prämie geht mit dem Dezembergehalt raus. Ich würde sie als "
        "Einmalzahlung buchen. Und bekommt Lukas als Azubi auch eine Prämie?"
    )
    t.user("ja mach. Lukas keine Ahnung, das kläre ich mit Pavel")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "Azubi" in opened[0].text
