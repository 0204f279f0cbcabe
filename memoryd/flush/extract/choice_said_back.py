"""A choice the user states alone, which the assistant's acknowledgement says back.

"actually, about the cron, forget it, it's their bug" - "Makes sense, no nightly cron then; the
dedupe stays a manual script."; "kein cron, ... mach ich montag per hand" - "Alles klar: kein
Cronjob, du holst die Belege am Montag ...". No option list need stand before it: the user settles a
point in passing, often with its reason, and the assistant's very next words open with an
acknowledgement and say the point back with a negation or a "then" ("Un CSV por grupo entonces",
"Captures en français alors"), or with a short conclusion that has a "then" at either end and no
speaker of its own ("PrintHaus then.", "Dann Variante 3, der Server."; a label is written as the
option it names). That said-back clause is what was decided (must keep), with the user's sentence
on it as the why. A conclusion with a conditional modal ("then 10G would be ...") supposes, it
settles nothing.

It is not a decision when the point said back is a standing rule (the user's sentence on it has a
rule word: "never reboot the NAS between 01:00 and 03:00" - "Got it, no NAS reboots then"), when it
waits for something ("until", "open", "for now"), when it is a question, when a to-do of the turn
has its words, or when another rule already read the turn as a decision or an open question.
Words: acknowledgements, negations, "then", "until", put-off words and conditional modals per
language, closed classes.
"""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.exchanges import named_option
from memoryd.flush.extract.lexicon import DOUBT, FIRST, NO, OPEN, RULE, THEN, UNTIL, Words, stems, tokens
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, is_question, plain

#: An acknowledgement opening the answer: "Makes sense,", "Alles klar:", "Entendu,", "Vale,".
_ACK: Final = re.compile(
    r"^\W*(?:ok(?:ay)?|understood|alright|all right|fair enough|fair|makes sense|got it|right|sure|"
    r"alles klar|verstanden|in ordnung|einverstanden|gut|okay|"
    r"vale|entendido|de acuerdo|perfecto|tiene sentido|"
    r"entendu|compris|d'accord|très bien|ça marche|"
    r"capito|d'accordo|va bene|ha senso|perfetto)(?![\w'’])[\s,.:;!—-]*",
    re.I,
)

#: Waiting words the said-back clause must not have: the point is parked, not settled.
_PARKED: Final = Words(
    "for now|yet|not yet|for the moment|pending|noch nicht|vorerst|erstmal|por ahora|todavía|aún|"
    "pour l'instant|pour le moment|pas encore|per ora|per adesso|non ancora"
)

#: A "then" word opening the said-back clause, left out of the decision's text.
_LEAD_THEN: Final = re.compile(r"^(?:" + "|".join(map(re.escape, sorted(THEN.singles))) + r")\s+", re.I)

#: The longest said-back clause read as one point, in words.
_MAX_WORDS: Final = 24

#: Conditional modals: a conclusion with one is a supposition ("Then 10G would mostly be ..."), not a choice.
_MAYBE: Final = Words(
    "would|could|might|würde|würden|könnte|könnten|wäre|wären|sería|serían|podría|podrían|serait|seraient|"
    "pourrait|pourraient|sarebbe|sarebbero|potrebbe|potrebbero"
)

#: The longest conclusion with a "then" and no acknowledgement before it, in words.
_MAX_CONCLUSION: Final = 12


def _content(text: str) -> frozenset[str]:
    """The longer words of ``text`` but negations (``lexicon.stems``)."""
    return stems(text, negations=False)


def _concluded(first: str) -> bool:
    """A short conclusion with a "then" at either end and no speaker of its own ("Optika B-61 then.",
    "Dann Variante 3, der Server."): the assistant says what the user's words settle."""
    toks = tokens(first)
    if not 2 <= len(toks) <= _MAX_CONCLUSION or FIRST.hit(first) or _MAYBE.hit(first) or is_question(first):
        return False
    return toks[0] in THEN.singles or toks[-1] in THEN.singles


