"""The gen-report split (set B): families, phrasing banks and domains that gen-tune never uses.

Extractor authors: do not read this package or ``tests/data/eval/gen-report/``.
"""

from __future__ import annotations

from ..generate import SplitSpec
from .banks import BANKS
from .domains import DOMAINS
from .families import FAMILIES

REPORT = SplitSpec("gen-report", FAMILIES, BANKS, DOMAINS, count=90)
