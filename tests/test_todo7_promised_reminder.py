"""The assistant's promise of a dated reminder ("I'll remind you on 4 January to ...") is the to-do the
user asked for.

Structure (fresh6 and fresh17, two writers): the user asks for a reminder in words with no date the
rules read ("remind me in january for the rest of it"); the assistant answers with its promise, the
day and the task in full ("I'll remind you on 4 January 2027 to pull the documents", "ti ricordo di
controllare ... venerdì 4 dicembre"). Without a reminder tool the promise is the to-do; when a tool
set it, the tool's to-do cites the promise too (one item).
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.restated import promised_reminder


def test_the_promise_is_the_to_do_in_english() -> None:
    t = Transcript()
    t.user("and remind me after the holidays for the rest of the statements")
    t.assistant("I'll remind you on 5 January 2027 to download the bank statements for 15–31 December.")
    (todo,) = of_kind(t.items(), "todo")
    assert todo.text.startswith("I'll remind you on 5 January 2027 to download the bank statements")
    assert len(todo.entry_ids) == 2


def test_a_promise_beside_a_reminder_tool_is_one_to_do_in_italian() -> None:
    t = Transcript()
    t.user("Marco deve mandarmi il preventivo. Mi fai un promemoria per giovedì sera, così lo sollecito?")
    _, result = t.tool(
        "cron", {"action": "add", "at": "2026-12-03T18:00:00Z", "text": "Sollecitare preventivo Marco"}, "ok"
    )
    promise = t.assistant(
        "Fatto: giovedì 3 dicembre alle 19 ti ricordo di sollecitare il preventivo di Marco."
    )
    (todo,) = of_kind(t.items(), "todo")
    assert promise in todo.entry_ids and result in todo.entry_ids


def test_an_offer_to_remind_is_no_promise() -> None:
    assert promised_reminder(["Shall I remind you on Friday 4 December?"]) == ""
    assert promised_reminder(["I'll remind you, just tell me when."]) == ""  # no day
