"""Corrections of the agent: a value the user puts right ("it's 1000, not 100"), a name respelled, a
plain "no, ..." that says what is so instead."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.dialogue import task_sentence
from memoryd.flush.extract.fact_common import PLEASE, VALUE, lead_stripped, sentence_case
from memoryd.flush.extract.lexicon import (
    FIRST,
    MONTH_PATTERN,
    NO,
    STATE,
    tokens,
)
from memoryd.flush.extract.lexicon import OR as OR_WORDS
from memoryd.flush.extract.markers import (
    ACK,
    CORRECTION,
    CORRECTION_LEAD,
    LEAD_FILLER,
    NO_START,
    PLEASANTRY,
    REMEMBER,
    REMEMBER_HEAD,
    STATE_VERB,
    opens_request,
)
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import (
    QUESTION_END,
    has_secret,
    is_question,
    plain,
    split_sentences,
    word_set,
)

_NOT_BUT: Final = re.compile(
    r"\b(?:not|nicht|no|pas|non)\s+(?P<old>\S+?)(?:(?:\s+\S+){0,3}?,?\s+(?:but|sondern|sino|mais|ma)\s+|"
    r"(?:\s+\S+){0,2}?[!.;]+\s*)"
    r"(?P<new>\S+)"
    r"|(?P<new2>\S+),?\s+(?:not|nicht|no|pas|non)\s+(?P<old2>\S+)\s*$",
    re.I,
)


NO_ALONE: Final = re.compile(
    r"^(?:no|nope|nah|nein|non|いいえ|いや)\s*[,.!、。]", re.I
)  # "no, ..." not "no tengo"


def value_correction(ctx: Ctx, m: Msg, prev: Msg | None) -> bool:
    """A reply that contradicts a value the assistant said (see ``_value_correction``), or, when that
    finds nothing, a value the user sets against another in so many words ("X, not Y").

    "the second one. and submission is on the 14th, not the 4th": the choice is still read as a reply
    (a decision), and the value set right beside it is a fact of its own (must keep).
    """
    before = len(ctx.drafts)
    if _value_correction(ctx, m, prev):
        return True
    if len(ctx.drafts) != before or len(m.prose) > 600:
        return False
    if prev is None:  # (the user's word on a failure, quoted by its outcome, may still name the right one)
        if "-" in m.prose or "_" in m.prose:
            _identifier_put_right(ctx, m)
        return False
    contrasted = next((c for x in _whole_sentences(m.sentences[:5]) if (c := _contrasted(x))), "")
    if contrasted:
        ctx.add("fact", contrasted + ctx.labels["correction"], {m.pos}, must_keep=True)
    elif _ACTUALLY.match(m.prose):
        _earlier_value(ctx, m, prev)
    elif "-" in m.prose or "_" in m.prose:
        _identifier_put_right(ctx, m)
    return False  # (what else the turn says is read as usual)


#: A name of the kind a setup gives its things: lower-case parts joined by "-" or "_" ("sumtune-prod-eu",
#: "tobi-offsite-2026", "db_replica_2").
_IDENT: Final = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])")


def _family(ident: str) -> str:
    return re.split(r"[-_]", ident, maxsplit=1)[0]


def _identifier_put_right(ctx: Ctx, m: Msg) -> None:
    """The user names the right one of a family of names the agent just used another of: "bucket is
    tobi-offsite-2026 btw, tobi-backup is the old one" after the agent read ``b2:tobi-backup``, "c'est
    pas sumtune-dev. Le projet pour les GPU c'est sumtune-prod-eu" after a command on sumtune-dev
    failed. In the user's statements (no question, no order) two names of one family (the same first
    part), one of them used by the agent since the user's last turn (its words, a command, a path, a
    tool's output), the other new to that stretch: a correction (a fact, must keep), the statements
    that name them."""
    said = [(i, s) for i, s in enumerate(m.sentences[:4]) if not is_question(s) and not has_secret(s)]
    named = [(i, s, _IDENT.findall(s)) for i, s in said]
    if sum(len(n) for _, _, n in named) < 2:
        return
    start = ctx.last_user(m.pos)
    agent = " ".join(
        x
        for a in ctx.msgs[(start + 1 if start is not None else 0) : m.pos]
        for x in (
            (a.prose, a.step.command, a.step.path, a.step.output[:4000]) if a.step is not None else (a.prose,)
        )
    ).lower()
    idents = {n for _, _, ns in named for n in ns}
    old = {n for n in idents if n in agent}
    new = {n for n in idents - old if any(_family(n) == _family(o) for o in old)}
    if not old or not new:
        return
    keep = [
        (i, s)
        for i, s, ns in named
        if set(ns) & (old | new) and (STATE.hit(s) or _declares(s)) and not opens_request(s)
    ]
    if not any(set(_IDENT.findall(s)) & new for _, s in keep):
        return
    text = " ".join(CORRECTION_LEAD.sub("", _SOUND_LEAD.sub("", LEAD_FILLER.sub("", s))) for _, s in keep)
    ctx.add(
        "fact", sentence_case(plain(text).rstrip(" .")) + ctx.labels["correction"], {m.pos}, must_keep=True
    )


#: "Actually", per language: the user puts right what was said a while ago ("actually the hall holds 150").
_ACTUALLY: Final = re.compile(
    r"^\W*(?:(?:oh|ah|and|also|und|y|et|e|btw)[,\s]+)*(?:actually|in fact|eigentlich|übrigens|tatsächlich|"
    r"en realidad|de hecho|en fait|en réalité|in realtà|a dire il vero)\b",
    re.I,
)


def _earlier_value(ctx: Ctx, m: Msg, prev: Msg) -> None:
    """ "Actually the Kesselhaus holds 150 seated": a value the assistant gave a few turns back ("The
    Kesselhaus holds 120 people seated and costs €2,400 a day"), put right later, after other business.
    The assistant's clause with one value of the same kind and two more of the user's words, in the
    three assistant turns before the last one, gets the user's value (a fact, must keep)."""
    said = next((x for x in m.sentences[:2] if not is_question(x) and not has_secret(x)), "")
    if not said or not (_declares(said) or STATE_VERB.search(said)):
        return
    new = [v for v in VALUE.findall(said) if v[:1].isdigit()]
    if len(new) != 1:
        return
    words = {w for w in word_set(said) if len(w) > 3} - {new[0]}
    at = prev.pos
    for _ in range(3):
        user = ctx.last_user(at)  # (the assistant's turn before the user's turn before ``at``)
        older = ctx.prev_assistant(user) if user is not None else None
        if user is None or older is None:
            return
        at = older.pos
        if not older.prose or not VALUE.search(older.prose):
            continue
        for clause in (c for x in _clauses(older.prose[-1500:]) for c in _AND.split(x)):
            theirs = [v for v in VALUE.findall(clause) if v[:1].isdigit()]
            if len(theirs) != 1 or theirs[0] == new[0] or len(words & word_set(clause)) < 2:
                continue
            fixed = plain(clause.replace(theirs[0], new[0], 1)).rstrip(" .")
            ctx.add("fact", fixed + ctx.labels["correction"], {older.pos, m.pos}, must_keep=True)
            return


_AND: Final = re.compile(r"\s+(?:and|und|y|et|e)\s+", re.I)


def _value_correction(ctx: Ctx, m: Msg, prev: Msg | None) -> bool:
    """A reply that only contradicts a value the assistant said: same slot, another number or name.

    "The vendor's rate limit is 100 requests per minute" - "it's 1000 requests per minute": the
    assistant's clause with the user's value put in is the fact (must keep). "not #general but
    #release-notes" and "X, not Y" (Y said by the assistant) count the same way.
    """
    if prev is None or not m.sentences or len(m.prose) > 600:
        return False
    if m.has(REMEMBER) and REMEMBER_HEAD.match(m.sentences[0]):
        return False  # "before I forget: the cat needs its papers 10 days ahead" asks to keep, it corrects nothing
    short = len(tokens(m.prose)) <= 6
    valued = bool(VALUE.search(m.prose))
    if valued and "?" in prev.prose and _answers_which_value(ctx, m, prev):
        return True
    if not (valued or _NOT_BUT.search(m.prose) or (short and _NAME_VALUE.search(m.prose))):
        if not _NAME_VALUE.search(m.prose):
            return False  # no value
        respelled = next(
            (r for x in m.sentences[:2] if not is_question(x) and (r := _respelled(x, prev))), ""
        )
        if respelled and ctx.offer(prev).asked:
            return False  # ("Brand or Brandt?" - "Brandt, I think": an answer)
        if respelled:  # "Lea Brand" - "her surname is Brandt, with a t"
            ctx.add("fact", respelled + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True)
        return bool(respelled)  # (else: no value)
    if ctx.offer(prev).asked and not _confirms(prev):
        return False  # one given in reply to a question or proposal is an answer
    if _asks_first(m, prev):
        return False  # "response rate per group? we invited 800 per group.": what to work it out with
    nxt = ctx.prose_after(m.pos, text_only=False)
    echoed = nxt.prose if nxt is not None and nxt.pos == m.pos + 1 else ""
    for x in _whole_sentences(m.sentences[:2]):  # "we have 42 hosts, not 24": the user's sentence says both
        own = _contrasted(x) if not is_question(x) else ""
        if own and not {v.lower() for v in VALUE.findall(own)}.isdisjoint(VALUE.findall(prev.low[-1500:])):
            ctx.add("fact", own + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True)
            return True
    whole = " ".join(m.sentences[:2]) if len(m.prose) < 80 else ""  # "not 5432! 6432" splits in two
    for s in [whole, *m.sentences[:2]] if whole else m.sentences[:2]:
        if is_question(s) or has_secret(s):
            continue
        fixed = _not_but(s, prev) or _swapped_value(s, prev, echoed)
        if fixed and task_sentence(s) and not (_declares(s) or _restates(s, prev)):
            continue  # "and Camille proofreads it before the 10th": a to-do with its date, no value changed
        if fixed and not (_declares(s) or _restates(s, prev)):
            # "move the nightly backup to 02:00 UTC": an instruction that changes a value is a decision
            ctx.add("decision", sentence_case(plain(s).rstrip(".")), {prev.pos, m.pos}, must_keep=True)
            return True
        if fixed:
            fixed = _negated_then_stated(s, m.sentences, prev) or fixed
            ctx.add("fact", fixed + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True)
            return True
    respelled = next((r for x in m.sentences[:1] if not is_question(x) and (r := _respelled(x, prev))), "")
    if respelled:  # "Ich schicke es an Herrn Maier." - "Meier, mit e-i"
        ctx.add("fact", respelled + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True)
    return bool(respelled)


#: A question that only asks to confirm what the sentence says: "..., right?", "is that correct?",
#: "stimmt das?", "¿correcto?", "¿verdad?", "c'est bien ça ?", "n'est-ce pas ?", "giusto?", "vero?".
_CONFIRM_TAG: Final = re.compile(
    r"(?:,\s*|\b)(?:right|correct|is that (?:right|correct)|isn't it|stimmt das|stimmt's|richtig|oder|"
    r"¿?correcto|¿?verdad|¿?cierto|¿?no|c'est bien ça|c'est ça|n'est-ce pas|non|giusto|vero|corretto|"
    r"è così|dico bene)\s*[?？]\s*$",
    re.I,
)


def _confirms(prev: Msg) -> bool:
    """Whether the assistant's turn ends by asking the user to confirm what it just said ("... is 10
    working days, correct?", "Ich hatte Katrin notiert, stimmt das?"): a "no" and another value in
    reply put that right, it answers no open question."""
    last = prev.sentences[-1] if prev.sentences else ""
    return bool(_CONFIRM_TAG.search(last)) and not OR_WORDS.hit(last)


def _asks_first(m: Msg, prev: Msg) -> bool:
    """A turn that opens with a question of its own, naming none of the values the assistant gave: the
    values after it are what the question is to be answered with, not a value put right. ("why 24
    hosts? we have 42" names the assistant's value: that one does correct it.)"""
    first = m.sentences[0]
    if not is_question(first) or len(m.sentences) < 2:
        return False
    theirs = {v.lower() for v in VALUE.findall(prev.prose[-1500:])}
    return theirs.isdisjoint(v.lower() for v in VALUE.findall(first))


#: A question that asks what is so ("is the limit 100 or 1000?"), not what to do ("should it be ...?").
_IS_Q: Final = re.compile(
    r"^(?:[\w ]{1,20}:\s*)?(?:is|are|was|were|ist|sind|war|es|son|est|sont|c'est|è|sono)(?!\w)", re.I
)


def _answers_which_value(ctx: Ctx, m: Msg, prev: Msg) -> bool:
    """The answer to a question of fact between values ("Open question: is the vendor's rate limit 100
    or 1000 requests per minute?" - "the rate limit is 1000 requests per minute"): the user states one
    of the values with the question's own words. A fact (must keep), in the user's words; a choice of
    what to do ("should retention be 90 or 180 days?") stays a decision."""
    if not m.sentences or len(m.prose) > 300:
        return False
    asked = [q for q in reversed(prev.sentences) if _IS_Q.match(q) and is_question(q)]
    said = m.sentences[0]
    if not asked or is_question(said) or not STATE_VERB.search(said) or has_secret(said):
        return False
    for q in asked:
        values = {v.lower() for v in VALUE.findall(q)}
        if len(values) < 2 or not OR_WORDS.hit(q):
            continue
        picked = {v.lower() for v in VALUE.findall(said)} & values
        shared = word_set(said) & word_set(q) - values - COPULA
        if len(values) >= 2 and len(picked) == 1 and len([w for w in shared if len(w) > 3]) >= 1:
            ctx.add("fact", sentence_case(plain(said).rstrip(".")), {prev.pos, m.pos}, must_keep=True)
            return True
    return False


#: A denial in any of the languages: "not", "isn't", "nicht", "kein", "no", "pas", "non", "n'".
_DENIAL: Final = re.compile(r"\b(?:not|isn't|nicht|kein\w*|no|pas|non)\b|\bn'", re.I)


def bare_values(text: str) -> set[str]:
    """The values of a text, lower-cased, an ordinal's suffix dropped ("the 14th" is "14 January"'s 14)."""
    return {_ORDINAL_END.sub("", v.lower()) for v in VALUE.findall(text)}


_ORDINAL_END: Final = re.compile(r"(?<=\d)(?:st|nd|rd|th|er|e|º|ª)$")


def _negated_then_stated(s: str, sentences: Sequence[str], prev: Msg) -> str:
    """ "it's not the 14th! The briefing is Thursday 21 January.": a sentence that only denies the
    assistant's value (every value it names is the assistant's), followed by one that states a new
    value, is put right by the two together, in the user's words (not the old value swapped in)."""
    if s not in sentences:
        return ""
    at = sentences.index(s)
    if at + 1 >= len(sentences) or not _DENIAL.search(s):
        return ""
    theirs = bare_values(prev.prose[-1500:])
    said = bare_values(s)
    nxt = sentences[at + 1]
    new = bare_values(nxt) - theirs
    if not said or not said <= theirs or not new or is_question(nxt) or has_secret(nxt):
        return ""
    head = _SOUND_LEAD.sub("", LEAD_FILLER.sub("", s)) or s
    return plain(f"{head[:1].upper()}{head[1:]} {nxt}")


def _declares(s: str) -> bool:
    """A statement ("it's 1000", "no, 5433", "1000, not 100"), as opposed to an instruction."""
    toks = tokens(s)
    while len(toks) > 1 and toks[0] in _INTERJECTION:
        toks = toks[1:]  # "ah no wait, it's not the 14th!": the statement after the "ah"
    lead = toks[1:2] if toks[:1] and toks[0] in _THEN else toks[:1]  # ("donc la séance tombe le 2")
    return (
        len(toks) <= 4
        or STATE.hit(s)
        or NO.starts(s)
        or bool(_NOT_BUT.search(s))
        or toks[0] in _STATE_LEAD
        or (
            bool(lead) and (lead[0] in _ARTICLE or lead[0].startswith("l'"))
        )  # a subject first, no verb: "la dixième séance tombe ..."
        or not COPULA.isdisjoint(toks[:3])  # "actually it's 38", "en fait c'est 38 °C"
        or any(t.endswith("'s") and t != "let's" for t in toks[:3])  # "that one's 2026-09-30"
    )


def _restates(s: str, prev: Msg) -> bool:
    """The assistant's own statement said again with another value: the reply opens with the
    assistant's verb ("La oficina abre a las 8:00" - "abre a las 8:30 desde enero"), or its first
    clause is the value and a word or two ("eher 4 Stunden, mit Stau"). A fact, not an order."""
    toks = tokens(s)
    if not toks or not VALUE.search(s):
        return False
    head = tokens(re.split(r"[,;—–]", s, maxsplit=1)[0])
    if len(head) <= 3 and VALUE.search(" ".join(head)):
        return True
    first = toks[0]
    if any(first.endswith(x) for x in ("'re", "'m")):  # "we're on 20 since last week"
        return True
    if VALUE.match(s.lstrip()) and not PLEASE.search(s):
        return True  # "3.12 since the upgrade" opens with the value; "02:00 please" asks for it
    said = word_set(prev.prose[-1500:])
    return not first[:1].isdigit() and len(first) > 2 and first in said


#: "it is" in a word, per language: a reply built on it states a value, it does not order a change.
#: A sound that opens a turn and says nothing ("ah", "oh", "ach", "ay", "euh"), per language.
_INTERJECTION: Final = frozenset(
    [
        "ah",
        "oh",
        "oops",
        "hm",
        "hmm",
        "uh",
        "um",
        "eh",
        "ach",
        "oje",
        "ups",
        "ay",
        "uy",
        "vaya",
        "oups",
        "euh",
        "ehm",
    ]
)

_SOUND_LEAD: Final = re.compile(r"^(?:(?:" + "|".join(sorted(_INTERJECTION)) + r")\b[,!.]?\s*)+", re.I)

COPULA: Final = frozenset(
    ["it's", "that's", "c'est", "es", "ist", "est", "sind", "son", "is", "are", "è", "sono"]
)


#: "So", "then" at a sentence's head, per language: what follows is drawn from what came before.
_THEN: Final = frozenset(
    [
        "so",
        "then",
        "thus",
        "also",
        "dann",
        "daher",
        "entonces",
        "pues",
        "donc",
        "alors",
        "quindi",
        "allora",
        "dunque",
    ]
)

#: A definite article, per language: a sentence that opens with one opens with its subject, not a verb.
_ARTICLE: Final = frozenset(["der", "die", "el", "los", "las", "la", "le", "les", "il", "lo", "gli"])


_STATE_LEAD: Final = frozenset(
    [
        "it",
        "it's",
        "its",
        "that's",
        "thats",
        "the",
        "our",
        "my",
        "this",
        "they",
        "we",
        "es",
        "das",
        "c'est",
        "está",
    ]
)


def _not_but(s: str, prev: Msg) -> str:
    m = _NOT_BUT.search(s)
    if m is None:
        return ""
    old = (m.group("old") or m.group("old2") or "").strip(".,;:!")
    new = (m.group("new") or m.group("new2") or "").strip(".,;:!")
    if old.lower() == new.lower() and m.group("old"):  # "nicht am 3., sondern am 1.": the values differ
        olds, news = VALUE.findall(m.group(0)), VALUE.findall(s[m.end() - len(new) :])
        old, new = (olds[0], news[0]) if olds and news else (old, new)
    if not old or not new or old.lower() == new.lower() or old.lower() not in prev.low:
        return ""
    stop = m.group("old") and not _SONDERN.search(m.group(0))  # "not 24. redo it": the value after a stop
    kind_differs = any(c.isdigit() for c in old) != any(c.isdigit() for c in new)
    if stop and (kind_differs or new[:1].islower() != old[:1].islower() or FIRST.hit(new) or len(new) < 3):
        return ""  # ("we have 42 hosts, not 24. redo it", "nicht Katrin. Ich ..."): no value of the same kind
    if m.group("old2"):
        if NO.starts(new):
            return ""  # ("Nein, nicht Katrin.": the no answers; what is so instead comes after it)
        return plain(CORRECTION_LEAD.sub("", s))  # "X, not Y": the user's own words say it
    clause = next((c for c in _clauses(prev.prose) if old.lower() in c.lower()), "")
    if not clause:
        return plain(s)
    fixed = plain(re.sub(re.escape(old), new, clause, count=1, flags=re.I))
    return fixed if STATE.hit(clause) else f"{fixed.rstrip('.')} (not {old})"


def _swapped_value(s: str, prev: Msg, echoed: str = "") -> str:
    """The assistant's clause with the user's value put in, when ``s`` gives the one value of the same
    slot: a number, date, host or version of the same form, in the same unit; or, in a short reply,
    a name ("Hamburg" for "Munich"). ``echoed`` is the assistant's next turn: repeating the user's
    value there confirms the slot."""
    said_text = prev.prose[-1500:]  # what the user answers is at the end of a long turn
    said = [v for v in VALUE.findall(s) if v.lower() not in {x.lower() for x in VALUE.findall(said_text)}]
    names = not VALUE.search(s) and len(tokens(s)) <= 6  # a name counts only as a short reply of its own
    before = {v.lower() for v in slot_values(said_text, names)}
    mine = {v.lower() for v in slot_values(s, names, reply=True)}
    if names:
        said = [v for v in slot_values(s, names, reply=True) if v.lower() not in before]
    if not said and not names:
        return _unit_swapped(s, said_text)
    if len(said) != 1:
        return ""
    words = word_set(s)
    echo = bool(echoed) and said[0] in echoed and len(tokens(echoed)) <= 8
    if names and not (echo and _declares(s)):
        return ""  # a name alone is a value only when stated and taken up ("Hamburg" - "Using Hamburg.")
    clauses = _clauses(said_text)
    for at, clause in enumerate(clauses):
        theirs = [v for v in slot_values(clause, names) if v.lower() not in mine]
        if names:  # a name replaces a name: "clause 11 ... Munich" - "Hamburg"
            theirs = [v for v in theirs if value_kind(v) == "name"]
        if len(theirs) != 1 or value_kind(theirs[0]) != value_kind(said[0]):
            continue
        if _dated(s, said[0]) != _dated(clause, theirs[0]):
            continue  # "avant le 10 décembre" for "96 %" or "6 captures": a date takes no count's place
        shared = words & word_set(clause) - word_set(theirs[0]) - word_set(said[0])
        form = _shape(theirs[0]) == _shape(said[0]) and len(words) <= 12
        alike = form and (any(c.isalpha() for c in said[0]) or bool(_STRUCTURED.search(said[0])))
        # (staging-1.internal / staging-2.internal, 2026-12-31 / 2027-03-31: not bare numbers)
        unit = _affix(s, said[0])  # "2.75%" for "2.5%", "€1,310" for "€1,240", "n=128" for "n=120"
        alike = alike or (bool(unit) and len(words) <= 6 and unit == _affix(clause, theirs[0]))
        alike = alike or (echo and len(words) <= 6)  # "Hamburg" - "Thanks, using Hamburg."
        alike = alike or (form and not names and bool(VALUE.match(s.lstrip())))  # "3.12 since October"
        if len(shared) >= 2 or (shared and len(words) <= 6) or alike:
            # "I'll deploy to staging-1": the user's words say it better (unless they only give the value)
            if not STATE.hit(clause) and len(tokens(s)) > 3 and shared:
                return plain(
                    CORRECTION_LEAD.sub("", s)
                )  # (their words name the slot: "sample size is n=128")
            fixed = clause.replace(theirs[0], said[0], 1)
            if (
                at and len(tokens(clause)) <= 2
            ):  # "Thursday 10 December, 10:30": the value says when with the clause before
                fixed = f"{clauses[at - 1]}, {fixed}"
            return plain(fixed)
    return ""


#: A month's name right after a day's number ("10 décembre", "12 de mayo", "3. März") or right before
#: it ("June 13"): the number is a day of a date.
_MONTH_AFTER: Final = re.compile(r"\.?\s?(?:de\s|of\s)?" + MONTH_PATTERN + r"\b", re.I)
_MONTH_BEFORE: Final = re.compile(r"\b" + MONTH_PATTERN + r"\s$", re.I)
_DAY: Final = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?", re.I)


def _dated(text: str, value: str) -> bool:
    """Whether ``value`` is written as a date in ``text``: an ordinal day ("the 12th"), a date's own
    form ("2026-12-10", "12.11."), or a day's number beside a month's name."""
    at = text.find(value)
    end = at + len(value)
    if re.fullmatch(r"\d{4}-\d\d-\d\d|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}(?:st|nd|rd|th)", value, re.I):
        return True
    if at < 0:
        return False
    if re.fullmatch(r"\d{1,2}\.\d{1,2}", value) and re.match(r"\.\s[a-zäöüß]", text[end : end + 3]):
        return True  # ("am 12.11. mit": a German date, not "2.4 GHz" nor "Python 3.11.")
    beside = bool(_MONTH_AFTER.match(text, end) or _MONTH_BEFORE.search(text[:at]))
    return beside and _DAY.fullmatch(value) is not None


#: A value set against another of the same kind in the user's own sentence: "submission is on the 14th,
#: not the 4th", "es sind 23 km, nicht 32", "l'arrivée c'est 17 h, pas 16 h", "son 60 €, no 50 €".
_CONTRASTED: Final = re.compile(
    r"(?<![\w.,:])(?P<new>\d[\d.:,]*?(?:st|nd|rd|th|\.)?)"
    r"(?P<unit>(?:\s*[^\W\d_]{1,12}\.?){1,2}|\s*[€$£%°](?:\s?/\s?[^\W\d_]{1,6})?)?,?\s+\(?"
    r"(?:not|nicht|no|pas|non)\s+(?:(?:a|à|um|at|on|by|bis|hasta|jusqu'à|entro)\s+)?"
    r"(?:(?:the|am|den|der|die|el|la|las|los|le|les|de|du|il|al|alle|i)\s+)?"
    r"(?:[^\W\d_]{3,12}\s+(?=\d))?(?:[€$£]\s?)?"  # ("no el jueves 21": the day's name; "not £12,000")
    r"(?P<old>\d[\d.:,]*?(?:st|nd|rd|th)?)(?![\d])",
    re.I,
)


#: The negation first, then the value put in its place: "it's not 240, it's 185", "no son 240 de cuota,
#: son 185", "es sind nicht 240, sondern 185", "ce n'est pas 240, c'est 185", "non sono 240, sono 185".
_NEGATED_FIRST: Final = re.compile(
    r"(?<!\w)(?:not|nicht|no|pas|non)\s+(?:(?:is|are|son|es|sind|ist|sono|è)\s+)?"
    r"(?:(?:the|der|die|das|el|la|los|las|le|les|il|lo|i)\s+)?"
    r"(?P<old>\d[\d.:,]*?(?:st|nd|rd|th)?)(?:\s*[€$£%°]|(?:\s+[^\W\d_]{1,10}){1,3})?\s*[,;—–]\s*"
    r"(?:(?:but|sondern|sino|mais|ma)\s+)?"
    r"(?:(?:it'?s|it is|they'?re|es sind|es ist|das sind|son|es|sind|ist|c'est|ce sont|sono|è)\s+)?"
    r"(?:(?:the|der|die|das|el|la|los|las|le|les|il|lo|i)\s+)?"
    r"(?P<new>\d[\d.:,]*?(?:st|nd|rd|th)?)(?![\d])",
    re.I,
)

_SONDERN: Final = re.compile(r"\b(?:but|sondern|sino|mais|ma)\b", re.I)

#: "But", per language, at a sentence's head: the contrast is with what came before, not part of the fact.
_BUT_HEAD: Final = re.compile(r"^(?:but|aber|doch|pero|mais|ma|però)\s+", re.I)


#: What joins a sentence to the one before ("and", "und", "y", "et") or labels it ("Korrektur:").
JOINED: Final = re.compile(
    r"^(?:and|also|plus|und|auch|y|también|et|aussi|e|anche|pure)\s+(?:\w+\s*:\s*)?", re.I
)


def _whole_sentences(sents: Sequence[str]) -> list[str]:
    """Sentences with a German ordinal put back together ("am 19." + "Mai, nicht am 9." is one)."""
    out: list[str] = []
    for s in sents:
        if out and re.search(r"(?<![\d.])\d{1,2}\.$", out[-1]) and s[:1].isalpha():
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


#: The negations ``_CONTRASTED`` sets a value against the other with.
_NEGATIONS: Final = frozenset(["not", "nicht", "no", "pas", "non"])


def _contrasted(s: str) -> str:
    """The user's statement of a value with the one it replaces ("X, not Y"), as a fact; "" if none.

    Only a statement counts ("the deadline is the 14th, not the 4th"); "make it 3, not 4" orders a change.
    """
    if _NEGATIONS.isdisjoint(tokens(s)):
        return ""  # (no "not" of any language: the pattern cannot match)
    after = _CONTRASTED.search(s)
    first = _NEGATED_FIRST.search(s) if after is None else None
    m = after or first
    if m is None or is_question(s) or has_secret(s):
        return ""
    if first is not None:  # "not 240, it's 185": a statement when a copula or "but" says so
        if COPULA.isdisjoint(tokens(s[: first.end()])) and not _SONDERN.search(first.group(0)):
            return ""
    elif not (_declares(s) or STATE.hit(s[: m.start()]) or not COPULA.isdisjoint(tokens(s[: m.start()]))):
        return ""
    new, old = (re.sub(r"\D", "", v) for v in (m.group("new"), m.group("old")))
    if not new or new == old:
        return ""  # ("20 minutes, not 20 seconds": a unit, read elsewhere)
    if after is not None and re.match(r"\.\s+\S", s[after.end() :]):
        s = s[: after.end()]  # ("no el jueves 21. El jueves ...": "21." joined the next one)
    bare = re.sub(r"^(?:ah|oh|äh|eh|ay)\b[,!\s]*", "", s.strip(), flags=re.I)
    said = CORRECTION_LEAD.sub("", bare)
    if first is not None and len(bare) - len(said) > bare.lower().find(first.group(0).lower()):
        said = bare  # ("Non sono 12, sono 14": the "non" is the statement's own, no lead to drop)
    said = _BUT_HEAD.sub("", JOINED.sub("", said))
    head, sep, rest = said.partition(":")
    if sep and rest.strip() and FIRST.hit(head) and not any(c.isdigit() for c in head):
        said = rest.strip()  # "I mixed it up: the fee is 40, not 30": the head is about the speaker
    return sentence_case(lead_stripped(plain(said)).rstrip(" .:"))  # ("One thing straight away: ...")


#: Words that add one more ("and Anne too", "auch Frau Lenz"): what follows is not a respelling.
_ADDS: Final = re.compile(r"\b(?:and|also|too|plus|und|auch|sowie|y|también|et|aussi|anche|pure)\b", re.I)


def _respelled(s: str, prev: Msg) -> str:
    """A name the assistant wrote, spelled right by the user: another name that differs from it by a
    letter or two ("Brand" / "Brandt", "Henrik" / "Henrike"). The assistant's clause with the name put right."""
    said = prev.prose[-1500:]
    if _ADDS.search(s):
        return ""  # "and Anne too" after "Anna": another person, not a spelling
    new = [n for n in _NAME_VALUE.findall(s) if len(n) >= 4 and n not in said and n[0] in said]
    if not new:
        return ""  # (cheap: no name of the user's that the assistant nearly wrote)
    theirs = set(_NAME_VALUE.findall(said))
    for name in new:
        for old in theirs:
            near = 1 if min(len(old), len(name)) < 7 else 2  # ("Maier" / "Meier", "Henrik" / "Henrike")
            if (
                len(old) >= 4
                and old[0] == name[0]
                and old.lower() != name.lower()
                and _edits(old, name) <= near
            ):
                clause = next((c for c in _clauses(said) if re.search(rf"\b{re.escape(old)}\b", c)), "")
                fixed = re.sub(rf"\b{re.escape(old)}\b", name, clause, count=1)
                whole = re.search(rf"(?:[A-Z]\w+\s+)*{re.escape(old)}(?:\s+[A-Z]\w+)*", said)
                full = whole.group(0) if whole else old
                if clause and (STATE_VERB.search(clause) or clause.startswith(full)):
                    return plain(fixed).rstrip(" .:")  # "Henrike signs off the budget each quarter"
                return f"{full.replace(old, name, 1)} (not {full})"  # "Lea Brandt (not Lea Brand)"
    return ""


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _unit_swapped(s: str, said_text: str) -> str:
    """The same number in another unit, in a short reply: "It weighs 12 lb" - "12 kg, not pounds"
    gives "It weighs 12 kg"."""
    if len(s.split()) > 6 or len(tokens(s)) > 6:
        return ""
    for v in dict.fromkeys(VALUE.findall(s)):
        mine = _SHORT_UNIT.match(s, s.find(v) + len(v))
        if mine is None:
            continue
        for clause in _clauses(said_text):
            at = clause.find(v)
            theirs = _SHORT_UNIT.match(clause, at + len(v)) if at >= 0 else None
            if theirs is None or theirs.group(1).lower() == mine.group(1).lower():
                continue
            return plain(clause[:at] + v + mine.group(0) + clause[theirs.end() :])
    return ""


#: A unit right after a number, any case: "12 kg", "12 lb", "30 min", "5%".
_SHORT_UNIT: Final = re.compile(r"\s?([%‰]|[A-Za-zµ°]{1,3}\b)")


#: A value written in parts: a date, a time, a version, an address ("2027-03-31", "10:30", "1.4.2").
_STRUCTURED: Final = re.compile(r"\d[-:./]\d+[-:./]\d|\d:\d\d")


def slot_values(text: str, names: bool, reply: bool = False) -> list[str]:
    """The values a slot can hold: numbers, dates, ids, hosts; and capitalised names if ``names``
    (in the user's ``reply``, a name standing alone counts too)."""
    values = VALUE.findall(text)
    if names:
        lead = len(text) - len(text.lstrip(" \"'([*¿¡"))
        alone = reply and len(text.split()) <= 2
        values += [
            m.group(0)
            for m in _NAME_VALUE.finditer(text)
            if m.group(0) not in values and (m.start() != lead or alone)
        ]  # (a sentence's first word is capitalised anyway: "Sure.", "Since ...")
    return values


#: A capitalised name written as a value (not a sentence's first word, unless it stands alone).
_NAME_VALUE: Final = re.compile(r"(?<![\w.-])[A-ZÄÖÜÉÈÁÍÓÚÑ][a-zäöüßéèêàáíóúñç]{2,}(?![\w-])")


def _affix(text: str, value: str) -> str:
    """The unit a value is written with: the sign before it ("€", "n=") and the symbol or short word
    after it ("%", "°C", "GHz"), lower-cased; empty when it stands bare."""
    at = text.find(value)
    if at < 0:
        return ""
    before = text[max(0, at - 2) : at].lstrip()
    if not before.endswith("="):  # "n=128" keeps its letter; "€1,310" its sign, not the word before
        before = "".join(c for c in before if not (c.isspace() or c.isalnum()))
    after = _UNIT.match(text, at + len(value))
    unit = next((g for g in after.groups() if g), "").lower() if after else ""
    return f"{before}|{unit}" if before or unit else ""


#: A unit right after a number: a symbol, letters written on to it ("10GB"), or a short word with a
#: capital ("°C", " GHz", " K"); a lower-case word after a space is the sentence going on.
_UNIT: Final = re.compile(r"\s?([%‰°][A-Za-z]?)|([A-Za-zµ]{1,3})\b|\s((?=[a-zµ]{0,2}[A-Z])[A-Za-zµ]{1,3})\b")


def _shape(value: str) -> str:
    """A value with its digits blanked: hosts, versions and times of the same form compare equal."""
    if not any(c.isdigit() for c in value):
        return value.lower()
    return re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "th", re.sub(r"\d", "0", value.lower()))  # "21st" / "12th"


