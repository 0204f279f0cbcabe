"""What a flush keeps: one remembered item, with the entries that prove it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Kind = Literal["decision", "outcome", "open_question", "todo", "fact", "procedure"]

#: Render order, and the order in which a full block keeps kinds when it must drop some.
KINDS: Final[tuple[Kind, ...]] = ("decision", "outcome", "open_question", "todo", "fact", "procedure")

KIND_TITLES: Final[dict[Kind, str]] = {
    "decision": "Decisions",
    "outcome": "Outcomes",
    "open_question": "Open questions",
    "todo": "To-dos",
    "fact": "Facts",
    "procedure": "Procedures",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One bullet of a flush block.

    ``entry_ids`` are transcript entry ids in transcript order; ``must_keep`` marks what a block
    never drops for space (decisions, corrections, explicit "remember", unresolved failures). A
    ``todo`` is a task with an owner or a due date (an open question has neither: it waits for an answer).
    """

    kind: Kind
    text: str
    entry_ids: tuple[str, ...]
    must_keep: bool = False
