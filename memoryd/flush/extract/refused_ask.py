"""What a refusal goes on to put off: the reply turns the offer down and, in a clause of its own, the
speaker says they will ask someone ("no leave it, ... I'll ask him to look this afternoon", "non, on
touche à rien, ... je lui écris pour savoir si elle peut ..."). The reply does two things: the
offer is refused (a rejection) and the point behind it waits for that person's answer (an open
question). Pure functions over sentences; the dialogue rules decide when a reply refuses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.lexicon import ASK, ASK_SELF, FIRST, NO, tokens
from memoryd.flush.extract.prose import is_question, plain

#: Clauses of a reply: sentences cut at a comma, semicolon or dash.
_CLAUSE: Final = re.compile(r"\s*(?:[,;]|\s[—–-])\s+")
#: "whether" / "ob": with a first person, the speaker goes to find out ("I'll write to her whether ...").
_WHETHER: Final = re.compile(r"\b(?:whether|ob)\b", re.I)
#: A purpose of knowing whether, which says who acts even where the verb drops its pronoun ("le
#: escribo para saber si ..."): "to find out if", "pour savoir si", "um zu wissen, ob", "para saber
#: si", "per sapere se" (a plain "if"/"si" is a condition too).
_TO_KNOW: Final = re.compile(
    r"\b(?:find out (?:if|whether)|savoir s(?:i\b|')|wissen,? ob|saber si|sapere se)\b", re.I
)


def asking_clause(body: Sequence[str]) -> str:
    """The clause after a refusal's first one in which the speaker will ask someone (first person,
    no question, an asking verb or a "whether"), with the clause before it unless that is the
    refusal (it names whom: "Benoît has remote access, I'll ask him ..."); '' when there is none.
    A clause that only says no ("no leave it") is the refusal itself."""
    parts = [p.strip(" .!") for s in body for p in _CLAUSE.split(s) if p.strip(" .!")]
    for i, p in enumerate(parts[1:], start=1):
        if is_question(p) or NO.starts(p) or len(tokens(p)) < 3:
            continue
        if (FIRST.hit(p) and (ASK.hit(p) or _WHETHER.search(p))) or ASK_SELF.hit(p) or _TO_KNOW.search(p):
            before = parts[i - 1] if i >= 2 and not is_question(parts[i - 1]) else ""
            return plain(f"{before}, {p}" if before else p)
    return ""
