"""What a person wrote: envelope and code blocks removed, then sentences, paragraphs and lists.

OpenClaw wraps user turns in an envelope (a ``Sender (untrusted metadata):`` JSON block and a
``[Sun 2026-03-08 22:03 GMT+9]`` stamp) and may open replies with ``[[reply_to_current]]``; code
blocks are not prose either. Everything here is a pure function of a string.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from memoryd.flush.extract.markers import LEAD_FILLER, PLEASANTRY, STOPWORDS
from memoryd.flush.memo import memo
from memoryd.flush.redact import may_have_secret, redact

#: Longest item text, in characters.
MAX_TEXT: Final = 300


_ENVELOPE: Final = re.compile(r"^\s*[^\n]{0,80}\(untrusted[^\n)]*\):\s*\n```[\w-]*\n.*?\n```[ \t]*\n?", re.S)


_STAMP: Final = re.compile(
    r"^\s*\[(?:[A-Z][a-z]{2},? )?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?"
    r"(?: ?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\]\s*"
)


_REPLY_TAG: Final = re.compile(r"\[\[\s*reply_to[^\]]*\]\]\s*")


_FENCE: Final = re.compile(r"```.*?(?:```|\Z)", re.S)


CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


_CJK_RUN: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")


_ALNUM: Final = re.compile(r"[a-z0-9]+")


_SENT_SPLIT: Final = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])\s*|\n+")
#: "bis 20. Dezember": a German day number is no sentence end before its month
_DAY_NUMBER: Final = re.compile(r"\d\.$")
_MONTH_START: Final = re.compile(r"(?:Jan|Jän|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)[a-zä]*\b")
#: "am 2., 9. und 16.": a list of day numbers goes on after its "and"
_NEXT_NUMBER: Final = re.compile(r"(?:und|oder|bis|and|or|to|y|o|et|ou|e)\s+\d")
#: "bis 4.1. zurückschicken": a day and month ("4.1.") before a word in lower case ends no sentence
#: (unless what follows is a question of its own: "ab montag 30.11. kannst du mir sagen ...?")
_DAY_MONTH: Final = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.$")
_LOWER_START: Final = re.compile(r"[a-zß-ÿ]")
#: "am 17. stattfinden", "ab dem 5. gilt": a German day number after a preposition or article,
#: then a word in lower case, ends no sentence ("am 17. Danach ..." still does)
_DE_DAY: Final = re.compile(
    r"(?<![\w.])(?:am|an|ab|bis|seit|vom|zum|im|dem|den|der|des|jeden)\s+\d{1,2}\.$", re.I
)
#: "Dr. Hartmann": a title before a name ends no sentence
_TITLE: Final = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Dra|Sr|Sra|Hr|Fr)\.$")
#: "a managed queue, i.e. SQS", "z.B. zwei Knoten", "A vs. B": an abbreviation inside a sentence ends
#: none ("etc." and "usw." often do, so they are not here)
_ABBREV: Final = re.compile(
    r"(?<![\w.])(?:e\.g|i\.e|z\.\s?B|d\.\s?h|u\.\s?a|vs|cf|bzw|ggf|bspw|evtl|inkl|incl|approx|ca|mwst|ust|p\.ej|p\.ex)\.$",
    re.I,
)


_PARA_SPLIT: Final = re.compile(r"\n\s*\n")


LIST_ITEM: Final = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)]|[A-Za-z][.)])\s+")


_NUMBERED: Final = re.compile(r"^\s*(\d{1,2})[.)]\s+(.+)$")


STEP_START: Final = re.compile(r"^[^\S\n]*\d{1,2}[.)]\s", re.M)


_BULLET: Final = re.compile(r"^\s*[-*+•]\s+(.+)$")


_INDENTED: Final = re.compile(r"^\s{2,}")


_OPTION_HEAD: Final = re.compile(
    r"^\s*(?:[-*+•]\s+)?(?:\*\*|__)?\s*(?:(?:(?:option|choice|plan)\s+|案\s*)(?P<l1>[A-Za-z0-9])\b|(?P<l2>[A-Da-d])\))"
    r"\s*(?:\*\*|__)?\s*[:.)]?\s*(?:\*\*|__)?\s*(?P<text>.*)$",
    re.I,
)


_MD_BOLD: Final = re.compile(r"\*\*(.+?)\*\*|__(\w.*?)__")


_MD_ITALIC: Final = re.compile(r"(?<![\w*])\*([^\s*][^*\n]*?)\*(?![\w*])")


_MD_HEAD: Final = re.compile(r"^#+\s*", re.M)


TABLE_RULE: Final = re.compile(r"^\s*\|?\s*:?-{3,}")


TABLE_ROW: Final = re.compile(r"^\s*\|(.+)\|\s*$")


HEADING: Final = re.compile(r"^#{1,3}\s+(.+)$", re.M)


_NAME: Final = re.compile(r"\b[A-Z][\w-]+")


QUESTION_END: Final = re.compile(r"[?？]\s*$")


NUMBER: Final = re.compile(r"\d+(?:[.,]\d+)?")


_SENTENCE_END: Final = re.compile(r"[.!?。！？](?=\s|$)|[。！？]")
_CLAUSE_END: Final = re.compile(r"[;；](?=\s)|\s[—–]\s")


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """One line of at most ``limit`` characters, cut where a sentence (else a clause) ends.

    Whole sentences are kept, and a list joined with "; " loses whole items, so a bullet never
    stops mid-sentence. Only a single sentence longer than the limit is cut at a word, with "…".
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    window = text[: limit + 1]
    for pattern, keep in ((_SENTENCE_END, True), (_CLAUSE_END, False)):
        ends = [m.end() if keep else m.start() for m in pattern.finditer(window) if m.end() <= limit]
        best = max((e for e in ends if e >= limit * 0.35), default=None)
        if best is not None:
            return text[:best].rstrip(" ,;:—–-")
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:—-") + "…"


