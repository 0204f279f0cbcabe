"""An API that exits 0 but answers with a JSON failure envelope is a failure (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.extract.failures import json_failure
from memoryd.flush.extract.tools import text_failure
from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_envelope_shapes_that_say_failed() -> None:
    assert json_failure('{"meta": {"httpStatus": "401 - Unauthorized", "error": {"code": "AUTH"}}}')
    assert json_failure('{"ok": false, "error": "calendar not shared"}')
    assert json_failure('{"success":false,"data":null}')
    assert json_failure('{"statusCode": 429, "message": "slow down"}')
    assert json_failure('{"error": {"message": "token expired"}}')


def test_envelope_shapes_that_do_not() -> None:
    assert not json_failure('{"ok": true, "id": "evt_77"}')
    assert not json_failure('{"status": "200", "items": []}')
    assert not json_failure('{"error": null, "rows": 12}')
    assert not json_failure('[{"sensor": "t3", "error": "drift 0.4"}]')  # data, not the envelope
    assert not json_failure('{"retries": 403}')
    assert not json_failure("plain text, no json")


def test_text_failure_reads_the_envelope() -> None:
    assert text_failure('{"meta":{"httpStatus":"403 - Forbidden"}}', "curl -s https://api.example.org/v2/x")


def test_a_forbidden_api_with_exit_0_left_alone_is_unresolved_en() -> None:
    c = Conv()
    c.user("Please fetch the export list from the archive service.")
    first = c.run(
        "curl -s https://archive.example.org/api/v2/exports?project=P-118",
        '{"meta": {"httpStatus": "403 - Forbidden", "error": {"errorCode": "SCOPE.403"}}}',
    )
    again = c.run(
        "curl -s https://archive.example.org/api/v2/exports?project=P-118",
        '{"meta": {"httpStatus": "403 - Forbidden", "error": {"errorCode": "SCOPE.403"}}}',
    )
    c.say("Still 403: the key lacks the exports scope, only the service owner can add it.")
    c.user("Fine, skip it for now.")
    got = [o for o in outcomes(c.items()) if o.must_keep]
    assert got and {first, again} <= set(got[0].entry_ids)


def test_a_tool_answering_ok_false_then_fixed_is_resolved_es() -> None:
    c = Conv()
    c.user("Sube el informe trimestral al portal, por favor.")
    bad = c.run("python3 subir.py informe_t3.pdf", '{"ok": false, "error": "campo fecha vacío"}')
    c.edit("subir.py", "FECHA = '2026-09-30'\n")
    c.run("python3 subir.py informe_t3.pdf", '{"ok": true, "id": "doc_5521"}')
    c.say("Subido: doc_5521, con la fecha 2026-09-30.")
    got = outcomes(c.items())
    assert any(bad in o.entry_ids and not o.must_keep for o in got)


def test_a_healthy_envelope_opens_no_failure_de() -> None:
    c = Conv()
    c.user("Zieh bitte die offenen Bestellungen aus dem Shop.")
    c.run("curl -s https://shop.example.de/api/orders?state=open", '{"ok": true, "orders": 14}')
    c.say("14 offene Bestellungen.")
    assert not any(o.must_keep for o in outcomes(c.items()))
