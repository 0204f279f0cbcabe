"""A reply to the assistant that its acknowledgement states as what was decided.

"hmm ok let it run" - "Alright, backup runs as usual tonight."; "nee, ... wir bleiben bei 14, den
rest zahlt das departamento" - "Gut, 14 € bleiben, und die 225,50 € kommen aus dem
Exkursionsbudget."; "non tant pis pour le budget, on fait Vagabonde + Mado" - "Entendu, Vagabonde
pour le salé et Mado pour les desserts, 1 080 € en tout.". The user answers what the assistant put
(a suggestion in prose, options, a question), often in a few loose words, and the assistant's very
next words open with an acknowledgement and say the outcome back in one clause that shares the
reply's words. That clause is the decision (must keep), citing the assistant's turn, the reply and
the acknowledgement. ``choice_said_back`` reads a clause with a negation or a "then" when no rule
read the turn; this one reads any clause that says the reply back, when no decision of the turn
was drafted at all, or only the refusal of one of two or more options (the other is taken: "kein
cron, mach ich montag per hand" - "Alles klar: kein Cronjob, du holst die Belege am Montag").
A reply that turns the offer around ("ok scrap that, import it into code for now") whose
acknowledgement says back what is not done ("Okay, importing it then, not removing.") adds that
clause to the one decision drafted for it: it is where the decision says which way it went.

Not a decision: a clause in the first person (what the agent will do or leave: "I'll leave the flu
shot alone"), one that waits ("until", "open", "for now", "waits") or opens with a later word (a
task), a question, a point a to-do or a fact of the turn holds (a value put right said back: "38
heures pour Sami"), one the user's standing rule says more of than any other sentence, one another
rule quotes already. Mind reversals: when the user's next turn comes back to the point ("wait, ...
stopping it nightly breaks that") or a later decision re-decides it, this acknowledgement settled
nothing; a later acknowledgement of this rule on the same point replaces the earlier one. Words: the
acknowledgements, first person, waiting, later and rule words per language, closed classes.
"""

from __future__ import annotations

from typing import Final

from memoryd.flush.extract.choice_said_back import _ACK, _PARKED, _content
from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.exchanges import introduced_names
from memoryd.flush.extract.lexicon import (
    DOUBT,
    FIRST,
    FORGET,
    LATER,
    NO,
    OPEN,
    REVERSAL,
    RULE,
    UNTIL,
    YES,
    Words,
    tokens,
)
from memoryd.flush.extract.markers import LABELS
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, is_question, plain

#: The ``Rejected:`` labels of every language.
_REJECTED: Final = tuple(labels["rejected"].strip() for labels in LABELS.values())

#: The shortest and the longest clause read as one decision, in words.
_MIN_WORDS: Final = 3
_MAX_WORDS: Final = 26

#: Waiting verbs: "Clause 9 waits for Inés" parks the point.
_WAITS: Final = Words("wait|waits|warten|wartet|espera|esperan|attend|attendent|aspetta|aspettano")

#: The most words a reply that only agrees has ("hmm ok let it run").
_SHORT_YES: Final = 6


def _clause(ack: Msg) -> str:
    """The clause after the acknowledgement opening ``ack``'s first sentence, when it states
    something (no question, no first person, nothing parked); else ""."""
    first = plain(ack.sentences[0]).strip()
    head = _ACK.match(first)
    if head is None:
        return ""
    rest = first[head.end() :].strip()
    if (
        len(rest.split()) < _MIN_WORDS
        or len(tokens(rest)) > _MAX_WORDS
        or is_question(rest)
        or has_secret(rest)
    ):
        return ""
    if FIRST.hit(rest) or UNTIL.hit(rest) or OPEN.hit(rest) or _PARKED.hit(rest) or _WAITS.hit(rest):
        return ""
    return "" if RULE.hit(rest) or LATER.starts(rest) else rest  # "Tomorrow: a deploy hook ...": a task


def _says_back(said: str, m: Msg, prev: Msg) -> bool:
    """The clause repeats the reply: two of its longer words from the reply or the turn before,
    one of them the reply's, or a name or value of the reply."""
    own = _content(said)
    mine = own & _content(m.prose)
    names = introduced_names(said, False) & introduced_names(m.prose, False)
    shared = own & (_content(m.prose) | _content(prev.prose))
    if YES.hit(m.prose) and not NO.hit(m.prose) and len(tokens(m.prose)) <= _SHORT_YES:
        return bool(shared)  # "hmm ok let it run" - "Alright, backup runs as usual tonight"
    return bool(names) or (bool(mine) and len(shared) >= 2)


