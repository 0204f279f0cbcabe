"""A task the speaker takes on with a day, in a reply to the assistant's offer.

"Shall I keep retrying, or will you take it up with them?" - "I'll open a ticket with their support
tomorrow morning"; "Soll ich ihnen schreiben?" - "Nein, ich ruf ihn am Freitag an"; "je peux
préparer le mail ?" - "oui mais en brouillon, je l'enverrai moi-même lundi". The reply is read as a
choice (or a leave given); the clause in which the speaker, as its subject, says when they will do
the work is a to-do of its own beside it. Read: a first-person subject pronoun among the clause's
first words (also after the verb, as German puts it: "dann ruf ich ..."), a when in the clause, not
the past, not a question, not an ask (whom the speaker will ask is how an open point waits, not a
task). Only closed classes are read: pronouns, the ask verbs, the when of ``todos``.
"""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract import todos
from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.lexicon import ASK, tokens
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import is_question

#: The speaker as a subject pronoun (en, de, fr, es, it); "j'" and "i'll" as ``tokens`` keeps them.
_SELF: Final = frozenset(
    ["i", "i'll", "i’ll", "ill", "we", "we'll", "we’ll", "ich", "wir", "je", "nous", "yo", "io", "noi"]
)
#: Where a sentence's clauses part: a comma, a semicolon, a dash, "but" (en/de/fr/es/it).
_CLAUSE: Final = re.compile(r"\s*[,;:—]\s*|(?<=\.)\s+(?=[a-zß-ÿ])|\s+(?:but|aber|mais|pero|ma)\s+", re.I)
#: The evening of today: what the speaker does tonight is the rest of this session's day, said as the
#: reply's reason ("gotta run, I'll look at it tonight"), not work left with a due day.
_TONIGHT: Final = re.compile(
    r"\b(?:tonight|this evening|heute abend|heute nacht|ce soir|cette nuit|esta noche|stasera|stanotte)\b",
    re.I,
)
_LEAD: Final = 3  # the subject stands among the clause's first words ("dann erkläre ich", "oui je")
_WHOLE: Final = 20  # words: a sentence this short is the task with its context, a longer one its clause


def _speaker_leads(clause: str) -> bool:
    toks = tokens(clause)[:_LEAD]
    return any(t in _SELF or t.startswith(("j'", "j’")) for t in toks)


def own_dated_clause(sentence: str) -> str:
    """The first clause of ``sentence`` in which the speaker says when they will do something, or ''."""
    if is_question(sentence) or todos.standing(sentence):
        return ""
    for clause in _CLAUSE.split(sentence):
        clause = clause.strip(" .")
        if len(tokens(clause)) < 3 or not _speaker_leads(clause) or not todos.when(clause):
            continue
        if todos.done(clause) or ASK.hit(clause) or not todos.when(_TONIGHT.sub("", clause)):
            continue
        return clause
    return ""


def own_dated_task(ctx: Ctx, m: Msg, sentence: str, clause: str) -> str:
    """The to-do of that clause: with the statement before it when its object is a pronoun ("Ich ruf
    ihn am Freitag an" after the sentence that names him), else the sentence when it is short (its
    other clauses say what "it" is), else the clause."""
    if todos.refers_back(clause) and sentence in m.sentences:
        return todos.with_antecedent(ctx, m, m.sentences.index(sentence), clause)
    return sentence if len(tokens(sentence)) <= _WHOLE else clause
