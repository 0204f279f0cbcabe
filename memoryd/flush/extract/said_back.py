"""A point the acknowledgement says back beside the ones the turn is already drafted as.

A user turn often gives two things at once: a correction or a task, and a plain fact said in passing
("... son 185 más 55 de libros. Y el comedor lo pago en efectivo, así que no sale aquí."). The
assistant's first words after it take both in, after an acknowledgement and its colon ("Entendido:
..., y el comedor se paga en efectivo y falta en los extractos."). The rules that read the turn keep
the correction or the task; the other point is lost, though the agent just said it back.

Read: the acknowledgement's sentence (one of the answer's first three) split into its clauses (at
";" and at ", and"); a clause that no draft citing the turn or the answer already holds, that says
no when (a to-do: ``restated``) and nothing done, and that repeats two words of one of the user's
statements, is a fact in the answer's words, citing both turns.
"""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract import todos
from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.fact_common import sentence_case
from memoryd.flush.extract.lexicon import OWNER, YES
from memoryd.flush.extract.markers import opens_request
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, is_question, plain, split_sentences, word_set

#: An acknowledgement and its colon: "Noted:", "Understood:", "Notiert:", "Entendido:", "Compris :".
_ACK: Final = re.compile(
    r"^\W*(?:noted|got it|understood|notiert|vermerkt|verstanden|entendido|apuntado|anotado|noté|"
    r"c'est noté|compris|annotato|segnato|capito)(?:\s+[^\W\d_]+){0,2}\s*[:：]\s*(?=\S)",
    re.I,
)
#: Where the acknowledged sentence holds two clauses: ";" or a comma and "and".
_PARTS: Final = re.compile(r"\s*;\s*|,\s+(?:and|und|y|et|e)\s+")
#: A sentence that opens by naming an option by its label ("B, but ...", "la b, pero ...", "2: fine").
_PICK: Final = re.compile(
    r"^\W*(?:(?i:the|die|der|das|el|la|le|il|lo)\s+)?(?:[A-Da-d]|\d{1,2})(?:[,.:)](?:\s|$)|\s*$)|^\W*[A-D]\s"
)
#: A word of running prose: letters only, in lower case (no name, no identifier).
_PROSE_WORD: Final = re.compile(r"(?<![\w./-])[a-zß-ÿ]{4,}(?![\w./-])")
#: Share of a clause's words a draft must hold to have it already.
_HELD: Final = 0.5


def said_back(ctx: Ctx) -> None:
    """Each user turn's acknowledgement: its clauses no draft holds, as facts (see the module)."""
    for user, m in ctx.first_answers():
        if _replies_to_offer(ctx, user):
            continue  # what a reply to options or a suggestion says back is the choice, not a fact
        for clause in acked_clauses(m.prose):
            if _states(user, clause) and not _held(ctx, {user.pos, m.pos}, clause):
                ctx.add("fact", sentence_case(clause) + ".", {user.pos, m.pos})


def _replies_to_offer(ctx: Ctx, user: Msg) -> bool:
    """Whether the user's turn answers an assistant turn that laid out options or one suggestion."""
    prev = ctx.prev_assistant(user.pos)
    if prev is None:
        return False
    offer = ctx.offer(prev)
    return bool(offer.options or offer.single)


def acked_clauses(prose: str) -> list[str]:
    """The clauses of the sentence an acknowledgement opens (in the answer's first three), or []."""
    said = split_sentences(plain(prose.replace("[[reply_to_current]]", "")).strip())
    lead = next((got for s in said[:3] if (got := _ACK.match(s))), None)
    if lead is None:
        return []
    sentence = lead.string[lead.end() :]
    if is_question(sentence) or has_secret(sentence):
        return []
    parts = [p.strip(" ,.") for p in _PARTS.split(sentence)]
    return [p for p in parts if _statement(p) and not todos.when(p) and not todos.done(p)]


def _statement(clause: str) -> bool:
    """A clause in running prose (two lower-case words of four letters or more), not a label and its
    identifiers and names ("PAY-460 pour test_export_parquet (Mei)")."""
    return len(_words(clause)) >= 3 and len(_PROSE_WORD.findall(clause)) >= 2


def _words(text: str) -> set[str]:
    """The words of ``text`` that can carry a point (four letters or more)."""
    return {w for w in word_set(text) if len(w) > 3}


def _states(user: Msg, clause: str) -> bool:
    """Whether one of the user's statements says two of the clause's words: no question, request,
    yes, pick of a label or task given to an owner (what those say back is a choice or a to-do)."""
    want = _words(clause)
    return any(len(want & _words(s)) >= 2 and not _choice_or_task(s) for s in user.sentences)


def _choice_or_task(s: str) -> bool:
    """A question, a request, a yes, a pick by label, or a task given to an owner."""
    return is_question(s) or opens_request(s) or YES.starts(s) or OWNER.hit(s) or _PICK.match(s) is not None


def _held(ctx: Ctx, pos: set[int], clause: str) -> bool:
    """Whether the drafts citing the turn or its answer already hold half of the clause's words
    between them (a rule and a decision of the turn, each with its half of what is said back)."""
    want = _words(clause)
    held: set[str] = set()
    for d in ctx.drafts:
        if d.pos & pos:
            held |= want & word_set(d.text)
    return len(held) >= _HELD * len(want)


__all__ = ["acked_clauses", "said_back"]
