"""The names the agent is given to work with. Asking for work, the user names what it runs against,
each as a label and an identifier ("Mandant M-20417", "user ist recon_ro, host pg-billing-01...",
"base cur_db, table cur_lumenhq"), and the agent's next tool calls use those identifiers as they
were written. A clause that is only a label and a name the agent then runs against says where
things are: an environment fact, in the user's words. A secret in the clause is never kept."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.fact_common import PLEASE
from memoryd.flush.extract.lexicon import WH, tokens
from memoryd.flush.extract.markers import LEAD_FILLER, REQUEST
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, plain

#: A name a setup gives its things: letters with a digit or an inner "-", "_", "." or "/" ("M-20417",
#: "recon_ro", "pg-billing-01.int.lumenhq.net", "~/.snowflake/connections.toml"), not a plain word.
_ID: Final = r"[~\w][\w.~/@:+-]*[\w/]"

#: A clause that is a label and one name: "Mandant M-20417", "user ist recon_ro", "le profil aws c'est
#: data-billing", "caldav is cal.example.de". The label is one to four words; a verb of being may join them.
_LABELLED: Final = re.compile(
    r"^(?P<label>(?:[^\W\d_][\w'-]*\s+){1,4}?)(?P<be>(?:is|ist|es|est|c'est|è|=)\s+|:\s*)?(?P<id>"
    + _ID
    + r")$",
    re.I,
)

#: Words that open no label: a preposition or an article alone before the name ("in", "to", "the").
_NO_LABEL: Final = frozenset(
    tokens(
        "in on at to for from with of by between im am auf zu für von mit bei en de para por dans sur pour entre su per"
    )
)


#: A file's name by its extension: "reconcile.py", "TEMPLATE.md", "bookings.csv".
_FILE: Final = re.compile(
    r"\.(?:py|md|ya?ml|csv|pdf|json|txt|toml|sh|sql|ts|js|ini|cfg|conf|log|xlsx?|docx?)$", re.I
)


def given_ids(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """The clauses of ``m`` that name, under a label, what the agent's next tool calls run against."""
    calls = " ".join(f"{a.step.command} {a.step.path}" for a in ctx.after(m.pos) if a.step is not None)
    if not calls:
        return
    said: list[str] = []
    idx: set[int] = set()
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 400:
            continue
        for clause in re.split(r"[,;]\s+|\.\s+|\s+(?:and|und|y|et|e)\s+", LEAD_FILLER.sub("", s)):
            got = _LABELLED.match(clause.strip().rstrip("."))
            if got is None or has_secret(clause) or REQUEST.match(clause.strip()):
                continue
            name, label = got.group("id"), tokens(got.group("label"))
            if not _named(name) or name not in calls or not _label(label, bool(got.group("be")), calls):
                continue
            said.append(plain(clause.strip().rstrip(".")))
            idx.add(i)
    if said:
        ctx.add("fact", "; ".join(said), {m.pos})
        used.update(idx)


def _label(words: Sequence[str], joined: bool, calls: str) -> bool:
    """A label that names a kind of thing: no preposition, question word or "please" in it ("kafka lag
    alert on ...", "deploy bitte ..."); one word the calls use as well ("mandant" in ``/mandanten/``,
    "host" in ``host=``) unless a verb of being joins it to the name ("prod is lf-prod-eu1")."""
    if (
        not words
        or not _NO_LABEL.isdisjoint(words)
        or WH.hit(" ".join(words))
        or PLEASE.search(" ".join(words))
    ):
        return False
    if joined:
        return len(words) <= 3
    return len(words) == 1 and len(words[0]) >= 4 and words[0] in calls.lower()


def _named(name: str) -> bool:
    """An identifier, not a word or a bare number: a letter, and a digit or an inner separator."""
    core = name.strip(".:/")
    if "/" in core or _FILE.search(core):
        return False  # a file or a path is what to work on, not where things are
    has_sep = any(c in core[1:-1] for c in "-_./")
    return len(core) >= 4 and any(c.isalpha() for c in core) and (has_sep or any(c.isdigit() for c in core))
