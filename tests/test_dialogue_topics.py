"""Structures the dialogue rules read, second round, on conversations written here (new topics
and wordings): an open point never glues the user's words on as a second speaker; options joined
by a correlative pair ("soit ... soit", "entweder ... oder"); a choice the user lays out and hands
over ("X or Y, your call") carries its topic into the decision; a bare "X or Y?" closing a turn
names the options; the assistant's pick after "you decide" is the decision's text.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted


def test_an_open_point_keeps_the_reason_in_brackets_never_as_a_second_speaker() -> None:
    t = Transcript()
    t.user("the greenhouse heater keeps tripping the breaker")
    t.assistant(
        "The heater draws 2.4 kW on a 10 A circuit shared with the pump. "
        "Should we move the pump to the garage socket, or buy a smaller heater?"
    )
    t.user("no idea yet, I'll ask my neighbour who did the wiring")
    (point,) = of_kind(t.items(), "open_question")
    assert "pump" in point.text and "neighbour" in point.text
    assert "user:" not in point.text and " — " not in point.text


def test_options_joined_by_a_repeated_correlative_word_and_a_pick_by_ordinal() -> None:
    t = Transcript()
    t.user("Le chauffe-eau du local fuit encore, on fait quoi ?")
    offer = t.assistant(
        "Le joint du groupe de sécurité est usé depuis l'hiver. On peut soit changer le joint nous-mêmes "
        "pour une dizaine d'euros, soit faire venir le plombier de la mairie jeudi, ce qui prend une matinée. "
        "Je ferais la première."
    )
    pick = t.user("d'accord, la première")
    (decision,) = accepted(t.items())
    assert "joint" in decision.text and "plombier" not in decision.text
    assert set(decision.entry_ids) >= {offer, pick}
