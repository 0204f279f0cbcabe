"""A task whose doer is named after its verb: Spanish and Italian front the object, take it up with
a clitic pronoun, and put the subject last ("los de 3ºC los llama Chusa el lunes", "quello lo
rinnova Chiara entro il 14"). The name after the verb is who does it, as a name before it would be."""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.markers import STOPWORDS

#: An object clitic (es/it), a verb, then a capitalised name that is not the start of a longer proper
#: noun (a second capitalised word after it: "la sala Jacquard Nord" is a place, not a doer).
_CLITIC_VERB_NAME: Final = re.compile(
    r"(?:^|(?<=[\s,:;(]))(?:lo|la|los|las|les|li|gli|l['’])\s*"
    r"([a-zñà-ÿ]{3,}(?:[aeo]|an|en|ano|ono))\s+([A-ZÀ-Þ][a-zñß-ÿ'’-]+)\b(?!\s+[A-ZÀ-Þ0-9])"
)


def clitic_doer(clause: str) -> str:
    """The name a clitic-fronted clause puts after its verb, or "" when it has none."""
    for hit in _CLITIC_VERB_NAME.finditer(clause):
        name = hit.group(2)
        if name.lower() not in STOPWORDS and hit.group(1).lower() not in STOPWORDS:
            return name
    return ""
