"""A failing JSON answer is told by what failed in it, not by its first 110 characters.

A batch API answers on one long line, the failed element deep inside ("results": [... {"group":
"4B", "ok": false, "error": "group_locked"}]); the unresolved outcome used to quote the line's head,
which names only what worked. ``failure_said`` reads the answer by its keys (the tool's shape, not
a writer's words): the innermost failed object, what it names, how it failed.
"""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.failures import failure_said

_BATCH = (
    '{"job_id":"job_90","status":"completed","results":[{"class":"4A-CHEM","ok":true,"id":311},'
    '{"class":"4B-CHEM","ok":false,"error":"class_locked","message":"locked for edits by r.ortiz"}]}'
)


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (_BATCH, "4B-CHEM: class_locked, locked for edits by r.ortiz"),
        (
            '{"ok":false,"error":{"code":"rate_limited","message":"retry in 60s"}}',
            "rate_limited, retry in 60s",
        ),
        ('{"error":"Internal Server Error","code":500,"request_id":"req_8Hq"}', "500: Internal Server Error"),
        ('[{"sku":"VASE-12","status":"failed","reason":"out of stock"}]', "VASE-12 failed: out of stock"),
        (
            '{"id":"exp_7","status":"error","message":"storage unavailable"}',
            "exp_7 error: storage unavailable",
        ),
    ],
)
def test_a_failing_answer_is_said_by_its_keys(answer: str, said: str) -> None:
    assert failure_said(answer) == said


@pytest.mark.parametrize(
    "output",
    ['{"ok":true,"id":4}', "Error: not json at all", '{"ok":false', "", "[]", '{"results":[{"ok":true}]}'],
)
def test_no_failing_answer_says_nothing(output: str) -> None:
    assert failure_said(output) == ""


def _left_open(c: Conv, at: str) -> str:
    (item,) = [i for i in c.items() if i.kind == "outcome" and at in i.entry_ids]
    assert item.must_keep
    return item.text


def test_the_failed_element_of_a_batch_answer_is_in_the_outcome() -> None:
    c = Conv()
    c.user("post the lab report assignment to both chemistry classes please")
    bad = c.run("curl -s https://lms.example.edu/api/v2/jobs/job_90 -H 'Accept: application/json'", _BATCH)
    c.say("The job says completed, but only one class got it.")
    c.user("leave it, I'll sort it out on monday")
    c.say("Okay.")
    text = _left_open(c, bad)
    assert "4B-CHEM" in text and "class_locked" in text


def test_the_failed_element_is_in_the_outcome_in_spanish() -> None:
    c = Conv()
    c.user("sube la tarea a las dos clases de química, porfa")
    bad = c.run("curl -s https://lms.example.edu/api/v2/jobs/job_90", _BATCH)
    c.say("El trabajo dice completado, pero solo una clase la tiene.")
    c.user("vale, déjalo, el lunes lo miro")
    c.say("De acuerdo.")
    text = _left_open(c, bad)
    assert "4B-CHEM" in text and "locked for edits by r.ortiz" in text
