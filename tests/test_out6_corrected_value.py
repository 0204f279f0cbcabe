"""A failing command run again as written but for one corrected argument (the folder's id for its
name) is the same work: the failure is got past, one outcome, nothing left open (conversations built
here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def _share(c: Conv, ask: str, report: str) -> tuple[str, str]:
    c.user(ask)
    failed = c.run(
        "drivectl grant --folder 'Team Docs' --with ana@example.org --role writer",
        "error: folder 'Team Docs' not found (use `drivectl folders` to see folder ids)",
        code=1,
    )
    c.run("drivectl folders", "ID            NAME\nfld_82hq      Team documents\nfld_19zz      Archive")
    done = c.run(
        "drivectl grant --folder fld_82hq --with ana@example.org --role writer",
        "shared fld_82hq 'Team documents' with ana@example.org (writer)",
    )
    c.say(report)
    return failed, done


def test_a_rerun_with_the_corrected_value_closes_the_failure_en() -> None:
    c = Conv()
    failed, done = _share(
        c,
        "Please give Ana write access to our team docs folder, she starts on Monday and needs the templates.",
        "Done: Ana can now edit the 'Team documents' folder (fld_82hq).",
    )
    (out,) = outcomes(c.items())
    assert {failed, done} <= set(out.entry_ids)
    assert not out.must_keep and "fld_82hq" in out.text


def test_a_rerun_with_the_corrected_value_closes_the_failure_it() -> None:
    c = Conv()
    failed, done = _share(
        c,
        "Per favore dai ad Ana l'accesso in scrittura alla cartella dei documenti del team, lunedì inizia.",
        "Fatto: Ana ora può modificare la cartella 'Team documents' (fld_82hq).",
    )
    (out,) = outcomes(c.items())
    assert {failed, done} <= set(out.entry_ids)
    assert not out.must_keep


def test_a_rerun_that_changes_two_values_is_other_work() -> None:
    """Another folder for another person is other work: the failure stays open."""
    c = Conv()
    c.user("Please give Ana write access to our team docs folder, and Ben read access to the archive.")
    c.run(
        "drivectl grant --folder 'Team Docs' --with ana@example.org --role writer",
        "error: folder 'Team Docs' not found (use `drivectl folders` to see folder ids)",
        code=1,
    )
    c.run(
        "drivectl grant --folder fld_19zz --with ben@example.org --role writer",
        "granted fld_19zz 'Archive' to ben@example.org (writer)",
    )
    c.say("Ben has the archive; for Ana the folder name was not found, so she has no access yet.")
    assert any(o.must_keep for o in outcomes(c.items()))
