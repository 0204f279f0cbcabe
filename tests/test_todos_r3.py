"""To-dos and open questions, third round: what is no to-do (an appointment the assistant put in a
calendar, a routine that repeats, a pronoun taken for an owner), and what is (tasks the assistant's
acknowledgement lists by owner, without a date), and open questions parked with someone after the
assistant could not answer. Conversations written here (en, de, es, fr, it), in no eval split's
wording."""

from __future__ import annotations

from test_extract import Transcript

from memoryd.flush.extract.todos import appointment_or_routine, owner, reminder_of
from memoryd.flush.items import Item


def _kind(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


# --- an appointment in the calendar, a routine: no to-do -------------------------------------------


def test_en_calendar_event_for_a_settled_appointment_is_no_todo() -> None:
    t = Transcript()
    t.user("the vet can see Pepper on Wednesday 13 January at 16:40, put it in the family calendar")
    t.tool(
        "calendar",
        {
            "action": "create",
            "title": "Pepper vaccination, Dr. Haldane",
            "start": "2027-01-13T16:40:00+00:00",
            "durationMinutes": 30,
        },
        '{"ok": true, "eventId": "ev_91"}',
    )
    t.assistant("In the calendar: Wednesday 13 January, 16:40, Pepper at Dr. Haldane.")
    assert not any("reminder set" in i.text for i in _kind(t.items(), "todo"))


def test_de_calendar_event_with_a_place_is_no_todo() -> None:
    t = Transcript()
    t.user("Die Chorprobe ist jetzt am Donnerstag, 14. Januar, um 18 Uhr. Trag sie mir bitte ein.")
    t.tool(
        "calendar",
        {
            "action": "create",
            "title": "Chorprobe Sopran",
            "start": "2027-01-14T18:00:00+01:00",
            "location": "Gemeindehaus Lindenweg",
        },
        '{"ok": true, "eventId": "ev_12"}',
    )
    t.assistant("Eingetragen: Donnerstag, 14. Januar, 18 Uhr, Gemeindehaus Lindenweg.")
    assert not any("Erinnerung gesetzt" in i.text for i in _kind(t.items(), "todo"))


def test_fr_weekly_routine_set_with_cron_is_no_todo() -> None:
    t = Transcript()
    t.user("Rappelle-moi chaque dimanche soir de sortir la poubelle jaune.")
    t.tool(
        "cron",
        {
            "action": "add",
            "job": {
                "name": "poubelle jaune",
                "schedule": {"kind": "cron", "expr": "0 19 * * 0"},
                "payload": {"kind": "systemEvent", "text": "Sortir la poubelle jaune ce soir"},
            },
        },
        '{"ok": true, "jobId": "job_4"}',
    )
    t.assistant("C'est en place : chaque dimanche à 19h.")
    assert _kind(t.items(), "todo") == []  # neither the request nor the schedule is a task left to do


def test_one_off_reminder_with_a_message_is_still_a_todo() -> None:
    """The other side: a reminder at one moment, to do something, stays a to-do."""
    args = {"action": "add", "at": "2027-01-08T07:30:00Z", "text": "Llamar al fontanero por la caldera"}
    assert not appointment_or_routine(args)
    assert reminder_of("cron", args) == ("2027-01-08 07:30", "Llamar al fontanero por la caldera")
    assert (
        reminder_of(
            "calendar",
            {
                "action": "create",
                "title": "Esame di guida",
                "start": "2027-02-02T09:00:00Z",
                "end": "2027-02-02T10:00:00Z",
            },
        )
        is None
    )
    assert (
        reminder_of("cron", {"action": "add", "schedule": "30 6 * * 1-5", "text": "stretch before work"})
        is None
    )


# --- a pronoun is no owner -----------------------------------------------------------------------------


def test_pronoun_subject_is_no_owner_but_a_name_is() -> None:
    assert not owner("Il propose lundi à 9h ou jeudi à 14h", initial=True, ack="Il propose lundi")
    assert not owner("Sie bietet Montag oder Mittwoch an", initial=True, ack="Sie bietet Montag")
    assert not owner("Ella puede el martes o el viernes", initial=True, ack="Ella puede el martes")
    assert owner("Ottavio porta le sedie venerdì", initial=True, ack="Ottavio, sedie, venerdì")


def test_fr_options_someone_offers_are_no_todo() -> None:
    t = Transcript()
    t.user("Le garagiste a rappelé. Il peut prendre la voiture mercredi à 8h ou samedi à 10h.")
    t.assistant("Noté : mercredi 8h ou samedi 10h.")
    assert _kind(t.items(), "todo") == []
