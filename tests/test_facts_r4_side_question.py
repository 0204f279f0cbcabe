"""A question about one of two things the assistant just laid out to choose from ("you can choose between
the dry yeast and the liquid one" - "does the dry one need a starter?" - "No, ..."), is asked on the way to
a choice: its answer is no fact. Without a choice laid out the same question and answer is one.
Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def test_a_side_question_on_a_choice_in_prose_is_no_fact() -> None:
    c = Conv()
    c.user("which tent should I take to the festival?")
    c.say(
        "You can choose between the Kestrel 2, 1.9 kg and up in five minutes, and the Orca 3, roomier "
        "but 3.4 kg and it needs its footprint."
    )
    c.user("does the Kestrel 2 need a footprint too?")
    c.say("No, the Kestrel 2 has a reinforced floor, so it goes straight on the grass.")
    c.user("the Kestrel then")
    assert not facts(c.items())


def test_german_and_french_side_questions_on_a_choice_are_no_facts() -> None:
    c = Conv()
    c.user("Welchen Kinderwagen nehmen wir?")
    c.say("Ihr habt die Wahl zwischen dem Lumo, 9 kg und faltbar, und dem Terra, 14 kg mit Luftreifen.")
    c.user("passt der Lumo in den Kofferraum vom Polo?")
    c.say("Ja, zusammengeklappt misst er 55 x 45 cm, das passt in den Polo.")
    assert not facts(c.items())

    c = Conv()
    c.user("quel vélo je prends pour aller au boulot ?")
    c.say("Tu as le choix entre le Brio, 11 kg sans assistance, et le Volt, électrique à 1 900 €.")
    c.user("le Volt a une batterie amovible ?")
    c.say("Oui, la batterie du Volt se retire, 500 Wh, elle se recharge au bureau.")
    assert not facts(c.items())


def test_the_same_question_without_a_choice_laid_out_is_a_fact() -> None:
    c = Conv()
    c.user("I'm taking the Kestrel 2 to the festival")
    c.say("Good pick for a weekend.")
    ask = c.user("does the Kestrel 2 need a footprint?")
    answer = c.say(
        "No, the Kestrel 2 has a reinforced floor rated 5000 mm, so it goes straight on the grass."
    )
    (fact,) = facts(c.items())
    assert {ask, answer} <= set(fact.entry_ids)
