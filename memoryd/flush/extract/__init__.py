"""Rules-based extraction of what a conversation decided, did and learned.

No LLM and no I/O: entries in, ``Item`` s out. The rules read *structure* first and words second.

* **Tool work gives outcomes.** A failing command (``isError``, ``Command exited with code N``)
  opens a *failure chain*. A later run of the same program that succeeds closes it (failed, then
  fixed); one that fails with a different error closes it and opens the next; a chain still open
  at the end is an unresolved failure and must be kept. Successful state-changing actions
  (commits, PRs, deploys, restarts, files and configs written) are grouped per stretch of work;
  reads, checks, installs and file shuffling are not outcomes. An assistant report that repeats
  measured numbers from tool output, or names a root cause, is an outcome too.
* **Exchanges give decisions, open questions and to-dos.** What an assistant turn offers is read
  from its shape (``exchanges``): options in lists or in running prose, the recommended one, a
  single suggestion, its question. The reply picks one (label, ordinal, comparative, identifier,
  its own words), agrees (the recommended option), delegates (the assistant's next choice), turns
  options down (``Rejected:``), or puts the question off (an open question). A later decision on
  the same options replaces the earlier one; a restatement cites the same item; an open question
  answered later in the range is dropped. A task with an owner or a due date is a to-do.
* **User sentences give facts and procedures**: "remember" requests and corrections (also of a
  single value the assistant said), standing rules and preferences (all must keep), environment
  facts (hosts, ports, versions), and ordered steps ("then ... then", ``a -> b -> c``), besides
  numbered how-tos the assistant writes in prose or into a document.

Only prose is read for words: code blocks, tool output, ``thinking`` and OpenClaw's envelope
(sender metadata, ``[Thu 2026-03-26 10:40 GMT+9]`` stamps, ``[[reply_to_current]]``) are removed
first. OpenClaw's own memory-flush turns, compaction summaries, custom and model-change entries,
gateway-injected messages and writes to memory files are never evidence. The words the dialogue
rules look at are closed classes of function words per language (``lexicon``: en, de, es, fr,
it, ja); everything else is structural. Each pass, and each user turn, runs guarded: a rule that
raises on a conversation nobody foresaw costs its own items there (logged as
``extract.rule_failed``), never the flush.

The package, one concern per module:

* ``prose`` — envelope stripping, code blocks, sentences, paragraphs, lists and options in prose;
* ``lexicon`` — function words per language (yes, no, later, always, or, which, ordinals ...);
* ``markers`` — the patterns the fact, tool and procedure rules still use (data only), on ``cues``;
* ``shell`` — shell command lines: simple commands, programs, what each one changes;
* ``messages`` — the visible conversation: messages, and tool calls joined to their results;
* ``context`` — the state the rules share over one range (drafts, consumed steps);
* ``tools`` — failure chains (failed, fixed, still failing), actions, reports of results;
* ``exchanges`` — the exchange unit; what an assistant turn offers, and which option a reply names;
* ``dialogue`` — the reply to an offer: decisions, rejections, open questions, reversals, to-dos;
* ``todos`` — tasks with an owner or a when (also confirmed by the assistant, or set with a
  reminder tool), points said to be still open, questions answered later;
* ``facts`` — conventions, preferences, environment facts, answers found by a lookup;
* ``corrections`` — the user putting a value right; ``remember`` — "remember ..." requests and
  their kin; ``fact_common`` — what those three share; ``said_back`` — a point the acknowledgement
  says back beside the one the turn is drafted as; ``own_rule`` — a rule the answer takes on as its
  own way of working;
* ``put_right``, ``denied`` — a bare "no" with another value, and a value denied with a verb of
  being: corrections; ``asides`` — replies that look like answers to an offer and are not, offers
  of nothing; ``put_off`` — the point a put-off names in passing; ``restated`` — tasks an
  acknowledgement says back; ``choice_said_back`` — a choice the user states alone, said back by the
  assistant's acknowledgement or a short "then" conclusion; ``counter`` — the plan a user's no puts
  in place of the assistant's ("... instead"); ``inverted`` — a doer named after its verb (es/it clitics);
  ``failures`` — failures a JSON answer states while the tool exits 0;
* ``procedures`` — dictated sequences and numbered how-tos (in prose or written to a document);
* ``budget`` — merging near-duplicate drafts, and bounding the block (recall first).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import structlog

from memoryd.flush.extract.ack_decided import ack_decided
from memoryd.flush.extract.budget import bound_items, merge_drafts
from memoryd.flush.extract.choice_said_back import choice_said_back
from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.counter import counter_proposals
from memoryd.flush.extract.denied import denied_values
from memoryd.flush.extract.dialogue import (
    explicit_lines,
    kept_open,
    own_choice_delegated,
    own_contrast,
    pending_picks,
    put_off_aside,
    read_reply,
    reversals,
    settle,
    unanswered_at_end,
    user_tasks,
)
from memoryd.flush.extract.facts import answered_facts, remember_requests, stated_facts, user_correction
from memoryd.flush.extract.failures import tool_chain_rules
from memoryd.flush.extract.figures import read_figures
from memoryd.flush.extract.follow_up import accepted_follow_ups
from memoryd.flush.extract.given_ids import given_ids
from memoryd.flush.extract.lexicon import FIRST, NO, YES, tokens
from memoryd.flush.extract.messages import Msg, language_of, visible_messages
from memoryd.flush.extract.own_rule import own_rule
from memoryd.flush.extract.procedures import assistant_how_to, doc_procedures, procedure_prose
from memoryd.flush.extract.prose import MAX_TEXT
from memoryd.flush.extract.put_right import no_put_right
from memoryd.flush.extract.restated import restated_tasks
from memoryd.flush.extract.said_back import said_back
from memoryd.flush.extract.side_answers import side_answers
from memoryd.flush.extract.small_talk import drop_small_talk_facts
from memoryd.flush.extract.taken_up import taken_up_values
from memoryd.flush.extract.todos import tool_reminders
from memoryd.flush.extract.tools import chain_rules, group_rules, report_rules
from memoryd.flush.extract.turned_back import turned_back
from memoryd.flush.items import Item
from memoryd.sources.transcript import Entry

__all__ = ["MAX_TEXT", "CollectorPause", "collector_paused", "extract_items"]

log = structlog.get_logger("memoryd.extract")


def _guarded(rule: Callable[..., Any], *args: Any) -> None:
    """Run one rule; if it raises, log it and go on. A bug in one rule, met on a conversation
    nobody foresaw, must cost that rule's items on that turn, never the whole flush: the other
    rules' items are still written, and the flush still completes exactly once."""
    try:
        rule(*args)
    except Exception as exc:  # any bug of any rule, by design
        log.warning(
            "extract.rule_failed",
            rule=getattr(rule, "__name__", repr(rule)),
            error=f"{type(exc).__name__}: {exc}"[:300],
        )


