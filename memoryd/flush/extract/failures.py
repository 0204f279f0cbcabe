"""Failures a tool states in its own JSON answer while its exit code (or ``isError``) says all is well.

An API called with ``curl -s`` exits 0 on a 403; a gateway tool answers ``{"ok": false, "error": ...}``.
The shape is the tool's, not a writer's wording: a boolean status key set to false, an HTTP status
field (``httpStatus``, ``statusCode``, ``status``) holding a 4xx/5xx code, or a top-level ``error``
object or message. Only the head of the output is read (where an API puts its envelope).
"""

from __future__ import annotations

import re
from typing import Final

#: How much of the output's head is read: an API's envelope comes first.
_HEAD: Final = 2000

_JSON_FAILURE: Final = re.compile(
    r"\"(?:ok|success|succeeded)\"\s*:\s*false\b"
    r"|\"(?:[a-z]+_?)?(?i:status|status_?code|http_?code)\"\s*:\s*\"?[45]\d\d\b"
    r"|^\s*\{\s*\"(?:error|errors|err)\"\s*:\s*(?:\"[^\"\s]|\{|\[\s*\{)"
    r"|\"meta\"\s*:\s*\{[^{}]{0,80}\"(?:error|errors)\"\s*:\s*\{"
)


def json_failure(output: str) -> bool:
    """Whether the head of ``output`` is a JSON answer that reports a failure."""
    head = output[:_HEAD]
    if "{" not in head:
        return False
    return _JSON_FAILURE.search(head) is not None
