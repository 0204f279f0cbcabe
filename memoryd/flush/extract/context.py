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
    # the pure look-ups below, tabled once per range (the messages never change while the rules run)
    _prev: list[Msg | None] = field(default_factory=list)
    _next: list[tuple[Msg | None, Msg | None]] = field(default_factory=list)
    _proposals: list[Msg] | None = None
    _proposal_at: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.users = [m.pos for m in self.msgs if m.role == "user"]

    def _table_prev(self) -> list[Msg | None]:
        """For each position, the nearest assistant prose before it since the last user turn: one pass."""
        table: list[Msg | None] = []
        cur: Msg | None = None
        for m in self.msgs:
            table.append(cur)
            if m.role == "user":
                cur = None
            elif m.role == "assistant" and m.prose:
                cur = m
        self._prev = table
        return table

    def _table_next(self) -> list[tuple[Msg | None, Msg | None]]:
        """For each position, the first assistant prose after it before the next user turn (without
        tool calls, and with or without): one pass from the end."""
        table: list[tuple[Msg | None, Msg | None]] = [(None, None)] * len(self.msgs)
        text: Msg | None = None
        any_: Msg | None = None
        for i in range(len(self.msgs) - 1, -1, -1):
            table[i] = (text, any_)
            m = self.msgs[i]
            if m.role == "user":
                text = any_ = None
            elif m.role == "assistant" and m.prose:
                any_ = m
                if not m.has_calls:
                    text = m
        self._next = table
        return table

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

    def proposals_before(self, pos: int) -> list[Msg]:
        """The assistant turns before ``pos`` that lay out options to take (``Msg.proposal``), in order:
        what a loop over ``msgs[:pos]`` keeping ``role == "assistant" and prose and proposal`` finds,
        without walking the whole range again for each turn that asks."""
        if self._proposals is None:
            self._proposals = [m for m in self.msgs if m.role == "assistant" and m.prose and m.proposal]
            self._proposal_at = [m.pos for m in self._proposals]
        return self._proposals[: bisect_left(self._proposal_at, pos)]

    def prev_assistant(self, pos: int) -> Msg | None:
        """The assistant prose the user at ``pos`` is answering (no user turn in between)."""
        table = self._prev or self._table_prev()
        if 0 <= pos < len(table):
            return table[pos]
        return next((m for m in self.before(pos) if m.role == "assistant" and m.prose), None)

    def first_answers(self) -> Iterator[tuple[Msg, Msg]]:
        """Each user turn with the assistant's first words after it (tool calls or not): where an
        answer takes the turn's points in (``restated``, ``said_back``, ``own_rule``)."""
        for m in self.msgs:
            if m.role != "assistant" or not m.prose:
                continue
            asker = self.last_user(m.pos)
            if asker is not None and self.prose_after(asker, text_only=False) is m:
                yield self.msgs[asker], m

    def prose_after(self, pos: int, text_only: bool = True) -> Msg | None:
        """The assistant's first words after ``pos``, before the user speaks again."""
        table = self._next or self._table_next()
        if 0 <= pos < len(table):
            return table[pos][0 if text_only else 1]
        return next(
            (
                m
                for m in self.after(pos)
                if m.role == "assistant" and m.prose and not (text_only and m.has_calls)
            ),
            None,
        )
