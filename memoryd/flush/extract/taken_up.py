"""A value of the agent's gainsaid, and the new one taken up. The assistant said a number ("3 × 290 € =
870 €", "27 de 3ºC", "43 minuti"); a later user turn says it is not so (a negation) and gives
another number in its place, and the assistant's next words repeat the user's number ("Exact, 240 €",
"3ºC queda con 26", "Giusto, 82 minuti"). The agent taking the number up is what makes the no a
correction and not a refusal or a new order: a fact (must keep), in the user's words."""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.fact_common import PLEASE
from memoryd.flush.extract.lexicon import PREFER, tokens
from memoryd.flush.extract.markers import LEAD_FILLER, opens_request
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, is_question, plain

#: A negation, per language: "not", "no", "isn't", "nicht", "kein", "pas", "non".
_NEGATION: Final = re.compile(
    r"(?<![\w'])(?:not|no|isn'?t|aren'?t|nicht|nein|kein\w*|pas|non)(?![\w'])", re.I
)

#: A number of a value, its digits only: "3,450.00" and "3.450" are both 3450, "290 €" is 290.
_NUMBER: Final = re.compile(r"(?<![\w.,:-])\d[\d.,]*(?![\w-])")

#: The word or sign written right after a number: its unit ("43 minuti", "290 €", "12 kg").
_UNIT_AFTER: Final = re.compile(r"\s?([^\W\d_]{1,12}|[€$£%°])")

#: How many assistant turns back the value the user gainsays may have been said.
_BACK: Final = 3


def taken_up_values(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """The sentence of ``m`` that gives a number in place of one of the assistant's (see the module),
    with the negation before it, as a correction, unless a correction rule kept that number already."""
    if not _NEGATION.search(m.prose) or not _NUMBER.search(m.prose):
        return
    said = _said_before(ctx, m.pos)
    echo = _numbers(" ".join(a.prose for a in ctx.after(m.pos) if a.role == "assistant"))
    if not said or not echo:
        return
    theirs = {n for _, text in said for n in _numbers(text)}
    units = {u for _, text in said for u in _units(text)}
    kept = " ".join(d.text for d in ctx.drafts if m.pos in d.pos and d.kind == "fact")
    for i, s in enumerate(m.sentences[:8]):
        if i in used or not _statement(s):
            continue
        new = {n for n in _numbers(s) - theirs if len(n) > 1}  # (a lone digit is echoed by chance)
        if not new & echo or new & _numbers(kept):
            continue
        got = _span(m.sentences, i, theirs)
        if got is None:
            continue
        head, end = got
        old = _numbers(" ".join(m.sentences[max(0, head - 1) : end + 1])) & theirs
        if not old and not (_units(s) & units):
            continue  # a number of another kind: nothing of the agent's is put right
        text = plain(LEAD_FILLER.sub("", " ".join(m.sentences[head : end + 1]))).rstrip(" .")
        cite = {p for p, text in said if _numbers(text) & old} or {said[0][0]}
        ctx.add("fact", text + ctx.labels["correction"], cite | {m.pos}, must_keep=True)
        used.update(range(head, end + 1))
        return


def _statement(s: str) -> bool:
    """A sentence that says what is so: no question, no order ("make it 6 please"), no secret."""
    return not (is_question(s) or has_secret(s) or opens_request(s) or PLEASE.search(s))


def _span(sentences: tuple[str, ...], i: int, theirs: set[str]) -> tuple[int, int] | None:
    """The sentences that say the correction around the new number's ``i``: from a negation in it or
    just before it ("ce n'est pas 290, ... 240 par mois"), or on to a later one that denies the old
    number ("Timo's been on 3.540 since october. ... not 3.450"); None without a negation."""
    for j in (i, i - 1):
        if j >= 0 and _NEGATION.search(sentences[j]) and not PREFER.hit(sentences[i]):
            return j, i
    for j in range(i + 1, min(i + 3, len(sentences))):
        if (got := _NEGATION.search(sentences[j])) and _numbers(sentences[j][got.end() :]) & theirs:
            return i, j
    return None


def _said_before(ctx: Ctx, pos: int) -> list[tuple[int, str]]:
    """The prose of the last few assistant turns before ``pos``, nearest first."""
    out: list[tuple[int, str]] = []
    for a in reversed(ctx.msgs[max(0, pos - 40) : pos]):
        if a.role == "assistant" and a.prose:
            out.append((a.pos, a.prose[-1500:]))
            if len(out) == _BACK:
                break
    return out


def _norm(number: str) -> str:
    """A number's digits, its separators and a zero fraction left out ("3,450.00" -> "3450")."""
    return re.sub(r"\D", "", re.sub(r"[.,]0+$", "", number.rstrip(".,")))


def _numbers(text: str) -> set[str]:
    return {n for v in _NUMBER.findall(text) if (n := _norm(v))}


def _units(text: str) -> set[str]:
    """The units the numbers of ``text`` are written with."""
    out: set[str] = set()
    for got in _NUMBER.finditer(text):
        unit = _UNIT_AFTER.match(text, got.end())
        if unit is not None:
            out.add(unit.group(1).lower())
    return out - _NOT_UNITS


#: Words after a number that are no unit of it (an article, "and", "or", a preposition).
_NOT_UNITS: Final = frozenset(tokens("and or und oder y o et ou e the de del la le el en in im a à al to"))
