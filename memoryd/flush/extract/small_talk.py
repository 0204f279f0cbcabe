"""Small talk keeps no facts. A range where no tool runs and the user never asks the agent for
anything (no request, no "please", nothing to remember) is a chat: "i hate december a bit", "my
grandma never chilled anything", "ich sag immer Zelten > Panettone" say how the user feels about the
weather or a cake, with the words a standing rule or a preference uses, but nothing the agent is to
work by. Their fact drafts are dropped; a correction of the agent is kept all the same."""

from __future__ import annotations

from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.fact_common import PLEASE
from memoryd.flush.extract.lexicon import Words, tokens
from memoryd.flush.extract.markers import REMEMBER, opens_request
from memoryd.flush.extract.messages import Msg


def drop_small_talk_facts(ctx: Ctx) -> None:
    """The range's fact drafts, other than corrections, dropped when the range is small talk."""
    if not _small_talk(ctx.msgs):
        return
    correction = ctx.labels["correction"]
    ctx.drafts[:] = [d for d in ctx.drafts if d.kind != "fact" or d.text.endswith(correction)]


def _small_talk(msgs: list[Msg]) -> bool:
    """A few exchanges, each answered in a sentence or more; no tool call, no user turn that asks the
    agent to do or keep anything, and no assistant turn that takes something on ("Noted.", "Entendido,
    ...", "Merke ich mir.")."""
    said = [m for m in msgs if m.role == "assistant" and m.prose]
    if sum(m.role == "user" for m in msgs) < _TURNS or any(len(tokens(m.prose)) < _CHATTY for m in said[:-1]):
        return False  # (a statement and "Okay.": the assistant takes it on in a word; a chat answers it)
    for m in msgs:
        if m.step is not None or m.has_calls:
            return False
        if m.role == "user" and (m.has(REMEMBER) or PLEASE.search(m.prose) or _asks_to(m)):
            return False
        if m.role == "assistant" and _TAKEN_ON.hit(m.prose):
            return False
    return True


#: A chat has a few exchanges, and the assistant answers each in a sentence of its own, not in a word.
_TURNS: Final = 3
_CHATTY: Final = 6

#: The assistant taking on what it was told, per language: "noted", "got it", "understood", "will do".
_TAKEN_ON: Final = Words(
    "noted|got it|understood|will do|on it|i'll remember|i'll keep",
    "notiert|verstanden|gemerkt|merke|mach ich|vermerkt",
    "entendido|anotado|apuntado|lo apunto|lo anoto|tomo nota|hecho|recordaré|lo recordaré|me acordaré",
    "noté|c'est noté|compris|je retiens|je note|souviendrai|retenu",
    "annotato|capito|segnato|preso nota|ricevuto|ricorderò|terrò presente",
)


def _asks_to(m: Msg) -> bool:
    """A sentence of the turn that opens with a request ("can you ...", "let's ...", "write ...")."""
    return any(map(opens_request, m.sentences))
