"""An answer that takes the user's statement in ("Sounds good.", "Klingt gut.", "C'est noté.") and
then goes on with its work in the same message did not act on the turn at once: the user's dated
plan in it is a to-do, not the context of a request.

Structure (fresh9 "I'll tell Lars tomorrow ..." - "Sounds good. I'll keep polling." with the poll;
fresh10 "Sounds good." after a dated plan; an acknowledgement before work in dev, fresh16, fresh22):
before, any tool call right after the turn dropped a first-person plan. "Sure, checking ..." says
yes to a request and still counts as acting on it.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def _poll(t: Transcript, text: str) -> None:
    t.bash("tail -n 1 runs/r7/train.log", "step 2410/5000 loss 1.61", text=text)


def test_a_plan_taken_in_before_the_work_goes_on_in_english() -> None:
    t = Transcript()
    t.user("the run is at step 2000, keep an eye on it")
    _poll(t, "Watching it.")
    t.user("ok. I'll ask Priya tomorrow to free the second GPU")
    _poll(t, "Sounds good. I'll keep polling.")
    tasks = of_kind(t.items(), "todo")
    assert len(tasks) == 1 and "Priya" in tasks[0].text
    t = Transcript()
    t.user("we submit on the 12th. can you check the draft for typos?")
    _poll(t, "Sure, checking it now.")  # a yes to a request: the dated statement is its context
    assert not of_kind(t.items(), "todo")


def test_a_plan_taken_in_before_the_work_goes_on_in_german() -> None:
    t = Transcript()
    t.user("der Lauf ist bei Schritt 2000, behalt ihn im Auge")
    _poll(t, "Mache ich.")
    t.user("ich rufe morgen den Vermieter wegen der Heizung an")
    _poll(t, "Klingt gut. Ich schaue weiter.")
    tasks = of_kind(t.items(), "todo")
    assert len(tasks) == 1 and "Vermieter" in tasks[0].text
