"""A correction that contradicts a value the assistant gave a few turns back, after other business:
"actually the hall holds 150 seated" three turns after "The hall holds 120 people seated and costs
€2,400 a day". The assistant's clause gets the user's value (must keep), citing both turns. An order
("actually, let's book 150 seats") or a value of no earlier slot is none.
Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def _three_turns(c: Conv, first: str, second: str, third: str) -> str:
    said = c.say(first)
    c.user("ok, next thing")
    c.say(second)
    c.user("fine")
    c.say(third)
    return said


def test_an_english_value_put_right_three_turns_later() -> None:
    c = Conv()
    c.user("find a venue for the regional meetup")
    said = _three_turns(
        c,
        "The Glasshouse holds 120 people seated and costs €2,400 per day.",
        "Catering by Marlow Kitchen, €38 per head.",
        "Projector and two microphones booked.",
    )
    fix = c.user("actually the Glasshouse holds 150 seated, I asked them")
    c.say("Good to know.")
    (fact,) = facts(c.items())
    assert "150" in fact.text and "120" not in fact.text and fact.must_keep
    assert {said, fix} <= set(fact.entry_ids)


def test_german_spanish_and_italian_values_put_right_later() -> None:
    c = Conv()
    c.user("Such mir eine Hütte für die Skifreizeit.")
    said = _three_turns(
        c,
        "Die Alpenrose hat 24 Betten und liegt auf 1.400 m.",
        "Die Anreise mit dem Bus dauert etwa 5 Stunden.",
        "Skipässe gibt es vor Ort.",
    )
    c.user("eigentlich hat die Alpenrose 28 Betten, steht auf der neuen Website")
    c.say("Danke.")
    (fact,) = facts(c.items())
    assert "28 Betten" in fact.text and said in fact.entry_ids

    c = Conv()
    c.user("busca un local para la fiesta de la asociación")
    said = _three_turns(
        c,
        "El Salón Aurora tiene aforo para 80 personas y cierra a las 2:00.",
        "El DJ cobra 300 € por la noche.",
        "Las bebidas van aparte.",
    )
    c.user("en realidad el Salón Aurora tiene aforo para 95 personas, lo confirmé ayer")
    c.say("Perfecto.")
    (fact,) = facts(c.items())
    assert "95" in fact.text and said in fact.entry_ids

    c = Conv()
    c.user("cercami una sala per il saggio di danza")
    said = _three_turns(
        c,
        "Il Teatro Verdi ha 300 posti e costa 900 € a sera.",
        "Le luci le porta la scuola.",
        "Le prove si fanno il pomeriggio.",
    )
    c.user("in realtà il Teatro Verdi ha 340 posti, me l'ha detto il custode")
    c.say("Grazie.")
    (fact,) = facts(c.items())
    assert "340" in fact.text and said in fact.entry_ids


def test_an_order_or_a_value_of_no_earlier_slot_is_no_correction() -> None:
    c = Conv()
    c.user("find a venue for the regional meetup")
    _three_turns(
        c,
        "The Glasshouse holds 120 people seated and costs €2,400 per day.",
        "Catering by Marlow Kitchen, €38 per head.",
        "Projector and two microphones booked.",
    )
    c.user("actually, let's book 150 chairs to be safe")
    c.say("Booking 150 chairs.")
    c.user("actually my train arrives at 9:40")
    c.say("Noted.")
    assert not [f for f in facts(c.items()) if "150" in f.text]
    assert not [f for f in facts(c.items()) if "correction" in f.text]
