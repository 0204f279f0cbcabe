"""One thing said is one item of one kind (``budget._one_per_turn``): a rule one turn states from both
sides is one fact; a fact or to-do that only echoes the decision of its turn is not a second item,
while a standing rule said with the choice stays a fact. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.budget import merge_drafts
from memoryd.flush.extract.context import Draft


def _kinds(drafts: list[Draft]) -> list[str]:
    return [d.kind for d in drafts]


@pytest.mark.parametrize(
    ("rule", "side"),
    [
        ("Never store the raw interviews on the shared laptop.", "Always the encrypted drive."),
        ("Nie die Rohdaten auf den Vereinslaptop legen.", "Immer auf die verschlüsselte Platte."),
        ("Nunca subas las entrevistas a la nube del club.", "Siempre al disco cifrado."),
        ("Ne jamais laisser les clés dans la boîte aux lettres.", "Toujours les remettre en main propre."),
    ],
)
def test_the_two_sides_of_one_rule_are_one_fact(rule: str, side: str) -> None:
    got = merge_drafts([Draft("fact", rule, {4}, True), Draft("fact", side, {4}, False)])
    assert _kinds(got) == ["fact"]
    assert rule in got[0].text and side in got[0].text
    assert got[0].must_keep


@pytest.mark.parametrize(
    ("rule", "other"),
    [
        ("Never store the raw interviews on the shared laptop.", "The club's NAS is nas-02 on port 5001."),
        ("Immer mit zwei Leuten abschließen.", "Der Schlüssel hängt im Büro von Frau Kern."),
        ("Toujours deux personnes pour fermer.", "Le local est au 14 rue des Lilas."),
    ],
)
def test_a_rule_and_a_fact_that_is_no_rule_stay_apart(rule: str, other: str) -> None:
    got = merge_drafts([Draft("fact", rule, {4}, True), Draft("fact", other, {4}, False)])
    assert _kinds(got) == ["fact", "fact"]


def test_two_turns_rules_stay_apart() -> None:
    got = merge_drafts(
        [Draft("fact", "Never on Sundays.", {2}, True), Draft("fact", "Always CMR disks.", {6}, True)]
    )
    assert len(got) == 2


def test_a_correction_is_never_folded_into_a_rule() -> None:
    got = merge_drafts(
        [
            Draft("fact", "Never call before nine.", {3}, True),
            Draft("fact", "The room is 14, not 12 (user correction)", {3}, True),
        ]
    )
    assert len(got) == 2


@pytest.mark.parametrize(
    ("decision", "echo"),
    [
        (
            "Rejected: posting the flyers myself — No, I'll hand them out at the market, people like a face.",
            "People like a face.",
        ),
        (
            "Abgelehnt: die Mail an Frau Brandt — nein, ich rufe sie an, das mag sie lieber.",
            "Das mag sie lieber.",
        ),
        (
            "Rifiutato: la mail ai soci — no, li chiamo io, mi piace sentirli.",
            "Mi piace sentirli.",
        ),
    ],
)
def test_a_fact_that_echoes_the_decision_of_its_turn_is_dropped(decision: str, echo: str) -> None:
    got = merge_drafts([Draft("decision", decision, {5, 6}, True), Draft("fact", echo, {6}, False)])
    assert _kinds(got) == ["decision"]


def test_a_standing_rule_said_with_the_choice_stays_a_fact() -> None:
    decision = "The second hall then; but never book anything with stairs for the seniors."
    got = merge_drafts(
        [
            Draft("decision", decision, {5, 6}, True),
            Draft("fact", "Never book anything with stairs.", {6}, True),
        ]
    )
    assert _kinds(got) == ["decision", "fact"]


def test_a_fact_of_another_turn_is_no_echo() -> None:
    got = merge_drafts(
        [
            Draft("decision", "Rejected: the mail — No, I'll phone, she likes a voice.", {5, 6}, True),
            Draft("fact", "She likes a voice.", {9}, False),
        ]
    )
    assert _kinds(got) == ["decision", "fact"]


def test_a_conversation_keeps_one_fact_for_a_rule_said_twice() -> None:
    c = Conv()
    c.user("we are buying two disks for the backup box today")
    c.say("Sure. Any constraints on the model?")
    c.user("never smr drives in the zfs pool, learned that the hard way. always cmr")
    c.say("Understood.")
    facts = [i for i in c.items() if i.kind == "fact"]
    assert len(facts) == 1
    assert "smr" in facts[0].text and "cmr" in facts[0].text


@pytest.mark.parametrize(
    "trait",
    ["Tom doesn't eat fish.", "Lena verträgt keine Nüsse.", "Marco non mangia carne."],
)
def test_a_named_persons_trait_said_with_the_choice_stays_a_fact(trait: str) -> None:
    decision = f"The second menu, without the starter; {trait}"
    got = merge_drafts([Draft("decision", decision, {5, 6}, True), Draft("fact", trait, {6}, True)])
    assert _kinds(got) == ["decision", "fact"]
