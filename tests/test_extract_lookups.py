"""What was made faster answers exactly what it replaced: the range's look-ups tabled once (``Ctx``),
the per-message analyses read once (``Msg``), on a conversation with tool turns in between; and a
failure pattern searched one alternative at a time (``tools._AnyOf``), on lines of tool output."""

from __future__ import annotations

import re

from test_extract import Transcript

from memoryd.flush.extract import dialogue, facts, markers, procedures, prose, tools
from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.cues import Cue
from memoryd.flush.extract.markers import LEAD_FILLER
from memoryd.flush.extract.messages import Msg, visible_messages
from memoryd.flush.extract.prose import (
    Block,
    Option,
    is_question,
    list_blocks,
    paragraphs,
    plain,
    split_sentences,
)
from memoryd.flush.extract.tools import _TEXT_FAILURE, _AnyOf


def _ctx() -> Ctx:
    t = Transcript()
    t.assistant("Morning. Shall I look at the nightly export first?")
    t.user("yes please, the export to the archive bucket failed twice this week")
    t.bash("ls exports/", "2026-11-19.csv\n2026-11-20.csv", text="Looking at the folder.")
    t.assistant(
        "Two ways to fix it:\n\n1. Retry with a longer timeout\n2. Split the export by day\n\nWhich one?"
    )
    t.bash("df -h /srv", "/dev/sda1  40G  39G  1G  98% /srv")
    t.user("well, split it by day. And keep the old files for a month.")
    t.assistant("", [{"type": "toolCall", "id": "c9", "name": "read", "arguments": {"path": "export.py"}}])
    t.tool("read", {"path": "export.py"}, "def export(day): ...")
    t.assistant("Done: the export now writes one file a day.\n\nI kept the old files. Anything else?")
    t.user("no, thanks")
    t.user("oh, one more: ping me when the first daily file lands")
    t.assistant("Will do.")
    return Ctx(visible_messages(t.entries()), "en")


def _prev_scan(ctx: Ctx, pos: int) -> Msg | None:
    return next((m for m in ctx.before(pos) if m.role == "assistant" and m.prose), None)


def _after_scan(ctx: Ctx, pos: int, text_only: bool) -> Msg | None:
    return next(
        (m for m in ctx.after(pos) if m.role == "assistant" and m.prose and not (text_only and m.has_calls)),
        None,
    )


def test_tabled_lookups_answer_what_the_scans_answer() -> None:
    ctx = _ctx()
    assert len(ctx.msgs) >= 12
    for pos in range(len(ctx.msgs)):
        assert ctx.prev_assistant(pos) is _prev_scan(ctx, pos), pos
        for text_only in (True, False):
            assert ctx.prose_after(pos, text_only) is _after_scan(ctx, pos, text_only), (pos, text_only)
        scanned = [x for x in ctx.msgs[:pos] if x.role == "assistant" and x.prose and x.proposal]
        assert ctx.proposals_before(pos) == scanned, pos


def test_tabled_lookups_see_through_tool_turns_and_stop_at_the_user() -> None:
    ctx = _ctx()
    split = next(m for m in ctx.msgs if m.role == "user" and "split it" in m.prose)
    offer = ctx.prev_assistant(split.pos)
    assert offer is not None and offer.proposal  # the options, with a tool run after them
    assert [m.pos for m in ctx.proposals_before(split.pos)] == [offer.pos]
    done = ctx.prose_after(split.pos)
    assert done is not None and done.prose.startswith("Done")
    thanks = next(m for m in ctx.msgs if m.prose == "no, thanks")
    assert ctx.prev_assistant(thanks.pos + 1) is None  # a user turn right after a user turn
    assert ctx.prose_after(len(ctx.msgs) - 1) is None
    assert ctx.prev_assistant(len(ctx.msgs)) is _prev_scan(ctx, len(ctx.msgs))  # past the end: scanned


def test_message_analyses_are_the_functions_they_cache() -> None:
    for m in _ctx().msgs:
        assert m.paragraphs == tuple(paragraphs(m.prose))
        assert m.tail == (split_sentences(paragraphs(m.prose)[-1]) if m.prose else ())
        assert m.cores == tuple(LEAD_FILLER.sub("", s) for s in m.sentences)
        assert m.asks == any(is_question(s) for s in m.sentences)
    split = next(m for m in _ctx().msgs if "split it" in m.prose)
    assert split.cores[0].startswith("split")  # "well," is lead filler


