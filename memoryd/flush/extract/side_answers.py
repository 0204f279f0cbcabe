"""A side question answered beside the work. The user asks for work and, in the same turn, asks what
something is ("... oh and what's the api rate limit again?", "also unrelated, whats the retention on
topic clicks.raw rn"); the agent runs its tools and, somewhere in what it says before the user's next
turn, states the answer with a value one of those tools returned and the question's own words. That
sentence is a fact, wherever it sits (after a retry, before options on the work)."""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.fact_common import VALUE, sentence_case
from memoryd.flush.extract.lexicon import AGAIN, WH, tokens
from memoryd.flush.extract.markers import LEAD_FILLER, NARRATION, REQUEST
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, is_question, plain, word_set

#: Question words that ask why: a cause is the work's outcome, not a fact asked for.
_WHY: Final = frozenset(tokens("why warum wieso weshalb pourquoi porque perché"))

#: "How" and a modal after it asks how to do something: a how-to, not a fact ("how do I", "wie kann ich").
_HOW_TO: Final = re.compile(
    r"\b(?:how|wie|comment|cómo|come)\s+(?:do|does|can|could|should|to|kann|soll|muss|mache|peux|puis|dois|"
    r"puedo|debo|hago|posso|devo|faccio)\b",
    re.I,
)


def side_answers(ctx: Ctx) -> None:
    """Each user turn that asks what something is beside other business, answered (see the module)
    by no fact yet: the agent's sentence with the question's words and a value its tools returned."""
    cited = {p for d in ctx.drafts if d.kind == "fact" for p in d.pos if ctx.msgs[p].role != "user"}
    for m in ctx.msgs:
        if m.role != "user" or len(m.sentences) < 2:
            continue
        question = _side_question(m)
        if not question:
            continue
        want = {w for w in word_set(question) if len(w) > 3 and not AGAIN.hit(w)}
        mine = _values(m.prose)
        found: set[str] = set()
        steps: list[tuple[int, set[str]]] = []
        for a in ctx.after(m.pos):
            if a.step is not None and not a.step.quiet:
                out = _values(a.step.output[:4000]) - mine
                steps.append((a.pos, out))
                found |= out
            elif a.role == "assistant" and a.prose and found and (said := _answer(a, want, found)):
                if a.pos not in cited:
                    cite = {m.pos, a.pos} | {p for p, out in steps if out & _values(said)}
                    ctx.add("fact", sentence_case(plain(said).rstrip(" .")), cite)
                break


def _values(text: str) -> set[str]:
    """The values of ``text`` that can tie an answer to a tool's output (two characters or more)."""
    return {v.lower() for v in VALUE.findall(text) if len(v) > 1}


def _side_question(m: Msg) -> str:
    """The turn's question of what something is ("what's the api rate limit again?"), or its last
    sentence asking it without the question mark (chat drops it: "whats the retention on topic
    clicks.raw rn"); "" when the turn asks nothing of the kind."""
    for i, s in enumerate(m.sentences):
        core = LEAD_FILLER.sub("", s)
        unmarked = i == len(m.sentences) - 1 and core.rstrip()[-1:].isalnum()
        marked = is_question(core) or (unmarked and any(_asks(c) for c in core.split(", ")))
        toks = tokens(core)
        if not marked or has_secret(core) or REQUEST.match(core) or not WH.hit(" ".join(toks[:5])):
            continue
        if _WHY.isdisjoint(toks[:5]) and not _HOW_TO.search(core):
            return core
    return ""


def _asks(clause: str) -> bool:
    """A clause that asks what, though no "?" ends it: a question word among its first four words
    ("whats the retention ...", "et dis-moi combien on était ..."), not one that also joins clauses
    ("que", "was", "when", "come")."""
    return any(WH.hit(t) and t not in _JOINS for t in tokens(clause)[:4])


#: Question words that also join a clause to another ("acabo de ver que ...", "wie besprochen", "when done").
_JOINS: Final = frozenset(
    tokens("que qui was wie wo wann when where how come cosa che quand quando cuando comment cómo")
)


def _answer(a: Msg, want: set[str], found: set[str]) -> str:
    """The statement of ``a`` that takes up the question's words and a value the tools returned (with
    the sentence after it when an abbreviation cut it: "... 259200000 ms, i.e." + "3 days, ...")."""
    sents = a.sentences
    for i, s in enumerate(sents):
        if is_question(s) or has_secret(s) or NARRATION.search(s) or len(s) > 300:
            continue
        if want & word_set(s) and found & _values(s):
            return f"{s} {sents[i + 1]}" if _ABBREV.search(s) and i + 1 < len(sents) else s
    return ""


#: An abbreviation at a sentence's end, which a split on its stop cut off from the rest.
_ABBREV: Final = re.compile(r"(?:\b(?:i\.e|e\.g|z\.\s?B|d\.\s?h|p\.\s?ex|v\.\s?a)\.)$", re.I)
