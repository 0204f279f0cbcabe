"""A requested edit reported by the agent is an outcome; editing it again updates it (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def _edit(c: Conv, path: str, old: str, new: str) -> str:
    return c.call(
        "edit", {"path": path, "oldText": old, "newText": new}, f"Successfully replaced text in {path}."
    )


def test_an_edit_asked_for_and_reported_is_an_outcome_and_a_correction_replaces_it() -> None:
    c = Conv()
    c.user("トップページのお知らせを「12月29日から休業」に変えてください。")
    first = _edit(c, "site/notice.html", "12月28日から休業", "12月29日から休業")
    c.say("site/notice.html のお知らせを「12月29日から休業」に変更しました。")
    c.user("ごめん、30日だった")
    second = _edit(c, "site/notice.html", "12月29日から休業", "12月30日から休業")
    c.say("直しました: site/notice.html は「12月30日から休業」です。")
    (out,) = outcomes(c.items())
    assert "30日" in out.text and "29日" not in out.text
    assert second in out.entry_ids and first not in out.entry_ids


def test_an_edit_then_a_question_is_no_outcome() -> None:
    c = Conv()
    c.user("Put the new opening hours in hours.md.")
    _edit(c, "docs/hours.md", "Mon-Fri 9-17", "Mon-Fri 8-18")
    c.say("I changed docs/hours.md to Mon-Fri 8-18. Should Saturday be listed too?")
    assert outcomes(c.items()) == []


def test_a_file_written_then_corrected_is_one_outcome() -> None:
    c = Conv()
    c.user("Write the welcome note for the Okafor family into notes/welcome-okafor.md.")
    wrote = c.call(
        "write",
        {
            "path": "notes/welcome-okafor.md",
            "content": "# Welcome\n\nCheck-in from 15:00, key box code in the app.\n",
        },
        "Successfully wrote 58 bytes to notes/welcome-okafor.md",
    )
    c.say("Welcome note written to notes/welcome-okafor.md.")
    c.user("check-in is from 16:00 actually")
    fixed = _edit(c, "notes/welcome-okafor.md", "from 15:00", "from 16:00")
    c.say("Fixed: check-in from 16:00 in notes/welcome-okafor.md.")
    (out,) = outcomes(c.items())
    assert {wrote, fixed} <= set(out.entry_ids) and "16:00" in out.text
