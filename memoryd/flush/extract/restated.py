"""To-dos the assistant's acknowledgement says back in full.

After a user turn the assistant often answers "Noted: Jonas Brandt sends the receipts by Friday
4 December." / "Notiert: Mirko Albers ruft ... bis Dienstag, 8.12.2026, an." / "Apuntado: Lucía
revisa ... antes del 15 de diciembre". The user's own words may name no owner the rules can see (a
pronoun, a name in lower case, "he promised friday"), or sit beside a point put off; the
acknowledgement names the owner as the subject of its clause, a verb, and a when. That clause is the
to-do, citing the user turn and the acknowledgement.

Read: an acknowledgement word and its colon opening one of the answer's first three sentences
(``todos.ACK_COLON``), then clauses
(split at ";" and ", and" before a name) whose subject is a name (one to three capitalised words,
a title first or not), followed by a word in lower case that is no state verb, with a when and
nothing done already or holding always. A clause of an owner the turn's to-dos already name only
adds the citation.

An answer that lists the turn's tasks by person ("- **Mrs Okafor (Varga practice)**: answer on the
double payment by Fri 11 Dec") gives one to-do per entry headed by a name the user's turn says, whose
task has a due day and opens with no date (a topic and its dates, "Lisbon: 12 to 16 June", is none).

An answer that says the task back with no acknowledgement word, naming capitalised someone the
user's dated sentence named only in lower case ("i voli li raccoglie matteo, me li manda entro
venerdì 20" - "Resto in attesa dei voli da Matteo entro venerdì 20 novembre"), after a word in
lower case that is no article: that clause is the to-do; one for the same owner and thing said
earlier takes the new day.

A turn that asks for a reminder, answered with the assistant's dated promise ("I'll remind you on 4
January 2027 to pull the documents", "ti ricordo di ... venerdì 4 dicembre"): the promise is the
to-do, or a citation of the one a reminder tool set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract import todos
from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.lexicon import ASK, OPEN, tokens
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, is_question, plain, split_sentences, word_set

#: A name as the subject: one to three capitalised words (a title first or not), then a lower-case word.
_SUBJECT: Final = re.compile(
    rf"^({todos.TITLE}?)([A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){{0,2}})\s+(?=[a-zß-ÿ])"
)
#: Share of the task's words a user sentence (or a draft of it) must hold to be the same task.
_SAME: Final = 0.8
#: Where the acknowledged sentence holds two clauses: ";", ", and", or " and" before a capital.
_PARTS: Final = re.compile(r"\s*;\s*|,\s+(?:and|und|y|et|e)\s+|\s+(?:and|und|y|et|e)\s+(?=[A-ZÀ-Þ])")


def _subject(clause: str) -> str:
    """The name heading the clause, '' when it opens with none (or with a word that is no name)."""
    got = _SUBJECT.match(clause)
    if got is None:
        return ""
    name = got.group(2)
    first = name.split()[0]
    if "'" in name or "’" in name:
        return ""  # "Tom's quote is due Thursday": whose thing, not who does it
    if todos.not_a_name(first) or todos.when(first):
        return ""
    if todos.state_verb(clause, got.end(2)):
        return ""  # "Postgres is on 16": a state, no task
    return name


def acked_tasks(prose: str) -> list[tuple[str, str]]:
    """The (owner, clause) tasks of the sentence an acknowledgement opens, in the first three of
    the answer: "Noted: Lena reviews the DPA by 11 Dec" -> [("Lena", "Lena reviews the DPA by
    11 Dec")]. [] for anything else."""
    said = split_sentences(plain(prose.replace("[[reply_to_current]]", "")).strip())
    lead = next((got for s in said[:3] if (got := todos.ACK_COLON.match(s))), None)
    if lead is None:
        return []
    sentence = lead.string[lead.end() :]
    if is_question(sentence) or has_secret(sentence):
        return []
    found: list[tuple[str, str]] = []
    for part in _PARTS.split(sentence):
        clause = part.strip(" ,.")
        name = _subject(clause)
        if not name or len(tokens(clause)) < 4 or not todos.when(clause) or todos.done(clause):
            continue
        if todos.standing(clause):
            continue  # "Camille never books on Sundays": a rule, whatever day it names
        found.append((name, clause))
    return found


def restated_tasks(ctx: Ctx) -> None:
    """Each user turn's acknowledgement: its restated tasks as to-dos (see the module)."""
    for user, m in ctx.first_answers():
        acked = acked_tasks(m.prose)
        for name, clause in acked:
            _add(ctx, user, m, name, clause)
        listed = [
            (n, e)
            for n, e in listed_tasks(m.prose)
            if any(len(w) > 2 and w in user.low for w in n.lower().split())
        ]
        for name, entry in listed:
            _add(ctx, user, m, name, entry)  # a person the turn named, the answer lists their task
        # "que nacho lo corrija ..." - "Enviado a Nacho: ... antes del viernes 13": said back, no ack word
        for name, clause in [] if acked or listed else named_again(user, m.sentences):
            _add_again(ctx, user, m, name, clause)
        if todos.asks_reminder(user.low) and (promise := promised_reminder(m.sentences)):
            _reminder(ctx, user, m, promise)


def _add(ctx: Ctx, user: Msg, ack: Msg, name: str, clause: str) -> None:
    """The restated task as a to-do, unless one of the turn already names its owner (then that one
    cites the acknowledgement); the user's sentence of it leaves the drafts that held it."""
    names = {w.lower() for w in name.split()}
    for d in ctx.drafts:
        if d.kind == "todo" and (user.pos in d.pos or ack.pos in d.pos) and names & set(tokens(d.text)):
            d.pos.update((user.pos, ack.pos))  # said by the user already: the acknowledgement cites it
            return
    words = {w for w in word_set(clause) if len(w) > 2}
    said = next((s for s in user.sentences if len(words & word_set(s)) >= _SAME * len(words)), "")
    if said:
        _take_back(ctx, user.pos, said.strip())
    ctx.add("todo", clause[:1].upper() + clause[1:].rstrip(" ,;") + ".", {user.pos, ack.pos})


def _take_back(ctx: Ctx, at: int, said: str) -> None:
    """The user's sentence the acknowledgement took in as a task is the task's: a decision or open
    question of the same turn that is only that sentence is dropped; one that quotes it beside its
    own point loses the sentence ("mmm caddy... y Lucía tiene que revisar ... (me lo pienso)")."""
    key = plain(said).rstrip(". ")
    theirs = word_set(said)
    for d in list(ctx.drafts):
        if d.kind not in ("decision", "open_question") or at not in d.pos:
            continue
        mine = word_set(d.text)
        if mine and len(mine & theirs) >= _SAME * len(mine):
            ctx.drafts.remove(d)  # "Et Camille relit ... avant le 10 décembre" filed as a decision
        elif key and key in d.text:
            rest = " ".join(d.text.replace(key, "", 1).replace(" .", "").split())
            if len({w for w in word_set(rest) if len(w) > 2}) >= 2:
                d.text = rest


#: A capitalised word that may be a name (a title first or not).
_NAME: Final = re.compile(r"(?<![\w'’])[A-ZÀ-Þ][a-zß-ÿ]+(?![\w'’])")
_CLAUSES: Final = re.compile(r"\s*;\s*")
_DAY_SHORT: Final = frozenset(
    ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mo", "di", "mi", "do", "fr", "sa", "so"]
)  # fmt: skip
#: Articles and the prepositions fused with one: before a capitalised word they make it a noun.
_ARTICLES: Final = frozenset(
    ["the", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "beim",
     "vom", "zum", "zur", "im", "am", "el", "los", "las", "un", "una", "le", "les", "une", "du", "au", "aux",
     "il", "lo", "gli", "del", "al"]
)  # fmt: skip
_LOWER: Final = re.compile(r"(?<![\w'’])[a-zß-ÿ]{3,}(?![\w'’])")  # a word the user wrote in lower case


def named_again(user: Msg, answer: Sequence[str]) -> list[tuple[str, str]]:
    """The (owner, clause) tasks the answer says back without an acknowledgement word: a clause of
    its first three sentences with a day that names, capitalised, someone the user's turn named only
    in lower case in a sentence with a day (the user's "que nacho lo corrija antes del viernes" -
    "Enviado a Nacho: contrato corregido antes del viernes 13"): the assistant's capital says the
    word is a name. Not a question, an ask, nothing done already, holding always or left open."""
    dated = [s for s in user.sentences if todos.when(s)]
    lower = {t for s in dated for t in _LOWER.findall(s)} - {t.lower() for t in _NAME.findall(user.prose)}
    if not lower:
        return []  # no word the answer could capitalise into a name: the answer is not read
    found: list[tuple[str, str]] = []
    for sentence in answer[:3]:
        if is_question(sentence) or has_secret(sentence):
            continue
        for clause in _CLAUSES.split(plain(sentence).strip(" .")):
            if len(tokens(clause)) < 4 or not todos.when(clause) or _no_task(clause):
                continue
            names = [n.group() for n in _NAME.finditer(clause) if _named(n.group(), n.start(), clause, lower)]
            if names and names[0] not in (f[0] for f in found):
                found.append((names[0], clause[:1].upper() + clause[1:]))
    return found


def _named(name: str, at: int, clause: str, lower: set[str]) -> bool:
    """``name`` (at ``at`` in the clause) is someone the user named: written by the user only in
    lower case, and by the answer after a word in lower case that is no article ("a Nacho", "da
    Matteo", "von Jonas"; not "den Anruf", "Parque Natural", a label's "Asunto: Salida")."""
    low = name.lower()
    if todos.not_a_name(name) or todos.when(name) or low in _DAY_SHORT or low not in lower:
        return False
    before = clause[:at].split()
    prev = before[-1] if before else ""
    return prev.isalpha() and prev.islower() and prev not in _ARTICLES


def _add_again(ctx: Ctx, user: Msg, ack: Msg, name: str, clause: str) -> None:
    """A said-back task of an owner an earlier to-do names with the same thing ("Jonas ... das
    rollback-skript bis 30.11." then "Rollback-Skript von Jonas bis 2.12."): that to-do, now with the
    new day, citing both turns. Else a to-do (``_add``)."""
    words = {w for w in word_set(clause) if len(w) > 3} - {name.lower()}
    for d in ctx.drafts:
        if d.kind == "todo" and name in d.text and words & word_set(d.text):
            d.text = clause.rstrip(" ,;") + "."
            d.pos.update((user.pos, ack.pos))
            return
    _add(ctx, user, ack, name, clause)


def _no_task(clause: str) -> bool:
    return todos.done(clause) or todos.standing(clause) or bool(ASK.hit(clause) or OPEN.hit(clause))


#: The assistant's own promise to remind: "I'll remind you", "ich erinnere dich", "te lo recuerdo",
#: "je te rappellerai", "ti ricordo".
_PROMISE: Final = re.compile(
    r"\b(?:i'll|i will|i’ll)\s+remind you\b|\bich erinnere dich\b|\berinnere ich dich\b"
    r"|\bte (?:lo |la )?(?:recuerdo|recordaré)\b|\bje te (?:le |la )?rappell?e(?:rai)?\b|\bti (?:lo |la )?ricord(?:o|erò)\b",
    re.I,
)


def promised_reminder(sentences: Sequence[str]) -> str:
    """The sentence of an answer in which the assistant promises a dated reminder ("I'll remind you
    on 4 January to pull the documents"), '' when it makes none (or only asks whether to)."""
    for s in sentences[:3]:
        if _PROMISE.search(s) and todos.when(s) and not is_question(s) and not has_secret(s):
            return plain(s).strip()
    return ""


def _reminder(ctx: Ctx, user: Msg, ack: Msg, promise: str) -> None:
    """The promised reminder is the to-do the user asked for: a to-do of the turn (one a reminder
    tool set, or the request read already) cites the promise; else the promise is the to-do."""
    for d in ctx.drafts:
        if d.kind == "todo" and any(user.pos <= p <= ack.pos for p in d.pos):
            d.pos.add(ack.pos)
            return
    ctx.add("todo", promise, {user.pos, ack.pos})


#: A list entry headed by a name ("- **Mrs Okafor (Varga practice)**: answer ... by Fri 11 Dec").
_ENTRY: Final = re.compile(
    rf"^[^\S\n]*(?:[-*+•]|\d{{1,2}}[.)])\s+(?:\*\*|__)?({todos.TITLE}?[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){{0,2}})"
    r"(?:\*\*|__)?(\s*\([^()\n]{1,40}\))?(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?(\S[^\n]*)$",
    re.M,
)


def listed_tasks(prose: str) -> list[tuple[str, str]]:
    """The (owner, entry) tasks of an answer's list whose entries are headed by a name and say a
    when: "- **Pavel Schuster**: apprentice hours to you by Wed 9 Dec" -> ("Pavel Schuster", "Pavel
    Schuster: apprentice hours to you by Wed 9 Dec")."""
    found: list[tuple[str, str]] = []
    for got in _ENTRY.finditer(prose):
        name, note, what = got.group(1), got.group(2) or "", got.group(3)
        first = re.sub(rf"^{todos.TITLE}", "", name).split()[0]  # "Frau Brandt": the name after the title
        if todos.not_a_name(first) or todos.when(name) or todos.is_you(first):
            continue
        what = plain(what).strip()
        lead = what.split(maxsplit=1)[0] if what else ""
        if not lead or lead[:1].isdigit() or todos.when(lead):
            continue  # "Lisbon: 12 to 16 June", "Date: Saturday ...": a topic and its dates, no one's task
        if not todos.when(what) or todos.done(what) or todos.standing(what) or has_secret(what):
            continue
        found.append((name, f"{name}{note}: {what.rstrip(' .')}"))
    return found


__all__ = ["acked_tasks", "listed_tasks", "promised_reminder", "restated_tasks"]
