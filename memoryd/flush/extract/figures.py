"""Figures read and reported. A tool prints a table of figures, one per line ("Amazon EC2  24310.55",
"households 1412", "parcels 6902"), and the assistant's next words give three or more of them back,
exactly or rounded ("EC2 $24.3k", "1,412 households"): what the figures say is a fact, whatever else
the run was part of (a failure fixed on the way is the outcome's, the numbers are the fact's)."""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.prose import has_secret, is_question, plain

#: A line of a table that ends in its figure: a label, then a number ("GROUPS  Amazon RDS  14120.02").
_ROW: Final = re.compile(r"^[^\S\n]*[^\W\d][^\n]*?\s(\d[\d,.]*)\s*$", re.M)

#: A number as a report writes it: separators, and a "k" or "M" for thousands or millions.
_SAID: Final = re.compile(r"(?<![\w.])(\d[\d,.]*)\s?([kKmM])?(?![\w])")

#: How many figures the report must give back; how close a rounded one must be.
_MIN: Final = 3
_CLOSE: Final = 0.01


def read_figures(ctx: Ctx) -> None:
    """Each tool output with a table of figures, given back in the assistant's next prose (see the
    module): the paragraph that gives them, a fact citing the output and the report (whole: the outcome
    of the run may quote the figures, and a fact that is only a part of it would be merged into it)."""
    cited = {p for d in ctx.drafts if d.kind == "fact" for p in d.pos}
    for m in ctx.msgs:
        step = m.step
        if step is None or step.failed or step.quiet or step.effect not in ("read", "check", "code"):
            continue
        table = [
            v for v in (_value(x) for x in _ROW.findall(step.output[:4000])) if v is not None and v >= 100
        ]
        if len(set(table)) < _MIN:
            continue
        reply = next((x for x in ctx.after(m.pos) if x.role == "assistant" and x.prose), None)
        if reply is None or reply.pos in cited:
            continue
        for para in reply.paragraphs:
            if is_question(para) or has_secret(para) or _given_back(para, table) < _MIN:
                continue
            ctx.add("fact", plain(" ".join(para.split())).rstrip(" .:"), {m.pos, reply.pos})
            cited.add(reply.pos)
            break


def _given_back(text: str, table: list[float]) -> int:
    """How many of the table's figures ``text`` gives, exactly or rounded."""
    said = {v for v in (_value(n, unit) for n, unit in _SAID.findall(text)) if v is not None}
    return sum(1 for t in set(table) if any(abs(s - t) <= _CLOSE * t for s in said))


def _value(number: str, unit: str = "") -> float | None:
    """A number's value: "24310.55", "1,412", "6.902" (a thousands dot), "24.3" or "24,3" with "k"."""
    digits = number.rstrip(".,")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits) and not unit:
        digits = re.sub(r"[.,]", "", digits)  # ("1,412", "6.902": thousands)
    elif "," in digits and "." not in digits and re.fullmatch(r"\d+,\d{1,2}", digits):
        digits = digits.replace(",", ".")  # ("31,2k", "5410,90": a decimal comma)
    else:
        digits = digits.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    return value * {"k": 1e3, "m": 1e6}.get(unit.lower(), 1.0)
