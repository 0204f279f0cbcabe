"""A way of working the agent takes on in its answer: a standing rule said back.

The user sets a rule in passing, in words no rule marker catches ("and next time pg is down just
restart it, dont wait for me", "general rule, anything over 2000 u ask me before paying"); the
agent's first words after the turn take it on as its own way of working, every time: "And if
Postgres is down again I restart it without asking.", "And understood: I'll check with you before
any payment over 2,000 €.", "Und ich merke mir: ... schicke ich grundsätzlich nie ...".

Read: one of the answer's first three sentences in the first person, no question, no offer (no
"could", "if you like") and no report of what it did, with a word that says every time ("always",
"never", "next time", "again" after "if"; "any" or "every" in what it will do; their kin in
de/es/fr/it), that repeats two words of one of the
user's statements, when no rule of the turn is kept already (the user's own words then say it): a
standing rule (must keep), in the answer's words, citing both turns.
"""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract import todos
from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.fact_common import sentence_case
from memoryd.flush.extract.prose import has_secret, is_question, plain, split_sentences, word_set

#: Every time, in so many words: "always", "never", "whenever", "next time", "from now on", and kin.
_ALWAYS: Final = re.compile(
    r"\b(?:whenever|always|never|next time|from now on|each time|immer|nie|niemals|grundsätzlich|künftig|"
    r"siempre|nunca|jamás|toujours|jamais|désormais|sempre|mai)\b",
    re.I,
)
#: "any" and "every" and their kin: every time only in what the agent will do ("I'll check ... any ...").
_ANY: Final = re.compile(r"\b(?:any|every|jede[nrs]?|cualquier|cada|toute?s?|chaque|qualsiasi|ogni)\b", re.I)
#: What the agent will do: "I'll", "ich werde", "voy a", "preguntaré", "je vais", "je te demanderai", "farò".
_WILL: Final = re.compile(
    r"\b(?:I'll|I’ll|I will|ich werde|werde ich|voy a|je vais|je (?:\w+ )?\w+rai|\w+(?:aré|eré|iré)|\w+rò)\b",
    re.I,
)
#: What the agent did: "I checked", "I have", "I've", "I went" (a report, not a way taken on).
_DID: Final = re.compile(r"\bI(?:'ve|’ve| have| had| was| did| went| found| read| \w+ed)\b")
#: "again" in a condition: "if Postgres is down again", "wenn ... wieder", "si ... otra vez", "se ... di nuovo".
_IF_AGAIN: Final = re.compile(
    r"\b(?:if|when|wenn|falls|si|cuando|quand|se)\b[^.;:]{0,60}?\b(?:again|wieder|otra vez|de nuevo|à nouveau|"
    r"di nuovo)\b",
    re.I,
)
#: The agent speaking of itself: "I", "I'll", "ich", "je", "yo", "io" (and the verb forms that carry it).
_SELF: Final = re.compile(r"\b(?:I|I'll|I’ll|I will|ich|je|j'|yo|io)\b")
#: An offer, not a way taken on: "I could ...", "if you like", "ich könnte", "podría", "je pourrais".
_OFFERS: Final = re.compile(
    r"\b(?:could|can|might|would|if you (?:like|want)|könnte|kann|podría|puedo|si quieres|pourrais|peux|"
    r"si tu veux|potrei|posso|se vuoi)\b",
    re.I,
)
#: An acknowledgement heading the sentence: "And understood:", "Und ich merke mir:", "Noted:".
_HEAD: Final = re.compile(r"^\W*(?:[^\W\d_]+\s+){0,3}[^\W\d_]+\s*[:：]\s*(?=\S)")
#: A conjunction opening the sentence: "And if ...", "Und ...", "Y ...", "Et ...", "E ...".
_AND: Final = re.compile(r"^(?:and|und|y|et|e)\s+", re.I)
#: Share of the sentence's words a fact of the turn must hold to have it already.
_HELD: Final = 0.5


def own_rule(ctx: Ctx) -> None:
    """Each user turn's first answer: the standing way it takes on, as a fact (see the module)."""
    for user, m in ctx.first_answers():
        said = [s for s in user.sentences if not is_question(s)]
        for s in split_sentences(plain(m.prose.replace("[[reply_to_current]]", "")).strip())[:3]:
            rule = _AND.sub("", _HEAD.sub("", s, count=1).strip(), count=1)
            if not _takes_on(rule):
                continue
            want = _words(rule)
            if not any(len(want & _words(u)) >= 2 for u in said) or _held(ctx, user.pos, m.pos, want):
                continue
            ctx.add("fact", sentence_case(rule), {user.pos, m.pos}, must_keep=True)


def _takes_on(s: str) -> bool:
    """A statement of the agent's own way of working every time (see the module)."""
    if not s or is_question(s) or has_secret(s) or not _SELF.search(s) or _OFFERS.search(s):
        return False
    if _DID.search(s) or todos.done(s):
        return False
    return bool(_ALWAYS.search(s) or _IF_AGAIN.search(s) or (_ANY.search(s) and _WILL.search(s)))


def _words(text: str) -> set[str]:
    """The words of ``text`` that can carry a point: values, and words of four letters or more."""
    return {w for w in word_set(text) if len(w) > 3 or any(c.isdigit() for c in w)}


def _held(ctx: Ctx, user: int, answer: int, want: set[str]) -> bool:
    """Whether a fact already keeps what the answer takes on: a rule (must keep) of the user's turn, in
    the user's own words, or facts citing the turn or the answer with half of the sentence's words."""
    held: set[str] = set()
    for d in ctx.drafts:
        if d.kind != "fact" or not d.pos & {user, answer}:
            continue
        if d.must_keep and user in d.pos:
            return True  # ("an mandanten geht nie was raus, ...": the rule the answer says back)
        held |= want & word_set(d.text)
    return len(held) >= _HELD * len(want)


__all__ = ["own_rule"]
