"""An action's bullet is led by what it made (a commit by its hash, a file by its path); a report
sentence that only names those again ("Committed as `3f2a1b9`.", "Saved to notes/plan.md.") adds
nothing and is not its result."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_a_report_that_only_names_the_file_again_is_not_the_result() -> None:
    c = Conv()
    c.user("write the seating plan into notes/plan.md")
    c.call(
        "write",
        {"path": "notes/plan.md", "content": "# Seating plan\n\n- table 1: Ana, Luis\n"},
        "Successfully wrote 512 bytes to notes/plan.md",
    )
    c.say("Saved to notes/plan.md.")
    (out,) = outcomes(c.items())
    assert "notes/plan.md" in out.text and "Saved to" not in out.text


def test_a_report_that_only_names_the_commit_again_in_german() -> None:
    c = Conv()
    c.user("Bitte den Wochenbericht committen und pushen.")
    c.run(
        "git add reports/w49.md && git commit -m 'Wochenbericht W49' && git push",
        "[main 3f2a1b9] Wochenbericht W49\n 1 file changed, 24 insertions(+)",
    )
    c.say("Committet als `3f2a1b9`.")
    (out,) = outcomes(c.items())
    assert "3f2a1b9" in out.text and "Committet als" not in out.text