def value_kind(value: str) -> str:
    if value[:1].isdigit():
        return "num"
    return "name" if value.isalpha() and value[:1].isupper() else value[:1]


def _clauses(prose: str) -> list[str]:
    return [c.strip() for s in split_sentences(prose) for c in re.split(r"[,;:]\s+(?=\w)", s) if c.strip()]


#: "Wait": a pause before going on, which is no correction by itself.
_HOLD_ON: Final = re.compile(
    r"^(?:wait|hold on|one sec|moment|warte|moment mal|espera|un momento|attends|une seconde|aspetta|un attimo)\b",
    re.I,
)


#: "Wait", "hold on" at a sentence's head, said once or twice ("wait, hold on."), with what follows it.
_HOLD_ON_HEAD: Final = re.compile(
    r"^(?:(?:no\s+)?(?:wait|hold on|one sec|moment|warte|moment mal|espera|un momento|attends|une seconde|aspetta|"
    r"un attimo)\b[\s,.!:;—–-]*)+",
    re.I,
)


def _corrects(sentence: str) -> bool:
    """Whether a sentence says the agent got something wrong. A pause word at its head ("wait, hold on.",
    "wait until Lena signs off") says nothing by itself: what the user then says must (a correction word,
    "that's wrong", "we moved to ..."). Without it, "wait, X runs at 02:00, stopping it breaks that" objects
    to a plan the user had just agreed to, and "Wait. I checked: ... So, B" turns a choice around: both
    are read by the dialogue rules as the choice they change, not as a correction of the agent."""
    rest = _HOLD_ON_HEAD.sub("", sentence, count=1)
    if rest != sentence and NO_ALONE.match(rest):
        return True  # ("wait no, it went up to 65", "warte, nein, ...": the no after the pause says it)
    if CORRECTION.search(sentence) is None:
        return False
    return rest == sentence or (bool(rest) and CORRECTION.search(rest) is not None)


