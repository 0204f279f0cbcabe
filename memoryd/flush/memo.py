"""The flush's memo caches, emptied when a flush's content is made.

The rules ask the same pure questions of the same sentences many times within one range (a
sentence is tested by ~10 rules), so those answers are memoised with :func:`functools.lru_cache`.
Across flushes they are worth nothing: the next range has other sentences. Left full, a daemon that
runs for weeks would keep the last ranges' text in memory, secrets included (the rules read it
before redaction), for no gain. :func:`memo` registers each cache, :func:`table` each plain dict a
hot path fills itself (cheaper to probe than an ``lru_cache`` call); :func:`clear` empties them all,
and :func:`memoryd.flush.pipeline.content_of` calls it once a range's items are out.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

__all__ = ["cached_entries", "clear", "memo", "table"]

K = TypeVar("K")
T = TypeVar("T")
_CACHES: list[_lru_cache_wrapper[Any]] = []
_TABLES: list[dict[Any, Any]] = []


def memo(maxsize: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """``functools.lru_cache(maxsize)``, emptied by :func:`clear`."""

    def wrap(fn: Callable[..., T]) -> _lru_cache_wrapper[T]:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cached

    return wrap


def table() -> dict[K, T]:
    """An empty dict, emptied by :func:`clear`: for a memo its owner fills and bounds itself."""
    made: dict[K, T] = {}
    _TABLES.append(made)
    return made


def clear() -> None:
    """Empty every cache made by :func:`memo` (thread-safe: each clear takes its cache's lock) and
    every :func:`table` (``dict.clear`` is atomic)."""
    for cache in _CACHES:
        cache.cache_clear()
    for made in _TABLES:
        made.clear()


def cached_entries() -> int:
    """How many answers the caches hold now (the tests read it)."""
    return sum(cache.cache_info().currsize for cache in _CACHES) + sum(len(made) for made in _TABLES)