def _said(ack: Msg) -> str:
    """The clause after the acknowledgement that opens ``ack``, when it negates a point or concludes
    with a "then" and waits for nothing; else ""."""
    if not ack.sentences:
        return ""
    first = plain(ack.sentences[0]).strip()
    head = _ACK.match(first)
    if head is None:
        return _kept(first) if _concluded(first) else ""
    rest = first[head.end() :].strip()
    if not rest and len(ack.sentences) > 1:
        rest = plain(ack.sentences[1]).strip()  # "Fair enough." then the point
    return _kept(rest)


def _kept(rest: str) -> str:
    """``rest`` when it is one point negated or concluded with a "then" that waits for nothing, else
    ""."""
    toks = tokens(rest)
    if (
        not 2 <= len(toks) <= _MAX_WORDS
        or is_question(rest)
        or has_secret(rest)
        or not (NO.hit(rest) or THEN.hit(rest))
    ):
        return ""
    if UNTIL.hit(rest) or OPEN.hit(rest) or _PARKED.hit(rest) or RULE.hit(rest):
        return ""
    return rest


def _why(m: Msg, said: str) -> tuple[str, bool]:
    """The user's sentence the clause says back (most shared words; else the turn's first), and
    whether a standing rule or a doubt shares as many of its words as any choice does."""
    own = _content(said)
    best, score, ruled = "", 0, 0
    for s in m.sentences:
        n = len(own & _content(s))
        if RULE.hit(s) or DOUBT.hit(s):
            ruled = max(ruled, n)
        elif n > score:
            best, score = plain(s).strip(), n
    if not best:
        best = plain(m.sentences[0]).strip() if m.sentences else ""
    return best, ruled > 0 and ruled >= score


def _read(ctx: Ctx, m: Msg) -> bool:
    """Whether another rule already read the turn (or its answer) as a decision or an open point, or
    the answer as a fact it says back (``own_rule``, ``said_back``: a rule or a point taken on)."""
    ack = ctx.prose_after(m.pos, text_only=False)
    cited = {m.pos} | ({ack.pos} if ack is not None else set())
    return any(
        (d.kind in ("decision", "open_question") and not d.pos.isdisjoint(cited))
        or (d.kind == "fact" and ack is not None and ack.pos in d.pos)
        for d in ctx.drafts
    )


def _task(ctx: Ctx, m: Msg, said: str, kinds: tuple[str, ...] = ("todo",)) -> bool:
    """Whether a to-do of the turn (or a draft of another of ``kinds``) has the clause's words: a
    task said back, or a fact the assistant plans by ("Allora metto le prove il giovedì"), not a
    choice."""
    own = _content(said)
    return any(
        d.kind in kinds and m.pos in d.pos and not own.isdisjoint(_content(d.text)) for d in ctx.drafts
    )


def _named(ctx: Ctx, prev: Msg | None, said: str) -> str:
    """The option a short said-back clause names by its label ("Variante 3, der Server"), in the
    option's own words; else the clause."""
    options = ctx.offer(prev).options if prev is not None else ()
    if not options or len(tokens(said)) > 6:
        return said
    i = named_option(said, options, first=False, strong=True)
    return said if i is None else options[i].text


def choice_said_back(ctx: Ctx) -> None:
    """Draft a decision for each user turn whose point the assistant's next words say back negated
    or with a "then" (see the module)."""
    for m in ctx.msgs:
        if m.role != "user" or not m.prose or not m.sentences or _read(ctx, m):
            continue
        ack = ctx.prose_after(m.pos, text_only=False)
        said = _said(ack) if ack is not None else ""
        if ack is None or not said:
            continue
        prev = ctx.prev_assistant(m.pos)
        why, rule = _why(m, said)
        shared = _content(said) & (_content(m.prose) | (_content(prev.prose) if prev else frozenset()))
        kinds = ("todo",) if _ACK.match(plain(ack.sentences[0])) else ("todo", "fact")
        if rule or not shared or not why or _task(ctx, m, said, kinds):
            continue
        said = _named(ctx, prev, _LEAD_THEN.sub("", said))  # "dann keine Erinnerung", "Dann Variante 3"
        text = f"{said[:1].upper()}{said[1:].rstrip('.!。 ')} ({why.rstrip('.!。 ')})"
        ctx.add("decision", text, {m.pos, ack.pos}, must_keep=True)


__all__ = ["choice_said_back"]
