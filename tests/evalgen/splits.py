"""Which families, banks and domains make each generated split (disjoint by construction)."""

from __future__ import annotations

from . import banks_tune, domains_tune, families_tune
from .generate import SplitSpec

SEED = 11

TUNE = SplitSpec("gen-tune", families_tune.FAMILIES, banks_tune.BANKS, domains_tune.DOMAINS, count=90)


def specs() -> list[SplitSpec]:
    from .report import REPORT

    return [TUNE, REPORT]