_OUTPUT_LINES = (
    "==== 2 failed, 40 passed in 3.20s ====",
    "==== 12 passed, 0 failed in 1.2s ====",
    "FAILED tests/test_orders.py::test_total - AssertionError",
    "--- FAIL: TestPut (0.00s)",
    "test result: FAILED. 3 passed; 1 failed",
    "test result: ok. 9 passed; 0 failed",
    "  [ERROR] could not resolve host",
    "error: failed to push some refs",
    "Error - the deploy key is missing",
    'ERROR: relation "orders" does not exist',
    "npm ERR! code ELIFECYCLE",
    "FAILURES!",
    "Tests: 5, Assertions: 9, Failures: 0.",
    "FAILED (failures=2, errors=1)",
    "errors=0 warnings=3",
    "job 7 errored after 3 retries",
    "login ...... FAILED",
    "migrate: ERROR",
    "health check - FAIL",
    "Failed to connect to db-1:5432",
    "    return Response(body, status=404)",
    "| orders_daily | dbt_run | failed",
    "the pipeline has no error handling for 3 errors in a row",
    "PREFAILED: not a failure word",
    "ERRORS: 4",
    "3 broken links",
    "x.errored",
    "",
)


def test_a_pattern_searched_by_alternative_says_what_the_alternation_says() -> None:
    shapes = [shape for _, shape in _TEXT_FAILURE if isinstance(shape, _AnyOf)]
    assert shapes
    lines = [*_OUTPUT_LINES, *(ln.lower() for ln in _OUTPUT_LINES), *(ln.upper() for ln in _OUTPUT_LINES)]
    lines += [" " * 3 + ln for ln in _OUTPUT_LINES] + [ln[: len(ln) // 2] for ln in _OUTPUT_LINES]
    for shape in shapes:
        whole = re.compile(shape.pattern)
        hits = [ln for ln in lines if whole.search(ln)]
        assert 10 < len(hits) < len(lines)  # the lines tell yes from no
        for ln in lines:
            assert shape.search(ln) == bool(whole.search(ln)), ln


def test_a_cue_pre_check_says_what_a_scan_of_its_needles_says() -> None:
    cues = {
        id(v): v
        for mod in (markers, facts, dialogue, tools, procedures)
        for v in vars(mod).values()
        if isinstance(v, Cue)
    }
    assert len(cues) >= 10
    texts = [ln.lower() for ln in _OUTPUT_LINES] + [
        "wait, that's not right: it was 3 → 4",
        "違います、ポートは5432です",
        "then run make, after that make test",
        "i'd recommend plan b",
        "mail me at a@b.example",
        "50% of /srv is used",
        "nothing to see here",
    ]
    matched = 0
    for cue in cues.values():
        for text in texts:
            expected = any(n in text for n in cue.needles)
            assert cue.may_match(text) == expected, (cue.needles[:3], text)
            matched += expected
    assert matched >= 10


def _list_blocks_every_line(text: str) -> tuple[Block, ...]:
    """``list_blocks`` as it was, every line through the regexes."""
    blocks: list[tuple[str, list[tuple[str, str]]]] = []
    header = ""
    current: list[tuple[str, str]] | None = None
    for line in text.splitlines():
        if not line.strip() or prose.TABLE_RULE.match(line):
            continue
        m = prose._NUMBERED.match(line) or prose._BULLET.match(line) or prose.TABLE_ROW.match(line)
        if m and not prose._INDENTED.match(line):
            if current is None:
                current = []
                blocks.append((header, current))
            label = m.group(1) if m.re is prose._NUMBERED else str(len(current) + 1)
            current.append((label, m.group(m.lastindex or 1).replace("|", " ")))
        elif not m:
            header, current = line.strip(), None
    return tuple(Block(h, tuple(Option(lb, plain(t)) for lb, t in items)) for h, items in blocks)


def test_list_blocks_skipping_prose_lines_finds_the_same_lists() -> None:
    texts = [
        "Two ways:\n\n1. Retry with a longer timeout\n2) Split the export by day\n\nWhich one?",
        "Plan:\n- build\n  - nested item\n* test\n+ ship\n• tell the team\nDone.",
        "| host | port |\n| --- | --- |\n| db-1 | 5432 |\n|:---|\nAfter the table.",
        " 12. twelfth\n  3. indented three\n-not a bullet\n--- a rule\n:-- half a rule\n١. arabic digit",
        "Just prose.\nNo list here, 3 things only in words.\n\n\u00a0- a bullet after a no-break space",
    ]
    found = 0
    for text in texts:
        assert list_blocks(text) == _list_blocks_every_line(text), text
        found += len(list_blocks(text))
    assert found >= 5
