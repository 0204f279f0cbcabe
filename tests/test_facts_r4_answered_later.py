"""A question of the user's left open (put off with "I'll ask them", or filed as open), answered by the
user later in so many words: the later turn names the same thing (a code, a name or a value, and one
more of the question's words) and says yes or no. That is a fact citing both turns, and the question
is no longer open. Small talk answered later, or a reply to the assistant's own question, is not.
Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_an_open_question_answered_later_by_the_user_is_a_fact() -> None:
    c = Conv()
    c.user("we're moving the office to the Harbour Building next month")
    c.say("Exciting. Do you want me to draft the move checklist?")
    c.user("later. does the Harbour Building have step-free access for deliveries?")
    c.say("I can't tell from the listing; the building manager would know.")
    c.user("ok I'll ask the manager this week")
    c.say("Okay.")
    ans = c.user(
        "heard back about the Harbour Building: yes, step-free access for deliveries via the side gate"
    )
    c.say("Good, then the pallet deliveries can go through the side gate.")
    facts = [f for f in of(c.items(), "fact") if "side gate" in f.text]
    assert len(facts) == 1 and ans in facts[0].entry_ids and len(facts[0].entry_ids) >= 2
    assert not [q for q in of(c.items(), "open_question") if "step-free" in q.text]


def test_a_german_question_answered_later_with_no_is_a_fact() -> None:
    c = Conv()
    c.user("Brauchen wir für den Transporter beim Umzug einen Führerschein C1?")
    c.say("Das hängt vom zulässigen Gesamtgewicht ab; der Verleih weiß das genau.")
    c.user("Frag ich morgen beim Verleih nach.")
    c.say("Gut.")
    c.user(
        "Und pack die Kartons bitte in die Liste.",
    )
    c.say("Erledigt, 40 Kartons stehen auf der Liste.")
    ans = c.user("Verleih hat zurückgerufen wegen C1 für den Transporter: nein, Klasse B reicht")
    c.say("Prima, dann kann Tobias fahren.")
    facts = [f for f in of(c.items(), "fact") if "Klasse B" in f.text]
    assert len(facts) == 1 and ans in facts[0].entry_ids


def test_a_french_question_answered_later_is_a_fact() -> None:
    c = Conv()
    c.user("est-ce que la salle Rameau accepte les traiteurs extérieurs ?")
    c.say("Le site ne le dit pas ; je te conseille de demander à la régie.")
    c.user("je demande à la régie demain")
    c.say("D'accord.")
    ans = c.user("la régie m'a répondu pour la salle Rameau : oui, les traiteurs extérieurs sont acceptés")
    c.say("Parfait, on peut garder le traiteur Lemoine.")
    facts = [f for f in of(c.items(), "fact") if "acceptés" in f.text]
    assert len(facts) == 1 and ans in facts[0].entry_ids


def test_a_yes_to_the_assistant_s_own_question_is_no_later_answer() -> None:
    c = Conv()
    c.user("is the Tuesday slot with Dr Brandt still free?")
    c.say("I'll check tomorrow when the practice opens.")
    c.user("ok, I'll wait")
    c.say("Should I book the Tuesday slot with Dr Brandt if it's free?")
    c.user("yes, book the Tuesday slot with Dr Brandt")
    assert not [f for f in of(c.items(), "fact") if "Tuesday" in f.text]


def test_a_question_of_what_to_do_answered_later_is_no_fact() -> None:
    c = Conv()
    c.user("should we invite Jana Roth to the kickoff?")
    c.say("Up to you; she knows the client well.")
    c.user("I'll ask the team first")
    c.say("Okay.")
    c.user("the team on Jana Roth for the kickoff: yes, she's in")
    c.say("Great.")
    assert not [f for f in of(c.items(), "fact") if "Jana" in f.text]
