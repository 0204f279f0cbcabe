"""A whether-clause the assistant leaves unsettled is the point the user's put-off keeps open.

Structure (fresh22 and fresh17, two writers): the assistant's answer ends on a statement that embeds
an open question ("what I can't tell from the invoice is whether ...", "il faudrait ... si ça doit
s'appliquer dès janvier"), and the user's next turn hands it on or puts it off ("I'll ask X when she
calls back"). The open question is that whether, not the thanks the user's turn also says. A
whether-word that opens the sentence is a condition ("si quieres ...", "if you like ..."), no point.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract import dialogue


def test_a_whether_inside_a_statement_is_a_point_a_leading_one_a_condition() -> None:
    said = "What I can't tell from the receipt is whether the service plan covers a second repair."
    assert dialogue._embedded_point(said) == "whether the service plan covers a second repair"
    assert dialogue._embedded_point("Si quieres los comparo por precio y por distancia.") == ""
    assert dialogue._embedded_point("Do you know whether the plan covers it?") == ""  # a question


def test_the_assistants_open_whether_is_kept_in_english() -> None:
    t = Transcript()
    t.user("the dishwasher broke again. is it still under warranty? we bought it in 2023")
    t.assistant(
        "Bought on 2 May 2023 with a two-year warranty, so it ran out on 2 May 2025. What I can't tell "
        "from the receipt is whether the service plan covers a second repair or bills it at 80 € each."
    )
    t.user("ugh. ok I'll ask Bernd at the shop when he calls back. thanks for the help")
    found = of_kind(t.items(), "open_question")
    assert len(found) == 1 and "whether the service plan covers a second repair" in found[0].text


def test_the_assistants_open_whether_is_kept_in_german() -> None:
    t = Transcript()
    t.user("die Spülmaschine ist wieder kaputt. ist da noch Garantie drauf? gekauft 2023")
    t.assistant(
        "Gekauft am 2. Mai 2023 mit zwei Jahren Garantie, also bis 2. Mai 2025. Was ich aus der Rechnung "
        "nicht sehe, ist, ob der Wartungsvertrag eine zweite Reparatur abdeckt oder 80 € pro Einsatz kostet."
    )
    t.user("mist. ok, ich frag Bernd vom Laden, wenn er zurückruft. danke dir")
    found = of_kind(t.items(), "open_question")
    assert len(found) == 1 and "ob der Wartungsvertrag eine zweite Reparatur abdeckt" in found[0].text
