"""A follow-up the assistant offers to do later, accepted: a to-do of the agent's, with its day.

"Want me to check the portal that morning?" - "yep, early" - "I'll check it early on the 18th.";
"Soll ich dich am 9.12. fragen, ob das Geld da ist?" - "gute idee" - "Mache ich, Erinnerung für
Mittwoch, 9.12., ist eingetragen.". The offer asks leave for one thing, the reply is a short yes,
and the assistant's next message runs no tool (nothing is done now) and says, or the offer said,
when it will be done. Asking leave for a step taken at once is no task; this one waits for its day.
The to-do is the offer and the answer's sentence with the day, citing all three messages.
"""

from __future__ import annotations

from typing import Final

from memoryd.flush.extract import todos
from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.lexicon import NO, YES, tokens
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, plain

_YES_MAX: Final = 6  # words: a reply that only agrees
_PIECE: Final = 6  # tokens: a piece a date's dots cut off the offer ("Soll ich dich am 9.", "12.")


def _offered(prev: Msg, question: str) -> str:
    """The offer's question, with the pieces before it that a date's dots cut off."""
    said = list(prev.sentences)
    if question not in said or question[:1].isupper():
        return question
    k = said.index(question)
    while k > 0 and len(tokens(said[k - 1])) <= _PIECE:
        k -= 1
    return " ".join(said[k : said.index(question) + 1])


def _follow_up(ctx: Ctx, m: Msg) -> tuple[Msg, Msg, str] | None:
    """The offer, the answer and the to-do's text of a short yes to a later follow-up, else None."""
    if len(tokens(m.prose)) > _YES_MAX or not YES.starts(m.prose) or NO.hit(m.prose):
        return None
    prev = ctx.prev_assistant(m.pos)
    after = ctx.after(m.pos)
    answer = next(iter(after), None)
    if prev is None or answer is None or answer.role != "assistant" or answer.has_calls or not answer.prose:
        return None
    offer = ctx.offer(prev)
    if offer.recommended is not None or not offer.question:
        return None  # a yes to a recommended option is a choice ("ob A oder B" inside the offer is none)
    if not (offer.single or not offer.question[:1].isupper()):
        return None
    asked = _offered(prev, offer.single or offer.question)
    dated = next((s for s in answer.sentences[:2] if todos.when(s)), "")
    if not (dated or todos.when(asked)) or has_secret(asked + dated):
        return None
    text = plain(asked).strip() + (f" - {plain(dated).strip()}" if dated else "")
    return prev, answer, text


def accepted_follow_ups(ctx: Ctx) -> None:
    """Each accepted later follow-up of the agent's as a to-do (see the module)."""
    for m in ctx.msgs:
        if m.role != "user" or not m.prose or any(m.pos in d.pos for d in ctx.drafts):
            continue  # a yes another rule read (a decision, a value) is that rule's
        if (got := _follow_up(ctx, m)) is not None:
            prev, answer, text = got
            ctx.add("todo", text, {prev.pos, m.pos, answer.pos})
