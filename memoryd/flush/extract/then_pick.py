"""A day or a number picked with "then" from what the assistant just named ("wed then", "le 11 alors").

The assistant's turn names two days or dates or more, as statements and not as a list the option rules
read ("Thursday 10 is taken ... Friday 11 is free", "the free slots are Monday 14 or Wednesday 16"),
and the user's reply opens with a few words: a "then" word and one of those days, written short
("wed", "le 11"). The decision is the assistant's words for it: its next statement when that names
the day ("Wednesday 16, 1st period for 3ºB Biology."), else the sentence of its turn that does; the
turns are cited. Words: "then" per language and the weekday names, closed classes.
"""

from __future__ import annotations

from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.lexicon import THEN, WEEKDAYS, tokens
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import is_question, plain

#: Articles and prepositions a short pick may carry ("le 11", "am Dienstag", "el martes").
_LIGHT: Final = frozenset(["the", "on", "le", "la", "am", "den", "der", "el", "il", "lo", "de", "du"])


def _picked(first: str) -> str:
    """The one day or number a reply of a few words picks with "then", else ""."""
    toks = tokens(first)
    if not 2 <= len(toks) <= 4 or not THEN.hit(first) or is_question(first):
        return ""
    rest = [t for t in toks if not THEN.hit(t) and t not in _LIGHT]
    if len(rest) != 1:
        return ""
    word = rest[0]
    if word.isdigit() and len(word) <= 2:
        return word
    return word if len(word) >= 3 and any(d.startswith(word) for d in WEEKDAYS.singles) else ""


def _names(text: str, pick: str) -> bool:
    """Whether ``text`` names the day or number ``pick`` ("wed" names "Wednesday")."""
    toks = tokens(text)
    if pick.isdigit():
        return pick in toks
    return any(t.startswith(pick) and t in WEEKDAYS.singles for t in toks)


def _alternatives(prev: Msg, pick: str) -> bool:
    """The turn names two days or numbers of the kind picked, at least."""
    toks = tokens(prev.prose)
    if pick.isdigit():
        return len({t for t in toks if t.isdigit() and len(t) <= 2}) >= 2
    return len({t for t in toks if t in WEEKDAYS.singles}) >= 2


def then_pick(ctx: Ctx, m: Msg, prev: Msg) -> None:
    """Draft the decision when ``m`` picks with "then" from ``prev`` (see the module)."""
    if not m.sentences or ctx.offer(prev).options:
        return  # a list of options is the option rules' to read
    pick = _picked(plain(m.sentences[0]))
    if not pick or not _alternatives(prev, pick):
        return
    naming = [s for s in prev.sentences if _names(s, pick) and not is_question(s)]
    if len(naming) != 1:
        return
    text, pos = plain(naming[0]).strip(), {prev.pos, m.pos}
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is not None and ack.sentences:
        said = plain(ack.sentences[0]).strip()
        if _names(said, pick) and not is_question(said) and len(tokens(said)) <= 20:
            text = said
            pos.add(ack.pos)
    ctx.add("decision", text.rstrip(".!。 "), pos, must_keep=True)


__all__ = ["then_pick"]