def _ruled(m: Msg, said: str) -> bool:
    """A standing rule or a doubt of the reply shares the clause's words and no other sentence
    does: the assistant says the rule back, not a choice (one that says a choice and the rule
    beside it is the choice: "en trois fois ... jamais de pénalités" - "Okapi en trois échéances
    sans pénalités")."""
    own = _content(said)
    best = ruled = 0
    for s in m.sentences:
        n = len(own & _content(s))
        if RULE.hit(s) or DOUBT.hit(s):
            ruled = max(ruled, n)
        else:
            best = max(best, n)
    return ruled > 0 and best == 0


def _holds(ctx: Ctx, m: Msg, said: str) -> bool:
    """A to-do or a fact of the turn (a correction, a rule) has half the clause's words: the
    assistant says that back, not a choice."""
    own, values = _content(said), introduced_names(said, False)
    return any(
        d.kind in ("todo", "fact")
        and m.pos in d.pos
        and (
            len(own & _content(d.text)) * 2 >= len(own)
            or not values.isdisjoint(introduced_names(d.text, False))
        )
        for d in ctx.drafts
    )


def _taken_up(ctx: Ctx, ack: Msg, said: str) -> bool:
    """The user's next turn comes back to the point (two of the clause's words, no yes first: "wait,
    ... stopping it nightly breaks that"), or a later decision re-decides it: not settled here."""
    own = _content(said)
    nxt = ctx.next_user(ack.pos)
    if (
        nxt < len(ctx.msgs)
        and not YES.starts(ctx.msgs[nxt].prose)
        and len(own & _content(ctx.msgs[nxt].prose)) >= 2
    ):
        return True
    return any(
        d.kind == "decision" and min(d.pos) > ack.pos and len(own & _content(d.text)) >= 2 for d in ctx.drafts
    )


def _earlier(mine: list[Draft], said: str) -> Draft | None:
    """A decision this rule drafted before on the same point (half the words shared): a later
    acknowledgement that re-decides it replaces it ("captures anglaises" ... "captures en français")."""
    own = _content(said)
    return next((d for d in reversed(mine) if len(own & _content(d.text)) * 2 >= len(own)), None)


def _open_to(ctx: Ctx, m: Msg, prev: Msg) -> bool:
    """No decision of the turn was drafted, or only refusals of options of which another is left."""
    found = [d for d in ctx.drafts if d.kind == "decision" and m.pos in d.pos]
    if not found:
        return True
    options = ctx.offer(prev).options
    return (
        len(options) >= 2 and len(found) < len(options) and all(d.text.startswith(_REJECTED) for d in found)
    )


def _turned(ctx: Ctx, m: Msg, said: str) -> Draft | None:
    """The decision of a reply that turns the offer around ("ok scrap that, import it into code for
    now"), when the clause says back what is not done ("Okay, importing it then, not removing."):
    the clause is added to it, the one place the decision says which way it went."""
    if not NO.hit(said) or not any(REVERSAL.hit(s) or FORGET.hit(s) for s in m.sentences):
        return None
    found = [
        d for d in ctx.drafts if d.kind == "decision" and m.pos in d.pos and not d.text.startswith(_REJECTED)
    ]
    if len(found) != 1:
        return None
    own = _content(said)
    return None if len(own & _content(found[0].text)) * 2 >= len(own) else found[0]  # (not said twice)


def ack_decided(ctx: Ctx) -> None:
    """Draft the decision an acknowledgement says back after the user's reply (see the module)."""
    mine: list[Draft] = []
    for m in ctx.msgs:
        if m.role != "user" or not m.prose or not m.sentences or any(map(is_question, m.sentences)):
            continue
        prev = ctx.prev_assistant(m.pos)
        ack = ctx.prose_after(m.pos, text_only=False)
        if prev is None or ack is None or not ack.sentences:
            continue
        said = _clause(ack)
        if not said or not _says_back(said, m, prev) or _ruled(m, said):
            continue
        if (turned := _turned(ctx, m, said)) is not None:
            turned.text, turned.pos = f"{turned.text}; {said.rstrip('.!。 ')}", turned.pos | {ack.pos}
            continue
        if not _open_to(ctx, m, prev):
            continue
        if (
            _holds(ctx, m, said)
            or _taken_up(ctx, ack, said)
            or any(said.rstrip(".!。 ") in d.text for d in ctx.drafts)
        ):
            continue  # (an acknowledgement another rule quotes is theirs)
        text = said.rstrip(".!。 ")
        text, pos = f"{text[:1].upper()}{text[1:]}", {prev.pos, m.pos, ack.pos}
        if (old := _earlier(mine, said)) is not None:
            old.text, old.pos = text, old.pos | pos
        elif (new := ctx.add("decision", text, pos, must_keep=True)) is not None:
            mine.append(new)


__all__ = ["ack_decided"]
