"""A "no" that puts a value right. The assistant's turn used a value and asked or proposed something
("I'll ask for a quote for 118 cards. Should I send it?"); the user answers with a bare no and the
value of that slot ("no!! 70, it's per household"). The no says the value is wrong, not that the
offer is turned down: a correction (a fact, must keep), and the no is not read as a refusal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.corrections import COPULA, JOINED, bare_values, value_kind
from memoryd.flush.extract.fact_common import VALUE
from memoryd.flush.extract.lexicon import NO, RULE, STATE, YES, tokens
from memoryd.flush.extract.markers import LEAD_FILLER, REQUEST
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import Option, has_secret, is_question, plain

#: A no said on its own at a turn's head, per language: followed by a stop, a pause word or a
#: subject ("no, 70", "no!! 70", "no the party is the 12th", "non, la cérémonie c'est 17:30",
#: "no aspetta, ..."), not a determiner before a noun ("no swap", "no tengo", "kein Problem").
_SOUND: Final = (
    r"^\W*(?:(?:ah|oh|ach|ay|uy|euh|eh|oops|ups|oje)[,!.]?\s+)?"  # ("ah no, ...", "ach nein, ...")
)

_BARE_NO: Final = re.compile(
    _SOUND + r"(?:no|nope|nah|nein|nee|non|いいえ)(?:\s+(?:no|non|nein))?"
    r"(?:\s*[,.!:;—–-]+|\s+(?=(?:wait|warte|espera|attends|aspetta|sorry|scusa|perdón|perdona|pardon|désolée?|"
    r"the|it|it's|its|that|they|we|he|she|"
    r"der|die|das|es|er|sie|el|la|los|las|son|le|les|il|lo|c'est|ce|sono|è)\b))",
    re.I,
)

#: The no and a pause word after it ("no aspetta,", "non attends,", "nein, warte:"), cut off the fact.
_NO_HEAD: Final = re.compile(
    _SOUND + r"(?:nope|nah|nein|nee|non|no|いいえ)(?:\s+(?:non|no|nein))?[\s,.!:;—–-]*"
    r"(?:(?:wait|warte|espera|attends|aspetta|sorry|scusa|perdón|perdona|pardon|désolée?)\b[\s,.!:;—–-]*)?",
    re.I,
)

#: "Not", per language, for "70, not 118": the value a bare reply replaces.
_NOT: Final = {"en": "not", "de": "nicht", "es": "no", "fr": "pas", "it": "non", "ja": "ではなく"}


def no_put_right(ctx: Ctx, m: Msg, prev: Msg | None, used: set[int]) -> bool:
    """The user's bare no and, stated, the value of a slot the assistant's turn used, another value of
    the same kind: the correction in the user's words (unless the correction rules kept it already),
    and the sentences that say it are spoken for, so the no is not read as a refusal of the offer.
    An order after the no ("no, book it for 6") changes what is offered: left to the dialogue rules.
    True when the correction is all the turn says: then it is no reply to the offer at all."""
    got = _said_right(m, prev)
    if prev is None or got is None:
        return False
    span, rest, theirs, new = got
    bare = len(tokens(rest)) <= 2  # ("no!! 70. its per household": the value alone, why in the next)
    keep = list(range(span))
    for i in range(span, len(m.sentences)):  # ("13th is a sunday": why the old value is wrong)
        if not _why(m.sentences[i], theirs | new):
            break
        keep.append(i)
    if not any(d.kind == "fact" and d.must_keep and m.pos in d.pos for d in ctx.drafts):
        if _picks(ctx.offer(prev).options, new, span) or not _states(rest):
            return False  # a pick among values ("no, the 17th"), an order ("no, make it 6"): a reply
        if bare and (was := _replaced(prev, new)):
            rest = f"{rest.rstrip(' .!')}, {_NOT.get(ctx.lang, 'not')} {was}:"
        text = " ".join([rest, *(m.sentences[i] for i in keep[span:])])
        ctx.add(
            "fact", plain(text).rstrip(" .:") + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True
        )
    used.update(keep)
    return len(keep) == len(m.sentences)


def puts_value_right(m: Msg, prev: Msg | None) -> bool:
    """Whether the turn opens with a bare no and states another value for a slot of ``prev``: a
    correction, not a pick of an offer still pending ("No, son 12 días, no 10" after "¿correcto?")."""
    got = _said_right(m, prev)
    return got is not None and _states(got[1])


def _said_right(m: Msg, prev: Msg | None) -> tuple[int, str, set[str], set[str]] | None:
    """The sentences the bare no and its value take (one, or two for "no!! 70."), what follows the
    no, the assistant's values and the user's new ones; None without a no and a value of its own."""
    if prev is None or not m.sentences or not _BARE_NO.match(m.sentences[0]):
        return None
    span = 2 if len(m.sentences) > 1 and not VALUE.search(_NO_HEAD.sub("", m.sentences[0])) else 1
    said = " ".join(m.sentences[:span])  # ("no!! 70." - the value in the sentence after the no)
    rest = _NO_HEAD.sub("", said).strip()
    theirs = bare_values(prev.prose[-1500:])
    new = bare_values(rest) - theirs
    if not rest or not new or is_question(said) or has_secret(said) or not _same_kind(new, theirs):
        return None  # no value of its own: a refusal, or the assistant's value said back
    return span, rest, theirs, new


def _why(s: str, values: set[str]) -> bool:
    """A sentence after the correction that only says why ("13th is a sunday", "Lo midió Aisha en
    octubre"): a statement naming no value but the two, not a yes, a no, an order, a rule or a new
    point joined on ("and yes hold it", "oh and from now on ...")."""
    if is_question(s) or has_secret(s) or not bare_values(s) <= values or REQUEST.match(s):
        return False
    return not (YES.starts(s) or NO.starts(s) or RULE.hit(s) or LEAD_FILLER.match(s) or JOINED.match(s))


def _replaced(prev: Msg, new: set[str]) -> str:
    """The one value of the kind of the user's in the assistant's last statement (the one its
    question is about): what a bare value replaces."""
    said = [s for s in prev.sentences if not is_question(s)]
    values = [v for v in VALUE.findall(said[-1]) if _same_kind(new, bare_values(v))] if said else []
    return values[0] if len(values) == 1 else ""


def _picks(options: Sequence[Option], new: set[str], span: int) -> bool:
    """Whether a reply to options laid out picks among them ("no, the 17th" after "the 12th or the
    17th?"): a value one option holds, or a no whose value comes only in a later sentence (a refusal
    and then a new point). Values no option holds, said with the no ("no no, the exam is 60"), put
    right what the turn said, whatever a report read as a list of options around them."""
    return bool(options) and (span > 1 or any(not new.isdisjoint(bare_values(o.text)) for o in options))


def _same_kind(new: set[str], theirs: set[str]) -> bool:
    """A number for a number, a host for a host: the user's value can take the place of one of theirs."""
    return any(value_kind(v) == value_kind(t) for v in new for t in theirs)


def _states(rest: str) -> bool:
    """What follows the no says what is so: the value alone ("70."), or a statement with a verb of
    being ("the party is the 12th", "la cérémonie c'est 17:30", "son 12 días") - not an order."""
    toks = tokens(rest)
    if not toks or REQUEST.match(rest):
        return False
    return bool(VALUE.match(rest)) or STATE.hit(rest) or not COPULA.isdisjoint(toks[:3])
