"""The shape of the real OpenClaw sample (`tests/data/samples/openclaw-real-*`), carried on by hand:
the assistant's turn lists a decision, an open question between two values and a TODO; the user then
answers the question, changes a schedule, and says a point is still open. Written here, new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def _conversation() -> tuple[Conv, str, str, str]:
    c = Conv()
    c.user("How do we ship the beta?")
    listed = c.say(
        "We decided to ship the beta as a single container on one VM.\n\n"
        "Open question: is the partner API's quota 500 or 5000 calls per hour?\n\n"
        "TODO: add a smoke test that hits `/healthz` after each deploy."
    )
    answer = c.user("the quota is 5000 calls per hour, their support confirmed it")
    c.say("Thanks, 5000 calls per hour it is.")
    move = c.user("and move the weekly export to 03:30 UTC")
    c.say("Moved the weekly export to 03:30 UTC.")
    c.user("who reviews the beta release notes is still open")
    c.say("Okay, I'll leave that open.")
    return c, listed, answer, move


def test_the_answer_to_a_question_of_fact_between_two_values_is_a_fact() -> None:
    c, listed, answer, _ = _conversation()
    items = c.items()
    (fact,) = [f for f in of(items, "fact") if "5000" in f.text]
    assert fact.must_keep and fact.text.startswith("The quota is 5000 calls per hour")
    assert {listed, answer} <= set(fact.entry_ids)
    assert not [i for i in of(items, "decision") if "5000" in i.text]
    assert not [i for i in of(items, "open_question") if "quota" in i.text]


def test_an_order_that_moves_a_schedule_is_a_decision_and_a_point_still_open_is_no_fact() -> None:
    c, _, _, move = _conversation()
    items = c.items()
    assert [d for d in of(items, "decision") if "03:30 UTC" in d.text and move in d.entry_ids]
    assert not [f for f in of(items, "fact") if "still open" in f.text or "release notes" in f.text]


def test_a_choice_of_what_to_do_between_two_values_stays_a_decision() -> None:
    c = Conv()
    c.say("Should retention be 90 or 180 days for the raw events?")
    c.user("retention is 180 days, we need the half year")
    c.say("180 days then.")
    items = c.items()
    assert [d for d in of(items, "decision") if "180" in d.text]
    assert not [f for f in of(items, "fact") if "180" in f.text]
