"""A yes-or-no question of fact answered by the assistant ("does the venue cap the guest list?" -
"Not per room. The contract caps ..."), after a lookup or not, is a fact; a question about a run
("did the build finish?" - "yes, at 11:42") is not, nor a question answered with options to choose.
Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_a_yes_or_no_question_answered_with_a_value_is_a_fact() -> None:
    c = Conv()
    c.user("Tengo que organizar la cena de empresa en el restaurante del puerto.")
    c.say("Perfecto, dime qué necesitas.")
    ask = c.user("¿el contrato limita el número de invitados por mesa?")
    answer = c.say(
        "No por mesa. El contrato que guardaste (cenas/contrato.pdf, cláusula 4) limita el salón a 80 "
        "invitados en total; por mesa no hay límite."
    )
    facts = [f for f in of(c.items(), "fact") if "80" in f.text]
    assert len(facts) == 1 and {ask, answer} <= set(facts[0].entry_ids)


def test_the_answer_after_filing_something_and_a_lookup_is_a_fact() -> None:
    c = Conv()
    ask = c.user(
        "note for later: the slides use the department template. and does the venue want the slides as PDF?"
    )
    c.edit("talk/NOTES.md", "- slides: department template\n")
    c.run(
        "grep -n -i pdf talk/guide.txt",
        "17: Slides must be sent as a single PDF file (PDF 1.7) by 1 June.",
        text="Noted. Let me check the speaker guide.",
    )
    answer = c.say("Yes: the guide wants one PDF file (PDF 1.7) by 1 June.")
    facts = [f for f in of(c.items(), "fact") if "PDF 1.7" in f.text]
    assert len(facts) == 1 and {ask, answer} <= set(facts[0].entry_ids)
    assert not facts[0].text.startswith("Yes")


def test_a_yes_to_a_question_about_a_run_is_no_fact() -> None:
    c = Conv()
    c.user("did the nightly export finish?")
    c.run("systemctl status export.service", "Active: inactive (dead) since Tue 06:12")
    c.say("Yes, it finished at 06:12.")
    assert not of(c.items(), "fact")


def test_a_question_answered_with_options_is_no_fact() -> None:
    c = Conv()
    c.user("quel tarif je propose aux Martin pour la semaine ?")
    c.say(
        "Deux façons de faire : soit le tarif habituel, 120 € la nuit ; soit un forfait à 700 € la semaine. "
        "Laquelle préfères-tu ?"
    )
    assert not of(c.items(), "fact")