def _user_rules(ctx: Ctx) -> None:
    """Every user turn: a correction says it all; otherwise remember requests, a reversal or the
    reply to the assistant's offer, steps, to-dos, facts."""
    side, picks = pending_picks(ctx)  # side questions about pending options, and the picks after them
    filed: set[int] = set()  # assistant answers that filed the user's point as open
    chose: dict[int, Draft] = {}  # assistant turns that chose for the user, and the decision
    for m in ctx.msgs:
        if m.role == "user" and m.prose:
            _guarded(_user_turn, ctx, m, side, picks, filed, chose)


def _user_turn(
    ctx: Ctx, m: Msg, side: set[int], picks: dict[int, Msg], filed: set[int], chose: dict[int, Draft]
) -> None:
    """One user turn through the rules, in order (see ``_user_rules``)."""
    used: set[int] = set()
    start = len(ctx.drafts)
    prev = picks.get(m.pos) or ctx.prev_assistant(m.pos)
    if m.pos in ctx.answered and not _answers_offer(ctx, m, prev):
        prev = None  # the user's word on a failure, quoted by its outcome
    if prev is not None and prev.pos in filed:
        prev = None  # "Noted as open." asks nothing: the next turn is no reply to it
    if (ack := kept_open(ctx, m)) is not None:
        filed.add(ack.pos)
        used.update(range(len(m.sentences)))
    if reversals(ctx, m, used):  # "wait, make it TOML": turns a decision around, not a correction
        remember_requests(ctx, m, used)  # "..., our number is CT-1, remember that": beside it
        return
    replies = not turned_back(ctx, m, used)  # "scrap that, put it on monday 14th": no reply to the last turn
    if m.pos not in side and user_correction(ctx, m, prev):
        return
    if m.pos not in side and no_put_right(ctx, m, prev, used):
        prev = None  # "no!! 70.": the no puts a value right, it answers no offer
    denied_values(ctx, m, prev or ctx.prev_assistant(m.pos), used)  # "retro isn't the 9th, ...": a fact
    taken_up_values(ctx, m, used)  # "ce n'est pas 290, 240 par mois" - "Exact, 240 €": a fact
    remember_requests(ctx, m, used)
    if prev is not None and prev.pos in chose and _plain_yes(m):
        chose[prev.pos].pos.add(m.pos)  # "ok fine, laminate it is": the choice confirmed
        prev = None
    if (own := own_choice_delegated(ctx, m)) is not None:
        chose[max(own.pos)] = own
        prev = None  # the turn handed over its own choice: it answers nothing before it
    if prev is not None and m.pos not in side and replies:
        read_reply(ctx, m, prev, used)
    procedure_prose(ctx, m)
    user_tasks(ctx, m, used)
    stated_facts(ctx, m, used)
    given_ids(ctx, m, used)  # "Mandant M-20417" and the agent's calls on M-20417: where things are
    explicit_lines(ctx, m, decisions=not used)
    own_contrast(ctx, m, used)  # last: a turn any rule above read is theirs
    if prev is not None and m.pos not in side and replies:
        put_off_aside(ctx, m, prev, start)  # a point put off in passing, when nothing above kept it open


