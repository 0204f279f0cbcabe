"""The user chooses on their own, with no offer to reply to: a statement that sets one alternative
against another ("So the Crown, not the Anchor.", "lass ich im Cron, nicht in Home Assistant"),
which the assistant's next words take without a question. A decision citing both turns. A value
put right, a standing rule ("always X, not Y"), a condition or a plan put off is none.
Conversations written here, in en/de/fr."""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted


def test_en_a_pick_said_in_passing_of_a_to_do_list() -> None:
    t = Transcript()
    t.user("what's in the newsletter from the sports club?")
    t.assistant(
        "Three things:\n1. Choose a venue for the end-of-season party by Friday: the Crown, the Anchor "
        "or the Bell.\n2. Kit money is due on the 20th.\n3. Training moves to the upper pitch."
    )
    pick = t.user(
        "Right. Venue: the kids voted at training, they want the garden. So the Crown, not the Anchor. "
        "Can you tell the secretary?"
    )
    ack = t.assistant("Writing to her now.")
    (decision,) = accepted(t.items())
    assert "Crown" in decision.text
    assert set(decision.entry_ids) >= {pick, ack}


def test_de_where_it_stays_said_by_the_user() -> None:
    t = Transcript()
    t.user("wie lange braucht der Sync normalerweise?")
    t.assistant("Meist zehn bis fünfzehn Minuten, je nach Menge.")
    t.user("ok. den Sync der Fotos lass ich übrigens im Cron, nicht in Home Assistant. das lief mal doppelt")
    t.assistant("Alles klar, der Foto-Sync bleibt im Cron; in Home Assistant lege ich dafür nichts an.")
    (decision,) = accepted(t.items())
    assert "Cron" in decision.text


def test_fr_a_plan_put_off_and_a_standing_rule_are_no_choice() -> None:
    t = Transcript()
    t.user("Bon, je regarderai leur site ce week-end, pas urgent.")
    t.assistant("D'accord.")
    t.user("Et les tableaux toujours en pourcentages, pas en fractions.")
    t.assistant("Noté.")
    assert accepted(t.items()) == []


def test_en_a_value_put_right_is_a_fact() -> None:
    t = Transcript()
    t.user("connect to the staging db please")
    t.assistant("Connecting to staging on port 5432.")
    t.user("it's 5433, not 5432")
    t.assistant("Right, 5433.")
    assert accepted(t.items()) == []
    assert of_kind(t.items(), "fact")