def user_correction(ctx: Ctx, m: Msg, prev: Msg | None) -> bool:
    """The user telling the agent it got something wrong: a fact that must be kept."""
    if value_correction(ctx, m, prev):
        return True
    paused = _HOLD_ON_HEAD.sub("", m.prose, count=1)  # ("warte, nein, ...", "aspetta, no: ...")
    if prev is None or not m.sentences or not (m.has(CORRECTION) or NO_START.match(paused)):
        return False
    head = LEAD_FILLER.sub("", m.sentences[0]) or m.sentences[0]
    strong = (_corrects(head) and not is_question(head)) or any(
        _corrects(s) for s in m.sentences[1:] if not is_question(s)
    )
    weak = (
        NO_ALONE.match(head)
        and (not QUESTION_END.search(prev.prose) or _confirms(prev))
        and not ctx.offer(prev).options
    )
    if not strong and not weak:
        return False
    if _HOLD_ON.match(head) and ctx.offer(prev).options and not _NOT_BUT.search(m.prose):
        return False  # options laid out - "wait, tell me more about C": a question before choosing
    said = [CORRECTION_LEAD.sub("", s) for s in m.sentences if not is_question(s) and not PLEASANTRY.match(s)]
    said = [s for s in said if s.strip() and not has_secret(s)]
    if not said:
        return False
    ack = ctx.prose_after(m.pos, text_only=False)
    pos = {m.pos, ack.pos if ack is not None and ACK.search(ack.prose) else prev.pos}
    ctx.add("fact", plain(" ".join(said)) + ctx.labels["correction"], pos, must_keep=True)
    return True
