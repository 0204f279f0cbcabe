"""A correction that opens with a sound ("ah no wait, it's not the 3rd!") is a statement putting a value
right: a fact (must keep), not an instruction. When it only denies the assistant's value and the next
sentence states the new one, the fact is the user's two sentences, not the old value swapped into the
assistant's clause. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.corrections import _declares


def _run(fix: str, said: str) -> Conv:
    c = Conv()
    c.user("book the hall for the quiz night and draft the mail")
    c.say(fix)
    c.user(said)
    c.say("Fixed: the draft now says the 10th.")
    return c


def test_a_denial_after_a_sound_then_the_new_value_is_one_correction() -> None:
    c = _run(
        "Draft 2210 is in the club's Drafts: main hall, Friday 3 April, 19:00 to 22:00, bar included.",
        "Ah no wait, it's not the 3rd! The quiz night is Friday 10 April. The 3rd is the AGM, sorry.",
    )
    items = c.items()
    assert not [i for i in items if i.kind == "decision"]
    (fact,) = [i for i in items if i.kind == "fact"]
    assert fact.must_keep
    assert "10 April" in fact.text and "2210" not in fact.text


@pytest.mark.parametrize(
    ("fix", "said", "new"),
    [
        (
            "Entwurf 2210 liegt in den Entwürfen: großer Saal, Freitag 3. April, 19:00 bis 22:00, mit Bar.",
            "Ach nein, es ist nicht der 3.! Der Quizabend ist am Freitag, 10. April.",
            "10. April",
        ),
        (
            "El borrador 2210 está en Borradores: salón grande, viernes 3 de abril, 19:00 a 22:00, con barra.",
            "Ay no, espera, no es el 3. La noche de preguntas es el viernes 10 de abril.",
            "10 de abril",
        ),
    ],
)
def test_the_same_correction_in_german_and_spanish(fix: str, said: str, new: str) -> None:
    items = _run(fix, said).items()
    assert not [i for i in items if i.kind == "decision"]
    assert [i for i in items if i.kind == "fact" and i.must_keep and new in i.text]


@pytest.mark.parametrize(
    ("s", "declares"),
    [
        ("Ah no wait, it's not the 3rd!", True),
        ("oh, c'est le 10 avril", True),
        ("move the quiz to the 10th please, and book the hall", False),
    ],
)
def test_declares_after_a_sound(s: str, declares: bool) -> None:
    assert _declares(s) is declares
