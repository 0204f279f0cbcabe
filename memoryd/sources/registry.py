"""Which source adapters exist: every module ``memoryd/sources/*_source.py`` (and ``files.py``) that
names one in ``ADAPTER``, tried in ``PRIORITY`` order (lower first; the file layout, the fallback,
is last). So a new runtime is one new module: nothing else changes.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import memoryd.sources as package


def adapter_classes() -> list[Any]:
    """The adapter classes, most specific first (each is built with the engine as its host)."""
    found: list[tuple[int, str, Any]] = []
    for info in pkgutil.iter_modules(package.__path__):
        if not (info.name == "files" or info.name.endswith("_source")):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        cls = getattr(module, "ADAPTER", None)
        if cls is not None:
            found.append((int(getattr(module, "PRIORITY", 50)), info.name, cls))
    return [cls for _, _, cls in sorted(found, key=lambda t: (t[0], t[1]))]
