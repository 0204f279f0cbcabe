"""A flush leaves no conversation text in the rules' memo caches (``memoryd.flush.memo``).

The rules memoise pure answers about sentences; a daemon that kept them between flushes would hold
the last ranges' words, secrets included, for weeks. ``content_of`` empties them once its items
are out; the items are the same either way.
"""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.extract import extract_items
from memoryd.flush.memo import cached_entries, clear
from memoryd.flush.pipeline import content_of
from memoryd.sources.transcript import Entry, parse_lines


def _entries() -> list[Entry]:
    c = Conv()
    c.user("the staging db password is Kelp-Orbit-73, use it for the migration check")
    c.say("Should I run the migration on staging first, or go straight to production?")
    c.user("staging first. and from now on always run migrations on staging before prod")
    c.say("Will do: staging first, then prod.")
    _, entries, errors = parse_lines(b"\n".join(c.lines) + b"\n")
    assert errors == []
    return list(entries)


def test_a_flush_leaves_the_caches_empty() -> None:
    entries = _entries()
    clear()
    extract_items(entries)
    assert cached_entries() > 0  # the rules did memoise answers about these sentences
    content = content_of(entries, [])
    assert cached_entries() == 0
    assert content.items  # and the flush kept what it keeps
    assert all("Kelp-Orbit-73" not in i.text for i in content.items)


def test_clearing_changes_no_item() -> None:
    entries = _entries()
    clear()
    cold = content_of(entries, [])
    extract_items(entries)  # warm caches
    warm = content_of(entries, [])
    assert cold.items == warm.items


def test_the_options_laid_out_in_a_range_are_not_kept_after_it() -> None:
    """``facts`` reads a range's laid-out options once and keeps them for the range's other turns."""
    from memoryd.flush.extract import facts
    from memoryd.flush.extract.context import Ctx
    from memoryd.flush.extract.messages import language_of, visible_messages

    c = Conv()
    c.user("which backup target should we use for the NAS?")
    c.say(
        "Two options:\n1. Restic to B2, about 4 EUR a month\n2. Borg to the old Pi at home\n\nWhich one do you want?"
    )
    c.user("the first one. I never trust the Pi with backups")
    c.say("Going with Restic to B2.")
    _, parsed, _ = parse_lines(b"\n".join(c.lines) + b"\n")
    entries = list(parsed)
    msgs = visible_messages(entries)
    clear()
    assert facts._laid_out(Ctx(msgs, language_of(msgs)))  # the options, read once for the range
    assert facts._LAID_OUT
    content_of(entries, [])
    assert not facts._LAID_OUT
