"""The state the rules share while they run over one range: drafts and what is already used."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from memoryd.flush.extract.exchanges import Offer, offer_of
from memoryd.flush.extract.markers import LABELS
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import clip
from memoryd.flush.items import Kind


@dataclass(slots=True)
class Draft:
    kind: Kind
    text: str
    pos: set[int]
    must_keep: bool = False


@dataclass(slots=True)
class Ctx:
    """Everything the rules share while they run over one range."""

    msgs: list[Msg]
    lang: str
    drafts: list[Draft] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # steps consumed by failure chains
    in_chain: set[int] = field(default_factory=set)  # positions inside a failure chain
    reported: set[int] = field(default_factory=set)  # assistant reports already cited
    answered: set[int] = field(default_factory=set)  # user turns read as part of a failure
    conditional: dict[int, Draft] = field(default_factory=dict)  # user pos -> conditional open question
    users: list[int] = field(default_factory=list)  # positions of the user turns
    slots: list[tuple[frozenset[str], Draft]] = field(default_factory=list)  # decided options' words
    slot_options: list[tuple[Offer, Draft]] = field(default_factory=list)  # decided offers, to reverse
    delegated: dict[int, int] = field(default_factory=dict)  # user pos -> the assistant turn that chose
    offers: dict[int, Offer] = field(default_factory=dict)
    # memos of the pure look-ups below (the messages never change while the rules run)
    _prev: dict[int, Msg | None] = field(default_factory=dict)
    _next: dict[tuple[int, bool], Msg | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.users = [m.pos for m in self.msgs if m.role == "user"]

    def offer(self, m: Msg) -> Offer:
        """What the assistant message ``m`` puts to the user (read once)."""
        got = self.offers.get(m.pos)
        if got is None:
            got = self.offers[m.pos] = offer_of(m)
        return got

    @property
    def labels(self) -> dict[str, str]:
        return LABELS[self.lang]

    def add(self, kind: Kind, text: str, pos: Iterable[int], must_keep: bool = False) -> Draft | None:
        text = clip(text)
        if not text:
            return None
        draft = Draft(kind, text, set(pos), must_keep)
        self.drafts.append(draft)
        return draft

    def after(self, pos: int) -> Iterator[Msg]:
        """Messages after ``pos`` up to the next user turn (without copying the list)."""
        return islice(self.msgs, pos + 1, self.next_user(pos))

    def before(self, pos: int) -> Iterator[Msg]:
        """Messages before ``pos`` back to the previous user turn, nearest first."""
        start = self.last_user(pos)
        return (self.msgs[i] for i in range(pos - 1, -1 if start is None else start, -1))

    def next_user(self, pos: int) -> int:
        i = bisect_right(self.users, pos)
        return self.users[i] if i < len(self.users) else len(self.msgs)

    def last_user(self, pos: int) -> int | None:
        i = bisect_left(self.users, pos)
        return self.users[i - 1] if i > 0 else None

    def prev_assistant(self, pos: int) -> Msg | None:
        """The assistant prose the user at ``pos`` is answering (no user turn in between)."""
        if pos in self._prev:
            return self._prev[pos]
        got = self._prev[pos] = next((m for m in self.before(pos) if m.role == "assistant" and m.prose), None)
        return got

    def prose_after(self, pos: int, text_only: bool = True) -> Msg | None:
        """The assistant's first words after ``pos``, before the user speaks again."""
        key = (pos, text_only)
        if key in self._next:
            return self._next[key]
        got = self._next[key] = next(
            (
                m
                for m in self.after(pos)
                if m.role == "assistant" and m.prose and not (text_only and m.has_calls)
            ),
            None,
        )
        return got
