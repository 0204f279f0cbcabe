"""Helpers the fact rules share: values, sentence shape, whether a turn is the user's own."""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.dialogue import task_sentence
from memoryd.flush.extract.lexicon import PREFER, RULE
from memoryd.flush.extract.markers import (
    CONVENTION,
    PERSONAL,
    PLEASANTRY,
    REMEMBER,
    REQUEST,
)
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import (
    has_secret,
    is_question,
)
from memoryd.flush.extract.shell import EDIT_TOOLS, WRITE_TOOLS

VALUE: Final = re.compile(
    r"(?<![\w.-])(?:\d{4}-\d\d-\d\d|\d+(?:[.:,]\d+)*(?:st|nd|rd|th|[kmgtKMGT]i?[bB]?|ms|s|h|m)?|#[\w-]+|"
    r"[\w-]+\.[\w.-]*\w)(?![\w])"
)


PLEASE: Final = re.compile(
    r"\b(?:please|pls|bitte|por favor|s'il te plaît|s'il vous plaît|stp|svp|per favore|per piacere)\b", re.I
)


def said_unprompted(ctx: Ctx, m: Msg) -> bool:
    """Whether ``m`` says something of its own, not the answer to options or an offer just put
    ("What's up?" offers nothing: what follows it is the user's own)."""
    prev = ctx.prev_assistant(m.pos)
    if prev is None:
        return True
    offer = ctx.offer(prev)
    return not (offer.options or offer.single or offer.recommendation)


def sentence_case(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def strip_label(s: str, words: int = 3) -> str:
    """``A few things: I'm vegetarian`` -> ``I'm vegetarian`` (a head of at most ``words`` words)."""
    head, sep, rest = s.partition(":")
    if not sep or not rest.strip():
        return s
    short = len(head.split()) <= words and "`" not in head and not any(c.isdigit() for c in head)
    if not short:
        return s
    named = any(w[:1].isupper() and len(w) > 1 for w in re.findall(r"[^\W\d_]+", head)[1:])
    named = named and _ANNOUNCES.search(head) is not None  # ("Rule for Mrs Okafor: ..." says whose rule)
    return s if named else rest.strip()


def only_explains(sentence: str) -> bool:
    """A follow-up sentence that only explains the one before it."""
    markers = (CONVENTION, PERSONAL, REMEMBER, REQUEST, PLEASANTRY)
    if is_question(sentence) or has_secret(sentence) or task_sentence(sentence):
        return False
    return not any(p.search(sentence) for p in markers)


#: A noun that announces what follows ("one thing:", "noch was Grundsätzliches:", "una cosa:", "une règle
#: pour l'équipe :", "una regola:"), or a word that files it ("note", "for the future", "from now on").
_ANNOUNCES: Final = re.compile(
    r"\b(?:thing|things|point|rule|rules|policy|principle|note|reminder|heads-up|for the future|from now on|"
    r"going forward|keep in mind|bear in mind|sache|noch was|etwas|punkt|regel|grundsatz|grundsätzliches|hinweis|"
    r"notiz|für die zukunft|ab jetzt|künftig|cosa|algo|punto|regla|norma|nota|para siempre|para el futuro|"
    r"a partir de ahora|chose|règle|principe|rappel|pour la suite|à l'avenir|désormais|regola|principio|"
    r"d'ora in poi|per il futuro)\b",
    re.I,
)


def lead_stripped(text: str) -> str:
    """A rule or note without the head that only announces it: "One rule I want in the planning notes:
    we never ..." -> "We never ...", "Y una cosa para siempre: en los viajes ..." -> "En los viajes ...".

    The head (before the first colon) must announce (a noun such as "thing", "rule", "Regel", "cosa",
    "chose", or a filing word such as "for the future", "from now on") and name nothing itself: no
    digit, path, code or capitalised name past its first word (German nouns of the announcing class
    aside). A head that names the topic ("Frau Kessler: ...", "Invoices for Acme: ...") stays."""
    head, sep, rest = text.partition(":")
    if not sep or len(head) > 90 or len(rest.split()) < 3 or not _ANNOUNCES.search(head):
        return text
    if any(c.isdigit() for c in head) or any(c in head for c in "`/@#\"'«»“”"):
        return text
    if re.search(r"\w[-_.]\w", head) or RULE.hit(_ANNOUNCES.sub(" ", head)) or PREFER.hit(head):
        return (
            text  # ("from now on checkout-api always goes out as a canary first: 10% ...": the rule itself)
        )
    words = re.findall(r"[^\W\d_]+", head)
    named = [w for w in words[1:] if w[:1].isupper() and len(w) > 1 and not _ANNOUNCES.fullmatch(w)]
    if named:
        return text
    return sentence_case(rest.strip())


#: A short sentence that only stresses the rule before it, with no subject of its own: "No exceptions for
#: small tickets.", "Auch keine Hotfixes.", "Ninguna excepción.", "Aucune exception.", "Nessuna eccezione."
_STRESSES: Final = re.compile(
    r"^(?:no|not even|none|never|auch\s+kein\w*|kein\w*|nie|ni|ningun\w*|ningún|nada|aucun\w*|pas de|jamais|"
    r"nessun\w*|niente|mai)\b",
    re.I,
)


def stresses(sentence: str) -> bool:
    """Whether ``sentence`` only stresses the rule before it (see ``_STRESSES``): at most seven words,
    not a question."""
    return len(sentence.split()) <= 7 and not is_question(sentence) and _STRESSES.match(sentence) is not None


def written_down(ctx: Ctx, m: Msg) -> bool:
    """Whether the agent's answer to ``m`` writes or edits a file (before the user speaks again): what
    ``m`` asked to note down went into a document."""
    return any(a.step is not None and a.step.tool in WRITE_TOOLS | EDIT_TOOLS for a in ctx.after(m.pos))