def _answers_offer(ctx: Ctx, m: Msg, prev: Msg | None) -> bool:
    """A yes to the one thing the assistant offered about a failure, or a no by which the user takes it
    on (“want me to write to their support?” - “no, I'll write to them”): a reply to that offer,
    whatever the failure's outcome quotes. A no that only says why to leave it is the outcome's note.
    Options in prose with one put to the user ("(a) ..., (b) .... Want me to do (b)?") offer that one."""
    offer = ctx.offer(prev) if prev is not None else None
    if offer is None or not (offer.single or (offer.options and offer.recommended is not None)):
        return False
    return YES.starts(m.prose) or (NO.starts(m.prose) and FIRST.hit(m.prose))


def _plain_yes(m: Msg) -> bool:
    """A short reply that only agrees ("ok fine, laminate it is"), no new point of its own."""
    return len(m.sentences) <= 2 and len(tokens(m.prose)) <= 8 and YES.starts(m.prose) and not NO.hit(m.prose)


def _assistant_rules(ctx: Ctx) -> None:
    """Assistant prose: numbered how-tos, explicit open points and decisions stated outright."""
    for m in ctx.msgs:
        if m.role == "assistant" and m.prose:
            _guarded(explicit_lines, ctx, m)
            _guarded(assistant_how_to, ctx, m)


def extract_items(entries: Sequence[Entry], *, max_items: int = 30, max_bytes: int = 4096) -> list[Item]:
    """The items a flush of ``entries`` should write, in ``KINDS`` order, each citing its entries.

    Output is bounded: at most ``max_items`` items and about ``max_bytes`` of text. Must-keep items
    are chosen first and are never dropped for bytes (only the item count can cut them), then the
    other kinds in ``KINDS`` order.

    The cyclic garbage collector is paused meanwhile: the rules leave no cycles behind, and with a
    long session's entries alive every collection of the oldest generation walks all of them (a
    quarter of the time on a 4 MB session).
    """
    with collector_paused():
        return _extract(entries, max_items, max_bytes)


class CollectorPause:
    """The cyclic garbage collector off while anyone extracts, back on (if it was) when the last
    one is done, whatever was raised.

    The rules allocate many small objects and make no cycles worth collecting mid-way, while each
    pass walks every live object (a long range's entries). ``gc.disable()`` is process-wide: with
    the daemon's extraction worker and the model's worker both in it, a per-call "was it on?"
    could read "off" while the other holds it and then leave it off for good. Counted under a
    lock, the first to enter decides and the last to leave restores; nesting is harmless.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._was_on = False

    @property
    def holders(self) -> int:
        return self._holders

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._holders == 0:
                self._was_on = gc.isenabled()
                gc.disable()
            self._holders += 1
        try:
            yield
        finally:
            with self._lock:
                self._holders -= 1
                if self._holders == 0 and self._was_on:
                    gc.enable()


#: The one pause of the process: the rules, ``pipeline.content_of`` and both daemon workers use it.
collector_paused = CollectorPause()


def _extract(entries: Sequence[Entry], max_items: int, max_bytes: int) -> list[Item]:
    msgs = visible_messages(entries)
    ctx = Ctx(msgs, language_of(msgs))
    _guarded(chain_rules, ctx)
    _guarded(tool_chain_rules, ctx)
    _guarded(_user_rules, ctx)
    _guarded(tool_reminders, ctx, entries)
    _guarded(restated_tasks, ctx)
    _guarded(accepted_follow_ups, ctx)  # "want me to check it that morning?" - "yep": the agent's, later
    _guarded(group_rules, ctx)
    _guarded(report_rules, ctx)
    _guarded(_assistant_rules, ctx)
    _guarded(doc_procedures, ctx)
    _guarded(answered_facts, ctx)
    _guarded(side_answers, ctx)
    _guarded(read_figures, ctx)
    _guarded(own_rule, ctx)  # (before said_back: a rule said back is kept as the rule)
    _guarded(said_back, ctx)
    _guarded(choice_said_back, ctx)
    _guarded(counter_proposals, ctx)
    _guarded(drop_small_talk_facts, ctx)
    _guarded(unanswered_at_end, ctx)
    _guarded(ack_decided, ctx)  # (after the reply rules: a turn they drafted is theirs)
    _guarded(settle, ctx)
    return [
        Item(
            kind=d.kind,
            text=d.text,
            entry_ids=tuple(msgs[p].id for p in sorted(d.pos)),
            must_keep=d.must_keep,
        )
        for d in bound_items(merge_drafts(ctx.drafts), max_items, max_bytes)
    ]
