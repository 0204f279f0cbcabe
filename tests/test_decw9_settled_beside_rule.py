"""A sentence next to a standing rule that settles this case is a decision of its own, not the rule's
explanation: it turns a point down or around and names it (a value the assistant said, or the day).
Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv


@pytest.mark.parametrize(
    ("plan", "reply", "value", "rule_word"),
    [
        (
            "Draft for the release: OPS-207 log rotation, OPS-215 disk alerts, OPS-230 the new dashboard. "
            "That's 13 points against a cap of 16.",
            "fine, keep the rest as slack, releases always slip a bit. Actually, drop OPS-230 too, "
            "the dashboard can wait until the design review.",
            "ops-230",
            "always",
        ),
        (
            "Brouillon pour la version : OPS-207 rotation des logs, OPS-215 alertes disque, OPS-230 le nouveau "
            "tableau de bord. Ça fait 13 points pour une limite de 16.",
            "ok, garde le reste en marge, on déborde toujours un peu. En fait, enlève OPS-230 aussi, le tableau "
            "de bord peut attendre la revue de design.",
            "ops-230",
            "toujours",
        ),
    ],
)
def test_a_dropped_item_beside_a_rule_is_a_decision(
    plan: str, reply: str, value: str, rule_word: str
) -> None:
    c = Conv()
    c.user("can you draft the release scope from the board?")
    c.say(plan)
    c.user("what comes next on the board after those?")
    c.say("The export only has these three; the rest of the board isn't in the file.")
    c.user(reply)
    c.say("Done, it's out of the scope.")
    items = c.items()
    decisions = [i for i in items if i.kind == "decision" and value in i.text.lower()]
    assert len(decisions) == 1 and decisions[0].must_keep
    assert rule_word not in decisions[0].text.lower()
    assert not any(i.kind == "fact" and value in i.text.lower() for i in items)


@pytest.mark.parametrize(
    ("notes", "day"),
    [
        (
            "ok, a few things for the note:\n- on a P1 always call me first, never the CTO directly\n"
            "- no database migration over the weekend, the schema change moves to Monday, my call",
            "monday",
        ),
        (
            "gut, ein paar Sachen für die Notiz:\n- bei einem P1 immer zuerst mich anrufen, nie direkt den CTO\n"
            "- am Wochenende keine Datenbank-Migration, die Schemaänderung wird auf Montag verschoben",
            "montag",
        ),
        (
            "vale, unas cosas para la nota:\n- con un P1 siempre me llamas a mí primero, nunca al CTO\n"
            "- nada de migrar la base de datos el fin de semana, el cambio de esquema pasa al lunes",
            "lunes",
        ),
    ],
)
def test_a_point_put_off_to_a_day_beside_a_rule_is_a_decision(notes: str, day: str) -> None:
    c = Conv()
    c.user("I need the on-call handover for the weekend")
    c.say("Sure. What should go into it besides the active alerts?")
    c.user(notes)
    c.say("Noted, all of it goes into the handover.")
    items = c.items()
    decisions = [i for i in items if i.kind == "decision" and day in i.text.lower()]
    assert len(decisions) == 1 and decisions[0].must_keep
    facts = [i for i in items if i.kind == "fact" and i.must_keep]
    assert facts and not any(day in f.text.lower() for f in facts)


@pytest.mark.parametrize(
    "reply",
    [
        # a plan for the day, with no point turned down: the to-do rules read it, no decision here
        "commit yes. no deploy today, it's Friday afternoon and I never deploy on Friday afternoons. "
        "we ship it Monday the 7th",
        # a rule and the sentence that only explains it stay one fact
        "we never merge without a review. It caught two bugs last month alone.",
    ],
)
def test_no_decision_without_a_point_settled(reply: str) -> None:
    c = Conv()
    c.user("tests are green?")
    c.say("All 48 tests pass. Shall I commit and deploy to the VPS?")
    said = c.user(reply)
    c.say("Committed; the deploy waits.")
    items = c.items()
    assert not any(i.kind == "decision" and i.entry_ids == (said,) for i in items)
