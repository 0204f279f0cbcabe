"""A doubt that comes with a guess answers the question: "not sure yet. probably just sleep in",
"keine Ahnung, ich glaub Felix hat ...". Nothing is left open, unless the reply also hands the
point to someone ("not sure, I think so, I'll ask Marco").

Structure (fresh15 and fresh16, two writers): the assistant asks the user something; the reply opens
with "not sure" / "keine Ahnung" and then says what the user believes (probably, I think, ich glaub,
creo que) in the same turn.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_a_doubt_with_a_guess_leaves_nothing_open_in_english() -> None:
    t = Transcript()
    t.user("finally home, the rain is unreal")
    t.assistant("Good evening to stay in then. Are you working tomorrow morning, or taking it off?")
    t.user("not sure yet. probably just sleep in a bit")
    t.assistant("Sounds right, you've earned it.")
    assert not of_kind(t.items(), "open_question")
    asked = Transcript()  # a guess, and someone to ask: still open
    asked.user("the staging box, is it still on the old kernel?")
    asked.assistant(
        "I can't see it from here: uname isn't in any log I have. Do you know, or should I check?"
    )
    asked.user("not sure, I think so. I'll ask Marco, he rebuilt it")
    asked.assistant("OK.")
    assert of_kind(asked.items(), "open_question")


def test_a_doubt_with_a_guess_leaves_nothing_open_in_spanish() -> None:
    t = Transcript()
    t.user("por fin en casa, no para de llover")
    t.assistant("Buena noche para quedarse dentro. ¿Mañana trabajas por la mañana o te la tomas libre?")
    t.user("todavía no lo sé. creo que dormiré un poco más")
    t.assistant("Me parece bien, te lo has ganado.")
    assert not of_kind(t.items(), "open_question")