@memo(4096)
def plain(text: str) -> str:
    """Markdown emphasis and headings removed; inline code and identifiers kept verbatim."""
    if "**" in text or "__" in text:
        text = _MD_BOLD.sub(lambda m: m.group(1) or m.group(2) or "", text).replace("**", "")
    if "#" in text:
        text = _MD_HEAD.sub("", text)
    if "*" in text:
        text = _MD_ITALIC.sub(r"\1", text)
    return " ".join(text.split())


@memo(1024)  # keys can be whole messages: bounded (and emptied after each flush); 256 missed a third
def split_sentences(text: str) -> tuple[str, ...]:
    parts = [s.strip() for s in _SENT_SPLIT.split(text) if s and s.strip()]
    if len(parts) > 1 and any(
        p[-1:] == "." and (p[-2:-1].isdigit() or _TITLE.search(p) or _ABBREV.search(p)) for p in parts[:-1]
    ):
        merged = [parts[0]]
        for p in parts[1:]:
            last = merged[-1]
            if (
                (_DAY_NUMBER.search(last) and (_MONTH_START.match(p) or _NEXT_NUMBER.match(p)))
                or _TITLE.search(last)
                or _ABBREV.search(last)
                or (
                    (_DAY_MONTH.search(last) or _DE_DAY.search(last))
                    and _LOWER_START.match(p)
                    and not p.rstrip().endswith(("?", "？"))
                )
            ):
                merged[-1] = f"{merged[-1]} {p}"
            else:
                merged.append(p)
        parts = merged
    return tuple(parts)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARA_SPLIT.split(text) if p.strip()]


@memo(4096)  # asked of the same sentence by most rules (~10 times a sentence)
def is_question(sentence: str) -> bool:
    return bool(QUESTION_END.search(sentence))


