"""A figure the assistant works out with a tool and then states, in its own format ("3187.5" -
"... comes to 3,187.50 € a year"), is a fact; a small count is not. New wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_a_figure_worked_out_with_a_tool_and_stated_is_a_fact() -> None:
    c = Conv()
    c.user("Le loyer passe à 850 € par mois, les charges restent à 62,50 €.")
    out = c.run("python3 -c 'print((850 + 62.5) * 12)'", "10950.0", text="Je recalcule.")
    said = c.say("Sur l'année, cela fait 10 950 € charges comprises, soit 630 € de plus qu'avant.")
    facts = [f for f in of(c.items(), "fact") if "10 950" in f.text]
    assert len(facts) == 1 and {out, said} <= set(facts[0].entry_ids)


def test_a_small_count_from_a_tool_is_no_fact() -> None:
    c = Conv()
    c.user("how many open tickets are left?")
    c.run("grep -c open tickets.txt", "7")
    c.say("There are 7 left, all assigned.")
    out = c.items()
    assert not [f for f in of(out, "fact") if f.text.startswith("There are 7")]
