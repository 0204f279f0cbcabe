"""A choice turned back to an option offered before, and said back by the assistant.

The user drops what was settled ("scrap that, put it on monday 14th, 3rd", "forget the Urban
Arrow", "scrap the cream ... change the paper to the recycled textured") and the assistant's very
next words say the new choice back ("Right, Monday 14 December, 3rd period then."). What the turn
names is no option of the assistant's last turn but of one before it: the user goes back to an
earlier offer. The decision is what the assistant said back, citing that earlier offer, the turn
and the confirmation; a decision already drafted from that offer (the choice turned around) takes
the new words. Read before the reply rules, so the dropping word is not read as a refusal of
whatever the assistant had just asked.
"""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.exchanges import introduced_names
from memoryd.flush.extract.fact_common import sentence_case
from memoryd.flush.extract.lexicon import FORGET, NO, REJECT, REVERSAL, YES, tokens
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import is_question, plain, word_set

#: A "then" closing what is said back ("..., 3rd period then", "... alors"): it adds nothing.
_TRAILING_THEN: Final = re.compile(r",?\s+(?:then|dann|entonces|pues|alors|allora|quindi)$", re.I)
#: How far back the earlier offer may lie (assistant turns with prose).
_LOOK_BACK: Final = 12
#: "Right, ...", "Makes sense: ...", "Okay, ...": a short lead before what is said back.
_LEAD: Final = re.compile(r"^(?:[^\s:：,]+(?:\s+[^\s:：,]+)?\s*[:：,—-]\s+)(?=\S)")


#: Where a clause ends, and the fillers that may open the next one ("ok", "so", "wait", "bon").
_CLAUSE_END: Final = re.compile(r"[,;:.!?—]+")
_OPENERS: Final = frozenset(
    re.findall(
        r"\S+",
        "ok okay so and but no nah wait hmm oh ah then well und also aber nein naja y pero bueno pues vale "
        "et mais bon alors non e ma allora",
    )
)


def _opens_clause(s: str) -> bool:
    """A clause of ``s`` that opens with a dropping word: "ok scrap that, ...", "..., forget the X"
    (not "I always forget", "that breaks the remove step")."""
    for clause in _CLAUSE_END.split(s):
        toks = list(tokens(clause))
        while toks and toks[0] in _OPENERS:
            toks.pop(0)
        head = " ".join(toks[:3])
        opens = bool(toks) and (
            toks[0] in FORGET.singles or toks[0] in FORGET.firsts or toks[0] in REJECT.singles
        )
        if opens and (FORGET.hit(head) or REJECT.hit(head)):
            return True
    return False


def _drops_in(s: str) -> bool:
    """A statement that drops what was said or turns it around (function words only)."""
    return not is_question(s) and (REVERSAL.hit(s) or _opens_clause(s))


def _said_back(ack: Msg) -> str:
    """The assistant's first statement (the second when the first is a bare "Right, sorry.")."""
    first = plain(ack.sentences[0]).strip()
    if len(tokens(first)) <= 3 and len(ack.sentences) > 1:
        first = plain(ack.sentences[1]).strip()
    return first


def _offers(ctx: Ctx, m: Msg) -> bool:
    """Whether the assistant turn ``m`` put something to take or turn down."""
    offer = ctx.offer(m)
    return bool(offer.options or offer.single or offer.recommendation or offer.question)


def _key(said: str, m: Msg, before: frozenset[str]) -> frozenset[str]:
    """The words the confirmation shares with the turn that the assistant's last turn did not say."""
    return (word_set(said) & word_set(m.prose)) - before


def _enough(key: frozenset[str], said: str) -> bool:
    """A name or value, or two longer words: enough to tell an option."""
    return bool(key & introduced_names(said, False)) or len([w for w in key if len(w) > 3]) >= 2


def _earlier_offer(ctx: Ctx, m: Msg, prev: Msg | None, key: frozenset[str]) -> Msg | None:
    """The nearest assistant turn before the last one that says the key words."""
    seen = 0
    for i in range(m.pos - 1, -1, -1):
        t = ctx.msgs[i]
        if t.role != "assistant" or not t.prose or t is prev:
            continue
        seen += 1
        if seen > _LOOK_BACK:
            return None
        if len(key & word_set(t.prose)) >= min(2, len(key)):
            return t
    return None


def _stale(ctx: Ctx, offer: Msg) -> Draft | None:
    """The decision drafted from that offer, not a rejection: the choice now turned around."""
    rejected = ctx.labels["rejected"]
    found = [d for d in ctx.drafts if d.kind == "decision" and offer.pos in d.pos]
    return next((d for d in reversed(found) if not d.text.startswith(rejected)), None)


def turned_back(ctx: Ctx, m: Msg, used: set[int]) -> bool:
    """Whether ``m`` turns the choice back to an earlier offer (see the module): drafts it."""
    if not m.sentences or not any(map(_drops_in, m.sentences)) or any(map(is_question, m.sentences)):
        return False
    ack = ctx.msgs[m.pos + 1] if m.pos + 1 < len(ctx.msgs) else None  # the very next words, before any work
    if ack is None or ack.role != "assistant" or not ack.sentences or ctx.offer(ack).options:
        return False
    said = _said_back(ack)
    if is_question(said) or len(tokens(said)) > 24 or NO.starts(said):
        return False
    prev = ctx.prev_assistant(m.pos)
    if prev is not None and YES.starts(m.sentences[0]) and _offers(ctx, prev):
        return False  # "sure. and lr: make it 2e-4": a yes to the last offer, read as its reply
    key = _key(said, m, word_set(prev.prose) if prev is not None else frozenset())
    if not _enough(key, said):
        return False
    offer = _earlier_offer(ctx, m, prev, key)
    if offer is None:
        return False
    if (lead := _LEAD.match(said)) and not word_set(said[: lead.end()]) & key:
        said = said[lead.end() :]  # "Makes sense: the Babboe ..." -> "the Babboe ..."
    text = _TRAILING_THEN.sub("", said.rstrip(".!。 "))  # "Monday 14 December, 3rd period then"
    text = sentence_case(text)
    pos = {offer.pos, m.pos, ack.pos}
    if (stale := _stale(ctx, offer)) is not None:
        stale.text, stale.pos = text, stale.pos | pos
    else:
        ctx.add("decision", text, pos, must_keep=True)
    used.update(i for i, s in enumerate(m.sentences) if _drops_in(s) or word_set(s) & key)
    return True


__all__ = ["turned_back"]
