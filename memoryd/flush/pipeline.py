"""From transcript bytes to a Markdown block: parse → extract → redact → dedupe → render.

Pure, except with the optional LLM mode (``llm`` settings given): the rules run first, and a model
distills their candidates; the rules' result stands whenever the model fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from memoryd.flush.dedupe import dedupe
from memoryd.flush.extract import collector_paused, extract_items
from memoryd.flush.items import Item
from memoryd.flush.llm import LLMSettings, ask_model
from memoryd.flush.memo import clear as clear_memos
from memoryd.flush.redact import redact, secrets_in
from memoryd.flush.render import BlockMeta, render_block
from memoryd.sources.transcript import Entry, LineError, parse_lines

MAX_ITEMS = 30
MAX_BLOCK_BYTES = 4096


@dataclass(frozen=True, slots=True)
class FlushContent:
    items: tuple[Item, ...]
    redactions: dict[str, int]
    entries: int
    first_entry_id: str | None
    last_entry_id: str | None
    line_errors: tuple[LineError, ...]
    #: Which extractor produced the items: ``rules``, ``llm`` when the model answered, or
    #: ``rules-fallback`` when it was asked and failed (``llm_fallback_reason`` says why).
    extractor: str = "rules"
    #: Tokens the LLM mode spent (the answer's ``usage``, else characters / 4); 0 without a model
    #: call. Counted also when the answer did not validate and the rules' items were written.
    llm_tokens_in: int = 0
    llm_tokens_out: int = 0
    llm_fallback_reason: str | None = None

    @property
    def counts(self) -> dict[str, int]:
        return dict(Counter(i.kind for i in self.items))


def redact_items(
    items: Sequence[Item], *, known: frozenset[str] = frozenset()
) -> tuple[list[Item], dict[str, int]]:
    """Items with their secrets redacted, and the counts per rule.

    ``known`` are the secrets of the whole range (:func:`secrets_in`): a value once used as a
    password goes wherever an item quotes it, with or without its label.
    """
    total: Counter[str] = Counter()
    out: list[Item] = []
    for item in items:
        red = redact(item.text, known=known)
        total.update(red.counts)
        out.append(replace(item, text=red.text) if red.counts else item)
    return out, dict(total)


def content_of(
    entries: Sequence[Entry],
    existing_lines: Sequence[str],
    line_errors: Sequence[LineError] = (),
    llm: LLMSettings | None = None,
    *,
    deadline: float | None = None,
) -> FlushContent:
    """What a flush of ``entries`` keeps, given what the daily logs already say.

    With ``llm`` the rules' items are the candidates a model distills; they stand as they are when
    the model fails or answers something that does not validate. ``deadline`` (``time.monotonic()``)
    bounds the model's exchange, retries included.
    """
    with collector_paused():  # finding the range's secrets allocates as much as the rules
        known = secrets_in(entries)
        found = extract_items(entries, max_items=MAX_ITEMS, max_bytes=MAX_BLOCK_BYTES)
    extractor, tokens_in, tokens_out, why = "rules", 0, 0, None
    answer = (
        ask_model(entries, found, llm, known=known, deadline=deadline) if llm is not None and found else None
    )
    if answer is not None:
        tokens_in, tokens_out = answer.tokens_in, answer.tokens_out
        if answer.items is not None:
            found, extractor = answer.items, "llm"
        else:
            extractor, why = "rules-fallback", answer.failure
    items, redactions = redact_items(found, known=known)
    items = dedupe(items, existing_lines)
    clear_memos()  # the range's sentences (and secrets) are not kept in memory until the next flush
    return FlushContent(
        items=tuple(items),
        redactions=redactions,
        entries=len(entries),
        first_entry_id=entries[0].id if entries else None,
        last_entry_id=entries[-1].id if entries else None,
        line_errors=tuple(line_errors),
        extractor=extractor,
        llm_tokens_in=tokens_in,
        llm_tokens_out=tokens_out,
        llm_fallback_reason=why,
    )


def content_of_bytes(
    data: bytes,
    existing_lines: Sequence[str],
    first_line_no: int = 1,
    llm: LLMSettings | None = None,
    *,
    deadline: float | None = None,
) -> FlushContent:
    _, entries, errors = parse_lines(data, first_line_no)
    return content_of(entries, existing_lines, errors, llm, deadline=deadline)


def block_for(meta: BlockMeta, content: FlushContent) -> str:
    return render_block(meta, content.items)