def alone_in(sets: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    """Per set, the members no other set holds: ``s.difference(*others)`` for all of them, in one count.

    Built pairwise, that is quadratic in the number of sets, and a pasted checklist of a thousand
    lines is read as a thousand options.
    """
    seen = Counter(w for s in sets for w in s)
    return [frozenset(w for w in s if seen[w] == 1) for s in sets]


@memo(4096)
def word_set(text: str) -> frozenset[str]:
    """Content words (lower-cased, crude plural folding) plus CJK bigrams, for overlap tests."""
    low = plain(text).lower()
    words = {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in _ALNUM.findall(low)} - STOPWORDS
    if not low.isascii():  # (ASCII text has no CJK run)
        for run in _CJK_RUN.findall(low):
            words.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return frozenset(words)


@memo(2048)
def has_secret(text: str) -> bool:
    return may_have_secret(text) and redact(text).total > 0


def quote_user(sentences: Iterable[str], limit: int = 160) -> str:
    """User words worth quoting, pleasantries left out.

    A secret in them is quoted as said: the flush pipeline redacts every item text, and the
    ``[REDACTED:...]`` marker tells the reader a secret was shared at that point.
    """
    kept = [s for s in sentences if not PLEASANTRY.match(s.strip())]
    return clip(LEAD_FILLER.sub("", plain(" ".join(kept))), limit)


def clean_prose(text: str) -> str:
    """Drop OpenClaw's envelope and code blocks: what remains is what a person wrote."""
    if "[[" in text:
        text = _REPLY_TAG.sub("", text)
    prev = None
    while prev != text and (
        "(untrusted" in text[:400] or text.lstrip()[:2] in ("[M", "[T", "[W", "[F", "[S", "[2")
    ):
        prev = text
        text = _STAMP.sub("", _ENVELOPE.sub("", text, count=1), count=1)
    return (_FENCE.sub("\n", text) if "```" in text else text).strip()


@dataclass(frozen=True, slots=True)
class Option:
    label: str
    text: str

    @property
    def words(self) -> frozenset[str]:
        return word_set(self.text)


@dataclass(frozen=True, slots=True)
class Block:
    """One list in a message, with the line that introduces it."""

    header: str
    items: tuple[Option, ...]


#: The first character (after spaces) of any ``TABLE_RULE``, ``_BULLET`` or ``TABLE_ROW`` match (``_NUMBERED``: a digit).
_LIST_OPENERS: Final = frozenset("|:-*+•")


def list_blocks(prose: str) -> tuple[Block, ...]:
    """Top-level lists in ``prose`` (nested items belong to the item above them)."""
    blocks: list[tuple[str, list[tuple[str, str]]]] = []
    header: str = ""
    current: list[tuple[str, str]] | None = None
    for line in prose.splitlines():
        head = line.lstrip()[:1]
        if not head:
            continue
        # a list item, a table row or rule opens (after spaces) with one of these: prose lines skip the regexes
        if head in _LIST_OPENERS or head.isdigit():
            if TABLE_RULE.match(line):
                continue
            m = _NUMBERED.match(line) or _BULLET.match(line) or TABLE_ROW.match(line)
        else:
            m = None
        if m and not _INDENTED.match(line):
            if current is None:
                current = []
                blocks.append((header, current))
            label = m.group(1) if m.re is _NUMBERED else str(len(current) + 1)
            current.append((label, m.group(m.lastindex or 1).replace("|", " ")))
        elif not m:
            header, current = line.strip(), None
    return tuple(Block(h, tuple(Option(lb, plain(t)) for lb, t in items)) for h, items in blocks)


def option_list(prose: str, blocks: Sequence[Block]) -> tuple[Option, ...]:
    """Alternatives laid out in a message: labelled options if any, else the items of its lists."""
    labelled: list[list[str]] = []
    for line in prose.splitlines() if labelled_lines(prose) else ():
        m = _OPTION_HEAD.match(line)
        if m and (m.group("text") or "").strip():
            labelled.append([(m.group("l1") or m.group("l2") or "").lower(), m.group("text")])
        elif labelled and LIST_ITEM.match(line) and len(labelled[-1][1]) < 60:
            labelled[-1][1] += "; " + LIST_ITEM.sub("", line)  # a short option spelled out as steps
    if len(labelled) >= 2:
        return tuple(Option(label, plain(text)) for label, text in labelled)
    return tuple(o for b in blocks for o in b.items)


def or_options(sentences: Sequence[str]) -> tuple[Option, ...]:
    """The two sides of an "X or Y?" question, as options."""
    question = next((s for s in reversed(sentences) if is_question(s) and " or " in s.lower()), "")
    head, _, tail = question.rstrip("?？ ").rpartition(" or ")
    return (Option("1", head), Option("2", tail)) if head and tail else ()


@memo(1024)  # 256 missed half its keys again on a long range
def labelled_lines(prose: str) -> tuple[str, ...]:
    """Lines that open a labelled option ("Option 2:", "**B)**")."""
    low = prose.lower()
    if not any(k in low for k in ("option", "choice", "plan", "案", ")")):
        return ()
    return tuple(line for line in prose.splitlines() if _OPTION_HEAD.match(line))


def numbered_steps(text: str) -> list[str]:
    return [plain(m.group(2)) for line in text.splitlines() if (m := _NUMBERED.match(line))]


def has_steps(text: str) -> bool:
    """A numbered how-to: three steps, or two that are commands."""
    steps = numbered_steps(text)
    return len(steps) >= 3 or (len(steps) == 2 and all("`" in s for s in steps))


def capitalised_names(text: str) -> set[str]:
    """Capitalised names in a text ("Priya", "Sintra"), without sentence-initial function words."""
    return {w for w in _NAME.findall(text) if len(w) > 2 and w.lower() not in STOPWORDS}
