"""Facts read from the structure of an exchange, on conversations written here (new wordings)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def test_an_answer_given_after_a_lookup_is_a_fact_not_an_outcome() -> None:
    c = Conv()
    ask = c.user("how long does the Bahn keep a Sparpreis ticket refundable?")
    c.run(
        "rg -n 'refund' notes/travel.md", "notes/travel.md:7: Sparpreis: refundable until 1 day before travel"
    )
    answer = c.say(
        "Your travel notes have it, with a link to the conditions page. "
        "A Sparpreis can be refunded up to 1 day before travel."
    )
    items = c.items()
    (fact,) = facts(items)
    assert "1 day before travel" in fact.text and "Your travel notes" not in fact.text
    assert {ask, answer} <= set(fact.entry_ids)
    assert [i for i in items if i.kind == "outcome"] == []


def test_a_request_for_research_answered_with_what_the_searches_returned_is_a_fact() -> None:
    # (round 3 of 2026-12-03: the writers of fresh6 and fresh7 label the answer to "can you compare /
    # pull / look up ...?" that repeats what the reads returned as a fact; it was "not a fact" before)
    c = Conv()
    ask = c.user("could you compare the two tariffs for me?")
    a = c.call("web_search", {"query": "tariff A"}, "Tariff A: 29 EUR per month, 12 months minimum")
    b = c.call("web_search", {"query": "tariff B"}, "Tariff B: 35 EUR per month, no minimum")
    said = c.say(
        "Tariff A is 29 EUR per month with 12 months minimum; Tariff B is 35 EUR per month, no minimum."
    )
    (fact,) = facts(c.items())
    assert "29 EUR" in fact.text and {ask, said} <= set(fact.entry_ids) and {a, b} & set(fact.entry_ids)


def test_an_unprompted_instruction_the_assistant_only_acknowledges_is_a_standing_rule() -> None:
    c = Conv()
    rule = c.user("for the invoices: file them under the client's folder instead of the shared inbox")
    c.say("Got it.")
    (fact,) = facts(c.items())
    assert fact.must_keep and "client's folder" in fact.text and fact.entry_ids == (rule,)


def test_a_going_forward_rule_keeps_its_lead_when_a_label_carries_it() -> None:
    c = Conv()
    c.user("à partir de maintenant : les relevés vont dans le dossier Banque, pas dans Téléchargements")
    c.say("Entendu.")
    (fact,) = facts(c.items())
    assert fact.must_keep and fact.text.startswith("à partir de maintenant")


def test_one_thing_put_over_another_and_acknowledged_is_a_preference() -> None:
    c = Conv()
    c.user("hi")
    c.say("Hello! What's up?")
    c.user("espresso from the moka pot suits me more than capsule coffee")
    c.say("Good to know.")
    (fact,) = facts(c.items())
    assert "moka pot" in fact.text


def test_a_comparison_the_assistant_acts_on_is_not_a_preference() -> None:
    c = Conv()
    c.user("make the cache faster than the old one")
    c.run("sed -i 's/ttl=60/ttl=600/' cache.ini", "")
    c.say("Raised the TTL to 600 s.")
    assert facts(c.items()) == []


def test_waving_a_point_away_is_no_rule() -> None:
    c = Conv()
    c.user("never mind about Jonas, he already called back")
    c.say("Okay, crossed off.")
    assert facts(c.items()) == []


def test_an_order_that_names_a_host_is_not_an_environment_fact() -> None:
    c = Conv()
    c.user("use the staging box on qa-07.lab.internal and rebuild the index")
    c.run("ssh qa-07.lab.internal 'reindex --all'", "reindexed 4212 documents")
    c.say("Rebuilt the index on qa-07: 4212 documents.")
    assert facts(c.items()) == []


def test_a_bare_value_with_the_same_unit_corrects_the_assistant() -> None:
    c = Conv()
    c.user("set up the pool heater")
    said = c.say("On it. Since the pool heater targets 31 °C, I'll schedule around that.")
    fix = c.user("27 °C")
    c.say("Ah, 27 °C, adjusting.")
    (fact,) = facts(c.items())
    assert fact.must_keep and "27 °C" in fact.text and "pool heater" in fact.text
    assert {said, fix} <= set(fact.entry_ids)


def test_a_bare_value_in_another_unit_is_no_correction() -> None:
    c = Conv()
    c.user("book the meeting room")
    c.say("Booking room 4 for 6 people.")
    c.user("10:30")
    c.say("Booked room 4 for 6 people at 10:30.")
    assert [f for f in facts(c.items()) if f.must_keep] == []


def test_on_second_thought_rather_an_option_is_a_choice_not_a_preference() -> None:
    c = Conv()
    c.user("which label printer should I get?")
    c.say(
        "Two candidates:\n\n**A) Brother QL-820NWB**: 160 EUR, network\n**B) Dymo 550**: 90 EUR, USB only\n\n"
        "I'd take A."
    )
    c.user("A")
    c.say("Brother QL-820NWB it is.")
    c.user("hm, on second thought I'd rather have the Dymo 550")
    c.say("Switched to the Dymo 550.")
    assert facts(c.items()) == []


def test_a_statement_the_assistant_promises_to_keep_was_a_remember_request() -> None:
    c = Conv()
    c.user("hey")
    c.say("Hi! What's on today?")
    said = c.user("handy to know later on: the spare car key sits with Malik")
    c.say("Noted.")
    (fact,) = facts(c.items())
    assert fact.must_keep and fact.text.startswith("The spare car key sits with Malik")
    assert fact.entry_ids == (said,)


def test_the_same_in_spanish_and_a_deadline_stays_a_task() -> None:
    c = Conv()
    c.user("de cara al futuro: la llave del trastero la tiene Inés")
    c.say("Lo recordaré.")
    c.user("hay que renovar el seguro antes del viernes")
    c.say("Lo recordaré.")
    (fact,) = facts(c.items())
    assert "Inés" in fact.text and fact.must_keep


def test_an_answer_to_the_assistants_question_is_not_a_remember_request() -> None:
    c = Conv()
    c.user("someone has to send the signed lease back")
    c.say("Who takes it, and by when?")
    c.user("me, end of the month")
    c.say("I'll remember that.")
    assert facts(c.items()) == []


def test_a_request_the_assistant_declines_is_not_kept() -> None:
    c = Conv()
    c.user("remember that the alarm code for the office is 4471")
    c.say("I'd rather not store that; a password manager is the place for it.")
    assert facts(c.items()) == []


def _offer(c: Conv) -> None:
    c.user("help me pick a backup target for the photos")
    c.say(
        "Side by side:\n\n**A) Backblaze B2**: $6 per TB, S3 API\n**B) Hetzner Storage Box**: €3.81 per TB, "
        "SFTP and Borg\n\nI'd go with B."
    )


def test_a_question_about_one_option_before_choosing_is_not_a_fact_or_a_correction() -> None:
    c = Conv()
    _offer(c)
    c.user("hold on, what is the catch with A?")
    c.say("With Backblaze B2 mostly the egress fees; nothing else stands out.")
    c.user("B then")
    c.say("Hetzner Storage Box it is.")
    assert facts(c.items()) == []


def test_a_recap_answer_restates_and_is_no_new_fact() -> None:
    c = Conv()
    _offer(c)
    c.user("B")
    c.say("Settled: Hetzner Storage Box at €3.81 per TB.")
    c.user("so what did we end up with?")
    c.say("Recap: Hetzner Storage Box, €3.81 per TB.")
    assert facts(c.items()) == []


def test_a_value_the_user_puts_right_in_prose_is_kept_as_the_assistants_clause() -> None:
    c = Conv()
    c.user("how should we call the geocoding API?")
    said = c.say("The geocoder allows 50 lookups per second, so I'll send them in batches of 50.")
    fix = c.user("it's 500 lookups per second since the plan upgrade")
    c.say("Ah, then batches of 500.")
    (fact,) = facts(c.items())
    assert "500 lookups per second" in fact.text and fact.must_keep
    assert {said, fix} <= set(fact.entry_ids)


def test_a_point_said_to_be_still_open_is_not_a_fact() -> None:
    c = Conv()
    c.user("whether we renew the office lease is still open, I'll hear from the landlord on Monday")
    c.say("Okay, I'll keep it as an open point.")
    assert facts(c.items()) == []


def test_remember_how_we_did_it_is_not_a_fact_in_itself() -> None:
    c = Conv()
    c.user("nice, remember how we did that")
    c.say("Will do.")
    assert facts(c.items()) == []


def test_a_spanish_preference_opening_with_si_if_is_not_read_as_a_yes() -> None:
    c = Conv()
    c.user("si me dejas escoger, el tren nocturno antes que el avión")
    c.say("Apuntado.")
    (fact,) = facts(c.items())
    assert "tren nocturno" in fact.text


def test_a_name_alone_corrects_the_name_the_assistant_said_when_it_is_taken_up() -> None:
    c = Conv()
    c.user("can you book the team offsite?")
    said = c.say("Sure. Since the offsite venue is Lisbon, I'll look at flights in March.")
    fix = c.user("Porto")
    c.say("Right, Porto then.")
    (fact,) = facts(c.items())
    assert "Porto" in fact.text and "offsite venue" in fact.text and fact.must_keep
    assert {said, fix} <= set(fact.entry_ids)


def test_a_request_naming_something_is_no_name_correction() -> None:
    c = Conv()
    c.user("what did we note about the offsite?")
    c.say("Noted so far: the offsite venue is Lisbon.")
    c.user("help me plan: Porto weekend")
    c.say("Options for the Porto weekend: 1. train 2. flight")
    assert facts(c.items()) == []


def test_a_date_given_back_in_words_of_its_own_is_put_in_the_assistants_clause() -> None:
    c = Conv()
    c.user("set up the insurance renewal")
    c.say("Setting up the car insurance with renewal date 2026-06-30.")
    c.user("that one's 2026-09-30 as far as I know")
    c.say("Ah, 2026-09-30, adjusting.")
    (fact,) = facts(c.items())
    assert "car insurance" in fact.text and "2026-09-30" in fact.text


def test_a_question_asked_as_do_you_know_is_answered_as_a_fact() -> None:
    c = Conv()
    c.user("do you know how heavy a carry-on may be with Vueling?")
    c.say("I checked their site. Vueling allows 10 kg for a carry-on bag.")
    (fact,) = facts(c.items())
    assert "10 kg" in fact.text


def test_an_instruction_that_changes_a_value_the_assistant_said_is_a_decision() -> None:
    c = Conv()
    c.user("when does the photo sync run?")
    c.say("The photo sync runs every night at 01:00 UTC.")
    said = c.user("shift the photo sync to 03:30 UTC")
    c.say("Done, 03:30 UTC from tonight.")
    items = c.items()
    (decision,) = [i for i in items if i.kind == "decision"]
    assert "03:30 UTC" in decision.text and decision.must_keep and said in decision.entry_ids
    assert facts(items) == []


def test_small_talk_the_assistant_notes_names_nothing_to_keep() -> None:
    c = Conv()
    c.user("ok I'm heading out for lunch now")
    c.say("Noted, enjoy.")
    assert facts(c.items()) == []


def test_saying_one_always_forgets_is_no_standing_rule() -> None:
    c = Conv()
    c.user("what goes into the tax folder? I always forget which receipts count")
    c.say("Receipts for work equipment, travel and the home office.")
    assert [f for f in facts(c.items()) if f.must_keep] == []
